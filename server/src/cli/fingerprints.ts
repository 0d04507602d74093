/**
 * Stable fingerprints of findings: one function for SARIF's `partialFingerprints` and for
 * baselines (`--write-baseline` / `--baseline`), so both recognise a finding the same way.
 */
import { createHash } from "node:crypto";
import { LineIndex } from "../engine/lines";
import type { Finding } from "../engine/types";
import { portablePath, sortFindings } from "./formatters/shared";

/** Our own key: `primaryLocationLineHash` belongs to GitHub's algorithm, which upload-sarif fills in. */
export const FINGERPRINT_KEY = "concurrencyLint/v1";

export interface FingerprintedFinding {
  finding: Finding;
  fingerprint: string;
}

/**
 * A file's findings in reading order, each with a fingerprint that survives unrelated edits:
 * rule, the file's path relative to `root` (with `/`), the whitespace-normalised text of the
 * finding's first line, and which occurrence of that combination it is in the file. No line
 * numbers, so lines added above do not change it; only the first line, so an edit inside a long
 * flagged block (a whole callback) does not make it a new finding.
 *
 * `sourceText` is the text the findings' positions refer to.
 */
export function fingerprintFindings(
  fileName: string,
  sourceText: string,
  findings: readonly Finding[],
  root: string,
): FingerprintedFinding[] {
  const lines = new LineIndex(sourceText);
  const file = portablePath(root, fileName);
  const occurrences = new Map<string, number>();
  return sortFindings(findings).map((finding) => {
    const text = lines.lineText(finding.range.start.line).replace(/\s+/g, " ").trim();
    const key = [finding.ruleId, file, text].join("\0");
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return { finding, fingerprint: createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32) };
  });
}
