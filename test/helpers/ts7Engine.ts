/**
 * The rule tables on the `ts7` engine (the parity test, `test/engine/ts7Parity.test.ts`): with
 * `CONCURRENCY_LINT_TEST_ENGINE=ts7` (or `useEngineForTests("ts7")` before the tables load),
 * `lintCode` lints each case with a `Ts7TypeOracle` instead of TypeScript 6's, and the tables'
 * exact expectations (findings, messages, fixes) must hold unchanged.
 *
 * One TypeScript 7 process serves the whole test process: its virtual file system holds the
 * current case's in-memory files under `/virtual` (with a tsconfig.json written from the case's
 * compiler options) and falls back to the disk for the default lib and `@types`; each case is a
 * snapshot update (files created, changed, deleted).
 */
import * as path from "node:path";
import * as ts from "typescript";
import type { OracleFactory } from "../../server/src/engine/linter";
import { Ts7Session } from "../../server/src/engine/ts7/session";
import { formatTs7Stats, Ts7TypeOracle, ts7StatsWanted } from "../../server/src/engine/ts7/ts7TypeOracle";

export type TestEngine = "ts6" | "ts7";

let engine: TestEngine = process.env.CONCURRENCY_LINT_TEST_ENGINE === "ts7" ? "ts7" : "ts6";

/** The engine `lintCode` uses from now on (default: `CONCURRENCY_LINT_TEST_ENGINE`, else ts6). */
export function useEngineForTests(name: TestEngine): void {
  engine = name;
}

export function engineForTests(): TestEngine {
  return engine;
}

const ROOT = "/virtual";
const CONFIG = `${ROOT}/tsconfig.json`;

/** A tsconfig.json's `compilerOptions` for TypeScript 6 compiler options (enums by name, libs by short name). */
export function tsconfigOptions(options: ts.CompilerOptions): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  const nameOf = (values: Record<number, string>, value: unknown) => {
    // Aliases (`Latest` = `ESNext`) map a number to the last name declared: take the first instead.
    const names = Object.entries(values).filter(([, v]) => v === value).map(([name]) => name);
    return (names[0] ?? String(value)).toLowerCase();
  };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    switch (key) {
      case "target":
        json[key] = nameOf(ts.ScriptTarget, value);
        break;
      case "module":
        json[key] = nameOf(ts.ModuleKind, value);
        break;
      case "moduleResolution":
        json[key] = nameOf(ts.ModuleResolutionKind, value);
        break;
      case "jsx":
        json[key] = nameOf(ts.JsxEmit, value);
        break;
      case "lib":
        json[key] = (value as string[]).map((lib) => lib.replace(/^lib\./, "").replace(/\.d\.ts$/, ""));
        break;
      default:
        json[key] = value;
    }
  }
  return json;
}

class VirtualTs7 {
  private files = new Map<string, string>();
  private session: Ts7Session | undefined;

  /** Started with the first case's files in place (the project must exist when it is opened). */
  private start(): Ts7Session {
    const inside = (name: string) => name === ROOT || name.startsWith(`${ROOT}/`);
    return new Ts7Session({
      cwd: ROOT,
      configFiles: [CONFIG],
      fs: {
        readFile: (name) => (inside(name) ? (this.files.get(name) ?? null) : undefined),
        fileExists: (name) => (inside(name) ? this.files.has(name) : undefined),
        directoryExists: (name) => (inside(name) ? name === ROOT || [...this.files.keys()].some((file) => file.startsWith(`${name}/`)) : undefined),
        getAccessibleEntries: (name) => {
          if (!inside(name)) return undefined;
          const files = new Set<string>();
          const directories = new Set<string>();
          for (const file of this.files.keys()) {
            if (!file.startsWith(`${name}/`)) continue;
            const [first, ...rest] = file.slice(name.length + 1).split("/");
            (rest.length === 0 ? files : directories).add(first);
          }
          return { files: [...files], directories: [...directories] };
        },
      },
    });
  }

  /** The oracle factory for one case: its files (names relative to `/virtual`) and the TypeScript 6 program lintCode built of them. */
  factoryFor(files: Record<string, string>, options: ts.CompilerOptions, program: ts.Program): OracleFactory {
    const next = new Map(Object.entries(files).map(([name, text]) => [path.posix.join(ROOT, name), text]));
    const sources = [...next.keys()].filter((name) => /\.[cm]?[jt]sx?$/.test(name));
    next.set(CONFIG, JSON.stringify({ compilerOptions: tsconfigOptions(options), files: sources }));
    const created = [...next.keys()].filter((name) => !this.files.has(name));
    const deleted = [...this.files.keys()].filter((name) => !next.has(name));
    const changed = [...next.keys()].filter((name) => this.files.has(name) && this.files.get(name) !== next.get(name));
    this.files = next;
    let session = this.session;
    if (!session) session = this.session = this.start();
    else session.updateFiles({ created, changed, deleted });
    session.useTrees((fileName) => program.getSourceFile(fileName));
    const project = session.project(CONFIG);
    if (!project) throw new Error("TypeScript 7 did not open the virtual project");
    const ts7 = session;
    return (forProgram, readFile) => new Ts7TypeOracle(forProgram, ts7, project, readFile);
  }

  close(): void {
    this.session?.close();
  }
}

let shared: VirtualTs7 | undefined;

/** The process's TypeScript 7 for in-memory cases, started on first use (and ended when the process exits). */
export function virtualTs7(): VirtualTs7 {
  if (!shared) {
    const started = new VirtualTs7();
    shared = started;
    process.once("exit", () => {
      started.close();
      if (ts7StatsWanted()) process.stderr.write(`ts7 engine, answers per oracle method:\n${formatTs7Stats().join("\n")}\n`);
    });
  }
  return shared;
}
