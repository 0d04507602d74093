/**
 * misused-promise: promises and async functions in places that ignore or misread them.
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), the visitor,
 * detection for each place (callbacks expecting `void`, conditions, predicates, spreads, Promise
 * executors), then the fixes.
 */
import * as ts from "typescript";
import { argumentParameters, awaitAllowedAt, enclosingFunction, isAsyncFunction, isFunctionExpressionLike, isLogicalAssignmentOperator, needsParensAsUnaryOperand, valueOperands } from "../engine/astUtils";
import type { PromiseQuery, Tri, TypeOracle } from "../engine/typeOracle";
import { skipParens } from "../engine/typeOracle";
import { rejectionFacts } from "../engine/rejection";
import { AWAITED_CALLBACK_SLOT_MEMBERS, AWAITED_CALLBACK_SLOTS, awaitedCallbackSlotOf } from "../engine/catalogues/awaitedCallbackSlots";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../engine/types";

// ---------------------------------------------------------------------------------------------
// Options and messages

export interface MisusedPromiseOptions {
  checksVoidReturn: boolean;
  checksConditionals: boolean;
  checksPredicates: boolean;
  checksSpreads: boolean;
  checksExecutors: boolean;
  checkThenables: boolean;
  checkSelfHandled: boolean;
  catchHandler: string;
}

const messages = {
  voidReturnArgument:
    "Promise-returning function passed where a function returning `void` is expected: `{{callee}}` ignores the promise, so {{rejection}}, and nothing waits for the work to finish. Handle errors inside and start it with `void`, or use an API that awaits callbacks.",
  forEach:
    "`forEach` does not wait for async callbacks: the iterations run concurrently, the loop returns before they finish, and a rejection is unhandled. Use `for...of` with `await`, or `await Promise.all(items.map(...))`.",
  forEachCaught:
    "`forEach` does not wait for async callbacks: the iterations run concurrently and the loop returns before they finish. (This callback catches its own errors, so rejections are handled, but order and completion are still lost.) Use `for...of` with `await`, or `await Promise.all(items.map(...))`.",
  listener:
    "Async function used as an event listener: the emitter ignores the promise it returns, so {{rejection}}. Catch errors inside the listener, or wrap it in a sync listener that calls it with `void` and `.catch()`.",
  voidReturnAttribute:
    "Promise-returning function passed to the JSX attribute `{{name}}`, which expects a function returning `void`: the component ignores the promise, so a rejection is unhandled. Handle errors inside and start the work with `void`.",
  voidReturnProperty:
    "Promise-returning function assigned to `{{name}}`, which is typed to return `void`: whoever calls it ignores the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
  voidReturnVariable:
    "Promise-returning function assigned to `{{name}}`, whose type returns `void`: callers ignore the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
  voidReturnReturnValue:
    "Promise-returning function returned where the return type expects a function returning `void`: whoever calls the returned function ignores its promise, so a rejection is unhandled. Handle errors inside, or change the return type to return a promise.",
  voidReturnDispose:
    "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and {{rejection}}. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
  voidReturnAsyncDispose:
    "This value has no `[Symbol.asyncDispose]()`, so `await using` calls its `[Symbol.dispose]()` when the block ends and does not wait for what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and {{rejection}}. Give the value a `[Symbol.asyncDispose]` method (`await using` awaits that one), or make `[Symbol.dispose]` synchronous.",
  voidReturnInheritedMethod:
    "Promise-returning method `{{name}}` overrides or implements `{{base}}.{{name}}`, which returns `void`: code that calls it through `{{base}}` ignores the promise, so a rejection is unhandled and nothing waits for the work to finish. Handle errors inside the method, or change `{{base}}.{{name}}` to return a promise.",
  conditional:
    "Promise used as a condition: a promise object is always truthy, so this test never looks at the value it resolves to. Did you forget `await`?",
  conditionalStored:
    "Promise stored in `{{name}}` used as a condition: a promise object is always truthy, so this test neither looks at the value it resolves to nor, as declared, tells whether the work was started. If it checks for a started operation, declare the variable or property as `Promise<T> | undefined` (or optional); if it needs the result, await the promise first.",
  predicate:
    "Async predicate passed to `{{method}}`: it returns a promise, which is always truthy, so `{{method}}` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
  spread:
    "Spreading a promise copies none of the value it resolves to (a promise has no own enumerable properties). Did you forget `await`?",
  asyncExecutor:
    "Async function used as a Promise executor: any error thrown in it, before or after its first `await`, rejects the promise the async function returns (which nothing handles) instead of this one, so this promise never settles and the error becomes an unhandled rejection. Make the executor synchronous, or drop `new Promise` and write an async function.",
} as const;

/** Lib-declared array methods that call their callback right away and ignore its result type. */
/** What an unhandled rejection does, for `{{rejection}}`: it depends on where the program runs. */
const REJECTION_ON_NODE = "a rejection becomes an unhandled rejection, which ends the Node.js process";
const REJECTION_ELSEWHERE = "a rejection becomes an unhandled rejection, which only a global `unhandledrejection` handler or the console sees";

