import { findOrder, type Order } from "./db.js";

const orderCache = new Map<string, Order>();

export async function cachedOrder(id: string): Promise<Order | undefined> {
  // Bug (shared-state-across-await, duplicate initialization): concurrent calls all miss the
  // cache while the first one waits, and each loads the order again; the last write wins.
  if (!orderCache.has(id)) {
    const order = await findOrder(id);
    if (order) orderCache.set(id, order);
  }
  return orderCache.get(id);
}

// Clean: the in-flight promise is cached, so concurrent callers share one lookup.
const pendingOrders = new Map<string, Promise<Order | undefined>>();

export function orderOnce(id: string): Promise<Order | undefined> {
  let pending = pendingOrders.get(id);
  if (!pending) {
    pending = findOrder(id);
    pendingOrders.set(id, pending);
  }
  return pending;
}

let ordersServed = 0;

export async function serve(id: string): Promise<Order | undefined> {
  // Clean: the counter is updated from a value read after the await.
  const order = await orderOnce(id);
  ordersServed += 1;
  return order;
}

export function served(): number {
  return ordersServed;
}
