/**
 * The command-line checker: a thin adapter that parses arguments, plans projects, runs the engine
 * and formats results. Exit codes: 0 clean, 1 error findings or too many warnings, 2 usage,
 * configuration or internal error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { ConfigError, ConfigResolver, type EngineName, ENGINES, isFileIncluded, type ResolvedConfig, validateRuleOverride } from "../engine/config";
import { applyEdits, parsesCleanly, pickFixes } from "../engine/fixes";
import { type FileLintResult, lintProgram, type OracleFactory } from "../engine/linter";
import {
  describeCommandLineFolders,
  describeTypes,
  isLintableFile,
  type LintProgram,
  nearestPackageJson,
  normalizePath,
  planProjects,
  ProgramBuilder,
  ProjectError,
  type ProjectSpec,
} from "../engine/project";
import { openTs7Project, ts7Unavailable, Ts7UnavailableError } from "../engine/ts7/engine";
import { TS7_VERSION } from "../engine/ts7/api";
import { formatTs7Stats, ts7StatsWanted } from "../engine/ts7/ts7TypeOracle";
import type { Finding, InternalError, Severity } from "../engine/types";
import { allRules } from "../rules";
import { applyBaseline, BaselineError, baselineText, readBaseline } from "./baseline";
import { cacheFileName, engineKey, ResultCache } from "./cache";
import { type FormatName, format, formatNames } from "./formatters";
import { InputRecorder, replay } from "./programInputs";
import { displayPath } from "./formatters/shared";
import { filesOfShard, parseShard, type Shard } from "./shard";
import { writeFileAtomic } from "./writeFileAtomic";
import { toolVersion } from "./version";

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

interface CliOptions {
  project?: string;
  format: FormatName;
  outputFile?: string;
  fix: boolean;
  maxWarnings?: string;
  rule: string[];
  quiet: boolean;
  color: boolean;
  printConfig?: string;
  debug: boolean;
  baseline?: string;
  writeBaseline?: string;
  shard?: string;
  cache: boolean;
  cacheLocation?: string;
  engine?: EngineName;
}

/** A usage problem: one line on stderr, exit code 2. */
class UsageError extends Error {}

const MAX_FIX_PASSES = 10;

function buildCommand(io: CliIO): Command {
  return new Command()
    .name("concurrency-lint")
    .description("Find concurrency bugs in TypeScript and JavaScript: floating promises and their relatives.")
    .version(toolVersion(), "-v, --version")
    .argument("[paths...]", "files or directories to lint (default: the project of ./tsconfig.json, or .)")
    .option("-p, --project <tsconfig>", "lint the files of this tsconfig (and the projects it references)")
    .addOption(
      new Option("-f, --format <format>", "output format").choices([...formatNames]).default("stylish"),
    )
    .option("-o, --output-file <file>", "write the report to a file instead of standard output")
    .option("--fix", "apply safe fixes and write the files", false)
    .option("--max-warnings <n>", "exit with code 1 when there are more warnings than this (-1: no limit)")
    .option(
      "--rule <id=severity>",
      "override a rule's severity (off, info, warning, error); repeatable",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--quiet", "report errors only (warnings and infos are neither shown nor counted)", false)
    .option("--no-color", "never colour the output")
    .option("--print-config <file>", "print the configuration that applies to a file and exit")
    .option("--baseline <file>", "report only findings that are not in this baseline")
    .option("--write-baseline <file>", "record every finding of this run in a baseline file (reports none of them)")
    .option("--shard <i/n>", "lint and report only the i-th of n deterministic parts of the files (1 <= i <= n)")
    .option("--cache", "reuse the findings of files whose program did not change since the last run", false)
    .option("--cache-location <file|dir>", "where the cache is (implies --cache; default: node_modules/.cache/concurrency-lint/)")
    .addOption(
      new Option(
        "--engine <engine>",
        'the compiler that answers type questions: ts6 (TypeScript 6, the default) or ts7 (experimental: TypeScript 7\'s native compiler, package "typescript7"); default: "engine" in concurrency-lint.json, else ts6',
      ).choices([...ENGINES]),
    )
    .option("--debug", "print timings and stack traces to stderr", false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, "concurrency-lint: ")),
    })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 no errors (and warnings within --max-warnings), 1 error findings or too many",
        "warnings, 2 usage, configuration or internal error.",
        "",
        `Rules: ${allRules.map((rule) => rule.meta.id).join(", ")}`,
      ].join("\n"),
    );
}

