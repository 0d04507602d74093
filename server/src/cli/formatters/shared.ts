/** Helpers every output format needs: positions, paths, ordering and the totals. */
import * as path from "node:path";
import { LineIndex } from "../../engine/lines";
import type { Finding, FixKind } from "../../engine/types";
import type { FileResult } from "./index";

/** Lines as editors count them (CR LF, LF, CR), the same as `Finding.range`. */
export { LineIndex } from "../../engine/lines";

/** Line indexes of the files of a run, built on first use (only edits and frames need them). */
export class SourceIndex {
  private readonly texts = new Map<string, string>();
  private readonly indexes = new Map<string, LineIndex>();

  constructor(results: readonly FileResult[]) {
    for (const result of results) this.texts.set(result.fileName, result.sourceText);
  }

  get(fileName: string): LineIndex | undefined {
    let index = this.indexes.get(fileName);
    if (index === undefined) {
      const text = this.texts.get(fileName);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      this.indexes.set(fileName, index);
    }
    return index;
  }
}

function relativePath(cwd: string, fileName: string): string {
  const relative = path.relative(cwd, fileName);
  return relative === "" ? fileName : relative;
}

/**
 * A file's path relative to `cwd` with the platform's separators, for people to read. Control
 * characters (a file name may hold a line feed or a carriage return) are escaped as in JSON, so
 * a path stays on its line.
 */
export function displayPath(cwd: string, fileName: string): string {
  return escapeControlCharacters(relativePath(cwd, fileName));
}

function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A file's path relative to `cwd` with `/` separators, for machines (GitHub, fingerprints). */
export function portablePath(cwd: string, fileName: string): string {
  return relativePath(cwd, fileName).split(path.sep).join("/");
}

export function isInside(cwd: string, fileName: string): boolean {
  const relative = path.relative(cwd, fileName);
  return relative !== "" && !path.isAbsolute(relative) && relative !== ".." && !relative.startsWith(`..${path.sep}`);
}

/**
 * Findings in reading order. Formats must not depend on the order the rules happened to
 * report in: SARIF occurrence indexes and exact-output tests rely on it.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.start - b.start || a.end - b.end || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hasFixOfKind(finding: Finding, kind: FixKind): boolean {
  return finding.fixes.some((fix) => fix.kind === kind && fix.edits.length > 0);
}

export interface Totals {
  files: number;
  problems: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with at least one safe fix (what `--fix` would change). */
  fixable: number;
  /** Findings with at least one suggestion. */
  suggestions: number;
}

export function computeTotals(results: readonly FileResult[]): Totals {
  const totals: Totals = { files: results.length, problems: 0, errors: 0, warnings: 0, infos: 0, fixable: 0, suggestions: 0 };
  for (const result of results) {
    for (const finding of result.findings) {
      totals.problems++;
      if (finding.severity === "error") totals.errors++;
      else if (finding.severity === "warning") totals.warnings++;
      else totals.infos++;
      if (hasFixOfKind(finding, "safe")) totals.fixable++;
      if (hasFixOfKind(finding, "suggestion")) totals.suggestions++;
    }
  }
  return totals;
}

/** Messages and error texts on one line: line-oriented formats and problem matchers need it. */
export function singleLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}
