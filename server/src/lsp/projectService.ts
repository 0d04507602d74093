/**
 * Long-lived TypeScript LanguageServices for the editor: one per tsconfig project, all sharing one
 * DocumentRegistry, plus one inferred project for files no tsconfig covers. Open documents are
 * read from the editor (their versions are the script versions); everything else from disk.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { isStackOverflow, markStandIn } from "../engine/parsing";
import { type AutomaticTypes, defaultCompilerOptions, isLintableFile, normalizePath, readTsconfig, withAutomaticTypes } from "../engine/project";

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

  constructor(
    readonly configFile: string | undefined,
    private options: ts.CompilerOptions,
    rootFiles: readonly string[],
    private readonly projectReferences: readonly ts.ProjectReference[] | undefined,
    private readonly owner: ProjectService,
    registry: ts.DocumentRegistry,
  ) {
    this.rootFiles = new Set(rootFiles.map(normalizePath));
    const host: ts.LanguageServiceHost = {
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
      // Like tsc: JSDoc is parsed only where types come from it (JavaScript).
      jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
    };
    this.service = ts.createLanguageService(host, registry);
  }

  containsFile(fileName: string): boolean {
    return this.rootFiles.has(normalizePath(fileName));
  }

  program(): ts.Program | undefined {
    try {
      return this.service.getProgram();
    } catch (error) {
      // The service binds every file when it builds a program; a file nested too deeply
      // overflows the binder after the program is made. Asked again, the service returns that
      // program, and the linter reports the half-bound file (engine/parsing.ts).
      if (!isStackOverflow(error)) throw error;
      return this.service.getProgram();
    }
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
  /** Bumped on every change that may affect any project (edits, files on disk). */
  generation = 0;

  constructor(
    readonly documents: OpenDocuments,
    /** Told which `@types` packages each project includes, and why, when it is loaded. */
    private readonly onTypes: (project: string, types: AutomaticTypes) => void = () => {},
  ) {}

  /** The project a file belongs to: its tsconfig's if that includes it, else the inferred one. */
  projectFor(fileName: string): Project {
    const key = normalizePath(fileName);
    const configFile = this.configFileFor(key);
    if (configFile) {
      const project = this.loadConfigured(configFile);
      if (project.containsFile(key)) return project;
    }
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

  /** Files changed on disk (watched-file events): forget cached texts; reload tsconfigs. */
  filesChangedOnDisk(fileNames: readonly string[]): void {
    this.generation++;
    for (const fileName of fileNames) {
      const key = normalizePath(fileName);
      this.diskTexts.delete(key);
      this.diskVersions.set(key, (this.diskVersions.get(key) ?? 0) + 1);
      const base = path.basename(key);
      if (/^(?:ts|js)config.*\.json$/.test(base)) this.reloadProjects();
      if (isLintableFile(key)) this.configOfDirectory.clear();
    }
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

  private configFileFor(fileName: string): string | undefined {
    const directory = path.dirname(fileName);
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
    // The same `@types` as the CLI: those the project's own TypeScript version would include.
    const { options, types } = withAutomaticTypes({ ...parsed.options, noEmit: true }, path.dirname(configFile));
    this.onTypes(configFile, types);
    const project = new ManagedProject(
      configFile,
      options,
      parsed.fileNames,
      parsed.projectReferences,
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
