/**
 * unbounded-concurrency: a fan-out that starts one promise per item of a collection of any size
 * at once, with nothing limiting how many run together.
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), detection of
 * `Promise.all(items.map(...))` fan-outs and of loops that collect one promise per item, how the
 * size of a collection is judged, what counts as a limiter, then the fixes (the worker-pool helper
 * the fix inserts, or the project's own `p-map`).
 */
import * as ts from "typescript";
import { isFunctionExpressionLike } from "../engine/astUtils";
import type { DeclarationRef } from "../engine/typeOracle";
import { skipExpressionWrappers, skipParens } from "../engine/typeOracle";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../engine/types";
import { compileSpecifiers, specifierSchema, type DeclarationSpecifier, type Matcher } from "./floating-promise";

// ---------------------------------------------------------------------------------------------
// Options and messages

export interface UnboundedConcurrencyOptions {
  limiterFunctions: DeclarationSpecifier[];
  limiterTypes: DeclarationSpecifier[];
  maxConstantLength: number;
  suggestedConcurrency: number;
}

/**
 * Limiter types known by declaration: a call of a value of one of these types (`limit(() => ...)`),
 * or of a method on one (`queue.add(() => ...)`, `await semaphore.acquire()`), inside the work of
 * an item bounds the fan-out.
 */
const BUILTIN_LIMITER_TYPES: readonly DeclarationSpecifier[] = [
  // p-limit 3 (`pLimit.Limit`) and 4+ (`LimitFunction`).
  { module: "p-limit", name: ["pLimit.Limit", "LimitFunction"] },
  { module: "p-queue", name: ["PQueue", "default"] },
  { module: "bottleneck", name: ["Bottleneck"] },
  { module: "async-sema", name: ["Sema"] },
  { module: "async-mutex", name: ["Semaphore", "Mutex"] },
];

/** Method pairs that make a project class a semaphore or lock (`isProjectLockClass`). */
const LOCK_METHOD_PAIRS: readonly (readonly [string, string])[] = [
  ["acquire", "release"],
  ["lock", "unlock"],
];

const COMBINATORS = new Set(["all", "allSettled", "any", "race"]);
/** The name the fix gives the worker-pool helper it inserts (and reuses when the file has it). */
const HELPER_NAME = "mapWithConcurrency";

const messages = {
  unboundedMap:
    "`{{combinator}}` starts the work for every item of {{collection}} at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
  unboundedLoop:
    "This loop starts a promise for every item of {{collection}} and collects them for `{{combinator}}`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
} as const;

type MessageId = keyof typeof messages;

// ---------------------------------------------------------------------------------------------
// The rule

