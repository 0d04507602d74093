import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as vm from "node:vm";
import * as ts from "typescript";
import { workerPoolHelper } from "../../server/src/rules/unbounded-concurrency";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import { lintCode } from "../helpers/ruleTester";

const RULE = "unbounded-concurrency";
const lines = (...text: string[]) => text.join("\n");

/** Line 1 of most cases. */
const D = "declare function fetchUser(id: string): Promise<{ name: string }>; declare function sendMail(to: string): Promise<void>;";

/** The helper the fix inserts, pinned here as users see it (the executed tests below run the same text). */
const HELPER_TS = lines(
  "/**",
  " * Calls `fn` on every item, with at most `concurrency` calls in flight at once. Resolves to the",
  " * results in input order; rejects with the first error, like `Promise.all`, and starts no",
  " * further item after it.",
  " */",
  "async function mapWithConcurrency<T, R>(",
  "  items: Iterable<T> | ArrayLike<T>,",
  "  concurrency: number,",
  "  fn: (item: T, index: number) => R | PromiseLike<R>,",
  "): Promise<R[]> {",
  "  const list = Array.from(items);",
  "  const results = new Array<R>(list.length);",
  "  let next = 0;",
  "  let failed = false;",
  "  const worker = async (): Promise<void> => {",
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
  "",
);
const HELPER_JS = lines(
  "/**",
  " * Calls `fn` on every item, with at most `concurrency` calls in flight at once. Resolves to the",
  " * results in input order; rejects with the first error, like `Promise.all`, and starts no",
  " * further item after it.",
  " */",
  "async function mapWithConcurrency(items, concurrency, fn) {",
  "  const list = Array.from(items);",
  "  const results = new Array(list.length);",
  "  let next = 0;",
  "  let failed = false;",
  "  const worker = async () => {",
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
  "",
);

const POOL = "Run at most 8 at a time with `mapWithConcurrency`";
const P_MAP = "Use `pMap` with a concurrency of 8";

function mapMessage(combinator: string, collection: string): string {
  return `\`${combinator}\` starts the work for every item of ${collection} at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as \`p-limit\` or \`p-map\`, or a worker-pool helper), or cap the input with a constant.`;
}

/** Limiter packages, shaped like their published declarations (p-limit 3, p-map 7, p-queue 8, async 3). */
const LIBRARIES = {
  "libraries.d.ts": lines(
    'declare module "p-limit" {',
    "  namespace pLimit {",
    "    interface Limit {",
    "      <Arguments extends unknown[], ReturnType>(fn: (...arguments: Arguments) => PromiseLike<ReturnType> | ReturnType, ...arguments: Arguments): Promise<ReturnType>;",
    "      readonly activeCount: number;",
    "    }",
    "  }",
    "  function pLimit(concurrency: number): pLimit.Limit;",
    "  export = pLimit;",
    "}",
    'declare module "p-map" {',
    "  export default function pMap<Element, NewElement>(input: Iterable<Element>, mapper: (element: Element, index: number) => NewElement | Promise<NewElement>, options?: { concurrency?: number }): Promise<Array<Exclude<NewElement, symbol>>>;",
    "}",
    'declare module "p-queue" {',
    "  export default class PQueue {",
    "    constructor(options?: { concurrency?: number });",
    "    add<T>(fn: () => Promise<T>): Promise<T>;",
    "  }",
    "}",
    'declare module "async" {',
    "  export function eachLimit<T>(items: Iterable<T>, limit: number, iterator: (item: T) => Promise<void>): Promise<void>;",
    "}",
    'declare module "@acme/pool" {',
    "  export function withSlot<T>(work: () => Promise<T>): Promise<T>;",
    "}",
  ),
};
const WITH_LIBRARIES = { extraFiles: LIBRARIES };

