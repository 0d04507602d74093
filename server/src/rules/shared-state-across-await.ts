/**
 * shared-state-across-await: shared state read before an `await` and written after it with the
 * stale value (lost updates, check-then-act races).
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), the visitor,
 * locations (what is shared), the three detectors (read-modify-write in one expression, stale
 * snapshot in a local, check-then-act), critical sections, then fixes. `FunctionState` holds what
 * the detectors of one function share: locations, checks made again after an `await` (the same
 * state, or a token the call claimed before it), memoized promises, and the findings, reported
 * once per race by `flush`.
 */
import * as ts from "typescript";
import picomatch from "picomatch";
import { argumentParameters, callWhereWritten, equalWhen, isAncestorOrSelf, isAssignment, isAssignmentOperator, isAssignmentTarget, isAsyncFunction, isIncrementOrDecrement, isLogicalAssignmentOperator, jumpsOutOf, knownOperands, loweredLogicalAssignment, shortCircuitGuard, walkTree } from "../engine/astUtils";
import type { TypeOracle } from "../engine/typeOracle";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../engine/types";

// ---------------------------------------------------------------------------------------------
// Options and messages

export interface SharedStateOptions {
  /** Callees whose async callback runs exclusively (a mutex, a lock, a queue of concurrency 1). */
  criticalSections: string[];
  /** `await x.acquire()`-style calls after which the rest of the function holds a lock. */
  lockAcquisitions: string[];
  checkParameters: boolean;
}

const messages = {
  readModifyWrite:
    "`{{target}}` is read before the `{{suspension}}` and written after it with a value computed from that read. Another call can update `{{target}}` while this one waits, and this write then overwrites that update with a stale result (a lost update: both calls read 1, both write 2). {{Suspension}} first and read `{{target}}` after the `{{suspension}}`, or serialize the updates.",
  readModifyWriteCall:
    "`{{target}}` is an input of the awaited call `{{callee}}(...)`, and the call's result is written back to `{{target}}`. Another call can update `{{target}}` while this one waits, and this write then replaces that update with a result computed from the old value (a lost update: both calls start from the same value and only the last one's change survives). Serialize the updates (chain each call on the previous one's promise, or use a lock), so that each starts from the latest value.",
  staleSnapshot:
    "`{{target}}` is written from `{{local}}`, a copy read before the `{{suspension}}`. Another call can change `{{target}}` while this one waits, and this write overwrites that change with a stale value (a lost update). Read `{{target}}` again after the `{{suspension}}`, or serialize the updates.",
  checkThenAct:
    "`{{target}}` is checked before the `{{suspension}}` and written after it. Another call can pass the same check, or change `{{target}}`, while this one waits, so this write acts on a check that no longer holds: both calls act on the same state, and the later write overwrites the other call's change. Check and write `{{target}}` with no `{{suspension}}` between them (set it before the `{{suspension}}`, or check it again after), or guard the section with a lock.",
  checkThenActCollection:
    "`{{target}}` is checked for `{{key}}` before the `{{suspension}}` and updated after it. Another call can pass the same check, or change that entry, while this one waits, so this update acts on a check that no longer holds: both calls do the work for `{{key}}`, and the entry can be added twice or the other call's change overwritten. Update `{{target}}` with no `{{suspension}}` since the check (reserve the entry before the `{{suspension}}`), or guard the section with a lock.",
  duplicateInit:
    "`{{target}}` is checked before the `{{suspension}}` and initialized after it. Calls that arrive while the first one waits also find it unset, so the initialization runs once per call and each result replaces the previous one: duplicate work, but no lost update, since each call stores a complete, fresh value. Store the in-flight promise before awaiting it, so concurrent calls share one run.",
  duplicateInitCollection:
    "`{{target}}` is checked for `{{key}}` before the `{{suspension}}` and filled after it. Calls that arrive while the first one waits also miss, so the work for `{{key}}` runs once per call and the last result wins: duplicate work (a cache stampede), but no lost update, since each call stores a complete, fresh value. Cache the in-flight promise (store it before awaiting it), so concurrent misses share one run.",
  duplicateWork:
    "`{{target}}` is checked before the `{{suspension}}` of `{{callee}}(...)` and set to `{{value}}` after it. Calls that arrive while the first one waits also find it unset, so each of them runs the work from `{{callee}}(...)` to this write again. All of them store the same value, so nothing is overwritten: the cost is the repeated work, harmless when it is idempotent (a second `LISTEN` on the same channel, `CREATE TABLE IF NOT EXISTS`) and a duplicated side effect when it is not. Keep the in-flight promise of that work in place of the flag (store it before awaiting it, and clear it if the work fails), so concurrent calls share one run.",
  duplicateWorkCollection:
    "`{{target}}` is checked for `{{key}}` before the `{{suspension}}` of `{{callee}}(...)` and marked after it. Calls that arrive while the first one waits also miss, so each of them runs the work for `{{key}}` from `{{callee}}(...)` to this write again. All of them store the same entry, so nothing is overwritten: the cost is the repeated work, harmless when it is idempotent and a duplicated side effect when it is not (a second subscription, world or table created). Keep the in-flight promise of that work per key (store it before awaiting it, and clear it if the work fails), so concurrent misses share one run.",
  lazyInit:
    "`{{target}} {{operator}} {{suspension}} ...` checks `{{target}}` before the `{{suspension}}` and assigns it after. Calls that arrive while the first one waits also see it unset, so the initializer runs once per call and the last result wins: duplicate work, but no lost update. Store the in-flight promise instead (`{{target}}Pending ??= init()`, then await it), so concurrent calls share one run.",
  duplicateResource:
    "`{{target}}` is checked before the `{{suspension}}` and set after it to a resource that must be released (it has `{{method}}()`). Calls that arrive while the first one waits also find it unset, so each racer creates one, and each write replaces the previous one: the one overwritten is never closed (its `{{method}}()` is never called), a leaked handle or connection. Cache the in-flight promise (store it before awaiting it), so concurrent calls share one resource.",
  duplicateResourceCollection:
    "`{{target}}` is checked for `{{key}}` before the `{{suspension}}` and filled after it with a resource that must be released (it has `{{method}}()`). Calls that arrive while the first one waits also miss, so each racer creates one for `{{key}}`, and the last one wins: the ones overwritten are never closed (their `{{method}}()` is never called), leaked handles or connections. Cache the in-flight promise (store it before awaiting it), so concurrent misses share one resource.",
  duplicateInitAtYield:
    "`{{target}}` is checked before the `yield` and initialized after it. A second run of this generator, started by the consumer while this one is suspended, also finds it unset, so the initialization runs once per run and each result replaces the previous one: duplicate work, but no lost update. Set `{{target}}` (or a flag for it) before the `yield`, or check it again after.",
  duplicateResourceAtYield:
    "`{{target}}` is checked before the `yield` and set after it to a resource that must be released (it has `{{method}}()`). A second run of this generator, started by the consumer while this one is suspended, also finds it unset and creates one, and the write that comes last replaces the other: the one overwritten is never closed (its `{{method}}()` is never called), a leaked handle or connection. Set `{{target}}` (or a flag for it) before the `yield`, or check it again after and close the extra one.",
} as const;

/** The duplicate-initialization messages, and the one each becomes when the suspension is a `yield` (no promise to share there). */
const AT_YIELD: Partial<Record<keyof typeof messages, keyof typeof messages>> = {
  duplicateInit: "duplicateInitAtYield",
  duplicateInitCollection: "duplicateInitAtYield",
  duplicateWork: "duplicateInitAtYield",
  duplicateWorkCollection: "duplicateInitAtYield",
  lazyInit: "duplicateInitAtYield",
  duplicateResource: "duplicateResourceAtYield",
  duplicateResourceCollection: "duplicateResourceAtYield",
};

/**
 * Methods that release what a value holds: a duplicate initialization that stores such a value
 * leaks the one it overwrites (`duplicateResource`, at the rule's severity). Names of the common
 * handle, connection, stream, worker and pool APIs (`FileHandle.close`, redis `quit`,
 * `disconnect`, pg `end`/`release`, stream `destroy`/`end`, `Worker.terminate`, puppeteer's
 * `dispose`) and the explicit resource management symbols. Not `abort` (an `AbortController`
 * holds nothing), `unsubscribe` or `kill`.
 */
const RELEASE_METHODS: readonly string[] = ["close", "dispose", "destroy", "quit", "disconnect", "release", "end", "terminate", "Symbol.dispose", "Symbol.asyncDispose"];

/** Duplicate work, not a wrong result: reported one level below the rule's severity. */
const LOWER_SEVERITY: readonly (keyof typeof messages)[] = ["duplicateInit", "duplicateInitCollection", "duplicateWork", "duplicateWorkCollection", "lazyInit", "duplicateInitAtYield"];

// ---------------------------------------------------------------------------------------------
// The rule