export const unboundedConcurrency: RuleModule<UnboundedConcurrencyOptions> = {
  meta: {
    id: "unbounded-concurrency",
    defaultSeverity: "off",
    requiresTypes: true,
    messages,
    summaries: {
      unboundedMap: "`{{combinator}}` starts every item of {{collection}} at once, with no concurrency limit",
      unboundedLoop: "A promise per item of {{collection}}, all running at once, with no concurrency limit",
    },
    optionsSchema: {
      type: "object",
      properties: {
        limiterFunctions: {
          type: "array",
          items: specifierSchema,
          description: "Functions that run the work they are given with a bounded concurrency, by declaration.",
        },
        limiterTypes: {
          type: "array",
          items: specifierSchema,
          description: "Types whose values (or methods) run the work they are given with a bounded concurrency, by declaration.",
        },
        maxConstantLength: {
          type: "integer",
          minimum: 0,
          description: "A literal array, `Array.of(...)`, tuple or `{ length: N }` of at most this many items is not reported.",
        },
        suggestedConcurrency: {
          type: "integer",
          minimum: 1,
          description: "The concurrency the fixes write.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      limiterFunctions: [],
      limiterTypes: [],
      maxConstantLength: 16,
      suggestedConcurrency: 8,
    },
    docs: {
      description: "A promise per item of a collection of any size must not all run at once: bound the concurrency.",
      rationale: [
        "With threads, a pool or a semaphore bounds how much runs at once: there may be any number of",
        "requests, but at most four are active. With promises it takes one line to start them all:",
        "`await Promise.all(userIds.map((id) => fetchUser(id)))` is right for ten ids, and for a hundred",
        "thousand it opens a hundred thousand requests together: the database's connection pool is",
        "exhausted, the API answers with rate-limit errors, the process runs out of sockets, file",
        "descriptors or memory, and one failure leaves the rest running. The fix is a bound: a worker",
        "pool that keeps at most N items in flight, a limiter such as `p-limit`, or batches of a",
        "constant size.",
        "",
        "The rule reports two shapes, at the place the work starts:",
        "",
        "- `Promise.all`, `Promise.allSettled`, `Promise.any` or `Promise.race` (the global `Promise`,",
        "  recognised by its declaration) over `items.map(callback)` or `Array.from(items, callback)` whose",
        "  result is an array of promises, directly or through a `const` holding it (`const pending =",
        "  ids.map(load); await Promise.all(pending);`). Reported at `map` (or `from`).",
        "- A loop (`for...of`, a counted `for` up to `items.length` (`i < items.length`, `i !== items.length`",
        "  or `items.length > i`; of `!==`/`!=` the side that is not the loop's index, a name its",
        "  initializer declares or sets or its incrementor steps, so",
        "  `for (let next = 0; running.length !== limit; next++)` fills a pool and is no loop over",
        "  `running`), or `items.forEach`; not `for...in` or `while`) that pushes a promise per item onto",
        "  an array declared outside it (a module-level one too; or any collection with a `push`:",
        "  the promise it is given has started either way), with no `await` in the loop, when the function",
        "  holding the loop then passes that array to one of those four. Reported at the pushed promise.",
        "",
        "Only when the collection's size is not known to be small: its type is an array, a `Set`, a",
        "`Map`, or another iterable or array-like (`TypeOracle.openSizeStatus`). The rule follows",
        "`const` variables to their initializer, six steps deep (a constant list copied three times in a row is",
        "judged by its type; also a `const` another module of the project exports,",
        "through imports and re-exports, `import { REGIONS } from \"./regions\"`; not one a package or a",
        "`.d.ts` file declares: only its type is known), `[...set]`, `Array.from(set)` (and a typed array's",
        "`from`, `Iterator.from`), `set.values()` and the like, `Object.keys/values/entries(x)` and",
        "`filter`/`map`/`slice`/`sort`/`reverse` copies of any lib collection (arrays, sets, maps, typed",
        "arrays, iterators) back to the collection they come from. The rule is off by default: some fan-outs are small by",
        "construction in ways no type says (`Promise.all(replicas.map(ping))` over three replicas).",
        "Turn it on where inputs come from users, files, queries or the network.",
        "",
        "### What it deliberately does not report",
        "",
        "- **Constant-length inputs**: array literals and `Array.of(primary, secondary)` (a typed",
        "  array's `Uint16Array.of(80, 443)` too; their items counted; a spread adds the items of a constant-length list, and any other spread keeps the",
        "  list open), tuple types (`[User, User]`, `as const` arrays), `Array.from({ length: 3 }, ...)`",
        "  and `Object.keys(x)` of an object type without an index signature (its property count), up",
        "  to `maxConstantLength` items (16).",
        "  `Array.from({ length: n }, worker)` with a non-constant `n` is a count, not a collection: it",
        "  is how worker pools start their workers, and is not reported.",
        "- **Inputs capped by the project**: `items.slice(0, N)` (or any start: `items.slice(offset, N)`),",
        "  `items.slice(-N)`, `items.slice(i, i + N)` and `queue.splice(0, N)` with a constant `N` (a",
        "  literal or a `const`), whatever `N` is: the cap is the author's decision. `items.slice(0, -N)`",
        "  (all but the last `N`) caps nothing and is reported.",
        "- **Constant-size batches**: a batch variable read from a `const` like the above",
        "  (`const batch = ids.slice(i, i + 50)`), or the variable of a `for...of` over a call given a",
        "  constant number (`for (const batch of chunk(ids, 50))`, lodash's `chunk` or the project's own).",
        "- **Rest parameters**: `async deleteCookie(...cookies: Cookie[])` fans out over the arguments",
        "  a caller wrote in one call, small by construction (puppeteer's cookie and permission APIs).",
        "- **Waiting, not work**: items that are promises already (`awaitables.map((p) => ...)` over",
        "  `Array<Promise<T> | Deferred<T>>`: the work started when they were made), and a callback or",
        "  pushed value that is a `new Promise(executor)` whose executor itself only calls its",
        "  `resolve`/`reject`, and timers and listener registrations handed a callback or that",
        "  `resolve`/`reject`, declared by a library or by an interface (not a project function with a body)",
        "  (`new Promise((resolve) => stream.once(\"finish\", resolve))`, `new Promise((r) => setTimeout(r))`):",
        "  it waits for an event, starting nothing. An executor that calls anything else",
        "  (`readFile(file, callback)`) starts work and is reported.",
        "- **Loops that await**: a loop with an `await` in its body (outside nested functions) waits",
        "  for each item or batch, so it does not collect unboundedly (`if (pending.length >= 8) await",
        "  Promise.race(pending)` is a pool).",
        "- **Work that goes through a limiter**: the callback (inline, or a project function it names)",
        "  calls a value whose type is a limiter (`limit(() => fetchUser(id))` with `p-limit`, also",
        "  one picked from a record or a map: `limiters[host](() => ...)`, `limiters.get(host)!(...)`;",
        "  `p-queue`, `bottleneck`, `async-sema` and `async-mutex` are built in, by declaration), a",
        "  method on one (`queue.add(...)`, `await semaphore.acquire()`), a method on an instance of a",
        "  class the project wrote with `acquire` and `release` (or `lock` and `unlock`) methods, a",
        "  function in `limiterFunctions` (an optional one called as `runtime.withSlot!(...)` too),",
        "  or a function it received from a call given a number",
        "  (`const limit = createLimiter(4)`, `new Queue({ concurrency: 4 })`) together with a",
        "  function argument.",
        "- **Bounded APIs** are no fan-out to begin with: `pMap(items, fn, { concurrency: 4 })`,",
        "  `async.eachLimit(items, 4, fn)`, `runPool(items.map((id) => () => load(id)), 4)` (thunks: a",
        "  `map` whose callback returns functions starts nothing).",
        "- **Types the checker cannot know**: a collection typed `any` or `unknown`, or a callback whose",
        "  result is not known to be a promise.",
        "- **Thenables that are not promises**: a callback or pushed value typed as a thenable of its own",
        "  (a query builder whose `then` starts the query) is not followed, though `Promise.all` calls",
        "  `then` on each at once: whether `then` starts work, or only waits for work already running,",
        "  is not in its type.",
      ].join("\n"),
      incorrect: [
        {
          title: "Every user fetched at once",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "",
            "export async function loadUsers(userIds: string[]) {",
            "  return Promise.all(userIds.map((id) => fetchUser(id)));",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 30 },
        },
        {
          title: "A promise per row collected in a loop",
          code: [
            "declare function sendMail(to: string): Promise<void>;",
            "",
            "export async function notify(recipients: Set<string>) {",
            "  const pending: Promise<void>[] = [];",
            "  for (const to of recipients) {",
            "    pending.push(sendMail(to));",
            "  }",
            "  await Promise.all(pending);",
            "}",
          ].join("\n"),
          reportedAt: { line: 6, column: 18 },
        },
      ],
      correct: [
        {
          title: "A worker pool with a fixed concurrency (what the fix inserts)",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "",
            "export async function loadUsers(userIds: string[]) {",
            "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));",
            "}",
            "",
            "async function mapWithConcurrency<T, R>(items: Iterable<T> | ArrayLike<T>, concurrency: number, fn: (item: T, index: number) => R | PromiseLike<R>): Promise<R[]> {",
            "  const list = Array.from(items);",
            "  const results = new Array<R>(list.length);",
            "  let next = 0;",
            "  const worker = async (): Promise<void> => {",
            "    while (next < list.length) {",
            "      const index = next++;",
            "      results[index] = await fn(list[index], index);",
            "    }",
            "  };",
            "  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, worker));",
            "  return results;",
            "}",
          ].join("\n"),
        },
        {
          title: "A limiter from `p-limit`",
          code: [
            'import pLimit from "p-limit";',
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "",
            "const limit = pLimit(4);",
            "",
            "export async function loadUsers(userIds: string[]) {",
            "  return Promise.all(userIds.map((id) => limit(() => fetchUser(id))));",
            "}",
          ].join("\n"),
          fileName: "users.ts",
        },
        {
          title: "Batches of a constant size, one after the other",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "const BATCH = 50;",
            "",
            "export async function loadUsers(userIds: string[]) {",
            "  const users = [];",
            "  for (let i = 0; i < userIds.length; i += BATCH) {",
            "    const batch = userIds.slice(i, i + BATCH);",
            "    users.push(...(await Promise.all(batch.map((id) => fetchUser(id)))));",
            "  }",
            "  return users;",
            "}",
          ].join("\n"),
        },
        {
          title: "A small input of a constant size",
          code: [
            "declare function ping(host: string): Promise<number>;",
            "",
            "export async function health() {",
            '  return Promise.all(["db", "cache", "queue"].map((host) => ping(host)));',
            "}",
          ].join("\n"),
        },
        {
          title: "A loop that awaits each item",
          code: [
            "declare function sendMail(to: string): Promise<void>;",
            "",
            "export async function notify(recipients: string[]) {",
            "  for (const to of recipients) {",
            "    await sendMail(to);",
            "  }",
            "}",
          ].join("\n"),
        },
      ],
      optionsDoc: {
        limiterFunctions:
          'Functions that run the work they are given with a bounded concurrency, by declaration, in the form of `floating-promise`\'s `allowedCalls`: `[{ "module": "@acme/pool", "name": "limited" }]` or `[{ "file": "**/src/pool.ts", "name": "withSlot" }]`. A call of one inside the work of an item bounds the fan-out.',
        limiterTypes:
          "Types whose values run the work they are given with a bounded concurrency (calling the value, or one of its methods, inside the work of an item bounds the fan-out), in the same form. Built in: `p-limit`'s limit function, `p-queue`'s `PQueue`, `bottleneck`'s `Bottleneck`, `async-sema`'s `Sema`, `async-mutex`'s `Semaphore` and `Mutex`.",
        maxConstantLength:
          "`16` (default): a constant-length input (an array literal or `Array.of(...)`, a tuple type, `Array.from({ length: N })`, the keys of an object type without an index signature) of at most this many items is not reported; a longer one is.",
        suggestedConcurrency: "`8` (default): the concurrency the fixes write (`mapWithConcurrency(items, 8, fn)`, `{ concurrency: 8 }`).",
      },
      fixesDoc: [
        "Fixes are **suggestions** (the work then runs at most N at a time, which changes timing; an",
        "editor offers them, `--fix` never applies them), for `Promise.all(items.map(callback))` and",
        "`Promise.all(Array.from(items, callback))` written directly (not through a variable):",
        "",
        "1. When the file imports `p-map` (a default import, or `const pMap = require(\"p-map\")`), **Use `pMap` with a concurrency of N**:",
        "   `pMap(items, callback, { concurrency: N })`, which rejects like `Promise.all` (only for",
        "   `items.map`: `pMap` takes iterables, not array-likes).",
        "2. When the file imports `p-limit` (the same two forms), **Limit with `pLimit(N)`**: `const limit =",
        "   pLimit(N);` is inserted before the statement (another name when `limit` is taken) and the",
        "   callback's work is wrapped in it: `(id) => limit(() => fetchUser(id))` (an `async` callback",
        "   gives an `async` thunk). Only for an arrow callback without a written return type, in a",
        "   statement of a block; the limit is per call of the enclosing function.",
        "3. **Run at most N at a time with `mapWithConcurrency`**: the call becomes",
        "   `mapWithConcurrency(items, N, callback)`, and the helper is inserted once at the end of the",
        "   file (a function declaration, so it is hoisted; typed in TypeScript, plain in JavaScript). A",
        "   file that already declares `mapWithConcurrency` at its top level is not given a second one.",
        "   The helper keeps at most N calls in flight, resolves to the results in input order, and",
        "   rejects with the first error like `Promise.all`, starting no new item after it (the items",
        "   already running finish, as they would under `Promise.all`):",
        "",
        "```ts",
        "/**",
        " * Calls `fn` on every item, with at most `concurrency` calls in flight at once. Resolves to the",
        " * results in input order; rejects with the first error, like `Promise.all`, and starts no",
        " * further item after it.",
        " */",
        "async function mapWithConcurrency<T, R>(",
        "  items: Iterable<T> | ArrayLike<T>,",
        "  concurrency: number,",
        "  fn: (item: T, index: number) => R | PromiseLike<R>,",
        "): Promise<R[]> { ... }",
        "```",
        "",
        "`N` is `suggestedConcurrency` (8). `allSettled`, `any` and `race`, fan-outs through a variable,",
        "and loops get no fix: their result or the place to bound them is a decision the fix cannot make.",
      ].join("\n"),
      comparison: [
        "No peer reports this: typescript-eslint, ESLint, oxlint and Biome have no rule for unbounded",
        "fan-out. ESLint's `no-await-in-loop` pushes the other way (it asks for `Promise.all` where a",
        "loop awaits each item); with this rule on, a loop that awaits each item, or a batch of constant",
        "size, is the accepted answer to both.",
      ].join("\n"),
    },
  },

  create(context) {
    const checker = new UnboundedChecker(context);
    return {
      [ts.SyntaxKind.CallExpression]: (node) => checker.checkCall(node as ts.CallExpression),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Detection

/** The call that starts one promise per item: `items.map(callback)` or `Array.from(items, callback)`. */
interface FanOut {
  call: ts.CallExpression;
  /** `map` or `from`: where the finding is reported. */
  name: ts.Node;
  collection: ts.Expression;
  callback: ts.Expression;
  kind: "map" | "from";
}

/** What is known of a collection's size. */
type Size = { kind: "constant"; length: number } | { kind: "capped" } | { kind: "open" } | { kind: "unknown" };

const OPEN: Size = { kind: "open" };
const UNKNOWN: Size = { kind: "unknown" };
const CAPPED: Size = { kind: "capped" };
/** How many `const` initializers and copies `sizeOf` follows. */
const MAX_SIZE_DEPTH = 6;

/**
 * Lib methods that return a collection no larger than the one they are called on. Not `flat`: it
 * spreads the inner arrays, so `[primaryIds, secondaryIds].flat()` is as large as they are.
 */
const SAME_OR_SMALLER = new Set(["filter", "map", "slice", "sort", "reverse", "toSorted", "toReversed", "keys", "values", "entries"]);
/** Calls that only arrange to be woken up: timers and listener registrations (declared outside the project). */
const WAIT_CALLS = new Set(["setTimeout", "setImmediate", "queueMicrotask", "on", "once", "addListener", "prependListener", "prependOnceListener", "addEventListener"]);

class UnboundedChecker {
  private readonly limiterFunction: Matcher;
  private readonly limiterType: Matcher;

  constructor(private readonly context: RuleContext<UnboundedConcurrencyOptions>) {
    this.limiterFunction = compileSpecifiers(context.options.limiterFunctions);
    this.limiterType = compileSpecifiers([...BUILTIN_LIMITER_TYPES, ...context.options.limiterTypes]);
  }

  checkCall(call: ts.CallExpression): void {
    const callee = skipParens(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    if (COMBINATORS.has(method)) this.checkCombinator(call, method);
    else if (method === "push") this.checkPush(call, callee);
  }

  // --- Promise.all(items.map(...)) ----------------------------------------------------------

  private checkCombinator(call: ts.CallExpression, method: string): void {
    const argument = call.arguments[0];
    if (call.arguments.length !== 1 || ts.isSpreadElement(argument)) return;
    let fanOut = this.fanOutOf(argument);
    let direct = true;
    if (!fanOut) {
      // `const pending = ids.map(load); await Promise.all(pending);`
      const node = skipParens(argument);
      const declaration = ts.isIdentifier(node) ? this.context.types.variableDeclarationOf(node) : undefined;
      if (!declaration?.initializer || !isConstDeclaration(declaration) || declaration.getSourceFile() !== call.getSourceFile()) return;
      fanOut = this.fanOutOf(declaration.initializer);
      direct = false;
    }
    if (!fanOut || !this.isPromiseCombinator(call)) return;
    const types = this.context.types;
    if (types.promiseArrayStatus(fanOut.call, { thenables: false }) !== "always") return;
    // Items that are promises already (`awaitables.map((p) => p.then(...))`): the work started
    // when they were made; the map only waits for it.
    if (types.promiseArrayStatus(fanOut.collection, { thenables: false }) === "always") return;
    if (this.isLimitedWork(fanOut.callback) || this.onlyWaits(fanOut.callback)) return;
    if (!this.isOpen(this.sizeOf(fanOut.collection, 0))) return;
    const combinator = `Promise.${method}`;
    this.context.report({
      node: fanOut.name,
      messageId: "unboundedMap" satisfies MessageId,
      data: { combinator, collection: describeCollection(fanOut.collection) },
      fixes: direct && method === "all" ? this.fixesFor(call, fanOut) : [],
    });
  }

  /** `items.map(callback)` (Array/ReadonlyArray's) or `Array.from(items, callback)`, by declaration. */
  private fanOutOf(expression: ts.Expression): FanOut | undefined {
    const node = skipExpressionWrappers(expression);
    if (!ts.isCallExpression(node)) return undefined;
    const callee = skipParens(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || node.arguments.some(ts.isSpreadElement)) return undefined;
    const name = callee.name.text;
    if (name === "map" && node.arguments.length >= 1) {
      const ref = this.libMember(node);
      if (!ref || !(ref.qualifiedName === "Array.map" || ref.qualifiedName === "ReadonlyArray.map")) return undefined;
      return { call: node, name: callee.name, collection: callee.expression, callback: node.arguments[0], kind: "map" };
    }
    if (name === "from" && node.arguments.length >= 2) {
      if (this.libMember(node)?.qualifiedName !== "ArrayConstructor.from") return undefined;
      return { call: node, name: callee.name, collection: node.arguments[0], callback: node.arguments[1], kind: "from" };
    }
    return undefined;
  }

  /** `Promise.all` and its siblings of the global `Promise`, by declaration in the default lib. */
  private isPromiseCombinator(call: ts.CallExpression): boolean {
    const ref = this.libMember(call);
    return ref !== undefined && /^PromiseConstructor\.(?:all|allSettled|any|race)$/.test(ref.qualifiedName);
  }

  /** What a call's callee is declared as, when that is a member declared in TypeScript's lib files. */
  private libMember(call: ts.CallExpression): DeclarationRef | undefined {
    const ref = this.context.types.calleeTarget(call)?.ref;
    return ref?.isDefaultLib ? ref : undefined;
  }

  // --- loops that collect promises ----------------------------------------------------------

  /**
   * `pending.push(start(item))` in a loop over a collection of open size, with no `await` in the
   * loop, where `pending` (declared outside the loop) is later given to `Promise.all` & co.
   */
  private checkPush(call: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
    const target = skipParens(callee.expression);
    if (!ts.isIdentifier(target) || call.arguments.length === 0) return;
    const loop = enclosingLoop(call);
    if (!loop || containsAwait(loop.body)) return;
    const declaration = this.context.types.variableDeclarationOf(target);
    if (!declaration || isInside(declaration, loop.node)) return;
    // Declared anywhere outside the loop (a module-level array too): what counts is that the
    // function holding the loop then gives it to `Promise.all` & co. Any `push` (an array's, or a
    // project collection's): the promise it is given has started either way.
    const scope = enclosingFunctionOrFile(loop.node);
    const combinator = this.combinatorGiven(target, scope, loop.node);
    if (!combinator) return;
    const started = call.arguments.find(
      (argument) => !ts.isSpreadElement(argument) && this.context.types.promiseStatus(argument, { thenables: false }) === "always",
    );
    if (!started || this.isLimitedWork(started) || this.isWaitOnlyPromise(started)) return;
    if (!this.isOpen(this.loopSize(loop))) return;
    this.context.report({
      node: started,
      messageId: "unboundedLoop" satisfies MessageId,
      data: { combinator, collection: loop.collection ? describeCollection(loop.collection) : "the collection" },
    });
  }

  /** `Promise.all(pending)` (or a sibling) after the loop, in the same function: its name. */
  private combinatorGiven(variable: ts.Identifier, scope: ts.Node, loop: ts.Node): string | undefined {
    const handle = this.context.types.variableOf(variable);
    let found: string | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (node.pos >= loop.end && ts.isCallExpression(node) && node.arguments.length === 1) {
        const callee = skipParens(node.expression);
        const argument = skipExpressionWrappers(node.arguments[0]);
        if (
          ts.isPropertyAccessExpression(callee) &&
          COMBINATORS.has(callee.name.text) &&
          ts.isIdentifier(argument) &&
          argument.text === variable.text &&
          this.context.types.variableOf(argument) === handle &&
          this.isPromiseCombinator(node)
        ) {
          found = `Promise.${callee.name.text}`;
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(scope, visit);
    return found;
  }

  private loopSize(loop: Loop): Size {
    if (loop.collection) return this.sizeOf(loop.collection, 0);
    return loop.bound ?? UNKNOWN;
  }

  // --- the size of a collection -------------------------------------------------------------

  private isOpen(size: Size): boolean {
    if (size.kind === "open") return true;
    return size.kind === "constant" && size.length > this.context.options.maxConstantLength;
  }

  /**
   * What is known of the size of `expression`: a constant length (literals, tuples, `{ length: 3 }`,
   * keys of a fixed object type), capped by the project (`slice(0, N)`, `splice(0, N)`, a
   * constant-size chunk), open (an array, `Set`, `Map` or iterable), or unknown (`any`, a count).
   */
  private sizeOf(expression: ts.Expression, depth: number): Size {
    const types = this.context.types;
    const node = skipExpressionWrappers(expression);
    if (depth > MAX_SIZE_DEPTH) return UNKNOWN;
    if (ts.isArrayLiteralExpression(node)) return this.listSize(node.elements, depth);
    if (ts.isObjectLiteralExpression(node)) return this.arrayLikeSize(node);
    if (ts.isCallExpression(node)) {
      const sized = this.callSize(node, depth);
      if (sized) return sized;
    }
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      // `(...cookies: Cookie[])`: the arguments a caller wrote in one call, small by construction.
      if (ts.isIdentifier(node) && types.parameterDeclarationOf(node)?.dotDotDotToken) return UNKNOWN;
      // A `const` of the project, in this file or imported from another module
      // (`import { REGIONS } from "./regions"`): judged by its initializer.
      const constant = types.projectConstDeclarationOf(node);
      if (constant?.initializer) {
        const inner = this.sizeOf(constant.initializer, depth + 1);
        if (inner.kind !== "open" && inner.kind !== "unknown") return inner;
      }
      const declaration = ts.isIdentifier(node) ? types.variableDeclarationOf(node) : undefined;
      if (declaration && isConstDeclaration(declaration) && this.isConstantChunk(declaration)) return CAPPED;
    }
    const tuple = types.tupleLength(node);
    if (tuple !== undefined) return { kind: "constant", length: tuple };
    return types.openSizeStatus(node) === "always" ? OPEN : UNKNOWN;
  }

  /**
   * The items written one by one, of an array literal or of `Array.of(a, b)` (a typed array's
   * `Uint16Array.of(a, b)` too): one each, and a spread adds the size of what it spreads when that
   * is constant or capped; any other spread makes the list as open (or unknown) as it is.
   */
  private listSize(elements: readonly ts.Expression[], depth: number): Size {
    let length = 0;
    let capped = false;
    for (const element of elements) {
      if (!ts.isSpreadElement(element)) {
        length += 1;
        continue;
      }
      const inner = this.sizeOf(element.expression, depth + 1);
      if (inner.kind === "constant") length += inner.length;
      else if (inner.kind === "capped") capped = true;
      else return inner;
    }
    return capped ? CAPPED : { kind: "constant", length };
  }

  /** `{ length: 3 }` is constant; `{ length: n }` is a count (a pool's own size), not a collection. */
  private arrayLikeSize(node: ts.ObjectLiteralExpression): Size {
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property) && property.name.getText() === "length") {
        const length = this.context.types.numberLiteralValue(property.initializer);
        return length === undefined ? UNKNOWN : { kind: "constant", length };
      }
    }
    return UNKNOWN;
  }

  /** Sizes that calls of lib methods give: copies, caps, `Object.keys`, `Array.from`. */
  private callSize(call: ts.CallExpression, depth: number): Size | undefined {
    const callee = skipParens(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.name.text;
    const ref = this.libMember(call);
    if (!ref) return undefined;
    const [owner] = ref.qualifiedName.split(".");
    const args = call.arguments;
    if (owner === "ObjectConstructor" && (name === "keys" || name === "values" || name === "entries") && args.length === 1) {
      const count = this.context.types.fixedPropertyCount(args[0]);
      return count === undefined ? undefined : { kind: "constant", length: count };
    }
    // `Array.from(list)`, a typed array's `Uint8Array.from(list)`, ES2025's `Iterator.from(list)`: as many items as `list`.
    if (name === "from" && args.length >= 1) return this.sizeOf(args[0], depth + 1);
    // `Array.of(primary, secondary)`, a typed array's `Uint16Array.of(80, 443)`: its arguments, as a literal's elements.
    if (name === "of") return this.listSize(args, depth);
    if (name === "slice" && this.isConstantSlice(args)) return CAPPED;
    if (name === "splice" && args.length >= 2 && this.constant(args[1]) !== undefined) return CAPPED;
    if (SAME_OR_SMALLER.has(name)) {
      const inner = this.sizeOf(callee.expression, depth + 1);
      return inner.kind === "open" ? undefined : inner;
    }
    return undefined;
  }

  /**
   * At most a constant `N` items: `slice(M, N)` whatever `M` (`slice(0, N)`, `slice(offset, 100)`),
   * `slice(-N)` and `slice(-N, end)`, `slice(i, i + N)`. Not `slice(0, -N)`: an end counted from the
   * back keeps all but the last `N`.
   */
  private isConstantSlice(args: readonly ts.Expression[]): boolean {
    if (args.length === 1) {
      const start = this.constant(args[0]);
      return start !== undefined && start < 0;
    }
    if (args.length !== 2) return false;
    const [start, end] = args.map(skipExpressionWrappers);
    const startValue = this.constant(start);
    const endValue = this.constant(end);
    if ((endValue !== undefined && endValue >= 0) || (startValue !== undefined && startValue < 0)) return true;
    // `slice(i, i + N)` / `slice(i, N + i)`
    if (ts.isBinaryExpression(end) && end.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const sameStart = (side: ts.Expression) => sameReference(side, start);
      return (sameStart(end.left) && this.constant(end.right) !== undefined) || (sameStart(end.right) && this.constant(end.left) !== undefined);
    }
    return false;
  }

  /** A `const` declared by a `for...of` over a call given a constant number: `for (const batch of chunk(ids, 50))`. */
  private isConstantChunk(declaration: ts.VariableDeclaration): boolean {
    const list = declaration.parent;
    const loop = list.parent;
    if (!ts.isForOfStatement(loop) || loop.initializer !== list) return false;
    const iterated = skipExpressionWrappers(loop.expression);
    return ts.isCallExpression(iterated) && iterated.arguments.some((argument) => !ts.isSpreadElement(argument) && this.constant(argument) !== undefined);
  }

  private constant(expression: ts.Expression): number | undefined {
    return this.context.types.numberLiteralValue(expression);
  }

  // --- limiters -------------------------------------------------------------------------------

  /**
   * Does the work of an item go through a limiter? `work` is the callback of a fan-out (inline, or
   * a reference to a project function) or the promise a loop pushes. Calls anywhere inside it,
   * thunks included, count: a limiter type's value or method, a project lock class's method, a
   * function in `limiterFunctions`, or a function made by a call given a number, passed a function.
   */
  private isLimitedWork(work: ts.Expression): boolean {
    const node = skipParens(work);
    const bodies: ts.Node[] = [];
    if (isFunctionExpressionLike(node)) bodies.push(node);
    else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) bodies.push(...(this.context.types.projectImplementationsOfValue(node) ?? []));
    else bodies.push(node);
    let limited = false;
    const visit = (child: ts.Node): void => {
      if (limited) return;
      if (ts.isCallExpression(child) && this.isLimiterCall(child)) {
        limited = true;
        return;
      }
      ts.forEachChild(child, visit);
    };
    for (const body of bodies) visit(body);
    return limited;
  }

  private isLimiterCall(call: ts.CallExpression): boolean {
    const types = this.context.types;
    const callee = skipParens(call.expression);
    // `withSlot(...)`, `pool.withSlot(...)`, `pool["withSlot"](...)`, `runtime.withSlot!(...)`: the
    // callee's declaration, whatever the syntax (`calleeTarget` names what it can).
    const target = types.calleeTarget(call);
    if (target && this.limiterFunction(target.ref)) return true;
    // A callee whose type is a limiter, however it is reached: a name, a property, a record's
    // entry (`limiters[host](() => ...)`), a lookup (`limiters.get(host)!(() => ...)`).
    if (types.typeDeclarations(callee).some(this.limiterType)) return true;
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = callee.expression;
      if (types.typeDeclarations(receiver).some(this.limiterType)) return true;
      if (types.isProjectLockClass(receiver, LOCK_METHOD_PAIRS)) return true;
    }
    const passesFunction = call.arguments.some((argument) => isFunctionExpressionLike(skipParens(argument)));
    if (!passesFunction) return false;
    const made = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression : undefined;
    const declaration = made && types.variableDeclarationOf(made);
    const initializer = declaration?.initializer && skipExpressionWrappers(declaration.initializer);
    if (!initializer || !(ts.isCallExpression(initializer) || ts.isNewExpression(initializer))) return false;
    return (initializer.arguments ?? []).some((argument) => this.isNumberOrOptions(argument));
  }

  /** A number (`pLimit(4)`, `pLimit(options.concurrency)`) or an object literal with a number property (`{ concurrency: 4 }`). */
  private isNumberOrOptions(argument: ts.Expression): boolean {
    const node = skipExpressionWrappers(argument);
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.some((property) => ts.isPropertyAssignment(property) && this.context.types.numberStatus(property.initializer) === "always");
    }
    return !ts.isSpreadElement(node) && this.context.types.numberStatus(node) === "always";
  }

  // --- waiting is not work -------------------------------------------------------------------

  /** A callback whose result is a promise that only waits (`isWaitOnlyPromise`): `(dest) => new Promise((r) => dest.once("finish", r))`. */
  private onlyWaits(callback: ts.Expression): boolean {
    const node = skipParens(callback);
    if (!isFunctionExpressionLike(node)) return false;
    if (!ts.isBlock(node.body)) return this.isWaitOnlyPromise(node.body);
    const [only] = node.body.statements;
    return node.body.statements.length === 1 && ts.isReturnStatement(only) && only.expression !== undefined && this.isWaitOnlyPromise(only.expression);
  }

  /**
   * `new Promise(executor)` (the global one) whose executor starts nothing: the calls it makes
   * itself (not those in callbacks it registers, which run later) are its own `resolve`/`reject`,
   * timers and listener registrations declared outside the project (`setTimeout`, `once`, `on`,
   * `addEventListener`...). It waits for a timer or an event, so there is nothing to bound.
   */
  private isWaitOnlyPromise(expression: ts.Expression): boolean {
    const node = skipExpressionWrappers(expression);
    if (!ts.isNewExpression(node) || node.arguments?.length !== 1) return false;
    const ref = this.context.types.calleeTarget(node)?.ref;
    if (!ref?.isDefaultLib || !/^Promise(?:Constructor)?$/.test(ref.qualifiedName)) return false;
    const executor = skipParens(node.arguments[0]);
    if (!isFunctionExpressionLike(executor)) return false;
    const settlers = new Set(executor.parameters.flatMap((parameter) => (ts.isIdentifier(parameter.name) ? [parameter.name.text] : [])));
    let startsWork = false;
    const visit = (child: ts.Node): void => {
      if (startsWork || ts.isFunctionLike(child)) return;
      if (ts.isCallExpression(child) || ts.isNewExpression(child)) {
        if (!(ts.isCallExpression(child) && this.isWaitCall(child, settlers))) {
          startsWork = true;
          return;
        }
      }
      ts.forEachChild(child, visit);
    };
    visit(executor.body);
    return !startsWork;
  }

  private isWaitCall(call: ts.CallExpression, settlers: ReadonlySet<string>): boolean {
    const callee = skipParens(call.expression);
    if (ts.isIdentifier(callee) && settlers.has(callee.text)) return true;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === undefined || !WAIT_CALLS.has(name)) return false;
    // It is handed what wakes it up: a callback, or the promise's own `resolve`/`reject`.
    const wakes = call.arguments.some((argument) => {
      const value = skipParens(argument);
      return isFunctionExpressionLike(value) || (ts.isIdentifier(value) && settlers.has(value.text));
    });
    if (!wakes) return false;
    // Declared by a library, or by an interface of the project (the shape of an emitter or a
    // stream); a project function with a body of that name may do anything.
    const declarations = this.context.types.calleeTarget(call)?.declarations ?? [];
    return (
      declarations.length > 0 &&
      declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile || ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration))
    );
  }

  // --- fixes ----------------------------------------------------------------------------------

  private fixesFor(combinatorCall: ts.CallExpression, fanOut: FanOut): Fix[] {
    const callbackCount = fanOut.kind === "map" ? 1 : 2;
    if (fanOut.call.arguments.length !== callbackCount) return [];
    // Both helpers pass the item and its index, not `map`'s third argument (the array).
    const callbackNode = skipParens(fanOut.callback);
    if (isFunctionExpressionLike(callbackNode) && (callbackNode.parameters.length > 2 || callbackNode.parameters.some((p) => p.dotDotDotToken))) return [];
    const sourceFile = this.context.sourceFile;
    const fileName = sourceFile.fileName;
    const concurrency = this.context.options.suggestedConcurrency;
    const collection = fanOut.collection.getText(sourceFile);
    const callback = fanOut.callback.getText(sourceFile);
    const replace = (newText: string): TextEdit => ({ fileName, start: combinatorCall.getStart(sourceFile), end: combinatorCall.getEnd(), newText });
    const fixes: Fix[] = [];
    const pMap = fanOut.kind === "map" ? defaultImportOf(sourceFile, "p-map") : undefined;
    if (pMap) {
      fixes.push({
        kind: "suggestion",
        title: `Use \`${pMap}\` with a concurrency of ${concurrency}`,
        edits: [replace(`${pMap}(${collection}, ${callback}, { concurrency: ${concurrency} })`)],
      });
    }
    const pLimit = defaultImportOf(sourceFile, "p-limit");
    const limited = pLimit ? this.pLimitFix(combinatorCall, fanOut, pLimit) : undefined;
    if (limited) fixes.push(limited);
    const edits = [replace(`${HELPER_NAME}(${collection}, ${concurrency}, ${callback})`)];
    if (!declaresTopLevelFunction(sourceFile, HELPER_NAME)) {
      const text = sourceFile.text;
      const separator = text.length === 0 || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
      edits.push({ fileName, start: text.length, end: text.length, newText: `${separator}${workerPoolHelper(this.context.isJavaScript)}` });
    }
    fixes.push({ kind: "suggestion", title: `Run at most ${concurrency} at a time with \`${HELPER_NAME}\``, edits });
    return fixes;
  }

  /**
   * With `p-limit` imported: `const limit = pLimit(N);` before the statement, and the callback's
   * work wrapped in it, `(id) => limit(() => fetchUser(id))`. Only for an arrow callback without a
   * return type (its parameters keep their contextual types), in a statement of a block.
   */
  private pLimitFix(combinatorCall: ts.CallExpression, fanOut: FanOut, pLimit: string): Fix | undefined {
    const sourceFile = this.context.sourceFile;
    const callback = skipParens(fanOut.callback);
    if (!ts.isArrowFunction(callback) || callback.type || callback.typeParameters) return undefined;
    let statement: ts.Node = combinatorCall;
    while (!ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent) && !ts.isModuleBlock(statement.parent) && !ts.isCaseOrDefaultClause(statement.parent)) {
      if (ts.isFunctionLike(statement.parent)) return undefined;
      statement = statement.parent;
    }
    const name = ["limit", "limitConcurrency", "concurrencyLimit"].find((candidate) => !mentionsIdentifier(sourceFile, candidate));
    if (!name) return undefined;
    const concurrency = this.context.options.suggestedConcurrency;
    const start = statement.getStart(sourceFile);
    const lineStart = sourceFile.text.lastIndexOf("\n", start - 1) + 1;
    const indent = sourceFile.text.slice(lineStart, start);
    const isAsync = callback.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
    const parameters = sourceFile.text.slice(callback.getStart(sourceFile), callback.equalsGreaterThanToken.getStart(sourceFile)).replace(/^async\s*/, "").trimEnd();
    const body = callback.body.getText(sourceFile);
    const thunkBody = ts.isObjectLiteralExpression(callback.body) ? `(${body})` : body;
    const fileName = sourceFile.fileName;
    return {
      kind: "suggestion",
      title: `Limit with \`${pLimit}(${concurrency})\``,
      edits: [
        { fileName, start: lineStart, end: lineStart, newText: `${indent}const ${name} = ${pLimit}(${concurrency});\n` },
        { fileName, start: callback.getStart(sourceFile), end: callback.getEnd(), newText: `${parameters} => ${name}(${isAsync ? "async " : ""}() => ${thunkBody})` },
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Syntax helpers

/** Does any identifier in the file have this text (a name a new declaration could clash with)? */
function mentionsIdentifier(sourceFile: ts.SourceFile, text: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === text) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

interface Loop {
  node: ts.Node;
  body: ts.Node;
  /** The collection iterated, when the loop names one. */
  collection?: ts.Expression;
  /** The size of a counted loop up to a constant: `for (let i = 0; i < 4; i++)`. */
  bound?: Size;
}

/** The loop whose body holds `node` (not through another function, except a `forEach` callback). */
function enclosingLoop(node: ts.Node): Loop | undefined {
  for (let current = node.parent; !ts.isSourceFile(current); current = current.parent) {
    const child = childOnPath(current, node);
    if (ts.isForOfStatement(current) && child === current.statement) return { node: current, body: current.statement, collection: current.expression };
    if (ts.isForInStatement(current) && child === current.statement) return { node: current, body: current.statement, collection: undefined, bound: UNKNOWN };
    if (ts.isForStatement(current) && child === current.statement) return { node: current, body: current.statement, ...countedBound(current) };
    if (ts.isWhileStatement(current) || ts.isDoStatement(current)) return child === current.statement ? { node: current, body: current.statement, bound: UNKNOWN } : undefined;
    if (ts.isFunctionLike(current)) {
      // `items.forEach((item) => pending.push(start(item)))`
      const call = current.parent;
      if (isFunctionExpressionLike(current) && ts.isCallExpression(call) && call.arguments[0] === current) {
        const callee = skipParens(call.expression);
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === "forEach") {
          return { node: call, body: current.body, collection: callee.expression };
        }
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * `for (let i = 0; i < items.length; i++)` (or `i <= `, `i !== `, `i != `, and the same written the
 * other way round, `items.length > i`, `items.length !== i`): the collection `items`; `i < 4`: a
 * constant bound.
 */
function countedBound(loop: ts.ForStatement): { collection?: ts.Expression; bound?: Size } {
  const condition = loop.condition && skipExpressionWrappers(loop.condition);
  if (!condition || !ts.isBinaryExpression(condition)) return { bound: UNKNOWN };
  const limit = countedLimit(condition, loopIndexes(loop));
  if (!limit) return { bound: UNKNOWN };
  if (ts.isPropertyAccessExpression(limit) && limit.name.text === "length") return { collection: limit.expression };
  if (ts.isNumericLiteral(limit)) return { bound: { kind: "constant", length: Number(limit.text) } };
  return { bound: UNKNOWN };
}

const UP_TO = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken]);
const DOWN_TO = new Set([ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);
const NOT_EQUAL = new Set([ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
const STEP = new Set([ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken]);

/**
 * The side a counted loop's index runs up to: the right of `i < n`, the left of `n > i`; of `i !== n`
 * (or `n !== i`) the side that is not one of the loop's `indexes`, when the other is.
 */
function countedLimit(condition: ts.BinaryExpression, indexes: readonly ts.Expression[]): ts.Expression | undefined {
  const operator = condition.operatorToken.kind;
  const right = skipExpressionWrappers(condition.right);
  const left = skipExpressionWrappers(condition.left);
  if (UP_TO.has(operator)) return right;
  if (DOWN_TO.has(operator)) return left;
  if (!NOT_EQUAL.has(operator)) return undefined;
  // `i !== items.length` / `items.length !== i`: the side that is not the index. In
  // `for (let next = 0; running.length !== limit; next++)` neither side is: no collection, no bound.
  const isIndex = (side: ts.Expression) => indexes.some((index) => sameReference(index, side));
  return isIndex(left) && !isIndex(right) ? right : isIndex(right) && !isIndex(left) ? left : undefined;
}

/**
 * What a counted loop counts with: the names its initializer declares or sets (`let i = 0`,
 * `state.sent = 0`) and what its incrementor steps or sets (`i++`, `state.sent += 1`, `i++, j--`).
 */
function loopIndexes(loop: ts.ForStatement): ts.Expression[] {
  const indexes: ts.Expression[] = [];
  const initializer = loop.initializer;
  if (initializer && ts.isVariableDeclarationList(initializer)) {
    for (const declaration of initializer.declarations) if (ts.isIdentifier(declaration.name)) indexes.push(declaration.name);
  } else if (initializer) {
    collectUpdated(initializer, indexes);
  }
  if (loop.incrementor) collectUpdated(loop.incrementor, indexes);
  return indexes;
}

/** What an expression assigns or steps, through commas: `i = 0`, `i++`, `--i`, `i += 2`. */
function collectUpdated(expression: ts.Expression, into: ts.Expression[]): void {
  const node = skipExpressionWrappers(expression);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.CommaToken) {
      collectUpdated(node.left, into);
      collectUpdated(node.right, into);
    } else if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) {
      into.push(node.left);
    }
  } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && STEP.has(node.operator)) {
    into.push(node.operand);
  }
}

/** The direct child of `ancestor` on the way down to `node`. */
function childOnPath(ancestor: ts.Node, node: ts.Node): ts.Node | undefined {
  let current: ts.Node = node;
  while (current.parent && current.parent !== ancestor) current = current.parent;
  return current.parent === ancestor ? current : undefined;
}

/** Does `node` hold an `await` (or `for await`) outside nested functions? */
function containsAwait(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || ts.isFunctionLike(child)) return;
    if (ts.isAwaitExpression(child) || (ts.isForOfStatement(child) && child.awaitModifier)) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function enclosingFunctionOrFile(node: ts.Node): ts.Node {
  for (let current = node.parent; ; current = current.parent) {
    if (ts.isSourceFile(current) || ts.isFunctionLike(current)) return current;
  }
}

function isInside(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The same name or `this.x` / `a.b` chain, written the same way. */
function sameReference(a: ts.Expression, b: ts.Expression): boolean {
  const left = skipExpressionWrappers(a);
  const right = skipExpressionWrappers(b);
  if (ts.isIdentifier(left) && ts.isIdentifier(right)) return left.text === right.text;
  if (ts.isPropertyAccessExpression(left) && ts.isPropertyAccessExpression(right)) {
    return left.name.text === right.name.text && sameReference(left.expression, right.expression);
  }
  return left.kind === ts.SyntaxKind.ThisKeyword && right.kind === ts.SyntaxKind.ThisKeyword;
}

/** `` `ids` `` for a short one-line expression, else "the collection". */
function describeCollection(expression: ts.Expression): string {
  const text = expression.getText();
  return text.length <= 40 && !/[\r\n`]/.test(text) ? `\`${text}\`` : "the collection";
}

/**
 * The local name of a module's default import (`import pMap from "p-map"`), or of a top-level
 * `const pMap = require("p-map")` (CommonJS), if the file has one.
 */
function defaultImportOf(sourceFile: ts.SourceFile, module: string): string | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer && skipParens(declaration.initializer);
        if (
          ts.isIdentifier(declaration.name) &&
          initializer &&
          ts.isCallExpression(initializer) &&
          ts.isIdentifier(initializer.expression) &&
          initializer.expression.text === "require" &&
          initializer.arguments.length === 1 &&
          ts.isStringLiteral(initializer.arguments[0]) &&
          initializer.arguments[0].text === module
        ) {
          return declaration.name.text;
        }
      }
    }
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === module &&
      statement.importClause?.name &&
      !statement.importClause.isTypeOnly
    ) {
      return statement.importClause.name.text;
    }
  }
  return undefined;
}

