// @ts-check
/**
 * `npm run mutate`'s test runner: a Stryker test-runner plugin (`node-test-inprocess`) that runs
 * our node:test files inside Stryker's worker process, one test at a time, with coverage per test.
 *
 * Why not Stryker's tap runner: it runs a whole test file in a new `node --import tsx` process for
 * every mutant, so a mutant in a rule costs the rule's whole table (hundreds of cases, a type-checked
 * program each): 7–14 hours per rule file on two cores. Here the dry run records which tests reach
 * each mutant (`coverageAnalysis: "perTest"`), and a mutant run executes only those tests, bailing
 * at the first failure; a mutant is usually reached by a handful of cases.
 *
 * How:
 * - The test files are loaded with tsx's CommonJS hook (the package is CommonJS), with `node:test`
 *   replaced by a collector: `describe`/`it`/`test` bodies and `before`/`after` hooks are recorded,
 *   not run. The project's assertions are plain `node:assert`, so a failing test throws.
 * - Every run reloads the project's modules (everything under the sandbox outside node_modules),
 *   with the mutant already active, so a mutant in module-level code (a rule's message table, a
 *   catalogue) takes effect, and no module-level cache (compiled rule sets, settings caches) carries
 *   a previous mutant's state into the next run. `typescript` and the other packages stay loaded,
 *   and the tests' lib/@types source files are shared through `globalThis` (test/helpers/ruleTester.ts).
 * - Timeouts (a mutant that loops forever) are Stryker's: it kills this worker and starts another.
 *
 * Supported node:test surface: `describe`/`it`/`test` (with `.skip`/`.todo`/`.only` treated as
 * skip/skip/run), `before`/`after`/`beforeEach`/`afterEach` at file or suite level, and a minimal
 * test context (`name`, `skip()`, `todo()`, `diagnostic()`). That is what our tests use; anything
 * else fails the dry run with a clear message.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { commonTokens, declareClassPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import { DryRunStatus, TestStatus, determineHitLimitReached, toMutantRunResult } from "@stryker-mutator/api/test-runner";

const NAMESPACE = "__stryker__";

/** The `node:test` stand-in: records the suite tree of one test file. */
function createCollector() {
  /** @typedef {{ name: string, fn?: Function, skip: boolean, children: Suite[] | undefined, hooks: Record<string, Function[]> }} Suite */
  /** @type {Suite} */
  const root = { name: "", skip: false, children: [], hooks: { before: [], after: [], beforeEach: [], afterEach: [] } };
  /** @type {Suite[]} */
  const stack = [root];
  const current = () => stack[stack.length - 1];

  /** @param {unknown[]} args */
  function parse(args) {
    let name = "";
    let options = {};
    let fn;
    for (const arg of args) {
      if (typeof arg === "string") name = arg;
      else if (typeof arg === "function") fn = arg;
      else if (arg && typeof arg === "object") options = arg;
    }
    if (!name && fn) name = fn.name || "<anonymous>";
    // @ts-ignore: node:test's options
    return { name, fn, skip: Boolean(options.skip || options.todo) };
  }

  /** @param {boolean} forceSkip */
  function makeSuite(forceSkip) {
    return (/** @type {unknown[]} */ ...args) => {
      const { name, fn, skip } = parse(args);
      /** @type {Suite} */
      const suite = { name, skip: skip || forceSkip, children: [], hooks: { before: [], after: [], beforeEach: [], afterEach: [] } };
      current().children?.push(suite);
      stack.push(suite);
      try {
        const result = fn?.();
        if (result && typeof result.then === "function") throw new Error(`node-test-inprocess: async describe bodies are not supported ("${name}")`);
      } finally {
        stack.pop();
      }
    };
  }
  /** @param {boolean} forceSkip */
  function makeTest(forceSkip) {
    return (/** @type {unknown[]} */ ...args) => {
      const { name, fn, skip } = parse(args);
      current().children?.push({ name, fn, skip: skip || forceSkip, children: undefined, hooks: {} });
    };
  }
  /** @param {string} kind */
  const hook = (kind) => (/** @type {Function} */ fn) => {
    current().hooks[kind].push(fn);
  };

  const describe = Object.assign(makeSuite(false), { skip: makeSuite(true), todo: makeSuite(true), only: makeSuite(false) });
  const it = Object.assign(makeTest(false), { skip: makeTest(true), todo: makeTest(true), only: makeTest(false) });
  const api = {
    describe,
    suite: describe,
    it,
    test: it,
    before: hook("before"),
    after: hook("after"),
    beforeEach: hook("beforeEach"),
    afterEach: hook("afterEach"),
  };
  return { root, api: { ...api, default: api } };
}

