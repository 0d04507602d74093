/**
 * The CLI's output formats. Each turns the outcome of a run into the complete text to print:
 * it ends with a newline, or is empty when the format has nothing to say (stylish, compact and
 * github on a clean run). Files appear in the order given; findings within a file in reading order.
 */
import type { AnyRule, Finding, InternalError } from "../../engine/types";
import { formatCodeframe } from "./codeframe";
import { formatCompact } from "./compact";
import { formatGithub } from "./github";
import { formatJson } from "./json";
import { formatSarif } from "./sarif";
import { formatStylish } from "./stylish";

export interface FileResult {
  /** Absolute path. */
  fileName: string;
  /** The text the findings' offsets refer to (code frames, edit positions, fingerprints). */
  sourceText: string;
  findings: Finding[];
}

export interface FormatInput {
  /** Paths in the output are relative to this directory (SARIF: the `%SRCROOT%` base). */
  cwd: string;
  /** Files with findings; files without findings are tolerated (json counts them). */
  results: FileResult[];
  internalErrors: InternalError[];
  /** Every rule of the run, in registry order: SARIF's `tool.driver.rules` and `ruleIndex`. */
  rules: readonly AnyRule[];
  toolVersion: string;
  /** ANSI colours in `stylish` and `codeframe`; the other formats ignore it. */
  color: boolean;
  /** `stylish`: the terminal's width, to cut summaries to; undefined: lines are never cut. */
  width?: number;
}

export const formatNames = ["stylish", "codeframe", "compact", "json", "sarif", "github"] as const;

export type FormatName = (typeof formatNames)[number];

export function format(name: FormatName, input: FormatInput): string {
  switch (name) {
    case "stylish":
      return formatStylish(input);
    case "codeframe":
      return formatCodeframe(input);
    case "compact":
      return formatCompact(input);
    case "json":
      return formatJson(input);
    case "sarif":
      return formatSarif(input);
    case "github":
      return formatGithub(input);
  }
}

export type { JsonReport } from "./json";
