import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { findOrder } from "./db.js";

export async function renderInvoice(id: string): Promise<string> {
  const order = await findOrder(id);
  // Bug (blocking-call-in-async): a synchronous read inside async code stalls every other
  // request on this process until the disk answers.
  const template = readFileSync(join(__dirname, "..", "templates", "invoice.txt"), "utf8");
  return template.replace("{{total}}", String(order?.total ?? 0));
}

export async function renderReceipt(id: string): Promise<string> {
  const order = await findOrder(id);
  // Clean: the asynchronous read lets other requests run while the disk works.
  const template = await readFile(join(__dirname, "..", "templates", "receipt.txt"), "utf8");
  return template.replace("{{total}}", String(order?.total ?? 0));
}

export function loadTemplatesAtStartup(): string[] {
  // Clean: synchronous start-up code that no async function calls.
  return ["invoice", "receipt"].map((name) => readFileSync(join(__dirname, "..", "templates", `${name}.txt`), "utf8"));
}
