// Bundles the entry points. `typescript` stays external: it is a dependency, and its lib .d.ts
// files must sit beside it on disk. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** Entry points by output name: the CLI, the language server, and the VS Code client. */
const entries = [
  { in: "server/src/cli/main.ts", out: "cli" },
  { in: "server/src/lsp/main.ts", out: "server" },
  { in: "client/src/extension.ts", out: "client" },
];

const options = {
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["typescript", "vscode"],
  // jsonc-parser's UMD build requires its parts dynamically; its ES module build bundles cleanly.
  mainFields: ["module", "main"],
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
