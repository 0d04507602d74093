// End-to-end test of the packaged extension in the real VS Code: the VS Code server and web workbench
// shipped in the npm package code-server (installed by test/e2e/setup-code-server.sh), with its Node
// extension host, driven by Debian's chromium through playwright-core.
//
//   node test/e2e/run-vscode.mjs [--vsix <file>] [--scenario trusted|untrusted]
//
// 1. installs the .vsix into a fresh extensions folder with the server's own CLI (--install-extension);
// 2. copies examples/demo to a temporary workspace (test/e2e/lib.mjs);
// 3. starts the server and opens the workbench with the test payload: out/e2e (a host extension that
//    only carries the tests) as extensionDevelopmentPath, out/e2e/suite.js as extensionTestsPath;
// 4. answers the suite's `CHECK_UI_NOW` by reading the Problems panel and taking the screenshot
//    test-results/vscode-problems.png, and its `UI_REQUEST`s (squiggles, quick fixes picked from the
//    lightbulb menu with the mouse and the keyboard, the Restricted Mode indicator) with test/e2e/ui.mjs;
// 5. exits with the suite's result (codeAutomationExit): 0 passed, 1 failed or timed out.
// Steps 2-5 run once per scenario (SCENARIOS below): trusted, then untrusted (Restricted Mode).
//
// Environment: CODE_SERVER_CACHE, CS_VERSION (as in setup-code-server.sh), or CS_DIR + CS_NODE directly;
// CHROMIUM (browser binary); E2E_TIMEOUT_MS (default 180000); VERBOSE=1 (server and browser output);
// KEEP_TMP=1 (keep the temporary folder).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { answerUiRequest } from "./ui.mjs";
import { E2EError, QUIET_SETTINGS, RESULTS_DIR, buildSuite, findVsix, prepareWorkspace } from "./lib.mjs";

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 180_000);
const SCREENSHOT = join(RESULTS_DIR, "vscode-problems.png");
const FAILURE_SCREENSHOT = join(RESULTS_DIR, "vscode-failure.png");
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

mkdirSync(RESULTS_DIR, { recursive: true });
// A screenshot in test-results/ must come from this run.
for (const stale of [SCREENSHOT, FAILURE_SCREENSHOT]) rmSync(stale, { force: true });
const logFile = createWriteStream(join(RESULTS_DIR, "vscode-e2e.log"));
function say(line) {
  console.log(line);
  logFile.write(line + "\n");
}

function codeServerInstall() {
  if (process.env.CS_DIR && process.env.CS_NODE) return { CS_DIR: process.env.CS_DIR, CS_NODE: process.env.CS_NODE };
  const cache = process.env.CODE_SERVER_CACHE ?? join(homedir(), ".cache", "concurrency-lint-e2e");
  const envFile = join(cache, `code-server-${process.env.CS_VERSION ?? "4.139.1"}`, "env.json");
  if (!existsSync(envFile)) throw new E2EError(`VS Code (code-server) is not installed: no ${envFile}. Run test/e2e/setup-code-server.sh first.`);
  return JSON.parse(readFileSync(envFile, "utf8"));
}

function chromiumPath() {
  if (process.env.CHROMIUM) {
    if (!existsSync(process.env.CHROMIUM)) throw new E2EError(`CHROMIUM=${process.env.CHROMIUM} does not exist`);
    return process.env.CHROMIUM;
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(candidate)) return candidate;
  throw new E2EError("chromium is not installed (apt-get install chromium, or set CHROMIUM; test/e2e/setup-code-server.sh installs it)");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the first match of `re` in the process's output, rejects on exit or timeout. */
function waitForOutput(child, re, what, timeoutMs) {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (data) => {
      buffered += data;
      const match = re.exec(buffered);
      if (match) done(() => resolve(match));
    };
    const onExit = (code) => done(() => reject(new E2EError(`the VS Code server exited (${code}) before ${what}:\n${buffered.slice(-3000)}`)));
    const timer = setTimeout(() => done(() => reject(new E2EError(`timed out after ${timeoutMs} ms waiting for ${what}:\n${buffered.slice(-3000)}`))), timeoutMs);
    function done(fn) {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stderr.off("data", onData);
      child.off("exit", onExit);
      fn();
    }
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", onExit);
  });
}

/**
 * The scenarios, each with its own server, browser profile and copy of the workspace:
 * `trusted`: workspace trust off (--disable-workspace-trust), the whole suite;
 * `untrusted`: trust on (security.workspace.trust.enabled, the default) and the folder never trusted,
 * i.e. Restricted Mode: the suite's untrusted part (what still works there).
 */
