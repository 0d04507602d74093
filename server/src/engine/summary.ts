/**
 * One-line summaries of findings, for output that gives a finding one line (the CLI's `stylish`).
 * The full message (what is wrong, why it matters, what to do) stays in `json`, SARIF, editors
 * and the docs; the summary only has to say what is wrong.
 */
import type { Finding } from "./types";

/**
 * A message's summary when its rule gives none (`RuleMeta.summaries`): the text up to the end of
 * its first sentence or first clause, i.e. the first `. `, `: `, `; ` or `, so ` outside code
 * spans and parentheses, without the final full stop. A message without such a break is its own
 * summary.
 *
 * "`.then()` without a rejection handler returns a new promise that no one handles: a rejection
 * ... goes unhandled. Add a `.catch()` handler ..." becomes "`.then()` without a rejection handler
 * returns a new promise that no one handles".
 */
export function summarize(message: string): string {
  const text = message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
  let inCode = false;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "`") inCode = !inCode;
    if (inCode) continue;
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (depth > 0 || index === 0) continue;
    const next = text[index + 1];
    const endsHere =
      (next === " " && (char === ":" || char === ";" || (char === "." && !isAbbreviation(text, index)))) ||
      (char === "," && text.startsWith(" so ", index + 1));
    if (endsHere) return text.slice(0, index);
  }
  return text.replace(/\.$/, "");
}

/** "e.g." and "i.e." end no sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  return /(^|[\s(])(e\.g|i\.e)$/.test(text.slice(Math.max(0, dot - 5), dot));
}

/** The one-line summary of a finding: its own, or the first clause of its message. */
export function summaryOf(finding: Finding): string {
  return finding.summary ?? summarize(finding.message);
}
