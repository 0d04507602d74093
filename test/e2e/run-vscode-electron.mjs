// The end-to-end suite (test/e2e/vscode/suite.ts) in desktop VS Code, through @vscode/test-electron.
// For machines that can download VS Code from Microsoft (this project's CI machine cannot: there,
// test/e2e/run-vscode.mjs runs the same suite in the VS Code server from the npm package code-server).
//
//   node test/e2e/run-vscode-electron.mjs [--vsix <file>]      (npm run test:vscode-electron)
//
// Same shape as run-vscode.mjs: the .vsix is installed with VS Code's CLI into a fresh extensions
// folder, out/e2e hosts the tests, and a copy of examples/demo is the workspace. Without a workbench
// driver the Problems panel is not read: the suite is told so through its signal file.
// Environment: VSCODE_VERSION (default "stable"); KEEP_TMP=1 keeps the temporary folder.
// On Linux without a display, run it under xvfb-run.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2EError, QUIET_SETTINGS, buildSuite, findVsix, prepareWorkspace } from "./lib.mjs";

async function main() {
  const vsix = findVsix(process.argv.slice(2));
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } = await import("@vscode/test-electron");
  const { hostDir, suite } = await buildSuite();
  const tmp = mkdtempSync(join(tmpdir(), "concurrency-lint-e2e-electron-"));
  try {
    const { workspace, signals } = prepareWorkspace(tmp);
    writeFileSync(join(signals, "ui-check.json"), JSON.stringify({ ok: true, detail: "not checked (no workbench driver under @vscode/test-electron)" }));
    const userData = join(tmp, "user-data");
    const extensions = join(tmp, "extensions");
    mkdirSync(join(userData, "User"), { recursive: true });
    writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(QUIET_SETTINGS, null, 2));
    const profile = [`--extensions-dir=${extensions}`, `--user-data-dir=${userData}`];

    const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? "stable");
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const ownArgs = cliArgs.filter((a) => !a.startsWith("--extensions-dir") && !a.startsWith("--user-data-dir"));
    const install = spawnSync(cli, [...ownArgs, ...profile, "--install-extension", vsix], {
      encoding: "utf8",
      shell: process.platform === "win32",
      timeout: 120_000,
    });
    console.log(`[driver] --install-extension: ${`${install.stdout ?? ""}${install.stderr ?? ""}`.trim()}`);
    if (install.status !== 0) throw new E2EError(`installing ${vsix} failed (exit ${install.status ?? install.signal})`);

    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: hostDir,
      extensionTestsPath: suite,
      extensionTestsEnv: { CONCURRENCY_LINT_E2E_SIGNALS: signals, CONCURRENCY_LINT_E2E_EXPECT_INSTALLED: "1" },
      launchArgs: [workspace, ...profile, "--disable-workspace-trust", "--skip-welcome", "--skip-release-notes", "--disable-gpu"],
    });
    console.log("[driver] the test suite passed");
    return 0;
  } finally {
    if (process.env.KEEP_TMP) console.log(`[driver] kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[driver] FAILED: ${error instanceof E2EError ? error.message : (error?.stack ?? error)}`);
    process.exit(1);
  },
);
