/**
 * The `ts7` engine for one TypeScript 6 program of a tsconfig (ARCHITECTURE.md, "TypeScript 7
 * engine: the seam"): one TypeScript 7 compiler process with that tsconfig open, the program's
 * trees as the session's TypeScript 6 trees, and a `Ts7TypeOracle` per program.
 */
import * as path from "node:path";
import type * as ts from "typescript";
import type { OracleFactory } from "../linter";
import { sync7 } from "./api";
import { Ts7Session } from "./session";
import { Ts7TypeOracle } from "./ts7TypeOracle";

/** The `ts7` engine cannot run here: the message says why and what to do (no stack trace). */
export class Ts7UnavailableError extends Error {}

/**
 * Why the `ts7` engine cannot run here (its package cannot be loaded), or undefined when it can.
 * The package is `typescript7`, an npm alias of `typescript@7.0.2`, with its platform binary.
 */
export function ts7Unavailable(load: () => unknown = sync7): string | undefined {
  try {
    load();
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    return `the ts7 engine (experimental) needs TypeScript 7's package "typescript7" (npm install --save-dev typescript7@npm:typescript@7.0.2), which cannot be loaded: ${reason}`;
  }
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
  const unavailable = ts7Unavailable();
  if (unavailable) throw new Ts7UnavailableError(unavailable);
  let session: Ts7Session;
  try {
    session = new Ts7Session({ cwd: path.dirname(configFile), configFiles: [configFile], sourceFile6: (fileName) => program.getSourceFile(fileName) });
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
  return {
    factory: (forProgram, readFile) => new Ts7TypeOracle(forProgram, session, project, readFile),
    failures: () => session.failures,
    close: () => session.close(),
  };
}
