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
];

describe(RULE, () => {
  runRuleTable(RULE, { valid, invalid });

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
