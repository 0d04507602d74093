/**
 * `--format codeframe`: each finding with its full message and the source around it, like
 * ESLint's codeframe format: `severity: message (rule-id) at file:line:column:`, the line before,
 * the flagged line with its range marked, the related locations; then internal errors and the
 * totals as in `stylish`.
 */
import pc from "picocolors";
import type { Finding } from "../../engine/types";
import type { FormatInput } from "./index";
import { displayPath, LineIndex, singleLine, sortFindings } from "./shared";
import { type Colors, footer, paint } from "./stylish";

/** Longer source lines are shown as a window around the finding. */
const MAX_FRAME_WIDTH = 120;
const WINDOW_LEAD = 40;

export function formatCodeframe(input: FormatInput): string {
  const c = pc.createColors(input.color);
  const sections: string[] = [];
  for (const result of input.results) {
    if (result.findings.length === 0) continue;
    const lines = new LineIndex(result.sourceText);
    for (const finding of sortFindings(result.findings)) sections.push(frame(finding, lines, input.cwd, c).join("\n"));
  }
  const tail = footer(input, c);
  if (tail !== "") sections.push(tail);
  return sections.length === 0 ? "" : `${sections.join("\n\n")}\n`;
}

function frame(finding: Finding, lines: LineIndex, cwd: string, c: Colors): string[] {
  const { start, end } = finding.range;
  const color = paint(c, finding.severity);
  const where = `${displayPath(cwd, finding.fileName)}:${start.line + 1}:${start.character + 1}`;
  const out = [`${color(`${finding.severity}:`)} ${singleLine(finding.message)} ${c.dim(`(${finding.ruleId})`)} at ${where}:`];

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
    `  ${mark} ${c.dim(`${number.padStart(lineNumber.length)} |`)}${text === "" ? "" : ` ${text}`}`;

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
    out.push(`  ${c.cyan("↳")} ${c.cyan(location)} ${singleLine(related.message)}`);
  }
  return out;
}
