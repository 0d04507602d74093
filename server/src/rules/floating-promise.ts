/**
 * floating-promise: a promise that nobody awaits, returns or handles.
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), detection of
 * floating expression statements, detection of promises parked in local variables and dropped on
 * some path, then the fixes.
 */
import * as ts from "typescript";
import picomatch from "picomatch";
import {
  awaitAllowedAt,
  declaresNameAgain,
  equalWhen,
  isFunctionExpressionLike,
  isIncrementOrDecrement,
  isAsyncFunction,
  isAssignmentOperator,
  isAssignmentTarget,
  isUndefinedOrNullLiteral,
  isValueReference,
  knownOperands,
  loweredLogicalAssignment,
  shortCircuitGuard,
  walkTree,
  needsParensAsMemberObject,
  needsParensAsUnaryOperand,
  returnedExpressions,
  startsAfterUnterminatedStatement,
  stripNodePrefix,
  argumentParameters,
} from "../engine/astUtils";
import { NEVER_REJECTING_LIBRARY_CALLS, rejectionFacts, type RejectionFacts } from "../engine/rejection";
import { firstByPosition, followValue, varScopeOf } from "../engine/valueFlow";
import type { DeclarationRef, PromiseQuery, Tri, TypeOracle, VariableHandle } from "../engine/typeOracle";
import { skipExpressionWrappers, skipParens } from "../engine/typeOracle";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../engine/types";

// ---------------------------------------------------------------------------------------------
// Options and messages

/** Names a declaration by module (package or ambient module) or by file glob, plus name globs. */
export interface DeclarationSpecifier {
  /** Package or ambient module name, e.g. `node:test`, `vscode`, `@acme/jobs`. */
  module?: string;
  /** Glob matched against the absolute path of the declaring file, e.g. `**\/src/fire-and-forget.ts`. */
  file?: string;
  /** Dotted name(s) inside the module; globs allowed, e.g. `window.show*Message`. */
  name: string | string[];
}

export interface FloatingPromiseOptions {
  ignoreVoid: boolean;
  ignoreIIFE: boolean;
  checkThenables: boolean;
  checkLocalVariables: boolean;
  checkSelfHandled: boolean;
  allowedCalls: DeclarationSpecifier[];
  allowedTypes: DeclarationSpecifier[];
  catchHandler: string;
}

export const specifierSchema = {
  type: "object",
  properties: {
    module: { type: "string", minLength: 1 },
    file: { type: "string", minLength: 1 },
    name: {
      anyOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
      ],
    },
  },
  required: ["name"],
  oneOf: [{ required: ["module"] }, { required: ["file"] }],
  additionalProperties: false,
};

/** Promises that are fine to leave floating, matched by declaration, never by the name at the call. */
const BUILTIN_ALLOWED_CALLS: readonly DeclarationSpecifier[] = [
  {
    // node:test registers tests and suites; the runner tracks them, awaiting is optional.
    // Subtests (`t.test(...)`) are not here: they must be awaited or they are cancelled.
    module: "node:test",
    name: [
      "test",
      "test.{skip,todo,only}",
      "test.suite",
      "test.suite.{skip,todo,only}",
      "{describe,it,suite}",
      "{describe,it,suite}.{skip,todo,only}",
    ],
  },
  {
    // VS Code notifications resolve when the user closes them; nobody needs to wait.
    module: "vscode",
    name: ["window.show{Information,Warning,Error}Message"],
  },
];

/** `{{rejection}}`: what an unhandled rejection does where the program runs (Node.js exits, a browser logs it). */
function rejectionOutcome(runsOnNode: boolean): string {
  return runsOnNode
    ? "Node.js reports an unhandled rejection and exits"
    : "it is reported as an unhandled rejection, in a browser as an `Uncaught (in promise)` console error";
}

const messages = {
  floating:
    "Promise is neither awaited nor handled. If it rejects, the error reaches no one ({{rejection}}), and the code after it does not wait for it to finish. Await it, return it, add a `.catch()` handler, or mark a deliberate fire-and-forget with `void`.",
  floatingVoid:
    "Promise is discarded with `void` but has no rejection handler (`ignoreVoid` is off). `void` only tells readers it is deliberate; a rejection still goes unhandled. Await it or add a `.catch()` handler.",
  floatingIIFE:
    "The promise of this async IIFE is dropped: an error thrown inside it becomes an unhandled rejection. Await it, add a `.catch()` handler, or allow async IIFEs with the `ignoreIIFE` option.",
  floatingArray:
    "Array of promises is dropped: none of them is awaited and their rejections go unhandled. Wrap it in `await Promise.all(...)` (or `Promise.allSettled(...)`) or handle each promise.",
  thenWithoutHandler:
    "`.then()` without a rejection handler returns a new promise that no one handles: a rejection of the original promise or of the callback goes unhandled. Add a `.catch()` handler, pass a rejection handler as the second argument, or await the chain.",
  finallyWithoutHandler:
    "`.finally()` does not handle rejections; it passes them on to a promise that no one handles. Add a `.catch()` handler to the chain or await it.",
  catchNonFunction:
    "`.catch()` is given a value that is not a function, or may not be one (its type allows a non-function such as `undefined`): where it is not one, `.catch()` handles nothing and the rejection passes through unhandled. Pass a function: `.catch((error) => ...)`, or a default (`handler ?? ((error) => ...)`).",
  localDropped:
    "The promise in `{{name}}` is dropped when {{how}}: nothing awaits it, returns it, passes it on or handles its rejection there, so its errors go unseen and nothing waits for it to finish. Await it (or return it, pass it on, or attach `.catch()`) on every path.",
} as const;

type MessageId = keyof typeof messages;

// ---------------------------------------------------------------------------------------------
// The rule

