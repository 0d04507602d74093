/**
 * The standard rule table: must-flag cases with their exact findings (rule, message id, line,
 * column, the rendered message, optionally the lines of the related locations) and the title and
 * exact text after each offered fix (all of them, in order; none listed means none offered), and
 * must-not-flag cases. Every fix output must parse, and must type-check where the input did.
 * Call inside the rule's `describe`.
 *
 * `npm run fill-rule-tables` writes the current message and fixes into the cases that lack them
 * (it runs the tables with `RULE_TABLE_RECORD` set: each must-flag case then also records what it
 * found, as one JSON line per case, in that file).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { it } from "node:test";
import { parsesCleanly } from "../../server/src/engine/fixes";
import type { Finding, FixKind, ReportSeverity } from "../../server/src/engine/types";
import { applyFix, createVirtualProgram, lintCode, positionOf, typeErrors, type RunOptions } from "./ruleTester";
import { engineForTests } from "./ts7Engine";

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  /** The exact rendered message. */
  message: string;
  /** The finding's severity (under the rule's default severity unless the case says otherwise). */
  severity?: ReportSeverity;
  /** Lines (1-based) of the related locations, in order. */
  related?: number[];
  /** Exact title and exact file text after applying each offered fix, all of them, in order (none when absent). */
  fixes?: [title: string, output: string][];
}

export interface InvalidCase extends RunOptions {
  name: string;
  code: string;
  errors: ExpectedFinding[];
  /**
   * A documented difference of the `ts7` engine (the parity test, test/engine/ts7Parity.test.ts):
   * what TypeScript 7 answers otherwise (`reason`, one line) and the findings (rule's message id
   * and position) the case gives there instead. Only where TypeScript 7 itself types the code
   * otherwise (it drops JavaScript's constructor functions and prototype assignments, some JSDoc
   * and CommonJS patterns), never to hide a difference of ours.
   */
  ts7?: { reason: string; errors: Pick<ExpectedFinding, "messageId" | "line" | "column">[] };
}

export interface ValidCase extends RunOptions {
  name: string;
  code: string;
}

/** Asserts a fix output parses and, where the input type-checked, still type-checks. */
export function assertFixIsSound(code: string, output: string, run: RunOptions): void {
  const fileName = run.fileName ?? "file.ts";
  assert.ok(parsesCleanly(fileName, output), `fix output does not parse:\n${output}`);
  const before = createVirtualProgram({ ...run.extraFiles, [fileName]: code }, fileName, run.compilerOptions);
  if (typeErrors(before.program, before.sourceFile).length === 0) {
    const after = createVirtualProgram({ ...run.extraFiles, [fileName]: output }, fileName, run.compilerOptions);
    assert.deepEqual(typeErrors(after.program, after.sourceFile), [], `fix output does not type-check:\n${output}`);
  }
}

const FILL_HINT = "run `npm run fill-rule-tables` to write the current ones in, then read them";

/** Set by `scripts/fill-rule-tables.ts`: the file each must-flag case appends what it found to. */
const RECORD_FILE = process.env.RULE_TABLE_RECORD;

/** What a must-flag case found, as the fill script reads it back. */
export interface RecordedCase {
  ruleId: string;
  name: string;
  code: string;
  findings: { messageId: string; line: number; column: number; message: string; fixes: [title: string, output: string][] }[];
}

function record(ruleId: string, testCase: InvalidCase, findings: readonly Finding[]): void {
  const recorded: RecordedCase = {
    ruleId,
    name: testCase.name,
    code: testCase.code,
    findings: findings.map((finding) => ({
      messageId: finding.messageId,
      ...positionOf(finding),
      message: finding.message,
      fixes: finding.fixes.map((fix, fixIndex) => [fix.title, applyFix(testCase.code, finding, fixIndex)]),
    })),
  };
  fs.appendFileSync(RECORD_FILE ?? "", `${JSON.stringify(recorded)}\n`);
}

export function runRuleTable(
  ruleId: string,
  table: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[]; fixKind?: FixKind },
): void {
  const { valid, invalid } = table;
  const fixKind = table.fixKind ?? "suggestion";

  it("has at least as many must-not-flag cases as must-flag cases", () => {
    assert.ok(valid.length >= invalid.length, `${valid.length} valid < ${invalid.length} invalid`);
  });

  for (const testCase of invalid) {
    it(`flags: ${testCase.name}`, () => {
      const { findings } = lintCode(ruleId, testCase.code, testCase);
      if (RECORD_FILE) record(ruleId, testCase, findings);
      if (testCase.ts7 && engineForTests() === "ts7") {
        assert.ok(testCase.ts7.reason.length > 0, "a ts7 difference says why");
        assert.deepEqual(
          findings.map((finding) => ({ ruleId: finding.ruleId, messageId: finding.messageId, ...positionOf(finding) })),
          testCase.ts7.errors.map(({ messageId, line, column }) => ({ ruleId, messageId, line, column })),
        );
        return;
      }
      assert.deepEqual(
        findings.map((finding) => ({ ruleId: finding.ruleId, messageId: finding.messageId, ...positionOf(finding) })),
        testCase.errors.map(({ messageId, line, column }) => ({ ruleId, messageId, line, column })),
      );
      testCase.errors.forEach((expected, index) => {
        const finding = findings[index];
        // Cases written before messages were required (or merged from elsewhere) fail here until filled in.
        assert.equal(typeof expected.message, "string", `finding ${index + 1} lists no \`message\`: ${FILL_HINT}`);
        assert.equal(finding.message, expected.message);
        if (expected.severity !== undefined) assert.equal(finding.severity, expected.severity);
        if (expected.related) {
          assert.deepEqual(
            finding.related.map((related) => related.range.start.line + 1),
            expected.related,
          );
        }
        const offered = finding.fixes.map((fix, fixIndex) => [fix.title, applyFix(testCase.code, finding, fixIndex)]);
        if (!expected.fixes && offered.length > 0) assert.fail(`finding ${index + 1} offers ${offered.length} fix(es) the case does not list: ${FILL_HINT}`);
        assert.deepEqual(offered, expected.fixes ?? []);
        assert.ok(finding.fixes.every((fix) => fix.kind === fixKind), `${ruleId} fixes are ${fixKind} fixes`);
        for (const [, output] of expected.fixes ?? []) assertFixIsSound(testCase.code, output, testCase);
      });
    });
  }

  for (const testCase of valid) {
    it(`accepts: ${testCase.name}`, () => {
      const { findings } = lintCode(ruleId, testCase.code, testCase);
      assert.deepEqual(findings.map((finding) => `${finding.messageId}@${positionOf(finding).line}:${positionOf(finding).column}`), []);
    });
  }
}
