import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summarize } from "../../server/src/engine/summary";

describe("summarize", () => {
  const cases: [message: string, summary: string][] = [
    ["Promise is neither awaited nor handled. If it rejects, the error reaches no one.", "Promise is neither awaited nor handled"],
    ["Array of promises is dropped: none of them is awaited.", "Array of promises is dropped"],
    ["`forEach` does not wait; use `for...of`.", "`forEach` does not wait"],
    ["This suppression names no rule, so it suppresses nothing; name one.", "This suppression names no rule"],
    // Code spans and parentheses hide breaks: `.then()`, `a ? b : c`, "(Node.js exits. Really.)".
    ["`.then()` without a handler: unhandled.", "`.then()` without a handler"],
    ["`x ? y : z. w` is odd. Fix it.", "`x ? y : z. w` is odd"],
    ["It rejects (Node.js exits: always) and stops. More.", "It rejects (Node.js exits: always) and stops"],
    // Abbreviations end no sentence.
    ["Add a reason, e.g. `-- why`. Then commit.", "Add a reason, e.g. `-- why`"],
    ["One sentence without a break.", "One sentence without a break"],
    ["No full stop", "No full stop"],
    ["Line\nbreaks are spaces. Second.", "Line breaks are spaces"],
  ];
  for (const [message, summary] of cases) {
    it(JSON.stringify(message), () => assert.equal(summarize(message), summary));
  }
});
