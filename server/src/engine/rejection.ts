/**
 * Can a function's promise reject? Can calling it throw? A shared, interprocedural analysis of the
 * project's own functions, from syntax and `TypeOracle` questions only (no rule knowledge): rules
 * ask it to tell a deliberate, self-handled fire-and-forget from a dropped failure.
 *
 * An async function rejects when something throws outside a `try` whose `catch` swallows it.
 * "Cannot throw" is decided from syntax and the project's own declarations: literals, names,
 * `this`, property reads (and object destructuring) of values that cannot be nullish or are typed
 * `any` (untyped JavaScript), operators, assignments, function expressions, calls in the catalogue
 * below (console, timers, `Math`, collection basics, Node's assertions and listener registration,
 * ending the process) and of project functions that cannot throw themselves (an async project
 * function's call never throws: it returns its promise), a promise's own `resolve`/`reject` (an
 * executor's parameters, a local or field set only from them, or the bodiless `resolve`/`reject`
 * members of a value typed as a promise: a deferred), `Promise.resolve(x)`/`Promise.reject(e)` of
 * the global `Promise`, `new Promise((resolve) => ...)` whose executor cannot throw, `new`
 * of a project class that extends nothing and whose construction cannot throw, and `await` of what
 * cannot reject (a project call, `x.catch(handler)`, a promise that never rejects, a library call in
 * `NEVER_REJECTING_LIBRARY_CALLS`). Anything else (a library call, other `new`, `throw`) may throw.
 *
 * Error-handling code is judged by its own policy (`handler`): in a `catch` or `finally` block, a
 * rejection handler (`.catch(h)`, `.then(f, h)`'s `h`) and the project functions called from
 * them, only explicit failures count: `throw`, an `await` or a returned promise that can reject,
 * `emit("error", ...)` on Node's EventEmitter, and project functions failing by the same policy.
 * Library calls, calls not followed into a project body, property reads and `new` are taken not
 * to throw there: they would throw only on a bug in the handler itself (a logger that throws).
 *
 * Two more questions share the machinery: `neverSuspends` (an async function with no `await` and
 * no `throw`: settled when the call returns) and `neverRejects` (a promise value that cannot
 * reject, such as a field set only from `new Promise((resolve) => ...)`), and `awaitsCannotFail` (an
 * async function whose awaits add no way to fail: each is caught, or of a promise that never
 * rejects, such as a gate object the project only resolves: `gateCallNeverRejects`). Interprocedural, bounded by depth and
 * work, cycle-safe; only results that no bound cut short are kept, so the answer never depends on
 * the order of questions. One instance per Program (`rejectionFacts`).
 *
 * @example
 * // async function refresh() { try { await load(); } catch (e) { console.error(e); } }
 * rejectionFacts(types).cannotReject(refresh);   // true: every path is inside the `try`
 * // async function save() { await write(); }
 * rejectionFacts(types).cannotReject(save);      // false: `write()` may reject
 * // function stop() { console.log("bye"); process.exit(0); }
 * rejectionFacts(types).cannotThrow(stop);        // true
 */
import * as ts from "typescript";
import picomatch from "picomatch";
import { isAncestorOrSelf, isAsyncFunction, returnedExpressions, walkTree } from "./astUtils";
import type { DeclarationRef, TypeOracle } from "./typeOracle";
import { skipExpressionWrappers, skipParens } from "./typeOracle";

const FACTS_KEY = {};
const MAX_CALL_DEPTH = 4;
/** How many reads of a field's name in the project `holderKeepsGate` looks at before giving up. */
const MAX_GATE_REFERENCES = 400;
/**
 * Extra levels for judging a gate's method: its promise is built from the class's own fields (a
 * field holding an async IIFE that awaits a field holding a `new Promise`), a level each.
 */
const GATE_EXTRA_DEPTH = 2;
const PROPERTY_INDEX_KEY = {};

/** A gate class, the flags its method assumed false, and the members that may set one of them. */
interface Gate {
  owner: ts.ClassLikeDeclaration;
  flags: ReadonlySet<string>;
  rejectors: ReadonlySet<string>;
}
const WORK_BUDGET = 5_000;

/**
 * Calls that do not throw on the values their types allow and call no callback before they
 * return, by declaration: Node's console and timers, and in TypeScript's lib files the console,
 * the timers, `Math`, `Date.now` and the basics of arrays, maps, sets and strings. Plus the calls
 * that end the process.
 */
const isNodeConsoleCall = (ref: DeclarationRef): boolean => ref.module !== undefined && /^(?:node:)?console$/.test(ref.module) && /^global\.Console\.[^.]+$/.test(ref.qualifiedName);
const TIMERS = "{setTimeout,setInterval,setImmediate,clearTimeout,clearInterval,clearImmediate,queueMicrotask}";
const isNodeTimerCall = (ref: DeclarationRef): boolean => ref.module !== undefined && /^(?:node:)?timers$/.test(ref.module) && picomatch.isMatch(ref.qualifiedName, `global.${TIMERS}`);
const isNonThrowingLibName = picomatch([
  TIMERS,
  "Console.*",
  "Math.*",
  "DateConstructor.now",
  "ArrayConstructor.isArray",
  "{Array,ReadonlyArray}.{push,pop,shift,unshift,splice,includes,indexOf,lastIndexOf,slice,at}",
  "{Map,ReadonlyMap,WeakMap}.{get,set,has,delete,clear}",
  "{Map,ReadonlyMap,Set,ReadonlySet}.{keys,values,entries}",
  "{Set,ReadonlySet,WeakSet}.{add,has,delete,clear}",
  "String.{trim,toLowerCase,toUpperCase,includes,startsWith,endsWith,slice,indexOf}",
]);
/**
 * Node's assertion functions (`assert(cond, message)`, `assert.ok`, `assert.strictEqual`, ...;
 * not `throws`/`rejects` and their negations, which run or await a function, nor `ifError(err)`,
 * which rethrows an error the code received, nor `fail()`, which always throws). An assertion states
 * an invariant of the code: it throws only when the code itself is wrong, which no caller could
 * handle (as a call that reaches an abstract method), so for "can this promise reject" it does not
 * count as a way to fail. undici checks its invariants this way before the `try` of its
 * self-handled body writers (`assert(contentLength === body.size)`).
 */
const isNodeAssertion = (ref: DeclarationRef): boolean =>
  ref.module !== undefined && /^(?:node:)?assert(?:\/strict)?$/.test(ref.module) &&
  /^assert(?:\.strict)?(?:\.(?:ok|equal|notEqual|strictEqual|notStrictEqual|deepEqual|notDeepEqual|deepStrictEqual|notDeepStrictEqual|match|doesNotMatch))?$/.test(ref.qualifiedName);
/** The members by which a deferred (a promise carrying its resolving functions) is settled (`isDeferredSettlerCall`). */
const DEFERRED_SETTLERS = new Set(["resolve", "reject"]);
/** The listener methods of an emitter (`isNodeListenerRegistration`, `untypedListenerRegistration`). */
const LISTENER_METHODS = new Set(["on", "once", "off", "addListener", "removeListener", "prependListener", "prependOnceListener"]);
/**
 * Registering or removing an event listener on one of Node's event emitters (`socket.on("close",
 * onClose)`, `stream.off(...)`, `once`, `addListener`, `removeListener`, `prependListener`,
 * `prependOnceListener`), declared by `@types/node` (`EventEmitter` and the classes that redeclare
 * these methods with typed events: `net.Socket`, `stream.Readable`, `http2.Http2Stream`, ...). They
 * store or drop the function and return the emitter; they throw only for a listener that is not a
 * function, a value their types do not allow. (`on` emits `newListener` first, which runs listeners
 * of that event: rare, and not followed.)
 */
const isNodeListenerRegistration = (ref: DeclarationRef): boolean =>
  /[\\/]node_modules[\\/]@types[\\/]node[\\/]/.test(ref.fileName) && LISTENER_METHODS.has(ref.qualifiedName.slice(ref.qualifiedName.lastIndexOf(".") + 1));
/**
 * A logging method (`trace`, `debug`, `info`, `warn`, `error`, `fatal`, `log`, ...) of a type whose
 * name ends in `Logger`, declared by a package (a declaration file): Apollo's `Logger`, winston's,
 * pino's, bunyan's. Logging APIs report nothing through exceptions; a logger that throws is a bug
 * in the logger, as a failed assertion is in the code (`this.logger?.debug("listening", id)`
 * before a self-handled `try`). A project's own logger class is followed into its body instead.
 */
const isLibraryLoggerCall = (ref: DeclarationRef): boolean =>
  /\.d\.[cm]?ts$/.test(ref.fileName) && /(?:^|\.)\w*Logger\.(?:trace|debug|verbose|silly|info|notice|warn|warning|error|fatal|log)$/.test(ref.qualifiedName);
const isNonThrowingCall = (ref: DeclarationRef): boolean =>
  isNodeConsoleCall(ref) || isNodeTimerCall(ref) || isNodeAssertion(ref) || isNodeListenerRegistration(ref) || isLibraryLoggerCall(ref) || (ref.isDefaultLib && isNonThrowingLibName(ref.qualifiedName));
const isProcessExit = (ref: DeclarationRef): boolean =>
  ref.module !== undefined && /^(?:node:)?process$/.test(ref.module) && (ref.qualifiedName === "global.NodeJS.Process.exit" || ref.qualifiedName === "global.NodeJS.Process.abort");

/**
 * Library calls whose promise never rejects, and whose call does not throw, by declaration (the
 * module without `node:`, the dotted name inside it): one record per call, with the reason the
 * docs show. Kept small on purpose: an entry needs the implementation to settle its promise only
 * through `resolve`, in every supported version, and the evidence written next to it.
 */
export const NEVER_REJECTING_LIBRARY_CALLS: readonly { module: string; name: string; why: string }[] = [
  {
    // Node >= 12.5 returns `PromiseResolve()` for an exited worker, else `new Promise((resolve) =>
    // this.once("exit", resolve))`, and says why: "Do not use events.once() here, because the
    // 'exit' event will always be emitted regardless of any errors" (lib/internal/worker.js; a
    // Node maintainer in nodejs/node#37627: "This promise can never reject"). @types/node: "a
    // Promise for the exit code that is fulfilled when the 'exit' event is emitted".
    module: "worker_threads",
    name: "Worker.terminate",
    why: "resolves with the exit code once the thread has stopped, whatever errors the worker had",
  },
];

