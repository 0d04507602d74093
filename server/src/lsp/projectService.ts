/**
 * Long-lived TypeScript LanguageServices for the editor: one per tsconfig project, all sharing one
 * DocumentRegistry, plus one inferred project for files no tsconfig covers. Open documents are
 * read from the editor (their versions are the script versions); everything else from disk.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { isStackOverflow, markStandIn } from "../engine/parsing";
import {
  type AutomaticTypes,
  defaultCompilerOptions,
  findDefaultProject,
  normalizePath,
  readTsconfig,
  referencedConfigs,
  withAutomaticTypes,
} from "../engine/project";

export interface OpenDocuments {
  /** Text and version of an open document, by normalized file name. */
  get(fileName: string): { text: string; version: number } | undefined;
  fileNames(): string[];
}

export interface Project {
  readonly configFile: string | undefined;
  readonly service: ts.LanguageService;
  /** Files of the project (tsconfig files, or the loose open files of the inferred project). */
  containsFile(fileName: string): boolean;
  /** The current program (`service.getProgram()`), even when a file overflowed the binder. */
  program(): ts.Program | undefined;
  /**
   * Names what the last `program()` holds: it changes exactly when that program differs from
   * the one before in root names or in any source file (see `sameContent`), never for another
   * project's changes. Unique across projects and reloads.
   */
  readonly contentStamp: number;
  /** Whether a result from this project can depend on the file's text (`ManagedProject.mayHold`). */
  mayHold(fileName: string): boolean;
}

/** A watched-file event: LSP's FileChangeType, in words. */
export type FileChangeKind = "created" | "changed" | "deleted";

export interface FileChange {
  fileName: string;
  kind: FileChangeKind;
}

/** Raised when a project cannot be loaded; the server shows it and keeps running. */
export class ProjectLoadError extends Error {
  constructor(
    message: string,
    readonly configFile: string,
  ) {
    super(message);
  }
}

class ManagedProject implements Project {
  readonly service: ts.LanguageService;
  private rootFiles: Set<string>;
  private version = 0;
  /** Set by a created or deleted file: every file's module resolutions are redone once. */
  private resolutionsInvalid = false;
  private lastProgram: ts.Program | undefined;
  contentStamp: number;

