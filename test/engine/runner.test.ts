import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ts from "typescript";
import { parseConfig } from "../../server/src/engine/config";
import { lintSourceFile, ProgramTypes } from "../../server/src/engine/linter";
import { CancelledError, formatMessage, runRules, type CancellationSignal } from "../../server/src/engine/runner";
import type { TypeOracle } from "../../server/src/engine/typeOracle";
import type { AnyRule, RuleContext, RuleSetting, RuleVisitor } from "../../server/src/engine/types";
import { missingSuppressionReason } from "../../server/src/rules/missing-suppression-reason";
import { unusedSuppression } from "../../server/src/rules/unused-suppression";

const FILE = "/project/src/file.ts";

function parse(text: string, fileName = FILE): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
}

function fakeRule(id: string, create: (context: RuleContext<Record<string, unknown>>) => RuleVisitor): AnyRule {
  return {
    meta: {
      id,
      defaultSeverity: "warning",
      messages: { call: "Call of {{callee}}.", plain: "Plain." },
      optionsSchema: { type: "object", properties: {}, additionalProperties: false },
      defaultOptions: {},
      docs: { description: id, rationale: "", incorrect: [], correct: [], optionsDoc: {}, fixesDoc: "" },
      requiresTypes: false,
    },
    create,
  };
}

const noTypes = () => {
  throw new Error("these rules never ask for types");
};

const warningFor = (): RuleSetting => ({ severity: "warning", options: {} });

/** Finding and error shapes without stacks, line/column 1-based. */
function summarize(result: ReturnType<typeof runRules>) {
  return {
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      at: `${finding.range.start.line + 1}:${finding.range.start.character + 1}-${finding.range.end.line + 1}:${finding.range.end.character + 1}`,
    })),
    internalErrors: result.internalErrors.map(({ ruleId, fileName, message }) => ({ ruleId, fileName, message })),
  };
}