/** A call of an entry of `NEVER_REJECTING_LIBRARY_CALLS` (`worker.terminate()` on Node's `worker_threads` Worker). */
const isNeverRejectingLibraryCall = (ref: DeclarationRef): boolean =>
  ref.module !== undefined && NEVER_REJECTING_LIBRARY_CALLS.some((entry) => entry.module === ref.module?.replace(/^node:/, "") && entry.name === ref.qualifiedName);

/** The facts for the Program `types` answers about, computed lazily and kept for its lifetime. */
export function rejectionFacts(types: TypeOracle): RejectionFacts {
  return types.memo(FACTS_KEY, () => new RejectionFacts(types));
}

export class RejectionFacts {
  private readonly rejectMemo = new Map<ts.Node, boolean>();
  private readonly throwMemo = new Map<ts.Node, boolean>();
  private readonly handlerRejectMemo = new Map<ts.Node, boolean>();
  private readonly handlerThrowMemo = new Map<ts.Node, boolean>();
  private readonly exitMemo = new Map<ts.Node, boolean>();
  private readonly loopMemo = new Map<ts.Node, boolean>();
  private readonly suspendMemo = new Map<ts.Node, boolean>();
  private readonly settledMemo = new Map<object, boolean>();
  private readonly active = new Map<object, Set<object>>();
  /**
   * Whether the code being judged is error-handling code (a `catch` or `finally` block, a
   * rejection handler, or a project function called from one), where only explicit throws count.
   */
  private handler = false;
  private depth = 0;
  private work = 0;
  private truncated = false;

  /**
   * @param gateOwner set only for the instances `gateOf` makes: judging a method of this class
   *   on an instance where no "rejecting" member has run, so `if (this.flag)` on a gate flag of
   *   the class (`assumedFlags`) is taken as false.
   */
  constructor(
    private readonly types: TypeOracle,
    private readonly gateOwner?: ts.ClassLikeDeclaration,
  ) {}

  /** The gate flags `if (this.flag)` was assumed false on (only with `gateOwner`). */
  private readonly assumedFlags = new Set<string>();

  /** Calling `fn` yields a promise that never rejects (async, or returning `x.catch(handler)` or a promise that never rejects). */
  cannotReject(fn: ts.FunctionLikeDeclaration): boolean {
    return this.fact(this.handler ? this.handlerRejectMemo : this.rejectMemo, fn, () => {
      const body = fn.body;
      if (!body || fn.asteriskToken || !fn.parameters.every((parameter) => this.parameterSafe(parameter))) return false;
      const returned = ts.isBlock(body) ? returnedExpressions(body) : [body];
      if (isAsyncFunction(fn)) {
        // An async function adopts what it returns: `return pending` (or `return load()` inside a
        // `try`, which catches nothing without `await`) rejects it when that promise rejects.
        const returnsSafe = returned.every((expr) => expr === undefined || this.returnedValueSafe(expr));
        return returnsSafe && (ts.isBlock(body) ? this.statementsSafe(body.statements) : this.expressionSafe(body));
      }
      // A sync function's returned promise: `x.catch(handler)`, a call that cannot reject, or one
      // that never rejects (`(ms) => new Promise((resolve) => setTimeout(resolve, ms))`, a sleep).
      return returned.length > 0 && returned.every((expr) => expr !== undefined && (this.settledPromise(expr) || this.neverRejects(expr)));
    });
  }

  /**
   * `fn` is async but never suspends: no `await`, `for await` or `yield` outside nested functions,
   * no `throw` statement, and nothing it returns can be a promise or thenable (its type says so).
   * Its promise is settled before the call returns, and rejects only where the same body written
   * as a sync function would throw synchronously (a call inside throws). This is its own category,
   * not "cannot reject": the promise can reject, but dropping it loses no ordering or completion,
   * and the only error it carries is one a sync function would throw at its caller.
   *
   * @example
   * // async sendMessage(c, m) { this.cleanHeaders(c); this.send(c, String(m)); }   → true
   * // async stop() { await this.server.close(); }                                  → false (awaits)
   * // async start() { if (!this.port) throw new Error("no port"); this.listen(); } → false (throw)
   * // async load() { return this.fetch(); }                        → false (returns a promise)
   */
  neverSuspends(fn: ts.FunctionLikeDeclaration): boolean {
    const known = this.suspendMemo.get(fn);
    if (known !== undefined) return known;
    const body = fn.body;
    let result = body !== undefined && isAsyncFunction(fn) && !fn.asteriskToken && !suspendsOrThrows(body);
    if (result && body) {
      const returned = ts.isBlock(body) ? returnedExpressions(body) : [body];
      result = returned.every((expr) => expr === undefined || this.types.promiseStatus(expr, { thenables: true }) === "never");
    }
    this.suspendMemo.set(fn, result);
    return result;
  }

  /**
   * Every body the call may run never suspends (`neverSuspends`): for a method, the member it
   * resolves to, every override in the project's subclasses and every function assigned to it on
   * instances, a placeholder that only throws counting as abstract (`TypeOracle.projectImplementationsOf`);
   * false when any is unknown (a declaration file, an interface member).
   */
  callNeverSuspends(call: ts.CallExpression): boolean {
    const bodies = this.types.projectImplementationsOf(call);
    return bodies !== undefined && bodies.every((fn) => this.neverSuspends(fn));
  }

  private readonly delayMemo = new Map<ts.Node, boolean>();

  /**
   * `fn` is async and its waits add no way to fail: its promise rejects only where the same body
   * written as a sync function would throw (a call inside throws). Every `await` (and `for await`,
   * `await using`) outside nested functions, and every `throw` statement, is either inside a
   * `try` whose `catch` cannot throw (judged as error-handling code) or whose `finally` ends the
   * process, or awaits a promise that fails only as sync code would (`awaitFailsOnlyAsSyncCode`):
   * one that never rejects (`await new Promise((r) => setTimeout(r, ms))`, a field set only from
   * such a promise), `new Promise((resolve) => ...)` whose executor may throw (it runs before
   * `new` returns), `Promise.resolve(value)`, or a call of project functions that are themselves
   * of this kind (`await this.determineRequestParams(c)`; bounded and cycle-safe). No `yield`,
   * and nothing it returns can be a promise or thenable. Unlike `neverSuspends` (which implies
   * it), the code after an await runs after the call returned, so a caller that needs the work
   * finished in order (`forEach`) loses something; one that only drops the promise (a listener,
   * a timer) does not.
   *
   * @example
   * // async (m) => { await new Promise((r) => setTimeout(r, this.delay)); this.dispatch(m); } → true
   * // async (e) => { const { name } = JSON.parse(e.payload); try { await this.run(name); } catch (err) { log(err); } } → true
   * // async (m) => { await fetch(url); this.dispatch(m); }              → false (fetch may reject)
   */
  awaitsCannotFail(fn: ts.FunctionLikeDeclaration): boolean {
    return this.inMode(false, () =>
      this.fact(this.delayMemo, fn, () => {
        const body = fn.body;
        if (!body || !isAsyncFunction(fn) || fn.asteriskToken || !this.waitsFailOnlyAsSyncCode(body, fn, false)) return false;
        const returned = ts.isBlock(body) ? returnedExpressions(body) : [body];
        return returned.every((expr) => expr === undefined || returnsData(expr, this.types));
      }),
    );
  }

  /**
   * No `await`, `for await`, `await using` or `throw` in `node` (outside nested functions) can
   * fail, unless `guarded` (inside a `try` that handles every failure: `catchesEverything`).
   */
  private waitsFailOnlyAsSyncCode(node: ts.Node, fn: ts.FunctionLikeDeclaration, guarded: boolean): boolean {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return true;
    this.work++;
    if (ts.isTryStatement(node)) {
      const { tryBlock, catchClause, finallyBlock } = node;
      return (
        this.waitsFailOnlyAsSyncCode(tryBlock, fn, guarded || this.catchesEverything(node)) &&
        (!catchClause || this.waitsFailOnlyAsSyncCode(catchClause.block, fn, guarded)) &&
        (!finallyBlock || this.waitsFailOnlyAsSyncCode(finallyBlock, fn, guarded))
      );
    }
    if (ts.isYieldExpression(node)) return false;
    if (!guarded) {
      if (ts.isThrowStatement(node) || (ts.isForOfStatement(node) && node.awaitModifier)) return false;
      if (ts.isVariableDeclarationList(node) && isAwaitUsing(node)) return false;
      if (ts.isAwaitExpression(node) && !this.awaitFailsOnlyAsSyncCode(node.expression, fn)) return false;
    }
    return ts.forEachChild(node, (child) => (this.waitsFailOnlyAsSyncCode(child, fn, guarded) ? undefined : true)) !== true;
  }

  /** A `try` whose `catch` cannot throw (as error-handling code), or whose `finally` ends the process. */
  private catchesEverything(statement: ts.TryStatement): boolean {
    const { catchClause, finallyBlock } = statement;
    if (finallyBlock && this.blockExits(finallyBlock.statements)) return true;
    const binding = catchClause?.variableDeclaration?.name;
    return catchClause !== undefined && (binding === undefined || ts.isIdentifier(binding)) && this.inMode(true, () => this.statementsSafe(catchClause.block.statements));
  }

  /**
   * Awaiting `expression` in `fn` fails only where sync code would throw: a promise that never
   * rejects (`neverRejects`, `awaitSafe`); `new Promise(executor)` of the lib whose executor
   * never uses a `reject` parameter and resolves with values (it rejects only when the executor
   * throws, which it does before `new` returns); `Promise.resolve(value)` of a value that cannot
   * be a promise or thenable; a call whose every project implementation `awaitsCannotFail`; or a
   * variable declared in `fn` whose every value is one of these (as a local `let rawBody` set
   * from `Promise.resolve(...)` or a `new Promise(...)`).
   */
  private awaitFailsOnlyAsSyncCode(expression: ts.Expression, fn: ts.FunctionLikeDeclaration, followVariables = true): boolean {
    const operand = skipExpressionWrappers(expression);
    if (this.neverRejects(operand) || this.awaitSafe(operand)) return true;
    if (ts.isNewExpression(operand)) return this.rejectsOnlyWhenExecutorThrows(operand);
    if (ts.isCallExpression(operand)) {
      if (this.gateCallNeverRejects(operand)) return true;
      if (isLibPromiseResolve(operand, this.types)) return this.resolvesWithValuesOnly(operand);
      const bodies = this.types.projectImplementationsOf(operand);
      return bodies !== undefined && bodies.every((body) => this.awaitsCannotFail(body));
    }
    if (ts.isIdentifier(operand) && followVariables) {
      const declaration = this.types.variableDeclarationOf(operand);
      if (!declaration || !isAncestorOrSelf(fn, declaration)) return false;
      const values = this.variableValues(declaration);
      return values !== undefined && values.length > 0 && values.every((value) => this.awaitFailsOnlyAsSyncCode(value, fn, false));
    }
    return false;
  }

