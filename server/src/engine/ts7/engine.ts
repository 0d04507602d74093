/**
 * The `ts7` engine for one TypeScript 6 program of a tsconfig (ARCHITECTURE.md, "TypeScript 7
 * engine: the seam"): one TypeScript 7 compiler process with that tsconfig open, the program's
 * trees as the session's TypeScript 6 trees, and a `Ts7TypeOracle` per program.
 */
import * as path from "node:path";
import type * as ts from "typescript";
import type { OracleFactory } from "../linter";
import type { ProgramBuilder } from "../project";
import { sync7, TS7_VERSION, ts7Executable, ts7PlatformPackage, type Project7 } from "./api";
import { Ts7ProgramView } from "./programView";
import { Ts7Session, type Ts7SessionOptions } from "./session";
import { Ts7TypeOracle } from "./ts7TypeOracle";

/** The `ts7` engine cannot run here: the message says why and what to do (no stack trace). */
export class Ts7UnavailableError extends Error {}

/**
 * The VS Code extension's platform-specific packages (`vsce package --target`), each carrying
 * TypeScript 7's compiler for its platform (scripts/package-vsix.mjs builds them; its TARGETS
 * must list the same). The universal package carries none: there `ts7` falls back to `ts6`.
 */
export const VSIX_TARGETS = ["win32-x64", "win32-arm64", "linux-x64", "linux-arm64", "linux-armhf", "alpine-x64", "alpine-arm64", "darwin-x64", "darwin-arm64"] as const;

/** The VSIX target for a Node.js platform and architecture (VS Code calls 32-bit ARM "armhf"). */
export function vsixTargetOf(platform: string = process.platform, arch: string = process.arch): string {
  return `${platform}-${arch === "arm" ? "armhf" : arch}`;
}

/** Loads TypeScript 7's API and finds its compiler for this platform; throws when either is missing. */
function probeTs7(): void {
  sync7();
  ts7Executable();
}

/** `probeTs7`'s outcome in this process. */
let probed: { ok: true } | { ok: false; error: unknown } | undefined;

function outcomeOf(probe: () => unknown): { ok: true } | { ok: false; error: unknown } {
  try {
    probe();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Why the `ts7` engine cannot run here, or undefined when it can: typescript7 (an npm alias of
 * `typescript@7.0.2`) or its platform binary cannot be loaded. The message says what to install
 * where it is read: `cli` (the npm package) or `server` (the VS Code extension or the npm package).
 */
export function ts7Unavailable(where: "cli" | "server", probe: () => unknown = probeTs7, platform: string = process.platform, arch: string = process.arch): string | undefined {
  // The real probe's outcome does not change while the process runs: asked once per project, run once.
  const outcome = probe === probeTs7 ? (probed ??= outcomeOf(probeTs7)) : outcomeOf(probe);
  if (outcome.ok) return undefined;
  const reason = (outcome.error as Error).message.split("\n")[0];
  const cannot = `the ts7 engine (experimental) cannot load TypeScript 7's compiler for ${platform}-${arch} (${reason})`;
  const npm = `npm installs it with concurrency-lint: the typescript7 package (typescript@${TS7_VERSION}) and its optional dependency ${ts7PlatformPackage(platform, arch)}`;
  if (where === "cli") {
    return `${cannot}. ${npm}; install concurrency-lint again without --omit=optional, or add it next to concurrency-lint: npm install --save-dev typescript7@npm:typescript@${TS7_VERSION}`;
  }
  const target = vsixTargetOf(platform, arch);
  const vsix = (VSIX_TARGETS as readonly string[]).includes(target)
    ? `in VS Code, install concurrency-lint's VSIX for ${target} (the universal VSIX runs ts6 only)`
    : `no concurrency-lint VSIX carries it for ${target}`;
  return `${cannot}; linting with ts6. To use ts7: ${vsix}; with the npm package, ${npm} (not with --omit=optional)`;
}

export interface Ts7Engine {
  /** The oracle factory for `lintProgram` / `ProgramTypes`. */
  factory: OracleFactory;
  /** Questions TypeScript 7 failed (answered "don't know"), in this engine's session. */
  failures(): number;
  /** Ends the compiler process. */
  close(): void;
}

/**
 * Opens `configFile` in a new TypeScript 7 process whose TypeScript 6 trees are `program`'s.
 * `texts`: file texts that are not on disk (`--fix` passes), seen by both compilers.
 * Throws `Ts7UnavailableError` when the package is missing or the compiler does not open the project.
 */
export function openTs7Engine(program: ts.Program, configFile: string, texts?: ReadonlyMap<string, string>): Ts7Engine {
  const { session, project } = openSession(configFile, texts, (fileName) => program.getSourceFile(fileName));
  return engineOf(session, project);
}

/**
 * The `ts7` engine with no TypeScript 6 program (`Ts7ProgramView`): TypeScript 7 opens the
 * project's tsconfig, its file list and the tsconfig's parse (`builder`'s spec) stand in for the
 * program, and TypeScript 6 parses only the files that are linted or asked about. TypeScript 6's
 * program is built (from the same trees) only if a question is left to TypeScript 6's checker.
 * `texts`: file texts not on disk (`--fix` passes), by normalized name, seen by both compilers.
 * `fileSystem`: what TypeScript 7's compiler asks its file system questions through (the CLI
 * cache records them, as `builder`'s host records TypeScript 6's); default: the disk.
 */
export function openTs7Project(
  builder: ProgramBuilder,
  filesToLint: readonly string[],
  texts: ReadonlyMap<string, string> = new Map(),
  fileSystem?: Ts7SessionOptions["fs"],
): Ts7Engine & { program: Ts7ProgramView } {
  const configFile = builder.projectSpec.configFile;
  if (configFile === undefined) throw new Error("the ts7 engine opens a tsconfig.json");
  const { session, project } = openSession(configFile, texts, undefined, fileSystem);
  let program: Ts7ProgramView;
  try {
    program = new Ts7ProgramView(project, builder, texts, filesToLint);
  } catch (error) {
    session.close();
    throw error;
  }
  // The rules walk the view's trees, and declarations TypeScript 7 hands back are found in them.
  session.useTrees((fileName) => program.getSourceFile(fileName));
  return { ...engineOf(session, project), program };
}

function openSession(
  configFile: string,
  texts: ReadonlyMap<string, string> | undefined,
  sourceFile6: ((fileName: string) => ts.SourceFile | undefined) | undefined,
  fileSystem?: Ts7SessionOptions["fs"],
): { session: Ts7Session; project: Project7 } {
  const unavailable = ts7Unavailable("cli");
  if (unavailable) throw new Ts7UnavailableError(unavailable);
  let session: Ts7Session;
  try {
    session = new Ts7Session({ cwd: path.dirname(configFile), configFiles: [configFile], sourceFile6, fs: fileSystem });
  } catch (error) {
    throw new Ts7UnavailableError(`the ts7 engine (experimental) could not start TypeScript 7's compiler: ${(error as Error).message.split("\n")[0]}`);
  }
  for (const [fileName, text] of texts ?? []) session.setText(fileName, text);
  session.update();
  const project = session.project(configFile);
  if (!project) {
    session.close();
    throw new Ts7UnavailableError(`the ts7 engine (experimental): TypeScript 7 did not open ${configFile}`);
  }
  return { session, project };
}

function engineOf(session: Ts7Session, project: Project7): Ts7Engine {
  return {
    factory: (forProgram, readFile) => new Ts7TypeOracle(forProgram, session, project, readFile),
    failures: () => session.failures,
    close: () => session.close(),
  };
}
