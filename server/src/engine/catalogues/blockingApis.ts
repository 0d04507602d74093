/**
 * The catalogue of APIs that block the thread: one table of records, matched by declaration
 * (module + dotted name), never by the name at the call. `blocking-call-in-async` classifies calls
 * with `blockingApiOf` and renders its docs table with `catalogueTable`, both from `GROUPS` and
 * `APIS` below, so the messages and the docs cannot drift apart.
 */
import { stripNodePrefix } from "../astUtils";
import type { DeclarationRef } from "../typeOracle";

/**
 * How long a blocking call holds the thread. `metadata`: one file-system metadata query
 * (`existsSync`, `statSync`, ...), microseconds on a local disk, as long as the server takes on a
 * network drive; reported one level lower. `work`: as long as the work takes (a whole file, a
 * directory walk, a child process, a key derivation, a buffer to compress, a wait).
 */
export type BlockingCost = "metadata" | "work";

/** The automatic replacement a call gets, when it keeps the call's meaning and type. */
export type FixRecipe =
  /** `await <member>(...)` from `node:fs/promises`. */
  | { kind: "fs"; member: string; pathOrDescriptor: boolean; singleArgument: boolean }
  /** `await promisify(<member>)(...)` with `member` from `module`. */
  | { kind: "promisify"; module: string; member: string; execOptions: boolean }
  /** `await Atomics.waitAsync(...).value`. */
  | { kind: "atomics" };

/** Why a call blocks and what to use instead, as a finding shows it. */
export interface Blocker {
  /** As shown in messages: `readFileSync`, `Atomics.wait`. */
  name: string;
  cost: BlockingCost;
  /** Completes "while it ...". */
  activity: string;
  /** Completes "Use ... instead". */
  replacement: string;
  fix?: FixRecipe;
}

type GroupId = "fsMetadata" | "fs" | "child" | "crypto" | "zlib" | "atomics" | "xhr" | "busyWait";

/** A row of the docs table: what the APIs in it have in common. */
interface Group {
  id: GroupId;
  /** The Module column. */
  label: string;
  cost: BlockingCost;
  /** Completes "while it ..." in messages; the docs' "Why it blocks" column. */
  activity: string;
  /** The Suggested replacement column: a summary of the records' replacements. */
  replacements: string;
  /** The Names column for a group recognised by syntax, not by records (busy-waits, XHR). */
  syntax?: string;
}

/**
 * One blocking API. `name` is the dotted name inside `module` (`Dir.readSync`,
 * `realpathSync.native`); a name with `*` is a pattern for any letters (`*Sync`), used only when
 * no exact record matches, and `{base}` in its replacement stands for the matched name without
 * `Dir.` and `Sync`.
 */
interface BlockingApi {
  /** A Node module without `node:` (`fs`), or `lib` for the default library. */
  module: string;
  name: string;
  group: GroupId;
  replacement: string;
  fix?: FixRecipe;
}

const GROUPS: readonly Group[] = [
  {
    id: "fsMetadata",
    label: "`fs` (`node:fs`), metadata calls: one level lower",
    cost: "metadata",
    activity: "waits for the file system",
    replacements: "`await access(...)`, `await stat(...)`, … from `node:fs/promises`; `existsSync` → `await access(...)`",
  },
  {
    id: "fs",
    label: "`fs` (`node:fs`)",
    cost: "work",
    activity: "waits for the file system",
    replacements: "the `node:fs/promises` function of the same name without `Sync` (`await readFile(...)`); descriptor calls → a `FileHandle`",
  },
  {
    id: "child",
    label: "`child_process`",
    cost: "work",
    activity: "waits for the child process to exit",
    replacements: "`await promisify(exec)(...)`, `await promisify(execFile)(...)`, `spawn(...)` + `await once(child, \"close\")`",
  },
  {
    id: "crypto",
    label: "`crypto`",
    cost: "work",
    activity: "runs a CPU-heavy computation on the main thread",
    replacements: "the callback form, which runs on the libuv thread pool: `await promisify(pbkdf2)(...)`, …",
  },
  {
    id: "zlib",
    label: "`zlib`",
    cost: "work",
    activity: "compresses or decompresses the whole buffer on the main thread",
    replacements: "`await promisify(gzip)(...)`, … (thread pool)",
  },
  {
    id: "atomics",
    label: "global `Atomics`",
    cost: "work",
    activity: "parks the thread until another thread notifies it or the timeout passes",
    replacements: "`await Atomics.waitAsync(...).value`",
  },
  {
    id: "xhr",
    label: "DOM `XMLHttpRequest`",
    cost: "work",
    activity: "waits for the HTTP response",
    replacements: "`await fetch(...)`, or an asynchronous XHR",
    syntax: "`open(method, url, false)`",
  },
  {
    id: "busyWait",
    label: "(syntax)",
    cost: "work",
    activity: "spins on the clock",
    replacements: "`await setTimeout(ms)` from `node:timers/promises`",
    syntax: "busy-wait loops: `while (Date.now() < end) {}`, also with `performance.now()`, `process.hrtime()` or `new Date()`",
  },
];

