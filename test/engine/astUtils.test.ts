/**
 * The syntax helpers the rules share (issue 16 merged their copies into engine/astUtils.ts). Each
 * case names every identifier `p` in a snippet and says which of them read the variable at run time.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ts from "typescript";
import { argumentParameters, declaresNameAgain, isAncestorOrSelf, isIncrementOrDecrement, isUndefinedOrNullLiteral, isValueReference, jumpsOutOf, knownOperands, loweredLogicalAssignment, shortCircuitGuard, stripNodePrefix } from "../../server/src/engine/astUtils";

function identifiersNamed(code: string, name: string, kind = ts.ScriptKind.TS): ts.Identifier[] {
  const sourceFile = ts.createSourceFile(kind === ts.ScriptKind.TSX ? "x.tsx" : "x.ts", code, ts.ScriptTarget.Latest, true, kind);
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe("isValueReference: which `p` reads the variable", () => {
  const cases: { code: string; expected: boolean[] }[] = [
    { code: "f(p); await p; p.then(g); q = p;", expected: [true, true, true, true] },
    { code: "const o = { p }; const r = { k: p };", expected: [true, true] },
    { code: "o.p; o.p = 1; label: p;", expected: [false, false, true] },
    { code: "const { p: alias } = o; const { k: p } = o;", expected: [false, false] },
    { code: "const p = 1; let [p] = a; function p() {} class p {} function f(p) {}", expected: [false, false, false, false, false] },
    { code: "const o = { p: 1, p() {}, get p() { return 1; } }; class C { p = 1; }", expected: [false, false, false, false] },
    { code: "enum E { p } interface I { p: number } import { p } from 'm'; export { p };", expected: [false, false, false, false] },
    { code: "p: for (;;) { break p; continue p; }", expected: [false, false, false] },
    { code: "let x: p; let y: typeof p; let z: p.Q; let w: N.p;", expected: [false, false, false, false] },
    { code: "<div p={p} />", expected: [false, true] },
  ];
  for (const { code, expected } of cases) {
    it(code, () => {
      const identifiers = identifiersNamed(code, "p", code.startsWith("<") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      assert.deepEqual(identifiers.map(isValueReference), expected);
    });
  }
});

describe("declaresNameAgain: where `p` names another variable inside the local's block", () => {
  const cases: { rest: string; expected: boolean }[] = [
    { rest: "await p; o.p = p; f({ p: 1, k: p }); label: for (;;) break label;", expected: false },
    { rest: "const { p: alias } = o; await p;", expected: false },
    { rest: "return cached.map((p) => p.name);", expected: true },
    { rest: "return cached.map(({ p }) => p);", expected: true },
    { rest: "const { k: p2, q: [p] } = o;", expected: true },
    { rest: "if (c) { const p = cache.get(); return p; }", expected: true },
    { rest: "try { await p; } catch (p) { log(p); }", expected: true },
    { rest: "function p() {}", expected: true },
    { rest: "const g = function p() {};", expected: true },
    { rest: "class p {}", expected: true },
    { rest: "const C = class p {};", expected: true },
  ];
  for (const { rest, expected } of cases) {
    it(rest, () => {
      const [declared] = identifiersNamed(`async function f() { const p = save(); ${rest} }`, "p");
      const block = declared.parent.parent.parent.parent;
      assert.ok(ts.isBlock(block));
      assert.equal(declaresNameAgain(block, declared), expected);
    });
  }
});

describe("jumpsOutOf: a `break` or `continue` that leaves the statement (the second one in the loop body)", () => {
  const cases: { statement: string; expected: boolean }[] = [
    { statement: "if (done) break;", expected: true },
    { statement: "if (skip) continue;", expected: true },
    { statement: "if (stop) break outer;", expected: true },
    { statement: "for (const l of listeners) { if (!l) continue; l(); }", expected: false },
    { statement: "for (const l of listeners) { if (!l) break; l(); }", expected: false },
    { statement: "switch (kind) { case 1: log(); break; default: }", expected: false },
    { statement: "switch (kind) { case 1: continue; default: }", expected: true },
    { statement: "inner: { if (done) break inner; log(); }", expected: false },
    { statement: "listeners.forEach(() => { for (;;) break; });", expected: false },
    { statement: "log();", expected: false },
  ];
  for (const { statement, expected } of cases) {
    it(statement, () => {
      const sourceFile = ts.createSourceFile("x.ts", `outer: for (const x of xs) { write(x); ${statement} }`, ts.ScriptTarget.Latest, true);
      const loop = (sourceFile.statements[0] as ts.LabeledStatement).statement as ts.ForOfStatement;
      assert.equal(jumpsOutOf((loop.statement as ts.Block).statements[1]), expected);
    });
  }
});

describe("knownOperands and shortCircuitGuard: what the left operand proves where the right one runs", () => {
  const expressionOf = (code: string) => (ts.createSourceFile("x.ts", `${code};`, ts.ScriptTarget.Latest, true).statements[0] as ts.ExpressionStatement).expression;
  const known = (code: string, when: boolean) => knownOperands(expressionOf(code), when).map((operand) => `${operand.operand.getText()}:${operand.when}`);
  it("knownOperands: through `!`, parentheses, `&&` when true and `||` when false", () => {
    assert.deepEqual(known("!this.conn && (ready)", true), ["this.conn:false", "ready:true"]);
    assert.deepEqual(known("!this.conn && ready", false), []);
    assert.deepEqual(known("a || !(b && c)", false), ["a:false", "b:true", "c:true"]);
    assert.deepEqual(known("a || b", true), []);
    assert.deepEqual(known("a === b", false), ["a === b:false"]);
  });
  it("shortCircuitGuard: the right operand of `&&` (left true) and `||` (left false) only", () => {
    const guard = (code: string, right: boolean) => {
      const node = expressionOf(code) as ts.BinaryExpression;
      const found = shortCircuitGuard(node, right ? node.right : node.left);
      return found && `${found.condition.getText()}:${found.when}`;
    };
    assert.deepEqual([guard("a && (b = 1)", true), guard("a || (b = 1)", true), guard("(b = 1) && a", false), guard("a ?? (b = 1)", true)], ["a:true", "a:false", undefined, undefined]);
  });
});

describe("small helpers", () => {
  it("isUndefinedOrNullLiteral: `undefined` and `null` only", () => {
    const expressions = ["undefined", "null", "void 0", "u", "0", "''"].map((text) => {
      const sourceFile = ts.createSourceFile("x.ts", `(${text});`, ts.ScriptTarget.Latest, true);
      const statement = sourceFile.statements[0] as ts.ExpressionStatement;
      return (statement.expression as ts.ParenthesizedExpression).expression;
    });
    assert.deepEqual(expressions.map(isUndefinedOrNullLiteral), [true, true, false, false, false, false]);
  });

  it("stripNodePrefix: `node:fs` and `fs` name one module; other specifiers stay", () => {
    assert.deepEqual(["node:fs", "fs", "node:fs/promises", "nodemailer", "@node:x"].map(stripNodePrefix), ["fs", "fs", "fs/promises", "nodemailer", "@node:x"]);
  });

  it("isAncestorOrSelf: the node itself and every parent, nothing else", () => {
    const [inner] = identifiersNamed("function f() { return g(p); } const h = 1;", "p");
    const call = inner.parent;
    const sibling = inner.getSourceFile().statements[1];
    assert.deepEqual([isAncestorOrSelf(inner, inner), isAncestorOrSelf(call, inner), isAncestorOrSelf(inner.getSourceFile(), inner), isAncestorOrSelf(sibling, inner), isAncestorOrSelf(inner, call)], [true, true, true, false, false]);
  });

  it("argumentParameters: the parameters the arguments fill, a `this` parameter left out", () => {
    const names = (code: string) => {
      const sourceFile = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true);
      const fn = sourceFile.statements[0] as ts.FunctionDeclaration;
      return argumentParameters(fn).map((parameter) => parameter.name.getText(sourceFile));
    };
    assert.deepEqual(names("function onEvent(this: Emitter, name: string, done: () => void) {}"), ["name", "done"]);
    assert.deepEqual(names("function onEvent(name: string, done: () => void) {}"), ["name", "done"]);
    assert.deepEqual(names("function onEvent(self: Emitter, name: string) {}"), ["self", "name"]);
    assert.deepEqual(names("function onEvent(this: Emitter) {}"), []);
  });
});

describe("loweredLogicalAssignment: `??=`, `||=` and `&&=` written out", () => {
  const statementExpression = (code: string): ts.Expression => {
    const sourceFile = ts.createSourceFile("x.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const statement = sourceFile.statements[sourceFile.statements.length - 1];
    assert.ok(statement && ts.isExpressionStatement(statement));
    return statement.expression;
  };
  const cases: { code: string; expected: [string, string, string] | undefined }[] = [
    { code: "var _a; (_a = this.mePromise) !== null && _a !== void 0 ? _a : (this.mePromise = load());", expected: ["this.mePromise", "load()", "??="] },
    { code: "var _b; (_b = cache.entry) === null || _b === void 0 ? (cache.entry = open()) : _b;", expected: ["cache.entry", "open()", "??="] },
    { code: "this.ready != null ? this.ready : this.ready = connect();", expected: ["this.ready", "connect()", "??="] },
    { code: "this.ready || (this.ready = connect());", expected: ["this.ready", "connect()", "||="] },
    { code: "ready ?? (ready = connect());", expected: ["ready", "connect()", "??="] },
    { code: "this.ready && (this.ready = this.ready.then(next));", expected: ["this.ready", "this.ready.then(next)", "&&="] },
    { code: "this.ready || (other.ready = connect());", expected: undefined },
    { code: "ready || (other = connect());", expected: undefined },
    { code: "this.ready || (self.ready = connect());", expected: undefined },
    { code: "total + (total = next());", expected: undefined },
    { code: "this.ready || (this.ready += 1);", expected: undefined },
    { code: "this.get().ready || (this.get().ready = connect());", expected: undefined },
    { code: "var _a; (_a = this.a) !== null && _a !== void 0 ? _a : (this.b = load());", expected: undefined },
    { code: "var _a; (_a = this.a) !== null && _a !== void 0 ? _b : (this.a = load());", expected: undefined },
    { code: "ok ? this.ready : (this.ready = connect());", expected: undefined },
    { code: "!this.ready ? (this.ready = connect()) : this.ready;", expected: ["this.ready", "connect()", "??="] },
    { code: "this.ready === undefined ? (this.ready = connect()) : this.ready;", expected: ["this.ready", "connect()", "??="] },
    { code: "~this.index ? this.index : (this.index = find());", expected: ["this.index", "find()", "??="] },
    { code: "this.ready ? other : (this.ready = connect());", expected: undefined },
  ];
  for (const { code, expected } of cases) {
    it(code, () => {
      const found = loweredLogicalAssignment(statementExpression(code));
      assert.deepEqual(found && [found.target.getText(), found.value.getText(), ts.tokenToString(found.operator)], expected);
    });
  }
});

describe("isIncrementOrDecrement: an update of its operand", () => {
  const cases: [string, boolean][] = [
    ["x++;", true],
    ["x--;", true],
    ["++x;", true],
    ["--x;", true],
    ["!x;", false],
    ["-x;", false],
    ["+x;", false],
    ["~x;", false],
    ["x += 1;", false],
  ];
  for (const [code, expected] of cases) {
    it(code, () => {
      const statement = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true).statements[0];
      assert.ok(statement && ts.isExpressionStatement(statement));
      assert.equal(isIncrementOrDecrement(statement.expression), expected);
    });
  }
});
