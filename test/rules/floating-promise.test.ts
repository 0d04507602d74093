import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ts from "typescript";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import { lintCode, TEST_COMPILER_OPTIONS } from "../helpers/ruleTester";

const RULE = "floating-promise";
/** Line 1 of most cases: the declarations they use. */
const D = "declare function save(): Promise<void>; declare function maybe(): Promise<void> | undefined; declare const c: boolean;";
/** Line 1 of the self-handled cases: a request that may reject. */
const F = "declare function post(url: string, body: object): Promise<object>;";
/** Lines 1-11 of the callback-style cases: a request function as callback-style Node libraries write it. */
const REQ = [
  'import * as http from "node:http";',
  "export function request(options, callback) {",
  '  if (typeof callback !== "function") {',
  "    return new Promise((resolve, reject) => {",
  "      request(options, (error, response) => (error ? reject(error) : resolve(response)));",
  "    });",
  "  }",
  "  const req = http.request(options, (response) => callback(null, response));",
  '  req.on("error", callback);',
  "  req.end();",
  "}",
].join("\n");
/** Lines 1-10 of the long-running-loop cases: a poller whose loop only a flag ends. */
const POLL = [
  "declare function fetchJobs(): Promise<string[]>;",
  "export class Poller {",
  "  private stopped = false;",
  "  private async run() {",
  "    while (!this.stopped) {",
  "      const jobs = await fetchJobs();",
  "      console.log(jobs.length);",
  "    }",
  "  }",
  "  stop() { this.stopped = true; }",
].join("\n");
/** Lines 1-22 of a job worker whose run() awaits a main loop that flags end (as in queue libraries). */
const WORKER = [
  "declare function fetchNextJob(): Promise<string | undefined>;",
  "export class Worker {",
  "  private closing = false;",
  "  private paused = false;",
  "  private running = false;",
  "  private mainLoopRunning: Promise<void> | undefined;",
  "  async run() {",
  "    try {",
  "      this.running = true;",
  "      this.mainLoopRunning = this.mainLoop();",
  "      await this.mainLoopRunning;",
  "    } finally {",
  "      this.running = false;",
  "    }",
  "  }",
  "  private async mainLoop() {",
  "    const queue: string[] = [];",
  "    while ((!this.closing && !this.paused) || queue.length > 0) {",
  "      const job = await fetchNextJob();",
  "      if (job) queue.push(job);",
  "    }",
  "  }",
].join("\n");
/** Line 1 of the narrowing cases: optional hooks that may return a promise, as in event subscribers. */
const SUB =
  "interface Subscriber { beforeInsert?(entity: object): Promise<any> | void; afterLoad?(entity: object): Promise<void> | undefined } interface Result { count: number; promises: Promise<any>[] }";

/** Lines 1-10 of the `void`-marked local: a request finalized, reported on one branch only (as in a browser-automation network manager). */
const PUP = [
  "declare class HTTPRequest { finalizeInterceptions(): Promise<void>; }",
  "export class NetworkManager {",
  "  #emitLoadingFailed(event: object): void { console.log(event); }",
  "  onLoadingFailed(request: HTTPRequest, event: object, loadingFailed: boolean) {",
  "    const done = request.finalizeInterceptions();",
  "    if (loadingFailed) {",
  "      void done.finally(() => this.#emitLoadingFailed(event));",
  "    }",
  "  }",
  "}",
].join("\n");

/** An entry script as servers and CLIs write it (the shebang is line 1; lines 1-8). */
const ENTRY = [
  "#!/usr/bin/env node",
  "declare class Process { registerProcessSignals(): void; start(): Promise<void>; }",
  "",
  "async function main() {",
  "  const app = new Process();",
  "  app.registerProcessSignals();",
  "  await app.start();",
  "}",
].join("\n");




const AWAIT = "Add `await`";
const VOID = "Add `void` to mark a deliberate fire-and-forget";
const CATCH = "Add a `.catch()` handler";
const ALL = "Await all with `Promise.all(...)`";
const RESOLVE = "Handle rejections with `Promise.resolve(...).catch()`";
const H = ".catch((error) => { console.error(error); })";

/** The messages, written out so that a change of wording is a visible change here. */
const FLOATING =
  "Promise is neither awaited nor handled. If it rejects, the error reaches no one (Node.js reports an unhandled rejection and exits), and the code after it does not wait for it to finish. Await it, return it, add a `.catch()` handler, or mark a deliberate fire-and-forget with `void`.";
const THEN_WITHOUT_HANDLER =
  "`.then()` without a rejection handler returns a new promise that no one handles: a rejection of the original promise or of the callback goes unhandled. Add a `.catch()` handler, pass a rejection handler as the second argument, or await the chain.";
const FINALLY_WITHOUT_HANDLER =
  "`.finally()` does not handle rejections; it passes them on to a promise that no one handles. Add a `.catch()` handler to the chain or await it.";
const ARRAY =
  "Array of promises is dropped: none of them is awaited and their rejections go unhandled. Wrap it in `await Promise.all(...)` (or `Promise.allSettled(...)`) or handle each promise.";
const IIFE =
  "The promise of this async IIFE is dropped: an error thrown inside it becomes an unhandled rejection. Await it, add a `.catch()` handler, or allow async IIFEs with the `ignoreIIFE` option.";
const VOIDED =
  "Promise is discarded with `void` but has no rejection handler (`ignoreVoid` is off). `void` only tells readers it is deliberate; a rejection still goes unhandled. Await it or add a `.catch()` handler.";
/** `when`: "the function ends", "the function returns", "`continue` leaves the block". */
const DROPPED = (local: string, when: string) =>
  `The promise in \`${local}\` is dropped when ${when}: nothing awaits it, returns it, passes it on or handles its rejection there, so its errors go unseen and nothing waits for it to finish. Await it (or return it, pass it on, or attach \`.catch()\`) on every path.`;
const CATCH_NON_FUNCTION = (method: string, example: string) =>
  `\`${method}\` is given a value that is not a function, or may not be one (its type allows a non-function such as \`${example}\`): where it is not one, \`${method}\` handles nothing and the rejection passes through unhandled. Pass a function: \`.catch((error) => ...)\`, or a default (\`handler ?? ((error) => ...)\`).`;

/** Shaped like actionhero's servers: an abstract `sendMessage`, implemented by an async method with no `await`. */
const SERVERS = [
  "interface Connection { id: string; rawConnection: { headers: Record<string, string> } }",
  "declare function write(connection: Connection, text: string): void;",
  "export abstract class Server {",
  "  abstract sendMessage(connection: Connection, message: string): Promise<void>;",
  "  respond(connection: Connection, response: object) {",
  "    this.sendMessage(connection, JSON.stringify(response));",
  "  }",
  "}",
  "export class WebServer extends Server {",
  "  async sendMessage(connection: Connection, message: string) {",
  "    this.cleanHeaders(connection);",
  "    write(connection, String(message));",
  "  }",
  "  private cleanHeaders(connection: Connection): void {",
  "    connection.rawConnection.headers = {};",
  "  }",
  "  complete(connection: Connection, stringResponse: string) {",
  "    this.sendMessage(connection, stringResponse);",
  "  }",
  "}",
].join("\n");

/**
 * Lines 1-22, shaped like actionhero's connections: `Connection#sendMessage` is a placeholder that only
 * throws, and the server that builds a connection gives it an async arrow that does not await.
 */
const CONNECTIONS = [
  "declare function write(connection: Connection, text: string): void;",
  "export class Connection {",
  "  params: Record<string, string> = {};",
  "  constructor(readonly id: string) {}",
  "  /** Send a message to this connection; the server that builds it sets this. */",
  "  async sendMessage(message: string | object, verb?: string): Promise<void> {",
  '    throw new Error("not implemented");',
  "  }",
  "}",
  "export class Server {",
  "  welcome = true;",
  "  sendMessage(connection: Connection, message: string | object): void {",
  '    write(connection, typeof message === "string" ? message : JSON.stringify(message));',
  "  }",
  "  async buildConnection(id: string) {",
  "    const connection = new Connection(id);",
  "    connection.sendMessage = async (message) => {",
  "      this.sendMessage(connection, message);",
  "    };",
  "    return connection;",
  "  }",
  "}",
].join("\n");

/** Shaped like axios's CancelToken: a promise resolved from outside, whose executor takes only `resolve`. */
const CANCEL_TOKEN = [
  "export class Cancel {",
  "  constructor(readonly message: string) {}",
  "}",
  "export class CancelToken {",
  "  promise: Promise<Cancel>;",
  "  reason: Cancel | undefined;",
  "  constructor(executor: (cancel: (message: string) => void) => void) {",
  "    let resolvePromise: ((value: Cancel) => void) | undefined;",
  "    this.promise = new Promise<Cancel>(function promiseExecutor(resolve) {",
  "      resolvePromise = resolve;",
  "    });",
  "    this.promise.then((cancel) => {",
  "      this.reason = cancel;",
  "    });",
  "    executor((message) => {",
  "      if (this.reason) return;",
  "      this.reason = new Cancel(message);",
  "      resolvePromise?.(this.reason);",
  "    });",
  "  }",
  "}",
].join("\n");

/** Lines 1-10 of a cancel token whose settled promise calls subscribed listeners (as axios's CancelToken does); each case adds the `.then` and closes the class. */
const LISTENERS = [
  "export class CancelToken {",
  "  promise: Promise<string>;",
  "  listeners: ((reason: string) => void)[] | null = [];",
  "  constructor(executor: (cancel: (message: string) => void) => void) {",
  "    let resolvePromise: ((reason: string) => void) | undefined;",
  "    this.promise = new Promise<string>(function promiseExecutor(resolve) {",
  "      resolvePromise = resolve;",
  "    });",
  "    const token = this;",
  "    executor((message) => resolvePromise?.(message));",
].join("\n");

/** Shaped like bullmq's sandbox: a promise whose executor starts an async helper that settles it from its try and catch. */
const SANDBOX = [
  "interface Child { on(event: string, listener: (...args: any[]) => void): void; send(message: object): void }",
  "interface ChildPool { retain(file: string): Promise<Child> }",
  "export function sandbox(processFile: string, childPool: ChildPool) {",
  "  return async function process(job: { id: string }) {",
  "    let child: Child | undefined;",
  "    const done = new Promise((resolve, reject) => {",
  "      const initChild = async () => {",
  "        try {",
  "          child = await childPool.retain(processFile);",
  "          child.on(\"message\", (msg: { value: unknown }) => resolve(msg.value));",
  "          child.send({ cmd: \"start\", job });",
  "        } catch (error) {",
  "          reject(error);",
  "        }",
  "      };",
  "      initChild();",
  "    });",
  "    return await done;",
  "  };",
  "}",
].join("\n");

/** Shaped like puppeteer's Deferred and BidiCdpSession: reject() ends in a resolver stored in a private field in the executor. */
const DEFERRED = [
  "export class Deferred<T> {",
  "  #isResolved = false;",
  "  #isRejected = false;",
  "  #value: T | Error | undefined;",
  "  #resolve!: (value: void) => void;",
  "  #taskPromise = new Promise<void>((resolve) => {",
  "    this.#resolve = resolve;",
  "  });",
  "  #timeoutId: ReturnType<typeof setTimeout> | undefined;",
  "  #finish(value: T | Error) {",
  "    clearTimeout(this.#timeoutId);",
  "    this.#value = value;",
  "    this.#resolve();",
  "  }",
  "  resolve(value: T): void {",
  "    if (this.#isRejected || this.#isResolved) {",
  "      return;",
  "    }",
  "    this.#isResolved = true;",
  "    this.#finish(value);",
  "  }",
  "  reject(error: Error): void {",
  "    if (this.#isRejected || this.#isResolved) {",
  "      return;",
  "    }",
  "    this.#isRejected = true;",
  "    this.#finish(error);",
  "  }",
  "  value(): T | Error | undefined {",
  "    return this.#value;",
  "  }",
  "}",
  "interface Connection { send(method: string, params: object): Promise<{ result: { session: string } }> }",
  "export class BidiCdpSession {",
  "  static sessions = new Map<string, BidiCdpSession>();",
  "  readonly #sessionId = new Deferred<string>();",
  "  constructor(connection: Connection, frameId: string) {",
  "    (async () => {",
  "      try {",
  "        const { result } = await connection.send(\"goog:cdp.getSession\", { context: frameId });",
  "        this.#sessionId.resolve(result.session);",
  "        BidiCdpSession.sessions.set(result.session, this);",
  "      } catch (error) {",
  "        this.#sessionId.reject(error as Error);",
  "      }",
  "    })();",
  "  }",
  "}",
].join("\n");

/** Shaped like actionhero's log(): a project function that hands the message to a logging library's loggers. */
const LOG = [
  "declare const loggers: { levels: Record<string, number>; log(level: string, message: unknown, data?: object): void }[];",
  "export function log(message: unknown, severity = \"info\", data?: object) {",
  "  loggers.map((logger) => {",
  "    if (logger.levels[severity] === undefined) severity = \"info\";",
  "    return logger.log(severity, message, data);",
  "  });",
  "}",
].join("\n");

/** Shaped like actionhero's chatRoom: the api object's members are typed from the initializer's arrow fields (`ChatRoomInitializer["x"]`). */
const CHAT = [
  "declare function post(url: string, body: object): Promise<object>;",
  "interface Connection { id: string; rooms: string[] }",
  "export interface ChatRoomApi {",
  "  incomingMessage: ChatRoomInitializer[\"incomingMessage\"];",
  "  incomingMessagePerConnection: ChatRoomInitializer[\"incomingMessagePerConnection\"];",
  "}",
  "export const api = { connections: [] as Connection[] } as { connections: Connection[]; chatRoom: ChatRoomApi };",
  "export class ChatRoomInitializer {",
  "  incomingMessage = (room: string) => {",
  "    api.connections.forEach((connection) => {",
  "      // we can parallelize this, no need to await",
  "      api.chatRoom.incomingMessagePerConnection(connection, room);",
  "    });",
  "  };",
  "  incomingMessagePerConnection = async (connection: Connection, room: string) => {",
  "    if (connection.rooms.indexOf(room) > -1) {",
  "      try {",
  "        await post(\"/say\", { id: connection.id, room });",
  "      } catch (error) {",
  "        console.warn(error);",
  "      }",
  "    }",
  "  };",
  "  initialize() {",
  "    api.chatRoom = { incomingMessage: this.incomingMessage, incomingMessagePerConnection: this.incomingMessagePerConnection };",
  "  }",
  "}",
].join("\n");

/** A JSX library whose elements may be promises (as `@kitajs/html` types them), with one async component. */
const KITA = `declare global {\n  namespace JSX {\n    type Element = string | Promise<string>;\n    interface IntrinsicElements { [name: string]: Record<string, unknown> }\n  }\n}\nexport async function NotFound(props: { id: string }): Promise<string> {\n  return "<p>No page " + props.id + "</p>";\n}\n`;

/** A callback-style `get` that may clear the caller's callback (a write to the tested parameter, not a shuffle). */
const GET_WRITES_CALLBACK = [
  'import * as https from "node:https";',
  "export function get(options, callback) {",
  '  if (typeof options === "string") options = { url: options };',
  "  if (options.promise) callback = undefined;",
  '  if (typeof callback !== "function") {',
  "    return new Promise((resolve, reject) => get({ ...options, promise: false }, (error, body) => (error ? reject(error) : resolve(body))));",
  "  }",
  "  https.get(options.url, (response) => callback(null, response.statusCode));",
  "}",
  "export function check() {",
  '  get({ url: "https://example.com/health", promise: true }, (error, status) => console.log(error, status));',
  "}",
].join("\n");

/** A self-handled body preceded by a project constructor that can throw. */
const PARSER_BEFORE_TRY = `${F}\nclass Settings {\n  values: Record<string, string>;\n  constructor(text: string) {\n    this.values = JSON.parse(text);\n  }\n}\nasync function apply(text: string) {\n  const settings = new Settings(text);\n  try {\n    await post("/settings", settings.values);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onSave(text: string) {\n  apply(text);\n}`;
/** A self-handled body preceded by a project `on` method that throws for unknown events. */
const BUS_BEFORE_TRY = `${F}\nexport class Bus {\n  private readonly allowed = new Set(["saved", "deleted"]);\n  private readonly handlers: (() => void)[] = [];\n  on(event: string, handler: () => void): this {\n    if (!this.allowed.has(event)) throw new Error(\`unknown event \${event}\`);\n    this.handlers.push(handler);\n    return this;\n  }\n}\nasync function watch(bus: Bus) {\n  bus.on("saved", () => console.log("saved"));\n  try {\n    await post("/watch", {});\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function start(bus: Bus) {\n  watch(bus);\n}`;

/** A self-handled body preceded by a destructuring whose default calls a library function. */
const DEFAULT_BEFORE_TRY = `${F}\ndeclare function defaultUrl(): string;\nexport class Uploader {\n  private readonly options: { url?: string } = {};\n  start() {\n    this.upload();\n  }\n  private async upload() {\n    const { url = defaultUrl() } = this.options;\n    try {\n      await post(url, {});\n    } catch (error) {\n      console.error(error);\n    }\n  }\n}`;

/** A self-handled body preceded by `assert.ifError`, which rethrows the error it is given. */
const IF_ERROR_BEFORE_TRY = `${F}\nimport assert from "node:assert";\nasync function retry(previous: Error | null) {\n  assert.ifError(previous);\n  try {\n    await post("/retry", {});\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onResult(previous: Error | null, retries: number) {\n  if (retries > 0) {\n    console.log("retrying");\n    console.log(retries);\n    retry(previous);\n  }\n}`;

const invalid: InvalidCase[] = [
  {
    name: "call in an async function: await, then catch, then void",
    code: `${D}\nasync function f() {\n  save();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [AWAIT, `${D}\nasync function f() {\n  await save();\n}`],
          [CATCH, `${D}\nasync function f() {\n  save()${H};\n}`],
          [VOID, `${D}\nasync function f() {\n  void save();\n}`],
        ],
      },
    ],
  },
  {
    name: "call in a sync function: no await offered, catch before void",
    code: `${D}\nfunction f() {\n  save();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  save()${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void save();\n}`],
        ],
      },
    ],
  },
  {
    name: "sync callback inside an async function: no await offered",
    code: `${D}\nasync function f(xs: number[]) {\n  xs.forEach(() => { save(); });\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 22,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nasync function f(xs: number[]) {\n  xs.forEach(() => { save()${H}; });\n}`],
          [VOID, `${D}\nasync function f(xs: number[]) {\n  xs.forEach(() => { void save(); });\n}`],
        ],
      },
    ],
  },
  {
    name: "top level of a CommonJS script: no top-level await",
    code: `${D}\nsave();`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "floating",
        line: 2,
        column: 1,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nsave()${H};`],
          [VOID, `${D}\nvoid save();`],
        ],
      },
    ],
  },
  {
    name: "top level of an ES module: top-level await offered",
    code: `${D}\nsave();\nexport {};`,
    fileName: "module.mts",
    errors: [
      {
        messageId: "floating",
        line: 2,
        column: 1,
        message: FLOATING,
        fixes: [
          [AWAIT, `${D}\nawait save();\nexport {};`],
          [CATCH, `${D}\nsave()${H};\nexport {};`],
          [VOID, `${D}\nvoid save();\nexport {};`],
        ],
      },
    ],
  },
  {
    name: ".then() without a rejection handler",
    code: `${D}\nfunction f() {\n  save().then(() => 1);\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 3,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  save().then(() => 1)${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void save().then(() => 1);\n}`],
        ],
      },
    ],
  },
  {
    name: ".then(f, undefined)",
    code: `${D}\nfunction f() {\n  save().then(() => 1, undefined);\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 3,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  save().then(() => 1, undefined)${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void save().then(() => 1, undefined);\n}`],
        ],
      },
    ],
  },
  {
    name: ".finally() with no handler upstream",
    code: `${D}\nfunction f() {\n  save().finally(() => {});\n}`,
    errors: [
      {
        messageId: "finallyWithoutHandler",
        line: 3,
        column: 3,
        message: FINALLY_WITHOUT_HANDLER,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  save().finally(() => {})${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void save().finally(() => {});\n}`],
        ],
      },
    ],
  },
  {
    name: ".catch() without arguments",
    code: `${D}\nfunction f() {\n  save().catch();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  save().catch()${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void save().catch();\n}`],
        ],
      },
    ],
  },
  {
    name: ".catch() given a non-function",
    code: `${D}\ndeclare const logger: { error: string };\nsave().catch(logger.error);`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "catchNonFunction",
        line: 3,
        column: 1,
        message: CATCH_NON_FUNCTION(".catch()", "undefined"),
        fixes: [
          [CATCH, `${D}\ndeclare const logger: { error: string };\nsave().catch(logger.error)${H};`],
          [VOID, `${D}\ndeclare const logger: { error: string };\nvoid save().catch(logger.error);`],
        ],
      },
    ],
  },
  {
    name: "union with undefined: Promise.resolve(...).catch() handles it (a plain .catch would not type-check)",
    code: `${D}\nasync function f() {\n  maybe();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [AWAIT, `${D}\nasync function f() {\n  await maybe();\n}`],
          [RESOLVE, `${D}\nasync function f() {\n  Promise.resolve(maybe())${H};\n}`],
          [VOID, `${D}\nasync function f() {\n  void maybe();\n}`],
        ],
      },
    ],
  },
  {
    name: "conditional: parentheses where precedence needs them",
    code: `${D}\nasync function f() {\n  c ? save() : save();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [AWAIT, `${D}\nasync function f() {\n  await (c ? save() : save());\n}`],
          [CATCH, `${D}\nasync function f() {\n  (c ? save() : save())${H};\n}`],
          [VOID, `${D}\nasync function f() {\n  void (c ? save() : save());\n}`],
        ],
      },
    ],
  },
  {
    name: "conditional with one promise branch",
    code: `${D}\nfunction f() {\n  c ? save() : null;\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, `${D}\nfunction f() {\n  Promise.resolve(c ? save() : null)${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void (c ? save() : null);\n}`],
        ],
      },
    ],
  },
  {
    name: "&& operand",
    code: `${D}\nfunction f() {\n  c && save();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, `${D}\nfunction f() {\n  Promise.resolve(c && save())${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void (c && save());\n}`],
        ],
      },
    ],
  },
  {
    name: "?? operand",
    code: `${D}\nfunction f() {\n  maybe() ?? save();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  (maybe() ?? save())${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void (maybe() ?? save());\n}`],
        ],
      },
    ],
  },
  {
    name: "comma expression element",
    code: `${D}\nfunction f() {\n  (console.log("x"), save());\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  (console.log("x"), save())${H};\n}`],
          [VOID, `${D}\nfunction f() {\n  void (console.log("x"), save());\n}`],
        ],
      },
    ],
  },
  {
    name: "array of promises from map(async ...)",
    code: `${D}\nasync function f(ids: string[]) {\n  ids.map(async () => save());\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [ALL, `${D}\nasync function f(ids: string[]) {\n  await Promise.all(ids.map(async () => save()));\n}`],
          [VOID, `${D}\nasync function f(ids: string[]) {\n  void ids.map(async () => save());\n}`],
        ],
      },
    ],
  },
  {
    name: "array literal of promises",
    code: `${D}\nfunction f() {\n  [save(), save()];\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [VOID, `${D}\nfunction f() {\n  void [save(), save()];\n}`],
        ],
      },
    ],
  },
  {
    name: "async IIFE",
    code: `(async () => {\n  await Promise.resolve();\n})();`,
    fileName: "script.cts",
    errors: [
      {
        messageId: "floatingIIFE",
        line: 1,
        column: 1,
        message: IIFE,
        fixes: [
          [CATCH, `(async () => {\n  await Promise.resolve();\n})()${H};`],
          [VOID, `void (async () => {\n  await Promise.resolve();\n})();`],
        ],
      },
    ],
  },
  {
    name: "void with ignoreVoid off: await and catch replace it",
    code: `${D}\nasync function f() {\n  void save();\n}`,
    options: { ignoreVoid: false },
    errors: [
      {
        messageId: "floatingVoid",
        line: 3,
        column: 3,
        message: VOIDED,
        fixes: [
          [AWAIT, `${D}\nasync function f() {\n  await save();\n}`],
          [CATCH, `${D}\nasync function f() {\n  void save()${H};\n}`],
        ],
      },
    ],
  },
  {
    name: "new Promise as a statement",
    code: `function f() {\n  new Promise<void>((resolve, reject) => reject(new Error("later")));\n}`,
    errors: [
      {
        messageId: "floating",
        line: 2,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `function f() {\n  new Promise<void>((resolve, reject) => reject(new Error("later")))${H};\n}`],
          [VOID, `function f() {\n  void new Promise<void>((resolve, reject) => reject(new Error("later")));\n}`],
        ],
      },
    ],
  },
  {
    name: "a promise-typed identifier as a statement",
    code: `function f(p: Promise<number>) {\n  p;\n}`,
    errors: [
      {
        messageId: "floating",
        line: 2,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `function f(p: Promise<number>) {\n  p${H};\n}`],
          [VOID, `function f(p: Promise<number>) {\n  void p;\n}`],
        ],
      },
    ],
  },
  {
    name: "method call on an object",
    code: `declare const db: { close(): Promise<void> };\nfunction f() {\n  db.close();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `declare const db: { close(): Promise<void> };\nfunction f() {\n  db.close()${H};\n}`],
          [VOID, `declare const db: { close(): Promise<void> };\nfunction f() {\n  void db.close();\n}`],
        ],
      },
    ],
  },
  {
    name: "subclass of Promise",
    code: `declare class Task<T> extends Promise<T> {}\ndeclare function run(): Task<void>;\nfunction f() {\n  run();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `declare class Task<T> extends Promise<T> {}\ndeclare function run(): Task<void>;\nfunction f() {\n  run()${H};\n}`],
          [VOID, `declare class Task<T> extends Promise<T> {}\ndeclare function run(): Task<void>;\nfunction f() {\n  void run();\n}`],
        ],
      },
    ],
  },
  {
    name: "generic call instantiated to a promise",
    code: `${D}\ndeclare function id<T>(value: T): T;\nfunction f() {\n  id(save());\n}`,
    errors: [
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\ndeclare function id<T>(value: T): T;\nfunction f() {\n  id(save())${H};\n}`],
          [VOID, `${D}\ndeclare function id<T>(value: T): T;\nfunction f() {\n  void id(save());\n}`],
        ],
      },
    ],
  },
  {
    name: "custom thenable with checkThenables",
    code: `declare function job(): { then(ok: () => void): void };\nfunction f() {\n  job();\n}`,
    options: { checkThenables: true },
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, `declare function job(): { then(ok: () => void): void };\nfunction f() {\n  Promise.resolve(job())${H};\n}`],
          [VOID, `declare function job(): { then(ok: () => void): void };\nfunction f() {\n  void job();\n}`],
        ],
      },
    ],
  },
  {
    name: "JavaScript with JSDoc types",
    code: `/** @returns {Promise<void>} */\nfunction save() { return Promise.resolve(); }\nfunction f() {\n  save();\n}`,
    fileName: "file.js",
    errors: [
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `/** @returns {Promise<void>} */\nfunction save() { return Promise.resolve(); }\nfunction f() {\n  save()${H};\n}`],
          [VOID, `/** @returns {Promise<void>} */\nfunction save() { return Promise.resolve(); }\nfunction f() {\n  void save();\n}`],
        ],
      },
    ],
  },
  {
    name: "TSX file",
    code: `${D}\nexport function Button() {\n  save();\n  return <button />;\n}`,
    fileName: "button.tsx",
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nexport function Button() {\n  save()${H};\n  return <button />;\n}`],
          [VOID, `${D}\nexport function Button() {\n  void save();\n  return <button />;\n}`],
        ],
      },
    ],
  },
  {
    name: "ASI hazard: a `;` guards the added parenthesis",
    code: `${D}\nfunction f() {\n  console.log("x")\n  c ? save() : save()\n}`,
    errors: [
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${D}\nfunction f() {\n  console.log("x")\n  ;(c ? save() : save())${H}\n}`],
          [VOID, `${D}\nfunction f() {\n  console.log("x")\n  void (c ? save() : save())\n}`],
        ],
      },
    ],
  },
  {
    name: "local promise dropped on an early return",
    code: `${D}\nasync function f() {\n  const p = save();\n  if (c) return;\n  await p;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, fixes: [], message: DROPPED("p", "the function returns") }],
  },
  {
    name: "local promise never used",
    code: `${D}\nfunction f() {\n  const p = save();\n  console.log("started");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("p", "the function ends") }],
  },
  {
    name: "local promise only tested as a condition",
    code: `${D}\nfunction f() {\n  const p = maybe();\n  if (p) console.log("pending");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("p", "the function ends") }],
  },
  {
    name: "local promise awaited on one branch only",
    code: `${D}\nasync function f() {\n  const p = save();\n  if (c) {\n    await p;\n  } else {\n    console.log("skipped");\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("p", "the function ends") }],
  },
  {
    name: "local promise in a loop body, dropped by continue",
    code: `${D}\nasync function f(xs: number[]) {\n  for (const x of xs) {\n    const p = save();\n    if (x > 1) continue;\n    await p;\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 11, message: DROPPED("p", "`continue` leaves the block") }],
  },
  {
    name: "flow: a return inside a loop, the local awaited after the loop",
    code: `${D}\nexport async function publish(topics: string[]) {\n  const ready = save();\n  for (const topic of topics) {\n    if (topic === "") return;\n    console.log(topic);\n  }\n  await ready;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("ready", "the function returns") }],
  },
  {
    name: "flow: a switch case that returns before the local is consumed (found since the shared flow analysis)",
    code: `${D}\nexport async function handle(kind: "a" | "b" | "c") {\n  const flushed = save();\n  switch (kind) {\n    case "a":\n      return;\n    default:\n      await flushed;\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [6], message: DROPPED("flushed", "the function returns") }],
  },
  {
    name: "flow: a return inside the loop before the loop's own await (found since the shared flow analysis)",
    code: `${D}\nexport async function publish(topics: string[]) {\n  const ready = save();\n  for (const topic of topics) {\n    if (topic === "") return;\n    await ready;\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("ready", "the function returns") }],
  },
  {
    name: "flow: a return in the catch of an earlier await drops the local",
    code: `${D}\ndeclare function other(): Promise<void>;\nexport async function f() {\n  const p = save();\n  try {\n    await other();\n  } catch {\n    return;\n  }\n  await p;\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, related: [8], message: DROPPED("p", "the function returns") }],
  },
  {
    name: "yield: a generator typed to receive promises drops the one the consumer sends",
    code: `export function* requests(): Generator<string, void, Promise<Response>> {\n  yield "/users";\n  yield "/orders";\n}`,
    errors: [
      {
        messageId: "floating",
        line: 2,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `export function* requests(): Generator<string, void, Promise<Response>> {\n  (yield "/users")${H};\n  yield "/orders";\n}`],
          [VOID, `export function* requests(): Generator<string, void, Promise<Response>> {\n  void (yield "/users");\n  yield "/orders";\n}`],
        ],
      },
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `export function* requests(): Generator<string, void, Promise<Response>> {\n  yield "/users";\n  (yield "/orders")${H};\n}`],
          [VOID, `export function* requests(): Generator<string, void, Promise<Response>> {\n  yield "/users";\n  void (yield "/orders");\n}`],
        ],
      },
    ],
  },
  {
    name: "yield*: the delegate's return value is a promise that is dropped",
    code: `declare const pages: Generator<number, Promise<void>, void>;\nexport function* all(): Generator<number, void, void> {\n  yield* pages;\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare const pages: Generator<number, Promise<void>, void>;\nexport function* all(): Generator<number, void, void> {\n  (yield* pages)${H};\n}`,
          ],
          [
            VOID,
            `declare const pages: Generator<number, Promise<void>, void>;\nexport function* all(): Generator<number, void, void> {\n  void (yield* pages);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "narrowing: the branch where the value is a promise drops it",
    code: `${SUB}\nexport function broadcast(subscriber: Subscriber) {\n  const result = subscriber.beforeInsert?.({ id: 1 });\n  if (result instanceof Promise) console.log("pending");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("result", "the function ends") }],
  },
  {
    name: "narrowing: returns where `then` is callable",
    code: `${SUB}\nexport async function broadcast(subscriber: Subscriber) {\n  const result = subscriber.afterLoad?.({ id: 1 });\n  if (typeof result?.then === "function") return;\n  await result;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [4], message: DROPPED("result", "the function returns") }],
  },
  {
    name: "self-handled: the catch rethrows",
    code: `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n    throw error;\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n    throw error;\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n    throw error;\n  }\n}\nexport function onRequest(payload: object) {\n  void sendMetrics(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled: an await before the try can reject",
    code: `${F}\nasync function sync(id: string) {\n  const record = await post("/load", { id });\n  try {\n    await post("/sync", { record });\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onChange(id: string) {\n  sync(id);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function sync(id: string) {\n  const record = await post("/load", { id });\n  try {\n    await post("/sync", { record });\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onChange(id: string) {\n  sync(id)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function sync(id: string) {\n  const record = await post("/load", { id });\n  try {\n    await post("/sync", { record });\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onChange(id: string) {\n  void sync(id);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled: a parameter default that can throw",
    code: `${F}\ndeclare function loadConfig(): object;\nasync function sendMetrics(payload: object = loadConfig()) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onRequest() {\n  sendMetrics();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\ndeclare function loadConfig(): object;\nasync function sendMetrics(payload: object = loadConfig()) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onRequest() {\n  sendMetrics()${H};\n}`,
          ],
          [
            VOID,
            `${F}\ndeclare function loadConfig(): object;\nasync function sendMetrics(payload: object = loadConfig()) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onRequest() {\n  void sendMetrics();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled: the catch emits 'error' on an EventEmitter, which throws without a listener",
    code: `import { EventEmitter } from "node:events";\n${F}\nexport class Uploader extends EventEmitter {\n  start(file: object) {\n    this.upload(file);\n  }\n  private async upload(file: object) {\n    try {\n      await post("/upload", file);\n    } catch (error) {\n      this.emit("error", error);\n    }\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 5,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import { EventEmitter } from "node:events";\n${F}\nexport class Uploader extends EventEmitter {\n  start(file: object) {\n    this.upload(file)${H};\n  }\n  private async upload(file: object) {\n    try {\n      await post("/upload", file);\n    } catch (error) {\n      this.emit("error", error);\n    }\n  }\n}`,
          ],
          [
            VOID,
            `import { EventEmitter } from "node:events";\n${F}\nexport class Uploader extends EventEmitter {\n  start(file: object) {\n    void this.upload(file);\n  }\n  private async upload(file: object) {\n    try {\n      await post("/upload", file);\n    } catch (error) {\n      this.emit("error", error);\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled: a retry that calls itself in the catch is not followed round the cycle",
    code: `${F}\nasync function deliver(payload: object): Promise<void> {\n  try {\n    await post("/deliver", payload);\n  } catch {\n    await deliver(payload);\n  }\n}\nexport function send(payload: object) {\n  deliver(payload);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function deliver(payload: object): Promise<void> {\n  try {\n    await post("/deliver", payload);\n  } catch {\n    await deliver(payload);\n  }\n}\nexport function send(payload: object) {\n  deliver(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function deliver(payload: object): Promise<void> {\n  try {\n    await post("/deliver", payload);\n  } catch {\n    await deliver(payload);\n  }\n}\nexport function send(payload: object) {\n  void deliver(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled: JSON.parse before the try can throw",
    code: `${F}\nasync function sync(raw: string) {\n  const body = JSON.parse(raw) as object;\n  try {\n    await post("/sync", body);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onMessage(raw: string) {\n  sync(raw);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function sync(raw: string) {\n  const body = JSON.parse(raw) as object;\n  try {\n    await post("/sync", body);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onMessage(raw: string) {\n  sync(raw)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function sync(raw: string) {\n  const body = JSON.parse(raw) as object;\n  try {\n    await post("/sync", body);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onMessage(raw: string) {\n  void sync(raw);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "executor resolvers: a local that also holds a library callback, called before the try, may throw",
    code: `${F}\ndeclare function report(error: unknown): void;\nexport function upload(body: object, size: number, quiet: boolean) {\n  return new Promise((resolve, reject) => {\n    let fail = reject;\n    if (quiet) fail = report;\n    const send = async () => {\n      if (size === 0) {\n        fail("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        fail(error);\n      }\n    };\n    send();\n  });\n}`,
    errors: [
      {
        messageId: "floating",
        line: 18,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\ndeclare function report(error: unknown): void;\nexport function upload(body: object, size: number, quiet: boolean) {\n  return new Promise((resolve, reject) => {\n    let fail = reject;\n    if (quiet) fail = report;\n    const send = async () => {\n      if (size === 0) {\n        fail("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        fail(error);\n      }\n    };\n    send()${H};\n  });\n}`,
          ],
          [
            VOID,
            `${F}\ndeclare function report(error: unknown): void;\nexport function upload(body: object, size: number, quiet: boolean) {\n  return new Promise((resolve, reject) => {\n    let fail = reject;\n    if (quiet) fail = report;\n    const send = async () => {\n      if (size === 0) {\n        fail("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        fail(error);\n      }\n    };\n    void send();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "executor resolvers: the parameters of another class's executor are not a promise's resolvers (called before the try)",
    code: `${F}\ndeclare class Job {\n  constructor(run: (resolve: (value: unknown) => void, reject: (error: unknown) => void) => void);\n}\nexport function upload(body: object, size: number) {\n  return new Job((resolve, reject) => {\n    const send = async () => {\n      if (size === 0) {\n        reject("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        reject(error);\n      }\n    };\n    send();\n  });\n}`,
    errors: [
      {
        messageId: "floating",
        line: 18,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\ndeclare class Job {\n  constructor(run: (resolve: (value: unknown) => void, reject: (error: unknown) => void) => void);\n}\nexport function upload(body: object, size: number) {\n  return new Job((resolve, reject) => {\n    const send = async () => {\n      if (size === 0) {\n        reject("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        reject(error);\n      }\n    };\n    send()${H};\n  });\n}`,
          ],
          [
            VOID,
            `${F}\ndeclare class Job {\n  constructor(run: (resolve: (value: unknown) => void, reject: (error: unknown) => void) => void);\n}\nexport function upload(body: object, size: number) {\n  return new Job((resolve, reject) => {\n    const send = async () => {\n      if (size === 0) {\n        reject("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        reject(error);\n      }\n    };\n    void send();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "error-handling code: the catch awaits a project function that can reject",
    code: `${F}\nasync function report(error: unknown) {\n  await post("/errors", { error });\n}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    await report(error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function report(error: unknown) {\n  await post("/errors", { error });\n}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    await report(error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function report(error: unknown) {\n  await post("/errors", { error });\n}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    await report(error);\n  }\n}\nexport function onRequest(payload: object) {\n  void sendMetrics(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "error-handling code: the catch calls a project helper that throws",
    code: `${F}\nclass NetworkError extends Error {}\nfunction ignoreNetworkErrors(error: unknown) {\n  if (!(error instanceof NetworkError)) throw error;\n  console.warn("network down", error);\n}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    ignoreNetworkErrors(error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 15,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nclass NetworkError extends Error {}\nfunction ignoreNetworkErrors(error: unknown) {\n  if (!(error instanceof NetworkError)) throw error;\n  console.warn("network down", error);\n}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    ignoreNetworkErrors(error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nclass NetworkError extends Error {}\nfunction ignoreNetworkErrors(error: unknown) {\n  if (!(error instanceof NetworkError)) throw error;\n  console.warn("network down", error);\n}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    ignoreNetworkErrors(error);\n  }\n}\nexport function onRequest(payload: object) {\n  void sendMetrics(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "error-handling code: the catch returns a library promise that can reject",
    code: `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch {\n    return post("/metrics/retry", payload);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch {\n    return post("/metrics/retry", payload);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch {\n    return post("/metrics/retry", payload);\n  }\n}\nexport function onRequest(payload: object) {\n  void sendMetrics(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "error-handling code: the finally block awaits a library call that can reject",
    code: `${F}\ndeclare const pool: { release(): Promise<void> };\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  } finally {\n    await pool.release();\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\ndeclare const pool: { release(): Promise<void> };\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  } finally {\n    await pool.release();\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\ndeclare const pool: { release(): Promise<void> };\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  } finally {\n    await pool.release();\n  }\n}\nexport function onRequest(payload: object) {\n  void sendMetrics(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "interface-typed members: an implementation typed through Init[\"x\"] that can reject is followed and reported",
    code: CHAT.replace("      try {\n        await post(\"/say\", { id: connection.id, room });\n      } catch (error) {\n        console.warn(error);\n      }", "      await post(\"/say\", { id: connection.id, room });"),
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\ninterface Connection { id: string; rooms: string[] }\nexport interface ChatRoomApi {\n  incomingMessage: ChatRoomInitializer["incomingMessage"];\n  incomingMessagePerConnection: ChatRoomInitializer["incomingMessagePerConnection"];\n}\nexport const api = { connections: [] as Connection[] } as { connections: Connection[]; chatRoom: ChatRoomApi };\nexport class ChatRoomInitializer {\n  incomingMessage = (room: string) => {\n    api.connections.forEach((connection) => {\n      // we can parallelize this, no need to await\n      api.chatRoom.incomingMessagePerConnection(connection, room)${H};\n    });\n  };\n  incomingMessagePerConnection = async (connection: Connection, room: string) => {\n    if (connection.rooms.indexOf(room) > -1) {\n      await post("/say", { id: connection.id, room });\n    }\n  };\n  initialize() {\n    api.chatRoom = { incomingMessage: this.incomingMessage, incomingMessagePerConnection: this.incomingMessagePerConnection };\n  }\n}`,
          ],
          [
            VOID,
            `${F}\ninterface Connection { id: string; rooms: string[] }\nexport interface ChatRoomApi {\n  incomingMessage: ChatRoomInitializer["incomingMessage"];\n  incomingMessagePerConnection: ChatRoomInitializer["incomingMessagePerConnection"];\n}\nexport const api = { connections: [] as Connection[] } as { connections: Connection[]; chatRoom: ChatRoomApi };\nexport class ChatRoomInitializer {\n  incomingMessage = (room: string) => {\n    api.connections.forEach((connection) => {\n      // we can parallelize this, no need to await\n      void api.chatRoom.incomingMessagePerConnection(connection, room);\n    });\n  };\n  incomingMessagePerConnection = async (connection: Connection, room: string) => {\n    if (connection.rooms.indexOf(room) > -1) {\n      await post("/say", { id: connection.id, room });\n    }\n  };\n  initialize() {\n    api.chatRoom = { incomingMessage: this.incomingMessage, incomingMessagePerConnection: this.incomingMessagePerConnection };\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "interface-typed members: a member with a written function type is not tied to any implementation",
    code: CHAT.replace("  incomingMessagePerConnection: ChatRoomInitializer[\"incomingMessagePerConnection\"];", "  incomingMessagePerConnection: (connection: Connection, room: string) => Promise<void>;"),
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\ninterface Connection { id: string; rooms: string[] }\nexport interface ChatRoomApi {\n  incomingMessage: ChatRoomInitializer["incomingMessage"];\n  incomingMessagePerConnection: (connection: Connection, room: string) => Promise<void>;\n}\nexport const api = { connections: [] as Connection[] } as { connections: Connection[]; chatRoom: ChatRoomApi };\nexport class ChatRoomInitializer {\n  incomingMessage = (room: string) => {\n    api.connections.forEach((connection) => {\n      // we can parallelize this, no need to await\n      api.chatRoom.incomingMessagePerConnection(connection, room)${H};\n    });\n  };\n  incomingMessagePerConnection = async (connection: Connection, room: string) => {\n    if (connection.rooms.indexOf(room) > -1) {\n      try {\n        await post("/say", { id: connection.id, room });\n      } catch (error) {\n        console.warn(error);\n      }\n    }\n  };\n  initialize() {\n    api.chatRoom = { incomingMessage: this.incomingMessage, incomingMessagePerConnection: this.incomingMessagePerConnection };\n  }\n}`,
          ],
          [
            VOID,
            `${F}\ninterface Connection { id: string; rooms: string[] }\nexport interface ChatRoomApi {\n  incomingMessage: ChatRoomInitializer["incomingMessage"];\n  incomingMessagePerConnection: (connection: Connection, room: string) => Promise<void>;\n}\nexport const api = { connections: [] as Connection[] } as { connections: Connection[]; chatRoom: ChatRoomApi };\nexport class ChatRoomInitializer {\n  incomingMessage = (room: string) => {\n    api.connections.forEach((connection) => {\n      // we can parallelize this, no need to await\n      void api.chatRoom.incomingMessagePerConnection(connection, room);\n    });\n  };\n  incomingMessagePerConnection = async (connection: Connection, room: string) => {\n    if (connection.rooms.indexOf(room) > -1) {\n      try {\n        await post("/say", { id: connection.id, room });\n      } catch (error) {\n        console.warn(error);\n      }\n    }\n  };\n  initialize() {\n    api.chatRoom = { incomingMessage: this.incomingMessage, incomingMessagePerConnection: this.incomingMessagePerConnection };\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled: reported anyway with checkSelfHandled",
    code: `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
    options: { checkSelfHandled: true },
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload)${H};\n}`,
          ],
          [
            VOID,
            `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n  }\n}\nexport function onRequest(payload: object) {\n  void sendMetrics(payload);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: called without the callback, the promise is dropped",
    code: `${REQ}\nexport function ping(options) {\n  request(options);\n}`,
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, `${REQ}\nexport function ping(options) {\n  Promise.resolve(request(options))${H};\n}`],
          [VOID, `${REQ}\nexport function ping(options) {\n  void request(options);\n}`],
        ],
      },
    ],
  },
  {
    name: "callback-style API: the promise does not depend on the callback",
    code: `function query(sql, callback) {\n  if (sql.length > 100) {\n    return new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow query")), 10));\n  }\n  callback(null, []);\n}\nexport function list() {\n  query("select 1", (error, rows) => console.log(error, rows));\n}`,
    fileName: "db.js",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `function query(sql, callback) {\n  if (sql.length > 100) {\n    return new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow query")), 10));\n  }\n  callback(null, []);\n}\nexport function list() {\n  Promise.resolve(query("select 1", (error, rows) => console.log(error, rows)))${H};\n}`,
          ],
          [
            VOID,
            `function query(sql, callback) {\n  if (sql.length > 100) {\n    return new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow query")), 10));\n  }\n  callback(null, []);\n}\nexport function list() {\n  void query("select 1", (error, rows) => console.log(error, rows));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "fix order: a dropped call in a non-async method that starts a polling loop: catch, then void",
    code: `${POLL}\n  start() {\n    this.run();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 5,
        message: FLOATING,
        fixes: [
          [CATCH, `${POLL}\n  start() {\n    this.run()${H};\n  }\n}`],
          [VOID, `${POLL}\n  start() {\n    void this.run();\n  }\n}`],
        ],
      },
    ],
  },
  {
    name: "fix order: no await for a call that starts a long-running loop, even in an async method",
    code: `${POLL}\n  async init() {\n    this.run();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 5,
        message: FLOATING,
        fixes: [
          [CATCH, `${POLL}\n  async init() {\n    this.run()${H};\n  }\n}`],
          [VOID, `${POLL}\n  async init() {\n    void this.run();\n  }\n}`],
        ],
      },
    ],
  },
  {
    name: "fix order: the loop is found through an awaited project call",
    code: `${POLL}\n  async serve() {\n    await this.run();\n  }\n  async init() {\n    this.serve();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 15,
        column: 5,
        message: FLOATING,
        fixes: [
          [CATCH, `${POLL}\n  async serve() {\n    await this.run();\n  }\n  async init() {\n    this.serve()${H};\n  }\n}`],
          [VOID, `${POLL}\n  async serve() {\n    await this.run();\n  }\n  async init() {\n    void this.serve();\n  }\n}`],
        ],
      },
    ],
  },
  {
    name: "fix order: an async IIFE with `while (true)` at the top level of an ES module: no top-level await",
    code: `${D}\n(async () => {\n  while (true) {\n    await save();\n  }\n})();\nexport {};`,
    fileName: "worker.mts",
    errors: [
      {
        messageId: "floatingIIFE",
        line: 2,
        column: 1,
        message: IIFE,
        fixes: [
          [CATCH, `${D}\n(async () => {\n  while (true) {\n    await save();\n  }\n})()${H};\nexport {};`],
          [VOID, `${D}\nvoid (async () => {\n  while (true) {\n    await save();\n  }\n})();\nexport {};`],
        ],
      },
    ],
  },
  {
    name: "fix order: a loop over data (not a flag) is not long-running: await stays first",
    code: `${D}\nasync function drain(queue: string[]) {\n  while (queue.length > 0) {\n    queue.pop();\n    await save();\n  }\n}\nasync function f(queue: string[]) {\n  drain(queue);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [AWAIT, `${D}\nasync function drain(queue: string[]) {\n  while (queue.length > 0) {\n    queue.pop();\n    await save();\n  }\n}\nasync function f(queue: string[]) {\n  await drain(queue);\n}`],
          [CATCH, `${D}\nasync function drain(queue: string[]) {\n  while (queue.length > 0) {\n    queue.pop();\n    await save();\n  }\n}\nasync function f(queue: string[]) {\n  drain(queue)${H};\n}`],
          [VOID, `${D}\nasync function drain(queue: string[]) {\n  while (queue.length > 0) {\n    queue.pop();\n    await save();\n  }\n}\nasync function f(queue: string[]) {\n  void drain(queue);\n}`],
        ],
      },
    ],
  },
  {
    name: "fix order: a worker's run() stores its main loop's promise and awaits it: no await offered",
    code: `${WORKER}\n  async resume() {\n    this.paused = false;\n    if (!this.running) this.run();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 25,
        column: 24,
        message: FLOATING,
        fixes: [
          [CATCH, `${WORKER}\n  async resume() {\n    this.paused = false;\n    if (!this.running) this.run()${H};\n  }\n}`],
          [VOID, `${WORKER}\n  async resume() {\n    this.paused = false;\n    if (!this.running) void this.run();\n  }\n}`],
        ],
      },
    ],
  },
  {
    name: "fix order: `void | Promise<T>` from an optional hook gets Promise.resolve(...).catch() before void",
    code: `${SUB}\nexport function notify(subscriber: Subscriber) {\n  subscriber.beforeInsert?.({});\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, `${SUB}\nexport function notify(subscriber: Subscriber) {\n  Promise.resolve(subscriber.beforeInsert?.({}))${H};\n}`],
          [VOID, `${SUB}\nexport function notify(subscriber: Subscriber) {\n  void subscriber.beforeInsert?.({});\n}`],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5: a validation throw in an async function without await escapes the caller's try (actionhero bin)",
    code: `declare function run(method: string): void;\nasync function handleMethod(method: string | undefined) {\n  if (!method) throw new Error("no method given");\n  run(method);\n}\nexport function main(method?: string) {\n  try {\n    handleMethod(method);\n  } catch (error) {\n    console.error(error);\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 5,
        message:
          "Promise is neither awaited nor handled. If it rejects, the error reaches no one (Node.js reports an unhandled rejection and exits), and the code after it does not wait for it to finish. Await it, return it, add a `.catch()` handler, or mark a deliberate fire-and-forget with `void`.",
        fixes: [
          [CATCH, `declare function run(method: string): void;\nasync function handleMethod(method: string | undefined) {\n  if (!method) throw new Error("no method given");\n  run(method);\n}\nexport function main(method?: string) {\n  try {\n    handleMethod(method)${H};\n  } catch (error) {\n    console.error(error);\n  }\n}`],
          [VOID, `declare function run(method: string): void;\nasync function handleMethod(method: string | undefined) {\n  if (!method) throw new Error("no method given");\n  run(method);\n}\nexport function main(method?: string) {\n  try {\n    void handleMethod(method);\n  } catch (error) {\n    console.error(error);\n  }\n}`],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5: one subclass's override awaits, so the abstract method's promise may reject later",
    code: `${SERVERS}\ndeclare function flush(connection: Connection): Promise<void>;\nexport class SocketServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    await flush(connection);\n    write(connection, message);\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `interface Connection { id: string; rawConnection: { headers: Record<string, string> } }\ndeclare function write(connection: Connection, text: string): void;\nexport abstract class Server {\n  abstract sendMessage(connection: Connection, message: string): Promise<void>;\n  respond(connection: Connection, response: object) {\n    this.sendMessage(connection, JSON.stringify(response))${H};\n  }\n}\nexport class WebServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    this.cleanHeaders(connection);\n    write(connection, String(message));\n  }\n  private cleanHeaders(connection: Connection): void {\n    connection.rawConnection.headers = {};\n  }\n  complete(connection: Connection, stringResponse: string) {\n    this.sendMessage(connection, stringResponse);\n  }\n}\ndeclare function flush(connection: Connection): Promise<void>;\nexport class SocketServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    await flush(connection);\n    write(connection, message);\n  }\n}`,
          ],
          [
            VOID,
            `interface Connection { id: string; rawConnection: { headers: Record<string, string> } }\ndeclare function write(connection: Connection, text: string): void;\nexport abstract class Server {\n  abstract sendMessage(connection: Connection, message: string): Promise<void>;\n  respond(connection: Connection, response: object) {\n    void this.sendMessage(connection, JSON.stringify(response));\n  }\n}\nexport class WebServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    this.cleanHeaders(connection);\n    write(connection, String(message));\n  }\n  private cleanHeaders(connection: Connection): void {\n    connection.rawConnection.headers = {};\n  }\n  complete(connection: Connection, stringResponse: string) {\n    this.sendMessage(connection, stringResponse);\n  }\n}\ndeclare function flush(connection: Connection): Promise<void>;\nexport class SocketServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    await flush(connection);\n    write(connection, message);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5: an interface member is not followed (object literals anywhere may implement it)",
    code: `interface Sender { send(message: string): Promise<void> }\nexport class Relay implements Sender {\n  async send(message: string) {\n    console.log(message);\n  }\n}\nexport function relay(sender: Sender) {\n  sender.send("hello");\n}`,
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `interface Sender { send(message: string): Promise<void> }\nexport class Relay implements Sender {\n  async send(message: string) {\n    console.log(message);\n  }\n}\nexport function relay(sender: Sender) {\n  sender.send("hello")${H};\n}`,
          ],
          [
            VOID,
            `interface Sender { send(message: string): Promise<void> }\nexport class Relay implements Sender {\n  async send(message: string) {\n    console.log(message);\n  }\n}\nexport function relay(sender: Sender) {\n  void sender.send("hello");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5: reported anyway with checkSelfHandled",
    code: SERVERS,
    options: { checkSelfHandled: true },
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `interface Connection { id: string; rawConnection: { headers: Record<string, string> } }\ndeclare function write(connection: Connection, text: string): void;\nexport abstract class Server {\n  abstract sendMessage(connection: Connection, message: string): Promise<void>;\n  respond(connection: Connection, response: object) {\n    this.sendMessage(connection, JSON.stringify(response))${H};\n  }\n}\nexport class WebServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    this.cleanHeaders(connection);\n    write(connection, String(message));\n  }\n  private cleanHeaders(connection: Connection): void {\n    connection.rawConnection.headers = {};\n  }\n  complete(connection: Connection, stringResponse: string) {\n    this.sendMessage(connection, stringResponse);\n  }\n}`,
          ],
          [
            VOID,
            `interface Connection { id: string; rawConnection: { headers: Record<string, string> } }\ndeclare function write(connection: Connection, text: string): void;\nexport abstract class Server {\n  abstract sendMessage(connection: Connection, message: string): Promise<void>;\n  respond(connection: Connection, response: object) {\n    void this.sendMessage(connection, JSON.stringify(response));\n  }\n}\nexport class WebServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    this.cleanHeaders(connection);\n    write(connection, String(message));\n  }\n  private cleanHeaders(connection: Connection): void {\n    connection.rawConnection.headers = {};\n  }\n  complete(connection: Connection, stringResponse: string) {\n    this.sendMessage(connection, stringResponse);\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 18,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `interface Connection { id: string; rawConnection: { headers: Record<string, string> } }\ndeclare function write(connection: Connection, text: string): void;\nexport abstract class Server {\n  abstract sendMessage(connection: Connection, message: string): Promise<void>;\n  respond(connection: Connection, response: object) {\n    this.sendMessage(connection, JSON.stringify(response));\n  }\n}\nexport class WebServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    this.cleanHeaders(connection);\n    write(connection, String(message));\n  }\n  private cleanHeaders(connection: Connection): void {\n    connection.rawConnection.headers = {};\n  }\n  complete(connection: Connection, stringResponse: string) {\n    this.sendMessage(connection, stringResponse)${H};\n  }\n}`,
          ],
          [
            VOID,
            `interface Connection { id: string; rawConnection: { headers: Record<string, string> } }\ndeclare function write(connection: Connection, text: string): void;\nexport abstract class Server {\n  abstract sendMessage(connection: Connection, message: string): Promise<void>;\n  respond(connection: Connection, response: object) {\n    this.sendMessage(connection, JSON.stringify(response));\n  }\n}\nexport class WebServer extends Server {\n  async sendMessage(connection: Connection, message: string) {\n    this.cleanHeaders(connection);\n    write(connection, String(message));\n  }\n  private cleanHeaders(connection: Connection): void {\n    connection.rawConnection.headers = {};\n  }\n  complete(connection: Connection, stringResponse: string) {\n    void this.sendMessage(connection, stringResponse);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5b: the function assigned to the placeholder on instances awaits",
    code: CONNECTIONS.replace("    connection.sendMessage = async (message) => {\n", "    connection.sendMessage = async (message) => {\n      await flush(connection);\n").replace("declare function write", "declare function flush(connection: Connection): Promise<void>; declare function write") + `\nexport function greet(connection: Connection) {\n  connection.sendMessage({ welcome: "Hello" });\n}`,
    errors: [
      {
        messageId: "floating",
        line: 25,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function flush(connection: Connection): Promise<void>; declare function write(connection: Connection, text: string): void;\nexport class Connection {\n  params: Record<string, string> = {};\n  constructor(readonly id: string) {}\n  /** Send a message to this connection; the server that builds it sets this. */\n  async sendMessage(message: string | object, verb?: string): Promise<void> {\n    throw new Error("not implemented");\n  }\n}\nexport class Server {\n  welcome = true;\n  sendMessage(connection: Connection, message: string | object): void {\n    write(connection, typeof message === "string" ? message : JSON.stringify(message));\n  }\n  async buildConnection(id: string) {\n    const connection = new Connection(id);\n    connection.sendMessage = async (message) => {\n      await flush(connection);\n      this.sendMessage(connection, message);\n    };\n    return connection;\n  }\n}\nexport function greet(connection: Connection) {\n  connection.sendMessage({ welcome: "Hello" })${H};\n}`,
          ],
          [
            VOID,
            `declare function flush(connection: Connection): Promise<void>; declare function write(connection: Connection, text: string): void;\nexport class Connection {\n  params: Record<string, string> = {};\n  constructor(readonly id: string) {}\n  /** Send a message to this connection; the server that builds it sets this. */\n  async sendMessage(message: string | object, verb?: string): Promise<void> {\n    throw new Error("not implemented");\n  }\n}\nexport class Server {\n  welcome = true;\n  sendMessage(connection: Connection, message: string | object): void {\n    write(connection, typeof message === "string" ? message : JSON.stringify(message));\n  }\n  async buildConnection(id: string) {\n    const connection = new Connection(id);\n    connection.sendMessage = async (message) => {\n      await flush(connection);\n      this.sendMessage(connection, message);\n    };\n    return connection;\n  }\n}\nexport function greet(connection: Connection) {\n  void connection.sendMessage({ welcome: "Hello" });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5b: a placeholder that only throws, with nothing assigning or overriding it, rejects",
    code: `export class Connection {\n  async sendFile(path: string): Promise<void> {\n    throw new Error("not implemented");\n  }\n}\nexport function download(connection: Connection) {\n  connection.sendFile("/report.csv");\n}`,
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export class Connection {\n  async sendFile(path: string): Promise<void> {\n    throw new Error("not implemented");\n  }\n}\nexport function download(connection: Connection) {\n  connection.sendFile("/report.csv")${H};\n}`,
          ],
          [
            VOID,
            `export class Connection {\n  async sendFile(path: string): Promise<void> {\n    throw new Error("not implemented");\n  }\n}\nexport function download(connection: Connection) {\n  void connection.sendFile("/report.csv");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5b: an instance assignment of something other than a function expression is not followed",
    code: `${CONNECTIONS}\ndeclare const transport: { send(message: string | object): Promise<void> };\nexport function attach(connection: Connection) {\n  connection.sendMessage = transport.send;\n  connection.sendMessage("attached");\n}`,
    errors: [
      {
        messageId: "floating",
        line: 26,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `${CONNECTIONS}\ndeclare const transport: { send(message: string | object): Promise<void> };\nexport function attach(connection: Connection) {\n  connection.sendMessage = transport.send;\n  connection.sendMessage("attached")${H};\n}`,
          ],
          [
            VOID,
            `${CONNECTIONS}\ndeclare const transport: { send(message: string | object): Promise<void> };\nexport function attach(connection: Connection) {\n  connection.sendMessage = transport.send;\n  void connection.sendMessage("attached");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5b: a subclass override that only throws \"not supported\" over a working base method rejects (not a placeholder)",
    code: `declare function kill(id: number): void;\nexport class Client {\n  async cancelQuery(id: number): Promise<void> {\n    kill(id);\n  }\n}\nexport class SqliteClient extends Client {\n  async cancelQuery(id: number): Promise<void> {\n    throw new Error("Query cancelling not supported for this dialect");\n  }\n}\nexport function onTimeout(client: Client, id: number) {\n  client.cancelQuery(id);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function kill(id: number): void;\nexport class Client {\n  async cancelQuery(id: number): Promise<void> {\n    kill(id);\n  }\n}\nexport class SqliteClient extends Client {\n  async cancelQuery(id: number): Promise<void> {\n    throw new Error("Query cancelling not supported for this dialect");\n  }\n}\nexport function onTimeout(client: Client, id: number) {\n  client.cancelQuery(id)${H};\n}`,
          ],
          [
            VOID,
            `declare function kill(id: number): void;\nexport class Client {\n  async cancelQuery(id: number): Promise<void> {\n    kill(id);\n  }\n}\nexport class SqliteClient extends Client {\n  async cancelQuery(id: number): Promise<void> {\n    throw new Error("Query cancelling not supported for this dialect");\n  }\n}\nexport function onTimeout(client: Client, id: number) {\n  void client.cancelQuery(id);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-suspending callees, N5b: a method that never suspends, replaced on one instance by a function that awaits",
    code: `declare function save(line: string): Promise<void>;\nexport class Reporter {\n  lines: string[] = [];\n  async report(line: string): Promise<void> {\n    this.lines.push(JSON.stringify({ line }));\n  }\n}\nexport function persistent(reporter: Reporter) {\n  reporter.report = async (line) => {\n    await save(line);\n  };\n  reporter.report("persisting");\n}`,
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function save(line: string): Promise<void>;\nexport class Reporter {\n  lines: string[] = [];\n  async report(line: string): Promise<void> {\n    this.lines.push(JSON.stringify({ line }));\n  }\n}\nexport function persistent(reporter: Reporter) {\n  reporter.report = async (line) => {\n    await save(line);\n  };\n  reporter.report("persisting")${H};\n}`,
          ],
          [
            VOID,
            `declare function save(line: string): Promise<void>;\nexport class Reporter {\n  lines: string[] = [];\n  async report(line: string): Promise<void> {\n    this.lines.push(JSON.stringify({ line }));\n  }\n}\nexport function persistent(reporter: Reporter) {\n  reporter.report = async (line) => {\n    await save(line);\n  };\n  void reporter.report("persisting");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting library promises: a project class's own terminate() is not Node's Worker#terminate",
    code: `declare function drain(): Promise<number>;\nexport class Pool {\n  terminate(): Promise<number> {\n    return drain();\n  }\n}\nexport function close(pool: Pool) {\n  pool.terminate();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function drain(): Promise<number>;\nexport class Pool {\n  terminate(): Promise<number> {\n    return drain();\n  }\n}\nexport function close(pool: Pool) {\n  pool.terminate()${H};\n}`,
          ],
          [
            VOID,
            `declare function drain(): Promise<number>;\nexport class Pool {\n  terminate(): Promise<number> {\n    return drain();\n  }\n}\nexport function close(pool: Pool) {\n  void pool.terminate();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting library promises: another Worker method is not in the catalogue",
    code: `import { Worker } from "node:worker_threads";\nexport function snapshot(worker: Worker) {\n  worker.getHeapSnapshot();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `import { Worker } from "node:worker_threads";\nexport function snapshot(worker: Worker) {\n  worker.getHeapSnapshot()${H};\n}`],
          [VOID, `import { Worker } from "node:worker_threads";\nexport function snapshot(worker: Worker) {\n  void worker.getHeapSnapshot();\n}`],
        ],
      },
    ],
  },
  {
    name: "never-rejecting library promises: a then callback that can throw rejects the chain",
    code: `import { Worker } from "node:worker_threads";\nexport function stop(worker: Worker, expected: string) {\n  worker.terminate().then((code) => JSON.parse(expected) === code);\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 3,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `import { Worker } from "node:worker_threads";\nexport function stop(worker: Worker, expected: string) {\n  worker.terminate().then((code) => JSON.parse(expected) === code)${H};\n}`,
          ],
          [
            VOID,
            `import { Worker } from "node:worker_threads";\nexport function stop(worker: Worker, expected: string) {\n  void worker.terminate().then((code) => JSON.parse(expected) === code);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3c: then(cb) whose cb calls subscribed listeners: one that throws rejects the chain (axios CancelToken, reported on purpose)",
    code: `${LISTENERS}\n    this.promise.then((cancel) => {\n      if (!token.listeners) return;\n      let i = token.listeners.length;\n      while (i-- > 0) {\n        token.listeners[i](cancel);\n      }\n      token.listeners = null;\n    });\n  }\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 11,
        column: 5,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `${LISTENERS}\n    this.promise.then((cancel) => {\n      if (!token.listeners) return;\n      let i = token.listeners.length;\n      while (i-- > 0) {\n        token.listeners[i](cancel);\n      }\n      token.listeners = null;\n    })${H};\n  }\n}`,
          ],
          [
            VOID,
            `${LISTENERS}\n    void this.promise.then((cancel) => {\n      if (!token.listeners) return;\n      let i = token.listeners.length;\n      while (i-- > 0) {\n        token.listeners[i](cancel);\n      }\n      token.listeners = null;\n    });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3: an executor that takes reject may reject",
    code: `export function later(ms: number) {\n  const done = new Promise<void>((resolve, reject) => {\n    setTimeout(ms > 0 ? resolve : () => reject(new Error("negative delay")), ms);\n  });\n  done.then(() => console.log("done"));\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 5,
        column: 3,
        message:
          "`.then()` without a rejection handler returns a new promise that no one handles: a rejection of the original promise or of the callback goes unhandled. Add a `.catch()` handler, pass a rejection handler as the second argument, or await the chain.",
        fixes: [
          [CATCH, `export function later(ms: number) {\n  const done = new Promise<void>((resolve, reject) => {\n    setTimeout(ms > 0 ? resolve : () => reject(new Error("negative delay")), ms);\n  });\n  done.then(() => console.log("done"))${H};\n}`],
          [VOID, `export function later(ms: number) {\n  const done = new Promise<void>((resolve, reject) => {\n    setTimeout(ms > 0 ? resolve : () => reject(new Error("negative delay")), ms);\n  });\n  void done.then(() => console.log("done"));\n}`],
        ],
      },
    ],
  },
  {
    name: "deliberate rejection: a user's own `Promise` class is not the global one",
    code: `class Promise<T> {\n  static reject(reason: unknown): globalThis.Promise<never> {\n    return globalThis.Promise.reject(reason);\n  }\n  constructor(readonly value: T) {}\n}\nexport function fail(error: Error) {\n  Promise.reject(error);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `class Promise<T> {\n  static reject(reason: unknown): globalThis.Promise<never> {\n    return globalThis.Promise.reject(reason);\n  }\n  constructor(readonly value: T) {}\n}\nexport function fail(error: Error) {\n  Promise.reject(error)${H};\n}`,
          ],
          [
            VOID,
            `class Promise<T> {\n  static reject(reason: unknown): globalThis.Promise<never> {\n    return globalThis.Promise.reject(reason);\n  }\n  constructor(readonly value: T) {}\n}\nexport function fail(error: Error) {\n  void Promise.reject(error);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deliberate rejection: only the bare statement; a chain on it drops a new promise",
    code: `declare function cleanup(): void;\nexport function fail(error: Error) {\n  Promise.reject(error).finally(cleanup);\n}`,
    errors: [
      {
        messageId: "finallyWithoutHandler",
        line: 3,
        column: 3,
        message: FINALLY_WITHOUT_HANDLER,
        fixes: [
          [CATCH, `declare function cleanup(): void;\nexport function fail(error: Error) {\n  Promise.reject(error).finally(cleanup)${H};\n}`],
          [VOID, `declare function cleanup(): void;\nexport function fail(error: Error) {\n  void Promise.reject(error).finally(cleanup);\n}`],
        ],
      },
    ],
  },
  {
    name: "void-marked local: with ignoreVoid off, `void` marks nothing and the other path still drops it",
    code: PUP,
    options: { ignoreVoid: false },
    errors: [
      {
        messageId: "localDropped",
        line: 5,
        column: 11,
        related: [9],
        message: DROPPED("done", "the function ends"),
      },
      {
        messageId: "floatingVoid",
        line: 7,
        column: 7,
        message: VOIDED,
        fixes: [
          [
            CATCH,
            `declare class HTTPRequest { finalizeInterceptions(): Promise<void>; }\nexport class NetworkManager {\n  #emitLoadingFailed(event: object): void { console.log(event); }\n  onLoadingFailed(request: HTTPRequest, event: object, loadingFailed: boolean) {\n    const done = request.finalizeInterceptions();\n    if (loadingFailed) {\n      void done.finally(() => this.#emitLoadingFailed(event))${H};\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "void-marked local: a `void` on another promise does not mark this one",
    code: `${D}\nasync function f() {\n  const p = save();\n  void save();\n  if (c) return;\n  await p;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("p", "the function returns") }],
  },
  {
    name: "entry script: the same call inside a function is not the script's last act",
    code: `${ENTRY}\nexport function restart() {\n  main();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `${ENTRY}\nexport function restart() {\n  main()${H};\n}`],
          [VOID, `${ENTRY}\nexport function restart() {\n  void main();\n}`],
        ],
      },
    ],
  },
  {
    name: "entry script: without a shebang the file is a module others may import",
    code: `${ENTRY.replace("#!/usr/bin/env node", "// start the app")}\nmain();`,
    fileName: "server.cts",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 1,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `// start the app\ndeclare class Process { registerProcessSignals(): void; start(): Promise<void>; }\n\nasync function main() {\n  const app = new Process();\n  app.registerProcessSignals();\n  await app.start();\n}\nmain()${H};`,
          ],
          [
            VOID,
            `// start the app\ndeclare class Process { registerProcessSignals(): void; start(): Promise<void>; }\n\nasync function main() {\n  const app = new Process();\n  app.registerProcessSignals();\n  await app.start();\n}\nvoid main();`,
          ],
        ],
      },
    ],
  },
  {
    name: "entry script: a top-level call that code after it does not wait for (ES module: top-level await offered)",
    code: `${ENTRY}\ndeclare function migrate(): Promise<void>;\nmigrate();\nmain();`,
    fileName: "server.mts",
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 1,
        message: FLOATING,
        fixes: [
          [AWAIT, `${ENTRY}\ndeclare function migrate(): Promise<void>;\nawait migrate();\nmain();`],
          [CATCH, `${ENTRY}\ndeclare function migrate(): Promise<void>;\nmigrate()${H};\nmain();`],
          [VOID, `${ENTRY}\ndeclare function migrate(): Promise<void>;\nvoid migrate();\nmain();`],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3: a then callback that can throw rejects the chain",
    code: `export function readLater(text: string) {\n  const ready = new Promise<string>((resolve) => setTimeout(() => resolve(text), 10));\n  ready.then((raw) => JSON.parse(raw) as object);\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 3,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `export function readLater(text: string) {\n  const ready = new Promise<string>((resolve) => setTimeout(() => resolve(text), 10));\n  ready.then((raw) => JSON.parse(raw) as object)${H};\n}`,
          ],
          [
            VOID,
            `export function readLater(text: string) {\n  const ready = new Promise<string>((resolve) => setTimeout(() => resolve(text), 10));\n  void ready.then((raw) => JSON.parse(raw) as object);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3: a field also assigned from a call that may reject",
    code: `${D}\nexport class Loader {\n  private ready = new Promise<void>((resolve) => setImmediate(resolve));\n  reset() {\n    this.ready = save();\n  }\n  start() {\n    this.ready.then(() => console.log("ready"));\n  }\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 8,
        column: 5,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `${D}\nexport class Loader {\n  private ready = new Promise<void>((resolve) => setImmediate(resolve));\n  reset() {\n    this.ready = save();\n  }\n  start() {\n    this.ready.then(() => console.log("ready"))${H};\n  }\n}`,
          ],
          [
            VOID,
            `${D}\nexport class Loader {\n  private ready = new Promise<void>((resolve) => setImmediate(resolve));\n  reset() {\n    this.ready = save();\n  }\n  start() {\n    void this.ready.then(() => console.log("ready"));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3: resolve given a promise adopts its rejection",
    code: `${D}\nexport function start() {\n  const saved = new Promise<void>((resolve) => resolve(save()));\n  saved.then(() => console.log("saved"));\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 4,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `${D}\nexport function start() {\n  const saved = new Promise<void>((resolve) => resolve(save()));\n  saved.then(() => console.log("saved"))${H};\n}`,
          ],
          [
            VOID,
            `${D}\nexport function start() {\n  const saved = new Promise<void>((resolve) => resolve(save()));\n  void saved.then(() => console.log("saved"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3: a subclass assigns the field from a call that may reject",
    code: `${CANCEL_TOKEN}\ndeclare function fetchReason(): Promise<Cancel>;\nexport class RemoteToken extends CancelToken {\n  refresh() {\n    this.promise = fetchReason();\n  }\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 12,
        column: 5,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `export class Cancel {\n  constructor(readonly message: string) {}\n}\nexport class CancelToken {\n  promise: Promise<Cancel>;\n  reason: Cancel | undefined;\n  constructor(executor: (cancel: (message: string) => void) => void) {\n    let resolvePromise: ((value: Cancel) => void) | undefined;\n    this.promise = new Promise<Cancel>(function promiseExecutor(resolve) {\n      resolvePromise = resolve;\n    });\n    this.promise.then((cancel) => {\n      this.reason = cancel;\n    })${H};\n    executor((message) => {\n      if (this.reason) return;\n      this.reason = new Cancel(message);\n      resolvePromise?.(this.reason);\n    });\n  }\n}\ndeclare function fetchReason(): Promise<Cancel>;\nexport class RemoteToken extends CancelToken {\n  refresh() {\n    this.promise = fetchReason();\n  }\n}`,
          ],
          [
            VOID,
            `export class Cancel {\n  constructor(readonly message: string) {}\n}\nexport class CancelToken {\n  promise: Promise<Cancel>;\n  reason: Cancel | undefined;\n  constructor(executor: (cancel: (message: string) => void) => void) {\n    let resolvePromise: ((value: Cancel) => void) | undefined;\n    this.promise = new Promise<Cancel>(function promiseExecutor(resolve) {\n      resolvePromise = resolve;\n    });\n    void this.promise.then((cancel) => {\n      this.reason = cancel;\n    });\n    executor((message) => {\n      if (this.reason) return;\n      this.reason = new Cancel(message);\n      resolvePromise?.(this.reason);\n    });\n  }\n}\ndeclare function fetchReason(): Promise<Cancel>;\nexport class RemoteToken extends CancelToken {\n  refresh() {\n    this.promise = fetchReason();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "never-rejecting promises, N3: reported anyway with checkSelfHandled (axios)",
    code: CANCEL_TOKEN,
    options: { checkSelfHandled: true },
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 12,
        column: 5,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `export class Cancel {\n  constructor(readonly message: string) {}\n}\nexport class CancelToken {\n  promise: Promise<Cancel>;\n  reason: Cancel | undefined;\n  constructor(executor: (cancel: (message: string) => void) => void) {\n    let resolvePromise: ((value: Cancel) => void) | undefined;\n    this.promise = new Promise<Cancel>(function promiseExecutor(resolve) {\n      resolvePromise = resolve;\n    });\n    this.promise.then((cancel) => {\n      this.reason = cancel;\n    })${H};\n    executor((message) => {\n      if (this.reason) return;\n      this.reason = new Cancel(message);\n      resolvePromise?.(this.reason);\n    });\n  }\n}`,
          ],
          [
            VOID,
            `export class Cancel {\n  constructor(readonly message: string) {}\n}\nexport class CancelToken {\n  promise: Promise<Cancel>;\n  reason: Cancel | undefined;\n  constructor(executor: (cancel: (message: string) => void) => void) {\n    let resolvePromise: ((value: Cancel) => void) | undefined;\n    this.promise = new Promise<Cancel>(function promiseExecutor(resolve) {\n      resolvePromise = resolve;\n    });\n    void this.promise.then((cancel) => {\n      this.reason = cancel;\n    });\n    executor((message) => {\n      if (this.reason) return;\n      this.reason = new Cancel(message);\n      resolvePromise?.(this.reason);\n    });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "entry script: `.catch()` given a non-function is still a mistake",
    code: `${ENTRY}\ndeclare const logger: { error: string };\nmain().catch(logger.error);`,
    errors: [
      {
        messageId: "catchNonFunction",
        line: 10,
        column: 1,
        message: CATCH_NON_FUNCTION(".catch()", "undefined"),
        fixes: [
          [CATCH, `${ENTRY}\ndeclare const logger: { error: string };\nmain().catch(logger.error)${H};`],
          [VOID, `${ENTRY}\ndeclare const logger: { error: string };\nvoid main().catch(logger.error);`],
        ],
      },
    ],
  },
  // Issue 11, item 1: arrays of promises reached through type parameters and optional chains.
  {
    name: "array of promises typed by a type parameter's constraint",
    code: `async function flush<T extends Promise<number>[]>(writes: T) {\n  writes;\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 2,
        column: 3,
        message: ARRAY,
        fixes: [
          [ALL, `async function flush<T extends Promise<number>[]>(writes: T) {\n  await Promise.all(writes);\n}`],
          [VOID, `async function flush<T extends Promise<number>[]>(writes: T) {\n  void writes;\n}`],
        ],
      },
    ],
  },
  {
    name: "array of promises behind an optional element access of nested arrays",
    code: `declare const batches: Promise<void>[][] | undefined;\nasync function f() {\n  batches?.[0];\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [ALL, `declare const batches: Promise<void>[][] | undefined;\nasync function f() {\n  await Promise.all(batches?.[0] ?? []);\n}`],
          [VOID, `declare const batches: Promise<void>[][] | undefined;\nasync function f() {\n  void batches?.[0];\n}`],
        ],
      },
    ],
  },
  {
    name: "type parameter constrained to an optional array of promises",
    code: `function f<T extends Promise<void>[] | undefined>(jobs: T) {\n  jobs;\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 2,
        column: 3,
        message: ARRAY,
        fixes: [
          [VOID, `function f<T extends Promise<void>[] | undefined>(jobs: T) {\n  void jobs;\n}`],
        ],
      },
    ],
  },
  {
    name: "array of promises read through an optional property chain",
    code: `declare const queue: { pending?: Promise<void>[] } | undefined;\nfunction f() {\n  queue?.pending;\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [VOID, `declare const queue: { pending?: Promise<void>[] } | undefined;\nfunction f() {\n  void queue?.pending;\n}`],
        ],
      },
    ],
  },
  // Issue 11, item 2: an awaited value that is itself an array of promises.
  {
    name: "awaited value that is an array of promises, as a statement",
    code: `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  await listJobs();\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [ALL, `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  await Promise.all(await listJobs());\n}`],
          [VOID, `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  void await listJobs();\n}`],
        ],
      },
    ],
  },
  {
    name: "awaited value that is a tuple of promises",
    code: `declare function startBoth(): Promise<[Promise<void>, Promise<void>]>;\nasync function f() {\n  await startBoth();\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [ALL, `declare function startBoth(): Promise<[Promise<void>, Promise<void>]>;\nasync function f() {\n  await Promise.all(await startBoth());\n}`],
          [VOID, `declare function startBoth(): Promise<[Promise<void>, Promise<void>]>;\nasync function f() {\n  void await startBoth();\n}`],
        ],
      },
    ],
  },
  // Issue 11, item 3: a spread argument shifts the handler positions of `.then()` and `.catch()`.
  {
    name: "then(...steps, onRejected): the spread may shift the rejection handler into the fulfilment position",
    code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  fetchPage().then(...render, (error) => console.error(error));\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 3,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [CATCH, `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  fetchPage().then(...render, (error) => console.error(error))${H};\n}`],
          [VOID, `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  void fetchPage().then(...render, (error) => console.error(error));\n}`],
        ],
      },
    ],
  },
  {
    name: "then(onFulfilled, ...handlers): the rejection handler comes from a spread",
    code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\ndeclare const onError: [(error: unknown) => void];\nfunction show() {\n  fetchPage().then((html) => console.log(html), ...onError);\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 4,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\ndeclare const onError: [(error: unknown) => void];\nfunction show() {\n  fetchPage().then((html) => console.log(html), ...onError)${H};\n}`,
          ],
          [
            VOID,
            `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\ndeclare const onError: [(error: unknown) => void];\nfunction show() {\n  void fetchPage().then((html) => console.log(html), ...onError);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "catch(...handlers): the handler comes from a spread (not reported as a non-function)",
    code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\ndeclare const onError: [(error: unknown) => void];\nfunction show() {\n  fetchPage().catch(...onError);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\ndeclare const onError: [(error: unknown) => void];\nfunction show() {\n  fetchPage().catch(...onError)${H};\n}`,
          ],
          [
            VOID,
            `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\ndeclare const onError: [(error: unknown) => void];\nfunction show() {\n  void fetchPage().catch(...onError);\n}`,
          ],
        ],
      },
    ],
  },
  // Issue 11, item 4: a rejection handler whose type may not be callable does not handle.
  {
    name: "catch given a handler typed string | function",
    code: `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  connect().catch(onError);\n}`,
    errors: [
      {
        messageId: "catchNonFunction",
        line: 4,
        column: 3,
        message: CATCH_NON_FUNCTION(".catch()", "undefined"),
        fixes: [
          [
            CATCH,
            `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  connect().catch(onError)${H};\n}`,
          ],
          [
            VOID,
            `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  void connect().catch(onError);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "then given a rejection handler typed string | function",
    code: `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  connect().then(() => console.log("up"), onError);\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 4,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  connect().then(() => console.log("up"), onError)${H};\n}`,
          ],
          [
            VOID,
            `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  void connect().then(() => console.log("up"), onError);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "catch given an optional callback from options, which may be undefined",
    code: `declare function connect(): Promise<void>;\ninterface Options { onError?: (error: unknown) => void }\nexport function start(options: Options) {\n  connect().catch(options.onError);\n}`,
    errors: [
      {
        messageId: "catchNonFunction",
        line: 4,
        column: 3,
        message: CATCH_NON_FUNCTION(".catch()", "undefined"),
        fixes: [
          [
            CATCH,
            `declare function connect(): Promise<void>;\ninterface Options { onError?: (error: unknown) => void }\nexport function start(options: Options) {\n  connect().catch(options.onError)${H};\n}`,
          ],
          [
            VOID,
            `declare function connect(): Promise<void>;\ninterface Options { onError?: (error: unknown) => void }\nexport function start(options: Options) {\n  void connect().catch(options.onError);\n}`,
          ],
        ],
      },
    ],
  },
  // mutation cases, report lines 1000-1179
  {
    name: "callback-style API, argument shuffle (mysql): `conn.query(sql)` and `conn.query(sql, values)` pass no callback, the promise floats",
    ts7: { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so the method and its promise are unknown there", errors: [] },
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.query = function query(sql, values, cb) {",
      '  if (typeof values === "function") {',
      "    cb = values;",
      "    values = undefined;",
      "  }",
      "  if (!cb) {",
      "    return new Promise((resolve, reject) => {",
      "      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));",
      "    });",
      "  }",
      "  setImmediate(() => cb(null, [sql, values]));",
      "};",
      "/** @param {Connection} connection */",
      "export function cleanUp(connection, id) {",
      '  connection.query("DELETE FROM sessions WHERE expired = 1");',
      '  connection.query("DELETE FROM tokens WHERE user_id = ?", [id]);',
      "}",
    ].join("\n"),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 18,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (typeof values === "function") {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function cleanUp(connection, id) {\n  Promise.resolve(connection.query("DELETE FROM sessions WHERE expired = 1"))${H};\n  connection.query("DELETE FROM tokens WHERE user_id = ?", [id]);\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (typeof values === "function") {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function cleanUp(connection, id) {\n  void connection.query("DELETE FROM sessions WHERE expired = 1");\n  connection.query("DELETE FROM tokens WHERE user_id = ?", [id]);\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 19,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (typeof values === "function") {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function cleanUp(connection, id) {\n  connection.query("DELETE FROM sessions WHERE expired = 1");\n  Promise.resolve(connection.query("DELETE FROM tokens WHERE user_id = ?", [id]))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (typeof values === "function") {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function cleanUp(connection, id) {\n  connection.query("DELETE FROM sessions WHERE expired = 1");\n  void connection.query("DELETE FROM tokens WHERE user_id = ?", [id]);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API, a write to the tested callback that is no shuffle (`if (options.promise) callback = undefined`) is not followed: the call stays reported",
    code: GET_WRITES_CALLBACK,
    fileName: "http.js",
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, GET_WRITES_CALLBACK.replace("  get({", "  Promise.resolve(get({").replace("status));\n}", `status)))${H};\n}`)],
          [VOID, GET_WRITES_CALLBACK.replace("  get({", "  void get({")],
        ],
      },
    ],
  },
  {
    name: "callback-style API, a shuffle decided by `arguments.length` is not followed: the call stays reported",
    ts7: { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so the method and its promise are unknown there", errors: [] },
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.query = function query(sql, values, cb) {",
      "  if (arguments.length === 2) {",
      "    cb = values;",
      "    values = undefined;",
      "  }",
      "  if (!cb) {",
      "    return new Promise((resolve, reject) => {",
      "      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));",
      "    });",
      "  }",
      "  setImmediate(() => cb(null, [sql, values]));",
      "};",
      "/** @param {Connection} connection */",
      "export function findUser(connection, id) {",
      '  connection.query("SELECT * FROM users WHERE id = ?", [id], (error, rows) => console.log(error, rows));',
      "}",
    ].join("\n"),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (arguments.length === 2) {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      Promise.resolve(this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows))))${H};\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function findUser(connection, id) {\n  connection.query("SELECT * FROM users WHERE id = ?", [id], (error, rows) => console.log(error, rows));\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (arguments.length === 2) {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      void this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function findUser(connection, id) {\n  connection.query("SELECT * FROM users WHERE id = ?", [id], (error, rows) => console.log(error, rows));\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 18,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (arguments.length === 2) {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function findUser(connection, id) {\n  Promise.resolve(connection.query("SELECT * FROM users WHERE id = ?", [id], (error, rows) => console.log(error, rows)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.query = function query(sql, values, cb) {\n  if (arguments.length === 2) {\n    cb = values;\n    values = undefined;\n  }\n  if (!cb) {\n    return new Promise((resolve, reject) => {\n      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  setImmediate(() => cb(null, [sql, values]));\n};\n/** @param {Connection} connection */\nexport function findUser(connection, id) {\n  void connection.query("SELECT * FROM users WHERE id = ?", [id], (error, rows) => console.log(error, rows));\n}`,
          ],
        ],
      },
    ],
  },
  // mutation cases, report lines 1180-end
  {
    name: "uses: a property of the same name read in a callback is no use of the local",
    code: `declare function save(): Promise<void>;\ninterface Job { id: string; ready: boolean }\nexport async function schedule(jobs: Job[], paused: boolean) {\n  const ready = save();\n  if (paused) return;\n  await ready;\n  console.log(jobs.filter((job) => job.ready).length);\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, related: [5], message: DROPPED("ready", "the function returns") }],
  },
  {
    name: "uses: a property of the same name read on `any` values in a callback (no symbol) is no use of the local",
    code: `declare function save(): Promise<void>;\nexport async function schedule(payload: string, paused: boolean) {\n  const jobs: any[] = JSON.parse(payload);\n  const ready = save();\n  if (paused) return;\n  await ready;\n  console.log(jobs.filter((job) => job.ready).length);\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, related: [5], message: DROPPED("ready", "the function returns") }],
  },
  {
    name: "uses: `void` on another method's chain (`withResponse()`) marks no fire-and-forget of the local",
    code: `declare function createCompletion(prompt: string): Promise<string> & { withResponse(): Promise<{ data: string; status: number }> };\nexport function logStatus(prompt: string, quiet: boolean) {\n  const request = createCompletion(prompt);\n  if (quiet) return;\n  void request.withResponse().then(({ status }) => console.log(status));\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [4], message: DROPPED("request", "the function returns") }],
  },
  {
    name: "uses: a fresh request only compared (=== and !==) with the shown and queued ones",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nlet queued: Promise<string> | undefined;\nexport function prefetch(n: number) {\n  const next = loadPage(n);\n  if (next === shown || next !== queued) console.log("prefetching page", n);\n}`,
    errors: [{ messageId: "localDropped", line: 5, column: 9, related: [7], message: DROPPED("next", "the function ends") }],
  },
  {
    name: "uses: a fresh request only compared (== and !=) with the shown and queued ones",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nlet queued: Promise<string> | undefined;\nexport function prefetch(n: number) {\n  const next = loadPage(n);\n  if (next == shown || next != queued) console.log("prefetching page", n);\n}`,
    errors: [{ messageId: "localDropped", line: 5, column: 9, related: [7], message: DROPPED("next", "the function ends") }],
  },
  {
    name: "uses: `\"cancel\" in body` only looks at the promise",
    code: `declare function download(url: string): Promise<Uint8Array>;\nexport function start(url: string) {\n  const body = download(url);\n  if ("cancel" in body) console.log("download can be cancelled");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("body", "the function ends") }],
  },
  {
    name: "uses: `!flushing` only tests the optional promise",
    code: `declare function maybeFlush(): Promise<void> | undefined;\nexport function close(log: string[]) {\n  const flushing = maybeFlush();\n  if (!flushing) log.push("nothing to flush");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("flushing", "the function ends") }],
  },
  {
    name: "uses: kept only where `\"cancel\" in body` holds, dropped on the other branch",
    code: `declare function download(url: string): Promise<Uint8Array>;\nconst cancelable = new Set<Promise<Uint8Array>>();\nexport function start(url: string) {\n  const body = download(url);\n  if ("cancel" in body) cancelable.add(body);\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, related: [6], message: DROPPED("body", "the function ends") }],
  },
  {
    name: "uses: `typeof result` tells the hook is async, nothing waits for it",
    code: `${SUB}\nexport function insert(subscriber: Subscriber) {\n  const result = subscriber.beforeInsert?.({ id: 1 });\n  if (typeof result === "object") console.log("the hook is async");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("result", "the function ends") }],
  },
  {
    name: "uses: the condition of `? :` only tests the promise",
    code: `${D}\nexport function status() {\n  const refresh = maybe();\n  console.log(refresh ? "refreshing" : "up to date");\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [5], message: DROPPED("refresh", "the function ends") }],
  },
  {
    name: "uses: a property of the promise passed to a call (the child process of an exec promise) is no use of the promise",
    code: `import type { ChildProcess } from "node:child_process";\ndeclare function run(file: string, args: string[]): Promise<string> & { child: ChildProcess };\ndeclare function pipeOutput(child: ChildProcess): void;\nexport function startBuild() {\n  const build = run("tsc", ["-p", "."]);\n  pipeOutput(build.child);\n}`,
    errors: [{ messageId: "localDropped", line: 5, column: 9, related: [7], message: DROPPED("build", "the function ends") }],
  },
  {
    name: "uses: a property read through a cast (`(user as ...).traceId`) is no use of the promise",
    code: `interface Traced { traceId?: string }\ndeclare function fetchUser(id: string): Promise<{ name: string }>;\nexport function prefetch(id: string) {\n  const user = fetchUser(id);\n  const traceId = (user as Promise<{ name: string }> & Traced).traceId;\n  console.debug("prefetching", id, traceId);\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, related: [7], message: DROPPED("user", "the function ends") }],
  },
  {
    name: "uses: a local of an `if` block dropped where the block ends",
    code: `${D}\nexport function flush(dirty: boolean) {\n  if (dirty) {\n    const saving = save();\n    console.log("saving");\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 11, related: [6], message: DROPPED("saving", "the block ends") }],
  },
  {
    name: "uses: stored in a field, but only after an early return",
    code: `declare function connect(): Promise<void>;\nexport class Client {\n  private connecting: Promise<void> | undefined;\n  open(offline: boolean) {\n    const connecting = connect();\n    if (offline) return;\n    this.connecting = connecting;\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 5, column: 11, related: [6], message: DROPPED("connecting", "the function returns") }],
  },
  {
    name: "uses: returns where the request is not the one already shown",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nexport async function show(n: number) {\n  const next = loadPage(n);\n  if (next !== shown) return;\n  await next;\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, related: [5], message: DROPPED("next", "the function returns") }],
  },
  {
    name: "uses: a `typeof` type query in a callback's parameter type is no use of the local",
    code: `declare function loadConfig(): Promise<{ port: number }>;\nexport async function start(dryRun: boolean) {\n  const config = loadConfig();\n  if (dryRun) return;\n  const listen = (options: Awaited<typeof config>) => console.log(options.port);\n  listen(await config);\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, related: [4], message: DROPPED("config", "the function returns") }],
  },
  {
    name: "callback-style API: the `typeof callback === \"function\"` branch returns the chain, so a promise comes back with the callback too",
    code: [
      'import { promises } from "node:fs";',
      "export function readConfig(path, callback) {",
      '  const pending = promises.readFile(path, "utf8");',
      '  if (typeof callback === "function") {',
      "    return pending.then((text) => callback(null, text));",
      "  }",
      "  return pending;",
      "}",
      "export function boot() {",
      '  readConfig("app.json", (error, text) => console.log(error, text));',
      "}",
    ].join("\n"),
    fileName: "config.js",
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import { promises } from "node:fs";\nexport function readConfig(path, callback) {\n  const pending = promises.readFile(path, "utf8");\n  if (typeof callback === "function") {\n    return pending.then((text) => callback(null, text));\n  }\n  return pending;\n}\nexport function boot() {\n  readConfig("app.json", (error, text) => console.log(error, text))${H};\n}`,
          ],
          [
            VOID,
            `import { promises } from "node:fs";\nexport function readConfig(path, callback) {\n  const pending = promises.readFile(path, "utf8");\n  if (typeof callback === "function") {\n    return pending.then((text) => callback(null, text));\n  }\n  return pending;\n}\nexport function boot() {\n  void readConfig("app.json", (error, text) => console.log(error, text));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: the callback branch falls through to the promise, which is returned either way",
    code: [
      "export function connect(socket, callback) {",
      '  if (typeof callback === "function") {',
      '    socket.once("error", callback);',
      '    socket.once("connect", () => callback(null));',
      "  }",
      "  return new Promise((resolve, reject) => {",
      '    socket.once("connect", resolve);',
      '    socket.once("error", reject);',
      "  });",
      "}",
      "export function start(socket) {",
      '  connect(socket, (error) => console.log("connected", error));',
      "}",
    ].join("\n"),
    fileName: "socket.js",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export function connect(socket, callback) {\n  if (typeof callback === "function") {\n    socket.once("error", callback);\n    socket.once("connect", () => callback(null));\n  }\n  return new Promise((resolve, reject) => {\n    socket.once("connect", resolve);\n    socket.once("error", reject);\n  });\n}\nexport function start(socket) {\n  connect(socket, (error) => console.log("connected", error))${H};\n}`,
          ],
          [
            VOID,
            `export function connect(socket, callback) {\n  if (typeof callback === "function") {\n    socket.once("error", callback);\n    socket.once("connect", () => callback(null));\n  }\n  return new Promise((resolve, reject) => {\n    socket.once("connect", resolve);\n    socket.once("error", reject);\n  });\n}\nexport function start(socket) {\n  void connect(socket, (error) => console.log("connected", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: the callback branch ends with an `if` that returns only sometimes, then falls through to the promise",
    code: [
      "export function connect(socket, callback) {",
      '  if (typeof callback === "function") {',
      '    socket.once("connect", () => callback(null));',
      "    if (socket.connected) return;",
      "  }",
      "  return new Promise((resolve, reject) => {",
      '    socket.once("connect", resolve);',
      '    socket.once("error", reject);',
      "  });",
      "}",
      "export function start(socket) {",
      '  connect(socket, (error) => console.log("connected", error));',
      "}",
    ].join("\n"),
    fileName: "socket.js",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function connect(socket, callback) {\n  if (typeof callback === "function") {\n    socket.once("connect", () => callback(null));\n    if (socket.connected) return;\n  }\n  return new Promise((resolve, reject) => {\n    socket.once("connect", resolve);\n    socket.once("error", reject);\n  });\n}\nexport function start(socket) {\n  Promise.resolve(connect(socket, (error) => console.log("connected", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function connect(socket, callback) {\n  if (typeof callback === "function") {\n    socket.once("connect", () => callback(null));\n    if (socket.connected) return;\n  }\n  return new Promise((resolve, reject) => {\n    socket.once("connect", resolve);\n    socket.once("error", reject);\n  });\n}\nexport function start(socket) {\n  void connect(socket, (error) => console.log("connected", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: both branches of the callback test fall through, the promise is returned either way",
    code: [
      'import { promises } from "node:fs";',
      "export function appendLog(path, line, callback) {",
      "  if (!callback) {",
      '    console.debug("appendLog: promise mode");',
      "  } else {",
      '    console.debug("appendLog: callback mode");',
      "  }",
      "  return promises.appendFile(path, `${line}\\n`).then(() => {",
      "    if (callback) callback(null);",
      "  });",
      "}",
      "export function audit(user) {",
      '  appendLog("audit.log", `login ${user}`, (error) => console.log(error));',
      "}",
    ].join("\n"),
    fileName: "audit.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import { promises } from "node:fs";\nexport function appendLog(path, line, callback) {\n  if (!callback) {\n    console.debug("appendLog: promise mode");\n  } else {\n    console.debug("appendLog: callback mode");\n  }\n  return promises.appendFile(path, \`\${line}\\n\`).then(() => {\n    if (callback) callback(null);\n  });\n}\nexport function audit(user) {\n  appendLog("audit.log", \`login \${user}\`, (error) => console.log(error))${H};\n}`,
          ],
          [
            VOID,
            `import { promises } from "node:fs";\nexport function appendLog(path, line, callback) {\n  if (!callback) {\n    console.debug("appendLog: promise mode");\n  } else {\n    console.debug("appendLog: callback mode");\n  }\n  return promises.appendFile(path, \`\${line}\\n\`).then(() => {\n    if (callback) callback(null);\n  });\n}\nexport function audit(user) {\n  void appendLog("audit.log", \`login \${user}\`, (error) => console.log(error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: a second promise return that does not depend on the callback (a rejected promise for a bad id)",
    code: [
      "export function fetchUser(id, callback) {",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));",
      "  }",
      "  if (id < 0) {",
      '    return Promise.reject(new RangeError("id must not be negative"));',
      "  }",
      "  setTimeout(() => callback(null, { id }), 10);",
      "}",
      "export function show(id) {",
      "  fetchUser(id, (error, user) => console.log(error, user));",
      "}",
    ].join("\n"),
    fileName: "users.js",
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function fetchUser(id, callback) {\n  if (!callback) {\n    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));\n  }\n  if (id < 0) {\n    return Promise.reject(new RangeError("id must not be negative"));\n  }\n  setTimeout(() => callback(null, { id }), 10);\n}\nexport function show(id) {\n  Promise.resolve(fetchUser(id, (error, user) => console.log(error, user)))${H};\n}`,
          ],
          [
            VOID,
            `export function fetchUser(id, callback) {\n  if (!callback) {\n    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));\n  }\n  if (id < 0) {\n    return Promise.reject(new RangeError("id must not be negative"));\n  }\n  setTimeout(() => callback(null, { id }), 10);\n}\nexport function show(id) {\n  void fetchUser(id, (error, user) => console.log(error, user));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: `typeof window === \"undefined\"` tests no parameter, the server path returns a promise with the callback too",
    code: [
      "export function loadScript(src, callback) {",
      '  if (typeof window === "undefined") {',
      "    return import(src);",
      "  }",
      '  const script = document.createElement("script");',
      "  script.src = src;",
      "  script.onload = () => callback(null);",
      "  script.onerror = () => callback(new Error(`failed to load ${src}`));",
      "  document.head.appendChild(script);",
      "}",
      "export function loadAnalytics() {",
      '  loadScript("./analytics.js", (error) => console.log(error));',
      "}",
    ].join("\n"),
    fileName: "loader.js",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function loadScript(src, callback) {\n  if (typeof window === "undefined") {\n    return import(src);\n  }\n  const script = document.createElement("script");\n  script.src = src;\n  script.onload = () => callback(null);\n  script.onerror = () => callback(new Error(\`failed to load \${src}\`));\n  document.head.appendChild(script);\n}\nexport function loadAnalytics() {\n  Promise.resolve(loadScript("./analytics.js", (error) => console.log(error)))${H};\n}`,
          ],
          [
            VOID,
            `export function loadScript(src, callback) {\n  if (typeof window === "undefined") {\n    return import(src);\n  }\n  const script = document.createElement("script");\n  script.src = src;\n  script.onload = () => callback(null);\n  script.onerror = () => callback(new Error(\`failed to load \${src}\`));\n  document.head.appendChild(script);\n}\nexport function loadAnalytics() {\n  void loadScript("./analytics.js", (error) => console.log(error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "entry script: `#!` inside the file but not at its start is no shebang (a build script that writes one)",
    code: [
      'import { chmod, readFile, writeFile } from "node:fs/promises";',
      'const SHEBANG = "#!/usr/bin/env node\\n";',
      "async function addShebang(file: string) {",
      '  const text = await readFile(file, "utf8");',
      "  if (!text.startsWith(SHEBANG)) await writeFile(file, SHEBANG + text);",
      "  await chmod(file, 0o755);",
      "}",
      'addShebang("dist/cli.js");',
    ].join("\n"),
    fileName: "add-shebang.cts",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 1,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import { chmod, readFile, writeFile } from "node:fs/promises";\nconst SHEBANG = "#!/usr/bin/env node\\n";\nasync function addShebang(file: string) {\n  const text = await readFile(file, "utf8");\n  if (!text.startsWith(SHEBANG)) await writeFile(file, SHEBANG + text);\n  await chmod(file, 0o755);\n}\naddShebang("dist/cli.js")${H};`,
          ],
          [
            VOID,
            `import { chmod, readFile, writeFile } from "node:fs/promises";\nconst SHEBANG = "#!/usr/bin/env node\\n";\nasync function addShebang(file: string) {\n  const text = await readFile(file, "utf8");\n  if (!text.startsWith(SHEBANG)) await writeFile(file, SHEBANG + text);\n  await chmod(file, 0o755);\n}\nvoid addShebang("dist/cli.js");`,
          ],
        ],
      },
    ],
  },
  {
    name: "entry script: an exported `const` after `main();` runs code, so the call is not the script's last act",
    code: `${ENTRY}\nmain();\nexport const startedAt = Date.now();`,
    fileName: "server.mts",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 1,
        message: FLOATING,
        fixes: [
          [AWAIT, `${ENTRY}\nawait main();\nexport const startedAt = Date.now();`],
          [CATCH, `${ENTRY}\nmain()${H};\nexport const startedAt = Date.now();`],
          [VOID, `${ENTRY}\nvoid main();\nexport const startedAt = Date.now();`],
        ],
      },
    ],
  },
  {
    name: "entry script: a class declared after `main();` is not hoisted, so the call is not the script's last act",
    code: [
      "#!/usr/bin/env node",
      "declare function serve(port: number): Promise<void>;",
      "async function main() {",
      "  Shutdown.install();",
      "  await serve(Number(process.env.PORT ?? 3000));",
      "}",
      "main();",
      "class Shutdown {",
      "  static install() {",
      '    process.on("SIGTERM", () => process.exit(0));',
      "  }",
      "}",
    ].join("\n"),
    fileName: "server.cts",
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 1,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `#!/usr/bin/env node\ndeclare function serve(port: number): Promise<void>;\nasync function main() {\n  Shutdown.install();\n  await serve(Number(process.env.PORT ?? 3000));\n}\nmain()${H};\nclass Shutdown {\n  static install() {\n    process.on("SIGTERM", () => process.exit(0));\n  }\n}`,
          ],
          [
            VOID,
            `#!/usr/bin/env node\ndeclare function serve(port: number): Promise<void>;\nasync function main() {\n  Shutdown.install();\n  await serve(Number(process.env.PORT ?? 3000));\n}\nvoid main();\nclass Shutdown {\n  static install() {\n    process.on("SIGTERM", () => process.exit(0));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: `!callback || options.promise` returns the promise with a callback too",
    code: [
      "export function query(client, sql, options, callback) {",
      "  if (!callback || options.promise) {",
      "    return new Promise((resolve, reject) => client.query(sql, (error, rows) => (error ? reject(error) : resolve(rows))));",
      "  }",
      "  client.query(sql, callback);",
      "}",
      "export function list(client) {",
      '  query(client, "SELECT 1", { promise: true }, (error, rows) => console.log(error, rows));',
      "}",
    ].join("\n"),
    fileName: "query.js",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function query(client, sql, options, callback) {\n  if (!callback || options.promise) {\n    return new Promise((resolve, reject) => client.query(sql, (error, rows) => (error ? reject(error) : resolve(rows))));\n  }\n  client.query(sql, callback);\n}\nexport function list(client) {\n  Promise.resolve(query(client, "SELECT 1", { promise: true }, (error, rows) => console.log(error, rows)))${H};\n}`,
          ],
          [
            VOID,
            `export function query(client, sql, options, callback) {\n  if (!callback || options.promise) {\n    return new Promise((resolve, reject) => client.query(sql, (error, rows) => (error ? reject(error) : resolve(rows))));\n  }\n  client.query(sql, callback);\n}\nexport function list(client) {\n  void query(client, "SELECT 1", { promise: true }, (error, rows) => console.log(error, rows));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: `this.socket === undefined` tests no parameter, the rejected promise comes back with the callback too",
    ts7: { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so the method and its promise are unknown there", errors: [] },
    code: [
      "export function Client() {",
      "  this.socket = undefined;",
      "}",
      "Client.prototype.send = function send(message, callback) {",
      "  if (this.socket === undefined) {",
      '    return Promise.reject(new Error("not connected"));',
      "  }",
      "  this.socket.write(message, callback);",
      "};",
      "/** @param {Client} client */",
      "export function greet(client) {",
      '  client.send("hello", (error) => console.log(error));',
      "}",
    ].join("\n"),
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Client() {\n  this.socket = undefined;\n}\nClient.prototype.send = function send(message, callback) {\n  if (this.socket === undefined) {\n    return Promise.reject(new Error("not connected"));\n  }\n  this.socket.write(message, callback);\n};\n/** @param {Client} client */\nexport function greet(client) {\n  Promise.resolve(client.send("hello", (error) => console.log(error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Client() {\n  this.socket = undefined;\n}\nClient.prototype.send = function send(message, callback) {\n  if (this.socket === undefined) {\n    return Promise.reject(new Error("not connected"));\n  }\n  this.socket.write(message, callback);\n};\n/** @param {Client} client */\nexport function greet(client) {\n  void client.send("hello", (error) => console.log(error));\n}`,
          ],
        ],
      },
    ],
  },
  // mutation cases, report lines 1-999
  {
    name: "a project function named test is not node:test's (the built-in allowance is matched by module)",
    code: `declare function get(path: string): Promise<{ status: number }>;\nasync function test(path: string): Promise<void> {\n  const response = await get(path);\n  if (response.status !== 200) throw new Error(\`\${path}: \${response.status}\`);\n}\nexport function smokeTest() {\n  test("/health");\n}`,
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function get(path: string): Promise<{ status: number }>;\nasync function test(path: string): Promise<void> {\n  const response = await get(path);\n  if (response.status !== 200) throw new Error(\`\${path}: \${response.status}\`);\n}\nexport function smokeTest() {\n  test("/health")${H};\n}`,
          ],
          [
            VOID,
            `declare function get(path: string): Promise<{ status: number }>;\nasync function test(path: string): Promise<void> {\n  const response = await get(path);\n  if (response.status !== 200) throw new Error(\`\${path}: \${response.status}\`);\n}\nexport function smokeTest() {\n  void test("/health");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "window.showErrorMessage of another editor's plugin API is not VS Code's (checkThenables)",
    code: `import * as theia from "@theia/plugin";\nexport function reportFailure(error: Error) {\n  theia.window.showErrorMessage(\`Build failed: \${error.message}\`);\n}`,
    extraFiles: {
      "theia.d.ts": `declare module "@theia/plugin" {\n  export namespace window {\n    export function showErrorMessage<T extends string>(message: string, ...items: T[]): PromiseLike<T | undefined>;\n  }\n}`,
    },
    options: { checkThenables: true },
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `import * as theia from "@theia/plugin";\nexport function reportFailure(error: Error) {\n  Promise.resolve(theia.window.showErrorMessage(\`Build failed: \${error.message}\`))${H};\n}`,
          ],
          [
            VOID,
            `import * as theia from "@theia/plugin";\nexport function reportFailure(error: Error) {\n  void theia.window.showErrorMessage(\`Build failed: \${error.message}\`);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "allowedCalls by file: a function of the same name declared in another file is still reported",
    code: `import { start } from "./jobs";\nexport function boot() {\n  start();\n}`,
    extraFiles: { "jobs.ts": "export declare function start(): Promise<void>;" },
    options: { allowedCalls: [{ file: "**/background.ts", name: "start" }] },
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, `import { start } from "./jobs";\nexport function boot() {\n  start()${H};\n}`],
          [VOID, `import { start } from "./jobs";\nexport function boot() {\n  void start();\n}`],
        ],
      },
    ],
  },
  {
    name: "ignoreVoid off: no `void` fix is offered",
    code: `${D}\nasync function f() {\n  save();\n}`,
    options: { ignoreVoid: false },
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [AWAIT, `${D}\nasync function f() {\n  await save();\n}`],
          [CATCH, `${D}\nasync function f() {\n  save()${H};\n}`],
        ],
      },
    ],
  },
  {
    name: "a type assertion or non-null assertion on an optional result handles nothing",
    code: `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  cache.refresh() as Promise<void>;\n  cache.refresh()!;\n}`,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            AWAIT,
            `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  await (cache.refresh() as Promise<void>);\n  cache.refresh()!;\n}`,
          ],
          [
            CATCH,
            `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  (cache.refresh() as Promise<void>)${H};\n  cache.refresh()!;\n}`,
          ],
          [
            VOID,
            `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  void (cache.refresh() as Promise<void>);\n  cache.refresh()!;\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            AWAIT,
            `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  cache.refresh() as Promise<void>;\n  await cache.refresh()!;\n}`,
          ],
          [
            CATCH,
            `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  cache.refresh() as Promise<void>;\n  cache.refresh()!${H};\n}`,
          ],
          [
            VOID,
            `declare const cache: { refresh(): Promise<void> | undefined };\nexport async function warm() {\n  cache.refresh() as Promise<void>;\n  void cache.refresh()!;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style call with a spread before the callback: which argument lands in the callback position is unknown",
    code: `${REQ}\nexport function ping(...args) {\n  request(...args, (error, response) => {\n    if (error) console.error(error);\n    else console.log(response.statusCode);\n  });\n}`,
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `${REQ}\nexport function ping(...args) {\n  Promise.resolve(request(...args, (error, response) => {\n    if (error) console.error(error);\n    else console.log(response.statusCode);\n  }))${H};\n}`,
          ],
          [
            VOID,
            `${REQ}\nexport function ping(...args) {\n  void request(...args, (error, response) => {\n    if (error) console.error(error);\n    else console.log(response.statusCode);\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style call passing on the caller's callback, which may be absent",
    code: `${REQ}\nexport function ping(options, done) {\n  request(options, done);\n}`,
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [RESOLVE, `${REQ}\nexport function ping(options, done) {\n  Promise.resolve(request(options, done))${H};\n}`],
          [VOID, `${REQ}\nexport function ping(options, done) {\n  void request(options, done);\n}`],
        ],
      },
    ],
  },
  {
    name: "local from new Promise dropped when an aborted start returns",
    code: `declare const server: { listen(port: number, done: () => void): void };\nexport async function start(port: number, signal: AbortSignal) {\n  const listening = new Promise<void>((resolve) => server.listen(port, resolve));\n  if (signal.aborted) return;\n  await listening;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("listening", "the function returns") }],
  },
  {
    name: "local from a then chain dropped when an aborted render returns",
    code: `declare function fetchPage(url: string): Promise<string>; declare function render(html: string): void;\nexport async function show(url: string, signal: AbortSignal) {\n  const shown = fetchPage(url).then(render);\n  if (signal.aborted) return;\n  await shown;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("shown", "the function returns") }],
  },
  {
    name: "local from a finally chain dropped when an aborted load returns",
    code: `declare function fetchPage(url: string): Promise<string>; declare function hideSpinner(): void;\nexport async function load(url: string, signal: AbortSignal) {\n  const page = fetchPage(url).finally(hideSpinner);\n  if (signal.aborted) return;\n  return await page;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("page", "the function returns") }],
  },
  {
    name: "local from catch(options.onError), which may be undefined, dropped when an aborted start returns",
    code: `declare function connect(): Promise<void>;\ninterface Options { onError?: (error: unknown) => void; signal: AbortSignal }\nexport async function start(options: Options) {\n  const connected = connect().catch(options.onError);\n  if (options.signal.aborted) return;\n  await connected;\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("connected", "the function returns") }],
  },
  {
    name: "local from a conditional of two requests dropped when an aborted sync returns",
    code: `declare const client: { reload(): Promise<void>; refresh(): Promise<void> };\nexport async function sync(force: boolean, signal: AbortSignal) {\n  const refreshed = force ? client.reload() : client.refresh();\n  if (signal.aborted) return;\n  await refreshed;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("refreshed", "the function returns") }],
  },
  {
    name: "an object key of the same name is no use of the local: dropped when the cached profile is returned",
    code: `interface User { name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport async function loadProfile(id: string, cached?: User) {\n  const user = fetchUser(id);\n  if (cached) return { user: cached, fresh: false };\n  return { user: await user, fresh: true };\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("user", "the function returns") }],
  },
  {
    name: "a callback parameter of the same name does not hide the drop: the cached names are returned first",
    code: `interface User { name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport async function names(id: string, cached: User[]) {\n  const user = fetchUser(id);\n  if (cached.length > 0) return cached.map((user) => user.name);\n  return [(await user).name];\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("user", "the function returns") }],
  },
  {
    name: "an inner const of the same name does not hide the drop: the cached user is returned first",
    code: `interface User { name: string }\ndeclare function fetchUser(id: string): Promise<User>; declare const cache: Map<string, User>;\nexport async function getUser(id: string) {\n  const user = fetchUser(id);\n  if (cache.has(id)) {\n    const user = cache.get(id)!;\n    return user;\n  }\n  return await user;\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("user", "the function returns") }],
  },
  {
    name: "a local from a call cast with as is followed: dropped when an aborted load returns",
    code: `interface User { name: string } interface Admin extends User { admin: true }\ndeclare function fetchUser(id: string): Promise<User>;\nexport async function loadAdmin(id: string, signal: AbortSignal) {\n  const admin = fetchUser(id) as Promise<Admin>;\n  if (signal.aborted) return undefined;\n  return await admin;\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("admin", "the function returns") }],
  },
  // reassigned locals
  {
    name: "reassigned locals: the first promise dropped by an early return before the local is awaited and assigned again",
    code: `${D}\nexport async function saveTwice(skip: boolean) {\n  let pending = save();\n  if (skip) return;\n  await pending;\n  pending = save();\n  await pending;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 7, related: [4], message: DROPPED("pending", "the function returns") }],
  },
  {
    name: "reassigned locals: assigned again while still pending (was the must-not-flag `local reassigned: not analysed`, a miss)",
    code: `${D}\nasync function f() {\n  let p = save();\n  if (c) p = save();\n  await p;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 7, related: [4], message: DROPPED("p", "`p` is assigned a new value") }],
  },
  {
    name: "reassigned locals: the second promise dropped by an early return after the first was awaited",
    code: `${D}\nexport async function publish(topics: string[]) {\n  let sent = save();\n  await sent;\n  sent = save();\n  if (topics.length === 0) return;\n  await sent;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 7, related: [6], message: DROPPED("sent", "the function returns") }],
  },
  {
    name: "reassigned locals: `Promise.resolve(save())` adopts a promise that may reject: replaced while pending, it is dropped",
    code: `${D}\nexport async function flush(again: boolean) {\n  let flushed = Promise.resolve(save());\n  if (again) flushed = save();\n  await flushed;\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 7, related: [4], message: DROPPED("flushed", "`flushed` is assigned a new value") }],
  },
  // var scope, top-level blocks, callback shapes
  {
    name: "var scope: a `var` declared in a block is dropped by a return before the await after the block",
    code: `declare function loadKeys(keys: string[]): Promise<void>;\nexport async function warm(keys: string[], dryRun: boolean) {\n  if (keys.length > 0) {\n    var loading = loadKeys(keys);\n  }\n  if (dryRun) return;\n  await loading;\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("loading", "the function returns") }],
  },
  {
    name: "var scope: a `var` declared in a loop body and never used after the loop is dropped when the function ends",
    code: `declare function fetchUrl(url: string): Promise<string>;\nexport function prefetch(urls: string[]) {\n  for (var i = 0; i < urls.length; i++) {\n    var page = fetchUrl(urls[i]);\n  }\n  console.log("prefetching", i);\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("page", "the function ends") }],
  },
  {
    name: "top-level blocks: a promise in a module-level `if` block handled on one branch only is dropped when the block ends",
    code: `declare function warmCache(): Promise<void>;\ndeclare const verbose: boolean;\nif (process.env.WARM) {\n  const warming = warmCache();\n  if (verbose) warming.then(console.log, console.error);\n}\nexport {};`,
    fileName: "warm.mts",
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("warming", "the block ends") }],
  },
  {
    name: "top-level blocks: a `var` declared in a module-level block and never used is dropped when the module's top-level code ends",
    code: `declare function connect(url: string): Promise<void>;\nif (process.env.DATABASE_URL) {\n  var connecting = connect(process.env.DATABASE_URL);\n}\nconsole.log("starting");\nexport {};`,
    fileName: "db.cts",
    errors: [{ messageId: "localDropped", line: 3, column: 7, message: DROPPED("connecting", "the module's top-level code ends") }],
  },
  {
    name: "static blocks: a promise in a class static block and never used is dropped when the static block ends",
    code: `declare function loadPlugins(): Promise<void>;\nexport class Registry {\n  static {\n    const loading = loadPlugins();\n    console.log("loading plugins");\n  }\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 11, message: DROPPED("loading", "the static block ends") }],
  },
  {
    name: "callback shapes: a destructuring swap `[callback, options] = [options, {}]` is a write that is not followed: the call stays reported",
    code: [
      "export function send(message, options, callback) {",
      '  if (typeof options === "function") [callback, options] = [options, {}];',
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => send(message, options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setImmediate(() => callback(null, message));",
      "}",
      "export function ping() {",
      '  send("ping", {}, (error) => console.log(error));',
      "}",
    ].join("\n"),
    fileName: "transport.js",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function send(message, options, callback) {\n  if (typeof options === "function") [callback, options] = [options, {}];\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => send(message, options, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null, message));\n}\nexport function ping() {\n  Promise.resolve(send("ping", {}, (error) => console.log(error)))${H};\n}`,
          ],
          [
            VOID,
            `export function send(message, options, callback) {\n  if (typeof options === "function") [callback, options] = [options, {}];\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => send(message, options, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null, message));\n}\nexport function ping() {\n  void send("ping", {}, (error) => console.log(error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback shapes: a destructuring write `({ callback } = options)` where no condition showed the callback missing (`if (options.callback)`) is not followed: the call stays reported",
    code: [
      "export function request(options, callback) {",
      "  if (options.callback) ({ callback } = options);",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => request(options, (error, body) => (error ? reject(error) : resolve(body))));",
      "  }",
      "  setImmediate(() => callback(null, options.url));",
      "}",
      "export function load() {",
      '  request({ url: "/users" }, (error, body) => console.log(error, body));',
      "}",
    ].join("\n"),
    fileName: "request.js",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function request(options, callback) {\n  if (options.callback) ({ callback } = options);\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => request(options, (error, body) => (error ? reject(error) : resolve(body))));\n  }\n  setImmediate(() => callback(null, options.url));\n}\nexport function load() {\n  Promise.resolve(request({ url: "/users" }, (error, body) => console.log(error, body)))${H};\n}`,
          ],
          [
            VOID,
            `export function request(options, callback) {\n  if (options.callback) ({ callback } = options);\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => request(options, (error, body) => (error ? reject(error) : resolve(body))));\n  }\n  setImmediate(() => callback(null, options.url));\n}\nexport function load() {\n  void request({ url: "/users" }, (error, body) => console.log(error, body));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback shapes: mysql's `ping(options, callback)` guard, `connection.ping()` without a callback still floats",
    ts7: { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so the method and its promise are unknown there", errors: [] },
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      "  if (!callback && typeof options === \"function\") {",
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      "  connection.ping();",
      "}",
    ].join("\n"),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (!callback && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping())${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (!callback && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback shapes: a guard whose other side tests no parameter (`!this.config && ...`) is no shuffle step: the call stays reported",
    ts7: { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so the method and its promise are unknown there", errors: [] },
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      "  if (!this.config && typeof options === \"function\") {",
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      "  connection.ping((error) => console.log(\"ping\", error));",
      "}",
    ].join("\n"),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (!this.config && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (!this.config && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  // a value narrowed to the lib's `Function`
  {
    name: "callback-style call where `typeof done !== \"function\"` showed the callback typed `unknown` is not one: the promise floats",
    code: `${REQ}\n/** @param {unknown} [done] */\nexport function ping(options, done) {\n  if (typeof done !== "function") request(options, done);\n}`,
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 35,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `${REQ}\n/** @param {unknown} [done] */\nexport function ping(options, done) {\n  if (typeof done !== "function") Promise.resolve(request(options, done))${H};\n}`,
          ],
          [
            VOID,
            `${REQ}\n/** @param {unknown} [done] */\nexport function ping(options, done) {\n  if (typeof done !== "function") void request(options, done);\n}`,
          ],
        ],
      },
    ],
  },
  // mutation survivors, session 4
  {
    name: "callback-style call forwarding an optional callback as a rest tuple: with none given, the promise floats",
    code: `type Callback = (error: Error | null, body?: string) => void;\nexport function readConfig(path: string, callback?: Callback): Promise<string> | undefined {\n  if (!callback) return new Promise((resolve, reject) => readConfig(path, (e, b) => (e ? reject(e) : resolve(b!))));\n  setTimeout(() => callback(null, path));\n  return undefined;\n}\nexport function load(path: string, ...done: [Callback] | []) {\n  readConfig(path, ...done);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `type Callback = (error: Error | null, body?: string) => void;\nexport function readConfig(path: string, callback?: Callback): Promise<string> | undefined {\n  if (!callback) return new Promise((resolve, reject) => readConfig(path, (e, b) => (e ? reject(e) : resolve(b!))));\n  setTimeout(() => callback(null, path));\n  return undefined;\n}\nexport function load(path: string, ...done: [Callback] | []) {\n  Promise.resolve(readConfig(path, ...done))${H};\n}`,
          ],
          [
            VOID,
            `type Callback = (error: Error | null, body?: string) => void;\nexport function readConfig(path: string, callback?: Callback): Promise<string> | undefined {\n  if (!callback) return new Promise((resolve, reject) => readConfig(path, (e, b) => (e ? reject(e) : resolve(b!))));\n  setTimeout(() => callback(null, path));\n  return undefined;\n}\nexport function load(path: string, ...done: [Callback] | []) {\n  void readConfig(path, ...done);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a local from `finally` on a project thenable is followed where the lib declares no `Promise.finally` (ES2017)",
    code: `export class Query<T> implements PromiseLike<T> {\n  constructor(private readonly run: () => Promise<T>) {}\n  then<A = T, B = never>(onOk?: ((value: T) => A | PromiseLike<A>) | null, onError?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {\n    return this.run().then(onOk, onError);\n  }\n  finally(cleanup: () => void): Query<T> {\n    return new Query(() => this.run().then((value) => { cleanup(); return value; }, (error) => { cleanup(); throw error; }));\n  }\n}\ndeclare const users: Query<string[]>;\nexport async function names(cancelled: boolean) {\n  const pending = users.finally(() => console.log("done"));\n  if (cancelled) return [];\n  return await pending;\n}`,
    options: { checkThenables: true },
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2017.d.ts"], types: [] },
    errors: [{ messageId: "localDropped", line: 12, column: 9, message: DROPPED("pending", "the function returns") }],
  },
  {
    name: "ignoreVoid off: `void` on an angle-bracket assertion, the `.catch()` fix wraps the operand in parentheses",
    code: `declare const cache: { refresh(): Promise<void> | void };\nexport function warm() {\n  void <Promise<void>>cache.refresh();\n}`,
    options: { ignoreVoid: false },
    errors: [
      {
        messageId: "floatingVoid",
        line: 3,
        column: 3,
        message: VOIDED,
        fixes: [
          [CATCH, `declare const cache: { refresh(): Promise<void> | void };\nexport function warm() {\n  void (<Promise<void>>cache.refresh())${H};\n}`],
        ],
      },
    ],
  },
  {
    name: "callback-style API: `~listener` is no `!` test (a function's `~` is -1, truthy), the promise comes back with the listener too",
    code: `function watch(path, listener) {\n  if (~listener) {\n    return new Promise((resolve) => setTimeout(() => resolve(path), 10));\n  }\n  setTimeout(() => listener(path), 10);\n}\nexport function start() {\n  watch("config.json", (path) => console.log("changed", path));\n}`,
    fileName: "watch.js",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `function watch(path, listener) {\n  if (~listener) {\n    return new Promise((resolve) => setTimeout(() => resolve(path), 10));\n  }\n  setTimeout(() => listener(path), 10);\n}\nexport function start() {\n  Promise.resolve(watch("config.json", (path) => console.log("changed", path)))${H};\n}`,
          ],
          [
            VOID,
            `function watch(path, listener) {\n  if (~listener) {\n    return new Promise((resolve) => setTimeout(() => resolve(path), 10));\n  }\n  setTimeout(() => listener(path), 10);\n}\nexport function start() {\n  void watch("config.json", (path) => console.log("changed", path));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: `typeof callback < \"function\"` compares, it does not test the type: the promise comes back with the callback too",
    code: `function flush(callback) {\n  if (typeof callback < "function") {\n    return new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow query")), 10));\n  }\n  setTimeout(() => callback(null), 10);\n}\nexport function stop() {\n  flush(() => console.log("flushed"));\n}`,
    fileName: "flush.js",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `function flush(callback) {\n  if (typeof callback < "function") {\n    return new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow query")), 10));\n  }\n  setTimeout(() => callback(null), 10);\n}\nexport function stop() {\n  Promise.resolve(flush(() => console.log("flushed")))${H};\n}`,
          ],
          [
            VOID,
            `function flush(callback) {\n  if (typeof callback < "function") {\n    return new Promise((resolve, reject) => setTimeout(() => reject(new Error("slow query")), 10));\n  }\n  setTimeout(() => callback(null), 10);\n}\nexport function stop() {\n  void flush(() => console.log("flushed"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "uses: a for-in over the promise's keys reads it, the early return still drops it",
    code: `declare function fetchUser(id: string): Promise<{ name: string }>;\nexport async function show(id: string, quiet: boolean) {\n  const user = fetchUser(id);\n  if (quiet) return;\n  for (const key in user) console.log("own key", key);\n  console.log((await user).name);\n}`,
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("user", "the function returns") }],
  },
  {
    name: "uses: `void` on a call given the promise's `finally` method marks no fire-and-forget of the local",
    code: `declare function fetchUser(id: string): Promise<{ name: string }>;\ndeclare function track(settle: (onSettled?: () => void) => Promise<unknown>): Promise<void>;\nexport async function show(id: string, quiet: boolean) {\n  const user = fetchUser(id);\n  if (quiet) return;\n  void track(user.finally);\n  console.log((await user).name);\n}`,
    errors: [{ messageId: "localDropped", line: 4, column: 9, message: DROPPED("user", "the function returns") }],
  },
  {
    name: "uses: `~total` is no falsy test of the promise (its `~` is -1, truthy): the return drops it",
    code: `import { countJobs } from "./jobs-api.js";\nexport async function report(queue) {\n  const total = countJobs(queue);\n  if (~total) return;\n  console.log(await total);\n}`,
    fileName: "jobs.js",
    extraFiles: { "jobs-api.ts": "export declare function countJobs(queue: string): Promise<number>;\n" },
    errors: [{ messageId: "localDropped", line: 3, column: 9, message: DROPPED("total", "the function returns") }],
  },
  {
    name: "a JSX element of a library whose elements may be promises (`string | Promise<string>`), left as a statement: a forgotten `return` drops the async component's render",
    code: `${KITA}export function Page(props: { id?: string }): JSX.Element {\n  if (!props.id) {\n    <NotFound id="" />;\n  }\n  return <main>{props.id}</main>;\n}`,
    fileName: "page.tsx",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `${KITA}export function Page(props: { id?: string }): JSX.Element {\n  if (!props.id) {\n    Promise.resolve(<NotFound id="" />)${H};\n  }\n  return <main>{props.id}</main>;\n}`,
          ],
          [
            VOID,
            `${KITA}export function Page(props: { id?: string }): JSX.Element {\n  if (!props.id) {\n    void <NotFound id="" />;\n  }\n  return <main>{props.id}</main>;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `yield` statement in a generator typed to receive an array of promises drops the array",
    code: `declare function log(message: string): void;\nexport function* steps(): Generator<string, void, Promise<void>[]> {\n  yield "fetch";\n  log("fetched");\n}`,
    errors: [
      {
        messageId: "floatingArray",
        line: 3,
        column: 3,
        message: ARRAY,
        fixes: [
          [
            VOID,
            `declare function log(message: string): void;\nexport function* steps(): Generator<string, void, Promise<void>[]> {\n  void (yield "fetch");\n  log("fetched");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `var` written as the body of an `if` without braces is followed over its function: never used, dropped when the function ends",
    code: `import { warmCache } from "./jobs-api.js";\nexport function start(options) {\n  if (options.warm) var warming = warmCache();\n  console.log("started");\n}`,
    fileName: "warm.js",
    extraFiles: { "jobs-api.ts": "export declare function warmCache(): Promise<void>;\n" },
    errors: [{ messageId: "localDropped", line: 3, column: 25, message: DROPPED("warming", "the function ends") }],
  },
  {
    name: "callback-style API returning the optional step's own promise (`return step()`): the call passing an async step gets it back and drops it",
    code: `declare function log(message: string): void;\nexport function runStep(step?: () => Promise<void>): Promise<void> {\n  if (!step) return Promise.resolve();\n  log("running a step");\n  return step();\n}\nexport function onClick() {\n  runStep(async () => {\n    await fetch("/api/save", { method: "POST" });\n  });\n}`,
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function log(message: string): void;\nexport function runStep(step?: () => Promise<void>): Promise<void> {\n  if (!step) return Promise.resolve();\n  log("running a step");\n  return step();\n}\nexport function onClick() {\n  runStep(async () => {\n    await fetch("/api/save", { method: "POST" });\n  })${H};\n}`,
          ],
          [
            VOID,
            `declare function log(message: string): void;\nexport function runStep(step?: () => Promise<void>): Promise<void> {\n  if (!step) return Promise.resolve();\n  log("running a step");\n  return step();\n}\nexport function onClick() {\n  void runStep(async () => {\n    await fetch("/api/save", { method: "POST" });\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "callback-style API: `callback === noop` is no test for a missing callback, a caller passing `noop` itself gets the promise",
    code: `type Done = (error: Error | null) => void;\nconst noop: Done = () => {};\nexport function flush(callback: Done = noop): Promise<void> | undefined {\n  if (callback === noop) return new Promise((resolve) => setTimeout(resolve, 10));\n  setTimeout(() => callback(null), 10);\n  return undefined;\n}\nexport function close() {\n  flush(noop);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `type Done = (error: Error | null) => void;\nconst noop: Done = () => {};\nexport function flush(callback: Done = noop): Promise<void> | undefined {\n  if (callback === noop) return new Promise((resolve) => setTimeout(resolve, 10));\n  setTimeout(() => callback(null), 10);\n  return undefined;\n}\nexport function close() {\n  Promise.resolve(flush(noop))${H};\n}`,
          ],
          [
            VOID,
            `type Done = (error: Error | null) => void;\nconst noop: Done = () => {};\nexport function flush(callback: Done = noop): Promise<void> | undefined {\n  if (callback === noop) return new Promise((resolve) => setTimeout(resolve, 10));\n  setTimeout(() => callback(null), 10);\n  return undefined;\n}\nexport function close() {\n  void flush(noop);\n}`,
          ],
        ],
      },
    ],
  },
  // unseen corpora, session 4
  {
    name: "self-handled: a project constructor that can throw before the try (`JSON.parse`)",
    code: PARSER_BEFORE_TRY,
    errors: [
      {
        messageId: "floating",
        line: 17,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, PARSER_BEFORE_TRY.replace(/\n  (\w+)\((\w+)\);\n}$/, `\n  $1($2)${H};\n}`)],
          [VOID, PARSER_BEFORE_TRY.replace(/\n  (\w+)\((\w+)\);\n}$/, "\n  void $1($2);\n}")],
        ],
      },
    ],
  },
  {
    name: "self-handled: `on` of a project class, not Node's EventEmitter, is followed into its body, which can throw",
    code: BUS_BEFORE_TRY,
    errors: [
      {
        messageId: "floating",
        line: 20,
        column: 3,
        message: FLOATING,
        fixes: [
          [CATCH, BUS_BEFORE_TRY.replace(/\n  (\w+)\((\w+)\);\n}$/, `\n  $1($2)${H};\n}`)],
          [VOID, BUS_BEFORE_TRY.replace(/\n  (\w+)\((\w+)\);\n}$/, "\n  void $1($2);\n}")],
        ],
      },
    ],
  },
  {
    name: "self-handled: a destructuring default that can throw before the try",
    code: DEFAULT_BEFORE_TRY,
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 5,
        message: FLOATING,
        fixes: [
          [CATCH, DEFAULT_BEFORE_TRY.replace("    this.upload();", `    this.upload()${H};`)],
          [VOID, DEFAULT_BEFORE_TRY.replace("    this.upload();", "    void this.upload();")],
        ],
      },
    ],
  },
  {
    name: "self-handled: `assert.ifError(error)` before the try rethrows an error the code received, not an invariant",
    code: IF_ERROR_BEFORE_TRY,
    errors: [
      {
        messageId: "floating",
        line: 15,
        column: 5,
        message: FLOATING,
        fixes: [
          [CATCH, IF_ERROR_BEFORE_TRY.replace("    retry(previous);", `    retry(previous)${H};`)],
          [VOID, IF_ERROR_BEFORE_TRY.replace("    retry(previous);", "    void retry(previous);")],
        ],
      },
    ],
  },
  // An async function adopts the promise it returns: `return p` inside a `try` catches nothing (engine/rejection.ts), session 4.
  {
    name: "self-handled? no: `return fetchUser(id)` inside the try hands the rejection to the caller (no await, nothing caught)",
    code: `declare function fetchUser(id: string): Promise<string>;\nasync function loadUser(id: string) {\n  try {\n    return fetchUser(id);\n  } catch (error) {\n    console.error(error);\n    return undefined;\n  }\n}\nexport function warm(id: string) {\n  loadUser(id);\n}`,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function fetchUser(id: string): Promise<string>;\nasync function loadUser(id: string) {\n  try {\n    return fetchUser(id);\n  } catch (error) {\n    console.error(error);\n    return undefined;\n  }\n}\nexport function warm(id: string) {\n  loadUser(id)${H};\n}`,
          ],
          [
            VOID,
            `declare function fetchUser(id: string): Promise<string>;\nasync function loadUser(id: string) {\n  try {\n    return fetchUser(id);\n  } catch (error) {\n    console.error(error);\n    return undefined;\n  }\n}\nexport function warm(id: string) {\n  void loadUser(id);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self-handled? no: an async function that returns a stored promise rejects when it does",
    code: `declare const pending: Promise<void>;\nasync function settle() {\n  try {\n    console.log("settling");\n  } catch (error) {\n    console.error(error);\n  }\n  return pending;\n}\nexport function start() {\n  settle();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare const pending: Promise<void>;\nasync function settle() {\n  try {\n    console.log("settling");\n  } catch (error) {\n    console.error(error);\n  }\n  return pending;\n}\nexport function start() {\n  settle()${H};\n}`,
          ],
          [
            VOID,
            `declare const pending: Promise<void>;\nasync function settle() {\n  try {\n    console.log("settling");\n  } catch (error) {\n    console.error(error);\n  }\n  return pending;\n}\nexport function start() {\n  void settle();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "untyped JavaScript: a call on an untyped stream before the try that is not a listener registration, and a listener made by a call (either may throw)",
    code: [
      "async function writeIterable(abort, h2stream, body, makeListener) {",
      "  h2stream.write(body.header);",
      "  try {",
      "    for await (const chunk of body) h2stream.write(chunk);",
      "  } catch (err) {",
      "    abort(err);",
      "  }",
      "}",
      "async function writeBlob(abort, h2stream, body, makeListener) {",
      '  h2stream.on("drain", makeListener(body));',
      "  try {",
      "    h2stream.write(Buffer.from(await body.arrayBuffer()));",
      "  } catch (err) {",
      "    abort(err);",
      "  }",
      "}",
      "function writeBody(abort, stream, body, makeListener) {",
      "  writeIterable(abort, stream, body, makeListener);",
      "  writeBlob(abort, stream, body, makeListener);",
      "}",
      "module.exports = { writeBody };",
    ].join("\n"),
    fileName: "client-h2.js",
    errors: [
      {
        messageId: "floating",
        line: 18,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `async function writeIterable(abort, h2stream, body, makeListener) {\n  h2stream.write(body.header);\n  try {\n    for await (const chunk of body) h2stream.write(chunk);\n  } catch (err) {\n    abort(err);\n  }\n}\nasync function writeBlob(abort, h2stream, body, makeListener) {\n  h2stream.on("drain", makeListener(body));\n  try {\n    h2stream.write(Buffer.from(await body.arrayBuffer()));\n  } catch (err) {\n    abort(err);\n  }\n}\nfunction writeBody(abort, stream, body, makeListener) {\n  writeIterable(abort, stream, body, makeListener)${H};\n  writeBlob(abort, stream, body, makeListener);\n}\nmodule.exports = { writeBody };`,
          ],
          [
            VOID,
            `async function writeIterable(abort, h2stream, body, makeListener) {\n  h2stream.write(body.header);\n  try {\n    for await (const chunk of body) h2stream.write(chunk);\n  } catch (err) {\n    abort(err);\n  }\n}\nasync function writeBlob(abort, h2stream, body, makeListener) {\n  h2stream.on("drain", makeListener(body));\n  try {\n    h2stream.write(Buffer.from(await body.arrayBuffer()));\n  } catch (err) {\n    abort(err);\n  }\n}\nfunction writeBody(abort, stream, body, makeListener) {\n  void writeIterable(abort, stream, body, makeListener);\n  writeBlob(abort, stream, body, makeListener);\n}\nmodule.exports = { writeBody };`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 19,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `async function writeIterable(abort, h2stream, body, makeListener) {\n  h2stream.write(body.header);\n  try {\n    for await (const chunk of body) h2stream.write(chunk);\n  } catch (err) {\n    abort(err);\n  }\n}\nasync function writeBlob(abort, h2stream, body, makeListener) {\n  h2stream.on("drain", makeListener(body));\n  try {\n    h2stream.write(Buffer.from(await body.arrayBuffer()));\n  } catch (err) {\n    abort(err);\n  }\n}\nfunction writeBody(abort, stream, body, makeListener) {\n  writeIterable(abort, stream, body, makeListener);\n  writeBlob(abort, stream, body, makeListener)${H};\n}\nmodule.exports = { writeBody };`,
          ],
          [
            VOID,
            `async function writeIterable(abort, h2stream, body, makeListener) {\n  h2stream.write(body.header);\n  try {\n    for await (const chunk of body) h2stream.write(chunk);\n  } catch (err) {\n    abort(err);\n  }\n}\nasync function writeBlob(abort, h2stream, body, makeListener) {\n  h2stream.on("drain", makeListener(body));\n  try {\n    h2stream.write(Buffer.from(await body.arrayBuffer()));\n  } catch (err) {\n    abort(err);\n  }\n}\nfunction writeBody(abort, stream, body, makeListener) {\n  writeIterable(abort, stream, body, makeListener);\n  void writeBlob(abort, stream, body, makeListener);\n}\nmodule.exports = { writeBody };`,
          ],
        ],
      },
    ],
  },
];

const valid: ValidCase[] = [
  { name: "awaited", code: `${D}\nasync function f() {\n  await save();\n}` },
  { name: "an `await using` local is the scope's to dispose, not dropped", code: `declare function lease(): Promise<number> & AsyncDisposable;\nexport async function f() {\n  await using held = lease();\n  console.log("leased");\n}` },
  { name: "a `using` local is the scope's to dispose, not dropped", code: `declare function lock(name: string): Promise<void> & Disposable;\nexport function f() {\n  using held = lock("jobs");\n  console.log("locked");\n}` },
  { name: "returned", code: `${D}\nfunction f() {\n  return save();\n}` },
  { name: "caught", code: `${D}\nfunction f() {\n  save().catch(() => {});\n}` },
  { name: "then with a rejection handler", code: `${D}\nfunction f() {\n  save().then(() => {}, () => {});\n}` },
  { name: "then with a handler variable", code: `${D}\ndeclare const onError: (e: unknown) => void;\nsave().then(() => {}, onError);`, fileName: "script.cts" },
  { name: "void with ignoreVoid on (default)", code: `${D}\nfunction f() {\n  void save();\n}` },
  { name: "catch then finally", code: `${D}\nfunction f() {\n  save().catch(() => {}).finally(() => {});\n}` },
  { name: "any-typed call is never guessed at", code: `declare const legacy: any;\nlegacy.start();`, fileName: "script.cts" },
  { name: "unknown-typed value", code: `declare const value: unknown;\nvalue;`, fileName: "script.cts" },
  { name: "unconstrained type parameter", code: `function f<T>(value: T) {\n  value;\n}` },
  { name: "a call returning void", code: `console.log("hello");`, fileName: "script.cts" },
  { name: "assignment stores the promise", code: `${D}\nlet pending: Promise<void>;\nfunction f() {\n  pending = save();\n}` },
  { name: "catch handler of type any", code: `${D}\ndeclare const handler: any;\nsave().catch(handler);`, fileName: "script.cts" },
  {
    name: "node:test describe/it/test are registered, not floating",
    code: `import { describe, it, test } from "node:test";\ndescribe("suite", () => {\n  it("works", () => {});\n});\ntest("top", () => {});\ndescribe.skip("later", () => {});`,
  },
  {
    name: "a Thenable without checkThenables",
    code: `declare function job(): { then(ok: () => void): void };\nfunction f() {\n  job();\n}`,
  },
  { name: "async IIFE with ignoreIIFE", code: `(async () => {\n  await Promise.resolve();\n})();`, fileName: "script.cts", options: { ignoreIIFE: true } },
  {
    name: "allowedCalls by module",
    code: `import { enqueue } from "jobs";\nfunction f() {\n  enqueue();\n}`,
    extraFiles: { "jobs.d.ts": `declare module "jobs" {\n  export function enqueue(): Promise<void>;\n}` },
    options: { allowedCalls: [{ module: "jobs", name: "enqueue" }] },
  },
  {
    name: "allowedTypes by file",
    code: `import { start } from "./background";\nfunction f() {\n  start();\n}`,
    extraFiles: { "background.ts": `export interface Detached extends Promise<void> {}\nexport declare function start(): Detached;` },
    options: { allowedTypes: [{ file: "**/background.ts", name: "Detached" }] },
  },
  { name: "arrow function statement is not a call", code: `async () => {};`, fileName: "script.cts" },
  { name: "local awaited after other work", code: `${D}\nasync function f() {\n  const p = save();\n  console.log("meanwhile");\n  await p;\n}` },
  { name: "local passed on", code: `${D}\ndeclare function track(p: Promise<void>): void;\nfunction f() {\n  const p = save();\n  track(p);\n}` },
  { name: "local returned", code: `${D}\nfunction f() {\n  const p = save();\n  return p;\n}` },
  { name: "locals combined with Promise.all", code: `${D}\nasync function f() {\n  const a = save();\n  const b = save();\n  await Promise.all([a, b]);\n}` },
  { name: "local awaited on both branches", code: `${D}\nasync function f() {\n  const p = save();\n  if (c) {\n    await p;\n  } else {\n    await p;\n  }\n}` },
  { name: "local handled inside a closure", code: `${D}\nfunction f() {\n  const p = save();\n  setTimeout(() => p.catch(() => {}), 10);\n}` },
  { name: "local handled at creation", code: `${D}\nfunction f() {\n  const p = save().catch(() => {});\n  console.log(p);\n}` },
  { name: "local with a throw before its await (exceptional path)", code: `${D}\nasync function f() {\n  const p = save();\n  if (c) throw new Error("no");\n  await p;\n}` },
  { name: "local stored in an object", code: `${D}\nfunction f() {\n  const p = save();\n  return { p };\n}` },
  { name: "module-level variable is not a local", code: `${D}\nexport const ready = save();` },
  { name: "flow: a loop that awaits the local on its only path counts as consuming it", code: `${D}\nexport async function drain(batches: number[][]) {\n  const ready = save();\n  for (const batch of batches) {\n    await ready;\n    console.log(batch.length);\n  }\n}` },
  { name: "flow: a return inside a loop after the local is awaited", code: `${D}\nexport async function publish(topics: string[]) {\n  const ready = save();\n  for (const topic of topics) {\n    await ready;\n    if (topic === "") return;\n  }\n}` },
  { name: "flow: a continue inside the loop stays in the walk", code: `${D}\nexport async function publish(topics: string[]) {\n  const ready = save();\n  for (const topic of topics) {\n    if (topic === "") continue;\n    console.log(topic);\n  }\n  await ready;\n}` },
  { name: "flow: every switch case consumes the local", code: `${D}\nexport async function handle(kind: "a" | "b") {\n  const flushed = save();\n  switch (kind) {\n    case "a":\n      return flushed;\n    default:\n      await flushed;\n  }\n}` },
  { name: "flow: a break out of the switch, then the await", code: `${D}\nexport async function handle(kind: "a" | "b") {\n  const flushed = save();\n  switch (kind) {\n    case "a":\n      console.log("a");\n      break;\n    default:\n      console.log("other");\n  }\n  await flushed;\n}` },
  { name: "flow: a catch clause entered only after the local was awaited", code: `${D}\nexport async function f() {\n  const p = save();\n  try {\n    await p;\n  } catch {\n    return;\n  }\n}` },
  { name: "flow: a throw inside try goes to the catch, which awaits the local", code: `${D}\nexport async function f(ok: boolean) {\n  const p = save();\n  try {\n    if (!ok) throw new Error("bad");\n    await p;\n  } catch (error) {\n    await p;\n    throw error;\n  }\n}` },
  { name: "yield: the value sent in is used", code: `export function* requests(): Generator<string, void, Promise<Response>> {\n  const response = yield "/users";\n  return response;\n}` },
  { name: "yield: a generator that receives plain values", code: `export function* counter(): Generator<number, void, number> {\n  yield 1;\n  yield 2;\n}` },
  { name: "yield: an untyped generator's yield is left alone", code: `export function* ids() {\n  yield 1;\n  yield Promise.resolve(2);\n}` },
  { name: "yield: an async generator yielding a promise passes it to the consumer", code: `declare function load(): Promise<number>;\nexport async function* rows() {\n  yield load();\n}` },
  { name: "yield*: a delegate that returns a plain value", code: `declare const pages: Generator<number, number, void>;\nexport function* all(): Generator<number, void, void> {\n  yield* pages;\n}` },
  { name: "local awaited inside a loop", code: `${D}\nasync function f(xs: number[]) {\n  const p = save();\n  for (const x of xs) {\n    console.log(x);\n    await p;\n  }\n}` },
  { name: "local awaited in try, catch path ignored", code: `${D}\nasync function f() {\n  const p = save();\n  try {\n    await p;\n  } catch {\n    return;\n  }\n}` },
  { name: "optional call of a void callback", code: `declare const done: (() => void) | undefined;\ndone?.();`, fileName: "script.cts" },
  { name: "awaited inside a logical expression", code: `${D}\nasync function f() {\n  c && (await save());\n}` },
  { name: "a plain JavaScript function returning nothing", code: `function log() {}\nlog();`, fileName: "file.js" },
  { name: "local tested for presence: the falsy path holds no promise", code: `${D}\nexport function f() {\n  const cached = maybe();\n  if (cached) {\n    return cached;\n  }\n  console.log("miss");\n}` },
  { name: "local returned on one path, chained through its own method on the other", code: `declare class Api<T> extends Promise<T> { unwrap(): Promise<T> }\ndeclare function get(): Api<number>;\nexport function f(raw: boolean) {\n  const response = get();\n  if (raw) return response;\n  return response.unwrap();\n}` },
  { name: "local chained with then", code: `${D}\nfunction f() {\n  const p = save();\n  return p.then(() => 1);\n}` },
  {
    name: "callback-style API: `typeof callback !== \"function\"` returns the promise, the call passes a callback",
    code: `${REQ}\nexport function ping(options) {\n  request(options, (error, response) => {\n    if (error) console.error(error);\n    else console.log(response.statusCode);\n  });\n}`,
    fileName: "client.js",
  },
  {
    name: "callback-style API: a named function passed as the callback",
    code: `${REQ}\nfunction onResponse(error, response) {\n  console.log(error, response);\n}\nexport function ping(options) {\n  request(options, onResponse);\n}`,
    fileName: "client.js",
  },
  {
    name: "callback-style API: `if (!callback) return promisified(...)`",
    code: `import { promisify } from "node:util";\nimport { readFile } from "node:fs";\nconst readFileAsync = promisify(readFile);\nexport function loadConfig(path, callback) {\n  if (!callback) return readFileAsync(path, "utf8");\n  readFile(path, "utf8", callback);\n}\nexport function boot() {\n  loadConfig("app.json", (error, text) => console.log(error, text));\n}`,
    fileName: "config.js",
  },
  {
    name: "callback-style API: a guard clause for the callback path, the promise after it",
    code: `export function get(store, key, callback) {\n  if (typeof callback === "function") {\n    store.get(key, callback);\n    return;\n  }\n  return new Promise((resolve, reject) => {\n    store.get(key, (error, value) => (error ? reject(error) : resolve(value)));\n  });\n}\nexport function show(store) {\n  get(store, "user", (error, value) => console.log(error, value));\n}`,
    fileName: "cache.js",
  },
  {
    name: "callback-style API: `return callback ? undefined : promise`, the callback given a .then",
    code: `import { promises } from "node:fs";\nexport function readConfig(path, callback) {\n  const pending = promises.readFile(path, "utf8");\n  if (callback) pending.then((text) => callback(null, text), callback);\n  return callback ? undefined : pending;\n}\nexport function boot() {\n  readConfig("app.json", (error, text) => console.log(error, text));\n}`,
    fileName: "config.js",
  },
  {
    name: "callback-style API: a class method, `callback === undefined`",
    code: `export class Client {\n  query(sql, callback) {\n    if (callback === undefined) {\n      return new Promise((resolve, reject) => {\n        this.query(sql, (error, rows) => (error ? reject(error) : resolve(rows)));\n      });\n    }\n    this.send(sql, callback);\n  }\n  send(sql, callback) {\n    callback(null, [sql]);\n  }\n}\nexport function list(client) {\n  client.query("select 1", (error, rows) => console.log(error, rows));\n}`,
    fileName: "client.js",
  },
  {
    name: "callback-style API: `callback == null` returns the promise, the call passes a callback",
    code: `export function fetchUser(id, callback) {\n  if (callback == null) {\n    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));\n  }\n  setTimeout(() => callback(null, { id }), 10);\n}\nexport function show() {\n  fetchUser(1, (error, user) => console.log(error, user));\n}`,
    fileName: "users.js",
  },
  {
    name: "callback-style API: `callback != null` takes the callback path first, the promise after it",
    code: `export function fetchUser(id, callback) {\n  if (callback != null) {\n    setTimeout(() => callback(null, { id }), 10);\n    return;\n  }\n  return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));\n}\nexport function show() {\n  fetchUser(1, (error, user) => console.log(error, user));\n}`,
    fileName: "users.js",
  },
  {
    name: "callback-style API: `!callback || typeof callback !== \"function\"` returns the promise",
    code: `export function fetchUser(id, callback) {\n  if (!callback || typeof callback !== "function") {\n    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));\n  }\n  setTimeout(() => callback(null, { id }), 10);\n}\nexport function show() {\n  fetchUser(1, (error, user) => console.log(error, user));\n}`,
    fileName: "users.js",
  },
  {
    name: "callback-style API in TypeScript: an optional callback, `Promise<void> | void`",
    code: `export function connect(url: string, callback?: (error?: Error) => void): Promise<void> | void {\n  if (!callback) {\n    return new Promise((resolve, reject) => connect(url, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(), 10);\n}\nexport function start() {\n  connect("db://local", (error) => console.log(error));\n}`,
  },
  {
    name: "executor resolvers: an async helper in a promise executor whose catch calls reject (bullmq sandbox)",
    code: SANDBOX,
  },
  {
    name: "executor resolvers: the same in JavaScript",
    code: `const sandbox = (processFile, childPool) => {\n  return async function process(job, token) {\n    let child;\n    const done = new Promise((resolve, reject) => {\n      const initChild = async () => {\n        try {\n          child = await childPool.retain(processFile);\n          child.on("message", (msg) => resolve(msg.value));\n          child.send({ cmd: "start", job, token });\n        } catch (error) {\n          reject(error);\n        }\n      };\n      initChild();\n    });\n    await done;\n    return done;\n  };\n};\nexport default sandbox;`,
    fileName: "sandbox.js",
  },
  {
    name: "executor resolvers: a Deferred whose reject() calls a resolver stored in a private field (puppeteer BidiCdpSession)",
    code: DEFERRED,
  },
  {
    name: "executor resolvers: resolve given a value that may be a promise still cannot throw",
    code: `${F}\nexport function send(body: object): Promise<unknown> {\n  return new Promise((resolve, reject) => {\n    const run = async () => {\n      try {\n        await post("/ping", {});\n        resolve(post("/send", body));\n      } catch (error) {\n        reject(error);\n      }\n    };\n    run();\n  });\n}`,
  },
  {
    name: "executor resolvers: resolvers kept in fields of a Deferred, called from a catch",
    code: `${F}\nexport class Deferred<T> {\n  private resolveFn!: (value: T) => void;\n  private rejectFn!: (error: unknown) => void;\n  readonly promise = new Promise<T>((resolve, reject) => {\n    this.resolveFn = resolve;\n    this.rejectFn = reject;\n  });\n  resolve(value: T) {\n    this.resolveFn(value);\n  }\n  reject(error: unknown) {\n    this.rejectFn(error);\n  }\n}\nexport class Uploader {\n  readonly done = new Deferred<object>();\n  start(body: object) {\n    this.upload(body);\n  }\n  private async upload(body: object) {\n    try {\n      this.done.resolve(await post("/upload", body));\n    } catch (error) {\n      this.done.reject(error);\n    }\n  }\n}`,
  },
  {
    name: "executor resolvers: a let assigned only from reject, called from the catch",
    code: `${F}\nexport function upload(body: object) {\n  let fail: ((error: unknown) => void) | undefined;\n  const done = new Promise((resolve, reject) => {\n    fail = reject;\n    setTimeout(resolve, 1000);\n  });\n  const send = async () => {\n    try {\n      await post("/upload", body);\n    } catch (error) {\n      fail?.(error);\n    }\n  };\n  send();\n  return done;\n}`,
  },
  {
    name: "self-handled: the catch calls a library logger (error-handling code: library calls are taken not to throw)",
    code: `${F}\ndeclare const logger: { error(message: string, error: unknown): void };\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    logger.error("metrics failed", error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
  },
  {
    name: "executor resolvers: a reject called before the try, for a precondition",
    code: `${F}\nexport function upload(body: object, size: number) {\n  return new Promise((resolve, reject) => {\n    const send = async () => {\n      if (size === 0) {\n        reject("empty upload");\n        return;\n      }\n      try {\n        resolve(await post("/upload", body));\n      } catch (error) {\n        reject(error);\n      }\n    };\n    send();\n  });\n}`,
  },
  {
    name: "error-handling code: the catch calls a project log() that hands the error to a logging library (actionhero)",
    code: `${F}\n${LOG}\nexport class ChatRoom {\n  private async incomingMessagePerConnection(connection: { id: string; rooms: string[] }, room: string) {\n    if (connection.rooms.indexOf(room) > -1) {\n      try {\n        await post("/say", { id: connection.id, room });\n      } catch (error) {\n        log(error, "warning", { room, connection });\n      }\n    }\n  }\n  incomingMessage(connections: { id: string; rooms: string[] }[], room: string) {\n    connections.forEach((connection) => {\n      this.incomingMessagePerConnection(connection, room);\n    });\n  }\n}`,
  },
  {
    name: "error-handling code: the catch emits an event other than 'error'",
    code: `import { EventEmitter } from "node:events";\n${F}\nexport class Uploader extends EventEmitter {\n  start(file: object) {\n    this.upload(file);\n  }\n  private async upload(file: object) {\n    try {\n      await post("/upload", file);\n    } catch (error) {\n      this.emit("failed", error);\n    }\n  }\n}`,
  },
  {
    name: "error-handling code: a finally block that releases a client through a library call",
    code: `${F}\ndeclare const pool: { connect(): { release(): void } };\nexport class Metrics {\n  flush(payload: object) {\n    this.send(payload);\n  }\n  private async send(payload: object) {\n    const client = pool;\n    try {\n      await post("/metrics", payload);\n    } catch (error) {\n      console.error(error);\n    } finally {\n      client.connect().release();\n    }\n  }\n}`,
  },
  {
    name: "error-handling code: an awaited .catch() whose handler calls a library logger",
    code: `${F}\ndeclare const logger: { warn(message: string, error: unknown): void };\nasync function sendMetrics(payload: object) {\n  await post("/metrics", payload).catch((error) => logger.warn("metrics failed", error));\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
  },
  {
    name: "error-handling code: JavaScript reading the error's properties in the catch",
    code: `export class Worker {\n  constructor(logger, client) {\n    this.logger = logger;\n    this.client = client;\n  }\n  start() {\n    this.run();\n  }\n  async run() {\n    try {\n      await this.client.connect();\n    } catch (err) {\n      this.logger.error(\`connect failed: \${err.message}\`, err.stack);\n    }\n  }\n}`,
    fileName: "worker.js",
  },
  {
    name: "error-handling code: the catch returns a value, not a promise",
    code: `${F}\n${LOG}\nasync function load(payload: object): Promise<object | undefined> {\n  try {\n    return await post("/load", payload);\n  } catch (error) {\n    log(error, "error");\n    return undefined;\n  }\n}\nexport function warm(payload: object) {\n  load(payload);\n}`,
  },
  {
    name: "interface-typed members: api.chatRoom.x typed ChatRoomInitializer[\"x\"] runs the initializer's self-handled arrow (actionhero chatRoom)",
    code: CHAT,
  },
  {
    name: "interface-typed members: the optional member, called with ?.",
    code: CHAT.replace("  incomingMessagePerConnection: ChatRoomInitializer", "  incomingMessagePerConnection?: ChatRoomInitializer").replace("api.chatRoom.incomingMessagePerConnection(connection, room)", "api.chatRoom.incomingMessagePerConnection?.(connection, room)"),
  },
  {
    name: "interface-typed members: a method typed through Init[\"x\"] that never suspends",
    code: `interface Connection { id: string; send(message: string): void }\nexport interface ServersApi {\n  broadcast: WebServer["broadcast"];\n}\nexport const api = {} as { servers: ServersApi };\nexport class WebServer {\n  async broadcast(connections: Connection[], message: string) {\n    for (const connection of connections) connection.send(message);\n  }\n}\nexport function announce(connections: Connection[]) {\n  api.servers.broadcast(connections, "restarting");\n}`,
  },
  {
    name: "interface-typed members: a member typed typeof a self-handled function",
    code: `${F}\nasync function flushMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport interface Api {\n  flushMetrics: typeof flushMetrics;\n}\nexport function onRequest(api: Api, payload: object) {\n  api.flushMetrics(payload);\n}`,
  },
  {
    name: "self-handled: every path of the callee inside a try whose catch logs",
    code: `${F}\nasync function sendMetrics(payload: object) {\n  try {\n    await post("/metrics", payload);\n  } catch (error) {\n    console.error("metrics failed", error);\n  }\n}\nexport function onRequest(payload: object) {\n  sendMetrics(payload);\n}`,
  },
  {
    name: "self-handled: a method whose catch calls a project logger that cannot throw",
    code: `${F}\nexport class Cache {\n  private entries: object = {};\n  constructor() {\n    this.refresh();\n  }\n  private async refresh(): Promise<void> {\n    try {\n      this.entries = await post("/entries", {});\n    } catch (error) {\n      this.logError("refresh failed", error);\n    }\n  }\n  private logError(message: string, error: unknown): void {\n    console.warn(\`[cache] \${message}\`, error);\n  }\n}`,
  },
  {
    name: "self-handled: safe statements before the try",
    code: `${F}\nexport class Batcher {\n  private queue: object[] = [];\n  private flushing = false;\n  add(item: object) {\n    this.queue.push(item);\n    this.flush();\n  }\n  private async flush() {\n    const batch = this.queue;\n    this.queue = [];\n    this.flushing = true;\n    try {\n      await post("/batch", batch);\n    } catch (error) {\n      console.error("batch lost", batch.length, error);\n    } finally {\n      this.flushing = false;\n    }\n  }\n}`,
  },
  {
    name: "self-handled: a script's main ends the process in finally",
    code: `${F}\nasync function main() {\n  try {\n    await post("/migrate", {});\n  } finally {\n    process.exit(0);\n  }\n}\nmain();`,
    fileName: "script.cts",
  },
  {
    name: "self-handled: an async IIFE whose body is one try/catch",
    code: `${F}\n(async () => {\n  try {\n    await post("/start", {});\n  } catch (error) {\n    console.error(error);\n    process.exitCode = 1;\n  }\n})();`,
    fileName: "script.cts",
  },
  {
    name: "self-handled: the catch filters with instanceof and returns early",
    code: `${F}\nclass AbortError extends Error {}\nasync function prefetch(url: string) {\n  try {\n    await post(url, {});\n  } catch (error) {\n    if (error instanceof AbortError) return;\n    console.warn("prefetch failed", url, error);\n  }\n}\nexport function onHover(url: string) {\n  prefetch(url);\n}`,
  },
  {
    name: "self-handled: an async arrow in a class field",
    code: `${F}\nexport class Dashboard {\n  private stats: object = {};\n  private readonly refresh = async () => {\n    try {\n      this.stats = await post("/stats", {});\n    } catch (error) {\n      console.warn("stats unavailable", error);\n    }\n  };\n  show() {\n    this.refresh();\n    return this.stats;\n  }\n}`,
  },
  {
    name: "self-handled: bookkeeping with Date.now(), Map and array calls before the try",
    code: `${F}\nexport class Sessions {\n  private readonly lastSeen = new Map<string, number>();\n  private readonly pending: string[] = [];\n  touch(id: string) {\n    this.persist(id);\n  }\n  private async persist(id: string) {\n    const now = Date.now();\n    this.lastSeen.set(id, now);\n    this.pending.push(id);\n    try {\n      await post("/sessions", { id, now });\n    } catch (error) {\n      console.warn("session not saved", id, Math.round(now / 1000), error);\n    } finally {\n      this.pending.splice(this.pending.indexOf(id), 1);\n    }\n  }\n}`,
  },
  {
    name: "self-handled: a callee that only awaits callees that cannot reject",
    code: `${F}\nasync function syncUsers() {\n  try {\n    await post("/users", {});\n  } catch (error) {\n    console.error(error);\n  }\n}\nasync function syncOrders() {\n  try {\n    await post("/orders", {});\n  } catch (error) {\n    console.error(error);\n  }\n}\nasync function syncAll() {\n  await syncUsers();\n  await syncOrders();\n}\nexport function onTimer() {\n  syncAll();\n}`,
  },
  {
    name: "self-handled: a non-async function returning `.catch(handler)`",
    code: `${F}\nfunction warmUp(): Promise<void> {\n  return post("/warm", {}).then(() => undefined).catch((error) => {\n    console.warn("warm-up failed", error);\n  });\n}\nexport function start() {\n  warmUp();\n}`,
  },
  {
    name: "self-handled: JavaScript with an empty catch",
    code: `async function report(error) {\n  try {\n    await fetch("https://errors.example.com", { method: "POST", body: String(error) });\n  } catch {}\n}\nexport function onError(error) {\n  report(error);\n}`,
    fileName: "file.js",
  },
  {
    name: "self-handled: a local holding the promise of a callee that cannot reject",
    code: `${F}\nasync function prefetch(url: string) {\n  try {\n    await post(url, {});\n  } catch {\n    // a cache miss later is fine\n  }\n}\nexport function hover(url: string, enabled: boolean) {\n  const pending = prefetch(url);\n  if (!enabled) return;\n  console.log("prefetching", pending);\n}`,
  },
  {
    name: "narrowing: an optional hook's promise collected after `instanceof Promise` (event broadcaster)",
    code: `${SUB}\nexport function broadcastBeforeInsert(result: Result, subscribers: Subscriber[], entity: object) {\n  subscribers.forEach((subscriber) => {\n    const executionResult = subscriber.beforeInsert?.(entity);\n    if (executionResult instanceof Promise) result.promises.push(executionResult);\n    result.count++;\n  });\n}`,
  },
  {
    name: "narrowing: the hook checked for presence, then `instanceof Promise` in a block",
    code: `${SUB}\nexport function broadcastBeforeInsert(result: Result, subscriber: Subscriber, entity: object) {\n  if (subscriber.beforeInsert) {\n    const executionResult = subscriber.beforeInsert(entity);\n    if (executionResult instanceof Promise) {\n      result.promises.push(executionResult);\n    }\n    result.count++;\n  }\n}`,
  },
  {
    name: "narrowing: early return on the non-promise branch of `instanceof`",
    code: `${SUB}\nexport async function runHook(subscriber: Subscriber, entity: object) {\n  const maybePromise = subscriber.beforeInsert?.(entity);\n  if (!(maybePromise instanceof Promise)) return;\n  await maybePromise;\n}`,
  },
  {
    name: "narrowing: a user type guard",
    code: `${SUB}\nfunction isPromise(value: unknown): value is Promise<unknown> {\n  return value instanceof Promise;\n}\nexport function runHook(pending: Promise<unknown>[], subscriber: Subscriber, entity: object) {\n  const outcome = subscriber.beforeInsert?.(entity);\n  if (isPromise(outcome)) {\n    pending.push(outcome);\n  }\n}`,
  },
  {
    name: "narrowing: Node's util.types.isPromise guard",
    code: `import { types } from "node:util";\n${SUB}\nexport async function runHook(subscriber: Subscriber, entity: object) {\n  const outcome = subscriber.beforeInsert?.(entity);\n  if (types.isPromise(outcome)) await outcome;\n}`,
  },
  {
    name: "narrowing: `typeof result?.then !== \"function\"` returns early",
    code: `${SUB}\nexport async function runHook(subscriber: Subscriber) {\n  const result = subscriber.afterLoad?.({ id: 1 });\n  if (typeof result?.then !== "function") return;\n  await result;\n}`,
  },
  {
    name: "narrowing: a presence test and `typeof result.then` combined with &&",
    code: `${SUB}\nexport function runHook(pending: Promise<void>[], subscriber: Subscriber) {\n  const result = subscriber.afterLoad?.({ id: 1 });\n  if (result && typeof result.then === "function") {\n    pending.push(result);\n  }\n  console.log("hook ran");\n}`,
  },
  {
    name: "narrowing: `typeof result?.then === \"function\"` collects, the other path goes on",
    code: `${SUB}\nexport function runHooks(pending: Promise<void>[], subscribers: Subscriber[]) {\n  for (const subscriber of subscribers) {\n    const result = subscriber.afterLoad?.({ id: 1 });\n    if (typeof result?.then === "function") pending.push(result);\n  }\n}`,
  },
  {
    name: "narrowing: awaited in the `instanceof` branch, logged in the else branch",
    code: `${SUB}\nexport async function runHook(subscriber: Subscriber, entity: object) {\n  const result = subscriber.beforeInsert?.(entity);\n  if (result instanceof Promise) {\n    await result;\n  } else {\n    console.log("synchronous hook");\n  }\n}`,
  },
  {
    name: "narrowing: `!result || !(result instanceof Promise)` returns early",
    code: `${SUB}\nexport async function runHook(subscriber: Subscriber, entity: object) {\n  const result = subscriber.beforeInsert?.(entity);\n  if (!result || !(result instanceof Promise)) {\n    return;\n  }\n  await result;\n}`,
  },
  {
    name: "never-suspending callees, N5: an abstract method whose only implementation has no await (actionhero), called in base and subclass",
    code: SERVERS,
  },
  {
    name: "never-suspending callees, N5: every subclass's override of a concrete method never suspends",
    code: `declare function log(line: string): void;\nexport class Reporter {\n  async report(line: string): Promise<void> {\n    log(line);\n  }\n  done() {\n    this.report("done");\n  }\n}\nexport class JsonReporter extends Reporter {\n  async report(line: string) {\n    log(JSON.stringify({ line }));\n  }\n}`,
  },
  {
    name: "never-suspending callees, N5: an async function that only emits",
    code: `import { EventEmitter } from "node:events";\nconst events = new EventEmitter();\nasync function notify(name: string) {\n  events.emit("changed", name);\n}\nexport function rename(name: string) {\n  notify(name);\n}`,
  },
  {
    name: "never-suspending callees, N5: an async IIFE without await",
    code: `declare function startServer(port: number): void;\n(async () => {\n  startServer(8080);\n})();`,
  },
  {
    name: "never-suspending callees, N5: an async arrow class field without await",
    code: `export class Buffer {\n  private items: string[] = [];\n  private reset = async () => {\n    this.items = [];\n  };\n  close() {\n    this.reset();\n  }\n}`,
  },
  {
    name: "never-suspending callees, N5b: a welcome message right after the server assigns the connection's sendMessage (actionhero server.ts)",
    code: CONNECTIONS.replace("    return connection;", '    if (this.welcome) {\n      connection.sendMessage({ welcome: "Hello", context: "api" });\n    }\n    return connection;'),
  },
  {
    name: "never-suspending callees, N5b: the delayed welcome in a timer's try/catch (actionhero server.ts)",
    code: `${CONNECTIONS}\nexport function welcomeLater(connection: Connection, delay: number) {\n  setTimeout(() => {\n    try {\n      connection.sendMessage({ welcome: "Hello", context: "api" });\n    } catch (error) {\n      console.error(error);\n    }\n  }, delay);\n}`,
  },
  {
    name: "never-suspending callees, N5b: a chat room in another file sends to a member connection (actionhero chatRoom.ts)",
    code: `import { Connection } from "./connection";\ndeclare function runMiddleware(connection: Connection, payload: object): Promise<object | null>;\nexport async function deliver(connection: Connection, payload: object) {\n  try {\n    const message = await runMiddleware(connection, payload);\n    if (message !== null) {\n      connection.sendMessage(message, "say");\n    }\n  } catch (error) {\n    console.warn(error);\n  }\n}`,
    extraFiles: { "connection.ts": CONNECTIONS },
  },
  {
    name: "never-suspending callees, N5b: a JavaScript base method that only throws, implemented by subclasses (an abstract method without `abstract`)",
    code: `export class Transport {\n  async send(message) {\n    throw new Error("send() must be implemented by a subclass");\n  }\n  notify(event) {\n    this.send(JSON.stringify(event));\n  }\n}\nexport class ConsoleTransport extends Transport {\n  async send(message) {\n    console.log(message);\n  }\n}`,
    fileName: "file.js",
  },
  {
    name: "never-suspending callees, N5b: placeholders in a base and an intermediate class, implemented by the leaf",
    code: `export class Transport {\n  async send(message) {\n    throw new Error("not implemented");\n  }\n  notify(event) {\n    this.send(JSON.stringify(event));\n  }\n}\nexport class BufferedTransport extends Transport {\n  async send(message) {\n    throw new Error("BufferedTransport is abstract: implement send()");\n  }\n}\nexport class MemoryTransport extends BufferedTransport {\n  constructor() {\n    super();\n    this.sent = [];\n  }\n  async send(message) {\n    this.sent.push(message);\n  }\n}`,
    fileName: "file.js",
  },
  {
    name: "never-suspending callees, N5b: a placeholder throwing a project error class, set per instance",
    code: `class NotImplementedError extends Error {}\ndeclare function queueFile(connection: Connection): void;\nexport class Connection {\n  params: Record<string, string> = {};\n  async sendFile(path: string): Promise<void> {\n    throw new NotImplementedError("sendFile");\n  }\n}\nexport function build(): Connection {\n  const connection = new Connection();\n  connection.sendFile = async (path) => {\n    connection.params.file = path;\n    queueFile(connection);\n  };\n  connection.sendFile("/index.html");\n  return connection;\n}`,
  },
  {
    name: "never-suspending callees, N5b: a method rebound with bind in the constructor keeps its own body",
    code: `declare function write(text: string): void;\nexport class Console {\n  constructor() {\n    this.print = this.print.bind(this);\n  }\n  async print(text: string): Promise<void> {\n    write(text);\n  }\n  banner() {\n    this.print("ready");\n  }\n}`,
  },
  {
    name: "never-rejecting library promises: Node's Worker#terminate in a child's kill (bullmq child.js)",
    code: `import { Worker } from "worker_threads";\nexport class Child {\n  constructor(file) {\n    this.file = file;\n    this.worker = undefined;\n  }\n  init() {\n    this.worker = new Worker(this.file);\n  }\n  killProcess(signal = "SIGKILL") {\n    if (this.worker) {\n      if (signal === "SIGTERM") {\n        this.worker.postMessage({ cmd: "stop" });\n      } else {\n        this.worker.terminate();\n      }\n    }\n  }\n}`,
    fileName: "file.js",
  },
  {
    name: "never-rejecting library promises: Worker#terminate in a sync close, imported with node:",
    code: `import { Worker } from "node:worker_threads";\nexport class ThumbnailPool {\n  private readonly workers: Worker[] = [];\n  close() {\n    for (const worker of this.workers) {\n      worker.terminate();\n    }\n    this.workers.length = 0;\n  }\n}`,
  },
  {
    name: "never-rejecting library promises: an async helper that awaits terminate and logs cannot reject",
    code: `import { Worker } from "node:worker_threads";\nasync function stopWorker(worker: Worker) {\n  await worker.terminate();\n  console.log("worker stopped");\n}\nexport function shutdown(worker: Worker) {\n  stopWorker(worker);\n}`,
  },
  {
    name: "never-rejecting library promises: then(cb) on terminate where cb cannot throw",
    code: `import { Worker } from "node:worker_threads";\nexport function stop(worker: Worker) {\n  worker.terminate().then((code) => console.log("exited with", code));\n}`,
  },
  {
    name: "never-rejecting promises, N3c: then(cb) that calls each listener inside try/catch",
    code: `${LISTENERS}\n    this.promise.then((cancel) => {\n      if (!token.listeners) return;\n      let i = token.listeners.length;\n      while (i-- > 0) {\n        try {\n          token.listeners[i](cancel);\n        } catch (error) {\n          console.error("cancel listener failed", error);\n        }\n      }\n      token.listeners = null;\n    });\n  }\n}`,
  },
  {
    name: "never-rejecting promises, N3c: the listener loop marked as a deliberate fire-and-forget with void",
    code: `${LISTENERS}\n    void this.promise.then((cancel) => {\n      let i = token.listeners?.length ?? 0;\n      while (i-- > 0) token.listeners?.[i](cancel);\n    });\n  }\n}`,
  },
  {
    name: "never-rejecting promises, N3: a field set only from new Promise((resolve) => ...), then(cb) that cannot throw (axios CancelToken)",
    code: CANCEL_TOKEN,
  },
  {
    name: "never-rejecting promises, N3: a subclass that leaves the field alone",
    code: `${CANCEL_TOKEN}\nexport class TimedToken extends CancelToken {\n  constructor(ms: number) {\n    super((cancel) => setTimeout(() => cancel("timeout"), ms));\n  }\n}`,
  },
  {
    name: "never-rejecting promises, N3: a local const from a timer promise, chained twice",
    code: `export function announce() {\n  const timer = new Promise<number>((resolve) => setTimeout(() => resolve(42), 10));\n  timer.then((n) => console.log(n)).then(() => console.log("done"));\n}`,
  },
  {
    name: "never-rejecting promises, N3: awaiting a never-rejecting field makes the async callee self-handled",
    code: `export class Server {\n  private markStarted: () => void = () => {};\n  private started = new Promise<void>((resolve) => {\n    this.markStarted = resolve;\n  });\n  private async announce() {\n    await this.started;\n    console.log("listening");\n  }\n  listen() {\n    this.announce();\n    this.markStarted();\n  }\n}`,
  },
  {
    name: "never-rejecting promises, N3: awaiting a never-rejecting local in a floated async function",
    code: `async function waitReady() {\n  const ready = new Promise<void>((resolve) => setImmediate(resolve));\n  await ready;\n  console.log("ready");\n}\nwaitReady();`,
  },
  {
    name: "never-rejecting promises, N3: a local delay dropped on an early return",
    code: `export async function pause(skip: boolean) {\n  const delay = new Promise<void>((resolve) => setTimeout(resolve, 5));\n  if (skip) return;\n  await delay;\n}`,
  },
  {
    name: "never-rejecting promises, N3: new Promise as a statement whose executor only resolves",
    code: `function f() {\n  new Promise<void>((resolve) => resolve());\n}`,
  },
  {
    name: "deliberate rejection: an event emitter surfaces an unlistened 'error' event as an unhandled rejection",
    code: `import { EventEmitter } from "node:events";\nexport class MessageStream extends EventEmitter {\n  _emit(event: string, ...args: unknown[]) {\n    const error = args[0];\n    if (event === "error" && !this.listenerCount("error")) {\n      // surface as an unhandled rejection, as an error event with no listener would throw\n      Promise.reject(error);\n    }\n    this.emit(event, ...args);\n  }\n}`,
  },
  {
    name: "deliberate rejection: the same in JavaScript",
    code: `export class Stream {\n  constructor() {\n    this.listeners = {};\n  }\n  _emit(event, error) {\n    const handlers = this.listeners[event];\n    if (event === "error" && !handlers) {\n      Promise.reject(error);\n      return;\n    }\n    for (const handler of handlers ?? []) handler(error);\n  }\n}`,
    fileName: "stream.js",
  },
  {
    name: "deliberate rejection: through globalThis",
    code: `export function surface(error: Error) {\n  globalThis.Promise.reject(error);\n}`,
  },
  {
    name: "deliberate rejection: in a timer callback, to escape a caller's try/catch",
    code: `export function report(error: unknown) {\n  setTimeout(() => {\n    Promise.reject(error);\n  }, 0);\n}`,
  },
  { name: "void-marked local: `void done.finally(...)` on one branch, nothing on the other (network manager)", code: PUP },
  {
    name: "void-marked local: `void loading.then(...)` when eager, an early return otherwise",
    code: `declare class Cache { load(): Promise<number>; }\nexport function warm(cache: Cache, eager: boolean, verbose: boolean) {\n  const loading = cache.load();\n  if (!verbose) return;\n  if (eager) void loading.then((count) => console.log("cache warm", count));\n}`,
  },
  {
    name: "void-marked local: `void (task as Promise<void>)` in one case of a switch",
    code: `declare function flush(): Promise<void>;\nexport function onEvent(kind: "save" | "close" | "ping") {\n  const task = flush();\n  if (kind === "ping") return;\n  switch (kind) {\n    case "save":\n      void (task as Promise<void>);\n      break;\n  }\n}`,
  },
  {
    name: "void-marked local: a `then`/`catch` chain under `void`",
    code: `declare function connect(): Promise<{ id: number }>;\nexport function open(log: boolean) {\n  const connecting = connect();\n  if (log) {\n    void connecting.then((socket) => console.log("connected", socket.id)).catch(() => {});\n  }\n}`,
  },
  { name: "entry script: `main();` as its last statement (server start script)", code: `${ENTRY}\nmain();`, fileName: "server.ts" },
  {
    name: "entry script: a JavaScript bin",
    code: `#!/usr/bin/env node\nconst { globalPrefix } = require("./global-prefix.js");\n\nasync function main () {\n  console.log(await globalPrefix());\n}\nmain()`,
    fileName: "npm-prefix.js",
    extraFiles: { "global-prefix.js": `exports.globalPrefix = async () => "/usr/local";` },
  },
  {
    name: "entry script: `main().then(() => process.exit(0))` at the end",
    code: `${ENTRY}\nmain().then(() => process.exit(0));`,
    fileName: "cli.cts",
  },
  {
    name: "entry script: an async IIFE as the script's body",
    code: `#!/usr/bin/env node\ndeclare function build(dir: string): Promise<number>;\n(async () => {\n  const count = await build(process.argv[2] ?? ".");\n  console.log(\`built \${count} files\`);\n})();`,
    fileName: "build.cts",
  },
  {
    name: "entry script: called before its hoisted declaration, types and exports after it",
    code: `#!/usr/bin/env node\ndeclare function serve(port: number): Promise<void>;\nmain();\nasync function main() {\n  await serve(Number(process.env.PORT ?? 3000));\n}\ninterface Options { port: number }\nexport type { Options };`,
    fileName: "bin.mts",
  },
  {
    name: "entry script: an ES module entry may keep `main();` (`await main();` says the same)",
    code: `${ENTRY}\nmain();\nexport {};`,
    fileName: "server.mts",
  },
  // Issue 11, item 1: type parameters and optional chains that are no array of promises.
  { name: "type parameter constrained to an array of numbers", code: `function f<T extends number[]>(counts: T) {\n  counts;\n}` },
  { name: "unconstrained type parameter is not guessed at", code: `function f<T>(value: T) {\n  value;\n}` },
  { name: "type parameter constrained to unknown[] is not guessed at", code: `function f<T extends unknown[]>(items: T) {\n  items;\n}` },
  { name: "type parameter constrained to any[] is not guessed at", code: `function f<T extends any[]>(items: T) {\n  items;\n}` },
  { name: "type parameter array of promises returned", code: `function f<T extends Promise<number>[]>(writes: T) {\n  return writes;\n}` },
  { name: "optional element access of nested number arrays", code: `declare const rows: number[][] | undefined;\nfunction f() {\n  rows?.[0];\n}` },
  {
    name: "optional element access of nested promise arrays, awaited with Promise.all",
    code: `declare const batches: Promise<void>[][] | undefined;\nasync function f() {\n  await Promise.all(batches?.[0] ?? []);\n}`,
  },
  { name: "optional element access of nested promise arrays, voided", code: `declare const batches: Promise<void>[][] | undefined;\nfunction f() {\n  void batches?.[0];\n}` },
  { name: "length of an optional promise array", code: `declare const batches: Promise<void>[][] | undefined;\nfunction f() {\n  batches?.[0]?.length;\n}` },
  // Issue 11, item 2: awaited values that leave no promise behind.
  { name: "awaited array of promises passed to Promise.all", code: `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  await Promise.all(await listJobs());\n}` },
  { name: "awaited array of promises returned", code: `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  return await listJobs();\n}` },
  { name: "awaited array of promises stored and awaited one by one", code: `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  for (const job of await listJobs()) await job;\n}` },
  { name: "awaited array of promises voided", code: `declare function listJobs(): Promise<Promise<void>[]>;\nasync function drain() {\n  void (await listJobs());\n}` },
  { name: "awaited array of plain values", code: `declare function listIds(): Promise<string[]>;\nasync function f() {\n  await listIds();\n}` },
  { name: "awaited array of unknown values is not guessed at", code: `declare function listAny(): Promise<unknown[]>;\nasync function f() {\n  await listAny();\n}` },
  // Issue 11, item 3: spread handler lists whose chain is handled some other way.
  { name: "then(...steps, onRejected) followed by catch", code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  fetchPage().then(...render, (error) => console.error(error)).catch((error) => console.error(error));\n}` },
  { name: "then(...steps, onRejected) awaited", code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nasync function show() {\n  await fetchPage().then(...render, (error) => console.error(error));\n}` },
  { name: "then(...steps, onRejected) returned", code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  return fetchPage().then(...render, (error) => console.error(error));\n}` },
  { name: "then(...steps) voided (ignoreVoid on)", code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  void fetchPage().then(...render);\n}` },
  { name: "then(...steps) followed by catch", code: `declare function fetchPage(): Promise<string>; declare const render: [] | [(html: string) => void];\nfunction show() {\n  fetchPage().then(...render).catch((error) => console.error(error));\n}` },
  {
    name: "spread into the then of something that is no promise",
    code: `declare const pipeline: { then(...steps: Array<() => void>): void }; declare const steps: Array<() => void>;\nfunction build() {\n  pipeline.then(...steps, () => console.log("done"));\n}`,
  },
  // Issue 11, item 4: rejection handlers that are functions on every path (or cannot be known).
  { name: "optional callback with a default", code: `declare function connect(): Promise<void>;\ninterface Options { onError?: (error: unknown) => void }\nexport function start(options: Options) {\n  connect().catch(options.onError ?? ((error) => console.error(error)));\n}` },
  { name: "optional callback narrowed by a test", code: `declare function connect(): Promise<void>;\ninterface Options { onError?: (error: unknown) => void }\nexport function start(options: Options) {\n  if (options.onError) connect().catch(options.onError);\n}` },
  { name: "handler narrowed by typeof", code: `declare function connect(): Promise<void>;\ndeclare const onError: string | ((error: unknown) => void);\nfunction start() {\n  if (typeof onError === "function") connect().then(() => console.log("up"), onError);\n}` },
  { name: "union of two function types", code: `declare function connect(): Promise<void>;\ndeclare const onError: ((error: Error) => void) | ((error: unknown) => Promise<void>);\nfunction start() {\n  connect().catch(onError);\n}` },
  { name: "function type intersected with properties", code: `declare function connect(): Promise<void>;\ndeclare const onError: ((error: unknown) => void) & { displayName: string };\nfunction start() {\n  connect().catch(onError);\n}` },
  { name: "handler typed any is not guessed at", code: `declare function connect(): Promise<void>;\ndeclare const onError: any;\nfunction start() {\n  connect().catch(onError);\n}` },
  { name: "handler of a type parameter constrained to a function", code: `declare function connect(): Promise<void>;\nfunction start<H extends (error: unknown) => void>(onError: H) {\n  connect().then(() => console.log("up"), onError);\n}` },
  // mutation cases, report lines 1000-1179
  {
    name: "callback-style API, argument shuffle (mysql): `conn.query(sql, callback)` on a prototype method that moves `values` into `cb`",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.query = function query(sql, values, cb) {",
      '  if (typeof values === "function") {',
      "    cb = values;",
      "    values = undefined;",
      "  }",
      "  if (!cb) {",
      "    return new Promise((resolve, reject) => {",
      "      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));",
      "    });",
      "  }",
      "  this.enqueue(sql, values, cb);",
      "};",
      "Connection.prototype.enqueue = function enqueue(sql, values, cb) {",
      "  setImmediate(() => cb(null, [sql, values]));",
      "};",
      "/** @param {Connection} connection */",
      "export function listUsers(connection) {",
      '  connection.query("SELECT id, name FROM users", (error, rows) => {',
      "    if (error) throw error;",
      "    console.log(rows);",
      "  });",
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  {
    name: "callback-style API, argument shuffle (mysql): `conn.query(sql, values, callback)` keeps the callback in its own place",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.query = function query(sql, values, cb) {",
      '  if (typeof values === "function") {',
      "    cb = values;",
      "    values = undefined;",
      "  }",
      "  if (!cb) {",
      "    return new Promise((resolve, reject) => {",
      "      this.query(sql, values, (error, rows) => (error ? reject(error) : resolve(rows)));",
      "    });",
      "  }",
      "  setImmediate(() => cb(null, [sql, values]));",
      "};",
      "/** @param {Connection} connection */",
      "export function findUser(connection, id) {",
      '  connection.query("SELECT * FROM users WHERE id = ?", [id], (error, rows) => console.log(error, rows));',
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  {
    name: "callback-style API, argument shuffle (mysql2): a class method `execute(sql, values, cb)` called with and without values",
    code: [
      "export class Connection {",
      "  execute(sql, values, cb) {",
      '    if (typeof values === "function") {',
      "      cb = values;",
      "      values = [];",
      "    }",
      '    if (typeof cb !== "function") {',
      "      return new Promise((resolve, reject) => {",
      "        this.execute(sql, values, (error, rows, fields) => (error ? reject(error) : resolve([rows, fields])));",
      "      });",
      "    }",
      "    this.addCommand({ sql, values, onResult: cb });",
      "  }",
      "  addCommand(command) {",
      "    setImmediate(() => command.onResult(null, [], []));",
      "  }",
      "}",
      "const connection = new Connection();",
      "export function audit(userId) {",
      '  connection.execute("SELECT NOW()", (error, rows) => console.log(error, rows));',
      '  connection.execute("INSERT INTO audit (user_id) VALUES (?)", [userId], (error) => {',
      "    if (error) console.error(error);",
      "  });",
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  {
    name: "callback-style API, argument shuffle (pg) in TypeScript: `pool.query(text, cb)` and `pool.query(text, values, cb)`",
    code: [
      "export interface QueryResult { rows: unknown[] }",
      "export type QueryCallback = (error: Error | null, result?: QueryResult) => void;",
      "export class Pool {",
      "  query(text: string, values?: unknown[] | QueryCallback, cb?: QueryCallback): Promise<QueryResult> | undefined {",
      '    if (typeof values === "function") {',
      "      cb = values;",
      "      values = undefined;",
      "    }",
      "    if (!cb) {",
      "      return new Promise((resolve, reject) => {",
      "        this.query(text, values, (error, result) => (error ? reject(error) : resolve(result ?? { rows: [] })));",
      "      });",
      "    }",
      "    const callback = cb;",
      "    setImmediate(() => callback(null, { rows: [text, values] }));",
      "    return undefined;",
      "  }",
      "}",
      "export function report(pool: Pool, since: Date) {",
      '  pool.query("SELECT now()", (error, result) => console.log(error, result?.rows));',
      '  pool.query("SELECT count(*) FROM orders WHERE created_at > $1", [since], (error, result) => console.log(error, result?.rows));',
      "}",
    ].join("\n"),
  },
  {
    name: "callback-style API, options shuffle: `request(callback)` moves the function from `options` into `callback`",
    code: [
      'import * as http from "node:http";',
      "export function request(options, callback) {",
      '  if (typeof options === "function") {',
      "    callback = options;",
      "    options = {};",
      "  }",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => {",
      "      request(options, (error, response) => (error ? reject(error) : resolve(response)));",
      "    });",
      "  }",
      '  const req = http.request({ host: "localhost", ...options }, (response) => callback(null, response));',
      '  req.on("error", callback);',
      "  req.end();",
      "}",
      "export function ping() {",
      "  request((error, response) => console.log(error, response?.statusCode));",
      "}",
    ].join("\n"),
    fileName: "client.js",
  },
  {
    name: "callback-style API, options shuffle in TypeScript: `readConfig(path, options?, callback?)` as fs.readFile takes them",
    code: [
      'import { readFile } from "node:fs";',
      "interface ReadOptions { encoding?: BufferEncoding }",
      "type ReadCallback = (error: NodeJS.ErrnoException | null, text?: string) => void;",
      "export function readConfig(path: string, options?: ReadOptions | ReadCallback, callback?: ReadCallback): Promise<string> | undefined {",
      '  if (typeof options === "function") {',
      "    callback = options;",
      "    options = {};",
      "  }",
      '  const encoding = options?.encoding ?? "utf8";',
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => readFile(path, encoding, (error, text) => (error ? reject(error) : resolve(text))));",
      "  }",
      "  readFile(path, encoding, callback);",
      "  return undefined;",
      "}",
      "export function boot() {",
      '  readConfig("app.json", (error, text) => console.log(error, text));',
      '  readConfig("app.json", { encoding: "latin1" }, (error, text) => console.log(error, text));',
      "}",
    ].join("\n"),
  },
  {
    name: "callback-style API, options shuffle with an else branch that fills in the defaults",
    code: [
      "export function send(message, options, callback) {",
      '  if (typeof options === "function") {',
      "    callback = options;",
      "    options = { retries: 3 };",
      "  } else {",
      "    options = Object.assign({ retries: 3 }, options);",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => send(message, options, (error, id) => (error ? reject(error) : resolve(id))));",
      "  }",
      "  setTimeout(() => callback(null, `${message}:${options.retries}`), 10);",
      "}",
      "export function notify(user) {",
      '  send(`hello ${user}`, (error, id) => console.log(error, id));',
      "}",
    ].join("\n"),
    fileName: "mailer.js",
  },
  {
    name: "callback-style API, two shuffle steps after a `const` (knex-like `raw(sql, bindings, options, callback)`)",
    code: [
      "export function Client(config) {",
      "  this.config = config;",
      "}",
      "Client.prototype.raw = function raw(sql, bindings, options, callback) {",
      "  const client = this;",
      '  if (typeof bindings === "function") {',
      "    callback = bindings;",
      "    bindings = [];",
      "  }",
      '  if (typeof options === "function") {',
      "    callback = options;",
      "    options = {};",
      "  }",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => client.raw(sql, bindings, options, (error, rows) => (error ? reject(error) : resolve(rows))));",
      "  }",
      "  setImmediate(() => callback(null, [sql, bindings, options]));",
      "};",
      "/** @param {Client} client */",
      "export function warmUp(client) {",
      '  client.raw("select 1", (error) => console.log(error));',
      '  client.raw("select ?", [1], (error, rows) => console.log(error, rows));',
      '  client.raw("select ?", [1], { timeout: 500 }, (error, rows) => console.log(error, rows));',
      "}",
    ].join("\n"),
    fileName: "client.js",
  },
  {
    name: "callback-style API, options shuffle written with `!==`: defaults in the then branch, the move in the else",
    code: [
      "export function stat(path, options, callback) {",
      '  if (typeof options !== "function") {',
      "    options = { bigint: false, ...options };",
      "  } else {",
      "    callback = options;",
      "    options = { bigint: false };",
      "  }",
      "  if (callback === undefined) {",
      "    return new Promise((resolve, reject) => stat(path, options, (error, stats) => (error ? reject(error) : resolve(stats))));",
      "  }",
      "  setImmediate(() => callback(null, { path, bigint: options.bigint }));",
      "}",
      "export function show() {",
      '  stat("package.json", (error, stats) => console.log(error, stats));',
      "}",
    ].join("\n"),
    fileName: "stat.js",
  },
  // mutation cases, report lines 1180-end
  {
    name: "uses: a nested function declaration handles the local, called before an early return (the use escapes the analysis)",
    code: `declare function upload(file: string): Promise<void>;\nexport async function publish(file: string, dryRun: boolean) {\n  const uploading = upload(file);\n  reportFailures();\n  if (dryRun) return;\n  await uploading;\n  function reportFailures() {\n    uploading.catch((error) => console.error("upload failed", error));\n  }\n}`,
  },
  {
    name: "uses: a cached page or a fresh render, awaited through `??`",
    code: `declare function cachedPage(path: string): Promise<string> | undefined;\ndeclare function render(path: string): Promise<string>;\nexport async function page(path: string) {\n  const hit = cachedPage(path);\n  return await (hit ?? render(path));\n}`,
  },
  {
    name: "uses: a property of the same name read in a callback after the local is awaited",
    code: `declare function save(): Promise<void>;\ninterface Job { id: string; ready: boolean }\nexport async function schedule(jobs: Job[]) {\n  const ready = save();\n  await ready;\n  console.log(jobs.filter((job) => job.ready).length);\n}`,
  },
  {
    name: "uses: `\"cancel\" in body` and then awaited",
    code: `declare function download(url: string): Promise<Uint8Array>;\nexport async function fetchBody(url: string) {\n  const body = download(url);\n  if ("cancel" in body) console.log("download can be cancelled");\n  return await body;\n}`,
  },
  {
    name: "uses: stored in a field on both paths",
    code: `declare function connect(): Promise<void>;\nexport class Client {\n  private connecting: Promise<void> | undefined;\n  open(offline: boolean) {\n    const connecting = connect();\n    this.connecting = connecting;\n    if (offline) return;\n    console.log("connecting");\n  }\n}`,
  },
  {
    name: "uses: `!flushing` returns, the optional promise is awaited otherwise",
    code: `declare function maybeFlush(): Promise<void> | undefined;\nexport async function close(log: string[]) {\n  const flushing = maybeFlush();\n  if (!flushing) return log.push("nothing to flush");\n  await flushing;\n}`,
  },
  {
    name: "uses: a hook's optional promise (a type parameter) returned where it is falsy, then awaited",
    code: `export async function run<T extends Promise<void> | undefined>(start: () => T) {\n  const pending = start();\n  if (!pending) return;\n  await pending;\n}`,
  },
  {
    name: "uses: a hook's optional promise (a type parameter) awaited where it is truthy",
    code: `export async function run<T extends Promise<void> | undefined>(start: () => T) {\n  const pending = start();\n  if (pending) await pending;\n}`,
  },
  {
    name: "uses: a hook's optional promise (a type parameter) returned where it is `=== undefined`",
    code: `export async function run<T extends Promise<void> | undefined>(start: () => T) {\n  const pending = start();\n  if (pending === undefined) return;\n  await pending;\n}`,
  },
  {
    name: "uses: a hook's optional promise (a type parameter) returned where it is `== null`",
    code: `export async function run<T extends Promise<void> | null>(start: () => T) {\n  const pending = start();\n  if (pending == null) return;\n  await pending;\n}`,
  },
  {
    name: "uses: a hook's optional promise (a type parameter) awaited where it is `!== undefined`",
    code: `export async function run<T extends Promise<void> | undefined>(start: () => T) {\n  const pending = start();\n  if (pending !== undefined) await pending;\n}`,
  },
  {
    name: "uses: a hook's optional promise (a type parameter) awaited where `null != pending`",
    code: `export async function run<T extends Promise<void> | null>(start: () => T) {\n  const pending = start();\n  if (null != pending) await pending;\n}`,
  },
  {
    name: "uses: `dirty && save()` returned where it is `=== false` (no promise there), awaited otherwise",
    code: `${D}\nexport async function flush(dirty: boolean) {\n  const saving = dirty && save();\n  if (saving === false) return;\n  await saving;\n}`,
  },
  {
    name: "uses: returns where the request is the one already shown (held there), awaited otherwise",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nexport async function show(n: number) {\n  const next = loadPage(n);\n  if (next === shown) return;\n  await next;\n}`,
  },
  {
    name: "uses: awaited where the request is not the one already shown (held there)",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nexport async function show(n: number) {\n  const next = loadPage(n);\n  if (next !== shown) await next;\n}`,
  },
  {
    name: "uses: returns where the request `==` the one already shown, awaited otherwise",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nexport async function show(n: number) {\n  const next = loadPage(n);\n  if (next == shown) return;\n  await next;\n}`,
  },
  {
    name: "uses: awaited where the request `!=` the one already shown",
    code: `declare function loadPage(n: number): Promise<string>;\nlet shown: Promise<string> | undefined;\nexport async function show(n: number) {\n  const next = loadPage(n);\n  if (next != shown) await next;\n}`,
  },
  {
    name: "callback-style API, the callback as the only parameter (pg-pool's `end(cb)`): `cb == null` returns the promise, `this.ending = true` writes no parameter",
    code: [
      "export function Pool(options) {",
      "  this.options = options;",
      "  this.ending = false;",
      "}",
      "Pool.prototype.end = function end(cb) {",
      "  if (cb == null) {",
      "    return new Promise((resolve, reject) => this.end((error) => (error ? reject(error) : resolve())));",
      "  }",
      "  if (this.ending) {",
      '    setImmediate(cb, new Error("Called end on pool more than once"));',
      "    return;",
      "  }",
      "  this.ending = true;",
      "  setImmediate(cb);",
      "};",
      "/** @param {Pool} pool */",
      "export function shutdown(pool) {",
      '  pool.end((error) => console.log("pool closed", error));',
      "}",
    ].join("\n"),
    fileName: "pool.js",
  },
  {
    name: "callback-style API, the callback as the only parameter: `if (!callback)` returns the promise",
    code: [
      'import * as net from "node:net";',
      "const server = net.createServer();",
      "export function close(callback) {",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => close((error) => (error ? reject(error) : resolve())));",
      "  }",
      "  server.close(callback);",
      "}",
      "export function stop() {",
      '  close((error) => console.log("closed", error));',
      "}",
    ].join("\n"),
    fileName: "server.js",
  },
  {
    name: "callback-style API, the callback as the only parameter: `typeof callback !== \"function\"` returns the promise",
    code: [
      "let loaded = false;",
      "const waiting = [];",
      "export function ready(callback) {",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve) => ready(resolve));",
      "  }",
      "  if (loaded) setImmediate(callback);",
      "  else waiting.push(callback);",
      "}",
      "export function boot() {",
      '  ready(() => console.log("ready"));',
      "}",
    ].join("\n"),
    fileName: "ready.js",
  },
  {
    name: "callback-style API: `typeof callback === \"undefined\"` returns the promise",
    code: [
      "export function fetchUser(id, callback) {",
      '  if (typeof callback === "undefined") {',
      "    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));",
      "  }",
      "  setTimeout(() => callback(null, { id }), 10);",
      "}",
      "export function show() {",
      "  fetchUser(1, (error, user) => console.log(error, user));",
      "}",
    ].join("\n"),
    fileName: "users.js",
  },
  {
    name: "callback-style API: `null == callback` written the other way round returns the promise",
    code: [
      "export function fetchUser(id, callback) {",
      "  if (null == callback) {",
      "    return new Promise((resolve, reject) => fetchUser(id, (error, user) => (error ? reject(error) : resolve(user))));",
      "  }",
      "  setTimeout(() => callback(null, { id }), 10);",
      "}",
      "export function show() {",
      "  fetchUser(1, (error, user) => console.log(error, user));",
      "}",
    ].join("\n"),
    fileName: "users.js",
  },
  {
    name: "callback-style API: `return callback === undefined ? pending : undefined`, the promise in the true branch",
    code: [
      'import { promises } from "node:fs";',
      "export function readConfig(path, callback) {",
      '  const pending = promises.readFile(path, "utf8");',
      "  if (callback) pending.then((text) => callback(null, text), callback);",
      "  return callback === undefined ? pending : undefined;",
      "}",
      "export function boot() {",
      '  readConfig("app.json", (error, text) => console.log(error, text));',
      "}",
    ].join("\n"),
    fileName: "config.js",
  },
  {
    name: "callback-style API: a guard clause whose block ends with an if/else that returns on both branches",
    code: [
      "const cache = new Map();",
      "export function get(store, key, callback) {",
      '  if (typeof callback === "function") {',
      "    if (cache.has(key)) {",
      "      process.nextTick(callback, null, cache.get(key));",
      "      return;",
      "    } else {",
      "      store.get(key, callback);",
      "      return;",
      "    }",
      "  }",
      "  return new Promise((resolve, reject) => {",
      "    store.get(key, (error, value) => (error ? reject(error) : resolve(value)));",
      "  });",
      "}",
      "export function show(store) {",
      '  get(store, "user", (error, value) => console.log(error, value));',
      "}",
    ].join("\n"),
    fileName: "cache.js",
  },
  {
    name: "callback-style API: the callback branch returns in its else, the promise after the if",
    code: [
      'import { promises, readFile } from "node:fs";',
      "export function readConfig(path, callback) {",
      "  if (!callback) {",
      '    console.debug("readConfig: no callback, returning a promise");',
      "  } else {",
      '    readFile(path, "utf8", callback);',
      "    return;",
      "  }",
      '  return promises.readFile(path, "utf8");',
      "}",
      "export function boot() {",
      '  readConfig("app.json", (error, text) => console.log(error, text));',
      "}",
    ].join("\n"),
    fileName: "config.js",
  },
  {
    name: "callback-style API: a nested function that returns a promise is not a return of the API",
    code: [
      "export function fetchUser(id, callback) {",
      "  function load() {",
      "    return fetch(`/users/${id}`).then((response) => response.json());",
      "  }",
      '  if (typeof callback !== "function") return load();',
      "  load().then((user) => callback(null, user), callback);",
      "}",
      "export function show() {",
      "  fetchUser(1, (error, user) => console.log(error, user));",
      "}",
    ].join("\n"),
    fileName: "users.js",
  },
  {
    name: "callback-style API: the promise returned from an `else if` chain after the callback branch",
    code: [
      "const cache = new Map();",
      "export function get(store, key, callback) {",
      '  if (typeof callback === "function") {',
      "    store.get(key, callback);",
      "  } else if (cache.has(key)) {",
      "    return Promise.resolve(cache.get(key));",
      "  } else {",
      "    return new Promise((resolve, reject) => store.get(key, (error, value) => (error ? reject(error) : resolve(value))));",
      "  }",
      "}",
      "export function show(store) {",
      '  get(store, "user", (error, value) => console.log(error, value));',
      "}",
    ].join("\n"),
    fileName: "cache.js",
  },
  {
    name: "callback-style API: the promise returned from a try block inside the no-callback branch",
    code: [
      "export function parseConfig(text, callback) {",
      "  if (!callback) {",
      "    try {",
      "      return Promise.resolve(JSON.parse(text));",
      "    } catch (error) {",
      "      return Promise.reject(error);",
      "    }",
      "  }",
      "  setImmediate(() => {",
      "    let config;",
      "    try {",
      "      config = JSON.parse(text);",
      "    } catch (error) {",
      "      return callback(error);",
      "    }",
      "    callback(null, config);",
      "  });",
      "}",
      "export function boot(text) {",
      "  parseConfig(text, (error, config) => console.log(error, config));",
      "}",
    ].join("\n"),
    fileName: "config.js",
  },
  {
    name: "entry script: `main();` followed by a `declare global` augmentation (declares, runs nothing)",
    code: `${ENTRY}\nmain();\ndeclare global {\n  namespace NodeJS {\n    interface ProcessEnv { PORT?: string }\n  }\n}\nexport {};`,
    fileName: "server.mts",
  },
  {
    name: "callback-style API: `!callback && cache.has(id)` returns the cached value as a promise, `!callback` the request",
    code: [
      "const cache = new Map();",
      "export function getUser(store, id, callback) {",
      "  if (!callback && cache.has(id)) {",
      "    return Promise.resolve(cache.get(id));",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => store.get(id, (error, user) => (error ? reject(error) : resolve(user))));",
      "  }",
      "  if (cache.has(id)) process.nextTick(callback, null, cache.get(id));",
      "  else store.get(id, callback);",
      "}",
      "export function show(store) {",
      "  getUser(store, 1, (error, user) => console.log(error, user));",
      "}",
    ].join("\n"),
    fileName: "users.js",
  },
  // mutation cases, report lines 1-999
  {
    name: "VS Code notifications are registered with the editor, not floating (checkThenables)",
    code: `import * as vscode from "vscode";\nexport function reportFailure(error: Error) {\n  vscode.window.showErrorMessage(\`Build failed: \${error.message}\`);\n}`,
    extraFiles: {
      "vscode.d.ts": `declare module "vscode" {\n  export interface Thenable<T> extends PromiseLike<T> {}\n  export namespace window {\n    export function showErrorMessage<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;\n  }\n}`,
    },
    options: { checkThenables: true },
  },
  {
    name: "a project function named test, awaited in the smoke script",
    code: `declare function get(path: string): Promise<{ status: number }>;\nasync function test(path: string): Promise<void> {\n  const response = await get(path);\n  if (response.status !== 200) throw new Error(\`\${path}: \${response.status}\`);\n}\nexport async function smokeTest() {\n  await test("/health");\n}`,
  },
  {
    name: "allowedCalls by file glob: ** reaches into a dot directory (.github/scripts)",
    code: `import { notify } from "./notify";\nexport function release(version: string) {\n  notify(\`released \${version}\`);\n}`,
    fileName: ".github/scripts/release.ts",
    extraFiles: { ".github/scripts/notify.ts": "export declare function notify(message: string): Promise<void>;" },
    options: { allowedCalls: [{ file: "**/scripts/notify.ts", name: "notify" }] },
  },
  {
    name: "checkLocalVariables off: a local dropped on one path is not followed",
    code: `${D}\nasync function f() {\n  const p = save();\n  if (c) return;\n  await p;\n}`,
    options: { checkLocalVariables: false },
  },
  {
    name: "allowedTypes naming a type alias of a promise",
    code: `import { start } from "./background";\nexport function boot() {\n  start();\n}`,
    extraFiles: { "background.ts": "export type Detached = Promise<void>;\nexport declare function start(): Detached;" },
    options: { allowedTypes: [{ file: "**/background.ts", name: "Detached" }] },
  },
  {
    name: "a type assertion on a promise given a handler",
    code: `declare const cache: { refresh(): Promise<void> | undefined }; declare function report(error: unknown): void;\nexport function warm() {\n  (cache.refresh() as Promise<void>).catch(report);\n}`,
  },
  {
    name: "callback-style call with the callback before a spread of forwarded arguments",
    code: `${REQ}\nexport function ping(options, ...rest) {\n  request(options, (error, response) => {\n    if (error) console.error(error);\n    else console.log(response.statusCode);\n  }, ...rest);\n}`,
    fileName: "client.js",
  },
  {
    name: "callback-style call passing on the caller's callback once a test showed it is a function",
    code: `${REQ}\n/** @param {(error: Error | null, response?: http.IncomingMessage) => void} [done] */\nexport function ping(options, done) {\n  if (typeof done === "function") request(options, done);\n  else return request(options);\n}`,
    fileName: "client.js",
  },
  {
    name: "a promise read out of a queue that still holds it is not dropped with the local",
    code: `declare function upload(file: string): Promise<void>;\nexport class Uploads {\n  private readonly running: Promise<void>[] = [];\n  start(file: string) {\n    this.running.push(upload(file));\n  }\n  async waitForOldest(): Promise<boolean> {\n    const oldest = this.running[0];\n    if (this.running.length === 0) return false;\n    await oldest;\n    return true;\n  }\n}`,
  },
  {
    name: "local from new Promise awaited on every path",
    code: `declare const server: { listen(port: number, done: () => void): void; close(): void };\nexport async function start(port: number, signal: AbortSignal) {\n  const listening = new Promise<void>((resolve) => server.listen(port, resolve));\n  if (signal.aborted) server.close();\n  await listening;\n}`,
  },
  {
    name: "local from a then chain returned on the abort path",
    code: `declare function fetchPage(url: string): Promise<string>; declare function render(html: string): void;\nexport async function show(url: string, signal: AbortSignal) {\n  const shown = fetchPage(url).then(render);\n  if (signal.aborted) return shown;\n  await shown;\n}`,
  },
  {
    name: "local from a conditional of two requests awaited on both paths",
    code: `declare const client: { reload(): Promise<void>; refresh(): Promise<void> };\nexport async function sync(force: boolean, signal: AbortSignal) {\n  const refreshed = force ? client.reload() : client.refresh();\n  if (signal.aborted) {\n    await refreshed;\n    return;\n  }\n  await refreshed;\n}`,
  },
  {
    name: "a callback parameter of the same name, the local awaited on every path",
    code: `interface User { name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport async function names(id: string, cached: User[]) {\n  const user = fetchUser(id);\n  const known = cached.map((user) => user.name);\n  return [...known, (await user).name];\n}`,
  },
  {
    name: "an inner const of the same name, the local first stored in a map of requests in flight",
    code: `interface User { name: string }\ndeclare function fetchUser(id: string): Promise<User>; declare const cache: Map<string, User>; declare const inflight: Map<string, Promise<User>>;\nexport async function getUser(id: string) {\n  const user = fetchUser(id);\n  inflight.set(id, user);\n  if (cache.has(id)) {\n    const user = cache.get(id)!;\n    return user;\n  }\n  return await user;\n}`,
  },
  {
    name: "a hook whose result is the caller's type parameter or an array of promises is not guessed at",
    code: `export function runHook<R>(hook: () => R | Promise<void>[]) {\n  hook();\n}`,
  },
  {
    name: "a local voided on one branch, with a destructured callback parameter of the same name",
    code: `declare class HTTPRequest { finalizeInterceptions(): Promise<void>; }\nexport class NetworkManager {\n  #emitLoadingFailed(event: object): void { console.log(event); }\n  onLoadingFailed(request: HTTPRequest, event: object, loadingFailed: boolean, waiting: { done: boolean }[]) {\n    const done = request.finalizeInterceptions();\n    if (loadingFailed) {\n      void done.finally(() => this.#emitLoadingFailed(event));\n    }\n    console.log(waiting.filter(({ done }) => !done).length);\n  }\n}`,
  },
  {
    name: "a destructured parameter of the same name in a callback, the local handed to a closure",
    code: `interface User { name: string }\ndeclare function fetchUser(id: string): Promise<User>; declare const cache: { user: User }[];\nexport function names(id: string) {\n  const user = fetchUser(id);\n  setTimeout(() => user.then((u) => console.log(u.name), console.error), 0);\n  if (cache.length > 0) return cache.map(({ user }) => user.name);\n  return [];\n}`,
  },
  {
    name: "a local from a call cast with as, handled on the abort path",
    code: `interface User { name: string } interface Admin extends User { admin: true }\ndeclare function fetchUser(id: string): Promise<User>;\nexport async function loadAdmin(id: string, signal: AbortSignal) {\n  const admin = fetchUser(id) as Promise<Admin>;\n  if (signal.aborted) {\n    admin.catch(() => {});\n    return undefined;\n  }\n  return await admin;\n}`,
  },
  {
    name: "a local from a non-null assertion on a pending connection, awaited",
    code: `declare const pool: { connecting?: Promise<void> };\nexport async function query(sql: string) {\n  const ready = pool.connecting!;\n  console.log(sql);\n  await ready;\n}`,
  },
  // reassigned locals
  {
    name: "reassigned locals: a retry loop assigns a new attempt in its `catch` and awaits it on the next pass",
    code: `declare function fetchOnce(): Promise<string>;\nexport async function fetchWithRetry() {\n  let ok = false;\n  let attempt = fetchOnce();\n  while (!ok) {\n    try {\n      await attempt;\n      ok = true;\n    } catch {\n      attempt = fetchOnce();\n    }\n  }\n}`,
  },
  {
    name: "reassigned locals: awaited, assigned the next step, awaited again",
    code: `declare function migrate(table: string): Promise<void>;\nexport async function migrateAll() {\n  let step = migrate("users");\n  await step;\n  step = migrate("orders");\n  await step;\n}`,
  },
  {
    name: "reassigned locals: handled with `.catch` before an early return, then assigned a new promise that is awaited",
    code: `declare function connect(): Promise<void>;\ndeclare function log(error: unknown): void;\nexport async function reconnect(closed: boolean) {\n  let connecting = connect();\n  connecting.catch(log);\n  if (closed) return;\n  connecting = connect();\n  await connecting;\n}`,
  },
  {
    name: "reassigned locals: a `let` assigned in a callback is not followed",
    code: `declare function refresh(): Promise<void>;\ndeclare function onFocus(listener: () => void): void;\nexport async function keepFresh() {\n  let current = refresh();\n  onFocus(() => {\n    current = refresh();\n  });\n  await current;\n}`,
  },
  {
    name: "reassigned locals: assigned a fallback request in an `if` after the first was awaited, then awaited",
    code: `declare function loadProfile(id: string): Promise<object>;\nexport async function profile(id: string, fallbackId: string | undefined) {\n  let request = loadProfile(id);\n  let result = await request.catch(() => undefined);\n  if (result === undefined && fallbackId) {\n    request = loadProfile(fallbackId);\n    result = await request;\n  }\n  return result;\n}`,
  },
  {
    name: "reassigned locals: `ready = ready.then(...)` passes the old promise on, the new one is awaited",
    code: `declare function init(): Promise<void>;\ndeclare function warm(): Promise<void>;\nexport async function start() {\n  let ready = init();\n  ready = ready.then(() => warm());\n  await ready;\n}`,
  },
  {
    name: "reassigned locals: set to `undefined` after it was awaited, then an early return",
    code: `${D}\nexport async function flush(force: boolean) {\n  let inflight: Promise<void> | undefined = save();\n  await inflight;\n  inflight = undefined;\n  if (!force) return;\n  console.log(inflight);\n}`,
  },
  {
    name: "reassigned locals: a prefetch loop assigns the next page while the loop comes round (not followed: which pass drops it is unclear)",
    code: `declare function fetchPage(n: number): Promise<string[]>;\nexport async function allRows(pages: number) {\n  const rows: string[] = [];\n  let next = fetchPage(0);\n  for (let i = 1; i <= pages; i++) {\n    const page = await next;\n    if (i < pages) next = fetchPage(i);\n    rows.push(...page);\n  }\n  return rows;\n}`,
  },
  {
    name: "reassigned locals: a chain extended in a loop and awaited after it (not followed)",
    code: `declare function first(): Promise<void>;\nexport async function runSteps(steps: (() => Promise<void>)[]) {\n  let chain = first();\n  for (const step of steps) chain = chain.then(step);\n  await chain;\n}`,
  },
  {
    name: "reassigned locals: a `for...of` target write is not followed (the local is not analysed)",
    code: `${D}\nexport async function runAll(rest: Promise<void>[], dryRun: boolean) {\n  let task = save();\n  if (dryRun) return;\n  await task;\n  for (task of rest) await task;\n}`,
  },
  {
    name: "reassigned locals: `Promise.resolve(empty)` replaced by the request body's promise when it is saved (actionhero web server: the replaced promise is fulfilled and cannot reject)",
    code: `import { EventEmitter } from "node:events";\nexport async function readBody(req: EventEmitter, saveRawBody: boolean, parse: () => Promise<string[]>) {\n  let rawBody = Promise.resolve(Buffer.alloc(0));\n  if (saveRawBody) {\n    rawBody = new Promise((resolve, reject) => {\n      let body = Buffer.alloc(0);\n      req.on("data", (chunk: Buffer) => {\n        body = Buffer.concat([body, chunk]);\n      });\n      req.on("end", () => resolve(body));\n      req.on("error", reject);\n    });\n  }\n  const fields = await parse();\n  return { fields, rawBody: await rawBody };\n}`,
  },
  {
    name: "reassigned locals: a `Promise.resolve(value)` default left behind by an early return (fulfilled on creation, nothing to drop)",
    code: `declare function loadUser(id: string): Promise<{ name: string }>;\nexport async function user(id: string | undefined) {\n  let found = Promise.resolve({ name: "guest" });\n  if (id === undefined) return "guest";\n  found = loadUser(id);\n  return (await found).name;\n}`,
  },
  // var scope, top-level blocks, callback shapes
  {
    name: "var scope: a `var` declared in an `if` block and awaited after it (the block's end does not drop it)",
    code: `declare function loadKeys(keys: string[]): Promise<void>;\nexport async function warm(keys: string[]) {\n  if (keys.length > 0) {\n    var loading = loadKeys(keys);\n  }\n  console.log("warming", keys.length);\n  await loading;\n}`,
  },
  {
    name: "var scope: a `var` declared in a loop body, the loop left by `break`, awaited after the loop",
    code: `declare function fetchUrl(url: string): Promise<string>;\nexport async function firstMirror(urls: string[], primary: string) {\n  for (var i = 0; i < urls.length; i++) {\n    if (urls[i] === primary) {\n      var first = fetchUrl(urls[i]);\n      break;\n    }\n  }\n  return first ? await first : undefined;\n}`,
  },
  {
    name: "var scope: a `var` declared in a `try` block with a `finally`, awaited after the statement",
    code: `interface Conn { end(): void }\ndeclare function connect(url: string): Promise<Conn>;\ndeclare function count(metric: string): void;\nexport async function open(url: string) {\n  try {\n    var conn = connect(url);\n  } finally {\n    count("connect");\n  }\n  return (await conn).end();\n}`,
  },
  {
    name: "var scope: a `var` declared in a `catch` clause, tested and awaited after the `try`",
    code: `declare const primary: { ping(): Promise<void> };\ndeclare const backup: { connect(): Promise<void> };\nexport async function failover() {\n  try {\n    await primary.ping();\n  } catch (error) {\n    console.log("primary down", error);\n    var fallback = backup.connect();\n  }\n  if (fallback) await fallback;\n}`,
  },
  {
    name: "var scope: a `var` declared in a `case` clause, awaited after the `switch`",
    code: `declare function flush(): Promise<void>;\nexport async function close(mode: string) {\n  switch (mode) {\n    case "sync":\n      var done = flush();\n      break;\n    default:\n      console.log("closing", mode);\n  }\n  await done;\n}`,
  },
  {
    name: "var scope: a `var` declared in a `while (true)` body, the loop left only by `break`, then awaited",
    code: `declare function nextJob(): Promise<string> | undefined;\nexport async function take() {\n  while (true) {\n    var job = nextJob();\n    if (job) break;\n  }\n  return await job;\n}`,
  },
  {
    name: "top-level blocks: a promise in a module-level `if` block awaited there with top-level await",
    code: `declare function warmCache(): Promise<void>;\nif (process.env.WARM) {\n  const warming = warmCache();\n  console.log("warming the cache");\n  await warming;\n}\nexport {};`,
    fileName: "warm.mts",
  },
  {
    name: "top-level blocks: a promise in a module-level `if` block given a `.catch` handler (CommonJS, no top-level await)",
    code: `declare function warmCache(): Promise<void>;\nif (process.env.WARM) {\n  const warming = warmCache();\n  warming.catch((error) => console.error("warming failed", error));\n}\nexport {};`,
    fileName: "warm.cts",
  },
  {
    name: "top-level blocks: a promise in a module-level block stored in an exported variable",
    code: `declare function warmCache(): Promise<void>;\nexport let ready: Promise<void> = Promise.resolve();\nif (process.env.WARM) {\n  const warming = warmCache();\n  ready = warming;\n}`,
    fileName: "warm.cts",
  },
  {
    name: "top-level blocks: a promise in a module-level block passed on to a tracker",
    code: `declare function warmCache(): Promise<void>;\ndeclare function track(task: Promise<void>): void;\n{\n  const warming = warmCache();\n  track(warming);\n}\nexport {};`,
    fileName: "warm.cts",
  },
  {
    name: "top-level blocks: a `var` declared in a module-level block and awaited after it with top-level await",
    code: `declare function connect(url: string): Promise<void>;\nif (process.env.DATABASE_URL) {\n  var connecting = connect(process.env.DATABASE_URL);\n}\nconsole.log("starting");\nawait connecting;\nexport {};`,
    fileName: "db.mts",
  },
  {
    name: "top-level blocks: a `var` in a block of a script (no import or export) is a global other scripts may await",
    code: `if (globalThis.WARM) {\n  var warming = warmCache();\n}`,
    fileName: "warm.js",
    extraFiles: { "globals.d.ts": "declare function warmCache(): Promise<void>;\ndeclare var WARM: boolean;" },
    compilerOptions: { ...TEST_COMPILER_OPTIONS, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  },
  {
    name: "static blocks: the promise in a static block stored in a static field",
    code: `declare function loadPlugins(): Promise<void>;\nexport class Registry {\n  static ready: Promise<void>;\n  static {\n    const loading = loadPlugins();\n    Registry.ready = loading;\n  }\n}`,
  },
  {
    name: "static blocks: the promise in a static block given a rejection handler with `.then(f, r)`",
    code: `declare function loadPlugins(): Promise<void>;\nexport class Registry {\n  static loaded = false;\n  static {\n    const loading = loadPlugins();\n    loading.then(() => (Registry.loaded = true), (error) => console.error(error));\n  }\n}`,
  },
  {
    name: "callback shapes: locals destructured from an options parameter are no parameter write",
    code: [
      "export function request(options, callback) {",
      "  let url, timeout;",
      "  ({ url, timeout } = options);",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => request(options, (error, body) => (error ? reject(error) : resolve(body))));",
      "  }",
      "  setTimeout(() => callback(null, url), timeout);",
      "}",
      "export function load() {",
      '  request({ url: "/users", timeout: 10 }, (error, body) => console.log(error, body));',
      "}",
    ].join("\n"),
    fileName: "request.js",
  },
  {
    name: "callback shapes: parameters read on the right of a destructuring assignment are not written",
    code: [
      "export function send(message, options, callback) {",
      "  let target, settings;",
      "  [target, settings] = [message.to, options];",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => send(message, options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setImmediate(() => callback(null, target, settings));",
      "}",
      "export function ping() {",
      '  send({ to: "peer" }, {}, (error) => console.log(error));',
      "}",
    ].join("\n"),
    fileName: "transport.js",
  },
  {
    name: "callback shapes: a property key named like the callback parameter (`{ callback: done } = hooks`) is no write of it",
    code: [
      "export function request(options, callback) {",
      "  let done;",
      "  ({ callback: done } = options.hooks || {});",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => request(options, (error, body) => (error ? reject(error) : resolve(body))));",
      "  }",
      "  setImmediate(() => { if (done) done(); callback(null, options.url); });",
      "}",
      "export function load() {",
      '  request({ url: "/users" }, (error, body) => console.log(error, body));',
      "}",
    ].join("\n"),
    fileName: "request.js",
  },
  {
    name: "callback shapes: `++` on a property of a parameter and on a local counter writes no parameter",
    code: [
      "let sent = 0;",
      "export function connect(host, options, callback) {",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => connect(host, options, (error, socket) => (error ? reject(error) : resolve(socket))));",
      "  }",
      "  options.attempts++;",
      "  ++sent;",
      "  setImmediate(() => callback(null, host));",
      "}",
      "export function start() {",
      '  connect("db.local", { attempts: 0 }, (error, socket) => console.log(error, socket));',
      "}",
    ].join("\n"),
    fileName: "socket.js",
  },
  {
    name: "callback shapes: mysql's `ping(options, callback)` guard `!callback && typeof options === \"function\"`, called with the callback only",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      "  if (!callback && typeof options === \"function\") {",
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      "  connection.ping((error) => console.log(\"ping\", error));",
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  {
    name: "callback shapes: mysql's `ping(options, callback)` guard, called with options and a callback",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      "  if (!callback && typeof options === \"function\") {",
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      "  connection.ping({ timeout: 1000 }, (error) => console.log(\"ping\", error));",
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  {
    name: "callback shapes: the `ping` guard written the other way round, `typeof options === \"function\" && typeof callback !== \"function\"`",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      "  if (typeof options === \"function\" && typeof callback !== \"function\") {",
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      "  connection.ping((error) => console.log(\"ping\", error));",
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  {
    name: "callback shapes: the `ping` guard with `callback == null`",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      "  if (callback == null && typeof options === \"function\") {",
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      "  connection.ping((error) => console.log(\"ping\", error));",
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
  // a value narrowed to the lib's `Function`
  {
    name: "callback-style call passing on a callback typed `unknown` once `typeof done === \"function\"` showed it is one (the test narrows it to the lib's `Function`)",
    code: `${REQ}\n/** @param {unknown} [done] */\nexport function ping(options, done) {\n  if (typeof done === "function") request(options, done);\n  else return request(options);\n}`,
    fileName: "client.js",
  },
  {
    name: "callback-style call under `typeof done === \"function\" &&` (a callback typed `unknown`)",
    code: `${REQ}\n/** @param {unknown} [done] */\nexport function ping(options, done) {\n  typeof done === "function" && request(options, done);\n}`,
    fileName: "client.js",
  },
  {
    name: "callback-style call passing on a callback typed as the lib's `Function`",
    code: `${REQ}\n/** @param {Function} done */\nexport function ping(options, done) {\n  request(options, done);\n}`,
    fileName: "client.js",
  },
  // mutation survivors, session 4
  {
    name: "allowedCalls by file with the name glob `**`: endpoints named by URL paths, a dot directory included",
    code: `import { api } from "./api.js";\nexport function warm() {\n  api["/.well-known/openid-configuration"]();\n  api["/health"]();\n}`,
    extraFiles: { "api.ts": `export interface Endpoints {\n  "/.well-known/openid-configuration"(): Promise<object>;\n  "/health"(): Promise<void>;\n}\nexport declare const api: Endpoints;\n` },
    options: { allowedCalls: [{ file: "**/api.ts", name: "**" }] },
  },
  {
    name: "then with both handlers and a spread of extra arguments after them (JavaScript): the handlers are in place",
    code: `/**\n * @param {Promise<string>} source\n */\nexport function pipe(source, onValue, onError, ...rest) {\n  source.then(onValue, onError, ...rest);\n}`,
    fileName: "pipe.js",
  },
  {
    name: "callback-style API with a destructured first parameter that writes an undeclared global: no parameter is written",
    code: `function query({ sql, values }, callback) {\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => {\n      query({ sql, values }, (error, rows) => (error ? reject(error) : resolve(rows)));\n    });\n  }\n  lastQuery = sql;\n  setTimeout(() => callback(null, [values]), 0);\n}\nfunction report(done) {\n  query({ sql: "SELECT 1", values: [] }, (error, rows) => done(error, rows));\n}`,
    fileName: "legacy.js",
  },
  {
    name: "callback-style API with an empty `if` block (a comment only) in its body, the call passes the callback",
    code: `type Done = (error: Error | null) => void;\nexport function flush(path: string, options: { dryRun?: boolean }, callback?: Done): Promise<void> | undefined {\n  if (!callback) return new Promise((resolve, reject) => flush(path, options, (error) => (error ? reject(error) : resolve())));\n  if (options.dryRun) {\n    // a dry run writes nothing, but still reports back\n  }\n  setTimeout(() => callback(null), 0);\n  return undefined;\n}\nexport function close(path: string) {\n  flush(path, {}, (error) => console.log("flushed", error));\n}`,
  },
  {
    name: "a local from `finally` on a project thenable, awaited on every path (ES2017 lib)",
    code: `export class Query<T> implements PromiseLike<T> {\n  constructor(private readonly run: () => Promise<T>) {}\n  then<A = T, B = never>(onOk?: ((value: T) => A | PromiseLike<A>) | null, onError?: ((reason: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B> {\n    return this.run().then(onOk, onError);\n  }\n  finally(cleanup: () => void): Query<T> {\n    return new Query(() => this.run().then((value) => { cleanup(); return value; }, (error) => { cleanup(); throw error; }));\n  }\n}\ndeclare const users: Query<string[]>;\nexport async function names(cancelled: boolean) {\n  const pending = users.finally(() => console.log("done"));\n  if (cancelled) {\n    await pending;\n    return [];\n  }\n  return await pending;\n}`,
    options: { checkThenables: true },
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2017.d.ts"], types: [] },
  },
  {
    name: "ignoreVoid on: `void` on an angle-bracket assertion is a deliberate fire-and-forget",
    code: `declare const cache: { refresh(): Promise<void> | void };\nexport function warm() {\n  void <Promise<void>>cache.refresh();\n}`,
  },
  {
    name: "callback-style API: `!listener` returns the promise, the call passes a listener (JavaScript)",
    code: `function watch(path, listener) {\n  if (!listener) {\n    return new Promise((resolve) => setTimeout(() => resolve(path), 10));\n  }\n  setTimeout(() => listener(path), 10);\n}\nexport function start() {\n  watch("config.json", (path) => console.log("changed", path));\n}`,
    fileName: "watch.js",
  },
  {
    name: "uses: `!total` on the abort path settles it, the count is awaited after (JavaScript)",
    code: `import { countJobs } from "./jobs-api.js";\nexport async function report(queue) {\n  const total = countJobs(queue);\n  if (!total) return;\n  console.log(await total);\n}`,
    fileName: "jobs.js",
    extraFiles: { "jobs-api.ts": "export declare function countJobs(queue: string): Promise<number>;\n" },
  },
  {
    name: "a bound `Promise.reject` called as a statement raises the rejection on purpose, as `Promise.reject(error)` does",
    code: `import { EventEmitter } from "node:events";\nconst raise = Promise.reject.bind(Promise);\nexport class Stream extends EventEmitter {\n  fail(error: Error) {\n    if (this.listenerCount("error") === 0) raise(error);\n    else this.emit("error", error);\n  }\n}`,
  },
  {
    name: "uses: a method picked by a computed key (`request[settle](...)`) passes the promise on, as `request.then(...)` does",
    code: `declare function fetchUser(id: string): Promise<{ name: string }>;\nexport async function show(id: string, options: { detach: boolean; quiet: boolean }) {\n  const request = fetchUser(id);\n  const settle = options.quiet ? "finally" : "then";\n  if (options.detach) {\n    void request[settle](() => console.log("user loaded"));\n    return;\n  }\n  console.log((await request).name);\n}`,
  },
  {
    name: "a JSX element of a library whose elements may be promises, returned",
    code: `${KITA}export function Page(props: { id?: string }): JSX.Element {\n  if (!props.id) {\n    return <NotFound id="" />;\n  }\n  return <main>{props.id}</main>;\n}`,
    fileName: "page.tsx",
  },
  {
    name: "a JSX element of a library whose elements may be promises, rendered ahead with `void` (a deliberate fire-and-forget)",
    code: `${KITA}export function prefetch(id: string) {\n  void <NotFound id={id} />;\n}`,
    fileName: "page.tsx",
  },
  {
    name: "the array of promises a `yield` receives is handed to a tracker",
    code: `export function* steps(track: (jobs: Promise<void>[]) => void): Generator<string, void, Promise<void>[]> {\n  track(yield "fetch");\n}`,
  },
  {
    name: "a `var` written as the body of an `if` without braces, awaited after it (undefined when the `if` did not run)",
    code: `import { warmCache } from "./jobs-api.js";\nexport async function start(options) {\n  if (options.warm) var warming = warmCache();\n  console.log("started");\n  await warming;\n}`,
    fileName: "warm.js",
    extraFiles: { "jobs-api.ts": "export declare function warmCache(): Promise<void>;\n" },
  },
  {
    name: "callback-style API returning the callback's own result (`return callback(error)`), a `void` callback: the call passing it gets no promise",
    code: `type Done = (error: Error | null) => void;\ndeclare function write(path: string, cb: Done): void;\nexport function flush(path: string, callback?: Done): Promise<void> | void {\n  if (!callback) return new Promise((resolve, reject) => flush(path, (error) => (error ? reject(error) : resolve())));\n  if (path === "") return callback(new Error("no path"));\n  write(path, callback);\n}\nexport function close(path: string) {\n  flush(path, (error) => console.log("flushed", error));\n}`,
  },
  {
    name: "a never-rejecting abort bridge from an unannotated helper, left where the signal is already aborted (openai's stream `return()`): an unannotated helper's promise is not followed",
    code: `export function abortable(signal: AbortSignal, source: AsyncIterator<string>) {\n  let interrupt: (() => void) | undefined;\n  const waitForAbort = () =>\n    new Promise<void>((resolve) => {\n      interrupt = resolve;\n    });\n  signal.addEventListener("abort", () => interrupt?.(), { once: true });\n  return {\n    async return() {\n      const pending = source.return?.();\n      if (pending && !signal.aborted) {\n        const aborted = waitForAbort();\n        if (!signal.aborted) {\n          await Promise.race([pending, aborted]);\n        }\n      }\n      return { value: undefined, done: true as const };\n    },\n  };\n}`,
  },
  {
    name: "a never-rejecting abort bridge read from a variable whose declaration names no promise, left on the abort path: not followed",
    code: `export function abortable(signal: AbortSignal, source: AsyncIterator<string>) {\n  let interrupt: (() => void) | undefined;\n  const waitForAbort = () =>\n    new Promise<void>((resolve) => {\n      interrupt = resolve;\n    });\n  let abortBridge = waitForAbort();\n  signal.addEventListener("abort", () => {\n    interrupt?.();\n    abortBridge = waitForAbort();\n  });\n  return {\n    async next() {\n      const aborted = abortBridge;\n      if (signal.aborted) return { value: undefined, done: true as const };\n      return Promise.race([source.next(), aborted.then(() => ({ value: undefined, done: true as const }))]);\n    },\n  };\n}`,
  },
  // unseen corpora, session 4
  {
    name: "callback-style API, a write to another parameter after the guard (undici's `destroy(err, callback)`: `if (!err) err = new ClientDestroyedError()`)",
    code: [
      "class ClientDestroyedError extends Error {}",
      "export class DispatcherBase {",
      "  destroyed = false;",
      "  destroy(err, callback) {",
      '    if (typeof err === "function") {',
      "      callback = err;",
      "      err = null;",
      "    }",
      "    if (callback === undefined) {",
      "      return new Promise((resolve, reject) => {",
      "        this.destroy(err, (err, data) => {",
      "          return err ? reject(err) : resolve(data);",
      "        });",
      "      });",
      "    }",
      '    if (typeof callback !== "function") {',
      '      throw new TypeError("invalid callback");',
      "    }",
      "    if (!err) {",
      "      err = new ClientDestroyedError();",
      "    }",
      "    this.destroyed = true;",
      "    queueMicrotask(() => callback(null, err));",
      "  }",
      "}",
      "/** @param {DispatcherBase} client */",
      "export function shutdown(client) {",
      '  client.destroy((error) => console.log("destroyed", error));',
      "}",
    ].join("\n"),
    fileName: "dispatcher-base.js",
  },
  {
    name: "callback-style API, a write to a parameter the guard does not test (`options = { url: options }`)",
    code: GET_WRITES_CALLBACK.replace("  if (options.promise) callback = undefined;\n", ""),
    fileName: "http.js",
  },
  {
    name: "callback-style API, a parameter counted down with `--` that the guard does not test (`retries`)",
    code: [
      "export function connect(host, retries, callback) {",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => connect(host, retries, (error, socket) => (error ? reject(error) : resolve(socket))));",
      "  }",
      "  while (retries-- > 0) console.log(\"connecting to\", host);",
      "  setImmediate(() => callback(null, host));",
      "}",
      "export function start() {",
      '  connect("db.local", 3, (error, socket) => console.log(error, socket));',
      "}",
    ].join("\n"),
    fileName: "socket.js",
  },
  {
    name: "callback-style API, a default filled into another parameter after the promise branch (`close(reason, callback)`)",
    code: [
      "export class Pool {",
      "  closed = false;",
      "  close(reason, callback) {",
      '    if (typeof callback !== "function") {',
      "      return new Promise((resolve) => this.close(reason, () => resolve()));",
      "    }",
      '    reason = reason ?? "closed by the user";',
      "    this.closed = true;",
      "    setImmediate(() => callback(null, reason));",
      "  }",
      "}",
      "/** @param {Pool} pool */",
      "export function stop(pool) {",
      '  pool.close("shutdown", () => console.log("pool closed"));',
      "}",
    ].join("\n"),
    fileName: "pool.js",
  },
  {
    name: "self-handled: an assertion of an invariant before the try (undici's writeBlob: `assert(contentLength === body.size)`)",
    code: [
      'import assert from "node:assert";',
      'import type { Socket } from "node:net";',
      "async function writeBlob(abort: (error: unknown) => void, body: Blob, socket: Socket, contentLength: number) {",
      '  assert(contentLength === body.size, "blob body must have content length");',
      "  try {",
      "    const buffer = Buffer.from(await body.arrayBuffer());",
      "    socket.write(buffer);",
      "  } catch (err) {",
      "    abort(err);",
      "  }",
      "}",
      "export function writeBody(abort: (error: unknown) => void, body: Blob, socket: Socket) {",
      "  writeBlob(abort, body, socket, body.size);",
      "}",
    ].join("\n"),
  },
  {
    name: "self-handled: listeners registered on a typed socket and a project writer built before the try (undici's writeIterable)",
    code: [
      'const assert = require("node:assert");',
      "class AsyncWriter {",
      "  /** @param {{ abort: (error: unknown) => void, socket: import('node:net').Socket }} options */",
      "  constructor({ abort, socket }) {",
      "    this.abort = abort;",
      "    this.socket = socket;",
      "    this.bytesWritten = 0;",
      "  }",
      "  write(chunk) {",
      "    this.bytesWritten += chunk.length;",
      "    return this.socket.write(chunk);",
      "  }",
      "  destroy(err) {",
      "    const { socket, abort } = this;",
      "    if (err) {",
      '      assert(!socket.destroyed, "pipeline should only contain this request");',
      "      abort(err);",
      "    }",
      "  }",
      "}",
      "/**",
      " * @param {(error: unknown) => void} abort",
      " * @param {AsyncIterable<Buffer>} body",
      " * @param {import('node:net').Socket} socket",
      " */",
      "async function writeIterable(abort, body, socket) {",
      '  assert(!socket.destroyed, "socket must be open");',
      "  let callback = null;",
      "  function onDrain() {",
      "    if (callback) callback();",
      "  }",
      '  socket.on("close", onDrain).on("drain", onDrain);',
      "  const writer = new AsyncWriter({ abort, socket });",
      "  try {",
      "    for await (const chunk of body) {",
      "      if (!writer.write(chunk)) await new Promise((resolve) => { callback = resolve; });",
      "    }",
      "  } catch (err) {",
      "    writer.destroy(err);",
      "  } finally {",
      '    socket.off("close", onDrain).off("drain", onDrain);',
      "  }",
      "}",
      "/** @param {import('node:net').Socket} socket */",
      "function writeRequest(abort, body, socket) {",
      "  writeIterable(abort, body, socket);",
      "}",
      "module.exports = { writeRequest };",
    ].join("\n"),
    fileName: "client-h1.js",
  },
  {
    name: "self-handled, untyped JavaScript: an assertion, reads of untyped parameters and listeners registered on an untyped stream before the try (undici's HTTP/2 writeIterable and writeBlob)",
    code: [
      'const assert = require("node:assert");',
      "async function writeIterable(abort, h2stream, body, client, socket, contentLength) {",
      '  assert(contentLength !== 0 || client.running === 0, "iterator body cannot be pipelined");',
      "  let callback = null;",
      "  function onDrain() {",
      "    if (callback) {",
      "      const cb = callback;",
      "      callback = null;",
      "      cb();",
      "    }",
      "  }",
      "  const waitForDrain = () => new Promise((resolve) => { callback = resolve; });",
      '  h2stream.on("close", onDrain).on("drain", onDrain);',
      "  try {",
      "    for await (const chunk of body) {",
      "      if (socket.error) throw socket.error;",
      "      if (!h2stream.write(chunk)) await waitForDrain();",
      "    }",
      "    h2stream.end();",
      "  } catch (err) {",
      "    abort(err);",
      "  } finally {",
      '    h2stream.off("close", onDrain).off("drain", onDrain);',
      "  }",
      "}",
      "async function writeBlob(abort, h2stream, body, contentLength) {",
      '  assert(contentLength === body.size, "blob body must have content length");',
      "  try {",
      "    const buffer = Buffer.from(await body.arrayBuffer());",
      "    h2stream.write(buffer);",
      "    h2stream.end();",
      "  } catch (err) {",
      "    abort(err);",
      "  }",
      "}",
      "function writeBody(abort, stream, body, client, socket, contentLength) {",
      '  if (typeof body.stream === "function") writeIterable(abort, stream, body.stream(), client, socket, contentLength);',
      "  else if (body.size !== undefined) writeBlob(abort, stream, body, contentLength);",
      "  else writeIterable(abort, stream, body, client, socket, contentLength);",
      "}",
      "module.exports = { writeBody };",
    ].join("\n"),
    fileName: "client-h2.js",
  },
  {
    name: "self-handled, untyped JavaScript: nested reads of an untyped options object and a listener written in place before the try",
    code: [
      "async function upload(options, stream) {",
      "  const limit = options.limits.size;",
      '  stream.once("error", (err) => console.error("upload stream", err));',
      "  try {",
      "    await stream.send(options.body.slice(0, limit));",
      "  } catch (err) {",
      '    console.error("upload failed", err);',
      "  }",
      "}",
      "function start(options, stream) {",
      "  upload(options, stream);",
      "}",
      "module.exports = { start };",
    ].join("\n"),
    fileName: "upload.js",
  },
  {
    name: "self-handled: `assert.strictEqual` and `assert.ok` before the try",
    code: `${F}\nimport assert from "node:assert";\nasync function report(batch: object[], limit: number) {\n  assert.ok(batch.length > 0);\n  assert.strictEqual(batch.length <= limit, true);\n  try {\n    await post("/batch", batch);\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function flush(batch: object[]) {\n  report(batch, 100);\n}`,
  },
  {
    name: "self-handled: a project class with field initializers and no constructor built before the try",
    code: `${F}\nclass Attempt {\n  startedAt = Date.now();\n  retries = 0;\n  errors: unknown[] = [];\n}\nasync function sync(payload: object) {\n  const attempt = new Attempt();\n  try {\n    await post("/sync", payload);\n  } catch (error) {\n    attempt.errors.push(error);\n  }\n}\nexport function onChange(payload: object) {\n  sync(payload);\n}`,
  },
  {
    name: "self-handled: `once` and `removeListener` on a project class extending Node's EventEmitter before the try",
    code: `${F}\nimport { EventEmitter } from "node:events";\nexport class Job extends EventEmitter {\n  cancelled = false;\n}\nasync function run(job: Job) {\n  const onCancel = () => {\n    job.cancelled = true;\n  };\n  job.once("cancel", onCancel);\n  try {\n    await post("/jobs", {});\n  } catch (error) {\n    console.warn(error);\n  } finally {\n    job.removeListener("cancel", onCancel);\n  }\n}\nexport function start(job: Job) {\n  run(job);\n}`,
  },
  {
    name: "self-handled: fields destructured from `this` before the try",
    code: `${F}\nexport class Uploader {\n  private readonly options = { url: "/upload", retries: 3 };\n  start() {\n    this.upload();\n  }\n  private async upload() {\n    const { url, retries: attempts } = this.options;\n    try {\n      await post(url, { attempts });\n    } catch (error) {\n      console.error(error);\n    }\n  }\n}`,
  },
  {
    name: "self-handled: `const { a, b } = this` with a default that cannot throw before the try",
    code: `${F}\nexport class Reporter {\n  endpoint = "/report";\n  label?: string;\n  send() {\n    this.report();\n  }\n  private async report() {\n    const { endpoint, label = "default" } = this;\n    try {\n      await post(endpoint, { label });\n    } catch (error) {\n      console.warn(error);\n    }\n  }\n}`,
  },
  // An async function adopts the promise it returns: `return p` inside a `try` catches nothing (engine/rejection.ts), session 4.
  {
    name: "self-handled: `return await fetchUser(id)` inside the try, whose catch handles the rejection",
    code: `declare function fetchUser(id: string): Promise<string>;\nasync function loadUser(id: string) {\n  try {\n    return await fetchUser(id);\n  } catch (error) {\n    console.error(error);\n    return undefined;\n  }\n}\nexport function warm(id: string) {\n  loadUser(id);\n}`,
  },
  {
    name: "self-handled: an async function returning a value of a type parameter (taken as a value, not a promise)",
    code: `async function settleWith<T>(value: T): Promise<T> {\n  try {\n    console.log("settled");\n  } catch (error) {\n    console.error(error);\n  }\n  return value;\n}\nexport function start() {\n  settleWith(1);\n}`,
  },
  {
    name: "self-handled: an async function returning a cached string after a handled await",
    code: `declare function fetchUser(id: string): Promise<string>;\nconst cache = new Map<string, string>();\nasync function loadUser(id: string) {\n  try {\n    cache.set(id, await fetchUser(id));\n  } catch (error) {\n    console.error(error);\n  }\n  return cache.get(id) ?? null;\n}\nexport function warm(id: string) {\n  loadUser(id);\n}`,
  },
];



// What a handler returns (see misused-promise's table): a sync `.catch` handler's returned promise
// is adopted by the chain; a project function called from a catch block for its value hands its
// promise on (discord.js ShardClientUtil: `respond` runs `this.send(m).catch(...)`).
const LOGGER_FILES = { "logger.d.ts": "export interface Logger {\n  debug(message?: any, ...rest: any[]): void;\n  info(message?: any, ...rest: any[]): void;\n  warn(message?: any, ...rest: any[]): void;\n  error(message?: any, ...rest: any[]): void;\n}\nexport interface Metrics {\n  increment(name: string): void;\n}\n" };
/** standard-as-callback's declaration (ioredis, BullMQ): hands the promise's outcome to the callback, returns the promise. */
const AS_CALLBACK_FILES = {
  "standard-as-callback.d.ts": 'declare module "standard-as-callback" {\n  type CallbackFunction<T> = (err?: Error | null, reply?: T) => void;\n  export default function asCallback<T>(promise: Promise<T>, nodeback: CallbackFunction<T>, options?: { spread: boolean }): Promise<T>;\n}\n',
};
/** Lines 1-4 of the sleep cases: a project sleep whose promise only resolves (KafkaJS's `utils/sleep.js`). */
const SLEEP_FILES = { "sleep.ts": "export const sleep = (ms: number) =>\n  new Promise<void>((resolve) => {\n    setTimeout(resolve, ms);\n  });\n" };
const invalidSleep: InvalidCase[] = [
  {
    name: "sleep: a sleep whose executor can reject makes the dropped poll unhandled",
    code: 'declare function ready(): Promise<boolean>;\nconst sleep = (ms: number) =>\n  new Promise<void>((resolve, reject) => {\n    if (ms < 0) reject(new RangeError("negative delay"));\n    setTimeout(resolve, ms);\n  });\nexport function waitForReady(delay: number) {\n  const check = async () => {\n    await sleep(delay);\n    try {\n      if (await ready()) return;\n    } catch {\n      return;\n    }\n  };\n  check();\n}',
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function ready(): Promise<boolean>;\nconst sleep = (ms: number) =>\n  new Promise<void>((resolve, reject) => {\n    if (ms < 0) reject(new RangeError("negative delay"));\n    setTimeout(resolve, ms);\n  });\nexport function waitForReady(delay: number) {\n  const check = async () => {\n    await sleep(delay);\n    try {\n      if (await ready()) return;\n    } catch {\n      return;\n    }\n  };\n  check()${H};\n}`,
          ],
          [
            VOID,
            `declare function ready(): Promise<boolean>;\nconst sleep = (ms: number) =>\n  new Promise<void>((resolve, reject) => {\n    if (ms < 0) reject(new RangeError("negative delay"));\n    setTimeout(resolve, ms);\n  });\nexport function waitForReady(delay: number) {\n  const check = async () => {\n    await sleep(delay);\n    try {\n      if (await ready()) return;\n    } catch {\n      return;\n    }\n  };\n  void check();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "sleep: a sync function that returns a library's promise does not make the poll self-handled",
    code: 'declare function delay(ms: number): Promise<void>;\ndeclare function ready(): Promise<boolean>;\nconst sleep = (ms: number) => delay(ms);\nexport function waitForReady(ms: number) {\n  const check = async () => {\n    await sleep(ms);\n    try {\n      await ready();\n    } catch {\n      return;\n    }\n  };\n  check();\n}',
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function delay(ms: number): Promise<void>;\ndeclare function ready(): Promise<boolean>;\nconst sleep = (ms: number) => delay(ms);\nexport function waitForReady(ms: number) {\n  const check = async () => {\n    await sleep(ms);\n    try {\n      await ready();\n    } catch {\n      return;\n    }\n  };\n  check()${H};\n}`,
          ],
          [
            VOID,
            `declare function delay(ms: number): Promise<void>;\ndeclare function ready(): Promise<boolean>;\nconst sleep = (ms: number) => delay(ms);\nexport function waitForReady(ms: number) {\n  const check = async () => {\n    await sleep(ms);\n    try {\n      await ready();\n    } catch {\n      return;\n    }\n  };\n  void check();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "chains: a dropped refresh whose await's .catch handler is a parameter (unknown code)",
    code: 'declare function fetchAll(): Promise<void>;\nasync function refresh(report: (error: unknown) => void) {\n  await fetchAll().then(() => undefined).catch(report);\n}\nexport function onTick(report: (error: unknown) => void) {\n  refresh(report);\n}',
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function fetchAll(): Promise<void>;\nasync function refresh(report: (error: unknown) => void) {\n  await fetchAll().then(() => undefined).catch(report);\n}\nexport function onTick(report: (error: unknown) => void) {\n  refresh(report)${H};\n}`,
          ],
          [
            VOID,
            `declare function fetchAll(): Promise<void>;\nasync function refresh(report: (error: unknown) => void) {\n  await fetchAll().then(() => undefined).catch(report);\n}\nexport function onTick(report: (error: unknown) => void) {\n  void refresh(report);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "held promises: asCallback of a fresh promise with a callback that may be missing drops it (JavaScript)",
    code: 'const standard_as_callback_1 = require("standard-as-callback");\nfunction connect() {\n  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), 10));\n}\nfunction start(callback) {\n  (0, standard_as_callback_1.default)(connect(), callback);\n}\nmodule.exports = start;',
    fileName: "start.js",
    extraFiles: AS_CALLBACK_FILES,
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `const standard_as_callback_1 = require("standard-as-callback");\nfunction connect() {\n  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), 10));\n}\nfunction start(callback) {\n  (0, standard_as_callback_1.default)(connect(), callback)${H};\n}\nmodule.exports = start;`,
          ],
          [
            VOID,
            `const standard_as_callback_1 = require("standard-as-callback");\nfunction connect() {\n  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), 10));\n}\nfunction start(callback) {\n  void (0, standard_as_callback_1.default)(connect(), callback);\n}\nmodule.exports = start;`,
          ],
        ],
      },
    ],
  },
  {
    name: "held promises: an async function that returns the held promise makes a new one",
    code: 'export class Command {\n  readonly promise: Promise<string>;\n  constructor(run: () => Promise<string>) {\n    this.promise = run();\n  }\n  async settled() {\n    return this.promise;\n  }\n  finish() {\n    this.settled();\n  }\n}',
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export class Command {\n  readonly promise: Promise<string>;\n  constructor(run: () => Promise<string>) {\n    this.promise = run();\n  }\n  async settled() {\n    return this.promise;\n  }\n  finish() {\n    this.settled()${H};\n  }\n}`,
          ],
          [
            VOID,
            `export class Command {\n  readonly promise: Promise<string>;\n  constructor(run: () => Promise<string>) {\n    this.promise = run();\n  }\n  async settled() {\n    return this.promise;\n  }\n  finish() {\n    void this.settled();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "held promises: a function that returns a held promise on one path and a fresh one on another",
    code: 'declare function send(name: string): Promise<string>;\nexport class Command {\n  promise: Promise<string> | undefined;\n  constructor(readonly name: string) {}\n  start() {\n    if (this.promise) return this.promise;\n    return send(this.name);\n  }\n  retry() {\n    this.start();\n  }\n}',
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function send(name: string): Promise<string>;\nexport class Command {\n  promise: Promise<string> | undefined;\n  constructor(readonly name: string) {}\n  start() {\n    if (this.promise) return this.promise;\n    return send(this.name);\n  }\n  retry() {\n    this.start()${H};\n  }\n}`,
          ],
          [
            VOID,
            `declare function send(name: string): Promise<string>;\nexport class Command {\n  promise: Promise<string> | undefined;\n  constructor(readonly name: string) {}\n  start() {\n    if (this.promise) return this.promise;\n    return send(this.name);\n  }\n  retry() {\n    void this.start();\n  }\n}`,
          ],
        ],
      },
    ],
  },
];
const validSleep: ValidCase[] = [
  {
    name: "sleep: a dropped poll that awaits a project sleep (a new Promise that only resolves) before its self-handled try (KafkaJS's waitFor)",
    code: 'import { sleep } from "./sleep";\ndeclare function ready(): Promise<boolean>;\nexport function waitFor(delay: number) {\n  let fulfilled = false;\n  const checkCondition = async (resolve: () => void, reject: (e: unknown) => void) => {\n    if (fulfilled) return;\n    await sleep(delay);\n    try {\n      if (await ready()) {\n        fulfilled = true;\n        return resolve();\n      }\n      checkCondition(resolve, reject);\n    } catch (e) {\n      fulfilled = true;\n      reject(e);\n    }\n  };\n  return new Promise<void>((resolve, reject) => {\n    checkCondition(resolve, reject);\n  });\n}',
    extraFiles: SLEEP_FILES,
  },
  {
    name: "sleep: a sleep written as a function declaration with a block body",
    code: 'declare function flush(): Promise<void>;\nfunction sleep(ms: number): Promise<void> {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nasync function flushLater() {\n  await sleep(100);\n  try {\n    await flush();\n  } catch (error) {\n    console.error(error);\n  }\n}\nexport function onChange() {\n  flushLater();\n}',
  },
  {
    name: "chains: a dropped refresh that awaits a chain ending in .catch(logError), a project function that only logs",
    code: 'declare function fetchAll(): Promise<string[]>;\ndeclare function apply(rows: string[]): void;\nfunction logError(error: unknown) {\n  console.error("refresh failed", error);\n}\nasync function refresh() {\n  await fetchAll().then(apply).catch(logError);\n}\nexport function onTick() {\n  refresh();\n}',
  },
  {
    name: "held promises: ioredis's Pipeline: asCallback(this.promise, callback) through a compiled require, the promise exec() returns",
    code: 'const standard_as_callback_1 = require("standard-as-callback");\nclass Pipeline {\n  constructor() {\n    this.promise = new Promise((resolve, reject) => {\n      this.resolve = resolve;\n      this.reject = reject;\n    });\n  }\n  exec(callback) {\n    (0, standard_as_callback_1.default)(this.promise, callback);\n    return this.promise;\n  }\n}\nmodule.exports = Pipeline;',
    fileName: "pipeline.js",
    extraFiles: AS_CALLBACK_FILES,
  },
  {
    name: "held promises: asCallback of a fresh connect() with a callback function that takes the error",
    code: 'import asCallback from "standard-as-callback";\ndeclare function connect(): Promise<string>;\nexport function start(onError: (error: Error) => void) {\n  asCallback(connect(), (error, stream) => {\n    if (error) onError(error);\n    else console.log(stream);\n  });\n}',
    extraFiles: AS_CALLBACK_FILES,
  },
  {
    name: "held promises: a local function that sends and returns the pipeline's own promise (ioredis's execPipeline)",
    code: 'export class Pipeline {\n  readonly promise: Promise<unknown[]>;\n  private resolve!: (values: unknown[]) => void;\n  private queue: string[] = [];\n  constructor() {\n    this.promise = new Promise((resolve) => {\n      this.resolve = resolve;\n    });\n  }\n  exec(): Promise<unknown[]> {\n    const _this = this;\n    function execPipeline() {\n      _this.queue.length = 0;\n      _this.resolve([]);\n      return _this.promise;\n    }\n    execPipeline();\n    return this.promise;\n  }\n}',
  },
  {
    name: "held promises: a method that returns a promise its object holds",
    code: 'export class Job {\n  readonly finished: Promise<void>;\n  constructor(run: () => Promise<void>) {\n    this.finished = run();\n  }\n  whenFinished() {\n    return this.finished;\n  }\n  log() {\n    this.whenFinished();\n  }\n}',
  },
];
const invalidHandlerReturns: InvalidCase[] = [
  {
    name: "logging: a package's other call before the try may still throw",
    code: 'import type { Logger, Metrics } from "./logger";\ndeclare function next(): Promise<string>;\nexport class Consumer {\n  constructor(private readonly logger: Logger, private readonly metrics: Metrics) {}\n  async consume() {\n    this.metrics.increment("consume");\n    try {\n      await next();\n    } catch (e) {\n      this.logger.error(String(e));\n    }\n  }\n  start() {\n    this.consume();\n  }\n}',
    extraFiles: LOGGER_FILES,
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import type { Logger, Metrics } from "./logger";\ndeclare function next(): Promise<string>;\nexport class Consumer {\n  constructor(private readonly logger: Logger, private readonly metrics: Metrics) {}\n  async consume() {\n    this.metrics.increment("consume");\n    try {\n      await next();\n    } catch (e) {\n      this.logger.error(String(e));\n    }\n  }\n  start() {\n    this.consume()${H};\n  }\n}`,
          ],
          [
            VOID,
            `import type { Logger, Metrics } from "./logger";\ndeclare function next(): Promise<string>;\nexport class Consumer {\n  constructor(private readonly logger: Logger, private readonly metrics: Metrics) {}\n  async consume() {\n    this.metrics.increment("consume");\n    try {\n      await next();\n    } catch (e) {\n      this.logger.error(String(e));\n    }\n  }\n  start() {\n    void this.consume();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "removal: a promise read from an array without removing it is still dropped",
    code: 'declare function write(line: string): Promise<void>;\nexport function start(lines: string[]) {\n  const pending = lines.map((line) => write(line));\n  pending.at(0)?.then(() => undefined);\n}',
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 4,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            RESOLVE,
            `declare function write(line: string): Promise<void>;\nexport function start(lines: string[]) {\n  const pending = lines.map((line) => write(line));\n  Promise.resolve(pending.at(0)?.then(() => undefined))${H};\n}`,
          ],
          [
            VOID,
            `declare function write(line: string): Promise<void>;\nexport function start(lines: string[]) {\n  const pending = lines.map((line) => write(line));\n  void pending.at(0)?.then(() => undefined);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "handler returns: a dropped delivery whose .catch handler returns a retry that can reject",
    code: 'declare function post(message: object): Promise<void>;\nexport class Relay {\n  async deliver(message: object) {\n    await post(message).catch(() => this.retry(message));\n  }\n  async retry(message: object): Promise<void> {\n    await post(message);\n  }\n}\nexport function onRaw(relay: Relay, message: object) {\n  relay.deliver(message);\n}',
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function post(message: object): Promise<void>;\nexport class Relay {\n  async deliver(message: object) {\n    await post(message).catch(() => this.retry(message));\n  }\n  async retry(message: object): Promise<void> {\n    await post(message);\n  }\n}\nexport function onRaw(relay: Relay, message: object) {\n  relay.deliver(message)${H};\n}`,
          ],
          [
            VOID,
            `declare function post(message: object): Promise<void>;\nexport class Relay {\n  async deliver(message: object) {\n    await post(message).catch(() => this.retry(message));\n  }\n  async retry(message: object): Promise<void> {\n    await post(message);\n  }\n}\nexport function onRaw(relay: Relay, message: object) {\n  void relay.deliver(message);\n}`,
          ],
        ],
      },
    ],
  },
];
const validHandlerReturns: ValidCase[] = [
  {
    name: "logging: a dropped consumer that logs through a package's Logger before its self-handled try (Apollo Server's subscriptions)",
    code: 'import type { Logger } from "./logger";\ndeclare function next(): Promise<string>;\nexport class Consumer {\n  constructor(private readonly logger?: Logger) {}\n  async consume() {\n    this.logger?.debug("listening");\n    try {\n      await next();\n    } catch (e) {\n      this.logger?.error(String(e));\n    }\n  }\n  start() {\n    this.consume();\n  }\n}',
    extraFiles: LOGGER_FILES,
  },
  {
    name: "logging: a dropped flush that logs with info and warn before its self-handled try",
    code: 'import type { Logger } from "./logger";\ndeclare const logger: Logger;\ndeclare function upload(): Promise<void>;\nasync function flush(count: number) {\n  logger.info("flushing", count);\n  if (count > 100) logger.warn("large batch");\n  try {\n    await upload();\n  } catch (error) {\n    logger.error(error);\n  }\n}\nexport function onTimer() {\n  flush(3);\n}',
    extraFiles: LOGGER_FILES,
  },
  {
    name: "removal: a heartbeat shifts its own promise off the queue the next heartbeat awaits (Apollo Server's subscription callback)",
    code: 'declare function check(url: string): Promise<boolean>;\nexport class Heartbeats {\n  private readonly queue: Promise<void>[] = [];\n  async beat(url: string): Promise<void> {\n    let done!: () => void;\n    const mine = new Promise<void>((resolve) => {\n      done = resolve;\n    });\n    this.queue.push(mine);\n    if (this.queue.length > 1) await this.queue[this.queue.length - 2];\n    try {\n      await check(url);\n    } finally {\n      this.queue.shift();\n      done();\n    }\n  }\n}',
  },
  {
    name: "removal: pop() and splice() of a list of pending writes",
    code: 'declare function write(line: string): Promise<void>;\nexport async function flush(lines: string[]) {\n  const pending = lines.map((line) => write(line));\n  await Promise.all(pending);\n  pending.pop();\n  pending.splice(0, 1);\n}',
  },
  {
    name: "combinations: a dropped Promise.all over sends that each catch their errors (Apollo Server's usage reporting)",
    code: 'declare function send(id: string): Promise<void>;\ndeclare function log(message: string): void;\nconst reports = new Map<string, string>();\nfunction sendOne(id: string): Promise<void> {\n  return send(id).catch((err: Error) => {\n    log(err.message);\n  });\n}\nasync function sendAll(): Promise<void> {\n  await Promise.all([...reports.keys()].map((id) => sendOne(id)));\n}\nexport function stop() {\n  sendAll();\n}',
  },
  {
    name: "handler returns: a dropped message handler whose catch responds through a helper that handles the send's rejection",
    code: "import { EventEmitter } from \"node:events\";\ninterface Channel { post(message: object, done: (err: Error | null) => void): void }\nfunction plainError(err: any) {\n  return { name: err.name, message: err.message, stack: err.stack };\n}\nexport class ShardClient {\n  constructor(private readonly client: EventEmitter & { evaluate(script: string): Promise<unknown> }, private readonly channel: Channel) {\n    process.on(\"message\", this.handleMessage.bind(this));\n  }\n  send(message: object): Promise<void> {\n    return new Promise((resolve, reject) => {\n      this.channel.post(message, (err) => {\n        if (err) reject(err);\n        else resolve();\n      });\n    });\n  }\n  async handleMessage(message: any) {\n    if (!message) return;\n    try {\n      this.respond({ result: await this.client.evaluate(message.script) });\n    } catch (err) {\n      this.respond({ error: plainError(err) });\n    }\n  }\n  respond(message: object) {\n    this.send(message).catch((err: Error) => {\n      this.client.emit(\"error\", err);\n    });\n  }\n}\nexport function onRaw(shard: ShardClient, message: any) {\n  shard.handleMessage(message);\n}",
  },
  {
    name: "handler returns: a dropped delivery whose .catch handler returns a plain value",
    code: 'declare function post(message: object): Promise<void>;\nexport class Relay {\n  failed: object[] = [];\n  async deliver(message: object) {\n    const delivered = await post(message).then(() => true, () => false);\n    if (!delivered) this.failed.push(message);\n  }\n}\nexport function onRaw(relay: Relay, message: object) {\n  relay.deliver(message);\n}',
  },
];

/** graphile-worker's deferred.d.ts: a promise carrying its own resolving functions (`Object.assign(new Promise(...), { resolve, reject })`). */
const GRAPHILE_FILES = {
  "deferred.d.ts": "export interface Deferred<T = void> extends Promise<T> {\n  resolve: (result?: T | PromiseLike<T>) => void;\n  reject: (error: Error) => void;\n}\nexport default function defer<T = void>(): Deferred<T>;\n",
};
/** Lines 1-20 of the graphile release cases: a worker whose release() ends with `return Promise.resolve(promise)`. */
const GRAPHILE_RELEASE = (handled: string) =>
  [
    'import deferred from "./deferred";',
    "declare function stopHooks(): Promise<void>;",
    "export function makeNewWorker(onStop: (error?: unknown) => void) {",
    "  const workerDeferred = deferred();",
    "  const promise = workerDeferred.finally(() => stopHooks());",
    handled,
    "  let active = true;",
    "  const release = (force = false) => {",
    "    if (active) {",
    "      active = false;",
    "      workerDeferred.resolve();",
    "    } else if (force) {",
    "      workerDeferred.resolve();",
    "    }",
    "    return Promise.resolve(promise);",
    "  };",
    "  const onFatalError = (error: Error) => {",
    "    workerDeferred.reject(error);",
    "    release();",
    "  };",
  ].join("\n");
/**
 * A worker loop as graphile-worker writes it (JavaScript-like TypeScript): doNext handles its own
 * failures in its tries, then settles the worker's deferred or runs itself again; `before` and
 * `after` are lines put before the first try and after the job's try.
 */
const GRAPHILE_LOOP = (before: string[], after: string[]) =>
  [
    'import * as assert from "node:assert";',
    'import deferred from "./deferred";',
    "interface Job { id: string; task: string }",
    "declare function getJob(workerId: string): Promise<Job | null>;",
    "declare function runTask(job: Job): Promise<void>;",
    "declare function startHooks(workerId: string): Promise<void>;",
    "declare function reportMetrics(job: Job): void;",
    "declare const tracker: { resolve(id: string): void };",
    "export function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {",
    "  const workerDeferred = deferred();",
    "  let active = true;",
    "  let activeJob: Job | null = null;",
    "  const doNext = async (): Promise<void> => {",
    '    assert.ok(active, "doNext called when active was false");',
    ...before,
    "    try {",
    "      activeJob = await getJob(workerId);",
    "    } catch (error) {",
    "      workerDeferred.reject(error as Error);",
    "      return;",
    "    }",
    "    if (!activeJob) {",
    "      if (continuous && active) {",
    "        setTimeout(() => doNext(), pollInterval);",
    "      } else {",
    "        workerDeferred.resolve();",
    "      }",
    "      return;",
    "    }",
    "    const job = activeJob;",
    "    try {",
    "      await runTask(job);",
    "    } catch (error) {",
    "      console.error(`Failed task ${job.id}`, error);",
    "    } finally {",
    "      activeJob = null;",
    "    }",
    ...after,
    "    if (active) {",
    "      doNext();",
    "    } else {",
    "      workerDeferred.resolve();",
    "    }",
    "  };",
    "  doNext();",
    "  return { workerDeferred, stop: () => { active = false; } };",
    "}",
  ].join("\n");
const invalidGraphile: InvalidCase[] = [
  {
    name: "graphile: release() returns Promise.resolve(promise) of a captured promise that nothing handles or stores (only .finally(...), which rejects too)",
    code: `${GRAPHILE_RELEASE("  promise.finally(() => onStop());")}\n  return { release, onFatalError };\n}`,
    extraFiles: GRAPHILE_FILES,
    errors: [
      {
        messageId: "finallyWithoutHandler",
        line: 6,
        column: 3,
        message: FINALLY_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `import deferred from "./deferred";\ndeclare function stopHooks(): Promise<void>;\nexport function makeNewWorker(onStop: (error?: unknown) => void) {\n  const workerDeferred = deferred();\n  const promise = workerDeferred.finally(() => stopHooks());\n  promise.finally(() => onStop())${H};\n  let active = true;\n  const release = (force = false) => {\n    if (active) {\n      active = false;\n      workerDeferred.resolve();\n    } else if (force) {\n      workerDeferred.resolve();\n    }\n    return Promise.resolve(promise);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    release();\n  };\n  return { release, onFatalError };\n}`,
          ],
          [
            VOID,
            `import deferred from "./deferred";\ndeclare function stopHooks(): Promise<void>;\nexport function makeNewWorker(onStop: (error?: unknown) => void) {\n  const workerDeferred = deferred();\n  const promise = workerDeferred.finally(() => stopHooks());\n  void promise.finally(() => onStop());\n  let active = true;\n  const release = (force = false) => {\n    if (active) {\n      active = false;\n      workerDeferred.resolve();\n    } else if (force) {\n      workerDeferred.resolve();\n    }\n    return Promise.resolve(promise);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    release();\n  };\n  return { release, onFatalError };\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 19,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import deferred from "./deferred";\ndeclare function stopHooks(): Promise<void>;\nexport function makeNewWorker(onStop: (error?: unknown) => void) {\n  const workerDeferred = deferred();\n  const promise = workerDeferred.finally(() => stopHooks());\n  promise.finally(() => onStop());\n  let active = true;\n  const release = (force = false) => {\n    if (active) {\n      active = false;\n      workerDeferred.resolve();\n    } else if (force) {\n      workerDeferred.resolve();\n    }\n    return Promise.resolve(promise);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    release()${H};\n  };\n  return { release, onFatalError };\n}`,
          ],
          [
            VOID,
            `import deferred from "./deferred";\ndeclare function stopHooks(): Promise<void>;\nexport function makeNewWorker(onStop: (error?: unknown) => void) {\n  const workerDeferred = deferred();\n  const promise = workerDeferred.finally(() => stopHooks());\n  promise.finally(() => onStop());\n  let active = true;\n  const release = (force = false) => {\n    if (active) {\n      active = false;\n      workerDeferred.resolve();\n    } else if (force) {\n      workerDeferred.resolve();\n    }\n    return Promise.resolve(promise);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    void release();\n  };\n  return { release, onFatalError };\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "graphile: Promise.resolve of a held thenable (a query builder) makes a new promise that adopts its rejection",
    code: 'declare class Query<T> {\n  then<R>(onFulfilled: (value: T) => R, onRejected?: (error: unknown) => R): Promise<R>;\n}\nexport class Report {\n  constructor(private readonly query: Query<string[]>) {}\n  load() {\n    console.log("loading report");\n    return Promise.resolve(this.query);\n  }\n  refresh() {\n    this.load();\n  }\n}',
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare class Query<T> {\n  then<R>(onFulfilled: (value: T) => R, onRejected?: (error: unknown) => R): Promise<R>;\n}\nexport class Report {\n  constructor(private readonly query: Query<string[]>) {}\n  load() {\n    console.log("loading report");\n    return Promise.resolve(this.query);\n  }\n  refresh() {\n    this.load()${H};\n  }\n}`,
          ],
          [
            VOID,
            `declare class Query<T> {\n  then<R>(onFulfilled: (value: T) => R, onRejected?: (error: unknown) => R): Promise<R>;\n}\nexport class Report {\n  constructor(private readonly query: Query<string[]>) {}\n  load() {\n    console.log("loading report");\n    return Promise.resolve(this.query);\n  }\n  refresh() {\n    void this.load();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "graphile: release() returns Promise.resolve(workerDeferred): a Deferred is typed as an interface extending Promise, not known to be a native one",
    code: 'import deferred from "./deferred";\nexport function makeNewWorker(onError: (error: unknown) => void) {\n  const workerDeferred = deferred();\n  workerDeferred.catch(onError);\n  const release = () => {\n    workerDeferred.resolve();\n    return Promise.resolve(workerDeferred);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    release();\n  };\n  return { release, onFatalError };\n}',
    extraFiles: GRAPHILE_FILES,
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import deferred from "./deferred";\nexport function makeNewWorker(onError: (error: unknown) => void) {\n  const workerDeferred = deferred();\n  workerDeferred.catch(onError);\n  const release = () => {\n    workerDeferred.resolve();\n    return Promise.resolve(workerDeferred);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    release()${H};\n  };\n  return { release, onFatalError };\n}`,
          ],
          [
            VOID,
            `import deferred from "./deferred";\nexport function makeNewWorker(onError: (error: unknown) => void) {\n  const workerDeferred = deferred();\n  workerDeferred.catch(onError);\n  const release = () => {\n    workerDeferred.resolve();\n    return Promise.resolve(workerDeferred);\n  };\n  const onFatalError = (error: Error) => {\n    workerDeferred.reject(error);\n    void release();\n  };\n  return { release, onFatalError };\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "graphile: a worker loop that awaits a hook before its first try: that await may reject",
    code: GRAPHILE_LOOP(["    await startHooks(workerId);"], []),
    extraFiles: GRAPHILE_FILES,
    errors: [
      {
        messageId: "floating",
        line: 39,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            AWAIT,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    await startHooks(workerId);\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    if (active) {\n      await doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            CATCH,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    await startHooks(workerId);\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    if (active) {\n      doNext()${H};\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            VOID,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    await startHooks(workerId);\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    if (active) {\n      void doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 44,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    await startHooks(workerId);\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext()${H};\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            VOID,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    await startHooks(workerId);\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  void doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "graphile: a worker loop that calls a library function after the job's try: it may throw",
    code: GRAPHILE_LOOP([], ["    reportMetrics(job);"]),
    extraFiles: GRAPHILE_FILES,
    errors: [
      {
        messageId: "floating",
        line: 39,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            AWAIT,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    reportMetrics(job);\n    if (active) {\n      await doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            CATCH,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    reportMetrics(job);\n    if (active) {\n      doNext()${H};\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            VOID,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    reportMetrics(job);\n    if (active) {\n      void doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 44,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    reportMetrics(job);\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext()${H};\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            VOID,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    reportMetrics(job);\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  void doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "graphile: a worker loop that calls resolve on a value that is no promise after the job's try (unknown code)",
    code: GRAPHILE_LOOP([], ["    tracker.resolve(job.id);"]),
    extraFiles: GRAPHILE_FILES,
    errors: [
      {
        messageId: "floating",
        line: 39,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            AWAIT,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    tracker.resolve(job.id);\n    if (active) {\n      await doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            CATCH,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    tracker.resolve(job.id);\n    if (active) {\n      doNext()${H};\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            VOID,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    tracker.resolve(job.id);\n    if (active) {\n      void doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 44,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    tracker.resolve(job.id);\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext()${H};\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
          [
            VOID,
            `import * as assert from "node:assert";\nimport deferred from "./deferred";\ninterface Job { id: string; task: string }\ndeclare function getJob(workerId: string): Promise<Job | null>;\ndeclare function runTask(job: Job): Promise<void>;\ndeclare function startHooks(workerId: string): Promise<void>;\ndeclare function reportMetrics(job: Job): void;\ndeclare const tracker: { resolve(id: string): void };\nexport function makeNewWorker(workerId: string, continuous: boolean, pollInterval: number) {\n  const workerDeferred = deferred();\n  let active = true;\n  let activeJob: Job | null = null;\n  const doNext = async (): Promise<void> => {\n    assert.ok(active, "doNext called when active was false");\n    try {\n      activeJob = await getJob(workerId);\n    } catch (error) {\n      workerDeferred.reject(error as Error);\n      return;\n    }\n    if (!activeJob) {\n      if (continuous && active) {\n        setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.resolve();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await runTask(job);\n    } catch (error) {\n      console.error(\`Failed task \${job.id}\`, error);\n    } finally {\n      activeJob = null;\n    }\n    tracker.resolve(job.id);\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  void doNext();\n  return { workerDeferred, stop: () => { active = false; } };\n}`,
          ],
        ],
      },
    ],
  },
];
const validGraphile: ValidCase[] = [
  {
    name: "graphile: a worker loop whose doNext handles its own failures and then settles the worker's deferred (a Deferred interface extending Promise in a declaration file)",
    code: GRAPHILE_LOOP([], []),
    extraFiles: GRAPHILE_FILES,
  },
  {
    name: "graphile: graphile-worker's worker.js: safeEmit destructures its untyped ctx, release() settles the deferred and returns Promise.resolve(promise), doNext is dropped everywhere",
    code: 'import * as assert from "node:assert";\nimport deferred from "./deferred";\nfunction safeEmit(ctx, eventName, payload) {\n  const { events, logger } = ctx;\n  try {\n    events.emit(eventName, payload);\n  } catch (e) {\n    logger.error(`Emitting ${eventName} raised an error`, { error: e });\n  }\n}\nexport function makeNewWorker(ctx, params) {\n  const { getJob, tasks, continuous, pollInterval } = params;\n  const workerDeferred = deferred();\n  const promise = workerDeferred.finally(() => safeEmit(ctx, "worker:stopping", {}));\n  promise.then(() => {\n    safeEmit(ctx, "worker:stop", {});\n  }, (error) => {\n    safeEmit(ctx, "worker:stop", { error });\n  });\n  let activeJob = null;\n  let doNextTimer = null;\n  let active = true;\n  const release = (force = false) => {\n    if (active) {\n      active = false;\n      safeEmit(ctx, "worker:release", {});\n      if (doNextTimer !== null) {\n        clearTimeout(doNextTimer);\n        doNextTimer = null;\n        workerDeferred.resolve();\n      } else if (force) {\n        workerDeferred.resolve();\n      }\n    }\n    return Promise.resolve(promise);\n  };\n  const doNext = async (first = false) => {\n    assert.ok(active, "doNext called when active was false");\n    assert.ok(!activeJob, "There should be no active job");\n    try {\n      const jobRow = await getJob(first);\n      activeJob = jobRow && jobRow.id ? jobRow : null;\n    } catch (rawErr) {\n      safeEmit(ctx, "worker:getJob:error", { error: rawErr });\n      if (continuous && active) {\n        doNextTimer = setTimeout(() => doNext(), pollInterval);\n      } else {\n        workerDeferred.reject(rawErr);\n        release();\n      }\n      return;\n    }\n    if (!activeJob) {\n      if (continuous) {\n        if (active) {\n          doNextTimer = setTimeout(() => doNext(), pollInterval);\n        } else {\n          workerDeferred.resolve();\n        }\n      } else {\n        workerDeferred.resolve();\n        release();\n      }\n      return;\n    }\n    const job = activeJob;\n    try {\n      await tasks[job.task_identifier](job.payload);\n      safeEmit(ctx, "job:success", { job });\n    } catch (error) {\n      safeEmit(ctx, "job:error", { job, error });\n    } finally {\n      activeJob = null;\n    }\n    if (active) {\n      doNext();\n    } else {\n      workerDeferred.resolve();\n    }\n  };\n  doNext(true);\n  return { release, promise };\n}',
    fileName: "worker.js",
    extraFiles: GRAPHILE_FILES,
  },
  {
    name: "graphile: a consumer settles its own Deferred (method signatures in the project's interface) after a self-handled try",
    code: 'interface Deferred<T = void> extends Promise<T> {\n  resolve(value?: T): void;\n  reject(error: Error): void;\n}\ndeclare function defer<T = void>(): Deferred<T>;\ndeclare function poll(queue: string): Promise<string[]>;\nexport class Consumer {\n  private readonly drained = defer();\n  constructor(private readonly queue: string) {}\n  private async drain() {\n    try {\n      const messages = await poll(this.queue);\n      console.log(messages.length);\n    } catch (error) {\n      console.error("poll failed", error);\n    }\n    this.drained.resolve();\n  }\n  stop() {\n    this.drain();\n    return this.drained;\n  }\n}',
  },
  {
    name: "graphile: a JavaScript flush destructures its untyped context before a self-handled try",
    code: 'export async function flush(ctx) {\n  const { queue, logger } = ctx;\n  try {\n    await queue.drain();\n  } catch (error) {\n    logger.error("flush failed", error);\n  }\n}\nexport function onIdle(ctx) {\n  flush(ctx);\n}',
    fileName: "flush.js",
  },
  {
    name: "graphile: after its try a refresh calls a sync helper that ends with return Promise.resolve(...) (no throw there)",
    code: 'declare function fetchRows(): Promise<string[]>;\nexport class Cache {\n  private rows: string[] = [];\n  private version = 0;\n  private settle(): Promise<number> {\n    this.version++;\n    return Promise.resolve(this.version);\n  }\n  private async refresh() {\n    try {\n      this.rows = await fetchRows();\n    } catch (error) {\n      console.error("refresh failed", error);\n    }\n    void this.settle();\n  }\n  start() {\n    this.refresh();\n  }\n}',
  },
  {
    name: "graphile: release() returns Promise.resolve(promise), the worker's const promise that has a rejection handler and is stored on the worker (graphile-worker's worker.js)",
    code: `${GRAPHILE_RELEASE("  promise.then(\n    () => onStop(),\n    (error) => onStop(error),\n  );")}\n  return { release, promise, onFatalError };\n}`,
    extraFiles: GRAPHILE_FILES,
  },
  {
    name: "graphile: release() returns Promise.resolve(promise) of a captured promise that is only stored on the returned worker",
    code: `${GRAPHILE_RELEASE("  console.log(\"worker created\");")}\n  return { release, promise, onFatalError };\n}`,
    extraFiles: GRAPHILE_FILES,
  },
  {
    name: "graphile: stop() returns Promise.resolve(this.finished), a promise field of its own",
    code: 'export class Runner {\n  private stopping = false;\n  constructor(private readonly finished: Promise<void>) {}\n  stop() {\n    this.stopping = true;\n    return Promise.resolve(this.finished);\n  }\n  onSignal() {\n    console.log("stopping");\n    this.stop();\n  }\n}',
  },
  {
    name: "graphile: an expression-bodied release returns Promise.resolve(done) of a captured promise given a .catch handler",
    code: 'declare function runWorker(): Promise<void>;\nexport function startWorker(log: (error: unknown) => void) {\n  const done = runWorker();\n  done.catch((error) => log(error));\n  const release = () => Promise.resolve(done);\n  process.once("SIGTERM", () => {\n    release();\n  });\n}',
  },
];

const invalidDeltaB: InvalidCase[] = [
  {
    name: "deltaB: callback-style API, a non-function callback cleared in a shuffle step (`callback = undefined`) holds no argument: a function passed after it is no callback",
    code: "export function connect(callback, onError) {\n  if (typeof callback !== \"function\") callback = undefined;\n  if (!callback) {\n    return new Promise((resolve, reject) => connect((error) => (error ? reject(error) : resolve()), onError));\n  }\n  setImmediate(() => callback(null));\n}\nexport function start() {\n  connect(undefined, (error) => console.error(error));\n}",
    fileName: "connect.js",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function connect(callback, onError) {\n  if (typeof callback !== "function") callback = undefined;\n  if (!callback) {\n    return new Promise((resolve, reject) => connect((error) => (error ? reject(error) : resolve()), onError));\n  }\n  setImmediate(() => callback(null));\n}\nexport function start() {\n  Promise.resolve(connect(undefined, (error) => console.error(error)))${H};\n}`,
          ],
          [
            VOID,
            `export function connect(callback, onError) {\n  if (typeof callback !== "function") callback = undefined;\n  if (!callback) {\n    return new Promise((resolve, reject) => connect((error) => (error ? reject(error) : resolve()), onError));\n  }\n  setImmediate(() => callback(null));\n}\nexport function start() {\n  void connect(undefined, (error) => console.error(error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, a compound assignment in a shuffle branch (`callback &&= options`) is no move: the shuffle is not read",
    code: "export function flush(options, callback) {\n  if (typeof options === \"function\") {\n    // unusual on purpose: `&&=` keeps a missing callback missing, unlike `callback = options`\n    callback &&= options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => flush(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  flush(() => console.log(\"flushed\"));\n}",
    fileName: "flush.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function flush(options, callback) {\n  if (typeof options === "function") {\n    // unusual on purpose: \`&&=\` keeps a missing callback missing, unlike \`callback = options\`\n    callback &&= options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => flush(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  Promise.resolve(flush(() => console.log("flushed")))${H};\n}`,
          ],
          [
            VOID,
            `export function flush(options, callback) {\n  if (typeof options === "function") {\n    // unusual on purpose: \`&&=\` keeps a missing callback missing, unlike \`callback = options\`\n    callback &&= options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => flush(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  void flush(() => console.log("flushed"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: an instantiation expression of a promise (`ready<string>;`) drops the promise as `ready;` does",
    code: "// unusual on purpose: a promise that is also a generic function; `ready<string>` is the value of `ready`\ndeclare const ready: Promise<void> & (<T>(value: T) => T);\nexport async function boot() {\n  ready<string>;\n}",
    errors: [
      {
        messageId: "floating",
        line: 4,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            AWAIT,
            `// unusual on purpose: a promise that is also a generic function; \`ready<string>\` is the value of \`ready\`\ndeclare const ready: Promise<void> & (<T>(value: T) => T);\nexport async function boot() {\n  await ready<string>;\n}`,
          ],
          [
            CATCH,
            `// unusual on purpose: a promise that is also a generic function; \`ready<string>\` is the value of \`ready\`\ndeclare const ready: Promise<void> & (<T>(value: T) => T);\nexport async function boot() {\n  (ready<string>)${H};\n}`,
          ],
          [
            VOID,
            `// unusual on purpose: a promise that is also a generic function; \`ready<string>\` is the value of \`ready\`\ndeclare const ready: Promise<void> & (<T>(value: T) => T);\nexport async function boot() {\n  void ready<string>;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, a callback passed in the slot a shuffle statement overwrites (`done = callback`) is no callback",
    code: "// `callback` is the old name of the first parameter; the body reads `done`\nexport function whenReady(callback, done) {\n  done = callback;\n  if (typeof done !== \"function\") {\n    return new Promise((resolve) => whenReady(() => resolve()));\n  }\n  setImmediate(() => done());\n}\nexport function start() {\n  whenReady(undefined, () => console.log(\"ready\"));\n}",
    fileName: "ready.js",
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `// \`callback\` is the old name of the first parameter; the body reads \`done\`\nexport function whenReady(callback, done) {\n  done = callback;\n  if (typeof done !== "function") {\n    return new Promise((resolve) => whenReady(() => resolve()));\n  }\n  setImmediate(() => done());\n}\nexport function start() {\n  Promise.resolve(whenReady(undefined, () => console.log("ready")))${H};\n}`,
          ],
          [
            VOID,
            `// \`callback\` is the old name of the first parameter; the body reads \`done\`\nexport function whenReady(callback, done) {\n  done = callback;\n  if (typeof done !== "function") {\n    return new Promise((resolve) => whenReady(() => resolve()));\n  }\n  setImmediate(() => done());\n}\nexport function start() {\n  void whenReady(undefined, () => console.log("ready"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, a write to the first parameter (the callback) that is no shuffle makes its conditions unreliable: the call stays reported",
    code: "export function drain(callback, options) {\n  if (options && options.promise) callback = undefined;\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => drain((error) => (error ? reject(error) : resolve()), { promise: false }));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  drain(() => console.log(\"drained\"), { promise: true });\n}",
    fileName: "drain.js",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function drain(callback, options) {\n  if (options && options.promise) callback = undefined;\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => drain((error) => (error ? reject(error) : resolve()), { promise: false }));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  Promise.resolve(drain(() => console.log("drained"), { promise: true }))${H};\n}`,
          ],
          [
            VOID,
            `export function drain(callback, options) {\n  if (options && options.promise) callback = undefined;\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => drain((error) => (error ? reject(error) : resolve()), { promise: false }));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  void drain(() => console.log("drained"), { promise: true });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, a parenthesized write to the tested callback (`(callback) = undefined`) is a write too",
    code: "export function drain(options, callback) {\n  // unusual on purpose: the parentheses around the assigned name are what this case is about\n  if (options.promise) (callback) = undefined;\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => drain({ promise: false }, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  drain({ promise: true }, () => console.log(\"drained\"));\n}",
    fileName: "drain.js",
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function drain(options, callback) {\n  // unusual on purpose: the parentheses around the assigned name are what this case is about\n  if (options.promise) (callback) = undefined;\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => drain({ promise: false }, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  Promise.resolve(drain({ promise: true }, () => console.log("drained")))${H};\n}`,
          ],
          [
            VOID,
            `export function drain(options, callback) {\n  // unusual on purpose: the parentheses around the assigned name are what this case is about\n  if (options.promise) (callback) = undefined;\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => drain({ promise: false }, (error) => (error ? reject(error) : resolve())));\n  }\n  setImmediate(() => callback(null));\n}\nexport function stop() {\n  void drain({ promise: true }, () => console.log("drained"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, `++` and `--` of a tested parameter are writes: a function passed there turns into NaN and the promise path runs",
    code: "// unusual on purpose: a function passed where a count goes; `count--` / `count++` make it NaN,\n// so the `!count` test no longer says what the argument was\nexport function countdown(count, callback) {\n  count--;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countdown(count, callback), 10);\n}\nexport function countup(count, callback) {\n  count++;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countup(count, callback), 10);\n}\nexport function run() {\n  countdown(() => console.log(\"done\"));\n  countup(() => console.log(\"done\"));\n}",
    fileName: "count.js",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `// unusual on purpose: a function passed where a count goes; \`count--\` / \`count++\` make it NaN,\n// so the \`!count\` test no longer says what the argument was\nexport function countdown(count, callback) {\n  count--;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countdown(count, callback), 10);\n}\nexport function countup(count, callback) {\n  count++;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countup(count, callback), 10);\n}\nexport function run() {\n  Promise.resolve(countdown(() => console.log("done")))${H};\n  countup(() => console.log("done"));\n}`,
          ],
          [
            VOID,
            `// unusual on purpose: a function passed where a count goes; \`count--\` / \`count++\` make it NaN,\n// so the \`!count\` test no longer says what the argument was\nexport function countdown(count, callback) {\n  count--;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countdown(count, callback), 10);\n}\nexport function countup(count, callback) {\n  count++;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countup(count, callback), 10);\n}\nexport function run() {\n  void countdown(() => console.log("done"));\n  countup(() => console.log("done"));\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 15,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `// unusual on purpose: a function passed where a count goes; \`count--\` / \`count++\` make it NaN,\n// so the \`!count\` test no longer says what the argument was\nexport function countdown(count, callback) {\n  count--;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countdown(count, callback), 10);\n}\nexport function countup(count, callback) {\n  count++;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countup(count, callback), 10);\n}\nexport function run() {\n  countdown(() => console.log("done"));\n  Promise.resolve(countup(() => console.log("done")))${H};\n}`,
          ],
          [
            VOID,
            `// unusual on purpose: a function passed where a count goes; \`count--\` / \`count++\` make it NaN,\n// so the \`!count\` test no longer says what the argument was\nexport function countdown(count, callback) {\n  count--;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countdown(count, callback), 10);\n}\nexport function countup(count, callback) {\n  count++;\n  if (!count) return Promise.resolve();\n  setTimeout(() => countup(count, callback), 10);\n}\nexport function run() {\n  countdown(() => console.log("done"));\n  void countup(() => console.log("done"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, a task function passed first to a runner with an options shuffle is no callback: `schedule(task, options)` returns the promise",
    code: "export function schedule(task, options, callback) {\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  schedule(() => console.log(\"cleanup\"), { delay: 1000 });\n}",
    fileName: "schedule.js",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function schedule(task, options, callback) {\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  Promise.resolve(schedule(() => console.log("cleanup"), { delay: 1000 }))${H};\n}`,
          ],
          [
            VOID,
            `export function schedule(task, options, callback) {\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  void schedule(() => console.log("cleanup"), { delay: 1000 });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaB: callback-style API, a rest parameter takes no part in a shuffle: `callback = rest` holds an array, not the function after it",
    code: "// unusual on purpose: the shuffle reads the rest parameter, which holds every later argument as an array\nexport function run(callback, ...rest) {\n  if (typeof callback !== \"function\") callback = rest;\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve) => run(() => resolve()));\n  }\n  setImmediate(() => callback());\n}\nexport function start() {\n  run(undefined, () => console.log(\"started\"));\n}",
    fileName: "run.js",
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `// unusual on purpose: the shuffle reads the rest parameter, which holds every later argument as an array\nexport function run(callback, ...rest) {\n  if (typeof callback !== "function") callback = rest;\n  if (typeof callback !== "function") {\n    return new Promise((resolve) => run(() => resolve()));\n  }\n  setImmediate(() => callback());\n}\nexport function start() {\n  Promise.resolve(run(undefined, () => console.log("started")))${H};\n}`,
          ],
          [
            VOID,
            `// unusual on purpose: the shuffle reads the rest parameter, which holds every later argument as an array\nexport function run(callback, ...rest) {\n  if (typeof callback !== "function") callback = rest;\n  if (typeof callback !== "function") {\n    return new Promise((resolve) => run(() => resolve()));\n  }\n  setImmediate(() => callback());\n}\nexport function start() {\n  void run(undefined, () => console.log("started"));\n}`,
          ],
        ],
      },
    ],
  },
];
const validDeltaB: ValidCase[] = [
  {
    name: "deltaB: callback-style API, an assignment to a local inside the options shuffle (`defaults = true`) changes no parameter: the shuffle is still read",
    code: "import * as http from \"node:http\";\nexport function request(url, options, callback) {\n  let defaults = false;\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n    defaults = true;\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => request(url, options, (error, response) => (error ? reject(error) : resolve(response))));\n  }\n  if (defaults) console.log(\"GET\", url);\n  http.get(url, options, (response) => callback(null, response)).on(\"error\", callback);\n}\nexport function ping() {\n  request(\"http://localhost/health\", (error, response) => console.log(error, response?.statusCode));\n}",
    fileName: "request.js",
  },
  {
    name: "deltaB: callback-style API, a guarded step that wraps the function it moves (`callback = once(options)`) is still a step: a given callback stays",
    code: "function once(fn) {\n  let called = false;\n  return (...args) => {\n    if (!called) {\n      called = true;\n      fn(...args);\n    }\n  };\n}\nexport function ping(options, callback) {\n  if (!callback && typeof options === \"function\") {\n    callback = once(options);\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n}\nexport function check() {\n  ping({ timeout: 100 }, (error) => console.log(\"ping\", error));\n}",
    fileName: "ping.js",
  },
  {
    name: "deltaB: callback-style API, a parameter assigned a new value (`url = String(url);`) before the options shuffle is a step: the shuffle is still read",
    code: "import * as http from \"node:http\";\nexport function get(url, options, callback) {\n  url = String(url);\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => get(url, options, (error, response) => (error ? reject(error) : resolve(response))));\n  }\n  http.get(url, options, (response) => callback(null, response)).on(\"error\", callback);\n}\nexport function ping() {\n  get(\"http://localhost/health\", (error, response) => console.log(error, response?.statusCode));\n}",
    fileName: "client.js",
  },
  {
    name: "deltaB: callback-style API, a one-line shuffle step without braces (`if (typeof options === \"function\") callback = options;`)",
    code: "export function readConfig(path, options, callback) {\n  if (typeof options === \"function\") callback = options;\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => readConfig(path, {}, (error, config) => (error ? reject(error) : resolve(config))));\n  }\n  setImmediate(() => callback(null, { path }));\n}\nexport function load() {\n  readConfig(\"app.json\", (error, config) => console.log(error, config));\n}",
    fileName: "config.js",
  },
  {
    name: "deltaB: callback-style API, a parameter-to-parameter assignment as a statement of its own is a shuffle step (`done = callback`)",
    code: "// `callback` is the old name of the first parameter; the body reads `done`\nexport function whenReady(callback, done) {\n  done = callback;\n  if (typeof done !== \"function\") {\n    return new Promise((resolve) => whenReady(() => resolve()));\n  }\n  setImmediate(() => done());\n}\nexport function start() {\n  whenReady(() => console.log(\"ready\"));\n}",
    fileName: "ready.js",
  },
];

/** mysql's `Connection.prototype.ping(options, callback)` with the guard of its shuffle step written as `guard`, called by `check` as `call`. */
const pingWith = (guard: string, call: string): string =>
  [
    "export function Connection(config) {",
    "  this.config = config;",
    "}",
    "Connection.prototype.ping = function ping(options, callback) {",
    `  if (${guard}) {`,
    "    callback = options;",
    "    options = {};",
    "  }",
    "  if (!callback) {",
    "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
    "  }",
    "  setTimeout(() => callback(null), options.timeout || 0);",
    "};",
    "/** @param {Connection} connection */",
    "export function check(connection) {",
    `  ${call};`,
    "}",
  ].join("\n");
/** A request-style `get(options, callback)` whose shuffle first turns a URL string into options. */
const getWithUrlStep = (call: string): string =>
  [
    'import * as https from "node:https";',
    "export function get(options, callback) {",
    '  if (typeof options === "string") options = { url: options };',
    '  if (typeof options === "function") {',
    "    callback = options;",
    "    options = {};",
    "  }",
    '  if (typeof callback !== "function") {',
    "    return new Promise((resolve, reject) => get(options, (error, status) => (error ? reject(error) : resolve(status))));",
    "  }",
    '  https.get(options.url || "https://example.com/health", (response) => callback(null, response.statusCode));',
    "}",
    "export function check() {",
    `  ${call};`,
    "}",
  ].join("\n");
const PING_TS7 = { reason: "TypeScript 7 does not type JavaScript constructor functions and their prototype assignments (a documented TypeScript 7 change), so the method and its promise are unknown there", errors: [] };
const invalidDeltaC: InvalidCase[] = [
  {
    name: "deltaC: a `ping` guard with `-callback` (a typo for `!callback`) never runs for `ping(callback)`: the promise floats",
    // Unusual (a typo): only `!` makes a "no callback" test; `-undefined` is NaN, so the step never runs.
    ts7: PING_TS7,
    code: pingWith('-callback && typeof options === "function"', 'connection.ping((error) => console.log("ping", error))'),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (-callback && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (-callback && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaC: a guard joined with `||` is no guarded step: `ping(options, undefined, fallback)` ends with the options object in `callback`, and the promise floats",
    // Unusual: with `||` the step also runs without a function in `options`; only `&&` guards a step.
    code: [
      "export function ping(options, callback, fallback) {",
      '  if (!callback || typeof options === "function") {',
      "    callback = options;",
      "    options = {};",
      "  } else {",
      "    callback = fallback;",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "}",
      "export function check() {",
      '  ping({ timeout: 1000 }, undefined, (error) => console.log("ping", error));',
      "}",
    ].join("\n"),
    fileName: "ping.js",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function ping(options, callback, fallback) {\n  if (!callback || typeof options === "function") {\n    callback = options;\n    options = {};\n  } else {\n    callback = fallback;\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n}\nexport function check() {\n  Promise.resolve(ping({ timeout: 1000 }, undefined, (error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function ping(options, callback, fallback) {\n  if (!callback || typeof options === "function") {\n    callback = options;\n    options = {};\n  } else {\n    callback = fallback;\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n}\nexport function check() {\n  void ping({ timeout: 1000 }, undefined, (error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaC: a `ping` guard comparing the callback with a sentinel the caller never passes (`callback === NO_CALLBACK`) never runs for `ping(callback)`: the promise floats",
    // Unusual (a sentinel that no default parameter sets): only null, undefined and void are nullish, not any name.
    ts7: PING_TS7,
    code: `const NO_CALLBACK = Symbol("no callback");\n${pingWith('callback === NO_CALLBACK && typeof options === "function"', 'connection.ping((error) => console.log("ping", error))')}`,
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 17,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `const NO_CALLBACK = Symbol("no callback");\nexport function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (callback === NO_CALLBACK && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `const NO_CALLBACK = Symbol("no callback");\nexport function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (callback === NO_CALLBACK && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaC: after a shuffle step on `typeof options === \"string\"`, a call without a callback still floats",
    code: getWithUrlStep('get("https://example.com/health")'),
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `import * as https from "node:https";\nexport function get(options, callback) {\n  if (typeof options === "string") options = { url: options };\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => get(options, (error, status) => (error ? reject(error) : resolve(status))));\n  }\n  https.get(options.url || "https://example.com/health", (response) => callback(null, response.statusCode));\n}\nexport function check() {\n  Promise.resolve(get("https://example.com/health"))${H};\n}`,
          ],
          [
            VOID,
            `import * as https from "node:https";\nexport function get(options, callback) {\n  if (typeof options === "string") options = { url: options };\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => get(options, (error, status) => (error ? reject(error) : resolve(status))));\n  }\n  https.get(options.url || "https://example.com/health", (response) => callback(null, response.statusCode));\n}\nexport function check() {\n  void get("https://example.com/health");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaC: a `ping` guard that tests the callback with `!==` by mistake (`callback !== undefined && ...`) never runs for `ping(callback)`: the promise floats",
    // The guard is a bug (`!==` for `===`): an inequality on the callback is no "no callback" test.
    ts7: PING_TS7,
    code: pingWith('callback !== undefined && typeof options === "function"', 'connection.ping((error) => console.log("ping", error))'),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (callback !== undefined && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (callback !== undefined && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaC: a `ping` guard with `typeof callback === \"function\"` by mistake never runs for `ping(callback)`: the promise floats",
    // The guard is a bug (`===` for `!==`): a test that the callback IS a function is no "no callback" test.
    ts7: PING_TS7,
    code: pingWith('typeof options === "function" && typeof callback === "function"', 'connection.ping((error) => console.log("ping", error))'),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (typeof options === "function" && typeof callback === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (typeof options === "function" && typeof callback === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaC: a `ping` guard comparing the callback with the string \"undefined\" (a `typeof` left out) never runs: the promise floats",
    // The guard is a bug (`callback === "undefined"` without `typeof`): only null, undefined and void are nullish.
    ts7: PING_TS7,
    code: pingWith('callback === "undefined" && typeof options === "function"', 'connection.ping((error) => console.log("ping", error))'),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (callback === "undefined" && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (callback === "undefined" && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
];
const validDeltaC: ValidCase[] = [
  {
    name: "deltaC: reassigned locals: a `??=` write to the local is not followed (the local is not analysed, as with a `for...of` target)",
    code: `${D}\nexport async function sync(dryRun: boolean) {\n  let pending = maybe();\n  if (dryRun) return;\n  await pending;\n  pending ??= save();\n  await pending;\n}`,
  },
  {
    name: "deltaC: reassigned locals: a parenthesized `(task) = ...` write is no plain assignment: not followed (the local is not analysed)",
    // Unusual but valid: a parenthesized assignment target is a write the flow analysis does not follow.
    code: `${D}\nexport async function sync(dryRun: boolean) {\n  let task = save();\n  if (dryRun) return;\n  await task;\n  (task) = save();\n  await task;\n}`,
  },
  {
    name: "deltaC: a shuffle step on `typeof options === \"string\"` (a URL for options) before the function step: the callback passed second is seen",
    code: getWithUrlStep('get("https://example.com/health", (error, status) => console.log(error, status))'),
    fileName: "client.js",
  },
  {
    name: "deltaC: a shuffle step on `typeof options === \"string\"` before the function step: a callback passed in the options' place is seen",
    code: getWithUrlStep("get((error, status) => console.log(error, status))"),
    fileName: "client.js",
  },
  {
    name: "deltaC: a shuffle step on `typeof options !== \"object\"` (its branches swapped) before the function step: the callback passed second is seen",
    code: getWithUrlStep('get({ url: "https://example.com/health" }, (error, status) => console.log(error, status))').replace(
      'if (typeof options === "string") options = { url: options };',
      'if (typeof options !== "object") options = { url: String(options) };',
    ),
    fileName: "client.js",
  },
  {
    name: "deltaC: the `ping` guard written `undefined === callback && ...` (the nullish value on the left), called with the callback only",
    code: pingWith('undefined === callback && typeof options === "function"', 'connection.ping((error) => console.log("ping", error))'),
    fileName: "connection.js",
  },
  {
    name: "deltaC: a callback-first `schedule(callback, options)` whose guard moves a function given second into the first parameter",
    // Unusual order (the callback first, as in `setTimeout`): the guard's target is parameter 0.
    code: [
      "export function schedule(callback, options) {",
      '  if (callback == null && typeof options === "function") {',
      "    callback = options;",
      "    options = {};",
      "  }",
      "  if (!callback) {",
      "    return new Promise((resolve) => schedule(resolve, options));",
      "  }",
      "  setTimeout(() => callback(null), options.delay || 0);",
      "}",
      "export function tick() {",
      '  schedule(null, () => console.log("tick"));',
      "}",
    ].join("\n"),
    fileName: "schedule.js",
  },
  {
    name: "deltaC: a first statement testing `typeof this.config.normalize === \"function\"` (no parameter) is no shuffle step; the callback passed second is seen",
    code: [
      "export function Connection(config) {",
      "  this.config = config;",
      "}",
      "Connection.prototype.ping = function ping(options, callback) {",
      '  if (typeof this.config.normalize === "function") options = this.config.normalize(options);',
      "  if (!callback) {",
      "    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));",
      "  }",
      "  setTimeout(() => callback(null), options.timeout || 0);",
      "};",
      "/** @param {Connection} connection */",
      "export function check(connection) {",
      '  connection.ping({ timeout: 1000 }, (error) => console.log("ping", error));',
      "}",
    ].join("\n"),
    fileName: "connection.js",
  },
];

// The Stryker delta run over lines 717-1047 of 6c3310e (bench/mutation/floating-promise-delta-lines-717-1047.md):
// held reads, the callback adapter's name, module and spread handling, and what an assignment to a local stores.
const invalidDeltaA: InvalidCase[] = [
  {
    name: "deltaA: held promises: a sync function that returns its own local's promise holds none: a dropped call of it is reported",
    code: "declare function fetchConfig(): Promise<string>;\nfunction reloadConfig() {\n  const loading = fetchConfig();\n  return loading;\n}\nexport function onChange() {\n  reloadConfig();\n}",
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function fetchConfig(): Promise<string>;\nfunction reloadConfig() {\n  const loading = fetchConfig();\n  return loading;\n}\nexport function onChange() {\n  reloadConfig()${H};\n}`,
          ],
          [
            VOID,
            `declare function fetchConfig(): Promise<string>;\nfunction reloadConfig() {\n  const loading = fetchConfig();\n  return loading;\n}\nexport function onChange() {\n  void reloadConfig();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaA: held promises: a promise read off a call's result (createPool(url).ready) belongs to a new object, not a held one",
    code: "interface Pool {\n  ready: Promise<void>;\n}\ndeclare function createPool(url: string): Pool;\nfunction connect(url: string) {\n  return createPool(url).ready;\n}\nexport function start(url: string) {\n  connect(url);\n}",
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `interface Pool {\n  ready: Promise<void>;\n}\ndeclare function createPool(url: string): Pool;\nfunction connect(url: string) {\n  return createPool(url).ready;\n}\nexport function start(url: string) {\n  connect(url)${H};\n}`,
          ],
          [
            VOID,
            `interface Pool {\n  ready: Promise<void>;\n}\ndeclare function createPool(url: string): Pool;\nfunction connect(url: string) {\n  return createPool(url).ready;\n}\nexport function start(url: string) {\n  void connect(url);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaA: held promises: a base method typed Promise that only throws returns nothing held; the subclass's async override runs",
    code: "declare function readFile(path: string): Promise<string>;\nexport class Store {\n  data = \"\";\n  load(): Promise<void> {\n    throw new Error(\"not implemented\");\n  }\n  start() {\n    this.load();\n  }\n}\nexport class FileStore extends Store {\n  constructor(private readonly path: string) {\n    super();\n  }\n  override async load() {\n    this.data = await readFile(this.path);\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function readFile(path: string): Promise<string>;\nexport class Store {\n  data = "";\n  load(): Promise<void> {\n    throw new Error("not implemented");\n  }\n  start() {\n    this.load()${H};\n  }\n}\nexport class FileStore extends Store {\n  constructor(private readonly path: string) {\n    super();\n  }\n  override async load() {\n    this.data = await readFile(this.path);\n  }\n}`,
          ],
          [
            VOID,
            `declare function readFile(path: string): Promise<string>;\nexport class Store {\n  data = "";\n  load(): Promise<void> {\n    throw new Error("not implemented");\n  }\n  start() {\n    void this.load();\n  }\n}\nexport class FileStore extends Store {\n  constructor(private readonly path: string) {\n    super();\n  }\n  override async load() {\n    this.data = await readFile(this.path);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaA: held promises: a project's own helper named asCallback is no callback adapter (only standard-as-callback's is)",
    code: "declare function load(id: string): Promise<string>;\nfunction asCallback<T>(promise: Promise<T>, done: (value: T) => void): Promise<T> {\n  void promise.then(done);\n  return promise;\n}\nexport function show(id: string, render: (page: string) => void) {\n  asCallback(load(id), render);\n}",
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function load(id: string): Promise<string>;\nfunction asCallback<T>(promise: Promise<T>, done: (value: T) => void): Promise<T> {\n  void promise.then(done);\n  return promise;\n}\nexport function show(id: string, render: (page: string) => void) {\n  asCallback(load(id), render)${H};\n}`,
          ],
          [
            VOID,
            `declare function load(id: string): Promise<string>;\nfunction asCallback<T>(promise: Promise<T>, done: (value: T) => void): Promise<T> {\n  void promise.then(done);\n  return promise;\n}\nexport function show(id: string, render: (page: string) => void) {\n  void asCallback(load(id), render);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaA: held promises: asCallback(...args, callback) in JavaScript: the spread fills an unknown count of positions, the function may not be the callback",
    code: "const standard_as_callback_1 = require(\"standard-as-callback\");\nfunction start(args) {\n  (0, standard_as_callback_1.default)(...args, (error) => {\n    if (error) console.error(error);\n  });\n}\nmodule.exports = start;",
    fileName: "start.js",
    extraFiles: AS_CALLBACK_FILES,
    errors: [
      {
        messageId: "floating",
        line: 3,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `const standard_as_callback_1 = require("standard-as-callback");\nfunction start(args) {\n  (0, standard_as_callback_1.default)(...args, (error) => {\n    if (error) console.error(error);\n  })${H};\n}\nmodule.exports = start;`,
          ],
          [
            VOID,
            `const standard_as_callback_1 = require("standard-as-callback");\nfunction start(args) {\n  void (0, standard_as_callback_1.default)(...args, (error) => {\n    if (error) console.error(error);\n  });\n}\nmodule.exports = start;`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaA: held promises: asCallback(connect(), ...callbacks) in JavaScript: an empty list of callbacks leaves the rejection to no one",
    code: "const standard_as_callback_1 = require(\"standard-as-callback\");\nfunction connect() {\n  return new Promise((resolve, reject) => setTimeout(() => reject(new Error(\"timeout\")), 10));\n}\n/** @param {((error: Error | null) => void)[]} callbacks */\nfunction start(callbacks) {\n  (0, standard_as_callback_1.default)(connect(), ...callbacks);\n}\nmodule.exports = start;",
    fileName: "start.js",
    extraFiles: AS_CALLBACK_FILES,
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `const standard_as_callback_1 = require("standard-as-callback");\nfunction connect() {\n  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), 10));\n}\n/** @param {((error: Error | null) => void)[]} callbacks */\nfunction start(callbacks) {\n  (0, standard_as_callback_1.default)(connect(), ...callbacks)${H};\n}\nmodule.exports = start;`,
          ],
          [
            VOID,
            `const standard_as_callback_1 = require("standard-as-callback");\nfunction connect() {\n  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), 10));\n}\n/** @param {((error: Error | null) => void)[]} callbacks */\nfunction start(callbacks) {\n  void (0, standard_as_callback_1.default)(connect(), ...callbacks);\n}\nmodule.exports = start;`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaA: locals: a promise dropped by an early return, its variable cleared with null after the await",
    code: "declare function upload(part: string): Promise<void>;\nexport async function sendFirst(parts: string[], cancelled: () => boolean) {\n  let current: Promise<void> | null = upload(parts[0]);\n  if (cancelled()) return;\n  await current;\n  current = null;\n}",
    errors: [{ messageId: "localDropped", line: 3, column: 7, message: DROPPED("current", "the function returns") }],
  },
];
const validDeltaA: ValidCase[] = [
  {
    name: "deltaA: held promises: standard-as-callback typed as a CommonJS exports object whose default member is the adapter",
    // Unusual typing (an `export =` object with a `default` method): the only declaration the adapter's name "default" matches.
    code: "import standardAsCallback = require(\"standard-as-callback\");\ndeclare function connect(): Promise<string>;\nexport function start(onError: (error: Error) => void) {\n  standardAsCallback.default(connect(), (error) => {\n    if (error) onError(error);\n  });\n}",
    extraFiles: {
      "standard-as-callback.d.ts": "declare module \"standard-as-callback\" {\n  const exported: {\n    default<T>(promise: Promise<T>, nodeback: (err?: Error | null, reply?: T) => void): Promise<T>;\n  };\n  export = exported;\n}\n",
    },
  },
  {
    name: "deltaA: held promises: asCallback(this.promise, ...args) in JavaScript: the spread after it leaves the held promise the first argument",
    code: "const standard_as_callback_1 = require(\"standard-as-callback\");\nclass Pipeline {\n  constructor() {\n    this.promise = new Promise((resolve, reject) => {\n      this.resolve = resolve;\n      this.reject = reject;\n    });\n  }\n  exec(...args) {\n    (0, standard_as_callback_1.default)(this.promise, ...args);\n    return this.promise;\n  }\n}\nmodule.exports = Pipeline;",
    fileName: "pipeline.js",
    extraFiles: AS_CALLBACK_FILES,
  },
  {
    name: "deltaA: locals: a local cleared with null after its promise was awaited",
    code: "declare function upload(part: string): Promise<void>;\nexport async function sendFirst(parts: string[], log: (message: string) => void) {\n  let current: Promise<void> | null = upload(parts[0]);\n  await current;\n  current = null;\n  log(\"sent\");\n}",
  },
  {
    name: "deltaA: locals: an any-typed value assigned over the pending promise (the same request, from an untyped Map) ends the analysis",
    code: "declare function send(part: string): Promise<void>;\nconst inflight = new Map();\nfunction upload(part: string): Promise<void> {\n  const request = send(part);\n  inflight.set(part, request);\n  return request;\n}\nexport async function save(part: string, again: boolean) {\n  let request = upload(part);\n  // upload put the same request in the map\n  if (again) request = inflight.get(part);\n  await request;\n}",
  },
];

/** The seventh batch of unseen code (node-redis, grammY, the Cassandra driver): F16-F18. */
const invalidBatch7: InvalidCase[] = [
  {
    name: "batch7: `Promise.allSettled(list).then(f)` where `f` may throw: the chain can reject",
    code: `declare function report(results: PromiseSettledResult<void>[]): void;\nexport function closeAll(clients: { close(): Promise<void> }[]) {\n  const closing = clients.map((client) => client.close());\n  Promise.allSettled(closing).then((results) => report(results));\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 4,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `declare function report(results: PromiseSettledResult<void>[]): void;\nexport function closeAll(clients: { close(): Promise<void> }[]) {\n  const closing = clients.map((client) => client.close());\n  Promise.allSettled(closing).then((results) => report(results))${H};\n}`,
          ],
          [
            VOID,
            `declare function report(results: PromiseSettledResult<void>[]): void;\nexport function closeAll(clients: { close(): Promise<void> }[]) {\n  const closing = clients.map((client) => client.close());\n  void Promise.allSettled(closing).then((results) => report(results));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "batch7: `Promise.allSettled` of a value that may not be iterable rejects with a TypeError",
    code: `export function closeAll(closing: any, done: () => void) {\n  Promise.allSettled(closing).then(() => done());\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 2,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [CATCH, `export function closeAll(closing: any, done: () => void) {\n  Promise.allSettled(closing).then(() => done())${H};\n}`],
          [VOID, `export function closeAll(closing: any, done: () => void) {\n  void Promise.allSettled(closing).then(() => done());\n}`],
        ],
      },
    ],
  },
  {
    name: "batch7: compiled `this.pending ?? this.connect()`: the call's promise is stored nowhere",
    code: `export class Client {\n  pending: Promise<void> | undefined;\n  async connect(): Promise<void> {}\n  ready() {\n    var _a;\n    (_a = this.pending) !== null && _a !== void 0 ? _a : this.connect();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export class Client {\n  pending: Promise<void> | undefined;\n  async connect(): Promise<void> {}\n  ready() {\n    var _a;\n    ((_a = this.pending) !== null && _a !== void 0 ? _a : this.connect())${H};\n  }\n}`,
          ],
          [
            VOID,
            `export class Client {\n  pending: Promise<void> | undefined;\n  async connect(): Promise<void> {}\n  ready() {\n    var _a;\n    void ((_a = this.pending) !== null && _a !== void 0 ? _a : this.connect());\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "batch7: a loader with an early bare return that otherwise returns a new read, not a held one",
    code: `declare const storage: { read(key: string): Promise<string> };\nexport class Session {\n  key: string | undefined;\n  load() {\n    if (this.key === undefined) return;\n    return storage.read(this.key);\n  }\n  touch() {\n    this.load();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 9,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `declare const storage: { read(key: string): Promise<string> };\nexport class Session {\n  key: string | undefined;\n  load() {\n    if (this.key === undefined) return;\n    return storage.read(this.key);\n  }\n  touch() {\n    Promise.resolve(this.load())${H};\n  }\n}`,
          ],
          [
            VOID,
            `declare const storage: { read(key: string): Promise<string> };\nexport class Session {\n  key: string | undefined;\n  load() {\n    if (this.key === undefined) return;\n    return storage.read(this.key);\n  }\n  touch() {\n    void this.load();\n  }\n}`,
          ],
        ],
      },
    ],
  },
];

const validBatch7: ValidCase[] = [
  {
    name: "batch7: `Promise.allSettled` of a list built by pushes, then a callback that only sets flags and resolves (node-redis sentinel close)",
    code: `export class Sentinel {\n  #escalate: (() => void) | undefined;\n  async close(clients: { isOpen: boolean; close(): Promise<void>; destroy(): void }[]) {\n    const closing: Promise<void>[] = [];\n    for (const client of clients) {\n      if (client.isOpen) closing.push(client.close());\n    }\n    await new Promise<void>((resolve) => {\n      let settled = false;\n      this.#escalate = () => {\n        if (settled) return;\n        settled = true;\n        for (const client of clients) client.destroy();\n        resolve();\n      };\n      Promise.allSettled(closing).then(() => {\n        if (settled) return;\n        settled = true;\n        this.#escalate = undefined;\n        resolve();\n      });\n    });\n  }\n}`,
  },
  {
    name: "batch7: `Promise.allSettled` of a Set of promises, then a callback that cannot throw",
    code: `export function drain(pending: Set<Promise<void>>, state: { drained: boolean }) {\n  Promise.allSettled(pending).then(() => {\n    state.drained = true;\n  });\n}`,
  },
  {
    name: "batch7: TypeScript's lowered `this.mePromise ??= withRetries(...)` stores the promise (grammY `Bot.init`)",
    code: `declare function getMe(): Promise<{ username: string }>;\nexport class Bot {\n  mePromise: Promise<{ username: string }> | undefined;\n  me: { username: string } | undefined;\n  async init() {\n    var _a;\n    (_a = this.mePromise) !== null && _a !== void 0 ? _a : (this.mePromise = getMe());\n    try {\n      this.me = await this.mePromise;\n    } finally {\n      this.mePromise = undefined;\n    }\n  }\n}`,
  },
  {
    name: "batch7: `this.ready || (this.ready = connect())` is `this.ready ||= connect()` written out",
    code: `declare function connect(): Promise<void>;\nexport class Pool {\n  ready: Promise<void> | undefined;\n  async query(sql: string) {\n    this.ready || (this.ready = connect());\n    await this.ready;\n    return sql;\n  }\n}`,
  },
  {
    name: "batch7: esbuild's lowered `??=` (`L != null ? L : L = R`)",
    code: `declare function connect(): Promise<void>;\nexport class Pool {\n  ready: Promise<void> | undefined;\n  async query(sql: string) {\n    this.ready != null ? this.ready : this.ready = connect();\n    await this.ready;\n    return sql;\n  }\n}`,
  },
  {
    name: "batch7: a memoizing loader with an early bare return: its promise is the held one (grammY `PropertySession.load`)",
    code: `declare const storage: { read(key: string): Promise<string | undefined> };\nexport class PropertySession {\n  key: string | undefined;\n  promise: Promise<string | undefined> | undefined;\n  value: string | undefined;\n  load() {\n    if (this.key === undefined) return;\n    if (this.promise === undefined) {\n      this.promise = storage.read(this.key).then((value) => (this.value = value));\n    }\n    return this.promise;\n  }\n  get current() {\n    this.load();\n    return this.promise;\n  }\n  async finish() {\n    await this.load();\n  }\n}`,
  },
];

const invalidDeltaE: InvalidCase[] = [
  {
    name: "deltaE: a stop() returning the worker's captured promise that the worker only passes to a trace call (no handler, no store): dropping stop()'s result drops an unhandled promise",
    code: 'declare function runWorker(): Promise<void>;\ndeclare function trace(label: string, value: unknown): void;\nexport function startWorker() {\n  const done = runWorker();\n  trace("worker started", done);\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop();\n  });\n}',
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\ndeclare function trace(label: string, value: unknown): void;\nexport function startWorker() {\n  const done = runWorker();\n  trace("worker started", done);\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop()${H};\n  });\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\ndeclare function trace(label: string, value: unknown): void;\nexport function startWorker() {\n  const done = runWorker();\n  trace("worker started", done);\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    void stop();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaE: callback-style API, after a shuffle step on `typeof options === \"string\"` a task function passed first is still no callback: `schedule(task, \"nightly\")` returns the promise",
    code: "export function schedule(task, options, callback) {\n  if (typeof options === \"string\") options = { name: options };\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  schedule(() => console.log(\"cleanup\"), \"nightly\");\n}",
    fileName: "schedule.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function schedule(task, options, callback) {\n  if (typeof options === "string") options = { name: options };\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  Promise.resolve(schedule(() => console.log("cleanup"), "nightly"))${H};\n}`,
          ],
          [
            VOID,
            `export function schedule(task, options, callback) {\n  if (typeof options === "string") options = { name: options };\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  void schedule(() => console.log("cleanup"), "nightly");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaE: callback-style API, a computed property write before the options shuffle (`this[kLastHost] = hostname`) changes no parameter: a call without a callback still floats",
    code: "const kLastHost = Symbol(\"lastHost\");\nexport class Resolver {\n  lookup(hostname, options, callback) {\n    this[kLastHost] = hostname;\n    if (typeof options === \"function\") {\n      callback = options;\n      options = {};\n    }\n    if (typeof callback !== \"function\") {\n      return new Promise((resolve, reject) => this.lookup(hostname, options, (error, address) => (error ? reject(error) : resolve(address))));\n    }\n    setImmediate(() => callback(null, options.family === 6 ? \"::1\" : \"127.0.0.1\"));\n  }\n}\nexport function warmUp() {\n  const resolver = new Resolver();\n  resolver.lookup(\"db.internal\");\n}",
    fileName: "resolver.js",
    errors: [
      {
        messageId: "floating",
        line: 17,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `const kLastHost = Symbol("lastHost");\nexport class Resolver {\n  lookup(hostname, options, callback) {\n    this[kLastHost] = hostname;\n    if (typeof options === "function") {\n      callback = options;\n      options = {};\n    }\n    if (typeof callback !== "function") {\n      return new Promise((resolve, reject) => this.lookup(hostname, options, (error, address) => (error ? reject(error) : resolve(address))));\n    }\n    setImmediate(() => callback(null, options.family === 6 ? "::1" : "127.0.0.1"));\n  }\n}\nexport function warmUp() {\n  const resolver = new Resolver();\n  Promise.resolve(resolver.lookup("db.internal"))${H};\n}`,
          ],
          [
            VOID,
            `const kLastHost = Symbol("lastHost");\nexport class Resolver {\n  lookup(hostname, options, callback) {\n    this[kLastHost] = hostname;\n    if (typeof options === "function") {\n      callback = options;\n      options = {};\n    }\n    if (typeof callback !== "function") {\n      return new Promise((resolve, reject) => this.lookup(hostname, options, (error, address) => (error ? reject(error) : resolve(address))));\n    }\n    setImmediate(() => callback(null, options.family === 6 ? "::1" : "127.0.0.1"));\n  }\n}\nexport function warmUp() {\n  const resolver = new Resolver();\n  void resolver.lookup("db.internal");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaE: callback-style API, a destructuring write before the options shuffle (`[url, options] = [String(url), { ...defaults, ...options }]`) may change the parameters: the shuffle is not read, and a function passed in the options' place (merged into an object there) stays reported",
    code: "const defaults = { timeout: 5000 };\nexport function get(url, options, callback) {\n  [url, options] = [String(url), { ...defaults, ...options }];\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => get(url, options, (error, body) => (error ? reject(error) : resolve(body))));\n  }\n  setTimeout(() => callback(null, url), options.timeout);\n}\nexport function ping() {\n  get(\"http://localhost/health\", (error, body) => console.log(error, body));\n}",
    fileName: "client.js",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `const defaults = { timeout: 5000 };\nexport function get(url, options, callback) {\n  [url, options] = [String(url), { ...defaults, ...options }];\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => get(url, options, (error, body) => (error ? reject(error) : resolve(body))));\n  }\n  setTimeout(() => callback(null, url), options.timeout);\n}\nexport function ping() {\n  Promise.resolve(get("http://localhost/health", (error, body) => console.log(error, body)))${H};\n}`,
          ],
          [
            VOID,
            `const defaults = { timeout: 5000 };\nexport function get(url, options, callback) {\n  [url, options] = [String(url), { ...defaults, ...options }];\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => get(url, options, (error, body) => (error ? reject(error) : resolve(body))));\n  }\n  setTimeout(() => callback(null, url), options.timeout);\n}\nexport function ping() {\n  void get("http://localhost/health", (error, body) => console.log(error, body));\n}`,
          ],
        ],
      },
    ],
  },
];
const validDeltaE: ValidCase[] = [
  {
    name: "deltaE: a stop() returning the worker's captured promise that the worker gives a rejection handler with `.then(onStop, onError)` (nothing else holds it)",
    code: 'declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: (error?: unknown) => void) {\n  const done = runWorker();\n  done.then(\n    () => onStop(),\n    (error) => onStop(error),\n  );\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop();\n  });\n}',
  },
  {
    name: "deltaE: callback-style API, after a shuffle step on `typeof options === \"string\"` a callback passed last to a runner is seen: `schedule(task, \"nightly\", callback)`",
    code: "export function schedule(task, options, callback) {\n  if (typeof options === \"string\") options = { name: options };\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => schedule(task, options, (error, result) => (error ? reject(error) : resolve(result))));\n  }\n  setTimeout(() => callback(null, task()), options.delay || 0);\n}\nexport function nightly() {\n  schedule(() => console.log(\"cleanup\"), \"nightly\", (error) => console.log(\"done\", error));\n}",
    fileName: "schedule.js",
  },
  {
    name: "deltaE: callback-style API, a computed property write before the options shuffle (`this[kLastHost] = hostname`) changes no parameter and is passed over: the callback passed in the options' place is seen",
    code: "const kLastHost = Symbol(\"lastHost\");\nexport class Resolver {\n  lookup(hostname, options, callback) {\n    this[kLastHost] = hostname;\n    if (typeof options === \"function\") {\n      callback = options;\n      options = {};\n    }\n    if (typeof callback !== \"function\") {\n      return new Promise((resolve, reject) => this.lookup(hostname, options, (error, address) => (error ? reject(error) : resolve(address))));\n    }\n    setImmediate(() => callback(null, options.family === 6 ? \"::1\" : \"127.0.0.1\"));\n  }\n}\nexport function warmUp() {\n  const resolver = new Resolver();\n  resolver.lookup(\"db.internal\", (error, address) => console.log(error, address));\n}",
    fileName: "resolver.js",
  },
  {
    name: "deltaE: callback-style API, a computed property write inside a shuffle step (`this[kLastHost] = hostname`) changes no parameter: the step is still read, the callback passed last is seen",
    code: "const kLastHost = Symbol(\"lastHost\");\nexport class Resolver {\n  lookup(hostname, options, callback) {\n    if (typeof options === \"function\") {\n      callback = options;\n      options = {};\n      this[kLastHost] = hostname;\n    }\n    if (typeof callback !== \"function\") {\n      return new Promise((resolve, reject) => this.lookup(hostname, options, (error, address) => (error ? reject(error) : resolve(address))));\n    }\n    setImmediate(() => callback(null, options.family === 6 ? \"::1\" : \"127.0.0.1\"));\n  }\n}\nexport function warmUp() {\n  const resolver = new Resolver();\n  resolver.lookup(\"db.internal\", { family: 6 }, (error, address) => console.log(error, address));\n}",
    fileName: "resolver.js",
  },
];

const invalidDeltaD: InvalidCase[] = [
  {
    name: "deltaD: a sync ready() returns timed(this.connecting): an async helper given the held promise makes a new one",
    code: "declare function connect(): Promise<void>;\nasync function timed<T>(promise: Promise<T>): Promise<T> {\n  const start = Date.now();\n  try {\n    return await promise;\n  } finally {\n    console.log(\"connected after\", Date.now() - start, \"ms\");\n  }\n}\nexport class Pool {\n  private readonly connecting = connect();\n  ready() {\n    return timed(this.connecting);\n  }\n  warm() {\n    this.ready();\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function connect(): Promise<void>;\nasync function timed<T>(promise: Promise<T>): Promise<T> {\n  const start = Date.now();\n  try {\n    return await promise;\n  } finally {\n    console.log("connected after", Date.now() - start, "ms");\n  }\n}\nexport class Pool {\n  private readonly connecting = connect();\n  ready() {\n    return timed(this.connecting);\n  }\n  warm() {\n    this.ready()${H};\n  }\n}`,
          ],
          [
            VOID,
            `declare function connect(): Promise<void>;\nasync function timed<T>(promise: Promise<T>): Promise<T> {\n  const start = Date.now();\n  try {\n    return await promise;\n  } finally {\n    console.log("connected after", Date.now() - start, "ms");\n  }\n}\nexport class Pool {\n  private readonly connecting = connect();\n  ready() {\n    return timed(this.connecting);\n  }\n  warm() {\n    void this.ready();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: JavaScript: Promise.resolve of an untyped field (any) is not known to be a native promise that Promise.resolve hands back",
    code: "export class Pool {\n  constructor(client) {\n    this.client = client;\n  }\n  ready() {\n    console.log(\"waiting for the client\");\n    return Promise.resolve(this.client.connecting);\n  }\n  warm() {\n    this.ready();\n  }\n}",
    fileName: "pool.js",
    errors: [
      {
        messageId: "floating",
        line: 10,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export class Pool {\n  constructor(client) {\n    this.client = client;\n  }\n  ready() {\n    console.log("waiting for the client");\n    return Promise.resolve(this.client.connecting);\n  }\n  warm() {\n    this.ready()${H};\n  }\n}`,
          ],
          [
            VOID,
            `export class Pool {\n  constructor(client) {\n    this.client = client;\n  }\n  ready() {\n    console.log("waiting for the client");\n    return Promise.resolve(this.client.connecting);\n  }\n  warm() {\n    void this.ready();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: Promise.resolve of a field typed Promise | QueryBuilder: for the thenable part it makes a new promise",
    code: "declare class QueryBuilder<T> {\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface Row { id: string }\nexport class Report {\n  constructor(private readonly rows: Promise<Row[]> | QueryBuilder<Row[]>) {}\n  load() {\n    console.log(\"loading report\");\n    return Promise.resolve(this.rows);\n  }\n  refresh() {\n    this.load();\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare class QueryBuilder<T> {\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface Row { id: string }\nexport class Report {\n  constructor(private readonly rows: Promise<Row[]> | QueryBuilder<Row[]>) {}\n  load() {\n    console.log("loading report");\n    return Promise.resolve(this.rows);\n  }\n  refresh() {\n    this.load()${H};\n  }\n}`,
          ],
          [
            VOID,
            `declare class QueryBuilder<T> {\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface Row { id: string }\nexport class Report {\n  constructor(private readonly rows: Promise<Row[]> | QueryBuilder<Row[]>) {}\n  load() {\n    console.log("loading report");\n    return Promise.resolve(this.rows);\n  }\n  refresh() {\n    void this.load();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: Promise.resolve of a PromiseLike field makes a new promise (a lib type, but not Promise)",
    code: "export class Session {\n  constructor(private readonly ready: PromiseLike<void>) {}\n  whenReady() {\n    console.log(\"waiting for the session\");\n    return Promise.resolve(this.ready);\n  }\n  open() {\n    this.whenReady();\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 8,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export class Session {\n  constructor(private readonly ready: PromiseLike<void>) {}\n  whenReady() {\n    console.log("waiting for the session");\n    return Promise.resolve(this.ready);\n  }\n  open() {\n    this.whenReady()${H};\n  }\n}`,
          ],
          [
            VOID,
            `export class Session {\n  constructor(private readonly ready: PromiseLike<void>) {}\n  whenReady() {\n    console.log("waiting for the session");\n    return Promise.resolve(this.ready);\n  }\n  open() {\n    void this.whenReady();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: checkThenables: reload() returns a captured query builder (a thenable, no promise) that the scope hands a rejection handler",
    code: "declare class QueryBuilder<T> {\n  where(column: string, value: unknown): QueryBuilder<T>;\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface User { id: string; active: boolean }\ndeclare function users(): QueryBuilder<User[]>;\nexport function watchUsers(onUsers: (users: User[]) => void, onError: (error: unknown) => void) {\n  const query = users().where(\"active\", true);\n  query.then(onUsers, onError);\n  const reload = () => {\n    console.log(\"reloading users\");\n    return query;\n  };\n  setInterval(() => {\n    reload();\n  }, 60_000);\n}",
    options: { checkThenables: true },
    errors: [
      {
        messageId: "floating",
        line: 15,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `declare class QueryBuilder<T> {\n  where(column: string, value: unknown): QueryBuilder<T>;\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface User { id: string; active: boolean }\ndeclare function users(): QueryBuilder<User[]>;\nexport function watchUsers(onUsers: (users: User[]) => void, onError: (error: unknown) => void) {\n  const query = users().where("active", true);\n  query.then(onUsers, onError);\n  const reload = () => {\n    console.log("reloading users");\n    return query;\n  };\n  setInterval(() => {\n    Promise.resolve(reload())${H};\n  }, 60_000);\n}`,
          ],
          [
            VOID,
            `declare class QueryBuilder<T> {\n  where(column: string, value: unknown): QueryBuilder<T>;\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface User { id: string; active: boolean }\ndeclare function users(): QueryBuilder<User[]>;\nexport function watchUsers(onUsers: (users: User[]) => void, onError: (error: unknown) => void) {\n  const query = users().where("active", true);\n  query.then(onUsers, onError);\n  const reload = () => {\n    console.log("reloading users");\n    return query;\n  };\n  setInterval(() => {\n    void reload();\n  }, 60_000);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: release() ends with `return done;` of a captured promise that only release itself returns (the scope calls only .finally)",
    code: "declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void) {\n  const done = runWorker();\n  done.finally(() => onStop());\n  const release = () => {\n    console.log(\"releasing worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n}",
    errors: [
      {
        messageId: "finallyWithoutHandler",
        line: 4,
        column: 3,
        message: FINALLY_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void) {\n  const done = runWorker();\n  done.finally(() => onStop())${H};\n  const release = () => {\n    console.log("releasing worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    release();\n  });\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void) {\n  const done = runWorker();\n  void done.finally(() => onStop());\n  const release = () => {\n    console.log("releasing worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    release();\n  });\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 10,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void) {\n  const done = runWorker();\n  done.finally(() => onStop());\n  const release = () => {\n    console.log("releasing worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    release()${H};\n  });\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void) {\n  const done = runWorker();\n  done.finally(() => onStop());\n  const release = () => {\n    console.log("releasing worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    void release();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: whenReady() returns a module const; the `ready` another function stores is its own const of the same name",
    code: "declare function connect(): Promise<void>;\ndeclare function probe(): Promise<boolean>;\nconst ready = connect();\nexport function whenReady() {\n  console.log(\"waiting for the connection\");\n  return ready;\n}\nexport function ping() {\n  const ready = probe();\n  return { ready };\n}\nexport function onStart() {\n  whenReady();\n}",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function connect(): Promise<void>;\ndeclare function probe(): Promise<boolean>;\nconst ready = connect();\nexport function whenReady() {\n  console.log("waiting for the connection");\n  return ready;\n}\nexport function ping() {\n  const ready = probe();\n  return { ready };\n}\nexport function onStart() {\n  whenReady()${H};\n}`,
          ],
          [
            VOID,
            `declare function connect(): Promise<void>;\ndeclare function probe(): Promise<boolean>;\nconst ready = connect();\nexport function whenReady() {\n  console.log("waiting for the connection");\n  return ready;\n}\nexport function ping() {\n  const ready = probe();\n  return { ready };\n}\nexport function onStart() {\n  void whenReady();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "deltaD: a captured promise that the scope only compares (`this.current === done`) and hands .finally is not held",
    code: "declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  private current: Promise<void> | undefined;\n  promote(next: Promise<void>) {\n    this.current = next;\n  }\n  start() {\n    const done = runWorker();\n    done.finally(() => {\n      if (this.current === done) this.current = undefined;\n    });\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n  }\n}",
    errors: [
      {
        messageId: "finallyWithoutHandler",
        line: 9,
        column: 5,
        message: FINALLY_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  private current: Promise<void> | undefined;\n  promote(next: Promise<void>) {\n    this.current = next;\n  }\n  start() {\n    const done = runWorker();\n    done.finally(() => {\n      if (this.current === done) this.current = undefined;\n    })${H};\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      release();\n    });\n  }\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  private current: Promise<void> | undefined;\n  promote(next: Promise<void>) {\n    this.current = next;\n  }\n  start() {\n    const done = runWorker();\n    void done.finally(() => {\n      if (this.current === done) this.current = undefined;\n    });\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      release();\n    });\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 17,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  private current: Promise<void> | undefined;\n  promote(next: Promise<void>) {\n    this.current = next;\n  }\n  start() {\n    const done = runWorker();\n    done.finally(() => {\n      if (this.current === done) this.current = undefined;\n    });\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      release()${H};\n    });\n  }\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  private current: Promise<void> | undefined;\n  promote(next: Promise<void>) {\n    this.current = next;\n  }\n  start() {\n    const done = runWorker();\n    done.finally(() => {\n      if (this.current === done) this.current = undefined;\n    });\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      void release();\n    });\n  }\n}`,
          ],
        ],
      },
    ],
  },
];

const validDeltaD: ValidCase[] = [
  {
    name: "deltaD: release() returns a captured promise that the scope returns under another key (`{ release, finished: done }`)",
    code: "declare function runWorker(): Promise<void>;\nexport function startWorker() {\n  const done = runWorker();\n  const release = () => {\n    console.log(\"releasing worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n  return { release, finished: done };\n}",
  },
  {
    name: "deltaD: release() returns a captured promise that the scope stores on a property (`worker.finished = done`)",
    code: "declare function runWorker(): Promise<void>;\nexport function startWorker(worker: { finished?: Promise<void> }) {\n  const done = runWorker();\n  worker.finished = done;\n  const release = () => {\n    console.log(\"releasing worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n}",
  },
  {
    name: "deltaD: release() returns a captured promise that the scope stores in a record (`running[id] = done`)",
    code: "declare function runWorker(id: string): Promise<void>;\nconst running: Record<string, Promise<void>> = {};\nexport function startWorker(id: string) {\n  const done = runWorker(id);\n  running[id] = done;\n  const release = () => {\n    console.log(\"releasing worker\", id);\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n}",
  },
  {
    name: "deltaD: Promise.resolve of an optional promise field (`Promise<Connection> | undefined`) hands it back",
    code: "interface Connection { query(sql: string): Promise<unknown[]> }\nexport class Pool {\n  private connecting?: Promise<Connection>;\n  open(connect: () => Promise<Connection>) {\n    this.connecting = connect();\n  }\n  ready() {\n    console.log(\"waiting for a connection\");\n    return Promise.resolve(this.connecting);\n  }\n  warm() {\n    this.ready();\n  }\n}",
  },
  {
    name: "deltaD: JavaScript: Promise.resolve of a field the constructor sets to a promise hands it back",
    code: "export class Pool {\n  constructor(connect) {\n    this.connecting = Promise.resolve(connect());\n  }\n  ready() {\n    console.log(\"waiting for the client\");\n    return Promise.resolve(this.connecting);\n  }\n  warm() {\n    this.ready();\n  }\n}",
    fileName: "pool.js",
  },
  {
    name: "deltaD: a block-bodied release() returns a captured promise given a .catch handler",
    code: "declare function runWorker(): Promise<void>;\nexport function startWorker(log: (error: unknown) => void) {\n  const done = runWorker();\n  done.catch((error) => log(error));\n  const release = () => {\n    console.log(\"releasing worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n}",
  },
  {
    name: "deltaD: whenReady() returns a module const that another function also returns in an object",
    code: "declare function connect(): Promise<void>;\nconst ready = connect();\nexport function whenReady() {\n  console.log(\"waiting for the connection\");\n  return ready;\n}\nexport function status() {\n  return { ready };\n}\nexport function onStart() {\n  whenReady();\n}",
  },
  {
    name: "deltaD: release() returns a captured promise that the scope stores on `this` and hands both handlers",
    code: "declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  private current: Promise<void> | undefined;\n  start() {\n    const done = runWorker();\n    this.current = done;\n    done.then(\n      () => console.log(\"worker finished\"),\n      (error) => console.error(\"worker failed\", error),\n    );\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n  }\n}",
  },
  {
    name: "deltaD: checkThenables: reload() returns a captured promise made by a query builder's then, given a rejection handler",
    code: "declare class QueryBuilder<T> {\n  where(column: string, value: unknown): QueryBuilder<T>;\n  then<R1 = T, R2 = never>(onFulfilled?: (value: T) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2>;\n}\ninterface User { id: string; active: boolean }\ndeclare function users(): QueryBuilder<User[]>;\nexport function watchUsers(onUsers: (users: User[]) => void, onError: (error: unknown) => void) {\n  const loaded = users().where(\"active\", true).then((rows) => rows);\n  loaded.then(onUsers, onError);\n  const reload = () => {\n    console.log(\"reloading users\");\n    return loaded;\n  };\n  setInterval(() => {\n    reload();\n  }, 60_000);\n}",
    options: { checkThenables: true },
  },
  {
    name: "deltaD: release() returns a captured promise that the scope stores in a module variable (`lastRun = done`) other code reads",
    code: "declare function runWorker(): Promise<void>;\nlet lastRun: Promise<void> | undefined;\nexport function startWorker() {\n  const done = runWorker();\n  lastRun = done;\n  const release = () => {\n    console.log(\"releasing worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n}\nexport function lastRunOf() {\n  return lastRun;\n}",
  },
  {
    name: "deltaD: release() returns a captured promise that the scope stores in its own `let`, which the returned getter reads",
    code: "declare function runWorker(): Promise<void>;\nexport function startWorker() {\n  let current: Promise<void> | undefined;\n  const done = runWorker();\n  current = done;\n  const release = () => {\n    console.log(\"releasing worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    release();\n  });\n  return { release, running: () => current };\n}",
  },
];

/** Left mutants the lead settled (ninth session). */
const invalidLeftL: InvalidCase[] = [
  {
    name: "leftL: `return Promise.reject(this.ready)` is a new, rejected promise, not the held one (unusual: a held promise as the rejection reason; #61 of the delta2 run)",
    code: `export class Pool {\n  ready: Promise<void> = Promise.resolve();\n  fail() {\n    return Promise.reject(this.ready);\n  }\n  close() {\n    this.fail();\n  }\n}`,
    errors: [
      {
        messageId: "floating",
        line: 7,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `export class Pool {\n  ready: Promise<void> = Promise.resolve();\n  fail() {\n    return Promise.reject(this.ready);\n  }\n  close() {\n    this.fail()${H};\n  }\n}`,
          ],
          [
            VOID,
            `export class Pool {\n  ready: Promise<void> = Promise.resolve();\n  fail() {\n    return Promise.reject(this.ready);\n  }\n  close() {\n    void this.fail();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: `Promise.allSettled` of an untyped value may reject (a value that is not iterable), even with a callback that cannot throw",
    code: `export function drain(pending: any, state: { drained: boolean }) {\n  Promise.allSettled(pending).then(() => {\n    state.drained = true;\n  });\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 2,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `export function drain(pending: any, state: { drained: boolean }) {\n  Promise.allSettled(pending).then(() => {\n    state.drained = true;\n  })${H};\n}`,
          ],
          [
            VOID,
            `export function drain(pending: any, state: { drained: boolean }) {\n  void Promise.allSettled(pending).then(() => {\n    state.drained = true;\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: `Promise.all` of a list of promises rejects with the first rejection: `.then(f)` on it is not handled",
    code: `export function closeAll(clients: { close(): Promise<void> }[], state: { closed: boolean }) {\n  const closing = clients.map((client) => client.close());\n  Promise.all(closing).then(() => {\n    state.closed = true;\n  });\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 3,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `export function closeAll(clients: { close(): Promise<void> }[], state: { closed: boolean }) {\n  const closing = clients.map((client) => client.close());\n  Promise.all(closing).then(() => {\n    state.closed = true;\n  })${H};\n}`,
          ],
          [
            VOID,
            `export function closeAll(clients: { close(): Promise<void> }[], state: { closed: boolean }) {\n  const closing = clients.map((client) => client.close());\n  void Promise.all(closing).then(() => {\n    state.closed = true;\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: an async function awaiting `Promise.allSettled(collect())` rejects when collecting throws",
    code: `declare function collectClosing(): Promise<void>[];\nasync function closeAll() {\n  await Promise.allSettled(collectClosing());\n}\nexport function shutdown() {\n  closeAll();\n}`,
    errors: [
      {
        messageId: "floating",
        line: 6,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function collectClosing(): Promise<void>[];\nasync function closeAll() {\n  await Promise.allSettled(collectClosing());\n}\nexport function shutdown() {\n  closeAll()${H};\n}`,
          ],
          [
            VOID,
            `declare function collectClosing(): Promise<void>[];\nasync function closeAll() {\n  await Promise.allSettled(collectClosing());\n}\nexport function shutdown() {\n  void closeAll();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: `Promise.all` of a literal of promises it was given rejects when one does",
    code: `export function whenBoth(config: Promise<void>, schema: Promise<void>, state: { ready: boolean }) {\n  Promise.all([config, schema]).then(() => {\n    state.ready = true;\n  });\n}`,
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 2,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `export function whenBoth(config: Promise<void>, schema: Promise<void>, state: { ready: boolean }) {\n  Promise.all([config, schema]).then(() => {\n    state.ready = true;\n  })${H};\n}`,
          ],
          [
            VOID,
            `export function whenBoth(config: Promise<void>, schema: Promise<void>, state: { ready: boolean }) {\n  void Promise.all([config, schema]).then(() => {\n    state.ready = true;\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: a write to an element of `arguments` ends the options shuffle: in sloppy mode it rewrites the parameter (`arguments[1] = Object.assign({...}, arguments[1])` turns a callback into options)",
    code: `function request(url, options, callback) {\n  arguments[1] = Object.assign({ retries: 2 }, arguments[1]);\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve) => request(url, options, (error, body) => resolve(body)));\n  }\n  setImmediate(() => callback(null, url));\n}\nfunction ping() {\n  request("/health", (error) => console.log(error));\n}\nmodule.exports = { request, ping };`,
    fileName: "request.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `function request(url, options, callback) {\n  arguments[1] = Object.assign({ retries: 2 }, arguments[1]);\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve) => request(url, options, (error, body) => resolve(body)));\n  }\n  setImmediate(() => callback(null, url));\n}\nfunction ping() {\n  Promise.resolve(request("/health", (error) => console.log(error)))${H};\n}\nmodule.exports = { request, ping };`,
          ],
          [
            VOID,
            `function request(url, options, callback) {\n  arguments[1] = Object.assign({ retries: 2 }, arguments[1]);\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve) => request(url, options, (error, body) => resolve(body)));\n  }\n  setImmediate(() => callback(null, url));\n}\nfunction ping() {\n  void request("/health", (error) => console.log(error));\n}\nmodule.exports = { request, ping };`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: a captured promise whose scope only destructures a method off it (`({ finally: settle } = done)`) is not held (unusual: a promise's method taken by destructuring)",
    code: "declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  start() {\n    const done = runWorker();\n    let settle: Promise<void>[\"finally\"];\n    ({ finally: settle } = done);\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    return settle;\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 12,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  start() {\n    const done = runWorker();\n    let settle: Promise<void>["finally"];\n    ({ finally: settle } = done);\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      release()${H};\n    });\n    return settle;\n  }\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport class Supervisor {\n  start() {\n    const done = runWorker();\n    let settle: Promise<void>["finally"];\n    ({ finally: settle } = done);\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      void release();\n    });\n    return settle;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: a captured promise the scope only logs in an array (`console.log([done])`) is not held",
    code: "declare function runWorker(): Promise<void>;\ndeclare function timeout(ms: number): Promise<never>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    console.log([done]);\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\ndeclare function timeout(ms: number): Promise<never>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      release()${H};\n    });\n    console.log([done]);\n  }\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\ndeclare function timeout(ms: number): Promise<never>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      void release();\n    });\n    console.log([done]);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftL: a captured promise the scope keeps only in a local array it counts is not held",
    code: "declare function runWorker(): Promise<void>;\ndeclare function warmUp(): Promise<void>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    const pending = [done];\n    console.log(pending.length);\n  }\n}",
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\ndeclare function warmUp(): Promise<void>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      release()${H};\n    });\n    const pending = [done];\n    console.log(pending.length);\n  }\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\ndeclare function warmUp(): Promise<void>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log("releasing worker");\n      return done;\n    };\n    process.once("SIGTERM", () => {\n      void release();\n    });\n    const pending = [done];\n    console.log(pending.length);\n  }\n}`,
          ],
        ],
      },
    ],
  },
];

const validLeftL: ValidCase[] = [
  {
    name: "leftL: `return Promise.resolve(this.ready)` hands back the held built-in promise",
    code: `export class Pool {\n  ready: Promise<void> = Promise.resolve();\n  whenReady() {\n    return Promise.resolve(this.ready);\n  }\n  warm() {\n    this.whenReady();\n  }\n}`,
  },
  {
    name: "leftL: an async function awaiting `Promise.allSettled` of a list it holds cannot reject",
    code: `async function closeAll(closing: Promise<void>[]) {\n  await Promise.allSettled(closing);\n}\nexport function shutdown(closing: Promise<void>[]) {\n  closeAll(closing);\n}`,
  },
  {
    name: "leftL: `Promise.allSettled` of a `Map`'s entries list held in a const, then a callback that cannot throw",
    code: `export function drain(pending: Map<string, Promise<void>>, state: { drained: boolean }) {\n  const all = [...pending.values()];\n  Promise.allSettled(all).then(() => {\n    state.drained = true;\n  });\n}`,
  },
  {
    name: "leftL: a write to an element of a named object (`lastSeen[url] = Date.now()`) before the options shuffle changes no parameter",
    code: `const lastSeen = {};\nfunction request(url, options, callback) {\n  lastSeen[url] = Date.now();\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve) => request(url, options, (error, body) => resolve(body)));\n  }\n  setImmediate(() => callback(null, url));\n}\nfunction ping() {\n  request("/health", (error) => console.log(error));\n}\nmodule.exports = { request, ping };`,
    fileName: "request.js",
  },
  {
    name: "leftL: a captured promise the scope races against a timeout (`await Promise.race([done, timeout(5000)])`) is held: the race handles it",
    code: "declare function runWorker(): Promise<void>;\ndeclare function timeout(ms: number): Promise<never>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    await Promise.race([done, timeout(5000)]);\n  }\n}",
  },
  {
    name: "leftL: a captured promise the scope returns in an array (`return [done, release]`) is held by the caller",
    code: "declare function runWorker(): Promise<void>;\ndeclare function timeout(ms: number): Promise<never>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    return [done, release] as const;\n  }\n}",
  },
  {
    name: "leftL: a captured promise the scope hands to `Promise.all([done, warmUp()])` is held",
    code: "declare function runWorker(): Promise<void>;\ndeclare function warmUp(): Promise<void>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    await Promise.all([done, warmUp()]);\n  }\n}",
  },
  {
    name: "leftL: a captured promise the scope hands to `Promise.allSettled([done, warmUp()])` is held",
    code: "declare function runWorker(): Promise<void>;\ndeclare function warmUp(): Promise<void>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    await Promise.allSettled([done, warmUp()]);\n  }\n}",
  },
  {
    name: "leftL: a captured promise the scope hands to `Promise.any([done, warmUp()])` is held",
    code: "declare function runWorker(): Promise<void>;\ndeclare function warmUp(): Promise<void>;\nexport class Supervisor {\n  async start() {\n    const done = runWorker();\n    const release = () => {\n      console.log(\"releasing worker\");\n      return done;\n    };\n    process.once(\"SIGTERM\", () => {\n      release();\n    });\n    await Promise.any([done, warmUp()]);\n  }\n}",
  },
];

const WHEN_READY_IN_BLOCK = (call: string): string =>
  [
    "// unusual on purpose: the first step sits in a bare block",
    "export function whenReady(callback, done) {",
    "  {",
    "    // `callback` is the old name of the first parameter; the body reads `done`",
    "    done = callback;",
    "  }",
    '  if (typeof done !== "function") {',
    "    return new Promise((resolve) => whenReady(() => resolve()));",
    "  }",
    "  setImmediate(() => done());",
    "}",
    "export function start() {",
    `  ${call};`,
    "}",
  ].join("\n");
/** A guarded step whose else branch moves another parameter (not the guard's target) into the tested one. */
const RUN_JOB = (call: string): string =>
  [
    "// unusual on purpose: without a callback a job function is the callback; otherwise the fallback is the job",
    "export function runJob(job, callback, fallback) {",
    '  if (!callback && typeof job === "function") {',
    "    callback = job;",
    "  } else {",
    "    job = fallback;",
    "  }",
    '  if (typeof job !== "function") {',
    "    return Promise.resolve();",
    "  }",
    "  setImmediate(() => job(callback));",
    "}",
    "export function start() {",
    `  ${call};`,
    "}",
  ].join("\n");
const invalidLeftF: InvalidCase[] = [
  {
    name: "leftF: a guarded step's else branch that moves another parameter into the tested one (`job = fallback`): a job function passed with a callback is replaced, and the promise floats",
    code: RUN_JOB('runJob(() => console.log("job"), () => console.log("done"))'),
    fileName: "jobs.js",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `// unusual on purpose: without a callback a job function is the callback; otherwise the fallback is the job\nexport function runJob(job, callback, fallback) {\n  if (!callback && typeof job === "function") {\n    callback = job;\n  } else {\n    job = fallback;\n  }\n  if (typeof job !== "function") {\n    return Promise.resolve();\n  }\n  setImmediate(() => job(callback));\n}\nexport function start() {\n  Promise.resolve(runJob(() => console.log("job"), () => console.log("done")))${H};\n}`,
          ],
          [
            VOID,
            `// unusual on purpose: without a callback a job function is the callback; otherwise the fallback is the job\nexport function runJob(job, callback, fallback) {\n  if (!callback && typeof job === "function") {\n    callback = job;\n  } else {\n    job = fallback;\n  }\n  if (typeof job !== "function") {\n    return Promise.resolve();\n  }\n  setImmediate(() => job(callback));\n}\nexport function start() {\n  void runJob(() => console.log("job"), () => console.log("done"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftF: a `ping` guard testing the same parameter twice (`!options && typeof options === \"function\"`, a typo) never runs: `ping(callback)` leaves `callback` empty and the promise floats",
    ts7: PING_TS7,
    code: pingWith('!options && typeof options === "function"', 'connection.ping((error) => console.log("ping", error))'),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 16,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (!options && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  Promise.resolve(connection.ping((error) => console.log("ping", error)))${H};\n}`,
          ],
          [
            VOID,
            `export function Connection(config) {\n  this.config = config;\n}\nConnection.prototype.ping = function ping(options, callback) {\n  if (!options && typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => this.ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n};\n/** @param {Connection} connection */\nexport function check(connection) {\n  void connection.ping((error) => console.log("ping", error));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftF: a step in a bare block (`{ done = callback; }`) moves the first argument into `done`: a function passed second is no callback",
    code: WHEN_READY_IN_BLOCK('whenReady(undefined, () => console.log("ready"))'),
    fileName: "ready.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `// unusual on purpose: the first step sits in a bare block\nexport function whenReady(callback, done) {\n  {\n    // \`callback\` is the old name of the first parameter; the body reads \`done\`\n    done = callback;\n  }\n  if (typeof done !== "function") {\n    return new Promise((resolve) => whenReady(() => resolve()));\n  }\n  setImmediate(() => done());\n}\nexport function start() {\n  Promise.resolve(whenReady(undefined, () => console.log("ready")))${H};\n}`,
          ],
          [
            VOID,
            `// unusual on purpose: the first step sits in a bare block\nexport function whenReady(callback, done) {\n  {\n    // \`callback\` is the old name of the first parameter; the body reads \`done\`\n    done = callback;\n  }\n  if (typeof done !== "function") {\n    return new Promise((resolve) => whenReady(() => resolve()));\n  }\n  setImmediate(() => done());\n}\nexport function start() {\n  void whenReady(undefined, () => console.log("ready"));\n}`,
          ],
        ],
      },
    ],
  },
];
const validLeftF: ValidCase[] = [
  {
    name: "leftF: a guarded step's else branch that moves another parameter into the tested one (`job = fallback`): a fallback function passed third is the job, no promise",
    code: RUN_JOB('runJob(() => console.log("job"), () => console.log("done"), () => console.log("fallback"))'),
    fileName: "jobs.js",
  },
  {
    name: "leftF: a `ping` guard testing the same parameter twice (`!options && typeof options === \"function\"`, a typo for `!callback`) never runs: a callback passed second stays, no promise",
    // Unusual (a typo): the guard is never true, so the step's assignments never run and `callback` keeps the caller's function.
    code: pingWith('!options && typeof options === "function"', 'connection.ping({ timeout: 100 }, (error) => console.log("ping", error))'),
    fileName: "connection.js",
  },
  {
    name: "leftF: a guard testing the same parameter twice never runs, whatever its branch assigns (`callback = once(options)`): a callback passed second stays, no promise",
    code: "function once(fn) {\n  let called = false;\n  return (...args) => {\n    if (!called) {\n      called = true;\n      fn(...args);\n    }\n  };\n}\n// unusual on purpose: `!options` is a typo for `!callback`, so the step never runs\nexport function ping(options, callback) {\n  if (!options && typeof options === \"function\") {\n    callback = once(options);\n    options = {};\n  }\n  if (!callback) {\n    return new Promise((resolve, reject) => ping(options, (error) => (error ? reject(error) : resolve())));\n  }\n  setTimeout(() => callback(null), options.timeout || 0);\n}\nexport function check() {\n  ping({ timeout: 100 }, (error) => console.log(\"ping\", error));\n}",
    fileName: "ping.js",
  },
  {
    name: "leftF: a shuffle step in a bare block (`{ done = callback; }`) is read like one in the body: the callback passed first is seen",
    code: WHEN_READY_IN_BLOCK('whenReady(() => console.log("ready"))'),
    fileName: "ready.js",
  },
];

const invalidLeftE: InvalidCase[] = [
  {
    name: "leftE: a startup check that reads the worker's promise's `.catch` without calling it (`isFunction(done.catch)`, unusual: a typed promise needs no duck-typing check) gives it no handler: stop() returning that promise, dropped, drops an unhandled promise",
    code: "declare function runWorker(): Promise<void>;\ndeclare function isFunction(value: unknown): boolean;\nexport function startWorker() {\n  const done = runWorker();\n  if (!isFunction(done.catch)) throw new TypeError(\"runWorker() must return a promise\");\n  const stop = () => {\n    console.log(\"stopping worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    stop();\n  });\n}",
    errors: [
      {
        messageId: "floating",
        line: 11,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\ndeclare function isFunction(value: unknown): boolean;\nexport function startWorker() {\n  const done = runWorker();\n  if (!isFunction(done.catch)) throw new TypeError("runWorker() must return a promise");\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop()${H};\n  });\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\ndeclare function isFunction(value: unknown): boolean;\nexport function startWorker() {\n  const done = runWorker();\n  if (!isFunction(done.catch)) throw new TypeError("runWorker() must return a promise");\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    void stop();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftE: a two-argument method of a promise subtype (an execa-style subprocess, `child.on(\"spawn\", listener)`; the built-in `Promise` has none) gives it no rejection handler: stop() returning the subprocess, dropped, drops an unhandled promise",
    code: "interface Subprocess extends Promise<{ exitCode: number }> {\n  on(event: \"spawn\" | \"exit\", listener: () => void): void;\n  kill(): boolean;\n}\ndeclare function execa(file: string, args: string[]): Subprocess;\nexport function startWorker() {\n  const child = execa(\"node\", [\"worker.js\"]);\n  child.on(\"spawn\", () => console.log(\"worker started\"));\n  const stop = () => {\n    child.kill();\n    return child;\n  };\n  process.once(\"SIGTERM\", () => {\n    stop();\n  });\n}",
    errors: [
      {
        messageId: "floating",
        line: 14,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `interface Subprocess extends Promise<{ exitCode: number }> {\n  on(event: "spawn" | "exit", listener: () => void): void;\n  kill(): boolean;\n}\ndeclare function execa(file: string, args: string[]): Subprocess;\nexport function startWorker() {\n  const child = execa("node", ["worker.js"]);\n  child.on("spawn", () => console.log("worker started"));\n  const stop = () => {\n    child.kill();\n    return child;\n  };\n  process.once("SIGTERM", () => {\n    stop()${H};\n  });\n}`,
          ],
          [
            VOID,
            `interface Subprocess extends Promise<{ exitCode: number }> {\n  on(event: "spawn" | "exit", listener: () => void): void;\n  kill(): boolean;\n}\ndeclare function execa(file: string, args: string[]): Subprocess;\nexport function startWorker() {\n  const child = execa("node", ["worker.js"]);\n  child.on("spawn", () => console.log("worker started"));\n  const stop = () => {\n    child.kill();\n    return child;\n  };\n  process.once("SIGTERM", () => {\n    void stop();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftE: a rejection handler spread from an optional tuple (`done.then(onStop, ...onError)`, unusual: handlers are passed by name) may be missing: it does not hold the worker's promise, so stop() returning it is reported like the `.then` call itself",
    code: "declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void, ...onError: [onError?: (error: unknown) => void]) {\n  const done = runWorker();\n  done.then(onStop, ...onError);\n  const stop = () => {\n    console.log(\"stopping worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    stop();\n  });\n}",
    errors: [
      {
        messageId: "thenWithoutHandler",
        line: 4,
        column: 3,
        message: THEN_WITHOUT_HANDLER,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void, ...onError: [onError?: (error: unknown) => void]) {\n  const done = runWorker();\n  done.then(onStop, ...onError)${H};\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop();\n  });\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void, ...onError: [onError?: (error: unknown) => void]) {\n  const done = runWorker();\n  void done.then(onStop, ...onError);\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop();\n  });\n}`,
          ],
        ],
      },
      {
        messageId: "floating",
        line: 10,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void, ...onError: [onError?: (error: unknown) => void]) {\n  const done = runWorker();\n  done.then(onStop, ...onError);\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    stop()${H};\n  });\n}`,
          ],
          [
            VOID,
            `declare function runWorker(): Promise<void>;\nexport function startWorker(onStop: () => void, ...onError: [onError?: (error: unknown) => void]) {\n  const done = runWorker();\n  done.then(onStop, ...onError);\n  const stop = () => {\n    console.log("stopping worker");\n    return done;\n  };\n  process.once("SIGTERM", () => {\n    void stop();\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftE: callback-style API, a rest parameter reassigned before the options shuffle (`tags = tags.filter(Boolean)`) changes no parameter a step moves: a call without a callback still floats",
    code: "export function publish(topic, options, callback, ...tags) {\n  tags = tags.filter(Boolean);\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => publish(topic, options, (error, id) => (error ? reject(error) : resolve(id)), ...tags));\n  }\n  setImmediate(() => callback(null, `${topic}:${tags.join(\",\")}`));\n}\nexport function announce() {\n  publish(\"deploys\");\n}",
    fileName: "publish.js",
    errors: [
      {
        messageId: "floating",
        line: 13,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `export function publish(topic, options, callback, ...tags) {\n  tags = tags.filter(Boolean);\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => publish(topic, options, (error, id) => (error ? reject(error) : resolve(id)), ...tags));\n  }\n  setImmediate(() => callback(null, \`\${topic}:\${tags.join(",")}\`));\n}\nexport function announce() {\n  Promise.resolve(publish("deploys"))${H};\n}`,
          ],
          [
            VOID,
            `export function publish(topic, options, callback, ...tags) {\n  tags = tags.filter(Boolean);\n  if (typeof options === "function") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== "function") {\n    return new Promise((resolve, reject) => publish(topic, options, (error, id) => (error ? reject(error) : resolve(id)), ...tags));\n  }\n  setImmediate(() => callback(null, \`\${topic}:\${tags.join(",")}\`));\n}\nexport function announce() {\n  void publish("deploys");\n}`,
          ],
        ],
      },
    ],
  },
];

const validLeftE: ValidCase[] = [
  {
    name: "leftE: the same startup check on `done.catch` (`isFunction(done.catch)`) followed by `done.catch(onError)`: the worker handles its promise, so stop() returning it makes no new one",
    code: "declare function runWorker(): Promise<void>;\ndeclare function isFunction(value: unknown): boolean;\nexport function startWorker(onError: (error: unknown) => void) {\n  const done = runWorker();\n  if (!isFunction(done.catch)) throw new TypeError(\"runWorker() must return a promise\");\n  done.catch(onError);\n  const stop = () => {\n    console.log(\"stopping worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    stop();\n  });\n}",
  },
  {
    name: "leftE: a promise subtype with a two-argument method (an execa-style subprocess, `child.on(\"spawn\", listener)`) that the worker also gives `child.catch(...)`: the subprocess is handled, stop() returning it is not reported",
    code: "interface Subprocess extends Promise<{ exitCode: number }> {\n  on(event: \"spawn\" | \"exit\", listener: () => void): void;\n  kill(): boolean;\n}\ndeclare function execa(file: string, args: string[]): Subprocess;\nexport function startWorker() {\n  const child = execa(\"node\", [\"worker.js\"]);\n  child.on(\"spawn\", () => console.log(\"worker started\"));\n  child.catch((error) => console.error(\"worker failed\", error));\n  const stop = () => {\n    child.kill();\n    return child;\n  };\n  process.once(\"SIGTERM\", () => {\n    stop();\n  });\n}",
  },
  {
    name: "leftE: a spread after the rejection handler (`done.catch(onError, ...extra)`, unusual: `catch` takes one argument) leaves the handler in its place: the worker's promise is handled, stop() returning it is not reported",
    code: "async function runWorker() {\n  await new Promise((resolve) => setTimeout(resolve, 1000));\n}\nexport function startWorker(onError, ...extra) {\n  const done = runWorker();\n  done.catch(onError, ...extra);\n  const stop = () => {\n    console.log(\"stopping worker\");\n    return done;\n  };\n  process.once(\"SIGTERM\", () => {\n    stop();\n  });\n}",
    fileName: "worker.js",
  },
  {
    name: "leftE: callback-style API, a rest parameter reassigned before the options shuffle (`tags = tags.filter(Boolean)`) is passed over like a local: the shuffle is read, the callback passed in the options' place is seen",
    code: "export function publish(topic, options, callback, ...tags) {\n  tags = tags.filter(Boolean);\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => publish(topic, options, (error, id) => (error ? reject(error) : resolve(id)), ...tags));\n  }\n  setImmediate(() => callback(null, `${topic}:${tags.join(\",\")}`));\n}\nexport function announce() {\n  publish(\"deploys\", (error, id) => console.log(error, id));\n}",
    fileName: "publish.js",
  },
  {
    name: "leftE: callback-style API, a rest parameter reassigned before the options shuffle (`tags = tags.filter(Boolean)`) is passed over like a local: the step's `callback = options` is no other write, and the callback passed in its own place is seen",
    code: "export function publish(topic, options, callback, ...tags) {\n  tags = tags.filter(Boolean);\n  if (typeof options === \"function\") {\n    callback = options;\n    options = {};\n  }\n  if (typeof callback !== \"function\") {\n    return new Promise((resolve, reject) => publish(topic, options, (error, id) => (error ? reject(error) : resolve(id)), ...tags));\n  }\n  setImmediate(() => callback(null, `${topic}:${tags.join(\",\")}`));\n}\nexport function announce() {\n  publish(\"deploys\", { retain: true }, (error, id) => console.log(error, id));\n}",
    fileName: "publish.js",
  },
];

/**
 * hapi's `Server` (lib/server.js), reduced: `ext(events, method, options)` returns `team.work`, a
 * promise, only when no method is given, through a local assigned in that branch; `dependency`
 * registers its `after` callback with it. `test` is the condition of the branch that makes the
 * promise, `body` the lines of `dependency` after its first, `more` lines before `return promise;`.
 */
const hapiServer = (body: string[], test = "!method", more: string[] = []): string =>
  [
    '"use strict";',
    "class Team {",
    "  constructor() {",
    "    this.work = new Promise((resolve, reject) => {",
    "      this._resolve = resolve;",
    "      this._reject = reject;",
    "    });",
    "  }",
    "  attend(note) {",
    "    if (note instanceof Error) return this._reject(note);",
    "    this._resolve(note);",
    "  }",
    "}",
    "class Server {",
    "  constructor() {",
    "    this._exts = [];",
    "    this._dependencies = [];",
    "    this._handlers = {};",
    "  }",
    "  dependency(dependencies, after) {",
    "    this._dependencies.push(dependencies);",
    ...body.map((line) => `    ${line}`),
    "  }",
    "  ext(events, method, options) {",
    "    let promise;",
    '    if (typeof events === "string") {',
    `      if (${test}) {`,
    "        const team = new Team();",
    "        method = (request, h) => {",
    "          team.attend(request);",
    "          return h.continue;",
    "        };",
    "        promise = team.work;",
    "      }",
    "      events = { type: events, method, options };",
    "    }",
    "    events = [].concat(events);",
    "    for (const event of events) {",
    "      this._exts.push(event);",
    "    }",
    ...more.map((line) => `    ${line}`),
    "    return promise;",
    "  }",
    "}",
    "module.exports = Server;",
  ].join("\n");
const HAPI_AFTER = ['if (after) {', '  this.ext("onPreStart", after, { after: Object.keys(dependencies) });', "}"];
/** hapi's compiler options: plain JavaScript, not checked, not strict (the real pair and its first twin; the other cases keep the default, so TypeScript 7 types them too). */
const HAPI_OPTIONS = { ...TEST_COMPILER_OPTIONS, strict: false };
const HAPI_TS7 = {
  reason: "TypeScript 7 types a JavaScript `let` without an initializer as `any` where `noImplicitAny` is off (hapi's `strict: false`), where TypeScript 6 follows what is assigned to it: `ext`'s return is unknown there",
  errors: [],
};
/** A driver-style `query(sql, values, callback)` that makes its promise, and the callback that settles it, where none is given. */
const driverQuery = (test: string, call: string): string =>
  [
    'const net = require("node:net");',
    "class Connection {",
    "  constructor(socket) {",
    "    this.socket = socket;",
    "    this.pending = [];",
    "  }",
    "  query(sql, values, callback) {",
    "    let promise;",
    '    if (typeof values === "function") {',
    "      callback = values;",
    "      values = [];",
    "    }",
    `    if (${test}) {`,
    "      promise = new Promise((resolve, reject) => {",
    "        callback = (error, rows) => (error ? reject(error) : resolve(rows));",
    "      });",
    "    }",
    "    this.pending.push({ sql, values, callback });",
    "    this.socket.write(sql);",
    "    return promise;",
    "  }",
    "}",
    "/** @param {Connection} connection */",
    "function listUsers(connection) {",
    `  ${call};`,
    "}",
    "module.exports = { Connection, listUsers, connect: () => new Connection(net.connect(5432)) };",
  ].join("\n");
/** A cache's `get(key, callback)` that drops a callback that is no function (after counting the call: no shuffle step), then makes its promise where none is left. */
const cacheGet = (caller: string[]): string =>
  [
    "const stats = { gets: 0 };",
    "function get(key, callback) {",
    "  let promise;",
    "  stats.gets++;",
    '  if (typeof callback !== "function") {',
    "    callback = undefined;",
    "  }",
    "  if (!callback) {",
    "    promise = new Promise((resolve, reject) => {",
    "      callback = (error, value) => (error ? reject(error) : resolve(value));",
    "    });",
    "  }",
    "  setTimeout(() => callback(null, key), 10);",
    "  return promise;",
    "}",
    ...caller,
    "module.exports = { get, warm };",
  ].join("\n");
const f19Invalid: InvalidCase[] = [
  {
    name: "f19: hapi's `server.ext(event)` without a method returns `team.work`, kept in a local until `return promise;`: dropped, it is reported",
    code: hapiServer(['this.ext("onPreStart");']),
    fileName: "server.js",
    compilerOptions: HAPI_OPTIONS,
    ts7: HAPI_TS7,
    errors: [
      {
        messageId: "floating",
        line: 22,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            CATCH,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    this.ext("onPreStart")${H};\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
          [
            VOID,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    void this.ext("onPreStart");\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: hapi's `server.ext(event, after)` with an untyped `after` that no condition tested: it may be missing, and the promise is dropped",
    code: hapiServer(['this.ext("onPreStart", after, { after: Object.keys(dependencies) });']),
    fileName: "server.js",
    errors: [
      {
        messageId: "floating",
        line: 22,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    Promise.resolve(this.ext("onPreStart", after, { after: Object.keys(dependencies) }))${H};\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
          [
            VOID,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    void this.ext("onPreStart", after, { after: Object.keys(dependencies) });\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: a callee that also assigns the returned local on a path no condition on the method decides (`if (this._started) promise = this.restart();`): a method given does not rule the promise out",
    code: hapiServer(HAPI_AFTER, "!method", ["if (this._started) promise = this.restart();"]).replace(
      "  ext(events, method, options) {",
      '  async restart() {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    throw new Error("restart failed");\n  }\n  ext(events, method, options) {',
    ),
    fileName: "server.js",
    errors: [
      {
        messageId: "floating",
        line: 23,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      Promise.resolve(this.ext("onPreStart", after, { after: Object.keys(dependencies) }))${H};\n    }\n  }\n  async restart() {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    throw new Error("restart failed");\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    if (this._started) promise = this.restart();\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
          [
            VOID,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      void this.ext("onPreStart", after, { after: Object.keys(dependencies) });\n    }\n  }\n  async restart() {\n    await new Promise((resolve) => setTimeout(resolve, 10));\n    throw new Error("restart failed");\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    if (this._started) promise = this.restart();\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: a callee that tests `typeof method !== \"function\"`, not truthiness: an untyped `after` tested truthy may still be no function (a handler's name), so the promise may be made and is dropped",
    code: hapiServer(HAPI_AFTER, 'typeof method !== "function"'),
    fileName: "server.js",
    errors: [
      {
        messageId: "floating",
        line: 23,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      Promise.resolve(this.ext("onPreStart", after, { after: Object.keys(dependencies) }))${H};\n    }\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (typeof method !== "function") {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
          [
            VOID,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      void this.ext("onPreStart", after, { after: Object.keys(dependencies) });\n    }\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (typeof method !== "function") {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: `after` tested truthy, then replaced by a lookup that may miss (`after = this._handlers[after]`): the test no longer tells, the promise may be dropped",
    code: hapiServer(["if (after) {", "  after = this._handlers[after];", '  this.ext("onPreStart", after, { after: Object.keys(dependencies) });', "}"]),
    fileName: "server.js",
    errors: [
      {
        messageId: "floating",
        line: 24,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      after = this._handlers[after];\n      Promise.resolve(this.ext("onPreStart", after, { after: Object.keys(dependencies) }))${H};\n    }\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
          [
            VOID,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      after = this._handlers[after];\n      void this.ext("onPreStart", after, { after: Object.keys(dependencies) });\n    }\n  }\n  ext(events, method, options) {\n    let promise;\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: the method replaced before the test on every path (`method = this._bind(method)`, not only where it was missing): the test no longer says what the caller passed, the call stays reported",
    code: hapiServer(HAPI_AFTER).replace("    let promise;\n", "    let promise;\n    method = this._bind(method);\n"),
    fileName: "server.js",
    errors: [
      {
        messageId: "floating",
        line: 23,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      Promise.resolve(this.ext("onPreStart", after, { after: Object.keys(dependencies) }))${H};\n    }\n  }\n  ext(events, method, options) {\n    let promise;\n    method = this._bind(method);\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
          [
            VOID,
            `"use strict";\nclass Team {\n  constructor() {\n    this.work = new Promise((resolve, reject) => {\n      this._resolve = resolve;\n      this._reject = reject;\n    });\n  }\n  attend(note) {\n    if (note instanceof Error) return this._reject(note);\n    this._resolve(note);\n  }\n}\nclass Server {\n  constructor() {\n    this._exts = [];\n    this._dependencies = [];\n    this._handlers = {};\n  }\n  dependency(dependencies, after) {\n    this._dependencies.push(dependencies);\n    if (after) {\n      void this.ext("onPreStart", after, { after: Object.keys(dependencies) });\n    }\n  }\n  ext(events, method, options) {\n    let promise;\n    method = this._bind(method);\n    if (typeof events === "string") {\n      if (!method) {\n        const team = new Team();\n        method = (request, h) => {\n          team.attend(request);\n          return h.continue;\n        };\n        promise = team.work;\n      }\n      events = { type: events, method, options };\n    }\n    events = [].concat(events);\n    for (const event of events) {\n      this._exts.push(event);\n    }\n    return promise;\n  }\n}\nmodule.exports = Server;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: a driver-style `query(sql)` without a callback returns the promise it keeps in a local: dropped, it is reported",
    code: driverQuery("!callback", 'connection.query("SELECT * FROM users")'),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 25,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `const net = require("node:net");\nclass Connection {\n  constructor(socket) {\n    this.socket = socket;\n    this.pending = [];\n  }\n  query(sql, values, callback) {\n    let promise;\n    if (typeof values === "function") {\n      callback = values;\n      values = [];\n    }\n    if (!callback) {\n      promise = new Promise((resolve, reject) => {\n        callback = (error, rows) => (error ? reject(error) : resolve(rows));\n      });\n    }\n    this.pending.push({ sql, values, callback });\n    this.socket.write(sql);\n    return promise;\n  }\n}\n/** @param {Connection} connection */\nfunction listUsers(connection) {\n  Promise.resolve(connection.query("SELECT * FROM users"))${H};\n}\nmodule.exports = { Connection, listUsers, connect: () => new Connection(net.connect(5432)) };`,
          ],
          [
            VOID,
            `const net = require("node:net");\nclass Connection {\n  constructor(socket) {\n    this.socket = socket;\n    this.pending = [];\n  }\n  query(sql, values, callback) {\n    let promise;\n    if (typeof values === "function") {\n      callback = values;\n      values = [];\n    }\n    if (!callback) {\n      promise = new Promise((resolve, reject) => {\n        callback = (error, rows) => (error ? reject(error) : resolve(rows));\n      });\n    }\n    this.pending.push({ sql, values, callback });\n    this.socket.write(sql);\n    return promise;\n  }\n}\n/** @param {Connection} connection */\nfunction listUsers(connection) {\n  void connection.query("SELECT * FROM users");\n}\nmodule.exports = { Connection, listUsers, connect: () => new Connection(net.connect(5432)) };`,
          ],
        ],
      },
    ],
  },
  {
    name: "f19: a callee that replaces a callback that is no function (`if (typeof callback !== \"function\") callback = undefined;`) before its `!callback` test: an untyped `onReady` tested truthy may be such a value, so the promise may be made and is dropped",
    code: cacheGet(["function warm(onReady) {", "  if (onReady) get(\"settings\", onReady);", "}"]),
    fileName: "cache.js",
    errors: [
      {
        messageId: "floating",
        line: 17,
        column: 16,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `const stats = { gets: 0 };\nfunction get(key, callback) {\n  let promise;\n  stats.gets++;\n  if (typeof callback !== "function") {\n    callback = undefined;\n  }\n  if (!callback) {\n    promise = new Promise((resolve, reject) => {\n      callback = (error, value) => (error ? reject(error) : resolve(value));\n    });\n  }\n  setTimeout(() => callback(null, key), 10);\n  return promise;\n}\nfunction warm(onReady) {\n  if (onReady) Promise.resolve(get("settings", onReady))${H};\n}\nmodule.exports = { get, warm };`,
          ],
          [
            VOID,
            `const stats = { gets: 0 };\nfunction get(key, callback) {\n  let promise;\n  stats.gets++;\n  if (typeof callback !== "function") {\n    callback = undefined;\n  }\n  if (!callback) {\n    promise = new Promise((resolve, reject) => {\n      callback = (error, value) => (error ? reject(error) : resolve(value));\n    });\n  }\n  setTimeout(() => callback(null, key), 10);\n  return promise;\n}\nfunction warm(onReady) {\n  if (onReady) void get("settings", onReady);\n}\nmodule.exports = { get, warm };`,
          ],
        ],
      },
    ],
  },
];

const f19Valid: ValidCase[] = [
  {
    name: "f19: the same cache `get` given a function written at the call: neither write runs, `!callback` reads it, no promise",
    code: cacheGet(["function warm() {", '  get("settings", (error, value) => console.log(error, value));', "}"]),
    fileName: "cache.js",
  },
  {
    name: "f19: hapi's `dependency(dependencies, after)` passes `after` inside `if (after)` to `ext`, which makes its promise only where `!method`: nothing is returned, nothing dropped",
    code: hapiServer(HAPI_AFTER),
    fileName: "server.js",
    compilerOptions: HAPI_OPTIONS,
  },
  {
    name: "f19: hapi's `dependency` as `after && this.ext(\"onPreStart\", after, ...)`: the method is given, no promise",
    code: hapiServer(['after && this.ext("onPreStart", after, { after: Object.keys(dependencies) });']),
    fileName: "server.js",
  },
  {
    name: "f19: a `const` handler read from the options and tested truthy (`if (onStart)`) is passed as the method: no promise",
    code: hapiServer(["const onStart = dependencies.onStart;", "if (onStart) {", '  this.ext("onPreStart", onStart);', "}"]),
    fileName: "server.js",
  },
  {
    name: "f19: a callee that tests `typeof method !== \"function\"` given a function written at the call: no promise",
    code: hapiServer(['this.ext("onPreStart", (request, h) => h.continue, { after: Object.keys(dependencies) });'], 'typeof method !== "function"'),
    fileName: "server.js",
  },
  {
    name: "f19: TypeScript, `ext(event, method?: Handler)` keeps `team.work` in a local only where no method is given: a call with an arrow returns nothing",
    code: [
      "interface Toolkit {",
      "  readonly continue: symbol;",
      "}",
      "type Handler = (request: object, h: Toolkit) => symbol;",
      "class Team {",
      "  private resolve!: () => void;",
      "  private reject!: (error: Error) => void;",
      "  readonly work = new Promise<void>((resolve, reject) => {",
      "    this.resolve = resolve;",
      "    this.reject = reject;",
      "  });",
      "  attend(note?: Error) {",
      "    if (note) this.reject(note);",
      "    else this.resolve();",
      "  }",
      "}",
      "export class Server {",
      "  private readonly exts: { event: string; method: Handler }[] = [];",
      "  ext(event: string, method?: Handler): Promise<void> | undefined {",
      "    let promise: Promise<void> | undefined;",
      "    if (!method) {",
      "      const team = new Team();",
      "      method = (request, h) => {",
      "        team.attend();",
      "        return h.continue;",
      "      };",
      "      promise = team.work;",
      "    }",
      "    this.exts.push({ event, method });",
      "    return promise;",
      "  }",
      "}",
      "export function registerLogging(server: Server) {",
      '  server.ext("onRequest", (request, h) => {',
      "    console.log(request);",
      "    return h.continue;",
      "  });",
      "}",
    ].join("\n"),
  },
  {
    name: "f19: a driver-style `query(sql, callback)`: the promise and the callback that settles it are made only where no callback is given (`if (!callback)`), so a call with one returns nothing",
    code: driverQuery("!callback", 'connection.query("SELECT * FROM users", (error, rows) => console.log(error, rows))'),
    fileName: "connection.js",
  },
  {
    name: "f19: the same driver testing `typeof callback !== \"function\"` before it makes the promise and its callback: a call with a function returns nothing",
    code: driverQuery('typeof callback !== "function"', 'connection.query("SELECT * FROM users", [], (error, rows) => console.log(error, rows))'),
    fileName: "connection.js",
  },
  {
    name: "f19: a destructuring write where the callback was shown missing (`if (!callback) ({ callback } = options);`) never runs with a callback given: no promise",
    code: [
      "export function request(options, callback) {",
      "  if (!callback) ({ callback } = options);",
      '  if (typeof callback !== "function") {',
      "    return new Promise((resolve, reject) => request(options, (error, body) => (error ? reject(error) : resolve(body))));",
      "  }",
      "  setImmediate(() => callback(null, options.url));",
      "}",
      "export function load() {",
      '  request({ url: "/users" }, (error, body) => console.log(error, body));',
      "}",
    ].join("\n"),
    fileName: "request.js",
  },
];

/**
 * mssql's `ConnectionPool` (lib/base/connection-pool.js), reduced: `connect(callback)` returns
 * `this` when given a function and otherwise the promise `tracePromise` hands back; the
 * constructor connects when it was given a callback. `body` is the constructor's last lines.
 */
const mssqlPool = (body: string[]): string =>
  [
    '"use strict";',
    'const { EventEmitter } = require("node:events");',
    'const dc = require("node:diagnostics_channel");',
    'const connectChannel = dc.tracingChannel("mssql:connect");',
    "/**",
    " * @param {Function} fn The function to trace (must return a Promise)",
    " * @param {Function} contextFactory Returns the context object",
    " * @returns {Promise} The return value of fn",
    " */",
    "function tracePromise(fn, contextFactory) {",
    "  if (connectChannel.hasSubscribers) {",
    "    return connectChannel.tracePromise(fn, contextFactory());",
    "  }",
    "  return fn();",
    "}",
    "function traceCallback(fn, position, contextFactory, thisArg, args) {",
    "  if (connectChannel.hasSubscribers) {",
    "    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);",
    "  }",
    "  return fn.apply(thisArg, args);",
    "}",
    "class ConnectionPool extends EventEmitter {",
    "  constructor(config, callback) {",
    "    super();",
    "    this._connected = false;",
    "    this._connecting = false;",
    '    if (typeof config === "string") {',
    "      try {",
    "        this.config = this.constructor.parseConnectionString(config);",
    "      } catch (ex) {",
    '        if (typeof callback === "function") {',
    "          return setImmediate(callback, ex);",
    "        }",
    "        throw ex;",
    "      }",
    "    } else {",
    "      this.config = config;",
    "    }",
    "    this.config.port = this.config.port || 1433;",
    ...body.map((line) => `    ${line}`),
    "  }",
    "  connect(callback) {",
    '    if (typeof callback === "function") {',
    "      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);",
    "      return this;",
    "    }",
    "    return tracePromise(() => {",
    "      return new Promise((resolve, reject) => {",
    "        return this._connect((err) => {",
    "          if (err) return reject(err);",
    "          resolve(this);",
    "        });",
    "      });",
    "    }, () => ({ server: this.config.server, port: this.config.port }));",
    "  }",
    "  _connect(callback) {",
    "    this._connecting = true;",
    "    setImmediate(() => {",
    "      this._connecting = false;",
    "      this._connected = true;",
    "      callback(null);",
    "    });",
    "  }",
    "}",
    "module.exports = ConnectionPool;",
  ].join("\n");
const MSSQL_CONNECT = ['if (typeof callback === "function") {', "  this.connect(callback);", "}"];
/** mssql's compiler options: plain JavaScript, not checked, not strict. */
const MSSQL_OPTIONS = { ...TEST_COMPILER_OPTIONS, strict: false };
/** The driver's `listUsers(connection, done)`: `lines` its body. */
const listUsersWithDone = (test: string, lines: string[]): string =>
  driverQuery(test, "CALL").replace("function listUsers(connection) {\n  CALL;\n}", ["function listUsers(connection, done) {", ...lines.map((line) => `  ${line}`), "}"].join("\n"));
const f20Invalid: InvalidCase[] = [
  {
    name: "f20: mssql's `ConnectionPool` constructor calling `this.connect(callback)` with no test of the untyped callback: it may be missing, and `connect` then returns its promise, dropped",
    code: mssqlPool(["this.connect(callback);"]),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
    errors: [
      {
        messageId: "floating",
        line: 40,
        column: 5,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    Promise.resolve(this.connect(callback))${H};\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
          [
            VOID,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    void this.connect(callback);\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f20: `connect()` without a callback returns the promise: dropped, it is reported",
    code: mssqlPool(['if (config.autoConnect) {', "  this.connect();", "}"]),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
    errors: [
      {
        messageId: "floating",
        line: 41,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (config.autoConnect) {\n      Promise.resolve(this.connect())${H};\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
          [
            VOID,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (config.autoConnect) {\n      void this.connect();\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f20: the guard tests another value (`typeof config.onConnect === \"function\"`), not the callback passed: `callback` may be missing, the promise dropped",
    code: mssqlPool(['if (typeof config.onConnect === "function") {', "  this.connect(callback);", "}"]),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
    errors: [
      {
        messageId: "floating",
        line: 41,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (typeof config.onConnect === "function") {\n      Promise.resolve(this.connect(callback))${H};\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
          [
            VOID,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (typeof config.onConnect === "function") {\n      void this.connect(callback);\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f20: a guard `typeof callback === \"object\"` (a callback given as an options object) shows no function: the promise is made and dropped",
    code: mssqlPool(['if (typeof callback === "object" && callback !== null) {', "  this.connect(callback);", "}"]),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
    errors: [
      {
        messageId: "floating",
        line: 41,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (typeof callback === "object" && callback !== null) {\n      Promise.resolve(this.connect(callback))${H};\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
          [
            VOID,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (typeof callback === "object" && callback !== null) {\n      void this.connect(callback);\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f20: the callback replaced between its test and the call (`callback = this._bindDomain(callback)`): the test no longer says what is passed, the call stays reported",
    code: mssqlPool(['if (typeof callback === "function") {', "  callback = this._bindDomain(callback);", "  this.connect(callback);", "}"]),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
    errors: [
      {
        messageId: "floating",
        line: 42,
        column: 7,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (typeof callback === "function") {\n      callback = this._bindDomain(callback);\n      Promise.resolve(this.connect(callback))${H};\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
          [
            VOID,
            `"use strict";\nconst { EventEmitter } = require("node:events");\nconst dc = require("node:diagnostics_channel");\nconst connectChannel = dc.tracingChannel("mssql:connect");\n/**\n * @param {Function} fn The function to trace (must return a Promise)\n * @param {Function} contextFactory Returns the context object\n * @returns {Promise} The return value of fn\n */\nfunction tracePromise(fn, contextFactory) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.tracePromise(fn, contextFactory());\n  }\n  return fn();\n}\nfunction traceCallback(fn, position, contextFactory, thisArg, args) {\n  if (connectChannel.hasSubscribers) {\n    return connectChannel.traceCallback(fn, position, contextFactory(), thisArg, ...args);\n  }\n  return fn.apply(thisArg, args);\n}\nclass ConnectionPool extends EventEmitter {\n  constructor(config, callback) {\n    super();\n    this._connected = false;\n    this._connecting = false;\n    if (typeof config === "string") {\n      try {\n        this.config = this.constructor.parseConnectionString(config);\n      } catch (ex) {\n        if (typeof callback === "function") {\n          return setImmediate(callback, ex);\n        }\n        throw ex;\n      }\n    } else {\n      this.config = config;\n    }\n    this.config.port = this.config.port || 1433;\n    if (typeof callback === "function") {\n      callback = this._bindDomain(callback);\n      void this.connect(callback);\n    }\n  }\n  connect(callback) {\n    if (typeof callback === "function") {\n      traceCallback(this._connect, 0, () => ({ server: this.config.server, port: this.config.port }), this, [callback]);\n      return this;\n    }\n    return tracePromise(() => {\n      return new Promise((resolve, reject) => {\n        return this._connect((err) => {\n          if (err) return reject(err);\n          resolve(this);\n        });\n      });\n    }, () => ({ server: this.config.server, port: this.config.port }));\n  }\n  _connect(callback) {\n    this._connecting = true;\n    setImmediate(() => {\n      this._connecting = false;\n      this._connected = true;\n      callback(null);\n    });\n  }\n}\nmodule.exports = ConnectionPool;`,
          ],
        ],
      },
    ],
  },
  {
    name: "f20: a guard clause that only warns (`if (typeof done !== \"function\") console.warn(...)`) does not exit: `done` may be missing after it, the promise dropped",
    code: listUsersWithDone('typeof callback !== "function"', ['if (typeof done !== "function") console.warn("listUsers: no callback");', 'connection.query("SELECT * FROM users", done);']),
    fileName: "connection.js",
    errors: [
      {
        messageId: "floating",
        line: 26,
        column: 3,
        message: FLOATING,
        fixes: [
          [
            RESOLVE,
            `const net = require("node:net");\nclass Connection {\n  constructor(socket) {\n    this.socket = socket;\n    this.pending = [];\n  }\n  query(sql, values, callback) {\n    let promise;\n    if (typeof values === "function") {\n      callback = values;\n      values = [];\n    }\n    if (typeof callback !== "function") {\n      promise = new Promise((resolve, reject) => {\n        callback = (error, rows) => (error ? reject(error) : resolve(rows));\n      });\n    }\n    this.pending.push({ sql, values, callback });\n    this.socket.write(sql);\n    return promise;\n  }\n}\n/** @param {Connection} connection */\nfunction listUsers(connection, done) {\n  if (typeof done !== "function") console.warn("listUsers: no callback");\n  Promise.resolve(connection.query("SELECT * FROM users", done))${H};\n}\nmodule.exports = { Connection, listUsers, connect: () => new Connection(net.connect(5432)) };`,
          ],
          [
            VOID,
            `const net = require("node:net");\nclass Connection {\n  constructor(socket) {\n    this.socket = socket;\n    this.pending = [];\n  }\n  query(sql, values, callback) {\n    let promise;\n    if (typeof values === "function") {\n      callback = values;\n      values = [];\n    }\n    if (typeof callback !== "function") {\n      promise = new Promise((resolve, reject) => {\n        callback = (error, rows) => (error ? reject(error) : resolve(rows));\n      });\n    }\n    this.pending.push({ sql, values, callback });\n    this.socket.write(sql);\n    return promise;\n  }\n}\n/** @param {Connection} connection */\nfunction listUsers(connection, done) {\n  if (typeof done !== "function") console.warn("listUsers: no callback");\n  void connection.query("SELECT * FROM users", done);\n}\nmodule.exports = { Connection, listUsers, connect: () => new Connection(net.connect(5432)) };`,
          ],
        ],
      },
    ],
  },
];

const f20Valid: ValidCase[] = [
  {
    name: "f20: mssql's `ConnectionPool` constructor calls `this.connect(callback)` inside `if (typeof callback === \"function\")`: `connect` returns `this` when given a function, no promise",
    code: mssqlPool(MSSQL_CONNECT),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
  },
  {
    name: "f20: the same test written `\"function\" === typeof callback`, with `&&` on another condition: no promise",
    code: mssqlPool(['if (!this._connecting && "function" === typeof callback) {', "  this.connect(callback);", "}"]),
    fileName: "connection-pool.js",
    compilerOptions: MSSQL_OPTIONS,
  },
  {
    name: "f20: `typeof done === \"function\" && connection.query(sql, done)`: the driver's shuffle makes `done` the callback, no promise",
    code: listUsersWithDone('typeof callback !== "function"', ['typeof done === "function" && connection.query("SELECT * FROM users", done);']),
    fileName: "connection.js",
  },
  {
    name: "f20: a guard clause `if (typeof done !== \"function\") throw new TypeError(...)` before the call: past it `done` is a function, no promise",
    code: listUsersWithDone('typeof callback !== "function"', ['if (typeof done !== "function") {', '  throw new TypeError("listUsers: done must be a function");', "}", 'connection.query("SELECT * FROM users", [], done);']),
    fileName: "connection.js",
  },
  {
    name: "f20: a `const` handler read from the options, a guard clause returning where it is no function, then a callee testing `!callback`: a function is truthy, no promise",
    code: listUsersWithDone("!callback", ["const onRows = done || connection.onRows;", 'if (typeof onRows !== "function") return;', 'connection.query("SELECT * FROM users", onRows);']),
    fileName: "connection.js",
  },
  {
    name: "f20: `typeof done === \"function\" ? connection.query(sql, done) : console.log(...)`: the query runs only with a function, no promise",
    code: listUsersWithDone('typeof callback !== "function"', ['typeof done === "function" ? connection.query("SELECT * FROM users", done) : console.log("listUsers: no callback");']),
    fileName: "connection.js",
  },
];

describe(RULE, () => {
  runRuleTable(RULE, {
    valid: [...valid, ...validHandlerReturns, ...validSleep, ...validGraphile, ...validDeltaB, ...validDeltaC, ...validDeltaA, ...validBatch7, ...validDeltaE, ...validDeltaD, ...validLeftL, ...validLeftF, ...validLeftE, ...f19Valid, ...f20Valid],
    invalid: [...invalid, ...invalidHandlerReturns, ...invalidSleep, ...invalidGraphile, ...invalidDeltaB, ...invalidDeltaC, ...invalidDeltaA, ...invalidBatch7, ...invalidDeltaE, ...invalidDeltaD, ...invalidLeftL, ...invalidLeftF, ...invalidLeftE, ...f19Invalid, ...f20Invalid],
  });

  it("says Node.js exits where the program is typed for Node.js, and not in code typed for the DOM only", () => {
    const code = `${D}\nexport function onClick() {\n  save();\n}`;
    const [onNode] = lintCode(RULE, code).findings;
    assert.equal(
      onNode?.message,
      "Promise is neither awaited nor handled. If it rejects, the error reaches no one (Node.js reports an unhandled rejection and exits), and the code after it does not wait for it to finish. Await it, return it, add a `.catch()` handler, or mark a deliberate fire-and-forget with `void`.",
    );
    const dom = { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] };
    const [inBrowser] = lintCode(RULE, code, { compilerOptions: dom }).findings;
    assert.equal(
      inBrowser?.message,
      "Promise is neither awaited nor handled. If it rejects, the error reaches no one (it is reported as an unhandled rejection, in a browser as an `Uncaught (in promise)` console error), and the code after it does not wait for it to finish. Await it, return it, add a `.catch()` handler, or mark a deliberate fire-and-forget with `void`.",
    );
  });

  it("reports the place where a local promise is dropped as a related location", () => {
    const code = `${D}\nasync function f() {\n  const p = save();\n  if (c) return;\n  await p;\n}`;
    const [finding] = lintCode(RULE, code).findings;
    assert.ok(finding);
    assert.deepEqual(
      finding.related.map((related) => ({ line: related.range.start.line + 1, column: related.range.start.character + 1, message: related.message })),
      [{ line: 4, column: 10, message: "`p` is dropped here: the function returns." }],
    );
    assert.equal(
      finding.message,
      "The promise in `p` is dropped when the function returns: nothing awaits it, returns it, passes it on or handles its rejection there, so its errors go unseen and nothing waits for it to finish. Await it (or return it, pass it on, or attach `.catch()`) on every path.",
    );
  });
});
