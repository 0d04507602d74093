import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import Ajv from "ajv-draft-04";
import type * as Sarif from "sarif";
import type { AnyRule, Finding, Fix, InternalError, ReportSeverity } from "../../server/src/engine/types";
import { format, type FileResult, type FormatInput, type JsonReport } from "../../server/src/cli/formatters/index";
import { problemMatcherPatterns } from "../../server/src/cli/formatters/stylish";
import { summaryOf } from "../../server/src/engine/summary";
import { FINGERPRINT_KEY } from "../../server/src/cli/formatters/sarif";
import { docsUrl } from "../../server/src/rules/index";

// ---------------------------------------------------------------------------------------------
// Fixture: two files with findings, one clean file, one internal error.

const CWD = "/repo";

function rule(id: string, defaultSeverity: ReportSeverity, description: string): AnyRule {
  return {
    meta: {
      id,
      defaultSeverity,
      messages: {},
      optionsSchema: {},
      defaultOptions: {},
      docs: {
        description,
        rationale: `Why ${id} matters.`,
        incorrect: [],
        correct: [],
        optionsDoc: {},
        fixesDoc: "",
      },
      requiresTypes: true,
    },
    create: () => ({}),
  };
}

const rules: readonly AnyRule[] = [
  rule("floating-promise", "warning", "Promises that are neither awaited nor handled."),
  rule("unused-suppression", "info", "Suppression comments that suppress nothing."),
  rule("missing-suppression-reason", "error", "Suppression comments without a reason."),
];

/** 0-based line/character of an offset in LF-only text. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The offsets of the `occurrence`-th `needle` in `text`. */
function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    assert.ok(start >= 0, `fixture: ${JSON.stringify(needle)} #${i} not found`);
  }
  return { start, end: start + needle.length };
}

interface FindingSpec {
  ruleId: string;
  severity: ReportSeverity;
  message: string;
  at: string;
  occurrence?: number;
  related?: { fileName: string; text: string; at: string; message: string }[];
  fixes?: Fix[];
}

function finding(fileName: string, text: string, spec: FindingSpec): Finding {
  const { start, end } = spanOf(text, spec.at, spec.occurrence);
  return {
    ruleId: spec.ruleId,
    messageId: "default",
    severity: spec.severity,
    message: spec.message,
    fileName,
    start,
    end,
    range: { start: positionOf(text, start), end: positionOf(text, end) },
    related: (spec.related ?? []).map((related) => {
      const span = spanOf(related.text, related.at);
      return {
        fileName: related.fileName,
        ...span,
        range: { start: positionOf(related.text, span.start), end: positionOf(related.text, span.end) },
        message: related.message,
      };
    }),
    fixes: spec.fixes ?? [],
  };
}

const APP = "/repo/src/app.ts";
const APP_TEXT = [
  'import { load } from "./lib";',
  "",
  "// concurrency-lint-disable-next-line floating-promise -- warm the cache",
  "const ready = true;",
  "",
  "async function main() {",
  "  load();",
  "}",
  "",
].join("\n");

const LIB = "/repo/src/lib.ts";
const LIB_TEXT = [
  "export async function load(): Promise<void> {",
  "  // concurrency-lint-disable-next-line floating-promise",
  "  refresh();",
  '  fetch("https://example.com/data")',
  "    .then(() => undefined);",
  "}",
  "",
  "async function refresh(): Promise<void> {}",
  "",
].join("\n");

const LOAD_CALL = spanOf(APP_TEXT, "load();");
const UNUSED_COMMENT = spanOf(APP_TEXT, "// concurrency-lint-disable-next-line floating-promise -- warm the cache\n");
const FETCH_CALL = spanOf(LIB_TEXT, "fetch(");

