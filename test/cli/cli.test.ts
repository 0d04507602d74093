/**
 * The bundled CLI (dist/cli.js) on fixture projects copied into temporary folders. Needs
 * `npm run build` first (`npm test` does it).
 *
 * A process costs about a second here (Node.js, then TypeScript, load before any work), so the
 * cases about the process itself (exit status, standard streams, the bin script, `--fix` writing
 * files) spawn `bin/concurrency-lint.js`; the rest call the same bundle's `run(argv, io)` in this
 * process, which is everything the bin script does besides setting `process.exitCode`.
 * The self-check (`-p tsconfig.json --max-warnings 0` on this repository, ~5 s) is not repeated
 * here: `npm test` runs it as its own step.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { JsonReport } from "../../server/src/cli/formatters/index";
import { writeFileAtomic } from "../../server/src/cli/writeFileAtomic";
import { allRules } from "../../server/src/rules";
import {
  assertFailsWith,
  CONCURRENCY,
  copyFixture,
  escapeRegExp,
  listFiles,
  type Outcome,
  REPO,
  runCli,
  setUpCliTests,
  spawnCli,
  STACK_LINE,
  stylishRows,
  summaryLine,
  tempRoot,
  VERSION,
  writeFiles,
} from "../helpers/cli";
import { blocksThatOverflowTheBinder } from "../helpers/deepBlocks";

setUpCliTests();

const BASIC_ROWS = [
  "src/floating.ts 4:3 warning floating-promise",
  "src/stale.ts 4:3 warning unused-suppression",
  "src/stale.ts 6:17 warning unused-suppression",
];

describe("CLI: the process (spawned)", { concurrency: CONCURRENCY }, () => {
  it("--help", async () => {
    const outcome = await spawnCli(tempRoot(), ["--help"]);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
    assert.ok(outcome.stdout.startsWith("Usage: concurrency-lint [options] [paths...]\n"), outcome.stdout);
    const options = ["--project <tsconfig>", "--format <format>", "--output-file <file>", "--fix", "--max-warnings <n>"];
    options.push("--rule <id=severity>", "--quiet", "--print-config <file>", "--debug", "--baseline <file>", "--write-baseline <file>", "--shard <i/n>", "--cache", "--cache-location <file|dir>", "--engine <engine>");
    assert.match(outcome.stdout, /--engine <engine>[^]*ts7 \(experimental/, "ts7 is labelled experimental");
    for (const option of options) {
      assert.ok(outcome.stdout.includes(option), `--help lists ${option}`);
    }
    assert.ok(outcome.stdout.includes("\nExit codes: 0 no errors"));
    assert.ok(outcome.stdout.endsWith(`\nRules: ${allRules.map((rule) => rule.meta.id).join(", ")}\n`));
  });

  for (const flag of ["--version", "-v"]) {
    it(flag, async () => {
      assert.deepEqual(await spawnCli(tempRoot(), [flag]), { code: 0, stdout: `${VERSION}\n`, stderr: "" });
    });
  }

  it("a usage error: one line and no stack trace; --debug adds the stack trace", async () => {
    const [plain, debug] = await Promise.all([
      spawnCli(tempRoot(), ["--max-warnings", "abc"]),
      spawnCli(tempRoot(), ["--max-warnings", "abc", "--debug"]),
    ]);
    assertFailsWith(plain, 'concurrency-lint: --max-warnings takes a whole number or -1 (no limit), not "abc"');
    assert.equal(debug.code, 2);
    assert.equal(debug.stderr.split("\n")[0], 'concurrency-lint: --max-warnings takes a whole number or -1 (no limit), not "abc"');
    assert.match(debug.stderr, STACK_LINE);
  });

  it("a clean project: exit 0, no output", async () => {
    assert.deepEqual(await spawnCli(copyFixture("clean"), []), { code: 0, stdout: "", stderr: "" });
  });

  it("warnings only: exit 0, stylish report", async () => {
    const outcome = await spawnCli(copyFixture("basic"), []);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
    assert.deepEqual(stylishRows(outcome.stdout), BASIC_ROWS);
    assert.equal(summaryLine(outcome.stdout), "✖ 3 problems (0 errors, 3 warnings, 0 infos)");
    assert.ok(outcome.stdout.endsWith("✖ 3 problems (0 errors, 3 warnings, 0 infos)\n  2 are fixable with --fix\n  1 has suggestions\n"));
  });

  it("--max-warnings 0 with warnings: exit 1 and says why", async () => {
    const outcome = await spawnCli(copyFixture("basic"), ["--max-warnings", "0"]);
    assert.equal(outcome.code, 1);
    assert.deepEqual(stylishRows(outcome.stdout), BASIC_ROWS);
    assert.equal(outcome.stderr, "concurrency-lint: too many warnings (3; maximum: 0)\n");
  });

  it("--rule floating-promise=error: exit 1; --format json has the documented shape", async () => {
    const dir = copyFixture("basic");
    const outcome = await spawnCli(dir, ["--rule", "floating-promise=error", "--format", "json"]);
    assert.equal(outcome.code, 1);
    assert.equal(outcome.stderr, "");
    const report = JSON.parse(outcome.stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ["schemaVersion", "tool", "results", "internalErrors", "summary"]);
    assert.equal(report.schemaVersion, 1);
    assert.deepEqual(report.tool, { name: "concurrency-lint", version: VERSION });
    // Every linted file is listed, with or without findings.
    assert.deepEqual(
      report.results.map((result) => [
        path.relative(dir, result.filePath),
        result.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.messageId}`),
      ]),
      [
        [path.join("src", "clean.ts"), []],
        [path.join("src", "floating.ts"), ["4:3 error floating-promise floating"]],
        [path.join("src", "stale.ts"), ["4:3 warning unused-suppression unused", "6:17 warning unused-suppression unused"]],
      ],
    );
    const [floating] = report.results[1]?.findings ?? [];
    assert.deepEqual(Object.keys(floating ?? {}), ["ruleId", "messageId", "severity", "message", "line", "column", "endLine", "endColumn", "related", "fixes"]);
    assert.deepEqual(report.internalErrors, []);
    assert.deepEqual(report.summary, { files: 3, errors: 1, warnings: 2, infos: 0, fixable: 2, suggestions: 1 });
  });
});

describe("CLI: usage, configuration and project errors exit 2 with one line", () => {
  const BAD_TSCONFIG = '{\n  "compilerOptions": { "strict": true }\n  "include": ["src"]\n}\n';
  const cases: {
    name: string;
    args: string[];
    files?: Record<string, string>;
    /** `{dir}` stands for the project folder. */
    message: string | RegExp;
  }[] = [
    { name: "an unknown option", args: ["--bogus"], message: "concurrency-lint: unknown option '--bogus'" },
    {
      name: "an unknown --format",
      args: ["--format", "xml"],
      message:
        "concurrency-lint: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, codeframe, compact, json, sarif, github.",
    },
    {
      name: "--max-warnings that is not a number",
      args: ["--max-warnings", "abc"],
      message: 'concurrency-lint: --max-warnings takes a whole number or -1 (no limit), not "abc"',
    },
    {
      name: "--max-warnings below -1",
      args: ["--max-warnings", "-2"],
      message: 'concurrency-lint: --max-warnings takes a whole number or -1 (no limit), not "-2"',
    },
    {
      name: "--rule with an unknown rule id",
      args: ["--rule", "nope=error"],
      message: 'concurrency-lint: --rule: unknown rule id "nope" in "nope=error"',
    },
    {
      name: "--rule with a misspelt rule id",
      args: ["--rule", "floating-promises=error"],
      message: 'concurrency-lint: --rule: unknown rule id "floating-promises" in "floating-promises=error" (did you mean "floating-promise"?)',
    },
    {
      name: "--rule with an unknown severity",
      args: ["--rule", "floating-promise=loud"],
      message:
        'concurrency-lint: --rule: severity must be "off", "info", "warning" or "error" (got "loud" in "floating-promise=loud")',
    },
    {
      name: "--rule without a severity",
      args: ["--rule", "floating-promise"],
      message: 'concurrency-lint: --rule: expected id=severity, got "floating-promise"',
    },
    {
      name: "an unknown --engine",
      args: ["--engine", "ts8"],
      message: "concurrency-lint: option '--engine <engine>' argument 'ts8' is invalid. Allowed choices are ts6, ts7.",
    },
    {
      name: "concurrency-lint.json with an unknown engine",
      args: [],
      files: { "concurrency-lint.json": '{ "engine": "tsgo" }\n' },
      message: 'concurrency-lint: {dir}/concurrency-lint.json:1:13: engine must be one of "ts6", "ts7" (got "tsgo")',
    },
    { name: "a missing path", args: ["src/missing.ts"], message: "concurrency-lint: No such file or directory: src/missing.ts" },
    { name: "a missing -p tsconfig", args: ["-p", "nope.json"], message: "concurrency-lint: Cannot find tsconfig: {dir}/nope.json" },
    {
      name: "a tsconfig with a JSON syntax error",
      args: [],
      files: { "tsconfig.json": BAD_TSCONFIG },
      message: "concurrency-lint: Invalid tsconfig {dir}/tsconfig.json:3:3: ',' expected.",
    },
    {
      name: "a -p tsconfig with a JSON syntax error",
      args: ["-p", "other.json"],
      files: { "other.json": BAD_TSCONFIG },
      message: "concurrency-lint: Invalid tsconfig {dir}/other.json:3:3: ',' expected.",
    },
    {
      name: "a file named with -p that the project does not contain",
      args: ["-p", "tsconfig.json", "scripts/tool.ts"],
      files: { "scripts/tool.ts": "export {};\n" },
      message: "concurrency-lint: scripts/tool.ts is not part of the project tsconfig.json (see its files, include and exclude)",
    },
    {
      name: "a tsconfig that matches no files",
      args: ["-p", "empty.json"],
      files: { "empty.json": '{ "include": ["nothing"] }\n' },
      message: "concurrency-lint: No files to lint: check the paths and the tsconfig's include/files",
    },
    // The wording of configuration errors belongs to config.ts and its tests; here: where and which.
    {
      name: "concurrency-lint.json with an unknown key",
      args: [],
      files: { "concurrency-lint.json": '{ "rulez": {} }\n' },
      message: /^concurrency-lint: \{dir\}\/concurrency-lint\.json:1:3: .*"rulez"/,
    },
    {
      name: "concurrency-lint.json with an unknown rule id",
      args: [],
      files: { "concurrency-lint.json": '{ "rules": { "nope": "error" } }\n' },
      message: /^concurrency-lint: \{dir\}\/concurrency-lint\.json:1:14: .*"nope"/,
    },
    {
      name: "concurrency-lint.json with an option of the wrong type",
      args: [],
      files: { "concurrency-lint.json": '{ "rules": { "floating-promise": ["error", { "ignoreVoid": "yes" }] } }\n' },
      message: /^concurrency-lint: \{dir\}\/concurrency-lint\.json:1:60: .*ignoreVoid.*boolean/,
    },
    {
      name: "concurrency-lint.json that is not JSON",
      args: [],
      files: { "concurrency-lint.json": '{ "rules": \n' },
      message: "concurrency-lint: {dir}/concurrency-lint.json:2:1: invalid JSON: expected a value",
    },
    {
      name: "concurrency-lint.json with one huge glob",
      args: [],
      files: { "concurrency-lint.json": `{ "exclude": ["${"*".repeat(70_000)}"] }` },
      message: "concurrency-lint: {dir}/concurrency-lint.json:1:15: exclude[0] is 70,000 characters long; a glob may have at most 4,096",
    },
    {
      name: "concurrency-lint.json with arrays nested 3,000 deep",
      args: [],
      files: { "concurrency-lint.json": `{ "include": ${"[".repeat(3000)}${"]".repeat(3000)} }` },
      message: "concurrency-lint: {dir}/concurrency-lint.json:1:45: the value of include is nested more than 32 levels deep",
    },
    {
      name: "concurrency-lint.json over 1 MB",
      args: [],
      files: { "concurrency-lint.json": `{ "exclude": [${Array.from({ length: 120_000 }, (_, i) => `"g/${i}"`).join(",")}] }` },
      message: "concurrency-lint: {dir}/concurrency-lint.json: the file is 1.2 MB; a configuration file may have at most 1 MB",
    },
  ];
  for (const { name, args, files, message } of cases) {
    it(name, () => {
      const dir = copyFixture("basic");
      writeFiles(dir, files ?? {});
      const expected =
        typeof message === "string"
          ? message.replaceAll("{dir}", dir)
          : new RegExp(message.source.replaceAll("\\{dir\\}", escapeRegExp(dir)));
      assertFailsWith(runCli(dir, args), expected);
    });
  }

});

