/**
 * Lints source files of a Program: rules (runner.ts), then inline suppressions. The CLI and the
 * language server both call `lintSourceFile`; neither knows how rules run.
 */
import type * as ts from "typescript";
import type { ResolvedConfig } from "./config";
import { isFileIncluded } from "./config";
import { type CancellationSignal, runRules } from "./runner";
import { applySuppressions, parseDirectives } from "./suppressions";
import { TypeOracle } from "./typeOracle";
import type { AnyRule, Finding, InternalError, RuleSetting } from "./types";

export interface FileLintResult {
  fileName: string;
  sourceText: string;
  findings: Finding[];
  internalErrors: InternalError[];
}

const OFF: RuleSetting = { severity: "off", options: {} };

/** One TypeOracle per Program, created on first use and never kept across programs. */
export class ProgramTypes {
  private oracle: TypeOracle | undefined;
  constructor(private readonly program: ts.Program) {}
  get(): TypeOracle {
    this.oracle ??= new TypeOracle(this.program);
    return this.oracle;
  }
}

export function lintSourceFile(
  sourceFile: ts.SourceFile,
  types: ProgramTypes,
  config: ResolvedConfig,
  rules: readonly AnyRule[],
  cancellation?: CancellationSignal,
  timings?: Map<string, number>,
): FileLintResult {
  const settingOf = (ruleId: string) => config.rules.get(ruleId) ?? OFF;
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
    });
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
  program: ts.Program;
  files: readonly string[];
  rules: readonly AnyRule[];
  configFor(fileName: string): ResolvedConfig;
  cancellation?: CancellationSignal;
  /** Per-rule handler time in milliseconds, filled when given. */
  timings?: Map<string, number>;
  onFileDone?(done: number, total: number): void;
}

/** Lints the given files of a Program (files not in it, or excluded by config, are skipped). */
export function lintProgram(input: LintProgramInput): FileLintResult[] {
  const types = new ProgramTypes(input.program);
  // Creating the checker binds every file, which also sets the parent pointers rules rely on.
  input.program.getTypeChecker();
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
