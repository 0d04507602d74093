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

/**
 * `import * as ts from "typescript"` in each of our modules would copy TypeScript's thousands of
 * exports into a namespace object once per module at start-up (esbuild's CommonJS interop), a
 * noticeable part of a warm `--cache` run: every module imports this one module instead, which
 * copies them once.
 */
const typescriptOnce = {
  name: "typescript-once",
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, (args) =>
      args.namespace === "typescript-once" ? { path: "typescript", external: true } : { path: "typescript", namespace: "typescript-once" },
    );
    build.onLoad({ filter: /.*/, namespace: "typescript-once" }, () => ({ contents: 'export * from "typescript";', loader: "js", resolveDir: "." }));
  },
};

const options = {
  plugins: [typescriptOnce],
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
