/**
 * `--cache` on a small project whose findings depend on other files: an imported function's
 * signature, a `node_modules` declaration file, an ambient module declaration, and a blocking
 * call reached from async code in a file that imports it (the finding's file never changes).
 * Each warm run must report exactly what a run without the cache reports.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { JsonReport } from "../../server/src/cli/formatters/index";
import { copyFixture, listFiles, runCli, setUpCliTests, writeFiles } from "../helpers/cli";

setUpCliTests();

const PROJECT: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { strict: true, target: "es2022", module: "es2022", moduleResolution: "bundler", types: [], noEmit: true },
    include: ["src"],
  }),
  "src/fs.d.ts": 'declare module "node:fs" {\n  export function readFileSync(path: string, encoding: "utf8"): string;\n}\n',
  "src/config.ts": 'import { readFileSync } from "node:fs";\n\nexport function loadConfig(): string {\n  return readFileSync("config.json", "utf8");\n}\n',
  "src/server.ts": 'import { loadConfig } from "./config";\n\nexport async function handle(): Promise<string> {\n  return loadConfig();\n}\n',
  "src/store.ts": "export async function save(value: string): Promise<void> {\n  await Promise.resolve(value);\n}\n",
  "src/handler.ts": 'import { save } from "./store";\n\nexport function onMessage(text: string): void {\n  save(text);\n}\n',
  "src/notify.ts": 'import { send } from "mailer";\n\nexport function notify(): void {\n  send("ops");\n}\n',
  "node_modules/mailer/package.json": '{ "name": "mailer", "version": "1.0.0", "types": "index.d.ts" }\n',
  "node_modules/mailer/index.d.ts": "export declare function send(to: string): Promise<void>;\n",
};

const ALL = [
  "src/config.ts 4:10 blocking-call-in-async",
  "src/handler.ts 4:3 floating-promise",
  "src/notify.ts 4:3 floating-promise",
];

function project(): string {
  const dir = copyFixture(undefined);
  writeFiles(dir, PROJECT);
  return dir;
}

interface Run {
  findings: string[];
  /** Files whose findings came from the cache, and files linted (from --debug). */
  reused: number;
  linted: number;
  notes: string[];
}

/** A run with --cache (and --debug to see what it reused), as JSON. */
function lint(dir: string, extra: string[] = []): Run {
  const outcome = runCli(dir, ["--format", "json", "--cache", "--debug", ...extra]);
  const counts = /cache .*: (\d+) file\(s\) reused, (\d+) linted/.exec(outcome.stderr);
  assert.ok(counts, outcome.stderr);
  return {
    findings: findingsOf(dir, outcome.stdout),
    reused: Number(counts[1]),
    linted: Number(counts[2]),
    notes: outcome.stderr.split("\n").filter((line) => line.startsWith("concurrency-lint: ")),
  };
}

function findingsOf(dir: string, stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.results.flatMap((result) =>
    result.findings.map((f) => `${path.relative(dir, result.filePath).split(path.sep).join("/")} ${f.line}:${f.column} ${f.ruleId}`),
  );
}

/**
 * A run with --cache: its findings, and how it went (from --debug): "no program" when every
 * finding came from the cache without building the program, else the reason it was built, with
 * the project's folder written as `<dir>`.
 */
function lintWarm(dir: string, extra: string[] = []): { findings: string[]; program: string } {
  const outcome = runCli(dir, ["--format", "json", "--cache", "--debug", ...extra]);
  const reason = /\] (.*)[:;] building the program$/m.exec(outcome.stderr);
  const noProgram = /unchanged \(\d+ answers checked\): \d+ file\(s\) from the cache without a program$/m.test(outcome.stderr);
  assert.ok(noProgram !== (reason !== null), outcome.stderr);
  // TypeScript 6's program, or (on ts7) TypeScript 7's project opened without one.
  assert.equal(noProgram, !/\] (program for |ts7 engine for .*: TypeScript 7 opened the project)/.test(outcome.stderr), outcome.stderr);
  return { findings: findingsOf(dir, outcome.stdout), program: noProgram ? "no program" : (reason?.[1] ?? "").split(dir).join("<dir>") };
}

/** What a run without the cache reports. */
function uncached(dir: string, extra: string[] = []): string[] {
  return findingsOf(dir, runCli(dir, ["--format", "json", ...extra]).stdout);
}

