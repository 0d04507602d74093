// Builds the VS Code extension packages, offline unless another platform's compiler must be fetched.
//
//   node scripts/package-vsix.mjs [--target <t>[,<t>...] | --target all] [--skip-build]
//                                 [--out <file.vsix>] [--out-dir <dir>] [--root <dir>] [--keep-stage]
//
// Without --target: the universal package, concurrency-lint-<version>.vsix, for every platform. It
// carries TypeScript 6 only, so the `ts7` engine falls back to `ts6` there (the server says so once).
// With --target: one platform-specific package per target, concurrency-lint-<target>-<version>.vsix
// (`vsce package --target`: the Marketplace serves each platform its own package, the way extensions
// with native binaries ship them), each also carrying TypeScript 7: the `typescript7` JS API (trimmed)
// and the one Go compiler package for that platform, `@typescript/typescript-<os>-<arch>`, laid out
// as npm would install them, so typescript7 finds its binary the way it does after `npm install`.
// The compiler package comes from node_modules when npm installed it (the machine's own platform),
// else from the npm registry (`npm pack`, network or npm's cache), checked against the integrity
// that package-lock.json records for it. `--target all` builds every target in TARGETS.
//
// 1. `node esbuild.mjs --production`, run in a scratch folder that mirrors the repository (symlinks)
//    but has its own dist/: packaging never rewrites the repository's dist/, which tests running at the
//    same time may be using. --skip-build packages the repository's dist/ as it is.
// 2. Stages each package in a temporary directory: the top-level entries .vscodeignore re-includes, a
//    trimmed `node_modules/typescript` (package.json, licence, lib/typescript.js, lib/lib.*.d.ts), for a
//    target the trimmed `node_modules/typescript7` and `node_modules/@typescript/typescript-<os>-<arch>`,
//    and a copy of package.json adjusted for the VSIX (see stageManifest).
// 3. Runs `vsce package` there with stdin closed (a y/N prompt must never wait on a terminal).
// 4. Reads each .vsix back and checks it: required files present (for a target: its compiler,
//    executable), nothing that must stay out (sources, tests, maps, other node_modules, another
//    platform's compiler), total size under the limit. Exits non-zero with the reason.
//
// Why `vsce package` runs in npm-dependency mode rather than with `--no-dependencies`: with
// `--no-dependencies`, vsce (4.1) globs the extension folder with `ignore: ['node_modules/**']`
// unconditionally, so no .vscodeignore rule can bring `node_modules/typescript` back. In the staging
// folder, the manifest's only dependencies are `typescript` (and `typescript7` for a target), and
// node_modules holds only their trimmed copies, so `npm list --production` (what vsce runs, offline)
// yields exactly those folders, which .vscodeignore then filters file by file.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync, inflateRawSync } from "node:zlib";

/** The universal package (TypeScript 6 only). */
const MAX_BYTES = 15 * 1000 * 1000;
/** A platform-specific package: the universal one plus TypeScript 7's API and its Go compiler (~10 MB compressed). */
const MAX_TARGET_BYTES = 30 * 1000 * 1000;

/**
 * The platform-specific packages: VS Code's target name → the npm platform of typescript7's compiler
 * package (`@typescript/typescript-<platform>`). VS Code calls 32-bit ARM Linux "armhf"; Alpine runs
 * the Linux compilers (statically linked Go programs, no C library needed). Keep in step with
 * VSIX_TARGETS in server/src/engine/ts7/engine.ts (the server's message names the target to install).
 */
