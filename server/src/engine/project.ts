/**
 * Project loading for one-shot runs (the CLI): which tsconfig owns which file, which compiler
 * options loose files get, and how a Program is built. The language server uses a long-lived
 * LanguageService instead, but the same option and discovery rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { createSourceFileSafely } from "./parsing";

/** A problem with the user's input (paths, tsconfig): one clear line, exit code 2. */
export class ProjectError extends Error {}

const LINTABLE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"] as const;

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "out", "dist", "coverage"]);

export function isLintableFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  if (/\.d\.[cm]?ts$/.test(lower) || /\.d\.[^.]+\.ts$/.test(lower)) return false;
  if (/[\\/]node_modules[\\/]/.test(fileName)) return false;
  return LINTABLE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export function normalizePath(fileName: string): string {
  return path.resolve(fileName).replace(/\\/g, "/");
}

export interface ProjectSpec {
  /** The tsconfig, or undefined for loose files linted with default options. */
  configFile: string | undefined;
  options: ts.CompilerOptions;
  rootNames: readonly string[];
  projectReferences: readonly ts.ProjectReference[] | undefined;
  /** Absolute, normalized names of the files to lint in this project. */
  filesToLint: string[];
  /** Which `@types` packages the program includes without an import, and why. */
  types: AutomaticTypes;
}

/**
 * Options for files no tsconfig covers: JavaScript allowed but not type-checked, ES2022,
 * NodeNext, and the `node_modules/@types` folders above the files as type roots (which of their
 * packages are included is `withAutomaticTypes`' decision, as for a tsconfig without `types`).
 */
export function defaultCompilerOptions(baseDirectory: string): ts.CompilerOptions {
  const options: ts.CompilerOptions = {
    allowJs: true,
    checkJs: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.Preserve,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    maxNodeModuleJsDepth: 0,
  };
  // Explicit, because the host's current directory is the process's, not the files' folder.
  const typeRoots: string[] = [];
  for (let dir = path.resolve(baseDirectory); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "@types");
    if (fs.existsSync(candidate)) typeRoots.push(candidate);
    if (path.dirname(dir) === dir) break;
  }
  if (typeRoots.length > 0) options.typeRoots = typeRoots;
  return options;
}

/** The project's own TypeScript, as far as its files say (it is read as data, never loaded). */
export interface ProjectTypeScript {
  /** The installed version, or the range a package.json declares. */
  version: string;
  /** The major version, when the text has one (`latest` has none). */
  major: number | undefined;
  /** The file the version was read from. */
  source: string;
}

/** Which `@types` packages a program includes without an import, and why (`--debug`, `--print-config`). */
export interface AutomaticTypes {
  /** Package names under `node_modules/@types` (or the tsconfig's `types` entries) included. */
  packages: string[];
  /** One sentence: where the decision came from. */
  reason: string;
  typescript: ProjectTypeScript | undefined;
}

/** `node, express (TypeScript 5.9.3 (…) includes every package …)`, for logs. */
export function describeTypes(types: AutomaticTypes): string {
  return `${types.packages.join(", ") || "none"} (${types.reason})`;
}

const DEPENDENCY_FIELDS = ["devDependencies", "dependencies", "peerDependencies", "optionalDependencies"] as const;

function readJsonObject(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    // concurrency-lint-disable-next-line blocking-call-in-async -- one small package.json read per project load, like TypeScript's own synchronous tsconfig reads; the language server yields to the event loop around each project load
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  return parseJsonObject(text);
}

function majorOf(version: string): number | undefined {
  const match = /^\s*(?:npm:typescript@)?[\^~>=v\s]*(\d+)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/**
 * The TypeScript a project compiles with: the nearest `node_modules/typescript/package.json` above
 * `directory` (what `tsc` resolves to), else the range the nearest package.json that names
 * `typescript` declares. Undefined when neither exists.
 */
function findProjectTypeScript(directory: string): ProjectTypeScript | undefined {
  let declared: ProjectTypeScript | undefined;
  for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
    const installedFile = path.join(dir, "node_modules", "typescript", "package.json");
    const installed = readJsonObject(installedFile)?.version;
    if (typeof installed === "string") return { version: installed, major: majorOf(installed), source: normalizePath(installedFile) };
    if (!declared) {
      const manifestFile = path.join(dir, "package.json");
      const manifest = readJsonObject(manifestFile);
      for (const field of DEPENDENCY_FIELDS) {
        const range = (manifest?.[field] as Record<string, unknown> | undefined)?.typescript;
        if (typeof range === "string") {
          declared = { version: range, major: majorOf(range), source: normalizePath(manifestFile) };
          break;
        }
      }
    }
    if (path.dirname(dir) === dir) return declared;
  }
}