function edit(dir: string, file: string, from: string, to: string): void {
  const fileName = path.join(dir, file);
  const text = fs.readFileSync(fileName, "utf8");
  assert.ok(text.includes(from), `${file} has ${from}`);
  fs.writeFileSync(fileName, text.replace(from, to));
}

describe("CLI: --cache", () => {
  it("a second run without changes reuses every file's findings", () => {
    const dir = project();
    const cold = lint(dir);
    assert.deepEqual(cold, { findings: ALL, reused: 0, linted: 5, notes: [] });
    const cacheFile = path.join(dir, "node_modules", ".cache", "concurrency-lint", "cache.json");
    const written = fs.statSync(cacheFile);
    assert.deepEqual(lint(dir), { findings: ALL, reused: 5, linted: 0, notes: [] });
    // Nothing changed: not written again.
    assert.equal(fs.statSync(cacheFile).mtimeMs, written.mtimeMs);
    assert.equal(fs.statSync(cacheFile).ino, written.ino);
    // Written atomically, no temporary file left beside it.
    assert.deepEqual(listFiles(path.join(dir, "node_modules", ".cache")), ["concurrency-lint/cache.json"]);
  });

  it("a warm run without changes builds no program; each change to its inputs builds it", () => {
    const dir = project();
    assert.deepEqual(lintWarm(dir), { findings: ALL, program: "no recorded program inputs for <dir>/tsconfig.json (or its options, files or references changed)" });
    assert.deepEqual(lintWarm(dir), { findings: ALL, program: "no program" });
    edit(dir, "src/store.ts", "await Promise.resolve(value);", "await Promise.resolve(value); // saved");
    assert.deepEqual(lintWarm(dir), { findings: ALL, program: "program inputs of <dir>/tsconfig.json changed: <dir>/src/store.ts changed" });
    assert.deepEqual(lintWarm(dir), { findings: ALL, program: "no program" });
  });

  it("a warm run without a program prints what the cold run printed: code frames and SARIF fingerprints read the texts", () => {
    const dir = project();
    for (const format of ["codeframe", "sarif"]) {
      const cold = runCli(dir, ["--format", format, "--cache-location", `${format}/`]);
      const warm = runCli(dir, ["--format", format, "--cache-location", `${format}/`, "--debug"]);
      assert.match(warm.stderr, /from the cache without a program/);
      assert.equal(warm.stdout, cold.stdout, format);
      assert.equal(warm.code, cold.code, format);
    }
  });

  it("shards share the project's recorded program: each shard's warm run builds none", () => {
    const dir = project();
    const shard = (which: string) => {
      const outcome = runCli(dir, ["--format", "json", "--cache", "--debug", "--shard", which]);
      return { findings: findingsOf(dir, outcome.stdout), warm: /from the cache without a program/.test(outcome.stderr) };
    };
    const first = shard("1/2");
    const second = shard("2/2");
    assert.deepEqual([first.warm, second.warm], [false, false]);
    assert.deepEqual([...first.findings, ...second.findings].sort(), ALL);
    assert.deepEqual(shard("1/2"), { ...first, warm: true });
    assert.deepEqual(shard("2/2"), { ...second, warm: true });
  });

  it("a new declaration file shadows the JavaScript file an import resolved to: the finding appears, and goes with it", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { strict: true, allowJs: true, target: "es2022", module: "es2022", moduleResolution: "bundler", types: [], noEmit: true },
        include: ["src/notify.ts"],
      }),
      "src/mailer.js": "export function send(to) {\n  return to;\n}\n",
      "src/notify.ts": 'import { send } from "./mailer";\n\nexport function notify(): void {\n  send("ops");\n}\n',
    });
    assert.deepEqual(lintWarm(dir).findings, []);
    writeFiles(dir, { "src/mailer.d.ts": "export declare function send(to: string): Promise<void>;\n" });
    const shadowed = lintWarm(dir);
    assert.deepEqual(shadowed, { findings: ["src/notify.ts 4:3 floating-promise"], program: "program inputs of <dir>/tsconfig.json changed: <dir>/src/mailer.d.ts now exists" });
    assert.deepEqual(shadowed.findings, uncached(dir));
    assert.deepEqual(lintWarm(dir).program, "no program");
    fs.rmSync(path.join(dir, "src", "mailer.d.ts"));
    assert.deepEqual(lintWarm(dir), { findings: [], program: "program inputs of <dir>/tsconfig.json changed: <dir>/src/mailer.d.ts no longer exists" });
  });

  it("a new @types package gives an untyped module its types: the finding appears", () => {
    const dir = project();
    writeFiles(dir, {
      "src/log.ts": 'import { flush } from "logger";\n\nexport function done(): void {\n  flush();\n}\n',
      "node_modules/logger/package.json": '{ "name": "logger", "version": "1.0.0", "main": "index.js" }\n',
      "node_modules/logger/index.js": "exports.flush = () => Promise.resolve();\n",
    });
    assert.deepEqual(lintWarm(dir).findings, ALL);
    writeFiles(dir, { "node_modules/@types/logger/index.d.ts": "export declare function flush(): Promise<void>;\n" });
    const typed = lintWarm(dir);
    assert.deepEqual(typed.findings, [...ALL.slice(0, 2), "src/log.ts 4:3 floating-promise", ALL[2]]);
    assert.deepEqual(typed.findings, uncached(dir));
    assert.match(typed.program, /^program inputs of <dir>\/tsconfig.json changed: /);
  });

  it("a declaration file is deleted, a package.json's types changes, the tsconfig changes: each is noticed", () => {
    const dir = project();
    lintWarm(dir);
    fs.rmSync(path.join(dir, "node_modules", "mailer", "index.d.ts"));
    const deleted = lintWarm(dir);
    assert.deepEqual(deleted.findings, ALL.slice(0, 2));
    assert.deepEqual(deleted.findings, uncached(dir));
    assert.match(deleted.program, /^program inputs of <dir>\/tsconfig.json changed: <dir>\/node_modules\/mailer\/index.d.ts no longer exists$/);

    writeFiles(dir, { "node_modules/mailer/typed.d.ts": "export declare function send(to: string): Promise<void>;\n" });
    edit(dir, "node_modules/mailer/package.json", '"types": "index.d.ts"', '"types": "typed.d.ts"');
    assert.deepEqual(lintWarm(dir), { findings: ALL, program: "program inputs of <dir>/tsconfig.json changed: <dir>/node_modules/mailer/package.json changed" });
    assert.deepEqual(lintWarm(dir).program, "no program");

    edit(dir, "tsconfig.json", '"include":["src"]', '"include":["src/handler.ts","src/store.ts"]');
    assert.deepEqual(lintWarm(dir), {
      findings: ["src/handler.ts 4:3 floating-promise"],
      program: "no recorded program inputs for <dir>/tsconfig.json (or its options, files or references changed)",
    });
    edit(dir, "tsconfig.json", '"strict":true', '"strict":false');
    assert.equal(lintWarm(dir).program, "no recorded program inputs for <dir>/tsconfig.json (or its options, files or references changed)");
  });

  // The same on both engines: ts7 records TypeScript 7's own questions (see the ts7 suite below).
  for (const engine of ["ts6", "ts7"]) {
    const args = ["--engine", engine];
    it(`an exported signature changes: the importing file's finding disappears and comes back (${engine})`, () => {
      const dir = project();
      lint(dir, args);
      edit(dir, "src/store.ts", "export async function save(value: string): Promise<void> {\n  await Promise.resolve(value);", "export function save(value: string): void {\n  void value;");
      const changed = lint(dir, args);
      assert.deepEqual(changed.findings, ["src/config.ts 4:10 blocking-call-in-async", "src/notify.ts 4:3 floating-promise"]);
      assert.deepEqual(changed.findings, uncached(dir, args));
      assert.equal(changed.linted, 5);
      edit(dir, "src/store.ts", "export function save(value: string): void {\n  void value;", "export async function save(value: string): Promise<void> {\n  await Promise.resolve(value);");
      assert.deepEqual(lint(dir, args).findings, ALL);
    });

    it(`a blocking chain: the async caller's file changes, the blocking call's file does not (${engine})`, () => {
      const dir = project();
      lint(dir, args);
      edit(dir, "src/server.ts", "export async function handle(): Promise<string> {", "export function handle(): string {");
      assert.deepEqual(lint(dir, args).findings, ["src/handler.ts 4:3 floating-promise", "src/notify.ts 4:3 floating-promise"]);
      edit(dir, "src/server.ts", "export function handle(): string {", "export async function handle(): Promise<string> {");
      assert.deepEqual(lint(dir, args).findings, ALL);
    });
  }

  it("a node_modules declaration changes: the finding of its importer follows", () => {
    const dir = project();
    lint(dir);
    edit(dir, "node_modules/mailer/index.d.ts", "Promise<void>", "void");
    assert.deepEqual(lint(dir).findings, ["src/config.ts 4:10 blocking-call-in-async", "src/handler.ts 4:3 floating-promise"]);
    edit(dir, "node_modules/mailer/index.d.ts", "): void", "): Promise<void>");
    assert.deepEqual(lint(dir).findings, ALL);
  });

  it("an ambient module declaration changes: the blocking call is no longer known", () => {
    const dir = project();
    lint(dir);
    edit(dir, "src/fs.d.ts", 'declare module "node:fs"', 'declare module "node:fs-shim"');
    const changed = lint(dir);
    assert.deepEqual(changed.findings, uncached(dir));
    assert.ok(!changed.findings.includes(ALL[0] ?? ""), changed.findings.join("\n"));
  });

  it("the package.json bin changes: a command in the program's folder goes to info and back", () => {
    const dir = project();
    writeFiles(dir, {
      "src/bin/generate.ts": 'import { readFileSync } from "node:fs";\n\nexport async function generate(): Promise<string> {\n  return readFileSync("template.txt", "utf8");\n}\n',
    });
    const severityAt = (stdout: string) =>
      (JSON.parse(stdout) as JsonReport).results.flatMap((result) =>
        (result.filePath.endsWith("generate.ts") ? result.findings : []).map((f) => `${f.line}:${f.column} ${f.messageId} ${f.severity}`),
      );
    const run = () => severityAt(runCli(dir, ["--format", "json", "--cache"]).stdout);
    assert.deepEqual(run(), ["4:10 blockingCall warning"]);
    writeFiles(dir, { "package.json": JSON.stringify({ name: "app", bin: { app: "src/bin/generate.ts" } }) });
    assert.deepEqual(run(), ["4:10 blockingAtStartup info"]);
    writeFiles(dir, { "package.json": JSON.stringify({ name: "app" }) });
    assert.deepEqual(run(), ["4:10 blockingCall warning"]);
  });

  it("the configuration that applies to a file: concurrency-lint.json and --rule", () => {
    const dir = project();
    lint(dir);
    writeFiles(dir, { "src/concurrency-lint.json": '{ "rules": { "floating-promise": "off" } }\n' });
    assert.deepEqual(lint(dir).findings, ["src/config.ts 4:10 blocking-call-in-async"]);
    fs.rmSync(path.join(dir, "src", "concurrency-lint.json"));
    assert.deepEqual(lint(dir).findings, ALL);
    const overridden = lint(dir, ["--rule", "blocking-call-in-async=off"]);
    assert.deepEqual(overridden.findings, ALL.slice(1));
    assert.equal(overridden.linted, 5);
  });

  it("an entry whose key differs is linted again, the others are reused", () => {
    const dir = project();
    lint(dir);
    const cacheFile = path.join(dir, "node_modules", ".cache", "concurrency-lint", "cache.json");
    const cache = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { entries: Record<string, Record<string, { key: string }>> };
    const handler = Object.keys(cache.entries).find((file) => file.endsWith("handler.ts")) ?? "";
    const entry = Object.values(cache.entries[handler] ?? {})[0];
    assert.ok(entry);
    entry.key = "0".repeat(64);
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    assert.deepEqual(lint(dir), { findings: ALL, reused: 4, linted: 1, notes: [] });
  });

  const damaged: [string, string, string][] = [
    ["cut short", '{"tool":"concurrency-lint","cacheVersion":2,"entr', "it is not valid JSON"],
    ["another tool's", '{ "version": "9.0.0", "files": {} }', "it is not a cache of this version of concurrency-lint"],
    ["an older version's", '{ "tool": "concurrency-lint", "cacheVersion": 1, "entries": {} }', "it is not a cache of this version of concurrency-lint"],
    ["a newer version's", '{ "tool": "concurrency-lint", "cacheVersion": 3, "entries": {}, "programs": {} }', "it is not a cache of this version of concurrency-lint"],
    [
      "with a damaged entry",
      '{ "tool": "concurrency-lint", "cacheVersion": 2, "entries": { "/x.ts": { "": { "key": "k", "findings": [{ "ruleId": 1 }] } } }, "programs": {} }',
      "the entry of /x.ts is damaged",
    ],
    [
      "with a damaged program record",
      '{ "tool": "concurrency-lint", "cacheVersion": 2, "entries": {}, "programs": { "/p/tsconfig.json": { "spec": "s", "key": "k", "sources": [], "questions": [["stat", "/a", "1"]] } } }',
      "the program record of /p/tsconfig.json is damaged",
    ],
  ];
  for (const [name, text, reason] of damaged) {
    it(`a cache file ${name} is ignored with a note, then written again`, () => {
      const dir = project();
      const cacheFile = path.join(dir, "node_modules", ".cache", "concurrency-lint", "cache.json");
      writeFiles(dir, { "node_modules/.cache/concurrency-lint/cache.json": text });
      const outcome = lint(dir);
      assert.deepEqual(outcome, {
        findings: ALL,
        reused: 0,
        linted: 5,
        notes: [`concurrency-lint: ignoring the cache ${cacheFile} (${reason}); linting without it`],
      });
      assert.deepEqual(lint(dir), { findings: ALL, reused: 5, linted: 0, notes: [] });
    });
  }

  it("--cache-location: a file, or a folder (cache.json in it); the exit code is the run's", () => {
    const dir = project();
    const asFile = runCli(dir, ["--cache-location", "ci/lint-cache.json", "--max-warnings", "0"]);
    assert.equal(asFile.code, 1);
    assert.ok(fs.existsSync(path.join(dir, "ci", "lint-cache.json")));
    const asFolder = runCli(dir, ["--cache", "--cache-location", "caches/", "--max-warnings", "0"]);
    assert.equal(asFolder.code, 1);
    assert.deepEqual(listFiles(path.join(dir, "caches")), ["cache.json"]);
    assert.deepEqual(lint(dir, ["--cache-location", "caches"]), { findings: ALL, reused: 5, linted: 0, notes: [] });
  });

  it("a file included by two projects is linted and kept once, in the project tsserver would pick", () => {
    const dir = copyFixture(undefined);
    const options = { strict: true, types: [], noEmit: true, target: "es2022", module: "es2022", moduleResolution: "bundler" };
    const member = JSON.stringify({ compilerOptions: options, include: ["*.ts", "../shared/*.ts"] });
    writeFiles(dir, {
      "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "./a" }, { path: "./b" }] }),
      "a/tsconfig.json": member,
      "b/tsconfig.json": member,
      "a/a.ts": "export const a = 1;\n",
      "b/b.ts": "export const b = 1;\n",
      "shared/save.ts": "export async function save(): Promise<void> {\n  await Promise.resolve();\n}\n\nexport function go(): void {\n  save();\n}\n",
    });
    const once = ["shared/save.ts 6:3 floating-promise"];
    assert.deepEqual(lint(dir), { findings: once, reused: 0, linted: 3, notes: [] });
    assert.deepEqual(lint(dir), { findings: once, reused: 3, linted: 0, notes: [] });
  });

  it("a cache that can be neither read nor written: two notes, the run's own result", () => {
    const dir = project();
    writeFiles(dir, { blocker: "a file, not a folder\n" });
    const outcome = runCli(dir, ["--cache-location", "blocker/cache.json", "--max-warnings", "0"]);
    const cacheFile = path.join(dir, "blocker", "cache.json");
    assert.equal(outcome.code, 1);
    assert.equal(
      outcome.stderr,
      `concurrency-lint: ignoring the cache ${cacheFile} (it cannot be read: ENOTDIR); linting without it\n` +
        `concurrency-lint: Cannot write the cache to ${cacheFile}: a part of the path is not a folder\n` +
        "concurrency-lint: too many warnings (3; maximum: 0)\n",
    );
  });

  it("--fix neither reads nor writes the cache", () => {
    const dir = project();
    runCli(dir, ["--fix", "--cache"]);
    assert.equal(fs.existsSync(path.join(dir, "node_modules", ".cache")), false);
  });
});

