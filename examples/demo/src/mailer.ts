import type { Order } from "./db.js";

export async function sendReceipt(order: Order): Promise<void> {
  if (!order.customer.includes("@")) throw new Error(`no e-mail address for order ${order.id}`);
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export async function notifyWarehouse(orderIds: string[]): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, orderIds.length));
}