export const sharedStateAcrossAwait: RuleModule<SharedStateOptions> = {
  meta: {
    id: "shared-state-across-await",
    defaultSeverity: "warning",
    requiresTypes: true,
    messages,
    lowerSeverityMessages: [...LOWER_SEVERITY],
    optionsSchema: {
      type: "object",
      properties: {
        criticalSections: {
          type: "array",
          items: { type: "string", minLength: 1 },
          description: "Callee patterns (matched against the callee's text, e.g. `*.runExclusive`) whose async callback runs exclusively.",
        },
        lockAcquisitions: {
          type: "array",
          items: { type: "string", minLength: 1 },
          description: "Awaited calls (e.g. `*.acquire`) after which the rest of the function holds a lock.",
        },
        checkParameters: {
          type: "boolean",
          description: "Report properties of parameters (`ctx.count = ctx.count + await f()`): the object may be shared by concurrent calls.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      criticalSections: ["*.runExclusive", "*.locks.request", "locks.request", "*.acquire", "*.withLock", "*.exclusive", "*.synchronized"],
      lockAcquisitions: ["*.acquire", "*.lock", "*.acquireLock"],
      checkParameters: false,
    },
    docs: {
      description: "Shared state must not be updated from a value read before an `await`.",
      rationale: [
        "Between two `await`s an async function runs alone; at an `await`, any other task may run.",
        "A value read before an `await` and used after it to write shared state is stale: if another",
        "call of the same function (or any other code) updated that state meanwhile, the write",
        "overwrites the update. `total += await price()` reads `total`, waits, then writes",
        "`old total + price`: two concurrent calls both read 0 and the final total counts one price.",
        "It is the async form of `counter += 1` across threads, atomic only when no `await` sits",
        "between the read and the write.",
        "",
        "`yield` is a suspension point too, in async and in sync generators alike: it hands control to",
        "the consumer, which runs (and may change state shared outside the generator, or drive a second",
        "run of it) until it calls `next()` again. Everything below applies with `yield` in place of",
        "`await` (`total += yield total`; `const start = this.offset; yield rows.slice(start);",
        "this.offset = start + size`), and the messages then name the `yield`. A duplicate initialization",
        "across a `yield` (`if (!this.handle) { yield* header; this.handle = open(path); }`) has its own",
        "messages (`duplicateInitAtYield`, `duplicateResourceAtYield`): there is no in-flight promise to",
        "share, so they ask to set the state before the `yield` or to check it again after.",
        "",
        "The rule reports, at the write, these shapes, with the stale read and the `await` as related",
        "locations. Lost updates, at the rule's severity:",
        "",
        "- **read-modify-write**: `total += await price()`, `x = x + await f()`, `this.n = this.n + (await g())`,",
        "  `map.set(k, (map.get(k) ?? 0) + await f())`; and, with its own message, a read that is an input of",
        "  the awaited call (`this.state = await reduce(this.state, action)`, `total = await add(total, x)`):",
        "  that read cannot move after the `await`, so the message asks to serialize the updates;",
        "- **stale snapshot**: `const v = this.count; await save(); this.count = v + 1`, also a copy made by",
        "  a method of the state (`const copy = this.items.slice(); ...; await save(copy); this.items = copy`) or",
        "  a call of a shared function value (`const next = handle(event); handle = await next`), or a copy",
        "  of a part of an object that the write replaces whole (`const host = this.options.host; const port =",
        "  await probe(host); this.options = { host, port }`, `this.state = { ...this.state, items: [...items,",
        "  ...next] }`) or adds to (`const length = this.text.length; await persist(line); this.text +=",
        "  length > 0 ? \"\\n\" + line : line`, as `this.text = this.text + ...`; `??=`, `||=` alike); not a",
        "  write of another part (`this.options.port = port`), a replacement that only",
        "  passes the part to a call (`this.user = await fetchUser(id)`: found again by its identity), or one",
        "  that reads the object again and puts the part back as it was (`{ ...this.options, host, port }`,",
        "  also as the fallback of `??` or `||`: `host: override ?? host`);",
        "- **check-then-act**: a condition compares the state with a value (`if (this.state === \"idle\")`,",
        "  `if (this.pending > 0)`, `if (this.attempts >= MAX)`, `if (~this.members.indexOf(id))`, also through",
        "  `instanceof`, `in` or arithmetic; not a condition that assigns it, `(this.job = next()) !== undefined`),",
        "  finds it present (`if (this.conn) { await this.conn.end(); this.conn = await connect(); }`), or",
        "  the write depends on it (`retries++`, `jobs.push(job)` after `jobs.includes(job)`), and the",
        "  write after the `await` acts on a check that no longer holds.",
        "",
        "Duplicate initialization, one level below the rule's severity (`info` when the rule is at",
        "`warning`, `warning` when it is at `error`; `off` turns both off): a presence check that found",
        "the state absent (`if (!this.conn)`, `if (conn === undefined)`, `if (!cache.has(k))`, a guard",
        "flag, `if (this.conn) return this.conn;`, an index's -1 sentinel tested with `~`, `if (!~this.selected)`)",
        "followed, after an `await`, by a write of a fresh value that does not read the checked state",
        "(`this.conn = await connect()`, `cache.set(k, await load(k))`, `initialized = true`, `seen.set(id)` on a `Map<string, void>`,",
        "`this.conn ??= await connect()`). Concurrent calls all find the state unset and all do the",
        "work; the last result wins. That is duplicate work, not a wrong value, and the fix is the",
        "same memoization either way. To see these at the lost updates' level, raise the rule to `error`.",
        "",
        "A duplicate initialization that writes a constant (`this.listening = true` after `await",
        "client.query(\"LISTEN jobs\")`, `worlds.add(key)` after creating the world) stores the same value",
        "in every call: what concurrent calls repeat is the awaited work, not the value. Its messages",
        "(`duplicateWork`, `duplicateWorkCollection`, at the same lower level) name the first awaited call",
        "since the check that each call runs again (an `await` of a memoized promise is shared, not",
        "repeated), and say that the repeat is harmless when that work is idempotent (a second `LISTEN`",
        "on one channel, `CREATE TABLE IF NOT EXISTS`) and a duplicated side effect when it is not (a",
        "second isolated world, subscription or table). Whether it is idempotent is not in the code (the",
        "SQL is often loaded by name, `client.query(loadCommandSql(\"listen_jobs\"))`), and the same shape",
        "covers both, so the rule cannot tell them apart: read the named call, and suppress the finding",
        "with a reason when its work is idempotent. A flag set after awaiting something other than a",
        "call (a promise passed in) keeps the general message.",
        "",
        "A duplicate initialization that stores a **resource** is a leak, and is reported at the rule's",
        "severity (`duplicateResource`, `duplicateResourceCollection`), with the same memoize fix: each",
        "racer creates one (`this.#handle = await frame.adoptHandle(h)`, `this.raw = await",
        "createClient()`, `this.file = await open(path)`), and the one overwritten is never closed. A",
        "resource is a value whose type, in every non-nullish part of a union, has a callable,",
        "non-optional `close`, `dispose`, `destroy`, `quit`, `disconnect`, `release`, `end`, `terminate`,",
        "`[Symbol.dispose]` or `[Symbol.asyncDispose]`: the release methods of file handles, sockets,",
        "servers, streams (`destroy`, and `end` for writables), database and Redis clients (`end`,",
        "`quit`, `disconnect`), pooled connections (`release`), workers (`terminate`), timers and",
        "explicit resource management. Strings, numbers, arrays, `Map`s, plain objects, promises and",
        "`AbortController`s have none of these and stay duplicate initializations (an `abort` or an",
        "`unsubscribe` is not a release of something held). Also not a resource: a property named",
        "`close` or `end` that is not a method (`quote.close`), an optional `close?()`, a union where",
        "only some parts have one, `any`, and the `[Symbol.dispose]` the lib gives every iterator and",
        "generator (it only runs `return()`: a second `map.keys()` holds nothing).",
        "",
        "Mutations through `Map`/`Set`/array methods (`set`, `add`, `push`, `unshift`) count as writes,",
        "and `has`/`get`/`includes`/`indexOf` as reads of an entry, when the receiver's type is a",
        "built-in collection: `Map`, `Set`, `WeakMap`, `WeakSet`, an array or tuple, their `Readonly`",
        "variants, or a class or interface extending one (`class TtlCache extends Map`). Decided from",
        "the type's declaration in the default lib, not from the method's name: an object literal or a",
        "project class with methods called `get`/`set`/`push` (a settings store whose `set` persists, a",
        "log whose `includes` searches) is not a collection, since its methods may compute, validate",
        "or write elsewhere; nor is a receiver typed `any`, or a union of a collection and something",
        "else. A library's cache class that does not extend `Map` (an LRU cache) is not one either.",
        "",
        "One race, one finding: the writes made after one `await` under one check (`if (!this.raw) {",
        "const c = await create(); this.raw = c; this.rawReady = true; }`, two early returns before one",
        "`await`, or a read-modify-write inside the checked block) are entered together by the calls that",
        "pass the check, and are reported once: at the first write that loses an update, or at the first",
        "write when all of them only duplicate an initialization. The other writes are related",
        "locations, and the fix offered is the reported write's own (memoizing the first one's promise",
        "covers the rest: after it, a constant written after the shared `await` is not reported).",
        "",
        "Shared means reachable by concurrent calls: module-level and outer-scope variables, instance",
        "and static fields through `this`, properties of module-level objects (an entry too, when its key",
        "names it alike at each evaluation: a name, a literal, `req.id`, a template of those, ``this.cache[`${user}:${scope}`]``,",
        "or arithmetic on those, `this.tiles[y * this.width + x]`;",
        "not a key that calls, `this.slots[next()]`, which may name another entry each time), and collections held",
        "by those (and the instance itself in a class that extends `Map` or `Set`), also when reached through a local `const` alias (`const options = this.options;`",
        "`options.retries = options.retries + await f()`, also `const row = this.rows[index];`, and `const self = this;`, whose `self.count` is `this.count`), or a `let` alias never assigned",
        "again (one that is, `if (dryRun) stats = { bytes: 0 };`, may hold another object, and is not followed). Locals of the same call and objects created",
        "in it (including copies such as `{ ...this.options }`) are not shared, and neither, by",
        "default, is a parameter's object (Koa's `ctx`): with `checkParameters` on, it is reported when",
        "the same property is read before and written after the `await`. A check of a parameter's",
        "property followed by a write after the `await` (`if (!ctx.user) ctx.user = await",
        "loadUser(ctx.userId)`, `if (!batch.rows.has(id)) batch.rows.set(id, await fetchRow(id))`) is",
        "not reported even then: the object is most often the caller's per-call state, and only a",
        "value computed from a stale read loses an update whoever else holds the object.",
        "",
        "Not reported:",
        "",
        "- a value read again after the `await` (`await f(); x = x + 1`), and a write that does not",
        "  depend on the stale read (`process.exitCode = 1` after an `await`);",
        "- a read only on the branch of a conditional that does not suspend (`settings = useCache ?",
        "  settings : await fetchSettings()`, `this.page = refresh ? await fetchPage(1) : this.page`):",
        "  no run both reads and waits, so the write never stores a stale value. A read on the branch",
        "  that awaits (`force ? await reload(this.config) : this.config`), or followed by a later",
        "  `await` (`(cached ? total : await price()) + await tax()`), is still reported;",
        "- a location the function itself wrote between the read and the `await` (`if (busy) return;",
        "  busy = true; await work(); busy = false` is a correct guard);",
        "- a location written, before the `await`, by the method the function awaits on `this`: hapi's",
        "  `if (this.phase !== \"initialized\") await this._initialize(); this.phase = \"starting\"`, where",
        "  every body `this._initialize()` may run (overrides included) is async and sets `this.phase`",
        "  (not to `undefined` or `null`) before its first `await` on every path that goes on: another",
        "  call already sees that value. Paths that throw first need no write; an early `return` without",
        "  it counts only when the guard of the call rules it out (`if (this.phase === \"initialized\")",
        "  return;` under `if (this.phase !== \"initialized\")`, with nothing run between). A write only",
        "  after the callee's first `await` or on one branch, an early return the caller does not rule",
        "  out, an `await` inside a `try`, or a call on another object (`this.upstream.initialize()`) is",
        "  still reported;",
        "- code inside common critical sections (`mutex.runExclusive(async () => ...)`, after",
        "  `await mutex.acquire()`, `navigator.locks.request(name, async () => ...)`, after a busy flag",
        "  checked and set to `true` with no `await` between: `if (this.busy) return; this.busy = true;`,",
        "  also after a first `await this.ready;`; a flag set to a value that may be false,",
        "  `this.busy = this.queue.length > 0`, lets a second call through and is no lock, and so does a",
        "  guard that exits only when another condition holds too, `if (this.busy && !force) return;`;",
        "  also a busy flag taken by a helper called as a statement, `this.#enter(\"tick\"); try { ... }",
        "  finally { this.#busy = null; }`: a private method (`#enter`, `private enter`) or a module",
        "  function (exported too), neither async, that throws while the flag is set and then sets it to",
        "  `true` or a name (`if (this.#busy) throw new Error(...); this.#busy = method;`), with the",
        "  flag written in the `finally` of a `try` written after the call (directly, or by a helper such",
        "  as `this.#leave()`, itself or through a helper it calls; the helpers may be called optionally,",
        "  `this.#enter?.()`). The value written does not matter, nor a `return` before the write",
        "  (`if (!this.#busy) return;`): a flag left set keeps every later call out at the guard, so",
        "  the `try` runs alone either way; a `finally` that does not write the flag is no release.",
        "  A helper whose guard returns hands",
        "  back to a caller that runs on without the flag, and so does an async one, whose throw only",
        "  rejects the promise the caller drops;",
        "  one whose guard only logs stops nothing, a helper a subclass may override",
        "  (`protected begin()`) may not be the one that runs, and a call inside the `try` lets a call",
        "  the helper turns away clear the running call's flag: none of them is a lock); a read in the",
        "  statements just before the guard, with no `await` between them and it, runs in the same step",
        "  as the check and the set and is inside the lock too (the Cassandra driver's `_connect`:",
        "  `if (this.connected) return; if (this.connecting) return fromEvent(...); this.connecting = true;`);",
        "  extend the list with `criticalSections` and `lockAcquisitions`;",
        "- the async `read` of a Node stream built from options (`new Readable({ async read() {...} })`,",
        "  also `readable-stream`'s classes, Node's streams on npm; not `streamx`, whose `read(cb)` runs",
        "  again once it calls back), and its `write`, `writev`, `final`, `transform` and `flush`: the",
        "  stream calls it again only after it hands back (`push(...)`, or its callback), so it is reported",
        "  only when something can still suspend after a hand-back (a loop that pushes and awaits again, a",
        "  callback called first). A callback handed on (`process.nextTick(callback)`,",
        "  `socket.once(\"drain\", callback)`) or called in a function written in the method",
        "  (`rows.forEach((row) => readable.push(row))`, `fs.write(..., (error) => callback(error))`) hands",
        "  back where that call or function is written: it runs then or later, when nothing suspends any",
        "  more;",
        "- a guard that throws (`if (!this.socket) throw ...`): it asserts a precondition;",
        "- a write made only after checking the state again after the `await` (`const conn = await",
        "  connect(); if (!this.conn) this.conn = conn; else conn.close();`, also as the right operand of",
        "  `&&` or `||` whose left operand finds it unset: `!this.conn && (this.conn = conn)`, `this.conn ||",
        "  (this.conn = conn)`, nothing awaited between): the first result is kept",
        "  and nothing is overwritten; and clearing the checked state after the `await`",
        "  (`this.conn = undefined`, `sockets.delete(id)`), which resets it rather than acting on the check;",
        "- a write made only after checking, after the last `await`, that this call still holds a token it",
        "  claimed before the `await` (`const generation = ++this.gen; const prev = this.checker; await",
        "  trace(); if (this.closing || generation !== this.gen) return; this.checker = next(prev);`, or",
        "  `if (token !== this.currentToken) throw ...`, or the write inside `if (generation === this.gen)`,",
        "  or as the right operand of `generation === this.gen && ...` or `generation !== this.gen || ...`).",
        "  Claiming means storing a value no other call holds: `++this.gen`, `this.gen += 1`, `this.gen++;",
        "  const generation = this.gen;`, or a `new AbortController()`, `{}`, `Symbol()` or `++counter` kept",
        "  in a `const` and assigned to the field; or a parameter of a private method (`private` or `#name`)",
        "  that every call in the class passes a `const` claimed by the calling function, once and outside",
        "  loops (`const generation = ++this.generation; void this.playNext(generation);`, then",
        "  `if (generation !== this.generation) return;` in `playNext`). A method that starts itself again",
        "  with its own parameter, or a caller passing an unclaimed value (`this.playNext(this.generation)`),",
        "  lets two runs share a token, and is still reported. Of the calls whose claim-to-write windows overlap, only the",
        "  latest passes its check, so nothing it read is overwritten in between. Also a compare-and-set:",
        "  `const version = this.version` before the `await`, then `if (this.version !== version) return;`",
        "  and the field bumped (`this.version++`) before the next `await`, in the check's block or one",
        "  around it (`if (saved.ok) { if (this.version !== version) return; this.doc = ...; } this.version++;`),",
        "  with no `return`, `throw`, `break` or `continue` between the write and the bump and no loop around",
        "  the check that awaits again (a retry loop): the first call to get there",
        "  bumps it and every other one fails the check. The token must be claimed (or read) before the",
        "  stale read, or after it with no `await` between. Still reported: a version read but never",
        "  bumped (two calls both pass the check), an abort check (`if (signal.aborted) return`: nothing",
        "  proves the other call aborted this one; compare the stored controller instead,",
        "  `if (this.controller !== controller) return`), a check joined with `&&`, and an `await` between",
        "  the check and the write. Writers that never claim the token (a `close()` that sets the field",
        "  without bumping it) are not seen by the check, and not by this rule either;",
        "- a write that stores the awaited result of a memoized in-flight promise, which is the fix",
        "  this rule suggests (`if (!this.rawPromise) this.rawPromise = this.load(); this.raw = await",
        "  this.rawPromise;`, `this.conn = await (this.connecting ??= this.connect());`, the in-flight map",
        "  of the cache fix): every concurrent call awaits the same promise, so the work runs once and",
        "  every call writes the same value. The promise counts as memoized when this function only sets",
        "  it while it is unset (`??=`, `||=`, `p ?? (p = ...)`, `if (!p) p = ...`, after `if (p) return p;`,",
        "  also tested through a copy with nothing awaited since, in the same block or one around it:",
        "  `const pending = this.p; if (!this.conn) { if (!pending) this.p = ...; }`) or clears it. A",
        "  write the rule cannot read (`inflight.add(id)` on a `Map` subclass) counts like a set: made only",
        "  while the promise is unset, it runs once. A local copied from such a slot counts when every",
        "  assignment of it starts the work under `if (!p)` and stores it in the slot before any `await`",
        "  (`let p = inflight.get(k); if (!p) { p = load(k); inflight.set(k, p); }`, also through a chained",
        "  assignment, `this.last = p = load(k);`, or `this.p ??= p`). It also counts when it comes from a",
        "  getter, a method or a project function whose every `return` is such a promise (one call deep;",
        "  an early `return;`, `return undefined` or `return null` starts nothing and is allowed beside them),",
        "  or from a project async function that returns nothing and awaits only such promises (grammY's",
        "  `Bot.init()`: `this.mePromise ??= getMe(); try { me = await this.mePromise; } finally { ... }`:",
        "  every concurrent call waits for its one run). `??=` as compilers lower it (`(_a = this.p) !==",
        "  null && _a !== void 0 ? _a : (this.p = load())`) sets the promise only while it is unset too.",
        "  A value built from it (`new Pool(await this.connecting)`) is still",
        "  reported: each call builds its own. A constant written after a check when every `await` since",
        "  the check awaits such a promise (`this.rawReady = true`, `seen.add(id)`) is not reported either:",
        "  every call that passed the check writes the same value. One other `await` between them is work",
        "  each call does again (`await client.query(\"LISTEN ...\")`), and is reported;",
        "- a private method whose calls in its class all do one and the same of: memoize the returned",
        "  promise in one field that the caller sets only while it is unset",
        "  (`this.connecting ??= this._connect().finally(...)`, an async generator's first step",
        "  `this.first ??= this.#pages().next()`, or `this.lock = this._connect()` after",
        "  `if (this.lock) return await this.lock;`; also a field of a per-instance object,",
        "  `this.state.ready ??= this.init()`, but not a keyed entry, `this.ready[name] ??= ...`, one",
        "  run per key); chain it onto one",
        "  field's promise and store the chain there (`this.queue = this.queue.then(() => this.write(line))`,",
        "  or a callback that does other work before `return this.write(line)`, also on a field of a",
        "  per-instance object, `this.state.queue`: a serial queue); start it once from the constructor,",
        "  a field initializer (`private readonly ready = this.#init()`) or a static block (outside",
        "  loops); or await it where they",
        "  call it, all in one method of the class that itself never runs concurrently by these rules",
        "  (up to three callers up): `await this.#ensureListening()` in each iteration of a private",
        "  `#work()` loop that the constructor starts once, or that `start()` memoizes",
        "  (`this.#running ??= this.#work()`). It never runs concurrently with itself. A mix of these",
        "  (started from the constructor and memoized elsewhere, awaited in two different loops) can",
        "  overlap and is reported, and so is a method referred to other than by a call on `this`",
        "  (`emitter.on(\"reconnect\", this.#ensureListening.bind(this))`: the emitter calls it whenever",
        "  it likes; `other.#ensureListening()`, `this[\"ensureListening\"]()`). In a class nested in",
        "  it (a class expression a method returns), `this.refresh()` calls the nested class's own",
        "  method, not this one;",
        "- the body of a function run where it is written whose promise is memoized the same way",
        "  (`if (!this.versionPromise) this.versionPromise = (async () => { ... })();`,",
        "  `migrating ??= (async () => { ... })().finally(...)`): one run is in flight at a time. The same",
        "  run stored without that guard, or not stored, starts again with each call and is reported;",
        "- the body of a function handed to a project \"single flight\" wrapper made once (in a",
        "  constructor, a field initializer or at the top level of a module) that only ever calls it to",
        "  memoize its promise the same way: `this.heartbeat = sharedPromiseTo(async () => { ... })`",
        "  where `sharedPromiseTo(fn)` returns `(...args) => { if (promise == null) promise =",
        "  fn(...args).finally(() => (promise = null)); return promise; }` (KafkaJS). A wrapper made",
        "  inside a method (one store per call), one that only passes the call through, or one that",
        "  stores without checking is reported;",
        "- the locals of a function that runs a closure one call at a time: a `let` flag or a",
        "  `new Set()` of the function that declares `const onDone = async () => ...` and only ever calls",
        "  it as `await onDone(...)` in its own body (a stream loop), or passes it, in an awaited (or, as",
        "  its one use, returned) call, to a project function (declared, or an arrow in a `const` or a",
        "  field) that only calls that parameter as `await onEvent(...)`; uses of both kinds in turn",
        "  (`await consume(events, onEvent); await onEvent(last);`) too. The same closure run under",
        "  `Promise.all`, started without `await`, or also handed to a listener, is still reported, and",
        "  so is module or `this` state it touches (the owner itself can run concurrently);",
        "- the locals (parameters included) of a function that runs an async function where it is",
        "  written, once per run of its own: got's `request.once(\"response\", (response) => { void (async",
        "  () => { ... const responseSnapshot = response; response = await hook(responseSnapshot); ...",
        "  })(); })` (also as a statement, under `await`, or with `.catch(...)` chained on it). Each call",
        "  of the listener has its own `response`, and only its one run writes it. A start in a loop of",
        "  the owner (`for (const item of items) void (async () => { total += await price(item); })();`:",
        "  the runs share `total`), a local that the owner's code after the start or another function",
        "  also writes (a second run beside it, a listener it registers), a named function that calls",
        "  itself, and module or `this` state the run touches are still reported.",
        "",
        "Known false alarms, by design. Whether two calls of a method can overlap on one instance is",
        "decided only where every caller is visible: a private method (`private`, `#name`) whose",
        "calls in its class are serialized as above. A method that code outside the class can call (a",
        "public method, in JavaScript any method without `#`) is treated as callable concurrently,",
        "whatever the project's own callers do, because that is not decidable from the project: a",
        "library's users, a plugin, or a test may call it twice without awaiting the first. So these",
        "stay reported, at `info` when they are duplicate initializations:",
        "",
        "- a `LISTEN` issued once per backend (`async ensureListening() { const client = await",
        "  getClient(); if (!this.listening) { await client.query(\"LISTEN jobs\"); this.listening = true;",
        "  } return client; }`) whose project callers (`waitForJob`, `waitForEvent`, `readInbox`) run one",
        "  at a time in a loop per backend: those callers are public methods of an exported class,",
        "  reached from another class through an interface (`this.backend.waitForJob(...)`), so their",
        "  one-at-a-time use is a convention of the worker that calls them, not a property of the code",
        "  that declares them (the project's own `.d.ts` declares the helper `private`, but its callers are",
        "  public). Making the helper `#ensureListening` and the loop a private method started",
        "  once (or memoized) states that convention in the code, and the rule then stays silent. Until",
        "  then it is reported with `duplicateWork`, which names the `LISTEN` call each concurrent caller",
        "  repeats: a second `LISTEN` on the same channel does nothing, so suppress it with that reason;",
        "- an object made for one operation (knex's `Runner`, built by `client.runner(builder)` for",
        "  each query, whose `ensureConnection` checks `this.connection`, awaits `acquireConnection()` and",
        "  sets it) is reported like any shared instance. Every `Runner` the project makes is used for one",
        "  call and dropped, but that no two calls share an instance cannot be shown from the code: the",
        "  class is exported, `client.runner()` is in the package's declared API and hands a fresh one to",
        "  any caller, who may then call it twice at once (the position of a user holding a puppeteer",
        "  `ElementHandle`, whose concurrent `backendNodeId()` calls are a real duplicate), and the method",
        "  hands `this` to a callback (`cb(this)`) that may call it again. Nor is it a harmless repeat if",
        "  it happens: the second call replaces `this.connection` while the first one's callback still",
        "  queries through it, so no lower message fits either.",
        "",
        "Suppress such a finding with a reason",
        "(`// concurrency-lint-disable-next-line shared-state-across-await -- one Runner per query`).",
      ].join("\n"),
      incorrect: [
        {
          title: "Read-modify-write across an await",
          code: [
            "declare function price(item: string): Promise<number>;",
            "let total = 0;",
            "",
            "export async function add(item: string) {",
            "  total += await price(item);",
            "}",
          ].join("\n"),
          reportedAt: { line: 5, column: 3 },
        },
        {
          title: "A stale snapshot",
          code: [
            "declare function save(n: number): Promise<void>;",
            "",
            "export class Counter {",
            "  count = 0;",
            "  async increment() {",
            "    const current = this.count;",
            "    await save(current + 1);",
            "    this.count = current + 1;",
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 8, column: 5 },
        },
        {
          title: "Check-then-act lazy initialization (duplicate initialization, one level lower)",
          code: [
            "interface Connection { query(sql: string): Promise<unknown> }",
            "declare function connect(): Promise<Connection>;",
            "",
            "export class Db {",
            "  private conn: Connection | undefined;",
            "  async get() {",
            "    if (!this.conn) {",
            "      this.conn = await connect();",
            "    }",
            "    return this.conn;",
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 8, column: 7 },
        },
        {
          title: "A handle created by each racer: the overwritten one leaks",
          code: [
            "interface Client { quit(): Promise<void>; get(key: string): Promise<string | null> }",
            "declare function createClient(): Promise<Client>;",
            "",
            "export class Cache {",
            "  private client: Client | undefined;",
            "  async get(key: string) {",
            "    if (!this.client) {",
            "      this.client = await createClient();",
            "    }",
            "    return this.client.get(key);",
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 8, column: 7 },
        },
        {
          title: "A state change that acts on a stale check",
          code: [
            "declare function warmUp(): Promise<void>;",
            "",
            "export class Worker {",
            "  private state: \"idle\" | \"running\" = \"idle\";",
            "  async start() {",
            "    if (this.state === \"idle\") {",
            "      await warmUp();",
            "      this.state = \"running\";",
            "    }",
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 8, column: 7 },
        },
        {
          title: "A cache that loads twice",
          code: [
            "declare function load(key: string): Promise<string>;",
            "const cache = new Map<string, string>();",
            "",
            "export async function get(key: string) {",
            "  if (!cache.has(key)) {",
            "    cache.set(key, await load(key));",
            "  }",
            "  return cache.get(key);",
            "}",
          ].join("\n"),
          reportedAt: { line: 6, column: 5 },
        },
      ],
      correct: [
        {
          title: "Await first, then update from a fresh read",
          code: [
            "declare function price(item: string): Promise<number>;",
            "let total = 0;",
            "",
            "export async function add(item: string) {",
            "  const amount = await price(item);",
            "  total += amount;",
            "}",
          ].join("\n"),
        },
        {
          title: "Memoize the in-flight promise",
          code: [
            "interface Connection { query(sql: string): Promise<unknown> }",
            "declare function connect(): Promise<Connection>;",
            "",
            "export class Db {",
            "  private connecting: Promise<Connection> | undefined;",
            "  async get() {",
            "    this.connecting ??= connect();",
            "    return this.connecting;",
            "  }",
            "}",
          ].join("\n"),
        },
        {
          title: "A LISTEN kept as its in-flight promise, in place of a flag",
          code: [
            "interface ListenClient { query(sql: string): Promise<void> }",
            "declare function getListenClient(): Promise<ListenClient>;",
            "",
            "export class Backend {",
            "  private listening: Promise<void> | undefined;",
            "  async ensureListening() {",
            "    const client = await getListenClient();",
            "    this.listening ??= client.query(\"LISTEN jobs\").catch((error: unknown) => {",
            "      this.listening = undefined;",
            "      throw error;",
            "    });",
            "    await this.listening;",
            "    return client;",
            "  }",
            "}",
          ].join("\n"),
        },
        {
          title: "A write that does not depend on what was read",
          code: [
            "declare function run(): Promise<number>;",
            "",
            "export async function main() {",
            "  const code = await run();",
            "  process.exitCode = code;",
            "}",
          ].join("\n"),
        },
        {
          title: "A guard set before the await",
          code: [
            "declare function sync(): Promise<void>;",
            "let syncing = false;",
            "",
            "export async function syncOnce() {",
            "  if (syncing) return;",
            "  syncing = true;",
            "  await sync();",
            "  syncing = false;",
            "}",
          ].join("\n"),
        },
        {
          title: "Locals of the call are not shared",
          code: [
            "declare function price(item: string): Promise<number>;",
            "",
            "export async function sum(items: string[]) {",
            "  let total = 0;",
            "  for (const item of items) total += await price(item);",
            "  return total;",
            "}",
          ].join("\n"),
        },
      ],
      optionsDoc: {
        criticalSections:
          "Callee patterns whose async callback runs exclusively, matched against the callee's text with `*` wildcards (`*` matches any characters, a `/` in a string argument included: `*.runExclusive` matches `lockFor(\"jobs/daily\").runExclusive`). Default: `*.runExclusive`, `*.locks.request`, `locks.request`, `*.acquire`, `*.withLock`, `*.exclusive`, `*.synchronized` (async-mutex, Web Locks, async-lock and similar). Add your own serializing queue, e.g. `serialQueue.add`.",
        lockAcquisitions:
          "Awaited calls after which the rest of the function holds a lock (`const release = await mutex.acquire()`), patterns as for `criticalSections`. Default: `*.acquire`, `*.lock`, `*.acquireLock`.",
        checkParameters:
          "`false` (default): properties of parameters are the caller's per-call state and are not reported. `true`: report when the same property of a parameter is read before and written after an `await` (`ctx.count = ctx.count + await f()`), for code that shares such objects between concurrent calls. Off by default because on the benchmark corpora every such finding was a per-request object with no second writer (mongodb's `authContext.credentials`, openai's run ledger). Writes that do not depend on an earlier read (Koa's `ctx.body = await render()`) are never reported.",
      },
      fixesDoc: [
        "Fixes are **suggestions** (they change when things happen):",
        "",
        "- `x += await f()`, `x += n + await f()` and `x = x + await f()` as statements: **Await first, then update**",
        "  (`const awaited = await f(); x += awaited;`), so the read happens after the `await`. Not offered",
        "  when the read is an input of the awaited call (`x = await next(x)`): serializing is a design choice;",
        "  nor when the `await` is the right operand of `&&`, `||` or `??` (`x = x || await f()`): it runs only",
        "  when the left operand does not decide, and hoisting it would run it on every call.",
        "- Lazy initialization of a field or module variable with a written type",
        "  (`if (!this.conn) { this.conn = await connect(); }`): **Memoize the in-flight promise**:",
        "  adds `private connPending?: Promise<Connection>;` and writes",
        "  `this.conn = await (this.connPending ??= connect().finally(() => { this.connPending = undefined; }));`,",
        "  so concurrent callers share one connection attempt, and the memo is cleared when the attempt",
        "  settles: a rejected attempt is retried by the next call, and a value the guard later rejects",
        "  (a closed connection) is fetched again. Offered only when the awaited expression is the work",
        "  itself (a call or `new`), not a promise started earlier. A call that may give `undefined`",
        "  (a method that returns early when closed) keeps doing so: `?.finally(...)`.",
        "",
        "- A cache of values (`if (!cache.has(k)) { cache.set(k, await load(k)); }`) on a `Map` with written",
        "  type arguments: **Cache the in-flight promise** in a map beside it, so concurrent misses share",
        "  one load while the cache's type and its readers stay as they are:",
        "  `let pending = cachePending.get(k); if (!pending) { pending = load(k); cachePending.set(k, pending); }`",
        "  `cache.set(k, await pending);`.",
      ].join("\n"),
      comparison: [
        "ESLint's `require-atomic-updates` works without types and was taken out of ESLint's",
        "recommended set for its false alarms. Each class reported against it is a must-not-flag test",
        "here:",
        "",
        "- a read after the `await` (`result = await x + result`, `const t = await x; result += t`) —",
        "  eslint/eslint#11899;",
        "- locals, including ones captured by closures (`let records = await get(); g(() => records)`) —",
        "  #11194, #11899;",
        "- a write that does not depend on an earlier read (`process.exitCode = code` after an",
        "  `await`, Koa's `ctx.body = await render()`) — #15076, and the reason many projects turned the",
        "  rule off;",
        "- a write before the `await` (`this.foo = null; await doElse()`) — #11687;",
        "- a guard set before the `await` and released after it (`if (window.isSyncing) return;",
        "  window.isSyncing = true; await sync(); window.isSyncing = false`) — #12353;",
        "- a read only on the branch of a conditional without the `await` (`foo = cond ? foo : await",
        "  bar`): that path never suspends (issue 11).",
        "",
        "Where it is right we agree with it: like `require-atomic-updates`, this rule treats `yield` as",
        "a suspension point, in sync generators as well as async ones (the consumer runs between two",
        "`next()` calls), so `total += yield total` is reported.",
        "",
        "Measured against `require-atomic-updates`' default-option test suite (59 cases; the 4 with",
        "`allowProperties: true` left out): every case it accepts is accepted here too (26 of 26), and 24",
        "of its 33 reports agree (50 of 59). The nine left are deliberate, each a class listed above or",
        "below: a local captured by a closure (`let foo; bar(() => foo); foo += await amount`);",
        "`process.exitCode = code` after an `await`; a parameter's property written after the `await`",
        "without depending on an earlier read (`foo.bar = (await get(foo.id)).bar`) or after a check of it",
        "(`if (foo.bar) { foo.bar = await x; }`, three cases), not reported because the object is the",
        "caller's per-call state (see `checkParameters`); and, in a generator, `foo.bar = 1` after a",
        "`yield`, which does not depend on the read of `foo.bar` before it (three cases).",
        "",
        "One class we deliberately report: `if (!flag) { await g(); flag = true; }` (#11740). Two",
        "concurrent calls both pass the check and both run `g()`: a real double initialization.",
        "Set the flag (or store the promise) before the `await`.",
        "",
        "Suppression comments written for the peers (ESLint's `require-atomic-updates`: `eslint-disable-next-line`, `-line`,",
        "`eslint-disable`/`eslint-enable` ranges, the `oxlint-` forms, `biome-ignore`) also suppress this rule, so a",
        "codebase moving over keeps its deliberate exceptions; `honorPeerSuppressions: false` turns that off (README,",
        "\"Suppressions written for ESLint, oxlint and Biome\").",
      ].join("\n"),
    },
  },

  create(context) {
    const analyzer = new Analyzer(context);
    const visit = (node: ts.Node) => analyzer.analyzeFunction(node as ts.FunctionLikeDeclaration);
    return {
      [ts.SyntaxKind.FunctionDeclaration]: visit,
      [ts.SyntaxKind.FunctionExpression]: visit,
      [ts.SyntaxKind.ArrowFunction]: visit,
      [ts.SyntaxKind.MethodDeclaration]: visit,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Locations: what a read or a write refers to, and whether concurrent calls share it

interface Location {
  /** Normalized text, e.g. `this.conn`, `total`, `cache`. */
  key: string;
}

const COLLECTION_READS = new Set(["has", "get", "includes", "indexOf"]);
const COLLECTION_WRITES = new Set(["set", "add", "push", "unshift", "delete"]);
const ENTRY_READS = new Set(["get"]);

/** Where a value can be memoized: a shared location, or one entry of a shared collection. */
interface Slot {
  key: string;
  /** For `C.get(K)`: the key text. */
  entry?: string;
}

function sameSlot(a: Slot, b: Slot): boolean {
  return a.key === b.key && a.entry === b.entry;
}


/**
 * A collection method call `C.m(K, ...)` whose receiver is a built-in collection by its type
 * (`TypeOracle.collectionStatus`: a `Map`, `Set`, `WeakMap`, `WeakSet` or array, their `Readonly`
 * variants and subclasses), with its collection expression and key text. An object of another
 * type with methods of these names (`store.get(k)`, `settings.set(k, v)`) is not a collection:
 * its `get` may compute, its `set` may validate or persist.
 */
function collectionCall(types: TypeOracle, node: ts.Node, methods: ReadonlySet<string>): { collection: ts.Expression; key: string; method: string } | undefined {
  const call = collectionCallShape(node, methods);
  return call && types.collectionStatus(call.collection) === "always" ? call : undefined;
}

/** `C.m(K, ...)` by syntax alone, for a write already found to be a collection's (`collectionCall`). */
function collectionCallShape(node: ts.Node, methods: ReadonlySet<string>): { collection: ts.Expression; key: string; method: string } | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !methods.has(callee.name.text)) return undefined;
  const first = node.arguments[0];
  if (!first) return undefined;
  return { collection: callee.expression, key: normalize(first.getText()), method: callee.name.text };
}

/**
 * A matcher of callee texts (`lockFor("jobs/daily").runExclusive`) by glob patterns
 * (`*.runExclusive`). The text is code, not a path: a `/` in it (a string argument, a division)
 * separates nothing, so `*` matches across it as across any other character (both sides have
 * their `/` replaced by a character a callee text never holds before picomatch sees them).
 */
function calleeMatcher(patterns: readonly string[]): (text: string) => boolean {
  const noSlash = (text: string): string => text.replace(/\//g, "\u2044");
  const matches = picomatch(patterns.map(noSlash), { dot: true });
  return (text) => matches(noSlash(text));
}

/**
 * The text of an expression as a key and for messages: whitespace dropped, except one space where
 * it separates two words (`await this.session.roomId()`, `new Key(id)`), and `?.` read as `.`.
 */
function normalize(text: string): string {
  return text.replace(/\s+/g, (space: string, at: number) => (/[\w$]/.test(text[at - 1] ?? "") && /[\w$]/.test(text[at + space.length] ?? "") ? " " : "")).replace(/\?\./g, ".");
}

function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current)) current = current.expression;
  return current;
}

/** Visits `root` in evaluation order, not entering nested functions or classes. */
function forEachInFunction(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const walk = (node: ts.Node): void => {
    if (visit(node) === false) return;
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
}

/**
 * How a use of a local inside a written `value` reaches the value: "argument" when it goes into
 * a call or `new` (what is stored is the call's result), "copied" when it is stored as it is (an
 * object literal's property, an array element, a branch of a conditional, an operand of `??` or
 * `||`: `host: override ?? host` keeps the part when there is no override), "computed" otherwise
 * (an operand, a spread, a method's receiver, a template).
 */
function partUse(use: ts.Node, value: ts.Node): "argument" | "copied" | "computed" {
  let copied = true;
  for (let child = use, node = use.parent; child !== value && node; child = node, node = node.parent) {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.includes(child as ts.Expression)) return "argument";
    const stored =
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isNonNullExpression(node) ||
      (ts.isConditionalExpression(node) && child !== node.condition) ||
      (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) ||
      (ts.isPropertyAssignment(node) && child === node.initializer) ||
      ts.isShorthandPropertyAssignment(node) ||
      ts.isObjectLiteralExpression(node) ||
      ts.isArrayLiteralExpression(node);
    if (!stored) copied = false;
  }
  return copied ? "copied" : "computed";
}

/**
 * Whether `a` and `b` sit in the two branches of one conditional expression (`c ? a : b`): no
 * run evaluates both, so a read in one does not precede a suspension in the other.
 */
function inOtherBranches(a: ts.Node, b: ts.Node): boolean {
  for (let current: ts.Node | undefined = a; current; current = current.parent) {
    const parent: ts.Node | undefined = current.parent;
    if (parent && ts.isConditionalExpression(parent) && (current === parent.whenTrue || current === parent.whenFalse)) {
      const other = current === parent.whenTrue ? parent.whenFalse : parent.whenTrue;
      if (isAncestorOrSelf(other, b)) return true;
    }
  }
  return false;
}

/** The keyword the messages name for a suspension point: `yield` hands control to the consumer, the rest to other tasks. */
function suspensionKeyword(node: ts.Node): string {
  return ts.isYieldExpression(node) ? "yield" : "await";
}

function isSuspension(node: ts.Node): boolean {
  return ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined) || ts.isYieldExpression(node);
}

