/**
 * blocking-call-in-async: a synchronous call that blocks the event loop while an async function runs.
 *
 * Reads top to bottom: options and messages, docs with examples (they run as tests), `create`,
 * settings, detection, busy-wait loops, what the engine's call index is told about blocking sites,
 * fixes. The catalogue of blocking APIs is data (`engine/catalogues/blockingApis.ts`), the
 * cross-function call index and "where code runs" are `engine/callIndex.ts`, the import editor
 * for fixes is `engine/imports.ts`.
 */
import * as ts from "typescript";
import picomatch from "picomatch";
import { awaitAllowedAt, callWhereWritten, startsAfterUnterminatedStatement, stripNodePrefix } from "../engine/astUtils";
import type { DeclarationRef, TypeOracle } from "../engine/typeOracle";
import { skipIndirectCallee, skipParens } from "../engine/typeOracle";
import type { Fix, RuleContext, RuleModule, TextEdit } from "../engine/types";
import { ImportPlanner } from "../engine/imports";
import {
  asyncContextOf, calleeName, CallIndex, functionContextOf, functionName, immediateShapeCallOf, indirectCalleeNames, inOpenEndedLoop, qualifiedFunctionName,
  type AsyncCaller as AsyncCallerOf, type CallIndexConfig, type FunctionContext, type NameMatcher, type ReachingFunction, type SeedCandidate, sinkOf,
} from "../engine/callIndex";
import { blockingApiOf, catalogueTable, groupActivity, metadataCallNames, type Blocker } from "../engine/catalogues/blockingApis";

// ---------------------------------------------------------------------------------------------
// Options and messages

/** An API that blocks, by declaration: the module it is declared in and its dotted name there. */
export interface BlockingCallSpecifier {
  /** Package or ambient module name, e.g. `better-sqlite3`, `@acme/db`. */
  module: string;
  /** Dotted name(s) inside the module; globs allowed, e.g. `Statement.{run,get,all}`. */
  name: string | string[];
  /** What to use instead, shown in the message, e.g. "`await db.query(...)`". */
  replacement?: string;
}

/** A built-in catalogue entry not to report, e.g. `{ module: "fs", name: "existsSync" }`. */
export interface IgnoredCallSpecifier {
  module: string;
  name: string | string[];
}

/** Code where blocking is accepted: a file glob, function name globs, or both. */
export interface AllowEntry {
  /** Glob on the absolute path of the file, e.g. `**\/src/cli/**`. */
  file?: string;
  /** Name(s) of an enclosing function (`main`, `Server.start`); globs allowed. */
  function?: string | string[];
}

export interface BlockingCallInAsyncOptions {
  blockingCalls: BlockingCallSpecifier[];
  ignoreCalls: IgnoredCallSpecifier[];
  allow: AllowEntry[];
  /** Functions that run only while the program starts or stops, in the same form as `allow`. */
  startupFunctions: AllowEntry[];
  /** Report blocking calls that only start-up code runs one level lower (`blockingAtStartup*`). */
  lowerStartup: boolean;
  transitive: boolean;
  maxDepth: number;
}

/** Names that, by common convention, run once while a program or service starts or stops. */
const DEFAULT_STARTUP_FUNCTIONS = ["main", "start", "stop", "restart", "initialize", "shutdown"];