const invalid: InvalidCase[] = [
  {
    name: "Promise.all over a map of a string[] parameter, with the worker-pool fix",
    code: lines(D, "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 30,
        message:
          "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(D, "export async function loadUsers(userIds: string[]) {", "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));", "}", "", HELPER_TS),
          ],
        ],
      },
    ],
  },
  {
    name: "an async callback with a block body, in JavaScript: the helper is inserted untyped",
    fileName: "notify.js",
    code: lines(
      "/** @param {string} to */",
      "async function sendMail(to) { return to; }",
      "/** @param {string[]} recipients */",
      "export async function notifyAll(recipients) {",
      "  await Promise.all(recipients.map(async (to) => {",
      "    await sendMail(to);",
      "  }));",
      "}",
      "",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 32,
        message: "`Promise.all` starts the work for every item of `recipients` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "/** @param {string} to */",
              "async function sendMail(to) { return to; }",
              "/** @param {string[]} recipients */",
              "export async function notifyAll(recipients) {",
              "  await mapWithConcurrency(recipients, 8, async (to) => {",
              "    await sendMail(to);",
              "  });",
              "}",
              "",
              HELPER_JS,
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a file that imports p-map is offered pMap first, then the helper",
    ...WITH_LIBRARIES,
    code: lines('import pMap from "p-map";', D, "export async function loadUsers(userIds: readonly string[]) {", "  return Promise.all(userIds.map((id) => fetchUser(id)));", "}", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [P_MAP, lines('import pMap from "p-map";', D, "export async function loadUsers(userIds: readonly string[]) {", "  return pMap(userIds, (id) => fetchUser(id), { concurrency: 8 });", "}", "")],
          [
            POOL,
            lines('import pMap from "p-map";', D, "export async function loadUsers(userIds: readonly string[]) {", "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));", "}", "", HELPER_TS),
          ],
        ],
      },
    ],
  },
  {
    name: "a file that imports p-limit is offered a limit before the statement, the callback's work wrapped in it",
    ...WITH_LIBRARIES,
    code: lines(
      'import pLimit from "p-limit";',
      D,
      "export async function loadUsers(userIds: string[]) {",
      "  const users = await Promise.all(userIds.map(async (id) => {",
      "    const user = await fetchUser(id);",
      "    return user.name;",
      "  }));",
      "  return users;",
      "}",
      "",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 43,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            "Limit with `pLimit(8)`",
            lines(
              'import pLimit from "p-limit";',
              D,
              "export async function loadUsers(userIds: string[]) {",
              "  const limit = pLimit(8);",
              "  const users = await Promise.all(userIds.map((id) => limit(async () => {",
              "    const user = await fetchUser(id);",
              "    return user.name;",
              "  })));",
              "  return users;",
              "}",
              "",
            ),
          ],
          [
            POOL,
            lines(
              'import pLimit from "p-limit";',
              D,
              "export async function loadUsers(userIds: string[]) {",
              "  const users = await mapWithConcurrency(userIds, 8, async (id) => {",
              "    const user = await fetchUser(id);",
              "    return user.name;",
              "  });",
              "  return users;",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "p-limit imported and `limit` taken: another name; a concise callback without parentheses",
    ...WITH_LIBRARIES,
    code: lines('import pLimit from "p-limit";', D, "const limit = 3;", "export function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map(id => fetchUser(id)));", "}", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            "Limit with `pLimit(8)`",
            lines('import pLimit from "p-limit";', D, "const limit = 3;", "export function loadUsers(userIds: string[]) {", "  const limitConcurrency = pLimit(8);", "  return Promise.all(userIds.map(id => limitConcurrency(() => fetchUser(id))));", "}", ""),
          ],
          [POOL, lines('import pLimit from "p-limit";', D, "const limit = 3;", "export function loadUsers(userIds: string[]) {", "  return mapWithConcurrency(userIds, 8, id => fetchUser(id));", "}", "", HELPER_TS)],
        ],
      },
    ],
  },
  {
    name: "CommonJS: p-map loaded with require is offered too",
    ...WITH_LIBRARIES,
    fileName: "mail.js",
    code: lines('const pMap = require("p-map");', "/** @param {string[]} ids */", "async function loadUsers(ids) {", "  return Promise.all(ids.map((id) => fetch(id)));", "}", "module.exports = { loadUsers };", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 26,
        message: "`Promise.all` starts the work for every item of `ids` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [P_MAP, lines('const pMap = require("p-map");', "/** @param {string[]} ids */", "async function loadUsers(ids) {", "  return pMap(ids, (id) => fetch(id), { concurrency: 8 });", "}", "module.exports = { loadUsers };", "")],
          [POOL, lines('const pMap = require("p-map");', "/** @param {string[]} ids */", "async function loadUsers(ids) {", "  return mapWithConcurrency(ids, 8, (id) => fetch(id));", "}", "module.exports = { loadUsers };", "", HELPER_JS)],
        ],
      },
    ],
  },
  {
    name: "a file that already has the helper: it is reused, not inserted again",
    code: lines(D, "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map(fetchUser));", "}", "", HELPER_TS),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [[POOL, lines(D, "export async function loadUsers(userIds: string[]) {", "  return mapWithConcurrency(userIds, 8, fetchUser);", "}", "", HELPER_TS)]],
      },
    ],
  },
  {
    name: "Array.from over a Set with a mapping callback, with the configured concurrency",
    options: { suggestedConcurrency: 4 },
    code: lines(D, "export async function loadAll(ids: Set<string>) {", "  const users = await Promise.all(Array.from(ids, (id) => fetchUser(id)));", "  return users;", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 41,
        message: mapMessage("Promise.all", "`ids`"),
        fixes: [
          [
            "Run at most 4 at a time with `mapWithConcurrency`",
            lines(D, "export async function loadAll(ids: Set<string>) {", "  const users = await mapWithConcurrency(ids, 4, (id) => fetchUser(id));", "  return users;", "}", "", HELPER_TS),
          ],
        ],
      },
    ],
  },
  {
    name: "Promise.allSettled over promises held in a const: reported at the map, no fix",
    code: lines(D, "export async function notifyAll(recipients: string[]) {", "  const sends = recipients.map((to) => sendMail(to));", "  return Promise.allSettled(sends);", "}"),
    errors: [{ messageId: "unboundedMap", line: 3, column: 28, message: mapMessage("Promise.allSettled", "`recipients`"), fixes: [] }],
  },
  {
    name: "Promise.race over the keys of a Map copied into an array",
    code: lines(D, "export async function first(cache: Map<string, number>) {", "  return Promise.race([...cache.keys()].map(fetchUser));", "}"),
    errors: [{ messageId: "unboundedMap", line: 3, column: 41, message: mapMessage("Promise.race", "`[...cache.keys()]`"), fixes: [] }],
  },
  {
    name: "the values of a Record: a dictionary's size is open",
    code: lines(D, "export async function refresh(byId: Record<string, string>) {", "  await Promise.all(Object.values(byId).map(fetchUser));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 41,
        fixes: [[POOL, lines(D, "export async function refresh(byId: Record<string, string>) {", "  await mapWithConcurrency(Object.values(byId), 8, fetchUser);", "}", "", HELPER_TS)]],
        message: "`Promise.all` starts the work for every item of `Object.values(byId)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
    ],
  },
  {
    name: "a literal array longer than maxConstantLength",
    options: { maxConstantLength: 2 },
    code: lines(D, "export async function warm() {", '  await Promise.all(["a", "b", "c"].map(fetchUser));', "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 37,
        message: '`Promise.all` starts the work for every item of `["a", "b", "c"]` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.',
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function warm() {",
              '  await mapWithConcurrency(["a", "b", "c"], 8, fetchUser);',
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a for...of loop over a Set collecting one promise per item",
    code: lines(D, "export async function notify(recipients: Set<string>) {", "  const pending: Promise<void>[] = [];", "  for (const to of recipients) {", "    pending.push(sendMail(to));", "  }", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 18,
        message:
          "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
        fixes: [],
      },
    ],
  },
  {
    name: "a counted for loop up to items.length",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending = [];", "  for (let i = 0; i < recipients.length; i++) pending.push(sendMail(recipients[i]));", "  return Promise.allSettled(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 60,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.allSettled`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a new Promise that wraps a callback API starts work for every item",
    code: lines(
      'import { readFile } from "node:fs";',
      "export async function readAll(paths: string[]) {",
      "  return Promise.all(paths.map((file) => new Promise<Buffer>((resolve, reject) => {",
      "    readFile(file, (error, data) => (error ? reject(error) : resolve(data)));",
      "  })));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 28,
        message: "`Promise.all` starts the work for every item of `paths` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import { readFile } from "node:fs";',
              "export async function readAll(paths: string[]) {",
              "  return mapWithConcurrency(paths, 8, (file) => new Promise<Buffer>((resolve, reject) => {",
              "    readFile(file, (error, data) => (error ? reject(error) : resolve(data)));",
              "  }));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a new Promise whose executor calls a project function named like a listener registration",
    code: lines(
      D,
      "function once(id: string, done: () => void): void { void fetchUser(id).then(done); }",
      "export async function loadAll(ids: string[]) {",
      "  await Promise.all(ids.map((id) => new Promise<void>((resolve) => once(id, resolve))));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 25,
        message: "`Promise.all` starts the work for every item of `ids` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "function once(id: string, done: () => void): void { void fetchUser(id).then(done); }",
              "export async function loadAll(ids: string[]) {",
              "  await mapWithConcurrency(ids, 8, (id) => new Promise<void>((resolve) => once(id, resolve)));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "forEach collecting the promises",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  recipients.forEach((to) => pending.push(sendMail(to)));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 43,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
];

const valid: ValidCase[] = [
  {
    name: "a literal array of a few hosts",
    code: lines("declare function ping(host: string): Promise<number>;", "export async function health() {", '  return Promise.all(["db", "cache", "queue"].map((host) => ping(host)));', "}"),
  },
  {
    name: "a tuple-typed parameter",
    code: lines(D, "export async function pair(ids: [string, string]) {", "  return Promise.all(ids.map(fetchUser));", "}"),
  },
  {
    name: "an `as const` array held in a const",
    code: lines(D, "const REGIONS = ['eu', 'us', 'ap'] as const;", "export async function regions() {", "  return Promise.all(REGIONS.map((region) => fetchUser(region)));", "}"),
  },
  {
    name: "spreading a tuple into a literal with one more item",
    code: lines(D, "export async function three(pair: readonly [string, string], extra: string) {", "  return Promise.all([...pair, extra].map(fetchUser));", "}"),
  },
  {
    name: "Array.from({ length: 3 }) with a constant length",
    code: lines(D, "export async function three() {", "  return Promise.all(Array.from({ length: 3 }, (_, i) => fetchUser(String(i))));", "}"),
  },
  {
    name: "a worker pool starting its workers with Array.from({ length: n })",
    code: lines(
      "export async function runPool(tasks: (() => Promise<void>)[], concurrency: number) {",
      "  let next = 0;",
      "  const worker = async () => {",
      "    while (next < tasks.length) await tasks[next++]();",
      "  };",
      "  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));",
      "}",
    ),
  },
  {
    name: "the inserted helper itself",
    code: lines(D, "export async function loadUsers(userIds: string[]) {", "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));", "}", "", HELPER_TS),
  },
  {
    name: "an input capped with .slice(0, N)",
    code: lines(D, "const MAX_PREVIEW = 10;", "export async function preview(ids: string[]) {", "  return Promise.all(ids.slice(0, MAX_PREVIEW).map(fetchUser));", "}"),
  },
  {
    name: "the last N items with .slice(-N)",
    code: lines(D, "export async function recent(ids: string[]) {", "  return Promise.all(ids.slice(-5).map(fetchUser));", "}"),
  },
  {
    name: "batches of a constant size read with slice(i, i + BATCH)",
    code: lines(
      D,
      "const BATCH = 50;",
      "export async function loadUsers(userIds: string[]) {",
      "  const users = [];",
      "  for (let i = 0; i < userIds.length; i += BATCH) {",
      "    const batch = userIds.slice(i, i + BATCH);",
      "    users.push(...(await Promise.all(batch.map((id) => fetchUser(id)))));",
      "  }",
      "  return users;",
      "}",
    ),
  },
  {
    name: "a queue drained in batches with splice(0, N)",
    code: lines(D, "export async function drain(queue: string[]) {", "  while (queue.length > 0) {", "    const batch = queue.splice(0, 20);", "    await Promise.all(batch.map((to) => sendMail(to)));", "  }", "}"),
  },
  {
    name: "batches from a chunking helper given a constant size",
    code: lines(
      D,
      "declare function chunk<T>(items: readonly T[], size: number): T[][];",
      "export async function loadUsers(userIds: string[]) {",
      "  for (const batch of chunk(userIds, 25)) {",
      "    await Promise.all(batch.map(fetchUser));",
      "  }",
      "}",
    ),
  },
  {
    name: "a loop that awaits each item",
    code: lines(D, "export async function notify(recipients: string[]) {", "  for (const to of recipients) {", "    await sendMail(to);", "  }", "}"),
  },
  {
    name: "a loop that keeps at most 8 in flight by awaiting Promise.race",
    code: lines(
      D,
      "export async function notify(recipients: string[]) {",
      "  const pending = new Set<Promise<void>>();",
      "  const running: Promise<void>[] = [];",
      "  for (const to of recipients) {",
      "    const send = sendMail(to).finally(() => pending.delete(send));",
      "    pending.add(send);",
      "    running.push(send);",
      "    if (pending.size >= 8) await Promise.race(pending);",
      "  }",
      "  await Promise.all(running);",
      "}",
    ),
  },
  {
    name: "a counted loop starting a constant number of workers",
    code: lines("declare function worker(id: number): Promise<void>;", "export async function start() {", "  const workers: Promise<void>[] = [];", "  for (let i = 0; i < 4; i++) workers.push(worker(i));", "  await Promise.all(workers);", "}"),
  },
  {
    name: "p-limit: each item goes through limit(...)",
    ...WITH_LIBRARIES,
    code: lines('import pLimit from "p-limit";', D, "const limit = pLimit(4);", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => limit(() => fetchUser(id))));", "}"),
  },
  {
    name: "p-limit's limit function handed in as a parameter (recognised by its type)",
    ...WITH_LIBRARIES,
    code: lines('import type pLimit from "p-limit";', D, "export async function loadUsers(userIds: string[], limit: pLimit.Limit) {", "  return Promise.all(userIds.map((id) => limit(fetchUser, id)));", "}"),
  },
  {
    name: "p-limit in a loop that collects the limited promises",
    ...WITH_LIBRARIES,
    code: lines('import pLimit from "p-limit";', D, "const limit = pLimit(4);", "export async function notify(recipients: Set<string>) {", "  const pending: Promise<void>[] = [];", "  for (const to of recipients) pending.push(limit(() => sendMail(to)));", "  await Promise.all(pending);", "}"),
  },
  {
    name: "p-queue held in a field (recognised by its declaration)",
    ...WITH_LIBRARIES,
    code: lines(
      'import PQueue from "p-queue";',
      D,
      "export class Mailer {",
      "  private readonly queue = new PQueue({ concurrency: 2 });",
      "  async notify(recipients: string[]) {",
      "    await Promise.all(recipients.map((to) => this.queue.add(() => sendMail(to))));",
      "  }",
      "}",
    ),
  },
  {
    name: "p-map with a concurrency",
    ...WITH_LIBRARIES,
    code: lines('import pMap from "p-map";', D, "export async function loadUsers(userIds: string[]) {", "  return pMap(userIds, (id) => fetchUser(id), { concurrency: 4 });", "}"),
  },
  {
    name: "async.eachLimit",
    ...WITH_LIBRARIES,
    code: lines('import { eachLimit } from "async";', D, "export async function notify(recipients: string[]) {", "  await eachLimit(recipients, 4, (to) => sendMail(to));", "}"),
  },
  {
    name: "a semaphore class written in the project",
    code: lines(
      D,
      "class Semaphore {",
      "  private waiting: (() => void)[] = [];",
      "  constructor(private permits: number) {}",
      "  async acquire(): Promise<void> {",
      "    if (this.permits > 0) { this.permits--; return; }",
      "    await new Promise<void>((resolve) => this.waiting.push(resolve));",
      "  }",
      "  release(): void {",
      "    const next = this.waiting.shift();",
      "    if (next) next(); else this.permits++;",
      "  }",
      "}",
      "const gate = new Semaphore(4);",
      "export async function loadUsers(userIds: string[]) {",
      "  return Promise.all(userIds.map(async (id) => {",
      "    await gate.acquire();",
      "    try {",
      "      return await fetchUser(id);",
      "    } finally {",
      "      gate.release();",
      "    }",
      "  }));",
      "}",
    ),
  },
  {
    name: "a limiter made by a project function given a concurrency number",
    code: lines(
      D,
      "declare function createLimiter(concurrency: number): <T>(work: () => Promise<T>) => Promise<T>;",
      "declare const settings: { concurrency: number };",
      "const limited = createLimiter(settings.concurrency);",
      "export async function loadUsers(userIds: string[]) {",
      "  return Promise.all(userIds.map((id) => limited(() => fetchUser(id))));",
      "}",
    ),
  },
  {
    name: "thunks handed to a function that takes a concurrency number",
    code: lines(
      D,
      "declare function runPool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]>;",
      "export async function loadUsers(userIds: string[]) {",
      "  return runPool(userIds.map((id) => () => fetchUser(id)), 4);",
      "}",
    ),
  },
  {
    name: "a function listed in limiterFunctions",
    ...WITH_LIBRARIES,
    options: { limiterFunctions: [{ module: "@acme/pool", name: "withSlot" }] },
    code: lines('import { withSlot } from "@acme/pool";', D, "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => withSlot(() => fetchUser(id))));", "}"),
  },
  {
    name: "Object.keys of an object type without an index signature",
    code: lines(D, "declare const endpoints: { users: string; orders: string; mail: string };", "export async function warm() {", "  return Promise.all(Object.keys(endpoints).map(fetchUser));", "}"),
  },
  {
    name: "a map whose callback starts no promise",
    code: lines("export async function names(users: { name: string }[]) {", "  return Promise.all(users.map((user) => user.name));", "}"),
  },
  {
    name: "a collection typed any",
    code: lines(D, "export async function loadUsers(userIds: any) {", "  return Promise.all(userIds.map((id: string) => fetchUser(id)));", "}"),
  },
  {
    name: "a combinator of another library named all",
    code: lines(D, "declare const Bluebird: { all<T>(values: Promise<T>[]): Promise<T[]> };", "export async function loadUsers(userIds: string[]) {", "  return Bluebird.all(userIds.map(fetchUser));", "}"),
  },
  {
    name: "a rest parameter: the arguments of one call (shaped like puppeteer's Page.deleteCookie)",
    code: lines(
      "interface DeleteCookiesRequest { name: string; url?: string }",
      "declare const session: { send(method: string, params: object): Promise<void> };",
      "export async function deleteCookie(...cookies: DeleteCookiesRequest[]): Promise<void> {",
      "  await Promise.all(",
      "    cookies.map(async (cookie) => {",
      "      await session.send('storage.deleteCookies', { filter: { name: cookie.name } });",
      "    }),",
      "  );",
      "}",
    ),
  },
  {
    name: "items that are promises already: the map only waits (shaped like puppeteer's Deferred.race)",
    code: lines(
      "declare class Deferred<T> { valueOrThrow(): Promise<T> }",
      "export async function race<R>(awaitables: Array<Promise<R> | Deferred<R>>): Promise<R> {",
      "  const promises = awaitables.map((value) => (value instanceof Deferred ? value.valueOrThrow() : value));",
      "  return await Promise.race(promises);",
      "}",
    ),
  },
  {
    name: "a map to promises that only wait for stream events (shaped like puppeteer's ScreenRecording.stop)",
    code: lines(
      "interface WritableDestination {",
      "  end(): void;",
      "  writableFinished?: boolean;",
      "  once?(event: string, cb: (arg?: unknown) => void): unknown;",
      "}",
      "export async function stop(destinations: Set<WritableDestination>) {",
      "  for (const dest of destinations) dest.end();",
      "  const finished = Array.from(destinations).map((dest) => {",
      "    return new Promise((resolve) => {",
      "      if (dest.writableFinished) {",
      "        resolve(undefined);",
      "      } else {",
      "        dest.once?.('finish', resolve);",
      "        dest.once?.('error', resolve);",
      "      }",
      "    });",
      "  });",
      "  await Promise.all(finished);",
      "}",
    ),
  },
  {
    name: "a loop collecting timer promises (shaped like puppeteer's Browser.uninstallExtension)",
    code: lines(
      'import { EventEmitter } from "node:events";',
      "export async function announce(connection: EventEmitter, targetIds: Map<string, { type: string }>) {",
      "  const destroyed = [];",
      "  for (const [targetId, info] of targetIds) {",
      "    if (info.type !== 'service_worker') continue;",
      "    destroyed.push(",
      "      new Promise((resolve) => {",
      "        return setTimeout(() => {",
      "          connection.emit('Target.targetDestroyed', { targetId });",
      "          resolve(null);",
      "        }, 0);",
      "      }),",
      "    );",
      "  }",
      "  await Promise.all(destroyed);",
      "}",
    ),
  },
  {
    name: "a loop whose promises are never given to a combinator",
    code: lines(D, "export function queueAll(recipients: string[], outbox: Promise<void>[]) {", "  for (const to of recipients) outbox.push(sendMail(to));", "}"),
  },
];

describe(RULE, () => {
  runRuleTable(RULE, { valid, invalid });

  it("the inserted helper's text is the one pinned here", () => {
    assert.equal(workerPoolHelper(false), HELPER_TS);
    assert.equal(workerPoolHelper(true), HELPER_JS);
  });

  it("the fixed code has no finding left", () => {
    const fixed = lines(D, "export async function loadUsers(userIds: string[]) {", "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));", "}", "", HELPER_TS);
    const others = ["floating-promise", "misused-promise", "shared-state-across-await", "unhandled-rejection-window", "blocking-call-in-async"];
    assert.deepEqual(lintCode(RULE, fixed, { alsoEnable: others }).findings.map((finding) => `${finding.ruleId}:${finding.message}`), []);
  });
});

// ---------------------------------------------------------------------------------------------
// The helper, executed: fake tasks whose promises the test settles one by one, so the assertions
// are about order and counts, never about time.

type Helper = <T, R>(items: Iterable<T> | ArrayLike<T>, concurrency: number, fn: (item: T, index: number) => R | PromiseLike<R>) => Promise<R[]>;

function loadHelper(javaScript: boolean): Helper {
  const source = javaScript ? workerPoolHelper(true) : ts.transpileModule(workerPoolHelper(false), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return vm.runInThisContext(`(() => {\n${source}\nreturn mapWithConcurrency;\n})()`, { filename: "mapWithConcurrency.js" }) as Helper;
}

/** Lets every pending promise reaction run (a macrotask turn comes after all microtasks). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Task {
  item: number;
  resolve: (value: string) => void;
  reject: (error: Error) => void;
}

/** A fake async job per item: records starts and how many run at once; the test settles them. */
class FakeJobs {
  readonly running: Task[] = [];
  readonly started: number[] = [];
  maxRunning = 0;
  readonly run = (item: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const task: Task = {
        item,
        resolve: (value) => {
          this.finish(task);
          resolve(value);
        },
        reject: (error) => {
          this.finish(task);
          reject(error);
        },
      };
      this.started.push(item);
      this.running.push(task);
      this.maxRunning = Math.max(this.maxRunning, this.running.length);
    });
  private finish(task: Task): void {
    this.running.splice(this.running.indexOf(task), 1);
  }
}

for (const javaScript of [false, true]) {
  describe(`the inserted worker-pool helper, executed (${javaScript ? "JavaScript" : "TypeScript"})`, () => {
    const mapWithConcurrency = loadHelper(javaScript);

    it("never runs more than N at once, uses all N, and keeps results in input order", async () => {
      const jobs = new FakeJobs();
      const items = Array.from({ length: 20 }, (_, i) => i);
      let outcome: string[] | undefined;
      void mapWithConcurrency(items, 3, jobs.run).then((results) => (outcome = results));
      await settle();
      // Settle the newest running task first, so completion order differs from input order.
      while (jobs.running.length > 0) {
        assert.ok(jobs.running.length <= 3, `${jobs.running.length} running`);
        const task = jobs.running[jobs.running.length - 1];
        task.resolve(`user ${task.item}`);
        await settle();
      }
      assert.equal(jobs.maxRunning, 3);
      assert.deepEqual([...jobs.started].sort((a, b) => a - b), items);
      assert.deepEqual(outcome, items.map((i) => `user ${i}`));
    });

    it("starts items in input order and passes each index", async () => {
      const seen: [string, number][] = [];
      const results = await mapWithConcurrency(new Set(["a", "b", "c"]), 2, (item, index) => {
        seen.push([item, index]);
        return Promise.resolve(item.toUpperCase());
      });
      assert.deepEqual(seen, [["a", 0], ["b", 1], ["c", 2]]);
      assert.deepEqual(results, ["A", "B", "C"]);
    });

    it("rejects with the first error like Promise.all, and starts no item after it", async () => {
      const jobs = new FakeJobs();
      const failure = new Error("rate limited");
      let rejection: unknown;
      void mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, jobs.run).catch((error: unknown) => (rejection = error));
      await settle();
      assert.deepEqual(jobs.started, [0, 1]);
      jobs.running[0].reject(failure);
      await settle();
      assert.equal(rejection, failure);
      // The item already running finishes (as under Promise.all), and its worker takes no new item.
      jobs.running[0].resolve("done");
      await settle();
      assert.deepEqual(jobs.started, [0, 1]);
      assert.equal(jobs.running.length, 0);
      assert.equal(rejection, failure);
    });

    it("a second rejection after the first is handled (no unhandled rejection)", async () => {
      const jobs = new FakeJobs();
      const first = new Error("first");
      const outcome = mapWithConcurrency([0, 1], 2, jobs.run);
      await settle();
      jobs.running[0].reject(first);
      jobs.running[0].reject(new Error("second"));
      await assert.rejects(outcome, (error) => error === first);
    });

    it("rejects when the callback throws synchronously", async () => {
      const failure = new Error("bad item");
      await assert.rejects(
        mapWithConcurrency([1, 2], 4, () => {
          throw failure;
        }),
        (error) => error === failure,
      );
    });

    it("resolves an empty input to an empty array without calling the callback", async () => {
      let calls = 0;
      assert.deepEqual(await mapWithConcurrency([], 4, () => calls++), []);
      assert.equal(calls, 0);
    });

    it("accepts array-likes, plain values, and a concurrency above the input size or below 1", async () => {
      assert.deepEqual(await mapWithConcurrency({ length: 2, 0: "x", 1: "y" }, 10, (item) => `${item}!`), ["x!", "y!"]);
      const jobs = new FakeJobs();
      let outcome: string[] | undefined;
      void mapWithConcurrency([7, 8, 9], 0, jobs.run).then((results) => (outcome = results));
      await settle();
      assert.equal(jobs.running.length, 1);
      while (jobs.running.length > 0) {
        jobs.running[0].resolve(String(jobs.running[0].item));
        await settle();
      }
      assert.equal(jobs.maxRunning, 1);
      assert.deepEqual(outcome, ["7", "8", "9"]);
    });
  });
}