// ---------------------------------------------------------------------------------------------
// Detection

interface Read {
  node: ts.Node;
  key: string;
}

class Analyzer {
  private readonly criticalSection: (text: string) => boolean;
  private readonly lockAcquisition: (text: string) => boolean;

  constructor(private readonly context: RuleContext<SharedStateOptions>) {
    this.criticalSection = calleeMatcher(context.options.criticalSections);
    this.lockAcquisition = calleeMatcher(context.options.lockAcquisitions);
  }

  analyzeFunction(fn: ts.FunctionLikeDeclaration): void {
    // A generator, sync or async, suspends at each `yield`: the consumer runs until it calls
    // `next()` again and can change state shared outside the generator meanwhile.
    if (!fn.body || !(isAsyncFunction(fn) || fn.asteriskToken !== undefined)) return;
    // Syntax first: no suspension point, no race.
    let suspends = false;
    forEachInFunction(fn.body, (node) => {
      if (isSuspension(node)) suspends = true;
      return !suspends;
    });
    if (!suspends || this.isCriticalSectionCallback(fn) || isSerializedByCallers(fn, (store) => this.isMemoizingStore(store)) || this.isMemoizedRun(fn) || this.isSingleFlightArgument(fn) || this.isSerializedStreamMethod(fn)) return;
    const state = new FunctionState(fn, this.context, this.lockStart(fn), this.serializedOwner(fn));
    this.detectReadModifyWrite(state);
    this.detectSnapshots(state);
    this.detectCheckThenAct(state);
    state.flush();
  }

