import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import { lintCode, TEST_COMPILER_OPTIONS } from "../helpers/ruleTester";

const RULE = "unhandled-rejection-window";
/** Line 1 of most cases: the declarations they use. */
const D =
  "declare function f(): Promise<number>; declare function g(): Promise<string>; declare function track(p: Promise<unknown>): void; declare const c: boolean;";

/** A project's own `Promise`: a thenable box whose `resolve` waits a tick of a timer (not the global `Promise`). */
const USER_PROMISE =
  "class Promise<T> {\n  constructor(private readonly value: T) {}\n  static resolve<T>(value: T): globalThis.Promise<T> {\n    return new globalThis.Promise((done) => setTimeout(() => done(value), 0));\n  }\n  then<R>(done: (value: T) => R): R {\n    return done(this.value);\n  }\n}";
/** The same name for a class whose values are not promises, nor thenables. */
const USER_BOX =
  "class Promise<T> {\n  constructor(readonly value: T) {}\n  static resolve<T>(value: T): Promise<T> {\n    return new Promise(value);\n  }\n}";

const ALL = (a: string, b: string) => `Await \`${a}\` and \`${b}\` together with \`Promise.all\``;
const CATCH = (a: string) => `Attach a rejection handler where \`${a}\` is created`;
/** The message of a window at another `await`, written out so that a change of wording is a visible change here. */
const WINDOW = (p: string, line: number) =>
  `The promise in \`${p}\` has no rejection handler while the function waits at another \`await\` (line ${line}): if it rejects meanwhile, Node.js reports an unhandled rejection and, by default, exits. Start both and await them together with \`Promise.all\`, or attach a handler when it is created.`;
const NOTE = " // marks it handled now; awaiting it later still throws the rejection";
const H = (a: string) => `${a}.catch(() => undefined);${NOTE}`;

