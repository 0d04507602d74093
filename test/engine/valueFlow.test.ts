/**
 * The engine's value-flow analysis on its own: syntax in, exits and windows out. The questions
 * are answered by name here (the rules answer them with types): `p` is the tracked variable; a
 * use handles it unless it is a comparison, `typeof` or a condition; writing it gives up unless the
 * case answers `assigned` (see {@link ASSIGNED}).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ts from "typescript";
import { followValue, type ValueFlowPolicy, type ValueFlowQuestions, type ValueFlowResult } from "../../server/src/engine/valueFlow";

const STRICT: ValueFlowPolicy = { awaitSuspends: true, yieldSuspends: false, exceptions: true, optimistic: false };
const OPTIMISTIC: ValueFlowPolicy = { ...STRICT, optimistic: true };

function classify(identifier: ts.Identifier): ReturnType<ValueFlowQuestions["classify"]> {
  let node: ts.Node = identifier;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    if (parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return "write";
    if (parent.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken) return "inert";
  }
  if (ts.isTypeOfExpression(parent) || ts.isPrefixUnaryExpression(parent)) return "inert";
  if (ts.isIfStatement(parent) && parent.expression === node) return "inert";
  if (ts.isCallExpression(parent) && parent.expression === node) return "escape"; // `p()`: stands in for an escape
  return "handle";
}

interface Outcome {
  /** `kind@line` of each exit, in the order found. */
  exits: string[];
  /** `suspendLine->handleLine` of each window. */
  windows: string[];
}

/** Follows `p` (declared in the first statement of `f`'s body) and reports lines (1-based). */
function follow(body: string, policy: ValueFlowPolicy, extra: Partial<ValueFlowQuestions> = {}): Outcome | undefined {
  const text = `async function f() {\n${body}\n}`;
  const sourceFile = ts.createSourceFile("flow.ts", text, ts.ScriptTarget.ES2022, true);
  const fn = sourceFile.statements[0] as ts.FunctionDeclaration;
  const statement = fn.body!.statements[0] as ts.VariableStatement;
  const declaration = statement.declarationList.declarations[0];
  const questions: ValueFlowQuestions = {
    isTarget: (id) => id.text === "p" && id !== declaration.name && !ts.isPropertyAccessExpression(id.parent),
    classify,
    ...extra,
  };
  const result: ValueFlowResult | undefined = followValue(declaration, questions, policy);
  if (!result) return undefined;
  const line = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  return {
    exits: result.exits.map((exit) => `${exit.kind}@${line(exit.node)}`),
    windows: result.windows.map((window) => `${line(window.at)}->${line(window.handledAt)}`),
  };
}

/**
 * Follows the `var p` declared somewhere in `f`'s body with `varToItsScope` (or without). Every
 * identifier named `p` is a target, the declaration's name too (as the rules' typed questions answer).
 */
function followVar(body: string, policy: ValueFlowPolicy, extra: Partial<ValueFlowQuestions> = {}): string[] | undefined {
  const text = `async function f() {\n${body}\n}`;
  const sourceFile = ts.createSourceFile("flow.ts", text, ts.ScriptTarget.ES2022, true);
  let declaration: ts.VariableDeclaration | undefined;
  const find = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === "p") declaration ??= node;
    ts.forEachChild(node, find);
  };
  find(sourceFile);
  const result = followValue(declaration!, { isTarget: (id) => id.text === "p" && !ts.isPropertyAccessExpression(id.parent), classify, ...extra }, policy);
  const line = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  return result?.exits.map((exit) => `${exit.kind}@${line(exit.node)}`);
}