const FOR_EACH_METHODS = new Set(["forEach"]);
const PREDICATE_METHODS = new Set(["filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex"]);
const ARRAY_HOLDERS = new Set(["Array", "ReadonlyArray", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Set", "ReadonlySet", "Map", "ReadonlyMap"]);
/** Listener registrations, matched by declaration: EventEmitter in @types/node, EventTarget in lib.dom. */
const LISTENER_METHODS = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener", "addEventListener"]);
/** Listener removals of the same emitters: the listener is never called there. */
const LISTENER_REMOVAL_METHODS = new Set(["off", "removeListener", "removeEventListener"]);
const TIMER_FUNCTIONS = new Set(["setTimeout", "setInterval", "setImmediate", "queueMicrotask", "nextTick"]);

// ---------------------------------------------------------------------------------------------
// The rule

export const misusedPromise: RuleModule<MisusedPromiseOptions> = {
  meta: {
    id: "misused-promise",
    defaultSeverity: "warning",
    requiresTypes: true,
    messages,
    optionsSchema: {
      type: "object",
      properties: {
        checksVoidReturn: {
          type: "boolean",
          description: "Report promise-returning functions where a function returning `void` is expected.",
        },
        checksConditionals: { type: "boolean", description: "Report promises used as conditions." },
        checksPredicates: { type: "boolean", description: "Report async predicates passed to `filter`, `some`, `every`, `find`…" },
        checksSpreads: { type: "boolean", description: "Report spreading a promise into an object." },
        checksExecutors: { type: "boolean", description: "Report `new Promise(async (resolve, reject) => ...)`." },
        checkThenables: { type: "boolean", description: "Treat any value with a callable `then` as a promise." },
        checkSelfHandled: {
          type: "boolean",
          description: "Also report async callbacks whose promise cannot reject (every `await` handled inside) or that never suspend (no `await`, no `throw`).",
        },
        catchHandler: { type: "string", minLength: 1, description: "The handler the listener fix inserts." },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      checksVoidReturn: true,
      checksConditionals: true,
      checksPredicates: true,
      checksSpreads: true,
      checksExecutors: true,
      checkThenables: false,
      checkSelfHandled: false,
      catchHandler: "(error) => { console.error(error); }",
    },
    docs: {
      description: "Promises and async functions must not be used where they are ignored or always truthy.",
      rationale: [
        "Some places take a function and ignore what it returns: `forEach`, event listeners, timers,",
        "JSX event attributes, properties typed `() => void`. An async function there still runs, but",
        "its promise goes nowhere: nothing waits for it, and a rejection becomes an unhandled",
        "rejection, which ends a Node.js process. `items.forEach(async (item) => save(item))` is the",
        "classic: the loop returns at once, the saves race each other, and a failed save crashes the",
        "process later, far from its cause. (Messages say \"ends the Node.js process\" only where the",
        "program runs under Node.js, that is where `@types/node` declares `process`; in code typed for",
        "the DOM only, an unhandled rejection reaches just a global `unhandledrejection` handler and",
        "the console.)",
        "",
        "Other places read a promise as a plain value: a promise object is always truthy, so",
        "`if (user.isAdmin())` with an async `isAdmin` always takes the branch, and",
        "`items.filter(async (item) => check(item))` keeps every item. Spreading a promise copies",
        "nothing. And an async Promise executor (`new Promise(async (resolve, reject) => ...)`) loses",
        "every error thrown in it, also before its first `await`: an async function turns a throw",
        "into a rejection of its own promise, so the Promise constructor never sees it. The",
        "built-in constructor is recognised by its symbol: also through `const P = Promise` or",
        "`globalThis.Promise`, never a project class that happens to be named `Promise`.",
        "",
        "Types decide, not names: a callback is reported only when the parameter it is passed to is",
        "typed to return `void` (so `Array#map`, `.then` and `Promise.all` are fine), and a value only",
        "when its type is a promise (values typed `any` or `unknown` are never reported). A method",
        "handed on with `.bind(this)` counts as the method itself, in every place: an argument",
        "(`emitter.on(\"job\", this.onJob.bind(this))`), an assignment (`=`, `??=`, `||=`, `&&=`) to a property or variable typed",
        "to return `void` (`transport.onmessage = this.onMessage.bind(this)`), or the callee of a",
        "sync arrow's body (`() => this.flush.bind(this)()`).",
        "",
        "Not reported, deliberately:",
        "",
        "- An async listener handed to `off`, `removeListener` or `removeEventListener` of Node's",
        "  `events` or the DOM's `EventTarget`: removing a listener never calls it (the `on(...)` that",
        "  registered it is where the finding is).",
        "- An async callback where any overload of the callee accepts a function returning a promise",
        "  (or any thenable) in that position. Test frameworks declare a done-callback form next to an",
        "  async one (mocha's `it`, `test`, `before`, `beforeEach`, `after`; jasmine's union",
        "  `((done) => void) | (() => Promise<void>)`), and they await the async form. The overload set",
        "  decides, not the one overload the checker resolves (it picks the first, `void`-returning",
        "  one). A callee with no such overload, like mocha's `describe`, is still reported.",
        "- An async callback to a promise's own `finally` (`job.run().finally(async () => release())`,",
        "  also written `[\"finally\"]`):",
        "  although typed `() => void`, `Promise.prototype.finally` waits for the promise the callback",
        "  returns and rejects with its error, so nothing is lost. A `finally` method of another type",
        "  is judged by its parameter type like any callee.",
        "- An async function added with `push`, `unshift` or `splice` to an array whose element type",
        "  nobody wrote: a variable, class field or JavaScript `this.x` property with no annotation",
        "  (nor JSDoc `@type`) that holds an array literal, whose `() => void` element type the",
        "  compiler only inferred from its first elements (hapi's `this._marshalCycle =",
        "  [Headers.type]`, later given the async `Auth.response` and run by `await func(response)`",
        "  for each element); an array written as `Array<() => void>` or `Listener[]` is still",
        "  reported.",
        "- A function stored into a library callback slot that is typed to return `void` but whose",
        "  library awaits the promise the function returns and handles its rejection. The slot is",
        "  matched by its declaration (the package and the interface member the type checker finds",
        "  for it), never by the name written, from a small catalogue (`AWAITED_CALLBACK_SLOTS`):",
        ...AWAITED_CALLBACK_SLOTS.map((slot) => `  \`${slot.owner}.${slot.member}\` of \`${slot.module}\`: ${slot.why} (${slot.since}).`),
        "  An object literal's property, shorthand property or method (`new Pool({ onConnect: async",
        "  (client) => { await client.query(\"SET search_path TO app\"); } })`), an assignment to that",
        "  property (`config.onConnect = ...`), and a class member implementing it count. The same",
        "  name anywhere else is still reported: a project's own `PoolConfig`, another package's",
        "  `onConnect`, a listener (`pool.on(\"connect\", async (client) => ...)`, which pg does not",
        "  await), or a slot whose type is a union with another type's `onConnect`.",
        "- A condition on a value the code declares as possibly absent, read from the declaration",
        "  rather than the type: an optional property or parameter (`closing?: Promise<void>`), a",
        "  written type naming `undefined`, `null` or `void` (also through a type alias), an",
        "  initializer `null`/`undefined`, a `let` declared without initializer, a class field that",
        "  starts unassigned where the compiler does not check field initialization (no initializer,",
        "  no `!`, not assigned by the constructor's own statements), the result of",
        "  a call whose declared return type does (`Map#get`, `Array#find`), a computed element",
        "  (`cache[key]`), an optional chain (`jobs.find(isMine)?.done`), or a variable or property",
        "  initialized from one of these. With `strictNullChecks` off, `Promise<void> | undefined` has the type",
        "  `Promise<void>`, so the type alone would turn every presence check",
        "  (`if (!this.closing) this.closing = this.drain();`) into a \"promise used as a condition\".",
        "  JavaScript classes have no field declarations: their properties are the `this.x = ...`",
        "  assignments in their methods, so such a property starts absent unless the constructor's own",
        "  statements first assign it a value (`this.x = null` or `void 0` there, in JavaScript or",
        "  TypeScript, counts as a null initializer). The same holds for a function-style class",
        "  (`const Queue = function Queue() {...}` with `Queue.prototype.close = function () {...}`):",
        "  its constructor function's own statements, and those of a base it calls in the same file",
        "  (`Base.call(this)`), decide; a getter that only returns one of these values",
        "  (`get closing() { return self.closing; }`) is read the same way.",
        "  A promise kept in a property or a `let` variable and declared as always present is still",
        "  reported (the test always gives the same answer), but with no `await` fix: awaiting a close before",
        "  deciding whether to start one would start a second one.",
        "- A callback handed to a function of the project (not a library: those are judged by their",
        "  types) whose parameter is typed `() => void` but whose body handles the promise: every use",
        "  of the parameter is a call awaited inside a `try` whose `catch` does not rethrow (an event",
        "  bus that stores `async (...a) => { try { await listener(...a); } catch (e) { log(e); } }`),",
        "  a call awaited directly in that async function (the rejection then rejects its own promise,",
        "  which the caller holds and `floating-promise` checks), or a hand-over to another project",
        "  function that does one of these (followed up to 3 functions deep from each call, whatever",
        "  was asked before it). A method called on a union of project classes (`queue: MemoryQueue |",
        "  RetryQueue`) may run any of their",
        "  implementations, so each must handle it. Uses that never call the callback do not count:",
        "  tests (`typeof task`, `!task`, comparisons, `if (task)`), a prefix operator (`+task`), and",
        "  reads that give no function (`task.name`, `task.length`, `task.toString()`), as in a retry",
        "  that names the failed task. Calling the callback",
        "  without `await`, even inside `try`/`catch`, or awaiting it in a nested function without a",
        "  `catch`, or storing it anywhere else (also a bound copy, `task.bind(this)`) is still reported.",
        "- An async callback whose promise cannot reject, where the only loss is the rejection: a",
        "  listener, a timer, a property, variable or JSX attribute typed to return `void` (option",
        "  `checkSelfHandled`). Every path of its body runs inside a `try` whose `catch` cannot throw",
        "  (`setTimeout(async () => { try { await raw.connect(); } catch { this.scheduleReconnect(); } })`),",
        "  or its `try` ends in `finally { process.exit() }`, or each `await` is of a promise given a",
        "  handler (`await request.continueWithAuth(c).catch((e) => log(e))`: a call typed to return a",
        "  promise is taken to report failure through it) or of a project function that cannot reject.",
        "  The same analysis as `floating-promise`'s self-handled callees (`engine/rejection.ts`): a",
        "  library call or a `throw` outside the protected `try` can throw, so such a callback is still",
        "  reported (a signal handler `async () => { await this.stop(); }` whose `stop` can reject). In",
        "  error-handling code (`catch` and `finally` blocks, rejection handlers, project functions",
        "  called from them) only explicit failures count: a rethrow, an `await` that can reject, a",
        "  promise the handler returns that can reject (`.catch(() => this.retry())`; a helper called",
        "  there for its value, `this.send(m).catch(...)`, hands its promise to its caller), a project",
        "  function that fails by the same standard, `emit(\"error\", e)`. Library",
        "  calls there (a logger, another event) are taken not to throw: they would throw only on a bug",
        "  in the handler itself (see `floating-promise`).",
        "  A promise's own `resolve` and `reject` (an executor's parameters, or a local or field set only",
        "  from them) count as not throwing, so `setTimeout(async () => { try { resolve(await load()); }",
        "  catch (e) { reject(e); } })` inside a `new Promise` executor is self-handled. A handler may",
        "  also be named: the executor's `reject` (`consumer.stop().then(resolve).catch(reject)`: each",
        "  link of a chain passes the failure on) or a project function that needs no `this` (a `const`",
        "  arrow, a function that does not read `this`: `.catch(logError)`), judged by the same analysis;",
        "  a method passed unbound (`.catch(this.onError)`) is not followed.",
        "  A sync arrow that returns a promise which cannot reject by the same analysis counts the same",
        "  way (`process.on(\"SIGTERM\", () => child.waitForCurrentJobAndExit())` where that project",
        "  method's `try` ends in `finally { process.exit() }`, or `() => this.flush().catch(log)`).",
        "  In a project linted as built JavaScript (`dist/**/*.js` beside the `.d.ts` files the build",
        "  emitted, which imports resolve to), a declaration in such a `.d.ts` is read from the",
        "  JavaScript beside it (the code that runs); there, a module variable set to an object by an",
        "  earlier top-level statement (a compiled enum: `var Status; (function (Status) { ... })(Status",
        "  || (Status = {}));`) is read without a possible `TypeError` in the classes declared after it.",
        "  `forEach` is reported either way: its callbacks lose order and completion too (the message",
        "  then says the rejections are handled).",
        "- An async callback that never suspends: no `await`, `for await` or `yield`, no `throw`",
        "  statement, and nothing returned that can be a promise (`emitter.on(\"cleared\", async () => {",
        "  this.dispose(); })`). It runs to its end before the call that invokes it returns, so no",
        "  order or completion is lost (also in `forEach`), and it rejects only where the same body as",
        "  a sync function would throw. This is its own category, not \"cannot reject\" (the promise",
        "  can reject), decided by `engine/rejection.ts` as for `floating-promise`; `checkSelfHandled`",
        "  reports these too.",
        "- An async callback whose waits add no way to fail, in a listener, a timer or a place typed to",
        "  return `void`: every `await` is of a promise that never rejects, or inside a `try` whose",
        "  `catch` cannot throw (judged as error-handling code, as above), with no `throw` statement",
        "  outside such a `try` and nothing returned that can be a promise (`ws.on(\"message\", async (m)",
        "  => { await new Promise((r) => setTimeout(r, this.delay)); this.dispatch(JSON.parse(m)); })`,",
        "  or a listener that parses its event, emits, then runs `try { await binding.run(); } catch (e)",
        "  { log(e); }`). Such a callback rejects only where the same body as a sync function would",
        "  throw (every throw in an async function becomes a rejection): waiting for a timer, for a",
        "  promise that only resolves or for caught work adds a delay, not a way to fail. Which promises",
        "  never reject is decided by `engine/rejection.ts` as for `floating-promise` (`new Promise((resolve)",
        "  => ...)` whose executor cannot throw, a `const` or field set only from one); here also",
        "  `new Promise((resolve) => ...)` whose executor may throw (it throws before `new` returns, as",
        "  sync code would), `Promise.resolve(value)`, a local set only from these, and a call of a",
        "  project function that is itself of this kind (`await this.determineRequestParams(c)`, whose",
        "  awaits are a form-parse promise and a local raw-body promise; followed a few functions deep).",
        "  A value typed `any` that it returns by name or property read (a setting from an untyped",
        "  config) is taken as data. Awaiting anything else outside such a `try` (`await fetch(url)`),",
        "  or a `catch` that rethrows, is a way to fail, and such a callback is still reported. So is",
        "  an `await` of a call on a value typed `any` that is handed a callback of this kind (built",
        "  JavaScript's `await this.worker.trace(\"extendLocks\", async (span) => { try { ... } catch (e)",
        "  { ... } })`, where the worker is an untyped constructor parameter): nothing says the callee",
        "  only runs the callback (a tracer's own spans and context manager may throw, and it rethrows",
        "  what the callback throws), so the rejection is unknown. A `try` whose `catch` cannot throw",
        "  around that `await` makes the method, and a timer awaiting it, self-handled.",
        "  `forEach` is reported either way (the work after the `await` runs after the loop), and so is",
        "  every case with `checkSelfHandled`.",
        "  A gate object counts as a promise that never rejects too: `await this.#frameTreeHandled?.valueOrThrow()`",
        "  where the field holds a project class instance (puppeteer's `Deferred`) whose method rejects",
        "  only after one of its members has run (`reject()`, which sets the `#isRejected` flag its",
        "  `throw` is guarded by, or a timeout the constructor sets only when given options), created",
        "  without those options (`Deferred.create()`), and used anywhere in the project only to call",
        "  members that do not reject (`resolve()`, `valueOrThrow()`) or in presence tests. A field",
        "  whose gate is rejected anywhere, created with a timeout, or handed on (`Deferred.race([gate])`,",
        "  or any destructuring or `x[\"name\"]` read of a property of that name) may reject, and such a",
        "  listener is still reported.",
        "- The cases above also for a callback handed on by reference: a function declaration, a",
        "  `const` holding a function expression (`session.on(\"changed\", handle)`), a method or a class",
        "  field holding an arrow (`conn.on(\"created\", this.#onCreated)`), or one of these bound",
        "  with `.bind(this)`. The project's declaration is read: for a method, every override in the",
        "  project's subclasses must qualify too; a field assigned anywhere in its class, a `let`",
        "  variable, a parameter or a library function may hold another function, so such a",
        "  reference is still reported.",
        "- A sync function (not `async`) whose returned promises lose nothing, where only the",
        "  rejection is lost (not `forEach`): each returned value that can be a promise is a chain",
        "  that already has a rejection handler (an executor ending in `return query(sql).catch((e) =>",
        "  stream.emit(\"error\", e)).then(() => stream.end());`: the function handled the",
        "  rejection, and only a throw in a later step could escape), or a call whose every possible",
        "  callee is a project function, those returning a promise losing nothing themselves (a",
        "  listener relaying a table of handlers, `(arg) => { return handler.bind(this)(client, arg);",
        "  }`, where the only async one never suspends). Otherwise a sync function is reported where",
        "  a `return` gives a promise on some path, with an expression or a block body (`(err, res) =>",
        "  { if (err) return; return refetch(res); }` to a callback typed to return `void`).",
        "- A sync predicate whose body reads a stored promise that may be absent by its declaration",
        "  (`jobs.filter((job) => job.pending)` with `pending?: Promise<void>` keeps the jobs with work",
        "  in flight), read as for conditions. One that is always a promise (`replicas.filter((r) =>",
        "  r.healthy)` with `healthy: Promise<boolean>`) is reported: every item passes.",
        "- A sync `using` of a value whose `[Symbol.dispose]` is an async method of the project that",
        "  never suspends (it has finished when it returns). One that waits is reported even when it",
        "  cannot reject: the code after the block runs before the clean-up is done, as with",
        "  `forEach`. The same for an `await using` of a value without `[Symbol.asyncDispose]`.",
        "- An `await using` of a value with a `[Symbol.asyncDispose]` method: that is the one it",
        "  calls and awaits, whatever its `[Symbol.dispose]` returns.",
        "- A promise that syntax does not show (a limit of cost): outside the places that always",
        "  matter (`forEach`, listeners, timers, predicates), a function value that is not async is",
        "  asked for its type only when its own name, or a name it calls or returns, is one the project",
        "  declares as promise-returning (async, or written with a promise type: `TypeOracle.promiseNames`),",
        "  or when it returns a `new` expression or an element read. So `onShutdown(refresh)` with",
        "  `refresh() { return api.reload(); }`, whose promise is only inferred, is not reported. A",
        "  sync body returning an operator expression (`return inflight.get(key) ?? save(key)`) is not",
        "  reported anywhere.",
      ].join("\n"),
      incorrect: [
        {
          title: "An async callback to `forEach`",
          code: [
            "declare function save(id: string): Promise<void>;",
            "",
            "export async function saveAll(ids: string[]) {",
            "  ids.forEach(async (id) => {",
            "    await save(id);",
            "  });",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 15 },
        },
        {
          title: "An async event listener",
          code: [
            'import { EventEmitter } from "node:events";',
            "declare function handle(message: string): Promise<void>;",
            "",
            "const bus = new EventEmitter();",
            'bus.on("message", async (message: string) => {',
            "  await handle(message);",
            "});",
          ].join("\n"),
          reportedAt: { line: 5, column: 19 },
        },
        {
          title: "A promise as a condition",
          code: [
            "declare function isAdmin(user: string): Promise<boolean>;",
            "",
            "export function check(user: string) {",
            "  if (isAdmin(user)) {",
            '    console.log("admin");',
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 7 },
        },
        {
          title: "An async predicate",
          code: [
            "declare function exists(path: string): Promise<boolean>;",
            "",
            "export function present(paths: string[]) {",
            "  return paths.filter(async (path) => exists(path));",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 23 },
        },
        {
          title: "An async Promise executor",
          code: [
            "declare function load(): Promise<string>;",
            "",
            "export const text = new Promise<string>(async (resolve) => {",
            "  resolve(await load());",
            "});",
          ].join("\n"),
          reportedAt: { line: 3, column: 41 },
        },
      ],
      correct: [
        {
          title: "Awaiting each item, or all of them",
          code: [
            "declare function save(id: string): Promise<void>;",
            "",
            "export async function saveAll(ids: string[]) {",
            "  for (const id of ids) {",
            "    await save(id);",
            "  }",
            "  await Promise.all(ids.map(async (id) => save(id)));",
            "}",
          ].join("\n"),
        },
        {
          title: "A sync listener that handles the promise",
          code: [
            'import { EventEmitter } from "node:events";',
            "declare function handle(message: string): Promise<void>;",
            "",
            "const bus = new EventEmitter();",
            'bus.on("message", (message: string) => {',
            "  void handle(message).catch((error) => console.error(error));",
            "});",
          ].join("\n"),
        },
        {
          title: "Awaiting before testing",
          code: [
            "declare function isAdmin(user: string): Promise<boolean>;",
            "",
            "export async function check(user: string) {",
            "  if (await isAdmin(user)) {",
            '    console.log("admin");',
            "  }",
            "}",
          ].join("\n"),
        },
        {
          title: "Callbacks whose promise is used",
          code: [
            "declare function load(id: string): Promise<string>;",
            "",
            "export function loadAll(ids: string[]) {",
            "  return Promise.all(ids.map(async (id) => load(id))).then(async (texts) => texts.join());",
            "}",
          ].join("\n"),
        },
        {
          title: "A synchronous executor",
          code: [
            "export const tick = new Promise<void>((resolve) => {",
            "  setTimeout(resolve, 10);",
            "});",
          ].join("\n"),
        },
      ],
      optionsDoc: {
        checksVoidReturn:
          "`true` (default): report promise-returning functions passed as arguments or JSX attributes, or assigned to object properties, typed variables or (with `=`, `??=`, `||=` or `&&=`) properties and variables, whose expected type returns `void`; async class methods and fields (and interface members) that override or implement a member returning `void`; and a sync `using` of a value whose `[Symbol.dispose]()` returns a promise.",
        checksConditionals: "`true` (default): report promises in `if`, `while`, `do`, `for`, `? :`, `!` and `&&`/`||` operands of a condition, and left operands of `&&`/`||` elsewhere.",
        checksPredicates: "`true` (default): report async predicates (and sync ones that return a promise) passed to `filter`, `some`, `every`, `find`, `findIndex`, `findLast`, `findLastIndex`.",
        checksSpreads: "`true` (default): report `{ ...promise }`.",
        checksExecutors: "`true` (default): report `new Promise(async (resolve, reject) => ...)`.",
        checkThenables: "`false` (default): only the built-in `Promise` counts. `true`: any value with a callable `then`.",
        checkSelfHandled:
          "`false` (default): an async callback whose promise cannot reject is not reported where its only loss is the rejection (listeners, timers, `void` properties, attributes and variables; `forEach` callbacks are reported either way), nor one that never suspends (anywhere). `true`: report both.",
        catchHandler: "The handler the listener fix inserts. Default: `(error) => { console.error(error); }`.",
      },
      fixesDoc: [
        "All fixes are **suggestions** (they change behaviour):",
        "",
        "- `items.forEach(async (x) => { ... })` as a statement inside an async function:",
        "  **Replace with a `for...of` loop** (`for (const x of items) { ... }`, awaits kept; the items then",
        "  run one after another), offered when the callback is an arrow with one parameter and no `return`;",
        "  or **Await all with `Promise.all(items.map(...))`** (the items still run concurrently).",
        "- `if (p)` and other conditions inside async code: **Add `await`** (`if (await p)`); not for a",
        "  promise kept in a property, element or `let` variable (usually a presence check), nor for a",
        "  promise of nothing (`Promise<void>`: `await` would test `undefined`).",
        "- An async arrow passed where `void` is expected (a listener, a timer): **Wrap in a sync",
        "  function** that starts it with `void` and a `.catch()` handler:",
        "  `(e) => { void (async () => { ... })().catch(<catchHandler>); }`.",
      ].join("\n"),
      comparison: [
        "Follows typescript-eslint's `no-misused-promises` defaults (`checksConditionals`,",
        "`checksVoidReturn`, `checksSpreads`) and differs where we think it is sounder:",
        "",
        "Measured against its default-option test suite (195 cases): 160 agree; leaving out the cases",
        "this rule deliberately leaves alone (callbacks that cannot reject or never suspend, below) 160",
        "of 162 (98.8 %), and 192 of 195 with `checkSelfHandled: true`. Every case it accepts, this rule",
        "accepts too. The two misses left: a spread of a call to a sync arrow that returns a promise, and",
        "an interface extending a `typeof` class-expression alias.",
        "",
        "- Async predicates to `filter`/`some`/`every`/`find…` are reported under their own option",
        "  (`checksPredicates`); `no-misused-promises` reports them under `checksConditionals`.",
        "- `forEach`, listeners and Promise executors get their own messages, and a `forEach` callback",
        "  that catches its own errors is still reported (order and completion are lost) with a message",
        "  that says its rejections are handled.",
        "- Like `no-misused-promises`, an argument is fine when any overload of the callee accepts a",
        "  promise-returning function there. Unlike it, a project function that awaits the callback",
        "  inside `try`/`catch` is read from its body, and presence checks are read from declarations",
        "  (which matters with `strictNullChecks` off, where `no-misused-promises` reports them).",
        "- A spread argument (`onExit(...cleanups)`) is reported when its element type (or each",
        "  element of a fixed tuple) returns a promise and fills a parameter typed to return `void`;",
        "  an array spread only where it fills the rest parameter, nothing after an earlier spread.",
        "- A reference typed by a callable interface or alias that returns a promise",
        "  (`handler: JobHandler` with `interface JobHandler { (id: string): Promise<void> }`) is",
        "  checked like one typed by the function type itself, as in `no-misused-promises`.",
        "- In a condition, both operands of `??` are checked, as those of `&&` and `||` (as in",
        "  `no-misused-promises`); outside a condition, the left operands of `&&` and `||` are checked",
        "  (`return warm || connect()` always gives `warm`), as in `no-misused-promises`, and `??` is not.",
        "  The value an assignment or a comma gives is tested too (`while ((job = nextJob()))`), with no",
        "  fix inside an assignment (`await` there would change what is stored).",
        "- A spread is reported at the operand that is always a promise (a branch of `? :`, the right",
        "  of `&&`, either side of `||` / `??`, the value of an assignment or a comma). `no-misused-promises` reports the whole spread when any",
        "  part of its type may be a promise (`{ ...maybeLoaded }` with `Promise<T> | undefined`); we",
        "  do not, since such a value is usually spread after a presence check elsewhere.",
        "- A function stored where its type returns `void` (an assignment, a typed variable or class",
        "  field, an object literal's property, a return value) is checked through what keeps or picks",
        "  the value: `??`, `||`, the right of `&&`, a conditional's branches, `as`, `satisfies` and `!`.",
        "  A default handler (`this.onError = options.onError ?? (async (error) => { ... })`) is",
        "  reported at the async function, with the same wrap fix; a sync fallback (`?? (() => {})`) is",
        "  not. An argument is checked as written (`setTimeout(onTimeout ?? (async () => ...))` is not).",
        "- An async callback to `Promise#finally` is not reported (its parameter is typed `() => void`,",
        "  so `no-misused-promises` reports it, yet `finally` awaits the callback's promise), however",
        "  the call is written: `promise[\"finally\"](...)`, `promise[key](...)` with a key typed",
        "  `\"finally\"`, a bound `job.finally.bind(job)`. The default lib's method decides; a project",
        "  method named `finally` is judged like any other.",
        "- Arguments matched to a rest parameter are checked from its first element on, also for a",
        "  tuple-typed rest (`...cbs: [() => void, number?]`); where the rest is a generic or variadic",
        "  tuple the contextual type of the argument decides.",
        "- Return statements (`checksVoidReturn.returns`) are checked: `return async () => ...` where",
        "  the written return type, or the callback's contextual signature (an effect cleanup), is a",
        "  function returning `void`, also as an arrow's expression body (`(): Cleanup => async () =>",
        "  ...`).",
        "- Inherited methods (`checksVoidReturn.inheritedMethods`) are checked: an async method (or",
        "  one whose written return type is a promise) that overrides or implements a method of an",
        "  `extends`/`implements` type returning `void`, reported at its name, also when the base comes",
        "  from a library `.d.ts` (as in `no-misused-promises`). Unlike it, a method whose promise",
        "  cannot reject or that never suspends is not reported (the same `engine/rejection.ts` policy",
        "  as callbacks; `checkSelfHandled: true` reports them), nor one with overload signatures, nor",
        "  a static method, nor one whose base returns a `void` that is only inferred from its body",
        "  (a JavaScript placeholder that throws \"not supported\", which callers of the subclass treat as",
        "  a promise): only a written `void` (an annotation or a JSDoc `@returns`) is a contract.",
        "  As in `no-misused-promises`, class fields holding a promise-returning function",
        "  (`onEvent = async (e) => ...`), abstract methods and `declare`d or abstract fields written",
        "  to return a promise, and the named members of an interface that extends another",
        "  (`interface RemoteStore extends Store { flush(): Promise<void> }`) are checked the same",
        "  way; call, construct and index signatures are not. A class field written as `() => void`",
        "  that holds an async function is reported as a property (`voidReturnProperty`).",
        "- Sync functions (not `async`) are checked where they return a promise on some path, with a",
        "  block body too, object and class methods included, as in `no-misused-promises`. Unlike it,",
        "  one whose returned chain already has a rejection handler, or whose returned calls reach",
        "  only project functions that lose nothing, is not reported (see \"Not reported\").",
        "- `using` (`checksVoidReturn`): a sync `using` of a value whose `[Symbol.dispose]()` returns",
        "  a promise, and a variable written as `Disposable` initialized with such a value (also through",
        "  `??`, `||`, a conditional or `!`: `const lock: Disposable = shared ?? acquire()`), are",
        "  reported with their own message (`voidReturnDispose`) where `no-misused-promises` says",
        "  `voidReturnVariable`; only the default lib's `Symbol.dispose` counts. An `await using` of a",
        "  value with no `[Symbol.asyncDispose]` falls back to `[Symbol.dispose]()` and does not await",
        "  its result either (the proposal's `GetDisposeMethod`, TypeScript's `__disposeResources`):",
        "  reported when that returns a promise (`voidReturnAsyncDispose`); `no-misused-promises`",
        "  does not check `await using`.",
        "- Object literals: shorthand properties naming a promise-returning function (`{ onExit }`),",
        "  and literals whose contextual type is a union with `undefined` (`Hooks | undefined`) or a",
        "  `Record`'s string index, are checked like other properties, as in `no-misused-promises`.",
        "- Predicates: a sync predicate whose expression body reads a stored promise",
        "  (`filter((r) => r.healthy)`) is reported when every part of the value is a promise and its",
        "  declaration does not say it may be absent; `no-misused-promises` reports any value that",
        "  can be a promise there.",
        "",
        "Suppression comments written for the peers (`@typescript-eslint/no-misused-promises`, `no-async-promise-executor` and Biome's `noMisusedPromises` / `noAsyncPromiseExecutor`: `eslint-disable-next-line`, `-line`,",
        "`eslint-disable`/`eslint-enable` ranges, the `oxlint-` forms, `biome-ignore`) also suppress this rule, so a",
        "codebase moving over keeps its deliberate exceptions; `honorPeerSuppressions: false` turns that off (README,",
        "\"Suppressions written for ESLint, oxlint and Biome\").",
      ].join("\n"),
    },
  },

  create(context) {
    const checker = new MisuseChecker(context);
    const options = context.options;
    const visitor: Partial<Record<ts.SyntaxKind, (node: ts.Node) => void>> = {};
    if (options.checksVoidReturn || options.checksPredicates || options.checksExecutors) {
      visitor[ts.SyntaxKind.CallExpression] = (node) => checker.checkCall(node as ts.CallExpression);
      visitor[ts.SyntaxKind.NewExpression] = (node) => checker.checkCall(node as ts.NewExpression);
    }
    if (options.checksVoidReturn) {
      visitor[ts.SyntaxKind.JsxAttribute] = (node) => checker.checkJsxAttribute(node as ts.JsxAttribute);
      // A slot the library awaits although its type returns `void` (`AWAITED_CALLBACK_SLOTS`) is checked nowhere.
      visitor[ts.SyntaxKind.PropertyAssignment] = (node) => {
        if (!checker.fillsAwaitedSlot(node as ts.PropertyAssignment)) checker.checkProperty(node as ts.PropertyAssignment);
      };
      visitor[ts.SyntaxKind.MethodDeclaration] = (node) => {
        if (!checker.fillsAwaitedSlot(node as ts.MethodDeclaration)) checker.checkObjectMethod(node as ts.MethodDeclaration);
      };
      visitor[ts.SyntaxKind.VariableDeclaration] = (node) => {
        checker.checkVariable(node as ts.VariableDeclaration);
        checker.checkDisposal(node as ts.VariableDeclaration);
      };
      visitor[ts.SyntaxKind.BinaryExpression] = (node) => {
        if (!checker.fillsAwaitedSlot(node as ts.BinaryExpression)) checker.checkAssignment(node as ts.BinaryExpression);
      };
      visitor[ts.SyntaxKind.ShorthandPropertyAssignment] = (node) => {
        if (!checker.fillsAwaitedSlot(node as ts.ShorthandPropertyAssignment)) checker.checkShorthandProperty(node as ts.ShorthandPropertyAssignment);
      };
      visitor[ts.SyntaxKind.PropertyDeclaration] = (node) => {
        if (!checker.fillsAwaitedSlot(node as ts.PropertyDeclaration)) checker.checkClassProperty(node as ts.PropertyDeclaration);
      };
      visitor[ts.SyntaxKind.MethodSignature] = (node) => checker.checkInheritedSignature(node as ts.MethodSignature);
      visitor[ts.SyntaxKind.PropertySignature] = (node) => checker.checkInheritedSignature(node as ts.PropertySignature);
      visitor[ts.SyntaxKind.ReturnStatement] = (node) => checker.checkReturn(node as ts.ReturnStatement);
      visitor[ts.SyntaxKind.ArrowFunction] = (node) => checker.checkArrowBody(node as ts.ArrowFunction);
    }
    if (options.checksConditionals) {
      const condition = (node: ts.Node) => checker.checkCondition(node);
      visitor[ts.SyntaxKind.IfStatement] = condition;
      visitor[ts.SyntaxKind.WhileStatement] = condition;
      visitor[ts.SyntaxKind.DoStatement] = condition;
      visitor[ts.SyntaxKind.ForStatement] = condition;
      visitor[ts.SyntaxKind.ConditionalExpression] = condition;
      visitor[ts.SyntaxKind.PrefixUnaryExpression] = condition;
    }
    if (options.checksSpreads) {
      visitor[ts.SyntaxKind.SpreadAssignment] = (node) => checker.checkSpread(node as ts.SpreadAssignment);
    }
    if (options.checksConditionals) {
      const assignment = visitor[ts.SyntaxKind.BinaryExpression];
      visitor[ts.SyntaxKind.BinaryExpression] = (node) => {
        assignment?.(node);
        checker.checkLogicalValue(node as ts.BinaryExpression);
      };
    }
    return visitor;
  },
};

// ---------------------------------------------------------------------------------------------
// Detection

type FunctionLikeExpression = ts.ArrowFunction | ts.FunctionExpression;

class MisuseChecker {
  private readonly query: PromiseQuery;

  constructor(private readonly context: RuleContext<MisusedPromiseOptions>) {
    this.query = { thenables: context.options.checkThenables };
  }

  /**
   * Does this member or assignment store a function into a library callback slot whose type
   * returns `void` but whose library awaits the promise returned and handles its rejection
   * (`AWAITED_CALLBACK_SLOTS`: pg's `PoolConfig.onConnect`, awaited by pg-pool)? An object
   * literal's member (`onConnect: async (client) => ...`, `{ onConnect }`, `async onConnect(client)
   * {}`), an assignment to a property (`config.onConnect = ...`), or a class member without a
   * written type of its own that implements or overrides one. The name is matched first (syntax);
   * then the oracle names the slot's declarations (`TypeOracle.slotDeclarations`), and every one
   * must be a record's: a project's own `PoolConfig`, another package's `onConnect`, or a union
   * with another type's `onConnect` is still checked.
   */
  fillsAwaitedSlot(node: ts.PropertyAssignment | ts.ShorthandPropertyAssignment | ts.MethodDeclaration | ts.PropertyDeclaration | ts.BinaryExpression): boolean {
    let slot: ts.ObjectLiteralElementLike | ts.ClassElement | ts.PropertyAccessExpression;
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator !== ts.SyntaxKind.EqualsToken && !isLogicalAssignmentOperator(operator)) return false;
      const target = skipParens(node.left);
      if (!ts.isPropertyAccessExpression(target)) return false;
      slot = target;
    } else {
      if (ts.isPropertyDeclaration(node) && writtenTypeOf(node)) return false;
      slot = node;
    }
    const name = slot.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name)) || !AWAITED_CALLBACK_SLOT_MEMBERS.has(name.text)) return false;
    const declarations = this.context.types.slotDeclarations(slot);
    return declarations !== undefined && declarations.length > 0 && declarations.every((ref) => awaitedCallbackSlotOf(ref) !== undefined);
  }

  /**
   * Does this function value return a promise? Async functions answer without a type query. For
   * references and `x => call()` arrows the type is asked only when the name involved belongs to a
   * promise-returning function of the project (a syntactic gate; see `promiseFunctionNames`), or
   * when `forceTypes` says the place is known to matter.
   */
  private returnsPromise(node: ts.Expression, forceTypes = false): Tri {
    const value = skipParens(node);
    const names = () => this.context.types.promiseNames().functions;
    if (isBindCall(value)) {
      // `this.onMessage.bind(this)` returns what `this.onMessage` returns (lib `Function#bind` only).
      const target = value.expression.expression;
      if (!forceTypes && !names().has(lastName(target) ?? "")) return "never";
      if (!this.isLibBind(value)) return "may";
      return this.context.types.functionReturnsPromise(target, this.query);
    }
    if (isFunctionExpressionLike(value)) {
      if (isAsyncFunction(value)) return value.asteriskToken ? "never" : "always";
      // A block body's return type needs the whole body checked: only expression bodies are asked.
      if (ts.isArrowFunction(value) && !ts.isBlock(value.body)) {
        const body = skipParens(value.body);
        if (!ts.isCallExpression(body) && !ts.isNewExpression(body)) return "never";
        if (!forceTypes && !names().has(lastName(body.expression) ?? "")) return "never";
        return this.context.types.promiseStatus(body, this.query);
      }
      return this.blockReturnsPromise(value, forceTypes);
    }
    if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) {
      if (!forceTypes && !names().has(lastName(value) ?? "")) return "never";
      return this.context.types.functionReturnsPromise(value, this.query);
    }
    return "never";
  }

  /**
   * A function with a block body that is not async: does some `return` give a promise
   * (`(err, res) => { if (err) return "abc"; return fetchRest(res); }`)? One path is enough, as
   * for an expression body and for typescript-eslint (a promise returned on any path is dropped
   * where `void` is expected). The checker infers the return type from the whole body, so it is
   * asked only when a returned expression passes the syntactic gate (a call of, or a reference
   * to, a name that can hold a promise, a `new`, an element) or `forceTypes` says the place
   * matters. A written return type decides alone.
   */
  private blockReturnsPromise(fn: ts.FunctionLikeDeclaration, forceTypes: boolean): Tri {
    if (fn.asteriskToken || !fn.body || !ts.isBlock(fn.body)) return "never";
    const { types } = this.context;
    if (fn.type) return types.declarationReturnsPromise(fn, this.query);
    const names = types.promiseNames();
    const mayBePromise = (expression: ts.Expression): boolean => {
      const value = skipParens(expression);
      if (ts.isConditionalExpression(value)) return mayBePromise(value.whenTrue) || mayBePromise(value.whenFalse);
      if (ts.isCallExpression(value)) return forceTypes || names.functions.has(lastName(value.expression) ?? "");
      if (ts.isNewExpression(value) || ts.isElementAccessExpression(value)) return true;
      if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) return forceTypes || names.values.has(lastName(value) ?? "");
      return false;
    };
    if (!returnedExpressions(fn.body).some(mayBePromise)) return "never";
    return types.declarationReturnsPromise(fn, this.query);
  }

  /**
   * A sync function (not async) whose returned promises lose nothing where only the rejection is
   * lost: each returned value that can be a promise is a chain that already has a rejection
   * handler (`return query(sql).catch((e) => stream.emit("error", e)).then(() => stream.end())`:
   * the function handled the rejection; only a throw in a later step could escape), or a call
   * whose every possible callee is a project function, and those returning a promise lose nothing
   * themselves (`dropsNothing`: a listener relaying a handler from a table of sync methods and one
   * async method that never suspends, `(arg) => handler.bind(this)(client, arg)`).
   */
  private syncReturnsLoseNothing(value: ts.Node): boolean {
    if (this.context.options.checkSelfHandled) return false;
    if (!(isFunctionExpressionLike(value) || ts.isMethodDeclaration(value)) || isAsyncFunction(value) || value.asteriskToken || !value.body) return false;
    // Sync functions relaying each other's calls: bounded and cycle-safe (a cycle answers no).
    if (this.relaying.has(value) || this.relaying.size >= RELAY_DEPTH) return false;
    this.relaying.add(value);
    try {
      return this.returnsLoseNothing(value.body);
    } finally {
      this.relaying.delete(value);
    }
  }

  private readonly relaying = new Set<ts.Node>();

  private returnsLoseNothing(body: ts.ConciseBody): boolean {
    const { types } = this.context;
    const returned = (ts.isBlock(body) ? returnedExpressions(body) : [body]).flatMap((expression) => {
      const node = skipParens(expression);
      return ts.isConditionalExpression(node) ? [node.whenTrue, node.whenFalse] : [node];
    });
    if (returned.length === 0) return false;
    return returned.every((expression) => {
      const node = skipParens(expression);
      if (chainHasRejectionHandler(node)) return true;
      if (ts.isCallExpression(node)) {
        let callee = skipParens(node.expression);
        if (isBindCall(callee) && this.isLibBind(callee)) callee = skipParens(callee.expression.expression);
        const declarations = types.callSignatureDeclarations(callee);
        if (declarations) {
          return declarations.every((declaration) => {
            // A callee that never returns a promise loses nothing, a library one too (`return console.warn(...)`).
            if (!isAsyncFunction(declaration) && types.declarationReturnsPromise(declaration, this.query) === "never") return true;
            if (!types.isProjectSourceFile(declaration.getSourceFile())) return false;
            return (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || isFunctionExpressionLike(declaration)) && declaration.body !== undefined && this.dropsNothing(declaration);
          });
        }
      }
      return types.promiseStatus(node, this.query) === "never";
    });
  }

  /**
   * A predicate whose answer is a promise: async, returning a promise-returning call, or a sync
   * arrow whose expression body reads a stored promise (`(replica) => replica.healthy`,
   * `() => pending`). A stored value counts only when every part of it is a promise and its
   * declaration does not say it may be absent (`everyPartIsPromise`, as for conditions): `(job) =>
   * job.pending` with `pending?: Promise<void>` keeps the jobs with work in flight.
   */
  private predicateReturnsPromise(predicate: ts.Expression): boolean {
    const value = skipParens(predicate);
    if (ts.isArrowFunction(value) && !isAsyncFunction(value) && !ts.isBlock(value.body)) {
      const body = skipParens(value.body);
      if (ts.isIdentifier(body) || ts.isPropertyAccessExpression(body) || ts.isElementAccessExpression(body)) {
        return this.mayHoldPromise(body) && this.context.types.everyPartIsPromise(body, this.query) === "always";
      }
    }
    return this.returnsPromise(predicate, true) === "always";
  }

  private receiversMemo: CallbackReceivers | undefined;

  private receivers(): CallbackReceivers {
    const { types } = this.context;
    this.receiversMemo ??= types.memo(RECEIVER_KEY, () => new CallbackReceivers(types));
    return this.receiversMemo;
  }

  checkCall(call: ts.CallExpression | ts.NewExpression): void {
    const args = call.arguments;
    if (!args || args.length === 0) return;
    const { options, types } = this.context;
    const callee = skipParens(call.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;

    // `new Promise(async (resolve, reject) => ...)`
    if (ts.isNewExpression(call)) {
      const first = skipParens(args[0]);
      // The built-in constructor by its symbol, also through a `const P = Promise` alias or `globalThis.Promise`.
      if (options.checksExecutors && isFunctionExpressionLike(first) && isAsyncFunction(first) && types.isGlobalPromiseConstructor(call.expression)) {
        this.context.report({ node: first, messageId: "asyncExecutor" });
        return;
      }
    }

    // Async predicates: `filter(async ...)`, `some(async ...)`...
    if (options.checksPredicates && ts.isCallExpression(call) && method && PREDICATE_METHODS.has(method)) {
      const first = args[0];
      if (this.isCandidate(first) && this.predicateReturnsPromise(first) && this.isLibArrayMethod(call)) {
        this.context.report({ node: first, messageId: "predicate", data: { method } });
        return;
      }
    }

    if (!options.checksVoidReturn) return;
    // `off`/`removeListener`/`removeEventListener` of an emitter never call the listener they are
    // given: nothing is dropped there (the registration, `on(...)`, is where the finding is).
    if (method !== undefined && LISTENER_REMOVAL_METHODS.has(method) && this.isKnownListenerApi(call)) return;
    // Well-known places that ignore a callback's result are worth a type question for any callback.
    const known = method !== undefined && (FOR_EACH_METHODS.has(method) || LISTENER_METHODS.has(method) || TIMER_FUNCTIONS.has(method));
    for (const argument of args) {
      if (ts.isSpreadElement(argument)) {
        // `onExit(...hooks)`: the spread's element type is the callback's type.
        if (types.spreadFillsVoidPositions(argument, this.query) === "always" && !this.callsLibPromiseFinally(call)) {
          this.context.report({ node: argument.expression, messageId: "voidReturnArgument", data: { callee: calleeName(call), rejection: types.programRunsOnNode() ? REJECTION_ON_NODE : REJECTION_ELSEWHERE } });
        }
        continue;
      }
      if (!this.isCandidate(argument)) continue;
      const value = skipParens(argument);
      // Cheapest first: an async function expression needs no type question to return a promise;
      // for anything else, the callee's declared parameter type usually settles the case.
      if (!(isFunctionExpressionLike(value) && isAsyncFunction(value)) && types.declaredParameterExpectsVoid(argument) === "never") continue;
      if (this.returnsPromise(argument, known) !== "always") continue;
      if (types.expectsVoidFunction(argument) !== "always") continue;
      if (this.receivers().handles(call, args.indexOf(argument))) continue;
      if (this.neverSuspends(value) || (!this.isForEach(call, method) && (this.selfHandled(value) || this.onlyDelays(value) || this.syncReturnsLoseNothing(value)))) continue;
      if (this.callsLibPromiseFinally(call)) continue;
      if (this.growsInferredArray(call, args.indexOf(argument))) continue;
      this.reportVoidArgument(call, argument, method);
    }
  }

  /**
   * Cheap syntactic gate for values: a call of a promise-returning function, or a reference to a
   * name that can hold a promise (see `TypeOracle.promiseNames`), seen through `!`, `satisfies`
   * and parentheses (they keep the value's type); a type assertion (`x as Promise<T>`, whose
   * written type decides), a `new` expression (`new Promise(...)`) and a tagged template (a query
   * builder's ``sql`...` `` is often a promise) are always asked. Nothing else is worth a type
   * query: literals, functions, `await`, `typeof`, `void` and arithmetic never give a promise.
   */
  private mayHoldPromise(node: ts.Expression): boolean {
    if (ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) return this.mayHoldPromise(node.expression);
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) return true;
    const names = this.context.types.promiseNames();
    if (ts.isCallExpression(node)) return names.functions.has(lastName(node.expression) ?? "");
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) return names.values.has(lastName(node) ?? "");
    if (ts.isElementAccessExpression(node)) return true;
    return false;
  }

  /** Cheap syntactic gate: only function expressions, references and `f.bind(...)` can be functions. */
  private isCandidate(node: ts.Expression): boolean {
    const value = skipParens(node);
    return isFunctionExpressionLike(value) || ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) || isBindCall(value);
  }

  /** Is this `.bind` the default lib's `Function#bind` (found through its symbol, without resolving the call)? */
  private isLibBind(call: ts.CallExpression): boolean {
    const ref = this.context.types.calleeTarget(call)?.ref;
    return ref !== undefined && ref.isDefaultLib && /^(?:CallableFunction|NewableFunction|Function)\.bind$/.test(ref.qualifiedName);
  }

  /**
   * Is this the default lib's `Promise#finally`? It awaits a promise returned by its callback and
   * rejects with that promise's error (ECMAScript `Promise.prototype.finally`), so an async
   * callback there loses nothing.
   */
  private isLibPromiseFinally(call: ts.CallExpression): boolean {
    const declaration = this.context.types.calleeDeclaration(call);
    return declaration !== undefined && declaration.isDefaultLib && declaration.qualifiedName === "Promise.finally";
  }

  /**
   * `promise.finally(async () => ...)` waits for the callback's promise and passes its rejection on.
   * Asked only of a call about to be reported, so the callee's name does not matter: also
   * `promise["finally"](...)` (code from before ES5 made `finally` a valid property name),
   * `promise[key](...)` with a key typed `"finally"`, `promise.finally!(...)` and a bound
   * `job.finally.bind(job)`.
   */
  private callsLibPromiseFinally(call: ts.CallExpression | ts.NewExpression): boolean {
    return ts.isCallExpression(call) && this.isLibPromiseFinally(call);
  }

  /**
   * Does the argument at `index` add an element to an array whose element type nobody wrote
   * (`steps.push(...)`, `this.cycle.unshift(...)`, the items of `splice`, the default lib's
   * `Array` methods)? The receiver is a variable, a class field or, in JavaScript, a property
   * declared by `this.x = ...` assignments, every declaration of which has no written type (no
   * annotation, no JSDoc `@type` in JavaScript) and gets an array literal none of whose elements
   * is a type assertion. Its element type is then only what the compiler inferred from the first
   * elements (hapi's `this._marshalCycle = [Headers.type]`, a sync function): the `void` it
   * expects is no contract, and the code that runs the array may await every element (hapi's
   * `for (const func of route._marshalCycle) await func(response)`). Asked only of a call about
   * to be reported.
   */
  private growsInferredArray(call: ts.CallExpression | ts.NewExpression, index: number): boolean {
    if (!ts.isCallExpression(call)) return false;
    const callee = skipParens(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    if (!(method === "push" || method === "unshift" || (method === "splice" && index >= 2))) return false;
    const declaration = this.context.types.calleeDeclaration(call);
    if (!declaration?.isDefaultLib || declaration.qualifiedName !== `Array.${method}`) return false;
    const receiver = skipParens(callee.expression);
    const { types } = this.context;
    if (ts.isIdentifier(receiver)) {
      const variable = types.variableDeclarationOf(receiver);
      return variable !== undefined && ts.isIdentifier(variable.name) && !writtenTypeOf(variable) && isUntypedArrayLiteral(variable.initializer);
    }
    if (!ts.isPropertyAccessExpression(receiver)) return false;
    const declarations = types.memberDeclarationsOf(receiver);
    return (
      declarations !== undefined &&
      declarations.every((node) => {
        if (ts.isPropertyDeclaration(node)) return !writtenTypeOf(node) && isUntypedArrayLiteral(node.initializer);
        // In JavaScript, `this.x = value` (TypeScript 6 gives the assignment, TypeScript 7 may give its left side).
        const assignment = ts.isPropertyAccessExpression(node) ? node.parent : node;
        if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
        const target = skipParens(assignment.left);
        if (!ts.isPropertyAccessExpression(target) || target.expression.kind !== ts.SyntaxKind.ThisKeyword) return false;
        return !ts.getJSDocType(assignment) && isUntypedArrayLiteral(assignment.right);
      })
    );
  }

  private isLibArrayMethod(call: ts.CallExpression): boolean {
    const declaration = this.context.types.calleeDeclaration(call);
    if (!declaration?.isDefaultLib) return false;
    const holder = declaration.qualifiedName.split(".")[0] ?? "";
    return ARRAY_HOLDERS.has(holder);
  }

  private reportVoidArgument(call: ts.CallExpression | ts.NewExpression, argument: ts.Expression, method: string | undefined): void {
    const value = skipParens(argument);
    const calleeText = calleeName(call);
    if (this.isForEach(call, method)) {
      const caught = isFunctionExpressionLike(value) && (catchesOwnErrors(value) || this.selfHandled(value, true));
      this.context.report({
        node: argument,
        messageId: caught ? "forEachCaught" : "forEach",
        fixes: this.forEachFixes(call, value),
      });
      return;
    }
    const isListener = method !== undefined && LISTENER_METHODS.has(method) && this.isKnownListenerApi(call);
    this.context.report({
      node: argument,
      messageId: isListener ? "listener" : "voidReturnArgument",
      data: { callee: calleeText, rejection: this.context.types.programRunsOnNode() ? REJECTION_ON_NODE : REJECTION_ELSEWHERE },
      fixes: this.wrapFixes(value),
    });
  }

  private isForEach(call: ts.CallExpression | ts.NewExpression, method: string | undefined): call is ts.CallExpression {
    return ts.isCallExpression(call) && method !== undefined && FOR_EACH_METHODS.has(method) && this.isLibArrayMethod(call);
  }

  /**
   * A function expression (or object method) whose promise cannot reject: async, with every
   * `await` handled inside, or sync, returning only promises that cannot reject (`() =>
   * child.waitForCurrentJobAndExit()` of a project method that cannot reject; see `engine/rejection.ts`). In a place whose only loss is the rejection, such
   * a callback loses nothing. `always` asks regardless of `checkSelfHandled` (for the wording of
   * `forEachCaught`).
   */
  private selfHandled(value: ts.Node, always = false): boolean {
    if (this.context.options.checkSelfHandled && !always) return false;
    const facts = rejectionFacts(this.context.types);
    return this.everyBody(value, (fn) => !fn.asteriskToken && facts.cannotReject(fn));
  }

  /**
   * An async function expression (or object method) that never suspends and has no `throw`
   * statement (see `RejectionFacts.neverSuspends`): it runs to the end before the call returns, and
   * rejects only where a sync function would throw. Nothing is lost that a sync callback would keep.
   */
  private neverSuspends(value: ts.Node): boolean {
    if (this.context.options.checkSelfHandled) return false;
    const facts = rejectionFacts(this.context.types);
    return this.everyBody(value, (fn) => facts.neverSuspends(fn));
  }

  /**
   * An async callback whose awaits add no way to fail (see `RejectionFacts.awaitsCannotFail`):
   * each awaits a promise that never rejects (`await new Promise((r) => setTimeout(r, ms))`) or
   * sits in a `try` whose `catch` cannot throw, so the callback rejects only where a sync one
   * would throw. Order and completion are lost, so not for `forEach`.
   */
  private onlyDelays(value: ts.Node): boolean {
    if (this.context.options.checkSelfHandled) return false;
    const facts = rejectionFacts(this.context.types);
    return this.everyBody(value, (fn) => facts.awaitsCannotFail(fn));
  }

  /** In a place whose only loss is the rejection (not `forEach`): a callback that loses nothing there. */
  private dropsNothing(value: ts.Node): boolean {
    return this.selfHandled(value) || this.neverSuspends(value) || this.onlyDelays(value) || this.syncReturnsLoseNothing(value);
  }

  /**
   * `test` holds for every function body the callback value may run: a function expression or
   * object method itself; for a reference (`handle`, `this.onEvent`, `this.#onEvent`) or a lib
   * `f.bind(...)` of one, the project's declarations it resolves to (a method and its overrides, a
   * function declaration, a `const` or class field initialized with a function expression: see
   * `TypeOracle.projectImplementationsOfValue`). False when any body is unknown (a library, a
   * parameter, a `let`).
   */
  private everyBody(value: ts.Node, test: (fn: ts.FunctionLikeDeclaration) => boolean): boolean {
    if (isFunctionExpressionLike(value) || ts.isMethodDeclaration(value) || ts.isFunctionDeclaration(value)) return test(value);
    if (!ts.isExpression(value)) return false;
    let reference: ts.Expression = value;
    if (isBindCall(value)) {
      if (!this.isLibBind(value)) return false;
      reference = value.expression.expression;
    }
    const bodies = this.context.types.projectImplementationsOfValue(reference);
    return bodies !== undefined && bodies.every(test);
  }

  private isKnownListenerApi(call: ts.CallExpression | ts.NewExpression): boolean {
    if (!ts.isCallExpression(call)) return false;
    const declaration = this.context.types.calleeDeclaration(call);
    if (!declaration) return false;
    const holder = declaration.qualifiedName.split(".").slice(-2, -1)[0] ?? "";
    return (
      (declaration.module !== undefined && /^(?:node:)?events$/.test(declaration.module)) ||
      (declaration.isDefaultLib && /EventTarget|Element|Window|Document|Node$/.test(holder)) ||
      /EventEmitter/.test(holder)
    );
  }

  checkJsxAttribute(attribute: ts.JsxAttribute): void {
    const initializer = attribute.initializer;
    if (!initializer || !ts.isJsxExpression(initializer) || !initializer.expression) return;
    const value = initializer.expression;
    if (!this.isCandidate(value) || this.returnsPromise(value) !== "always") return;
    if (this.context.types.expectsVoidFunction(value) !== "always" || this.dropsNothing(skipParens(value))) return;
    this.context.report({
      node: value,
      messageId: "voidReturnAttribute",
      data: { name: attribute.name.getText(this.context.sourceFile) },
      fixes: this.wrapFixes(skipParens(value)),
    });
  }

  checkProperty(property: ts.PropertyAssignment): void {
    if (!ts.isObjectLiteralExpression(property.parent)) return;
    for (const fn of this.storedPromiseFunctions(property.initializer)) {
      this.context.report({
        node: fn,
        messageId: "voidReturnProperty",
        data: { name: property.name.getText(this.context.sourceFile) },
        fixes: this.wrapFixes(skipParens(fn)),
      });
    }
  }

  /**
   * The promise-returning functions a stored value may be, where the place it is stored (a typed
   * variable or class field, a property, an assignment's target, a return value: the contextual type
   * of the whole value) expects a function returning `void`. Each function is seen through what keeps or picks the value
   * (`valueOperands`: `??`, `||`, a conditional, parentheses, `as`, `satisfies`, `!`), so a default
   * written `options.onError ?? (async (error) => { ... })` is checked like the bare arrow. Those
   * that lose nothing (`dropsNothing`) are left out.
   */
  private storedPromiseFunctions(stored: ts.Expression): ts.Expression[] {
    const functions = valueOperands(stored).filter((operand) => this.isCandidate(operand) && this.returnsPromise(operand) === "always");
    if (functions.length === 0 || this.context.types.expectsVoidFunction(stored) !== "always") return [];
    return functions.filter((fn) => !this.dropsNothing(skipParens(fn)));
  }

  /**
   * `class Logger implements Listener { async onEvent(e) { ... } }` where `Listener.onEvent` returns
   * `void`: code that calls the method through the base type ignores its promise. Only methods with
   * a body that are async or whose written return type is a promise, in classes with heritage
   * clauses; not static members (a heritage type describes instances), not a method with overload
   * signatures (those are what callers see), and not a method that loses nothing (`dropsNothing`).
   */
  checkInheritedMethod(method: ts.MethodDeclaration): void {
    const owner = method.parent;
    if (!ts.isClassLike(owner) || !owner.heritageClauses || method.asteriskToken) return;
    if (!method.body && !method.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AbstractKeyword)) return;
    if (method.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) return;
    const { types, sourceFile } = this.context;
    const name = method.name.getText(sourceFile);
    if (!this.methodReturnsPromise(method)) return;
    const overloaded = owner.members.some((member) => member !== method && ts.isMethodDeclaration(member) && !member.body && member.name.getText(sourceFile) === name);
    if (overloaded) return;
    const base = types.voidReturningBaseOf(method);
    if (base === undefined || (method.body && this.dropsNothing(method))) return;
    this.context.report({ node: method.name, messageId: "voidReturnInheritedMethod", data: { name, base } });
  }

  /** `{ onExit }` (a shorthand property) naming a promise-returning function where the property is typed to return `void`. */
  checkShorthandProperty(property: ts.ShorthandPropertyAssignment): void {
    if (property.objectAssignmentInitializer || !this.isCandidate(property.name) || this.returnsPromise(property.name) !== "always") return;
    if (this.context.types.expectsVoidFunctionForMember(property) !== "always") return;
    const bodies = this.context.types.projectImplementationsOfShorthand(property);
    if (bodies !== undefined && bodies.every((fn) => this.dropsNothing(fn))) return;
    this.context.report({ node: property.name, messageId: "voidReturnProperty", data: { name: property.name.text } });
  }

  /**
   * A class field holding a promise-returning function: `handler = async () => ...` where the
   * field's written type returns `void` (`voidReturnProperty`), or where a member of the same name
   * in an `extends`/`implements` type returns `void` (`voidReturnInheritedMethod`, as for
   * methods); also an abstract or `declare`d field written with a function type returning a
   * promise. Static fields are skipped (heritage types describe instances), and so is a function
   * that loses nothing (`dropsNothing`).
   */
  checkClassProperty(property: ts.PropertyDeclaration): void {
    const owner = property.parent;
    if (!ts.isClassLike(owner) || property.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) return;
    const { types, sourceFile } = this.context;
    const value = property.initializer;
    const written = writtenTypeOf(property);
    if (value) {
      if (!this.isCandidate(value)) {
        // A value that picks or wraps a function (`handler: Handler = defaults.onError ?? (async (e) => ...)`):
        // each function it may be, against the field's written type.
        if (!written) return;
        for (const fn of this.storedPromiseFunctions(value)) {
          this.context.report({ node: fn, messageId: "voidReturnProperty", data: { name: property.name.getText(sourceFile) }, fixes: this.wrapFixes(skipParens(fn)) });
        }
        return;
      }
      if (this.returnsPromise(value, owner.heritageClauses !== undefined) !== "always") return;
      const fn = skipParens(value);
      if (written && types.expectsVoidFunction(value) === "always") {
        if (this.dropsNothing(fn)) return;
        this.context.report({ node: value, messageId: "voidReturnProperty", data: { name: property.name.getText(sourceFile) }, fixes: this.wrapFixes(fn) });
        return;
      }
      if (!owner.heritageClauses) return;
      const base = types.voidReturningBaseOf(property);
      if (base === undefined || this.dropsNothing(fn)) return;
      this.context.report({ node: property.name, messageId: "voidReturnInheritedMethod", data: { name: property.name.getText(sourceFile), base } });
      return;
    }
    if (!owner.heritageClauses || !property.type || types.writtenFunctionTypeReturnsPromise(property.type, this.query) !== "always") return;
    const base = types.voidReturningBaseOf(property);
    if (base !== undefined) this.context.report({ node: property.name, messageId: "voidReturnInheritedMethod", data: { name: property.name.getText(sourceFile), base } });
  }

  /**
   * A member of an interface that extends another (`interface AsyncStore extends Store {
   * save(): Promise<void> }` where `Store.save` returns `void`): written to return a promise where
   * the base returns `void`, so code holding the base type ignores the promise. Call, construct and
   * index signatures have no name and are not checked.
   */
  checkInheritedSignature(member: ts.MethodSignature | ts.PropertySignature): void {
    const owner = member.parent;
    if (!ts.isInterfaceDeclaration(owner) || !owner.heritageClauses || !member.type) return;
    const { types, sourceFile } = this.context;
    const returnsPromise = ts.isMethodSignature(member) ? types.writtenReturnIsPromise(member, this.query) : types.writtenFunctionTypeReturnsPromise(member.type, this.query);
    if (returnsPromise !== "always") return;
    const base = types.voidReturningBaseOf(member);
    if (base !== undefined) this.context.report({ node: member.name, messageId: "voidReturnInheritedMethod", data: { name: member.name.getText(sourceFile), base } });
  }

  checkObjectMethod(method: ts.MethodDeclaration): void {
    if (ts.isClassLike(method.parent)) {
      this.checkInheritedMethod(method);
      return;
    }
    if (!ts.isObjectLiteralExpression(method.parent) || method.asteriskToken || !this.methodReturnsPromise(method)) return;
    // A method's expected type is that of the property it fills.
    const expected = this.context.types.expectsVoidFunctionForMember(method);
    if (expected !== "always" || this.dropsNothing(method)) return;
    this.context.report({ node: method.name, messageId: "voidReturnProperty", data: { name: method.name.getText(this.context.sourceFile) } });
  }

  /** A method (of an object or class) that is async, written to return a promise, or returning one on some path. */
  private methodReturnsPromise(method: ts.MethodDeclaration): boolean {
    if (isAsyncFunction(method)) return true;
    if (method.type) return this.context.types.writtenReturnIsPromise(method, this.query) === "always";
    return this.blockReturnsPromise(method, false) === "always";
  }

  checkVariable(declaration: ts.VariableDeclaration): void {
    if (!writtenTypeOf(declaration) || !declaration.initializer) return;
    for (const fn of this.storedPromiseFunctions(declaration.initializer)) {
      this.context.report({
        node: fn,
        messageId: "voidReturnVariable",
        data: { name: declaration.name.getText(this.context.sourceFile) },
        fixes: this.wrapFixes(skipParens(fn)),
      });
    }
  }

  /**
   * `using lock = acquire()` where the value's `[Symbol.dispose]()` returns a promise: `using` calls
   * it at the end of the block and drops the promise. Also a variable whose written type
   * (`writtenTypeOf`) has a `[Symbol.dispose]` returning `void` (`const d: Disposable = lock`),
   * initialized with such a value. A dispose method of the project that never suspends loses nothing (the same exception
   * as for `forEach`: only order and completion matter here, so a method that cannot reject but
   * waits is still reported). `await using` calls `[Symbol.dispose]` in the same way, without
   * awaiting its result, when the value has no `[Symbol.asyncDispose]`: checked on those values.
   */
  checkDisposal(declaration: ts.VariableDeclaration): void {
    const list = declaration.parent;
    const value = declaration.initializer;
    if (!value || !ts.isVariableDeclarationList(list)) return;
    const { types } = this.context;
    // `await using` is `Using | Const` in the flags (`AwaitUsing`).
    const usingFlags: number = list.flags & ts.NodeFlags.AwaitUsing;
    const syncUsing = usingFlags === (ts.NodeFlags.Using as number);
    const awaitUsing = usingFlags === (ts.NodeFlags.AwaitUsing as number);
    // Any initializer: the value's type decides (a syntactic gate missed `this`, `yield` and tagged templates).
    if (!syncUsing && !awaitUsing) {
      const written = writtenTypeOf(declaration);
      if (!written || !types.disposeReturnsVoid(written)) return;
    }
    const { status, declarations } = types.disposeReturnsPromise(value, this.query, awaitUsing);
    if (status !== "always" || this.disposalNeverSuspends(declarations)) return;
    this.context.report({
      node: value,
      messageId: awaitUsing ? "voidReturnAsyncDispose" : "voidReturnDispose",
      data: { rejection: types.programRunsOnNode() ? REJECTION_ON_NODE : REJECTION_ELSEWHERE },
    });
  }

  /** Every declaration of a dispose member is a method or function expression of the project that never suspends. */
  private disposalNeverSuspends(declarations: readonly ts.Declaration[]): boolean {
    if (declarations.length === 0) return false;
    return declarations.every((declaration) => {
      if (!this.context.types.isProjectSourceFile(declaration.getSourceFile())) return false;
      if (ts.isMethodDeclaration(declaration)) return declaration.body !== undefined && this.neverSuspends(declaration);
      const value = (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer ? skipParens(declaration.initializer) : undefined;
      return value !== undefined && isFunctionExpressionLike(value) && this.neverSuspends(value);
    });
  }

  /**
   * `transport.onmessage = this.onMessage.bind(this)`, `handler = async () => ...`,
   * `this.onError = options.onError ?? (async (error) => ...)`: the target's declared type decides.
   */
  checkAssignment(assignment: ts.BinaryExpression): void {
    // `=`, and the logical assignments (`??=`, `||=`, `&&=`), which store the right side the same way when they store it.
    const operator = assignment.operatorToken.kind;
    if (operator !== ts.SyntaxKind.EqualsToken && !isLogicalAssignmentOperator(operator)) return;
    const target = skipParens(assignment.left);
    if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return;
    for (const fn of this.storedPromiseFunctions(assignment.right)) {
      this.context.report({
        node: fn,
        messageId: ts.isIdentifier(target) ? "voidReturnVariable" : "voidReturnProperty",
        data: { name: ts.isIdentifier(target) ? target.text : target.name.text },
        fixes: this.wrapFixes(skipParens(fn)),
      });
    }
  }

  /**
   * `return async () => ...` from a function whose return type (written, or from the callback's
   * contextual signature, as React's effect cleanup) is a function returning `void`.
   */
  checkReturn(statement: ts.ReturnStatement): void {
    if (statement.expression) this.checkReturnedValue(statement.expression);
  }

  /** `(): Cleanup => async () => ...`: an arrow's expression body is its return value. */
  checkArrowBody(arrow: ts.ArrowFunction): void {
    if (!ts.isBlock(arrow.body)) this.checkReturnedValue(arrow.body);
  }

  private checkReturnedValue(value: ts.Expression): void {
    for (const fn of this.storedPromiseFunctions(value)) {
      this.context.report({ node: fn, messageId: "voidReturnReturnValue", fixes: this.wrapFixes(skipParens(fn)) });
    }
  }

  checkCondition(node: ts.Node): void {
    let condition: ts.Expression | undefined;
    if (ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) condition = node.expression;
    else if (ts.isForStatement(node)) condition = node.condition;
    else if (ts.isConditionalExpression(node)) condition = node.condition;
    else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      // `!p` is handled here unless it is itself part of a condition checked above.
      if (isInConditionPosition(node)) return;
      condition = node.operand;
    }
    if (condition) this.checkConditionExpression(condition);
  }

  /** `offerFixes`: false for the operands of an assignment (`await` there would change what is stored, or not parse). */
  private checkConditionExpression(expression: ts.Expression, offerFixes = true): void {
    const node = skipParens(expression);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      // In a condition, every operand may become the tested value: also both sides of `??`
      // (a left operand that is always a promise is never nullish, so the whole is always truthy).
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        this.checkConditionExpression(node.left, offerFixes);
        this.checkConditionExpression(node.right, offerFixes);
      } else {
        // The value an assignment or a comma gives (`while ((job = nextJob()))`).
        for (const operand of assignedOperands(node)) this.checkConditionExpression(operand, offerFixes && node.operatorToken.kind === ts.SyntaxKind.CommaToken);
      }
      return;
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      this.checkConditionExpression(node.operand, offerFixes);
      return;
    }
    if (!this.mayHoldPromise(node)) return;
    if (this.context.types.everyPartIsPromise(node, this.query) !== "always") return;
    // A promise kept in a property or a reassignable variable is usually tested for presence (a
    // close or load started earlier); `await` there would wait for it and then run the branch
    // meant for "not started", so no fix is offered.
    if (this.isStoredPromise(node)) {
      this.context.report({ node, messageId: "conditionalStored", data: { name: this.context.sourceFile.text.slice(node.getStart(this.context.sourceFile), node.getEnd()) } });
      return;
    }
    // `if (await p)` on a `Promise<void>` tests nothing (and does not compile): no fix then.
    this.context.report({ node, messageId: "conditional", fixes: !offerFixes || this.context.types.resolvesToNothing(node) ? [] : this.awaitFixes(node) });
  }

  /**
   * `&&` / `||` outside a condition (`const conn = pending || connect()`): the left operand is
   * still tested for truthiness, so a left operand that is always a promise makes the result
   * fixed (`||` always gives the promise, `&&` always the right side). Only the outermost
   * operator, and only its left operands (the right one is the value, not a test); `??` tests
   * for nullishness, not truthiness, and is not checked here. Conditions and `!` are checked by
   * `checkCondition`.
   */
  checkLogicalValue(node: ts.BinaryExpression): void {
    if (!isTruthinessOperator(node)) return;
    let outer: ts.Node = node.parent;
    while (ts.isParenthesizedExpression(outer)) outer = outer.parent;
    if ((ts.isBinaryExpression(outer) && (isTruthinessOperator(outer) || outer.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) || (ts.isPrefixUnaryExpression(outer) && outer.operator === ts.SyntaxKind.ExclamationToken)) return;
    if (isInConditionPosition(node)) return;
    let left = skipParens(node.left);
    while (ts.isBinaryExpression(left) && isTruthinessOperator(left)) left = skipParens(left.left);
    if (ts.isBinaryExpression(left) || (ts.isPrefixUnaryExpression(left) && left.operator === ts.SyntaxKind.ExclamationToken)) return;
    this.checkConditionExpression(left);
  }

  /** A property, an element, or a `let`/`var` variable: storage that code elsewhere may fill later. */
  private isStoredPromise(node: ts.Expression): boolean {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return true;
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.context.types.variableDeclarationOf(node);
    return declaration !== undefined && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) === 0;
  }

  checkSpread(spread: ts.SpreadAssignment): void {
    this.checkSpreadValue(spread.expression);
  }

  /**
   * The value spread may come from one of several operands: both branches of `? :`, the right of
   * `&&` (a falsy left spreads nothing), both sides of `||` and `??`, the value an assignment or a
   * comma gives. Each operand that is always a promise is reported where it is written (without
   * a fix in an assignment: `await` there would change what is stored, or not parse).
   */
  private checkSpreadValue(expression: ts.Expression, offerFixes = true): void {
    const value = skipParens(expression);
    if (ts.isConditionalExpression(value)) {
      this.checkSpreadValue(value.whenTrue, offerFixes);
      this.checkSpreadValue(value.whenFalse, offerFixes);
      return;
    }
    if (ts.isBinaryExpression(value)) {
      const operator = value.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) this.checkSpreadValue(value.right, offerFixes);
      else if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        this.checkSpreadValue(value.left, offerFixes);
        this.checkSpreadValue(value.right, offerFixes);
      } else {
        for (const operand of assignedOperands(value)) this.checkSpreadValue(operand, offerFixes && value.operatorToken.kind === ts.SyntaxKind.CommaToken);
      }
      return;
    }
    if (!this.mayHoldPromise(value)) return;
    if (this.context.types.everyPartIsPromise(value, this.query) !== "always") return;
    this.context.report({ node: expression, messageId: "spread", fixes: offerFixes ? this.awaitFixes(expression) : [] });
  }

  // -------------------------------------------------------------------------------------------
  // Fixes

  private edit(start: number, end: number, newText: string): TextEdit {
    return { fileName: this.context.sourceFile.fileName, start, end, newText };
  }

  private awaitFixes(node: ts.Expression): Fix[] {
    const { sourceFile, types } = this.context;
    if (!awaitAllowedAt(node, (file) => types.supportsTopLevelAwait(file))) return [];
    const start = node.getStart(sourceFile);
    const parens = needsParensAsUnaryOperand(node);
    return [
      {
        kind: "suggestion",
        title: "Add `await`",
        // `await` binds tighter than `!`, `&&`, `? :` and spread, so no outer parentheses are needed.
        edits: parens
          ? [this.edit(start, start, "await ("), this.edit(node.getEnd(), node.getEnd(), ")")]
          : [this.edit(start, start, "await ")],
      },
    ];
  }

  /** `async (e) => BODY` → `(e) => { void (async () => BODY)().catch(handler); }`. */
  private wrapFixes(value: ts.Expression): Fix[] {
    if (!ts.isArrowFunction(value) || !isAsyncFunction(value)) return [];
    const { sourceFile, options } = this.context;
    const asyncKeyword = value.modifiers?.find((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
    if (!asyncKeyword) return [];
    const body = value.body;
    const bodyText = sourceFile.text.slice(body.getStart(sourceFile), body.getEnd());
    const inner = ts.isBlock(body) ? `async () => ${bodyText}` : `async () => ${needsParensAsArrowBody(body) ? `(${bodyText})` : bodyText}`;
    // Remove `async ` (and the space after it); replace the body.
    const afterAsync = skipWhitespace(sourceFile.text, asyncKeyword.getEnd());
    return [
      {
        kind: "suggestion",
        title: "Wrap in a sync function that handles the promise",
        edits: [
          this.edit(asyncKeyword.getStart(sourceFile), afterAsync, ""),
          this.edit(body.getStart(sourceFile), body.getEnd(), `{ void (${inner})().catch(${options.catchHandler}); }`),
        ],
      },
    ];
  }

  private forEachFixes(call: ts.CallExpression, callback: ts.Expression): Fix[] {
    const { sourceFile, types } = this.context;
    const statement = call.parent;
    if (!ts.isExpressionStatement(statement) || statement.expression !== call) return [];
    if (!awaitAllowedAt(statement, (file) => types.supportsTopLevelAwait(file))) return [];
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || call.arguments.length !== 1) return [];
    const fixes: Fix[] = [];
    const receiver = callee.expression;
    const receiverText = sourceFile.text.slice(receiver.getStart(sourceFile), receiver.getEnd());

    // for...of: an arrow with one parameter and no `return` (a `return` would mean `continue`).
    if (ts.isArrowFunction(callback) && callback.parameters.length === 1 && !containsReturn(callback.body)) {
      const parameter = callback.parameters[0];
      if (!parameter.type && !parameter.initializer && !parameter.dotDotDotToken) {
        const binding = sourceFile.text.slice(parameter.name.getStart(sourceFile), parameter.name.getEnd());
        const body = callback.body;
        const bodyText = ts.isBlock(body)
          ? sourceFile.text.slice(body.getStart(sourceFile), body.getEnd())
          : `{ await ${sourceFile.text.slice(body.getStart(sourceFile), body.getEnd())}; }`;
        fixes.push({
          kind: "suggestion",
          title: "Replace with a `for...of` loop",
          edits: [this.edit(statement.getStart(sourceFile), statement.getEnd(), `for (const ${binding} of ${receiverText}) ${bodyText}`)],
        });
      }
    }
    // await Promise.all(items.map(callback))
    fixes.push({
      kind: "suggestion",
      title: "Await all with `Promise.all(items.map(...))`",
      edits: [
        this.edit(call.getStart(sourceFile), call.getStart(sourceFile), "await Promise.all("),
        this.edit(callee.name.getStart(sourceFile), callee.name.getEnd(), "map"),
        this.edit(call.getEnd(), call.getEnd(), ")"),
      ],
    });
    return fixes;
  }
}