const nameSchema = {
  anyOf: [
    { type: "string", minLength: 1 },
    { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
  ],
};

const messages = {
  blockingCall:
    "`{{name}}` blocks the event loop inside {{context}}: while it {{activity}}, no other request, timer or callback on this process runs. Use {{replacement}} instead.",
  blockingChain:
    "`{{name}}` blocks the event loop inside {{context}}: it calls {{chain}}, which {{activity}}; until that returns, no other request, timer or callback on this process runs. Use {{replacement}} at the end of that chain and make the functions on it async, or call `{{name}}` outside async code.",
  blockingSink:
    "`{{owner}}` {{here}}, and async code runs it: it is reached from {{callers}}, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use {{replacement}} here and make the functions between here and the async code async, or call `{{owner}}` only outside async code.",
  blockingMetadata:
    "`{{name}}` blocks the event loop inside {{context}} for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use {{replacement}} instead.",
  blockingMetadataChain:
    "`{{name}}` blocks the event loop inside {{context}} for one file-system metadata call: it calls {{chain}}. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use {{replacement}} at the end of that chain and make the functions on it async, or call `{{name}}` outside async code.",
  blockingMetadataSink:
    "`{{owner}}` calls {{label}} here, one file-system metadata call, and async code runs it: it is reached from {{callers}}, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use {{replacement}} here and make the functions between here and the async code async, or call `{{owner}}` only outside async code.",
  blockingAtStartup:
    "`{{name}}` blocks the event loop inside {{context}}, which {{when}}: it is paid once, not per request, but while it {{activity}}, whatever already runs on this process (a timer, a connection opened earlier) waits. Use {{replacement}} instead, or accept it here with an `allow` entry.",
  blockingAtStartupChain:
    "`{{name}}` blocks the event loop inside {{context}}, which {{when}}: it calls {{chain}}, which {{activity}}. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use {{replacement}} at the end of that chain and make the functions on it async, or accept it here with an `allow` entry.",
  blockingAtStartupSink:
    "`{{owner}}` {{here}}, and only start-up code runs it: it is reached from {{callers}}, code that {{callersRun}}, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use {{replacement}} here and make the functions between here and the async code async, or accept it with an `allow` entry naming `{{owner}}`.",
  busyWait:
    "This loop waits for the clock by spinning inside {{context}}: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
  syncXhr:
    "Synchronous `XMLHttpRequest` (`open(..., false)`) inside {{context}} blocks the thread until the response arrives: meanwhile no other event, timer or callback on this page or worker runs. Use `await fetch(...)`, or pass `true` and wait for the `load` event.",
} as const;

/** One-line summaries for output that gives a finding one line (stylish); the others' first clause is short. */
const summaries: Partial<Record<keyof typeof messages, string>> = {
  blockingSink: "`{{owner}}` {{here}}, and async code runs it",
  blockingMetadata: "`{{name}}` makes one file-system metadata call inside {{context}}",
  blockingMetadataChain: "`{{name}}` makes one file-system metadata call inside {{context}}",
  blockingMetadataSink: "`{{owner}}` calls {{label}} here, one file-system metadata call, and async code runs it",
  syncXhr: "Synchronous `XMLHttpRequest` blocks the thread inside {{context}}",
  blockingAtStartup: "`{{name}}` blocks the event loop inside {{context}}, start-up code that runs once",
  blockingAtStartupChain: "`{{name}}` blocks the event loop inside {{context}}, start-up code that runs once",
  blockingAtStartupSink: "`{{owner}}` {{here}}, and only start-up code runs it",
};

/** `execSync` options that mean the same to the promisified `exec` (no `stdio`, no `input`). */
const EXEC_COMPATIBLE_OPTIONS = new Set(["cwd", "env", "timeout", "maxBuffer", "killSignal", "uid", "gid", "shell", "windowsHide", "encoding"]);

/** Names at a call site worth resolving for the built-in catalogue (the declaration decides). */
function isBuiltinCandidateName(name: string): boolean {
  return name.endsWith("Sync") || name === "wait" || name === "native";
}

/**
 * Files that may contain a seed: a catalogue call, a loop header that reads the clock, an XHR `open(`.
 * The header is read up to the next brace, not the next `)`: a condition may call something before
 * it reads the clock (`while (!ready() && Date.now() < deadline) {}`). A match past the header only
 * costs a scan of the file.
 */
const SEED_TEXT = /Sync\b|Atomics\b|\b(?:while|for)\s*\([^{}]*?(?:\.now\s*\(|hrtime|new\s+Date\b)|\.open\s*\(/;

/** `a`, `b` and `c`, each as code. */
function listed(names: readonly string[]): string {
  const code = names.map((name) => `\`${name}\``);
  return code.length < 2 ? code.join("") : `${code.slice(0, -1).join(", ")} and ${code[code.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// The rule

/** How far the index follows project functions, and how much work it may do per program. */
const DEFAULT_MAX_DEPTH = 5;
const WORK_LIMIT = 10_000;
/** How many identifiers spelled like a function `entryScriptOf` may resolve to find its callers. */
const REFERENCE_LIMIT = 2_000;
/** How many lists deep a step kept in a list, run by a step kept in another, is followed. */
const MAX_STEP_DEPTH = 3;

export const blockingCallInAsync: RuleModule<BlockingCallInAsyncOptions> = {
  meta: {
    id: "blocking-call-in-async",
    defaultSeverity: "warning",
    requiresTypes: true,
    messages,
    // One metadata query blocks for microseconds on a local disk: below the findings that block
    // for as long as the work takes, so those are what users see first.
    // Start-up code runs once, before (or after) the work the process exists for: below the
    // findings in code that runs per request.
    lowerSeverityMessages: [
      "blockingMetadata", "blockingMetadataChain", "blockingMetadataSink",
      "blockingAtStartup", "blockingAtStartupChain", "blockingAtStartupSink",
    ],
    summaries,
    optionsSchema: {
      type: "object",
      properties: {
        blockingCalls: {
          type: "array",
          description: "More APIs that block, by declaration: module and dotted name (globs), with a suggested replacement.",
          items: {
            type: "object",
            properties: {
              module: { type: "string", minLength: 1 },
              name: nameSchema,
              replacement: { type: "string", minLength: 1 },
            },
            required: ["module", "name"],
            additionalProperties: false,
          },
        },
        ignoreCalls: {
          type: "array",
          description: "Built-in catalogue entries not to report, by module and dotted name (globs).",
          items: {
            type: "object",
            properties: { module: { type: "string", minLength: 1 }, name: nameSchema },
            required: ["module", "name"],
            additionalProperties: false,
          },
        },
        allow: {
          type: "array",
          description: "Code where blocking is accepted: a file glob, enclosing function name globs, or both.",
          items: {
            type: "object",
            properties: { file: { type: "string", minLength: 1 }, function: nameSchema },
            anyOf: [{ required: ["file"] }, { required: ["function"] }],
            additionalProperties: false,
          },
        },
        startupFunctions: {
          type: "array",
          description: "Functions that run only while the program starts or stops (file glob, function name globs, or both): blocking calls only they run are reported one level lower.",
          items: {
            type: "object",
            properties: { file: { type: "string", minLength: 1 }, function: nameSchema },
            anyOf: [{ required: ["file"] }, { required: ["function"] }],
            additionalProperties: false,
          },
        },
        lowerStartup: {
          type: "boolean",
          description: "Report blocking calls that only start-up code runs one level lower (default); false reports them like the rest.",
        },
        transitive: {
          type: "boolean",
          description: "Report calls to project functions that block (directly or through other project functions).",
        },
        maxDepth: {
          type: "integer",
          minimum: 1,
          maximum: 10,
          description: "How many project functions deep a chain to a blocking call is followed.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      blockingCalls: [],
      ignoreCalls: [],
      allow: [],
      startupFunctions: [{ function: DEFAULT_STARTUP_FUNCTIONS }],
      lowerStartup: true,
      transitive: true,
      maxDepth: DEFAULT_MAX_DEPTH,
    },
    docs: {
      description: "Async code must not make synchronous calls that block the event loop.",
      rationale: [
        "An async function runs on the one thread that serves every request, timer and callback of the",
        "process. A synchronous file read, child process, key derivation or busy-wait inside it stops all",
        "of them until it returns: one slow disk or one `execSync` turns a server with a thousand open",
        "requests into a server that answers none. It is the JavaScript form of calling `requests.get`",
        "or `time.sleep` inside Python's `async def`.",
        "",
        "The rule reports, inside async functions, methods, arrows and generators (and the synchronous",
        "callbacks they run right away: `paths.map((p) => statSync(p))`, a `new Promise` executor), calls",
        "that resolve by declaration to a blocking API, however they are imported (`import * as fs`,",
        '`import { readFileSync as read }`, `const { readFileSync } = fs`, `require("fs")` in JavaScript,',
        "re-exports, `const` copies such as `const exists = fs.existsSync` and copies of those, TypeScript's",
        "import-equals aliases such as `import read = fs.readFileSync`, in any",
        "source file (a name given in a declaration file, `export { readFileSync as readText } from \"fs\"` in",
        "a `.d.ts`, is not followed), up to four copies deep; compiled CommonJS calls `(0, fs_1.readFileSync)(p)`, as TypeScript",
        "and Babel emit a call of an imported function, are the same call), and the same APIs run through",
        "the standard invokers:",
        "`fs.readFileSync.call(fs, p)`, `readFileSync.apply(null, [p])`,",
        "`Reflect.apply(readFileSync, undefined, [p])` (the invoker is matched by its declaration in the",
        "lib, so a project's own `call` or `apply` method is not one; these get no fix, which would have to",
        "undo the invocation). A function of the project named like a blocking API, the promise versions",
        "(`fs.promises.readFile.call(...)`) and `.bind` (it creates",
        "a function and runs nothing) are not reported. Callbacks that run later (`setTimeout`, event",
        "handlers, anything not known to run right away) and top-level module code are not async code",
        "and are not reported.",
        "",
        "It also follows the project's own functions: when async code calls a synchronous function that",
        "makes a blocking call, directly or through other project functions, the blocking call itself is",
        "reported, once, in the function that makes it, with every async call that reaches it as a related",
        "location (\"Called here from async function `start`: `loadConfig` → `readConfigFile` →",
        "`readFileSync`\") and the message counts the async functions. A memoized helper that 84 handlers",
        "reach is one finding, not 84: one root cause, one place to fix it, and one suppression comment",
        "on that line (or one `allow` entry naming the helper or its file) accepts it for every caller.",
        "A blocking call written in the async function's own body is reported where it is written. The",
        "finding is computed from the whole program's callers, so it is the same whichever file is linted",
        "first, and in an editor it appears in the helper's file; the callers' files show nothing for it.",
        "",
        "The one exception: when the blocking call is in a file the program holds only because a linted",
        "file imports it (a file outside the tsconfig's `include`, a sibling package's sources), that",
        "file is never linted with this program and a finding there would never be seen, so each async",
        "call is reported instead, with the chain as related locations. Code under `node_modules` and",
        "`.d.ts` files are not followed at all. Conversely, a helper file you leave out with",
        "`exclude`, or turn the rule off for, is still in the program: its blocking call is reported",
        "there, so it is not shown; async calls in excluded files still count as callers (use an `allow`",
        "entry with a `file` glob to stop counting, say, test code). Likewise, linting only some files",
        "(`concurrency-lint src/routes/users.ts`, a pre-commit hook on changed files) shows a helper's",
        "finding only when the helper's file is among them: lint the whole project in CI.",
        "",
        "The chain is found",
        "once per program from the blocking calls up, at most `maxDepth` functions deep (default 5) and",
        `with at most ${String(WORK_LIMIT).replace(/\B(?=(\d{3})+$)/g, ",")} call sites resolved; beyond those limits it is not reported. Only project`,
        "source files are followed (not `.d.ts` files, not `node_modules`), and only calls through the",
        "function's own name, a renamed import or re-export of it, a default import of it under any name",
        "(`import loadSettings from \"./settings\"` of `export default function readSettings`, and `new` of a",
        "class exported as default), or a `const` copy or an import-equals alias (`import load = settings.load`) of any of these (copies of copies too, up to four",
        "deep), also in compiled CommonJS (`(0, settings_1.getSettings)()`); functions passed by",
        "reference (`paths.map(load)`), getters and setters, and calls on",
        "`any`-typed values are not followed.",
        "",
        "Node's APIs are recognised by their declarations in `@types/node`: without those types (a",
        "JavaScript project that has none installed) `require(\"fs\")` is `any` and nothing is reported.",
        "",
        "### The catalogue",
        "",
        ...catalogueTable(),
        "",
        "A busy-wait loop is a loop whose condition reads the clock and whose body neither awaits nor",
        "calls anything but the clock. A loop that does work until a deadline is time-boxed work, not a",
        "wait, and is not reported.",
        "",
        "### Metadata calls: one level lower",
        "",
        "Most blocking calls hold the thread for as long as their work takes: a whole file read or written,",
        "a directory listed or removed, a child process run to its exit, a key derived, a buffer",
        "compressed, a wait. The file-system metadata calls hold it for one system call that reads a few",
        "fields of one file's metadata and changes nothing:",
        "",
        "- `existsSync(path)`: one `access` call (any error is `false`); `accessSync(path, mode)`: the same call;",
        "- `statSync(path)`, `lstatSync(path)`: one `stat` or `lstat` call; `fstatSync(fd)`: one `fstat` on a",
        "  descriptor already open, no path to look up; `statfsSync(path)`: one `statfs` call (the size and",
        "  free space of the file system, not of a file);",
        "- `readlinkSync(path)`: one `readlink` call, the target of a link, not the file's contents;",
        "- `realpathSync(path)`: one `lstat` per component of the path and two more calls per symbolic link",
        "  on the way, a handful of lookups bounded by the path's depth; `realpathSync.native(path)`: the",
        "  same lookups in one `realpath(3)` call.",
        "",
        "On a local disk the kernel answers them from its caches in microseconds. On a network file system",
        "(NFS, SMB, a FUSE mount) each is a round trip to the server, and a server that does not answer",
        "holds the thread until the mount gives up (on a hard NFS mount, until it comes back). So they are",
        "reported, under their own messages (`blockingMetadata`; `blockingMetadataSink` and",
        "`blockingMetadataChain` when the blocking call a helper makes is one of them), one level below the",
        "rule's severity: `info` at the default `warning`, `warning` at `error`. An existence check per",
        "browser launch or a pid-file check in `stop()` no longer comes before the reads and writes.",
        "",
        "Not metadata calls, and reported at the rule's severity: the calls that change metadata",
        "(`unlinkSync`, `renameSync`, `mkdirSync`, `rmdirSync`, `chmodSync`, `chownSync`, `utimesSync`,",
        "`linkSync`, `symlinkSync`, …), because a network file system commits each to the server's disk",
        "before it answers, removing or replacing a file frees its blocks, which takes longer the larger",
        "the file, and `recursive` turns `mkdirSync` and `rmSync` into walks; and `opendirSync`,",
        "`readdirSync`, which read a directory of any size.",
        "",
        "A helper is reported for the costliest blocking call it reaches: one that checks with `existsSync`",
        "and then reads the file, in its own body or through another helper, is reported at the read, at",
        "the rule's severity, not at the check.",
        "",
        "To see metadata calls at the level of the rest, set the rule to `error`: they become warnings and",
        "the rest errors, so a CI run that fails on warnings fails on them as before. To stop reporting",
        "them, list them in `ignoreCalls`: `\"ignoreCalls\": [{ \"module\": \"fs\", \"name\": [\"existsSync\", \"statSync\"] }]`.",
        "",
        "### Start-up and shutdown code: one level lower",
        "",
        "A blocking call that only start-up or shutdown code runs (the config and TLS files read in",
        "`start()`, a pid file written there and removed in `stop()`, the `package.json` a command-line",
        "program reads for its `--version`) is paid once per process, not once per request. It still",
        "stalls whatever already runs on the process (a timer, a connection opened earlier), so it is",
        "reported, with its fixes, under its own messages (`blockingAtStartup`; `blockingAtStartupSink`",
        "when it is in a helper, `blockingAtStartupChain` when each call is reported) one level below the",
        "rule's severity: `info` at the default `warning`. Code runs only while the program starts or",
        "stops when its async function is",
        "",
        "- a function the `startupFunctions` option names (default `main`, `start`, `stop`, `restart`,",
        "  `initialize`, `shutdown`; `Service.start` for one class only; a `file` glob for a folder), or",
        "  one it runs inside of through callbacks that run right away, as for `allow`; or",
        "- run only from the top level of a program's **entry script**, a file whose first line is a",
        "  `#!` line: every reference to the function in the project is a direct call there, or in a",
        "  function that only the entry script's top level runs (at most `maxDepth` functions up), and",
        "  none of those calls is in a `while`/`do` loop or a `for` loop without a condition, which may run",
        "  for as long as the program does. A function passed by reference (`server.on(\"request\",",
        "  handle)`), called from a callback that runs later, a method (any object of its class may call",
        "  it), or exported from a module that is not an entry script (its package's users may call it) is",
        "  not start-up code. The `#!` line is what marks an entry script: a `package.json` `bin` names the",
        "  built file, whose source keeps the line (TypeScript copies it to the output); or",
        "- in the folder of a command-line program that the package's `bin` names, when that folder is",
        "  the program's own, or in a file that only the package's command-line programs reach in its",
        "  module graph (see \"One-shot command-line commands\" below); or",
        "- a **step kept in a list** that only start-up code runs: a function expression passed straight",
        "  to `this.stopSteps.push(...)` (the lib's `Array#push` or `unshift`), where every use of that",
        "  field in the project adds to it, reads its `length`, assigns it a fresh array (a literal, or",
        "  one a project function builds in a local array literal and returns), or walks it with",
        "  `for (const step of this.stopSteps)` calling the loop variable directly in the loop, and each",
        "  of those calls is start-up code itself (actionhero's `stop()` pushes the step that removes the",
        "  pid file onto its stoppers, then runs them in its loop). Where the step is added does not",
        "  matter (other code may register steps too): it runs only where the list is run. The step is",
        "  reported at the rule's severity when the list is read any other way (handed out, copied,",
        "  spread, an element read, destructured, `forEach`, or through an interface type), when it may",
        "  be an array another name holds (`this.steps = hooks.shutdown`, or a subclass redeclaring the",
        "  field), when it is a project class whose `push` may run what it is given, or when a loop that",
        "  runs it is not start-up code (a request handler, a `while (this.running)` loop). Code outside",
        "  the project is not seen (a package's user reading a public field): as for the names, this is",
        "  why such findings are lowered, never hidden. `allow` does not extend to such steps: name the",
        "  helper the step calls, or the file.",
        "",
        "In every case, a call in a `while`/`do` loop or a `for` loop without a condition (`while",
        "(this.running) { ... }` in `start()`) may run for as long as the program does: not start-up code.",
        "A helper is reported one level lower only when every async call that reaches it is start-up code;",
        "one that a request handler also reaches is reported as usual, with every caller. What a start-up",
        "function installs to run later (a request handler, an event listener, a timer callback defined",
        "inside `start()`) is its own code and is checked as usual, unless it is a step kept in a list",
        "that only start-up code runs (above).",
        "",
        "The names are a convention, not a proof: nothing stops a signal handler or an admin route from",
        "calling `start()` again while the process serves, and `Worker.start()` in a job queue may run per",
        "job. That is why these findings are lowered, never hidden, and why `launch` (a browser or a child",
        "per job) and `run` (a task's or an action's body) are not in the default list. Narrow or widen",
        "the list with `startupFunctions` (it replaces the default: repeat the names you keep), and set",
        "`lowerStartup` to `false` to report start-up code at the rule's severity like the rest. The",
        "entry-script test is sound within the project but does not look at what runs before the call:",
        "a timer or server that the same start-up code started earlier keeps running through the stall.",
        "",
        "To accept start-up code instead of seeing it at `info`, say so once in `concurrency-lint.json`:",
        "",
        "```jsonc",
        '"blocking-call-in-async": ["warning", { "allow": [{ "function": ["main", "start", "stop"] }] }]',
        "```",
        "",
        "`function` matches functions and methods by name (`start` matches `Service.start`; write",
        "`Service.start` for that one only). The entry covers the code that runs inside those functions,",
        "including the callbacks they run right away (`map`, `new Promise`, an async IIFE) and project helpers that only",
        "they reach. It does not cover what they install to run later: a request handler, event listener",
        "or timer callback defined inside `start()` is still checked, and a helper that both `start()` and",
        "a request handler call is still reported, counting only the handler.",
        "",
        "### One-shot command-line commands",
        "",
        "A command-line command whose async `run()` reads templates and writes files (a `generate`",
        "command that scaffolds a project) blocks an event loop with little else to run: there the",
        "blocking costs almost nothing. The code alone does not say which program runs such commands",
        "(they are usually exported classes that the program finds at run time, `import(file)` for each",
        "file of a commands folder), so the rule asks the package instead. The `package.json` nearest",
        "the project (the tsconfig's folder or above) is read as data, and each program its `bin` names",
        "is mapped to its source file: a built file under `outDir` back to `rootDir` (`dist/bin/app.js`",
        "with `outDir` `dist` and `rootDir` `src` is `src/bin/app.ts`; `.js` is looked up as `.ts`,",
        "`.tsx` and `.js`), or a `bin` that is a source file itself (`bin/npm-cli.js`). The folder of",
        "that file is the **command-line program's own folder** when it is neither the package's folder,",
        "nor the `rootDir`, nor holds either of them or the package's `main`/`exports` entry: there the",
        "library's or the server's code lives too. So `dist/bin/app.js` gives `src/bin/`, `bin/npm-cli.js`",
        "gives `bin/`, and `\"bin\": \"cli.js\"` (at the package's root) or `dist/cli.js` (in the",
        "`rootDir`) give none. Code in that folder and below it is start-up code, exactly like a",
        "`startupFunctions` entry `{ \"file\": \"**/src/bin/**\" }`: its blocking calls, and helpers whose every",
        "async caller is there (a `createFileSafely` in a utilities module that only the `generate`",
        "commands call), are reported at `info`, and each message or related location says so (\"in the",
        "command-line program's folder `src/bin/`, from the package.json `bin`\"). As everywhere, a call in",
        "a `while`/`do` loop or a `for` loop without a condition (a `watch` command) is not start-up code,",
        "and `lowerStartup: false` turns this off too.",
        "",
        "What it deliberately does not lower, and why: code outside the folder, even when a command",
        "starts it (the server that a `start` command launches runs its request handlers in its own",
        "modules), and a helper that a request handler also calls (reported for the handler, at the",
        "rule's severity). The folder is taken as a whole: a server written inside the program's folder",
        "itself (an `http.createServer` callback in `src/bin/serve.ts`) is lowered with it, since",
        "nothing tells its request handler from a command there; move such code out of the folder, or",
        "set `lowerStartup` to `false`. Where there is no such folder (commands next to server code),",
        "name them by file, once, to see them at `info`:",
        "",
        "```jsonc",
        '"blocking-call-in-async": ["warning", { "startupFunctions": [{ "function": ["main", "start", "stop", "restart", "initialize", "shutdown"] }, { "file": "**/src/commands/**", "function": "*.run" }] }]',
        "```",
        "",
        "or accept them: `{ \"allow\": [{ \"file\": \"**/src/bin/**\" }] }`. Either entry covers the commands' own",
        "code and the helpers only they reach.",
        "",
        "### Code only the command-line program reaches",
        "",
        "A program's code is often not in its `bin` folder: npm's `bin/npm-cli.js` requires",
        "`lib/cli.js`, and everything it runs is under `lib/`, next to nothing a library user can load",
        "(its `main`, `index.js`, runs `lib/cli.js` only when it is the main module and throws",
        "otherwise). So the rule also reads the project's **module graph**, once per program, from",
        "syntax: the static `import`, `export ... from` and `import x = require(...)` declarations (not",
        "`import type`), and the `require(...)` and `import(...)` calls whose argument is a string, a",
        "path built from strings and `__dirname` with `path.join`/`path.resolve` (directly or through a",
        "`const` of the same file: `require(path.resolve(__dirname, \"cli/entry.js\"))`), or a template or",
        "`+` with a literal folder (`` require(`./commands/${name}`) `` may load every project file under",
        "`commands/`). Relative specifiers name the program's own source files (`.js` also as `.ts`, a",
        "folder as its `index`); bare ones go through the tsconfig's `paths`/`baseUrl`, else they name",
        "a package and are not followed. A load under `if (require.main === module)` (or",
        "`import.meta.main`, or `process.argv[1] === __filename`/`fileURLToPath(import.meta.url)`) runs",
        "only when the file is run as a program: it is a program edge, not a library edge, and the",
        "`else` branch is the library's.",
        "",
        "The graph is walked from each `bin` program's source file and from each program edge, and from",
        "the library entries, `main` and every `exports` target (subpath patterns included, built files",
        "mapped back to `rootDir`). A file the programs reach and no library entry reaches is",
        "command-line program code: its async code is start-up code like the `bin` folder's, and each",
        "message or related location says why (\"only the command-line program `bin/npm-cli.js` of the",
        "package.json `bin` reaches its file; no `main` or `exports` entry does\"). A package whose",
        "`main` imports the same code (a library with a command-line program) keeps it at the rule's",
        "severity; so does any file the library may reach.",
        "",
        "What it deliberately does not do, and why. It leans toward reporting: when a file the library",
        "reaches loads a module it computes at run time (`require(name)`), imports the package by its",
        "own name or a `#` import, or when a `main`/`exports` target has no source file in the program,",
        "every file counts as library code and nothing is lowered; a package with neither `main` nor",
        "`exports` is treated the same (anything in it may be imported). On the program's side, a load",
        "it cannot resolve is not followed, so the files only it would reach stay at the rule's",
        "severity. It does not see imports of files outside the program (not in the tsconfig), nor",
        "deep imports a package's users write into a package without `exports`",
        "(`require(\"pkg/lib/x.js\")`): `main` is taken to be what they load. A file neither side",
        "reaches (a test, a script) is not lowered. The cost is one scan of each project file's text",
        "for `require`, `import` and `export`, a walk down the syntax tree to each hit, and a walk of",
        "the graph, linear in the files and their imports; no type question is asked.",
      ].join("\n"),
      incorrect: [
        {
          title: "A synchronous file read in an async function",
          code: [
            'import { readFileSync } from "node:fs";',
            "",
            "export async function load(path: string) {",
            '  return JSON.parse(readFileSync(path, "utf8")) as unknown;',
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 21 },
        },
        {
          title: "A project function that blocks, two calls down: reported at the blocking call, once for all async callers",
          code: [
            'import * as fs from "node:fs";',
            "",
            "function readConfigFile(path: string) {",
            '  return fs.readFileSync(path, "utf8");',
            "}",
            "function loadConfig() {",
            '  return JSON.parse(readConfigFile("config.json")) as { pageSize: number };',
            "}",
            "export async function listUsers() {",
            "  const config = loadConfig();",
            "  return config.pageSize;",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 10 },
        },
        {
          title: "A callback run right away is part of the async function",
          code: [
            'import { statSync } from "node:fs";',
            "",
            "export async function sizes(paths: string[]) {",
            "  return paths.map((path) => statSync(path).size);",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 30 },
        },
        {
          title: "A child process, under a renamed import",
          code: [
            'import { execSync as run } from "node:child_process";',
            "",
            "export class Builder {",
            "  async build() {",
            '    run("npm run build");',
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 5, column: 5 },
        },
        {
          title: "A route handler installed by an allowed `start()` runs while serving",
          options: { allow: [{ function: ["main", "start", "stop"] }] },
          code: [
            'import { readFileSync } from "node:fs";',
            "",
            "export const routes = new Map<string, () => Promise<string>>();",
            "",
            "export async function start() {",
            '  const layout = readFileSync("templates/layout.html", "utf8");',
            '  routes.set("/", async () => layout.replace("{{body}}", readFileSync("pages/index.html", "utf8")));',
            "}",
          ].join("\n"),
          reportedAt: { line: 7, column: 58 },
        },
        {
          title: "An existence check per launch: one metadata call, reported one level lower (`info` at the default `warning`)",
          code: [
            'import { existsSync } from "node:fs";',
            'import { spawn } from "node:child_process";',
            "",
            "export class Launcher {",
            "  async launch(executablePath: string) {",
            "    if (!existsSync(executablePath)) throw new Error(`Browser was not found at ${executablePath}`);",
            "    return spawn(executablePath, []);",
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 6, column: 10 },
        },
        {
          title: "A pid file written in `start()`: start-up code, reported one level lower (`info` at the default `warning`)",
          code: [
            'import { writeFileSync } from "node:fs";',
            "",
            "export class Service {",
            "  async start(pidFile: string) {",
            "    writeFileSync(pidFile, String(process.pid));",
            "  }",
            "}",
          ].join("\n"),
          reportedAt: { line: 5, column: 5 },
        },
        {
          title: "A busy-wait",
          code: [
            "export async function retry(task: () => Promise<void>) {",
            "  const until = Date.now() + 100;",
            "  while (Date.now() < until) {}",
            "  await task();",
            "}",
          ].join("\n"),
          reportedAt: { line: 3, column: 3 },
        },
      ],
      correct: [
        {
          title: "The asynchronous API, awaited",
          code: [
            'import { readFile } from "node:fs/promises";',
            "",
            "export async function load(path: string) {",
            '  return JSON.parse(await readFile(path, "utf8")) as unknown;',
            "}",
          ].join("\n"),
        },
        {
          title: "Start-up code at the top level of a module, before anything is served",
          code: ['import { readFileSync } from "node:fs";', "", 'export const config = JSON.parse(readFileSync("config.json", "utf8")) as unknown;'].join("\n"),
        },
        {
          title: "A synchronous function that no async code calls",
          code: [
            'import { readFileSync } from "node:fs";',
            "",
            "export function readVersion() {",
            '  return readFileSync("VERSION", "utf8").trim();',
            "}",
          ].join("\n"),
        },
        {
          title: "A function of your own that happens to end in `Sync`",
          code: [
            "const cache = new Map<string, string>();",
            "function readFileSync(key: string) {",
            '  return cache.get(key) ?? "";',
            "}",
            "",
            "export async function lookup(key: string) {",
            "  return readFileSync(key);",
            "}",
          ].join("\n"),
        },
        {
          title: "A memoized read accepted once, at the blocking call, for every async caller",
          code: [
            'import { readFileSync } from "node:fs";',
            "",
            "let cached: { port: number; pageSize: number } | undefined;",
            "function settings() {",
            "  // concurrency-lint-disable-next-line blocking-call-in-async -- read once, then served from memory",
            '  cached ??= JSON.parse(readFileSync("settings.json", "utf8")) as { port: number; pageSize: number };',
            "  return cached;",
            "}",
            "export async function listUsers() {",
            "  return settings().pageSize;",
            "}",
            "export async function listOrders() {",
            "  return settings().pageSize * 2;",
            "}",
          ].join("\n"),
        },
        {
          title: "Blocking accepted where you say so",
          options: { allow: [{ function: "main" }] },
          code: [
            'import { readFileSync } from "node:fs";',
            "",
            "export async function main() {",
            '  const config = readFileSync("config.json", "utf8");',
            "  return config.length;",
            "}",
          ].join("\n"),
        },
        {
          title: "Start-up and shutdown accepted with one allow entry",
          options: { allow: [{ function: ["main", "start", "stop"] }] },
          code: [
            'import { readFileSync, unlinkSync } from "node:fs";',
            'import { createServer, type Server } from "node:https";',
            "",
            "export class Service {",
            "  private server?: Server;",
            "  async start(port: number) {",
            '    const tls = { key: readFileSync("tls/key.pem"), cert: readFileSync("tls/cert.pem") };',
            "    this.server = createServer(tls, (req, res) => res.end()).listen(port);",
            "  }",
            "  async stop() {",
            "    await new Promise((resolve) => this.server?.close(resolve));",
            '    unlinkSync("service.pid");',
            "  }",
            "}",
          ].join("\n"),
        },
        {
          title: "A command-line tool's one-shot commands accepted by file",
          fileName: "src/bin/generate.ts",
          options: { allow: [{ file: "**/src/bin/**" }] },
          code: [
            'import { readFileSync, writeFileSync } from "node:fs";',
            "",
            "export class GenerateAction {",
            "  async run({ name }: { name: string }) {",
            '    const template = readFileSync("templates/action.ts.template", "utf8");',
            "    writeFileSync(`src/actions/${name}.ts`, template.replaceAll(\"%%name%%\", name));",
            "  }",
            "}",
          ].join("\n"),
        },
        {
          title: "Waiting without blocking",
          code: [
            'import { setTimeout } from "node:timers/promises";',
            "",
            "export async function retry(task: () => Promise<void>) {",
            "  await setTimeout(100);",
            "  await task();",
            "}",
          ].join("\n"),
        },
      ],
      optionsDoc: {
        blockingCalls:
          'More APIs that block, by declaration: `[{ "module": "better-sqlite3", "name": "Statement.{run,get,all}", "replacement": "a query on a worker thread" }]`. `module` is a package or ambient module name; `name` the dotted name inside it (globs allowed); `replacement` completes "Use ... instead" in the message.',
        ignoreCalls:
          `Built-in catalogue entries not to report, in the same form: \`[{ "module": "fs", "name": "existsSync" }]\`. The metadata calls, reported one level lower, are ${listed(metadataCallNames())}.`,
        startupFunctions:
          'Functions that run only while the program starts or stops, in the form of `allow` entries: `[{ "function": ["main", "Server.start"] }, { "file": "**/src/bin/**" }]`. Blocking calls that only they run (directly, through callbacks they run right away, through helpers only they reach, or in steps they keep in a list field and only they run) are reported one level lower, under `blockingAtStartup`, `blockingAtStartupSink` and `blockingAtStartupChain`. Default: `[{ "function": ["main", "start", "stop", "restart", "initialize", "shutdown"] }]`; a list you give replaces it. Functions that only the top level of an entry script (a file starting with `#!`) runs, code in the folder of a command-line program the package.json `bin` names, and code in files only such programs reach (not `main` or `exports`), are start-up code without being listed.',
        lowerStartup:
          "`true` (default): report blocking calls that only start-up code runs one level lower (start-up code: what `startupFunctions` names, what only an entry script's top level runs, the folder of a command-line program the package.json `bin` names, and the files only such programs reach in the module graph). `false`: report them at the rule's severity, under the usual messages.",
        allow:
          'Code where blocking is accepted, e.g. one-shot command-line commands and start-up: `[{ "file": "**/src/bin/**" }, { "function": ["main", "Server.start"] }]`. `file` is a glob on the absolute path; `function` matches the name (`name` or `Class.name`) of the function the code runs in, or of a function it runs inside of through callbacks that run right away (`map`, `forEach`, `new Promise`, … by the shape of the call, or a function called where it is written: `void (async () => { ... })()`); a function defined inside that runs later (a request handler, a timer callback, a nested function) is not covered. Blocking calls in allowed code are neither reported nor followed through the functions that contain them, and calls from allowed async code do not count as callers of a helper that blocks: a helper whose every async caller is allowed is not reported. An entry naming the helper that makes the blocking call (or its file) accepts it for all of its callers.',
        transitive:
          "`true` (default): report calls from async code to project functions that block, directly or through other project functions. `false`: only calls to the catalogue itself.",
        maxDepth: "How many project functions deep a chain is followed (1–10, default 5).",
      },
      fixesDoc: [
        "All fixes are **suggestions** (they change behaviour; an editor offers them, `--fix` never applies them).",
        "They are offered only where `await` is allowed (directly in the async function, not in a callback)",
        "and only where the result still type-checks:",
        "",
        "- **`fs`**: `readFileSync(p)` → `await readFile(p)` from `node:fs/promises` for `readFile`,",
        "  `writeFile`, `appendFile`, `readdir`, `mkdir`, `stat`, `lstat`, `unlink`, `rm`, `rmdir`, `rename`,",
        "  `copyFile`, `access`, `realpath`, `readlink`, `mkdtemp`, `cp` and a few more. Not when a file",
        "  descriptor may be passed where the promise API wants a path, and `stat`/`lstat` only with a single",
        "  argument (`throwIfNoEntry` has no promise equivalent).",
        "- **`execSync`** → `await promisify(exec)(...)`, only when its value is unused (`exec` resolves to",
        "  `{ stdout, stderr }`, not to the output) and its options mean the same to `exec` (no `stdio`, no `input`).",
        "  A suggestion, not a safe fix: `execSync` passes the child's stderr through to the process's",
        "  own by default, while `exec` collects it, so warnings a successful command prints there are",
        "  no longer shown (a failing command's stderr is still in the rejection's message).",
        "- **`pbkdf2Sync`** → `await promisify(pbkdf2)(...)`; **`zlib`** `gzipSync` and its siblings →",
        "  `await promisify(gzip)(...)`. `scryptSync` and the other `crypto` calls get no fix:",
        "  `promisify` types their result as `unknown`.",
        "- **`Atomics.wait(...)`** → `await Atomics.waitAsync(...).value`, when the configured libs declare `waitAsync`.",
        "",
        "Imports are added or reused: an existing import of `node:fs/promises` or `fs/promises`",
        "(namespace or named), `node:util`/`util`, and the module itself; a new one goes after the last",
        "import. If the name is already taken in the file, `readFile` is imported as `readFileAsync`.",
        "In a CommonJS JavaScript file (no `import` statements) the fix uses `require` instead:",
        '`const { readFile } = require("node:fs/promises");`, or an existing `require` of the module.',
        "Calls of project functions that block get no fix: making them async is a change along the whole chain.",
      ].join("\n"),
      comparison: [
        "eslint-plugin-n's `no-sync` reports every call whose name ends in `Sync`, anywhere, by name:",
        "a user's own `runSync` is reported, `execSync` renamed on import is not, and start-up code needs",
        "`allowAtRootLevel`. This rule resolves declarations, reports only async code, knows the",
        "non-`Sync` blockers (`Atomics.wait`, synchronous XHR, busy-waits), and follows project",
        "functions to the blocking call, which no peer does. Python's flake8-async (`ASYNC210`,",
        "`ASYNC220`, `ASYNC230`, `ASYNC251`) is the model: real names inside `async def`.",
        "",
        "Measured against `no-sync`'s default-option test cases, each wrapped in an async function (11",
        "cases): the 4 it accepts are accepted here too; its 7 reports all call the made-up `fooSync`,",
        "which is in no catalogue, so none is reported here (by design: this rule reports declarations",
        "it knows, not name patterns). With `fooSync` replaced by `node:fs`'s `readFileSync`, 10 of 11",
        "agree, `readFileSync.apply(...)` included. The one left is a sync function declared inside the",
        "async one and never called there (`function helper() { fs.readFileSync(p); }`): it does not run",
        "in the async code; where it is called (`helper()`), the call is reported.",
        "",
        "Suppression comments written for the peers (`n/no-sync` (also `node/no-sync`) and Biome's `noSyncMethods`: `eslint-disable-next-line`, `-line`,",
        "`eslint-disable`/`eslint-enable` ranges, the `oxlint-` forms, `biome-ignore`) also suppress this rule, so a",
        "codebase moving over keeps its deliberate exceptions; `honorPeerSuppressions: false` turns that off (README,",
        "\"Suppressions written for ESLint, oxlint and Biome\").",
      ].join("\n"),
    },
  },

  create(context) {
    const checker = new BlockingChecker(context);
    const visitor: Partial<Record<ts.SyntaxKind, (node: ts.Node) => void>> = {
      [ts.SyntaxKind.CallExpression]: (node) => checker.checkCall(node as ts.CallExpression),
      [ts.SyntaxKind.WhileStatement]: (node) => checker.checkLoop(node as ts.WhileStatement),
      [ts.SyntaxKind.DoStatement]: (node) => checker.checkLoop(node as ts.DoStatement),
      [ts.SyntaxKind.ForStatement]: (node) => checker.checkLoop(node as ts.ForStatement),
    };
    if (context.options.transitive) {
      visitor[ts.SyntaxKind.NewExpression] = (node) => checker.checkNew(node as ts.NewExpression);
      visitor[ts.SyntaxKind.SourceFile] = () => checker.reportSinks();
    }
    return visitor;
  },
};

// ---------------------------------------------------------------------------------------------
// Settings: options compiled once per options object


interface Settings {
  options: BlockingCallInAsyncOptions;
  /** The catalogue plus `blockingCalls`, minus `ignoreCalls`. */
  classify(ref: DeclarationRef): Blocker | undefined;
  /** Call-site names worth resolving for `blockingCalls` (the last segment of each pattern). */
  userName: NameMatcher;
  /** Whether a file's text may hold a seed. */
  seedText(text: string): boolean;
  allowed(node: ts.Node): boolean;
  /** Whether code runs inside a function `startupFunctions` names. */
  startupFunction(node: ts.Node): boolean;
  /** Identity of the per-program index for these options. */
  indexKey: object;
}

const settingsCache = new WeakMap<object, Settings>();
const indexKeys = new Map<string, object>();

function settingsOf(options: BlockingCallInAsyncOptions): Settings {
  let settings = settingsCache.get(options);
  if (!settings) {
    settings = compileSettings(options);
    settingsCache.set(options, settings);
  }
  return settings;
}

function compileSettings(options: BlockingCallInAsyncOptions): Settings {
  const list = (name: string | string[]) => (Array.isArray(name) ? name : [name]);
  const declarationMatcher = (module: string, name: string | string[]) => {
    const matchName = picomatch(list(name), { dot: true });
    const wanted = stripNodePrefix(module);
    return (ref: DeclarationRef) => ref.module !== undefined && stripNodePrefix(ref.module) === wanted && matchName(ref.qualifiedName);
  };
  const user = options.blockingCalls.map((entry) => ({
    matches: declarationMatcher(entry.module, entry.name),
    replacement: entry.replacement ?? "an asynchronous alternative",
  }));
  const ignored = options.ignoreCalls.map((entry) => declarationMatcher(entry.module, entry.name));

  // Call sites name only the last segment (`stmt.run()` for `Statement.run`); a pattern whose last
  // segment cannot be split off (braces around dots) lets every name through.
  const lastSegments = options.blockingCalls.flatMap((entry) => list(entry.name)).map((pattern) => {
    if (/\{[^}]*\.[^}]*\}/.test(pattern)) return "*";
    return pattern.slice(pattern.lastIndexOf(".") + 1);
  });
  const userName: NameMatcher = lastSegments.length > 0 ? picomatch(lastSegments, { dot: true }) : () => false;
  const plainSegments = lastSegments.every((segment) => /^[\w$]+$/.test(segment));
  const userText = plainSegments && lastSegments.length > 0 ? new RegExp(`\\b(?:${lastSegments.join("|")})\\b`) : undefined;
  const seedText =
    lastSegments.length === 0
      ? (text: string) => SEED_TEXT.test(text)
      : userText
        ? (text: string) => SEED_TEXT.test(text) || userText.test(text)
        : () => true;

  const allowed = codeMatcher(options.allow);
  const startupFunction = codeMatcher(options.startupFunctions);

  const keyText = JSON.stringify([
    options.blockingCalls, options.ignoreCalls, options.allow, options.startupFunctions, options.lowerStartup, options.transitive, options.maxDepth,
  ]);
  let indexKey = indexKeys.get(keyText);
  if (!indexKey) indexKeys.set(keyText, (indexKey = {}));

  return {
    options,
    classify(ref) {
      if (ignored.some((match) => match(ref))) return undefined;
      const builtin = blockingApiOf(ref);
      if (builtin) return builtin;
      const entry = user.find((candidate) => candidate.matches(ref));
      if (!entry) return undefined;
      return { name: ref.qualifiedName, cost: "work", activity: "blocks until its work is done", replacement: entry.replacement };
    },
    userName,
    seedText,
    allowed,
    startupFunction,
    indexKey,
  };
}