describe("engine/valueFlow: a `var` followed over its scope (varToItsScope)", () => {
  const VAR: ValueFlowPolicy = { ...OPTIMISTIC, varToItsScope: true };

  it("the end of the declaring block drops nothing; a return after it or the function's end does", () => {
    assert.deepEqual(followVar(`  if (c) {\n    var p = load();\n  }\n  await p;`, VAR), []);
    assert.deepEqual(followVar(`  if (c) {\n    var p = load();\n  }\n  if (d) return;\n  await p;`, VAR), ["return@5"]);
    assert.deepEqual(followVar(`  if (c) {\n    var p = load();\n  }\n  log();`, VAR), ["end@6"]);
    // Without the policy a `var` is followed over its block, like a `let`.
    assert.deepEqual(followVar(`  if (c) {\n    var p = load();\n  }\n  await p;`, OPTIMISTIC), ["end@4"]);
  });

  it("loops: on through the loop's exit and its breaks; the declaration's own name is no handling use", () => {
    assert.deepEqual(followVar(`  for (const x of xs) {\n    var p = load(x);\n  }\n  await p;`, VAR), []);
    assert.deepEqual(followVar(`  for (const x of xs) {\n    var p = load(x);\n  }\n  log();`, VAR), ["end@6"]);
    assert.deepEqual(followVar(`  while (true) {\n    var p = load();\n    if (c) break;\n  }\n  await p;`, VAR), []);
  });

  it("a `var` in a `catch` clause is reached from the `try`; one in a `case` clause through the `switch`", () => {
    assert.deepEqual(followVar(`  try {\n    log();\n  } catch {\n    var p = load();\n  }\n  await p;`, VAR), []);
    assert.deepEqual(followVar(`  try {\n    log();\n  } catch {\n    var p = load();\n  }\n  log();`, VAR), ["end@8"]);
    assert.deepEqual(followVar(`  switch (k) {\n    case 1:\n      var p = load();\n      break;\n  }\n  if (d) return;\n  await p;`, VAR), ["return@7"]);
  });

  it("an assignment in the statement that holds the declaration is followed too (after the value was handled there)", () => {
    const assigned: Partial<ValueFlowQuestions> = { assigned: (assignment) => (ts.isCallExpression(assignment.right) ? "track" : undefined) };
    const reassignedInBlock = `  if (c) {\n    var p = load();\n    await p;\n    p = load();\n  }\n  if (d) return;\n  await p;`;
    assert.deepEqual(followVar(reassignedInBlock, VAR, assigned), ["return@7"]);
    assert.deepEqual(followVar(reassignedInBlock.replace("  if (d) return;\n", ""), VAR, assigned), []);
  });
});

