import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ts from "typescript";
import { runRuleTable, type InvalidCase, type ValidCase } from "../helpers/ruleTable";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { lintProgram, lintSourceFile, ProgramTypes } from "../../server/src/engine/linter";
import { allRules } from "../../server/src/rules";
import { configFor, createVirtualProgram, lintCode, positionOf, TEST_COMPILER_OPTIONS, typeErrors } from "../helpers/ruleTester";


const RULE = "blocking-call-in-async";

const lines = (...parts: string[]) => parts.join("\n");

const READ_FILE = "Use `await readFile(...)` from `node:fs/promises`";
const WRITE_FILE = "Use `await writeFile(...)` from `node:fs/promises`";
const STAT = "Use `await stat(...)` from `node:fs/promises`";
const EXEC = "Use `await promisify(exec)(...)`";
const PBKDF2 = "Use `await promisify(pbkdf2)(...)`";
const GZIP = "Use `await promisify(gzip)(...)`";
const WAIT_ASYNC = "Use `await Atomics.waitAsync(...).value`";
const FS = 'import * as fs from "node:fs";';
/** The two most common messages: `inside` is e.g. "async function `f`", `replacement` the fs/promises function. */
const BLOCKS_ON_FS = (call: string, inside: string, replacement: string) =>
  `\`${call}\` blocks the event loop inside ${inside}: while it waits for the file system, no other request, timer or callback on this process runs. Use \`await ${replacement}(...)\` from \`node:fs/promises\` instead.`;
const METADATA_CALL = (call: string, inside: string, replacement: string) =>
  `\`${call}\` blocks the event loop inside ${inside} for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use \`await ${replacement}(...)\` from \`node:fs/promises\` instead.`;
const INDIRECT_MESSAGE =
  "`readFileSync` blocks the event loop inside async function `load`: while it waits for the file system, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` instead.";

// A memoized settings reader, as found on a real service: read once, reached from every handler.
const SETTINGS = lines(
  'import { readFileSync } from "node:fs";',
  "",
  "interface Settings { dbUrl: string; pageSize: number }",
  "let cached: Settings | undefined;",
  "",
  "export function getSettings(): Settings {",
  '  cached ??= JSON.parse(readFileSync(process.env.SETTINGS_FILE ?? "settings.json", "utf8")) as Settings;',
  "  return cached;",
  "}",
);
const USER_ROUTES = lines(
  'import { getSettings } from "./settings";',
  "export async function listUsers(page: number) {",
  "  const { pageSize } = getSettings();",
  "  return { page, pageSize };",
  "}",
  "export async function getUser(id: string) {",
  "  return { id, db: getSettings().dbUrl };",
  "}",
);
const ORDER_ROUTES = lines(
  'import { getSettings } from "./settings";',
  "export function pageSizeFor(limit?: number) {",
  "  return limit ?? getSettings().pageSize;",
  "}",
  "export const listOrders = async (limit?: number) => ({ limit: pageSizeFor(limit) });",
  "export async function countOrders() {",
  "  return getSettings().pageSize;",
  "}",
);
// The virtual test project is one folder: settings.ts, orders.ts and users.ts side by side.
const ROUTES = { "users.ts": USER_ROUTES, "orders.ts": ORDER_ROUTES };

// A service that reads its config and TLS files in start(), before anything is served, and
// removes its pid file in stop(); the one-line allow entry the docs recommend for it.
const STARTUP_ALLOW = { allow: [{ function: ["main", "start", "stop"] }] };
const SERVICE = (handler: string[]) =>
  lines(
    'import { readFileSync, unlinkSync, writeFileSync } from "node:fs";',
    'import { createServer, type Server } from "node:https";',
    'import { once } from "node:events";',
    "interface Config { port: number; keyFile: string; certFile: string; pidFile: string }",
    "export class Service {",
    "  private server?: Server;",
    "  private config?: Config;",
    "  async start(configPath: string) {",
    '    const config: Config = JSON.parse(readFileSync(configPath, "utf8"));',
    "    this.config = config;",
    "    const tls = { key: readFileSync(config.keyFile), cert: readFileSync(config.certFile) };",
    ...handler,
    "    this.server.listen(config.port);",
    '    await once(this.server, "listening");',
    "    writeFileSync(config.pidFile, String(process.pid));",
    "  }",
    "  async stop() {",
    "    await new Promise((resolve) => this.server?.close(resolve));",
    "    if (this.config) unlinkSync(this.config.pidFile);",
    "  }",
    "}",
  );
// A browser launcher as found in a real library: one existence check per launch, and a helper
// that checks the profile directory once.
const LAUNCHER = lines(
  'import { accessSync, constants, existsSync } from "node:fs";',
  'import { spawn, type ChildProcess } from "node:child_process";',
  "function isWritableDirectory(directory: string): boolean {",
  "  try {",
  "    accessSync(directory, constants.W_OK);",
  "    return true;",
  "  } catch {",
  "    return !existsSync(directory);",
  "  }",
  "}",
  "export class BrowserLauncher {",
  "  async launch(executablePath: string, userDataDir: string): Promise<ChildProcess> {",
  "    if (!existsSync(executablePath)) {",
  "      throw new Error(`Browser was not found at the configured executablePath (${executablePath})`);",
  "    }",
  "    if (!isWritableDirectory(userDataDir)) throw new Error(`${userDataDir} is not writable`);",
  "    return spawn(executablePath, [`--user-data-dir=${userDataDir}`]);",
  "  }",
  "}",
);
// A server's shutdown as found in a real framework: the pid file checked, then removed.
const PID_STOP = lines(
  'import * as fs from "node:fs";',
  "export class ServerProcess {",
  "  constructor(private readonly pidFile: string) {}",
  "  async stop() {",
  "    if (fs.existsSync(this.pidFile)) fs.unlinkSync(this.pidFile);",
  "  }",
  "}",
);
// actionhero's process.ts: stop() pushes one more step onto the stoppers that initialize() built
// from every initializer, then runs them in order; the pid file goes in that step.
const PROCESS_STOPPERS = lines(
  FS,
  "function clearPidFile(file: string) {",
  "  try {",
  "    fs.unlinkSync(file);",
  "  } catch (error) {",
  '    console.error("Unable to remove pidfile", error);',
  "  }",
  "}",
  "type Stopper = () => Promise<void>;",
  "export class Process {",
  "  stopInitializers: Stopper[];",
  "  constructor(private readonly pidFile: string) {",
  "    this.stopInitializers = [];",
  "  }",
  "  async initialize(rankings: { [rank: number]: Stopper[] }) {",
  "    this.stopInitializers = this.flattenOrderedInitializer(rankings);",
  "  }",
  "  async stop() {",
  "    this.stopInitializers.push(async () => {",
  "      clearPidFile(this.pidFile);",
  '      console.log("*** Stopped ***");',
  "    });",
  "    try {",
  "      for (const stopper of this.stopInitializers) await stopper();",
  "    } catch (error) {",
  '      console.error("stop failed", error);',
  "    }",
  "  }",
  "  flattenOrderedInitializer<T>(collection: { [rank: number]: T[] }) {",
  "    const output: T[] = [];",
  "    for (const key of Object.keys(collection).map(Number).sort((a, b) => a - b)) {",
  "      collection[key].forEach((d) => {",
  "        output.push(d);",
  "      });",
  "    }",
  "    return output;",
  "  }",
  "}",
);
// Steps kept for stop(): its own, and those other code registers with onStop().
const STOP_STEPS = lines(
  FS,
  "export class ServerProcess {",
  "  private readonly stopSteps: Array<() => Promise<void>> = [];",
  "  constructor(private readonly pidFile: string) {}",
  "  onStop(step: () => Promise<void>) {",
  "    this.stopSteps.push(step);",
  "  }",
  "  async stop() {",
  "    this.stopSteps.push(async () => {",
  "      fs.unlinkSync(this.pidFile);",
  "    });",
  "    for (const step of this.stopSteps) {",
  "      await step();",
  "    }",
  "  }",
  "}",
);
// A CLI's `generate` command: reads a template, writes a file, through helpers that check first.
const FILE_UTILS = lines(
  'import * as fs from "node:fs";',
  'import * as path from "node:path";',
  "export function fileExists(file: string): boolean {",
  "  return fs.existsSync(file) && fs.statSync(file).isFile();",
  "}",
  "export function createFileSafely(file: string, data: string): string {",
  "  if (fileExists(file)) throw new Error(`file '${path.normalize(file)}' already exists`);",
  "  fs.writeFileSync(path.normalize(file), data);",
  "  return `wrote file '${path.normalize(file)}'`;",
  "}",
);
const GENERATE_ACTION = lines(
  'import * as fs from "node:fs";',
  'import { createFileSafely } from "../../../modules/utils/fileUtils";',
  "export class GenerateAction {",
  "  name = \"generate-action\";",
  "  async run({ name }: { name: string }) {",
  '    const template = fs.readFileSync("templates/action.ts.template", "utf8");',
  "    return createFileSafely(`src/actions/${name}.ts`, template.replace(/%%name%%/g, name));",
  "  }",
  "}",
);
const METADATA_CALLS = ["existsSync", "accessSync", "statSync", "lstatSync", "fstatSync", "statfsSync", "realpathSync", "realpathSync.native", "readlinkSync"];
const ES2024: ts.CompilerOptions = { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2024.d.ts"] };
const DOM: ts.CompilerOptions = { ...TEST_COMPILER_OPTIONS, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] };

// --- start-up and shutdown, as found in a real framework and its command-line program ----------
// The program's entry script: a shebang, a namespace whose `run` the top level calls once.
const CLI_ENTRY = lines(
  "#!/usr/bin/env node",
  FS,
  'import * as path from "node:path";',
  "export namespace CliRunner {",
  "  export async function run(dirs: string[]) {",
  "    const version = getVersion();",
  "    const loaded: string[] = [];",
  "    for (const dir of dirs) await loadDirectory(dir, loaded);",
  "    return version;",
  "  }",
  "  export async function loadDirectory(dir: string, loaded: string[]) {",
  "    if (!fs.existsSync(dir)) return;",
  "    const realpath = fs.realpathSync(dir);",
  "    loaded.push(realpath);",
  "  }",
  "  export function readPackageJSON(file: string) {",
  "    return JSON.parse(fs.readFileSync(file).toString()) as { version: string };",
  "  }",
  "  export function getVersion(): string {",
  '    return readPackageJSON(path.join(process.cwd(), "package.json")).version;',
  "  }",
  "}",
  'void CliRunner.run(process.argv.slice(2));',
);
// A process that writes its pid file in start() and rebuilds its config on restart().
const PROCESS = lines(
  FS,
  "function writePidFile(file: string) {",
  "  fs.writeFileSync(file, process.pid.toString());",
  "}",
  'const getPackageJson = () => JSON.parse(fs.readFileSync("package.json").toString()) as { version: string };',
  "export let version = getPackageJson().version;",
  "function rebuildConfig() {",
  "  version = getPackageJson().version;",
  "}",
  "export class Process {",
  "  running = false;",
  "  async start(pidFile: string) {",
  "    writePidFile(pidFile);",
  "    this.running = true;",
  "  }",
  "  async stop() {",
  "    this.running = false;",
  "  }",
  "  async restart(pidFile: string) {",
  "    await this.stop();",
  "    rebuildConfig();",
  "    await this.start(pidFile);",
  "  }",
  "}",
);
// A cache module's dump and load of everything it holds: exported, run whenever a caller asks.
const CACHE_DUMP = lines(
  FS,
  "const data = new Map<string, string>();",
  "export async function dumpWrite(file: string) {",
  "  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(data)));",
  "  return data.size;",
  "}",
  "export async function dumpRead(file: string) {",
  "  const fileData = fs.readFileSync(file).toString();",
  "  for (const [key, value] of Object.entries(JSON.parse(fileData) as Record<string, string>)) data.set(key, value);",
  "}",
);


// A package whose command-line program is built from src/bin/ (actionhero's shape): `bin` names
// the built file, the tsconfig maps dist/ back to src/. The commands are GENERATE_ACTION's shape.
const CLI_PACKAGE = JSON.stringify({ name: "app", main: "dist/index.js", bin: { app: "dist/bin/app.js" } });
const BUILT_FROM_SRC = { ...TEST_COMPILER_OPTIONS, rootDir: "/virtual/src", outDir: "/virtual/dist" };
const BIN_ENTRY = lines("#!/usr/bin/env node", 'import { run } from "./runner";', "void run(process.argv.slice(2));");
const BIN_RUNNER = lines("export async function run(argv: string[]) {", "  return argv.length;", "}");
const HANDLER = lines(
  FS,
  'import type { IncomingMessage, ServerResponse } from "node:http";',
  "export async function handle(req: IncomingMessage, res: ServerResponse) {",
  '  res.end(fs.readFileSync("public/index.html"));',
  "}",
);

// A command-line program whose code lives outside its bin folder (npm's shape): `bin/cli.js`
// names bin/, the code is in lib/; the package's `main` runs the program only when it is the main
// module (`require.main === module`), so no library user reaches lib/. lib/cli.js finds its entry
// by `path.resolve(__dirname, ...)` and the commands by a template with a literal folder.
const NPM_PACKAGE = JSON.stringify({ name: "cli", main: "./index.js", bin: { cli: "bin/cli.js" }, exports: { ".": "./index.js" } });
const NPM_INDEX = lines(
  "if (require.main === module) {",
  '  require("./lib/cli.js")(process);',
  "} else {",
  '  throw new Error("The programmatic API was removed in v8.0.0");',
  "}",
);
const NPM_BIN = lines("#!/usr/bin/env node", 'require("../lib/cli.js")(process);');
const NPM_CLI = lines(
  'const cliEntry = require("node:path").resolve(__dirname, "cli/entry.js");',
  "module.exports = (process) => require(cliEntry)(process);",
);
const NPM_ENTRY = lines(
  'const Npm = require("../npm.js");',
  "module.exports = async (process) => {",
  "  const npm = new Npm();",
  "  try {",
  "    await npm.exec(process.argv[2]);",
  "  } catch (err) {",
  "    await npm.handleError(err);",
  "  }",
  "};",
);
const NPM_MAIN = lines(
  'const { writeFileSync } = require("node:fs");',
  "class Npm {",
  "  static cmd(command) {",
  "    return require(`./commands/${command}`);",
  "  }",
  "  async exec(command) {",
  "    const Command = Npm.cmd(command);",
  "    await new Command(this).exec();",
  "  }",
  "  async handleError(err) {",
  "    this.writeErrorLog(err);",
  "  }",
  "  writeErrorLog(err) {",
  '    writeFileSync("npm-debug.log", String(err));',
  "  }",
  "}",
  "module.exports = Npm;",
);
const NPM_VERSION_COMMAND = lines(
  'const fs = require("node:fs");',
  "class Version {",
  "  async exec() {",
  '    console.log(JSON.parse(fs.readFileSync(`${__dirname}/../../package.json`, "utf8")).version);',
  "  }",
  "}",
  "module.exports = Version;",
);
const NPM_FILES = { "package.json": NPM_PACKAGE, "index.js": NPM_INDEX, "bin/cli.js": NPM_BIN, "lib/cli.js": NPM_CLI, "lib/cli/entry.js": NPM_ENTRY, "lib/commands/version.js": NPM_VERSION_COMMAND };
const NPM_FILES_FOR_COMMAND = { "package.json": NPM_PACKAGE, "index.js": NPM_INDEX, "bin/cli.js": NPM_BIN, "lib/cli.js": NPM_CLI, "lib/cli/entry.js": NPM_ENTRY, "lib/npm.js": NPM_MAIN };

// An ES module package built from src/ to dist/ with an `exports` map: the bin (dist/cli.js) is in
// the rootDir, so no folder is the program's own; the module graph tells the commands apart.
const ESM_PACKAGE = JSON.stringify({ name: "tool", type: "module", exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } }, bin: { tool: "dist/cli.js" } });
const ESM_BUILT = { ...TEST_COMPILER_OPTIONS, rootDir: "/virtual/src", outDir: "/virtual/dist" };
const ESM_INDEX = lines('export { parse } from "./parse.js";');
const ESM_PARSE = lines("export function parse(text: string) {", "  return text.split(\"\\n\");", "}");
const ESM_CLI = lines("#!/usr/bin/env node", 'import { run } from "./commands/run.js";', "await run(process.argv.slice(2));");
const ESM_RUN = lines('import { writeReport } from "../report.js";', 'import { parse } from "../parse.js";', "export async function run(argv: string[]) {", "  writeReport(parse(argv.join(\"\\n\")));", "}");
const ESM_REPORT = lines(FS, "export function writeReport(lines: string[]) {", '  fs.writeFileSync("report.txt", lines.join("\\n"));', "}");
const ESM_FILES = { "package.json": ESM_PACKAGE, "src/index.ts": ESM_INDEX, "src/parse.ts": ESM_PARSE, "src/cli.ts": ESM_CLI, "src/commands/run.ts": ESM_RUN };

