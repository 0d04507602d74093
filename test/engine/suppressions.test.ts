import { it } from "node:test";
import assert from "node:assert/strict";
import * as ts from "typescript";
import { applySuppressions, parseDirectives, type Directive } from "../../server/src/engine/suppressions";
import type { Finding, Severity, TextEdit } from "../../server/src/engine/types";

const KNOWN = new Set(["floating-promise", "other-rule", "third-rule", "unused-suppression", "missing-suppression-reason"]);

function sourceOf(code: string, fileName = "test.ts"): ts.SourceFile {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
}

/** A finding of `ruleId` starting at a 0-based line and column, one character long. */
function findingAt(sourceFile: ts.SourceFile, ruleId: string, line: number, character: number): Finding {
  const start = sourceFile.getPositionOfLineAndCharacter(line, character);
  return {
    ruleId,
    messageId: "m",
    severity: "warning",
    message: "m",
    fileName: sourceFile.fileName,
    start,
    end: start + 1,
    range: { start: { line, character }, end: { line, character: character + 1 } },
    related: [],
    fixes: [],
  };
}

/** Applies non-overlapping edits; the engine's own applier is tested elsewhere. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].end <= sorted[i - 1].start, "edits overlap");
  }
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

interface Case {
  name: string;
  code: string;
  fileName?: string;
  /** Incoming findings: "rule@line:col" (0-based). */
  findings: string[];
  off?: string[];
  requireSuppressionReason?: boolean;
  kept?: string[];
  suppressed?: string[];
  /** "rule:messageId@line:col-line:col". */
  extra?: string[];
  /** The text after applying every safe fix of `extra`; omitted when there must be none. */
  fixed?: string;
}

function run(testCase: Case) {
  const sourceFile = sourceOf(testCase.code, testCase.fileName);
  const findings = testCase.findings.map((spec) => {
    const [ruleId, at] = spec.split("@") as [string, string];
    const [line, character] = at.split(":").map(Number) as [number, number];
    return findingAt(sourceFile, ruleId, line, character);
  });
  const off = new Set(testCase.off ?? []);
  return applySuppressions(sourceFile, findings, parseDirectives(sourceFile), {
    severityOf: (ruleId): Severity => (off.has(ruleId) ? "off" : "warning"),
    requireSuppressionReason: testCase.requireSuppressionReason ?? false,
    knownRuleIds: KNOWN,
  });
}

const brief = (finding: Finding) => `${finding.ruleId}@${finding.range.start.line}:${finding.range.start.character}`;
const extraBrief = (finding: Finding) => {
  const { start, end } = finding.range;
  return `${finding.ruleId}:${finding.messageId}@${start.line}:${start.character}-${end.line}:${end.character}`;
};

const NEXT = "// concurrency-lint-disable-next-line";
const LINE = "// concurrency-lint-disable-line";

