/**
 * What `npm install concurrency-lint` brings (issue 13, packaging): the package's files as
 * `npm pack --dry-run` lists them, and its runtime dependencies. The `ts7` engine needs
 * `typescript7` (an exact-pinned alias of `typescript@7.0.2`: its pipe protocol is unversioned)
 * at run time, and npm picks its platform binary (`@typescript/typescript-<os>-<arch>`, an
 * optional dependency of it) on each machine: no binary is in our own package. Needs
 * `npm run build` first (`npm test` does it): the list is read from the built dist/.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

const REPO = path.resolve(__dirname, "..", "..");

interface Manifest {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
}
interface PackedFile {
  path: string;
}
interface LockEntry {
  version?: string;
  name?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as Manifest;

/** The files `npm pack` would put in the tarball (no lifecycle scripts, nothing written). */
function packedFiles(): string[] {
  const result = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 60_000,
    shell: process.platform === "win32",
  });
  assert.equal(result.status, 0, `npm pack --dry-run failed:\n${result.stderr}`);
  const [packed] = JSON.parse(result.stdout) as [{ files: PackedFile[] }];
  return packed.files.map((file) => file.path).sort();
}

describe("the npm package", () => {
  it("depends on typescript7, pinned exactly under its alias, at run time", () => {
    assert.equal(manifest.dependencies.typescript7, "npm:typescript@7.0.2");
    assert.equal(manifest.dependencies.typescript, "6.0.3", "the ts7 engine still parses with TypeScript 6");
    assert.equal(manifest.devDependencies.typescript7, undefined, "a devDependency is not installed for users");
    const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
    const typescript7 = lock.packages["node_modules/typescript7"];
    assert.ok(typescript7, "package-lock.json has typescript7: refresh it with npm install --package-lock-only --ignore-scripts");
    assert.equal(typescript7.name, "typescript");
    assert.equal(typescript7.version, "7.0.2");
    assert.equal(typescript7.dev, undefined, "the lock marks typescript7 as a runtime package");
    // The platform binaries: optional dependencies of typescript7, each locked at the same version
    // and, like it, runtime packages (npm installs the one matching os/cpu).
    const binaries = Object.keys(typescript7.optionalDependencies ?? {});
    for (const platform of ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64", "win32-arm64"]) {
      assert.ok(binaries.includes(`@typescript/typescript-${platform}`), `typescript7 lists @typescript/typescript-${platform}`);
    }
    for (const binary of binaries) {
      const entry = lock.packages[`node_modules/${binary}`];
      assert.ok(entry, `${binary} is in package-lock.json`);
      assert.equal(entry.version, "7.0.2", binary);
      assert.equal(entry.optional, true, binary);
      assert.equal(entry.dev, undefined, `${binary} is a runtime package`);
    }
  });

  it("builds the bundles it ships before it is packed (npm pack, npm publish, a git install)", () => {
    assert.equal(manifest.scripts.prepack, manifest.scripts.build, "prepack runs the build, so dist/ is never stale or missing in the tarball");
  });

  it("carries the CLI, the language server, the schema and the rule docs, and nothing else", () => {
    for (const bundle of ["cli.js", "server.js"]) {
      assert.ok(fs.existsSync(path.join(REPO, "dist", bundle)), `dist/${bundle} is missing: run \`npm run build\` first (\`npm test\` does).`);
    }
    const files = packedFiles();
    const ruleDocs = fs.readdirSync(path.join(REPO, "docs", "rules")).map((file) => `docs/rules/${file}`);
    assert.deepEqual(
      files,
      ["LICENSE", "README.md", "bin/concurrency-lint.js", "dist/cli.js", "dist/server.js", "package.json", "schema/concurrency-lint.schema.json", ...ruleDocs].sort(),
      "no source maps, no VS Code client (it ships in the VSIX), no TypeScript 7 binary (npm installs the user's platform's)",
    );
  });
});
