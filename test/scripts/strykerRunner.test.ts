/**
 * `npm run mutate`'s in-process test runner (scripts/stryker-node-test-runner.mjs), on a tiny
 * project written the way Stryker's instrumenter writes mutants: coverage recorded per test while
 * `__stryker__.currentTestId` is set, a mutant active when `__stryker__.activeMutant` is its id.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";

interface TestResult {
  id: string;
  status: number;
}
interface RunResult {
  status: string | number;
  tests?: TestResult[];
  mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number>> };
  killedBy?: string[];
}
interface Runner {
  init(): Promise<void>;
  dispose(): Promise<void>;
  dryRun(options: { coverageAnalysis: string; timeout: number; disableBail: boolean }): Promise<RunResult>;
  mutantRun(options: { activeMutant: { id: string }; testFilter?: string[]; timeout: number; disableBail: boolean; hitLimit?: number }): Promise<RunResult>;
}

/** What Stryker's instrumenter puts in a file, reduced to the two helpers the runner relies on. */
const HEADER = [
  "const ns = () => globalThis.__stryker__;",
  "function cov(id) { const n = ns(); const c = n.currentTestId ? (n.mutantCoverage.perTest[n.currentTestId] ??= {}) : n.mutantCoverage.static; c[id] = (c[id] ?? 0) + 1; }",
  "function active(id) { return ns().activeMutant === id; }",
].join("\n");

const FILES: Record<string, string> = {
  // Mutant "1" in a function (runtime), mutant "2" in module-level code (static).
  "math.js": `${HEADER}\ncov("2");\nconst START = active("2") ? 5 : 0;\nexports.add = (a, b) => { cov("1"); return active("1") ? a - b : a + b; };\nexports.start = () => START;\n`,
  "math.test.js": [
    'const { describe, it, before } = require("node:test");',
    'const assert = require("node:assert/strict");',
    'const { add, start } = require("./math");',
    'describe("math", () => {',
    "  let one;",
    "  before(() => { one = 1; });",
    '  it("adds", () => assert.equal(add(one, 1), 2));',
    '  it("adds zeros", () => assert.equal(add(0, 0), 0));',
    '  it("starts at zero", () => assert.equal(start(), 0));',
    '  it.skip("is skipped", () => assert.fail("not run"));',
    "});",
  ].join("\n"),
};

describe("stryker node-test-inprocess runner", () => {
  let root = "";
  let runner: Runner;
  const run = { timeout: 10_000, disableBail: false };
  const id = (name: string) => `math.test.js > math > ${name}`;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "cl-stryker-runner-"));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(root, name), text);
    const modulePath = path.resolve(__dirname, "..", "..", "scripts", "stryker-node-test-runner.mjs");
    const loaded = (await import(pathToFileURL(modulePath).href)) as { NodeTestInProcessRunner: new (options: object, log: object) => Runner };
    const log = { warn() {}, error() {}, debug() {}, isDebugEnabled: () => false };
    runner = new loaded.NodeTestInProcessRunner({ nodeTestInProcess: { testFiles: ["math.test.js"], root } }, log);
    await runner.init();
  });
  after(async () => {
    await runner.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("the dry run runs every test in order, skips the skipped one, and records coverage per test and at load", async () => {
    const result = await runner.dryRun({ coverageAnalysis: "perTest", ...run });
    assert.deepEqual(
      result.tests?.map((test) => [test.id, test.status]),
      [
        [id("adds"), 0],
        [id("adds zeros"), 0],
        [id("starts at zero"), 0],
        [id("is skipped"), 2],
      ],
    );
    assert.deepEqual(result.mutantCoverage, { static: { 2: 1 }, perTest: { [id("adds")]: { 1: 1 }, [id("adds zeros")]: { 1: 1 } } });
  });

  it("a runtime mutant is killed by a test in the filter that notices it, and survives the ones that do not", async () => {
    const killed = await runner.mutantRun({ activeMutant: { id: "1" }, testFilter: [id("adds")], ...run });
    assert.equal(killed.status, "killed");
    assert.deepEqual(killed.killedBy, [id("adds")]);
    const survived = await runner.mutantRun({ activeMutant: { id: "1" }, testFilter: [id("adds zeros")], ...run });
    assert.equal(survived.status, "survived");
  });

  it("a module-level mutant is active while the modules load again, and the next run loads them without it", async () => {
    const killed = await runner.mutantRun({ activeMutant: { id: "2" }, ...run });
    assert.equal(killed.status, "killed");
    assert.deepEqual(killed.killedBy, [id("starts at zero")]);
    const clean = await runner.mutantRun({ activeMutant: { id: "99" }, ...run });
    assert.equal(clean.status, "survived");
  });

  it("node:test is itself again after the runner is disposed of", async () => {
    const other = new (runner.constructor as new (options: object, log: object) => Runner)({ nodeTestInProcess: { testFiles: ["math.test.js"], root } }, {});
    await other.init();
    await other.dispose();
    const nodeTest = (await import("node:test")) as { it?: unknown };
    assert.equal(nodeTest.it, it);
  });
});
