/**
 * unhandled-rejection-window: a promise that is started, then left without a rejection handler
 * while the function waits for something else (or throws), and handled only afterwards.
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), the cheap
 * gates that decide which declarations are worth a look, the path walk that finds the window,
 * then the fixes.
 */
import * as ts from "typescript";
import { isAsyncFunction } from "../engine/astUtils";
import { positionOf } from "../engine/lines";
import type { PromiseQuery, VariableHandle } from "../engine/typeOracle";
import { skipParens } from "../engine/typeOracle";
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
        "`await`) are checked.",
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
        "  followed like `load()` itself.",
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
    if (!call || this.cannotRejectUnhandled(call)) return;
    const scope = scopeOf(statement, this.context.options.checkThrows, (sf) => this.context.types.supportsTopLevelAwait(sf));
    if (!scope || !(scope.async || scope.throws)) return;
    if (!this.keywordAhead(statement.getEnd(), container.getEnd(), scope)) return;
    if (!this.calleeMayReturnPromise(call)) return;

    // Syntax first: a window by name alone, before any type question.
    const text = name.text;
    const byName = walkWindow(declaration, container, scope, {
      isTarget: (id) => id.text === text && isValueReference(id),
      isSuspension: () => true,
    });
    if (!byName) return;

    if (this.context.types.promiseStatus(initializer, this.query) !== "always") return;
    const variable = this.context.types.variableOf(name);
    if (!variable) return;
    const isTarget = (id: ts.Identifier) => id.text === text && id !== name && isValueReference(id) && this.context.types.variableOf(id) === variable;
    if (usedOutsideTheWalk(statement, container, isTarget)) return;
    const found = walkWindow(declaration, container, scope, {
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
   * executor takes no `reject` parameter.
   */
  private cannotRejectUnhandled(call: ts.CallExpression | ts.NewExpression): boolean {
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
    if (method === "then") return args.length > 1 && !isUndefinedLiteral(args[1]);
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
    const element = (node: ts.Expression) => {
      const source = node.getText(sourceFile);
      return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken ? `(${source})` : source;
    };
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
  let node = skipParens(initializer);
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    node = skipParens(node.expression);
  }
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

function isUndefinedLiteral(node: ts.Expression): boolean {
  return (ts.isIdentifier(node) && node.text === "undefined") || node.kind === ts.SyntaxKind.NullKeyword;
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

/** Whether an identifier can refer to a variable (not a property name, label, type name or a new declaration). */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
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

/** Whether a `try` of the same function catches the throw (or runs a `finally` on the way out). */
function caughtInFunction(node: ts.ThrowStatement): boolean {
  for (let current: ts.Node = node; !ts.isFunctionLike(current.parent) && !ts.isSourceFile(current.parent); current = current.parent) {
    const parent = current.parent;
    if (ts.isTryStatement(parent) && (current === parent.tryBlock || current === parent.catchClause)) return true;
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
    if (ts.isTypeNode(node)) return;
    ts.forEachChild(node, (child) => visit(child, hoisted || ts.isFunctionDeclaration(node)));
  };
  for (const child of container.statements) visit(child, false);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The path walk
//
// Follows the statements after the declaration in evaluation order, path by path, with a small
// abstract state per path set: some path has the promise still unhandled and has not waited yet
// (`open`); some path has it unhandled after a suspension (`windowed`, with the first such
// suspension); some path has it handled (`closed`). A handling use on a windowed path is the
// finding; so is an explicit `throw` that leaves the scope while a path is open or windowed. Loops
// run to a fixed point (the lattice is tiny); the walk gives up, silently, on what it cannot order
// (reassignment, unknown statements, loops that do not settle, a large budget spent).

interface Flow {
  open: boolean;
  closed: boolean;
  windowed: ts.Node | undefined;
}

const DEAD: Flow = { open: false, closed: false, windowed: undefined };

function earlier(a: ts.Node | undefined, b: ts.Node | undefined): ts.Node | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.pos < a.pos ? b : a;
}

function merge(a: Flow, b: Flow): Flow {
  if (a === DEAD) return b;
  if (b === DEAD) return a;
  return { open: a.open || b.open, closed: a.closed || b.closed, windowed: earlier(a.windowed, b.windowed) };
}

function sameFlow(a: Flow, b: Flow): boolean {
  return a.open === b.open && a.closed === b.closed && a.windowed === b.windowed;
}

function pending(flow: Flow): boolean {
  return flow.open || flow.windowed !== undefined;
}

type Found =
  | { kind: "window"; at: ts.Node; handledAt: ts.Node }
  | { kind: "throw"; at: ts.ThrowStatement };

interface WalkSetup {
  isTarget(id: ts.Identifier): boolean;
  /** Whether this `await` (or `yield`, `for await`) really suspends for longer than microtasks. */
  isSuspension(node: ts.Node): boolean;
}

interface JumpTarget {
  labels: readonly string[];
  loop: boolean;
  breakable: boolean;
  breaks: Flow;
  continues: Flow;
}

interface TryContext {
  /** The `try` block of a statement with a `catch` clause: exceptions land in `caught`. */
  catches: boolean;
  caught: Flow;
}

class GiveUp extends Error {}

/** Node visits per declaration before the walk gives up: keeps the rule linear on huge functions. */
const BUDGET = 20_000;
const LOOP_PASSES = 3;

function walkWindow(declaration: ts.VariableDeclaration, container: Container, scope: Scope, setup: WalkSetup): Found | undefined {
  const walker = new Walker(setup, scope, container);
  try {
    walker.run(declaration);
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
  return walker.result();
}

class Walker {
  private readonly windows: { at: ts.Node; handledAt: ts.Node }[] = [];
  private readonly throws: ts.ThrowStatement[] = [];
  private readonly jumps: JumpTarget[] = [];
  private readonly tries: TryContext[] = [];
  private budget = BUDGET;

  constructor(
    private readonly setup: WalkSetup,
    private readonly scope: Scope,
    private readonly container: Container,
  ) {}

  run(declaration: ts.VariableDeclaration): void {
    let flow: Flow = { open: true, closed: false, windowed: undefined };
    const list = declaration.parent as ts.VariableDeclarationList;
    const statement = list.parent as ts.VariableStatement;
    for (const other of list.declarations.slice(list.declarations.indexOf(declaration) + 1)) flow = this.declaration(other, flow);
    const statements = this.container.statements;
    this.list(statements, statements.indexOf(statement) + 1, flow);
  }

  result(): Found | undefined {
    if (this.windows.length > 0) {
      const first = this.windows.reduce((best, next) => (next.at.pos < best.at.pos ? next : best));
      return { kind: "window", at: first.at, handledAt: first.handledAt };
    }
    if (this.throws.length > 0) {
      const first = this.throws.reduce((best, next) => (next.pos < best.pos ? next : best));
      return { kind: "throw", at: first };
    }
    return undefined;
  }

  // --- events ---

  private handle(at: ts.Node, flow: Flow): Flow {
    if (flow.windowed) this.windows.push({ at: flow.windowed, handledAt: at });
    if (!pending(flow)) return flow;
    return { open: false, closed: true, windowed: undefined };
  }

  private suspend(at: ts.Node, flow: Flow): Flow {
    if (!flow.open || !this.setup.isSuspension(at)) return flow;
    return { open: false, closed: flow.closed, windowed: earlier(flow.windowed, at) };
  }

  /** An `await` may throw (its promise rejects): the innermost `catch` in the walk sees this state. */
  private mayThrow(flow: Flow): void {
    const context = this.tries[this.tries.length - 1];
    if (context?.catches) context.caught = merge(context.caught, flow);
  }

  private tick(): void {
    if (--this.budget < 0) throw new GiveUp();
  }

  // --- statements ---

  private list(statements: readonly ts.Statement[], from: number, flow: Flow): Flow {
    let current = flow;
    for (let index = from; index < statements.length; index++) {
      // Once no path has it unhandled, nothing later can open a window.
      if (!pending(current)) return current;
      current = this.statement(statements[index], current);
    }
    return current;
  }

  private statement(node: ts.Statement, flow: Flow): Flow {
    this.tick();
    if (!pending(flow)) return flow;
    switch (node.kind) {
      case ts.SyntaxKind.Block:
        return this.list((node as ts.Block).statements, 0, flow);
      case ts.SyntaxKind.VariableStatement: {
        let current = flow;
        for (const declaration of (node as ts.VariableStatement).declarationList.declarations) current = this.declaration(declaration, current);
        return current;
      }
      case ts.SyntaxKind.ExpressionStatement:
        return this.expression((node as ts.ExpressionStatement).expression, flow);
      case ts.SyntaxKind.IfStatement: {
        const statement = node as ts.IfStatement;
        const condition = this.expression(statement.expression, flow);
        const whenTrue = this.statement(statement.thenStatement, condition);
        const whenFalse = statement.elseStatement ? this.statement(statement.elseStatement, condition) : condition;
        return merge(whenTrue, whenFalse);
      }
      case ts.SyntaxKind.ReturnStatement: {
        const expression = (node as ts.ReturnStatement).expression;
        if (expression) this.expression(expression, flow);
        return DEAD;
      }
      case ts.SyntaxKind.ThrowStatement:
        return this.throwStatement(node as ts.ThrowStatement, flow);
      case ts.SyntaxKind.TryStatement:
        return this.tryStatement(node as ts.TryStatement, flow);
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
        return this.loop(node as ts.IterationStatement, flow, []);
      case ts.SyntaxKind.LabeledStatement:
        return this.labeled(node as ts.LabeledStatement, flow);
      case ts.SyntaxKind.SwitchStatement:
        return this.switchStatement(node as ts.SwitchStatement, flow, []);
      case ts.SyntaxKind.BreakStatement:
      case ts.SyntaxKind.ContinueStatement:
        this.jump(node as ts.BreakOrContinueStatement, flow);
        return DEAD;
      case ts.SyntaxKind.ClassDeclaration:
        return this.closure(node, flow);
      case ts.SyntaxKind.FunctionDeclaration: // references inside were ruled out before the walk
      case ts.SyntaxKind.EmptyStatement:
      case ts.SyntaxKind.DebuggerStatement:
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.ExportAssignment:
        return flow;
      default:
        throw new GiveUp(); // `with` and anything newer than this walk
    }
  }

  private declaration(declaration: ts.VariableDeclaration, flow: Flow): Flow {
    let current = declaration.initializer ? this.expression(declaration.initializer, flow) : flow;
    if (!ts.isIdentifier(declaration.name)) current = this.expression(declaration.name, current); // defaults in patterns
    return current;
  }

  private throwStatement(node: ts.ThrowStatement, flow: Flow): Flow {
    const current = this.expression(node.expression, flow);
    const context = this.tries[this.tries.length - 1];
    if (context) {
      // Caught inside the scope, or passing through a `finally` that might handle the promise.
      if (context.catches) context.caught = merge(context.caught, current);
    } else if (this.scope.throws && pending(current)) {
      this.throws.push(node);
    }
    return DEAD;
  }

  private tryStatement(node: ts.TryStatement, flow: Flow): Flow {
    const context: TryContext = { catches: node.catchClause !== undefined, caught: DEAD };
    this.tries.push(context);
    const afterTry = this.list(node.tryBlock.statements, 0, flow);
    this.tries.pop();
    let normal = afterTry;
    if (node.catchClause) {
      if (node.finallyBlock) this.tries.push({ catches: false, caught: DEAD });
      const afterCatch = this.list(node.catchClause.block.statements, 0, context.caught);
      if (node.finallyBlock) this.tries.pop();
      normal = merge(afterTry, afterCatch);
    }
    return node.finallyBlock ? this.list(node.finallyBlock.statements, 0, normal) : normal;
  }

  private labeled(node: ts.LabeledStatement, flow: Flow): Flow {
    const labels: string[] = [];
    let inner: ts.Statement = node;
    while (ts.isLabeledStatement(inner)) {
      labels.push(inner.label.text);
      inner = inner.statement;
    }
    if (ts.isIterationStatement(inner, false)) return this.loop(inner, flow, labels);
    if (ts.isSwitchStatement(inner)) return this.switchStatement(inner, flow, labels);
    const target: JumpTarget = { labels, loop: false, breakable: false, breaks: DEAD, continues: DEAD };
    this.jumps.push(target);
    const end = this.statement(inner, flow);
    this.jumps.pop();
    return merge(end, target.breaks);
  }

  private jump(node: ts.BreakOrContinueStatement, flow: Flow): void {
    const label = node.label?.text;
    const isContinue = ts.isContinueStatement(node);
    for (let index = this.jumps.length - 1; index >= 0; index--) {
      const target = this.jumps[index];
      const matches = label !== undefined ? target.labels.includes(label) : isContinue ? target.loop : target.breakable;
      if (!matches) continue;
      if (isContinue) target.continues = merge(target.continues, flow);
      else target.breaks = merge(target.breaks, flow);
      return;
    }
    // Leaves the declaring block: the variable goes out of scope (a drop, floating-promise's case).
  }

  private switchStatement(node: ts.SwitchStatement, flow: Flow, labels: readonly string[]): Flow {
    const entry = this.expression(node.expression, flow);
    const target: JumpTarget = { labels, loop: false, breakable: true, breaks: DEAD, continues: DEAD };
    this.jumps.push(target);
    let fallthrough = DEAD;
    let hasDefault = false;
    for (const clause of node.caseBlock.clauses) {
      if (ts.isDefaultClause(clause)) hasDefault = true;
      fallthrough = this.list(clause.statements, 0, merge(entry, fallthrough));
    }
    this.jumps.pop();
    return merge(merge(fallthrough, target.breaks), hasDefault ? DEAD : entry);
  }

  /** Runs the loop to a fixed point: the state at its head is the entry merged with every back edge. */
  private loop(node: ts.IterationStatement, flow: Flow, labels: readonly string[]): Flow {
    let entry = flow;
    if (ts.isForStatement(node) && node.initializer) {
      entry = ts.isVariableDeclarationList(node.initializer)
        ? node.initializer.declarations.reduce((current, declaration) => this.declaration(declaration, current), entry)
        : this.expression(node.initializer, entry);
    }
    if (ts.isForInStatement(node) || ts.isForOfStatement(node)) {
      entry = this.expression(node.expression, entry);
      if (!ts.isVariableDeclarationList(node.initializer)) entry = this.expression(node.initializer, entry);
    }
    const forAwait = ts.isForOfStatement(node) && node.awaitModifier !== undefined ? node.awaitModifier : undefined;
    const condition = ts.isWhileStatement(node) || ts.isDoStatement(node) ? node.expression : ts.isForStatement(node) ? node.condition : undefined;
    const endless = condition === undefined ? ts.isForStatement(node) : condition.kind === ts.SyntaxKind.TrueKeyword;

    let head = entry;
    for (let pass = 0; pass < LOOP_PASSES; pass++) {
      const target: JumpTarget = { labels, loop: true, breakable: true, breaks: DEAD, continues: DEAD };
      this.jumps.push(target);
      let exit: Flow;
      let back: Flow;
      if (ts.isDoStatement(node)) {
        const afterBody = merge(this.statement(node.statement, head), target.continues);
        const tested = this.expression(node.expression, afterBody);
        back = tested;
        exit = endless ? DEAD : tested;
      } else {
        let tested = condition ? this.expression(condition, head) : head;
        if (forAwait) {
          tested = this.suspend(forAwait, tested);
          this.mayThrow(tested);
        }
        back = merge(this.statement(node.statement, tested), target.continues);
        if (ts.isForStatement(node) && node.incrementor) back = this.expression(node.incrementor, back);
        exit = endless ? DEAD : tested;
      }
      this.jumps.pop();
      const next = merge(entry, back);
      if (sameFlow(next, head)) return merge(exit, target.breaks);
      head = next;
    }
    throw new GiveUp();
  }

  // --- expressions, in evaluation order ---

  private expression(node: ts.Node, flow: Flow): Flow {
    this.tick();
    if (!pending(flow)) return flow;
    if (ts.isIdentifier(node)) return this.setup.isTarget(node) ? this.use(node, flow) : flow;
    if (ts.isTypeNode(node)) return flow;
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return this.closure(node, flow);
    if (ts.isAwaitExpression(node)) {
      const operand = this.expression(node.expression, flow);
      const after = this.scope.async ? this.suspend(node, operand) : operand;
      this.mayThrow(after);
      return after;
    }
    if (ts.isYieldExpression(node)) {
      const operand = node.expression ? this.expression(node.expression, flow) : flow;
      const after = this.scope.asyncGenerator ? this.suspend(node, operand) : operand;
      this.mayThrow(after);
      return after;
    }
    if (ts.isConditionalExpression(node)) {
      const condition = this.expression(node.condition, flow);
      return merge(this.expression(node.whenTrue, condition), this.expression(node.whenFalse, condition));
    }
    if (ts.isBinaryExpression(node) && SHORT_CIRCUIT.has(node.operatorToken.kind)) {
      const left = this.expression(node.left, flow);
      return merge(left, this.expression(node.right, left));
    }
    let current = flow;
    ts.forEachChild(node, (child) => {
      current = this.expression(child, current);
    });
    return current;
  }

  /** A closure or class that refers to the promise may handle it whenever it runs: from here on, silence. */
  private closure(node: ts.Node, flow: Flow): Flow {
    let refers = false;
    const visit = (child: ts.Node): void => {
      if (refers) return;
      this.tick();
      if (ts.isIdentifier(child)) {
        if (this.setup.isTarget(child)) refers = true;
        return;
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    return refers ? this.handle(node, flow) : flow;
  }

  private use(identifier: ts.Identifier, flow: Flow): Flow {
    switch (classifyUse(identifier)) {
      case "inert":
        return flow;
      case "write":
        throw new GiveUp();
      case "handle":
        return this.handle(identifier, flow);
    }
  }
}

const SHORT_CIRCUIT = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

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
function classifyUse(identifier: ts.Identifier): "handle" | "inert" | "write" {
  let node: ts.Node = identifier;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
    node = parent;
    parent = parent.parent;
  }
  if (isDestructuringTarget(node)) return "write";
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (parent.left === node && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) return "write";
    return COMPARISONS.has(operator) ? "inert" : "handle";
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken ? "write" : "inert";
  }
  if (ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent) || ts.isDeleteExpression(parent)) return "inert";
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return "inert";
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
  if ((ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.initializer === node) return "write";
  return "handle";
}

/** `[p] = ...`, `({ p } = ...)`, `for ([p] of ...)`: the identifier is assigned. */
function isDestructuringTarget(node: ts.Node): boolean {
  let current = node;
  let parent = current.parent;
  let inPattern = false;
  for (;;) {
    if (ts.isShorthandPropertyAssignment(parent) || ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) {
      // the value of `{ p }` or `...p`
    } else if (ts.isPropertyAssignment(parent) && parent.initializer === current) {
      // `{ key: p }`
    } else if (
      ts.isBinaryExpression(parent) &&
      parent.left === current &&
      parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isArrayLiteralExpression(parent.parent) || ts.isPropertyAssignment(parent.parent))
    ) {
      // a default inside a pattern: `[p = x] = ...`
    } else if (ts.isArrayLiteralExpression(parent) || ts.isObjectLiteralExpression(parent)) {
      inPattern = true;
    } else {
      break;
    }
    current = parent;
    parent = current.parent;
  }
  if (!inPattern) return false;
  if (ts.isBinaryExpression(parent)) return parent.left === current && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  return (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === current;
}
