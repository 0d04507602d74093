/**
 * The default, human-readable format.
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
 * file line directly followed by a finding line. So the finding lines of a file stay one
 * unbroken block under its header, and the code frames come after that block, not between
 * the finding lines. Every other line starts with whitespace, or is not followed by a finding
 * line, so it can never be taken for a file.
 */
import pc from "picocolors";
import type { Finding, ReportSeverity } from "../../engine/types";
import type { FileResult, FormatInput } from "./index";
import { computeTotals, displayPath, LineIndex, singleLine, sortFindings, type Totals } from "./shared";

type Colors = ReturnType<typeof pc.createColors>;

export const problemMatcherPatterns = {
  file: /^([^\s].*)$/,
  finding: /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*?)\s\s+([a-z-]+)$/,
} as const;

/** Longer source lines are shown as a window around the finding. */
const MAX_FRAME_WIDTH = 120;
const WINDOW_LEAD = 40;

export function formatStylish(input: FormatInput): string {
  const c = pc.createColors(input.color);
  const sections: string[] = [];
  for (const result of input.results) {
    if (result.findings.length > 0) sections.push(fileSection(result, input.cwd, c));
  }
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
  return sections.length === 0 ? "" : `${sections.join("\n\n")}\n`;
}

function fileSection(result: FileResult, cwd: string, c: Colors): string {
  const findings = sortFindings(result.findings);
  const lines = new LineIndex(result.sourceText);
  const rows = findings.map((finding) => ({
    position: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: finding.severity,
    message: singleLine(finding.message),
    ruleId: finding.ruleId,
  }));
  const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
  const positionWidth = width((row) => row.position);
  const severityWidth = width((row) => row.severity);
  const messageWidth = width((row) => row.message);

  const out = [c.underline(displayPath(cwd, result.fileName))];
  for (const row of rows) {
    out.push(
      `  ${c.dim(row.position)}${pad(row.position, positionWidth)}  ` +
        `${paint(c, row.severity)(row.severity)}${pad(row.severity, severityWidth)}  ` +
        `${row.message}${pad(row.message, messageWidth)}  ${c.dim(row.ruleId)}`,
    );
  }
  out.push("");
  for (const finding of findings) out.push(...frame(finding, lines, cwd, c));
  return out.join("\n");
}

function frame(finding: Finding, lines: LineIndex, cwd: string, c: Colors): string[] {
  const { start, end } = finding.range;
  const color = paint(c, finding.severity);
  const out = [`  ${c.dim(`${start.line + 1}:${start.character + 1}`)}  ${c.dim(finding.ruleId)}`];

  const source = lines.lineText(start.line);
  let from = Math.min(start.character, source.length);
  // A range running onto later lines is marked to the end of its first line.
  let to = end.line === start.line ? Math.min(end.character, source.length) : source.trimEnd().length;
  let shown = source;
  if (source.length > MAX_FRAME_WIDTH) {
    const windowStart = Math.max(0, Math.min(from - WINDOW_LEAD, source.length - MAX_FRAME_WIDTH));
    const windowEnd = windowStart + MAX_FRAME_WIDTH;
    const lead = windowStart > 0 ? "…" : "";
    shown = lead + source.slice(windowStart, windowEnd) + (windowEnd < source.length ? "…" : "");
    from = from - windowStart + lead.length;
    to = Math.min(to, windowEnd) - windowStart + lead.length;
  }
  const markerLength = Math.max(1, to - from);

  const lineNumber = String(start.line + 1);
  const gutter = (mark: string, number: string, text: string) =>
    `    ${mark} ${c.dim(`${number.padStart(lineNumber.length)} |`)}${text === "" ? "" : ` ${text}`}`;

  const previous = start.line > 0 ? lines.lineText(start.line - 1) : "";
  if (previous.trim() !== "" && previous.length <= MAX_FRAME_WIDTH) {
    out.push(gutter(" ", String(start.line), previous));
  }
  out.push(gutter(color(">"), lineNumber, shown));
  // Tabs are kept so the marker lines up with the text above it.
  const indent = shown.slice(0, from).replace(/[^\t]/g, " ");
  out.push(gutter(" ", "", indent + color(`^${"~".repeat(markerLength - 1)}`)));

  for (const related of finding.related) {
    const location = `${displayPath(cwd, related.fileName)}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
    out.push(`    ↳ ${c.cyan(location)} ${singleLine(related.message)}`);
  }
  return out;
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

function paint(c: Colors, severity: ReportSeverity): (text: string) => string {
  return severity === "error" ? c.red : severity === "warning" ? c.yellow : c.blue;
}

function pad(text: string, width: number): string {
  return " ".repeat(width - text.length);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
