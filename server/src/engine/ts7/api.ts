/**
 * TypeScript 7's JavaScript API (`typescript7`, an exact-pinned npm alias of `typescript@7.0.2`):
 * the one place that loads it. The package is ESM only and our code is CommonJS, so it comes
 * through `require()` of ESM (Node ≥ 20.19, our `engines`); its types are imported with
 * `resolution-mode: "import"`. The client spawns the Go compiler (`--api`) and talks to it over
 * pipes; the protocol is unversioned, so the JS package and its platform binary
 * (`@typescript/typescript-<os>-<arch>`) must come from the same exact version.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

import type * as Sync7Module from "typescript7/unstable/sync" with { "resolution-mode": "import" };
import type * as Ast7Module from "typescript7/unstable/ast" with { "resolution-mode": "import" };

export type Sync7 = typeof Sync7Module;
export type Ast7 = typeof Ast7Module;
export type {
  API as Api7,
  Checker as Checker7,
  NodeHandle as NodeHandle7,
  Project as Project7,
  Signature as Signature7,
  Snapshot as Snapshot7,
  Symbol as Symbol7,
  TupleType as TupleType7,
  Type as Type7,
  TypeReference as TypeReference7,
} from "typescript7/unstable/sync" with { "resolution-mode": "import" };
export type { FileSystem as FileSystem7 } from "typescript7/unstable/fs" with { "resolution-mode": "import" };
export type { Node as Node7, SourceFile as SourceFile7, TypeNode as TypeNode7 } from "typescript7/unstable/ast" with { "resolution-mode": "import" };

const load = createRequire(__filename);

let sync: Sync7 | undefined;
let ast: Ast7 | undefined;

/** The sync client (`API`, flags enums), loaded on first use: the TypeScript 6 engine never loads it. */
/** The exact TypeScript 7 version the `typescript7` alias pins in package.json (the protocol is unversioned). */
export const TS7_VERSION = "7.0.2";

export function sync7(): Sync7 {
  sync ??= load("typescript7/unstable/sync") as Sync7;
  return sync;
}

/** TypeScript 7's syntax module (`SyntaxKind`: its numbers differ from TypeScript 6's). */
export function ast7(): Ast7 {
  ast ??= load("typescript7/unstable/ast") as Ast7;
  return ast;
}

/** The npm package that carries TypeScript 7's compiler for this machine (an optional dependency of typescript7). */
export function ts7PlatformPackage(platform: string = process.platform, arch: string = process.arch): string {
  return `@typescript/typescript-${platform}-${arch}`;
}

/**
 * The Go compiler the API will start, found the way typescript7's own `lib/getExePath.js` finds it
 * (the platform package resolved from typescript7's folder, then `lib/tsc`), so that a missing
 * binary is reported before the API is asked to start it. Throws, in words, when it is missing.
 */
export function ts7Executable(): string {
  executable ??= findTs7Executable();
  return executable;
}

/** `ts7Executable`'s answer: the package does not move while the process runs. */
let executable: string | undefined;

function findTs7Executable(): string {
  const manifest = load.resolve("typescript7/package.json");
  const platformPackage = ts7PlatformPackage();
  let folder: string;
  try {
    folder = path.dirname(createRequire(manifest).resolve(`${platformPackage}/package.json`));
  } catch {
    throw new Error(`${platformPackage} is not installed`);
  }
  const executable = path.join(folder, "lib", process.platform === "win32" ? "tsc.exe" : "tsc");
  if (!fs.existsSync(executable)) throw new Error(`${executable} is missing`);
  if (process.platform !== "win32") {
    try {
      fs.accessSync(executable, fs.constants.X_OK);
    } catch {
      throw new Error(`${executable} is not executable`);
    }
  }
  return executable;
}