  /**
   * The function whose locals `fn` closes over, when that function runs `fn` one call at a time:
   * `const onDone = async () => ...` (or a nested function declaration) only ever called as
   * `await onDone(...)` in the declaring function's own body, or passed, in an awaited call, to a
   * project function that only ever calls that parameter as `await param(...)` in its own body
   * (each use one of these); or a callback (inline, or a `const` used once) passed that way in an
   * awaited or returned call. Runs of `fn` then never overlap within one run of the owner, so the
   * owner's locals are not shared between them. Or an async function run where it is written,
   * once per run of the owner (`void (async () => { ... })()` in a listener): each run of the
   * owner has its own locals, and only this one run of `fn` works on them (`startedAt`).
   */
  private serializedOwner(fn: ts.FunctionLikeDeclaration): SerializedOwner | undefined {
    const owner = enclosingFunction(fn);
    if (!owner) return undefined;
    let name: ts.Identifier | undefined;
    const parent = fn.parent;
    if (ts.isFunctionDeclaration(fn)) name = fn.name;
    else if (ts.isVariableDeclaration(parent) && parent.initializer === fn && ts.isIdentifier(parent.name) && isConstDeclaration(parent)) name = parent.name;
    else if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
      const startedAt = this.startedOncePerRun(fn, owner);
      if (startedAt) return { fn: owner, startedAt };
      return this.isSerializedArgument(fn, owner) ? { fn: owner } : undefined;
    }
    if (!name) return undefined;
    // Each use runs to its end before the owner goes on (`await onDone()`, `await consume(events, onDone)`),
    // so uses in turn (`await consume(events, onEvent); await onEvent(last);`) never overlap.
    const references = this.referencesOf(name, owner);
    const inTurn = (reference: ts.Identifier) => isAwaitedCall(reference, owner) || this.isSerializedArgument(reference, owner, references.length === 1);
    return references.length > 0 && references.every(inTurn) ? { fn: owner } : undefined;
  }

  /**
   * The call of an async arrow or function expression run where it is written, once per run of
   * `owner`: `(async () => { ... })()` as a statement, under `void` or `await` (also with
   * `.catch(...)` chained on it), not in a loop of `owner` (each iteration would start another run
   * on the same locals), and, when named, never calling itself again.
   */
  private startedOncePerRun(fn: ts.ArrowFunction | ts.FunctionExpression, owner: ts.Node): ts.CallExpression | undefined {
    if (!isAsyncFunction(fn) || fn.asteriskToken) return undefined;
    const call = callWhereWritten(fn);
    if (!call || insideLoop(call, owner)) return undefined;
    if (ts.isFunctionExpression(fn) && fn.name && this.referencesOf(fn.name, fn).length > 0) return undefined;
    let outer: ts.Node = promiseChainEnd(call);
    while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const use = outer.parent;
    return ts.isExpressionStatement(use) || ts.isVoidExpression(use) || ts.isAwaitExpression(use) ? call : undefined;
  }

  /** Every identifier inside `root` that refers to the variable `name` declares, except the declaration's own name. */
  private referencesOf(name: ts.Identifier, root: ts.Node): ts.Identifier[] {
    const variable = this.context.types.variableOf(name);
    const references: ts.Identifier[] = [];
    if (!variable) return references;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node !== name && node.text === name.text && this.context.types.variableOf(node) === variable) references.push(node);
      ts.forEachChild(node, visit);
    };
    visit(root);
    return references;
  }

  /**
   * `await consume(stream, callback)` (or `return consume(...)`) where `consume` only awaits its
   * callback parameter, one call at a time. `returned: false` when the callback has other uses: a
   * `finally` after `return consume(...)` runs while the returned consumer still calls it.
   */
  private isSerializedArgument(callback: ts.Expression, owner: ts.FunctionLikeDeclaration, returned = true): boolean {
    const call = callback.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(callback)) return false;
    let outer: ts.Node = call;
    while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const consumer = outer.parent;
    if (!(ts.isAwaitExpression(consumer) || (returned && ts.isReturnStatement(consumer))) || enclosingFunction(consumer) !== owner) return false;
    // A project function with a body: a declaration (overloads aside), or an arrow or function in a `const` or field.
    const target = this.context.types.projectFunctionOf(call);
    if (!target) return false;
    const parameter = argumentParameters(target)[call.arguments.indexOf(callback)];
    if (!parameter || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return false;
    const references = this.referencesOf(parameter.name, target);
    return references.length > 0 && references.every((reference) => isAwaitedCall(reference, target));
  }

  /**
   * `this.f ??= p` or `this.f = p` where the function holding it sets `this.f` only while it is
   * unset (`if (this.f) return this.f;` before it) or clears it: one promise in flight at a time.
   * A store in no function (a field initializer, a static block) runs once per instance or class.
   */
  private isMemoizingStore(store: ts.BinaryExpression): boolean {
    const owner = enclosingFunction(store);
    if (!owner) return true;
    if (!owner.body) return false;
    const state = new FunctionState(owner, this.context, Number.POSITIVE_INFINITY);
    const field = state.locationOf(store.left);
    return field !== undefined && state.slotIsMemoized({ key: field.key });
  }

  /**
   * A function run where it is written whose promise (or its `.then`/`.catch`/`.finally` chain) is
   * stored in a memoizing store: `if (!this.loading) this.loading = (async () => { ... })();`,
   * `migrating ??= (async () => { ... })()`. Like a private method its callers memoize, one run
   * is in flight at a time (seen on sequelize's `getConnection`, whose version probe checks and
   * sets `options.databaseVersion` inside such a run).
   */
  private isMemoizedRun(fn: ts.FunctionLikeDeclaration): boolean {
    const call = callWhereWritten(fn);
    return call !== undefined && this.isMemoizedCall(call);
  }

  /** The promise of `call` (or its `.then`/`.catch`/`.finally` chain) is assigned to a memoizing store. */
  private isMemoizedCall(call: ts.CallExpression): boolean {
    const end = promiseChainEnd(call);
    let outer: ts.Node = end;
    while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const store = outer.parent;
    return isAssignment(store) && store.right === outer && (store.operatorToken.kind === ts.SyntaxKind.EqualsToken || isLogicalAssignmentOperator(store.operatorToken.kind)) && this.isMemoizingStore(store);
  }

  /**
   * A function handed to a project "single flight" wrapper made once (in a constructor, a field
   * initializer or at the top level of a module): `this.heartbeat = sharedPromiseTo(async () =>
   * {...})`, where the wrapper only ever calls its parameter to store the promise in a memoizing
   * store (`if (promise == null) promise = fn(...args).finally(() => (promise = null)); return
   * promise;`, KafkaJS's `sharedPromiseTo`). Like a memoized run, one call is in flight at a time.
   * A wrapper made per call (inside a method) gives each call its own store, and is not taken.
   */
  private isSingleFlightArgument(fn: ts.FunctionLikeDeclaration): boolean {
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
    let outer: ts.Node = fn;
    while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
    const call = outer.parent;
    if (!ts.isCallExpression(call) || call.expression === outer) return false;
    const index = call.arguments.indexOf(outer as ts.Expression);
    if (index < 0 || call.arguments.slice(0, index).some(ts.isSpreadElement) || !(runsOncePerInstance(call) || runsOnceAtTopLevel(call))) return false;
    const wrapper = this.context.types.projectFunctionOf(call);
    const parameter = wrapper?.parameters[index];
    if (!wrapper?.body || !parameter || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return false;
    const references = this.referencesOf(parameter.name, wrapper.body);
    return (
      references.length > 0 &&
      references.every((reference) => {
        let callee: ts.Node = reference;
        while (ts.isParenthesizedExpression(callee.parent)) callee = callee.parent;
        return ts.isCallExpression(callee.parent) && callee.parent.expression === callee && this.isMemoizedCall(callee.parent);
      })
    );
  }

  /**
   * The async `read` of a Node stream built from options (`new Readable({ async read() {...} })`),
   * or its `write`/`writev`/`final`/`transform`/`flush`: the stream does not call it again until it
   * hands back (`push(...)` for `read`, its callback for the others), so runs are serialized when
   * nothing suspends after any hand-back until the method returns (bullmq's `scanStream`). The
   * stream class is Node's (`@types/node`'s `stream` module, or `readable-stream`); a hand-back in
   * a function nested in the method counts where that function is written; a callback used other
   * than called or passed on, or no hand-back in sight, is not judged.
   */
  private isSerializedStreamMethod(fn: ts.FunctionLikeDeclaration): boolean {
    const member = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
    const name = member && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    const options = member?.parent;
    const created = options?.parent;
    if (!name || !STREAM_HAND_BACK.has(name) || !options || !ts.isObjectLiteralExpression(options) || !created || !ts.isNewExpression(created) || created.arguments?.[0] !== options) return false;
    const ref = this.context.types.calleeTarget(created)?.ref;
    if (!ref?.module || !STREAM_MODULES.has(ref.module) || !STREAM_CLASSES.has(ref.qualifiedName.slice(ref.qualifiedName.lastIndexOf(".") + 1))) return false;
    const body = fn.body;
    if (!body || !ts.isBlock(body)) return false;
    // The hand-backs: `x.push(...)` for `read`, calls of the last parameter (the callback) for the
    // others, or the callback handed on as an argument (`process.nextTick(callback)`,
    // `once("drain", callback)`): called then or later, it is called where nothing suspends any more.
    // A nested function's parameter or variable of the same name is not called here: its
    // declaration is a use other than a call, so the method is not judged.
    let callback: ts.Identifier | undefined;
    if (name !== "read") {
      const last = fn.parameters[fn.parameters.length - 1]?.name;
      if (!last || !ts.isIdentifier(last)) return false;
      callback = last;
    }
    const handBacks: ts.Node[] = [];
    let judged = true;
    walkTree(body, (node) => {
      if (!judged) return false;
      if (callback && ts.isIdentifier(node) && node.text === callback.text) {
        const call = node.parent;
        const handed = ts.isCallExpression(call) && (call.expression === node || call.arguments.includes(node));
        const point = handed ? handBackPoint(call, fn) : undefined;
        if (!point) judged = false;
        else handBacks.push(point);
      } else if (!callback && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push") {
        const point = handBackPoint(node, fn);
        if (!point) judged = false;
        else handBacks.push(point);
      }
      return true;
    });
    return judged && handBacks.length > 0 && handBacks.every((point) => nothingSuspendsAfter(point, body));
  }

  private isCriticalSectionCallback(fn: ts.FunctionLikeDeclaration): boolean {
    const call = fn.parent;
    if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(fn as ts.Expression)) return false;
    return this.criticalSection(normalize(call.expression.getText()));
  }

  /** The position after which the function holds a lock (`await mutex.acquire()`), if any. */
  private lockStart(fn: ts.FunctionLikeDeclaration): number {
    let start = sameStepStart(fn.body!, Math.min(busyFlagLockStart(fn.body!), this.busyFlagHelperLockStart(fn)));
    forEachInFunction(fn.body!, (node) => {
      if (ts.isAwaitExpression(node) && ts.isCallExpression(node.expression) && this.lockAcquisition(normalize(node.expression.expression.getText()))) {
        start = Math.min(start, node.getEnd());
      }
    });
    return start;
  }

  /**
   * A busy flag taken by a helper (`busyFlagHelperGuard`), called as a statement of `fn`'s own
   * body that does not suspend (`this.#enter("tick");`, `this.enter();`, `enter();`), and written
   * in the `finally` of a `try` written after that call (`this.#busy = null`, or a call to a
   * helper that writes it, `this.#leave()`; `clearsFlag`): `async tick() { this.#enter("tick"); try { ... }
   * finally { this.#busy = null; } }`. As with the inline guard, the check and the set run as one
   * step, so only one call at a time gets past the helper; reads before the call are not covered.
   * Returns where the lock is held from (the call's start), or +∞.
   */
  private busyFlagHelperLockStart(fn: ts.FunctionLikeDeclaration): number {
    const body = fn.body;
    if (!body || !ts.isBlock(body)) return Number.POSITIVE_INFINITY;
    const statements = body.statements;
    for (let index = 0; index < statements.length; index++) {
      const statement = statements[index];
      if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression) || containsSuspension(statement)) continue;
      const call = statement.expression;
      const helper = this.busyFlagHelper(fn, call);
      const flag = helper && busyFlagHelperGuard(helper, call);
      if (!flag) continue;
      const released = statements.slice(index + 1).some((later) => ts.isTryStatement(later) && later.finallyBlock !== undefined && this.clearsFlag(fn, later.finallyBlock, flag));
      if (released) return statement.getStart();
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * The function `call` (a statement of `fn`'s body) runs, when it is one no other code can
   * replace and that runs to its end before the call returns: a private method of `fn`'s class
   * (`this.#enter()`, `this.enter()` of a `private enter()`, static when `fn` is) or a function
   * declared at the top of `fn`'s module (`enter()`, exported or not: the module's own call names
   * its local binding, which no importer can reassign), neither async nor a generator. An optional
   * call (`this.#enter?.()`, `enter?.()`) runs it too: a declared method or function is always there.
   */
  private busyFlagHelper(fn: ts.FunctionLikeDeclaration, call: ts.CallExpression): BusyFlagHelper | undefined {
    const callee = call.expression;
    let helper: ts.FunctionLikeDeclaration | undefined;
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
      if (!ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent)) return undefined;
      const isStatic = (member: ts.ClassElement): boolean => (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
      helper = fn.parent.members.find(
        (member): member is ts.MethodDeclaration =>
          ts.isMethodDeclaration(member) &&
          member.body !== undefined &&
          member.name.getText() === callee.name.getText() &&
          (ts.isPrivateIdentifier(member.name) || (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Private) !== 0) &&
          isStatic(member) === isStatic(fn),
      );
    } else if (ts.isIdentifier(callee)) {
      const variable = this.context.types.variableOf(callee);
      helper = fn.getSourceFile().statements.find(
        (statement): statement is ts.FunctionDeclaration =>
          ts.isFunctionDeclaration(statement) &&
          statement.body !== undefined &&
          statement.name !== undefined &&
          statement.name.text === callee.text &&
          variable !== undefined &&
          this.context.types.variableOf(statement.name) === variable,
      );
    }
    if (!helper?.body || !ts.isBlock(helper.body) || isAsyncFunction(helper) || helper.asteriskToken) return undefined;
    return { fn: helper, body: helper.body, method: ts.isMethodDeclaration(helper) };
  }

  /**
   * `finally` releases `flag`: one of its statements writes it (`this.#busy = null`, `this.#depth
   * -= 1`, `this.#depth--`), or calls a helper (`busyFlagHelper`) whose body does, itself or
   * through a helper it calls the same way (`#leave()` calling `#reset()`). The value written does
   * not matter, nor a `return` before the write (`#leave() { if (!this.#busy) return; this.#busy =
   * false; }`): a value that leaves the flag set, or a path that does not write it, keeps every
   * later call out at the helper's guard, so the `try` runs alone either way. A `finally` that never
   * writes the flag is still no release: the flag is then not taken as a lock. Each helper is read
   * once: what it writes does not depend on who calls it, and helpers that call each other end.
   */
  private clearsFlag(fn: ts.FunctionLikeDeclaration, block: ts.Block, flag: BusyFlag): boolean {
    const read = new Set<ts.FunctionLikeDeclaration>();
    const clears = (statements: readonly ts.Statement[], viaThis: boolean): boolean => {
      for (const statement of statements) {
        if (!ts.isExpressionStatement(statement)) continue;
        const expression = statement.expression;
        if (isAssignment(expression) && this.namesFlag(expression.left, flag, viaThis)) return true;
        if (isIncrementOrDecrement(expression) && this.namesFlag(expression.operand, flag, viaThis)) return true;
        if (ts.isCallExpression(expression)) {
          const helper = this.busyFlagHelper(fn, expression);
          if (helper && !read.has(helper.fn)) {
            read.add(helper.fn);
            if (clears(helper.body.statements, helper.method)) return true;
          }
        }
      }
      return false;
    };
    return clears(block.statements, true);
  }

  /**
   * `target` is `flag`: the same variable, or, for a flag on `this` set in a method, the same
   * property of `this` written where `this` is the same instance (`viaThis`).
   */
  private namesFlag(target: ts.Expression, flag: BusyFlag, viaThis: boolean): boolean {
    const node = skipOuter(target);
    if (ts.isIdentifier(flag.node)) return ts.isIdentifier(node) && this.context.types.variableOf(node) === this.context.types.variableOf(flag.node);
    return flag.method && viaThis && normalize(node.getText()) === normalize(flag.node.getText());
  }

  // A. `x += await f()`, `x = x + await f()`, `x ??= await f()`, `m.set(k, m.get(k) + await f())`
  private detectReadModifyWrite(state: FunctionState): void {
    forEachInFunction(state.fn.body!, (node) => {
      if (isAssignment(node)) {
        const target = state.locationOf(node.left);
        if (!target) return;
        const operator = node.operatorToken.kind;
        const firstAwait = state.firstSuspension(node.right);
        if (!firstAwait) return;
        if (operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken) {
          state.report(node, "checkThenAct", { target: target.key }, node.left, firstAwait);
          return;
        }
        if (isLogicalAssignmentOperator(operator)) {
          if (this.storesMemoizedResult(state, node, firstAwait)) return;
          const method = this.releaseMethodOf(node.right);
          if (method) state.report(node, "duplicateResource", { target: target.key, method }, node.left, firstAwait);
          else state.report(node, "lazyInit", { target: target.key, operator: node.operatorToken.getText() }, node.left, firstAwait);
          return;
        }
        if (operator !== ts.SyntaxKind.EqualsToken) {
          state.report(node, "readModifyWrite", { target: target.key }, node.left, firstAwait, this.hoistFix(state, node));
          return;
        }
        // Branch-aware: `x = cond ? x : await f()` reads `x` only on the path that does not suspend.
        for (const suspension of state.suspensionsIn(node.right)) {
          const read = state.readBefore(node.right, target.key, suspension);
          if (!read) continue;
          this.reportReadModifyWrite(state, node, target.key, read, suspension, suspension === firstAwait ? this.hoistFix(state, node) : []);
          return;
        }
        return;
      }
      const write = collectionCall(this.context.types, node, new Set(["set"]));
      if (write) {
        const collection = state.collectionOf(write.collection);
        const value = (node as ts.CallExpression).arguments[1];
        if (!collection || !value) return;
        const firstAwait = state.firstSuspension(value);
        if (!firstAwait) return;
        for (const suspension of state.suspensionsIn(value)) {
          const read = state.collectionReadBefore(value, collection.key, write.key, suspension);
          if (!read) continue;
          this.reportReadModifyWrite(state, node, `${collection.key}.get(${write.key})`, read, suspension, []);
          return;
        }
      }
    });
  }

  /**
   * A read-modify-write. When the read is an input of the awaited call itself
   * (`this.state = await reduce(this.state, action)`), it cannot be moved after the `await`: the
   * message says so, and no hoist is offered.
   */
  private reportReadModifyWrite(state: FunctionState, write: ts.Node, target: string, read: ts.Node, suspension: ts.Node, fixes: Fix[]): void {
    const call = inputCall(read, suspension);
    const callee = call && normalize(call.expression.getText());
    if (callee && callee.length <= 60) state.report(write, "readModifyWriteCall", { target, callee }, read, suspension);
    else state.report(write, "readModifyWrite", { target }, read, suspension, fixes);
  }

  // B. `const v = this.count; await x; this.count = v + 1`
  private detectSnapshots(state: FunctionState): void {
    forEachInFunction(state.fn.body!, (node) => {
      if (!ts.isVariableDeclaration(node) || !node.initializer || !ts.isIdentifier(node.name)) return;
      const local = node.name;
      const reads = state.sharedReadsIn(node.initializer);
      if (reads.length === 0) return;
      const variable = this.context.types.variableOf(local);
      if (!variable) return;
      for (const read of reads) {
        const write = state.findWriteUsing(read, local, variable);
        if (write) {
          state.report(write.node, "staleSnapshot", { target: read.key, local: local.text }, read.node, write.suspension);
          return;
        }
      }
      // A copy of a part (`const host = this.options.host`) is a copy of the whole object when the
      // whole is replaced from it after the `await` (`this.options = { host, port }`).
      for (const read of reads) {
        for (const whole of state.enclosingLocations(read.node)) {
          const write = state.findWriteUsing({ node: read.node, key: whole.key }, local, variable, true);
          if (write) {
            state.report(write.node, "staleSnapshot", { target: whole.key, local: local.text }, read.node, write.suspension);
            return;
          }
        }
      }
    });
  }

  // C. `if (!this.conn) { this.conn = await connect() }`, `if (x) return; ...; await; x = ...`,
  //    `if (!cache.has(k)) cache.set(k, await load(k))`
  private detectCheckThenAct(state: FunctionState): void {
    forEachInFunction(state.fn.body!, (node) => {
      if (!ts.isIfStatement(node)) return;
      const checks = state.checksIn(node.expression);
      if (checks.length === 0) return;
      // Each region is a separate path: an await in an exiting branch does not precede the rest.
      // `whenTrue`: the region runs when the condition held.
      const regions: { nodes: readonly ts.Node[]; whenTrue: boolean }[] = [{ nodes: [node.thenStatement], whenTrue: true }];
      if (node.elseStatement) regions.push({ nodes: [node.elseStatement], whenTrue: false });
      if (exits(node.thenStatement, false) && !node.elseStatement) {
        // `if (cached) return cached;` guards the rest of the block. A guard that throws
        // (`if (!this.socket) throw ...`) asserts a precondition: later writes replace, not initialize.
        const parent = node.parent;
        if (ts.isBlock(parent) || ts.isSourceFile(parent)) regions.push({ nodes: parent.statements.slice(parent.statements.indexOf(node) + 1), whenTrue: false });
      }
      for (const check of checks) {
        // A parameter's object is usually the caller's per-call state: only data dependencies
        // (read-modify-write, snapshots) are reported for it, not control dependencies.
        if (check.parameterRooted) continue;
        let found: ReturnType<FunctionState["findCheckedWrite"]>;
        let whenTrue = true;
        let guarded: readonly ts.Node[] = [];
        for (const region of regions) {
          if (found) break;
          found = state.findCheckedWrite(check, region.nodes);
          whenTrue = region.whenTrue;
          guarded = region.nodes;
        }
        if (found && this.storesMemoizedResult(state, found.write, found.suspension)) continue;
        if (found) {
          // An initialization: the write runs when the check found the state absent, and stores a fresh value.
          const foundAbsent = check.absentWhenTrue === whenTrue;
          const duplicateInit = check.presence && foundAbsent && state.isFreshInitialization(found.write, check);
          // `this.raw = await (this.rawPending ??= create()); this.rawReady = true;`: the work ran once.
          if (duplicateInit && this.setsConstantAfterSharedRun(state, found.write, check.node)) continue;
          // A fresh resource overwrites (and leaks) the one another call stored: the rule's severity.
          const method = duplicateInit ? this.releaseMethodOf(writtenValue(found.write)) : undefined;
          // A constant (`this.listening = true`, `worlds.add(key)`): every call stores the same value,
          // and what concurrent calls repeat is the awaited work, named in its own message.
          const work = duplicateInit && !method ? this.repeatedWork(state, found.write, check.node) : undefined;
          if (check.collectionKey !== undefined) {
            const data = { target: check.key, key: check.collectionKey };
            const messageId = method ? "duplicateResourceCollection" : "duplicateInitCollection";
            if (work) state.report(found.write, "duplicateWorkCollection", { ...data, callee: work }, check.node, found.suspension, [], guarded);
            else if (duplicateInit) state.report(found.write, messageId, method ? { ...data, method } : data, check.node, found.suspension, this.cachePromiseFix(state, found.write), guarded);
            else state.report(found.write, "checkThenActCollection", data, check.node, found.suspension, [], guarded);
          } else if (work && isAssignment(found.write)) {
            state.report(found.write, "duplicateWork", { target: check.key, callee: work, value: skipOuter(found.write.right).getText() }, check.node, found.suspension, [], guarded);
          } else if (duplicateInit) {
            const messageId = method ? "duplicateResource" : "duplicateInit";
            state.report(found.write, messageId, method ? { target: check.key, method } : { target: check.key }, check.node, found.suspension, this.memoizeFix(state, found.write, check.key), guarded);
          } else {
            state.report(found.write, "checkThenAct", { target: check.key }, check.node, found.suspension, [], guarded);
          }
          return;
        }
      }
    });
  }

  /**
   * The release method (`close`, `[Symbol.asyncDispose]`, ...) of a value that always has one, or
   * undefined (no value, no such method, or a type that cannot be known).
   */
  private releaseMethodOf(value: ts.Expression | undefined): string | undefined {
    if (!value) return undefined;
    const answer = this.context.types.releaseMethod(value, RELEASE_METHODS);
    return answer.status === "always" ? answer.method : undefined;
  }

  /**
   * A write whose value is the awaited result of a memoized promise, awaited at `suspension`
   * (`this.raw = await this.rawPromise` after `if (!this.rawPromise) this.rawPromise = this.load();`,
   * `this.conn = await (this.connecting ??= this.connect())`): concurrent calls await the same
   * promise and store the same value, and the work ran once. This is the fix the rule suggests.
   */
  private storesMemoizedResult(state: FunctionState, write: ts.Node, suspension: ts.Node): boolean {
    let value: ts.Expression | undefined;
    if (isAssignment(write)) {
      const operator = write.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken || isLogicalAssignmentOperator(operator)) value = write.right;
    } else if (collectionCall(this.context.types, write, new Set(["set"]))) {
      value = (write as ts.CallExpression).arguments[1];
    }
    if (!value) return false;
    let awaited = skipOuter(value);
    if (ts.isIdentifier(awaited)) {
      // `const raw = await this.rawPromise; this.raw = raw;` (or a `let` never written again)
      const declaration = this.context.types.variableDeclarationOf(awaited);
      const list = declaration?.parent;
      if (!declaration?.initializer || !list || !ts.isVariableDeclarationList(list)) return false;
      if ((list.flags & ts.NodeFlags.Const) === 0 && !neverWrittenAgain(this.context.types, declaration)) return false;
      awaited = skipOuter(declaration.initializer);
    }
    return ts.isAwaitExpression(awaited) && awaited === suspension && state.isMemoizedPromise(awaited.expression);
  }

  /**
   * An initialization that writes a constant (`ready = true`, `seen.add(id)`, `flags.set(k, 1)`)
   * when every suspension between the check and the write awaits a memoized promise: every
   * concurrent call waits for the same single run, and the calls that pass the check all write
   * the same value, so the duplicate write changes nothing. (One other `await` between them is
   * work each call does again, and the finding stays.)
   */
  private setsConstantAfterSharedRun(state: FunctionState, write: ts.Node, check: ts.Node): boolean {
    const suspensions = state.suspensionsWithin(check.getEnd(), write.getStart());
    if (suspensions.length === 0 || !suspensions.every((node) => ts.isAwaitExpression(node) && state.isMemoizedPromise(node.expression))) return false;
    return this.writesConstant(write);
  }

  /** `x = true`, `x = "ready"`, `seen.add(id)`, `flags.set(k, 1)`: a value every call writes alike. */
  private writesConstant(write: ts.Node): boolean {
    if (isAssignment(write)) return write.operatorToken.kind === ts.SyntaxKind.EqualsToken && isConstantValue(write.right);
    const call = collectionCall(this.context.types, write, new Set(["add", "set"]));
    if (!call) return false;
    const value = (write as ts.CallExpression).arguments[1];
    // `seen.set(id)` (a `Map<string, void>`) stores `undefined`, like `add(id)`.
    return call.method === "add" || value === undefined || isConstantValue(value);
  }

  /**
   * For an initialization that writes a constant after awaiting a call (`await client.query(...);
   * this.listening = true`): the text of the first awaited call since the check that each call
   * runs again (an `await` of a memoized promise, `await this.identity()`, is shared, not
   * repeated). Undefined for a value each call computes, a first repeated suspension that is not
   * `await call(...)` (a `yield`, an awaited promise started earlier), or a callee too long to quote.
   */
  private repeatedWork(state: FunctionState, write: ts.Node, check: ts.Node): string | undefined {
    if (!this.writesConstant(write)) return undefined;
    const suspension = state
      .suspensionsWithin(check.getEnd(), write.getStart())
      .find((node) => !(ts.isAwaitExpression(node) && state.isMemoizedPromise(node.expression)));
    if (!suspension || !ts.isAwaitExpression(suspension)) return undefined;
    const work = skipOuter(suspension.expression);
    if (!ts.isCallExpression(work)) return undefined;
    const callee = normalize(work.expression.getText());
    return callee.length <= 60 ? callee : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Fixes

  /**
   * `x += await f();` → `const awaited = await f(); x += awaited;`, also `x = x + await f()` and
   * `x += n + await f()` (statements only). Not when the `await` is the right operand of `&&`,
   * `||` or `??`: it runs only on one path there, and hoisting it would run it on every call.
   */
  private hoistFix(state: FunctionState, assignment: ts.BinaryExpression): Fix[] {
    const statement = assignment.parent;
    if (!ts.isExpressionStatement(statement) || !(ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) return [];
    const right = skipOuter(assignment.right);
    let awaitNode: ts.AwaitExpression | undefined;
    if (ts.isAwaitExpression(right) && assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) {
      awaitNode = right;
    } else if (ts.isBinaryExpression(right) && !isShortCircuitOperator(right.operatorToken.kind)) {
      const operand = skipOuter(right.right);
      if (ts.isAwaitExpression(operand) && isSideEffectFree(right.left) && !containsSuspension(right.left)) awaitNode = operand;
    }
    if (!awaitNode || containsSuspension(awaitNode.expression)) return [];
    const sourceFile = this.context.sourceFile;
    const name = state.freshName("awaited");
    const indent = /[ \t]*$/.exec(sourceFile.text.slice(0, statement.getStart(sourceFile)))?.[0] ?? "";
    const start = statement.getStart(sourceFile);
    const edit = (from: number, to: number, newText: string): TextEdit => ({ fileName: sourceFile.fileName, start: from, end: to, newText });
    const awaitStart = awaitNode.getStart(sourceFile);
    // Replace the await (with the parentheses around it, if any) by the new name.
    let replaced: ts.Node = awaitNode;
    while (ts.isParenthesizedExpression(replaced.parent)) replaced = replaced.parent;
    return [
      {
        kind: "suggestion",
        title: "Await first, then update",
        edits: [
          edit(start, start, `const ${name} = ${sourceFile.text.slice(awaitStart, awaitNode.getEnd())};\n${indent}`),
          edit(replaced.getStart(sourceFile), replaced.getEnd(), name),
        ],
      },
    ];
  }

  /**
   * `if (!cache.has(k)) { cache.set(k, await load(k)); }` → cache the in-flight promise in a map
   * beside the cache (so the cache's type and its readers stay as they are):
   * `let pending = cachePending.get(k); if (!pending) { pending = load(k); cachePending.set(k, pending); }
   * cache.set(k, await pending);`. Offered for a `Map` with written type arguments.
   */
  private cachePromiseFix(state: FunctionState, write: ts.Node): Fix[] {
    const statement = write.parent;
    if (!ts.isCallExpression(write) || !ts.isExpressionStatement(statement) || !ts.isBlock(statement.parent)) return [];
    const callee = write.expression;
    const [keyArgument, valueArgument] = write.arguments;
    if (!ts.isPropertyAccessExpression(callee) || !keyArgument || !valueArgument || write.arguments.length !== 2) return [];
    const value = skipOuter(valueArgument);
    if (!ts.isAwaitExpression(value) || containsSuspension(value.expression)) return [];
    const declaration = state.declarationOf(callee.expression);
    if (!declaration || !ts.isIdentifier(declaration.name)) return [];
    const typeArguments = mapTypeArguments(declaration);
    if (!typeArguments) return [];
    const sourceFile = this.context.sourceFile;
    const text = (node: ts.Node) => sourceFile.text.slice(node.getStart(sourceFile), node.getEnd());
    const [keyType, valueType] = typeArguments.map(text) as [string, string];
    const isField = ts.isPropertyDeclaration(declaration);
    const anchor = isField ? declaration : declaration.parent.parent;
    const anchorIndent = /[ \t]*$/.exec(sourceFile.text.slice(0, anchor.getStart(sourceFile)))?.[0] ?? "";
    const pendingMap = nameFreeIn(sourceFile.text, `${declaration.name.text}Pending`);
    const pendingRef = isField ? `${(skipOuter(callee.expression) as ts.PropertyAccessExpression).expression.getText()}.${pendingMap}` : pendingMap;
    const local = state.freshName("pending");
    const indent = /[ \t]*$/.exec(sourceFile.text.slice(0, statement.getStart(sourceFile)))?.[0] ?? "";
    const key = text(keyArgument);
    const edit = (from: number, to: number, newText: string): TextEdit => ({ fileName: sourceFile.fileName, start: from, end: to, newText });
    const mapDeclaration = isField
      ? `private readonly ${pendingMap} = new Map<${keyType}, Promise<${valueType}>>();`
      : `const ${pendingMap} = new Map<${keyType}, Promise<${valueType}>>();`;
    return [
      {
        kind: "suggestion",
        title: "Cache the in-flight promise",
        edits: [
          edit(anchor.getEnd(), anchor.getEnd(), `\n${anchorIndent}${mapDeclaration}`),
          edit(
            statement.getStart(sourceFile),
            statement.getEnd(),
            [
              `let ${local} = ${pendingRef}.get(${key});`,
              `${indent}if (!${local}) {`,
              `${indent}  ${local} = ${text(value.expression)};`,
              `${indent}  ${pendingRef}.set(${key}, ${local});`,
              `${indent}}`,
              `${indent}${text(callee)}(${key}, await ${local});`,
            ].join("\n"),
          ),
        ],
      },
    ];
  }

  /**
   * `this.conn = await connect()` guarded by a check of `this.conn` → memoize the in-flight
   * promise in a new field or variable declared next to the original, with the original's type,
   * and clear it when the work settles (so a rejection is not cached forever, and a value the
   * guard later finds unusable, a closed connection, is fetched again). Only where the awaited
   * expression is the work itself (a call or `new`): memoizing a promise that was started before
   * (`this.p = this.load(); this.raw = await this.p;`) would share nothing.
   */
  private memoizeFix(state: FunctionState, write: ts.Node, key: string): Fix[] {
    if (!isAssignment(write) || write.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [];
    const right = skipOuter(write.right);
    if (!ts.isAwaitExpression(right) || containsSuspension(right.expression)) return [];
    const work = skipOuter(right.expression);
    if (!ts.isCallExpression(work) && !ts.isNewExpression(work)) return [];
    const declaration = state.declarationOf(write.left);
    if (!declaration) return [];
    const written = declaration.type;
    if (!written) return [];
    const sourceFile = this.context.sourceFile;
    const valueType = stripNullish(written, sourceFile);
    if (!valueType) return [];
    const baseName = (declaration.name as ts.Identifier | ts.PrivateIdentifier).text;
    const pendingName = nameFreeIn(sourceFile.text, `${baseName}Pending`);
    const edit = (from: number, to: number, newText: string): TextEdit => ({ fileName: sourceFile.fileName, start: from, end: to, newText });
    const isField = ts.isPropertyDeclaration(declaration);
    const anchor = isField ? declaration : declaration.parent.parent; // the variable statement
    const indent = /[ \t]*$/.exec(sourceFile.text.slice(0, anchor.getStart(sourceFile)))?.[0] ?? "";
    // `#handle` is private by its name: `#handlePending` takes no modifier.
    const modifiers = isField ? (ts.isPrivateIdentifier(declaration.name) ? "" : "private ") : "let ";
    const declarationText = isField ? `${modifiers}${pendingName}?: Promise<${valueType}>;` : `${modifiers}${pendingName}: Promise<${valueType}> | undefined;`;
    // A field through the receiver the write names it with (`this`, or `self` for `const self = this`).
    const target = key.startsWith("this.") ? `${(skipOuter(write.left) as ts.PropertyAccessExpression).expression.getText()}.${pendingName}` : pendingName;
    // The awaited expression as written, its `!` and `as` kept (`await pending.get(key)!`: the
    // `.finally` goes on the asserted value); parenthesized unless `.finally` can follow it as is.
    const awaited = right.expression;
    const text = sourceFile.text.slice(awaited.getStart(sourceFile), awaited.getEnd());
    const started = ts.isCallExpression(awaited) || ts.isNonNullExpression(awaited) || ts.isParenthesizedExpression(awaited) ? text : `(${text})`;
    // A call that may give `undefined` (`if (this.closed) return;` in the callee) keeps it: `?.finally`.
    const then = this.context.types.nullishStatus(awaited) === "never" ? ".finally" : "?.finally";
    return [
      {
        kind: "suggestion",
        title: "Memoize the in-flight promise",
        edits: [
          edit(anchor.getEnd(), anchor.getEnd(), `\n${indent}${declarationText}`),
          edit(right.getStart(sourceFile), right.getEnd(), `await (${target} ??= ${started}${then}(() => { ${target} = undefined; }))`),
        ],
      },
    ];
  }
}

/** `Map<K, V>` written on a declaration or on its `new Map<K, V>()` initializer. */
function mapTypeArguments(declaration: ts.PropertyDeclaration | ts.VariableDeclaration): readonly [ts.TypeNode, ts.TypeNode] | undefined {
  const written = declaration.type;
  if (written && ts.isTypeReferenceNode(written) && ts.isIdentifier(written.typeName) && written.typeName.text === "Map" && written.typeArguments?.length === 2) {
    return [written.typeArguments[0], written.typeArguments[1]];
  }
  const initializer = declaration.initializer && skipOuter(declaration.initializer);
  if (!written && initializer && ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === "Map" && initializer.typeArguments?.length === 2) {
    return [initializer.typeArguments[0], initializer.typeArguments[1]];
  }
  return undefined;
}

/** The value a write stores: the right side of `x = v`, the value of `m.set(k, v)`. */
function writtenValue(write: ts.Node): ts.Expression | undefined {
  if (isAssignment(write)) return write.right;
  return collectionCallShape(write, new Set(["set"])) ? (write as ts.CallExpression).arguments[1] : undefined;
}

/** `true`, `false`, `null`, a number or a string without substitutions: the same value on every call. */
function isConstantValue(node: ts.Expression): boolean {
  const value = skipOuter(node);
  return (
    value.kind === ts.SyntaxKind.TrueKeyword ||
    value.kind === ts.SyntaxKind.FalseKeyword ||
    value.kind === ts.SyntaxKind.NullKeyword ||
    ts.isNumericLiteral(value) ||
    ts.isStringLiteral(value) ||
    ts.isNoSubstitutionTemplateLiteral(value)
  );
}

/** `&&`, `||`, `??`: the right operand runs only on some paths. */
function isShortCircuitOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

function isClearingValue(node: ts.Expression): boolean {
  const value = skipOuter(node);
  return (
    value.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(value) && value.text === "undefined") ||
    (ts.isVoidExpression(value) && ts.isLiteralExpression(value.expression))
  );
}

/**
 * A private method that never runs concurrently with itself, because every call in its class
 * does one and the same of:
 * - stores the returned promise in one field that its caller sets only while it is unset
 *   (`this.connecting ??= this._connect()`, also through `.then`/`.catch`/`.finally`, or a
 *   generator's `this.first ??= this.#pages().next()`): its callers
 *   memoize it;
 * - chains it onto one field's promise and stores the chain there
 *   (`this.queue = this.queue.then(() => this._flush())`): each run starts after the previous one;
 * - sits in the constructor, a field initializer or a static block, outside loops and nested
 *   functions, once: it runs once per instance (or class);
 * - is awaited where it is called (`await this.#ensureListening()`), every call in one and the
 *   same method of the class that never runs concurrently with itself either (by these same
 *   rules, at most `SERIALIZED_CALLER_DEPTH` callers up, cycle-safe): a private `#poll()` loop
 *   started once from the constructor that awaits `#ensureListening()` in each iteration. One run
 *   of that caller awaits each call before the next, and no two runs overlap.
 * Any other reference to the method (`this.m.bind(this)`, `emitter.on("x", this.m)`, a call in a
 * nested function, `other.#m()`, `this["m"]()`) lets it run at any time, and so does being public: code outside the class can
 * call it concurrently, whatever its callers in the project do. (The caller's own check-then-act,
 * if any, is reported there.)
 */
function isSerializedByCallers(
  fn: ts.FunctionLikeDeclaration,
  isMemoizingStore: (store: ts.BinaryExpression) => boolean,
  depth = 0,
  visiting: Set<ts.Node> = new Set(),
): boolean {
  if (!ts.isMethodDeclaration(fn) || !fn.name) return false;
  const isPrivate = ts.isPrivateIdentifier(fn.name) || (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Private) !== 0;
  const owner = fn.parent;
  if (!isPrivate || !ts.isClassLike(owner) || visiting.has(fn)) return false;
  visiting.add(fn);
  try {
    const name = fn.name.getText();
    const ways = new Set<string>();
    let calls = 0;
    let serialized = true;
    const visit = (node: ts.Node, nested: boolean): void => {
      if (!serialized) return;
      // `other.#m()` (another instance, maybe this one) or `this["m"]()`: a call not seen below.
      const elsewhere =
        (ts.isPropertyAccessExpression(node) && ts.isPrivateIdentifier(node.name) && node.name.text === name && node.expression.kind !== ts.SyntaxKind.ThisKeyword) ||
        (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === name);
      if (elsewhere) {
        serialized = false;
        return;
      }
      // In a class nested in the owner, `this` is that class's instance: `this.m()` there is its own.
      if (!nested && ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.getText() === name) {
        const call = node.parent;
        if (!ts.isCallExpression(call) || call.expression !== node) {
          // `this.m.bind(this)`, `this.m` handed on: called whenever the receiver likes.
          serialized = false;
          return;
        }
        calls++;
        const end = promiseChainEnd(call);
        const memo = storedIn(end) !== undefined && isMemoizingStore(end.parent as ts.BinaryExpression) ? storedIn(end) : undefined;
        const chain = memo === undefined ? chainedOnto(call) : undefined;
        const caller = memo === undefined && chain === undefined ? awaitingMethod(call, owner) : undefined;
        if (memo !== undefined) ways.add(`memoized in ${memo}`);
        else if (chain !== undefined) ways.add(`chained on ${chain}`);
        else if (runsOncePerInstance(call)) ways.add(`constructor call ${calls}`);
        else if (caller && depth < SERIALIZED_CALLER_DEPTH && isSerializedByCallers(caller, isMemoizingStore, depth + 1, visiting)) ways.add(`awaited in the method at ${caller.getStart()}`);
        else serialized = false;
      }
      const inNested = nested || (ts.isClassLike(node) && node !== owner);
      ts.forEachChild(node, (child) => visit(child, inNested));
    };
    visit(owner, false);
    return serialized && calls > 0 && ways.size === 1;
  } finally {
    visiting.delete(fn);
  }
}

/** How many callers up `isSerializedByCallers` follows awaiting methods. */
const SERIALIZED_CALLER_DEPTH = 3;

/** For `await this.m(...)` directly in the body of a method of `owner` (not in a function nested in it): that method. */
function awaitingMethod(call: ts.CallExpression, owner: ts.ClassLikeDeclaration): ts.MethodDeclaration | undefined {
  let outer: ts.Node = call;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  if (!ts.isAwaitExpression(outer.parent)) return undefined;
  const caller = enclosingFunction(outer.parent);
  return caller && ts.isMethodDeclaration(caller) && caller.parent === owner ? caller : undefined;
}

/**
 * The end of the method calls chained onto `promise`, a run's result: `p.then(...).catch(...)`
 * (an async function's promise has no other methods), or an async generator's `g.next()`: still
 * the one run's value (a generator made and advanced there is held by nothing else, so it runs
 * no further).
 */
function promiseChainEnd(promise: ts.Expression): ts.Expression {
  let end = promise;
  while (ts.isPropertyAccessExpression(end.parent) && ts.isCallExpression(end.parent.parent) && end.parent.parent.expression === end.parent) {
    end = end.parent.parent;
  }
  return end;
}

/** `this.f = value` or `this.f ??= value` (also `this.state.f`): the field's text. Not `this.f[key]`: one run per key. */
function storedIn(value: ts.Expression): string | undefined {
  const parent = value.parent;
  if (!isAssignment(parent) || parent.right !== value) return undefined;
  const field = skipOuter(parent.left);
  return isInstanceField(field) ? normalize(field.getText()) : undefined;
}

/** `this.f`, or a field of a per-instance object, `this.state.f` (a chain of names from `this`; not `this.f[key]`). */
function isInstanceField(node: ts.Expression): boolean {
  let root: ts.Expression = node;
  while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
  return root !== node && root.kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * For a call returned by a callback of `this.f.then(...)` (or `.catch`, `.finally`, also after
 * other links) whose chain is stored back in `this.f`: the field's text.
 */
function chainedOnto(call: ts.CallExpression): string | undefined {
  let callback: ts.Node = call;
  while (ts.isParenthesizedExpression(callback.parent)) callback = callback.parent;
  if (ts.isReturnStatement(callback.parent)) {
    // `() => { log(); return this.m(); }`: the chain waits for the returned run, whatever ran before it.
    const block = callback.parent.parent;
    if (!ts.isBlock(block)) return undefined;
    callback = block.parent;
  } else {
    callback = callback.parent;
  }
  if (!(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  const link = callback.parent;
  if (!ts.isCallExpression(link) || !link.arguments.includes(callback) || !ts.isPropertyAccessExpression(link.expression) || !PROMISE_CHAIN.has(link.expression.name.text)) return undefined;
  // Down the receiver to the field the link starts from.
  let receiver = skipOuter(link.expression.expression);
  while (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && PROMISE_CHAIN.has(receiver.expression.name.text)) {
    receiver = skipOuter(receiver.expression.expression);
  }
  // A field: `this.queue`, or one of a per-instance object, `this.state.queue` (as `storedIn`).
  if (!isInstanceField(receiver)) return undefined;
  const field = normalize(receiver.getText());
  return storedIn(promiseChainEnd(link)) === field ? field : undefined;
}

const PROMISE_CHAIN = new Set(["then", "catch", "finally"]);

/**
 * A call in a constructor's own body, a field initializer or a static block, outside loops and
 * nested functions: it runs once per instance (or, static, once per class).
 */
function runsOncePerInstance(call: ts.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (ts.isConstructorDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isClassStaticBlockDeclaration(node)) return true;
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isIterationStatement(node, false)) return false;
  }
  return false;
}

/** `call` sits at the top level of a module, outside loops and functions: it runs once. */
function runsOnceAtTopLevel(call: ts.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    if (ts.isSourceFile(node)) return true;
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isIterationStatement(node, false)) return false;
  }
  return false;
}