describe("CLI: --engine ts7 (experimental)", () => {
  it("reports what ts6 reports, from the command line or from concurrency-lint.json; the command line wins", () => {
    const dir = copyFixture("basic");
    const ts6 = runCli(dir, ["--format", "compact"]);
    assert.equal(ts6.code, 0, ts6.stderr);
    assert.ok(ts6.stdout.length > 0);
    assert.deepEqual(runCli(dir, ["--format", "compact", "--engine", "ts7"]), ts6);
    writeFiles(dir, { "concurrency-lint.json": '{ "engine": "ts7" }\n' });
    assert.deepEqual(runCli(dir, ["--format", "compact"]), ts6);
    assert.deepEqual(runCli(dir, ["--format", "compact", "--engine", "ts6"]), ts6);
  });

  it("the bundled demo (examples/demo): the same report, SARIF and --fix result on both engines", () => {
    const copyDemo = () => {
      // Where it sits in the repository: its tsconfig's typeRoots is ../../node_modules/@types.
      const root = copyFixture(undefined);
      fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"), "junction");
      const dir = path.join(root, "examples", "demo");
      fs.cpSync(path.join(REPO, "examples", "demo"), dir, { recursive: true });
      return dir;
    };
    const six = copyDemo();
    const seven = copyDemo();
    const samePaths = (outcome: ReturnType<typeof runCli>) => ({ ...outcome, stdout: outcome.stdout.replaceAll(six, seven) });
    const report = runCli(six, ["--format", "compact", "--engine", "ts6"]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /\n11 problems\n/);
    assert.deepEqual(runCli(seven, ["--format", "compact", "--engine", "ts7"]), samePaths(report));
    const sarif = (dir: string, engine: string) => {
      const outcome = runCli(dir, ["--format", "sarif", "--engine", engine]);
      const log = JSON.parse(outcome.stdout) as { runs: { results: unknown[] }[] };
      return JSON.stringify(log.runs[0].results);
    };
    assert.equal(sarif(seven, "ts7"), sarif(six, "ts6"));
    const fixed = runCli(six, ["--fix", "--format", "compact", "--engine", "ts6"]);
    assert.deepEqual(runCli(seven, ["--fix", "--format", "compact", "--engine", "ts7"]), samePaths(fixed));
    const sources = (dir: string) => listFiles(path.join(dir, "src")).map((file) => [file, fs.readFileSync(path.join(dir, "src", file), "utf8")]);
    assert.notDeepEqual(sources(six), sources(copyDemo()), "--fix changed the demo");
    assert.deepEqual(sources(seven), sources(six));
  });

  it("with no TypeScript 6 program: syntax errors and --fix as ts6 (JavaScript's syntax checks: test/engine/ts7.test.ts)", () => {
    const files = {
      "src/broken.ts": "export function f( {\n  return 1;\n}\n",
      "src/crlf.ts": "declare function save(): Promise<void>;\r\n/* concurrency-lint-disable floating-promise */\r\nexport async function f(): Promise<void> {\r\n  await save();\r\n}\r\n",
    };
    const six = copyFixture("basic");
    const seven = copyFixture("basic");
    writeFiles(six, files);
    writeFiles(seven, files);
    const report = runCli(six, ["--format", "compact"]);
    assert.match(report.stdout, /broken\.ts.*parse-error/);
    assert.deepEqual(runCli(seven, ["--format", "compact", "--engine", "ts7"]), { ...report, stdout: report.stdout.replaceAll(six, seven) });
    const fixed = runCli(six, ["--fix", "--format", "compact"]);
    assert.match(fixed.stderr, /fixed [1-9]/);
    assert.deepEqual(runCli(seven, ["--fix", "--format", "compact", "--engine", "ts7"]), { ...fixed, stdout: fixed.stdout.replaceAll(six, seven) });
    assert.deepEqual(listFiles(seven).map((file) => [file, fs.readFileSync(path.join(seven, file), "utf8")]), listFiles(six).map((file) => [file, fs.readFileSync(path.join(six, file), "utf8")]));
  });
});