export class NodeTestInProcessRunner {
  static inject = tokens(commonTokens.options, commonTokens.logger);

  /**
   * @param {any} options
   * @param {import("@stryker-mutator/api/logging").Logger} log
   */
  constructor(options, log) {
    this.log = log;
    /** @type {string[]} */
    this.testFiles = options.nodeTestInProcess?.testFiles ?? [];
    /** Stryker starts its workers in the sandbox. */
    this.sandbox = options.nodeTestInProcess?.root ?? process.cwd();
    this.require = createRequire(path.join(this.sandbox, "stryker-node-test-runner.cjs"));
    /** @type {ReturnType<typeof createCollector> | undefined} */
    this.collector = undefined;
  }

  capabilities() {
    return { reloadEnvironment: true };
  }

  async init() {
    if (this.testFiles.length === 0) throw new Error("node-test-inprocess: no test files (stryker.config.mjs `nodeTestInProcess.testFiles`)");
    // From this script's own node_modules: the sandbox links the same folder.
    const ownRequire = createRequire(import.meta.url);
    this.unregisterTsx = ownRequire("tsx/cjs/api").register();
    const Module = ownRequire("node:module");
    const originalLoad = Module._load;
    const runner = this;
    Module._load = function load(/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
      if ((request === "node:test" || request === "test") && runner.collector) return runner.collector.api;
      return originalLoad.call(this, request, ...rest);
    };
    this.restoreLoad = () => {
      Module._load = originalLoad;
    };
  }

  async dispose() {
    this.restoreLoad?.();
    this.unregisterTsx?.();
  }