/**
 * Whether code runs inside what `entries` name: a file glob, function name globs, or both. The
 * function is the one the code runs in, or one it runs inside of through callbacks that run
 * right away (an array method's callback, a `new Promise` executor, a function called where it is
 * written: `void (async () => { ... })()`); a function defined inside that runs later (a request
 * handler, a timer callback) is its own code, or `allow: start` would hide the handlers a server's
 * `start()` installs.
 */
function codeMatcher(entries: readonly AllowEntry[]): (node: ts.Node) => boolean {
  const list = (name: string | string[]) => (Array.isArray(name) ? name : [name]);
  const compiled = entries.map((entry) => ({
    file: entry.file ? picomatch(entry.file, { dot: true }) : undefined,
    fn: entry.function ? picomatch(list(entry.function), { dot: true }) : undefined,
  }));
  return (node) => {
    if (compiled.length === 0) return false;
    const fileName = node.getSourceFile().fileName.replace(/\\/g, "/");
    return compiled.some((entry) => {
      if (entry.file && !entry.file(fileName)) return false;
      const fn = entry.fn;
      if (!fn) return true;
      for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
        if (!ts.isFunctionLike(current)) continue;
        const name = functionName(current);
        if (name !== undefined && (fn(name) || fn(qualifiedFunctionName(current, name)))) return true;
        if (!immediateShapeCallOf(current) && !callWhereWritten(current)) return false;
      }
      return false;
    });
  };
}