// ---------------------------------------------------------------------------------------------
// Receivers in the project that handle the promise of the callback they are given

/** How many sync functions deep `syncReturnsLoseNothing` follows returned calls. */
const RELAY_DEPTH = 3;

/** How many functions deep a callback is followed (the receiver, then wrappers it hands it to). */
const RECEIVER_DEPTH = 3;
const RECEIVER_KEY = {};

/**
 * Does a project function handle the promise of the callback it receives in one parameter, even
 * though the parameter is typed `() => void`? Decided from its body: every use of the parameter
 * must be a call whose result is awaited inside a `try` whose `catch` does not rethrow, awaited in
 * the receiving function itself (the rejection then rejects that function's own promise, which
 * its caller holds); or a hand-over to another project function that handles it (up to
 * `RECEIVER_DEPTH` functions deep; a cycle adds no use: the other uses decide). Uses that never
 * call it are neutral: tests (`typeof`, `!`, comparisons, `if`), prefix operators, and reads that
 * give no function (`task.name`, `task.toString()`); any other use (stored, returned, called without handling)
 * answers no. Declarations without a body (libraries) answer no, so they are judged by their types
 * as before. One instance per program; answers are memoized per function, parameter and depth.
 */
class CallbackReceivers {
  private readonly answers = new Map<string, boolean>();
  /** The (function, parameter) pairs being decided, with their place on the stack of questions. */
  private readonly visiting = new Map<string, number>();
  /** The lowest stack place the question being decided took as handled (a cycle); none: Infinity. */
  private lowestAssumed = Infinity;
  /** Whether the question being decided met the depth bound (`RECEIVER_DEPTH`) somewhere below it. */
  private cutOff = false;
  private readonly ids = new Map<ts.Node, number>();