export const floatingPromise: RuleModule<FloatingPromiseOptions> = {
  meta: {
    id: "floating-promise",
    defaultSeverity: "warning",
    requiresTypes: true,
    messages,
    optionsSchema: {
      type: "object",
      properties: {
        ignoreVoid: { type: "boolean", description: "Accept `void promise` as a deliberate fire-and-forget." },
        ignoreIIFE: { type: "boolean", description: "Accept `(async () => { ... })()` statements." },
        checkThenables: {
          type: "boolean",
          description: "Treat any value with a callable `then` as a promise, not only the built-in `Promise`.",
        },
        checkLocalVariables: {
          type: "boolean",
          description: "Report promises stored in a local variable and dropped on some path.",
        },
        checkSelfHandled: {
          type: "boolean",
          description: "Also report calls of project functions that handle all their own errors and so cannot reject, or that never suspend (async, no `await`, no `throw`).",
        },
        allowedCalls: { type: "array", items: specifierSchema, description: "Calls whose promise may float." },
        allowedTypes: { type: "array", items: specifierSchema, description: "Promise types that may float." },
        catchHandler: {
          type: "string",
          minLength: 1,
          description: "The handler expression the `.catch()` suggestion inserts.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      ignoreVoid: true,
      ignoreIIFE: false,
      checkThenables: false,
      checkLocalVariables: true,
      checkSelfHandled: false,
      allowedCalls: [],
      allowedTypes: [],
      catchHandler: "(error) => { console.error(error); }",
    },
    docs: {
      description: "Promises must be awaited, returned, or given a rejection handler.",
      rationale: [
        "A promise that nobody awaits is the JavaScript form of Python's \"coroutine was never awaited\":",
        "its work runs detached from the code that started it. If it rejects, the error has no one to",
        "go to: Node.js reports an unhandled rejection and, by default, exits the process. If it",
        "succeeds, the code after it has already run without waiting, so ordering bugs appear",
        "(a response sent before the write finished, a test that passes before its assertion ran).",
        "The message says that Node.js exits only where the program is typed for Node.js (`@types/node`",
        "declares the `NodeJS` namespace); in code typed for the DOM only, a browser logs the rejection.",
        "",
        "The rule reports promise-valued expression statements that are not awaited, returned,",
        "given a rejection handler (`.catch(fn)`, `.then(f, r)`) or explicitly discarded with `void`.",
        "It looks through `? :`, `&&`, `||`, `??` and comma expressions, arrays of promises",
        "(`items.map(async ...)`, also typed by a type parameter's constraint, `<T extends Promise<number>[]>`,",
        "or read through an optional chain, `batches?.[0]`, or the result of an `await`: `await listJobs();`",
        "where `listJobs()` resolves to `Promise<void>[]`), `.then()` without a rejection handler, `.finally()` with no handler",
        "upstream, `.catch()` given a non-function, and async IIFEs. A logical assignment written out,",
        "as people write it and compilers lower `??=` and `||=` for older targets (`this.ready || (this.ready =",
        "connect())`, TypeScript's `(_a = this.mePromise) !== null && _a !== void 0 ? _a : (this.mePromise =",
        "getMe())`, esbuild's `x != null ? x : x = load()`), stores the promise like `??=` itself and is not",
        "reported (grammY's `Bot.init`).",
        "",
        "Beyond statements, it follows a promise stored in a local variable (`const p = save()`): if",
        "on some path through the function the variable is never awaited, returned, passed to a call,",
        "stored elsewhere or given a handler, the declaration is reported, with the place where the",
        "promise is dropped as a related location. A loop, `switch` or `&&`/`? :` expression that",
        "consumes the promise on some path counts as consuming it on every path (a loop body that may",
        "run zero times is not reported), but a `return` inside it before its consuming use is a drop. A",
        "`return` in the `catch` of an earlier `await` is a drop too; a `throw` between creation and",
        "`await` is the job of `unhandled-rejection-window`, not this rule. To stay fast, this part",
        "looks only at values from async functions, functions with a written `Promise` return type,",
        "`new Promise`, promise chains and names declared as promises (also behind `as`, `satisfies` or",
        "`!`); a promise returned by an unannotated, non-async helper is followed by the statement check only.",
        "A `var` lives until its function ends, not its block: `if (remote) { var pending = fetchConfig(); }",
        "followed by `await pending;` after the block drops nothing, so a `var` declared in a block is followed",
        "over the rest of its function (from a loop body, on through the loop's exit), and so is one written",
        "as the body of an `if` or a loop without braces (`if (options.warm) var warming = warmCache();`).",
        "A loop's next pass that declares it again is not reported as dropping the previous value.",
        "Blocks outside functions are followed too: a block at a module's top level (`if (process.env.WARM)",
        "{ const warming = warmCache(); }`) and a class static block. No caller can await a module's",
        "top-level code or a static block, so a promise created there that nothing awaits (with top-level",
        "`await`), handles, stores or passes on is dropped when its block ends (a `var`: when the top-level",
        "code ends). A `var` in a block of a script (a file with no import or export) is a global that",
        "other scripts may read, and is not followed.",
        "",
        "A local that the code discards with `void` on some path (`void p`, or a chain on it:",
        "`void p.then(...)`, `void p.finally(...)`) is a deliberate fire-and-forget and is not reported as",
        "dropped on its other paths: `const done = request.finalize(); if (failed) void done.finally(report);`",
        "says the author does not wait for `done` on purpose, on either branch. This follows `ignoreVoid`:",
        "with it off, `void` marks nothing and the local is checked as usual. A `void` on some other",
        "promise does not mark the local.",
        "",
        "Removing a promise from an array as a statement of its own (`queue.shift();`, `pop()`,",
        "`splice(...)`) is not reported: the promise was made and stored earlier, and that store handed",
        "it on to whoever reads the array (a queue of in-flight heartbeats, each awaiting the one before).",
        "",
        "A `let` assigned again with `=` (`pending = save()`) is followed across the assignment: one made",
        "while the promise in it is still pending drops that promise there (reported, with the assignment",
        "as the place), and from there on the new value is followed as the declaration's was (a promise",
        "to follow, or nothing after `pending = undefined` or a handled `pending = save().catch(log)`).",
        "It is not followed, and the local not reported, where the order or the value is unclear: an",
        "assignment inside a callback or any callback that uses the local (it may run after a later",
        "assignment), a loop that assigns it and comes back round with a promise pending (a retry loop",
        "whose `catch` starts the next attempt, a prefetch of the next page: which pass drops it depends",
        "on conditions such as `while (!ok)` that the rule does not read), a value that may or may not",
        "be a promise, and every other write (`??=` and other compound assignments, `++`, destructuring,",
        "a `for (p of list)` target).",
        "",
        "A local holding `Promise.resolve(value)` of a value that cannot be a promise (a default such as",
        "`let rawBody = Promise.resolve(Buffer.alloc(0))`, replaced on some paths) is not reported when",
        "dropped: that promise is fulfilled when it is created and cannot reject, so nothing is lost.",
        "",
        "A path on which the variable was narrowed to a non-promise drops nothing and is not reported:",
        "the branch of `if (r instanceof Promise)` where it is not one, the false branch of a type guard,",
        "`typeof r?.then !== \"function\"`, or a falsy test, also combined with `!`, `&&` and `||`.",
        "Event systems collect optional promises this way (`const r = subscriber.beforeInsert?.(e);",
        "if (r instanceof Promise) pending.push(r);`). The type on each branch comes from the checker's",
        "type of `r` in the condition, split into its union parts.",
        "The branch where it equals another value is not reported either (`if (saving === false)",
        "return;` for `const saving = dirty && save()`, `if (next === this.shown) return;`): there it",
        "holds no promise (a promise equals no literal) or one that the other value holds too.",
        "",
        "A call of a project function whose promise cannot reject is not reported (option",
        "`checkSelfHandled`): every path of its body runs inside a `try` whose `catch` does not rethrow,",
        "or its `try` ends in `finally { process.exit() }`, or it only awaits such functions, or (not",
        "async) it returns `promise.catch(handler)` or a promise that never rejects (`sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))`); an async IIFE of that shape too. This is the idiom of a",
        "deliberate, self-handled fire-and-forget. An async function that returns a promise without",
        "awaiting it (`try { return load(); } catch ...`, `return pending`) adopts that promise: a `try`",
        "catches nothing there, so it is not self-handled unless the returned promise cannot reject",
        "either (a value typed `any` or by a type parameter counts as no promise). Cannot reject means nothing can throw outside the",
        "protected `try`: parameter defaults and code before or around the `try` are held to \"cannot",
        "throw\": literals, names, operators, assignments, property reads on values that",
        "cannot be `null` or `undefined` or are typed `any` (untyped JavaScript; also as an object",
        "destructuring with plain names and safe defaults: `const { socket, abort } = this`, graphile-worker's",
        "`const { events, logger } = ctx` of an untyped parameter), `console` methods, `process.exit()`,",
        "`Promise.resolve(value)` and `Promise.reject(error)` of the global `Promise` (they return a promise,",
        "whose outcome is the question of the code that holds it), a few lib calls that call",
        "no callback before they return (`Math.*`, `Date.now()`, `push`/`get`/`set`/`has`/`add`/`delete`",
        "on arrays, maps and sets, string basics, `setTimeout` and the other timers), listener registration",
        "on Node's event emitters as `@types/node` declares it (`socket.on(\"close\", onDrain)`, `off`, `once`,",
        "`removeListener`, ...: they throw only for a listener that is not a function), Node's assertions",
        "(`assert(cond)`, `assert.ok`, `assert.strictEqual`, ...; not `throws`/`rejects`, nor `ifError(err)`, which",
        "rethrows a received error, nor `fail()`): an assertion",
        "states an invariant and fails only when the code itself is wrong, which no caller could handle, so",
        "undici's body writers, which assert before their `try`, stay self-handled (an `assert` used to",
        "validate input is taken as an invariant too), the logging methods (`debug`, `info`, `warn`,",
        "`error`, `log`, ...) of a package's type named `...Logger` (Apollo's, winston's, pino's:",
        "`this.logger?.debug(\"listening\")` before the `try`; logging APIs report nothing by throwing),",
        "`Promise.allSettled(...)`, and `Promise.all(...)` over promises that cannot reject,",
        "`new` of a project class that extends nothing and",
        "whose field initializers and constructor cannot throw (`new AsyncWriter({ socket, abort })` that",
        "only assigns fields), awaits of a promise given a handler that cannot throw (`await",
        "request.send(body).catch((e) => log(e))`; a call typed to return a promise is taken to report",
        "failure through it, and so is each link of a chain on one, `load().then(apply).catch(h)`; a",
        "handler named instead of written is the executor's `reject` or a project function that needs",
        "no `this`, `.catch(logError)`), and calls and awaits of project functions that cannot throw or",
        "reject by the same analysis (four calls deep at most). Any other call to a library or to",
        "anything only declared counts as throwing there, so such a callee is still reported.",
        "",
        "Error-handling code (a `catch` block, a `finally` block, the handler of `.catch(h)` or",
        "`.then(f, h)`, and project functions called from them) is held to a different standard: the",
        "author handled the error, and a synchronous call there throws only on a bug in the handler",
        "itself (a logger that throws), which is not this rule's subject. There only explicit failures",
        "count: a `throw` statement (a rethrow), an `await` of something that can reject, a promise",
        "the handler returns that can reject (the chain or the async function adopts it, so",
        "`.catch(() => this.retry())` fails when `retry` can; a helper called there for its value hands",
        "its promise to the code that called it, `this.send(m).catch(...)`), and calls of project",
        "functions that fail by the same standard (a",
        "helper with `if (!(e instanceof NetworkError)) throw e;`). Library calls (a winston logger",
        "behind actionhero's `log(error, \"warning\")`, `emitter.emit(\"failed\", e)`), calls the analysis",
        "cannot follow into a project body, property reads and `new` are taken not to throw; the one",
        "exception is `emit(\"error\", e)` on Node's EventEmitter, which rethrows when nobody listens.",
        "`checkSelfHandled` reports these callees anyway. The callee is the declaration the call",
        "resolves to: a subclass overriding the",
        "method is not considered. A property without a body whose type is written from an",
        "implementation (`incomingMessagePerConnection: ChatRoomInitializer[\"incomingMessagePerConnection\"]`",
        "in an interface, as actionhero types its `api` object, or `flush: typeof flush`) is taken to",
        "run the function its call signature was declared by, when that is a project function; a",
        "property with a written function type (`(c: Connection) => Promise<void>`) stays unknown.",
        "",
        "A promise's own resolving functions count as not throwing (a settled promise ignores them, and",
        "a thenable whose `then` throws rejects the promise instead): the `resolve` and `reject`",
        "parameters of a `new Promise((resolve, reject) => ...)` executor, and a local or field that every",
        "assignment sets to one of them (a Deferred's `this.#resolve = resolve` inside the executor). So",
        "the async helper an executor starts and settles from its own `try` and `catch` is self-handled",
        "(bullmq's sandbox: `const initChild = async () => { try { ...; resolve(); } catch (err) {",
        "reject(err); } }; initChild();`), and so is an async IIFE whose `catch` calls a project",
        "Deferred's `reject()` that ends in such a field (puppeteer's `BidiCdpSession`). So do the",
        "`resolve` and `reject` members of a value typed as a promise, a deferred that carries its",
        "resolving functions (graphile-worker's `interface Deferred<T> extends Promise<T> { resolve: ...;",
        "reject: ... }` over `Object.assign(new Promise(...), { resolve, reject })`: its worker loop settles",
        "`workerDeferred.resolve()` after its self-handled tries), when they have no body to follow (an",
        "interface's or type literal's member, or one in a declaration file); the same names on a value",
        "that is no promise (`tracker.resolve(id)`) stay unknown. Whether the",
        "promise they settle is then handled is the question of the code that holds it. A variable or",
        "field also assigned anything else, or the parameters of a callback that is not the lib's",
        "`Promise` executor, stay unknown.",
        "",
        "A call of a project async function that never suspends is not reported either (same option):",
        "no `await`, `for await` or `yield`, no `throw` statement, and nothing returned that can be a",
        "promise (actionhero's `async sendMessage(c, m) { this.cleanHeaders(c); this.send(c, m); }`).",
        "Its promise is settled before the call returns, and it rejects only where the same body as a",
        "sync function would throw at the caller: nothing is lost that a sync function would keep.",
        "This is its own category, not \"cannot reject\". For a method, every body the call may run",
        "must qualify: the member it resolves to (skipped when abstract) and every override in the",
        "project's classes that extend its class (at most 64 classes), and every function the project",
        "assigns to that member on an instance, in any file (actionhero's servers give each connection",
        "they build `connection.sendMessage = async (message) => { this.sendMessage(connection, message); }`).",
        "A method whose whole body is one `throw new ...(...)` (`async sendMessage(m) { throw new",
        "Error(\"not implemented\"); }`) is JavaScript's abstract method and is skipped like one when",
        "other bodies exist: a call that reaches it is a programming error, not a failure a caller",
        "could handle; a placeholder that nothing overrides or assigns stays reported, and so does an",
        "override that only throws over a working method of a base class (`cancelQuery() { throw new",
        "Error(\"not supported for this dialect\"); }`: a real rejection, not an abstract method). `this.m =",
        "this.m.bind(this)` keeps the bodies; an instance assignment of anything other than a function",
        "expression (`connection.sendMessage = transport.send`, `??=`) makes them unknown, and the call",
        "is reported. A member of an interface",
        "(object literals anywhere may implement it) or of a library stays reported, and so does a",
        "body with a `throw` (`if (!method) throw new Error(...)`: outside the caller's `try`, as a",
        "rejection nobody handles).",
        "",
        "A call that makes no promise is not reported: a sync project function whose every `return` is",
        "a read of a promise something already holds (`return this.promise;`, `return _this.promise;`",
        "in ioredis's `execPipeline`; an async one wraps it in a new promise and is reported; a bare",
        "`return;` gives no promise and is passed over, as in grammY's memoizing `load()`), or a",
        "`const` of an enclosing scope holding a promise that the scope gives a rejection handler",
        "(`promise.then(onStop, onError)`, `.catch(h)`, or `Promise.race([promise, timeout])` and the other",
        "combinators of the global `Promise`), stores (`{ release, promise }`, `worker.done = promise`,",
        "`lastRun = promise`) or returns (also in an array, `return [promise, release]`) (a",
        "captured promise nothing else handles, stores or returns stays reported), or either wrapped in",
        "`Promise.resolve(...)` of the global `Promise` when its type is the built-in `Promise`, which",
        "`Promise.resolve` hands back unchanged (graphile-worker's `release = () => { ...; return",
        "Promise.resolve(promise); }`; of a thenable or a subclass it makes a new promise, reported), and a",
        "callback adapter, which returns the promise it is given (`CALLBACK_ADAPTERS`: today",
        "`standard-as-callback`'s `asCallback(promise, callback)`): not reported when a callback",
        "function is given (the rejection goes to it) or when the promise is such a held read",
        "(`asCallback(this.promise, callback)`). Compiled CommonJS calls (`(0, module_1.fn)(...)`) are",
        "resolved as direct calls.",
        "",
        "A promise that never rejects is not reported either (same option): `new Promise((resolve) =>",
        "...)` whose executor takes only `resolve` and cannot throw (by the analysis above; calling",
        "`resolve` with a value that is not a promise (every call of it in the executor, nested",
        "functions included), and timers count as not throwing), a `const` initialized from one, a field that every assignment in its class and its",
        "subclasses sets to one (axios's `this.promise = new Promise(function (resolve) { resolvePromise = resolve; })`),",
        "and `.then(f)` on one where `f` cannot throw (`this.promise.then((c) => { this.reason = c; })`).",
        "`Promise.allSettled(...)` of the global `Promise` is one when its argument is an array literal,",
        "`xs.map(...)` or any array, `Set` or `Map` value (iterating it cannot throw): node-redis's",
        "`Promise.allSettled(gracefulClosePromises).then(() => { settled = true; resolve(); })`; of a",
        "value typed `any` it may reject with a `TypeError`, and is reported.",
        "Awaiting one counts as not throwing. A `resolve` handed out and later called with a promise",
        "that rejects is not followed; an executor taking `reject`, a field also assigned from",
        "anything else, or a `let` stays reported. So does, deliberately, `.then(f)` on such a promise",
        "where `f` calls functions the analysis cannot see, such as subscribed listeners (axios's",
        "CancelToken: `this.promise.then((cancel) => { for (...) token._listeners[i](cancel); })`): a",
        "listener that throws rejects the chain, and as it runs in a microtask, no caller's `try` can",
        "catch it; the error reaches no one, which is what this rule reports. Catch inside `f` (`try {",
        "listener(cancel); } catch (error) { ... }`) or mark the chain with `void` to say it is deliberate.",
        "",
        "Library promises are unknown to this analysis, with a short catalogue of exceptions matched by",
        "declaration (same option), each entry kept only with the library's implementation and",
        "documentation showing its promise settles only through `resolve`: " +
          NEVER_REJECTING_LIBRARY_CALLS.map((entry) => `\`${entry.name}\` of \`node:${entry.module}\` (${entry.why})`).join("; ") +
          ". A call of one (bullmq's `this.worker.terminate()` when a child is killed), an `await` of one",
        "and `.then(f)` on one where `f` cannot throw are not reported; a project class's own method of the",
        "same name, or any other method of the same class, is.",
        "",
        "Callback-style APIs that return a promise only when no callback is given (`function request(opts,",
        "cb) { if (typeof cb !== \"function\") return new Promise(...); ... }`, common in JavaScript, where",
        "the inferred return type is `Promise<...> | undefined`): a call that passes a function in that",
        "position returns nothing to handle and is not reported; a call without it still is. This is",
        "read from the callee's body in the project: every `return` that may yield a promise must sit",
        "where a condition showed that parameter is not a function (`typeof cb !== \"function\"`, `!cb`,",
        "`cb === undefined`, `cb == null`, in an enclosing `if`, after a guard clause that always exits,",
        "or in `return cb ? undefined : promise`). A returned local counts by what was written to it:",
        "`let promise; if (!method) { promise = team.work; ... } ... return promise;` yields a promise only",
        "where `method` was shown missing, and `undefined` elsewhere (a `let` or `var` of the function,",
        "written only by `promise = value` outside closures; hapi's `server.ext(event, method)`). Where the",
        "condition tests the value's truthiness (`!cb`, `cb == null`, `cb === undefined`, not `typeof`), any",
        "truthy argument skips it, also one whose type is unknown (`any` in JavaScript): a function written",
        "at the call, or a parameter or `const` that no code writes and that an enclosing `if (after)`,",
        "`after && ...` or `after ? ... : ...` tested truthy (`if (after) { this.ext(\"onPreStart\", after); }`).",
        "Such a parameter or `const` tested `typeof callback === \"function\"` (by an enclosing `if`, `&&` or",
        "`?:`, or by an earlier guard clause that always exits, `if (typeof done !== \"function\") throw ...;`)",
        "counts as a function for every kind of condition (mssql's `if (typeof callback === \"function\") {",
        "this.connect(callback); }`); an untyped argument with no such test, one tested `typeof callback ===",
        "\"object\"`, or one written after its test, stays reported. The",
        "shuffle of optional arguments at the top of the body, as database drivers (mysql, mysql2, pg)",
        "write it, is followed: after `if (typeof values ===",
        "\"function\") { callback = values; values = undefined; }` a function passed in `values`' place is",
        "the callback, so `conn.query(sql, (error, rows) => ...)` is not reported, nor is `request((error,",
        "response) => ...)` after `if (typeof options === \"function\") { callback = options; options = {}; }`,",
        "while `conn.query(sql)` still is. A shuffle step is an `if` testing `typeof p === \"function\"` (or",
        "`!==`), or a parameter's other type (`if (typeof options === \"string\") options = { url: options };`),",
        "whose branches only assign parameters (an assignment to a local or a property, also a computed one",
        "such as `this[kLastHost] = hostname`, changes none and is passed over, as is one to a rest parameter,",
        "which no step moves; a destructuring or a write to an element of `arguments` ends the shuffle), or",
        "a parameter's assignment as a statement of its own (`done = callback;`, or `url = String(url);`: the",
        "parameter then holds no argument), before any statement other than a variable declaration; mysql's",
        "`ping(options, callback)` guard, `if (!callback && typeof options === \"function\") { callback =",
        "options; options = {}; }`, counts too (it runs only without a callback, so `conn.ping(cb)` and",
        "`conn.ping(options, cb)` pass one; a guard that tests one parameter twice, `!options && typeof",
        "options === \"function\"`, is never true, and only its other branch runs). The statements of a",
        "bare block (`{ done = callback; }`) count as the body's. Such steps come",
        "first. Any other write to a parameter that the conditions test (`callback = once(callback)`, a shuffle",
        "decided by `arguments.length`, one after the first other statement or in a closure, a destructuring",
        "write such as `[callback, options] = [options, {}]` or `({ callback } = options)`) is not",
        "followed and the call stays reported: the conditions may no longer say what the caller passed,",
        "unless it sits in a branch where a condition on that parameter showed it missing (`if (!method) {",
        "method = defaultHandler; }`, also in a closure written there, or `if (!callback) ({ callback } =",
        "options);`): a caller's function skips the branch, so the write never runs and every test reads",
        "what was passed (after one where only `typeof cb !== \"function\"` held, a test of truthiness no",
        "longer does: a truthy non-function may have been replaced). A",
        "write to another parameter does not count (undici's `destroy(err, callback)` sets `if (!err) err =",
        "new ClientDestroyedError()` after its `callback === undefined` guard; `options = { url: options }`,",
        "`retries--`): what the conditions say about the callback stays true, so `this.destroy(err, (e) =>",
        "...)` returns nothing to handle.",
        "",
        "The last call of an entry script is not reported: a statement at the top level (in no function",
        "or class) of a file that starts with a shebang (`#!/usr/bin/env node`), with nothing after it",
        "that runs (only function declarations, which are hoisted, types, imports and exports). There an",
        "unhandled rejection ends the process with the error printed and exit code 1, as a synchronous",
        "throw would, and no later code can depend on it having finished: `main();` says what it means.",
        "It is silent rather than reported at a lower severity because there is nothing to change; in an ES",
        "module, `await main();` says the same and stays accepted. The entry is found by the shebang alone:",
        "a file named by a package.json `bin` must start with one to run on Unix (and in TypeScript `bin`",
        "names the compiled output, not the source), while `main` is not an entry: a library's `main` is",
        "imported by other code, whose process its rejection would end. Still reported: the same call inside",
        "a function, a top-level call with code after it (`migrate(); main();`), any file without a shebang,",
        "and a `.catch()` given a non-function.",
        "",
        "`Promise.reject(error);` as a statement of its own is not reported: it has no purpose but to",
        "raise an unhandled rejection on purpose (an event emitter surfacing an `error` event that no one",
        "listens to, as SDK streams do), nor is a call of it bound to a name of its own",
        "(`const raise = Promise.reject.bind(Promise); raise(error);`). Only the global `Promise` counts,",
        "recognised by its declaration in TypeScript's lib files; a class of your own named `Promise` does",
        "not, and a chain on it (`Promise.reject(e).finally(f)`) or a local holding it is checked as usual.",
        "",
        "Values whose type is `any` or `unknown` are never reported: the rule reports only what the",
        "types prove. Some promises are fine to leave floating and are recognised by their declaration",
        "(not by name): `describe`/`it`/`test`/`suite` from `node:test`, and VS Code's",
        "`window.show*Message`.",
      ].join("\n"),
      incorrect: [
        {
          title: "A call whose promise is dropped",
          code: [
            "declare function save(record: object): Promise<void>;",
            "",
            "export function onSubmit(record: object) {",
            "  save(record);",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 3 },
        },
        {
          title: "`.then()` without a rejection handler",
          code: [
            "declare function load(): Promise<string>;",
            "",
            "load().then((text) => console.log(text));",
          ].join("\n"),
          reportedAt: { line: 3, column: 1 },
        },
        {
          title: "An array of promises",
          code: [
            "declare function send(id: string): Promise<void>;",
            "",
            "export async function notifyAll(ids: string[]) {",
            "  ids.map(async (id) => send(id));",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 3 },
        },
        {
          title: "A promise in a local variable, dropped on one path",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "",
            "export async function greet(id: string, quiet: boolean) {",
            "  const user = fetchUser(id);",
            "  if (quiet) return;",
            "  console.log((await user).name);",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 9 },
        },
        {
          title: "`.catch()` given something that is not a function",
          code: [
            "declare function save(): Promise<void>;",
            "declare const logger: { error: string };",
            "",
            "save().catch(logger.error);",
          ].join("\n"),
          reportedAt: { line: 4, column: 1 },
        },
      ],
      correct: [
        {
          title: "Awaited, returned, or handled",
          code: [
            "declare function save(record: object): Promise<void>;",
            "",
            "export async function a(record: object) {",
            "  await save(record);",
            "}",
            "export function b(record: object) {",
            "  return save(record);",
            "}",
            "export function c(record: object) {",
            "  save(record).catch((error) => console.error(error));",
            "}",
          ].join("\n"),
        },
        {
          title: "A deliberate fire-and-forget, made visible with `void`",
          code: [
            "declare function warmCache(): Promise<void>;",
            "",
            "void warmCache();",
          ].join("\n"),
        },
        {
          title: "A local promise awaited later, or passed on",
          code: [
            "declare function fetchUser(id: string): Promise<{ name: string }>;",
            "declare function fetchPosts(id: string): Promise<string[]>;",
            "",
            "export async function page(id: string) {",
            "  const user = fetchUser(id);",
            "  const posts = fetchPosts(id);",
            "  return Promise.all([user, posts]);",
            "}",
          ].join("\n"),
        },
        {
          title: "A self-handled fire-and-forget: the callee cannot reject",
          code: [
            "declare function post(url: string, body: object): Promise<object>;",
            "",
            "async function sendMetrics(payload: object) {",
            "  try {",
            '    await post("/metrics", payload);',
            "  } catch (error) {",
            '    console.error("metrics failed", error);',
            "  }",
            "}",
            "",
            "export function onRequest(payload: object) {",
            "  sendMetrics(payload);",
            "}",
          ].join("\n"),
        },
        {
          title: "An optional promise collected where it is one",
          code: [
            "interface Subscriber {",
            "  beforeInsert?(entity: object): Promise<void> | void;",
            "}",
            "",
            "export function broadcast(subscribers: Subscriber[], entity: object, pending: Promise<void>[]) {",
            "  for (const subscriber of subscribers) {",
            "    const result = subscriber.beforeInsert?.(entity);",
            "    if (result instanceof Promise) pending.push(result);",
            "  }",
            "}",
          ].join("\n"),
        },
        {
          title: "Tests registered with node:test",
          code: [
            'import { describe, it } from "node:test";',
            "",
            'describe("math", () => {',
            '  it("adds", () => {});',
            "});",
          ].join("\n"),
        },
        {
          title: "The last call of an entry script: a rejection ends the process with the error printed",
          code: [
            "#!/usr/bin/env node",
            "declare function startServer(port: number): Promise<void>;",
            "",
            "async function main() {",
            "  await startServer(Number(process.env.PORT ?? 3000));",
            "}",
            "",
            "main();",
          ].join("\n"),
          fileName: "server.cts",
        },
        {
          title: "Types the checker cannot know are not guessed at",
          code: [
            "declare const legacy: any;",
            "",
            "legacy.start();",
          ].join("\n"),
        },
      ],
      optionsDoc: {
        ignoreVoid:
          "`true` (default): `void promise` is a deliberate fire-and-forget and is not reported. `false`: `void` needs a rejection handler too.",
        ignoreIIFE: "`false` (default): `(async () => { ... })();` statements are reported. `true`: they are accepted.",
        checkThenables:
          "`false` (default): only the built-in `Promise` (and classes or interfaces derived from it) counts. `true`: any value with a callable `then`.",
        checkLocalVariables:
          "`true` (default): report a promise stored in a local variable that is dropped on some path. `false`: statements only.",
        checkSelfHandled:
          "`false` (default): a call of a project function that handles all its own errors (it cannot reject, see above), or of one that never suspends (see above), is not reported. `true`: report it like any other promise.",
        allowedCalls:
          'Calls whose promise may float, by declaration: `[{ "module": "@acme/jobs", "name": "enqueue" }]` or `[{ "file": "**/src/background.ts", "name": ["start*"] }]`. `module` is a package or ambient module name; `file` a glob on the absolute path of the declaring file; `name` the dotted name inside it (`Queue.push`), globs allowed. The built-in list (node:test, VS Code messages) always applies.',
        allowedTypes:
          "Promise types that may float, by the declaration of the type, in the same form as `allowedCalls`.",
        catchHandler:
          "The handler the `.catch()` suggestion inserts. Default: `(error) => { console.error(error); }`.",
      },
      fixesDoc: [
        "All fixes are **suggestions** (they change behaviour; an editor offers them, `--fix` never applies them),",
        "offered safest first:",
        "",
        "1. **Add `await`**: offered only inside an async function, or at the top level of an ES module that",
        "   allows top-level `await`. An array of promises becomes `await Promise.all(...)`. Not offered for a",
        "   call that starts a long-running loop (its function, or a project function it awaits or returns,",
        "   four calls deep at most, runs `while (true)`, `for (;;)` or a loop on a flag such as",
        "   `while (!this.stopped)` with an `await` inside): awaiting it would block there forever.",
        "2. **Add `.catch(...)`**: appends `.catch(<catchHandler>)` when every part of the type has a `catch`",
        "   method. When only some do (`void | Promise<T>`, `Promise<T> | undefined`), **Handle rejections",
        "   with `Promise.resolve(...).catch()`** wraps the value instead, so the result still type-checks.",
        "3. **Add `void`**: marks a deliberate fire-and-forget (only when `ignoreVoid` is on, the default). It",
        "   comes last: a rejection still goes unhandled, so a crash stays a crash.",
        "",
        "So in a non-async function, or for a call that starts a long-running loop, the first suggestion",
        "is the handler. Parentheses are added where precedence needs them (`await (a ? b() : c())`).",
        "Promises in local variables get no automatic fix: where to await is a decision about ordering.",
      ].join("\n"),
      comparison: [
        "Compared with typescript-eslint's `no-floating-promises`: the same statement-level defaults",
        "(`ignoreVoid`, `ignoreIIFE`, `checkThenables`, `allowForKnownSafeCalls` ≈ `allowedCalls`), plus",
        "promises parked in local variables and dropped on some path, which no peer reports, and",
        "built-in knowledge of `node:test` and VS Code message promises matched by declaration.",
        "",
        "Agreements with its default-option test suite, case by case: an array of promises is reported",
        "whatever expression reaches it (a name typed by a type parameter whose constraint is an array of",
        "promises, a property or element read, an optional chain such as `batches?.[0]` of nested arrays;",
        "`await Promise.all(...)` is then suggested with `?? []` so the fix still type-checks), and an awaited",
        "value that is itself an array of promises (`await listJobs();` with `Promise<Promise<void>[]>`):",
        "awaiting settles the outer promise only.",
        "",
        "Measured against that suite (108 default-option cases): 92 agree at the defaults, 103 with",
        "`checkSelfHandled: true` (the rest of the gap is this rule's documented silence on self-handled",
        "and never-suspending callees). Like typescript-eslint, a `yield` statement in a generator typed",
        "to receive promises (`Generator<T, R, Promise<X>>`) drops the promise the consumer sends, and a",
        "`yield*` statement drops its delegate's return value. Deliberate differences left: a type",
        "assertion on a value that is not a promise (`({}) as Promise<number>;`, `<Promise<number>>{};`)",
        "is not reported: the rule follows the value, and an object literal holds no promise, whatever",
        "type is written on it; a nested array of promises reached through an optional chain on a type",
        "parameter (`S extends Array<T | Array<T | Promise<T>>>`, `s?.[0]`) is not followed.",
        "",
        "A spread among the first two arguments of `.then()` (`.then(...steps, onRejected)`,",
        "`.then(onFulfilled, ...handlers)`) or as the argument of `.catch(...handlers)` counts as no rejection",
        "handler, as in typescript-eslint: the spread may hold any number of values, so a function written",
        "after it may land in the fulfilment position (with `steps` empty, `onRejected` becomes the",
        "`onFulfilled` and nothing handles the rejection). This is the one place the rule reports without a",
        "type proving the problem: the positions are not worked out even where a fixed-length tuple would",
        "tell them, and writing the handler as a direct argument says what is meant. `.catch(...handlers)`",
        "gets the general message, not the one for a",
        "non-function handler.",
        "",
        "A rejection handler whose type may not be callable does not handle (as in typescript-eslint, where",
        "a union's call signatures are those all its parts share): `.catch(onError)` with `onError: string |",
        "((e) => void)`, or an optional callback `options.onError` that may be `undefined`, leaves the",
        "rejection unhandled wherever the value is not a function. A default (`options.onError ?? log`), a",
        "test that narrows it (`if (options.onError)`), a union of function types and a function type",
        "intersected with properties all handle; a handler typed `any` or by an unconstrained type",
        "parameter is not guessed at.",
        "",
        "Suppression comments written for the peers (`@typescript-eslint/no-floating-promises` (ESLint or oxlint) and Biome's `noFloatingPromises`: `eslint-disable-next-line`, `-line`,",
        "`eslint-disable`/`eslint-enable` ranges, the `oxlint-` forms, `biome-ignore`) also suppress this rule, so a",
        "codebase moving over keeps its deliberate exceptions; `honorPeerSuppressions: false` turns that off (README,",
        "\"Suppressions written for ESLint, oxlint and Biome\").",
      ].join("\n"),
    },
  },

  create(context) {
    const checker = new FloatingChecker(context);
    const visitor: Partial<Record<ts.SyntaxKind, (node: ts.Node) => void>> = {
      [ts.SyntaxKind.ExpressionStatement]: (node) => checker.checkStatement(node as ts.ExpressionStatement),
    };
    if (context.options.checkLocalVariables) {
      visitor[ts.SyntaxKind.VariableDeclaration] = (node) => checker.checkLocal(node as ts.VariableDeclaration);
    }
    return visitor;
  },
};

// ---------------------------------------------------------------------------------------------
// Detection

interface Problem {
  messageId: MessageId;
  /** The expression that is a promise (or array of promises) at the top of the statement. */
  array: boolean;
}

export type Matcher = (ref: DeclarationRef) => boolean;

/** One matcher for a list of specifiers (also used by `unbounded-concurrency`'s limiter lists). */
export function compileSpecifiers(specifiers: readonly DeclarationSpecifier[]): Matcher {
  const compiled = specifiers.map((specifier) => {
    const names = Array.isArray(specifier.name) ? specifier.name : [specifier.name];
    const nameMatch = picomatch(names, { dot: true });
    const fileMatch = specifier.file ? picomatch(specifier.file, { dot: true }) : undefined;
    const module = specifier.module ? stripNodePrefix(specifier.module) : undefined;
    return (ref: DeclarationRef) => {
      if (module !== undefined && (ref.module === undefined || stripNodePrefix(ref.module) !== module)) return false;
      if (fileMatch && !fileMatch(ref.fileName.replace(/\\/g, "/"))) return false;
      return nameMatch(ref.qualifiedName);
    };
  });
  return (ref) => compiled.some((match) => match(ref));
}


/**
 * Library functions that adapt a promise to a Node-style callback and return the same promise:
 * when a callback function is given, the rejection goes to it; either way the promise returned is
 * the argument, so whether it is dropped is a question about the argument (`asCallback(this.promise,
 * callback)` returns a promise the object holds).
 */
export const CALLBACK_ADAPTERS: readonly { module: string; names: readonly string[]; promiseArgument: number; callbackArgument: number; why: string }[] = [
  {
    // standard-as-callback (ioredis, BullMQ): `asCallback(promise, nodeback, options?)` attaches
    // `promise.then(fulfilled, rejected)` calling the nodeback when it is a function, and returns `promise`.
    module: "standard-as-callback",
    names: ["default", "asCallback"],
    promiseArgument: 0,
    callbackArgument: 1,
    why: "hands the promise's outcome to the callback when one is given, and returns the promise it was given",
  },
];

/**
 * A read of a promise something already holds: a property of `this` or of a name (`this.promise`,
 * `_this.promise`, `command.promise`, `this.state.ready`), never a call's or `new`'s result.
 */
function isHeldRead(expression: ts.Expression): boolean {
  let node = skipParens(expression);
  if (!ts.isPropertyAccessExpression(node)) return false;
  while (ts.isPropertyAccessExpression(node)) node = skipParens(node.expression);
  return ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * A sync project function whose every return is a held read (`isHeldRead`) or a bare `return;`, with
 * at least one held read: `resolve(value) {
 * ...; return this.promise; }` (ioredis's `Command`), `function execPipeline() { ...; return
 * _this.promise; }`, or a held `const` of an enclosing scope (`heldCapturedConst`), or either
 * wrapped in `Promise.resolve(...)` of the global `Promise` where the held value's type is the
 * built-in `Promise`: `Promise.resolve(x)` returns `x` itself when it is a native promise
 * (graphile-worker's `release = () => { ...; return Promise.resolve(promise); }`). Of any other
 * type (a thenable, a subclass) it makes a new promise that adopts the value's rejection, and is
 * not taken. An async one wraps what it returns in a new promise, and is not taken.
 */
function returnsHeldPromise(fn: ts.FunctionLikeDeclaration, types: TypeOracle): boolean {
  const body = fn.body;
  if (!body || fn.asteriskToken || isAsyncFunction(fn)) return false;
  const returned = ts.isBlock(body) ? returnedExpressions(body) : [body];
  // A bare `return;` gives no promise (grammY's `load() { if (this.key === undefined) return; ...; return this.promise; }`).
  return returned.some((expression) => expression !== undefined) && returned.every((expression) => expression === undefined || returnsHeld(expression, fn, types));
}

/** `expression`, returned by `fn`, is a promise something else already holds (`returnsHeldPromise`). */
function returnsHeld(expression: ts.Expression, fn: ts.FunctionLikeDeclaration, types: TypeOracle): boolean {
  const node = skipParens(expression);
  const held = (value: ts.Expression): boolean => isHeldRead(value) || heldCapturedConst(value, fn, types);
  if (held(node)) return true;
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = skipParens(node.expression);
  const argument = node.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "resolve" || ts.isSpreadElement(argument) || !types.isGlobalPromiseConstructor(callee.expression)) return false;
  return held(skipParens(argument)) && isBuiltinPromise(argument, types);
}

/** The value's type is the built-in `Promise` (by its declaration in TypeScript's lib files), with no other part. */
function isBuiltinPromise(expression: ts.Expression, types: TypeOracle): boolean {
  const refs = types.typeDeclarations(expression);
  return refs.length > 0 && refs.every((ref) => ref.isDefaultLib && ref.qualifiedName === "Promise");
}

/**
 * A `const` declared outside `fn` (a local of an enclosing function, or of the module) that holds a
 * promise which its scope, outside `fn`, hands a rejection handler (`promise.then(onStop, onError)`,
 * `promise.catch(h)`, or an element of `Promise.race([promise, timeout])` and the other combinators
 * of the global `Promise`), stores (`{ release, promise }`, `worker.done = promise`, `lastRun =
 * promise` in a variable other code reads) or returns (also in an array: `return [promise,
 * release]`): the promise is held and handled there, so a function
 * returning it makes no new one (graphile-worker's
 * `const promise = workerDeferred.finally(...); promise.then(..., (error) => ...);`). A captured
 * promise that nothing outside `fn` handles, stores or returns (`promise.finally(...)` only) is not
 * held: dropping the function's result drops its only reference.
 */
function heldCapturedConst(expression: ts.Expression, fn: ts.FunctionLikeDeclaration, types: TypeOracle): boolean {
  if (!ts.isIdentifier(expression)) return false;
  const scope = types.variableScope(expression, fn);
  const declaration = types.variableDeclarationOf(expression);
  const list = declaration?.parent;
  if (scope?.scope !== "outside" || !scope.isConst || !declaration?.initializer || !ts.isIdentifier(declaration.name) || !list || !ts.isVariableDeclarationList(list)) return false;
  if (types.promiseStatus(expression, { thenables: false }) !== "always") return false;
  const name = declaration.name;
  const handle = types.variableOf(name);
  const region = list.parent.parent;
  const visit = (node: ts.Node): boolean => {
    if (node === fn) return false;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && types.variableOf(node) === handle && handsOn(node, types)) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return handle !== undefined && visit(region);
}

/** The reference `name` of a promise is given a rejection handler, stored in an object, a property or a variable, or returned. */
function handsOn(name: ts.Expression, types: TypeOracle): boolean {
  const parent = name.parent;
  // An element of an array literal goes where the array goes (`return [promise, release]`); the
  // lib's combinators (`Promise.race([promise, timeout])`, `all`, `allSettled`, `any`) give every
  // element a rejection handler, and their own promise carries the rejection on.
  if (ts.isArrayLiteralExpression(parent)) {
    let outer: ts.Expression = parent;
    while (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isSatisfiesExpression(outer.parent)) outer = outer.parent;
    return handsOn(outer, types) || isCombinatorArgument(parent, types);
  }
  if (ts.isShorthandPropertyAssignment(parent) || ts.isReturnStatement(parent)) return true;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === name;
  // `worker.done = promise`, `workers[id] = promise`, `lastRun = promise`: each store keeps the promise where other code reads it.
  if (ts.isBinaryExpression(parent)) {
    const target = parent.left;
    return parent.right === name && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) || ts.isIdentifier(target));
  }
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== name || !ts.isCallExpression(parent.parent) || parent.parent.expression !== parent) return false;
  const handlerIndex = parent.name.text === "catch" ? 0 : parent.name.text === "then" ? 1 : -1;
  const handler = handlerIndex < 0 ? undefined : parent.parent.arguments[handlerIndex];
  const spread = parent.parent.arguments.slice(0, handlerIndex + 1).some((argument) => ts.isSpreadElement(argument));
  return handler !== undefined && !spread && !isUndefinedOrNullLiteral(handler);
}

/** `Promise.all(list)`, `race`, `allSettled` or `any` of the global `Promise`, with `list` its first argument. */
function isCombinatorArgument(list: ts.ArrayLiteralExpression, types: TypeOracle): boolean {
  const call = list.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== list) return false; // extra arguments are ignored
  const callee = skipParens(call.expression);
  return ts.isPropertyAccessExpression(callee) && COMBINATORS.has(callee.name.text) && types.isGlobalPromiseConstructor(callee.expression);
}

const COMBINATORS = new Set(["all", "race", "allSettled", "any"]);

const LOGICAL_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

class FloatingChecker {
  private readonly query: PromiseQuery;
  private readonly allowedCall: Matcher;
  private readonly allowedType: Matcher | undefined;

  constructor(private readonly context: RuleContext<FloatingPromiseOptions>) {
    const options = context.options;
    this.query = { thenables: options.checkThenables };
    this.allowedCall = compileSpecifiers([...BUILTIN_ALLOWED_CALLS, ...options.allowedCalls]);
    this.allowedType = options.allowedTypes.length > 0 ? compileSpecifiers(options.allowedTypes) : undefined;
  }

  checkStatement(statement: ts.ExpressionStatement): void {
    const problem = this.unhandled(statement.expression);
    if (!problem) return;
    if (problem.messageId !== "catchNonFunction" && isEntryCall(statement)) return;
    if (this.isDeliberateRejection(statement.expression) || this.isRemovalFromArray(statement.expression)) return;
    this.context.report({
      node: statement.expression,
      messageId: problem.messageId,
      data: { rejection: rejectionOutcome(this.context.types.programRunsOnNode()) },
      fixes: this.fixesFor(statement, problem),
    });
  }

  /**
   * `Promise.reject(error);` as a statement of its own, where `Promise` is the global one (by its
   * declaration in TypeScript's lib files, not by name, however the call reaches it: a bound
   * `Promise.reject.bind(Promise)` is the same function): it has no purpose but to raise an
   * unhandled rejection on purpose (an event emitter surfacing an `error` event no one listens to).
   * Asked only of a statement found floating, so it costs no type query elsewhere.
   */
  private isDeliberateRejection(expression: ts.Expression): boolean {
    const node = skipParens(expression);
    if (!ts.isCallExpression(node)) return false;
    const declaration = this.context.types.calleeDeclaration(node);
    return declaration !== undefined && declaration.isDefaultLib && declaration.qualifiedName === "PromiseConstructor.reject";
  }

  /**
   * `queue.shift();`, `pop()` or `splice(...)` of the lib's arrays as a statement of its own: it
   * removes a promise that was made and stored earlier (the code that stored it handed it on there,
   * and whoever reads the array awaits it); dropping the removed reference creates no promise.
   * Asked only of a statement found floating.
   */
  private isRemovalFromArray(expression: ts.Expression): boolean {
    const node = skipParens(expression);
    if (!ts.isCallExpression(node)) return false;
    const declaration = this.context.types.calleeDeclaration(node);
    return declaration !== undefined && declaration.isDefaultLib && /^Array\.(?:shift|pop|splice)$/.test(declaration.qualifiedName);
  }

  /**
   * Why the value of `node` is an unhandled promise, or undefined when it is not a promise or is
   * handled. Mirrors how the value flows: through parentheses, `? :`, logical and comma operators.
   */
  private unhandled(expression: ts.Expression): Problem | undefined {
    const node = skipParens(expression);
    // `this.ready || (this.ready = connect())`, compiled `??=`: stored like `this.ready ||= connect()`.
    if (loweredLogicalAssignment(node)) return undefined;
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.CommaToken || LOGICAL_OPERATORS.has(operator)) {
        return this.unhandled(node.left) ?? this.unhandled(node.right);
      }
      return undefined; // assignments store the value; arithmetic and comparisons yield no promise
    }
    if (ts.isConditionalExpression(node)) return this.unhandled(node.whenTrue) ?? this.unhandled(node.whenFalse);
    if (ts.isVoidExpression(node)) {
      if (this.context.options.ignoreVoid) return undefined;
      const inner = this.unhandled(node.expression);
      return inner && { ...inner, messageId: inner.array ? "floatingArray" : "floatingVoid" };
    }
    // An awaited value is settled, but it may itself be an array of promises (`await listJobs()`).
    if (ts.isAwaitExpression(node)) return this.arrayProblem(node);
    if (
      ts.isPrefixUnaryExpression(node) ||
      ts.isPostfixUnaryExpression(node) ||
      ts.isDeleteExpression(node) ||
      ts.isTypeOfExpression(node) ||
      ts.isLiteralExpression(node) ||
      ts.isTemplateExpression(node) ||
      ts.isFunctionLike(node) ||
      ts.isClassExpression(node) ||
      ts.isObjectLiteralExpression(node) ||
      node.kind === ts.SyntaxKind.ThisKeyword ||
      node.kind === ts.SyntaxKind.SuperKeyword
    ) {
      return undefined;
    }
    if (ts.isArrayLiteralExpression(node)) return this.arrayProblem(node);
    // Type-only wrappers; `ready<string>` (an instantiation expression) is the value of `ready`.
    if (
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isTypeAssertionExpression(node) ||
      ts.isExpressionWithTypeArguments(node)
    ) {
      return this.unhandled(node.expression);
    }

    const status = this.status(node);
    if (status !== "always") return status === "never" ? this.arrayProblem(node) : undefined;
    if (this.isAllowed(node)) return undefined;

    if (ts.isCallExpression(node)) {
      const callee = skipParens(node.expression);
      if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
        const method = memberName(callee);
        if (method === "catch") {
          const handler = node.arguments[0];
          // `.catch(...handlers)`: which value lands in the handler position is unknown.
          if (!handler || ts.isSpreadElement(handler)) return { messageId: "floating", array: false };
          // A handler that may not be a function (`string | (() => void)`, an optional callback)
          // does not handle: where it is not one, the rejection passes through.
          return this.context.types.notFunctionStatus(handler) === "always"
            ? { messageId: "catchNonFunction", array: false }
            : undefined;
        }
        if (method === "then") {
          // A spread in the first two positions shifts the handlers by an unknown count
          // (`.then(...steps, onRejected)` with `steps` empty makes `onRejected` the fulfilment
          // handler): there is no rejection handler to rely on, as typescript-eslint also decides.
          const spread = node.arguments.slice(0, 2).some((argument) => ts.isSpreadElement(argument));
          const onRejected = spread ? undefined : node.arguments[1];
          if (!onRejected || isUndefinedOrNullLiteral(onRejected)) return this.neverRejects(node) ? undefined : { messageId: "thenWithoutHandler", array: false };
          return this.context.types.notFunctionStatus(onRejected) === "always"
            ? { messageId: "thenWithoutHandler", array: false }
            : undefined;
        }
        if (method === "finally") {
          const upstream = this.unhandled(callee.expression);
          return upstream ? { messageId: "finallyWithoutHandler", array: false } : undefined;
        }
      }
      if (isFunctionExpressionLike(callee) && isAsyncFunction(callee)) {
        if (this.context.options.ignoreIIFE || this.selfHandled(callee) || this.neverSuspends(callee)) return undefined;
        return { messageId: "floatingIIFE", array: false };
      }
      const fn = this.context.types.projectFunctionOf(node);
      if (fn && this.selfHandled(fn)) return undefined;
      // A function that only returns a promise something already holds (`return this.promise;`)
      // makes none: dropping the reference loses nothing that its holder does not still have.
      if (fn && returnsHeldPromise(fn, this.context.types)) return undefined;
      const adapter = this.callbackAdapter(node);
      if (adapter) {
        const { promise, callback } = adapter;
        if (callback !== undefined && this.context.types.functionStatus(callback) === "always") return undefined; // the callback takes the rejection
        if (promise !== undefined && isHeldRead(promise)) return undefined; // the promise it returns is the one it was given
      }
      if (!this.context.options.checkSelfHandled && this.facts().callNeverSuspends(node)) return undefined;
      if (fn && this.callbackGiven(node, fn)) return undefined;
      if (!fn && this.neverRejects(node)) return undefined; // a library promise that never rejects (`worker.terminate()`)
    } else if (this.neverRejects(node)) {
      return undefined;
    }
    return { messageId: "floating", array: false };
  }

  private calleeFacts: RejectionFacts | undefined;

  /** A project function whose promise cannot reject: a deliberate, self-handled fire-and-forget. */
  private selfHandled(fn: ts.FunctionLikeDeclaration): boolean {
    return !this.context.options.checkSelfHandled && this.facts().cannotReject(fn);
  }

  /** A promise that never rejects: `new Promise((resolve) => ...)` that cannot throw, a field or `const` holding one, `.then(f)` on one. */
  private neverRejects(node: ts.Expression): boolean {
    return !this.context.options.checkSelfHandled && this.facts().neverRejects(node);
  }

  /** An async function that never suspends: settled when the call returns, rejecting only where a sync function would throw. */
  private neverSuspends(fn: ts.FunctionLikeDeclaration): boolean {
    return !this.context.options.checkSelfHandled && this.facts().neverSuspends(fn);
  }

  /** A call (or async IIFE) whose function runs a loop that only a flag ends, or never. */
  private startsLongRunningLoop(expression: ts.Expression): boolean {
    const node = skipParens(expression);
    if (!ts.isCallExpression(node)) return false;
    const callee = skipParens(node.expression);
    const fn = isFunctionExpressionLike(callee) ? callee : this.context.types.projectFunctionOf(node);
    return fn !== undefined && this.facts().startsLongRunningLoop(fn);
  }

  private facts(): RejectionFacts {
    this.calleeFacts ??= rejectionFacts(this.context.types);
    return this.calleeFacts;
  }

  private readonly callbackMemo = new Map<ts.Node, { functions: number[]; truthy: number[] }>();

  /** The call passes a function where the callee returns a promise only without one. */
  /** A call of an entry of `CALLBACK_ADAPTERS` (`asCallback(this.promise, callback)`): its promise and callback arguments. */
  private callbackAdapter(call: ts.CallExpression): { promise: ts.Expression | undefined; callback: ts.Expression | undefined } | undefined {
    const ref = this.context.types.calleeTarget(call)?.ref;
    const entry = ref && CALLBACK_ADAPTERS.find((adapter) => adapter.module === ref.module && adapter.names.includes(ref.qualifiedName));
    if (!entry) return undefined;
    const spread = call.arguments.findIndex((argument) => ts.isSpreadElement(argument));
    const argument = (index: number): ts.Expression | undefined => (spread >= 0 && spread <= index ? undefined : call.arguments[index]);
    return { promise: argument(entry.promiseArgument), callback: argument(entry.callbackArgument) };
  }

  private callbackGiven(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): boolean {
    let indices = this.callbackMemo.get(fn);
    if (!indices) {
      indices = callbackParameters(fn, this.context.types, this.query);
      this.callbackMemo.set(fn, indices);
    }
    const spread = call.arguments.findIndex((argument) => ts.isSpreadElement(argument));
    const argument = (index: number): ts.Expression | undefined => (spread >= 0 && spread <= index ? undefined : call.arguments[index]);
    // Its type, or where that says nothing (`any` in JavaScript), the tests around the call (`if (typeof callback === "function")`).
    const known = (index: number): ArgumentKnown => {
      const given = argument(index);
      if (given === undefined) return undefined;
      return this.context.types.functionStatus(given) === "always" ? "function" : knownArgument(given, this.context.types);
    };
    // Where the callee tests the callback's truthiness (`if (!method)`), any truthy argument skips that branch.
    return indices.functions.some((index) => known(index) === "function") || indices.truthy.some((index) => known(index) !== undefined);
  }

  private status(node: ts.Expression): Tri {
    return mayHoldPromise(node) ? this.context.types.promiseStatus(node, this.query) : "never";
  }

  private arrayProblem(node: ts.Expression): Problem | undefined {
    if (!(mayHoldPromise(node) || ts.isArrayLiteralExpression(node) || ts.isAwaitExpression(node))) return undefined;
    if (ts.isArrayLiteralExpression(node) && node.elements.length === 0) return undefined;
    return this.context.types.promiseArrayStatus(node, this.query) === "always"
      ? { messageId: "floatingArray", array: true }
      : undefined;
  }

  private isAllowed(node: ts.Expression): boolean {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = this.context.types.calleeDeclaration(node);
      if (callee && this.allowedCall(callee)) return true;
    }
    if (this.allowedType) {
      const matcher = this.allowedType;
      return this.context.types.typeDeclarations(node).some((ref) => matcher(ref));
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Promises in local variables

  checkLocal(declaration: ts.VariableDeclaration): void {
    const initializer = declaration.initializer;
    if (!initializer || !ts.isIdentifier(declaration.name) || declaration.exclamationToken) return;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return;
    const binding: ts.NodeFlags = list.flags & ts.NodeFlags.BlockScoped; // AwaitUsing shares the Const bit
    if (binding === ts.NodeFlags.Using || binding === ts.NodeFlags.AwaitUsing) return;
    const statement = list.parent;
    // A `var` lives until its function (or static block, or file) ends, not its block: `if (c) {
    // var q = g(); } await q;` awaits it. Its uses are looked for in the whole scope (it is hoisted),
    // also where it is declared as the body of an `if` or a loop (`if (warm) var warming = warm();`).
    const isVar = (list.flags & ts.NodeFlags.BlockScoped) === 0;
    const parent = statement.parent;
    const block = isVar ? varScopeOf(statement) : ts.isBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) ? parent : undefined;
    // A top-level `var` of a script (no import or export) is a global that other scripts may read.
    if (!block || (ts.isSourceFile(block) && !ts.isExternalModule(block))) return;
    const firstStatement = isVar ? block.statements[0] : statement;
    // Cheap syntactic gate before any type question: only values that can be promises, also
    // behind a type assertion (`const user = fetchUser(id) as Promise<Admin>` holds the call's promise).
    const init = skipExpressionWrappers(initializer);
    if (!(ts.isCallExpression(init) || ts.isNewExpression(init) || ts.isIdentifier(init) || ts.isPropertyAccessExpression(init) || ts.isConditionalExpression(init) || ts.isBinaryExpression(init))) {
      return;
    }
    // Syntax first: most locals are used on every path, and then no type question is needed. The
    // pass by name takes every reference of the name for the local, so it is skipped where the
    // block declares the name again (`cached.map((user) => user.name)`, an inner `const user`):
    // there another variable's use would hide the drop, and only types can tell.
    const text = declaration.name.text;
    if (!declaresNameAgain(block, declaration.name)) {
      const byName = analyseUses(declaration.name, undefined, block, firstStatement, this.context);
      const nameOnly = (identifier: ts.Identifier) => identifier.text === text && isValueReference(identifier);
      // Without types, any assigned value that can be a promise is followed (this pass only gates the typed one).
      const assignedByName: Assigned = (assignment) => (this.mayProducePromise(skipParens(assignment.right)) ? "track" : "none");
      if (!byName || this.voidedOnPurpose(byName) || !findLeak(declaration, nameOnly, block, assignedByName)) return;
    }

    // A second syntactic gate: the value must come from something that can produce a promise
    // (an async function, a function with a written Promise return type, `new Promise`, or a
    // name that holds one). Misses a promise from an unannotated, non-async helper: see the docs.
    if (!this.mayProducePromise(init)) return;
    const problem = this.unhandled(initializer);
    // `Promise.resolve(value)`: fulfilled on creation, it cannot reject, so no path drops anything.
    if (!problem || problem.array || this.facts().fulfilledOnCreation(init)) return;

    const variable = this.context.types.variableOf(declaration.name);
    if (!variable) return;
    const analysis = analyseUses(declaration.name, variable, block, firstStatement, this.context);
    if (!analysis || this.voidedOnPurpose(analysis)) return;
    const holdsNoPromise: HoldsNoPromise = (condition, outcome) =>
      this.context.types.promiseStatusWhen(condition, variable, outcome, this.query) === "never";
    const isVariable = (identifier: ts.Identifier) => identifier.text === text && this.context.types.variableOf(identifier) === variable;
    // `p = next()` follows the new promise when the declaration's own would be followed; `p = undefined`
    // or a handled promise leaves nothing to follow; a value that may or may not be a promise gives up.
    const assigned: Assigned = (assignment) => {
      const value = assignment.right;
      const stored = this.mayProducePromise(skipParens(value)) ? this.unhandled(value) : undefined;
      if (stored && !stored.array && !this.facts().fulfilledOnCreation(value)) return "track";
      return this.context.types.promiseStatus(value, this.query) === "may" ? undefined : "none";
    };
    const leak = findLeak(declaration, isVariable, block, assigned, holdsNoPromise);
    if (!leak) return;
    const name = declaration.name.text;
    this.context.report({
      node: declaration.name,
      messageId: "localDropped",
      data: { name, how: leak.how },
      related: [{ node: leak.node, message: `\`${name}\` is dropped here: ${leak.how}.` }],
    });
  }

  /**
   * A local the code discards with `void` somewhere (`if (failed) void done.finally(report);`) is a
   * deliberate fire-and-forget, like `void call()`: its other paths drop it on purpose too. Only
   * while `ignoreVoid` is on; with it off, `void` marks nothing.
   */
  private voidedOnPurpose(analysis: UseAnalysis): boolean {
    return analysis.voided && this.context.options.ignoreVoid;
  }

  private mayProducePromise(init: ts.Expression): boolean {
    const names = this.context.types.promiseNames();
    const lastName = (node: ts.Expression): string | undefined => {
      const value = skipParens(node);
      if (ts.isIdentifier(value)) return value.text;
      if (ts.isPropertyAccessExpression(value)) return value.name.text;
      return undefined;
    };
    if (ts.isCallExpression(init) || ts.isNewExpression(init)) {
      const callee = lastName(init.expression);
      return callee === undefined || callee === "Promise" || callee === "then" || callee === "catch" || callee === "finally" || names.functions.has(callee);
    }
    if (ts.isIdentifier(init) || ts.isPropertyAccessExpression(init)) return names.values.has(lastName(init) ?? "");
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Fixes

  private fixesFor(statement: ts.ExpressionStatement, problem: Problem): Fix[] {
    const { sourceFile, types, options } = this.context;
    const fileName = sourceFile.fileName;
    const whole = statement.expression;
    // For `void p()` (ignoreVoid off) the fixes work on the operand.
    const isVoided = ts.isVoidExpression(whole);
    const target = isVoided ? whole.expression : whole;
    const targetStart = target.getStart(sourceFile);
    const fixes: Fix[] = [];
    const hazard = startsAfterUnterminatedStatement(statement, sourceFile) ? ";" : "";
    const edit = (start: number, end: number, newText: string): TextEdit => ({ fileName, start, end, newText });

    // The safest fix first: `await` where the code can wait (never for a call that starts a
    // long-running loop: it would block there forever), then a handler (`void` keeps the crash).
    if (awaitAllowedAt(statement, (sf) => types.supportsTopLevelAwait(sf)) && !this.startsLongRunningLoop(target)) {
      const prefixEnd = isVoided ? targetStart : whole.getStart(sourceFile);
      if (problem.array) {
        fixes.push({
          kind: "suggestion",
          title: "Await all with `Promise.all(...)`",
          // An optional chain (`jobs?.[0]`) may be `undefined`, which `Promise.all` does not take.
          edits: [
            edit(whole.getStart(sourceFile), prefixEnd, "await Promise.all("),
            edit(target.getEnd(), target.getEnd(), ts.isOptionalChain(skipParens(target)) ? " ?? [])" : ")"),
          ],
        });
      } else {
        const parens = needsParensAsUnaryOperand(target);
        fixes.push({
          kind: "suggestion",
          title: "Add `await`",
          edits: parens
            ? [edit(whole.getStart(sourceFile), prefixEnd, "await ("), edit(target.getEnd(), target.getEnd(), ")")]
            : [edit(whole.getStart(sourceFile), prefixEnd, "await ")],
        });
      }
    }
    if (!problem.array) {
      const handler = `.catch(${options.catchHandler})`;
      if (types.everyPartHasCatch(target)) {
        const parens = needsParensAsMemberObject(target);
        fixes.push({
          kind: "suggestion",
          title: "Add a `.catch()` handler",
          edits: parens
            ? [edit(targetStart, targetStart, `${isVoided ? "" : hazard}(`), edit(target.getEnd(), target.getEnd(), `)${handler}`)]
            : [edit(target.getEnd(), target.getEnd(), handler)],
        });
      } else {
        // `void | Promise<T>`, `Promise<T> | undefined`: only some values have a `catch` method.
        fixes.push({
          kind: "suggestion",
          title: "Handle rejections with `Promise.resolve(...).catch()`",
          edits: [edit(targetStart, targetStart, "Promise.resolve("), edit(target.getEnd(), target.getEnd(), `)${handler}`)],
        });
      }
    }
    if (options.ignoreVoid && !isVoided) {
      const parens = needsParensAsUnaryOperand(target);
      fixes.push({
        kind: "suggestion",
        title: "Add `void` to mark a deliberate fire-and-forget",
        edits: parens
          ? [edit(targetStart, targetStart, "void ("), edit(target.getEnd(), target.getEnd(), ")")]
          : [edit(targetStart, targetStart, "void ")],
      });
    }
    return fixes;
  }
}

/**
 * The last thing an entry script runs: a statement at the top level (inside no function or class)
 * of a file that starts with a shebang (`#!/usr/bin/env node`), after which only declarations that
 * run nothing follow (functions, which are hoisted, types, imports and exports). There an unhandled rejection
 * ends the process with the error printed and exit code 1, as a synchronous throw would, and no
 * code after it waits for it. A file named by a package.json `bin` needs the shebang to run on Unix,
 * so it has one; `main` is not an entry (a library's `main` is imported by other code).
 */
function isEntryCall(statement: ts.ExpressionStatement): boolean {
  const file = statement.parent;
  if (!ts.isSourceFile(file) || !/^\uFEFF?#!/.test(file.text)) return false;
  const later = file.statements.slice(file.statements.indexOf(statement) + 1);
  return later.every(
    (next) =>
      ts.isFunctionDeclaration(next) ||
      ts.isInterfaceDeclaration(next) ||
      ts.isTypeAliasDeclaration(next) ||
      ts.isImportDeclaration(next) ||
      ts.isExportDeclaration(next) ||
      ts.isEmptyStatement(next) ||
      (ts.canHaveModifiers(next) && (ts.getModifiers(next) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)),
  );
}

/**
 * The value-producing forms that can hold a promise (or an array of promises), the only ones worth
 * a type query; the same for both questions. The value of `yield` is what the consumer passes to
 * `next(value)` (the generator's `TNext`), of `yield*` the delegate's return value: a promise there
 * is dropped by a `yield` statement, as typescript-eslint reports too (untyped generators' `yield`
 * is `any`: `may`). A JSX element's value is the JSX namespace's `Element`, a promise under a JSX
 * library whose components render asynchronously to a promise.
 */
function mayHoldPromise(node: ts.Expression): boolean {
  return (
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isIdentifier(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node) ||
    ts.isTaggedTemplateExpression(node) ||
    ts.isYieldExpression(node) ||
    ts.isJsxElement(node) ||
    ts.isJsxSelfClosingElement(node) ||
    ts.isJsxFragment(node)
  );
}

function memberName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.name) ? node.name.text : undefined;
  const argument = node.argumentExpression;
  return ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

// ---------------------------------------------------------------------------------------------
// Callback-style APIs that return a promise only when no callback is given:
// `function request(options, callback) { if (typeof callback !== "function") return new Promise(...); ... }`.

/**
 * What the conditions on the way to a point showed about the parameters there (by index): not a
 * function (`typeof cb !== "function"`, `!cb`, `cb == null`), and among those, falsy (`!cb`, `cb ==
 * null`, `cb === undefined`: a test of the value, which any truthy argument also fails).
 */
interface Shown {
  notFunction: Set<number>;
  falsy: Set<number>;
}

const NOTHING_SHOWN: Shown = { notFunction: new Set(), falsy: new Set() };

function unionShown(a: Shown, b: Shown): Shown {
  return { notFunction: new Set([...a.notFunction, ...b.notFunction]), falsy: new Set([...a.falsy, ...b.falsy]) };
}

function intersectShown(a: Shown, b: Shown): Shown {
  return { notFunction: new Set([...a.notFunction].filter((index) => b.notFunction.has(index))), falsy: new Set([...a.falsy].filter((index) => b.falsy.has(index))) };
}

/**
 * Which parameters `condition` shows are not functions (and which falsy) where it evaluates to
 * `outcome`. `tested` gives the parameter a test of not being a function reads (-1: none, or one
 * whose conditions tell nothing), `testedFalsy` the one a test of falsiness reads.
 */
function conditionShows(condition: ts.Expression, outcome: boolean, tested: (expr: ts.Expression) => number, testedFalsy: (expr: ts.Expression) => number): Shown {
  const node = skipParens(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return conditionShows(node.operand, !outcome, tested, testedFalsy);
  // Falsy: no function. A parameter tested falsy shows both; where its falsiness tells nothing, only the first.
  const falsyTest = (expr: ts.Expression): Shown => {
    const index = tested(expr);
    if (index < 0) return NOTHING_SHOWN;
    return { notFunction: new Set([index]), falsy: testedFalsy(expr) === index ? new Set([index]) : new Set() };
  };
  if (tested(node) >= 0) return outcome ? NOTHING_SHOWN : falsyTest(node);
  if (!ts.isBinaryExpression(node)) return NOTHING_SHOWN;
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
    const left = conditionShows(node.left, outcome, tested, testedFalsy);
    const right = conditionShows(node.right, outcome, tested, testedFalsy);
    return (operator === ts.SyntaxKind.AmpersandAmpersandToken) === outcome ? unionShown(left, right) : intersectShown(left, right);
  }
  const equal = equalWhen(operator, outcome);
  if (equal === undefined) return NOTHING_SHOWN;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
    const value = skipParens(side);
    const otherValue = skipParens(other);
    if (ts.isTypeOfExpression(value) && ts.isStringLiteral(otherValue)) {
      const typed = tested(value.expression);
      if (typed < 0) continue;
      // `typeof cb === "function"` is false, or `typeof cb` equals another type name.
      return (otherValue.text === "function") !== equal ? { notFunction: new Set([typed]), falsy: new Set() } : NOTHING_SHOWN;
    }
    const nullish = otherValue.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(otherValue) && otherValue.text === "undefined") || ts.isVoidExpression(otherValue);
    if (tested(value) >= 0 && nullish) return equal ? falsyTest(value) : NOTHING_SHOWN;
  }
  return NOTHING_SHOWN;
}