const invalid: InvalidCase[] = [
  {
    name: "an inner `const` of the same name in a callback is another variable: the window is still found",
    code: `${D}\nasync function page(ids: string[]) {\n  const user = f();\n  const labels = ids.map((id) => {\n    const user = id.trim();\n    return user;\n  });\n  const posts = await g();\n  return [await user, posts, labels];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 8),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function page(ids: string[]) {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  const labels = ids.map((id) => {\n    const user = id.trim();\n    return user;\n  });\n  const posts = await g();\n  return [await user, posts, labels];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`cached ? 0 : await fresh` handles `fresh` on one path only: the next await is a window on the other",
    code: `${D}\nasync function render(cached: boolean) {\n  const fresh = f();\n  const shown = cached ? 0 : await fresh;\n  const extra = await g();\n  return [shown, extra, await fresh];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("fresh", 5),
        fixes: [
          [
            CATCH("fresh"),
            `${D}\nasync function render(cached: boolean) {\n  const fresh = f();\n  fresh.catch(() => undefined);${NOTE}\n  const shown = cached ? 0 : await fresh;\n  const extra = await g();\n  return [shown, extra, await fresh];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a project's own `Promise.resolve(v)` gets no exception: its promise is followed like any other call's",
    code: `${USER_PROMISE}\ndeclare function g(): globalThis.Promise<string>;\nexport async function box() {\n  const p = Promise.resolve(1);\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 12,
        column: 9,
        message: WINDOW("p", 13),
        fixes: [
          [
            CATCH("p"),
            `${USER_PROMISE}\ndeclare function g(): globalThis.Promise<string>;\nexport async function box() {\n  const p = Promise.resolve(1);\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "the issue's example: started, another await, awaited late",
    code: `${D}\nasync function page() {\n  const user = f();\n  const posts = await g();\n  return [await user, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [ALL("user", "posts"), `${D}\nasync function page() {\n  const [user, posts] = await Promise.all([f(), g()]);\n  return [user, posts];\n}`],
          [CATCH("user"), `${D}\nasync function page() {\n  const user = f();\n  ${H("user")}\n  const posts = await g();\n  return [await user, posts];\n}`],
        ],
      },
    ],
  },
  {
    name: "two started, awaited one by one: the second waits while the first is awaited",
    code: `${D}\nasync function both() {\n  const a = f();\n  const b = g();\n  await a;\n  await b;\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("b", 5),
        fixes: [[CATCH("b"), `${D}\nasync function both() {\n  const a = f();\n  const b = g();\n  ${H("b")}\n  await a;\n  await b;\n}`]],
      },
    ],
  },
  {
    name: "Promise.all fix: every later `await a` becomes `a`",
    code: `${D}\nasync function twice() {\n  const a = f();\n  const b = await g();\n  console.log(await a, b);\n  return (await a) + 1;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("a", 4),
        fixes: [
          [ALL("a", "b"), `${D}\nasync function twice() {\n  const [a, b] = await Promise.all([f(), g()]);\n  console.log(a, b);\n  return (a) + 1;\n}`],
          [CATCH("a"), `${D}\nasync function twice() {\n  const a = f();\n  ${H("a")}\n  const b = await g();\n  console.log(await a, b);\n  return (await a) + 1;\n}`],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when `a` is used other than by `await a`",
    code: `${D}\nasync function other() {\n  const a = f();\n  const b = await g();\n  return [b, a];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("a", 4),
        fixes: [[CATCH("a"), `${D}\nasync function other() {\n  const a = f();\n  ${H("a")}\n  const b = await g();\n  return [b, a];\n}`]],
      },
    ],
  },
  {
    name: "no Promise.all fix when `a` is awaited and then also passed on (`await a`, then `track(a)`)",
    code: `${D}\nasync function report() {\n  const a = f();\n  const b = await g();\n  const total = (await a) + b.length;\n  track(a);\n  return total;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("a", 4),
        fixes: [
          [
            CATCH("a"),
            `${D}\nasync function report() {\n  const a = f();\n  a.catch(() => undefined);${NOTE}\n  const b = await g();\n  const total = (await a) + b.length;\n  track(a);\n  return total;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix with a type annotation; the handler goes after a trailing comment",
    code: `${D}\nasync function typed() {\n  const a: Promise<number> = f(); // started early\n  const b = await g();\n  return [await a, b];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("a", 4),
        fixes: [
          [CATCH("a"), `${D}\nasync function typed() {\n  const a: Promise<number> = f(); // started early\n  ${H("a")}\n  const b = await g();\n  return [await a, b];\n}`],
        ],
      },
    ],
  },
  {
    name: "code after the declaration on the same line: the handler is inserted without a comment",
    code: `${D}\nasync function inline() {\n  const a = f(); const n = 1;\n  await g();\n  return (await a) + n;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("a", 4),
        fixes: [[CATCH("a"), `${D}\nasync function inline() {\n  const a = f();\n  a.catch(() => undefined); const n = 1;\n  await g();\n  return (await a) + n;\n}`]],
      },
    ],
  },
  {
    name: "a conditional await opens the window on its path",
    code: `${D}\nasync function maybe() {\n  const p = f();\n  if (c) await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [CATCH("p"), `${D}\nasync function maybe() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  if (c) await g();\n  return await p;\n}`],
        ],
      },
    ],
  },
  {
    name: "an await in a loop body between creation and handling",
    code: `${D}\nasync function loop(ids: string[]) {\n  const p = f();\n  for (const id of ids) console.log(id, await g());\n  return p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function loop(ids: string[]) {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  for (const id of ids) console.log(id, await g());\n  return p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a promise created in a loop body, awaited after another await",
    code: `${D}\nasync function each(ids: string[]) {\n  for (const id of ids) {\n    const p = f();\n    const s = await g();\n    console.log(id, s, await p);\n  }\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 11,
        message: WINDOW("p", 5),
        fixes: [
          [
            ALL("p", "s"),
            `${D}\nasync function each(ids: string[]) {\n  for (const id of ids) {\n    const [p, s] = await Promise.all([f(), g()]);\n    console.log(id, s, p);\n  }\n}`,
          ],
          [
            CATCH("p"),
            `${D}\nasync function each(ids: string[]) {\n  for (const id of ids) {\n    const p = f();\n    p.catch(() => undefined);${NOTE}\n    const s = await g();\n    console.log(id, s, await p);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "handled only in a later iteration of the loop",
    code: `${D}\nasync function poll() {\n  const p = f();\n  while (c) {\n    if (Math.random() > 0.5) {\n      await p;\n      break;\n    }\n    await g();\n  }\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 9),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function poll() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  while (c) {\n    if (Math.random() > 0.5) {\n      await p;\n      break;\n    }\n    await g();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a do-while body runs before the handling",
    code: `${D}\nasync function retry() {\n  const p = f();\n  do {\n    await g();\n  } while (c);\n  await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 5),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function retry() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  do {\n    await g();\n  } while (c);\n  await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `for await` loop is a wait",
    code: `${D}\nasync function stream(items: AsyncIterable<string>) {\n  const p = f();\n  for await (const item of items) console.log(item);\n  await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: "The promise in `p` has no rejection handler while the function waits at a `for await` loop (line 4): if it rejects meanwhile, Node.js reports an unhandled rejection and, by default, exits. Start both and await them together with `Promise.all`, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function stream(items: AsyncIterable<string>) {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  for await (const item of items) console.log(item);\n  await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`yield` in an async generator is a wait: the consumer decides when it resumes",
    code: `${D}\nasync function* pages() {\n  const next = f();\n  yield 1;\n  yield await next;\n}`,
    errors: [
      {
        messageId: "windowYield",
        line: 3,
        column: 9,
        message: "The promise in `next` has no rejection handler while the async generator is paused at `yield` (line 4): the consumer decides when it resumes, and if the promise rejects meanwhile, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before the `yield`, or attach a handler when it is created.",
        fixes: [
          [CATCH("next"), `${D}\nasync function* pages() {\n  const next = f();\n  next.catch(() => undefined);${NOTE}\n  yield 1;\n  yield await next;\n}`],
        ],
      },
    ],
  },
  {
    name: "returned after another await",
    code: `${D}\nasync function late() {\n  const p = f();\n  await g();\n  return p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [CATCH("p"), `${D}\nasync function late() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return p;\n}`],
        ],
      },
    ],
  },
  {
    name: "passed to a call only after another await",
    code: `${D}\nasync function tracked() {\n  const p = f();\n  await g();\n  track(p);\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [CATCH("p"), `${D}\nasync function tracked() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  await g();\n  track(p);\n}`],
        ],
      },
    ],
  },
  {
    name: "a closure that refers to it is created only after another await",
    code: `${D}\nasync function closure() {\n  const p = f();\n  await g();\n  return () => p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [CATCH("p"), `${D}\nasync function closure() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return () => p;\n}`],
        ],
      },
    ],
  },
  {
    name: "a `let` that is never reassigned",
    code: `${D}\nasync function withLet() {\n  let p = f();\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 7,
        message: WINDOW("p", 4),
        fixes: [
          [CATCH("p"), `${D}\nasync function withLet() {\n  let p = f();\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return await p;\n}`],
        ],
      },
    ],
  },
  {
    name: "a promise derived with `.then(f)` still rejects",
    code: `${D}\nasync function derived() {\n  const q = f().then((n) => n + 1);\n  await g();\n  return await q;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("q", 4),
        fixes: [
          [
            CATCH("q"),
            `${D}\nasync function derived() {\n  const q = f().then((n) => n + 1);\n  q.catch(() => undefined);${NOTE}\n  await g();\n  return await q;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an await in one branch of a conditional expression",
    code: `${D}\nasync function ternary() {\n  const p = f();\n  const s = c ? await g() : "";\n  return [s, await p];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function ternary() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  const s = c ? await g() : "";\n  return [s, await p];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an await on the right of `&&`",
    code: `${D}\nasync function logical() {\n  const p = f();\n  const s = c && (await g());\n  return [s, await p];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function logical() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  const s = c && (await g());\n  return [s, await p];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an await in a later declarator of the same statement: no handler fix",
    code: `${D}\nasync function same() {\n  const p = f(), s = await g();\n  return [s, await p];\n}`,
    errors: [{ messageId: "window", line: 3, column: 9, fixes: [], message: WINDOW("p", 3) }],
  },
  {
    name: "an await in a switch case",
    code: `${D}\nasync function pick(k: number) {\n  const p = f();\n  switch (k) {\n    case 1:\n      await g();\n      break;\n    default:\n      break;\n  }\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 6),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function pick(k: number) {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  switch (k) {\n    case 1:\n      await g();\n      break;\n    default:\n      break;\n  }\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an await in a catch block entered by a throw",
    code: `${D}\nasync function recover() {\n  const p = f();\n  try {\n    if (c) throw new Error("bad");\n  } catch {\n    await g();\n  }\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 7),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function recover() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  try {\n    if (c) throw new Error("bad");\n  } catch {\n    await g();\n  }\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`new Promise` whose executor can reject",
    code: `${D}\nasync function executor() {\n  const p = new Promise<number>((resolve, reject) => (c ? resolve(1) : reject(new Error("no"))));\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function executor() {\n  const p = new Promise<number>((resolve, reject) => (c ? resolve(1) : reject(new Error("no"))));\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a class derived from Promise, with `checkThenables` (which also lifts the name gate)",
    code: `${D}\nclass Task<T> extends Promise<T> {}\ndeclare function run(): Task<number>;\nasync function sub() {\n  const t = run();\n  await g();\n  return await t;\n}`,
    options: { checkThenables: true },
    errors: [
      {
        messageId: "window",
        line: 5,
        column: 9,
        message: WINDOW("t", 6),
        fixes: [
          [
            CATCH("t"),
            `${D}\nclass Task<T> extends Promise<T> {}\ndeclare function run(): Task<number>;\nasync function sub() {\n  const t = run();\n  t.catch(() => undefined);${NOTE}\n  await g();\n  return await t;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "module top level with top-level await",
    code: `${D}\nconst p = f();\nawait g();\nconsole.log(await p);\nexport {};`,
    fileName: "module.mts",
    errors: [
      {
        messageId: "window",
        line: 2,
        column: 7,
        message: WINDOW("p", 3),
        fixes: [
          [CATCH("p"), `${D}\nconst p = f();\np.catch(() => undefined);${NOTE}\nawait g();\nconsole.log(await p);\nexport {};`],
        ],
      },
    ],
  },
  {
    name: "JavaScript with JSDoc types",
    code: `/** @returns {Promise<number>} */\nasync function f() { return JSON.parse(await g()); }\nasync function g() { return ""; }\nexport async function page() {\n  const a = f();\n  const b = await g();\n  return [await a, b];\n}`,
    fileName: "file.mjs",
    errors: [
      {
        messageId: "window",
        line: 5,
        column: 9,
        message: WINDOW("a", 6),
        fixes: [
          [ALL("a", "b"), `/** @returns {Promise<number>} */\nasync function f() { return JSON.parse(await g()); }\nasync function g() { return ""; }\nexport async function page() {\n  const [a, b] = await Promise.all([f(), g()]);\n  return [a, b];\n}`],
          [CATCH("a"), `/** @returns {Promise<number>} */\nasync function f() { return JSON.parse(await g()); }\nasync function g() { return ""; }\nexport async function page() {\n  const a = f();\n  ${H("a")}\n  const b = await g();\n  return [await a, b];\n}`],
        ],
      },
    ],
  },
  {
    name: "a custom thenable with `checkThenables`: no handler fix without a `catch` method",
    code: `interface Job<T> { then<R>(done: (value: T) => R): Job<R> }\ndeclare function start(): Job<number>;\ndeclare function g(): Promise<string>;\nasync function job() {\n  const j = start();\n  await g();\n  return await j;\n}`,
    options: { checkThenables: true },
    errors: [{ messageId: "window", line: 5, column: 9, fixes: [], message: WINDOW("j", 6) }],
  },
  {
    name: "`void p` and `typeof p` attach no handler",
    code: `${D}\nasync function looks() {\n  const p = f();\n  void p;\n  console.log(typeof p);\n  await g();\n  return p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 6),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function looks() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  void p;\n  console.log(typeof p);\n  await g();\n  return p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "handled only in a `finally` after another await",
    code: `${D}\nasync function cleanup() {\n  const p = f();\n  try {\n    await g();\n  } finally {\n    await p;\n  }\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 5),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function cleanup() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  try {\n    await g();\n  } finally {\n    await p;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an inner variable of the same name is not the promise",
    code: `${D}\nasync function shadow() {\n  const p = f();\n  {\n    const p = 1;\n    await g();\n    console.log(p);\n  }\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 6),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function shadow() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  {\n    const p = 1;\n    await g();\n    console.log(p);\n  }\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an async method and an async arrow function",
    code: `${D}\nclass Service {\n  async run() {\n    const p = this.load();\n    await g();\n    return p;\n  }\n  load(): Promise<number> {\n    return f();\n  }\n}\nexport const later = async () => {\n  const q = f();\n  await g();\n  return q;\n};\nexport { Service };`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 11,
        message: WINDOW("p", 5),
        fixes: [
          [
            CATCH("p"),
            `${D}\nclass Service {\n  async run() {\n    const p = this.load();\n    p.catch(() => undefined);${NOTE}\n    await g();\n    return p;\n  }\n  load(): Promise<number> {\n    return f();\n  }\n}\nexport const later = async () => {\n  const q = f();\n  await g();\n  return q;\n};\nexport { Service };`,
          ],
        ],
      },
      {
        messageId: "window",
        line: 13,
        column: 9,
        message: WINDOW("q", 14),
        fixes: [
          [
            CATCH("q"),
            `${D}\nclass Service {\n  async run() {\n    const p = this.load();\n    await g();\n    return p;\n  }\n  load(): Promise<number> {\n    return f();\n  }\n}\nexport const later = async () => {\n  const q = f();\n  q.catch(() => undefined);${NOTE}\n  await g();\n  return q;\n};\nexport { Service };`,
          ],
        ],
      },
    ],
  },
  {
    name: "evaluation order: an await earlier in the same argument list",
    code: `${D}\nasync function args() {\n  const p = f();\n  console.log(await g(), await p);\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [CATCH("p"), `${D}\nasync function args() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  console.log(await g(), await p);\n}`],
        ],
      },
    ],
  },
  {
    name: "a declaration in a case clause; `while (true)` leaves only through `break`",
    code: `${D}\nasync function pick(k: number) {\n  switch (k) {\n    case 1:\n      const p = f();\n      while (true) {\n        if (c) break;\n        await g();\n      }\n      return await p;\n    default:\n      return 0;\n  }\n}`,
    errors: [
      {
        messageId: "window",
        line: 5,
        column: 13,
        message: WINDOW("p", 8),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function pick(k: number) {\n  switch (k) {\n    case 1:\n      const p = f();\n      p.catch(() => undefined);${NOTE}\n      while (true) {\n        if (c) break;\n        await g();\n      }\n      return await p;\n    default:\n      return 0;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`Promise.resolve(load())` adopts the promise `load()` returns: it rejects with it",
    code: `${D}\nasync function cached() {\n  const p = Promise.resolve(f());\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [[CATCH("p"), `${D}\nasync function cached() {\n  const p = Promise.resolve(f());\n  ${H("p")}\n  await g();\n  return await p;\n}`]],
      },
    ],
  },
  {
    name: "`globalThis.Promise.resolve(load())` too",
    code: `${D}\nasync function cached() {\n  const p = globalThis.Promise.resolve(f());\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function cached() {\n  const p = globalThis.Promise.resolve(f());\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`await Promise.resolve(other())` waits for `other()`",
    code: `${D}\nasync function both() {\n  const a = f();\n  await Promise.resolve(g());\n  return await a;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        related: [4, 5],
        message: WINDOW("a", 4),
        fixes: [
          [
            CATCH("a"),
            `${D}\nasync function both() {\n  const a = f();\n  a.catch(() => undefined);${NOTE}\n  await Promise.resolve(g());\n  return await a;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a project's own `class Promise`: its `resolve` is a wait like any other call",
    code: `${USER_PROMISE}\ndeclare function f(): globalThis.Promise<number>;\nexport async function tick() {\n  const a = f();\n  await Promise.resolve(1);\n  return await a;\n}`,
    errors: [
      {
        messageId: "window",
        line: 12,
        column: 9,
        related: [13, 14],
        message: WINDOW("a", 13),
        fixes: [
          [
            CATCH("a"),
            `${USER_PROMISE}\ndeclare function f(): globalThis.Promise<number>;\nexport async function tick() {\n  const a = f();\n  a.catch(() => undefined);${NOTE}\n  await Promise.resolve(1);\n  return await a;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a project's own thenable `class Promise` with `checkThenables`: its constructor is not known never to reject",
    code: `${USER_PROMISE}\ndeclare function g(): globalThis.Promise<string>;\nexport async function box() {\n  const p = new Promise((done: (value: number) => void) => done(1));\n  await g();\n  return await p;\n}`,
    options: { checkThenables: true },
    errors: [{ messageId: "window", line: 12, column: 9, message: WINDOW("p", 13) }],
  },
  {
    name: "a `throw` before the promise is handled",
    code: `${D}\nasync function guard(name: string) {\n  const p = f();\n  if (name === "") throw new Error("no name");\n  return await p;\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 3,
        column: 9,
        message: "The promise in `p` has no rejection handler when the `throw` at line 4 leaves the function: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [[CATCH("p"), `${D}\nasync function guard(name: string) {\n  const p = f();\n  ${H("p")}\n  if (name === "") throw new Error("no name");\n  return await p;\n}`]],
      },
    ],
  },
  {
    name: "a `throw` in a sync function that returns the promise",
    code: `${D}\nfunction start(name: string) {\n  const p = f();\n  if (name === "") throw new Error("no name");\n  return p;\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 3,
        column: 9,
        message: "The promise in `p` has no rejection handler when the `throw` at line 4 leaves the function: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("p"),
            `${D}\nfunction start(name: string) {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  if (name === "") throw new Error("no name");\n  return p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `throw` that leaves the declaring block inside a try",
    code: `${D}\nasync function inner() {\n  try {\n    const p = f();\n    if (c) throw new Error("stop");\n    await p;\n  } catch {\n    return 0;\n  }\n  return 1;\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 4,
        column: 11,
        message: "The promise in `p` has no rejection handler when the `throw` at line 5 leaves the block that declares it: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function inner() {\n  try {\n    const p = f();\n    p.catch(() => undefined);${NOTE}\n    if (c) throw new Error("stop");\n    await p;\n  } catch {\n    return 0;\n  }\n  return 1;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a type assertion around the call is looked through",
    code: `${D}\nasync function load() {\n  const p = f() as Promise<number>;\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 4),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function load() {\n  const p = f() as Promise<number>;\n  p.catch(() => undefined);${NOTE}\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `throw` in a `finally` leaves the function",
    code: `${D}\nfunction flush(items: string[]) {\n  const done = f();\n  try {\n    items.forEach((item) => console.log(item));\n  } finally {\n    if (items.length === 0) throw new Error("nothing to flush");\n  }\n  return done;\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 3,
        column: 9,
        message: "The promise in `done` has no rejection handler when the `throw` at line 7 leaves the function: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("done"),
            `${D}\nfunction flush(items: string[]) {\n  const done = f();\n  done.catch(() => undefined);${NOTE}\n  try {\n    items.forEach((item) => console.log(item));\n  } finally {\n    if (items.length === 0) throw new Error("nothing to flush");\n  }\n  return done;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `throw` in a `catch` clause without `finally` leaves the function",
    code: `${D}\nasync function read(text: string) {\n  const fallback = f();\n  try {\n    if (text === "") throw new Error("empty config");\n  } catch (error) {\n    console.error(error);\n    throw error;\n  }\n  return await fallback;\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 3,
        column: 9,
        message: "The promise in `fallback` has no rejection handler when the `throw` at line 8 leaves the function: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("fallback"),
            `${D}\nasync function read(text: string) {\n  const fallback = f();\n  fallback.catch(() => undefined);${NOTE}\n  try {\n    if (text === "") throw new Error("empty config");\n  } catch (error) {\n    console.error(error);\n    throw error;\n  }\n  return await fallback;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `throw` in a `catch` clause with a `finally` leaves the block that declares it",
    code: `${D}\nasync function retry() {\n  try {\n    return await g();\n  } catch {\n    const report = f();\n    if (c) throw new Error("gave up");\n    return await report;\n  } finally {\n    console.log("done");\n  }\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 6,
        column: 11,
        message: "The promise in `report` has no rejection handler when the `throw` at line 7 leaves the block that declares it: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("report"),
            `${D}\nasync function retry() {\n  try {\n    return await g();\n  } catch {\n    const report = f();\n    report.catch(() => undefined);${NOTE}\n    if (c) throw new Error("gave up");\n    return await report;\n  } finally {\n    console.log("done");\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when an `await a` is inside a nested function",
    code: `${D}\nasync function page() {\n  const user = f();\n  const posts = await g();\n  const show = async () => console.log(await user);\n  return [await user, posts, show];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function page() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  const posts = await g();\n  const show = async () => console.log(await user);\n  return [await user, posts, show];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a fallback started early and awaited only in the `catch`: the window is on the exceptional path",
    code: `${D}\nasync function config() {\n  const fallback = f();\n  try {\n    return await g();\n  } catch {\n    return await fallback;\n  }\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("fallback", 5),
        fixes: [
          [
            CATCH("fallback"),
            `${D}\nasync function config() {\n  const fallback = f();\n  fallback.catch(() => undefined);${NOTE}\n  try {\n    return await g();\n  } catch {\n    return await fallback;\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a `throw` after an early `return` that drops it: the throw is reported",
    code: `${D}\nfunction refresh(force: boolean) {\n  const p = f();\n  if (!force) return undefined;\n  if (c) throw new Error("busy");\n  return p;\n}`,
    errors: [
      {
        messageId: "throwWindow",
        line: 3,
        column: 9,
        message: "The promise in `p` has no rejection handler when the `throw` at line 5 leaves the function: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
        fixes: [
          [
            CATCH("p"),
            `${D}\nfunction refresh(force: boolean) {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  if (!force) return undefined;\n  if (c) throw new Error("busy");\n  return p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a comparison (through parentheses and `as`) does not handle it",
    code: `${D}\ndeclare let previous: Promise<number> | undefined;\nasync function load() {\n  const p = f();\n  if ((p as Promise<unknown>) === previous) console.log("same request");\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("p", 6),
        fixes: [
          [
            CATCH("p"),
            `${D}\ndeclare let previous: Promise<number> | undefined;\nasync function load() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  if ((p as Promise<unknown>) === previous) console.log("same request");\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`instanceof` does not handle it",
    code: `${D}\nasync function load() {\n  const p = f();\n  console.assert(p instanceof Promise, "load() returns a promise");\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("p", 5),
        fixes: [
          [
            CATCH("p"),
            `${D}\nasync function load() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  console.assert(p instanceof Promise, "load() returns a promise");\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "stored in a variable only after the other await",
    code: `${D}\nlet latest: Promise<number> | undefined;\nasync function refresh() {\n  const p = f();\n  await g();\n  latest = p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("p", 5),
        fixes: [
          [
            CATCH("p"),
            `${D}\nlet latest: Promise<number> | undefined;\nasync function refresh() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  await g();\n  latest = p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`!p`, `typeof p.then` and reading `p.then` without calling it do not handle it",
    code: `${D}\ndeclare function isFunction(value: unknown): boolean;\nasync function load() {\n  const p = f();\n  console.assert(!!p && typeof p.then === "function", "a thenable");\n  console.log("thenable:", isFunction(p.then));\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("p", 7),
        fixes: [
          [
            CATCH("p"),
            `${D}\ndeclare function isFunction(value: unknown): boolean;\nasync function load() {\n  const p = f();\n  p.catch(() => undefined);${NOTE}\n  console.assert(!!p && typeof p.then === "function", "a thenable");\n  console.log("thenable:", isFunction(p.then));\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "calling a method other than then/catch/finally does not handle it",
    code: `${D}\ndeclare function upload(): Promise<number> & { onProgress(report: (sent: number) => void): void };\nasync function send() {\n  const p = upload();\n  p.onProgress((sent) => console.log(sent));\n  await g();\n  return await p;\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("p", 6),
        fixes: [
          [
            CATCH("p"),
            `${D}\ndeclare function upload(): Promise<number> & { onProgress(report: (sent: number) => void): void };\nasync function send() {\n  const p = upload();\n  p.catch(() => undefined);${NOTE}\n  p.onProgress((sent) => console.log(sent));\n  await g();\n  return await p;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "in JavaScript, a condition on the promise does not handle it",
    code: `import { fetchUser, audit } from "./api";\n\nexport async function greet(id) {\n  const user = fetchUser(id);\n  const state = user ? "loading" : "none";\n  if (user) console.log(state);\n  await audit(id);\n  return (await user).name;\n}`,
    fileName: "greet.js",
    extraFiles: { "api.ts": "export declare function fetchUser(id: string): Promise<{ name: string }>;\nexport declare function audit(id: string): Promise<void>;" },
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("user", 7),
        fixes: [
          [
            CATCH("user"),
            `import { fetchUser, audit } from "./api";\n\nexport async function greet(id) {\n  const user = fetchUser(id);\n  user.catch(() => undefined);${NOTE}\n  const state = user ? "loading" : "none";\n  if (user) console.log(state);\n  await audit(id);\n  return (await user).name;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "put in the array a `for...of` walks, only after the other await",
    code: `${D}\nasync function all() {\n  const first = f();\n  const results = [await g()];\n  for (const p of [first]) results.push(String(await p));\n  return results;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("first", 4),
        fixes: [
          [
            CATCH("first"),
            `${D}\nasync function all() {\n  const first = f();\n  first.catch(() => undefined);${NOTE}\n  const results = [await g()];\n  for (const p of [first]) results.push(String(await p));\n  return results;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "stored in an array assigned only after the other await",
    code: `${D}\nlet inflight: Promise<number>[] = [];\nasync function run() {\n  const job = f();\n  await g();\n  inflight = [job];\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("job", 5),
        fixes: [
          [
            CATCH("job"),
            `${D}\nlet inflight: Promise<number>[] = [];\nasync function run() {\n  const job = f();\n  job.catch(() => undefined);${NOTE}\n  await g();\n  inflight = [job];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "returned from a branch of a conditional only after the other await",
    code: `${D}\nasync function pick(cached: Promise<number> | undefined) {\n  const fresh = f();\n  await g();\n  return c ? fresh : cached;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("fresh", 4),
        fixes: [
          [
            CATCH("fresh"),
            `${D}\nasync function pick(cached: Promise<number> | undefined) {\n  const fresh = f();\n  fresh.catch(() => undefined);${NOTE}\n  await g();\n  return c ? fresh : cached;\n}`,
          ],
        ],
      },
    ],
  },
  // Cases from the mutation run over the rule's `create` and `WindowChecker` (see BENCHMARKS.md, "Mutation testing").
  {
    name: "`.catch()` without a handler attaches none",
    code: `${D}\nasync function load() {\n  const user = f().catch();\n  const posts = await g();\n  return [await user, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [ALL("user", "posts"), `${D}\nasync function load() {\n  const [user, posts] = await Promise.all([f().catch(), g()]);\n  return [user, posts];\n}`],
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f().catch();\n  user.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await user, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`.then(onValue, undefined)` attaches no rejection handler",
    code: `${D}\nasync function load() {\n  const user = f().then((n) => n + 1, undefined);\n  const posts = await g();\n  return [await user, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            ALL("user", "posts"),
            `${D}\nasync function load() {\n  const [user, posts] = await Promise.all([f().then((n) => n + 1, undefined), g()]);\n  return [user, posts];\n}`,
          ],
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f().then((n) => n + 1, undefined);\n  user.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await user, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`Promise.race` of the global `Promise` rejects with the first rejection",
    code: `${D}\nasync function first() {\n  const winner = Promise.race([f(), f()]);\n  const posts = await g();\n  return [await winner, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("winner", 4),
        fixes: [
          [
            ALL("winner", "posts"),
            `${D}\nasync function first() {\n  const [winner, posts] = await Promise.all([Promise.race([f(), f()]), g()]);\n  return [winner, posts];\n}`,
          ],
          [
            CATCH("winner"),
            `${D}\nasync function first() {\n  const winner = Promise.race([f(), f()]);\n  winner.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await winner, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`Promise.resolve` of a `PromiseLike` adopts it, and rejects with it",
    code: `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function load() {\n  const value = Promise.resolve(legacy());\n  const posts = await g();\n  return [await value, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("value", 5),
        fixes: [
          [
            ALL("value", "posts"),
            `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function load() {\n  const [value, posts] = await Promise.all([Promise.resolve(legacy()), g()]);\n  return [value, posts];\n}`,
          ],
          [
            CATCH("value"),
            `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function load() {\n  const value = Promise.resolve(legacy());\n  value.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await value, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`await Promise.all([...])` is a wait (not only a microtask)",
    code: `${D}\nasync function load() {\n  const user = f();\n  await Promise.all([g(), g()]);\n  return await user;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  await Promise.all([g(), g()]);\n  return await user;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "awaiting a `PromiseLike` is a wait",
    code: `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function load() {\n  const user = f();\n  await legacy();\n  return await user;\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("user", 5),
        fixes: [
          [
            CATCH("user"),
            `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  await legacy();\n  return await user;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix for a `let` (the fix would make it `const`)",
    code: `${D}\nasync function load() {\n  let user = f();\n  const posts = await g();\n  return [await user, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 7,
        message: WINDOW("user", 4),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  let user = f();\n  user.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await user, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when the declaration has another declarator",
    code: `${D}\nasync function load() {\n  const user = f(), started = Date.now();\n  const posts = await g();\n  return [await user, posts, Date.now() - started];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f(), started = Date.now();\n  user.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await user, posts, Date.now() - started];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when the next declaration is a `let`",
    code: `${D}\nasync function load() {\n  const user = f();\n  let posts = await g();\n  if (c) posts = "";\n  return [await user, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  let posts = await g();\n  if (c) posts = "";\n  return [await user, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when the next declaration has another declarator",
    code: `${D}\nasync function load() {\n  const user = f();\n  const posts = await g(), loaded = Date.now();\n  return [await user, posts, loaded];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  const posts = await g(), loaded = Date.now();\n  return [await user, posts, loaded];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when the window opens at an `await` inside the next initializer",
    code: `${D}\ndeclare function open(): Promise<{ json(): Promise<string> }>;\nasync function load() {\n  const user = f();\n  const body = await (await open()).json();\n  return [await user, body];\n}`,
    errors: [
      {
        messageId: "window",
        line: 4,
        column: 9,
        message: WINDOW("user", 5),
        fixes: [
          [
            CATCH("user"),
            `${D}\ndeclare function open(): Promise<{ json(): Promise<string> }>;\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  const body = await (await open()).json();\n  return [await user, body];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "no Promise.all fix when a comment stands between the two declarations (it would be lost)",
    code: `${D}\nasync function load() {\n  const user = f();\n  // the posts do not depend on the user\n  const posts = await g();\n  return [await user, posts];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 5),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  // the posts do not depend on the user\n  const posts = await g();\n  return [await user, posts];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "Promise.all fix: a parameter of the same name in a callback is another variable",
    code: `${D}\nasync function load() {\n  const user = f();\n  const posts = await g();\n  return [await user, posts.split(",").map((user) => user.trim())];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [
            ALL("user", "posts"),
            `${D}\nasync function load() {\n  const [user, posts] = await Promise.all([f(), g()]);\n  return [user, posts.split(",").map((user) => user.trim())];\n}`,
          ],
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  const posts = await g();\n  return [await user, posts.split(",").map((user) => user.trim())];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a parameter of the same name in a closure before the wait is another variable",
    code: `${D}\nasync function load() {\n  const user = f();\n  const show = (user: number) => console.log(user);\n  await g();\n  show(await user);\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 5),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  const show = (user: number) => console.log(user);\n  await g();\n  show(await user);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "an inner block's variable of the same name is another variable",
    code: `${D}\nasync function load(ids: number[]) {\n  const user = f();\n  if (ids.length > 0) {\n    const user = ids[0] * 2;\n    console.log(user);\n  }\n  await g();\n  return await user;\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 8),
        fixes: [
          [
            CATCH("user"),
            `${D}\nasync function load(ids: number[]) {\n  const user = f();\n  user.catch(() => undefined);${NOTE}\n  if (ids.length > 0) {\n    const user = ids[0] * 2;\n    console.log(user);\n  }\n  await g();\n  return await user;\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "Promise.all fix without semicolons",
    code: `${D}\nasync function load() {\n  const user = f()\n  const posts = await g()\n  return [await user, posts]\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("user", 4),
        fixes: [
          [ALL("user", "posts"), `${D}\nasync function load() {\n  const [user, posts] = await Promise.all([f(), g()])\n  return [user, posts]\n}`],
          [
            CATCH("user"),
            `${D}\nasync function load() {\n  const user = f()\n  user.catch(() => undefined);${NOTE}\n  const posts = await g()\n  return [await user, posts]\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a function on one line: the handler goes on a new line",
    code: `${D}\nasync function one() { const user = f(); await g(); return await user; }`,
    errors: [
      {
        messageId: "window",
        line: 2,
        column: 30,
        message: WINDOW("user", 2),
        fixes: [
          [CATCH("user"), `${D}\nasync function one() { const user = f();\nuser.catch(() => undefined); await g(); return await user; }`],
        ],
      },
    ],
  },
  {
    name: "the `await` right after the semicolon: the window opens where the statement ends",
    code: `${D}\nasync function one() { const user = f();await g(); return user; }`,
    errors: [
      {
        messageId: "window",
        line: 2,
        column: 30,
        message: WINDOW("user", 2),
        fixes: [
          [CATCH("user"), `${D}\nasync function one() { const user = f();\nuser.catch(() => undefined);await g(); return user; }`],
        ],
      },
    ],
  },
  {
    name: "`yield` without any `await` in the async generator",
    code: `${D}\nasync function* pages() {\n  const first = f();\n  yield 0;\n  yield first;\n}`,
    errors: [
      {
        messageId: "windowYield",
        line: 3,
        column: 9,
        message: "The promise in `first` has no rejection handler while the async generator is paused at `yield` (line 4): the consumer decides when it resumes, and if the promise rejects meanwhile, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before the `yield`, or attach a handler when it is created.",
        fixes: [
          [CATCH("first"), `${D}\nasync function* pages() {\n  const first = f();\n  first.catch(() => undefined);${NOTE}\n  yield 0;\n  yield first;\n}`],
        ],
      },
    ],
    options: { checkThrows: false },
  },
  {
    name: "`.catch(() => {})` then a callback that may throw: the chain can still reject (the result may be undefined)",
    code: `import * as dns from "node:dns";\nexport async function resolveAll(name: string) {\n  const ipv4 = dns.promises.resolve4(name).catch(() => {}).then((r) => r.map((a) => a.trim()));\n  const ipv6 = await dns.promises.resolve6(name).catch(() => []);\n  return [...(await ipv4), ...ipv6];\n}`,
    errors: [
      {
        messageId: "window",
        line: 3,
        column: 9,
        message: WINDOW("ipv4", 4),
        fixes: [
          [
            ALL("ipv4", "ipv6"),
            `import * as dns from "node:dns";\nexport async function resolveAll(name: string) {\n  const [ipv4, ipv6] = await Promise.all([dns.promises.resolve4(name).catch(() => {}).then((r) => r.map((a) => a.trim())), dns.promises.resolve6(name).catch(() => [])]);\n  return [...(ipv4), ...ipv6];\n}`,
          ],
          [
            CATCH("ipv4"),
            `import * as dns from "node:dns";\nexport async function resolveAll(name: string) {\n  const ipv4 = dns.promises.resolve4(name).catch(() => {}).then((r) => r.map((a) => a.trim()));\n  ipv4.catch(() => undefined);${NOTE}\n  const ipv6 = await dns.promises.resolve6(name).catch(() => []);\n  return [...(await ipv4), ...ipv6];\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "`Promise.allSettled` of a list, then a callback that may throw",
    code: `${D}\ndeclare function report(results: PromiseSettledResult<void>[]): void;\nexport async function closeAll(clients: { close(): Promise<void> }[]) {\n  const closing = clients.map((client) => client.close());\n  const done = Promise.allSettled(closing).then((results) => report(results));\n  await g();\n  await done;\n}`,
    errors: [
      {
        messageId: "window",
        line: 5,
        column: 9,
        message: WINDOW("done", 6),
        fixes: [
          [
            CATCH("done"),
            `${D}\ndeclare function report(results: PromiseSettledResult<void>[]): void;\nexport async function closeAll(clients: { close(): Promise<void> }[]) {\n  const closing = clients.map((client) => client.close());\n  const done = Promise.allSettled(closing).then((results) => report(results));\n  done.catch(() => undefined);${NOTE}\n  await g();\n  await done;\n}`,
          ],
        ],
      },
    ],
  },
];

const valid: ValidCase[] = [
  {
    name: "a parenthesized executor that takes no `reject` cannot reject",
    code: `${D}\nasync function pause() {\n  const delay = new Promise<void>(((resolve) => setTimeout(resolve, 10)));\n  await g();\n  await delay;\n}`,
  },
  {
    name: "a known miss, as documented: a call with no name (`loaders[kind]()`) does not pass the cheap gate",
    code: `${D}\ndeclare const loaders: Record<string, () => Promise<number>>;\nasync function load(kind: string) {\n  const p = loaders[kind]();\n  await g();\n  return await p;\n}`,
  },
  { name: "an inner variable of the same name, the outer promise awaited first", code: `${D}\nasync function load(ids: number[]) {\n  const user = f();\n  const u = await user;\n  for (const id of ids) {\n    const user = id * 2;\n    console.log(user);\n  }\n  await g();\n  return u;\n}` },
  { name: "a callback parameter of the same name, the outer promise handled before the wait", code: `${D}\nasync function load() {\n  const user = f();\n  track(user);\n  const show = (user: number) => console.log(user);\n  await g();\n  show(await user);\n}` },
  { name: "`Promise.race` awaited where it is created", code: `${D}\nasync function ok() {\n  const winner = await Promise.race([f(), f()]);\n  await g();\n  return winner;\n}` },
  { name: "`Promise.resolve` of a `PromiseLike` with a handler at creation", code: `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function ok() {\n  const value = Promise.resolve(legacy()).catch(() => 0);\n  await g();\n  return await value;\n}` },
  { name: "handled before `await Promise.all([...])`", code: `${D}\nasync function ok() {\n  const user = f();\n  track(user);\n  await Promise.all([g(), g()]);\n  return await user;\n}` },
  { name: "awaited before awaiting a `PromiseLike`", code: `${D}\ndeclare function legacy(): PromiseLike<number>;\nasync function ok() {\n  const user = f();\n  const n = await user;\n  await legacy();\n  return n;\n}` },
  { name: "a `let` awaited with the other promise", code: `${D}\nasync function ok() {\n  let user = f();\n  const [u, posts] = await Promise.all([user, g()]);\n  return [u, posts];\n}` },
  { name: "a comment between, both awaited together", code: `${D}\nasync function ok() {\n  const user = f();\n  // the posts do not depend on the user\n  const [u, posts] = await Promise.all([user, g()]);\n  return [u, posts];\n}` },
  { name: "a parameter of the same name in a callback after the await", code: `${D}\nasync function ok() {\n  const user = await f();\n  const posts = await g();\n  return [user, posts.split(",").map((user) => user.trim())];\n}` },
  { name: "a function on one line that awaits where it starts", code: `${D}\nasync function one() { const user = await f(); await g(); return user; }` },
  { name: "a function on one line that returns the promise before any wait", code: `${D}\nasync function one() { const user = f(); return user; }` },
  { name: "an async generator that yields the promise first", code: `${D}\nasync function* pages() {\n  const first = f();\n  yield first;\n  yield 0;\n}`, options: { checkThrows: false } },
  { name: "`.then(onValue, onError)` handles the rejection at creation", code: `${D}\nasync function ok() {\n  const a = f().then((n) => n + 1, () => 0);\n  await g();\n  return await a;\n}` },
  { name: "`.then(onValue, onError)` with a named handler", code: `${D}\ndeclare function report(error: unknown): number;\nasync function ok() {\n  const a = f().then((n) => n * 2, report);\n  await g();\n  return await a;\n}` },
  { name: "no `await`, `yield` or `throw` anywhere in the file", code: `${D}\nasync function ok() {\n  const a = f();\n  track(a);\n  return a;\n}` },
  { name: "`await Promise.resolve()` right after the semicolon", code: `${D}\nasync function ok() { const a = f();await Promise.resolve(); return a; }` },
  { name: "started together, awaited together", code: `${D}\nasync function ok() {\n  const [a, b] = await Promise.all([f(), g()]);\n  return [a, b];\n}` },
  { name: "combined at the await", code: `${D}\nasync function ok() {\n  const a = f();\n  const b = g();\n  return await Promise.all([a, b]);\n}` },
  { name: "a handler attached before the other await", code: `${D}\nasync function ok() {\n  const a = f();\n  a.catch(() => undefined);\n  await g();\n  return await a;\n}` },
  { name: "`.then(f, r)` before the other await", code: `${D}\nasync function ok() {\n  const a = f();\n  a.then(() => 1, () => 2);\n  await g();\n  return await a;\n}` },
  { name: "passed to a call before the other await", code: `${D}\nasync function ok() {\n  const a = f();\n  track(a);\n  await g();\n  return await a;\n}` },
  { name: "`Promise.allSettled` before the other await", code: `${D}\nasync function ok() {\n  const a = f();\n  const settled = Promise.allSettled([a]);\n  await g();\n  await settled;\n  return await a;\n}` },
  { name: "the other await is a race including it", code: `${D}\nasync function ok() {\n  const a = f();\n  const b = g();\n  const first = await Promise.race([a, b]);\n  return [first, await a, await b];\n}` },
  { name: "stored in an object before the other await", code: `${D}\nasync function ok() {\n  const a = f();\n  const box = { a };\n  await g();\n  return await box.a;\n}` },
  { name: "an await in a nested function does not count", code: `${D}\nasync function ok(items: string[]) {\n  const a = f();\n  items.forEach(async () => { await g(); });\n  return await a;\n}` },
  { name: "an await on a value that is not a promise", code: `${D}\nasync function ok(n: number) {\n  const a = f();\n  await n;\n  await null;\n  return await a;\n}` },
  { name: "`await Promise.resolve()` only yields to the microtask queue", code: `${D}\nasync function ok() {\n  const a = f();\n  await Promise.resolve();\n  return await a;\n}` },
  { name: "a branch that handles it before its own await", code: `${D}\nasync function ok() {\n  const a = f();\n  if (c) {\n    await a;\n    await g();\n  }\n  return await a;\n}` },
  { name: "handled in the first iteration before the loop's await", code: `${D}\nasync function ok(ids: string[]) {\n  const a = f();\n  for (const id of ids) {\n    console.log(id, await a);\n    await g();\n  }\n}` },
  { name: "never handled after the await: floating-promise's case", code: `${D}\nasync function ok() {\n  const a = f();\n  await g();\n}` },
  { name: "the windowed path returns without handling: floating-promise's case", code: `${D}\nasync function ok() {\n  const a = f();\n  if (c) {\n    await g();\n    return 0;\n  }\n  return await a;\n}` },
  { name: "typed any", code: `declare const api: any;\ndeclare function g(): Promise<string>;\nasync function ok() {\n  const a = api.load();\n  await g();\n  return await a;\n}` },
  { name: "typed unknown", code: `declare function load(): unknown;\ndeclare function g(): Promise<string>;\nasync function ok() {\n  const a = load();\n  await g();\n  return a;\n}` },
  { name: "not a promise", code: `declare function f(): number;\ndeclare function g(): Promise<string>;\nasync function ok() {\n  const a = f();\n  await g();\n  return a;\n}` },
  { name: "a thenable without `checkThenables`", code: `interface Job<T> { then<R>(done: (value: T) => R): Job<R> }\ndeclare function start(): Job<number>;\ndeclare function g(): Promise<string>;\nasync function ok() {\n  const j = start();\n  await g();\n  return await j;\n}` },
  { name: "a reassigned `let` is not followed", code: `${D}\nasync function ok() {\n  let a = f();\n  await a;\n  a = f();\n  await g();\n  return await a;\n}` },
  { name: "used by a hoisted function declaration", code: `${D}\nasync function ok() {\n  const a = f();\n  handle();\n  await g();\n  return await a;\n  function handle() { a.catch(() => 0); }\n}` },
  { name: "created with `.catch()`: already handled", code: `${D}\nasync function ok() {\n  const a = f().catch(() => 0);\n  await g();\n  return await a;\n}` },
  { name: "`Promise.allSettled` never rejects", code: `${D}\nasync function ok() {\n  const a = Promise.allSettled([f()]);\n  await g();\n  return await a;\n}` },
  { name: "`new Promise` without a reject parameter", code: `${D}\nasync function ok() {\n  const delay = new Promise<void>((resolve) => setTimeout(resolve, 10));\n  await g();\n  await delay;\n}` },
  { name: "a throw caught in the same scope", code: `${D}\nasync function ok() {\n  const a = f();\n  try {\n    if (c) throw new Error("x");\n  } catch {\n    console.log("recovered");\n  }\n  return await a;\n}` },
  { name: "a throw passing through a finally is left alone", code: `${D}\nasync function ok() {\n  const a = f();\n  try {\n    if (c) throw new Error("x");\n  } finally {\n    console.log("done");\n  }\n  return await a;\n}` },
  { name: "a throw with `checkThrows` off", code: `${D}\nasync function ok() {\n  const a = f();\n  if (c) throw new Error("x");\n  return await a;\n}`, options: { checkThrows: false } },
  { name: "a throw after the promise is handled", code: `${D}\nfunction ok() {\n  const a = f();\n  track(a);\n  if (c) throw new Error("x");\n  return a;\n}` },
  { name: "a throw at module top level", code: `${D}\nconst a = f();\nif (c) throw new Error("x");\nawait a;\nexport {};`, fileName: "module.mts" },
  { name: "`yield` in a sync generator", code: `${D}\nfunction* gen() {\n  const a = f();\n  yield 1;\n  return a;\n}` },
  { name: "an exported top-level promise may be handled by importers", code: `${D}\nexport const a = f();\nawait g();\nawait a;`, fileName: "module.mts" },
  { name: "the other await passes it on", code: `${D}\ndeclare function both(a: Promise<number>): Promise<void>;\nasync function ok() {\n  const a = f();\n  await both(a);\n  return await a;\n}` },
  { name: "a `finally` await after the handling", code: `${D}\nasync function ok() {\n  const a = f();\n  try {\n    return await a;\n  } finally {\n    await g();\n  }\n}` },
  { name: "a closure that refers to it is created before the await", code: `${D}\nasync function ok() {\n  const a = f();\n  const later = () => a;\n  await g();\n  return later();\n}` },
  { name: "a destructuring swap is a reassignment: not followed", code: `${D}\nasync function ok() {\n  let p = f();\n  let q = f();\n  await g();\n  [p, q] = [q, p];\n  return [await p, await q];\n}` },
  { name: "a default in a destructuring assignment is a reassignment", code: `${D}\nasync function ok(xs: Promise<number>[]) {\n  let p = f();\n  await g();\n  [p = f()] = xs;\n  return await p;\n}` },
  { name: "a windowed path that leaves through a labeled break is never handled: floating-promise's case", code: `${D}\nasync function ok(rows: number[][]) {\n  const p = f();\n  outer: for (const row of rows) {\n    for (const x of row) {\n      if (x) {\n        await p;\n        break outer;\n      }\n    }\n  }\n  await g();\n}` },
  { name: "a `continue` that leaves the declaring loop body drops it: floating-promise's case", code: `${D}\nasync function ok(ids: string[]) {\n  for (const id of ids) {\n    const p = f();\n    if (id === "") continue;\n    await p;\n    await g();\n  }\n}` },
  { name: "evaluation order: awaited first in the same argument list", code: `${D}\nasync function ok() {\n  const p = f();\n  console.log(await p, await g());\n}` },
  { name: "an endless loop that handles it before its await", code: `${D}\nasync function ok() {\n  const p = f();\n  while (true) {\n    await p;\n    if (c) break;\n    await g();\n  }\n}` },
  { name: "an object literal method that refers to it, created before the await", code: `${D}\nasync function ok() {\n  const p = f();\n  const o = { m() { return p; } };\n  await g();\n  return o;\n}` },
  {
    name: "documented limit of the name gate: a Promise subclass from a function whose written type does not say Promise",
    code: `${D}\nclass Task<T> extends Promise<T> {}\ndeclare function run(): Task<number>;\nasync function sub() {\n  const t = run();\n  await g();\n  return await t;\n}`,
  },
  { name: "`await Promise.resolve(value)` of a plain value only yields to the microtask queue", code: `${D}\nasync function ok(n: number) {\n  const a = f();\n  await Promise.resolve(n);\n  return await a;\n}` },
  { name: "`await globalThis.Promise.resolve()` is the global `Promise` too", code: `${D}\nasync function ok() {\n  const a = f();\n  await globalThis.Promise.resolve();\n  return await a;\n}` },
  { name: "`await P.resolve()` through a `const` copy of the global `Promise`", code: `${D}\nconst P = Promise;\nasync function ok() {\n  const a = f();\n  await P.resolve();\n  return await a;\n}` },
  { name: "`await Promise.resolve(value)` of a value typed `any` is not known to wait", code: `${D}\ndeclare const cached: any;\nasync function ok() {\n  const a = f();\n  await Promise.resolve(cached);\n  return await a;\n}` },
  { name: "`Promise.resolve(value)` of a plain value cannot reject", code: `${D}\nasync function ok(n: number) {\n  const a = Promise.resolve(n);\n  await g();\n  return await a;\n}` },
  { name: "a project's own `class Promise` whose values are not promises: `Promise.resolve(load())` holds a box", code: `${USER_BOX}\ndeclare function f(): globalThis.Promise<number>;\ndeclare function g(): globalThis.Promise<string>;\nexport async function ok() {\n  const box = Promise.resolve(f());\n  await g();\n  return await box.value;\n}` },
  { name: "a project's own `class Promise` whose values are not promises: `new Promise(...)` is no promise", code: `${USER_BOX}\ndeclare function g(): globalThis.Promise<string>;\nexport async function ok() {\n  const box = new Promise(1);\n  await g();\n  return box.value;\n}` },
  { name: "a project's own thenable `class Promise` without `checkThenables` is no promise", code: `${USER_PROMISE}\ndeclare function g(): globalThis.Promise<string>;\nexport async function ok() {\n  const p = new Promise((done: (value: number) => void) => done(1));\n  await g();\n  return await p;\n}` },
  { name: "an `await using` declaration is not followed: the scope's disposal owns the value", code: `${D}\ndeclare function lease(): Promise<number> & AsyncDisposable;\nexport async function ok() {\n  await using held = lease();\n  await g();\n  return await held;\n}` },
  { name: "a `using` declaration is not followed either", code: `${D}\ndeclare function lock(name: string): Promise<void> & Disposable;\nexport async function ok() {\n  using held = lock("jobs");\n  await g();\n  await held;\n}` },
  { name: "a comparison does not handle, but nothing waits before the await", code: `${D}\nasync function ok(old: Promise<number>) {\n  const a = f();\n  if (a === old) return 0;\n  return await a;\n}` },
  { name: "a class static block is not looked at", code: `${D}\nfunction setup() {\n  class Registry {\n    static {\n      const ready = f();\n      if (c) throw new Error("no registry");\n      track(ready);\n    }\n  }\n  return Registry;\n}` },
  { name: "used by a closure created before the declaration (temporal dead zone): not followed", code: `${D}\nasync function poll() {\n  const stop = () => pending.catch(() => undefined);\n  const pending = f();\n  await g();\n  stop();\n  return await pending;\n}` },
  { name: "used by a hoisted function declaration in a class's `extends`", code: `${D}\ndeclare function withConnection(conn: Promise<number>): new () => object;\nasync function start() {\n  const conn = f();\n  await g();\n  return [await conn, Model];\n  function Model() {\n    return class extends withConnection(conn) {};\n  }\n}` },
  { name: "a `let` reassigned after the other await is not followed", code: `${D}\nasync function retry() {\n  let attempt = f();\n  if (c) {\n    await g();\n    attempt = f();\n  }\n  return await attempt;\n}` },
  { name: "a shorthand destructuring assignment is a reassignment", code: `${D}\ndeclare function next(): { job: Promise<number>; id: number };\nasync function drain() {\n  let job = f();\n  let id = 0;\n  await g();\n  ({ job, id } = next());\n  return [await job, id];\n}` },
  { name: "a destructuring assignment to a renamed property is a reassignment", code: `${D}\ndeclare function next(): { job: Promise<number>; id: number };\nasync function drain() {\n  let current = f();\n  await g();\n  ({ job: current } = next());\n  return await current;\n}` },
  { name: "a `for...of` that destructures into it is a reassignment", code: `${D}\ndeclare const queue: [string, Promise<number>][];\nasync function runAll() {\n  let task = f();\n  let name = "first";\n  await g();\n  for ([name, task] of queue) console.log(name, await task);\n}` },
  { name: "a `for...of` that assigns it is a reassignment", code: `${D}\ndeclare const retries: Promise<number>[];\nasync function runAll() {\n  let attempt = f();\n  await g();\n  for (attempt of retries) console.log(await attempt);\n}` },
  { name: "a logical assignment (`&&=`) is a reassignment", code: `${D}\nasync function warm(force: boolean) {\n  let ready = f();\n  await g();\n  if (force) ready &&= f();\n  return await ready;\n}` },
  { name: "`.finally()` before the other await handles it", code: `${D}\nasync function timed() {\n  const p = f();\n  track(p.finally(() => console.log("done")));\n  await g();\n  return await p;\n}` },
  { name: "`.catch(() => {})` then a callback that cannot throw: the chain cannot reject (Cassandra driver's `_resolveAll`)", code: `import * as dns from "node:dns";\nconst emptyArray: readonly string[] = Object.freeze([]);\nexport async function resolveAll(name: string) {\n  const ipv4 = dns.promises.resolve4(name).catch(() => {}).then((r) => r || emptyArray);\n  const ipv6 = dns.promises.resolve6(name).catch(() => {}).then((r) => r || emptyArray);\n  const addresses = [...(await ipv4)];\n  return [...addresses, ...(await ipv6)];\n}` },
  { name: "`Promise.allSettled` of a list built by pushes, then a callback that cannot throw", code: `${D}\nexport async function closeAll(clients: { close(): Promise<void> }[]) {\n  const closing: Promise<void>[] = [];\n  for (const client of clients) closing.push(client.close());\n  let drained = false;\n  const done = Promise.allSettled(closing).then(() => { drained = true; });\n  await g();\n  await done;\n  return drained;\n}` },
  { name: "a project async function that cannot reject has no window (as floating-promise sees it by default)", code: `${D}\nasync function defaults() { return { retries: 3 }; }\nexport async function configure() {\n  const base = defaults();\n  const name = await g();\n  return { ...(await base), name };\n}` },
];


describe(RULE, () => {
  runRuleTable(RULE, { valid, invalid });

  it("findings carry the rule's one-line summaries (the CLI's stylish output)", () => {
    const summaries = (code: string) => lintCode(RULE, code).findings.map((finding) => finding.summary);
    assert.deepEqual(summaries(`${D}\nasync function page() {\n  const user = f();\n  const posts = await g();\n  return [await user, posts];\n}`), [
      "`user` has no rejection handler while the function awaits (line 4)",
    ]);
    assert.deepEqual(summaries(`${D}\nasync function* pages() {\n  const next = f();\n  yield 1;\n  yield await next;\n}`), [
      "`next` has no rejection handler while paused at `yield` (line 4)",
    ]);
    assert.deepEqual(summaries(`${D}\nasync function guard(name: string) {\n  const p = f();\n  if (name === "") throw new Error("no name");\n  return await p;\n}`), [
      "`p` has no rejection handler when the `throw` at line 4 leaves",
    ]);
  });

  it("names the other await in the message and as related locations", () => {
    const code = `${D}\nasync function page() {\n  const user = f();\n  const posts = await g();\n  return [await user, posts];\n}`;
    const [finding] = lintCode(RULE, code).findings;
    assert.ok(finding);
    assert.deepEqual(
      finding.related.map((related) => ({ line: related.range.start.line + 1, column: related.range.start.character + 1, message: related.message })),
      [
        { line: 4, column: 17, message: "`user` is not handled yet while this await waits" },
        { line: 5, column: 17, message: "`user` gets its first handler only here" },
      ],
    );
    assert.equal(
      finding.message,
      "The promise in `user` has no rejection handler while the function waits at another `await` (line 4): if it rejects meanwhile, Node.js reports an unhandled rejection and, by default, exits. Start both and await them together with `Promise.all`, or attach a handler when it is created.",
    );
  });

  it("names a `for await` loop and a `yield` in the related locations", () => {
    const related = (code: string) =>
      lintCode(RULE, code).findings.flatMap((finding) => finding.related.map((location) => `${location.range.start.line + 1}: ${location.message}`));
    assert.deepEqual(related(`${D}\nasync function stream(items: AsyncIterable<string>) {\n  const p = f();\n  for await (const item of items) console.log(item);\n  await p;\n}`), [
      "4: `p` is not handled yet while this `for await` waits",
      "5: `p` gets its first handler only here",
    ]);
    assert.deepEqual(related(`${D}\nasync function* pages() {\n  const next = f();\n  yield 1;\n  yield await next;\n}`), [
      "4: `next` is not handled yet while this `yield` waits",
      "5: `next` gets its first handler only here",
    ]);
  });

  it("names the throw in the message and as a related location", () => {
    const code = `${D}\nfunction start(name: string) {\n  const p = f();\n  if (name === "") throw new Error("no name");\n  return p;\n}`;
    const [finding] = lintCode(RULE, code).findings;
    assert.ok(finding);
    assert.deepEqual(
      finding.related.map((related) => ({ line: related.range.start.line + 1, column: related.range.start.character + 1, message: related.message })),
      [{ line: 4, column: 20, message: "`p` is not handled yet when this `throw` leaves the function" }],
    );
    assert.equal(
      finding.message,
      "The promise in `p` has no rejection handler when the `throw` at line 4 leaves the function: nothing can handle it after that, so if it rejects, Node.js reports an unhandled rejection and, by default, exits. Await or handle it before throwing, or attach a handler when it is created.",
    );
  });

  it("does not say Node.js exits in code typed for the DOM only", () => {
    const code = `${D}\nasync function page() {\n  const user = f();\n  const posts = await g();\n  return [await user, posts];\n}`;
    const [finding] = lintCode(RULE, code, { compilerOptions: { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: [] } }).findings;
    assert.ok(finding);
    assert.equal(
      finding.message,
      "The promise in `user` has no rejection handler while the function waits at another `await` (line 4): if it rejects meanwhile, it is reported as an unhandled rejection (in a browser, an `Uncaught (in promise)` console error and an `unhandledrejection` event). Start both and await them together with `Promise.all`, or attach a handler when it is created.",
    );
  });
});
