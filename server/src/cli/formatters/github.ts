/**
 * `--format github`: GitHub Actions workflow commands, which become annotations on the run
 * and the pull request.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import type { Finding } from "../../engine/types";
import type { FormatInput } from "./index";
import { displayPath, portablePath, sortFindings } from "./shared";

export function formatGithub(input: FormatInput): string {
  const lines: string[] = [];
  for (const result of input.results) {
    for (const finding of sortFindings(result.findings)) lines.push(findingCommand(finding, input.cwd));
  }
  for (const error of input.internalErrors) {
    const text = `Internal error in rule ${error.ruleId} while linting ${displayPath(input.cwd, error.fileName)}: ${error.message}`;
    lines.push(command("error", { title: "concurrency-lint internal error" }, text));
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function findingCommand(finding: Finding, cwd: string): string {
  const { start, end } = finding.range;
  const properties: Record<string, string | number> = { file: portablePath(cwd, finding.fileName), line: start.line + 1 };
  // Annotations support columns only within one line (Checks API: omit them otherwise).
  if (start.line === end.line) properties.col = start.character + 1;
  properties.endLine = end.line + 1;
  if (start.line === end.line) properties.endColumn = end.character + 1;
  properties.title = finding.ruleId;
  const name = finding.severity === "info" ? "notice" : finding.severity;
  return command(name, properties, finding.message);
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${name} ${list}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