  constructor(private readonly types: TypeOracle) {}

  /** Does the callee of `call` handle the promise of its argument at `index`? */
  handles(call: ts.CallExpression | ts.NewExpression, index: number): boolean {
    this.cutOff = false;
    return this.calleeHandles(call, index, 0);
  }

  private calleeHandles(call: ts.CallExpression | ts.NewExpression, index: number, depth: number): boolean {
    if (depth >= RECEIVER_DEPTH) {
      this.cutOff = true;
      return false;
    }
    if (!call.arguments) return false;
    if (call.arguments.slice(0, index + 1).some((argument) => ts.isSpreadElement(argument))) return false;
    const target = this.types.calleeTarget(call);
    if (!target) return false;
    // Several implementations (a method called on a union of project classes, `queue: MemoryQueue |
    // RetryQueue`): any of them may run, so every one must handle the callback.
    const receivers = new Set<ts.FunctionLikeDeclaration>();
    for (const declaration of target.declarations) {
      if (!this.types.isProjectSourceFile(declaration.getSourceFile())) return false;
      const implementation = implementationOf(declaration);
      if (implementation === "overload") continue;
      if (!implementation) return false;
      receivers.add(implementation);
    }
    return receivers.size > 0 && [...receivers].every((receiver) => this.parameterHandled(receiver, index, depth));
  }

