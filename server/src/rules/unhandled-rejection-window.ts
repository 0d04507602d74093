/**
 * unhandled-rejection-window: a promise that is started, then left without a rejection handler
 * while the function waits for something else (or throws), and handled only afterwards.
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), the cheap
 * gates that decide which declarations are worth a look, the path walk that finds the window,
 * then the fixes.
 */
import * as ts from "typescript";
import { declaresNameAgain, isAssignmentTarget, isAsyncFunction, isUndefinedOrNullLiteral, isValueReference } from "../engine/astUtils";
import { positionOf } from "../engine/lines";
import { rejectionFacts } from "../engine/rejection";
import { firstByPosition, followValue, type UseEffect } from "../engine/valueFlow";
import type { PromiseQuery, VariableHandle } from "../engine/typeOracle";
import { skipExpressionWrappers, skipParens } from "../engine/typeOracle";
import type { Fix, RuleContext, RuleModule } from "../engine/types";

// ---------------------------------------------------------------------------------------------
// Options and messages

export interface UnhandledRejectionWindowOptions {
  checkThenables: boolean;
  checkThrows: boolean;
}

const messages = {
  window:
    "The promise in `{{name}}` has no rejection handler while the function waits at {{wait}} (line {{line}}): if it rejects meanwhile, {{rejection}}. Start both and await them together with `Promise.all`, or attach a handler when it is created.",
  windowYield:
    "The promise in `{{name}}` has no rejection handler while the async generator is paused at `yield` (line {{line}}): the consumer decides when it resumes, and if the promise rejects meanwhile, {{rejection}}. Await or handle it before the `yield`, or attach a handler when it is created.",
  throwWindow:
    "The promise in `{{name}}` has no rejection handler when the `throw` at line {{line}} leaves {{scope}}: nothing can handle it after that, so if it rejects, {{rejection}}. Await or handle it before throwing, or attach a handler when it is created.",
} as const;

type MessageId = keyof typeof messages;

/** One-line summaries for output that gives a finding one line (stylish). */
const summaries: Record<MessageId, string> = {
  window: "`{{name}}` has no rejection handler while the function awaits (line {{line}})",
  windowYield: "`{{name}}` has no rejection handler while paused at `yield` (line {{line}})",
  throwWindow: "`{{name}}` has no rejection handler when the `throw` at line {{line}} leaves",
};

/** `{{rejection}}`: what an unhandled rejection does where the program runs (Node.js exits, a browser logs it). */
function rejectionOutcome(runsOnNode: boolean): string {
  return runsOnNode
    ? "Node.js reports an unhandled rejection and, by default, exits"
    : "it is reported as an unhandled rejection (in a browser, an `Uncaught (in promise)` console error and an `unhandledrejection` event)";
}

// ---------------------------------------------------------------------------------------------
// The rule