const cases: Case[] = [
  {
    name: "next-line suppresses a finding on the next line only",
    code: `save();\n${NEXT} floating-promise\nsave();\nsave();\n`,
    findings: ["floating-promise@0:0", "floating-promise@2:0", "floating-promise@3:0"],
    kept: ["floating-promise@0:0", "floating-promise@3:0"],
    suppressed: ["floating-promise@2:0"],
  },
  {
    name: "next-line covers the next line even when it is blank",
    code: `${NEXT} floating-promise\n\nsave();\n`,
    findings: ["floating-promise@2:0"],
    kept: ["floating-promise@2:0"],
    extra: ["unused-suppression:unused@0:0-0:54"],
    fixed: "\nsave();\n",
  },
  {
    name: "a finding of another rule is not suppressed",
    code: `${NEXT} other-rule\nsave();\n`,
    findings: ["floating-promise@1:0"],
    kept: ["floating-promise@1:0"],
    extra: ["unused-suppression:unused@0:0-0:48"],
    fixed: "save();\n",
  },
  {
    name: "indented next-line comment alone on its line: the fix removes the line",
    code: `function f() {\n  ${NEXT} floating-promise\n  await save();\n}\n`,
    findings: [],
    extra: ["unused-suppression:unused@1:2-1:56"],
    fixed: "function f() {\n  await save();\n}\n",
  },
  {
    name: "line directive after code",
    code: `save(); ${LINE} floating-promise\nsave();\n`,
    findings: ["floating-promise@0:0", "floating-promise@1:0"],
    kept: ["floating-promise@1:0"],
    suppressed: ["floating-promise@0:0"],
  },
  {
    name: "unused line directive after code: the fix keeps the code",
    code: `await save(); ${LINE} floating-promise\nsave();\n`,
    findings: [],
    extra: ["unused-suppression:unused@0:14-0:63"],
    fixed: "await save();\nsave();\n",
  },
  {
    name: "a finding that starts on the line is suppressed wherever it ends",
    code: `save(${LINE} floating-promise\n  1);\n`,
    findings: ["floating-promise@0:0"],
    suppressed: ["floating-promise@0:0"],
  },
  {
    name: "file-wide block comment at the end of the file",
    code: "save();\nsave();\n/* concurrency-lint-disable floating-promise */\n",
    findings: ["floating-promise@0:0", "floating-promise@1:0", "other-rule@1:0"],
    kept: ["other-rule@1:0"],
    suppressed: ["floating-promise@0:0", "floating-promise@1:0"],
  },
  {
    name: "unused file-wide comment alone on the last line without a newline",
    code: "await save();\n/* concurrency-lint-disable floating-promise */",
    findings: [],
    extra: ["unused-suppression:unused@1:0-1:47"],
    fixed: "await save();\n",
  },
  {
    name: "multi-id: the unused second id alone is reported and removed",
    code: `${NEXT} floating-promise, other-rule\nsave();\n`,
    findings: ["floating-promise@1:0"],
    suppressed: ["floating-promise@1:0"],
    extra: ["unused-suppression:unusedRule@0:56-0:66"],
    fixed: `${NEXT} floating-promise\nsave();\n`,
  },
  {
    name: "multi-id: the unused first id is removed with its comma",
    code: `${NEXT} other-rule,floating-promise -- why\nsave();\n`,
    findings: ["floating-promise@1:0"],
    suppressed: ["floating-promise@1:0"],
    extra: ["unused-suppression:unusedRule@0:38-0:48"],
    fixed: `${NEXT} floating-promise -- why\nsave();\n`,
  },
  {
    name: "multi-id: two unused ids around a used one; their fixes apply together",
    code: `${NEXT} other-rule, floating-promise, third-rule\nsave();\n`,
    findings: ["floating-promise@1:0"],
    suppressed: ["floating-promise@1:0"],
    extra: ["unused-suppression:unusedRule@0:38-0:48", "unused-suppression:unusedRule@0:68-0:78"],
    fixed: `${NEXT} floating-promise\nsave();\n`,
  },
  {
    name: "multi-id: all ids unused is one finding for the whole comment",
    code: `save(); ${LINE} other-rule, third-rule -- why\n`,
    findings: [],
    extra: ["unused-suppression:unused@0:8-0:70"],
    fixed: "save();\n",
  },
  {
    name: "unknown rule id: reported at the id, the finding it meant stays",
    code: `${NEXT} floating-promises\nsave();\n`,
    findings: ["floating-promise@1:0"],
    kept: ["floating-promise@1:0"],
    extra: ["unused-suppression:unknownRule@0:38-0:55"],
  },
  {
    name: "unknown id beside a used id: only the unknown one is reported",
    code: `${NEXT} floating-promise, bogus\nsave();\n`,
    findings: ["floating-promise@1:0"],
    suppressed: ["floating-promise@1:0"],
    extra: ["unused-suppression:unknownRule@0:56-0:61"],
  },
  {
    name: "unknown id beside an unused id: the unused one is removed, the unknown one stays",
    code: `${NEXT} bogus, other-rule\nsave();\n`,
    findings: [],
    extra: ["unused-suppression:unknownRule@0:38-0:43", "unused-suppression:unusedRule@0:45-0:55"],
    fixed: `${NEXT} bogus\nsave();\n`,
  },
  {
    name: "a directive without rule ids names no rule and suppresses nothing",
    code: `${NEXT} -- legacy\nsave();\n`,
    findings: ["floating-promise@1:0"],
    kept: ["floating-promise@1:0"],
    extra: ["unused-suppression:noRule@0:0-0:47"],
  },
  {
    name: "directive-looking text in strings, templates, regexps is not a directive",
    code: [
      `const a = "${LINE} floating-promise"; save();`,
      `const b = \`\${a} ${LINE} floating-promise\`; save();`,
      "const c = `",
      `${NEXT} floating-promise`,
      "`; save();",
      `const d = /\\/\\/ concurrency-lint-disable-line floating-promise/; save();`,
      "",
    ].join("\n"),
    findings: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@4:3", "floating-promise@5:0"],
    kept: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@4:3", "floating-promise@5:0"],
  },
  {
    name: "directive-looking JSX text is not a directive",
    fileName: "view.tsx",
    code: `const view = <p>\n  ${NEXT} floating-promise\n</p>; save();\n`,
    findings: ["floating-promise@2:5"],
    kept: ["floating-promise@2:5"],
  },
  {
    name: "text before the directive name makes it an ordinary comment",
    code: `save(); // TODO concurrency-lint-disable-line floating-promise\nsave(); // concurrency-lint-disable-lines floating-promise\n`,
    findings: ["floating-promise@0:0", "floating-promise@1:0"],
    kept: ["floating-promise@0:0", "floating-promise@1:0"],
  },
  {
    name: "block comment in the middle of a line",
    code: "const x = save(/* concurrency-lint-disable-line floating-promise -- handled below */ 1);\n",
    findings: ["floating-promise@0:10"],
    suppressed: ["floating-promise@0:10"],
  },
  {
    name: "unused block comment between tokens leaves one space",
    code: "const x =/* concurrency-lint-disable-line floating-promise */save();\n",
    findings: [],
    extra: ["unused-suppression:unused@0:9-0:61"],
    fixed: "const x = save();\n",
  },
  {
    name: "unused block comment before code keeps the indentation",
    code: "  /* concurrency-lint-disable-line floating-promise */  await save();\n",
    findings: [],
    extra: ["unused-suppression:unused@0:2-0:54"],
    fixed: "  await save();\n",
  },
  {
    name: "multi-line block comment: next-line covers the line after its end; removal keeps a line break",
    code: "return /* concurrency-lint-disable-next-line floating-promise\n  -- why */ value;\nsave();\n",
    findings: [],
    extra: ["unused-suppression:unused@0:7-1:11"],
    fixed: "return\nvalue;\nsave();\n",
  },
  {
    name: "multi-line block comment alone on its lines",
    code: "/* concurrency-lint-disable-next-line floating-promise\n   -- the queue logs errors */\nsave();\n",
    findings: ["floating-promise@2:0"],
    suppressed: ["floating-promise@2:0"],
  },
  {
    name: "JSDoc-style block comment",
    code: "/** concurrency-lint-disable-next-line floating-promise */\nsave();\n",
    findings: ["floating-promise@1:0"],
    suppressed: ["floating-promise@1:0"],
  },
  {
    name: "CRLF line endings: lines counted right, the fix removes \\r\\n",
    code: `save();\r\n${NEXT} floating-promise\r\nsave();\r\n${NEXT} floating-promise\r\nawait save();\r\n`,
    findings: ["floating-promise@2:0"],
    suppressed: ["floating-promise@2:0"],
    extra: ["unused-suppression:unused@3:0-3:54"],
    fixed: `save();\r\n${NEXT} floating-promise\r\nsave();\r\nawait save();\r\n`,
  },
  {
    name: "a rule that is off is not reported as unused: it did not run",
    code: `${NEXT} other-rule\nsave();\n${NEXT} other-rule, floating-promise\nsave();\n`,
    findings: [],
    off: ["other-rule"],
    extra: ["unused-suppression:unusedRule@2:50-2:66"],
    fixed: `${NEXT} other-rule\nsave();\n${NEXT} other-rule\nsave();\n`,
  },
  {
    name: "unused-suppression off: no report of unused, unknown or empty directives",
    code: `${NEXT} floating-promise\nawait save();\n${NEXT} bogus\n${NEXT}\n`,
    findings: [],
    off: ["unused-suppression"],
  },
  {
    name: "findings of the suppression rules cannot be suppressed; naming them is unused",
    code: `${NEXT} unused-suppression\nsave();\n`,
    findings: ["unused-suppression@1:0", "missing-suppression-reason@1:0"],
    kept: ["unused-suppression@1:0", "missing-suppression-reason@1:0"],
    extra: ["unused-suppression:unused@0:0-0:56"],
    fixed: "save();\n",
  },
  {
    name: "two directives covering one finding are both used",
    code: `/* concurrency-lint-disable floating-promise */\n${NEXT} floating-promise\nsave();\n`,
    findings: ["floating-promise@2:0"],
    suppressed: ["floating-promise@2:0"],
  },
  {
    name: "requireSuppressionReason: directives without a reason or with an empty one",
    code: [
      `${NEXT} floating-promise`,
      "save();",
      `save(); ${LINE} floating-promise --`,
      `save(); ${LINE} floating-promise -- the queue logs errors`,
      "",
    ].join("\n"),
    findings: ["floating-promise@1:0", "floating-promise@2:0", "floating-promise@3:0"],
    requireSuppressionReason: true,
    suppressed: ["floating-promise@1:0", "floating-promise@2:0", "floating-promise@3:0"],
    extra: ["missing-suppression-reason:missingReason@0:0-0:54", "missing-suppression-reason:missingReason@2:8-2:60"],
  },
  {
    name: "requireSuppressionReason with missing-suppression-reason off",
    code: `${NEXT} floating-promise\nsave();\n`,
    findings: ["floating-promise@1:0"],
    requireSuppressionReason: true,
    off: ["missing-suppression-reason"],
    suppressed: ["floating-promise@1:0"],
  },
  {
    name: "requireSuppressionReason: an unused directive without a reason gets both reports",
    code: `${NEXT} floating-promise\nawait save();\n`,
    findings: [],
    requireSuppressionReason: true,
    extra: ["unused-suppression:unused@0:0-0:54", "missing-suppression-reason:missingReason@0:0-0:54"],
    fixed: "await save();\n",
  },
  {
    name: "requireSuppressionReason: a directive naming no rule is only reported as such",
    code: `${NEXT}\nsave();\n`,
    findings: ["floating-promise@1:0"],
    requireSuppressionReason: true,
    kept: ["floating-promise@1:0"],
    extra: ["unused-suppression:noRule@0:0-0:37"],
  },
];

