/**
 * Runs rules on in-memory source text with real lib and @types/node declarations, so rule tests
 * are tables of code in, exact findings and exact fixed text out.
 */
import * as path from "node:path";
import * as ts from "typescript";
import { parseConfig, type ResolvedConfig } from "../../server/src/engine/config";
import { applyEdits } from "../../server/src/engine/fixes";
import { lintSourceFile, ProgramTypes } from "../../server/src/engine/linter";
import type { AnyRule, Finding, ReportSeverity } from "../../server/src/engine/types";
import { allRules, rulesById } from "../../server/src/rules";
import { engineForTests, virtualTs7 } from "./ts7Engine";

const REPO = path.resolve(__dirname, "..", "..");
const VIRTUAL_ROOT = "/virtual";

export const TEST_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  typeRoots: [path.join(REPO, "node_modules", "@types")],
  strict: true,
  allowJs: true,
  checkJs: false,
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Lib and @types files are parsed once for the whole test process. Kept on `globalThis` so that
 * `npm run mutate`'s runner, which reloads the project's modules for every mutant, does not parse
 * them again each time.
 */
const sharedSourceFiles: Map<string, ts.SourceFile> = ((globalThis as { __concurrencyLintLibFiles?: Map<string, ts.SourceFile> }).__concurrencyLintLibFiles ??= new Map<string, ts.SourceFile>());

export interface VirtualProject {
  program: ts.Program;
  sourceFile: ts.SourceFile;
  /** The host's `readFile`: virtual files (a package.json among them) first. */
  readFile: (fileName: string) => string | undefined;
}

export function createVirtualProgram(
  files: Record<string, string>,
  mainFile: string,
  options: ts.CompilerOptions = TEST_COMPILER_OPTIONS,
): VirtualProject {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [path.posix.join(VIRTUAL_ROOT, name), text]));
  const host = ts.createCompilerHost(options, true);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    let cached = sharedSourceFiles.get(fileName);
    if (!cached) {
      cached = realGetSourceFile(fileName, languageVersion, onError);
      if (cached) sharedSourceFiles.set(fileName, cached);
    }
    return cached;
  };
  const realFileExists = host.fileExists.bind(host);
  const realReadFile = host.readFile.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || realFileExists(fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? realReadFile(fileName);
  host.getCurrentDirectory = () => VIRTUAL_ROOT;
  // The virtual folders exist only here: relative imports between virtual files must resolve.
  const realDirectoryExists = host.directoryExists?.bind(host);
  const isVirtualFolder = (directory: string) => directory === VIRTUAL_ROOT || [...virtual.keys()].some((name) => name.startsWith(`${directory}/`));
  host.directoryExists = (directory) => isVirtualFolder(directory) || (realDirectoryExists ? realDirectoryExists(directory) : false);
  const rootNames = [...virtual.keys()].filter((name) => /\.[cm]?[jt]sx?$/.test(name));
  const program = ts.createProgram({ rootNames, options, host });
  const sourceFile = program.getSourceFile(path.posix.join(VIRTUAL_ROOT, mainFile));
  if (!sourceFile) throw new Error(`virtual file ${mainFile} missing from program`);
  return { program, sourceFile, readFile: host.readFile };
}

export interface RunOptions {
  fileName?: string;
  /** Options for the rule under test, merged over its defaults. */
  options?: Record<string, unknown>;
  /** Other files of the virtual project, e.g. a module the code imports. */
  extraFiles?: Record<string, string>;
  /** The severity the rule under test runs at (default `warning`). */
  severity?: ReportSeverity;
  /** Rule ids to turn on besides the one under test (default: only that rule). */
  alsoEnable?: string[];
  requireSuppressionReason?: boolean;
  /** Default: the configuration's default (true). */
  honorPeerSuppressions?: boolean;
  compilerOptions?: ts.CompilerOptions;
}

export function configFor(ruleId: string, run: RunOptions): ResolvedConfig {
  const rules: Record<string, unknown> = {};
  // parse-error cannot be turned off (nor named with any other severity than its own).
  for (const rule of allRules) if (!rule.meta.alwaysOn) rules[rule.meta.id] = "off";
  const severity = run.severity ?? "warning";
  if (!rulesById.get(ruleId)?.meta.alwaysOn) rules[ruleId] = run.options ? [severity, run.options] : severity;
  for (const id of run.alsoEnable ?? []) if (!rulesById.get(id)?.meta.alwaysOn) rules[id] = "warning";
  const text = JSON.stringify({
    rules,
    requireSuppressionReason: run.requireSuppressionReason ?? false,
    honorPeerSuppressions: run.honorPeerSuppressions,
  });
  return parseConfig(text, path.join(VIRTUAL_ROOT, "concurrency-lint.json"), allRules);
}

export interface LintOutcome {
  findings: Finding[];
  program: ts.Program;
  sourceFile: ts.SourceFile;
}

export function lintCode(ruleId: string, code: string, run: RunOptions = {}): LintOutcome {
  const fileName = run.fileName ?? "file.ts";
  const files = { ...run.extraFiles, [fileName]: code };
  const options = run.compilerOptions ?? TEST_COMPILER_OPTIONS;
  const { program, sourceFile, readFile } = createVirtualProgram(files, fileName, options);
  const rules: readonly AnyRule[] = allRules;
  // The parity test runs the tables on the ts7 engine (test/helpers/ts7Engine.ts).
  const factory = engineForTests() === "ts7" ? virtualTs7().factoryFor(files, options, program) : undefined;
  const result = lintSourceFile(sourceFile, new ProgramTypes(program, readFile, factory), configFor(ruleId, run), rules);
  if (result.internalErrors.length > 0) {
    throw new Error(`internal error: ${result.internalErrors.map((error) => error.stack ?? error.message).join("\n")}`);
  }
  return { findings: result.findings, program, sourceFile };
}

/** Semantic + syntactic errors of the main file, as stable strings. */
export function typeErrors(program: ts.Program, sourceFile: ts.SourceFile): string[] {
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => `${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
}

export function applyFix(code: string, finding: Finding, fixIndex: number): string {
  const fix = finding.fixes[fixIndex];
  if (!fix) throw new Error(`finding has no fix #${fixIndex}`);
  return applyEdits(code, fix.edits);
}

/** `{ line, column }` 1-based, like editors and our CLI output show them. */
export function positionOf(finding: Finding): { line: number; column: number } {
  return { line: finding.range.start.line + 1, column: finding.range.start.character + 1 };
}
