/**
 * Baselines: `--write-baseline <file>` records the findings of a run by fingerprint (the same
 * one as SARIF's `partialFingerprints`), `--baseline <file>` reports only the findings that are
 * not in it. A codebase adopts the checker without fixing every old finding first, and new ones
 * still fail the build.
 *
 * Paths in the file are relative to the baseline's own folder, so the same baseline works from
 * any working directory and in any checkout.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fingerprintFindings, FINGERPRINT_KEY } from "./fingerprints";
import type { FileResult } from "./formatters";
import { portablePath } from "./formatters/shared";

/** The file's shape. Entries are grouped by file so that a re-written baseline diffs by file. */
export interface BaselineFile {
  tool: "concurrency-lint";
  /** Version of this shape; a reader refuses a version it does not know. */
  baselineVersion: 1;
  /** The fingerprint algorithm (`concurrencyLint/v1`); another one matches nothing, so it is refused. */
  fingerprint: string;
  /** Project path relative to the baseline's folder, with `/` → its findings in reading order. */
  files: Record<string, BaselineEntry[]>;
}

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
}

/** A baseline that cannot be used: one line, exit code 2. */
export class BaselineError extends Error {}

export interface Baseline {
  /** The folder paths are relative to. */
  root: string;
  files: ReadonlyMap<string, ReadonlySet<string>>;
  size: number;
}

/** The text of a baseline holding every finding of `results`. */
export function baselineText(results: readonly FileResult[], root: string): { text: string; count: number } {
  const files: [string, BaselineEntry[]][] = [];
  let count = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const entries = fingerprintFindings(result.fileName, result.sourceText, result.findings, root).map(
      ({ finding, fingerprint }) => ({ ruleId: finding.ruleId, fingerprint }),
    );
    files.push([portablePath(root, result.fileName), entries]);
    count += entries.length;
  }
  // Code-unit order: the same on every machine, whatever its locale.
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const baseline: BaselineFile = {
    tool: "concurrency-lint",
    baselineVersion: 1,
    fingerprint: FINGERPRINT_KEY,
    files: Object.fromEntries(files),
  };
  return { text: `${JSON.stringify(baseline, null, 2)}\n`, count };
}

/** Reads and checks a baseline; `given` is the path as the user wrote it, for messages. */
export function readBaseline(fileName: string, given: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(fileName, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (code ?? String(error));
    throw new BaselineError(`Cannot read the baseline ${given}: ${reason} (write one with --write-baseline ${given})`);
  }
  const foreign = (why: string): never => {
    throw new BaselineError(
      `${given} is not a concurrency-lint baseline (${why}); write it again with --write-baseline ${given}`,
    );
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    foreign("it is not valid JSON");
  }
  if (!isObject(data) || data.tool !== "concurrency-lint") foreign('it has no "tool": "concurrency-lint"');
  const { baselineVersion, fingerprint, files } = data as Record<string, unknown>;
  if (baselineVersion !== 1) {
    throw new BaselineError(
      `The baseline ${given} has format version ${JSON.stringify(baselineVersion)}, which this version of concurrency-lint does not read; write it again with --write-baseline ${given}`,
    );
  }
  if (fingerprint !== FINGERPRINT_KEY) {
    throw new BaselineError(
      `The baseline ${given} uses the fingerprints ${JSON.stringify(fingerprint)}, not ${FINGERPRINT_KEY}; write it again with --write-baseline ${given}`,
    );
  }
  if (!isObject(files)) foreign('"files" is not an object');
  const byFile = new Map<string, Set<string>>();
  let size = 0;
  for (const [file, entries] of Object.entries(files as Record<string, unknown>)) {
    if (!Array.isArray(entries)) foreign(`the entry of ${JSON.stringify(file)} is not a list`);
    const fingerprints = new Set<string>();
    for (const entry of entries as unknown[]) {
      if (!isObject(entry) || typeof entry.ruleId !== "string" || typeof entry.fingerprint !== "string") {
        foreign(`an entry of ${JSON.stringify(file)} has no ruleId and fingerprint`);
      }
      fingerprints.add((entry as BaselineEntry).fingerprint);
    }
    byFile.set(file, fingerprints);
    size += fingerprints.size;
  }
  return { root: path.dirname(fileName), files: byFile, size };
}

export interface BaselineOutcome<T extends FileResult> {
  /** The same files, with only the findings the baseline does not know. */
  results: T[];
  /** Findings of this run found in the baseline (not reported). */
  known: number;
  /** Baseline entries this run did not find: fixed, or their line changed. */
  gone: number;
}

/**
 * Drops the known findings. An entry is gone when its file was linted and the finding is not
 * there any more, or when its file no longer exists (counted only if `countDeletedFiles`: in a
 * sharded run, by one shard). Entries of other files that exist but were not linted in this run
 * (another shard, paths not given) are neither matched nor gone.
 */
export function applyBaseline<T extends FileResult>(
  baseline: Baseline,
  results: readonly T[],
  countDeletedFiles: boolean,
): BaselineOutcome<T> {
  let known = 0;
  let gone = 0;
  const linted = new Set<string>();
  const filtered = results.map((result) => {
    const file = portablePath(baseline.root, result.fileName);
    linted.add(file);
    const recorded = baseline.files.get(file);
    if (recorded === undefined) return result;
    const matched = new Set<string>();
    const findings = fingerprintFindings(result.fileName, result.sourceText, result.findings, baseline.root)
      .filter(({ fingerprint }) => {
        if (!recorded.has(fingerprint)) return true;
        matched.add(fingerprint);
        return false;
      })
      .map(({ finding }) => finding);
    known += matched.size;
    gone += recorded.size - matched.size;
    return { ...result, findings };
  });
  for (const [file, recorded] of baseline.files) {
    if (!linted.has(file) && countDeletedFiles && !fs.existsSync(path.resolve(baseline.root, file))) gone += recorded.size;
  }
  return { results: filtered, known, gone };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