describe("runRules: rule isolation and dispatch", () => {
  const text = "foo();\nbar(1);\nbaz(2, 3);\n";
  const calls: Record<string, number> = {};
  const seenKinds = new Set<ts.SyntaxKind>();
  const count = (key: string) => (calls[key] = (calls[key] ?? 0) + 1);

  const throwsInCreate = fakeRule("throws-in-create", () => {
    count("throws-in-create:create");
    throw new Error("create failed");
  });
  const throwsInHandler = fakeRule("throws-in-handler", (context) => ({
    [ts.SyntaxKind.CallExpression]: (node) => {
      count("throws-in-handler:CallExpression");
      // Reported before the crash: dropped with the rest of this rule's findings for the file.
      context.report({ node, messageId: "plain" });
      throw new Error(`handler failed at ${node.getText()}`);
    },
  }));
  const unknownMessage = fakeRule("unknown-message", (context) => ({
    [ts.SyntaxKind.CallExpression]: (node) => context.report({ node, messageId: "nope" }),
  }));
  const healthy = fakeRule("healthy", (context) => ({
    [ts.SyntaxKind.CallExpression]: (node) => {
      count("healthy:CallExpression");
      seenKinds.add(node.kind);
      const callee = (node as ts.CallExpression).expression.getText();
      context.report({ node, messageId: "call", data: { callee } });
    },
    [ts.SyntaxKind.NumericLiteral]: (node) => {
      count("healthy:NumericLiteral");
      seenKinds.add(node.kind);
    },
  }));
  const off = fakeRule("off", () => {
    count("off:create");
    return {};
  });
  const errorLevel = fakeRule("error-level", (context) => ({
    [ts.SyntaxKind.SourceFile]: () => context.report({ start: 0, end: 3, messageId: "plain" }),
  }));

  const result = runRules({
    sourceFile: parse(text),
    rules: [throwsInCreate, throwsInHandler, unknownMessage, healthy, off, errorLevel],
    settingOf: (ruleId) =>
      ruleId === "off" ? { severity: "off", options: {} } : ruleId === "error-level" ? { severity: "error", options: {} } : warningFor(),
    types: noTypes,
  });

  it("reports one internal error per throwing rule, and drops that rule's findings", () => {
    assert.deepEqual(summarize(result).internalErrors, [
      { ruleId: "throws-in-create", fileName: FILE, message: "create failed" },
      { ruleId: "throws-in-handler", fileName: FILE, message: "handler failed at foo()" },
      { ruleId: "unknown-message", fileName: FILE, message: 'rule unknown-message reported unknown message id "nope"' },
    ]);
    assert.ok(result.internalErrors.every((error) => error.stack?.includes("Error: ")));
  });

  it("keeps every finding of the healthy rules, in file order, with their severities", () => {
    assert.deepEqual(summarize(result).findings, [
      { ruleId: "error-level", severity: "error", message: "Plain.", at: "1:1-1:4" },
      { ruleId: "healthy", severity: "warning", message: "Call of foo.", at: "1:1-1:6" },
      { ruleId: "healthy", severity: "warning", message: "Call of bar.", at: "2:1-2:7" },
      { ruleId: "healthy", severity: "warning", message: "Call of baz.", at: "3:1-3:10" },
    ]);
  });

  it("calls handlers only for the kinds asked for, and a failed rule never again", () => {
    assert.deepEqual(calls, {
      "throws-in-create:create": 1,
      "throws-in-handler:CallExpression": 1,
      "healthy:CallExpression": 3,
      "healthy:NumericLiteral": 3,
    });
    assert.deepEqual([...seenKinds].sort(), [ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.CallExpression].sort());
  });

  it("tells rules whether the file is JavaScript", () => {
    const seen: Record<string, boolean> = {};
    const probe = fakeRule("probe", (context) => {
      seen[context.sourceFile.fileName] = context.isJavaScript;
      return {};
    });
    for (const fileName of ["/p/a.ts", "/p/a.tsx", "/p/a.mts", "/p/a.js", "/p/a.jsx", "/p/a.mjs", "/p/a.cjs"]) {
      runRules({ sourceFile: parse("", fileName), rules: [probe], settingOf: warningFor, types: noTypes });
    }
    assert.deepEqual(seen, {
      "/p/a.ts": false,
      "/p/a.tsx": false,
      "/p/a.mts": false,
      "/p/a.js": true,
      "/p/a.jsx": true,
      "/p/a.mjs": true,
      "/p/a.cjs": true,
    });
  });

  it("builds the type oracle only when a rule asks for it, once", () => {
    let built = 0;
    const oracle = {} as TypeOracle;
    const asks = fakeRule("asks", (context) => ({
      [ts.SyntaxKind.CallExpression]: () => assert.equal(context.types, oracle),
    }));
    const types = () => {
      built++;
      return oracle;
    };
    runRules({ sourceFile: parse("a(); b();"), rules: [healthy], settingOf: warningFor, types });
    assert.equal(built, 0);
    runRules({ sourceFile: parse("a(); b();"), rules: [asks], settingOf: warningFor, types });
    assert.equal(built, 1);
  });
});

describe("lintSourceFile: a crashed rule", () => {
  it("leaves suppressions of it alone (whether they are needed is unknown) and reports the others", () => {
    const text = [
      "// concurrency-lint-disable-next-line crashy",
      "foo();",
      "// concurrency-lint-disable-next-line healthy",
      "bar;",
      "",
    ].join("\n");
    const crashy = fakeRule("crashy", () => ({
      [ts.SyntaxKind.CallExpression]: () => {
        throw new Error("boom");
      },
    }));
    const healthy = fakeRule("healthy", () => ({}));
    const rules = [crashy, healthy, unusedSuppression, missingSuppressionReason];
    const config = parseConfig("{}", "/project/concurrency-lint.json", rules);
    const program = ts.createProgram({ rootNames: [], options: { noLib: true, types: [] } });
    const result = lintSourceFile(parse(text), new ProgramTypes(program), config, rules);
    assert.deepEqual(
      result.internalErrors.map(({ ruleId, message }) => ({ ruleId, message })),
      [{ ruleId: "crashy", message: "boom" }],
    );
    assert.deepEqual(
      result.findings.map((finding) => [finding.ruleId, finding.messageId, finding.range.start.line + 1]),
      [["unused-suppression", "unused", 3]],
    );
  });
});