/** Whether control may leave `statement` before its end: a `return`, a `throw`, a `break` or `continue` out of it. */
function mayLeave(statement: ts.Statement): boolean {
  return mayExit(statement) || jumpsOutOf(statement);
}

/** Whether a `return` or `throw` sits anywhere in `statement` (outside nested functions). */
function mayExit(statement: ts.Statement): boolean {
  let found = ts.isReturnStatement(statement) || ts.isThrowStatement(statement);
  forEachInFunction(statement, (node) => {
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) found = true;
    return !found;
  });
  return found;
}

function exits(statement: ts.Statement, orThrows = true): boolean {
  if (ts.isReturnStatement(statement) || (orThrows && ts.isThrowStatement(statement))) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last, orThrows);
  }
  return false;
}

/**
 * A busy flag used as a lock: `if (this.busy) return; this.busy = true;` with no suspension
 * between the check and the set (before the first suspension, or after one: `await this.ready;`
 * first does not matter, the check and the set still run as one step). The guard exits whenever
 * the flag is set: `||` of flags, not `&&` (`if (this.busy && !force) return;` lets a forced call
 * through). Returns where the lock is held from (the guard's start), or +∞.
 */
function busyFlagLockStart(body: ts.ConciseBody): number {
  if (!ts.isBlock(body)) return Number.POSITIVE_INFINITY;
  const statements = body.statements;
  for (let index = 0; index < statements.length; index++) {
    const guard = statements[index];
    if (containsSuspension(guard)) continue;
    if (!ts.isIfStatement(guard) || guard.elseStatement || !exits(guard.thenStatement)) continue;
    const tested = flagsTested(guard.expression);
    for (let next = index + 1; next < statements.length; next++) {
      const statement = statements[next];
      if (containsSuspension(statement)) break;
      if (ts.isExpressionStatement(statement) && isAssignment(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const target = normalize(statement.expression.left.getText());
        // Check and set run with no suspension between them: the guard itself is inside the lock.
        if (tested.has(target) && statement.expression.right.kind === ts.SyntaxKind.TrueKeyword) return guard.getStart();
      }
    }
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Where the synchronous step that takes a busy flag at `position` starts: the first of the body's
 * statements before the guard (a statement of the body itself) that no suspension separates from
 * it. A read there runs in one step with the check and the set, so no other call can pass the
 * guard between them (the
 * Cassandra driver's `_connect`: `if (this.connected) return;` just before `if (this.connecting)
 * return fromEvent(...); this.connecting = true;`). +∞ (no lock) stays +∞.
 */
function sameStepStart(body: ts.ConciseBody, position: number): number {
  if (!ts.isBlock(body)) return position;
  const statements = body.statements;
  // Both kinds of guard are statements of the body; no statement starts at +∞ (no lock: -1).
  let index = statements.findIndex((statement) => statement.getStart() === position);
  while (index > 0 && !containsSuspension(statements[index - 1])) index--;
  return statements[index]?.getStart() ?? position;
}

/**
 * The flags a guard's condition exits on, each alone: `this.busy`, `this.busy || this.closed`
 * (not `this.busy && !force`, which lets a forced call through).
 */
function flagsTested(condition: ts.Expression): Set<string> {
  const tested = new Set<string>();
  const collect = (expression: ts.Expression): void => {
    const node = skipOuter(expression);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
      collect(node.left);
      collect(node.right);
    } else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      tested.add(normalize(node.getText()));
    }
  };
  collect(condition);
  return tested;
}

/** A function that may take a busy flag for its caller (`Analyzer.busyFlagHelper`). */
interface BusyFlagHelper {
  fn: ts.FunctionLikeDeclaration;
  body: ts.Block;
  /** A method of the caller's class, called on `this`: its `this` is the caller's. */
  method: boolean;
}

/** The flag a helper takes: where the helper sets it. */
interface BusyFlag {
  node: ts.Expression;
  method: boolean;
}

/**
 * The flag `helper`, run by `call`, takes as a lock for its caller: a guard that throws whenever
 * the flag is set, then the flag set to a value that is never false, with no `return` before the
 * set (which would hand back to the caller without the flag):
 * `#enter(method) { if (this.#busy) throw new Error(...); this.#busy = method; }` called as
 * `this.#enter("tick")`. A guard that returns does not stop the caller, and one that only logs
 * stops nothing. The value is `true`, a string or number literal that is not empty or zero, or
 * a parameter the helper never assigns, given such a literal by `call` (or by its default). The
 * flag is a variable, or a property of `this` in a method.
 */
function busyFlagHelperGuard(helper: BusyFlagHelper, call: ts.CallExpression): BusyFlag | undefined {
  const statements = helper.body.statements;
  for (let index = 0; index < statements.length; index++) {
    const guard = statements[index];
    if (mayReturn(guard)) return undefined;
    if (!ts.isIfStatement(guard) || guard.elseStatement || !alwaysThrows(guard.thenStatement)) continue;
    const tested = flagsTested(guard.expression);
    for (const statement of statements.slice(index + 1)) {
      if (ts.isExpressionStatement(statement) && isAssignment(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const { left, right } = statement.expression;
        const flag = skipOuter(left);
        const named = ts.isIdentifier(flag) || (helper.method && ts.isPropertyAccessExpression(flag) && rootOf(flag).kind === ts.SyntaxKind.ThisKeyword);
        if (named && tested.has(normalize(flag.getText())) && isTruthyArgument(right, helper.fn, call)) return { node: flag, method: helper.method };
      }
      if (mayReturn(statement)) break;
    }
  }
  return undefined;
}

function rootOf(access: ts.PropertyAccessExpression): ts.Expression {
  let node: ts.Expression = access;
  while (ts.isPropertyAccessExpression(node)) node = skipOuter(node.expression);
  return node;
}

/** `statement` throws and cannot return: `throw ...`, or a block with no `return` that ends in one. */
function alwaysThrows(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement)) return true;
  if (!ts.isBlock(statement) || mayReturn(statement)) return false;
  const last = statement.statements[statement.statements.length - 1];
  return last !== undefined && alwaysThrows(last);
}

/** A `return` sits anywhere in `statement` (outside nested functions). */
function mayReturn(statement: ts.Statement): boolean {
  let found = ts.isReturnStatement(statement);
  forEachInFunction(statement, (node) => {
    if (ts.isReturnStatement(node)) found = true;
    return !found;
  });
  return found;
}

function isTruthyConstant(value: ts.Expression): boolean {
  const node = skipOuter(value);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (ts.isStringLiteralLike(node)) return node.text !== "";
  if (ts.isNumericLiteral(node)) return Number(node.text) !== 0;
  return false;
}

/**
 * `value`, set in `helper` run by `call`, is never false: a truthy constant, or a parameter of
 * `helper` never assigned in it, which `call` gives a truthy constant (or leaves to a truthy default).
 */
function isTruthyArgument(value: ts.Expression, helper: ts.FunctionLikeDeclaration, call: ts.CallExpression): boolean {
  if (isTruthyConstant(value)) return true;
  const node = skipOuter(value);
  if (!ts.isIdentifier(node)) return false;
  const index = helper.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === node.text);
  const parameter = helper.parameters[index];
  if (!parameter || parameter.dotDotDotToken || call.arguments.slice(0, index + 1).some(ts.isSpreadElement)) return false;
  let assigned = false;
  forEachInFunction(helper.body!, (child) => {
    let target: ts.Expression | undefined;
    if (isAssignment(child)) target = child.left;
    else if (isIncrementOrDecrement(child)) target = child.operand;
    if (target && ts.isIdentifier(skipOuter(target)) && (skipOuter(target) as ts.Identifier).text === node.text) assigned = true;
    return !assigned;
  });
  if (assigned) return false;
  const argument = call.arguments[index] ?? parameter.initializer;
  return argument !== undefined && isTruthyConstant(argument);
}

/** The methods of stream options Node calls one at a time, until they hand back (`isSerializedStreamMethod`). */
const STREAM_HAND_BACK = new Set(["read", "write", "writev", "final", "transform", "flush"]);
const STREAM_CLASSES = new Set(["Readable", "Writable", "Duplex", "Transform", "PassThrough"]);
/**
 * Node's stream module, and `readable-stream`, its copy published on npm (the same classes and
 * hand-backs). Not other stream packages: `streamx`'s `read(cb)` is called again once it calls
 * back, pushed or not.
 */
const STREAM_MODULES = new Set(["stream", "node:stream", "readable-stream"]);

/**
 * Where a stream method's hand-back `call` happens for `nothingSuspendsAfter`: the call itself, or,
 * inside a function nested in `fn` (`rows.forEach((row) => readable.push(row))`, `once("drain",
 * () => callback())`), that function as written in `fn`'s body: it runs then or later, never
 * before. Undefined for a function declaration, which can run before it is written (hoisted).
 */
function handBackPoint(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): ts.Node | undefined {
  let point: ts.Node = call;
  for (let nested = enclosingFunction(call); nested && nested !== fn; nested = enclosingFunction(nested)) {
    if (ts.isFunctionDeclaration(nested)) return undefined;
    point = nested;
  }
  return point;
}

/**
 * After `call` (a call, or a function that calls back) nothing suspends until `body` (a function's
 * body) returns: no suspension later in its statement, none in the statements after it up to a
 * `return` or `throw` at any level out, none in the `finally` blocks passed, and no loop around it
 * (a loop may come back to one).
 */
function nothingSuspendsAfter(call: ts.Node, body: ts.Block): boolean {
  let statement: ts.Node = call;
  while (!isStatementNode(statement)) statement = statement.parent;
  let suspendsLater = false;
  walkTree(statement, (node) => {
    if (ts.isFunctionLike(node)) return false;
    if (isSuspension(node) && (node.getEnd() > call.getEnd() || isAncestorOrSelf(node, call)) && !isAncestorOrSelf(call, node)) suspendsLater = true;
    return !suspendsLater;
  });
  if (suspendsLater) return false;
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  for (let node: ts.Node = statement; node !== body; node = node.parent) {
    const parent = node.parent;
    if (ts.isBlock(parent)) {
      for (const next of parent.statements.slice(parent.statements.indexOf(node as ts.Statement) + 1)) {
        if (containsSuspension(next)) return false;
        if (ts.isReturnStatement(next) || ts.isThrowStatement(next)) return true;
      }
    } else if (ts.isTryStatement(parent)) {
      if (parent.finallyBlock && node !== parent.finallyBlock && containsSuspension(parent.finallyBlock)) return false;
    } else if (!ts.isIfStatement(parent) && !ts.isCatchClause(parent) && !ts.isLabeledStatement(parent)) {
      return false; // a loop, a switch, or anything else
    }
  }
  return true;
}

function isStatementNode(node: ts.Node): boolean {
  return ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isIfStatement(node) || ts.isVariableStatement(node) || ts.isThrowStatement(node) || ts.isBlock(node);
}

function containsSuspension(node: ts.Node): boolean {
  if (isSuspension(node)) return true;
  let found = false;
  forEachInFunction(node, (child) => {
    if (isSuspension(child)) found = true;
    return !found;
  });
  return found;
}

function isSideEffectFree(node: ts.Expression): boolean {
  const value = skipOuter(node);
  if (ts.isIdentifier(value) || value.kind === ts.SyntaxKind.ThisKeyword || ts.isLiteralExpression(value)) return true;
  if (ts.isPropertyAccessExpression(value)) return isSideEffectFree(value.expression);
  if (ts.isBinaryExpression(value)) return !isAssignmentOperator(value.operatorToken.kind) && isSideEffectFree(value.left) && isSideEffectFree(value.right);
  return false;
}

function stripNullish(type: ts.TypeNode, sourceFile: ts.SourceFile): string | undefined {
  const parts = ts.isUnionTypeNode(type) ? [...type.types] : [type];
  const kept = parts.filter(
    (part) =>
      part.kind !== ts.SyntaxKind.UndefinedKeyword &&
      !(ts.isLiteralTypeNode(part) && part.literal.kind === ts.SyntaxKind.NullKeyword),
  );
  if (kept.length === 0) return undefined;
  return kept.map((part) => sourceFile.text.slice(part.getStart(sourceFile), part.getEnd())).join(" | ");
}

interface Check {
  node: ts.Node;
  key: string;
  parameterRooted: boolean;
  /** Only tested for being there (`!this.conn`, `x === undefined`, `cache.has(k)`), not compared to a value. */
  presence: boolean;
  /** The condition holding means the value is absent (`!this.conn`, `x === undefined`, `!cache.has(k)`). */
  absentWhenTrue: boolean;
  /** For `C.has(K)`-style checks: the key text. */
  collectionKey?: string;
}

/** A finding recorded by a detector, reported by `FunctionState.flush`. */
/**
 * The function that runs an analyzed one a call at a time (`fn`); `startedAt` when it starts it
 * where it is written, once per run of its own (`void (async () => { ... })()`).
 */
interface SerializedOwner {
  readonly fn: ts.FunctionLikeDeclaration;
  readonly startedAt?: ts.CallExpression;
}

interface Pending {
  write: ts.Node;
  messageId: keyof typeof messages;
  data: Record<string, string>;
  read: ts.Node;
  suspension: ts.Node;
  fixes: Fix[];
  guarded: readonly ts.Node[];
}

/** What is known about one async function while its detectors run. */
class FunctionState {
  private readonly reported = new Set<ts.Node>();
  private readonly scopeCache = new Map<ts.Node, ReturnType<RuleContext<SharedStateOptions>["types"]["variableScope"]>>();

  constructor(
    readonly fn: ts.FunctionLikeDeclaration,
    private readonly context: RuleContext<SharedStateOptions>,
    private readonly lockedFrom: number,
    /** A function that runs this one a call at a time: its locals are not shared between those calls. */
    private readonly serializedOwner?: SerializedOwner,
  ) {}

  private readonly pending: Pending[] = [];

  /**
   * Records a finding at `write`. `guarded`: for a check-then-act, the statements the check
   * guards; other findings after the same suspension inside them are the same race (`flush`).
   */
  report(
    write: ts.Node,
    messageId: keyof typeof messages,
    data: Record<string, string>,
    read: ts.Node,
    suspension: ts.Node,
    fixes: Fix[] = [],
    guarded: readonly ts.Node[] = [],
  ): void {
    if (this.reported.has(write) || read.getStart() >= this.lockedFrom) return;
    this.reported.add(write);
    this.pending.push({ write, messageId, data, read, suspension, fixes, guarded });
  }

  /**
   * Reports the recorded findings, one per race: the writes after one `await` under one check
   * (`if (!this.raw) { const c = await create(); this.raw = c; this.rawReady = true; }`, or a
   * read-modify-write under a check that another write after the same `await` acts on) are one
   * race that concurrent calls enter together. It is reported once, at its first lost update, or
   * at its first write when all only duplicate an initialization, with the fixes of that write
   * and the other writes as related locations.
   */
  flush(): void {
    const grouped = new Set<Pending>();
    const groups: Pending[][] = [];
    for (const finding of this.pending) {
      if (finding.guarded.length === 0 || grouped.has(finding)) continue;
      const group = this.pending.filter(
        (other) => other === finding || (!grouped.has(other) && other.suspension === finding.suspension && finding.guarded.some((node) => isAncestorOrSelf(node, other.write))),
      );
      for (const member of group) grouped.add(member);
      groups.push(group);
    }
    for (const finding of this.pending) if (!grouped.has(finding)) groups.push([finding]);
    const byPosition = (a: Pending, b: Pending) => a.write.getStart() - b.write.getStart();
    const leaders = groups.map((group) => {
      const sorted = [...group].sort(byPosition);
      const leader = sorted.find((finding) => !LOWER_SEVERITY.includes(finding.messageId)) ?? sorted[0];
      return { leader, others: sorted.filter((finding) => finding !== leader) };
    });
    for (const { leader, others } of leaders.sort((a, b) => byPosition(a.leader, b.leader))) {
      this.context.report({
        node: leader.write,
        messageId: (ts.isYieldExpression(leader.suspension) && AT_YIELD[leader.messageId]) || leader.messageId,
        data: { ...leader.data, suspension: suspensionKeyword(leader.suspension), Suspension: ts.isYieldExpression(leader.suspension) ? "Yield" : "Await" },
        related: [
          { node: leader.read, message: `The value is read here, before the \`${suspensionKeyword(leader.suspension)}\`.` },
          { node: leader.suspension, message: "Other calls can run here, while this one waits." },
          ...others.map((other) => ({
            node: other.write,
            message: `\`${other.data.target}\` is also written here, after the same \`${suspensionKeyword(leader.suspension)}\` and check: the same race, reported once.`,
          })),
        ],
        fixes: leader.fixes,
      });
    }
  }

  /**
   * The shared location an expression denotes, or undefined for locals and anything else.
   * Shared: outer-scope `let`/`var` variables, `this.*`, properties of outer-scope objects, and
   * properties of parameters (the same property must then be read and written to be reported).
   */
  locationOf(expression: ts.Expression): Location | undefined {
    const node = skipOuter(expression);
    if (ts.isIdentifier(node)) {
      const scope = this.scopeOf(node);
      return scope && scope.scope === "outside" && !scope.isConst && !this.isLocalOfSerializedOwner(node, false) ? { key: node.text } : undefined;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      let root: ts.Expression = node;
      while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
      if (ts.isElementAccessExpression(node) && !isSimpleKey(node.argumentExpression)) return undefined;
      const key = normalize(node.getText());
      if (root.kind === ts.SyntaxKind.ThisKeyword) return { key };
      if (!ts.isIdentifier(root)) return undefined;
      const scope = this.scopeOf(root);
      if (!scope) return undefined;
      if (scope.scope === "outside") return this.isLocalOfSerializedOwner(root, true) ? undefined : { key };
      if (scope.isParameter && this.context.options.checkParameters) return { key };
      // A local alias of shared state (`const options = this.options; options.ca = ...`, or a
      // `let` never assigned again) writes the shared object: the location is the aliased path.
      const aliased = this.aliasOf(root);
      if (aliased && (scope.isConst || !this.isReassigned(root))) return { key: aliased + key.slice(root.text.length) };
      return undefined;
    }
    return undefined;
  }

  private readonly aliasing = new Set<ts.Node>();

  /**
   * Whether a variable of this function is assigned anywhere in it after its declaration
   * (`x = ...`, `[x] = ...`, `for (x of ...)`, `x++`), nested functions included: a `let` that is
   * may hold another object than its initializer's.
   */
  private isReassigned(identifier: ts.Identifier): boolean {
    const variable = this.context.types.variableOf(identifier);
    if (!variable) return true;
    let assigned = false;
    walkTree(this.fn, (node) => {
      if (assigned) return false;
      if (!ts.isIdentifier(node) || node.text !== identifier.text) return true;
      const parent = node.parent;
      const counted = isIncrementOrDecrement(parent);
      if ((counted || isAssignmentTarget(node)) && this.context.types.variableOf(node) === variable) assigned = true;
      return !assigned;
    });
    return assigned;
  }

  /**
   * For `const local = <shared object path>` (`this.options`, `this.rows[index]`): that path's key.
   * Also `const self = this`: `this`, so `self.count` is the field `this.count`.
   */
  private aliasOf(identifier: ts.Identifier): string | undefined {
    const declaration = this.context.types.variableDeclarationOf(identifier);
    const initializer = declaration?.initializer && skipOuter(declaration.initializer);
    if (!declaration || !initializer || this.aliasing.has(declaration)) return undefined;
    if (initializer.kind === ts.SyntaxKind.ThisKeyword) return "this";
    if (!(ts.isPropertyAccessExpression(initializer) || ts.isElementAccessExpression(initializer) || ts.isIdentifier(initializer))) return undefined;
    this.aliasing.add(declaration);
    try {
      return this.collectionOf(initializer)?.key;
    } finally {
      this.aliasing.delete(declaration);
    }
  }

  /** `this`, or a local alias of it (`const self = this`, or a `let` never assigned again): `self.conn` is the field `this.conn`. */
  isThis(expression: ts.Expression): boolean {
    const node = skipOuter(expression);
    if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (!ts.isIdentifier(node)) return false;
    const scope = this.scopeOf(node);
    return scope?.scope === "inside" && this.aliasOf(node) === "this" && (scope.isConst || !this.isReassigned(node));
  }

  /** Whether an access path starts at a parameter of this function (`ctx.state.x`). */
  isParameterRooted(expression: ts.Expression): boolean {
    let root = skipOuter(expression);
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
    if (!ts.isIdentifier(root)) return false;
    const scope = this.scopeOf(root);
    return scope !== undefined && scope.scope === "inside" && scope.isParameter;
  }

  /**
   * A shared collection: like `locationOf`, but a `const` binding's object is still mutable; also
   * `this` itself, in a class that extends `Map` or `Set` (`this.has(key)`, `this.set(key, ...)`).
   */
  collectionOf(expression: ts.Expression): Location | undefined {
    const node = skipOuter(expression);
    if (node.kind === ts.SyntaxKind.ThisKeyword) return { key: "this" };
    if (ts.isIdentifier(node)) {
      const scope = this.scopeOf(node);
      return scope && scope.scope === "outside" && !this.isLocalOfSerializedOwner(node, true) ? { key: node.text } : undefined;
    }
    return this.locationOf(node);
  }

  /**
   * A variable declared in the function that runs this one a call at a time (a `let` flag; with
   * `fresh`, only a `const` holding an object created there: `new Set()`, `{ ... }`, `[]`).
   */
  private isLocalOfSerializedOwner(identifier: ts.Identifier, fresh: boolean): boolean {
    const owner = this.serializedOwner?.fn;
    if (!owner) return false;
    const startedAt = this.serializedOwner?.startedAt;
    // Run once per run of the owner, this function has the owner's parameters to itself too.
    const declaration = this.context.types.variableDeclarationOf(identifier) ?? (startedAt ? this.context.types.parameterDeclarationOf(identifier) : undefined);
    if (!declaration || !isAncestorOrSelf(owner, declaration) || isAncestorOrSelf(this.fn, declaration)) return false;
    if (startedAt && !this.onlyThisRunUses(identifier, owner, startedAt, fresh)) return false;
    if (!fresh) return true;
    // A parameter's object is the caller's: only an object the owner creates is its own.
    const initializer = declaration.initializer && skipOuter(declaration.initializer);
    return (
      ts.isVariableDeclaration(declaration) &&
      isConstDeclaration(declaration) &&
      initializer !== undefined &&
      (ts.isObjectLiteralExpression(initializer) || ts.isArrayLiteralExpression(initializer) || ts.isNewExpression(initializer))
    );
  }

  /**
   * For a function run once per run of `owner` where it is written (at `startedAt`): nothing else
   * in the owner writes the owner's variable while this run may wait, neither the owner's code
   * after the start, nor another function (a second run started beside this one, a listener);
   * writes in the owner's own body before the start are done by then. With `fresh` (its object's
   * contents) nothing else uses it at all: whoever else holds the object can change it.
   */
  private onlyThisRunUses(identifier: ts.Identifier, owner: ts.Node, startedAt: ts.CallExpression, fresh: boolean): boolean {
    const variable = this.context.types.variableOf(identifier);
    if (!variable) return false;
    let other = false;
    walkTree(owner, (node) => {
      if (other || node === this.fn) return false;
      if (!ts.isIdentifier(node) || node.text !== identifier.text || this.context.types.variableOf(node) !== variable) return true;
      if ((ts.isVariableDeclaration(node.parent) || ts.isParameter(node.parent)) && node.parent.name === node) return true;
      const done = enclosingFunction(node) === owner && node.getEnd() <= startedAt.getStart();
      if (fresh || (!done && (isIncrementOrDecrement(node.parent) || isAssignmentTarget(node)))) other = true;
      return !other;
    });
    return !other;
  }

  private scopeOf(identifier: ts.Identifier) {
    if (!this.scopeCache.has(identifier)) this.scopeCache.set(identifier, this.context.types.variableScope(identifier, this.fn));
    return this.scopeCache.get(identifier);
  }

  /** The first suspension point inside `node` (in evaluation order), outside nested functions. */
  firstSuspension(node: ts.Node): ts.Node | undefined {
    let found: ts.Node | undefined;
    const walk = (current: ts.Node): void => {
      if (found || ts.isFunctionLike(current) || ts.isClassLike(current)) return;
      ts.forEachChild(current, walk);
      // An await's operand is evaluated before the function suspends.
      if (!found && isSuspension(current)) found = current;
    };
    walk(node);
    return found;
  }

  /** The suspension points inside `node`, in evaluation order, outside nested functions. */
  suspensionsIn(node: ts.Node): ts.Node[] {
    const found: ts.Node[] = [];
    const walk = (current: ts.Node): void => {
      if (ts.isFunctionLike(current) || ts.isClassLike(current)) return;
      ts.forEachChild(current, walk);
      if (isSuspension(current)) found.push(current);
    };
    walk(node);
    return found;
  }

  /**
   * A read of the location `key` inside `node` that is evaluated before `suspension` on the same
   * path: a read in the other branch of a conditional (`x = cond ? x : await f()`) is not.
   */
  readBefore(node: ts.Node, key: string, suspension: ts.Node): ts.Node | undefined {
    let found: ts.Node | undefined;
    // `await E` suspends after evaluating E: reads inside E happen before, reads after it later.
    const end = suspension.getEnd();
    const walk = (current: ts.Node): void => {
      if (found || ts.isFunctionLike(current) || ts.isClassLike(current)) return;
      if (current.getStart() >= end && !isAncestorOrSelf(current, suspension)) return;
      if ((ts.isIdentifier(current) || ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) && current.getEnd() <= end) {
        // Compare locations, not text: an alias (`options.x` for `this.options.x`) reads the same state.
        if (this.locationOf(current)?.key === key && !inOtherBranches(current, suspension)) {
          found = current;
          return;
        }
      }
      ts.forEachChild(current, walk);
    };
    walk(node);
    return found;
  }

  /**
   * `C.get(K)` (or `has`) of the given collection and key inside `node` (a `set`'s value),
   * evaluated before `suspension`, which lies inside `node`. `node` itself is never that read: a
   * call ends with its `)`, after any suspension inside it.
   */
  collectionReadBefore(node: ts.Node, collection: string, key: string, suspension: ts.Node): ts.Node | undefined {
    let found: ts.Node | undefined;
    const end = suspension.getEnd();
    forEachInFunction(node, (current) => {
      if (found || current.getStart() >= end) return false;
      const read = collectionCall(this.context.types, current, COLLECTION_READS);
      if (read && read.key === key && normalize(read.collection.getText()) === collection && !inOtherBranches(current, suspension)) found = current;
      return !found;
    });
    return found;
  }

  /** Reads of shared locations inside an initializer (`const v = this.count`). */
  sharedReadsIn(node: ts.Node): Read[] {
    const reads: Read[] = [];
    const value = skipOuter(node as ts.Expression);
    const consider = (current: ts.Node) => {
      if (ts.isIdentifier(current) || ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
        // Only the outermost access: `this.a.b` is one read of `this.a.b`; but a method's receiver
        // is read whole (`this.items.slice()` copies `this.items`), and a variable called is read
        // (`handle(event)`, a shared state machine's current handler), not the method itself.
        const parent = current.parent;
        const isReceiver = ts.isPropertyAccessExpression(parent) && parent.expression === current && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
        if (((ts.isPropertyAccessExpression(parent) && parent.expression === current) || (ts.isElementAccessExpression(parent) && parent.expression === current)) && !isReceiver) return;
        if (ts.isCallExpression(parent) && parent.expression === current && !ts.isIdentifier(current)) return;
        if (ts.isPropertyAccessExpression(parent) && parent.name === current) return;
        const location = this.locationOf(current);
        if (location) reads.push({ node: current, key: location.key });
      }
    };
    if (ts.isAwaitExpression(value)) return reads; // `const v = await x`: a fresh value
    consider(value);
    forEachInFunction(value, (current) => {
      if (isSuspension(current)) return false;
      consider(current);
      return true;
    });
    return reads;
  }

  /**
   * The shared objects a read of a part of them lies in, innermost first: `this.options` for
   * `this.options.host`, `this.config.server` and `this.config` for `this.config.server.host`.
   */
  enclosingLocations(read: ts.Node): Location[] {
    const found: Location[] = [];
    for (let node = skipOuter(read as ts.Expression); ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node); ) {
      node = skipOuter(node.expression);
      const location = this.locationOf(node);
      if (location) found.push(location);
    }
    return found;
  }

  /**
   * After `read`: an await, then a write to `read.key` whose value uses `local`; no own write between.
   * `part`: `local` holds a part of `read.key` (`const host = this.options.host`), and only a
   * replacement of the whole (`this.options = ...`) that stores that stale part counts (see `storesPart`).
   */
  findWriteUsing(read: Read, local: ts.Identifier, variable: object, part = false): { node: ts.Node; suspension: ts.Node } | undefined {
    let suspension: ts.Node | undefined;
    let result: { node: ts.Node; suspension: ts.Node } | undefined;
    let ownWriteBeforeSuspension = false;
    const readEnd = read.node.getEnd();
    forEachInFunction(this.fn.body!, (node) => {
      if (result || ownWriteBeforeSuspension) return false;
      if (node.getEnd() <= readEnd) return false;
      if (isSuspension(node) && node.getStart() >= readEnd) suspension ??= node;
      const writtenKey = this.writtenKey(node);
      if (writtenKey === read.key && node.getStart() > readEnd) {
        // The await may sit in the write itself: `this.count = v + await f()`.
        const waited = suspension ?? (isAssignment(node) ? this.firstSuspension(node.right) : undefined);
        if (!waited) {
          ownWriteBeforeSuspension = true;
          return false;
        }
        const uses = part ? isAssignment(node) && this.storesPart(node, read.key, local, variable) : this.valueUses(node, local, variable);
        if (uses && !this.isTokenValidated(node, read.node, waited)) result = { node, suspension: waited };
        return true;
      }
      // The local itself reassigned: the copy is no longer the snapshot.
      if (isAssignment(node) && ts.isIdentifier(skipOuter(node.left)) && (skipOuter(node.left) as ts.Identifier).text === local.text) ownWriteBeforeSuspension = true;
      return true;
    });
    return result;
  }

  /** The key written by an assignment or a collection mutation. */
  private writtenKey(node: ts.Node): string | undefined {
    if (isAssignment(node)) return this.locationOf(node.left)?.key;
    if (isIncrementOrDecrement(node)) {
      return this.locationOf(node.operand)?.key;
    }
    return undefined;
  }

  /**
   * Whether `write` replaces the object `whole` (`whole = value`) with a value built from `local`,
   * a copy of one of its parts read before the `await`: `this.options = { host, port }`, or
   * computed from it, `this.state = { ...this.state, items: [...items, ...more] }`. Not when the
   * part only goes into a call (`this.user = await fetchUser(id)`: an object found again by its
   * identity, the same one for every call), nor when a value that reads `whole` again only copies
   * the part back as it was (`this.options = { ...this.options, host, port }`: the fields this call
   * did not change are current, and a part kept as it was is mostly one that never changes, a
   * host or an id). A compound write (`this.text += length > 0 ? "\n" + line : line`, `??=`, `||=`)
   * stores its value the same way (`this.session ??= { user, ... }` puts back a stale `user`).
   * An update (`this.count++`) stores no part.
   */
  private storesPart(write: ts.BinaryExpression, whole: string, local: ts.Identifier, variable: object): boolean {
    const value = write.right;
    let copied = false;
    let computed = false;
    let readsAgain = false;
    const consider = (node: ts.Node) => {
      if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && this.locationOf(node)?.key === whole) readsAgain = true;
      if (!ts.isIdentifier(node) || node.text !== local.text || this.context.types.variableOf(node) !== variable) return;
      const use = partUse(node, value);
      if (use === "computed") computed = true;
      else if (use === "copied") copied = true;
    };
    consider(value);
    forEachInFunction(value, (node) => {
      consider(node);
      return true;
    });
    return computed || (copied && !readsAgain);
  }

  private valueUses(write: ts.Node, local: ts.Identifier, variable: object): boolean {
    const value = isAssignment(write) ? write.right : undefined;
    if (!value) return false;
    let uses = false;
    const check = (node: ts.Node) => {
      if (ts.isIdentifier(node) && node.text === local.text && this.context.types.variableOf(node) === variable) uses = true;
    };
    check(value);
    forEachInFunction(value, (node) => {
      check(node);
      return !uses;
    });
    return uses;
  }

  /** Locations a condition tests: `!this.conn`, `x === undefined`, `flag`, `cache.has(k)`. */
  checksIn(condition: ts.Expression): Check[] {
    const checks: Check[] = [];
    // `presence`: the value is only tested for being there (truthiness, `== null`, `=== undefined`).
    // `negated`: the condition holds when the value is absent (`!x`, `x === undefined`).
    const visit = (expression: ts.Expression, presence: boolean, negated = false): void => {
      const node = skipOuter(expression);
      if (ts.isPrefixUnaryExpression(node)) {
        if (node.operator === ts.SyntaxKind.ExclamationToken) return visit(node.operand, presence, !negated);
        // `~x` is 0 only for -1: `!~this.selected` tests an index for its -1 sentinel, the idiom's
        // "unset", as `!this.conn` tests for undefined. (`~list.indexOf(id)` stays a comparison:
        // `indexOf` is no presence test, see below.)
        if (node.operator === ts.SyntaxKind.TildeToken) return visit(node.operand, presence, negated);
        // `-x`, `+x` (`+"0"` is 0), `++this.attempts`: the operand's value is tested.
        return visit(node.operand, false, negated);
      }
      if (ts.isBinaryExpression(node)) {
        const operator = node.operatorToken.kind;
        if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
          visit(node.left, presence, negated);
          visit(node.right, presence, negated);
          return;
        }
        // A condition that assigns (`(this.job = next()) !== undefined`) tests the value it stores.
        if (isAssignmentOperator(operator) || operator === ts.SyntaxKind.CommaToken) return;
        // Any other operator compares or computes with its operands' values (`===`, `<`, `>=`,
        // `instanceof`, `in`, `??`, `+`): each is tested, for presence only in `== null`,
        // `=== undefined` and the like.
        const equality =
          operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
          operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
          operator === ts.SyntaxKind.EqualsEqualsToken ||
          operator === ts.SyntaxKind.ExclamationEqualsToken;
        const nullish = equality && (isClearingValue(node.left) || isClearingValue(node.right));
        const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
        visit(node.left, presence && nullish, equal !== negated);
        visit(node.right, presence && nullish, equal !== negated);
        return;
      }
      const read = collectionCall(this.context.types, node, COLLECTION_READS);
      if (read) {
        const collection = this.collectionOf(read.collection);
        const tested = presence && read.method !== "indexOf";
        if (collection) checks.push({ node, key: collection.key, collectionKey: read.key, parameterRooted: this.isParameterRooted(read.collection), presence: tested, absentWhenTrue: negated });
        return;
      }
      if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const location = this.locationOf(node);
        if (location) checks.push({ node, key: location.key, parameterRooted: this.isParameterRooted(node), presence, absentWhenTrue: negated });
      }
    };
    visit(condition, true);
    return checks;
  }

  /**
   * Whether a write after a presence check stores a fresh value every call computes on its own:
   * `this.x = await load()`, `initialized = true`, `cache.set(k, await fetch(k))`, `seen.add(id)`, `seen.set(id)`
   * (not `++`, `+=`, `push`, or a value that reads the checked location again).
   */
  isFreshInitialization(write: ts.Node, check: Check): boolean {
    let value: ts.Expression | undefined;
    if (check.collectionKey === undefined) {
      if (!isAssignment(write) || write.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
      value = write.right;
    } else {
      const call = collectionCall(this.context.types, write, new Set(["set", "add"]));
      if (!call) return false;
      value = call.method === "set" ? (write as ts.CallExpression).arguments[1] : undefined;
    }
    if (!value) return true;
    let reads = false;
    const consider = (node: ts.Node) => {
      if (check.collectionKey !== undefined) {
        const read = collectionCall(this.context.types, node, COLLECTION_READS);
        if (read && this.collectionOf(read.collection)?.key === check.key) reads = true;
      } else if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && this.locationOf(node)?.key === check.key) {
        reads = true;
      }
    };
    consider(value);
    forEachInFunction(value, (node) => {
      consider(node);
      return !reads;
    });
    return !reads;
  }

  /** In the guarded statements: a suspension, then a write to the checked location; no own write before the suspension. */
  findCheckedWrite(check: Check, guarded: readonly ts.Node[]): { write: ts.Node; suspension: ts.Node } | undefined {
    let suspension: ts.Node | undefined;
    let result: { write: ts.Node; suspension: ts.Node } | undefined;
    let ownWrite = false;
    const writesChecked = (node: ts.Node): boolean => {
      if (check.collectionKey !== undefined) {
        const write = collectionCall(this.context.types, node, COLLECTION_WRITES);
        // Like clearing a field, `delete` resets the entry; it does not act on the check.
        return write !== undefined && write.method !== "delete" && write.key === check.collectionKey && this.collectionOf(write.collection)?.key === check.key;
      }
      // Clearing (`= undefined`, `= null`) resets state; it does not act on the check.
      return this.writtenKey(node) === check.key && !(isAssignment(node) && isClearingValue(node.right));
    };
    const visit = (node: ts.Node): void => {
      if (result || ownWrite) return;
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      // Children first for writes: in `cache.set(k, await load(k))` the await runs before the set.
      const isWrite = writesChecked(node);
      ts.forEachChild(node, visit);
      if (result || ownWrite) return;
      // `await this.m()` whose callee writes the location before it first suspends, on every path
      // that goes on: a write of this function just before its `await` (`this.phase = "starting"`).
      if (!suspension && check.collectionKey === undefined && ts.isAwaitExpression(node) && node.getStart() > check.node.getEnd() && this.calleeWritesFirst(node, check.key)) {
        ownWrite = true;
        return;
      }
      if (isSuspension(node)) suspension ??= node;
      if (isWrite) {
        if (!suspension || suspension.getStart() < check.node.getEnd()) ownWrite = true;
        else if (!this.isRechecked(node, check, suspension) && !this.isTokenValidated(node, check.node, suspension)) result = { write: node, suspension };
      }
    };
    for (const statement of guarded) visit(statement);
    return result;
  }

  private readonly calleeWrites = new Map<ts.Node, Map<string, boolean>>();

  /**
   * `await this.m(...)` (the receiver this function's `this`) where every body the call may run
   * is an async method that writes `key` (a path on `this`) with a value that is not `undefined`
   * or `null` before it first suspends, on every path that goes on to that suspension or returns
   * (`calleeWritesBeforeSuspending`): by the time this function waits there, the location holds
   * the callee's value, as after a write of its own just before the `await`. An early `return`
   * without the write counts only when the guard of the call here rules it out (see
   * `callGuardFacts`). Hapi's `if (this.phase !== "initialized") await this._initialize();`, whose
   * `_initialize` sets `this.phase = "initializing"` before its first `await`.
   */
  private calleeWritesFirst(awaited: ts.AwaitExpression, key: string): boolean {
    if (!key.startsWith("this.")) return false;
    let byKey = this.calleeWrites.get(awaited);
    if (!byKey) this.calleeWrites.set(awaited, (byKey = new Map<string, boolean>()));
    let answer = byKey.get(key);
    if (answer === undefined) {
      answer = this.computeCalleeWritesFirst(awaited, key);
      byKey.set(key, answer);
    }
    return answer;
  }

  private computeCalleeWritesFirst(awaited: ts.AwaitExpression, key: string): boolean {
    const call = skipOuter(awaited.expression);
    if (!ts.isCallExpression(call) || call.questionDotToken || !ts.isPropertyAccessExpression(call.expression)) return false;
    if (skipOuter(call.expression.expression).kind !== ts.SyntaxKind.ThisKeyword) return false;
    // In a `try` block a callee that throws before its write lets this function go on (to a
    // `catch` or `finally`) with the location unwritten.
    for (let child: ts.Node = awaited, node = awaited.parent; node && node !== this.fn; child = node, node = node.parent) {
      if (ts.isTryStatement(node) && child === node.tryBlock) return false;
    }
    const bodies = this.context.types.projectImplementationsOf(call);
    if (!bodies || bodies.length === 0) return false;
    let facts: GuardFact[] | undefined;
    const ruledOut = (guard: ts.Expression) => provesFalse(guard, (facts ??= callGuardFacts(call, this.fn)));
    return bodies.every((body) => runsOnReceiver(body) && calleeWritesBeforeSuspending(body, key, ruledOut));
  }

  /**
   * Whether `write` runs only after a fresh check of the same state, made after `suspension` with
   * no suspension since: inside `if (!this.conn) this.conn = conn;`, after
   * `if (conn) { created.close(); return conn; }`, or as the right operand of a `&&` or `||` whose
   * left operand finds the state unset (`!this.conn && (this.conn = conn)`, `this.conn || (this.conn
   * = conn)`). The first result wins; nothing is overwritten.
   */
  private isRechecked(write: ts.Node, check: Check, suspension: ts.Node): boolean {
    const after = suspension.getEnd();
    const same = (fresh: Check) => fresh.key === check.key && fresh.collectionKey === check.collectionKey;
    const checksSame = (condition: ts.Expression) => this.checksIn(condition).some(same);
    // The left operand evaluated to `when` proves the state unset.
    const findsUnset = (condition: ts.Expression, when: boolean) =>
      knownOperands(condition, when).some((known) => this.checksIn(known.operand).some((fresh) => same(fresh) && fresh.absentWhenTrue === known.when));
    for (let child: ts.Node = write, node = write.parent; node && node !== this.fn; child = node, node = node.parent) {
      if (node.getEnd() <= after || ts.isFunctionLike(node)) return false;
      const guard = shortCircuitGuard(node, child);
      if (guard && node.getStart() >= after && findsUnset(guard.condition, guard.when)) return !this.suspendsWithin(node.getStart(), write.getEnd());
      if (ts.isIfStatement(node) && node.getStart() >= after && child !== node.expression && checksSame(node.expression)) {
        const again = this.firstSuspension(node);
        return !again || again.getStart() > write.getEnd();
      }
      if (ts.isBlock(node) || ts.isSourceFile(node)) {
        const statements = node.statements;
        for (let index = statements.indexOf(child as ts.Statement) - 1; index >= 0 && statements[index].getStart() >= after; index--) {
          const statement = statements[index];
          if (containsSuspension(statement)) return false;
          if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement) && checksSame(statement.expression)) return !this.suspendsBetween(child, write);
        }
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Tokens: `const generation = ++this.gen; ...; await x; if (generation !== this.gen) return;`

  /**
   * Whether `write` runs only after a token check made after `suspension`, with no suspension
   * since, that proves no other claimant of the token ran between `raceStart` (the stale read or
   * the check) and the write: `if (token !== this.f) return;` (or `throw`, or a `||` of such exits,
   * or `if (token === this.f) { ... }` around the write, or the write as the right operand of
   * `token === this.f && ...` or `token !== this.f || ...`), where the `const` `token` was claimed
   * before the `await` (see `isClaimedToken`). Every concurrent claimant stores a value no other
   * call holds, so of the calls whose claim-to-write windows overlap, only the latest passes.
   */
  isTokenValidated(write: ts.Node, raceStart: ts.Node, suspension: ts.Node): boolean {
    const after = suspension.getEnd();
    const validates = (condition: ts.Expression, when: boolean, guard: ts.Node) =>
      !this.suspendsWithin(guard.getStart(), write.getEnd()) &&
      tokenPairs(condition, when).some(([local, field]) => this.isClaimedToken(local, field, raceStart, suspension, condition, write));
    for (let child: ts.Node = write, node = write.parent; node && node !== this.fn; child = node, node = node.parent) {
      if (node.getEnd() <= after || ts.isFunctionLike(node)) return false;
      if (ts.isIfStatement(node) && node.getStart() >= after && child !== node.expression) {
        if (validates(node.expression, child === node.thenStatement, node)) return true;
      }
      const guard = shortCircuitGuard(node, child);
      if (guard && node.getStart() >= after && validates(guard.condition, guard.when, node)) return true;
      if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
        const statements = node.statements;
        for (let index = statements.indexOf(child as ts.Statement) - 1; index >= 0 && statements[index].getStart() >= after; index--) {
          const statement = statements[index];
          if (containsSuspension(statement)) return false;
          if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement) && validates(statement.expression, false, statement)) return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether `local` (a `const` of this function) is a token of `field` that the guard can trust:
   * - claimed before `suspension`: `const token = ++this.gen` (or `this.gen += 1`, `this.gen =
   *   new Token()`); `const token = {}` (`new AbortController()`, `Symbol()`, `++counter`) stored
   *   as `this.current = token`; or `this.gen++;` then `const token = this.gen;` with no
   *   suspension between. The latest claimant holds the field, every earlier one fails the check.
   * - or read before `suspension` (`const version = this.version`) and bumped right after the
   *   guard, with no suspension between (`this.version++`): a compare-and-set, the first call
   *   to get there bumps the field and every other one fails the check.
   * The claim (or read) must be before the stale read or check, or follow it with no suspension
   * between: a token taken after another call could already have written leaves that write unseen.
   * - or a parameter that every caller claimed before the call (`isClaimedParameter`).
   */
  private isClaimedToken(local: ts.Identifier, field: ts.Expression, raceStart: ts.Node, suspension: ts.Node, condition: ts.Expression, write: ts.Node): boolean {
    const key = this.locationOf(field)?.key;
    if (!key) return false;
    // A parameter claimed by every caller, before the call: claimed before this function's stale read.
    if (this.isClaimedParameter(local, key)) return true;
    const declaration = this.context.types.variableDeclarationOf(local);
    if (!declaration?.initializer || !isConstDeclaration(declaration) || !isAncestorOrSelf(this.fn.body!, declaration)) return false;
    const claims = this.claimsOf(declaration, key);
    if (claims.length === 0 && this.locationOf(skipOuter(declaration.initializer))?.key === key && this.bumpsAfter(condition, write, key)) {
      // A compare-and-set: the field bumped after the guard, before any suspension, on the write's path.
      claims.push(declaration);
    }
    const start = raceStart.getStart();
    return claims.some(
      (claim) => claim.getEnd() <= suspension.getStart() && (claim.getEnd() <= start || !this.suspendsWithin(start, claim.getStart())),
    );
  }

  /**
   * Whether the parameter `local` of this function holds a token of `key` that each call claimed
   * for itself (`const generation = ++this.gen; void this.playNext(generation);`). Only a private
   * method (TypeScript `private` or `#name`), so that every call is in its class, where each is
   * `this.m(...)` passing, at that position, a `const` of the calling function claimed there
   * (see `claimsOf`), once, outside loops; the parameter has no default and is never assigned.
   * Two runs then never share a token. A run started again with the same token (the method calls
   * itself with its parameter), a caller passing a field or an unclaimed value, and any other
   * reference to the method (a callback, `other.m(...)`) keep the finding.
   */
  private isClaimedParameter(local: ts.Identifier, key: string): boolean {
    const fn = this.fn;
    if (!ts.isMethodDeclaration(fn) || !fn.body || !ts.isClassLike(fn.parent)) return false;
    if (!(ts.isPrivateIdentifier(fn.name) || (ts.isIdentifier(fn.name) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Private) !== 0))) return false;
    const variable = this.context.types.variableOf(local);
    const parameters = argumentParameters(fn);
    const index = parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && this.context.types.variableOf(parameter.name) === variable);
    const parameter = parameters[index];
    if (!parameter || parameter.initializer || parameter.dotDotDotToken || this.assigns(fn.body, local)) return false;
    let updated = false;
    forEachInFunction(fn.body, (node) => {
      if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(skipOuter(node.operand)) && this.context.types.variableOf(skipOuter(node.operand) as ts.Identifier) === variable) updated = true;
      return !updated;
    });
    if (updated) return false;
    const name = fn.name.text;
    let calls = 0;
    let trusted = true;
    const passed = new Map<object, number>();
    const visit = (node: ts.Node): void => {
      if (!trusted) return;
      const named =
        (ts.isPropertyAccessExpression(node) && node.name.text === name) ||
        (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === name);
      if (named) {
        const call = node.parent;
        const isCall = ts.isCallExpression(call) && call.expression === node && !call.arguments.slice(0, index + 1).some(ts.isSpreadElement);
        const argument = isCall ? call.arguments[index] : undefined;
        const caller = enclosingFunction(node);
        const token = argument && skipOuter(argument);
        const tokenVariable = token && ts.isIdentifier(token) ? this.context.types.variableOf(token) : undefined;
        const declaration = token && ts.isIdentifier(token) ? this.context.types.variableDeclarationOf(token) : undefined;
        if (
          !argument ||
          !caller?.body ||
          !tokenVariable ||
          node.expression.kind !== ts.SyntaxKind.ThisKeyword ||
          !declaration ||
          !isConstDeclaration(declaration) ||
          enclosingFunction(declaration) !== caller ||
          insideLoop(call, caller) ||
          (passed.get(tokenVariable) ?? 0) > 0 ||
          !new FunctionState(caller, this.context, Number.POSITIVE_INFINITY).claimsOf(declaration, key).some((claim) => claim.getEnd() <= call.getStart())
        ) {
          trusted = false;
          return;
        }
        passed.set(tokenVariable, 1);
        calls++;
      }
      ts.forEachChild(node, visit);
    };
    visit(fn.parent);
    return trusted && calls > 0;
  }

  /**
   * Where this function claims the token `const` `declaration` for the field `key`: `const token =
   * ++this.gen` (or `this.gen += 1`, `this.gen = new Token()`); `const token = {}` (`new
   * AbortController()`, `Symbol()`, `++counter`) stored as `this.current = token`; or `this.gen++;`
   * then `const token = this.gen;` with no suspension between.
   */
  claimsOf(declaration: ts.VariableDeclaration, key: string): ts.Node[] {
    if (!declaration.initializer || !ts.isIdentifier(declaration.name)) return [];
    const variable = this.context.types.variableOf(declaration.name);
    const initializer = skipOuter(declaration.initializer);
    const claims: ts.Node[] = [];
    if (this.isFreshTokenWrite(initializer, key)) claims.push(declaration);
    else if (isFreshValue(initializer)) {
      // `const controller = new AbortController(); this.controller = controller;`
      forEachInFunction(this.fn.body!, (node) => {
        if (isAssignment(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && this.locationOf(node.left)?.key === key) {
          const value = skipOuter(node.right);
          if (ts.isIdentifier(value) && this.context.types.variableOf(value) === variable) claims.push(node);
        }
      });
    } else if (this.locationOf(initializer)?.key === key) {
      // `this.gen++; const generation = this.gen;` in one block, nothing suspending between.
      const statement = declaration.parent.parent;
      const block = statement.parent;
      if (ts.isVariableStatement(statement) && (ts.isBlock(block) || ts.isSourceFile(block))) {
        const at = block.statements.indexOf(statement);
        for (let index = at - 1; index >= 0 && !containsSuspension(block.statements[index]); index--) {
          const previous = block.statements[index];
          if (ts.isExpressionStatement(previous) && this.isFreshTokenWrite(previous.expression, key)) {
            claims.push(declaration);
            break;
          }
        }
      }
    }
    return claims;
  }

  /**
   * A statement that bumps the field `key` (`this.version++`) on the write's path, after the guard's
   * `condition` with no suspension since: in a block around the write, up to the function body
   * (`if (saved.ok) { if (this.version !== version) return; this.doc = merge(draft, saved); }
   * this.version++;`), with nothing between the write and it that may leave (`return`, `throw`, a
   * `break` or `continue` out of it). Not past a loop that suspends (a retry loop awaits again
   * before the bump) or a `switch`, nor when the write is in an `if`'s condition whose branch may
   * leave, or in a `try` whose `catch` or `finally` may.
   */
  private bumpsAfter(condition: ts.Expression, write: ts.Node, key: string): boolean {
    const from = condition.getEnd();
    for (let child: ts.Node = write, node = write.parent; node !== this.fn; child = node, node = node.parent) {
      if ((ts.isIterationStatement(node, false) && containsSuspension(node)) || ts.isCaseBlock(node) || this.leavesAfter(node, child)) return false;
      if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
        for (const statement of node.statements) {
          if (statement.getStart() < from) continue;
          if (this.suspendsWithin(from, statement.getEnd())) return false;
          if (ts.isExpressionStatement(statement) && this.isFreshTokenWrite(statement.expression, key)) return true;
          if (statement.getStart() >= write.getEnd() && mayLeave(statement)) return false;
        }
      }
    }
    return false;
  }

  /** Whether `node` runs something that may leave it after its part `child` ran: an `if`'s branches after its condition, a `try`'s `catch` or `finally`. */
  private leavesAfter(node: ts.Node, child: ts.Node): boolean {
    const after =
      ts.isIfStatement(node) && child === node.expression ? [node.thenStatement, node.elseStatement]
      : ts.isTryStatement(node) && child === node.tryBlock ? [node.catchClause?.block, node.finallyBlock]
      : ts.isTryStatement(node) && child === node.catchClause ? [node.finallyBlock]
      : [];
    return after.some((statement) => statement !== undefined && mayLeave(statement));
  }

  /** `++F`, `F++`, `F += n`, `F = F + 1`, `F = <fresh value>`, for the location `key`. */
  private isFreshTokenWrite(node: ts.Node, key: string): boolean {
    const expression = ts.isExpression(node) ? skipOuter(node) : node;
    if (isIncrementOrDecrement(expression)) {
      // `const t = this.gen++` holds the value before the bump: never equal to the field.
      return this.locationOf(expression.operand)?.key === key && (ts.isPrefixUnaryExpression(expression) || ts.isExpressionStatement(node.parent));
    }
    if (!isAssignment(expression) || this.locationOf(expression.left)?.key !== key) return false;
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusEqualsToken || operator === ts.SyntaxKind.MinusEqualsToken) return true;
    if (operator !== ts.SyntaxKind.EqualsToken) return false;
    const value = skipOuter(expression.right);
    if (isFreshValue(value)) return true;
    return (
      ts.isBinaryExpression(value) &&
      (value.operatorToken.kind === ts.SyntaxKind.PlusToken || value.operatorToken.kind === ts.SyntaxKind.MinusToken) &&
      ts.isNumericLiteral(skipOuter(value.right)) &&
      this.locationOf(value.left)?.key === key
    );
  }

  private suspensions: ts.Node[] | undefined;

  /** The suspensions of this function (outside nested functions) that start in [from, to). */
  suspensionsWithin(from: number, to: number): ts.Node[] {
    if (!this.suspensions) {
      const found: ts.Node[] = [];
      forEachInFunction(this.fn.body!, (node) => {
        if (isSuspension(node)) found.push(node);
      });
      this.suspensions = found;
    }
    return this.suspensions.filter((node) => node.getStart() >= from && node.getStart() < to);
  }

  /** Whether a suspension of this function starts in [from, to). */
  private suspendsWithin(from: number, to: number): boolean {
    return this.suspensionsWithin(from, to).length > 0;
  }

  /** The written declaration (field or module variable) an assignment target refers to. */
  declarationOf(target: ts.Expression): (ts.PropertyDeclaration | ts.VariableDeclaration) & { type?: ts.TypeNode } | undefined {
    const node = skipOuter(target);
    if (ts.isPropertyAccessExpression(node) && this.isThis(node.expression)) {
      const cls = this.enclosingClass();
      const member = cls?.members.find((candidate) => ts.isPropertyDeclaration(candidate) && (ts.isIdentifier(candidate.name) || ts.isPrivateIdentifier(candidate.name)) && candidate.name.text === node.name.text);
      return member && ts.isPropertyDeclaration(member) ? member : undefined;
    }
    if (ts.isIdentifier(node)) {
      const sourceFile = this.context.sourceFile;
      for (const statement of sourceFile.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === node.text) return declaration;
        }
      }
    }
    return undefined;
  }

  private enclosingClass(): ts.ClassLikeDeclaration | undefined {
    for (let node: ts.Node | undefined = this.fn.parent; node; node = node.parent) {
      if (ts.isClassLike(node)) return node;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Memoized promises: an awaited value that every concurrent call shares

  /**
   * Whether awaiting `expression` gives every concurrent call of this function the same value
   * because the promise is memoized: `this.p ??= load()` (or `||=`, `this.p ?? (this.p = load())`);
   * a shared slot (`this.p`, `pending.get(k)`) that this function sets only while it is unset
   * (`if (!this.p) this.p = load();`); a local holding such a slot's value; or a getter, a method
   * or a project function whose every return is one of those (one call level deep; a bare
   * `return;` beside them gives every call the same `undefined`), or a project async function
   * returning nothing that awaits only such promises (`awaitsOnlyMemoized`).
   */
  isMemoizedPromise(expression: ts.Expression, depth = 0): boolean {
    const node = skipOuter(expression);
    const assigned = this.memoAssignmentSlot(node);
    if (assigned) return this.slotIsMemoized(assigned);
    const entry = collectionCall(this.context.types, node, ENTRY_READS) && this.slotRead(node);
    if (entry) return this.slotIsMemoized(entry);
    const callee = this.memoCallee(node);
    if (callee) {
      if (depth > 0) return false;
      if (callee.returns.length > 0) return callee.returns.every((value) => callee.state.isMemoizedPromise(value, depth + 1));
      return callee.state.awaitsOnlyMemoized();
    }
    const slot = this.slotRead(node);
    if (slot) return this.slotIsMemoized(slot);
    if (ts.isIdentifier(node)) return this.localIsMemoized(node, depth);
    return false;
  }

  /**
   * An async function returning nothing that waits only for memoized promises (at least one): every
   * concurrent call of it waits for the same single run (grammY's `Bot.init()`: `this.mePromise ??=
   * getMe(); try { me = await this.mePromise; } finally { this.mePromise = undefined; }`), so a
   * caller's `if (!ready) { await bot.init(); ready = true; }` repeats no work.
   */
  awaitsOnlyMemoized(): boolean {
    const body = this.fn.body;
    if (!body || !isAsyncFunction(this.fn) || this.fn.asteriskToken) return false;
    const suspensions = this.suspensionsWithin(body.getStart(), body.getEnd());
    return suspensions.length > 0 && suspensions.every((node) => ts.isAwaitExpression(node) && this.isMemoizedPromise(node.expression, 1));
  }

  /**
   * `S ??= E`, `S ||= E`, `S ?? (S = E)`, `S || (S = E)`, and `??=` as compilers lower it
   * (`(_a = S) !== null && _a !== void 0 ? _a : (S = E)`, `loweredLogicalAssignment`): the slot S.
   */
  private memoAssignmentSlot(node: ts.Expression): Slot | undefined {
    if (ts.isConditionalExpression(node)) {
      const lowered = loweredLogicalAssignment(node);
      return lowered && this.slotRead(lowered.target);
    }
    if (!ts.isBinaryExpression(node)) return undefined;
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken) return this.slotRead(node.left);
    if (operator !== ts.SyntaxKind.QuestionQuestionToken && operator !== ts.SyntaxKind.BarBarToken) return undefined;
    const slot = this.slotRead(node.left);
    const right = skipOuter(node.right);
    if (!slot || !isAssignment(right) || right.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    const written = this.slotRead(right.left);
    return written && sameSlot(written, slot) ? slot : undefined;
  }

  /** A read of a shared location (`this.p`) or of a shared collection's entry (`pending.get(k)`). */
  private slotRead(expression: ts.Expression): Slot | undefined {
    const node = skipOuter(expression);
    const entry = collectionCall(this.context.types, node, ENTRY_READS);
    if (entry) {
      const collection = this.collectionOf(entry.collection);
      return collection && { key: collection.key, entry: entry.key };
    }
    const location = ts.isCallExpression(node) ? undefined : this.locationOf(node);
    return location && { key: location.key };
  }

  /** Whether `write` is the `S = E` of `S ?? (S = E)`, `S || (S = E)` or a lowered `S ??= E` on the slot. */
  private isShortCircuitMemo(write: ts.Node, slot: Slot): boolean {
    let outer = write.parent;
    while (ts.isParenthesizedExpression(outer) || ts.isNonNullExpression(outer) || ts.isAsExpression(outer)) outer = outer.parent;
    // A branch of a lowered `S ??= E` that writes is its `S = E` (the other branch only reads).
    if (!ts.isConditionalExpression(outer) && (!ts.isBinaryExpression(outer) || skipOuter(outer.right) !== write)) return false;
    const memoized = this.memoAssignmentSlot(outer);
    return memoized !== undefined && sameSlot(memoized, slot);
  }

  /** Whether `node` writes the slot: an assignment or update of the location, `C.set(K, ...)` of the entry. */
  private slotWrite(node: ts.Node, slot: Slot): ts.Expression | "other" | undefined {
    if (slot.entry === undefined) {
      if (this.writtenKey(node) !== slot.key) return undefined;
      return isAssignment(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? node.right : "other";
    }
    const write = collectionCall(this.context.types, node, COLLECTION_WRITES);
    if (!write || write.key !== slot.entry || this.collectionOf(write.collection)?.key !== slot.key) return undefined;
    return write.method === "set" ? ((node as ts.CallExpression).arguments[1] ?? "other") : "other";
  }

  /**
   * Every write of the slot in this function sets it only while it is unset, or clears it. A
   * collection entry must also be set here: `api.get(url)` is a call, not a cache, unless this
   * function memoizes into it.
   */
  slotIsMemoized(slot: Slot): boolean {
    let memoized = true;
    let sets = false;
    forEachInFunction(this.fn.body!, (node) => {
      if (!memoized) return false;
      const value = this.slotWrite(node, slot);
      if (value === undefined) return true;
      sets = true;
      if (isAssignment(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken || node.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken)) return true;
      // `S ?? (S = E)`, `S || (S = E)`: the assignment runs only while S is unset, like `S ??= E`.
      if (this.isShortCircuitMemo(node, slot)) return true;
      // Clearing (a reset after a failure) lets the next call start over; it never races a set.
      if (value !== "other" && isClearingValue(value)) return true;
      if (ts.isCallExpression(node) && collectionCall(this.context.types, node, new Set(["delete"]))) return true;
      // Any other write (`S = E`, a `set` with no value, a `Map` subclass's own `add(K)`) only while S is unset.
      if (!this.isGuardedByAbsence(node, slot)) memoized = false;
      return true;
    });
    return memoized && (sets || slot.entry === undefined);
  }

  /**
   * Whether `write` runs only while the slot is unset, with no suspension since the test:
   * inside `if (!S) { ... }` (or `S == null`, `!C.has(K)`, `!v` for a local `v` just read from S),
   * or after `if (S) return ...;` in the same block.
   */
  private isGuardedByAbsence(write: ts.Node, slot: Slot): boolean {
    for (let child: ts.Node = write, node = write.parent; node && node !== this.fn; child = node, node = node.parent) {
      if (ts.isFunctionLike(node)) return false;
      if (ts.isIfStatement(node) && node.thenStatement === child) {
        return this.testsSlot(node.expression, slot, "absent", node) && !this.suspendsBetween(node.thenStatement, write);
      }
      if (ts.isBlock(node) || ts.isSourceFile(node)) {
        const statements = node.statements;
        for (let index = statements.indexOf(child as ts.Statement) - 1; index >= 0; index--) {
          const statement = statements[index];
          if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement) && this.testsSlot(statement.expression, slot, "present", statement)) {
            return !statements.slice(index + 1, statements.indexOf(child as ts.Statement)).some(containsSuspension) && !this.suspendsBetween(child, write);
          }
          if (containsSuspension(statement)) return false;
        }
      }
    }
    return false;
  }

  /** Whether a suspension inside `container` is evaluated before `node`. */
  private suspendsBetween(container: ts.Node, node: ts.Node): boolean {
    const suspension = this.firstSuspension(container);
    return suspension !== undefined && suspension.getStart() < node.getStart();
  }

  /** `!S` / `S == null` / `!C.has(K)` (absent), `S` / `S != null` / `C.has(K)` (present), on the slot or on a fresh copy of it. */
  private testsSlot(condition: ts.Expression, slot: Slot, expected: "absent" | "present", guard: ts.IfStatement): boolean {
    let node = skipOuter(condition);
    let negated = false;
    while (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      negated = !negated;
      node = skipOuter(node.operand);
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      const equality = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
      const inequality = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
      if (!equality && !inequality) return false;
      const tested = isClearingValue(node.right) ? node.left : isClearingValue(node.left) ? node.right : undefined;
      if (!tested) return false;
      node = skipOuter(tested);
      if (equality) negated = !negated;
    }
    if ((negated ? "absent" : "present") !== expected) return false;
    const has = collectionCall(this.context.types, node, new Set(["has"]));
    if (has && slot.entry !== undefined) return has.key === slot.entry && this.collectionOf(has.collection)?.key === slot.key;
    const read = this.slotRead(node);
    if (read) return sameSlot(read, slot);
    return ts.isIdentifier(node) && this.isFreshCopy(node, slot, guard);
  }

  /**
   * `const v = S;` (or `let`) declared before `guard` in its block or in a block around it (through
   * blocks, `if` branches and `try` blocks: no loop or function between), with no suspension or
   * reassignment of `v` in what runs from the copy to the guard's test.
   */
  private isFreshCopy(identifier: ts.Identifier, slot: Slot, guard: ts.IfStatement): boolean {
    const declaration = this.context.types.variableDeclarationOf(identifier);
    const statement = declaration?.parent.parent;
    const container = statement?.parent;
    if (!declaration?.initializer || !statement || !ts.isVariableStatement(statement) || !container || !(ts.isBlock(container) || ts.isSourceFile(container) || ts.isCaseOrDefaultClause(container))) return false;
    const read = this.slotRead(declaration.initializer);
    if (!read || !sameSlot(read, slot) || containsSuspension(declaration.initializer)) return false;
    // What runs between: the guard's test, at each level up the statements before and the `if` tests around, then the copy's block after it.
    const between: ts.Node[] = [guard.expression];
    let child: ts.Node = guard;
    for (let node = guard.parent; node !== container; child = node, node = node.parent) {
      if (ts.isBlock(node)) between.push(...node.statements.slice(0, node.statements.indexOf(child as ts.Statement)));
      else if (ts.isIfStatement(node) && child !== node.expression) between.push(node.expression);
      else if (!(ts.isTryStatement(node) && child === node.tryBlock)) return false;
    }
    const statements = container.statements;
    const at = statements.indexOf(statement);
    const until = statements.indexOf(child as ts.Statement);
    if (at >= until) return false;
    between.push(...statements.slice(at + 1, until));
    return !between.some(containsSuspension) && !between.some((node) => this.assigns(node, identifier));
  }

  /** Whether `root` assigns the variable `identifier` refers to. */
  private assigns(root: ts.Node, identifier: ts.Identifier): boolean {
    const variable = this.context.types.variableOf(identifier);
    let found = false;
    const check = (node: ts.Node) => {
      if (isAssignment(node) && ts.isIdentifier(skipOuter(node.left)) && this.context.types.variableOf(skipOuter(node.left) as ts.Identifier) === variable) found = true;
    };
    check(root);
    forEachInFunction(root, (node) => {
      check(node);
      return !found;
    });
    return found;
  }

  private readonly resolving = new Set<ts.Node>();

  /**
   * A local of this function that holds a memoized promise: a `const` initialized with one, or
   * the in-flight-cache shape `let p = S; if (!p) { p = load(); S = p; }` (S memoized).
   */
  private localIsMemoized(identifier: ts.Identifier, depth: number): boolean {
    const declaration = this.context.types.variableDeclarationOf(identifier);
    if (!declaration?.initializer || !isAncestorOrSelf(this.fn, declaration)) return false;
    if (isConstDeclaration(declaration)) {
      // `const a = b; const b = a;` does not run, but must not loop here either.
      if (this.resolving.has(declaration)) return false;
      this.resolving.add(declaration);
      try {
        return this.isMemoizedPromise(declaration.initializer, depth);
      } finally {
        this.resolving.delete(declaration);
      }
    }
    const slot = this.slotRead(declaration.initializer);
    if (!slot || !this.slotIsMemoized(slot)) return false;
    const variable = this.context.types.variableOf(identifier);
    let memoized = true;
    forEachInFunction(this.fn.body!, (node) => {
      if (!memoized || !isAssignment(node)) return memoized;
      const target = skipOuter(node.left);
      if (!ts.isIdentifier(target) || this.context.types.variableOf(target) !== variable) return true;
      // `p = load();` (or `this.last = p = load();`) inside `if (!p)`, then stored in the slot
      // before any suspension.
      let outer: ts.Expression = node;
      while (ts.isParenthesizedExpression(outer.parent) || (isAssignment(outer.parent) && outer.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && outer.parent.right === outer)) outer = outer.parent;
      const guard = outer.parent.parent?.parent;
      const block = outer.parent.parent;
      const stored =
        ts.isExpressionStatement(outer.parent) &&
        ts.isBlock(block) &&
        guard !== undefined &&
        ts.isIfStatement(guard) &&
        guard.thenStatement === block &&
        this.testsSlot(guard.expression, slot, "absent", guard) &&
        this.storesLocal(block.statements.slice(block.statements.indexOf(outer.parent) + 1), slot, variable);
      if (!stored) memoized = false;
      // Not into its value: an assignment of the local there (`p = (p = load()).finally(...)`) is
      // overwritten by this one.
      return false;
    });
    return memoized;
  }

  /** `S = v` or `C.set(K, v)` among `statements`, before any suspension; or `S ??= v` (`||=`) while S is unset. */
  private storesLocal(statements: readonly ts.Statement[], slot: Slot, variable: ReturnType<RuleContext<SharedStateOptions>["types"]["variableOf"]>): boolean {
    for (const statement of statements) {
      if (ts.isExpressionStatement(statement)) {
        const expression = statement.expression;
        let value = this.slotWrite(expression, slot);
        // `S ??= v` where the guard found S unset and nothing suspended since: it stores v, as `S = v` does.
        if (
          value === "other" &&
          isAssignment(expression) &&
          (expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken || expression.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken) &&
          this.isGuardedByAbsence(expression, slot)
        ) {
          value = expression.right;
        }
        if (value !== undefined && value !== "other") {
          const stored = skipOuter(value);
          if (ts.isIdentifier(stored) && this.context.types.variableOf(stored) === variable) return true;
        }
      }
      if (containsSuspension(statement)) return false;
    }
    return false;
  }

  /**
   * A getter of the enclosing class (`this.connecting`) or a project function or method called
   * without a wait, with its body; undefined for anything else (a library call, a callee not known).
   */
  private memoCallee(node: ts.Expression): { state: FunctionState; returns: ts.Expression[] } | undefined {
    let target: ts.FunctionLikeDeclaration | undefined;
    if (ts.isPropertyAccessExpression(node) && this.isThis(node.expression)) {
      const getter = this.enclosingClass()?.members.find(
        (member): member is ts.GetAccessorDeclaration => ts.isGetAccessorDeclaration(member) && member.name.getText() === node.name.text,
      );
      if (!getter) return undefined;
      target = getter;
    } else if (ts.isCallExpression(node)) {
      const declaration = this.context.types.calleeTarget(node)?.declarations.find(
        (candidate) => (ts.isFunctionDeclaration(candidate) || ts.isMethodDeclaration(candidate)) && candidate.body !== undefined,
      ) as ts.FunctionDeclaration | ts.MethodDeclaration | undefined;
      if (!declaration || !this.context.types.isProjectSourceFile(declaration.getSourceFile())) return undefined;
      target = declaration;
    } else {
      return undefined;
    }
    if (!target.body) return undefined;
    // A bare `return;` (or `return undefined;`, `return null;`) gives every call the same value and
    // starts nothing: `if (this.closed) return;` before `return (this.connecting ??= connect());`.
    const returns: ts.Expression[] = [];
    forEachInFunction(target.body, (current) => {
      if (ts.isReturnStatement(current) && current.expression && !isClearingValue(current.expression)) returns.push(current.expression);
      return true;
    });
    return { state: new FunctionState(target, this.context, Number.POSITIVE_INFINITY), returns };
  }

  /** A name not used anywhere in the function. */
  freshName(base: string): string {
    const text = this.fn.getText();
    let name = base;
    for (let index = 2; new RegExp(`\\b${name}\\b`).test(text); index++) name = `${base}${index}`;
    return name;
  }
}

