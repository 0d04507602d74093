// Builds the VS Code extension package: concurrency-lint-<version>.vsix, offline.
//
//   node scripts/package-vsix.mjs [--skip-build] [--out <file.vsix>] [--root <dir>] [--keep-stage]
//
// 1. `node esbuild.mjs --production`, run in a scratch folder that mirrors the repository (symlinks)
//    but has its own dist/: packaging never rewrites the repository's dist/, which tests running at the
//    same time may be using. --skip-build packages the repository's dist/ as it is.
// 2. Stages the package in a temporary directory: the top-level entries .vscodeignore re-includes, a
//    trimmed `node_modules/typescript` (package.json, licence, lib/typescript.js, lib/lib.*.d.ts), and a
//    copy of package.json adjusted for the VSIX (see stageManifest).
// 3. Runs `vsce package` there with stdin closed (a y/N prompt must never wait on a terminal).
// 4. Reads the .vsix back and checks it: required files present, nothing that must stay out (sources,
//    tests, maps, other node_modules), total size under the limit. Exits non-zero with the reason.
//
// Why `vsce package` runs in npm-dependency mode rather than with `--no-dependencies`: with
// `--no-dependencies`, vsce (4.1) globs the extension folder with `ignore: ['node_modules/**']`
// unconditionally, so no .vscodeignore rule can bring `node_modules/typescript` back. In the staging
// folder, the manifest's only dependency is `typescript`, and node_modules holds only its trimmed copy,
// so `npm list --production` (what vsce runs, offline) yields exactly that folder, which .vscodeignore
// then filters file by file.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

const MAX_BYTES = 15 * 1000 * 1000;

/** Files the package must contain (paths inside the extension folder; alternatives: vsce renames
 * README.md → readme.md, CHANGELOG.md → changelog.md and LICENSE → LICENSE.txt). */
const REQUIRED = [
  "package.json",
  ["readme.md", "README.md"],
  ["changelog.md", "CHANGELOG.md"],
  ["LICENSE.txt", "LICENSE"],
  "images/icon.png",
  "dist/client.js",
  "dist/server.js",
  "node_modules/typescript/package.json",
  "node_modules/typescript/lib/typescript.js",
  "node_modules/typescript/lib/lib.d.ts",
  "node_modules/typescript/lib/lib.es2022.d.ts",
];
/** Folders that must contribute at least one file. */
const REQUIRED_DIRS = ["schema/", "syntaxes/"];
/** What must never ship. */
const FORBIDDEN = [
  [/\.map$/, "source maps"],
  [/\.tsx?$/, "TypeScript sources (other than typescript's lib .d.ts files)", (p) => /^node_modules\/typescript\/lib\/lib(\.[^/]*)?\.d\.ts$/.test(p)],
  [/^(server|client|test|bench|examples|scripts|out|\.scratch|test-results)\//, "sources, tests, benchmarks or examples"],
  [/^node_modules\/(?!typescript\/)/, "node_modules other than typescript"],
  [/^node_modules\/typescript\/lib\/(?!typescript\.js$|lib(\.[^/]*)?\.d\.ts$)/, "typescript files other than lib/typescript.js and lib/lib.*.d.ts"],
];

class PackagingError extends Error {}
const fail = (message) => {
  throw new PackagingError(message);
};

function parseArgs(argv) {
  const args = { skipBuild: false, keepStage: false, out: undefined, root: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--skip-build") args.skipBuild = true;
    else if (a === "--keep-stage") args.keepStage = true;
    else if (a === "--out" || a === "--root") {
      const v = argv[++i];
      if (!v) fail(`${a} needs a value`);
      args[a.slice(2)] = v;
    } else fail(`unknown argument: ${a}\nusage: node scripts/package-vsix.mjs [--skip-build] [--out <file.vsix>] [--root <dir>] [--keep-stage]`);
  }
  return args;
}

function run(cmd, cmdArgs, cwd, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CI: "1" } });
  if (r.error) fail(`${what}: could not start ${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${what} failed (exit ${r.status ?? r.signal})`);
}