  /**
   * `new Promise((resolve, reject) => ...)` of the lib, with a sync executor that never mentions
   * its `reject` and resolves only with values: it rejects only when the executor throws.
   */
  private rejectsOnlyWhenExecutorThrows(node: ts.NewExpression): boolean {
    const executor = node.arguments?.[0] && skipParens(node.arguments[0]);
    if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)) || isAsyncFunction(executor) || executor.asteriskToken) return false;
    if (executor.parameters.length > 2 || !isLibPromiseConstruction(node, this.types)) return false;
    const reject = executor.parameters[1] as ts.ParameterDeclaration | undefined;
    if (reject && (!ts.isIdentifier(reject.name) || mentions(executor.body, reject, this.types))) return false;
    return this.resolvesWithValues(executor);
  }

  /**
   * The promise `expression` evaluates to never rejects:
   * - `new Promise(executor)` (the lib's `Promise`) whose executor is a sync function expression
   *   taking only `resolve`, whose body cannot throw, and whose calls of `resolve` (nested
   *   functions included) pass values that cannot be a promise or thenable;
   * - a `const` initialized from one, or `this.x` where every assignment to `x` in its class (the
   *   field's initializer included, nested functions too) is one;
   * - `p.then(f)` on one, where `f` cannot throw (or, async, reject); `p.catch(h)` and
   *   `p.then(f, h)` whose handlers cannot throw; a call of a project function that cannot reject;
   * - a call in `NEVER_REJECTING_LIBRARY_CALLS` (`worker.terminate()` on Node's Worker).
   * Anything else is unknown (false). A `resolve` handed out and called elsewhere with a promise
   * that rejects is not followed.
   *
   * @example
   * // this.promise = new Promise((resolve) => { resolvePromise = resolve; });
   * // this.promise.then((reason) => { this.reason = reason; })   → true
   * // new Promise((resolve, reject) => ...)                        → false (it may call reject)
   */
  neverRejects(expression: ts.Expression): boolean {
    return this.inMode(false, () => this.neverRejectsHere(expression));
  }

  /**
   * `Promise.resolve()` or `Promise.resolve(value)` of the lib where the value cannot be a promise
   * or thenable: the promise is fulfilled when it is created and can never reject, so dropping it
   * loses nothing. Unlike `neverRejects`, evaluating the argument may still throw (before the
   * promise exists): for a promise already held in a variable that does not matter.
   *
   * @example
   * // Promise.resolve(Buffer.alloc(0)) → true
   * // Promise.resolve(load())          → false (adopts the promise `load()` returns)
   */
  fulfilledOnCreation(expression: ts.Expression): boolean {
    const node = skipParens(expression);
    return ts.isCallExpression(node) && isLibPromiseResolve(node, this.types) && this.resolvesWithValuesOnly(node);
  }

  /** `Promise.resolve(...)`'s arguments can be neither promises nor thenables (nor spread). */
  private resolvesWithValuesOnly(call: ts.CallExpression): boolean {
    return call.arguments.every((argument) => !ts.isSpreadElement(argument) && this.types.promiseStatus(argument, { thenables: true }) === "never");
  }

  /**
   * Runs `judge` with the error-handling policy on (`handler`) or off, restoring the outer one.
   * Facts about promise values (`neverRejects`) are always judged with it off.
   */
  private inMode<T>(handler: boolean, judge: () => T): T {
    const outer = this.handler;
    this.handler = handler;
    try {
      return judge();
    } finally {
      this.handler = outer;
    }
  }

  private neverRejectsHere(expression: ts.Expression): boolean {
    const node = skipParens(expression);
    if (ts.isNewExpression(node)) return this.fact(this.settledMemo, node, () => this.neverRejectingConstruction(node));
    if (ts.isIdentifier(node)) {
      const declaration = this.types.variableDeclarationOf(node);
      const list = declaration?.parent;
      if (!declaration?.initializer || !list || !ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
      const initializer = declaration.initializer;
      return this.fact(this.settledMemo, declaration, () => this.neverRejects(initializer));
    }
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const owner = enclosingClass(node);
      if (!owner) return false;
      const name = node.name.text;
      return this.fact(this.settledMemo, this.fieldKey(owner, name), () => {
        // Subclasses may assign the field too.
        const classes = this.types.projectSubclassesOf(owner);
        const values = classes && [owner, ...classes].map((cls) => fieldValues(cls, name));
        if (!values || values.some((list) => list === undefined)) return false;
        const all = values.flat() as ts.Expression[];
        return all.length > 0 && all.every((value) => this.neverRejects(value));
      });
    }
    if (ts.isCallExpression(node) && isHandlerCall(node)) {
      if (this.handlersSafe(node)) return true;
      const callee = skipParens(node.expression) as ts.PropertyAccessExpression;
      const onFulfilled = node.arguments[0];
      if (callee.name.text !== "then" || node.arguments.length !== 1 || !onFulfilled) return false;
      const fn = skipParens(onFulfilled);
      return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && (isAsyncFunction(fn) ? this.cannotReject(fn) : this.cannotThrow(fn)) && this.neverRejects(callee.expression);
    }
    if (ts.isCallExpression(node) && (this.isNeverRejectingLibraryPromise(node) || this.combinationNeverRejects(node))) return true;
    return ts.isCallExpression(node) && this.settledPromise(node);
  }

  /**
   * `Promise.all(...)` or `Promise.allSettled(...)` of the lib, over an array literal or over
   * `xs.map(fn)` of an array (`allSettled` over any array, `Set` or `Map` value too), evaluated
   * without throwing. `allSettled` never rejects; `all` rejects
   * only with an element's rejection, so it never rejects when no element can: each element of the
   * literal a value or a promise that cannot reject, or `fn` (an arrow or function expression) an
   * async function that cannot reject, or a sync one that cannot throw and returns no promise that
   * can reject.
   *
   * @example
   * // const sendOne = (id) => send(id).catch((err) => log(err));
   * // Promise.all(ids.map((id) => sendOne(id)))        → true
   * // Promise.all(ids.map((id) => send(id)))           → false (send may reject)
   * // Promise.allSettled(ids.map(async (id) => send(id))) → true
   * // Promise.allSettled(closing)                      → true (closing: an array, Set or Map)
   */
  private combinationNeverRejects(call: ts.CallExpression): boolean {
    const ref = this.types.calleeTarget(call)?.ref;
    if (!ref?.isDefaultLib || (ref.qualifiedName !== "PromiseConstructor.all" && ref.qualifiedName !== "PromiseConstructor.allSettled")) return false;
    const settles = ref.qualifiedName === "PromiseConstructor.allSettled";
    const argument = call.arguments.length === 1 && call.arguments[0] ? skipParens(call.arguments[0]) : undefined;
    if (!argument) return false;
    // `allSettled` of an array, `Set` or `Map` of the lib: iterating it cannot throw, and no element's
    // rejection passes through (`Promise.allSettled(closing).then(...)` over a list built by pushes).
    if (settles && !ts.isArrayLiteralExpression(argument) && this.expressionSafe(argument) && this.types.collectionStatus(argument) === "always") return true;
    if (ts.isArrayLiteralExpression(argument)) {
      return argument.elements.every((element) =>
        ts.isSpreadElement(element)
          ? settles && this.expressionSafe(element.expression)
          : this.expressionSafe(element) && (settles || this.types.promiseStatus(element, { thenables: true }) === "never" || this.neverRejects(element)),
      );
    }
    if (!ts.isCallExpression(argument) || argument.arguments.length !== 1 || !argument.arguments[0]) return false;
    const mapRef = this.types.calleeTarget(argument)?.ref;
    if (!mapRef?.isDefaultLib || !/^(?:Readonly)?Array\.map$/.test(mapRef.qualifiedName)) return false;
    const fn = skipParens(argument.arguments[0]);
    const receiver = skipParens(argument.expression);
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.asteriskToken || !ts.isPropertyAccessExpression(receiver) || !this.expressionSafe(receiver.expression)) return false;
    if (isAsyncFunction(fn)) return settles || this.cannotReject(fn);
    return this.cannotThrow(fn) && (settles || this.returnsCannotReject(fn));
  }

  /**
   * A call of a library API whose promise never rejects (`NEVER_REJECTING_LIBRARY_CALLS`, by
   * declaration: `worker.terminate()` on Node's `worker_threads` Worker, not a project class's own
   * `terminate`), with a callee and arguments that evaluate without throwing.
   */
  private isNeverRejectingLibraryPromise(call: ts.CallExpression): boolean {
    const target = this.types.calleeTarget(call);
    return target !== undefined && isNeverRejectingLibraryCall(target.ref) && this.calleeAndArgumentsSafe(call);
  }

  private readonly fieldKeys = new Map<ts.ClassLikeDeclaration, Map<string, object>>();

  /** One key per field of a class, for the memo and the cycle check. */
  private fieldKey(owner: ts.ClassLikeDeclaration, name: string): object {
    let keys = this.fieldKeys.get(owner);
    if (!keys) this.fieldKeys.set(owner, (keys = new Map<string, object>()));
    let key = keys.get(name);
    if (!key) keys.set(name, (key = {}));
    return key;
  }

  /** `new Promise((resolve) => { ... })` whose executor cannot throw. */
  private neverRejectingConstruction(node: ts.NewExpression): boolean {
    const executor = node.arguments?.[0] && skipParens(node.arguments[0]);
    if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)) || isAsyncFunction(executor) || executor.asteriskToken) return false;
    if (executor.parameters.length > 1 || !isLibPromiseConstruction(node, this.types)) return false;
    return this.cannotThrow(executor) && this.resolvesWithValues(executor);
  }

  /**
   * Every call of the executor's `resolve` in its body (nested functions included) passes values
   * that cannot be a promise or thenable: resolving with one adopts its rejection.
   */
  private resolvesWithValues(executor: ts.ArrowFunction | ts.FunctionExpression): boolean {
    const resolve = executor.parameters[0];
    if (!resolve) return true;
    if (!ts.isIdentifier(resolve.name)) return false;
    const name = resolve.name.text;
    let settled = true;
    const visit = (node: ts.Node): void => {
      if (!settled) return;
      if (ts.isCallExpression(node)) {
        const callee = skipParens(node.expression);
        if (ts.isIdentifier(callee) && callee.text === name && this.types.parameterDeclarationOf(callee) === resolve) {
          settled = node.arguments.every((argument) => !ts.isSpreadElement(argument) && this.types.promiseStatus(argument, { thenables: true }) === "never");
        }
      }
      ts.forEachChild(node, visit);
    };
    if (executor.body) visit(executor.body);
    return settled;
  }

  /**
   * `fn` runs a loop that only a flag ends, or nothing (`while (true)`, `for (;;)`, `while
   * (!this.stopped)`, `while (running)` on an outer variable) and that awaits inside, or it awaits
   * or returns a call of a project function that does: its promise may never settle.
   */
  startsLongRunningLoop(fn: ts.FunctionLikeDeclaration): boolean {
    return this.fact(this.loopMemo, fn, () => {
      const body = fn.body;
      if (!body) return false;
      // `this.loop = this.mainLoop(); ... await this.loop;`: a promise stored, then awaited.
      const stored = new Map<string, ts.CallExpression>();
      const collect = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isCallExpression(skipParens(node.right))) {
          stored.set(node.left.getText(), skipParens(node.right) as ts.CallExpression);
        } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(skipParens(node.initializer))) {
          stored.set(node.name.text, skipParens(node.initializer) as ts.CallExpression);
        }
        ts.forEachChild(node, collect);
      };
      collect(body);
      let found = false;
      const visit = (node: ts.Node): void => {
        if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        this.work++;
        const loopCondition = ts.isForStatement(node) ? { condition: node.condition } : ts.isWhileStatement(node) || ts.isDoStatement(node) ? { condition: node.expression } : undefined;
        if (loopCondition && this.flagOnly(loopCondition.condition, fn) && containsAwait((node as ts.IterationStatement).statement)) {
          found = true;
          return;
        }
        if ((ts.isAwaitExpression(node) || ts.isReturnStatement(node)) && node.expression) {
          const value = skipParens(node.expression);
          const call = ts.isCallExpression(value) ? value : stored.get(value.getText());
          const callee = call ? this.types.projectFunctionOf(call) : undefined;
          if (callee && this.startsLongRunningLoop(callee)) {
            found = true;
            return;
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(body);
      return found;
    });
  }

  /** A loop condition that no iteration's data ends: absent, `true`, or a flag on `this` or outside `fn`. */
  private flagOnly(condition: ts.Expression | undefined, fn: ts.Node): boolean {
    if (!condition) return true;
    const node = skipParens(condition);
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return this.flagOnly(node.operand, fn);
    // `a && b` runs while both hold: a data test can end it. `a || b` runs at least while either holds.
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return this.flagOnly(node.left, fn) && this.flagOnly(node.right, fn);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
      return this.flagOnly(node.left, fn) || this.flagOnly(node.right, fn);
    }
    if (ts.isPropertyAccessExpression(node)) {
      let object: ts.Expression = node.expression;
      while (ts.isPropertyAccessExpression(object)) object = object.expression;
      return object.kind === ts.SyntaxKind.ThisKeyword;
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.types.variableDeclarationOf(node);
      return declaration !== undefined && !isAncestorOrSelf(fn, declaration);
    }
    return false;
  }

  /** Calling `fn` never throws (an async function never does: a throw inside becomes its promise's rejection). */
  cannotThrow(fn: ts.FunctionLikeDeclaration): boolean {
    return this.fact(this.handler ? this.handlerThrowMemo : this.throwMemo, fn, () => {
      const body = fn.body;
      if (!body || fn.asteriskToken || !fn.parameters.every((parameter) => this.parameterSafe(parameter))) return false;
      if (isAsyncFunction(fn)) return true; // a throw inside becomes its promise's rejection
      return ts.isBlock(body) ? this.statementsSafe(body.statements) : this.expressionSafe(body);
    });
  }

  /** Calling `fn` ends the process: its body ends with such a call and nothing before it throws. */
  private exits(fn: ts.FunctionLikeDeclaration): boolean {
    return this.fact(this.exitMemo, fn, () => {
      const body = fn.body;
      if (!body || !ts.isBlock(body) || isAsyncFunction(fn) || fn.asteriskToken) return false;
      return this.blockExits(body.statements);
    });
  }

  private fact(memo: Map<object, boolean>, fn: object, compute: () => boolean): boolean {
    const known = memo.get(fn);
    if (known !== undefined) return known;
    if (this.depth === 0) this.work = 0;
    let active = this.active.get(memo);
    if (!active) this.active.set(memo, (active = new Set<object>()));
    if (active.has(fn) || this.depth >= (this.gateOwner ? MAX_CALL_DEPTH + GATE_EXTRA_DEPTH : MAX_CALL_DEPTH) || this.work > WORK_BUDGET) {
      this.truncated = true;
      return false;
    }
    const outer = this.truncated;
    this.truncated = false;
    active.add(fn);
    this.depth++;
    let result = false;
    try {
      result = compute();
    } finally {
      active.delete(fn);
      this.depth--;
    }
    if (!this.truncated) memo.set(fn, result);
    this.truncated ||= outer;
    return result;
  }

  private parameterSafe(parameter: ts.ParameterDeclaration): boolean {
    if (parameter.initializer && !this.expressionSafe(parameter.initializer)) return false;
    let safe = true;
    const visit = (node: ts.Node): void => {
      if (ts.isBindingElement(node) && node.initializer && !this.expressionSafe(node.initializer)) safe = false;
      if (safe) ts.forEachChild(node, visit);
    };
    visit(parameter.name);
    return safe;
  }

  /** A block that ends the process: statements that cannot throw, then an exiting call. */
  private blockExits(statements: readonly ts.Statement[]): boolean {
    const last = statements[statements.length - 1];
    if (!last || !ts.isExpressionStatement(last)) return false;
    const call = skipParens(last.expression);
    return ts.isCallExpression(call) && this.callExits(call) && this.statementsSafe(statements.slice(0, -1));
  }

  private callExits(call: ts.CallExpression): boolean {
    const target = this.types.calleeTarget(call);
    if (target && isProcessExit(target.ref)) return true;
    const fn = this.types.projectFunctionOf(call);
    return fn !== undefined && this.exits(fn);
  }

  private statementsSafe(statements: readonly ts.Statement[]): boolean {
    return statements.every((statement) => this.statementSafe(statement));
  }

  private statementSafe(statement: ts.Statement): boolean {
    this.work++;
    if (ts.isBlock(statement)) return this.statementsSafe(statement.statements);
    if (ts.isExpressionStatement(statement)) return this.expressionSafe(statement.expression);
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.every(
        (declaration) =>
          (ts.isIdentifier(declaration.name) || (declaration.initializer !== undefined && this.objectPatternSafe(declaration.name, declaration.initializer))) &&
          (!declaration.initializer || this.expressionSafe(declaration.initializer)),
      );
    }
    if (ts.isReturnStatement(statement)) {
      // Returning a promise that rejects is not a throw. Where the promise a body returns is
      // adopted (an async function, a `.catch`/`.then` handler), the caller of this asks about the
      // returned values itself (`returnedValueSafe`); a project function called for its value
      // (`this.send(m).catch(...)`) hands its promise to the code that called it, which judges it.
      return !statement.expression || this.expressionSafe(statement.expression);
    }
    if (ts.isIfStatement(statement)) {
      const flag = this.assumedGateFlag(statement.expression);
      if (flag !== undefined) return !statement.elseStatement || this.statementSafe(statement.elseStatement);
      return this.expressionSafe(statement.expression) && this.statementSafe(statement.thenStatement) && (!statement.elseStatement || this.statementSafe(statement.elseStatement));
    }
    if (ts.isTryStatement(statement)) {
      const { tryBlock, catchClause, finallyBlock } = statement;
      if (finallyBlock && this.blockExits(finallyBlock.statements)) return true; // `finally { process.exit() }`
      if (finallyBlock && !this.inMode(true, () => this.statementsSafe(finallyBlock.statements))) return false;
      if (!catchClause) return this.statementsSafe(tryBlock.statements);
      const binding = catchClause.variableDeclaration?.name;
      return (binding === undefined || ts.isIdentifier(binding)) && this.inMode(true, () => this.statementsSafe(catchClause.block.statements));
    }
    if (ts.isWhileStatement(statement) || ts.isDoStatement(statement)) return this.expressionSafe(statement.expression) && this.statementSafe(statement.statement);
    if (ts.isForStatement(statement)) {
      const initializer = statement.initializer;
      const initSafe = !initializer || (ts.isVariableDeclarationList(initializer)
        ? initializer.declarations.every((declaration) => ts.isIdentifier(declaration.name) && (!declaration.initializer || this.expressionSafe(declaration.initializer)))
        : this.expressionSafe(initializer));
      return initSafe && (!statement.condition || this.expressionSafe(statement.condition)) && (!statement.incrementor || this.expressionSafe(statement.incrementor)) && this.statementSafe(statement.statement);
    }
    if (ts.isLabeledStatement(statement)) return this.statementSafe(statement.statement);
    return (
      ts.isEmptyStatement(statement) ||
      ts.isBreakOrContinueStatement(statement) ||
      ts.isFunctionDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement)
    );
  }

  /**
   * Destructuring `value` with `pattern` does not throw: an object pattern (`const { socket, abort }
   * = this`) of a value that cannot be `null` or `undefined` or is typed `any` (as `expressionSafe`
   * reads a property through one: graphile-worker's `const { events, logger } = ctx` of an untyped
   * parameter), or of any value in error-handling code (where property reads are taken not to
   * throw), with plain names, defaults that cannot throw, no
   * computed keys and no nested patterns (a nested value may be `undefined`). An array pattern runs
   * an iterator and is not judged.
   */
  private objectPatternSafe(pattern: ts.BindingName, value: ts.Expression): boolean {
    if (!ts.isObjectBindingPattern(pattern)) return false;
    const object = skipParens(value);
    if (!this.handler && object.kind !== ts.SyntaxKind.ThisKeyword && this.types.nullishStatus(object) !== "never" && !this.types.isUntyped(object)) return false;
    return pattern.elements.every(
      (element) =>
        ts.isIdentifier(element.name) &&
        (!element.propertyName || !ts.isComputedPropertyName(element.propertyName)) &&
        (!element.initializer || this.expressionSafe(element.initializer)),
    );
  }

  private expressionSafe(expression: ts.Expression): boolean {
    this.work++;
    const node = skipParens(expression);
    if (ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.expressionSafe(node.expression);
    }
    if (
      ts.isLiteralExpression(node) ||
      ts.isIdentifier(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      node.kind === ts.SyntaxKind.ThisKeyword ||
      node.kind === ts.SyntaxKind.TrueKeyword ||
      node.kind === ts.SyntaxKind.FalseKeyword ||
      node.kind === ts.SyntaxKind.NullKeyword
    ) {
      return true;
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => this.expressionSafe(span.expression));
    if (ts.isArrayLiteralExpression(node)) return node.elements.every((element) => this.expressionSafe(ts.isSpreadElement(element) ? element.expression : element));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((property) => {
        if (property.name && ts.isComputedPropertyName(property.name)) return false;
        if (ts.isPropertyAssignment(property)) return this.expressionSafe(property.initializer);
        if (ts.isSpreadAssignment(property)) return this.expressionSafe(property.expression);
        return ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property);
      });
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      if (ts.isElementAccessExpression(node) && !this.expressionSafe(node.argumentExpression)) return false;
      const object = skipParens(node.expression);
      // A value typed `any` (untyped JavaScript) is read as a typed one that cannot be nullish is:
      // the TypeError of a read through `null` is a programming error, as a failed assertion is.
      const objectSafe =
        this.handler ||
        node.questionDotToken !== undefined ||
        object.kind === ts.SyntaxKind.ThisKeyword ||
        this.types.nullishStatus(object) === "never" ||
        this.initializedModuleObject(object) ||
        this.types.isUntyped(object);
      return objectSafe && this.expressionSafe(object);
    }
    if (ts.isPrefixUnaryExpression(node)) return this.expressionSafe(node.operand);
    if (ts.isPostfixUnaryExpression(node)) return this.expressionSafe(node.operand);
    if (ts.isTypeOfExpression(node) || ts.isVoidExpression(node)) return this.expressionSafe(node.expression);
    if (ts.isConditionalExpression(node)) return this.expressionSafe(node.condition) && this.expressionSafe(node.whenTrue) && this.expressionSafe(node.whenFalse);
    if (ts.isBinaryExpression(node)) return this.expressionSafe(node.left) && this.expressionSafe(node.right);
    if (ts.isAwaitExpression(node)) return this.awaitSafe(node.expression);
    if (ts.isCallExpression(node)) return this.callSafe(node);
    // `new Promise((resolve) => ...)` whose executor cannot throw: constructing it does not throw either.
    if (ts.isNewExpression(node)) {
      // Error-handling code: constructors are not followed (`reject(new TimeoutError(message))`).
      if (this.handler) return this.expressionSafe(node.expression) && (node.arguments ?? []).every((argument) => this.expressionSafe(ts.isSpreadElement(argument) ? argument.expression : argument));
      return this.neverRejects(node) || this.constructionSafe(node);
    }
    return false;
  }

  /**
   * `new C(...)` of a class written in the project (not a declaration file) that extends nothing,
   * with arguments that cannot throw, instance field initializers that cannot throw and a
   * constructor (if any) that cannot throw: constructing it does not throw either. A class with
   * `extends` runs a base constructor, which is not followed.
   *
   * @example
   * // class AsyncWriter { constructor({ socket }) { this.socket = socket; this.bytesWritten = 0; } }
   * // new AsyncWriter({ socket })  → true
   * // class Parser { constructor(text) { this.doc = JSON.parse(text); } }   new Parser(t) → false
   */
  private constructionSafe(node: ts.NewExpression): boolean {
    if (!(node.arguments ?? []).every((argument) => this.expressionSafe(ts.isSpreadElement(argument) ? argument.expression : argument))) return false;
    const declarations = this.types.calleeTarget(node)?.declarations;
    const owner = declarations?.length === 1 ? declarations[0] : undefined;
    if (!owner || !ts.isClassLike(owner) || owner.getSourceFile().isDeclarationFile || !this.types.isProjectSourceFile(owner.getSourceFile())) return false;
    if (owner.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) return false;
    return this.fact(this.throwMemo, owner, () =>
      owner.members.every((member) => {
        if (ts.isConstructorDeclaration(member)) return !member.body || this.cannotThrow(member);
        if (ts.isPropertyDeclaration(member) && !hasStatic(member)) return !member.initializer || this.expressionSafe(member.initializer);
        return true;
      }),
    );
  }

  /** Evaluating the callee and the arguments does not throw (the call itself still may). */
  private calleeAndArgumentsSafe(call: ts.CallExpression): boolean {
    const callee = skipParens(call.expression);
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) || this.handler) {
      if (!this.expressionSafe(callee)) return false;
    } else if (!ts.isIdentifier(callee)) {
      return false;
    }
    return call.arguments.every((argument) => this.expressionSafe(ts.isSpreadElement(argument) ? argument.expression : argument));
  }

  /**
   * `h2stream.on("close", onDrain)` on an untyped receiver (JavaScript without types): the shape of
   * an emitter's listener registration (`on`, `once`, `off`, `addListener`, `removeListener`,
   * `prependListener`, `prependOnceListener`; an event named by a string literal; a function
   * written there or named), read as `isNodeListenerRegistration` reads the typed ones. Any other
   * call on an untyped value may throw.
   */
  private untypedListenerRegistration(call: ts.CallExpression): boolean {
    const callee = skipParens(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !LISTENER_METHODS.has(callee.name.text) || call.arguments.length !== 2) return false;
    const [event, listener] = call.arguments.map(skipParens);
    if (!event || !listener || !ts.isStringLiteralLike(event)) return false;
    if (!(ts.isIdentifier(listener) || ts.isPropertyAccessExpression(listener) || ts.isArrowFunction(listener) || ts.isFunctionExpression(listener))) return false;
    return this.types.isUntyped(callee.expression);
  }

  /** Evaluating the call does not throw synchronously. */
  private callSafe(call: ts.CallExpression): boolean {
    const iife = calledOnTheSpot(call);
    if (iife) return call.arguments.every((argument) => this.expressionSafe(ts.isSpreadElement(argument) ? argument.expression : argument)) && this.cannotThrow(iife);
    // `send(id).catch(h)`: attaching handlers does not throw, and a call typed to return a promise
    // reports its failure through the promise, which the handler takes (as `awaitSafe` reads
    // `await send(id).catch(h)`).
    if (isHandlerCall(call) && this.handledPromiseCallSafe(call)) return true;
    if (!this.calleeAndArgumentsSafe(call)) return false;
    const target = this.types.calleeTarget(call);
    if (target && (isNonThrowingCall(target.ref) || isProcessExit(target.ref) || this.isGlobalPromiseSettle(call, target.ref))) return true;
    if (target && (this.isResolverCall(target.declarations) || this.isDeferredSettlerCall(call, target.declarations))) return true;
    if (!target && this.untypedListenerRegistration(call)) return true;
    const fn = this.types.projectFunctionOf(call);
    if (fn) return this.cannotThrow(fn);
    // Error-handling code: a call not followed into a project body (a library logger, an
    // emitter, a callback) is taken not to throw, except `emit("error", ...)`, which rethrows
    // when nobody listens.
    return this.handler && !(target && isErrorEmit(call, target.ref));
  }

  /** `x.catch(h)` / `x.then(f, h)` whose `x` reports its failure through its promise (`reportsThroughPromise`). */
  private handledPromiseCallSafe(call: ts.CallExpression): boolean {
    const receiver = skipParens((skipParens(call.expression) as ts.PropertyAccessExpression).expression);
    return call.arguments.every((argument) => !ts.isSpreadElement(argument) && this.expressionSafe(argument)) && this.reportsThroughPromise(receiver);
  }

  /** A call typed to return a promise whose callee and arguments evaluate without throwing: promise-returning APIs report failure through the promise. */
  private reportsThroughPromise(receiver: ts.Expression): boolean {
    if (!ts.isCallExpression(receiver) || this.types.promiseStatus(receiver, { thenables: false }) !== "always") return false;
    if (this.calleeAndArgumentsSafe(receiver)) return true;
    // A link of a chain (`consumer.stop().then(resolve)`): `then`, `catch` and `finally` pass the
    // failure of the promise they are called on into their own, as a promise-returning call does.
    const callee = skipParens(receiver.expression);
    return (
      ts.isPropertyAccessExpression(callee) &&
      (isHandlerCall(receiver) || callee.name.text === "finally") &&
      receiver.arguments.every((argument) => !ts.isSpreadElement(argument) && this.expressionSafe(argument)) &&
      this.reportsThroughPromise(skipParens(callee.expression))
    );
  }

  /**
   * Awaiting `expression` inside an async function cannot throw there: an await of a project call
   * that cannot reject, or of `x.catch(handler)` / `x.then(f, handler)` whose handlers cannot throw
   * and whose `x` is evaluated without throwing. A call typed to return a promise counts as such an
   * `x` when its callee and arguments are: promise-returning APIs report failure through the
   * promise, which the handler takes (`await req.continueWithAuth(opts).catch((e) => log(e))`).
   */
  private awaitSafe(expression: ts.Expression): boolean {
    const operand = skipParens(expression);
    if (!ts.isCallExpression(operand)) return (ts.isIdentifier(operand) || ts.isPropertyAccessExpression(operand) || ts.isNewExpression(operand)) && this.expressionSafe(operand) && this.neverRejects(operand);
    const callee = skipParens(operand.expression);
    if (isHandlerCall(operand)) {
      if (!this.handlersSafe(operand)) return false;
      const receiver = skipParens((callee as ts.PropertyAccessExpression).expression);
      if (this.expressionSafe(receiver) || this.awaitSafe(receiver)) return true;
      return this.reportsThroughPromise(receiver);
    }
    if (this.isNeverRejectingLibraryPromise(operand) || this.combinationNeverRejects(operand)) return true;
    if (!this.callSafe(operand)) return false;
    const fn = this.types.projectFunctionOf(operand);
    return fn !== undefined && this.cannotReject(fn);
  }

  /** The handlers of `x.catch(h)` / `x.then(f, h)` are function expressions that cannot throw (or, async, reject). */
  private handlersSafe(call: ts.CallExpression): boolean {
    const name = (skipParens(call.expression) as ts.PropertyAccessExpression).name.text;
    const handlers = name === "catch" ? call.arguments.slice(0, 1) : call.arguments.slice(0, 2);
    if (handlers.length !== (name === "catch" ? 1 : 2)) return false;
    // `.then(f, h)`: `f` throwing rejects the result; `h`, like a `catch` block, is error-handling code.
    // Either way the chain adopts what the handler returns, so a returned promise must not reject.
    return handlers.every((handler, index) => {
      const isRejectionHandler = name === "catch" || index === 1;
      return this.handlerFunctions(handler)?.every((fn) => this.inMode(isRejectionHandler, () => (isAsyncFunction(fn) ? this.cannotReject(fn) : this.cannotThrow(fn) && this.returnsCannotReject(fn)))) ?? false;
    });
  }

  /**
   * The functions a handler argument runs: a function expression written there, or a name of
   * project functions that need no `this` (a `const` arrow, a function that does not read `this`:
   * `.catch(logError)`). A promise's own resolving function (`.catch(reject)` inside an executor)
   * runs no project code and never throws: an empty list. Undefined for anything else (a method
   * passed unbound, a library function, a parameter).
   */
  private handlerFunctions(handler: ts.Expression): readonly ts.FunctionLikeDeclaration[] | undefined {
    const node = skipParens(handler);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return [node];
    if (!ts.isIdentifier(node)) return undefined;
    const parameter = this.types.parameterDeclarationOf(node);
    if (parameter) return isExecutorResolver(parameter, this.types) ? [] : undefined;
    const variable = this.types.variableDeclarationOf(node);
    if (variable && this.isResolverCall([variable])) return [];
    const functions = this.types.projectImplementationsOfValue(node);
    const needsNoThis = (fn: ts.FunctionLikeDeclaration): boolean =>
      fn.body !== undefined && (ts.isArrowFunction(fn) || ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && !readsThis(fn.body)));
    return functions?.every(needsNoThis) ? functions : undefined;
  }

  /** Every value a sync function returns (its expression body, or each `return`) is not a promise that can reject. */
  private returnsCannotReject(fn: ts.FunctionLikeDeclaration): boolean {
    const body = fn.body;
    if (!body) return false;
    const returned = ts.isBlock(body) ? returnedExpressions(body) : [body];
    return returned.every((expr) => expr === undefined || this.returnedValueSafe(expr));
  }

  /**
   * A call of a promise's own resolving function: the `resolve` or `reject` parameter of a
   * `new Promise((resolve, reject) => ...)` executor (the lib's `Promise`), or a local or field
   * that every assignment sets to one of them or to a function that cannot throw (a Deferred's
   * `this.#reject = reject` inside the executor). Resolving functions never throw: a settled
   * promise ignores them, and a thenable whose `then` throws rejects the promise instead. Whether
   * the promise then rejects is `neverRejectingConstruction`'s question, not this one.
   *
   * @example
   * // new Promise((resolve, reject) => { const init = async () => { try { ... } catch (e) { reject(e); } }; init(); })
   * // reject(e)           → true (the executor's parameter)
   * // this.#resolve()     → true (the field is set only in `new Promise((resolve) => { this.#resolve = resolve; })`)
   */
  private isResolverCall(declarations: readonly ts.Declaration[]): boolean {
    const declaration = declarations[0];
    if (declarations.length !== 1 || !this.types.isProjectSourceFile(declaration.getSourceFile())) return false;
    if (ts.isParameter(declaration)) return isExecutorResolver(declaration, this.types);
    let values: readonly ts.Expression[] | undefined;
    if (ts.isVariableDeclaration(declaration)) values = this.variableValues(declaration);
    else if (ts.isPropertyDeclaration(declaration) && ts.isClassLike(declaration.parent)) {
      const owner = declaration.parent;
      const name = memberName(declaration.name);
      const classes = name === undefined ? undefined : this.types.projectSubclassesOf(owner);
      const lists = classes && name !== undefined ? [owner, ...classes].map((cls) => fieldValues(cls, name)) : undefined;
      values = lists && !lists.some((list) => list === undefined) ? (lists.flat() as ts.Expression[]) : undefined;
    }
    return values !== undefined && values.length > 0 && values.every((value) => {
      const node = skipParens(value);
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.cannotThrow(node);
      const parameter = ts.isIdentifier(node) ? this.types.parameterDeclarationOf(node) : undefined;
      return parameter !== undefined && isExecutorResolver(parameter, this.types);
    });
  }

  /**
   * `Promise.resolve(value)` / `Promise.reject(error)` called on the global `Promise`
   * (`TypeOracle.isGlobalPromiseConstructor`): they return a promise and do not throw (a value whose
   * `then` throws rejects that promise instead; what the promise does is the question of whoever
   * holds it: graphile-worker's `release()` ends with `return Promise.resolve(promise);`). Called
   * detached from the constructor (`const resolve = Promise.resolve; resolve(x)`) they throw, and
   * are not taken.
   */
  private isGlobalPromiseSettle(call: ts.CallExpression, ref: DeclarationRef): boolean {
    const callee = skipParens(call.expression);
    return ref.isDefaultLib && (ref.qualifiedName === "PromiseConstructor.resolve" || ref.qualifiedName === "PromiseConstructor.reject") &&
      ts.isPropertyAccessExpression(callee) && this.types.isGlobalPromiseConstructor(callee.expression);
  }

  /**
   * `workerDeferred.resolve()` / `.reject(error)` on a deferred: a value whose type is a promise
   * (an interface or class extending the lib's `Promise`, as graphile-worker's `interface
   * Deferred<T> extends Promise<T> { resolve: (result?: T) => void; reject: (error: Error) => void }`
   * over `Object.assign(new Promise(...), { resolve, reject })`) carrying its own resolving
   * functions as `resolve` / `reject` members. Only where there is no body to follow: every
   * declaration of the member is a signature (a property or method of an interface or type
   * literal) or lies in a declaration file; the call returns no promise or thenable. Resolving
   * functions never throw (`isResolverCall`); a member of that name on a value that is no promise
   * (`tracker.resolve(id)`) is unknown code and stays a call that may throw.
   */
  private isDeferredSettlerCall(call: ts.CallExpression, declarations: readonly ts.Declaration[]): boolean {
    const callee = skipParens(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !DEFERRED_SETTLERS.has(callee.name.text) || declarations.length === 0) return false;
    const bodiless = declarations.every((declaration) => ts.isPropertySignature(declaration) || ts.isMethodSignature(declaration) || declaration.getSourceFile().isDeclarationFile);
    return bodiless && this.types.promiseStatus(callee.expression, { thenables: false }) === "always" && this.types.promiseStatus(call, { thenables: true }) === "never";
  }

  /**
   * `object` names a module-level variable that an earlier top-level statement sets to an object
   * literal, read inside a class declared after that statement, as compilers emit an enum in
   * JavaScript (`var ChildStatus; (function (ChildStatus) { ... })(ChildStatus || (ChildStatus =
   * {}));`, then `class ChildProcessor { ... this.status = ChildStatus.Terminating; }`): a class's
   * methods run only after its declaration, so the variable holds the object by then.
   */
  private initializedModuleObject(object: ts.Expression): boolean {
    if (!ts.isIdentifier(object)) return false;
    const declaration = this.types.variableDeclarationOf(object);
    const statement = declaration?.parent.parent;
    if (!declaration || !statement || !ts.isVariableStatement(statement) || !ts.isSourceFile(statement.parent)) return false;
    const values = this.variableValues(declaration);
    if (!values || values.length === 0 || !values.every((value) => ts.isObjectLiteralExpression(skipParens(value)))) return false;
    const file = statement.parent;
    const readAt = topLevelStatementOf(object);
    const reader = readAt && file.statements.indexOf(readAt);
    if (!readAt || !ts.isClassDeclaration(readAt) || reader === undefined) return false;
    // Every assignment runs at the top level of the module, before that class is declared.
    return values.every((value) => {
      const assignment = value.parent;
      const setAt = topLevelStatementOf(assignment);
      return setAt !== undefined && ts.isExpressionStatement(setAt) && file.statements.indexOf(setAt) < reader && runsWhenStatementRuns(assignment, setAt);
    }) && (declaration.initializer === undefined || values.includes(declaration.initializer));
  }

  /**
   * Every value a `let`/`var`/`const` variable is given (its initializer, and `name = value` in the
   * function or file that declares it), or undefined when it is written any other way (`+=`, `++`,
   * destructuring, a loop's variable) or its name is a pattern.
   */
  private variableValues(declaration: ts.VariableDeclaration): ts.Expression[] | undefined {
    const list = declaration.parent;
    if (!ts.isIdentifier(declaration.name) || !ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return undefined;
    const name = declaration.name.text;
    const values: ts.Expression[] = declaration.initializer ? [declaration.initializer] : [];
    if (list.flags & ts.NodeFlags.Const) return values;
    let scope: ts.Node = list.parent.parent;
    while (!ts.isSourceFile(scope) && !ts.isFunctionLike(scope)) scope = scope.parent;
    let other = false;
    const visit = (node: ts.Node): void => {
      if (other) return;
      this.work++;
      if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && this.types.variableDeclarationOf(node) === declaration) {
        const parent = node.parent;
        if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
          if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(parent.right);
          else other = true;
        } else if (isIncrementOrDecrement(parent) || ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent) || ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node)) {
          other = true;
        } else if (ts.isPropertyAssignment(parent) && parent.initializer === node && ts.isObjectLiteralExpression(parent.parent) && ts.isBinaryExpression(parent.parent.parent)) {
          other = true;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return other ? undefined : values;
  }

  // -------------------------------------------------------------------------------------------
  // Gates: project objects whose promise rejects only through members the code never calls

  private readonly gateMemo = new Map<ts.MethodDeclaration, Gate | null>();
  private readonly holderMemo = new Map<ts.PropertyDeclaration, Map<Gate, boolean>>();

  /**
   * `holder.method()` (or `holder?.method()`) returns a promise that never rejects, because the
   * object in `holder` is a gate: an instance of a project class whose `method` rejects only once
   * one of its "rejecting" members has run on it, and none ever does. Decided from the class and
   * every use of the field that holds it (`gateOf`, `holderKeepsGate`), as for puppeteer's
   * `Deferred`, whose `valueOrThrow()` throws only after `reject()` (or a timeout set at creation)
   * and which a field holds that the project only ever resolves:
   *
   * @example
   * // #frameTreeHandled?: Deferred<void>;   this.#frameTreeHandled = Deferred.create();   (no timeout)
   * // this.#frameTreeHandled?.resolve();   ...   await this.#frameTreeHandled?.valueOrThrow(); → true
   * // this.#frameTreeHandled?.reject(new Error("detached")) anywhere                            → false
   */
  private gateCallNeverRejects(call: ts.CallExpression): boolean {
    if (this.gateOwner) return false;
    const callee = skipParens(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const holder = skipParens(callee.expression);
    if (!ts.isPropertyAccessExpression(holder)) return false;
    const bodies = this.types.projectImplementationsOf(call);
    const method = bodies?.length === 1 ? bodies[0] : undefined;
    if (!method || !ts.isMethodDeclaration(method) || !method.body || hasStatic(method)) return false;
    const gate = this.gateOf(method);
    if (!gate) return false;
    const field = this.types.fieldDeclarationOf(holder);
    if (!field) return false;
    let answers = this.holderMemo.get(field);
    if (!answers) this.holderMemo.set(field, (answers = new Map<Gate, boolean>()));
    let answer = answers.get(gate);
    if (answer === undefined) answers.set(gate, (answer = this.holderKeepsGate(field, gate)));
    return answer;
  }

  /**
   * What makes `method`'s promise reject, when only the class's gate flags can: its class (no
   * subclass in the project, no `extends`, `this` used only to reach its own members), the flags
   * `method` assumed false (`if (this.#isRejected) throw this.#value;`: a boolean field that
   * starts false), and the members that may set one of them (`reject()`), directly or through
   * other members on `this`. Null when `method` may fail otherwise (judged by a `RejectionFacts`
   * of its own, so the assumption never reaches other answers).
   */
  private gateOf(method: ts.MethodDeclaration): Gate | null {
    const known = this.gateMemo.get(method);
    if (known !== undefined) return known;
    let gate: Gate | null = null;
    const owner = method.parent;
    const name = memberName(method.name);
    if (ts.isClassLike(owner) && name !== undefined && !owner.heritageClauses && this.types.projectSubclassesOf(owner)?.length === 0 && thisStaysInside(owner)) {
      const judge = new RejectionFacts(this.types, owner);
      const body = method.body as ts.Block;
      const settled = isAsyncFunction(method)
        ? judge.cannotReject(method)
        : judge.cannotThrow(method) && returnedExpressions(body).every((expr) => expr !== undefined && judge.neverRejects(expr));
      if (settled) {
        const flags = new Set(judge.assumedFlags);
        const rejectors = membersSetting(owner, flags);
        if (!rejectors.has(name)) gate = { owner, flags, rejectors };
      }
    }
    this.gateMemo.set(method, gate);
    return gate;
  }

  /** `if (this.flag)` on a gate flag of `gateOwner`: a private `true`/`false` field that starts false. Noted in `assumedFlags`. */
  private assumedGateFlag(condition: ts.Expression): string | undefined {
    const owner = this.gateOwner;
    const node = skipParens(condition);
    if (!owner || !ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.ThisKeyword || enclosingClass(node) !== owner) return undefined;
    const name = node.name.text;
    const field = owner.members.find((member) => ts.isPropertyDeclaration(member) && memberName(member.name) === name) as ts.PropertyDeclaration | undefined;
    const values = fieldValues(owner, name);
    // Only the class itself may write it: a `#name`, or a TypeScript `private`/`protected` field.
    const hidden = ts.isPrivateIdentifier(field?.name ?? node.name) || (field !== undefined && (ts.getModifiers(field)?.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword || modifier.kind === ts.SyntaxKind.ProtectedKeyword) ?? false));
    if (!field || hasStatic(field) || !values || !hidden) return undefined;
    if (field.initializer && field.initializer.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
    if (!values.every((value) => value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword)) return undefined;
    this.assumedFlags.add(name);
    return name;
  }

  /**
   * The field keeps every object it holds a gate that no rejecting member runs on: every value it
   * is given (in its class and subclasses) is a fresh instance (`new Gate()`, or a static factory
   * that only returns one) whose construction runs no rejecting member (a constructor's `if (opts
   * && ...)` is skipped where `opts` is not passed), and every use of it in the project is a call
   * of a member that does not reject, a test (`if (this.gate)`, `!x.gate`, `===`), or one of those
   * assignments. Any other use (passed on, returned, stored elsewhere) may reach a rejecting
   * member, so the answer is no.
   */
  private holderKeepsGate(field: ts.PropertyDeclaration, gate: Gate): boolean {
    const holderClass = field.parent;
    const name = memberName(field.name);
    if (!ts.isClassLike(holderClass) || name === undefined || hasStatic(field)) return false;
    const classes = this.types.projectSubclassesOf(holderClass);
    if (!classes) return false;
    const lists = [holderClass, ...classes].map((cls) => fieldValues(cls, name));
    if (lists.some((list) => list === undefined)) return false;
    const values = lists.flat() as ts.Expression[];
    if (!values.every((value) => this.freshGate(value, gate))) return false;
    const index = propertyAccessIndex(this.types);
    const references = index.accesses.get(name) ?? [];
    // `const { gate } = holder` or `holder["gate"]` reads the field where the uses below are not followed.
    if (references.length > MAX_GATE_REFERENCES || index.otherReads.has(name)) return false;
    return references.every((reference) => {
      if (this.types.fieldDeclarationOf(reference) !== field) return true;
      const parent = reference.parent;
      if (ts.isBinaryExpression(parent) && parent.left === reference && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        // Counted among `values` only when written as `this.x = ...` in its class or a subclass.
        return reference.expression.kind === ts.SyntaxKind.ThisKeyword && [holderClass, ...classes].includes(enclosingClass(reference) as ts.ClassLikeDeclaration);
      }
      if (ts.isPropertyAccessExpression(parent) && parent.expression === reference && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
        const called = parent.name.text;
        return !gate.rejectors.has(called) && gate.owner.members.some((member) => ts.isMethodDeclaration(member) && !hasStatic(member) && memberName(member.name) === called);
      }
      return isPresenceTest(reference);
    });
  }

  /** `new Gate(...)` or `Gate.create(...)` (a static method that only returns `new Gate(...)`), constructed without running a rejecting member; or nothing. */
  private freshGate(value: ts.Expression, gate: Gate): boolean {
    const node = skipExpressionWrappers(value);
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === "undefined")) return true;
    if (ts.isNewExpression(node)) {
      if (this.types.calleeTarget(node)?.declarations[0] !== gate.owner) return false;
      return constructionKeepsGate(gate, absentParameters(gate.owner, node.arguments ?? [], () => false, this.types), this.types);
    }
    if (!ts.isCallExpression(node)) return false;
    const factory = this.types.projectFunctionOf(node);
    const statements = factory && ts.isMethodDeclaration(factory) && factory.parent === gate.owner && hasStatic(factory) ? factory.body?.statements : undefined;
    const only = statements?.length === 1 ? statements[0] : undefined;
    const created = only && ts.isReturnStatement(only) && only.expression ? skipParens(only.expression) : undefined;
    if (!factory || !created || !ts.isNewExpression(created) || this.types.calleeTarget(created)?.declarations[0] !== gate.owner) return false;
    // A factory parameter not passed here leaves the constructor parameter it is forwarded to unset.
    const unset = absentParameters(factory, node.arguments, () => false, this.types);
    const forwarded = (argument: ts.Expression): boolean => {
      const parameter = ts.isIdentifier(argument) ? this.types.parameterDeclarationOf(argument) : undefined;
      return parameter !== undefined && unset.has(parameter);
    };
    return constructionKeepsGate(gate, absentParameters(gate.owner, created.arguments ?? [], forwarded, this.types), this.types);
  }

  /**
   * What an async function returns does not make it reject: not known to be a promise (or
   * thenable: a value typed `any` or by a type parameter is taken as a value, as the rules never
   * report on "may"), or a promise that cannot reject.
   */
  private returnedValueSafe(expression: ts.Expression): boolean {
    return this.types.promiseStatus(expression, { thenables: true }) !== "always" || this.settledPromise(expression) || this.neverRejects(expression);
  }

  /** A returned promise that cannot reject: `x.catch(handler)`, `x.then(f, handler)`, a call that cannot reject. */
  private settledPromise(expression: ts.Expression): boolean {
    const node = skipParens(expression);
    if (!ts.isCallExpression(node)) return false;
    if (isHandlerCall(node)) return this.handlersSafe(node) || this.neverRejects(node);
    const iife = calledOnTheSpot(node);
    if (iife) return this.callSafe(node) && this.cannotReject(iife);
    const fn = this.types.projectFunctionOf(node);
    return fn !== undefined && this.callSafe(node) && this.cannotReject(fn);
  }
}