const invalid: InvalidCase[] = [
  // --- through Function.prototype.call / apply and Reflect.apply: reported, no fix -------------
  {
    name: "fs.readFileSync.call in an async function",
    code: lines(FS, "export async function load(p: string) {", '  return fs.readFileSync.call(fs, p, "utf8");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: INDIRECT_MESSAGE,
        fixes: [],
      },
    ],
  },
  {
    name: "a named import run with .apply",
    code: lines('import { readFileSync } from "node:fs";', "export async function load(p: string) {", "  return readFileSync.apply(null, [p]);", "}"),
    errors: [{ messageId: "blockingCall", line: 3, column: 10, fixes: [], message: INDIRECT_MESSAGE }],
  },
  {
    name: "Reflect.apply of execSync",
    code: lines('import { execSync } from "child_process";', "export async function build() {", '  Reflect.apply(execSync, undefined, ["npm run build"]);', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        fixes: [],
        message: "`execSync` blocks the event loop inside async function `build`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "a synchronous helper that blocks through .call, reached from async code",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: lines(
      FS,
      "function readConfig(path: string): string {",
      '  return fs.readFileSync.call(fs, path, "utf8");',
      "}",
      "export async function start() {",
      '  return JSON.parse(readConfig("config.json")) as object;',
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        related: [6],
        fixes: [],
        message: "`readConfig` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readConfig` only outside async code.",
      },
    ],
  },
  // --- start-up and shutdown: reported one level lower --------------------------------------
  {
    name: "start-up: an entry script's checks, and the version read its run() makes, are start-up code",
    code: CLI_ENTRY,
    fileName: "bin/cli.ts",
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 12,
        column: 10,
        severity: "info",
        fixes: [],
        message: "`existsSync` blocks the event loop inside async function `loadDirectory`, which runs only once, as the program starts (only the top level of the entry script `cli.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead, or accept it here with an `allow` entry.",
      },
      {
        messageId: "blockingAtStartup",
        line: 13,
        column: 22,
        severity: "info",
        message:
          "`realpathSync` blocks the event loop inside async function `loadDirectory`, which runs only once, as the program starts (only the top level of the entry script `cli.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await realpath(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [["Use `await realpath(...)` from `node:fs/promises`", CLI_ENTRY.replace('import * as path from "node:path";', 'import * as path from "node:path";\nimport { realpath as realpathAsync } from "node:fs/promises";').replace("const realpath = fs.realpathSync(dir);", "const realpath = await realpathAsync(dir);")]],
      },
      {
        messageId: "blockingAtStartupSink",
        line: 17,
        column: 23,
        severity: "info",
        related: [6],
        message: "`readPackageJSON` calls `readFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async function `run`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `readPackageJSON`.",
      },
    ],
  },
  {
    name: "start-up: a pid file written in start(), a config re-read on restart()",
    code: PROCESS,
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "info",
        related: [13],
        message:
          "`writePidFile` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `Process.start`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `writePidFile`.",
      },
      {
        messageId: "blockingAtStartupSink",
        line: 5,
        column: 41,
        severity: "info",
        related: [21],
        message: "`getPackageJson` calls `readFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `Process.restart`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `getPackageJson`.",
      },
    ],
  },
  {
    name: "start-up: a pid file checked, then removed, in stop()",
    code: PID_STOP,
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 5,
        column: 9,
        severity: "info",
        fixes: [],
        message: "`existsSync` blocks the event loop inside async method `ServerProcess.stop`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead, or accept it here with an `allow` entry.",
      },
      {
        messageId: "blockingAtStartup",
        line: 5,
        column: 38,
        severity: "info",
        message: "`unlinkSync` blocks the event loop inside async method `ServerProcess.stop`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await unlink(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [["Use `await unlink(...)` from `node:fs/promises`", PID_STOP.replace('import * as fs from "node:fs";', 'import * as fs from "node:fs";\nimport { unlink } from "node:fs/promises";').replace("fs.unlinkSync(this.pidFile)", "await unlink(this.pidFile)")]],
      },
    ],
  },
  // A step that stop() keeps in a list and runs later (actionhero's process.ts): start-up code
  // when every call that may run the list's functions is start-up code.
  {
    name: "start-up: a pid file removed by a step stop() pushes onto its list of stoppers and runs in its loop",
    code: PROCESS_STOPPERS,
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 4,
        column: 5,
        severity: "info",
        related: [20],
        message: "`clearPidFile` calls `unlinkSync` here, which waits for the file system, and only start-up code runs it: it is reached from an async arrow function passed to `push`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await unlink(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `clearPidFile`.",
      },
    ],
  },
  {
    name: "start-up: a blocking call inside the step itself, with steps other code registers",
    code: STOP_STEPS,
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 10,
        column: 7,
        severity: "info",
        message: "`unlinkSync` blocks the event loop inside an async arrow function passed to `push`, which runs only while the program starts or stops (it is kept in `stopSteps`, and only start-up code calls what is kept there): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await unlink(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            `${FS}\nimport { unlink } from "node:fs/promises";\nexport class ServerProcess {\n  private readonly stopSteps: Array<() => Promise<void>> = [];\n  constructor(private readonly pidFile: string) {}\n  onStop(step: () => Promise<void>) {\n    this.stopSteps.push(step);\n  }\n  async stop() {\n    this.stopSteps.push(async () => {\n      await unlink(this.pidFile);\n    });\n    for (const step of this.stopSteps) {\n      await step();\n    }\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when a request handler also runs the list",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "export class ServerProcess {",
      "  private readonly stopSteps: Step[] = [];",
      "  constructor(private readonly pidFile: string) {}",
      "  async stop() {",
      "    this.stopSteps.push(async () => {",
      "      fs.unlinkSync(this.pidFile);",
      "    });",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "  async handleResetRequest() {",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 8,
        column: 7,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { unlink } from "node:fs/promises";',
              "type Step = () => Promise<void>;",
              "export class ServerProcess {",
              "  private readonly stopSteps: Step[] = [];",
              "  constructor(private readonly pidFile: string) {}",
              "  async stop() {",
              "    this.stopSteps.push(async () => {",
              "      await unlink(this.pidFile);",
              "    });",
              "    for (const step of this.stopSteps) await step();",
              "  }",
              "  async handleResetRequest() {",
              "    for (const step of this.stopSteps) await step();",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when the list is handed out",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "export class ServerProcess {",
      "  private readonly stopSteps: Step[] = [];",
      "  constructor(private readonly pidFile: string) {}",
      "  get shutdownSteps(): readonly Step[] {",
      "    return this.stopSteps;",
      "  }",
      "  async stop() {",
      "    this.stopSteps.push(async () => {",
      "      fs.unlinkSync(this.pidFile);",
      "    });",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 11,
        column: 7,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { unlink } from "node:fs/promises";',
              "type Step = () => Promise<void>;",
              "export class ServerProcess {",
              "  private readonly stopSteps: Step[] = [];",
              "  constructor(private readonly pidFile: string) {}",
              "  get shutdownSteps(): readonly Step[] {",
              "    return this.stopSteps;",
              "  }",
              "  async stop() {",
              "    this.stopSteps.push(async () => {",
              "      await unlink(this.pidFile);",
              "    });",
              "    for (const step of this.stopSteps) await step();",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when the list is an array other code holds",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "export class ServerProcess {",
      "  private stopSteps: Step[];",
      "  constructor(private readonly pidFile: string, hooks: { shutdown: Step[] }) {",
      "    this.stopSteps = hooks.shutdown;",
      "  }",
      "  async stop() {",
      "    this.stopSteps.push(async () => {",
      "      fs.unlinkSync(this.pidFile);",
      "    });",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 10,
        column: 7,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { unlink } from "node:fs/promises";',
              "type Step = () => Promise<void>;",
              "export class ServerProcess {",
              "  private stopSteps: Step[];",
              "  constructor(private readonly pidFile: string, hooks: { shutdown: Step[] }) {",
              "    this.stopSteps = hooks.shutdown;",
              "  }",
              "  async stop() {",
              "    this.stopSteps.push(async () => {",
              "      await unlink(this.pidFile);",
              "    });",
              "    for (const step of this.stopSteps) await step();",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when the loop that runs it serves for as long as the program runs",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));",
      "export class Worker {",
      "  private readonly tickSteps: Step[] = [];",
      "  running = false;",
      "  constructor(private readonly statusFile: string) {}",
      "  async start() {",
      "    this.running = true;",
      "    this.tickSteps.push(async () => {",
      "      fs.writeFileSync(this.statusFile, new Date().toISOString());",
      "    });",
      "    while (this.running) {",
      "      for (const step of this.tickSteps) await step();",
      "      await sleep(1000);",
      "    }",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 11,
        column: 7,
        message: BLOCKS_ON_FS("writeFileSync", "an async arrow function passed to `push`", "writeFile"),
        fixes: [
          [
            WRITE_FILE,
            lines(
              FS,
              'import { writeFile } from "node:fs/promises";',
              "type Step = () => Promise<void>;",
              "const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));",
              "export class Worker {",
              "  private readonly tickSteps: Step[] = [];",
              "  running = false;",
              "  constructor(private readonly statusFile: string) {}",
              "  async start() {",
              "    this.running = true;",
              "    this.tickSteps.push(async () => {",
              "      await writeFile(this.statusFile, new Date().toISOString());",
              "    });",
              "    while (this.running) {",
              "      for (const step of this.tickSteps) await step();",
              "      await sleep(1000);",
              "    }",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when a subclass redeclares the list with an array other code holds",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "export const sharedShutdownSteps: Step[] = [];",
      "class BaseProcess {",
      "  protected stopSteps: Step[] = [];",
      "  constructor(protected readonly pidFile: string) {}",
      "  async stop() {",
      "    this.stopSteps.push(async () => {",
      "      fs.unlinkSync(this.pidFile);",
      "    });",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "}",
      "export class ClusterProcess extends BaseProcess {",
      "  protected override stopSteps = sharedShutdownSteps;",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 9,
        column: 7,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { unlink } from "node:fs/promises";',
              "type Step = () => Promise<void>;",
              "export const sharedShutdownSteps: Step[] = [];",
              "class BaseProcess {",
              "  protected stopSteps: Step[] = [];",
              "  constructor(protected readonly pidFile: string) {}",
              "  async stop() {",
              "    this.stopSteps.push(async () => {",
              "      await unlink(this.pidFile);",
              "    });",
              "    for (const step of this.stopSteps) await step();",
              "  }",
              "}",
              "export class ClusterProcess extends BaseProcess {",
              "  protected override stopSteps = sharedShutdownSteps;",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when the function building the list also hands it out",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "export const inspectors: Array<() => Step[]> = [];",
      "export class ServerProcess {",
      "  private stopSteps: Step[] = [];",
      "  constructor(private readonly pidFile: string) {}",
      "  async initialize(plugins: { stop: Step }[]) {",
      "    this.stopSteps = this.collectSteps(plugins);",
      "  }",
      "  async stop() {",
      "    this.stopSteps.push(async () => {",
      "      fs.unlinkSync(this.pidFile);",
      "    });",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "  collectSteps(plugins: { stop: Step }[]) {",
      "    const steps: Step[] = [];",
      "    for (const plugin of plugins) steps.push(plugin.stop);",
      "    inspectors.push(function () {",
      "      return steps;",
      "    });",
      "    return steps;",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 12,
        column: 7,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { unlink } from "node:fs/promises";',
              "type Step = () => Promise<void>;",
              "export const inspectors: Array<() => Step[]> = [];",
              "export class ServerProcess {",
              "  private stopSteps: Step[] = [];",
              "  constructor(private readonly pidFile: string) {}",
              "  async initialize(plugins: { stop: Step }[]) {",
              "    this.stopSteps = this.collectSteps(plugins);",
              "  }",
              "  async stop() {",
              "    this.stopSteps.push(async () => {",
              "      await unlink(this.pidFile);",
              "    });",
              "    for (const step of this.stopSteps) await step();",
              "  }",
              "  collectSteps(plugins: { stop: Step }[]) {",
              "    const steps: Step[] = [];",
              "    for (const plugin of plugins) steps.push(plugin.stop);",
              "    inspectors.push(function () {",
              "      return steps;",
              "    });",
              "    return steps;",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: not a step of start-up code when its list is a project queue that runs what it is given",
    code: lines(
      FS,
      "type Task = () => Promise<void>;",
      "class TaskQueue {",
      "  private readonly tasks: Task[] = [];",
      "  push(task: Task) {",
      "    this.tasks.push(task);",
      "    void this.drain();",
      "  }",
      "  private async drain() {",
      "    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) await task();",
      "  }",
      "}",
      "export class ServerProcess {",
      "  private readonly queue = new TaskQueue();",
      "  constructor(private readonly pidFile: string) {}",
      "  async stop() {",
      "    this.queue.push(async () => {",
      "      fs.unlinkSync(this.pidFile);",
      "    });",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 18,
        column: 7,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { unlink } from "node:fs/promises";',
              "type Task = () => Promise<void>;",
              "class TaskQueue {",
              "  private readonly tasks: Task[] = [];",
              "  push(task: Task) {",
              "    this.tasks.push(task);",
              "    void this.drain();",
              "  }",
              "  private async drain() {",
              "    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) await task();",
              "  }",
              "}",
              "export class ServerProcess {",
              "  private readonly queue = new TaskQueue();",
              "  constructor(private readonly pidFile: string) {}",
              "  async stop() {",
              "    this.queue.push(async () => {",
              "      await unlink(this.pidFile);",
              "    });",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: a server's start() creates the folder for its client script",
    code: lines(
      FS,
      "export class WebSocketServer {",
      "  async start(clientJSPath: string) {",
      "    this.writeClientJS(clientJSPath);",
      "  }",
      "  writeClientJS(clientJSPath: string) {",
      "    if (!fs.existsSync(clientJSPath)) {",
      "      fs.mkdirSync(clientJSPath, { recursive: true });",
      "    }",
      '    fs.writeFileSync(`${clientJSPath}/client.js`, "");',
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 8,
        column: 7,
        severity: "info",
        related: [4],
        message: "`WebSocketServer.writeClientJS` calls `mkdirSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `WebSocketServer.start`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await mkdir(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `WebSocketServer.writeClientJS`.",
      },
    ],
  },
  {
    name: "start-up: an initializer's existence check per plugin, in a for...of loop",
    code: lines(
      FS,
      "export class StaticFileInitializer {",
      "  searchLocations: string[] = [];",
      "  async initialize(plugins: { path: string }[]) {",
      "    for (const plugin of plugins) {",
      "      if (fs.existsSync(`${plugin.path}/public`)) this.searchLocations.push(`${plugin.path}/public`);",
      "    }",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 6,
        column: 11,
        severity: "info",
        fixes: [],
        message: "`existsSync` blocks the event loop inside async method `StaticFileInitializer.initialize`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead, or accept it here with an `allow` entry.",
      },
    ],
  },
  {
    name: "start-up: an entry script's own async function, called once from its top level",
    code: lines("#!/usr/bin/env node", FS, "async function scaffold(name: string) {", '  fs.writeFileSync(`${name}/README.md`, "");', "}", "void scaffold(process.argv[2]);"),
    fileName: "bin/scaffold.ts",
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 3,
        severity: "info",
        message: "`writeFileSync` blocks the event loop inside async function `scaffold`, which runs only once, as the program starts (only the top level of the entry script `scaffold.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [[WRITE_FILE, lines("#!/usr/bin/env node", FS, 'import { writeFile } from "node:fs/promises";', "async function scaffold(name: string) {", '  await writeFile(`${name}/README.md`, "");', "}", "void scaffold(process.argv[2]);")]],
      },
    ],
  },
  {
    name: "start-up: an entry script's functions, two calls down from its top level, through a map callback",
    code: lines(
      "#!/usr/bin/env node",
      FS,
      "const readTemplate = async (file: string) => fs.readFileSync(file, \"utf8\");",
      "async function generate(files: string[]) {",
      "  return Promise.all(files.map((file) => readTemplate(file)));",
      "}",
      "async function cli() {",
      "  await generate(process.argv.slice(2));",
      "}",
      "cli().catch((error: unknown) => {",
      "  console.error(error);",
      "  process.exitCode = 1;",
      "});",
    ),
    fileName: "bin/generate.ts",
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 3,
        column: 46,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async arrow function `readTemplate`, which runs only once, as the program starts (only the top level of the entry script `generate.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              'const readTemplate = async (file: string) => await readFile(file, "utf8");',
              "async function generate(files: string[]) {",
              "  return Promise.all(files.map((file) => readTemplate(file)));",
              "}",
              "async function cli() {",
              "  await generate(process.argv.slice(2));",
              "}",
              "cli().catch((error: unknown) => {",
              "  console.error(error);",
              "  process.exitCode = 1;",
              "});",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: a command-line program's commands, named by file in startupFunctions",
    code: lines(
      FS,
      "export abstract class CLI {",
      "  abstract run(params: Record<string, string>): Promise<boolean>;",
      "}",
      "export class GenerateActionCLI extends CLI {",
      "  async run({ name }: Record<string, string>) {",
      '    const template = fs.readFileSync("templates/action.ts.template").toString();',
      "    fs.writeFileSync(`src/actions/${name}.ts`, template);",
      "    return true;",
      "  }",
      "}",
    ),
    fileName: "src/bin/methods/generate/action.ts",
    options: { startupFunctions: [{ file: "**/src/bin/**" }] },
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 7,
        column: 22,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async method `GenerateActionCLI.run`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export abstract class CLI {",
              "  abstract run(params: Record<string, string>): Promise<boolean>;",
              "}",
              "export class GenerateActionCLI extends CLI {",
              "  async run({ name }: Record<string, string>) {",
              '    const template = (await readFile("templates/action.ts.template")).toString();',
              "    fs.writeFileSync(`src/actions/${name}.ts`, template);",
              "    return true;",
              "  }",
              "}",
            ),
          ],
        ],
      },
      {
        messageId: "blockingAtStartup",
        line: 8,
        column: 5,
        severity: "info",
        message: "`writeFileSync` blocks the event loop inside async method `GenerateActionCLI.run`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            WRITE_FILE,
            lines(
              FS,
              'import { writeFile } from "node:fs/promises";',
              "export abstract class CLI {",
              "  abstract run(params: Record<string, string>): Promise<boolean>;",
              "}",
              "export class GenerateActionCLI extends CLI {",
              "  async run({ name }: Record<string, string>) {",
              '    const template = fs.readFileSync("templates/action.ts.template").toString();',
              "    await writeFile(`src/actions/${name}.ts`, template);",
              "    return true;",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: startupFunctions names one class's method",
    code: lines(FS, "export class Gateway {", "  async boot() {", '    return fs.readFileSync("gateway.json");', "  }", "}"),
    options: { startupFunctions: [{ function: "Gateway.boot" }] },
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 12,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async method `Gateway.boot`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export class Gateway {",
              "  async boot() {",
              '    return await readFile("gateway.json");',
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: at error, start-up code is a warning",
    code: PROCESS,
    severity: "error",
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "warning",
        message: "`writePidFile` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `Process.start`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `writePidFile`.",
      },
      {
        messageId: "blockingAtStartupSink",
        line: 5,
        column: 41,
        severity: "warning",
        message: "`getPackageJson` calls `readFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `Process.restart`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `getPackageJson`.",
      },
    ],
  },
  {
    name: "start-up: lowerStartup false reports start-up code like the rest",
    code: PROCESS,
    options: { lowerStartup: false },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        severity: "warning",
        message: "`writePidFile` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Process.start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `writePidFile` only outside async code.",
      },
      {
        messageId: "blockingSink",
        line: 5,
        column: 41,
        severity: "warning",
        message: "`getPackageJson` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Process.restart`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `getPackageJson` only outside async code.",
      },
    ],
  },
  {
    name: "start-up: an entry script's const arrow, called twice from its top level",
    code: lines("#!/usr/bin/env node", FS, "const copyTemplate = async (name: string) => {", "  fs.copyFileSync(`templates/${name}`, name);", "};", 'void copyTemplate("README.md");', 'void copyTemplate("LICENSE");'),
    fileName: "bin/init.ts",
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 3,
        severity: "info",
        message: "`copyFileSync` blocks the event loop inside async arrow function `copyTemplate`, which runs only once, as the program starts (only the top level of the entry script `init.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await copyFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            "Use `await copyFile(...)` from `node:fs/promises`",
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { copyFile } from "node:fs/promises";',
              "const copyTemplate = async (name: string) => {",
              "  await copyFile(`templates/${name}`, name);",
              "};",
              'void copyTemplate("README.md");',
              'void copyTemplate("LICENSE");',
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: an async function that a synchronous bootstrap runs, which the top level runs",
    code: lines(
      "#!/usr/bin/env node",
      FS,
      "async function loadPlugins(dir: string) {",
      "  return fs.readdirSync(dir);",
      "}",
      "function bootstrap() {",
      '  void loadPlugins("plugins");',
      "}",
      "bootstrap();",
    ),
    fileName: "bin/app.ts",
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 10,
        severity: "info",
        message: "`readdirSync` blocks the event loop inside async function `loadPlugins`, which runs only once, as the program starts (only the top level of the entry script `app.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readdir(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            "Use `await readdir(...)` from `node:fs/promises`",
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readdir } from "node:fs/promises";',
              "async function loadPlugins(dir: string) {",
              "  return await readdir(dir);",
              "}",
              "function bootstrap() {",
              '  void loadPlugins("plugins");',
              "}",
              "bootstrap();",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: an entry script function that another file's start-up code imports and runs",
    code: lines("#!/usr/bin/env node", FS, "export async function readVersion() {", '  return fs.readFileSync("VERSION", "utf8");', "}", "void readVersion();"),
    fileName: "bin/cli.ts",
    extraFiles: { "bin/tool.ts": lines("#!/usr/bin/env node", 'import { readVersion } from "./cli";', "void readVersion();") },
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 10,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async function `readVersion`, which runs only once, as the program starts (only the top level of the entry script `cli.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function readVersion() {",
              '  return await readFile("VERSION", "utf8");',
              "}",
              "void readVersion();",
            ),
          ],
        ],
      },
    ],
  },
  // --- not start-up code: still at the rule's severity ------------------------------------------
  {
    name: "not start-up: a polling loop that start() runs for as long as the service does",
    code: lines(
      FS,
      'import { setTimeout as sleep } from "node:timers/promises";',
      "export class Watcher {",
      "  running = false;",
      "  async start(file: string) {",
      "    this.running = true;",
      "    while (this.running) {",
      '      const text = fs.readFileSync(file, "utf8");',
      "      if (text.length > 0) this.running = false;",
      "      await sleep(1000);",
      "    }",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 8,
        column: 20,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async method `Watcher.start`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { setTimeout as sleep } from "node:timers/promises";',
              'import { readFile } from "node:fs/promises";',
              "export class Watcher {",
              "  running = false;",
              "  async start(file: string) {",
              "    this.running = true;",
              "    while (this.running) {",
              '      const text = await readFile(file, "utf8");',
              "      if (text.length > 0) this.running = false;",
              "      await sleep(1000);",
              "    }",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's function that a request handler in another file also imports",
    code: lines("#!/usr/bin/env node", FS, "export async function readVersion() {", '  return fs.readFileSync("VERSION", "utf8");', "}", "void readVersion();"),
    fileName: "bin/cli.ts",
    extraFiles: { "routes.ts": lines('import { readVersion } from "./bin/cli";', "export async function version() {", "  return readVersion();", "}") },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `readVersion`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function readVersion() {",
              '  return await readFile("VERSION", "utf8");',
              "}",
              "void readVersion();",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's function imported under another name elsewhere",
    code: lines("#!/usr/bin/env node", FS, "export async function readVersion() {", '  return fs.readFileSync("VERSION", "utf8");', "}", "void readVersion();"),
    fileName: "bin/cli.ts",
    extraFiles: { "tool.ts": lines('import { readVersion as version } from "./bin/cli";', "void version();") },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `readVersion`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function readVersion() {",
              '  return await readFile("VERSION", "utf8");',
              "}",
              "void readVersion();",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's step run by a top-level while loop",
    code: lines("#!/usr/bin/env node", FS, "async function step() {", '  fs.appendFileSync("ticks.log", "tick\\n");', "}", "let ticks = 3;", "while (ticks-- > 0) void step();"),
    fileName: "bin/tick.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 3,
        severity: "warning",
        message: BLOCKS_ON_FS("appendFileSync", "async function `step`", "appendFile"),
        fixes: [
          [
            "Use `await appendFile(...)` from `node:fs/promises`",
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { appendFile } from "node:fs/promises";',
              "async function step() {",
              '  await appendFile("ticks.log", "tick\\n");',
              "}",
              "let ticks = 3;",
              "while (ticks-- > 0) void step();",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's function that calls itself",
    code: lines("#!/usr/bin/env node", FS, "async function walk(dir: string, depth: number): Promise<void> {", "  for (const entry of fs.readdirSync(dir)) if (depth > 0) await walk(`${dir}/${entry}`, depth - 1);", "}", 'void walk(".", 2);'),
    fileName: "bin/walk.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 23,
        severity: "warning",
        message: BLOCKS_ON_FS("readdirSync", "async function `walk`", "readdir"),
        fixes: [
          [
            "Use `await readdir(...)` from `node:fs/promises`",
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readdir } from "node:fs/promises";',
              "async function walk(dir: string, depth: number): Promise<void> {",
              "  for (const entry of await readdir(dir)) if (depth > 0) await walk(`${dir}/${entry}`, depth - 1);",
              "}",
              'void walk(".", 2);',
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: a cache's dump and load of everything it holds, exported for any caller",
    code: CACHE_DUMP,
    fileName: "src/modules/cache.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 3,
        severity: "warning",
        message: BLOCKS_ON_FS("writeFileSync", "async function `dumpWrite`", "writeFile"),
        fixes: [
          [
            WRITE_FILE,
            `${FS}\nimport { writeFile } from "node:fs/promises";\nconst data = new Map<string, string>();\nexport async function dumpWrite(file: string) {\n  await writeFile(file, JSON.stringify(Object.fromEntries(data)));\n  return data.size;\n}\nexport async function dumpRead(file: string) {\n  const fileData = fs.readFileSync(file).toString();\n  for (const [key, value] of Object.entries(JSON.parse(fileData) as Record<string, string>)) data.set(key, value);\n}`,
          ],
        ],
      },
      {
        messageId: "blockingCall",
        line: 8,
        column: 20,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `dumpRead`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `${FS}\nimport { readFile } from "node:fs/promises";\nconst data = new Map<string, string>();\nexport async function dumpWrite(file: string) {\n  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(data)));\n  return data.size;\n}\nexport async function dumpRead(file: string) {\n  const fileData = (await readFile(file)).toString();\n  for (const [key, value] of Object.entries(JSON.parse(fileData) as Record<string, string>)) data.set(key, value);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's request handler, passed by reference",
    code: lines(
      "#!/usr/bin/env node",
      FS,
      'import { createServer, type IncomingMessage, type ServerResponse } from "node:http";',
      "async function handle(req: IncomingMessage, res: ServerResponse) {",
      '  res.end(fs.readFileSync(`public${req.url ?? "/index.html"}`));',
      "}",
      "createServer((req, res) => void handle(req, res)).listen(8080);",
    ),
    fileName: "bin/serve.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 11,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `handle`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { createServer, type IncomingMessage, type ServerResponse } from "node:http";',
              'import { readFile } from "node:fs/promises";',
              "async function handle(req: IncomingMessage, res: ServerResponse) {",
              '  res.end(await readFile(`public${req.url ?? "/index.html"}`));',
              "}",
              "createServer((req, res) => void handle(req, res)).listen(8080);",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's poll, run by a timer",
    code: lines("#!/usr/bin/env node", FS, "async function poll() {", '  return fs.readFileSync("queue.json", "utf8");', "}", "setInterval(() => void poll(), 1000);"),
    fileName: "bin/worker.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `poll`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "async function poll() {",
              '  return await readFile("queue.json", "utf8");',
              "}",
              "setInterval(() => void poll(), 1000);",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's serving loop",
    code: lines(
      "#!/usr/bin/env node",
      FS,
      "declare function nextJob(): Promise<string>;",
      "async function work() {",
      "  while (true) {",
      "    const job = await nextJob();",
      '    fs.appendFileSync("jobs.log", `${job}\\n`);',
      "  }",
      "}",
      "void work();",
    ),
    fileName: "bin/worker.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 7,
        column: 5,
        severity: "warning",
        message: BLOCKS_ON_FS("appendFileSync", "async function `work`", "appendFile"),
        fixes: [
          [
            "Use `await appendFile(...)` from `node:fs/promises`",
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { appendFile } from "node:fs/promises";',
              "declare function nextJob(): Promise<string>;",
              "async function work() {",
              "  while (true) {",
              "    const job = await nextJob();",
              '    await appendFile("jobs.log", `${job}\\n`);',
              "  }",
              "}",
              "void work();",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: a module's exported function that an entry script calls (the package's users may call it too)",
    code: lines(FS, "export async function loadTemplates(dir: string) {", "  return fs.readdirSync(dir);", "}"),
    fileName: "lib/templates.ts",
    extraFiles: { "bin/cli.ts": lines("#!/usr/bin/env node", 'import { loadTemplates } from "../lib/templates";', 'void loadTemplates("templates");') },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readdirSync", "async function `loadTemplates`", "readdir"),
        fixes: [
          [
            "Use `await readdir(...)` from `node:fs/promises`",
            lines(FS, 'import { readdir } from "node:fs/promises";', "export async function loadTemplates(dir: string) {", "  return await readdir(dir);", "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: a helper that start() and a request handler both reach",
    code: lines(
      FS,
      "function readSettings() {",
      '  return fs.readFileSync("settings.json", "utf8");',
      "}",
      "export class Service {",
      "  async start() {",
      "    return readSettings();",
      "  }",
      "  async handle() {",
      "    return readSettings().length;",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        severity: "warning",
        related: [7, 10],
        message: "`readSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from 2 async functions (`Service.start`, `Service.handle`), and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readSettings` only outside async code.",
      },
    ],
  },
  {
    name: "start-up: a shutdown step pushed from stop() runs only where stop() runs the list",
    code: lines(
      FS,
      "function clearPidFile(file: string) {",
      "  fs.unlinkSync(file);",
      "}",
      "export class Process {",
      "  stopInitializers: (() => Promise<void>)[] = [];",
      "  async stop(pidFile: string) {",
      "    this.stopInitializers.push(async () => {",
      "      clearPidFile(pidFile);",
      "    });",
      "    for (const stopper of this.stopInitializers) await stopper();",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "info",
        related: [9],
        message: "`clearPidFile` calls `unlinkSync` here, which waits for the file system, and only start-up code runs it: it is reached from an async arrow function passed to `push`, code that runs only while the program starts or stops, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await unlink(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `clearPidFile`.",
      },
    ],
  },
  {
    name: "not start-up: a method of a class in an entry script (any object of it may run it)",
    code: lines("#!/usr/bin/env node", FS, "class Cli {", "  async exec() {", '    return fs.readFileSync("npmrc", "utf8");', "  }", "}", "void new Cli().exec();"),
    fileName: "bin/cli.ts",
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 12,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async method `Cli.exec`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "class Cli {",
              "  async exec() {",
              '    return await readFile("npmrc", "utf8");',
              "  }",
              "}",
              "void new Cli().exec();",
            ),
          ],
        ],
      },
    ],
  },
  // --- fs, however it is imported, and the fs/promises fix ------------------------------------
  {
    name: "named import: readFile imported from node:fs/promises",
    code: lines('import { readFileSync } from "node:fs";', "async function load(p: string) {", '  return readFileSync(p, "utf8");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: INDIRECT_MESSAGE,
        fixes: [
          [
            READ_FILE,
            lines(
              'import { readFileSync } from "node:fs";',
              'import { readFile } from "node:fs/promises";',
              "async function load(p: string) {",
              '  return await readFile(p, "utf8");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "namespace import, value assigned",
    code: lines(FS, "export async function load(p: string) {", '  const text = fs.readFileSync(p, "utf8");', "  return text.length;", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 16,
        message: INDIRECT_MESSAGE,
        fixes: [
          [
            READ_FILE,
            lines(FS, 'import { readFile } from "node:fs/promises";', "export async function load(p: string) {", '  const text = await readFile(p, "utf8");', "  return text.length;", "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "default import of fs",
    code: lines('import fs from "fs";', "export async function f() {", '  fs.mkdirSync("out", { recursive: true });', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: BLOCKS_ON_FS("mkdirSync", "async function `f`", "mkdir"),
        fixes: [
          [
            "Use `await mkdir(...)` from `node:fs/promises`",
            lines('import fs from "fs";', 'import { mkdir } from "node:fs/promises";', "export async function f() {", '  await mkdir("out", { recursive: true });', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "renamed import: the local name is replaced",
    code: lines('import { readFileSync as read } from "fs";', "export async function f() {", '  return read("a.txt");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines('import { readFileSync as read } from "fs";', 'import { readFile } from "node:fs/promises";', "export async function f() {", '  return await readFile("a.txt");', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "destructured from the module object",
    code: lines(FS, "const { writeFileSync } = fs;", "export async function f(data: string) {", '  writeFileSync("out.txt", data);', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 3,
        message: BLOCKS_ON_FS("writeFileSync", "async function `f`", "writeFile"),
        fixes: [
          [
            WRITE_FILE,
            lines(
              FS,
              'import { writeFile } from "node:fs/promises";',
              "const { writeFileSync } = fs;",
              "export async function f(data: string) {",
              '  await writeFile("out.txt", data);',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "element access with a string literal",
    code: lines(FS, "export async function f() {", '  fs["unlinkSync"]("x");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: BLOCKS_ON_FS("unlinkSync", "async function `f`", "unlink"),
        fixes: [["Use `await unlink(...)` from `node:fs/promises`", lines(FS, 'import { unlink } from "node:fs/promises";', "export async function f() {", '  await unlink("x");', "}")]],
      },
    ],
  },
  {
    name: "re-exported under another name by a project file",
    code: lines('import { readText } from "./io";', "export async function f() {", '  return readText("a.txt", "utf8");', "}"),
    extraFiles: { "io.ts": 'export { readFileSync as readText } from "node:fs";' },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines('import { readText } from "./io";', 'import { readFile } from "node:fs/promises";', "export async function f() {", '  return await readFile("a.txt", "utf8");', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "an existing named import of node:fs/promises is extended",
    code: lines(FS, 'import { writeFile } from "node:fs/promises";', "export async function copy() {", '  await writeFile("b", fs.readFileSync("a"));', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 24,
        message: BLOCKS_ON_FS("readFileSync", "async function `copy`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(FS, 'import { writeFile, readFile } from "node:fs/promises";', "export async function copy() {", '  await writeFile("b", await readFile("a"));', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "an existing namespace import of fs/promises is reused",
    code: lines(FS, 'import * as fsp from "fs/promises";', "export async function f() {", '  await fsp.mkdir("d");', '  return fs.readdirSync("d");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 10,
        message: BLOCKS_ON_FS("readdirSync", "async function `f`", "readdir"),
        fixes: [
          [
            "Use `await readdir(...)` from `node:fs/promises`",
            lines(FS, 'import * as fsp from "fs/promises";', "export async function f() {", '  await fsp.mkdir("d");', '  return await fsp.readdir("d");', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "the name readFile is taken: imported as readFileAsync",
    code: lines(FS, "function readFile() { return 1; }", "export async function f() {", '  return fs.readFileSync("a") ?? readFile();', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile as readFileAsync } from "node:fs/promises";',
              "function readFile() { return 1; }",
              "export async function f() {",
              '  return await readFileAsync("a") ?? readFile();',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "result used as an object: parenthesized",
    code: lines(FS, "export async function f() {", '  return fs.readFileSync("a").toString("hex");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [[READ_FILE, lines(FS, 'import { readFile } from "node:fs/promises";', "export async function f() {", '  return (await readFile("a")).toString("hex");', "}")]],
      },
    ],
  },
  {
    name: "parenthesized at the start of a line after an unterminated one: leading semicolon",
    code: lines(FS, "export async function f() {", '  console.log("reading")', '  fs.readFileSync("a").length', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 3,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(FS, 'import { readFile } from "node:fs/promises";', "export async function f() {", '  console.log("reading")', '  ;(await readFile("a")).length', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "a file descriptor where fs/promises wants a path: no fix",
    code: lines(FS, "export async function f(fd: number) {", "  return fs.readFileSync(fd);", "}"),
    errors: [{ messageId: "blockingCall", line: 3, column: 10, fixes: [], message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile") }],
  },
  {
    name: "statSync with options: no fix (throwIfNoEntry has no promise equivalent)",
    code: lines(FS, "export async function f(p: string) {", "  return fs.statSync(p, { throwIfNoEntry: false })?.size;", "}"),
    errors: [{ messageId: "blockingMetadata", line: 3, column: 10, fixes: [], message: METADATA_CALL("statSync", "async function `f`", "stat") }],
  },
  {
    name: "statSync with one argument",
    code: lines(FS, "export async function f(p: string) {", "  return fs.statSync(p).size;", "}"),
    errors: [
      {
        messageId: "blockingMetadata",
        line: 3,
        column: 10,
        message: METADATA_CALL("statSync", "async function `f`", "stat"),
        fixes: [[STAT, lines(FS, 'import { stat } from "node:fs/promises";', "export async function f(p: string) {", "  return (await stat(p)).size;", "}")]],
      },
    ],
  },
  {
    name: "existsSync is a blocking file-system call too (no fix), one level lower",
    code: lines(FS, "export async function f(p: string) {", "  if (fs.existsSync(p)) return 1;", "  return 0;", "}"),
    errors: [
      {
        messageId: "blockingMetadata",
        line: 3,
        column: 7,
        severity: "info",
        fixes: [],
        message: "`existsSync` blocks the event loop inside async function `f` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead.",
      },
    ],
  },
  {
    name: "CommonJS JavaScript: a require is added after the last one",
    code: lines('"use strict";', 'const fs = require("fs");', "async function list(dir) {", "  return fs.readdirSync(dir);", "}", "module.exports = { list };"),
    fileName: "list.js",
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        message: BLOCKS_ON_FS("readdirSync", "async function `list`", "readdir"),
        fixes: [
          [
            "Use `await readdir(...)` from `node:fs/promises`",
            lines(
              '"use strict";',
              'const fs = require("fs");',
              'const { readdir } = require("node:fs/promises");',
              "async function list(dir) {",
              "  return await readdir(dir);",
              "}",
              "module.exports = { list };",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "JavaScript: a path of unknown type may be a file descriptor: no fix",
    code: lines('const fs = require("fs");', "async function load(p) {", '  return fs.readFileSync(p, "utf8");', "}", "module.exports = { load };"),
    fileName: "load.js",
    errors: [{ messageId: "blockingCall", line: 3, column: 10, fixes: [], message: INDIRECT_MESSAGE }],
  },
  {
    name: "CommonJS JavaScript: destructured require, and an existing require of fs/promises reused",
    code: lines("const { statSync } = require('node:fs');", "const fsp = require('fs/promises');", "async function size(p) {", "  return statSync(p).size;", "}", "module.exports = { size, fsp };"),
    fileName: "size.js",
    errors: [
      {
        messageId: "blockingMetadata",
        line: 4,
        column: 10,
        message: METADATA_CALL("statSync", "async function `size`", "stat"),
        fixes: [
          [
            STAT,
            lines("const { statSync } = require('node:fs');", "const fsp = require('fs/promises');", "async function size(p) {", "  return (await fsp.stat(p)).size;", "}", "module.exports = { size, fsp };"),
          ],
        ],
      },
    ],
  },
  {
    name: "ES module JavaScript: an import is added",
    code: lines("import { readFileSync } from 'node:fs'", "export async function f() {", "  return readFileSync('a')", "}"),
    fileName: "f.mjs",
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines("import { readFileSync } from 'node:fs'", "import { readFile } from 'node:fs/promises'", "export async function f() {", "  return await readFile('a')", "}"),
          ],
        ],
      },
    ],
  },

  // --- child_process, crypto, zlib, Atomics, XHR -----------------------------------------------
  {
    name: "execSync whose value is unused: promisified exec",
    code: lines('import { execSync } from "node:child_process";', "export class Builder {", "  async build() {", '    execSync("npm run build", { cwd: "app" });', "  }", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 5,
        message: "`execSync` blocks the event loop inside async method `Builder.build`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
        fixes: [
          [
            EXEC,
            lines(
              'import { execSync, exec } from "node:child_process";',
              'import { promisify } from "node:util";',
              "export class Builder {",
              "  async build() {",
              '    await promisify(exec)("npm run build", { cwd: "app" });',
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "execSync whose value is used: no fix (exec resolves to { stdout, stderr })",
    code: lines('import { execSync } from "node:child_process";', "export async function f() {", '  return execSync("git rev-parse HEAD").toString();', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        fixes: [],
        message: "`execSync` blocks the event loop inside async function `f`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "execSync with stdio: no fix (exec has no stdio)",
    code: lines('import * as cp from "node:child_process";', "export async function f() {", '  cp.execSync("make", { stdio: "inherit" });', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        fixes: [],
        message: "`execSync` blocks the event loop inside async function `f`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "spawnSync and execFileSync",
    code: lines('import { spawnSync, execFileSync } from "child_process";', "export async function f() {", '  spawnSync("ls");', '  execFileSync("ls");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        fixes: [],
        message: '`spawnSync` blocks the event loop inside async function `f`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `spawn(...)` and `await once(child, "close")` (from `node:events`) instead.',
      },
      {
        messageId: "blockingCall",
        line: 4,
        column: 3,
        fixes: [],
        message: "`execFileSync` blocks the event loop inside async function `f`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(execFile)(...)` (`execFile` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "pbkdf2Sync: promisified pbkdf2, util and crypto imports reused or added",
    code: lines(
      'import * as crypto from "node:crypto";',
      "export async function hash(password: string, salt: Buffer): Promise<Buffer> {",
      '  const key = crypto.pbkdf2Sync(password, salt, 100000, 64, "sha512");',
      "  return key;",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 15,
        message: "`pbkdf2Sync` blocks the event loop inside async function `hash`: while it runs a CPU-heavy computation on the main thread, no other request, timer or callback on this process runs. Use `await promisify(pbkdf2)(...)` (it runs on the libuv thread pool) instead.",
        fixes: [
          [
            PBKDF2,
            lines(
              'import * as crypto from "node:crypto";',
              'import { promisify } from "node:util";',
              "export async function hash(password: string, salt: Buffer): Promise<Buffer> {",
              '  const key = await promisify(crypto.pbkdf2)(password, salt, 100000, 64, "sha512");',
              "  return key;",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "pbkdf2Sync with promisify already imported from util",
    code: lines(
      'import { promisify } from "util";',
      'import { pbkdf2Sync } from "crypto";',
      "export const sleep = promisify(setTimeout);",
      "export async function hash(password: string) {",
      '  return pbkdf2Sync(password, "salt", 1000, 32, "sha256");',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 10,
        message: "`pbkdf2Sync` blocks the event loop inside async function `hash`: while it runs a CPU-heavy computation on the main thread, no other request, timer or callback on this process runs. Use `await promisify(pbkdf2)(...)` (it runs on the libuv thread pool) instead.",
        fixes: [
          [
            PBKDF2,
            lines(
              'import { promisify } from "util";',
              'import { pbkdf2Sync, pbkdf2 } from "crypto";',
              "export const sleep = promisify(setTimeout);",
              "export async function hash(password: string) {",
              '  return await promisify(pbkdf2)(password, "salt", 1000, 32, "sha256");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "scryptSync: reported, no fix (promisify types its result as unknown)",
    code: lines('import { scryptSync } from "node:crypto";', "export async function derive(password: string) {", '  return scryptSync(password, "salt", 64);', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        fixes: [],
        message: "`scryptSync` blocks the event loop inside async function `derive`: while it runs a CPU-heavy computation on the main thread, no other request, timer or callback on this process runs. Use the callback form `scrypt(...)` wrapped in a promise (it runs on the libuv thread pool) instead.",
      },
    ],
  },
  {
    name: "generateKeyPairSync",
    code: lines('import { generateKeyPairSync } from "node:crypto";', "export const keys = async () => generateKeyPairSync(\"ed25519\");"),
    errors: [
      {
        messageId: "blockingCall",
        line: 2,
        column: 33,
        fixes: [],
        message: "`generateKeyPairSync` blocks the event loop inside async arrow function `keys`: while it runs a CPU-heavy computation on the main thread, no other request, timer or callback on this process runs. Use `await promisify(generateKeyPair)(...)` (it runs on the libuv thread pool) instead.",
      },
    ],
  },
  {
    name: "zlib gzipSync: promisified gzip",
    code: lines('import * as zlib from "node:zlib";', "export async function pack(data: Buffer) {", "  return zlib.gzipSync(data, { level: 9 });", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: "`gzipSync` blocks the event loop inside async function `pack`: while it compresses or decompresses the whole buffer on the main thread, no other request, timer or callback on this process runs. Use `await promisify(gzip)(...)` (it runs on the libuv thread pool) instead.",
        fixes: [
          [
            GZIP,
            lines(
              'import * as zlib from "node:zlib";',
              'import { promisify } from "node:util";',
              "export async function pack(data: Buffer) {",
              "  return await promisify(zlib.gzip)(data, { level: 9 });",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "Atomics.wait with waitAsync in the libs",
    code: lines("export async function park(cell: Int32Array) {", "  return Atomics.wait(cell, 0, 0, 100);", "}"),
    compilerOptions: ES2024,
    errors: [
      {
        messageId: "blockingCall",
        line: 2,
        column: 10,
        message: "`Atomics.wait` blocks the event loop inside async function `park`: while it parks the thread until another thread notifies it or the timeout passes, no other request, timer or callback on this process runs. Use `await Atomics.waitAsync(...).value` instead.",
        fixes: [[WAIT_ASYNC, lines("export async function park(cell: Int32Array) {", "  return await Atomics.waitAsync(cell, 0, 0, 100).value;", "}")]],
      },
    ],
  },
  {
    name: "Atomics.wait without waitAsync in the libs: no fix",
    code: lines("export async function park(cell: Int32Array) {", '  if (Atomics.wait(cell, 0, 0) === "ok") return 1;', "  return 0;", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 2,
        column: 7,
        fixes: [],
        message: "`Atomics.wait` blocks the event loop inside async function `park`: while it parks the thread until another thread notifies it or the timeout passes, no other request, timer or callback on this process runs. Use `await Atomics.waitAsync(...).value` instead.",
      },
    ],
  },
  {
    name: "synchronous XMLHttpRequest",
    code: lines("export async function get(url: string) {", "  const xhr = new XMLHttpRequest();", '  xhr.open("GET", url, false);', "  xhr.send();", "  return xhr.responseText;", "}"),
    compilerOptions: DOM,
    errors: [
      {
        messageId: "syncXhr",
        line: 3,
        column: 3,
        fixes: [],
        message: "Synchronous `XMLHttpRequest` (`open(..., false)`) inside async function `get` blocks the thread until the response arrives: meanwhile no other event, timer or callback on this page or worker runs. Use `await fetch(...)`, or pass `true` and wait for the `load` event.",
      },
    ],
  },

  // --- busy-waits -------------------------------------------------------------------------------
  {
    name: "busy-wait on Date.now()",
    code: lines("export async function pause(ms: number) {", "  const end = Date.now() + ms;", "  while (Date.now() < end) {}", "}"),
    errors: [
      {
        messageId: "busyWait",
        line: 3,
        column: 3,
        message: "This loop waits for the clock by spinning inside async function `pause`: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
      },
    ],
  },
  {
    name: "busy-wait on performance.now() in a do-while, counting",
    code: lines("export async function pause(ms: number) {", "  const start = performance.now();", "  let spins = 0;", "  do { spins++; } while (performance.now() - start < ms);", "  return spins;", "}"),
    errors: [
      {
        messageId: "busyWait",
        line: 4,
        column: 3,
        message: "This loop waits for the clock by spinning inside async function `pause`: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
      },
    ],
  },
  {
    name: "busy-wait in a for loop on new Date()",
    code: lines("export const pause = async (ms: number) => {", "  for (const end = Date.now() + ms; new Date().getTime() < end; ) { /* spin */ }", "};"),
    errors: [
      {
        messageId: "busyWait",
        line: 2,
        column: 3,
        message: "This loop waits for the clock by spinning inside async arrow function `pause`: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
      },
    ],
  },

  // --- async contexts -----------------------------------------------------------------------------
  {
    name: "a map callback runs right away: reported, no await fix there",
    code: lines(FS, "export async function sizes(paths: string[]) {", "  return paths.map((p) => fs.statSync(p).size);", "}"),
    errors: [
      {
        messageId: "blockingMetadata",
        line: 3,
        column: 27,
        fixes: [],
        message: METADATA_CALL("statSync", "the `map` callback in async function `sizes`", "stat"),
      },
    ],
  },
  {
    name: "forEach, reduce and Array.from callbacks",
    code: lines(
      FS,
      "export async function f(paths: readonly string[]) {",
      "  paths.forEach((p) => fs.unlinkSync(p));",
      "  const total = paths.reduce((sum, p) => sum + fs.statSync(p).size, 0);",
      "  return Array.from(paths, (p) => fs.realpathSync(p)).length + total;",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 24,
        message: BLOCKS_ON_FS("unlinkSync", "the `forEach` callback in async function `f`", "unlink"),
      },
      {
        messageId: "blockingMetadata",
        line: 4,
        column: 48,
        message: METADATA_CALL("statSync", "the `reduce` callback in async function `f`", "stat"),
      },
      {
        messageId: "blockingMetadata",
        line: 5,
        column: 35,
        message: METADATA_CALL("realpathSync", "the `from` callback in async function `f`", "realpath"),
      },
    ],
  },
  {
    name: "a new Promise executor runs right away",
    code: lines(FS, "export async function f() {", "  return new Promise<string>((resolve) => resolve(fs.readFileSync(\"a\", \"utf8\")));", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 51,
        message: BLOCKS_ON_FS("readFileSync", "the `new Promise` executor in async function `f`", "readFile"),
      },
    ],
  },
  {
    name: "an async IIFE, an async generator and an async object method",
    code: lines(
      FS,
      "void (async () => {",
      '  fs.rmSync("tmp", { recursive: true });',
      "})();",
      "export async function* lines() {",
      '  yield fs.readFileSync("a", "utf8");',
      "}",
      "export const api = {",
      "  async load() {",
      '    return fs.readdirSync(".");',
      "  },",
      "};",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: BLOCKS_ON_FS("rmSync", "an async arrow function", "rm"),
        fixes: [
          [
            "Use `await rm(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { rm } from "node:fs/promises";',
              "void (async () => {",
              '  await rm("tmp", { recursive: true });',
              "})();",
              "export async function* lines() {",
              '  yield fs.readFileSync("a", "utf8");',
              "}",
              "export const api = {",
              "  async load() {",
              '    return fs.readdirSync(".");',
              "  },",
              "};",
            ),
          ],
        ],
      },
      {
        messageId: "blockingCall",
        line: 6,
        column: 9,
        message: BLOCKS_ON_FS("readFileSync", "async generator `lines`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "void (async () => {",
              '  fs.rmSync("tmp", { recursive: true });',
              "})();",
              "export async function* lines() {",
              '  yield await readFile("a", "utf8");',
              "}",
              "export const api = {",
              "  async load() {",
              '    return fs.readdirSync(".");',
              "  },",
              "};",
            ),
          ],
        ],
      },
      {
        messageId: "blockingCall",
        line: 10,
        column: 12,
        message: BLOCKS_ON_FS("readdirSync", "async method `load`", "readdir"),
        fixes: [
          [
            "Use `await readdir(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { readdir } from "node:fs/promises";',
              "void (async () => {",
              '  fs.rmSync("tmp", { recursive: true });',
              "})();",
              "export async function* lines() {",
              '  yield fs.readFileSync("a", "utf8");',
              "}",
              "export const api = {",
              "  async load() {",
              '    return await readdir(".");',
              "  },",
              "};",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "JavaScript with require, destructured",
    code: lines('const { copyFileSync } = require("fs");', "exports.copy = async function copy(a, b) {", "  copyFileSync(a, b);", "};"),
    fileName: "copy.js",
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: BLOCKS_ON_FS("copyFileSync", "async function `copy`", "copyFile"),
        fixes: [
          [
            "Use `await copyFile(...)` from `node:fs/promises`",
            lines('const { copyFileSync } = require("fs");', 'const { copyFile } = require("node:fs/promises");', "exports.copy = async function copy(a, b) {", "  await copyFile(a, b);", "};"),
          ],
        ],
      },
    ],
  },

  // --- through project functions ----------------------------------------------------------------
  {
    name: "two project functions down to readFileSync",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: lines(
      FS,
      "function readConfigFile(path: string) {",
      '  return fs.readFileSync(path, "utf8");',
      "}",
      "function loadConfig() {",
      '  return JSON.parse(readConfigFile("config.json")) as object;',
      "}",
      "export async function start() {",
      "  return loadConfig();",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        related: [9],
        fixes: [],
        message: "`readConfigFile` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readConfigFile` only outside async code.",
      },
    ],
  },
  {
    name: "a method through this",
    code: lines(
      FS,
      "export class Store {",
      "  private load() {",
      '    return fs.readFileSync("db.json");',
      "  }",
      "  async get() {",
      "    return this.load();",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 4,
        column: 12,
        related: [7],
        message: "`Store.load` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Store.get`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Store.load` only outside async code.",
      },
    ],
  },
  {
    name: "a constructor, through new",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: lines(
      FS,
      "class Config {",
      "  readonly text: string;",
      "  constructor(path: string) {",
      '    this.text = fs.readFileSync(path, "utf8");',
      "  }",
      "}",
      "export async function start() {",
      '  return new Config("a.json").text;',
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 17,
        related: [9],
        message: "`new Config` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `new Config` only outside async code.",
      },
    ],
  },
  {
    name: "a synchronous helper declared inside the async function and called there",
    code: lines(FS, "export async function f(paths: string[]) {", "  const exists = (p: string) => fs.existsSync(p);", "  return paths.filter(exists).length > 0 && exists(\"x\");", "}"),
    errors: [
      {
        messageId: "blockingMetadataSink",
        line: 3,
        column: 33,
        related: [4],
        message: "`exists` calls `existsSync` here, one file-system metadata call, and async code runs it: it is reached from async function `f`, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) here and make the functions between here and the async code async, or call `exists` only outside async code.",
      },
    ],
  },
  {
    name: "a busy-wait helper",
    code: lines("function sleepSync(ms: number) {", "  const end = Date.now() + ms;", "  while (Date.now() < end) {}", "}", "export async function retry() {", "  sleepSync(50);", "}"),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [6],
        message: "`sleepSync` spins on the clock here, and async code runs it: it is reached from async function `retry`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `sleepSync` only outside async code.",
      },
    ],
  },
  {
    name: "a project function in another file, imported under another name: reported in the function's file",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: lines('import { readFileSync } from "node:fs";', "export function loadConfig() {", '  return JSON.parse(readFileSync("c.json", "utf8")) as { port: number };', "}"),
    fileName: "config.ts",
    extraFiles: { "server.ts": lines('import { loadConfig as config } from "./config";', "export async function start() {", "  return config().port;", "}") },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 21,
        related: [3],
        message: "`loadConfig` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `loadConfig` only outside async code.",
      },
    ],
  },
  {
    name: "a chain of five functions (the default maxDepth)",
    code: lines(
      FS,
      'function a() { return fs.readFileSync("x"); }',
      "function b() { return a(); }",
      "function c() { return b(); }",
      "function d() { return c(); }",
      "function e() { return d(); }",
      "export async function f() { return e(); }",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 2,
        column: 23,
        related: [7],
        message: "`a` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `f`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `a` only outside async code.",
      },
    ],
  },
  {
    name: "mutual recursion with a blocking call: found once, no endless loop",
    code: lines(
      FS,
      "function walk(dir: string): string[] {",
      "  return fs.readdirSync(dir).flatMap((name) => visit(dir + '/' + name));",
      "}",
      "function visit(path: string): string[] {",
      "  return path.endsWith('.ts') ? [path] : walk(path);",
      "}",
      "export async function list() {",
      "  return walk('src');",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        related: [9],
        message: "`walk` calls `readdirSync` here, which waits for the file system, and async code runs it: it is reached from async function `list`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readdir(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `walk` only outside async code.",
      },
    ],
  },

  // --- one root cause, one finding: at the blocking call, with the async calls as related locations
  {
    name: "a memoized helper reached from handlers in other files: one finding at the blocking call",
    code: SETTINGS,
    fileName: "settings.ts",
    extraFiles: ROUTES,
    // orders.ts 5 and 7, then users.ts 3 and 7 (sorted by file); the synchronous pageSizeFor is not async code.
    errors: [
      {
        messageId: "blockingSink",
        line: 7,
        column: 25,
        related: [5, 7, 3, 7],
        fixes: [],
        message: "`getSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from 4 async functions (`listOrders`, `countOrders`, `listUsers`, …), and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `getSettings` only outside async code.",
      },
    ],
  },
  {
    name: "a direct blocking call stays where it is written; the helper's is reported in the helper",
    code: lines(
      FS,
      'function readTemplate(name: string) { return fs.readFileSync(`templates/${name}.html`, "utf8"); }',
      "export async function render(name: string) {",
      '  const layout = fs.readFileSync("templates/layout.html", "utf8");',
      '  return layout.replace("{{body}}", readTemplate(name));',
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 2,
        column: 46,
        related: [5],
        message: "`readTemplate` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `render`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readTemplate` only outside async code.",
      },
      {
        messageId: "blockingCall",
        line: 4,
        column: 18,
        message: BLOCKS_ON_FS("readFileSync", "async function `render`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              'function readTemplate(name: string) { return fs.readFileSync(`templates/${name}.html`, "utf8"); }',
              "export async function render(name: string) {",
              '  const layout = await readFile("templates/layout.html", "utf8");',
              '  return layout.replace("{{body}}", readTemplate(name));',
              "}",
            ),
          ],
        ],
      },
    ],
  },

  // --- start-up and shutdown: the allow entry covers the code that runs in start(), not what it installs
  {
    name: "allow start: a request handler defined inside start() still runs while serving",
    code: SERVICE([
      "    this.server = createServer(tls, async (req, res) => {",
      '      res.end(readFileSync(`pages${req.url ?? "/index"}.html`));',
      "    });",
    ]),
    options: STARTUP_ALLOW,
    errors: [
      {
        messageId: "blockingCall",
        line: 13,
        column: 15,
        message: BLOCKS_ON_FS("readFileSync", "an async arrow function passed to `createServer`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `import { readFileSync, unlinkSync, writeFileSync } from "node:fs";\nimport { createServer, type Server } from "node:https";\nimport { once } from "node:events";\nimport { readFile } from "node:fs/promises";\ninterface Config { port: number; keyFile: string; certFile: string; pidFile: string }\nexport class Service {\n  private server?: Server;\n  private config?: Config;\n  async start(configPath: string) {\n    const config: Config = JSON.parse(readFileSync(configPath, "utf8"));\n    this.config = config;\n    const tls = { key: readFileSync(config.keyFile), cert: readFileSync(config.certFile) };\n    this.server = createServer(tls, async (req, res) => {\n      res.end(await readFile(\`pages\${req.url ?? "/index"}.html\`));\n    });\n    this.server.listen(config.port);\n    await once(this.server, "listening");\n    writeFileSync(config.pidFile, String(process.pid));\n  }\n  async stop() {\n    await new Promise((resolve) => this.server?.close(resolve));\n    if (this.config) unlinkSync(this.config.pidFile);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "allow start: a timer started in start() runs later",
    code: lines(
      'import { readFileSync } from "node:fs";',
      "export class CertWatcher {",
      "  cert = Buffer.alloc(0);",
      "  async start() {",
      '    this.cert = readFileSync("tls/cert.pem");',
      "    setInterval(async () => {",
      '      this.cert = readFileSync("tls/cert.pem");',
      "    }, 3_600_000).unref();",
      "  }",
      "}",
    ),
    options: STARTUP_ALLOW,
    errors: [
      {
        messageId: "blockingCall",
        line: 7,
        column: 19,
        message: BLOCKS_ON_FS("readFileSync", "an async arrow function passed to `setInterval`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              'import { readFileSync } from "node:fs";',
              'import { readFile } from "node:fs/promises";',
              "export class CertWatcher {",
              "  cert = Buffer.alloc(0);",
              "  async start() {",
              '    this.cert = readFileSync("tls/cert.pem");',
              "    setInterval(async () => {",
              '      this.cert = await readFile("tls/cert.pem");',
              "    }, 3_600_000).unref();",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "allow start: a helper that start() and a request handler both call counts only the handler",
    code: lines(
      'import { readFileSync } from "node:fs";',
      'import { createServer } from "node:http";',
      "function template(name: string) {",
      '  return readFileSync(`templates/${name}.html`, "utf8");',
      "}",
      "async function render(page: string) {",
      "  return template(page);",
      "}",
      "export async function start() {",
      '  template("layout");',
      "  createServer(async (req, res) => res.end(await render(req.url ?? \"index\"))).listen(8080);",
      "}",
    ),
    options: STARTUP_ALLOW,
    errors: [
      {
        messageId: "blockingSink",
        line: 4,
        column: 10,
        related: [7],
        message: "`template` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `render`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `template` only outside async code.",
      },
    ],
  },

  // --- cost classes: one metadata call is reported one level lower than work that takes as long as it takes
  {
    name: "one existence check per launch, and a helper that checks a directory: metadata, one level lower",
    code: LAUNCHER,
    errors: [
      {
        messageId: "blockingMetadataSink",
        line: 5,
        column: 5,
        severity: "info",
        related: [16],
        message:
          "`isWritableDirectory` calls `accessSync` here, one file-system metadata call, and async code runs it: it is reached from async method `BrowserLauncher.launch`, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `isWritableDirectory` only outside async code.",
      },
      {
        messageId: "blockingMetadata",
        line: 13,
        column: 10,
        severity: "info",
        message:
          "`existsSync` blocks the event loop inside async method `BrowserLauncher.launch` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead.",
        fixes: [],
      },
    ],
  },
  {
    name: "the rule at error: metadata calls are warnings",
    code: LAUNCHER,
    severity: "error",
    errors: [
      {
        messageId: "blockingMetadataSink",
        line: 5,
        column: 5,
        severity: "warning",
        message: "`isWritableDirectory` calls `accessSync` here, one file-system metadata call, and async code runs it: it is reached from async method `BrowserLauncher.launch`, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `isWritableDirectory` only outside async code.",
      },
      {
        messageId: "blockingMetadata",
        line: 13,
        column: 10,
        severity: "warning",
        message: "`existsSync` blocks the event loop inside async method `BrowserLauncher.launch` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead.",
      },
    ],
  },
  {
    name: "a pid file checked, then removed: the check is metadata, the removal is not",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: PID_STOP,
    errors: [
      {
        messageId: "blockingMetadata",
        line: 5,
        column: 9,
        severity: "info",
        message: "`existsSync` blocks the event loop inside async method `ServerProcess.stop` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead.",
      },
      {
        messageId: "blockingCall",
        line: 5,
        column: 38,
        severity: "warning",
        message: BLOCKS_ON_FS("unlinkSync", "async method `ServerProcess.stop`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            `${FS}\nimport { unlink } from "node:fs/promises";\nexport class ServerProcess {\n  constructor(private readonly pidFile: string) {}\n  async stop() {\n    if (fs.existsSync(this.pidFile)) await unlink(this.pidFile);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "the rule at error: the removal is an error, the check a warning",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: PID_STOP,
    severity: "error",
    errors: [
      {
        messageId: "blockingMetadata",
        line: 5,
        column: 9,
        severity: "warning",
        message: "`existsSync` blocks the event loop inside async method `ServerProcess.stop` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) instead.",
      },
      {
        messageId: "blockingCall",
        line: 5,
        column: 38,
        severity: "error",
        message: BLOCKS_ON_FS("unlinkSync", "async method `ServerProcess.stop`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            `${FS}\nimport { unlink } from "node:fs/promises";\nexport class ServerProcess {\n  constructor(private readonly pidFile: string) {}\n  async stop() {\n    if (fs.existsSync(this.pidFile)) await unlink(this.pidFile);\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "every metadata call of the catalogue; calls that change metadata are not metadata calls",
    code: lines(
      FS,
      "export async function inspect(p: string, fd: number) {",
      "  fs.accessSync(p);",
      "  fs.lstatSync(p);",
      "  fs.fstatSync(fd);",
      "  fs.statfsSync(p);",
      "  fs.readlinkSync(p);",
      "  fs.realpathSync.native(p);",
      "  fs.mkdirSync(p);",
      "  fs.chmodSync(p, 0o644);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingMetadata",
        line: 3,
        column: 3,
        severity: "info",
        message: METADATA_CALL("accessSync", "async function `inspect`", "access"),
        fixes: [
          [
            "Use `await access(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { access } from "node:fs/promises";',
              "export async function inspect(p: string, fd: number) {",
              "  await access(p);",
              "  fs.lstatSync(p);",
              "  fs.fstatSync(fd);",
              "  fs.statfsSync(p);",
              "  fs.readlinkSync(p);",
              "  fs.realpathSync.native(p);",
              "  fs.mkdirSync(p);",
              "  fs.chmodSync(p, 0o644);",
              "}",
            ),
          ],
        ],
      },
      {
        messageId: "blockingMetadata",
        line: 4,
        column: 3,
        severity: "info",
        message: METADATA_CALL("lstatSync", "async function `inspect`", "lstat"),
        fixes: [
          [
            "Use `await lstat(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { lstat } from "node:fs/promises";',
              "export async function inspect(p: string, fd: number) {",
              "  fs.accessSync(p);",
              "  await lstat(p);",
              "  fs.fstatSync(fd);",
              "  fs.statfsSync(p);",
              "  fs.readlinkSync(p);",
              "  fs.realpathSync.native(p);",
              "  fs.mkdirSync(p);",
              "  fs.chmodSync(p, 0o644);",
              "}",
            ),
          ],
        ],
      },
      {
        messageId: "blockingMetadata",
        line: 5,
        column: 3,
        severity: "info",
        message: "`fstatSync` blocks the event loop inside async function `inspect` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use a `FileHandle` from `await open(...)` in `node:fs/promises` instead.",
      },
      {
        messageId: "blockingMetadata",
        line: 6,
        column: 3,
        severity: "info",
        message: "`statfsSync` blocks the event loop inside async function `inspect` for one file-system metadata call: cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use the asynchronous `statfs` from `node:fs/promises` instead.",
      },
      {
        messageId: "blockingMetadata",
        line: 7,
        column: 3,
        severity: "info",
        message: METADATA_CALL("readlinkSync", "async function `inspect`", "readlink"),
        fixes: [
          [
            "Use `await readlink(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { readlink } from "node:fs/promises";',
              "export async function inspect(p: string, fd: number) {",
              "  fs.accessSync(p);",
              "  fs.lstatSync(p);",
              "  fs.fstatSync(fd);",
              "  fs.statfsSync(p);",
              "  await readlink(p);",
              "  fs.realpathSync.native(p);",
              "  fs.mkdirSync(p);",
              "  fs.chmodSync(p, 0o644);",
              "}",
            ),
          ],
        ],
      },
      {
        messageId: "blockingMetadata",
        line: 8,
        column: 3,
        severity: "info",
        message: METADATA_CALL("realpathSync.native", "async function `inspect`", "realpath"),
      },
      {
        messageId: "blockingCall",
        line: 9,
        column: 3,
        severity: "warning",
        message: BLOCKS_ON_FS("mkdirSync", "async function `inspect`", "mkdir"),
        fixes: [
          [
            "Use `await mkdir(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { mkdir } from "node:fs/promises";',
              "export async function inspect(p: string, fd: number) {",
              "  fs.accessSync(p);",
              "  fs.lstatSync(p);",
              "  fs.fstatSync(fd);",
              "  fs.statfsSync(p);",
              "  fs.readlinkSync(p);",
              "  fs.realpathSync.native(p);",
              "  await mkdir(p);",
              "  fs.chmodSync(p, 0o644);",
              "}",
            ),
          ],
        ],
      },
      {
        messageId: "blockingCall",
        line: 10,
        column: 3,
        severity: "warning",
        message: BLOCKS_ON_FS("chmodSync", "async function `inspect`", "chmod"),
        fixes: [
          [
            "Use `await chmod(...)` from `node:fs/promises`",
            lines(
              FS,
              'import { chmod } from "node:fs/promises";',
              "export async function inspect(p: string, fd: number) {",
              "  fs.accessSync(p);",
              "  fs.lstatSync(p);",
              "  fs.fstatSync(fd);",
              "  fs.statfsSync(p);",
              "  fs.readlinkSync(p);",
              "  fs.realpathSync.native(p);",
              "  fs.mkdirSync(p);",
              "  await chmod(p, 0o644);",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a helper that checks, then reads: reported for the read, at the rule's severity",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: lines(
      'import { existsSync, readFileSync } from "node:fs";',
      "function readPackageVersion(file: string): string {",
      '  if (!existsSync(file)) return "0.0.0";',
      '  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;',
      "}",
      "export async function start(log: (line: string) => void) {",
      '  log(`v${readPackageVersion("package.json")}`);',
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 4,
        column: 22,
        severity: "warning",
        related: [7],
        message: "`readPackageVersion` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readPackageVersion` only outside async code.",
      },
    ],
  },
  {
    name: "a helper that checks, then calls a helper that reads: reported for the read",
    code: lines(
      FS,
      'import * as path from "node:path";',
      "export function readPackageJSON(file: string) {",
      "  return JSON.parse(fs.readFileSync(file).toString()) as { version: string };",
      "}",
      "export function getVersion(projectRoot: string): string {",
      '  const parentPackageJSON = path.join(projectRoot, "package.json");',
      "  if (fs.existsSync(parentPackageJSON)) {",
      "    return readPackageJSON(parentPackageJSON).version;",
      "  }",
      '  return readPackageJSON(path.join(import.meta.dirname, "..", "package.json")).version;',
      "}",
      "export async function version(projectRoot: string) {",
      "  console.log(getVersion(projectRoot));",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 4,
        column: 21,
        severity: "warning",
        related: [14],
        message: "`readPackageJSON` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `version`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readPackageJSON` only outside async code.",
      },
    ],
  },
  {
    name: "checks found before the read, several helpers up: the callers recorded for a check are reported for the read",
    // Start-up code (`start`, `stop`) reported like the rest: the chain or cost is what this case pins.
    options: { lowerStartup: false },
    code: lines(
      FS,
      "function exists(p: string) {",
      "  return fs.existsSync(p);",
      "}",
      "function settingsFor(env: string) {",
      "  if (!exists(`config/${env}`)) return {};",
      "  return loadConfig(`config/${env}/settings.json`);",
      "}",
      "function loadConfig(p: string) {",
      "  if (!exists(p)) return {};",
      "  return readJson(p);",
      "}",
      "function readJson(p: string) {",
      "  return JSON.parse(readText(p)) as object;",
      "}",
      "function readText(p: string) {",
      '  return fs.readFileSync(p, "utf8");',
      "}",
      "export async function start(env: string) {",
      "  return settingsFor(env);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 17,
        column: 10,
        severity: "warning",
        related: [20],
        message: "`readText` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readText` only outside async code.",
      },
    ],
  },
  // --- options ----------------------------------------------------------------------------------
  {
    name: "blockingCalls: an extra API by module and name, with a replacement",
    code: lines('import Database from "better-sqlite3";', "declare const db: Database;", "export async function count() {", '  return db.prepare("select 1").get();', "}"),
    extraFiles: {
      "sqlite.d.ts": lines(
        'declare module "better-sqlite3" {',
        "  interface Statement { get(): unknown; }",
        "  class Database { prepare(sql: string): Statement; }",
        "  export = Database;",
        "}",
      ),
    },
    options: { blockingCalls: [{ module: "better-sqlite3", name: "Statement.{get,all,run}", replacement: "a query on a worker thread" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        fixes: [],
        message: "`Statement.get` blocks the event loop inside async function `count`: while it blocks until its work is done, no other request, timer or callback on this process runs. Use a query on a worker thread instead.",
      },
    ],
  },
  {
    name: "ignoreCalls turns off one entry, not its neighbours",
    code: lines(FS, "export async function f(p: string) {", "  return fs.existsSync(p) ? fs.readFileSync(p) : undefined;", "}"),
    options: { ignoreCalls: [{ module: "node:fs", name: "existsSync" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 29,
        message: BLOCKS_ON_FS("readFileSync", "async function `f`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function f(p: string) {",
              "  return fs.existsSync(p) ? await readFile(p) : undefined;",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "allow by function covers only that function",
    code: lines(FS, "export async function main() {", '  fs.readFileSync("a");', "}", "export async function serve() {", '  fs.readFileSync("b");', "}"),
    options: { allow: [{ function: "main" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 6,
        column: 3,
        message: BLOCKS_ON_FS("readFileSync", "async function `serve`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function main() {",
              '  fs.readFileSync("a");',
              "}",
              "export async function serve() {",
              '  await readFile("b");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a command in the folder a package.json bin names (built from src/bin/ to dist/bin/)",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/modules/utils/fileUtils.ts": FILE_UTILS },
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 6,
        column: 22,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async method `GenerateAction.run`, which runs as a one-shot command (it is in the command-line program's folder `src/bin/`, from the package.json `bin`): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            `${FS}\nimport { createFileSafely } from "../../../modules/utils/fileUtils";\nimport { readFile } from "node:fs/promises";\nexport class GenerateAction {\n  name = "generate-action";\n  async run({ name }: { name: string }) {\n    const template = await readFile("templates/action.ts.template", "utf8");\n    return createFileSafely(\`src/actions/\${name}.ts\`, template.replace(/%%name%%/g, name));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a library helper that only the commands reach",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/bin/methods/generate/action.ts": GENERATE_ACTION },
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 8,
        column: 3,
        severity: "info",
        related: [7],
        message: "`createFileSafely` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `GenerateAction.run`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `createFileSafely`.",
      },
    ],
  },
  {
    name: "command-line folder: a library helper that the commands and a server's start() reach",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: {
      "package.json": CLI_PACKAGE,
      "src/bin/app.ts": BIN_ENTRY,
      "src/bin/runner.ts": BIN_RUNNER,
      "src/bin/methods/generate/action.ts": GENERATE_ACTION,
      "src/server.ts": lines(
        'import { createFileSafely } from "./modules/utils/fileUtils";',
        "export class Server {",
        "  async start(): Promise<void> {",
        '    createFileSafely("server.pid", String(process.pid));',
        "  }",
        "}",
      ),
    },
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 8,
        column: 3,
        severity: "info",
        related: [7, 4],
        message: "`createFileSafely` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from 2 async functions (`GenerateAction.run`, `Server.start`), code that runs only while the program starts or stops, or as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `createFileSafely`.",
      },
    ],
  },
  {
    name: "command-line folder: a JavaScript bin that is its own source (bin/npm-cli.js gives bin/)",
    code: lines(
      'const fs = require("node:fs");',
      "class VersionCommand {",
      "  async exec() {",
      '    console.log(fs.readFileSync(__dirname + "/../package.json", "utf8"));',
      "  }",
      "}",
      "module.exports = VersionCommand;",
    ),
    fileName: "bin/commands/version.js",
    extraFiles: {
      "package.json": JSON.stringify({ name: "tool", main: "./lib/index.js", bin: { tool: "bin/npm-cli.js" } }),
      "bin/npm-cli.js": lines("#!/usr/bin/env node", 'require("../lib/cli.js")(process);'),
      "lib/cli.js": lines("module.exports = async (process) => {", "  const Command = require(`../bin/commands/${process.argv[2]}.js`);", "  await new Command().exec();", "};"),
      "lib/index.js": "module.exports = {};",
    },
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 17,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async method `VersionCommand.exec`, which runs as a one-shot command (it is in the command-line program's folder `bin/`, from the package.json `bin`): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            lines(
              'const fs = require("node:fs");',
              'const { readFile } = require("node:fs/promises");',
              "class VersionCommand {",
              "  async exec() {",
              '    console.log(await readFile(__dirname + "/../package.json", "utf8"));',
              "  }",
              "}",
              "module.exports = VersionCommand;",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a bin at the package root names no folder",
    code: lines(FS, "export async function printVersion() {", '  console.log(fs.readFileSync("package.json", "utf8"));', "}"),
    fileName: "cli.ts",
    extraFiles: { "package.json": JSON.stringify({ name: "tool", bin: "cli.js" }) },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 15,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `printVersion`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function printVersion() {",
              '  console.log(await readFile("package.json", "utf8"));',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a bin built to the top of outDir is in the rootDir, the whole library's folder",
    code: lines(FS, "export async function loadConfig() {", '  return fs.readFileSync("config.json", "utf8");', "}"),
    fileName: "src/config.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": JSON.stringify({ name: "tool", main: "dist/index.js", bin: "dist/cli.js" }), "src/cli.ts": BIN_ENTRY, "src/runner.ts": BIN_RUNNER },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `loadConfig`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function loadConfig() {",
              '  return await readFile("config.json", "utf8");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a library helper that a command and a request handler both reach",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: {
      "package.json": CLI_PACKAGE,
      "src/bin/app.ts": BIN_ENTRY,
      "src/bin/runner.ts": BIN_RUNNER,
      "src/bin/methods/generate/action.ts": GENERATE_ACTION,
      "src/servers/upload.ts": lines(
        'import { createFileSafely } from "../modules/utils/fileUtils";',
        "export async function upload(name: string, body: string) {",
        "  createFileSafely(`uploads/${name}`, body);",
        "}",
      ),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 8,
        column: 3,
        severity: "warning",
        related: [7, 3],
        message: "`createFileSafely` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from 2 async functions (`GenerateAction.run`, `upload`), and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `createFileSafely` only outside async code.",
      },
    ],
  },
  {
    name: "command-line folder: a server that a command starts runs its request handler from outside the folder",
    code: HANDLER,
    fileName: "src/servers/handler.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: {
      "package.json": CLI_PACKAGE,
      "src/bin/app.ts": BIN_ENTRY,
      "src/bin/runner.ts": BIN_RUNNER,
      "src/bin/methods/start.ts": lines(
        'import * as http from "node:http";',
        'import { handle } from "../../servers/handler";',
        "export class StartCLI {",
        "  async run() {",
        "    const server = http.createServer((req, res) => void handle(req, res));",
        "    await new Promise<void>((resolve) => server.listen(8080, resolve));",
        "    return true;",
        "  }",
        "}",
      ),
    },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 11,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `handle`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `${FS}\nimport type { IncomingMessage, ServerResponse } from "node:http";\nimport { readFile } from "node:fs/promises";\nexport async function handle(req: IncomingMessage, res: ServerResponse) {\n  res.end(await readFile("public/index.html"));\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a bin folder that holds the package's main entry is the library's folder",
    code: lines(FS, "export async function loadConfig() {", '  return fs.readFileSync("config.json", "utf8");', "}"),
    fileName: "bin/config.ts",
    extraFiles: { "package.json": JSON.stringify({ name: "tool", main: "bin/index.js", bin: { tool: "bin/cli.js" } }), "bin/cli.ts": BIN_ENTRY, "bin/index.ts": "export {};", "bin/runner.ts": BIN_RUNNER },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `loadConfig`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function loadConfig() {",
              '  return await readFile("config.json", "utf8");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a bin folder that holds the package's exports entry is the library's folder",
    code: lines(FS, "export async function loadConfig() {", '  return fs.readFileSync("config.json", "utf8");', "}"),
    fileName: "src/bin/config.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: {
      "package.json": JSON.stringify({ name: "tool", exports: { ".": { import: "./dist/bin/index.js", require: "./dist/bin/index.cjs" } }, bin: { tool: "dist/bin/app.js" } }),
      "src/bin/app.ts": BIN_ENTRY,
      "src/bin/index.ts": "export {};",
      "src/bin/runner.ts": BIN_RUNNER,
    },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `loadConfig`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function loadConfig() {",
              '  return await readFile("config.json", "utf8");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a watch loop in a command runs for as long as the program does",
    code: lines(
      FS,
      'import { setTimeout as sleep } from "node:timers/promises";',
      "export class WatchCLI {",
      "  async run() {",
      "    while (true) {",
      '      console.log(fs.readFileSync("status.txt", "utf8"));',
      "      await sleep(1000);",
      "    }",
      "  }",
      "}",
    ),
    fileName: "src/bin/methods/watch.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER },
    errors: [
      {
        messageId: "blockingCall",
        line: 6,
        column: 19,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async method `WatchCLI.run`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { setTimeout as sleep } from "node:timers/promises";',
              'import { readFile } from "node:fs/promises";',
              "export class WatchCLI {",
              "  async run() {",
              "    while (true) {",
              '      console.log(await readFile("status.txt", "utf8"));',
              "      await sleep(1000);",
              "    }",
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: lowerStartup false reports the commands like the rest",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    compilerOptions: BUILT_FROM_SRC,
    options: { lowerStartup: false },
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/modules/utils/fileUtils.ts": FILE_UTILS },
    errors: [
      {
        messageId: "blockingCall",
        line: 6,
        column: 22,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async method `GenerateAction.run`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `${FS}\nimport { createFileSafely } from "../../../modules/utils/fileUtils";\nimport { readFile } from "node:fs/promises";\nexport class GenerateAction {\n  name = "generate-action";\n  async run({ name }: { name: string }) {\n    const template = await readFile("templates/action.ts.template", "utf8");\n    return createFileSafely(\`src/actions/\${name}.ts\`, template.replace(/%%name%%/g, name));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "command-line folder: a bin whose built file maps to no source of the program names no folder",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": JSON.stringify({ name: "app", main: "dist/index.js", bin: { app: "dist/bin/missing.js" } }), "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/modules/utils/fileUtils.ts": FILE_UTILS },
    errors: [
      {
        messageId: "blockingCall",
        line: 6,
        column: 22,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async method `GenerateAction.run`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `${FS}\nimport { createFileSafely } from "../../../modules/utils/fileUtils";\nimport { readFile } from "node:fs/promises";\nexport class GenerateAction {\n  name = "generate-action";\n  async run({ name }: { name: string }) {\n    const template = await readFile("templates/action.ts.template", "utf8");\n    return createFileSafely(\`src/actions/\${name}.ts\`, template.replace(/%%name%%/g, name));\n  }\n}`,
          ],
        ],
      },
    ],
  },
  // --- files only the command-line program reaches (the module graph) ------------------------
  {
    name: "command-line only: npm's shape, an error log written by a helper only the program's files reach",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    extraFiles: NPM_FILES,
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 14,
        column: 5,
        severity: "info",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `Npm.handleError`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `Npm.writeErrorLog`.",
      },
    ],
  },
  {
    name: "command-line only: npm's shape, a command loaded by a template require with a literal folder",
    code: NPM_VERSION_COMMAND,
    fileName: "lib/commands/version.js",
    extraFiles: NPM_FILES_FOR_COMMAND,
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 4,
        column: 28,
        severity: "info",
        message: "`readFileSync` blocks the event loop inside async method `Version.exec`, which runs as a one-shot command (only the command-line program `bin/cli.js` of the package.json `bin` reaches its file; no `main` or `exports` entry does): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            `const fs = require("node:fs");\nconst { readFile } = require("node:fs/promises");\nclass Version {\n  async exec() {\n    console.log(JSON.parse(await readFile(\`\${__dirname}/../../package.json\`, "utf8")).version);\n  }\n}\nmodule.exports = Version;`,
          ],
        ],
      },
    ],
  },
  {
    name: "command-line only: the main module's own program branch (an ESM entry checking process.argv[1]), no bin",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: {
      ...ESM_FILES,
      "package.json": JSON.stringify({ name: "tool", type: "module", exports: { ".": "./dist/index.js" } }),
      "src/index.ts": lines('import { fileURLToPath } from "node:url";', 'export { parse } from "./parse.js";', "if (process.argv[1] === fileURLToPath(import.meta.url)) {", '  const { run } = await import("./commands/run.js");', "  await run(process.argv.slice(2));", "}"),
    },
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "info",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async function `run`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `writeReport`.",
      },
    ],
  },
  {
    name: "command-line only: the main module's program branch written as `require.main === module && require(...)`",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    extraFiles: { ...NPM_FILES, "index.js": lines('require.main === module && require("./lib/cli.js")(process);', "module.exports = { version: \"1.0.0\" };") },
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 14,
        column: 5,
        severity: "info",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async method `Npm.handleError`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `Npm.writeErrorLog`.",
      },
    ],
  },
  {
    name: "command-line only: an ES module library entry that runs the program under `import.meta.main`",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: {
      ...ESM_FILES,
      "src/index.ts": lines('export { parse } from "./parse.js";', "if ((import.meta as { main?: boolean }).main) {", '  const { run } = await import("./commands/run.js");', "  await run(process.argv.slice(2));", "}"),
    },
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "info",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async function `run`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `writeReport`.",
      },
    ],
  },
  {
    name: "command-line only: an ES module package with an exports map, a report written by a command",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: ESM_FILES,
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "info",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async function `run`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `writeReport`.",
      },
    ],
  },
  {
    name: "command-line only: the library exports the synchronous helper, only the command's async code calls it",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: { ...ESM_FILES, "src/index.ts": lines('export { parse } from "./parse.js";', 'export { writeReport } from "./report.js";') },
    errors: [
      {
        messageId: "blockingAtStartupSink",
        line: 3,
        column: 3,
        severity: "info",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and only start-up code runs it: it is reached from async function `run`, code that runs only as one-shot commands of the command-line program, and each of those calls is a related location. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or accept it with an `allow` entry naming `writeReport`.",
      },
    ],
  },
  {
    name: "command-line only: a library and a CLI, the main imports the same lib: the library's code stays at the rule's severity",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    extraFiles: { ...NPM_FILES, "index.js": 'module.exports = require("./lib/npm.js");' },
    errors: [
      {
        messageId: "blockingSink",
        line: 14,
        column: 5,
        severity: "warning",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Npm.handleError`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Npm.writeErrorLog` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: the main's else branch (not the main module) exports the lib: library code",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    extraFiles: {
      ...NPM_FILES,
      "index.js": lines("if (require.main === module) {", '  require("./lib/cli.js")(process);', "} else {", '  module.exports = require("./lib/npm.js");', "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 14,
        column: 5,
        severity: "warning",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Npm.handleError`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Npm.writeErrorLog` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: a package with neither main nor exports may be imported anywhere: nothing is lowered",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    extraFiles: { ...NPM_FILES, "package.json": JSON.stringify({ name: "cli", bin: { cli: "bin/cli.js" } }) },
    errors: [
      {
        messageId: "blockingSink",
        line: 14,
        column: 5,
        severity: "warning",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Npm.handleError`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Npm.writeErrorLog` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: the library entry loads a module it computes at run time: it may reach any file",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    extraFiles: { ...NPM_FILES, "index.js": "module.exports = (name) => require(`${process.env.PLUGIN_ROOT}/${name}`);" },
    errors: [
      {
        messageId: "blockingSink",
        line: 14,
        column: 5,
        severity: "warning",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Npm.handleError`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Npm.writeErrorLog` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: an exports map subpath that names the command's module makes it library code",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: { ...ESM_FILES, "package.json": JSON.stringify({ name: "tool", type: "module", exports: { ".": "./dist/index.js", "./commands/*": "./dist/commands/*.js" }, bin: { tool: "dist/cli.js" } }) },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        severity: "warning",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `run`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `writeReport` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: the library re-exports the command: its async code is library code",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: { ...ESM_FILES, "src/index.ts": lines('export { parse } from "./parse.js";', 'export { run } from "./commands/run.js";') },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        severity: "warning",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `run`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `writeReport` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: a main whose source is not in the program: nothing is lowered",
    code: ESM_REPORT,
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: { ...ESM_FILES, "package.json": JSON.stringify({ name: "tool", main: "lib/index.js", bin: { tool: "dist/cli.js" } }) },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        severity: "warning",
        related: [4],
        message: "`writeReport` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `run`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `writeReport` only outside async code.",
      },
    ],
  },
  {
    name: "command-line only: lowerStartup false reports the program's files like the rest",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    options: { lowerStartup: false },
    extraFiles: NPM_FILES,
    errors: [
      {
        messageId: "blockingSink",
        line: 14,
        column: 5,
        severity: "warning",
        related: [11],
        message: "`Npm.writeErrorLog` calls `writeFileSync` here, which waits for the file system, and async code runs it: it is reached from async method `Npm.handleError`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await writeFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Npm.writeErrorLog` only outside async code.",
      },
    ],
  },
];

const valid: ValidCase[] = [
  {
    name: "command-line folder: the entry script reads its package.json at the top level, before anything async",
    code: lines(
      "#!/usr/bin/env node",
      FS,
      'import { run } from "./runner";',
      'const pkg = JSON.parse(fs.readFileSync(`${__dirname}/../../package.json`, "utf8")) as { version: string };',
      'if (process.argv.includes("--version")) console.log(pkg.version);',
      "else void run(process.argv.slice(2));",
    ),
    fileName: "src/bin/app.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/runner.ts": BIN_RUNNER },
  },
  {
    name: "command-line folder: the commands accepted by an allow entry for the folder",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    compilerOptions: BUILT_FROM_SRC,
    options: { allow: [{ file: "**/src/bin/**" }] },
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/modules/utils/fileUtils.ts": FILE_UTILS },
  },
  {
    name: "command-line folder: an allow entry for the folder covers the helper only the commands reach",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    options: { allow: [{ file: "**/src/bin/**" }] },
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/bin/methods/generate/action.ts": GENERATE_ACTION },
  },
  {
    name: "command-line folder: the helper only the commands reach, accepted by the allow entry its message names",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    options: { allow: [{ function: ["createFileSafely", "fileExists"] }] },
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/bin/methods/generate/action.ts": GENERATE_ACTION },
  },
  {
    name: "command-line folder: the helper's write suppressed with a reason",
    code: FILE_UTILS.replace("  fs.writeFileSync(", "  // concurrency-lint-disable-next-line blocking-call-in-async -- only the generate commands write files\n  fs.writeFileSync("),
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/bin/methods/generate/action.ts": GENERATE_ACTION },
  },
  {
    name: "command-line folder: a command's template read suppressed with a reason",
    code: GENERATE_ACTION.replace("    const template =", "    // concurrency-lint-disable-next-line blocking-call-in-async -- one template per command run\n    const template ="),
    fileName: "src/bin/methods/generate/action.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/modules/utils/fileUtils.ts": FILE_UTILS },
  },
  {
    name: "command-line folder: a command's template read with ignoreCalls for readFileSync",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    compilerOptions: BUILT_FROM_SRC,
    options: { ignoreCalls: [{ module: "fs", name: "readFileSync" }] },
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/modules/utils/fileUtils.ts": FILE_UTILS },
  },
  {
    name: "command-line folder: a command that reads its template with fs/promises",
    code: lines(
      'import { readFile, writeFile } from "node:fs/promises";',
      "export class GenerateTaskCLI {",
      "  async run({ name }: Record<string, string>) {",
      '    const template = await readFile("templates/task.ts.template", "utf8");',
      "    await writeFile(`src/tasks/${name}.ts`, template);",
      "    return true;",
      "  }",
      "}",
    ),
    fileName: "src/bin/methods/generate/task.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER },
  },
  {
    name: "command-line folder: a command that reads its template with the callback API",
    code: lines(
      FS,
      "export class GeneratePluginCLI {",
      "  run({ name }: Record<string, string>) {",
      "    return new Promise<boolean>((resolve, reject) => {",
      '      fs.readFile("templates/plugin.ts.template", "utf8", (error, template) => {',
      "        if (error) reject(error);",
      "        else fs.writeFile(`plugins/${name}.ts`, template, (written) => (written ? reject(written) : resolve(true)));",
      "      });",
      "    });",
      "  }",
      "}",
    ),
    fileName: "src/bin/methods/generate/plugin.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER },
  },
  {
    name: "command-line folder: a command's help text read by a synchronous method",
    code: lines(
      FS,
      "export class GenerateCLI {",
      "  help(): string {",
      '    return fs.readFileSync("templates/help.txt", "utf8");',
      "  }",
      "}",
    ),
    fileName: "src/bin/methods/generate.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER },
  },
  {
    name: "command-line folder: a helper that only a synchronous parser callback in the folder runs",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    compilerOptions: BUILT_FROM_SRC,
    extraFiles: {
      "package.json": CLI_PACKAGE,
      "src/bin/app.ts": lines(
        "#!/usr/bin/env node",
        'import { createFileSafely } from "../modules/utils/fileUtils";',
        "const commands: Record<string, (name: string) => void> = {",
        '  init: (name) => console.log(createFileSafely(`${name}/README.md`, "")),',
        "};",
        'commands[process.argv[2] ?? "init"]?.(process.argv[3] ?? ".");',
      ),
    },
  },
  {
    name: "start-up: a polling loop in start() with the asynchronous read",
    code: lines(
      'import { readFile } from "node:fs/promises";',
      'import { setTimeout as sleep } from "node:timers/promises";',
      "export class Watcher {",
      "  running = false;",
      "  async start(file: string) {",
      "    this.running = true;",
      "    while (this.running) {",
      '      if ((await readFile(file, "utf8")).length > 0) this.running = false;',
      "      await sleep(1000);",
      "    }",
      "  }",
      "}",
    ),
  },
  {
    name: "start-up: an entry script's calls listed in ignoreCalls",
    code: CLI_ENTRY,
    fileName: "bin/cli.ts",
    options: { ignoreCalls: [{ module: "fs", name: ["existsSync", "realpathSync", "readFileSync"] }] },
  },
  {
    name: "start-up: stop() removes the pid file with the promise API",
    code: lines('import { rm } from "node:fs/promises";', "export class ServerProcess {", "  constructor(private readonly pidFile: string) {}", "  async stop() {", "    await rm(this.pidFile, { force: true });", "  }", "}"),
  },
  {
    name: "start-up: an entry script's own top-level reads (module code, not async code)",
    code: lines("#!/usr/bin/env node", FS, 'const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };', "process.stdout.write(pkg.version);"),
    fileName: "bin/version.ts",
  },
  {
    name: "start-up: an entry script's folder accepted by one allow entry",
    code: CLI_ENTRY,
    fileName: "bin/cli.ts",
    options: { allow: [{ file: "**/bin/**" }] },
  },
  {
    name: "start-up: a helper only start() reaches, accepted by an allow entry naming the helper",
    code: PROCESS,
    options: { allow: [{ function: ["writePidFile", "getPackageJson"] }] },
  },
  // --- steps kept in a list that start-up code runs -------------------------------------------
  {
    name: "start-up step: the stop step removes the pid file with fs/promises",
    code: lines(
      'import { unlink } from "node:fs/promises";',
      "type Stopper = () => Promise<void>;",
      "export class Process {",
      "  stopInitializers: Stopper[] = [];",
      "  constructor(private readonly pidFile: string) {}",
      "  async stop() {",
      "    this.stopInitializers.push(async () => {",
      "      await unlink(this.pidFile);",
      "    });",
      "    for (const stopper of this.stopInitializers) await stopper();",
      "  }",
      "}",
    ),
  },
  {
    name: "start-up step: synchronous exit steps run by a process exit listener are not async code",
    code: lines(
      FS,
      "export class PidFile {",
      "  private readonly exitSteps: Array<() => void> = [];",
      "  constructor(private readonly file: string) {",
      '    process.once("exit", () => {',
      "      for (const step of this.exitSteps) step();",
      "    });",
      "  }",
      "  write() {",
      "    fs.writeFileSync(this.file, String(process.pid));",
      "    this.exitSteps.push(() => fs.unlinkSync(this.file));",
      "  }",
      "}",
    ),
  },
  {
    name: "start-up step: synchronous clean-up steps run by a synchronous dispose()",
    code: lines(
      FS,
      "export class TempWorkspace {",
      "  private readonly cleanups: Array<() => void> = [];",
      "  constructor(private readonly dir: string) {}",
      "  add(file: string, text: string) {",
      "    fs.writeFileSync(`${this.dir}/${file}`, text);",
      "    this.cleanups.push(() => fs.rmSync(`${this.dir}/${file}`, { force: true }));",
      "  }",
      "  dispose() {",
      "    for (const cleanup of this.cleanups) cleanup();",
      "  }",
      "}",
    ),
  },
  {
    name: "start-up step: plugins' stop steps collected into a list, the process's own step removing its pid file with fs/promises",
    code: lines(
      'import { rm } from "node:fs/promises";',
      "type Step = () => Promise<void>;",
      "export class ServerProcess {",
      "  private stopSteps: Step[] = [];",
      "  constructor(private readonly pidFile: string) {}",
      "  async initialize(plugins: { stop: Step }[]) {",
      "    this.stopSteps = plugins.map((plugin) => plugin.stop);",
      "  }",
      "  async stop() {",
      "    this.stopSteps.push(async () => {",
      "      await rm(this.pidFile, { force: true });",
      "    });",
      "    for (const step of this.stopSteps) await step();",
      "  }",
      "}",
    ),
  },
  {
    name: "start-up step: the helper the stop step calls, accepted by an allow entry naming it",
    code: PROCESS_STOPPERS,
    options: { allow: [{ function: "clearPidFile" }] },
  },
  {
    name: "start-up step: the process file accepted by an allow entry naming the file",
    code: STOP_STEPS,
    fileName: "src/classes/process.ts",
    options: { allow: [{ file: "**/src/classes/process.ts" }] },
  },
  {
    name: "start-up step: unlinkSync listed in ignoreCalls",
    code: STOP_STEPS,
    options: { ignoreCalls: [{ module: "fs", name: "unlinkSync" }] },
  },
  {
    name: "start-up step: the stop step's helper not followed with transitive off",
    code: PROCESS_STOPPERS,
    options: { transitive: false },
  },
  {
    name: "start-up step: a blocking call before the step is kept, in a synchronous registration method",
    code: lines(
      FS,
      "type Step = () => Promise<void>;",
      "export class Server {",
      "  private readonly startSteps: Step[] = [];",
      "  use(plugin: { root: string; start: Step }) {",
      "    if (fs.existsSync(`${plugin.root}/public`)) this.startSteps.push(plugin.start);",
      "  }",
      "  async start() {",
      "    for (const step of this.startSteps) await step();",
      "  }",
      "}",
    ),
  },
  {
    name: "start-up step: the steps read their files asynchronously, whoever runs the list",
    code: lines(
      'import { readFile } from "node:fs/promises";',
      "type Step = () => Promise<void>;",
      "export class ConfigLoader {",
      "  private readonly loaders: Step[] = [];",
      "  config: Record<string, unknown> = {};",
      "  async initialize(files: string[]) {",
      "    for (const file of files) {",
      "      this.loaders.push(async () => {",
      '        Object.assign(this.config, JSON.parse(await readFile(file, "utf8")) as object);',
      "      });",
      "    }",
      "    for (const load of this.loaders) await load();",
      "  }",
      "  async reload() {",
      "    for (const load of this.loaders) await load();",
      "  }",
      "}",
    ),
  },
  // --- start-up code accepted, or not async at all -------------------------------------------
  {
    name: "start-up: allow wins over startupFunctions: start-up code accepted is not reported at all",
    code: PROCESS,
    options: { allow: [{ function: ["start", "restart"] }] },
  },
  {
    name: "start-up: an entry script's synchronous main, run at its top level",
    code: lines("#!/usr/bin/env node", FS, "function main() {", '  process.stdout.write(fs.readFileSync("README.md"));', "}", "main();"),
    fileName: "bin/readme.ts",
  },
  {
    name: "start-up: an entry script's run() with the asynchronous reads",
    code: lines("#!/usr/bin/env node", 'import { readFile } from "node:fs/promises";', "async function run() {", '  return JSON.parse(await readFile("package.json", "utf8")) as { version: string };', "}", "void run();"),
    fileName: "bin/version.ts",
  },
  {
    name: "start-up: the existence checks of start() listed in ignoreCalls",
    code: PID_STOP,
    options: { ignoreCalls: [{ module: "fs", name: ["existsSync", "unlinkSync"] }] },
  },
  {
    name: "start-up: the commands' folder accepted by one allow entry",
    code: lines(FS, "export class GenerateCLI {", "  async run() {", '    fs.writeFileSync("README.md", "");', "    return true;", "  }", "}"),
    fileName: "src/bin/methods/generate.ts",
    options: { allow: [{ file: "**/src/bin/**" }] },
  },
  {
    name: "start-up: a helper only start() reaches, with transitive off",
    code: PROCESS,
    options: { transitive: false },
  },
  // --- .call / .apply / Reflect.apply that run nothing from the catalogue ---------------------
  {
    name: "the project's own readFileSync, run with .call",
    code: lines(
      "const cache = new Map<string, string>();",
      "function readFileSync(this: unknown, key: string): string {",
      '  return cache.get(key) ?? "";',
      "}",
      "export async function lookup(key: string) {",
      "  return readFileSync.call(undefined, key);",
      "}",
    ),
  },
  {
    name: "fs.promises.readFile run with .call",
    code: lines(FS, "export async function load(p: string) {", '  return await fs.promises.readFile.call(fs.promises, p, "utf8");', "}"),
  },
  {
    name: "Reflect.apply of the promise version",
    code: lines('import { readFile } from "node:fs/promises";', "export async function load(p: string) {", "  return await Reflect.apply(readFile, undefined, [p]);", "}"),
  },
  {
    name: ".bind without a call: the bound function is returned, not run",
    code: lines(FS, "export async function reader(p: string) {", '  return fs.readFileSync.bind(fs, p, "utf8");', "}"),
  },
  {
    name: "an object of the project named like a blocking API, with its own call method",
    code: lines(
      "const existsSync = { call: (path: string) => path.length > 0 };",
      "export async function check(path: string) {",
      "  return existsSync.call(path);",
      "}",
    ),
  },
  {
    name: "a project's own apply() that registers the function for later",
    code: lines(
      FS,
      "const hooks = new Map<string, (path: string) => unknown>();",
      "const registry = { apply(name: string, fn: (path: string) => unknown) { hooks.set(name, fn); } };",
      "export async function setup() {",
      '  registry.apply("read", (path) => fs.readFileSync.call(fs, path));',
      "}",
    ),
  },
  {
    name: ".call in a timer callback: it runs later, outside the async function",
    code: lines(FS, "export async function scheduleCleanup(dir: string) {", "  setTimeout(() => fs.rmSync.call(fs, dir, { recursive: true }), 1000);", "}"),
  },
  {
    name: ".call in an allowed start-up function",
    code: lines(FS, "export async function main() {", '  return fs.readFileSync.call(fs, "config.json", "utf8");', "}"),
    options: STARTUP_ALLOW,
  },
  {
    name: "a synchronous function with .call that no async code reaches",
    code: lines(FS, "export function readVersion() {", '  return fs.readFileSync.call(fs, "VERSION", "utf8");', "}"),
  },
  // --- start-up and shutdown, accepted by one allow entry
  {
    name: "allow start/stop: config and TLS files read in start() before serving, the pid file removed in stop()",
    code: SERVICE(["    this.server = createServer(tls, (req, res) => res.end());"]),
    options: STARTUP_ALLOW,
  },
  {
    name: "allow start: start-up helpers in another file reached only from start()",
    code: lines(
      'import { loadConfig, loadTls } from "./startup";',
      'import { createServer } from "node:https";',
      "export class Gateway {",
      "  async start() {",
      "    const config = loadConfig();",
      "    createServer(loadTls(config)).listen(config.port);",
      "  }",
      "}",
    ),
    fileName: "gateway.ts",
    extraFiles: {
      "startup.ts": lines(
        'import { readFileSync } from "node:fs";',
        "export function loadConfig() {",
        '  return JSON.parse(readFileSync("config.json", "utf8")) as { port: number; tls: string };',
        "}",
        "export function loadTls(config: { tls: string }) {",
        "  return { key: readFileSync(`${config.tls}/key.pem`), cert: readFileSync(`${config.tls}/cert.pem`) };",
        "}",
      ),
    },
    options: STARTUP_ALLOW,
  },
  {
    name: "allow start: the helpers' own file shows nothing either",
    code: lines(
      'import { readFileSync } from "node:fs";',
      "export function loadConfig() {",
      '  return JSON.parse(readFileSync("config.json", "utf8")) as { port: number };',
      "}",
    ),
    fileName: "startup.ts",
    extraFiles: { "gateway.ts": lines('import { loadConfig } from "./startup";', "export class Gateway {", "  async start() {", "    return loadConfig().port;", "  }", "}") },
    options: STARTUP_ALLOW,
  },
  {
    name: "allow start: certificates read in parallel by async callbacks start() runs right away",
    code: lines(
      'import { readFileSync } from "node:fs";',
      "export async function start(certFiles: string[]) {",
      "  const certs = await Promise.all(certFiles.map(async (file) => readFileSync(file)));",
      "  return new Promise<Buffer[]>((resolve) => resolve(certs.map((cert) => Buffer.concat([cert, readFileSync(\"ca.pem\")]))));",
      "}",
    ),
    options: STARTUP_ALLOW,
  },
  {
    name: "allow main: a command-line entry point and the helper it calls",
    code: lines(
      'import { readFileSync } from "node:fs";',
      'import { execSync } from "node:child_process";',
      "function gitRevision() {",
      '  return execSync("git rev-parse HEAD", { encoding: "utf8" }).trim();',
      "}",
      "async function main() {",
      '  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };',
      "  console.log(pkg.version, gitRevision());",
      "}",
      "void main();",
    ),
    options: STARTUP_ALLOW,
  },
  {
    name: "allow stop: shutdown writes a final state file",
    code: lines(
      'import { writeFileSync } from "node:fs";',
      "export class Queue {",
      "  private pending: string[] = [];",
      "  async stop() {",
      '    writeFileSync("queue.json", JSON.stringify(this.pending));',
      "  }",
      "}",
    ),
    options: STARTUP_ALLOW,
  },
  // --- cost classes: metadata calls accepted where start-up, shutdown and CLI code is accepted
  {
    name: "a launcher's existence checks accepted by the start-up allow entry",
    code: LAUNCHER,
    options: { allow: [{ function: ["main", "start", "stop", "launch"] }] },
  },
  {
    name: "a pid file checked and removed in stop(), accepted by the start-up allow entry",
    code: PID_STOP,
    options: STARTUP_ALLOW,
  },
  {
    name: "ignoreCalls with every metadata call: none reported, directly or through a helper",
    code: LAUNCHER,
    options: { ignoreCalls: [{ module: "fs", name: METADATA_CALLS }] },
  },
  {
    name: "ignoreCalls existsSync: a helper whose only blocking call is existsSync is not reported either",
    code: lines(FS, "function hasLockfile(dir: string) {", '  return fs.existsSync(`${dir}/lockfile`);', "}", "export async function launch(dir: string) {", "  if (hasLockfile(dir)) throw new Error(`${dir} is in use`);", "}"),
    options: { ignoreCalls: [{ module: "fs", name: "existsSync" }] },
  },
  {
    name: "the metadata calls of node:fs/promises, awaited",
    code: lines(
      'import { access, constants, lstat, readlink, realpath, stat } from "node:fs/promises";',
      "export async function inspect(p: string) {",
      "  await access(p, constants.W_OK);",
      "  const [info, link] = await Promise.all([lstat(p), lstat(p).then((s) => (s.isSymbolicLink() ? readlink(p) : undefined))]);",
      "  return { info, link, real: await realpath(p), size: (await stat(p)).size };",
      "}",
    ),
  },
  {
    name: "a pid file removed by an exit handler that start() installs: it runs later, synchronously, at exit",
    code: lines(
      FS,
      "export async function start(pidFile: string) {",
      "  fs.writeFileSync(pidFile, String(process.pid));",
      "  process.on(\"exit\", () => {",
      "    if (fs.existsSync(pidFile)) fs.unlinkSync(pidFile);",
      "  });",
      "}",
    ),
    options: STARTUP_ALLOW,
  },
  {
    name: "an existence check at the top level of a module, before anything is served",
    code: lines(FS, 'const candidates = ["/usr/bin/chromium", "/usr/bin/google-chrome"];', "export const defaultExecutable = candidates.find((p) => fs.existsSync(p));"),
  },
  {
    name: "realpathSync.native taken as a value, not called",
    code: lines(FS, "export async function resolver(native: boolean) {", "  return native ? fs.realpathSync.native : fs.realpathSync;", "}"),
  },
  {
    name: "an in-memory file system of the project's own with existsSync and statSync methods",
    code: lines(
      "export class MemoryFs {",
      "  private readonly files = new Map<string, string>();",
      "  existsSync(p: string) {",
      "    return this.files.has(p);",
      "  }",
      "  statSync(p: string) {",
      "    return { size: this.files.get(p)?.length ?? 0 };",
      "  }",
      "}",
      "export async function size(vfs: MemoryFs, p: string) {",
      "  return vfs.existsSync(p) ? vfs.statSync(p).size : 0;",
      "}",
    ),
  },
  {
    name: "a CLI generate command accepted by file: its own reads and writes",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    extraFiles: { "src/modules/utils/fileUtils.ts": FILE_UTILS },
    options: { allow: [{ file: "**/src/bin/**" }] },
  },
  {
    name: "a CLI generate command accepted by file: the helpers only it reaches show nothing in their own file",
    code: FILE_UTILS,
    fileName: "src/modules/utils/fileUtils.ts",
    extraFiles: { "src/bin/methods/generate/action.ts": GENERATE_ACTION },
    options: { allow: [{ file: "**/src/bin/**" }] },
  },
  {
    name: "a CLI generate command accepted by file and method name, the narrower entry the docs suggest",
    code: GENERATE_ACTION,
    fileName: "src/bin/methods/generate/action.ts",
    extraFiles: { "src/modules/utils/fileUtils.ts": FILE_UTILS },
    options: { allow: [{ file: "**/src/bin/**", function: "*.run" }] },
  },
  // --- one root cause, one finding: nothing at the callers, one suppression or allow entry at the sink
  { name: "the handlers' file: the helper's blocking call is reported in the helper, not at each call", code: USER_ROUTES, fileName: "users.ts", extraFiles: { "settings.ts": SETTINGS, "orders.ts": ORDER_ROUTES } },
  {
    name: "one suppression at the blocking call silences every async caller (and is used)",
    code: SETTINGS.replace("  cached ??=", "  // concurrency-lint-disable-next-line blocking-call-in-async -- read once; every later call hits the cache\n  cached ??="),
    fileName: "settings.ts",
    extraFiles: ROUTES,
    alsoEnable: ["unused-suppression"],
  },
  { name: "one allow entry naming the helper silences every async caller", code: SETTINGS, fileName: "settings.ts", extraFiles: ROUTES, options: { allow: [{ function: "getSettings" }] } },
  { name: "one allow entry for the helper's file", code: SETTINGS, fileName: "settings.ts", extraFiles: ROUTES, options: { allow: [{ file: "**/settings.ts" }] } },
  {
    name: "a helper reached only from allowed start-up code",
    code: lines(
      'import { readFileSync } from "node:fs";',
      'import { createServer } from "node:https";',
      "function loadTls() {",
      '  return { key: readFileSync("tls/key.pem"), cert: readFileSync("tls/cert.pem") };',
      "}",
      "export class Server {",
      "  async start(port: number) {",
      "    const server = createServer(loadTls());",
      "    await new Promise<void>((resolve) => server.listen(port, resolve));",
      "  }",
      "}",
    ),
    options: { allow: [{ function: "Server.start" }] },
  },
  {
    name: "a helper reached from async code only through a timer callback",
    code: lines(
      SETTINGS,
      "export async function boot() {",
      "  setInterval(() => getSettings(), 60_000).unref();",
      "}",
      "export function pageSize() {",
      "  return getSettings().pageSize;",
      "}",
    ),
  },
  { name: "a synchronous function no async code calls", code: lines(FS, "export function version() {", '  return fs.readFileSync("VERSION", "utf8");', "}") },
  { name: "top-level module code", code: lines(FS, 'export const config = fs.readFileSync("config.json", "utf8");') },
  {
    name: "a setTimeout callback inside an async function runs later",
    code: lines(FS, "export async function f() {", '  setTimeout(() => fs.writeFileSync("log", "x"), 10);', "}"),
  },
  {
    name: "an event handler inside an async function runs later",
    code: lines(FS, 'import { EventEmitter } from "node:events";', "export async function f(emitter: EventEmitter) {", '  emitter.on("data", () => fs.appendFileSync("log", "x"));', "}"),
  },
  {
    name: "a then callback runs later",
    code: lines(FS, "export async function f(ready: Promise<void>) {", '  void ready.then(() => fs.rmSync("tmp"));', "}"),
  },
  {
    name: "a user's own readFileSync",
    code: lines("const cache = new Map<string, string>();", "function readFileSync(key: string) {", '  return cache.get(key) ?? "";', "}", "export async function f() {", '  return readFileSync("a");', "}"),
  },
  {
    name: "a user's own runSync and execSync methods",
    code: lines("class Jobs {", "  runSync() { return 1; }", "  execSync(command: string) { return command.length; }", "}", "export async function f(jobs: Jobs) {", '  return jobs.runSync() + jobs.execSync("x");', "}"),
  },
  { name: "fs.promises.readFile, awaited", code: lines(FS, "export async function f() {", '  return fs.promises.readFile("a", "utf8");', "}") },
  {
    name: "node:fs/promises and the callback API",
    code: lines('import { readFile } from "node:fs/promises";', 'import { stat } from "node:fs";', "export async function f() {", '  stat("a", () => {});', '  return readFile("a");', "}"),
  },
  {
    name: "an allowlisted function",
    code: lines(FS, "export class Cli {", "  async start() {", '    return fs.readFileSync("config.json");', "  }", "}"),
    options: { allow: [{ function: "Cli.start" }] },
  },
  {
    name: "an allowlisted file",
    code: lines(FS, "export async function main() {", '  return fs.readFileSync("config.json");', "}"),
    fileName: "src/cli/main.ts",
    options: { allow: [{ file: "**/src/cli/**" }] },
  },
  {
    name: "an allowlisted helper is not followed",
    code: lines(FS, "function readStartupConfig() {", '  return fs.readFileSync("config.json");', "}", "export async function main() {", "  return readStartupConfig();", "}"),
    options: { allow: [{ function: "readStartupConfig" }] },
  },
  { name: "an any-typed callee", code: lines("declare const fs: any;", "export async function f() {", '  return fs.readFileSync("a");', "}") },
  {
    name: "a blocking helper declared inside an async function but not called there",
    code: lines(FS, "export async function f() {", "  function later() {", '    return fs.readFileSync("a");', "  }", "  return later;", "}"),
  },
  {
    name: "ignoreCalls: existsSync",
    code: lines(FS, "export async function f(p: string) {", "  return fs.existsSync(p);", "}"),
    options: { ignoreCalls: [{ module: "fs", name: "existsSync" }] },
  },
  {
    name: "transitive off: project functions are not followed",
    code: lines(FS, 'function load() { return fs.readFileSync("a"); }', "export async function f() {", "  return load();", "}"),
    options: { transitive: false },
  },
  {
    name: "a chain longer than maxDepth",
    code: lines(FS, 'function a() { return fs.readFileSync("x"); }', "function b() { return a(); }", "export async function f() { return b(); }"),
    options: { maxDepth: 1 },
  },
  {
    name: "an async project function that blocks is reported inside, not where it is awaited",
    code: lines('import { load } from "./store";', "export async function f() {", "  return await load();", "}"),
    extraFiles: { "store.ts": lines(FS, "export async function load() {", '  return fs.readFileSync("db");', "}") },
  },
  {
    name: "a map method that is not Array's",
    code: lines(FS, "class Lazy { map(f: (x: string) => unknown) { return () => f(\"a\"); } }", "export async function f(lazy: Lazy) {", "  return lazy.map((p) => fs.statSync(p));", "}"),
  },
  {
    name: "a loop bounded by the clock that does work",
    code: lines("declare const queue: (() => void)[];", "export async function drain(budget: number) {", "  const end = Date.now() + budget;", "  while (Date.now() < end && queue.length > 0) queue.shift()?.();", "}"),
  },
  {
    name: "a loop on the clock that awaits",
    code: lines('import { setTimeout } from "node:timers/promises";', "export async function poll(until: number) {", "  while (Date.now() < until) {", "    await setTimeout(10);", "  }", "}"),
  },
  {
    name: "an asynchronous XMLHttpRequest, and a user's own open(..., false)",
    code: lines(
      "declare const door: { open(a: string, b: string, locked: boolean): void };",
      "export async function get(url: string) {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, true);',
      '  door.open("front", "back", false);',
      "}",
    ),
    compilerOptions: DOM,
  },
  {
    name: "Atomics.waitAsync",
    code: lines("export async function park(cell: Int32Array) {", "  return await Atomics.waitAsync(cell, 0, 0).value;", "}"),
    compilerOptions: ES2024,
  },
  {
    name: "the callback forms of crypto, zlib and child_process",
    code: lines(
      'import { randomBytes, pbkdf2 } from "node:crypto";',
      'import { gzip } from "node:zlib";',
      'import { spawn } from "node:child_process";',
      "export async function f() {",
      '  pbkdf2("pw", "salt", 1, 32, "sha256", () => {});',
      '  gzip("data", () => {});',
      '  spawn("ls");',
      "  return randomBytes(16);",
      "}",
    ),
  },
  {
    name: "a sync generator is not run by calling it",
    code: lines(FS, "function* files() {", '  yield fs.readFileSync("a");', "}", "export async function f() {", "  return files();", "}"),
  },
  {
    name: "mutually recursive functions that do not block",
    code: lines("function even(n: number): boolean { return n === 0 || odd(n - 1); }", "function odd(n: number): boolean { return n !== 0 && even(n - 1); }", "export async function f() {", "  return even(10);", "}"),
  },
  {
    name: "a blocking function of the same name elsewhere: resolved, not matched by name",
    code: lines('import { load } from "./fast";', "export async function f() {", "  return load();", "}"),
    extraFiles: {
      "fast.ts": "export function load() { return 1; }",
      "slow.ts": lines(FS, 'export function load() { return fs.readFileSync("x"); }'),
    },
  },
  {
    name: "a blocking function referenced, not called",
    code: lines(FS, 'function load() { return fs.readFileSync("x"); }', "export async function f() {", "  return { load };", "}"),
  },
  {
    name: "a union of methods where only one blocks",
    code: lines(
      FS,
      'class Disk { read() { return fs.readFileSync("x"); } }',
      "class Memory { read() { return Buffer.alloc(0); } }",
      "export async function f(source: Disk | Memory) {",
      "  return source.read();",
      "}",
    ),
  },
  {
    name: "a class field initializer and a static block",
    code: lines(FS, "export async function f() {", "  return class {", '    data = fs.readFileSync("a");', '    static { fs.readFileSync("b"); }', "  };", "}"),
  },
  {
    name: "a destructured object of the user's",
    code: lines("const io = { readFileSync: (p: string) => p };", "const { readFileSync } = io;", "export async function f() {", '  return readFileSync("a");', "}"),
  },
  {
    name: "createReadStream and watch are not blocking",
    code: lines(FS, "export async function f() {", '  fs.watch("a");', '  return fs.createReadStream("a");', "}"),
  },
  {
    name: "JavaScript top-level require and reads",
    code: lines('const fs = require("fs");', 'const text = fs.readFileSync("a", "utf8");', "module.exports = async () => text;"),
    fileName: "top.js",
  },
  {
    name: "an async callback awaits the promise API",
    code: lines(FS, "export async function sizes(paths: string[]) {", "  return Promise.all(paths.map(async (p) => (await fs.promises.stat(p)).size));", "}"),
  },
  {
    name: "a callback given to a function of unknown timing",
    code: lines(FS, "declare function withRetry<T>(task: () => T): Promise<T>;", "export async function f() {", '  return withRetry(() => fs.readFileSync("a"));', "}"),
  },
  {
    name: "queueMicrotask, process.nextTick and finally callbacks run later",
    code: lines(
      FS,
      "export async function f(ready: Promise<void>) {",
      '  queueMicrotask(() => fs.rmSync("a"));',
      '  process.nextTick(() => fs.rmSync("b"));',
      '  await ready.finally(() => fs.rmSync("c"));',
      "}",
    ),
  },
  {
    name: "a new Promise executor in a synchronous function",
    code: lines(FS, "export function f() {", '  return new Promise((resolve) => resolve(fs.readFileSync("a")));', "}"),
  },
  {
    name: "an array callback in a synchronous function",
    code: lines(FS, "export function sizes(paths: string[]) {", "  return paths.map((p) => fs.statSync(p).size);", "}"),
  },
  {
    name: "a map on an any-typed value: not known to run right away",
    code: lines(FS, "declare const items: any;", "export async function f() {", "  return items.map((p: string) => fs.statSync(p));", "}"),
  },
  {
    name: "a wait method of the user's, not Atomics.wait",
    code: lines("declare const locks: { wait(id: number): void };", "export async function f() {", "  locks.wait(1);", "}"),
  },
  {
    name: "a declared function without a body is not followed",
    code: lines("declare function loadConfig(): object;", "export async function f() {", "  return loadConfig();", "}"),
  },
  {
    name: "a function of a declared module is not followed",
    code: lines('import { load } from "config-lib";', "export async function f() {", "  return load();", "}"),
    extraFiles: { "config-lib.d.ts": 'declare module "config-lib" { export function load(): object; }' },
  },
  {
    name: "a blocking project function called on an any-typed object",
    code: lines(FS, 'export function load() { return fs.readFileSync("a"); }', "declare const service: any;", "export async function f() {", "  return service.load();", "}"),
  },
  {
    name: "a synchronous function that blocks only in a timer callback",
    code: lines(FS, "function schedule() {", '  setTimeout(() => fs.readFileSync("a"), 10);', "}", "export async function f() {", "  schedule();", "}"),
  },
  {
    name: "a function that returns readFileSync without calling it",
    code: lines(FS, "function pick() { return fs.readFileSync; }", "export async function f() {", "  return pick();", "}"),
  },
  {
    name: "a readFileSync of another module than fs",
    code: lines('import { readFileSync } from "my-fs";', "export async function f() {", "  return readFileSync();", "}"),
    extraFiles: { "my-fs.d.ts": 'declare module "my-fs" { export function readFileSync(): string; }' },
  },
  {
    name: "CPU work the catalogue does not list",
    code: lines('import { createHash } from "node:crypto";', "export async function f(data: string) {", '  return createHash("sha256").update(data).digest("hex");', "}"),
  },
  {
    name: "execSync taken as a value, not called",
    code: lines('import { execSync } from "node:child_process";', "export async function f() {", "  const run = execSync;", "  return run.name;", "}"),
  },
  {
    name: "a request handler given to createServer runs later: not async code",
    code: lines(FS, 'import { createServer } from "node:http";', "export async function start() {", '  createServer((req, res) => res.end(fs.readFileSync("index.html"))).listen(8080);', "}"),
  },
  {
    name: "allow by file and function together",
    code: lines(FS, "export async function main() {", '  return fs.readFileSync("config.json");', "}"),
    fileName: "bin/cli.ts",
    options: { allow: [{ file: "**/bin/*.ts", function: "main" }] },
  },
  {
    name: "a counting loop is not a busy-wait",
    code: lines("export async function f(n: number) {", "  let i = 0;", "  while (i < n) i++;", "  return i;", "}"),
  },
  // --- files only the command-line program reaches (the module graph) ------------------------
  {
    name: "command-line only: npm's shape, the error log helper accepted by the allow entry naming it",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    options: { allow: [{ function: "Npm.writeErrorLog" }] },
    extraFiles: NPM_FILES,
  },
  {
    name: "command-line only: npm's shape, the error log write suppressed with a reason",
    code: NPM_MAIN.replace("    writeFileSync(", "    // concurrency-lint-disable-next-line blocking-call-in-async -- written once, as the command exits\n    writeFileSync("),
    fileName: "lib/npm.js",
    extraFiles: NPM_FILES,
  },
  {
    name: "command-line only: npm's shape, the entry's awaited calls make no blocking call of their own",
    code: NPM_ENTRY,
    fileName: "lib/cli/entry.js",
    extraFiles: { ...NPM_FILES, "lib/npm.js": NPM_MAIN },
  },
  {
    name: "command-line only: npm's shape, the library entry that runs the program only as the main module",
    code: NPM_INDEX,
    fileName: "index.js",
    extraFiles: { ...NPM_FILES, "lib/npm.js": NPM_MAIN },
  },
  {
    name: "command-line only: an ES module package's command, its report accepted for the commands folder",
    code: ESM_RUN,
    fileName: "src/commands/run.ts",
    compilerOptions: ESM_BUILT,
    options: { allow: [{ file: "**/src/commands/**" }] },
    extraFiles: { ...ESM_FILES, "src/report.ts": ESM_REPORT },
  },
  {
    name: "command-line only: an ES module package's library function, synchronous and called by no async code",
    code: ESM_PARSE,
    fileName: "src/parse.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: { ...ESM_FILES, "src/report.ts": ESM_REPORT },
  },
  {
    name: "command-line only: npm's shape, a command reading its version with the promise API",
    code: lines(
      'const { readFile } = require("node:fs/promises");',
      "class Version {",
      "  async exec() {",
      '    console.log(JSON.parse(await readFile(`${__dirname}/../../package.json`, "utf8")).version);',
      "  }",
      "}",
      "module.exports = Version;",
    ),
    fileName: "lib/commands/version.js",
    extraFiles: NPM_FILES_FOR_COMMAND,
  },
  {
    name: "command-line only: npm's shape, modules that require each other in a cycle",
    code: lines('const Npm = require("../npm.js");', 'const { appendFile } = require("node:fs/promises");', "module.exports = async (npm, line) => {", "  await appendFile(npm.logPath ?? Npm.defaultLog, `${line}\\n`);", "};"),
    fileName: "lib/utils/log-file.js",
    extraFiles: { ...NPM_FILES, "lib/npm.js": NPM_MAIN.replace('const { writeFileSync } = require("node:fs");', 'const { writeFileSync } = require("node:fs");\nconst logFile = require("./utils/log-file.js");') },
  },
  {
    name: "command-line only: npm's shape, the main module's `&&` branch itself",
    code: lines('require.main === module && require("./lib/cli.js")(process);', "module.exports = { version: \"1.0.0\" };"),
    fileName: "index.js",
    extraFiles: { ...NPM_FILES, "lib/npm.js": NPM_MAIN },
  },
  {
    name: "command-line only: an ES module package's command writing its report with the promise API",
    code: lines('import { writeFile } from "node:fs/promises";', 'import { parse } from "../parse.js";', "export async function run(argv: string[]) {", '  await writeFile("report.txt", parse(argv.join("\\n")).join("\\n"));', "}"),
    fileName: "src/commands/run.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: ESM_FILES,
  },
  {
    name: "command-line only: an ES module entry's `import.meta.main` branch itself",
    code: lines('export { parse } from "./parse.js";', "if ((import.meta as { main?: boolean }).main) {", '  const { run } = await import("./commands/run.js");', "  await run(process.argv.slice(2));", "}"),
    fileName: "src/index.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: { ...ESM_FILES, "src/report.ts": ESM_REPORT },
  },
  {
    name: "command-line only: an ES module package's report write, only the command reaches it, suppressed with a reason",
    code: ESM_REPORT.replace("  fs.writeFileSync(", "  // concurrency-lint-disable-next-line blocking-call-in-async -- one report per command run\n  fs.writeFileSync("),
    fileName: "src/report.ts",
    compilerOptions: ESM_BUILT,
    extraFiles: ESM_FILES,
  },
  {
    name: "command-line only: a package whose main is also its bin, with the promise API",
    code: lines('#!/usr/bin/env node', 'const { readFile } = require("node:fs/promises");', "async function main() {", '  console.log(await readFile("package.json", "utf8"));', "}", "if (require.main === module) void main();", "module.exports = { main };"),
    fileName: "cli.js",
    extraFiles: { "package.json": JSON.stringify({ name: "tool", main: "cli.js", bin: "cli.js" }) },
  },
  {
    name: "command-line only: npm's shape, the error log helper accepted for the program's lib folder by file",
    code: NPM_MAIN,
    fileName: "lib/npm.js",
    options: { allow: [{ file: "**/lib/**" }] },
    extraFiles: NPM_FILES,
  },
  {
    name: "command-line only: npm's shape, the command accepted by an allow entry naming its method",
    code: NPM_VERSION_COMMAND,
    fileName: "lib/commands/version.js",
    options: { allow: [{ function: "Version.exec" }] },
    extraFiles: NPM_FILES_FOR_COMMAND,
  },
];


/** better-sqlite3's shape, for the `blockingCalls` cases of lines 471-940. */
const SQLITE_DTS = lines(
  'declare module "better-sqlite3" {',
  "  interface Statement { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[]; run(...params: unknown[]): { changes: number }; }",
  "  class Database { constructor(filename: string); prepare(sql: string): Statement; exec(sql: string): this; }",
  "  export = Database;",
  "}",
);

/** fs-extra's shape, for the `blockingCalls` cases of lines 471-940. */
const FS_EXTRA_DTS = lines(
  'declare module "fs-extra" {',
  "  export function readJsonSync(file: string): unknown;",
  "  export function readJson(file: string): Promise<unknown>;",
  "}",
);

// Cases from the mutation runs (bench/mutation/blocking-call-in-async*.md), one pair per line range.
const invalid1: InvalidCase[] = [
  // (lines 1-470 must-flag cases go here)
  {
    name: "allow by function: an async IIFE in another function, and a timer callback inside the allowed one, are still reported",
    code: lines(FS, "export function main() {", "  setTimeout(async () => {", '    fs.readFileSync("late");', "  }, 10);", "}", "export function serve() {", "  void (async () => {", '    fs.readFileSync("config");', "  })();", "}"),
    options: { allow: [{ function: "main" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 5,
        message: BLOCKS_ON_FS("readFileSync", "an async arrow function passed to `setTimeout`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export function main() {",
              "  setTimeout(async () => {",
              '    await readFile("late");',
              "  }, 10);",
              "}",
              "export function serve() {",
              "  void (async () => {",
              '    fs.readFileSync("config");',
              "  })();",
              "}",
            ),
          ],
        ],
      },
      {
        messageId: "blockingCall",
        line: 9,
        column: 5,
        message: BLOCKS_ON_FS("readFileSync", "an async arrow function", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export function main() {",
              "  setTimeout(async () => {",
              '    fs.readFileSync("late");',
              "  }, 10);",
              "}",
              "export function serve() {",
              "  void (async () => {",
              '    await readFile("config");',
              "  })();",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "text pre-filter: a busy-wait helper in a file with no Sync name, found by its loop header",
    code: lines(
      "const RETRY_DELAYS = [50, 100, 200];",
      "function pause(ms: number) {",
      "  const end = Date.now() + ms;",
      "  while (Date.now() < end) {}",
      "}",
      "export async function send(post: () => Promise<boolean>) {",
      "  for (const delay of RETRY_DELAYS) {",
      "    if (await post()) return true;",
      "    pause(delay);",
      "  }",
      "  return false;",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 4,
        column: 3,
        related: [9],
        message: "`pause` spins on the clock here, and async code runs it: it is reached from async function `send`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `pause` only outside async code.",
      },
    ],
  },
  {
    name: "text pre-filter: a busy-wait helper written with no space after while",
    code: lines(
      "function pause(ms: number) {",
      "  var end = Date.now() + ms;",
      "  while(Date.now() < end);",
      "}",
      "export async function poll(check: () => Promise<boolean>) {",
      "  while (!(await check())) pause(25);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [6],
        message: "`pause` spins on the clock here, and async code runs it: it is reached from async function `poll`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `pause` only outside async code.",
      },
    ],
  },
  {
    name: "text pre-filter: a helper that spins on new Date()",
    code: lines(
      "function waitUntil(deadline: number) {",
      "  while (new Date().getTime() < deadline) { /* spin */ }",
      "}",
      "export async function throttle(lastRun: number, gapMs: number) {",
      "  waitUntil(lastRun + gapMs);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 2,
        column: 3,
        related: [5],
        message: "`waitUntil` spins on the clock here, and async code runs it: it is reached from async function `throttle`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `waitUntil` only outside async code.",
      },
    ],
  },
  {
    name: "text pre-filter: a helper that spins on new Date() written with two spaces",
    code: lines(
      "function waitUntil(deadline: number) {",
      "  while (new  Date().getTime() < deadline) { /* spin */ }",
      "}",
      "export async function throttle(lastRun: number, gapMs: number) {",
      "  waitUntil(lastRun + gapMs);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 2,
        column: 3,
        related: [5],
        message: "`waitUntil` spins on the clock here, and async code runs it: it is reached from async function `throttle`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `waitUntil` only outside async code.",
      },
    ],
  },
  {
    name: "text pre-filter: a helper that spins on performance.now () with a space before the parentheses",
    code: lines(
      "function spin(ms: number) {",
      "  const start = performance.now ();",
      "  while (performance.now () - start < ms) {}",
      "}",
      "export async function step() {",
      "  spin(16);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [6],
        message: "`spin` spins on the clock here, and async code runs it: it is reached from async function `step`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `spin` only outside async code.",
      },
    ],
  },
  {
    name: "text pre-filter: a helper that opens a synchronous XMLHttpRequest",
    code: lines(
      "function fetchText(url: string) {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, false);',
      "  xhr.send();",
      "  return xhr.responseText;",
      "}",
      "export async function loadConfig() {",
      '  return JSON.parse(fetchText("/config.json")) as unknown;',
      "}",
    ),
    compilerOptions: DOM,
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [8],
        message: "`fetchText` sends a synchronous `XMLHttpRequest` here, and async code runs it: it is reached from async function `loadConfig`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await fetch(...)` here and make the functions between here and the async code async, or call `fetchText` only outside async code.",
      },
    ],
  },
  {
    name: "text pre-filter: a helper that opens a synchronous XMLHttpRequest, a space before the parentheses",
    code: lines(
      "function fetchText(url: string) {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open ("GET", url, false);',
      "  xhr.send();",
      "  return xhr.responseText;",
      "}",
      "export async function loadConfig() {",
      '  return JSON.parse(fetchText("/config.json")) as unknown;',
      "}",
    ),
    compilerOptions: DOM,
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [8],
        message: "`fetchText` sends a synchronous `XMLHttpRequest` here, and async code runs it: it is reached from async function `loadConfig`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await fetch(...)` here and make the functions between here and the async code async, or call `fetchText` only outside async code.",
      },
    ],
  },
  {
    name: "execSync options exec takes too (env, timeout): the promisified exec",
    code: lines(
      'import { execSync } from "node:child_process";',
      "export async function runTests(dir: string) {",
      '  execSync("npm test", { cwd: dir, env: { ...process.env, CI: "true" }, timeout: 120_000 });',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `runTests`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
        fixes: [
          [
            EXEC,
            lines(
              'import { execSync, exec } from "node:child_process";',
              'import { promisify } from "node:util";',
              "export async function runTests(dir: string) {",
              '  await promisify(exec)("npm test", { cwd: dir, env: { ...process.env, CI: "true" }, timeout: 120_000 });',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "execSync options exec takes too (maxBuffer, encoding): the promisified exec",
    code: lines(
      'import { execSync } from "node:child_process";',
      "export async function bundle(dir: string) {",
      '  execSync("git bundle create repo.bundle --all", { cwd: dir, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `bundle`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
        fixes: [
          [
            EXEC,
            lines(
              'import { execSync, exec } from "node:child_process";',
              'import { promisify } from "node:util";',
              "export async function bundle(dir: string) {",
              '  await promisify(exec)("git bundle create repo.bundle --all", { cwd: dir, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "execSync options exec takes too (killSignal, windowsHide): the promisified exec",
    code: lines(
      'import { execSync } from "node:child_process";',
      "export async function teardown() {",
      '  execSync("docker compose down", { killSignal: "SIGKILL", windowsHide: true });',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `teardown`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
        fixes: [
          [
            EXEC,
            lines(
              'import { execSync, exec } from "node:child_process";',
              'import { promisify } from "node:util";',
              "export async function teardown() {",
              '  await promisify(exec)("docker compose down", { killSignal: "SIGKILL", windowsHide: true });',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "execSync options exec takes too (uid, gid, shell): the promisified exec",
    code: lines(
      'import { execSync } from "node:child_process";',
      "export async function migrate(uid: number, gid: number) {",
      '  execSync("./migrate.sh", { uid, gid, shell: "/bin/bash" });',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `migrate`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
        fixes: [
          [
            EXEC,
            lines(
              'import { execSync, exec } from "node:child_process";',
              'import { promisify } from "node:util";',
              "export async function migrate(uid: number, gid: number) {",
              '  await promisify(exec)("./migrate.sh", { uid, gid, shell: "/bin/bash" });',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "text pre-filter: a helper that spins until a flag is set or a deadline passes (the condition calls before it reads the clock)",
    code: lines(
      "function waitFor(ready: () => boolean, ms: number) {",
      "  const deadline = Date.now() + ms;",
      "  while (!ready() && Date.now() < deadline) {}",
      "  return ready();",
      "}",
      "export async function acquire(lock: { held(): boolean }) {",
      "  return waitFor(() => !lock.held(), 1000);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [7],
        message: "`waitFor` spins on the clock here, and async code runs it: it is reached from async function `acquire`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` here and make the functions between here and the async code async, or call `waitFor` only outside async code.",
      },
    ],
  },
];
const valid1: ValidCase[] = [
  // (lines 1-470 must-not-flag cases go here)
  {
    name: "allow by function covers an async IIFE it starts (its code runs from there)",
    code: lines(FS, "export function main() {", "  void (async () => {", '    const config = fs.readFileSync("config.json", "utf8");', "    await Promise.resolve(config);", "  })();", "}"),
    options: { allow: [{ function: "main" }] },
  },
  {
    name: "allow by function covers a function expression called on the spot inside an async IIFE",
    code: lines(FS, "export async function main() {", "  await (async function load() {", '    fs.readFileSync("a");', "  })();", "}"),
    options: { allow: [{ function: "main" }] },
  },
  {
    name: "text pre-filter: a helper whose loop reads the clock and does work each step",
    code: lines(
      "const DAY = 86_400_000;",
      "function daysSince(from: number) {",
      "  const days: string[] = [];",
      "  for (let t = from; t < Date.now(); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));",
      "  return days;",
      "}",
      "export async function report(from: number) {",
      "  return daysSince(from).length;",
      "}",
    ),
  },
  {
    name: "text pre-filter: a busy-wait helper only a timer callback runs",
    code: lines(
      "function pause(ms: number) {",
      "  var end = Date.now() + ms;",
      "  while(Date.now() < end);",
      "}",
      "export function startHeartbeat() {",
      "  return setInterval(() => pause(5), 1000);",
      "}",
    ),
  },
  {
    name: "text pre-filter: a busy-wait helper only module code runs (a script's top level)",
    code: lines(
      "function waitUntil(deadline: number) {",
      "  while (new  Date().getTime() < deadline) { /* spin */ }",
      "}",
      "waitUntil(Date.now() + 100);",
      "export const ready = true;",
    ),
  },
  {
    name: "text pre-filter: a busy-wait helper async code runs inside a function allow names",
    code: lines(
      "function spin(ms: number) {",
      "  const start = performance.now ();",
      "  while (performance.now () - start < ms) {}",
      "}",
      "export async function calibrate() {",
      "  spin(16);",
      "}",
    ),
    options: { allow: [{ function: "calibrate" }] },
  },
  {
    name: "text pre-filter: a helper that opens an asynchronous XMLHttpRequest",
    code: lines(
      "function request(url: string) {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open ("GET", url, true);',
      "  xhr.send();",
      "  return xhr;",
      "}",
      "export async function load() {",
      '  return request("/config.json").status;',
      "}",
    ),
    compilerOptions: DOM,
  },
  {
    name: "text pre-filter: a project class's open(..., false) in a helper is not XMLHttpRequest",
    code: lines(
      "class Valve {",
      "  open(line: string, reason: string, locked: boolean) {",
      "    return `${line}:${reason}:${locked}`;",
      "  }",
      "}",
      "function service(valve: Valve) {",
      '  return valve.open ("main", "maintenance", false);',
      "}",
      "export async function maintain(valve: Valve) {",
      "  return service(valve);",
      "}",
    ),
  },
  {
    name: "text pre-filter: an async helper that waits for the clock with await in its loop",
    code: lines(
      'import { setTimeout } from "node:timers/promises";',
      "async function waitUntil(deadline: number) {",
      "  while (new  Date().getTime() < deadline) await setTimeout(10);",
      "}",
      "export async function throttle(lastRun: number, gapMs: number) {",
      "  await waitUntil(lastRun + gapMs);",
      "}",
    ),
  },
  {
    name: "execSync options exec takes too (env, timeout) in a synchronous build script",
    code: lines(
      'import { execSync } from "node:child_process";',
      "function runTests(dir: string) {",
      '  execSync("npm test", { cwd: dir, env: { ...process.env, CI: "true" }, timeout: 120_000 });',
      "}",
      'runTests("packages/core");',
    ),
  },
  {
    name: "execSync options exec takes too (uid, gid, shell) in a synchronous function a timer runs",
    code: lines(
      'import { execSync } from "node:child_process";',
      "function rotateLogs(uid: number, gid: number) {",
      '  execSync("./rotate-logs.sh", { uid, gid, shell: "/bin/bash", killSignal: "SIGKILL" });',
      "}",
      "export function scheduleRotation(uid: number, gid: number) {",
      "  return setInterval(() => rotateLogs(uid, gid), 86_400_000);",
      "}",
    ),
  },
  {
    name: "text pre-filter: an async helper that waits for a flag or a deadline, sleeping between checks",
    code: lines(
      'import { setTimeout } from "node:timers/promises";',
      "async function waitFor(ready: () => boolean, ms: number) {",
      "  const deadline = Date.now() + ms;",
      "  while (!ready() && Date.now() < deadline) await setTimeout(10);",
      "  return ready();",
      "}",
      "export async function acquire(lock: { held(): boolean }) {",
      "  return waitFor(() => !lock.held(), 1000);",
      "}",
    ),
  },
  {
    name: "text pre-filter: a helper that runs queued work until a deadline (work each step, not a spin)",
    code: lines(
      "function drain(queue: (() => void)[], budgetMs: number) {",
      "  const deadline = Date.now() + budgetMs;",
      "  while (queue.length > 0 && Date.now() < deadline) queue.shift()?.();",
      "}",
      "export async function tick(queue: (() => void)[]) {",
      "  drain(queue, 5);",
      "}",
    ),
  },
];
// What the table cannot see, for lines 1-470 of the rule (bench/mutation/blocking-call-in-async-lines-1-470.md):
// the one-line summaries (`meta.summaries`, the table checks messages only) and the work limit.
describe(`${RULE}: summaries and work limit`, () => {
  it("gives helper, start-up and XMLHttpRequest findings a one-line summary", () => {
    const summaries = (code: string, run: Parameters<typeof lintCode>[2] = {}) =>
      lintCode(RULE, code, run).findings.map((finding) => `${finding.messageId}: ${finding.summary ?? ""}`);
    assert.deepEqual(
      summaries(lines("function pause(ms: number) {", "  const end = Date.now() + ms;", "  while (Date.now() < end) {}", "}", "export async function retry() {", "  pause(50);", "}")),
      ["blockingSink: `pause` spins on the clock here, and async code runs it"],
    );
    assert.deepEqual(
      summaries(lines("export async function get(url: string) {", "  const xhr = new XMLHttpRequest();", '  xhr.open("GET", url, false);', "  xhr.send();", "  return xhr.responseText;", "}"), { compilerOptions: DOM }),
      ["syncXhr: Synchronous `XMLHttpRequest` blocks the thread inside async function `get`"],
    );
    assert.deepEqual(
      summaries(lines(FS, "export async function main() {", '  return fs.readFileSync("config.json", "utf8");', "}")),
      ["blockingAtStartup: `readFileSync` blocks the event loop inside async function `main`, start-up code that runs once"],
    );
    assert.deepEqual(
      summaries(SETTINGS, { fileName: "settings.ts", extraFiles: { "server.ts": lines('import { getSettings } from "./settings";', "export class Server {", "  async start() {", "    return getSettings().dbUrl;", "  }", "}") } }),
      ["blockingAtStartupSink: `getSettings` calls `readFileSync` here, which waits for the file system, and only start-up code runs it"],
    );
  });

  it("gives the findings at each async caller of a file the program only imports a one-line summary", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blocking-"));
    try {
      fs.writeFileSync(path.join(dir, "settings.ts"), SETTINGS);
      fs.writeFileSync(path.join(dir, "lock.ts"), lines(FS, "export function hasLockfile(dir: string) {", "  return fs.existsSync(`${dir}/lockfile`);", "}"));
      fs.writeFileSync(
        path.join(dir, "server.ts"),
        lines(
          'import { getSettings } from "./settings";',
          'import { hasLockfile } from "./lock";',
          "export class Server {",
          "  async start() {",
          "    return getSettings().dbUrl;",
          "  }",
          "  async handle(dir: string) {",
          "    return hasLockfile(dir);",
          "  }",
          "}",
        ),
      );
      const program = ts.createProgram({ rootNames: [path.join(dir, "server.ts")], options: TEST_COMPILER_OPTIONS });
      program.getTypeChecker();
      const sourceFile = program.getSourceFile(path.join(dir, "server.ts"));
      assert.ok(sourceFile);
      const findings = lintSourceFile(sourceFile, new ProgramTypes(program), configFor(RULE, {}), allRules).findings;
      assert.deepEqual(
        findings.map((finding) => `${finding.messageId}: ${finding.summary ?? ""}`),
        [
          "blockingAtStartupChain: `getSettings` blocks the event loop inside async method `Server.start`, start-up code that runs once",
          "blockingMetadataChain: `hasLockfile` makes one file-system metadata call inside async method `Server.handle`",
        ],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds a blocking helper after ten thousand other calls in its file: the work limit counts only calls named like a blocking API", () => {
    // A generated route table: 10,001 calls in a synchronous function before the helper's
    // readFileSync. WORK_LIMIT is 10,000 resolved call sites per program.
    const routes = Array.from({ length: 10_001 }, (_, i) => `  router.get("/page/${i}", render);`);
    const code = lines(
      'import { readFileSync } from "node:fs";',
      "interface Router { get(path: string, handler: () => string): void }",
      "declare function render(): string;",
      "export function registerRoutes(router: Router) {",
      ...routes,
      "}",
      "export function loadTemplate(name: string) {",
      "  return readFileSync(`templates/${name}.html`, \"utf8\");",
      "}",
      "export async function handle(name: string) {",
      "  return loadTemplate(name).length;",
      "}",
    );
    const findings = lintCode(RULE, code).findings.map((finding) => `${finding.messageId}@${finding.range.start.line + 1}`);
    assert.deepEqual(findings, [`blockingSink@${routes.length + 7}`]);
  });
});
const invalid471: InvalidCase[] = [
  // (lines 471-940 must-flag cases go here)
  {
    name: "blockingCalls: a statement run in a synchronous helper async code calls (plain names, no replacement given)",
    code: lines(
      'import Database from "better-sqlite3";',
      'const db = new Database("app.db");',
      'const insertVisit = db.prepare("insert into visits (path) values (?)");',
      "function recordVisit(path: string) {",
      "  insertVisit.run(path);",
      "}",
      "export async function handle(path: string) {",
      "  recordVisit(path);",
      "  return { ok: true };",
      "}",
    ),
    extraFiles: { "sqlite.d.ts": SQLITE_DTS },
    options: { blockingCalls: [{ module: "better-sqlite3", name: ["Statement.get", "Statement.run"] }] },
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 3,
        message: "`recordVisit` calls `Statement.run` here, which blocks until its work is done, and async code runs it: it is reached from async function `handle`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use an asynchronous alternative here and make the functions between here and the async code async, or call `recordVisit` only outside async code.",
      },
    ],
  },
  {
    name: "blockingCalls: a statement read in a synchronous helper async code calls (names in braces)",
    code: lines(
      'import Database from "better-sqlite3";',
      'const db = new Database("app.db");',
      'const findUser = db.prepare("select * from users where id = ?");',
      "function userById(id: string) {",
      "  return findUser.get(id);",
      "}",
      "export async function getUser(id: string) {",
      "  return userById(id);",
      "}",
    ),
    extraFiles: { "sqlite.d.ts": SQLITE_DTS },
    options: { blockingCalls: [{ module: "better-sqlite3", name: "Statement.{get,all,run}", replacement: "a query on a worker thread" }] },
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 10,
        message: "`userById` calls `Statement.get` here, which blocks until its work is done, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use a query on a worker thread here and make the functions between here and the async code async, or call `userById` only outside async code.",
      },
    ],
  },
  {
    name: "blockingCalls: a statement read in a synchronous helper, one name in braces and one plain",
    code: lines(
      'import Database from "better-sqlite3";',
      'const db = new Database("app.db");',
      'const findUser = db.prepare("select * from users where id = ?");',
      "function userById(id: string) {",
      "  return findUser.get(id);",
      "}",
      "export async function getUser(id: string) {",
      "  return userById(id);",
      "}",
    ),
    extraFiles: { "sqlite.d.ts": SQLITE_DTS },
    options: { blockingCalls: [{ module: "better-sqlite3", name: ["Database.exec", "Statement.{get,all}"] }] },
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 10,
        message: "`userById` calls `Statement.get` here, which blocks until its work is done, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use an asynchronous alternative here and make the functions between here and the async code async, or call `userById` only outside async code.",
      },
    ],
  },
  {
    name: "blockingCalls: a pattern whose braces hold dots, a statement run with false as its last parameter",
    code: lines(
      'import Database from "better-sqlite3";',
      'const db = new Database("app.db");',
      'const insertUser = db.prepare("insert into users (id, name, admin) values (?, ?, ?)");',
      "export async function createUser(id: string, name: string) {",
      "  insertUser.run(id, name, false);",
      "  return { id };",
      "}",
    ),
    extraFiles: { "sqlite.d.ts": SQLITE_DTS },
    options: { blockingCalls: [{ module: "better-sqlite3", name: "{Statement.run,Database.exec}" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 3,
        message: "`Statement.run` blocks the event loop inside async function `createUser`: while it blocks until its work is done, no other request, timer or callback on this process runs. Use an asynchronous alternative instead.",
      },
    ],
  },
  {
    name: "allow: an entry with a file and a function covers that function only in those files",
    code: lines(FS, "export async function main() {", '  return fs.readFileSync("config.json", "utf8");', "}"),
    fileName: "src/server.ts",
    options: { allow: [{ file: "**/scripts/**", function: "main" }], lowerStartup: false },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `main`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(FS, 'import { readFile } from "node:fs/promises";', "export async function main() {", '  return await readFile("config.json", "utf8");', "}"),
          ],
        ],
      },
    ],
  },
  {
    name: "blockingCalls: every function of a module whose name ends in Sync (a pattern starting with a wildcard)",
    code: lines('import { readJsonSync } from "fs-extra";', "export async function loadManifest(dir: string) {", '  return readJsonSync(`${dir}/manifest.json`);', "}"),
    extraFiles: { "fs-extra.d.ts": FS_EXTRA_DTS },
    options: { blockingCalls: [{ module: "fs-extra", name: "*Sync", replacement: "the promise API of fs-extra" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: "`readJsonSync` blocks the event loop inside async function `loadManifest`: while it blocks until its work is done, no other request, timer or callback on this process runs. Use the promise API of fs-extra instead.",
      },
    ],
  },
  {
    name: "allow: async callbacks of map at the top level are in no function allow names",
    code: lines(
      FS,
      'const files = ["a.json", "b.json"];',
      "void Promise.all(",
      "  files.map(async (file) => {",
      '    const text = fs.readFileSync(file, "utf8");',
      "    return JSON.parse(text) as unknown;",
      "  }),",
      ");",
    ),
    options: { allow: [{ function: "main" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 18,
        message: BLOCKS_ON_FS("readFileSync", "an async arrow function passed to `map`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              'const files = ["a.json", "b.json"];',
              "void Promise.all(",
              "  files.map(async (file) => {",
              '    const text = await readFile(file, "utf8");',
              "    return JSON.parse(text) as unknown;",
              "  }),",
              ");",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "transitive: a project wrapper named like the API it wraps, called from async code",
    code: lines(
      'import * as cp from "node:child_process";',
      "function execSync(command: string) {",
      '  return cp.execSync(command, { encoding: "utf8", stdio: "pipe" }).trim();',
      "}",
      "export async function currentBranch() {",
      '  return execSync("git rev-parse --abbrev-ref HEAD");',
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        message: "`execSync` calls `execSync` here, which waits for the child process to exit, and async code runs it: it is reached from async function `currentBranch`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) here and make the functions between here and the async code async, or call `execSync` only outside async code.",
      },
    ],
  },
  {
    name: "allow: loaders keyed by file extension, one extension's loader not listed",
    code: lines(
      FS,
      "export const loaders = {",
      '  ".json": async (path: string) => JSON.parse(fs.readFileSync(path, "utf8")) as unknown,',
      '  ".txt": async (path: string) => fs.readFileSync(path, "utf8"),',
      "};",
    ),
    options: { allow: [{ function: "*.json" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 35,
        message: BLOCKS_ON_FS("readFileSync", "async arrow function `.txt`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export const loaders = {",
              '  ".json": async (path: string) => JSON.parse(fs.readFileSync(path, "utf8")) as unknown,',
              '  ".txt": async (path: string) => await readFile(path, "utf8"),',
              "};",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "blockingCalls: every method of an interface, one called by a key starting with a dot",
    code: lines('import { loaders } from "file-loaders";', "export async function loadConfig(path: string) {", '  return loaders[".json"](path);', "}"),
    extraFiles: {
      "file-loaders.d.ts": lines(
        'declare module "file-loaders" {',
        "  /** Synchronous loaders keyed by file extension. */",
        '  export interface Loaders { ".json"(path: string): unknown; ".yaml"(path: string): unknown; }',
        "  export const loaders: Loaders;",
        "  export function loadAsync(path: string): Promise<unknown>;",
        "}",
      ),
    },
    options: { blockingCalls: [{ module: "file-loaders", name: "Loaders.*" }] },
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: "`Loaders..json` blocks the event loop inside async function `loadConfig`: while it blocks until its work is done, no other request, timer or callback on this process runs. Use an asynchronous alternative instead.",
      },
    ],
  },
  {
    name: "blockingCalls: a name pattern ending in a wildcard, the call in a synchronous helper async code calls",
    code: lines(
      'import { Db } from "sqlite-sync";',
      'const db = new Db("app.db");',
      "function userById(id: string) {",
      '  return db.queryOne("select * from users where id = ?", id);',
      "}",
      "export async function getUser(id: string) {",
      "  return userById(id);",
      "}",
    ),
    extraFiles: {
      "sqlite-sync.d.ts": lines(
        'declare module "sqlite-sync" {',
        "  export class Db {",
        "    constructor(filename: string);",
        "    queryOne(sql: string, ...params: unknown[]): unknown;",
        "    queryAll(sql: string, ...params: unknown[]): unknown[];",
        "    close(): void;",
        "  }",
        "}",
      ),
    },
    options: { blockingCalls: [{ module: "sqlite-sync", name: "Db.query*" }] },
    errors: [
      {
        messageId: "blockingSink",
        line: 4,
        column: 10,
        message: "`userById` calls `Db.queryOne` here, which blocks until its work is done, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use an asynchronous alternative here and make the functions between here and the async code async, or call `userById` only outside async code.",
      },
    ],
  },
];
const valid471: ValidCase[] = [
  // (lines 471-940 must-not-flag cases go here)
  {
    name: "blockingCalls: a project class with the same name is not the listed module's",
    code: lines(
      "class Statement {",
      "  constructor(private readonly sql: string) {}",
      "  run(...params: unknown[]) { return { sql: this.sql, params }; }",
      "}",
      'const insertVisit = new Statement("insert into visits (path) values (?)");',
      "export async function handle(path: string) {",
      "  return insertVisit.run(path);",
      "}",
    ),
    options: { blockingCalls: [{ module: "better-sqlite3", name: "Statement.{get,all,run}" }] },
  },
  {
    name: "blockingCalls: another module's Statement with the same name is not the listed module's",
    code: lines(
      'import { Database } from "sqlite-async";',
      "declare const db: Database;",
      'const insertVisit = db.prepare("insert into visits (path) values (?)");',
      "export async function handle(path: string) {",
      "  return insertVisit.run(path);",
      "}",
    ),
    extraFiles: {
      "sqlite-async.d.ts": lines(
        'declare module "sqlite-async" {',
        "  interface Statement { run(...params: unknown[]): Promise<void>; }",
        "  class Database { prepare(sql: string): Statement; }",
        "}",
      ),
    },
    options: { blockingCalls: [{ module: "better-sqlite3", name: "Statement.{get,all,run}" }] },
  },
  {
    name: "blockingCalls: a statement run at module level, outside async code",
    code: lines(
      'import Database from "better-sqlite3";',
      'const db = new Database("app.db");',
      'db.prepare("create table if not exists visits (path text)").run();',
      "export async function handle(path: string) {",
      "  return { path };",
      "}",
    ),
    extraFiles: { "sqlite.d.ts": SQLITE_DTS },
    options: { blockingCalls: [{ module: "better-sqlite3", name: "{Statement.run,Database.exec}" }] },
  },
  {
    name: "allow: a file glob covers files under a dot directory",
    code: lines(FS, "export async function release() {", '  return fs.readFileSync("package.json", "utf8");', "}"),
    fileName: ".github/scripts/release.ts",
    options: { allow: [{ file: "**/scripts/**" }] },
  },
  {
    name: "allow: code one entry of several covers (by file, not by function)",
    code: lines(FS, "export async function build() {", '  return fs.readFileSync("package.json", "utf8");', "}"),
    fileName: "scripts/build.ts",
    options: { allow: [{ function: "main" }, { file: "**/scripts/**" }] },
  },
  {
    name: "allow: an entry with a file and a function, the function in those files",
    code: lines(FS, "export async function main() {", '  return fs.readFileSync("config.json", "utf8");', "}"),
    fileName: "scripts/main.ts",
    options: { allow: [{ file: "**/scripts/**", function: "main" }], lowerStartup: false },
  },
  {
    name: "blockingCalls: the promise function of a module whose Sync functions are listed",
    code: lines('import { readJson } from "fs-extra";', "export async function loadManifest(dir: string) {", '  return await readJson(`${dir}/manifest.json`);', "}"),
    extraFiles: { "fs-extra.d.ts": FS_EXTRA_DTS },
    options: { blockingCalls: [{ module: "fs-extra", name: "*Sync", replacement: "the promise API of fs-extra" }] },
  },
  {
    name: "allow: async callbacks of map inside a function allow names",
    code: lines(
      FS,
      "export function main(files: string[]) {",
      "  return Promise.all(",
      "    files.map(async (file) => {",
      '      const text = fs.readFileSync(file, "utf8");',
      "      return JSON.parse(text) as unknown;",
      "    }),",
      "  );",
      "}",
    ),
    options: { allow: [{ function: "main" }] },
  },
  {
    name: "transitive off: a project wrapper named like the API it wraps is not followed",
    code: lines(
      'import * as cp from "node:child_process";',
      "function execSync(command: string) {",
      '  return cp.execSync(command, { encoding: "utf8", stdio: "pipe" }).trim();',
      "}",
      "export async function currentBranch() {",
      '  return execSync("git rev-parse --abbrev-ref HEAD");',
      "}",
    ),
    options: { transitive: false },
  },
  {
    name: "allow: a function glob matches a name starting with a dot (a loader keyed by file extension)",
    code: lines(FS, "export const loaders = {", '  ".json": async (path: string) => JSON.parse(fs.readFileSync(path, "utf8")) as unknown,', "};"),
    options: { allow: [{ function: "*.json" }] },
  },
  {
    name: "blockingCalls: every method of an interface listed, the module's promise function awaited",
    code: lines('import { loadAsync } from "file-loaders";', "export async function loadConfig(path: string) {", "  return await loadAsync(path);", "}"),
    extraFiles: {
      "file-loaders.d.ts": lines(
        'declare module "file-loaders" {',
        "  /** Synchronous loaders keyed by file extension. */",
        '  export interface Loaders { ".json"(path: string): unknown; ".yaml"(path: string): unknown; }',
        "  export const loaders: Loaders;",
        "  export function loadAsync(path: string): Promise<unknown>;",
        "}",
      ),
    },
    options: { blockingCalls: [{ module: "file-loaders", name: "Loaders.*" }] },
  },
  {
    name: "blockingCalls: a name pattern ending in a wildcard, another method of the class",
    code: lines(
      'import { Db } from "sqlite-sync";',
      'const db = new Db("app.db");',
      "function shutdown() {",
      "  db.close();",
      "}",
      "export async function stop() {",
      "  shutdown();",
      "}",
    ),
    extraFiles: {
      "sqlite-sync.d.ts": lines(
        'declare module "sqlite-sync" {',
        "  export class Db {",
        "    constructor(filename: string);",
        "    queryOne(sql: string, ...params: unknown[]): unknown;",
        "    queryAll(sql: string, ...params: unknown[]): unknown[];",
        "    close(): void;",
        "  }",
        "}",
      ),
    },
    options: { blockingCalls: [{ module: "sqlite-sync", name: "Db.query*" }] },
  },
  {
    name: "transitive off: a project function named like another file's renamed import is not followed",
    code: lines(
      FS,
      "export function read(path: string) {",
      '  return fs.readFileSync(path, "utf8");',
      "}",
      "export async function loadPage(name: string) {",
      "  return read(`pages/${name}.html`);",
      "}",
    ),
    fileName: "src/files.ts",
    extraFiles: {
      "src/config.ts": lines('import { readFileSync as read } from "node:fs";', 'export const config = JSON.parse(read("config.json", "utf8")) as unknown;'),
    },
    options: { transitive: false },
  },
];
const LEGACY_DB_DTS = 'declare module "legacy-db" { export function query(sql: string, params: unknown[], cached: boolean): unknown[]; }';
const NATIVE_BRIDGE_DTS = 'declare module "native-bridge" { export function call(method: string, ...args: unknown[]): unknown; }';
/** A client whose `open(host, port, tls)` reads a certificate: called with `false` third, it is no XMLHttpRequest. */
const POOL_OPEN = (caller: string) =>
  lines(
    FS,
    "export class Pool {",
    '  private ca = "";',
    "  open(host: string, port: number, tls: boolean) {",
    '    if (tls) this.ca = fs.readFileSync("/etc/ssl/ca.pem", "utf8");',
    "    return `${host}:${port}`;",
    "  }",
    "}",
    caller,
    '  return pool.open("db.local", 5432, false);',
    "}",
  );
/** A project module that hands out `fs` functions under names of its own. */
const FS_COPIES = lines(FS, "export const exists = fs.existsSync;", "export const readText = fs.promises.readFile;");
/**
 * A shutdown whose steps are kept in lists, each list run by a step of the list before it, the
 * first by `stop()`; `levels` lists deep. `unlink` is the innermost step's call.
 */
const NESTED_STOP_STEPS = (levels: number, unlink: string) => {
  const names = ["phases", "flushers", "closers", "cleaners"].slice(0, levels);
  const open = names.map((list, depth) => `${"  ".repeat(depth + 2)}this.${list}.push(async () => {`);
  const close = names.map((list, depth) => [`${"  ".repeat(depth + 2)}});`, `${"  ".repeat(depth + 2)}for (const step of this.${list}) await step();`]).reverse();
  return lines(
    FS,
    "export class Shutdown {",
    ...names.map((list) => `  private readonly ${list}: Array<() => Promise<void>> = [];`),
    "  constructor(private readonly pidFile: string) {}",
    "  async stop() {",
    ...open,
    `${"  ".repeat(levels + 2)}${unlink}`,
    ...close.flat(),
    "  }",
    "}",
  );
};
const invalid941: InvalidCase[] = [
  // (lines 941-end must-flag cases go here)
  {
    name: "busy-wait on process.hrtime() with a start time",
    code: lines("export async function pause(seconds: number) {", "  const start = process.hrtime();", "  while (process.hrtime(start)[0] < seconds) {}", "}"),
    errors: [
      {
        messageId: "busyWait",
        line: 3,
        column: 3,
        message: "This loop waits for the clock by spinning inside async function `pause`: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
      },
    ],
  },
  {
    name: "busy-wait on process.hrtime.bigint()",
    code: lines("export async function pause(ms: number) {", "  const end = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;", "  while (process.hrtime.bigint() < end) { /* spin */ }", "}"),
    errors: [
      {
        messageId: "busyWait",
        line: 3,
        column: 3,
        message: "This loop waits for the clock by spinning inside async function `pause`: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
      },
    ],
  },
  {
    name: "start-up: a pid file removed through .call in stop()",
    code: lines(
      FS,
      "export class Worker {",
      "  constructor(private readonly pidFile: string) {}",
      "  async stop() {",
      "    fs.unlinkSync.call(fs, this.pidFile);",
      "  }",
      "}",
    ),
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 5,
        column: 5,
        message: "`unlinkSync` blocks the event loop inside async method `Worker.stop`, which runs only while the program starts or stops (the `startupFunctions` option names it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await unlink(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
      },
    ],
  },
  {
    name: "messages: an async generator method",
    code: lines(FS, "export class LogFile {", "  constructor(private readonly path: string) {}", "  async *entries() {", '    yield* fs.readFileSync(this.path, "utf8").split("\\n");', "  }", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 12,
        message: BLOCKS_ON_FS("readFileSync", "async generator method `LogFile.entries`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export class LogFile {",
              "  constructor(private readonly path: string) {}",
              "  async *entries() {",
              '    yield* (await readFile(this.path, "utf8")).split("\\n");',
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "messages: an async generator method named by a symbol",
    code: lines(FS, "export class LogFile {", "  constructor(private readonly path: string) {}", "  async *[Symbol.asyncIterator]() {", '    yield* fs.readFileSync(this.path, "utf8").split("\\n");', "  }", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 12,
        message: BLOCKS_ON_FS("readFileSync", "an async generator method", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export class LogFile {",
              "  constructor(private readonly path: string) {}",
              "  async *[Symbol.asyncIterator]() {",
              '    yield* (await readFile(this.path, "utf8")).split("\\n");',
              "  }",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "messages: an anonymous async generator exported as default",
    code: lines(FS, "export default async function* (path: string) {", '  yield* fs.readFileSync(path, "utf8").split("\\n");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "an async generator", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export default async function* (path: string) {",
              '  yield* (await readFile(path, "utf8")).split("\\n");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "messages: an anonymous async function exported as default",
    code: lines(FS, "export default async function (path: string) {", '  return JSON.parse(fs.readFileSync(path, "utf8")) as unknown;', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 21,
        message: BLOCKS_ON_FS("readFileSync", "an async function", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export default async function (path: string) {",
              '  return JSON.parse(await readFile(path, "utf8")) as unknown;',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a synchronous XMLHttpRequest in a helper async code calls",
    code: lines(
      "function loadConfig(url: string): unknown {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, false);',
      "  xhr.send();",
      "  return JSON.parse(xhr.responseText);",
      "}",
      "export async function init() {",
      '  return loadConfig("/config.json");',
      "}",
    ),
    compilerOptions: DOM,
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [8],
        message: "`loadConfig` sends a synchronous `XMLHttpRequest` here, and async code runs it: it is reached from async function `init`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await fetch(...)` here and make the functions between here and the async code async, or call `loadConfig` only outside async code.",
      },
    ],
  },
  {
    name: "execSync with stdio inherited: no fix, the promisified exec has no stdio",
    code: lines('import { execSync } from "node:child_process";', "export async function build(cwd: string) {", '  execSync("npm run build", { cwd, stdio: "inherit" });', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        fixes: [],
        message: "`execSync` blocks the event loop inside async function `build`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "a blocking read in semicolon-less code, added to a running total",
    code: lines(FS, "export async function totalSize(paths: string[]) {", "  let bytes = 0", "  for (const path of paths) {", "    bytes += fs.readFileSync(path).length", "  }", "  return bytes", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 14,
        message: BLOCKS_ON_FS("readFileSync", "async function `totalSize`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function totalSize(paths: string[]) {",
              "  let bytes = 0",
              "  for (const path of paths) {",
              "    bytes += (await readFile(path)).length",
              "  }",
              "  return bytes",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "execSync with the command only: the fix runs the promisified exec",
    code: lines('import { execSync } from "node:child_process";', "export async function fetchAll() {", '  execSync("git fetch --all");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `fetchAll`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
        fixes: [
          [
            EXEC,
            lines(
              'import { execSync, exec } from "node:child_process";',
              'import { promisify } from "node:util";',
              "export async function fetchAll() {",
              '  await promisify(exec)("git fetch --all");',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a read asserted non-null: the fix adds parentheses",
    code: lines(FS, "export async function version(path: string) {", '  return fs.readFileSync(path, "utf8")!.trim();', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `version`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function version(path: string) {",
              '  return (await readFile(path, "utf8"))!.trim();',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a helper reached from two unnamed async route handlers",
    code: lines(
      FS,
      "type Handler = (path: string) => Promise<unknown>;",
      "const routes = new Map<string, Handler>();",
      "const router = { get(path: string, handler: Handler) { routes.set(path, handler); } };",
      "function readConfig(): unknown {",
      '  return JSON.parse(fs.readFileSync("config.json", "utf8"));',
      "}",
      'router.get("/config", async () => readConfig());',
      'router.get("/health", async () => ({ ok: true, config: readConfig() }));',
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 6,
        column: 21,
        related: [8, 9],
        message: "`readConfig` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from 2 async functions, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readConfig` only outside async code.",
      },
    ],
  },
  {
    name: "a helper reached from one named and two unnamed async functions",
    code: lines(
      FS,
      "type Handler = (path: string) => Promise<unknown>;",
      "const routes = new Map<string, Handler>();",
      "const router = { get(path: string, handler: Handler) { routes.set(path, handler); } };",
      "function readConfig(): unknown {",
      '  return JSON.parse(fs.readFileSync("config.json", "utf8"));',
      "}",
      'router.get("/config", async () => readConfig());',
      'router.get("/health", async () => ({ ok: true, config: readConfig() }));',
      "export async function reload() {",
      "  return readConfig();",
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 6,
        column: 21,
        related: [8, 9, 11],
        message: "`readConfig` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from 3 async functions (`reload`, …), and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readConfig` only outside async code.",
      },
    ],
  },
  {
    name: "a busy-wait that keeps a status callback up to date in each turn",
    code: lines(
      "export async function pause(ms: number, log: (status: () => string) => void) {",
      "  const until = Date.now() + ms;",
      '  let status = () => "";',
      "  while (Date.now() < until) {",
      "    status = () => `waiting ${String(until - Date.now())} ms`;",
      "  }",
      "  log(status);",
      "}",
    ),
    errors: [
      {
        messageId: "busyWait",
        line: 4,
        column: 3,
        message: "This loop waits for the clock by spinning inside async function `pause`: it keeps the thread busy until the time is up, and meanwhile no other request, timer or callback on this process runs. Use `await setTimeout(ms)` from `node:timers/promises` instead.",
      },
    ],
  },
  {
    name: "execSync in a file that takes promisify from bluebird: no fix, the name is taken",
    code: lines(
      'import { execSync } from "node:child_process";',
      'import { promisify } from "bluebird";',
      'import { readFile as readFileCallback } from "node:fs";',
      "const readChangelog = promisify(readFileCallback);",
      "export async function release(version: string) {",
      "  execSync(`git tag v${version}`);",
      '  return readChangelog("CHANGELOG.md");',
      "}",
    ),
    extraFiles: { "bluebird.d.ts": 'declare module "bluebird" { export function promisify(fn: (...args: any[]) => void): (...args: any[]) => Promise<unknown>; }' },
    errors: [
      {
        messageId: "blockingCall",
        line: 6,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `release`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "execSync in a file that also matches with RegExp exec: no fix, the name is taken",
    code: lines(
      'import { execSync } from "node:child_process";',
      "const TAG = /^v\\d+\\.\\d+\\.\\d+$/;",
      "export async function pushTag(tag: string) {",
      "  if (!TAG.exec(tag)) throw new Error(`not a release tag: ${tag}`);",
      "  execSync(`git push origin ${tag}`);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 5,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `pushTag`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "a blocking read used as a key: the fix needs no parentheses",
    code: lines(
      FS,
      'const labels: Record<string, string> = { stable: "Stable", beta: "Beta" };',
      "export async function channelLabel(path: string) {",
      '  return labels[fs.readFileSync(path, "utf8")];',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 17,
        message: BLOCKS_ON_FS("readFileSync", "async function `channelLabel`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              'const labels: Record<string, string> = { stable: "Stable", beta: "Beta" };',
              "export async function channelLabel(path: string) {",
              '  return labels[await readFile(path, "utf8")];',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a blocking read in semicolon-less code, appended to a string",
    code: lines(FS, "export async function banner(path: string) {", '  let text = "version "', '  text += fs.readFileSync(path, "utf8").trim()', "  return text", "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 11,
        message: BLOCKS_ON_FS("readFileSync", "async function `banner`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              FS,
              'import { readFile } from "node:fs/promises";',
              "export async function banner(path: string) {",
              '  let text = "version "',
              '  text += (await readFile(path, "utf8")).trim()',
              "  return text",
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "a helper that appends to a log through .apply, reached from an async handler",
    code: lines(
      FS,
      "function appendLog(...args: Parameters<typeof fs.appendFileSync>) {",
      "  fs.appendFileSync.apply(fs, args);",
      "}",
      "export async function handle(request: { url: string }) {",
      '  appendLog("access.log", `${request.url}\\n`);',
      "}",
    ),
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 3,
        related: [6],
        message: "`appendLog` calls `appendFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `handle`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await appendFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `appendLog` only outside async code.",
      },
    ],
  },
  {
    name: "a helper that runs an extra blocking API with false as third argument, reached from async code",
    code: lines(
      'import * as db from "legacy-db";',
      "function findUser(id: number) {",
      '  return db.query("select * from users where id = ?", [id], false);',
      "}",
      "export async function getUser(id: number) {",
      "  return findUser(id);",
      "}",
    ),
    extraFiles: { "db.d.ts": LEGACY_DB_DTS },
    options: { blockingCalls: [{ module: "legacy-db", name: "query", replacement: "`await pool.query(...)`" }] },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        related: [6],
        message: "`findUser` calls `query` here, which blocks until its work is done, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await pool.query(...)` here and make the functions between here and the async code async, or call `findUser` only outside async code.",
      },
    ],
  },
  {
    name: "a helper that runs an extra blocking API named call, reached from async code",
    code: lines(
      'import * as bridge from "native-bridge";',
      "function resize(image: Uint8Array, width: number) {",
      '  return bridge.call("resize", image, width);',
      "}",
      "export async function thumbnail(image: Uint8Array) {",
      "  return resize(image, 128);",
      "}",
    ),
    extraFiles: { "bridge.d.ts": NATIVE_BRIDGE_DTS },
    options: { blockingCalls: [{ module: "native-bridge", name: "call", replacement: "`await bridge.callAsync(...)`" }] },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 10,
        related: [6],
        message: "`resize` calls `call` here, which blocks until its work is done, and async code runs it: it is reached from async function `thumbnail`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await bridge.callAsync(...)` here and make the functions between here and the async code async, or call `resize` only outside async code.",
      },
    ],
  },
  {
    name: "execSync with its options in a variable: no fix, they may not carry over",
    code: lines(
      'import { execSync } from "node:child_process";',
      "export async function install(cwd: string) {",
      '  const options = { cwd, stdio: "inherit" as const };',
      '  execSync("npm ci", options);',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `install`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "JavaScript: execSync given a callback as if it were exec: no fix",
    code: lines(
      'const { execSync } = require("child_process");',
      "async function install(dir) {",
      '  execSync("npm install", { cwd: dir }, (error) => {',
      "    if (error) console.error(error);",
      "  });",
      "}",
      "module.exports = { install };",
    ),
    fileName: "install.js",
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: "`execSync` blocks the event loop inside async function `install`: while it waits for the child process to exit, no other request, timer or callback on this process runs. Use `await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`) instead.",
      },
    ],
  },
  {
    name: "a renamed readFileSync run through .call in a map callback",
    code: lines('import { readFileSync as readNow } from "node:fs";', "export async function loadAll(paths: string[]) {", '  return paths.map((p) => readNow.call(undefined, p, "utf8"));', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 27,
        message: BLOCKS_ON_FS("readFileSync", "the `map` callback in async function `loadAll`", "readFile"),
      },
    ],
  },
  {
    name: "a pool method named open that reads a certificate, called with false from async code",
    code: POOL_OPEN("export async function connect(pool: Pool) {"),
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 24,
        related: [10],
        message: "`Pool.open` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `connect`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Pool.open` only outside async code.",
      },
    ],
  },
  {
    name: "start-up: a pid file removed by a step three lists deep inside stop()",
    code: NESTED_STOP_STEPS(3, "fs.unlinkSync(this.pidFile);"),
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 11,
        column: 11,
        message: "`unlinkSync` blocks the event loop inside an async arrow function passed to `push`, which runs only while the program starts or stops (it is kept in `closers`, and only start-up code calls what is kept there): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await unlink(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            `${FS}\nimport { unlink } from "node:fs/promises";\nexport class Shutdown {\n  private readonly phases: Array<() => Promise<void>> = [];\n  private readonly flushers: Array<() => Promise<void>> = [];\n  private readonly closers: Array<() => Promise<void>> = [];\n  constructor(private readonly pidFile: string) {}\n  async stop() {\n    this.phases.push(async () => {\n      this.flushers.push(async () => {\n        this.closers.push(async () => {\n          await unlink(this.pidFile);\n        });\n        for (const step of this.closers) await step();\n      });\n      for (const step of this.flushers) await step();\n    });\n    for (const step of this.phases) await step();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: a pid file removed by a step four lists deep inside stop(), past the bound on lists",
    code: NESTED_STOP_STEPS(4, "fs.unlinkSync(this.pidFile);"),
    errors: [
      {
        messageId: "blockingCall",
        line: 13,
        column: 13,
        message: BLOCKS_ON_FS("unlinkSync", "an async arrow function passed to `push`", "unlink"),
        fixes: [
          [
            "Use `await unlink(...)` from `node:fs/promises`",
            `${FS}\nimport { unlink } from "node:fs/promises";\nexport class Shutdown {\n  private readonly phases: Array<() => Promise<void>> = [];\n  private readonly flushers: Array<() => Promise<void>> = [];\n  private readonly closers: Array<() => Promise<void>> = [];\n  private readonly cleaners: Array<() => Promise<void>> = [];\n  constructor(private readonly pidFile: string) {}\n  async stop() {\n    this.phases.push(async () => {\n      this.flushers.push(async () => {\n        this.closers.push(async () => {\n          this.cleaners.push(async () => {\n            await unlink(this.pidFile);\n          });\n          for (const step of this.cleaners) await step();\n        });\n        for (const step of this.closers) await step();\n      });\n      for (const step of this.flushers) await step();\n    });\n    for (const step of this.phases) await step();\n  }\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "a metadata check through a copy another file exports, in a helper async code calls",
    code: lines(
      'import { exists } from "./utils";',
      "function hasConfig(dir: string) {",
      "  return exists(`${dir}/app.json`);",
      "}",
      "export async function load(dir: string) {",
      "  return hasConfig(dir) ? dir : undefined;",
      "}",
    ),
    fileName: "service.ts",
    extraFiles: { "utils.ts": FS_COPIES },
    errors: [
      {
        messageId: "blockingMetadataSink",
        line: 3,
        column: 10,
        related: [6],
        message: "`hasConfig` calls `existsSync` here, one file-system metadata call, and async code runs it: it is reached from async function `load`, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) here and make the functions between here and the async code async, or call `hasConfig` only outside async code.",
      },
    ],
  },
];
const valid941: ValidCase[] = [
  // (lines 941-end must-not-flag cases go here)
  {
    name: "a polling loop that reads the clock and awaits a timer in every turn is no busy-wait",
    code: lines("export async function waitForFlag(isSet: () => boolean): Promise<boolean> {", "  const deadline = Date.now() + 5000;", "  while (!isSet() && Date.now() < deadline) {", "    await new Promise((resolve) => setTimeout(resolve, 50));", "  }", "  return isSet();", "}"),
  },
  {
    name: "a loop up to now that makes a Date of each timestamp is not a busy-wait",
    code: lines(
      "const DAY = 24 * 60 * 60 * 1000;",
      "export async function daysSince(from: number) {",
      "  const days: Date[] = [];",
      "  for (let t = from; t < Date.now(); t += DAY) days[days.length] = new Date(t);",
      "  return days;",
      "}",
    ),
  },
  {
    name: "a loop up to now that makes an empty bucket per hour is not a busy-wait",
    code: lines(
      "const HOUR = 60 * 60 * 1000;",
      "export async function hourlyBuckets(from: number) {",
      "  const buckets: Map<string, number>[] = [];",
      "  for (let t = from; t < Date.now(); t += HOUR) buckets[buckets.length] = new Map<string, number>();",
      "  return buckets;",
      "}",
    ),
  },
  {
    name: "a loop whose condition reads the clock only in a callback is not a busy-wait",
    code: lines(
      "export async function countLive(entries: { expires: number }[]) {",
      "  let live = 0;",
      "  for (let i = 0; i < entries.filter((entry) => entry.expires > Date.now()).length; i++) live++;",
      "  return live;",
      "}",
    ),
  },
  {
    name: "a loop on the clock that awaits a pending flush each turn is not a busy-wait",
    code: lines(
      "export async function waitForFlush(state: { flushing: Promise<void> | undefined }, ms: number) {",
      "  const end = Date.now() + ms;",
      "  while (state.flushing && Date.now() < end) await state.flushing;",
      "}",
    ),
  },
  {
    name: "a loop on the clock that reads a stream with for await is not a busy-wait",
    code: lines(
      "export async function readFor(stream: AsyncIterable<Uint8Array>, ms: number) {",
      "  const end = Date.now() + ms;",
      "  let size = 0;",
      "  while (Date.now() < end) {",
      "    for await (const chunk of stream) size += chunk.length;",
      "  }",
      "  return size;",
      "}",
    ),
  },
  {
    name: "an async generator method that reads with the promise API",
    code: lines('import { readFile } from "node:fs/promises";', "export class LogFile {", "  constructor(private readonly path: string) {}", "  async *entries() {", '    yield* (await readFile(this.path, "utf8")).split("\\n");', "  }", "}"),
  },
  {
    name: "an anonymous async function exported as default that reads with the promise API",
    code: lines('import { readFile } from "node:fs/promises";', "export default async function (path: string) {", '  return JSON.parse(await readFile(path, "utf8")) as unknown;', "}"),
  },
  {
    name: "start-up: a pid file removed through .call of the promise API in stop()",
    code: lines(
      FS,
      "export class Worker {",
      "  constructor(private readonly pidFile: string) {}",
      "  async stop() {",
      "    await fs.promises.unlink.call(fs.promises, this.pidFile);",
      "  }",
      "}",
    ),
  },
  {
    name: "fs.promises.open with a mode is not an XMLHttpRequest",
    code: lines(FS, "export async function firstLine(path: string) {", '  const handle = await fs.promises.open(path, "r");', "  try {", '    for await (const line of handle.readLines()) return line;', '    return "";', "  } finally {", "    await handle.close();", "  }", "}"),
  },
  {
    name: "a synchronous XMLHttpRequest in a helper only synchronous code calls",
    code: lines(
      "function loadConfig(url: string): unknown {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, false);',
      "  xhr.send();",
      "  return JSON.parse(xhr.responseText);",
      "}",
      "export function init() {",
      '  return loadConfig("/config.json");',
      "}",
    ),
    compilerOptions: DOM,
  },
  {
    name: "execSync with the command only in a synchronous release script",
    code: lines('import { execSync } from "node:child_process";', "export function fetchAll() {", '  execSync("git fetch --all");', "}"),
  },
  {
    name: "a read asserted non-null in a synchronous function",
    code: lines(FS, "export function version(path: string) {", '  return fs.readFileSync(path, "utf8")!.trim();', "}"),
  },
  {
    name: "a helper that reads the config only synchronous route setup calls",
    code: lines(
      FS,
      "type Handler = (path: string) => Promise<unknown>;",
      "const routes = new Map<string, Handler>();",
      "const router = { get(path: string, handler: Handler) { routes.set(path, handler); } };",
      "function readConfig(): unknown {",
      '  return JSON.parse(fs.readFileSync("config.json", "utf8"));',
      "}",
      "const config = readConfig();",
      'router.get("/config", async () => config);',
    ),
  },
  {
    name: "unnamed async route handlers that read the config with the promise API",
    code: lines(
      'import { readFile } from "node:fs/promises";',
      "type Handler = (path: string) => Promise<unknown>;",
      "const routes = new Map<string, Handler>();",
      "const router = { get(path: string, handler: Handler) { routes.set(path, handler); } };",
      'router.get("/config", async () => JSON.parse(await readFile("config.json", "utf8")) as unknown);',
      'router.get("/health", async () => ({ ok: true, config: JSON.parse(await readFile("config.json", "utf8")) as unknown }));',
    ),
  },
  {
    name: "a polling loop that keeps a status callback up to date and awaits a timer in each turn",
    code: lines(
      'import { setTimeout as sleep } from "node:timers/promises";',
      "export async function pause(ms: number, log: (status: () => string) => void) {",
      "  const until = Date.now() + ms;",
      '  let status = () => "";',
      "  while (Date.now() < until) {",
      "    status = () => `waiting ${String(until - Date.now())} ms`;",
      "    await sleep(10);",
      "  }",
      "  log(status);",
      "}",
    ),
  },
  {
    name: "git run through bluebird's promisified exec",
    code: lines(
      'import { exec } from "node:child_process";',
      'import { promisify } from "bluebird";',
      "const run = promisify(exec);",
      "export async function release(version: string) {",
      "  await run(`git tag v${version}`);",
      "}",
    ),
    extraFiles: { "bluebird.d.ts": 'declare module "bluebird" { export function promisify(fn: (...args: any[]) => void): (...args: any[]) => Promise<unknown>; }' },
  },
  {
    name: "execSync in a synchronous release script that also matches with RegExp exec",
    code: lines(
      'import { execSync } from "node:child_process";',
      "const TAG = /^v\\d+\\.\\d+\\.\\d+$/;",
      "export function pushTag(tag: string) {",
      "  if (!TAG.exec(tag)) throw new Error(`not a release tag: ${tag}`);",
      "  execSync(`git push origin ${tag}`);",
      "}",
    ),
  },
  {
    name: "a read with the promise API used as a key",
    code: lines(
      'import { readFile } from "node:fs/promises";',
      'const labels: Record<string, string> = { stable: "Stable", beta: "Beta" };',
      "export async function channelLabel(path: string) {",
      '  return labels[await readFile(path, "utf8")];',
      "}",
    ),
  },
  {
    name: "semicolon-less code that appends a read with the promise API to a string",
    code: lines('import { readFile } from "node:fs/promises"', "export async function banner(path: string) {", '  let text = "version "', '  text += (await readFile(path, "utf8")).trim()', "  return text", "}"),
  },
  {
    name: "a helper that appends to a log through .apply, called only when the process exits",
    code: lines(
      FS,
      "function appendLog(...args: Parameters<typeof fs.appendFileSync>) {",
      "  fs.appendFileSync.apply(fs, args);",
      "}",
      'process.on("exit", (code) => appendLog("exit.log", `exited with ${code}\\n`));',
    ),
  },
  {
    name: "a helper that runs an extra blocking API with false as third argument, called only from a synchronous script",
    code: lines(
      'import * as db from "legacy-db";',
      "function findUser(id: number) {",
      '  return db.query("select * from users where id = ?", [id], false);',
      "}",
      "export function printUser(id: number) {",
      "  console.log(findUser(id));",
      "}",
    ),
    extraFiles: { "db.d.ts": LEGACY_DB_DTS },
    options: { blockingCalls: [{ module: "legacy-db", name: "query", replacement: "`await pool.query(...)`" }] },
  },
  {
    name: "a helper that runs an extra blocking API named call, called only from a synchronous script",
    code: lines(
      'import * as bridge from "native-bridge";',
      "function resize(image: Uint8Array, width: number) {",
      '  return bridge.call("resize", image, width);',
      "}",
      "export function thumbnailNow(image: Uint8Array) {",
      "  return resize(image, 128);",
      "}",
    ),
    extraFiles: { "bridge.d.ts": NATIVE_BRIDGE_DTS },
    options: { blockingCalls: [{ module: "native-bridge", name: "call", replacement: "`await bridge.callAsync(...)`" }] },
  },
  {
    name: "execSync with its options in a variable, in a synchronous install script",
    code: lines(
      'import { execSync } from "node:child_process";',
      "export function install(cwd: string) {",
      '  const options = { cwd, stdio: "inherit" as const };',
      '  execSync("npm ci", options);',
      "}",
    ),
  },
  {
    name: "JavaScript: execSync given a callback, in a synchronous function",
    code: lines(
      'const { execSync } = require("child_process");',
      "function install(dir) {",
      '  execSync("npm install", { cwd: dir }, (error) => {',
      "    if (error) console.error(error);",
      "  });",
      "}",
      "module.exports = { install };",
    ),
    fileName: "install.js",
  },
  {
    name: "a renamed readFile of the promise API run through .call in a map callback",
    code: lines('import { readFile as readLater } from "node:fs/promises";', "export async function loadAll(paths: string[]) {", '  return Promise.all(paths.map((p) => readLater.call(undefined, p, "utf8")));', "}"),
  },
  {
    name: "a pool method named open that reads a certificate, called with false only from synchronous setup",
    code: POOL_OPEN("export function connectNow(pool: Pool) {"),
  },
  {
    name: "a pool method named open that does not block, called with false from async code",
    code: lines(
      "export class Pool {",
      "  open(host: string, port: number, tls: boolean) {",
      "    return `${tls ? \"tls\" : \"tcp\"}://${host}:${port}`;",
      "  }",
      "}",
      "export async function connect(pool: Pool) {",
      '  return pool.open("db.local", 5432, false);',
      "}",
    ),
  },
  {
    name: "a pid file removed with the promise API by a step four lists deep inside stop()",
    code: NESTED_STOP_STEPS(4, "await fs.promises.unlink(this.pidFile);"),
  },
  {
    name: "a pid file removed with the promise API by a step three lists deep inside stop()",
    code: NESTED_STOP_STEPS(3, "await fs.promises.unlink(this.pidFile);"),
  },
  {
    name: "a metadata check through a copy another file exports, in a helper only synchronous code calls",
    code: lines(
      'import { exists } from "./utils";',
      "function hasConfig(dir: string) {",
      "  return exists(`${dir}/app.json`);",
      "}",
      "export function loadNow(dir: string) {",
      "  return hasConfig(dir) ? dir : undefined;",
      "}",
    ),
    fileName: "service.ts",
    extraFiles: { "utils.ts": FS_COPIES },
  },
  {
    name: "a read through a copy of the promise API another file exports, in a helper async code awaits",
    code: lines(
      'import { readText } from "./utils";',
      "function readConfig(dir: string) {",
      "  return readText(`${dir}/app.json`, \"utf8\");",
      "}",
      "export async function load(dir: string) {",
      "  return JSON.parse(await readConfig(dir)) as unknown;",
      "}",
    ),
    fileName: "service.ts",
    extraFiles: { "utils.ts": FS_COPIES },
  },
];

/** A settings reader its module exports as default; importers name it as they like. */
const DEFAULT_SETTINGS = lines(
  FS,
  "export default function readSettings(): { dbUrl: string } {",
  '  return JSON.parse(fs.readFileSync("settings.json", "utf8")) as { dbUrl: string };',
  "}",
);
/** A config class its module exports as default, whose constructor reads the file. */
const DEFAULT_CONFIG = lines(
  FS,
  "export default class Config {",
  "  readonly values: Record<string, string>;",
  "  constructor(path: string) {",
  '    this.values = JSON.parse(fs.readFileSync(path, "utf8")) as Record<string, string>;',
  "  }",
  "}",
);
/** `existsSync` copied once per file, three files deep. */
const EXISTS_COPIES = {
  "fsUtils.ts": lines(FS, "export const fileExists = fs.existsSync;"),
  "paths.ts": lines('import { fileExists } from "./fsUtils";', "export const pathExists = fileExists;"),
};

/** A chain of five plugin-loading functions (the default maxDepth), the last one exported. */
const PLUGIN_CHAIN = lines(
  FS,
  'function readManifest(dir: string) { return fs.readFileSync(`${dir}/plugins.json`, "utf8"); }',
  "function loadManifest(dir: string) { return JSON.parse(readManifest(dir)) as string[]; }",
  "function resolvePlugins(dir: string) { return loadManifest(dir).map((name) => `${dir}/${name}`); }",
  "function loadPlugins(dir: string) { return resolvePlugins(dir).map((file) => ({ file })); }",
  "export function initPlugins(dir: string) { return loadPlugins(dir).length; }",
);

const invalidLeft: InvalidCase[] = [
  // (default imports under another name, copies at any depth)
  {
    name: "a settings reader exported as default, imported under another name by an async handler",
    code: DEFAULT_SETTINGS,
    fileName: "settings.ts",
    extraFiles: { "users.ts": lines('import loadSettings from "./settings";', "export async function getUser(id: string) {", "  return { id, db: loadSettings().dbUrl };", "}") },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 21,
        related: [3],
        message: "`readSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readSettings` only outside async code.",
      },
    ],
  },
  {
    name: "a config class exported as default, created under another name in an async handler",
    code: DEFAULT_CONFIG,
    fileName: "config.ts",
    extraFiles: { "handler.ts": lines('import AppConfig from "./config";', "export async function handle(name: string) {", '  return new AppConfig("app.json").values[name];', "}") },
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 30,
        related: [3],
        message: "`new Config` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `handle`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `new Config` only outside async code.",
      },
    ],
  },
  {
    name: "a helper that calls a default-imported settings reader under another name, reached from async code",
    code: DEFAULT_SETTINGS,
    fileName: "settings.ts",
    extraFiles: {
      "db.ts": lines('import loadSettings from "./settings";', "export function databaseUrl() {", "  return loadSettings().dbUrl;", "}"),
      "users.ts": lines('import { databaseUrl } from "./db";', "export async function getUser(id: string) {", "  return { id, db: databaseUrl() };", "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 21,
        related: [3],
        message: "`readSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readSettings` only outside async code.",
      },
    ],
  },
  {
    name: "a settings arrow function exported as default by name, re-exported under a name by an index file",
    code: lines(
      FS,
      "const readSettings = (): { dbUrl: string } => JSON.parse(fs.readFileSync(\"settings.json\", \"utf8\")) as { dbUrl: string };",
      "export default readSettings;",
    ),
    fileName: "config/settings.ts",
    extraFiles: {
      "config/index.ts": 'export { default as loadSettings } from "./settings";',
      "users.ts": lines('import { loadSettings } from "./config";', "export async function getUser(id: string) {", "  return { id, db: loadSettings().dbUrl };", "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 2,
        column: 58,
        related: [3],
        message: "`readSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readSettings` only outside async code.",
      },
    ],
  },
  {
    name: "a metadata check through a copy of a copy of existsSync, in a helper async code calls",
    code: lines(
      'import { pathExists } from "./paths";',
      "const hasFile = pathExists;",
      "function hasConfig(dir: string) {",
      "  return hasFile(`${dir}/app.json`);",
      "}",
      "export async function load(dir: string) {",
      "  return hasConfig(dir) ? dir : undefined;",
      "}",
    ),
    fileName: "service.ts",
    extraFiles: EXISTS_COPIES,
    errors: [
      {
        messageId: "blockingMetadataSink",
        line: 4,
        column: 10,
        related: [7],
        message: "`hasConfig` calls `existsSync` here, one file-system metadata call, and async code runs it: it is reached from async function `load`, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) here and make the functions between here and the async code async, or call `hasConfig` only outside async code.",
      },
    ],
  },
  {
    name: "a copy of a copy of existsSync run through .call in a helper async code calls",
    code: lines(
      FS,
      "const exists = fs.existsSync;",
      "const fileExists = exists;",
      "const check = fileExists;",
      "function hasLock(dir: string) {",
      "  return check.call(undefined, `${dir}/.lock`);",
      "}",
      "export async function acquire(dir: string) {",
      "  if (hasLock(dir)) throw new Error(`${dir} is locked`);",
      "}",
    ),
    errors: [
      {
        messageId: "blockingMetadataSink",
        line: 6,
        column: 10,
        related: [9],
        message: "`hasLock` calls `existsSync` here, one file-system metadata call, and async code runs it: it is reached from async function `acquire`, and each of those calls is a related location. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) here and make the functions between here and the async code async, or call `hasLock` only outside async code.",
      },
    ],
  },
  {
    name: "the last function of a chain as deep as maxDepth, imported under another name by an async handler",
    code: PLUGIN_CHAIN,
    fileName: "plugins.ts",
    extraFiles: { "server.ts": lines('import { initPlugins as setUpPlugins } from "./plugins";', "export async function listPlugins(dir: string) {", "  return setUpPlugins(dir);", "}") },
    errors: [
      {
        messageId: "blockingSink",
        line: 2,
        column: 45,
        related: [3],
        message: "`readManifest` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `listPlugins`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readManifest` only outside async code.",
      },
    ],
  },
  {
    name: "a helper that calls a settings reader an index file re-exports under another name, reached from async code",
    code: lines(FS, "export function readSettings(): { dbUrl: string } {", '  return JSON.parse(fs.readFileSync("settings.json", "utf8")) as { dbUrl: string };', "}"),
    fileName: "config/settings.ts",
    extraFiles: {
      "config/index.ts": 'export { readSettings as loadSettings } from "./settings";',
      "db.ts": lines('import { loadSettings } from "./config";', "export function databaseUrl() {", "  return loadSettings().dbUrl;", "}"),
      "users.ts": lines('import { databaseUrl } from "./db";', "export async function getUser(id: string) {", "  return { id, db: databaseUrl() };", "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 21,
        related: [3],
        message: "`readSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readSettings` only outside async code.",
      },
    ],
  },
  {
    name: "a settings reader an index file passes on as its own default, imported under another name by an async handler",
    code: DEFAULT_SETTINGS,
    fileName: "config/settings.ts",
    extraFiles: {
      "config/index.ts": 'export { default } from "./settings";',
      "users.ts": lines('import loadSettings from "./config";', "export async function getUser(id: string) {", "  return { id, db: loadSettings().dbUrl };", "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 21,
        related: [3],
        message: "`readSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `getUser`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readSettings` only outside async code.",
      },
    ],
  },
  {
    name: "not start-up: an entry script's default-exported function imported under another name by a request handler",
    code: lines("#!/usr/bin/env node", FS, "export default async function readVersion() {", '  return fs.readFileSync("VERSION", "utf8");', "}", "void readVersion();"),
    fileName: "bin/cli.ts",
    extraFiles: { "routes.ts": lines('import version from "./bin/cli";', "export async function handleVersion() {", "  return { version: await version() };", "}") },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `readVersion`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "export default async function readVersion() {",
              '  return await readFile("VERSION", "utf8");',
              "}",
              "void readVersion();",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "not start-up: an entry script's function exported as default by name, imported under another name by a request handler",
    code: lines("#!/usr/bin/env node", FS, "async function readVersion() {", '  return fs.readFileSync("VERSION", "utf8");', "}", "void readVersion();", "export default readVersion;"),
    fileName: "bin/cli.ts",
    extraFiles: { "routes.ts": lines('import { default as version } from "./bin/cli";', "export async function handleVersion() {", "  return { version: await version() };", "}") },
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        severity: "warning",
        message: BLOCKS_ON_FS("readFileSync", "async function `readVersion`", "readFile"),
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "async function readVersion() {",
              '  return await readFile("VERSION", "utf8");',
              "}",
              "void readVersion();",
              "export default readVersion;",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "start-up: an entry script's default-exported function that only its top level runs, another file importing a type from it",
    code: lines("#!/usr/bin/env node", FS, "export interface Version { text: string }", "export default async function readVersion(): Promise<Version> {", '  return { text: fs.readFileSync("VERSION", "utf8") };', "}", "void readVersion();"),
    fileName: "bin/cli.ts",
    extraFiles: { "routes.ts": lines('import type { Version } from "./bin/cli";', "export function show(version: Version) {", "  return version.text;", "}") },
    errors: [
      {
        messageId: "blockingAtStartup",
        line: 5,
        column: 18,
        message: "`readFileSync` blocks the event loop inside async function `readVersion`, which runs only once, as the program starts (only the top level of the entry script `cli.ts` runs it): it is paid once, not per request, but while it waits for the file system, whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` instead, or accept it here with an `allow` entry.",
        fixes: [
          [
            READ_FILE,
            lines(
              "#!/usr/bin/env node",
              FS,
              'import { readFile } from "node:fs/promises";',
              "export interface Version { text: string }",
              "export default async function readVersion(): Promise<Version> {",
              '  return { text: await readFile("VERSION", "utf8") };',
              "}",
              "void readVersion();",
            ),
          ],
        ],
      },
    ],
  },
];
const validLeft: ValidCase[] = [
  // (default imports under another name, copies at any depth)
  {
    name: "a settings reader exported as default, imported under another name by a synchronous start-up script",
    code: DEFAULT_SETTINGS,
    fileName: "settings.ts",
    extraFiles: { "users.ts": lines('import loadSettings from "./settings";', "export function defaultUser(id: string) {", "  return { id, db: loadSettings().dbUrl };", "}") },
  },
  {
    name: "an async settings reader exported as default, imported under another name and awaited",
    code: lines(
      'import { readFile } from "node:fs/promises";',
      "export default async function readSettings(): Promise<{ dbUrl: string }> {",
      '  return JSON.parse(await readFile("settings.json", "utf8")) as { dbUrl: string };',
      "}",
    ),
    fileName: "settings.ts",
    extraFiles: { "users.ts": lines('import loadSettings from "./settings";', "export async function getUser(id: string) {", "  return { id, db: (await loadSettings()).dbUrl };", "}") },
  },
  {
    name: "a default export that does not block, from a module whose other export reads synchronously",
    code: lines(
      FS,
      'import * as path from "node:path";',
      "export function readSettingsSync(dir: string): { dbUrl: string } {",
      '  return JSON.parse(fs.readFileSync(path.join(dir, "settings.json"), "utf8")) as { dbUrl: string };',
      "}",
      "export default function settingsPath(dir: string) {",
      '  return path.join(dir, "settings.json");',
      "}",
    ),
    fileName: "settings.ts",
    extraFiles: {
      "users.ts": lines('import pathOf from "./settings";', "export async function describeSettings(dir: string) {", "  return `settings at ${pathOf(dir)}`;", "}"),
      "cli.ts": lines('import { readSettingsSync } from "./settings";', "export function printSettings(dir: string) {", "  console.log(readSettingsSync(dir).dbUrl);", "}"),
    },
  },
  {
    name: "a config class exported as default whose constructor does not block, created under another name in async code",
    code: lines(
      FS,
      "export default class Config {",
      "  constructor(readonly values: Record<string, string>) {}",
      "  static fromFile(path: string) {",
      '    return new Config(JSON.parse(fs.readFileSync(path, "utf8")) as Record<string, string>);',
      "  }",
      "}",
    ),
    fileName: "config.ts",
    extraFiles: { "handler.ts": lines('import AppConfig from "./config";', "export async function handle(values: Record<string, string>, name: string) {", "  return new AppConfig(values).values[name];", "}") },
  },
  {
    name: "a metadata check through a copy of a copy of existsSync, in a helper only synchronous code calls",
    code: lines(
      'import { pathExists } from "./paths";',
      "const hasFile = pathExists;",
      "function hasConfig(dir: string) {",
      "  return hasFile(`${dir}/app.json`);",
      "}",
      "export function loadNow(dir: string) {",
      "  return hasConfig(dir) ? dir : undefined;",
      "}",
    ),
    fileName: "service.ts",
    extraFiles: EXISTS_COPIES,
  },
  {
    name: "a copy of a copy of the promise API's access, awaited in a helper async code calls",
    code: lines(
      'import { access } from "node:fs/promises";',
      "const canAccess = access;",
      "const checkAccess = canAccess;",
      "const probe = checkAccess;",
      "function probeConfig(dir: string) {",
      "  return probe(`${dir}/app.json`);",
      "}",
      "export async function load(dir: string) {",
      "  await probeConfig(dir);",
      "  return dir;",
      "}",
    ),
  },
  {
    name: "a copy of an existsSync copy that tests may replace (let), in a helper async code calls",
    code: lines(
      FS,
      "const exists = fs.existsSync;",
      "export let fileExists: (path: string) => boolean = exists;",
      "export function stubFileExists(stub: (path: string) => boolean) {",
      "  fileExists = stub;",
      "}",
      "const check = fileExists;",
      "function hasLock(dir: string) {",
      "  return check(`${dir}/.lock`);",
      "}",
      "export async function acquire(dir: string) {",
      "  if (hasLock(dir)) throw new Error(`${dir} is locked`);",
      "}",
    ),
  },
  {
    name: "a chain one function deeper than maxDepth, its last function imported under another name by an async handler",
    code: lines(PLUGIN_CHAIN, "export function countPlugins(dir: string) { return initPlugins(dir); }"),
    fileName: "plugins.ts",
    extraFiles: { "server.ts": lines('import { countPlugins as pluginCount } from "./plugins";', "export async function listPlugins(dir: string) {", "  return pluginCount(dir);", "}") },
  },
  {
    name: "a helper that calls a settings reader an index file re-exports under another name, reached only from a synchronous script",
    code: lines(FS, "export function readSettings(): { dbUrl: string } {", '  return JSON.parse(fs.readFileSync("settings.json", "utf8")) as { dbUrl: string };', "}"),
    fileName: "config/settings.ts",
    extraFiles: {
      "config/index.ts": 'export { readSettings as loadSettings } from "./settings";',
      "db.ts": lines('import { loadSettings } from "./config";', "export function databaseUrl() {", "  return loadSettings().dbUrl;", "}"),
      "migrate.ts": lines('import { databaseUrl } from "./db";', "export function printTarget() {", "  console.log(databaseUrl());", "}"),
    },
  },
  {
    name: "an index file passes on a default that does not block, from a module whose other export reads synchronously",
    code: lines(
      FS,
      "export function readSettingsSync(): { dbUrl: string } {",
      '  return JSON.parse(fs.readFileSync("settings.json", "utf8")) as { dbUrl: string };',
      "}",
      "export default function settingsFile() {",
      '  return "settings.json";',
      "}",
    ),
    fileName: "config/settings.ts",
    extraFiles: {
      "config/index.ts": 'export { default, readSettingsSync } from "./settings";',
      "users.ts": lines('import fileOf from "./config";', "export async function describeSettings() {", "  return `settings in ${fileOf()}`;", "}"),
      "cli.ts": lines('import { readSettingsSync } from "./config";', "export function printSettings() {", "  console.log(readSettingsSync().dbUrl);", "}"),
    },
  },
  {
    name: "an entry script's default-exported function that reads with the promise API, imported under another name by a request handler",
    code: lines("#!/usr/bin/env node", 'import { readFile } from "node:fs/promises";', "export default async function readVersion() {", '  return readFile("VERSION", "utf8");', "}", "void readVersion();"),
    fileName: "bin/cli.ts",
    extraFiles: { "routes.ts": lines('import version from "./bin/cli";', "export async function handleVersion() {", "  return { version: await version() };", "}") },
  },
  {
    name: "an entry script's default-exported function that reads synchronously, imported under another name by synchronous code only",
    code: lines("#!/usr/bin/env node", FS, "export default function readVersion() {", '  return fs.readFileSync("VERSION", "utf8");', "}", "console.log(readVersion());"),
    fileName: "bin/cli.ts",
    extraFiles: { "banner.ts": lines('import version from "./bin/cli";', "export function banner() {", "  return `tool ${version()}`;", "}") },
  },
];

// Cases for the survivors of a Stryker run over the lines changed since 2af5c81 (bench/mutation/blocking-call-in-async-delta.md).
/** A pool whose `open(host, port, tls)` reads a certificate (so `open` names a project function that blocks), opened by start-up code. */
const DELTA8_POOL = lines(
  FS,
  "export class Pool {",
  '  private ca = "";',
  "  open(host: string, port: number, tls: boolean) {",
  '    if (tls) this.ca = fs.readFileSync("/etc/ssl/ca.pem", "utf8");',
  "    return `${host}:${port}`;",
  "  }",
  "}",
  "export function connectAtBoot(pool: Pool) {",
  '  return pool.open("db.local", 5432, true);',
  "}",
);
const invalidDelta8: InvalidCase[] = [
  {
    name: "delta8: a synchronous XMLHttpRequest in a program whose own Pool.open blocks is reported once, as the XMLHttpRequest",
    code: lines(
      DELTA8_POOL,
      "export async function fetchStatus(url: string) {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, false);',
      "  xhr.send();",
      "  return xhr.status;",
      "}",
    ),
    compilerOptions: DOM,
    errors: [
      {
        messageId: "syncXhr",
        line: 14,
        column: 3,
        message: "Synchronous `XMLHttpRequest` (`open(..., false)`) inside async function `fetchStatus` blocks the thread until the response arrives: meanwhile no other event, timer or callback on this page or worker runs. Use `await fetch(...)`, or pass `true` and wait for the `load` event.",
        fixes: [],
      },
    ],
  },
];
const validDelta8: ValidCase[] = [
  {
    name: "delta8: an asynchronous XMLHttpRequest in a program whose own Pool.open blocks (only start-up code opens the pool)",
    code: lines(
      DELTA8_POOL,
      "export async function fetchStatus(url: string) {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, true);',
      '  const loaded = new Promise((resolve) => xhr.addEventListener("load", resolve));',
      "  xhr.send();",
      "  await loaded;",
      "  return xhr.status;",
      "}",
    ),
    compilerOptions: DOM,
  },
];

// --- compiled CommonJS: `(0, fs_1.readFileSync)(...)`, as tsc emits a call of an imported function -----
const COMPILED = lines('"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });');
const COMPILED_SETTINGS = lines(
  COMPILED,
  "exports.getSettings = getSettings;",
  'const fs_1 = require("fs");',
  "function getSettings() {",
  '    return JSON.parse((0, fs_1.readFileSync)("settings.json", "utf8"));',
  "}",
);
const invalidCompiled: InvalidCase[] = [
  {
    name: "compiled: tsc's CommonJS call of an imported readFileSync in an async function",
    code: lines(
      COMPILED,
      "exports.loadTemplate = loadTemplate;",
      'const fs_1 = require("fs");',
      'const path_1 = require("path");',
      "async function loadTemplate(name) {",
      '    return (0, fs_1.readFileSync)((0, path_1.join)(__dirname, "templates", name), "utf8");',
      "}",
    ),
    fileName: "templates.js",
    errors: [
      {
        messageId: "blockingCall",
        line: 7,
        column: 12,
        message: BLOCKS_ON_FS("readFileSync", "async function `loadTemplate`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.loadTemplate = loadTemplate;\nconst fs_1 = require("fs");\nconst path_1 = require("path");\nconst { readFile } = require("node:fs/promises");\nasync function loadTemplate(name) {\n    return await readFile((0, path_1.join)(__dirname, "templates", name), "utf8");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "compiled: a literal path gets the fix, as `await readFile(...)` over the whole indirect callee",
    code: lines(
      COMPILED,
      "exports.readManifest = readManifest;",
      'const fs_1 = require("fs");',
      "async function readManifest() {",
      '    const text = (0, fs_1.readFileSync)("manifest.json", "utf8");',
      "    return JSON.parse(text);",
      "}",
    ),
    fileName: "manifest.js",
    errors: [
      {
        messageId: "blockingCall",
        line: 6,
        column: 18,
        message: BLOCKS_ON_FS("readFileSync", "async function `readManifest`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.readManifest = readManifest;\nconst fs_1 = require("fs");\nconst { readFile } = require("node:fs/promises");\nasync function readManifest() {\n    const text = await readFile("manifest.json", "utf8");\n    return JSON.parse(text);\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "compiled: the TypeScript form, a namespace import called through (0, fs_1.writeFileSync)",
    code: lines(
      'import * as fs_1 from "fs";',
      "export async function saveReport(report: object) {",
      '  (0, fs_1.writeFileSync)("report.json", JSON.stringify(report));',
      "}",
    ),
    errors: [
      {
        messageId: "blockingCall",
        line: 3,
        column: 3,
        message: BLOCKS_ON_FS("writeFileSync", "async function `saveReport`", "writeFile"),
        fixes: [
          [
            WRITE_FILE,
            lines(
              'import * as fs_1 from "fs";',
              'import { writeFile } from "node:fs/promises";',
              "export async function saveReport(report: object) {",
              '  await writeFile("report.json", JSON.stringify(report));',
              "}",
            ),
          ],
        ],
      },
    ],
  },
  {
    name: "compiled: a project function that blocks, called as (0, settings_1.getSettings)() from an async function",
    code: COMPILED_SETTINGS,
    fileName: "settings.js",
    extraFiles: {
      "server.js": lines(COMPILED, "exports.handle = handle;", 'const settings_1 = require("./settings");', "async function handle(req) {", "    const settings = (0, settings_1.getSettings)();", "    return settings[req.key];", "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 6,
        column: 23,
        related: [6],
        message: "`getSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `handle`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `getSettings` only outside async code.",
      },
    ],
  },
  {
    name: "compiled: a class whose constructor blocks through (0, fs_1.readFileSync), built with new in async code",
    code: lines(
      'import * as fs_1 from "fs";',
      "export class CertStore {",
      "  readonly cert: string;",
      "  constructor(path: string) {",
      '    this.cert = (0, fs_1.readFileSync)(path, "utf8");',
      "  }",
      "}",
    ),
    fileName: "certs.ts",
    extraFiles: {
      "server.ts": lines('import * as certs_1 from "./certs";', "export async function connect(path: string) {", "  const store = new certs_1.CertStore(path);", "  return store.cert;", "}"),
    },
    errors: [
      {
        messageId: "blockingSink",
        line: 5,
        column: 17,
        related: [3],
        message: "`new CertStore` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `connect`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `new CertStore` only outside async code.",
      },
    ],
  },
  {
    name: "compiled: readFileSync through (0, fs_1.readFileSync).call(fs_1, ...) in an async function",
    code: lines(
      'import * as fs_1 from "fs";',
      "export async function readLock(path: string) {",
      '  return (0, fs_1.readFileSync).call(fs_1, path, "utf8");',
      "}",
    ),
    errors: [{ messageId: "blockingCall", line: 3, column: 10, message: BLOCKS_ON_FS("readFileSync", "async function `readLock`", "readFile") }],
  },
];
const validCompiled: ValidCase[] = [
  {
    name: "compiled: (0, fs_1.readFile)(p, cb) with a callback does not block",
    code: lines(
      COMPILED,
      "exports.load = load;",
      'const fs_1 = require("fs");',
      "async function load(p) {",
      '    return new Promise((resolve, reject) => (0, fs_1.readFile)(p, "utf8", (err, data) => (err ? reject(err) : resolve(data))));',
      "}",
    ),
    fileName: "load.js",
  },
  {
    name: "compiled: (0, promises_1.readFile)(p) from fs/promises does not block",
    code: lines(COMPILED, "exports.load = load;", 'const promises_1 = require("fs/promises");', "async function load(p) {", '    return (0, promises_1.readFile)(p, "utf8");', "}"),
    fileName: "load.js",
  },
  {
    name: "compiled: a project function named readFileSync that reads an in-memory map does not block",
    code: lines(COMPILED, "exports.load = load;", 'const cache_1 = require("./cache");', "async function load(p) {", "    return (0, cache_1.readFileSync)(p);", "}"),
    fileName: "load.js",
    extraFiles: {
      "cache.js": lines(COMPILED, "exports.readFileSync = readFileSync;", "const files = new Map();", "function readFileSync(p) {", "    return files.get(p);", "}"),
    },
  },
  {
    name: "compiled: (0, fs_1.readFileSync) outside async code",
    code: lines(COMPILED, "exports.load = load;", 'const fs_1 = require("fs");', "function load(p) {", '    return (0, fs_1.readFileSync)(p, "utf8");', "}"),
    fileName: "load.js",
  },
  {
    name: "compiled: a blocking project function called as (0, settings_1.getSettings)() only from synchronous code",
    code: COMPILED_SETTINGS,
    fileName: "settings.js",
    extraFiles: {
      "server.js": lines(COMPILED, "exports.handle = handle;", 'const settings_1 = require("./settings");', "function handle(req) {", "    return (0, settings_1.getSettings)()[req.key];", "}"),
    },
  },
  {
    name: "compiled: (0, fs_1.readFileSync) in a callback that runs later (setTimeout), not in the async function",
    code: lines(
      'import * as fs_1 from "fs";',
      "export async function scheduleReload(path: string, apply: (text: string) => void) {",
      '  setTimeout(() => apply((0, fs_1.readFileSync)(path, "utf8")), 1000);',
      "}",
    ),
  },
];

describe(`${RULE}: default imports, and option sets sharing a program`, () => {
  const chainAt = (findings: ReturnType<typeof lintImportedOnly>) => findings.map((finding) => [finding.at, ...finding.related]);

  it("follows a default import under another name into a file the program only imports: a call and a new", () => {
    const users = lines('import loadSettings from "./settings";', "export async function getUser(id: string) {", "  return { id, db: loadSettings().dbUrl };", "}");
    assert.deepEqual(chainAt(lintImportedOnly({ "settings.ts": DEFAULT_SETTINGS, "users.ts": users }, "users.ts")), [
      ["blockingChain@3:20", "settings.ts:3: `readSettings` calls `readFileSync` here, which waits for the file system."],
    ]);
    const handler = lines('import AppConfig from "./config";', "export async function handle(name: string) {", '  return new AppConfig("app.json").values[name];', "}");
    assert.deepEqual(chainAt(lintImportedOnly({ "config.ts": DEFAULT_CONFIG, "handler.ts": handler }, "handler.ts")), [
      ["blockingChain@3:10", "config.ts:5: `new Config` calls `readFileSync` here, which waits for the file system."],
    ]);
  });

  it("does not follow a default import of a module whose default export does not block, in a file the program only imports", () => {
    const settings = lines(
      FS,
      "export function readSettingsSync(): { dbUrl: string } {",
      '  return JSON.parse(fs.readFileSync("settings.json", "utf8")) as { dbUrl: string };',
      "}",
      "export default function settingsFile() {",
      '  return "settings.json";',
      "}",
    );
    const users = lines('import fileOf from "./settings";', "export async function describeSettings() {", "  return `settings in ${fileOf()}`;", "}");
    assert.deepEqual(lintImportedOnly({ "settings.ts": settings, "users.ts": users }, "users.ts"), []);
  });

  it("builds one call index per option set: two configurations linting one program each get their own findings", () => {
    // A service reads its templates synchronously in a helper; a legacy folder's configuration ignores readFileSync.
    const service = lines(FS, "function readTemplate(name: string) {", '  return fs.readFileSync(`templates/${name}.html`, "utf8");', "}", "export async function render(name: string) {", "  return readTemplate(name);", "}");
    const legacy = lines(FS, "function readPage(name: string) {", '  return fs.readFileSync(`pages/${name}.html`, "utf8");', "}", "export async function page(name: string) {", "  return readPage(name);", "}");
    const ignoring = configFor(RULE, { options: { ignoreCalls: [{ module: "fs", name: "readFileSync" }] } });
    const lintInOrder = (order: string[]) => {
      const { program } = createVirtualProgram({ "service.ts": service, "legacy/page.ts": legacy }, "service.ts");
      const files = order.map((name) => program.getSourceFiles().find((file) => file.fileName.endsWith(`/${name}`))?.fileName ?? name);
      const results = lintProgram({ program, files, rules: allRules, configFor: (fileName) => (fileName.includes("/legacy/") ? ignoring : configFor(RULE, {})) });
      return Object.fromEntries(results.map((result) => [path.basename(result.fileName), result.findings.map((finding) => `${finding.messageId}@${finding.range.start.line + 1}`)]));
    };
    const expected = { "service.ts": ["blockingSink@3"], "page.ts": [] };
    assert.deepEqual(lintInOrder(["service.ts", "legacy/page.ts"]), expected);
    assert.deepEqual(lintInOrder(["legacy/page.ts", "service.ts"]), expected);
  });
});

/**
 * Lints `root` in a program whose only root file is `root`: the other files are in it only because
 * `root` imports them (as files outside a tsconfig's `include`), so blocking calls there are
 * reported at each async caller, with the chain (`reportChain`).
 */
function lintImportedOnly(files: Record<string, string>, root: string, options: Record<string, unknown> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blocking-"));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const program = ts.createProgram({ rootNames: [path.join(dir, root)], options: TEST_COMPILER_OPTIONS });
    program.getTypeChecker();
    const sourceFile = program.getSourceFile(path.join(dir, root));
    assert.ok(sourceFile, root);
    return lintSourceFile(sourceFile, new ProgramTypes(program), configFor(RULE, { options }), allRules).findings.map((finding) => ({
      at: `${finding.messageId}@${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      message: finding.message,
      related: finding.related.map((related) => `${path.basename(related.fileName)}:${related.range.start.line + 1}: ${related.message}`),
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SETTINGS_FILE = lines(
  FS,
  "function readSettingsFile(path: string) {",
  '  return fs.readFileSync(path, "utf8");',
  "}",
  "export function getSettings() {",
  '  return JSON.parse(readSettingsFile("settings.json")) as { dbUrl: string };',
  "}",
);
const LIST_USERS = lines('import { getSettings } from "./settings";', "export async function listUsers() {", "  return getSettings().dbUrl;", "}");
const MIGRATION = lines(
  FS,
  "export class Migration {",
  "  constructor(private readonly file: string) {}",
  "  apply(target: { exec(sql: string): unknown }) {",
  '    return target.exec(fs.readFileSync(this.file, "utf8"));',
  "  }",
  "}",
);
const MIGRATE = lines(
  'import { Migration } from "./migration";',
  "export async function migrate(db: { exec(sql: string): unknown }, files: string[]) {",
  "  for (const file of files) new Migration(file).apply(db);",
  "}",
);

/** A TypeScript import-equals alias of a module member: `import read = fs.readFileSync;`. */
const FS_ALIAS = (member: string) => lines(FS, `import read = ${member};`);
/** A settings reader that blocks, and a request handler that calls it through an import-equals alias (`import load = settings.getSettings`). */
const ALIAS_SETTINGS = lines(FS, "export function getSettings() {", '  return JSON.parse(fs.readFileSync("settings.json", "utf8")) as { dbUrl: string };', "}");
const ALIAS_CALLER = (caller: string) => lines('import * as settings from "./settings";', "import load = settings.getSettings;", caller, "  return load().dbUrl;", "}");
const invalidLeftB2: InvalidCase[] = [
  {
    name: "leftB2: a project function that blocks, called from async code through an import-equals alias (`import load = settings.getSettings`)",
    code: ALIAS_SETTINGS,
    fileName: "settings.ts",
    extraFiles: { "handler.ts": ALIAS_CALLER("export async function databaseUrl() {") },
    errors: [
      {
        messageId: "blockingSink",
        line: 3,
        column: 21,
        message: "`getSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `databaseUrl`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `getSettings` only outside async code.",
      },
    ],
  },
  {
    name: "leftB2: readFileSync through an import-equals alias (`import read = fs.readFileSync`) in an async function",
    code: lines(FS_ALIAS("fs.readFileSync"), "export async function loadTemplate(name: string) {", '  return read(`templates/${name}.html`, "utf8");', "}"),
    errors: [
      {
        messageId: "blockingCall",
        line: 4,
        column: 10,
        message: BLOCKS_ON_FS("readFileSync", "async function `loadTemplate`", "readFile"),
        fixes: [
          [
            READ_FILE,
            `${FS}\nimport { readFile } from "node:fs/promises";\nimport read = fs.readFileSync;\nexport async function loadTemplate(name: string) {\n  return await readFile(\`templates/\${name}.html\`, "utf8");\n}`,
          ],
        ],
      },
    ],
  },
  {
    name: "leftB2: readFileSync through an import-equals alias run with .call in an async function",
    code: lines(FS_ALIAS("fs.readFileSync"), "export async function loadTemplate(name: string) {", '  return read.call(fs, `templates/${name}.html`, "utf8");', "}"),
    errors: [{ messageId: "blockingCall", line: 4, column: 10, message: BLOCKS_ON_FS("readFileSync", "async function `loadTemplate`", "readFile") }],
  },
  {
    name: "leftB2: readFileSync through an import-equals alias run with Reflect.apply in an async function",
    code: lines(FS_ALIAS("fs.readFileSync"), "export async function loadTemplate(name: string) {", '  return Reflect.apply(read, fs, [`templates/${name}.html`, "utf8"]);', "}"),
    errors: [{ messageId: "blockingCall", line: 4, column: 10, message: BLOCKS_ON_FS("readFileSync", "async function `loadTemplate`", "readFile") }],
  },
];
const validLeftB2: ValidCase[] = [
  {
    name: "leftB2: a project function that blocks, called through an import-equals alias only from synchronous start-up code",
    code: ALIAS_SETTINGS,
    fileName: "settings.ts",
    extraFiles: { "handler.ts": ALIAS_CALLER("export function databaseUrlAtStartup() {") },
  },
  {
    name: "leftB2: an import-equals alias of the promise API (`import read = fs.promises.readFile`) awaited in an async function",
    code: lines(FS_ALIAS("fs.promises.readFile"), "export async function loadTemplate(name: string) {", '  return read(`templates/${name}.html`, "utf8");', "}"),
  },
  {
    name: "leftB2: an import-equals alias of the promise API run with Reflect.apply in an async function",
    code: lines(FS_ALIAS("fs.promises.readFile"), "export async function loadTemplate(name: string) {", '  return Reflect.apply(read, fs.promises, [`templates/${name}.html`, "utf8"]);', "}"),
  },
  {
    name: "leftB2: an import-equals alias of readFileSync used only in synchronous code no async code calls",
    code: lines(FS_ALIAS("fs.readFileSync"), "export function loadTemplateSync(name: string) {", '  return read.call(fs, `templates/${name}.html`, "utf8");', "}"),
  },
  {
    name: "leftB2: an import-equals alias of readFileSync used at the top level of the module (start-up code)",
    code: lines(FS_ALIAS("fs.readFileSync"), 'export const layout = read("templates/layout.html", "utf8");', "export async function render(body: string) {", '  return layout.replace("{{body}}", body);', "}"),
  },
  {
    name: "leftB2: a catalogue API renamed in a project declaration file is not followed (a documented limitation: local names come from source files, not from `.d.ts` files)",
    code: lines('import { readText } from "./io";', "export async function load(path: string) {", '  const direct = readText(path, "utf8");', '  const invoked = readText.call(undefined, path, "utf8");', "  return direct + invoked;", "}"),
    fileName: "loader.ts",
    extraFiles: { "io.d.ts": 'export { readFileSync as readText } from "fs";' },
  },
];

describe(RULE, () => {
  runRuleTable(RULE, { valid: [...valid, ...valid1, ...valid471, ...valid941, ...validLeft, ...validDelta8, ...validCompiled, ...validLeftB2], invalid: [...invalid, ...invalid1, ...invalid471, ...invalid941, ...invalidLeft, ...invalidDelta8, ...invalidCompiled, ...invalidLeftB2] });

  it("inputs of the fix cases type-check, so the fix outputs are checked too", () => {
    for (const testCase of invalid) {
      if (!testCase.errors.some((error) => error.fixes && error.fixes.length > 0) || testCase.fileName?.endsWith("js")) continue;
      const fileName = testCase.fileName ?? "file.ts";
      const { program, sourceFile } = createVirtualProgram({ ...testCase.extraFiles, [fileName]: testCase.code }, fileName, testCase.compilerOptions);
      assert.deepEqual(typeErrors(program, sourceFile), [], testCase.name);
    }
  });

  it("says what blocks, where, and what to use instead", () => {
    const code = lines('import { readFileSync } from "node:fs";', "async function load(p: string) {", "  return readFileSync(p);", "}");
    const [finding] = lintCode(RULE, code).findings;
    assert.equal(
      finding?.message,
      "`readFileSync` blocks the event loop inside async function `load`: while it waits for the file system, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` instead.",
    );
  });

  it("names the callback and the method it runs in", () => {
    const code = lines(FS, "export class Scanner {", "  async sizes(paths: string[]) {", "    return paths.map((p) => fs.statSync(p).size);", "  }", "}");
    const [finding] = lintCode(RULE, code).findings;
    assert.match(finding?.message ?? "", /^`statSync` blocks the event loop inside the `map` callback in async method `Scanner\.sizes` for one file-system metadata call: /);
  });

  it("reports the blocking call in the helper once, with the chain from each async call as a related location", () => {
    const code = lines(
      FS,
      "function readConfigFile(path: string) {",
      '  return fs.readFileSync(path, "utf8");',
      "}",
      "function loadConfig() {",
      '  return JSON.parse(readConfigFile("config.json")) as object;',
      "}",
      "export async function start() {",
      "  return loadConfig();",
      "}",
    );
    const [finding] = lintCode(RULE, code, { options: { lowerStartup: false } }).findings;
    assert.ok(finding);
    assert.equal(
      finding.message,
      "`readConfigFile` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `readConfigFile` only outside async code.",
    );
    assert.deepEqual(
      finding.related.map((related) => ({ line: related.range.start.line + 1, column: related.range.start.character + 1, message: related.message })),
      [{ line: 9, column: 10, message: "Called here from async function `start`: `loadConfig` → `readConfigFile` → `readFileSync`." }],
    );
  });

  it("names methods by class and constructors by new", () => {
    const code = lines(
      FS,
      "class Config {",
      "  constructor() {",
      '    this.load("a.json");',
      "  }",
      "  load(path: string) {",
      "    return fs.readFileSync(path);",
      "  }",
      "}",
      "export async function start() {",
      "  return new Config();",
      "}",
    );
    const [finding] = lintCode(RULE, code, { options: { lowerStartup: false } }).findings;
    assert.equal(
      finding?.message,
      "`Config.load` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from async function `start`, and each of those calls is a related location. Until it returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` here and make the functions between here and the async code async, or call `Config.load` only outside async code.",
    );
    assert.deepEqual(finding?.related.map((related) => related.message), ["Called here from async function `start`: `new Config` → `Config.load` → `readFileSync`."]);
  });

  it("counts the async functions that reach a helper and lists every call, in other files too", () => {
    const [finding, ...rest] = lintCode(RULE, SETTINGS, { fileName: "settings.ts", extraFiles: ROUTES }).findings;
    assert.deepEqual(rest, []);
    assert.match(
      finding?.message ?? "",
      /^`getSettings` calls `readFileSync` here, which waits for the file system, and async code runs it: it is reached from 4 async functions \(`listOrders`, `countOrders`, `listUsers`, …\), and each of those calls is a related location\./,
    );
    assert.deepEqual(
      finding?.related.map((related) => `${related.fileName.slice("/virtual/".length)}:${related.range.start.line + 1}: ${related.message}`),
      [
        "orders.ts:5: Called here from async arrow function `listOrders`: `pageSizeFor` → `getSettings` → `readFileSync`.",
        "orders.ts:7: Called here from async function `countOrders`: `getSettings` → `readFileSync`.",
        "users.ts:3: Called here from async function `listUsers`: `getSettings` → `readFileSync`.",
        "users.ts:7: Called here from async function `getUser`: `getSettings` → `readFileSync`.",
      ],
    );
  });

  it("says at each start-up caller of a helper why it is start-up code: the command-line program's folder", () => {
    const [finding, ...rest] = lintCode(RULE, FILE_UTILS, {
      fileName: "src/modules/utils/fileUtils.ts",
      compilerOptions: BUILT_FROM_SRC,
      extraFiles: { "package.json": CLI_PACKAGE, "src/bin/app.ts": BIN_ENTRY, "src/bin/runner.ts": BIN_RUNNER, "src/bin/methods/generate/action.ts": GENERATE_ACTION },
    }).findings;
    assert.deepEqual(rest, []);
    assert.deepEqual(
      finding?.related.map((related) => `${related.fileName.slice("/virtual/".length)}:${related.range.start.line + 1}: ${related.message}`),
      [
        "src/bin/methods/generate/action.ts:7: Called here from async method `GenerateAction.run`: `createFileSafely` → `writeFileSync`. This code runs as a one-shot command (it is in the command-line program's folder `src/bin/`, from the package.json `bin`).",
      ],
    );
  });

  it("reports the same finding at the helper whichever files were linted before it, and none at the callers", () => {
    const files = { ...ROUTES, "settings.ts": SETTINGS };
    const { program } = createVirtualProgram(files, "settings.ts");
    const config = configFor(RULE, {});
    const lint = (names: string[]) => {
      const types = new ProgramTypes(program);
      program.getTypeChecker();
      return names.map((name) => {
        const sourceFile = program.getSourceFile(`/virtual/${name}`);
        assert.ok(sourceFile);
        return lintSourceFile(sourceFile, types, config, allRules).findings.map((finding) => [finding.fileName, finding.start, finding.message, finding.related.map((r) => `${r.fileName}:${r.start}`)]);
      });
    };
    const alone = lint(["settings.ts"])[0];
    assert.equal(alone.length, 1);
    assert.deepEqual(lint(["users.ts", "orders.ts", "settings.ts"]), [[], [], alone]);
    assert.deepEqual(lint(["orders.ts", "settings.ts", "users.ts"]), [[], alone, []]);
  });

  it("reports at each async caller, with the chain, when the blocking call is in a file the program only imports", () => {
    // loaded.ts is not a root of this program (as a file outside a tsconfig's `include` that a
    // linted file imports): it is never linted with it, so a finding there would not be seen.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blocking-"));
    try {
      fs.writeFileSync(path.join(dir, "settings.ts"), SETTINGS);
      fs.writeFileSync(path.join(dir, "users.ts"), USER_ROUTES);
      const program = ts.createProgram({ rootNames: [path.join(dir, "users.ts")], options: TEST_COMPILER_OPTIONS });
      program.getTypeChecker();
      const types = new ProgramTypes(program);
      const lint = (name: string) => {
        const sourceFile = program.getSourceFile(path.join(dir, name));
        assert.ok(sourceFile, name);
        return lintSourceFile(sourceFile, types, configFor(RULE, {}), allRules).findings;
      };
      assert.deepEqual(
        lint("users.ts").map((finding) => `${finding.messageId}@${finding.range.start.line + 1}: ${finding.related.map((related) => related.range.start.line + 1).join(",")}`),
        ["blockingChain@3: 7", "blockingChain@7: 7"],
      );
      assert.deepEqual(lint("settings.ts"), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports start-up code at each async caller one level lower when the blocking call is in a file the program only imports", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blocking-"));
    try {
      fs.writeFileSync(path.join(dir, "settings.ts"), SETTINGS);
      fs.writeFileSync(path.join(dir, "server.ts"), lines('import { getSettings } from "./settings";', "export class Server {", "  async start() {", "    return getSettings().dbUrl;", "  }", "}"));
      const program = ts.createProgram({ rootNames: [path.join(dir, "server.ts")], options: TEST_COMPILER_OPTIONS });
      program.getTypeChecker();
      const types = new ProgramTypes(program);
      const sourceFile = program.getSourceFile(path.join(dir, "server.ts"));
      assert.ok(sourceFile);
      const findings = lintSourceFile(sourceFile, types, configFor(RULE, {}), allRules).findings;
      assert.deepEqual(
        findings.map((finding) => [finding.messageId, finding.severity, finding.range.start.line + 1, finding.message]),
        [
          [
            "blockingAtStartupChain",
            "info",
            4,
            "`getSettings` blocks the event loop inside async method `Server.start`, which runs only while the program starts or stops (the `startupFunctions` option names it): it calls `readFileSync`, which waits for the file system. It is paid once, not per request, but meanwhile whatever already runs on this process (a timer, a connection opened earlier) waits. Use `await readFile(...)` from `node:fs/promises` at the end of that chain and make the functions on it async, or accept it here with an `allow` entry.",
          ],
        ],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a metadata call in a file the program only imports at each async caller, one level lower", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blocking-"));
    try {
      fs.writeFileSync(path.join(dir, "lock.ts"), lines(FS, "export function hasLockfile(dir: string) {", '  return fs.existsSync(`${dir}/lockfile`);', "}"));
      fs.writeFileSync(path.join(dir, "launch.ts"), lines('import { hasLockfile } from "./lock";', "export async function launch(dir: string) {", "  if (hasLockfile(dir)) throw new Error(`${dir} is in use`);", "}"));
      const program = ts.createProgram({ rootNames: [path.join(dir, "launch.ts")], options: TEST_COMPILER_OPTIONS });
      program.getTypeChecker();
      const sourceFile = program.getSourceFile(path.join(dir, "launch.ts"));
      assert.ok(sourceFile);
      const findings = lintSourceFile(sourceFile, new ProgramTypes(program), configFor(RULE, {}), allRules).findings;
      assert.deepEqual(
        findings.map((finding) => [finding.messageId, finding.severity, finding.range.start.line + 1, finding.message]),
        [
          [
            "blockingMetadataChain",
            "info",
            3,
            "`hasLockfile` blocks the event loop inside async function `launch` for one file-system metadata call: it calls `existsSync`. That is cheap on a local disk, but on a network drive it stalls until the server answers, and meanwhile no other request, timer or callback on this process runs. Use `await access(...)` from `node:fs/promises` (it rejects when the path is missing) at the end of that chain and make the functions on it async, or call `hasLockfile` outside async code.",
          ],
        ],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says which program alone reaches a caller's file: a bin, or the main module's own program branch", () => {
    const npm = lintCode(RULE, NPM_MAIN, { fileName: "lib/npm.js", extraFiles: NPM_FILES }).findings;
    assert.deepEqual(
      npm.flatMap((finding) => finding.related.map((related) => related.message)),
      [
        "Called here from async method `Npm.handleError`: `Npm.writeErrorLog` → `writeFileSync`. This code runs as a one-shot command (only the command-line program `bin/cli.js` of the package.json `bin` reaches its file; no `main` or `exports` entry does).",
      ],
    );
    const index = lines('import { fileURLToPath } from "node:url";', 'export { parse } from "./parse.js";', "if (process.argv[1] === fileURLToPath(import.meta.url)) {", '  const { run } = await import("./commands/run.js");', "  await run(process.argv.slice(2));", "}");
    const esm = lintCode(RULE, ESM_REPORT, {
      fileName: "src/report.ts",
      compilerOptions: ESM_BUILT,
      extraFiles: { ...ESM_FILES, "package.json": JSON.stringify({ name: "tool", type: "module", exports: { ".": "./dist/index.js" } }), "src/index.ts": index },
    }).findings;
    assert.deepEqual(
      esm.flatMap((finding) => finding.related.map((related) => related.message)),
      [
        "Called here from async function `run`: `writeReport` → `writeFileSync`. This code runs as a one-shot command (only `src/index.ts` run directly as a program reaches its file; no `main` or `exports` entry does).",
      ],
    );
  });

  it("gives metadata findings a one-line summary", () => {
    const { findings } = lintCode(RULE, LAUNCHER);
    assert.deepEqual(
      findings.map((finding) => finding.summary ?? ""),
      [
        "`isWritableDirectory` calls `accessSync` here, one file-system metadata call, and async code runs it",
        "`existsSync` makes one file-system metadata call inside async method `BrowserLauncher.launch`",
      ],
    );
  });

  it("uses the replacement given for an extra blocking API", () => {
    const code = lines('import { query } from "legacy-db";', "export async function f() {", '  return query("select 1");', "}");
    const [finding] = lintCode(RULE, code, {
      extraFiles: { "db.d.ts": 'declare module "legacy-db" { export function query(sql: string): unknown[]; }' },
      options: { blockingCalls: [{ module: "legacy-db", name: "query", replacement: "`await pool.query(...)`" }] },
    }).findings;
    assert.equal(
      finding?.message,
      "`query` blocks the event loop inside async function `f`: while it blocks until its work is done, no other request, timer or callback on this process runs. Use `await pool.query(...)` instead.",
    );
  });
  it("names each step of a chain into a file the program only imports, in the message and the related messages", () => {
    assert.deepEqual(lintImportedOnly({ "settings.ts": SETTINGS_FILE, "users.ts": LIST_USERS }, "users.ts"), [
      {
        at: "blockingChain@3:10",
        message:
          "`getSettings` blocks the event loop inside async function `listUsers`: it calls `readSettingsFile` → `readFileSync`, which waits for the file system; until that returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` at the end of that chain and make the functions on it async, or call `getSettings` outside async code.",
        related: ["settings.ts:6: `getSettings` calls `readSettingsFile` here.", "settings.ts:3: `readSettingsFile` calls `readFileSync` here, which waits for the file system."],
      },
    ]);
  });

  it("reports a new of a class whose constructor blocks, in a file the program only imports, at the async caller", () => {
    const config = lines(
      FS,
      "export class Config {",
      "  readonly values: Record<string, string>;",
      "  constructor(path: string) {",
      '    this.values = JSON.parse(fs.readFileSync(path, "utf8")) as Record<string, string>;',
      "  }",
      "}",
    );
    const handler = lines('import { Config } from "./config";', "export async function handle(name: string) {", '  return new Config("app.json").values[name];', "}");
    assert.deepEqual(lintImportedOnly({ "config.ts": config, "handler.ts": handler }, "handler.ts"), [
      {
        at: "blockingChain@3:10",
        message:
          "`new Config` blocks the event loop inside async function `handle`: it calls `readFileSync`, which waits for the file system; until that returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` at the end of that chain and make the functions on it async, or call `new Config` outside async code.",
        related: ["config.ts:5: `new Config` calls `readFileSync` here, which waits for the file system."],
      },
    ]);
  });

  it("with transitive off, follows no chain into a file the program only imports", () => {
    // A project function named like a catalogue API (`...Sync`) passes the name filter of direct calls.
    const settings = lines(
      'import { readFileSync } from "node:fs";',
      "export function readSettingsSync(): { dbUrl: string } {",
      '  return JSON.parse(readFileSync("settings.json", "utf8")) as { dbUrl: string };',
      "}",
    );
    const users = lines('import { readSettingsSync } from "./settings";', "export async function getUser(id: string) {", "  return { id, db: readSettingsSync().dbUrl };", "}");
    const files = { "settings.ts": settings, "users.ts": users };
    assert.deepEqual(lintImportedOnly(files, "users.ts").map((finding) => finding.at), ["blockingChain@3:20"]);
    assert.deepEqual(lintImportedOnly(files, "users.ts", { transitive: false }), []);
  });

  it("follows a project method named apply into a file the program only imports, whatever names the call shows", () => {
    const expected = [
      {
        at: "blockingChain@3:29",
        message:
          "`Migration.apply` blocks the event loop inside async function `migrate`: it calls `readFileSync`, which waits for the file system; until that returns, no other request, timer or callback on this process runs. Use `await readFile(...)` from `node:fs/promises` at the end of that chain and make the functions on it async, or call `Migration.apply` outside async code.",
        related: ["migration.ts:5: `Migration.apply` calls `readFileSync` here, which waits for the file system."],
      },
    ];
    const files = { "migration.ts": MIGRATION, "migrate.ts": MIGRATE };
    // No name at the call is a catalogue name: not `Function.prototype.apply`, so followed as a project method.
    assert.deepEqual(lintImportedOnly(files, "migrate.ts"), expected);
    // `Statement.*` lets every name through (`db` too); the invoker is still not the lib's `apply`.
    assert.deepEqual(lintImportedOnly(files, "migrate.ts", { blockingCalls: [{ module: "better-sqlite3", name: "Statement.*" }] }), expected);
  });

  it("follows a project method named open called with false into a file the program only imports: it is no XMLHttpRequest", () => {
    const pool = POOL_OPEN("export function connectNow(pool: Pool) {");
    const connect = lines('import { Pool } from "./pool";', "export async function connect(pool: Pool) {", '  return pool.open("db.local", 5432, false);', "}");
    assert.deepEqual(
      lintImportedOnly({ "pool.ts": pool, "connect.ts": connect }, "connect.ts").map((finding) => [finding.at, ...finding.related]),
      [["blockingChain@3:10", "pool.ts:5: `Pool.open` calls `readFileSync` here, which waits for the file system."]],
    );
  });

  it("says in the related message that a helper spins, and marks the busy-wait from while to the end of its condition", () => {
    const code = lines("function sleepSync(ms: number) {", "  const end = Date.now() + ms;", "  while (Date.now() < end) {}", "}", "export async function retry() {", "  sleepSync(50);", "}");
    const [finding, ...rest] = lintCode(RULE, code).findings;
    assert.deepEqual(rest, []);
    assert.deepEqual(finding?.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 25 } });
    assert.deepEqual(finding.related.map((related) => related.message), ["Called here from async function `retry`: `sleepSync` → a busy-wait loop."]);
  });

  it("says in the related message that a helper sends a synchronous XMLHttpRequest", () => {
    const code = lines(
      "function loadConfig(url: string): unknown {",
      "  const xhr = new XMLHttpRequest();",
      '  xhr.open("GET", url, false);',
      "  xhr.send();",
      "  return JSON.parse(xhr.responseText);",
      "}",
      "export async function init() {",
      '  return loadConfig("/config.json");',
      "}",
    );
    const [finding] = lintCode(RULE, code, { compilerOptions: DOM }).findings;
    assert.deepEqual(finding?.related.map((related) => related.message), ["Called here from async function `init`: `loadConfig` → a synchronous `XMLHttpRequest`."]);
  });

  it("a fix that needs no parentheses is two edits: the import and the callee", () => {
    const code = lines(FS, "export async function save(path: string, text: string) {", "  fs.writeFileSync(path, text);", "}");
    const [finding] = lintCode(RULE, code).findings;
    assert.deepEqual(
      finding?.fixes.map((fix) => fix.edits.map((edit) => [code.slice(edit.start, edit.end), edit.newText])),
      [[["", '\nimport { writeFile } from "node:fs/promises";'], ["fs.writeFileSync", "await writeFile"]]],
    );
  });

  it("reports a catalogue API run through .call once, even with a blockingCalls entry naming the invoker itself", () => {
    const code = lines(FS, "export async function clear(path: string) {", "  fs.unlinkSync.call(fs, path);", "}");
    const { findings } = lintCode(RULE, code, { options: { blockingCalls: [{ module: "typescript", name: "CallableFunction.call" }] } });
    assert.deepEqual(
      findings.map((finding) => `${finding.messageId}@${positionOf(finding).line}:${positionOf(finding).column} ${finding.message.slice(0, finding.message.indexOf(" "))}`),
      ["blockingCall@3:3 `unlinkSync`"],
    );
  });

});