/**
 * What the branches around `node`, up to `root`, show (an enclosing `if`'s branch, the right
 * operand of `&&` or `||`, a branch of `?:`), through nested functions: one written in a branch
 * is created only where the branch runs.
 */
function shownAround(node: ts.Node, root: ts.Node, shows: (condition: ts.Expression, outcome: boolean) => Shown): Shown {
  let shown = NOTHING_SHOWN;
  for (let child = node, parent = node.parent; child !== root && parent; child = parent, parent = parent.parent) {
    const guard = branchGuard(parent, child);
    if (guard) shown = unionShown(shown, shows(guard.condition, guard.when));
  }
  return shown;
}

/** The condition that decides whether `child` of `parent` runs, and its value where it does: an `if`'s branch, a branch of `?:`, the right operand of `&&` or `||`. */
function branchGuard(parent: ts.Node, child: ts.Node): { condition: ts.Expression; when: boolean } | undefined {
  if (ts.isIfStatement(parent)) return child === parent.expression ? undefined : { condition: parent.expression, when: child === parent.thenStatement };
  if (ts.isConditionalExpression(parent)) return child === parent.condition ? undefined : { condition: parent.condition, when: child === parent.whenTrue };
  return shortCircuitGuard(parent, child);
}

/** What is known of an argument wherever the call runs: a function (so also truthy), only truthy, or nothing. */
type ArgumentKnown = "function" | "truthy" | undefined;