/** `this` in `node`, outside nested functions other than arrow functions (which share it). */
function readsThis(node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
  if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return false;
  return ts.forEachChild(node, readsThis) ?? false;
}

/** An `await` (or `for await`) in `node`, outside nested functions. */
function containsAwait(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) return true;
  return ts.forEachChild(node, containsAwait) ?? false;
}

/** `x.catch(...)` or `x.then(...)`, by syntax. */
function isHandlerCall(call: ts.CallExpression): boolean {
  const callee = skipParens(call.expression);
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === "catch" || callee.name.text === "then");
}

/** An `await`, `for await`, `yield` or `throw` statement in `node`, outside nested functions. */
function suspendsOrThrows(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (ts.isAwaitExpression(node) || ts.isYieldExpression(node) || ts.isThrowStatement(node) || (ts.isForOfStatement(node) && node.awaitModifier)) return true;
  return ts.forEachChild(node, suspendsOrThrows) ?? false;
}

/** `resolve` or `reject`: the first or second parameter of the executor of a `new Promise(...)` of the lib's `Promise`. */
function isExecutorResolver(parameter: ts.ParameterDeclaration, types: TypeOracle): boolean {
  const executor = parameter.parent;
  const construction = executor.parent;
  if (!(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)) || executor.parameters.indexOf(parameter) > 1) return false;
  return ts.isNewExpression(construction) && construction.arguments?.[0] === executor && isLibPromiseConstruction(construction, types);
}