describe("CLI: a configuration file with several problems", () => {
  it("reports every one, a line each, in the order of the file, exit 2", () => {
    const dir = copyFixture("basic");
    writeFiles(dir, { "concurrency-lint.json": '{\n  "rules": { "floating-promise": "erro" },\n  "rulez": {},\n  "include": "src"\n}\n' });
    const file = path.join(dir, "concurrency-lint.json");
    assert.deepEqual(runCli(dir, []), {
      code: 2,
      stdout: "",
      stderr: [
        `concurrency-lint: ${file}:2:34: rules.floating-promise must be "off", "info", "warning" or "error" (got "erro")`,
        `concurrency-lint: ${file}:3:3: unknown key "rulez" (allowed: $schema, include, exclude, requireSuppressionReason, honorPeerSuppressions, engine, rules)`,
        `concurrency-lint: ${file}:4:14: include must be array`,
        "",
      ].join("\n"),
    });
  });
});

describe("CLI: options, formats and kinds of project", () => {
  it("--max-warnings at the count: exit 0; --format github: one annotation per finding", () => {
    const outcome = runCli(copyFixture("basic"), ["--max-warnings", "3", "--format", "github"]);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
    assert.deepEqual(
      outcome.stdout.split("\n").map((line) => line.replace(/^(::\S+ [^:]*::).*$/, "$1")),
      [
        "::warning file=src/floating.ts,line=4,col=3,endLine=4,endColumn=9,title=floating-promise::",
        "::warning file=src/stale.ts,line=4,col=3,endLine=4,endColumn=57,title=unused-suppression::",
        "::warning file=src/stale.ts,line=6,col=17,endLine=6,endColumn=66,title=unused-suppression::",
        "",
      ],
    );
  });

  it("--format sarif --output-file: the report goes to the file (folders created), stdout stays empty", () => {
    const dir = copyFixture("basic");
    const outcome = runCli(dir, ["--format", "sarif", "--output-file", "reports/lint.sarif"]);
    assert.deepEqual(outcome, { code: 0, stdout: "", stderr: "" });
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, "reports", "lint.sarif"), "utf8")) as {
      version: string;
      runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string }[] }[];
    };
    assert.equal(sarif.version, "2.1.0");
    assert.equal(sarif.runs[0]?.tool.driver.name, "concurrency-lint");
    assert.deepEqual(
      sarif.runs[0]?.results.map((result) => `${result.level} ${result.ruleId}`),
      ["warning floating-promise", "warning unused-suppression", "warning unused-suppression"],
    );
  });

  it("stylish on a terminal: every line fits its width; in a file or a pipe, lines are whole", () => {
    const dir = copyFixture("basic");
    const terminal = runCli(dir, [], 60);
    assert.equal(terminal.code, 0);
    assert.deepEqual(stylishRows(terminal.stdout), BASIC_ROWS);
    assert.deepEqual(
      terminal.stdout.split("\n").filter((line) => line.length > 60),
      [],
    );
    assert.match(terminal.stdout, /…/);
    assert.doesNotMatch(runCli(dir, []).stdout, /…/);
  });

  it("a file two referenced projects include is reported once", () => {
    const dir = copyFixture(undefined);
    const member = JSON.stringify({
      compilerOptions: { strict: true, target: "es2022", module: "es2022", moduleResolution: "bundler", lib: ["es2022"], types: [], noEmit: true },
      include: ["src", "../shared"],
    });
    writeFiles(dir, {
      "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "./a" }, { path: "./b" }] }),
      "a/tsconfig.json": member,
      "b/tsconfig.json": member,
      "a/src/a.ts": "export const a = 1;\n",
      "b/src/b.ts": "export const b = 1;\n",
      "shared/jobs.ts": 'export async function send(): Promise<void> {\n  throw new Error("offline");\n}\nexport async function run(): Promise<void> {\n  send();\n}\n',
    });
    for (const args of [[], ["-p", "tsconfig.json"], ["shared"]]) {
      const outcome = runCli(dir, args);
      assert.equal(outcome.code, 0, outcome.stderr);
      assert.deepEqual(stylishRows(outcome.stdout), ["shared/jobs.ts 5:3 warning floating-promise"], args.join(" "));
    }
  });

  it("--max-warnings -1: no limit, as in ESLint", () => {
    const outcome = runCli(copyFixture("basic"), ["--max-warnings", "-1"]);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
    assert.deepEqual(stylishRows(outcome.stdout), BASIC_ROWS);
  });

  it("--fix with nothing to fix says so", () => {
    assert.deepEqual(runCli(copyFixture("clean"), ["--fix"]), { code: 0, stdout: "", stderr: "fixed 0 problems in 0 files\n" });
  });

  it("--output-file creates missing folders inside the working directory, several levels deep", () => {
    const dir = copyFixture("basic");
    assert.deepEqual(runCli(dir, ["--format", "json", "-o", "out/ci/lint.json"]), { code: 0, stdout: "", stderr: "" });
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, "out", "ci", "lint.json"), "utf8")) as JsonReport).schemaVersion, 1);
  });

  it("--output-file into an existing folder outside the working directory", () => {
    const dir = copyFixture("basic");
    const elsewhere = copyFixture(undefined);
    assert.deepEqual(runCli(dir, ["-o", path.join(elsewhere, "lint.txt")]), { code: 0, stdout: "", stderr: "" });
    assert.ok(fs.readFileSync(path.join(elsewhere, "lint.txt"), "utf8").startsWith("src/floating.ts\n"));
  });

  // A named pipe in a temporary folder stands for /dev/null and other special files: a test must
  // never write to a real device (a CLI that renamed its report over it would break the machine).
  it("--output-file naming a pipe: written to, never replaced", { skip: process.platform === "win32" }, async () => {
    const dir = copyFixture("basic");
    const fifo = path.join(dir, "report.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 });
    let received = "";
    reader.stdout.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
    const closed = new Promise((resolve) => reader.on("close", resolve));
    const outcome = runCli(dir, ["-o", fifo]);
    await closed;
    assert.deepEqual(outcome, { code: 0, stdout: "", stderr: "" });
    assert.ok(fs.lstatSync(fifo).isFIFO(), "the pipe was replaced");
    assert.ok(received.startsWith("src/floating.ts\n"), received);
  });

  describe("--output-file that cannot be written: exit 2, one line, nothing left behind", () => {
    const cases: { name: string; target: (dir: string, elsewhere: string) => string; reason: (dir: string, elsewhere: string) => string }[] = [
      { name: "a folder", target: (dir) => path.join(dir, "src"), reason: () => "it is a folder" },
      {
        name: "below a file",
        target: (dir) => path.join(dir, "src", "clean.ts", "lint.txt"),
        reason: () => "a part of the path is not a folder",
      },
      {
        name: "a missing folder outside the working directory",
        target: (_, elsewhere) => path.join(elsewhere, "missing", "deeper", "lint.txt"),
        reason: (_, elsewhere) =>
          `the folder ${path.join(elsewhere, "missing", "deeper")} does not exist (missing folders are created only inside the working directory)`,
      },
      {
        // Node's recursive mkdir used to loop here forever at full CPU.
        name: "a missing folder under /proc",
        target: () => "/proc/no-such-process/lint.txt",
        reason: () => "the folder /proc/no-such-process does not exist (missing folders are created only inside the working directory)",
      },
    ];
    for (const { name, target, reason } of cases) {
      const underProc = name.includes("/proc");
      it(name, { skip: underProc && !fs.existsSync("/proc/self") }, async () => {
        const dir = copyFixture("basic");
        const elsewhere = copyFixture(undefined);
        const before = listFiles(dir);
        const file = target(dir, elsewhere);
        // Spawned (with a time limit) where the old bug was an endless loop, which would hang this process.
        const args = ["--output-file", file];
        const outcome = underProc ? await spawnCli(dir, args) : runCli(dir, args);
        assertFailsWith(outcome, `concurrency-lint: Cannot write the report to ${file}: ${reason(dir, elsewhere)}`);
        assert.deepEqual(listFiles(dir), before);
        assert.deepEqual(fs.readdirSync(elsewhere), []);
      });
    }
  });

  it("--quiet: warnings are neither shown nor counted", () => {
    assert.deepEqual(runCli(copyFixture("basic"), ["--quiet", "--max-warnings", "0"]), { code: 0, stdout: "", stderr: "" });
  });

  it("--quiet shows errors", () => {
    const outcome = runCli(copyFixture("basic"), ["--quiet", "--rule", "floating-promise=error"]);
    assert.equal(outcome.code, 1);
    assert.deepEqual(stylishRows(outcome.stdout), ["src/floating.ts 4:3 error floating-promise"]);
    assert.equal(summaryLine(outcome.stdout), "✖ 1 problem (1 error, 0 warnings, 0 infos)");
  });

  it("a path restricts a -p project to that file", () => {
    const outcome = runCli(copyFixture("basic"), ["-p", "tsconfig.json", "src/stale.ts"]);
    assert.equal(outcome.code, 0);
    assert.deepEqual(stylishRows(outcome.stdout), BASIC_ROWS.slice(1));
  });

  it("--print-config: the resolved configuration of a file, as JSON", () => {
    const dir = copyFixture("basic");
    writeFiles(dir, {
      "concurrency-lint.json": JSON.stringify({
        exclude: ["src/generated"],
        requireSuppressionReason: true,
        honorPeerSuppressions: false,
        rules: { "floating-promise": ["error", { ignoreVoid: false }], "unused-suppression": "off" },
      }),
    });
    const outcome = runCli(dir, ["--print-config", "src/floating.ts", "--rule", "missing-suppression-reason=info"]);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
    const printed = JSON.parse(outcome.stdout) as {
      file: string;
      include: string[];
      exclude: string[];
      requireSuppressionReason: boolean;
      honorPeerSuppressions: boolean;
      rules: Record<string, [string, Record<string, unknown>]>;
    };
    assert.equal(printed.file, path.join(dir, "concurrency-lint.json"));
    assert.deepEqual(printed.include, ["**"]);
    assert.deepEqual(printed.exclude, ["src/generated"]);
    assert.equal(printed.requireSuppressionReason, true);
    assert.equal(printed.honorPeerSuppressions, false);
    assert.deepEqual(Object.keys(printed.rules), allRules.map((rule) => rule.meta.id));
    assert.equal(printed.rules["floating-promise"]?.[0], "error");
    assert.equal(printed.rules["floating-promise"]?.[1].ignoreVoid, false);
    assert.deepEqual(printed.rules["unused-suppression"], ["off", {}]);
    assert.deepEqual(printed.rules["missing-suppression-reason"], ["info", {}]);
  });

  it("@types: --print-config and --debug say which packages the program includes and why", () => {
    // Outside this repository, whose own TypeScript (6) would be found above the fixture.
    const dir = copyFixture(undefined);
    fs.cpSync(path.join(REPO, "test", "fixtures", "projects", "types", "ts5"), dir, { recursive: true });
    const printed = runCli(dir, ["--print-config", "src/read.ts"]);
    assert.equal(printed.code, 0);
    assert.deepEqual((JSON.parse(printed.stdout) as { types: unknown }).types, {
      tsconfig: path.join(dir, "tsconfig.json"),
      typescript: { version: "5.9.3", source: path.join(dir, "node_modules", "typescript", "package.json") },
      packages: ["fake-node"],
      reason: `TypeScript 5.9.3 (${dir}/node_modules/typescript/package.json) includes every package under node_modules/@types by default`,
    });
    assert.equal((JSON.parse(runCli(dir, ["--print-config", "README.md"]).stdout) as { types: unknown }).types, null);

    const linted = runCli(dir, ["--debug", "--format", "github"]);
    assert.equal(linted.code, 0);
    assert.match(linted.stdout, /^::warning file=src\/read\.ts,line=4,col=3,[^:]*title=floating-promise::/);
    const typesLine = linted.stderr.split("\n").find((line) => line.includes("@types for"));
    assert.equal(
      typesLine?.replace(/^\[debug \+\d+ms\] /, ""),
      `@types for ${dir}/tsconfig.json: fake-node (TypeScript 5.9.3 (${dir}/node_modules/typescript/package.json) includes every package under node_modules/@types by default)`,
    );
  });

  it("--debug names the command-line program's folder that the package.json bin gives, mapped through outDir/rootDir", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, {
      "package.json": JSON.stringify({ name: "app", main: "dist/index.js", bin: { app: "dist/bin/app.js" } }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, types: [], outDir: "dist", rootDir: "src" }, include: ["src"] }),
      "src/index.ts": "export {};\n",
      "src/bin/app.ts": "#!/usr/bin/env node\nexport {};\n",
    });
    const linted = runCli(dir, ["--debug"]);
    assert.equal(linted.code, 0);
    const line = linted.stderr.split("\n").find((text) => text.includes("command-line program folders"));
    assert.equal(
      line?.replace(/^\[debug \+\d+ms\] /, ""),
      `command-line program folders (start-up code) for ${dir}/tsconfig.json: src/bin/ (from ${dir}/package.json bin)`,
    );
  });

  it("U+2028 and U+2029 in a string do not shift the lines after them (json, sarif, github)", () => {
    const dir = copyFixture("basic");
    // The floating promise is on line 4 for an editor; TypeScript's own line map says 5.
    writeFiles(dir, {
      "src/floating.ts": 'declare function save(): Promise<void>;\nexport const separators = "\u2028\u2029";\nexport function onClick(): void {\n  save();\n}\n',
    });
    const github = runCli(dir, ["--format", "github", "src/floating.ts"]);
    assert.match(github.stdout, /^::warning file=src\/floating\.ts,line=4,col=3,endLine=4,endColumn=9,title=floating-promise::/);
    const json = JSON.parse(runCli(dir, ["--format", "json", "src/floating.ts"]).stdout) as JsonReport;
    const finding = json.results[0]?.findings[0];
    assert.deepEqual([finding?.line, finding?.column, finding?.fixes[0]?.edits[0]?.line], [4, 3, 4]);
    const sarif = JSON.parse(runCli(dir, ["--format", "sarif", "src/floating.ts"]).stdout) as { runs: { results: SarifResult[] }[] };
    assert.equal(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.region.startLine, 4);
  });

  it("JavaScript: a .js file of an allowJs project, typed by JSDoc", () => {
    const outcome = runCli(copyFixture("js"), ["--format", "github"]);
    assert.equal(outcome.code, 0);
    assert.deepEqual(
      outcome.stdout.split("\n").map((line) => line.replace(/^(::\S+ [^:]*::).*$/, "$1")),
      [
        "::warning file=src/load.js,line=10,col=3,endLine=10,endColumn=12,title=floating-promise::",
        "::warning file=src/load.js,line=15,col=3,endLine=15,endColumn=9,title=floating-promise::",
        "",
      ],
    );
  });

  it("loose files without any tsconfig are linted with the default options", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, {
      // Bodies that can reject: an empty async function cannot, and is not reported.
      "a.ts": "async function work(): Promise<void> { throw new Error(\"x\"); }\n\nwork();\n",
      "b.mjs": "export async function later() { throw new Error(\"x\"); }\n\nlater();\n",
    });
    const outcome = runCli(dir, []);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
    assert.deepEqual(stylishRows(outcome.stdout), ["a.ts 3:1 warning floating-promise", "b.mjs 3:1 warning floating-promise"]);
  });
});