/** Runs the CLI; returns the exit code. Never throws. */
export function run(argv: readonly string[], io: CliIO = processIO()): number {
  let debug = argv.includes("--debug");
  try {
    const command = buildCommand(io);
    try {
      command.parse([...argv], { from: "user" });
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
      throw error;
    }
    const options = command.opts<CliOptions>();
    debug = options.debug;
    return execute(command.args, options, io);
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof Ts7UnavailableError ||
      error instanceof ConfigError ||
      error instanceof ProjectError ||
      error instanceof BaselineError;
    const message = (error as Error).message ?? String(error);
    // A configuration error has one line per problem in the file.
    const lines = error instanceof ConfigError ? message.split("\n") : [message];
    for (const line of lines) io.stderr.write(`concurrency-lint: ${known ? "" : "internal error: "}${line}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else if (!known) io.stderr.write("Run with --debug for the stack trace.\n");
    return 2;
  }
}

function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Like ESLint: a whole number, or -1 for no limit (the default). */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined || value.trim() === "-1") return Number.POSITIVE_INFINITY;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings takes a whole number or -1 (no limit), not "${value}"`);
  return Number(value);
}

/** A `--debug` line, or a function that makes it (called only with `--debug`: for lines that cost work). */
type DebugLog = (text: string | (() => string)) => void;

function execute(paths: string[], options: CliOptions, io: CliIO): number {
  const started = Date.now();
  const log: DebugLog = (text) => {
    if (options.debug) io.stderr.write(`[debug +${Date.now() - started}ms] ${typeof text === "function" ? text() : text}\n`);
  };
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const shard = options.shard === undefined ? undefined : parseShardOption(options.shard);
  if (options.baseline !== undefined && options.writeBaseline !== undefined) {
    throw new UsageError("--baseline and --write-baseline cannot be combined: --write-baseline records every finding of the run");
  }
  if (options.writeBaseline !== undefined && shard !== undefined) {
    throw new UsageError("--write-baseline records every finding of the project: run it without --shard");
  }
  // Read before any program is built, so a missing or broken baseline fails in milliseconds.
  const baseline =
    options.baseline === undefined ? undefined : readBaseline(path.resolve(io.cwd, options.baseline), options.baseline);
  const overrides = new Map<string, Severity>();
  for (const spec of options.rule) {
    // Its ConfigError reads "--rule: <what is wrong in spec>" already.
    const [id, severity] = validateRuleOverride(spec, allRules);
    overrides.set(id, severity);
  }
  const configs = new ConfigResolver(allRules, overrides);

  if (options.printConfig) {
    const config = configs.configFor(path.resolve(io.cwd, options.printConfig));
    const rules: Record<string, unknown> = {};
    for (const [id, setting] of config.rules) rules[id] = [setting.severity, setting.options];
    const printable = {
      file: config.file ?? null,
      include: config.include,
      exclude: config.exclude,
      requireSuppressionReason: config.requireSuppressionReason,
      honorPeerSuppressions: config.honorPeerSuppressions,
      rules,
      types: typesFor(options.printConfig, options.project, io.cwd),
    };
    io.stdout.write(`${JSON.stringify(printable, null, 2)}\n`);
    return 0;
  }

  ruleTimings = options.debug ? new Map() : undefined;
  const planned = planProjects({ paths, project: options.project, cwd: io.cwd });
  if (planned.every((spec) => spec.filesToLint.length === 0)) {
    throw new UsageError("No files to lint: check the paths and the tsconfig's include/files");
  }
  // Read every config file that applies before building any program, so a broken one fails in
  // milliseconds rather than after type-checking the project (lookups are cached per folder);
  // in every shard alike.
  for (const spec of planned) for (const file of spec.filesToLint) configs.configFor(file);
  const specs = shard === undefined ? planned : shardSpecs(planned, shard, io.cwd);
  // The command line's engine, else the configuration that applies to the project's tsconfig.json.
  const engines = new Map<ProjectSpec, EngineName>();
  for (const spec of specs) {
    let engine = options.engine ?? configs.configFor(spec.configFile ?? spec.filesToLint[0] ?? path.join(io.cwd, "x")).engine ?? "ts6";
    if (engine === "ts7" && spec.configFile === undefined) {
      io.stderr.write("concurrency-lint: the ts7 engine opens a tsconfig.json; files outside any are linted with ts6\n");
      engine = "ts6";
    }
    engines.set(spec, engine);
  }
  const usesTs7 = [...engines.values()].includes("ts7");
  if (usesTs7) {
    // Before any program is built: a missing package fails in milliseconds, in words.
    const unavailable = ts7Unavailable("cli");
    if (unavailable) throw new Ts7UnavailableError(unavailable);
  }
  const totalFiles = specs.reduce((sum, spec) => sum + spec.filesToLint.length, 0);
  log(`${specs.length} project(s), ${totalFiles} file(s) to lint${shard ? ` in shard ${shard.index}/${shard.count}` : ""}`);
  for (const spec of specs) log(`@types for ${spec.configFile ?? "loose files"}: ${describeTypes(spec.types)}`);

  // --fix lints texts that are not on disk yet: it neither reads nor writes the cache.
  const cache =
    (options.cache || options.cacheLocation !== undefined) && !options.fix
      ? new ResultCache(cacheFileName(options.cacheLocation, io.cwd), engineKey(usesTs7 ? `${toolVersion()} engines=${[...new Set(engines.values())].join(",")} typescript7=${TS7_VERSION}` : toolVersion(), __filename))
      : undefined;
  for (const note of cache?.notes ?? []) io.stderr.write(`concurrency-lint: ${note}\n`);

  const progress = makeProgress(io, totalFiles);
  const results: FileLintResult[] = [];
  const fixed = { problems: 0, files: 0 };
  const unread: string[] = [];
  for (const spec of specs) {
    const engine = engines.get(spec) ?? "ts6";
    const projectResults = options.fix
      ? lintWithFixes(spec, configs, log, progress, fixed, unread, engine)
      : lintOnce(spec, configs, log, progress, unread, cache, io.cwd, engine);
    results.push(...projectResults);
  }
  progress.finish();
  if (usesTs7 && ts7StatsWanted(io.env)) {
    io.stderr.write(`concurrency-lint: ts7 engine, answers per oracle method (ts7: TypeScript 7; program: the TypeScript 6 program, no type question; ts6: the TypeScript 6 checker, left to port):\n${formatTs7Stats().map((line) => `  ${line}\n`).join("")}`);
  }
  if (cache) {
    log(`cache ${cache.fileName}: ${cache.hits} file(s) reused, ${cache.misses} linted${cache.changed ? "" : ", unchanged (not written)"}`);
    try {
      if (cache.changed) writeFileWithFolders(cache.fileName, cache.text(), io.cwd, "the cache");
    } catch (error) {
      // A cache that cannot be written costs the next run time, never this run's result.
      io.stderr.write(`concurrency-lint: ${(error as Error).message}\n`);
    }
  }
  if (options.fix) io.stderr.write(`fixed ${plural(fixed.problems, "problem")} in ${plural(fixed.files, "file")}\n`);

  const internalErrors: InternalError[] = results.flatMap((result) => result.internalErrors);
  let current = results;
  if (options.writeBaseline !== undefined) {
    if (unread.length > 0 || internalErrors.length > 0) {
      io.stderr.write("concurrency-lint: the baseline was not written: this run's findings are incomplete (see below)\n");
    } else {
      current = writeBaselineFile(options.writeBaseline, results, io);
    }
  } else if (baseline !== undefined) {
    // Before --quiet, so that a warning in the baseline is known, not gone.
    const outcome = applyBaseline(baseline, results, shard === undefined || shard.index === 1);
    current = outcome.results;
    io.stderr.write(
      `concurrency-lint: baseline ${options.baseline}: ${plural(outcome.known, "known finding")} not reported, ` +
        `${plural(outcome.gone, "entry", "entries")} gone${outcome.gone > 0 ? ` (fixed, or their line changed; --write-baseline ${options.baseline} drops them)` : ""}\n`,
    );
  }
  let reported = current.map((result) => ({
    ...result,
    findings: options.quiet ? result.findings.filter((finding) => finding.severity === "error") : result.findings,
  }));
  reported = reported.sort((a, b) => a.fileName.localeCompare(b.fileName));
  const findings: Finding[] = reported.flatMap((result) => result.findings);

  const toTerminal = !options.outputFile && io.stdout.isTTY === true;
  const forPeople = options.format === "stylish" || options.format === "codeframe";
  const useColor = options.color && toTerminal && forPeople && !io.env.NO_COLOR;
  const output = format(options.format, {
    cwd: io.cwd,
    results: reported.filter((result) => result.findings.length > 0 || options.format === "json"),
    internalErrors,
    rules: allRules,
    toolVersion: toolVersion(),
    color: useColor || (options.color && io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0"),
    width: toTerminal && io.stdout.columns !== undefined && io.stdout.columns > 0 ? io.stdout.columns : undefined,
  });
  if (options.outputFile) writeFileWithFolders(path.resolve(io.cwd, options.outputFile), output, io.cwd);
  else if (output.length > 0) io.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  log(`done: ${findings.length} finding(s), ${internalErrors.length} internal error(s)`);
  if (ruleTimings) {
    // The checker answers lazily: a rule that asks first also pays for work later rules reuse.
    const rows = [...ruleTimings].sort((a, b) => b[1] - a[1]).map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`);
    log(`rule handler time: ${rows.join(", ") || "none"}`);
  }

  for (const fileName of unread) {
    io.stderr.write(
      `concurrency-lint: cannot lint ${displayPath(io.cwd, fileName)}: TypeScript did not read it ` +
        "(it reads a backslash in a file name as a folder separator); rename it, or exclude it in concurrency-lint.json\n",
    );
  }
  if (unread.length > 0) return 2;
  if (internalErrors.length > 0) {
    for (const error of internalErrors) {
      io.stderr.write(`concurrency-lint: rule ${error.ruleId} crashed on ${error.fileName}: ${error.message}\n`);
      if (options.debug && error.stack) io.stderr.write(`${error.stack}\n`);
    }
    return 2;
  }
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.filter((finding) => finding.severity === "warning").length;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    io.stderr.write(`concurrency-lint: too many warnings (${warnings}; maximum: ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * `--print-config`: the tsconfig that owns the file and the `@types` packages its program
 * includes, and why; null for a path that is not a lintable source file.
 */
function typesFor(file: string, project: string | undefined, cwd: string) {
  let specs: ProjectSpec[];
  try {
    specs = planProjects({ paths: [file], project, cwd });
  } catch (error) {
    if (error instanceof ProjectError) return null;
    throw error;
  }
  const spec = specs.find((candidate) => candidate.filesToLint.includes(normalizePath(path.resolve(cwd, file))));
  if (!spec) return null;
  return {
    tsconfig: spec.configFile ?? null,
    typescript: spec.types.typescript ? { version: spec.types.typescript.version, source: spec.types.typescript.source } : null,
    packages: spec.types.packages,
    reason: spec.types.reason,
  };
}

/**
 * `--output-file`, `--write-baseline` and the cache: missing folders are created, like ESLint
 * does, but only inside the working directory (a typo elsewhere must not leave folders behind, at
 * `/` or in `/proc`), one at a
 * time (Node's recursive mkdir loops forever on some paths under `/proc`). A regular file is
 * replaced atomically; anything else that exists (`/dev/null`, a pipe) is written to. Every
 * failure is one line.
 */
function writeFileWithFolders(fileName: string, text: string, cwd: string, what = "the report"): void {
  const fail = (reason: string): never => {
    throw new UsageError(`Cannot write ${what} to ${fileName}: ${reason}`);
  };
  try {
    const existing = statOrUndefined(fileName);
    if (existing?.isDirectory()) fail("it is a folder");
    if (existing && !existing.isFile()) {
      fs.writeFileSync(fileName, text, "utf8");
      return;
    }
    const missing: string[] = [];
    let folder = path.dirname(fileName);
    for (let stat = statOrUndefined(folder); stat === undefined; stat = statOrUndefined(folder)) {
      const parent = path.dirname(folder);
      if (parent === folder) fail(`the folder ${folder} does not exist`);
      missing.unshift(folder);
      folder = parent;
    }
    if (!fs.statSync(folder).isDirectory()) fail(`${folder} is not a folder`);
    const [outermost] = missing;
    if (outermost !== undefined && !isWithin(cwd, outermost)) {
      fail(`the folder ${path.dirname(fileName)} does not exist (missing folders are created only inside the working directory)`);
    }
    for (const dir of missing) fs.mkdirSync(dir);
    writeFileAtomic(fileName, text);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail(describeFileError(error));
  }
}

function statOrUndefined(fileName: string): fs.Stats | undefined {
  try {
    return fs.statSync(fileName);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw error;
  }
}

function isWithin(folder: string, fileName: string): boolean {
  const relative = path.relative(folder, fileName);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** A file system error in words, without the errno code and syscall Node puts first. */
function describeFileError(error: unknown): string {
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    ENOENT: "no such file or folder",
    EROFS: "the file system is read-only",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENAMETOOLONG: "the name is too long",
    ELOOP: "too many symbolic links",
  };
  const { code, message } = error as NodeJS.ErrnoException;
  return (code !== undefined ? reasons[code] : undefined) ?? singleLineMessage(message ?? String(error));
}

function singleLineMessage(text: string): string {
  return text.split(/\r?\n/)[0] ?? text;
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function parseShardOption(text: string): Shard {
  const shard = parseShard(text);
  if (shard === undefined) throw new UsageError(`--shard takes <i>/<n>, whole numbers with 1 <= i <= n (such as 2/4), not "${text}"`);
  return shard;
}

/**
 * `--shard`: the same projects, each linting only its files of this shard; the programs keep all
 * their root files, so types and cross-file rules see the whole project. Projects with none of
 * the shard's files are not built at all.
 */
function shardSpecs(specs: readonly ProjectSpec[], shard: Shard, cwd: string): ProjectSpec[] {
  const mine = filesOfShard(
    specs.flatMap((spec) => spec.filesToLint),
    shard,
    cwd,
  );
  return specs
    .map((spec) => ({ ...spec, filesToLint: spec.filesToLint.filter((file) => mine.has(file)) }))
    .filter((spec) => spec.filesToLint.length > 0);
}

/**
 * `--write-baseline`: records every finding (before --quiet) and returns the results as a run
 * with the new baseline would report them: without findings.
 */
function writeBaselineFile(given: string, results: readonly FileLintResult[], io: CliIO): FileLintResult[] {
  const fileName = path.resolve(io.cwd, given);
  const { text, count } = baselineText(results, path.dirname(fileName));
  writeFileWithFolders(fileName, text, io.cwd, "the baseline");
  io.stderr.write(`concurrency-lint: wrote ${plural(count, "finding")} to the baseline ${given}\n`);
  return results.map((result) => ({ ...result, findings: [] }));
}

interface Progress {
  fileDone(): void;
  finish(): void;
}

function makeProgress(io: CliIO, total: number): Progress {
  if (!io.stderr.isTTY || total < 2) return { fileDone() {}, finish() {} };
  let done = 0;
  let last = 0;
  return {
    fileDone() {
      done++;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      io.stderr.write(`\rLinting: ${done}/${total} files`);
    },
    finish() {
      if (done > 0) io.stderr.write("\r\x1b[K");
    },
  };
}

function lintOnce(
  spec: ProjectSpec,
  configs: ConfigResolver,
  log: DebugLog,
  progress: Progress,
  unread: string[],
  cache: ResultCache | undefined,
  cwd: string,
  engine: EngineName,
): FileLintResult[] {
  const name = spec.configFile ?? "loose files";
  const engineOf = (): LintEngine => (engine === "ts7" && spec.configFile !== undefined ? { configFile: spec.configFile, log } : undefined);
  if (!cache) {
    const ts7 = engineOf();
    if (ts7) {
      // No TypeScript 6 program: TypeScript 7's file list and TypeScript 6 parses of the files asked for.
      const results = lintWithoutProgram(new ProgramBuilder(spec), spec, configs, progress, unread, ts7);
      log(`linted ${spec.filesToLint.length} file(s) of ${name}`);
      return results;
    }
    const program = new ProgramBuilder(spec).build();
    unread.push(...unreadFiles(program, spec, configs));
    logProgram(program, name, log);
    const results = lintFiles(program, spec.filesToLint, configs, progress);
    log(`linted ${spec.filesToLint.length} file(s) of ${name}`);
    return results;
  }
  const project = spec.configFile ?? "";
  const specKey = cache.specKey(spec, cwd);
  const warm = fromRecordedProgram(spec, configs, log, progress, unread, cache, specKey);
  if (warm) return warm;

  // Files whose key is in the cache are not linted: when none is left, the type checker is
  // never created. On `ts7` no TypeScript 6 program is built: TypeScript 7's compiler asks its
  // file system questions through the recorder, as TypeScript 6's host does.
  const recorder = new InputRecorder();
  const builder = new ProgramBuilder(spec, (host) => recorder.wrap(host));
  const ts7 = engineOf();
  const opened = ts7 ? openTs7Project(builder, spec.filesToLint, new Map(), recorder.fileSystem7()) : undefined;
  try {
    const program: LintProgram = opened ? opened.program : builder.build();
    unread.push(...unreadFiles(program, spec, configs));
    if (opened) log(`ts7 engine for ${name}: TypeScript 7 opened the project (${program.getSourceFileNames?.().length ?? 0} files); no TypeScript 6 program`);
    else logProgram(program, name, log);
    // The engine reads the nearest package.json while linting, when a rule asks: read it now, so
    // that the key covers it whichever files are linted.
    nearestPackageJson(program, recorder.readFile);
    const lookupKey = recorder.seal(specKey);
    const results: FileLintResult[] = [];
    const toLint: string[] = [];
    const configOf = new Map<string, ResolvedConfig>();
    for (const file of spec.filesToLint) {
      const sourceFile = program.getSourceFile(file);
      const config = configs.configFor(file);
      if (!sourceFile || !isFileIncluded(config, file)) {
        progress.fileDone();
        continue;
      }
      const findings = cache.get(sourceFile.fileName, project, cache.fileKey(lookupKey, sourceFile.fileName, config));
      if (findings) {
        results.push({ fileName: sourceFile.fileName, sourceText: sourceFile.text, findings, internalErrors: [] });
        progress.fileDone();
      } else {
        toLint.push(file);
        configOf.set(sourceFile.fileName, config);
      }
    }
    const linted = toLint.length === 0 ? [] : lintFiles(program, toLint, configs, progress, recorder.readFile, opened?.factory);
    results.push(...linted);
    if (recorder.changed !== undefined) {
      // The answers describe no one state of the disk: keeping these results could serve them after it changed.
      log(`the program of ${name} got two answers to ${recorder.changed} (it changed during the run): nothing of this run is cached`);
      cache.setProgram(project, undefined);
    } else {
      // Questions first asked while linting (TypeScript 6's program built for a question the ts7
      // engine leaves to its checker) are part of the key the findings are stored under.
      if (recorder.late !== undefined) log(`the program of ${name} asked ${recorder.late} (and maybe more) while linting: the findings are stored under a key that covers it`);
      const programKey = recorder.key(specKey);
      for (const result of linted) {
        const config = configOf.get(result.fileName);
        if (config) cache.set(result, project, cache.fileKey(programKey, result.fileName, config));
      }
      const names = program.getSourceFileNames?.() ?? program.getSourceFiles().map((sourceFile) => sourceFile.fileName);
      cache.setProgram(project, { spec: specKey, key: programKey, sources: names.filter(isLintableFile), questions: recorder.questions() });
    }
    log(`linted ${toLint.length} file(s) of ${name}, ${spec.filesToLint.length - toLint.length} from the cache`);
    return results;
  } finally {
    if (opened) {
      log(`ts7 engine for ${name}: ${opened.failures()} question(s) TypeScript 7 failed (answered "don't know")`);
      opened.close();
    }
  }
}

function logProgram(program: LintProgram, name: string, log: DebugLog): void {
  log(`program for ${name}: ${program.getSourceFiles().length} source files`);
  // Read from the disk: only when --debug prints it.
  log(() => `command-line program folders (start-up code) for ${name}: ${describeCommandLineFolders(program)}`);
}

/**
 * The warm path of `--cache`: when the project's recorded program has an entry for every file to
 * lint, and every question its creation asked the file system gets the same answer again, the
 * program would be the same: every file's findings come from the cache, and no program is built.
 * Undefined (and a `--debug` line saying why) when the program must be built.
 */
function fromRecordedProgram(
  spec: ProjectSpec,
  configs: ConfigResolver,
  log: DebugLog,
  progress: Progress,
  unread: string[],
  cache: ResultCache,
  specKey: string,
): FileLintResult[] | undefined {
  const name = spec.configFile ?? "loose files";
  const project = spec.configFile ?? "";
  const record = cache.program(project, specKey);
  if (!record) {
    log(`no recorded program inputs for ${name} (or its options, files or references changed): building the program`);
    return undefined;
  }
  const sources = new Map(record.sources.map((fileName) => [normalizePath(fileName), fileName]));
  // Entries first: a file without one needs the program anyway, and looking costs no file reads.
  const cached: { fileName: string; findings: Finding[] }[] = [];
  const notInProgram: string[] = [];
  for (const file of spec.filesToLint) {
    const fileName = sources.get(file);
    const config = configs.configFor(file);
    if (!isFileIncluded(config, file)) continue;
    if (fileName === undefined) {
      notInProgram.push(file);
      continue;
    }
    const findings = cache.peek(fileName, project, cache.fileKey(record.key, fileName, config));
    if (!findings) {
      log(`${fileName} has no cached findings for the recorded program of ${name} (new, or its configuration changed): building the program`);
      return undefined;
    }
    cached.push({ fileName, findings });
  }
  const replayed = replay(record.questions, spec.options, new Set(cached.map((entry) => entry.fileName)));
  if (!replayed.same) {
    log(`program inputs of ${name} changed: ${replayed.difference}; building the program`);
    return undefined;
  }
  const results: FileLintResult[] = [];
  for (const { fileName, findings } of cached) {
    const sourceText = replayed.texts.get(fileName);
    if (sourceText === undefined) {
      log(`the recorded program of ${name} did not read ${fileName}: building the program`);
      return undefined;
    }
    results.push({ fileName, sourceText, findings, internalErrors: [] });
  }
  unread.push(...notInProgram);
  cache.hits += results.length;
  for (let i = 0; i < spec.filesToLint.length; i++) progress.fileDone();
  log(`program inputs of ${name} unchanged (${record.questions.length} answers checked): ${results.length} file(s) from the cache without a program`);
  return results;
}

/**
 * Files the run was asked to lint (and the configuration includes) that are not in the program:
 * the engine skips them, so the CLI must say so rather than pass them as clean.
 */
function unreadFiles(program: LintProgram, spec: ProjectSpec, configs: ConfigResolver): string[] {
  return spec.filesToLint.filter((file) => program.getSourceFile(file) === undefined && isFileIncluded(configs.configFor(file), file));
}

/** Per-rule handler time, collected with --debug (like ESLint's TIMING). */
let ruleTimings: Map<string, number> | undefined;

/** The `ts7` engine for a project (its tsconfig, and texts not on disk for `--fix`); undefined: `ts6`. */
type LintEngine = { configFile: string; texts?: ReadonlyMap<string, string>; log: DebugLog } | undefined;

/** Lints `files` of a program with every rule; `oracleFactory`: the ts7 engine's oracle (default: TypeScript 6's). */
function lintFiles(
  program: LintProgram,
  files: readonly string[],
  configs: ConfigResolver,
  progress: Progress,
  readFile?: (fileName: string) => string | undefined,
  oracleFactory?: OracleFactory,
): FileLintResult[] {
  return lintProgram({
    readFile,
    program,
    files,
    rules: allRules,
    configFor: (fileName) => configs.configFor(fileName),
    timings: ruleTimings,
    onFileDone: () => progress.fileDone(),
    oracleFactory,
  });
}

/**
 * The `ts7` engine's run with no TypeScript 6 program (`openTs7Project`): TypeScript 7 opens the
 * tsconfig; its file list, the tsconfig's parse and TypeScript 6 parses of the files asked for
 * stand in for the program (built only if a question is left to TypeScript 6's checker).
 * `texts`: fixed texts of earlier `--fix` passes.
 */
function lintWithoutProgram(
  builder: ProgramBuilder,
  spec: ProjectSpec,
  configs: ConfigResolver,
  progress: Progress,
  unread: string[] | undefined,
  engine: NonNullable<LintEngine>,
): FileLintResult[] {
  const name = spec.configFile ?? "loose files";
  let started = performance.now();
  const ts7 = openTs7Project(builder, spec.filesToLint, engine.texts);
  try {
    engine.log(`ts7 engine for ${name}: TypeScript 7 opened the project in ${(performance.now() - started).toFixed(0)} ms; no TypeScript 6 program`);
    started = performance.now();
    const files = ts7.program.filesToBind().length;
    engine.log(`ts7 engine for ${name}: TypeScript 6 parsed the ${files} files to lint in ${(performance.now() - started).toFixed(0)} ms (of TypeScript 7's ${ts7.program.getSourceFileNames().length}; the others when asked)`);
    if (unread) unread.push(...unreadFiles(ts7.program, spec, configs));
    engine.log(() => `command-line program folders (start-up code) for ${name}: ${describeCommandLineFolders(ts7.program)}`);
    return lintFiles(ts7.program, spec.filesToLint, configs, progress, undefined, ts7.factory);
  } finally {
    const built = ts7.program.programBuiltMs;
    engine.log(`ts7 engine for ${name}: ${ts7.failures()} question(s) TypeScript 7 failed (answered "don't know"); TypeScript 6's program ${built === undefined ? "not built" : `built for a question left to its checker (${built.toFixed(0)} ms)`}`);
    ts7.close();
  }
}

/**
 * `--fix`: lint, apply safe fixes, rebuild the program with the new texts, and repeat until
 * nothing changes. A file is written only if its final text parses; each write is atomic.
 */
function lintWithFixes(
  spec: ProjectSpec,
  configs: ConfigResolver,
  log: DebugLog,
  progress: Progress,
  fixed: { problems: number; files: number },
  unread: string[],
  engine: EngineName,
): FileLintResult[] {
  const builder = new ProgramBuilder(spec);
  const texts = new Map<string, string>();
  const original = new Map<string, string>();
  let results: FileLintResult[] = [];
  const silent: Progress = { fileDone() {}, finish() {} };
  for (let pass = 0; ; pass++) {
    // The ts7 engine: a new compiler process per pass, reading the fixed texts through its virtual
    // file system, and no TypeScript 6 program (the builder's parse cache keeps unchanged trees).
    const lintEngine: LintEngine = engine === "ts7" && spec.configFile !== undefined ? { configFile: spec.configFile, texts: new Map(texts), log } : undefined;
    if (lintEngine) {
      results = lintWithoutProgram(builder, spec, configs, pass === 0 ? progress : silent, pass === 0 ? unread : undefined, lintEngine);
    } else {
      const program = builder.build(texts);
      if (pass === 0) unread.push(...unreadFiles(program, spec, configs));
      results = lintFiles(program, spec.filesToLint, configs, pass === 0 ? progress : silent);
    }
    // The last pass only lints, so the findings reported describe the text that is written.
    if (pass === MAX_FIX_PASSES) break;
    let changed = false;
    for (const result of results) {
      const fixes = pickFixes(result.findings, "safe");
      if (fixes.length === 0) continue;
      const key = normalizePath(result.fileName);
      const edits = fixes.flatMap((fix) => fix.edits).filter((edit) => normalizePath(edit.fileName) === key);
      const next = applyEdits(result.sourceText, edits);
      if (next === result.sourceText) continue;
      if (!parsesCleanly(result.fileName, next)) {
        log(`fixes for ${result.fileName} would not parse; left unapplied`);
        continue;
      }
      if (!original.has(key)) original.set(key, result.sourceText);
      texts.set(key, next);
      fixed.problems += fixes.length;
      changed = true;
    }
    log(`fix pass ${pass + 1}: ${changed ? "changed files" : "no changes"}`);
    if (!changed) break;
  }
  for (const [fileName, text] of texts) {
    if (original.get(fileName) === text) continue;
    try {
      writeFileAtomic(fileName, text);
    } catch (error) {
      throw new UsageError(`Cannot write the fixed file ${fileName}: ${describeFileError(error)}`);
    }
    fixed.files++;
  }
  if (texts.size > 0) log(`wrote ${texts.size} fixed file(s)`);
  return results;
}
