// Shared by the end-to-end runners (run-vscode.mjs: VS Code server from code-server + chromium;
// run-vscode-electron.mjs: desktop VS Code via @vscode/test-electron): locating the .vsix, building
// the test module with its host extension, and preparing a throwaway copy of the demo workspace.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS_DIR = join(ROOT, "test-results");
/** The id the extension gets from the manifest (publisher.name). */
export const EXTENSION_ID = "concurrency-lint.concurrency-lint";

export class E2EError extends Error {}

export function readManifest() {
  return JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
}

/** The packaged extension: `--vsix <file>`, or `<name>-<version>.vsix` at the repository root. */
export function findVsix(argv) {
  const i = argv.indexOf("--vsix");
  const manifest = readManifest();
  const file = resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : join(ROOT, `${manifest.name ?? "concurrency-lint"}-${manifest.version}.vsix`));
  if (!existsSync(file)) throw new E2EError(`no packaged extension at ${file}: run \`npm run package\` (node scripts/package-vsix.mjs) first`);
  return file;
}

/**
 * Bundles test/e2e/vscode/suite.ts into out/e2e/suite.js, next to a manifest that makes out/e2e a
 * tiny extension: it contributes nothing and only hosts the tests, so the extension under test is the
 * one installed from the .vsix (a test module inside no extension gets no `vscode` API of its own).
 */
export async function buildSuite() {
  const outDir = join(ROOT, "out", "e2e");
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(ROOT, "test", "e2e", "vscode", "suite.ts")],
    outfile: join(outDir, "suite.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    sourcemap: "inline",
    logLevel: "warning",
  });
  writeFileSync(
    join(outDir, "package.json"),
    JSON.stringify(
      {
        name: "concurrency-lint-e2e-host",
        displayName: "concurrency-lint end-to-end test host",
        publisher: "concurrency-lint-tests",
        version: "0.0.0",
        private: true,
        engines: { vscode: "^1.90.0" },
        extensionDependencies: [EXTENSION_ID],
        // Runs in Restricted Mode too (the untrusted scenario); it only carries the tests.
        capabilities: { untrustedWorkspaces: { supported: true } },
      },
      null,
      2,
    ) + "\n",
  );
  return { hostDir: outDir, suite: join(outDir, "suite.js") };
}

/**
 * Copies examples/demo to `<dir>/demo` and makes it stand alone: absolute typeRoots and schema path,
 * and workspace settings that turn on fix-all on save. Returns the workspace folder and the folder
 * the test and the driver exchange signals through.
 */
export function prepareWorkspace(dir) {
  const workspace = join(dir, "demo");
  cpSync(join(ROOT, "examples", "demo"), workspace, { recursive: true });

  const tsconfigPath = join(workspace, "tsconfig.json");
  const tsconfig = JSON.parse(readFileSync(tsconfigPath, "utf8"));
  tsconfig.compilerOptions = { ...tsconfig.compilerOptions, typeRoots: [join(ROOT, "node_modules", "@types")] };
  writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2) + "\n");

  const configPath = join(workspace, "concurrency-lint.json");
  if (existsSync(configPath)) {
    const config = JSON.parse(readFileSync(configPath, "utf8"));
    if (config.$schema) config.$schema = join(ROOT, "schema", "concurrency-lint.schema.json");
    writeFileSync(configPath, JSON.stringify(config, null, 2) + "\n");
  }

  mkdirSync(join(workspace, ".vscode"), { recursive: true });
  writeFileSync(
    join(workspace, ".vscode", "settings.json"),
    JSON.stringify(
      {
        "editor.codeActionsOnSave": { "source.fixAll.concurrencyLint": "explicit" },
        // The client's output channel (copied to test-results/vscode-logs) then shows every LSP message.
        "concurrencyLint.trace.server": "verbose",
      },
      null,
      2,
    ) + "\n",
  );
  const signals = join(dir, "signals");
  mkdirSync(signals, { recursive: true });
  return { workspace, signals };
}

/** Settings that keep a fresh profile quiet and deterministic. */
export const QUIET_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "typescript.surveys.enabled": false,
};