/**
 * `base`, or `base2`, `base3`, ... : the first that appears nowhere in `text` as a name (a field or
 * variable the fix declares must not collide with one the file already has: `cachePending` taken
 * gives `cachePending2`). `#x` and `x` are different names.
 */
function nameFreeIn(text: string, base: string): string {
  const taken = (name: string) => new RegExp(`(?<![\\w$#])${name.replace(/[$#]/g, "\\$&")}(?![\\w$])`).test(text);
  let name = base;
  for (let index = 2; taken(name); index++) name = `${base}${index}`;
  return name;
}

/**
 * The (local, field) pairs a condition proves equal when it evaluates to `when`: `t === F` when
 * true, `t !== F` when false, through `!`, `&&` (when true) and `||` (when false). Which side is
 * the local and which the field is decided by the caller.
 */
function tokenPairs(condition: ts.Expression, when: boolean): [ts.Identifier, ts.Expression][] {
  const node = skipOuter(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return tokenPairs(node.operand, !when);
  if (!ts.isBinaryExpression(node)) return [];
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return when ? [...tokenPairs(node.left, true), ...tokenPairs(node.right, true)] : [];
  if (operator === ts.SyntaxKind.BarBarToken) return when ? [] : [...tokenPairs(node.left, false), ...tokenPairs(node.right, false)];
  const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
  const unequal = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
  if (!(equal && when) && !(unequal && !when)) return [];
  const left = skipOuter(node.left);
  const right = skipOuter(node.right);
  const pairs: [ts.Identifier, ts.Expression][] = [];
  if (ts.isIdentifier(left)) pairs.push([left, right]);
  if (ts.isIdentifier(right)) pairs.push([right, left]);
  return pairs;
}

/** A value no other evaluation produces: `new X()`, `{}`, `[]`, `Symbol()`, `++counter`. */
function isFreshValue(node: ts.Expression): boolean {
  const value = skipOuter(node);
  if (ts.isNewExpression(value) || ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value)) return true;
  if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === "Symbol") return true;
  return ts.isPrefixUnaryExpression(value) && (value.operator === ts.SyntaxKind.PlusPlusToken || value.operator === ts.SyntaxKind.MinusMinusToken);
}

