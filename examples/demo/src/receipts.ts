import { findOrder, type Order } from "./db.js";
import { sendReceipt } from "./mailer.js";

export async function sendAllReceipts(orderIds: string[]): Promise<void> {
  const orders = await Promise.all(["latest", "oldest"].map((id) => findOrder(id))); // Clean: two lookups.
  console.log(`${orders.length} reference orders`);
  // Bug (unbounded-concurrency): one send per order, all at once. A month of orders opens
  // thousands of mail connections together and hits the mail server's rate limit.
  await Promise.all(orderIds.map(async (id) => {
    const order = await findOrder(id);
    if (order) await sendReceipt(order);
  }));
}

export async function sendAllReceiptsInBatches(orders: Order[]): Promise<void> {
  // Clean: batches of a constant size, one after the other: at most 20 sends at a time.
  for (let i = 0; i < orders.length; i += 20) {
    const batch = orders.slice(i, i + 20);
    await Promise.all(batch.map((order) => sendReceipt(order)));
  }
}
