/**
 * Running the bundled CLI (dist/cli.js) in tests: in a child process (`spawnCli`) or in this
 * process (`runCli`, the same bundle's `run(argv, io)`), on fixture projects copied into a
 * temporary folder. Needs `npm run build` first; `setUpCliTests` refuses a stale bundle.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { after, before } from "node:test";

export const REPO = path.resolve(__dirname, "..", "..");
export const BIN = path.join(REPO, "bin", "concurrency-lint.js");
export const BUNDLE = path.join(REPO, "dist", "cli.js");
export const FIXTURES = path.join(REPO, "test", "fixtures", "cli");
export const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version;

/** Spawned CLIs at a time: most of a run is type-checking, and the machine may have 2 cores. */
export const CONCURRENCY = Math.max(2, Math.min(4, os.availableParallelism()));
export const STACK_LINE = /^\s+at /m;

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/concurrency-lint.js` in a child process. */
export function spawnCli(cwd: string, args: readonly string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface Bundle {
  run(argv: readonly string[], io: { stdout: Writable; stderr: Writable; cwd: string; env: Record<string, string | undefined> }): number;
}
interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const loadModule = createRequire(__filename);
let bundle: Bundle | undefined;

/** Calls the bundle's `run` in this process, with captured streams. */
export function runCli(cwd: string, args: readonly string[], terminalColumns?: number): Outcome {
  bundle ??= loadModule(BUNDLE) as Bundle;
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: terminalColumns !== undefined, columns: terminalColumns },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env: { NO_COLOR: "1" },
  };
  const code = bundle.run(args, io);
  return { code, stdout, stderr };
}

let root = "";

/** The run's temporary folder (its real path), made by `setUpCliTests`. */
export function tempRoot(): string {
  return root;
}

/** A fresh copy of a fixture project (or an empty folder), with its real path. */
export function copyFixture(name: string | undefined): string {
  const dir = fs.mkdtempSync(path.join(root, `${name ?? "empty"}-`));
  if (name) fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** Every file below `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).replace(/\\/g, "/"))
    .sort();
}

/** Stylish finding rows as `file line:column severity rule`, in output order. */
export function stylishRows(stdout: string): string[] {
  const rows: string[] = [];
  let file = "";
  for (const line of stdout.split("\n")) {
    if (/^\S/.test(line) && !line.startsWith("✖")) file = line;
    // The code-frame header (`  4:3  rule`) has no severity column and does not match.
    const row = /^ {2}(\d+:\d+)\s+(error|warning|info)\s+.*?\s{2}([a-z-]+)$/.exec(line);
    if (row) rows.push(`${file} ${row[1]} ${row[2]} ${row[3]}`);
  }
  return rows;
}

export function summaryLine(stdout: string): string | undefined {
  return stdout.split("\n").find((line) => line.startsWith("✖"));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Exit code 2, nothing on stdout, exactly one line on stderr, no stack trace. */
export function assertFailsWith(outcome: Outcome, message: string | RegExp): void {
  assert.equal(outcome.stdout, "");
  assert.equal(outcome.code, 2, `stderr: ${outcome.stderr}`);
  assert.doesNotMatch(outcome.stderr, STACK_LINE);
  assert.match(outcome.stderr, /^concurrency-lint: [^\n]*\n$/);
  const line = outcome.stderr.slice(0, -1);
  if (typeof message === "string") assert.equal(line, message);
  else assert.match(line, message);
}

/** The newest modification time of the files below `dir`. */
function newestMtime(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = fs.statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/** Registers the hooks every CLI test file needs: a fresh bundle, and a temporary folder. */
export function setUpCliTests(): void {
  before(() => {
  assert.ok(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first (npm test does)`);
  // A stale bundle tests old code: after a merge that can mean an old bug, such as an endless loop.
  const source = newestMtime(path.join(REPO, "server", "src"));
  assert.ok(
    fs.statSync(BUNDLE).mtimeMs >= source.mtimeMs,
    `${BUNDLE} is older than ${path.relative(REPO, source.file)}: run \`npm run build\` first (npm test does)`,
  );
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-cli-")));
});

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });
}
