import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import { lintCode, TEST_COMPILER_OPTIONS } from "../helpers/ruleTester";

const RULE = "shared-state-across-await";
/** Line 1 of most cases. */
const D = "declare function price(): Promise<number>; declare function save(n: number): Promise<void>; declare function tick(): Promise<void>;";
/** Lines 1-4, open class body: a log whose writes go through a promise queue. */
const LOG = "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private size = 0;\n";
/** Lines 1-2 (no trailing declarations): a stream event and an async flush. */
const EV = "interface StreamEvent { type: string; id: string }\ndeclare function flush(): Promise<void>;\n";
const CONN = "interface Conn { q(): void } declare function connect(): Promise<Conn>;";
/** Lines 1-5: a class with a value field and the field holding its in-flight promise. */
const RAW = "interface Raw { n: number }\nexport class Doc {\n  private raw: Raw | undefined;\n  private rawPromise: Promise<Raw> | undefined;\n  private async load(): Promise<Raw> { return { n: 1 }; }";


/** Lines 1-5, open class body: a player whose private playNext checks a generation passed in by its callers. */
const PLAYER = "declare function seek(position: number): Promise<void>;\nexport class Player {\n  private generation = 0;\n  private position = 0;\n  private controller: AbortController | undefined;\n";
/** Lines after PLAYER's: playNext(generation) snapshots the position, awaits, checks the generation, writes. */
const PLAY_NEXT = "  private async playNext(generation: number) {\n    const position = this.position;\n    await seek(position);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n  }\n}";

/** Lines 1-5: a LISTEN/NOTIFY backend's client (as in a Postgres job-queue backend). */
const PG =
  "interface ListenClient { query(sql: string): Promise<void>; on(event: \"notification\", listener: (message: { payload?: string }) => void): void }\n" +
  "interface Connection { getListenClient(): Promise<ListenClient> }\n" +
  "declare function sleep(ms: number): Promise<void>;\n" +
  "declare function claimJob(queue: string): Promise<string | undefined>;\n" +
  "declare function process(job: string): Promise<void>;\n";
/** Lines after PG's: the private `#ensureListening` (check at +8, write at +10) and the class's fields, open class body. */
const PG_CLASS =
  "export class Backend {\n" +
  "  #listening = false;\n" +
  "  #closed = false;\n" +
  "  constructor(private readonly connection: Connection, private readonly queue: string) {}\n" +
  "  async #ensureListening() {\n" +
  "    const client = await this.connection.getListenClient();\n" +
  "    if (!this.#listening) {\n" +
  "      await client.query(\"LISTEN jobs\");\n" +
  "      this.#listening = true;\n" +
  "    }\n" +
  "    return client;\n" +
  "  }\n";
/** A worker loop that awaits `#ensureListening()` once per iteration. */
const PG_LOOP =
  "  async #work() {\n" +
  "    while (!this.#closed) {\n" +
  "      await this.#ensureListening();\n" +
  "      const job = await claimJob(this.queue);\n" +
  "      if (job) await process(job);\n" +
  "      else await sleep(1000);\n" +
  "    }\n" +
  "  }\n";

/** Lines 1-4: a LISTEN client behind a connection, its SQL loaded by name (as in a Postgres backend's built JavaScript). */
const LISTEN_DECLARATIONS =
  "interface ListenClient { query(sql: string): Promise<void> }\n" +
  "interface Identity { database: string; schema: string }\n" +
  "interface Connection { getListenClient(): Promise<ListenClient>; setListenClientName(name: string): Promise<void>; identity(): Promise<Identity> }\n" +
  "declare function loadCommandSql(name: string): string;\n";

/** The exact messages, written out so that a change of wording is a visible change here. */
const duplicateInit = (target: string) =>
  `\`${target}\` is checked before the \`await\` and initialized after it. Calls that arrive while the first one waits also find it unset, so the initialization runs once per call and each result replaces the previous one: duplicate work, but no lost update, since each call stores a complete, fresh value. Store the in-flight promise before awaiting it, so concurrent calls share one run.`;
const duplicateInitCollection = (target: string, key: string) =>
  `\`${target}\` is checked for \`${key}\` before the \`await\` and filled after it. Calls that arrive while the first one waits also miss, so the work for \`${key}\` runs once per call and the last result wins: duplicate work (a cache stampede), but no lost update, since each call stores a complete, fresh value. Cache the in-flight promise (store it before awaiting it), so concurrent misses share one run.`;
const duplicateWork = (target: string, callee: string, value = "true") =>
  `\`${target}\` is checked before the \`await\` of \`${callee}(...)\` and set to \`${value}\` after it. Calls that arrive while the first one waits also find it unset, so each of them runs the work from \`${callee}(...)\` to this write again. All of them store the same value, so nothing is overwritten: the cost is the repeated work, harmless when it is idempotent (a second \`LISTEN\` on the same channel, \`CREATE TABLE IF NOT EXISTS\`) and a duplicated side effect when it is not. Keep the in-flight promise of that work in place of the flag (store it before awaiting it, and clear it if the work fails), so concurrent calls share one run.`;
const duplicateWorkCollection = (target: string, key: string, callee: string) =>
  `\`${target}\` is checked for \`${key}\` before the \`await\` of \`${callee}(...)\` and marked after it. Calls that arrive while the first one waits also miss, so each of them runs the work for \`${key}\` from \`${callee}(...)\` to this write again. All of them store the same entry, so nothing is overwritten: the cost is the repeated work, harmless when it is idempotent and a duplicated side effect when it is not (a second subscription, world or table created). Keep the in-flight promise of that work per key (store it before awaiting it, and clear it if the work fails), so concurrent misses share one run.`;
const duplicateResource = (target: string, method: string) =>
  `\`${target}\` is checked before the \`await\` and set after it to a resource that must be released (it has \`${method}()\`). Calls that arrive while the first one waits also find it unset, so each racer creates one, and each write replaces the previous one: the one overwritten is never closed (its \`${method}()\` is never called), a leaked handle or connection. Cache the in-flight promise (store it before awaiting it), so concurrent calls share one resource.`;
const duplicateResourceCollection = (target: string, key: string, method: string) =>
  `\`${target}\` is checked for \`${key}\` before the \`await\` and filled after it with a resource that must be released (it has \`${method}()\`). Calls that arrive while the first one waits also miss, so each racer creates one for \`${key}\`, and the last one wins: the ones overwritten are never closed (their \`${method}()\` is never called), leaked handles or connections. Cache the in-flight promise (store it before awaiting it), so concurrent misses share one resource.`;
const checkThenAct = (target: string) =>
  `\`${target}\` is checked before the \`await\` and written after it. Another call can pass the same check, or change \`${target}\`, while this one waits, so this write acts on a check that no longer holds: both calls act on the same state, and the later write overwrites the other call's change. Check and write \`${target}\` with no \`await\` between them (set it before the \`await\`, or check it again after), or guard the section with a lock.`;
const readModifyWriteCall = (target: string, callee: string) =>
  `\`${target}\` is an input of the awaited call \`${callee}(...)\`, and the call's result is written back to \`${target}\`. Another call can update \`${target}\` while this one waits, and this write then replaces that update with a result computed from the old value (a lost update: both calls start from the same value and only the last one's change survives). Serialize the updates (chain each call on the previous one's promise, or use a lock), so that each starts from the latest value.`;
const checkThenActCollection = (target: string, key: string) =>
  `\`${target}\` is checked for \`${key}\` before the \`await\` and updated after it. Another call can pass the same check, or change that entry, while this one waits, so this update acts on a check that no longer holds: both calls do the work for \`${key}\`, and the entry can be added twice or the other call's change overwritten. Update \`${target}\` with no \`await\` since the check (reserve the entry before the \`await\`), or guard the section with a lock.`;

/** The read-modify-write message; `point` is the suspension keyword (`await`, or `yield` in a generator). */
const readModifyWrite = (target: string, point: "await" | "yield") =>
  `\`${target}\` is read before the \`${point}\` and written after it with a value computed from that read. Another call can update \`${target}\` while this one waits, and this write then overwrites that update with a stale result (a lost update: both calls read 1, both write 2). ${point === "await" ? "Await" : "Yield"} first and read \`${target}\` after the \`${point}\`, or serialize the updates.`;
/** The same two messages at an `await`, as single templates. */
const lostUpdate = (target: string) =>
  `\`${target}\` is read before the \`await\` and written after it with a value computed from that read. Another call can update \`${target}\` while this one waits, and this write then overwrites that update with a stale result (a lost update: both calls read 1, both write 2). Await first and read \`${target}\` after the \`await\`, or serialize the updates.`;
const staleSnapshot = (target: string, local: string) =>
  `\`${target}\` is written from \`${local}\`, a copy read before the \`await\`. Another call can change \`${target}\` while this one waits, and this write overwrites that change with a stale value (a lost update). Read \`${target}\` again after the \`await\`, or serialize the updates.`;
const staleSnapshotAtYield = (target: string, local: string) =>
  `\`${target}\` is written from \`${local}\`, a copy read before the \`yield\`. Another call can change \`${target}\` while this one waits, and this write overwrites that change with a stale value (a lost update). Read \`${target}\` again after the \`yield\`, or serialize the updates.`;
const duplicateInitAtYield = (target: string) =>
  `\`${target}\` is checked before the \`yield\` and initialized after it. A second run of this generator, started by the consumer while this one is suspended, also finds it unset, so the initialization runs once per run and each result replaces the previous one: duplicate work, but no lost update. Set \`${target}\` (or a flag for it) before the \`yield\`, or check it again after.`;
const duplicateResourceAtYield = (target: string, method: string) =>
  `\`${target}\` is checked before the \`yield\` and set after it to a resource that must be released (it has \`${method}()\`). A second run of this generator, started by the consumer while this one is suspended, also finds it unset and creates one, and the write that comes last replaces the other: the one overwritten is never closed (its \`${method}()\` is never called), a leaked handle or connection. Set \`${target}\` (or a flag for it) before the \`yield\`, or check it again after and close the extra one.`;

const HOIST = "Await first, then update";
const MEMO = "Memoize the in-flight promise";

const invalid: InvalidCase[] = [
  {
    name: "compound assignment of a module variable",
    code: `${D}\nlet total = 0;\nexport async function add() {\n  total += await price();\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        message:
          "`total` is read before the `await` and written after it with a value computed from that read. Another call can update `total` while this one waits, and this write then overwrites that update with a stale result (a lost update: both calls read 1, both write 2). Await first and read `total` after the `await`, or serialize the updates.",
        severity: "warning",
        line: 4,
        column: 3,
        related: [4, 4],
        fixes: [[HOIST, `${D}\nlet total = 0;\nexport async function add() {\n  const awaited = await price();\n  total += awaited;\n}`]],
      },
    ],
  },
  {
    name: "x = x + await f()",
    code: `${D}\nlet total = 0;\nexport async function add() {\n  total = total + await price();\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 4,
        column: 3,
        message: lostUpdate("total"),
        fixes: [[HOIST, `${D}\nlet total = 0;\nexport async function add() {\n  const awaited = await price();\n  total = total + awaited;\n}`]],
      },
    ],
  },
  {
    name: "this.n = this.n + (await g())",
    code: `${D}\nexport class Meter {\n  n = 0;\n  async add() {\n    this.n = this.n + (await price());\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 5,
        column: 5,
        message: lostUpdate("this.n"),
        fixes: [[HOIST, `${D}\nexport class Meter {\n  n = 0;\n  async add() {\n    const awaited = await price();\n    this.n = this.n + awaited;\n  }\n}`]],
      },
    ],
  },
  {
    name: "the stale value passed into the awaited call",
    code: `${D}\ndeclare function next(n: number): Promise<number>;\nlet state = 0;\nexport async function step() {\n  state = await next(state);\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("state", "next"), severity: "warning", line: 5, column: 3, related: [5, 5], fixes: [] }],
  },
  {
    name: "map entry read-modify-write",
    code: `${D}\nconst counts = new Map<string, number>();\nexport async function bump(k: string) {\n  counts.set(k, (counts.get(k) ?? 0) + await price());\n}`,
    errors: [{ messageId: "readModifyWrite", line: 4, column: 3, message: lostUpdate("counts.get(k)") }],
  },
  {
    name: "stale snapshot through a local",
    code: `${D}\nexport class Counter {\n  count = 0;\n  async increment() {\n    const current = this.count;\n    await save(current);\n    this.count = current + 1;\n  }\n}`,
    errors: [
      {
        messageId: "staleSnapshot",
        message:
          "`this.count` is written from `current`, a copy read before the `await`. Another call can change `this.count` while this one waits, and this write overwrites that change with a stale value (a lost update). Read `this.count` again after the `await`, or serialize the updates.",
        line: 7,
        column: 5,
        related: [5, 6],
      },
    ],
  },
  {
    name: "stale snapshot of an outer-scope variable",
    code: `${D}\nlet version = 0;\nexport async function bump() {\n  const v = version;\n  await tick();\n  version = v + 1;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 6, column: 3, message: staleSnapshot("version", "v") }],
  },
  {
    name: "check-then-act lazy initialization of a field, with the memoize fix",
    code: `${CONN}\nexport class Db {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit", message: duplicateInit("this.conn"), severity: "info",
        line: 6,
        column: 7,
        related: [5, 6],
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Db {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    }\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "check-then-act with an early return, module variable, memoize fix",
    code: `${CONN}\nlet conn: Conn | undefined;\nexport async function get() {\n  if (conn) return conn;\n  conn = await connect();\n  return conn;\n}`,
    errors: [
      {
        messageId: "duplicateInit", message: duplicateInit("conn"), severity: "info",
        line: 5,
        column: 3,
        fixes: [
          [
            MEMO,
            `${CONN}\nlet conn: Conn | undefined;\nlet connPending: Promise<Conn> | undefined;\nexport async function get() {\n  if (conn) return conn;\n  conn = await (connPending ??= connect().finally(() => { connPending = undefined; }));\n  return conn;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a guard flag checked before the await and set after it (eslint#11740: a real double run)",
    code: `${D}\nlet initialized = false;\nexport async function init() {\n  if (!initialized) {\n    await tick();\n    initialized = true;\n  }\n}`,
    errors: [{ messageId: "duplicateWork", message: duplicateWork("initialized", "tick"), severity: "info", line: 6, column: 5 }],
  },
  {
    name: "cache check-then-act on a Map",
    code: `${D}\ndeclare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    cache.set(k, await load(k));\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection", message: duplicateInitCollection("cache", "k"), severity: "info",
        line: 6,
        column: 5,
        related: [5, 6],
        fixes: [
          [
            "Cache the in-flight promise",
            `${D}\ndeclare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = cachePending.get(k);\n    if (!pending) {\n      pending = load(k);\n      cachePending.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a Map cache field: the in-flight promise is cached beside it",
    code: `${D}\ndeclare function load(k: string): Promise<number>;\nexport class Prices {\n  private cache: Map<string, number> = new Map();\n  async get(k: string) {\n    if (this.cache.has(k)) return this.cache.get(k);\n    this.cache.set(k, await load(k));\n    return this.cache.get(k);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection", message: duplicateInitCollection("this.cache", "k"), severity: "info",
        line: 7,
        column: 5,
        fixes: [
          [
            "Cache the in-flight promise",
            `${D}\ndeclare function load(k: string): Promise<number>;\nexport class Prices {\n  private cache: Map<string, number> = new Map();\n  private readonly cachePending = new Map<string, Promise<number>>();\n  async get(k: string) {\n    if (this.cache.has(k)) return this.cache.get(k);\n    let pending = this.cachePending.get(k);\n    if (!pending) {\n      pending = load(k);\n      this.cachePending.set(k, pending);\n    }\n    this.cache.set(k, await pending);\n    return this.cache.get(k);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "Set membership then add after an await",
    code: `${D}\nexport class Seen {\n  private ids = new Set<string>();\n  async visit(id: string) {\n    if (this.ids.has(id)) return;\n    await tick();\n    this.ids.add(id);\n  }\n}`,
    errors: [{ messageId: "duplicateWorkCollection", message: duplicateWorkCollection("this.ids", "id", "tick"), severity: "info", line: 7, column: 5 }],
  },
  {
    name: "??= with an await",
    code: `${CONN}\nlet conn: Conn | undefined;\nexport async function get() {\n  conn ??= await connect();\n  return conn;\n}`,
    errors: [
      {
        messageId: "lazyInit",
        message:
          "`conn ??= await ...` checks `conn` before the `await` and assigns it after. Calls that arrive while the first one waits also see it unset, so the initializer runs once per call and the last result wins: duplicate work, but no lost update. Store the in-flight promise instead (`connPending ??= init()`, then await it), so concurrent calls share one run.",
        severity: "info",
        line: 4,
        column: 3,
      },
    ],
  },
  {
    name: "collections by type: a WeakMap of sizes filled after the await",
    code: `interface FileRef { path: string }\ndeclare function measure(file: FileRef): Promise<number>;\nconst sizes = new WeakMap<FileRef, number>();\nexport async function sizeOf(file: FileRef) {\n  if (!sizes.has(file)) sizes.set(file, await measure(file));\n  return sizes.get(file);\n}`,
    errors: [{ messageId: "duplicateInitCollection", message: duplicateInitCollection("sizes", "file"), severity: "info", line: 5, column: 25, fixes: [] }],
  },
  {
    name: "collections by type: a class extending Map is a Map",
    code: `declare function load(key: string): Promise<string>;\nclass TtlCache<K, V> extends Map<K, V> {\n  ttl = 60_000;\n}\nexport class Pages {\n  private cache = new TtlCache<string, string>();\n  async page(key: string) {\n    if (!this.cache.has(key)) {\n      this.cache.set(key, await load(key));\n    }\n    return this.cache.get(key);\n  }\n}`,
    errors: [{ messageId: "duplicateInitCollection", message: duplicateInitCollection("this.cache", "key"), severity: "info", line: 9, column: 7, fixes: [] }],
  },
  {
    name: "collections by type: a readonly array read, the array written through its mutable field",
    code: `declare function validate(job: string): Promise<void>;\nexport class Queue {\n  private jobs: string[] = [];\n  get pending(): readonly string[] {\n    return this.jobs;\n  }\n  async enqueue(job: string) {\n    if (this.jobs.includes(job)) return;\n    await validate(job);\n    this.jobs.push(job);\n  }\n}`,
    errors: [{ messageId: "checkThenActCollection", message: checkThenActCollection("this.jobs", "job"), line: 10, column: 5 }],
  },
  {
    name: "a busy flag set to a value that may be false is no lock: a second call passes the guard",
    code: `declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  async drain() {\n    if (this.busy) return;\n    this.busy = this.queue.length > 0;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.uploads", "done") }],
  },
  {
    name: "serialized callers: a public caller can run concurrently, whatever the project's own loop does",
    code: `${PG}${PG_CLASS}  async waitForJob() {\n    const client = await this.#ensureListening();\n    return client;\n  }\n}`,
    errors: [{ messageId: "duplicateWork", message: duplicateWork("this.#listening", "client.query"), severity: "info", line: 14, column: 7 }],
  },
  {
    name: "serialized callers: awaited in two different loops, which can overlap each other",
    code: `${PG}${PG_CLASS}${PG_LOOP}  async #watch() {\n    while (!this.#closed) {\n      const client = await this.#ensureListening();\n      client.on("notification", () => undefined);\n      await sleep(5000);\n    }\n  }\n  start() {\n    void this.#work();\n    void this.#watch();\n  }\n}`,
    errors: [{ messageId: "duplicateWork", line: 14, column: 7, message: duplicateWork("this.#listening", "client.query") }],
  },
  {
    name: "serialized callers: the method also handed on as a callback runs whenever the emitter likes",
    code: `${PG}${PG_CLASS.replace("private readonly queue: string) {}\n", "private readonly queue: string, events: { on(event: string, listener: () => void): void }) {\n    void this.#work();\n    events.on(\"reconnect\", this.#ensureListening.bind(this));\n  }\n")}${PG_LOOP}}`,
    errors: [{ messageId: "duplicateWork", line: 17, column: 7, message: duplicateWork("this.#listening", "client.query") }],
  },
  {
    name: "serialized callers: another instance's `#ensureListening()` is called from outside its loop",
    code: `${PG}${PG_CLASS.replace("{}\n", "{\n    void this.#work();\n  }\n")}${PG_LOOP}  async share(other: Backend) {\n    return other.#ensureListening();\n  }\n}`,
    errors: [{ messageId: "duplicateWork", line: 16, column: 7, message: duplicateWork("this.#listening", "client.query") }],
  },
  {
    name: "serialized callers: two private methods that only await each other are not serialized (cycle)",
    code: `${PG}${PG_CLASS}  async #retry(): Promise<void> {\n    const client = await this.#ensureListening();\n    client.on("notification", () => undefined);\n    if (this.#closed) return;\n    await this.#again();\n  }\n  async #again(): Promise<void> {\n    await sleep(1000);\n    await this.#retry();\n  }\n}`,
    errors: [{ messageId: "duplicateWork", line: 14, column: 7, message: duplicateWork("this.#listening", "client.query") }],
  },
  {
    name: "serialized callers: the loop itself started on every call of a public method",
    code: `${PG}${PG_CLASS}${PG_LOOP}  run() {\n    void this.#work();\n  }\n}`,
    errors: [{ messageId: "duplicateWork", line: 14, column: 7, message: duplicateWork("this.#listening", "client.query") }],
  },
  {
    name: "with checkParameters: the same property of a parameter read before and written after",
    code: `${D}\ninterface Ctx { count: number }\nexport async function handle(ctx: Ctx) {\n  ctx.count = ctx.count + await price();\n}`,
    options: { checkParameters: true },
    errors: [
      {
        messageId: "readModifyWrite",
        line: 4,
        column: 3,
        message: lostUpdate("ctx.count"),
        fixes: [
          [
            HOIST,
            `${D}\ninterface Ctx { count: number }\nexport async function handle(ctx: Ctx) {\n  const awaited = await price();\n  ctx.count = ctx.count + awaited;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a write through a local alias of a field",
    code: `${D}\nexport class Client {\n  options: { retries: number } = { retries: 0 };\n  async retry() {\n    const options = this.options;\n    options.retries = options.retries + await price();\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 5,
        message: lostUpdate("this.options.retries"),
        fixes: [
          [
            HOIST,
            `${D}\nexport class Client {\n  options: { retries: number } = { retries: 0 };\n  async retry() {\n    const options = this.options;\n    const awaited = await price();\n    options.retries = options.retries + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an async arrow in a method updating this",
    code: `${D}\nexport class Stats {\n  hits = 0;\n  handler = async () => {\n    this.hits += await price();\n  };\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 5,
        column: 5,
        message: lostUpdate("this.hits"),
        fixes: [
          [HOIST, `${D}\nexport class Stats {\n  hits = 0;\n  handler = async () => {\n    const awaited = await price();\n    this.hits += awaited;\n  };\n}`],
        ],
      },
    ],
  },
  // A memoized promise awaited into a field: only when every racer really awaits the same promise.
  {
    name: "a promise field replaced on every call is not memoized",
    code: `${RAW}\n  async get() {\n    if (!this.raw) {\n      this.rawPromise = this.load();\n      this.raw = await this.rawPromise;\n    }\n    return this.raw;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.raw"),
        severity: "info",
        line: 9,
        column: 7,
      },
    ],
  },
  {
    name: "a getter that starts new work on every read is not memoized",
    code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private get connecting() {\n    return connect();\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.connection"),
        severity: "info",
        line: 8,
        column: 27,
      },
    ],
  },
  {
    name: "a value derived from a memoized promise: each call builds its own",
    code: `${CONN}\nclass Pool { constructor(readonly conn: Conn) {} }\nexport class Client {\n  private pool: Pool | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.pool) this.pool = new Pool(await (this.connecting ??= connect()));\n    return this.pool;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", message: duplicateInit("this.pool"), severity: "info", line: 7, column: 21 }],
  },
  {
    name: "a call named get is not a cache unless the function memoizes into it",
    code: `interface User { id: string }\ninterface Api { get(path: string): Promise<User> }\nexport class Session {\n  private user: User | undefined;\n  constructor(private readonly api: Api) {}\n  async me() {\n    if (!this.user) this.user = await this.api.get("/me");\n    return this.user;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.user"),
        severity: "info",
        line: 7,
        column: 21,
        fixes: [
          [
            MEMO,
            `interface User { id: string }\ninterface Api { get(path: string): Promise<User> }\nexport class Session {\n  private user: User | undefined;\n  private userPending?: Promise<User>;\n  constructor(private readonly api: Api) {}\n  async me() {\n    if (!this.user) this.user = await (this.userPending ??= this.api.get("/me").finally(() => { this.userPending = undefined; }));\n    return this.user;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "read-modify-write stays a lost update even with a memoized promise",
    code: `${RAW}\n  total = 0;\n  async add() {\n    if (!this.rawPromise) this.rawPromise = this.load();\n    this.total = this.total + (await this.rawPromise).n;\n  }\n}`,
    errors: [{ messageId: "readModifyWrite", line: 9, column: 5, message: lostUpdate("this.total") }],
  },
  {
    name: "consts that refer to each other are no memoized promise (and the analysis ends)",
    code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const a: Promise<Conn> = b;\n      const b: Promise<Conn> = a;\n      this.conn = await a;\n    }\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.conn"),
      },
    ],
  },
  // Check-then-act that is not an idempotent initialization: a lost update, at the rule's severity.
  {
    name: "a state compared to a value, then changed after an await",
    code: `export class Worker {\n  private state: "idle" | "running" = "idle";\n  private async warmUp() {}\n  async start() {\n    if (this.state === "idle") {\n      await this.warmUp();\n      this.state = "running";\n    }\n  }\n}`,
    errors: [{ messageId: "checkThenAct", message: checkThenAct("this.state"), severity: "warning", line: 7, column: 7, fixes: [] }],
  },
  {
    name: "a membership check, then push after an await (the job is queued twice)",
    code: `declare function validate(job: string): Promise<void>;\nexport class Queue {\n  private jobs: string[] = [];\n  async enqueue(job: string) {\n    if (this.jobs.includes(job)) return;\n    await validate(job);\n    this.jobs.push(job);\n  }\n}`,
    errors: [{ messageId: "checkThenActCollection", message: checkThenActCollection("this.jobs", "job"), severity: "warning", line: 7, column: 5, fixes: [] }],
  },
  {
    name: "&&= with an await acts on a truthiness checked before it",
    code: `declare function fetchToken(): Promise<string>;\nlet token: string | undefined;\nexport async function refresh() {\n  token &&= await fetchToken();\n}`,
    errors: [{ messageId: "checkThenAct", message: checkThenAct("token"), severity: "warning", line: 4, column: 3 }],
  },
  {
    name: "a presence check, then a counter bumped after an await",
    code: `${D}\nlet retries = 0;\nexport async function retry() {\n  if (!retries) {\n    await tick();\n    retries++;\n  }\n}`,
    errors: [{ messageId: "checkThenAct", message: checkThenAct("retries"), severity: "warning", line: 6, column: 5 }],
  },
  // The stale read is an input of the awaited call: it cannot be moved after the await.
  {
    name: "a store's state passed to an async reducer and written back",
    code: `interface State { items: string[] }\ninterface Action { type: string }\ndeclare function reduce(state: State, action: Action): Promise<State>;\nexport class Store {\n  private state: State = { items: [] };\n  async dispatch(action: Action) {\n    this.state = await reduce(this.state, action);\n  }\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("this.state", "reduce"), line: 7, column: 5, related: [7, 7], fixes: [] }],
  },
  {
    name: "the state copied into the awaited call's argument: the message names the awaited call",
    code: `interface State { items: string[] }\ninterface Action { type: string }\ndeclare function reduce(state: State, action: Action): Promise<State>;\nexport class Store {\n  private state: State = { items: [] };\n  async dispatch(action: Action) {\n    this.state = await reduce(structuredClone(this.state), action);\n  }\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("this.state", "reduce"), line: 7, column: 5 }],
  },
  {
    name: "a running total passed to an async adder",
    code: `declare function add(total: number, amount: number): Promise<number>;\nlet total = 0;\nexport async function record(amount: number) {\n  total = await add(total, amount);\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("total", "add"), line: 4, column: 3, fixes: [] }],
  },
  {
    name: "a map entry passed to an async merge and set back",
    code: `interface Stats { hits: number }\ndeclare function merge(previous: Stats | undefined, hits: number): Promise<Stats>;\nconst stats = new Map<string, Stats>();\nexport async function hit(route: string) {\n  stats.set(route, await merge(stats.get(route), 1));\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("stats.get(route)", "merge"), line: 5, column: 3 }],
  },
  {
    name: "a session renewed through its own method and written back",
    code: `interface Session { renew(): Promise<Session> }\nexport class Client {\n  constructor(private session: Session) {}\n  async refresh() {\n    this.session = await this.session.renew();\n  }\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("this.session", "this.session.renew"), line: 5, column: 5 }],
  },
  // A closure run one call at a time by its owner: only when every call is awaited in turn.
  {
    name: "a closure's flag when its calls run together under Promise.all",
    code: `${EV}export async function run(events: StreamEvent[]) {\n  let deferred = false;\n  const onDone = async () => {\n    if (deferred) return;\n    await flush();\n    deferred = true;\n  };\n  await Promise.all(events.map(() => onDone()));\n}`,
    errors: [{ messageId: "duplicateWork", message: duplicateWork("deferred", "flush"), line: 8, column: 5 }],
  },
  {
    name: "a callback whose consumer starts each call without awaiting it",
    code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) void onEvent(event);\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let deferred = false;\n  await consume(events, async () => {\n    if (deferred) return;\n    await flush();\n    deferred = true;\n  });\n}`,
    errors: [{ messageId: "duplicateWork", line: 11, column: 5, message: duplicateWork("deferred", "flush") }],
  },
  {
    name: "module state written by a closure that is awaited in turn (the owner itself can run concurrently)",
    code: `${EV}let flushed = false;\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  const onDone = async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  };\n  for await (const event of events) if (event.type === "done") await onDone();\n}`,
    errors: [{ messageId: "duplicateWork", message: duplicateWork("flushed", "flush"), line: 8, column: 5 }],
  },
  // Which way the check went: a write after finding the state present replaces it (a lost update).
  {
    name: "a connection found present, ended, and replaced after the await",
    code: `interface Conn { closed: boolean; end(): Promise<void> } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  async reconnect() {\n    if (this.conn) {\n      await this.conn.end();\n      this.conn = await connect();\n    }\n  }\n}`,
    errors: [{ messageId: "checkThenAct", message: checkThenAct("this.conn"), severity: "warning", line: 7, column: 7, fixes: [] }],
  },
  {
    name: "missing or closed: an initialization either way",
    code: `interface Conn { closed: boolean; end(): Promise<void> } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (this.conn && !this.conn.closed) return this.conn;\n    this.conn = await connect();\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateResource",
        message: duplicateResource("this.conn", "end"),
        severity: "warning",
        line: 6,
        column: 5,
        fixes: [
          [
            MEMO,
            `interface Conn { closed: boolean; end(): Promise<void> } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (this.conn && !this.conn.closed) return this.conn;\n    this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "missing or closed, a connection without a release method: an initialization either way",
    code: `interface Conn { closed: boolean; query(sql: string): Promise<void> } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (this.conn && !this.conn.closed) return this.conn;\n    this.conn = await connect();\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.conn"),
        severity: "info",
        line: 6,
        column: 5,
        fixes: [
          [
            MEMO,
            `interface Conn { closed: boolean; query(sql: string): Promise<void> } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (this.conn && !this.conn.closed) return this.conn;\n    this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  // Private methods run once per instance or behind their callers' memoized promise: only when all callers do the same.
  {
    name: "a private init called from the constructor and again from a public method",
    code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  constructor() {\n    this.init().catch((error: unknown) => console.error(error));\n  }\n  async reconnect() {\n    await this.init();\n  }\n  private async init() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.conn"),
        line: 12,
        column: 5,
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  constructor() {\n    this.init().catch((error: unknown) => console.error(error));\n  }\n  async reconnect() {\n    await this.init();\n  }\n  private async init() {\n    if (this.conn) return;\n    this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a private loader started in a constructor loop, one run per url at once",
    code: `declare function fetchText(url: string): Promise<string>;\nexport class Prefetcher {\n  private pages = new Map<string, string>();\n  constructor(urls: string[]) {\n    for (const url of urls) void this.load(url);\n  }\n  private async load(url: string) {\n    if (this.pages.has(url)) return;\n    this.pages.set(url, await fetchText(url));\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        message: duplicateInitCollection("this.pages", "url"),
        line: 9,
        column: 5,
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchText(url: string): Promise<string>;\nexport class Prefetcher {\n  private pages = new Map<string, string>();\n  private readonly pagesPending = new Map<string, Promise<string>>();\n  constructor(urls: string[]) {\n    for (const url of urls) void this.load(url);\n  }\n  private async load(url: string) {\n    if (this.pages.has(url)) return;\n    let pending = this.pagesPending.get(url);\n    if (!pending) {\n      pending = fetchText(url);\n      this.pagesPending.set(url, pending);\n    }\n    this.pages.set(url, await pending);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a private init both started from the constructor and memoized by a method (two runs can overlap)",
    code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private ready: Promise<void> | undefined;\n  constructor() {\n    void this.init();\n  }\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await connect();\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 12,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private ready: Promise<void> | undefined;\n  constructor() {\n    void this.init();\n  }\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a private method whose caller replaces the stored promise on every call (runs overlap)",
    code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connecting: Promise<void> | undefined;\n  async connect() {\n    this.connecting = this._connect();\n    await this.connecting;\n  }\n  private async _connect() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 11,
        column: 5,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private connecting: Promise<void> | undefined;\n  async connect() {\n    this.connecting = this._connect();\n    await this.connecting;\n  }\n  private async _connect() {\n    if (this.conn) return;\n    this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  // A private method run through a promise chain stored back in one field runs one call at a time.
  {
    name: "a chained callback that does not return the run (the chain does not wait for it)",
    code: `${LOG}  append(line: string) {\n    this.queue = this.queue.then(() => {\n      void this.write(line);\n    });\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 11,
        column: 5,
        message: lostUpdate("this.size"),
        fixes: [
          [
            HOIST,
            `${LOG}  append(line: string) {\n    this.queue = this.queue.then(() => {\n      void this.write(line);\n    });\n  }\n  private async write(line: string) {\n    const awaited = await appendLine(line);\n    this.size = this.size + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a chain started from one field but stored in another",
    code: `${LOG}  private last: Promise<void> | undefined;\n  append(line: string) {\n    this.last = this.queue.then(() => this.write(line));\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 10,
        column: 5,
        message: lostUpdate("this.size"),
        fixes: [
          [
            HOIST,
            `${LOG}  private last: Promise<void> | undefined;\n  append(line: string) {\n    this.last = this.queue.then(() => this.write(line));\n  }\n  private async write(line: string) {\n    const awaited = await appendLine(line);\n    this.size = this.size + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  // A token that does not prove no other call ran: still reported.
  {
    name: "a version read before the await and checked after it, but never bumped: two calls both pass the check",
    code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private version = 0;\n  private rows: string[] = [];\n  async append() {\n    const version = this.version;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (version !== this.version) return;\n    this.rows = [...previous, ...rows];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "an abort signal checked after the await does not prove no other call ran",
    code: `declare function search(query: string, signal: AbortSignal): Promise<string>;\nexport class SearchBox {\n  private controller: AbortController | undefined;\n  private results: string[] = [];\n  async run(query: string) {\n    this.controller?.abort();\n    this.controller = new AbortController();\n    const signal = this.controller.signal;\n    const previous = this.results;\n    const found = await search(query, signal);\n    if (signal.aborted) return;\n    this.results = [...previous, found];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.results", "previous") }],
  },
  {
    name: "a generation checked after the await, then another await before the write",
    code: `declare function trace(name: string): Promise<void>;\ndeclare function tick(): Promise<void>;\nexport class Worker {\n  private gen = 0;\n  private closing = false;\n  private checkerPromise: Promise<void> | undefined;\n  async startStalledCheck() {\n    const generation = ++this.gen;\n    const prev = this.checkerPromise;\n    await trace("stalled");\n    if (generation !== this.gen) return;\n    await tick();\n    this.checkerPromise = (prev ?? Promise.resolve()).then(() => undefined);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.checkerPromise", "prev") }],
  },
  {
    name: "a generation check joined with && does not always return on a mismatch",
    code: `declare function trace(name: string): Promise<void>;\nexport class Worker {\n  private gen = 0;\n  private closing = false;\n  private checkerPromise: Promise<void> | undefined;\n  async startStalledCheck() {\n    const generation = ++this.gen;\n    const prev = this.checkerPromise;\n    await trace("stalled");\n    if (this.closing && generation !== this.gen) return;\n    this.checkerPromise = (prev ?? Promise.resolve()).then(() => undefined);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.checkerPromise", "prev") }],
  },
  {
    name: "a generation claimed only after the stale read and an earlier await",
    code: `declare function fetchRows(): Promise<string[]>;\ndeclare function tick(): Promise<void>;\nexport class Grid {\n  private gen = 0;\n  private rows: string[] = [];\n  async reload() {\n    const previous = this.rows;\n    await tick();\n    const generation = ++this.gen;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a compare-and-set whose bump is skipped by a return after the write",
    code: `interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: "" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    if (!saved.text) return;\n    this.version++;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.doc", "draft") }],
  },
  // One race, one finding: the writes after one await under one check are reported once, at the first lost update (or first write).
  {
    name: "a raw client replaced and the connect promise stored after the same await under one check (bullmq connect)",
    code: `interface Raw { url: string; connect(): Promise<void> }\nexport class BunRedisAdapter {\n  private raw: Raw;\n  private connecting: Promise<void> | undefined;\n  private hasConnected = false;\n  constructor(raw: Raw) { this.raw = raw; }\n  private async duplicateRaw(raw: Raw): Promise<Raw> { return { ...raw }; }\n  private setupCallbacks() {}\n  async connect(replaceRaw: boolean) {\n    if (!this.connecting) {\n      if (replaceRaw) {\n        this.raw = await this.duplicateRaw(this.raw);\n        this.setupCallbacks();\n      }\n      this.connecting = this.raw.connect().then(() => {\n        this.hasConnected = true;\n      }).finally(() => {\n        this.connecting = undefined;\n      });\n    }\n    await this.connecting;\n  }\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("this.raw", "this.duplicateRaw"), severity: "warning", line: 12, column: 9, related: [12, 12, 15] }],
  },
  {
    name: "a client and its ready flag initialized after one await: one finding, the memoize fix on the first write",
    code: `interface Raw { connected: boolean }\ndeclare function create(): Promise<Raw>;\nexport class Adapter {\n  private raw: Raw | undefined;\n  private rawReady = false;\n  async ensure() {\n    if (this.rawReady) return;\n    if (!this.raw) {\n      this.raw = await create();\n      this.rawReady = true;\n    }\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.raw"),
        severity: "info",
        line: 9,
        column: 7,
        related: [8, 9, 10],
        fixes: [
          [
            MEMO,
            `interface Raw { connected: boolean }\ndeclare function create(): Promise<Raw>;\nexport class Adapter {\n  private raw: Raw | undefined;\n  private rawPending?: Promise<Raw>;\n  private rawReady = false;\n  async ensure() {\n    if (this.rawReady) return;\n    if (!this.raw) {\n      this.raw = await (this.rawPending ??= create().finally(() => { this.rawPending = undefined; }));\n      this.rawReady = true;\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an initialization and a counter from a stale snapshot: reported at the lost update",
    code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Pool {\n  private conn: Conn | undefined;\n  private opened = 0;\n  async get() {\n    const opened = this.opened;\n    if (!this.conn) {\n      this.conn = await connect();\n      this.opened = opened + 1;\n    }\n    return this.conn;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", severity: "warning", line: 10, column: 7, related: [7, 9, 9], message: staleSnapshot("this.opened", "opened") }],
  },
  {
    name: "two clients initialized together after two early returns and one await",
    code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nlet client: Conn | undefined;\nlet subscriber: Conn | undefined;\nexport async function init() {\n  if (client) return;\n  if (subscriber) return;\n  const [c, s] = await Promise.all([connect(), connect()]);\n  client = c;\n  subscriber = s;\n}`,
    errors: [{ messageId: "duplicateInit", message: duplicateInit("client"), severity: "info", line: 9, column: 3, related: [6, 8, 10] }],
  },
  {
    name: "a flag set after a memoized lookup and then a LISTEN each call runs again (bullmq relay backend)",
    code: `interface Client { query(sql: string): Promise<unknown> }\ninterface Identity { database: string }\ndeclare function lookup(): Promise<Identity>;\nexport class RelayBackend {\n  private listening = false;\n  private identity: Promise<Identity> | undefined;\n  constructor(private readonly client: Client) {}\n  private getIdentity() {\n    if (!this.identity) this.identity = lookup();\n    return this.identity;\n  }\n  async ensureListening() {\n    if (!this.listening) {\n      const { database } = await this.getIdentity();\n      await this.client.query(\`LISTEN relay_\${database}\`);\n      this.listening = true;\n    }\n  }\n}`,
    errors: [{ messageId: "duplicateWork", message: duplicateWork("this.listening", "this.client.query"), severity: "info", line: 16, column: 7, related: [13, 14] }],
  },
  // A duplicate initialization that stores a resource leaks the one it overwrites: the rule's severity.
  {
    name: "puppeteer ElementHandle.ts: a handle adopted by each racer, the overwritten one never disposed",
    code: `interface Frame { adoptHandle(handle: ElementHandle): Promise<ElementHandle> }\nexport class ElementHandle {\n  #handle: ElementHandle | undefined;\n  dispose(): Promise<void> { return Promise.resolve(); }\n  async [Symbol.asyncDispose](): Promise<void> { await this.dispose(); }\n  async isolated(frame: Frame) {\n    if (!this.#handle) {\n      this.#handle = await frame.adoptHandle(this);\n    }\n    return this.#handle;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateResource", message: duplicateResource("this.#handle", "dispose"), severity: "warning",
        line: 8,
        column: 7,
        related: [7, 8],
        fixes: [
          [
            MEMO,
            `interface Frame { adoptHandle(handle: ElementHandle): Promise<ElementHandle> }\nexport class ElementHandle {\n  #handle: ElementHandle | undefined;\n  #handlePending?: Promise<ElementHandle>;\n  dispose(): Promise<void> { return Promise.resolve(); }\n  async [Symbol.asyncDispose](): Promise<void> { await this.dispose(); }\n  async isolated(frame: Frame) {\n    if (!this.#handle) {\n      this.#handle = await (this.#handlePending ??= frame.adoptHandle(this).finally(() => { this.#handlePending = undefined; }));\n    }\n    return this.#handle;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "puppeteer bindIsolatedHandle: a chained write of a handle typed by a type parameter",
    code: `interface Realm { adoptHandle<T extends ElementHandle>(handle: T): Promise<T> }\nexport class ElementHandle {\n  isolatedHandle: ElementHandle | undefined;\n  constructor(readonly realm: Realm) {}\n  dispose(): Promise<void> { return Promise.resolve(); }\n}\nexport function bindIsolatedHandle<This extends ElementHandle>(target: (this: This) => Promise<unknown>) {\n  return async function (this: This) {\n    let adoptedThis: This;\n    if (this['isolatedHandle']) {\n      adoptedThis = this['isolatedHandle'] as This;\n    } else {\n      this['isolatedHandle'] = adoptedThis = await this.realm.adoptHandle(this);\n    }\n    return await target.call(adoptedThis);\n  };\n}`,
    errors: [{ messageId: "duplicateResource", message: duplicateResource("this['isolatedHandle']", "dispose"), severity: "warning", line: 13, column: 7 }],
  },
  {
    name: "openai filesystem.ts: a file handle opened into a local, checked, then stored in the closure's variable",
    code: `import { open, type FileHandle } from "node:fs/promises";\nexport function artifactWriter(path: string) {\n  let handle: FileHandle | undefined;\n  const file = async () => {\n    if (handle) return handle;\n    const opened = await open(path, "wx");\n    try {\n      await opened.truncate(0);\n      handle = opened;\n      return handle;\n    } catch (error) {\n      await opened.close();\n      throw error;\n    }\n  };\n  return file;\n}`,
    errors: [{ messageId: "duplicateResource", message: duplicateResource("handle", "close"), severity: "warning", line: 9, column: 7 }],
  },
  {
    name: "puppeteer cdp ElementHandle: a backend node id (a number) stays a duplicate initialization",
    code: `interface DomNode { backendNodeId: number }\ndeclare function describeNode(id: string): Promise<DomNode>;\nexport class CdpElementHandle {\n  #backendNodeId: number | undefined;\n  constructor(private readonly id: string) {}\n  async backendNodeId() {\n    if (this.#backendNodeId) return this.#backendNodeId;\n    const node = await describeNode(this.id);\n    this.#backendNodeId = node.backendNodeId;\n    return this.#backendNodeId;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", message: duplicateInit("this.#backendNodeId"), severity: "info", line: 9, column: 5 }],
  },
  {
    name: "bullmq bun-redis-client: a Redis client created by each racer, the overwritten one never quit",
    code: `interface RedisClient { quit(): Promise<void>; get(key: string): Promise<string | null> }\ndeclare function createClient(url: string): Promise<RedisClient>;\nexport class BunRedisClient {\n  private raw: RedisClient | undefined;\n  constructor(private readonly url: string) {}\n  async connect() {\n    if (!this.raw) {\n      const client = await createClient(this.url);\n      this.raw = client;\n    }\n    return this.raw;\n  }\n}`,
    errors: [{ messageId: "duplicateResource", message: duplicateResource("this.raw", "quit"), severity: "warning", line: 9, column: 7, related: [7, 8], fixes: [] }],
  },
  {
    name: "openai filesystem.ts: a FileHandle opened twice, the overwritten one never closed",
    code: `import { open, type FileHandle } from "node:fs/promises";\nexport class FileSource {\n  private handle: FileHandle | undefined;\n  constructor(private readonly path: string) {}\n  async read() {\n    if (this.handle === undefined) this.handle = await open(this.path, "r");\n    return this.handle.read();\n  }\n}`,
    errors: [{ messageId: "duplicateResource", message: duplicateResource("this.handle", "close"), severity: "warning", line: 6, column: 36,
    fixes: [
      [
        MEMO,
        `import { open, type FileHandle } from "node:fs/promises";\nexport class FileSource {\n  private handle: FileHandle | undefined;\n  private handlePending?: Promise<FileHandle>;\n  constructor(private readonly path: string) {}\n  async read() {\n    if (this.handle === undefined) this.handle = await (this.handlePending ??= open(this.path, "r").finally(() => { this.handlePending = undefined; }));\n    return this.handle.read();\n  }\n}`,
      ],
    ],
      }],
  },
  {
    name: "a cache of sessions that only have Symbol.asyncDispose",
    code: `interface Session { [Symbol.asyncDispose](): Promise<void>; id: string }\ndeclare function openSession(user: string): Promise<Session>;\nconst sessions = new Map<string, Session>();\nexport async function sessionFor(user: string) {\n  if (!sessions.has(user)) {\n    sessions.set(user, await openSession(user));\n  }\n  return sessions.get(user);\n}`,
    errors: [{ messageId: "duplicateResourceCollection", message: duplicateResourceCollection("sessions", "user", "[Symbol.asyncDispose]"), severity: "warning", line: 6, column: 5,
        fixes: [["Cache the in-flight promise", `interface Session { [Symbol.asyncDispose](): Promise<void>; id: string }\ndeclare function openSession(user: string): Promise<Session>;\nconst sessions = new Map<string, Session>();\nconst sessionsPending = new Map<string, Promise<Session>>();\nexport async function sessionFor(user: string) {\n  if (!sessions.has(user)) {\n    let pending = sessionsPending.get(user);\n    if (!pending) {\n      pending = openSession(user);\n      sessionsPending.set(user, pending);\n    }\n    sessions.set(user, await pending);\n  }\n  return sessions.get(user);\n}`]],
      }],
  },
  {
    name: "??= of a client with disconnect",
    code: `interface Client { disconnect(): Promise<void> } declare function createClient(): Promise<Client>;\nlet client: Client | undefined;\nexport async function get() {\n  client ??= await createClient();\n  return client;\n}`,
    errors: [{ messageId: "duplicateResource", message: duplicateResource("client", "disconnect"), severity: "warning", line: 4, column: 3, fixes: [] }],
  },
  // No release method on the stored value (or none that is known): duplicate work only, one level lower.
  {
    name: "mongodb azure.ts: a token string fetched twice stays a duplicate initialization",
    code: `declare function fetchAzureToken(resource: string): Promise<string>;\nlet cachedToken: string | undefined;\nexport async function getToken(resource: string) {\n  if (!cachedToken) {\n    cachedToken = await fetchAzureToken(resource);\n  }\n  return cachedToken;\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("cachedToken"),
        severity: "info",
        line: 5,
        column: 5,
        fixes: [
          [
            MEMO,
            `declare function fetchAzureToken(resource: string): Promise<string>;\nlet cachedToken: string | undefined;\nlet cachedTokenPending: Promise<string> | undefined;\nexport async function getToken(resource: string) {\n  if (!cachedToken) {\n    cachedToken = await (cachedTokenPending ??= fetchAzureToken(resource).finally(() => { cachedTokenPending = undefined; }));\n  }\n  return cachedToken;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "mongodb scram.ts: cached derived keys (a plain object) stay a duplicate initialization",
    code: `interface ScramKeys { clientKey: Uint8Array; serverKey: Uint8Array; iterations: number }\ndeclare function deriveKeys(password: string, salt: string): Promise<ScramKeys>;\nconst keyCache = new Map<string, ScramKeys>();\nexport async function keysFor(password: string, salt: string) {\n  const key = password + salt;\n  if (!keyCache.has(key)) keyCache.set(key, await deriveKeys(password, salt));\n  return keyCache.get(key);\n}`,
    errors: [{ messageId: "duplicateInitCollection", message: duplicateInitCollection("keyCache", "key"), severity: "info", line: 6, column: 27 }],
  },
  {
    name: "a numeric id stays a duplicate initialization",
    code: `declare function allocateId(): Promise<number>;\nexport class Node {\n  private id: number | undefined;\n  async getId() {\n    if (this.id === undefined) this.id = await allocateId();\n    return this.id;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.id"),
        severity: "info",
        line: 5,
        column: 32,
        fixes: [
          [
            MEMO,
            `declare function allocateId(): Promise<number>;\nexport class Node {\n  private id: number | undefined;\n  private idPending?: Promise<number>;\n  async getId() {\n    if (this.id === undefined) this.id = await (this.idPending ??= allocateId().finally(() => { this.idPending = undefined; }));\n    return this.id;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an array of strings stays a duplicate initialization",
    code: `declare function listTopics(): Promise<string[]>;\nlet topics: string[] | undefined;\nexport async function getTopics() {\n  if (topics) return topics;\n  topics = await listTopics();\n  return topics;\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("topics"),
        severity: "info",
        line: 5,
        column: 3,
        fixes: [
          [
            MEMO,
            `declare function listTopics(): Promise<string[]>;\nlet topics: string[] | undefined;\nlet topicsPending: Promise<string[]> | undefined;\nexport async function getTopics() {\n  if (topics) return topics;\n  topics = await (topicsPending ??= listTopics().finally(() => { topicsPending = undefined; }));\n  return topics;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "members named close and end that are not methods stay a duplicate initialization",
    code: `interface Quote { close: number; end: Date; open: number }\ndeclare function fetchQuote(symbol: string): Promise<Quote>;\nexport class Ticker {\n  private quote: Quote | undefined;\n  async latest(symbol: string) {\n    if (!this.quote) this.quote = await fetchQuote(symbol);\n    return this.quote;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("this.quote"),
        severity: "info",
        line: 6,
        column: 22,
        fixes: [
          [
            MEMO,
            `interface Quote { close: number; end: Date; open: number }\ndeclare function fetchQuote(symbol: string): Promise<Quote>;\nexport class Ticker {\n  private quote: Quote | undefined;\n  private quotePending?: Promise<Quote>;\n  async latest(symbol: string) {\n    if (!this.quote) this.quote = await (this.quotePending ??= fetchQuote(symbol).finally(() => { this.quotePending = undefined; }));\n    return this.quote;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an optional close() is not known to be there: a duplicate initialization",
    code: `interface Plugin { name: string; close?(): void }\ndeclare function loadPlugin(): Promise<Plugin>;\nlet plugin: Plugin | undefined;\nexport async function getPlugin() {\n  if (!plugin) plugin = await loadPlugin();\n  return plugin;\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("plugin"),
        severity: "info",
        line: 5,
        column: 16,
        fixes: [
          [
            MEMO,
            `interface Plugin { name: string; close?(): void }\ndeclare function loadPlugin(): Promise<Plugin>;\nlet plugin: Plugin | undefined;\nlet pluginPending: Promise<Plugin> | undefined;\nexport async function getPlugin() {\n  if (!plugin) plugin = await (pluginPending ??= loadPlugin().finally(() => { pluginPending = undefined; }));\n  return plugin;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a union where only one part has a release method: a duplicate initialization",
    code: `interface Socket { close(): void } declare function resolveTarget(): Promise<Socket | string>;\nlet target: Socket | string | undefined;\nexport async function getTarget() {\n  if (!target) target = await resolveTarget();\n  return target;\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("target"),
        severity: "info",
        line: 4,
        column: 16,
        fixes: [
          [
            MEMO,
            `interface Socket { close(): void } declare function resolveTarget(): Promise<Socket | string>;\nlet target: Socket | string | undefined;\nlet targetPending: Promise<Socket | string> | undefined;\nexport async function getTarget() {\n  if (!target) target = await (targetPending ??= resolveTarget().finally(() => { targetPending = undefined; }));\n  return target;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an any value: a duplicate initialization",
    code: `declare function loadConfig(): Promise<any>;\nlet config: any;\nexport async function getConfig() {\n  if (!config) config = await loadConfig();\n  return config;\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        message: duplicateInit("config"),
        severity: "info",
        line: 4,
        column: 16,
        fixes: [
          [
            MEMO,
            `declare function loadConfig(): Promise<any>;\nlet config: any;\nlet configPending: Promise<any> | undefined;\nexport async function getConfig() {\n  if (!config) config = await (configPending ??= loadConfig().finally(() => { configPending = undefined; }));\n  return config;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an iterator (the lib's Symbol.dispose only runs return()): a duplicate initialization",
    code: `declare function loadNames(): Promise<Map<string, number>>;\nlet names: MapIterator<string> | undefined;\nexport async function nextName() {\n  if (!names) names = (await loadNames()).keys();\n  return names.next();\n}`,
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.esnext.d.ts"] },
    errors: [{ messageId: "duplicateInit", message: duplicateInit("names"), severity: "info", line: 4, column: 15 }],
  },
  // A generation passed in as a parameter: trusted only when every caller claimed it for that one call.
  {
    name: "a caller passes the current generation without claiming it",
    code: `${PLAYER}  resume() {\n    void this.playNext(this.generation);\n  }\n${PLAY_NEXT}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "playNext starts itself again with its own generation",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  private async playNext(generation: number) {\n    const position = this.position;\n    await seek(position);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n    void this.playNext(generation);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "a public playNext: callers outside the class may pass any value",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  async playNext(generation: number) {\n    const position = this.position;\n    await seek(position);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "one claimed generation passed to two runs",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n    void this.playNext(generation);\n  }\n${PLAY_NEXT}`,
    errors: [{ messageId: "staleSnapshot", line: 15, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "a claimed generation passed to runs started in a loop",
    code: `${PLAYER}  playAll(count: number) {\n    const generation = ++this.generation;\n    for (let i = 0; i < count; i++) void this.playNext(generation);\n  }\n${PLAY_NEXT}`,
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  // Issue 11: \`yield\` is a suspension point like \`await\`: the consumer runs until it calls next() again.
  {
    name: "yield: a sync generator that adds what the consumer sends to a module total (total += yield total)",
    code: `let total = 0;\nexport function* accumulate() {\n  while (true) total += yield total;\n}`,
    errors: [{ messageId: "readModifyWrite", message: readModifyWrite("total", "yield"), line: 3, column: 16, related: [3, 3], fixes: [] }],
  },
  {
    name: "yield: a sync generator method pages from a shared offset snapshotted before the yield",
    code: `export class Cursor {\n  private offset = 0;\n  *page(rows: string[], size: number) {\n    const start = this.offset;\n    yield rows.slice(start, start + size);\n    this.offset = start + size;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", message: staleSnapshotAtYield("this.offset", "start"), line: 6, column: 5, related: [4, 5], fixes: [] }],
  },
  {
    name: "yield: an async generator updates a shared row count from a copy read before yielding the batch",
    code: `interface Stats { rows: number }\nexport class Importer {\n  private stats: Stats = { rows: 0 };\n  async *import(batches: string[][]) {\n    for (const batch of batches) {\n      const before = this.stats.rows;\n      yield batch;\n      this.stats.rows = before + batch.length;\n    }\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", message: staleSnapshotAtYield("this.stats.rows", "before"), line: 8, column: 7, related: [6, 7] }],
  },
  {
    name: "yield: a sync generator checks a field unset, yields, then initializes it",
    code: `export class Loader {\n  private loaded: string[] | undefined;\n  *load(source: string[]) {\n    if (!this.loaded) {\n      const rows: string[] = [];\n      for (const line of source) rows.push(yield line);\n      this.loaded = rows;\n    }\n  }\n}`,
    errors: [{ messageId: "duplicateInitAtYield", message: duplicateInitAtYield("this.loaded"), severity: "info", line: 7, column: 7, related: [4, 6] }],
  },
  {
    name: "yield: a sync generator checks a handle unset, yields a header, then opens it",
    code: `interface Handle { read(): string; close(): void }\ndeclare function openHandle(path: string): Handle;\nexport class Reader {\n  private handle: Handle | undefined;\n  *lines(path: string, header: string[]) {\n    if (!this.handle) {\n      yield* header;\n      this.handle = openHandle(path);\n    }\n    yield this.handle.read();\n  }\n}`,
    errors: [{ messageId: "duplicateResourceAtYield", message: duplicateResourceAtYield("this.handle", "close"), severity: "warning", line: 8, column: 7, related: [6, 7], fixes: [] }],
  },
  {
    name: "yield: an async generator yields buffered rows between the check and the connect",
    code: `interface Conn { end(): Promise<void>; query(q: string): Promise<string[]> }\ndeclare function connect(): Promise<Conn>;\nexport class Source {\n  private conn: Conn | undefined;\n  private buffered: string[] = [];\n  async *rows(sql: string) {\n    if (!this.conn) {\n      yield* this.buffered;\n      this.conn = await connect();\n    }\n    yield* await this.conn.query(sql);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateResourceAtYield",
        message: duplicateResourceAtYield("this.conn", "end"),
        line: 9,
        column: 7,
        related: [7, 8],
        fixes: [
          [
            MEMO,
            `interface Conn { end(): Promise<void>; query(q: string): Promise<string[]> }\ndeclare function connect(): Promise<Conn>;\nexport class Source {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private buffered: string[] = [];\n  async *rows(sql: string) {\n    if (!this.conn) {\n      yield* this.buffered;\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    }\n    yield* await this.conn.query(sql);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "yield: a logical assignment from what the consumer sends (this.answer ??= yield question)",
    code: `export class Prompt {\n  private answer: string | undefined;\n  *ask(question: string) {\n    this.answer ??= yield question;\n    return this.answer;\n  }\n}`,
    errors: [{ messageId: "duplicateInitAtYield", message: duplicateInitAtYield("this.answer"), severity: "info", line: 4, column: 5, related: [4, 4] }],
  },
  // Issue 11, branch-aware: a read on the branch that awaits (or before a later await) is still a lost update.
  {
    name: "branch-aware: the awaiting branch passes the field to the awaited call",
    code: `interface Config { theme: string }\ndeclare function reload(config: Config): Promise<Config>;\nexport class Settings {\n  private config: Config = { theme: "light" };\n  async refresh(force: boolean) {\n    this.config = force ? await reload(this.config) : this.config;\n  }\n}`,
    errors: [{ messageId: "readModifyWriteCall", message: readModifyWriteCall("this.config", "reload"), line: 6, column: 5, related: [6, 6] }],
  },
  {
    name: "branch-aware: the awaiting branch itself reads the total (skip ? total : total + await price())",
    code: `declare function price(): Promise<number>;\nlet total = 0;\nexport async function add(skip: boolean) {\n  total = skip ? total : total + await price();\n}`,
    errors: [{ messageId: "readModifyWrite", message: readModifyWrite("total", "await"), line: 4, column: 3, related: [4, 4], fixes: [] }],
  },
  {
    name: "branch-aware: the branch without an await is followed by an await after the conditional",
    code: `declare function price(): Promise<number>;\ndeclare function tax(): Promise<number>;\nlet total = 0;\nexport async function add(cached: boolean) {\n  total = (cached ? total : await price()) + await tax();\n}`,
    errors: [{ messageId: "readModifyWrite", message: readModifyWrite("total", "await"), line: 5, column: 3, related: [5, 5], fixes: [] }],
  },
  // A constant written after awaited work (issue 10, bullmq's LISTEN flags, puppeteer's isolated worlds):
  // every call stores the same value, so the message names the work each call runs again.
  {
    name: "duplicate work: a public method's LISTEN flag set after the LISTEN (bullmq queue backend)",
    code: `${LISTEN_DECLARATIONS}export class QueueBackend {\n  private listening = false;\n  constructor(private readonly connection: Connection) {}\n  async ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.listening) {\n      await client.query(loadCommandSql("listen_jobs"));\n      this.listening = true;\n    }\n    return client;\n  }\n}`,
    errors: [{ messageId: "duplicateWork", severity: "info", line: 12, column: 7, message: duplicateWork("this.listening", "client.query", "true") }],
  },
  {
    name: "duplicate work: the first per-call step after a memoized lookup is the one named (bullmq relay backend)",
    code: `${LISTEN_DECLARATIONS}export class RelayBackend {\n  private listening = false;\n  private connectionIdentity: Promise<Identity> | undefined;\n  constructor(private readonly connection: Connection, private readonly nodeId?: string) {}\n  private getConnectionIdentity() {\n    if (!this.connectionIdentity) this.connectionIdentity = this.connection.identity();\n    return this.connectionIdentity;\n  }\n  async ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.listening) {\n      if (this.nodeId) {\n        const { database, schema } = await this.getConnectionIdentity();\n        await this.connection.setListenClientName(\`\${this.nodeId}:\${database}:\${schema}\`);\n      }\n      await client.query(loadCommandSql("listen_relay"));\n      this.listening = true;\n    }\n    return client;\n  }\n}`,
    errors: [{ messageId: "duplicateWork", line: 21, column: 7, message: duplicateWork("this.listening", "this.connection.setListenClientName", "true") }],
  },
  {
    name: "duplicate work: a Set entry marked after the worlds are created (puppeteer FrameManager)",
    code: `interface Session { id(): string; send(method: string, params: object): Promise<unknown> }\ninterface Frame { id: string; session: Session }\nexport class FrameManager {\n  #isolatedWorlds = new Set<string>();\n  #frames: Frame[] = [];\n  async createIsolatedWorld(session: Session, name: string) {\n    const key = \`\${session.id()}:\${name}\`;\n    if (this.#isolatedWorlds.has(key)) return;\n    await session.send("Page.addScriptToEvaluateOnNewDocument", { worldName: name });\n    await Promise.all(\n      this.#frames\n        .filter((frame) => frame.session === session)\n        .map((frame) => session.send("Page.createIsolatedWorld", { frameId: frame.id, worldName: name }).catch(() => undefined)),\n    );\n    this.#isolatedWorlds.add(key);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateWorkCollection",
        severity: "info",
        line: 15,
        column: 5,
        message: duplicateWorkCollection("this.#isolatedWorlds", "key", "session.send"),
      },
    ],
  },
  {
    name: "duplicate work: a flag set after awaiting a promise the caller passed in keeps the general message",
    code: `export class Service {\n  private started = false;\n  async start(ready: Promise<void>) {\n    if (!this.started) {\n      await ready;\n      this.started = true;\n    }\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 6, column: 7, message: duplicateInit("this.started") }],
  },
  // Mutation survivors of shared-state-across-await.ts lines 1-600 (the release methods), session 4.
  {
    name: "??= of resources released by destroy, release, terminate and [Symbol.dispose]",
    code: `interface Socket { destroy(): void }\ninterface PoolClient { release(): void }\ninterface Worker { terminate(): Promise<number> }\ninterface Lock { [Symbol.dispose](): void }\ndeclare function connectSocket(): Promise<Socket>;\ndeclare function checkout(): Promise<PoolClient>;\ndeclare function spawnWorker(): Promise<Worker>;\ndeclare function acquire(): Promise<Lock>;\nlet socket: Socket | undefined;\nlet client: PoolClient | undefined;\nlet worker: Worker | undefined;\nlet lock: Lock | undefined;\nexport async function getSocket() {\n  socket ??= await connectSocket();\n  return socket;\n}\nexport async function getClient() {\n  client ??= await checkout();\n  return client;\n}\nexport async function getWorker() {\n  worker ??= await spawnWorker();\n  return worker;\n}\nexport async function getLock() {\n  lock ??= await acquire();\n  return lock;\n}`,
    errors: [
      { messageId: "duplicateResource", message: duplicateResource("socket", "destroy"), severity: "warning", line: 14, column: 3, fixes: [] },
      { messageId: "duplicateResource", message: duplicateResource("client", "release"), severity: "warning", line: 18, column: 3, fixes: [] },
      { messageId: "duplicateResource", message: duplicateResource("worker", "terminate"), severity: "warning", line: 22, column: 3, fixes: [] },
      { messageId: "duplicateResource", message: duplicateResource("lock", "[Symbol.dispose]"), severity: "warning", line: 26, column: 3, fixes: [] },
    ],
  },
  {
    name: "a callee with a slash in its text that is no lock (a job queue's add): still reported",
    code: `declare const queue: { add(name: string, fn: () => Promise<void>): void };\ndeclare function readConfig(path: string): Promise<string>;\nlet config = "";\nexport function schedule() {\n  queue.add("config/app", async () => {\n    config = config + await readConfig("app.rc");\n  });\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 5,
        message: lostUpdate("config"),
        fixes: [
          [
            HOIST,
            `declare const queue: { add(name: string, fn: () => Promise<void>): void };\ndeclare function readConfig(path: string): Promise<string>;\nlet config = "";\nexport function schedule() {\n  queue.add("config/app", async () => {\n    const awaited = await readConfig("app.rc");\n    config = config + awaited;\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "check-then-act lazy initialization from an asserted lookup and a cast, with the memoize fix keeping the ! and the as",
    code: `${CONN}\ndeclare const pools: Map<string, Promise<Conn>>;\nexport class Db {\n  private conn: Conn | undefined;\n  private replica: Conn | undefined;\n  async get(name: string) {\n    if (!this.conn) {\n      this.conn = await pools.get(name)!;\n    }\n    return this.conn;\n  }\n  async read(open: () => unknown) {\n    if (!this.replica) {\n      this.replica = await (open() as Promise<Conn>);\n    }\n    return this.replica;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\ndeclare const pools: Map<string, Promise<Conn>>;\nexport class Db {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private replica: Conn | undefined;\n  async get(name: string) {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= pools.get(name)!.finally(() => { this.connPending = undefined; }));\n    }\n    return this.conn;\n  }\n  async read(open: () => unknown) {\n    if (!this.replica) {\n      this.replica = await (open() as Promise<Conn>);\n    }\n    return this.replica;\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "duplicateInit",
        line: 14,
        column: 7,
        message: duplicateInit("this.replica"),
        fixes: [
          [
            MEMO,
            `${CONN}\ndeclare const pools: Map<string, Promise<Conn>>;\nexport class Db {\n  private conn: Conn | undefined;\n  private replica: Conn | undefined;\n  private replicaPending?: Promise<Conn>;\n  async get(name: string) {\n    if (!this.conn) {\n      this.conn = await pools.get(name)!;\n    }\n    return this.conn;\n  }\n  async read(open: () => unknown) {\n    if (!this.replica) {\n      this.replica = await (this.replicaPending ??= (open() as Promise<Conn>).finally(() => { this.replicaPending = undefined; }));\n    }\n    return this.replica;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a collection key read through await is quoted with its spaces (await this.session.roomId())",
    code: `declare function subscribe(room: string): Promise<void>;\nexport class Rooms {\n  private joined = new Set<string>();\n  constructor(private session: { roomId(): Promise<string> }) {}\n  async join() {\n    if (!this.joined.has(await this.session.roomId())) {\n      await subscribe("lobby");\n      this.joined.add(await this.session.roomId());\n    }\n  }\n}`,
    errors: [
      {
        messageId: "duplicateWorkCollection",
        line: 8,
        column: 7,
        message: duplicateWorkCollection("this.joined", "await this.session.roomId()", "subscribe"),
      },
    ],
  },
  {
    name: "the memoized result through a let that a nested function writes again: the stored value may be another one",
    code: `${RAW}\n  async get(fallback: () => Promise<Raw>) {\n    if (!this.raw) {\n      let raw = await (this.rawPromise ??= this.load());\n      const retry = async () => { raw = await fallback(); };\n      if (raw.n < 0) await retry();\n      this.raw = raw;\n    }\n    return this.raw;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 11, column: 7, message: duplicateInit("this.raw") }],
  },
  {
    name: "streams: a Readable's read() that pushes and then awaits again in a loop (the stream may call it again meanwhile)",
    code: `import { Readable } from "node:stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      for (let i = 0; i < 2; i++) {\n        const current = page;\n        const rows = await fetchPage(current);\n        readable.push(rows);\n        page = current + 1;\n      }\n    },\n  });\n  return readable;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 9, message: staleSnapshot("page", "current") }],
  },
  {
    name: "streams: a Writable's write() that calls back before it awaits (the next write may run meanwhile)",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function eagerWriter() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      callback();\n      await send(chunk);\n      sent = count + 1;\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 7, message: staleSnapshot("sent", "count") }],
  },
];

const valid: ValidCase[] = [
  // A generation passed in as a parameter, claimed by every caller for that one call.
  { name: "playNext(generation) compared with this.generation after the await, claimed by its caller", code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n${PLAY_NEXT}` },
  { name: "two callers, each claiming its own generation", code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  skip() {\n    this.generation += 1;\n    const generation = this.generation;\n    return this.playNext(generation);\n  }\n${PLAY_NEXT}` },
  { name: "the generation awaited by an async caller, as the second argument", code: `${PLAYER}  async play(from: number) {\n    const generation = ++this.generation;\n    try {\n      await this.playFrom(from, generation);\n    } finally {\n      this.controller = undefined;\n    }\n  }\n  private async playFrom(from: number, generation: number) {\n    const position = this.position;\n    await seek(from);\n    if (generation !== this.generation) return;\n    this.position = position + from;\n  }\n}` },
  { name: "a #private method checked inside if (generation === this.generation)", code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.#playNext(generation);\n  }\n  async #playNext(generation: number) {\n    const position = this.position;\n    await seek(position);\n    if (generation === this.generation) {\n      this.position = position + 1;\n    }\n  }\n}` },
  { name: "an AbortController claimed by the caller and compared by identity in the callee", code: `${PLAYER}  play() {\n    const controller = new AbortController();\n    this.controller = controller;\n    void this.load(controller);\n  }\n  private async load(controller: AbortController) {\n    const position = this.position;\n    await seek(position);\n    if (controller !== this.controller) return;\n    this.position = position + 1;\n  }\n}` },
  { name: "a generation claimed with this.generation++ right before the call", code: `${PLAYER}  play() {\n    this.generation++;\n    const generation = this.generation;\n    void this.playNext(generation);\n  }\n${PLAY_NEXT}` },
  // Resources: created once, or a duplicate released.
  { name: "a client kept only when still unset after the await, the duplicate quit", code: `interface RedisClient { quit(): Promise<void> } declare function createClient(): Promise<RedisClient>;\nexport class Pool {\n  private client: RedisClient | undefined;\n  async get() {\n    if (!this.client) {\n      const client = await createClient();\n      if (!this.client) this.client = client;\n      else await client.quit();\n    }\n    return this.client;\n  }\n}` },
  { name: "a handle adopted through a memoized promise", code: `interface Handle { dispose(): Promise<void> } declare function adopt(): Promise<Handle>;\nexport class Element {\n  private handle: Handle | undefined;\n  private adopting?: Promise<Handle>;\n  async isolated() {\n    if (!this.handle) this.handle = await (this.adopting ??= adopt());\n    return this.handle;\n  }\n}` },
  { name: "a file opened per call into a local", code: `import { open } from "node:fs/promises";\nexport async function firstByte(path: string) {\n  const handle = await open(path, "r");\n  try {\n    return (await handle.read()).bytesRead;\n  } finally {\n    await handle.close();\n  }\n}` },
  { name: "a resource created before any await", code: `interface Socket { close(): void } declare function openSocket(): Socket; declare function tick(): Promise<void>;\nlet socket: Socket | undefined;\nexport async function ensure() {\n  if (!socket) socket = openSocket();\n  await tick();\n  return socket;\n}` },
  { name: "a resource cleared after awaiting its close", code: `interface Socket { close(): Promise<void> }\nlet socket: Socket | undefined;\nexport async function shutdown() {\n  if (socket) {\n    await socket.close();\n    socket = undefined;\n  }\n}` },
  { name: "the value re-read after the await", code: `${D}\nlet total = 0;\nexport async function add() {\n  const amount = await price();\n  total = total + amount;\n}` },
  { name: "eslint#11899: the read comes after the await", code: `${D}\nlet result = 0;\nexport async function f() {\n  result = await price() + result;\n}` },
  { name: "eslint#11899: awaited into a temporary first", code: `${D}\nlet result = 0;\nexport async function f() {\n  const tmp = await price();\n  result += tmp;\n}` },
  { name: "eslint#11899: a local variable", code: `${D}\nexport async function f() {\n  let local = 0;\n  local += await price();\n  return local;\n}` },
  { name: "eslint#11194: a local captured by a closure", code: `${D}\ndeclare function g(cb: () => void): void;\nexport async function f() {\n  let records;\n  records = await price();\n  g(() => { console.log(records); });\n}` },
  { name: "eslint#15076: a write that does not depend on an earlier read", code: `${D}\nconst opts: { spec?: string } = {};\nexport async function main() {\n  opts.spec = "x";\n  const code = await price();\n  process.exitCode = code;\n}` },
  { name: "Koa: ctx.body = await render()", code: `${D}\ndeclare function render(): Promise<string>;\nexport async function handle(ctx: { body: string }) {\n  ctx.body = await render();\n}` },
  { name: "eslint#11687: a write before the await", code: `${D}\nexport class A {\n  foo: number | null = 0;\n  async f() {\n    try {\n      this.foo = 1;\n    } catch {\n      this.foo = null;\n      await tick();\n    }\n  }\n}` },
  { name: "eslint#12353: a guard set before the await and released after it", code: `${D}\nconst state = { isSyncing: false };\nexport async function sync() {\n  if (state.isSyncing) return;\n  state.isSyncing = true;\n  await tick();\n  state.isSyncing = false;\n}` },
  { name: "objects created in the call", code: `${D}\nexport async function f() {\n  const o = { n: 0 };\n  o.n = o.n + await price();\n  return o;\n}` },
  { name: "by default, a parameter's property read before and written after (the caller's per-call object)", code: `${D}\ninterface Ctx { count: number }\nexport async function handle(ctx: Ctx) {\n  ctx.count = ctx.count + await price();\n}` },
  { name: "collections by type: a plain object with `get`/`set` methods is no collection", code: `declare function fetchSetting(key: string): Promise<string>;\nconst values: Record<string, string> = {};\nconst store = {\n  get(key: string) {\n    return values[key];\n  },\n  set(key: string, value: string) {\n    values[key] = value.trim();\n  },\n};\nexport async function setting(key: string) {\n  if (!store.get(key)) store.set(key, await fetchSetting(key));\n  return store.get(key);\n}` },
  { name: "collections by type: a project class whose `set` persists is no collection", code: `declare function writeFile(path: string, text: string): Promise<void>;\ndeclare function fetchDefault(key: string): Promise<string>;\nclass Settings {\n  private values: Record<string, string> = {};\n  has(key: string) {\n    return key in this.values;\n  }\n  set(key: string, value: string) {\n    this.values[key] = value;\n    void writeFile("settings.json", JSON.stringify(this.values));\n  }\n}\nconst settings = new Settings();\nexport async function ensure(key: string) {\n  if (!settings.has(key)) {\n    settings.set(key, await fetchDefault(key));\n  }\n}` },
  { name: "collections by type: a project class's `push` and `includes` are not an array's", code: `declare function validate(job: string): Promise<void>;\nclass JobLog {\n  private lines: string[] = [];\n  includes(job: string) {\n    return this.lines.some((line) => line.startsWith(job));\n  }\n  push(job: string) {\n    this.lines.push(\`\${job} \${Date.now()}\`);\n  }\n}\nexport class Queue {\n  private log = new JobLog();\n  async enqueue(job: string) {\n    if (this.log.includes(job)) return;\n    await validate(job);\n    this.log.push(job);\n  }\n}` },
  { name: "collections by type: a receiver typed `any` is not known to be a collection", code: `declare function load(key: string): Promise<string>;\ndeclare const cache: any;\nexport async function get(key: string) {\n  if (!cache.has(key)) cache.set(key, await load(key));\n  return cache.get(key);\n}` },
  { name: "collections by type: a union of a Map and a project store is not known to be a collection", code: `declare function load(key: string): Promise<string>;\ninterface Store { has(key: string): boolean; set(key: string, value: string): void; get(key: string): string | undefined }\ndeclare const cache: Map<string, string> | Store;\nexport async function get(key: string) {\n  if (!cache.has(key)) cache.set(key, await load(key));\n  return cache.get(key);\n}` },
  { name: "with checkParameters: a presence check on a parameter's property is the caller's per-call state", code: `interface User { id: string }\ninterface Ctx { userId: string; user?: User }\ndeclare function loadUser(id: string): Promise<User>;\nexport async function authenticate(ctx: Ctx) {\n  if (!ctx.user) {\n    ctx.user = await loadUser(ctx.userId);\n  }\n  return ctx.user;\n}`, options: { checkParameters: true } },
  { name: "with checkParameters: a membership check on a parameter's Map is the caller's per-call state", code: `interface Row { id: string }\ninterface Batch { rows: Map<string, Row> }\ndeclare function fetchRow(id: string): Promise<Row>;\nexport async function include(batch: Batch, id: string) {\n  if (!batch.rows.has(id)) {\n    batch.rows.set(id, await fetchRow(id));\n  }\n}`, options: { checkParameters: true } },
  { name: "with checkParameters: a state compared on a parameter, then changed after the await", code: `interface Job { state: "queued" | "running" }\ndeclare function warmUp(job: Job): Promise<void>;\nexport async function start(job: Job) {\n  if (job.state === "queued") {\n    await warmUp(job);\n    job.state = "running";\n  }\n}`, options: { checkParameters: true } },
  { name: "serialized callers: a private method awaited in turn by a worker loop started once from the constructor", code: `${PG}${PG_CLASS.replace("{}\n", "{\n    void this.#work();\n  }\n")}${PG_LOOP}}` },
  { name: "serialized callers: the worker loop memoized by a public start()", code: `${PG}${PG_CLASS}${PG_LOOP}  #running: Promise<void> | undefined;\n  start() {\n    this.#running ??= this.#work();\n    return this.#running;\n  }\n}` },
  { name: "serialized callers: two levels down, a loop step awaited by the loop", code: `${PG}${PG_CLASS}  async #step() {\n    const client = await this.#ensureListening();\n    client.on("notification", () => undefined);\n    const job = await claimJob(this.queue);\n    if (job) await process(job);\n  }\n  async #loop() {\n    while (!this.#closed) {\n      await this.#step();\n      await sleep(1000);\n    }\n  }\n  start() {\n    this.#running ??= this.#loop();\n  }\n  #running: Promise<void> | undefined;\n}` },
  { name: "serialized callers: awaited twice in one run of the loop, one call after the other", code: `${PG}${PG_CLASS}${PG_LOOP.replace("      await this.#ensureListening();\n", "      await this.#ensureListening();\n      if (this.#closed) break;\n      await this.#ensureListening();\n")}  #running: Promise<void> | undefined;\n  start() {\n    this.#running ??= this.#work();\n  }\n}` },
  { name: "serialized callers: awaited inside a try/catch of the loop", code: `${PG}${PG_CLASS.replace("{}\n", "{\n    void this.#work();\n  }\n")}  async #work() {\n    while (!this.#closed) {\n      try {\n        const client = (await this.#ensureListening());\n        client.on("notification", () => undefined);\n        const job = await claimJob(this.queue);\n        if (job) await process(job);\n      } catch {\n        await sleep(1000);\n      }\n    }\n  }\n}` },
  { name: "serialized callers: three levels down from a loop the constructor starts once", code: `${PG}${PG_CLASS.replace("{}\n", "{\n    void this.#run();\n  }\n")}  async #step() {\n    const client = await this.#ensureListening();\n    client.on("notification", () => undefined);\n  }\n  async #tick() {\n    await this.#step();\n    const job = await claimJob(this.queue);\n    if (job) await process(job);\n  }\n  async #run() {\n    while (!this.#closed) await this.#tick();\n  }\n}` },
  { name: "serialized callers: a TypeScript-private method awaited by a private loop chained on a queue", code: `declare function listen(channel: string): Promise<void>;\ndeclare function drain(): Promise<number>;\nexport class Relay {\n  private listening = false;\n  private queue: Promise<void> = Promise.resolve();\n  private async ensureListening() {\n    if (!this.listening) {\n      await listen("relay");\n      this.listening = true;\n    }\n  }\n  private async pump() {\n    await this.ensureListening();\n    await drain();\n  }\n  schedule() {\n    this.queue = this.queue.then(() => this.pump());\n  }\n}` },
  { name: "a parameter's property written without an earlier read", code: `${D}\nexport async function f(options: { total: number }) {\n  options.total = await price();\n}` },
  { name: "inside mutex.runExclusive", code: `${D}\ndeclare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };\nlet total = 0;\nexport function add() {\n  return mutex.runExclusive(async () => {\n    total += await price();\n  });\n}` },
  { name: "after await mutex.acquire()", code: `${D}\ndeclare const mutex: { acquire(): Promise<() => void> };\nlet total = 0;\nexport async function add() {\n  const release = await mutex.acquire();\n  try {\n    total += await price();\n  } finally {\n    release();\n  }\n}` },
  { name: "inside navigator.locks.request", code: `${D}\ndeclare const navigator: { locks: { request(name: string, fn: () => Promise<void>): Promise<void> } };\nlet total = 0;\nexport function add() {\n  return navigator.locks.request("total", async () => {\n    total += await price();\n  });\n}` },
  { name: "a user-listed serial queue", code: `${D}\ndeclare const serialQueue: { add(fn: () => Promise<void>): void };\nlet total = 0;\nserialQueue.add(async () => {\n  total += await price();\n});`, options: { criticalSections: ["serialQueue.add"] } },
  { name: "memoized in-flight promise", code: `${CONN}\nexport class Db {\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    this.connecting ??= connect();\n    return this.connecting;\n  }\n}` },
  { name: "a snapshot written back before the await", code: `${D}\nlet version = 0;\nexport async function bump() {\n  const v = version;\n  version = v + 1;\n  await save(v);\n}` },
  { name: "a snapshot not used by the write", code: `${D}\nexport class C {\n  data: number[] = [];\n  async flush() {\n    const pending = this.data;\n    await save(pending.length);\n    this.data = [];\n  }\n}` },
  { name: "a sync function", code: `let total = 0;\nexport function add(n: number) {\n  total += n;\n}` },
  { name: "an async function without await", code: `let total = 0;\nexport async function add(n: number) {\n  total += n;\n}` },
  { name: "check and set before the await", code: `${CONN}\nlet conn: Conn | undefined;\nlet pending: Promise<Conn> | undefined;\nexport async function get() {\n  if (!pending) pending = connect();\n  conn = await pending;\n  return conn;\n}` },
  { name: "cache of promises", code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) cache.set(k, load(k));\n  return cache.get(k);\n}` },
  { name: "a checked flag written only before the await", code: `${D}\nlet started = false;\nexport async function start() {\n  if (started) return;\n  started = true;\n  await tick();\n}` },
  { name: "a write inside a nested sync callback is not this function's", code: `${D}\nlet last = 0;\nexport async function f(xs: number[]) {\n  const v = last;\n  await tick();\n  xs.forEach((x) => { console.log(x + v); });\n}` },
  { name: "a const module object replaced: cannot be reassigned", code: `${D}\nconst limits = { max: 1 };\nexport async function f() {\n  const m = limits.max;\n  await tick();\n  console.log(m);\n}` },
  { name: "a parameter's property checked and cleared (the caller's per-call object)", code: `${D}\nexport async function run(op: { batches: number[] }) {\n  if (op.batches.length === 0) return;\n  await tick();\n  op.batches.length = 0;\n}` },
  { name: "a check-then-act that clears the state", code: `${CONN}\nexport class Client {\n  conn: Conn | undefined;\n  async close() {\n    if (this.conn == null) return;\n    await tick();\n    this.conn = undefined;\n  }\n}\ndeclare function tick(): Promise<void>;` },
  { name: "a private method serialized by its callers' memoized promise", code: `${CONN}\nexport class Client {\n  conn: Conn | undefined;\n  private connecting: Promise<void> | undefined;\n  async connect() {\n    this.connecting ??= this._connect();\n    await this.connecting;\n  }\n  private async _connect() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}`, options: {} },
  { name: "a guard that throws asserts a precondition, it does not check-then-act", code: `${CONN}\nexport class Client {\n  conn: Conn | undefined;\n  async reconnect() {\n    if (!this.conn) throw new Error("not connected");\n    await tick();\n    this.conn = await connect();\n  }\n}\ndeclare function tick(): Promise<void>;` },
  { name: "a busy flag checked and set before any await serializes the rest", code: `${CONN}\nexport class Client {\n  conn: Conn | undefined;\n  private reconnecting = false;\n  async reconnect() {\n    if (this.reconnecting || !this.conn) return;\n    this.reconnecting = true;\n    await tick();\n    this.conn = await connect();\n    this.reconnecting = false;\n  }\n}\ndeclare function tick(): Promise<void>;` },
  { name: "a local copy of a field is not an alias", code: `${D}\nexport class Client {\n  options = { retries: 0 };\n  async retry() {\n    const options = { ...this.options };\n    options.retries = options.retries + await price();\n    return options;\n  }\n}` },
  { name: "a property written from a fresh awaited value", code: `${D}\nexport class A {\n  n = 0;\n  async f() {\n    this.n = await price();\n  }\n}` },
  // Awaiting an in-flight promise that is already memoized: every racer writes the same value.
  { name: "memoized promise field awaited into the value field", code: `${RAW}\n  async get() {\n    if (!this.raw) {\n      if (!this.rawPromise) this.rawPromise = this.load();\n      this.raw = await this.rawPromise;\n    }\n    return this.raw;\n  }\n}` },
  { name: "memoized with ??= inline, after an early return", code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (this.connection) return this.connection;\n    this.connection = await (this.connecting ??= connect());\n    return this.connection;\n  }\n}` },
  { name: "the rule's own memoize fix output", code: `${CONN}\nexport class Db {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect());\n    }\n    return this.conn;\n  }\n}` },
  { name: "the rule's own cache fix output", code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = cachePending.get(k);\n    if (!pending) {\n      pending = load(k);\n      cachePending.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}` },
  { name: "a getter that memoizes with ??=", code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private _connecting: Promise<Conn> | undefined;\n  private get connecting() {\n    return (this._connecting ??= connect());\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}` },
  { name: "a getter that memoizes behind an early return", code: `${RAW}\n  private get ready() {\n    if (this.rawPromise) return this.rawPromise;\n    this.rawPromise = this.load();\n    return this.rawPromise;\n  }\n  async get() {\n    if (this.raw === undefined) this.raw = await this.ready;\n    return this.raw;\n  }\n}` },
  { name: "a method that memoizes, awaited in a lazy init", code: `${RAW}\n  private ensureLoaded(): Promise<Raw> {\n    if (!this.rawPromise) {\n      this.rawPromise = this.load();\n    }\n    return this.rawPromise;\n  }\n  async get() {\n    if (!this.raw) this.raw = await this.ensureLoaded();\n    return this.raw;\n  }\n}` },
  { name: "a module function that memoizes the client", code: `${CONN}\nlet connecting: Promise<Conn> | undefined;\nfunction getConnection() {\n  return (connecting ??= connect());\n}\nlet conn: Conn | undefined;\nexport async function query() {\n  if (!conn) conn = await getConnection();\n  conn.q();\n}` },
  { name: "the memoized result through a const", code: `${RAW}\n  async get() {\n    if (!this.raw) {\n      this.rawPromise ??= this.load();\n      const raw = await this.rawPromise;\n      this.raw = raw;\n    }\n    return this.raw;\n  }\n}` },
  { name: "??= of a memoized result", code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    this.connection ??= await (this.connecting ??= connect());\n    return this.connection;\n  }\n}` },
  { name: "a memoized promise cleared after a failure so the next call retries", code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      try {\n        this.connection = await (this.connecting ??= connect());\n      } catch (error) {\n        this.connecting = undefined;\n        throw error;\n      }\n    }\n    return this.connection;\n  }\n}` },
  { name: "a per-key in-flight map memoized with has/set", code: `declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}` },
  // Checked again after the await: the first result wins, nothing is overwritten.
  { name: "double-checked: the connection re-checked after the await, the loser closed", code: `interface Conn { q(): void; close(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.conn) this.conn = conn;\n      else conn.close();\n    }\n    return this.conn;\n  }\n}` },
  { name: "double-checked with an early return after the await", code: `interface Conn { q(): void; close(): void } declare function connect(): Promise<Conn>;\nlet conn: Conn | undefined;\nexport async function get() {\n  if (conn) return conn;\n  const created = await connect();\n  if (conn) {\n    created.close();\n    return conn;\n  }\n  conn = created;\n  return conn;\n}` },
  { name: "a cache entry re-checked after the load", code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    const value = await load(k);\n    if (!cache.has(k)) cache.set(k, value);\n  }\n  return cache.get(k);\n}` },
  { name: "a state re-checked after the await before the transition", code: `export class Worker {\n  private state: "idle" | "starting" | "running" = "idle";\n  private async warmUp() {}\n  async start() {\n    if (this.state !== "idle") return;\n    await this.warmUp();\n    if (this.state === "idle") this.state = "running";\n  }\n}` },
  // Inputs of an awaited call that are not the written state.
  { name: "a reducer started from another field", code: `interface State { items: string[] }\ndeclare function reduce(state: State, action: string): Promise<State>;\nexport class Store {\n  private readonly initial: State = { items: [] };\n  private state: State = { items: [] };\n  async reset(action: string) {\n    this.state = await reduce(this.initial, action);\n  }\n}` },
  { name: "the state merged in after the awaited fetch (read after the await)", code: `interface State { items: string[] }\ndeclare function fetchRemote(): Promise<State>;\ndeclare function merge(remote: State, local: State): State;\nexport class Store {\n  private state: State = { items: [] };\n  async pull() {\n    this.state = merge(await fetchRemote(), this.state);\n  }\n}` },
  { name: "a local state threaded through awaited calls", code: `declare function next(n: number): Promise<number>;\nexport async function run(steps: number) {\n  let state = 0;\n  for (let i = 0; i < steps; i++) state = await next(state);\n  return state;\n}` },
  { name: "by default, a parameter's state passed to an awaited call (the caller's per-call object)", code: `interface Ctx { state: number }\ndeclare function next(n: number): Promise<number>;\nexport async function handle(ctx: Ctx) {\n  ctx.state = await next(ctx.state);\n}` },
  { name: "an awaited reducer inside a critical section", code: `interface State { items: string[] }\ndeclare function reduce(state: State, action: string): Promise<State>;\ndeclare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };\nexport class Store {\n  private state: State = { items: [] };\n  dispatch(action: string) {\n    return mutex.runExclusive(async () => {\n      this.state = await reduce(this.state, action);\n    });\n  }\n}` },
  { name: "an object created in the call passed to an awaited call", code: `declare function add(total: number, amount: number): Promise<number>;\nexport async function sum(amounts: number[]) {\n  const draft = { total: 0 };\n  for (const amount of amounts) draft.total = await add(draft.total, amount);\n  return draft.total;\n}` },
  // A closure whose only caller awaits each call in turn: its owner's locals are not shared.
  { name: "a closure flag whose only caller awaits each call in a stream loop", code: `${EV}export async function run(events: AsyncIterable<StreamEvent>) {\n  let deferred = false;\n  const onDone = async (event: StreamEvent) => {\n    if (deferred) return;\n    await flush();\n    deferred = true;\n    console.log(event.id);\n  };\n  for await (const event of events) {\n    if (event.type === "done") await onDone(event);\n  }\n}` },
  { name: "an inline callback awaited one event at a time by a project consumer", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let deferred = false;\n  await consume(events, async () => {\n    if (deferred) return;\n    await flush();\n    deferred = true;\n  });\n}` },
  { name: "a callback const passed once to a consumer that awaits it, returned", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport function run(events: AsyncIterable<StreamEvent>) {\n  let deferred = false;\n  const onDone = async () => {\n    if (deferred) return;\n    await flush();\n    deferred = true;\n  };\n  return consume(events, onDone);\n}` },
  { name: "a closure's Set of seen ids, the closure awaited per event", code: `${EV}export async function run(events: AsyncIterable<StreamEvent>) {\n  const seen = new Set<string>();\n  const handle = async (event: StreamEvent) => {\n    if (seen.has(event.id)) return;\n    await flush();\n    seen.add(event.id);\n  };\n  for await (const event of events) await handle(event);\n}` },
  { name: "a nested function declaration awaited in turn", code: `${EV}export async function sync(batches: string[][]) {\n  let synced = 0;\n  async function syncOne(batch: string[]) {\n    const before = synced;\n    await flush();\n    synced = before + batch.length;\n  }\n  for (const batch of batches) await syncOne(batch);\n  return synced;\n}` },
  // Removing an entry resets it, like clearing a field: it does not act on the check.
  { name: "a socket closed and removed from its map after the await", code: `declare function close(id: string): Promise<void>;\nexport class Sockets {\n  private open = new Map<string, number>();\n  async close(id: string) {\n    if (this.open.has(id)) {\n      await close(id);\n      this.open.delete(id);\n    }\n  }\n}` },
  { name: "a timer cancelled after an early return for unknown ids", code: `declare function cancel(id: string): Promise<void>;\nconst timers = new Map<string, number>();\nexport async function stop(id: string) {\n  if (!timers.has(id)) return;\n  await cancel(id);\n  timers.delete(id);\n}` },
  { name: "a subscription removed from a Set after unsubscribing", code: `declare function unsubscribe(topic: string): Promise<void>;\nexport class Bus {\n  private topics = new Set<string>();\n  async leave(topic: string) {\n    if (!this.topics.has(topic)) return;\n    await unsubscribe(topic);\n    this.topics.delete(topic);\n  }\n}` },
  // Private methods serialized by their callers: a memoized promise, a promise queue, one constructor call.
  { name: "a private method memoized by its caller through .finally (reset when settled)", code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connecting: Promise<void> | undefined;\n  async connect() {\n    this.connecting ??= this._connect().finally(() => {\n      this.connecting = undefined;\n    });\n    await this.connecting;\n  }\n  private async _connect() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}` },
  { name: "a private method memoized by its caller through .then", code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private ready: Promise<Conn> | undefined;\n  get() {\n    this.ready ??= this.open().then(() => this.conn!);\n    return this.ready;\n  }\n  private async open() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}` },
  { name: "a private init started once from the constructor, errors logged", code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  constructor() {\n    this.init().catch((error: unknown) => console.error(error));\n  }\n  private async init() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}` },
  { name: "a private warm-up voided once from the constructor", code: `declare function readConfig(): Promise<Record<string, string>>;\nexport class Settings {\n  private values: Record<string, string> | undefined;\n  constructor() {\n    void this.warmUp();\n  }\n  private async warmUp() {\n    if (!this.values) this.values = await readConfig();\n  }\n}` },
  { name: "a serial write queue: each append chained onto the previous one", code: `${LOG}  append(line: string) {\n    this.queue = this.queue.then(() => this.write(line)).catch((error: unknown) => console.error(error));\n    return this.queue;\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}` },
  { name: "a serial queue with a block callback that returns the run", code: `${LOG}  append(line: string) {\n    this.queue = this.queue.then(() => {\n      return this.write(line);\n    });\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}` },
  { name: "a serial queue that recovers from the previous failure first", code: `${LOG}  append(line: string) {\n    this.queue = this.queue.catch(() => undefined).then(() => this.write(line));\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}` },
  { name: "a sync chained with finally so it runs after every earlier one", code: `declare function upload(): Promise<number>;\nexport class Sync {\n  private tail: Promise<unknown> = Promise.resolve();\n  private version = 0;\n  schedule() {\n    this.tail = this.tail.finally(() => this.sync());\n  }\n  private async sync() {\n    const base = this.version;\n    await upload();\n    this.version = base + 1;\n  }\n}` },
  { name: "a private method behind its caller's lock: early return while one runs, cleared in finally", code: `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connectionLock?: Promise<void>;\n  async connect() {\n    if (this.connectionLock) {\n      return await this.connectionLock;\n    }\n    try {\n      this.connectionLock = this._connect();\n      await this.connectionLock;\n    } finally {\n      this.connectionLock = undefined;\n    }\n  }\n  private async _connect() {\n    if (this.conn) return;\n    this.conn = await connect();\n  }\n}` },
  // A token claimed before the await and checked after it: only the latest claimant writes.
  { name: "a stalled-check restart: the generation claimed before the await and re-checked after it (bullmq)", code: `declare function trace(name: string): Promise<void>;\nexport class Worker {\n  private gen = 0;\n  private closing = false;\n  private checkerPromise: Promise<void> | undefined;\n  private async check(): Promise<void> {}\n  async startStalledCheck() {\n    const generation = ++this.gen;\n    const prev = this.checkerPromise;\n    await trace("stalled");\n    if (this.closing || generation !== this.gen) return;\n    this.checkerPromise = (prev?.catch(() => {}) ?? Promise.resolve()).then(() => this.check());\n  }\n}` },
  { name: "a load superseded by a newer one: the generation checked in try and in catch", code: `interface Company { name: string }\ndeclare function fetchCompany(): Promise<Company>;\nexport class CompanyPage {\n  private generation = 0;\n  private company: Company | undefined;\n  private error = "";\n  async load() {\n    if (!this.company) {\n      const generation = ++this.generation;\n      try {\n        const company = await fetchCompany();\n        if (generation !== this.generation) return;\n        this.company = company;\n      } catch (e) {\n        if (generation === this.generation) this.error = String(e);\n      }\n    }\n  }\n}` },
  { name: "a renew whose token object is stored before the await; a superseded call throws", code: `interface Session { id: string }\ndeclare function refresh(id: string): Promise<Session>;\nexport class Auth {\n  private currentToken: object | undefined;\n  private session: Session | undefined;\n  async renew() {\n    const token = {};\n    this.currentToken = token;\n    const previous = this.session;\n    const next = await refresh(previous?.id ?? "");\n    if (token !== this.currentToken) throw new Error("superseded by a newer renew()");\n    this.session = { ...previous, ...next };\n  }\n}` },
  { name: "a page appended only while the generation still matches (write inside the check)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation === this.loadGeneration) {\n      this.rows = [...previous, ...rows];\n    }\n  }\n}` },
  { name: "a search that stores its AbortController and checks it is still the current one", code: `declare function search(query: string, signal: AbortSignal): Promise<string>;\nexport class SearchBox {\n  private controller: AbortController | undefined;\n  private results: string[] = [];\n  async run(query: string) {\n    this.controller?.abort();\n    const controller = new AbortController();\n    this.controller = controller;\n    const previous = this.results;\n    const found = await search(query, controller.signal);\n    if (this.controller !== controller) return;\n    this.results = [...previous, found];\n  }\n}` },
  { name: "the generation bumped, then read into the token, before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen++;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a compare-and-set: the version read before the await, checked and bumped after it", code: `interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: "" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    this.version++;\n  }\n}` },
  { name: "a module-level request counter: only the latest request writes", code: `declare function query(q: string): Promise<string>;\nlet latestRequest = 0;\nlet results: string[] = [];\nexport async function lookup(q: string) {\n  const request = ++latestRequest;\n  const previous = results;\n  const found = await query(q);\n  if (request !== latestRequest) return;\n  results = [...previous, found];\n}` },
  { name: "a Symbol token stored before the await; a superseded call returns what is there", code: `interface Profile { name: string }\ndeclare function fetchProfile(): Promise<Profile>;\nexport class ProfileStore {\n  private loadToken: symbol | undefined;\n  private profile: Profile | undefined;\n  async ensure() {\n    if (this.profile) return this.profile;\n    const token = Symbol("load");\n    this.loadToken = token;\n    const profile = await fetchProfile();\n    if (this.loadToken !== token) return this.profile;\n    this.profile = profile;\n    return profile;\n  }\n}` },
  { name: "a module-level revision compared and bumped, with the write, inside the check", code: `interface Settings { theme: string }\ndeclare function upload(settings: Settings): Promise<Settings>;\nlet revision = 0;\nlet settings: Settings = { theme: "light" };\nexport async function sync() {\n  const seen = revision;\n  const local = settings;\n  const remote = await upload(local);\n  if (revision === seen) {\n    revision += 1;\n    settings = { ...local, ...remote };\n  }\n}` },
  // One race after the fix: every call awaits the same run, and the writes after it store the same values.
  { name: "the client and its ready flag after the memoize fix: the flag is set to the same constant by every call", code: `interface Raw { connected: boolean }\ndeclare function create(): Promise<Raw>;\nexport class Adapter {\n  private raw: Raw | undefined;\n  private rawPending?: Promise<Raw>;\n  private rawReady = false;\n  async ensure() {\n    if (this.rawReady) return;\n    if (!this.raw) {\n      this.raw = await (this.rawPending ??= create());\n      this.rawReady = true;\n    }\n  }\n}` },
  { name: "the memoized client stored through a const, then the ready flag", code: `interface Raw { connected: boolean }\ndeclare function create(): Promise<Raw>;\nexport class Adapter {\n  private raw: Raw | undefined;\n  private rawPromise: Promise<Raw> | undefined;\n  private rawReady = false;\n  async ensure() {\n    if (this.rawReady) return this.raw;\n    if (!this.raw) {\n      const raw = await (this.rawPromise ??= create());\n      this.raw = raw;\n      this.rawReady = true;\n    }\n    return this.raw;\n  }\n}` },
  { name: "an id added to a Set after awaiting the memoized load", code: `declare function fetchAll(): Promise<Map<string, string>>;\nexport class Registry {\n  private loading: Promise<Map<string, string>> | undefined;\n  private announced = new Set<string>();\n  async announce(id: string) {\n    if (this.announced.has(id)) return;\n    const all = await (this.loading ??= fetchAll());\n    this.announced.add(id);\n    return all.get(id);\n  }\n}` },
  { name: "the raw client replaced inside the one run its caller memoizes (bullmq connect, fixed)", code: `interface Raw { url: string; connect(): Promise<void> }\nexport class BunRedisAdapter {\n  private raw: Raw;\n  private connecting: Promise<void> | undefined;\n  private hasConnected = false;\n  constructor(raw: Raw) { this.raw = raw; }\n  private async duplicateRaw(raw: Raw): Promise<Raw> { return { ...raw }; }\n  private setupCallbacks() {}\n  async connect(replaceRaw: boolean) {\n    this.connecting ??= this.open(replaceRaw).finally(() => {\n      this.connecting = undefined;\n    });\n    await this.connecting;\n  }\n  private async open(replaceRaw: boolean) {\n    if (replaceRaw) {\n      this.raw = await this.duplicateRaw(this.raw);\n      this.setupCallbacks();\n    }\n    await this.raw.connect();\n    this.hasConnected = true;\n  }\n}` },
  { name: "two clients initialized together inside one memoized promise", code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nlet client: Conn | undefined;\nlet subscriber: Conn | undefined;\nlet initializing: Promise<void> | undefined;\nexport function init() {\n  initializing ??= (async () => {\n    const [c, s] = await Promise.all([connect(), connect()]);\n    client = c;\n    subscriber = s;\n  })();\n  return initializing;\n}` },
  { name: "a ready flag set after two awaits of memoized promises", code: `interface Identity { database: string }\ndeclare function lookup(): Promise<Identity>;\ndeclare function loadSchema(): Promise<string>;\nexport class RelayBackend {\n  private ready = false;\n  private identity: Promise<Identity> | undefined;\n  private schema: Promise<string> | undefined;\n  private getIdentity() {\n    if (!this.identity) this.identity = lookup();\n    return this.identity;\n  }\n  async ensureReady() {\n    if (this.ready) return;\n    await this.getIdentity();\n    await (this.schema ??= loadSchema());\n    this.ready = true;\n  }\n}` },
  // Issue 11, branch-aware: the read happens only on the branch that does not suspend.
  { name: "branch-aware: settings = useCache ? settings : await fetchSettings()", code: `interface Settings { theme: string }\ndeclare function fetchSettings(): Promise<Settings>;\nlet settings: Settings = { theme: "light" };\nexport async function load(useCache: boolean) {\n  settings = useCache ? settings : await fetchSettings();\n}` },
  { name: "branch-aware: this.page = refresh ? await fetchPage(1) : this.page", code: `interface Page { rows: string[] }\ndeclare function fetchPage(n: number): Promise<Page>;\nexport class Table {\n  private page: Page = { rows: [] };\n  async show(refresh: boolean) {\n    this.page = refresh ? await fetchPage(1) : this.page;\n  }\n}` },
  { name: "branch-aware: nested conditionals, the read only on the path with no await", code: `declare function fetchA(): Promise<number>;\ndeclare function fetchB(): Promise<number>;\nlet value = 0;\nexport async function pick(a: boolean, b: boolean) {\n  value = a ? (b ? value : await fetchA()) : await fetchB();\n}` },
  { name: "branch-aware: a cache entry kept on the fresh branch, loaded on the other", code: `declare function load(key: string): Promise<string>;\nconst cache = new Map<string, string>();\nexport async function refresh(key: string, fresh: boolean) {\n  cache.set(key, fresh ? cache.get(key) ?? "" : await load(key));\n}` },
  { name: "branch-aware: a generator keeps the value on one branch and takes what the consumer sends on the other", code: `let last = "";\nexport function* echo(repeat: boolean) {\n  last = repeat ? last : yield;\n}` },
  // Issue 11, yield: generators that re-read after the yield, guard before it, or only touch locals.
  { name: "yield: a sync id generator reads the counter again after the yield", code: `export class Ids {\n  private next = 0;\n  *ids() {\n    while (true) {\n      yield this.next;\n      this.next = this.next + 1;\n    }\n  }\n}` },
  { name: "yield: a sync id generator bumps the counter before the yield", code: `export class Ids {\n  private next = 0;\n  *take(count: number) {\n    for (let i = 0; i < count; i++) {\n      const id = this.next++;\n      yield id;\n    }\n  }\n}` },
  { name: "yield: a draining flag checked and set before the yield, cleared in finally", code: `export class Queue {\n  private draining = false;\n  private items: string[] = [];\n  *drain() {\n    if (this.draining) return;\n    this.draining = true;\n    try {\n      yield* this.items;\n    } finally {\n      this.draining = false;\n    }\n  }\n}` },
  { name: "yield: a running sum kept in a local of the generator", code: `export function* running(values: number[]) {\n  let sum = 0;\n  for (const v of values) {\n    sum = sum + v;\n    yield sum;\n  }\n}` },
  { name: "yield: a generator that only reads shared state", code: `export class Registry {\n  private entries = new Map<string, number>();\n  *keys() {\n    for (const [key] of this.entries) yield key;\n  }\n}` },
  { name: "yield: a constant written after yield* with no earlier read", code: `let done = false;\nexport function* lines(text: string) {\n  yield* text.split("\\n");\n  done = true;\n}` },
  { name: "yield: an async generator adds to a count with a compound assignment after the yield", code: `declare function fetchPage(n: number): Promise<string[]>;\nexport class Feed {\n  private count = 0;\n  async *all() {\n    for (let n = 0; ; n++) {\n      const rows = await fetchPage(n);\n      if (rows.length === 0) return;\n      yield rows;\n      this.count += rows.length;\n    }\n  }\n}` },
  { name: "yield: a dedupe generator whose seen-set is its own local", code: `export function* unique(items: string[]) {\n  const seen = new Set<string>();\n  for (const item of items) {\n    if (!seen.has(item)) {\n      yield item;\n      seen.add(item);\n    }\n  }\n}` },
  { name: "yield: a handle opened before the first yield", code: `interface Handle { read(): string; close(): void }\ndeclare function openHandle(path: string): Handle;\nexport class Reader {\n  private handle: Handle | undefined;\n  *lines(path: string, header: string[]) {\n    if (!this.handle) this.handle = openHandle(path);\n    yield* header;\n    yield this.handle.read();\n  }\n}` },
  { name: "yield: a handle checked again after the yield before it is opened", code: `interface Handle { read(): string; close(): void }\ndeclare function openHandle(path: string): Handle;\nexport class Reader {\n  private handle: Handle | undefined;\n  *lines(path: string, header: string[]) {\n    if (!this.handle) {\n      yield* header;\n      if (!this.handle) this.handle = openHandle(path);\n    }\n    yield this.handle?.read();\n  }\n}` },
  { name: "a plain (non-generator) function with no suspension point", code: `let total = 0;\nexport function add(n: number) {\n  const before = total;\n  total = before + n;\n}` },
  // A constant written after awaited work: the shapes that share one run, or reserve the state first.
  {
    name: "duplicate work: the in-flight LISTEN kept in place of the flag (the fix the message asks for)",
    code: `${LISTEN_DECLARATIONS}export class QueueBackend {\n  private listening: Promise<void> | undefined;\n  constructor(private readonly connection: Connection) {}\n  async ensureListening() {\n    const client = await this.connection.getListenClient();\n    this.listening ??= client.query(loadCommandSql("listen_jobs")).catch((error: unknown) => {\n      this.listening = undefined;\n      throw error;\n    });\n    await this.listening;\n    return client;\n  }\n}`,
  },
  {
    name: "duplicate work: the LISTEN flag set before the LISTEN and cleared when it fails",
    code: `${LISTEN_DECLARATIONS}export class QueueBackend {\n  private listening = false;\n  constructor(private readonly connection: Connection) {}\n  async ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.listening) {\n      this.listening = true;\n      try {\n        await client.query(loadCommandSql("listen_jobs"));\n      } catch (error) {\n        this.listening = false;\n        throw error;\n      }\n    }\n    return client;\n  }\n}`,
  },
  {
    name: "duplicate work: a private LISTEN helper awaited by a loop the constructor starts once, the flag reset by an event",
    code: `${LISTEN_DECLARATIONS}declare function claimJob(): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class QueueBackend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection & { on(event: "listenerinvalidated", listener: () => void): void }) {\n    connection.on("listenerinvalidated", () => {\n      this.#listening = false;\n    });\n    void this.#work();\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(loadCommandSql("listen_jobs"));\n      this.#listening = true;\n    }\n    return client;\n  }\n  async #work() {\n    while (!this.#closed) {\n      await this.#ensureListening();\n      if (!(await claimJob())) await sleep(1000);\n    }\n  }\n}`,
  },
  {
    name: "duplicate work: the flag set after awaiting the memoized LISTEN, so every racer awaits one run",
    code: `${LISTEN_DECLARATIONS}export class RelayBackend {\n  private listening = false;\n  private listenPending: Promise<void> | undefined;\n  constructor(private readonly connection: Connection) {}\n  async ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.listening) {\n      await (this.listenPending ??= client.query(loadCommandSql("listen_relay")));\n      this.listening = true;\n    }\n    return client;\n  }\n}`,
  },
  {
    name: "duplicate work: the flag set after a private method that returns its memoized subscription",
    code: `${LISTEN_DECLARATIONS}export class Events {\n  private subscribed = false;\n  private subscribing: Promise<void> | undefined;\n  constructor(private readonly connection: Connection) {}\n  private subscribe() {\n    this.subscribing ??= this.connection.getListenClient().then((client) => client.query(loadCommandSql("listen_events")));\n    return this.subscribing;\n  }\n  async ensureSubscribed() {\n    if (!this.subscribed) {\n      await this.subscribe();\n      this.subscribed = true;\n    }\n  }\n}`,
  },
  {
    name: "duplicate work: the world's key reserved before the worlds are created",
    code: `interface Session { id(): string; send(method: string, params: object): Promise<unknown> }\nexport class FrameManager {\n  #isolatedWorlds = new Set<string>();\n  async createIsolatedWorld(session: Session, name: string) {\n    const key = \`\${session.id()}:\${name}\`;\n    if (this.#isolatedWorlds.has(key)) return;\n    this.#isolatedWorlds.add(key);\n    await session.send("Page.addScriptToEvaluateOnNewDocument", { worldName: name });\n  }\n}`,
  },
  // Mutation survivors of shared-state-across-await.ts lines 1-600 (the release methods), session 4.
  {
    name: "??= of the in-flight promise of resources released by destroy, release, terminate and [Symbol.dispose]",
    code: `interface Socket { destroy(): void }\ninterface PoolClient { release(): void }\ninterface Worker { terminate(): Promise<number> }\ninterface Lock { [Symbol.dispose](): void }\ndeclare function connectSocket(): Promise<Socket>;\ndeclare function checkout(): Promise<PoolClient>;\ndeclare function spawnWorker(): Promise<Worker>;\ndeclare function acquire(): Promise<Lock>;\nlet socket: Promise<Socket> | undefined;\nlet client: Promise<PoolClient> | undefined;\nlet worker: Promise<Worker> | undefined;\nlet lock: Promise<Lock> | undefined;\nexport function getSocket() {\n  socket ??= connectSocket();\n  return socket;\n}\nexport function getClient() {\n  client ??= checkout();\n  return client;\n}\nexport function getWorker() {\n  worker ??= spawnWorker();\n  return worker;\n}\nexport function getLock() {\n  lock ??= acquire();\n  return lock;\n}`,
  },
  {
    name: "??= of resources created synchronously (no await between the check and the store)",
    code: `interface Socket { destroy(): void }\ninterface PoolClient { release(): void }\ninterface Worker { terminate(): Promise<number> }\ninterface Lock { [Symbol.dispose](): void }\ndeclare function connectSocketSync(): Socket;\ndeclare function acquireSync(): Lock;\nlet socket: Socket | undefined;\nlet lock: Lock | undefined;\nexport async function getSocket() {\n  socket ??= connectSocketSync();\n  await Promise.resolve();\n  return socket;\n}\nexport async function getLock() {\n  lock ??= acquireSync();\n  await Promise.resolve();\n  return lock;\n}`,
  },
  {
    name: "default lock patterns match a lock chosen by a name holding a slash (runExclusive, acquire)",
    code: `interface Lock { release(): void }\ninterface Mutex { runExclusive<T>(fn: () => Promise<T>): Promise<T>; acquire(): Promise<Lock> }\ndeclare function lockFor(name: string): Mutex;\ndeclare const locks: Map<string, Mutex>;\ndeclare function readConfig(path: string): Promise<string>;\nlet config = "";\nlet daily = 0;\nexport async function reload() {\n  await lockFor("config/app").runExclusive(async () => {\n    config = config + await readConfig("app.rc");\n  });\n}\nexport async function count() {\n  const lock = await locks.get("jobs/daily")!.acquire();\n  try {\n    daily = daily + Number(await readConfig("daily"));\n  } finally {\n    lock.release();\n  }\n}`,
  },
  {
    name: "default lock patterns: a lock chosen by a computed path (a division in the callee's text)",
    code: `interface Mutex { runExclusive<T>(fn: () => Promise<T>): Promise<T> }\ndeclare const shards: Mutex[];\ndeclare function readConfig(path: string): Promise<string>;\nlet config = "";\nexport async function reload(id: number) {\n  await shards[Math.floor(id / 16)].runExclusive(async () => {\n    config = config + await readConfig("app.rc");\n  });\n}`,
  },
  { name: "the memoized result through a let that nothing writes again", code: `${RAW}\n  async get() {\n    if (!this.raw) {\n      this.rawPromise ??= this.load();\n      let raw = await this.rawPromise;\n      this.raw = raw;\n      console.log(raw.n);\n    }\n    return this.raw;\n  }\n}` },
  { name: "the memoized result through a var read in a nested function", code: `${RAW}\n  async get() {\n    if (!this.raw) {\n      var raw = await (this.rawPromise ??= this.load());\n      this.raw = raw;\n      setTimeout(() => console.log(raw.n), 0);\n    }\n    return this.raw;\n  }\n}` },
  {
    name: "streams: the async read() of a Readable built from options, every push followed only by a return (bullmq's scanStream)",
    code: `import { Readable } from "node:stream";\ndeclare function scan(cursor: string): Promise<[string, string[]]>;\nexport function scanStream() {\n  let cursor = "0";\n  let started = false;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      if (started && cursor === "0") {\n        readable.push(null);\n        return;\n      }\n      started = true;\n      try {\n        while (true) {\n          const [nextCursor, keys] = await scan(cursor);\n          cursor = nextCursor;\n          if (keys.length > 0) {\n            readable.push(keys);\n            if (cursor === "0") readable.push(null);\n            return;\n          }\n          if (cursor === "0") {\n            readable.push(null);\n            return;\n          }\n        }\n      } catch (err) {\n        readable.destroy(err as Error);\n      }\n    },\n  });\n  return readable;\n}`,
  },
  {
    name: "streams: the async write() of a Writable built from options, the callback called last",
    code: `import { Writable } from "node:stream";\ndeclare function send(batch: string[]): Promise<void>;\nexport function batchWriter() {\n  let pending: string[] = [];\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      pending.push(chunk);\n      if (pending.length < 10) return callback();\n      const batch = pending;\n      try {\n        await send(batch);\n        sent = sent + batch.length;\n        pending = pending === batch ? [] : pending;\n        callback();\n      } catch (err) {\n        callback(err as Error);\n      }\n    },\n  });\n}`,
  },
  {
    name: "streams: the async transform() of a Transform built from options, the callback called in each exit",
    code: `import { Transform } from "node:stream";\ndeclare function enrich(row: string): Promise<string>;\nexport function enricher() {\n  let seen = 0;\n  return new Transform({\n    objectMode: true,\n    async transform(row: string, _encoding, done) {\n      const count = seen;\n      try {\n        const rich = await enrich(row);\n        seen = count + 1;\n        done(null, rich);\n      } catch (err) {\n        done(err as Error);\n      }\n    },\n  });\n}`,
  },
];

// Cases from the mutation run of lines 601-800 (bench/mutation/shared-state-across-await-lines-601-800.md).
const invalid601: InvalidCase[] = [
  // (601-800 must-flag cases go here)
  { name: "collections: a topic list checked with indexOf and filled with push or unshift after the await", code: `declare function subscribe(topic: string): Promise<void>;\nexport class Hub {\n  private topics: string[] = [];\n  async join(topic: string) {\n    if (this.topics.indexOf(topic) === -1) {\n      await subscribe(topic);\n      this.topics.push(topic);\n    }\n  }\n  async joinFirst(topic: string) {\n    if (this.topics.indexOf(topic) === -1) {\n      await subscribe(topic);\n      this.topics.unshift(topic);\n    }\n  }\n}`, errors: [
    {
      messageId: "checkThenActCollection",
      line: 7,
      column: 7,
      message: checkThenActCollection("this.topics", "topic"),
    },
    {
      messageId: "checkThenActCollection",
      line: 13,
      column: 7,
      message: checkThenActCollection("this.topics", "topic"),
    },
  ] },
  { name: "locations: a collection key with spaces and optional chaining is named in its normalized form", code: `interface Request { tenant?: { id: string } }\ndeclare function loadPlan(tenant: string): Promise<string>;\nconst DEFAULT_TENANT = "public";\nconst plans = new Map<string, string>();\nexport async function planFor(req: Request) {\n  if (!plans.has(req.tenant?.id ?? DEFAULT_TENANT)) {\n    plans.set(req.tenant?.id ?? DEFAULT_TENANT, await loadPlan(req.tenant?.id ?? DEFAULT_TENANT));\n  }\n  return plans.get(req.tenant?.id ?? DEFAULT_TENANT);\n}`, errors: [
    {
      messageId: "duplicateInitCollection",
      line: 7,
      column: 5,
      message: duplicateInitCollection("plans", "req.tenant.id??DEFAULT_TENANT"),
      fixes: [
        [
          "Cache the in-flight promise",
          `interface Request { tenant?: { id: string } }\ndeclare function loadPlan(tenant: string): Promise<string>;\nconst DEFAULT_TENANT = "public";\nconst plans = new Map<string, string>();\nconst plansPending = new Map<string, Promise<string>>();\nexport async function planFor(req: Request) {\n  if (!plans.has(req.tenant?.id ?? DEFAULT_TENANT)) {\n    let pending = plansPending.get(req.tenant?.id ?? DEFAULT_TENANT);\n    if (!pending) {\n      pending = loadPlan(req.tenant?.id ?? DEFAULT_TENANT);\n      plansPending.set(req.tenant?.id ?? DEFAULT_TENANT, pending);\n    }\n    plans.set(req.tenant?.id ?? DEFAULT_TENANT, await pending);\n  }\n  return plans.get(req.tenant?.id ?? DEFAULT_TENANT);\n}`,
        ],
      ],
    },
  ] },
  { name: "branch-aware: a field read only in the condition of a conditional whose branch awaits (this.conn = !this.conn ? await connect() : this.conn)", code: `interface Conn { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  async connection() {\n    this.conn = !this.conn ? await connect() : this.conn;\n    return this.conn;\n  }\n}`, errors: [
    {
      messageId: "readModifyWrite",
      line: 6,
      column: 5,
      message: lostUpdate("this.conn"),
    },
  ] },
  { name: "for await is a suspension point: a snapshot written back after a for await loop", code: `let received = 0;\nexport async function drain(chunks: AsyncIterable<Uint8Array>) {\n  const before = received;\n  let bytes = 0;\n  for await (const chunk of chunks) bytes += chunk.length;\n  received = before + bytes;\n}`, errors: [
    {
      messageId: "staleSnapshot",
      line: 6,
      column: 3,
      message: staleSnapshot("received", "before"),
    },
  ] },
  { name: "closures: a closure awaited in a stream loop and also started by an abort listener", code: `${EV}export async function run(events: AsyncIterable<StreamEvent>, signal: AbortSignal) {\n  let flushed = false;\n  const finish = async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  };\n  signal.addEventListener("abort", () => void finish());\n  for await (const event of events) if (event.type === "done") await finish();\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 8,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a closure its owner never calls: no awaited call shows it runs one call at a time", code: `${EV}export async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  const finish = async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  };\n  for await (const event of events) console.log(event.id);\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 8,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a const callback passed to an awaiting consumer and also started by an abort listener", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(events: AsyncIterable<StreamEvent>, signal: AbortSignal) {\n  let flushed = false;\n  const onEvent = async (event: StreamEvent) => {\n    if (flushed || event.type !== "done") return;\n    await flush();\n    flushed = true;\n  };\n  await consume(events, onEvent);\n  signal.addEventListener("abort", () => void onEvent({ type: "done", id: "abort" }));\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 11,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a callback returned to a consumer and used again in a finally (which runs while the consumer still calls it)", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  const onEvent = async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  };\n  try {\n    return consume(events, onEvent);\n  } finally {\n    await onEvent();\n  }\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 11,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: consumers started without await, one per stream, share the owner's flag", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport function run(streams: AsyncIterable<StreamEvent>[]) {\n  let flushed = false;\n  for (const events of streams) {\n    void consume(events, async () => {\n      if (flushed) return;\n      await flush();\n      flushed = true;\n    });\n  }\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 12,
      column: 7,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a const callback awaited by its consumer inside a listener the owner registers", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\ninterface Feed { on(event: "batch", listener: (events: AsyncIterable<StreamEvent>) => void): void }\nexport function watch(feed: Feed) {\n  let flushed = false;\n  const onEvent = async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  };\n  feed.on("batch", async (events) => {\n    await consume(events, onEvent);\n  });\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 12,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a callback handed to a method known only by its declaration (it may run it concurrently)", code: `${EV}interface EventSource { forEach(fn: (event: StreamEvent) => Promise<void>, options?: { concurrency?: number }): Promise<void> }\nexport async function run(source: EventSource) {\n  let flushed = false;\n  await source.forEach(async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  }, { concurrency: 4 });\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 9,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a callback handed to a rest parameter", code: `${EV}async function parallel(...tasks: (() => Promise<void>)[]) {\n  await Promise.all(tasks.map((task) => task()));\n}\nexport async function run() {\n  let flushed = false;\n  await parallel(\n    async () => {\n      if (flushed) return;\n      await flush();\n      flushed = true;\n    },\n    () => flush(),\n  );\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 12,
      column: 7,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures (JavaScript): consumers forwarding their arguments with apply: a callback beyond the parameters, a parameter never named", code: `async function flush() {}\nasync function drainAll(events, onEvent) {\n  await Promise.all(events.map((event) => onEvent(event)));\n}\nfunction consume(events) {\n  return drainAll.apply(null, arguments);\n}\nfunction consumeEach(events, onEvent) {\n  return drainAll.apply(null, arguments);\n}\nexport async function run(events) {\n  let flushed = false;\n  await consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}\nexport async function runEach(events) {\n  let flushed = false;\n  await consumeEach(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}`, fileName: "file.js", errors: [
    {
      messageId: "duplicateWork",
      line: 16,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
    {
      messageId: "duplicateWork",
      line: 24,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "closures: a consumer that awaits its callback on one path and starts it without await on another", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) {\n    if (event.type === "ping") void onEvent(event);\n    else await onEvent(event);\n  }\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  await consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 14,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
  { name: "memoized promises: an entry checked under one key and stored under another memoizes nothing", code: `interface User { id: string; name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport class Users {\n  private loading = new Map<string, Promise<User>>();\n  private current: User | undefined;\n  async load(id: string) {\n    if (this.current) return this.current;\n    const key = id.trim().toLowerCase();\n    if (!this.loading.get(id)) this.loading.set(key, fetchUser(key));\n    const pending = this.loading.get(key)!;\n    this.current = await pending;\n    return this.current;\n  }\n}`, errors: [
    {
      messageId: "duplicateInit",
      line: 11,
      column: 5,
      message: duplicateInit("this.current"),
    },
  ] },
  { name: "serialized callers: a private method started by a field initializer and again by an arrow field", code: `interface Conn { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Store {\n  private conn: Conn | undefined;\n  private ready = this.init();\n  private readonly onReconnect = () => {\n    this.ready = this.init();\n  };\n  private async init() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n  }\n  async query(sql: string) {\n    await this.ready;\n    await this.conn?.query(sql);\n  }\n}`, errors: [
    {
      messageId: "duplicateInit",
      line: 11,
      column: 7,
      message: duplicateInit("this.conn"),
      fixes: [
        [
          MEMO,
          `interface Conn { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Store {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private ready = this.init();\n  private readonly onReconnect = () => {\n    this.ready = this.init();\n  };\n  private async init() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    }\n  }\n  async query(sql: string) {\n    await this.ready;\n    await this.conn?.query(sql);\n  }\n}`,
        ],
      ],
    },
  ] },
  { name: "closures: an arrow consumer in a const that starts each call without await", code: `${EV}const consume = async (events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) => {\n  for await (const event of events) void onEvent(event);\n};\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  await consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}`, errors: [
    {
      messageId: "duplicateWork",
      line: 11,
      column: 5,
      message: duplicateWork("flushed", "flush", "true"),
    },
  ] },
];
const valid601: ValidCase[] = [
  // (601-800 must-not-flag cases go here)
  { name: "collections: an awaited entry of a promise map deleted after the await; every caller marks the same id", code: `declare function run(id: string): Promise<void>;\nexport class Jobs {\n  private pending = new Map<string, Promise<void>>();\n  private done = new Set<string>();\n  start(id: string) {\n    this.pending.set(id, run(id));\n  }\n  async finish(id: string) {\n    if (this.done.has(id)) return;\n    await this.pending.get(id);\n    this.pending.delete(id);\n    this.done.add(id);\n  }\n}` },
  { name: "collections: a signal's get() and set() (no key) are not collection calls", code: `interface Signal<T> { get(): T; set(value: T): void }\ndeclare function fetchRows(): Promise<string[]>;\nexport class Table {\n  constructor(private readonly loading: Signal<boolean>, private readonly rows: Signal<string[]>) {}\n  async refresh() {\n    if (this.loading.get()) return;\n    this.loading.set(true);\n    this.rows.set(await fetchRows());\n    this.loading.set(false);\n  }\n}` },
  { name: "options: criticalSections **.runExclusive matches a lock chosen by a dot-file path", code: `interface Mutex { runExclusive<T>(fn: () => Promise<T>): Promise<T> }\ndeclare function lockFor(path: string): Mutex;\ndeclare function readConfig(path: string): Promise<string>;\nlet config = "";\nexport async function reload() {\n  await lockFor("~/.apprc").runExclusive(async () => {\n    config = config + await readConfig("~/.apprc");\n  });\n}`, options: {criticalSections: ["**.runExclusive"]} },
  { name: "options: lockAcquisitions **.acquire matches a lock chosen by a dot-file path", code: `interface Lock { release(): void }\ninterface Mutex { acquire(): Promise<Lock> }\ndeclare function lockFor(path: string): Mutex;\ndeclare function readConfig(path: string): Promise<string>;\nlet config = "";\nexport async function reload() {\n  const lock = await lockFor("~/.apprc").acquire();\n  try {\n    config = config + await readConfig("~/.apprc");\n  } finally {\n    lock.release();\n  }\n}`, options: {lockAcquisitions: ["**.acquire"]} },
  { name: "for-of without await is no suspension point: a snapshot written back after a plain loop, before the await", code: `declare function save(total: number): Promise<void>;\nlet received = 0;\nexport async function count(chunks: Uint8Array[]) {\n  const before = received;\n  let bytes = 0;\n  for (const chunk of chunks) bytes += chunk.length;\n  received = before + bytes;\n  await save(received);\n}` },
  { name: "for await: the shared total read again after the loop", code: `let received = 0;\nexport async function drain(chunks: AsyncIterable<Uint8Array>) {\n  let bytes = 0;\n  for await (const chunk of chunks) bytes += chunk.length;\n  received = received + bytes;\n}` },
  { name: "closures: a closure awaited in turn, and a method of the same name on another object", code: `${EV}interface Storage { save(): Promise<void> }\nexport async function run(events: AsyncIterable<StreamEvent>, storage: Storage) {\n  let saved = 0;\n  const save = async (event: StreamEvent) => {\n    const before = saved;\n    await flush();\n    saved = before + 1;\n    console.log(event.id);\n  };\n  for await (const event of events) await save(event);\n  await storage.save();\n}` },
  { name: "closures: an awaited consumer call in parentheses", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  await (consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  }));\n}` },
  { name: "closures: an overloaded project consumer (its implementation is read)", code: `${EV}function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>): Promise<void>;\nfunction consume(events: StreamEvent[], onEvent: (event: StreamEvent) => Promise<void>): Promise<void>;\nasync function consume(events: AsyncIterable<StreamEvent> | StreamEvent[], onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(events: StreamEvent[]) {\n  let flushed = false;\n  await consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}` },
  { name: "closures: consumers awaited one stream after another share the owner's flag in turn", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(streams: AsyncIterable<StreamEvent>[]) {\n  let flushed = false;\n  for (const events of streams) {\n    await consume(events, async () => {\n      if (flushed) return;\n      await flush();\n      flushed = true;\n    });\n  }\n}` },
  { name: "closures: a const callback run by an awaiting consumer, then awaited once more", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function sync(events: AsyncIterable<StreamEvent>) {\n  let flushed = 0;\n  const onEvent = async (event: StreamEvent) => {\n    const before = flushed;\n    await flush();\n    flushed = before + 1;\n    console.log(event.id);\n  };\n  await consume(events, onEvent);\n  await onEvent({ type: "end", id: "" });\n  return flushed;\n}` },
  { name: "closures: a const callback run by an awaiting consumer, then awaited in a finally", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  const onEvent = async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  };\n  try {\n    await consume(events, onEvent);\n  } finally {\n    await onEvent();\n  }\n}` },
  { name: "closures: a consumer that awaits its callback on both paths", code: `${EV}async function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) {\n    if (event.type === "ping") await onEvent({ ...event, type: "pong" });\n    else await onEvent(event);\n  }\n}\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  await consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}` },
  { name: "locations: the in-flight promise stored under a key with spaces and optional chaining", code: `interface Request { tenant?: { id: string } }\ndeclare function loadPlan(tenant: string): Promise<string>;\nconst DEFAULT_TENANT = "public";\nconst plans = new Map<string, Promise<string>>();\nexport async function planFor(req: Request) {\n  if (!plans.has(req.tenant?.id ?? DEFAULT_TENANT)) {\n    plans.set(req.tenant?.id ?? DEFAULT_TENANT, loadPlan(req.tenant?.id ?? DEFAULT_TENANT));\n  }\n  return await plans.get(req.tenant?.id ?? DEFAULT_TENANT);\n}` },
  { name: "memoized promises: an entry checked and stored under the same normalized key", code: `interface User { id: string; name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport class Users {\n  private loading = new Map<string, Promise<User>>();\n  private current: User | undefined;\n  async load(id: string) {\n    if (this.current) return this.current;\n    const key = id.trim().toLowerCase();\n    if (!this.loading.get(key)) this.loading.set(key, fetchUser(key));\n    const pending = this.loading.get(key)!;\n    this.current = await pending;\n    return this.current;\n  }\n}` },
  { name: "serialized callers: a private method started once by a field initializer", code: `interface Conn { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Store {\n  private conn: Conn | undefined;\n  private readonly ready = this.init();\n  private async init() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n  }\n  async query(sql: string) {\n    await this.ready;\n    await this.conn?.query(sql);\n  }\n}` },
  { name: "serialized callers: a private static method started once by a static block", code: `interface Conn { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  static conn: Conn | undefined;\n  static {\n    void this.open();\n  }\n  private static async open() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n  }\n}` },
  { name: "serialized callers: a static block and a static method both memoize the private method's promise in one field", code: `interface Conn { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  static conn: Conn | undefined;\n  static connecting: Promise<void> | undefined;\n  static {\n    this.connecting ??= this.open().catch(() => {\n      this.connecting = undefined;\n    });\n  }\n  static ready() {\n    this.connecting ??= this.open().catch(() => {\n      this.connecting = undefined;\n    });\n    return this.connecting;\n  }\n  private static async open() {\n    if (!this.conn) this.conn = await connect();\n  }\n}` },
  { name: "closures: an arrow consumer in a const awaits each call in turn", code: `${EV}const consume = async (events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) => {\n  for await (const event of events) await onEvent(event);\n};\nexport async function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = false;\n  await consume(events, async () => {\n    if (flushed) return;\n    await flush();\n    flushed = true;\n  });\n}` },
  { name: "closures: an arrow consumer in a class field awaits each call in turn", code: `${EV}export class Worker {\n  private readonly consume = async (events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) => {\n    for await (const event of events) await onEvent(event);\n  };\n  async run(events: AsyncIterable<StreamEvent>) {\n    let flushed = false;\n    await this.consume(events, async () => {\n      if (flushed) return;\n      await flush();\n      flushed = true;\n    });\n  }\n}` },
  { name: "a JavaScript function that forgot async (its await is a SyntaxError when run) is not analyzed", code: `let total = 0;\nasync function price() {\n  return 1;\n}\nexport function add() {\n  total = total + await price();\n}`, fileName: "file.js" },
];

// Cases from the mutation run of lines 801-1200 (bench/mutation/shared-state-across-await-lines-801-1200.md).
const invalid801: InvalidCase[] = [
  // (801-1200 must-flag cases go here)
  {
    name: "a room marked joined with its id awaited again in the add (no other await between the check and the add)",
    code: "export class Rooms {\n  private joined = new Set<string>();\n  constructor(private session: { roomId(): Promise<string> }) {}\n  async markJoined() {\n    if (!this.joined.has(await this.session.roomId())) this.joined.add(await this.session.roomId());\n  }\n}",
    errors: [{ messageId: "duplicateInitCollection", line: 5, column: 56, message: duplicateInitCollection("this.joined", "await this.session.roomId()") }],
  },
  {
    name: "a read-modify-write through awaited calls whose names are 60 and 61 characters long (quoted, and not)",
    code: `interface Balance { cents: number }\ninterface Ledger {\n  reconcileEscrowBalanceUpstream(balance: Balance): Promise<Balance>;\n  reconcilePendingBalanceUpstream(balance: Balance): Promise<Balance>;\n}\nexport class Account {\n  private escrow: Balance = { cents: 0 };\n  private pending: Balance = { cents: 0 };\n  constructor(private readonly replication: { remoteLedger: Ledger }) {}\n  async reconcile() {\n    this.escrow = await this.replication.remoteLedger.reconcileEscrowBalanceUpstream(this.escrow);\n    this.pending = await this.replication.remoteLedger.reconcilePendingBalanceUpstream(this.pending);\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWriteCall",
        line: 11,
        column: 5,
        message: readModifyWriteCall("this.escrow", "this.replication.remoteLedger.reconcileEscrowBalanceUpstream"),
      },
      {
        messageId: "readModifyWrite",
        line: 12,
        column: 5,
        message: lostUpdate("this.pending"),
      },
    ],
  },
  {
    name: "duplicate work after awaited calls whose names are 60 and 61 characters long (quoted, and not)",
    code: `interface ListenClient {\n  subscribeToNotificationChannels(names: string[]): Promise<void>;\n  subscribeAllNotificationChannels(): Promise<void>;\n}\nexport class Notifier {\n  private subscribed = false;\n  private subscribedAll = false;\n  constructor(private readonly connection: { listenClient: ListenClient }) {}\n  async subscribe(names: string[]) {\n    if (!this.subscribed) {\n      await this.connection.listenClient.subscribeToNotificationChannels(names);\n      this.subscribed = true;\n    }\n  }\n  async subscribeAll() {\n    if (!this.subscribedAll) {\n      await this.connection.listenClient.subscribeAllNotificationChannels();\n      this.subscribedAll = true;\n    }\n  }\n}`,
    errors: [
      {
        messageId: "duplicateWork",
        line: 12,
        column: 7,
        message: duplicateWork("this.subscribed", "this.connection.listenClient.subscribeToNotificationChannels", "true"),
      },
      {
        messageId: "duplicateInit",
        line: 18,
        column: 7,
        message: duplicateInit("this.subscribedAll"),
      },
    ],
  },
  {
    name: "initialization in the then branch of an if with an else branch",
    code: `interface Client { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Client>;\nexport class Pool {\n  private client: Client | undefined;\n  private reused = 0;\n  async getClient() {\n    if (!this.client) {\n      this.client = await connect();\n    } else {\n      this.reused++;\n    }\n    return this.client;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.client"),
        fixes: [
          [
            MEMO,
            `interface Client { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Client>;\nexport class Pool {\n  private client: Client | undefined;\n  private clientPending?: Promise<Client>;\n  private reused = 0;\n  async getClient() {\n    if (!this.client) {\n      this.client = await (this.clientPending ??= connect().finally(() => { this.clientPending = undefined; }));\n    } else {\n      this.reused++;\n    }\n    return this.client;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a compound write after a check, from a const holding the memoized promise's result",
    code: `export class Layout {\n  private offset = 0;\n  private headerSize: Promise<number> | undefined;\n  constructor(private readonly measureHeader: () => Promise<number>) {}\n  async place() {\n    if (this.offset === 0) {\n      const size = await (this.headerSize ??= this.measureHeader());\n      this.offset += size;\n    }\n    return this.offset;\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 8, column: 7, message: checkThenAct("this.offset") }],
  },
  {
    name: "a let holding the memoized result, reassigned with the call's own overrides before it is stored",
    code: `interface Config { retries: number; region: string }\nexport class Client {\n  private config: Config | undefined;\n  private loading: Promise<Config> | undefined;\n  constructor(private readonly fetchConfig: () => Promise<Config>) {}\n  async configure(overrides?: Partial<Config>) {\n    if (!this.config) {\n      let config = await (this.loading ??= this.fetchConfig());\n      if (overrides) config = { ...config, ...overrides };\n      this.config = config;\n    }\n    return this.config;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.config") }],
  },
  {
    name: "the memoized result stored after another await each call repeats",
    code: `interface Schema { version: number }\nexport class Catalog {\n  private schema: Schema | undefined;\n  private schemaPromise: Promise<Schema> | undefined;\n  constructor(private readonly db: { migrate(): Promise<void>; loadSchema(): Promise<Schema> }) {}\n  async getSchema() {\n    if (!this.schema) {\n      await this.db.migrate();\n      this.schema = await (this.schemaPromise ??= this.db.loadSchema());\n    }\n    return this.schema;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 9, column: 7, message: duplicateInit("this.schema") }],
  },
  {
    name: "a resource awaited from a new Promise: the memoized new expression is parenthesized",
    code: `interface Socket { write(data: string): void; end(): void }\ndeclare const server: { once(event: "connection", listener: (socket: Socket) => void): void };\nexport class Bridge {\n  private peer: Socket | undefined;\n  async send(data: string) {\n    if (!this.peer) {\n      this.peer = await new Promise<Socket>((resolve) => server.once("connection", resolve));\n    }\n    this.peer.write(data);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateResource",
        line: 7,
        column: 7,
        message: duplicateResource("this.peer", "end"),
        fixes: [
          [
            MEMO,
            `interface Socket { write(data: string): void; end(): void }\ndeclare const server: { once(event: "connection", listener: (socket: Socket) => void): void };\nexport class Bridge {\n  private peer: Socket | undefined;\n  private peerPending?: Promise<Socket>;\n  async send(data: string) {\n    if (!this.peer) {\n      this.peer = await (this.peerPending ??= (new Promise<Socket>((resolve) => server.once("connection", resolve))).finally(() => { this.peerPending = undefined; }));\n    }\n    this.peer.write(data);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a cache stampede on a WeakMap: no in-flight Map is offered",
    code: `interface Request { url: string }\ninterface Session { user: string }\ndeclare function loadSession(request: Request): Promise<Session>;\nexport class Sessions {\n  private readonly byRequest: WeakMap<Request, Session> = new WeakMap();\n  async get(request: Request) {\n    if (!this.byRequest.has(request)) {\n      this.byRequest.set(request, await loadSession(request));\n    }\n    return this.byRequest.get(request);\n  }\n}`,
    errors: [{ messageId: "duplicateInitCollection", line: 8, column: 7, message: duplicateInitCollection("this.byRequest", "request") }],
  },
  {
    name: "a compound update as the body of an if without braces: no hoist is offered",
    code: `declare function measureResponse(): Promise<number>;\nexport class Metrics {\n  private bytes = 0;\n  constructor(private readonly enabled: boolean) {}\n  async record() {\n    if (this.enabled) this.bytes += await measureResponse();\n  }\n}`,
    errors: [{ messageId: "readModifyWrite", line: 6, column: 23, message: lostUpdate("this.bytes") }],
  },
  {
    name: "a map entry initialized with a fresh value after awaiting the memoized connection",
    code: `export class Channels {\n  private readonly members = new Map<string, Set<string>>();\n  private connecting: Promise<void> | undefined;\n  constructor(private readonly connect: () => Promise<void>) {}\n  async join(channel: string, user: string) {\n    if (!this.members.has(channel)) {\n      await (this.connecting ??= this.connect());\n      this.members.set(channel, new Set<string>());\n    }\n    this.members.get(channel)?.add(user);\n  }\n}`,
    errors: [{ messageId: "duplicateInitCollection", line: 8, column: 7, message: duplicateInitCollection("this.members", "channel") }],
  },
  // The hoist fix (the mutant of the operator test in hoistFix was right).
  {
    name: "a compound update of a sum holding an await: the hoist keeps the other operand in place",
    code: `declare function uploadChunk(chunk: Uint8Array): Promise<number>;\nexport class Upload {\n  private sent = 0;\n  async send(chunk: Uint8Array, overhead: number) {\n    this.sent += overhead + await uploadChunk(chunk);\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 5,
        column: 5,
        message: lostUpdate("this.sent"),
        fixes: [
          [
            HOIST,
            `declare function uploadChunk(chunk: Uint8Array): Promise<number>;\nexport class Upload {\n  private sent = 0;\n  async send(chunk: Uint8Array, overhead: number) {\n    const awaited = await uploadChunk(chunk);\n    this.sent += overhead + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "defaults through ??, || and && with an await on the right: no hoist is offered (the await runs on one path only)",
    code: `declare function fetchLimit(): Promise<number>;\ndeclare function fetchRegion(): Promise<string>;\ndeclare function checkLicense(): Promise<boolean>;\nlet limit: number | undefined;\nlet region = "";\nlet enabled = true;\nexport async function configure() {\n  limit = limit ?? await fetchLimit();\n  region = region || await fetchRegion();\n  enabled = enabled && await checkLicense();\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 8,
        column: 3,
        message: lostUpdate("limit"),
      },
      {
        messageId: "readModifyWrite",
        line: 9,
        column: 3,
        message: lostUpdate("region"),
      },
      {
        messageId: "readModifyWrite",
        line: 10,
        column: 3,
        message: lostUpdate("enabled"),
      },
    ],
  },
];
const valid801: ValidCase[] = [
  // (801-1200 must-not-flag cases go here)
  {
    name: "a room marked joined with its id awaited once before the check",
    code: "export class Rooms {\n  private joined = new Set<string>();\n  constructor(private session: { roomId(): Promise<string> }) {}\n  async markJoined() {\n    const room = await this.session.roomId();\n    if (!this.joined.has(room)) this.joined.add(room);\n  }\n}",
  },
  {
    name: "a read-modify-write through an awaited call with a long name inside a critical section",
    code: `interface Balance { cents: number }\ninterface Ledger { reconcilePendingBalanceUpstream(balance: Balance): Promise<Balance> }\ndeclare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };\nexport class Account {\n  private pending: Balance = { cents: 0 };\n  constructor(private readonly replication: { remoteLedger: Ledger }) {}\n  reconcile() {\n    return mutex.runExclusive(async () => {\n      this.pending = await this.replication.remoteLedger.reconcilePendingBalanceUpstream(this.pending);\n    });\n  }\n}`,
  },
  {
    name: "duplicate work: the flag set after awaiting the memoized subscription with a long name",
    code: `interface ListenClient { subscribeAllNotificationChannels(): Promise<void> }\nexport class Notifier {\n  private subscribedAll = false;\n  private subscribing: Promise<void> | undefined;\n  constructor(private readonly connection: { listenClient: ListenClient }) {}\n  async subscribeAll() {\n    if (!this.subscribedAll) {\n      await (this.subscribing ??= this.connection.listenClient.subscribeAllNotificationChannels());\n      this.subscribedAll = true;\n    }\n  }\n}`,
  },
  {
    name: "the in-flight connection stored in the then branch of an if with an else branch",
    code: `interface Client { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Client>;\nexport class Pool {\n  private connecting: Promise<Client> | undefined;\n  private reused = 0;\n  async getClient() {\n    if (!this.connecting) {\n      this.connecting = connect();\n    } else {\n      this.reused++;\n    }\n    return await this.connecting;\n  }\n}`,
  },
  {
    name: "a plain write after a check, from a const holding the memoized promise's result",
    code: `export class Layout {\n  private offset = 0;\n  private headerSize: Promise<number> | undefined;\n  constructor(private readonly measureHeader: () => Promise<number>) {}\n  async place() {\n    if (this.offset === 0) {\n      const size = await (this.headerSize ??= this.measureHeader());\n      this.offset = size;\n    }\n    return this.offset;\n  }\n}`,
  },
  {
    name: "a const holding the memoized result, stored after the check",
    code: `interface Config { retries: number; region: string }\nexport class Client {\n  private config: Config | undefined;\n  private loading: Promise<Config> | undefined;\n  constructor(private readonly fetchConfig: () => Promise<Config>) {}\n  async configure() {\n    if (!this.config) {\n      const config = await (this.loading ??= this.fetchConfig());\n      this.config = config;\n    }\n    return this.config;\n  }\n}`,
  },
  {
    name: "the memoized result stored, the migration inside the memoized promise",
    code: `interface Schema { version: number }\nexport class Catalog {\n  private schema: Schema | undefined;\n  private schemaPromise: Promise<Schema> | undefined;\n  constructor(private readonly db: { migrate(): Promise<void>; loadSchema(): Promise<Schema> }) {}\n  async getSchema() {\n    if (!this.schema) {\n      this.schema = await (this.schemaPromise ??= this.db.migrate().then(() => this.db.loadSchema()));\n    }\n    return this.schema;\n  }\n}`,
  },
  {
    name: "a resource awaited from a memoized new Promise",
    code: `interface Socket { write(data: string): void; end(): void }\ndeclare const server: { once(event: "connection", listener: (socket: Socket) => void): void };\nexport class Bridge {\n  private peer: Socket | undefined;\n  private peerPending: Promise<Socket> | undefined;\n  async send(data: string) {\n    if (!this.peer) {\n      this.peer = await (this.peerPending ??= new Promise<Socket>((resolve) => server.once("connection", resolve)));\n    }\n    this.peer.write(data);\n  }\n}`,
  },
  {
    name: "the in-flight session cached per request in a WeakMap",
    code: `interface Request { url: string }\ninterface Session { user: string }\ndeclare function loadSession(request: Request): Promise<Session>;\nexport class Sessions {\n  private readonly pending = new WeakMap<Request, Promise<Session>>();\n  async get(request: Request) {\n    let session = this.pending.get(request);\n    if (!session) {\n      session = loadSession(request);\n      this.pending.set(request, session);\n    }\n    return await session;\n  }\n}`,
  },
  {
    name: "the awaited size read into a const before the compound update",
    code: `declare function measureResponse(): Promise<number>;\nexport class Metrics {\n  private bytes = 0;\n  constructor(private readonly enabled: boolean) {}\n  async record() {\n    if (this.enabled) {\n      const size = await measureResponse();\n      this.bytes += size;\n    }\n  }\n}`,
  },
  {
    name: "a map entry set to true after awaiting the memoized connection",
    code: `export class Channels {\n  private readonly joined = new Map<string, boolean>();\n  private connecting: Promise<void> | undefined;\n  constructor(private readonly connect: () => Promise<void>) {}\n  async join(channel: string) {\n    if (!this.joined.has(channel)) {\n      await (this.connecting ??= this.connect());\n      this.joined.set(channel, true);\n    }\n  }\n}`,
  },
  {
    name: "a map entry set to false after awaiting the memoized connection",
    code: `export class Channels {\n  private readonly muted = new Map<string, boolean>();\n  private connecting: Promise<void> | undefined;\n  constructor(private readonly connect: () => Promise<void>) {}\n  async register(channel: string) {\n    if (!this.muted.has(channel)) {\n      await (this.connecting ??= this.connect());\n      this.muted.set(channel, false);\n    }\n  }\n}`,
  },
  {
    name: "a map entry set to null after awaiting the memoized connection",
    code: `export class Channels {\n  private readonly lastMessage = new Map<string, string | null>();\n  private connecting: Promise<void> | undefined;\n  constructor(private readonly connect: () => Promise<void>) {}\n  async register(channel: string) {\n    if (!this.lastMessage.has(channel)) {\n      await (this.connecting ??= this.connect());\n      this.lastMessage.set(channel, null);\n    }\n  }\n}`,
  },
  // The hoist fix (the mutant of the operator test in hoistFix was right).
  {
    name: "the awaited part of a sum read into a const before the compound update",
    code: `declare function uploadChunk(chunk: Uint8Array): Promise<number>;\nexport class Upload {\n  private sent = 0;\n  async send(chunk: Uint8Array, overhead: number) {\n    const written = await uploadChunk(chunk);\n    this.sent += overhead + written;\n  }\n}`,
  },
  {
    name: "defaults through ?? and || with an await on the right, kept in locals",
    code: `declare function fetchLimit(): Promise<number>;\ndeclare function fetchRegion(): Promise<string>;\nlet limit: number | undefined;\nlet region = "";\nexport async function describeLimits() {\n  const effectiveLimit = limit ?? await fetchLimit();\n  const effectiveRegion = region || await fetchRegion();\n  return \`\${effectiveRegion}: \${effectiveLimit}\`;\n}`,
  },
];

// Cases from the mutation run of lines 1201-1850, first part (lines 1201-1650).
const invalid1201: InvalidCase[] = [
  // (1201-1650 must-flag cases go here)
  {
    name: "serialized callers: a public init memoized by its only caller in the class can still be called from outside",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private ready: Promise<void> | undefined;\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  async init() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private ready: Promise<void> | undefined;\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  async init() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: a private method also called as this[\"name\"]() from a public method",
    code: "interface Socket { connect(): Promise<void>; send(data: string): Promise<void> }\nexport class Channel {\n  private connected = false;\n  private connecting: Promise<void> | undefined;\n  constructor(private readonly socket: Socket) {}\n  async send(data: string) {\n    await (this.connecting ??= this.connect());\n    await this.socket.send(data);\n  }\n  async resume() {\n    await this[\"connect\"]();\n  }\n  private async connect() {\n    if (!this.connected) {\n      await this.socket.connect();\n      this.connected = true;\n    }\n  }\n}",
    errors: [{ messageId: "duplicateWork", line: 16, column: 7, message: duplicateWork("this.connected", "this.socket.connect", "true") }],
  },
  {
    name: "serialized callers: a private method handed to an emitter with its receiver runs at each event",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\ninterface Events { on(event: string, listener: () => void, context: unknown): void }\nexport class Client {\n  private conn: Conn | undefined;\n  constructor(events: Events) {\n    events.on(\"reconnect\", this.reconnect, this);\n  }\n  private async reconnect() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\ninterface Events { on(event: string, listener: () => void, context: unknown): void }\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  constructor(events: Events) {\n    events.on("reconnect", this.reconnect, this);\n  }\n  private async reconnect() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: a private init memoized in two different fields (two runs can overlap)",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private ready: Promise<void> | undefined;\n  private reconnecting: Promise<void> | undefined;\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  reconnect() {\n    return (this.reconnecting ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 13,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private ready: Promise<void> | undefined;\n  private reconnecting: Promise<void> | undefined;\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  reconnect() {\n    return (this.reconnecting ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: a private write chained on two different queues (one run per queue at once)",
    code: "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private retries: Promise<void> = Promise.resolve();\n  private size = 0;\n  append(line: string) {\n    this.queue = this.queue.then(() => this.write(line));\n  }\n  retry(line: string) {\n    this.retries = this.retries.then(() => this.write(line));\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 13,
        column: 5,
        message: lostUpdate("this.size"),
        fixes: [
          [
            HOIST,
            `declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private retries: Promise<void> = Promise.resolve();\n  private size = 0;\n  append(line: string) {\n    this.queue = this.queue.then(() => this.write(line));\n  }\n  retry(line: string) {\n    this.retries = this.retries.then(() => this.write(line));\n  }\n  private async write(line: string) {\n    const awaited = await appendLine(line);\n    this.size = this.size + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: a private preload started twice by the constructor (both runs overlap)",
    code: "interface Db { load(table: string): Promise<void> }\ndeclare function openDb(): Promise<Db>;\nexport class Store {\n  private db: Db | undefined;\n  constructor() {\n    void this.preload(\"users\");\n    void this.preload(\"groups\");\n  }\n  private async preload(table: string) {\n    if (!this.db) this.db = await openDb();\n    await this.db.load(table);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 10,
        column: 19,
        message: duplicateInit("this.db"),
        fixes: [
          [
            MEMO,
            `interface Db { load(table: string): Promise<void> }\ndeclare function openDb(): Promise<Db>;\nexport class Store {\n  private db: Db | undefined;\n  private dbPending?: Promise<Db>;\n  constructor() {\n    void this.preload("users");\n    void this.preload("groups");\n  }\n  private async preload(table: string) {\n    if (!this.db) this.db = await (this.dbPending ??= openDb().finally(() => { this.dbPending = undefined; }));\n    await this.db.load(table);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: awaited by two loops, each started once from the constructor (the loops overlap)",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    void this.#work();\n    void this.#watch();\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  async #work() {\n    while (!this.#closed) {\n      await this.#ensureListening();\n      if (!(await claimJob(this.queue))) await sleep(1000);\n    }\n  }\n  async #watch() {\n    while (!this.#closed) {\n      await this.#ensureListening();\n      await sleep(5000);\n    }\n  }\n}",
    errors: [{ messageId: "duplicateWork", line: 16, column: 7, message: duplicateWork("this.#listening", "client.query", "true") }],
  },
  {
    name: "serialized callers: four levels down from a loop the constructor starts once (past the depth followed)",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    void this.#main();\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  async #step() {\n    await this.#ensureListening();\n  }\n  async #tick() {\n    await this.#step();\n    const job = await claimJob(this.queue);\n    if (!job) await sleep(1000);\n  }\n  async #run() {\n    while (!this.#closed) await this.#tick();\n  }\n  async #main() {\n    await this.#run();\n  }\n}",
    errors: [{ messageId: "duplicateWork", line: 15, column: 7, message: duplicateWork("this.#listening", "client.query", "true") }],
  },
  {
    name: "serialized callers: started without await in each iteration of a loop the constructor starts once",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    void this.#work();\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  async #work() {\n    while (!this.#closed) {\n      void this.#ensureListening();\n      if (!(await claimJob(this.queue))) await sleep(1000);\n    }\n  }\n}",
    errors: [{ messageId: "duplicateWork", line: 15, column: 7, message: duplicateWork("this.#listening", "client.query", "true") }],
  },
  {
    name: "serialized callers: memoized per queue name, so runs for two queues overlap",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    \n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  readonly #listeningFor: Record<string, Promise<void> | undefined> = {};\n  listen(queue: string) {\n    return (this.#listeningFor[queue] ??= this.#ensureListening());\n  }\n}",
    errors: [{ messageId: "duplicateWork", line: 15, column: 7, message: duplicateWork("this.#listening", "client.query", "true") }],
  },
  {
    name: "a connection checked against void 0, then created after an await",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (this.conn === void 0) {\n      this.conn = await connect();\n    }\n    return this.conn;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 6,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (this.conn === void 0) {\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    }\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: a private reconnect started from a handler the constructor registers (runs at each event)",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\ninterface Events { on(event: string, listener: () => void): void }\nexport class Client {\n  private conn: Conn | undefined;\n  constructor(events: Events) {\n    events.on(\"reconnect\", () => void this.reconnect());\n  }\n  private async reconnect() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\ninterface Events { on(event: string, listener: () => void): void }\nexport class Client {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  constructor(events: Events) {\n    events.on("reconnect", () => void this.reconnect());\n  }\n  private async reconnect() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a compare-and-set whose bump is skipped by a return in braces after the write",
    code: "interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    if (!saved.text) {\n      return;\n    }\n    this.version++;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "a busy flag whose guard only warns: a second call runs on",
    code: "declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  async drain() {\n    if (this.busy) {\n      console.warn(\"drain already running\");\n    }\n    this.busy = true;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.uploads", "done") }],
  },
  {
    name: "a busy flag per name is no lock for a counter shared by all names",
    code: "declare function sync(name: string): Promise<void>;\nexport class Syncer {\n  private readonly syncing: Record<string, boolean> = {};\n  private synced = 0;\n  async run(name: string) {\n    if (this.syncing[name]) return;\n    this.syncing[name] = true;\n    const done = this.synced;\n    await sync(name);\n    this.synced = done + 1;\n    this.syncing[name] = false;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 10, column: 5, message: staleSnapshot("this.synced", "done") }],
  },
  {
    name: "a busy flag whose guard exits only when not forced: a forced call runs on",
    code: "declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  async drain(force: boolean) {\n    if (this.busy && !force) return;\n    this.busy = true;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.uploads", "done") }],
  },
  {
    name: "a busy flag set after awaiting readiness: the count read before the await is stale",
    code: "declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  constructor(private readonly ready: Promise<void>) {}\n  async drain() {\n    const done = this.uploads;\n    await this.ready;\n    if (this.busy) return;\n    this.busy = true;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.uploads", "done") }],
  },
  {
    name: "a busy flag checked before an await and set after it: both calls pass the check",
    code: "declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  constructor(private readonly ready: Promise<void>) {}\n  async drain() {\n    await this.ready;\n    if (this.busy) return;\n    await this.ready;\n    this.busy = true;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.uploads", "done") }],
  },
  {
    name: "a cache checked again after connecting, then filled by a for await loop",
    code: "interface Conn { list(): AsyncIterable<string> }\ndeclare function open(): Promise<Conn>;\nexport class Index {\n  private entries: string[] | undefined;\n  async list() {\n    if (!this.entries) {\n      const conn = await open();\n      if (this.entries) return this.entries;\n      const entries: string[] = [];\n      for await (const entry of conn.list()) entries.push(entry);\n      this.entries = entries;\n    }\n    return this.entries;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 11, column: 7, message: duplicateInit("this.entries") }],
  },
  {
    name: "a cache checked again after connecting, then filled from an awaited query",
    code: "interface Conn { list(): Promise<string[]> }\ndeclare function open(): Promise<Conn>;\nexport class Index {\n  private entries: string[] | undefined;\n  async list() {\n    if (!this.entries) {\n      const conn = await open();\n      if (this.entries) return this.entries;\n      const entries = await conn.list();\n      this.entries = entries;\n    }\n    return this.entries;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.entries") }],
  },
  {
    name: "read-modify-writes of a sum with an await on the right: a hoist only when the other operands are side-effect free",
    code: "declare function fetchPoints(): Promise<number>;\nexport class Player {\n  private score = 0;\n  private level = 0;\n  private streak = 0;\n  private rank = 0;\n  constructor(private readonly bonus: number) {}\n  private multiplier() { return 2; }\n  private decay(value: number) { return value * 0.9; }\n  private streakBonus() { return 1; }\n  async addPoints() {\n    this.score = this.score + this.bonus + (await fetchPoints());\n  }\n  async levelUp() {\n    this.level = this.level + this.streakBonus() + (await fetchPoints());\n  }\n  async extendStreak() {\n    this.streak = this.multiplier() * this.streak + (await fetchPoints());\n  }\n  async rerank() {\n    this.rank = this.decay(this.rank) + (await fetchPoints());\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 12,
        column: 5,
        message: lostUpdate("this.score"),
        fixes: [
          [
            HOIST,
            `declare function fetchPoints(): Promise<number>;\nexport class Player {\n  private score = 0;\n  private level = 0;\n  private streak = 0;\n  private rank = 0;\n  constructor(private readonly bonus: number) {}\n  private multiplier() { return 2; }\n  private decay(value: number) { return value * 0.9; }\n  private streakBonus() { return 1; }\n  async addPoints() {\n    const awaited = await fetchPoints();\n    this.score = this.score + this.bonus + awaited;\n  }\n  async levelUp() {\n    this.level = this.level + this.streakBonus() + (await fetchPoints());\n  }\n  async extendStreak() {\n    this.streak = this.multiplier() * this.streak + (await fetchPoints());\n  }\n  async rerank() {\n    this.rank = this.decay(this.rank) + (await fetchPoints());\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "readModifyWrite",
        line: 15,
        column: 5,
        message: lostUpdate("this.level"),
      },
      {
        messageId: "readModifyWrite",
        line: 18,
        column: 5,
        message: lostUpdate("this.streak"),
      },
      {
        messageId: "readModifyWrite",
        line: 21,
        column: 5,
        message: lostUpdate("this.rank"),
      },
    ],
  },
  {
    name: "a connection field typed with null: the memoized promise's type leaves the null out",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | null = null;\n  async get() {\n    if (!this.conn) this.conn = await connect();\n    return this.conn;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 5,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Client {\n  private conn: Conn | null = null;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a theme field typed as a union of string literals: the memoized promise keeps them",
    code: "declare function fetchTheme(): Promise<\"light\" | \"dark\">;\nexport class Settings {\n  private theme: \"light\" | \"dark\" | undefined;\n  async getTheme() {\n    if (!this.theme) this.theme = await fetchTheme();\n    return this.theme;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 5,
        column: 22,
        message: duplicateInit("this.theme"),
        fixes: [
          [
            MEMO,
            `declare function fetchTheme(): Promise<"light" | "dark">;\nexport class Settings {\n  private theme: "light" | "dark" | undefined;\n  private themePending?: Promise<"light" | "dark">;\n  async getTheme() {\n    if (!this.theme) this.theme = await (this.themePending ??= fetchTheme().finally(() => { this.themePending = undefined; }));\n    return this.theme;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a lazy client and an unrelated counter update in one method: two findings",
    code: "interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\ndeclare function fetchDelta(): Promise<number>;\nexport class Stats {\n  private conn: Conn | undefined;\n  private total = 0;\n  async refresh() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n    this.total = this.total + (await fetchDelta());\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\ndeclare function fetchDelta(): Promise<number>;\nexport class Stats {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private total = 0;\n  async refresh() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n    }\n    this.total = this.total + (await fetchDelta());\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "readModifyWrite",
        line: 10,
        column: 5,
        message: lostUpdate("this.total"),
        fixes: [
          [
            HOIST,
            `interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\ndeclare function fetchDelta(): Promise<number>;\nexport class Stats {\n  private conn: Conn | undefined;\n  private total = 0;\n  async refresh() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n    const awaited = await fetchDelta();\n    this.total = this.total + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a counter updated after a second await inside the checked block: its own finding",
    code: "interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\nexport class Stats {\n  private conn: Conn | undefined;\n  private rows = 0;\n  async refresh() {\n    if (!this.conn) {\n      this.conn = await connect();\n      this.rows = this.rows + (await this.conn.count());\n    }\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\nexport class Stats {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private rows = 0;\n  async refresh() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));\n      this.rows = this.rows + (await this.conn.count());\n    }\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "readModifyWrite",
        line: 8,
        column: 7,
        message: lostUpdate("this.rows"),
        fixes: [
          [
            HOIST,
            `interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\nexport class Stats {\n  private conn: Conn | undefined;\n  private rows = 0;\n  async refresh() {\n    if (!this.conn) {\n      this.conn = await connect();\n      const awaited = await this.conn.count();\n      this.rows = this.rows + awaited;\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a closure's alias of the shared stats, the closure awaited per item",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private readonly stats = { bytes: 0 };\n  async uploadAll(items: string[]) {\n    const stats = this.stats;\n    const step = async (item: string) => {\n      stats.bytes = stats.bytes + (await upload(item));\n    };\n    for (const item of items) await step(item);\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 7,
        column: 7,
        message: lostUpdate("stats.bytes"),
        fixes: [
          [
            HOIST,
            `declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private readonly stats = { bytes: 0 };\n  async uploadAll(items: string[]) {\n    const stats = this.stats;\n    const step = async (item: string) => {\n      const awaited = await upload(item);\n      stats.bytes = stats.bytes + awaited;\n    };\n    for (const item of items) await step(item);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a closure's alias of the shared seen set, the closure awaited per event",
    code: "interface StreamEvent { type: string; id: string }\ndeclare function flush(): Promise<void>;\nexport class Relay {\n  private readonly seen = new Set<string>();\n  async run(events: AsyncIterable<StreamEvent>) {\n    const seen = this.seen;\n    const handle = async (event: StreamEvent) => {\n      if (seen.has(event.id)) return;\n      await flush();\n      seen.add(event.id);\n    };\n    for await (const event of events) await handle(event);\n  }\n}",
    errors: [{ messageId: "duplicateWorkCollection", line: 10, column: 7, message: duplicateWorkCollection("seen", "event.id", "flush") }],
  },
  {
    name: "a total updated from prices awaited in a nested callback: the outer await is the suspension",
    code: "declare function price(item: string): Promise<number>;\nexport class Cart {\n  private total = 0;\n  async add(items: string[]) {\n    this.total = this.total + (await Promise.all(\n      items.map(async (item) => await price(item)),\n    )).reduce((sum, value) => sum + value, 0);\n  }\n}",
    errors: [{ messageId: "readModifyWrite", line: 5, column: 5, message: lostUpdate("this.total"), related: [5, 5] }],
  },
  {
    name: "a context's state filled by a closure over the middleware's parameter",
    code: "interface Ctx { state: { user?: string } }\ndeclare function loadUser(): Promise<string>;\nexport function auth(ctx: Ctx) {\n  return async () => {\n    if (!ctx.state.user) ctx.state.user = await loadUser();\n  };\n}",
    errors: [{ messageId: "duplicateInit", line: 5, column: 26, message: duplicateInit("ctx.state.user") }],
  },
  {
    name: "a row's total through a local const alias of the row",
    code: "declare function price(id: string): Promise<number>;\nexport class Sheet {\n  private rows: { id: string; total: number }[] = [];\n  async reprice(index: number) {\n    const row = this.rows[index];\n    row.total = row.total + (await price(row.id));\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 5,
        message: lostUpdate("this.rows[index].total"),
        fixes: [
          [
            HOIST,
            `declare function price(id: string): Promise<number>;\nexport class Sheet {\n  private rows: { id: string; total: number }[] = [];\n  async reprice(index: number) {\n    const row = this.rows[index];\n    const awaited = await price(row.id);\n    row.total = row.total + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a connection checked again before a second await, its reconnect handler registered first",
    code: "interface Conn { on(event: string, listener: () => Promise<void>): void; ready(): Promise<void> }\ndeclare function connect(): Promise<Conn>;\ndeclare function resubscribe(): Promise<void>;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.conn) {\n        conn.on(\"reconnect\", async () => await resubscribe());\n        await conn.ready();\n        this.conn = conn;\n      }\n    }\n    return this.conn;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 12, column: 9, message: duplicateInit("this.conn") }],
  },
  {
    name: "a Map subclass filled after an await",
    code: "declare function load(key: string): Promise<string>;\nexport class Cache extends Map<string, string> {\n  async fill(key: string) {\n    if (!this.has(key)) this.set(key, await load(key));\n  }\n}",
    errors: [{ messageId: "duplicateInitCollection", line: 4, column: 25, message: duplicateInitCollection("this", "key") }],
  },
  {
    name: "a busy flag checked before the pending files are listed and set after: both calls pass the check",
    code: "declare function listPending(): Promise<string[]>;\ndeclare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  async drain() {\n    if (this.busy) return;\n    const files = await listPending();\n    this.busy = true;\n    const done = this.uploads;\n    await upload(files);\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
    errors: [
      {
        messageId: "duplicateWork",
        line: 9,
        column: 5,
        message: duplicateWork("this.busy", "listPending", "true"),
      },
      {
        messageId: "staleSnapshot",
        line: 12,
        column: 5,
        message: staleSnapshot("this.uploads", "done"),
      },
    ],
  },
  {
    name: "a connection checked again before a for await over its backlog, then stored",
    code: "interface Conn { backlog(): AsyncIterable<string>; close(): void }\ndeclare function connect(): Promise<Conn>;\ndeclare function replay(message: string): void;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (this.conn) {\n        conn.close();\n        return this.conn;\n      }\n      for await (const message of conn.backlog()) replay(message);\n      this.conn = conn;\n    }\n    return this.conn;\n  }\n}",
    // Related: the first check and its await (the recheck does not hold past the loop).
    errors: [{ messageId: "duplicateResource", line: 14, column: 7, related: [7, 8], message: duplicateResource("this.conn", "close") }],
  },
  {
    name: "a compare-and-set whose conflict branch writes and returns before the bump",
    code: "interface Doc { text: string; conflict: boolean }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\", conflict: false };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    if (saved.conflict) {\n      this.doc = merge(draft, saved);\n      return;\n    }\n    this.doc = saved;\n    this.version++;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 13, column: 7, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "a let alias of the shared stats, never assigned again, updated after an await",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats = { bytes: 0, files: 0 };\n  async send(item: string) {\n    let stats = this.stats;\n    stats.bytes = stats.bytes + await upload(item);\n    stats.files++;\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 5,
        message: lostUpdate("this.stats.bytes"),
        fixes: [
          [
            HOIST,
            `declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats = { bytes: 0, files: 0 };\n  async send(item: string) {\n    let stats = this.stats;\n    const awaited = await upload(item);\n    stats.bytes = stats.bytes + awaited;\n    stats.files++;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a token cache keyed by a template literal, filled after an await",
    code: "interface Token { value: string }\ndeclare function fetchToken(user: string, scope: string): Promise<Token>;\nexport class Tokens {\n  private cache: Record<string, Token> = {};\n  async get(user: string, scope: string) {\n    if (!this.cache[`${user}:${scope}`]) this.cache[`${user}:${scope}`] = await fetchToken(user, scope);\n    return this.cache[`${user}:${scope}`];\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 6, column: 42, message: duplicateInit("this.cache[`${user}:${scope}`]") }],
  },
  {
    name: "an unread count keyed by a template literal, updated with an awaited count",
    code: "declare function countNew(user: string, room: string): Promise<number>;\nexport class Inbox {\n  private unread: Record<string, number> = {};\n  async poll(user: string, room: string) {\n    this.unread[`${user}:${room}`] = (this.unread[`${user}:${room}`] ?? 0) + await countNew(user, room);\n  }\n}",
    errors: [{ messageId: "readModifyWrite", line: 5, column: 5, message: lostUpdate("this.unread[`${user}:${room}`]") }],
  },
];
const valid1201: ValidCase[] = [
  // (1201-1650 must-not-flag cases go here)
  {
    name: "a token keyed by a template literal, revoked and then cleared after the await",
    code: "interface Token { value: string }\ndeclare function revokeToken(token: Token): Promise<void>;\nexport class Tokens {\n  private cache: Record<string, Token | undefined> = {};\n  async revoke(user: string, scope: string) {\n    const token = this.cache[`${user}:${scope}`];\n    if (token) {\n      await revokeToken(token);\n      this.cache[`${user}:${scope}`] = undefined;\n    }\n  }\n}",
  },
  {
    name: "a token cache keyed by a template literal, filled from the in-flight promise kept per key",
    code: "interface Token { value: string }\ndeclare function fetchToken(user: string, scope: string): Promise<Token>;\nexport class Tokens {\n  private cache: Record<string, Token> = {};\n  private pending: Record<string, Promise<Token>> = {};\n  async get(user: string, scope: string) {\n    if (!this.cache[`${user}:${scope}`]) {\n      this.cache[`${user}:${scope}`] = await (this.pending[`${user}:${scope}`] ??= fetchToken(user, scope));\n    }\n    return this.cache[`${user}:${scope}`];\n  }\n  async refresh(user: string, scope: string) {\n    const token = await fetchToken(user, scope);\n    this.cache[`${user}:${scope}`] = token;\n    return token;\n  }\n}",
  },
  {
    name: "an unread count keyed by a template literal, updated after the count is awaited",
    code: "declare function countNew(user: string, room: string): Promise<number>;\nexport class Inbox {\n  private unread: Record<string, number> = {};\n  async poll(user: string, room: string) {\n    const count = await countNew(user, room);\n    this.unread[`${user}:${room}`] = (this.unread[`${user}:${room}`] ?? 0) + count;\n  }\n}",
  },
  {
    name: "a let alias of the shared stats replaced on a dry run, updated after an await (may be another object)",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats = { bytes: 0, files: 0 };\n  async send(item: string, dryRun: boolean) {\n    let stats = this.stats;\n    if (dryRun) stats = { bytes: 0, files: 0 };\n    stats.bytes = stats.bytes + await upload(item);\n    return stats;\n  }\n}",
  },
  {
    name: "a let alias of the shared stats updated after the upload is awaited",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats = { bytes: 0, files: 0 };\n  async send(item: string) {\n    let stats = this.stats;\n    const bytes = await upload(item);\n    stats.bytes = stats.bytes + bytes;\n    stats.files++;\n  }\n}",
  },
  {
    name: "serialized callers: a private init memoized by its only caller",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private ready: Promise<void> | undefined;\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
  },
  {
    name: "serialized callers: another instance's private field read in the class of a loop started once",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  readonly #id: string;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    this.#id = queue;\n    void this.#work();\n  }\n  equals(other: Backend) {\n    return this.#id === other.#id;\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  async #work() {\n    while (!this.#closed) {\n      await this.#ensureListening();\n      if (!(await claimJob(this.queue))) await sleep(1000);\n    }\n  }\n}",
  },
  {
    name: "serialized callers: a private connect memoized by its only caller, the socket's own connect awaited inside",
    code: "interface Socket { connect(): Promise<void>; send(data: string, headers: Record<string, string>): Promise<void> }\nexport class Channel {\n  private connected = false;\n  private connecting: Promise<void> | undefined;\n  constructor(private readonly socket: Socket, private readonly headers: Record<string, string>) {}\n  async send(data: string) {\n    await (this.connecting ??= this.connect());\n    await this.socket.send(data, { \"content-type\": this.headers[\"content-type\"] ?? \"text/plain\" });\n  }\n  private async connect() {\n    if (!this.connected) {\n      await this.socket.connect();\n      this.connected = true;\n    }\n  }\n}",
  },
  {
    name: "serialized callers: a private method started once from the constructor, an emitter told to call a closure",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\ninterface Events { on(event: string, listener: () => void, context: unknown): void }\nexport class Client {\n  private conn: Conn | undefined;\n  private lost = 0;\n  constructor(events: Events) {\n    void this.reconnect();\n    events.on(\"reconnect\", () => this.lost++, this);\n  }\n  private async reconnect() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
  },
  {
    name: "serialized callers: a private init memoized in one field by two methods",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private ready: Promise<void> | undefined;\n  whenReady() {\n    return (this.ready ??= this.init());\n  }\n  reconnect() {\n    return (this.ready ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
  },
  {
    name: "serialized callers: a private write chained on one queue by two methods",
    code: "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private size = 0;\n  append(line: string) {\n    this.queue = this.queue.then(() => this.write(line));\n  }\n  retry(line: string) {\n    this.queue = this.queue.then(() => this.write(line));\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}",
  },
  {
    name: "serialized callers: a private preload started once by the constructor",
    code: "interface Db { load(table: string): Promise<void> }\ndeclare function openDb(): Promise<Db>;\nexport class Store {\n  private db: Db | undefined;\n  constructor(private readonly tables: string[]) {\n    void this.preload();\n  }\n  private async preload() {\n    if (!this.db) this.db = await openDb();\n    for (const table of this.tables) await this.db.load(table);\n  }\n}",
  },
  {
    name: "serialized callers: awaited by one loop the constructor starts once, the other loop only sleeps",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    void this.#work();\n    void this.#watch();\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  async #work() {\n    while (!this.#closed) {\n      await this.#ensureListening();\n      if (!(await claimJob(this.queue))) await sleep(1000);\n    }\n  }\n  async #watch() {\n    while (!this.#closed) await sleep(5000);\n  }\n}",
  },
  {
    name: "serialized callers: the parenthesized call awaited by a loop started once",
    code: "interface ListenClient { query(sql: string): Promise<void> }\ninterface Connection { getListenClient(): Promise<ListenClient> }\ndeclare function claimJob(queue: string): Promise<string | undefined>;\ndeclare function sleep(ms: number): Promise<void>;\nexport class Backend {\n  #listening = false;\n  #closed = false;\n  constructor(private readonly connection: Connection, private readonly queue: string) {\n    void this.#work();\n  }\n  async #ensureListening() {\n    const client = await this.connection.getListenClient();\n    if (!this.#listening) {\n      await client.query(\"LISTEN jobs\");\n      this.#listening = true;\n    }\n  }\n  async #work() {\n    while (!this.#closed) {\n      await (this.#ensureListening());\n      if (!(await claimJob(this.queue))) await sleep(1000);\n    }\n  }\n}",
  },
  {
    name: "serialized callers: a private init memoized in a field of a per-instance state object",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private readonly state: { ready?: Promise<void> } = {};\n  whenReady() {\n    return (this.state.ready ??= this.init());\n  }\n  private async init() {\n    if (!this.conn) this.conn = await connect();\n  }\n}",
  },
  {
    name: "serialized callers: a private write chained on a queue, the callback's body parenthesized",
    code: "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private size = 0;\n  append(line: string) {\n    this.queue = this.queue.then(() => (this.write(line)));\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}",
  },
  {
    name: "serialized callers: a private write chained on a queue, the callback logs before it returns the run",
    code: "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private size = 0;\n  append(line: string) {\n    this.queue = this.queue.then(() => {\n      console.debug(\"append\", line);\n      return this.write(line);\n    });\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}",
  },
  {
    name: "a compare-and-set: the version bumped after an event about the write",
    code: "interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  constructor(private readonly onChange: (doc: Doc) => void) {}\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    this.onChange(this.doc);\n    this.version++;\n  }\n}",
  },
  {
    name: "a busy flag checked and set after a for await loop",
    code: "declare function readDir(dir: string): AsyncIterable<string>;\ndeclare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  async drain(dir: string) {\n    const files: string[] = [];\n    for await (const file of readDir(dir)) files.push(file);\n    if (this.busy) return;\n    this.busy = true;\n    const done = this.uploads;\n    await upload(files);\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
  },
  {
    name: "serialized callers: a private write chained on a queue, the callback returns early when closed",
    code: "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private queue: Promise<void> = Promise.resolve();\n  private size = 0;\n  private closed = false;\n  append(line: string) {\n    this.queue = this.queue.then(() => {\n      if (this.closed) return;\n      return this.write(line);\n    });\n  }\n  private async write(line: string) {\n    this.size = this.size + (await appendLine(line));\n  }\n}",
  },
  {
    name: "a busy flag or a closed flag: the guard exits whenever the flag is set",
    code: "declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private closed = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  async drain() {\n    if (this.busy || this.closed) return;\n    this.busy = true;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
  },
  {
    name: "a busy flag checked and set after awaiting readiness",
    code: "declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  constructor(private readonly ready: Promise<void>) {}\n  async drain() {\n    await this.ready;\n    if (this.busy) return;\n    this.busy = true;\n    try {\n      const done = this.uploads;\n      await upload(this.queue.splice(0));\n      this.uploads = done + 1;\n    } finally {\n      this.busy = false;\n    }\n  }\n}",
  },
  {
    name: "a cache checked again after the last await before it is filled",
    code: "interface Conn { list(): Promise<string[]> }\ndeclare function open(): Promise<Conn>;\nexport class Index {\n  private entries: string[] | undefined;\n  async list() {\n    if (!this.entries) {\n      const conn = await open();\n      const entries = await conn.list();\n      if (this.entries) return this.entries;\n      this.entries = entries;\n    }\n    return this.entries;\n  }\n}",
  },
  {
    name: "the points awaited into a const before the score update",
    code: "declare function fetchPoints(): Promise<number>;\nexport class Player {\n  private score = 0;\n  constructor(private readonly bonus: number) {}\n  async addPoints() {\n    const points = await fetchPoints();\n    this.score = this.score + this.bonus + points;\n  }\n}",
  },
  {
    name: "a connection field typed with null, filled from the memoized promise",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | null = null;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (!this.conn) this.conn = await (this.connPending ??= connect());\n    return this.conn;\n  }\n}",
  },
  {
    name: "a counter updated after a second await, the client memoized",
    code: "interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\nexport class Stats {\n  private connecting: Promise<Conn> | undefined;\n  private rows = 0;\n  async refresh() {\n    const conn = await (this.connecting ??= connect());\n    const rows = await conn.count();\n    this.rows += rows;\n  }\n}",
  },
  {
    name: "a closure's own counters object, the closure awaited per item",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  async uploadAll(items: string[]) {\n    const stats = { bytes: 0 };\n    const step = async (item: string) => {\n      stats.bytes = stats.bytes + (await upload(item));\n    };\n    for (const item of items) await step(item);\n    return stats.bytes;\n  }\n}",
  },
  {
    name: "a closure's own list of sizes, the closure awaited per item",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  async uploadAll(items: string[]) {\n    const sizes = [0];\n    const step = async (item: string) => {\n      sizes[0] = sizes[0] + (await upload(item));\n    };\n    for (const item of items) await step(item);\n    return sizes[0];\n  }\n}",
  },
  {
    name: "a row's total through a local alias, the price awaited first",
    code: "declare function price(id: string): Promise<number>;\nexport class Sheet {\n  private rows: { id: string; total: number }[] = [];\n  async reprice(index: number) {\n    const row = this.rows[index];\n    const amount = await price(row.id);\n    row.total = row.total + amount;\n  }\n}",
  },
  {
    name: "a copy of a row updated after an await",
    code: "declare function price(id: string): Promise<number>;\nexport class Sheet {\n  private rows: { id: string; total: number }[] = [];\n  async preview(index: number) {\n    const row = { ...this.rows[index] };\n    row.total = row.total + (await price(row.id));\n    return row;\n  }\n}",
  },
  {
    name: "a context's state filled by a closure, the user memoized on the context",
    code: "interface Ctx { state: { user?: string; loading?: Promise<string> } }\ndeclare function loadUser(): Promise<string>;\nexport function auth(ctx: Ctx) {\n  return async () => {\n    ctx.state.user ??= await (ctx.state.loading ??= loadUser());\n  };\n}",
  },
  {
    name: "a theme field typed as a union of string literals, filled from the memoized promise",
    code: "declare function fetchTheme(): Promise<\"light\" | \"dark\">;\nexport class Settings {\n  private theme: \"light\" | \"dark\" | undefined;\n  private themePending?: Promise<\"light\" | \"dark\">;\n  async getTheme() {\n    if (!this.theme) this.theme = await (this.themePending ??= fetchTheme());\n    return this.theme;\n  }\n}",
  },
  {
    name: "a connection field typed with null, set only if still unset after the await",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | null = null;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.conn) this.conn = conn;\n    }\n    return this.conn;\n  }\n}",
  },
  {
    name: "the shared stats updated once after a closure awaited per item",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private readonly stats = { bytes: 0 };\n  async uploadAll(items: string[]) {\n    const stats = this.stats;\n    let bytes = 0;\n    const step = async (item: string) => {\n      bytes = bytes + (await upload(item));\n    };\n    for (const item of items) await step(item);\n    stats.bytes += bytes;\n  }\n}",
  },
  {
    name: "prices awaited in a nested callback, summed into a const before the total is updated",
    code: "declare function price(item: string): Promise<number>;\nexport class Cart {\n  private total = 0;\n  async add(items: string[]) {\n    const prices = await Promise.all(items.map(async (item) => await price(item)));\n    this.total += prices.reduce((sum, value) => sum + value, 0);\n  }\n}",
  },
  {
    name: "a lazy client memoized and a counter updated from a const",
    code: "interface Conn { count(): Promise<number> } declare function connect(): Promise<Conn>;\ndeclare function fetchDelta(): Promise<number>;\nexport class Stats {\n  private connecting: Promise<Conn> | undefined;\n  private total = 0;\n  async refresh() {\n    await (this.connecting ??= connect());\n    const delta = await fetchDelta();\n    this.total += delta;\n  }\n}",
  },
  {
    name: "a connection kept only if still unset after the await, its reconnect handler registered first",
    code: "interface Conn { on(event: string, listener: () => Promise<void>): void }\ndeclare function connect(): Promise<Conn>;\ndeclare function resubscribe(): Promise<void>;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.conn) {\n        conn.on(\"reconnect\", async () => await resubscribe());\n        this.conn = conn;\n      }\n    }\n    return this.conn;\n  }\n}",
  },
  {
    name: "serialized callers: a private write chained on a queue held in a per-instance state object",
    code: "declare function appendLine(line: string): Promise<number>;\nexport class Log {\n  private readonly state = { queue: Promise.resolve(), size: 0 };\n  append(line: string) {\n    this.state.queue = this.state.queue.then(() => this.write(line));\n  }\n  private async write(line: string) {\n    this.state.size = this.state.size + (await appendLine(line));\n  }\n}",
  },
  {
    name: "a Map subclass of in-flight promises",
    code: "declare function load(key: string): Promise<string>;\nexport class Cache extends Map<string, Promise<string>> {\n  async fill(key: string) {\n    let pending = this.get(key);\n    if (!pending) {\n      pending = load(key);\n      this.set(key, pending);\n    }\n    return await pending;\n  }\n}",
  },
  {
    name: "a Set subclass marking a key before the await",
    code: "declare function load(key: string): Promise<string>;\nexport class Seen extends Set<string> {\n  async visit(key: string) {\n    if (this.has(key)) return;\n    this.add(key);\n    await load(key);\n  }\n}",
  },
  {
    name: "a class with its own has and set, a project store that persists",
    code: "declare function writeFile(path: string, text: string): Promise<void>;\ndeclare function fetchDefault(key: string): Promise<string>;\nexport class Settings {\n  private values: Record<string, string> = {};\n  has(key: string) {\n    return key in this.values;\n  }\n  set(key: string, value: string) {\n    this.values[key] = value;\n    void writeFile(\"settings.json\", JSON.stringify(this.values));\n  }\n  async ensure(key: string) {\n    if (!this.has(key)) this.set(key, await fetchDefault(key));\n  }\n}",
  },
  {
    name: "a busy flag checked and set before the pending files are listed",
    code: "declare function listPending(): Promise<string[]>;\ndeclare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  async drain() {\n    if (this.busy) return;\n    this.busy = true;\n    const files = await listPending();\n    const done = this.uploads;\n    await upload(files);\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}",
  },
  {
    name: "a connection checked again after a for await over its backlog, then stored",
    code: "interface Conn { backlog(): AsyncIterable<string>; close(): void }\ndeclare function connect(): Promise<Conn>;\ndeclare function replay(message: string): void;\nexport class Client {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      for await (const message of conn.backlog()) replay(message);\n      if (this.conn) {\n        conn.close();\n        return this.conn;\n      }\n      this.conn = conn;\n    }\n    return this.conn;\n  }\n}",
  },
  {
    name: "a compare-and-set whose conflict branch bumps the version before it returns",
    code: "interface Doc { text: string; conflict: boolean }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\", conflict: false };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    if (saved.conflict) {\n      this.doc = merge(draft, saved);\n      this.version++;\n      return;\n    }\n    this.doc = saved;\n    this.version++;\n  }\n}",
  },
  {
    name: "a close that does nothing in an empty if block when already closed",
    code: "interface Socket { end(): Promise<void> }\nexport class Channel {\n  private state: \"open\" | \"closed\" = \"open\";\n  constructor(private readonly socket: Socket) {}\n  async close() {\n    if (this.state === \"closed\") {\n      // already closed: nothing to release\n    } else {\n      this.state = \"closed\";\n      await this.socket.end();\n    }\n  }\n}",
  },
];

// Cases from the mutation run of lines 1201-1850, second part (lines 1651-1850).
const invalid1501: InvalidCase[] = [
  // (1651-1850 must-flag cases go here)
  {
    name: "an id marked in a Map of void after an await under a has check: duplicate work, like add",
    code: "declare function announce(id: string): Promise<void>;\nexport class Presence {\n  private readonly announced = new Map<string, void>();\n  async join(id: string) {\n    if (!this.announced.has(id)) {\n      await announce(id);\n      this.announced.set(id);\n    }\n  }\n}",
    errors: [{ messageId: "duplicateWorkCollection", line: 7, column: 7, message: duplicateWorkCollection("this.announced", "id", "announce") }],
  },
  {
    name: "a snapshot in one case of a switch, a same-named local reassigned in an earlier case",
    code: "type Action = { type: \"set\"; value: string } | { type: \"increment\" };\ndeclare function persist(count: number): Promise<void>;\nexport class Counter {\n  private count = 0;\n  async apply(action: Action) {\n    switch (action.type) {\n      case \"set\": {\n        let next = Number(action.value);\n        if (Number.isNaN(next)) next = 0;\n        this.count = next;\n        break;\n      }\n      case \"increment\": {\n        const next = this.count + 1;\n        await persist(next);\n        this.count = next;\n        break;\n      }\n    }\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 16, column: 9, message: staleSnapshot("this.count", "next") }],
  },
  {
    name: "a list copied with slice, extended and stored back after an await: concurrent adds are lost",
    code: "declare function save(items: string[]): Promise<void>;\nexport class Playlist {\n  private items: string[] = [];\n  async add(item: string) {\n    const copy = this.items.slice();\n    copy.push(item);\n    await save(copy);\n    this.items = copy;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.items", "copy") }],
  },
  {
    name: "a shared state machine's handler called into a const, the next handler stored after the await",
    code: "type Handler = (event: string) => Promise<Handler>;\ndeclare const idle: Handler;\nlet handle: Handler = idle;\nexport async function dispatch(event: string) {\n  const next = handle(event);\n  handle = await next;\n}",
    errors: [{ messageId: "staleSnapshot", line: 6, column: 3, message: staleSnapshot("handle", "next") }],
  },
  {
    name: "a pending count reset after a flush under a `> 0` check: the increments made during the flush are lost",
    code: "declare function send(count: number): Promise<void>;\nexport class Batcher {\n  private pending = 0;\n  add() {\n    this.pending++;\n  }\n  async flush() {\n    if (this.pending > 0) {\n      await send(this.pending);\n      this.pending = 0;\n    }\n  }\n}",
    errors: [{ messageId: "checkThenAct", line: 10, column: 7, message: checkThenAct("this.pending") }],
  },
  {
    name: "a member pushed after an await under a `~indexOf` check: both calls push",
    code: "declare function announce(id: string): Promise<void>;\nexport class Room {\n  private members: string[] = [];\n  async join(id: string) {\n    if (~this.members.indexOf(id)) return;\n    await announce(id);\n    this.members.push(id);\n  }\n}",
    errors: [{ messageId: "checkThenActCollection", line: 7, column: 5, message: checkThenActCollection("this.members", "id") }],
  },
  {
    name: "a reconnect counted after the backoff under a `>=` limit check: calls pass the limit together",
    code: "declare function delay(ms: number): Promise<void>;\nconst MAX_RECONNECTS = 5;\nexport class Reconnector {\n  private attempts = 0;\n  async reconnect() {\n    if (this.attempts >= MAX_RECONNECTS) return;\n    await delay(1000 * 2 ** this.attempts);\n    this.attempts++;\n  }\n}",
    errors: [{ messageId: "checkThenAct", line: 8, column: 5, message: checkThenAct("this.attempts") }],
  },
  {
    name: "a read-modify-write whose read is also the awaited call's input: the first read is reported, with the hoist",
    code: `declare function interestOn(balance: number): Promise<number>;\nexport class Account {\n  private balance = 0;\n  async accrue() {\n    this.balance = this.balance + await interestOn(this.balance);\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 5,
        column: 5,
        message: lostUpdate("this.balance"),
        fixes: [
          [
            HOIST,
            `declare function interestOn(balance: number): Promise<number>;\nexport class Account {\n  private balance = 0;\n  async accrue() {\n    const awaited = await interestOn(this.balance);\n    this.balance = this.balance + awaited;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a field holding a value or its promise, resolved in place (`this.config = await this.config`)",
    code: `interface Config { retries: number }\nexport class Settings {\n  private config: Config | Promise<Config>;\n  constructor(private readonly load: () => Promise<Config>) {\n    this.config = load();\n  }\n  async get() {\n    this.config = await this.config;\n    return this.config;\n  }\n  reload() {\n    this.config = this.load();\n  }\n}`,
    errors: [{ messageId: "readModifyWrite", line: 8, column: 5, message: lostUpdate("this.config") }],
  },
  {
    name: "a snapshot through a shared cursor used as an element key, advanced after an await",
    code: `interface Page { rows: string[]; next: string }\ndeclare function render(page: Page): Promise<void>;\nconst pages: Record<string, Page> = {};\nlet cursor = "start";\nexport async function showNext() {\n  const page = pages[cursor];\n  await render(page);\n  cursor = page.next;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 3, message: staleSnapshot("cursor", "page") }],
  },
  {
    name: "a snapshot computed by a call from a shared field, written back after an await",
    code: `declare function seek(position: number): Promise<void>;\ndeclare function advance(position: number): number;\nexport class Player {\n  private position = 0;\n  async step() {\n    const next = advance(this.position);\n    await seek(next);\n    this.position = next;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.position", "next") }],
  },
  {
    name: "a snapshot read inside a call's argument expression, written back after an await",
    code: `declare function save(count: number): Promise<void>;\nconst LIMIT = 10;\nexport class Counter {\n  private count = 0;\n  async increment() {\n    const next = Math.min(this.count + 1, LIMIT);\n    await save(next);\n    this.count = next;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.count", "next") }],
  },
  {
    name: "a snapshot written back in both branches of an if: the first write is reported",
    code: `declare function vote(up: boolean): Promise<boolean>;\nexport class Poll {\n  private score = 0;\n  async cast(up: boolean) {\n    const score = this.score;\n    const accepted = await vote(up);\n    if (accepted) this.score = score + 1;\n    else this.score = score - 1;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 7, column: 19, message: staleSnapshot("this.score", "score") }],
  },
  {
    name: "a snapshot written back after a write whose value holds the await",
    code: `declare function fetchVersion(): Promise<number>;\nexport class Replica {\n  private version = 0;\n  async sync() {\n    const known = this.version;\n    this.version = await fetchVersion();\n    if (this.version < known) this.version = known;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 7, column: 31, message: staleSnapshot("this.version", "known") }],
  },
  {
    name: "a snapshot written back after a loop that reassigns another local",
    code: `declare function trySave(count: number): Promise<boolean>;\nexport class Counter {\n  private count = 0;\n  async increment() {\n    const before = this.count;\n    let attempts = 0;\n    while (!(await trySave(before + 1))) attempts = attempts + 1;\n    this.count = before + 1;\n    return attempts;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.count", "before") }],
  },
  {
    name: "a decrement after an await, under a truthiness check of the same field",
    code: `declare function spend(): Promise<void>;\nexport class Wallet {\n  private credits = 3;\n  async use() {\n    if (this.credits) {\n      await spend();\n      this.credits--;\n    }\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 7, column: 7, message: checkThenAct("this.credits") }],
  },
  {
    name: "a connection initialized under a check joined with ||",
    code: `interface Client { closed: boolean; query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  async query(sql: string) {\n    if (!this.client || this.client.closed) {\n      this.client = await connect();\n    }\n    await this.client.query(sql);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 7,
        message: duplicateInit("this.client"),
        fixes: [
          [
            MEMO,
            `interface Client { closed: boolean; query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  private clientPending?: Promise<Client>;\n  async query(sql: string) {\n    if (!this.client || this.client.closed) {\n      this.client = await (this.clientPending ??= connect().finally(() => { this.clientPending = undefined; }));\n    }\n    await this.client.query(sql);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a connection initialized after a `!== undefined` guard that returns it",
    code: `interface Client { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  async getClient() {\n    if (this.client !== undefined) return this.client;\n    this.client = await connect();\n    return this.client;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 5,
        message: duplicateInit("this.client"),
        fixes: [
          [
            MEMO,
            `interface Client { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  private clientPending?: Promise<Client>;\n  async getClient() {\n    if (this.client !== undefined) return this.client;\n    this.client = await (this.clientPending ??= connect().finally(() => { this.clientPending = undefined; }));\n    return this.client;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a connection initialized after a `!= null` guard that returns it",
    code: `interface Client { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | null = null;\n  async getClient() {\n    if (this.client != null) return this.client;\n    this.client = await connect();\n    return this.client;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 5,
        message: duplicateInit("this.client"),
        fixes: [
          [
            MEMO,
            `interface Client { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | null = null;\n  private clientPending?: Promise<Client>;\n  async getClient() {\n    if (this.client != null) return this.client;\n    this.client = await (this.clientPending ??= connect().finally(() => { this.clientPending = undefined; }));\n    return this.client;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a socket initialized under a `== null` check",
    code: `interface Socket { send(data: string): void }\ndeclare function open(url: string): Promise<Socket>;\nexport class Channel {\n  private socket: Socket | null = null;\n  constructor(private readonly url: string) {}\n  async send(data: string) {\n    if (this.socket == null) {\n      this.socket = await open(this.url);\n    }\n    this.socket.send(data);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.socket"),
        fixes: [
          [
            MEMO,
            `interface Socket { send(data: string): void }\ndeclare function open(url: string): Promise<Socket>;\nexport class Channel {\n  private socket: Socket | null = null;\n  private socketPending?: Promise<Socket>;\n  constructor(private readonly url: string) {}\n  async send(data: string) {\n    if (this.socket == null) {\n      this.socket = await (this.socketPending ??= open(this.url).finally(() => { this.socketPending = undefined; }));\n    }\n    this.socket.send(data);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "sockets initialized under yoda checks (`undefined === x`, and a guard `undefined !== x`)",
    code: `interface Socket { send(data: string): void }\ndeclare function open(url: string): Promise<Socket>;\nexport class Channel {\n  private socket: Socket | undefined;\n  private backup: Socket | undefined;\n  constructor(private readonly url: string) {}\n  async send(data: string) {\n    if (undefined === this.socket) {\n      this.socket = await open(this.url);\n    }\n    this.socket.send(data);\n  }\n  async sendBackup(data: string) {\n    if (undefined !== this.backup) return this.backup.send(data);\n    this.backup = await open(this.url);\n    this.backup.send(data);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 7,
        message: duplicateInit("this.socket"),
        fixes: [
          [
            MEMO,
            `interface Socket { send(data: string): void }\ndeclare function open(url: string): Promise<Socket>;\nexport class Channel {\n  private socket: Socket | undefined;\n  private socketPending?: Promise<Socket>;\n  private backup: Socket | undefined;\n  constructor(private readonly url: string) {}\n  async send(data: string) {\n    if (undefined === this.socket) {\n      this.socket = await (this.socketPending ??= open(this.url).finally(() => { this.socketPending = undefined; }));\n    }\n    this.socket.send(data);\n  }\n  async sendBackup(data: string) {\n    if (undefined !== this.backup) return this.backup.send(data);\n    this.backup = await open(this.url);\n    this.backup.send(data);\n  }\n}`,
          ],
        ],
      },
      {
        messageId: "duplicateInit",
        line: 15,
        column: 5,
        message: duplicateInit("this.backup"),
        fixes: [
          [
            MEMO,
            `interface Socket { send(data: string): void }\ndeclare function open(url: string): Promise<Socket>;\nexport class Channel {\n  private socket: Socket | undefined;\n  private backup: Socket | undefined;\n  private backupPending?: Promise<Socket>;\n  constructor(private readonly url: string) {}\n  async send(data: string) {\n    if (undefined === this.socket) {\n      this.socket = await open(this.url);\n    }\n    this.socket.send(data);\n  }\n  async sendBackup(data: string) {\n    if (undefined !== this.backup) return this.backup.send(data);\n    this.backup = await (this.backupPending ??= open(this.url).finally(() => { this.backupPending = undefined; }));\n    this.backup.send(data);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a key rotated only while it is the caller's current one: a comparison, not a presence check",
    code: `declare function generateKey(): Promise<string>;\nexport class Keyring {\n  private key = "";\n  async rotate(current: string) {\n    if (current === this.key) {\n      this.key = await generateKey();\n    }\n    return this.key;\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 6, column: 7, message: checkThenAct("this.key") }],
  },
  {
    name: "a map entry compared with a value, then set after an await: a comparison, not a presence check",
    code: `interface Entry { status: "fresh" | "stale"; value: string }\ndeclare function refresh(id: string): Promise<Entry>;\nexport class Registry {\n  private readonly status = new Map<string, string>();\n  private readonly entries = new Map<string, Entry>();\n  async get(id: string) {\n    if (this.status.get(id) === "stale") {\n      this.status.set(id, (await refresh(id)).status);\n    }\n    return this.entries.get(id);\n  }\n}`,
    errors: [{ messageId: "checkThenActCollection", line: 8, column: 7, message: checkThenActCollection("this.status", "id") }],
  },
  {
    name: "a compound update after a presence check is not an initialization",
    code: `declare function openBatch(): Promise<void>;\nexport class Batcher {\n  private pending = 0;\n  async add() {\n    if (!this.pending) {\n      await openBatch();\n      this.pending += 1;\n    }\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 7, column: 7, message: checkThenAct("this.pending") }],
  },
  {
    name: "a lazily loaded list merged with the list read again after the await is not an initialization",
    code: `interface Message { id: string }\ndeclare function fetchMessages(): Promise<Message[]>;\nexport class Inbox {\n  private messages: Message[] | undefined;\n  async load() {\n    if (!this.messages) {\n      const fetched = await fetchMessages();\n      this.messages = [...fetched, ...(this.messages ?? [])];\n    }\n    return this.messages;\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 8, column: 7, message: checkThenAct("this.messages") }],
  },
  {
    name: "a map entry set from another entry of the same map after a has check is not an initialization",
    code: `declare function measure(id: string, parentSize: number | undefined): Promise<number>;\nexport class Layout {\n  private readonly sizes = new Map<string, number>();\n  async sizeOf(id: string, parentId: string) {\n    if (!this.sizes.has(id)) {\n      this.sizes.set(id, await measure(id, this.sizes.get(parentId)));\n    }\n    return this.sizes.get(id);\n  }\n}`,
    errors: [{ messageId: "checkThenActCollection", line: 6, column: 7, message: checkThenActCollection("this.sizes", "id") }],
  },
  {
    name: "a map entry set from an entry of another map after a has check is an initialization",
    code: `declare function measure(id: string, fallback: number | undefined): Promise<number>;\nexport class Layout {\n  private readonly sizes = new Map<string, number>();\n  private readonly defaults = new Map<string, number>();\n  async sizeOf(id: string, kind: string) {\n    if (!this.sizes.has(id)) {\n      this.sizes.set(id, await measure(id, this.defaults.get(kind)));\n    }\n    return this.sizes.get(id);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 7,
        column: 7,
        message: duplicateInitCollection("this.sizes", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function measure(id: string, fallback: number | undefined): Promise<number>;\nexport class Layout {\n  private readonly sizes = new Map<string, number>();\n  private readonly sizesPending = new Map<string, Promise<number>>();\n  private readonly defaults = new Map<string, number>();\n  async sizeOf(id: string, kind: string) {\n    if (!this.sizes.has(id)) {\n      let pending = this.sizesPending.get(id);\n      if (!pending) {\n        pending = measure(id, this.defaults.get(kind));\n        this.sizesPending.set(id, pending);\n      }\n      this.sizes.set(id, await pending);\n    }\n    return this.sizes.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
];
const valid1501: ValidCase[] = [
  // (1651-1850 must-not-flag cases go here)
  {
    name: "an id marked in a Map of void before the await under a has check",
    code: "declare function announce(id: string): Promise<void>;\nexport class Presence {\n  private readonly announced = new Map<string, void>();\n  async join(id: string) {\n    if (!this.announced.has(id)) {\n      this.announced.set(id);\n      await announce(id);\n    }\n  }\n}",
  },
  {
    name: "an id marked in a Map of void after awaiting the memoized connection",
    code: "interface Conn { publish(id: string): Promise<void> }\ndeclare function connect(): Promise<Conn>;\nexport class Presence {\n  private readonly announced = new Map<string, void>();\n  private connecting: Promise<Conn> | undefined;\n  async join(id: string) {\n    if (!this.announced.has(id)) {\n      await (this.connecting ??= connect());\n      this.announced.set(id);\n    }\n  }\n}",
  },
  {
    name: "an unread count keyed by the room awaited on both sides: the count is read after the last await",
    code: "export class Inbox {\n  private unread: Record<string, number> = {};\n  constructor(private session: { room(): Promise<{ id: string }> }) {}\n  async bump() {\n    this.unread[(await this.session.room()).id] = (this.unread[(await this.session.room()).id] ?? 0) + 1;\n  }\n}",
  },
  {
    name: "a snapshot in one case of a switch stored before the await, a same-named local reassigned in an earlier case",
    code: "type Action = { type: \"set\"; value: string } | { type: \"increment\" };\ndeclare function persist(count: number): Promise<void>;\nexport class Counter {\n  private count = 0;\n  async apply(action: Action) {\n    switch (action.type) {\n      case \"set\": {\n        let next = Number(action.value);\n        if (Number.isNaN(next)) next = 0;\n        this.count = next;\n        break;\n      }\n      case \"increment\": {\n        const next = this.count + 1;\n        this.count = next;\n        await persist(next);\n        break;\n      }\n    }\n  }\n}",
  },
  {
    name: "a list copied with slice and saved, the item appended to the list read after the await",
    code: "declare function save(items: string[]): Promise<void>;\nexport class Playlist {\n  private items: string[] = [];\n  async add(item: string) {\n    const copy = this.items.slice();\n    copy.push(item);\n    await save(copy);\n    this.items = [...this.items, item];\n  }\n}",
  },
  {
    name: "a list copied with slice, extended and stored back before the await",
    code: "declare function save(items: string[]): Promise<void>;\nexport class Playlist {\n  private items: string[] = [];\n  async add(item: string) {\n    const copy = this.items.slice();\n    copy.push(item);\n    this.items = copy;\n    await save(copy);\n  }\n}",
  },
  {
    name: "a shared state machine's handler called and replaced before the event is logged",
    code: "type Handler = (event: string) => Handler;\ndeclare const idle: Handler;\ndeclare function log(event: string): Promise<void>;\nlet handle: Handler = idle;\nexport async function dispatch(event: string) {\n  const next = handle(event);\n  handle = next;\n  await log(event);\n}",
  },
  {
    name: "a pending count taken and reset before the flush under a `> 0` check",
    code: "declare function send(count: number): Promise<void>;\nexport class Batcher {\n  private pending = 0;\n  add() {\n    this.pending++;\n  }\n  async flush() {\n    if (this.pending > 0) {\n      const count = this.pending;\n      this.pending = 0;\n      await send(count);\n    }\n  }\n}",
  },
  {
    name: "a member pushed before the await under a `~indexOf` check",
    code: "declare function announce(id: string): Promise<void>;\nexport class Room {\n  private members: string[] = [];\n  async join(id: string) {\n    if (~this.members.indexOf(id)) return;\n    this.members.push(id);\n    await announce(id);\n  }\n}",
  },
  {
    name: "a reconnect counted before the backoff under a `>=` limit check",
    code: "declare function delay(ms: number): Promise<void>;\nconst MAX_RECONNECTS = 5;\nexport class Reconnector {\n  private attempts = 0;\n  async reconnect() {\n    if (this.attempts >= MAX_RECONNECTS) return;\n    this.attempts++;\n    await delay(1000 * 2 ** this.attempts);\n  }\n}",
  },
  {
    name: "a version moved forward only if still newer after the await (a `>=` check again)",
    code: "interface Snapshot { version: number; data: string }\ndeclare function fetchSnapshot(): Promise<Snapshot>;\nexport class Replica {\n  private version = 0;\n  private data = \"\";\n  async sync(target: number) {\n    if (this.version >= target) return;\n    const snapshot = await fetchSnapshot();\n    if (this.version >= snapshot.version) return;\n    this.version = snapshot.version;\n    this.data = snapshot.data;\n  }\n}",
  },
  {
    name: "a handler registered under an `in` check before the await",
    code: "type Handler = (payload: string) => void;\ndeclare function subscribe(topic: string): Promise<void>;\nexport class Bus {\n  private handlers: Record<string, Handler> = {};\n  async on(topic: string, handler: Handler) {\n    if (topic in this.handlers) return;\n    this.handlers = { ...this.handlers, [topic]: handler };\n    await subscribe(topic);\n  }\n}",
  },
  {
    name: "a field assigned the awaited subscription whose callback reads the field later",
    code: `interface Subscription { refresh(): void; cancel(): void }\ndeclare const bus: { subscribe(listener: () => void): Promise<Subscription> };\nexport class Feed {\n  private subscription: Subscription | undefined;\n  async start() {\n    this.subscription = await bus.subscribe(() => this.subscription?.refresh());\n  }\n}`,
  },
  {
    name: "a map entry updated from the awaited delta and the entry read after the await",
    code: `declare function fetchDelta(key: string): Promise<number>;\nconst counts = new Map<string, number>();\nexport async function bump(key: string) {\n  counts.set(key, (await fetchDelta(key)) + (counts.get(key) ?? 0));\n}`,
  },
  {
    name: "a map entry set from another key's entry and an awaited value",
    code: `declare function fetchSales(month: string): Promise<number>;\nconst totals = new Map<string, number>();\nexport async function addMonth(month: string, previousMonth: string) {\n  totals.set(month, (totals.get(previousMonth) ?? 0) + await fetchSales(month));\n}`,
  },
  {
    name: "a field holding a value or its promise, awaited into a const and stored back after another await",
    code: `interface Config { retries: number }\ndeclare function audit(config: Config): Promise<void>;\nexport class Settings {\n  private config: Config | Promise<Config>;\n  constructor(load: () => Promise<Config>) {\n    this.config = load();\n  }\n  async get() {\n    const config = await this.config;\n    await audit(config);\n    this.config = config;\n    return config;\n  }\n}`,
  },
  {
    name: "a snapshot and its write-back inside a for await loop, with no await between them",
    code: `interface Event { type: string }\nexport class Tracker {\n  private seen = 0;\n  async consume(stream: AsyncIterable<Event>) {\n    for await (const event of stream) {\n      const seen = this.seen;\n      this.seen = seen + 1;\n      console.log(event.type, seen);\n    }\n  }\n}`,
  },
  {
    name: "a status saved, set, and restored after an await (the field written before the await)",
    code: `declare function save(): Promise<void>;\nexport class Editor {\n  private status = "idle";\n  async save() {\n    const previous = this.status;\n    this.status = "saving";\n    await save();\n    this.status = previous;\n  }\n}`,
  },
  {
    name: "a token copied into a let that is refreshed before it is stored back",
    code: `declare function refresh(): Promise<string>;\ndeclare function isExpired(token: string): boolean;\nexport class Api {\n  private token = "";\n  async authorize() {\n    let token = this.token;\n    if (isExpired(token)) token = await refresh();\n    this.token = token;\n    return token;\n  }\n}`,
  },
  {
    name: "a counter incremented after an await, the snapshot only returned",
    code: `declare function flush(): Promise<void>;\nexport class Batch {\n  private processed = 0;\n  async run() {\n    const before = this.processed;\n    await flush();\n    this.processed++;\n    return before;\n  }\n}`,
  },
  {
    name: "a field set from the same-named property of the awaited response",
    code: `interface Changes { version: number; items: string[] }\ndeclare function fetchChanges(since: number): Promise<Changes>;\nexport class Replica {\n  private version = 0;\n  async sync() {\n    const version = this.version;\n    const response = await fetchChanges(version);\n    this.version = response.version;\n    return response.items;\n  }\n}`,
  },
  {
    name: "a child marked visited after a guard on its parent's entry",
    code: `declare function render(id: string): Promise<void>;\nexport class Tree {\n  private readonly visited = new Set<string>();\n  async visit(id: string, parentId: string) {\n    if (!this.visited.has(parentId)) return;\n    await render(id);\n    this.visited.add(id);\n  }\n}`,
  },
  {
    name: "a result stored in another map than the one the guard checks",
    code: `declare function run(id: string): Promise<string>;\nexport class Jobs {\n  private readonly pending = new Set<string>();\n  private readonly results = new Map<string, string>();\n  async finish(id: string) {\n    if (!this.pending.has(id)) return;\n    const result = await run(id);\n    this.results.set(id, result);\n  }\n}`,
  },
  {
    name: "a module total updated from a parameter's same-named property",
    code: `interface Order { id: string; total: number }\ndeclare function save(amount: number): Promise<void>;\nlet total = 0;\nexport async function record(order: Order) {\n  const amount = order.total;\n  await save(amount);\n  total = total + amount;\n}`,
  },
  {
    name: "an object replaced from its fresh value after an await, a property snapshot only appended",
    code: `interface Tabs { active: string; history: string[] }\ndeclare function save(tab: string): Promise<void>;\nexport class Browser {\n  private tabs: Tabs = { active: "", history: [] };\n  async archive() {\n    const active = this.tabs.active;\n    await save(active);\n    this.tabs = { ...this.tabs, history: [...this.tabs.history, active] };\n  }\n}`,
  },
  {
    name: "a queue replaced from its fresh value after an await, the first job's snapshot only removed",
    code: `declare function process(job: string): Promise<void>;\ndeclare function without(jobs: string[], job: string): string[];\nexport class Worker {\n  private queue: string[] = [];\n  async runFirst() {\n    const first = this.queue[0];\n    await process(first);\n    this.queue = without(this.queue, first);\n  }\n}`,
  },
  {
    name: "a shared cursor advanced before the await",
    code: `interface Page { rows: string[]; next: string }\ndeclare function render(page: Page): Promise<void>;\nconst pages: Record<string, Page> = {};\nlet cursor = "start";\nexport async function showNext() {\n  const page = pages[cursor];\n  cursor = page.next;\n  await render(page);\n}`,
  },
  {
    name: "a field advanced before the await",
    code: `declare function seek(position: number): Promise<void>;\ndeclare function advance(position: number): number;\nexport class Player {\n  private position = 0;\n  async step() {\n    const next = advance(this.position);\n    this.position = next;\n    await seek(next);\n  }\n}`,
  },
  {
    name: "a clamped counter updated before the await",
    code: `declare function save(count: number): Promise<void>;\nconst LIMIT = 10;\nexport class Counter {\n  private count = 0;\n  async increment() {\n    this.count = Math.min(this.count + 1, LIMIT);\n    await save(this.count);\n  }\n}`,
  },
  {
    name: "a credit taken before the await",
    code: `declare function spend(): Promise<void>;\nexport class Wallet {\n  private credits = 3;\n  async use() {\n    if (this.credits) {\n      this.credits--;\n      await spend();\n    }\n  }\n}`,
  },
  {
    name: "the in-flight connection stored after a `!== undefined` guard",
    code: `interface Client { query(sql: string): Promise<void> }\ndeclare function connect(): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  private connecting: Promise<Client> | undefined;\n  async getClient() {\n    if (this.client !== undefined) return this.client;\n    this.client = await (this.connecting ??= connect());\n    return this.client;\n  }\n}`,
  },
  {
    name: "a stale entry marked refreshing before the await",
    code: `interface Entry { status: "fresh" | "stale"; value: string }\ndeclare function refresh(id: string): Promise<Entry>;\nexport class Registry {\n  private readonly status = new Map<string, string>();\n  private readonly entries = new Map<string, Entry>();\n  async get(id: string) {\n    if (this.status.get(id) === "stale") {\n      this.status.set(id, "refreshing");\n      const entry = await refresh(id);\n      this.entries.set(id, entry);\n    }\n    return this.entries.get(id);\n  }\n}`,
  },
  {
    name: "a lazily loaded list stored from the memoized promise",
    code: `interface Message { id: string }\ndeclare function fetchMessages(): Promise<Message[]>;\nexport class Inbox {\n  private messages: Message[] | undefined;\n  private loading: Promise<Message[]> | undefined;\n  async load() {\n    if (!this.messages) {\n      const fetched = await (this.loading ??= fetchMessages());\n      this.messages = fetched;\n    }\n    return this.messages;\n  }\n}`,
  },
];

// Cases from the mutation run of lines 1851-end.
const invalid1851: InvalidCase[] = [
  // (1851-end must-flag cases go here)
  {
    name: "a compare-and-set that awaits a notification before its bump: another call passes the check meanwhile",
    code: `interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\ndeclare function notify(doc: Doc): Promise<void>;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    await notify(this.doc);\n    this.version++;\n  }\n}`,
    errors: [
      {
        messageId: "staleSnapshot",
        line: 13,
        column: 5,
        message: staleSnapshot("this.doc", "draft"),
      },
      {
        messageId: "checkThenAct",
        line: 15,
        column: 5,
        message: checkThenAct("this.version"),
      },
    ],
  },
  {
    name: "a connection initialized after a presence check, written without semicolons",
    code: `${CONN}\nexport class Pool {\n  private conn: Conn | undefined\n  async get() {\n    if (!this.conn) {\n      this.conn = await connect()\n    }\n    return this.conn\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 6,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `${CONN}\nexport class Pool {\n  private conn: Conn | undefined\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }))\n    }\n    return this.conn\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a token claimed from another counter (++this.loads), compared with the generation",
    code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private loads = 0;\n  private rows: string[] = [];\n  async reload() {\n    const generation = ++this.loads;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a token taken with this.gen++ holds the value before the bump: not a claim",
    code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private loads = 0;\n  private rows: string[] = [];\n  async reload() {\n    const generation = this.gen++;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a fresh controller kept only in the last-controller field, compared with the current one",
    code: `declare function fetchRows(signal: AbortSignal): Promise<string[]>;\ndeclare const sharedController: AbortController;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private lastController: AbortController | undefined;\n  private rows: string[] = [];\n  async reload() {\n    const controller = new AbortController();\n    this.lastController = controller;\n    const previous = this.rows;\n    const rows = await fetchRows(controller.signal);\n    if (controller !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a fresh controller made, but the field set to a shared one",
    code: `declare function fetchRows(signal: AbortSignal): Promise<string[]>;\ndeclare const sharedController: AbortController;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private lastController: AbortController | undefined;\n  private rows: string[] = [];\n  async reload() {\n    const controller = new AbortController();\n    this.controller = sharedController;\n    const previous = this.rows;\n    const rows = await fetchRows(controller.signal);\n    if (controller !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a fresh controller stored only if none is current (??=): an older call's controller may stay",
    code: `declare function fetchRows(signal: AbortSignal): Promise<string[]>;\ndeclare const sharedController: AbortController;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private lastController: AbortController | undefined;\n  private rows: string[] = [];\n  async reload() {\n    const controller = new AbortController();\n    this.controller ??= controller;\n    const previous = this.rows;\n    const rows = await fetchRows(controller.signal);\n    if (controller !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a connection stored after rechecking another field, not the connection",
    code: `${CONN}\nexport class Pool {\n  private conn: Conn | undefined;\n  private closed = false;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.closed) this.conn = conn;\n    }\n    return this.conn;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 8, column: 25, message: duplicateInit("this.conn") }],
  },
  {
    name: "a generation read after a trace, never bumped: not a claim",
    code: `declare function fetchRows(): Promise<string[]>;\ndeclare function trace(name: string): void;\nexport class Grid {\n  private gen = 0;\n  private rows: string[] = [];\n  async reload() {\n    trace(\"reload\");\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a module function's generation parameter: only a private method's callers are followed",
    code: `declare function seek(position: number): Promise<void>;\nlet generation = 0;\nlet position = 0;\nexport function play() {\n  const claimed = ++generation;\n  void playNext(claimed);\n}\nasync function playNext(claimed: number) {\n  const at = position;\n  await seek(at);\n  if (claimed !== generation) return;\n  position = at + 1;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 3, message: staleSnapshot("position", "at") }],
  },
  {
    name: "playNext's generation defaults to the current one: a call without it is not claimed",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  private async playNext(generation = this.generation) {\n    const position = this.position;\n    await seek(position);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "playNext bumps its own generation parameter after the write: later checks compare a value no caller claimed",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  private async playNext(generation: number) {\n    const position = this.position;\n    await seek(position);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n    this.generation = ++generation;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "playNext called on another player with this player's generation",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  follow(leader: Player) {\n    const generation = ++this.generation;\n    void leader.playNext(generation);\n  }\n${PLAY_NEXT}`,
    errors: [{ messageId: "staleSnapshot", line: 18, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "playNext called from a timer callback with its enclosing function's generation",
    code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    setTimeout(() => void this.playNext(generation), 0);\n  }\n${PLAY_NEXT}`,
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "a controller stored as the current one only after playNext was started with it",
    code: `${PLAYER}  play() {\n    const controller = new AbortController();\n    void this.playNext(controller);\n    this.controller = controller;\n  }\n  private async playNext(controller: AbortController) {\n    const position = this.position;\n    await seek(position);\n    if (controller !== this.controller) return;\n    this.position = position + 1;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 15, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "a private playNext no method of the class calls: its generation is claimed by nobody",
    code: `${PLAYER}${PLAY_NEXT}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "playFrom called with a spread before the generation: its position is not known",
    code: `${PLAYER}  play(from: number) {\n    const generation = ++this.generation;\n    const at: [number] = [from];\n    void this.playFrom(...at, generation);\n  }\n  private async playFrom(from: number, generation: number) {\n    const position = this.position;\n    await seek(from);\n    if (generation !== this.generation) return;\n    this.position = position + from;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 15, column: 5, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "a generation compared with what a function returns, not with the field it claimed",
    code: `declare function fetchRows(): Promise<string[]>;\ndeclare function latestGeneration(): number;\nexport class Grid {\n  private gen = 0;\n  private rows: string[] = [];\n  async reload() {\n    const generation = ++this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== latestGeneration()) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a generation doubled (0 stays 0): not a fresh token, the rows written back stale",
    code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen: number = 0;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen = this.gen * 2;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a generation set from another field plus one: concurrent calls claim the same value",
    code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen: number = 0;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen = this.base + 1;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "a controller reused through ??= is not a fresh token: the rows written back stale",
    code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.controller ??= new AbortController();\n    const generation = this.controller;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
];
const valid1851: ValidCase[] = [
  // (1851-end must-not-flag cases go here)
  { name: "a compare-and-set that notifies after its bump", code: `interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\ndeclare function notify(doc: Doc): Promise<void>;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    this.version++;\n    await notify(this.doc);\n  }\n}` },
  { name: "a compare-and-set that returns early on an empty save between the check and the write", code: `interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    if (!saved.text) return;\n    this.doc = merge(draft, saved);\n    this.version++;\n  }\n}` },
  { name: "a token claimed with ++this.gen, the load count bumped too, before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private loads = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.loads++;\n    const generation = ++this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a token claimed inline with (this.gen += 1) before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private loads = 0;\n  private rows: string[] = [];\n  async reload() {\n    const generation = (this.gen += 1);\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a fresh controller stored as the last and the current one before the await", code: `declare function fetchRows(signal: AbortSignal): Promise<string[]>;\ndeclare const sharedController: AbortController;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private lastController: AbortController | undefined;\n  private rows: string[] = [];\n  async reload() {\n    const controller = new AbortController();\n    this.lastController = controller;\n    this.controller = controller;\n    const previous = this.rows;\n    const rows = await fetchRows(controller.signal);\n    if (controller !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a fresh controller stored as the current one after aborting the old one", code: `declare function fetchRows(signal: AbortSignal): Promise<string[]>;\ndeclare const sharedController: AbortController;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private lastController: AbortController | undefined;\n  private rows: string[] = [];\n  async reload() {\n    const controller = new AbortController();\n    this.controller?.abort();\n    this.controller = controller;\n    const previous = this.rows;\n    const rows = await fetchRows(controller.signal);\n    if (controller !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a fresh controller stored as the current one, the rows read before it", code: `declare function fetchRows(signal: AbortSignal): Promise<string[]>;\ndeclare const sharedController: AbortController;\nexport class Grid {\n  private controller: AbortController | undefined;\n  private lastController: AbortController | undefined;\n  private rows: string[] = [];\n  async reload() {\n    const previous = this.rows;\n    const controller = new AbortController();\n    this.controller = controller;\n    const rows = await fetchRows(controller.signal);\n    if (controller !== this.controller) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a connection stored only if still unset and the pool still open after the await", code: `${CONN}\nexport class Pool {\n  private conn: Conn | undefined;\n  private closed = false;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.conn && !this.closed) this.conn = conn;\n    }\n    return this.conn;\n  }\n}` },
  { name: "the generation bumped, the rows read, then the generation read into the token, before the await", code: `declare function fetchRows(): Promise<string[]>;\ndeclare function trace(name: string): void;\nexport class Grid {\n  private gen = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen++;\n    const previous = this.rows;\n    const generation = this.gen;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "the generation bumped, traced, then read into the token, before the await", code: `declare function fetchRows(): Promise<string[]>;\ndeclare function trace(name: string): void;\nexport class Grid {\n  private gen = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen++;\n    trace(\"reload\");\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a module function's position advanced before the await", code: `declare function seek(position: number): Promise<void>;\nlet position = 0;\nexport async function playNext() {\n  const at = position;\n  position = at + 1;\n  await seek(at);\n}` },
  { name: "playNext started from a timer callback that claims the generation itself", code: `${PLAYER}  play() {\n    setTimeout(() => {\n      const generation = ++this.generation;\n      void this.playNext(generation);\n    }, 0);\n  }\n${PLAY_NEXT}` },
  { name: "a controller stored as the current one before playNext is started with it", code: `${PLAYER}  play() {\n    const controller = new AbortController();\n    this.controller = controller;\n    void this.playNext(controller);\n  }\n  private async playNext(controller: AbortController) {\n    const position = this.position;\n    await seek(position);\n    if (controller !== this.controller) return;\n    this.position = position + 1;\n  }\n}` },
  { name: "playNext counts its hops in a local, the generation parameter untouched", code: `${PLAYER}  play() {\n    const generation = ++this.generation;\n    void this.playNext(generation);\n  }\n  private async playNext(generation: number) {\n    let hops = 0;\n    const position = this.position;\n    await seek(position);\n    if (generation !== this.generation) return;\n    hops++;\n    this.position = position + hops;\n  }\n}` },
  { name: "playNext started through this[\"playNext\"], the class also keying a record by string", code: `${PLAYER}  private startedAt: Record<string, number> = {};\n  play() {\n    const generation = ++this.generation;\n    this.startedAt["play"] = Date.now();\n    void this["playNext"](generation);\n  }\n${PLAY_NEXT}` },
  { name: "playFrom called with its claimed generation first and a spread of positions after it", code: `${PLAYER}  play(queue: number[]) {\n    const generation = ++this.generation;\n    void this.playFrom(generation, ...queue);\n  }\n  private async playFrom(generation: number, ...positions: number[]) {\n    const position = this.position;\n    await seek(positions[0] ?? position);\n    if (generation !== this.generation) return;\n    this.position = position + positions.length;\n  }\n}` },
  { name: "a generation bumped with this.gen = this.gen + 1, then read into the token, before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen: number = 0;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen = this.gen + 1;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a countdown generation lowered with -= 1, then read into the token, before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen: number = 0;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen -= 1;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a countdown generation lowered with this.gen = this.gen - 1, then read into the token", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen: number = 0;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen = this.gen - 1;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a countdown generation claimed with --this.gen before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen: number = 0;\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    const generation = --this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
  { name: "a load token stored as a new object, then read into the token, before the await", code: `declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private loadToken: object = {};\n  private base = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.loadToken = {};\n    const generation = this.loadToken;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.loadToken) return;\n    this.rows = previous.concat(rows);\n  }\n}` },
];

// Cases from the mutation run of lines 2007-end and of the lines changed in 1-2006 since their
// runs (sixth session; report shared-state-across-await_e7c44ced), one pair per record.
const invalidDelta: InvalidCase[] = [
  // (changed lines in 1-2006: must-flag cases go here)
  {
    name: "delta streams: an expression-bodied write() that calls back before its update is not judged",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<number>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    write: async (chunk: string, _encoding, callback) => void (callback(), (sent += await send(chunk))),\n  });\n}`,
    errors: [{ messageId: "readModifyWrite", line: 7, column: 77, message: lostUpdate("sent") }],
  },
  {
    name: "delta options: a lock of another key family is not the critical section listed with a slash (jobs/* does not match jobsArchive)",
    code: `interface Mutex { runExclusive<T>(fn: () => Promise<T>): Promise<T> }\ndeclare const locks: Map<string, Mutex>;\ndeclare function countJobs(): Promise<number>;\nlet total = 0;\nexport async function recount() {\n  await locks.get("jobsArchive")?.runExclusive(async () => {\n    total = total + await countJobs();\n  });\n}`,
    options: { criticalSections: ["*jobs/*.runExclusive"] },
    errors: [
      {
        messageId: "readModifyWrite",
        line: 7,
        column: 5,
        message: lostUpdate("total"),
        fixes: [
          [
            HOIST,
            `interface Mutex { runExclusive<T>(fn: () => Promise<T>): Promise<T> }\ndeclare const locks: Map<string, Mutex>;\ndeclare function countJobs(): Promise<number>;\nlet total = 0;\nexport async function recount() {\n  await locks.get("jobsArchive")?.runExclusive(async () => {\n    const awaited = await countJobs();\n    total = total + awaited;\n  });\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "delta chains: a write chained on a queue of the channel passed in (each caller may pass its own) is not serialized",
    code: `declare function appendLine(line: string): Promise<number>;\ninterface Channel { queue: Promise<void> }\nexport class Log {\n  private size = 0;\n  append(channel: Channel, line: string) {\n    channel.queue = channel.queue.then(() => this.write(line));\n    return channel.queue;\n  }\n  private async write(line: string) {\n    const size = this.size;\n    await appendLine(line);\n    this.size = size + 1;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.size", "size") }],
  },
  {
    name: "delta busy guards: a guard that awaits in its own condition is no lock (a second call passes it meanwhile)",
    code: `declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  constructor(private readonly gate: { paused(): Promise<boolean>; ready: Promise<void> }) {}\n  async drain() {\n    if (this.busy || (await this.gate.paused())) return;\n    this.busy = true;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.uploads", "done") }],
  },
  {
    name: "delta streams: a read() that waits for the drain in the statement of its push, before the write",
    code: `import { Readable } from "node:stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\ndeclare function pause(ms: number): Promise<void>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      if (!readable.push(rows)) await pause(50);\n      page = current + 1;\n    },\n  });\n  return readable;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 7, message: staleSnapshot("page", "current") }],
  },
  {
    name: "delta streams: a read() whose last push is followed by an await before the write (the stream may call it again meanwhile)",
    code: `import { Readable } from "node:stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\ndeclare function throttle(): Promise<void>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      if (rows.length === 0) {\n        readable.push(null);\n        return;\n      }\n      readable.push(rows);\n      await throttle();\n      page = current + 1;\n    },\n  });\n  return readable;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 17, column: 7, message: staleSnapshot("page", "current") }],
  },
  {
    name: "delta streams: a read() with no push in sight (a helper pushes the page) is judged like any async function",
    code: `import { Readable } from "node:stream";\ndeclare function pump(target: Readable, page: number): Promise<void>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      await pump(readable, current);\n      page = current + 1;\n      console.debug("page read", current);\n    },\n  });\n  return readable;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 7, message: staleSnapshot("page", "current") }],
  },
  {
    name: "delta streams: a read() that pushes in a callback and awaits after it",
    code: `import { Readable } from "node:stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\ndeclare function checkpoint(page: number): Promise<void>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      if (rows.length === 0) {\n        readable.push(null);\n        return;\n      }\n      rows.forEach((row) => readable.push(row));\n      await checkpoint(current);\n      page = current + 1;\n    },\n  });\n  return readable;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 17, column: 7, message: staleSnapshot("page", "current") }],
  },
  {
    name: "delta streams: a write() that calls back in its try while its finally awaits",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\ndeclare function release(): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      try {\n        await send(chunk);\n        sent = count + 1;\n        callback();\n      } finally {\n        await release();\n      }\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 9, message: staleSnapshot("sent", "count") }],
  },
  {
    name: "delta streams: a write() that hands its callback to an emitter before it awaits",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nimport { EventEmitter } from "node:events";\nexport function writer(buffer: EventEmitter) {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      if (chunk.length === 0) return callback();\n      const count = sent;\n      buffer.once("flushed", callback);\n      await send(chunk);\n      sent = count + 1;\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 7, message: staleSnapshot("sent", "count") }],
  },
  {
    name: "delta streams: an async final() with no callback parameter",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    write(_chunk: string, _encoding, callback) {\n      callback();\n    },\n    async final() {\n      const count = sent;\n      await send("end");\n      sent = count + 1;\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 7, message: staleSnapshot("sent", "count") }],
  },
  {
    name: "delta streams: destroy() is not a method the stream calls one at a time",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nlet closed = 0;\nexport function writer() {\n  return new Writable({\n    objectMode: true,\n    write(_chunk: string, _encoding, callback) {\n      callback();\n    },\n    async destroy(error, callback) {\n      const count = closed;\n      await send("closing");\n      closed = count + 1;\n      callback(error);\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 13, column: 7, message: staleSnapshot("closed", "count") }],
  },
  {
    name: "delta streams: a read() option of the project's own source class (not a Node stream)",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nclass Source {\n  constructor(readonly options: { read(): Promise<void> }) {}\n  push(rows: string[]): void { void rows; }\n}\nexport function pages() {\n  let page = 0;\n  const source = new Source({\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      page = current + 1;\n      source.push(rows);\n    },\n  });\n  return source;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 7, message: staleSnapshot("page", "current") }],
  },
];
const validDelta: ValidCase[] = [
  // (changed lines in 1-2006: must-not-flag cases go here)
  {
    name: "delta options: a critical section listed with a slash in its lock key (jobs/* matches jobs/daily)",
    code: `interface Mutex { runExclusive<T>(fn: () => Promise<T>): Promise<T> }\ndeclare const locks: Map<string, Mutex>;\ndeclare function countJobs(): Promise<number>;\nlet total = 0;\nexport async function recount() {\n  await locks.get("jobs/daily")?.runExclusive(async () => {\n    total = total + await countJobs();\n  });\n}`,
    options: { criticalSections: ["*jobs/*.runExclusive"] },
  },
  {
    name: "delta streams: a read() whose push statement registers an async listener (its await runs later, outside this run)",
    code: `import { Readable } from "node:stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\ndeclare function recordBackpressure(page: number): Promise<void>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      page = current + 1;\n      if (!readable.push(rows)) readable.once("pause", async () => { await recordBackpressure(current); });\n    },\n  });\n  return readable;\n}`,
  },
  {
    name: "delta chains: a write chained on a queue of the instance's own channel object (this.channel.queue)",
    code: `declare function appendLine(line: string): Promise<number>;\ninterface Channel { queue: Promise<void> }\nexport class Log {\n  private size = 0;\n  private readonly channel: Channel = { queue: Promise.resolve() };\n  append(line: string) {\n    this.channel.queue = this.channel.queue.then(() => this.write(line));\n    return this.channel.queue;\n  }\n  private async write(line: string) {\n    const size = this.size;\n    await appendLine(line);\n    this.size = size + 1;\n  }\n}`,
  },
  {
    name: "delta busy guards: a busy flag checked and set after awaiting readiness, before the next await",
    code: `declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  constructor(private readonly gate: { paused(): Promise<boolean>; ready: Promise<void> }) {}\n  async drain() {\n    await this.gate.ready;\n    if (this.busy) return;\n    this.busy = true;\n    const done = this.uploads;\n    await upload(this.queue.splice(0));\n    this.uploads = done + 1;\n    this.busy = false;\n  }\n}`,
  },
  {
    name: "delta closures: an inline callback returned to a project consumer that awaits it one event at a time",
    code: `interface StreamEvent { type: string; id: string }\ndeclare function flush(): Promise<void>;\nasync function consume(events: AsyncIterable<StreamEvent>, onEvent: (event: StreamEvent) => Promise<void>) {\n  for await (const event of events) await onEvent(event);\n}\nexport function run(events: AsyncIterable<StreamEvent>) {\n  let flushed = 0;\n  return consume(events, async () => {\n    const count = flushed;\n    await flush();\n    flushed = count + 1;\n  });\n}`,
  },
  {
    name: "delta streams: a Transform's transform() calling back last in each branch",
    code: `import { Transform } from "node:stream";\ndeclare function enrich(row: string): Promise<string>;\nexport function enricher() {\n  let seen = 0;\n  return new Transform({\n    objectMode: true,\n    async transform(row: string, _encoding, done) {\n      const count = seen;\n      if (row.length === 0) {\n        done();\n        return;\n      }\n      try {\n        const rich = await enrich(row);\n        seen = count + 1;\n        done(null, rich);\n      } catch (err) {\n        done(err as Error);\n      }\n    },\n  });\n}`,
  },
  {
    name: "delta streams: a Writable's write given as an arrow property, calling back last",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    write: async (chunk: string, _encoding, callback) => {\n      const count = sent;\n      await send(chunk);\n      sent = count + 1;\n      callback();\n    },\n  });\n}`,
  },
  {
    name: "delta streams: a Readable imported from \"stream\" whose read() pushes last",
    code: `import { Readable } from "stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      page = current + 1;\n      readable.push(rows.length > 0 ? rows : null);\n    },\n  });\n  return readable;\n}`,
  },
  {
    name: "delta streams: a write() whose catch calls back with the error and returns",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      try {\n        await send(chunk);\n      } catch (err) {\n        callback(err as Error);\n        return;\n      }\n      sent = count + 1;\n      callback();\n    },\n  });\n}`,
  },
  {
    name: "delta streams: a Duplex's writev() and final(), each calling back last",
    code: `import { Duplex } from "node:stream";\ndeclare function sendAll(chunks: string[]): Promise<void>;\nexport function channel() {\n  let sent = 0;\n  return new Duplex({\n    objectMode: true,\n    read() {},\n    async writev(chunks: Array<{ chunk: string }>, callback) {\n      const count = sent;\n      await sendAll(chunks.map((entry) => entry.chunk));\n      sent = count + chunks.length;\n      callback();\n    },\n    async final(callback) {\n      const count = sent;\n      await sendAll(["end"]);\n      sent = count + 1;\n      callback();\n    },\n  });\n}`,
  },
  {
    name: "delta streams: a PassThrough's flush() calling back last",
    code: `import { PassThrough } from "node:stream";\ndeclare function trailer(count: number): Promise<string>;\nexport function withTrailer() {\n  let written = 0;\n  return new PassThrough({\n    async flush(callback) {\n      const count = written;\n      const text = await trailer(count);\n      written = count + 1;\n      callback(null, text);\n    },\n  });\n}`,
  },
  {
    name: "delta streams: a read() whose push statement awaits before the push",
    code: `import { Readable } from "node:stream";\ninterface Cursor { next(): Promise<string[]>; exhausted(): Promise<boolean> }\ndeclare function openCursor(page: number): Cursor;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const cursor = openCursor(current);\n      const rows = await cursor.next();\n      page = current + 1;\n      (await cursor.exhausted()) ? readable.push(null) : readable.push(rows);\n    },\n  });\n  return readable;\n}`,
  },
  {
    name: "delta streams: a write() that calls back last in its finally, after awaiting the release",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\ndeclare function release(): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      try {\n        await send(chunk);\n        sent = count + 1;\n      } finally {\n        await release();\n        callback();\n      }\n    },\n  });\n}`,
  },
];
const invalid2300: InvalidCase[] = [
  {
    name: "methods that call each other for a retry are no memoized promise (and the analysis ends)",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private attempts = 0;\n  private ensure(): Promise<Conn> {\n    if (this.attempts < 3) return this.retry();\n    return connect();\n  }\n  private retry(): Promise<Conn> {\n    this.attempts++;\n    return this.ensure();\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.ensure();\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 16,
        column: 27,
        message: duplicateInit("this.connection"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connectionPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private attempts = 0;\n  private ensure(): Promise<Conn> {\n    if (this.attempts < 3) return this.retry();\n    return connect();\n  }\n  private retry(): Promise<Conn> {\n    this.attempts++;\n    return this.ensure();\n  }\n  async get() {\n    if (!this.connection) this.connection = await (this.connectionPending ??= this.ensure().finally(() => { this.connectionPending = undefined; }));\n    return this.connection;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a method that memoizes only while open: one of its returns starts a new connection",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  private ensure(): Promise<Conn> {\n    if (this.closed) return connect();\n    return (this.connecting ??= connect());\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.ensure();\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 12,
        column: 27,
        message: duplicateInit("this.connection"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connectionPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  private ensure(): Promise<Conn> {\n    if (this.closed) return connect();\n    return (this.connecting ??= connect());\n  }\n  async get() {\n    if (!this.connection) this.connection = await (this.connectionPending ??= this.ensure().finally(() => { this.connectionPending = undefined; }));\n    return this.connection;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a promise read from one field and stored in another is not memoized",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private pending: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) this.connection = await (this.connecting ?? (this.pending = connect()));\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 8, column: 27, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise restarted when it is the failed one: a comparison, not an absence check",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private failed: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      if (this.connecting === this.failed) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise restarted while under a retry limit: not an absence check",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private retries = 0;\n  async get() {\n    if (!this.connection) {\n      if (this.retries < 3) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise chained with a retry when it is set: a presence check guards no memo",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      if (this.connecting) this.connecting = this.connecting.catch(() => connect());\n      this.connecting ??= connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise started when unset and chained with a retry in the else branch",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      if (!this.connecting) this.connecting = connect();\n      else this.connecting = this.connecting.catch(() => connect());\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise started when a method says the client is closed: no check of the promise",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private isOpen() { return this.connection !== undefined; }\n  async get() {\n    if (!this.connection) {\n      if (!this.isOpen()) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 7, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise started when a copy of another field is unset",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private lastError: Error | undefined;\n  async get() {\n    if (!this.connection) {\n      const lastError = this.lastError;\n      if (!lastError) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 11, column: 7, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise copied into a const before an await, started if the stale copy is unset",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  async get() {\n    const pending = this.connecting;\n    await this.configure();\n    if (!pending) this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 11, column: 27, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise copied into a let that is cleared when closed, then started if unset",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  async get() {\n    let pending = this.connecting;\n    if (this.closed) pending = undefined;\n    if (!pending) this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 11, column: 27, message: duplicateInit("this.connection") }],
  },
  {
    name: "a promise replaced after an await on every call",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  async get() {\n    await this.configure();\n    this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 10, column: 27, message: duplicateInit("this.connection") }],
  },
  {
    name: "a connection started per host from a host list awaited after the early-return guard",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async hosts(): Promise<string[]> { return []; }\n  private async open(): Promise<Conn> {\n    if (this.connecting) return this.connecting;\n    for (const host of await this.hosts()) {\n      this.connecting = connect(host);\n      return this.connecting;\n    }\n    throw new Error(\"no hosts\");\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 10,
        column: 7,
        message: duplicateInit("this.connecting"),
      },
      {
        messageId: "duplicateInit",
        line: 16,
        column: 27,
        message: duplicateInit("this.connection"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connectionPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private async hosts(): Promise<string[]> { return []; }\n  private async open(): Promise<Conn> {\n    if (this.connecting) return this.connecting;\n    for (const host of await this.hosts()) {\n      this.connecting = connect(host);\n      return this.connecting;\n    }\n    throw new Error("no hosts");\n  }\n  async get() {\n    if (!this.connection) this.connection = await (this.connectionPending ??= this.open().finally(() => { this.connectionPending = undefined; }));\n    return this.connection;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a per-key in-flight entry checked under the raw id and stored under the normalized key",
    code: "declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  private failed = new Set<string>();\n  async name(id: string) {\n    const key = id.toLowerCase();\n    if (!this.names.has(key)) {\n      if (!this.inflight.has(id)) this.inflight.set(key, fetchUser(key));\n      this.names.set(key, await this.inflight.get(key)!);\n    }\n    return this.names.get(key);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 10,
        column: 7,
        message: duplicateInitCollection("this.names", "key"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private readonly namesPending = new Map<string, Promise<string>>();\n  private inflight = new Map<string, Promise<string>>();\n  private failed = new Set<string>();\n  async name(id: string) {\n    const key = id.toLowerCase();\n    if (!this.names.has(key)) {\n      if (!this.inflight.has(id)) this.inflight.set(key, fetchUser(key));\n      let pending = this.namesPending.get(key);\n      if (!pending) {\n        pending = this.inflight.get(key)!;\n        this.namesPending.set(key, pending);\n      }\n      this.names.set(key, await pending);\n    }\n    return this.names.get(key);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a per-key in-flight entry started under a has check of another collection",
    code: "declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  private failed = new Set<string>();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (!this.failed.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 9,
        column: 7,
        message: duplicateInitCollection("this.names", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private readonly namesPending = new Map<string, Promise<string>>();\n  private inflight = new Map<string, Promise<string>>();\n  private failed = new Set<string>();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (!this.failed.has(id)) this.inflight.set(id, fetchUser(id));\n      let pending = this.namesPending.get(id);\n      if (!pending) {\n        pending = this.inflight.get(id)!;\n        this.namesPending.set(id, pending);\n      }\n      this.names.set(id, await pending);\n    }\n    return this.names.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a promise started when a parameter holding the caller's promise is unset",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get(reuse?: Promise<Conn>) {\n    if (!this.connection) {\n      if (!reuse) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 9, column: 7, message: duplicateInit("this.connection") }],
  },
];
const valid2300: ValidCase[] = [
  { name: "a connection awaited from a promise memoized with ||=", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) this.connection = await (this.connecting ||= connect());\n    return this.connection;\n  }\n}" },
  { name: "a connection awaited from a promise memoized with ?? and an assignment", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) this.connection = await (this.connecting ?? (this.connecting = connect()));\n    return this.connection;\n  }\n}" },
  { name: "a connection awaited from a promise memoized with || and an assignment", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) this.connection = await (this.connecting || (this.connecting = connect()));\n    return this.connection;\n  }\n}" },
  { name: "a connection awaited from a promise started under an === undefined check", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      if (this.connecting === undefined) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a connection awaited from a promise started under an == null check", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      if (this.connecting == null) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a connection awaited from a method that returns the promise after a !== undefined guard", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private ensureConnecting(): Promise<Conn> {\n    if (this.connecting !== undefined) return this.connecting;\n    this.connecting = connect();\n    return this.connecting;\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.ensureConnecting();\n    return this.connection;\n  }\n}" },
  { name: "a connection awaited from a method that returns the promise after a != null guard", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private ensureConnecting(): Promise<Conn> {\n    if (this.connecting != null) return this.connecting;\n    this.connecting = connect();\n    return this.connecting;\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.ensureConnecting();\n    return this.connection;\n  }\n}" },
  { name: "a promise copied into a const after an await, started only if the copy is unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  async get() {\n    await this.configure();\n    const pending = this.connecting;\n    if (!pending) this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}" },
  { name: "a promise copied into a const, another variable set before the unset copy starts it", code: "let lastAttempt = 0;\ninterface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    const pending = this.connecting;\n    lastAttempt = Date.now();\n    if (!pending) this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}" },
  { name: "a per-key in-flight map memoized with has/set, another key prefetched without a check", code: "declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  async name(id: string, next?: string) {\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      if (next) this.inflight.set(next, fetchUser(next));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}" },
  { name: "a connection awaited from an async method that configures first, then returns the promise after an early-return guard", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    await this.configure();\n    if (this.connecting) return this.connecting;\n    this.connecting = connect();\n    return this.connecting;\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}" },
  { name: "a connection started per host from a host list awaited before the early-return guard", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async hosts(): Promise<string[]> { return []; }\n  private async open(): Promise<Conn> {\n    const hosts = await this.hosts();\n    if (this.connecting) return this.connecting;\n    for (const host of hosts) {\n      this.connecting = connect(host);\n      return this.connecting;\n    }\n    throw new Error(\"no hosts\");\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}" },
  { name: "a promise copied into a let that is not reassigned, started only if the copy is unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  async get() {\n    let pending = this.connecting;\n    if (this.closed) throw new Error(\"closed\");\n    if (!pending) this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}" },
  { name: "a per-key in-flight entry checked and stored under the same normalized key", code: "declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  private failed = new Set<string>();\n  async name(id: string) {\n    const key = id.toLowerCase();\n    if (!this.names.has(key)) {\n      if (!this.inflight.has(key)) this.inflight.set(key, fetchUser(key));\n      this.names.set(key, await this.inflight.get(key)!);\n    }\n    return this.names.get(key);\n  }\n}" },
  { name: "a per-key in-flight entry memoized with has/set after a check of the failed ids", code: "declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  private failed = new Set<string>();\n  async name(id: string) {\n    if (this.failed.has(id)) throw new Error(\"unavailable\");\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}" },
  { name: "a promise started from the caller's promise or a new connection when unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get(reuse?: Promise<Conn>) {\n    if (!this.connection) {\n      if (!this.connecting) this.connecting = reuse ?? connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
];
const invalid2480: InvalidCase[] = [
  {
    name: "fixes: the in-flight map fix picks a free name when the module already has one called cachePending",
    code: `${D}\ndeclare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending = new Set<string>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    cache.set(k, await load(k));\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 7,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `${D}\ndeclare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending2 = new Map<string, Promise<string>>();\nconst cachePending = new Set<string>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = cachePending2.get(k);\n    if (!pending) {\n      pending = load(k);\n      cachePending2.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "fixes: the memoize fix picks a free name when the class already has one called connPending",
    code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn?: Conn;\n  private connPending = 0;\n  async get() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn?: Conn;\n  private connPending2?: Promise<Conn>;\n  private connPending = 0;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connPending2 ??= connect().finally(() => { this.connPending2 = undefined; }));\n    }\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  // (lines 2480-end: must-flag cases go here)
  {
    name: "tokens: a page appended only when the generation has moved on (inverted check around the write)",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation !== this.loadGeneration) {\n      this.rows = [...previous, ...rows];\n    }\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 7, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "tokens: a load that returns when it is the latest and appends when superseded (inverted exit)",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation === this.loadGeneration) return;\n    this.rows = [...previous, ...rows];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "never written again: the memoized count through a let incremented before it is stored (count++)",
    code: `export class Report {\n  private rowCount: number | undefined;\n  private rowCountPromise: Promise<number> | undefined;\n  private async countRows(): Promise<number> { return 1; }\n  async rows() {\n    if (this.rowCount === undefined) {\n      let count = await (this.rowCountPromise ??= this.countRows());\n      count++;\n      this.rowCount = count;\n    }\n    return this.rowCount;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 9, column: 7, message: duplicateInit("this.rowCount") }],
  },
  {
    name: "never written again: the memoized count through a let decremented before it is stored (count--)",
    code: `export class Report {\n  private rowCount: number | undefined;\n  private rowCountPromise: Promise<number> | undefined;\n  private async countRows(): Promise<number> { return 1; }\n  async rows() {\n    if (this.rowCount === undefined) {\n      let count = await (this.rowCountPromise ??= this.countRows());\n      count--;\n      this.rowCount = count;\n    }\n    return this.rowCount;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 9, column: 7, message: duplicateInit("this.rowCount") }],
  },
  {
    name: "tokens: a token derived from the page (String(page)) is no claim: two loads of one page both pass",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nlet requestCounter = 0;\nexport class List {\n  private activeRequest: unknown;\n  private rows: string[] = [];\n  async more(page: number) {\n    const token = String(page);\n    this.activeRequest = token;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (token !== this.activeRequest) return;\n    this.rows = [...previous, ...rows];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "hoist fix: the name awaited and awaited2 are taken, the hoisted value is awaited3",
    code: `declare function fetchDelta(id: string): Promise<number>;\nexport class Meter {\n  private total = 0;\n  async add(ids: string[]) {\n    const awaited = ids.length;\n    const awaited2 = awaited * 2;\n    console.log(awaited, awaited2);\n    this.total = this.total + await fetchDelta(ids[0]);\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 8,
        column: 5,
        message: lostUpdate("this.total"),
        fixes: [
          [
            HOIST,
            `declare function fetchDelta(id: string): Promise<number>;\nexport class Meter {\n  private total = 0;\n  async add(ids: string[]) {\n    const awaited = ids.length;\n    const awaited2 = awaited * 2;\n    console.log(awaited, awaited2);\n    const awaited3 = await fetchDelta(ids[0]);\n    this.total = this.total + awaited3;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: a promise started under if (!pending) but never stored in the in-flight map",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 11,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n    }\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: the stored in-flight promise replaced by a new load when a refresh is asked for",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string, refresh: boolean) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      inflight.set(k, pending);\n    }\n    if (refresh) pending = load(k);\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 13,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string, refresh: boolean) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      inflight.set(k, pending);\n    }\n    if (refresh) pending = load(k);\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: a new load started and stored in the else branch, when one is in flight",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      inflight.set(k, pending);\n    } else {\n      pending = load(k);\n      inflight.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 15,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      inflight.set(k, pending);\n    } else {\n      pending = load(k);\n      inflight.set(k, pending);\n    }\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: the in-flight map written on every call, not only while unset",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) pending = load(k);\n    inflight.set(k, pending);\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 10,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) pending = load(k);\n    inflight.set(k, pending);\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: the in-flight map given another started promise than the one awaited",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      const started = load(k);\n      pending = load(k);\n      inflight.set(k, started);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 13,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      const started = load(k);\n      pending = load(k);\n      inflight.set(k, started);\n    }\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: an await between the start and the store in the in-flight map",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      await warmUp();\n      inflight.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 13,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      await warmUp();\n      inflight.set(k, pending);\n    }\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "tokens: a let token refreshed from the field after the await proves nothing",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private rows: string[] = [];\n  async more(page: number) {\n    let generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    generation = this.loadGeneration;\n    if (generation !== this.loadGeneration) return;\n    this.rows = [...previous, ...rows];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "serialized callback: passed to a library mapper that may run it concurrently",
    code: `declare function save(id: string): Promise<void>;\ndeclare function pMap<T>(items: T[], run: (item: T) => Promise<void>, options: { concurrency: number }): Promise<void>;\nexport async function syncAll(ids: string[]) {\n  let done = 0;\n  const onDone = async (id: string) => {\n    const before = done;\n    await save(id);\n    done = before + 1;\n  };\n  await pMap(ids, onDone, { concurrency: 4 });\n  return done;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("done", "before") }],
  },
  {
    name: "serialized callback: awaited inside a forEach callback, so the runs overlap",
    code: `declare function save(id: string): Promise<void>;\nexport async function syncAll(ids: string[]) {\n  let done = 0;\n  const onDone = async (id: string) => {\n    const before = done;\n    await save(id);\n    done = before + 1;\n  };\n  ids.forEach(async (id) => {\n    await onDone(id);\n  });\n  return done;\n}`,
    errors: [{ messageId: "staleSnapshot", line: 7, column: 5, message: staleSnapshot("done", "before") }],
  },
];
const valid2480: ValidCase[] = [
  {
    name: "fixes: a class whose connPending already memoizes the connection is not reported",
    code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn?: Conn;\n  private connPending?: Promise<Conn>;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connPending ??= connect());\n    }\n    return this.conn;\n  }\n}`,
  },
  {
    name: "fixes: a module whose cachePending map already holds the in-flight loads is not reported",
    code: `${D}\ndeclare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = cachePending.get(k);\n    if (!pending) {\n      pending = load(k);\n      cachePending.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
  },
  // (lines 2480-end: must-not-flag cases go here)
  { name: "tokens: a page appended inside a loose-equality generation check (==)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation == this.loadGeneration) {\n      this.rows = [...previous, ...rows];\n    }\n  }\n}` },
  { name: "tokens: a superseded load returns on a loose-inequality generation check (!=)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation != this.loadGeneration) return;\n    this.rows = [...previous, ...rows];\n  }\n}` },
  { name: "tokens: a superseded load returns on a negated generation check, !(a === b)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (!(generation === this.loadGeneration)) return;\n    this.rows = [...previous, ...rows];\n  }\n}` },
  { name: "tokens: a page appended inside a generation check and-ed with an open flag (token first)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation === this.loadGeneration && !this.closed) {\n      this.rows = [...previous, ...rows];\n    }\n  }\n}` },
  { name: "tokens: a page appended inside an open flag and-ed with a generation check (token second)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (!this.closed && generation === this.loadGeneration) {\n      this.rows = [...previous, ...rows];\n    }\n  }\n}` },
  { name: "tokens: a superseded or closed load returns (token check first in the ||)", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private closed = false;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation !== this.loadGeneration || this.closed) return;\n    this.rows = [...previous, ...rows];\n  }\n}` },
  { name: "never written again: the memoized count through a let tested with ! before it is stored", code: `export class Report {\n  private rowCount: number | undefined;\n  private rowCountPromise: Promise<number> | undefined;\n  private async countRows(): Promise<number> { return 1; }\n  async rows() {\n    if (this.rowCount === undefined) {\n      let count = await (this.rowCountPromise ??= this.countRows());\n      if (!count) console.warn(\"empty report\");\n      this.rowCount = count;\n    }\n    return this.rowCount;\n  }\n}` },
  { name: "never written again: the memoized count through a let, a callback's same-named parameter reassigned", code: `export class Report {\n  private rowCount: number | undefined;\n  private rowCountPromise: Promise<number> | undefined;\n  private async countRows(): Promise<number> { return 1; }\n  async rows() {\n    if (this.rowCount === undefined) {\n      let count = await (this.rowCountPromise ??= this.countRows());\n      const labels = [\" a \", \"b \"].map((count) => {\n        count = count.trim();\n        return count;\n      });\n      console.log(labels);\n      this.rowCount = count;\n    }\n    return this.rowCount;\n  }\n}` },
  { name: "tokens: a request number from a module counter (++counter) stored as the current request", code: `declare function fetchPage(page: number): Promise<string[]>;\nlet requestCounter = 0;\nexport class List {\n  private activeRequest: unknown;\n  private rows: string[] = [];\n  async more(page: number) {\n    const token = ++requestCounter;\n    this.activeRequest = token;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (token !== this.activeRequest) return;\n    this.rows = [...previous, ...rows];\n  }\n}` },
  { name: "memoized local: the in-flight map filled under if (!pending), another local assigned in the same branch", code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  let source = \"cache\";\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      inflight.set(k, pending);\n      source = \"network\";\n    }\n    cache.set(k, await pending);\n  }\n  console.debug(k, source);\n  return cache.get(k);\n}` },
  { name: "memoized local: the in-flight map filled under if (!pending), a log line between the start and the store", code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      console.debug(\"cache miss\", k);\n      inflight.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}` },
  { name: "memoized local: a const holding the ??= memoized connection, awaited for the client and then the ready flag", code: `interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private ready = false;\n  async open() {\n    if (!this.conn) {\n      const pending = (this.connecting ??= connect());\n      this.conn = await pending;\n      this.ready = true;\n    }\n    return this.conn;\n  }\n}` },
  { name: "memoized local: a field's in-flight promise copied into a let, started and stored when unset", code: `interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async open() {\n    if (!this.conn) {\n      let connecting = this.connecting;\n      if (!connecting) {\n        connecting = connect();\n        this.connecting = connecting;\n      }\n      this.conn = await connecting;\n    }\n    return this.conn;\n  }\n}` },
  { name: "memoized local: the in-flight map checked with === undefined before the start", code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (pending === undefined) {\n      pending = load(k);\n      inflight.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}` },
  { name: "tokens: a const token checked, the field read again for logging after the check", code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (generation !== this.loadGeneration) return;\n    const current = this.loadGeneration;\n    this.rows = [...previous, ...rows];\n    console.debug(\"generation\", current);\n  }\n}` },
  { name: "serialized callback: awaited one call at a time in a for...of loop", code: `declare function save(id: string): Promise<void>;\nexport async function syncAll(ids: string[]) {\n  let done = 0;\n  const onDone = async (id: string) => {\n    const before = done;\n    await save(id);\n    done = before + 1;\n  };\n  for (const id of ids) await onDone(id);\n  return done;\n}` },
  { name: "serialized callback: awaited for the first id, then for the rest in turn", code: `declare function save(id: string): Promise<void>;\nexport async function syncAll(ids: string[]) {\n  let done = 0;\n  const onDone = async (id: string) => {\n    const before = done;\n    await save(id);\n    done = before + 1;\n  };\n  const [first, ...rest] = ids;\n  if (first !== undefined) await onDone(first);\n  for (const id of rest) {\n    await onDone(id);\n  }\n  return done;\n}` },
];

// The left mutants of lines 601-1850 and 2480-end, second look.
const invalidLeftB: InvalidCase[] = [
  {
    name: "memoized local: a refresh that starts a new load through a chained assignment (this.lastLoad = pending = load(k)) and never stores it",
    code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport class Loader {\n  private lastLoad: Promise<string> | undefined;\n  async get(k: string, refresh: boolean) {\n    if (!cache.has(k) || refresh) {\n      let pending = inflight.get(k);\n      if (!pending) {\n        pending = load(k);\n        inflight.set(k, pending);\n      } else if (refresh) {\n        this.lastLoad = pending = load(k);\n      }\n      cache.set(k, await pending);\n    }\n    return cache.get(k);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 15,
        column: 7,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport class Loader {\n  private lastLoad: Promise<string> | undefined;\n  async get(k: string, refresh: boolean) {\n    if (!cache.has(k) || refresh) {\n      let pending = inflight.get(k);\n      if (!pending) {\n        pending = load(k);\n        inflight.set(k, pending);\n      } else if (refresh) {\n        this.lastLoad = pending = load(k);\n      }\n      let pending2 = cachePending.get(k);\n      if (!pending2) {\n        pending2 = pending;\n        cachePending.set(k, pending2);\n      }\n      cache.set(k, await pending2);\n    }\n    return cache.get(k);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: a fallback chained onto the load after it is stored in the in-flight map (the awaited promise is not the stored one)",
    code: `declare function fetchPrimary(k: string): Promise<string>;\ndeclare function fetchFallback(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = fetchPrimary(k);\n      inflight.set(k, pending);\n      pending = pending.catch(() => fetchFallback(k));\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 13,
        column: 5,
        message: duplicateInitCollection("cache", "k"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchPrimary(k: string): Promise<string>;\ndeclare function fetchFallback(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst cachePending = new Map<string, Promise<string>>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = fetchPrimary(k);\n      inflight.set(k, pending);\n      pending = pending.catch(() => fetchFallback(k));\n    }\n    let pending2 = cachePending.get(k);\n    if (!pending2) {\n      pending2 = pending;\n      cachePending.set(k, pending2);\n    }\n    cache.set(k, await pending2);\n  }\n  return cache.get(k);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized local: a load started before a shared warm-up and stored after it, with a re-check: the calls that wait there each start one",
    code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst ready = new Set<string>();\nconst inflight = new Map<string, Promise<string>>();\nlet warming: Promise<void> | undefined;\nexport async function prepare(k: string) {\n  if (!ready.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      await (warming ??= warmUp());\n      if (inflight.has(k)) return;\n      inflight.set(k, pending);\n    }\n    await pending;\n    ready.add(k);\n  }\n}`,
    errors: [{ messageId: "duplicateInitCollection", line: 16, column: 5, message: duplicateInitCollection("ready", "k") }],
  },
  {
    name: "tokens: a load that returns when it is the latest, its check coerced with unary plus (inverted exit)",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private rows: string[] = [];\n  async more(page: number) {\n    const generation = ++this.loadGeneration;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (+(generation === this.loadGeneration)) return;\n    this.rows = [...previous, ...rows];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "tokens: a token derived from the page (-page) is no claim: two loads of one page both pass",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private activeRequest: unknown;\n  private rows: string[] = [];\n  async more(page: number) {\n    const token = -page;\n    this.activeRequest = token;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (token !== this.activeRequest) return;\n    this.rows = [...previous, ...rows];\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 5, message: staleSnapshot("this.rows", "previous") }],
  },
  {
    name: "never written again: the memoized count in a var declared in a try, reassigned in the catch",
    code: `export class Report {\n  private rowCount: number | undefined;\n  private rowCountPromise: Promise<number> | undefined;\n  private async countRows(): Promise<number> { return 1; }\n  async rows() {\n    if (this.rowCount === undefined) {\n      try {\n        var count = await (this.rowCountPromise ??= this.countRows());\n      } catch {\n        count = 0;\n      }\n      this.rowCount = count;\n    }\n    return this.rowCount;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 12, column: 7, message: duplicateInit("this.rowCount") }],
  },
  {
    name: "duplicate init: a one-time step recorded in a field typed null | undefined (null: done) gets no memoize fix, there is no value type to declare the promise with",
    code: `declare function runMigrations(): Promise<null>;\nexport class Store {\n  private migrated: null | undefined;\n  async ready() {\n    if (this.migrated === undefined) {\n      this.migrated = await runMigrations();\n    }\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 6, column: 7, message: duplicateInit("this.migrated") }],
  },
  {
    name: "busy flag: set with ??= after the check, which leaves a flag reset to false unset: no lock",
    code: `declare function sync(): Promise<void>;\nexport class Syncer {\n  private busy = false;\n  private synced = 0;\n  async run() {\n    if (this.busy) return;\n    this.busy ??= true;\n    const before = this.synced;\n    await sync();\n    this.synced = before + 1;\n    this.busy = false;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 5, message: staleSnapshot("this.synced", "before") }],
  },
  {
    name: "collections: a member added to a Set subclass with a role read from the set after an await (the role argument is not the entry)",
    code: `declare function announce(id: string): Promise<void>;\nclass Members extends Set<string> {\n  readonly roles = new Map<string, "owner" | "member">();\n  add(id: string, role: "owner" | "member" = "member") {\n    this.roles.set(id, role);\n    return super.add(id);\n  }\n}\nexport class Room {\n  private members = new Members();\n  constructor(private readonly ownerId: string) {}\n  async join(id: string) {\n    if (!this.members.has(id)) {\n      await announce(id);\n      this.members.add(id, this.members.has(this.ownerId) ? "member" : "owner");\n    }\n  }\n}`,
    errors: [{ messageId: "duplicateWorkCollection", line: 15, column: 7, message: duplicateWorkCollection("this.members", "id", "announce") }],
  },
  {
    name: "collections: an Array subclass with add, checked with the indexOf truthiness slip (a value test, not presence)",
    code: `declare function announce(id: string): Promise<void>;\nclass IdList extends Array<string> {\n  add(id: string) {\n    if (!this.includes(id)) this.push(id);\n    return this;\n  }\n}\nexport class Room {\n  private ids = new IdList();\n  async join(id: string) {\n    if (!this.ids.indexOf(id)) {\n      await announce(id);\n      this.ids.add(id);\n    }\n  }\n}`,
    errors: [{ messageId: "checkThenActCollection", line: 13, column: 7, message: checkThenActCollection("this.ids", "id") }],
  },
  {
    name: "serialized callers: a worker class expression calls the client's private refresh through a captured client (its this.refresh() is its own)",
    code: `declare function fetchToken(): Promise<string>;\nexport class Client {\n  private token: string | undefined;\n  private async refresh() {\n    if (this.token === undefined) {\n      this.token = await fetchToken();\n    }\n  }\n  createWorker() {\n    const client = this;\n    return class Worker {\n      constructor() {\n        void this.start();\n      }\n      private async refresh() {\n        await client.refresh();\n      }\n      private async start() {\n        await this.refresh();\n      }\n    };\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 6,
        column: 7,
        message: duplicateInit("this.token"),
        fixes: [
          [
            MEMO,
            `declare function fetchToken(): Promise<string>;\nexport class Client {\n  private token: string | undefined;\n  private tokenPending?: Promise<string>;\n  private async refresh() {\n    if (this.token === undefined) {\n      this.token = await (this.tokenPending ??= fetchToken().finally(() => { this.tokenPending = undefined; }));\n    }\n  }\n  createWorker() {\n    const client = this;\n    return class Worker {\n      constructor() {\n        void this.start();\n      }\n      private async refresh() {\n        await client.refresh();\n      }\n      private async start() {\n        await this.refresh();\n      }\n    };\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "serialized callers: a private async generator advanced on every call (this.pages().next()) runs once per call",
    code: `declare function fetchCursor(): Promise<string>;\ndeclare function fetchPage(cursor: string): Promise<string[]>;\nexport class Feed {\n  private cursor: string | undefined;\n  private async *pages() {\n    if (this.cursor === undefined) {\n      this.cursor = await fetchCursor();\n    }\n    yield await fetchPage(this.cursor);\n  }\n  firstPage() {\n    return this.pages().next();\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 7,
        message: duplicateInit("this.cursor"),
        fixes: [
          [
            MEMO,
            `declare function fetchCursor(): Promise<string>;\ndeclare function fetchPage(cursor: string): Promise<string[]>;\nexport class Feed {\n  private cursor: string | undefined;\n  private cursorPending?: Promise<string>;\n  private async *pages() {\n    if (this.cursor === undefined) {\n      this.cursor = await (this.cursorPending ??= fetchCursor().finally(() => { this.cursorPending = undefined; }));\n    }\n    yield await fetchPage(this.cursor);\n  }\n  firstPage() {\n    return this.pages().next();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "locations: a tile cache keyed by arithmetic on the coordinates (y * this.width + x), filled after an await",
    code: `declare function loadTile(x: number, y: number): Promise<string>;\nexport class TileLayer {\n  private tiles: Record<number, string> = {};\n  constructor(private readonly width: number) {}\n  async tile(x: number, y: number) {\n    if (!this.tiles[y * this.width + x]) {\n      this.tiles[y * this.width + x] = await loadTile(x, y);\n    }\n    return this.tiles[y * this.width + x];\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 7, column: 7, message: duplicateInit("this.tiles[y*this.width+x]") }],
  },
  {
    name: "locations: an hourly count keyed by arithmetic (day * 24 + hour), updated with an awaited count",
    code: `declare function countEvents(day: number, hour: number): Promise<number>;\nexport class Stats {\n  private counts: number[] = [];\n  async add(day: number, hour: number) {\n    this.counts[day * 24 + hour] = (this.counts[day * 24 + hour] ?? 0) + await countEvents(day, hour);\n  }\n}`,
    errors: [{ messageId: "readModifyWrite", line: 5, column: 5, message: lostUpdate("this.counts[day*24+hour]") }],
  },
];
const validLeftB: ValidCase[] = [
  { name: "memoized local: a const holding the ??= memoized connection, awaited under two separate checks", code: `interface Conn { id: number }\ndeclare function connect(): Promise<Conn>;\nexport class Client {\n  private conn: Conn | undefined;\n  private announced = false;\n  private connecting: Promise<Conn> | undefined;\n  async open() {\n    const connecting = (this.connecting ??= connect());\n    if (!this.conn) {\n      this.conn = await connecting;\n    }\n    if (!this.announced) {\n      await connecting;\n      this.announced = true;\n    }\n    return this.conn;\n  }\n}` },
  { name: "memoized local: the load started through a chained assignment (this.lastLoad = pending = load(k)) and stored in the in-flight map", code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport class Loader {\n  private lastLoad: Promise<string> | undefined;\n  async get(k: string) {\n    if (!cache.has(k)) {\n      let pending = inflight.get(k);\n      if (!pending) {\n        this.lastLoad = pending = load(k);\n        inflight.set(k, pending);\n      }\n      cache.set(k, await pending);\n    }\n    return cache.get(k);\n  }\n}` },
  { name: "memoized local: the load assigned inside its own cleanup chain (pending = (pending = load(k)).finally(...)) and stored", code: `declare function load(k: string): Promise<string>;\nconst cache = new Map<string, string>();\nconst inflight = new Map<string, Promise<string>>();\nexport async function get(k: string) {\n  if (!cache.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = (pending = load(k)).finally(() => inflight.delete(k));\n      inflight.set(k, pending);\n    }\n    cache.set(k, await pending);\n  }\n  return cache.get(k);\n}` },
  { name: "memoized local: a load started and stored before a shared warm-up", code: `declare function load(k: string): Promise<string>;\ndeclare function warmUp(): Promise<void>;\nconst ready = new Set<string>();\nconst inflight = new Map<string, Promise<string>>();\nlet warming: Promise<void> | undefined;\nexport async function prepare(k: string) {\n  if (!ready.has(k)) {\n    let pending = inflight.get(k);\n    if (!pending) {\n      pending = load(k);\n      inflight.set(k, pending);\n      await (warming ??= warmUp());\n    }\n    await pending;\n    ready.add(k);\n  }\n}` },
  { name: "tokens: a request id from a decrementing temporary-id counter (--nextTempId) stored as the current request", code: `declare function fetchPage(page: number): Promise<string[]>;\nlet nextTempId = 0;\nexport class List {\n  private activeRequest: unknown;\n  private rows: string[] = [];\n  async more(page: number) {\n    const token = --nextTempId;\n    this.activeRequest = token;\n    const previous = this.rows;\n    const rows = await fetchPage(page);\n    if (token !== this.activeRequest) return;\n    this.rows = [...previous, ...rows];\n  }\n}` },
  { name: "serialized callback: awaited one call at a time, the call in parentheses (await (onDone(id)))", code: `declare function save(id: string): Promise<void>;\nexport async function syncAll(ids: string[]) {\n  let done = 0;\n  const onDone = async (id: string) => {\n    const before = done;\n    await save(id);\n    done = before + 1;\n  };\n  for (const id of ids) await (onDone(id));\n  return done;\n}` },
  { name: "never written again: the memoized count in a var that nothing writes again", code: `export class Report {\n  private rowCount: number | undefined;\n  private rowCountPromise: Promise<number> | undefined;\n  private async countRows(): Promise<number> { return 1; }\n  async rows() {\n    if (this.rowCount === undefined) {\n      var count = await (this.rowCountPromise ??= this.countRows());\n      this.rowCount = count;\n    }\n    return this.rowCount;\n  }\n}` },
  { name: "serialized callers: a private async generator whose first step is memoized (this.first ??= this.pages().next())", code: `declare function fetchCursor(): Promise<string>;\ndeclare function fetchPage(cursor: string): Promise<string[]>;\nexport class Feed {\n  private cursor: string | undefined;\n  private first: Promise<IteratorResult<string[]>> | undefined;\n  private async *pages() {\n    if (this.cursor === undefined) {\n      this.cursor = await fetchCursor();\n    }\n    yield await fetchPage(this.cursor);\n  }\n  firstPage() {\n    return (this.first ??= this.pages().next());\n  }\n}` },
  { name: "serialized callers: a memoized private refresh, and a nested poller class with a refresh of its own awaited in a public method", code: `declare function fetchToken(): Promise<string>;\ndeclare function poll(): Promise<void>;\nexport class Client {\n  private token: string | undefined;\n  private refreshing: Promise<void> | undefined;\n  private async refresh() {\n    if (this.token === undefined) {\n      this.token = await fetchToken();\n    }\n  }\n  ready() {\n    return (this.refreshing ??= this.refresh());\n  }\n  createPoller() {\n    return class Poller {\n      private async refresh() {\n        await poll();\n      }\n      async tick() {\n        await this.refresh();\n      }\n    };\n  }\n}` },
  { name: "collections: a member added to a Set subclass with its role before the await", code: `declare function announce(id: string): Promise<void>;\nclass Members extends Set<string> {\n  readonly roles = new Map<string, "owner" | "member">();\n  add(id: string, role: "owner" | "member" = "member") {\n    this.roles.set(id, role);\n    return super.add(id);\n  }\n}\nexport class Room {\n  private members = new Members();\n  constructor(private readonly ownerId: string) {}\n  async join(id: string) {\n    if (!this.members.has(id)) {\n      this.members.add(id, this.members.has(this.ownerId) ? "member" : "owner");\n      await announce(id);\n    }\n  }\n}` },
  { name: "collections: an Array subclass with add, checked with indexOf(...) === -1 and filled before the await", code: `declare function announce(id: string): Promise<void>;\nclass IdList extends Array<string> {\n  add(id: string) {\n    if (!this.includes(id)) this.push(id);\n    return this;\n  }\n}\nexport class Room {\n  private ids = new IdList();\n  async join(id: string) {\n    if (this.ids.indexOf(id) === -1) {\n      this.ids.add(id);\n      await announce(id);\n    }\n  }\n}` },
  { name: "locations: a tile cache keyed by arithmetic on the coordinates, filled from the in-flight promise kept per tile", code: `declare function loadTile(x: number, y: number): Promise<string>;\nexport class TileLayer {\n  private loading: Record<number, Promise<string>> = {};\n  constructor(private readonly width: number) {}\n  tile(x: number, y: number) {\n    return (this.loading[y * this.width + x] ??= loadTile(x, y));\n  }\n}` },
  { name: "locations: an hourly count keyed by arithmetic, updated after the count is awaited", code: `declare function countEvents(day: number, hour: number): Promise<number>;\nexport class Stats {\n  private counts: number[] = [];\n  async add(day: number, hour: number) {\n    const added = await countEvents(day, hour);\n    this.counts[day * 24 + hour] = (this.counts[day * 24 + hour] ?? 0) + added;\n  }\n}` },
];

// An async function run where it is written whose promise is memoized (seen on sequelize's
// ConnectionManager#getConnection, unseen code): one run in flight at a time.
const invalidMemoRun: InvalidCase[] = [
  {
    name: "memoized run: an async IIFE stored without a guard starts a run per call",
    code: `declare function readSettings(): Promise<string>;\nexport class Settings {\n  private text: string | undefined;\n  private loading: Promise<void> | undefined;\n  load() {\n    this.loading = (async () => {\n      if (this.text === undefined) {\n        this.text = await readSettings();\n      }\n    })();\n    return this.loading;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 9,
        message: duplicateInit("this.text"),
        fixes: [
          [
            MEMO,
            `declare function readSettings(): Promise<string>;\nexport class Settings {\n  private text: string | undefined;\n  private textPending?: Promise<string>;\n  private loading: Promise<void> | undefined;\n  load() {\n    this.loading = (async () => {\n      if (this.text === undefined) {\n        this.text = await (this.textPending ??= readSettings().finally(() => { this.textPending = undefined; }));\n      }\n    })();\n    return this.loading;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "memoized run: an async IIFE whose promise is dropped starts a run per call",
    code: `declare function readSettings(): Promise<string>;\nexport class Settings {\n  private text: string | undefined;\n  refresh() {\n    void (async () => {\n      if (this.text === undefined) {\n        this.text = await readSettings();\n      }\n    })();\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 9,
        message: duplicateInit("this.text"),
        fixes: [
          [
            MEMO,
            `declare function readSettings(): Promise<string>;\nexport class Settings {\n  private text: string | undefined;\n  private textPending?: Promise<string>;\n  refresh() {\n    void (async () => {\n      if (this.text === undefined) {\n        this.text = await (this.textPending ??= readSettings().finally(() => { this.textPending = undefined; }));\n      }\n    })();\n  }\n}`,
          ],
        ],
      },
    ],
  },
];
const validMemoRun: ValidCase[] = [
  {
    name: "memoized run: a version probe in an async IIFE stored in a field set only while it is unset",
    code: `interface Conn { id: number }\ninterface Options { databaseVersion: string | 0 }\ndeclare function parse(version: string): string | null;\nexport class ConnectionManager {\n  private versionPromise: Promise<void> | null = null;\n  constructor(private readonly options: Options, private readonly defaultVersion: string) {}\n  private async connect(): Promise<Conn> { return { id: 1 }; }\n  private async disconnect(conn: Conn): Promise<void> { void conn; }\n  private async databaseVersion(conn: Conn): Promise<string> { return String(conn.id); }\n  async getConnection() {\n    if (this.options.databaseVersion === 0) {\n      if (!this.versionPromise) {\n        this.versionPromise = (async () => {\n          try {\n            const connection = await this.connect();\n            if (this.options.databaseVersion === 0) {\n              const version = await this.databaseVersion(connection);\n              this.options.databaseVersion = parse(version) ? version : this.defaultVersion;\n            }\n            this.versionPromise = null;\n            return await this.disconnect(connection);\n          } catch (err) {\n            this.versionPromise = null;\n            throw err;\n          }\n        })();\n      }\n      await this.versionPromise;\n    }\n    return this.connect();\n  }\n}`,
  },
  {
    name: "memoized run: an async IIFE memoized with ??= and cleared by .finally",
    code: `declare function readSettings(): Promise<string>;\nexport class Settings {\n  private text: string | undefined;\n  private loading: Promise<void> | undefined;\n  load() {\n    this.loading ??= (async () => {\n      if (this.text === undefined) {\n        this.text = await readSettings();\n      }\n    })().finally(() => {\n      this.loading = undefined;\n    });\n    return this.loading;\n  }\n}`,
  },
  {
    name: "memoized run: a module-level migration run memoized in a let, returned early while it runs",
    code: `declare function migrate(): Promise<void>;\nlet schemaReady = false;\nlet migrating: Promise<void> | undefined;\nexport function ensureSchema(): Promise<void> {\n  if (migrating) return migrating;\n  migrating = (async function run() {\n    if (!schemaReady) {\n      await migrate();\n      schemaReady = true;\n    }\n  })();\n  return migrating;\n}`,
  },
];

/** Lines 1-10: a "single flight" wrapper (KafkaJS's `sharedPromiseTo`): one call of `asyncFunction` in flight at a time. */
const SHARED_PROMISE_TO =
  "declare function heartbeat(memberId: string): Promise<void>;\n" +
  "function sharedPromiseTo<T>(asyncFunction: (...args: any[]) => Promise<T>): (...args: any[]) => Promise<T> {\n" +
  "  let promise: Promise<T> | null = null;\n" +
  "  return (...args) => {\n" +
  "    if (promise == null) {\n" +
  "      promise = asyncFunction(...args).finally(() => (promise = null));\n" +
  "    }\n" +
  "    return promise;\n" +
  "  };\n" +
  "}\n";
const invalidSingleFlight: InvalidCase[] = [
  {
    name: "single flight: a wrapper made inside the method gives every call its own store",
    code: `${SHARED_PROMISE_TO}export class ConsumerGroup {\n  private lastRequest = Date.now();\n  constructor(private readonly memberId: string) {}\n  async heartbeat(interval: number) {\n    const run = sharedPromiseTo(async () => {\n      if (Date.now() >= this.lastRequest + interval) {\n        await heartbeat(this.memberId);\n        this.lastRequest = Date.now();\n      }\n    });\n    await run();\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 18, column: 9, message: checkThenAct("this.lastRequest") }],
  },
  {
    name: "single flight: a wrapper that only passes the call through (a logging wrapper) serializes nothing",
    code: `declare function heartbeat(memberId: string): Promise<void>;\nfunction logged<T>(fn: (...args: any[]) => Promise<T>): (...args: any[]) => Promise<T> {\n  return (...args) => {\n    console.debug("calling", fn.name);\n    return fn(...args);\n  };\n}\nexport class ConsumerGroup {\n  private lastRequest = Date.now();\n  private readonly beat: (interval: number) => Promise<void>;\n  constructor(private readonly memberId: string) {\n    this.beat = logged(async (interval: number) => {\n      if (Date.now() >= this.lastRequest + interval) {\n        await heartbeat(this.memberId);\n        this.lastRequest = Date.now();\n      }\n    });\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 15, column: 9, message: checkThenAct("this.lastRequest") }],
  },
  {
    name: "single flight: a wrapper that stores every call's promise without checking the store first",
    code: `declare function heartbeat(memberId: string): Promise<void>;\nfunction latest<T>(fn: (...args: any[]) => Promise<T>): (...args: any[]) => Promise<T> {\n  let last: Promise<T> | undefined;\n  return (...args) => {\n    last = fn(...args);\n    return last;\n  };\n}\nexport class ConsumerGroup {\n  private lastRequest = Date.now();\n  private readonly beat: (interval: number) => Promise<void>;\n  constructor(private readonly memberId: string) {\n    this.beat = latest(async (interval: number) => {\n      if (Date.now() >= this.lastRequest + interval) {\n        await heartbeat(this.memberId);\n        this.lastRequest = Date.now();\n      }\n    });\n  }\n}`,
    errors: [{ messageId: "checkThenAct", line: 16, column: 9, message: checkThenAct("this.lastRequest") }],
  },
];
const validSingleFlight: ValidCase[] = [
  {
    name: "single flight: a heartbeat wrapped once in the constructor by sharedPromiseTo (KafkaJS's ConsumerGroup)",
    code: `${SHARED_PROMISE_TO}export class ConsumerGroup {\n  private lastRequest = Date.now();\n  private readonly sharedHeartbeat: (options: { interval: number }) => Promise<void>;\n  constructor(private readonly memberId: string) {\n    this.sharedHeartbeat = sharedPromiseTo(async ({ interval }: { interval: number }) => {\n      const now = Date.now();\n      if (now >= this.lastRequest + interval) {\n        await heartbeat(this.memberId);\n        this.lastRequest = Date.now();\n      }\n    });\n  }\n  async heartbeat(options: { interval: number }) {\n    await this.sharedHeartbeat(options);\n  }\n}`,
  },
  {
    name: "single flight: a token refresh wrapped once at the top level of the module",
    code: `declare function fetchToken(): Promise<string>;\nfunction singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {\n  let inFlight: Promise<T> | undefined;\n  return () => {\n    if (!inFlight) inFlight = fn().finally(() => {\n      inFlight = undefined;\n    });\n    return inFlight;\n  };\n}\nlet token: string | undefined;\nexport const refreshToken = singleFlight(async () => {\n  if (!token) {\n    const fresh = await fetchToken();\n    token = fresh;\n  }\n  return token;\n});`,
  },
  {
    name: "single flight: a wrapper written with ??= in a field initializer",
    code: `declare function heartbeat(memberId: string): Promise<void>;\nconst once = <T,>(fn: () => Promise<T>) => {\n  let pending: Promise<T> | undefined;\n  return () => (pending ??= fn().finally(() => {\n    pending = undefined;\n  }));\n};\nexport class Session {\n  private lastBeat = 0;\n  constructor(private readonly memberId: string) {}\n  readonly beat = once(async () => {\n    if (Date.now() - this.lastBeat > 3000) {\n      await heartbeat(this.memberId);\n      this.lastBeat = Date.now();\n    }\n  });\n}`,
  },
];

/** `streamx`'s Readable (its `read(cb)` is called again once it calls back) and `readable-stream`'s (Node's, from npm). */
const STREAMX =
  'declare module "streamx" {\n  export class Readable<T = any> {\n    constructor(options?: { read?(this: Readable<T>, cb: (error?: Error | null) => void): void });\n    push(data: T | null): boolean;\n  }\n}';
const READABLE_STREAM =
  'declare module "readable-stream" {\n  import * as stream from "node:stream";\n  export class Readable extends stream.Readable {\n    constructor(options?: stream.ReadableOptions);\n  }\n}';

// `const self = this` followed as `this` (aliasOf); stream callbacks handed on or called in a nested
// function (isSerializedStreamMethod); key texts differing in whitespace (normalize); the stream
// packages judged like Node's (STREAM_MODULES). From the record's "right" and "Left" mutants.
const invalidSelf: InvalidCase[] = [
  {
    name: "self alias: a count read through const self = this before the await and written through it after",
    code: `declare function upload(item: string, bucket: string): Promise<void>;\nexport class Sync {\n  private synced = 0;\n  constructor(private readonly bucket: string) {}\n  async push(items: string[]) {\n    const self = this;\n    const synced = self.synced;\n    await Promise.all(items.map(function (item) { return upload(item, self.bucket); }));\n    self.synced = synced + items.length;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 9, column: 5, message: staleSnapshot("this.synced", "synced") }],
  },
  {
    name: "self alias: the client checked through self before the connect and set through it after",
    code: `interface Client { query(sql: string): Promise<string[]> }\ndeclare function connect(url: string): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  constructor(private readonly url: string) {}\n  async rows(sql: string) {\n    const self = this;\n    if (!self.client) {\n      self.client = await connect(self.url);\n    }\n    return self.client.query(sql);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 7,
        message: duplicateInit("this.client"),
        fixes: [
          [
            MEMO,
            `interface Client { query(sql: string): Promise<string[]> }\ndeclare function connect(url: string): Promise<Client>;\nexport class Db {\n  private client: Client | undefined;\n  private clientPending?: Promise<Client>;\n  constructor(private readonly url: string) {}\n  async rows(sql: string) {\n    const self = this;\n    if (!self.client) {\n      self.client = await (self.clientPending ??= connect(self.url).finally(() => { self.clientPending = undefined; }));\n    }\n    return self.client.query(sql);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self alias: a total read as this.total and written through self after the await",
    code: `declare function price(sku: string): Promise<number>;\nexport class Cart {\n  private total = 0;\n  async add(sku: string) {\n    const self = this;\n    const before = this.total;\n    const amount = await price(sku);\n    self.total = before + amount;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.total", "before") }],
  },
  {
    name: "self alias: a Map field filled through self after the await, the in-flight map kept through self too",
    code: `interface Profile { name: string }\ndeclare function fetchProfile(id: string): Promise<Profile>;\nexport class Profiles {\n  private cache: Map<string, Profile> = new Map();\n  async get(id: string) {\n    const self = this;\n    if (!self.cache.has(id)) {\n      self.cache.set(id, await fetchProfile(id));\n    }\n    return self.cache.get(id);\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 8,
        column: 7,
        message: duplicateInitCollection("this.cache", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `interface Profile { name: string }\ndeclare function fetchProfile(id: string): Promise<Profile>;\nexport class Profiles {\n  private cache: Map<string, Profile> = new Map();\n  private readonly cachePending = new Map<string, Promise<Profile>>();\n  async get(id: string) {\n    const self = this;\n    if (!self.cache.has(id)) {\n      let pending = self.cachePending.get(id);\n      if (!pending) {\n        pending = fetchProfile(id);\n        self.cachePending.set(id, pending);\n      }\n      self.cache.set(id, await pending);\n    }\n    return self.cache.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "self alias: the connection set from a getter that connects anew on each read, awaited through self",
    code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private get connecting() {\n    return connect();\n  }\n  async get() {\n    const self = this;\n    if (!self.connection) self.connection = await self.connecting;\n    return self.connection;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 9, column: 27, message: duplicateInit("this.connection") }],
  },
  {
    name: "self alias: a connection set through the method's self in an event handler function (self.conn there, no fix: this is not self)",
    code: `import { EventEmitter } from "node:events";\n${CONN}\nexport class Pool {\n  private conn: Conn | undefined;\n  watch(events: EventEmitter) {\n    const self = this;\n    events.on("ready", async function () {\n      if (!self.conn) self.conn = await connect();\n    });\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 8, column: 23, message: duplicateInit("self.conn") }],
  },
  {
    name: "stream hand-back: a write() that acks with process.nextTick(callback) before it sends",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      process.nextTick(callback);\n      await send(chunk);\n      sent = count + 1;\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 7, message: staleSnapshot("sent", "count") }],
  },
  {
    name: "stream hand-back: a write() that calls back from fs.write's callback, then awaits the index update",
    code: `import * as fs from "node:fs";\nimport { Writable } from "node:stream";\ndeclare function compress(chunk: Buffer): Promise<Buffer>;\ndeclare function updateIndex(offset: number): Promise<void>;\nexport function segmentWriter(fd: number) {\n  let position = 0;\n  return new Writable({\n    async write(chunk: Buffer, _encoding, callback) {\n      const offset = position;\n      const data = await compress(chunk);\n      fs.write(fd, data, 0, data.length, offset, (error) => {\n        callback(error);\n      });\n      await updateIndex(offset);\n      position = offset + data.length;\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 15, column: 7, message: staleSnapshot("position", "offset") }],
  },
  {
    name: "stream hand-back: a write() whose hoisted done() helper calls back before the send",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      done();\n      await send(chunk);\n      sent = count + 1;\n      function done() {\n        callback();\n      }\n    },\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 11, column: 7, message: staleSnapshot("sent", "count") }],
  },
  {
    name: "stream packages: a streamx read(cb) that calls back before it fetches (streamx reads again once called back)",
    code: `import { Readable } from "streamx";\ndeclare function fetchPage(page: number): Promise<string[]>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    async read(cb) {\n      const current = page;\n      cb(null);\n      const rows = await fetchPage(current);\n      page = current + 1;\n      readable.push(rows);\n    },\n  });\n  return readable;\n}`,
    extraFiles: { "streamx.d.ts": STREAMX },
    errors: [{ messageId: "staleSnapshot", line: 10, column: 7, message: staleSnapshot("page", "current") }],
  },
  {
    name: "key text: a thumbnail cache checked for a key broken over two lines and filled for it on one",
    code: `declare function render(source: string): Promise<Uint8Array>;\nconst thumbnails = new Map<string, Uint8Array>();\nexport async function thumbnail(source: string | URL) {\n  if (\n    !thumbnails.has(source instanceof\n      URL ? source.href : source)\n  ) {\n    thumbnails.set(source instanceof URL ? source.href : source, await render(String(source)));\n  }\n  return thumbnails.get(String(source));\n}`,
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 8,
        column: 5,
        message: duplicateInitCollection("thumbnails", "source instanceof URL?source.href:source"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function render(source: string): Promise<Uint8Array>;\nconst thumbnails = new Map<string, Uint8Array>();\nconst thumbnailsPending = new Map<string, Promise<Uint8Array>>();\nexport async function thumbnail(source: string | URL) {\n  if (\n    !thumbnails.has(source instanceof\n      URL ? source.href : source)\n  ) {\n    let pending = thumbnailsPending.get(source instanceof URL ? source.href : source);\n    if (!pending) {\n      pending = render(String(source));\n      thumbnailsPending.set(source instanceof URL ? source.href : source, pending);\n    }\n    thumbnails.set(source instanceof URL ? source.href : source, await pending);\n  }\n  return thumbnails.get(String(source));\n}`,
          ],
        ],
      },
    ],
  },
];
const validSelf: ValidCase[] = [
  {
    name: "self alias: the count read through const self = this after the await",
    code: `declare function upload(item: string, bucket: string): Promise<void>;\nexport class Sync {\n  private synced = 0;\n  constructor(private readonly bucket: string) {}\n  async push(items: string[]) {\n    const self = this;\n    await Promise.all(items.map(function (item) { return upload(item, self.bucket); }));\n    const synced = self.synced;\n    self.synced = synced + items.length;\n  }\n}`,
  },
  {
    name: "self alias: a let starting as this, replaced by a fork before each attempt (may be another object)",
    code: `declare function deliver(message: string): Promise<boolean>;\nexport class Sender {\n  sent = 0;\n  fork(): Sender { return new Sender(); }\n  async sendWithRetry(message: string) {\n    let sender: Sender = this;\n    for (let attempt = 0; attempt < 3; attempt++) {\n      sender = sender.fork();\n      const sent = sender.sent;\n      if (await deliver(message)) {\n        sender.sent = sent + 1;\n        return sender;\n      }\n    }\n    return undefined;\n  }\n}`,
  },
  {
    name: "self alias: a page appended through self only when the generation read through it still holds",
    code: `declare function fetchPage(page: number): Promise<string[]>;\nexport class List {\n  private loadGeneration = 0;\n  private rows: string[] = [];\n  async more(page: number) {\n    const self = this;\n    const generation = ++self.loadGeneration;\n    const previous = self.rows;\n    const rows = await fetchPage(page);\n    if (generation !== self.loadGeneration) return;\n    self.rows = [...previous, ...rows];\n  }\n}`,
  },
  {
    name: "self alias: a busy flag checked and set through self before the first await",
    code: `declare function upload(files: string[]): Promise<void>;\nexport class Uploader {\n  private busy = false;\n  private uploads = 0;\n  private queue: string[] = [];\n  async drain() {\n    const self = this;\n    if (self.busy) return;\n    self.busy = true;\n    const done = self.uploads;\n    await upload(self.queue.splice(0));\n    self.uploads = done + 1;\n    self.busy = false;\n  }\n}`,
  },
  {
    name: "self alias: the connection set from a getter's memoized promise, read through self",
    code: `${CONN}\nexport class Client {\n  private connection: Conn | undefined;\n  private _connecting: Promise<Conn> | undefined;\n  private get connecting() {\n    return (this._connecting ??= connect());\n  }\n  async get() {\n    const self = this;\n    if (!self.connection) self.connection = await self.connecting;\n    return self.connection;\n  }\n}`,
  },
  {
    name: "stream hand-back: a write() that calls back with process.nextTick(callback) as its last statement",
    code: `import { Writable } from "node:stream";\ndeclare function send(chunk: string): Promise<void>;\nexport function writer() {\n  let sent = 0;\n  return new Writable({\n    objectMode: true,\n    async write(chunk: string, _encoding, callback) {\n      const count = sent;\n      await send(chunk);\n      sent = count + 1;\n      process.nextTick(callback);\n    },\n  });\n}`,
  },
  {
    name: "stream hand-back: a write() that calls back at once or hands its callback to the socket's drain event, last",
    code: `import type { Socket } from "node:net";\nimport { Writable } from "node:stream";\ndeclare function frame(chunk: Buffer): Promise<Buffer>;\nexport function forward(socket: Socket) {\n  let forwarded = 0;\n  return new Writable({\n    async write(chunk: Buffer, _encoding, callback) {\n      const count = forwarded;\n      const framed = await frame(chunk);\n      forwarded = count + 1;\n      if (socket.write(framed)) callback();\n      else socket.once("drain", callback);\n    },\n  });\n}`,
  },
  {
    name: "stream hand-back: a read() that pushes each row in a forEach callback as its last statement",
    code: `import { Readable } from "node:stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      page = current + 1;\n      if (rows.length === 0) {\n        readable.push(null);\n        return;\n      }\n      rows.forEach((row) => readable.push(row));\n    },\n  });\n  return readable;\n}`,
  },
  {
    name: "stream hand-back: a write() that calls back from fs.write's callback as its last statement",
    code: `import * as fs from "node:fs";\nimport { Writable } from "node:stream";\ndeclare function compress(chunk: Buffer): Promise<Buffer>;\nexport function segmentWriter(fd: number) {\n  let position = 0;\n  return new Writable({\n    async write(chunk: Buffer, _encoding, callback) {\n      const offset = position;\n      const data = await compress(chunk);\n      position = offset + data.length;\n      fs.write(fd, data, 0, data.length, offset, (error) => {\n        callback(error);\n      });\n    },\n  });\n}`,
  },
  {
    name: "stream packages: a readable-stream Readable whose read() pushes last (Node's streams from npm)",
    code: `import { Readable } from "readable-stream";\ndeclare function fetchPage(page: number): Promise<string[]>;\nexport function pages() {\n  let page = 0;\n  const readable = new Readable({\n    objectMode: true,\n    async read() {\n      const current = page;\n      const rows = await fetchPage(current);\n      page = current + 1;\n      readable.push(rows.length > 0 ? rows : null);\n    },\n  });\n  return readable;\n}`,
    extraFiles: { "readable-stream.d.ts": READABLE_STREAM },
  },
  {
    name: "key text: a thumbnail cache checked for a key on one line, then again after the render with the key broken over two",
    code: `declare function render(source: string): Promise<Uint8Array>;\nconst thumbnails = new Map<string, Uint8Array>();\nexport async function thumbnail(source: string | URL) {\n  if (!thumbnails.has(source instanceof URL ? source.href : source)) {\n    const image = await render(String(source));\n    if (\n      !thumbnails.has(source instanceof\n        URL ? source.href : source)\n    ) {\n      thumbnails.set(source instanceof URL ? source.href : source, image);\n    }\n  }\n  return thumbnails.get(String(source));\n}`,
  },
];
const invalidLeftA: InvalidCase[] = [
  {
    name: "a connection stored twice in one chained assignment (a slip): one race, the inner write related",
    code: "interface Conn { q(): void } declare function connect(): Promise<Conn>;\nexport class Pool {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      this.conn = this.conn = await connect();\n    }\n    return this.conn;\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 7,
        message: lostUpdate("this.conn"),
        related: [6, 6, 6],
        fixes: [
          [
            HOIST,
            `${CONN}\nexport class Pool {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const awaited = await connect();\n      this.conn = this.conn = awaited;\n    }\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "playFrom handed to a scheduler with the claimed generation beside it: a callback, not a claimed call",
    code: "declare function seek(position: number): Promise<void>;\nexport class Player {\n  private generation = 0;\n  private position = 0;\n  private later(step: (from: number, generation: number) => Promise<void>, generation: number) {\n    setTimeout(() => void step.call(this, this.position, generation), 100);\n  }\n  start() {\n    const generation = ++this.generation;\n    this.later(this.playFrom, generation);\n  }\n  private async playFrom(from: number, generation: number) {\n    const position = this.position;\n    await seek(from);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n  }\n}",
    errors: [
      {
        messageId: "staleSnapshot",
        line: 16,
        column: 5,
        message: staleSnapshot("this.position", "position"),
      },
    ],
  },
  {
    name: "a flag toggled and compared after the await is no token: a third toggle brings the value back",
    code: "declare function fetchDetails(): Promise<string[]>;\nexport class Panel {\n  private expanded = false;\n  private rows: string[] = [];\n  async toggle() {\n    const expanded = !this.expanded;\n    this.expanded = expanded;\n    const previous = this.rows;\n    const rows = await fetchDetails();\n    if (expanded !== this.expanded) return;\n    this.rows = previous.concat(rows);\n  }\n}",
    errors: [
      {
        messageId: "staleSnapshot",
        line: 11,
        column: 5,
        message: staleSnapshot("this.rows", "previous"),
      },
    ],
  },
  {
    name: "a token read from another counter after the generation is bumped, compared with the generation",
    code: "declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private shownGen = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen++;\n    const generation = this.shownGen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}",
    errors: [
      {
        messageId: "staleSnapshot",
        line: 12,
        column: 5,
        message: staleSnapshot("this.rows", "previous"),
      },
    ],
  },
  {
    name: "a pending connection restarted with && and an assignment: concurrent restarts connect twice",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get(restart = false) {\n    if (restart) this.connecting && (this.connecting = connect());\n    if (!this.connection) {\n      if (!this.connecting) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 10,
        column: 7,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a promise awaited from || around a &&= (a slip): the &&= stores nothing, no memo",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) this.connection = await (this.connecting || (this.connecting &&= connect()));\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 7,
        column: 27,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "an in-flight promise stored with &&= (a slip for ??=): the field stays unset, every call connects",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      let pending = this.connecting;\n      if (!pending) {\n        pending = connect();\n        this.connecting &&= pending;\n      }\n      this.connection = await pending;\n    }\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 13,
        column: 7,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "an in-flight promise stored with ??= after an await: another call may have stored its own meanwhile",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  async get() {\n    let pending = this.connecting;\n    if (!pending) {\n      await this.configure();\n      pending = connect();\n      this.connecting ??= pending;\n    }\n    if (!this.connection) this.connection = await pending;\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 14,
        column: 27,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a promise copied in the outer block before an await, started in the inner block if the stale copy is unset",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  async get() {\n    const pending = this.connecting;\n    await this.configure();\n    if (!this.connection) {\n      if (!pending) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 12,
        column: 7,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a promise copied in the outer block, started in a loop if the copy is unset: later rounds start it again",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private hosts: string[] = [];\n  async get() {\n    const pending = this.connecting;\n    for (const host of this.hosts) {\n      if (!pending) this.connecting = connect(host);\n    }\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 12,
        column: 27,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a promise copied before an awaited if test, started inside it if the stale copy is unset",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async ready(): Promise<boolean> { return true; }\n  async get() {\n    const pending = this.connecting;\n    if (await this.ready()) {\n      if (!pending) this.connecting = connect();\n      if (!this.connection) this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 11,
        column: 29,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a promise copied into a var only after the check that starts it (hoisted: the check sees undefined)",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!pending) this.connecting = connect();\n    var pending = this.connecting;\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 27,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a per-key in-flight entry started when +has() is truthy: a number, not an absence check",
    code: "declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Map<string, Promise<string>>();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (+this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 8,
        column: 7,
        message: duplicateInitCollection("this.names", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchUser(id: string): Promise<string>;\nexport class Users {\n  private names = new Map<string, string>();\n  private readonly namesPending = new Map<string, Promise<string>>();\n  private inflight = new Map<string, Promise<string>>();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (+this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      let pending = this.namesPending.get(id);\n      if (!pending) {\n        pending = this.inflight.get(id)!;\n        this.namesPending.set(id, pending);\n      }\n      this.names.set(id, await pending);\n    }\n    return this.names.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a promise started when (connecting && null) is falsy, which is always: not an absence check",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      if (!(this.connecting && null)) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 7,
        message: duplicateInit("this.connection"),
      },
    ],
  },
  {
    name: "a per-key in-flight entry started by a Map subclass's add without a has check",
    code: "declare function fetchUser(id: string): Promise<string>;\nclass InflightUsers extends Map<string, Promise<string>> {\n  add(id: string) {\n    return this.set(id, fetchUser(id));\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new InflightUsers();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      this.inflight.add(id);\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 13,
        column: 7,
        message: duplicateInitCollection("this.names", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchUser(id: string): Promise<string>;\nclass InflightUsers extends Map<string, Promise<string>> {\n  add(id: string) {\n    return this.set(id, fetchUser(id));\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private readonly namesPending = new Map<string, Promise<string>>();\n  private inflight = new InflightUsers();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      this.inflight.add(id);\n      let pending = this.namesPending.get(id);\n      if (!pending) {\n        pending = this.inflight.get(id)!;\n        this.namesPending.set(id, pending);\n      }\n      this.names.set(id, await pending);\n    }\n    return this.names.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a promise memoized with ??= whose right side awaits, then assigns the field itself: concurrent calls each store their own",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    return (this.connecting ??= (await this.configure(), this.connecting = connect()));\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "lazyInit",
        line: 8,
        column: 13,
        message: "`this.connecting ??= await ...` checks `this.connecting` before the `await` and assigns it after. Calls that arrive while the first one waits also see it unset, so the initializer runs once per call and the last result wins: duplicate work, but no lost update. Store the in-flight promise instead (`this.connectingPending ??= init()`, then await it), so concurrent calls share one run.",
      },
      {
        messageId: "duplicateInit",
        line: 11,
        column: 27,
        message: duplicateInit("this.connection"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connectionPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    return (this.connecting ??= (await this.configure(), this.connecting = connect()));\n  }\n  async get() {\n    if (!this.connection) this.connection = await (this.connectionPending ??= this.open().finally(() => { this.connectionPending = undefined; }));\n    return this.connection;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a promise started when unset whose initializer awaits, then assigns the field itself: concurrent calls each store their own",
    code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    if (!this.connecting) this.connecting = (await this.configure(), this.connecting = connect());\n    return this.connecting;\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 70,
        message: duplicateInit("this.connecting"),
      },
      {
        messageId: "duplicateInit",
        line: 12,
        column: 27,
        message: duplicateInit("this.connection"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connectionPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    if (!this.connecting) this.connecting = (await this.configure(), this.connecting = connect());\n    return this.connecting;\n  }\n  async get() {\n    if (!this.connection) this.connection = await (this.connectionPending ??= this.open().finally(() => { this.connectionPending = undefined; }));\n    return this.connection;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a Map subclass whose delete takes a reason: a set of the same entry passed as the reason is still an unguarded write",
    code: "declare function fetchUser(id: string): Promise<string>;\nclass Inflight extends Map<string, Promise<string>> {\n  delete(id: string, reason?: unknown): boolean {\n    console.debug(\"dropped\", id, reason);\n    return super.delete(id);\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Inflight();\n  async name(id: string, retry = false) {\n    if (retry) this.inflight.delete(id, this.inflight.set(id, fetchUser(id)));\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 15,
        column: 7,
        message: duplicateInitCollection("this.names", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchUser(id: string): Promise<string>;\nclass Inflight extends Map<string, Promise<string>> {\n  delete(id: string, reason?: unknown): boolean {\n    console.debug("dropped", id, reason);\n    return super.delete(id);\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private readonly namesPending = new Map<string, Promise<string>>();\n  private inflight = new Inflight();\n  async name(id: string, retry = false) {\n    if (retry) this.inflight.delete(id, this.inflight.set(id, fetchUser(id)));\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      let pending = this.namesPending.get(id);\n      if (!pending) {\n        pending = this.inflight.get(id)!;\n        this.namesPending.set(id, pending);\n      }\n      this.names.set(id, await pending);\n    }\n    return this.names.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a Map subclass whose set takes a reason: a set of the same entry passed as the reason of a clearing set is still an unguarded write",
    code: "declare function fetchUser(id: string): Promise<string>;\nclass Inflight extends Map<string, Promise<string> | undefined> {\n  set(id: string, pending: Promise<string> | undefined, reason?: unknown): this {\n    if (pending !== undefined) return super.set(id, pending);\n    console.debug(\"dropped\", id, reason);\n    super.delete(id);\n    return this;\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Inflight();\n  async name(id: string, retry = false) {\n    if (retry) this.inflight.set(id, undefined, this.inflight.set(id, fetchUser(id)));\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}",
    errors: [
      {
        messageId: "duplicateInitCollection",
        line: 17,
        column: 7,
        message: duplicateInitCollection("this.names", "id"),
        fixes: [
          [
            "Cache the in-flight promise",
            `declare function fetchUser(id: string): Promise<string>;\nclass Inflight extends Map<string, Promise<string> | undefined> {\n  set(id: string, pending: Promise<string> | undefined, reason?: unknown): this {\n    if (pending !== undefined) return super.set(id, pending);\n    console.debug("dropped", id, reason);\n    super.delete(id);\n    return this;\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private readonly namesPending = new Map<string, Promise<string>>();\n  private inflight = new Inflight();\n  async name(id: string, retry = false) {\n    if (retry) this.inflight.set(id, undefined, this.inflight.set(id, fetchUser(id)));\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      let pending = this.namesPending.get(id);\n      if (!pending) {\n        pending = this.inflight.get(id)!;\n        this.namesPending.set(id, pending);\n      }\n      this.names.set(id, await pending);\n    }\n    return this.names.get(id);\n  }\n}`,
          ],
        ],
      },
    ],
  },
];
const validLeftA: ValidCase[] = [
  { name: "a Map subclass whose delete takes a reason: the entry dropped on retry, then started under a has check", code: "declare function fetchUser(id: string): Promise<string>;\nclass Inflight extends Map<string, Promise<string>> {\n  delete(id: string, reason?: unknown): boolean {\n    console.debug(\"dropped\", id, reason);\n    return super.delete(id);\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Inflight();\n  async name(id: string, retry = false) {\n    if (retry) this.inflight.delete(id, \"retry\");\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}" },
  { name: "a Map subclass whose set takes a reason: the entry cleared on retry, then started under a has check", code: "declare function fetchUser(id: string): Promise<string>;\nclass Inflight extends Map<string, Promise<string> | undefined> {\n  set(id: string, pending: Promise<string> | undefined, reason?: unknown): this {\n    if (pending !== undefined) return super.set(id, pending);\n    console.debug(\"dropped\", id, reason);\n    super.delete(id);\n    return this;\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new Inflight();\n  async name(id: string, retry = false) {\n    if (retry) this.inflight.set(id, undefined, \"retry\");\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id, fetchUser(id));\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}" },
  { name: "a promise copied into a let in the outer block, never reassigned, started in the inner block if the copy is unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    let pending = this.connecting;\n    if (!this.connection) {\n      if (!pending) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a promise memoized with ??= in an async method that configures first, nothing awaited inside the ??=", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    await this.configure();\n    return (this.connecting ??= connect());\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}" },
  { name: "an in-flight promise stored with = after its copy was found unset (the shape the ??= and &&= cases vary)", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      let pending = this.connecting;\n      if (!pending) {\n        pending = connect();\n        this.connecting = pending;\n      }\n      this.connection = await pending;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a controller stored as the current one before playNext starts with it, and stored again when play is deferred", code: "declare function seek(position: number): Promise<void>;\nexport class Player {\n  private generation = 0;\n  private position = 0;\n  private controller: AbortController | undefined;\n  start(autoplay: boolean) {\n    const controller = new AbortController();\n    if (autoplay) {\n      this.controller = controller;\n      void this.playNext(controller);\n      return;\n    }\n    this.controller = controller;\n  }\n  private async playNext(controller: AbortController) {\n    const position = this.position;\n    await seek(position);\n    if (controller !== this.controller) return;\n    this.position = position + 1;\n  }\n}" },
  { name: "playFrom started directly with the claimed generation and the current position", code: "declare function seek(position: number): Promise<void>;\nexport class Player {\n  private generation = 0;\n  private position = 0;\n  start() {\n    const generation = ++this.generation;\n    void this.playFrom(this.position, generation);\n  }\n  private async playFrom(from: number, generation: number) {\n    const position = this.position;\n    await seek(from);\n    if (generation !== this.generation) return;\n    this.position = position + 1;\n  }\n}" },
  { name: "a flag toggled, the generation claimed before the await and compared after it", code: "declare function fetchDetails(): Promise<string[]>;\nexport class Panel {\n  private expanded = false;\n  private generation = 0;\n  private rows: string[] = [];\n  async toggle() {\n    this.expanded = !this.expanded;\n    const generation = ++this.generation;\n    const previous = this.rows;\n    const rows = await fetchDetails();\n    if (generation !== this.generation) return;\n    this.rows = previous.concat(rows);\n  }\n}" },
  { name: "the generation bumped, then read into the token from the same counter", code: "declare function fetchRows(): Promise<string[]>;\nexport class Grid {\n  private gen = 0;\n  private shownGen = 0;\n  private rows: string[] = [];\n  async reload() {\n    this.gen++;\n    const generation = this.gen;\n    const previous = this.rows;\n    const rows = await fetchRows();\n    if (generation !== this.gen) return;\n    this.rows = previous.concat(rows);\n  }\n}" },
  { name: "a restart clears the pending connection, which is then started only if unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get(restart = false) {\n    if (restart) this.connecting = undefined;\n    if (!this.connection) {\n      if (!this.connecting) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
  { name: "an in-flight promise stored with ??= after its copy was found unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      let pending = this.connecting;\n      if (!pending) {\n        pending = connect();\n        this.connecting ??= pending;\n      }\n      this.connection = await pending;\n    }\n    return this.connection;\n  }\n}" },
  { name: "an in-flight promise stored with ||= after its copy was found unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.connection) {\n      let pending = this.connecting;\n      if (!pending) {\n        pending = connect();\n        this.connecting ||= pending;\n      }\n      this.connection = await pending;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a promise copied in the outer block, started in the inner block if the copy is unset, nothing awaited between", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    const pending = this.connecting;\n    if (!this.connection) {\n      if (!pending) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a promise copied in the outer block, a counter bumped and a line logged before the inner block starts it if unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private attempts = 0;\n  async get() {\n    const pending = this.connecting;\n    this.attempts++;\n    if (!this.connection) {\n      console.debug(\"connecting\", this.attempts);\n      if (!pending) this.connecting = connect();\n      this.connection = await this.connecting;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a promise copied before a try block, started inside it if the copy is unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    const pending = this.connecting;\n    try {\n      if (!this.connection) {\n        if (!pending) this.connecting = connect();\n        this.connection = await this.connecting;\n      }\n    } catch (error) {\n      this.connecting = undefined;\n      throw error;\n    }\n    return this.connection;\n  }\n}" },
  { name: "a promise copied before an if/else, started in the else branch if the copy is unset", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  async get() {\n    const pending = this.connecting;\n    if (this.closed) {\n      throw new Error(\"closed\");\n    } else if (!pending) {\n      this.connecting = connect();\n    }\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}" },
  { name: "a promise copied into a var before the check that starts it", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get() {\n    var pending = this.connecting;\n    if (!pending) this.connecting = connect();\n    if (!this.connection) this.connection = await this.connecting;\n    return this.connection;\n  }\n}" },
  { name: "a per-key in-flight entry started by a Map subclass's add under a has check", code: "declare function fetchUser(id: string): Promise<string>;\nclass InflightUsers extends Map<string, Promise<string>> {\n  add(id: string) {\n    return this.set(id, fetchUser(id));\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new InflightUsers();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.add(id);\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}" },
  { name: "a per-key in-flight entry started by a Map subclass's set with a default value under a has check", code: "declare function fetchUser(id: string): Promise<string>;\nclass InflightUsers extends Map<string, Promise<string>> {\n  set(id: string, pending: Promise<string> = fetchUser(id)) {\n    return super.set(id, pending);\n  }\n}\nexport class Users {\n  private names = new Map<string, string>();\n  private inflight = new InflightUsers();\n  async name(id: string) {\n    if (!this.names.has(id)) {\n      if (!this.inflight.has(id)) this.inflight.set(id);\n      this.names.set(id, await this.inflight.get(id)!);\n    }\n    return this.names.get(id);\n  }\n}" },
];

const invalidRerunA: InvalidCase[] = [
  {
    name: "rerun A: a let alias of possibly unset stats, checked with !stats, updated after an await",
    code: "interface Stats { bytes: number; files: number }\ndeclare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats: Stats | undefined;\n  async send(item: string) {\n    let stats = this.stats;\n    if (!stats) return;\n    stats.bytes = stats.bytes + await upload(item);\n    stats.files++;\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 8,
        column: 5,
        message: lostUpdate("this.stats.bytes"),
        fixes: [
          [
            HOIST,
            `interface Stats { bytes: number; files: number }\ndeclare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats: Stats | undefined;\n  async send(item: string) {\n    let stats = this.stats;\n    if (!stats) return;\n    const awaited = await upload(item);\n    stats.bytes = stats.bytes + awaited;\n    stats.files++;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "rerun A: a let alias of the shared stats updated after an await, a same-named let in a callback reassigned",
    code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats = { bytes: 0, files: 0 };\n  async send(items: string[]) {\n    let stats = this.stats;\n    stats.bytes = stats.bytes + await upload(items.join(\"\\n\"));\n    return items.map((item) => {\n      let stats = item.length;\n      if (stats > 100) stats = 100;\n      return stats;\n    });\n  }\n}",
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 5,
        message: lostUpdate("this.stats.bytes"),
        fixes: [
          [
            HOIST,
            `declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats = { bytes: 0, files: 0 };\n  async send(items: string[]) {\n    let stats = this.stats;\n    const awaited = await upload(items.join("\\n"));\n    stats.bytes = stats.bytes + awaited;\n    return items.map((item) => {\n      let stats = item.length;\n      if (stats > 100) stats = 100;\n      return stats;\n    });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "rerun A: the host picked by the shared cursor, the cursor advanced after the probe is awaited",
    code: "declare function probe(host: string): Promise<number>;\nexport class Client {\n  private hosts: string[] = [];\n  private cursor = 0;\n  async next() {\n    const host = this.hosts[this.cursor];\n    await probe(host);\n    this.cursor = host ? this.cursor + 1 : 0;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.cursor", "host") }],
  },
  {
    name: "rerun A: a user fetched under a has check of its id, rechecked after the await under its alias",
    code: "interface User { id: string; name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport class Users {\n  private byId = new Map<string, User>();\n  async load(id: string, alias: string) {\n    if (!this.byId.has(id)) {\n      const user = await fetchUser(id);\n      if (!this.byId.has(alias)) this.byId.set(id, user);\n    }\n  }\n}",
    errors: [{ messageId: "duplicateInitCollection", line: 8, column: 34, message: duplicateInitCollection("this.byId", "id") }],
  },
];
const validRerunA: ValidCase[] = [
  { name: "rerun A: the host picked by the shared cursor, the cursor advanced from its current value after the probe", code: "declare function probe(host: string): Promise<number>;\nexport class Client {\n  private hosts: string[] = [];\n  private cursor = 0;\n  async next() {\n    const host = this.hosts[this.cursor];\n    await probe(host);\n    this.cursor = (this.cursor + 1) % this.hosts.length;\n  }\n}" },
  { name: "rerun A: a let alias of possibly unset stats, checked with !stats, updated with the awaited bytes", code: "interface Stats { bytes: number; files: number }\ndeclare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats: Stats | undefined;\n  async send(item: string) {\n    let stats = this.stats;\n    if (!stats) return;\n    const bytes = await upload(item);\n    stats.bytes += bytes;\n    stats.files++;\n  }\n}" },
  { name: "rerun A: a user fetched under a has check of its id, rechecked with the same id after the await", code: "interface User { id: string; name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport class Users {\n  private byId = new Map<string, User>();\n  async load(id: string) {\n    if (!this.byId.has(id)) {\n      const user = await fetchUser(id);\n      if (!this.byId.has(id)) this.byId.set(id, user);\n    }\n    return this.byId.get(id);\n  }\n}" },
];

const invalidRerunC: InvalidCase[] = [
  {
    name: "rerunC: the memoize fix picks a free name when the class already has a private #connPending",
    code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  #conn?: Conn;\n  #connPending = 0;\n  async get() {\n    if (!this.#conn) {\n      this.#conn = await connect();\n    }\n    return this.#conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 8,
        column: 7,
        message: duplicateInit("this.#conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  #conn?: Conn;\n  #connPending2?: Promise<Conn>;\n  #connPending = 0;\n  async get() {\n    if (!this.#conn) {\n      this.#conn = await (this.#connPending2 ??= connect().finally(() => { this.#connPending2 = undefined; }));\n    }\n    return this.#conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "rerunC: the memoize fix picks connPending3 when the class already has connPending and connPending2",
    code: `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn?: Conn;\n  private connPending = 0;\n  private connPending2 = 0;\n  async get() {\n    if (!this.conn) {\n      this.conn = await connect();\n    }\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 9,
        column: 7,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn?: Conn;\n  private connPending3?: Promise<Conn>;\n  private connPending = 0;\n  private connPending2 = 0;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connPending3 ??= connect().finally(() => { this.connPending3 = undefined; }));\n    }\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "rerunC: a version bumped, flushed, then read before the save: the bump before the check is no compare-and-set",
    code: "interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    this.version++;\n    await this.flushPending();\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n  }\n  private async flushPending() {}\n}",
    errors: [{ messageId: "staleSnapshot", line: 14, column: 5, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "rerunC: a compare-and-set whose bump follows a retry loop: a later attempt awaits before the bump",
    code: "interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist(retries: number) {\n    const version = this.version;\n    const draft = this.doc;\n    for (let attempt = 0; attempt < retries; attempt++) {\n      const saved = await save(draft);\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n    }\n    this.version++;\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 13, column: 7, message: staleSnapshot("this.doc", "draft") }],
  },
];

const validRerunC: ValidCase[] = [
  { name: "rerunC: a token cache keyed by a template with a call in it is not tracked", code: "interface Token { value: string }\ndeclare function fetchToken(user: string, scope: string): Promise<Token>;\ndeclare function currentRegion(): string;\nexport class Tokens {\n  private cache: Record<string, Token> = {};\n  async get(user: string, scope: string) {\n    if (!this.cache[`${user}:${currentRegion()}`]) this.cache[`${user}:${currentRegion()}`] = await fetchToken(user, scope);\n    return this.cache[`${user}:${currentRegion()}`];\n  }\n}" },
  { name: "rerunC: a token cache keyed by a call is not tracked", code: "interface Token { value: string }\ndeclare function fetchToken(user: string, scope: string): Promise<Token>;\ndeclare function cacheKey(user: string, scope: string): string;\nexport class Tokens {\n  private cache: Record<string, Token> = {};\n  async get(user: string, scope: string) {\n    if (!this.cache[cacheKey(user, scope)]) this.cache[cacheKey(user, scope)] = await fetchToken(user, scope);\n    return this.cache[cacheKey(user, scope)];\n  }\n}" },
];

const invalidRerunB: InvalidCase[] = [
  { name: "rerun B: an await in the recheck's condition, before the write, still races", code: "interface Conn { isHealthy(): Promise<boolean> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.conn && (await conn.isHealthy())) {\n        this.conn = conn;\n      }\n    }\n    return this.conn;\n  }\n}", errors: [
    {
      messageId: "duplicateInit",
      line: 9,
      column: 9,
      message: duplicateInit("this.conn"),
    },
  ] },
  { name: "rerun B: a caller's base version compared with the version bumped after the guard does not guard", code: "declare function fetchValues(): Promise<Record<string, string>>;\nexport class Settings {\n  private version = 0;\n  private values: Record<string, string> | undefined;\n  async apply(update: { baseVersion: number }) {\n    const base = update.baseVersion;\n    if (!this.values) {\n      const values = await fetchValues();\n      if (base !== this.version) return;\n      this.version++;\n      this.values = values;\n    }\n    return this.values;\n  }\n}", errors: [
    {
      messageId: "duplicateInit",
      line: 11,
      column: 7,
      message: duplicateInit("this.values"),
    },
  ] },
  { name: "rerun B: a generation claimed after an await in the check's own condition does not guard", code: "interface Conn { close(): void }\ndeclare function connect(): Promise<Conn>;\ndeclare function online(): Promise<boolean>;\nexport class Db {\n  private conn: Conn | undefined;\n  private generation = 0;\n  async get() {\n    if (!this.conn && (await online())) {\n      const generation = ++this.generation;\n      const conn = await connect();\n      if (generation !== this.generation) return undefined;\n      this.conn = conn;\n    }\n    return this.conn;\n  }\n}", errors: [
    {
      messageId: "duplicateResource",
      line: 12,
      column: 7,
      message: duplicateResource("this.conn", "close"),
    },
  ] },
];

const validRerunB: ValidCase[] = [
  { name: "rerun B: a generation claimed before the check whose condition awaits guards the write", code: "interface Conn { close(): void }\ndeclare function connect(): Promise<Conn>;\ndeclare function online(): Promise<boolean>;\nexport class Db {\n  private conn: Conn | undefined;\n  private generation = 0;\n  async get() {\n    const generation = ++this.generation;\n    if (!this.conn && (await online())) {\n      const conn = await connect();\n      if (generation !== this.generation) return undefined;\n      this.conn = conn;\n    }\n    return this.conn;\n  }\n}" },
  { name: "rerun B: a recheck as the first statement of a try block after the await", code: "interface Conn { close(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      try {\n        if (this.conn) {\n          conn.close();\n          return this.conn;\n        }\n        this.conn = conn;\n      } finally {\n        console.debug(\"connected\");\n      }\n    }\n    return this.conn;\n  }\n}" },
  { name: "rerun B: a generation token checked with !== and the write in the else branch", code: `${PLAYER}  async skip() {\n    const generation = ++this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    if (generation !== this.generation) {\n      console.debug(\"superseded\");\n    } else {\n      this.position = position + 1;\n    }\n  }\n}` },
];

const invalidLeftC: InvalidCase[] = [
  { name: "leftC: a run stored with += (a slip for =) keeps a string, not its promise: every call starts the run, whose check-then-act is reported", code: "interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nlet client: Conn | undefined;\nlet initializing: any;\nexport function init() {\n  // `+=` where `=` was meant: the store keeps a string, not the run's promise, so every call starts a run.\n  if (!initializing) initializing += (async () => {\n    if (!client) client = await connect();\n  })();\n  return initializing;\n}", errors: [
    {
      messageId: "duplicateInit",
      line: 8,
      column: 18,
      message: duplicateInit("client"),
      fixes: [
        [
          MEMO,
          `interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nlet client: Conn | undefined;\nlet clientPending: Promise<Conn> | undefined;\nlet initializing: any;\nexport function init() {\n  // \`+=\` where \`=\` was meant: the store keeps a string, not the run's promise, so every call starts a run.\n  if (!initializing) initializing += (async () => {\n    if (!client) client = await (clientPending ??= connect().finally(() => { clientPending = undefined; }));\n  })();\n  return initializing;\n}`,
        ],
      ],
    },
  ] },
  { name: "leftC: serialized callers: a private sync whose then is handed on unbound to Promise.resolve, the store cleared once that settles (the runs overlap)", code: "declare function flush(): Promise<void>;\nexport class Syncer {\n  private synced = 0;\n  private current: Promise<unknown> | undefined;\n  private async sync() {\n    const before = this.synced;\n    await flush();\n    this.synced = before + 1;\n  }\n  run() {\n    // The run's then handed on unbound (a slip for a call of it): Promise.resolve settles at once, and the finally clears the store while the run goes on.\n    this.current ??= Promise.resolve(this.sync().then).finally(() => {\n      this.current = undefined;\n    });\n    return this.current;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 8,
      column: 5,
      message: staleSnapshot("this.synced", "before"),
    },
  ] },
  { name: "leftC: a promise memoized with ?? and an assignment whose right side awaits, then assigns the field itself: concurrent calls each store their own", code: "interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    // The field assigned again inside the memo's own value, after an await there: a call that arrives during it still finds the field unset.\n    return this.connecting ?? (this.connecting = (await this.configure(), this.connecting = connect()));\n  }\n  async get() {\n    if (!this.connection) this.connection = await this.open();\n    return this.connection;\n  }\n}", errors: [
    {
      messageId: "duplicateInit",
      line: 12,
      column: 27,
      message: duplicateInit("this.connection"),
      fixes: [
        [
          MEMO,
          `interface Conn { q(): void }\ndeclare function connect(host?: string): Promise<Conn>;\nexport class Client {\n  private connection: Conn | undefined;\n  private connectionPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private async configure() {}\n  private async open(): Promise<Conn> {\n    // The field assigned again inside the memo's own value, after an await there: a call that arrives during it still finds the field unset.\n    return this.connecting ?? (this.connecting = (await this.configure(), this.connecting = connect()));\n  }\n  async get() {\n    if (!this.connection) this.connection = await (this.connectionPending ??= this.open().finally(() => { this.connectionPending = undefined; }));\n    return this.connection;\n  }\n}`,
        ],
      ],
    },
  ] },
  { name: "leftC: new posts prepended to the shown ones: the fetch's input (the newest id) is no copy, the list's lost update is the one reported", code: "interface Post { id: string }\ndeclare function fetchNewer(sinceId: string): Promise<{ posts: Post[] }>;\ndeclare function animateIn(posts: Post[]): Promise<void>;\nexport class Timeline {\n  private newestId = \"\";\n  private posts: Post[] = [];\n  async refresh() {\n    const posts = [...(await fetchNewer(this.newestId)).posts, ...this.posts];\n    await animateIn(posts);\n    this.posts = posts;\n    this.newestId = posts[0]?.id ?? \"\";\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 5,
      message: staleSnapshot("this.posts", "posts"),
    },
  ] },
];
const validLeftC: ValidCase[] = [
  { name: "leftC: single flight: a token refresh wrapped once at the top level of the module, the callback in parentheses", code: "declare function fetchToken(): Promise<string>;\nfunction singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {\n  let inFlight: Promise<T> | undefined;\n  return () => {\n    if (!inFlight) inFlight = fn().finally(() => {\n      inFlight = undefined;\n    });\n    return inFlight;\n  };\n}\nlet token: string | undefined;\n// The callback in parentheses of its own (left from an IIFE it once was): still the wrapper's argument.\nexport const refreshToken = singleFlight((async () => {\n  if (!token) {\n    const fresh = await fetchToken();\n    token = fresh;\n  }\n  return token;\n}));" },
  { name: "leftC: an untyped let alias of the shared stats counted up on a dry run (stats++), updated after an await (may be another value)", code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats: any = { bytes: 0, files: 0 };\n  async send(item: string, dryRun: boolean) {\n    let stats = this.stats;\n    // Untyped (ported from JavaScript): on a dry run stats++ turns the local into a number, no longer the shared object.\n    if (dryRun) stats++;\n    stats.bytes = stats.bytes + await upload(item);\n    return stats;\n  }\n}" },
  { name: "leftC: an untyped let alias of the shared stats counted down on a dry run (stats--), updated after an await (may be another value)", code: "declare function upload(item: string): Promise<number>;\nexport class Uploader {\n  private stats: any = { bytes: 0, files: 0 };\n  async send(item: string, dryRun: boolean) {\n    let stats = this.stats;\n    // Untyped (ported from JavaScript): on a dry run stats-- turns the local into a number, no longer the shared object.\n    if (dryRun) stats--;\n    stats.bytes = stats.bytes + await upload(item);\n    return stats;\n  }\n}" },
  { name: "leftC: a state machine's handler called through its entry, the table rebuilt after the await only if the entry is unchanged (a compare-and-set)", code: "type Handler = (event: string) => Handler;\ndeclare function persist(event: string): Promise<void>;\nexport class Machine {\n  private handlers: Readonly<Record<string, Handler>> = {};\n  async dispatch(kind: string, event: string) {\n    const current = this.handlers[kind];\n    const next = this.handlers[kind](event);\n    await persist(event);\n    if (this.handlers[kind] !== current) return;\n    this.handlers = { ...this.handlers, [kind]: next };\n  }\n}" },
  { name: "leftC: a state machine's handler called into a const, stored after the await only if the handler is unchanged (a compare-and-set)", code: "type Handler = (event: string) => Handler;\ndeclare function idle(event: string): Handler;\ndeclare function persist(event: string): Promise<void>;\nexport class Machine {\n  private handler: Handler = idle;\n  async dispatch(event: string) {\n    const current = this.handler;\n    const next = this.handler(event);\n    await persist(event);\n    if (this.handler !== current) return;\n    this.handler = next;\n  }\n}" },
  { name: "leftC: a memoized connection under a condition that counts the lookup first with a comma, the count reset after the await", code: "interface Conn { q(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private lookups = 0;\n  async get() {\n    // The lookup counted inside the condition with a comma (as a minifier writes it): its value is discarded, so it is no check.\n    if ((++this.lookups, !this.conn)) {\n      this.conn = await (this.connecting ??= connect());\n      this.lookups = 0;\n    }\n    return this.conn;\n  }\n}" },
  { name: "leftC: a connection found by a for await loop, rechecked by an if that starts where the loop ends (no space between)", code: "interface Conn { close(): void }\ndeclare function candidates(): AsyncIterable<Conn>;\nexport class Pool {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      let found: Conn | undefined;\n      // No space after the loop (as a minifier leaves it): the recheck starts where the for await ends.\n      for await (const candidate of candidates()) found = candidate;if (!this.conn) this.conn = found;\n    }\n    return this.conn;\n  }\n}" },
  { name: "leftC: a connection found by a for await loop, a recheck that returns starting where the loop ends (no space between)", code: "interface Conn { close(): void }\ndeclare function candidates(): AsyncIterable<Conn>;\nexport class Pool {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      let found: Conn | undefined;\n      // No space after the loop (as a minifier leaves it): the recheck starts where the for await ends.\n      for await (const candidate of candidates()) found = candidate;if (this.conn) return this.conn;\n      this.conn = found;\n    }\n    return this.conn;\n  }\n}" },
  { name: "leftC: a generation token checked by an if that starts where a for await loop ends (no space between)", code: "declare function seekSteps(position: number): AsyncIterable<number>;\nexport class Player {\n  private generation = 0;\n  private position = 0;\n  async skip() {\n    const generation = ++this.generation;\n    const position = this.position;\n    let reached = position;\n    // No space after the loop (as a minifier leaves it): the token check starts where the for await ends.\n    for await (const step of seekSteps(position + 1)) reached = step;if (generation === this.generation) this.position = position + 1;\n    return reached;\n  }\n}" },
  { name: "leftC: a compare-and-set whose bump is followed by an await with no space between", code: "interface Doc { text: string }\ndeclare function save(doc: Doc): Promise<Doc>;\ndeclare function merge(local: Doc, saved: Doc): Doc;\ndeclare function notify(doc: Doc): Promise<void>;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (this.version !== version) return;\n    this.doc = merge(draft, saved);\n    // No space after the bump (as a minifier leaves it): the await starts where the bump's statement ends.\n    this.version++;await notify(this.doc);\n  }\n}" },
];

const validReentry: ValidCase[] = [
  { name: "reentry: a migrator whose #enter records the running phase (its second argument), cleared to undefined in finally", code: "declare function runStep(step: string): Promise<void>;\nexport class Migrator {\n  #current: string | undefined;\n  #applied = 0;\n  async apply(step: string): Promise<void> {\n    this.#enter(step, \"apply\");\n    try {\n      const applied = this.#applied;\n      await runStep(step);\n      this.#applied = applied + 1;\n    } finally {\n      this.#current = undefined;\n    }\n  }\n  #enter(step: string, phase: string): void {\n    if (this.#current) throw new Error(`Migrator: cannot ${phase} ${step} while ${this.#current} runs`);\n    this.#current = phase;\n  }\n}" },
  { name: "reentry: a crawler whose #enter throws when closed, then when a crawl runs, and takes the flag", code: "declare function fetchLinks(url: string): Promise<string[]>;\nexport class Crawler {\n  #closed = false;\n  #crawling = false;\n  #visited = 0;\n  #frontier: string[] = [];\n  async crawlNext(): Promise<void> {\n    this.#enter();\n    const started = Date.now();\n    try {\n      const visited = this.#visited;\n      const url = this.#frontier.shift();\n      if (url === undefined) return;\n      const links = await fetchLinks(url);\n      this.#frontier.push(...links);\n      this.#visited = visited + 1;\n    } finally {\n      this.#crawling = false;\n      console.debug(`crawl took ${Date.now() - started} ms`);\n    }\n  }\n  #enter(): void {\n    if (this.#closed) throw new Error(\"Crawler is closed\");\n    if (this.#crawling) throw new Error(\"Crawler: crawlNext() is already running\");\n    this.#crawling = true;\n  }\n}" },
  { name: "reentry: a test clock whose tick takes its busy flag in #enter (throws while another tick runs) and clears it in finally", code: "interface Timer { fn: () => void; due: number; seq: number; interval: number | null }\ndeclare function pushTime(now: number): Promise<void>;\ndeclare function settle(): Promise<void>;\nexport class TestClock {\n  #busy: string | null = null;\n  #now = 0;\n  #seq = 0;\n  #timers: Timer[] = [];\n  async tick(ms: number): Promise<void> {\n    this.#enter(\"tick\");\n    try {\n      await settle();\n      const target = this.#now + ms;\n      for (;;) {\n        const timer = this.#timers[0];\n        if (timer && timer.due <= target) {\n          this.#timers.shift();\n          if (timer.due > this.#now) {\n            this.#now = timer.due;\n            await pushTime(this.#now);\n          }\n          if (timer.interval !== null) {\n            timer.due += timer.interval;\n            timer.seq = this.#seq++;\n            this.#insert(timer);\n          }\n          timer.fn();\n        } else if (this.#now < target) {\n          this.#now = target;\n          await pushTime(this.#now);\n        } else {\n          break;\n        }\n      }\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string): void {\n    if (this.#busy) {\n      throw new Error(`TestClock: ${method}() called while a ${this.#busy} is in progress`);\n    }\n    this.#busy = method;\n  }\n  #insert(timer: Timer): void {\n    const index = this.#timers.findIndex((other) => other.due > timer.due);\n    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);\n  }\n}" },
  { name: "reentry: a job runner taking its flag in #enter and releasing it in #leave from finally", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  constructor(private readonly ready: Promise<void>) {}\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#leave();\n    }\n  }\n  #enter(): void {\n    if (this.#running || this.#closed) {\n      throw new Error(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}" },
  { name: "reentry: a job runner that takes its flag in #enter after awaiting readiness, reading the count after it", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  constructor(private readonly ready: Promise<void>) {}\n  async runOnce(): Promise<number> {\n    await this.ready;\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#leave();\n    }\n  }\n  #enter(): void {\n    if (this.#running || this.#closed) {\n      throw new Error(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}" },
  { name: "reentry: a private enter() method (TypeScript private) setting the flag to true, cleared in finally", code: "declare function fetchPage(cursor: string | undefined): Promise<{ rows: string[]; next?: string }>;\nexport class Importer {\n  private importing = false;\n  private cursor: string | undefined;\n  private imported = 0;\n  async importNext(): Promise<void> {\n    this.enter();\n    try {\n      const imported = this.imported;\n      const page = await fetchPage(this.cursor);\n      this.cursor = page.next;\n      this.imported = imported + page.rows.length;\n    } finally {\n      this.importing = false;\n    }\n  }\n  private enter(): void {\n    if (this.importing) throw new Error(\"Importer: importNext() is already running\");\n    this.importing = true;\n  }\n}" },
  { name: "reentry: a module-level sync guard: beginSync() throws while a sync runs, syncAll clears it in finally", code: "declare function listChanges(since: number): Promise<{ version: number; changes: string[] }>;\ndeclare function apply(changes: string[]): Promise<void>;\nlet syncing = false;\nlet lastVersion = 0;\nlet applied = 0;\nfunction beginSync(): void {\n  if (syncing) throw new Error(\"sync already in progress\");\n  syncing = true;\n}\nexport async function syncAll(): Promise<void> {\n  beginSync();\n  try {\n    const before = applied;\n    const { version, changes } = await listChanges(lastVersion);\n    await apply(changes);\n    lastVersion = version;\n    applied = before + changes.length;\n  } finally {\n    syncing = false;\n  }\n}" },
  { name: "reentry: a test clock whose #enter names the method by a default parameter", code: "interface Timer { fn: () => void; due: number; seq: number; interval: number | null }\ndeclare function pushTime(now: number): Promise<void>;\ndeclare function settle(): Promise<void>;\nexport class TestClock {\n  #busy: string | null = null;\n  #now = 0;\n  #seq = 0;\n  #timers: Timer[] = [];\n  async tick(ms: number): Promise<void> {\n    this.#enter();\n    try {\n      await settle();\n      const target = this.#now + ms;\n      for (;;) {\n        const timer = this.#timers[0];\n        if (timer && timer.due <= target) {\n          this.#timers.shift();\n          if (timer.due > this.#now) {\n            this.#now = timer.due;\n            await pushTime(this.#now);\n          }\n          if (timer.interval !== null) {\n            timer.due += timer.interval;\n            timer.seq = this.#seq++;\n            this.#insert(timer);\n          }\n          timer.fn();\n        } else if (this.#now < target) {\n          this.#now = target;\n          await pushTime(this.#now);\n        } else {\n          break;\n        }\n      }\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method = \"tick\"): void {\n    if (this.#busy) throw new Error(`TestClock: ${method}() called while a ${this.#busy} is in progress`);\n    this.#busy = method;\n  }\n  #insert(timer: Timer): void {\n    const index = this.#timers.findIndex((other) => other.due > timer.due);\n    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);\n  }\n}" },
  { name: "reentry: a static refresh guarded by a static #enter, cleared in finally", code: "declare function fetchKeys(): Promise<Map<string, string>>;\nexport class KeyRing {\n  static #refreshing = false;\n  static #refreshes = 0;\n  static #keys = new Map<string, string>();\n  static async refresh(): Promise<void> {\n    this.#enter();\n    try {\n      const count = this.#refreshes;\n      const keys = await fetchKeys();\n      this.#keys = keys;\n      this.#refreshes = count + 1;\n    } finally {\n      this.#refreshing = false;\n    }\n  }\n  static #enter(): void {\n    if (this.#refreshing) throw new Error(\"KeyRing.refresh() is already running\");\n    this.#refreshing = true;\n  }\n}" },
  { name: "reentry: an exporter whose private begin() logs and then throws while a flush runs", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  private flushing = false;\n  private exported = 0;\n  private buffer: string[] = [];\n  async flush(): Promise<void> {\n    this.begin(\"flush\");\n    try {\n      const before = this.exported;\n      const lines = this.buffer.splice(0);\n      await send(lines);\n      this.exported = before + lines.length;\n    } finally {\n      this.end();\n    }\n  }\n  private begin(operation: string): void {\n    if (this.flushing) {\n      console.error(`LogExporter: ${operation}() while a flush is in progress`);\n      throw new Error(\"LogExporter is busy\");\n    }\n    this.flushing = true;\n  }\n  private end(): void {\n    this.flushing = false;\n  }\n}" },
];

const invalidReentry: InvalidCase[] = [
  { name: "reentry: a finally that clears another flag than the one the helper takes is no release of it", code: "declare function runStep(step: string): Promise<void>;\nexport class Migrator {\n  #current: string | undefined;\n  #paused = false;\n  #applied = 0;\n  async apply(step: string): Promise<void> {\n    this.#enter(step, \"apply\");\n    try {\n      const applied = this.#applied;\n      await runStep(step);\n      this.#applied = applied + 1;\n    } finally {\n      this.#paused = false;\n    }\n  }\n  #enter(step: string, phase: string): void {\n    if (this.#current) throw new Error(`Migrator: cannot ${phase} ${step} while ${this.#current} runs`);\n    this.#current = phase;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 11,
      column: 7,
      message: staleSnapshot("this.#applied", "applied"),
    },
  ] },
  { name: "reentry: an async #enter rejects instead of throwing: the caller runs on while another crawl holds the flag", code: "declare function fetchLinks(url: string): Promise<string[]>;\nexport class Crawler {\n  #crawling = false;\n  #visited = 0;\n  #frontier: string[] = [];\n  async crawlNext(): Promise<void> {\n    this.#enter();\n    try {\n      const visited = this.#visited;\n      const url = this.#frontier.shift();\n      if (url === undefined) return;\n      const links = await fetchLinks(url);\n      this.#frontier.push(...links);\n      this.#visited = visited + 1;\n    } finally {\n      this.#crawling = false;\n    }\n  }\n  async #enter(): Promise<void> {\n    if (this.#crawling) throw new Error(\"Crawler: crawlNext() is already running\");\n    this.#crawling = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#visited", "visited"),
    },
  ] },
  { name: "reentry: a helper that sets the flag without checking it lets a second tick run", code: "interface Timer { fn: () => void; due: number; seq: number; interval: number | null }\ndeclare function pushTime(now: number): Promise<void>;\ndeclare function settle(): Promise<void>;\nexport class TestClock {\n  #busy: string | null = null;\n  #now = 0;\n  #seq = 0;\n  #timers: Timer[] = [];\n  async tick(ms: number): Promise<void> {\n    this.#enter(\"tick\");\n    try {\n      await settle();\n      const target = this.#now + ms;\n      for (;;) {\n        const timer = this.#timers[0];\n        if (timer && timer.due <= target) {\n          this.#timers.shift();\n          if (timer.due > this.#now) {\n            this.#now = timer.due;\n            await pushTime(this.#now);\n          }\n          if (timer.interval !== null) {\n            timer.due += timer.interval;\n            timer.seq = this.#seq++;\n            this.#insert(timer);\n          }\n          timer.fn();\n        } else if (this.#now < target) {\n          this.#now = target;\n          await pushTime(this.#now);\n        } else {\n          break;\n        }\n      }\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string): void {\n    this.#busy = method;\n  }\n  #insert(timer: Timer): void {\n    const index = this.#timers.findIndex((other) => other.due > timer.due);\n    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);\n  }\n}", errors: [
    {
      messageId: "checkThenAct",
      line: 23,
      column: 13,
      message: checkThenAct("this.#timers[0].due"),
    },
  ] },
  { name: "reentry: a helper whose check only logs lets a second tick run", code: "interface Timer { fn: () => void; due: number; seq: number; interval: number | null }\ndeclare function pushTime(now: number): Promise<void>;\ndeclare function settle(): Promise<void>;\nexport class TestClock {\n  #busy: string | null = null;\n  #now = 0;\n  #seq = 0;\n  #timers: Timer[] = [];\n  async tick(ms: number): Promise<void> {\n    this.#enter(\"tick\");\n    try {\n      await settle();\n      const target = this.#now + ms;\n      for (;;) {\n        const timer = this.#timers[0];\n        if (timer && timer.due <= target) {\n          this.#timers.shift();\n          if (timer.due > this.#now) {\n            this.#now = timer.due;\n            await pushTime(this.#now);\n          }\n          if (timer.interval !== null) {\n            timer.due += timer.interval;\n            timer.seq = this.#seq++;\n            this.#insert(timer);\n          }\n          timer.fn();\n        } else if (this.#now < target) {\n          this.#now = target;\n          await pushTime(this.#now);\n        } else {\n          break;\n        }\n      }\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string): void {\n    if (this.#busy) console.warn(`TestClock: ${method}() called while a ${this.#busy} is in progress`);\n    this.#busy = method;\n  }\n  #insert(timer: Timer): void {\n    const index = this.#timers.findIndex((other) => other.due > timer.due);\n    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);\n  }\n}", errors: [
    {
      messageId: "checkThenAct",
      line: 23,
      column: 13,
      message: checkThenAct("this.#timers[0].due"),
    },
  ] },
  { name: "reentry: a helper whose guard returns hands back to the caller, which runs on without the flag", code: "interface Timer { fn: () => void; due: number; seq: number; interval: number | null }\ndeclare function pushTime(now: number): Promise<void>;\ndeclare function settle(): Promise<void>;\nexport class TestClock {\n  #busy: string | null = null;\n  #now = 0;\n  #seq = 0;\n  #timers: Timer[] = [];\n  async tick(ms: number): Promise<void> {\n    this.#enter(\"tick\");\n    try {\n      await settle();\n      const target = this.#now + ms;\n      for (;;) {\n        const timer = this.#timers[0];\n        if (timer && timer.due <= target) {\n          this.#timers.shift();\n          if (timer.due > this.#now) {\n            this.#now = timer.due;\n            await pushTime(this.#now);\n          }\n          if (timer.interval !== null) {\n            timer.due += timer.interval;\n            timer.seq = this.#seq++;\n            this.#insert(timer);\n          }\n          timer.fn();\n        } else if (this.#now < target) {\n          this.#now = target;\n          await pushTime(this.#now);\n        } else {\n          break;\n        }\n      }\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string): void {\n    if (this.#busy) return;\n    this.#busy = method;\n  }\n  #insert(timer: Timer): void {\n    const index = this.#timers.findIndex((other) => other.due > timer.due);\n    this.#timers.splice(index === -1 ? this.#timers.length : index, 0, timer);\n  }\n}", errors: [
    {
      messageId: "checkThenAct",
      line: 23,
      column: 13,
      message: checkThenAct("this.#timers[0].due"),
    },
  ] },
  { name: "reentry: the count read before awaiting readiness, the flag taken after: the read is stale", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  constructor(private readonly ready: Promise<void>) {}\n  async runOnce(): Promise<number> {\n    const done = this.#completed;\n    await this.ready;\n    this.#enter();\n    try {\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#leave();\n    }\n  }\n  #enter(): void {\n    if (this.#running || this.#closed) {\n      throw new Error(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 16,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "reentry: a flag taken by the helper but never cleared in a finally is not taken as a lock", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  constructor(private readonly ready: Promise<void>) {}\n  async runOnce(): Promise<number> {\n    this.#enter();\n    const done = this.#completed;\n    const jobs = await claim(10);\n    for (const job of jobs) await execute(job);\n    this.#completed = done + jobs.length;\n    this.#leave();\n    return jobs.length;\n  }\n  #enter(): void {\n    if (this.#running || this.#closed) {\n      throw new Error(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 5,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "reentry: a helper setting the flag to the caller's name, which may be empty, is no lock", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running: string | false = false;\n  #closed = false;\n  #completed = 0;\n  constructor(private readonly ready: Promise<void>) {}\n  async runOnce(): Promise<number> {\n    this.#enter(this.name);\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#leave();\n    }\n  }\n  #enter(name: string): void {\n    if (this.#running || this.#closed) {\n      throw new Error(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = name;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 15,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "reentry: a helper called inside the try: a call turned away by it clears the running call's flag in finally", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  constructor(private readonly ready: Promise<void>) {}\n  async runOnce(): Promise<number> {\n    try {\n      this.#enter();\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#leave();\n    }\n  }\n  #enter(): void {\n    if (this.#running || this.#closed) {\n      throw new Error(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 15,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "reentry: a protected begin() may be overridden by a subclass: not taken as the lock", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  protected flushing = false;\n  private exported = 0;\n  private buffer: string[] = [];\n  async flush(): Promise<void> {\n    this.begin();\n    try {\n      const before = this.exported;\n      const lines = this.buffer.splice(0);\n      await send(lines);\n      this.exported = before + lines.length;\n    } finally {\n      this.flushing = false;\n    }\n  }\n  protected begin(): void {\n    if (this.flushing) throw new Error(\"LogExporter is busy\");\n    this.flushing = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 12,
      column: 7,
      message: staleSnapshot("this.exported", "before"),
    },
  ] },
];

const invalidRight3: InvalidCase[] = [
  {
    name: "right3: a row picked under a `!~` check of the -1 sentinel index, stored after the await",
    code: "declare function pickRow(): Promise<number>;\nexport class Table {\n  private selected: number = -1;\n  async ensureSelection() {\n    if (!~this.selected) {\n      this.selected = await pickRow();\n    }\n    return this.selected;\n  }\n}",
    errors: [
      {
        messageId: "duplicateInit",
        line: 6,
        column: 7,
        message: duplicateInit("this.selected"),
        fixes: [
          [
            MEMO,
            `declare function pickRow(): Promise<number>;\nexport class Table {\n  private selected: number = -1;\n  private selectedPending?: Promise<number>;\n  async ensureSelection() {\n    if (!~this.selected) {\n      this.selected = await (this.selectedPending ??= pickRow().finally(() => { this.selectedPending = undefined; }));\n    }\n    return this.selected;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "right3: the selected row returned when `~` finds it set, picked after the await",
    code: "declare function pickRow(): Promise<number>;\nexport class Table {\n  private selected = -1;\n  async ensureSelection() {\n    if (~this.selected) return this.selected;\n    this.selected = await pickRow();\n    return this.selected;\n  }\n}",
    errors: [{ messageId: "duplicateInit", line: 6, column: 5, message: duplicateInit("this.selected") }],
  },
  {
    name: "right3: credits counted down with `!--`, granted again after the await: the grant overwrites the calls' decrements made meanwhile",
    code: "declare function grantCredits(): Promise<number>;\ndeclare function transmit(frame: string): void;\nexport class Sender {\n  private credits = 10;\n  async send(frame: string) {\n    transmit(frame);\n    if (!--this.credits) {\n      this.credits = await grantCredits();\n    }\n  }\n}",
    errors: [{ messageId: "checkThenAct", line: 8, column: 7, message: checkThenAct("this.credits") }],
  },
  {
    name: "right3: the host copied from the options before the probe, the options replaced from it after",
    code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { host, port };\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.options", "host") }],
  },
  {
    name: "right3: the host resolved from the options before the probe, the options replaced from it after",
    code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\ndeclare function resolveHost(host: string): string;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = resolveHost(this.options.host);\n    const port = await probe(host);\n    this.options = { host, port };\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 9, column: 5, message: staleSnapshot("this.options", "host") }],
  },
  {
    name: "right3: the feed's items copied before the next page loads, the state replaced with them and the page",
    code: "interface FeedState { page: number; items: string[] }\ndeclare function loadPage(page: number): Promise<string[]>;\nexport class Feed {\n  private state: FeedState = { page: 0, items: [] };\n  async loadMore() {\n    const items = this.state.items;\n    const next = await loadPage(this.state.page + 1);\n    this.state = { ...this.state, page: this.state.page + 1, items: [...items, ...next] };\n  }\n}",
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.state", "items") }],
  },
];

const validRight3: ValidCase[] = [
  { name: "right3: the -1 sentinel row picked through a memoized in-flight promise", code: "declare function pickRow(): Promise<number>;\nexport class Table {\n  private selected: number = -1;\n  private selectedPending?: Promise<number>;\n  async ensureSelection() {\n    if (!~this.selected) {\n      this.selected = await (this.selectedPending ??= pickRow().finally(() => { this.selectedPending = undefined; }));\n    }\n    return this.selected;\n  }\n}" },
  { name: "right3: the -1 sentinel checked again with `!~` after the row is picked", code: "declare function pickRow(): Promise<number>;\nexport class Table {\n  private selected = -1;\n  async ensureSelection() {\n    if (!~this.selected) {\n      const row = await pickRow();\n      if (!~this.selected) this.selected = row;\n    }\n    return this.selected;\n  }\n}" },
  { name: "right3: credits counted down with `!--`, reset before the window update is awaited", code: "declare function sendWindowUpdate(credits: number): Promise<void>;\ndeclare function transmit(frame: string): void;\nexport class Sender {\n  private credits = 10;\n  async send(frame: string) {\n    transmit(frame);\n    if (!--this.credits) {\n      this.credits = 10;\n      await sendWindowUpdate(10);\n    }\n  }\n}" },
  { name: "right3: the host read from the options before the probe, only the port written after", code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options.port = port;\n  }\n}" },
  { name: "right3: the host read from the options before the probe, the options replaced from their current value and the port", code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { ...this.options, port };\n  }\n}" },
  { name: "right3: the host resolved from the options before the probe, put back unchanged into their current value", code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\ndeclare function resolveHost(host: string): string;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = resolveHost(this.options.host);\n    const port = await probe(host);\n    this.options = { ...this.options, host, port };\n  }\n}" },
  { name: "right3: the host read again from the options after the probe, the options replaced from it", code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    let host = this.options.host;\n    const port = await probe(host);\n    host = this.options.host;\n    this.options = { host, port };\n  }\n}" },
  { name: "right3: the signed-in user fetched again by its id", code: "interface User { id: string; name: string }\ndeclare function fetchUser(id: string): Promise<User>;\nexport class Session {\n  constructor(private user: User) {}\n  async refresh() {\n    const id = this.user.id;\n    this.user = await fetchUser(id);\n  }\n}" },
  { name: "right3: a connection pool rebuilt from the old pool's host and port", code: "interface Pool { host: string; port: number; end(): Promise<void> }\ndeclare function buildPool(options: { host: string; port: number }): Promise<Pool>;\nexport class Broker {\n  constructor(private connectionPool: Pool) {}\n  async reconnect() {\n    const host = this.connectionPool.host;\n    const port = this.connectionPool.port;\n    await this.connectionPool.end();\n    this.connectionPool = await buildPool({ host, port });\n  }\n}" },
  { name: "right3: the first row selected under a `!~` check before it is highlighted", code: "declare function highlight(row: number): Promise<void>;\nexport class Table {\n  private selected = -1;\n  async selectFirst() {\n    if (!~this.selected) {\n      this.selected = 0;\n      await highlight(0);\n    }\n  }\n}" },
];

const DB_CLOSED = "interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n";

const EDITOR = "interface Doc { text: string }\ninterface Saved { ok: boolean; conflict: boolean; partial: boolean; text: string; changes: Saved[] }\ndeclare function save(doc: Doc): Promise<Saved>;\ndeclare function merge(local: Doc, saved: Saved): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  private async flush() {}\n  private emit(event: string) { console.debug(event); }\n";

const DB_RECHECK = "interface Conn { close(): void; ping(): Promise<boolean> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n";

const invalidRight2: InvalidCase[] = [
  {
    name: "right2: a compare-and-set in a nested block with an await before the bump after the block",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (saved.ok) {\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n    }\n    await this.flush();\n    this.version++;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 16, column: 7, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "right2: a compare-and-set in a try block whose catch returns before the bump after the try",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    try {\n      const saved = await save(draft);\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n      this.emit(\"saved\");\n    } catch (error) {\n      console.error(error);\n      return;\n    }\n    this.version++;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 16, column: 7, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "right2: a compare-and-set in a nested block that may return after the write, before the bump",
    code: `${EDITOR}  async persist(final: boolean) {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (saved.ok) {\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n      if (final) return;\n    }\n    this.version++;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 16, column: 7, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "right2: a connection method with an early bare return beside a fresh connect() starts the work in each call",
    code: `${DB_CLOSED}  private connection() {\n    if (this.closed) return;\n    return connect();\n  }\n  async get() {\n    if (!this.conn) this.conn = await this.connection();\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 12,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  private connection() {\n    if (this.closed) return;\n    return connect();\n  }\n  async get() {\n    if (!this.conn) this.conn = await (this.connPending ??= this.connection()?.finally(() => { this.connPending = undefined; }));\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "right2: a connection method with an early bare return, one memoized return and one fresh one",
    code: `${DB_CLOSED}  private connection(fresh: boolean) {\n    if (this.closed) return;\n    if (fresh) return connect();\n    return (this.connecting ??= connect());\n  }\n  async get(fresh = false) {\n    if (!this.conn) this.conn = await this.connection(fresh);\n    return this.conn;\n  }\n}`,
    errors: [
      {
        messageId: "duplicateInit",
        line: 13,
        column: 21,
        message: duplicateInit("this.conn"),
        fixes: [
          [
            MEMO,
            `interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  private connPending?: Promise<Conn>;\n  private connecting: Promise<Conn> | undefined;\n  private closed = false;\n  private connection(fresh: boolean) {\n    if (this.closed) return;\n    if (fresh) return connect();\n    return (this.connecting ??= connect());\n  }\n  async get(fresh = false) {\n    if (!this.conn) this.conn = await (this.connPending ??= this.connection(fresh)?.finally(() => { this.connPending = undefined; }));\n    return this.conn;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "right2: a compare-and-set per change in a loop whose continue skips the bump",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    for (const change of saved.changes) {\n      if (this.version !== version) return;\n      this.doc = merge(draft, change);\n      if (change.partial) continue;\n      this.version++;\n    }\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 16, column: 7, message: staleSnapshot("this.doc", "draft") }],
  },
  {
    name: "right2: a write in the right operand of || whose left finds the connection set replaces it",
    code: `${DB_RECHECK}      if (!this.conn || (this.conn = conn)) console.debug("connected");\n    }\n    return this.conn;\n  }\n}`,
    errors: [{ messageId: "duplicateResource", line: 8, column: 26, message: duplicateResource("this.conn", "close") }],
  },
  {
    name: "right2: an await between the recheck and the write in a && chain",
    code: `${DB_RECHECK}      if (!this.conn && (await conn.ping()) && (this.conn = conn)) console.debug("connected");\n    }\n    return this.conn;\n  }\n}`,
    errors: [{ messageId: "duplicateResource", line: 8, column: 49, message: duplicateResource("this.conn", "close") }],
  },
  {
    name: "right2: a write in the left operand of &&, before the recheck in its right operand",
    code: `${DB_RECHECK}      if ((this.conn = conn) && !this.conn) console.debug("replaced");\n    }\n    return this.conn;\n  }\n}`,
    errors: [{ messageId: "duplicateResource", line: 8, column: 12, message: duplicateResource("this.conn", "close") }],
  },
  {
    name: "right2: a write in the right operand of || after a token check in the wrong sense (=== where !== exits)",
    code: `${PLAYER}  async skip(end: number) {\n    const generation = ++this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    if (generation === this.generation || (this.position = position + 1) >= end) return;\n    console.debug("playing", this.position);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 44, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "right2: a compare-and-set write in the right operand of || whose if returns before the bump",
    code: `${PLAYER}  async skip(end: number) {\n    const generation = this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    if (generation !== this.generation || (this.position = position + 1) >= end) return;\n    this.generation++;\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 44, message: staleSnapshot("this.position", "position") }],
  },
  {
    name: "right2: a write in the left operand of ||, before the generation check in its right operand",
    code: `${PLAYER}  async skip(end: number) {\n    const generation = ++this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    if ((this.position = position + 1) >= end || generation !== this.generation) return;\n    console.debug("playing", this.position);\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 10, message: staleSnapshot("this.position", "position") }],
  },
];

const validRight2: ValidCase[] = [
  {
    name: "right2: a write in the right operand of || after the generation check (!==) that returns",
    code: `${PLAYER}  async skip(end: number) {\n    const generation = ++this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    if (generation !== this.generation || (this.position = position + 1) >= end) return;\n    console.debug("playing", this.position);\n  }\n}`,
  },
  {
    name: "right2: a write in the right operand of && after the generation check (===)",
    code: `${PLAYER}  async next() {\n    const generation = ++this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    generation === this.generation && (this.position = position + 1);\n  }\n}`,
  },
  {
    name: "right2: a compare-and-set write in the right operand of &&, the generation bumped after it",
    code: `${PLAYER}  async next() {\n    const generation = this.generation;\n    const position = this.position;\n    await seek(position + 1);\n    generation === this.generation && (this.position = position + 1);\n    this.generation++;\n  }\n}`,
  },
  {
    name: "right2: a write in the right operand of && whose left operand rechecks the connection",
    code: `${DB_RECHECK}      if (!this.conn && (this.conn = conn)) console.debug("connected");\n    }\n    return this.conn;\n  }\n}`,
  },
  {
    name: "right2: settings kept with this.settings || (this.settings = settings) after the await",
    code: "interface Settings { theme: string }\ndeclare function fetchSettings(): Promise<Settings>;\nexport class Store {\n  private settings: Settings | undefined;\n  async load() {\n    if (!this.settings) {\n      const settings = await fetchSettings();\n      return this.settings || (this.settings = settings);\n    }\n    return this.settings;\n  }\n}",
  },
  {
    name: "right2: a row cached with cache.has(id) || cache.set(id, row) after the await",
    code: "interface Row { id: string }\ndeclare function fetchRow(id: string): Promise<Row>;\nconst cache = new Map<string, Row>();\nexport async function getRow(id: string) {\n  if (!cache.has(id)) {\n    const row = await fetchRow(id);\n    cache.has(id) || cache.set(id, row);\n  }\n  return cache.get(id);\n}",
  },
  {
    name: "right2: a compare-and-set that notifies listeners in a loop with continue, then bumps",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (saved.ok) {\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n      for (const listener of this.listeners) {\n        if (!listener.active) continue;\n        listener.changed(this.doc);\n      }\n    }\n    this.version++;\n  }\n  private listeners: { active: boolean; changed(doc: Doc): void }[] = [];\n}`,
  },
  {
    name: "right2: a compare-and-set in a nested block, the bump after the block with nothing awaited between",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (saved.ok) {\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n    }\n    this.version++;\n  }\n}`,
  },
  {
    name: "right2: a compare-and-set in an else branch, the other branch returns, the bump after the if",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    const saved = await save(draft);\n    if (saved.conflict) {\n      console.warn(\"conflict, keeping the local draft\");\n      return;\n    } else {\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n    }\n    this.version++;\n  }\n}`,
  },
  {
    name: "right2: a compare-and-set in a try block whose catch logs, the bump after the try",
    code: `${EDITOR}  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    try {\n      const saved = await save(draft);\n      if (this.version !== version) return;\n      this.doc = merge(draft, saved);\n      this.emit(\"saved\");\n    } catch (error) {\n      console.error(error);\n    }\n    this.version++;\n  }\n}`,
  },
  {
    name: "right2: a connection method that returns early when closed and otherwise the memoized connect",
    code: `${DB_CLOSED}  private connection() {\n    if (this.closed) return;\n    return (this.connecting ??= connect());\n  }\n  async get() {\n    if (!this.conn) this.conn = await this.connection();\n    return this.conn;\n  }\n}`,
  },
  {
    name: "right2: a module function that returns undefined when disposed and otherwise the memoized connect",
    code: "interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nlet disposed = false;\nlet connecting: Promise<Conn> | undefined;\nlet conn: Conn | undefined;\nfunction connection(): Promise<Conn> | undefined {\n  if (disposed) return undefined;\n  if (!connecting) connecting = connect();\n  return connecting;\n}\nexport async function query(sql: string) {\n  if (!conn) conn = await connection();\n  return conn?.query(sql);\n}\nexport function dispose() {\n  disposed = true;\n}",
  },
];

const invalidDelta8B: InvalidCase[] = [
  { name: "delta8B: a helper that returns (in a block) when closed, before its busy check: calls to a closed runner run on together", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#closed) {\n      console.warn(\"JobRunner is closed, nothing to run\");\n      return;\n    }\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "delta8B: a helper setting a false flag with ??= never takes it (false is not nullish)", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running ??= true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "delta8B: a helper taking a flag on the job it is given: runs of different jobs overlap on the runner's count", code: "interface Job { id: string; running: boolean }\ndeclare function execute(job: Job): Promise<number>;\nexport class JobRunner {\n  #processed = 0;\n  async run(job: Job): Promise<void> {\n    this.#enter(job);\n    try {\n      const processed = this.#processed;\n      const items = await execute(job);\n      this.#processed = processed + items;\n    } finally {\n      job.running = false;\n    }\n  }\n  #enter(job: Job): void {\n    if (job.running) throw new Error(`JobRunner: job ${job.id} is already running`);\n    job.running = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#processed", "processed"),
    },
  ] },
  { name: "delta8B: a helper that checks only the closed flag, then sets the running flag it never checks", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#closed) throw new Error(\"JobRunner is closed\");\n    this.#running = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "delta8B: a helper that returns when paused before setting the flag: calls to a paused runner run on together", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #paused = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    if (this.#paused) return;\n    this.#running = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "delta8B: a helper whose busy check is a block that only logs lets a second run through", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) {\n      console.warn(\"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "delta8B: a helper whose busy check is an empty block (a TODO) lets a second run through", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) {\n      // TODO: turn away a second run\n    }\n    this.#running = true;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "delta8B: a helper setting the flag to a parameter whose default is the empty string, called without it", code: "declare function pushTime(now: number): Promise<void>;\nexport class TestClock {\n  #busy: string | null = null;\n  #now = 0;\n  async advance(ms: number): Promise<void> {\n    this.#enter();\n    try {\n      const now = this.#now;\n      await pushTime(now + ms);\n      this.#now = now + ms;\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method = \"\"): void {\n    if (this.#busy) throw new Error(`TestClock: ${method}() called while ${this.#busy} is in progress`);\n    this.#busy = method;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#now", "now"),
    },
  ] },
  { name: "delta8B: a helper taking the bus for channel 0, which its truthiness check does not see as taken", code: "declare function readRegister(channel: number, register: number): Promise<number>;\nexport class SensorBus {\n  #activeChannel: number | undefined;\n  #reads = 0;\n  async readTemperature(): Promise<number> {\n    this.#acquire(0);\n    try {\n      const reads = this.#reads;\n      const value = await readRegister(0, 0x05);\n      this.#reads = reads + 1;\n      return value;\n    } finally {\n      this.#activeChannel = undefined;\n    }\n  }\n  #acquire(channel: number): void {\n    if (this.#activeChannel) throw new Error(`SensorBus: channel ${this.#activeChannel} holds the bus`);\n    this.#activeChannel = channel;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#reads", "reads"),
    },
  ] },
];

const invalidDelta8A: InvalidCase[] = [
  { name: "delta8A: the cursor read before the page loads decides whether the page is appended or replaces the items", code: "interface FeedState { cursor: string | undefined; items: string[] }\ndeclare function fetchPage(cursor: string | undefined): Promise<{ items: string[]; next?: string }>;\nexport class Feed {\n  private state: FeedState = { cursor: undefined, items: [] };\n  async loadMore() {\n    const cursor = this.state.cursor;\n    const page = await fetchPage(cursor);\n    this.state = { ...this.state, items: cursor ? [...this.state.items, ...page.items] : page.items, cursor: page.next };\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 8,
      column: 5,
      message: staleSnapshot("this.state", "cursor"),
    },
  ] },
  { name: "delta8A: a transfer that takes the target account's flag: this account's balance is not under it", code: "declare function audit(from: string, to: string, amount: number): Promise<void>;\nexport class Account {\n  #busy = false;\n  #balance = 0;\n  constructor(readonly id: string) {}\n  async transferTo(target: Account, amount: number): Promise<void> {\n    target.#enter();\n    try {\n      const balance = this.#balance;\n      await audit(this.id, target.id, amount);\n      this.#balance = balance - amount;\n      target.#balance = target.#balance + amount;\n    } finally {\n      target.#leave();\n    }\n  }\n  #enter(): void {\n    if (this.#busy) throw new Error(`Account ${this.id} is busy`);\n    this.#busy = true;\n  }\n  #leave(): void {\n    this.#busy = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 11,
      column: 7,
      message: staleSnapshot("this.#balance", "balance"),
    },
  ] },
  { name: "delta8A: a finally that only logs through a helper, the flag cleared after the try: no release in finally", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  #flushing = false;\n  #exported = 0;\n  #buffer: string[] = [];\n  async flush(): Promise<void> {\n    this.#enter();\n    try {\n      const before = this.#exported;\n      const lines = this.#buffer.splice(0);\n      await send(lines);\n      this.#exported = before + lines.length;\n    } finally {\n      this.#log(\"flush done\");\n    }\n    this.#flushing = false;\n  }\n  #enter(): void {\n    if (this.#flushing) throw new Error(\"LogExporter: flush() is already running\");\n    this.#flushing = true;\n  }\n  #log(message: string): void {\n    console.debug(`LogExporter: ${message}`);\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 12,
      column: 7,
      message: staleSnapshot("this.#exported", "before"),
    },
  ] },
  { name: "delta8A: a module sync whose finally clears another variable than the flag beginSync() takes", code: "declare function listChanges(since: number): Promise<{ version: number; changes: string[] }>;\ndeclare function apply(changes: string[]): Promise<void>;\nlet syncing = false;\nlet pending = 0;\nlet lastVersion = 0;\nlet applied = 0;\nfunction beginSync(): void {\n  if (syncing) throw new Error(\"sync already in progress\");\n  syncing = true;\n}\nexport async function syncAll(): Promise<void> {\n  beginSync();\n  try {\n    const before = applied;\n    const { version, changes } = await listChanges(lastVersion);\n    await apply(changes);\n    lastVersion = version;\n    applied = before + changes.length;\n  } finally {\n    pending = 0;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 18,
      column: 5,
      message: staleSnapshot("applied", "before"),
    },
  ] },
  { name: "delta8A: a finally whose #finish() calls #resume(), which clears the paused flag, not the one #enter takes", code: "declare function fetchLinks(url: string): Promise<string[]>;\nexport class Crawler {\n  #crawling = false;\n  #paused = false;\n  #visited = 0;\n  #lastCrawl = 0;\n  #frontier: string[] = [];\n  async crawlNext(): Promise<void> {\n    this.#enter();\n    try {\n      const visited = this.#visited;\n      const url = this.#frontier.shift();\n      if (url === undefined) return;\n      const links = await fetchLinks(url);\n      this.#frontier.push(...links);\n      this.#visited = visited + 1;\n    } finally {\n      this.#finish();\n    }\n  }\n  #enter(): void {\n    if (this.#crawling) throw new Error(\"Crawler: crawlNext() is already running\");\n    this.#crawling = true;\n  }\n  #finish(): void {\n    this.#resume();\n    this.#lastCrawl = Date.now();\n  }\n  #resume(): void {\n    this.#paused = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 16,
      column: 7,
      message: staleSnapshot("this.#visited", "visited"),
    },
  ] },
];

const validDelta8B: ValidCase[] = [
  { name: "delta8B: a helper that sets the flag, then records the start time", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #startedAt = 0;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      console.debug(`run took ${Date.now() - this.#startedAt} ms`);\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running = true;\n    this.#startedAt = Date.now();\n  }\n}" },
  { name: "delta8B: a helper that records the start time, then sets the flag", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #startedAt = 0;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      console.debug(`run took ${Date.now() - this.#startedAt} ms`);\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#startedAt = Date.now();\n    this.#running = true;\n  }\n}" },
  { name: "delta8B: a numeric state flag set to 1 by the helper and back to 0 in finally", code: "declare function transfer(bytes: Uint8Array): Promise<number>;\nexport class SpiBus {\n  #state = 0; // 0: idle, 1: transferring\n  #sent = 0;\n  async send(bytes: Uint8Array): Promise<void> {\n    this.#begin();\n    try {\n      const sent = this.#sent;\n      const written = await transfer(bytes);\n      this.#sent = sent + written;\n    } finally {\n      this.#state = 0;\n    }\n  }\n  #begin(): void {\n    if (this.#state) throw new Error(\"SpiBus: a transfer is already in progress\");\n    this.#state = 1;\n  }\n}" },
  { name: "delta8B: a phase string set by the helper and cleared to the empty string in finally", code: "declare function runStep(step: string): Promise<void>;\nexport class Migrator {\n  #phase = \"\";\n  #applied = 0;\n  async apply(step: string): Promise<void> {\n    this.#enter(step, \"apply\");\n    try {\n      const applied = this.#applied;\n      await runStep(step);\n      this.#applied = applied + 1;\n    } finally {\n      this.#phase = \"\";\n    }\n  }\n  #enter(step: string, phase: string): void {\n    if (this.#phase) throw new Error(`Migrator: cannot ${phase} ${step} while a ${this.#phase} runs`);\n    this.#phase = phase;\n  }\n}" },
  { name: "delta8B: a helper whose guard block logs, then throws", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #closed = false;\n  #startedAt = 0;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      console.debug(`run took ${Date.now() - this.#startedAt} ms`);\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#closed || this.#running) {\n      console.warn(\"JobRunner: turning away a run\");\n      throw new Error(this.#closed ? \"JobRunner is closed\" : \"JobRunner: a run is already in progress\");\n    }\n    this.#running = true;\n  }\n}" },
  { name: "delta8B: a helper that prunes its backlog with a filter callback that returns, before its busy check", code: "interface Job { id: string; attempts: number; abandoned: boolean }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #backlog: Job[] = [];\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = [...this.#backlog, ...(await claim(10))];\n      this.#backlog = [];\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    this.#backlog = this.#backlog.filter((job) => {\n      if (job.abandoned) return false;\n      return job.attempts < 3;\n    });\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running = true;\n  }\n}" },
  { name: "delta8B: a flag kept in a state object on this, taken by a private begin()", code: "interface SyncState { running: boolean; synced: number }\ndeclare function pullChanges(since: number): Promise<number>;\nexport class SyncClient {\n  private readonly state: SyncState = { running: false, synced: 0 };\n  async sync(): Promise<void> {\n    this.begin();\n    try {\n      const synced = this.state.synced;\n      const pulled = await pullChanges(synced);\n      this.state.synced = synced + pulled;\n    } finally {\n      this.state.running = false;\n    }\n  }\n  private begin(): void {\n    if (this.state.running) throw new Error(\"SyncClient: a sync is already running\");\n    this.state.running = true;\n  }\n}" },
  { name: "delta8B: a helper that returns when the runner is not paused, after setting the flag", code: "interface Job { id: string; attempts: number }\ndeclare function claim(limit: number): Promise<Job[]>;\ndeclare function execute(job: Job): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #paused = false;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = this.#paused ? [] : await claim(10);\n      for (const job of jobs) await execute(job);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = false;\n    }\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running = true;\n    if (!this.#paused) return;\n    console.debug(\"JobRunner: paused, this run claims nothing\");\n  }\n}" },
  { name: "delta8B: a helper taking the bus for channel 1", code: "declare function readRegister(channel: number, register: number): Promise<number>;\nexport class SensorBus {\n  #activeChannel: number | undefined;\n  #reads = 0;\n  async readTemperature(): Promise<number> {\n    this.#acquire(1);\n    try {\n      const reads = this.#reads;\n      const value = await readRegister(1, 0x05);\n      this.#reads = reads + 1;\n      return value;\n    } finally {\n      this.#activeChannel = undefined;\n    }\n  }\n  #acquire(channel: number): void {\n    if (this.#activeChannel) throw new Error(`SensorBus: channel ${this.#activeChannel} holds the bus`);\n    this.#activeChannel = channel;\n  }\n}" },
];

/** The seventh batch of unseen code (the Cassandra driver): N18. */
const invalidBatch7: InvalidCase[] = [
  {
    name: "batch7: a read before the busy-flag guard with an await between them is stale when the guard is passed",
    code: `declare function fromEvent(emitter: object, name: string): Promise<void>;\nexport class Client {\n  connected = false;\n  connecting = false;\n  constructor(private readonly control: { init(): Promise<void>; ready: Promise<void> }) {}\n  async connect() {\n    if (this.connected) return;\n    await this.control.ready;\n    if (this.connecting) return fromEvent(this, "connected");\n    this.connecting = true;\n    try {\n      await this.control.init();\n      this.connected = true;\n    } finally {\n      this.connecting = false;\n    }\n  }\n}`,
    errors: [{ messageId: "duplicateWork", line: 13, column: 7, message: duplicateWork("this.connected", "this.control.init", "true") }],
  },
  {
    name: "batch7: the awaited init fetches without memoizing: every concurrent first update repeats it",
    code: `declare function getMe(): Promise<{ username: string }>;\nexport class Bot {\n  me: { username: string } | undefined;\n  async init() {\n    if (!this.me) {\n      const me = await getMe();\n      if (this.me === undefined) this.me = me;\n    }\n  }\n}\nexport function webhookCallback(bot: Bot) {\n  let initialized = false;\n  return async (update: string) => {\n    if (!initialized) {\n      await bot.init();\n      initialized = true;\n    }\n    return update;\n  };\n}`,
    errors: [{ messageId: "duplicateWork", line: 16, column: 7, message: duplicateWork("initialized", "bot.init", "true") }],
  },
];

const validBatch7: ValidCase[] = [
  {
    name: "batch7: a read just before the busy-flag guard runs in one step with it (Cassandra driver's `_connect`)",
    code: `declare function fromEvent(emitter: object, name: string): Promise<void>;\nexport class Client {\n  connected = false;\n  connecting = false;\n  constructor(private readonly control: { init(): Promise<void>; reset(): Promise<void> }) {}\n  async connect() {\n    if (this.connected) {\n      return;\n    }\n    if (this.connecting) {\n      return fromEvent(this, "connected");\n    }\n    this.connecting = true;\n    try {\n      await this.control.init();\n    } catch (err) {\n      await this.control.reset();\n      this.connected = false;\n      this.connecting = false;\n      throw err;\n    }\n    this.connected = true;\n    this.connecting = false;\n  }\n}`,
  },
  {
    name: "batch7: a log line and a read before the guard, no await between them",
    code: `export class Loader {\n  loaded = false;\n  #busy = false;\n  constructor(private readonly source: { read(): Promise<string> }, private readonly log: (line: string) => void) {}\n  async load() {\n    this.log("load requested");\n    if (this.loaded) return;\n    if (this.#busy) return;\n    this.#busy = true;\n    try {\n      await this.source.read();\n      this.loaded = true;\n    } finally {\n      this.#busy = false;\n    }\n  }\n}`,
  },
  {
    name: "batch7: the awaited init is itself a single flight (TypeScript's lowered `??=`, grammY's `Bot.init`): no call repeats its work",
    code: `declare function getMe(): Promise<{ username: string }>;\nexport class Bot {\n  mePromise: Promise<{ username: string }> | undefined;\n  me: { username: string } | undefined;\n  async init() {\n    if (!this.me) {\n      var _a;\n      (_a = this.mePromise) !== null && _a !== void 0 ? _a : (this.mePromise = getMe());\n      let me;\n      try {\n        me = await this.mePromise;\n      } finally {\n        this.mePromise = undefined;\n      }\n      if (this.me === undefined) this.me = me;\n    }\n  }\n}\nexport function webhookCallback(bot: Bot) {\n  let initialized = false;\n  return async (update: string) => {\n    if (!initialized) {\n      await bot.init();\n      initialized = true;\n    }\n    return update;\n  };\n}`,
  },
  {
    name: "batch7: the awaited init is itself a single flight written with `??=`",
    code: `declare function getMe(): Promise<{ username: string }>;\nexport class Bot {\n  mePromise: Promise<{ username: string }> | undefined;\n  me: { username: string } | undefined;\n  async init() {\n    if (!this.me) {\n      this.mePromise ??= getMe();\n      let me;\n      try {\n        me = await this.mePromise;\n      } finally {\n        this.mePromise = undefined;\n      }\n      if (this.me === undefined) this.me = me;\n    }\n  }\n}\nexport function webhookCallback(bot: Bot) {\n  let initialized = false;\n  return async (update: string) => {\n    if (!initialized) {\n      await bot.init();\n      initialized = true;\n    }\n    return update;\n  };\n}`,
  },
];

const validDelta8A: ValidCase[] = [
  { name: "delta8A: the host put back with a type assertion into the options' current value, the port beside it", code: "interface Options { host?: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = this.options.host;\n    const port = await probe(host ?? \"localhost\");\n    this.options = { ...this.options, host: host as string, port };\n  }\n}" },
  { name: "delta8A: the host kept by a conditional's branch (localhost when the probe finds no port), put back into the options' current value", code: "interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  private options: Options = { host: \"localhost\", port: 0 };\n  async connect() {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { ...this.options, host: port > 0 ? host : \"localhost\", port };\n  }\n}" },
  { name: "delta8A: a flush whose #enter is its first statement and that returns the count after the try", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  #flushing = false;\n  #exported = 0;\n  #buffer: string[] = [];\n  async flush(): Promise<number> {\n    this.#enter();\n    try {\n      const before = this.#exported;\n      const lines = this.#buffer.splice(0);\n      await send(lines);\n      this.#exported = before + lines.length;\n    } finally {\n      this.#flushing = false;\n    }\n    return this.#exported;\n  }\n  #enter(): void {\n    if (this.#flushing) throw new Error(\"LogExporter: flush() is already running\");\n    this.#flushing = true;\n  }\n}" },
  { name: "delta8A: a private begin() with overload signatures: its implementation takes the flag", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  private busy: string | null = null;\n  private exported = 0;\n  private buffer: string[] = [];\n  async flush(): Promise<void> {\n    this.begin(\"flush\");\n    try {\n      const before = this.exported;\n      const lines = this.buffer.splice(0);\n      await send(lines);\n      this.exported = before + lines.length;\n    } finally {\n      this.busy = null;\n    }\n  }\n  private begin(): void;\n  private begin(operation: string): void;\n  private begin(operation = \"export\"): void {\n    if (this.busy) throw new Error(`LogExporter: ${operation}() while ${this.busy} runs`);\n    this.busy = operation;\n  }\n}" },
  { name: "delta8A: a module beginSync() with overload signatures: its implementation takes the flag", code: "declare function listChanges(since: number): Promise<{ version: number; changes: string[] }>;\ndeclare function apply(changes: string[]): Promise<void>;\nlet syncing: string | undefined;\nlet lastVersion = 0;\nlet applied = 0;\nfunction beginSync(): void;\nfunction beginSync(reason: string): void;\nfunction beginSync(reason = \"sync\"): void {\n  if (syncing) throw new Error(`${reason}: ${syncing} already in progress`);\n  syncing = reason;\n}\nexport async function syncAll(): Promise<void> {\n  beginSync(\"syncAll\");\n  try {\n    const before = applied;\n    const { version, changes } = await listChanges(lastVersion);\n    await apply(changes);\n    lastVersion = version;\n    applied = before + changes.length;\n  } finally {\n    syncing = undefined;\n  }\n}" },
  { name: "delta8A: a finally that clears its timer before the flag still releases it", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  #flushing = false;\n  #exported = 0;\n  #buffer: string[] = [];\n  #timer: ReturnType<typeof setTimeout> | undefined;\n  async flush(): Promise<void> {\n    this.#enter();\n    try {\n      const before = this.#exported;\n      const lines = this.#buffer.splice(0);\n      await send(lines);\n      this.#exported = before + lines.length;\n    } finally {\n      clearTimeout(this.#timer);\n      this.#flushing = false;\n    }\n  }\n  #enter(): void {\n    if (this.#flushing) throw new Error(\"LogExporter: flush() is already running\");\n    this.#flushing = true;\n  }\n}" },
  { name: "delta8A: an exported beginSync() (other modules take the flag with it too) is the lock of syncAll like a module-private one", code: "declare function listChanges(since: number): Promise<{ version: number; changes: string[] }>;\ndeclare function apply(changes: string[]): Promise<void>;\nlet syncing = false;\nlet lastVersion = 0;\nlet applied = 0;\nexport function beginSync(): void {\n  if (syncing) throw new Error(\"sync already in progress\");\n  syncing = true;\n}\nexport function endSync(): void {\n  syncing = false;\n}\nexport async function syncAll(): Promise<void> {\n  beginSync();\n  try {\n    const before = applied;\n    const { version, changes } = await listChanges(lastVersion);\n    await apply(changes);\n    lastVersion = version;\n    applied = before + changes.length;\n  } finally {\n    endSync();\n  }\n}" },
  { name: "delta8A: a finally that calls #finish(), which releases the flag through #release() (close() calls #finish() too)", code: "declare function fetchLinks(url: string): Promise<string[]>;\nexport class Crawler {\n  #crawling = false;\n  #visited = 0;\n  #lastCrawl = 0;\n  #frontier: string[] = [];\n  async crawlNext(): Promise<void> {\n    this.#enter();\n    try {\n      const visited = this.#visited;\n      const url = this.#frontier.shift();\n      if (url === undefined) return;\n      const links = await fetchLinks(url);\n      this.#frontier.push(...links);\n      this.#visited = visited + 1;\n    } finally {\n      this.#finish();\n    }\n  }\n  close(): void {\n    this.#frontier = [];\n    this.#finish();\n  }\n  #enter(): void {\n    if (this.#crawling) throw new Error(\"Crawler: crawlNext() is already running\");\n    this.#crawling = true;\n  }\n  #finish(): void {\n    this.#release();\n    this.#lastCrawl = Date.now();\n  }\n  #release(): void {\n    this.#crawling = false;\n  }\n}" },
];

const invalidDelta8C: InvalidCase[] = [
  { name: "delta8C: a helper taking the job's id as its busy flag (an id may be empty) is no lock", code: "interface Job { id: string; payload: string }\ndeclare function deliver(job: Job): Promise<void>;\nexport class Dispatcher {\n  #running: string | undefined;\n  #delivered = 0;\n  async dispatch(job: Job): Promise<void> {\n    this.#enter(job);\n    try {\n      const delivered = this.#delivered;\n      await deliver(job);\n      this.#delivered = delivered + 1;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter(job: Job): void {\n    if (this.#running) throw new Error(`Dispatcher: cannot deliver ${job.id} while ${this.#running} runs`);\n    this.#running = job.id;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 11,
      column: 7,
      message: staleSnapshot("this.#delivered", "delivered"),
    },
  ] },
  { name: "delta8C: a helper destructuring the job takes its id, a local and no parameter, as the flag: no lock", code: "interface Job { id: string; payload: string }\ndeclare function deliver(job: Job): Promise<void>;\nexport class Dispatcher {\n  #running: string | undefined;\n  #delivered = 0;\n  async dispatch(job: Job): Promise<void> {\n    this.#enter(job);\n    try {\n      const delivered = this.#delivered;\n      await deliver(job);\n      this.#delivered = delivered + 1;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter({ id }: Job): void {\n    if (this.#running) throw new Error(`Dispatcher: cannot deliver ${id} while ${this.#running} runs`);\n    this.#running = id;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 11,
      column: 7,
      message: staleSnapshot("this.#delivered", "delivered"),
    },
  ] },
  { name: "delta8C: a helper that replaces its task name by an optional label before setting the flag is no lock", code: "declare function pushChanges(): Promise<number>;\nexport class Syncer {\n  #running: string | undefined;\n  #label: string | undefined;\n  #synced = 0;\n  async sync(): Promise<void> {\n    this.#enter(\"sync\", this.#label);\n    try {\n      const synced = this.#synced;\n      const pushed = await pushChanges();\n      this.#synced = synced + pushed;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter(task: string, label?: string): void {\n    if (this.#running) throw new Error(`Syncer: ${task} called while ${this.#running} runs`);\n    task = label ?? task;\n    this.#running = task;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 11,
      column: 7,
      message: staleSnapshot("this.#synced", "synced"),
    },
  ] },
  { name: "delta8C: a helper whose optional task name the caller leaves out sets the flag to undefined: no lock", code: "declare function pushChanges(): Promise<number>;\nexport class Syncer {\n  #running: string | undefined;\n  #synced = 0;\n  async sync(): Promise<void> {\n    this.#enter();\n    try {\n      const synced = this.#synced;\n      const pushed = await pushChanges();\n      this.#synced = synced + pushed;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter(task?: string): void {\n    if (this.#running) throw new Error(`Syncer: ${task ?? \"a task\"} called while ${this.#running} runs`);\n    this.#running = task;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#synced", "synced"),
    },
  ] },
  { name: "delta8C: a stale length decides a separator appended with +=, as in this.text = this.text + ...", code: "declare function persist(line: string): Promise<void>;\nexport class Transcript {\n  private text = \"\";\n  async append(line: string): Promise<void> {\n    const length = this.text.length;\n    await persist(line);\n    this.text += length > 0 ? `\\n${line}` : line;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 7,
      column: 5,
      message: staleSnapshot("this.text", "length"),
    },
  ] },
  { name: "delta8C: a session cleared during the await is brought back with ??= holding the user copied before it", code: "interface Session { user: string; startedAt: number }\ndeclare function audit(user: string): Promise<void>;\nexport class Auth {\n  private session: Session | undefined;\n  async touch(): Promise<void> {\n    if (!this.session) return;\n    const user = this.session.user;\n    await audit(user);\n    this.session ??= { user, startedAt: Date.now() };\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 9,
      column: 5,
      message: staleSnapshot("this.session", "user"),
    },
  ] },
  { name: "delta8C: a compare-and-set in a catch block, its bump after the try skipped by a finally that returns when closed", code: "interface Doc { text: string }\ninterface Saved { ok: boolean; text: string }\ndeclare function save(doc: Doc): Promise<Saved>;\ndeclare function fetchLatest(): Promise<Saved>;\ndeclare function merge(local: Doc, saved: Saved): Doc;\nexport class Editor {\n  private version = 0;\n  private closed = false;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    try {\n      await save(draft);\n    } catch {\n      const latest = await fetchLatest();\n      if (this.version !== version) return;\n      this.doc = merge(draft, latest);\n    } finally {\n      if (this.closed) return;\n    }\n    this.version++;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 18,
      column: 7,
      message: staleSnapshot("this.doc", "draft"),
    },
  ] },
];

const validDelta8C: ValidCase[] = [
  { name: "delta8C: a helper called with the method name first, then a spread of the topics, takes the flag", code: "declare function publishTo(topic: string, message: string): Promise<void>;\nexport class Broadcaster {\n  #busy: string | null = null;\n  #published = 0;\n  async publish(message: string, ...topics: string[]): Promise<void> {\n    this.#enter(\"publish\", ...topics);\n    try {\n      const published = this.#published;\n      for (const topic of topics) await publishTo(topic, message);\n      this.#published = published + topics.length;\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string, ...topics: string[]): void {\n    if (this.#busy) throw new Error(`Broadcaster: ${method}(${topics.join(\", \")}) called while a ${this.#busy} is in progress`);\n    this.#busy = method;\n  }\n}" },
  { name: "delta8C: a helper called with the method name first, a spread and one more argument after it, takes the flag", code: "declare function deliver(to: string, message: string): Promise<void>;\nexport class Mailer {\n  #busy: string | null = null;\n  #sent = 0;\n  async send(message: string, ...recipients: string[]): Promise<void> {\n    this.#enter(\"send\", ...recipients, message);\n    try {\n      const sent = this.#sent;\n      for (const to of recipients) await deliver(to, message);\n      this.#sent = sent + recipients.length;\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string, ...args: string[]): void {\n    if (this.#busy) throw new Error(`Mailer: ${method}(${args.join(\", \")}) called while a ${this.#busy} is in progress`);\n    this.#busy = method;\n  }\n}" },
  { name: "delta8C: a helper that first rejects an empty task name (!task), then takes the flag set to it", code: "declare function pushChanges(): Promise<number>;\nexport class Syncer {\n  #running: string | undefined;\n  #synced = 0;\n  async sync(): Promise<void> {\n    this.#enter(\"sync\");\n    try {\n      const synced = this.#synced;\n      const pushed = await pushChanges();\n      this.#synced = synced + pushed;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter(task: string): void {\n    if (!task) throw new TypeError(\"Syncer: a task name is required\");\n    if (this.#running) throw new Error(`Syncer: ${task} called while ${this.#running} runs`);\n    this.#running = task;\n  }\n}" },
  { name: "delta8C: a module function taking a module variable as the flag, set to its reason parameter, called with a literal", code: "declare function pushChanges(): Promise<number>;\nlet syncing: string | undefined;\nlet synced = 0;\nfunction enter(reason: string): void {\n  if (syncing) throw new Error(`sync(${reason}) called while a ${syncing} sync runs`);\n  syncing = reason;\n}\nexport async function sync(): Promise<void> {\n  enter(\"manual\");\n  try {\n    const count = synced;\n    const pushed = await pushChanges();\n    synced = count + pushed;\n  } finally {\n    syncing = undefined;\n  }\n}" },
  { name: "delta8C: a part copied in an if block, and a new local of the same name stored after the block", code: "interface Options { host: string; port: number }\ndeclare function resolve(name: string): Promise<string>;\ndeclare function drain(host: string): Promise<void>;\nexport class Pool {\n  private options: Options = { host: \"localhost\", port: 5432 };\n  async failover(name: string): Promise<void> {\n    if (name === this.options.host) {\n      const host = this.options.host;\n      await drain(host);\n    }\n    const host = await resolve(name);\n    this.options = { host, port: 5432 };\n  }\n}" },
  { name: "delta8C: a connection stored in the right operand of && after rechecking it and a closed flag", code: "interface Conn { close(): void; ping(): Promise<boolean> }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  private closed = false;\n  async get() {\n    if (!this.conn) {\n      const conn = await connect();\n      if (!this.closed && !this.conn && (this.conn = conn)) console.debug(\"connected\");\n    }\n    return this.conn;\n  }\n}" },
  { name: "delta8C: a compare-and-set in a catch block whose guard returns, the version bumped after the try", code: "interface Doc { text: string }\ninterface Saved { ok: boolean; text: string }\ndeclare function save(doc: Doc): Promise<Saved>;\ndeclare function fetchLatest(): Promise<Saved>;\ndeclare function merge(local: Doc, saved: Saved): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    try {\n      await save(draft);\n    } catch {\n      const latest = await fetchLatest();\n      if (this.version !== version) return;\n      this.doc = merge(draft, latest);\n    }\n    this.version++;\n  }\n}" },
  { name: "delta8C: a line appended with += after the await, the length read before it only logged", code: "declare function persist(line: string): Promise<void>;\nexport class Transcript {\n  private text = \"\";\n  async append(line: string): Promise<void> {\n    const offset = this.text.length;\n    await persist(line);\n    this.text += `${line}\\n`;\n    console.debug(`appended at ${offset}`);\n  }\n}" },
  { name: "delta8C: a connection found by a for await loop, kept with || right where the loop ends (no space between)", code: "interface Conn { close(): void }\ndeclare function candidates(): AsyncIterable<Conn>;\nexport class Pool {\n  private conn: Conn | undefined;\n  async get() {\n    if (!this.conn) {\n      let found: Conn | undefined;\n      // No space after the loop (as a minifier leaves it): the recheck starts where the for await ends.\n      for await (const candidate of candidates()) found = candidate;this.conn || (this.conn = found);\n    }\n    return this.conn;\n  }\n}" },
  { name: "delta8C: a generation token checked with && right where a for await loop ends (no space between)", code: "declare function seekSteps(position: number): AsyncIterable<number>;\nexport class Player {\n  private generation = 0;\n  private position = 0;\n  async skip() {\n    const generation = ++this.generation;\n    const position = this.position;\n    let reached = position;\n    // No space after the loop (as a minifier leaves it): the token check starts where the for await ends.\n    for await (const step of seekSteps(position + 1)) reached = step;generation === this.generation && (this.position = position + 1);\n    return reached;\n  }\n}" },
  { name: "delta8C: a compare-and-set in a finally block whose guard returns, the version bumped after the try", code: "interface Doc { text: string }\ninterface Saved { ok: boolean; text: string }\ndeclare function save(doc: Doc): Promise<Saved>;\ndeclare function merge(local: Doc, saved: Saved): Doc;\nexport class Editor {\n  private version = 0;\n  private doc: Doc = { text: \"\" };\n  async persist() {\n    const version = this.version;\n    const draft = this.doc;\n    let saved: Saved | undefined;\n    try {\n      saved = await save(draft);\n    } finally {\n      if (this.version !== version) return;\n      this.doc = saved ? merge(draft, saved) : draft;\n    }\n    this.version++;\n  }\n}" },
];

const invalidLeftD: InvalidCase[] = [
  { name: "leftD: a reload that clears the flag in a finally ahead of #enter (unusual: a try before the helper call) and releases it again before its await: no lock", code: "declare function drain(): Promise<void>;\ndeclare function loadConfig(): Promise<string>;\nexport class Server {\n  #busy: string | null = null;\n  #reloads = 0;\n  #config = \"\";\n  async reload(): Promise<void> {\n    try {\n      await drain();\n    } finally {\n      this.#busy = null;\n    }\n    this.#enter(\"reload\");\n    const reloads = this.#reloads;\n    this.#busy = null;\n    this.#config = await loadConfig();\n    this.#reloads = reloads + 1;\n  }\n  #enter(method: string): void {\n    if (this.#busy) throw new Error(`Server: ${method}() while ${this.#busy} runs`);\n    this.#busy = method;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 17,
      column: 5,
      message: staleSnapshot("this.#reloads", "reloads"),
    },
  ] },
  { name: "leftD: a syncWith() whose beginSync parameter (unusual: it shadows the module's guard function) is called, not the guard: no lock", code: "declare function listChanges(since: number): Promise<{ version: number; changes: string[] }>;\nlet syncing = false;\nlet lastVersion = 0;\nlet applied = 0;\nfunction beginSync(): void {\n  if (syncing) throw new Error(\"sync already in progress\");\n  syncing = true;\n}\nexport async function syncWith(beginSync: () => void): Promise<void> {\n  beginSync();\n  try {\n    const before = applied;\n    const { version, changes } = await listChanges(lastVersion);\n    lastVersion = version;\n    applied = before + changes.length;\n  } finally {\n    syncing = false;\n  }\n}\nexport function startSync(): void {\n  beginSync();\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 15,
      column: 5,
      message: staleSnapshot("applied", "before"),
    },
  ] },
  { name: "leftD: a helper that counts its depth down with --depth (unusual: a prefix decrement of the flag's parameter) sets the flag to 0: no lock", code: "declare function flushQueue(): Promise<number>;\nexport class Flusher {\n  #depth = 0;\n  #flushed = 0;\n  async flush(): Promise<void> {\n    this.#enter();\n    try {\n      const flushed = this.#flushed;\n      const count = await flushQueue();\n      this.#flushed = flushed + count;\n    } finally {\n      this.#depth = 0;\n    }\n  }\n  #enter(depth = 1): void {\n    if (this.#depth) throw new Error(\"Flusher: flush() is already running\");\n    --depth;\n    this.#depth = depth;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#flushed", "flushed"),
    },
  ] },
  { name: "leftD: a helper that increments its any-typed task name with ++task (unusual: ++ on a string gives NaN) before setting the flag: no lock", code: "declare function pushChanges(): Promise<number>;\nexport class Syncer {\n  #running: any;\n  #synced = 0;\n  async sync(): Promise<void> {\n    this.#enter(\"sync\");\n    try {\n      const synced = this.#synced;\n      const pushed = await pushChanges();\n      this.#synced = synced + pushed;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter(task: any): void {\n    if (this.#running) throw new Error(\"Syncer: a sync is already running\");\n    ++task;\n    this.#running = task;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#synced", "synced"),
    },
  ] },
  { name: "leftD: a helper that writes the flag before its guard (unusual: #settle() clears it again before the check, nothing sets it after): no lock", code: "interface Job { id: string }\ndeclare function claim(limit: number): Promise<Job[]>;\nexport class JobRunner {\n  #running: string | undefined;\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter(\"runOnce\");\n    try {\n      const done = this.#completed;\n      const jobs = await claim(10);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = undefined;\n    }\n  }\n  #enter(method: string): void {\n    this.#running = method;\n    this.#settle();\n    if (this.#running) throw new Error(`JobRunner: ${method}() while a run is settling`);\n  }\n  #settle(): void {\n    this.#running = undefined;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 11,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
  { name: "leftD: an optional call of a declared #enter (this.#enter?.()) whose busy check only warns: a second tick runs on", code: "declare function poll(): Promise<string[]>;\nexport class Poller {\n  #busy: string | null = null;\n  #seen = 0;\n  async tick(): Promise<void> {\n    this.#enter?.(\"tick\");\n    try {\n      const seen = this.#seen;\n      const items = await poll();\n      this.#seen = seen + items.length;\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string): void {\n    if (this.#busy) console.warn(`Poller: ${method}() while ${this.#busy} runs`);\n    this.#busy = method;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 10,
      column: 7,
      message: staleSnapshot("this.#seen", "seen"),
    },
  ] },
  { name: "leftD: a finally that writes only the phase, the flag #enter takes released by #leave() in the try before the claim: no lock", code: "interface Job { id: string }\ndeclare function claim(limit: number): Promise<Job[]>;\nexport class JobRunner {\n  #running = false;\n  #phase = \"idle\";\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      this.#leave();\n      this.#phase = \"claiming\";\n      const jobs = await claim(10);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      const phase = this.#phase;\n      if (phase === \"claiming\") console.warn(\"JobRunner: the claim failed\");\n      this.#phase = \"idle\";\n    }\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running = true;\n  }\n  #leave(): void {\n    this.#running = false;\n  }\n}", errors: [
    {
      messageId: "staleSnapshot",
      line: 14,
      column: 7,
      message: staleSnapshot("this.#completed", "done"),
    },
  ] },
];

const validLeftD: ValidCase[] = [
  { name: "leftD: a class with a static private enter() (unusual: the same name as the instance guard) declared first: the instance enter() takes the flag", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  private static exporters = 0;\n  private busy = false;\n  private exported = 0;\n  private buffer: string[] = [];\n  private static enter(): void {\n    LogExporter.exporters++;\n  }\n  async flush(): Promise<void> {\n    this.enter();\n    try {\n      const before = this.exported;\n      const lines = this.buffer.splice(0);\n      await send(lines);\n      this.exported = before + lines.length;\n    } finally {\n      this.busy = false;\n    }\n  }\n  private enter(): void {\n    if (this.busy) throw new Error(\"LogExporter: flush() is already running\");\n    this.busy = true;\n  }\n}" },
  { name: "leftD: a connection stored after a recheck of it or a pending connect in one operand ((this.conn ?? this.connecting) === undefined)", code: "interface Conn { close(): void }\ndeclare function connect(): Promise<Conn>;\nexport class Db {\n  private conn: Conn | undefined;\n  private connecting: Promise<Conn> | undefined;\n  async get(): Promise<Conn | undefined> {\n    if (!this.conn) {\n      const conn = await connect();\n      if ((this.conn ?? this.connecting) === undefined && (this.conn = conn)) return conn;\n      conn.close();\n    }\n    return this.conn;\n  }\n}" },
  { name: "leftD: an optional call of a declared #enter (this.#enter?.(\"tick\")) runs it: the flag is taken", code: "declare function poll(): Promise<string[]>;\nexport class Poller {\n  #busy: string | null = null;\n  #seen = 0;\n  async tick(): Promise<void> {\n    this.#enter?.(\"tick\");\n    try {\n      const seen = this.#seen;\n      const items = await poll();\n      this.#seen = seen + items.length;\n    } finally {\n      this.#busy = null;\n    }\n  }\n  #enter(method: string): void {\n    if (this.#busy) throw new Error(`Poller: ${method}() while ${this.#busy} runs`);\n    this.#busy = method;\n  }\n}" },
  { name: "leftD: module beginSync?.() and endSync?.() (optional calls of declared functions) take and release the flag", code: "declare function listChanges(since: number): Promise<{ version: number; changes: string[] }>;\nlet syncing = false;\nlet lastVersion = 0;\nlet applied = 0;\nfunction beginSync(): void {\n  if (syncing) throw new Error(\"sync already in progress\");\n  syncing = true;\n}\nfunction endSync(): void {\n  syncing = false;\n}\nexport async function syncAll(): Promise<void> {\n  beginSync?.();\n  try {\n    const before = applied;\n    const { version, changes } = await listChanges(lastVersion);\n    lastVersion = version;\n    applied = before + changes.length;\n  } finally {\n    endSync?.();\n  }\n}" },
  { name: "leftD: a finally that sets the flag to whether jobs are still queued (a value that may stay true keeps later runs out): the try still runs alone", code: "interface Job { id: string }\ndeclare function execute(jobs: Job[]): Promise<void>;\nexport class JobRunner {\n  #running = false;\n  #queue: Job[] = [];\n  #completed = 0;\n  async runOnce(): Promise<number> {\n    this.#enter();\n    try {\n      const done = this.#completed;\n      const jobs = this.#queue.splice(0, 10);\n      await execute(jobs);\n      this.#completed = done + jobs.length;\n      return jobs.length;\n    } finally {\n      this.#running = this.#queue.length > 0;\n    }\n  }\n  drain(): void {\n    this.#queue = [];\n    this.#running = false;\n  }\n  #enter(): void {\n    if (this.#running) throw new Error(\"JobRunner: a run is already in progress\");\n    this.#running = true;\n  }\n}" },
  { name: "leftD: a phase flag set to \"idle\" in finally (truthy: later calls throw until reset()): the try still runs alone", code: "declare function fetchRates(): Promise<Record<string, number>>;\nexport class RateCache {\n  #phase: string | undefined;\n  #refreshes = 0;\n  #rates: Record<string, number> = {};\n  async refresh(): Promise<void> {\n    this.#begin(\"refresh\");\n    try {\n      const refreshes = this.#refreshes;\n      this.#rates = await fetchRates();\n      this.#refreshes = refreshes + 1;\n    } finally {\n      this.#phase = \"idle\";\n    }\n  }\n  reset(): void {\n    this.#phase = undefined;\n  }\n  #begin(phase: string): void {\n    if (this.#phase) throw new Error(`RateCache: ${phase}() after ${this.#phase}; call reset() first`);\n    this.#phase = phase;\n  }\n}" },
  { name: "leftD: a #leave() that returns when the flag is already clear, then clears it: the finally releases the flag", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  #flushing = false;\n  #exported = 0;\n  #buffer: string[] = [];\n  async flush(): Promise<void> {\n    this.#enter();\n    try {\n      const before = this.#exported;\n      const lines = this.#buffer.splice(0);\n      await send(lines);\n      this.#exported = before + lines.length;\n    } finally {\n      this.#leave();\n    }\n  }\n  #enter(): void {\n    if (this.#flushing) throw new Error(\"LogExporter: flush() is already running\");\n    this.#flushing = true;\n  }\n  #leave(): void {\n    if (!this.#flushing) return;\n    this.#flushing = false;\n    console.debug(\"LogExporter: flush done\");\n  }\n}" },
  { name: "leftD: a depth counter taken by #enter() and counted back down with -= 1 in finally", code: "declare function render(view: string): Promise<string>;\nexport class Renderer {\n  #depth = 0;\n  #rendered = 0;\n  #html = \"\";\n  async renderPage(view: string): Promise<void> {\n    this.#enter();\n    try {\n      const rendered = this.#rendered;\n      this.#html = await render(view);\n      this.#rendered = rendered + 1;\n    } finally {\n      this.#depth -= 1;\n    }\n  }\n  #enter(): void {\n    if (this.#depth) throw new Error(\"Renderer: renderPage() is not reentrant\");\n    this.#depth = 1;\n  }\n}" },
  { name: "leftD: a module depth counter taken by enter() and counted back down with depth-- in finally", code: "declare function migrate(version: number): Promise<number>;\nlet depth = 0;\nlet schemaVersion = 0;\nfunction enter(): void {\n  if (depth) throw new Error(\"migrations are already running\");\n  depth = 1;\n}\nexport async function migrateAll(): Promise<void> {\n  enter();\n  try {\n    const from = schemaVersion;\n    const steps = await migrate(from);\n    schemaVersion = from + steps;\n  } finally {\n    depth--;\n  }\n}" },
  { name: "leftD: a pending-run counter taken by #enter() and counted back down with --this.#pending in finally", code: "declare function upload(files: string[]): Promise<number>;\nexport class Uploader {\n  #pending = 0;\n  #uploaded = 0;\n  #queue: string[] = [];\n  async uploadAll(): Promise<void> {\n    this.#enter();\n    try {\n      const uploaded = this.#uploaded;\n      const count = await upload(this.#queue.splice(0));\n      this.#uploaded = uploaded + count;\n    } finally {\n      --this.#pending;\n    }\n  }\n  #enter(): void {\n    if (this.#pending) throw new Error(\"Uploader: uploadAll() is already running\");\n    this.#pending = 1;\n  }\n}" },
  { name: "leftD: a finally that clears its timer under an if, then releases the flag", code: "declare function send(lines: string[]): Promise<void>;\nexport class LogExporter {\n  #flushing = false;\n  #exported = 0;\n  #buffer: string[] = [];\n  #timer: ReturnType<typeof setTimeout> | undefined;\n  async flush(): Promise<void> {\n    this.#enter();\n    try {\n      const before = this.#exported;\n      const lines = this.#buffer.splice(0);\n      await send(lines);\n      this.#exported = before + lines.length;\n    } finally {\n      if (this.#timer !== undefined) clearTimeout(this.#timer);\n      this.#flushing = false;\n    }\n  }\n  #enter(): void {\n    if (this.#flushing) throw new Error(\"LogExporter: flush() is already running\");\n    this.#flushing = true;\n  }\n}" },
];

/** The ninth session's last delta run (lines changed since 62651e7): its survivors. */
const invalidDelta10: InvalidCase[] = [
  {
    name: "delta10: an awaited init that is not async (a sync method awaited) is no shared run: every first update calls it",
    code: `declare function getMe(): Promise<{ username: string }>;\ndeclare function loadPlugins(): Promise<void>;\nexport class Bot {\n  mePromise: Promise<{ username: string }> | undefined;\n  me: { username: string } | undefined;\n  init() {\n    this.me ??= { username: \"bot\" };\n  }\n}\nexport function webhookCallback(bot: Bot) {\n  let initialized = false;\n  return async (update: string) => {\n    if (!initialized) {\n      await bot.init();\n      initialized = true;\n    }\n    return update;\n  };\n}`,
    errors: [{ messageId: "duplicateWork", line: 15, column: 7, message: duplicateWork("initialized", "bot.init", "true") }],
  },
  {
    name: "delta10: an init that awaits a memoized promise and then other work: every first update repeats the other work",
    code: `declare function getMe(): Promise<{ username: string }>;\ndeclare function loadPlugins(): Promise<void>;\nexport class Bot {\n  mePromise: Promise<{ username: string }> | undefined;\n  me: { username: string } | undefined;\n  async init() {\n    this.mePromise ??= getMe();\n    this.me = await this.mePromise;\n    await loadPlugins();\n  }\n}\nexport function webhookCallback(bot: Bot) {\n  let initialized = false;\n  return async (update: string) => {\n    if (!initialized) {\n      await bot.init();\n      initialized = true;\n    }\n    return update;\n  };\n}`,
    errors: [{ messageId: "duplicateWork", line: 17, column: 7, message: duplicateWork("initialized", "bot.init", "true") }],
  },
  {
    name: "delta10: a promise slot set under an unrelated condition (`fresh ? (this.connecting = connect()) : this.connecting`) is not memoized",
    code: `interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Pool {\n  conn: Conn | undefined;\n  connecting: Promise<Conn> | undefined;\n  async get(fresh: boolean) {\n    if (!this.conn) {\n      fresh ? (this.connecting = connect()) : this.connecting;\n      this.conn = await this.connecting;\n    }\n    return this.conn;\n  }\n}`,
    errors: [{ messageId: "duplicateInit", line: 9, column: 7, message: duplicateInit("this.conn") }],
  },
  {
    name: "delta10: a part copied before the await and stored as the fallback of `??` into a new object (not reading the whole again) is stale",
    code: `interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  constructor(private options: Options) {}\n  async refresh(override?: string) {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { host: override ?? host, port };\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.options", "host") }],
  },
  {
    name: "delta10: a part copied before the await and computed into a field (`address: host + \":\" + port`) of the object read again is stale",
    code: `interface Options { host: string; port: number; address: string }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  constructor(private options: Options) {}\n  async refresh() {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { ...this.options, address: host + ":" + port, port };\n  }\n}`,
    errors: [{ messageId: "staleSnapshot", line: 8, column: 5, message: staleSnapshot("this.options", "host") }],
  },
];

const validDelta10: ValidCase[] = [
  {
    name: "delta10: the connection awaited through TypeScript's lowered `??=` is one shared run",
    code: `interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Pool {\n  conn: Conn | undefined;\n  connecting: Promise<Conn> | undefined;\n  async get() {\n    var _a;\n    if (!this.conn) {\n      this.conn = await ((_a = this.connecting) !== null && _a !== void 0 ? _a : (this.connecting = connect()));\n    }\n    return this.conn;\n  }\n}`,
  },
  {
    name: "delta10: the connection awaited through `??=` is one shared run",
    code: `interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Pool {\n  conn: Conn | undefined;\n  connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.conn) {\n      this.conn = await (this.connecting ??= connect());\n    }\n    return this.conn;\n  }\n}`,
  },
  {
    name: "delta10: a promise slot set while it is unset, written `!this.connecting ? (this.connecting = connect()) : this.connecting`",
    code: `interface Conn { query(sql: string): Promise<unknown> }\ndeclare function connect(): Promise<Conn>;\nexport class Pool {\n  conn: Conn | undefined;\n  connecting: Promise<Conn> | undefined;\n  async get() {\n    if (!this.conn) {\n      !this.connecting ? (this.connecting = connect()) : this.connecting;\n      this.conn = await this.connecting;\n    }\n    return this.conn;\n  }\n}`,
  },
  {
    name: "delta10: a part put back as the fallback of `??` into the object read again (`{ ...this.options, host: override ?? host }`)",
    code: `interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  constructor(private options: Options) {}\n  async refresh(override?: string) {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { ...this.options, host: override ?? host, port };\n  }\n}`,
  },
  {
    name: "delta10: a part put back as the left operand of `||` into the object read again",
    code: `interface Options { host: string; port: number }\ndeclare function probe(host: string): Promise<number>;\nexport class Client {\n  constructor(private options: Options) {}\n  async refresh() {\n    const host = this.options.host;\n    const port = await probe(host);\n    this.options = { ...this.options, host: host || "localhost", port };\n  }\n}`,
  },
];

const n19Invalid: InvalidCase[] = [
  {
    name: "n19: an IIFE started in each iteration of a loop: the runs share the function's `let total`",
    code: `declare function price(item: string): Promise<number>;\nexport function totalOf(items: string[], report: (total: number) => void) {\n  let total = 0;\n  for (const item of items) {\n    void (async () => {\n      total += await price(item);\n      report(total);\n    })();\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 6,
        column: 7,
        message: lostUpdate("total"),
        fixes: [
          [
            HOIST,
            `declare function price(item: string): Promise<number>;\nexport function totalOf(items: string[], report: (total: number) => void) {\n  let total = 0;\n  for (const item of items) {\n    void (async () => {\n      const awaited = await price(item);\n      total += awaited;\n      report(total);\n    })();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "n19: an IIFE a listener starts once per event still shares `this` state: the listener runs again meanwhile",
    code: `import { EventEmitter } from "node:events";\ndeclare function measure(): Promise<number>;\nexport class Meter {\n  private total = 0;\n  watch(source: EventEmitter) {\n    source.on("tick", () => {\n      void (async () => {\n        this.total += await measure();\n      })();\n    });\n  }\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 8,
        column: 9,
        message: lostUpdate("this.total"),
        fixes: [
          [
            HOIST,
            `import { EventEmitter } from "node:events";\ndeclare function measure(): Promise<number>;\nexport class Meter {\n  private total = 0;\n  watch(source: EventEmitter) {\n    source.on("tick", () => {\n      void (async () => {\n        const awaited = await measure();\n        this.total += awaited;\n      })();\n    });\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "n19: got's listener shape writing module state instead of its parameter: every response's run shares it",
    code: `import { EventEmitter } from "node:events";\ninterface Response { statusCode: number; body: unknown }\ntype Hook = (response: Response) => Promise<Response>;\nlet lastResponse: Response | undefined;\nexport function track(request: EventEmitter, hooks: Hook[]) {\n  request.once("response", (response: Response) => {\n    void (async () => {\n      for (const hook of hooks) {\n        const snapshot = lastResponse ?? response;\n        lastResponse = await hook(snapshot);\n      }\n    })();\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 10, column: 9, message: staleSnapshot("lastResponse", "snapshot") }],
  },
  {
    name: "n19: two IIFEs started side by side in one function share its `let synced`",
    code: `declare function push(items: string[]): Promise<number>;\nexport function syncBoth(left: string[], right: string[], done: (count: number) => void) {\n  let synced = 0;\n  void (async () => {\n    synced = synced + (await push(left));\n    done(synced);\n  })();\n  void (async () => {\n    synced = synced + (await push(right));\n    done(synced);\n  })();\n}`,
    errors: [
      {
        messageId: "readModifyWrite",
        line: 5,
        column: 5,
        message: lostUpdate("synced"),
        fixes: [
          [
            HOIST,
            `declare function push(items: string[]): Promise<number>;\nexport function syncBoth(left: string[], right: string[], done: (count: number) => void) {\n  let synced = 0;\n  void (async () => {\n    const awaited = await push(left);\n    synced = synced + awaited;\n    done(synced);\n  })();\n  void (async () => {\n    synced = synced + (await push(right));\n    done(synced);\n  })();\n}`,
          ],
        ],
      },
      {
        messageId: "readModifyWrite",
        line: 9,
        column: 5,
        message: lostUpdate("synced"),
        fixes: [
          [
            HOIST,
            `declare function push(items: string[]): Promise<number>;\nexport function syncBoth(left: string[], right: string[], done: (count: number) => void) {\n  let synced = 0;\n  void (async () => {\n    synced = synced + (await push(left));\n    done(synced);\n  })();\n  void (async () => {\n    const awaited = await push(right);\n    synced = synced + awaited;\n    done(synced);\n  })();\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "n19: a listener's parameter that another listener it registers also reassigns: the IIFE's write after the hook can undo that one",
    code: `import { EventEmitter } from "node:events";\ninterface Response { url: string; statusCode: number }\ntype Hook = (response: Response) => Promise<Response>;\nexport function follow(request: EventEmitter, hooks: Hook[], done: (response: Response) => void) {\n  request.once("response", (response: Response) => {\n    request.once("redirect", (next: Response) => {\n      response = next;\n    });\n    void (async () => {\n      for (const hook of hooks) {\n        const snapshot = response;\n        response = await hook(snapshot);\n      }\n      done(response);\n    })();\n  });\n}`,
    errors: [{ messageId: "staleSnapshot", line: 12, column: 9, message: staleSnapshot("response", "snapshot") }],
  },
];

const n19Valid: ValidCase[] = [
  {
    name: "n19: got's response listener: the async IIFE it starts once per call reassigns the listener's `response` parameter after each hook",
    code: `import { EventEmitter } from "node:events";\ninterface Options { hooks: { afterResponse: Hook[] }; trackStateMutations<T>(run: (changed: Set<string>) => Promise<T>): Promise<T> }\ninterface Response { statusCode: number; body: unknown; rawBody: Uint8Array; request: { options: Options } }\ntype Hook = (response: Response, retry: () => never) => Response | Promise<Response>;\ndeclare function parseBody(response: Response): unknown;\nexport function asPromise(request: EventEmitter & { options: Options }, setResponse: (response: Response) => void, fail: (error: unknown) => void) {\n  request.once("response", (response: Response) => {\n    void (async () => {\n      response.body = parseBody(response);\n      try {\n        for (const hook of request.options.hooks.afterResponse) {\n          const requestOptions = response.request.options;\n          const responseSnapshot = response;\n          response = await requestOptions.trackStateMutations(async (changedState) => hook(responseSnapshot, () => { throw new Error(String(changedState.size)); }));\n        }\n      } catch (error) {\n        fail(error);\n        return;\n      }\n      setResponse(response);\n    })();\n  });\n}`,
  },
  {
    name: "n19: a request handler's IIFE awaits a fetch and reassigns the handler's `let result` (a `.catch` chained on it)",
    code: `interface Report { id: string; rows: string[] }\ninterface Req { params: { id: string } }\ninterface Res { json(body: unknown): void; status(code: number): Res }\ndeclare const app: { get(path: string, handler: (req: Req, res: Res) => void): void };\ndeclare const cache: Map<string, Report>;\ndeclare function fetchReport(id: string): Promise<Report | undefined>;\napp.get("/reports/:id", (req, res) => {\n  let result = cache.get(req.params.id);\n  (async () => {\n    const cached = result;\n    result = (await fetchReport(req.params.id)) ?? cached;\n    if (result) cache.set(req.params.id, result);\n    res.json(result ?? null);\n  })().catch(() => res.status(500).json({ error: "report failed" }));\n});`,
  },
  {
    name: "n19: an IIFE under `void` inside an `if` of a message handler sets the handler's own `let` flag after the send",
    code: `interface Socket { send(data: string): Promise<void> }\ninterface Message { id: string; ack: boolean }\nexport function handleMessage(socket: Socket, message: Message, log: (line: string) => void) {\n  let acknowledged = false;\n  if (message.ack) {\n    void (async () => {\n      if (!acknowledged) {\n        await socket.send(JSON.stringify({ ack: message.id }));\n        acknowledged = true;\n      }\n      log(\`acknowledged \${message.id}: \${acknowledged}\`);\n    })();\n  }\n}`,
  },
  {
    name: "n19: a parameter set in the handler before the IIFE starts, then reassigned from a copy inside it",
    code: `interface Session { id: string; expires: number }\ndeclare function renew(session: Session): Promise<Session>;\ndeclare function store(session: Session): void;\nexport function onRequest(session: Session | undefined, fallback: Session) {\n  if (!session) session = fallback;\n  void (async () => {\n    const current = session;\n    session = await renew(current);\n    store(session);\n  })();\n}`,
  },
  {
    name: "n19: a named async function expression run where it is written in a listener, that never calls itself",
    code: `import { EventEmitter } from "node:events";\ninterface Job { id: string; attempts: number }\ndeclare function runJob(job: Job): Promise<Job>;\nexport function watch(queue: EventEmitter) {\n  queue.on("job", (job: Job) => {\n    void (async function process() {\n      const before = job;\n      job = await runJob(before);\n      queue.emit("done", job);\n    })();\n  });\n}`,
  },
];

const n20Invalid: InvalidCase[] = [
  {
    name: "n20: the awaited `this.open()` sets `this.state` only after its first await: concurrent connects both dial",
    code: `interface Socket { end(): void }\ndeclare function dial(url: string): Promise<Socket>;\nexport class Client {\n  private state: "idle" | "connecting" | "ready" = "idle";\n  private socket?: Socket;\n  constructor(private readonly url: string) {}\n  async connect(): Promise<void> {\n    if (this.state !== "idle") return;\n    await this.open();\n    this.state = "ready";\n  }\n  private async open(): Promise<void> {\n    this.socket = await dial(this.url);\n    this.state = "connecting";\n  }\n}`,
    errors: [
      {
        messageId: "checkThenAct",
        line: 10,
        column: 5,
        message: checkThenAct("this.state"),
      },
    ],
  },
  {
    name: "n20: the awaited `this.open()` never writes `this.state`",
    code: `interface Socket { end(): void }\ndeclare function dial(url: string): Promise<Socket>;\nexport class Client {\n  private state: "idle" | "ready" = "idle";\n  private socket?: Socket;\n  constructor(private readonly url: string) {}\n  async connect(): Promise<void> {\n    if (this.state !== "idle") return;\n    await this.open();\n    this.state = "ready";\n  }\n  private async open(): Promise<void> {\n    this.socket = await dial(this.url);\n  }\n}`,
    errors: [
      {
        messageId: "checkThenAct",
        line: 10,
        column: 5,
        message: checkThenAct("this.state"),
      },
    ],
  },
  {
    name: "n20: hapi's shape without the guard around the call: `_initialize()` returns without a write when already initialized, and the caller still waits",
    code: `declare function startCache(name: string): Promise<void>;\nexport class Core {\n  phase: "stopped" | "initializing" | "initialized" | "starting" | "started" = "stopped";\n  caches: string[] = [];\n  async _start(): Promise<void> {\n    if (this.phase === "started") {\n      return;\n    }\n    if (this.phase !== "stopped" && this.phase !== "initialized") {\n      throw new Error("Cannot start server while it is in " + this.phase + " phase");\n    }\n    await this._initialize();\n    this.phase = "starting";\n  }\n  async _initialize(): Promise<void> {\n    if (this.phase === "initialized") {\n      return;\n    }\n    this.phase = "initializing";\n    await Promise.all(this.caches.map((name) => startCache(name)));\n    this.phase = "initialized";\n  }\n}`,
    errors: [
      {
        messageId: "checkThenAct",
        line: 13,
        column: 5,
        message: checkThenAct("this.phase"),
      },
    ],
  },
  {
    name: "n20: the awaited boot step sets the status on one branch only before its await",
    code: `interface Plugin { name: string; register(): Promise<void> }\nexport class App {\n  private status: "created" | "booting" | "running" = "created";\n  private plugins: Plugin[] = [];\n  private verbose = false;\n  async start(): Promise<void> {\n    if (this.status === "running") return;\n    await this.boot();\n    this.status = "running";\n  }\n  private async boot(): Promise<void> {\n    if (this.verbose) {\n      this.status = "booting";\n    }\n    for (const plugin of this.plugins) await plugin.register();\n  }\n}`,
    errors: [
      {
        messageId: "checkThenAct",
        line: 9,
        column: 5,
        message: checkThenAct("this.status"),
      },
    ],
  },
  {
    name: "n20: the awaited initialize() is another server's (`this.upstream.initialize()`): it sets that server's phase, not this one's",
    code: `declare function loadRoutes(): Promise<string[]>;\nexport class HttpServer {\n  phase: "created" | "initializing" | "initialized" | "listening" = "created";\n  routes: string[] = [];\n  constructor(private readonly upstream: HttpServer) {}\n  async listen(): Promise<void> {\n    if (this.phase === "listening") return;\n    await this.upstream.initialize();\n    this.phase = "listening";\n  }\n  async initialize(): Promise<void> {\n    this.phase = "initializing";\n    this.routes = await loadRoutes();\n    this.phase = "initialized";\n  }\n}`,
    errors: [
      {
        messageId: "checkThenAct",
        line: 9,
        column: 5,
        message: checkThenAct("this.phase"),
      },
    ],
  },
  {
    name: "n20: a subclass overrides the awaited `this.open()` with one that awaits before it writes `this.state`",
    code: `interface Socket { end(): void }\ndeclare function dial(url: string): Promise<Socket>;\nexport class Client {\n  protected state: "idle" | "connecting" | "ready" = "idle";\n  protected socket?: Socket;\n  constructor(protected readonly url: string) {}\n  async connect(): Promise<void> {\n    if (this.state !== "idle") return;\n    await this.open();\n    this.state = "ready";\n  }\n  protected async open(): Promise<void> {\n    this.state = "connecting";\n    this.socket = await dial(this.url);\n  }\n}\nexport class TlsClient extends Client {\n  protected async open(): Promise<void> {\n    this.socket = await dial(this.url.replace("tcp:", "tls:"));\n    this.state = "connecting";\n  }\n}`,
    errors: [
      {
        messageId: "checkThenAct",
        line: 10,
        column: 5,
        message: checkThenAct("this.state"),
      },
    ],
  },
];

const n20Valid: ValidCase[] = [
  {
    name: "n20: hapi's Core._start: the awaited `this._initialize()` sets `this.phase` before its first await, and its early return is excluded by the call's guard",
    code: `declare function startCache(name: string): Promise<void>;\nexport class Core {\n  phase: "stopped" | "initializing" | "initialized" | "starting" | "started" | "invalid" = "stopped";\n  registring = 0;\n  caches = new Map<string, { name: string }>();\n  async _start(): Promise<void> {\n    if (this.phase === "initialized" || this.phase === "started") {\n      this._validateDeps();\n    }\n    if (this.phase === "started") {\n      return;\n    }\n    if (this.phase !== "stopped" && this.phase !== "initialized") {\n      throw new Error("Cannot start server while it is in " + this.phase + " phase");\n    }\n    if (this.phase !== "initialized") {\n      await this._initialize();\n    }\n    this.phase = "starting";\n  }\n  async _initialize(): Promise<void> {\n    if (this.registring) {\n      throw new Error("Cannot start server before plugins finished registration");\n    }\n    if (this.phase === "initialized") {\n      return;\n    }\n    if (this.phase !== "stopped") {\n      throw new Error("Cannot initialize server while it is in " + this.phase + " phase");\n    }\n    this._validateDeps();\n    this.phase = "initializing";\n    try {\n      const caches: Promise<void>[] = [];\n      this.caches.forEach((cache) => caches.push(startCache(cache.name)));\n      await Promise.all(caches);\n      this.phase = "initialized";\n    } catch (err) {\n      this.phase = "invalid";\n      throw err;\n    }\n  }\n  _validateDeps(): void {}\n}`,
  },
  {
    name: "n20: a client's connect() awaits `this.open()`, which sets `this.state = \"connecting\"` before it awaits the socket",
    code: `interface Socket { on(event: "close", listener: () => void): void; end(): void }\ndeclare function dial(url: string): Promise<Socket>;\nexport class Client {\n  private state: "idle" | "connecting" | "ready" | "closed" = "idle";\n  private socket?: Socket;\n  constructor(private readonly url: string) {}\n  async connect(): Promise<void> {\n    if (this.state === "ready") return;\n    if (this.state === "connecting") throw new Error("connect() is already in progress");\n    await this.open();\n    this.state = "ready";\n  }\n  private async open(): Promise<void> {\n    this.state = "connecting";\n    this.socket = await dial(this.url);\n    this.socket.on("close", () => {\n      this.state = "closed";\n    });\n  }\n}`,
  },
  {
    name: "n20: the awaited boot step throws on some paths before it sets the status, and sets it on the others",
    code: `interface Plugin { name: string; register(): Promise<void> }\nexport class App {\n  private status: "created" | "booting" | "running" = "created";\n  private plugins: Plugin[] = [];\n  private config?: { port: number };\n  async start(): Promise<void> {\n    if (this.status === "running") return;\n    await this.boot();\n    this.status = "running";\n  }\n  private async boot(): Promise<void> {\n    if (this.status === "booting") throw new Error("App is already booting");\n    if (!this.config) {\n      throw new Error("App.start() called before configure()");\n    }\n    this.status = "booting";\n    for (const plugin of this.plugins) await plugin.register();\n  }\n}`,
  },
  {
    name: "n20: a server's listen() returns early when listening, then awaits `this.initialize()`, whose own early return on the same phase cannot run",
    code: `interface Route { path: string }\ndeclare function loadRoutes(dir: string): Promise<Route[]>;\nexport class HttpServer {\n  private phase: "created" | "initializing" | "initialized" | "listening" = "created";\n  private routes: Route[] = [];\n  constructor(private readonly routesDir: string) {}\n  async listen(port: number): Promise<number> {\n    if (this.phase === "listening") return port;\n    await this.initialize();\n    this.phase = "listening";\n    return port;\n  }\n  async initialize(): Promise<void> {\n    if (this.phase === "listening") return;\n    this.phase = "initializing";\n    this.routes = await loadRoutes(this.routesDir);\n    this.phase = "initialized";\n  }\n}`,
  },
  {
    name: "n20: close() awaits `this.release()` only while not disposed; release's `if (this.disposed) return;` cannot run there, and it marks the producer closing first",
    code: `interface Transport { end(): Promise<void> }\nexport class Producer {\n  private status: "open" | "closing" | "closed" = "open";\n  private disposed = false;\n  constructor(private readonly transport: Transport) {}\n  async close(): Promise<void> {\n    if (this.status !== "open") return;\n    if (!this.disposed) await this.release();\n    this.status = "closed";\n  }\n  private async release(): Promise<void> {\n    if (this.disposed) return;\n    this.disposed = true;\n    this.status = "closing";\n    await this.transport.end();\n  }\n}`,
  },
  {
    name: "n20: a pool's start() awaits `this.spawnWorkers()`, an arrow in a field that marks the pool starting before it awaits the first worker",
    code: `interface Worker { id: number; ready: Promise<void> }\ndeclare function spawn(id: number): Worker;\nexport class WorkerPool {\n  private state: "idle" | "starting" | "running" = "idle";\n  private workers: Worker[] = [];\n  constructor(private readonly size: number) {}\n  async start(): Promise<void> {\n    if (this.state !== "idle") return;\n    await this.spawnWorkers();\n    this.state = "running";\n  }\n  private spawnWorkers = async (): Promise<void> => {\n    this.state = "starting";\n    for (let id = 0; id < this.size; id++) this.workers.push(spawn(id));\n    await Promise.all(this.workers.map((worker) => worker.ready));\n  };\n}`,
  },
];

describe(RULE, () => {
  runRuleTable(RULE, {
    valid: [...validBatch7, ...valid, ...valid601, ...valid801, ...valid1201, ...valid1501, ...valid1851, ...validMemoRun, ...validDelta, ...valid2300, ...valid2480, ...validSingleFlight, ...validSelf, ...validLeftB, ...validLeftA, ...validRerunA, ...validRerunC, ...validRerunB, ...validLeftC, ...validReentry, ...validRight3, ...validRight2, ...validDelta8B, ...validDelta8A, ...validDelta8C, ...validLeftD, ...validDelta10, ...n19Valid, ...n20Valid],
    invalid: [...invalidBatch7, ...invalid, ...invalid601, ...invalid801, ...invalid1201, ...invalid1501, ...invalid1851, ...invalidMemoRun, ...invalidDelta, ...invalid2300, ...invalid2480, ...invalidSingleFlight, ...invalidSelf, ...invalidLeftB, ...invalidLeftA, ...invalidRerunA, ...invalidRerunC, ...invalidRerunB, ...invalidLeftC, ...invalidReentry, ...invalidRight3, ...invalidRight2, ...invalidDelta8B, ...invalidDelta8A, ...invalidDelta8C, ...invalidLeftD, ...invalidDelta10, ...n19Invalid, ...n20Invalid],
  });

  // The table pins the related locations' lines; their texts are pinned here (mutants #419, #421, #424 of lines 1201-1650).
  it("related locations: the read, the await, and the other writes of the same race say what they are", () => {
    const code = `interface Raw { connected: boolean }\ndeclare function create(): Promise<Raw>;\nexport class Adapter {\n  private raw: Raw | undefined;\n  private rawReady = false;\n  async ensure() {\n    if (this.rawReady) return;\n    if (!this.raw) {\n      this.raw = await create();\n      this.rawReady = true;\n    }\n  }\n}`;
    const findings = lintCode(RULE, code).findings;
    assert.deepEqual(
      findings.map((finding) => finding.related.map((related) => [related.range.start.line + 1, related.message])),
      [
        [
          [8, "The value is read here, before the `await`."],
          [9, "Other calls can run here, while this one waits."],
          [10, "`this.rawReady` is also written here, after the same `await` and check: the same race, reported once."],
        ],
      ],
    );
  });
});