/** The awaited call (`await reduce(this.state, action)`) when `read` is one of its inputs: an argument or the receiver. */
function inputCall(read: ts.Node, suspension: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
  if (!ts.isAwaitExpression(suspension)) return undefined;
  const operand = skipOuter(suspension.expression);
  if (!(ts.isCallExpression(operand) || ts.isNewExpression(operand)) || !isAncestorOrSelf(operand, read)) return undefined;
  for (let node = read.parent; node !== operand; node = node.parent) if (ts.isFunctionLike(node)) return undefined;
  return operand;
}

/** The nearest function around `node` (not `node` itself). */
function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current as ts.FunctionLikeDeclaration;
  }
  return undefined;
}

/** `await reference(...)`, with the `await` in `owner`'s own body (not in a function nested in it). */
function isAwaitedCall(reference: ts.Identifier, owner: ts.Node): boolean {
  const call = reference.parent;
  if (!ts.isCallExpression(call) || call.expression !== reference) return false;
  let outer: ts.Node = call;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  return ts.isAwaitExpression(outer.parent) && enclosingFunction(outer.parent) === owner;
}

/** Whether `node` sits in a loop of `fn` (not counting loops around `fn`). */
function insideLoop(node: ts.Node, fn: ts.Node): boolean {
  for (let current = node.parent; current !== fn; current = current.parent) {
    if (ts.isIterationStatement(current, false)) return true;
  }
  return false;
}

