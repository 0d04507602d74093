// A tiny in-memory "database" with an async API, standing in for a real driver.
export interface Order {
  id: string;
  customer: string;
  total: number;
}

const orders = new Map<string, Order>();
let connected = true;

export function disconnect(): void {
  connected = false;
}

/** The table, or an error once disconnected: like a real driver, every call can fail. */
function table(): Map<string, Order> {
  if (!connected) throw new Error("database disconnected");
  return orders;
}

export async function saveOrder(order: Order): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  table().set(order.id, order);
}

export async function findOrder(id: string): Promise<Order | undefined> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return table().get(id);
}

export async function deleteOrder(id: string): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return table().delete(id);
}
