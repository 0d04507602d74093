// Typed lint of our own code: floating promises and the architecture's import boundaries.
import tseslint from "typescript-eslint";

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  {
    ignores: ["node_modules/", "out/", "dist/", "bench/.work/", ".scratch/", "stryker-tmp/", "reports/", "test/fixtures/", "examples/", "**/*.js", "**/*.mjs"],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test registers tests; the runner tracks their promises (our own rule knows this by declaration).
      "@typescript-eslint/no-floating-promises": [
        "error",
        { allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["describe", "it", "test", "suite", "before", "after", "beforeEach", "afterEach"] }] },
      ],
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine and the rules know nothing of editors or transports.
    files: ["server/src/engine/**/*.ts", "server/src/rules/**/*.ts"],
    rules: restrict([
      { group: ["vscode", "vscode-languageserver", "vscode-languageserver/*", "vscode-languageclient", "vscode-languageclient/*"], message: "engine/ and rules/ must not depend on an editor or LSP." },
      { group: ["**/cli/**", "**/lsp/**"], message: "engine/ and rules/ must not import their adapters." },
    ]),
  },
  {
    files: ["server/src/cli/**/*.ts"],
    rules: restrict([{ group: ["**/lsp/**", "vscode-languageserver", "vscode-languageserver/*"], message: "The CLI must not import the language server." }]),
  },
  {
    // The client is thin: it may share only the protocol definitions with the server.
    files: ["client/src/**/*.ts"],
    rules: restrict([{ group: ["**/server/src/engine/**", "**/server/src/rules/**", "**/server/src/cli/**", "**/server/src/lsp/**"], message: "client/ may import only server/src/protocol/." }]),
  },
);
