/**
 * `--shard <i>/<n>`: the split itself (`cli/shard.ts`, pure), and the CLI on a small project
 * whose findings depend on other files (a floating promise of a function declared elsewhere, a
 * blocking call reached from async code in another file): the shards together report exactly
 * what one unsharded run reports, each file once.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { JsonReport } from "../../server/src/cli/formatters/index";
import { filesOfShard, parseShard } from "../../server/src/cli/shard";
import { assertFailsWith, copyFixture, REPO, runCli, setUpCliTests, writeFiles } from "../helpers/cli";

setUpCliTests();

describe("parseShard", () => {
  const valid: [string, { index: number; count: number }][] = [
    ["1/1", { index: 1, count: 1 }],
    ["2/4", { index: 2, count: 4 }],
    ["4/4", { index: 4, count: 4 }],
    [" 3 / 10 ", { index: 3, count: 10 }],
  ];
  for (const [text, shard] of valid) it(`"${text}"`, () => assert.deepEqual(parseShard(text), shard));
  for (const text of ["0/2", "3/2", "1/0", "0/0", "-1/2", "1.5/2", "1/2.0", "a/b", "1", "1/2/3", "/2", "", "1e1/20", "1/99999999999999999999"]) {
    it(`"${text}" is refused`, () => assert.equal(parseShard(text), undefined));
  }
});

describe("filesOfShard", () => {
  const cwd = path.join(path.sep, "repo");
  const sizes = new Map([
    ["src/a.ts", 500],
    ["src/b.ts", 400],
    ["src/c.ts", 300],
    ["src/d.ts", 300],
    ["src/e.ts", 200],
    ["lib/f.ts", 100],
    ["lib/g.ts", 0],
  ]);
  const files = [...sizes.keys()].map((file) => path.join(cwd, ...file.split("/")));
  const sizeOf = (file: string) => sizes.get(path.relative(cwd, file).split(path.sep).join("/")) ?? -1;
  const split = (count: number, input = files) =>
    Array.from({ length: count }, (_, i) =>
      [...filesOfShard(input, { index: i + 1, count }, cwd, sizeOf)].map((file) => path.relative(cwd, file).split(path.sep).join("/")).sort(),
    );

  it("largest first, each to the lightest shard (ties: the lower shard; equal sizes: path order)", () => {
    // a 500 → 1; b 400 → 2; c 300 (src/c before src/d) → 2 (400 < 500);
    // d 300 → 1 (500 < 700); e 200 → 2 (700 < 800); f 100 → 1 (800 < 900); g 0 → 1 (900 = 900: the lower).
    assert.deepEqual(split(2), [
      ["lib/f.ts", "lib/g.ts", "src/a.ts", "src/d.ts"],
      ["src/b.ts", "src/c.ts", "src/e.ts"],
    ]);
  });

  it("every file in exactly one shard, for every count", () => {
    for (const count of [1, 2, 3, 4, 7, 8, 50]) {
      const shards = split(count);
      assert.equal(shards.length, count);
      assert.deepEqual(shards.flat().sort(), [...sizes.keys()].sort(), `count ${count}`);
    }
  });

  it("more shards than files: one file each, the shards past them empty", () => {
    assert.deepEqual(split(9).map((shard) => shard.length), [1, 1, 1, 1, 1, 1, 1, 0, 0]);
    assert.deepEqual([...filesOfShard(files, { index: 1_000_000, count: Number.MAX_SAFE_INTEGER }, cwd, sizeOf)], []);
  });

  it("the same split whatever the order of the input and wherever the project is", () => {
    assert.deepEqual(split(3, [...files].reverse()), split(3));
    const elsewhere = path.join(path.sep, "home", "ci", "checkout");
    const moved = files.map((file) => path.join(elsewhere, path.relative(cwd, file)));
    const movedShards = Array.from({ length: 3 }, (_, i) =>
      [...filesOfShard(moved, { index: i + 1, count: 3 }, elsewhere, (file) => sizeOf(path.join(cwd, path.relative(elsewhere, file))))]
        .map((file) => path.relative(elsewhere, file).split(path.sep).join("/"))
        .sort(),
    );
    assert.deepEqual(movedShards, split(3));
  });

  it("a file listed twice (in two projects) is in one shard", () => {
    const twice = [...files, files[0] ?? ""];
    assert.deepEqual(split(2, twice), split(2));
  });

  it("reads sizes with CR LF as LF, so a Windows checkout splits like a Linux one", () => {
    const dir = copyFixture(undefined);
    // 100, 100 and 95 bytes with LF; with CR LF counted, b (50 lines) would be the largest.
    const lf = { "a.ts": "//2345678\n".repeat(10), "b.ts": "x\n".repeat(50), "c.ts": `${"/".repeat(94)}\n` };
    writeFiles(dir, lf);
    const names = Object.keys(lf).map((name) => path.join(dir, name));
    const shards = () => [1, 2].map((index) => [...filesOfShard(names, { index, count: 2 }, dir)].map((file) => path.basename(file)).sort());
    assert.deepEqual(shards(), [["a.ts", "c.ts"], ["b.ts"]]);
    writeFiles(dir, Object.fromEntries(Object.entries(lf).map(([name, text]) => [name, text.replace(/\n/g, "\r\n")])));
    assert.deepEqual(shards(), [["a.ts", "c.ts"], ["b.ts"]]);
  });
});

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "es2022",
    module: "nodenext",
    noEmit: true,
    types: ["node"],
    typeRoots: [path.join(REPO, "node_modules", "@types")],
  },
  include: ["src"],
};

const PROJECT: Record<string, string> = {
  "tsconfig.json": JSON.stringify(TSCONFIG, null, 2),
  "src/config.ts": [
    'import { readFileSync } from "node:fs";',
    "",
    "export function loadConfig(): string {",
    '  return readFileSync("config.json", "utf8");',
    "}",
    "",
  ].join("\n"),
  "src/server.ts": [
    'import { loadConfig } from "./config.js";',
    "",
    "export async function handle(): Promise<string> {",
    "  return loadConfig();",
    "}",
    "",
  ].join("\n"),
  "src/store.ts": ["export async function save(value: string): Promise<void> {", "  await Promise.resolve(value);", "}", ""].join("\n"),
  "src/handler.ts": [
    'import { save } from "./store.js";',
    "",
    "export function onMessage(text: string): void {",
    "  save(text);",
    "}",
    "",
  ].join("\n"),
};

interface SarifLog {
  runs: { tool: unknown; results: unknown[] }[];
}

describe("CLI: --shard", () => {
  const dir = () => {
    const project = copyFixture(undefined);
    writeFiles(project, PROJECT);
    return project;
  };

  it("the shards' JSON reports together are the unsharded one: every file once, the same findings", () => {
    const project = dir();
    const whole = JSON.parse(runCli(project, ["--format", "json"]).stdout) as JsonReport;
    assert.deepEqual(
      whole.results.map((result) => [path.relative(project, result.filePath), result.findings.map((finding) => finding.ruleId)]),
      [
        [path.join("src", "config.ts"), ["blocking-call-in-async"]],
        [path.join("src", "handler.ts"), ["floating-promise"]],
        [path.join("src", "server.ts"), []],
        [path.join("src", "store.ts"), []],
      ],
    );
    // The blocking call's related location is the async caller, in another file.
    assert.equal(whole.results[0]?.findings[0]?.related.length, 1);
    for (const count of [2, 5]) {
      const shards = Array.from({ length: count }, (_, i) => {
        const outcome = runCli(project, ["--format", "json", "--shard", `${i + 1}/${count}`]);
        assert.equal(outcome.stderr, "");
        assert.equal(outcome.code, 0);
        return JSON.parse(outcome.stdout) as JsonReport;
      });
      const merged = shards.flatMap((report) => report.results).sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
      assert.deepEqual(merged, whole.results, `${count} shards`);
      assert.equal(shards.reduce((sum, report) => sum + report.summary.warnings, 0), whole.summary.warnings);
      if (count === 5) assert.deepEqual(shards[4]?.results, [], "the fifth of four files is empty");
    }
  });

  it("the shards' SARIF results together are the unsharded run's (fingerprints included)", () => {
    const project = dir();
    const whole = JSON.parse(runCli(project, ["--format", "sarif"]).stdout) as SarifLog;
    const shards = [1, 2].map((index) => JSON.parse(runCli(project, ["--format", "sarif", "--shard", `${index}/2`]).stdout) as SarifLog);
    // Each shard's log is complete on its own: the same tool and rules.
    for (const shard of shards) assert.deepEqual(shard.runs[0]?.tool, whole.runs[0]?.tool);
    const key = (result: unknown) => JSON.stringify(result);
    assert.deepEqual(
      shards.flatMap((shard) => shard.runs[0]?.results ?? []).map(key).sort(),
      (whole.runs[0]?.results ?? []).map(key).sort(),
    );
  });

  it("an empty shard: exit 0, nothing to report", () => {
    assert.deepEqual(runCli(dir(), ["--shard", "7/7"]), { code: 0, stdout: "", stderr: "" });
  });

  it("with --baseline: known findings and gone entries are split between shards, a deleted file's counted once", () => {
    const project = dir();
    assert.equal(runCli(project, ["--write-baseline", "baseline.json"]).code, 0);
    writeFiles(project, { "src/old.ts": "export {};\n" });
    const baseline = JSON.parse(fs.readFileSync(path.join(project, "baseline.json"), "utf8")) as { files: Record<string, unknown[]> };
    baseline.files["src/deleted.ts"] = [{ ruleId: "floating-promise", fingerprint: "0".repeat(32) }];
    fs.writeFileSync(path.join(project, "baseline.json"), JSON.stringify(baseline));
    const stderr = [1, 2].map((index) => runCli(project, ["--baseline", "baseline.json", "--shard", `${index}/2`]).stderr);
    assert.deepEqual(stderr, [
      "concurrency-lint: baseline baseline.json: 1 known finding not reported, 1 entry gone (fixed, or their line changed; --write-baseline baseline.json drops them)\n",
      "concurrency-lint: baseline baseline.json: 1 known finding not reported, 0 entries gone\n",
    ]);
  });

  it("--write-baseline with --shard: exit 2 (a baseline records the whole project)", () => {
    assertFailsWith(
      runCli(dir(), ["--shard", "1/2", "--write-baseline", "baseline.json"]),
      "concurrency-lint: --write-baseline records every finding of the project: run it without --shard",
    );
  });

  for (const value of ["0/3", "4/3", "1/0", "two/3", "1.5/3"]) {
    it(`--shard ${value}: exit 2`, () => {
      assertFailsWith(
        runCli(dir(), ["--shard", value]),
        `concurrency-lint: --shard takes <i>/<n>, whole numbers with 1 <= i <= n (such as 2/4), not "${value}"`,
      );
    });
  }
});
