import { createServer } from "node:http";
import { placeOrder } from "./orders.js";

export function start(port: number): void {
  const server = createServer((request, response) => {
    // A stale suppression: the chain below handles its errors, so this hides nothing today.
    // concurrency-lint-disable-next-line floating-promise -- errors are answered by the .catch below
    placeOrder({ id: String(Date.now()), customer: "demo@example.com", total: 1 })
      .then(() => response.end("ok"))
      .catch(() => {
        response.statusCode = 500;
        response.end("failed");
      });
    request.resume();
  });
  server.listen(port);
}

export function stop(flush: () => Promise<void>): void {
  // A suppression must give its reason (`requireSuppressionReason` is on in this project).
  // concurrency-lint-disable-next-line floating-promise
  flush();
}