  constructor(
    readonly configFile: string | undefined,
    private options: ts.CompilerOptions,
    rootFiles: readonly string[],
    private readonly projectReferences: readonly ts.ProjectReference[] | undefined,
    /** Folders whose files the tsconfig's `include` patterns match (`ParsedCommandLine.wildcardDirectories`). */
    private wildcardDirectories: ts.MapLike<ts.WatchDirectoryFlags>,
    private readonly owner: ProjectService,
    registry: ts.DocumentRegistry,
  ) {
    this.rootFiles = new Set(rootFiles.map(normalizePath));
    this.contentStamp = owner.nextStamp();
    const host: ts.LanguageServiceHost & { hasInvalidatedResolutions(): boolean } = {
      getProjectVersion: () => `${this.owner.generation}:${this.version}`,
      getScriptFileNames: () => [...this.rootFiles],
      getScriptVersion: (fileName) => this.owner.versionOf(fileName),
      getScriptSnapshot: (fileName) => {
        const text = this.owner.textOf(fileName);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCompilationSettings: () => this.options,
      getProjectReferences: () => this.projectReferences,
      getCurrentDirectory: () => (this.configFile ? path.dirname(this.configFile) : process.cwd()),
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => this.owner.documents.get(normalizePath(fileName)) !== undefined || ts.sys.fileExists(fileName),
      readFile: (fileName) => this.owner.textOf(fileName),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      // Unchanged files keep their module resolutions, and a program whose files are all
      // unchanged is kept as it is: a created file that an import now resolves to (or a deleted
      // one it resolved to) is seen only when the resolutions are said to be stale. Not in the
      // public typings of LanguageServiceHost, but what its `synchronizeHostData` reads (tsserver
      // passes its resolution cache's answer); test/lsp/server.test.ts pins the behaviour.
      hasInvalidatedResolutions: () => this.resolutionsInvalid,
      // Like tsc: JSDoc is parsed only where types come from it (JavaScript).
      jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
    };
    this.service = ts.createLanguageService(host, registry);
  }

  containsFile(fileName: string): boolean {
    return this.rootFiles.has(normalizePath(fileName));
  }

  /** The project tsconfigs this one references (normalized), in order. */
  get references(): readonly string[] {
    return referencedConfigs(this.projectReferences);
  }

  program(): ts.Program | undefined {
    let program: ts.Program | undefined;
    try {
      program = this.service.getProgram();
    } catch (error) {
      // The service binds every file when it builds a program; a file nested too deeply
      // overflows the binder after the program is made. Asked again, the service returns that
      // program, and the linter reports the half-bound file (engine/parsing.ts).
      if (!isStackOverflow(error)) throw error;
      program = this.service.getProgram();
    }
    this.resolutionsInvalid = false;
    if (program !== this.lastProgram) {
      if (!program || !this.lastProgram || !sameContent(this.lastProgram, program)) this.contentStamp = this.owner.nextStamp();
      this.lastProgram = program;
    }
    return program;
  }

  /** Whether a program was built: before that, no result depends on the project. */
  get built(): boolean {
    return this.lastProgram !== undefined;
  }

  /**
   * Whether a change of `fileName`'s text can change a result that came from this project: it is
   * in the last program built (a root file too, even if that program could not read it). A
   * program built later reads the file anew anyway.
   */
  mayHold(fileName: string): boolean {
    return this.lastProgram !== undefined && (this.lastProgram.getSourceFile(fileName) !== undefined || this.containsFile(fileName));
  }

  /**
   * Files were created or deleted: the tsconfig's file list is read again when one of them is in a
   * folder its `include` patterns cover (as tsserver's wildcard-directory watchers do), and every
   * module resolution is redone on the next build. Throws when the tsconfig no longer parses.
   */
  filesCreatedOrDeleted(fileNames: readonly string[]): void {
    this.resolutionsInvalid = true;
    this.version++;
    if (!this.configFile || !fileNames.some((fileName) => this.coveredByWildcards(fileName))) return;
    const parsed = readTsconfig(this.configFile);
    this.wildcardDirectories = parsed.wildcardDirectories ?? {};
    const roots = new Set(parsed.fileNames.map(normalizePath));
    if (roots.size !== this.rootFiles.size || [...roots].some((root) => !this.rootFiles.has(root))) {
      this.rootFiles = roots;
      this.owner.log(`${this.configFile}: ${roots.size} files after files were created or deleted`);
    }
  }

  private coveredByWildcards(fileName: string): boolean {
    const folder = path.dirname(fileName);
    const fold = (name: string) => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase());
    return Object.entries(this.wildcardDirectories).some(([directory, flags]) => {
      const watched = fold(normalizePath(directory));
      const candidate = fold(folder);
      if (candidate === watched) return true;
      return (flags & ts.WatchDirectoryFlags.Recursive) !== 0 && candidate.startsWith(watched.endsWith("/") ? watched : `${watched}/`);
    });
  }

  addRoot(fileName: string): void {
    const key = normalizePath(fileName);
    if (this.rootFiles.has(key)) return;
    this.rootFiles.add(key);
    this.version++;
  }

  removeRoot(fileName: string): void {
    if (this.rootFiles.delete(normalizePath(fileName))) this.version++;
  }

  get rootCount(): number {
    return this.rootFiles.size;
  }

  dispose(): void {
    this.service.dispose();
  }
}

/**
 * Two programs of one project with the same root names and the very same SourceFile objects, in
 * order, answer every question the same: the options are the project's, a source file is reused
 * only while its text is unchanged, and a module resolution that changed (a created file an
 * import now resolves to, a deleted one it resolved to) adds or removes that file.
 */
function sameContent(before: ts.Program, after: ts.Program): boolean {
  const rootsBefore = before.getRootFileNames();
  const rootsAfter = after.getRootFileNames();
  if (rootsBefore.length !== rootsAfter.length || rootsBefore.some((name, index) => name !== rootsAfter[index])) return false;
  const filesBefore = before.getSourceFiles();
  const filesAfter = after.getSourceFiles();
  return filesBefore.length === filesAfter.length && filesBefore.every((file, index) => file === filesAfter[index]);
}