describe("engine/valueFlow", () => {
  it("a value handled on every path has no exit", () => {
    assert.deepEqual(follow(`  const p = load();\n  if (c) {\n    await p;\n  } else {\n    use(p);\n  }`, STRICT), { exits: [], windows: [] });
  });

  it("an early return with the value pending is a return exit", () => {
    assert.deepEqual(follow(`  const p = load();\n  if (c) return;\n  await p;`, STRICT), { exits: ["return@3"], windows: [] });
  });

  it("returning the value handles it", () => {
    assert.deepEqual(follow(`  const p = load();\n  if (c) return p;\n  await p;`, STRICT), { exits: [], windows: [] });
  });

  it("falling off the end with the value pending is an end exit at the closing brace", () => {
    assert.deepEqual(follow(`  const p = load();\n  if (c) await p;`, STRICT), { exits: ["end@4"], windows: [] });
  });

  it("a break out of the walked block is a jump exit; one inside it is not", () => {
    const outer = `async function f() {\n  for (;;) {\n    const p = load();\n    if (c) break;\n    await p;\n  }\n}`;
    const sourceFile = ts.createSourceFile("flow.ts", outer, ts.ScriptTarget.ES2022, true);
    const loop = (sourceFile.statements[0] as ts.FunctionDeclaration).body!.statements[0] as ts.ForStatement;
    const declaration = ((loop.statement as ts.Block).statements[0] as ts.VariableStatement).declarationList.declarations[0];
    const result = followValue(declaration, { isTarget: (id) => id.text === "p" && id !== declaration.name, classify }, STRICT);
    assert.deepEqual(result?.exits.map((exit) => exit.kind), ["jump"]);
    assert.deepEqual(follow(`  const p = load();\n  for (const x of xs) {\n    if (x) break;\n  }\n  await p;`, STRICT), { exits: [], windows: [] });
  });

  it("a handling use after a suspension is a window", () => {
    assert.deepEqual(follow(`  const p = load();\n  await other();\n  await p;`, STRICT), { exits: [], windows: ["3->4"] });
  });

  it("a wait that does not suspend opens no window", () => {
    const outcome = follow(`  const p = load();\n  await 0;\n  await p;`, STRICT, { isSuspension: (node) => !(ts.isAwaitExpression(node) && ts.isNumericLiteral(node.expression)) });
    assert.deepEqual(outcome, { exits: [], windows: [] });
  });

  it("without awaitSuspends an await is just an expression", () => {
    assert.deepEqual(follow(`  const p = load();\n  await other();\n  await p;`, { ...STRICT, awaitSuspends: false }), { exits: [], windows: [] });
  });

  it("a throw that leaves the walk with the value pending is a throw exit; one caught in the walk goes to the catch", () => {
    assert.deepEqual(follow(`  const p = load();\n  if (c) throw new Error("x");\n  await p;`, STRICT), { exits: ["throw@3"], windows: [] });
    assert.deepEqual(follow(`  const p = load();\n  try {\n    if (c) throw new Error("x");\n  } catch {\n    return;\n  }\n  await p;`, STRICT), { exits: ["return@6"], windows: [] });
  });

  it("without exceptions a catch clause is unreachable", () => {
    const body = `  const p = load();\n  try {\n    await other();\n  } catch {\n    return;\n  }\n  await p;`;
    assert.deepEqual(follow(body, { ...STRICT, exceptions: false, awaitSuspends: false }), { exits: [], windows: [] });
    assert.deepEqual(follow(body, { ...STRICT, awaitSuspends: false }), { exits: ["return@6"], windows: [] });
  });

  it("a finally that handles the value covers the normal path", () => {
    assert.deepEqual(follow(`  const p = load();\n  try {\n    work();\n  } finally {\n    await p;\n  }`, STRICT), { exits: [], windows: [] });
  });

  it("loops: a body that may run zero times leaves the value pending unless optimistic", () => {
    const body = `  const p = load();\n  for (const x of xs) {\n    await p;\n  }`;
    assert.deepEqual(follow(body, STRICT), { exits: ["end@6"], windows: [] });
    assert.deepEqual(follow(body, OPTIMISTIC), { exits: [], windows: [] });
  });

  it("loops: a return before the handling use inside the loop is found in both readings", () => {
    const body = `  const p = load();\n  for (const x of xs) {\n    if (x) return;\n    await p;\n  }`;
    assert.deepEqual(follow(body, OPTIMISTIC)?.exits, ["return@4"]);
    assert.deepEqual(follow(body, STRICT)?.exits, ["return@4", "end@7"]);
  });

  it("switch: a case without the handling use drops the value; optimistic still follows the return in it", () => {
    const body = `  const p = load();\n  switch (k) {\n    case 1:\n      return;\n    default:\n      await p;\n  }`;
    assert.deepEqual(follow(body, OPTIMISTIC)?.exits, ["return@5"]);
    const noDefault = `  const p = load();\n  switch (k) {\n    case 1:\n      await p;\n  }`;
    assert.deepEqual(follow(noDefault, STRICT)?.exits, ["end@7"]);
    assert.deepEqual(follow(noDefault, OPTIMISTIC)?.exits, []);
  });

  it("short circuits: a handling use on one side only, unless optimistic", () => {
    const body = `  const p = load();\n  c && use(p);`;
    assert.deepEqual(follow(body, STRICT)?.exits, ["end@4"]);
    assert.deepEqual(follow(body, OPTIMISTIC)?.exits, []);
  });

  it("settledWhen: the branch where a condition rules the value out holds nothing", () => {
    const body = `  const p = load();\n  if (!p) return;\n  await p;`;
    assert.deepEqual(follow(body, STRICT)?.exits, ["return@3"]);
    const settled = follow(body, STRICT, { settledWhen: (condition, outcome) => ts.isPrefixUnaryExpression(condition) && outcome });
    assert.deepEqual(settled?.exits, []);
  });

  it("labels: a labelled break to an enclosing walked statement stays in the walk", () => {
    assert.deepEqual(follow(`  const p = load();\n  outer: {\n    if (c) break outer;\n    work();\n  }\n  await p;`, STRICT), { exits: [], windows: [] });
  });

  it("a closure that refers to the value handles it from there on", () => {
    assert.deepEqual(follow(`  const p = load();\n  setTimeout(() => use(p));\n  if (c) return;`, STRICT), { exits: [], windows: [] });
  });

  it("gives up on a write, an escape, an unknown statement or a spent budget", () => {
    assert.equal(follow(`  let p = load();\n  p = other();\n  await p;`, STRICT), undefined);
    assert.equal(follow(`  const p = load();\n  p();`, STRICT), undefined);
    assert.equal(follow(`  const p = load();\n  with (o) { use(p); }`, STRICT), undefined);
    assert.equal(follow(`  const p = load();\n${"  work();\n".repeat(50)}  await p;`, { ...STRICT, budget: 40 }), undefined);
    assert.notEqual(follow(`  const p = load();\n${"  work();\n".repeat(50)}  await p;`, STRICT), undefined);
  });
  // Cases added from the surviving mutants of `npm run mutate -- --mutate server/src/engine/valueFlow.ts`.

  it("the last statement returning the value handles it: nothing after a return is pending", () => {
    assert.deepEqual(follow(`  const p = load();\n  return p;`, STRICT), { exits: [], windows: [] });
  });

  it("later declarators of the same statement are walked, in order", () => {
    assert.deepEqual(follow(`  const p = load(), q = use(p), r = 1;`, STRICT), { exits: [], windows: [] });
    assert.deepEqual(follow(`  const p = load(), q = 1;`, STRICT)?.exits, ["end@3"]);
  });

  it("a loop runs to its fixed point: a wait in the body opens a window for a use after the loop", () => {
    assert.deepEqual(follow(`  const p = load();\n  while (c) {\n    await other();\n  }\n  await p;`, STRICT), { exits: [], windows: ["4->6"] });
  });

  it("break leaves the loop, continue goes back to its head", () => {
    assert.deepEqual(follow(`  const p = load();\n  for (;;) {\n    if (x) break;\n    await p;\n  }`, STRICT)?.exits, ["end@7"]);
    assert.deepEqual(follow(`  const p = load();\n  for (;;) {\n    if (x) continue;\n    await p;\n    break;\n  }`, STRICT)?.exits, []);
  });

  it("switch: a default clause means the entry does not fall past the switch; break ends a case", () => {
    assert.deepEqual(follow(`  const p = load();\n  switch (k) {\n    case 1:\n      await p;\n      break;\n    default:\n      await p;\n  }`, STRICT)?.exits, []);
    assert.deepEqual(follow(`  const p = load();\n  switch (k) {\n    case 1:\n      break;\n    default:\n      break;\n  }\n  await p;`, STRICT), { exits: [], windows: [] });
  });

  it("labels: a labelled block that a break leaves continues after the block", () => {
    assert.deepEqual(follow(`  const p = load();\n  block: {\n    if (c) break block;\n    await p;\n  }\n  return;`, STRICT)?.exits, ["return@7"]);
  });

  it("labels: an unlabelled break inside a labelled block leaves the loop around it, not the block", () => {
    const body = `  const p = load();\n  for (;;) {\n    block: {\n      if (c) break;\n      work();\n    }\n    await p;\n    break;\n  }`;
    assert.deepEqual(follow(body, STRICT)?.exits, ["end@11"]);
  });

  it("for-of and for-in: the iterated expression and an assigned target are uses", () => {
    assert.deepEqual(follow(`  const p = load();\n  for (const x of p) {\n    work(x);\n  }`, STRICT)?.exits, []);
    assert.deepEqual(follow(`  const p = load();\n  for (o[p] of xs) {\n    work();\n  }`, STRICT)?.exits, []);
  });

  it("for await suspends at each step: a use after the loop is a window", () => {
    assert.deepEqual(follow(`  const p = load();\n  for await (const x of xs) {\n    work(x);\n  }\n  await p;`, STRICT), { exits: [], windows: ["3->6"] });
  });

  it("types are not uses; a closure or class without the value changes nothing; a closure with it is never walked into", () => {
    assert.deepEqual(follow(`  const p = load();\n  const q = other() as typeof p;`, STRICT)?.exits, ["end@4"]);
    assert.deepEqual(follow(`  const p = load();\n  run(() => q);\n  class C {}`, STRICT)?.exits, ["end@5"]);
    assert.deepEqual(follow(`  const p = load();\n  run(() => p());`, STRICT), { exits: [], windows: [] });
  });

  it("nothing is walked once the value is handled (a later write in the same expression or a settled branch is not seen)", () => {
    assert.deepEqual(follow(`  let p = load();\n  f(await p, (p = other()));`, STRICT), { exits: [], windows: [] });
    const settled = follow(`  let p = load();\n  if (!p) p = other();\n  await p;`, STRICT, { settledWhen: (condition, outcome) => ts.isPrefixUnaryExpression(condition) && outcome });
    assert.deepEqual(settled, { exits: [], windows: [] });
  });

  it("optimistic: only a loop that contains a handling use of the value counts as handling it", () => {
    assert.deepEqual(follow(`  const p = load();\n  for (const x of xs) {\n    use(x);\n  }`, OPTIMISTIC)?.exits, ["end@6"]);
  });

  it("throws: a throw that handles the value is no exit; without exceptions a throw in a try does not reach its catch", () => {
    assert.deepEqual(follow(`  const p = load();\n  throw wrap(p);`, STRICT), { exits: [], windows: [] });
    const body = `  const p = load();\n  try {\n    if (c) throw new Error("x");\n  } catch {\n    return;\n  }\n  await p;`;
    assert.deepEqual(follow(body, { ...STRICT, exceptions: false })?.exits, []);
  });

  it("throws: a rethrow in a catch passes through its finally; after the try statement a throw leaves the walk again", () => {
    const withFinally = `  const p = load();\n  try {\n    if (c) throw e1;\n  } catch {\n    throw e2;\n  } finally {\n    await p;\n  }`;
    assert.deepEqual(follow(withFinally, STRICT)?.exits, []);
    const after = `  const p = load();\n  try {\n    if (c) throw e1;\n  } catch {\n    log();\n  } finally {\n    log();\n  }\n  if (d) throw e3;\n  await p;`;
    assert.deepEqual(follow(after, STRICT)?.exits, ["throw@10"]);
    const nested = `  const p = load();\n  try {\n    try {\n      if (c) throw e1;\n    } catch {\n      log();\n    }\n    if (d) throw e2;\n  } catch {\n    return;\n  }\n  await p;`;
    assert.deepEqual(follow(nested, STRICT)?.exits, ["return@11"]);
  });

  it("an error that is not the walk giving up propagates", () => {
    assert.throws(() => follow(`  const p = load();\n  await p;`, STRICT, { classify: () => { throw new Error("question failed"); } }), /question failed/);
  });

  describe("plain assignments, followed where the caller answers `assigned`", () => {
    /** `p = load()`/`p = p.then(f)` store a value to track, `p = undefined` nothing, anything else is unclear. */
    const ASSIGNED: Partial<ValueFlowQuestions> = {
      assigned: (assignment) => {
        const value = assignment.right;
        if (ts.isIdentifier(value) && value.text === "undefined") return "none";
        return ts.isCallExpression(value) ? "track" : undefined;
      },
    };

    it("an assignment while the value is pending drops it there (an overwrite exit); the new value is followed", () => {
      assert.deepEqual(follow(`  let p = load();\n  p = load();\n  await p;`, STRICT, ASSIGNED), { exits: ["overwrite@3"], windows: [] });
      assert.deepEqual(follow(`  let p = load();\n  if (c) p = load();\n  if (d) return;\n  await p;`, STRICT, ASSIGNED), { exits: ["overwrite@3", "return@4"], windows: [] });
    });

    it("after the value is handled the walk goes on: a new value dropped by a return is an exit", () => {
      assert.deepEqual(follow(`  let p = load();\n  await p;\n  p = load();\n  if (c) return;\n  await p;`, STRICT, ASSIGNED), { exits: ["return@5"], windows: [] });
      assert.deepEqual(follow(`  let p = load();\n  if (c) return;\n  await p;\n  p = load();\n  await p;`, STRICT, ASSIGNED), { exits: ["return@3"], windows: [] });
      assert.deepEqual(follow(`  let p = load();\n  await p;\n  p = load();\n  await p;`, STRICT, ASSIGNED), { exits: [], windows: [] });
    });

    it("the right side is walked before the write: `p = chain(p)` hands the old value on", () => {
      assert.deepEqual(follow(`  let p = load();\n  p = chain(p);\n  if (c) return;\n  await p;`, STRICT, ASSIGNED), { exits: ["return@4"], windows: [] });
    });

    it("an assignment of nothing to track ends the value; an unclear one gives up", () => {
      assert.deepEqual(follow(`  let p = load();\n  await p;\n  p = undefined;\n  if (c) return;`, STRICT, ASSIGNED), { exits: [], windows: [] });
      assert.equal(follow(`  let p = load();\n  await p;\n  p = other;\n  await p;`, STRICT, ASSIGNED), undefined);
    });

    it("an assignment no path reaches brings no value", () => {
      assert.deepEqual(follow(`  let p = load();\n  if (c) {\n    await p;\n    return;\n    p = load();\n  }\n  await p;`, STRICT, ASSIGNED), { exits: [], windows: [] });
    });

    it("loops: followed while no value is pending on the way round; a pending one there gives up (retry, prefetch)", () => {
      const handledEachPass = `  let p = load();\n  await p;\n  for (const x of xs) {\n    p = load();\n    await p;\n  }\n  if (c) return;`;
      assert.deepEqual(follow(handledEachPass, STRICT, ASSIGNED), { exits: [], windows: [] });
      const breakAwaitedAfter = `  let p = load();\n  await p;\n  for (const x of xs) {\n    p = load();\n    if (x) break;\n    await p;\n  }\n  await p;`;
      assert.deepEqual(follow(breakAwaitedAfter, STRICT, ASSIGNED), { exits: [], windows: [] });
      const pendingOnContinue = `  let p = load();\n  await p;\n  for (const x of xs) {\n    p = load();\n    if (x) continue;\n    await p;\n  }\n  await p;`;
      assert.equal(follow(pendingOnContinue, STRICT, ASSIGNED), undefined);
      const retry = `  let p = load();\n  while (!ok) {\n    try {\n      await p;\n      ok = true;\n    } catch {\n      p = load();\n    }\n  }`;
      assert.equal(follow(retry, STRICT, ASSIGNED), undefined);
    });

    it("a closure that refers to the variable gives up (it may run after an assignment); an assignment inside one is a use", () => {
      assert.equal(follow(`  let p = load();\n  await p;\n  run(() => use(p));\n  p = load();\n  await p;`, STRICT, ASSIGNED), undefined);
      assert.deepEqual(follow(`  let p = load();\n  run(() => { p = load(); });\n  if (c) return;`, STRICT, ASSIGNED), { exits: [], windows: [] });
    });

    it("a window of the new value is found; other writes still give up", () => {
      assert.deepEqual(follow(`  let p = load();\n  await p;\n  p = load();\n  await other;\n  await p;`, STRICT, ASSIGNED), { exits: [], windows: ["5->6"] });
      assert.equal(follow(`  let p = load();\n  (p) = load();\n  await p;`, STRICT, ASSIGNED), undefined);
    });
  });
});
