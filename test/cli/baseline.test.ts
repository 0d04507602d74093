/**
 * `--write-baseline` / `--baseline` on copies of the `basic` fixture (one floating promise, two
 * stale suppressions: three warnings), through the bundle's `run` in this process.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { JsonReport } from "../../server/src/cli/formatters/index";
import { assertFailsWith, copyFixture, listFiles, runCli, setUpCliTests, stylishRows, writeFiles } from "../helpers/cli";

setUpCliTests();

const WROTE_BASIC = "concurrency-lint: wrote 3 findings to the baseline baseline.json\n";

function knownLine(known: number, gone: number, file = "baseline.json"): string {
  const entries = `${gone} ${gone === 1 ? "entry" : "entries"} gone`;
  const hint = gone > 0 ? ` (fixed, or their line changed; --write-baseline ${file} drops them)` : "";
  return `concurrency-lint: baseline ${file}: ${known} known finding${known === 1 ? "" : "s"} not reported, ${entries}${hint}\n`;
}

/** A copy of `basic` with a baseline of its three findings written. */
function baselined(): string {
  const dir = copyFixture("basic");
  assert.deepEqual(runCli(dir, ["--write-baseline", "baseline.json"]), { code: 0, stdout: "", stderr: WROTE_BASIC });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const fileName = path.join(dir, file);
  fs.writeFileSync(fileName, change(fs.readFileSync(fileName, "utf8")));
}

const FLOATING_LINE = "  save();\n";

describe("CLI: --write-baseline", () => {
  it("records every finding by rule and fingerprint, per file, reports none of them, exit 0", () => {
    const dir = baselined();
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, "baseline.json"), "utf8")) as {
      files: Record<string, { ruleId: string; fingerprint: string }[]>;
    };
    assert.deepEqual(Object.keys(baseline), ["tool", "baselineVersion", "fingerprint", "files"]);
    assert.deepEqual(
      Object.entries(baseline.files).map(([file, entries]) => [file, entries.map((entry) => entry.ruleId)]),
      [
        ["src/floating.ts", ["floating-promise"]],
        ["src/stale.ts", ["unused-suppression", "unused-suppression"]],
      ],
    );
    for (const entries of Object.values(baseline.files)) {
      for (const entry of entries) assert.match(entry.fingerprint, /^[0-9a-f]{32}$/);
    }
    // Atomic: no temporary file is left beside it.
    assert.deepEqual(
      listFiles(dir).filter((file) => !file.startsWith("src/")),
      ["baseline.json", "tsconfig.json"],
    );
  });

  it("the fingerprints are SARIF's partialFingerprints when the baseline is in the working directory", () => {
    const dir = baselined();
    const sarif = JSON.parse(runCli(dir, ["--format", "sarif"]).stdout) as {
      runs: { results: { partialFingerprints: Record<string, string> }[] }[];
    };
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, "baseline.json"), "utf8")) as {
      files: Record<string, { fingerprint: string }[]>;
    };
    assert.deepEqual(
      sarif.runs[0]?.results.map((result) => result.partialFingerprints["concurrencyLint/v1"]),
      Object.values(baseline.files).flatMap((entries) => entries.map((entry) => entry.fingerprint)),
    );
  });

  it("writing it again gives the same bytes", () => {
    const dir = baselined();
    const first = fs.readFileSync(path.join(dir, "baseline.json"), "utf8");
    assert.equal(runCli(dir, ["--write-baseline", "baseline.json"]).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, "baseline.json"), "utf8"), first);
  });

  it("creates missing folders inside the working directory, like --output-file", () => {
    const dir = copyFixture("basic");
    const outcome = runCli(dir, ["--write-baseline", "ci/lint/baseline.json"]);
    assert.deepEqual(outcome, { code: 0, stdout: "", stderr: "concurrency-lint: wrote 3 findings to the baseline ci/lint/baseline.json\n" });
    assert.deepEqual(runCli(dir, ["--baseline", "ci/lint/baseline.json"]), {
      code: 0,
      stdout: "",
      stderr: knownLine(3, 0, "ci/lint/baseline.json"),
    });
  });

  it("records the warnings --quiet hides, so that a later run without --quiet knows them", () => {
    const dir = copyFixture("basic");
    assert.equal(runCli(dir, ["--quiet", "--write-baseline", "baseline.json"]).stderr, WROTE_BASIC);
    assert.deepEqual(runCli(dir, ["--baseline", "baseline.json"]), { code: 0, stdout: "", stderr: knownLine(3, 0) });
  });

  it("is not written when a file could not be linted: the run exits 2", () => {
    const dir = copyFixture(undefined);
    writeFiles(dir, { "back\\slash.ts": "declare function save(): Promise<void>;\nsave();\n", "ok.ts": "export {};\n" });
    const outcome = runCli(dir, ["--write-baseline", "baseline.json"]);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /^concurrency-lint: the baseline was not written: this run's findings are incomplete/);
    assert.equal(fs.existsSync(path.join(dir, "baseline.json")), false);
  });
});