// ---------------------------------------------------------------------------------------------
// Detection at the linted file

class BlockingChecker {
  private readonly settings: Settings;
  private indexMemo: CallIndex<Seed> | undefined;

  constructor(private readonly context: RuleContext<BlockingCallInAsyncOptions>) {
    this.settings = settingsOf(context.options);
  }

  private get index(): CallIndex<Seed> {
    const { types } = this.context;
    this.indexMemo ??= types.memo(this.settings.indexKey, () => new CallIndex(indexConfig(this.settings, types), types));
    return this.indexMemo;
  }

  checkCall(call: ts.CallExpression): void {
    const name = calleeName(call.expression);
    if (name === undefined) return;
    // A project method named `open` called with `false` third (`pool.open(host, port, false)`) is no XHR.
    if (name === "open" && isSyncXhrShape(call) && isSyncXhr(call, this.context.types)) {
      this.checkXhr(call);
      return;
    }
    if ((name === "call" || name === "apply") && this.checkIndirectCall(call)) return;
    if (!isBuiltinCandidateName(name) && !this.settings.userName(name) && !this.index.names.has(name)) return;
    const where = asyncContextOf(call);
    if (!where || this.settings.allowed(call)) return;
    const { types } = this.context;
    const target = types.calleeTarget(call);
    if (!target) return;
    const blocker = this.settings.classify(target.ref);
    if (blocker) {
      if (!this.index.callbacksRunNow(where.callbacks)) return;
      const when = this.startupOf(call, where);
      this.context.report({
        node: call,
        messageId: when !== undefined ? "blockingAtStartup" : blocker.cost === "metadata" ? "blockingMetadata" : "blockingCall",
        data: { name: blocker.name, context: describeContext(where), activity: blocker.activity, replacement: blocker.replacement, when: when ?? "" },
        fixes: this.fixesFor(call, blocker),
      });
      return;
    }
    if (this.settings.options.transitive) this.reportChain(call, target.declarations, where);
  }

