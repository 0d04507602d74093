/**
 * The default, human-readable format: ESLint's stylish shape, one line per finding
 * (`line:col  severity  summary  rule-id`) under a file header, then the totals. The line carries
 * the finding's one-line summary; the full explanation is in `json`, SARIF, the editor and the
 * docs, and `--format codeframe` shows it with the source. Related locations follow their
 * finding, indented. With a width (a terminal), summaries and related messages are cut with `…`
 * so that every line fits.
 *
 * The VS Code extension contributes a problem matcher for this output (colour off):
 *
 *   "pattern": [
 *     { "regexp": "^([^\\s].*)$", "file": 1 },
 *     { "regexp": "^\\s+(\\d+):(\\d+)\\s+(error|warning|info)\\s+(.*?)\\s\\s+([a-z-]+)$",
 *       "line": 1, "column": 2, "severity": 3, "message": 4, "code": 5, "loop": true }
 *   ]
 *
 * i.e. `file: ^([^\s].*)$` and `finding: ^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*?)\s\s+([a-z-]+)$`
 * (exported below as `problemMatcherPatterns`; the tests run them over this output).
 * VS Code ends a `loop` at the first line the pattern does not match and only starts again at a
 * file line directly followed by a finding line. A related-location line ends the loop, so the
 * matcher takes a file's findings up to the first one with related locations; the
 * related lines start with whitespace, so they are never taken for a file or a finding.
 */
import pc from "picocolors";
import type { ReportSeverity } from "../../engine/types";
import { summaryOf } from "../../engine/summary";
import type { FileResult, FormatInput } from "./index";
import { computeTotals, displayPath, singleLine, sortFindings, type Totals } from "./shared";

export type Colors = ReturnType<typeof pc.createColors>;

export const problemMatcherPatterns = {
  file: /^([^\s].*)$/,
  finding: /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*?)\s\s+([a-z-]+)$/,
} as const;

/** Below this, a summary is not cut further even if the line then overflows the width. */
const MIN_MESSAGE_WIDTH = 20;

export function formatStylish(input: FormatInput): string {
  const c = pc.createColors(input.color);
  const sections: string[] = [];
  for (const result of input.results) {
    if (result.findings.length > 0) sections.push(fileSection(result, input.cwd, c, input.width));
  }
  const tail = footer(input, c);
  if (tail !== "") sections.push(tail);
  return sections.length === 0 ? "" : `${sections.join("\n\n")}\n`;
}

/** Internal errors and the totals: the end of `stylish` and `codeframe`. */
export function footer(input: FormatInput, c: Colors): string {
  const sections: string[] = [];
  if (input.internalErrors.length > 0) {
    sections.push(
      input.internalErrors
        .map((error) =>
          c.red(
            `Internal error in rule ${error.ruleId} while linting ${displayPath(input.cwd, error.fileName)}: ${singleLine(error.message)}`,
          ),
        )
        .join("\n"),
    );
  }
  const totals = computeTotals(input.results);
  if (totals.problems > 0) sections.push(summary(totals, c));
  return sections.join("\n\n");
}

function fileSection(result: FileResult, cwd: string, c: Colors, width: number | undefined): string {
  const findings = sortFindings(result.findings);
  const rows = findings.map((finding) => ({
    finding,
    position: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: finding.severity,
    message: singleLine(summaryOf(finding)),
    ruleId: finding.ruleId,
  }));
  const widest = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
  const positionWidth = widest((row) => row.position);
  const severityWidth = widest((row) => row.severity);
  const ruleWidth = widest((row) => row.ruleId);
  // "  " position "  " severity "  ": where messages and related lines start.
  const indent = 2 + positionWidth + 2 + severityWidth + 2;
  const room = width === undefined ? Number.POSITIVE_INFINITY : Math.max(MIN_MESSAGE_WIDTH, width - indent - 2 - ruleWidth);
  for (const row of rows) row.message = truncate(row.message, room);
  const messageWidth = widest((row) => row.message);

  const out = [c.underline(displayPath(cwd, result.fileName))];
  for (const row of rows) {
    out.push(
      `  ${c.dim(row.position)}${pad(row.position, positionWidth)}  ` +
        `${paint(c, row.severity)(row.severity)}${pad(row.severity, severityWidth)}  ` +
        `${row.message}${pad(row.message, messageWidth)}  ${c.dim(row.ruleId)}`,
    );
    for (const related of row.finding.related) {
      const { line, character } = related.range.start;
      const where = related.fileName === result.fileName ? "" : `${displayPath(cwd, related.fileName)}:`;
      const location = `${where}${line + 1}:${character + 1}`;
      const lead = `${" ".repeat(indent)}↳ ${location}  `;
      const text = truncate(singleLine(related.message), width === undefined ? Number.POSITIVE_INFINITY : Math.max(MIN_MESSAGE_WIDTH, width - lead.length));
      out.push(`${" ".repeat(indent)}${c.cyan("↳")} ${c.dim(location)}  ${text}`);
    }
  }
  return out.join("\n");
}

/** `text` cut to `width` characters, the last one an ellipsis when something was cut. */
export function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}

function summary(totals: Totals, c: Colors): string {
  const color = totals.errors > 0 ? c.red : totals.warnings > 0 ? c.yellow : c.blue;
  const lines = [
    c.bold(
      color(
        `✖ ${plural(totals.problems, "problem")} (${plural(totals.errors, "error")}, ` +
          `${plural(totals.warnings, "warning")}, ${plural(totals.infos, "info")})`,
      ),
    ),
  ];
  if (totals.fixable > 0) {
    lines.push(color(`  ${totals.fixable} ${totals.fixable === 1 ? "is" : "are"} fixable with --fix`));
  }
  if (totals.suggestions > 0) {
    lines.push(color(`  ${totals.suggestions} ${totals.suggestions === 1 ? "has" : "have"} suggestions`));
  }
  return lines.join("\n");
}

export function paint(c: Colors, severity: ReportSeverity): (text: string) => string {
  return severity === "error" ? c.red : severity === "warning" ? c.yellow : c.blue;
}

function pad(text: string, width: number): string {
  return " ".repeat(width - text.length);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
