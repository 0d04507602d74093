import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import { lintCode, TEST_COMPILER_OPTIONS } from "../helpers/ruleTester";

const RULE = "misused-promise";
/** Line 1 of most cases. */
const D = "declare function save(id: string): Promise<void>; declare function isAdmin(u: string): Promise<boolean>; declare const ids: string[];";
const H = "(error) => { console.error(error); }";

const FOR_OF = "Replace with a `for...of` loop";
const ALL = "Await all with `Promise.all(items.map(...))`";
const AWAIT = "Add `await`";
const WRAP = "Wrap in a sync function that handles the promise";

/** The messages met most often, written out so that a change of wording is a visible change here. */
const LISTENER =
  "Async function used as an event listener: the emitter ignores the promise it returns, so a rejection becomes an unhandled rejection, which ends the Node.js process. Catch errors inside the listener, or wrap it in a sync listener that calls it with `void` and `.catch()`.";
const CONDITION = "Promise used as a condition: a promise object is always truthy, so this test never looks at the value it resolves to. Did you forget `await`?";
const FOR_EACH =
  "`forEach` does not wait for async callbacks: the iterations run concurrently, the loop returns before they finish, and a rejection is unhandled. Use `for...of` with `await`, or `await Promise.all(items.map(...))`.";
const FOR_EACH_CAUGHT =
  "`forEach` does not wait for async callbacks: the iterations run concurrently and the loop returns before they finish. (This callback catches its own errors, so rejections are handled, but order and completion are still lost.) Use `for...of` with `await`, or `await Promise.all(items.map(...))`.";
const SPREAD = "Spreading a promise copies none of the value it resolves to (a promise has no own enumerable properties). Did you forget `await`?";
const VOID_ARGUMENT = (callee: string) =>
  `Promise-returning function passed where a function returning \`void\` is expected: \`${callee}\` ignores the promise, so a rejection becomes an unhandled rejection, which ends the Node.js process, and nothing waits for the work to finish. Handle errors inside and start it with \`void\`, or use an API that awaits callbacks.`;
const VOID_OVERRIDE = (method: string, base: string, member: string) =>
  `Promise-returning method \`${method}\` overrides or implements \`${member}\`, which returns \`void\`: code that calls it through \`${base}\` ignores the promise, so a rejection is unhandled and nothing waits for the work to finish. Handle errors inside the method, or change \`${member}\` to return a promise.`;
const STORED_CONDITION = (stored: string) =>
  `Promise stored in \`${stored}\` used as a condition: a promise object is always truthy, so this test neither looks at the value it resolves to nor, as declared, tells whether the work was started. If it checks for a started operation, declare the variable or property as \`Promise<T> | undefined\` (or optional); if it needs the result, await the promise first.`;
const VOID_ASSIGNMENT = (target: string) =>
  `Promise-returning function assigned to \`${target}\`, which is typed to return \`void\`: whoever calls it ignores the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.`;
const VOID_RETURN =
  "Promise-returning function returned where the return type expects a function returning `void`: whoever calls the returned function ignores its promise, so a rejection is unhandled. Handle errors inside, or change the return type to return a promise.";

/** Shaped like @types/mocha: every test and hook function declares a done-callback and an async overload. */
const MOCHA = [
  "interface Context { timeout(ms: number): this }",
  "type Done = (err?: any) => void;",
  "type Func = (this: Context, done: Done) => void;",
  "type AsyncFunc = (this: Context) => PromiseLike<any>;",
  "interface Test { title: string }",
  "interface TestFunction { (fn: Func): Test; (fn: AsyncFunc): Test; (title: string, fn?: Func): Test; (title: string, fn?: AsyncFunc): Test; only: TestFunction; skip: TestFunction }",
  "interface HookFunction { (fn: Func): void; (fn: AsyncFunc): void; (name: string, fn?: Func): void; (name: string, fn?: AsyncFunc): void }",
  "interface SuiteFunction { (title: string, fn: (this: Context) => void): void }",
  "declare var it: TestFunction; declare var test: TestFunction; declare var describe: SuiteFunction;",
  "declare var beforeEach: HookFunction; declare var after: HookFunction;",
  "declare function before(fn?: Func): void; declare function before(fn?: AsyncFunc): void;",
].join(" ");
/** Shaped like @types/jasmine: one parameter whose type is a union of a done-callback and an async form. */
const JASMINE = [
  "type DoneFn = { (): void; fail(message?: string): void };",
  "type ImplementationCallback = ((done: DoneFn) => void) | (() => Promise<void>);",
  "declare function it(expectation: string, assertion?: ImplementationCallback, timeout?: number): void;",
  "declare function beforeEach(action: ImplementationCallback, timeout?: number): void;",
].join(" ");

/** A project compiled without `strictNullChecks` (`strict: false`): `Promise<T> | undefined` has the type `Promise<T>`. */
const LOOSE = { compilerOptions: { ...TEST_COMPILER_OPTIONS, strict: false } };

const lines = (...parts: string[]) => parts.join("\n");
/**
 * bullmq's lock manager as built JavaScript: a timer that awaits a method of its own class, which
 * runs its work through `this.worker.trace(...)` (the worker is a constructor parameter, so `any`)
 * with a callback that catches everything; `extendLocks` is that method's body.
 */
const LOCK_MANAGER = (extendLocks: string) =>
  lines(
    "export class LockManager {",
    "  constructor(worker, opts) {",
    "    this.worker = worker;",
    "    this.opts = opts;",
    "    this.trackedJobs = new Map();",
    "  }",
    "  async extendLocks(jobIds) {",
    extendLocks,
    "  }",
    "  startLockExtenderTimer() {",
    "    clearTimeout(this.lockRenewalTimer);",
    "    this.lockRenewalTimer = setTimeout(async () => {",
    "      const jobsToExtend = [...this.trackedJobs.keys()];",
    "      if (jobsToExtend.length) {",
    "        await this.extendLocks(jobsToExtend);",
    "      }",
    "      this.startLockExtenderTimer();",
    "    }, this.opts.lockRenewTime / 2);",
    "  }",
    "}",
  );
const TRACED_EXTEND = lines(
  "    await this.worker.trace('extendLocks', async (span) => {",
  "      span?.setAttributes({ jobs: jobIds.length });",
  "      try {",
  "        const failed = await this.worker.extendJobLocks(jobIds, this.opts.lockDuration);",
  "        if (failed.length > 0) this.worker.emit('lockRenewalFailed', failed);",
  "      } catch (err) {",
  "        this.worker.emit('error', err);",
  "      }",
  "    });",
);
/** A JavaScript file of a project with `allowJs`, `checkJs` off and `strict: false` (as for bullmq, which ships compiled JavaScript). */
const LOOSE_JS = { fileName: "worker.js", compilerOptions: { ...TEST_COMPILER_OPTIONS, strict: false, allowJs: true, checkJs: false } };

/** An application's event bus whose `on` wraps every listener in an async function that awaits it and logs errors. */
const BUS = [
  "type Listener = (...args: any[]) => void;",
  "class EventBus {",
  "  private readonly listeners = new Map<string, Listener[]>();",
  "  constructor(private readonly log: (error: unknown) => void) {}",
  "  on(event: string, listener: (...args: any[]) => void): void {",
  '    if (typeof listener !== "function") throw new TypeError("listener must be a function");',
  "    const list = this.listeners.get(event) ?? [];",
  "    list.push(async (...a: any[]) => {",
  "      try {",
  "        await listener(...a);",
  "      } catch (e) {",
  "        this.log(e);",
  "      }",
  "    });",
  "    this.listeners.set(event, list);",
  "  }",
  "  emit(event: string, ...args: any[]): void {",
  "    for (const listener of this.listeners.get(event) ?? []) listener(...args);",
  "  }",
  "}",
  "const bus = new EventBus((e) => console.error(e));",
].join("\n");
const BUS_LINES = BUS.split("\n").length;

/** Shaped like an RPC SDK's transport: callbacks the transport calls and ignores. */
const TRANSPORT = "interface Message { id: number } interface Transport { onmessage?: (message: Message) => void; onclose?: () => void; start(): Promise<void> } declare const transport: Transport;";

const JSX_PRELUDE = "declare global { namespace JSX { interface Element {} interface IntrinsicElements { button: { onClick?: () => void } } } }";

/** Shaped like bullmq's RedisConnection: a reconnect timer whose async callback catches everything. */
const RECONNECT = [
  'import { EventEmitter } from "node:events";',
  "interface Client { connect(): Promise<void> }",
  "export class RedisConnection extends EventEmitter {",
  "  private timer: NodeJS.Timeout | undefined;",
  "  private attempts = 0;",
  "  constructor(private readonly duplicateRaw: () => Promise<Client>) { super(); }",
  "  private scheduleReconnect(): void {",
  "    this.attempts++;",
  "    console.warn(`reconnect attempt ${this.attempts}`);",
  "  }",
  "  reconnect(delay: number): void {",
  "    this.timer = setTimeout(async () => {",
  "      try {",
  "        const raw = await this.duplicateRaw();",
  "        await raw.connect();",
  "      } catch {",
  "        this.scheduleReconnect();",
  "      }",
  "    }, delay);",
  "  }",
  "}",
].join("\n");
/** Shaped like puppeteer's network manager: an auth listener whose only await has a `.catch(handler)`. */
const AUTH = [
  'import { EventEmitter } from "node:events";',
  "interface Credentials { username: string; password: string }",
  "interface HTTPRequest { continueWithAuth(credentials: Credentials): Promise<void> }",
  "function log(error: unknown): void {",
  "  console.error(error);",
  "}",
  "export function handleAuth(emitter: EventEmitter, request: HTTPRequest, credentials: Credentials) {",
  '  emitter.on("authRequired", async () => {',
  "    await request.continueWithAuth(credentials).catch((error) => log(error));",
  "  });",
  "}",
].join("\n");
/** Shaped like actionhero's process: a signal handler whose `stop()` can reject. */
const SIGNALS = [
  "declare function closeServers(): Promise<void>;",
  "export class Process {",
  "  async stop(): Promise<void> {",
  "    await closeServers();",
  "  }",
  "  listen(): void {",
  '    process.on("SIGINT", async () => {',
  "      await this.stop();",
  "    });",
  "  }",
  "}",
].join("\n");

/** Shaped like bullmq's build (dist/esm/classes): the JavaScript a build emits, beside the `.d.ts` its imports resolve to. */
const JS_BUILD = { compilerOptions: { ...TEST_COMPILER_OPTIONS, allowJs: true, checkJs: false } };
const CHILD_JS = [
  "var ChildStatus;",
  "(function (ChildStatus) {",
  '    ChildStatus[ChildStatus["Idle"] = 0] = "Idle";',
  '    ChildStatus[ChildStatus["Terminating"] = 1] = "Terminating";',
  "})(ChildStatus || (ChildStatus = {}));",
  "export class ChildProcessor {",
  "    constructor(send) {",
  "        this.send = send;",
  "        this.status = ChildStatus.Idle;",
  "    }",
  "    async waitForCurrentJobAndExit() {",
  "        this.status = ChildStatus.Terminating;",
  "        try {",
  "            await this.currentJobPromise;",
  "        }",
  "        finally {",
  "            process.exit(process.exitCode || 0);",
  "        }",
  "    }",
  "}",
].join("\n");
const CHILD_DTS = "export declare class ChildProcessor {\n    private send;\n    status: number;\n    currentJobPromise: Promise<unknown> | undefined;\n    constructor(send: (message: unknown) => Promise<void>);\n    waitForCurrentJobAndExit(): Promise<void>;\n}";
const MAIN_BASE = 'import { ChildProcessor } from "./child-processor";\nexport default (send) => {\n    const childProcessor = new ChildProcessor(send);\n    process.on("SIGTERM", () => childProcessor.waitForCurrentJobAndExit());\n    process.on("SIGINT", () => childProcessor.waitForCurrentJobAndExit());\n};';

/** Shaped like puppeteer's `Deferred` (src/util/Deferred.ts): `valueOrThrow()` throws only after `reject()`, or a timeout set at creation. */
const DEFERRED = [
  "class TimeoutError extends Error {}",
  "interface DeferredOptions { message: string; timeout: number }",
  "export class Deferred<T, V = Error> {",
  "  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {",
  "    return new Deferred<R, X>(opts);",
  "  }",
  "  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {",
  "    try {",
  "      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));",
  "    } finally {",
  "      for (const deferred of awaitables) deferred.reject(new Error(\"Timeout cleared\"));",
  "    }",
  "  }",
  "  #isResolved = false;",
  "  #isRejected = false;",
  "  #value: T | V | TimeoutError | undefined;",
  "  #resolve!: (value: void) => void;",
  "  #taskPromise = new Promise<void>((resolve) => {",
  "    this.#resolve = resolve;",
  "  });",
  "  #timeoutId: ReturnType<typeof setTimeout> | undefined;",
  "  constructor(opts?: DeferredOptions) {",
  "    if (opts && opts.timeout > 0) {",
  "      this.#timeoutId = setTimeout(() => {",
  "        this.reject(new TimeoutError(opts.message));",
  "      }, opts.timeout);",
  "    }",
  "  }",
  "  #finish(value: T | V | TimeoutError) {",
  "    clearTimeout(this.#timeoutId);",
  "    this.#value = value;",
  "    this.#resolve();",
  "  }",
  "  resolve(value: T): void {",
  "    if (this.#isRejected || this.#isResolved) return;",
  "    this.#isResolved = true;",
  "    this.#finish(value);",
  "  }",
  "  reject(error: V | TimeoutError): void {",
  "    if (this.#isRejected || this.#isResolved) return;",
  "    this.#isRejected = true;",
  "    this.#finish(error);",
  "  }",
  "  resolved(): boolean {",
  "    return this.#isResolved;",
  "  }",
  "  #promise: Promise<T> | undefined;",
  "  valueOrThrow(): Promise<T> {",
  "    if (!this.#promise) {",
  "      this.#promise = (async () => {",
  "        await this.#taskPromise;",
  "        if (this.#isRejected) {",
  "          throw this.#value;",
  "        }",
  "        return this.#value as T;",
  "      })();",
  "    }",
  "    return this.#promise;",
  "  }",
  "}",
].join("\n");

/** Shaped like puppeteer's FrameManager: listeners gated on a `Deferred` the class only ever resolves. */
const FRAMES = [
  DEFERRED,
  'import { EventEmitter } from "node:events";',
  "export class FrameManager {",
  "  #frameTreeHandled?: Deferred<void>;",
  "  #frames = new Map<string, string>();",
  "  setupEventListeners(session: EventEmitter) {",
  '    session.on("Page.frameAttached", async (event: { frameId: string; parentFrameId: string }) => {',
  "      await this.#frameTreeHandled?.valueOrThrow();",
  "      this.#frames.set(event.frameId, event.parentFrameId);",
  "    });",
  '    session.on("Page.frameDetached", async (event: { frameId: string }) => {',
  "      await this.#frameTreeHandled?.valueOrThrow();",
  "      this.#frames.delete(event.frameId);",
  "    });",
  "  }",
  "  async initialize(getFrameTree: () => Promise<string[]>) {",
  "    this.#frameTreeHandled?.resolve();",
  "    this.#frameTreeHandled = Deferred.create();",
  "    try {",
  "      for (const id of await getFrameTree()) this.#frames.set(id, \"\");",
  "    } finally {",
  "      this.#frameTreeHandled?.resolve();",
  "    }",
  "  }",
  "}",
].join("\n");

/** Shaped like puppeteer's Browser: field arrows by reference awaiting a public `Deferred` of the target, which the project only resolves. */
const BROWSER = `${DEFERRED}\nimport { EventEmitter } from "node:events";\nenum InitializationStatus { SUCCESS = "success", ABORTED = "aborted" }\nexport class Target {\n  _initializedDeferred = Deferred.create<InitializationStatus>();\n  _isClosedDeferred = Deferred.create<void>();\n  exposed = true;\n  initialized(): void {\n    if (!this._initializedDeferred.resolved()) this._initializedDeferred.resolve(InitializationStatus.SUCCESS);\n  }\n}\nexport class Browser extends EventEmitter {\n  attach(targets: EventEmitter) {\n    targets.on("available", this.#onAttachedToTarget);\n    targets.on("gone", this.#onDetachedFromTarget);\n  }\n  #onAttachedToTarget = async (target: Target) => {\n    if (target.exposed && (await target._initializedDeferred.valueOrThrow()) === InitializationStatus.SUCCESS) {\n      this.emit("targetcreated", target);\n    }\n  };\n  #onDetachedFromTarget = async (target: Target): Promise<void> => {\n    target._initializedDeferred.resolve(InitializationStatus.ABORTED);\n    target._isClosedDeferred.resolve();\n    if (target.exposed && (await target._initializedDeferred.valueOrThrow()) === InitializationStatus.SUCCESS) {\n      this.emit("targetdestroyed", target);\n    }\n  };\n}`;

/** A gate written for the project: `wait()` rejects only after `fail()`, which the project never calls. */
const LATCH = `export class Latch {\n  #failed = false;\n  #open!: () => void;\n  #opened = new Promise<void>((resolve) => {\n    this.#open = resolve;\n  });\n  open(): void {\n    this.#open();\n  }\n  fail(): void {\n    this.#failed = true;\n    this.#open();\n  }\n  async wait(): Promise<void> {\n    await this.#opened;\n    if (this.#failed) throw new Error("latch failed");\n  }\n}\nexport class Worker {\n  private readonly started = new Latch();\n  constructor(events: { on(name: string, listener: () => void): void }, private readonly log: string[]) {\n    events.on("job", async () => {\n      await this.started.wait();\n      this.log.push("job");\n    });\n  }\n  start(): void {\n    this.started.open();\n  }\n}`;

/** Shaped like puppeteer's ExecutionContext: an async listener with no `await`. */
const CLEARED = [
  'import { EventEmitter } from "node:events";',
  'const disposeSymbol: unique symbol = Symbol("dispose");',
  "export class IsolatedWorld {",
  "  private context: object | undefined;",
  "  constructor(clientEmitter: EventEmitter) {",
  '    clientEmitter.on("Runtime.executionContextsCleared", async () => {',
  "      this[disposeSymbol]();",
  "    });",
  "  }",
  "  [disposeSymbol](): void {",
  "    this.context = undefined;",
  "  }",
  "}",
].join("\n");

/** Shaped like puppeteer's TargetManager: listeners handed on by reference (a field arrow, a bound method, a module const). */
const TARGETS = [
  'import { EventEmitter } from "node:events";',
  "interface TargetEvent { id: string }",
  "class Target { constructor(readonly id: string) {} }",
  "function debugError(error: unknown): void {",
  "  console.error(error);",
  "}",
  "declare function detach(id: string): Promise<void>;",
  "export class TargetManager {",
  "  #targets = new Map<string, Target>();",
  "  constructor(connection: EventEmitter, session: EventEmitter) {",
  '    connection.on("Target.targetCreated", this.#onTargetCreated);',
  '    connection.on("Target.detachedFromTarget", this.#onDetached.bind(this));',
  '    session.on("Target.targetInfoChanged", handle);',
  "  }",
  "  #onTargetCreated = async (event: TargetEvent) => {",
  "    this.#targets.set(event.id, new Target(event.id));",
  "  };",
  "  async #onDetached(event: TargetEvent) {",
  "    try {",
  "      await this.#cleanup(event);",
  "    } catch (error) {",
  "      debugError(error);",
  "    }",
  "  }",
  "  async #cleanup(event: TargetEvent) {",
  "    this.#targets.delete(event.id);",
  "    await detach(event.id);",
  "  }",
  "}",
  "const handle = async (event: TargetEvent) => {",
  '  console.log("changed", event.id);',
  "};",
].join("\n");

/** Shaped like puppeteer's WebSocket transport: a listener that waits for a delay, then dispatches. */
const DELAYED = [
  'import { EventEmitter } from "node:events";',
  "export class DelayedTransport {",
  "  constructor(private readonly ws: EventEmitter, private readonly delay: number, private readonly dispatch: (message: unknown) => void) {",
  '    ws.on("message", async (message: string) => {',
  "      await new Promise((resolve) => setTimeout(resolve, this.delay));",
  "      this.dispatch(JSON.parse(message));",
  "    });",
  "  }",
  "}",
].join("\n");

/** Shaped like puppeteer's ExecutionContext: a bound method whose sync part may throw and whose one await is in try/catch. */
const BINDING = [
  'import { EventEmitter } from "node:events";',
  "interface BindingCalledEvent { executionContextId: number; payload: string }",
  "interface Binding { run(context: ExecutionContext, seq: number, args: unknown[]): Promise<void> }",
  "export class ExecutionContext extends EventEmitter {",
  "  #id = 1;",
  "  #bindings = new Map<string, Binding>();",
  "  #logger?: (error: unknown) => void;",
  "  constructor(client: EventEmitter) {",
  "    super();",
  '    client.on("Runtime.bindingCalled", this.#onBindingCalled.bind(this));',
  "  }",
  "  async #onBindingCalled(event: BindingCalledEvent): Promise<void> {",
  "    if (event.executionContextId !== this.#id) return;",
  "    let payload: { type: string; name: string; seq: number; args: unknown[] };",
  "    try {",
  "      payload = JSON.parse(event.payload);",
  "    } catch {",
  "      return;",
  "    }",
  "    const { type, name, seq, args } = payload;",
  '    if (type !== "internal") {',
  '      this.emit("bindingcalled", event);',
  "      return;",
  "    }",
  "    try {",
  "      const binding = this.#bindings.get(name);",
  "      await binding?.run(this, seq, args);",
  "    } catch (error) {",
  "      this.#logger?.(error);",
  "    }",
  "  }",
  "}",
].join("\n");

/** Shaped like actionhero's web server: a listener awaiting a project method whose awaits fail only as sync code would. */
const WEB = [
  'import { EventEmitter } from "node:events";',
  "interface Connection { method: string; params: Record<string, unknown>; req: EventEmitter }",
  "interface ServerConfig { [key: string]: any }",
  "declare const form: { parse(req: EventEmitter, done: (error: Error | null, fields: string[]) => void): void };",
  "export class WebServer extends EventEmitter {",
  "  config: ServerConfig = {};",
  "  start(): void {",
  '    this.on("connection", async (connection: Connection) => {',
  "      const requestMode = await this.determineRequestParams(connection);",
  '      if (requestMode === "api") this.processAction(connection);',
  "    });",
  "  }",
  "  processAction(connection: Connection): void {",
  "    console.log(connection.params);",
  "  }",
  "  async determineRequestParams(connection: Connection) {",
  "    const requestMode = this.config.rootEndpointType;",
  '    if (connection.method === "OPTIONS") return "options";',
  "    let rawBody = Promise.resolve(Buffer.alloc(0));",
  "    if (this.config.saveRawBody) {",
  "      rawBody = new Promise((resolve, reject) => {",
  "        let body = Buffer.alloc(0);",
  '        connection.req.on("data", (chunk: Buffer) => { body = Buffer.concat([body, chunk]); }).on("end", () => resolve(body));',
  "      });",
  "    }",
  "    const fields = await new Promise<string[]>((resolve) => {",
  "      form.parse(connection.req, (error, fields) => {",
  "        if (error) connection.params.error = error;",
  "        resolve(fields);",
  "      });",
  "    });",
  "    connection.params.body = fields;",
  "    connection.params.rawBody = await rawBody;",
  "    return requestMode;",
  "  }",
  "}",
].join("\n");

/** Shaped like bullmq's child process: a signal handler, a sync arrow, calling a method that cannot reject. */
const CHILD = [
  "declare function runJob(): Promise<void>;",
  "class ChildProcessor {",
  "  status = \"idle\";",
  "  currentJobPromise: Promise<void> | undefined;",
  "  start(): void {",
  "    this.currentJobPromise = runJob();",
  "  }",
  "  async waitForCurrentJobAndExit(): Promise<void> {",
  "    this.status = \"terminating\";",
  "    try {",
  "      await this.currentJobPromise;",
  "    } finally {",
  "      process.exit(process.exitCode || 0);",
  "    }",
  "  }",
  "}",
  "const childProcessor = new ChildProcessor();",
  "process.on(\"SIGTERM\", () => childProcessor.waitForCurrentJobAndExit());",
  "process.on(\"SIGINT\", () => childProcessor.waitForCurrentJobAndExit());",
].join("\n");

const invalid: InvalidCase[] = [
  {
    name: "return values: an async function as the expression body of an arrow typed to return () => void",
    code: `${D}\ntype Cleanup = () => void;\nexport const cleanupFor = (id: string): Cleanup => async () => save(id);`,
    errors: [
      {
        messageId: "voidReturnReturnValue",
        line: 3,
        column: 52,
        message: VOID_RETURN,
        fixes: [
          [WRAP, `${D}\ntype Cleanup = () => void;\nexport const cleanupFor = (id: string): Cleanup => () => { void (async () => save(id))().catch(${H}); };`],
        ],
      },
    ],
  },
  {
    name: "return values: an async function returned from a function declared to return () => void",
    code: `${D}\nexport function saver(id: string): () => void {\n  return async () => {\n    await save(id);\n  };\n}`,
    errors: [
      {
        messageId: "voidReturnReturnValue",
        line: 3,
        column: 10,
        fixes: [[WRAP, `${D}\nexport function saver(id: string): () => void {\n  return () => { void (async () => {\n    await save(id);\n  })().catch(${H}); };\n}`]],
        message: VOID_RETURN,
      },
    ],
  },
  {
    name: "return values: an async effect cleanup (shaped like React's EffectCallback)",
    code: `${D}\ntype Destructor = () => void;\ndeclare function useEffect(effect: () => void | Destructor, deps?: unknown[]): void;\nexport function useAutosave(id: string) {\n  useEffect(() => {\n    return async () => save(id);\n  }, [id]);\n}`,
    errors: [
      {
        messageId: "voidReturnReturnValue",
        line: 6,
        column: 12,
        message: VOID_RETURN,
        fixes: [
          [
            WRAP,
            `${D}\ntype Destructor = () => void;\ndeclare function useEffect(effect: () => void | Destructor, deps?: unknown[]): void;\nexport function useAutosave(id: string) {\n  useEffect(() => {\n    return () => { void (async () => save(id))().catch(${H}); };\n  }, [id]);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callable interfaces: a handler typed by an interface whose call signature returns a promise",
    code: `interface JobHandler {\n  (id: string): Promise<void>;\n}\nexport function schedule(handler: JobHandler, ids: string[]) {\n  setTimeout(handler, 1000, ids[0]);\n  ids.forEach(handler);\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 14,
        message: VOID_ARGUMENT("setTimeout"),
      },
      {
        messageId: "forEach",
        line: 6,
        column: 15,
        message: FOR_EACH,
      },
    ],
  },
  {
    name: "spread arguments: an array of async hooks spread into a rest of void callbacks",
    code: `declare function onExit(...hooks: Array<() => void>): void;\ndeclare const cleanups: Array<() => Promise<void>>;\nonExit(...cleanups);`,
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 11, message: VOID_ARGUMENT("onExit") }],
  },
  {
    name: "spread arguments: a tuple whose async element fills a void callback parameter",
    code: `declare function watch(path: string, onChange: () => void): void;\ndeclare const args: [string, () => Promise<void>];\nwatch(...args);`,
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 10, message: VOID_ARGUMENT("watch") }],
  },
  {
    name: "conditions with ??: a promise on the right is the tested value when the left is absent",
    code: `declare function fetchFlag(name: string): Promise<boolean>;\nexport async function enabled(cached: boolean | undefined) {\n  if (cached ?? fetchFlag("beta")) return "on";\n  return "off";\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 3,
        column: 17,
        fixes: [[AWAIT, `declare function fetchFlag(name: string): Promise<boolean>;\nexport async function enabled(cached: boolean | undefined) {\n  if (cached ?? await fetchFlag("beta")) return "on";\n  return "off";\n}`]],
        message: CONDITION,
      },
    ],
  },
  {
    name: "spreads: a promise in either branch of ? : or on the right of &&",
    code: `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function options(withDefaults: boolean) {\n  const a = { ...(withDefaults ? loadDefaults() : {}) };\n  const b = { ...(withDefaults && loadDefaults()) };\n  return { ...a, ...b };\n}`,
    errors: [
      {
        messageId: "spread",
        line: 3,
        column: 34,
        fixes: [[AWAIT, `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function options(withDefaults: boolean) {\n  const a = { ...(withDefaults ? await loadDefaults() : {}) };\n  const b = { ...(withDefaults && loadDefaults()) };\n  return { ...a, ...b };\n}`]],
        message: SPREAD,
      },
      {
        messageId: "spread",
        line: 4,
        column: 35,
        fixes: [[AWAIT, `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function options(withDefaults: boolean) {\n  const a = { ...(withDefaults ? loadDefaults() : {}) };\n  const b = { ...(withDefaults && await loadDefaults()) };\n  return { ...a, ...b };\n}`]],
        message: SPREAD,
      },
    ],
  },
  {
    name: "finally: a `finally` hook of a project class typed `() => void` is judged by its type",
    code: `${D}\nclass Job {\n  private readonly hooks: Array<() => void> = [];\n  finally(hook: () => void): this {\n    this.hooks.push(hook);\n    return this;\n  }\n}\nnew Job().finally(async () => save("done"));`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 9,
        column: 19,
        message: VOID_ARGUMENT("finally"),
        fixes: [
          [
            WRAP,
            `${D}\nclass Job {\n  private readonly hooks: Array<() => void> = [];\n  finally(hook: () => void): this {\n    this.hooks.push(hook);\n    return this;\n  }\n}\nnew Job().finally(() => { void (async () => save("done"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "rest parameters: the first element of an array-typed rest is checked like the others",
    code: `${D}\ndeclare function onShutdown(...hooks: Array<() => void>): void;\nonShutdown(async () => save("a"), async () => save("b"));`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 12,
        message: VOID_ARGUMENT("onShutdown"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function onShutdown(...hooks: Array<() => void>): void;\nonShutdown(() => { void (async () => save("a"))().catch(${H}); }, async () => save("b"));`,
          ],
        ],
      },
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 35,
        message: VOID_ARGUMENT("onShutdown"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function onShutdown(...hooks: Array<() => void>): void;\nonShutdown(async () => save("a"), () => { void (async () => save("b"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "rest parameters: a tuple-typed rest gives each position its own element type",
    code: `${D}\ndeclare function route(path: string, ...handlers: [(id: string) => void, number?]): void;\nroute("/save", async (id) => save(id), 3);`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 16,
        message: VOID_ARGUMENT("route"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function route(path: string, ...handlers: [(id: string) => void, number?]): void;\nroute("/save", (id) => { void (async () => save(id))().catch(${H}); }, 3);`,
          ],
        ],
      },
    ],
  },
  {
    name: "rest parameters: a generic tuple rest ending in a void callback",
    code: `${D}\ndeclare function withArgs<A extends unknown[]>(...args: [...A, () => void]): void;\nwithArgs(1, "x", async () => save("a"));`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 18,
        message: VOID_ARGUMENT("withArgs"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function withArgs<A extends unknown[]>(...args: [...A, () => void]): void;\nwithArgs(1, "x", () => { void (async () => save("a"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "forEach with an async block callback: for...of and Promise.all offered",
    code: `${D}\nasync function f() {\n  ids.forEach(async (id) => {\n    await save(id);\n  });\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 15,
        message: FOR_EACH,
        fixes: [
          [FOR_OF, `${D}\nasync function f() {\n  for (const id of ids) {\n    await save(id);\n  }\n}`],
          [ALL, `${D}\nasync function f() {\n  await Promise.all(ids.map(async (id) => {\n    await save(id);\n  }));\n}`],
        ],
      },
    ],
  },
  {
    name: "forEach with an expression body",
    code: `${D}\nasync function f() {\n  ids.forEach(async (id) => save(id));\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 15,
        message: FOR_EACH,
        fixes: [
          [FOR_OF, `${D}\nasync function f() {\n  for (const id of ids) { await save(id); }\n}`],
          [ALL, `${D}\nasync function f() {\n  await Promise.all(ids.map(async (id) => save(id)));\n}`],
        ],
      },
    ],
  },
  {
    name: "forEach with a sync arrow returning a promise",
    code: `${D}\nfunction f() {\n  ids.forEach((id) => save(id));\n}`,
    errors: [{ messageId: "forEach", line: 3, column: 15, fixes: [], message: FOR_EACH }],
  },
  {
    name: "forEach callback that catches its own errors: still reported, message says so",
    code: `${D}\nfunction f() {\n  ids.forEach(async (id) => {\n    try {\n      await save(id);\n    } catch {}\n  });\n}`,
    errors: [{ messageId: "forEachCaught", line: 3, column: 15, message: FOR_EACH_CAUGHT }],
  },
  {
    name: "forEach with a reference to an async function",
    code: `${D}\nasync function handle(id: string) { await save(id); }\nasync function f() {\n  ids.forEach(handle);\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 4,
        column: 15,
        fixes: [[ALL, `${D}\nasync function handle(id: string) { await save(id); }\nasync function f() {\n  await Promise.all(ids.map(handle));\n}`]],
        message: FOR_EACH,
      },
    ],
  },
  {
    name: "forEach with a return in the callback: no for...of (return would mean continue)",
    code: `${D}\nasync function f() {\n  ids.forEach(async (id) => {\n    if (!id) return;\n    await save(id);\n  });\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 15,
        fixes: [[ALL, `${D}\nasync function f() {\n  await Promise.all(ids.map(async (id) => {\n    if (!id) return;\n    await save(id);\n  }));\n}`]],
        message: FOR_EACH,
      },
    ],
  },
  {
    name: "async EventEmitter listener",
    code: `import { EventEmitter } from "node:events";\n${D}\nconst bus = new EventEmitter();\nbus.on("message", async (id: string) => {\n  await save(id);\n});`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 19,
        message: LISTENER,
        fixes: [[WRAP, `import { EventEmitter } from "node:events";\n${D}\nconst bus = new EventEmitter();\nbus.on("message", (id: string) => { void (async () => {\n  await save(id);\n})().catch(${H}); });`]],
      },
    ],
  },
  {
    name: "async setTimeout callback",
    code: `${D}\nsetTimeout(async () => save("x"), 10);`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 2,
        column: 12,
        fixes: [[WRAP, `${D}\nsetTimeout(() => { void (async () => save("x"))().catch(${H}); }, 10);`]],
        message: VOID_ARGUMENT("setTimeout"),
      },
    ],
  },
  {
    name: "a parameter typed to return void",
    code: `${D}\ndeclare function onDone(callback: () => void): void;\nonDone(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 8,
        message: VOID_ARGUMENT("onDone"),
        fixes: [
          [WRAP, `${D}\ndeclare function onDone(callback: () => void): void;\nonDone(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`],
        ],
      },
    ],
  },
  {
    name: "JSX event attribute",
    code: `${JSX_PRELUDE}\n${D}\nexport const view = <button onClick={async () => save("x")} />;`,
    fileName: "view.tsx",
    errors: [
      {
        messageId: "voidReturnAttribute",
        line: 3,
        column: 38,
        message: "Promise-returning function passed to the JSX attribute `onClick`, which expects a function returning `void`: the component ignores the promise, so a rejection is unhandled. Handle errors inside and start the work with `void`.",
        fixes: [
          [WRAP, `${JSX_PRELUDE}\n${D}\nexport const view = <button onClick={() => { void (async () => save("x"))().catch(${H}); }} />;`],
        ],
      },
    ],
  },
  {
    name: "object property typed to return void",
    code: `${D}\nexport const hooks: { run: () => void } = {\n  run: async () => save("x"),\n};`,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 3,
        column: 8,
        message: VOID_ASSIGNMENT("run"),
        fixes: [
          [WRAP, `${D}\nexport const hooks: { run: () => void } = {\n  run: () => { void (async () => save("x"))().catch(${H}); },\n};`],
        ],
      },
    ],
  },
  {
    name: "async method in an object literal typed to return void",
    code: `${D}\nexport const hooks: { run(): void } = {\n  async run() {\n    await save("x");\n  },\n};`,
    errors: [{ messageId: "voidReturnProperty", line: 3, column: 9, message: VOID_ASSIGNMENT("run") }],
  },
  {
    name: "typed variable",
    code: `${D}\nexport const handler: () => void = async () => save("x");`,
    errors: [
      {
        messageId: "voidReturnVariable",
        line: 2,
        column: 36,
        message: "Promise-returning function assigned to `handler`, whose type returns `void`: callers ignore the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
        fixes: [
          [WRAP, `${D}\nexport const handler: () => void = () => { void (async () => save("x"))().catch(${H}); };`],
        ],
      },
    ],
  },
  {
    name: "promise as an if condition in a sync function: no fix",
    code: `${D}\nfunction f(u: string) {\n  if (isAdmin(u)) console.log(u);\n}`,
    errors: [{ messageId: "conditional", line: 3, column: 7, fixes: [], message: CONDITION }],
  },
  {
    name: "promise as an if condition in an async function: await offered",
    code: `${D}\nasync function f(u: string) {\n  if (isAdmin(u)) console.log(u);\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 3,
        column: 7,
        fixes: [[AWAIT, `${D}\nasync function f(u: string) {\n  if (await isAdmin(u)) console.log(u);\n}`]],
        message: CONDITION,
      },
    ],
  },
  {
    name: "while condition",
    code: `${D}\nfunction f() {\n  while (isAdmin("x")) break;\n}`,
    errors: [{ messageId: "conditional", line: 3, column: 10, message: CONDITION }],
  },
  {
    name: "negation outside a condition",
    code: `${D}\nasync function f() {\n  return !isAdmin("x");\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 3,
        column: 11,
        fixes: [[AWAIT, `${D}\nasync function f() {\n  return !await isAdmin("x");\n}`]],
        message: CONDITION,
      },
    ],
  },
  {
    name: "ternary condition",
    code: `${D}\nfunction f() {\n  return isAdmin("x") ? 1 : 2;\n}`,
    errors: [{ messageId: "conditional", line: 3, column: 10, message: CONDITION }],
  },
  {
    name: "operand of && in a condition",
    code: `${D}\nfunction f(ready: boolean) {\n  if (ready && isAdmin("x")) return 1;\n  return 0;\n}`,
    errors: [{ messageId: "conditional", line: 3, column: 16, message: CONDITION }],
  },
  {
    name: "async predicate to filter",
    code: `${D}\nexport function f() {\n  return ids.filter(async (id) => isAdmin(id));\n}`,
    errors: [
      {
        messageId: "predicate",
        line: 3,
        column: 21,
        message: "Async predicate passed to `filter`: it returns a promise, which is always truthy, so `filter` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "async predicate to some, by reference",
    code: `${D}\nexport function f() {\n  return ids.some(isAdmin);\n}`,
    errors: [
      {
        messageId: "predicate",
        line: 3,
        column: 19,
        message: "Async predicate passed to `some`: it returns a promise, which is always truthy, so `some` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "spreading a promise",
    code: `declare function load(): Promise<{ a: number }>;\nasync function f() {\n  return { ...load() };\n}`,
    errors: [
      {
        messageId: "spread",
        line: 3,
        column: 15,
        fixes: [[AWAIT, `declare function load(): Promise<{ a: number }>;\nasync function f() {\n  return { ...await load() };\n}`]],
        message: SPREAD,
      },
    ],
  },
  {
    name: "async Promise executor",
    code: `${D}\nexport const p = new Promise<void>(async (resolve) => {\n  await save("x");\n  resolve();\n});`,
    errors: [
      {
        messageId: "asyncExecutor",
        line: 2,
        column: 36,
        message: "Async function used as a Promise executor: any error thrown in it, before or after its first `await`, rejects the promise the async function returns (which nothing handles) instead of this one, so this promise never settles and the error becomes an unhandled rejection. Make the executor synchronous, or drop `new Promise` and write an async function.",
      },
    ],
  },
  {
    name: "mocha describe: no overload accepts an async callback (suites are collected synchronously)",
    code: `${MOCHA}\n${D}\ndescribe("store", async function () {\n  await save("x");\n});`,
    fileName: "store.test.cts",
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 19, message: VOID_ARGUMENT("describe") }],
  },
  {
    name: "overloads that all take a void-returning callback",
    code: `${D}\ndeclare function onIdle(callback: () => void): void;\ndeclare function onIdle(timeout: number, callback: () => void): void;\nonIdle(async () => save("x"));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 4,
        column: 8,
        message: VOID_ARGUMENT("onIdle"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function onIdle(callback: () => void): void;\ndeclare function onIdle(timeout: number, callback: () => void): void;\nonIdle(() => { void (async () => save("x"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "strictNullChecks off: a promise returned by a call is still a promise condition",
    code: `${D}\nexport async function guard(user: string) {\n  if (!isAdmin(user)) throw new Error("forbidden");\n}`,
    ...LOOSE,
    errors: [
      {
        messageId: "conditional",
        line: 3,
        column: 8,
        fixes: [[AWAIT, `${D}\nexport async function guard(user: string) {\n  if (!await isAdmin(user)) throw new Error("forbidden");\n}`]],
        message: CONDITION,
      },
    ],
  },
  {
    name: "strictNullChecks off: a field the constructor assigns a promise, tested as a condition: reported, no await offered",
    code: `export class Client {\n  private ready: Promise<void>;\n  constructor() {\n    this.ready = this.open();\n  }\n  async send(text: string) {\n    if (!this.ready) throw new Error("not connected");\n    console.log(text);\n  }\n  private async open() {}\n}`,
    ...LOOSE,
    errors: [{ messageId: "conditionalStored", line: 7, column: 10, fixes: [], message: STORED_CONDITION("this.ready") }],
  },
  // JavaScript classes: a property the constructor assigns a promise is present; testing it is still a misuse.
  {
    name: "JavaScript, strictNullChecks off: a property the constructor assigns a promise, tested as a condition",
    code: `export class Client {\n  constructor(url) {\n    this.url = url;\n    this.ready = this.open();\n  }\n  async send(text) {\n    if (!this.ready) throw new Error('not connected');\n    console.log(this.url, text);\n  }\n  async open() {}\n}`,
    ...LOOSE_JS,
    errors: [{ messageId: "conditionalStored", line: 7, column: 10, fixes: [], message: STORED_CONDITION("this.ready") }],
  },
  {
    name: "JavaScript, strictNullChecks off: a promise assigned in the constructor and renewed later, tested from another object",
    code: `export class Session {\n  constructor() {\n    this.refreshed = this.refresh();\n  }\n  renew() {\n    this.refreshed = this.refresh();\n  }\n  async refresh() {}\n}\n/** @param {Session} session */\nexport function describeSession(session) {\n  return session.refreshed ? 'refreshing' : 'idle';\n}`,
    ...LOOSE_JS,
    errors: [{ messageId: "conditionalStored", line: 12, column: 10, fixes: [], message: STORED_CONDITION("session.refreshed") }],
  },
  {
    name: "strictNullChecks off: a field of a declared (library) class is present, not unassigned",
    code: `declare class Connection {\n  readonly authenticated: Promise<boolean>;\n}\nexport function describeConnection(connection: Connection) {\n  return connection.authenticated ? "authenticated" : "anonymous";\n}`,
    ...LOOSE,
    errors: [{ messageId: "conditionalStored", line: 5, column: 10, fixes: [], message: STORED_CONDITION("connection.authenticated") }],
  },
  {
    name: "a field initialized with a promise, tested as a condition",
    code: `export class Client {\n  private readonly ready = this.open();\n  async send(text: string) {\n    if (this.ready) console.log(text);\n  }\n  private async open() {}\n}`,
    errors: [{ messageId: "conditionalStored", line: 4, column: 9, fixes: [], message: STORED_CONDITION("this.ready") }],
  },
  {
    name: "a loop variable over promises is always present",
    code: `interface Probe { name: string; healthy: Promise<boolean> }\nexport async function countHealthy(probes: Probe[]) {\n  let count = 0;\n  for (const healthy of probes.map((probe) => probe.healthy)) {\n    if (healthy) count++;\n  }\n  return count;\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 5,
        column: 9,
        fixes: [[AWAIT, `interface Probe { name: string; healthy: Promise<boolean> }\nexport async function countHealthy(probes: Probe[]) {\n  let count = 0;\n  for (const healthy of probes.map((probe) => probe.healthy)) {\n    if (await healthy) count++;\n  }\n  return count;\n}`]],
        message: CONDITION,
      },
    ],
  },
  {
    name: "a Promise<void> as a condition: reported, but `await` would test nothing, so no fix",
    code: `${D}\nexport async function store(id: string) {\n  const saved = save(id);\n  if (saved) console.log("saved", id);\n  await saved;\n}`,
    errors: [{ messageId: "conditional", line: 4, column: 7, fixes: [], message: CONDITION }],
  },
  {
    name: "a let variable holding a promise used as a condition: no await offered",
    code: `${D}\nexport async function f() {\n  let pending = save("x");\n  if (pending) pending = save("y");\n  await pending;\n}`,
    errors: [{ messageId: "conditionalStored", line: 4, column: 7, fixes: [], message: STORED_CONDITION("pending") }],
  },
  {
    name: "a project receiver that calls the callback later without awaiting it",
    code: `${D}\nfunction defer(task: () => void): void {\n  setTimeout(() => task(), 0);\n}\ndefer(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 7,
        message: VOID_ARGUMENT("defer"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction defer(task: () => void): void {\n  setTimeout(() => task(), 0);\n}\ndefer(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "an event bus whose wrapper awaits the listener without a catch: the wrapper's promise is dropped by emit",
    code: `${BUS.replace("      try {\n        await listener(...a);\n      } catch (e) {\n        this.log(e);\n      }", "      await listener(...a);")}\n${D}\nbus.on("saved", async (id: string) => {\n  await save(id);\n});`,
    fileName: "bus.cts",
    errors: [
      // The wrapper itself, pushed into a `Listener[]` (the first element of `push`'s rest parameter).
      {
        messageId: "voidReturnArgument",
        line: 8,
        column: 15,
        message: VOID_ARGUMENT("push"),
        fixes: [
          [
            WRAP,
            `type Listener = (...args: any[]) => void;\nclass EventBus {\n  private readonly listeners = new Map<string, Listener[]>();\n  constructor(private readonly log: (error: unknown) => void) {}\n  on(event: string, listener: (...args: any[]) => void): void {\n    if (typeof listener !== "function") throw new TypeError("listener must be a function");\n    const list = this.listeners.get(event) ?? [];\n    list.push((...a: any[]) => { void (async () => {\n      await listener(...a);\n    })().catch(${H}); });\n    this.listeners.set(event, list);\n  }\n  emit(event: string, ...args: any[]): void {\n    for (const listener of this.listeners.get(event) ?? []) listener(...args);\n  }\n}\nconst bus = new EventBus((e) => console.error(e));\n${D}\nbus.on("saved", async (id: string) => {\n  await save(id);\n});`,
          ],
        ],
      },
      {
        messageId: "voidReturnArgument",
        line: BUS_LINES - 2,
        column: 17,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `type Listener = (...args: any[]) => void;\nclass EventBus {\n  private readonly listeners = new Map<string, Listener[]>();\n  constructor(private readonly log: (error: unknown) => void) {}\n  on(event: string, listener: (...args: any[]) => void): void {\n    if (typeof listener !== "function") throw new TypeError("listener must be a function");\n    const list = this.listeners.get(event) ?? [];\n    list.push(async (...a: any[]) => {\n      await listener(...a);\n    });\n    this.listeners.set(event, list);\n  }\n  emit(event: string, ...args: any[]): void {\n    for (const listener of this.listeners.get(event) ?? []) listener(...args);\n  }\n}\nconst bus = new EventBus((e) => console.error(e));\n${D}\nbus.on("saved", (id: string) => { void (async () => {\n  await save(id);\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "a receiver that calls the callback inside try/catch without awaiting it (the catch sees no rejection)",
    code: `${D}\nfunction runQuietly(task: () => void): void {\n  try {\n    task();\n  } catch (error) {\n    console.error(error);\n  }\n}\nrunQuietly(async () => save("x"));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 9,
        column: 12,
        message: VOID_ARGUMENT("runQuietly"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction runQuietly(task: () => void): void {\n  try {\n    task();\n  } catch (error) {\n    console.error(error);\n  }\n}\nrunQuietly(() => { void (async () => save("x"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "a hand-over chain longer than 3 functions is not followed: judged by the parameter type",
    code: `${D}\nconst tasks: (() => Promise<void>)[] = [];\nfunction guard(fn: () => unknown) {\n  tasks.push(async () => {\n    try {\n      await fn();\n    } catch (e) {\n      console.error(e);\n    }\n  });\n}\nfunction third(fn: () => void) { guard(fn); }\nfunction second(fn: () => void) { third(fn); }\nfunction first(fn: () => void) { second(fn); }\nfirst(async () => save("x"));\nsecond(async () => save("y"));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 15,
        column: 7,
        message: VOID_ARGUMENT("first"),
        fixes: [
          [
            WRAP,
            `${D}\nconst tasks: (() => Promise<void>)[] = [];\nfunction guard(fn: () => unknown) {\n  tasks.push(async () => {\n    try {\n      await fn();\n    } catch (e) {\n      console.error(e);\n    }\n  });\n}\nfunction third(fn: () => void) { guard(fn); }\nfunction second(fn: () => void) { third(fn); }\nfunction first(fn: () => void) { second(fn); }\nfirst(() => { void (async () => save("x"))().catch(${H}); });\nsecond(async () => save("y"));`,
          ],
        ],
      },
    ],
  },
  {
    name: "a wrapper whose catch rethrows (the wrapper, itself an async timer callback, is reported too)",
    code: `${D}\nfunction later(task: () => void): void {\n  setTimeout(async () => {\n    try {\n      await task();\n    } catch (error) {\n      console.error(error);\n      throw error;\n    }\n  }, 0);\n}\nlater(async () => save("x"));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 14,
        message: VOID_ARGUMENT("setTimeout"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction later(task: () => void): void {\n  setTimeout(() => { void (async () => {\n    try {\n      await task();\n    } catch (error) {\n      console.error(error);\n      throw error;\n    }\n  })().catch(${H}); }, 0);\n}\nlater(async () => save("x"));`,
          ],
        ],
      },
      {
        messageId: "voidReturnArgument",
        line: 12,
        column: 7,
        message: VOID_ARGUMENT("later"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction later(task: () => void): void {\n  setTimeout(async () => {\n    try {\n      await task();\n    } catch (error) {\n      console.error(error);\n      throw error;\n    }\n  }, 0);\n}\nlater(() => { void (async () => save("x"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "an async method bound with .bind(this) as an EventEmitter listener",
    code: `import { EventEmitter } from "node:events";\n${D}\nexport class Worker {\n  constructor(private readonly events: EventEmitter) {\n    this.events.on("job", this.onJob.bind(this));\n  }\n  private async onJob(id: string) {\n    await save(id);\n  }\n}`,
    errors: [{ messageId: "listener", line: 5, column: 27, fixes: [], message: LISTENER }],
  },
  {
    name: "an async method bound with .bind(this) assigned to a callback property typed to return void",
    code: `${TRANSPORT}\n${D}\nexport class Client {\n  connect() {\n    transport.onmessage = this.onMessage.bind(this);\n  }\n  private async onMessage(message: Message) {\n    await save(String(message.id));\n  }\n}`,
    errors: [{ messageId: "voidReturnProperty", line: 5, column: 27, fixes: [], message: VOID_ASSIGNMENT("onmessage") }],
  },
  {
    name: "strictBindCallApply off: .bind(this) is still the bound method",
    code: `import { EventEmitter } from "node:events";\n${D}\nexport class Worker {\n  constructor(private readonly events: EventEmitter) {\n    this.events.on("job", this.onJob.bind(this));\n  }\n  private async onJob(id: string) {\n    await save(id);\n  }\n}`,
    ...LOOSE,
    errors: [{ messageId: "listener", line: 5, column: 27, fixes: [], message: LISTENER }],
  },
  {
    name: "an async method bound with .bind(this) in an object literal property typed to return void",
    code: `${TRANSPORT}\n${D}\ndeclare function connect(handlers: { onmessage: (message: Message) => void }): void;\nexport class Client {\n  start() {\n    connect({ onmessage: this.onMessage.bind(this) });\n  }\n  private async onMessage(message: Message) {\n    await save(String(message.id));\n  }\n}`,
    errors: [{ messageId: "voidReturnProperty", line: 6, column: 26, fixes: [], message: VOID_ASSIGNMENT("onmessage") }],
  },
  {
    name: "an async arrow assigned to a variable typed to return void",
    code: `${D}\nlet onDone: () => void = () => {};\nexport function configure() {\n  onDone = async () => save("done");\n  onDone();\n}`,
    errors: [
      {
        messageId: "voidReturnVariable",
        line: 4,
        column: 12,
        message: "Promise-returning function assigned to `onDone`, whose type returns `void`: callers ignore the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
        fixes: [
          [
            WRAP,
            `${D}\nlet onDone: () => void = () => {};\nexport function configure() {\n  onDone = () => { void (async () => save("done"))().catch(${H}); };\n  onDone();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an async arrow assigned to a callback property typed to return void",
    code: `${TRANSPORT}\n${D}\ntransport.onclose = async () => {\n  await save("closed");\n};`,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 3,
        column: 21,
        message: VOID_ASSIGNMENT("onclose"),
        fixes: [[WRAP, `${TRANSPORT}\n${D}\ntransport.onclose = () => { void (async () => {\n  await save("closed");\n})().catch(${H}); };`]],
      },
    ],
  },
  {
    name: "an async method called through handler.bind(this)(...) from a sync arrow",
    code: `${D}\ndeclare function onIdle(callback: () => void): void;\nexport class Writer {\n  constructor() {\n    onIdle(() => this.flush.bind(this)());\n  }\n  private async flush() {\n    await save("buffer");\n  }\n}`,
    errors: [{ messageId: "voidReturnArgument", line: 5, column: 12, fixes: [], message: VOID_ARGUMENT("onIdle") }],
  },
  {
    name: "self-handled callbacks, N1: a signal handler awaiting a method that can reject (actionhero) stays reported",
    code: SIGNALS,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 7,
        column: 26,
        message:
          "Promise-returning function passed where a function returning `void` is expected: `on` ignores the promise, so a rejection becomes an unhandled rejection, which ends the Node.js process, and nothing waits for the work to finish. Handle errors inside and start it with `void`, or use an API that awaits callbacks.",
        fixes: [[WRAP, SIGNALS.replace('process.on("SIGINT", async () => {\n      await this.stop();\n    });', `process.on("SIGINT", () => { void (async () => {\n      await this.stop();\n    })().catch(${H}); });`)]],
      },
    ],
  },
  {
    name: "self-handled callbacks, N1: reported anyway with checkSelfHandled",
    code: RECONNECT,
    options: { checkSelfHandled: true },
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 12,
        column: 29,
        message: VOID_ARGUMENT("setTimeout"),
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\ninterface Client { connect(): Promise<void> }\nexport class RedisConnection extends EventEmitter {\n  private timer: NodeJS.Timeout | undefined;\n  private attempts = 0;\n  constructor(private readonly duplicateRaw: () => Promise<Client>) { super(); }\n  private scheduleReconnect(): void {\n    this.attempts++;\n    console.warn(\`reconnect attempt \${this.attempts}\`);\n  }\n  reconnect(delay: number): void {\n    this.timer = setTimeout(() => { void (async () => {\n      try {\n        const raw = await this.duplicateRaw();\n        await raw.connect();\n      } catch {\n        this.scheduleReconnect();\n      }\n    })().catch(${H}); }, delay);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "error-handling code: a listener whose catch awaits a project function that can reject",
    code: `import { EventEmitter } from "node:events";\n${D}\nasync function report(error: unknown) {\n  await save(String(error));\n}\nexport function listen(bus: EventEmitter) {\n  bus.on("message", async (id: string) => {\n    try {\n      await save(id);\n    } catch (error) {\n      await report(error);\n    }\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 7,
        column: 21,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\n${D}\nasync function report(error: unknown) {\n  await save(String(error));\n}\nexport function listen(bus: EventEmitter) {\n  bus.on("message", (id: string) => { void (async () => {\n    try {\n      await save(id);\n    } catch (error) {\n      await report(error);\n    }\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled callbacks, N1: forEach with a callback that cannot reject is still reported (order and completion are lost), with the caught wording",
    code: `${D}\nexport async function saveAll() {\n  ids.forEach(async (id) => {\n    await save(id).catch((error) => console.error(error));\n  });\n}`,
    errors: [
      {
        messageId: "forEachCaught",
        line: 3,
        column: 15,
        message: FOR_EACH_CAUGHT,
        fixes: [
          [FOR_OF, `${D}\nexport async function saveAll() {\n  for (const id of ids) {\n    await save(id).catch((error) => console.error(error));\n  }\n}`],
          [
            ALL,
            `${D}\nexport async function saveAll() {\n  await Promise.all(ids.map(async (id) => {\n    await save(id).catch((error) => console.error(error));\n  }));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callbacks, N2: reported anyway with checkSelfHandled",
    code: CLEARED,
    options: { checkSelfHandled: true },
    errors: [
      {
        messageId: "listener",
        line: 6,
        column: 58,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\nconst disposeSymbol: unique symbol = Symbol("dispose");\nexport class IsolatedWorld {\n  private context: object | undefined;\n  constructor(clientEmitter: EventEmitter) {\n    clientEmitter.on("Runtime.executionContextsCleared", () => { void (async () => {\n      this[disposeSymbol]();\n    })().catch(${H}); });\n  }\n  [disposeSymbol](): void {\n    this.context = undefined;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callbacks, N2: a listener with a throw statement rejects where the emitter cannot see it",
    code: `import { EventEmitter } from "node:events";\ndeclare function handle(message: string): void;\nexport function listen(bus: EventEmitter) {\n  bus.on("message", async (message: string) => {\n    if (!message) throw new Error("empty message");\n    handle(message);\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 21,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\ndeclare function handle(message: string): void;\nexport function listen(bus: EventEmitter) {\n  bus.on("message", (message: string) => { void (async () => {\n    if (!message) throw new Error("empty message");\n    handle(message);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callbacks, N2: a listener without await that returns a promise adopts its rejection later",
    code: `import { EventEmitter } from "node:events";\n${D}\nexport function listen(bus: EventEmitter) {\n  bus.on("message", async (id: string) => {\n    return save(id);\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 21,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\n${D}\nexport function listen(bus: EventEmitter) {\n  bus.on("message", (id: string) => { void (async () => {\n    return save(id);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callbacks by reference, R1: a bound method that can reject (its await is outside any try) stays reported",
    code: TARGETS.replace("this.#onDetached.bind(this)", "this.#cleanup.bind(this)"),
    errors: [{ messageId: "listener", line: 12, column: 48, message: "Async function used as an event listener: the emitter ignores the promise it returns, so a rejection becomes an unhandled rejection, which ends the Node.js process. Catch errors inside the listener, or wrap it in a sync listener that calls it with `void` and `.catch()`." }],
  },
  {
    name: "callbacks by reference, R1: a field arrow that awaits a call that may reject stays reported",
    code: TARGETS.replace("    this.#targets.set(event.id, new Target(event.id));", "    await detach(event.id);"),
    errors: [{ messageId: "listener", line: 11, column: 43, message: LISTENER }],
  },
  {
    name: "callbacks by reference, R1: a let variable may hold another function by the time it is used, so it is not followed",
    code: 'import { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  let onReady = async () => {\n    console.log("ready");\n  };\n  bus.on("ready", onReady);\n  return (next: () => Promise<void>) => { onReady = next; };\n}',
    errors: [{ messageId: "listener", line: 6, column: 19, message: LISTENER }],
  },
  {
    name: "callbacks by reference, R1: a method whose override in a subclass can reject stays reported",
    code: `${D}\nexport class Poller {\n  start(): void {\n    setInterval(this.tick.bind(this), 1000);\n  }\n  protected async tick(): Promise<void> {\n    console.log("tick");\n  }\n}\nexport class SavingPoller extends Poller {\n  protected override async tick(): Promise<void> {\n    await save("tick");\n  }\n}`,
    errors: [{ messageId: "voidReturnArgument", line: 4, column: 17, message: VOID_ARGUMENT("setInterval") }],
  },
  {
    name: "delays only, R2: awaiting a fetch before JSON.parse: the fetch may reject, so the listener stays reported",
    code: DELAYED.replace("await new Promise((resolve) => setTimeout(resolve, this.delay));", "await fetchText(message);").replace('import { EventEmitter } from "node:events";', 'import { EventEmitter } from "node:events";\ndeclare function fetchText(url: string): Promise<string>;'),
    errors: [
      {
        messageId: "listener",
        line: 5,
        column: 22,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\ndeclare function fetchText(url: string): Promise<string>;\nexport class DelayedTransport {\n  constructor(private readonly ws: EventEmitter, private readonly delay: number, private readonly dispatch: (message: unknown) => void) {\n    ws.on("message", (message: string) => { void (async () => {\n      await fetchText(message);\n      this.dispatch(JSON.parse(message));\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "delays only, R2: a delay promise whose executor takes reject may reject",
    code: DELAYED.replace("new Promise((resolve) => setTimeout(resolve, this.delay))", "new Promise((resolve, reject) => setTimeout(reject, this.delay))"),
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 22,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\nexport class DelayedTransport {\n  constructor(private readonly ws: EventEmitter, private readonly delay: number, private readonly dispatch: (message: unknown) => void) {\n    ws.on("message", (message: string) => { void (async () => {\n      await new Promise((resolve, reject) => setTimeout(reject, this.delay));\n      this.dispatch(JSON.parse(message));\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "delays only, R2: a throw statement after the delay rejects where no sync listener would throw",
    code: DELAYED.replace("      this.dispatch(JSON.parse(message));", '      if (!message) throw new Error("empty message");\n      this.dispatch(message);'),
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 22,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\nexport class DelayedTransport {\n  constructor(private readonly ws: EventEmitter, private readonly delay: number, private readonly dispatch: (message: unknown) => void) {\n    ws.on("message", (message: string) => { void (async () => {\n      await new Promise((resolve) => setTimeout(resolve, this.delay));\n      if (!message) throw new Error("empty message");\n      this.dispatch(message);\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "delays only, R2: forEach with a callback that waits for a delay loses order and completion, still reported (cannot reject: the caught wording)",
    code: `export function later(ids: string[], seen: Set<string>) {\n  ids.forEach(async (id) => {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    seen.add(id);\n  });\n}`,
    errors: [{ messageId: "forEachCaught", line: 2, column: 15, message: FOR_EACH_CAUGHT }],
  },
  {
    name: "sync arrows, R3: a signal handler calling a method that can reject (its await is outside any try) stays reported",
    code: CHILD.replace("    try {\n      await this.currentJobPromise;\n    } finally {\n      process.exit(process.exitCode || 0);\n    }", "    await this.currentJobPromise;\n    process.exit(process.exitCode || 0);"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 15,
        column: 23,
        message: VOID_ARGUMENT("on"),
      },
      {
        messageId: "voidReturnArgument",
        line: 16,
        column: 22,
        message: VOID_ARGUMENT("on"),
      },
    ],
  },
  {
    name: "sync arrows, R3: forEach with a sync arrow calling a function that cannot reject is still reported, with the caught wording",
    code: `${D}\nasync function refresh(id: string): Promise<void> {\n  await save(id).catch((error) => console.error(error));\n}\nexport function refreshAll() {\n  ids.forEach((id) => refresh(id));\n}`,
    errors: [{ messageId: "forEachCaught", line: 6, column: 15, message: FOR_EACH_CAUGHT }],
  },
  {
    name: "awaits that fail only as sync code, R1: a catch that rethrows does not protect the await, so the bound method stays reported",
    code: BINDING.replace("      this.#logger?.(error);\n    }", "      this.#logger?.(error);\n      throw error;\n    }"),
    errors: [{ messageId: "listener", line: 10, column: 40, message: LISTENER }],
  },
  {
    name: "awaits that fail only as sync code, R2: an awaited project method that awaits a library call outside any try stays reported",
    code: WEB.replace("    connection.params.body = fields;", "    connection.params.body = fields;\n    await new Promise<void>((resolve, reject) => connection.req.once(\"error\", reject));"),
    errors: [
      {
        messageId: "listener",
        line: 8,
        column: 27,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\ninterface Connection { method: string; params: Record<string, unknown>; req: EventEmitter }\ninterface ServerConfig { [key: string]: any }\ndeclare const form: { parse(req: EventEmitter, done: (error: Error | null, fields: string[]) => void): void };\nexport class WebServer extends EventEmitter {\n  config: ServerConfig = {};\n  start(): void {\n    this.on("connection", (connection: Connection) => { void (async () => {\n      const requestMode = await this.determineRequestParams(connection);\n      if (requestMode === "api") this.processAction(connection);\n    })().catch(${H}); });\n  }\n  processAction(connection: Connection): void {\n    console.log(connection.params);\n  }\n  async determineRequestParams(connection: Connection) {\n    const requestMode = this.config.rootEndpointType;\n    if (connection.method === "OPTIONS") return "options";\n    let rawBody = Promise.resolve(Buffer.alloc(0));\n    if (this.config.saveRawBody) {\n      rawBody = new Promise((resolve, reject) => {\n        let body = Buffer.alloc(0);\n        connection.req.on("data", (chunk: Buffer) => { body = Buffer.concat([body, chunk]); }).on("end", () => resolve(body));\n      });\n    }\n    const fields = await new Promise<string[]>((resolve) => {\n      form.parse(connection.req, (error, fields) => {\n        if (error) connection.params.error = error;\n        resolve(fields);\n      });\n    });\n    connection.params.body = fields;\n    await new Promise<void>((resolve, reject) => connection.req.once("error", reject));\n    connection.params.rawBody = await rawBody;\n    return requestMode;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "awaits that fail only as sync code, R2: a local promise whose executor calls reject may reject",
    code: WEB.replace("(chunk: Buffer) => { body = Buffer.concat([body, chunk]); }).on(\"end\", () => resolve(body));", "(chunk: Buffer) => { body = Buffer.concat([body, chunk]); }).on(\"error\", reject).on(\"end\", () => resolve(body));"),
    errors: [
      {
        messageId: "listener",
        line: 8,
        column: 27,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\ninterface Connection { method: string; params: Record<string, unknown>; req: EventEmitter }\ninterface ServerConfig { [key: string]: any }\ndeclare const form: { parse(req: EventEmitter, done: (error: Error | null, fields: string[]) => void): void };\nexport class WebServer extends EventEmitter {\n  config: ServerConfig = {};\n  start(): void {\n    this.on("connection", (connection: Connection) => { void (async () => {\n      const requestMode = await this.determineRequestParams(connection);\n      if (requestMode === "api") this.processAction(connection);\n    })().catch(${H}); });\n  }\n  processAction(connection: Connection): void {\n    console.log(connection.params);\n  }\n  async determineRequestParams(connection: Connection) {\n    const requestMode = this.config.rootEndpointType;\n    if (connection.method === "OPTIONS") return "options";\n    let rawBody = Promise.resolve(Buffer.alloc(0));\n    if (this.config.saveRawBody) {\n      rawBody = new Promise((resolve, reject) => {\n        let body = Buffer.alloc(0);\n        connection.req.on("data", (chunk: Buffer) => { body = Buffer.concat([body, chunk]); }).on("error", reject).on("end", () => resolve(body));\n      });\n    }\n    const fields = await new Promise<string[]>((resolve) => {\n      form.parse(connection.req, (error, fields) => {\n        if (error) connection.params.error = error;\n        resolve(fields);\n      });\n    });\n    connection.params.body = fields;\n    connection.params.rawBody = await rawBody;\n    return requestMode;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "awaits that fail only as sync code: a for await outside any try may reject",
    code: `import { EventEmitter } from "node:events";\ndeclare function lines(): AsyncIterable<string>;\nexport function listen(bus: EventEmitter, seen: string[]) {\n  bus.on("start", async () => {\n    for await (const line of lines()) seen.push(line);\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 19,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `import { EventEmitter } from "node:events";\ndeclare function lines(): AsyncIterable<string>;\nexport function listen(bus: EventEmitter, seen: string[]) {\n  bus.on("start", () => { void (async () => {\n    for await (const line of lines()) seen.push(line);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "gates, N3b: a Deferred the project also rejects may reject, so the listeners stay reported",
    code: FRAMES.replace("    this.#frameTreeHandled?.resolve();\n    this.#frameTreeHandled = Deferred.create();", "    this.#frameTreeHandled?.reject(new Error(\"frame tree reset\"));\n    this.#frameTreeHandled = Deferred.create();"),
    errors: [
      {
        messageId: "listener",
        line: 66,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `class TimeoutError extends Error {}\ninterface DeferredOptions { message: string; timeout: number }\nexport class Deferred<T, V = Error> {\n  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {\n    return new Deferred<R, X>(opts);\n  }\n  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {\n    try {\n      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));\n    } finally {\n      for (const deferred of awaitables) deferred.reject(new Error("Timeout cleared"));\n    }\n  }\n  #isResolved = false;\n  #isRejected = false;\n  #value: T | V | TimeoutError | undefined;\n  #resolve!: (value: void) => void;\n  #taskPromise = new Promise<void>((resolve) => {\n    this.#resolve = resolve;\n  });\n  #timeoutId: ReturnType<typeof setTimeout> | undefined;\n  constructor(opts?: DeferredOptions) {\n    if (opts && opts.timeout > 0) {\n      this.#timeoutId = setTimeout(() => {\n        this.reject(new TimeoutError(opts.message));\n      }, opts.timeout);\n    }\n  }\n  #finish(value: T | V | TimeoutError) {\n    clearTimeout(this.#timeoutId);\n    this.#value = value;\n    this.#resolve();\n  }\n  resolve(value: T): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isResolved = true;\n    this.#finish(value);\n  }\n  reject(error: V | TimeoutError): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isRejected = true;\n    this.#finish(error);\n  }\n  resolved(): boolean {\n    return this.#isResolved;\n  }\n  #promise: Promise<T> | undefined;\n  valueOrThrow(): Promise<T> {\n    if (!this.#promise) {\n      this.#promise = (async () => {\n        await this.#taskPromise;\n        if (this.#isRejected) {\n          throw this.#value;\n        }\n        return this.#value as T;\n      })();\n    }\n    return this.#promise;\n  }\n}\nimport { EventEmitter } from "node:events";\nexport class FrameManager {\n  #frameTreeHandled?: Deferred<void>;\n  #frames = new Map<string, string>();\n  setupEventListeners(session: EventEmitter) {\n    session.on("Page.frameAttached", (event: { frameId: string; parentFrameId: string }) => { void (async () => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.set(event.frameId, event.parentFrameId);\n    })().catch(${H}); });\n    session.on("Page.frameDetached", async (event: { frameId: string }) => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.delete(event.frameId);\n    });\n  }\n  async initialize(getFrameTree: () => Promise<string[]>) {\n    this.#frameTreeHandled?.reject(new Error("frame tree reset"));\n    this.#frameTreeHandled = Deferred.create();\n    try {\n      for (const id of await getFrameTree()) this.#frames.set(id, "");\n    } finally {\n      this.#frameTreeHandled?.resolve();\n    }\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "listener",
        line: 70,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `class TimeoutError extends Error {}\ninterface DeferredOptions { message: string; timeout: number }\nexport class Deferred<T, V = Error> {\n  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {\n    return new Deferred<R, X>(opts);\n  }\n  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {\n    try {\n      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));\n    } finally {\n      for (const deferred of awaitables) deferred.reject(new Error("Timeout cleared"));\n    }\n  }\n  #isResolved = false;\n  #isRejected = false;\n  #value: T | V | TimeoutError | undefined;\n  #resolve!: (value: void) => void;\n  #taskPromise = new Promise<void>((resolve) => {\n    this.#resolve = resolve;\n  });\n  #timeoutId: ReturnType<typeof setTimeout> | undefined;\n  constructor(opts?: DeferredOptions) {\n    if (opts && opts.timeout > 0) {\n      this.#timeoutId = setTimeout(() => {\n        this.reject(new TimeoutError(opts.message));\n      }, opts.timeout);\n    }\n  }\n  #finish(value: T | V | TimeoutError) {\n    clearTimeout(this.#timeoutId);\n    this.#value = value;\n    this.#resolve();\n  }\n  resolve(value: T): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isResolved = true;\n    this.#finish(value);\n  }\n  reject(error: V | TimeoutError): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isRejected = true;\n    this.#finish(error);\n  }\n  resolved(): boolean {\n    return this.#isResolved;\n  }\n  #promise: Promise<T> | undefined;\n  valueOrThrow(): Promise<T> {\n    if (!this.#promise) {\n      this.#promise = (async () => {\n        await this.#taskPromise;\n        if (this.#isRejected) {\n          throw this.#value;\n        }\n        return this.#value as T;\n      })();\n    }\n    return this.#promise;\n  }\n}\nimport { EventEmitter } from "node:events";\nexport class FrameManager {\n  #frameTreeHandled?: Deferred<void>;\n  #frames = new Map<string, string>();\n  setupEventListeners(session: EventEmitter) {\n    session.on("Page.frameAttached", async (event: { frameId: string; parentFrameId: string }) => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.set(event.frameId, event.parentFrameId);\n    });\n    session.on("Page.frameDetached", (event: { frameId: string }) => { void (async () => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.delete(event.frameId);\n    })().catch(${H}); });\n  }\n  async initialize(getFrameTree: () => Promise<string[]>) {\n    this.#frameTreeHandled?.reject(new Error("frame tree reset"));\n    this.#frameTreeHandled = Deferred.create();\n    try {\n      for (const id of await getFrameTree()) this.#frames.set(id, "");\n    } finally {\n      this.#frameTreeHandled?.resolve();\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "gates, N3b: a Deferred created with a timeout rejects when it expires",
    code: FRAMES.replace("this.#frameTreeHandled = Deferred.create();", "this.#frameTreeHandled = Deferred.create({ message: \"frame tree\", timeout: 1000 });"),
    errors: [
      {
        messageId: "listener",
        line: 66,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `class TimeoutError extends Error {}\ninterface DeferredOptions { message: string; timeout: number }\nexport class Deferred<T, V = Error> {\n  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {\n    return new Deferred<R, X>(opts);\n  }\n  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {\n    try {\n      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));\n    } finally {\n      for (const deferred of awaitables) deferred.reject(new Error("Timeout cleared"));\n    }\n  }\n  #isResolved = false;\n  #isRejected = false;\n  #value: T | V | TimeoutError | undefined;\n  #resolve!: (value: void) => void;\n  #taskPromise = new Promise<void>((resolve) => {\n    this.#resolve = resolve;\n  });\n  #timeoutId: ReturnType<typeof setTimeout> | undefined;\n  constructor(opts?: DeferredOptions) {\n    if (opts && opts.timeout > 0) {\n      this.#timeoutId = setTimeout(() => {\n        this.reject(new TimeoutError(opts.message));\n      }, opts.timeout);\n    }\n  }\n  #finish(value: T | V | TimeoutError) {\n    clearTimeout(this.#timeoutId);\n    this.#value = value;\n    this.#resolve();\n  }\n  resolve(value: T): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isResolved = true;\n    this.#finish(value);\n  }\n  reject(error: V | TimeoutError): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isRejected = true;\n    this.#finish(error);\n  }\n  resolved(): boolean {\n    return this.#isResolved;\n  }\n  #promise: Promise<T> | undefined;\n  valueOrThrow(): Promise<T> {\n    if (!this.#promise) {\n      this.#promise = (async () => {\n        await this.#taskPromise;\n        if (this.#isRejected) {\n          throw this.#value;\n        }\n        return this.#value as T;\n      })();\n    }\n    return this.#promise;\n  }\n}\nimport { EventEmitter } from "node:events";\nexport class FrameManager {\n  #frameTreeHandled?: Deferred<void>;\n  #frames = new Map<string, string>();\n  setupEventListeners(session: EventEmitter) {\n    session.on("Page.frameAttached", (event: { frameId: string; parentFrameId: string }) => { void (async () => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.set(event.frameId, event.parentFrameId);\n    })().catch(${H}); });\n    session.on("Page.frameDetached", async (event: { frameId: string }) => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.delete(event.frameId);\n    });\n  }\n  async initialize(getFrameTree: () => Promise<string[]>) {\n    this.#frameTreeHandled?.resolve();\n    this.#frameTreeHandled = Deferred.create({ message: "frame tree", timeout: 1000 });\n    try {\n      for (const id of await getFrameTree()) this.#frames.set(id, "");\n    } finally {\n      this.#frameTreeHandled?.resolve();\n    }\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "listener",
        line: 70,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `class TimeoutError extends Error {}\ninterface DeferredOptions { message: string; timeout: number }\nexport class Deferred<T, V = Error> {\n  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {\n    return new Deferred<R, X>(opts);\n  }\n  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {\n    try {\n      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));\n    } finally {\n      for (const deferred of awaitables) deferred.reject(new Error("Timeout cleared"));\n    }\n  }\n  #isResolved = false;\n  #isRejected = false;\n  #value: T | V | TimeoutError | undefined;\n  #resolve!: (value: void) => void;\n  #taskPromise = new Promise<void>((resolve) => {\n    this.#resolve = resolve;\n  });\n  #timeoutId: ReturnType<typeof setTimeout> | undefined;\n  constructor(opts?: DeferredOptions) {\n    if (opts && opts.timeout > 0) {\n      this.#timeoutId = setTimeout(() => {\n        this.reject(new TimeoutError(opts.message));\n      }, opts.timeout);\n    }\n  }\n  #finish(value: T | V | TimeoutError) {\n    clearTimeout(this.#timeoutId);\n    this.#value = value;\n    this.#resolve();\n  }\n  resolve(value: T): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isResolved = true;\n    this.#finish(value);\n  }\n  reject(error: V | TimeoutError): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isRejected = true;\n    this.#finish(error);\n  }\n  resolved(): boolean {\n    return this.#isResolved;\n  }\n  #promise: Promise<T> | undefined;\n  valueOrThrow(): Promise<T> {\n    if (!this.#promise) {\n      this.#promise = (async () => {\n        await this.#taskPromise;\n        if (this.#isRejected) {\n          throw this.#value;\n        }\n        return this.#value as T;\n      })();\n    }\n    return this.#promise;\n  }\n}\nimport { EventEmitter } from "node:events";\nexport class FrameManager {\n  #frameTreeHandled?: Deferred<void>;\n  #frames = new Map<string, string>();\n  setupEventListeners(session: EventEmitter) {\n    session.on("Page.frameAttached", async (event: { frameId: string; parentFrameId: string }) => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.set(event.frameId, event.parentFrameId);\n    });\n    session.on("Page.frameDetached", (event: { frameId: string }) => { void (async () => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.delete(event.frameId);\n    })().catch(${H}); });\n  }\n  async initialize(getFrameTree: () => Promise<string[]>) {\n    this.#frameTreeHandled?.resolve();\n    this.#frameTreeHandled = Deferred.create({ message: "frame tree", timeout: 1000 });\n    try {\n      for (const id of await getFrameTree()) this.#frames.set(id, "");\n    } finally {\n      this.#frameTreeHandled?.resolve();\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "gates, N3b: a Deferred handed on (to Deferred.race, which rejects what it is given) may be rejected there",
    code: FRAMES.replace("    this.#frameTreeHandled?.resolve();\n    this.#frameTreeHandled = Deferred.create();", "    this.#frameTreeHandled = Deferred.create();\n    void Deferred.race([this.#frameTreeHandled]);"),
    errors: [
      {
        messageId: "listener",
        line: 66,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `class TimeoutError extends Error {}\ninterface DeferredOptions { message: string; timeout: number }\nexport class Deferred<T, V = Error> {\n  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {\n    return new Deferred<R, X>(opts);\n  }\n  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {\n    try {\n      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));\n    } finally {\n      for (const deferred of awaitables) deferred.reject(new Error("Timeout cleared"));\n    }\n  }\n  #isResolved = false;\n  #isRejected = false;\n  #value: T | V | TimeoutError | undefined;\n  #resolve!: (value: void) => void;\n  #taskPromise = new Promise<void>((resolve) => {\n    this.#resolve = resolve;\n  });\n  #timeoutId: ReturnType<typeof setTimeout> | undefined;\n  constructor(opts?: DeferredOptions) {\n    if (opts && opts.timeout > 0) {\n      this.#timeoutId = setTimeout(() => {\n        this.reject(new TimeoutError(opts.message));\n      }, opts.timeout);\n    }\n  }\n  #finish(value: T | V | TimeoutError) {\n    clearTimeout(this.#timeoutId);\n    this.#value = value;\n    this.#resolve();\n  }\n  resolve(value: T): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isResolved = true;\n    this.#finish(value);\n  }\n  reject(error: V | TimeoutError): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isRejected = true;\n    this.#finish(error);\n  }\n  resolved(): boolean {\n    return this.#isResolved;\n  }\n  #promise: Promise<T> | undefined;\n  valueOrThrow(): Promise<T> {\n    if (!this.#promise) {\n      this.#promise = (async () => {\n        await this.#taskPromise;\n        if (this.#isRejected) {\n          throw this.#value;\n        }\n        return this.#value as T;\n      })();\n    }\n    return this.#promise;\n  }\n}\nimport { EventEmitter } from "node:events";\nexport class FrameManager {\n  #frameTreeHandled?: Deferred<void>;\n  #frames = new Map<string, string>();\n  setupEventListeners(session: EventEmitter) {\n    session.on("Page.frameAttached", (event: { frameId: string; parentFrameId: string }) => { void (async () => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.set(event.frameId, event.parentFrameId);\n    })().catch(${H}); });\n    session.on("Page.frameDetached", async (event: { frameId: string }) => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.delete(event.frameId);\n    });\n  }\n  async initialize(getFrameTree: () => Promise<string[]>) {\n    this.#frameTreeHandled = Deferred.create();\n    void Deferred.race([this.#frameTreeHandled]);\n    try {\n      for (const id of await getFrameTree()) this.#frames.set(id, "");\n    } finally {\n      this.#frameTreeHandled?.resolve();\n    }\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "listener",
        line: 70,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `class TimeoutError extends Error {}\ninterface DeferredOptions { message: string; timeout: number }\nexport class Deferred<T, V = Error> {\n  static create<R, X = Error>(opts?: DeferredOptions): Deferred<R, X> {\n    return new Deferred<R, X>(opts);\n  }\n  static async race<R>(awaitables: Array<Deferred<R>>): Promise<R> {\n    try {\n      return await Promise.race(awaitables.map((value) => value.valueOrThrow()));\n    } finally {\n      for (const deferred of awaitables) deferred.reject(new Error("Timeout cleared"));\n    }\n  }\n  #isResolved = false;\n  #isRejected = false;\n  #value: T | V | TimeoutError | undefined;\n  #resolve!: (value: void) => void;\n  #taskPromise = new Promise<void>((resolve) => {\n    this.#resolve = resolve;\n  });\n  #timeoutId: ReturnType<typeof setTimeout> | undefined;\n  constructor(opts?: DeferredOptions) {\n    if (opts && opts.timeout > 0) {\n      this.#timeoutId = setTimeout(() => {\n        this.reject(new TimeoutError(opts.message));\n      }, opts.timeout);\n    }\n  }\n  #finish(value: T | V | TimeoutError) {\n    clearTimeout(this.#timeoutId);\n    this.#value = value;\n    this.#resolve();\n  }\n  resolve(value: T): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isResolved = true;\n    this.#finish(value);\n  }\n  reject(error: V | TimeoutError): void {\n    if (this.#isRejected || this.#isResolved) return;\n    this.#isRejected = true;\n    this.#finish(error);\n  }\n  resolved(): boolean {\n    return this.#isResolved;\n  }\n  #promise: Promise<T> | undefined;\n  valueOrThrow(): Promise<T> {\n    if (!this.#promise) {\n      this.#promise = (async () => {\n        await this.#taskPromise;\n        if (this.#isRejected) {\n          throw this.#value;\n        }\n        return this.#value as T;\n      })();\n    }\n    return this.#promise;\n  }\n}\nimport { EventEmitter } from "node:events";\nexport class FrameManager {\n  #frameTreeHandled?: Deferred<void>;\n  #frames = new Map<string, string>();\n  setupEventListeners(session: EventEmitter) {\n    session.on("Page.frameAttached", async (event: { frameId: string; parentFrameId: string }) => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.set(event.frameId, event.parentFrameId);\n    });\n    session.on("Page.frameDetached", (event: { frameId: string }) => { void (async () => {\n      await this.#frameTreeHandled?.valueOrThrow();\n      this.#frames.delete(event.frameId);\n    })().catch(${H}); });\n  }\n  async initialize(getFrameTree: () => Promise<string[]>) {\n    this.#frameTreeHandled = Deferred.create();\n    void Deferred.race([this.#frameTreeHandled]);\n    try {\n      for (const id of await getFrameTree()) this.#frames.set(id, "");\n    } finally {\n      this.#frameTreeHandled?.resolve();\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "emitted JavaScript, R3: the method in the .js beside the .d.ts is read, and one that can reject stays reported",
    code: MAIN_BASE,
    fileName: "main-base.js",
    extraFiles: { "child-processor.js": CHILD_JS.replace("        try {\n            await this.currentJobPromise;\n        }\n        finally {\n            process.exit(process.exitCode || 0);\n        }", "        await this.currentJobPromise;\n        process.exit(process.exitCode || 0);"), "child-processor.d.ts": CHILD_DTS },
    ...JS_BUILD,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 4,
        column: 27,
        message: VOID_ARGUMENT("on"),
      },
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 26,
        message: VOID_ARGUMENT("on"),
      },
    ],
  },
  {
    name: "gates, N3b: a public Deferred destructured somewhere may be rejected there, so the listeners stay reported",
    code: `${BROWSER}\nexport function abort(target: Target): void {\n  const { _initializedDeferred: deferred } = target;\n  deferred.reject(new Error("aborted"));\n}`,
    errors: [
      {
        messageId: "listener",
        line: 73,
        column: 29,
        message: LISTENER,
      },
      {
        messageId: "listener",
        line: 74,
        column: 24,
        message: LISTENER,
      },
    ],
  },
  {
    name: "gates: a public flag may be set from outside the class, so the latch is not trusted",
    code: `${LATCH.replaceAll("#failed", "failed")}\nexport function breakLatch(latch: Latch): void {\n  latch.failed = true;\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 22,
        column: 22,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `export class Latch {\n  failed = false;\n  #open!: () => void;\n  #opened = new Promise<void>((resolve) => {\n    this.#open = resolve;\n  });\n  open(): void {\n    this.#open();\n  }\n  fail(): void {\n    this.failed = true;\n    this.#open();\n  }\n  async wait(): Promise<void> {\n    await this.#opened;\n    if (this.failed) throw new Error("latch failed");\n  }\n}\nexport class Worker {\n  private readonly started = new Latch();\n  constructor(events: { on(name: string, listener: () => void): void }, private readonly log: string[]) {\n    events.on("job", () => { void (async () => {\n      await this.started.wait();\n      this.log.push("job");\n    })().catch(${H}); });\n  }\n  start(): void {\n    this.started.open();\n  }\n}\nexport function breakLatch(latch: Latch): void {\n  latch.failed = true;\n}`,
          ],
        ],
      },
    ],
  },
  // Inherited methods (checksVoidReturn.inheritedMethods)
  {
    name: "async method implementing an interface method that returns void",
    code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  async onEvent(e: string) {\n    await save(e);\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 9, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "async override of an abstract method that returns void",
    code: `${D}\nabstract class Base { abstract handle(): void }\nexport class Impl extends Base {\n  async handle() {\n    await save("x");\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 9, message: VOID_OVERRIDE("handle", "Base", "Base.handle") }],
  },
  {
    name: "method written to return a promise, overriding a concrete method that returns void",
    code: `${D}\nclass Base { flush(): void {} }\nexport class Buffered extends Base {\n  flush(): Promise<void> {\n    return save("x");\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 3, message: VOID_OVERRIDE("flush", "Base", "Base.flush") }],
  },
  {
    name: "async method implementing a method of a declared (library-shaped) class that returns void",
    code: `${D}\ndeclare class Transport { close(): void }\nexport class Socket extends Transport {\n  async close() {\n    await save("closed");\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 9, message: VOID_OVERRIDE("close", "Transport", "Transport.close") }],
  },
  {
    name: "async override of a JSDoc-typed JavaScript base that returns void",
    ...LOOSE_JS,
    code: `class Listener {\n  /** @returns {void} */\n  onEvent() {}\n}\nexport class Logger extends Listener {\n  async onEvent() {\n    await Promise.reject(new Error("write failed"));\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 6, column: 9, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "never-suspending async override with checkSelfHandled",
    code: `interface Listener { onEvent(e: string): void }\nexport class Counter implements Listener {\n  count = 0;\n  async onEvent() {\n    this.count++;\n  }\n}`,
    options: { checkSelfHandled: true },
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 9, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "a timer awaiting a method that awaits a call on an untyped value (a tracer taking a callback that catches everything)",
    code: LOCK_MANAGER(TRACED_EXTEND),
    ...LOOSE_JS,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 20,
        column: 40,
        message: VOID_ARGUMENT("setTimeout"),
        fixes: [
          [
            WRAP,
            `export class LockManager {\n  constructor(worker, opts) {\n    this.worker = worker;\n    this.opts = opts;\n    this.trackedJobs = new Map();\n  }\n  async extendLocks(jobIds) {\n    await this.worker.trace('extendLocks', async (span) => {\n      span?.setAttributes({ jobs: jobIds.length });\n      try {\n        const failed = await this.worker.extendJobLocks(jobIds, this.opts.lockDuration);\n        if (failed.length > 0) this.worker.emit('lockRenewalFailed', failed);\n      } catch (err) {\n        this.worker.emit('error', err);\n      }\n    });\n  }\n  startLockExtenderTimer() {\n    clearTimeout(this.lockRenewalTimer);\n    this.lockRenewalTimer = setTimeout(() => { void (async () => {\n      const jobsToExtend = [...this.trackedJobs.keys()];\n      if (jobsToExtend.length) {\n        await this.extendLocks(jobsToExtend);\n      }\n      this.startLockExtenderTimer();\n    })().catch(${H}); }, this.opts.lockRenewTime / 2);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  // Mutation survivors of misused-promise.ts lines 750-1040 (bench/mutation/misused-promise-lines-750-1040.md), session 4.
  {
    name: "listener api: Node's NodeEventTarget is the events module's, so its on gets the listener message",
    code: `${D}\nimport type { NodeEventTarget } from "node:events";\nexport function watch(port: NodeEventTarget) {\n  port.on("message", async (id: string) => {\n    await save(id);\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 22,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nimport type { NodeEventTarget } from "node:events";\nexport function watch(port: NodeEventTarget) {\n  port.on("message", (id: string) => { void (async () => {\n    await save(id);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "listener api: an EventEmitter class inside a namespace is known by its own name",
    code: `${D}\nexport namespace Realtime {\n  export class ChannelEventEmitter {\n    private readonly listeners: Array<(payload: string) => void> = [];\n    on(name: string, listener: (payload: string) => void): this {\n      this.listeners.push(listener);\n      return this;\n    }\n  }\n}\nexport function subscribe(channel: Realtime.ChannelEventEmitter) {\n  channel.on("update", async (payload) => {\n    await save(payload);\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 12,
        column: 24,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nexport namespace Realtime {\n  export class ChannelEventEmitter {\n    private readonly listeners: Array<(payload: string) => void> = [];\n    on(name: string, listener: (payload: string) => void): this {\n      this.listeners.push(listener);\n      return this;\n    }\n  }\n}\nexport function subscribe(channel: Realtime.ChannelEventEmitter) {\n  channel.on("update", (payload) => { void (async () => {\n    await save(payload);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "listener api: requestIdleCallback of the DOM's window is no listener registration: the general message",
    code: `${D}\nexport function saveDraftWhenIdle(draft: string) {\n  window.requestIdleCallback(async () => {\n    await save(draft);\n  });\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] },
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 30,
        message: VOID_ARGUMENT("requestIdleCallback"),
        fixes: [
          [
            WRAP,
            `${D}\nexport function saveDraftWhenIdle(draft: string) {\n  window.requestIdleCallback(() => { void (async () => {\n    await save(draft);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "listener api: Node's own EventTarget (an AbortSignal, no DOM lib) is neither the default lib's nor the events module's: the general message",
    code: `${D}\nexport function watch(signal: AbortSignal) {\n  signal.addEventListener("abort", async () => {\n    await save("aborted");\n  });\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 36,
        message: VOID_ARGUMENT("addEventListener"),
        fixes: [
          [
            WRAP,
            `${D}\nexport function watch(signal: AbortSignal) {\n  signal.addEventListener("abort", () => { void (async () => {\n    await save("aborted");\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "listener api: emitters of the nanoevents and eventsource packages are not the events module: the general message",
    code: `${D}\nimport { createNanoEvents } from "nanoevents";\nimport EventSource from "eventsource";\nconst emitter = createNanoEvents<{ saved: (id: string) => void }>();\nemitter.on("saved", async (id) => {\n  await save(id);\n});\nconst source = new EventSource("/events");\nsource.addEventListener("message", async (event) => {\n  await save(event.data);\n});`,
    extraFiles: {
      "modules.d.ts": 'declare module "nanoevents" {\n  export interface Emitter<Events> {\n    on<E extends keyof Events>(event: E, callback: Events[E]): () => void;\n  }\n  export function createNanoEvents<Events>(): Emitter<Events>;\n}\ndeclare module "eventsource" {\n  export default class EventSource {\n    constructor(url: string);\n    addEventListener(type: string, listener: (event: { data: string }) => void): void;\n  }\n}',
    },
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 21,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `${D}\nimport { createNanoEvents } from "nanoevents";\nimport EventSource from "eventsource";\nconst emitter = createNanoEvents<{ saved: (id: string) => void }>();\nemitter.on("saved", (id) => { void (async () => {\n  await save(id);\n})().catch(${H}); });\nconst source = new EventSource("/events");\nsource.addEventListener("message", async (event) => {\n  await save(event.data);\n});`,
          ],
        ],
      },
      {
        messageId: "voidReturnArgument",
        line: 9,
        column: 36,
        message: VOID_ARGUMENT("addEventListener"),
        fixes: [
          [
            WRAP,
            `${D}\nimport { createNanoEvents } from "nanoevents";\nimport EventSource from "eventsource";\nconst emitter = createNanoEvents<{ saved: (id: string) => void }>();\nemitter.on("saved", async (id) => {\n  await save(id);\n});\nconst source = new EventSource("/events");\nsource.addEventListener("message", (event) => { void (async () => {\n  await save(event.data);\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "spread: a promise read by a literal key (present as declared) is reported",
    code: `declare function loadSettings(): Promise<{ theme: string }>;\nexport class SettingsPage {\n  private readonly loads = { "user-settings": loadSettings() };\n  current() {\n    return { ...this.loads["user-settings"], page: "settings" };\n  }\n}`,
    errors: [{ messageId: "spread", line: 5, column: 17, message: SPREAD }],
  },
  {
    name: "forEach: with checkSelfHandled, a callback whose only await has a .catch(handler) still gets the caught wording",
    code: `${D}\nexport function saveAll() {\n  ids.forEach(async (id) => {\n    await save(id).catch((error) => console.error(error));\n  });\n}`,
    options: { checkSelfHandled: true },
    errors: [{ messageId: "forEachCaught", line: 3, column: 15, message: FOR_EACH_CAUGHT }],
  },
  {
    name: "inherited: an abstract override written to return a promise where the base method returns void",
    code: `abstract class Step {\n  abstract run(): void;\n}\nexport abstract class AsyncStep extends Step {\n  abstract override run(): Promise<void>;\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 5, column: 21, message: VOID_OVERRIDE("run", "Step", "Step.run") }],
  },
  {
    name: "inherited: an abstract member of another name is no overload of the async override",
    code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport abstract class QueueListener implements Listener {\n  abstract queueName(): string;\n  async onEvent(e: string) {\n    await save(\`\${this.queueName()}:\${e}\`);\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 5, column: 9, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "class fields: an abstract field typed as a promise-returning function where the interface returns void",
    code: `interface Listener { onEvent(e: string): void }\nexport abstract class BaseListener implements Listener {\n  abstract onEvent: (e: string) => Promise<void>;\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 3, column: 12, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "class fields: a field implementing a void member with a function whose name says nothing (the type is asked)",
    code: `${D}\nfunction flushLater() {\n  return save("buffer");\n}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  onEvent = flushLater;\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 7, column: 3, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "class fields: a private readonly field typed to return void holding an async arrow",
    code: `${D}\nexport class Connection {\n  private readonly onClose: () => void = async () => {\n    await save("closed");\n  };\n  constructor(socket: { on(name: string, listener: () => void): void }) {\n    socket.on("close", this.onClose);\n  }\n}`,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 3,
        column: 42,
        message: VOID_ASSIGNMENT("onClose"),
        fixes: [
          [
            WRAP,
            `${D}\nexport class Connection {\n  private readonly onClose: () => void = () => { void (async () => {\n    await save("closed");\n  })().catch(${H}); };\n  constructor(socket: { on(name: string, listener: () => void): void }) {\n    socket.on("close", this.onClose);\n  }\n}`,
          ],
        ],
      },
    ],
  },
];

const valid: ValidCase[] = [
  {
    name: "a timer awaiting a method that catches around its untyped tracer call",
    code: LOCK_MANAGER(lines("    try {", TRACED_EXTEND.replace(/^/gm, "  "), "    } catch (err) {", "      this.worker.emit('error', err);", "    }")),
    ...LOOSE_JS,
  },
  {
    name: "a timer awaiting a method whose awaits are caught, with no tracer around them",
    code: LOCK_MANAGER(
      lines(
        "    try {",
        "      const failed = await this.worker.extendJobLocks(jobIds, this.opts.lockDuration);",
        "      if (failed.length > 0) this.worker.emit('lockRenewalFailed', failed);",
        "    } catch (err) {",
        "      this.worker.emit('error', err);",
        "    }",
      ),
    ),
    ...LOOSE_JS,
  },
  {
    name: "return values: curried async functions with no written return type",
    code: `${D}\nexport const saveLater = (id: string) => async () => save(id);\nexport const tasks = ["a", "b"].map((id) => async () => save(id));`,
  },
  {
    name: "return values: an arrow typed to return a promise-returning function",
    code: `${D}\ntype Task = () => Promise<void>;\nexport const taskFor = (id: string): Task => async () => save(id);`,
  },
  {
    name: "return values: the declared return type is a promise-returning function",
    code: `${D}\nexport function saver(id: string): () => Promise<void> {\n  return async () => {\n    await save(id);\n  };\n}`,
  },
  {
    name: "return values: no written return type (the function's type is inferred from the async function)",
    code: `${D}\nexport function saver(id: string) {\n  return async () => {\n    await save(id);\n  };\n}`,
  },
  {
    name: "return values: an async function that catches its own errors",
    code: `${D}\nexport function saver(id: string): () => void {\n  return async () => {\n    try {\n      await save(id);\n    } catch (error) {\n      console.error(error);\n    }\n  };\n}`,
  },
  {
    name: "return values: a sync cleanup that starts the work with void and a catch",
    code: `${D}\ntype Destructor = () => void;\ndeclare function useEffect(effect: () => void | Destructor, deps?: unknown[]): void;\nexport function useAutosave(id: string) {\n  useEffect(() => {\n    return () => {\n      void save(id).catch((error) => console.error(error));\n    };\n  }, [id]);\n}`,
  },
  {
    name: "return values: a return type that allows a promise (void | Promise<void>)",
    code: `${D}\ntype Hook = () => void | Promise<void>;\nexport function hookFor(id: string): Hook {\n  return async () => save(id);\n}`,
  },
  {
    name: "callable interfaces: a handler passed where a promise-returning function is expected",
    code: `interface JobHandler {\n  (id: string): Promise<void>;\n}\ndeclare function enqueue(handler: (id: string) => Promise<void>): void;\nexport function register(handler: JobHandler) {\n  enqueue(handler);\n}`,
  },
  {
    name: "callable interfaces: a sync callable interface passed to a void callback",
    code: `interface Formatter {\n  (line: string): void;\n  prefix: string;\n}\nexport function printAll(format: Formatter, lines: string[]) {\n  lines.forEach(format);\n}`,
  },
  {
    name: "callable interfaces: an interface with a promise method but a sync call signature",
    code: `interface Task {\n  (): void;\n  done(): Promise<void>;\n}\nexport function start(task: Task) {\n  setTimeout(task, 0);\n}`,
  },
  {
    name: "callable interfaces: awaited by a runner typed to take it",
    code: `interface Step {\n  (): Promise<void>;\n}\ndeclare function series(...steps: Step[]): Promise<void>;\nexport async function migrate(first: Step, second: Step) {\n  await series(first, second);\n}`,
  },
  {
    name: "spread arguments: async steps spread into a runner that takes promise-returning functions",
    code: `declare function series(...steps: Array<() => Promise<void>>): Promise<void>;\ndeclare const steps: Array<() => Promise<void>>;\nexport const done = series(...steps);`,
  },
  {
    name: "spread arguments: sync hooks spread into a rest of void callbacks",
    code: `declare function onExit(...hooks: Array<() => void>): void;\ndeclare const cleanups: Array<() => void>;\nonExit(...cleanups);`,
  },
  {
    name: "spread arguments: a wrapper forwarding its arguments",
    code: `export function once<A extends unknown[]>(listener: (...args: A) => void): (...args: A) => void {\n  let called = false;\n  return (...args: A) => {\n    if (called) return;\n    called = true;\n    listener(...args);\n  };\n}`,
  },
  {
    name: "spread arguments: async middleware spread into a rest of functions returning unknown",
    code: `declare function use(...middleware: Array<(next: () => void) => unknown>): void;\ndeclare const stack: Array<(next: () => void) => Promise<void>>;\nuse(...stack);`,
  },
  {
    name: "spread arguments: a tuple whose async element fills a promise-returning parameter",
    code: `declare function retry(times: number, task: () => Promise<void>): Promise<void>;\ndeclare const args: [number, () => Promise<void>];\nexport const result = retry(...args);`,
  },
  {
    name: "conditions with ??: two optional promises tested for presence",
    code: `export class Connection {\n  private closing?: Promise<void>;\n  private opening?: Promise<void>;\n  busy(): boolean {\n    return (this.closing ?? this.opening) ? true : false;\n  }\n}`,
  },
  {
    name: "conditions with ??: a promise default outside any condition",
    code: `declare function loadDefaults(): Promise<{ retries: number }>;\nexport function settings(overrides: Promise<{ retries: number }> | undefined) {\n  return overrides ?? loadDefaults();\n}`,
  },
  {
    name: "conditions with ??: booleans with a boolean default",
    code: `export function enabled(flag: boolean | undefined, fallback: boolean): string {\n  if (flag ?? fallback) return "on";\n  return "off";\n}`,
  },
  {
    name: "conditions with ??: the awaited result is tested",
    code: `declare function fetchFlag(name: string): Promise<boolean>;\nexport async function enabled(cached: Promise<boolean> | undefined) {\n  if (await (cached ?? fetchFlag("beta"))) return "on";\n  return "off";\n}`,
  },
  {
    name: "spreads: awaited branches and plain objects",
    code: `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function options(withDefaults: boolean, overrides?: { retries?: number }) {\n  const a = { ...(withDefaults ? await loadDefaults() : {}) };\n  const b = { ...(withDefaults && (await loadDefaults())) };\n  const c = { ...(overrides ?? {}) };\n  return { ...a, ...b, ...c };\n}`,
  },
  {
    name: "spreads: the condition itself is awaited, the branches are objects",
    code: `declare function loadDefaults(): Promise<{ retries: number }>;\ndeclare function isCached(): Promise<boolean>;\nexport async function options(cached: { retries: number }) {\n  return { ...((await isCached()) ? cached : { retries: 0 }) };\n}`,
  },
  {
    name: "spreads: an optional object or its fallback",
    code: `interface Options { retries?: number }\nexport function merge(user: Options | undefined, defaults: Options): Options {\n  return { ...(user || defaults) };\n}`,
  },
  {
    name: "finally: Promise#finally awaits an async callback and passes its rejection on",
    code: `${D}\ndeclare function acquire(): Promise<void>;\nexport async function withLock(work: () => Promise<void>): Promise<void> {\n  await acquire();\n  return work().finally(async () => {\n    await save("unlock");\n  });\n}`,
  },
  {
    name: "finally: at the end of a then/catch chain",
    code: `${D}\ndeclare function fetchUser(id: string): Promise<{ name: string }>;\nexport function show(id: string): Promise<void> {\n  return fetchUser(id)\n    .then((user) => console.log(user.name))\n    .catch((error) => console.error(error))\n    .finally(async () => save("seen"));\n}`,
  },
  {
    name: "finally: an async function passed by reference",
    code: `${D}\nasync function closeConnection(): Promise<void> {\n  await save("close");\n}\nexport const done = Promise.resolve(1).finally(closeConnection);`,
  },
  {
    name: "finally: on a promise kept in a field",
    code: `${D}\nexport class Loader {\n  private loading: Promise<void> | undefined;\n  load(): Promise<void> {\n    this.loading ??= save("load").finally(async () => {\n      this.loading = undefined;\n      await save("loaded");\n    });\n    return this.loading;\n  }\n}`,
  },
  {
    name: "rest parameters: an array-typed rest of promise-returning functions (a series runner)",
    code: `${D}\ndeclare function series(...steps: Array<() => Promise<void>>): Promise<void>;\nexport async function migrate() {\n  await series(async () => save("a"), async () => save("b"));\n}`,
  },
  {
    name: "rest parameters: a rest of functions returning unknown (the runner may await them)",
    code: `${D}\ndeclare function use(...middleware: Array<(next: () => void) => unknown>): void;\nuse(async (next) => { await save("log"); next(); });`,
  },
  {
    name: "rest parameters: a tuple-typed rest whose callback position returns a promise",
    code: `${D}\ndeclare function retry(...args: [times: number, task: () => Promise<void>]): Promise<void>;\nexport async function run() {\n  await retry(3, async () => save("a"));\n}`,
  },
  {
    name: "rest parameters: an overload taking promise-returning rest elements settles it",
    code: `${D}\ndeclare function hooks(...fns: Array<() => void>): void;\ndeclare function hooks(...fns: Array<() => Promise<void>>): void;\nhooks(async () => save("a"));`,
  },
  {
    name: "rest parameters: a generic rest infers the callback's own type",
    code: `${D}\ndeclare function defer<A extends unknown[]>(...args: A): A;\nexport const pending = defer(async () => save("a"));`,
  },
  {
    name: "rest parameters: the element after a tuple's rest element is left to the contextual type (which accepts promises)",
    code: `${D}\ndeclare function chain(...args: [...string[], () => Promise<void>]): void;\nchain("a", "b", async () => save("c"));`,
  },
  {
    name: "sync arrows, R3: signal handlers calling a method whose try ends in finally { process.exit() } (bullmq)",
    code: CHILD,
  },
  {
    name: "sync arrows, R3: an interval calling a method that catches everything",
    code: `${D}\nexport class Cache {\n  start(): void {\n    setInterval(() => this.refresh(), 60_000);\n  }\n  private async refresh(): Promise<void> {\n    try {\n      await save("cache");\n    } catch (error) {\n      console.error(error);\n    }\n  }\n}`,
  },
  {
    name: "sync arrows, R3: a listener returning the call with a .catch(handler)",
    code: `import { EventEmitter } from "node:events";\n${D}\nexport class Writer {\n  constructor(events: EventEmitter) {\n    events.on("idle", () => this.flush().catch((error) => console.error(error)));\n  }\n  private async flush(): Promise<void> {\n    await save("buffer");\n  }\n}`,
  },
  {
    name: "sync arrows, R3: an arrow assigned to a property typed to return void, calling a function that cannot reject",
    code: `${TRANSPORT}\n${D}\nasync function persist(): Promise<void> {\n  await save("session").catch((error) => console.error(error));\n}\ntransport.onclose = () => persist();`,
  },
  {
    name: "delays only, R2: a listener that awaits a timer promise, then dispatches (puppeteer)",
    code: DELAYED,
  },
  {
    name: "delays only, R2: a signal handler that waits for the logs to flush, then exits (actionhero)",
    code: `declare const server: { close(): void };\nprocess.on("SIGTERM", async () => {\n  console.log("stopping");\n  await new Promise<void>((resolve) => setTimeout(resolve, 100));\n  server.close();\n  process.exit(0);\n});`,
  },
  {
    name: "delays only, R2: a listener awaiting a field set only from a promise that never rejects",
    code: 'import { EventEmitter } from "node:events";\nexport class Frame {\n  #ready: Promise<void>;\n  #markReady: () => void = () => {};\n  #events: unknown[] = [];\n  constructor(session: EventEmitter) {\n    this.#ready = new Promise<void>((resolve) => {\n      this.#markReady = resolve;\n    });\n    session.on("loaded", () => this.#markReady());\n    session.on("event", async (name: string) => {\n      await this.#ready;\n      this.#events.push(JSON.parse(name));\n    });\n  }\n}',
  },
  {
    name: "delays only, R2: a timer callback that yields to the event loop with setImmediate, then logs",
    code: `setTimeout(async () => {\n  await new Promise((resolve) => setImmediate(resolve));\n  process.stdout.write("after the pending I/O\\n");\n}, 10);`,
  },
  {
    name: "delays only, R2: a bound method (R1) that waits before counting",
    code: `declare function sample(): number;\nexport class Poller {\n  count = 0;\n  start(): void {\n    setInterval(this.poll.bind(this), 1000);\n  }\n  private async poll(): Promise<void> {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    this.count += sample();\n  }\n}`,
  },
  {
    name: "callbacks by reference, R1: a field arrow that never suspends, a bound method that cannot reject and a module const listener (puppeteer)",
    code: TARGETS,
  },
  {
    name: "callbacks by reference, R1: a function declaration handed to setInterval that catches everything",
    code: `${D}\nasync function refresh(): Promise<void> {\n  try {\n    await save("cache");\n  } catch (error) {\n    console.error(error);\n  }\n}\nsetInterval(refresh, 60_000);`,
  },
  {
    name: "callbacks by reference, R1: a const copy of a function that cannot reject",
    code: `${D}\nconst refresh = async () => {\n  await save("cache").catch((error) => console.error(error));\n};\nconst onTick = refresh;\nsetInterval(onTick, 60_000);`,
  },
  {
    name: "callbacks by reference, R1: a bound method assigned to a property typed to return void, never suspending",
    code: `${TRANSPORT}\nexport class Client {\n  closed = false;\n  connect(): void {\n    transport.onclose = this.onClose.bind(this);\n  }\n  private async onClose(): Promise<void> {\n    this.closed = true;\n  }\n}`,
  },
  {
    name: "callbacks by reference, R1: a method whose override in a subclass cannot reject either",
    code: `${D}\nexport class Poller {\n  start(): void {\n    setInterval(this.tick.bind(this), 1000);\n  }\n  protected async tick(): Promise<void> {\n    console.log("tick");\n  }\n}\nexport class SavingPoller extends Poller {\n  protected override async tick(): Promise<void> {\n    await save("tick").catch((error) => console.error(error));\n  }\n}`,
  },
  {
    name: "callbacks by reference, R1: an object property typed to return void holding a const that never suspends",
    code: `interface Hooks { onIdle: () => void }\nconst seen = new Set<string>();\nconst markIdle = async () => {\n  seen.add("idle");\n};\nexport const hooks: Hooks = { onIdle: markIdle };`,
  },
  {
    name: "awaits that fail only as sync code, R1: a timer callback in an executor whose call before its try may throw synchronously (every await is caught)",
    code: `${D}\ndeclare function report(error: unknown): void;\nexport function saveLater(id: string, quiet: boolean) {\n  return new Promise((resolve, reject) => {\n    let fail = reject;\n    if (quiet) fail = report;\n    setTimeout(async () => {\n      if (id === "") {\n        fail("no id");\n        return;\n      }\n      try {\n        resolve(await save(id));\n      } catch (error) {\n        fail(error);\n      }\n    }, 10);\n  });\n}`,
  },
  {
    name: "awaits that fail only as sync code, R1: code before the try may throw, as it would in a sync listener; the await is caught",
    code: `import { EventEmitter } from "node:events";\n${D}\ndeclare function parse(text: string): string;\nexport function listen(bus: EventEmitter) {\n  bus.on("message", async (text: string) => {\n    const id = parse(text);\n    try {\n      await save(id);\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}`,
  },
  {
    name: "awaits that fail only as sync code, R1: a bound method whose sync part may throw and whose one await is caught (puppeteer ExecutionContext)",
    code: BINDING,
  },
  {
    name: "awaits that fail only as sync code, R1: a field arrow whose awaits are caught, the catch's own awaits in a nested try (puppeteer ExposedFunction)",
    code: 'import { EventEmitter } from "node:events";\ninterface Handle { evaluate(fn: (settle: (value: unknown) => void) => void, ...args: unknown[]): Promise<void>; getArgs(): Promise<unknown[]> }\ndeclare function handleFrom(data: unknown): Handle;\nexport class ExposedFunction {\n  #channel = "exposed";\n  #logger?: (error: unknown) => void;\n  constructor(private readonly apply: (...args: unknown[]) => Promise<unknown>, connection: EventEmitter) {\n    connection.on("script.message", this.#handleMessage);\n  }\n  #handleMessage = async (params: { channel: string; data: unknown }) => {\n    if (params.channel !== this.#channel) return;\n    const dataHandle = handleFrom(params.data);\n    let result: unknown;\n    try {\n      result = await this.apply(...(await dataHandle.getArgs()));\n    } catch (error) {\n      try {\n        await dataHandle.evaluate((reject) => reject(error));\n      } catch (error) {\n        this.#logger?.(error);\n      }\n      return;\n    }\n    try {\n      await dataHandle.evaluate((resolve) => resolve(result));\n    } catch (error) {\n      this.#logger?.(error);\n    }\n  };\n}',
  },
  {
    name: "awaits that fail only as sync code, R3: a Readable read() whose loop is in try and whose catch destroys the stream (bullmq)",
    code: 'import { Readable } from "node:stream";\ninterface Adapter { scan(cursor: string, options: { MATCH?: string }): Promise<[string, string[]]> }\nexport function scanStream(adapter: Adapter, match?: string): Readable {\n  let cursor = "0";\n  let started = false;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      if (started && cursor === "0") {\n        readable.push(null);\n        return;\n      }\n      started = true;\n      try {\n        while (true) {\n          const [nextCursor, keys] = await adapter.scan(cursor, { MATCH: match });\n          cursor = nextCursor;\n          if (keys.length > 0) {\n            readable.push(keys);\n            return;\n          }\n          if (cursor === "0") {\n            readable.push(null);\n            return;\n          }\n        }\n      } catch (err) {\n        readable.destroy(err as Error);\n      }\n    },\n  });\n  return readable;\n}',
  },
  {
    name: "awaits that fail only as sync code, R2: a listener awaiting a method whose awaits are a form-parse promise and a local raw-body promise (actionhero)",
    code: WEB,
  },
  {
    name: "awaits that fail only as sync code, R2: a timer callback awaiting a project function whose await is caught, after a sync parse",
    code: `${D}\nasync function flush(ids: string[]): Promise<void> {\n  const batch = ids.map((id) => id.trim());\n  try {\n    await Promise.all(batch.map((id) => save(id)));\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function schedule(text: string) {\n  setTimeout(async () => {\n    const ids = JSON.parse(text) as string[];\n    await flush(ids);\n    console.log("flushed", ids.length);\n  }, 10);\n}`,
  },
  {
    name: "awaits that fail only as sync code: a signal handler whose await is in a try that ends in finally { process.exit() }",
    code: `${D}\nprocess.on("SIGTERM", async () => {\n  const reason = String(process.exitCode);\n  try {\n    await save(reason);\n  } finally {\n    process.exit(0);\n  }\n});`,
  },
  {
    name: "gates, N3b: listeners awaiting a Deferred field the class only resolves, created without a timeout (puppeteer FrameManager)",
    code: FRAMES,
  },
  {
    name: "gates, N3b: a field arrow by reference awaiting a public Deferred of another class, which the project only resolves (puppeteer Browser)",
    code: BROWSER,
  },
  {
    name: "gates, N3b: a Deferred constructed with new and no options, tested for presence before it is resolved",
    code: `${DEFERRED}\nexport class Session {\n  #ready = new Deferred<void>();\n  #queue: string[] = [];\n  constructor() {\n    setTimeout(async () => {\n      await this.#ready.valueOrThrow();\n      this.#queue.length = 0;\n    }, 10);\n  }\n  markReady(): void {\n    if (this.#ready) this.#ready.resolve();\n  }\n}`,
  },
  {
    name: "gates: any project class whose promise rejects only after a member the project never calls (a latch that is only opened)",
    code: LATCH,
  },
  {
    name: "emitted JavaScript, R3: signal handlers calling a method that ends in finally { process.exit() }, imported through the build's .d.ts (bullmq main-base.js)",
    code: MAIN_BASE,
    fileName: "main-base.js",
    extraFiles: { "child-processor.js": CHILD_JS, "child-processor.d.ts": CHILD_DTS },
    ...JS_BUILD,
  },
  {
    name: "emitted JavaScript, R3: a function declared in the .d.ts and written in the .js beside it, which catches everything",
    code: 'import { flushAndExit } from "./shutdown";\nprocess.on("SIGTERM", () => flushAndExit());',
    fileName: "main.js",
    extraFiles: {
      "shutdown.js": "export async function flushAndExit() {\n    try {\n        await new Promise((resolve) => process.stdout.write(\"bye\\n\", resolve));\n    }\n    catch (error) {\n        console.error(error);\n    }\n}",
      "shutdown.d.ts": "export declare function flushAndExit(): Promise<void>;",
    },
    ...JS_BUILD,
  },
  { name: "for...of with await", code: `${D}\nasync function f() {\n  for (const id of ids) await save(id);\n}` },
  { name: "Promise.all over map(async)", code: `${D}\nasync function f() {\n  await Promise.all(ids.map(async (id) => save(id)));\n}` },
  { name: "map expects a value, not void", code: `${D}\nfunction f() {\n  return ids.map(async (id) => save(id));\n}` },
  { name: "then with an async callback", code: `${D}\nfunction f() {\n  return save("x").then(async () => save("y"));\n}` },
  { name: "sync listener handling the promise", code: `import { EventEmitter } from "node:events";\n${D}\nconst bus = new EventEmitter();\nbus.on("message", (id: string) => {\n  void save(id).catch(() => {});\n});` },
  { name: "awaited condition", code: `${D}\nasync function f() {\n  if (await isAdmin("x")) return 1;\n  return 0;\n}` },
  { name: "optional promise tested for presence", code: `declare const pending: Promise<void> | undefined;\nexport function f() {\n  if (pending) return 1;\n  return 0;\n}` },
  { name: "any-typed condition", code: `declare const value: any;\nexport function f() {\n  return value ? 1 : 2;\n}` },
  { name: "sync predicate", code: `${D}\nexport function f() {\n  return ids.filter((id) => id.length > 0);\n}` },
  { name: "sync forEach callback", code: `${D}\nexport function f() {\n  ids.forEach((id) => console.log(id));\n}` },
  { name: "sync setTimeout callback", code: `setTimeout(() => console.log("tick"), 10);`, fileName: "script.cts" },
  { name: "sync Promise executor", code: `export const p = new Promise<void>((resolve) => setTimeout(resolve, 1));` },
  { name: "spreading an object", code: `declare const base: { a: number };\nexport const copy = { ...base };` },
  { name: "spreading an awaited value", code: `declare function load(): Promise<{ a: number }>;\nexport async function f() {\n  return { ...(await load()) };\n}` },
  { name: "parameter typed to return a promise", code: `${D}\ndeclare function retry(task: () => Promise<void>): void;\nretry(async () => save("x"));`, fileName: "script.cts" },
  { name: "parameter returning void or a promise", code: `${D}\ndeclare function hook(task: () => void | Promise<void>): void;\nhook(async () => save("x"));`, fileName: "script.cts" },
  { name: "async generator is not a promise", code: `declare function each(callback: () => void): void;\neach(async function* () {\n  yield 1;\n});`, fileName: "script.cts" },
  { name: "async arrow in an untyped variable", code: `${D}\nexport const handler = async () => save("x");` },
  { name: "sync JSX handler", code: `${JSX_PRELUDE}\nexport const view = <button onClick={() => console.log("x")} />;`, fileName: "view.tsx" },
  { name: "property typed to return a promise", code: `${D}\nexport const hooks: { run: () => Promise<void> } = {\n  run: async () => save("x"),\n};` },
  { name: "negated boolean", code: `declare const ready: boolean;\nexport const notReady = !ready;` },
  { name: "awaited loop condition", code: `${D}\nasync function f() {\n  while (await isAdmin("x")) break;\n}` },
  { name: "a thenable in a condition without checkThenables", code: `declare const job: { then(ok: () => void): void };\nexport const x = job ? 1 : 2;` },
  { name: "forEach(async) with checksVoidReturn off", code: `${D}\nasync function f() {\n  ids.forEach(async (id) => save(id));\n}`, options: { checksVoidReturn: false } },
  { name: "promise condition with checksConditionals off", code: `${D}\nfunction f() {\n  return isAdmin("x") ? 1 : 2;\n}`, options: { checksConditionals: false } },
  { name: "async predicate with checksPredicates off", code: `${D}\nexport function f() {\n  return ids.filter(async (id) => isAdmin(id));\n}`, options: { checksPredicates: false } },
  { name: "a user's own filter that awaits predicates", code: `${D}\ndeclare const store: { filter(test: (id: string) => Promise<boolean>): Promise<string[]> };\nexport function f() {\n  return store.filter(async (id) => isAdmin(id));\n}` },
  // Overloads: any overload accepting a promise-returning function in that position settles it.
  {
    name: "mocha it with an async function (the async overload comes second)",
    code: `${MOCHA}\n${D}\ndescribe("store", function () {\n  it("saves", async function () {\n    this.timeout(5000);\n    await save("x");\n  });\n});`,
    fileName: "store.test.cts",
  },
  { name: "mocha test with an async arrow", code: `${MOCHA}\n${D}\ntest("saves", async () => {\n  await save("x");\n});`, fileName: "store.test.cts" },
  { name: "mocha it.only with an async arrow", code: `${MOCHA}\n${D}\nit.only("saves", async () => {\n  await save("x");\n});`, fileName: "store.test.cts" },
  { name: "mocha before (overloaded function declarations) with an async arrow", code: `${MOCHA}\n${D}\nbefore(async () => {\n  await save("fixture");\n});`, fileName: "store.test.cts" },
  { name: "mocha beforeEach with a name and an async function", code: `${MOCHA}\n${D}\nbeforeEach("seed", async function () {\n  await save("seed");\n});`, fileName: "store.test.cts" },
  { name: "mocha after with a reference to an async function", code: `${MOCHA}\n${D}\nasync function cleanUp() {\n  await save("cleanup");\n}\nafter(cleanUp);`, fileName: "store.test.cts" },
  { name: "mocha it with a done callback", code: `${MOCHA}\nit("ticks", function (done) {\n  setTimeout(done, 1);\n});`, fileName: "store.test.cts" },
  { name: "jasmine it with an async arrow", code: `${JASMINE}\n${D}\nit("saves", async () => {\n  await save("x");\n});`, fileName: "store.spec.cts" },
  { name: "jasmine beforeEach with an async arrow", code: `${JASMINE}\n${D}\nbeforeEach(async () => {\n  await save("seed");\n});`, fileName: "store.spec.cts" },
  // strictNullChecks off: the declaration says "may be absent", the type cannot.
  {
    name: "strictNullChecks off: `closing: Promise<void> | undefined` tested for presence",
    code: `export class Pool {\n  private closing: Promise<void> | undefined;\n  close(): Promise<void> {\n    if (!this.closing) {\n      this.closing = this.drain();\n    }\n    return this.closing;\n  }\n  private async drain() {}\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: an optional promise property",
    code: `export class Connection {\n  private opening?: Promise<void>;\n  async ensureOpen() {\n    if (this.opening) return this.opening;\n    this.opening = this.handshake();\n    await this.opening;\n  }\n  private async handshake() {}\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: the result of Map#get, through a local",
    code: `export class Loader {\n  private readonly inFlight = new Map<string, Promise<string>>();\n  get(key: string): Promise<string> {\n    const pending = this.inFlight.get(key);\n    if (pending) return pending;\n    const started = this.fetch(key);\n    this.inFlight.set(key, started);\n    return started;\n  }\n  private async fetch(key: string) { return key; }\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: an annotated local initialized from Map#get",
    code: `export class Sessions {\n  private readonly refreshing = new Map<string, Promise<string>>();\n  get(user: string): Promise<string> {\n    const running: Promise<string> = this.refreshing.get(user);\n    if (running) return running;\n    return this.refresh(user);\n  }\n  private async refresh(user: string) { return user; }\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: Map#get tested directly",
    code: `declare const locks: Map<string, Promise<void>>;\ndeclare const http: { get(url: string): Promise<string> };\nexport function isLocked(name: string) {\n  return locks.get(name) ? true : false;\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: the result of Array#find",
    code: `declare const uploads: Promise<void>[];\ndeclare function isCurrent(upload: Promise<void>): boolean;\nexport function current() {\n  const upload = uploads.find(isCurrent);\n  if (upload) return upload;\n  return Promise.resolve();\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: a property read through an optional chain",
    code: `interface Job { id: string; done: Promise<void> }\ndeclare const jobs: Job[];\nexport function waitFor(id: string) {\n  const done = jobs.find((job) => job.id === id)?.done;\n  if (!done) throw new Error("no such job");\n  return done;\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: `let current: Promise<void> | null`",
    code: `${D}\nlet current: Promise<void> | null = null;\nexport function flush() {\n  if (current) return current;\n  current = save("all").finally(() => {\n    current = null;\n  });\n  return current;\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: an optional parameter",
    code: `export function whenReady(ready?: Promise<void>) {\n  return ready ? ready : Promise.resolve();\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: a type alias that adds undefined",
    code: `type Maybe<T> = T | undefined;\nexport class Cache {\n  private warming: Maybe<Promise<void>>;\n  warm() {\n    if (!this.warming) this.warming = this.load();\n  }\n  private async load() {}\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: a field with no initializer, assigned lazily",
    code: `export class Client {\n  private ready: Promise<void>;\n  connect() {\n    if (!this.ready) this.ready = this.open();\n    return this.ready;\n  }\n  private async open() {}\n}`,
    ...LOOSE,
  },
  {
    name: "strictNullChecks off: a field initialized with null",
    code: `export class Server {\n  private closing: Promise<void> = null;\n  close() {\n    if (this.closing) return this.closing;\n    this.closing = this.stop().finally(() => {\n      this.closing = null;\n    });\n    return this.closing;\n  }\n  private async stop() {}\n}`,
    ...LOOSE,
  },
  {
    name: "a module variable declared without initializer and started lazily",
    code: `${D}\nlet flushing: Promise<void>;\nexport function flush() {\n  if (!flushing) flushing = save("all");\n  return flushing;\n}`,
  },
  {
    name: "an index signature promises no entry",
    code: `const cache: Record<string, Promise<string>> = {};\ndeclare function fetchText(url: string): Promise<string>;\nexport function get(url: string) {\n  if (!cache[url]) cache[url] = fetchText(url);\n  return cache[url];\n}`,
  },
  {
    name: "presence re-checked after an await (narrowing kept the type)",
    code: `export class Pool {\n  private closing: Promise<void> | undefined;\n  async close() {\n    if (this.closing) {\n      await this.closing;\n      if (this.closing) this.closing = undefined;\n    }\n  }\n}`,
  },
  // JavaScript classes (bullmq's dist/esm): a property created by `this.x = ...` in a method is absent until assigned.
  {
    name: "JavaScript, strictNullChecks off: `closing` only assigned in close(), `mainLoopRunning = null` in the constructor (bullmq's Worker)",
    code: `export class Worker {\n  constructor(opts) {\n    this.opts = opts;\n    this.running = false;\n    this.mainLoopRunning = null;\n  }\n  close() {\n    if (!this.closing) {\n      this.closing = this.stop();\n    }\n    return this.closing;\n  }\n  run() {\n    if (this.mainLoopRunning) throw new Error('Worker is already running.');\n    this.mainLoopRunning = this.mainLoop();\n    return this.mainLoopRunning;\n  }\n  async mainLoop() {\n    while (!this.closing) {\n      await this.opts.process();\n    }\n  }\n  async stop() {\n    this.running = false;\n  }\n}`,
    ...LOOSE_JS,
  },
  {
    name: "JavaScript, strictNullChecks off: a promise memoized by an async IIFE, tested in other methods",
    code: `export class Backend {\n  constructor(connection) {\n    this.connection = connection;\n  }\n  close() {\n    if (!this.closing) {\n      this.closing = (async () => {\n        await this.connection.quit();\n      })();\n    }\n    return this.closing;\n  }\n  async poll(timedOut) {\n    if (timedOut && !this.closing) {\n      await this.connection.ping();\n    }\n  }\n}`,
    ...LOOSE_JS,
  },
  {
    name: "JavaScript, strictNullChecks off: compiled TypeScript's `this.x = void 0` in the constructor",
    code: `export class Pool {\n  constructor(size) {\n    this.size = size;\n    this.draining = void 0;\n  }\n  drain() {\n    if (this.draining) return this.draining;\n    this.draining = this.release();\n    return this.draining;\n  }\n  async release() {\n    this.size = 0;\n  }\n}`,
    ...LOOSE_JS,
  },
  {
    name: "JavaScript, strictNullChecks off: a getter that forwards a property assigned only in close()",
    code: `export class QueueBackend {\n  constructor(client, keys) {\n    const self = this;\n    this.client = client;\n    this.queue = {\n      keys,\n      get closing() {\n        return self.closing;\n      },\n    };\n  }\n  close() {\n    if (!this.closing) this.closing = this.disconnect();\n    return this.closing;\n  }\n  async disconnect() {\n    await this.client.quit();\n  }\n  moveToFinishedArgs(fetchNext) {\n    return [this.queue.keys.wait, !fetchNext || this.queue.closing ? 0 : 1];\n  }\n}`,
    ...LOOSE_JS,
  },
  {
    name: "JavaScript, strictNullChecks off: a property tested through another object",
    code: `export class Connection {\n  constructor(client) {\n    this.client = client;\n  }\n  close() {\n    if (!this.closing) this.closing = this.end();\n    return this.closing;\n  }\n  async end() {}\n}\n/** @param {Connection} connection */\nexport function canQuery(connection) {\n  return !connection.closing;\n}`,
    ...LOOSE_JS,
  },
  {
    name: "JavaScript, strictNullChecks off: a promise created in connect(), with a .d.ts beside that declares it `Promise<void>`",
    code: `export class RedisClient {\n  constructor(options) {\n    this.options = options;\n    this.status = 'wait';\n  }\n  connect() {\n    if (this.connecting) return this.connecting;\n    this.connecting = new Promise((resolve, reject) => {\n      this.options.socket.once('ready', resolve);\n      this.options.socket.once('error', reject);\n    });\n    return this.connecting;\n  }\n}`,
    ...LOOSE_JS,
    fileName: "redis-client.js",
    extraFiles: { "redis-client.d.ts": "export declare class RedisClient {\n  protected connecting: Promise<void>;\n  constructor(options: { socket: NodeJS.EventEmitter });\n  connect(): Promise<void>;\n}" },
  },
  {
    name: "JavaScript, strictNullChecks off: a property only assigned in an arrow function inside a method",
    code: `export class Scheduler {\n  constructor(queue) {\n    this.queue = queue;\n  }\n  start() {\n    this.queue.on('drained', () => {\n      if (!this.flushing) this.flushing = this.flush();\n    });\n  }\n  async flush() {\n    await this.queue.drain();\n  }\n}`,
    ...LOOSE_JS,
  },
  {
    name: "strictNullChecks off: a TypeScript field the constructor sets to null",
    code: `export class Server {\n  private closing: Promise<void>;\n  constructor(private readonly port: number) {\n    this.closing = null;\n  }\n  close() {\n    if (this.closing) return this.closing;\n    this.closing = this.stop();\n    return this.closing;\n  }\n  private async stop() {\n    console.log(this.port);\n  }\n}`,
    ...LOOSE,
  },
  // A project receiver whose body awaits the callback and handles its rejection.
  {
    name: "an event bus that wraps every listener in an async try/catch",
    code: `${BUS}\n${D}\nbus.on("saved", async (id: string) => {\n  await save(id);\n});`,
    fileName: "bus.cts",
  },
  {
    name: "an event bus listener given by reference to an async method",
    code: `${BUS}\n${D}\nclass Indexer {\n  async reindex(id: string) {\n    await save(id);\n  }\n  start() {\n    bus.on("saved", (id: string) => this.reindex(id));\n  }\n}\nnew Indexer().start();`,
    fileName: "bus.cts",
  },
  {
    name: "executor resolvers: a timer callback in a promise executor settles it from its try and catch",
    code: `${D}\nexport function saveLater(id: string, ms: number) {\n  return new Promise<void>((resolve, reject) => {\n    setTimeout(async () => {\n      try {\n        await save(id);\n        resolve();\n      } catch (error) {\n        reject(error);\n      }\n    }, ms);\n  });\n}`,
  },
  {
    name: "executor resolvers: a listener whose catch calls a reject kept in a field (a Deferred)",
    code: `import { EventEmitter } from "node:events";\n${D}\nexport class Pending {\n  #reject!: (error: unknown) => void;\n  readonly promise = new Promise<void>((resolve, reject) => {\n    this.#reject = reject;\n    setTimeout(resolve, 1000);\n  });\n  fail(error: unknown) {\n    this.#reject(error);\n  }\n}\nexport function watch(bus: EventEmitter, pending: Pending) {\n  bus.on("saved", async (id: string) => {\n    try {\n      await save(id);\n    } catch (error) {\n      pending.fail(error);\n    }\n  });\n}`,
  },
  {
    name: "self-handled callbacks, N1: a catch that calls a library logger (error-handling code: library calls are taken not to throw)",
    code: `${D}\ndeclare const logger: { error(message: unknown): void };\nsetInterval(async () => {\n  try {\n    await save("tick");\n  } catch (error) {\n    logger.error(error);\n  }\n}, 1000);`,
  },
  {
    name: "error-handling code: a timer callback whose catch calls a project log() built on a logging library (actionhero)",
    code: `${D}\ndeclare const loggers: { log(level: string, message: unknown): void }[];\nexport function log(message: unknown, severity = "info") {\n  loggers.map((logger) => logger.log(severity, message));\n}\nexport function startPolling(id: string) {\n  setInterval(async () => {\n    try {\n      await save(id);\n    } catch (error) {\n      log(error, "warning");\n    }\n  }, 1000);\n}`,
  },
  {
    name: "error-handling code: a listener whose catch emits a warning event",
    code: `import { EventEmitter } from "node:events";\n${D}\nexport class Indexer extends EventEmitter {\n  watch(bus: EventEmitter) {\n    bus.on("saved", async (id: string) => {\n      try {\n        await save(id);\n      } catch (error) {\n        this.emit("warning", error);\n      }\n    });\n  }\n}`,
  },
  {
    name: "runSafely awaits the task inside try/catch",
    code: `${D}\nasync function runSafely(task: () => void): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error("task failed", error);\n  }\n}\nvoid runSafely(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
  },
  {
    name: "a const arrow receiver that awaits the task through .call inside try/catch",
    code: `${D}\nconst runSafely = async (task: () => void) => {\n  try {\n    await task.call(undefined);\n  } catch (error) {\n    console.error(error);\n  }\n};\nvoid runSafely(async () => save("x"));`,
    fileName: "script.cts",
  },
  {
    name: "a receiver that awaits the callback itself: the rejection rejects the receiver's promise, which the caller awaits",
    code: `${D}\nasync function timed(label: string, work: () => void): Promise<void> {\n  const start = Date.now();\n  await work();\n  console.log(label, Date.now() - start);\n}\nexport async function main() {\n  await timed("save", async () => save("x"));\n}`,
  },
  {
    name: "a listener handed on to a wrapper that awaits it in try/catch",
    code: `import { EventEmitter } from "node:events";\n${D}\nfunction guarded(fn: (...a: any[]) => unknown) {\n  return async (...a: any[]) => {\n    try {\n      await fn(...a);\n    } catch (e) {\n      console.error(e);\n    }\n  };\n}\nclass Hub {\n  private readonly emitter = new EventEmitter();\n  subscribe(event: string, listener: (...args: any[]) => void) {\n    this.emitter.on(event, guarded(listener));\n  }\n}\nnew Hub().subscribe("saved", async (id: string) => save(id));`,
  },
  {
    name: "an overloaded receiver whose implementation wraps the listener",
    code: `${D}\nclass Events {\n  private readonly handlers: ((...a: any[]) => Promise<void>)[] = [];\n  on(event: "saved", listener: (id: string) => void): void;\n  on(event: string, listener: (...a: any[]) => void): void;\n  on(event: string, listener: (...a: any[]) => void): void {\n    this.handlers.push(async (...a) => {\n      try {\n        await listener(...a);\n      } catch (e) {\n        console.error(event, e);\n      }\n    });\n  }\n}\nnew Events().on("saved", async (id) => save(id));`,
  },
  {
    name: "a receiver that checks the callback before wrapping it (optional call)",
    code: `${D}\nconst shutdownHooks: (() => Promise<void>)[] = [];\nfunction onShutdown(hook?: () => void) {\n  if (!hook) return;\n  shutdownHooks.push(async () => {\n    try {\n      await hook?.();\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}\nonShutdown(async () => save("final"));`,
    fileName: "script.cts",
  },
  {
    name: "a receiver that compares the callback before awaiting it in try/catch",
    code: `${D}\nexport class Scheduler {\n  private readonly queue: (() => Promise<void>)[] = [];\n  schedule(job: () => void) {\n    if (job === undefined || job === null) throw new TypeError("job");\n    if (job) this.queue.push(async () => {\n      try {\n        await job();\n      } catch (error) {\n        console.error("job failed", error);\n      }\n    });\n  }\n}\nnew Scheduler().schedule(async () => save("x"));`,
  },
  // `.bind(this)` and assignments.
  {
    name: "a sync method bound with .bind(this) as a listener",
    code: `import { EventEmitter } from "node:events";\nexport class Worker {\n  constructor(events: EventEmitter) {\n    events.on("job", this.onJob.bind(this));\n  }\n  private onJob(id: string) {\n    console.log(id);\n  }\n}`,
  },
  {
    name: "an async method bound with .bind(this) where a promise-returning function is expected",
    code: `${D}\ndeclare function retry(task: () => Promise<void>): Promise<void>;\nexport class Sync {\n  run() {\n    return retry(this.push.bind(this));\n  }\n  private async push() {\n    await save("x");\n  }\n}`,
  },
  {
    name: "an async method bound with .bind(this) to map",
    code: `${D}\nexport class Sync {\n  all(ids: string[]) {\n    return Promise.all(ids.map(this.push.bind(this)));\n  }\n  private async push(id: string) {\n    await save(id);\n  }\n}`,
  },
  {
    name: "a sync method bound with .bind(this) assigned to a transport callback",
    code: `${TRANSPORT}\nexport class Client {\n  connect() {\n    transport.onmessage = this.onMessage.bind(this);\n  }\n  private onMessage(message: Message) {\n    console.log(message.id);\n  }\n}`,
  },
  {
    name: "a sync function reference in a typed variable and an object property",
    code: `${TRANSPORT}\nfunction log(message: Message) {\n  console.log(message.id);\n}\nexport const onMessage: (message: Message) => void = log;\nexport const handlers: { onmessage: (message: Message) => void } = { onmessage: log };`,
  },
  {
    name: "an async arrow assigned to a variable typed to return a promise",
    code: `${D}\nlet flush: () => Promise<void> = async () => {};\nexport function configure() {\n  flush = async () => save("buffer");\n}`,
  },
  {
    name: "an async arrow assigned to a property typed to return a promise",
    code: `${D}\ndeclare const hooks: { beforeSave: () => Promise<void> };\nhooks.beforeSave = async () => save("audit");`,
  },
  {
    name: "an async arrow assigned to a property typed to return void or a promise",
    code: `${D}\ndeclare const job: { onDone: () => void | Promise<void> };\njob.onDone = async () => save("done");`,
  },
  {
    name: "an async arrow assigned to an any-typed target",
    code: `${D}\ndeclare const globals: any;\nglobals.onReady = async () => save("ready");`,
  },
  {
    name: "a user-defined bind that is not Function#bind",
    code: `import { EventEmitter } from "node:events";\ninterface Route { (request: string): Promise<void>; bind(path: string): (request: string) => void }\ndeclare const route: Route;\ndeclare const events: EventEmitter;\nevents.on("request", route.bind("/save"));`,
  },
  {
    name: "a sync method called through handler.bind(this)(...)",
    code: `import { EventEmitter } from "node:events";\nexport class Reader {\n  constructor(events: EventEmitter) {\n    events.on("data", (chunk: string) => this.handleData.bind(this)(chunk));\n  }\n  private handleData(chunk: string) {\n    console.log(chunk);\n  }\n}`,
  },
  {
    name: "self-handled callbacks, N1: a reconnect timer whose async callback catches everything (bullmq)",
    code: RECONNECT,
  },
  {
    name: "self-handled callbacks, N1: an auth listener whose only await has a .catch(handler) (puppeteer)",
    code: AUTH,
  },
  {
    name: "self-handled callbacks, N1: a signal handler whose try ends in finally { process.exit() }",
    code: `declare function closeServers(): Promise<void>;\nprocess.on("SIGTERM", async () => {\n  try {\n    await closeServers();\n  } finally {\n    process.exit(0);\n  }\n});`,
  },
  {
    name: "self-handled callbacks, N1: an interval awaiting a project function that cannot reject",
    code: `${D}\nasync function refresh(): Promise<void> {\n  try {\n    await save("cache");\n  } catch (error) {\n    console.error(error);\n  }\n}\nsetInterval(async () => {\n  await refresh();\n}, 60_000);`,
  },
  {
    name: "self-handled callbacks, N1: an async arrow assigned to a property typed to return void, catching its errors",
    code: `${D}\ndeclare const socket: { onclose: (() => void) | null };\nsocket.onclose = async () => {\n  try {\n    await save("session");\n  } catch (error) {\n    console.error("could not save the session", error);\n  }\n};`,
  },
  {
    name: "self-handled callbacks, N1: an object property and an object method typed to return void, both self-handled",
    code: `${D}\ninterface Hooks { onExit(): void; onIdle: () => void }\nexport const hooks: Hooks = {\n  async onExit() {\n    try {\n      await save("exit");\n    } catch {\n      console.warn("not saved");\n    }\n  },\n  onIdle: async () => {\n    await save("idle").catch((error) => console.error(error));\n  },\n};`,
  },
  {
    name: "self-handled callbacks, N1: a typed variable holding a self-handled async arrow",
    code: `${D}\nexport const onTick: () => void = async () => {\n  await save("tick").then(() => console.log("saved"), (error) => console.error(error));\n};`,
  },
  {
    name: "never-suspending callbacks, N2: an async listener with no await (puppeteer)",
    code: CLEARED,
  },
  {
    name: "never-suspending callbacks, N2: an async arrow whose body is a sync call",
    code: `import { EventEmitter } from "node:events";\nexport class Session {\n  private open = true;\n  constructor(emitter: EventEmitter) {\n    emitter.on("close", async () => this.cleanup());\n  }\n  private cleanup(): void {\n    this.open = false;\n  }\n}`,
  },
  {
    name: "never-suspending callbacks, N2: forEach with an async callback that never suspends runs each call to the end in order",
    code: `${D}\nexport function mark(seen: Set<string>) {\n  ids.forEach(async (id) => {\n    seen.add(id);\n  });\n}`,
  },
  {
    name: "never-suspending callbacks, N2: a timer callback marked async that only logs",
    code: `setTimeout(async () => {\n  console.log("tick");\n}, 10);`,
  },
  {
    name: "never-suspending callbacks, N2: an async arrow assigned to a void-typed property that only sets state",
    code: `declare const socket: { onclose: (() => void) | null };\nexport class Link {\n  connected = true;\n  watch(): void {\n    socket.onclose = async () => {\n      this.connected = false;\n    };\n  }\n}`,
  },
  // Inherited methods (checksVoidReturn.inheritedMethods)
  { name: "async method implementing a method that returns Promise<void>", code: `${D}\ninterface Job { run(): Promise<void> }\nexport class Sync implements Job {\n  async run() {\n    await save("x");\n  }\n}` },
  { name: "async method implementing a method that returns void | Promise<void>", code: `${D}\ninterface Hook { run(): void | Promise<void> }\nexport class Audit implements Hook {\n  async run() {\n    await save("x");\n  }\n}` },
  { name: "async override of a method that returns unknown", code: `${D}\nabstract class Step { abstract exec(): unknown }\nexport class Upload extends Step {\n  async exec() {\n    await save("x");\n  }\n}` },
  { name: "async override of a method that returns any", code: `${D}\ninterface Plugin { apply(): any }\nexport class Remote implements Plugin {\n  async apply() {\n    await save("x");\n  }\n}` },
  { name: "sync override of a method that returns void", code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  onEvent(e: string) {\n    void save(e).catch(() => undefined);\n  }\n}` },
  { name: "async override whose awaits are all caught inside", code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  async onEvent(e: string) {\n    try {\n      await save(e);\n    } catch (error) {\n      console.error(error);\n    }\n  }\n}` },
  { name: "async override that never suspends", code: `interface Listener { onEvent(e: string): void }\nexport class Counter implements Listener {\n  count = 0;\n  async onEvent() {\n    this.count++;\n  }\n}` },
  { name: "overloaded async method overriding a method that returns void", code: `${D}\ninterface Loader { load(id: string): void }\nexport class Cache implements Loader {\n  load(id: string): Promise<void>;\n  load(id: string, force: boolean): Promise<void>;\n  async load(id: string) {\n    await save(id);\n  }\n}` },
  { name: "async method not declared by the base", code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  onEvent(e: string) {}\n  async flush() {\n    await save("x");\n  }\n}` },
  { name: "static async method with the name of an instance method of the base", code: `${D}\nclass Base { reset(): void {} }\nexport class Store extends Base {\n  static async reset() {\n    await save("x");\n  }\n}` },
  { name: "async method in a class without heritage clauses", code: `${D}\nexport class Logger {\n  async onEvent(e: string) {\n    await save(e);\n  }\n}` },
  {
    name: "async override of a JavaScript base placeholder that only throws (its void is inferred, not written: knex's cancelQuery)",
    ...LOOSE_JS,
    code: `class Client {\n  cancelQuery() {\n    throw new Error("Query cancelling not supported for this dialect");\n  }\n}\nexport class MySqlClient extends Client {\n  async cancelQuery(connection) {\n    const conn = await this.acquire();\n    return await this.kill(conn, connection);\n  }\n  acquire() { return Promise.resolve({}); }\n  kill() { return Promise.reject(new Error("kill failed")); }\n}`,
  },
  { name: "async override of a TypeScript base method whose void is inferred from its body", code: `${D}\nclass Step {\n  run() {\n    throw new Error("not implemented");\n  }\n}\nexport class Upload extends Step {\n  async run() {\n    await save("x");\n  }\n}` },
  { name: "async override with checksVoidReturn off", code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  async onEvent(e: string) {\n    await save(e);\n  }\n}`, options: { checksVoidReturn: false } },
  // Mutation survivors of misused-promise.ts lines 750-1040 (bench/mutation/misused-promise-lines-750-1040.md), session 4.
  {
    name: "listener api: a sync listener of a namespaced EventEmitter class that handles its promise",
    code: `${D}\nexport namespace Realtime {\n  export class ChannelEventEmitter {\n    private readonly listeners: Array<(payload: string) => void> = [];\n    on(name: string, listener: (payload: string) => void): this {\n      this.listeners.push(listener);\n      return this;\n    }\n  }\n}\nexport function subscribe(channel: Realtime.ChannelEventEmitter) {\n  channel.on("update", (payload) => {\n    void save(payload).catch((error) => console.error(error));\n  });\n}`,
  },
  {
    name: "listener api: an async listener of a NodeEventTarget that catches everything",
    code: `${D}\nimport type { NodeEventTarget } from "node:events";\nexport function watch(port: NodeEventTarget) {\n  port.on("message", async (id: string) => {\n    try {\n      await save(id);\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}`,
  },
  {
    name: "spread: the awaited value of a promise read by a literal key",
    code: `declare function loadSettings(): Promise<{ theme: string }>;\nexport class SettingsPage {\n  private readonly loads = { "user-settings": loadSettings() };\n  async current() {\n    return { ...(await this.loads["user-settings"]), page: "settings" };\n  }\n}`,
  },
  {
    name: "variables: a void-typed callback returning a stored promise that only resolves",
    code: `export class Batch {\n  pending = 0;\n  private readonly drained = new Promise<void>((resolve) => setTimeout(resolve, 0));\n  readonly onEmpty: () => void = async () => {\n    this.pending = 0;\n    return this.drained;\n  };\n}`,
  },
  {
    name: "JSX: an async handler given to an attribute typed to return a promise",
    code: `${JSX_PRELUDE}\n${D}\ndeclare function AsyncButton(props: { onPress: () => Promise<void> }): JSX.Element;\nexport const view = <AsyncButton onPress={async () => save("x")} />;`,
    fileName: "view.tsx",
  },
  {
    name: "inherited: one public overload signature before the async implementation: callers see the signature",
    code: `${D}\ninterface Loader { load(id: string): void }\nexport class Cache implements Loader {\n  public load(id: string): Promise<void>;\n  public async load(id: string) {\n    await save(id);\n  }\n}`,
  },
  {
    name: "inherited: a private static async field named like an instance method of the base",
    code: `${D}\nclass Base {\n  reset(): void {}\n}\nexport class Store extends Base {\n  private static readonly reset = async () => {\n    await save("x");\n  };\n}`,
  },
  {
    name: "class fields: a private readonly field typed to return void holding an async arrow that catches everything",
    code: `${D}\nexport class Connection {\n  private readonly onClose: () => void = async () => {\n    try {\n      await save("closed");\n    } catch (error) {\n      console.error(error);\n    }\n  };\n  constructor(socket: { on(name: string, listener: () => void): void }) {\n    socket.on("close", this.onClose);\n  }\n}`,
  },
  {
    name: "class fields: a field typed to return void, implementing a void member, assigned in the constructor",
    code: `interface Listener { onEvent(e: string): void }\nexport class Relay implements Listener {\n  onEvent: (e: string) => void;\n  constructor(forward: (e: string) => void) {\n    this.onEvent = forward;\n  }\n}`,
  },
  {
    name: "class fields: an abstract field typed as a promise-returning function where the interface returns a promise too",
    code: `interface Job { run(): Promise<void> }\nexport abstract class BaseJob implements Job {\n  abstract run: () => Promise<void>;\n}`,
  },
  {
    name: "interfaces: a member redeclared with the base's void return type",
    code: `interface Emitter { on(name: string, listener: () => void): void }\nexport interface JobEmitter extends Emitter {\n  on(name: "job", listener: () => void): void;\n}`,
  },
  {
    name: "object methods: an async generator in a table of void commands returns no promise",
    code: `${D}\nexport const commands: Record<string, () => void> = {\n  async *ticks() {\n    yield await save("tick");\n  },\n};`,
  },
  {
    name: "inherited: a method written to return void that starts its work with void and .catch",
    code: `${D}\ninterface Job { run(): void }\nexport class Upload implements Job {\n  run(): void {\n    void save("x").catch((error) => console.error(error));\n  }\n}`,
  },
  {
    name: "variables: a const typed to return a promise holding an async arrow",
    code: `${D}\nexport const flush: () => Promise<void> = async () => {\n  await save("buffer");\n};`,
  },
];


/** Code typed for the browser only: DOM lib, no @types/node. */
const DOM_ONLY = { compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] } };

/** Issue 11, second part: sync functions returning a promise on some path, `using`, class properties and members of interfaces, predicates returning a stored promise. */
/** `using` and `Symbol.dispose` need the esnext lib. */
const DISPOSABLE = { compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.esnext.d.ts"] } };

const invalidMore: InvalidCase[] = [
  {
    name: "sync callbacks: a block body returning a value that is only sometimes a promise, from a library callee",
    code: "declare function onIdle(cb: () => void): void;\ndeclare function flushIfDirty(): Promise<void> | void;\nonIdle(() => {\n  return flushIfDirty();\n});",
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 8, message: VOID_ARGUMENT("onIdle") }],
  },
  {
    name: "sync callbacks: a listener relaying a table of handlers, one of which awaits and can reject",
    code: 'import { EventEmitter } from "node:events";\ndeclare function persist(event: unknown): Promise<void>;\nexport class Journal {\n  readonly #handlers = [\n    ["note", this.#onNote],\n    ["save", this.#onSave],\n  ] as const;\n  #onNote(event: unknown): void {\n    console.log(event);\n  }\n  async #onSave(event: unknown): Promise<void> {\n    await persist(event);\n  }\n  attach(source: EventEmitter) {\n    for (const [name, handler] of this.#handlers) {\n      source.on(name, (event: unknown) => {\n        return handler.bind(this)(event);\n      });\n    }\n  }\n}',
    errors: [{ messageId: "listener", line: 16, column: 23, message: LISTENER }],
  },
  {
    name: "logical values: a promise as the left operand of || outside a condition (the result is always that promise)",
    code: "interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\ndeclare const warm: Promise<Conn>;\nexport function current() {\n  return warm || connect();\n}",
    errors: [{ messageId: "conditional", line: 5, column: 10, message: CONDITION }],
  },
  {
    name: "logical values: a promise-returning call as the left operand of && in a statement (the right side always runs)",
    code: "declare function ready(): Promise<boolean>;\ndeclare function start(): void;\nexport function boot() {\n  ready() && start();\n}",
    errors: [{ messageId: "conditional", line: 4, column: 3, message: CONDITION }],
  },
  {
    name: "shorthand properties: { onExit } naming an async function where the property returns void",
    code: `${D}\ninterface Hooks { onExit: () => void }\nasync function onExit() {\n  await save("exit");\n}\nexport const hooks: Hooks = { onExit };`,
    errors: [{ messageId: "voidReturnProperty", line: 6, column: 31, message: VOID_ASSIGNMENT("onExit") }],
  },
  {
    name: "object methods: an async method in a literal typed Hooks | undefined",
    code: `${D}\ninterface Hooks { onExit(): void }\nexport const hooks: Hooks | undefined = {\n  async onExit() {\n    await save("exit");\n  },\n};`,
    errors: [{ messageId: "voidReturnProperty", line: 4, column: 9, message: VOID_ASSIGNMENT("onExit") }],
  },
  {
    name: "object methods: an async method filling the string index of Record<string, () => void>",
    code: `${D}\nexport const commands: Record<string, () => void> = {\n  async sync() {\n    await save("all");\n  },\n};`,
    errors: [{ messageId: "voidReturnProperty", line: 3, column: 9, message: VOID_ASSIGNMENT("sync") }],
  },
  {
    name: "predicates: a sync arrow returning a promise kept in a property",
    code: "interface Replica { host: string; healthy: Promise<boolean> }\ndeclare const replicas: Replica[];\nexport const usable = replicas.filter((replica) => replica.healthy);",
    errors: [
      {
        messageId: "predicate",
        line: 3,
        column: 39,
        message: "Async predicate passed to `filter`: it returns a promise, which is always truthy, so `filter` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "predicates: a sync arrow returning a promise kept in a const",
    code: "declare function probe(host: string): Promise<boolean>;\ndeclare const hosts: string[];\nconst reachable = probe(\"primary\");\nexport const first = hosts.find(() => reachable);",
    errors: [
      {
        messageId: "predicate",
        line: 4,
        column: 33,
        message: "Async predicate passed to `find`: it returns a promise, which is always truthy, so `find` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "predicates: a sync arrow returning a cache lookup typed to return a promise",
    code: "interface FlagCache { get(name: string): Promise<boolean> }\ndeclare const flags: FlagCache;\nexport const anyOn = (names: string[]) => names.some((name) => flags.get(name));",
    errors: [
      {
        messageId: "predicate",
        line: 3,
        column: 54,
        message: "Async predicate passed to `some`: it returns a promise, which is always truthy, so `some` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "class properties: a field holding an async arrow that implements an interface method returning void",
    code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  onEvent = async (e: string) => {\n    await save(e);\n  };\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 3, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "class properties: a field holding an async arrow that overrides a base field typed () => void",
    code: `${D}\nclass Widget {\n  onClose: () => void = () => {};\n}\nexport class Form extends Widget {\n  onClose = async () => {\n    await save("draft");\n  };\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 6, column: 3, message: VOID_OVERRIDE("onClose", "Widget", "Widget.onClose") }],
  },
  {
    name: "class properties: a field written as () => void holding an async arrow",
    code: `${D}\nexport class Poller {\n  tick: () => void = async () => {\n    await save("tick");\n  };\n}`,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 3,
        column: 22,
        message: VOID_ASSIGNMENT("tick"),
        fixes: [[WRAP, `${D}\nexport class Poller {\n  tick: () => void = () => { void (async () => {\n    await save("tick");\n  })().catch(${H}); };\n}`]],
      },
    ],
  },
  {
    name: "class properties: an abstract method written to return a promise, overriding an abstract method returning void",
    code: "abstract class Store {\n  abstract flush(): void;\n}\nexport abstract class RemoteStore extends Store {\n  abstract flush(): Promise<void>;\n}",
    errors: [{ messageId: "voidReturnInheritedMethod", line: 5, column: 12, message: VOID_OVERRIDE("flush", "Store", "Store.flush") }],
  },
  {
    name: "interface members: a method and a function-typed property returning promises where the extended interface returns void",
    code: "interface Store {\n  flush(): void;\n  onChange: () => void;\n}\nexport interface RemoteStore extends Store {\n  flush(): Promise<void>;\n  onChange: () => Promise<void>;\n}",
    errors: [
      {
        messageId: "voidReturnInheritedMethod",
        line: 6,
        column: 3,
        message: VOID_OVERRIDE("flush", "Store", "Store.flush"),
      },
      {
        messageId: "voidReturnInheritedMethod",
        line: 7,
        column: 3,
        message: VOID_OVERRIDE("onChange", "Store", "Store.onChange"),
      },
    ],
  },
  {
    name: "class methods: a method without async that returns a promise, implementing an interface method returning void",
    code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Forwarder implements Listener {\n  onEvent(e: string) {\n    return save(e);\n  }\n}`,
    errors: [{ messageId: "voidReturnInheritedMethod", line: 4, column: 3, message: VOID_OVERRIDE("onEvent", "Listener", "Listener.onEvent") }],
  },
  {
    name: "using: an object literal whose [Symbol.dispose] is async and awaits a release",
    code: 'declare function release(name: string): Promise<void>;\nexport function withLock() {\n  using lock = {\n    async [Symbol.dispose]() {\n      await release("jobs");\n    },\n  };\n  console.log("locked", lock);\n}',
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 3,
        column: 16,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
    ...DISPOSABLE,
  },
  {
    name: "await using: an object literal with only an async [Symbol.dispose] that awaits a release (await using falls back to it and drops its promise)",
    code: 'declare function release(name: string): Promise<void>;\nexport async function withLock() {\n  await using lock = {\n    async [Symbol.dispose]() {\n      await release("jobs");\n    },\n  };\n  console.log("locked", lock);\n}',
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnAsyncDispose",
        line: 3,
        column: 22,
        message: "This value has no `[Symbol.asyncDispose]()`, so `await using` calls its `[Symbol.dispose]()` when the block ends and does not wait for what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Give the value a `[Symbol.asyncDispose]` method (`await using` awaits that one), or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "await using: a class declared with a [Symbol.dispose] returning a promise and no [Symbol.asyncDispose]",
    code: 'declare class Connection {\n  [Symbol.dispose](): Promise<void>;\n  query(sql: string): Promise<number>;\n}\ndeclare function connect(): Promise<Connection>;\nexport async function count() {\n  await using connection = await connect();\n  return connection.query("select count(*) from jobs");\n}',
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnAsyncDispose",
        line: 7,
        column: 28,
        message: "This value has no `[Symbol.asyncDispose]()`, so `await using` calls its `[Symbol.dispose]()` when the block ends and does not wait for what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Give the value a `[Symbol.asyncDispose]` method (`await using` awaits that one), or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "using: a value of a class whose [Symbol.dispose] is declared to return a promise",
    code: 'declare class Connection {\n  [Symbol.dispose](): Promise<void>;\n  query(sql: string): string;\n}\ndeclare function connect(): Connection;\nexport function count() {\n  using connection = connect();\n  return connection.query("select count(*) from jobs");\n}',
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 7,
        column: 22,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
    ...DISPOSABLE,
  },
  {
    name: "using: variables typed Disposable initialized with a call and an awaited call whose [Symbol.dispose] is async",
    code: 'declare function release(name: string): Promise<void>;\ninterface Lock { name: string; [Symbol.dispose](): Promise<void> }\ndeclare function openLock(name: string): Lock;\ndeclare function acquire(name: string): Promise<Lock>;\nexport async function hold(): Promise<Disposable[]> {\n  const jobs: Disposable = openLock("jobs");\n  const mail: Disposable = await acquire("mail");\n  await release("none");\n  return [jobs, mail];\n}',
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 6,
        column: 28,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
      {
        messageId: "voidReturnDispose",
        line: 7,
        column: 28,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "using: a variable typed Disposable initialized with an object whose [Symbol.dispose] is async",
    code: 'declare function release(name: string): Promise<void>;\nconst lock = {\n  async [Symbol.dispose]() {\n    await release("jobs");\n  },\n};\nexport const handle: Disposable = lock;',
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 7,
        column: 35,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
    ...DISPOSABLE,
  },
  {
    name: "sync callbacks: a node-style callback with a block body that returns a promise on one path",
    code: "declare function readCached(key: string, done: (error: Error | null, value?: string) => void): void;\ndeclare function refetch(key: string): Promise<string>;\nreadCached(\"user\", (error, value) => {\n  if (error) return;\n  if (value === undefined) return refetch(\"user\");\n  console.log(value);\n});",
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 20, message: VOID_ARGUMENT("readCached") }],
  },
  {
    name: "sync callbacks: a function expression listener that returns the promise of a flush",
    code: 'import { EventEmitter } from "node:events";\ndeclare function flush(): Promise<void>;\nconst queue = new EventEmitter();\nlet dirty = false;\nqueue.on("drain", function () {\n  if (!dirty) return;\n  dirty = false;\n  return flush();\n});',
    errors: [{ messageId: "listener", line: 5, column: 19, message: LISTENER }],
  },
  {
    name: "sync object methods: a method without async that returns a promise where the property returns void",
    code: 'interface Job { onTimeout(): void }\ndeclare function retry(id: string): Promise<void>;\nexport const job: Job = {\n  onTimeout() {\n    return retry("job-1");\n  },\n};',
    errors: [{ messageId: "voidReturnProperty", line: 4, column: 3, message: VOID_ASSIGNMENT("onTimeout") }],
  },
  {
    name: "sync object methods: a method written to return a promise (its body only throws) where the property returns void",
    code: 'interface Task { cancel(): void }\nexport const task: Task = {\n  cancel(): Promise<void> {\n    throw new Error("a running task cannot be cancelled");\n  },\n};',
    errors: [{ messageId: "voidReturnProperty", line: 3, column: 3, message: VOID_ASSIGNMENT("cancel") }],
  },
  {
    name: "async Promise executor: the built-in constructor through a const alias",
    code: `${D}\nconst NativePromise = Promise;\nexport const p = new NativePromise<void>(async (resolve) => {\n  await save("x");\n  resolve();\n});`,
    errors: [{ messageId: "asyncExecutor", line: 3, column: 42, message: "Async function used as a Promise executor: any error thrown in it, before or after its first \`await\`, rejects the promise the async function returns (which nothing handles) instead of this one, so this promise never settles and the error becomes an unhandled rejection. Make the executor synchronous, or drop \`new Promise\` and write an async function." }],
  },
  {
    name: "async Promise executor: globalThis.Promise",
    code: `${D}\nexport const p = new globalThis.Promise<void>(async (resolve) => {\n  await save("x");\n  resolve();\n});`,
    errors: [{ messageId: "asyncExecutor", line: 2, column: 47, message: "Async function used as a Promise executor: any error thrown in it, before or after its first \`await\`, rejects the promise the async function returns (which nothing handles) instead of this one, so this promise never settles and the error becomes an unhandled rejection. Make the executor synchronous, or drop \`new Promise\` and write an async function." }],
  },
  // Mutation survivors of lines 1041-1544, session 4
  {
    name: "using: a value that is one of two locks, one of whose async [Symbol.dispose] awaits a release",
    code: 'declare function release(name: string): Promise<void>;\nexport function withLock(log: string[], shared: boolean) {\n  using lock = shared\n    ? {\n        name: "jobs",\n        async [Symbol.dispose]() {\n          await release("jobs");\n        },\n      }\n    : {\n        async [Symbol.dispose]() {\n          log.push("local lock dropped");\n        },\n      };\n  log.push("locked");\n  return lock;\n}',
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 3,
        column: 16,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "using: an object literal whose [Symbol.dispose] is an async arrow that awaits a release",
    code: 'declare function release(name: string): Promise<void>;\nexport function withLock(log: string[]) {\n  using lock = {\n    [Symbol.dispose]: async () => {\n      await release("jobs");\n    },\n  };\n  log.push("locked");\n  return lock;\n}',
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 3,
        column: 16,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "conditions: a stored promise on the left of || and a promise-returning call on its right",
    code: `${D}\nexport async function canEdit(job: { pending: Promise<void>; owner: string }) {\n  if (job.pending || isAdmin(job.owner)) return true;\n  return false;\n}`,
    errors: [
      {
        messageId: "conditionalStored",
        line: 3,
        column: 7,
        message: STORED_CONDITION("job.pending"),
      },
      {
        messageId: "conditional",
        line: 3,
        column: 22,
        message: CONDITION,
        fixes: [
          [
            AWAIT,
            `${D}\nexport async function canEdit(job: { pending: Promise<void>; owner: string }) {\n  if (job.pending || await isAdmin(job.owner)) return true;\n  return false;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "logical values: a promise on the left of a parenthesized || inside another ||: reported once",
    code: `${D}\ndeclare function open(): Promise<string>;\nexport function connection(cached: string | undefined) {\n  const opening = open();\n  return (opening || cached) || "offline";\n}`,
    errors: [{ messageId: "conditional", line: 5, column: 11, message: CONDITION }],
  },
  {
    name: "logical values: a promise on the left of && inside a string concatenation",
    code: `${D}\ndeclare function open(): Promise<string>;\nexport function describe() {\n  const opening = open();\n  return "state: " + (opening && "opening");\n}`,
    errors: [{ messageId: "conditional", line: 5, column: 23, message: CONDITION }],
  },
  {
    name: "logical values: a promise on the left of || under !: reported once",
    code: `${D}\ndeclare function open(): Promise<string>;\nexport function idle(force: boolean) {\n  const opening = open();\n  return !(opening || force);\n}`,
    errors: [{ messageId: "conditional", line: 5, column: 12, message: CONDITION }],
  },
  {
    name: "logical values: a negated promise on the left of ||: reported once",
    code: `${D}\ndeclare function open(): Promise<string>;\nexport function idle(force: boolean) {\n  const opening = open();\n  return !opening || force;\n}`,
    errors: [{ messageId: "conditional", line: 5, column: 11, message: CONDITION }],
  },
  {
    name: "spreads: a promise-returning call on the right of || and of ??",
    code: `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function settings(overrides?: { retries: number }, local?: { retries: number }) {\n  const merged = { ...(overrides || loadDefaults()) };\n  const fallback = { ...(local ?? loadDefaults()) };\n  return [merged, fallback];\n}`,
    errors: [
      {
        messageId: "spread",
        line: 3,
        column: 37,
        message: SPREAD,
        fixes: [
          [
            AWAIT,
            `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function settings(overrides?: { retries: number }, local?: { retries: number }) {\n  const merged = { ...(overrides || await loadDefaults()) };\n  const fallback = { ...(local ?? loadDefaults()) };\n  return [merged, fallback];\n}`,
          ],
        ],
      },
      {
        messageId: "spread",
        line: 4,
        column: 35,
        message: SPREAD,
        fixes: [
          [
            AWAIT,
            `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function settings(overrides?: { retries: number }, local?: { retries: number }) {\n  const merged = { ...(overrides || loadDefaults()) };\n  const fallback = { ...(local ?? await loadDefaults()) };\n  return [merged, fallback];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "wrap fix: an async arrow whose expression body is an object literal keeps its parentheses",
    code: `${D}\ndeclare function onIdle(callback: () => void): void;\nonIdle(async () => ({ saved: await save("x") }));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 8,
        message: VOID_ARGUMENT("onIdle"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => { void (async () => ({ saved: await save("x") }))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "forEach fixes: a forEach behind && in a statement gets no loop fix",
    code: `${D}\nexport async function sync(ready: boolean) {\n  ready && ids.forEach(async (id) => {\n    await save(id);\n  });\n}`,
    errors: [{ messageId: "forEach", line: 3, column: 24, message: FOR_EACH }],
  },
  {
    name: "forEach fixes: a forEach given a thisArg gets no fix",
    code: `${D}\nexport class Sync {\n  prefix = "job-";\n  async run() {\n    ids.forEach(async function (this: Sync, id) {\n      await save(this.prefix + id);\n    }, this);\n  }\n}`,
    errors: [{ messageId: "forEach", line: 5, column: 17, message: FOR_EACH }],
  },
  {
    name: "forEach fixes: a callback with an index parameter gets only the Promise.all fix",
    code: `${D}\nexport async function sync() {\n  ids.forEach(async (id, index) => {\n    await save(\`\${index}:\${id}\`);\n  });\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 15,
        message: FOR_EACH,
        fixes: [
          [ALL, `${D}\nexport async function sync() {\n  await Promise.all(ids.map(async (id, index) => {\n    await save(\`\${index}:\${id}\`);\n  }));\n}`],
        ],
      },
    ],
  },
  {
    name: "forEach fixes: a callback whose parameter has a type annotation gets only the Promise.all fix",
    code: `${D}\nexport async function sync() {\n  ids.forEach(async (id: string) => {\n    await save(id);\n  });\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 15,
        message: FOR_EACH,
        fixes: [
          [ALL, `${D}\nexport async function sync() {\n  await Promise.all(ids.map(async (id: string) => {\n    await save(id);\n  }));\n}`],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a spread argument before the callback: the parameter it lands in is not known",
    code: `${D}\nasync function runSafely(label: string, task: () => void): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(label, error);\n  }\n}\nconst labels = ["nightly"] as const;\nvoid runSafely(...labels, async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 27,
        message: VOID_ARGUMENT("runSafely"),
        fixes: [
          [
            WRAP,
            `${D}\nasync function runSafely(label: string, task: () => void): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(label, error);\n  }\n}\nconst labels = ["nightly"] as const;\nvoid runSafely(...labels, () => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a rest parameter receives the callback",
    code: `${D}\nfunction later(...tasks: (() => void)[]): void {\n  for (const task of tasks) setTimeout(task, 0);\n}\nlater(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 7,
        message: VOID_ARGUMENT("later"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction later(...tasks: (() => void)[]): void {\n  for (const task of tasks) setTimeout(task, 0);\n}\nlater(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a receiver that calls the callback once without awaiting it and once awaited in try/catch",
    code: `${D}\nasync function runTwice(task: () => void): Promise<void> {\n  task();\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n  }\n}\nvoid runTwice(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 15,
        message: VOID_ARGUMENT("runTwice"),
        fixes: [
          [
            WRAP,
            `${D}\nasync function runTwice(task: () => void): Promise<void> {\n  task();\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n  }\n}\nvoid runTwice(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a receiver that only checks the callback and never calls it",
    code: `${D}\nconst tasks: (() => void)[] = [];\nfunction validate(task: () => void): void {\n  if (typeof task !== "function") throw new TypeError("task must be a function");\n}\nexport function register(task: () => void) {\n  validate(task);\n  tasks.push(task);\n}\nvalidate(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 10,
        message: VOID_ARGUMENT("validate"),
        fixes: [
          [
            WRAP,
            `${D}\nconst tasks: (() => void)[] = [];\nfunction validate(task: () => void): void {\n  if (typeof task !== "function") throw new TypeError("task must be a function");\n}\nexport function register(task: () => void) {\n  validate(task);\n  tasks.push(task);\n}\nvalidate(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a wrapper that awaits the callback in the finally of a try/catch",
    code: `${D}\nconst hooks: (() => Promise<void>)[] = [];\nfunction onCleanup(task: () => void): void {\n  hooks.push(async () => {\n    try {\n      console.log("cleaning up");\n    } catch (error) {\n      console.error(error);\n    } finally {\n      await task();\n    }\n  });\n}\nonCleanup(async () => save("final"));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 14,
        column: 11,
        message: VOID_ARGUMENT("onCleanup"),
        fixes: [
          [
            WRAP,
            `${D}\nconst hooks: (() => Promise<void>)[] = [];\nfunction onCleanup(task: () => void): void {\n  hooks.push(async () => {\n    try {\n      console.log("cleaning up");\n    } catch (error) {\n      console.error(error);\n    } finally {\n      await task();\n    }\n  });\n}\nonCleanup(() => { void (async () => save("final"))().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a receiver that awaits a wrapper the callback is given to (a library function)",
    code: `${D}\ndeclare function withTimeout(fn: () => void, ms: number): () => Promise<void>;\nasync function runSafely(task: () => void): Promise<void> {\n  try {\n    await withTimeout(task, 1000)();\n  } catch (error) {\n    console.error(error);\n  }\n}\nvoid runSafely(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 16,
        message: VOID_ARGUMENT("runSafely"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare function withTimeout(fn: () => void, ms: number): () => Promise<void>;\nasync function runSafely(task: () => void): Promise<void> {\n  try {\n    await withTimeout(task, 1000)();\n  } catch (error) {\n    console.error(error);\n  }\n}\nvoid runSafely(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "void-return arguments: a callee read from an array element is named 'the callee'",
    code: `${D}\ndeclare const schedulers: ((callback: () => void) => void)[];\nschedulers[0](async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 15,
        message: VOID_ARGUMENT("the callee"),
        fixes: [
          [
            WRAP,
            `${D}\ndeclare const schedulers: ((callback: () => void) => void)[];\nschedulers[0](() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  {
    name: "conditions: a negated promise inside && inside || in an if, and under ! in an if: reported once each",
    code: `declare function open(): Promise<string>;\nexport function check(ready: boolean, force: boolean) {\n  const opening = open();\n  if ((ready && !opening) || force) return 1;\n  if (!(ready && !opening)) return 2;\n  return 0;\n}`,
    errors: [{ messageId: "conditional", line: 4, column: 18, message: CONDITION }, { messageId: "conditional", line: 5, column: 19, message: CONDITION }],
  },
  {
    name: "conditions: a negated promise in a for condition and in the condition of ? :",
    code: `declare function open(): Promise<string>;\nexport function poll(ready: boolean) {\n  const opening = open();\n  for (let i = 0; ready && !opening && i < 3; i++) console.log(i);\n  return ready && !opening ? "idle" : "busy";\n}`,
    errors: [{ messageId: "conditional", line: 4, column: 29, message: CONDITION }, { messageId: "conditional", line: 5, column: 20, message: CONDITION }],
  },
  {
    name: "conditions: a negated promise in a branch of ? :",
    code: `declare function open(): Promise<string>;\nexport function idle(ready: boolean) {\n  const opening = open();\n  return ready ? !opening : false;\n}`,
    errors: [{ messageId: "conditional", line: 4, column: 19, message: CONDITION }],
  },
  {
    name: "forEach: a callback that catches around its first save but not its second",
    code: `${D}\nexport function sync() {\n  ids.forEach(async (id) => {\n    try {\n      await save(id);\n    } catch (error) {\n      console.error(error);\n    }\n    await save(\`\${id}.done\`);\n  });\n}`,
    errors: [{ messageId: "forEach", line: 3, column: 15, message: FOR_EACH }],
  },
  {
    name: "forEach: a callback whose whole body is one try/catch whose catch may itself fail",
    code: `${D}\ndeclare function notify(error: unknown): Promise<void>;\nexport function sync() {\n  ids.forEach(async (id) => {\n    try {\n      await save(id);\n    } catch (error) {\n      await notify(error);\n    }\n  });\n}`,
    errors: [{ messageId: "forEachCaught", line: 4, column: 15, message: FOR_EACH_CAUGHT }],
  },
  {
    name: "forEach: a callback whose whole body is one try/finally",
    code: `${D}\nlet running = 0;\nexport function sync() {\n  ids.forEach(async (id) => {\n    try {\n      running++;\n      await save(id);\n    } finally {\n      running--;\n    }\n  });\n}`,
    errors: [{ messageId: "forEach", line: 4, column: 15, message: FOR_EACH }],
  },
  {
    name: "sync callbacks: returning a chain whose catch has no handler",
    code: `declare function flush(): Promise<void>;\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => flush().catch());`,
    fileName: "script.cts",
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 8, message: VOID_ARGUMENT("onIdle") }],
  },
  {
    name: "sync callbacks: returning a chain with only finally, only a one-argument then, or a library call with two arguments",
    code: `declare function flush(): Promise<void>;\ndeclare const queue: { add(name: string, payload: object): Promise<void> };\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => flush().finally(() => console.log("flushed")));\nonIdle(() => flush().then(() => console.log("flushed")));\nonIdle(() => queue.add("flush", {}));`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 4,
        column: 8,
        message: VOID_ARGUMENT("onIdle"),
      },
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 8,
        message: VOID_ARGUMENT("onIdle"),
      },
      {
        messageId: "voidReturnArgument",
        line: 6,
        column: 8,
        message: VOID_ARGUMENT("onIdle"),
      },
    ],
  },
  {
    name: "forEach fixes: a nested function's return does not block the for...of fix",
    code: `${D}\nexport async function sync(parts: Record<string, string[]>) {\n  ids.forEach(async (id) => {\n    await Promise.all((parts[id] ?? []).map((part) => {\n      return save(part);\n    }));\n  });\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 15,
        message: FOR_EACH,
        fixes: [
          [
            FOR_OF,
            `${D}\nexport async function sync(parts: Record<string, string[]>) {\n  for (const id of ids) {\n    await Promise.all((parts[id] ?? []).map((part) => {\n      return save(part);\n    }));\n  }\n}`,
          ],
          [
            ALL,
            `${D}\nexport async function sync(parts: Record<string, string[]>) {\n  await Promise.all(ids.map(async (id) => {\n    await Promise.all((parts[id] ?? []).map((part) => {\n      return save(part);\n    }));\n  }));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "wrap fix: a tab after async is removed with it",
    code: `${D}\ndeclare function onIdle(callback: () => void): void;\nonIdle(async\t() => {\n  await save("x");\n});`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 8,
        message: VOID_ARGUMENT("onIdle"),
        fixes: [
          [WRAP, `${D}\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });`],
        ],
      },
    ],
  },
  {
    name: "conditions: a negated promise compared with === in an if",
    code: `declare function open(): Promise<string>;\nexport function changed(wasIdle: boolean) {\n  const opening = open();\n  if (wasIdle === !opening) return false;\n  return true;\n}`,
    errors: [{ messageId: "conditional", line: 4, column: 20, message: CONDITION }],
  },
  {
    name: "conditions: a stored promise on the left of || inside ?? in an if: reported once",
    code: `export function busy(job: { pending: Promise<void>; cached?: boolean }, fallback: boolean) {\n  if ((job.pending || job.cached) ?? fallback) return true;\n  return false;\n}`,
    errors: [{ messageId: "conditionalStored", line: 2, column: 8, message: STORED_CONDITION("job.pending") }],
  },
  // Mutation survivors of misused-promise.ts lines 1-520 (bench/mutation/misused-promise.md), session 4.
  {
    name: "catalogue: async predicates passed to every and findIndex",
    code: `${D}\nexport function audit(users: string[]) {\n  const all = users.every(async (u) => isAdmin(u));\n  const at = users.findIndex(async (u) => isAdmin(u));\n  return [all, at];\n}`,
    errors: [
      {
        messageId: "predicate",
        line: 3,
        column: 27,
        message: "Async predicate passed to `every`: it returns a promise, which is always truthy, so `every` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
      {
        messageId: "predicate",
        line: 4,
        column: 30,
        message: "Async predicate passed to `findIndex`: it returns a promise, which is always truthy, so `findIndex` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "catalogue: async predicates passed to findLast and findLastIndex (lib es2023)",
    code: `${D}\nexport function latest(users: string[]) {\n  const last = users.findLast(async (u) => isAdmin(u));\n  const at = users.findLastIndex(async (u) => isAdmin(u));\n  return [last, at];\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2023.d.ts"] },
    errors: [
      {
        messageId: "predicate",
        line: 3,
        column: 31,
        message: "Async predicate passed to `findLast`: it returns a promise, which is always truthy, so `findLast` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
      {
        messageId: "predicate",
        line: 4,
        column: 34,
        message: "Async predicate passed to `findLastIndex`: it returns a promise, which is always truthy, so `findLastIndex` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "catalogue: forEach of ReadonlyArray, Set, ReadonlySet, Map and ReadonlyMap",
    code: `${D}\nexport function saveAll(list: ReadonlyArray<string>, tags: Set<string>, seen: ReadonlySet<string>, names: Map<string, string>, labels: ReadonlyMap<string, string>) {\n  list.forEach((id) => save(id));\n  tags.forEach((tag) => save(tag));\n  seen.forEach((id) => save(id));\n  names.forEach((name) => save(name));\n  labels.forEach((label) => save(label));\n}`,
    errors: [
      {
        messageId: "forEach",
        line: 3,
        column: 16,
        message: FOR_EACH,
      },
      {
        messageId: "forEach",
        line: 4,
        column: 16,
        message: FOR_EACH,
      },
      {
        messageId: "forEach",
        line: 5,
        column: 16,
        message: FOR_EACH,
      },
      {
        messageId: "forEach",
        line: 6,
        column: 17,
        message: FOR_EACH,
      },
      {
        messageId: "forEach",
        line: 7,
        column: 18,
        message: FOR_EACH,
      },
    ],
  },
  {
    name: "catalogue: forEach of every typed array",
    code: `${D}\nexport function saveBytes(a: Int8Array, b: Uint8Array, c: Uint8ClampedArray, d: Int16Array, e: Uint16Array, f: Int32Array, g: Uint32Array, h: Float32Array, i: Float64Array, j: BigInt64Array, k: BigUint64Array) {\n  a.forEach((x) => save(String(x)));\n  b.forEach((x) => save(String(x)));\n  c.forEach((x) => save(String(x)));\n  d.forEach((x) => save(String(x)));\n  e.forEach((x) => save(String(x)));\n  f.forEach((x) => save(String(x)));\n  g.forEach((x) => save(String(x)));\n  h.forEach((x) => save(String(x)));\n  i.forEach((x) => save(String(x)));\n  j.forEach((x) => save(String(x)));\n  k.forEach((x) => save(String(x)));\n}`,
    errors: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((line) => ({ messageId: "forEach", line, column: 13, message: FOR_EACH })),
  },
  {
    name: "catalogue: async listeners given to once, addListener, prependListener and prependOnceListener",
    code: `${D}\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.once("ready", async () => { await save("ready"); });\n  bus.addListener("job", async (id: string) => { await save(id); });\n  bus.prependListener("job", async (id: string) => { await save(id); });\n  bus.prependOnceListener("done", async () => { await save("done"); });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 21,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.once("ready", () => { void (async () => { await save("ready"); })().catch(${H}); });\n  bus.addListener("job", async (id: string) => { await save(id); });\n  bus.prependListener("job", async (id: string) => { await save(id); });\n  bus.prependOnceListener("done", async () => { await save("done"); });\n}`,
          ],
        ],
      },
      {
        messageId: "listener",
        line: 5,
        column: 26,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.once("ready", async () => { await save("ready"); });\n  bus.addListener("job", (id: string) => { void (async () => { await save(id); })().catch(${H}); });\n  bus.prependListener("job", async (id: string) => { await save(id); });\n  bus.prependOnceListener("done", async () => { await save("done"); });\n}`,
          ],
        ],
      },
      {
        messageId: "listener",
        line: 6,
        column: 30,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.once("ready", async () => { await save("ready"); });\n  bus.addListener("job", async (id: string) => { await save(id); });\n  bus.prependListener("job", (id: string) => { void (async () => { await save(id); })().catch(${H}); });\n  bus.prependOnceListener("done", async () => { await save("done"); });\n}`,
          ],
        ],
      },
      {
        messageId: "listener",
        line: 7,
        column: 35,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.once("ready", async () => { await save("ready"); });\n  bus.addListener("job", async (id: string) => { await save(id); });\n  bus.prependListener("job", async (id: string) => { await save(id); });\n  bus.prependOnceListener("done", () => { void (async () => { await save("done"); })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "catalogue: an async listener given to the DOM's addEventListener",
    code: `${D}\nexport function wire(target: EventTarget) {\n  target.addEventListener("message", async () => { await save("message"); });\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] },
    errors: [
      {
        messageId: "listener",
        line: 3,
        column: 38,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${D}\nexport function wire(target: EventTarget) {\n  target.addEventListener("message", () => { void (async () => { await save("message"); })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "catalogue: timers are typed for any callback: a promise-returning value whose name syntax cannot tell",
    code: `${D}\ndeclare function traced<T>(name: string, fn: T): T;\nconst poll = traced("poll", async () => { await save("poll"); });\nexport function start() {\n  setInterval(poll, 1000);\n  setImmediate(poll);\n  queueMicrotask(poll);\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 15,
        message: VOID_ARGUMENT("setInterval"),
      },
      {
        messageId: "voidReturnArgument",
        line: 6,
        column: 16,
        message: VOID_ARGUMENT("setImmediate"),
      },
      {
        messageId: "voidReturnArgument",
        line: 7,
        column: 18,
        message: VOID_ARGUMENT("queueMicrotask"),
      },
    ],
  },
  {
    name: "catalogue: a nextTick that expects a function returning void",
    code: `${D}\ndeclare function traced<T>(name: string, fn: T): T;\ndeclare const loop: { nextTick(callback: () => void): void };\nconst poll = traced("poll", async () => { await save("poll"); });\nexport function start() {\n  loop.nextTick(poll);\n}`,
    errors: [{ messageId: "voidReturnArgument", line: 6, column: 17, message: VOID_ARGUMENT("nextTick") }],
  },
  {
    name: "options: void-return checks run with checksPredicates and checksExecutors off",
    code: `${D}\nexport function f() {\n  ids.forEach((id) => save(id));\n}`,
    options: { checksPredicates: false, checksExecutors: false },
    errors: [{ messageId: "forEach", line: 3, column: 15, message: FOR_EACH }],
  },
  // Mutation survivors of misused-promise.ts lines 521-749 (bench/mutation/misused-promise-lines-521-749.md), session 4.
  {
    name: "name gate: a timer types an arrow calling, and a bind of, a field whose name syntax cannot tell",
    code: lines(D, "declare function traced<T>(name: string, fn: T): T;", "export class Poller {", '  readonly poll = traced("poll", async () => { await save("poll"); });', "  start() {", "    setInterval(() => this.poll(), 1000);", "    setInterval(this.poll.bind(this), 1000);", "  }", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 6,
        column: 17,
        message: VOID_ARGUMENT("setInterval"),
      },
      {
        messageId: "voidReturnArgument",
        line: 7,
        column: 17,
        message: VOID_ARGUMENT("setInterval"),
      },
    ],
  },
  {
    name: "block bodies: a sync callback returning a named call on one branch, a new Promise, or a stored promise",
    code: lines(D, "declare function onShutdown(hook: () => void): void;", "declare const server: { close(callback: (error?: Error) => void): void };", 'const ready: Promise<void> = save("boot");', "export function install(draining: boolean) {", "  onShutdown(() => {", '    console.log("closing");', '    return draining ? save("drain") : undefined;', "  });", "  onShutdown(() => {", '    console.log("closing");', "    return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));", "  });", "  onShutdown(() => {", '    console.log("closing");', "    return ready;", "  });", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 6,
        column: 14,
        message: VOID_ARGUMENT("onShutdown"),
      },
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 14,
        message: VOID_ARGUMENT("onShutdown"),
      },
      {
        messageId: "voidReturnArgument",
        line: 14,
        column: 14,
        message: VOID_ARGUMENT("onShutdown"),
      },
    ],
  },
  {
    name: "block bodies: one return passes the syntactic gate (a named call), another does not (a promise read from a Map)",
    code: lines(D, "declare function onShutdown(hook: () => void): void;", "const inflight = new Map<string, Promise<void>>();", "export function install() {", "  onShutdown(() => {", '    const current = inflight.get("flush");', "    if (current) return current;", '    return save("flush");', "  });", "}"),
    errors: [{ messageId: "voidReturnArgument", line: 5, column: 14, message: VOID_ARGUMENT("onShutdown") }],
  },
  {
    name: "block bodies: a written promise return type decides, whatever the returned call's name",
    code: lines(D, "declare function onShutdown(hook: () => void): void;", "declare function traced<T>(name: string, fn: T): T;", 'const drainOutbox = traced("drainOutbox", async () => { await save("outbox"); });', "export function install() {", "  onShutdown((): Promise<void> => {", "    return drainOutbox();", "  });", "}"),
    errors: [{ messageId: "voidReturnArgument", line: 6, column: 14, message: VOID_ARGUMENT("onShutdown") }],
  },
  {
    name: "checkSelfHandled: a sync listener returning a chain with a rejection handler is reported",
    code: lines(D, 'import { EventEmitter } from "node:events";', "export function wire(bus: EventEmitter) {", '  bus.on("job", (id: string) => save(id).catch((error) => console.error(error)));', "}"),
    options: { checkSelfHandled: true },
    errors: [{ messageId: "listener", line: 4, column: 17, message: LISTENER }],
  },
  {
    name: "relays: a sync method relaying to itself (the cycle answers no)",
    code: lines(D, 'import { EventEmitter } from "node:events";', "interface Job { id: string; next?: Job }", "export class Worker {", "  readonly stored: string[] = [];", "  forward(job: Job): Promise<void> {", "    if (job.next) return this.forward(job.next);", "    return this.store(job);", "  }", "  async store(job: Job): Promise<void> {", "    this.stored.push(JSON.parse(job.id) as string);", "  }", "  wire(bus: EventEmitter) {", '    bus.on("job", (job: Job) => this.forward(job));', "  }", "}"),
    errors: [{ messageId: "listener", line: 14, column: 19, message: LISTENER }],
  },
  {
    name: "relays: a chain of sync relays deeper than the limit is not followed (listener, receive, validate, route)",
    code: pipeline("  receive(raw: string): Promise<void> {", "    return this.validate(raw);", "  }", "  validate(raw: string): Promise<void> {", "    return this.route(raw);", "  }", "  route(raw: string): Promise<void> {", "    return this.enqueue(raw);", "  }", "  wire(bus: EventEmitter) {", '    bus.on("job", (raw: string) => this.receive(raw));', "  }"),
    errors: [{ messageId: "listener", line: 19, column: 19, message: LISTENER }],
  },
  {
    name: "relays: a conditional return whose other branch can reject",
    code: pipeline("  wire(bus: EventEmitter) {", '    bus.on("job", (raw: string) => {', "      this.queue.length = 0;", "      return this.paused ? save(raw) : this.enqueue(raw);", "    });", "  }"),
    errors: [{ messageId: "listener", line: 10, column: 19, message: LISTENER }],
  },
  {
    name: "relays: a sync listener returning a stored promise",
    code: lines(D, 'import { EventEmitter } from "node:events";', "export class Pipeline {", '  readonly ready: Promise<void> = save("boot");', "  count = 0;", "  wire(bus: EventEmitter) {", '    bus.on("job", () => {', "      this.count++;", "      return this.ready;", "    });", "  }", "}"),
    errors: [{ messageId: "listener", line: 7, column: 19, message: LISTENER }],
  },
  {
    name: "predicates: a predicate calling a function whose name syntax cannot tell is typed",
    code: lines(D, "declare function traced<T>(name: string, fn: T): T;", 'const check = traced("check", async (id: string) => isAdmin(id));', "export function admins() {", "  return ids.filter((id) => check(id));", "}"),
    errors: [
      {
        messageId: "predicate",
        line: 5,
        column: 21,
        message: "Async predicate passed to `filter`: it returns a promise, which is always truthy, so `filter` never sees the real answer. Resolve the answers first (`const keep = await Promise.all(items.map(test))`), then filter on them.",
      },
    ],
  },
  {
    name: "options: checksExecutors off: an async executor is judged as a callback typed to return void",
    code: lines(D, "export const p = new Promise<void>(async (resolve) => {", '  await save("x");', "  resolve();", "});"),
    options: { checksExecutors: false },
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 2,
        column: 36,
        message: VOID_ARGUMENT("Promise"),
        fixes: [
          [
            WRAP,
            lines(
              D,
              "export const p = new Promise<void>((resolve) => { void (async () => {",
              '  await save("x");',
              "  resolve();",
              "})().catch((error) => { console.error(error); }); });",
            ),
          ],
        ],
      },
    ],
  },
  // Listener removals (a false alarm seen while reading the mutants of lines 750-1040), session 4.
  {
    name: "listener removal: only the registration is reported, not removeListener/off of the same async listener",
    code: `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport class Worker {\n  constructor(private readonly bus: EventEmitter) {}\n  private readonly onJob = async (id: string) => { await save(id); };\n  start() { this.bus.on("job", this.onJob); }\n  stop() {\n    this.bus.removeListener("job", this.onJob);\n    this.bus.off("job", this.onJob);\n  }\n}`,
    errors: [{ messageId: "listener", line: 6, column: 32, message: LISTENER }],
  },
  {
    name: "listener removal: a project method named off that is no emitter's is still judged (it may call the callback)",
    code: `declare function save(id: string): Promise<void>;\nexport class Scheduler {\n  off(reason: string, onStop: () => void): void {\n    console.log(reason);\n    onStop();\n  }\n}\nexport function stop(scheduler: Scheduler) {\n  scheduler.off("shutdown", async () => { await save("state"); });\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 9,
        column: 29,
        message: VOID_ARGUMENT("off"),
        fixes: [
          [
            WRAP,
            `declare function save(id: string): Promise<void>;\nexport class Scheduler {\n  off(reason: string, onStop: () => void): void {\n    console.log(reason);\n    onStop();\n  }\n}\nexport function stop(scheduler: Scheduler) {\n  scheduler.off("shutdown", () => { void (async () => { await save("state"); })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  // An async function adopts the promise it returns: `return p` inside a `try` catches nothing (engine/rejection.ts), session 4.
  {
    name: "listener: `return save(id)` inside the try of an async listener is not caught there: reported",
    code: `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.on("job", async (id: string) => {\n    try {\n      return save(id);\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}`,
    errors: [
      {
        messageId: "listener",
        line: 4,
        column: 17,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.on("job", (id: string) => { void (async () => {\n    try {\n      return save(id);\n    } catch (error) {\n      console.error(error);\n    }\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  // Logical assignments store their right side like `=` (a miss the mutants of lines 1041-end showed, #65), session 4.
  {
    name: "logical assignments: async handlers stored with ??= and ||= into properties typed to return void",
    code: `declare function save(id: string): Promise<void>;\ninterface Transport { onclose?: () => void; onerror?: (error: Error) => void }\nexport function wire(transport: Transport) {\n  transport.onclose ??= async () => { await save("closed"); };\n  transport.onerror ||= async (error) => { await save(error.message); };\n}`,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 4,
        column: 25,
        message: VOID_ASSIGNMENT("onclose"),
        fixes: [
          [
            WRAP,
            `declare function save(id: string): Promise<void>;\ninterface Transport { onclose?: () => void; onerror?: (error: Error) => void }\nexport function wire(transport: Transport) {\n  transport.onclose ??= () => { void (async () => { await save("closed"); })().catch(${H}); };\n  transport.onerror ||= async (error) => { await save(error.message); };\n}`,
          ],
        ],
      },
      {
        messageId: "voidReturnProperty",
        line: 5,
        column: 25,
        message: VOID_ASSIGNMENT("onerror"),
        fixes: [
          [
            WRAP,
            `declare function save(id: string): Promise<void>;\ninterface Transport { onclose?: () => void; onerror?: (error: Error) => void }\nexport function wire(transport: Transport) {\n  transport.onclose ??= async () => { await save("closed"); };\n  transport.onerror ||= (error) => { void (async () => { await save(error.message); })().catch(${H}); };\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: mutual recursion where one receiver also hands the callback to setTimeout (every call reported, whichever is decided first)",
    code: `${D}\nfunction schedule(task: () => void, attempts: number): void {\n  void attempt(task, attempts);\n  setTimeout(task, 1000);\n}\nasync function attempt(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) schedule(task, attempts - 1);\n  }\n}\nfunction attemptSoon(task: () => void): void {\n  void attempt(task, 3);\n}\nschedule(async () => {\n  await save("x");\n}, 3);\nattemptSoon(async () => {\n  await save("y");\n});\nvoid attempt(async () => {\n  await save("z");\n}, 3);`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 17,
        column: 10,
        message: VOID_ARGUMENT("schedule"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction schedule(task: () => void, attempts: number): void {\n  void attempt(task, attempts);\n  setTimeout(task, 1000);\n}\nasync function attempt(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) schedule(task, attempts - 1);\n  }\n}\nfunction attemptSoon(task: () => void): void {\n  void attempt(task, 3);\n}\nschedule(() => { void (async () => {\n  await save("x");\n})().catch(${H}); }, 3);\nattemptSoon(async () => {\n  await save("y");\n});\nvoid attempt(async () => {\n  await save("z");\n}, 3);`,
          ],
        ],
      },
      {
        messageId: "voidReturnArgument",
        line: 20,
        column: 13,
        message: VOID_ARGUMENT("attemptSoon"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction schedule(task: () => void, attempts: number): void {\n  void attempt(task, attempts);\n  setTimeout(task, 1000);\n}\nasync function attempt(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) schedule(task, attempts - 1);\n  }\n}\nfunction attemptSoon(task: () => void): void {\n  void attempt(task, 3);\n}\nschedule(async () => {\n  await save("x");\n}, 3);\nattemptSoon(() => { void (async () => {\n  await save("y");\n})().catch(${H}); });\nvoid attempt(async () => {\n  await save("z");\n}, 3);`,
          ],
        ],
      },
      {
        messageId: "voidReturnArgument",
        line: 23,
        column: 14,
        message: VOID_ARGUMENT("attempt"),
        fixes: [
          [
            WRAP,
            `${D}\nfunction schedule(task: () => void, attempts: number): void {\n  void attempt(task, attempts);\n  setTimeout(task, 1000);\n}\nasync function attempt(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) schedule(task, attempts - 1);\n  }\n}\nfunction attemptSoon(task: () => void): void {\n  void attempt(task, 3);\n}\nschedule(async () => {\n  await save("x");\n}, 3);\nattemptSoon(async () => {\n  await save("y");\n});\nvoid attempt(() => { void (async () => {\n  await save("z");\n})().catch(${H}); }, 3);`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback receivers: a recursive retry that also calls the callback without awaiting it",
    code: `${D}\nasync function retry(task: () => void, attempts: number): Promise<void> {\n  if (attempts === 0) {\n    task();\n    return;\n  }\n  try {\n    await task();\n  } catch {\n    await retry(task, attempts - 1);\n  }\n}\nvoid retry(async () => {\n  await save("x");\n}, 3);`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 13,
        column: 12,
        message: VOID_ARGUMENT("retry"),
        fixes: [
          [
            WRAP,
            `${D}\nasync function retry(task: () => void, attempts: number): Promise<void> {\n  if (attempts === 0) {\n    task();\n    return;\n  }\n  try {\n    await task();\n  } catch {\n    await retry(task, attempts - 1);\n  }\n}\nvoid retry(() => { void (async () => {\n  await save("x");\n})().catch(${H}); }, 3);`,
          ],
        ],
      },
    ],
  },
  {
    name: "conditions: a tagged template of a query builder that returns a promise",
    code: `interface Row { id: number }\ninterface Sql {\n  (strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]>;\n}\ndeclare const sql: Sql;\nexport async function exists(id: number) {\n  if (sql\`select 1 from jobs where id = \${id}\`) return true;\n  return false;\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 7,
        column: 7,
        message: CONDITION,
        fixes: [
          [
            AWAIT,
            `interface Row { id: number }\ninterface Sql {\n  (strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]>;\n}\ndeclare const sql: Sql;\nexport async function exists(id: number) {\n  if (await sql\`select 1 from jobs where id = \${id}\`) return true;\n  return false;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "conditions and spreads through wrappers: a promise behind !, as and new",
    code: `declare function fetchDefaults(): unknown;\nexport class Client {\n  private ready?: Promise<void>;\n  connect(open: () => Promise<void>) {\n    this.ready = open();\n  }\n  send(message: string) {\n    if (this.ready!) console.log("sending", message);\n  }\n  settings(overrides: object) {\n    return { ...(fetchDefaults() as Promise<{ retries: number }>), ...overrides };\n  }\n  check() {\n    return new Promise<boolean>((resolve) => resolve(true)) ? "ok" : "never";\n  }\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 8,
        column: 9,
        message: CONDITION,
      },
      {
        messageId: "spread",
        line: 11,
        column: 17,
        message: SPREAD,
      },
      {
        messageId: "conditional",
        line: 14,
        column: 12,
        message: CONDITION,
      },
    ],
  },
  {
    name: "conditions through assignments and commas: a loop that stores the next job's promise and tests it",
    code: `interface Job { id: string }\ndeclare function nextJob(): Promise<Job | undefined>;\ndeclare function run(job: Job): void;\nexport async function drain() {\n  let job: Promise<Job | undefined>;\n  while ((job = nextJob())) {\n    run((await job)!);\n  }\n}`,
    errors: [{ messageId: "conditional", line: 6, column: 17, message: CONDITION }],
  },
  {
    name: "conditions and spreads through assignments and commas: a comma's value, a spread of an assignment, ??= of an unset promise",
    code: `interface Options { retries: number }\ndeclare function isEnabled(flag: string): Promise<boolean>;\ndeclare function loadDefaults(): Promise<Options>;\nlet defaults: Promise<Options> | undefined;\nexport async function configure(overrides: Partial<Options>) {\n  if ((console.log("checking"), isEnabled("retries"))) console.log("on");\n  const first = { ...(defaults = loadDefaults()), ...overrides };\n  const again = { ...(defaults ??= loadDefaults()), ...overrides };\n  return [first, again];\n}`,
    errors: [
      {
        messageId: "conditional",
        line: 6,
        column: 33,
        message: CONDITION,
        fixes: [
          [
            AWAIT,
            `interface Options { retries: number }\ndeclare function isEnabled(flag: string): Promise<boolean>;\ndeclare function loadDefaults(): Promise<Options>;\nlet defaults: Promise<Options> | undefined;\nexport async function configure(overrides: Partial<Options>) {\n  if ((console.log("checking"), await isEnabled("retries"))) console.log("on");\n  const first = { ...(defaults = loadDefaults()), ...overrides };\n  const again = { ...(defaults ??= loadDefaults()), ...overrides };\n  return [first, again];\n}`,
          ],
        ],
      },
      {
        messageId: "spread",
        line: 7,
        column: 34,
        message: SPREAD,
      },
      {
        messageId: "spread",
        line: 8,
        column: 36,
        message: SPREAD,
      },
    ],
  },
];

const validMore: ValidCase[] = [
  {
    name: "callback receivers: a receiver declaring a this parameter (this: void) awaits the callback in try/catch (the first argument fills the parameter after this)",
    code: `${D}\nasync function runSafely(this: void, task: () => void, label: string): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(label, error);\n  }\n}\nexport function start() {\n  void runSafely(async () => {\n    await save("x");\n  }, "nightly");\n}`,
    fileName: "script.cts",
  },
  {
    name: "conditions through assignments: a loop that stores what a sync queue gives",
    code: `interface Job { id: string }\ndeclare const queue: Job[];\ndeclare function run(job: Job): Promise<void>;\nexport async function drain() {\n  let job: Job | undefined;\n  while ((job = queue.shift())) {\n    await run(job);\n  }\n}`,
  },
  {
    name: "conditions through assignments: an awaited value stored and tested, a comma whose value is a count",
    code: `declare function loadCount(): Promise<number>;\ndeclare function isEnabled(flag: string): Promise<boolean>;\nexport async function report() {\n  let count: number;\n  if ((count = await loadCount())) console.log(count);\n  if ((console.log("checking"), await isEnabled("report"))) console.log("on");\n}`,
  },
  {
    name: "spreads through assignments: ??= and ||= of stored objects, && = of an optional one",
    code: `interface Options { retries: number }\ndeclare function defaultsSync(): Options;\nlet cached: Options | undefined;\nlet fallback: Options | null = null;\nexport function configure(overrides: Partial<Options>, extra?: Options) {\n  const a = { ...(cached ??= defaultsSync()), ...overrides };\n  const b = { ...(fallback ||= defaultsSync()), ...overrides };\n  const c = { ...(extra &&= { ...extra, retries: 1 }) };\n  return [a, b, c];\n}`,
  },
  {
    name: "conditions: tagged templates that give strings, and an awaited query",
    code: `interface Row { id: number }\ninterface Sql {\n  (strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]>;\n}\ndeclare const sql: Sql;\ndeclare function trim(strings: TemplateStringsArray, ...values: unknown[]): string;\nexport async function exists(id: number, name: string) {\n  if (trim\`  \${name}  \`) console.log(name);\n  if (String.raw\`\${name}\`) console.log(name);\n  if ((await sql\`select 1 from jobs where id = \${id}\`).length > 0) return true;\n  return false;\n}`,
  },
  {
    name: "conditions and spreads through wrappers: values asserted or checked to types that are not promises",
    code: `interface Options { retries: number }\ndeclare const raw: unknown;\ndeclare const pending: Promise<void> | undefined;\nexport function settings(input: unknown, overrides: object) {\n  if (input as boolean) console.log("on");\n  if ((pending satisfies Promise<void> | undefined)) console.log("in flight");\n  return { ...(raw as Options), ...overrides };\n}`,
  },
  {
    name: "conditions through wrappers: a non-null assertion on a timer and a new AbortController",
    code: `export class Poller {\n  private timer?: ReturnType<typeof setInterval>;\n  start(tick: () => void) {\n    if (this.timer!) clearInterval(this.timer);\n    this.timer = setInterval(tick, 1000);\n    return new AbortController() ? "started" : "never";\n  }\n}`,
  },
  {
    name: "callback receivers: a recursive retry that awaits the callback in try/catch and hands it to itself",
    code: `${D}\nasync function retry(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    if (attempts === 0) {\n      console.error(error);\n      return;\n    }\n    await retry(task, attempts - 1);\n  }\n}\nvoid retry(async () => {\n  await save("x");\n}, 3);`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: a retrying method of a class that hands the callback back to itself through this",
    code: `${D}\nexport class Jobs {\n  async run(task: () => void, attempts = 3): Promise<void> {\n    try {\n      await task();\n    } catch (error) {\n      console.error(error);\n      if (attempts > 1) await this.run(task, attempts - 1);\n    }\n  }\n  start() {\n    void this.run(async () => {\n      await save("x");\n    });\n  }\n}`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: two receivers handing the callback to each other, each awaiting it in try/catch",
    code: `${D}\nasync function first(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) await second(task, attempts - 1);\n  }\n}\nasync function second(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) await first(task, attempts - 1);\n  }\n}\nvoid first(async () => {\n  await save("x");\n}, 3);\nvoid second(async () => {\n  await save("y");\n}, 3);`,
    fileName: "script.cts",
  },
  {
    name: "async executor: a project class named Promise whose executor may return a promise",
    code: `${D}\nclass Promise<T> {\n  constructor(readonly run: (resolve: (value: T) => void) => unknown) {}\n}\nexport const p = new Promise<void>(async (resolve) => {\n  await save("x");\n  resolve();\n});`,
  },
  {
    name: "async executor: an alias of a project task class that awaits its body",
    code: `${D}\nclass Task {\n  constructor(readonly body: () => Promise<void>) {}\n  async run(): Promise<void> {\n    await this.body();\n  }\n}\nconst Job = Task;\nexport const job = new Job(async () => {\n  await save("x");\n});`,
  },
  {
    name: "async executor: a sync executor of the built-in constructor through an alias",
    code: `${D}\nconst NativePromise = Promise;\nexport const p = new NativePromise<void>((resolve, reject) => {\n  save("x").then(resolve, reject);\n});`,
  },
  {
    name: "sync callbacks: an expression-bodied listener returning a chain that already has a .catch",
    code: 'import { EventEmitter } from "node:events";\ndeclare function sync(): Promise<void>;\ndeclare function markDone(): void;\nconst queue = new EventEmitter();\nqueue.on("drain", () => sync().catch((error) => console.error(error)).then(() => markDone()));',
  },
  {
    name: "sync callbacks: an expression-bodied listener relaying a project method that never suspends",
    code: 'import { EventEmitter } from "node:events";\nexport class Registry {\n  readonly #clients = new Set<EventEmitter>();\n  async removeClient(client: EventEmitter): Promise<void> {\n    this.#clients.delete(client);\n  }\n  watch(client: EventEmitter) {\n    client.on("close", () => this.removeClient(client));\n  }\n}',
  },
  {
    name: "sync callbacks: a block body relaying a project function that catches its own errors",
    code: `${D}\nimport { EventEmitter } from "node:events";\nasync function persist(id: string): Promise<void> {\n  try {\n    await save(id);\n  } catch (error) {\n    console.error(error);\n  }\n}\nconst queue = new EventEmitter();\nqueue.on("job", (id: string) => {\n  if (!id) return;\n  return persist(id);\n});`,
  },
  {
    name: "logical values: a promise that may be absent as the left operand of || (a presence check)",
    code: "interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\nlet pending: Promise<Conn> | undefined;\nexport function current() {\n  return pending || (pending = connect());\n}",
  },
  {
    name: "logical values: an awaited promise as the left operand of &&",
    code: "declare function ready(): Promise<boolean>;\ndeclare function start(): void;\nexport async function boot() {\n  (await ready()) && start();\n}",
  },
  {
    name: "logical values: a promise as the right operand of && (it is the value, not a test)",
    code: `${D}\nexport function saveIf(dirty: boolean) {\n  return dirty && save("draft");\n}`,
  },
  {
    name: "logical values: a promise as the left operand of ?? outside a condition",
    code: "interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\ndeclare const warm: Promise<Conn>;\nexport function current() {\n  return warm ?? connect();\n}",
  },
  {
    name: "logical values: a promise nested in the right operand of ||",
    code: "declare function ready(): Promise<boolean>;\nexport function check(cached: boolean, strict: boolean) {\n  return cached || (strict && ready());\n}",
  },
  {
    name: "logical values: a promise as the left operand of || with checksConditionals off",
    code: "interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\ndeclare const warm: Promise<Conn>;\nexport function current() {\n  return warm || connect();\n}",
    options: { checksConditionals: false },
  },
  {
    name: "shorthand properties: { onExit } naming a sync function",
    code: `${D}\ninterface Hooks { onExit: () => void }\nfunction onExit() {\n  void save("exit").catch((error) => console.error(error));\n}\nexport const hooks: Hooks = { onExit };`,
  },
  {
    name: "shorthand properties: { onExit } naming an async function where the property returns a promise",
    code: `${D}\ninterface Hooks { onExit: () => Promise<void> }\nasync function onExit() {\n  await save("exit");\n}\nexport const hooks: Hooks = { onExit };`,
  },
  {
    name: "shorthand properties: { onExit } naming an async function where the property returns void | Promise<void>",
    code: `${D}\ninterface Hooks { onExit: () => void | Promise<void> }\nasync function onExit() {\n  await save("exit");\n}\nexport const hooks: Hooks = { onExit };`,
  },
  {
    name: "shorthand properties: { onExit } naming an async function that catches its own errors",
    code: `${D}\ninterface Hooks { onExit: () => void }\nasync function onExit() {\n  try {\n    await save("exit");\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport const hooks: Hooks = { onExit };`,
  },
  {
    name: "object methods: an async method filling the string index of Record<string, () => Promise<void>>",
    code: `${D}\nexport const commands: Record<string, () => Promise<void>> = {\n  async sync() {\n    await save("all");\n  },\n};`,
  },
  {
    name: "object methods: an async method in a literal typed Hooks | undefined whose member returns a promise",
    code: `${D}\ninterface Hooks { onExit(): Promise<void> }\nexport const hooks: Hooks | undefined = {\n  async onExit() {\n    await save("exit");\n  },\n};`,
  },
  {
    name: "sync callbacks: a Promise executor returning a query chain that already has a .catch (knex's _stream)",
    code: 'import { PassThrough } from "node:stream";\ninterface Row { id: number }\ndeclare function runQuery(sql: string): Promise<{ rows: Row[] }>;\nexport function streamRows(sql: string, stream: PassThrough) {\n  return new Promise<void>((resolve, reject) => {\n    stream.on("error", reject);\n    stream.on("end", resolve);\n    return runQuery(sql)\n      .then(({ rows }) => rows.forEach((row) => stream.write(JSON.stringify(row))))\n      .catch((error) => {\n        stream.emit("error", error);\n      })\n      .then(() => {\n        stream.end();\n      });\n  });\n}',
  },
  {
    name: "sync callbacks: a listener relaying a handler from a table of sync and async methods (puppeteer's NetworkManager)",
    code: 'import { EventEmitter } from "node:events";\nexport class Network {\n  readonly #handlers = [\n    ["request", this.#onRequest],\n    ["closed", this.#removeClient],\n  ] as const;\n  #onRequest(client: EventEmitter, event: unknown): void {\n    console.log(client.eventNames(), event);\n  }\n  async #removeClient(client: EventEmitter): Promise<void> {\n    client.removeAllListeners();\n  }\n  addClient(client: EventEmitter) {\n    for (const [event, handler] of this.#handlers) {\n      client.on(event, (arg: unknown) => {\n        return handler.bind(this)(client, arg);\n      });\n    }\n  }\n}',
  },
  {
    name: "predicates: a sync arrow returning an optional promise property (jobs with work in flight)",
    code: "interface Job { id: string; pending?: Promise<void> }\ndeclare const jobs: Job[];\nexport const busy = jobs.filter((job) => job.pending);",
  },
  {
    name: "predicates: a sync arrow returning a property typed Promise | undefined",
    code: "interface Job { id: string; pending: Promise<void> | undefined }\ndeclare const jobs: Job[];\nexport const busy = jobs.some((job) => job.pending);",
  },
  {
    name: "predicates: a sync arrow returning a boolean property",
    code: "interface Replica { host: string; healthy: boolean }\ndeclare const replicas: Replica[];\nexport const usable = replicas.filter((replica) => replica.healthy);",
  },
  {
    name: "predicates: map over a promise property (the promises are the result, not a test)",
    code: "interface Replica { host: string; healthy: Promise<boolean> }\ndeclare const replicas: Replica[];\nexport const checks = Promise.all(replicas.map((replica) => replica.healthy));",
  },
  {
    name: "predicates: a filter method of a project class whose predicate returns unknown",
    code: "interface Replica { host: string; healthy: Promise<boolean> }\nclass Pool {\n  constructor(private readonly replicas: Replica[]) {}\n  filter(keep: (replica: Replica) => unknown): Replica[] {\n    return this.replicas.filter((replica) => Boolean(keep(replica)));\n  }\n}\ndeclare const pool: Pool;\nexport const usable = pool.filter((replica) => replica.healthy);",
  },
  {
    name: "predicates: a sync arrow returning a value typed any",
    code: "declare const replicas: { host: string; healthy: any }[];\nexport const usable = replicas.filter((replica) => replica.healthy);",
  },
  {
    name: "class properties: a field holding an async arrow where the interface method returns a promise",
    code: `${D}\ninterface Listener { onEvent(e: string): Promise<void> }\nexport class Logger implements Listener {\n  onEvent = async (e: string) => {\n    await save(e);\n  };\n}`,
  },
  {
    name: "class properties: a static field holding an async arrow, named like an instance method of the base",
    code: `${D}\nclass Base {\n  reset(): void {}\n}\nexport class Store extends Base {\n  static reset = async () => {\n    await save("x");\n  };\n}`,
  },
  {
    name: "class properties: a field holding an async arrow in a class without heritage clauses or written type",
    code: `${D}\nexport class Poller {\n  tick = async () => {\n    await save("tick");\n  };\n}`,
  },
  {
    name: "class properties: a field implementing a void member with an async arrow that catches its own errors",
    code: `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  onEvent = async (e: string) => {\n    try {\n      await save(e);\n    } catch (error) {\n      console.error(error);\n    }\n  };\n}`,
  },
  {
    name: "class properties: a field written as () => Promise<void> holding an async arrow",
    code: `${D}\nexport class Poller {\n  tick: () => Promise<void> = async () => {\n    await save("tick");\n  };\n}`,
  },
  {
    name: "class properties: a field holding a sync arrow where the base field is typed () => void",
    code: `${D}\nclass Widget {\n  onClose: () => void = () => {};\n}\nexport class Form extends Widget {\n  onClose = () => {\n    void save("draft").catch((error) => console.error(error));\n  };\n}`,
  },
  {
    name: "class properties: an abstract method returning a promise, overriding one returning void | Promise<void>",
    code: "abstract class Store {\n  abstract flush(): void | Promise<void>;\n}\nexport abstract class RemoteStore extends Store {\n  abstract flush(): Promise<void>;\n}",
  },
  {
    name: "interface members: a promise-returning method where the extended interface's method returns a promise too",
    code: "interface Store {\n  flush(): Promise<void>;\n}\nexport interface RemoteStore extends Store {\n  flush(): Promise<void>;\n  close(): Promise<void>;\n}",
  },
  {
    name: "interface members: promise-returning members of an interface that extends nothing",
    code: "export interface RemoteStore {\n  flush(): Promise<void>;\n  onChange: () => Promise<void>;\n}",
  },
  {
    name: "class methods: a method without async returning a number, implementing an interface method returning void",
    code: "interface Listener { onEvent(e: string): void }\nexport class Counter implements Listener {\n  seen = 0;\n  onEvent(e: string) {\n    return (this.seen += e.length);\n  }\n}",
  },
  {
    name: "using: await using with an async [Symbol.asyncDispose]",
    code: 'declare function release(name: string): Promise<void>;\nexport async function withLock() {\n  await using lock = {\n    async [Symbol.asyncDispose]() {\n      await release("jobs");\n    },\n  };\n  console.log("locked", lock);\n}',
    ...DISPOSABLE,
  },
  {
    name: "await using: a value with both an async [Symbol.asyncDispose] and an async [Symbol.dispose] (await using calls and awaits the async one)",
    code: 'declare function release(name: string): Promise<void>;\nexport async function withLock() {\n  await using lock = {\n    async [Symbol.asyncDispose]() {\n      await release("jobs");\n    },\n    async [Symbol.dispose]() {\n      await release("jobs");\n    },\n  };\n  console.log("locked", lock);\n}',
    ...DISPOSABLE,
  },
  {
    name: "await using: a class whose [Symbol.dispose] is synchronous",
    code: 'declare class Connection {\n  [Symbol.dispose](): void;\n  query(sql: string): Promise<number>;\n}\ndeclare function connect(): Promise<Connection>;\nexport async function count() {\n  await using connection = await connect();\n  return connection.query("select count(*) from jobs");\n}',
    ...DISPOSABLE,
  },
  {
    name: "await using: an async [Symbol.dispose] of the project that never suspends",
    code: 'export async function track(log: string[]) {\n  await using scope = {\n    async [Symbol.dispose]() {\n      log.push("scope closed");\n    },\n  };\n  log.push("in scope");\n  return scope;\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: a synchronous [Symbol.dispose] that clears a timer",
    code: 'export function poll(check: () => void) {\n  using timer = {\n    handle: setInterval(check, 1000),\n    [Symbol.dispose]() {\n      clearInterval(this.handle);\n    },\n  };\n  check();\n  return timer.handle;\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: an async [Symbol.dispose] of the project that never suspends",
    code: 'export function track(log: string[]) {\n  using scope = {\n    async [Symbol.dispose]() {\n      log.push("scope closed");\n    },\n  };\n  log.push("in scope");\n  return scope;\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: a value that may be null, whose [Symbol.dispose] is synchronous",
    code: 'declare function tryLock(name: string): Disposable | null;\nexport function withOptionalLock() {\n  using lock = tryLock("jobs");\n  return lock !== null;\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: a variable typed AsyncDisposable initialized with an object whose [Symbol.asyncDispose] is async",
    code: 'declare function release(name: string): Promise<void>;\nexport const handle: AsyncDisposable = {\n  async [Symbol.asyncDispose]() {\n    await release("jobs");\n  },\n};',
    ...DISPOSABLE,
  },
  {
    name: "using: variables typed Disposable initialized with a call and new of values whose [Symbol.dispose] is synchronous",
    code: 'interface Lock { name: string; [Symbol.dispose](): void }\ndeclare function openLock(name: string): Lock;\ndeclare class Scope { [Symbol.dispose](): void }\nexport function hold(): Disposable[] {\n  const jobs: Disposable = openLock("jobs");\n  const scope: Disposable = new Scope();\n  return [jobs, scope];\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: variables typed AsyncDisposable initialized with a call whose [Symbol.asyncDispose] is async, and a typed number from a call",
    code: 'interface Lock { [Symbol.asyncDispose](): Promise<void> }\ndeclare function openLock(name: string): Lock;\ndeclare function count(): number;\nexport function hold(): [AsyncDisposable, number] {\n  const jobs: AsyncDisposable = openLock("jobs");\n  const total: number = count();\n  return [jobs, total];\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: a variable typed Disposable initialized with a synchronous [Symbol.dispose]",
    code: 'declare const timer: ReturnType<typeof setInterval>;\nexport const handle: Disposable = {\n  [Symbol.dispose]() {\n    clearInterval(timer);\n  },\n};',
    ...DISPOSABLE,
  },
  {
    name: "sync callbacks: a block body returning a promise on one path, passed to map (its result is used)",
    code: `${D}\nexport const pending = ids.map((id) => {\n  if (!id) return undefined;\n  return save(id);\n});`,
  },
  {
    name: "sync callbacks: a block body returning a promise, where the parameter accepts void | Promise<void>",
    code: "declare function onShutdown(hook: () => void | Promise<void>): void;\ndeclare function flush(): Promise<void>;\nlet dirty = false;\nonShutdown(() => {\n  if (!dirty) return;\n  return flush();\n});",
  },
  {
    name: "sync callbacks: a listener with a block body returning a boolean",
    code: 'import { EventEmitter } from "node:events";\nconst queue = new EventEmitter();\nlet dirty = false;\nqueue.on("drain", () => {\n  return dirty;\n});',
  },
  {
    name: "sync callbacks: a promise returned only by a nested function inside the callback",
    code: 'import { EventEmitter } from "node:events";\ndeclare function flush(): Promise<void>;\nconst queue = new EventEmitter();\nqueue.on("drain", () => {\n  const later = () => flush();\n  setImmediate(() => {\n    void later().catch((error) => console.error(error));\n  });\n});',
  },
  {
    name: "sync callbacks: a block body returning a value typed any",
    code: 'declare function readCached(key: string, done: (error: Error | null, value?: string) => void): void;\nreadCached("user", (error, value) => {\n  if (error) return;\n  return JSON.parse(value ?? "null");\n});',
  },
  {
    name: "sync object methods: a method returning a timer handle where the property returns void",
    code: 'interface Job { onTimeout(): void }\nlet timer: ReturnType<typeof setTimeout> | undefined;\nexport const job: Job = {\n  onTimeout() {\n    if (timer) return clearTimeout(timer);\n  },\n};',
  },
  {
    name: "sync object methods: a method returning a promise where the property is typed to return one",
    code: 'interface Job { onTimeout(): Promise<void> | void }\ndeclare function retry(id: string): Promise<void>;\nexport const job: Job = {\n  onTimeout() {\n    return retry("job-1");\n  },\n};',
  },
  {
    name: "sync object methods: a method returning a promise that cannot reject, where the property returns void",
    code: 'interface Job { onTimeout(): void }\nasync function retry(id: string): Promise<void> {\n  try {\n    await fetch(id);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport const job: Job = {\n  onTimeout() {\n    return retry("job-1");\n  },\n};',
  },
  // Mutation survivors of lines 1041-1544, session 4
  {
    name: "using: a value whose [Symbol.dispose] returns a promise held in a plain let (nothing disposes it implicitly)",
    code: 'declare class Connection {\n  [Symbol.dispose](): Promise<void>;\n  query(sql: string): string;\n}\ndeclare function connect(): Connection;\nexport function count() {\n  let connection = connect();\n  const rows = connection.query("select count(*) from jobs");\n  connection = connect();\n  return rows;\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: a variable typed with an interface whose [Symbol.dispose] returns a promise",
    code: 'declare function release(name: string): Promise<void>;\ninterface AsyncLock {\n  [Symbol.dispose](): Promise<void>;\n}\nconst lock = {\n  async [Symbol.dispose]() {\n    await release("jobs");\n  },\n};\nexport const handle: AsyncLock = lock;',
    ...DISPOSABLE,
  },
  {
    name: "using: an object literal whose [Symbol.dispose] is an async arrow that never suspends",
    code: 'export function track(log: string[]) {\n  using scope = {\n    [Symbol.dispose]: async () => {\n      log.push("scope closed");\n    },\n  };\n  log.push("in scope");\n  return scope;\n}',
    ...DISPOSABLE,
  },
  {
    name: "using: one of two locks, both of whose async [Symbol.dispose] never suspend",
    code: 'export function withLock(log: string[], shared: boolean) {\n  using lock = shared\n    ? {\n        async [Symbol.dispose]() {\n          log.push("shared lock dropped");\n        },\n      }\n    : {\n        async [Symbol.dispose]() {\n          log.push("local lock dropped");\n        },\n      };\n  log.push("locked");\n  return lock;\n}',
    ...DISPOSABLE,
  },
  {
    name: "conditions: two promises compared by identity (is the load in flight still the current one?)",
    code: `declare function fetchConfig(): Promise<string>;\nexport class Config {\n  private loading: Promise<string> | undefined;\n  reload() {\n    const loading = fetchConfig();\n    this.loading = loading;\n    void loading.finally(() => {\n      if (this.loading === loading) this.loading = undefined;\n    });\n    return loading;\n  }\n}`,
  },
  {
    name: "conditions: an awaited promise on the right of ||",
    code: `${D}\nexport async function canEdit(job: { done: boolean; owner: string }) {\n  if (job.done || (await isAdmin(job.owner))) return true;\n  return false;\n}`,
  },
  {
    name: "a unary plus on a promise converts it to a number (NaN), it tests no truthiness: not this check's finding",
    code: `declare function pendingCount(): Promise<number>;\nexport function report() {\n  if (+pendingCount()) console.log("work pending");\n  return +pendingCount();\n}`,
  },
  {
    name: "logical values: an awaited promise on the left of a parenthesized || inside another ||",
    code: `${D}\ndeclare function open(): Promise<string>;\nexport async function connection(cached: string | undefined) {\n  const opening = open();\n  return ((await opening) || cached) || "offline";\n}`,
  },
  {
    name: "logical values: an awaited promise negated on the left of ||, and under ! with ||",
    code: `${D}\ndeclare function open(): Promise<string>;\nexport async function idle(force: boolean) {\n  const opening = open();\n  const a = !(await opening) || force;\n  const b = !((await opening) || force);\n  return a && b;\n}`,
  },
  {
    name: "spreads: an awaited call on the right of || and of ??",
    code: `declare function loadDefaults(): Promise<{ retries: number }>;\nexport async function settings(overrides?: { retries: number }, local?: { retries: number }) {\n  const merged = { ...(overrides || (await loadDefaults())) };\n  const fallback = { ...(local ?? (await loadDefaults())) };\n  return [merged, fallback];\n}`,
  },
  {
    name: "spreads: a plain object whose name holds a promise elsewhere in the project",
    code: `declare function loadSettings(): Promise<{ retries: number }>;\nexport function pending() {\n  const settings = loadSettings();\n  return settings;\n}\nexport function merged(settings: { retries: number } | undefined, fallback: { retries: number }) {\n  return { ...(settings || fallback) };\n}`,
  },
  {
    name: "forEach: a sync callback behind && and a sync callback given a thisArg",
    code: `${D}\nexport class Sync {\n  seen: string[] = [];\n  run(ready: boolean) {\n    ready && ids.forEach((id) => console.log(id));\n    ids.forEach(function (this: Sync, id) {\n      this.seen.push(id);\n    }, this);\n  }\n}`,
  },
  {
    name: "callback receivers: a spread argument after the callback does not move it",
    code: `${D}\nasync function runSafely(task: () => void, ...labels: string[]): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(labels.join(" "), error);\n  }\n}\nconst labels = ["nightly", "sync"];\nvoid runSafely(async () => {\n  await save("x");\n}, ...labels);`,
    fileName: "script.cts",
  },
  {
    name: "forEach: callbacks with an index parameter and with a typed parameter that only log",
    code: `${D}\nexport function show() {\n  ids.forEach((id, index) => console.log(index, id));\n  ids.forEach((id: string) => console.log(id));\n}`,
  },
  {
    name: "callback receivers: a receiver with an inner callback parameter of the same name",
    code: `${D}\nasync function runAll(task: () => void, queued: { name: string }[]): Promise<void> {\n  const names = queued.map((task) => task.name);\n  try {\n    await task();\n  } catch (error) {\n    console.error(names, error);\n  }\n}\nvoid runAll(async () => {\n  await save("x");\n}, []);`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: a receiver that awaits the callback written with parentheses",
    code: `${D}\nasync function runSafely(task: () => void): Promise<void> {\n  try {\n    await (task)();\n    await (task());\n  } catch (error) {\n    console.error(error);\n  }\n}\nvoid runSafely(async () => {\n  await save("x");\n});`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: a receiver that awaits the callback through .apply inside try/catch",
    code: `${D}\nasync function runSafely(task: (...args: string[]) => void, args: string[]): Promise<void> {\n  try {\n    await task.apply(undefined, args);\n  } catch (error) {\n    console.error(error);\n  }\n}\nvoid runSafely(async (id: string) => {\n  await save(id);\n}, ["x"]);`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: a catch that hands a function that throws to a reporter (the throw is not in the catch)",
    code: `${D}\ndeclare function report(error: unknown, rethrow: () => never): void;\nconst hooks: (() => Promise<void>)[] = [];\nfunction onCleanup(task: () => void): void {\n  hooks.push(async () => {\n    try {\n      await task();\n    } catch (error) {\n      report(error, () => {\n        throw error;\n      });\n    }\n  });\n}\nonCleanup(async () => save("final"));`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: a class whose constructor hands the listener to a wrapper that awaits it in try/catch",
    code: `${D}\nfunction guarded(fn: () => void): () => Promise<void> {\n  return async () => {\n    try {\n      await fn();\n    } catch (error) {\n      console.error(error);\n    }\n  };\n}\nexport class Subscription {\n  readonly name = "saved";\n  readonly run: () => Promise<void>;\n  constructor(listener: () => void);\n  constructor(listener: () => void, label?: string) {\n    this.run = guarded(listener);\n    console.log(label);\n  }\n}\nexport const subscription = new Subscription(async () => {\n  await save("x");\n});`,
  },
  {
    name: "conditions: an awaited promise negated inside && inside || in an if, under ! and in a for condition",
    code: `declare function open(): Promise<string>;\nexport async function check(ready: boolean, force: boolean) {\n  const opening = open();\n  if ((ready && !(await opening)) || force) return 1;\n  if (!(ready && !(await opening))) return 2;\n  for (let i = 0; ready && !(await opening) && i < 3; i++) console.log(i);\n  return ready ? !(await opening) : false;\n}`,
  },
  {
    name: "forEach: a sync callback with a try/catch and a trailing statement, and one with a try/finally",
    code: `${D}\nlet running = 0;\nexport function sync() {\n  ids.forEach((id) => {\n    try {\n      JSON.parse(id);\n    } catch (error) {\n      console.error(error);\n    }\n    console.log(id);\n  });\n  ids.forEach((id) => {\n    running++;\n    try {\n      console.log(id);\n    } finally {\n      running--;\n    }\n  });\n}`,
  },
  {
    name: "sync callbacks: returning a chain whose then has a rejection handler",
    code: `declare function flush(): Promise<void>;\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => flush().then(() => console.log("flushed"), (error) => console.error(error)));`,
    fileName: "script.cts",
  },
  {
    name: "sync callbacks: returning a caught chain with a finally after it",
    code: `declare function flush(): Promise<void>;\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => flush().catch((error) => console.error(error)).finally(() => console.log("flushed")));`,
    fileName: "script.cts",
  },
  {
    name: "sync callbacks: a block body whose only promise return is in a nested function",
    code: `${D}\ndeclare function onIdle(callback: () => void): void;\nonIdle(() => {\n  const flush = () => {\n    return save("x");\n  };\n  class Job {\n    run() {\n      return flush();\n    }\n  }\n  setTimeout(() => void new Job().run().catch((error) => console.error(error)), 0);\n});`,
    fileName: "script.cts",
  },
  {
    name: "void-return arguments: a sync callback given to a callee read from an array element",
    code: `${D}\ndeclare const schedulers: ((callback: () => void) => void)[];\nschedulers[0](() => {\n  void save("x").catch((error) => console.error(error));\n});`,
    fileName: "script.cts",
  },
  {
    name: "callback receivers: a rest parameter receiver given a sync callback",
    code: `${D}\nfunction later(...tasks: (() => void)[]): void {\n  for (const task of tasks) setTimeout(task, 0);\n}\nlater(() => console.log("later"));`,
    fileName: "script.cts",
  },
  {
    name: "forEach: a sync callback with a nested function that returns",
    code: `${D}\nexport function show(parts: Record<string, string[]>) {\n  ids.forEach((id) => {\n    console.log((parts[id] ?? []).map((part) => {\n      return part.trim();\n    }));\n  });\n}`,
  },
  {
    name: "conditions: a negated awaited promise in a branch of ? :",
    code: `declare function open(): Promise<string>;\nexport async function idle(ready: boolean) {\n  const opening = open();\n  return ready ? !(await opening) : false;\n}`,
  },
  {
    name: "callback receivers: a receiver that awaits the callback in the try of a try/catch/finally",
    code: `${D}\nconst hooks: (() => Promise<void>)[] = [];\nfunction onCleanup(task: () => void): void {\n  hooks.push(async () => {\n    try {\n      await task();\n    } catch (error) {\n      console.error(error);\n    } finally {\n      console.log("cleaned up");\n    }\n  });\n}\nonCleanup(async () => save("final"));`,
    fileName: "script.cts",
  },
  {
    name: "forEach: a sync callback whose body is one try/catch whose catch logs",
    code: `${D}\nexport function parseAll() {\n  ids.forEach((id) => {\n    try {\n      JSON.parse(id);\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}`,
  },
  {
    name: "conditions: a negated awaited promise compared with === in an if",
    code: `declare function open(): Promise<string>;\nexport async function changed(wasIdle: boolean) {\n  const opening = open();\n  if (wasIdle === !(await opening)) return false;\n  return true;\n}`,
  },
  {
    name: "conditions: an awaited promise on the left of || inside ?? in an if",
    code: `export async function busy(job: { pending: Promise<boolean>; cached?: boolean }, fallback: boolean) {\n  if (((await job.pending) || job.cached) ?? fallback) return true;\n  return false;\n}`,
  },
  // Mutation survivors of misused-promise.ts lines 1-520 (bench/mutation/misused-promise.md), session 4.
  {
    name: "catalogue: sync predicates passed to every and findIndex",
    code: `${D}\nexport function audit(users: string[]) {\n  const all = users.every((u) => u.length > 0);\n  const at = users.findIndex((u) => u === "root");\n  return [all, at];\n}`,
  },
  {
    name: "catalogue: sync predicates passed to findLast and findLastIndex (lib es2023)",
    code: `${D}\nexport function latest(users: string[]) {\n  const last = users.findLast((u) => u.startsWith("admin-"));\n  const at = users.findLastIndex((u) => u.startsWith("admin-"));\n  return [last, at];\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2023.d.ts"] },
  },
  {
    name: "catalogue: sync callbacks of forEach on a Set, a ReadonlyMap and a Uint8Array",
    code: `${D}\nexport function count(tags: Set<string>, names: ReadonlyMap<string, string>, bytes: Uint8Array): number {\n  let total = 0;\n  tags.forEach((tag) => { total += tag.length; });\n  names.forEach((name) => { total += name.length; });\n  bytes.forEach((byte) => { total += byte; });\n  return total;\n}`,
  },
  {
    name: "catalogue: listeners that handle their promise: a sync one with void and .catch, an async one that catches",
    code: `${D}\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.once("ready", () => { void save("ready").catch((error) => console.error(error)); });\n  bus.prependOnceListener("done", async () => {\n    try {\n      await save("done");\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}`,
  },
  {
    name: "catalogue: a sync listener given to the DOM's addEventListener",
    code: `${D}\nexport function wire(target: EventTarget) {\n  target.addEventListener("message", () => { void save("message").catch((error) => console.error(error)); });\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] },
  },
  {
    name: "catalogue: timers given a sync function whose name syntax cannot tell",
    code: `${D}\ndeclare function traced<T>(name: string, fn: T): T;\nlet count = 0;\nconst tick = traced("tick", () => { count++; });\nexport function start() {\n  setInterval(tick, 1000);\n  setImmediate(tick);\n  queueMicrotask(tick);\n}`,
  },
  {
    name: "catalogue: process.nextTick, whose callback @types/node types as Function (nothing says its result is ignored)",
    code: `${D}\ndeclare function traced<T>(name: string, fn: T): T;\nconst poll = traced("poll", async () => { await save("poll"); });\nexport function start() {\n  process.nextTick(poll);\n}`,
  },
  {
    name: "catalogue: a nextTick whose callback may return a promise",
    code: `${D}\ndeclare const loop: { nextTick(callback: () => Promise<void> | void): void };\ndeclare function traced<T>(name: string, fn: T): T;\nconst poll = traced("poll", async () => { await save("poll"); });\nexport function start() {\n  loop.nextTick(poll);\n}`,
  },
  {
    name: "options: checksVoidReturn, checksPredicates and checksExecutors all off: no call is looked at",
    code: `${D}\nexport function f() {\n  ids.forEach((id) => save(id));\n  ids.filter(async (id) => isAdmin(id));\n  return new Promise<void>(async (resolve) => { await save("x"); resolve(); });\n}`,
    options: { checksVoidReturn: false, checksPredicates: false, checksExecutors: false },
  },
  {
    name: "catalogue: a project method named find that awaits its async predicate",
    code: `${D}\nexport class Repo {\n  constructor(private readonly users: string[]) {}\n  async find(test: (user: string) => Promise<boolean>): Promise<string | undefined> {\n    for (const user of this.users) if (await test(user)) return user;\n    return undefined;\n  }\n}\nexport function firstAdmin(repo: Repo) {\n  return repo.find(async (user) => isAdmin(user));\n}`,
  },
  // Mutation survivors of misused-promise.ts lines 521-749 (bench/mutation/misused-promise-lines-521-749.md), session 4.
  {
    name: "a known miss, as documented: a sync function whose promise is only inferred, handed on where only the parameter's type says void",
    code: lines(D, "declare function onShutdown(hook: () => void): void;", "declare const api: { reload(): Promise<void> };", "declare const transport: { onclose?: () => void };", "function refresh() {", "  return api.reload();", "}", "function reconnect() {", "  return api.reload();", "}", "const pending = refresh();", "export class Service {", "  refresh() {", "    return api.reload();", "  }", "  install(draining: boolean) {", "    onShutdown(refresh);", "    onShutdown(this.refresh.bind(this));", "    onShutdown(() => refresh());", "    onShutdown(() => {", '      console.log("closing");', "      return refresh();", "    });", "    onShutdown(() => {", "      return draining ? refresh() : reconnect();", "    });", "    onShutdown(() => {", "      return pending;", "    });", "    transport.onclose = refresh;", "  }", "}"),
  },
  {
    name: "a known miss, as documented: a sync block body returning an operator expression (`current ?? save(...)`), also to a timer",
    code: lines(D, "declare function onShutdown(hook: () => void): void;", "const inflight = new Map<string, Promise<void>>();", "export function install() {", "  onShutdown(() => {", '    return inflight.get("flush") ?? save("flush");', "  });", "  setInterval(() => {", '    return inflight.get("tick") ?? save("tick");', "  }, 1000);", "}"),
  },
  {
    name: "name gate: a timer given an arrow calling, and a bind of, a sync field whose name syntax cannot tell",
    code: lines(D, "declare function traced<T>(name: string, fn: T): T;", "export class Poller {", "  ticks = 0;", '  readonly poll = traced("poll", () => { this.ticks++; });', "  start() {", "    setInterval(() => this.poll(), 1000);", "    setInterval(this.poll.bind(this), 1000);", "  }", "}"),
  },
  {
    name: "block bodies: a sync callback returning a promise where the parameter accepts one",
    code: lines(D, "declare function onShutdown(hook: () => Promise<void> | void): void;", 'const ready: Promise<void> = save("boot");', "export function install(draining: boolean) {", "  onShutdown(() => {", '    console.log("closing");', '    return draining ? save("drain") : undefined;', "  });", "  onShutdown(() => {", '    console.log("closing");', "    return ready;", "  });", "}"),
  },
  {
    name: "checkSelfHandled off: a sync listener returning a chain with a rejection handler",
    code: lines(D, 'import { EventEmitter } from "node:events";', "export function wire(bus: EventEmitter) {", '  bus.on("job", (id: string) => save(id).catch((error) => console.error(error)));', "}"),
  },
  {
    name: "relays: the same relay under two listeners, the chain at the depth limit (listener, receive, validate)",
    code: pipeline("  receive(raw: string): Promise<void> {", "    return this.validate(raw);", "  }", "  validate(raw: string): Promise<void> {", "    return this.enqueue(raw);", "  }", "  wire(bus: EventEmitter, retries: EventEmitter) {", '    bus.on("job", (raw: string) => this.receive(raw));', '    retries.on("retry", (raw: string) => this.receive(raw));', "  }"),
  },
  {
    name: "relays: a conditional return whose branches both lose nothing",
    code: pipeline("  async log(raw: string): Promise<void> {", "    console.log(raw);", "  }", "  wire(bus: EventEmitter) {", '    bus.on("job", (raw: string) => {', "      this.queue.length = 0;", "      return this.paused ? this.log(raw) : this.enqueue(raw);", "    });", "  }"),
  },
  {
    name: "relays: a path returning undefined loses nothing",
    code: pipeline("  wire(bus: EventEmitter) {", '    bus.on("job", (raw: string) => {', "      if (!raw) return undefined;", "      return this.enqueue(raw);", "    });", "  }"),
  },
  {
    name: "predicates: a sync predicate calling a function whose name syntax cannot tell",
    code: lines(D, "declare function traced<T>(name: string, fn: T): T;", 'const check = traced("check", (id: string) => id.startsWith("admin-"));', "export function admins() {", "  return ids.filter((id) => check(id));", "}"),
  },
  {
    name: "options: checksSpreads off: a spread promise is not reported",
    code: lines("declare function loadDefaults(): Promise<{ retries: number }>;", "export const settings = { ...loadDefaults(), verbose: true };"),
    options: { checksSpreads: false },
  },
  {
    name: "options: checksExecutors and checksVoidReturn off: an async executor is not reported",
    code: lines(D, "export const p = new Promise<void>(async (resolve) => {", '  await save("x");', "  resolve();", "});"),
    options: { checksExecutors: false, checksVoidReturn: false },
  },
  {
    name: "relays: a path returning a library call's result that is no promise (console.warn) loses nothing",
    code: pipeline("  wire(bus: EventEmitter) {", '    bus.on("job", (raw: string) => {', '      if (!raw) return console.warn("a job without payload");', "      return this.enqueue(raw);", "    });", "  }"),
  },
  {
    name: "finally: an async callback to a promise's own finally written as an element (pre-ES5 style)",
    code: lines(D, "declare function release(): Promise<void>;", "export function run() {", '  return save("x")["finally"](async () => release());', "}"),
  },
  // Listener removals (a false alarm seen while reading the mutants of lines 750-1040), session 4.
  {
    name: "listener removal: off and removeListener of Node's EventEmitter never call the async listener",
    code: `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport function unwire(bus: EventEmitter, onJob: (id: string) => Promise<void>) {\n  bus.off("job", onJob);\n  bus.removeListener("job", onJob);\n}`,
  },
  {
    name: "listener removal: the DOM's removeEventListener never calls the async listener",
    code: `declare function save(id: string): Promise<void>;\nconst onMessage = async () => { await save("m"); };\nexport function unwire(target: EventTarget) {\n  target.removeEventListener("message", onMessage);\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] },
  },
  {
    name: "listener removal: an EventEmitter subclass's removeListener in a close method",
    code: `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport class Channel extends EventEmitter {\n  private readonly onData = async (chunk: string) => { await save(chunk); };\n  close(): void {\n    this.removeListener("data", this.onData);\n  }\n}`,
  },
  // An async function adopts the promise it returns: `return p` inside a `try` catches nothing (engine/rejection.ts), session 4.
  {
    name: "listener: `return await save(id)` inside the try of an async listener is caught there",
    code: `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport function wire(bus: EventEmitter) {\n  bus.on("job", async (id: string) => {\n    try {\n      return await save(id);\n    } catch (error) {\n      console.error(error);\n    }\n  });\n}`,
  },
  {
    name: "listener: an async listener returning a count after its handled await",
    code: `declare function save(id: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nlet saved = 0;\nexport function wire(bus: EventEmitter) {\n  bus.on("job", async (id: string) => {\n    try {\n      await save(id);\n      saved++;\n    } catch (error) {\n      console.error(error);\n    }\n    return saved;\n  });\n}`,
  },
  // Logical assignments store their right side like `=` (a miss the mutants of lines 1041-end showed, #65), session 4.
  {
    name: "logical assignments: a property typed to take a promise, and a sync handler that handles its own",
    code: `declare function save(id: string): Promise<void>;\ninterface Transport { onclose?: () => Promise<void> | void; onerror?: (error: Error) => void }\nexport function wire(transport: Transport) {\n  transport.onclose ??= async () => { await save("closed"); };\n  transport.onerror ||= (error) => { void save(error.message).catch(console.error); };\n}`,
  },
  {
    name: "logical assignments: ??= of a promise (not a function) into a variable",
    code: `declare function save(id: string): Promise<void>;\nlet pending: Promise<void> | undefined;\nexport function start() {\n  pending ??= save("x");\n  return pending;\n}`,
  },
];

/** A package's lock (shipped as TypeScript source in the "left" cases): an async `[Symbol.dispose]` that never suspends. */
const LOCKKIT = lines("export class Lock {", "  constructor(readonly name: string) {}", "  async [Symbol.dispose](): Promise<void> {", "    console.log(`released ${this.name}`);", "  }", "}", "export function acquire(name: string): Lock {", "  return new Lock(name);", "}");
/** A package's retry (the same): awaits the callback in try/catch, though its parameter is typed `() => void`. */
const GRACEFUL = lines("export async function retry(task: () => void): Promise<void> {", "  try {", "    await task();", "  } catch (error) {", "    console.error(error);", "  }", "}");

/** A route table whose index route is the empty path: the project then has a promise function named by the empty string. */
const ROUTES = lines("declare function render(view: string): Promise<boolean>;", "const routes = {", '  "": async () => render("home"),', '  about: async () => render("about"),', "};", "const router = {", '  resolve: (path: string) => (path in routes ? routes[path as keyof typeof routes] : routes[""]),', "};");
/** Subscription classes named after the registration they stand for, in a namespace named like an emitter. */
const CHANNEL_EVENTS = lines("export namespace ChannelEventEmitter {", "  export class once {", "    constructor(readonly event: string, readonly listener: () => void) {}", "  }", "}");
/** A JavaScript bus whose methods are typed by a JSDoc `@callback` through `Record`: the checker gives `bus.on` neither a signature declaration (a JSDoc signature) nor a property declaration (a mapped type's property). */
const JSDOC_BUS = lines('import { save } from "./store";', "/**", " * @callback Subscribe", " * @param {string} event", " * @param {() => void} listener", " * @returns {void}", " */", '/** @type {Record<"on" | "once", Subscribe>} */', "export const bus = {", "  on(event, listener) { console.log(event, listener); },", "  once(event, listener) { console.log(event, listener); },", "};");
const JSDOC_JS = { fileName: "bus.js", extraFiles: { "store.d.ts": "export declare function save(id: string): Promise<void>;" }, compilerOptions: { ...TEST_COMPILER_OPTIONS, allowJs: true, checkJs: true } };

// Cases for the mutants left after the first review of each line range (bench/mutation/misused-promise*.md, "Left").
const invalidLeft: InvalidCase[] = [
  // #591 of lines 1041-end (the mutant was right): a `.bind` of any target is a bound function, also of an element or a call.
  {
    name: "bind: a handler read from a table by key, and one made by a factory, bound and given to a listener and a timer",
    code: lines(D, 'import { EventEmitter } from "node:events";', "declare function retrying(name: string): (this: Worker) => Promise<void>;", "export class Worker {", "  private readonly handlers = {", "    async created(id: string) { await save(id); },", "    async deleted(id: string) { await save(id); },", "  };", "  listen(bus: EventEmitter, kind: \"created\" | \"deleted\") {", "    bus.on(kind, this.handlers[kind].bind(this));", '    setInterval(retrying("flush").bind(this), 1000);', "  }", "}"),
    errors: [
      {
        messageId: "listener",
        line: 10,
        column: 18,
        message: LISTENER,
      },
      {
        messageId: "voidReturnArgument",
        line: 11,
        column: 17,
        message: VOID_ARGUMENT("setInterval"),
      },
    ],
  },
  // #377, #378, #380, #383 of lines 1041-end: a method called on a union of classes has one implementation per class.
  {
    name: "callback receivers: a method called on a union of two queues, only one of which awaits the callback in try/catch",
    code: lines(D, "export class MemoryQueue {", "  run(task: () => void): void {", "    task();", "  }", "}", "export class RetryQueue {", "  async run(task: () => void): Promise<void> {", "    try {", "      await task();", "    } catch (error) {", "      console.error(error);", "    }", "  }", "}", "export function start(queue: MemoryQueue | RetryQueue) {", "  queue.run(async () => {", '    await save("x");', "  });", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 17,
        column: 13,
        message: VOID_ARGUMENT("run"),
        fixes: [
          [
            WRAP,
            lines(
              D,
              "export class MemoryQueue {",
              "  run(task: () => void): void {",
              "    task();",
              "  }",
              "}",
              "export class RetryQueue {",
              "  async run(task: () => void): Promise<void> {",
              "    try {",
              "      await task();",
              "    } catch (error) {",
              "      console.error(error);",
              "    }",
              "  }",
              "}",
              "export function start(queue: MemoryQueue | RetryQueue) {",
              "  queue.run(() => { void (async () => {",
              '    await save("x");',
              "  })().catch((error) => { console.error(error); }); });",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  // #692 of lines 1041-end: a step other than then/finally after the catch may reject (a timeout).
  {
    name: "sync callbacks: returning a caught chain with a timeout step after the catch (a Bluebird-like promise)",
    code: lines('import { EventEmitter } from "node:events";', "interface Bluebird<T> extends Promise<T> {", "  catch<U = never>(handler: (error: unknown) => U | PromiseLike<U>): Bluebird<T | U>;", "  timeout(ms: number): Bluebird<T>;", "}", "declare function fetchJob(id: string): Bluebird<string>;", "export function wire(bus: EventEmitter) {", '  bus.on("job", (id: string) => fetchJob(id).catch((error) => console.error(error)).timeout(5000));', "}"),
    errors: [{ messageId: "listener", line: 8, column: 17, message: LISTENER }],
  },
  // #42, #43 of lines 1041-end: a package's declarations are not the project's, even as TypeScript source with a body.
  {
    name: "using: a lock from a package shipped as TypeScript source: its async [Symbol.dispose] is not read",
    code: lines('import { acquire } from "lockkit";', "export function work() {", '  using lock = acquire("jobs");', "  console.log(lock.name);", "}"),
    extraFiles: { "node_modules/lockkit/package.json": '{ "name": "lockkit", "version": "1.0.0", "types": "index.ts" }', "node_modules/lockkit/index.ts": LOCKKIT },
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 3,
        column: 16,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  // #370 of lines 1041-end: a receiver in a package is judged by its type, its body is not read.
  {
    name: "callback receivers: a package's function (shipped as TypeScript source) that awaits the callback in try/catch is judged by its type",
    code: lines(D, 'import { retry } from "graceful";', "export function start() {", "  void retry(async () => {", '    await save("x");', "  });", "}"),
    extraFiles: { "node_modules/graceful/package.json": '{ "name": "graceful", "version": "1.0.0", "types": "index.ts" }', "node_modules/graceful/index.ts": GRACEFUL },
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 4,
        column: 14,
        message: VOID_ARGUMENT("retry"),
        fixes: [
          [
            WRAP,
            lines(
              D,
              'import { retry } from "graceful";',
              "export function start() {",
              "  void retry(() => { void (async () => {",
              '    await save("x");',
              "  })().catch((error) => { console.error(error); }); });",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  // #187, #630 of lines 1041-end: a unary plus converts the result of || to a number; the promise on its left is still tested.
  {
    name: "logical values: a promise on the left of || under a unary plus, also in an if (a setting read without await)",
    code: lines("declare function readSetting(key: string): Promise<string | undefined>;", 'export const port = +(readSetting("port") || "8080");', 'if (+(readSetting("verbose") || "0")) console.log("verbose");'),
    errors: [
      {
        messageId: "conditional",
        line: 2,
        column: 23,
        message: CONDITION,
      },
      {
        messageId: "conditional",
        line: 3,
        column: 7,
        message: CONDITION,
      },
    ],
  },
  // #648 of lines 1041-end: a for loop's incrementor is no condition; the || there is checked as a value.
  {
    name: "logical values: a promise on the left of || in a for loop's incrementor (the counter never moves)",
    code: lines("interface Client {", "  isBusy(): Promise<boolean>;", "  send(job: string): Promise<void>;", "}", "export async function sendAll(client: Client, jobs: string[]) {", "  for (let i = 0; i < jobs.length; client.isBusy() || i++) {", "    await client.send(jobs[i]);", "  }", "}"),
    errors: [
      {
        messageId: "conditional",
        line: 6,
        column: 36,
        message: CONDITION,
        fixes: [
          [
            AWAIT,
            lines(
              "interface Client {",
              "  isBusy(): Promise<boolean>;",
              "  send(job: string): Promise<void>;",
              "}",
              "export async function sendAll(client: Client, jobs: string[]) {",
              "  for (let i = 0; i < jobs.length; await client.isBusy() || i++) {",
              "    await client.send(jobs[i]);",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  // #334 of lines 750-1040 and #587 of lines 1041-end: a call of an element or of a call has no name; with a promise function named "" in the project, it passes the name gate.
  {
    name: "conditions: a route table whose index route is the empty path, called by key and through a resolver, without await",
    code: lines(ROUTES, "export function navigate(path: keyof typeof routes) {", "  if (!routes[path]()) console.warn(`no page for ${path}`);", "}", "export function navigateTo(path: string) {", '  return router.resolve(path)() || render("not-found");', "}"),
    errors: [
      {
        messageId: "conditional",
        line: 10,
        column: 8,
        message: CONDITION,
      },
      {
        messageId: "conditional",
        line: 13,
        column: 10,
        message: CONDITION,
      },
    ],
  },
  // #473, #474 of lines 750-1040: a `new` is no listener registration, whatever the constructor is named.
  {
    name: "listener api: a constructor named like a listener method, in a namespace named like an emitter, gets the general message",
    code: lines(D, CHANNEL_EVENTS, 'export const subscription = new ChannelEventEmitter.once("ready", async () => {', '  await save("x");', "});"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 7,
        column: 67,
        message: VOID_ARGUMENT("once"),
        fixes: [
          [
            WRAP,
            `${D}\nexport namespace ChannelEventEmitter {\n  export class once {\n    constructor(readonly event: string, readonly listener: () => void) {}\n  }\n}\nexport const subscription = new ChannelEventEmitter.once("ready", () => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  // #478 of lines 750-1040: a callee without any declaration is not a known listener API.
  {
    name: "listener api: a JavaScript bus typed by a JSDoc callback through Record (no declaration for its on) gets the general message",
    code: lines(JSDOC_BUS, 'bus.on("job", async () => {', '  await save("x");', "});"),
    ...JSDOC_JS,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 13,
        column: 15,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `import { save } from "./store";\n/**\n * @callback Subscribe\n * @param {string} event\n * @param {() => void} listener\n * @returns {void}\n */\n/** @type {Record<"on" | "once", Subscribe>} */\nexport const bus = {\n  on(event, listener) { console.log(event, listener); },\n  once(event, listener) { console.log(event, listener); },\n};\nbus.on("job", () => { void (async () => {\n  await save("x");\n})().catch(${H}); });`,
          ],
        ],
      },
    ],
  },
  // #495 of lines 1041-end: `task.call` handed on is Function#call, not a call of the task; a receiver that never calls the callback does not handle it.
  {
    name: "callback receivers: a receiver that never calls the callback, only hands its call method to an awaited call",
    code: lines(D, "declare const tracer: { measure(name: string, fn: Function): Promise<number> };", "export async function timed(task: () => void): Promise<void> {", "  try {", '    await tracer.measure("task", task.call);', "  } catch (error) {", "    console.error(error);", "  }", "}", "void timed(async () => {", '  await save("x");', "});"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 12,
        message: VOID_ARGUMENT("timed"),
        fixes: [
          [
            WRAP,
            lines(
              D,
              "declare const tracer: { measure(name: string, fn: Function): Promise<number> };",
              "export async function timed(task: () => void): Promise<void> {",
              "  try {",
              '    await tracer.measure("task", task.call);',
              "  } catch (error) {",
              "    console.error(error);",
              "  }",
              "}",
              "void timed(() => { void (async () => {",
              '  await save("x");',
              "})().catch((error) => { console.error(error); }); });",
            ),
          ],
        ],
      },
    ],
  },
  // Twin of the reads that never call the callback: a bound copy may call it later.
  {
    name: "callback receivers: a receiver that queues a bound copy of the callback besides awaiting it in try/catch",
    code: lines(D, "export async function runLater(task: () => void, queue: Array<() => void>): Promise<void> {", "  queue.push(task.bind(undefined));", "  try {", "    await task();", "  } catch (error) {", "    console.error(error);", "  }", "}", "void runLater(async () => {", '  await save("x");', "}, []);"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 15,
        message: VOID_ARGUMENT("runLater"),
        fixes: [
          [
            WRAP,
            lines(
              D,
              "export async function runLater(task: () => void, queue: Array<() => void>): Promise<void> {",
              "  queue.push(task.bind(undefined));",
              "  try {",
              "    await task();",
              "  } catch (error) {",
              "    console.error(error);",
              "  }",
              "}",
              "void runLater(() => { void (async () => {",
              '  await save("x");',
              "})().catch((error) => { console.error(error); }); }, []);",
            ),
          ],
        ],
      },
    ],
  },
  // #258, #259, #260 of lines 1041-end (equivalent until the promise gate admitted `as`): `await` before an `as` expression needs parentheses.
  {
    name: "spreads: the await fix parenthesizes a promise behind as (a config loader typed unknown)",
    code: lines("declare function fetchDefaults(): unknown;", "export async function settings(overrides: object) {", "  return { ...fetchDefaults() as Promise<{ retries: number }>, ...overrides };", "}"),
    errors: [
      {
        messageId: "spread",
        line: 3,
        column: 15,
        message: SPREAD,
        fixes: [
          [
            AWAIT,
            lines(
              "declare function fetchDefaults(): unknown;",
              "export async function settings(overrides: object) {",
              "  return { ...await (fetchDefaults() as Promise<{ retries: number }>), ...overrides };",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  // #34, #64, #102 of lines 521-749 (argued equivalent: the `?? ""` default is a name only a project function named by the empty string has; the route table has one): a bind of an element, an arrow calling one, a block body returning one.
  {
    name: "void-return arguments: a route of a table whose index route is the empty path, handed on bound, through an arrow and through a block body",
    code: lines(ROUTES, "declare function onPopState(handler: () => void): void;", "export function start(path: keyof typeof routes) {", "  onPopState(routes[path].bind(null));", "  onPopState(() => routes[path]());", "  onPopState(() => {", "    console.log(`navigating to ${path}`);", "    return routes[path]();", "  });", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 11,
        column: 14,
        message: VOID_ARGUMENT("onPopState"),
      },
      {
        messageId: "voidReturnArgument",
        line: 12,
        column: 14,
        message: VOID_ARGUMENT("onPopState"),
      },
      {
        messageId: "voidReturnArgument",
        line: 13,
        column: 14,
        message: VOID_ARGUMENT("onPopState"),
      },
    ],
  },
];
const validLeft: ValidCase[] = [
  // Twins of the #591 case: sync handlers, bound the same ways.
  {
    name: "bind: sync handlers read from a table by key, and one made by a factory, bound and given to a listener and a timer",
    code: lines(D, 'import { EventEmitter } from "node:events";', "declare function logging(name: string): (this: Worker) => void;", "export class Worker {", "  private readonly handlers = {", "    created(id: string) { void save(id).catch(console.error); },", "    deleted(id: string) { void save(id).catch(console.error); },", "  };", "  listen(bus: EventEmitter, kind: \"created\" | \"deleted\") {", "    bus.on(kind, this.handlers[kind].bind(this));", '    setInterval(logging("flush").bind(this), 1000);', "  }", "}"),
  },
  // Twin of the union case (before, any second implementation answered no: a false alarm).
  {
    name: "callback receivers: a method called on a union of two queues, both of which await the callback in try/catch",
    code: lines(D, "export class MemoryQueue {", "  async run(task: () => void): Promise<void> {", "    try {", "      await task();", "    } catch (error) {", "      console.error(error);", "    }", "  }", "}", "export class RetryQueue {", "  async run(task: () => void, attempts = 3): Promise<void> {", "    for (let attempt = 1; attempt <= attempts; attempt++) {", "      try {", "        await task();", "        return;", "      } catch (error) {", "        console.error(error);", "      }", "    }", "  }", "}", "export function start(queue: MemoryQueue | RetryQueue) {", "  queue.run(async () => {", '    await save("x");', "  });", "}"),
  },
  // #682, #686, #688 of lines 1041-end: only chainHasRejectionHandler clears this one (the step after the handler may fail).
  {
    name: "sync callbacks: returning a chain whose then has a rejection handler, with a later step",
    code: lines(D, 'import { EventEmitter } from "node:events";', "declare function audit(id: string, error: unknown): Promise<void>;", "export function wire(bus: EventEmitter) {", '  bus.on("job", (id: string) => save(id).then(() => console.log("saved"), (error) => audit(id, error)).then(() => bus.emit("done", id)));', "}"),
  },
  // #706, #707 of lines 1041-end: the returns of a nested function are not the callback's.
  {
    name: "sync callbacks: a chain caught by an error event returned, and a nested helper returning an uncaught promise",
    code: lines(D, 'import { EventEmitter } from "node:events";', "export function wire(bus: EventEmitter) {", '  bus.on("job", (id: string) => {', "    const write = () => {", "      return save(id);", "    };", "    return write().catch((error) => {", '      bus.emit("error", error);', "    });", "  });", "}"),
  },
  // #645, #740 of lines 750-1040: the name gate also for class fields without heritage clauses and for methods without a written type.
  {
    name: "a known miss, as documented: a class field and methods whose promise is only inferred",
    code: lines("declare const api: { reload(): Promise<void> };", "function refresh() {", "  return api.reload();", "}", "interface Hooks {", "  onClose(): void;", "}", "export class Poller {", "  onTick: () => void = refresh;", "}", "export const hooks: Hooks = {", "  onClose() {", "    return refresh();", "  },", "};", "export class Service implements Hooks {", "  onClose() {", "    return refresh();", "  }", "}"),
  },
  // Twin of the package cases: the same lock and retry in the project are read.
  {
    name: "using and callback receivers: the same lock and retry as project modules are read (never suspends; awaits in try/catch)",
    code: lines(D, 'import { acquire } from "./lockkit";', 'import { retry } from "./graceful";', "export function work() {", '  using lock = acquire("jobs");', "  void retry(async () => {", '    await save(lock.name);', "  });", "}"),
    extraFiles: { "lockkit.ts": LOCKKIT, "graceful.ts": GRACEFUL },
    ...DISPOSABLE,
  },
  // Twins of the cases for #187, #630, #648, #334, #587: the same code with the promise awaited.
  {
    name: "logical values: an awaited setting on the left of || under a unary plus, also in an if",
    code: lines("declare function readSetting(key: string): Promise<string | undefined>;", "export async function configure() {", '  const port = +((await readSetting("port")) || "8080");', '  if (+((await readSetting("verbose")) || "0")) console.log("verbose on", port);', "}"),
  },
  {
    name: "logical values: an awaited promise on the left of || in a for loop's incrementor",
    code: lines("interface Client {", "  isBusy(): Promise<boolean>;", "  send(job: string): Promise<void>;", "}", "export async function sendAll(client: Client, jobs: string[]) {", "  for (let i = 0; i < jobs.length; (await client.isBusy()) || i++) {", "    await client.send(jobs[i]);", "  }", "}"),
  },
  {
    name: "conditions: a route table whose index route is the empty path, called by key and through a resolver, awaited",
    code: lines(ROUTES, "export async function navigate(path: keyof typeof routes) {", "  if (!(await routes[path]())) console.warn(`no page for ${path}`);", "}", "export async function navigateTo(path: string) {", '  return (await router.resolve(path)()) || render("not-found");', "}"),
  },
  // Twins of the #473/#474 and #478 cases: sync listeners that handle the promise.
  {
    name: "listener api: a constructor named like a listener method given a sync listener that handles the promise",
    code: lines(D, CHANNEL_EVENTS, 'export const subscription = new ChannelEventEmitter.once("ready", () => {', '  save("x").catch((error) => console.error(error));', "});"),
  },
  {
    name: "listener api: a JavaScript bus typed by a JSDoc callback through Record given a sync listener that handles the promise",
    code: lines(JSDOC_BUS, 'bus.on("job", () => {', '  save("x").catch((error) => console.error(error));', "});"),
    ...JSDOC_JS,
  },
  // Twin of the #495 case: the callback called through its call method, awaited in try/catch.
  {
    name: "callback receivers: a receiver that awaits the callback through its call method in try/catch",
    code: lines(D, "export async function timed(task: () => void): Promise<void> {", "  const started = Date.now();", "  try {", "    await task.call(undefined);", "  } catch (error) {", "    console.error(error);", "  } finally {", "    console.log(`took ${Date.now() - started} ms`);", "  }", "}", "void timed(async () => {", '  await save("x");', "});"),
  },
  // #487 of lines 1041-end (and the reads that never call the callback): a retry that names the failed task by its name or its source.
  {
    name: "callback receivers: a retry that awaits the callback in try/catch and names it by task.name or task.toString() when it fails",
    code: lines(D, "export async function retry(task: () => void, attempts = 3): Promise<void> {", "  for (let attempt = 1; attempt <= attempts; attempt++) {", "    try {", "      await task();", "      return;", "    } catch (error) {", "      console.error(`attempt ${attempt} of ${task.name || task.toString()} failed`, error);", "    }", "  }", "}", "void retry(async () => {", '  await save("x");', "});"),
  },
  // The reads that never call the callback: its arity and name (before, any property read answered "unhandled": a false alarm).
  {
    name: "callback receivers: a receiver that checks the callback's arity and names it in the error before awaiting it in try/catch",
    code: lines(D, "export async function runExclusive(task: () => void): Promise<void> {", "  if (task.length > 0) throw new TypeError(`${task.name} must take no arguments`);", "  try {", "    await task();", "  } catch (error) {", "    console.error(error);", "  }", "}", "void runExclusive(async () => {", '  await save("x");', "});"),
  },
  // #462 of lines 1041-end (the mutant was right): no prefix operator calls the callback, `+task` too.
  {
    name: "callback receivers: a unary plus reads the callback without calling it (+task is NaN)",
    code: lines(D, "export async function runOnce(task: () => void): Promise<void> {", '  console.debug("task", +task);', "  try {", "    await task();", "  } catch (error) {", "    console.error(error);", "  }", "}", "void runOnce(async () => {", '  await save("x");', "});"),
  },
  // Twin of the #258-#260 case: the promise behind `as` awaited.
  {
    name: "spreads: a promise behind as, awaited in parentheses",
    code: lines("declare function fetchDefaults(): unknown;", "export async function settings(overrides: object) {", "  return { ...(await (fetchDefaults() as Promise<{ retries: number }>)), ...overrides };", "}"),
  },
  // Twins of the #34, #64, #102 case: the same routes handed to a parameter typed to return a promise, and a sync handler that handles it.
  {
    name: "void-return arguments: a route of a table whose index route is the empty path, handed where a promise is awaited, or handled in a sync handler",
    code: lines(ROUTES, "declare function onPopState(handler: () => void): void;", "declare function onNavigate(handler: () => Promise<boolean>): void;", "export function start(path: keyof typeof routes) {", "  onNavigate(routes[path].bind(null));", "  onNavigate(() => routes[path]());", "  onPopState(() => {", "    routes[path]().catch((error) => console.error(error));", "  });", "}"),
  },
];

// What a handler returns: the chain adopts it, so a sync `.catch`/`.then` handler returning a
// promise that can reject makes the chain reject; a project function called for its value hands
// its promise to its caller (discord.js ShardClientUtil#_respond: `this.send(m).catch(...)`, where
// `send` returns `new Promise(...)` that can reject, called from a catch block).
const RELAY = 'import { EventEmitter } from "node:events";\ndeclare function post(message: object): Promise<void>;\ndeclare function log(error: unknown): void;\n';
const SHARD = [
  'import { EventEmitter } from "node:events";',
  "interface Channel { post(message: object, done: (err: Error | null) => void): void }",
  "function plainError(err: any) {",
  "  return { name: err.name, message: err.message, stack: err.stack };",
  "}",
  "export class ShardClient {",
  "  constructor(private readonly client: EventEmitter & { evaluate(script: string): Promise<unknown> }, private readonly channel: Channel) {",
  '    process.on("message", this.handleMessage.bind(this));',
  "  }",
  "  send(message: object): Promise<void> {",
  "    return new Promise((resolve, reject) => {",
  "      this.channel.post(message, (err) => {",
  "        if (err) reject(err);",
  "        else resolve();",
  "      });",
  "    });",
  "  }",
  "  async handleMessage(message: any) {",
  "    if (!message) return;",
  "    try {",
  "      this.respond({ result: await this.client.evaluate(message.script) });",
  "    } catch (err) {",
  "      this.respond({ error: plainError(err) });",
  "    }",
  "  }",
  "  respond(message: object) {",
  "    this.send(message).catch((err: Error) => {",
  '      this.client.emit("error", err);',
  "    });",
  "  }",
  "}",
].join("\n");
const invalidHandlerReturns: InvalidCase[] = [
  {
    name: "handler returns: an async listener awaits a chain whose .catch handler returns a retry that can reject",
    code: `${RELAY}export class Relay {\n  constructor(events: EventEmitter) {\n    events.on("message", async (message: object) => {\n      await post(message).catch(() => this.retry(message));\n    });\n  }\n  async retry(message: object): Promise<void> {\n    await post(message);\n  }\n}`,
    errors: [
      {
        messageId: "listener",
        line: 6,
        column: 26,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${RELAY}export class Relay {\n  constructor(events: EventEmitter) {\n    events.on("message", (message: object) => { void (async () => {\n      await post(message).catch(() => this.retry(message));\n    })().catch(${H}); });\n  }\n  async retry(message: object): Promise<void> {\n    await post(message);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "handler returns: an async listener awaits a chain whose .then handler returns a retry that can reject",
    code: `${RELAY}export class Relay {\n  constructor(events: EventEmitter) {\n    events.on("message", async (message: object) => {\n      await post(message).then(() => this.confirm(message), (error) => log(error));\n    });\n  }\n  async confirm(message: object): Promise<void> {\n    await post({ ack: message });\n  }\n}`,
    errors: [
      {
        messageId: "listener",
        line: 6,
        column: 26,
        message: LISTENER,
        fixes: [
          [
            WRAP,
            `${RELAY}export class Relay {\n  constructor(events: EventEmitter) {\n    events.on("message", (message: object) => { void (async () => {\n      await post(message).then(() => this.confirm(message), (error) => log(error));\n    })().catch(${H}); });\n  }\n  async confirm(message: object): Promise<void> {\n    await post({ ack: message });\n  }\n}`,
          ],
        ],
      },
    ],
  },
];
// Function-style JavaScript classes (bull's Queue, unseen code): `const Queue = function Queue() {...}`
// with `Queue.prototype.close = function () {...}`; a property the constructor does not assign
// starts absent, as in an ES class.
const QUEUE_JS = [
  'const { EventEmitter } = require("events");',
  "const Queue = function Queue(name) {",
  "  EventEmitter.call(this);",
  "  this.name = name;",
  "};",
  "Queue.prototype.isReady = function () {",
  "  return Promise.resolve(this);",
  "};",
  "Queue.prototype.disconnect = async function () {};",
  "Queue.prototype.close = function () {",
  "  if (this.closing) {",
  "    return this.closing;",
  "  }",
  "  return (this.closing = this.isReady().then(() => this.disconnect()));",
  "};",
].join("\n");
const invalidFunctionStyle: InvalidCase[] = [
  {
    name: "function-style class: a promise the constructor function stores is always there",
    code: 'function Client(url) {\n  this.url = url;\n  this.ready = this.connect();\n}\nClient.prototype.connect = async function () {};\nClient.prototype.query = function (sql) {\n  if (!this.ready) throw new Error("not connected");\n  return this.ready.then(() => sql);\n};\nmodule.exports = Client;',
    errors: [{ messageId: "conditionalStored", line: 7, column: 8, message: STORED_CONDITION("this.ready") }],
    ts7: { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so `this.ready` is unknown there", errors: [] },
    ...LOOSE_JS,
  },
];
const validFunctionStyle: ValidCase[] = [
  {
    name: "function-style class: close() memoizes this.closing, which the constructor does not assign (bull's Queue)",
    code: `${QUEUE_JS}\nQueue.prototype.add = function (data) {\n  if (this.closing) return Promise.reject(new Error("closing"));\n  return this.isReady().then(() => data);\n};\nmodule.exports = Queue;`,
    ...LOOSE_JS,
  },
  {
    name: "function-style class: a function declaration whose constructor sets the promise to null",
    code: 'function Pool(size) {\n  this.size = size;\n  this.draining = null;\n}\nPool.prototype.release = async function () {};\nPool.prototype.drain = function () {\n  if (!this.draining) this.draining = this.release();\n  return this.draining;\n};\nmodule.exports = Pool;',
    ...LOOSE_JS,
  },
  {
    name: "function-style class: a base constructor of the same file that does not assign the property",
    code: 'function Resource(name) {\n  this.name = name;\n}\nfunction Channel(name) {\n  Resource.call(this, name);\n}\nChannel.prototype.open = async function () {};\nChannel.prototype.ensureOpen = function () {\n  if (!this.opening) this.opening = this.open();\n  return this.opening;\n};\nmodule.exports = Channel;',
    ...LOOSE_JS,
  },
];
// Promise.all / Promise.allSettled over promises that cannot reject (Apollo Server's usage
// reporting: `setInterval(() => sendAllReportsAndReportErrors(), ms)`, which awaits
// `Promise.all([...ids.keys()].map((id) => sendReportAndReportErrors(id)))`, each a `.catch`-ed send).
const REPORTS = 'declare function send(id: string): Promise<void>;\ndeclare function log(message: string): void;\nconst reports = new Map<string, string>();\nasync function sendOne(id: string): Promise<void> {\n  return send(id).catch((err: Error) => {\n    log(err.message);\n  });\n}\n';
const invalidCombinations: InvalidCase[] = [
  {
    name: "combinations: Promise.all over sends that can reject, started by an interval",
    code: `${REPORTS}async function sendAll(): Promise<void> {\n  await Promise.all([...reports.keys()].map((id) => send(id)));\n}\nexport function start(ms: number) {\n  return setInterval(() => sendAll(), ms);\n}`,
    errors: [{ messageId: "voidReturnArgument", line: 13, column: 22, message: VOID_ARGUMENT("setInterval") }],
  },
];
/** Lines 1-2 of the chain cases: a consumer whose listeners are typed to return void (as KafkaJS's typings declare them). */
const CONSUMER = "interface Consumer { on(event: string, listener: () => void): void; stop(): Promise<void> }\ndeclare const consumer: Consumer;\n";
const invalidChains: InvalidCase[] = [
  {
    name: "chains: a listener whose chain ends in then(resolve), with no handler",
    code: `${CONSUMER}export function stopOnFetch() {\n  return new Promise<void>((resolve) => {\n    consumer.on("fetch", async () => consumer.stop().then(resolve));\n  });\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 5,
        column: 26,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `${CONSUMER}export function stopOnFetch() {\n  return new Promise<void>((resolve) => {\n    consumer.on("fetch", () => { void (async () => consumer.stop().then(resolve))().catch(${H}); });\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "chains: a .catch handler named by a project function that rethrows",
    code: `${CONSUMER}function logError(error: unknown) {\n  console.error(error);\n  throw error;\n}\nexport function stopOnFetch() {\n  consumer.on("fetch", async () => consumer.stop().catch(logError));\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 8,
        column: 24,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `${CONSUMER}function logError(error: unknown) {\n  console.error(error);\n  throw error;\n}\nexport function stopOnFetch() {\n  consumer.on("fetch", () => { void (async () => consumer.stop().catch(logError))().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "chains: a method passed unbound as the .catch handler is not followed (its this is undefined)",
    code: `${CONSUMER}export class Admin {\n  private errors = 0;\n  onError(error: unknown) {\n    this.errors++;\n    console.error(error);\n  }\n  watch() {\n    consumer.on("fetch", async () => consumer.stop().catch(this.onError));\n  }\n}`,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 26,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            `${CONSUMER}export class Admin {\n  private errors = 0;\n  onError(error: unknown) {\n    this.errors++;\n    console.error(error);\n  }\n  watch() {\n    consumer.on("fetch", () => { void (async () => consumer.stop().catch(this.onError))().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
];
const validChains: ValidCase[] = [
  {
    name: "chains: a listener that only returns consumer.stop().then(resolve).catch(reject) inside the executor (KafkaJS's admin resetOffsets)",
    code: `${CONSUMER}export function stopOnFetch() {\n  return new Promise<void>((resolve, reject) => {\n    consumer.on("fetch", async () =>\n      consumer\n        .stop()\n        .then(resolve)\n        .catch(reject),\n    );\n  });\n}`,
  },
  {
    name: "chains: a .catch handler named by a project function that only logs",
    code: `${CONSUMER}function logError(error: unknown) {\n  console.error("stop failed", error);\n}\nexport function stopOnFetch() {\n  consumer.on("fetch", async () => consumer.stop().catch(logError));\n}`,
  },
  {
    name: "chains: a .catch handler named by a const arrow, after a finally link",
    code: `${CONSUMER}declare function release(): void;\nconst report = (error: unknown) => console.warn(error);\nexport function stopOnFetch() {\n  consumer.on("fetch", async () => consumer.stop().finally(release).catch(report));\n}`,
  },
  {
    name: "chains: then(resolve, reject) of the executor's own resolving functions",
    code: `${CONSUMER}export function stopOnFetch() {\n  return new Promise<void>((resolve, reject) => {\n    consumer.on("fetch", async () => consumer.stop().then(resolve, reject));\n  });\n}`,
  },
];
const validCombinations: ValidCase[] = [
  {
    name: "combinations: Promise.all over sends that each catch their errors, started by an interval",
    code: `${REPORTS}async function sendAll(): Promise<void> {\n  await Promise.all([...reports.keys()].map((id) => sendOne(id)));\n}\nexport function start(ms: number) {\n  return setInterval(() => sendAll(), ms);\n}`,
  },
  {
    name: "combinations: Promise.allSettled over sends that can reject, started by an interval",
    code: `${REPORTS}async function sendAll(): Promise<void> {\n  await Promise.allSettled([...reports.values()].map(async (id) => send(id)));\n}\nexport function start(ms: number) {\n  return setInterval(() => sendAll(), ms);\n}`,
  },
];
const validHandlerReturns: ValidCase[] = [
  {
    name: "handler returns: a bound async message handler whose catch responds through a helper that handles the send's rejection",
    code: SHARD,
  },
  {
    name: "handler returns: an async listener awaits a chain whose .catch handler returns a fallback that cannot reject",
    code: `${RELAY}export class Relay {\n  constructor(events: EventEmitter) {\n    events.on("message", async (message: object) => {\n      await post(message).catch(() => this.fallback(message));\n    });\n  }\n  async fallback(message: object): Promise<void> {\n    try {\n      await post({ dead: message });\n    } catch (error) {\n      log(error);\n    }\n  }\n}`,
  },
  {
    name: "handler returns: an async listener awaits a chain whose .catch handler returns a plain value",
    code: `${RELAY}export class Relay {\n  constructor(events: EventEmitter) {\n    events.on("message", async (message: object) => {\n      const delivered = await post(message).then(() => true, () => false);\n      if (!delivered) log(message);\n    });\n  }\n}`,
  },
];

/** A package shipped as TypeScript source whose flush catches its own errors (judged by its type: a package's body is not read). */
const QUIET_FLUSH = lines("declare function flush(): Promise<void>;", "export async function flushQuietly(): Promise<void> {", "  try {", "    await flush();", "  } catch (error) {", "    console.error(error);", "  }", "}");
const QUIET_FLUSH_PACKAGE = { "node_modules/quiet-flush/package.json": '{ "name": "quiet-flush", "version": "1.0.0", "types": "index.ts" }', "node_modules/quiet-flush/index.ts": QUIET_FLUSH };
/** A lock whose `[Symbol.dispose]` returns a promise, and one whose dispose is sync (the `Disposable` cases of the delta run). */
const LOCKS = lines("declare class Lock { [Symbol.dispose](): Promise<void> }", "declare class SyncLock { [Symbol.dispose](): void }", "declare function acquire(name: string): Lock;", "declare function acquireSync(name: string): SyncLock;");
/** Two receivers handing the callback to each other, each awaiting it in try/catch, and a wrapper of one (the memo cases of the delta run). */
const MUTUAL = lines(D, "async function first(task: () => void, attempts: number): Promise<void> {", "  try {", "    await task();", "  } catch (error) {", "    console.error(error);", "    if (attempts > 0) await second(task, attempts - 1);", "  }", "}", "async function second(task: () => void, attempts: number): Promise<void> {", "  try {", "    await task();", "  } catch (error) {", "    console.error(error);", "    if (attempts > 0) await first(task, attempts - 1);", "  }", "}", "function secondLater(task: () => void): void {", "  void second(task, 3);", "}");
/** A debounced function (as lodash's DebouncedFunc): flush() runs a pending call now; the receiver's parameter is typed to return void (the #183/#190 cases of the delta run). */
const DEBOUNCED = lines("interface Debounced<R> {", "  (): R;", "  cancel(): void;", "  flush(): R;", "}", "interface Flushable { (): void; cancel(): void; flush(): void }", "declare function log(error: unknown): void;");
/** An autosave that awaits the saver in try/catch and, on exit, uses it as `onExit` says. */
const autosave = (onExit: string) => lines("async function autosave(save: Flushable): Promise<void> {", `  process.once("beforeExit", ${onExit});`, "  try {", "    await save();", "  } catch (error) {", "    log(error);", "  }", "}");
/** The mutation run over the lines changed since commit 0cd101f (bench/mutation/misused-promise-delta.md). */
const invalidDelta: InvalidCase[] = [
  // #47: a sync relay returning a package function's promise; the package's body is not read, even as TypeScript source.
  {
    name: "delta: a timer callback returning a package's flush (shipped as TypeScript source) is judged by its type",
    code: lines('import { flushQuietly } from "quiet-flush";', "export function start() {", "  setInterval(() => flushQuietly(), 60_000);", "}"),
    extraFiles: QUIET_FLUSH_PACKAGE,
    errors: [{ messageId: "voidReturnArgument", line: 3, column: 15, message: VOID_ARGUMENT("setInterval") }],
  },
  // #53: only the default lib's Promise#finally awaits its callback; a project method named finally is judged like any other.
  {
    name: "delta: an async cleanup given to a project transaction's finally, which only stores it",
    code: lines(D, "export class Transaction {", "  private readonly cleanups: (() => void)[] = [];", "  finally(cleanup: () => void): this {", "    this.cleanups.push(cleanup);", "    return this;", "  }", "}", "export function begin(tx: Transaction) {", "  tx.finally(async () => {", '    await save("tx");', "  });", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 14,
        message: VOID_ARGUMENT("finally"),
        fixes: [
          [
            WRAP,
            lines(
              D,
              "export class Transaction {",
              "  private readonly cleanups: (() => void)[] = [];",
              "  finally(cleanup: () => void): this {",
              "    this.cleanups.push(cleanup);",
              "    return this;",
              "  }",
              "}",
              "export function begin(tx: Transaction) {",
              "  tx.finally(() => { void (async () => {",
              '    await save("tx");',
              "  })().catch((error) => { console.error(error); }); });",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  // #122: a comma's value in a spread keeps the await fix (only an assignment's operands lose it).
  {
    name: "delta: a spread of a comma whose value is the defaults' promise",
    code: lines("interface Options { retries: number }", "declare function loadDefaults(): Promise<Options>;", "export async function configure(overrides: Partial<Options>) {", '  return { ...(console.debug("loading defaults"), loadDefaults()), ...overrides };', "}"),
    errors: [
      {
        messageId: "spread",
        line: 4,
        column: 51,
        message: SPREAD,
        fixes: [
          [
            AWAIT,
            lines(
              "interface Options { retries: number }",
              "declare function loadDefaults(): Promise<Options>;",
              "export async function configure(overrides: Partial<Options>) {",
              '  return { ...(console.debug("loading defaults"), await loadDefaults()), ...overrides };',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  // #214: the value of &&= is its right side.
  {
    name: "delta: a condition storing a renewed session's promise with &&=",
    code: lines("interface Session { id: string }", "declare function renew(session: Promise<Session>): Promise<Session>;", "let session: Promise<Session> | undefined;", "export function touch() {", '  if ((session &&= renew(session))) console.log("renewing");', "}"),
    errors: [{ messageId: "conditional", line: 5, column: 20, message: CONDITION }],
  },
  // #224: the value of ||= may be its right side.
  {
    name: "delta: a spread of the defaults' promise stored with ||=",
    code: lines("interface Options { retries: number }", "declare function loadDefaults(): Promise<Options>;", "let defaults: Promise<Options> | undefined;", "export function configure(overrides: Partial<Options>) {", "  return { ...(defaults ||= loadDefaults()), ...overrides };", "}"),
    errors: [{ messageId: "spread", line: 5, column: 29, message: SPREAD }],
  },
  // #195 (the mutant was right): a Disposable variable initialized through ??, a conditional, an element or ! is checked.
  {
    name: "delta: a lock written as Disposable, the shared one or a new one (??)",
    code: lines(LOCKS, "declare const shared: Lock | undefined;", "export function work() {", '  const lock: Disposable = shared ?? acquire("jobs");', "  return lock;", "}"),
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 7,
        column: 28,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "delta: a lock written as Disposable, taken from a map (!) or a table by name",
    code: lines(LOCKS, "export class Locks {", "  private readonly held = new Map<string, Lock>();", "  private readonly byName: Record<string, Lock> = {};", "  hold(name: string, cached: boolean): Disposable {", "    const lock: Disposable = cached ? this.held.get(name)! : this.byName[name];", "    return lock;", "  }", "}"),
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 9,
        column: 30,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  // #155 (the mutant was right): an answer that met the depth bound is not kept for a later question.
  {
    name: "delta: a wrapper of mutually recursive receivers is followed three functions deep only; a direct call asked after it is not reported",
    code: lines(MUTUAL, "secondLater(async () => {", '  await save("x");', "});", "void first(async () => {", '  await save("y");', "}, 3);"),
    fileName: "script.cts",
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 21,
        column: 13,
        message: VOID_ARGUMENT("secondLater"),
        fixes: [
          [
            WRAP,
            `${D}\nasync function first(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) await second(task, attempts - 1);\n  }\n}\nasync function second(task: () => void, attempts: number): Promise<void> {\n  try {\n    await task();\n  } catch (error) {\n    console.error(error);\n    if (attempts > 0) await first(task, attempts - 1);\n  }\n}\nfunction secondLater(task: () => void): void {\n  void second(task, 3);\n}\nsecondLater(() => { void (async () => {\n  await save("x");\n})().catch(${H}); });\nvoid first(async () => {\n  await save("y");\n}, 3);`,
          ],
        ],
      },
    ],
  },
  // #183, #190: a method of the callback declared outside the default lib, or a function-valued property handed on, may call it.
  {
    name: "delta: an autosave that flushes the debounced async save on exit (flush() runs it and drops its promise)",
    code: lines(DEBOUNCED, "declare const draftSaver: Debounced<Promise<void>>;", autosave("() => save.flush()"), "export function start() {", "  void autosave(draftSaver);", "}"),
    errors: [{ messageId: "voidReturnArgument", line: 18, column: 17, message: VOID_ARGUMENT("autosave") }],
  },
  {
    name: "delta: an autosave that hands the debounced async save's flush to process.once",
    code: lines(DEBOUNCED, "declare const draftSaver: Debounced<Promise<void>>;", autosave("save.flush"), "export function start() {", "  void autosave(draftSaver);", "}"),
    errors: [{ messageId: "voidReturnArgument", line: 18, column: 17, message: VOID_ARGUMENT("autosave") }],
  },
];
const validDelta: ValidCase[] = [
  {
    name: "delta: an autosave that flushes a debounced sync save on exit",
    code: lines(DEBOUNCED, "declare const draftSaver: Debounced<void>;", autosave("() => save.flush()"), "export function start() {", "  void autosave(draftSaver);", "}"),
  },
  {
    name: "delta: an autosave that hands a debounced sync save's flush to process.once",
    code: lines(DEBOUNCED, "declare const draftSaver: Debounced<void>;", autosave("save.flush"), "export function start() {", "  void autosave(draftSaver);", "}"),
  },
  {
    name: "delta: a direct call of mutually recursive receivers, asked after a wrapper's question about a callback that never suspends",
    code: lines(MUTUAL, "let started = 0;", "secondLater(async () => {", "  started++;", "});", "void first(async () => {", '  await save("y");', "}, 3);"),
    fileName: "script.cts",
  },
  {
    name: "delta: a sync lock written as Disposable, the shared one or a new one (??)",
    code: lines(LOCKS, "declare const shared: SyncLock | undefined;", "export function work() {", '  const lock: Disposable = shared ?? acquireSync("jobs");', "  return lock;", "}"),
    ...DISPOSABLE,
  },
  {
    name: "delta: a sync lock written as Disposable, taken from a map (!) or a table by name",
    code: lines(LOCKS, "export class Locks {", "  private readonly held = new Map<string, SyncLock>();", "  private readonly byName: Record<string, SyncLock> = {};", "  hold(name: string, cached: boolean): Disposable {", "    const lock: Disposable = cached ? this.held.get(name)! : this.byName[name];", "    return lock;", "  }", "}"),
    ...DISPOSABLE,
  },
  {
    name: "delta: a timer callback returning the project's own flush that catches its errors",
    code: lines('import { flushQuietly } from "./quiet";', "export function start() {", "  setInterval(() => flushQuietly(), 60_000);", "}"),
    extraFiles: { "quiet.ts": QUIET_FLUSH },
  },
  {
    name: "delta: an async cleanup given to a project transaction's finally, which awaits it in try/catch",
    code: lines(D, "declare function log(error: unknown): void;", "export class Transaction {", "  async finally(cleanup: () => void): Promise<void> {", "    try {", "      await cleanup();", "    } catch (error) {", "      log(error);", "    }", "  }", "}", "export function begin(tx: Transaction) {", "  void tx.finally(async () => {", '    await save("tx");', "  });", "}"),
  },
  {
    name: "delta: a spread of a comma whose value is a sync object",
    code: lines("interface Options { retries: number }", "declare function defaultsSync(): Options;", "export function configure(overrides: Partial<Options>) {", '  return { ...(console.debug("loading defaults"), defaultsSync()), ...overrides };', "}"),
  },
  {
    name: "delta: a condition storing the awaited renewed session with &&=",
    code: lines("interface Session { id: string }", "declare function renew(session: Session): Promise<Session>;", "let session: Session | undefined;", "export async function touch() {", '  if ((session &&= await renew(session))) console.log("renewed", session.id);', "}"),
  },
  // #177: a property of the callback handed to a project function is a read, not a call.
  {
    name: "delta: a job runner that counts the task by its name with a project function, then awaits it in try/catch",
    code: lines(D, "declare const metrics: { increment(name: string): void };", "declare function log(error: unknown): void;", "async function runJob(task: () => void): Promise<void> {", "  metrics.increment(task.name);", "  try {", "    await task();", "  } catch (error) {", "    log(error);", "  }", "}", "export function start() {", '  void runJob(async () => save("nightly"));', "}"),
  },
];

/** Shaped like @types/pg 8.23.1: `PoolConfig.onConnect` is typed to return `void`, though pg-pool awaits it. */
const PG_TYPES = lines(
  'import { EventEmitter } from "node:events";',
  "export interface ClientConfig { connectionString?: string | undefined; user?: string | undefined; database?: string | undefined }",
  "export interface QueryResult<R = any> { rows: R[]; rowCount: number | null }",
  "export class ClientBase extends EventEmitter {",
  "  query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;",
  "}",
  "export class Client extends ClientBase { constructor(config?: string | ClientConfig); connect(): Promise<void> }",
  "export interface PoolClient extends ClientBase { release(err?: Error | boolean): void }",
  "export interface PoolConfig extends ClientConfig {",
  "  max?: number | undefined;",
  "  idleTimeoutMillis?: number | undefined | null;",
  "  log?: ((...messages: any[]) => void) | undefined;",
  "  onConnect?: ((client: ClientBase) => void) | undefined;",
  "}",
  "export class Pool extends EventEmitter {",
  "  constructor(config?: PoolConfig);",
  "  connect(): Promise<PoolClient>;",
  "  query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;",
  "  end(): Promise<void>;",
  '  on(event: "error", listener: (err: Error, client: PoolClient) => void): this;',
  '  on(event: "connect" | "acquire" | "remove", listener: (client: PoolClient) => void): this;',
  "}",
);
const PG = { extraFiles: { "node_modules/@types/pg/package.json": '{ "name": "@types/pg", "version": "8.23.1", "types": "index.d.ts" }', "node_modules/@types/pg/index.d.ts": PG_TYPES } };
/** The same slot declared by an ambient module, as a project without @types/pg might write it. */
const PG_AMBIENT = {
  extraFiles: {
    "pg.d.ts": lines('declare module "pg" {', "  export interface ClientBase { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }", "  export interface PoolConfig { max?: number; onConnect?: ((client: ClientBase) => void) | undefined }", "  export class Pool { constructor(config?: PoolConfig); end(): Promise<void> }", "}"),
  },
};

const invalidAwaitedSlot: InvalidCase[] = [
  {
    name: "awaitedSlot: a project's own PoolConfig with an onConnect typed to return void (not pg's)",
    code: lines(
      "interface Connection { query(sql: string): Promise<void> }",
      "export interface PoolConfig { size: number; onConnect?: (connection: Connection) => void }",
      "declare function createPool(config: PoolConfig): { close(): void };",
      "export const pool = createPool({",
      "  size: 4,",
      "  onConnect: async (connection) => {",
      '    await connection.query("SET search_path TO app");',
      "  },",
      "});",
    ),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 6,
        column: 14,
        message: VOID_ASSIGNMENT("onConnect"),
        fixes: [
          [
            WRAP,
            lines(
              "interface Connection { query(sql: string): Promise<void> }",
              "export interface PoolConfig { size: number; onConnect?: (connection: Connection) => void }",
              "declare function createPool(config: PoolConfig): { close(): void };",
              "export const pool = createPool({",
              "  size: 4,",
              "  onConnect: (connection) => { void (async () => {",
              '    await connection.query("SET search_path TO app");',
              "  })().catch((error) => { console.error(error); }); },",
              "});",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "awaitedSlot: another package's PoolConfig.onConnect (not pg) is judged by its type",
    code: lines('import { createPool } from "mysql-lite";', "export const pool = createPool({", "  host: \"db\",", "  onConnect: async (connection) => {", '    await connection.query("SET time_zone = \'+00:00\'");', "  },", "});"),
    extraFiles: {
      "node_modules/mysql-lite/package.json": '{ "name": "mysql-lite", "version": "1.0.0", "types": "index.d.ts" }',
      "node_modules/mysql-lite/index.d.ts": lines("export interface Connection { query(sql: string): Promise<void> }", "export interface PoolConfig { host: string; onConnect?: (connection: Connection) => void }", "export declare function createPool(config: PoolConfig): { end(): Promise<void> };"),
    },
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 4,
        column: 14,
        message: VOID_ASSIGNMENT("onConnect"),
        fixes: [
          [
            WRAP,
            lines(
              'import { createPool } from "mysql-lite";',
              "export const pool = createPool({",
              '  host: "db",',
              "  onConnect: (connection) => { void (async () => {",
              "    await connection.query(\"SET time_zone = '+00:00'\");",
              "  })().catch((error) => { console.error(error); }); },",
              "});",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "awaitedSlot: pg's connect event listener is not awaited by the pool",
    code: lines('import { Pool } from "pg";', "export const pool = new Pool({ max: 10 });", 'pool.on("connect", async (client) => {', '  await client.query("SET search_path TO app");', "});"),
    ...PG,
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 3,
        column: 20,
        message: VOID_ARGUMENT("on"),
        fixes: [
          [
            WRAP,
            lines(
              'import { Pool } from "pg";',
              "export const pool = new Pool({ max: 10 });",
              'pool.on("connect", (client) => { void (async () => {',
              '  await client.query("SET search_path TO app");',
              "})().catch((error) => { console.error(error); }); });",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "awaitedSlot: pg's log option is called without waiting (an async logger)",
    code: lines('import { Pool } from "pg";', "declare const audit: { write(line: string): Promise<void> };", "export const pool = new Pool({", "  max: 10,", "  log: async (...messages) => {", '    await audit.write(messages.join(" "));', "  },", "});"),
    ...PG,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 5,
        column: 8,
        message: VOID_ASSIGNMENT("log"),
        fixes: [
          [
            WRAP,
            lines(
              'import { Pool } from "pg";',
              "declare const audit: { write(line: string): Promise<void> };",
              "export const pool = new Pool({",
              "  max: 10,",
              "  log: (...messages) => { void (async () => {",
              '    await audit.write(messages.join(" "));',
              "  })().catch((error) => { console.error(error); }); },",
              "});",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "awaitedSlot: an options union with a project type's onConnect is not only pg's slot",
    code: lines(
      'import { type PoolConfig, Pool } from "pg";',
      "interface CacheConfig { url: string; onConnect?: (client: { ping(): Promise<void> }) => void }",
      "declare function open(config: PoolConfig | CacheConfig): void;",
      "open({",
      '  url: "redis://cache",',
      "  onConnect: async (client) => {",
      "    console.log(client);",
      "    await new Pool().end();",
      "  },",
      "});",
    ),
    ...PG,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 6,
        column: 14,
        message: VOID_ASSIGNMENT("onConnect"),
        fixes: [
          [
            WRAP,
            lines(
              'import { type PoolConfig, Pool } from "pg";',
              "interface CacheConfig { url: string; onConnect?: (client: { ping(): Promise<void> }) => void }",
              "declare function open(config: PoolConfig | CacheConfig): void;",
              "open({",
              '  url: "redis://cache",',
              "  onConnect: (client) => { void (async () => {",
              "    console.log(client);",
              "    await new Pool().end();",
              "  })().catch((error) => { console.error(error); }); },",
              "});",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "awaitedSlot: an assignment to a project's hooks object's onConnect",
    code: lines(
      "interface Socket { send(data: string): Promise<void> }",
      "interface Hooks { onConnect?: (socket: Socket) => void }",
      "export class Server {",
      "  readonly hooks: Hooks = {};",
      "  greet() {",
      "    this.hooks.onConnect = async (socket) => {",
      '      await socket.send("hello");',
      "    };",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 6,
        column: 28,
        message: VOID_ASSIGNMENT("onConnect"),
        fixes: [
          [
            WRAP,
            lines(
              "interface Socket { send(data: string): Promise<void> }",
              "interface Hooks { onConnect?: (socket: Socket) => void }",
              "export class Server {",
              "  readonly hooks: Hooks = {};",
              "  greet() {",
              "    this.hooks.onConnect = (socket) => { void (async () => {",
              '      await socket.send("hello");',
              "    })().catch((error) => { console.error(error); }); };",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "awaitedSlot: a class field implementing pg's PoolConfig but written with its own void type is judged by that type",
    code: lines('import { type ClientBase, type PoolConfig } from "pg";', "export class TenantHooks implements PoolConfig {", "  onConnect: (client: ClientBase) => void = async (client) => {", '    await client.query("SET app.tenant = \'acme\'");', "  };", "}"),
    ...PG,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 3,
        column: 45,
        message: VOID_ASSIGNMENT("onConnect"),
        fixes: [
          [
            WRAP,
            lines(
              'import { type ClientBase, type PoolConfig } from "pg";',
              "export class TenantHooks implements PoolConfig {",
              "  onConnect: (client: ClientBase) => void = (client) => { void (async () => {",
              "    await client.query(\"SET app.tenant = 'acme'\");",
              "  })().catch((error) => { console.error(error); }); };",
              "}",
            ),
          ],
        ],
      },
    ],
  },
];

const validAwaitedSlot: ValidCase[] = [
  {
    name: "awaitedSlot: pg-boss's pool, session statements run by an async onConnect (pg-pool awaits the hook)",
    code: lines(
      'import * as pg from "pg";',
      "export class Db {",
      "  pool?: pg.Pool;",
      "  constructor(",
      "    private readonly config: pg.PoolConfig,",
      "    private readonly sessionStatements: string[],",
      "  ) {}",
      "  open() {",
      "    this.pool = new pg.Pool({",
      "      ...this.config,",
      "      onConnect: async (client) => {",
      "        for (const statement of this.sessionStatements) await client.query(statement);",
      "      },",
      "    });",
      "  }",
      "}",
    ),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect as a shorthand property",
    code: lines('import { type ClientBase, Pool } from "pg";', "const onConnect = async (client: ClientBase) => {", '  await client.query("SET statement_timeout = 5000");', "};", "export const pool = new Pool({ connectionString: process.env.DATABASE_URL, onConnect });"),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect as a method of the options",
    code: lines('import { Pool } from "pg";', "export const pool = new Pool({", "  max: 20,", "  async onConnect(client) {", '    await client.query("SET search_path TO tenant, public");', "  },", "});"),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect in a config typed PoolConfig, then handed to the pool",
    code: lines('import { type PoolConfig, Pool } from "pg";', "const config: PoolConfig = {", "  max: 5,", "  onConnect: async (client) => {", '    await client.query("SET application_name = \'worker\'");', "  },", "};", "export const pool = new Pool(config);"),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect assigned to a PoolConfig after it was built",
    code: lines('import { type PoolConfig, Pool } from "pg";', "export function createPool(schema: string): Pool {", "  const config: PoolConfig = { max: 5 };", "  config.onConnect = async (client) => {", "    await client.query(`SET search_path TO ${schema}`);", "  };", "  return new Pool(config);", "}"),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect of an application config interface that extends PoolConfig",
    code: lines('import { type PoolConfig, Pool } from "pg";', "interface AppPoolConfig extends PoolConfig { tenant: string }", "export function connect(tenant: string): Pool {", "  const config: AppPoolConfig = {", "    tenant,", "    onConnect: async (client) => {", "      await client.query(`SET app.tenant = '${tenant}'`);", "    },", "  };", "  return new Pool(config);", "}"),
    ...PG,
  },
  {
    name: "awaitedSlot: a class implementing pg's PoolConfig with an async onConnect",
    code: lines('import { type ClientBase, type PoolConfig, Pool } from "pg";', "class TenantPoolConfig implements PoolConfig {", "  max = 10;", "  constructor(private readonly tenant: string) {}", "  async onConnect(client: ClientBase) {", "    await client.query(`SET app.tenant = '${this.tenant}'`);", "  }", "}", 'export const pool = new Pool(new TenantPoolConfig("acme"));'),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect set with ??= on a PoolConfig the caller may have filled",
    code: lines('import { type PoolConfig, Pool } from "pg";', "export function createPool(config: PoolConfig, schema: string): Pool {", "  config.onConnect ??= async (client) => {", "    await client.query(`SET search_path TO ${schema}`);", "  };", "  return new Pool(config);", "}"),
    ...PG,
  },
  {
    name: "awaitedSlot: a class implementing pg's PoolConfig with an async arrow field onConnect",
    code: lines('import { type ClientBase, type PoolConfig, Pool } from "pg";', "class ReadOnlyPoolConfig implements PoolConfig {", "  max = 4;", "  onConnect = async (client: ClientBase) => {", '    await client.query("SET default_transaction_read_only = on");', "  };", "}", "export const replica = new Pool(new ReadOnlyPoolConfig());"),
    ...PG,
  },
  {
    name: "awaitedSlot: pg's onConnect declared by an ambient module \"pg\"",
    code: lines('import { Pool } from "pg";', "export const pool = new Pool({", "  max: 4,", "  onConnect: async (client) => {", '    await client.query("SET TIME ZONE \'UTC\'");', "  },", "});"),
    ...PG_AMBIENT,
  },
];

const CLIENT = lines("declare function report(error: Error): Promise<void>;", "interface ClientOptions { onError?: (error: Error) => void }");
const client = (field: string, fallback: string[]) =>
  lines(CLIENT, "export class Client {", `  private readonly onError: ${field};`, "  constructor(options: ClientOptions) {", ...fallback, "  }", "}");
const server = (wrapper: string[]) =>
  lines(
    "declare function flushLogs(): Promise<void>;",
    "interface ServerOptions { onError?: (error: Error) => void }",
    "export class Server {",
    "  private readonly onError?: (error: Error) => void;",
    "  constructor(options: ServerOptions) {",
    "    const report = options.onError;",
    ...wrapper,
    "  }",
    "}",
  );
const REPORT_JOB = lines("declare function fetchReport(id: string): Promise<string>;", "declare function release(id: string): Promise<void>;");
const TRANSACTION = lines(
  "declare function release(id: string): Promise<void>;",
  "export class Transaction {",
  "  private readonly cleanups: (() => void)[] = [];",
  "  finally(cleanup: () => void): this {",
  "    this.cleanups.push(cleanup);",
  "    return this;",
  "  }",
  "}",
);
const fallback = (field: string) =>
  lines(
    "declare function report(error: Error): Promise<void>;",
    "interface ClientOptions { onError?: (error: Error) => void }",
    "export class Client {",
    "  private readonly onError: (error: Error) => void;",
    `  private readonly fallback?: ${field};`,
    "  constructor(options: ClientOptions) {",
    "    this.onError = options.onError ?? this.fallback!;",
    "  }",
    "}",
  );
const legacy = (handler: string[]) =>
  lines("declare function report(error: Error): Promise<void>;", "type ErrorHandler = (error: Error) => void;", "export class Client {", "  onError: ErrorHandler;", "  constructor() {", ...handler, "  }", "}");
const HANDLER = lines("declare function report(error: Error): Promise<void>;", "declare function debug(message: string): void;", "type ErrorHandler = (error: Error) => void;", "interface ClientOptions { onError?: ErrorHandler }");
const handlerClient = (assignment: string[]) => lines(HANDLER, "export class Client {", "  onError: ErrorHandler;", "  constructor(options: ClientOptions) {", ...assignment, "  }", "}");
const DEFAULTS = lines("declare function report(error: Error): Promise<void>;", "type ErrorHandler = (error: Error) => void;", "declare const defaults: { onError?: ErrorHandler };");
const invalidLeft8: InvalidCase[] = [
  // The record's miss (misused-promise-delta.md, #99): an async default behind ?? stored in a void callback field.
  {
    name: "left8: a client's error handler, the caller's or an async default (??), stored in a field typed to return void",
    code: client("(error: Error) => void", ["    this.onError = options.onError ?? (async (error) => {", "      await report(error);", "    });"]),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 6,
        column: 39,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `declare function report(error: Error): Promise<void>;\ninterface ClientOptions { onError?: (error: Error) => void }\nexport class Client {\n  private readonly onError: (error: Error) => void;\n  constructor(options: ClientOptions) {\n    this.onError = options.onError ?? ((error) => { void (async () => {\n      await report(error);\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: a runner's timeout hook, the caller's or the project's async notifier (||), stored in a field typed to return void",
    code: lines(
      "interface Job { id: string }",
      "interface RunnerOptions { onTimeout?: (job: Job) => void }",
      "declare function requeue(job: Job): Promise<void>;",
      "async function notifyTimeout(job: Job): Promise<void> {",
      "  await requeue(job);",
      "}",
      "export class Runner {",
      "  onTimeout: (job: Job) => void;",
      "  constructor(options: RunnerOptions) {",
      "    this.onTimeout = options.onTimeout || notifyTimeout;",
      "  }",
      "}",
    ),
    errors: [{ messageId: "voidReturnProperty", line: 10, column: 43, message: VOID_ASSIGNMENT("onTimeout") }],
  },
  {
    name: "left8: a message handler typed to return void, async only when verbose (a conditional)",
    code: lines(
      "interface Message { id: string }",
      "declare function audit(message: Message): Promise<void>;",
      "declare const verbose: boolean;",
      "export const onMessage: (message: Message) => void = verbose",
      "  ? async (message) => {",
      "      await audit(message);",
      "    }",
      "  : (message) => console.log(message.id);",
    ),
    errors: [
      {
        messageId: "voidReturnVariable",
        line: 5,
        column: 5,
        message: "Promise-returning function assigned to `onMessage`, whose type returns `void`: callers ignore the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
        fixes: [
          [
            WRAP,
            lines(
              "interface Message { id: string }",
              "declare function audit(message: Message): Promise<void>;",
              "declare const verbose: boolean;",
              "export const onMessage: (message: Message) => void = verbose",
              "  ? (message) => { void (async () => {",
              "      await audit(message);",
              "    })().catch((error) => { console.error(error); }); }",
              "  : (message) => console.log(message.id);",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "left8: hooks built from overrides, the error hook defaulting to an async reporter (?? in an object literal)",
    code: lines(
      "declare function report(error: Error): Promise<void>;",
      "interface Hooks { onError: (error: Error) => void; onClose: () => void }",
      "export function createHooks(overrides: Partial<Hooks>): Hooks {",
      "  return {",
      "    onError: overrides.onError ?? (async (error) => {",
      "      await report(error);",
      "    }),",
      "    onClose: overrides.onClose ?? (() => {}),",
      "  };",
      "}",
    ),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 5,
        column: 35,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            lines(
              "declare function report(error: Error): Promise<void>;",
              "interface Hooks { onError: (error: Error) => void; onClose: () => void }",
              "export function createHooks(overrides: Partial<Hooks>): Hooks {",
              "  return {",
              "    onError: overrides.onError ?? ((error) => { void (async () => {",
              "      await report(error);",
              "    })().catch((error) => { console.error(error); }); }),",
              "    onClose: overrides.onClose ?? (() => {}),",
              "  };",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "left8: an error handler read from loose settings, the async default asserted to the handler type (as)",
    code: lines(
      "type ErrorHandler = (error: Error) => void;",
      "declare function report(error: Error): Promise<void>;",
      "declare const settings: { onError?: unknown };",
      "export let handleError: ErrorHandler = (error) => console.error(error);",
      "export function configure() {",
      "  handleError = (settings.onError ?? (async (error: Error) => {",
      "    await report(error);",
      "  })) as ErrorHandler;",
      "}",
    ),
    errors: [
      {
        messageId: "voidReturnVariable",
        line: 6,
        column: 38,
        message: "Promise-returning function assigned to `handleError`, whose type returns `void`: callers ignore the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
        fixes: [
          [
            WRAP,
            lines(
              "type ErrorHandler = (error: Error) => void;",
              "declare function report(error: Error): Promise<void>;",
              "declare const settings: { onError?: unknown };",
              "export let handleError: ErrorHandler = (error) => console.error(error);",
              "export function configure() {",
              "  handleError = (settings.onError ?? ((error: Error) => { void (async () => {",
              "    await report(error);",
              "  })().catch((error) => { console.error(error); }); })) as ErrorHandler;",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "left8: a server's error hook wrapping the caller's only when one is given (&&), async",
    code: server(["    this.onError = report && (async (error) => {", "      await flushLogs();", "      report(error);", "    });"]),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 7,
        column: 30,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `declare function flushLogs(): Promise<void>;\ninterface ServerOptions { onError?: (error: Error) => void }\nexport class Server {\n  private readonly onError?: (error: Error) => void;\n  constructor(options: ServerOptions) {\n    const report = options.onError;\n    this.onError = report && ((error) => { void (async () => {\n      await flushLogs();\n      report(error);\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: a client's error handler, the caller's or an optional async fallback field asserted present (?? and !)",
    code: fallback("(error: Error) => Promise<void>"),
    errors: [{ messageId: "voidReturnProperty", line: 7, column: 39, message: VOID_ASSIGNMENT("onError") }],
  },
  {
    name: "left8: an async error handler written with an old-style type assertion (<ErrorHandler>)",
    code: legacy(["    this.onError = <ErrorHandler>(async (error: Error) => {", "      await report(error);", "    });"]),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 6,
        column: 34,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `declare function report(error: Error): Promise<void>;\ntype ErrorHandler = (error: Error) => void;\nexport class Client {\n  onError: ErrorHandler;\n  constructor() {\n    this.onError = <ErrorHandler>((error: Error) => { void (async () => {\n      await report(error);\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: an async default checked against the handler type with satisfies (??)",
    code: handlerClient(["    this.onError = options.onError ?? ((async (error) => {", "      await report(error);", "    }) satisfies ErrorHandler);"]),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 8,
        column: 40,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `declare function report(error: Error): Promise<void>;\ndeclare function debug(message: string): void;\ntype ErrorHandler = (error: Error) => void;\ninterface ClientOptions { onError?: ErrorHandler }\nexport class Client {\n  onError: ErrorHandler;\n  constructor(options: ClientOptions) {\n    this.onError = options.onError ?? (((error) => { void (async () => {\n      await report(error);\n    })().catch(${H}); }) satisfies ErrorHandler);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: an async default after a debug line, the value of a comma",
    code: handlerClient(['    this.onError = (debug("using the default error handler"), async (error) => {', "      await report(error);", "    });"]),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 8,
        column: 63,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `declare function report(error: Error): Promise<void>;\ndeclare function debug(message: string): void;\ntype ErrorHandler = (error: Error) => void;\ninterface ClientOptions { onError?: ErrorHandler }\nexport class Client {\n  onError: ErrorHandler;\n  constructor(options: ClientOptions) {\n    this.onError = (debug("using the default error handler"), (error) => { void (async () => {\n      await report(error);\n    })().catch(${H}); });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: a typed class field initialized with the configured handler or an async default (??)",
    code: lines(DEFAULTS, "export class Client {", "  onError: ErrorHandler = defaults.onError ?? (async (error) => {", "    await report(error);", "  });", "}"),
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 5,
        column: 47,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `declare function report(error: Error): Promise<void>;\ntype ErrorHandler = (error: Error) => void;\ndeclare const defaults: { onError?: ErrorHandler };\nexport class Client {\n  onError: ErrorHandler = defaults.onError ?? ((error) => { void (async () => {\n    await report(error);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: a function returning the error handler type gives the configured one or an async default (??)",
    code: lines(DEFAULTS, "export function errorHandler(): ErrorHandler {", "  return defaults.onError ?? (async (error) => {", "    await report(error);", "  });", "}"),
    errors: [
      {
        messageId: "voidReturnReturnValue",
        line: 5,
        column: 30,
        message: VOID_RETURN,
        fixes: [
          [
            WRAP,
            `declare function report(error: Error): Promise<void>;\ntype ErrorHandler = (error: Error) => void;\ndeclare const defaults: { onError?: ErrorHandler };\nexport function errorHandler(): ErrorHandler {\n  return defaults.onError ?? ((error) => { void (async () => {\n    await report(error);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: an arrow returning a cleanup typed () => void, async only when subscribed (a conditional)",
    code: lines(
      "declare function unsubscribe(topic: string): Promise<void>;",
      "type Cleanup = () => void;",
      "export const watch = (topic: string, subscribed: boolean): Cleanup =>",
      "  subscribed",
      "    ? async () => {",
      "        await unsubscribe(topic);",
      "      }",
      "    : () => {};",
    ),
    errors: [
      {
        messageId: "voidReturnReturnValue",
        line: 5,
        column: 7,
        message: VOID_RETURN,
        fixes: [
          [
            WRAP,
            lines(
              "declare function unsubscribe(topic: string): Promise<void>;",
              "type Cleanup = () => void;",
              "export const watch = (topic: string, subscribed: boolean): Cleanup =>",
              "  subscribed",
              "    ? () => { void (async () => {",
              "        await unsubscribe(topic);",
              "      })().catch((error) => { console.error(error); }); }",
              "    : () => {};",
            ),
          ],
        ],
      },
    ],
  },
  // #54 / #237 of the delta record: the finally exemption holds for the default lib's Promise#finally whatever the callee is called.
  {
    name: "left8: an async release given to a project transaction's finally through a key typed \"finally\" (it only stores it)",
    code: lines(TRANSACTION, 'const CLEANUP = "finally" as const;', "export function begin(tx: Transaction, id: string) {", "  tx[CLEANUP](async () => {", "    await release(id);", "  });", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 11,
        column: 15,
        message: VOID_ARGUMENT("the callee"),
        fixes: [
          [
            WRAP,
            `declare function release(id: string): Promise<void>;\nexport class Transaction {\n  private readonly cleanups: (() => void)[] = [];\n  finally(cleanup: () => void): this {\n    this.cleanups.push(cleanup);\n    return this;\n  }\n}\nconst CLEANUP = "finally" as const;\nexport function begin(tx: Transaction, id: string) {\n  tx[CLEANUP](() => { void (async () => {\n    await release(id);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "left8: an async release given to a project transaction's finally, bound (tx.finally.bind(tx))",
    code: lines(TRANSACTION, "export function begin(tx: Transaction, id: string) {", "  const settle = tx.finally.bind(tx);", "  settle(async () => {", "    await release(id);", "  });", "}"),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 11,
        column: 10,
        message: VOID_ARGUMENT("settle"),
        fixes: [
          [
            WRAP,
            `declare function release(id: string): Promise<void>;\nexport class Transaction {\n  private readonly cleanups: (() => void)[] = [];\n  finally(cleanup: () => void): this {\n    this.cleanups.push(cleanup);\n    return this;\n  }\n}\nexport function begin(tx: Transaction, id: string) {\n  const settle = tx.finally.bind(tx);\n  settle(() => { void (async () => {\n    await release(id);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
];

const validLeft8: ValidCase[] = [
  {
    name: "left8: a typed class field initialized with the configured handler or a sync default (??)",
    code: lines(DEFAULTS, "export class Client {", "  onError: ErrorHandler = defaults.onError ?? ((error) => {", "    console.error(error);", "  });", "}"),
  },
  {
    name: "left8: an untyped class field initialized with the configured handler or an async default (its type is the value's)",
    code: lines(DEFAULTS, "export class Client {", "  onError = defaults.onError ?? (async (error: Error) => {", "    await report(error);", "  });", "}"),
  },
  {
    name: "left8: a class field typed to return a promise, initialized with the configured handler or an async default (??)",
    code: lines(
      "declare function report(error: Error): Promise<void>;",
      "type AsyncErrorHandler = (error: Error) => Promise<void>;",
      "declare const defaults: { onError?: AsyncErrorHandler };",
      "export class Client {",
      "  onError: AsyncErrorHandler = defaults.onError ?? (async (error) => {",
      "    await report(error);",
      "  });",
      "}",
    ),
  },
  {
    name: "left8: a function returning the error handler type gives the configured one or a sync default (??)",
    code: lines(DEFAULTS, "export function errorHandler(): ErrorHandler {", "  return defaults.onError ?? ((error) => {", "    console.error(error);", "  });", "}"),
  },
  {
    name: "left8: an arrow returning a cleanup typed () => Promise<void>, async only when subscribed (a conditional)",
    code: lines(
      "declare function unsubscribe(topic: string): Promise<void>;",
      "type Cleanup = () => Promise<void>;",
      "export const watch = (topic: string, subscribed: boolean): Cleanup =>",
      "  subscribed",
      "    ? async () => {",
      "        await unsubscribe(topic);",
      "      }",
      "    : async () => {};",
    ),
  },
  {
    name: "left8: a sync default checked against the handler type with satisfies (??)",
    code: handlerClient(["    this.onError = options.onError ?? (((error) => {", "      console.error(error);", "    }) satisfies ErrorHandler);"]),
  },
  {
    name: "left8: a sync default after a debug line, the value of a comma",
    code: handlerClient(['    this.onError = (debug("using the default error handler"), (error) => {', "      console.error(error);", "    });"]),
  },
  {
    name: "left8: an error hook set only when an async reporter is configured (the reporter is the guard of &&, not stored)",
    code: lines(
      HANDLER,
      "export class Client {",
      "  private readonly onError?: ErrorHandler;",
      "  private readonly reportError?: (error: Error) => Promise<void> = report;",
      "  constructor() {",
      "    this.onError = this.reportError && ((error) => {",
      "      void this.reportError?.(error).catch(console.error);",
      "    });",
      "  }",
      "}",
    ),
  },
  {
    name: "left8: a client's error handler, the caller's or an optional sync fallback field asserted present (?? and !)",
    code: fallback("(error: Error) => void"),
  },
  {
    name: "left8: a sync error handler written with an old-style type assertion (<ErrorHandler>)",
    code: legacy(["    this.onError = <ErrorHandler>((error: Error) => {", "      void report(error).catch(console.error);", "    });"]),
  },
  {
    name: "left8: an async release given to a promise's own finally through a key typed \"finally\" (finally awaits it)",
    code: lines(REPORT_JOB, 'const CLEANUP = "finally" as const;', "export function load(id: string) {", "  return fetchReport(id)[CLEANUP](async () => {", "    await release(id);", "  });", "}"),
  },
  {
    name: "left8: an async release given to a promise's own finally, bound (job.finally.bind(job))",
    code: lines(REPORT_JOB, "export function load(id: string) {", "  const job = fetchReport(id);", "  const settle = job.finally.bind(job);", "  return settle(async () => {", "    await release(id);", "  });", "}"),
  },
  {
    name: "left8: an async release spread into a promise's own finally from a one-element tuple",
    code: lines(REPORT_JOB, "export function load(id: string) {", "  const cleanup: [() => Promise<void>] = [async () => release(id)];", "  return fetchReport(id).finally(...cleanup);", "}"),
  },
  {
    name: "left8: an async release given to a promise's own finally under a non-null assertion (finally!)",
    code: lines(REPORT_JOB, "export function load(id: string) {", "  return fetchReport(id).finally!(async () => {", "    await release(id);", "  });", "}"),
  },
  {
    name: "left8: a server's error hook wrapping the caller's only when one is given (&&), sync",
    code: server(["    this.onError = report && ((error) => {", "      console.error(error.message);", "      report(error);", "    });"]),
  },
  {
    name: "left8: a client's error handler, the caller's or a sync default that logs (??)",
    code: client("(error: Error) => void", ["    this.onError = options.onError ?? ((error) => {", "      console.error(error);", "    });"]),
  },
  {
    name: "left8: a client's error handler stored in a field typed to return a promise, with an async default (??)",
    code: lines(
      "declare function report(error: Error): Promise<void>;",
      "interface ClientOptions { onError?: (error: Error) => Promise<void> }",
      "export class Client {",
      "  private readonly onError: (error: Error) => Promise<void>;",
      "  constructor(options: ClientOptions) {",
      "    this.onError = options.onError ?? (async (error) => {",
      "      await report(error);",
      "    });",
      "  }",
      "}",
    ),
  },
  {
    name: "left8: a shutdown hook typed () => Promise<void>, the caller's or an async no-op (??)",
    code: lines("interface Hooks { shutdown?: () => Promise<void> }", "export function start(hooks: Hooks) {", "  let shutdown: () => Promise<void>;", "  shutdown = hooks.shutdown ?? (async () => {});", "  return shutdown;", "}"),
  },
  {
    name: "left8: a hook typed to return void or a promise, with an async default (??)",
    code: lines(
      "declare function report(error: Error): Promise<void>;",
      "type ErrorHook = (error: Error) => void | Promise<void>;",
      "interface ClientOptions { onError?: ErrorHook }",
      "export class Client {",
      "  private readonly onError: ErrorHook;",
      "  constructor(options: ClientOptions) {",
      "    this.onError = options.onError ?? (async (error) => {",
      "      await report(error);",
      "    });",
      "  }",
      "}",
    ),
  },
  {
    name: "left8: a client's error handler with an async default that catches its own failure (??)",
    code: client("(error: Error) => void", [
      "    this.onError = options.onError ?? (async (error) => {",
      "      try {",
      "        await report(error);",
      "      } catch (failure) {",
      "        console.error(failure);",
      "      }",
      "    });",
    ]),
  },
  {
    name: "left8: a runner's timeout hook, the caller's or the project's sync notifier (||)",
    code: lines(
      "interface Job { id: string }",
      "interface RunnerOptions { onTimeout?: (job: Job) => void }",
      "function notifyTimeout(job: Job): void {",
      "  console.warn(`job ${job.id} timed out`);",
      "}",
      "export class Runner {",
      "  onTimeout: (job: Job) => void;",
      "  constructor(options: RunnerOptions) {",
      "    this.onTimeout = options.onTimeout || notifyTimeout;",
      "  }",
      "}",
    ),
  },
  {
    name: "left8: a message handler typed to return a promise, async only when verbose (a conditional)",
    code: lines(
      "interface Message { id: string }",
      "declare function audit(message: Message): Promise<void>;",
      "declare const verbose: boolean;",
      "export const onMessage: (message: Message) => Promise<void> = verbose",
      "  ? async (message) => {",
      "      await audit(message);",
      "    }",
      "  : async (message) => console.log(message.id);",
    ),
  },
  {
    name: "left8: hooks built from overrides, every default sync (?? in an object literal)",
    code: lines(
      "interface Hooks { onError: (error: Error) => void; onClose: () => void }",
      "export function createHooks(overrides: Partial<Hooks>): Hooks {",
      "  return {",
      "    onError: overrides.onError ?? ((error) => console.error(error)),",
      "    onClose: overrides.onClose ?? (() => {}),",
      "  };",
      "}",
    ),
  },
];

/** A JavaScript client (checkJs) whose error handlers are typed by JSDoc only (the #142 cases of the second delta run). */
const JSDOC_CLIENT = { fileName: "client.js", extraFiles: { "report.d.ts": "export declare function report(error: Error): Promise<void>;" }, compilerOptions: { ...TEST_COMPILER_OPTIONS, allowJs: true, checkJs: true } };
/** A JavaScript module (checkJs) taking locks from a declaration file, one with an async dispose, one with a sync one. */
const JSDOC_LOCKS = {
  fileName: "locks-user.js",
  extraFiles: { "locks.d.ts": "export declare function openLock(name: string): { [Symbol.dispose](): Promise<void> };\nexport declare function openSyncLock(name: string): { [Symbol.dispose](): void };" },
  compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.esnext.d.ts"], allowJs: true, checkJs: true },
};
const ERROR_HANDLER = lines('import { report } from "./report";', "/** @typedef {(error: Error) => void} ErrorHandler */", "/** @type {{ onError?: ErrorHandler }} */", "const defaults = {};");
/** Cases of the second delta run (report misused-promise_093fc622). */
const invalidDelta2: InvalidCase[] = [
  // #193 / #197 / #198 (the mutant was right): the initializer of a Disposable-typed variable is no longer gated by its syntax; `this` was missed.
  {
    name: "delta2: a report writer that hands itself out as a Disposable while its dispose is async (this)",
    code: lines(
      "declare function flushToDisk(path: string): Promise<void>;",
      "export class ReportWriter {",
      "  constructor(private readonly path: string) {}",
      "  async [Symbol.dispose]() {",
      "    await flushToDisk(this.path);",
      "  }",
      "  register(resources: Disposable[]) {",
      "    const resource: Disposable = this;",
      "    resources.push(resource);",
      "  }",
      "}",
    ),
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 8,
        column: 34,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "delta2: a nested scope that falls back to itself as the Disposable (parent ?? this)",
    code: lines(
      "declare function closeAll(names: string[]): Promise<void>;",
      "export class Scope {",
      "  private readonly names: string[] = [];",
      "  constructor(private readonly parent?: Scope) {}",
      "  async [Symbol.dispose]() {",
      "    await closeAll(this.names);",
      "  }",
      "  owner(): Disposable {",
      "    const owner: Disposable = this.parent ?? this;",
      "    return owner;",
      "  }",
      "}",
    ),
    ...DISPOSABLE,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 9,
        column: 31,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  // #142 (the mutant was right): in a JavaScript file a JSDoc @type is the written type of a field or variable.
  {
    name: "delta2: a JavaScript client's error handler field typed by JSDoc, async (field)",
    code: lines(ERROR_HANDLER, "export class Client {", "  /** @type {ErrorHandler} */", "  onError = async (error) => {", "    await report(error);", "  };", "}"),
    ...JSDOC_CLIENT,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 7,
        column: 13,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `import { report } from "./report";\n/** @typedef {(error: Error) => void} ErrorHandler */\n/** @type {{ onError?: ErrorHandler }} */\nconst defaults = {};\nexport class Client {\n  /** @type {ErrorHandler} */\n  onError = (error) => { void (async () => {\n    await report(error);\n  })().catch(${H}); };\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "delta2: a JavaScript client's error handler field typed by JSDoc, the default's or an async one (??)",
    code: lines(ERROR_HANDLER, "export class Client {", "  /** @type {ErrorHandler} */", "  onError = defaults.onError ?? (async (error) => {", "    await report(error);", "  });", "}"),
    ...JSDOC_CLIENT,
    errors: [
      {
        messageId: "voidReturnProperty",
        line: 7,
        column: 33,
        message: VOID_ASSIGNMENT("onError"),
        fixes: [
          [
            WRAP,
            `import { report } from "./report";\n/** @typedef {(error: Error) => void} ErrorHandler */\n/** @type {{ onError?: ErrorHandler }} */\nconst defaults = {};\nexport class Client {\n  /** @type {ErrorHandler} */\n  onError = defaults.onError ?? ((error) => { void (async () => {\n    await report(error);\n  })().catch(${H}); });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "delta2: a JavaScript lock variable typed by JSDoc as Disposable, its dispose async",
    code: lines('import { openLock } from "./locks";', "export function hold() {", "  /** @type {Disposable} */", '  const held = openLock("jobs");', "  return held;", "}"),
    ...JSDOC_LOCKS,
    errors: [
      {
        messageId: "voidReturnDispose",
        line: 4,
        column: 16,
        message: "`using` calls the `[Symbol.dispose]()` of this value when the block ends and ignores what it returns, but it returns a promise: the code after the block runs before the clean-up has finished, and a rejection becomes an unhandled rejection, which ends the Node.js process. Declare the variable with `await using` and give the value a `[Symbol.asyncDispose]` method, or make `[Symbol.dispose]` synchronous.",
      },
    ],
  },
  {
    name: "delta2: a JavaScript error handler variable typed by JSDoc, async",
    code: lines(ERROR_HANDLER, "/** @type {ErrorHandler} */", "export const onError = async (error) => {", "  await report(error);", "};", "export const handlers = [onError, defaults];"),
    ...JSDOC_CLIENT,
    errors: [
      {
        messageId: "voidReturnVariable",
        line: 6,
        column: 24,
        message: "Promise-returning function assigned to `onError`, whose type returns `void`: callers ignore the promise, so a rejection is unhandled. Handle errors inside, or change the type to return a promise.",
        fixes: [
          [
            WRAP,
            `import { report } from "./report";\n/** @typedef {(error: Error) => void} ErrorHandler */\n/** @type {{ onError?: ErrorHandler }} */\nconst defaults = {};\n/** @type {ErrorHandler} */\nexport const onError = (error) => { void (async () => {\n  await report(error);\n})().catch(${H}); };\nexport const handlers = [onError, defaults];`,
          ],
        ],
      },
    ],
  },
];

const validDelta2: ValidCase[] = [
  {
    name: "delta2: a report writer that hands itself out as a Disposable, its dispose synchronous (this)",
    code: lines(
      "declare function closeSync(path: string): void;",
      "export class ReportWriter {",
      "  constructor(private readonly path: string) {}",
      "  [Symbol.dispose]() {",
      "    closeSync(this.path);",
      "  }",
      "  register(resources: Disposable[]) {",
      "    const resource: Disposable = this;",
      "    resources.push(resource);",
      "  }",
      "}",
    ),
    ...DISPOSABLE,
  },
  {
    name: "delta2: typed variables with literal, array and function initializers (no dispose to ask about)",
    code: lines("export function defaults(): [number, string, string[], () => void] {", "  const retries: number = 3;", '  const label: string = `jobs-${retries}`;', "  const queues: string[] = [];", "  const onIdle: () => void = () => {};", "  return [retries, label, queues, onIdle];", "}"),
    ...DISPOSABLE,
  },
  {
    name: "delta2: a JavaScript client's error handler field typed by JSDoc, sync, reporting in the background",
    code: lines(ERROR_HANDLER, "export class Client {", "  /** @type {ErrorHandler} */", "  onError = defaults.onError ?? ((error) => {", "    report(error).catch((failure) => console.error(failure));", "  });", "}"),
    ...JSDOC_CLIENT,
  },
  {
    name: "delta2: a JavaScript client's error handler field typed by JSDoc to return a promise",
    code: lines('import { report } from "./report";', "export class Client {", "  /** @type {(error: Error) => Promise<void>} */", "  onError = async (error) => {", "    await report(error);", "  };", "}"),
    ...JSDOC_CLIENT,
  },
  {
    name: "delta2: a JavaScript lock variable typed by JSDoc as Disposable, its dispose synchronous",
    code: lines('import { openSyncLock } from "./locks";', "export function hold() {", "  /** @type {Disposable} */", '  const held = openSyncLock("jobs");', "  return held;", "}"),
    ...JSDOC_LOCKS,
  },
  {
    name: "delta2: a JSDoc @type in a TypeScript file types nothing (an untyped field holding an async handler)",
    code: lines("declare function report(error: Error): Promise<void>;", "type ErrorHandler = (error: Error) => void;", "export class Client {", "  /** @type {ErrorHandler} */", "  onError = async (error: Error) => {", "    await report(error);", "  };", "}"),
  },
  {
    name: "delta3: an untyped class field that falls back to an async handler: no written type, no void slot (its type is the union)",
    code: lines(
      "declare function report(error: Error): Promise<void>;",
      "interface Options { onError?: (error: Error) => void }",
      "export class Uploader {",
      "  handle = this.options.onError ?? (async (error: Error) => { await report(error); });",
      "  constructor(private readonly options: Options) {}",
      "}",
    ),
  },
];

/**
 * M6 (@hapi/hapi 21.4.13, lib/route.js): hapi's modules as CommonJS JavaScript (`allowJs`,
 * `checkJs` off, `strict: false`): headers.js's sync marshal steps, auth.js's async
 * `Auth.response`, and transmit.js, which awaits every step of a route's `_marshalCycle`.
 */
const HAPI_JS = {
  fileName: "route.js",
  extraFiles: {
    "headers.js": lines(
      "'use strict';",
      "exports.type = function (response) {",
      "    const type = response.contentType;",
      "    if (type !== null && type !== response.headers['content-type']) {",
      "        response.type(type);",
      "    }",
      "};",
      "exports.content = function (response) {",
      "    if (response._payload.size) {",
      "        response._header('content-length', response._payload.size(), { override: false });",
      "    }",
      "};",
    ),
    "auth.js": lines(
      "'use strict';",
      "const internals = {};",
      "exports = module.exports = internals.Auth = class {",
      "    static async response(response) {",
      "        const request = response.request;",
      "        if (!request.auth.isAuthenticated) {",
      "            return;",
      "        }",
      "        const error = await request._core.toolkit.execute(request.auth.strategy.response, request, { continue: 'undefined' });",
      "        if (error) {",
      "            throw error;",
      "        }",
      "    }",
      "};",
    ),
    "transmit.js": lines(
      "'use strict';",
      "const internals = {};",
      "exports.send = async function (request) {",
      "    await internals.marshal(request.response);",
      "};",
      "internals.marshal = async function (response) {",
      "    for (const func of response.request._route._marshalCycle) {",
      "        await func(response);",
      "    }",
      "};",
    ),
  },
  compilerOptions: { ...TEST_COMPILER_OPTIONS, strict: false, allowJs: true, checkJs: false },
};

/** hapi's route.js, reduced: the marshal cycle built in a method, its `@type` line given or not. */
const hapiRoute = (...typeLine: string[]) =>
  lines(
    "'use strict';",
    "const Auth = require('./auth');",
    "const Headers = require('./headers');",
    "exports = module.exports = class Route {",
    "    constructor(settings) {",
    "        this.settings = settings;",
    "        this._buildMarshalCycle();",
    "    }",
    "    _buildMarshalCycle() {",
    ...typeLine,
    "        this._marshalCycle = [Headers.type];",
    "        this._marshalCycle.push(Headers.content);",
    "        if (this.settings.auth) {",
    "            this._marshalCycle.push(Auth.response);                            // Must be last in case requires access to headers",
    "        }",
    "    }",
    "};",
  );

const m6Invalid: InvalidCase[] = [
  {
    name: "M6 twin: shutdown handlers in an array written as Array<() => void>",
    code: lines(
      "declare function flushMetrics(): Promise<void>;",
      "const shutdownHandlers: Array<() => void> = [];",
      "export function onShutdown(handler: () => void) {",
      "  shutdownHandlers.push(handler);",
      "}",
      "shutdownHandlers.push(async () => {",
      "  await flushMetrics();",
      "});",
      "process.on('SIGTERM', () => {",
      "  for (const handler of shutdownHandlers) handler();",
      "});",
    ),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 6,
        column: 23,
        message: VOID_ARGUMENT("push"),
        fixes: [
          [
            WRAP,
            lines(
              "declare function flushMetrics(): Promise<void>;",
              "const shutdownHandlers: Array<() => void> = [];",
              "export function onShutdown(handler: () => void) {",
              "  shutdownHandlers.push(handler);",
              "}",
              "shutdownHandlers.push(() => { void (async () => {",
              "  await flushMetrics();",
              "})().catch((error) => { console.error(error); }); });",
              "process.on('SIGTERM', () => {",
              "  for (const handler of shutdownHandlers) handler();",
              "});",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "M6 twin: listeners written as Listener[] (type Listener = () => void), started with a sync one",
    code: lines(
      "declare function persistSession(): Promise<void>;",
      "type Listener = () => void;",
      "function logLogout(): void {",
      "  console.log('logged out');",
      "}",
      "const logoutListeners: Listener[] = [logLogout];",
      "logoutListeners.push(async () => {",
      "  await persistSession();",
      "});",
      "export function logout() {",
      "  for (const listener of logoutListeners) listener();",
      "}",
    ),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 7,
        column: 22,
        message: VOID_ARGUMENT("push"),
        fixes: [
          [
            WRAP,
            lines(
              "declare function persistSession(): Promise<void>;",
              "type Listener = () => void;",
              "function logLogout(): void {",
              "  console.log('logged out');",
              "}",
              "const logoutListeners: Listener[] = [logLogout];",
              "logoutListeners.push(() => { void (async () => {",
              "  await persistSession();",
              "})().catch((error) => { console.error(error); }); });",
              "export function logout() {",
              "  for (const listener of logoutListeners) listener();",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "M6 twin: a router's middleware field written as Middleware[], an async one put first with unshift",
    code: lines(
      "interface Context { path: string; user?: string }",
      "type Middleware = (ctx: Context) => void;",
      "declare function authenticate(ctx: Context): Promise<string>;",
      "function logRequest(ctx: Context): void {",
      "  console.log(ctx.path);",
      "}",
      "export class Router {",
      "  private readonly middleware: Middleware[] = [logRequest];",
      "  requireLogin() {",
      "    this.middleware.unshift(async (ctx) => {",
      "      ctx.user = await authenticate(ctx);",
      "    });",
      "  }",
      "  dispatch(ctx: Context) {",
      "    for (const step of this.middleware) step(ctx);",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "voidReturnArgument",
        line: 10,
        column: 29,
        message: VOID_ARGUMENT("unshift"),
        fixes: [
          [
            WRAP,
            lines(
              "interface Context { path: string; user?: string }",
              "type Middleware = (ctx: Context) => void;",
              "declare function authenticate(ctx: Context): Promise<string>;",
              "function logRequest(ctx: Context): void {",
              "  console.log(ctx.path);",
              "}",
              "export class Router {",
              "  private readonly middleware: Middleware[] = [logRequest];",
              "  requireLogin() {",
              "    this.middleware.unshift((ctx) => { void (async () => {",
              "      ctx.user = await authenticate(ctx);",
              "    })().catch((error) => { console.error(error); }); });",
              "  }",
              "  dispatch(ctx: Context) {",
              "    for (const step of this.middleware) step(ctx);",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "M6 twin: hapi's marshal cycle typed by a JSDoc @type of sync functions (JavaScript)",
    code: hapiRoute("        /** @type {Array<(response: object) => void>} */"),
    ...HAPI_JS,
    errors: [{ messageId: "voidReturnArgument", line: 14, column: 37, message: VOID_ARGUMENT("push") }],
  },
];

const m6Valid: ValidCase[] = [
  {
    name: "M6: hapi's marshal cycle, an untyped array started with a sync step, gets the async Auth.response; transmit awaits every step (JavaScript)",
    code: hapiRoute(),
    ...HAPI_JS,
  },
  {
    name: "M6: a module's request steps, started with a sync validator, get an async one; the handler awaits each step",
    code: lines(
      "interface Request { body: unknown; user?: string }",
      "declare function lookupUser(req: Request): Promise<string>;",
      "function validate(req: Request): void {",
      "  if (req.body === undefined) throw new Error('empty body');",
      "}",
      "const steps = [validate];",
      "steps.push(async (req) => {",
      "  req.user = await lookupUser(req);",
      "});",
      "export async function handle(req: Request): Promise<void> {",
      "  for (const step of steps) await step(req);",
      "}",
    ),
  },
  {
    name: "M6: a router's untyped middleware field, an async one put first with unshift; dispatch awaits each",
    code: lines(
      "interface Context { path: string; user?: string }",
      "declare function authenticate(ctx: Context): Promise<string>;",
      "function logRequest(ctx: Context): void {",
      "  console.log(ctx.path);",
      "}",
      "export class Router {",
      "  private readonly middleware = [logRequest];",
      "  requireLogin() {",
      "    this.middleware.unshift(async (ctx) => {",
      "      ctx.user = await authenticate(ctx);",
      "    });",
      "  }",
      "  async dispatch(ctx: Context) {",
      "    for (const step of this.middleware) await step(ctx);",
      "  }",
      "}",
    ),
  },
  {
    name: "M6: a build's untyped plugin list gets an async plugin spliced in after the first; build awaits each (JavaScript)",
    code: lines(
      "const { minify } = require('./minify');",
      "function resolveImports(bundle) {",
      "    bundle.imports = bundle.imports.map((name) => name.replace(/^~/, './node_modules/'));",
      "}",
      "function addBanner(bundle) {",
      "    bundle.code = `/* ${bundle.name} */\\n${bundle.code}`;",
      "}",
      "const plugins = [resolveImports, addBanner];",
      "plugins.splice(1, 0, async (bundle) => {",
      "    bundle.code = await minify(bundle.code);",
      "});",
      "exports.build = async function (bundle) {",
      "    for (const plugin of plugins) {",
      "        await plugin(bundle);",
      "    }",
      "    return bundle;",
      "};",
    ),
    ...LOOSE_JS,
    extraFiles: { "minify.js": "exports.minify = async function (code) {\n    return code.replace(/\\s+/g, ' ');\n};" },
  },
];

describe(RULE, () => {
  runRuleTable(RULE, { valid: [...valid, ...validMore, ...validLeft, ...validHandlerReturns, ...validFunctionStyle, ...validCombinations, ...validChains, ...validDelta, ...validAwaitedSlot, ...validLeft8, ...validDelta2, ...m6Valid], invalid: [...invalid, ...invalidMore, ...invalidLeft, ...invalidHandlerReturns, ...invalidFunctionStyle, ...invalidCombinations, ...invalidChains, ...invalidDelta, ...invalidAwaitedSlot, ...invalidLeft8, ...invalidDelta2, ...m6Invalid] });

  describe("rendered messages", () => {
    const messagesOf = (code: string, run = {}) => lintCode(RULE, code, { fileName: "script.cts", ...run }).findings.map((finding) => finding.message);
    const timer = `${D}\nsetTimeout(async () => save("x"), 10);`;

    it("says Node.js ends the process for an async EventEmitter listener", () => {
      const code = `import { EventEmitter } from "node:events";\n${D}\nnew EventEmitter().on("job", async (id: string) => save(id));`;
      assert.deepEqual(messagesOf(code, { fileName: "file.ts" }), [
        "Async function used as an event listener: the emitter ignores the promise it returns, so a rejection becomes an unhandled rejection, which ends the Node.js process. Catch errors inside the listener, or wrap it in a sync listener that calls it with `void` and `.catch()`.",
      ]);
    });

    it("says Node.js ends the process where @types/node is loaded", () => {
      assert.deepEqual(messagesOf(timer), [
        "Promise-returning function passed where a function returning `void` is expected: `setTimeout` ignores the promise, so a rejection becomes an unhandled rejection, which ends the Node.js process, and nothing waits for the work to finish. Handle errors inside and start it with `void`, or use an API that awaits callbacks.",
      ]);
    });

    it("does not mention Node.js in code typed for the DOM only", () => {
      const code = `declare function save(id: string): Promise<void>;\ndeclare function onIdle(callback: () => void): void;\ndeclare const button: HTMLButtonElement;\nonIdle(async () => {\n  button.disabled = true;\n  await save("x");\n});`;
      assert.deepEqual(messagesOf(code, DOM_ONLY), [
        "Promise-returning function passed where a function returning `void` is expected: `onIdle` ignores the promise, so a rejection becomes an unhandled rejection, which only a global `unhandledrejection` handler or the console sees, and nothing waits for the work to finish. Handle errors inside and start it with `void`, or use an API that awaits callbacks.",
      ]);
    });

    it("names the base type and method for an async override of a method returning void", () => {
      const code = `${D}\ninterface Listener { onEvent(e: string): void }\nexport class Logger implements Listener {\n  async onEvent(e: string) {\n    await save(e);\n  }\n}`;
      assert.deepEqual(messagesOf(code), [
        "Promise-returning method `onEvent` overrides or implements `Listener.onEvent`, which returns `void`: code that calls it through `Listener` ignores the promise, so a rejection is unhandled and nothing waits for the work to finish. Handle errors inside the method, or change `Listener.onEvent` to return a promise.",
      ]);
    });

    it("says an async executor loses every throw, not only those after its first await", () => {
      assert.deepEqual(messagesOf(`export const p = new Promise<void>(async (resolve) => {\n  JSON.parse("{");\n  resolve();\n});`), [
        "Async function used as a Promise executor: any error thrown in it, before or after its first `await`, rejects the promise the async function returns (which nothing handles) instead of this one, so this promise never settles and the error becomes an unhandled rejection. Make the executor synchronous, or drop `new Promise` and write an async function.",
      ]);
    });
  });
});

/** A class of the "lines 521-749" mutation cases: a queue fed by an async method that never suspends but can throw (`JSON.parse`), and the members given. */
function pipeline(...members: string[]): string {
  return lines(D, 'import { EventEmitter } from "node:events";', "export class Pipeline {", "  readonly queue: string[] = [];", "  paused = false;", "  async enqueue(raw: string): Promise<void> {", "    this.queue.push(JSON.parse(raw) as string);", "  }", ...members, "}");
}