/** An `fs` function whose `node:fs/promises` namesake takes the same arguments and returns the same value. */
function fsPromise(
  member: string,
  group: "fs" | "fsMetadata" = "fs",
  options: { pathOrDescriptor?: boolean; singleArgument?: boolean } = {},
): BlockingApi {
  return {
    module: "fs",
    name: `${member}Sync`,
    group,
    replacement: `\`await ${member}(...)\` from \`node:fs/promises\``,
    // `readFileSync` and its siblings accept a file descriptor where `node:fs/promises` takes a path
    // or `FileHandle`; `statSync(path, { throwIfNoEntry: false })` may return `undefined`, which
    // the promise version cannot.
    fix: { kind: "fs", member, pathOrDescriptor: options.pathOrDescriptor ?? false, singleArgument: options.singleArgument ?? false },
  };
}

const FILE_HANDLE = "a `FileHandle` from `await open(...)` in `node:fs/promises`";
const descriptorCall = (name: string, group: "fs" | "fsMetadata" = "fs"): BlockingApi => ({ module: "fs", name, group, replacement: FILE_HANDLE });
const threadPool = (module: "crypto" | "zlib", member: string, fix: boolean): BlockingApi => ({
  module,
  name: `${member}Sync`,
  group: module,
  replacement: `\`await promisify(${member})(...)\` (it runs on the libuv thread pool)`,
  fix: fix ? { kind: "promisify", module, member, execOptions: false } : undefined,
});

/**
 * The metadata group: calls that read the metadata of one path or descriptor and change nothing:
 * one system call (a few, one per path component, for `realpathSync`), no file data, answered from
 * the kernel's caches on a local disk. Calls that change metadata (`unlinkSync`, `renameSync`,
 * `mkdirSync`, `chmodSync`, `utimesSync`, ...) are not: a network file system commits each to the
 * server's disk before it answers, and removing or replacing a file frees its blocks, which takes
 * longer the larger the file.
 */
const APIS: readonly BlockingApi[] = [
  { module: "fs", name: "existsSync", group: "fsMetadata", replacement: "`await access(...)` from `node:fs/promises` (it rejects when the path is missing)" },
  fsPromise("access", "fsMetadata"),
  fsPromise("stat", "fsMetadata", { singleArgument: true }),
  fsPromise("lstat", "fsMetadata", { singleArgument: true }),
  descriptorCall("fstatSync", "fsMetadata"),
  { module: "fs", name: "statfsSync", group: "fsMetadata", replacement: "the asynchronous `statfs` from `node:fs/promises`" },
  fsPromise("readlink", "fsMetadata"),
  fsPromise("realpath", "fsMetadata"),
  { module: "fs", name: "realpathSync.native", group: "fsMetadata", replacement: "`await realpath(...)` from `node:fs/promises`" },

  fsPromise("readFile", "fs", { pathOrDescriptor: true }),
  fsPromise("writeFile", "fs", { pathOrDescriptor: true }),
  fsPromise("appendFile", "fs", { pathOrDescriptor: true }),
  ...["chmod", "chown", "copyFile", "cp", "lchown", "link", "lutimes", "mkdir", "mkdtemp", "opendir", "readdir", "rename", "rm", "rmdir", "symlink", "truncate", "unlink", "utimes"].map(
    (member) => fsPromise(member),
  ),
  ...["closeSync", "fchmodSync", "fchownSync", "fdatasyncSync", "fsyncSync", "ftruncateSync", "futimesSync", "openSync", "readSync", "readvSync", "writeSync", "writevSync"].map(
    (name) => descriptorCall(name),
  ),
  { module: "fs", name: "Dir.*Sync", group: "fs", replacement: "`await dir.{base}()`" },
  { module: "fs", name: "*Sync", group: "fs", replacement: "the asynchronous `{base}` from `node:fs/promises`" },

  {
    module: "child_process",
    name: "execSync",
    group: "child",
    replacement: "`await promisify(exec)(...)` (`exec` from `node:child_process`, `promisify` from `node:util`)",
    fix: { kind: "promisify", module: "child_process", member: "exec", execOptions: true },
  },
  // The promisified execFile resolves to `{ stdout, stderr }`, and its arguments differ: no fix.
  { module: "child_process", name: "execFileSync", group: "child", replacement: "`await promisify(execFile)(...)` (`execFile` from `node:child_process`, `promisify` from `node:util`)" },
  { module: "child_process", name: "spawnSync", group: "child", replacement: '`spawn(...)` and `await once(child, "close")` (from `node:events`)' },

  // Only pbkdf2 promisifies to the same result type; the others resolve to `unknown` or take
  // different arguments, so their replacement would not type-check.
  threadPool("crypto", "pbkdf2", true),
  { module: "crypto", name: "scryptSync", group: "crypto", replacement: "the callback form `scrypt(...)` wrapped in a promise (it runs on the libuv thread pool)" },
  ...["generateKeyPair", "generateKey", "generatePrime", "checkPrime", "randomFill"].map((member) => threadPool("crypto", member, false)),

  ...["gzip", "gunzip", "deflate", "inflate", "deflateRaw", "inflateRaw", "unzip", "brotliCompress", "brotliDecompress"].map((member) => threadPool("zlib", member, true)),
  { module: "zlib", name: "*Sync", group: "zlib", replacement: "`await promisify({base})(...)` (it runs on the libuv thread pool)" },

  { module: "lib", name: "Atomics.wait", group: "atomics", replacement: "`await Atomics.waitAsync(...).value`", fix: { kind: "atomics" } },
];