/**
 * What is known of an argument wherever the call runs, though its type may not say so (`any` in
 * JavaScript): a function or class written there is a function; so is a parameter no code writes
 * (nor any use of `arguments`, which may alias it) or a `const` that a test showed one (`typeof
 * callback === "function"`, also `"function" === typeof callback` or `!(typeof callback !==
 * "function")`), and truthy where a test showed it truthy (`if (after)`). The test is an enclosing
 * `if`, `&&`, `||` or `?:` (`if (typeof callback === "function") { this.connect(callback); }`,
 * `after && this.ext("onPreStart", after)`), or a guard clause before the call in an enclosing
 * block whose branch always exits (`if (typeof done !== "function") throw new TypeError(...);`),
 * unless the code that holds the call is a function declaration of that block (hoisted, it may run
 * before the guard).
 */
function knownArgument(argument: ts.Expression, types: TypeOracle): ArgumentKnown {
  const value = skipParens(argument);
  if (isFunctionExpressionLike(value) || ts.isClassExpression(value)) return "function";
  if (!ts.isIdentifier(value)) return undefined;
  const variable = types.variableOf(value);
  if (variable === undefined) return undefined;
  const isVariable = (expr: ts.Expression): boolean => {
    const node = skipParens(expr);
    return ts.isIdentifier(node) && node.text === value.text && types.variableOf(node) === variable;
  };
  // `typeof callback === "function"` (either way round) that is `when`: is the variable a function?
  const typeofFunction = (expr: ts.Expression, when: boolean): boolean => {
    const node = skipParens(expr);
    if (!ts.isBinaryExpression(node) || equalWhen(node.operatorToken.kind, when) !== true) return false;
    return [[node.left, node.right] as const, [node.right, node.left] as const].some(([side, other]) => {
      const typed = skipParens(side);
      const name = skipParens(other);
      return ts.isTypeOfExpression(typed) && isVariable(typed.expression) && ts.isStringLiteralLike(name) && name.text === "function";
    });
  };
  let known: ArgumentKnown;
  const learn = (condition: ts.Expression, when: boolean): void => {
    for (const operand of knownOperands(condition, when)) {
      if (typeofFunction(operand.operand, operand.when)) known = "function";
      else if (operand.when && known === undefined && isVariable(operand.operand)) known = "truthy";
    }
  };
  for (let child: ts.Node = value, parent = value.parent; parent; child = parent, parent = parent.parent) {
    const guard = branchGuard(parent, child);
    if (guard) learn(guard.condition, guard.when);
    // A guard clause before the statement that holds the call: past it, its condition is false.
    if ((ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseOrDefaultClause(parent)) && !ts.isFunctionDeclaration(child)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && alwaysExits(statement.thenStatement)) learn(statement.expression, false);
      }
    }
    // The declaring scope: past it the variable is not known by that name.
    if (ts.isFunctionLike(parent) && parent.parameters.some((parameter) => ts.isIdentifier(parameter.name) && types.variableOf(parameter.name) === variable)) {
      return writesVariable(parent, value.text, variable, types) ? undefined : known;
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent)) {
      const constant = parent.statements.some(
        (statement) =>
          ts.isVariableStatement(statement) &&
          (statement.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
          statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && types.variableOf(declaration.name) === variable),
      );
      if (constant) return known;
    }
  }
  return undefined;
}