/** The text of a member's name, private names included; undefined for computed names. */
function memberName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** `emitter.emit("error", ...)` on Node's EventEmitter: it throws the error when nobody listens. */
function isErrorEmit(call: ts.CallExpression, ref: DeclarationRef): boolean {
  const event = call.arguments[0];
  return ref.module !== undefined && /^(?:node:)?events$/.test(ref.module) && /(?:^|\.)EventEmitter\.emit$/.test(ref.qualifiedName) && event !== undefined && ts.isStringLiteralLike(event) && event.text === "error";
}

/** `new Promise(...)` of the lib's `Promise`. */
function isLibPromiseConstruction(node: ts.NewExpression, types: TypeOracle): boolean {
  const callee = skipParens(node.expression);
  if (!ts.isIdentifier(callee) || callee.text !== "Promise") return false;
  const ref = types.calleeTarget(node)?.ref;
  return ref !== undefined && ref.isDefaultLib && ref.qualifiedName === "Promise";
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isClassLike(current)) return current;
    // `this` in a plain function is not the class instance.
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

/**
 * Every value assigned to `this.<name>` in the class (its field initializer, `this.name = v`
 * anywhere in its members, nested arrows included), or undefined when it is written any other
 * way (`+=`, `??=`, destructuring, `delete`, a `static` field, an accessor, a parameter property).
 */
