/** Syntax helpers shared by rules. Pure syntax: no type questions here (those live in typeOracle.ts). */
import * as ts from "typescript";
import { skipParens } from "./typeOracle";

/**
 * Calls `enter` for `root` and every node below it, parents before children, children in source
 * order (the order of recursive `ts.forEachChild`), with an explicit stack: a file nested
 * thousands of levels deep (a long `a + b + …` chain, which TypeScript compiles) must not
 * overflow the call stack. `enter` returning `false` skips the node's children.
 */
export function walkTree(root: ts.Node, enter: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): undefined => {
    children.push(child);
    return undefined;
  };
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (enter(node) === false) continue;
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
}

/** The nearest enclosing function-like node, or undefined at module/script top level. */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
    if (ts.isClassStaticBlockDeclaration(current)) return undefined;
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

export function isAsyncFunction(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/**
 * Whether `await` may be written at `node`: inside an async function body, or at the top level
 * of a module that supports top-level await. Parameters and class field initializers don't count.
 */
export function awaitAllowedAt(node: ts.Node, topLevelAwait: (sf: ts.SourceFile) => boolean): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const body = (current as ts.FunctionLikeDeclaration).body;
      return isAsyncFunction(current) && body !== undefined && isAncestorOrSelf(body, node);
    }
    if (ts.isClassStaticBlockDeclaration(current) || ts.isPropertyDeclaration(current)) return false;
    if (ts.isSourceFile(current)) return topLevelAwait(current);
  }
  return false;
}

export function isAncestorOrSelf(ancestor: ts.Node, node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Whether `expr` must be parenthesized to be the operand of a prefix operator (`await`, `void`). */
export function needsParensAsUnaryOperand(expr: ts.Expression): boolean {
  switch (expr.kind) {
    case ts.SyntaxKind.BinaryExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.YieldExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.CommaListExpression:
      return true;
    default:
      return false;
  }
}

/** Whether `expr` must be parenthesized before a member access is appended (`expr.catch(...)`). */
export function needsParensAsMemberObject(expr: ts.Expression): boolean {
  switch (expr.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.SuperKeyword:
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ObjectLiteralExpression:
      return false;
    case ts.SyntaxKind.NewExpression:
      return (expr as ts.NewExpression).arguments === undefined;
    default:
      return true;
  }
}

/**
 * The parameters a call's arguments fill, in order: all of them but TypeScript's `this` parameter
 * (`function onEvent(this: Emitter, name: string)` takes `name` from the first argument).
 */
export function argumentParameters(fn: ts.SignatureDeclaration): readonly ts.ParameterDeclaration[] {
  const [first] = fn.parameters;
  return first && ts.isIdentifier(first.name) && first.name.text === "this" ? fn.parameters.slice(1) : fn.parameters;
}

/** True when inserting `(` at the start of `statement` could glue it to the previous line (ASI hazard). */
export function startsAfterUnterminatedStatement(statement: ts.Statement, sourceFile: ts.SourceFile): boolean {
  const parent = statement.parent;
  const siblings: readonly ts.Statement[] | undefined =
    ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)
      ? parent.statements
      : undefined;
  if (!siblings) return false;
  const index = siblings.indexOf(statement);
  if (index <= 0) return false;
  const previous = siblings[index - 1];
  const text = sourceFile.text;
  const lastChar = text[previous.getEnd() - 1];
  return lastChar !== ";" && lastChar !== "}";
}

export function isFunctionExpressionLike(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** For a function called where it is written (`(async () => { ... })()`, `(function () { ... })()`): that call. */
export function callWhereWritten(fn: ts.Node): ts.CallExpression | undefined {
  let node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
}

/**
 * Whether the two sides of an equality are equal where the comparison evaluates to `outcome`:
 * `outcome` for `===`/`==`, its opposite for `!==`/`!=`, undefined for any other operator.
 *
 * @example
 * // if (cb === undefined) { …here `outcome` is true: equal }  → equalWhen(===, true) === true
 * // if (cb !== undefined) { …else branch: `outcome` false }   → equalWhen(!==, false) === true
 */
export function equalWhen(operator: ts.SyntaxKind, outcome: boolean): boolean | undefined {
  if (operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) return outcome;
  if (operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken) return !outcome;
  return undefined;
}

/** `=`, `+=`, …, `??=`: TypeScript numbers the assignment operators as one range. */
export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** `&&=`, `||=`, `??=`: they store their right side as it is, when they store it. */
export function isLogicalAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken;
}

/**
 * The operands whose value an expression may give, each as written (with its own parentheses):
 * seen through parentheses, `as`, `satisfies`, `!` and `<T>` (they keep the value), a conditional's
 * branches, both sides of `??` and `||`, and the right of `&&` (its left is kept only when falsy,
 * never a function or an object) and of a comma. Anything else is its own operand:
 * `options.onError ?? (async (error) => { ... })` gives `options.onError` and `(async (error) => { ... })`.
 */