/** A statement that never completes normally: a `return`, a `throw`, a block ending in one, an `if` whose both branches always exit. */
function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.length > 0 && alwaysExits(statement.statements[statement.statements.length - 1]);
  if (ts.isIfStatement(statement)) return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  return false;
}

/** Does code in `fn` write the parameter (`after = undefined`, `[after] = ...`, `after++`), or use `arguments`, which may change it? */
function writesVariable(fn: ts.Node, name: string, variable: VariableHandle, types: TypeOracle): boolean {
  let found = false;
  walkTree(fn, (node) => {
    if (found) return false;
    if (!ts.isIdentifier(node) || !isValueReference(node) || (node.text !== name && node.text !== "arguments")) return undefined;
    let target: ts.Node = node;
    while (ts.isParenthesizedExpression(target.parent)) target = target.parent;
    found = node.text === "arguments" || ((isIncrementOrDecrement(target.parent) || isAssignmentTarget(target)) && types.variableOf(node) === variable);
    return undefined;
  });
  return found;
}

/**
 * The arguments (by position) whose being a function rules out every `return` that may yield a
 * promise (`functions`), and those whose being truthy does (`truthy`): each such `return` sits on
 * a path where a condition showed a parameter is not a function (`typeof cb !== "function"`, `!cb`,
 * `cb === undefined`, `cb == null`, an enclosing `if` branch or an earlier guard clause that always
 * exits), or, for `truthy`, falsy (`!cb`, `cb == null`, `cb === undefined`, not a `typeof` test;
 * and the parameter must hold its argument as given: no shuffle step moves it). A return of the callback's own result counts like any
 * other: `return callback(error)` yields no promise where the callback's type says so, and hands
 * the callback's promise back where it may return one (`return step()` of an optional `step: () =>
 * Promise<void>`). A return of a local (`let promise; if (!callback) { promise = new Promise(...); }
 * ... return promise;`) yields what was written to it, each value under what was shown where it was
 * written, or `undefined` (`localValues`). The parameters are read after the shuffle of optional
 * arguments at the top of the body (`shuffleOfArguments`), and the answer names the arguments that
 * make them functions. A condition on a parameter written any other way tells nothing (a write to
 * another parameter, `if (!err) err = new Error()`, does not matter), except a write in a branch
 * where a condition showed the parameter falsy (`if (!method) { method = defaultHandler; }`) or not
 * a function: it runs only without the caller's function, so with one every test still reads it
 * (after a write where it was only shown not a function, a test of falsiness no longer tells what
 * the caller passed). Empty when the function is async or nothing is conditioned that way.
 */
