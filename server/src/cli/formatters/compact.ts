/**
 * `--format compact`: one line per finding with its file, ESLint's `compact` shape
 * (`path: line L, col C, Severity - message (rule-id)`), then the count. Made for machines that
 * read lines, such as VS Code's `$concurrency-lint-compact` problem matcher, which needs no
 * multi-line pattern and so never stops early (the stylish matcher stops at a related location).
 */
import type { FormatInput } from "./index";
import { computeTotals, displayPath, singleLine, sortFindings } from "./shared";

const SEVERITY = { error: "Error", warning: "Warning", info: "Info" } as const;

export function formatCompact(input: FormatInput): string {
  const lines: string[] = [];
  for (const result of input.results) {
    const file = displayPath(input.cwd, result.fileName);
    for (const finding of sortFindings(result.findings)) {
      const { line, character } = finding.range.start;
      lines.push(`${file}: line ${line + 1}, col ${character + 1}, ${SEVERITY[finding.severity]} - ${singleLine(finding.message)} (${finding.ruleId})`);
    }
  }
  for (const error of input.internalErrors) {
    lines.push(`${displayPath(input.cwd, error.fileName)}: Internal error in rule ${error.ruleId}: ${singleLine(error.message)}`);
  }
  const totals = computeTotals(input.results);
  const problems = totals.problems;
  if (problems === 0 && input.internalErrors.length === 0) return "";
  lines.push("", `${problems} problem${problems === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}