const appFindings: Finding[] = [
  // Given out of order on purpose: every format sorts by position.
  finding(APP, APP_TEXT, {
    ruleId: "floating-promise",
    severity: "warning",
    message: "Promise returned by `load()` is neither awaited nor handled: a rejection goes unnoticed. Add `await`, or `void` if that is intended.",
    at: "load()",
    related: [{ fileName: LIB, text: LIB_TEXT, at: "load", message: "`load` is declared here" }],
    fixes: [
      {
        kind: "safe",
        title: "Mark as intentionally not awaited with `void`",
        edits: [{ fileName: APP, start: LOAD_CALL.start, end: LOAD_CALL.start, newText: "void " }],
      },
      {
        kind: "suggestion",
        title: "Add `await`",
        edits: [{ fileName: APP, start: LOAD_CALL.start, end: LOAD_CALL.start, newText: "await " }],
      },
    ],
  }),
  finding(APP, APP_TEXT, {
    ruleId: "unused-suppression",
    severity: "info",
    message: "This suppression comment matches no finding of `floating-promise`; remove it.",
    at: "// concurrency-lint-disable-next-line floating-promise -- warm the cache",
    fixes: [
      {
        kind: "safe",
        title: "Remove the unused suppression comment",
        edits: [{ fileName: APP, start: UNUSED_COMMENT.start, end: UNUSED_COMMENT.end, newText: "" }],
      },
    ],
  }),
];

const libFindings: Finding[] = [
  finding(LIB, LIB_TEXT, {
    ruleId: "missing-suppression-reason",
    severity: "error",
    message: "Suppression of `floating-promise` gives no reason: add one after ` -- ` so reviewers know why it is safe.",
    at: "// concurrency-lint-disable-next-line floating-promise",
  }),
  finding(LIB, LIB_TEXT, {
    ruleId: "floating-promise",
    severity: "warning",
    message: "Promise returned by `then()` is neither awaited nor handled.",
    at: 'fetch("https://example.com/data")\n    .then(() => undefined)',
    fixes: [
      {
        kind: "suggestion",
        title: "Add `await`",
        edits: [{ fileName: LIB, start: FETCH_CALL.start, end: FETCH_CALL.start, newText: "await " }],
      },
    ],
  }),
];

const internalError: InternalError = {
  ruleId: "floating-promise",
  fileName: "/repo/src/broken.ts",
  message: "Cannot read properties of undefined (reading 'kind')",
  stack: "TypeError: Cannot read properties of undefined (reading 'kind')\n    at visit (rule.ts:1:1)",
};

function fixtureInput(overrides: Partial<FormatInput> = {}): FormatInput {
  return {
    cwd: CWD,
    results: [
      { fileName: APP, sourceText: APP_TEXT, findings: [appFindings[0], appFindings[1]] },
      { fileName: "/repo/src/clean.ts", sourceText: "export {};\n", findings: [] },
      { fileName: LIB, sourceText: LIB_TEXT, findings: libFindings },
    ],
    internalErrors: [internalError],
    rules,
    toolVersion: "0.1.0",
    color: false,
    ...overrides,
  };
}

function emptyInput(results: FileResult[] = []): FormatInput {
  return { cwd: CWD, results, internalErrors: [], rules, toolVersion: "0.1.0", color: false };
}

// ---------------------------------------------------------------------------------------------