function fieldValues(owner: ts.ClassLikeDeclaration, name: string): ts.Expression[] | undefined {
  const values: ts.Expression[] = [];
  let other = false;
  for (const member of owner.members) {
    if (member.name && memberName(member.name) === name && !ts.isPropertyDeclaration(member)) other = true;
    if (ts.isPropertyDeclaration(member) && memberName(member.name) === name) {
      if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) other = true;
      if (member.initializer) values.push(member.initializer);
    }
    if (ts.isConstructorDeclaration(member) && member.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.length)) other = true;
  }
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (ts.isClassLike(node) && node !== owner) return;
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === name) {
      const parent = node.parent;
      if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(parent.right);
        else other = true;
      } else if (isIncrementOrDecrement(parent) || ts.isDeleteExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === node && ts.isObjectLiteralExpression(parent.parent) && ts.isBinaryExpression(parent.parent.parent))) {
        other = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  owner.members.forEach(visit);
  return other ? undefined : values;
}

/** `Promise.resolve(...)` of the lib. */
function isLibPromiseResolve(call: ts.CallExpression, types: TypeOracle): boolean {
  const ref = types.calleeTarget(call)?.ref;
  return ref !== undefined && ref.isDefaultLib && ref.qualifiedName === "PromiseConstructor.resolve";
}