it("applySuppressions: kept, suppressed and extra findings, and the safe fixes", () => {
  for (const testCase of cases) {
    const result = run(testCase);
    assert.deepEqual(
      { kept: result.kept.map(brief), suppressed: result.suppressed.map(brief), extra: result.extra.map(extraBrief) },
      { kept: testCase.kept ?? [], suppressed: testCase.suppressed ?? [], extra: testCase.extra ?? [] },
      testCase.name,
    );
    const safeEdits = result.extra.flatMap((finding) => finding.fixes.filter((fix) => fix.kind === "safe").flatMap((fix) => fix.edits));
    if (testCase.fixed === undefined) assert.deepEqual(safeEdits, [], testCase.name);
    else assert.equal(applyEdits(testCase.code, safeEdits), testCase.fixed, testCase.name);
    for (const finding of result.extra) {
      assert.equal(finding.severity, "warning", testCase.name);
      assert.equal(finding.fileName, testCase.fileName ?? "test.ts", testCase.name);
    }
  }
});

it("extra findings: exact messages and fix titles", () => {
  const code = [
    `${NEXT} floating-promise`,
    "await save();",
    `${NEXT} floating-promise, other-rule`,
    "save();",
    `${LINE} floating-promises`,
    `${LINE}`,
    "/* concurrency-lint-disable other-rule */",
    "",
  ].join("\n");
  const result = run({ name: "messages", code, findings: ["floating-promise@3:0"], requireSuppressionReason: true });
  const byMessage = result.extra.map((finding) => [
    finding.messageId,
    finding.message,
    finding.fixes.map((fix) => `${fix.kind}: ${fix.title}`),
  ]);
  assert.deepEqual(byMessage, [
    [
      "unused",
      'This suppression of "floating-promise" suppresses nothing on line 2: no finding of that rule starts there. A stale suppression silently hides the next real bug there. Remove it.',
      ["safe: Remove the unused suppression"],
    ],
    [
      "missingReason",
      'This suppression of "floating-promise" gives no reason, so readers cannot tell a deliberate exception from a hidden bug. Add one after ` -- `, e.g. `-- errors are logged by the job queue`.',
      [],
    ],
    [
      "missingReason",
      'This suppression of "floating-promise", "other-rule" gives no reason, so readers cannot tell a deliberate exception from a hidden bug. Add one after ` -- `, e.g. `-- errors are logged by the job queue`.',
      [],
    ],
    [
      "unusedRule",
      '"other-rule" in this suppression suppresses nothing on line 4: no finding of that rule starts there. A stale entry silently hides the next real bug there. Remove it from the list.',
      ['safe: Remove "other-rule" from the suppression'],
    ],
    [
      "missingReason",
      'This suppression of "floating-promises" gives no reason, so readers cannot tell a deliberate exception from a hidden bug. Add one after ` -- `, e.g. `-- errors are logged by the job queue`.',
      [],
    ],
    [
      "unknownRule",
      '"floating-promises" is not a concurrency-lint rule (did you mean "floating-promise"?), so this suppression suppresses nothing and the finding it was meant for is still reported. Use the id of a rule.',
      ['suggestion: Replace with "floating-promise"'],
    ],
    [
      "noRule",
      "This suppression names no rule, so it suppresses nothing; a blanket suppression would hide every future bug here. Name the rules it is for, e.g. `concurrency-lint-disable-next-line floating-promise -- <reason>`.",
      [],
    ],
    [
      "unused",
      'This suppression of "other-rule" suppresses nothing in this file: no finding of that rule starts there. A stale suppression silently hides the next real bug there. Remove it.',
      ["safe: Remove the unused suppression"],
    ],
    [
      "missingReason",
      'This suppression of "other-rule" gives no reason, so readers cannot tell a deliberate exception from a hidden bug. Add one after ` -- `, e.g. `-- errors are logged by the job queue`.',
      [],
    ],
  ]);
  const suggestion = result.extra.find((finding) => finding.messageId === "unknownRule")?.fixes[0];
  assert.ok(suggestion);
  assert.equal(applyEdits(code, suggestion.edits).split("\n")[4], `${LINE} floating-promise`);
});