  /**
   * A catalogue API run through the lib's invokers (`readFileSync.call(fs, p)`, `.apply`,
   * `Reflect.apply(readFileSync, fs, [p])`), reported like a direct call but without a fix (the
   * rewrite would have to undo the invocation). True when reported.
   */
  private checkIndirectCall(call: ts.CallExpression): boolean {
    // A local name for a catalogue API (`readFileSync as readNow`) is in the index's names, as for a direct call.
    if (!indirectCalleeNames(call).some((name) => isBuiltinCandidateName(name) || this.settings.userName(name) || this.index.names.has(name))) return false;
    const where = asyncContextOf(call);
    if (!where || this.settings.allowed(call)) return false;
    const target = this.context.types.indirectCalleeTarget(call);
    const blocker = target && this.settings.classify(target.ref);
    if (!blocker || !this.index.callbacksRunNow(where.callbacks)) return false;
    const when = this.startupOf(call, where);
    this.context.report({
      node: call,
      messageId: when !== undefined ? "blockingAtStartup" : "blockingCall",
      data: { name: blocker.name, context: describeContext(where), activity: blocker.activity, replacement: blocker.replacement, when: when ?? "" },
    });
    return true;
  }

  /**
   * One finding per blocking call that async code reaches through project functions, at that call
   * (the sink), with every async call site that reaches it as a related location. Computed from the
   * whole program's callers, so it is the same whichever file is linted first.
   */
  reportSinks(): void {
    const { types, sourceFile } = this.context;
    if (!types.isRootFile(sourceFile)) return;
    for (const { sink, callers } of this.index.sinksIn(sourceFile)) {
      const end = seedDescription(sink.seed);
      const site = sink.site;
      const span = ts.isCallExpression(site) || ts.isNewExpression(site) ? { node: site } : loopSpan(site as ts.IterationStatement, sourceFile);
      const atStartup = callers.every((caller) => this.startupOf(caller.node, caller.where) !== undefined);
      this.context.report({
        ...span,
        messageId: atStartup ? "blockingAtStartupSink" : end.metadata ? "blockingMetadataSink" : "blockingSink",
        data: {
          owner: sink.label,
          here: end.here,
          label: end.label,
          callers: describeCallers(callers),
          replacement: end.replacement,
          callersRun: atStartup ? startupCallersRun(callers.map((caller) => this.startupOf(caller.node, caller.where) ?? "")) : "",
        },
        related: callers.map((caller) => ({
          node: caller.node,
          message: atStartup ? `${describeCaller(caller)} This code ${this.startupOf(caller.node, caller.where) ?? ""}.` : describeCaller(caller),
        })),
      });
    }
  }