const SCENARIOS = {
  trusted: { serverArgs: ["--disable-workspace-trust"], settings: {}, problemsPanel: true, logs: "vscode-logs" },
  untrusted: {
    serverArgs: [],
    settings: { "security.workspace.trust.enabled": true },
    problemsPanel: false,
    logs: "vscode-logs-untrusted",
  },
};

async function main(name) {
  const scenario = SCENARIOS[name];
  say(`[driver] scenario ${name}`);
  const vsix = findVsix(process.argv.slice(2));
  const { CS_DIR, CS_NODE } = codeServerInstall();
  const serverMain = join(CS_DIR, "lib", "vscode", "out", "server-main.js");
  if (!existsSync(serverMain) || !existsSync(CS_NODE)) throw new E2EError(`broken code-server install (${serverMain}, ${CS_NODE}): delete it and rerun test/e2e/setup-code-server.sh`);
  const browserPath = chromiumPath();
  const { chromium } = await import("playwright-core");

  const { hostDir, suite } = await buildSuite();
  const tmp = mkdtempSync(join(tmpdir(), "concurrency-lint-e2e-"));
  const { workspace, signals } = prepareWorkspace(tmp);
  const dirs = { userData: join(tmp, "user-data"), serverData: join(tmp, "server-data"), extensions: join(tmp, "extensions") };
  for (const d of ["user-data/User", "server-data/data/Machine", "server-data/data/User"]) {
    mkdirSync(join(tmp, d), { recursive: true });
    writeFileSync(join(tmp, d, "settings.json"), JSON.stringify({ ...QUIET_SETTINGS, ...scenario.settings }, null, 2));
  }
  const common = ["--server-data-dir", dirs.serverData, "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions, "--accept-server-license-terms"];
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: "{}", // no marketplace (code-server would try open-vsx.org)
    TMPDIR: tmp, // the server's IPC sockets go here, not into the shared /tmp
    XDG_CONFIG_HOME: tmp,
    XDG_DATA_HOME: tmp,
    CONCURRENCY_LINT_E2E_SIGNALS: signals,
    CONCURRENCY_LINT_E2E_EXPECT_INSTALLED: "1",
    CONCURRENCY_LINT_E2E_SCENARIO: name,
    CONCURRENCY_LINT_E2E_UI: "1", // the suite's UI_REQUESTs are answered (test/e2e/ui.mjs)
  };
  say(`[driver] vsix ${vsix}; VS Code server ${CS_DIR}; workspace ${workspace}`);

  // 1. Install the packaged extension the way a user would.
  const install = spawnSync(CS_NODE, [serverMain, ...common, "--install-extension", vsix], { env, encoding: "utf8", timeout: 120_000 });
  const installOutput = `${install.stdout ?? ""}${install.stderr ?? ""}`.trim();
  say(`[driver] --install-extension: ${installOutput.split("\n").join(" | ")}`);
  if (install.status !== 0 || !/successfully installed/i.test(installOutput)) {
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
    throw new E2EError(`installing ${vsix} failed (exit ${install.status ?? install.signal})`);
  }

  // 2. Start the server (its own process group, so that its extension host and our language server end with it).
  const port = await freePort();
  const server = spawn(
    CS_NODE,
    [serverMain, ...common, "--host", "127.0.0.1", "--port", String(port), "--without-connection-token", "--enable-smoke-test-driver",
      "--disable-telemetry", ...scenario.serverArgs, "--log", process.env.CS_LOG ?? "info"],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let serverOutput = "";
  const onServerData = (data) => {
    serverOutput += data;
    if (serverOutput.length > 2_000_000) serverOutput = serverOutput.slice(-1_000_000);
    if (process.env.VERBOSE) process.stdout.write(`[server] ${data}`);
  };
  server.stdout.on("data", onServerData);
  server.stderr.on("data", onServerData);

  let context;
  let page;
  let finished = false;
  let uiOk = !scenario.problemsPanel;
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));

  const finish = async (code, why) => {
    if (finished) return;
    finished = true;
    say(`[driver] ${why}; exit ${code} after ${elapsed()}`);
    if (code !== 0) {
      if (page) await page.screenshot({ path: FAILURE_SCREENSHOT }).then(() => say(`[driver] failure screenshot ${FAILURE_SCREENSHOT}`), () => {});
      say(`[driver] server output (tail):\n${serverOutput.slice(-4000)}`);
    }
    // The extension host and language server logs (output channels included) are the first place to look.
    const logs = join(dirs.userData, "logs");
    if (existsSync(logs)) {
      rmSync(join(RESULTS_DIR, scenario.logs), { recursive: true, force: true });
      cpSync(logs, join(RESULTS_DIR, scenario.logs), { recursive: true });
    }
    if (context) await context.close().catch(() => {});
    await stopServer(server);
    if (process.env.KEEP_TMP) say(`[driver] kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
    resolveExit(code);
  };

  const timer = setTimeout(() => void finish(1, `TIMEOUT after ${TIMEOUT_MS} ms`), TIMEOUT_MS);
  try {
    const [, listening] = await waitForOutput(server, /Extension host agent listening on (\d+)/, "the server to listen", 60_000);
    say(`[driver] VS Code server listening on ${listening} after ${elapsed()}`);

    // 3. The browser.
    context = await chromium.launchPersistentContext(join(tmp, "chromium-profile"), {
      executablePath: browserPath,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = context.pages()[0] ?? (await context.newPage());
    if (process.env.VERBOSE) page.on("console", (m) => console.log(`[browser] ${m.type()} ${m.text()}`));
    await page.exposeFunction("codeAutomationLog", async (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
      // The suite's own lines and a failure's error on the console; everything else (the workbench logs
      // at trace level during the suite) into test-results/vscode-e2e.log only.
      if (/^(\[test\]|CHECK_UI_NOW|UI_REQUEST|Error:|AssertionError)/.test(text)) say(text);
      else logFile.write(`[exthost ${type}] ${text}\n`);
      if (text.includes("CHECK_UI_NOW")) await checkProblemsPanel();
      else if (text.startsWith("UI_REQUEST ")) await answerUiRequest(page, signals, JSON.parse(text.slice("UI_REQUEST ".length)), say, RESULTS_DIR);
    });
    await page.exposeFunction("codeAutomationExit", (code) => {
      clearTimeout(timer);
      const ok = code === 0 && uiOk;
      void finish(ok ? 0 : 1, `the test suite finished with code ${code}${uiOk ? "" : " (the Problems panel check did not pass)"}`);
    });

    // 4. The Problems panel, as a person would see it.
    async function checkProblemsPanel() {
      let result;
      try {
        const panel = page.locator(".markers-panel");
        await panel.filter({ hasText: "floating-promise" }).first().waitFor({ state: "visible", timeout: 30_000 });
        const text = await panel.first().innerText();
        const wanted = ["floating-promise", "concurrency-lint", "orders.ts"];
        const missing = wanted.filter((w) => !text.includes(w));
        await page.screenshot({ path: SCREENSHOT });
        say(`[driver] screenshot ${SCREENSHOT}`);
        result = missing.length ? { ok: false, detail: `the Problems panel lacks ${missing.join(", ")}: ${JSON.stringify(text.slice(0, 500))}` } : { ok: true, detail: `shows ${wanted.join(", ")}` };
      } catch (error) {
        result = { ok: false, detail: `could not read the Problems panel: ${error.message}` };
      }
      uiOk = result.ok;
      say(`[driver] Problems panel check: ${result.ok ? "ok" : "FAILED"}: ${result.detail}`);
      writeFileSync(join(signals, "ui-check.json.tmp"), JSON.stringify(result));
      // rename: the suite must never read a half-written file
      renameSync(join(signals, "ui-check.json.tmp"), join(signals, "ui-check.json"));
    }

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ["extensionDevelopmentPath", remote(hostDir)],
      ["extensionTestsPath", remote(suite)],
      ["skipWelcome", "true"],
    ]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    say(`[driver] workbench opened after ${elapsed()}`);
  } catch (error) {
    clearTimeout(timer);
    say(`[driver] ${error instanceof E2EError ? error.message : error.stack}`);
    await finish(1, "driver error");
  }
  return exited;
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal); // the server's process group: it, its extension host, the language server
    } catch {
      /* already gone */
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function runScenarios() {
  const i = process.argv.indexOf("--scenario");
  const names = i >= 0 ? [process.argv[i + 1]] : Object.keys(SCENARIOS);
  for (const name of names) if (!SCENARIOS[name]) throw new E2EError(`unknown scenario ${name} (${Object.keys(SCENARIOS).join(", ")})`);
  let code = 0;
  for (const name of names) code = Math.max(code, await main(name));
  return code;
}

runScenarios().then(
  (code) => {
    logFile.end(() => process.exit(code));
  },
  (error) => {
    say(`[driver] ERROR: ${error instanceof E2EError ? error.message : error.stack}`);
    logFile.end(() => process.exit(1));
  },
);