describe("stylish", () => {
  const expected = [
    "src/app.ts",
    "  3:1  info     This suppression comment matches no finding of `floating-promise`  unused-suppression",
    "  7:3  warning  Promise returned by `load()` is neither awaited nor handled        floating-promise",
    "                ↳ src/lib.ts:1:23  `load` is declared here",
    "",
    "src/lib.ts",
    "  2:3  error    Suppression of `floating-promise` gives no reason            missing-suppression-reason",
    "  4:3  warning  Promise returned by `then()` is neither awaited nor handled  floating-promise",
    "",
    "Internal error in rule floating-promise while linting src/broken.ts: Cannot read properties of undefined (reading 'kind')",
    "",
    "✖ 4 problems (1 error, 2 warnings, 1 info)",
    "  2 are fixable with --fix",
    "  2 have suggestions",
    "",
  ].join("\n");

  it("prints per file one aligned line per finding with its summary, related locations under it, then errors and the summary", () => {
    assert.equal(format("stylish", fixtureInput()), expected);
  });

  it("uses ANSI colours only when asked", () => {
    const coloured = format("stylish", fixtureInput({ color: true }));
    assert.match(coloured, /\u001b\[\d+m/);
    assert.equal(stripAnsi(coloured), expected);
    assert.doesNotMatch(format("stylish", fixtureInput()), /\u001b/);
  });

  it("prints a finding's own summary rather than the first clause of its message", () => {
    const own: Finding = { ...libFindings[1], summary: "Unhandled `then()` chain" };
    const output = format("stylish", emptyInput([{ fileName: LIB, sourceText: LIB_TEXT, findings: [own] }]));
    assert.equal(output.split("\n")[1], "  4:3  warning  Unhandled `then()` chain  floating-promise");
  });

  it("cuts summaries and related messages to the width, keeping the rule id", () => {
    const lines = format("stylish", fixtureInput({ width: 60, internalErrors: [] })).split("\n");
    assert.deepEqual(lines.slice(0, 8), [
      "src/app.ts",
      "  3:1  info     This suppression commen…  unused-suppression",
      "  7:3  warning  Promise returned by `lo…  floating-promise",
      "                ↳ src/lib.ts:1:23  `load` is declared here",
      "",
      "src/lib.ts",
      // A message is never cut below 20 characters: this line is 66 wide.
      "  2:3  error    Suppression of `flo…  missing-suppression-reason",
      "  4:3  warning  Promise returned by…  floating-promise",
    ]);
    const related = format("stylish", fixtureInput({ width: 56, internalErrors: [] })).split("\n")[3];
    assert.equal(related, "                ↳ src/lib.ts:1:23  `load` is declared h…");
  });

  it("leaves lines whole without a width, however long", () => {
    const long: Finding = { ...libFindings[1], message: `${"word ".repeat(40)}end.` };
    const output = format("stylish", emptyInput([{ fileName: LIB, sourceText: LIB_TEXT, findings: [long] }]));
    assert.equal(output.split("\n")[1], `  4:3  warning  ${"word ".repeat(40)}end  floating-promise`);
  });

  it("prints nothing for a clean run, even with files that have no findings", () => {
    assert.equal(format("stylish", emptyInput([{ fileName: APP, sourceText: APP_TEXT, findings: [] }])), "");
  });

  it("prints internal errors without a summary when there are no findings", () => {
    assert.equal(
      format("stylish", { ...emptyInput(), internalErrors: [internalError] }),
      "Internal error in rule floating-promise while linting src/broken.ts: Cannot read properties of undefined (reading 'kind')\n",
    );
  });

  it("uses the singular in the summary", () => {
    const input = fixtureInput({
      results: [{ fileName: APP, sourceText: APP_TEXT, findings: [appFindings[1]] }],
      internalErrors: [],
    });
    const lines = format("stylish", input).split("\n");
    assert.deepEqual(lines.slice(-3), ["✖ 1 problem (0 errors, 0 warnings, 1 info)", "  1 is fixable with --fix", ""]);
  });
});

describe("codeframe", () => {
  it("prints each finding with its full message, the source around it and its related locations", () => {
    assert.equal(
      format("codeframe", fixtureInput()),
      [
        "info: This suppression comment matches no finding of `floating-promise`; remove it. (unused-suppression) at src/app.ts:3:1:",
        "  > 3 | // concurrency-lint-disable-next-line floating-promise -- warm the cache",
        `      | ^${"~".repeat(71)}`,
        "",
        "warning: Promise returned by `load()` is neither awaited nor handled: a rejection goes unnoticed. Add `await`, or `void` if that is intended. (floating-promise) at src/app.ts:7:3:",
        "    6 | async function main() {",
        "  > 7 |   load();",
        "      |   ^~~~~~",
        "  ↳ src/lib.ts:1:23 `load` is declared here",
        "",
        "error: Suppression of `floating-promise` gives no reason: add one after ` -- ` so reviewers know why it is safe. (missing-suppression-reason) at src/lib.ts:2:3:",
        "    1 | export async function load(): Promise<void> {",
        "  > 2 |   // concurrency-lint-disable-next-line floating-promise",
        `      |   ^${"~".repeat(53)}`,
        "",
        "warning: Promise returned by `then()` is neither awaited nor handled. (floating-promise) at src/lib.ts:4:3:",
        "    3 |   refresh();",
        '  > 4 |   fetch("https://example.com/data")',
        `      |   ^${"~".repeat(32)}`,
        "",
        "Internal error in rule floating-promise while linting src/broken.ts: Cannot read properties of undefined (reading 'kind')",
        "",
        "✖ 4 problems (1 error, 2 warnings, 1 info)",
        "  2 are fixable with --fix",
        "  2 have suggestions",
        "",
      ].join("\n"),
    );
  });

  it("keeps tabs under the marker, shows a window of long lines and marks multi-line ranges to the line end", () => {
    const text = `function f() {\n\t\tload(); ${"x".repeat(200)}\n}\n`;
    const long = `${"y".repeat(150)}load();${"z".repeat(150)}\n`;
    const input = emptyInput([
      {
        fileName: "/repo/tabs.ts",
        sourceText: text,
        findings: [finding("/repo/tabs.ts", text, { ruleId: "floating-promise", severity: "warning", message: "M.", at: "load();" })],
      },
      {
        fileName: "/repo/long.ts",
        sourceText: long,
        findings: [finding("/repo/long.ts", long, { ruleId: "floating-promise", severity: "error", message: "M.", at: `load();${"z".repeat(150)}\n` })],
      },
    ]);
    const frames = format("codeframe", input)
      .split("\n")
      .filter((line) => /^ {2}[> ] /.test(line));
    assert.deepEqual(frames, [
      "    1 | function f() {",
      `  > 2 | \t\tload(); ${"x".repeat(110)}…`,
      "      | \t\t^~~~~~~",
      `  > 1 | …${"y".repeat(40)}load();${"z".repeat(73)}…`,
      `      |  ${" ".repeat(40)}^${"~".repeat(79)}`,
    ]);
  });

  it("prints nothing for a clean run", () => {
    assert.equal(format("codeframe", emptyInput([{ fileName: APP, sourceText: APP_TEXT, findings: [] }])), "");
  });
});

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[\d+m/g, "");
}