export const TARGETS = {
  "win32-x64": "win32-x64",
  "win32-arm64": "win32-arm64",
  "linux-x64": "linux-x64",
  "linux-arm64": "linux-arm64",
  "linux-armhf": "linux-arm",
  "alpine-x64": "linux-x64",
  "alpine-arm64": "linux-arm64",
  "darwin-x64": "darwin-x64",
  "darwin-arm64": "darwin-arm64",
};

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
/** What must never ship; `compiler` is the target's compiler package name (undefined: universal). */
function forbidden(compiler) {
  const allowed = compiler ? `typescript/|typescript7/|@typescript/${compiler.slice("@typescript/".length)}/` : "typescript/";
  return [
    [/\.map$/, "source maps"],
    [/\.tsx?$/, "TypeScript sources (other than the lib .d.ts files the compilers read)", (p) => /^node_modules\/(typescript|@typescript\/[^/]+)\/lib\/lib(\.[^/]*)?\.d\.ts$/.test(p)],
    [/^(server|client|test|bench|examples|scripts|out|\.scratch|test-results)\//, "sources, tests, benchmarks or examples"],
    [new RegExp(`^node_modules/(?!${allowed})`), compiler ? `node_modules other than typescript, typescript7 and ${compiler}` : "node_modules other than typescript (the universal package carries no TypeScript 7)"],
    [/^node_modules\/typescript\/lib\/(?!typescript\.js$|lib(\.[^/]*)?\.d\.ts$)/, "typescript files other than lib/typescript.js and lib/lib.*.d.ts"],
    [/^node_modules\/typescript7\/(?!package\.json$|LICENSE$|NOTICE\.txt$|lib\/(getExePath\.js|version\.cjs)$|(dist|vendor)\/.*(\.c?js|package\.json)$)/, "typescript7 files other than its JavaScript API (dist/, vendor/), lib/getExePath.js and the licence"],
  ];
}

/** Files a platform-specific package must contain besides REQUIRED. */
function requiredFor(compiler, platform) {
  return [
    "node_modules/typescript7/package.json",
    "node_modules/typescript7/lib/getExePath.js",
    "node_modules/typescript7/dist/api/sync/api.js",
    "node_modules/typescript7/dist/ast/index.js",
    "node_modules/typescript7/vendor/vscode-jsonrpc/package.json",
    `node_modules/${compiler}/package.json`,
    `node_modules/${compiler}/lib/${compilerFile(platform)}`,
    `node_modules/${compiler}/lib/lib.d.ts`,
    `node_modules/${compiler}/lib/lib.es2022.d.ts`,
  ];
}

/** The compiler's file name in its package's lib/ (typescript7's getExePath: the bin name, `.exe` on Windows). */
const compilerFile = (platform) => (platform.startsWith("win32-") ? "tsc.exe" : "tsc");

class PackagingError extends Error {}
const fail = (message) => {
  throw new PackagingError(message);
};

const USAGE = "usage: node scripts/package-vsix.mjs [--target <target>[,<target>...] | --target all] [--skip-build] [--out <file.vsix>] [--out-dir <dir>] [--root <dir>] [--keep-stage]";

function parseArgs(argv) {
  const args = { skipBuild: false, keepStage: false, out: undefined, outDir: undefined, root: undefined, targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--skip-build") args.skipBuild = true;
    else if (a === "--keep-stage") args.keepStage = true;
    else if (a === "--out" || a === "--root" || a === "--out-dir" || a === "--target") {
      const v = argv[++i];
      if (!v) fail(`${a} needs a value`);
      if (a === "--target") args.targets.push(...(v === "all" ? Object.keys(TARGETS) : v.split(",")));
      else args[a === "--out-dir" ? "outDir" : a.slice(2)] = v;
    } else fail(`unknown argument: ${a}\n${USAGE}`);
  }
  for (const target of args.targets) {
    if (!Object.hasOwn(TARGETS, target)) fail(`unknown target ${target}: one of ${Object.keys(TARGETS).join(", ")} or all`);
  }
  args.targets = [...new Set(args.targets)];
  if (args.out && args.targets.length > 1) fail(`--out names one package; use --out-dir for ${args.targets.length} targets`);
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

/**
 * The manifest as shipped: only `typescript` (and for a platform-specific package `typescript7`) as
 * runtime dependencies, no build hooks, no npm `files`.
 */
function stageManifest(manifest, tsVersion, withTs7) {
  const staged = structuredClone(manifest);
  // Everything else is bundled into dist/ by esbuild; typescript stays external (it reads its lib
  // files), and so does typescript7 (its Go compiler is found next to it in node_modules).
  staged.dependencies = { typescript: tsVersion, ...(withTs7 ? { typescript7: manifest.dependencies.typescript7 } : {}) };
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

function stage(root, manifest, distDir, compilerSource) {
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
  writeFileSync(join(dir, "package.json"), JSON.stringify(stageManifest(manifest, tsManifest.version, compilerSource !== undefined), null, 2) + "\n");

  const tsOut = join(dir, "node_modules", "typescript");
  mkdirSync(join(tsOut, "lib"), { recursive: true });
  for (const f of ["package.json", "LICENSE.txt", "ThirdPartyNoticeText.txt"]) {
    if (existsSync(join(tsDir, f))) cpSync(join(tsDir, f), join(tsOut, f));
  }
  for (const f of readdirSync(join(tsDir, "lib"))) {
    if (f === "typescript.js" || /^lib(\..+)?\.d\.ts$/.test(f)) cpSync(join(tsDir, "lib", f), join(tsOut, "lib", f));
  }
  if (compilerSource) {
    // typescript7's JavaScript API: its ES modules and vendored JSON-RPC, without types, maps or its CLI.
    const ts7Dir = join(root, "node_modules", "typescript7");
    cpSync(ts7Dir, join(dir, "node_modules", "typescript7"), {
      recursive: true,
      dereference: true,
      filter: (from) => {
        const rel = relative(ts7Dir, from).split(sep).join("/");
        if (statSync(from).isDirectory()) return rel !== "bin";
        return ["package.json", "LICENSE", "NOTICE.txt", "lib/getExePath.js", "lib/version.cjs"].includes(rel) || (/^(dist|vendor)\//.test(rel) && /(\.c?js|\/package\.json)$/.test(rel));
      },
    });
    // The compiler package, as npm lays it out: typescript7's getExePath resolves it from there.
    cpSync(compilerSource.dir, join(dir, "node_modules", compilerSource.name), {
      recursive: true,
      dereference: true,
      filter: (from) => {
        const rel = relative(compilerSource.dir, from).split(sep).join("/");
        return rel === "" || rel === "lib" || rel.startsWith("lib/") || ["package.json", "LICENSE", "NOTICE.txt"].includes(rel);
      },
    });
  }
  return dir;
}

/** The version of typescript7 the repository installs, and the compiler package of an npm platform. */
function ts7Info(root) {
  const ts7Manifest = join(root, "node_modules", "typescript7", "package.json");
  if (!existsSync(ts7Manifest)) fail(`typescript7 is not installed in ${dirname(ts7Manifest)} (run npm ci)`);
  return { version: JSON.parse(readFileSync(ts7Manifest, "utf8")).version };
}

/**
 * Where the compiler package for `target` comes from: node_modules when npm installed it here (the
 * same version as typescript7), else the npm registry (`npm pack` into `cacheDir`), its tarball
 * checked against the integrity package-lock.json records, then unpacked.
 */
function compilerPackage(root, target, version, cacheDir) {
  const platform = TARGETS[target];
  const name = `@typescript/typescript-${platform}`;
  const installed = join(root, "node_modules", name);
  const installedManifest = join(installed, "package.json");
  if (existsSync(installedManifest) && JSON.parse(readFileSync(installedManifest, "utf8")).version === version) {
    return { name, platform, dir: installed, from: "node_modules" };
  }
  const unpacked = join(cacheDir, `${platform}-${version}`);
  if (!existsSync(join(unpacked, "package.json"))) {
    const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
    const integrity = lock.packages?.[`node_modules/${name}`]?.integrity;
    if (!integrity) fail(`package-lock.json records no integrity for ${name}: refresh it (npm install --package-lock-only --ignore-scripts)`);
    console.log(`[package] npm pack ${name}@${version} (network or npm's cache)`);
    const packed = spawnSync("npm", ["pack", `${name}@${version}`, "--pack-destination", cacheDir, "--json", "--ignore-scripts"], {
      cwd: cacheDir,
      encoding: "utf8",
      shell: process.platform === "win32",
    });
    if (packed.status !== 0) fail(`npm pack ${name}@${version} failed (exit ${packed.status ?? packed.signal}); packaging for ${target} needs the npm registry:\n${packed.stderr}`);
    const tarball = join(cacheDir, JSON.parse(packed.stdout)[0].filename);
    const bytes = readFileSync(tarball);
    const [algorithm, expected] = integrity.split("-");
    const actual = createHash(algorithm).update(bytes).digest("base64");
    if (actual !== expected) fail(`${name}@${version} from the registry does not match package-lock.json's integrity (${integrity})`);
    untar(gunzipSync(bytes), unpacked, "package/");
  }
  return { name, platform, dir: unpacked, from: "the npm registry" };
}

/** Unpacks the regular files of a tar archive under `prefix` into `dir`, keeping their modes. */
function untar(tar, dir, prefix) {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => header.toString("utf8", start, start + length).replace(/\0.*$/s, "");
    const name = (field(345, 155) ? `${field(345, 155)}/` : "") + field(0, 100);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const mode = parseInt(field(100, 8).trim() || "644", 8);
    const type = field(156, 1) || "0";
    const body = offset + 512;
    if (type === "0" && name.startsWith(prefix)) {
      const rel = name.slice(prefix.length);
      if (rel.split("/").includes("..")) fail(`unsafe path in a tarball: ${name}`);
      const file = join(dir, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, tar.subarray(body, body + size));
      chmodSync(file, mode & 0o777);
    }
    offset = body + Math.ceil(size / 512) * 512;
  }
}

/** Lists a zip archive's entries from its central directory (no external unzip needed). */
export function listZip(file) {
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
    const unixMode = buf.readUInt32LE(p + 38) >>> 16;
    const localHeader = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.push({ name, size, compressed, method, localHeader, unixMode });
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

/** Checks a built package; `compiler`: the target's compiler package ({ name, platform }), undefined for the universal one. */
function verify(vsixPath, manifest, compiler) {
  const { entries, read, bytes } = listZip(vsixPath);
  const problems = [];
  const files = entries.filter((e) => e.name.startsWith("extension/")).map((e) => e.name.slice("extension/".length));
  const have = new Set(files);
  for (const f of [...REQUIRED, ...(compiler ? requiredFor(compiler.name, compiler.platform) : [])]) {
    const options = Array.isArray(f) ? f : [f];
    if (!options.some((o) => have.has(o))) problems.push(`missing ${options.at(-1)}`);
  }
  for (const d of REQUIRED_DIRS) if (!files.some((f) => f.startsWith(d) && !f.endsWith("/"))) problems.push(`missing ${d} (no file in it)`);
  for (const f of files) {
    for (const [re, what, exempt] of forbidden(compiler?.name)) {
      if (re.test(f) && !(exempt && exempt(f))) problems.push(`must not ship ${f} (${what})`);
    }
  }
  if (compiler && !compiler.platform.startsWith("win32-")) {
    // VS Code keeps the zip entries' Unix modes when it installs a package: the compiler must be executable.
    const exe = entries.find((e) => e.name === `extension/node_modules/${compiler.name}/lib/${compilerFile(compiler.platform)}`);
    if (exe && (exe.unixMode & 0o111) === 0) problems.push(`${exe.name} is not executable in the package (mode ${exe.unixMode.toString(8)})`);
  }
  const limit = compiler ? MAX_TARGET_BYTES : MAX_BYTES;
  if (bytes >= limit) problems.push(`the package is ${(bytes / 1e6).toFixed(2)} MB; the limit is ${limit / 1e6} MB`);
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
  const outDir = resolve(args.outDir ?? root);
  /** One package per target; `undefined`: the universal package. */
  const jobs = (args.targets.length ? args.targets : [undefined]).map((target) => ({
    target,
    out: args.out ? resolve(args.out) : join(outDir, target ? `${name}-${target}-${version}.vsix` : `${name}-${version}.vsix`),
  }));
  const t0 = Date.now();
  const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

  for (const f of ["README.md", "CHANGELOG.md", "LICENSE", "images/icon.png"]) {
    if (!existsSync(join(root, f))) fail(`${f} is missing`);
  }
  // The compilers first: a registry that cannot be reached fails before anything is built.
  const downloads = mkdtempSync(join(tmpdir(), "concurrency-lint-ts7-"));
  try {
    if (args.targets.length) {
      const { version: ts7Version } = ts7Info(root);
      for (const job of jobs) {
        job.compiler = compilerPackage(root, job.target, ts7Version, downloads);
        console.log(`[package] ${job.target}: ${job.compiler.name}@${ts7Version} from ${job.compiler.from}`);
      }
    }
    const build = args.skipBuild ? { dist: join(root, "dist"), cleanup: () => {} } : buildProduction(root);
    try {
      for (const f of ["client.js", "server.js"]) {
        if (!existsSync(join(build.dist, f))) fail(`dist/${f} is missing (${args.skipBuild ? "run the build first" : "does esbuild.mjs build the client and server entry points into dist/?"})`);
      }
      for (const job of jobs) packageFrom(root, manifest, build.dist, args, job, seconds);
    } finally {
      build.cleanup();
    }
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}

function packageFrom(root, manifest, distDir, args, { target, out, compiler }, seconds) {
  const require = createRequire(join(root, "package.json"));
  let vsceBin;
  try {
    const vscePkgPath = require.resolve("@vscode/vsce/package.json");
    const bin = JSON.parse(readFileSync(vscePkgPath, "utf8")).bin;
    vsceBin = join(dirname(vscePkgPath), typeof bin === "string" ? bin : bin.vsce);
  } catch {
    fail("@vscode/vsce is not installed (it is a devDependency: run npm ci)");
  }

  const stageDir = stage(root, manifest, distDir, compiler);
  console.log(`[package] ${target ?? "universal"}: staged in ${stageDir} (${seconds()})`);
  try {
    rmSync(out, { force: true });
    mkdirSync(dirname(out), { recursive: true });
    const vsceArgs = ["package", "--no-yarn", "--allow-missing-repository", "--out", out, ...(target ? ["--target", target] : [])];
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
  const { problems, files, bytes } = verify(out, manifest, compiler);
  if (problems.length) fail(`${relative(process.cwd(), out)} is not shippable:\n  - ${problems.join("\n  - ")}`);
  const count = (prefix) => files.filter((f) => f.startsWith(prefix)).length;
  const ts7Files = compiler ? `, ${count("node_modules/typescript7/")} of typescript7, ${count(`node_modules/${compiler.name}/`)} of ${compiler.name}` : "";
  console.log(`[package] OK ${out}: ${files.length} files (${count("node_modules/typescript/")} of typescript${ts7Files}), ${(bytes / 1e6).toFixed(2)} MB (${(statSync(out).size / 1e6).toFixed(2)} MB on disk), ${seconds()}`);
}

// Run when started as a script; a test imports TARGETS only.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    if (error instanceof PackagingError) {
      console.error(`[package] ERROR: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