  /** Forgets the project's modules (not node_modules) so the next load runs them again. */
  unloadProject() {
    const prefix = this.sandbox + path.sep;
    for (const key of Object.keys(this.require.cache)) {
      if (key.startsWith(prefix) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete this.require.cache[key];
    }
  }

  /**
   * Loads every test file afresh and returns its tests in declaration order.
   * @returns {{ id: string, name: string, fileName: string, fn: Function | undefined, skip: boolean, suites: any[] }[]}
   */
  loadTests() {
    this.unloadProject();
    // A fresh requiring module per load: the one `createRequire` makes keeps every module it loads
    // in its `children`, so reusing one would keep every earlier load's modules alive.
    const requireFresh = createRequire(path.join(this.sandbox, "stryker-node-test-runner.cjs"));
    const tests = [];
    const seen = new Set();
    for (const file of this.testFiles) {
      const collector = createCollector();
      this.collector = collector;
      try {
        requireFresh(path.resolve(this.sandbox, file));
      } finally {
        this.collector = undefined;
      }
      /** @param {any} suite @param {any[]} suites @param {string[]} names @param {boolean} skip */
      const walk = (suite, suites, names, skip) => {
        for (const child of suite.children) {
          const childNames = [...names, child.name];
          if (child.children) {
            walk(child, [...suites, child], childNames, skip || child.skip);
          } else {
            let id = `${file} > ${childNames.join(" > ")}`;
            for (let n = 2; seen.has(id); n++) id = `${file} > ${childNames.join(" > ")} #${n}`;
            seen.add(id);
            tests.push({ id, name: childNames.join(" > "), fileName: file, fn: child.fn, skip: skip || child.skip, suites });
          }
        }
      };
      walk(collector.root, [collector.root], [], false);
    }
    return tests;
  }

  /**
   * @param {{ activeMutant?: string, hitLimit?: number, collectCoverage: boolean, disableBail: boolean, testFilter?: string[] }} run
   * @returns {Promise<import("@stryker-mutator/api/test-runner").DryRunResult>}
   */
  async run(run) {
    const ns = /** @type {any} */ (globalThis)[NAMESPACE] ?? (/** @type {any} */ (globalThis)[NAMESPACE] = {});
    ns.activeMutant = run.activeMutant;
    ns.currentTestId = undefined;
    ns.mutantCoverage = { static: {}, perTest: {} };
    if (run.hitLimit !== undefined) {
      ns.hitLimit = run.hitLimit;
      ns.hitCount = 0;
    } else {
      delete ns.hitLimit;
      delete ns.hitCount;
    }
    let tests;
    try {
      tests = this.loadTests();
    } catch (error) {
      const hit = determineHitLimitReached(ns.hitCount, run.hitLimit);
      if (hit) return hit;
      // A mutant that breaks loading (a module-level throw) fails every test.
      if (run.activeMutant !== undefined) {
        return { status: DryRunStatus.Complete, tests: [{ id: "load", name: "loading the test files", timeSpentMs: 0, status: TestStatus.Failed, failureMessage: String(error) }] };
      }
      return { status: DryRunStatus.Error, errorMessage: `loading the test files failed: ${error instanceof Error ? error.stack : String(error)}` };
    }
    const wanted = run.testFilter ? new Set(run.testFilter) : undefined;
    /** @type {import("@stryker-mutator/api/test-runner").TestResult[]} */
    const results = [];
    /** Suites whose `before` hooks ran, to run their `after` hooks at the end (innermost first). */
    const started = [];
    const startedSet = new Set();
    let failed = false;
    for (const test of tests) {
      if (wanted && !wanted.has(test.id)) continue;
      const base = { id: test.id, name: test.name, fileName: test.fileName };
      if (test.skip || !test.fn) {
        results.push({ ...base, timeSpentMs: 0, status: TestStatus.Skipped });
        continue;
      }
      const begin = Date.now();
      try {
        if (run.collectCoverage) ns.currentTestId = test.id;
        for (const suite of test.suites) {
          if (startedSet.has(suite)) continue;
          startedSet.add(suite);
          started.push(suite);
          for (const fn of suite.hooks.before) await fn();
        }
        for (const suite of test.suites) for (const fn of suite.hooks.beforeEach) await fn();
        const context = { name: test.name, skip() {}, todo() {}, diagnostic() {}, signal: new AbortController().signal };
        await test.fn(context);
        for (const suite of [...test.suites].reverse()) for (const fn of suite.hooks.afterEach) await fn();
        results.push({ ...base, timeSpentMs: Date.now() - begin, status: TestStatus.Success });
      } catch (error) {
        const hit = determineHitLimitReached(ns.hitCount, run.hitLimit);
        if (hit) return hit;
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        results.push({ ...base, timeSpentMs: Date.now() - begin, status: TestStatus.Failed, failureMessage: message.slice(0, 2000) });
        failed = true;
      } finally {
        ns.currentTestId = undefined;
      }
      if (failed && !run.disableBail) break;
    }
    for (const suite of started.reverse()) {
      for (const fn of suite.hooks.after) {
        try {
          await fn();
        } catch (error) {
          this.log.warn(`an after hook failed: ${String(error)}`);
        }
      }
    }
    const hit = determineHitLimitReached(ns.hitCount, run.hitLimit);
    if (hit) return hit;
    return { status: DryRunStatus.Complete, tests: results, mutantCoverage: run.collectCoverage ? ns.mutantCoverage : undefined };
  }

  /** @param {import("@stryker-mutator/api/test-runner").DryRunOptions} options */
  async dryRun(options) {
    const result = await this.run({ collectCoverage: options.coverageAnalysis !== "off", disableBail: true });
    if (result.status === DryRunStatus.Complete) {
      const failures = result.tests.filter((test) => test.status === TestStatus.Failed);
      for (const failure of failures) this.log.error(`dry run: ${failure.name} failed: ${"failureMessage" in failure ? failure.failureMessage : ""}`);
    }
    return result;
  }

  /** @param {import("@stryker-mutator/api/test-runner").MutantRunOptions} options */
  async mutantRun(options) {
    const result = await this.run({
      activeMutant: options.activeMutant.id,
      hitLimit: options.hitLimit,
      collectCoverage: false,
      disableBail: options.disableBail,
      testFilter: options.testFilter,
    });
    return toMutantRunResult(result);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, "node-test-inprocess", NodeTestInProcessRunner)];

export const strykerValidationSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    nodeTestInProcess: {
      type: "object",
      properties: {
        testFiles: { type: "array", items: { type: "string" } },
        /** The folder the test files are relative to (default: the worker's folder, Stryker's sandbox); for tests of this runner. */
        root: { type: "string" },
      },
      additionalProperties: false,
    },
  },
};