describe("CLI: --baseline", () => {
  it("a run without changes reports nothing and says how many findings it skipped", () => {
    const dir = baselined();
    assert.deepEqual(runCli(dir, ["--baseline", "baseline.json", "--max-warnings", "0"]), {
      code: 0,
      stdout: "",
      stderr: knownLine(3, 0),
    });
  });

  it("lines inserted above and re-indented findings are still known; only a new finding is reported and counted", () => {
    const dir = baselined();
    edit(dir, "src/floating.ts", (text) =>
      `// a header comment\n\n${text.replace(FLOATING_LINE, `    save();\n${FLOATING_LINE}`)}`,
    );
    edit(dir, "src/stale.ts", (text) => `import "./floating";\n\n\n${text}`);
    const outcome = runCli(dir, ["--baseline", "baseline.json", "--max-warnings", "0"]);
    // Line 6 is the old finding, re-indented (same text, first occurrence); line 7, a second
    // `save();` added below it, is the new one.
    assert.deepEqual(stylishRows(outcome.stdout), ["src/floating.ts 7:3 warning floating-promise"]);
    assert.equal(outcome.stderr, `${knownLine(3, 0)}concurrency-lint: too many warnings (1; maximum: 0)\n`);
    assert.equal(outcome.code, 1);
  });

  it("exit codes count new findings only: a known error passes, a new one fails", () => {
    const dir = copyFixture("basic");
    assert.equal(runCli(dir, ["--rule", "floating-promise=error", "--write-baseline", "baseline.json"]).code, 0);
    assert.deepEqual(runCli(dir, ["--rule", "floating-promise=error", "--baseline", "baseline.json"]), {
      code: 0,
      stdout: "",
      stderr: knownLine(3, 0),
    });
    writeFiles(dir, { "src/later.ts": "declare function save(): Promise<void>;\n\nexport function later(): void {\n  save();\n}\n" });
    const outcome = runCli(dir, ["--rule", "floating-promise=error", "--baseline", "baseline.json"]);
    assert.deepEqual(stylishRows(outcome.stdout), ["src/later.ts 4:3 error floating-promise"]);
    assert.equal(outcome.code, 1);
  });

  it("a finding whose line changed is new, and its old entry is gone", () => {
    const dir = baselined();
    edit(dir, "src/floating.ts", (text) => text.replace(FLOATING_LINE, "  save(); // TODO\n"));
    const outcome = runCli(dir, ["--baseline", "baseline.json"]);
    assert.deepEqual(stylishRows(outcome.stdout), ["src/floating.ts 4:3 warning floating-promise"]);
    assert.equal(outcome.stderr, knownLine(2, 1));
  });

  it("fixed findings and deleted files count as gone; files this run did not lint do not", () => {
    const dir = baselined();
    // `--fix` removes the two stale suppressions, and --baseline counts after fixing.
    assert.deepEqual(runCli(dir, ["--fix", "--baseline", "baseline.json"]), {
      code: 0,
      stdout: "",
      stderr: `fixed 2 problems in 1 file\n${knownLine(1, 2)}`,
    });
    // Only src/floating.ts is linted: the entries of src/stale.ts are neither known nor gone.
    const other = baselined();
    assert.deepEqual(runCli(other, ["--baseline", "baseline.json", "src/floating.ts"]), { code: 0, stdout: "", stderr: knownLine(1, 0) });
    fs.rmSync(path.join(other, "src", "floating.ts"));
    assert.deepEqual(runCli(other, ["--baseline", "baseline.json"]), { code: 0, stdout: "", stderr: knownLine(2, 1) });
  });

  it("--quiet: known warnings stay known (not gone); only new errors are shown", () => {
    const dir = baselined();
    writeFiles(dir, { "src/later.ts": "declare function save(): Promise<void>;\nsave();\n" });
    const outcome = runCli(dir, ["--quiet", "--baseline", "baseline.json"]);
    assert.deepEqual(outcome, { code: 0, stdout: "", stderr: knownLine(3, 0) });
  });

  it("--format json: the report and its summary hold the new findings only", () => {
    const dir = baselined();
    writeFiles(dir, { "src/later.ts": "declare function save(): Promise<void>;\nsave();\n" });
    const outcome = runCli(dir, ["--baseline", "baseline.json", "--format", "json"]);
    const report = JSON.parse(outcome.stdout) as JsonReport;
    assert.deepEqual(
      report.results.map((result) => [path.relative(dir, result.filePath), result.findings.map((finding) => finding.ruleId)]),
      [
        [path.join("src", "clean.ts"), []],
        [path.join("src", "floating.ts"), []],
        [path.join("src", "later.ts"), ["floating-promise"]],
        [path.join("src", "stale.ts"), []],
      ],
    );
    assert.deepEqual(report.summary, { files: 4, errors: 0, warnings: 1, infos: 0, fixable: 0, suggestions: 1 });
  });

  it("paths are relative to the baseline's folder: the same baseline from a subfolder", () => {
    const dir = baselined();
    const outcome = runCli(path.join(dir, "src"), ["-p", "../tsconfig.json", "--baseline", "../baseline.json"]);
    assert.deepEqual(outcome, { code: 0, stdout: "", stderr: knownLine(3, 0, "../baseline.json") });
  });
});