function callbackParameters(fn: ts.FunctionLikeDeclaration, types: TypeOracle, query: PromiseQuery): { functions: number[]; truthy: number[] } {
  const body = fn.body;
  if (!body || !ts.isBlock(body) || isAsyncFunction(fn) || fn.asteriskToken) return { functions: [], truthy: [] };
  // Indexed as the arguments are (a `this` parameter takes none).
  const declared = argumentParameters(fn);
  const parameters = declared.map((parameter) => (ts.isIdentifier(parameter.name) ? types.variableOf(parameter.name) : undefined));
  const parameterIndex = (expr: ts.Expression): number => {
    const value = skipParens(expr);
    if (!ts.isIdentifier(value)) return -1;
    const variable = types.variableOf(value);
    return variable === undefined ? -1 : parameters.indexOf(variable);
  };

  // The shuffle of optional arguments at the top of the body, as database drivers write it
  // (`if (typeof values === "function") { callback = values; values = undefined; }`): for each
  // parameter, the arguments any of which, given a function, make it a function after the shuffle.
  const shuffle = shuffleOfArguments(fn, body, parameterIndex);

  // Any other write to a parameter (`callback = wrap(callback)`, `[cb, opts] = [opts, {}]`,
  // `({ cb } = options)`, `retries++`, `for (cb of ...)`), even in a closure, makes the conditions
  // on that parameter unreliable: they tell nothing about it. A write to another parameter
  // (`if (!err) err = new DestroyedError()`) leaves what a condition says about the callback true.
  // A write in a branch where a condition on the parameter itself showed it falsy (`if (!method) {
  // method = defaultHandler; }`) runs only where the caller gave no function (nor any truthy
  // value): with one, the branch never runs and every test reads what the caller passed. One
  // where it was only shown not a function (`typeof cb !== "function"`) keeps that so for a
  // function, not for any truthy value: there the parameter's tests of falsiness tell nothing.
  const written = new Set<number>();
  const falsinessUnknown = new Set<number>();
  const guardShows = (condition: ts.Expression, outcome: boolean): Shown => conditionShows(condition, outcome, parameterIndex, parameterIndex);
  const scan = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (isValueReference(node) && isParameterWrite(node, shuffle.assignments)) {
        const index = parameterIndex(node);
        if (index < 0) return;
        const guard = shownAround(node, body, guardShows);
        if (!guard.notFunction.has(index)) written.add(index);
        else if (!guard.falsy.has(index)) falsinessUnknown.add(index);
      }
      return;
    }
    ts.forEachChild(node, scan);
  };
  scan(body);
  const testedIndex = (expr: ts.Expression): number => {
    const index = parameterIndex(expr);
    return written.has(index) ? -1 : index;
  };
  const testedFalsy = (expr: ts.Expression): number => {
    const index = testedIndex(expr);
    return falsinessUnknown.has(index) ? -1 : index;
  };
  const shows = (condition: ts.Expression, outcome: boolean): Shown => conditionShows(condition, outcome, testedIndex, testedFalsy);

  const returns: { expression: ts.Expression; shown: Shown }[] = [];
  // What was shown where a local is written (`promise = team.work`, `let promise = undefined`).
  const writes = new Map<ts.Node, Shown>();
  // `return callback ? undefined : promise`: each branch under what its condition shows.
  const addReturn = (expression: ts.Expression, known: Shown): void => {
    const value = skipParens(expression);
    if (ts.isConditionalExpression(value)) {
      addReturn(value.whenTrue, unionShown(known, shows(value.condition, true)));
      addReturn(value.whenFalse, unionShown(known, shows(value.condition, false)));
    } else {
      returns.push({ expression, shown: known });
    }
  };
  const walkList = (statements: readonly ts.Statement[], known: Shown): void => {
    let current = known;
    for (const statement of statements) {
      if (ts.isIfStatement(statement)) {
        const whenTrue = unionShown(current, shows(statement.expression, true));
        const whenFalse = unionShown(current, shows(statement.expression, false));
        walk(statement.thenStatement, whenTrue);
        if (statement.elseStatement) walk(statement.elseStatement, whenFalse);
        if (alwaysExits(statement.thenStatement)) current = whenFalse;
        else if (statement.elseStatement && alwaysExits(statement.elseStatement)) current = whenTrue;
      } else {
        walk(statement, current);
      }
    }
  };
  // Other statements add no knowledge; returns inside them (a loop, a `try`, a `catch`) keep what is known.
  const walk = (node: ts.Node, known: Shown): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isBlock(node)) return walkList(node.statements, known);
    if (ts.isIfStatement(node)) return walkList([node], known);
    if (ts.isReturnStatement(node)) {
      if (node.expression) addReturn(node.expression, known);
      return;
    }
    if (ts.isVariableDeclaration(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)) writes.set(node, known);
    ts.forEachChild(node, (child) => walk(child, known));
  };
  walkList(body.statements, NOTHING_SHOWN);

  let candidates: Shown | undefined;
  for (const { expression, shown } of returns) {
    if (types.promiseStatus(expression, query) === "never") continue;
    const value = skipParens(expression);
    const values = (ts.isIdentifier(value) && localValues(fn, body, value, parameters, types, writes)) || [{ expression, shown: NOTHING_SHOWN }];
    for (const yielded of values) {
      if (yielded.expression !== expression && types.promiseStatus(yielded.expression, query) === "never") continue;
      const known = unionShown(shown, yielded.shown);
      candidates = candidates ? intersectShown(candidates, known) : known;
    }
  }
  // The arguments that make a candidate a function once the shuffle has run.
  const functions = new Set([...(candidates?.notFunction ?? [])].flatMap((index) => [...shuffle.sources[index]]));
  // A truthy argument: only where the parameter holds it as given (no step moves it; a rest parameter holds an array).
  const moved = new Set([...shuffle.assignments].map((assignment) => (ts.isBinaryExpression(assignment) ? parameterIndex(assignment.left) : -1)));
  const truthy = [...(candidates?.falsy ?? [])].filter((index) => !moved.has(index) && declared[index]?.dotDotDotToken === undefined);
  return { functions: [...functions].sort((a, b) => a - b), truthy: truthy.sort((a, b) => a - b) };
}