export function valueOperands(expression: ts.Expression): ts.Expression[] {
  const node = skipParens(expression);
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    return valueOperands(node.expression);
  }
  if (ts.isConditionalExpression(node)) return [...valueOperands(node.whenTrue), ...valueOperands(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return [...valueOperands(node.left), ...valueOperands(node.right)];
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.CommaToken) return valueOperands(node.right);
  }
  return [expression];
}

/**
 * A logical assignment written out, the way compilers lower `??=`, `||=` and `&&=` for older
 * targets and people write them by hand: `L || (L = R)`, `L ?? (L = R)`, `L && (L = R)`, and the
 * conditional forms `(_a = L) !== null && _a !== void 0 ? _a : (L = R)` (TypeScript and Babel for
 * `L ??= R`) and `L != null ? L : (L = R)` (esbuild), either branch first, the condition testing
 * `L` (its first operand is `L`, `!L`, `~L` or `(_a = L)`). `L` is a name or a property chain on `this`
 * or a name (no call, no computed key), the same on both sides; in the conditional form the kept
 * branch is `L` or a temporary the condition assigns from `L`. The value is `L`'s own value or
 * `R`, stored in `L`: the same as the `operator` form. Undefined for anything else.
 *
 * @example
 * // (_a = this.mePromise) !== null && _a !== void 0 ? _a : (this.mePromise = withRetries(...))
 * //   → { target: this.mePromise (the written one), value: withRetries(...), operator: ??= }
 * // this.ready || (this.ready = connect())   → { target: this.ready, value: connect(), operator: ||= }
 * // this.ready || (other.ready = connect())  → undefined (another reference)
 */
export function loweredLogicalAssignment(expression: ts.Expression): { target: ts.Expression; value: ts.Expression; operator: ts.SyntaxKind } | undefined {
  const node = skipParens(expression);
  const store = (written: ts.Expression, kept: ts.Expression): { target: ts.Expression; value: ts.Expression } | undefined => {
    const assignment = skipParens(written);
    if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    return sameReference(assignment.left, kept) ? { target: assignment.left, value: assignment.right } : undefined;
  };
  if (ts.isBinaryExpression(node)) {
    const operator = LOWERED_OPERATORS.get(node.operatorToken.kind);
    if (operator === undefined) return undefined;
    const found = store(node.right, skipParens(node.left));
    return found && { ...found, operator };
  }
  if (!ts.isConditionalExpression(node)) return undefined;
  // The condition tests the kept value: its first operand is `L` (`L != null ? L : ...`) or assigns
  // the temporary from `L` (`(_a = L) !== null && ...`); `ready ? this.p : (this.p = load())` tests
  // something else, and sets `this.p` whatever it holds.
  let first: ts.Expression = skipParens(node.condition);
  while (ts.isBinaryExpression(first) && first.operatorToken.kind !== ts.SyntaxKind.EqualsToken) first = skipParens(first.left);
  while (ts.isPrefixUnaryExpression(first)) first = skipParens(first.operand); // `!L`, `~L` (a -1 sentinel) test `L` too
  const tested = first;
  const branches = (written: ts.Expression, keptBranch: ts.Expression): { target: ts.Expression; value: ts.Expression } | undefined => {
    const kept = skipParens(keptBranch);
    if (sameReference(tested, kept)) return store(written, kept);
    // `(_a = L) !== null && _a !== void 0 ? _a : (L = R)`: the kept branch is the temporary.
    if (!ts.isIdentifier(kept) || !ts.isBinaryExpression(tested) || !ts.isIdentifier(tested.left) || tested.left.text !== kept.text) return undefined;
    return store(written, skipParens(tested.right));
  };
  const found = branches(node.whenFalse, node.whenTrue) ?? branches(node.whenTrue, node.whenFalse);
  return found && { ...found, operator: ts.SyntaxKind.QuestionQuestionEqualsToken };
}

const LOWERED_OPERATORS = new Map<ts.SyntaxKind, ts.SyntaxKind>([
  [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.BarBarEqualsToken],
  [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.QuestionQuestionEqualsToken],
  [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken],
]);

/** `a` and `b` name the same place: the same name, or the same property chain on `this` or a name. */
function sameReference(a: ts.Expression, b: ts.Expression): boolean {
  const left = skipParens(a);
  const right = skipParens(b);
  if (ts.isIdentifier(left)) return ts.isIdentifier(right) && left.text === right.text;
  if (left.kind === ts.SyntaxKind.ThisKeyword) return right.kind === ts.SyntaxKind.ThisKeyword;
  if (!ts.isPropertyAccessExpression(left) || !ts.isPropertyAccessExpression(right) || left.questionDotToken || right.questionDotToken) return false;
  return left.name.text === right.name.text && sameReference(left.expression, right.expression);
}

/** `x++`, `x--`, `++x`, `--x`: an update of its operand (every postfix operator is one; `!x`, `-x` are not). */
export function isIncrementOrDecrement(node: ts.Node): node is ts.PrefixUnaryExpression | ts.PostfixUnaryExpression {
  return ts.isPostfixUnaryExpression(node) || (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken));
}