describe("CLI: baselines that cannot be used exit 2 with one line", () => {
  const cases: { name: string; text?: string; message: string }[] = [
    {
      name: "a missing file",
      message: "concurrency-lint: Cannot read the baseline baseline.json: no such file (write one with --write-baseline baseline.json)",
    },
    {
      name: "a file that is not JSON (cut short)",
      text: '{\n  "tool": "concurrency-lint",\n  "baselineVersion": 1,\n  "fing',
      message:
        "concurrency-lint: baseline.json is not a concurrency-lint baseline (it is not valid JSON); write it again with --write-baseline baseline.json",
    },
    {
      name: "another tool's file (ESLint's suppressions)",
      text: '{ "src/floating.ts": { "@typescript-eslint/no-floating-promises": { "count": 1 } } }\n',
      message:
        'concurrency-lint: baseline.json is not a concurrency-lint baseline (it has no "tool": "concurrency-lint"); write it again with --write-baseline baseline.json',
    },
    {
      name: "a newer format",
      text: '{ "tool": "concurrency-lint", "baselineVersion": 2, "fingerprint": "concurrencyLint/v1", "files": {} }\n',
      message:
        "concurrency-lint: The baseline baseline.json has format version 2, which this version of concurrency-lint does not read; write it again with --write-baseline baseline.json",
    },
    {
      name: "other fingerprints",
      text: '{ "tool": "concurrency-lint", "baselineVersion": 1, "fingerprint": "concurrencyLint/v2", "files": {} }\n',
      message:
        'concurrency-lint: The baseline baseline.json uses the fingerprints "concurrencyLint/v2", not concurrencyLint/v1; write it again with --write-baseline baseline.json',
    },
    {
      name: "an entry without a fingerprint",
      text: '{ "tool": "concurrency-lint", "baselineVersion": 1, "fingerprint": "concurrencyLint/v1", "files": { "src/a.ts": [{ "ruleId": "x" }] } }\n',
      message:
        'concurrency-lint: baseline.json is not a concurrency-lint baseline (an entry of "src/a.ts" has no ruleId and fingerprint); write it again with --write-baseline baseline.json',
    },
  ];
  for (const { name, text, message } of cases) {
    it(name, () => {
      const dir = copyFixture("basic");
      if (text !== undefined) writeFiles(dir, { "baseline.json": text });
      assertFailsWith(runCli(dir, ["--baseline", "baseline.json"]), message);
    });
  }

  it("a folder", () => {
    const dir = copyFixture("basic");
    fs.mkdirSync(path.join(dir, "baseline.json"));
    assertFailsWith(
      runCli(dir, ["--baseline", "baseline.json"]),
      "concurrency-lint: Cannot read the baseline baseline.json: it is a folder (write one with --write-baseline baseline.json)",
    );
  });

  it("--baseline with --write-baseline", () => {
    assertFailsWith(
      runCli(copyFixture("basic"), ["--baseline", "a.json", "--write-baseline", "b.json"]),
      "concurrency-lint: --baseline and --write-baseline cannot be combined: --write-baseline records every finding of the run",
    );
  });
});