/** Does `node` refer to `parameter` anywhere (nested functions included)? */
function mentions(node: ts.Node, parameter: ts.ParameterDeclaration, types: TypeOracle): boolean {
  const name = (parameter.name as ts.Identifier).text;
  const visit = (child: ts.Node): boolean => (ts.isIdentifier(child) && child.text === name && types.parameterDeclarationOf(child) === parameter) || (ts.forEachChild(child, visit) ?? false);
  return visit(node);
}

/**
 * A returned value that is not a promise: its type says so, or it is a name or property read
 * (not a call or `new`) typed `any`/`unknown`, as a setting read from an untyped configuration
 * (`let mode = this.config.rootEndpointType; ... return mode;`). Errs towards silence: a promise
 * kept in an `any`-typed property and returned from a function whose other awaits cannot fail is
 * rare, and rules never report on `may`.
 */
function returnsData(expression: ts.Expression, types: TypeOracle): boolean {
  const status = types.promiseStatus(expression, { thenables: true });
  if (status === "never") return true;
  const node = skipParens(expression);
  return status === "may" && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && types.isUntyped(node);
}

/** `await using x = ...`: its disposal is awaited when the block ends. */
function isAwaitUsing(list: ts.VariableDeclarationList): boolean {
  const flags: number = list.flags;
  const awaitUsing: number = ts.NodeFlags.AwaitUsing;
  return (flags & awaitUsing) === awaitUsing;
}