  /**
   * Why code at `node` (in async context `where`) runs only while the program starts or stops,
   * completing "which ...", or undefined: `node` is not in a loop that may run for as long as the
   * program does, and it runs inside a function `startupFunctions` names, or its async function
   * runs only from the top level of a program's entry script (`entryScriptOf`), or it is in the
   * folder of a command-line program that the package.json `bin` names (`commandLineFolderOf`), or
   * in a file that only such programs reach (`commandLineOnlyFileOf`).
   */
  private startupOf(node: ts.Node, where: FunctionContext, depth = 0): string | undefined {
    if (!this.settings.options.lowerStartup) return undefined;
    // A `while (this.running)` loop in `start()` serves; it is not start-up code.
    if (inOpenEndedLoop(node)) return undefined;
    if (this.settings.startupFunction(node)) return "runs only while the program starts or stops (the `startupFunctions` option names it)";
    const entry = this.index.entryScriptOf(where.fn);
    if (entry) {
      const fileName = entry.fileName.slice(entry.fileName.lastIndexOf("/") + 1);
      return `runs only once, as the program starts (only the top level of the entry script \`${fileName}\` runs it)`;
    }
    const step = this.startupStepOf(where.fn, depth);
    if (step !== undefined) return step;
    const { types } = this.context;
    const program = types.commandLineFolderOf(node.getSourceFile());
    if (program) return `runs as a one-shot command (it is in the command-line program's folder \`${program.label}\`, from the package.json \`bin\`)`;
    const only = types.commandLineOnlyFileOf(node.getSourceFile());
    return only && `runs as a one-shot command (only ${only.program} reaches its file; no \`main\` or \`exports\` entry does)`;
  }

