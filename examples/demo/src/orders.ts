import { deleteOrder, findOrder, saveOrder, type Order } from "./db.js";
import { notifyWarehouse, sendReceipt } from "./mailer.js";

export async function placeOrder(order: Order): Promise<void> {
  await saveOrder(order);
  // Bug: the receipt is sent in the background; if it fails, the process dies of an
  // unhandled rejection and the caller never knows.
  sendReceipt(order);
}

export async function cancelOrders(ids: string[]): Promise<void> {
  // Bug: deletions are started but not awaited; the function returns before they finish.
  ids.map(async (id) => deleteOrder(id));
}

export function auditOrder(id: string): void {
  // Bug: `.then()` without a rejection handler.
  findOrder(id).then((order) => console.log("audit", order?.id));
}

export async function reorder(id: string, dryRun: boolean): Promise<Order | undefined> {
  const previous = findOrder(id);
  // Bug: on a dry run the lookup is dropped, its rejection unhandled.
  if (dryRun) return undefined;
  const order = await previous;
  if (order) await placeOrder({ ...order, id: `${order.id}-again` });
  return order;
}

// Clean code below: none of this may be flagged.

export async function placeOrders(batch: Order[]): Promise<void> {
  for (let i = 0; i < batch.length; i += 10) await Promise.all(batch.slice(i, i + 10).map(async (order) => placeOrder(order)));
  await notifyWarehouse(batch.map((order) => order.id));
}

export function placeOrderInBackground(order: Order): void {
  // A deliberate fire-and-forget, made visible with `void` and given a handler.
  void placeOrder(order).catch((error: unknown) => console.error("background order failed", error));
}

export async function orderSummary(id: string): Promise<string> {
  const pending = findOrder(id);
  console.log("looking up", id);
  const order = await pending;
  return order ? `${order.id}: ${order.total}` : "unknown order";
}

export async function refundAll(ids: string[]): Promise<void> {
  // Bug (misused-promise): forEach does not wait; the refunds race and failures are unhandled.
  ids.forEach(async (id) => {
    await deleteOrder(id);
  });
}

export async function isLarge(id: string): Promise<boolean> {
  const order = await findOrder(id);
  return (order?.total ?? 0) > 1000;
}

export async function flagLargeOrders(ids: string[]): Promise<string[]> {
  const flagged: string[] = [];
  for (const id of ids) {
    // Clean: the promise is awaited before it is tested.
    if (await isLarge(id)) flagged.push(id);
  }
  return flagged;
}
