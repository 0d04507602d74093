// @ts-check
/**
 * Mutation testing (issue 16): `npm run mutate` (all of server/src/rules and server/src/engine, slow:
 * hours on two cores) or `npm run mutate -- --mutate server/src/engine/valueFlow.ts` (one file or a
 * comma-separated list). Not part of CI. The test runner (scripts/stryker-node-test-runner.mjs)
 * loads the test files in Stryker's worker and runs, for each mutant, only the tests that reached
 * it in the dry run; only the files' own tests are loaded (see `testsFor`), so a mutant survives
 * when the file's own tests do not notice it. The TypeScript
 * checker drops mutants that do not compile. Reports: reports/mutation/<file>.html|.json (git-ignored), and
 * the clear-text table on stdout.
 * `MUTATE_TESTS=test/a.test.ts,test/b.test.ts` overrides the test files.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";

/** The value of `--mutate`/`-m` on the command line (Stryker reads it too; we need it for the test files). */
function mutateArgument() {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === "--mutate" || arg === "-m") && argv[i + 1] !== undefined) return argv[i + 1];
    if (arg.startsWith("--mutate=")) return arg.slice("--mutate=".length);
  }
  return undefined;
}

/** Rules whose behaviour is tested outside test/rules/ (the engine tests drive them). */
const EXTRA_RULE_TESTS = {
  "parse-error": ["test/engine/parseError.test.ts"],
  "missing-suppression-reason": ["test/engine/suppressions.test.ts"],
  "unused-suppression": ["test/engine/suppressions.test.ts"],
};

/**
 * A source file's own tests: a rule → test/docs.test.ts (its docs examples run as tests) + its table
 * test/rules/<rule>.test.ts (+ the engine tests that drive it); an engine file → test/engine/<name>.test.ts;
 * engine/catalogues/* → test/engine/catalogues.test.ts.
 */
function testsFor(file) {
  const rule = /server\/src\/rules\/([\w-]+)\.ts(?::[\d:-]+)?$/.exec(file);
  if (rule) {
    const id = rule[1];
    // docs.test.ts first: its "generated files are up to date" test kills a mutant of the docs
    // prose or a message at once (module-level mutants run every test until one fails).
    return ["test/docs.test.ts", `test/rules/${id}.test.ts`, ...(EXTRA_RULE_TESTS[id] ?? [])];
  }
  if (/server\/src\/engine\/catalogues\//.test(file)) return ["test/engine/catalogues.test.ts"];
  const engine = /server\/src\/engine\/(\w+)\.ts(?::[\d:-]+)?$/.exec(file);
  if (engine) return [`test/engine/${engine[1]}.test.ts`];
  return [];
}

const picked = mutateArgument();
const testFiles = process.env.MUTATE_TESTS
  ? process.env.MUTATE_TESTS.split(",")
  : picked
    ? [...new Set(picked.split(",").flatMap(testsFor))].filter((file) => existsSync(file))
    : ["test/rules/*.test.ts", "test/engine/*.test.ts", "test/docs.test.ts"];

/**
 * A run over rule files only: docs.test.ts runs only those rules' examples (the other rules'
 * examples cannot kill a mutant in them). The test runner's worker processes inherit this variable.
 */
const pickedRules = picked?.split(",").map((file) => /server\/src\/rules\/([\w-]+)\.ts(?::[\d:-]+)?$/.exec(file)?.[1]);
if (pickedRules && pickedRules.every((id) => id !== undefined)) process.env.CONCURRENCY_LINT_DOCS_RULES = pickedRules.join(",");

/**
 * Reports of a picked run are named after its files (`valueFlow`, `parse-error+lines`), so runs do not
 * overwrite each other. A long pick (many line ranges of one file, e.g. the lines changed since its last
 * run) is named after its first file and a hash of the pick: file names have a length limit.
 */
const joinedName = picked
  ?.split(",")
  .map((file) => file.replace(/^.*\//, "").replace(/\.ts(:.*)?$/, "$1").replace(/:/g, "_"))
  .join("+");
const reportName =
  joinedName === undefined
    ? "all"
    : joinedName.length <= 100
      ? joinedName
      : `${joinedName.replace(/[_+].*$/, "")}_${createHash("sha1").update(picked ?? "").digest("hex").slice(0, 8)}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate: ["server/src/rules/**/*.ts", "server/src/engine/**/*.ts"],
  // Links node_modules into the sandbox (scripts/mutate-sandbox.mjs says why).
  buildCommand: "node scripts/mutate-sandbox.mjs",
  // Our in-process node:test runner (scripts/stryker-node-test-runner.mjs says why and how).
  testRunner: "node-test-inprocess",
  nodeTestInProcess: { testFiles },
  // A new worker now and then bounds what a long run leaves behind (a restart costs ~2 s).
  maxTestRunnerReuse: 100,
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutate.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // Two type-checker processes and one test runner: the checker is the slower half (it checks a
  // whole rule file per mutant group; the runner only runs the few tests that reach a mutant).
  concurrency: 3,
  timeoutMS: 60000,
  incremental: true,
  incrementalFile: `reports/mutation/${reportName}.incremental.json`,
  reporters: ["clear-text", "html", "json", "progress"],
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  clearTextReporter: { allowColor: false, logTests: false },
  // Not a dot folder: globs in the rules (picomatch without `dot`) do not match files below one.
  tempDirName: "stryker-tmp",
  // Not copied into the sandbox: build output, scratch files and other tools' work folders.
  ignorePatterns: ["dist", "out", ".scratch", "test-results", "bench/.work", "*.vsix", ".stryker-tmp"],
  cleanTempDir: true,
  plugins: ["./scripts/stryker-node-test-runner.mjs", "@stryker-mutator/typescript-checker"],
};