/**
 * The `@types` packages the project's own compiler would include. TypeScript 6 changed the
 * default of `types` from "every package under node_modules/@types" to none; we run TypeScript 6,
 * but most projects compile with 5.x. So when the options set no `types` and the project's
 * TypeScript is older than 6 (or cannot be found), `types: ["*"]` (TypeScript 6's spelling of the
 * old default) is set. `directory`: the tsconfig's folder, or the loose files' common folder.
 */
export function withAutomaticTypes(options: ts.CompilerOptions, directory: string): { options: ts.CompilerOptions; types: AutomaticTypes } {
  const typescript = findProjectTypeScript(directory);
  const wildcardPackages = (withWildcard: ts.CompilerOptions) => ts.getAutomaticTypeDirectiveNames(withWildcard, ts.sys).sort();
  if (options.types !== undefined) {
    const packages = options.types.includes("*") ? wildcardPackages(options) : [...options.types];
    return { options, types: { packages, reason: 'the "types" of the tsconfig', typescript } };
  }
  const found = typescript ? `TypeScript ${typescript.version} (${typescript.source})` : undefined;
  if (typescript?.major !== undefined && typescript.major >= 6) {
    const reason = `${found} includes no @types package by default; list the ones you need in "types"`;
    return { options, types: { packages: [], reason, typescript } };
  }
  const withWildcard = { ...options, types: ["*"] };
  const reason = found
    ? `${found} includes every package under node_modules/@types by default`
    : "no TypeScript found for this project; before version 6 TypeScript included every package under node_modules/@types by default";
  return { options: withWildcard, types: { packages: wildcardPackages(withWildcard), reason, typescript } };
}