it("parseDirectives: kinds, rule ids, reasons and lines", () => {
  const cases: { comment: string; directive: Partial<Directive> | undefined }[] = [
    {
      comment: `${NEXT} floating-promise`,
      directive: { kind: "next-line", ruleIds: ["floating-promise"], reason: undefined, line: 1, targetLine: 2 },
    },
    {
      comment: `${LINE} a, b -- because the queue logs errors`,
      directive: { kind: "line", ruleIds: ["a", "b"], reason: "because the queue logs errors", line: 1, targetLine: 1 },
    },
    {
      comment: "/* concurrency-lint-disable a,b */",
      directive: { kind: "file", ruleIds: ["a", "b"], reason: undefined, line: 1, targetLine: undefined },
    },
    { comment: "// concurrency-lint-disable a -- x -- y", directive: { kind: "file", ruleIds: ["a"], reason: "x -- y" } },
    { comment: `${LINE} a --`, directive: { ruleIds: ["a"], reason: undefined } },
    { comment: `${LINE} a --   `, directive: { ruleIds: ["a"], reason: undefined } },
    // The separator needs blanks on both sides, so ids may contain "--".
    { comment: `${LINE} a--b`, directive: { ruleIds: ["a--b"], reason: undefined } },
    { comment: `${LINE} a --b`, directive: { ruleIds: ["a --b"], reason: undefined } },
    { comment: `${LINE}   a ,, b  `, directive: { ruleIds: ["a", "b"] } },
    { comment: `${LINE}`, directive: { kind: "line", ruleIds: [] } },
    { comment: `${LINE}-- why`, directive: undefined },
    { comment: "//concurrency-lint-disable-line a", directive: { kind: "line", ruleIds: ["a"] } },
    { comment: "// concurrency-lint-enable a", directive: undefined },
    { comment: "// eslint-disable-next-line a", directive: undefined },
  ];
  for (const { comment, directive } of cases) {
    const code = `let x = 1;\n${comment}\nx++;\n`;
    const directives = parseDirectives(sourceOf(code));
    if (!directive) {
      assert.deepEqual(directives, [], comment);
      continue;
    }
    assert.equal(directives.length, 1, comment);
    const [found] = directives as [Directive];
    const picked = Object.fromEntries(Object.keys(directive).map((key) => [key, found[key as keyof Directive]]));
    assert.deepEqual(picked, directive, comment);
    assert.equal(code.slice(found.start, found.end), comment, comment);
    assert.deepEqual(
      found.ruleIdSpans.map((span) => code.slice(span.start, span.end)),
      found.ruleIds,
      comment,
    );
  }
});

it("parseDirectives: a file without the marker is not walked", () => {
  assert.deepEqual(parseDirectives(sourceOf("// eslint-disable-next-line\nsave();\n")), []);
});
