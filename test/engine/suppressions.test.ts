import { it } from "node:test";
import assert from "node:assert/strict";
import * as ts from "typescript";
import { applySuppressions, parseDirectives, parsePeerSuppressions, type Directive } from "../../server/src/engine/suppressions";
import type { Finding, Severity, TextEdit } from "../../server/src/engine/types";
import { lintCode } from "../helpers/ruleTester";

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
  /** `honorPeerSuppressions`; default true, as in the configuration. */
  honorPeers?: boolean;
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
  }, testCase.honorPeers === false ? [] : parsePeerSuppressions(sourceFile));
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

const TS_FLOATING = "@typescript-eslint/no-floating-promises";

// Peers' comments for the same bug classes: they suppress the mapped rule, and are never reported.
const peerCases: Case[] = [
  {
    name: "eslint-disable-next-line with a description suppresses the mapped rule on the next line only",
    code: `save();\n// eslint-disable-next-line ${TS_FLOATING} -- the queue logs errors\nsave();\nsave();\n`,
    findings: ["floating-promise@0:0", "floating-promise@2:0", "floating-promise@3:0", "other-rule@2:0"],
    kept: ["floating-promise@0:0", "floating-promise@3:0", "other-rule@2:0"],
    suppressed: ["floating-promise@2:0"],
  },
  {
    name: "eslint-disable-line after code; a block comment of the same form",
    code: `save(); // eslint-disable-line ${TS_FLOATING}\nsave(); /* eslint-disable-line ${TS_FLOATING} */\nsave();\n`,
    findings: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@2:0"],
    kept: ["floating-promise@2:0"],
    suppressed: ["floating-promise@0:0", "floating-promise@1:0"],
  },
  {
    name: "eslint-disable / eslint-enable block: from the comment to the enable",
    code: [
      "save();",
      `save(); /* eslint-disable ${TS_FLOATING} -- legacy module */`,
      "save();",
      "/* eslint-enable no-misused-promises */",
      "save();",
      `/* eslint-enable ${TS_FLOATING} */`,
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@2:0", "floating-promise@4:0", "floating-promise@6:0"],
    // The finding before the comment on its own line is outside the block, as in ESLint.
    kept: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@6:0"],
    suppressed: ["floating-promise@2:0", "floating-promise@4:0"],
  },
  {
    name: "a bare eslint-enable ends every block; a disable without enable runs to the end of the file",
    code: [
      "/* eslint-disable no-floating-promises, require-atomic-updates */",
      "save();",
      "/* eslint-enable */",
      "save();",
      "/* eslint-disable require-atomic-updates */",
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@1:0", "shared-state-across-await@1:0", "floating-promise@3:0", "shared-state-across-await@3:0", "shared-state-across-await@5:0"],
    kept: ["floating-promise@3:0", "shared-state-across-await@3:0"],
    suppressed: ["floating-promise@1:0", "shared-state-across-await@1:0", "shared-state-across-await@5:0"],
  },
  {
    name: "oxlint forms and plugin names: typescript/, typescript-eslint/, bare, line-comment blocks; promise/catch-or-return (only with its plugin)",
    code: [
      "// oxlint-disable-next-line typescript/no-floating-promises",
      "save();",
      "save(); // oxlint-disable-line no-floating-promises",
      "// oxlint-disable typescript-eslint/no-misused-promises",
      "items.forEach(async () => save());",
      "// oxlint-enable typescript-eslint/no-misused-promises",
      "items.forEach(async () => save());",
      "// eslint-disable-next-line eslint/no-async-promise-executor",
      "new Promise(async () => save());",
      "// oxlint-disable-next-line promise/no-promise-in-callback, promise/catch-or-return -- surface it as an unhandled rejection",
      "save().then(() => log());",
      "// eslint-disable-next-line catch-or-return",
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@1:0", "floating-promise@2:0", "misused-promise@4:14", "misused-promise@6:14", "misused-promise@8:12", "floating-promise@10:0", "floating-promise@12:0"],
    kept: ["misused-promise@6:14", "floating-promise@12:0"],
    suppressed: ["floating-promise@1:0", "floating-promise@2:0", "misused-promise@4:14", "misused-promise@8:12", "floating-promise@10:0"],
  },
  {
    name: "a rule list: only the mapped names suppress, each its own rule",
    code: `// eslint-disable-next-line no-console, ${TS_FLOATING}, require-atomic-updates\nlog(save(), count += await next());\n`,
    findings: ["floating-promise@1:4", "shared-state-across-await@1:12", "other-rule@1:0", "misused-promise@1:0"],
    kept: ["other-rule@1:0", "misused-promise@1:0"],
    suppressed: ["floating-promise@1:4", "shared-state-across-await@1:12"],
  },
  {
    name: "no-sync of eslint-plugin-n, eslint-plugin-node and ESLint core",
    code: [
      "const a = readFileSync(p); // eslint-disable-line n/no-sync",
      "const b = readFileSync(p); // eslint-disable-line node/no-sync",
      "const c = readFileSync(p); // eslint-disable-line no-sync",
      "const d = readFileSync(p); // eslint-disable-line unicorn/no-sync",
      "",
    ].join("\n"),
    findings: ["blocking-call-in-async@0:10", "blocking-call-in-async@1:10", "blocking-call-in-async@2:10", "blocking-call-in-async@3:10"],
    kept: ["blocking-call-in-async@3:10"],
    suppressed: ["blocking-call-in-async@0:10", "blocking-call-in-async@1:10", "blocking-call-in-async@2:10"],
  },
  {
    name: "biome-ignore with a reason: the next line, whatever the group; several categories",
    code: [
      "// biome-ignore lint/nursery/noFloatingPromises: the queue logs errors",
      "save();",
      "save();",
      "// biome-ignore lint/suspicious/noFloatingPromises: moved out of nursery",
      "save();",
      "// biome-ignore lint/style/useConst lint/nursery/noMisusedPromises: handled by the emitter",
      "emitter.on('x', async () => save());",
      "/* biome-ignore lint/nursery/noSyncMethods: startup only */",
      "readFileSync(p);",
      "",
    ].join("\n"),
    findings: ["floating-promise@1:0", "floating-promise@2:0", "floating-promise@4:0", "misused-promise@6:16", "blocking-call-in-async@8:0"],
    kept: ["floating-promise@2:0"],
    suppressed: ["floating-promise@1:0", "floating-promise@4:0", "misused-promise@6:16", "blocking-call-in-async@8:0"],
  },
  {
    name: "biome-ignore-all at the top of the file covers it",
    code: "// biome-ignore-all lint/nursery/noFloatingPromises: a fire-and-forget script\nimport { save } from './save';\nsave();\n",
    findings: ["floating-promise@2:0", "other-rule@2:0"],
    kept: ["other-rule@2:0"],
    suppressed: ["floating-promise@2:0"],
  },
  {
    name: "biome-ignore-start / -end: the range between them",
    code: [
      "save();",
      "// biome-ignore-start lint/nursery/noFloatingPromises: legacy",
      "save();",
      "// biome-ignore-end lint/nursery/noMisusedPromises: other rule",
      "save();",
      "// biome-ignore-end lint/nursery/noFloatingPromises: legacy",
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@0:0", "floating-promise@2:0", "floating-promise@4:0", "floating-promise@6:0"],
    kept: ["floating-promise@0:0", "floating-promise@6:0"],
    suppressed: ["floating-promise@2:0", "floating-promise@4:0"],
  },
  {
    name: "must not suppress: another rule, a wrong plugin, a longer name, or only in the description",
    code: [
      "// eslint-disable-next-line no-console",
      "save();",
      "// eslint-disable-next-line promise/no-floating-promises",
      "save();",
      "// eslint-disable-next-line @typescript-eslint/no-floating-promises-extra",
      "save();",
      `// eslint-disable-next-line no-console -- unlike ${TS_FLOATING}`,
      "save();",
      "// biome-ignore lint/nursery/noFloatingPromise: singular",
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@1:0", "floating-promise@3:0", "floating-promise@5:0", "floating-promise@7:0", "floating-promise@9:0"],
    kept: ["floating-promise@1:0", "floating-promise@3:0", "floating-promise@5:0", "floating-promise@7:0", "floating-promise@9:0"],
  },
  {
    name: "must not suppress: a different line",
    code: `// eslint-disable-next-line ${TS_FLOATING}\n\nsave();\nsave();\nsave(); /* eslint-disable-line ${TS_FLOATING}\n  spanning lines */\n`,
    findings: ["floating-promise@2:0", "floating-promise@3:0", "floating-promise@4:0", "floating-promise@5:0"],
    kept: ["floating-promise@2:0", "floating-promise@3:0", "floating-promise@4:0", "floating-promise@5:0"],
  },
  {
    name: "must not suppress: disable-all comments, ESLint's and Biome's, and a Biome group",
    code: [
      "/* eslint-disable */",
      "save(); // eslint-disable-line",
      "// oxlint-disable-next-line -- legacy",
      "save();",
      "// biome-ignore lint: legacy",
      "save();",
      "// biome-ignore lint/nursery: legacy",
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@1:0", "floating-promise@3:0", "floating-promise@5:0", "floating-promise@7:0"],
    kept: ["floating-promise@1:0", "floating-promise@3:0", "floating-promise@5:0", "floating-promise@7:0"],
  },
  {
    name: "must not suppress: biome-ignore-all after code (Biome ignores it there)",
    code: "save();\n// biome-ignore-all lint/nursery/noFloatingPromises: too late\nsave();\n",
    findings: ["floating-promise@0:0", "floating-promise@2:0"],
    kept: ["floating-promise@0:0", "floating-promise@2:0"],
  },
  {
    name: "must not suppress: directive-looking text in strings, and prose that mentions a directive",
    code: [
      `const a = "// eslint-disable-line ${TS_FLOATING}"; save();`,
      `save(); // see eslint-disable-line ${TS_FLOATING}`,
      `const b = \`/* eslint-disable ${TS_FLOATING} */\`;`,
      "save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@3:0"],
    kept: ["floating-promise@0:0", "floating-promise@1:0", "floating-promise@3:0"],
  },
  {
    name: "must not suppress: honorPeerSuppressions off",
    code: `// eslint-disable-next-line ${TS_FLOATING} -- logged\nsave();\n// biome-ignore lint/nursery/noFloatingPromises: logged\nsave();\n`,
    findings: ["floating-promise@1:0", "floating-promise@3:0"],
    honorPeers: false,
    kept: ["floating-promise@1:0", "floating-promise@3:0"],
  },
  {
    name: "peer comments are never reported: unused, unknown ids, no reason",
    code: [
      `// eslint-disable-next-line ${TS_FLOATING}`,
      "await save();",
      "// eslint-disable-next-line @typescript-eslint/no-floatin-promises",
      "save();",
      "// eslint-disable-next-line",
      "// biome-ignore lint/nursery/noFloatingPromises",
      "await save();",
      "",
    ].join("\n"),
    findings: ["floating-promise@3:0"],
    requireSuppressionReason: true,
    kept: ["floating-promise@3:0"],
  },
  {
    name: "our directive and a peer comment on one finding: ours is used, so not reported",
    code: `// eslint-disable-next-line ${TS_FLOATING}\n${NEXT} floating-promise -- logged\nsave();\n// eslint-disable-next-line ${TS_FLOATING}\n${NEXT} floating-promise -- stale\nawait save();\n`,
    findings: ["floating-promise@2:0"],
    suppressed: ["floating-promise@2:0"],
    extra: ["unused-suppression:unused@4:0-4:63"],
    fixed: `// eslint-disable-next-line ${TS_FLOATING}\n${NEXT} floating-promise -- logged\nsave();\n// eslint-disable-next-line ${TS_FLOATING}\nawait save();\n`,
  },
];

it("applySuppressions: kept, suppressed and extra findings, and the safe fixes", () => {
  for (const testCase of [...cases, ...peerCases]) {
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

it("linting a file: peers' comments suppress by default; honorPeerSuppressions: false turns them off", () => {
  const code = [
    "declare function save(): Promise<void>;",
    "// eslint-disable-next-line @typescript-eslint/no-floating-promises -- save() logs its errors",
    "save();",
    "// biome-ignore lint/nursery/noFloatingPromises: save() logs its errors",
    "save();",
    "",
  ].join("\n");
  const at = (run: { honorPeerSuppressions?: boolean }) =>
    lintCode("floating-promise", code, { ...run, alsoEnable: ["unused-suppression"] }).findings.map(
      (finding) => `${finding.ruleId}@${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    );
  assert.deepEqual(at({}), []);
  assert.deepEqual(at({ honorPeerSuppressions: true }), []);
  assert.deepEqual(at({ honorPeerSuppressions: false }), ["floating-promise@3:1", "floating-promise@5:1"]);
});
