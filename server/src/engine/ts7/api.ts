/**
 * TypeScript 7's JavaScript API (`typescript7`, an exact-pinned npm alias of `typescript@7.0.2`):
 * the one place that loads it. The package is ESM only and our code is CommonJS, so it comes
 * through `require()` of ESM (Node ≥ 20.19, our `engines`); its types are imported with
 * `resolution-mode: "import"`. The client spawns the Go compiler (`--api`) and talks to it over
 * pipes; the protocol is unversioned, so the JS package and its platform binary
 * (`@typescript/typescript-<os>-<arch>`) must come from the same exact version.
 */
import { createRequire } from "node:module";

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
export function sync7(): Sync7 {
  sync ??= load("typescript7/unstable/sync") as Sync7;
  return sync;
}

/** TypeScript 7's syntax module (`SyntaxKind`: its numbers differ from TypeScript 6's). */
export function ast7(): Ast7 {
  ast ??= load("typescript7/unstable/ast") as Ast7;
  return ast;
}