/**
 * The values a local of `fn` may hold where `identifier` reads it at a return, each with what was
 * shown where it was written (`writes`, from the walk of the body), or undefined where they are
 * not all known: a `let` or `var` of the body (not a parameter: `var cb` names it again) whose
 * every write is `local = value` outside nested functions (no destructuring, `??=`, `++`, `for
 * (local of ...)`, closure), each one the walk saw. Its initial value, without an initializer, is
 * `undefined`: no promise. `let promise; if (!method) { promise = team.work; } ... return promise;`
 * yields `team.work` only where `method` was shown falsy.
 */
function localValues(
  fn: ts.FunctionLikeDeclaration,
  body: ts.Block,
  identifier: ts.Identifier,
  parameters: readonly (VariableHandle | undefined)[],
  types: TypeOracle,
  writes: ReadonlyMap<ts.Node, Shown>,
): { expression: ts.Expression; shown: Shown }[] | undefined {
  const variable = types.variableOf(identifier);
  if (variable === undefined || parameters.includes(variable)) return undefined;
  const ownFunction = (node: ts.Node): boolean => {
    for (let current = node.parent; current; current = current.parent) {
      if (ts.isFunctionLike(current) || ts.isClassLike(current) || ts.isClassStaticBlockDeclaration(current)) return current === fn;
    }
    return false;
  };
  const values: { expression: ts.Expression; shown: Shown }[] = [];
  let declaredHere = false;
  let known = true;
  walkTree(body, (node) => {
    if (!known) return false;
    if (!ts.isIdentifier(node) || node.text !== identifier.text || types.variableOf(node) !== variable) return;
    const parent = node.parent;
    let site: ts.Node | undefined;
    let value: ts.Expression | undefined;
    if (ts.isVariableDeclaration(parent) && parent.name === node) {
      // `let promise;` (or `var`), as a statement of its own in this function.
      known = ts.isVariableDeclarationList(parent.parent) && ts.isVariableStatement(parent.parent.parent) && ownFunction(parent);
      declaredHere = true;
      if (parent.initializer) [site, value] = [parent, parent.initializer];
    } else if (!isValueReference(node)) {
      known = false; // declared as something else (`function promise() {}`)
    } else {
      let target: ts.Node = node;
      while (ts.isParenthesizedExpression(target.parent)) target = target.parent;
      const write = isIncrementOrDecrement(target.parent) || isAssignmentTarget(target);
      if (write) {
        const assignment = target.parent;
        known = ts.isBinaryExpression(assignment) && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken && assignment.left === target && ownFunction(assignment);
        if (known) [site, value] = [assignment, (assignment as ts.BinaryExpression).right];
      }
    }
    if (known && site && value) {
      const shown = writes.get(site);
      if (shown) values.push({ expression: value, shown });
      else known = false; // a write the walk did not see (in an `if` condition, a `return`)
    }
    return undefined;
  });
  return known && declaredHere ? values : undefined;
}

/** An element of an object other than `arguments` (`this[kLastHost]`, `pending[id]`): writing it changes no parameter. */
function isElementOfObject(target: ts.Expression): boolean {
  if (!ts.isElementAccessExpression(target)) return false;
  const object = skipParens(target.expression);
  return !(ts.isIdentifier(object) && object.text === "arguments");
}

/** The identifier (through parentheses) is assigned, or incremented or decremented, other than by one of the shuffle's `a = b`. */
function isParameterWrite(identifier: ts.Identifier, shuffleAssignments: ReadonlySet<ts.Node>): boolean {
  let node: ts.Node = identifier;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (isIncrementOrDecrement(parent)) return true;
  return isAssignmentTarget(node) && !shuffleAssignments.has(parent);
}

/**
 * The shuffle of optional arguments that callback-style APIs run before anything else
 * (`if (typeof values === "function") { callback = values; values = undefined; }`, or
 * `if (typeof options === "function") { callback = options; options = {}; }`), read from the first
 * statements of the body. A step is one of:
 * - an `if` whose condition is `typeof p === "function"` (`==`, `!==`, `!=`, either side) of a
 *   parameter and nothing else; or, guarded, `!t && typeof p === "function"`, whose true branch
 *   runs only without `t`, mostly to assign `t = p` ({@link guardedFunctionTest}); or a test of
 *   another type, `typeof options === "string"`, where the parameter is no function;
 * - an assignment as a statement of its own, with no `if` (`done = callback;`, `url = String(url);`).
 * An `if`'s branches (the `else` may be missing) may hold only `a = b;` statements, either one or a
 * block of them. An assignment to a parameter (`a = b`, `a = anything`) is a move of the step; one to a
 * local, a property (`this.options = {}`, or `this[kLastHost] = hostname`: an element of anything
 * but `arguments`) or a rest parameter (which no step moves; it stays counted as written) changes
 * no parameter a step moves and is passed over; a destructuring (`[url, options] = ...`) or one to
 * an element of `arguments` (`arguments[1]`, the parameter itself in sloppy mode) may change the
 * parameters and ends the shuffle, as does any other statement. Variable statements may sit between
 * the steps, and the statements of a bare block (`{ done = callback; }`) count as the body's. A
 * guard that tests one parameter twice (`!options && typeof options === "function"`) is never
 * true: only its other branch runs, and its true branch's assignments are no writes.
 *
 * `sources[p]` holds the argument positions any of which, when given a function, make parameter
 * `p` a function after the steps: an argument counts when every branch that can run with that
 * argument a function leaves in `p` either the tested parameter in its `=== "function"` branch or
 * a parameter that argument makes a function. So `callback` gets both `values` and `callback`
 * (whichever holds the function, it ends in `callback`) and `values` gets none. Without steps,
 * each parameter is its own argument. `assignments` are the steps' assignments, which are not
 * counted as writes that make the conditions unreliable.
 */
function shuffleOfArguments(
  fn: ts.FunctionLikeDeclaration,
  body: ts.Block,
  parameterIndex: (expr: ts.Expression) => number,
): { sources: Set<number>[]; assignments: Set<ts.Node> } {
  const parameters = argumentParameters(fn);
  let sources = parameters.map((_, index) => new Set([index]));
  const assignments = new Set<ts.Node>();
  // A rest parameter holds many arguments: it takes no part in a shuffle (a write to it changes no
  // other parameter: with a rest parameter, `arguments` is never mapped to the parameters).
  const shuffled = (expr: ts.Expression): number => {
    const index = parameterIndex(expr);
    return index >= 0 && parameters[index]?.dotDotDotToken === undefined ? index : -1;
  };
  // The statement's `a = b;` assignments to parameters, in order; undefined for any other statement.
  const writes = (statement: ts.Statement | undefined): ts.BinaryExpression[] | undefined => {
    if (statement === undefined) return [];
    const list: ts.BinaryExpression[] = [];
    for (const item of ts.isBlock(statement) ? statement.statements : [statement]) {
      if (!ts.isExpressionStatement(item)) return undefined;
      const expression = skipParens(item.expression);
      if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
      const target = skipParens(expression.left);
      if (shuffled(target) < 0) {
        // `defaults = true;`, `this.options = {};`, `this[kLastHost] = hostname;`, `tags =
        // tags.filter(Boolean);` (a rest parameter, which no step moves): no parameter a step moves
        // changes. A destructuring or an element of `arguments` (`arguments[1]`, the parameter
        // itself in sloppy mode) may: that ends the shuffle.
        if (!(ts.isIdentifier(target) || ts.isPropertyAccessExpression(target) || isElementOfObject(target))) return undefined;
        continue;
      }
      list.push(expression);
    }
    return list;
  };
  interface Branch {
    list: ts.BinaryExpression[];
    /** The tested parameter, known to be a function (`=== "function"`) or known not to be one. */
    isFunction?: number;
    notFunction?: number;
    /** A guarded step's other branch: where the tested parameter is a function, the guard's target is truthy. */
    targetTruthy?: { tested: number; target: number };
  }
  // A bare block's statements run in order as the body's do (`{ done = callback; }`).
  const inOrder = (statements: readonly ts.Statement[]): ts.Statement[] => statements.flatMap((statement) => (ts.isBlock(statement) ? inOrder(statement.statements) : [statement]));
  for (const statement of inOrder(body.statements)) {
    if (ts.isVariableStatement(statement)) continue;
    let branches: Branch[] | undefined;
    if (ts.isIfStatement(statement)) {
      const test = typeofFunctionTest(statement.expression, shuffled);
      const whenTrue = writes(statement.thenStatement);
      const whenFalse = writes(statement.elseStatement);
      const guarded = test ? undefined : guardedFunctionTest(statement.expression, shuffled);
      // `if (typeof options === "string") options = { url: options };`: a test of another type.
      const typed = test || guarded ? undefined : typeofTest(statement.expression, shuffled);
      if (test && whenTrue && whenFalse) {
        const [functionList, otherList] = test.functionWhen ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
        branches = [
          { list: functionList, isFunction: test.index },
          { list: otherList, notFunction: test.index },
        ];
      } else if (guarded && whenTrue && whenFalse && guarded.target === guarded.index) {
        // `!options && typeof options === "function"` (a typo for `!callback`) is never true: a
        // falsy value is no function. Only the other branch runs; what the first assigns never
        // happens, so it is no write that makes the conditions unreliable either.
        for (const assignment of whenTrue) assignments.add(assignment);
        branches = [{ list: whenFalse }];
      } else if (guarded && whenTrue && whenFalse) {
        // `if (!callback && typeof options === "function") { callback = options; ... }`: the step
        // runs only without a callback; otherwise the callback (truthy) stays where it is. What
        // the step assigns is read as written (`callback = once(options)` holds no argument).
        branches = [
          { list: whenTrue, isFunction: guarded.index, notFunction: guarded.target },
          { list: whenFalse, targetTruthy: { tested: guarded.index, target: guarded.target } },
        ];
      } else if (typed && whenTrue && whenFalse) {
        // Where the parameter has the other type it is no function; elsewhere nothing is known.
        const [typedList, otherList] = typed.typeWhen ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
        branches = [{ list: typedList, notFunction: typed.index }, { list: otherList }];
      }
    } else if (ts.isExpressionStatement(statement)) {
      // `callback = done;`, or `url = String(url);` (the parameter then holds no argument).
      const list = writes(statement);
      if (list) branches = [{ list }];
    }
    if (!branches) break;
    const before = sources;
    const held = branches.map((branch) => {
      // The parameter whose argument each parameter holds after the branch, or -1 for another value.
      const holds = before.map((_, index) => index);
      for (const assignment of branch.list) {
        const from = shuffled(assignment.right);
        holds[shuffled(assignment.left)] = from < 0 ? -1 : holds[from];
        assignments.add(assignment);
      }
      return holds;
    });
    sources = before.map((_, parameter) => {
      const result = new Set<number>();
      for (let argument = 0; argument < before.length; argument++) {
        const always = branches.every((branch, at) => {
          // The branch does not run when this argument is a function.
          if (branch.notFunction !== undefined && before[branch.notFunction].has(argument)) return true;
          const holds = held[at][parameter];
          // With the tested parameter a function, the guard's target is truthy here: the caller's callback.
          const truthy = branch.targetTruthy !== undefined && before[branch.targetTruthy.tested].has(argument) && holds === branch.targetTruthy.target;
          return holds >= 0 && (holds === branch.isFunction || truthy || before[holds].has(argument));
        });
        if (always) result.add(argument);
      }
      return result;
    });
  }
  return { sources, assignments };
}

