/**
 * Neovim (Debian's 0.7.x, built-in vim.lsp) as an independent LSP client of dist/server.js: a
 * client we did not write, without pull diagnostics, so the server must push. The Lua side is
 * test/e2e/neovim/lsp_test.lua; this wrapper prepares a copy of examples/demo, asks the CLI what
 * it finds in src/orders.ts, runs Neovim headless and asserts it passed.
 *
 * Neovim is a prerequisite, not an option: when it is missing the `before` hook installs it with
 * apt-get (as root), and fails the suite if it cannot.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { JsonReport } from "../../server/src/cli/formatters/index";

const REPO = path.resolve(__dirname, "..", "..");
const SERVER = path.join(REPO, "dist", "server.js");
const CLI = path.join(REPO, "bin", "concurrency-lint.js");
const SCRIPT = path.join(__dirname, "neovim", "lsp_test.lua");
const NVIM_TIMEOUT_MS = 60_000;

function nvimVersion(): string | undefined {
  const result = spawnSync("nvim", ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.split("\n")[0] : undefined;
}

/** Installs Debian's neovim when it is missing; throws with the reason when that is impossible. */
function ensureNeovim(): string {
  const present = nvimVersion();
  if (present) return present;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("apt-get", ["--version"], { encoding: "utf8" }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`nvim is not installed and cannot be installed here (${isRoot ? "no apt-get" : "not root"}): install Debian's \`neovim\` package.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "neovim"]]) {
    const result = spawnSync("apt-get", args, { encoding: "utf8", env, timeout: 600_000 });
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(" ")} failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }
  const installed = nvimVersion();
  if (!installed) throw new Error("apt-get installed neovim, but `nvim --version` still fails");
  return installed;
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"], timeout: NVIM_TIMEOUT_MS });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, output }));
  });
}

/** The CLI's findings for one file as "line:column:ruleId" (1-based), in file order. */
function cliFindings(file: string): string[] {
  const result = spawnSync(process.execPath, [CLI, demo, "--format", "json"], { cwd: demo, encoding: "utf8", timeout: NVIM_TIMEOUT_MS });
  assert.ok(result.status === 0 || result.status === 1, `the CLI failed (status ${result.status}):\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as JsonReport;
  const entry = report.results.find((candidate) => candidate.filePath === file);
  assert.ok(entry, `the CLI did not lint ${file}`);
  return entry.findings.map((finding) => `${finding.line}:${finding.column}:${finding.ruleId}`);
}

let tempRoot = "";
let demo = "";
let orders = "";
/** The CLI's findings for src/orders.ts of the copy. */
let expected: string[] = [];

before(() => {
  assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first (\`npm test\` does).`);
  const version = ensureNeovim();
  assert.match(version, /^NVIM v0\.(?:[7-9]|\d\d)\./, `Neovim 0.7 or newer is needed, found: ${version}`);
  tempRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-nvim-")));
  demo = path.join(tempRoot, "demo");
  fs.cpSync(path.join(REPO, "examples", "demo"), demo, { recursive: true });
  // The copy is outside the repository: point it at the repository's @types (for `node`).
  const tsconfigFile = path.join(demo, "tsconfig.json");
  const tsconfig = JSON.parse(fs.readFileSync(tsconfigFile, "utf8")) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [path.join(REPO, "node_modules", "@types")];
  fs.writeFileSync(tsconfigFile, JSON.stringify(tsconfig, null, 2));
  // Neovim's own temporary folder (it is not cleaned up when the script ends with os.exit).
  fs.mkdirSync(path.join(tempRoot, "nvim-tmp"));
  orders = path.join(demo, "src", "orders.ts");
  expected = cliFindings(orders);
});

after(() => {
  if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
});

describe("Neovim as the LSP client", () => {
  it("shows the CLI's findings as diagnostics and applies `Add await`", { timeout: NVIM_TIMEOUT_MS + 30_000 }, async () => {
    assert.ok(expected.some((finding) => finding.endsWith(":floating-promise")), `no floating-promise in the CLI's findings: ${expected.join(" ")}`);
    const started = Date.now();
    const outcome = await run("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${SCRIPT}`], {
      cwd: demo,
      env: {
        ...process.env,
        TMPDIR: path.join(tempRoot, "nvim-tmp"),
        CL_SERVER: SERVER,
        CL_ROOT: demo,
        CL_FILE: orders,
        CL_EXPECTED: expected.join(";"),
        CL_TIMEOUT_MS: "15000",
      },
    });
    const report = `Neovim exited with code ${outcome.code} (signal ${outcome.signal}) after ${Date.now() - started} ms; its output:\n${outcome.output}`;
    assert.equal(outcome.code, 0, report);
    assert.match(outcome.output, /^PASS$/m, report);
    // Only the changed buffer was edited: the file on disk still has the bug.
    assert.match(await fs.promises.readFile(orders, "utf8"), /^ {2}sendReceipt\(order\);$/m);
  });
});