describe("runRules: message ids reported one level lower", () => {
  const lowered: AnyRule = fakeRule("lowered", (context) => ({
    [ts.SyntaxKind.SourceFile]: () => {
      context.report({ start: 0, end: 3, messageId: "plain" });
      context.report({ start: 7, end: 10, messageId: "call", data: { callee: "bar" } });
    },
  }));
  lowered.meta.lowerSeverityMessages = ["plain"];
  const severities = (severity: RuleSetting["severity"]) =>
    runRules({ sourceFile: parse("foo();\nbar(1);\n"), rules: [lowered], settingOf: () => ({ severity, options: {} }), types: noTypes }).findings.map(
      (finding) => `${finding.messageId}:${finding.severity}`,
    );

  it("error: the listed message is a warning, the others errors", () => {
    assert.deepEqual(severities("error"), ["plain:warning", "call:error"]);
  });

  it("warning: the listed message is info", () => {
    assert.deepEqual(severities("warning"), ["plain:info", "call:warning"]);
  });

  it("info: info is the lowest level, and off is off for every message", () => {
    assert.deepEqual(severities("info"), ["plain:info", "call:info"]);
    assert.deepEqual(severities("off"), []);
  });
});

describe("formatMessage", () => {
  const cases: { template: string; data?: Record<string, string | number>; expected: string }[] = [
    { template: "Call of {{callee}}.", data: { callee: "save" }, expected: "Call of save." },
    { template: "{{ a }} and {{b}}, again {{a}}", data: { a: "x", b: 2 }, expected: "x and 2, again x" },
    { template: "kept: {{missing}}", data: { other: "x" }, expected: "kept: {{missing}}" },
    { template: "no data: {{name}}", expected: "no data: {{name}}" },
    { template: "not a name: {{a.b}} {{}}", data: { a: "x" }, expected: "not a name: {{a.b}} {{}}" },
    { template: "zero: {{n}}, empty: '{{s}}'", data: { n: 0, s: "" }, expected: "zero: 0, empty: ''" },
    { template: "no placeholders", data: { a: "x" }, expected: "no placeholders" },
  ];
  for (const { template, data, expected } of cases) {
    it(JSON.stringify(template), () => assert.equal(formatMessage(template, data), expected));
  }
});

describe("runRules: cancellation", () => {
  const signal = (cancelledAfterChecks: number): CancellationSignal & { checks: number } => {
    const state = {
      checks: 0,
      isCancellationRequested() {
        return ++state.checks > cancelledAfterChecks;
      },
    };
    return state;
  };
  // 5,000 statements: more than two of the runner's 2,048-node checkpoints.
  const big = parse("x;\n".repeat(5000));

  it("stops before the walk when the signal is already set, even for a small file", () => {
    let handled = 0;
    const rule = fakeRule("counter", () => ({ [ts.SyntaxKind.Identifier]: () => void handled++ }));
    assert.throws(
      () => runRules({ sourceFile: parse("a; b;"), rules: [rule], settingOf: warningFor, types: noTypes, cancellation: signal(0) }),
      CancelledError,
    );
    assert.equal(handled, 0);
  });

  it("stops in the middle of a walk when the signal is set", () => {
    let handled = 0;
    const rule = fakeRule("counter", () => ({ [ts.SyntaxKind.Identifier]: () => void handled++ }));
    const cancellation = signal(1);
    assert.throws(() => runRules({ sourceFile: big, rules: [rule], settingOf: warningFor, types: noTypes, cancellation }), CancelledError);
    assert.equal(cancellation.checks, 2);
    assert.ok(handled > 0 && handled < 5000, `handled ${handled} of 5000 identifiers`);
  });

  it("runs to the end when the signal stays clear", () => {
    let handled = 0;
    const rule = fakeRule("counter", () => ({ [ts.SyntaxKind.Identifier]: () => void handled++ }));
    const result = runRules({ sourceFile: big, rules: [rule], settingOf: warningFor, types: noTypes, cancellation: signal(Infinity) });
    assert.equal(handled, 5000);
    assert.deepEqual(result.internalErrors, []);
  });

  it("lets a CancelledError from a rule through instead of reporting the rule as crashed", () => {
    const inHandler = fakeRule("in-handler", () => ({
      [ts.SyntaxKind.Identifier]: () => {
        throw new CancelledError();
      },
    }));
    const inCreate = fakeRule("in-create", () => {
      throw new CancelledError();
    });
    for (const rule of [inHandler, inCreate]) {
      assert.throws(() => runRules({ sourceFile: parse("a;"), rules: [rule], settingOf: warningFor, types: noTypes }), CancelledError);
    }
  });
});