function declaresTopLevelFunction(sourceFile: ts.SourceFile, name: string): boolean {
  return sourceFile.statements.some((statement) => ts.isFunctionDeclaration(statement) && statement.name?.text === name);
}

// ---------------------------------------------------------------------------------------------
// The worker-pool helper the fix inserts (test/rules/unbounded-concurrency.test.ts runs it)

const HELPER_DOC = [
  "/**",
  " * Calls `fn` on every item, with at most `concurrency` calls in flight at once. Resolves to the",
  " * results in input order; rejects with the first error, like `Promise.all`, and starts no",
  " * further item after it.",
  " */",
];

const HELPER_BODY = [
  "  const list = Array.from(items);",
  "  const results = new Array%R%(list.length);",
  "  let next = 0;",
  "  let failed = false;",
  "  const worker = async ()%VOID% => {",
  "    while (!failed && next < list.length) {",
  "      const index = next++;",
  "      try {",
  "        results[index] = await fn(list[index], index);",
  "      } catch (error) {",
  "        failed = true;",
  "        throw error;",
  "      }",
  "    }",
  "  };",
  "  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency || 1, list.length)) }, worker));",
  "  return results;",
  "}",
];

/** The source of the helper: typed for TypeScript, plain for JavaScript. Ends with a line feed. */
export function workerPoolHelper(javaScript: boolean): string {
  const signature = javaScript
    ? [`async function ${HELPER_NAME}(items, concurrency, fn) {`]
    : [
        `async function ${HELPER_NAME}<T, R>(`,
        "  items: Iterable<T> | ArrayLike<T>,",
        "  concurrency: number,",
        "  fn: (item: T, index: number) => R | PromiseLike<R>,",
        "): Promise<R[]> {",
      ];
  const body = HELPER_BODY.map((line) => line.replace("%R%", javaScript ? "" : "<R>").replace("%VOID%", javaScript ? "" : ": Promise<void>"));
  return [...HELPER_DOC, ...signature, ...body].join("\n") + "\n";
}