function flatten(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${text}`;
  }
  return text;
}

const NO_INPUTS_FOUND = 18003;

/** Parses a tsconfig (with `extends`); a broken one is a ProjectError with one clear line. */
export function readTsconfig(configFile: string): ts.ParsedCommandLine {
  const absolute = path.resolve(configFile);
  if (!fs.existsSync(absolute)) throw new ProjectError(`Cannot find tsconfig: ${configFile}`);
  if (fs.statSync(absolute).isDirectory()) return readTsconfig(path.join(absolute, "tsconfig.json"));
  let fatal: string | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(absolute, { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      fatal = flatten(diagnostic);
    },
  });
  if (!parsed || fatal) throw new ProjectError(`Cannot read ${configFile}: ${fatal ?? "unknown error"}`);
  // JSON syntax errors are not in `parsed.errors` but in the config file's parse diagnostics.
  const errors = ts
    .getConfigFileParsingDiagnostics(parsed)
    .filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== NO_INPUTS_FOUND);
  const [first] = errors;
  if (first) throw new ProjectError(`Invalid tsconfig ${first.file ? flatten(first) : `${configFile}: ${flatten(first)}`}`);
  return parsed;
}

/** What `findDefaultProject` needs to know about tsconfig projects. */
export interface DefaultProjectSearch<P> {
  /** The nearest tsconfig.json in `directory` or above it (normalized), or undefined. */
  configIn(directory: string): string | undefined;
  /** The project of a tsconfig, or undefined when it is not available (unreadable, not planned). */
  load(configFile: string): P | undefined;
  /** Whether the project lints the file (one of its root files). */
  contains(project: P, fileName: string): boolean;
  /** The tsconfigs the project references (normalized), in the order it lists them. */
  references(project: P): readonly string[];
}

/**
 * The one project a file included by several is linted with, chosen as tsserver chooses a file's
 * default project (`tryFindDefaultConfiguredProjectForOpenScriptInfo`): the nearest tsconfig.json
 * above the file if it includes it; else the projects that tsconfig references, depth first in
 * the order listed (a solution tsconfig with `files: []`); else the same from the next
 * tsconfig.json above that one's folder (TypeScript 5.6's ancestor search); undefined when none
 * includes the file. The editor and the CLI both use it, so a file in two projects gets one set
 * of findings, from the same program in both.
 */
export function findDefaultProject<P>(fileName: string, search: DefaultProjectSearch<P>): P | undefined {
  const seen = new Set<string>();
  const visit = (configFile: string): P | undefined => {
    if (seen.has(configFile)) return undefined;
    seen.add(configFile);
    const project = search.load(configFile);
    if (project === undefined) return undefined;
    if (search.contains(project, fileName)) return project;
    for (const reference of search.references(project)) {
      const found = visit(reference);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (let directory = path.dirname(fileName); ; ) {
    const configFile = search.configIn(directory);
    if (configFile === undefined) return undefined;
    const found = visit(configFile);
    if (found !== undefined) return found;
    const configFolder = path.dirname(configFile);
    if (path.dirname(configFolder) === configFolder) return undefined;
    directory = path.dirname(configFolder);
  }
}

/** The tsconfig files of project references, normalized. */
export function referencedConfigs(references: readonly ts.ProjectReference[] | undefined): string[] {
  return (references ?? []).map((reference) => normalizePath(ts.resolveProjectReferencePath(reference)));
}

/** The tsconfig and every project it references, depth first, each once. */
function collectProjectTree(configFile: string, seen = new Set<string>()): { configFile: string; parsed: ts.ParsedCommandLine }[] {
  // `-p some/folder` names the folder's tsconfig.json, which is what the spec must name too.
  const isFolder = fs.existsSync(configFile) && fs.statSync(configFile).isDirectory();
  const key = normalizePath(isFolder ? path.join(configFile, "tsconfig.json") : configFile);
  if (seen.has(key)) return [];
  seen.add(key);
  const parsed = readTsconfig(configFile);
  const tree = [{ configFile: key, parsed }];
  for (const reference of parsed.projectReferences ?? []) {
    tree.push(...collectProjectTree(ts.resolveProjectReferencePath(reference), seen));
  }
  return tree;
}

function walkDirectory(directory: string, into: string[]): void {
  let entries: fs.Dirent[];
  try {
    // concurrency-lint-disable-next-line blocking-call-in-async -- one directory walk before linting a workspace; the language server's lint loop yields per file
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw new ProjectError(`Cannot read directory ${directory}: ${(error as Error).message}`);
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith(".")) walkDirectory(full, into);
    } else if (entry.isFile() && isLintableFile(full)) {
      into.push(normalizePath(full));
    }
  }
}

/** Expands paths (files or directories) into lintable files. Missing paths are errors. */
export function expandPaths(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new ProjectError(`No such file or directory: ${given}`);
    }
    if (stat.isDirectory()) walkDirectory(absolute, files);
    else if (isLintableFile(absolute)) files.push(normalizePath(absolute));
    else throw new ProjectError(`Not a TypeScript or JavaScript source file: ${given}`);
  }
  return [...new Set(files)].sort();
}

export interface PlanInput {
  paths: readonly string[];
  project: string | undefined;
  cwd: string;
}

/** Decides which programs to build and which of their files to lint. */
export function planProjects(input: PlanInput): ProjectSpec[] {
  const { cwd } = input;
  if (input.project) {
    const tree = collectProjectTree(path.resolve(cwd, input.project));
    const wanted = input.paths.length > 0 ? new Set(expandPaths(input.paths, cwd)) : undefined;
    const owner = projectOwner(tree);
    const specs = tree
      .map(({ configFile, parsed }) => specFor(configFile, parsed, (file) => (!wanted || wanted.has(file)) && owner(file) === configFile))
      .filter((spec) => spec.filesToLint.length > 0);
    // A file named on the command line that the project does not contain would be skipped
    // silently; say so instead (files found by walking a directory are filtered quietly).
    const linted = new Set(specs.flatMap((spec) => spec.filesToLint));
    for (const given of input.paths) {
      const file = normalizePath(path.resolve(cwd, given));
      if (!fs.statSync(file).isDirectory() && !linted.has(file)) {
        throw new ProjectError(`${given} is not part of the project ${input.project} (see its files, include and exclude)`);
      }
    }
    return specs;
  }
  if (input.paths.length === 0) {
    const own = path.join(cwd, "tsconfig.json");
    if (fs.existsSync(own)) return planProjects({ ...input, project: own });
  }
  const files = expandPaths(input.paths.length > 0 ? input.paths : ["."], cwd);
  const byConfig = new Map<string | undefined, string[]>();
  const configOfDirectory = new Map<string, string | undefined>();
  for (const file of files) {
    const directory = path.dirname(file);
    let config = configOfDirectory.get(directory);
    if (!configOfDirectory.has(directory)) {
      config = ts.findConfigFile(directory, ts.sys.fileExists, "tsconfig.json");
      config = config ? normalizePath(config) : undefined;
      configOfDirectory.set(directory, config);
    }
    const group = byConfig.get(config) ?? [];
    group.push(file);
    byConfig.set(config, group);
  }

  // One spec per tsconfig, however many groups' trees hold it (a solution's shared folder and a
  // package's own folder both reach the package's project): its program is built once.
  const claimed = new Map<string, { parsed: ts.ParsedCommandLine; files: Set<string> }>();
  const loose: string[] = [...(byConfig.get(undefined) ?? [])];
  for (const [configFile, group] of byConfig) {
    if (configFile === undefined) continue;
    const remaining = new Set(group);
    for (const { configFile: member, parsed } of collectProjectTree(configFile)) {
      const files = specFor(member, parsed, (file) => remaining.has(file)).filesToLint;
      if (files.length === 0) continue;
      for (const file of files) remaining.delete(file);
      const entry = claimed.get(member) ?? { parsed, files: new Set<string>() };
      for (const file of files) entry.files.add(file);
      claimed.set(member, entry);
    }
    loose.push(...remaining);
  }
  const specs = [...claimed].map(([configFile, { parsed, files }]) => specFor(configFile, parsed, (file) => files.has(file)));
  if (loose.length > 0) {
    const directory = commonDirectory(loose);
    const { options, types } = withAutomaticTypes(defaultCompilerOptions(directory), directory);
    specs.push({ configFile: undefined, options, rootNames: loose, projectReferences: undefined, filesToLint: loose, types });
  }
  return specs;
}

/**
 * Which project of a tree lints each file: the one project that includes it, or for a file several
 * include (a folder two referenced projects both list) the one `findDefaultProject` picks among
 * them, as the editor does; when that search ends outside the tree, the first in the tree's order.
 */
function projectOwner(tree: readonly { configFile: string; parsed: ts.ParsedCommandLine }[]): (file: string) => string | undefined {
  const roots = new Map(tree.map(({ configFile, parsed }) => [configFile, new Set(parsed.fileNames.map(normalizePath))]));
  const parsedOf = new Map(tree.map(({ configFile, parsed }) => [configFile, parsed]));
  const configOfDirectory = new Map<string, string | undefined>();
  const search: DefaultProjectSearch<string> = {
    configIn: (directory) => {
      if (!configOfDirectory.has(directory)) {
        const found = ts.findConfigFile(directory, ts.sys.fileExists, "tsconfig.json");
        configOfDirectory.set(directory, found ? normalizePath(found) : undefined);
      }
      return configOfDirectory.get(directory);
    },
    load: (configFile) => (parsedOf.has(configFile) ? configFile : undefined),
    contains: (configFile, file) => roots.get(configFile)?.has(file) === true,
    references: (configFile) => referencedConfigs(parsedOf.get(configFile)?.projectReferences),
  };
  const owners = new Map<string, string | undefined>();
  return (file) => {
    if (owners.has(file)) return owners.get(file);
    const including = tree.filter(({ configFile }) => roots.get(configFile)?.has(file)).map(({ configFile }) => configFile);
    const chosen = including.length <= 1 ? including[0] : (findDefaultProject(file, search) ?? including[0]);
    owners.set(file, chosen);
    return chosen;
  };
}

function specFor(configFile: string, parsed: ts.ParsedCommandLine, wanted: (file: string) => boolean): ProjectSpec {
  const filesToLint = parsed.fileNames.map(normalizePath).filter((file) => isLintableFile(file) && wanted(file));
  const { options, types } = withAutomaticTypes({ ...parsed.options, noEmit: true }, path.dirname(configFile));
  return {
    configFile,
    options,
    rootNames: parsed.fileNames,
    projectReferences: parsed.projectReferences,
    filesToLint,
    types,
  };
}

function commonDirectory(files: readonly string[]): string {
  let common = path.dirname(files[0]);
  for (const file of files) {
    while (!normalizePath(file).startsWith(`${normalizePath(common)}/`) && path.dirname(common) !== common) {
      common = path.dirname(common);
    }
  }
  return common;
}

/**
 * What the engine takes from a program: the files and their trees, the options and root names,
 * which files are libraries, syntax errors, and the checker when a question needs types. A
 * `ts.Program` has all of it; the `ts7` engine's program-less view (`engine/ts7/programView.ts`)
 * answers it from TypeScript 7's file list and TypeScript 6 parses of the files, and builds
 * TypeScript 6's program only if `getTypeChecker` is called.
 */
export interface LintProgram
  extends Pick<
    ts.Program,
    | "getSourceFile"
    | "getSourceFiles"
    | "getRootFileNames"
    | "getCompilerOptions"
    | "isSourceFileDefaultLibrary"
    | "isSourceFileFromExternalLibrary"
    | "getSyntacticDiagnostics"
    | "getTypeChecker"
  > {
  /**
   * The files to bind before linting (binding sets the parents rules read, and tells which files
   * overflow the binder). Default (a `ts.Program`): every file, as creating its checker would.
   */
  filesToBind?(): readonly ts.SourceFile[];
  /**
   * The program's file names, in `getSourceFiles`' order, without parsing any (a program that
   * parses on demand, the `ts7` engine's view; a `ts.Program` has parsed them all already).
   */
  getSourceFileNames?(): readonly string[];
  /**
   * The text of a file that nobody has asked to parse yet and that is not linted (whole-program
   * syntax scans test it before parsing it); undefined when it is parsed already or linted.
   */
  unparsedSourceText?(fileName: string): string | undefined;
}

/**
 * Builds a Program. `overrides` replaces file contents (used by `--fix` between passes); the
 * host caches parsed source files so a later pass with `oldProgram` re-parses only what changed.
 */
export class ProgramBuilder {
  private readonly cache = new Map<string, { text: string; sourceFile: ts.SourceFile }>();
  private program: ts.Program | undefined;

  /** `prepareHost`: changes the compiler host before the program uses it (the CLI cache records its questions). */
  constructor(
    private readonly spec: ProjectSpec,
    private readonly prepareHost?: (host: ts.CompilerHost) => void,
  ) {}

  /** The project this builder builds programs of. */
  get projectSpec(): ProjectSpec {
    return this.spec;
  }

  /**
   * A file parsed as `build`'s compiler host parses it (`options`: what the program would pass),
   * from the same cache: a program built afterwards reuses the very tree (the `ts7` engine's
   * program-less view parses first and builds a program only when a question needs one).
   * `setParentNodes`: for a tree no binder will see before it is walked. Undefined when unreadable.
   */
  sourceFile(
    fileName: string,
    text: string | undefined,
    languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions,
    setParentNodes = false,
  ): ts.SourceFile | undefined {
    if (text === undefined) return undefined;
    const key = normalizePath(fileName);
    const cached = this.cache.get(key);
    if (cached && cached.text === text) return cached.sourceFile;
    // Like tsc: JSDoc is parsed where types can come from it (JavaScript), skipped in TypeScript.
    const options: ts.CreateSourceFileOptions =
      typeof languageVersionOrOptions === "object" ? { ...languageVersionOrOptions } : { languageVersion: languageVersionOrOptions };
    options.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const sourceFile = createSourceFileSafely(fileName, text, options, setParentNodes);
    this.cache.set(key, { text, sourceFile });
    return sourceFile;
  }

  /** A compiler host for the project's options, prepared as `build`'s is (the `ts7` engine's view reads through it). */
  createHost(): ts.CompilerHost {
    const host = ts.createCompilerHost(this.spec.options, false);
    this.prepareHost?.(host);
    return host;
  }

  build(overrides: ReadonlyMap<string, string> = new Map()): ts.Program {
    // No parent-setting walk: the binder sets parents, and every lint pass creates the checker
    // (which binds all files) before it walks a file.
    const host = this.createHost();
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => overrides.get(normalizePath(fileName)) ?? readFile(fileName);
    host.getSourceFile = (fileName, languageVersionOrOptions, onError) => {
      const text = overrides.get(normalizePath(fileName)) ?? readFile(fileName);
      if (text === undefined) onError?.(`Cannot read file ${fileName}`);
      return this.sourceFile(fileName, text, languageVersionOrOptions);
    };
    this.program = ts.createProgram({
      rootNames: this.spec.rootNames,
      options: this.spec.options,
      projectReferences: this.spec.projectReferences,
      host,
      oldProgram: this.program,
    });
    return this.program;
  }
}

// ---------------------------------------------------------------------------------------------
// Command-line programs: the folders a package.json `bin` names

/** The folder of a command-line program's own sources, found from a package.json `bin`. */
export interface CommandLineFolder {
  /** Absolute, with forward slashes and no trailing slash. */
  folder: string;
  /** As messages show it: relative to the package, with a trailing slash (`src/bin/`). */
  label: string;
  /** The package.json that names the program. */
  packageJson: string;
}

/** Reads a file's text, or undefined when it does not exist (the compiler host's `readFile`). */
export type ReadFile = (fileName: string) => string | undefined;

const SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx", ".js", ".jsx"],
  ".mjs": [".mts", ".mjs"],
  ".cjs": [".cts", ".cjs"],
};

/**
 * The folders of the command-line programs a project's package declares: the package.json nearest
 * above the tsconfig (or above the program's files) is read as data, each `bin` target is mapped
 * to the program's source file through `outDir`/`rootDir` (or is a source file itself), and that
 * file's folder counts only when it is the program's own: not the package's folder, not the
 * `rootDir`, and holding neither of them nor the package's `main`/`exports` entry (a library's
 * code would be under it). `bin/npm-cli.js` gives `bin/`; `dist/bin/app.js` with outDir `dist`
 * and rootDir `src` gives `src/bin/`; `"bin": "cli.js"` gives none.
 * `hasSourceFile` says whether a normalized path is a source file of the program.
 */
export function commandLineFolders(program: LintProgram, readFile: ReadFile, hasSourceFile: (fileName: string) => boolean): CommandLineFolder[] {
  const found = packageOf(program, readFile, hasSourceFile);
  if (!found) return [];
  const { packageDir, manifest, rootDir, sourceOf } = found;
  const entries = [manifest.main, manifest.exports].flatMap(stringsIn);
  const library = entries.flatMap((entry) => [path.posix.resolve(packageDir, slashes(entry)), sourceOf(entry)]).filter((name) => name !== undefined);
  const outside = [packageDir, ...(rootDir !== undefined ? [rootDir] : []), ...library];
  const folders: CommandLineFolder[] = [];
  for (const { source } of found.bins) {
    const folder = path.posix.dirname(source);
    if (outside.some((name) => isInside(name, folder)) || folders.some((known) => known.folder === folder)) continue;
    folders.push({ folder, label: `${path.posix.relative(packageDir, folder)}/`, packageJson: found.fileName });
  }
  return folders;
}

/** The package a project belongs to, as `commandLineFolders` and `commandLineOnlyFiles` read it. */
export interface PackageOf {
  /** The package.json, absolute with forward slashes. */
  fileName: string;
  packageDir: string;
  manifest: Record<string, unknown>;
  rootDir: string | undefined;
  /** The program's `outDir`, absolute with forward slashes. */
  outDir: string | undefined;
  /** The program's source file a package path (a `bin`, `main` or `exports` target) is built from, or undefined. */
  sourceOf(target: string): string | undefined;
  /** Each `bin` target whose source file is in the program, in the package.json's order. */
  bins: { target: string; source: string }[];
}

/**
 * The package.json nearest above a project (see `nearestPackageJson`), parsed, with the mapping
 * from a built file back to its source: a built file under `outDir` back to `rootDir`
 * (`dist/bin/app.js` is `src/bin/app.ts`; `.js` is looked up as `.ts`, `.tsx` and `.js`), or the
 * target itself when it is a source file.
 */
export function packageOf(program: LintProgram, readFile: ReadFile, hasSourceFile: (fileName: string) => boolean): PackageOf | undefined {
  const found = nearestPackageJson(program, readFile);
  const manifest = found && parseJsonObject(found.text);
  if (!found || !manifest) return undefined;
  const packageDir = path.posix.dirname(found.fileName);
  const { rootDir } = found;
  const options = program.getCompilerOptions();
  const outDir = options.outDir !== undefined ? slashes(path.posix.resolve(slashes(options.outDir))) : undefined;
  const sourceOf = (target: string): string | undefined => {
    const built = path.posix.resolve(packageDir, slashes(target));
    const candidates: string[] = [];
    const extension = path.posix.extname(built);
    const variants = (base: string) => [base + extension, ...(SOURCE_EXTENSIONS[extension] ?? []).map((source) => base + source)];
    const stem = built.slice(0, built.length - extension.length);
    if (outDir !== undefined && rootDir !== undefined && isInside(built, outDir)) candidates.push(...variants(rootDir + stem.slice(outDir.length)));
    candidates.push(...variants(stem));
    return candidates.find(hasSourceFile);
  };
  const bin = manifest.bin;
  const targets = typeof bin === "string" ? [bin] : bin !== null && typeof bin === "object" && !Array.isArray(bin) ? Object.values(bin).filter((value) => typeof value === "string") : [];
  const bins = targets.flatMap((target) => {
    const source = sourceOf(target);
    return source === undefined ? [] : [{ target, source }];
  });
  return { fileName: found.fileName, packageDir, manifest, rootDir, outDir, sourceOf, bins };
}

export const slashes = (name: string): string => name.replace(/\\/g, "/");

/**
 * The package.json nearest above a program's tsconfig (or, without one, above its `rootDir` or
 * its root files' common folder), as text; with the `rootDir` the program compiles from. What
 * `commandLineFolders` reads, so a cache of findings can key on it.
 */
export function nearestPackageJson(program: LintProgram, readFile: ReadFile): { fileName: string; text: string; rootDir: string | undefined } | undefined {
  const options = program.getCompilerOptions();
  const configFile = typeof options.configFilePath === "string" ? slashes(options.configFilePath) : undefined;
  const sources = program.getRootFileNames().map(slashes).filter((name) => !/\.d\.[^/]*ts$/.test(name));
  const rootDir = options.rootDir !== undefined ? slashes(path.posix.resolve(slashes(options.rootDir))) : commonFolder(sources);
  const start = configFile ? path.posix.dirname(configFile) : rootDir;
  if (start === undefined) return undefined;
  for (let dir = start; ; dir = path.posix.dirname(dir)) {
    const fileName = `${dir === "/" ? "" : dir}/package.json`;
    const text = readFile(fileName);
    if (text !== undefined) return { fileName, text, rootDir };
    if (path.posix.dirname(dir) === dir) return undefined;
  }
}

/** Whether `name` is `folder` or below it. */
export function isInside(name: string, folder: string): boolean {
  return name === folder || name.startsWith(folder.endsWith("/") ? folder : `${folder}/`);
}

/** The deepest folder holding every file, or undefined for none. */
function commonFolder(files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  let common = path.posix.dirname(files[0]);
  for (const file of files) while (!isInside(file, common)) common = path.posix.dirname(common);
  return common;
}

/** Every string in a package.json `main`/`exports` value (conditions and subpaths included). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `src/bin/ (from /…/package.json bin)`, or `none`, for --debug: read from the disk. */
export function describeCommandLineFolders(program: LintProgram): string {
  const folders = commandLineFolders(program, (fileName) => ts.sys.readFile(fileName), (fileName) => program.getSourceFile(fileName) !== undefined);
  return folders.map((entry) => `${entry.label} (from ${entry.packageJson} bin)`).join(", ") || "none";
}