describe("CLI: files that do not parse (parse-error)", () => {
  const BROKEN = 'export async function save(body: string): Promise<void> {\n  await fetch("/save", { method: "POST", body };\n}\n';
  const SYNTAX = "')' expected. This file does not parse, so no concurrency-lint rule ran on it";
  /**
   * basic, plus a file with a syntax error, one nested too deeply for TypeScript's parser, one
   * too deep for its binder, and a 2,000-term `a + a + …` chain (which tsc compiles, and which
   * once overflowed the rule walk).
   */
  function brokenProject(): string {
    const dir = copyFixture("basic");
    writeFiles(dir, {
      "src/blocks.ts": blocksThatOverflowTheBinder(),
      "src/broken.ts": BROKEN,
      "src/chain.ts": `declare const a: number;\nexport const total = ${Array.from({ length: 2000 }, () => "a").join(" + ")};\n`,
      "src/deep.ts": `export const deep = ${"(".repeat(5000)}1${")".repeat(5000)};\n`,
    });
    return dir;
  }

  it("stylish: exit 1, one error per such file, every other file still reported", () => {
    const outcome = runCli(brokenProject(), []);
    assert.equal(outcome.code, 1, outcome.stderr);
    assert.equal(outcome.stderr, "");
    assert.deepEqual(stylishRows(outcome.stdout), [
      "src/blocks.ts 1:1 error parse-error",
      "src/broken.ts 2:48 error parse-error",
      "src/deep.ts 1:1 error parse-error",
      ...BASIC_ROWS,
    ]);
  });

  it("json: the compiler's message and position; counted as errors", () => {
    const outcome = runCli(brokenProject(), ["--format", "json"]);
    assert.equal(outcome.code, 1);
    const report = JSON.parse(outcome.stdout) as JsonReport;
    const broken = report.results.find((result) => result.filePath.endsWith("/src/broken.ts"))?.findings;
    assert.deepEqual(
      broken?.map(({ ruleId, messageId, severity, line, column, endLine, endColumn }) => ({ ruleId, messageId, severity, line, column, endLine, endColumn })),
      [{ ruleId: "parse-error", messageId: "syntaxError", severity: "error", line: 2, column: 48, endLine: 2, endColumn: 49 }],
    );
    assert.ok(broken?.[0]?.message.startsWith(SYNTAX));
    assert.equal(report.results.find((result) => result.filePath.endsWith("/src/deep.ts"))?.findings[0]?.messageId, "tooDeep");
    assert.deepEqual(report.internalErrors, []);
    assert.equal(report.summary.errors, 3);
  });

  it("sarif: error-level results of the parse-error rule, which the driver lists", () => {
    const outcome = runCli(brokenProject(), ["--format", "sarif"]);
    assert.equal(outcome.code, 1);
    const run = (JSON.parse(outcome.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[] }).runs[0];
    assert.ok(run?.tool.driver.rules.some((rule) => rule.id === "parse-error"));
    const results = run?.results.filter((result) => result.ruleId === "parse-error") ?? [];
    assert.deepEqual(
      results.map((result) => [result.level, result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine]),
      [
        ["error", "src/blocks.ts", 1],
        ["error", "src/broken.ts", 2],
        ["error", "src/deep.ts", 1],
      ],
    );
  });

  it("github: an error annotation", () => {
    const outcome = runCli(brokenProject(), ["--format", "github"]);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /^::error file=src\/broken\.ts,line=2,col=48,endLine=2,endColumn=49,title=parse-error::/m);
    assert.match(outcome.stdout, /^::error file=src\/deep\.ts,line=1,col=1,endLine=1,endColumn=1,title=parse-error::/m);
  });

  it("cannot be turned off: --rule parse-error=off is a usage error", () => {
    assertFailsWith(
      runCli(brokenProject(), ["--rule", "parse-error=off"]),
      'concurrency-lint: --rule: parse-error is always "error" and cannot be turned off or changed: the files it reports are never linted; exclude such a file with "exclude" instead (got "parse-error=off")',
    );
  });

  it("a file excluded in concurrency-lint.json is not reported", () => {
    const dir = brokenProject();
    writeFiles(dir, { "concurrency-lint.json": JSON.stringify({ exclude: ["src/blocks.ts", "src/broken.ts", "src/deep.ts"] }) });
    const outcome = runCli(dir, []);
    assert.equal(outcome.code, 0);
    assert.deepEqual(stylishRows(outcome.stdout), BASIC_ROWS);
  });
});

interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

describe("CLI: file names with a line feed, a carriage return or a backslash", () => {
  const FLOATING = "declare function work(): Promise<void>;\n\nwork();\n";

  it("names with a line feed or a carriage return are linted, and shown escaped on one line", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, { "new\nline.ts": FLOATING, "car\rriage.ts": FLOATING, "tab\t.ts": FLOATING });
    const outcome = runCli(dir, []);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.deepEqual(stylishRows(outcome.stdout), [
      "car\\rriage.ts 3:1 warning floating-promise",
      "new\\nline.ts 3:1 warning floating-promise",
      "tab\\t.ts 3:1 warning floating-promise",
    ]);
  });

  it("a name with a backslash, which TypeScript reads as a folder separator, is reported: exit 2", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, { "back\\slash.ts": FLOATING, "ok.ts": FLOATING });
    const outcome = runCli(dir, []);
    assert.equal(outcome.code, 2);
    assert.deepEqual(stylishRows(outcome.stdout), ["ok.ts 3:1 warning floating-promise"]);
    assert.equal(
      outcome.stderr,
      `concurrency-lint: cannot lint ${path.join("back", "slash.ts")}: TypeScript did not read it (it reads a backslash in a file name ` +
        "as a folder separator); rename it, or exclude it in concurrency-lint.json\n",
    );
  });

  it("a name with a backslash that the configuration excludes is not reported", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, { "back\\slash.ts": FLOATING, "ok.ts": FLOATING, "concurrency-lint.json": '{ "exclude": ["back"] }' });
    const outcome = runCli(dir, []);
    assert.equal(outcome.code, 0);
    assert.equal(outcome.stderr, "");
  });
});