export function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind);
}

/**
 * `p = ...`, `p ??= ...`, `[p] = ...`, `({ p } = ...)`, `({ key: p } = ...)`, `for (p of ...)`,
 * `for ([p] of ...)`: the identifier is assigned. (A default inside a pattern, `[p = x] = ...`, is
 * itself an assignment `p = x`.)
 */
export function isAssignmentTarget(node: ts.Node): boolean {
  let current = node;
  let parent = current.parent;
  while (
    ts.isShorthandPropertyAssignment(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isSpreadAssignment(parent) ||
    ts.isPropertyAssignment(parent) || // `{ key: p }`: a target is never the key (`isValueReference`)
    ts.isArrayLiteralExpression(parent) ||
    ts.isObjectLiteralExpression(parent)
  ) {
    current = parent;
    parent = current.parent;
  }
  if (ts.isBinaryExpression(parent)) return isAssignment(parent) && parent.left === current;
  return (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === current;
}

/** `undefined` or `null` written literally (`p.then(onFulfilled, undefined)` passes no handler). */
export function isUndefinedOrNullLiteral(node: ts.Expression): boolean {
  return (ts.isIdentifier(node) && node.text === "undefined") || node.kind === ts.SyntaxKind.NullKeyword;
}

/** A module specifier without its `node:` scheme: `node:fs` and `fs` name the same built-in module. */
export function stripNodePrefix(module: string): string {
  return module.startsWith("node:") ? module.slice(5) : module;
}

/**
 * Whether a variable, parameter, function or class of the same name as `name` is declared again
 * inside `scope` (in an inner block, a callback, a nested function): there the name means another
 * variable, so a pass that matches uses by name alone sees uses that are not this variable's, and
 * only the typed pass can decide. Used by `floating-promise` and `unhandled-rejection-window`.
 */
export function declaresNameAgain(scope: ts.Node, name: ts.Identifier): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      found =
        node !== name &&
        node.text === name.text &&
        (ts.isVariableDeclaration(parent) || ts.isBindingElement(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassLike(parent)) &&
        parent.name === node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/**
 * Whether an identifier can refer to a variable at run time: not a property name, label, type
 * name, the name a declaration introduces, or a name inside a type (`typeof p` in a type).
 */
export function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent)) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassLike(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isExportSpecifier(parent) ||
      ts.isJsxAttribute(parent)) &&
    (parent as ts.NamedDeclaration).name === node
  ) {
    return false;
  }
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent)) return false;
  return true;
}

/** The expressions of the `return` statements of a function body (undefined for a bare `return`). */
export function returnedExpressions(body: ts.Block): (ts.Expression | undefined)[] {
  const found: (ts.Expression | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/**
 * Whether a `break` or `continue` in `statement` (outside nested functions) jumps to a point
 * outside it: it ends or continues a loop, a `switch` or a labeled statement around `statement`.
 * One that ends a loop or `switch` inside `statement`, or `statement` itself, does not.
 */
export function jumpsOutOf(statement: ts.Statement): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isBreakOrContinueStatement(node) && !jumpTargetWithin(node, statement)) found = true;
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** Whether the loop, `switch` or labeled statement that `jump` ends or continues is `root` or inside it. */
function jumpTargetWithin(jump: ts.BreakOrContinueStatement, root: ts.Node): boolean {
  for (let node: ts.Node = jump.parent; ; node = node.parent) {
    const label = jump.label?.text;
    const isTarget = label !== undefined
      ? ts.isLabeledStatement(node) && node.label.text === label
      : ts.isIterationStatement(node, false) || (ts.isBreakStatement(jump) && ts.isSwitchStatement(node));
    if (isTarget) return true;
    if (node === root) return false;
  }
}

/**
 * When `child` is the right operand of `node`, `a && b` or `a || b` (through parentheses): the left
 * operand and the truth value it had for the right one to run (`true` after `&&`, `false` after `||`).
 */
export function shortCircuitGuard(node: ts.Node, child: ts.Node): { condition: ts.Expression; when: boolean } | undefined {
  if (!ts.isBinaryExpression(node) || node.right !== child) return undefined;
  if (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return { condition: node.left, when: true };
  if (node.operatorToken.kind === ts.SyntaxKind.BarBarToken) return { condition: node.left, when: false };
  return undefined;
}

/**
 * The operands whose truth value is known when `condition` evaluates to `when`, each with that value:
 * through parentheses, `!`, `&&` (when true) and `||` (when false). `!this.conn && ready` true gives
 * `this.conn` false and `ready` true; `a && b` false proves nothing about either.
 */
export function knownOperands(condition: ts.Expression, when: boolean): { operand: ts.Expression; when: boolean }[] {
  const node = skipParens(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return knownOperands(node.operand, !when);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return when ? [...knownOperands(node.left, true), ...knownOperands(node.right, true)] : [];
    if (operator === ts.SyntaxKind.BarBarToken) return when ? [] : [...knownOperands(node.left, false), ...knownOperands(node.right, false)];
  }
  return [{ operand: node, when }];
}