export class ProjectService {
  // The registry's JSDoc mode must equal every host's (TypeScript asserts it).
  private readonly registry = surviveDeepFiles(
    ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, "", ts.JSDocParsingMode.ParseForTypeErrors),
  );
  private readonly projects = new Map<string, ManagedProject>();
  private inferred: ManagedProject | undefined;
  private readonly configOfDirectory = new Map<string, string | undefined>();
  private readonly diskVersions = new Map<string, number>();
  private readonly diskTexts = new Map<string, string | undefined>();
  private stamps = 0;
  /** Bumped on every change that may affect any project (edits, files on disk). */
  generation = 0;
  /** How many times a tsconfig project was loaded (read and given a LanguageService). */
  loads = 0;

  constructor(
    readonly documents: OpenDocuments,
    /** Told which `@types` packages each project includes, and why, when it is loaded. */
    private readonly onTypes: (project: string, types: AutomaticTypes) => void = () => {},
    private readonly onLog: (message: string) => void = () => {},
  ) {}

  /**
   * The project a file is linted with: its default configured project (`findDefaultProject`,
   * tsserver's choice: the nearest tsconfig, its references, then the tsconfigs above it), else
   * the inferred one. A tsconfig that cannot be loaded is an error only when no project includes
   * the file.
   */
  projectFor(fileName: string): Project {
    const key = normalizePath(fileName);
    let failure: ProjectLoadError | undefined;
    const found = findDefaultProject(key, {
      configIn: (directory) => this.configFileIn(directory),
      load: (configFile) => {
        try {
          return this.loadConfigured(configFile);
        } catch (error) {
          if (!(error instanceof ProjectLoadError)) throw error;
          failure ??= error;
          return undefined;
        }
      },
      contains: (project, file) => project.containsFile(file),
      references: (project) => project.references,
    });
    if (found) return found;
    if (failure) throw failure;
    return this.inferredFor(key);
  }

  /** Every loaded project (for cross-file refresh decisions). */
  loadedProjects(): Project[] {
    return [...this.projects.values(), ...(this.inferred ? [this.inferred] : [])];
  }

  /** An open document changed. */
  documentChanged(): void {
    this.generation++;
  }

  /** A document closed: loose files leave the inferred project. */
  documentClosed(fileName: string): void {
    this.generation++;
    this.inferred?.removeRoot(fileName);
  }

  /**
   * Files changed on disk (watched-file events). A changed file is read again, and only the
   * projects whose program holds it see a new version of it (their LanguageService re-creates
   * the program, reusing every other file). A created or deleted file can change which files a
   * tsconfig includes and what an import resolves to: the projects whose `include` folders hold
   * it read their file list again, and every project redoes its module resolutions on its next
   * build. A tsconfig change reloads every project. Returns whether the projects were reloaded,
   * and the loaded projects whose findings may have changed (their `contentStamp` tells after
   * the next `program()`).
   */
  filesChangedOnDisk(changes: readonly FileChange[]): { reloaded: boolean; affected: Project[] } {
    this.generation++;
    const changed: string[] = [];
    const createdOrDeleted: string[] = [];
    let reload = false;
    for (const { fileName, kind } of changes) {
      const key = normalizePath(fileName);
      // A tsconfig, or a package.json: the programs read module resolution (exports, types), the
      // default @types (the project's TypeScript version) and the command-line folders (bin) from it.
      if (/^(?:(?:ts|js)config.*|package)\.json$/.test(path.basename(key))) reload = true;
      const known = this.diskTexts.has(key) ? this.diskTexts.get(key) !== undefined : undefined;
      const previous = this.diskTexts.get(key);
      this.diskTexts.delete(key);
      // A "changed" file we had read as missing, or that is gone now, was created or deleted
      // (clients may merge events); one never read is in no program.
      const structural = kind !== "changed" || (known !== undefined && known !== ts.sys.fileExists(key));
      // Touched, or written back with the same text (a checkout, a formatter): keep its version,
      // so the programs holding it keep their SourceFile.
      if (!structural && previous !== undefined && this.textOf(key) === previous) continue;
      this.diskVersions.set(key, (this.diskVersions.get(key) ?? 0) + 1);
      if (structural) createdOrDeleted.push(key);
      // An open document's text comes from the editor (saving it fires this event too).
      else if (!this.documents.get(key)) changed.push(key);
    }
    if (reload) {
      this.reloadProjects();
      return { reloaded: true, affected: [] };
    }
    const affected = new Set<ManagedProject>();
    for (const project of this.managedProjects()) {
      if (changed.some((fileName) => project.mayHold(fileName))) affected.add(project);
    }
    if (createdOrDeleted.length > 0) {
      for (const [configFile, project] of [...this.projects]) {
        try {
          project.filesCreatedOrDeleted(createdOrDeleted);
        } catch (error) {
          // Its tsconfig no longer parses: the next request loads it again and reports why.
          this.onLog(`${configFile}: ${(error as Error).message}`);
          project.dispose();
          this.projects.delete(configFile);
          continue;
        }
        if (project.built) affected.add(project);
      }
      this.inferred?.filesCreatedOrDeleted(createdOrDeleted);
      if (this.inferred?.built) affected.add(this.inferred);
    }
    return { reloaded: false, affected: [...affected] };
  }

  /** Drops every project (tsconfig changes, restart); the next request builds them anew. */
  reloadProjects(): void {
    for (const project of this.projects.values()) project.dispose();
    this.projects.clear();
    this.inferred?.dispose();
    this.inferred = undefined;
    this.configOfDirectory.clear();
    this.generation++;
  }

  dispose(): void {
    this.reloadProjects();
  }

  // Host plumbing ------------------------------------------------------------------------------

  /** A number no project's `contentStamp` had before. */
  nextStamp(): number {
    return ++this.stamps;
  }

  log(message: string): void {
    this.onLog(message);
  }

  versionOf(fileName: string): string {
    const key = normalizePath(fileName);
    const open = this.documents.get(key);
    if (open) return `open:${open.version}`;
    return `disk:${this.diskVersions.get(key) ?? 0}`;
  }

  textOf(fileName: string): string | undefined {
    const key = normalizePath(fileName);
    const open = this.documents.get(key);
    if (open) return open.text;
    if (this.diskTexts.has(key)) return this.diskTexts.get(key);
    let text: string | undefined;
    try {
      text = fs.readFileSync(fileName, "utf8");
    } catch {
      text = undefined;
    }
    // Library and node_modules files never change under us in practice; project files are
    // invalidated by watched-file events.
    this.diskTexts.set(key, text);
    return text;
  }

  private managedProjects(): ManagedProject[] {
    return [...this.projects.values(), ...(this.inferred ? [this.inferred] : [])];
  }

  private configFileIn(directory: string): string | undefined {
    if (this.configOfDirectory.has(directory)) return this.configOfDirectory.get(directory);
    const found = ts.findConfigFile(directory, ts.sys.fileExists, "tsconfig.json");
    const configFile = found ? normalizePath(found) : undefined;
    this.configOfDirectory.set(directory, configFile);
    return configFile;
  }

  private loadConfigured(configFile: string): ManagedProject {
    const existing = this.projects.get(configFile);
    if (existing) return existing;
    let parsed: ts.ParsedCommandLine;
    try {
      parsed = readTsconfig(configFile);
    } catch (error) {
      throw new ProjectLoadError((error as Error).message, configFile);
    }
    this.loads++;
    // The same `@types` as the CLI: those the project's own TypeScript version would include.
    const { options, types } = withAutomaticTypes({ ...parsed.options, noEmit: true }, path.dirname(configFile));
    this.onTypes(configFile, types);
    const project = new ManagedProject(
      configFile,
      options,
      parsed.fileNames,
      parsed.projectReferences,
      parsed.wildcardDirectories ?? {},
      this,
      this.registry,
    );
    this.projects.set(configFile, project);
    return project;
  }

  private inferredFor(fileName: string): ManagedProject {
    if (!this.inferred) {
      const directory = path.dirname(fileName);
      const { options, types } = withAutomaticTypes(defaultCompilerOptions(directory), directory);
      this.onTypes("the files no tsconfig includes", types);
      this.inferred = new ManagedProject(
        undefined,
        options,
        [],
        undefined,
        {},
        this,
        this.registry,
      );
    }
    this.inferred.addRoot(fileName);
    return this.inferred;
  }
}

