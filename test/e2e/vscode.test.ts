/**
 * End to end in the real VS Code: packages the extension (scripts/package-vsix.mjs), makes sure the
 * VS Code server from the npm package code-server is installed (test/e2e/setup-code-server.sh, cached
 * outside the repository), then runs test/e2e/run-vscode.mjs: the .vsix installed into VS Code, the
 * suite test/e2e/vscode/suite.ts in its extension host, the Problems panel read from the workbench.
 *
 * A missing prerequisite (chromium, the code-server install, the build) fails this test; it never skips.
 * First run on a fresh machine: ~5 minutes (apt, code-server's 800 MB, native builds; the setup's
 * progress is printed as it goes); later runs: ~55 s on 2 cores (two scenarios, trusted and untrusted, each with its own server).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";

const ROOT = resolve(__dirname, "../..");
const SCREENSHOT = join(ROOT, "test-results", "vscode-problems.png");

interface StepResult {
  code: number | null;
  output: string;
  seconds: number;
}

/**
 * Runs a step in its own process group (so a timeout ends all of it); resolves when it exits.
 * `live`: also copy its output to stderr as it comes, which the test runner shows at once (the
 * first code-server setup takes minutes, and a silent test looks hung).
 */
function step(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}, live = false): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const collect = (data: Buffer) => {
      output += data.toString();
      if (live) process.stderr.write(data);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      output += `\n[vscode.test] timed out after ${timeoutMs} ms: killing ${command} ${args.join(" ")}\n`;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function tail(text: string, lines = 80): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

test("the packaged extension works in the real VS Code (code-server + chromium)", { timeout: 20 * 60_000 }, async (t) => {
  const work = await mkdtemp(join(tmpdir(), "concurrency-lint-vsix-test-"));
  const vsix = join(work, "concurrency-lint-e2e.vsix");
  const started = Date.now();
  try {
    // Independent: package while the VS Code install is checked (or, the first time, made).
    const [packaged, setup] = await Promise.all([
      step(process.execPath, [join(ROOT, "scripts", "package-vsix.mjs"), "--out", vsix], 5 * 60_000),
      step("bash", [join(ROOT, "test", "e2e", "setup-code-server.sh")], 15 * 60_000, {}, true),
    ]);
    t.diagnostic(`package: ${packaged.seconds.toFixed(1)} s; code-server setup: ${setup.seconds.toFixed(1)} s`);
    assert.equal(packaged.code, 0, `scripts/package-vsix.mjs failed:\n${tail(packaged.output)}`);
    assert.ok(await exists(vsix), `scripts/package-vsix.mjs wrote no ${vsix}:\n${tail(packaged.output)}`);
    assert.equal(setup.code, 0, `test/e2e/setup-code-server.sh failed:\n${tail(setup.output)}`);

    const e2e = await step(process.execPath, [join(ROOT, "test", "e2e", "run-vscode.mjs"), "--vsix", vsix], 6 * 60_000, { E2E_TIMEOUT_MS: "300000" });
    t.diagnostic(`run-vscode: ${e2e.seconds.toFixed(1)} s`);
    for (const line of e2e.output.split("\n")) if (/^(\[test\] (PASS|ALL)|\[driver\] scenario)/.test(line)) t.diagnostic(line.slice(0, 200));
    assert.equal(e2e.code, 0, `test/e2e/run-vscode.mjs failed (full log: test-results/vscode-e2e.log):\n${tail(e2e.output, 120)}`);
    // Two scenarios (test/e2e/run-vscode.mjs): trusted (the whole suite) and untrusted (Restricted Mode).
    assert.equal(e2e.output.match(/\[test\] ALL PASSED/g)?.length, 2, "the suite did not report ALL PASSED in both scenarios (trusted, untrusted)");
    const shot = await stat(SCREENSHOT).catch(() => undefined);
    assert.ok(shot, `no screenshot at ${SCREENSHOT}`);
    assert.ok(shot.mtimeMs >= started, `${SCREENSHOT} is from an earlier run`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