describe("stylish and the VS Code problem matcher", () => {
  /**
   * VS Code's multi-line matching: the file pattern on one line and the finding pattern on the
   * next start a match; the finding pattern then loops over the following lines until one does
   * not match, after which only a new file line can start a match again.
   */
  function runProblemMatcher(output: string) {
    const problems: { file: string; line: number; column: number; severity: string; message: string; code: string }[] = [];
    let file: string | undefined;
    let looping = false;
    let previous: string | undefined;
    for (const line of output.split("\n")) {
      const match = problemMatcherPatterns.finding.exec(line);
      if (!(looping && match)) {
        looping = false;
        const fileMatch = previous === undefined ? null : problemMatcherPatterns.file.exec(previous);
        if (fileMatch && match) {
          file = fileMatch[1];
          looping = true;
        }
      }
      if (looping && match && file !== undefined) {
        problems.push({ file, line: Number(match[1]), column: Number(match[2]), severity: match[3], message: match[4], code: match[5] });
      }
      previous = line;
    }
    return problems;
  }

  it("finds every finding with its file, position, severity, message and rule", () => {
    const expected = [...appFindings, ...libFindings].map((f) => ({
      file: path.relative(CWD, f.fileName),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      severity: f.severity,
      message: summaryOf(f),
      code: f.ruleId,
    }));
    expected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    assert.deepEqual(runProblemMatcher(format("stylish", fixtureInput())), expected);
  });

  it("does not take related lines, internal errors or the summary for findings or files", () => {
    const output = format("stylish", fixtureInput());
    const findingLines = output.split("\n").filter((line) => problemMatcherPatterns.finding.test(line));
    assert.equal(findingLines.length, 4);
    for (const line of output.split("\n")) {
      if (/^\s+↳/.test(line)) {
        assert.doesNotMatch(line, problemMatcherPatterns.finding);
        assert.doesNotMatch(line, problemMatcherPatterns.file);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("json", () => {
  it("prints the documented shape, pretty-printed", () => {
    const expected: JsonReport = {
      schemaVersion: 1,
      tool: { name: "concurrency-lint", version: "0.1.0" },
      results: [
        {
          filePath: APP,
          findings: [
            {
              ruleId: "unused-suppression",
              messageId: "default",
              severity: "info",
              message: "This suppression comment matches no finding of `floating-promise`; remove it.",
              line: 3,
              column: 1,
              endLine: 3,
              endColumn: 73,
              related: [],
              fixes: [
                {
                  kind: "safe",
                  title: "Remove the unused suppression comment",
                  edits: [
                    { filePath: APP, start: 31, end: 104, line: 3, column: 1, endLine: 4, endColumn: 1, newText: "" },
                  ],
                },
              ],
            },
            {
              ruleId: "floating-promise",
              messageId: "default",
              severity: "warning",
              message:
                "Promise returned by `load()` is neither awaited nor handled: a rejection goes unnoticed. Add `await`, or `void` if that is intended.",
              line: 7,
              column: 3,
              endLine: 7,
              endColumn: 9,
              related: [
                { filePath: LIB, line: 1, column: 23, endLine: 1, endColumn: 27, message: "`load` is declared here" },
              ],
              fixes: [
                {
                  kind: "safe",
                  title: "Mark as intentionally not awaited with `void`",
                  edits: [
                    { filePath: APP, start: 151, end: 151, line: 7, column: 3, endLine: 7, endColumn: 3, newText: "void " },
                  ],
                },
                {
                  kind: "suggestion",
                  title: "Add `await`",
                  edits: [
                    { filePath: APP, start: 151, end: 151, line: 7, column: 3, endLine: 7, endColumn: 3, newText: "await " },
                  ],
                },
              ],
            },
          ],
        },
        { filePath: "/repo/src/clean.ts", findings: [] },
        {
          filePath: LIB,
          findings: [
            {
              ruleId: "missing-suppression-reason",
              messageId: "default",
              severity: "error",
              message:
                "Suppression of `floating-promise` gives no reason: add one after ` -- ` so reviewers know why it is safe.",
              line: 2,
              column: 3,
              endLine: 2,
              endColumn: 57,
              related: [],
              fixes: [],
            },
            {
              ruleId: "floating-promise",
              messageId: "default",
              severity: "warning",
              message: "Promise returned by `then()` is neither awaited nor handled.",
              line: 4,
              column: 3,
              endLine: 5,
              endColumn: 27,
              related: [],
              fixes: [
                {
                  kind: "suggestion",
                  title: "Add `await`",
                  edits: [
                    { filePath: LIB, start: 118, end: 118, line: 4, column: 3, endLine: 4, endColumn: 3, newText: "await " },
                  ],
                },
              ],
            },
          ],
        },
      ],
      internalErrors: [
        {
          ruleId: "floating-promise",
          filePath: "/repo/src/broken.ts",
          message: "Cannot read properties of undefined (reading 'kind')",
        },
      ],
      summary: { files: 3, errors: 1, warnings: 2, infos: 1, fixable: 2, suggestions: 2 },
    };
    assert.equal(format("json", fixtureInput()), `${JSON.stringify(expected, null, 2)}\n`);
  });

  it("gives edit positions in any file of the run (CRLF too) and only offsets for other files", () => {
    const a = "run();\n";
    const b = "one\r\ntwo\r\nthree\r\n";
    const fix: Fix = {
      kind: "safe",
      title: "Edit three files",
      edits: [
        { fileName: "/repo/a.ts", start: 0, end: 0, newText: "void " },
        { fileName: "/repo/b.ts", start: 10, end: 15, newText: "3" },
        { fileName: "/repo/c.ts", start: 4, end: 8, newText: "" },
      ],
    };
    const input = emptyInput([
      { fileName: "/repo/a.ts", sourceText: a, findings: [{ ...finding("/repo/a.ts", a, { ruleId: "floating-promise", severity: "warning", message: "M.", at: "run()" }), fixes: [fix] }] },
      { fileName: "/repo/b.ts", sourceText: b, findings: [] },
    ]);
    const report = JSON.parse(format("json", input)) as JsonReport;
    assert.deepEqual(report.results[0].findings[0].fixes[0].edits, [
      { filePath: "/repo/a.ts", start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1, newText: "void " },
      { filePath: "/repo/b.ts", start: 10, end: 15, line: 3, column: 1, endLine: 3, endColumn: 6, newText: "3" },
      { filePath: "/repo/c.ts", start: 4, end: 8, newText: "" },
    ]);
    assert.deepEqual(report.summary, { files: 2, errors: 0, warnings: 1, infos: 0, fixable: 1, suggestions: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe("compact", () => {
  /** The `$concurrency-lint-compact` problem matcher exactly as the extension contributes it. */
  function compactMatcher(): { regexp: RegExp; groups: Record<string, number> } {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
      contributes: { problemMatchers: { name: string; pattern: Record<string, string | number> }[] };
    };
    const matcher = manifest.contributes.problemMatchers.find((candidate) => candidate.name === "concurrency-lint-compact");
    assert.ok(matcher, "package.json contributes concurrency-lint-compact");
    const { regexp, ...groups } = matcher.pattern;
    return { regexp: new RegExp(String(regexp)), groups: groups as Record<string, number> };
  }

  it("prints one line per finding with its file (ESLint's compact shape), then the count", () => {
    const output = format("compact", fixtureInput());
    const severity = { error: "Error", warning: "Warning", info: "Info" } as const;
    const findingLines = [...appFindings, ...libFindings]
      .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.start - b.start)
      .map((f) => `${path.relative(CWD, f.fileName)}: line ${f.range.start.line + 1}, col ${f.range.start.character + 1}, ${severity[f.severity]} - ${f.message.replace(/\s*\n\s*/g, " ")} (${f.ruleId})`);
    const lines = output.split("\n");
    assert.equal(findingLines.length, 4);
    assert.deepEqual(lines.slice(0, 4), findingLines);
    assert.match(lines[0], /^src\/app\.ts: line \d+, col \d+, (Error|Warning|Info) - [^\n]+ \([a-z-]+\)$/);
    assert.equal(lines[4], "src/broken.ts: Internal error in rule floating-promise: Cannot read properties of undefined (reading 'kind')");
    assert.deepEqual(lines.slice(5), ["", "4 problems", ""]);
  });

  it("the contributed problem matcher takes every finding, and nothing else", () => {
    const { regexp, groups } = compactMatcher();
    const problems = format("compact", fixtureInput())
      .split("\n")
      .flatMap((line) => {
        const match = regexp.exec(line);
        return match ? [{ file: match[groups.file], line: Number(match[groups.line]), column: Number(match[groups.column]), severity: match[groups.severity], code: match[groups.code] }] : [];
      });
    const expected = [...appFindings, ...libFindings]
      .map((f) => ({
        file: path.relative(CWD, f.fileName),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        severity: { error: "Error", warning: "Warning", info: "Info" }[f.severity],
        code: f.ruleId,
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    assert.deepEqual(problems, expected);
  });

  it("prints nothing for a clean run", () => {
    assert.equal(format("compact", emptyInput()), "");
  });
});

// ---------------------------------------------------------------------------------------------

describe("github", () => {
  it("prints one workflow command per finding and per internal error", () => {
    assert.equal(
      format("github", fixtureInput()),
      [
        "::notice file=src/app.ts,line=3,col=1,endLine=3,endColumn=73,title=unused-suppression::This suppression comment matches no finding of `floating-promise`; remove it.",
        "::warning file=src/app.ts,line=7,col=3,endLine=7,endColumn=9,title=floating-promise::Promise returned by `load()` is neither awaited nor handled: a rejection goes unnoticed. Add `await`, or `void` if that is intended.",
        "::error file=src/lib.ts,line=2,col=3,endLine=2,endColumn=57,title=missing-suppression-reason::Suppression of `floating-promise` gives no reason: add one after ` -- ` so reviewers know why it is safe.",
        // Spans two lines: GitHub takes columns only within one line.
        "::warning file=src/lib.ts,line=4,endLine=5,title=floating-promise::Promise returned by `then()` is neither awaited nor handled.",
        "::error title=concurrency-lint internal error::Internal error in rule floating-promise while linting src/broken.ts: Cannot read properties of undefined (reading 'kind')",
        "",
      ].join("\n"),
    );
  });

  it("escapes data and property values", () => {
    const text = "run();\n";
    const fileName = "/repo/50%,a:b.ts";
    const input = emptyInput([
      {
        fileName,
        sourceText: text,
        findings: [finding(fileName, text, { ruleId: "floating-promise", severity: "warning", message: "100%: a,\r\nb", at: "run()" })],
      },
    ]);
    assert.equal(
      format("github", input),
      "::warning file=50%25%2Ca%3Ab.ts,line=1,col=1,endLine=1,endColumn=6,title=floating-promise::100%25: a,%0D%0Ab\n",
    );
  });

  it("prints nothing for a clean run", () => {
    assert.equal(format("github", emptyInput()), "");
  });
});

// ---------------------------------------------------------------------------------------------

const SARIF_SCHEMA = JSON.parse(
  readFileSync(path.join(__dirname, "../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"),
) as object;

/** The official SARIF 2.1.0 schema (draft-04), with the formats it uses checked for real. */
function sarifValidator() {
  // unicodeRegExp: the schema's `language` pattern has a stray `]`, valid only without the `u` flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat("uri", (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "file:///base/"));
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  const validate = ajv.compile(SARIF_SCHEMA);
  return (document: unknown): string[] =>
    validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}

function sarifOf(input: FormatInput): Sarif.Log {
  return JSON.parse(format("sarif", input)) as Sarif.Log;
}

describe("sarif", () => {
  const validate = sarifValidator();
  const log = sarifOf(fixtureInput());
  const run = log.runs[0];
  const results = run.results ?? [];

  it("is valid against the SARIF 2.1.0 schema", () => {
    assert.deepEqual(validate(log), []);
    assert.deepEqual(validate(sarifOf(emptyInput())), []);
  });

  it("has a live validator that rejects broken documents", () => {
    const badLevel = structuredClone(log);
    (badLevel.runs[0].results ?? [])[0].level = "critical" as Sarif.Result.level;
    assert.notDeepEqual(validate(badLevel), []);
    const noVersion: Partial<Sarif.Log> = structuredClone(log);
    delete noVersion.version;
    assert.notDeepEqual(validate(noVersion), []);
    const badUri = structuredClone(log);
    badUri.runs[0].tool.driver.informationUri = "not a uri";
    assert.notDeepEqual(validate(badUri), []);
  });

  it("declares the schema, version, base directory and column unit", () => {
    assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    assert.deepEqual(run.originalUriBaseIds, { "%SRCROOT%": { uri: "file:///repo/" } });
    assert.equal(run.columnKind, "utf16CodeUnits");
  });

  it("describes every rule of the run", () => {
    assert.deepEqual(run.tool.driver, {
      name: "concurrency-lint",
      version: "0.1.0",
      informationUri: "https://github.com/concurrency-lint/concurrency-lint",
      rules: rules.map((r, i) => ({
        id: r.meta.id,
        shortDescription: { text: r.meta.docs.description },
        help: {
          text: `Why ${r.meta.id} matters.\n\nDocumentation: ${docsUrl(r.meta.id)}`,
          markdown: `Why ${r.meta.id} matters.\n\n[Documentation](${docsUrl(r.meta.id)})`,
        },
        helpUri: docsUrl(r.meta.id),
        defaultConfiguration: { level: ["warning", "note", "error"][i] },
      })),
    });
  });

  it("reports each finding with rule index, level, region, related locations and only safe fixes", () => {
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations?.[0].physicalLocation?.artifactLocation?.uri]),
      [
        ["unused-suppression", 1, "note", "src/app.ts"],
        ["floating-promise", 0, "warning", "src/app.ts"],
        ["missing-suppression-reason", 2, "error", "src/lib.ts"],
        ["floating-promise", 0, "warning", "src/lib.ts"],
      ],
    );
    const { partialFingerprints, ...floating } = results[1];
    assert.match(partialFingerprints?.[FINGERPRINT_KEY] ?? "", /^[0-9a-f]{32}$/);
    assert.deepEqual(floating, {
      ruleId: "floating-promise",
      level: "warning",
      message: {
        text: "Promise returned by `load()` is neither awaited nor handled: a rejection goes unnoticed. Add `await`, or `void` if that is intended.",
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "src/app.ts", uriBaseId: "%SRCROOT%" },
            region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 9 },
          },
        },
      ],
      ruleIndex: 0,
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: "src/lib.ts", uriBaseId: "%SRCROOT%" },
            region: { startLine: 1, startColumn: 23, endLine: 1, endColumn: 27 },
          },
          message: { text: "`load` is declared here" },
        },
      ],
      fixes: [
        {
          description: { text: "Mark as intentionally not awaited with `void`" },
          artifactChanges: [
            {
              artifactLocation: { uri: "src/app.ts", uriBaseId: "%SRCROOT%" },
              replacements: [
                { deletedRegion: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 3 }, insertedContent: { text: "void " } },
              ],
            },
          ],
        },
      ],
    });
    // A deletion has no inserted content; a finding with only suggestions has no fixes.
    assert.deepEqual(results[0].fixes?.[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 1 } },
    ]);
    assert.equal(results[3].fixes, undefined);
    assert.deepEqual(results[3].locations?.[0].physicalLocation?.region, { startLine: 4, startColumn: 3, endLine: 5, endColumn: 27 });
  });

  it("reports internal errors as failed execution, and success otherwise", () => {
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: "error",
            message: {
              text: "Internal error in rule floating-promise while linting src/broken.ts: Cannot read properties of undefined (reading 'kind')",
            },
            associatedRule: { id: "floating-promise", index: 0 },
            locations: [{ physicalLocation: { artifactLocation: { uri: "src/broken.ts", uriBaseId: "%SRCROOT%" } } }],
          },
        ],
      },
    ]);
    assert.deepEqual(sarifOf(emptyInput()).runs[0].invocations, [{ executionSuccessful: true }]);
  });

  it("encodes relative URIs and uses absolute file URIs outside the working directory", () => {
    const text = "run();\n";
    const input = emptyInput(
      ["/repo/src/my file#1.ts", "/elsewhere/x.ts"].map((fileName) => ({
        fileName,
        sourceText: text,
        findings: [finding(fileName, text, { ruleId: "floating-promise", severity: "warning", message: "M.", at: "run()" })],
      })),
    );
    const sarif = sarifOf(input);
    assert.deepEqual(validate(sarif), []);
    assert.deepEqual(
      (sarif.runs[0].results ?? []).map((r) => r.locations?.[0].physicalLocation?.artifactLocation),
      [{ uri: "src/my%20file%231.ts", uriBaseId: "%SRCROOT%" }, { uri: "file:///elsewhere/x.ts" }],
    );
  });

  it("gives character offsets for edits in files the run did not read", () => {
    const text = "run();\n";
    const fix: Fix = {
      kind: "safe",
      title: "Edit another file",
      edits: [{ fileName: "/repo/src/other.ts", start: 4, end: 8, newText: "x" }],
    };
    const input = emptyInput([
      {
        fileName: APP,
        sourceText: text,
        findings: [{ ...finding(APP, text, { ruleId: "floating-promise", severity: "warning", message: "M.", at: "run()" }), fixes: [fix] }],
      },
    ]);
    const sarif = sarifOf(input);
    assert.deepEqual(validate(sarif), []);
    assert.deepEqual(sarif.runs[0].results?.[0].fixes?.[0].artifactChanges, [
      {
        artifactLocation: { uri: "src/other.ts", uriBaseId: "%SRCROOT%" },
        replacements: [{ deletedRegion: { charOffset: 4, charLength: 4 }, insertedContent: { text: "x" } }],
      },
    ]);
  });

  describe("fingerprints", () => {
    function fingerprints(text: string, needle: string, count: number): string[] {
      const findings = Array.from({ length: count }, (_, occurrence) =>
        finding(APP, text, { ruleId: "floating-promise", severity: "warning", message: "M.", at: needle, occurrence }),
      );
      const sarif = sarifOf(emptyInput([{ fileName: APP, sourceText: text, findings }]));
      return (sarif.runs[0].results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY] ?? "");
    }

    it("stay the same when lines are added above the finding or its indentation changes", () => {
      const before = fingerprints("async function main() {\n  load();\n}\n", "load()", 1);
      const after = fingerprints("// a new comment\n\nasync function main() {\n    load();\n}\n", "load()", 1);
      assert.equal(before.length, 1);
      assert.deepEqual(after, before);
    });

    it("differ for findings on identical lines, by occurrence", () => {
      const [first, second] = fingerprints("load();\nload();\n", "load()", 2);
      assert.notEqual(first, second);
      // The first occurrence keeps its fingerprint when a copy is added below it.
      assert.deepEqual(fingerprints("load();\n", "load()", 1), [first]);
    });

    it("differ when the flagged line changes", () => {
      assert.notDeepEqual(fingerprints("load();\n", "load()", 1), fingerprints("load(1);\n", "load(1)", 1));
    });
  });
});