/**
 * A registry whose parse of a file that overflows the parser's stack (thousands of nested
 * parentheses) yields an empty stand-in, as the CLI's does (engine/parsing.ts): that file gets
 * one `parse-error` finding and the project's other files are still analysed.
 */
function surviveDeepFiles(registry: ts.DocumentRegistry): ts.DocumentRegistry {
  const retry = <A extends unknown[]>(parse: (...args: A) => ts.SourceFile, snapshotIndex: number) =>
    (...args: A): ts.SourceFile => {
      try {
        return parse(...args);
      } catch (error) {
        if (!isStackOverflow(error)) throw error;
        const snapshot = args[snapshotIndex] as ts.IScriptSnapshot;
        const empty = [...args] as A;
        empty[snapshotIndex] = ts.ScriptSnapshot.fromString("");
        const standIn = parse(...empty);
        markStandIn(standIn, snapshot.getText(0, snapshot.getLength()));
        return standIn;
      }
    };
  return {
    ...registry,
    acquireDocument: retry(registry.acquireDocument.bind(registry), 2),
    acquireDocumentWithKey: retry(registry.acquireDocumentWithKey.bind(registry), 4),
    updateDocument: retry(registry.updateDocument.bind(registry), 2),
    updateDocumentWithKey: retry(registry.updateDocumentWithKey.bind(registry), 4),
  };
}