describe("CLI: --fix (spawned)", () => {
  const STALE_FIXED = [
    "declare function save(): Promise<void>;",
    "",
    "export async function onClick(): Promise<void> {",
    "  await save();",
    "  await save();",
    "}",
    "",
  ].join("\n");
  const CRLF = [
    "declare function save(): Promise<void>;",
    "/* concurrency-lint-disable floating-promise */",
    "export async function f(): Promise<void> {",
    "  // concurrency-lint-disable-next-line floating-promise, unused-suppression",
    "  await save();",
    "}",
    "",
  ].join("\r\n");
  const CRLF_FIXED = ["declare function save(): Promise<void>;", "export async function f(): Promise<void> {", "  await save();", "}", ""].join(
    "\r\n",
  );

  let dir = "";
  let outcome: Outcome = { code: null, stdout: "", stderr: "" };
  let snapshot = new Map<string, { text: string; mtimeMs: number }>();
  let filesBefore: string[] = [];
  const untouched = ["src/floating.ts", "src/clean.ts"];

  before(async () => {
    dir = copyFixture("basic");
    writeFiles(dir, { "src/crlf.ts": CRLF });
    // Far in the past, so a rewrite (same text or not) would show in the mtime.
    const past = new Date("2020-01-01T00:00:00Z");
    for (const file of untouched) fs.utimesSync(path.join(dir, file), past, past);
    snapshot = new Map(
      untouched.map((file) => {
        const full = path.join(dir, file);
        return [file, { text: fs.readFileSync(full, "utf8"), mtimeMs: fs.statSync(full).mtimeMs }];
      }),
    );
    filesBefore = listFiles(dir);
    outcome = await spawnCli(dir, ["--fix"]);
  });

  it("exits 0 (the finding left is a warning) and says what it fixed", () => {
    assert.equal(outcome.code, 0, outcome.stderr);
    // Two stale suppressions in each of stale.ts and crlf.ts.
    assert.equal(outcome.stderr, "fixed 4 problems in 2 files\n");
  });

  it("applies the safe fixes: stale suppressions removed, exact text", () => {
    assert.equal(fs.readFileSync(path.join(dir, "src", "stale.ts"), "utf8"), STALE_FIXED);
    assert.equal(fs.readFileSync(path.join(dir, "src", "crlf.ts"), "utf8"), CRLF_FIXED);
  });

  it("does not apply suggestions, and leaves files without fixes untouched", () => {
    for (const [file, { text, mtimeMs }] of snapshot) {
      const full = path.join(dir, file);
      assert.equal(fs.readFileSync(full, "utf8"), text, file);
      assert.equal(fs.statSync(full).mtimeMs, mtimeMs, `${file} was rewritten`);
    }
  });

  it("converges: the report describes the fixed files, with nothing left to fix", () => {
    assert.deepEqual(stylishRows(outcome.stdout), ["src/floating.ts 4:3 warning floating-promise"]);
    assert.ok(outcome.stdout.endsWith("✖ 1 problem (0 errors, 1 warning, 0 infos)\n  1 has suggestions\n"), outcome.stdout);
  });

  it("leaves no temporary files behind", () => {
    assert.deepEqual(listFiles(dir), filesBefore);
  });
});