const groupById = new Map(GROUPS.map((group) => [group.id, group]));

/** The group's `activity`, for blocking sites the catalogue does not list (busy-waits, XHR). */
export function groupActivity(id: "xhr" | "busyWait"): string {
  return groupById.get(id)?.activity ?? "";
}

const exact = new Map(APIS.filter((api) => !api.name.includes("*")).map((api) => [`${api.module}:${api.name}`, api]));
const patterns = APIS.filter((api) => api.name.includes("*")).map((api) => ({
  api,
  matches: new RegExp(`^${api.name.replace(/\./g, "\\.").replace(/\*/g, "[A-Za-z]+")}$`),
}));

/** The built-in blocking API a declaration is, by its module (with or without `node:`) and dotted name. */
export function blockingApiOf(ref: DeclarationRef): Blocker | undefined {
  const module = ref.isDefaultLib ? "lib" : stripNodePrefix(ref.module ?? "");
  // `lib` stands for the default library only, never for a package of that name.
  if (!ref.isDefaultLib && module === "lib") return undefined;
  const name = ref.qualifiedName;
  const api = exact.get(`${module}:${name}`) ?? patterns.find((pattern) => pattern.api.module === module && pattern.matches.test(name))?.api;
  if (!api) return undefined;
  const group = groupById.get(api.group);
  if (!group) return undefined;
  const base = name.replace(/^Dir\./, "").replace(/Sync$/, "");
  return { name, cost: group.cost, activity: group.activity, replacement: api.replacement.replace("{base}", base), fix: api.fix };
}

/** The metadata calls, as the docs list them. */
export function metadataCallNames(): string[] {
  return APIS.filter((api) => api.group === "fsMetadata").map((api) => api.name);
}

/** The docs table: one row per group, its names from the records. */
export function catalogueTable(): string[] {
  const code = (text: string) => `\`${text}\``;
  const rows = GROUPS.map((group) => {
    let names: string;
    if (group.syntax !== undefined) {
      names = group.syntax;
    } else {
      const apis = APIS.filter((api) => api.group === group.id);
      const listed = apis.filter((api) => !api.name.includes("*")).map((api) => code(api.module === "lib" ? api.name.slice(api.name.indexOf(".") + 1) : api.name));
      const rest = apis.filter((api) => api.name.includes("*")).map((api) => `every other ${code(api.name)} function`);
      names = [...listed, ...rest].join(", ");
    }
    const why = group.cost === "metadata" ? `${group.activity}, for one metadata call: microseconds on a local disk, as long as the server takes on a network drive` : group.activity;
    return `| ${group.label} | ${names} | ${why} | ${group.replacements} |`;
  });
  return ["| Module | Names | Why it blocks | Suggested replacement |", "| --- | --- | --- | --- |", ...rows];
}
