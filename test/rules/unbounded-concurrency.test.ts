import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as vm from "node:vm";
import * as ts from "typescript";
import { workerPoolHelper } from "../../server/src/rules/unbounded-concurrency";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import { lintCode, TEST_COMPILER_OPTIONS } from "../helpers/ruleTester";

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

/** Limiter packages, shaped like their published declarations (p-limit 3, p-map 7, p-queue 8, async 3, bottleneck 2, async-sema 3, async-mutex 0.5). */
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
    'declare module "bottleneck" {',
    "  export default class Bottleneck {",
    "    constructor(options?: { maxConcurrent?: number; minTime?: number });",
    "    schedule<R>(fn: () => PromiseLike<R>): Promise<R>;",
    "  }",
    "}",
    'declare module "async-sema" {',
    "  export class Sema {",
    "    constructor(nr: number);",
    "    acquire(): Promise<void>;",
    "    release(): void;",
    "  }",
    "}",
    'declare module "async-mutex" {',
    "  export class Semaphore {",
    "    constructor(value: number);",
    "    runExclusive<T>(callback: () => Promise<T> | T): Promise<T>;",
    "  }",
    "  export class Mutex {",
    "    runExclusive<T>(callback: () => Promise<T> | T): Promise<T>;",
    "  }",
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
  {
    name: "Promise.all over a map held in a const: reported at the map, no fix (the call is elsewhere)",
    code: lines(D, "export async function loadUsers(userIds: string[]) {", "  const pending = userIds.map((id) => fetchUser(id));", "  return Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 27,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
    ],
  },
  {
    name: "Promise.any over a map: every mirror downloads at once",
    code: lines("declare function download(url: string): Promise<Uint8Array>;", "export async function fromFastestMirror(mirrors: string[]) {", "  return Promise.any(mirrors.map((url) => download(url)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 30,
        message: "`Promise.any` starts the work for every item of `mirrors` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
    ],
  },
  {
    name: "a counted loop up to a constant above maxConstantLength, with <=",
    code: lines("declare function fetchPage(page: number): Promise<string[]>;", "export async function crawl() {", "  const pages: Promise<string[]>[] = [];", "  for (let page = 1; page <= 50; page++) pages.push(fetchPage(page));", "  return (await Promise.all(pages)).flat();", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 53,
        message: "This loop starts a promise for every item of the collection and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "an await inside an async IIFE pushed per item does not make the loop wait",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  for (const to of recipients) {", "    pending.push((async () => {", "      await sendMail(to);", "    })());", "  }", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 18,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a let holding a cap that a flag can lift is not followed",
    code: lines(D, "const MAX_PREVIEW = 10;", "export async function preview(userIds: string[], all: boolean) {", "  let targets = userIds.slice(0, MAX_PREVIEW);", "  if (all) targets = userIds;", "  return Promise.all(targets.map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 6,
        column: 30,
        message: "`Promise.all` starts the work for every item of `targets` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "const MAX_PREVIEW = 10;",
              "export async function preview(userIds: string[], all: boolean) {",
              "  let targets = userIds.slice(0, MAX_PREVIEW);",
              "  if (all) targets = userIds;",
              "  return mapWithConcurrency(targets, 8, (id) => fetchUser(id));",
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
    name: "slices whose end is not a constant: caller's count, cursors, an inclusive end index, a variable batch size, slice(1), slice(0), slice()",
    code: lines(D, "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {", "  await Promise.all(ids.slice(0, count).map(fetchUser));", "  await Promise.all(ids.slice(from, to).map(fetchUser));", "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));", "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));", "  await Promise.all(ids.slice(1).map(fetchUser));", "  await Promise.all(ids.slice(0).map(fetchUser));", "  await Promise.all(ids.slice().map(fetchUser));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 41,
        message: "`Promise.all` starts the work for every item of `ids.slice(0, count)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await mapWithConcurrency(ids.slice(0, count), 8, fetchUser);",
              "  await Promise.all(ids.slice(from, to).map(fetchUser));",
              "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));",
              "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));",
              "  await Promise.all(ids.slice(1).map(fetchUser));",
              "  await Promise.all(ids.slice(0).map(fetchUser));",
              "  await Promise.all(ids.slice().map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 4,
        column: 41,
        message: "`Promise.all` starts the work for every item of `ids.slice(from, to)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await Promise.all(ids.slice(0, count).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(from, to), 8, fetchUser);",
              "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));",
              "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));",
              "  await Promise.all(ids.slice(1).map(fetchUser));",
              "  await Promise.all(ids.slice(0).map(fetchUser));",
              "  await Promise.all(ids.slice().map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 5,
        column: 57,
        message: "`Promise.all` starts the work for every item of `ids.slice(startIndex, endIndex + 1)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await Promise.all(ids.slice(0, count).map(fetchUser));",
              "  await Promise.all(ids.slice(from, to).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(startIndex, endIndex + 1), 8, fetchUser);",
              "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));",
              "  await Promise.all(ids.slice(1).map(fetchUser));",
              "  await Promise.all(ids.slice(0).map(fetchUser));",
              "  await Promise.all(ids.slice().map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 6,
        column: 55,
        message: "`Promise.all` starts the work for every item of `ids.slice(from, from + batchSize)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await Promise.all(ids.slice(0, count).map(fetchUser));",
              "  await Promise.all(ids.slice(from, to).map(fetchUser));",
              "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(from, from + batchSize), 8, fetchUser);",
              "  await Promise.all(ids.slice(1).map(fetchUser));",
              "  await Promise.all(ids.slice(0).map(fetchUser));",
              "  await Promise.all(ids.slice().map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 7,
        column: 34,
        message: "`Promise.all` starts the work for every item of `ids.slice(1)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await Promise.all(ids.slice(0, count).map(fetchUser));",
              "  await Promise.all(ids.slice(from, to).map(fetchUser));",
              "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));",
              "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(1), 8, fetchUser);",
              "  await Promise.all(ids.slice(0).map(fetchUser));",
              "  await Promise.all(ids.slice().map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 8,
        column: 34,
        message: "`Promise.all` starts the work for every item of `ids.slice(0)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await Promise.all(ids.slice(0, count).map(fetchUser));",
              "  await Promise.all(ids.slice(from, to).map(fetchUser));",
              "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));",
              "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));",
              "  await Promise.all(ids.slice(1).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(0), 8, fetchUser);",
              "  await Promise.all(ids.slice().map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 9,
        column: 33,
        message: "`Promise.all` starts the work for every item of `ids.slice()` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function pages(ids: string[], count: number, from: number, to: number, startIndex: number, endIndex: number, batchSize: number) {",
              "  await Promise.all(ids.slice(0, count).map(fetchUser));",
              "  await Promise.all(ids.slice(from, to).map(fetchUser));",
              "  await Promise.all(ids.slice(startIndex, endIndex + 1).map(fetchUser));",
              "  await Promise.all(ids.slice(from, from + batchSize).map(fetchUser));",
              "  await Promise.all(ids.slice(1).map(fetchUser));",
              "  await Promise.all(ids.slice(0).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(), 8, fetchUser);",
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
    name: "splice with a variable count, and splice(0) that takes the whole queue",
    code: lines(D, "export async function drain(queue: string[], batchSize: number) {", "  await Promise.all(queue.splice(0, batchSize).map(sendMail));", "  await Promise.all(queue.splice(0).map(sendMail));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 48,
        message: "`Promise.all` starts the work for every item of `queue.splice(0, batchSize)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function drain(queue: string[], batchSize: number) {",
              "  await mapWithConcurrency(queue.splice(0, batchSize), 8, sendMail);",
              "  await Promise.all(queue.splice(0).map(sendMail));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 4,
        column: 37,
        message: "`Promise.all` starts the work for every item of `queue.splice(0)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function drain(queue: string[], batchSize: number) {",
              "  await Promise.all(queue.splice(0, batchSize).map(sendMail));",
              "  await mapWithConcurrency(queue.splice(0), 8, sendMail);",
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
    name: "a constant list concatenated with the caller's list",
    code: lines("declare function ping(host: string): Promise<number>;", "const DEFAULT_HOSTS = ['db', 'cache'];", "export async function health(userHosts: string[]) {", "  return Promise.all(DEFAULT_HOSTS.concat(userHosts).map((host) => ping(host)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 54,
        message: "`Promise.all` starts the work for every item of `DEFAULT_HOSTS.concat(userHosts)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function ping(host: string): Promise<number>;",
              "const DEFAULT_HOSTS = ['db', 'cache'];",
              "export async function health(userHosts: string[]) {",
              "  return mapWithConcurrency(DEFAULT_HOSTS.concat(userHosts), 8, (host) => ping(host));",
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
    name: "flat() over a literal of two arrays is as large as both",
    code: lines(D, "export async function loadAll(primaryIds: string[], secondaryIds: string[]) {", "  return Promise.all([primaryIds, secondaryIds].flat().map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 56,
        message: "`Promise.all` starts the work for every item of `[primaryIds, secondaryIds].flat()` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadAll(primaryIds: string[], secondaryIds: string[]) {",
              "  return mapWithConcurrency([primaryIds, secondaryIds].flat(), 8, (id) => fetchUser(id));",
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
    name: "Array.of(...userIds) spreads the caller's list: as open as it is",
    code: lines(D, "export async function loadAll(userIds: string[]) {", "  return Promise.all(Array.of(...userIds).map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 43,
        message: "`Promise.all` starts the work for every item of `Array.of(...userIds)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadAll(userIds: string[]) {",
              "  return mapWithConcurrency(Array.of(...userIds), 8, (id) => fetchUser(id));",
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
    name: "Array.of with more arguments than maxConstantLength",
    options: { maxConstantLength: 2 },
    code: lines(D, "export async function loadTeam(lead: string, dev: string, qa: string) {", "  return Promise.all(Array.of(lead, dev, qa).map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 46,
        message: "`Promise.all` starts the work for every item of `Array.of(lead, dev, qa)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadTeam(lead: string, dev: string, qa: string) {",
              "  return mapWithConcurrency(Array.of(lead, dev, qa), 8, (id) => fetchUser(id));",
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
    name: "an imported const whose initializer is open: read from the environment",
    extraFiles: { "regions.ts": 'export const REGIONS = (process.env.REGIONS ?? "").split(",");' },
    code: lines('import { REGIONS } from "./regions";', D, "export async function regionalAdmins() {", "  return Promise.all(REGIONS.map((region) => fetchUser(region)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 30,
        message: "`Promise.all` starts the work for every item of `REGIONS` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import { REGIONS } from "./regions";',
              D,
              "export async function regionalAdmins() {",
              "  return mapWithConcurrency(REGIONS, 8, (region) => fetchUser(region));",
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
    name: "an imported literal list longer than maxConstantLength",
    options: { maxConstantLength: 2 },
    extraFiles: { "regions.ts": 'export const REGIONS = ["eu", "us", "ap"];' },
    code: lines('import { REGIONS } from "./regions";', D, "export async function regionalAdmins() {", "  return Promise.all(REGIONS.map((region) => fetchUser(region)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 30,
        message: "`Promise.all` starts the work for every item of `REGIONS` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import { REGIONS } from "./regions";',
              D,
              "export async function regionalAdmins() {",
              "  return mapWithConcurrency(REGIONS, 8, (region) => fetchUser(region));",
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
    name: "a list a package declares (a .d.ts, not the project's code) is not followed",
    extraFiles: { "hosts.d.ts": lines('declare module "cluster-hosts" {', "  export const HOSTS: string[];", "}") },
    code: lines('import { HOSTS } from "cluster-hosts";', "declare function ping(host: string): Promise<number>;", "export async function health() {", "  return Promise.all(HOSTS.map((host) => ping(host)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 28,
        message: "`Promise.all` starts the work for every item of `HOSTS` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import { HOSTS } from "cluster-hosts";',
              "declare function ping(host: string): Promise<number>;",
              "export async function health() {",
              "  return mapWithConcurrency(HOSTS, 8, (host) => ping(host));",
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
    name: "a wrapper picked from a record by element access whose type is no limiter",
    code: lines(
      "declare function download(url: string): Promise<Uint8Array>;",
      "type Wrapper = <T>(work: () => Promise<T>) => Promise<T>;",
      "declare const withRetry: Record<string, Wrapper>;",
      "export async function fetchAll(urls: string[]) {",
      "  return Promise.all(urls.map((url) => withRetry[new URL(url).host](() => download(url))));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 27,
        message: "`Promise.all` starts the work for every item of `urls` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function download(url: string): Promise<Uint8Array>;",
              "type Wrapper = <T>(work: () => Promise<T>) => Promise<T>;",
              "declare const withRetry: Record<string, Wrapper>;",
              "export async function fetchAll(urls: string[]) {",
              "  return mapWithConcurrency(urls, 8, (url) => withRetry[new URL(url).host](() => download(url)));",
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
    name: "a loop whose promises are raced and then settled: the first combinator is named",
    code: lines("declare function connect(host: string): Promise<{ destroy(): void }>;", "declare function log(): void;", "export async function firstConnection(hosts: string[]) {", "  const attempts = [];", "  for (const host of hosts) attempts.push(connect(host));", "  log();", "  const winner = await Promise.race(attempts);", "  await Promise.allSettled(attempts);", "  return winner;", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 43,
        message: "This loop starts a promise for every item of `hosts` and collects them for `Promise.race`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "Promise.all(pending).then(...) as the statement right after the loop",
    code: lines(D, "export function notifyAll(recipients: string[], done: () => void) {", "  const pending = [];", "  for (const to of recipients) pending.push(sendMail(to));", "  Promise.all(pending).then(done, done);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 45,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "spreads of two constant lists whose sum is above maxConstantLength",
    options: {"maxConstantLength":4},
    code: lines("declare function ping(host: string): Promise<number>;", "const PRIMARY = ['db-1', 'db-2', 'db-3'];", "const REPLICAS = ['db-4', 'db-5', 'db-6'];", "export async function health() {", "  return Promise.all([...PRIMARY, ...REPLICAS].map((host) => ping(host)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 48,
        message: "`Promise.all` starts the work for every item of `[...PRIMARY, ...REPLICAS]` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function ping(host: string): Promise<number>;",
              "const PRIMARY = ['db-1', 'db-2', 'db-3'];",
              "const REPLICAS = ['db-4', 'db-5', 'db-6'];",
              "export async function health() {",
              "  return mapWithConcurrency([...PRIMARY, ...REPLICAS], 8, (host) => ping(host));",
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
    name: "a capped spread followed by an open one",
    code: lines(D, "export async function feed(featured: string[], rest: string[]) {", "  return Promise.all([...featured.slice(0, 3), ...rest].map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 57,
        message: "`Promise.all` starts the work for every item of `[...featured.slice(0, 3), ...rest]` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function feed(featured: string[], rest: string[]) {",
              "  return mapWithConcurrency([...featured.slice(0, 3), ...rest], 8, (id) => fetchUser(id));",
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
    name: "a const declared as an array whose initializer is any",
    code: lines(D, "export async function loadUsers(body: string) {", "  const ids: string[] = JSON.parse(body);", "  return Promise.all(ids.map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 26,
        message: "`Promise.all` starts the work for every item of `ids` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadUsers(body: string) {",
              "  const ids: string[] = JSON.parse(body);",
              "  return mapWithConcurrency(ids, 8, (id) => fetchUser(id));",
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
    name: "a const holding an awaited query result",
    code: lines(D, "declare const repo: { listIds(): Promise<string[]> };", "export async function loadUsers() {", "  const ids = await repo.listIds();", "  return Promise.all(ids.map((id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 26,
        message: "`Promise.all` starts the work for every item of `ids` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "declare const repo: { listIds(): Promise<string[]> };",
              "export async function loadUsers() {",
              "  const ids = await repo.listIds();",
              "  return mapWithConcurrency(ids, 8, (id) => fetchUser(id));",
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
    name: "Array.from({ length: 32 }) above maxConstantLength",
    code: lines("declare function rebuildShard(shard: number): Promise<void>;", "export async function rebuildAll() {", "  await Promise.all(Array.from({ length: 32 }, (_, shard) => rebuildShard(shard)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 27,
        message: "`Promise.all` starts the work for every item of `{ length: 32 }` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function rebuildShard(shard: number): Promise<void>;",
              "export async function rebuildAll() {",
              "  await mapWithConcurrency({ length: 32 }, 8, (_, shard) => rebuildShard(shard));",
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
    name: "the work is a method call on a repository",
    code: lines("interface User { name: string }", "declare const db: { users: { findById(id: string): Promise<User> } };", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => db.users.findById(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "interface User { name: string }",
              "declare const db: { users: { findById(id: string): Promise<User> } };",
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => db.users.findById(id));",
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
    name: "a function made by a call given options, called without a function",
    code: lines("interface User { name: string }", "declare function createClient(options: { timeout: number }): (path: string) => Promise<User>;", "const api = createClient({ timeout: 5000 });", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => api(`/users/${id}`)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "interface User { name: string }",
              "declare function createClient(options: { timeout: number }): (path: string) => Promise<User>;",
              "const api = createClient({ timeout: 5000 });",
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => api(`/users/${id}`));",
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
    name: "a wrapper made by a call given a string, passed a function",
    code: lines(D, "declare function makeRetrier(policy: string): <T>(work: () => Promise<T>) => Promise<T>;", "const withRetry = makeRetrier('exponential');", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => withRetry(() => fetchUser(id))));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "declare function makeRetrier(policy: string): <T>(work: () => Promise<T>) => Promise<T>;",
              "const withRetry = makeRetrier('exponential');",
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => withRetry(() => fetchUser(id)));",
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
    name: "map with a thisArg: reported, no fix (the helpers take no thisArg)",
    code: lines(D, "export class Loader {", "  load(id: string) { return fetchUser(id); }", "  async loadAll(userIds: string[]) {", "    return Promise.all(userIds.map(this.load, this));", "  }", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 32,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
    ],
  },
  {
    name: "a callback that reads the array (third parameter): reported, no fix",
    code: lines("declare function upload(part: Uint8Array, index: number, total: number): Promise<void>;", "export async function uploadParts(parts: Uint8Array[]) {", "  await Promise.all(parts.map((part, index, all) => upload(part, index, all.length)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 27,
        message: "`Promise.all` starts the work for every item of `parts` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
    ],
  },
  {
    name: "a callback that takes the item and its index: the helper fix",
    code: lines("declare function upload(part: Uint8Array, index: number): Promise<void>;", "export async function uploadParts(parts: Uint8Array[]) {", "  await Promise.all(parts.map((part, index) => upload(part, index)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 27,
        message: "`Promise.all` starts the work for every item of `parts` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function upload(part: Uint8Array, index: number): Promise<void>;",
              "export async function uploadParts(parts: Uint8Array[]) {",
              "  await mapWithConcurrency(parts, 8, (part, index) => upload(part, index));",
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
    name: "Array.from with p-map imported: only the helper is offered (pMap takes no Array.from shape)",
    ...WITH_LIBRARIES,
    code: lines("import pMap from \"p-map\";", D, "export async function notify(recipients: Set<string>) {", "  await Promise.all(Array.from(recipients, (to) => sendMail(to)));", "}", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 27,
        message: "`Promise.all` starts the work for every item of `recipients` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import pMap from "p-map";',
              D,
              "export async function notify(recipients: Set<string>) {",
              "  await mapWithConcurrency(recipients, 8, (to) => sendMail(to));",
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
    name: "a file ending with a blank line: the helper is appended without another one",
    code: lines(D, "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => fetchUser(id)));", "}", "", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));",
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
    name: "p-limit imported, the fan-out in a concise arrow body: no limit fix (no statement to put the limit before)",
    ...WITH_LIBRARIES,
    code: lines("import pLimit from \"p-limit\";", D, "export const loadUsers = (userIds: string[]) => Promise.all(userIds.map((id) => fetchUser(id)));", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 69,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import pLimit from "p-limit";',
              D,
              "export const loadUsers = (userIds: string[]) => mapWithConcurrency(userIds, 8, (id) => fetchUser(id));",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a collection expression of 40 characters is quoted, a longer one is not",
    code: lines(D, "export class Notifier {", "  settings = { notifications: { recipientIds: [] as string[] } };", "  account = { organization: { members: { activeUserIds: [] as string[] } } };", "  async run() {", "    await Promise.all(this.settings.notifications.recipientIds.map(fetchUser));", "    await Promise.all(this.account.organization.members.activeUserIds.map(fetchUser));", "  }", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 6,
        column: 64,
        message: "`Promise.all` starts the work for every item of `this.settings.notifications.recipientIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export class Notifier {",
              "  settings = { notifications: { recipientIds: [] as string[] } };",
              "  account = { organization: { members: { activeUserIds: [] as string[] } } };",
              "  async run() {",
              "    await mapWithConcurrency(this.settings.notifications.recipientIds, 8, fetchUser);",
              "    await Promise.all(this.account.organization.members.activeUserIds.map(fetchUser));",
              "  }",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 7,
        column: 71,
        message: "`Promise.all` starts the work for every item of the collection at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export class Notifier {",
              "  settings = { notifications: { recipientIds: [] as string[] } };",
              "  account = { organization: { members: { activeUserIds: [] as string[] } } };",
              "  async run() {",
              "    await Promise.all(this.settings.notifications.recipientIds.map(fetchUser));",
              "    await mapWithConcurrency(this.account.organization.members.activeUserIds, 8, fetchUser);",
              "  }",
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
    name: "a slice from one field to another field plus a constant",
    code: lines(D, "export class Cursor {", "  constructor(private ids: string[], private start: number, private end: number) {}", "  async page() {", "    return Promise.all(this.ids.slice(this.start, this.end + 10).map(fetchUser));", "  }", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 66,
        message: "`Promise.all` starts the work for every item of the collection at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export class Cursor {",
              "  constructor(private ids: string[], private start: number, private end: number) {}",
              "  async page() {",
              "    return mapWithConcurrency(this.ids.slice(this.start, this.end + 10), 8, fetchUser);",
              "  }",
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
    name: "the work is a method of a client class a package exports by default",
    extraFiles: { "redis.d.ts": lines("declare module \"ioredis\" {", "  export default class Redis {", "    get(key: string): Promise<string | null>;", "  }", "}") },
    code: lines("import type Redis from \"ioredis\";", "export async function readAll(redis: Redis, keys: string[]) {", "  return Promise.all(keys.map((key) => redis.get(key)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 27,
        message: "`Promise.all` starts the work for every item of `keys` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import type Redis from "ioredis";',
              "export async function readAll(redis: Redis, keys: string[]) {",
              "  return mapWithConcurrency(keys, 8, (key) => redis.get(key));",
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
    name: "a cache made from options without a number, passed a function: not a limiter",
    code: lines(D, "declare function createCache(options: { store: string }): { wrap<T>(key: string, work: () => Promise<T>): Promise<T> };", "const cache = createCache({ store: 'memory' });", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => cache.wrap(id, () => fetchUser(id))));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "declare function createCache(options: { store: string }): { wrap<T>(key: string, work: () => Promise<T>): Promise<T> };",
              "const cache = createCache({ store: 'memory' });",
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => cache.wrap(id, () => fetchUser(id)));",
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
    name: "batches from a helper given no constant size",
    code: lines(D, "declare function partition<T>(items: T[], test: (item: T) => boolean): T[][];", "export async function loadUsers(userIds: string[], isActive: (id: string) => boolean) {", "  for (const group of partition(userIds, isActive)) {", "    await Promise.all(group.map((id) => fetchUser(id)));", "  }", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 29,
        message: "`Promise.all` starts the work for every item of `group` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "declare function partition<T>(items: T[], test: (item: T) => boolean): T[][];",
              "export async function loadUsers(userIds: string[], isActive: (id: string) => boolean) {",
              "  for (const group of partition(userIds, isActive)) {",
              "    await mapWithConcurrency(group, 8, (id) => fetchUser(id));",
              "  }",
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
    name: "slices whose end adds a variable to the start, or a constant to another variable",
    code: lines(D, "export async function window(ids: string[], from: number, to: number, batchSize: number) {", "  await Promise.all(ids.slice(from, batchSize + from).map(fetchUser));", "  await Promise.all(ids.slice(from, 10 + to).map(fetchUser));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 55,
        message: "`Promise.all` starts the work for every item of `ids.slice(from, batchSize + from)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function window(ids: string[], from: number, to: number, batchSize: number) {",
              "  await mapWithConcurrency(ids.slice(from, batchSize + from), 8, fetchUser);",
              "  await Promise.all(ids.slice(from, 10 + to).map(fetchUser));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 4,
        column: 46,
        message: "`Promise.all` starts the work for every item of `ids.slice(from, 10 + to)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function window(ids: string[], from: number, to: number, batchSize: number) {",
              "  await Promise.all(ids.slice(from, batchSize + from).map(fetchUser));",
              "  await mapWithConcurrency(ids.slice(from, 10 + to), 8, fetchUser);",
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
    name: "slice(0, -1), all but the last item, is no cap",
    code: lines(D, "export async function notifyAllButLast(recipients: string[]) {", "  await Promise.all(recipients.slice(0, -1).map((to) => sendMail(to)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 45,
        message: "`Promise.all` starts the work for every item of `recipients.slice(0, -1)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function notifyAllButLast(recipients: string[]) {",
              "  await mapWithConcurrency(recipients.slice(0, -1), 8, (to) => sendMail(to));",
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
    name: "a counted loop written i !== items.length",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  for (let i = 0; i !== recipients.length; i++) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 62,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a counted loop written items.length > i",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  for (let i = 0; recipients.length > i; i++) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 60,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "p-limit imported, `limit` and `limitConcurrency` taken: the limit is named concurrencyLimit",
    ...WITH_LIBRARIES,
    code: lines("import pLimit from \"p-limit\";", D, "const limit = 100;", "const limitConcurrency = (n: number) => Math.min(n, limit);", "export function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.slice(0, limitConcurrency(userIds.length)).map((id) => fetchUser(id)));", "}", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 6,
        column: 73,
        message: "`Promise.all` starts the work for every item of the collection at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            "Limit with `pLimit(8)`",
            lines(
              'import pLimit from "p-limit";',
              D,
              "const limit = 100;",
              "const limitConcurrency = (n: number) => Math.min(n, limit);",
              "export function loadUsers(userIds: string[]) {",
              "  const concurrencyLimit = pLimit(8);",
              "  return Promise.all(userIds.slice(0, limitConcurrency(userIds.length)).map((id) => concurrencyLimit(() => fetchUser(id))));",
              "}",
              "",
            ),
          ],
          [
            POOL,
            lines(
              'import pLimit from "p-limit";',
              D,
              "const limit = 100;",
              "const limitConcurrency = (n: number) => Math.min(n, limit);",
              "export function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds.slice(0, limitConcurrency(userIds.length)), 8, (id) => fetchUser(id));",
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
    name: "p-limit imported and all three names taken: no limit fix, the helper only",
    ...WITH_LIBRARIES,
    code: lines("import pLimit from \"p-limit\";", D, "const limit = 100;", "const limitConcurrency = (n: number) => Math.min(n, limit);", "const concurrencyLimit = limitConcurrency(8);", "export function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.slice(0, concurrencyLimit).map((id) => fetchUser(id)));", "}", ""),
    errors: [
      {
        messageId: "unboundedMap",
        line: 7,
        column: 57,
        message: "`Promise.all` starts the work for every item of `userIds.slice(0, concurrencyLimit)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import pLimit from "p-limit";',
              D,
              "const limit = 100;",
              "const limitConcurrency = (n: number) => Math.min(n, limit);",
              "const concurrencyLimit = limitConcurrency(8);",
              "export function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds.slice(0, concurrencyLimit), 8, (id) => fetchUser(id));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
    ],
  },
  // --- cases from the mutation record's group 4 (bench/mutation/unbounded-concurrency.md) ---
  {
    name: "a project's own type named LimitFunction (a plan's quota) is not p-limit's: the fan-out is reported",
    code: lines(
      "/** How many requests an account of a plan may make per minute. */",
      "type LimitFunction = (plan: string) => number;",
      "declare const planLimit: LimitFunction;",
      "declare function fetchUsage(accountId: string, perMinute: number): Promise<number>;",
      "export async function usageOf(accountIds: string[], plan: string) {",
      "  return Promise.all(accountIds.map((id) => fetchUsage(id, planLimit(plan))));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 6,
        column: 33,
        message: "`Promise.all` starts the work for every item of `accountIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "/** How many requests an account of a plan may make per minute. */",
              "type LimitFunction = (plan: string) => number;",
              "declare const planLimit: LimitFunction;",
              "declare function fetchUsage(accountId: string, perMinute: number): Promise<number>;",
              "export async function usageOf(accountIds: string[], plan: string) {",
              "  return mapWithConcurrency(accountIds, 8, (id) => fetchUsage(id, planLimit(plan)));",
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
    name: "a project's priority queue class named PQueue is no p-queue",
    code: lines(
      D,
      "class PQueue<T> {",
      "  private readonly items: { item: T; priority: number }[] = [];",
      "  push(item: T, priority: number): void {",
      "    this.items.push({ item, priority });",
      "    this.items.sort((a, b) => a.priority - b.priority);",
      "  }",
      "}",
      "const seen = new PQueue<string>();",
      "export async function loadUsers(userIds: string[]) {",
      "  return Promise.all(userIds.map((id) => {",
      "    seen.push(id, 1);",
      "    return fetchUser(id);",
      "  }));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 11,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "class PQueue<T> {",
              "  private readonly items: { item: T; priority: number }[] = [];",
              "  push(item: T, priority: number): void {",
              "    this.items.push({ item, priority });",
              "    this.items.sort((a, b) => a.priority - b.priority);",
              "  }",
              "}",
              "const seen = new PQueue<string>();",
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => {",
              "    seen.push(id, 1);",
              "    return fetchUser(id);",
              "  });",
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
    name: "a profiler's Bottleneck class (another package) is no bottleneck limiter",
    extraFiles: { "profiler.d.ts": lines('declare module "@acme/profiler" {', "  export class Bottleneck {", "    readonly stage: string;", "    explain(): Promise<string>;", "  }", "}") },
    code: lines('import type { Bottleneck } from "@acme/profiler";', "export async function explainAll(bottlenecks: Bottleneck[]) {", "  return Promise.all(bottlenecks.map((bottleneck) => bottleneck.explain()));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 34,
        message: "`Promise.all` starts the work for every item of `bottlenecks` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import type { Bottleneck } from "@acme/profiler";',
              "export async function explainAll(bottlenecks: Bottleneck[]) {",
              "  return mapWithConcurrency(bottlenecks, 8, (bottleneck) => bottleneck.explain());",
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
    name: "a compiler's Sema (semantic analysis) class is no async-sema semaphore",
    code: lines(
      "interface Diagnostic { file: string; message: string }",
      "declare function analyze(file: string): Promise<Diagnostic[]>;",
      "class Sema {",
      "  async check(file: string): Promise<Diagnostic[]> {",
      "    return analyze(file);",
      "  }",
      "}",
      "const sema = new Sema();",
      "export async function checkAll(files: string[]) {",
      "  return Promise.all(files.map((file) => sema.check(file)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 10,
        column: 28,
        message: "`Promise.all` starts the work for every item of `files` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "interface Diagnostic { file: string; message: string }",
              "declare function analyze(file: string): Promise<Diagnostic[]>;",
              "class Sema {",
              "  async check(file: string): Promise<Diagnostic[]> {",
              "    return analyze(file);",
              "  }",
              "}",
              "const sema = new Sema();",
              "export async function checkAll(files: string[]) {",
              "  return mapWithConcurrency(files, 8, (file) => sema.check(file));",
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
    name: "a railway signal class named Semaphore is no async-mutex semaphore",
    code: lines(
      "declare function sendAspect(signalId: string, aspect: string): Promise<void>;",
      "class Semaphore {",
      "  constructor(readonly id: string) {}",
      "  setAspect(aspect: \"stop\" | \"clear\"): Promise<void> {",
      "    return sendAspect(this.id, aspect);",
      "  }",
      "}",
      "export async function stopAll(signals: Semaphore[]) {",
      "  await Promise.all(signals.map((signal) => signal.setAspect(\"stop\")));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 9,
        column: 29,
        message: "`Promise.all` starts the work for every item of `signals` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function sendAspect(signalId: string, aspect: string): Promise<void>;",
              "class Semaphore {",
              "  constructor(readonly id: string) {}",
              '  setAspect(aspect: "stop" | "clear"): Promise<void> {',
              "    return sendAspect(this.id, aspect);",
              "  }",
              "}",
              "export async function stopAll(signals: Semaphore[]) {",
              '  await mapWithConcurrency(signals, 8, (signal) => signal.setAspect("stop"));',
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
    name: "a list of lazy query builders (thenables that start on then): mapping then over them starts every query",
    code: lines(
      "interface User { id: string }",
      "interface Query<T> { where(column: string, value: string): Query<T>; then<R>(onFulfilled: (rows: T[]) => R): Promise<R> }",
      "declare function usersTable(): Query<User>;",
      "export async function firstOfEach(ids: string[]) {",
      '  const queries = ids.map((id) => usersTable().where("id", id));',
      "  return Promise.all(queries.map((query) => query.then((rows) => rows[0])));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 6,
        column: 30,
        message: "`Promise.all` starts the work for every item of `queries` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "interface User { id: string }",
              "interface Query<T> { where(column: string, value: string): Query<T>; then<R>(onFulfilled: (rows: T[]) => R): Promise<R> }",
              "declare function usersTable(): Query<User>;",
              "export async function firstOfEach(ids: string[]) {",
              '  const queries = ids.map((id) => usersTable().where("id", id));',
              "  return mapWithConcurrency(queries, 8, (query) => query.then((rows) => rows[0]));",
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
    name: "an array-like literal with its items before its length: the length property counts",
    options: { maxConstantLength: 2 },
    code: lines(D, "export async function loadThree(first: string, second: string, third: string) {", "  return Promise.all(Array.from({ 0: first, 1: second, 2: third, length: 3 }, (id) => fetchUser(id)));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 28,
        message: "`Promise.all` starts the work for every item of the collection at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadThree(first: string, second: string, third: string) {",
              "  return mapWithConcurrency({ 0: first, 1: second, 2: third, length: 3 }, 8, (id) => fetchUser(id));",
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
    name: "Object.getOwnPropertyNames lists non-enumerable own properties too: not sized by the object's type",
    code: lines(
      "declare function report(field: string, value: unknown): Promise<void>;",
      "export async function reportError(error: { name: string; message: string }) {",
      "  await Promise.all(Object.getOwnPropertyNames(error).map((field) => report(field, Reflect.get(error, field))));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 55,
        message: "`Promise.all` starts the work for every item of `Object.getOwnPropertyNames(error)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function report(field: string, value: unknown): Promise<void>;",
              "export async function reportError(error: { name: string; message: string }) {",
              "  await mapWithConcurrency(Object.getOwnPropertyNames(error), 8, (field) => report(field, Reflect.get(error, field)));",
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
    name: "toSpliced(index, 1) keeps all but one item: no cap",
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2023.d.ts"] },
    code: lines(
      "interface Job { id: string }",
      "declare function run(job: Job): Promise<void>;",
      "export async function runOthers(queue: Job[], failedIndex: number) {",
      "  await Promise.all(queue.toSpliced(failedIndex, 1).map((job) => run(job)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 53,
        message: "`Promise.all` starts the work for every item of `queue.toSpliced(failedIndex, 1)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "interface Job { id: string }",
              "declare function run(job: Job): Promise<void>;",
              "export async function runOthers(queue: Job[], failedIndex: number) {",
              "  await mapWithConcurrency(queue.toSpliced(failedIndex, 1), 8, (job) => run(job));",
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
    name: "a doubling window slice(done, done * 2) is no cap",
    code: lines(
      D,
      "export async function rampUp(userIds: string[], done: number) {",
      "  return Promise.all(userIds.slice(done, done * 2).map((id) => fetchUser(id)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 52,
        message: "`Promise.all` starts the work for every item of `userIds.slice(done, done * 2)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function rampUp(userIds: string[], done: number) {",
              "  return mapWithConcurrency(userIds.slice(done, done * 2), 8, (id) => fetchUser(id));",
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
    name: "a slice between two entries of a list of bounds, the end plus a constant, is no cap",
    code: lines(
      D,
      "export async function loadRange(userIds: string[], bounds: number[]) {",
      "  return Promise.all(userIds.slice(bounds[0], bounds[1] + 10).map((id) => fetchUser(id)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 63,
        message: "`Promise.all` starts the work for every item of `userIds.slice(bounds[0], bounds[1] + 10)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export async function loadRange(userIds: string[], bounds: number[]) {",
              "  return mapWithConcurrency(userIds.slice(bounds[0], bounds[1] + 10), 8, (id) => fetchUser(id));",
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
    name: "(unrealistic) a slice starting or ending at `this` (a number, by a this parameter) is compared by name only",
    code: lines(
      D,
      "export function fromThis(this: number, userIds: string[], bounds: number[]) {",
      "  void Promise.all(userIds.slice(this, bounds[0] + 10).map((id) => fetchUser(id)));",
      "  return Promise.all(userIds.slice(bounds[0], this + 10).map((id) => fetchUser(id)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 56,
        message: "`Promise.all` starts the work for every item of `userIds.slice(this, bounds[0] + 10)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export function fromThis(this: number, userIds: string[], bounds: number[]) {",
              "  void mapWithConcurrency(userIds.slice(this, bounds[0] + 10), 8, (id) => fetchUser(id));",
              "  return Promise.all(userIds.slice(bounds[0], this + 10).map((id) => fetchUser(id)));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 4,
        column: 58,
        message: "`Promise.all` starts the work for every item of `userIds.slice(bounds[0], this + 10)` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "export function fromThis(this: number, userIds: string[], bounds: number[]) {",
              "  void Promise.all(userIds.slice(this, bounds[0] + 10).map((id) => fetchUser(id)));",
              "  return mapWithConcurrency(userIds.slice(bounds[0], this + 10), 8, (id) => fetchUser(id));",
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
    name: "a Promise subclass constructed with an executor that only waits: its own constructor may do more",
    code: lines(
      "declare function track(promise: Promise<unknown>): void;",
      "class TrackedPromise<T> extends Promise<T> {",
      "  constructor(executor: (resolve: (value: T) => void, reject: (reason?: unknown) => void) => void) {",
      "    super(executor);",
      "    track(this);",
      "  }",
      "}",
      "export async function pauseEach(ids: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const id of ids) pending.push(new TrackedPromise<void>((resolve) => setTimeout(resolve, 10)));",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 10,
        column: 38,
        message: "This loop starts a promise for every item of `ids` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "new Promise with a named executor: it may start work",
    code: lines(
      "declare function startUpload(path: string, resolve: () => void, reject: (error: Error) => void): void;",
      "export async function uploadAll(paths: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const path of paths) {",
      "    const executor = (resolve: () => void, reject: (error: Error) => void) => startUpload(path, resolve, reject);",
      "    pending.push(new Promise<void>(executor));",
      "  }",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 6,
        column: 18,
        message: "This loop starts a promise for every item of `paths` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "an executor that hands a timer a project function (not the promise's resolve) schedules work per item",
    code: lines(
      "declare function refresh(id: string): void;",
      "export async function refreshSoon(ids: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const id of ids) {",
      "    pending.push(new Promise<void>((resolve) => {",
      "      setTimeout(refresh, 0, id);",
      "      resolve();",
      "    }));",
      "  }",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 18,
        message: "This loop starts a promise for every item of `ids` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "an emitter typed any: its once is not known to only register a listener",
    code: lines(
      "declare function spawnWorker(id: string): any;",
      "export async function runAll(ids: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const id of ids) {",
      "    const child = spawnWorker(id);",
      '    pending.push(new Promise<void>((resolve) => child.once("exit", resolve)));',
      "  }",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 6,
        column: 18,
        message: "This loop starts a promise for every item of `ids` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "an emitter that may be the project's own bus (its once has a body): not known to only register a listener",
    code: lines(
      'import { EventEmitter } from "node:events";',
      "declare function runJob(id: string): void;",
      "class LocalBus {",
      "  once(event: string, listener: () => void): this {",
      "    runJob(event);",
      "    listener();",
      "    return this;",
      "  }",
      "}",
      "export async function waitAll(buses: (EventEmitter | LocalBus)[]) {",
      "  const pending: Promise<void>[] = [];",
      '  for (const bus of buses) pending.push(new Promise<void>((resolve) => bus.once("done", resolve)));',
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 12,
        column: 41,
        message: "This loop starts a promise for every item of `buses` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a block callback whose return of a waiting promise is not its only statement: only one-statement bodies are read",
    code: lines(
      'import type { Socket } from "node:net";',
      "export async function closeAll(sockets: Socket[]) {",
      "  await Promise.all(sockets.map((socket) => {",
      '    return new Promise<Closed>((resolve) => socket.once("close", (hadError: boolean) => resolve({ socket, hadError })));',
      "    interface Closed { socket: Socket; hadError: boolean }",
      "  }));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 29,
        message: "`Promise.all` starts the work for every item of `sockets` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import type { Socket } from "node:net";',
              "export async function closeAll(sockets: Socket[]) {",
              "  await mapWithConcurrency(sockets, 8, (socket) => {",
              '    return new Promise<Closed>((resolve) => socket.once("close", (hadError: boolean) => resolve({ socket, hadError })));',
              "    interface Closed { socket: Socket; hadError: boolean }",
              "  });",
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
    name: "rest-parameter callbacks, `(...args) => ...` and `(id, ...rest) => ...`: reported, no fix (the helpers pass two arguments)",
    code: lines(
      "declare function logged(id: string, index: number): Promise<void>;",
      "export async function logAll(userIds: string[]) {",
      "  await Promise.all(userIds.map((...args: [string, number]) => logged(...args)));",
      "  await Promise.all(userIds.map((id: string, ...rest: [number]) => logged(id, rest[0])));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 3,
        column: 29,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
      {
        messageId: "unboundedMap",
        line: 4,
        column: 29,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
      },
    ],
  },
  {
    name: "p-limit imported, a callback whose parameters mention async (asyncId) and one written async(id) with no space",
    ...WITH_LIBRARIES,
    code: lines(
      'import pLimit from "p-limit";',
      "interface Hook { asyncId: number; name: string }",
      "declare function record(id: number): Promise<void>;",
      "export async function recordAll(hooks: Hook[]) {",
      "  await Promise.all(hooks.map(({ asyncId }) => record(asyncId)));",
      "}",
      "export async function recordIds(ids: number[]) {",
      "  await Promise.all(ids.map(async(id) => record(id)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 27,
        message: "`Promise.all` starts the work for every item of `hooks` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            "Limit with `pLimit(8)`",
            lines(
              'import pLimit from "p-limit";',
              "interface Hook { asyncId: number; name: string }",
              "declare function record(id: number): Promise<void>;",
              "export async function recordAll(hooks: Hook[]) {",
              "  const limit = pLimit(8);",
              "  await Promise.all(hooks.map(({ asyncId }) => limit(() => record(asyncId))));",
              "}",
              "export async function recordIds(ids: number[]) {",
              "  await Promise.all(ids.map(async(id) => record(id)));",
              "}",
            ),
          ],
          [
            POOL,
            lines(
              'import pLimit from "p-limit";',
              "interface Hook { asyncId: number; name: string }",
              "declare function record(id: number): Promise<void>;",
              "export async function recordAll(hooks: Hook[]) {",
              "  await mapWithConcurrency(hooks, 8, ({ asyncId }) => record(asyncId));",
              "}",
              "export async function recordIds(ids: number[]) {",
              "  await Promise.all(ids.map(async(id) => record(id)));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 8,
        column: 25,
        message: "`Promise.all` starts the work for every item of `ids` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            "Limit with `pLimit(8)`",
            lines(
              'import pLimit from "p-limit";',
              "interface Hook { asyncId: number; name: string }",
              "declare function record(id: number): Promise<void>;",
              "export async function recordAll(hooks: Hook[]) {",
              "  await Promise.all(hooks.map(({ asyncId }) => record(asyncId)));",
              "}",
              "export async function recordIds(ids: number[]) {",
              "  const limit = pLimit(8);",
              "  await Promise.all(ids.map((id) => limit(async () => record(id))));",
              "}",
            ),
          ],
          [
            POOL,
            lines(
              'import pLimit from "p-limit";',
              "interface Hook { asyncId: number; name: string }",
              "declare function record(id: number): Promise<void>;",
              "export async function recordAll(hooks: Hook[]) {",
              "  await Promise.all(hooks.map(({ asyncId }) => record(asyncId)));",
              "}",
              "export async function recordIds(ids: number[]) {",
              "  await mapWithConcurrency(ids, 8, async(id) => record(id));",
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
    name: "a p-map loaded lazily through a function other than require is not offered (it may be any module's)",
    code: lines(
      D,
      "declare function importLazy(id: string): any;",
      'const pMap = importLazy("p-map");',
      "export async function loadUsers(userIds: string[]) {",
      "  return Promise.all(userIds.map((id) => fetchUser(id)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 5,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              D,
              "declare function importLazy(id: string): any;",
              'const pMap = importLazy("p-map");',
              "export async function loadUsers(userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => fetchUser(id));",
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
    name: "a constant list copied three times in a row ([...a], Array.from(a), a.filter) is past the depth bound: judged by its type",
    code: lines(
      "declare function ping(region: string): Promise<number>;",
      'const BASE = ["eu", "us", "ap"];',
      "const SPREAD_1 = [...BASE];",
      "const SPREAD_2 = [...SPREAD_1];",
      "const SPREAD_3 = [...SPREAD_2];",
      "const FROM_1 = Array.from(BASE);",
      "const FROM_2 = Array.from(FROM_1);",
      "const FROM_3 = Array.from(FROM_2);",
      "const KEPT_1 = BASE.filter(Boolean);",
      "const KEPT_2 = KEPT_1.filter(Boolean);",
      "const KEPT_3 = KEPT_2.filter(Boolean);",
      "export async function pingAll() {",
      "  await Promise.all(SPREAD_3.map((region) => ping(region)));",
      "  await Promise.all(FROM_3.map((region) => ping(region)));",
      "  await Promise.all(KEPT_3.map((region) => ping(region)));",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedMap",
        line: 13,
        column: 30,
        message: "`Promise.all` starts the work for every item of `SPREAD_3` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function ping(region: string): Promise<number>;",
              'const BASE = ["eu", "us", "ap"];',
              "const SPREAD_1 = [...BASE];",
              "const SPREAD_2 = [...SPREAD_1];",
              "const SPREAD_3 = [...SPREAD_2];",
              "const FROM_1 = Array.from(BASE);",
              "const FROM_2 = Array.from(FROM_1);",
              "const FROM_3 = Array.from(FROM_2);",
              "const KEPT_1 = BASE.filter(Boolean);",
              "const KEPT_2 = KEPT_1.filter(Boolean);",
              "const KEPT_3 = KEPT_2.filter(Boolean);",
              "export async function pingAll() {",
              "  await mapWithConcurrency(SPREAD_3, 8, (region) => ping(region));",
              "  await Promise.all(FROM_3.map((region) => ping(region)));",
              "  await Promise.all(KEPT_3.map((region) => ping(region)));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 14,
        column: 28,
        message: "`Promise.all` starts the work for every item of `FROM_3` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function ping(region: string): Promise<number>;",
              'const BASE = ["eu", "us", "ap"];',
              "const SPREAD_1 = [...BASE];",
              "const SPREAD_2 = [...SPREAD_1];",
              "const SPREAD_3 = [...SPREAD_2];",
              "const FROM_1 = Array.from(BASE);",
              "const FROM_2 = Array.from(FROM_1);",
              "const FROM_3 = Array.from(FROM_2);",
              "const KEPT_1 = BASE.filter(Boolean);",
              "const KEPT_2 = KEPT_1.filter(Boolean);",
              "const KEPT_3 = KEPT_2.filter(Boolean);",
              "export async function pingAll() {",
              "  await Promise.all(SPREAD_3.map((region) => ping(region)));",
              "  await mapWithConcurrency(FROM_3, 8, (region) => ping(region));",
              "  await Promise.all(KEPT_3.map((region) => ping(region)));",
              "}",
              "",
              HELPER_TS,
            ),
          ],
        ],
      },
      {
        messageId: "unboundedMap",
        line: 15,
        column: 28,
        message: "`Promise.all` starts the work for every item of `KEPT_3` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              "declare function ping(region: string): Promise<number>;",
              'const BASE = ["eu", "us", "ap"];',
              "const SPREAD_1 = [...BASE];",
              "const SPREAD_2 = [...SPREAD_1];",
              "const SPREAD_3 = [...SPREAD_2];",
              "const FROM_1 = Array.from(BASE);",
              "const FROM_2 = Array.from(FROM_1);",
              "const FROM_3 = Array.from(FROM_2);",
              "const KEPT_1 = BASE.filter(Boolean);",
              "const KEPT_2 = KEPT_1.filter(Boolean);",
              "const KEPT_3 = KEPT_2.filter(Boolean);",
              "export async function pingAll() {",
              "  await Promise.all(SPREAD_3.map((region) => ping(region)));",
              "  await Promise.all(FROM_3.map((region) => ping(region)));",
              "  await mapWithConcurrency(KEPT_3, 8, (region) => ping(region));",
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
    name: "the keys of a URLSearchParams (a DOM collection, not a lib array, set or map): as open as the query string",
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"], types: [] },
    code: lines(
      "declare function lookup(key: string): Promise<string>;",
      "export async function resolveAll(params: URLSearchParams) {",
      "  const pending: Promise<string>[] = [];",
      "  for (const key of params.keys()) pending.push(lookup(key));",
      "  return Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 49,
        message: "This loop starts a promise for every item of `params.keys()` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "(unrealistic) a push in a for...in's expression inside a for...of runs once per outer item: the outer loop collects",
    code: lines(
      "interface User { id: string; settings: Record<string, string> }",
      "declare function audit(user: User): Promise<void>;",
      "export async function auditAll(users: User[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const user of users) {",
      "    for (const key in (pending.push(audit(user)), user.settings)) console.log(key);",
      "  }",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 6,
        column: 37,
        message: "This loop starts a promise for every item of `users` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a module-level array pushed to in a loop and awaited with Promise.all in the same function",
    code: lines(
      D,
      "const pending: Promise<void>[] = [];",
      "export async function notifyAll(recipients: string[]) {",
      "  for (const to of recipients) pending.push(sendMail(to));",
      "  await Promise.all(pending);",
      "  pending.length = 0;",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 45,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a project collection of in-flight promises (its own push) given to Promise.all after the loop",
    code: lines(
      D,
      "class InFlight implements Iterable<Promise<void>> {",
      "  private readonly items = new Set<Promise<void>>();",
      "  push(promise: Promise<void>): void {",
      "    this.items.add(promise);",
      "    void promise.finally(() => this.items.delete(promise));",
      "  }",
      "  [Symbol.iterator]() {",
      "    return this.items.values();",
      "  }",
      "}",
      "export async function notifyAll(recipients: string[]) {",
      "  const inFlight = new InFlight();",
      "  for (const to of recipients) inFlight.push(sendMail(to));",
      "  await Promise.all(inFlight);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 14,
        column: 46,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a typed array made from the caller's list (Uint16Array.from(ports)): as open as the list",
    code: lines(
      "declare function probe(port: number): Promise<boolean>;",
      "export async function probeAll(ports: number[]) {",
      "  const pending: Promise<boolean>[] = [];",
      "  for (const port of Uint16Array.from(ports)) pending.push(probe(port));",
      "  return Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 60,
        message: "This loop starts a promise for every item of `Uint16Array.from(ports)` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
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
  {
    name: "a const holding a map exported by another module: the work started there",
    extraFiles: { "jobs.ts": lines(D, "declare const ids: string[];", "export const started = ids.map((id) => fetchUser(id));") },
    code: lines("import { started } from \"./jobs\";", "export async function ready() {", "  await Promise.all(started);", "}"),
  },
  {
    name: "plugin hooks whose results are not known to be promises",
    code: lines("interface Plugin { name: string; init(): unknown }", "export async function initAll(plugins: Plugin[]) {", "  const results = [];", "  for (const plugin of plugins) results.push(plugin.init());", "  return Promise.all(results);", "}"),
  },
  {
    name: "a literal array of exactly maxConstantLength items",
    options: {"maxConstantLength":3},
    code: lines("declare function ping(host: string): Promise<number>;", "export async function health() {", "  return Promise.all(['db', 'cache', 'queue'].map((host) => ping(host)));", "}"),
  },
  {
    name: "Object.values and Object.entries of an object type without an index signature",
    code: lines("declare function ping(url: string): Promise<number>;", "declare const endpoints: { users: string; orders: string; mail: string };", "export async function warm() {", "  await Promise.all(Object.values(endpoints).map((url) => ping(url)));", "  await Promise.all(Object.entries(endpoints).map(([, url]) => ping(url)));", "}"),
  },
  {
    name: "Array.from copy of an `as const` list",
    code: lines("declare function ping(region: string): Promise<number>;", "const REGIONS = ['eu-west-1', 'us-east-1', 'ap-south-1'] as const;", "export async function health() {", "  const regions = Array.from(REGIONS);", "  return Promise.all(regions.map((region) => ping(region)));", "}"),
  },
  {
    name: "a literal list checked with satisfies",
    code: lines("declare function ping(host: string): Promise<number>;", "const REPLICAS = ['db-1', 'db-2', 'db-3'] satisfies string[];", "export async function health() {", "  return Promise.all(REPLICAS.map((host) => ping(host)));", "}"),
  },
  {
    name: "filter, slice, sort, reverse and entries of a constant list",
    code: lines("declare function compact(shard: string, index?: number): Promise<void>;", "const SHARDS = ['users', 'orders', 'events'];", "export async function compactAll(skip: string) {", "  await Promise.all(SHARDS.filter((shard) => shard !== skip).map((shard) => compact(shard)));", "  await Promise.all(SHARDS.slice(1).sort().reverse().map((shard) => compact(shard)));", "  const pending: Promise<void>[] = [];", "  for (const [index, shard] of SHARDS.entries()) pending.push(compact(shard, index));", "  await Promise.all(pending);", "}"),
  },
  {
    name: "slice(this.cursor, BATCH + this.cursor) and slice(this.cursor, this.cursor + BATCH)",
    code: lines(D, "const BATCH = 50;", "export class Pager {", "  constructor(private ids: string[], private cursor: number) {}", "  async next() {", "    const page = this.ids.slice(this.cursor, BATCH + this.cursor);", "    await Promise.all(page.map(fetchUser));", "    await Promise.all(this.ids.slice(this.cursor, this.cursor + BATCH).map(fetchUser));", "  }", "}"),
  },
  {
    name: "a while loop draining a queue",
    code: lines(D, "export async function drain(queue: string[]) {", "  const sent: Promise<void>[] = [];", "  while (queue.length > 0) sent.push(sendMail(queue.shift()!));", "  await Promise.all(sent);", "}"),
  },
  {
    name: "promises pushed from a stream's data handler (not a loop over a collection)",
    code: lines("import type { Readable } from \"node:stream\";", "declare function save(row: unknown): Promise<void>;", "export async function ingest(rows: Readable) {", "  const saved: Promise<void>[] = [];", "  rows.on('data', (row) => saved.push(save(row)));", "  await new Promise((resolve) => rows.once('end', resolve));", "  await Promise.all(saved);", "}"),
  },
  {
    name: "a callback named by reference whose body goes through p-limit",
    ...WITH_LIBRARIES,
    code: lines("import pLimit from \"p-limit\";", D, "const limit = pLimit(4);", "function loadUser(id: string) {", "  return limit(() => fetchUser(id));", "}", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map(loadUser));", "}"),
  },
  {
    name: "a queue made with a name and options holding a concurrency",
    code: lines(D, "declare class TaskQueue {", "  constructor(name: string, options: { concurrency: number; autoStart: boolean });", "  push<T>(work: () => Promise<T>): Promise<T>;", "}", "const queue = new TaskQueue('mail', { concurrency: 4, autoStart: true });", "export async function notify(recipients: string[]) {", "  await Promise.all(recipients.map((to) => queue.push(() => sendMail(to))));", "}"),
  },
  {
    name: "bottleneck: a limiter handed in as a parameter",
    ...WITH_LIBRARIES,
    code: lines("import type Bottleneck from \"bottleneck\";", D, "export async function loadUsers(userIds: string[], limiter: Bottleneck) {", "  return Promise.all(userIds.map((id) => limiter.schedule(() => fetchUser(id))));", "}"),
  },
  {
    name: "async-sema: acquire and release around the work",
    ...WITH_LIBRARIES,
    code: lines("import type { Sema } from \"async-sema\";", D, "export async function loadUsers(userIds: string[], sema: Sema) {", "  return Promise.all(userIds.map(async (id) => {", "    await sema.acquire();", "    try {", "      return await fetchUser(id);", "    } finally {", "      sema.release();", "    }", "  }));", "}"),
  },
  {
    name: "async-mutex: runExclusive on a Semaphore and a Mutex",
    ...WITH_LIBRARIES,
    code: lines("import type { Mutex, Semaphore } from \"async-mutex\";", D, "export async function loadUsers(userIds: string[], semaphore: Semaphore, mutex: Mutex) {", "  await Promise.all(userIds.map((id) => semaphore.runExclusive(() => fetchUser(id))));", "  await Promise.all(userIds.map((id) => mutex.runExclusive(() => fetchUser(id))));", "}"),
  },
  {
    name: "a lock class written in the project with lock and unlock",
    code: lines(D, "class Lock {", "  private held = false;", "  private waiting: (() => void)[] = [];", "  async lock(): Promise<void> {", "    if (!this.held) { this.held = true; return; }", "    await new Promise<void>((resolve) => this.waiting.push(resolve));", "  }", "  unlock(): void {", "    const next = this.waiting.shift();", "    if (next) next(); else this.held = false;", "  }", "}", "const lock = new Lock();", "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map(async (id) => {", "    await lock.lock();", "    try {", "      return await fetchUser(id);", "    } finally {", "      lock.unlock();", "    }", "  }));", "}"),
  },
  {
    name: "filter, map, values and keys of an `as const` list (ReadonlyArray methods)",
    code: lines("declare function compact(shard: string): Promise<void>;", "const SHARDS = ['users', 'orders', 'events'] as const;", "export async function compactAll(skip: string) {", "  await Promise.all(SHARDS.filter((shard) => shard !== skip).map((shard) => compact(shard)));", "  await Promise.all(SHARDS.map((shard) => shard.toUpperCase()).map((shard) => compact(shard)));", "  await Promise.all([...SHARDS.values()].map((shard) => compact(shard)));", "  await Promise.all(Array.from(SHARDS.keys(), (index) => compact(SHARDS[index])));", "}"),
  },
  {
    name: "toSorted and toReversed copies of a constant list",
    compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2023.d.ts"] },
    code: lines("declare function compact(shard: string): Promise<void>;", "const SHARDS = ['users', 'orders', 'events'];", "export async function compactAll() {", "  await Promise.all(SHARDS.toSorted().map((shard) => compact(shard)));", "  await Promise.all(SHARDS.toReversed().map((shard) => compact(shard)));", "}"),
  },
  {
    name: "a queue made with options holding a concurrency only",
    code: lines(D, "declare class WorkQueue {", "  constructor(options: { concurrency: number });", "  push<T>(work: () => Promise<T>): Promise<T>;", "}", "const queue = new WorkQueue({ concurrency: 4 });", "export async function notify(recipients: string[]) {", "  await Promise.all(recipients.map((to) => queue.push(() => sendMail(to))));", "}"),
  },
  {
    name: "promises that wait for one of several emitter events (on, addListener, prependListener, prependOnceListener)",
    code: lines("import type { EventEmitter } from \"node:events\";", "export async function waitForAll(workers: EventEmitter[]) {", "  await Promise.all(", "    workers.map((worker) => new Promise<void>((resolve) => {", "      worker.on('exit', () => resolve());", "      worker.addListener('error', () => resolve());", "      worker.prependListener('disconnect', () => resolve());", "      worker.prependOnceListener('close', () => resolve());", "    })),", "  );", "}"),
  },
  {
    name: "promises that wait for a DOM-style load event",
    code: lines("export async function waitForLoads(images: EventTarget[]) {", "  await Promise.all(images.map((image) => new Promise((resolve) => image.addEventListener('load', resolve))));", "}"),
  },
  {
    name: "promises that only yield a tick (setImmediate, queueMicrotask)",
    code: lines("export async function yieldPerItem(items: string[]) {", "  await Promise.all(items.map(() => new Promise<void>((resolve) => setImmediate(resolve))));", "  await Promise.all(items.map(() => new Promise<void>((resolve) => queueMicrotask(resolve))));", "}"),
  },
  {
    name: "a for...in loop inside a for...of loop: the inner loop is the one that collects",
    code: lines("declare function saveSetting(user: string, key: string): Promise<void>;", "export async function saveAll(users: { id: string; settings: Record<string, string> }[]) {", "  const pending: Promise<void>[] = [];", "  for (const user of users) {", "    for (const key in user.settings) pending.push(saveSetting(user.id, key));", "  }", "  await Promise.all(pending);", "}"),
  },
  {
    name: "Array.from over the characters of a string (a string's length is not a collection size the rule judges)",
    code: lines("declare function lookup(char: string): Promise<number>;", "export async function codes(word: string) {", "  return Promise.all(Array.from(word, (char) => lookup(char)));", "}"),
  },
  {
    name: "slice(offset, 100): at most 100 items whatever the offset",
    code: lines(D, "export async function page(ids: string[], offset: number) {", "  return Promise.all(ids.slice(offset, 100).map((id) => fetchUser(id)));", "}"),
  },
  {
    name: "slice(-10, -1) and slice(-10, end): at most 10 items from the back",
    code: lines(D, "export async function recentButLast(ids: string[], end: number) {", "  await Promise.all(ids.slice(-10, -1).map((id) => fetchUser(id)));", "  await Promise.all(ids.slice(-10, end).map((id) => fetchUser(id)));", "}"),
  },
  {
    name: "a counted loop written i !== WORKERS (a const count, not a collection)",
    code: lines("declare function worker(id: number): Promise<void>;", "const WORKERS = 4;", "export async function start() {", "  const workers: Promise<void>[] = [];", "  for (let i = 0; i !== WORKERS; i++) workers.push(worker(i));", "  await Promise.all(workers);", "}"),
  },
  {
    name: "a counted loop written 4 > shard",
    code: lines("declare function rebuildShard(shard: number): Promise<void>;", "export async function rebuild() {", "  const pending: Promise<void>[] = [];", "  for (let shard = 0; 4 > shard; shard++) pending.push(rebuildShard(shard));", "  await Promise.all(pending);", "}"),
  },
  {
    name: "a counted loop written i != poolSize (a count parameter)",
    code: lines("declare function worker(id: number): Promise<void>;", "export async function start(poolSize: number) {", "  const workers: Promise<void>[] = [];", "  for (let i = 0; i != poolSize; i++) workers.push(worker(i));", "  await Promise.all(workers);", "}"),
  },
  {
    name: "Array.of(primary, secondary): two users, written one by one",
    code: lines(
      D,
      "export async function loadPair(primary: string, secondary: string) {",
      "  const [owner, delegate] = await Promise.all(Array.of(primary, secondary).map(fetchUser));",
      "  return { owner, delegate };",
      "}",
    ),
  },
  {
    name: "Array.of held in a const: the primary and the replica pinged together",
    code: lines(
      "declare function ping(host: string): Promise<number>;",
      "interface DbConfig { primaryHost: string; replicaHost: string }",
      "export async function health(config: DbConfig) {",
      "  const hosts = Array.of(config.primaryHost, config.replicaHost);",
      "  const latencies = await Promise.all(hosts.map((host) => ping(host)));",
      "  return Math.max(...latencies);",
      "}",
    ),
  },
  {
    name: "Array.of with a spread of an `as const` list and one more item",
    code: lines(
      D,
      "const DEFAULT_REGIONS = ['eu', 'us'] as const;",
      "export async function warm(extraRegion: string) {",
      "  await Promise.all(Array.of<string>(...DEFAULT_REGIONS, extraRegion).map((region) => fetchUser(region)));",
      "}",
    ),
  },
  {
    name: "a loop over Array.of(a, b) collecting a promise each",
    code: lines(
      D,
      "export async function notifyBoth(author: string, reviewer: string) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const to of Array.of(author, reviewer)) pending.push(sendMail(to));",
      "  await Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "a literal list imported from another module of the project",
    extraFiles: { "regions.ts": 'export const REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-2"];' },
    code: lines(
      'import { REGIONS } from "./regions";',
      "declare function warmCache(region: string): Promise<void>;",
      "export async function warmAll() {",
      "  await Promise.all(REGIONS.map((region) => warmCache(region)));",
      "}",
    ),
  },
  {
    name: "an `as const` list imported from another module of the project",
    extraFiles: { "regions.ts": 'export const REGIONS = ["eu", "us"] as const;' },
    code: lines('import { REGIONS } from "./regions";', D, "export async function regionalAdmins() {", "  return Promise.all(REGIONS.map((region) => fetchUser(`admin-${region}`)));", "}"),
  },
  {
    name: "an imported list re-exported by an index module, under another name",
    extraFiles: {
      "config/regions.ts": 'export const SUPPORTED_REGIONS = ["eu", "us", "ap"];',
      "config/index.ts": 'export { SUPPORTED_REGIONS as REGIONS } from "./regions";',
    },
    code: lines('import { REGIONS } from "./config";', D, "export async function regionalAdmins() {", "  return Promise.all(REGIONS.map((region) => fetchUser(region)));", "}"),
  },
  {
    name: "a list read through a namespace import",
    extraFiles: { "queues.ts": 'export const NAMES = ["mail", "billing", "exports"];' },
    code: lines(
      'import * as queues from "./queues";',
      "declare function drain(queue: string): Promise<void>;",
      "export async function shutdown() {",
      "  await Promise.all(queues.NAMES.map((name) => drain(name)));",
      "}",
    ),
  },
  {
    name: "an imported list built by spreading another imported constant list",
    extraFiles: {
      "regions/primary.ts": 'export const PRIMARY_REGIONS = ["eu", "us"];',
      "regions/all.ts": lines('import { PRIMARY_REGIONS } from "./primary";', 'export const ALL_REGIONS = [...PRIMARY_REGIONS, "ap"];'),
    },
    code: lines('import { ALL_REGIONS } from "./regions/all";', D, "export async function regionalAdmins() {", "  return Promise.all(ALL_REGIONS.map((region) => fetchUser(region)));", "}"),
  },
  {
    name: "a loop over an imported constant list collecting a promise each",
    extraFiles: { "channels.ts": 'export const CHANNELS = ["ops@example.com", "oncall@example.com"];' },
    code: lines(
      'import { CHANNELS } from "./channels";',
      D,
      "export async function alert() {",
      "  const pending: Promise<void>[] = [];",
      "  for (const to of CHANNELS) pending.push(sendMail(to));",
      "  await Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "a p-limit limiter per host, picked from a record by element access",
    ...WITH_LIBRARIES,
    code: lines(
      'import pLimit from "p-limit";',
      "declare function download(url: string): Promise<Uint8Array>;",
      "const limiters: Record<string, pLimit.Limit> = { \"api.github.com\": pLimit(4), \"registry.npmjs.org\": pLimit(8) };",
      "export async function fetchAll(urls: string[]) {",
      "  return Promise.all(urls.map((url) => limiters[new URL(url).host](() => download(url))));",
      "}",
    ),
  },
  {
    name: "a limiter per host created on first use and looked up in a Map",
    ...WITH_LIBRARIES,
    code: lines(
      'import pLimit from "p-limit";',
      "declare function download(url: string): Promise<Uint8Array>;",
      "const limiters = new Map<string, pLimit.Limit>();",
      "export async function fetchAll(urls: string[]) {",
      "  for (const url of urls) {",
      "    const host = new URL(url).host;",
      "    if (!limiters.has(host)) limiters.set(host, pLimit(4));",
      "  }",
      "  return Promise.all(urls.map((url) => limiters.get(new URL(url).host)!(() => download(url))));",
      "}",
    ),
  },
  {
    name: "a limiter returned by a function of the project and called at once",
    ...WITH_LIBRARIES,
    code: lines(
      'import type pLimit from "p-limit";',
      "declare function download(url: string): Promise<Uint8Array>;",
      "declare function limiterFor(host: string): pLimit.Limit;",
      "export async function fetchAll(urls: string[]) {",
      "  return Promise.all(urls.map((url) => limiterFor(new URL(url).host)((u: string) => download(u), url)));",
      "}",
    ),
  },
  {
    name: "a loop collecting jobs run through the limiter of their queue, by element access",
    ...WITH_LIBRARIES,
    code: lines(
      'import type pLimit from "p-limit";',
      "interface Job { queue: \"mail\" | \"billing\"; id: string }",
      "declare function run(job: Job): Promise<void>;",
      "export async function runAll(jobs: Job[], limits: { mail: pLimit.Limit; billing: pLimit.Limit }) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const job of jobs) pending.push(limits[job.queue](() => run(job)));",
      "  await Promise.all(pending);",
      "}",
    ),
  },
  // --- cases from the mutation record's group 4 (bench/mutation/unbounded-concurrency.md) ---
  {
    name: "the keys of Set batches from a chunking helper given a constant size",
    code: lines(
      D,
      "declare function chunkSet<T>(items: Iterable<T>, size: number): Set<T>[];",
      "export async function loadUsers(userIds: Set<string>) {",
      "  for (const batch of chunkSet(userIds, 50)) {",
      "    await Promise.all([...batch.keys()].map((id) => fetchUser(id)));",
      "  }",
      "}",
    ),
  },
  {
    name: "the values of ReadonlySet batches from a chunking helper given a constant size",
    code: lines(
      D,
      "declare function chunkSet<T>(items: Iterable<T>, size: number): ReadonlySet<T>[];",
      "export async function loadUsers(userIds: ReadonlySet<string>) {",
      "  for (const batch of chunkSet(userIds, 50)) {",
      "    await Promise.all(Array.from(batch.values(), (id) => fetchUser(id)));",
      "  }",
      "}",
    ),
  },
  {
    name: "the entries of Map batches from a chunking helper given a constant size",
    code: lines(
      "interface Session { userId: string }",
      "declare function save(id: string, session: Session): Promise<void>;",
      "declare function batches<K, V>(map: ReadonlyMap<K, V>, size: number): Map<K, V>[];",
      "export async function saveAll(sessions: Map<string, Session>) {",
      "  for (const batch of batches(sessions, 100)) {",
      "    await Promise.all([...batch.entries()].map(([id, session]) => save(id, session)));",
      "  }",
      "}",
    ),
  },
  {
    name: "the entries of ReadonlyMap batches from a chunking helper given a constant size",
    code: lines(
      "interface Session { userId: string }",
      "declare function save(id: string, session: Session): Promise<void>;",
      "declare function batches<K, V>(map: ReadonlyMap<K, V>, size: number): ReadonlyMap<K, V>[];",
      "export async function saveAll(sessions: ReadonlyMap<string, Session>) {",
      "  for (const batch of batches(sessions, 100)) {",
      "    const pending: Promise<void>[] = [];",
      "    for (const [id, session] of batch.entries()) pending.push(save(id, session));",
      "    await Promise.all(pending);",
      "  }",
      "}",
    ),
  },
  {
    name: "a const of another script file (a global, no imports or exports) holding a map is not followed there",
    extraFiles: { "uploads.ts": lines("declare function upload(path: string): Promise<void>;", "declare const queuedFiles: string[];", "const pendingUploads = queuedFiles.map((path) => upload(path));") },
    // Both files are scripts (no imports or exports), so `pendingUploads` is a global of the other one.
    compilerOptions: { ...TEST_COMPILER_OPTIONS, moduleDetection: ts.ModuleDetectionKind.Legacy },
    code: lines("async function finishUploads() {", "  await Promise.all(pendingUploads);", "}"),
  },
  {
    name: "a project's own Staggered.from(items, start) is not Array.from: it spaces the starts out itself",
    code: lines(
      D,
      "class Staggered {",
      "  /** Starts one item every `gapMs`, so they never all start together. */",
      "  static from<T, R>(items: readonly T[], start: (item: T) => Promise<R>, gapMs = 100): Promise<R>[] {",
      "    return items.map((item, index) => new Promise<R>((resolve, reject) => setTimeout(() => start(item).then(resolve, reject), index * gapMs)));",
      "  }",
      "}",
      "export async function loadUsers(userIds: string[]) {",
      "  return Promise.all(Staggered.from(userIds, (id) => fetchUser(id)));",
      "}",
    ),
  },
  {
    name: "a callback parameter of the same name given to Promise.allSettled is another array: the loop's promises are returned",
    code: lines(
      D,
      "export function startAll(recipients: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const to of recipients) pending.push(sendMail(to));",
      "  const failures = async (pending: Promise<void>[]) => (await Promise.allSettled(pending)).filter((result) => result.status === \"rejected\");",
      "  return { pending, failures };",
      "}",
    ),
  },
  {
    name: "a split held in a const declared as a pair: the tuple's length counts",
    code: lines(
      "declare function ping(url: string): Promise<number>;",
      "export async function pingBoth(line: string) {",
      '  const endpoints = line.split(",") as [string, string];',
      "  return Promise.all(endpoints.map((url) => ping(url)));",
      "}",
    ),
  },
  {
    name: "a capped list plus literal items beyond maxConstantLength is capped (the spread's cap holds)",
    options: { maxConstantLength: 2 },
    code: lines(
      "declare function ping(host: string): Promise<number>;",
      "export async function pingSome(configured: string[]) {",
      '  return Promise.all([...configured.slice(0, 4), "db-1", "db-2", "db-3"].map((host) => ping(host)));',
      "}",
    ),
  },
  {
    name: "a runner handed in that is a limiter or a direct runner of the same signature (its type is a union, one part a limiter)",
    ...WITH_LIBRARIES,
    code: lines(
      'import type pLimit from "p-limit";',
      D,
      "interface DirectRunner { <Arguments extends unknown[], ReturnType>(fn: (...args: Arguments) => PromiseLike<ReturnType> | ReturnType, ...args: Arguments): Promise<ReturnType> }",
      "export async function loadUsers(userIds: string[], run: pLimit.Limit | DirectRunner) {",
      "  return Promise.all(userIds.map((id) => run(() => fetchUser(id))));",
      "}",
    ),
  },
  {
    name: "a scheduler that is p-queue or an inline one, picked by configuration (the receiver's type is a union, one part a limiter)",
    ...WITH_LIBRARIES,
    code: lines(
      'import PQueue from "p-queue";',
      D,
      "declare class InlineScheduler {",
      "  add<T>(fn: () => Promise<T>): Promise<T>;",
      "}",
      "declare const scheduler: PQueue | InlineScheduler;",
      "export async function loadUsers(userIds: string[]) {",
      "  return Promise.all(userIds.map((id) => scheduler.add(() => fetchUser(id))));",
      "}",
    ),
  },
  {
    name: "a limiter made by a call given a number, called with the work and a priority",
    code: lines(
      D,
      'declare function createScheduler(concurrency: number): <T>(work: () => Promise<T>, priority: "high" | "low") => Promise<T>;',
      "const schedule = createScheduler(4);",
      "export async function loadUsers(userIds: string[]) {",
      '  return Promise.all(userIds.map((id) => schedule(() => fetchUser(id), "low")));',
      "}",
    ),
  },
  {
    name: "a counted loop up to a pool's concurrency (the pool is iterable; the count is not its length)",
    code: lines(
      "interface Worker { id: number }",
      "declare class WorkerPool implements Iterable<Worker> {",
      "  readonly concurrency: number;",
      "  [Symbol.iterator](): Iterator<Worker>;",
      "}",
      "declare function drain(pool: WorkerPool, slot: number): Promise<void>;",
      "export async function runPool(pool: WorkerPool) {",
      "  const workers: Promise<void>[] = [];",
      "  for (let slot = 0; slot < pool.concurrency; slot++) workers.push(drain(pool, slot));",
      "  await Promise.all(workers);",
      "}",
    ),
  },
  {
    name: "a `for await` inside the loop waits each round",
    code: lines(
      "declare function readLines(path: string): AsyncIterable<string>;",
      "declare function archive(path: string): Promise<void>;",
      "export async function archiveAll(paths: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (const path of paths) {",
      "    for await (const line of readLines(path)) console.log(line);",
      "    pending.push(archive(path));",
      "  }",
      "  await Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "(unrealistic) pushes in loop heads that run once (a for...of's and for...in's expression, a for's initializer) are not per item",
    code: lines(
      D,
      "declare function warmUp(): Promise<void>;",
      "export async function warmThenList(userIds: string[], byId: Record<string, string>) {",
      "  const pending: Promise<unknown>[] = [];",
      "  for (const id of (pending.push(warmUp()), userIds)) console.log(id);",
      "  for (const key in (pending.push(warmUp()), byId)) console.log(key);",
      "  for (let i = (pending.push(warmUp()), 0); i < userIds.length; i++) console.log(userIds[i]);",
      "  await Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "(unrealistic) a function given to forEach as its thisArg is not the per-item callback",
    code: lines(
      D,
      "export async function alertOnce(userIds: string[]) {",
      "  const pending: Promise<void>[] = [];",
      '  userIds.forEach(console.log, () => pending.push(sendMail("ops@example.com")));',
      "  await Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "a project collection's own map (a pool that runs at most four at once) is not Array.map",
    code: lines(
      D,
      "declare class Pool<T> implements Iterable<T> {",
      "  constructor(items: Iterable<T>, concurrency: number);",
      "  /** Runs `fn` on every item, at most `concurrency` at once; one promise per item. */",
      "  map<R>(fn: (item: T) => Promise<R>): Promise<R>[];",
      "  [Symbol.iterator](): Iterator<T>;",
      "}",
      "export async function loadUsers(userIds: string[]) {",
      "  const pool = new Pool(userIds, 4);",
      "  return Promise.all(pool.map((id) => fetchUser(id)));",
      "}",
    ),
  },
  {
    name: "an `as const` list copied twice, then once more: the last step reads the tuple's own length",
    code: lines(
      "declare function ping(region: string): Promise<number>;",
      'const BASE = ["eu", "us", "ap"] as const;',
      "const SPREAD_1 = [...BASE];",
      "const SPREAD_2 = [...SPREAD_1];",
      "const SPREAD_3 = [...SPREAD_2];",
      "export async function pingAll() {",
      "  await Promise.all(SPREAD_3.map((region) => ping(region)));",
      "}",
    ),
  },
  {
    name: "Promise.all(pending) before the loop waits for the warm-up only; the loop's promises are returned to the caller",
    code: lines(
      "declare function warmCache(): Promise<void>;",
      "declare function sync(id: string): Promise<void>;",
      "export async function startSync(ids: string[]) {",
      "  const pending: Promise<void>[] = [warmCache()];",
      "  await Promise.all(pending);",
      "  for (const id of ids) pending.push(sync(id));",
      "  return pending;",
      "}",
    ),
  },
  {
    name: "a callback a queue calls once, when it drains, is no loop over the queue",
    code: lines(
      "interface Job { id: string }",
      "declare class JobQueue implements Iterable<Job> {",
      "  onDrain(listener: () => void): void;",
      "  [Symbol.iterator](): Iterator<Job>;",
      "}",
      "declare function flushMetrics(): Promise<void>;",
      "export function watch(queue: JobQueue) {",
      "  const pending: Promise<void>[] = [];",
      "  queue.onDrain(() => pending.push(flushMetrics()));",
      "  return () => Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "a module-level array filled in one function and awaited in another (no Promise.all where the loop is)",
    code: lines(
      D,
      "const pending: Promise<void>[] = [];",
      "export function queueAll(recipients: string[]) {",
      "  for (const to of recipients) pending.push(sendMail(to));",
      "}",
      "export async function flush() {",
      "  await Promise.all(pending);",
      "  pending.length = 0;",
      "}",
    ),
  },
  {
    name: "a module-level array drained in batches of ten inside the loop",
    code: lines(
      D,
      "const pending: Promise<void>[] = [];",
      "export async function notifyAll(recipients: string[]) {",
      "  for (const to of recipients) {",
      "    pending.push(sendMail(to));",
      "    if (pending.length >= 10) await Promise.all(pending.splice(0));",
      "  }",
      "  await Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "a project queue's push given thunks: the queue starts them",
    code: lines(
      D,
      "declare class TaskQueue implements Iterable<Promise<void>> {",
      "  constructor(concurrency: number);",
      "  push(task: () => Promise<void>): void;",
      "  [Symbol.iterator](): Iterator<Promise<void>>;",
      "}",
      "export async function notifyAll(recipients: string[]) {",
      "  const queue = new TaskQueue(4);",
      "  for (const to of recipients) queue.push(() => sendMail(to));",
      "  await Promise.all(queue);",
      "}",
    ),
  },
  {
    name: "a project collection's push of a promise, with Promise.all over another list",
    code: lines(
      D,
      "declare class Tracker { push(promise: Promise<void>): void }",
      "declare function warmCache(): Promise<void>;",
      "export async function notifyAll(recipients: string[], tracker: Tracker) {",
      "  for (const to of recipients) tracker.push(sendMail(to));",
      "  await Promise.all([warmCache()]);",
      "}",
    ),
  },
  {
    name: "a known miss, as documented: work that returns a thenable that is not a promise (a query builder) is not followed",
    code: lines(
      "interface Row { id: string }",
      "interface QueryBuilder { where(column: string, value: string): QueryBuilder; then<R>(onFulfilled: (rows: Row[]) => R): Promise<R> }",
      "declare function table(name: string): QueryBuilder;",
      "export async function loadRows(ids: string[]) {",
      '  const rows = await Promise.all(ids.map((id) => table("users").where("id", id)));',
      "  const pending: QueryBuilder[] = [];",
      '  for (const id of ids) pending.push(table("audit").where("id", id));',
      "  await Promise.all(pending);",
      "  return rows;",
      "}",
    ),
  },
  {
    name: "a typed array's slice(0, N) is capped like an array's",
    code: lines(
      "declare function publish(score: number): Promise<void>;",
      "export async function publishTop(scores: Float64Array) {",
      "  return Promise.all(Array.from(scores.slice(0, 10), (score) => publish(score)));",
      "}",
    ),
  },
  {
    name: "a typed array made from a constant list (Uint16Array.from([80, 443])) has its length",
    code: lines(
      "declare function probe(port: number): Promise<boolean>;",
      "export async function probeWeb() {",
      "  const pending: Promise<boolean>[] = [];",
      "  for (const port of Uint16Array.from([80, 443])) pending.push(probe(port));",
      "  return Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "(unrealistic) a spread among map's arguments (`map(callback, ...thisArgs)`) is not read as a fan-out",
    code: lines(D, "export async function loadUsers(userIds: string[], thisArgs: [thisArg?: unknown]) {", "  return Promise.all(userIds.map((id) => fetchUser(id), ...thisArgs));", "}"),
  },
];

const RUNTIME = {
  "runtime.ts": lines(
    "export interface Runtime {",
    "  /** Runs the work in one of the host's slots, when the host limits concurrency. */",
    "  withSlot?<T>(work: () => Promise<T>): Promise<T>;",
    "  /** Runs the work after the host's start-up, when the host has one. */",
    "  afterStart?<T>(work: () => Promise<T>): Promise<T>;",
    "}",
  ),
};
const WITH_RUNTIME_SLOT = { extraFiles: RUNTIME, options: { limiterFunctions: [{ file: "**/runtime.ts", name: "Runtime.withSlot" }] } };

/** Cases added for the mutants of the delta run (bench/mutation/unbounded-concurrency-delta.md). */
const invalidDelta: InvalidCase[] = [
  {
    name: "a counted loop written recipients.length !== i (the length first)",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  for (let i = 0; recipients.length !== i; i++) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 62,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a typed array made of the caller's ports spread (Uint16Array.of(...ports)): as open as the list",
    code: lines(
      "declare function probe(port: number): Promise<boolean>;",
      "export async function probeAll(ports: number[]) {",
      "  const pending: Promise<boolean>[] = [];",
      "  for (const port of Uint16Array.of(...ports)) pending.push(probe(port));",
      "  return Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 61,
        message: "This loop starts a promise for every item of `Uint16Array.of(...ports)` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a typed array of more constants than maxConstantLength (Float64Array.of with 17 weights)",
    code: lines(
      "declare function calibrate(weight: number): Promise<number>;",
      "export async function calibrateAll() {",
      "  const pending: Promise<number>[] = [];",
      "  for (const weight of Float64Array.of(0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5)) pending.push(calibrate(weight));",
      "  return Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 123,
        message: "This loop starts a promise for every item of the collection and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "an optional hook of the runtime not in limiterFunctions, called with !: reported",
    ...WITH_RUNTIME_SLOT,
    code: lines('import type { Runtime } from "./runtime";', D, "export async function loadUsers(runtime: Runtime, userIds: string[]) {", "  return Promise.all(userIds.map((id) => runtime.afterStart!(() => fetchUser(id))));", "}"),
    errors: [
      {
        messageId: "unboundedMap",
        line: 4,
        column: 30,
        message: "`Promise.all` starts the work for every item of `userIds` at once: nothing limits how many run together, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`, or a worker-pool helper), or cap the input with a constant.",
        fixes: [
          [
            POOL,
            lines(
              'import type { Runtime } from "./runtime";',
              D,
              "export async function loadUsers(runtime: Runtime, userIds: string[]) {",
              "  return mapWithConcurrency(userIds, 8, (id) => runtime.afterStart!(() => fetchUser(id)));",
              "}",
              "",
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
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a counted loop whose index is a field of a progress object (progress.queued !== recipients.length)",
    code: lines(
      D,
      "export async function notify(recipients: string[], progress: { queued: number }) {",
      "  const pending: Promise<void>[] = [];",
      "  for (progress.queued = 0; progress.queued !== recipients.length; progress.queued++) pending.push(sendMail(recipients[progress.queued]));",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 100,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a counted loop whose index is a field of a progress object set by the loop and stepped in the body, the length first",
    code: lines(
      D,
      "export async function notify(recipients: string[], progress: { queued: number }) {",
      "  const pending: Promise<void>[] = [];",
      "  for (progress.queued = 0; recipients.length !== progress.queued; ) pending.push(sendMail(recipients[progress.queued++]));",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 83,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a counted loop whose index is declared before it and stepped by the loop (for (; i !== recipients.length; i += 1))",
    code: lines(
      D,
      "export async function notify(recipients: string[], from: number) {",
      "  const pending: Promise<void>[] = [];",
      "  let i = from;",
      "  for (; i !== recipients.length; i += 1) pending.push(sendMail(recipients[i]));",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 56,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a counted loop that steps its index in the body (for (let i = 0; i !== recipients.length; ) ... recipients[i++])",
    code: lines(
      D,
      "export async function notify(recipients: string[]) {",
      "  const pending: Promise<void>[] = [];",
      "  for (let i = 0; i !== recipients.length; ) pending.push(sendMail(recipients[i++]));",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 59,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "a counted loop resuming from a saved cursor (for (; cursor.next !== recipients.length; cursor.next++))",
    code: lines(
      D,
      "export async function resend(recipients: string[], cursor: { next: number }) {",
      "  const pending: Promise<void>[] = [];",
      "  for (; cursor.next !== recipients.length; cursor.next++) pending.push(sendMail(recipients[cursor.next]));",
      "  await Promise.all(pending);",
      "}",
    ),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 73,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
];

const validDelta: ValidCase[] = [
  {
    name: "Array.from over a typed array of three channels (Uint8Array.of(1, 2, 3)): a constant fan-out",
    code: lines(
      "declare function resetChannel(channel: number): Promise<void>;",
      "export async function resetAll() {",
      "  await Promise.all(Array.from(Uint8Array.of(1, 2, 3), (channel) => resetChannel(channel)));",
      "}",
    ),
  },
  {
    name: "workers started counting down from a constant (for (let left = WORKERS; left !== 0; left--))",
    code: lines(
      "declare function worker(id: number): Promise<void>;",
      "const WORKERS = 4;",
      "export async function start() {",
      "  const workers: Promise<void>[] = [];",
      "  for (let left = WORKERS; left !== 0; left--) workers.push(worker(left));",
      "  await Promise.all(workers);",
      "}",
    ),
  },
  {
    name: "a pool topped up until it holds limit downloads (inFlight.length !== limit, counting next): no loop over inFlight",
    code: lines(
      "declare function download(url: string): Promise<void>;",
      "let inFlight: Promise<void>[] = [];",
      "export async function topUp(queue: string[], limit: number) {",
      "  for (let next = 0; inFlight.length !== limit; next++) inFlight.push(download(queue[next]));",
      "  await Promise.race(inFlight);",
      "}",
      "export function reset() {",
      "  inFlight = [];",
      "}",
    ),
  },
  {
    name: "a pool topped up, the limit first (limit !== inFlight.length, counting next): no loop over inFlight",
    code: lines(
      "declare function download(url: string): Promise<void>;",
      "let inFlight: Promise<void>[] = [];",
      "export async function topUp(queue: string[], limit: number) {",
      "  for (let next = 0; limit !== inFlight.length; next++) inFlight.push(download(queue[next]));",
      "  await Promise.race(inFlight);",
      "}",
      "export function reset() {",
      "  inFlight = [];",
      "}",
    ),
  },
  {
    name: "a limiterFunctions method that is optional, called with a non-null assertion (runtime.withSlot!(...))",
    ...WITH_RUNTIME_SLOT,
    code: lines('import type { Runtime } from "./runtime";', D, "export async function loadUsers(runtime: Runtime, userIds: string[]) {", "  return Promise.all(userIds.map((id) => runtime.withSlot!(() => fetchUser(id))));", "}"),
  },
  {
    name: "a limiterFunctions method destructured from the runtime, called with a non-null assertion",
    ...WITH_RUNTIME_SLOT,
    code: lines(
      'import type { Runtime } from "./runtime";',
      D,
      "export async function loadUsers(runtime: Runtime, userIds: string[]) {",
      "  const { withSlot } = runtime;",
      "  return Promise.all(userIds.map((id) => withSlot!(() => fetchUser(id))));",
      "}",
    ),
  },
  {
    name: "a warm-up count set to 0 (warming disabled): slice(0, WARMUP_USERS) is empty",
    code: lines(D, "const WARMUP_USERS = 0;", "export async function warm(userIds: string[]) {", "  await Promise.all(userIds.slice(0, WARMUP_USERS).map((id) => fetchUser(id)));", "}"),
  },
  {
    name: "a typed array of three well-known ports (Uint16Array.of(80, 443, 8080)) has its length",
    code: lines(
      "declare function probe(port: number): Promise<boolean>;",
      "export async function probeWebPorts() {",
      "  const pending: Promise<boolean>[] = [];",
      "  for (const port of Uint16Array.of(80, 443, 8080)) pending.push(probe(port));",
      "  return Promise.all(pending);",
      "}",
    ),
  },
  {
    name: "a typed array of a constant list spread and one more port (Uint16Array.of(...WEB_PORTS, 9090))",
    code: lines(
      "declare function probe(port: number): Promise<boolean>;",
      "const WEB_PORTS = [80, 443, 8080] as const;",
      "export async function probeWithMetrics() {",
      "  const pending: Promise<boolean>[] = [];",
      "  for (const port of Uint16Array.of(...WEB_PORTS, 9090)) pending.push(probe(port));",
      "  return Promise.all(pending);",
      "}",
    ),
  },
];

// #148 of the delta record (`!NOT_EQUAL.has(operator)` -> false: any operator read like `!==`): a bit
// loop tested with `&` would be read as counting up to its mask, 255 audits, not the 8 it starts.
const validLeft8: ValidCase[] = [
  {
    name: "left8: an audit per permission bit, the loop tested with a mask (permission & 0xff): no count up to 255",
    code: lines(
      "declare function auditPermission(userId: string, permission: number): Promise<void>;",
      "export async function auditPermissions(userId: string, granted: number) {",
      "  const audits: Promise<void>[] = [];",
      "  for (let permission = 1; permission & 0xff; permission <<= 1) {",
      "    if (granted & permission) audits.push(auditPermission(userId, permission));",
      "  }",
      "  await Promise.all(audits);",
      "}",
    ),
  },
];

// Eighth session: the survivors of the delta run over the lines changed since commit b332bf9
// (report `unbounded-concurrency_72a60ce9`, record `bench/mutation/unbounded-concurrency-delta.md`).
const invalidDelta9: InvalidCase[] = [
  {
    name: "delta9: a counted loop with two indexes (i and attempt) written i !== recipients.length",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  for (let i = 0, attempt = 0; i !== recipients.length; i++, attempt++) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 4,
        column: 86,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "delta9: a counted loop whose indexes are set and stepped through commas (i = 0, sent = 0; ...; i++, sent++)",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  let i: number, sent: number;", "  for (i = 0, sent = 0; i !== recipients.length; i++, sent++) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "  return sent;", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 76,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "delta9: a counted loop whose incrementor also reads the limit in a || (no index of its own)",
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  // The incrementor's second part only reads recipients.length (a || is no assignment): the limit stays the collection.", "  for (let i = 0; i !== recipients.length; i++, recipients.length || console.debug(\"no recipients\")) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 115,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
  {
    name: "delta9: a counted loop whose incrementor also tests the limit with in (no index of its own)",
    code: lines(D, "export async function notify(recipients: string[], seen: Record<number, true>) {", "  const pending: Promise<void>[] = [];", "  // The incrementor's second part is an `in` test of recipients.length (a keyword operator, no assignment): the limit stays the collection.", "  for (let i = 0; i !== recipients.length; i++, recipients.length in seen) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
    errors: [
      {
        messageId: "unboundedLoop",
        line: 5,
        column: 89,
        message: "This loop starts a promise for every item of `recipients` and collects them for `Promise.all`: all of them run at once, so a large input opens as many requests, sockets or file handles as it has items, which can exhaust a connection pool, hit a rate limit or run out of memory. Await them in batches of a constant size, or run the items through a pool with a fixed concurrency (a limiter such as `p-limit` or `p-map`).",
      },
    ],
  },
];

const validDelta9: ValidCase[] = [
  {
    name: "delta9: a loop whose limit is itself updated by ^= in the incrementor: both sides count, no collection bound",
    // The limit side is updated with `^=` (the last assignment operator) each step, so it is one of the
    // loop's counters, not a collection's size: the loop is not read as one over `recipients`.
    code: lines(D, "export async function notify(recipients: string[]) {", "  const pending: Promise<void>[] = [];", "  for (let i = 0; i !== recipients.length; i++, recipients.length ^= 0) pending.push(sendMail(recipients[i]));", "  await Promise.all(pending);", "}"),
  },
  {
    name: "delta9: two indexes walking towards each other until they meet (i !== j): no collection bound",
    code: lines(D, "export async function pairUp(users: string[]) {", "  const pending: Promise<void>[] = [];", "  for (let i = 0, j = users.length - 1; i !== j && i < j; i++, j--) pending.push(sendMail(users[i] + users[j]));", "  await Promise.all(pending);", "}"),
  },
  {
    name: "delta9: a loop counting pool workers up to a constant with two indexes",
    code: lines("declare function worker(id: number): Promise<void>;", "const WORKERS = 4;", "export async function start() {", "  const workers: Promise<void>[] = [];", "  for (let i = 0, started = 0; i !== WORKERS; i++, started++) workers.push(worker(i));", "  await Promise.all(workers);", "}"),
  },
  {
    name: "delta9: indexes set through commas, counted up to a constant",
    code: lines("declare function worker(id: number): Promise<void>;", "const WORKERS = 4;", "export async function start() {", "  const workers: Promise<void>[] = [];", "  let i: number, started: number;", "  for (i = 0, started = 0; i !== WORKERS; i++, started++) workers.push(worker(i));", "  await Promise.all(workers);", "  return started;", "}"),
  },
];

describe(RULE, () => {
  runRuleTable(RULE, { valid: [...valid, ...validDelta, ...validLeft8, ...validDelta9], invalid: [...invalid, ...invalidDelta, ...invalidDelta9] });

  it("findings carry the rule's one-line summaries (the CLI's stylish output)", () => {
    const map = lintCode(RULE, lines(D, "export async function loadUsers(userIds: string[]) {", "  return Promise.all(userIds.map((id) => fetchUser(id)));", "}"));
    assert.deepEqual(
      map.findings.map((finding) => finding.summary),
      ["`Promise.all` starts every item of `userIds` at once, with no concurrency limit"],
    );
    const loop = lintCode(
      RULE,
      lines(D, "export async function notify(recipients: Set<string>) {", "  const pending: Promise<void>[] = [];", "  for (const to of recipients) pending.push(sendMail(to));", "  await Promise.all(pending);", "}"),
    );
    assert.deepEqual(
      loop.findings.map((finding) => finding.summary),
      ["A promise per item of `recipients`, all running at once, with no concurrency limit"],
    );
  });

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