  /**
   * `fn` is a step kept in a list field (`this.stopSteps.push(async () => ...)`) that only
   * start-up code runs: every call that may run it (`CallIndex.stepRunSites`: the calls of a
   * `for...of` loop variable over that field) is itself start-up code, at most `MAX_STEP_DEPTH`
   * lists deep. Completes "which ..." as `startupOf` does.
   */
  private startupStepOf(fn: ts.SignatureDeclaration, depth: number): string | undefined {
    if (depth >= MAX_STEP_DEPTH) return undefined;
    const step = this.index.stepRunSites(fn);
    if (!step) return undefined;
    for (const run of step.runs) {
      const where = functionContextOf(run);
      if (!where || !this.index.callbacksRunNow(where.callbacks) || this.startupOf(run, where, depth + 1) === undefined) return undefined;
    }
    return `runs only while the program starts or stops (it is kept in \`${step.field}\`, and only start-up code calls what is kept there)`;
  }

  checkNew(expression: ts.NewExpression): void {
    const name = calleeName(expression.expression);
    if (name === undefined || !this.index.names.has(name)) return;
    const where = asyncContextOf(expression);
    if (!where || this.settings.allowed(expression)) return;
    const target = this.context.types.calleeTarget(expression);
    if (target) this.reportChain(expression, target.declarations, where);
  }

  checkLoop(loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): void {
    if (!isBusyWait(loop)) return;
    const where = asyncContextOf(loop);
    if (!where || this.settings.allowed(loop) || !this.index.callbacksRunNow(where.callbacks)) return;
    this.context.report({ ...loopSpan(loop, this.context.sourceFile), messageId: "busyWait", data: { context: describeContext(where) } });
  }

  private checkXhr(call: ts.CallExpression): void {
    const where = asyncContextOf(call);
    if (!where || this.settings.allowed(call) || !this.index.callbacksRunNow(where.callbacks)) return;
    this.context.report({ node: call, messageId: "syncXhr", data: { context: describeContext(where) } });
  }

  /**
   * A call from async code to a project function that blocks is reported here, with the chain, only
   * when the blocking call sits in a file that is not linted with this program (one the program
   * holds only because a linted file imports it); otherwise the sink's finding covers it.
   */
  private reportChain(call: ts.CallExpression | ts.NewExpression, declarations: readonly ts.Declaration[], where: FunctionContext): void {
    const blocking = this.index.reachingFunction(declarations);
    if (!blocking || !this.index.callbacksRunNow(where.callbacks)) return;
    if (this.context.types.isRootFile(sinkOf(blocking).site.getSourceFile())) return;
    const steps: BlockingFunction[] = [];
    for (let step: BlockingFunction | undefined = blocking; step; step = step.next) steps.push(step);
    const last = steps[steps.length - 1];
    const end = seedDescription(last.seed);
    const chain = [...steps.slice(1).map((step) => `\`${step.label}\``), end.label].join(" → ");
    const when = this.startupOf(call, where);
    this.context.report({
      node: call,
      messageId: when !== undefined ? "blockingAtStartupChain" : end.metadata ? "blockingMetadataChain" : "blockingChain",
      data: { name: blocking.label, context: describeContext(where), chain, activity: end.activity, replacement: end.replacement, when: when ?? "" },
      related: steps.map((step, index) => ({
        node: step.site,
        message:
          index + 1 < steps.length
            ? `\`${step.label}\` calls \`${steps[index + 1].label}\` here.`
            : `\`${step.label}\` ${end.here}.`,
      })),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Fixes

  private fixesFor(call: ts.CallExpression, blocker: Blocker): Fix[] {
    const recipe = blocker.fix;
    const { sourceFile, types } = this.context;
    if (!recipe || call.questionDotToken || ts.isOptionalChain(call)) return [];
    if (!awaitAllowedAt(call, (file) => types.supportsTopLevelAwait(file))) return [];
    const imports = new ImportPlanner(sourceFile, this.context.isJavaScript);
    let callee: string | undefined;
    let suffix = "";
    let title: string;
    switch (recipe.kind) {
      case "fs": {
        if (recipe.singleArgument && call.arguments.length !== 1) return [];
        if (recipe.pathOrDescriptor) {
          const path = call.arguments[0];
          if (!path || (!ts.isStringLiteralLike(path) && types.numberStatus(path) !== "never")) return [];
        }
        callee = imports.reference("fs/promises", recipe.member, true);
        title = `Use \`await ${recipe.member}(...)\` from \`node:fs/promises\``;
        break;
      }
      case "promisify": {
        // `exec` resolves to `{ stdout, stderr }`: only a call whose value is unused keeps its meaning.
        if (recipe.execOptions && !(ts.isExpressionStatement(call.parent) && execOptionsCarryOver(call))) return [];
        const promisify = imports.reference("util", "promisify", false);
        const member = imports.reference(recipe.module, recipe.member, false);
        if (promisify !== undefined && member !== undefined) callee = `${promisify}(${member})`;
        title = `Use \`await promisify(${recipe.member})(...)\``;
        break;
      }
      case "atomics": {
        const target = skipIndirectCallee(call.expression);
        if (!ts.isPropertyAccessExpression(target) || !types.hasProperty(target.expression, "waitAsync")) return [];
        callee = `${target.expression.getText(sourceFile)}.waitAsync`;
        suffix = ".value";
        title = "Use `await Atomics.waitAsync(...).value`";
        break;
      }
    }
    if (callee === undefined) return [];
    const fileName = sourceFile.fileName;
    const parens = needsParensAroundAwait(call);
    const hazard = parens && startsStatementAfterUnterminatedLine(call, sourceFile) ? ";" : "";
    const edits: TextEdit[] = [
      ...imports.edits(),
      { fileName, start: call.getStart(sourceFile), end: call.expression.getEnd(), newText: `${hazard}${parens ? "(" : ""}await ${callee}` },
    ];
    if (suffix || parens) edits.push({ fileName, start: call.getEnd(), end: call.getEnd(), newText: `${suffix}${parens ? ")" : ""}` });
    return [{ kind: "suggestion", title, edits }];
  }
}

// ---------------------------------------------------------------------------------------------
// Where async code runs, as messages say it

function describeContext(where: FunctionContext): string {
  const base = describeAsyncFunction(where.fn);
  const inner = where.callbacks[0];
  if (!inner) return base;
  if (ts.isNewExpression(inner)) return `the \`new Promise\` executor in ${base}`;
  return `the \`${calleeName(inner.expression) ?? "callback"}\` callback in ${base}`;
}

function describeAsyncFunction(fn: ts.SignatureDeclaration): string {
  const name = functionName(fn);
  if (ts.isMethodDeclaration(fn)) {
    const kind = fn.asteriskToken ? "async generator method" : "async method";
    return name === undefined ? `an ${kind}` : `${kind} \`${qualifiedFunctionName(fn, name)}\``;
  }
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.asteriskToken) {
    return name === undefined ? "an async generator" : `async generator \`${name}\``;
  }
  const passedTo = name === undefined && ts.isCallExpression(fn.parent) ? calleeName(fn.parent.expression) : undefined;
  const anonymous = passedTo === undefined ? "" : ` passed to \`${passedTo}\``;
  if (ts.isArrowFunction(fn)) return name === undefined ? `an async arrow function${anonymous}` : `async arrow function \`${name}\``;
  return name === undefined ? `an async function${anonymous}` : `async function \`${name}\``;
}

// ---------------------------------------------------------------------------------------------
// Busy-wait loops and synchronous XMLHttpRequest: syntax (and, for XHR, the declaration)

function isBusyWait(loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): boolean {
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  return condition !== undefined && readsClock(condition) && onlySpins(loop.statement);
}

/** Where a busy-wait is reported: from `while` to the end of its condition (the whole loop for `do`). */
function loopSpan(loop: ts.IterationStatement, sourceFile: ts.SourceFile): { start: number; end: number } {
  const condition = ts.isForStatement(loop) ? loop.condition : ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression : undefined;
  const end = ts.isDoStatement(loop) || !condition ? loop.getEnd() : condition.getEnd();
  return { start: loop.getStart(sourceFile), end };
}

function isClockRead(node: ts.Node): boolean {
  if (ts.isNewExpression(node)) {
    return ts.isIdentifier(node.expression) && node.expression.text === "Date" && (node.arguments?.length ?? 0) === 0;
  }
  if (!ts.isCallExpression(node)) return false;
  const text = dottedName(node.expression);
  return text === "Date.now" || text === "performance.now" || text === "process.hrtime" || text === "process.hrtime.bigint";
}

function dottedName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const left = dottedName(node.expression);
    return left === undefined ? undefined : `${left}.${node.name.text}`;
  }
  return undefined;
}