/** `(async () => { ... })()`, `(function () { ... })()`: a function expression called on the spot. */
function calledOnTheSpot(call: ts.CallExpression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const callee = skipParens(call.expression);
  return (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) && !callee.asteriskToken ? callee : undefined;
}

function hasStatic(member: ts.Node): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

/**
 * Every property access in the project's source files, by the name it reads, and the names read
 * any other way (a destructuring `{ name }` / `{ name: local }`, an element access `x["name"]`).
 * Built once per program.
 */
function propertyAccessIndex(types: TypeOracle): { accesses: ReadonlyMap<string, readonly ts.PropertyAccessExpression[]>; otherReads: ReadonlySet<string> } {
  return types.memo(PROPERTY_INDEX_KEY, () => {
    const accesses = new Map<string, ts.PropertyAccessExpression[]>();
    const otherReads = new Set<string>();
    for (const file of types.projectSourceFiles()) {
      walkTree(file, (node) => {
        if (ts.isPropertyAccessExpression(node)) {
          const list = accesses.get(node.name.text);
          if (list) list.push(node);
          else accesses.set(node.name.text, [node]);
        } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
          const key = node.propertyName ?? node.name;
          if (ts.isIdentifier(key) || ts.isStringLiteral(key)) otherReads.add(key.text);
        } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
          otherReads.add(node.argumentExpression.text);
        }
      });
    }
    return { accesses, otherReads };
  });
}

/** Is `this` in the instance code of `owner` only ever the object of a member read (`this.x`)? Then no other code gets hold of an instance through it. */
function thisStaysInside(owner: ts.ClassLikeDeclaration): boolean {
  let escapes = false;
  const visit = (node: ts.Node): void => {
    if (escapes || ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node)) && node !== owner)) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword && !(ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node)) escapes = true;
    ts.forEachChild(node, visit);
  };
  for (const member of owner.members) if (!hasStatic(member)) ts.forEachChild(member, visit);
  return !escapes;
}

/** The instance members of `owner` that may set one of `flags` to something other than `false`, directly or by reaching such a member through `this`. */
function membersSetting(owner: ts.ClassLikeDeclaration, flags: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const members = owner.members.filter((member) => !hasStatic(member) && !ts.isConstructorDeclaration(member) && member.name !== undefined && memberName(member.name) !== undefined);
  let grew = true;
  while (grew) {
    grew = false;
    for (const member of members) {
      const name = memberName(member.name as ts.PropertyName) as string;
      if (!found.has(name) && runsRejector(member, { owner, flags, rejectors: found }, () => false)) {
        found.add(name);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * Does `node` (nested arrows included) set a gate flag to something other than `false`, or
 * mention `this.member` of a rejecting member? `dead` names `if` statements whose branch never runs.
 */
function runsRejector(node: ts.Node, gate: Gate, dead: (statement: ts.IfStatement) => boolean): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || ts.isFunctionDeclaration(child) || ts.isFunctionExpression(child) || (ts.isClassLike(child) && child !== gate.owner)) return;
    if (ts.isIfStatement(child) && dead(child)) {
      visit(child.expression);
      if (child.elseStatement) visit(child.elseStatement);
      return;
    }
    if (ts.isPropertyAccessExpression(child) && child.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const name = child.name.text;
      if (gate.rejectors.has(name)) found = true;
      const parent = child.parent;
      const writes = ts.isBinaryExpression(parent) && parent.left === child && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
      if (gate.flags.has(name) && writes && !(parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right.kind === ts.SyntaxKind.FalseKeyword)) found = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * Constructing a gate runs no rejecting member: its field initializers and its constructor's
 * body, where an `if` whose condition starts with a parameter that is not passed (`if (opts &&
 * opts.timeout > 0)`) does not run its branch.
 */
function constructionKeepsGate(gate: Gate, absent: ReadonlySet<ts.ParameterDeclaration>, types: TypeOracle): boolean {
  const dead = (statement: ts.IfStatement): boolean => {
    let condition = skipParens(statement.expression);
    while (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) condition = skipParens(condition.left);
    const parameter = ts.isIdentifier(condition) ? types.parameterDeclarationOf(condition) : undefined;
    return parameter !== undefined && absent.has(parameter);
  };
  return gate.owner.members.every((member) => {
    if (hasStatic(member)) return true;
    if (ts.isPropertyDeclaration(member)) return !member.initializer || !runsRejector(member.initializer, gate, dead);
    if (ts.isConstructorDeclaration(member)) return !member.body || !runsRejector(member.body, gate, dead);
    return true;
  });
}

/**
 * The parameters of a function (or of a class's constructor) that a call or `new` leaves unset:
 * not passed, passed `undefined`, or passed a value `unset` says is unset. Rest parameters and
 * parameters with defaults are never unset.
 */
function absentParameters(fn: ts.FunctionLikeDeclaration | ts.ClassLikeDeclaration, args: readonly ts.Expression[], unset: (argument: ts.Expression) => boolean, types: TypeOracle): Set<ts.ParameterDeclaration> {
  const declaration = ts.isClassLike(fn) ? fn.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined) : fn;
  const absent = new Set<ts.ParameterDeclaration>();
  if (!declaration || args.some((argument) => ts.isSpreadElement(argument))) return absent;
  declaration.parameters.forEach((parameter, index) => {
    if (parameter.dotDotDotToken || parameter.initializer) return;
    const argument = args[index] as ts.Expression | undefined;
    const node = argument && skipParens(argument);
    if (!node || (ts.isIdentifier(node) && node.text === "undefined" && types.parameterDeclarationOf(node) === undefined) || unset(node)) absent.add(parameter);
  });
  return absent;
}

/** A read that only tests the value: `if (x)`, `!x`, `x ? a : b`, `x === y`, `typeof x`, the left of `x && ...`. */
function isPresenceTest(reference: ts.Expression): boolean {
  let node: ts.Node = reference;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === node) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === node) return true;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isTypeOfExpression(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const kind = parent.operatorToken.kind;
    if (kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken) return true;
    // `x && ...` goes on only when `x` is falsy; `x || y` and `x ?? y` would hand `x` on.
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.left === node) return true;
  }
  return false;
}

/** `++x`, `x--` and the like: a write. (`!x`, `-x`, `typeof x` only read.) */
function isIncrementOrDecrement(node: ts.Node): boolean {
  return ts.isPostfixUnaryExpression(node) || (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken));
}

/** The statement of its source file that `node` is in. */
function topLevelStatementOf(node: ts.Node): ts.Statement | undefined {
  let current = node;
  while (!ts.isSourceFile(current.parent)) {
    current = current.parent;
    if (!current.parent) return undefined;
  }
  return current as ts.Statement;
}

/**
 * `node` is evaluated whenever the top-level `statement` runs: it is reached only through
 * parentheses, call arguments, and `x || (x = {})` (where `x` is truthy after the whole either way).
 */
function runsWhenStatementRuns(node: ts.Node, statement: ts.Statement): boolean {
  for (let current = node; current !== statement; current = current.parent) {
    const parent = current.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isExpressionStatement(parent)) continue;
    if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) continue;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.BarBarToken && parent.right === current && ts.isBinaryExpression(skipParens(parent.right)) && ts.isIdentifier(parent.left)) continue;
    return false;
  }
  return true;
}