/**
 * The same guarantees on the ts7 engine, which builds no TypeScript 6 program: TypeScript 7's
 * compiler asks its file system questions (module resolution's probes included) through the
 * recorder, so a change only it would see is found as well.
 */
describe("CLI: --cache on the ts7 engine", () => {
  const TS7 = ["--engine", "ts7"];

  it("a warm run without changes starts no compiler; a changed file is found and the project opened again", () => {
    const dir = project();
    assert.deepEqual(lintWarm(dir, TS7), { findings: ALL, program: "no recorded program inputs for <dir>/tsconfig.json (or its options, files or references changed)" });
    assert.deepEqual(lintWarm(dir, TS7), { findings: ALL, program: "no program" });
    edit(dir, "src/store.ts", "await Promise.resolve(value);", "await Promise.resolve(value); // saved");
    assert.deepEqual(lintWarm(dir, TS7), { findings: ALL, program: "program inputs of <dir>/tsconfig.json changed: <dir>/src/store.ts changed" });
    assert.deepEqual(lintWarm(dir, TS7), { findings: ALL, program: "no program" });
  });

  it("the cache is the engine's: a ts6 run after a ts7 run lints again, and each reuses its own", () => {
    const dir = project();
    assert.deepEqual(lint(dir, TS7), { findings: ALL, reused: 0, linted: 5, notes: [] });
    assert.deepEqual(lint(dir, ["--engine", "ts6"]).linted, 5);
    assert.deepEqual(lint(dir, ["--engine", "ts6"]).reused, 5);
  });

  it("a new declaration file shadows the JavaScript file an import resolved to: TypeScript 7's probe was recorded", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, {
      "tsconfig.json": JSON.stringify({
        compilerOptions: { strict: true, allowJs: true, target: "es2022", module: "es2022", moduleResolution: "bundler", types: [], noEmit: true },
        include: ["src/notify.ts"],
      }),
      "src/mailer.js": "export function send(to) {\n  return to;\n}\n",
      "src/notify.ts": 'import { send } from "./mailer";\n\nexport function notify(): void {\n  send("ops");\n}\n',
    });
    assert.deepEqual(lintWarm(dir, TS7).findings, []);
    writeFiles(dir, { "src/mailer.d.ts": "export declare function send(to: string): Promise<void>;\n" });
    const shadowed = lintWarm(dir, TS7);
    assert.deepEqual(shadowed.findings, ["src/notify.ts 4:3 floating-promise"]);
    assert.match(shadowed.program, /^program inputs of <dir>\/tsconfig.json changed: /);
    assert.deepEqual(shadowed.findings, uncached(dir, TS7));
    assert.deepEqual(lintWarm(dir, TS7).program, "no program");
    fs.rmSync(path.join(dir, "src", "mailer.d.ts"));
    assert.deepEqual(lintWarm(dir, TS7).findings, []);
  });

  it("a new @types package gives an untyped module its types, and a node_modules declaration changes", () => {
    const dir = project();
    writeFiles(dir, {
      "src/log.ts": 'import { flush } from "logger";\n\nexport function done(): void {\n  flush();\n}\n',
      "node_modules/logger/package.json": '{ "name": "logger", "version": "1.0.0", "main": "index.js" }\n',
      "node_modules/logger/index.js": "exports.flush = () => Promise.resolve();\n",
    });
    assert.deepEqual(lintWarm(dir, TS7).findings, ALL);
    writeFiles(dir, { "node_modules/@types/logger/index.d.ts": "export declare function flush(): Promise<void>;\n" });
    const typed = lintWarm(dir, TS7);
    assert.deepEqual(typed.findings, [...ALL.slice(0, 2), "src/log.ts 4:3 floating-promise", ALL[2]]);
    assert.deepEqual(typed.findings, uncached(dir, TS7));
    edit(dir, "node_modules/mailer/index.d.ts", "Promise<void>", "void");
    const untyped = lintWarm(dir, TS7);
    assert.deepEqual(untyped.findings, [...ALL.slice(0, 2), "src/log.ts 4:3 floating-promise"]);
    assert.equal(untyped.program, "program inputs of <dir>/tsconfig.json changed: <dir>/node_modules/mailer/index.d.ts changed");
  });

});
