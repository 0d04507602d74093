import { findOrder, type Order } from "./db.js";
import { notifyWarehouse } from "./mailer.js";

export async function orderWithNotice(id: string): Promise<Order | undefined> {
  // Bug (unhandled-rejection-window): the lookup starts, then the function waits for the notice;
  // if the lookup fails meanwhile, nothing handles it yet and Node.js exits.
  const order = findOrder(id);
  await notifyWarehouse([id]);
  return await order;
}

export async function orderWithNoticeSafely(id: string): Promise<Order | undefined> {
  // Clean: both start at once and are awaited together.
  const [order] = await Promise.all([findOrder(id), notifyWarehouse([id])]);
  return order;
}