/**
 * The guarded step of mysql's `ping(options, callback)`: `!callback && typeof options ===
 * "function"` (either order): `typeof p === "function"` of one parameter and, with `&&`, a test
 * that another parameter, the target, is no function (`!t`, `typeof t !== "function"`, `t ==
 * null`, `t === undefined`). Which parameter is tested, and the target (the tested one itself
 * where the guard tests one parameter twice, `!options && typeof options === "function"`, which is never true).
 */
function guardedFunctionTest(condition: ts.Expression, parameterIndex: (expr: ts.Expression) => number): { index: number; target: number } | undefined {
  const node = skipParens(condition);
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return undefined;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
    const test = typeofFunctionTest(side, parameterIndex);
    if (!test?.functionWhen) continue;
    const target = notFunctionTarget(other, parameterIndex);
    return target >= 0 ? { index: test.index, target } : undefined;
  }
  return undefined;
}

/** The parameter that `condition`, where true, shows is no function: `!t`, `typeof t !== "function"`, `t == null`, `t === undefined`; -1 for none. */
function notFunctionTarget(condition: ts.Expression, parameterIndex: (expr: ts.Expression) => number): number {
  const node = skipParens(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return parameterIndex(node.operand);
  const typed = typeofFunctionTest(node, parameterIndex);
  if (typed) return typed.functionWhen ? -1 : typed.index;
  if (!ts.isBinaryExpression(node) || equalWhen(node.operatorToken.kind, true) !== true) return -1;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
    const value = skipParens(other);
    const nullish = value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === "undefined") || ts.isVoidExpression(value);
    const index = parameterIndex(side);
    if (nullish && index >= 0) return index;
  }
  return -1;
}

/** `typeof p === "function"` (`==`, `!==`, `!=`, either side) of a parameter: which, and the outcome where it is a function. */
function typeofFunctionTest(condition: ts.Expression, parameterIndex: (expr: ts.Expression) => number): { index: number; functionWhen: boolean } | undefined {
  const test = typeofTest(condition, parameterIndex);
  return test?.type === "function" ? { index: test.index, functionWhen: test.typeWhen } : undefined;
}

/** `typeof p === "string"` (any type name; `==`, `!==`, `!=`, either side) of a parameter: which, the type name, and the outcome where `p` has that type. */
function typeofTest(condition: ts.Expression, parameterIndex: (expr: ts.Expression) => number): { index: number; type: string; typeWhen: boolean } | undefined {
  const node = skipParens(condition);
  if (!ts.isBinaryExpression(node)) return undefined;
  const equal = equalWhen(node.operatorToken.kind, true);
  if (equal === undefined) return undefined;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
    const value = skipParens(side);
    const otherValue = skipParens(other);
    if (!ts.isTypeOfExpression(value) || !ts.isStringLiteral(otherValue)) continue;
    const index = parameterIndex(value.expression);
    return index >= 0 ? { index, type: otherValue.text, typeWhen: equal } : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Path analysis for promises in local variables.
//
// A use "consumes" the promise unless it is one of a few forms that leave it floating (a
// comparison, `typeof`, a condition, a property read other than then/catch/finally). A use inside
// a nested function or class escapes the analysis (nothing is reported); the paths are followed by
// the engine's value-flow analysis (`findLeak` below), which errs towards silence.

interface UseAnalysis {
  /** A use is discarded with `void` (`void p`, `void p.finally(...)`): a deliberate fire-and-forget. */
  voided: boolean;
}

/** With `variable` undefined, uses are matched by name alone (a cheap pre-pass without types). */
function analyseUses(
  name: ts.Identifier,
  variable: VariableHandle | undefined,
  block: ts.Block | ts.CaseClause | ts.DefaultClause | ts.SourceFile,
  from: ts.Statement,
  context: RuleContext<FloatingPromiseOptions>,
): UseAnalysis | undefined {
  let giveUp = false;
  let voided = false;
  const text = name.text;
  const visit = (node: ts.Node): void => {
    if (giveUp) return;
    // A type (`Awaited<typeof p>`) never touches the value, also inside a nested function.
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node) && node.text === text && node !== name) {
      if (variable === undefined ? isValueReference(node) : context.types.variableOf(node) === variable) {
        const use = classifyUse(node, block);
        // A plain assignment (`p = next()`) is followed by the flow analysis; other writes are not.
        if (use === "write" || use === "escape") {
          giveUp = true;
          return;
        }
        voided ||= isVoidedChain(node);
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  const statements = block.statements;
  for (let index = statements.indexOf(from); index < statements.length; index++) {
    visit(statements[index]);
  }
  return giveUp ? undefined : { voided };
}

/**
 * The promise itself, or a `then`/`catch`/`finally` chain on it, is the operand of `void`:
 * `void p`, `void (p as Promise<void>)`, `void p.finally(() => ...)`, `void p.then(f).catch(g)`.
 */
function isVoidedChain(identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent)) {
      node = parent;
    } else if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
      const method = memberName(parent);
      const call = parent.parent;
      if (!(method === "then" || method === "catch" || method === "finally") || !ts.isCallExpression(call) || call.expression !== parent) return false;
      node = call;
    } else {
      return ts.isVoidExpression(parent);
    }
  }
}

/** `assign`: the whole left side of a plain `p = value`, which the flow analysis follows; `write`: any other write. */
type UseKind = "consume" | "inert" | "assign" | "write" | "escape";

function classifyUse(identifier: ts.Identifier, block: ts.Node): UseKind {
  // A use inside a nested function or class may run at any time: the promise escapes the analysis.
  for (let current = identifier.parent; current !== block; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return "escape";
  }

  let node: ts.Node = identifier;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent)) {
    node = parent;
    parent = parent.parent;
  }
  if (ts.isBinaryExpression(parent)) {
    if (parent.left === node && isAssignmentOperator(parent.operatorToken.kind)) {
      return node === identifier && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken ? "assign" : "write";
    }
    const operator = parent.operatorToken.kind;
    if (
      operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      operator === ts.SyntaxKind.EqualsEqualsToken ||
      operator === ts.SyntaxKind.ExclamationEqualsToken ||
      operator === ts.SyntaxKind.InstanceOfKeyword ||
      operator === ts.SyntaxKind.InKeyword
    ) {
      return "inert";
    }
    return "consume";
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken ? "write" : "inert";
  }
  if (ts.isTypeOfExpression(parent)) return "inert";
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return "inert";
  if (ts.isConditionalExpression(parent) && parent.condition === node) return "inert";
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) {
    // Calling a method passes the promise on (`then`, `catch`, a subclass's own chaining method
    // such as `_thenUnwrap`, or one picked by a computed key, `p[settle](onDone)`); only a plain
    // property read, or the promise as another object's key (`handlers[p]`), leaves it floating.
    const isCall = parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
    return isCall ? "consume" : "inert";
  }
  if (ts.isShorthandPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent)) return "consume";
  if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === node ? "write" : "consume";
  if (ts.isArrayBindingPattern(parent) || ts.isObjectBindingPattern(parent)) return "write";
  // awaited, returned, yielded, passed as an argument, assigned elsewhere, `void`-ed, a bare `p;`
  // statement (reported on its own by the statement check): all of these take the promise over.
  return "consume";
}

interface Leak {
  node: ts.Node;
  how: string;
}

/**
 * Tells whether the variable holds no promise on the branch where `condition` is `outcome` (the
 * typed pass asks the type oracle; the syntax-only pre-pass knows only `settledBranchOf`'s tests).
 */
type HoldsNoPromise = (condition: ts.Expression, outcome: boolean) => boolean;

/** What `p = value` stores for the flow analysis: a promise to follow, nothing, or unclear (give up). */
type Assigned = (assignment: ts.AssignmentExpression<ts.EqualsToken>) => "track" | "none" | undefined;

/**
 * Follows the promise over the rest of its block with the engine's value-flow analysis
 * (engine/valueFlow.ts) and returns the first path end where it is dropped: a `return`, a
 * `break`/`continue` out of the block, or the end of the block. The reading is optimistic, so
 * only what every reading of the code shows is reported: a loop, a `switch` or an expression that
 * consumes the promise on some path consumes it on every path. A rejected `await` reaches the
 * walked `catch` clause (a `return` there drops the promise); a `throw` that leaves the function
 * is not a drop (the caller gets the error). Where the variable tested falsy or equal to another
 * value, or a condition narrowed it to a non-promise, that branch drops no promise. A plain
 * assignment while the promise is pending drops it; after it the new value is followed.
 */
function findLeak(
  declaration: ts.VariableDeclaration,
  isTarget: (identifier: ts.Identifier) => boolean,
  block: ts.Node,
  assigned: Assigned,
  holdsNoPromise?: HoldsNoPromise,
): Leak | undefined {
  const name = (declaration.name as ts.Identifier).text;
  const result = followValue(
    declaration,
    {
      isTarget,
      classify: (identifier) => {
        const use = classifyUse(identifier, block);
        return use === "consume" ? "handle" : use === "assign" ? "write" : use;
      },
      assigned,
      settledWhen: (condition, outcome) =>
        settledBranchOf(condition, name) === (outcome ? "then" : "else") || (holdsNoPromise?.(condition, outcome) ?? false),
    },
    { awaitSuspends: false, yieldSuspends: false, exceptions: true, optimistic: true, varToItsScope: true },
  );
  if (!result) return undefined;
  const exit = firstByPosition(
    result.exits.filter((candidate) => candidate.kind !== "throw"),
    (candidate) => candidate.node,
  );
  if (!exit) return undefined;
  switch (exit.kind) {
    case "return":
      return { node: exit.node, how: "the function returns" };
    case "jump":
      return { node: exit.node, how: `\`${exit.node.getFirstToken()?.getText() ?? "break"}\` leaves the block` };
    case "overwrite":
      return { node: exit.node, how: `\`${name}\` is assigned a new value` };
    default:
      return { node: exit.node, how: endOf(block) };
  }
}

/** What ends when the walk reaches the end of the container. */
function endOf(block: ts.Node): string {
  if (ts.isSourceFile(block)) return "the module's top-level code ends";
  if (ts.isBlock(block) && ts.isFunctionLike(block.parent)) return "the function ends";
  if (ts.isBlock(block) && ts.isClassStaticBlockDeclaration(block.parent)) return "the static block ends";
  return "the block ends";
}

/**
 * Which branch of `if (cond)` drops no promise of the variable, by syntax alone: where it is falsy
 * (`x`, `!x`, `x == null`, `x !== undefined`...), or where it equals another value (`x === false`,
 * `x !== this.current`): then it holds no promise (a promise is an object, equal to no literal) or
 * one that the other value holds too, so leaving the variable there drops nothing.
 */
function settledBranchOf(condition: ts.Expression, name: string): "then" | "else" | undefined {
  const node = skipParens(condition);
  const isName = (expression: ts.Expression) => {
    const value = skipParens(expression);
    return ts.isIdentifier(value) && value.text === name;
  };
  if (isName(node)) return "else";
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken && isName(node.operand)) return "then";
  if (ts.isBinaryExpression(node)) {
    const other = isName(node.left) ? node.right : isName(node.right) ? node.left : undefined;
    if (other === undefined) return undefined;
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsEqualsToken) return "then";
    if (operator === ts.SyntaxKind.ExclamationEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken) return "else";
  }
  return undefined;
}