describe("writeFileAtomic", () => {
  let dir = "";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cl-atomic-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("creates a new file", () => {
    const file = path.join(dir, "new.txt");
    writeFileAtomic(file, "hello\n");
    assert.equal(fs.readFileSync(file, "utf8"), "hello\n");
    assert.deepEqual(fs.readdirSync(dir), ["new.txt"]);
    fs.rmSync(file);
  });

  // 0o666 and 0o604 differ from what a usual umask (0o022, 0o077) leaves of a new file's mode.
  for (const mode of [0o755, 0o640, 0o666, 0o604]) {
    it(`replaces the content and keeps mode ${mode.toString(8)}`, () => {
      const sub = fs.mkdtempSync(path.join(dir, "mode-"));
      const file = path.join(sub, "script.sh");
      fs.writeFileSync(file, "old\n");
      fs.chmodSync(file, mode);
      writeFileAtomic(file, "new\n");
      assert.equal(fs.readFileSync(file, "utf8"), "new\n");
      assert.equal(fs.statSync(file).mode & 0o777, mode);
      assert.deepEqual(fs.readdirSync(sub), ["script.sh"]);
    });
  }

  it("writes through a symbolic link instead of replacing it", () => {
    const sub = fs.mkdtempSync(path.join(dir, "link-"));
    fs.writeFileSync(path.join(sub, "target.ts"), "old\n");
    fs.symlinkSync("target.ts", path.join(sub, "link.ts"));
    writeFileAtomic(path.join(sub, "link.ts"), "new\n");
    assert.ok(fs.lstatSync(path.join(sub, "link.ts")).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(sub, "target.ts"), "utf8"), "new\n");
    assert.deepEqual(fs.readdirSync(sub).sort(), ["link.ts", "target.ts"]);
  });

  it("throws when the target cannot be replaced, and removes its temporary file", () => {
    const sub = fs.mkdtempSync(path.join(dir, "fail-"));
    fs.mkdirSync(path.join(sub, "folder"));
    assert.throws(() => writeFileAtomic(path.join(sub, "folder"), "text"), { code: "EISDIR" });
    assert.deepEqual(fs.readdirSync(sub), ["folder"]);
  });
});
