/**
 * `--format json`: a stable, versioned document for scripts and other tools.
 * The interfaces below are the public contract; an incompatible change bumps `schemaVersion`.
 */
import type { Finding, Fix, TextEdit } from "../../engine/types";
import type { FormatInput } from "./index";
import { computeTotals, SourceIndex, sortFindings } from "./shared";

export interface JsonReport {
  /** Version of this shape. Additive changes keep it; anything else bumps it. */
  schemaVersion: 1;
  tool: { name: "concurrency-lint"; version: string };
  /** One entry per file given to the formatter, in the order the run produced them. */
  results: JsonFileResult[];
  /** Rules that threw; their findings for that file are missing from `results`. */
  internalErrors: JsonInternalError[];
  summary: JsonSummary;
}

/**
 * A span of text. Lines and columns are 1-based; columns count UTF-16 code units;
 * `endLine`/`endColumn` point just past the last character (an empty span has end = start).
 */
export interface JsonSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFileResult {
  /** Absolute path. */
  filePath: string;
  /** In reading order. */
  findings: JsonFinding[];
}

export interface JsonFinding extends JsonSpan {
  /** Rule id; its documentation is `docs/rules/<ruleId>.md`. */
  ruleId: string;
  /** Id of the rule's message template: stable where `message` wording is not. */
  messageId: string;
  severity: "error" | "warning" | "info";
  message: string;
  /** Other places that explain the finding (a declaration, the other side of a race). */
  related: JsonRelatedLocation[];
  fixes: JsonFix[];
}

export interface JsonRelatedLocation extends JsonSpan {
  /** Absolute path. */
  filePath: string;
  message: string;
}

export interface JsonFix {
  /** `safe` keeps behaviour and is what `--fix` applies; a `suggestion` changes behaviour. */
  kind: "safe" | "suggestion";
  title: string;
  /** Non-overlapping replacements, possibly in several files. */
  edits: JsonEdit[];
}

/**
 * A replacement of `start`..`end` by `newText`. The span fields are present when the edited
 * file is one of `results` and absent otherwise: the formatter reads no other files.
 */
export interface JsonEdit extends Partial<JsonSpan> {
  /** Absolute path. */
  filePath: string;
  /** 0-based UTF-16 offsets into the file as it was linted. */
  start: number;
  end: number;
  newText: string;
}

export interface JsonInternalError {
  ruleId: string;
  /** Absolute path. */
  filePath: string;
  message: string;
}

export interface JsonSummary {
  /** Number of `results` entries. */
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with at least one `safe` fix. */
  fixable: number;
  /** Findings with at least one `suggestion` fix. */
  suggestions: number;
}

export function formatJson(input: FormatInput): string {
  return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`;
}

function buildJsonReport(input: FormatInput): JsonReport {
  const sources = new SourceIndex(input.results);
  const totals = computeTotals(input.results);
  return {
    schemaVersion: 1,
    tool: { name: "concurrency-lint", version: input.toolVersion },
    results: input.results.map((result) => ({
      filePath: result.fileName,
      findings: sortFindings(result.findings).map((finding) => jsonFinding(finding, sources)),
    })),
    internalErrors: input.internalErrors.map((error) => ({
      ruleId: error.ruleId,
      filePath: error.fileName,
      message: error.message,
    })),
    summary: {
      files: totals.files,
      errors: totals.errors,
      warnings: totals.warnings,
      infos: totals.infos,
      fixable: totals.fixable,
      suggestions: totals.suggestions,
    },
  };
}

function jsonFinding(finding: Finding, sources: SourceIndex): JsonFinding {
  return {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    message: finding.message,
    ...span(finding.range),
    related: finding.related.map((related) => ({
      filePath: related.fileName,
      ...span(related.range),
      message: related.message,
    })),
    fixes: finding.fixes.map((fix) => jsonFix(fix, sources)),
  };
}

function jsonFix(fix: Fix, sources: SourceIndex): JsonFix {
  return { kind: fix.kind, title: fix.title, edits: fix.edits.map((edit) => jsonEdit(edit, sources)) };
}

function jsonEdit(edit: TextEdit, sources: SourceIndex): JsonEdit {
  const lines = sources.get(edit.fileName);
  const position =
    lines === undefined ? {} : span({ start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) });
  return { filePath: edit.fileName, start: edit.start, end: edit.end, ...position, newText: edit.newText };
}

function span(range: Finding["range"]): JsonSpan {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