/** The re-included paths of an allowlist-style .vscodeignore (`**` first, then `!path` lines). */
function readIgnoreAllowlist(root) {
  const file = join(root, ".vscodeignore");
  if (!existsSync(file)) fail(".vscodeignore is missing");
  const lines = readFileSync(file, "utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  if (lines[0] !== "**") fail(".vscodeignore must start with `**` (exclude everything) and re-include what ships with `!path` lines");
  return lines.filter((l) => l.startsWith("!")).map((l) => l.slice(1).replace(/^\//, ""));
}

/** The manifest as shipped: only `typescript` as a runtime dependency, no build hooks, no npm `files`. */
function stageManifest(manifest, tsVersion) {
  const staged = structuredClone(manifest);
  // Everything else is bundled into dist/ by esbuild; typescript stays external (it reads its lib files).
  staged.dependencies = { typescript: tsVersion };
  // Already built above; vsce would run it again, in a folder without the build tools.
  if (staged.scripts) delete staged.scripts["vscode:prepublish"];
  // `files` lists the npm package's contents; vsce refuses `files` together with .vscodeignore.
  delete staged.files;
  return staged;
}

/** Runs the production build with a private dist/; returns that dist folder. */
function buildProduction(root) {
  const dir = mkdtempSync(join(tmpdir(), "concurrency-lint-build-"));
  for (const entry of readdirSync(root)) {
    if (entry !== "dist" && entry !== ".git") symlinkSync(join(root, entry), join(dir, entry));
  }
  console.log("[package] node esbuild.mjs --production");
  run(process.execPath, ["esbuild.mjs", "--production"], dir, "the production build");
  return { dist: join(dir, "dist"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function stage(root, manifest, distDir) {
  const tsDir = join(root, "node_modules", "typescript");
  if (!existsSync(join(tsDir, "lib", "typescript.js"))) fail(`typescript is not installed in ${tsDir} (run npm ci)`);
  const tsManifest = JSON.parse(readFileSync(join(tsDir, "package.json"), "utf8"));

  const dir = mkdtempSync(join(tmpdir(), "concurrency-lint-vsix-"));
  const topLevel = new Set(readIgnoreAllowlist(root).map((p) => p.split("/")[0]).filter((p) => p && !p.includes("*")));
  topLevel.delete("node_modules");
  topLevel.delete("package.json");
  for (const entry of topLevel) {
    const from = entry === "dist" ? distDir : join(root, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true, dereference: true });
  }
  cpSync(join(root, ".vscodeignore"), join(dir, ".vscodeignore"));
  writeFileSync(join(dir, "package.json"), JSON.stringify(stageManifest(manifest, tsManifest.version), null, 2) + "\n");

  const tsOut = join(dir, "node_modules", "typescript");
  mkdirSync(join(tsOut, "lib"), { recursive: true });
  for (const f of ["package.json", "LICENSE.txt", "ThirdPartyNoticeText.txt"]) {
    if (existsSync(join(tsDir, f))) cpSync(join(tsDir, f), join(tsOut, f));
  }
  for (const f of readdirSync(join(tsDir, "lib"))) {
    if (f === "typescript.js" || /^lib(\..+)?\.d\.ts$/.test(f)) cpSync(join(tsDir, "lib", f), join(tsOut, "lib", f));
  }
  return dir;
}

/** Lists a zip archive's entries from its central directory (no external unzip needed). */
function listZip(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail(`${file} is not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) fail(`${file}: corrupt central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const localHeader = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.push({ name, size, compressed, method, localHeader });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const read = (entry) => {
    const lh = entry.localHeader;
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    const data = buf.subarray(start, start + entry.compressed);
    return entry.method === 0 ? data : inflateRawSync(data);
  };
  return { entries, read, bytes: buf.length };
}

function verify(vsixPath, manifest) {
  const { entries, read, bytes } = listZip(vsixPath);
  const problems = [];
  const files = entries.filter((e) => e.name.startsWith("extension/")).map((e) => e.name.slice("extension/".length));
  const have = new Set(files);
  for (const f of REQUIRED) {
    const options = Array.isArray(f) ? f : [f];
    if (!options.some((o) => have.has(o))) problems.push(`missing ${options.at(-1)}`);
  }
  for (const d of REQUIRED_DIRS) if (!files.some((f) => f.startsWith(d) && !f.endsWith("/"))) problems.push(`missing ${d} (no file in it)`);
  for (const f of files) {
    for (const [re, what, exempt] of FORBIDDEN) {
      if (re.test(f) && !(exempt && exempt(f))) problems.push(`must not ship ${f} (${what})`);
    }
  }
  if (bytes >= MAX_BYTES) problems.push(`the package is ${(bytes / 1e6).toFixed(2)} MB; the limit is ${MAX_BYTES / 1e6} MB`);
  // The manifest inside must be the one we staged, naming the shipped entry point.
  const pkgEntry = entries.find((e) => e.name === "extension/package.json");
  if (pkgEntry) {
    const shipped = JSON.parse(read(pkgEntry).toString("utf8"));
    if (shipped.version !== manifest.version) problems.push(`packaged version ${shipped.version} != ${manifest.version}`);
    const main = typeof shipped.main === "string" ? shipped.main.replace(/^\.\//, "") : undefined;
    if (main && !have.has(main) && !have.has(`${main}.js`)) problems.push(`manifest "main" (${shipped.main}) is not in the package`);
    if (typeof shipped.icon === "string" && !have.has(shipped.icon.replace(/^\.\//, ""))) problems.push(`manifest "icon" (${shipped.icon}) is not in the package`);
  }
  return { problems, files, bytes };
}

function main() {
  const scriptRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(args.root ?? scriptRoot);
  const manifestPath = join(root, "package.json");
  if (!existsSync(manifestPath)) fail(`no package.json in ${root}`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const name = manifest.name ?? "concurrency-lint";
  const version = manifest.version ?? fail("package.json has no version");
  const out = resolve(args.out ?? join(root, `${name}-${version}.vsix`));
  const t0 = Date.now();
  const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

  for (const f of ["README.md", "CHANGELOG.md", "LICENSE", "images/icon.png"]) {
    if (!existsSync(join(root, f))) fail(`${f} is missing`);
  }
  const build = args.skipBuild ? { dist: join(root, "dist"), cleanup: () => {} } : buildProduction(root);
  try {
    for (const f of ["client.js", "server.js"]) {
      if (!existsSync(join(build.dist, f))) fail(`dist/${f} is missing (${args.skipBuild ? "run the build first" : "does esbuild.mjs build the client and server entry points into dist/?"})`);
    }
    packageFrom(root, manifest, build.dist, args, out, seconds);
  } finally {
    build.cleanup();
  }
}

function packageFrom(root, manifest, distDir, args, out, seconds) {
  const require = createRequire(join(root, "package.json"));
  let vsceBin;
  try {
    const vscePkgPath = require.resolve("@vscode/vsce/package.json");
    const bin = JSON.parse(readFileSync(vscePkgPath, "utf8")).bin;
    vsceBin = join(dirname(vscePkgPath), typeof bin === "string" ? bin : bin.vsce);
  } catch {
    fail("@vscode/vsce is not installed (it is a devDependency: run npm ci)");
  }

  const stageDir = stage(root, manifest, distDir);
  console.log(`[package] staged in ${stageDir} (${seconds()})`);
  try {
    rmSync(out, { force: true });
    mkdirSync(dirname(out), { recursive: true });
    const vsceArgs = ["package", "--no-yarn", "--allow-missing-repository", "--out", out];
    // vsce makes README links absolute from the manifest's repository; without one it would refuse
    // relative links, so keep them as they are.
    if (!manifest.repository) vsceArgs.push("--no-rewrite-relative-links");
    console.log(`[package] vsce ${vsceArgs.join(" ")}`);
    run(process.execPath, [vsceBin, ...vsceArgs], stageDir, "vsce package");
  } finally {
    if (args.keepStage) console.log(`[package] kept ${stageDir}`);
    else rmSync(stageDir, { recursive: true, force: true });
  }

  if (!existsSync(out)) fail(`vsce reported success but ${out} does not exist`);
  const { problems, files, bytes } = verify(out, manifest);
  if (problems.length) fail(`${relative(process.cwd(), out)} is not shippable:\n  - ${problems.join("\n  - ")}`);
  const tsFiles = files.filter((f) => f.startsWith("node_modules/typescript/")).length;
  console.log(`[package] OK ${out}: ${files.length} files (${tsFiles} of typescript), ${(bytes / 1e6).toFixed(2)} MB (${(statSync(out).size / 1e6).toFixed(2)} MB on disk), ${seconds()}`);
}

try {
  main();
} catch (error) {
  if (error instanceof PackagingError) {
    console.error(`[package] ERROR: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