  private parameterHandled(fn: ts.FunctionLikeDeclaration, index: number, depth: number): boolean {
    let id = this.ids.get(fn);
    if (id === undefined) this.ids.set(fn, (id = this.ids.size));
    // The depth is part of the key, so an answer never depends on which call site asked first.
    const key = `${id}:${index}:${depth}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    // A cycle (a recursive retry hands the callback to itself) adds no use of its own: every other
    // use decides. So the pair in progress is taken as handled, and an answer that took an outer
    // pair in progress as handled is not kept: it holds only if that pair's answer is yes. Nor is
    // an answer that met the depth bound: asked with an outer pair in progress, the same pair may
    // be taken as handled before the bound (a wrapper's question must not decide a later one).
    const pair = `${id}:${index}`;
    const inProgress = this.visiting.get(pair);
    if (inProgress !== undefined) {
      this.lowestAssumed = Math.min(this.lowestAssumed, inProgress);
      return true;
    }
    const place = this.visiting.size;
    this.visiting.set(pair, place);
    const outer = this.lowestAssumed;
    const outerCutOff = this.cutOff;
    this.lowestAssumed = Infinity;
    this.cutOff = false;
    const answer = this.computeParameterHandled(fn, index, depth);
    this.visiting.delete(pair);
    const assumed = this.lowestAssumed;
    const cutOff = this.cutOff;
    this.lowestAssumed = Math.min(outer, assumed < place ? assumed : Infinity);
    this.cutOff = outerCutOff || cutOff;
    if (!cutOff && (!answer || assumed >= place)) this.answers.set(key, answer);
    return answer;
  }

  private computeParameterHandled(fn: ts.FunctionLikeDeclaration, index: number, depth: number): boolean {
    const parameter = argumentParameters(fn)[index] as ts.ParameterDeclaration | undefined;
    if (!parameter || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name) || !fn.body) return false;
    const handle = this.types.variableOf(parameter.name);
    const name = parameter.name.text;
    if (!handle) return false;
    let calls = 0;
    let handled = true;
    const visit = (node: ts.Node): void => {
      if (!handled) return;
      if (ts.isIdentifier(node) && node.text === name && node !== parameter.name && this.types.variableOf(node) === handle) {
        const use = this.classify(node, fn, depth);
        if (use === "unhandled") handled = false;
        else if (use === "handled") calls++;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(fn.body);
    return handled && calls > 0;
  }

  private classify(reference: ts.Identifier, fn: ts.FunctionLikeDeclaration, depth: number): "handled" | "neutral" | "unhandled" {
    let use: ts.Node = reference;
    while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
    const parent = use.parent;
    // No prefix operator calls its operand (`!task`, `+task`; `++`/`--` need a number).
    if (ts.isTypeOfExpression(parent) || ts.isPrefixUnaryExpression(parent)) return "neutral";
    if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) return "neutral";
    if (ts.isIfStatement(parent) && parent.expression === use) return "neutral";
    let call: ts.CallExpression | undefined;
    if (ts.isCallExpression(parent) && parent.expression === use) call = parent;
    else if (ts.isPropertyAccessExpression(parent) && (parent.name.text === "call" || parent.name.text === "apply") && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      call = parent.parent;
    }
    if (call) return this.resultHandled(call, fn) ? "handled" : "unhandled";
    if (ts.isPropertyAccessExpression(parent) && parent.expression === use && this.readsWithoutCalling(parent)) return "neutral";
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
      const index = parent.arguments.indexOf(use as ts.Expression);
      if (index >= 0) return this.calleeHandles(parent, index, depth + 1) ? "handled" : "unhandled";
    }
    return "unhandled";
  }

  /**
   * A property of the callback that gives no function (`task.name`, `task.length`), or a default
   * lib method of it whose result is no function (`task.toString()`): a read that never calls the
   * callback. `call`, `apply` and `bind` give functions that may call it later, so they are not.
   */
  private readsWithoutCalling(access: ts.PropertyAccessExpression): boolean {
    const call = access.parent;
    if (ts.isCallExpression(call) && call.expression === access) {
      return this.types.calleeDeclaration(call)?.isDefaultLib === true && this.types.functionStatus(call) === "never";
    }
    return this.types.functionStatus(access) === "never";
  }

  /** Is the promise a call of the callback returns awaited in a catching `try`, or in the receiver itself? */
  private resultHandled(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
    let node: ts.Node = call;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const parent = node.parent;
    return ts.isAwaitExpression(parent) && (insideCatchingTry(parent) || enclosingFunction(parent) === fn);
  }
}

/** `[validate, authorize]`: an array literal, no element of which is a type assertion (`[validate as Step]` writes a type). */
function isUntypedArrayLiteral(value: ts.Expression | undefined): boolean {
  const node = value && skipParens(value);
  return node !== undefined && ts.isArrayLiteralExpression(node) && node.elements.every((element) => !isTypeAssertion(skipParens(ts.isSpreadElement(element) ? element.expression : element)));
}

function isTypeAssertion(node: ts.Expression): boolean {
  return ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node);
}

/**
 * The type written for a variable or class field: its annotation, or in a JavaScript file its JSDoc
 * `@type` (the checker reads it there as the annotation, and gives the initializer its contextual
 * type from it). A JSDoc `@type` in a TypeScript file types nothing and is not one.
 */
function writtenTypeOf(node: ts.VariableDeclaration | ts.PropertyDeclaration): ts.TypeNode | undefined {
  if (node.type) return node.type;
  return node.getSourceFile().flags & ts.NodeFlags.JavaScriptFile ? ts.getJSDocType(node) : undefined;
}

/**
 * The operands whose value a binary expression gives, other than the logical operators: the
 * stored value of `=` and `&&=` (the right; `&&=` keeps a falsy left, never a promise), both sides
 * of `??=` and `||=` (the left when it is kept), the right of a comma. None for other operators.
 */
function assignedOperands(node: ts.BinaryExpression): readonly ts.Expression[] {
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken || operator === ts.SyntaxKind.CommaToken) return [node.right];
  if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken) return [node.left, node.right];
  return [];
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** Is `node` in the `try` block of a `try` with a `catch` that does not rethrow, within its function? */
function insideCatchingTry(node: ts.Node): boolean {
  for (let current: ts.Node = node; !ts.isSourceFile(current) && !ts.isFunctionLike(current); current = current.parent) {
    const parent = current.parent;
    if (ts.isTryStatement(parent) && parent.tryBlock === current && parent.catchClause && !containsThrow(parent.catchClause.block)) return true;
  }
  return false;
}

function containsThrow(block: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

/** The function body a callee declaration runs: `"overload"` for a bodiless overload signature. */
function implementationOf(declaration: ts.Declaration): ts.FunctionLikeDeclaration | "overload" | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration)) {
    return declaration.body ? declaration : "overload";
  }
  if (ts.isClassLike(declaration)) {
    return declaration.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined);
  }
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
    const value = skipParens(declaration.initializer);
    return isFunctionExpressionLike(value) ? value : undefined;
  }
  return undefined;
}

/**
 * `f.bind(...)`, `this.f.bind(...)`, `this.handlers[kind].bind(this)`, by syntax: a `.bind` call
 * of any target (whether it is the lib's `Function#bind` is asked by `isLibBind`).
 */
function isBindCall(node: ts.Node): node is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "bind";
}

/** The last name in `a.b.c` / `c`; for `a.b.bind(x)`, that of `a.b`. */
function lastName(node: ts.Expression): string | undefined {
  const value = skipParens(node);
  if (isBindCall(value)) return lastName(value.expression.expression);
  if (ts.isIdentifier(value)) return value.text;
  if (ts.isPropertyAccessExpression(value)) return value.name.text;
  return undefined;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = skipParens(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  return "the callee";
}

/** `&&` or `||`: operators that test their left operand for truthiness. */
function isTruthinessOperator(node: ts.BinaryExpression): boolean {
  return node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken;
}

function isInConditionPosition(node: ts.Node): boolean {
  let current: ts.Node = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) || (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken)) {
    current = parent;
    parent = parent.parent;
  }
  return (
    ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === current) ||
    (ts.isForStatement(parent) && parent.condition === current) ||
    (ts.isConditionalExpression(parent) && parent.condition === current)
  );
}

