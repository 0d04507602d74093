/**
 * Lints source files of a Program: a file that does not parse gets its `parse-error` finding and
 * nothing else; the others get the rules (runner.ts), then inline suppressions. The CLI and the
 * language server both call `lintSourceFile`; neither knows how rules run.
 */
import * as ts from "typescript";
import type { ResolvedConfig } from "./config";
import { isFileIncluded } from "./config";
import { bindEachFile, standInText } from "./parsing";
import { type CancellationSignal, runRules, toFinding } from "./runner";
import { applySuppressions, parseDirectives, parsePeerSuppressions } from "./suppressions";
import type { LintProgram, ReadFile } from "./project";
import { Ts6TypeOracle } from "./ts6TypeOracle";
import type { TypeOracle } from "./typeOracle";
import type { AnyRule, Finding, InternalError, ReportDescriptor, ReportSeverity, RuleSetting } from "./types";
import { parseError } from "../rules/parse-error";

export interface FileLintResult {
  fileName: string;
  sourceText: string;
  findings: Finding[];
  internalErrors: InternalError[];
}

const OFF: RuleSetting = { severity: "off", options: {} };

/** Makes the oracle of a Program: the `ts7` engine's (`engine/ts7/ts7TypeOracle.ts`); default: `Ts6TypeOracle`. */
export type OracleFactory = (program: LintProgram, readFile: ReadFile | undefined) => TypeOracle;

/** One TypeOracle per Program, created on first use and never kept across programs. */
export class ProgramTypes {
  private oracle: TypeOracle | undefined;
  private unbound: ReadonlySet<ts.SourceFile> | undefined;
  /**
   * `readFile`: the compiler host's, for project files that are data (a package.json); default: the disk.
   * `factory`: another engine's oracle (see `OracleFactory`).
   */
  constructor(
    readonly program: LintProgram,
    private readonly readFile?: ReadFile,
    private readonly factory?: OracleFactory,
  ) {}

  /**
   * Binds every file (which also sets the parent pointers rules rely on); returns those that
   * overflowed the binder's stack. Done once, before the checker, which would bind them all.
   */
  bind(): ReadonlySet<ts.SourceFile> {
    this.unbound ??= bindEachFile(this.program);
    return this.unbound;
  }

  get(): TypeOracle {
    this.bind();
    this.oracle ??= this.factory ? this.factory(this.program, this.readFile) : new Ts6TypeOracle(this.program, this.readFile);
    return this.oracle;
  }

  /**
   * Before a file's rules run: lets an engine that asks in batches ask ahead (`prefetchFile`).
   * Only another engine's oracle is created for it; TypeScript 6's stays lazy (a file whose
   * rules ask nothing typed never builds a checker).
   */
  prefetch(sourceFile: ts.SourceFile): void {
    if (this.factory) this.get().prefetchFile?.(sourceFile);
  }
}

/**
 * The `parse-error` finding of a file no rule may run on: one TypeScript could not parse or bind
 * (stack overflow), or one with syntax errors (the first is reported, the others counted).
 */
function parseErrorOf(sourceFile: ts.SourceFile, types: ProgramTypes): Finding | undefined {
  // An always-on rule's default is a report severity (`error`); only opt-in rules default to `off`.
  const report = (descriptor: ReportDescriptor) => toFinding(sourceFile, parseError, parseError.meta.defaultSeverity as ReportSeverity, descriptor);
  if (standInText(sourceFile) !== undefined) return report({ start: 0, end: 0, messageId: "tooDeep", data: { stage: "parsing" } });
  if (types.bind().has(sourceFile)) return report({ start: 0, end: 0, messageId: "tooDeep", data: { stage: "binding" } });
  const errors = types.program
    .getSyntacticDiagnostics(sourceFile)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && diagnostic.start !== undefined);
  const [first] = errors;
  if (!first || first.start === undefined) return undefined;
  const start = Math.min(first.start, sourceFile.text.length);
  const end = Math.min(start + (first.length ?? 0), sourceFile.text.length);
  const others = errors.length - 1;
  const more = others === 0 ? "" : ` (${others} more syntax error${others === 1 ? "" : "s"} after this one)`;
  const message = ts.flattenDiagnosticMessageText(first.messageText, " ");
  return report({ start, end, messageId: "syntaxError", data: { message, more } });
}

export function lintSourceFile(
  sourceFile: ts.SourceFile,
  types: ProgramTypes,
  config: ResolvedConfig,
  rules: readonly AnyRule[],
  cancellation?: CancellationSignal,
  timings?: Map<string, number>,
): FileLintResult {
  // A rule never runs on a file it cannot trust; suppressions in it are not read either.
  const unusable = parseErrorOf(sourceFile, types);
  if (unusable) {
    const sourceText = standInText(sourceFile) ?? sourceFile.text;
    return { fileName: sourceFile.fileName, sourceText, findings: [unusable], internalErrors: [] };
  }
  const settingOf = (ruleId: string) => config.rules.get(ruleId) ?? OFF;
  types.prefetch(sourceFile);
  const { findings, internalErrors } = runRules({
    sourceFile,
    rules,
    settingOf,
    types: () => types.get(),
    cancellation,
    timings,
  });
  const crashed = new Set(internalErrors.map((error) => error.ruleId));
  let kept = findings;
  try {
    const suppression = applySuppressions(sourceFile, findings, parseDirectives(sourceFile), {
      // A rule that crashed is treated as off: whether a suppression of it is needed is unknown.
      severityOf: (ruleId) => (crashed.has(ruleId) ? "off" : settingOf(ruleId).severity),
      requireSuppressionReason: config.requireSuppressionReason,
      knownRuleIds: new Set(rules.map((rule) => rule.meta.id)),
    }, config.honorPeerSuppressions ? parsePeerSuppressions(sourceFile) : []);
    kept = [...suppression.kept, ...suppression.extra].sort((a, b) => a.start - b.start || a.end - b.end);
  } catch (error) {
    // Suppressions failing must not lose the findings: report the failure and keep them all.
    internalErrors.push({
      ruleId: "unused-suppression",
      fileName: sourceFile.fileName,
      message: `suppression handling failed: ${(error as Error).message}`,
      stack: (error as Error).stack,
    });
  }
  return { fileName: sourceFile.fileName, sourceText: sourceFile.text, findings: kept, internalErrors };
}

export interface LintProgramInput {
  program: LintProgram;
  files: readonly string[];
  rules: readonly AnyRule[];
  configFor(fileName: string): ResolvedConfig;
  cancellation?: CancellationSignal;
  /** Per-rule handler time in milliseconds, filled when given. */
  timings?: Map<string, number>;
  onFileDone?(done: number, total: number): void;
  /** How project files that are data (a package.json) are read; default: the disk. */
  readFile?: ReadFile;
  /** The engine's oracle; default: TypeScript 6's. */
  oracleFactory?: OracleFactory;
}

/** Lints the given files of a Program (files not in it, or excluded by config, are skipped). */
export function lintProgram(input: LintProgramInput): FileLintResult[] {
  const types = new ProgramTypes(input.program, input.readFile, input.oracleFactory);
  types.bind();
  const results: FileLintResult[] = [];
  let done = 0;
  for (const fileName of input.files) {
    const sourceFile = input.program.getSourceFile(fileName);
    const config = input.configFor(fileName);
    if (sourceFile && isFileIncluded(config, fileName)) {
      results.push(lintSourceFile(sourceFile, types, config, input.rules, input.cancellation, input.timings));
    }
    input.onFileDone?.(++done, input.files.length);
  }
  return results;
}