export const unhandledRejectionWindow: RuleModule<UnhandledRejectionWindowOptions> = {
  meta: {
    id: "unhandled-rejection-window",
    defaultSeverity: "warning",
    requiresTypes: true,
    messages,
    summaries,
    optionsSchema: {
      type: "object",
      properties: {
        checkThenables: {
          type: "boolean",
          description: "Treat any value with a callable `then` as a promise, not only the built-in `Promise`.",
        },
        checkThrows: {
          type: "boolean",
          description: "Also report a `throw` that leaves the scope while the promise has no handler.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkThenables: false, checkThrows: true },
    docs: {
      description: "A started promise must get its rejection handler before the function waits for something else.",
      rationale: [
        "Starting two operations and then awaiting them one after the other looks like harmless",
        "concurrency, but it leaves a window: while the function is suspended at the first `await`,",
        "the second promise has no rejection handler yet. Node.js checks for unhandled rejections each",
        "time the microtask queue drains, so if the second promise rejects before the function reaches",
        "its `await`, Node.js reports an unhandled rejection and, by default, exits the process. The",
        "later `await` comes too late to help. If the first `await` throws, the second promise is never",
        "handled at all. (Messages say that Node.js exits only where the program is typed for Node.js,",
        "that is where `@types/node` declares the `NodeJS` namespace; in code typed for the DOM only,",
        "a browser logs the rejection and fires `unhandledrejection`.)",
        "",
        "The rule follows each `const` or `let` variable initialized with a call that returns a",
        "built-in `Promise`, path by path, from its creation to the point where a handler is attached:",
        "an `await`, a `.then()`/`.catch()`/`.finally()` call, passing it to a call (`Promise.all([...])`,",
        "`track(p)`), returning, yielding or storing it, or a closure that refers to it. It reports the",
        "variable when, on some path, the function first waits for something else (another `await`,",
        "a `for await` loop, or a `yield` in an async generator, whose consumer decides when it",
        "resumes) and the promise is handled only afterwards. A conditional `await` opens the window on",
        "the path where it runs. An `await` whose operand contains the promise (`await p`,",
        "`await Promise.all([p, q])`) attaches the handler before waiting, so it closes the window",
        "instead. Async functions, async generators and the top level of ES modules (top-level",
        "`await`) are checked; class static blocks are not.",
        "",
        "A `throw` that leaves the variable's scope (not caught by a `try` inside it) while the promise",
        "has no handler is reported too: nothing can handle the promise afterwards (option",
        "`checkThrows`).",
        "",
        "Precision, by design:",
        "",
        "- In a loop, the state carries over iterations: an `await` in the loop body after the creation",
        "  and before the handling counts, also when the handling comes in a later iteration. A handler",
        "  attached in an earlier iteration stays attached, so it does close the window for the same",
        "  promise; a variable declared inside the loop body is a new promise in each iteration and is",
        "  followed from its own declaration.",
        "- Paths on which the promise is never handled are `floating-promise`'s job (a dropped",
        "  promise), except for explicit `throw`, which that rule leaves to this one. Calls that",
        "  might throw are not followed.",
        "- `await` in a nested function does not count; neither does `await` on a value whose type is",
        "  not thenable, nor `await Promise.resolve()` or `await Promise.resolve(value)` of a value not",
        "  known to be a promise: those only yield to the microtask queue, which drains before Node.js",
        "  looks for unhandled rejections. `await Promise.resolve(other())` waits for `other()`, and is a",
        "  wait like any other.",
        "- Promises that cannot reject unhandled are skipped: `p.catch(f)`, `p.then(f, r)`,",
        "  `Promise.allSettled(...)`, `Promise.resolve(value)` of a value not known to be a promise,",
        "  and `new Promise((resolve) => ...)` whose executor takes no `reject` parameter.",
        "  `Promise.resolve(load())` adopts the promise `load()` returns and rejects with it: it is",
        "  followed like `load()` itself. Beyond these forms, a promise the engine's rejection facts",
        "  show cannot reject is skipped, as `floating-promise` skips it by default: `.then(f)` where",
        "  `f` cannot throw on a handled or settled promise (the Cassandra driver's",
        "  `resolve6(name).catch(() => {}).then((r) => r || emptyArray)`), `Promise.allSettled(list)`",
        "  of an array, `Set` or `Map`, and a call of a project async function that cannot reject.",
        "- `Promise` means the global constructor of the default lib (also `globalThis.Promise` or a",
        "  `const` copy), decided from its declaration, not its name: a project's own `class Promise`",
        "  (or one imported from a library) gets none of these exceptions; its values are judged by their",
        "  type like any other call's.",
        "- Values typed `any` or `unknown` are never reported; a variable that is reassigned, or used",
        "  by a hoisted function declaration, is not followed; nor is a `using` or `await using`",
        "  declaration (a promise that is also disposable): the scope's disposal owns its value, and",
        "  what disposing a pending one does is the type's own contract.",
        "- As a cheap first gate, the initializer must call a function or method whose name is declared",
        "  somewhere in the program as `async` or with a written `Promise` return type, or be",
        "  `new Promise(...)`. A promise from a function whose promise-ness is only inferred (an unannotated",
        "  arrow returning `fetch(...)`), whose written type names a subclass of `Promise`, or from a",
        "  call with no name (`getLoader()()`) is missed. With `checkThenables` the gate is off.",
      ].join("\n"),
      incorrect: [
        {
          title: "The second request rejects while the first is awaited",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function fetchPosts(id: string): Promise<string[]>;",
            "",
            "export async function page(id: string) {",
            "  const user = fetchUser(id);",
            "  const posts = await fetchPosts(id);",
            "  return { user: await user, posts };",
            "}",
          ].join("\n"),
          reportedAt: { line: 5, column: 9 },
        },
        {
          title: "Both started, then awaited one by one: `b` waits while `a` is awaited",
          code: [
            "declare function load(name: string): Promise<string>;",
            "",
            "export async function both() {",
            "  const a = load(\"a\");",
            "  const b = load(\"b\");",
            "  return (await a) + (await b);",
            "}",
          ].join("\n"),
          reportedAt: { line: 5, column: 9 },
        },
        {
          title: "A conditional `await` opens the window on its path",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function audit(id: string): Promise<void>;",
            "",
            "export async function greet(id: string, log: boolean) {",
            "  const user = fetchUser(id);",
            "  if (log) await audit(id);",
            "  return (await user).name;",
            "}",
          ].join("\n"),
          reportedAt: { line: 5, column: 9 },
        },
        {
          title: "A `throw` before the promise is handled",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "",
            "export async function greet(id: string, name: string) {",
            "  const user = fetchUser(id);",
            "  if (name === \"\") throw new Error(\"no name\");",
            "  return (await user).name + name;",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 9 },
        },
      ],
      correct: [
        {
          title: "Started together, awaited together",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function fetchPosts(id: string): Promise<string[]>;",
            "",
            "export async function page(id: string) {",
            "  const [user, posts] = await Promise.all([fetchUser(id), fetchPosts(id)]);",
            "  return { user, posts };",
            "}",
          ].join("\n"),
        },
        {
          title: "A handler attached before the other `await`",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function fetchPosts(id: string): Promise<string[]>;",
            "",
            "export async function page(id: string) {",
            "  const user = fetchUser(id);",
            "  user.catch(() => undefined); // marks it handled now; awaiting it later still throws the rejection",
            "  const posts = await fetchPosts(id);",
            "  return { user: await user, posts };",
            "}",
          ].join("\n"),
        },
        {
          title: "The other `await` includes the promise",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function fetchPosts(id: string): Promise<string[]>;",
            "",
            "export async function page(id: string) {",
            "  const user = fetchUser(id);",
            "  const posts = fetchPosts(id);",
            "  const first = await Promise.race([user, posts]);",
            "  return [first, await user, await posts];",
            "}",
          ].join("\n"),
        },
        {
          title: "An `await` in a nested function is not a wait of this function",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function audit(id: string): Promise<void>;",
            "",
            "export async function greet(id: string) {",
            "  const user = fetchUser(id);",
            "  const later = async () => { await audit(id); };",
            "  const { name } = await user;",
            "  await later();",
            "  return name;",
            "}",
          ].join("\n"),
        },
      ],
      optionsDoc: {
        checkThenables:
          "`false` (default): only the built-in `Promise` (and classes or interfaces derived from it) counts. `true`: any value with a callable `then`.",
        checkThrows:
          "`true` (default): also report a `throw` that leaves the variable's scope while the promise has no handler. `false`: only waits are reported.",
      },
      fixesDoc: [
        "Both fixes are **suggestions** (they change behaviour; an editor offers them, `--fix` never applies them):",
        "",
        "- **Await together with `Promise.all`**: offered for the common shape of two adjacent `const`",
        "  declarations in the same block, `const a = f(); const b = await g();`, without type",
        "  annotations, when every later use of `a` is `await a`. They become",
        "  `const [a, b] = await Promise.all([f(), g()]);` and each `await a` becomes `a`. The code",
        "  between the declarations and the first `await a` now runs after `a` settles.",
        "- **Attach a rejection handler where it is created**: inserts",
        "  `a.catch(() => undefined); // marks it handled now; awaiting it later still throws the rejection`",
        "  on its own line after the declaration. The rejection still reaches every later `await a`; but",
        "  on a path that never gets there (the other `await` throws), it is now silently dropped.",
        "  Offered when the window starts after the declaration statement and every part of the type has",
        "  a `catch` method.",
      ].join("\n"),
      comparison: [
        "No peer reports this. typescript-eslint's `no-floating-promises` and Biome's",
        "`noFloatingPromises` accept the code, since the promise is awaited in the end; the Node.js",
        "runtime disagrees. This rule reports the window, on the promise's creation, with the other",
        "`await` (or the `throw`) as a related location.",
      ].join("\n"),
    },
  },

  create(context) {
    const checker = new WindowChecker(context);
    return {
      [ts.SyntaxKind.VariableDeclaration]: (node) => checker.check(node as ts.VariableDeclaration),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Gates: which declarations are worth a path walk, and a type question

/** Where the declaration lives: the code its awaits and throws belong to. */
interface Scope {
  /** `await` suspends here (async function, async generator, module top level). */
  async: boolean;
  asyncGenerator: boolean;
  /** A `throw` here may leave the variable's scope while the process goes on (not module top level). */
  throws: boolean;
}

type Container = ts.Block | ts.CaseClause | ts.DefaultClause | ts.SourceFile;

const KEYWORDS = /\b(?:await|yield|throw)\b/g;

class WindowChecker {
  private readonly query: PromiseQuery;
  private keywordOffsets: number[] | undefined;
  private readonly awaitOperandCache = new Map<ts.Node, boolean>();

  constructor(private readonly context: RuleContext<UnhandledRejectionWindowOptions>) {
    this.query = { thenables: context.options.checkThenables };
  }

  check(declaration: ts.VariableDeclaration): void {
    const initializer = declaration.initializer;
    const name = declaration.name;
    if (!initializer || !ts.isIdentifier(name) || declaration.exclamationToken) return;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return;
    const binding: ts.NodeFlags = list.flags & ts.NodeFlags.BlockScoped; // `using` shares the bits
    if (binding !== ts.NodeFlags.Const && binding !== ts.NodeFlags.Let) return;
    const statement = list.parent;
    const container = statement.parent;
    if (!(ts.isBlock(container) || ts.isCaseClause(container) || ts.isDefaultClause(container) || ts.isSourceFile(container))) return;
    if (ts.isSourceFile(container) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    const call = unwrapInitializer(initializer);
    if (!call || this.cannotRejectByForm(call)) return;
    const scope = scopeOf(statement, this.context.options.checkThrows, (sf) => this.context.types.supportsTopLevelAwait(sf));
    if (!scope || !(scope.async || scope.throws)) return;
    if (!this.keywordAhead(statement.getEnd(), container.getEnd(), scope)) return;
    if (!this.calleeMayReturnPromise(call)) return;

    // Syntax first: a window by name alone, before any type question.
    const text = name.text;
    const byName = walkWindow(declaration, scope, {
      isTarget: (id) => id.text === text && isValueReference(id),
      isSuspension: () => true,
    });
    // By name alone, a callback parameter or an inner variable of the same name looks like a use of this one.
    if (!byName && !declaresNameAgain(ts.isCaseClause(container) || ts.isDefaultClause(container) ? container.parent : container, name)) return;

    if (this.context.types.promiseStatus(initializer, this.query) !== "always") return;
    // The rejection facts last of the gates: they may follow the callee's body (`cannotRejectUnhandled`).
    if (rejectionFacts(this.context.types).neverRejects(call)) return;
    const variable = this.context.types.variableOf(name);
    if (!variable) return;
    const isTarget = (id: ts.Identifier) => id.text === text && id !== name && isValueReference(id) && this.context.types.variableOf(id) === variable;
    if (usedOutsideTheWalk(statement, container, isTarget)) return;
    const found = walkWindow(declaration, scope, {
      isTarget,
      isSuspension: (node) => this.awaitOperandMayBePromise(node) && !this.onlyYieldsToMicrotasks(node),
    });
    if (!found) return;
    this.report(declaration, name, statement, found, variable);
  }

  /** Is there an `await`/`yield`/`throw` (as text) between the declaration and the end of its block? */
  private keywordAhead(from: number, to: number, scope: Scope): boolean {
    const text = this.context.sourceFile.text;
    if (!this.keywordOffsets) {
      this.keywordOffsets = [];
      for (const match of text.matchAll(KEYWORDS)) this.keywordOffsets.push(match.index);
    }
    const offsets = this.keywordOffsets;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle] < from) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < offsets.length && offsets[index] < to; index++) {
      const first = text.charCodeAt(offsets[index]);
      if (first === 0x61 /* a */ ? scope.async : first === 0x79 /* y */ ? scope.asyncGenerator : scope.throws) return true;
    }
    return false;
  }

  /**
   * The cheap gate: the callee's name is declared somewhere in the program as an async function or
   * with a written promise type (`TypeOracle.promiseNames`), or is `Promise` (a name only lets the
   * declaration through to the type questions); or the call is `new` or a static method of the
   * global `Promise` constructor (`Promise.resolve(load())`, `globalThis.Promise.race(ps)`), which
   * returns a promise whatever the program declares.
   */
  private calleeMayReturnPromise(call: ts.CallExpression | ts.NewExpression): boolean {
    if (this.query.thenables) return true; // a thenable's type can have any name
    const callee = calleeName(call);
    if (callee === undefined) return false;
    const names = this.context.types.promiseNames();
    if (callee === "Promise" || names.functions.has(callee) || names.values.has(callee)) return true;
    const target = skipParens(call.expression);
    return ts.isPropertyAccessExpression(target) && ts.isCallExpression(call) && this.context.types.isGlobalPromiseConstructor(target.expression);
  }

  /**
   * Promises whose rejection is handled at creation, or that cannot reject: `p.catch(f)`,
   * `p.then(f, r)`; and, of the global `Promise` (`TypeOracle.isGlobalPromiseConstructor`, so a
   * project's own `class Promise` is not one), `Promise.allSettled(...)`, `Promise.resolve(v)` of a
   * value that is not known to be a promise or thenable (`Promise.resolve(load())` adopts the
   * promise `load()` returns, and rejects with it), and `new Promise((resolve) => ...)` whose
   * executor takes no `reject` parameter. Beyond these forms (checked in `check`, after the cheap
   * gates), whatever the engine's rejection facts (`RejectionFacts.neverRejects`) show cannot reject: `.then(f)` on a handled or settled promise
   * with an `f` that cannot throw (`resolve6(name).catch(() => {}).then((r) => r || [])`).
   */
  private cannotRejectByForm(call: ts.CallExpression | ts.NewExpression): boolean {
    const callee = skipParens(call.expression);
    const args = call.arguments ?? [];
    if (ts.isNewExpression(call)) {
      const executor = args[0] && skipParens(args[0]);
      const resolveOnly = executor !== undefined && (ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)) && executor.parameters.length < 2;
      return resolveOnly && this.context.types.isGlobalPromiseConstructor(callee);
    }
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    if (method === "catch") return args.length > 0;
    if (method === "then") return args.length > 1 && !isUndefinedOrNullLiteral(args[1]);
    if (method !== "allSettled" && method !== "resolve") return false;
    if (!this.context.types.isGlobalPromiseConstructor(callee.expression)) return false;
    return method === "allSettled" || !this.adoptsPromise(args);
  }

  /**
   * Whether `Promise.resolve(...)` with these arguments adopts a promise: its one argument is known
   * to be a promise or thenable (`Promise.resolve(other())`). A value typed `any` is not known to be.
   */
  private adoptsPromise(args: readonly ts.Expression[]): boolean {
    const value = args[0];
    return value !== undefined && !ts.isSpreadElement(value) && this.context.types.promiseStatus(value, { thenables: true }) === "always";
  }

  /**
   * `await Promise.resolve()` (or of a value that is not known to be a promise) on the global
   * `Promise` only yields to the microtask queue, which drains before Node.js looks for unhandled
   * rejections: no window. `await Promise.resolve(other())` waits for `other()`, and a project's
   * own `Promise.resolve` may wait for anything: both are suspensions.
   */
  private onlyYieldsToMicrotasks(node: ts.Node): boolean {
    if (!ts.isAwaitExpression(node)) return false;
    const operand = skipParens(node.expression);
    if (!ts.isCallExpression(operand)) return false;
    const callee = skipParens(operand.expression);
    return (
      ts.isPropertyAccessExpression(callee) &&
      callee.name.text === "resolve" &&
      this.context.types.isGlobalPromiseConstructor(callee.expression) &&
      !this.adoptsPromise(operand.arguments)
    );
  }

  private awaitOperandMayBePromise(node: ts.Node): boolean {
    if (!ts.isAwaitExpression(node)) return true;
    let cached = this.awaitOperandCache.get(node);
    if (cached === undefined) {
      cached = this.context.types.promiseStatus(node.expression, { thenables: true }) !== "never";
      this.awaitOperandCache.set(node, cached);
    }
    return cached;
  }

  // -------------------------------------------------------------------------------------------
  // Reporting and fixes

  private report(declaration: ts.VariableDeclaration, name: ts.Identifier, statement: ts.VariableStatement, found: Found, variable: VariableHandle): void {
    const { sourceFile } = this.context;
    const text = name.text;
    // Lines as the editor and the reports count them (engine/lines.ts), not as TypeScript does.
    const lineOf = (node: ts.Node) => positionOf(sourceFile, node.getStart(sourceFile)).line + 1;
    if (found.kind === "throw") {
      const scope = caughtInFunction(found.at) ? "the block that declares it" : "the function";
      this.context.report({
        node: name,
        messageId: "throwWindow",
        data: { name: text, line: lineOf(found.at), scope, rejection: rejectionOutcome(this.context.types.programRunsOnNode()) },
        related: [{ node: found.at, message: `\`${text}\` is not handled yet when this \`throw\` leaves ${scope}` }],
        fixes: this.fixes(declaration, name, statement, found, variable),
      });
      return;
    }
    const suspension = found.at;
    const isYield = ts.isYieldExpression(suspension);
    const messageId: MessageId = isYield ? "windowYield" : "window";
    const wait = ts.isAwaitExpression(suspension) ? "another `await`" : "a `for await` loop";
    const waitWord = isYield ? "`yield`" : ts.isAwaitExpression(suspension) ? "await" : "`for await`";
    this.context.report({
      node: name,
      messageId,
      data: { name: text, line: lineOf(suspension), wait, rejection: rejectionOutcome(this.context.types.programRunsOnNode()) },
      related: [
        { node: suspension, message: `\`${text}\` is not handled yet while this ${waitWord} waits` },
        { node: found.handledAt, message: `\`${text}\` gets its first handler only here` },
      ],
      fixes: this.fixes(declaration, name, statement, found, variable),
    });
  }

  private fixes(declaration: ts.VariableDeclaration, name: ts.Identifier, statement: ts.VariableStatement, found: Found, variable: VariableHandle): Fix[] {
    const fixes: Fix[] = [];
    const together = this.promiseAllFix(declaration, name, statement, found, variable);
    if (together) fixes.push(together);
    const handler = this.handlerFix(name, statement, found);
    if (handler) fixes.push(handler);
    return fixes;
  }

  /** `const a = f(); const b = await g();` → `const [a, b] = await Promise.all([f(), g()]);`. */
  private promiseAllFix(declaration: ts.VariableDeclaration, name: ts.Identifier, statement: ts.VariableStatement, found: Found, variable: VariableHandle): Fix | undefined {
    if (found.kind !== "window") return undefined;
    const { sourceFile, types } = this.context;
    const list = statement.declarationList;
    if (!(list.flags & ts.NodeFlags.Const) || list.declarations.length !== 1 || declaration.type) return undefined;
    const container = statement.parent as Container;
    const statements: readonly ts.Statement[] = container.statements;
    const next = statements[statements.indexOf(statement) + 1];
    if (!next || !ts.isVariableStatement(next) || next.modifiers) return undefined;
    const nextList = next.declarationList;
    const nextBinding: ts.NodeFlags = nextList.flags & ts.NodeFlags.BlockScoped;
    if (nextBinding !== ts.NodeFlags.Const || nextList.declarations.length !== 1) return undefined;
    const other = nextList.declarations[0];
    if (!ts.isIdentifier(other.name) || other.type || !other.initializer || other.initializer !== found.at || !ts.isAwaitExpression(other.initializer)) {
      return undefined;
    }
    const text = sourceFile.text;
    if (text.slice(statement.getEnd(), next.getStart(sourceFile)).trim() !== "") return undefined; // a comment would be lost
    const initializer = declaration.initializer;
    if (!initializer) return undefined;

    // Every later use must be `await a`, outside nested functions.
    const awaits: ts.AwaitExpression[] = [];
    let otherUses = false;
    const visit = (node: ts.Node): void => {
      if (otherUses) return;
      if (ts.isIdentifier(node)) {
        if (node.text === name.text && node !== name && isValueReference(node) && types.variableOf(node) === variable) {
          const parent = node.parent;
          if (ts.isAwaitExpression(parent) && parent.expression === node && !insideNestedFunction(node, container)) awaits.push(parent);
          else otherUses = true;
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    for (let index = statements.indexOf(next) + 1; index < statements.length; index++) visit(statements[index]);
    if (otherUses || awaits.length === 0) return undefined;

    const operand = other.initializer.expression;
    // Both go into an array literal as written: neither an initializer nor an `await` operand can be
    // an unparenthesized comma expression (`const a = x, b` declares two variables).
    const element = (node: ts.Expression) => node.getText(sourceFile);
    const semicolon = next.getText(sourceFile).endsWith(";") ? ";" : "";
    const combined = `const [${name.text}, ${other.name.text}] = await Promise.all([${element(initializer)}, ${element(operand)}])${semicolon}`;
    const fileName = sourceFile.fileName;
    return {
      kind: "suggestion",
      title: `Await \`${name.text}\` and \`${other.name.text}\` together with \`Promise.all\``,
      edits: [
        { fileName, start: statement.getStart(sourceFile), end: next.getEnd(), newText: combined },
        ...awaits.map((node) => ({ fileName, start: node.getStart(sourceFile), end: node.getEnd(), newText: name.text })),
      ],
    };
  }

  /** Inserts `a.catch(() => undefined);` on its own line after the declaration. */
  private handlerFix(name: ts.Identifier, statement: ts.VariableStatement, found: Found): Fix | undefined {
    const { sourceFile, types } = this.context;
    const statementEnd = statement.getEnd();
    if (found.at.getStart(sourceFile) < statementEnd) return undefined; // the window opens inside the declaration
    if (!types.everyPartHasCatch(name)) return undefined;
    const text = sourceFile.text;
    const lineStart = sourceFile.getPositionOfLineAndCharacter(sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line, 0);
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
    const lineEndMatch = /\r?\n/.exec(text.slice(statementEnd));
    const lineEnd = lineEndMatch ? statementEnd + lineEndMatch.index : text.length;
    const rest = text.slice(statementEnd, lineEnd).trim();
    const handler = `${name.text}.catch(() => undefined);`;
    const comment = " // marks it handled now; awaiting it later still throws the rejection";
    const newline = lineEndMatch?.[0] ?? "\n";
    const edit =
      rest === "" || rest.startsWith("//")
        ? { fileName: sourceFile.fileName, start: lineEnd, end: lineEnd, newText: `${newline}${indent}${handler}${comment}` }
        : { fileName: sourceFile.fileName, start: statementEnd, end: statementEnd, newText: `${newline}${indent}${handler}` };
    return { kind: "suggestion", title: `Attach a rejection handler where \`${name.text}\` is created`, edits: [edit] };
  }
}

/** The call or `new` that creates the promise, through parentheses and type assertions. */
function unwrapInitializer(initializer: ts.Expression): ts.CallExpression | ts.NewExpression | undefined {
  const node = skipExpressionWrappers(initializer);
  return ts.isCallExpression(node) || ts.isNewExpression(node) ? node : undefined;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  let callee = skipParens(call.expression);
  while (ts.isNonNullExpression(callee)) callee = skipParens(callee.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

/** The kind of code the statement runs in; undefined where the rule does not look (static blocks, initializers). */
function scopeOf(statement: ts.Statement, checkThrows: boolean, topLevelAwait: (sourceFile: ts.SourceFile) => boolean): Scope | undefined {
  for (let current = statement.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const async = isAsyncFunction(current);
      const asyncGenerator = async && (current as ts.FunctionLikeDeclaration).asteriskToken !== undefined;
      return { async, asyncGenerator, throws: checkThrows };
    }
    if (ts.isClassStaticBlockDeclaration(current) || ts.isClassLike(current)) return undefined;
    if (ts.isSourceFile(current)) return { async: topLevelAwait(current), asyncGenerator: false, throws: false };
  }
  return undefined;
}

/**
 * Whether a `try` of the same function catches the throw, or runs a `finally` on the way out: a
 * throw in a `try` block with a `catch`, or in a `try` block or `catch` clause with a `finally`.
 */
function caughtInFunction(node: ts.ThrowStatement): boolean {
  for (let current: ts.Node = node; !ts.isFunctionLike(current.parent) && !ts.isSourceFile(current.parent); current = current.parent) {
    const parent = current.parent;
    if (!ts.isTryStatement(parent) || current === parent.finallyBlock) continue;
    if (parent.finallyBlock || current === parent.tryBlock) return true; // a `try` without `finally` has a `catch`
  }
  return false;
}

function insideNestedFunction(node: ts.Node, container: ts.Node): boolean {
  for (let current = node.parent; current && current !== container; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return true;
  }
  return false;
}

/**
 * References the walk cannot order: before the declaration (a closure in the temporal dead zone)
 * or inside a function declaration, which is hoisted and may run at any call.
 */
function usedOutsideTheWalk(statement: ts.Statement, container: Container, isTarget: (id: ts.Identifier) => boolean): boolean {
  const start = statement.getStart();
  let found = false;
  const visit = (node: ts.Node, hoisted: boolean): void => {
    if (found) return;
    if (ts.isIdentifier(node)) {
      if ((hoisted || node.end <= start) && isTarget(node)) found = true;
      return;
    }
    // Type nodes too: a class's `extends mixin(p)` is an expression inside one (`isTarget` rejects names of types).
    ts.forEachChild(node, (child) => visit(child, hoisted || ts.isFunctionDeclaration(node)));
  };
  for (const child of container.statements) visit(child, false);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The path walk: the engine's value-flow analysis (engine/valueFlow.ts) follows the promise over
// the rest of its block. A handling use after a suspension is the window; a `throw` that leaves
// the scope while the promise is pending is the other finding. Exceptional paths are followed (a
// rejected `await` lands in the walked `catch`); every branch, loop and `switch` is followed path
// by path (not the optimistic reading `floating-promise` uses).

type Found =
  | { kind: "window"; at: ts.Node; handledAt: ts.Node }
  | { kind: "throw"; at: ts.ThrowStatement };

interface WalkSetup {
  isTarget(id: ts.Identifier): boolean;
  /** Whether this `await` (or `yield`, `for await`) really suspends for longer than microtasks. */
  isSuspension(node: ts.Node): boolean;
}

function walkWindow(declaration: ts.VariableDeclaration, scope: Scope, setup: WalkSetup): Found | undefined {
  const result = followValue(
    declaration,
    { isTarget: setup.isTarget, classify: classifyUse, isSuspension: setup.isSuspension },
    { awaitSuspends: scope.async, yieldSuspends: scope.asyncGenerator, exceptions: true, optimistic: false },
  );
  if (!result) return undefined;
  const window = firstByPosition(result.windows, (item) => item.at);
  if (window) return { kind: "window", at: window.at, handledAt: window.handledAt };
  if (!scope.throws) return undefined;
  const thrown = firstByPosition(
    result.exits.filter((exit) => exit.kind === "throw"),
    (exit) => exit.node,
  );
  return thrown && ts.isThrowStatement(thrown.node) ? { kind: "throw", at: thrown.node } : undefined;
}

const COMPARISONS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.InKeyword,
]);

/**
 * What a use does to the promise. `handle`: it attaches a handler or hands the promise to code
 * that may (awaited, returned, yielded, passed to a call, stored, `.then/.catch/.finally`).
 * `inert`: it looks at the promise object only (comparison, `typeof`, a condition, `void`, another
 * property). `write`: the variable gets a new value, which the walk does not follow.
 */
function classifyUse(identifier: ts.Identifier): UseEffect {
  let node: ts.Node = identifier;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
    node = parent;
    parent = parent.parent;
  }
  if (isAssignmentTarget(node)) return "write";
  if (ts.isBinaryExpression(parent)) return COMPARISONS.has(parent.operatorToken.kind) ? "inert" : "handle";
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken ? "write" : "inert";
  }
  if (ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent) || ts.isDeleteExpression(parent)) return "inert";
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return "inert"; // an expression's only place there is the condition
  if (ts.isConditionalExpression(parent) && parent.condition === node) return "inert";
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
    const method = ts.isPropertyAccessExpression(parent)
      ? parent.name.text
      : ts.isStringLiteralLike(parent.argumentExpression)
        ? parent.argumentExpression.text
        : undefined;
    const isCall = ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
    return isCall && (method === "then" || method === "catch" || method === "finally") ? "handle" : "inert";
  }
  return "handle";
}

