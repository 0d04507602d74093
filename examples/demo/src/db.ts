// A tiny in-memory "database" with an async API, standing in for a real driver.
export interface Order {
  id: string;
  customer: string;
  total: number;
}

const orders = new Map<string, Order>();

export async function saveOrder(order: Order): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  orders.set(order.id, order);
}

export async function findOrder(id: string): Promise<Order | undefined> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return orders.get(id);
}

export async function deleteOrder(id: string): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return orders.delete(id);
}