/**
 * A `let` or `var` that nothing writes after its initializer, nested functions included (`=`, a
 * compound assignment, `++`/`--`, a destructuring or `for ... of` target): it holds its first
 * value, as a `const` does.
 */
function neverWrittenAgain(types: TypeOracle, declaration: ts.VariableDeclaration): boolean {
  if (!ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name;
  const variable = types.variableOf(name);
  // A `let`: the block, function body or file holding the statement; a `var`: its whole function.
  let scope = declaration.parent.parent.parent as ts.Node | undefined;
  if ((declaration.parent.flags & ts.NodeFlags.BlockScoped) === 0) while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!variable || !scope) return false;
  let written = false;
  walkTree(scope, (node) => {
    if (written) return false;
    if (!ts.isIdentifier(node) || node === name || node.text !== name.text || types.variableOf(node) !== variable) return true;
    const parent = node.parent;
    const counted = isIncrementOrDecrement(parent);
    if (isAssignmentTarget(node) || counted) written = true;
    return true;
  });
  return !written;
}

function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The operators of an arithmetic key (`isSimpleKey`). */
const KEY_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
]);

/**
 * A key that names one entry the same way at each evaluation: a name, a literal, `req.id`, a
 * template built from such keys (`${user}:${scope}`), or arithmetic on them (`y * this.width + x`,
 * `prefix + id`). Not a call (`this.slots[next()]`), an update (`i++`) or other expression: those
 * stay untracked.
 */
function isSimpleKey(node: ts.Expression): boolean {
  if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => isSimpleKey(span.expression));
  if (ts.isParenthesizedExpression(node)) return isSimpleKey(node.expression);
  if (ts.isBinaryExpression(node)) return KEY_OPERATORS.has(node.operatorToken.kind) && isSimpleKey(node.left) && isSimpleKey(node.right);
  return ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isPropertyAccessExpression(node);
}

// ---------------------------------------------------------------------------------------------
// A callee's writes before its first suspension (`FunctionState.calleeWritesFirst`)

/** An operand whose truth value is known where a call runs (`callGuardFacts`). */
interface GuardFact {
  operand: ts.Expression;
  when: boolean;
}

/** `this.a.b` (property names only, through parentheses, `!` and `as`): `"this.a.b"`; else undefined. */
function thisPathKey(expression: ts.Expression): string | undefined {
  const names: string[] = [];
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root)) {
    names.unshift(root.name.text);
    root = skipOuter(root.expression);
  }
  return names.length > 0 && root.kind === ts.SyntaxKind.ThisKeyword ? ["this", ...names].join(".") : undefined;
}

/** A property of `this` by any access (`this.a`, `this["a"]`, `(this as any).a[k]`). */
function isThisRooted(expression: ts.Expression): boolean {
  let root = skipOuter(expression);
  if (!ts.isPropertyAccessExpression(root) && !ts.isElementAccessExpression(root)) return false;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
  return root.kind === ts.SyntaxKind.ThisKeyword;
}

/** A body that runs with the call's receiver as `this`: a method, a function expression, or an arrow in an instance field. */
function runsOnReceiver(fn: ts.FunctionLikeDeclaration): boolean {
  if (!isAsyncFunction(fn) || fn.asteriskToken || !fn.body || !ts.isBlock(fn.body)) return false;
  if (ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) return true;
  const field = fn.parent;
  return ts.isArrowFunction(fn) && ts.isPropertyDeclaration(field) && field.initializer === fn && ts.isClassLike(field.parent) && !ts.getModifiers(field)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/** Whether `node` may write `key` or a path it is part of (`this.state = ...` writes `this.state.phase`). */
function writesPath(node: ts.Node, key: string): boolean {
  const hits = (target: ts.Expression) => {
    const written = thisPathKey(target);
    // A computed key (`this[name] = ...`) may name any of them.
    if (written === undefined) return isThisRooted(target);
    return written === key || key.startsWith(`${written}.`);
  };
  const writes = (current: ts.Node) =>
    (isAssignment(current) && hits(current.left)) ||
    (isIncrementOrDecrement(current) && hits(current.operand)) ||
    (ts.isDeleteExpression(current) && hits(current.expression));
  let found = writes(node);
  forEachInFunction(node, (child) => {
    if (writes(child)) found = true;
    return !found;
  });
  return found;
}

/** `this.phase = "initializing";`: a statement that only stores a value that is not `undefined` or `null` in `key`. */
function writesPlainly(statement: ts.Statement, key: string): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const write = skipOuter(statement.expression);
  return (
    isAssignment(write) &&
    write.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    thisPathKey(write.left) === key &&
    !isClearingValue(write.right) &&
    !writesPath(write.right, key)
  );
}

/** Whether evaluating `node` runs no other code and changes nothing: no call, `new`, tagged template, write, `delete` or suspension. */
function isPure(node: ts.Node): boolean {
  const impure = (current: ts.Node) =>
    ts.isCallExpression(current) ||
    ts.isNewExpression(current) ||
    ts.isTaggedTemplateExpression(current) ||
    (ts.isBinaryExpression(current) && isAssignmentOperator(current.operatorToken.kind)) ||
    isIncrementOrDecrement(current) ||
    ts.isDeleteExpression(current) ||
    isSuspension(current);
  let found = impure(node);
  forEachInFunction(node, (child) => {
    if (impure(child)) found = true;
    return !found;
  });
  return !found;
}

/**
 * Whether async `fn` writes `key` (a path on `this`) before it first suspends, on every path that
 * reaches that suspension or returns: its statements up to the one that suspends may throw
 * (`if (this.registring) throw ...`), and may return early only under a guard `ruledOut` proves
 * false, checked before anything ran that could change what it reads (`if (this.phase ===
 * "initialized") return;` first, or after pure guards that throw); a write on some paths only, or
 * one that a later statement undoes, is none. One level: the statements of its body, not of
 * blocks in it.
 */
function calleeWritesBeforeSuspending(fn: ts.FunctionLikeDeclaration, key: string, ruledOut: (guard: ts.Expression) => boolean): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return false;
  let written = false;
  // Nothing has run yet that could change what a guard reads (parameter defaults run first).
  let pristine = fn.parameters.every((parameter) => !parameter.initializer || isPure(parameter.initializer));
  for (const statement of body.statements) {
    if (containsSuspension(statement)) return written;
    if (written) {
      if (writesPath(statement, key) && !writesPlainly(statement, key)) return false;
      if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
      continue;
    }
    if (writesPlainly(statement, key)) {
      written = true;
      continue;
    }
    if (ts.isThrowStatement(statement)) return true;
    if (writesPath(statement, key)) return false;
    if (ts.isIfStatement(statement) && !statement.elseStatement) {
      const guard = statement.expression;
      if (alwaysThrows(statement.thenStatement)) {
        pristine &&= isPure(guard);
        continue;
      }
      if (exits(statement.thenStatement, false)) {
        if (pristine && isPure(guard) && ruledOut(guard)) continue;
        return false;
      }
    }
    if (mayReturn(statement)) return false;
    pristine &&= isPure(statement);
  }
  return written;
}

/**
 * The operands whose truth value is known where `call` (in `fn`'s own body) runs, from the `if`s
 * around it, the `&&`/`||` it is the right operand of, and the `if (...) return;` (or `throw`)
 * statements before it in its blocks, each only when nothing runs between the condition and the
 * call that could change what it read: no call, write or suspension (the call's arguments
 * included). Stops at a loop or any other statement (an earlier run of the loop could have).
 */
function callGuardFacts(call: ts.CallExpression, fn: ts.FunctionLikeDeclaration): GuardFact[] {
  const facts: GuardFact[] = [];
  const quietSince = (position: number) => {
    let quiet = true;
    forEachInFunction(fn.body!, (node) => {
      if (!quiet || node.getEnd() <= position || node.getStart() >= call.getEnd()) return false;
      const inside = node !== call && isAncestorOrSelf(call, node);
      if (node.getStart() >= position && (node.getEnd() <= call.getStart() || inside) && !isPure(node)) quiet = false;
      return quiet;
    });
    return quiet;
  };
  const add = (condition: ts.Expression, when: boolean) => {
    if (quietSince(condition.getEnd())) facts.push(...knownOperands(condition, when));
  };
  for (let child: ts.Node = call, node = call.parent; node && node !== fn; child = node, node = node.parent) {
    if (ts.isIfStatement(node)) {
      if (child === node.thenStatement) add(node.expression, true);
      else if (child === node.elseStatement) add(node.expression, false);
      else break;
    } else if (ts.isBlock(node)) {
      for (const statement of node.statements.slice(0, node.statements.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) add(statement.expression, false);
      }
    } else if (ts.isBinaryExpression(node)) {
      const guard = shortCircuitGuard(node, child);
      if (!guard) break;
      add(guard.condition, guard.when);
    } else if (!(ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isExpressionStatement(node))) {
      break;
    }
  }
  return facts;
}

/** `this.phase === "initialized"` (or `!==`, `==`, `!=`, the literal on either side): its parts. */
function literalComparison(expression: ts.Expression): { key: string; literal: string; operator: ts.SyntaxKind; strict: boolean } | undefined {
  if (!ts.isBinaryExpression(expression)) return undefined;
  const operator = expression.operatorToken.kind;
  const strict = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  if (!strict && operator !== ts.SyntaxKind.EqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const literalText = (node: ts.Expression): string | undefined => {
    const value = skipOuter(node);
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return `string:${value.text}`;
    if (ts.isNumericLiteral(value)) return `number:${Number(value.text)}`;
    if (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) return value.getText();
    return undefined;
  };
  for (const [path, other] of [[expression.left, expression.right], [expression.right, expression.left]]) {
    const key = thisPathKey(path);
    const literal = literalText(other);
    if (key !== undefined && literal !== undefined) return { key, literal, operator, strict };
  }
  return undefined;
}

/** Whether `fact` gives `atom` (an operand with no `!`, `&&` or `||` at its top) the truth value `value`. */
function factDecides(fact: GuardFact, atom: ts.Expression, value: boolean): boolean {
  const known = skipOuter(fact.operand);
  const truthiness = thisPathKey(atom);
  if (truthiness !== undefined) return thisPathKey(known) === truthiness && fact.when === value;
  const wanted = literalComparison(atom);
  const given = literalComparison(known);
  if (!wanted || !given || wanted.key !== given.key || wanted.literal !== given.literal || wanted.strict !== given.strict) return false;
  // Whether the path equals the literal, then whether that makes `atom` `value`.
  return equalWhen(given.operator, fact.when) === equalWhen(wanted.operator, value);
}

/** Whether `facts` prove that `condition` evaluates to `value` (through parentheses, `!`, `&&` and `||`). */
function provesValue(condition: ts.Expression, value: boolean, facts: readonly GuardFact[]): boolean {
  const node = skipOuter(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return provesValue(node.operand, !value, facts);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    const and = operator === ts.SyntaxKind.AmpersandAmpersandToken;
    if (and || operator === ts.SyntaxKind.BarBarToken) {
      const left = provesValue(node.left, value, facts);
      const right = provesValue(node.right, value, facts);
      // `a && b` is true when both are, false when either is; `a || b` the other way round.
      return and === value ? left && right : left || right;
    }
  }
  return facts.some((fact) => factDecides(fact, node, value));
}

/** Whether `facts` prove `guard` false. */
function provesFalse(guard: ts.Expression, facts: readonly GuardFact[]): boolean {
  return provesValue(guard, false, facts);
}
