/**
 * The parity test of the `ts7` engine (issue 13): every rule table (`test/rules/*.test.ts`) and
 * every docs example (`test/docs.test.ts`) run again, unchanged, with `lintCode` on the `ts7`
 * engine (`test/helpers/ts7Engine.ts`: a `Ts7TypeOracle` per case, one TypeScript 7 process for
 * the whole run, each case a snapshot update of an in-memory project). The tables' expectations
 * are exact (findings, message ids, positions, messages, related locations, every fix's title and
 * text), so a pass means identical findings and fixes on both engines. Where TypeScript 7 itself
 * types the code otherwise, the case says so in its `ts7` field (the reason, and the findings it
 * gives there; `InvalidCase.ts7` in test/helpers/ruleTable.ts): five floating-promise cases on
 * JavaScript constructor functions with prototype methods, which TypeScript 7 no longer types.
 *
 * It runs every table a second time: 1,416 tests in about 95 s on two shared cores (2026-12-07),
 * under the ~3 minutes CI can afford, so it is not gated. `CONCURRENCY_LINT_TS7_STATS=1` also
 * prints which oracle methods TypeScript 7 answered, and the time each took.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe } from "node:test";
import { useEngineForTests } from "../helpers/ts7Engine";

/** Every rule table, then the docs examples. */
const TABLES = [
  ...fs
    .readdirSync(path.join(__dirname, "..", "rules"))
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => path.join(__dirname, "..", "rules", name)),
  path.join(__dirname, "..", "docs.test.ts"),
];

describe("ts7 parity: the rule tables and docs examples on the ts7 engine", async () => {
  useEngineForTests("ts7");
  for (const table of TABLES) await import(table);
});