function readsClock(condition: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (isClockRead(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

/** A body that neither awaits nor yields nor calls anything but the clock: it only burns time. */
function onlySpins(body: ts.Statement): boolean {
  let works = false;
  const visit = (node: ts.Node): void => {
    if (works || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isAwaitExpression(node) || ts.isYieldExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) {
      works = true;
      return;
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) && !isClockRead(node)) {
      works = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return !works;
}

function isSyncXhrShape(call: ts.CallExpression): boolean {
  const async = call.arguments[2];
  return async !== undefined && async.kind === ts.SyntaxKind.FalseKeyword && ts.isPropertyAccessExpression(skipParens(call.expression));
}

function isSyncXhr(call: ts.CallExpression, types: TypeOracle): boolean {
  const ref = types.calleeTarget(call)?.ref;
  return ref !== undefined && ref.isDefaultLib && ref.qualifiedName === "XMLHttpRequest.open";
}

// ---------------------------------------------------------------------------------------------
// Blocking sites for the engine's call index (`engine/callIndex.ts`), which finds, once per
// program, the project functions that reach one and the async calls that reach those.

type Seed =
  | { kind: "call"; blocker: Blocker }
  | { kind: "loop" }
  | { kind: "xhr" };

/** A project function that blocks, through the functions it calls. */
type BlockingFunction = ReachingFunction<Seed>;
type AsyncCaller = AsyncCallerOf<Seed>;

/** A blocking site: a catalogue call, a busy-wait loop, or a synchronous XHR. A metadata call is weak: a later site that blocks for work replaces it. */
function isWeakSeed(seed: Seed): boolean {
  return seed.kind === "call" && seed.blocker.cost === "metadata";
}

function seedDescription(seed: Seed): { label: string; activity: string; replacement: string; here: string; metadata: boolean } {
  switch (seed.kind) {
    case "call":
      return {
        metadata: seed.blocker.cost === "metadata",
        label: `\`${seed.blocker.name}\``,
        activity: seed.blocker.activity,
        replacement: seed.blocker.replacement,
        here: `calls \`${seed.blocker.name}\` here, which ${seed.blocker.activity}`,
      };
    case "loop":
      return {
        metadata: false,
        label: "a busy-wait loop",
        activity: groupActivity("busyWait"),
        replacement: "`await setTimeout(ms)` from `node:timers/promises`",
        here: "spins on the clock here",
      };
    case "xhr":
      return {
        metadata: false,
        label: "a synchronous `XMLHttpRequest`",
        activity: groupActivity("xhr"),
        replacement: "`await fetch(...)`",
        here: "sends a synchronous `XMLHttpRequest` here",
      };
  }
}

/** The seed a candidate site is, by declaration: a catalogue call (also through `.call`/`.apply`), a busy-wait loop, a synchronous XHR. */
function seedOf(candidate: SeedCandidate, settings: Settings, types: TypeOracle): Seed | undefined {
  const { node, name } = candidate;
  if (!ts.isCallExpression(node)) return ts.isNewExpression(node) ? undefined : { kind: "loop" };
  if (name === "open" && isSyncXhrShape(node)) return isSyncXhr(node, types) ? { kind: "xhr" } : undefined;
  const direct = types.calleeTarget(node);
  let blocker = direct && settings.classify(direct.ref);
  if (!blocker && (name === "call" || name === "apply")) {
    const target = types.indirectCalleeTarget(node);
    blocker = target && settings.classify(target.ref);
  }
  return blocker ? { kind: "call", blocker } : undefined;
}

/** What the engine's call index needs to know about blocking calls, from the rule's settings. */
function indexConfig(settings: Settings, types: TypeOracle): CallIndexConfig<Seed> {
  const { options } = settings;
  return {
    seedText: settings.seedText,
    seedName: (name) => isBuiltinCandidateName(name) || settings.userName(name),
    isExtraSeedCandidate: (call, name, isName) =>
      (name === "open" && isSyncXhrShape(call)) || ((name === "call" || name === "apply") && indirectCalleeNames(call).some(isName)),
    isSeedLoop: isBusyWait,
    seedOf: (candidate) => seedOf(candidate, settings, types),
    isSeedShape: (call, name) => name === "open" && isSyncXhrShape(call) && isSyncXhr(call, types),
    isSeedDeclaration: (ref) => settings.classify(ref) !== undefined,
    isWeak: isWeakSeed,
    excluded: settings.allowed,
    transitive: options.transitive,
    maxDepth: options.maxDepth,
    workLimit: WORK_LIMIT,
    referenceLimit: REFERENCE_LIMIT,
  };
}

/** "async function `start`", or "3 async functions (`a`, `b`, `c`)" when several reach a sink. */
function describeCallers(callers: readonly AsyncCaller[]): string {
  const functions = [...new Set(callers.map((caller) => caller.where.fn))];
  if (functions.length === 1) return describeAsyncFunction(functions[0]);
  const names = [...new Set(functions.flatMap((fn) => {
    const name = functionName(fn);
    return name === undefined ? [] : [`\`${qualifiedFunctionName(fn, name)}\``];
  }))];
  const shown = names.slice(0, 3);
  const list = shown.length === 0 ? "" : ` (${shown.join(", ")}${names.length > shown.length || functions.length > names.length ? ", …" : ""})`;
  return `${functions.length} async functions${list}`;
}

function describeCaller(caller: AsyncCaller): string {
  const steps: string[] = [];
  let step: BlockingFunction | undefined = caller.entry;
  for (; step; step = step.next) {
    steps.push(`\`${step.label}\``);
    if (!step.next) steps.push(seedDescription(step.seed).label);
  }
  return `Called here from ${describeContext(caller.where)}: ${steps.join(" → ")}.`;
}

// ---------------------------------------------------------------------------------------------
// Fixes: imports to add or reuse, and where `await` needs parentheses

function execOptionsCarryOver(call: ts.CallExpression): boolean {
  if (call.arguments.length === 1) return true;
  const options = call.arguments[1];
  if (call.arguments.length !== 2 || !ts.isObjectLiteralExpression(options)) return false;
  return options.properties.every(
    (property) =>
      (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
      (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) &&
      EXEC_COMPATIBLE_OPTIONS.has(property.name.text),
  );
}

/** Whether `await call` must be parenthesized where `call` stands. */
function needsParensAroundAwait(call: ts.CallExpression): boolean {
  const parent = call.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === call) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === call) return true;
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === call) return true;
  if (ts.isNonNullExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.left === call && parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken;
}

function startsStatementAfterUnterminatedLine(call: ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const start = call.getStart(sourceFile);
  for (let current: ts.Node = call.parent; !ts.isSourceFile(current); current = current.parent) {
    if (current.getStart(sourceFile) !== start) return false;
    if (ts.isExpressionStatement(current)) return startsAfterUnterminatedStatement(current, sourceFile);
  }
  return false;
}

/**
 * How the start-up callers of a blocking helper run, for `blockingAtStartupSink`: one-shot
 * commands (the command-line program's folder, or files only it reaches) are not "while the
 * program starts or stops".
 */
function startupCallersRun(reasons: readonly string[]): string {
  const commands = reasons.filter((reason) => reason.startsWith("runs as a one-shot command")).length;
  if (commands === reasons.length) return "runs only as one-shot commands of the command-line program";
  if (commands === 0) return "runs only while the program starts or stops";
  return "runs only while the program starts or stops, or as one-shot commands of the command-line program";
}