/** A callback whose whole body is one `try` with a `catch`: it handles its own rejections. */
function catchesOwnErrors(callback: FunctionLikeExpression): boolean {
  const body = callback.body;
  if (!ts.isBlock(body) || body.statements.length !== 1) return false;
  const only = body.statements[0];
  return ts.isTryStatement(only) && only.catchClause !== undefined;
}

/**
 * `p.catch(h)`, `p.then(f, r)`, or a later step of a chain with one of these
 * (`p.catch(h).then(done)`), by syntax: the chain's rejection is handled somewhere.
 */
function chainHasRejectionHandler(expression: ts.Expression): boolean {
  for (let node = skipParens(expression); ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression); node = skipParens(node.expression.expression)) {
    const method = node.expression.name.text;
    if ((method === "catch" && node.arguments.length >= 1) || (method === "then" && node.arguments.length >= 2)) return true;
    if (method !== "then" && method !== "finally") return false;
  }
  return false;
}

/** The expressions of a body's `return` statements, not those of nested functions. */
function returnedExpressions(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

function containsReturn(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  return found;
}

function needsParensAsArrowBody(body: ts.Expression): boolean {
  return ts.isObjectLiteralExpression(body);
}

function skipWhitespace(text: string, position: number): number {
  let index = position;
  while (index < text.length && (text[index] === " " || text[index] === "\t")) index++;
  return index;
}
