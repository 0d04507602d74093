/**
 * One TypeScript 7 compiler process and what the engine needs around it (seam (b),
 * ARCHITECTURE.md "TypeScript 7 engine: the seam"): the projects of one snapshot, the text of
 * every file as both compilers see it (the editor's unsaved text through the API's virtual file
 * system, else the disk), the TypeScript 6 tree of each file the rules walk or receive a
 * declaration from, and questions about one file's TypeScript 6 nodes, batched and answered by
 * TypeScript 7.
 *
 * Not yet an engine: no rule runs on it (the `Ts7TypeOracle` comes next, ARCHITECTURE.md's port
 * plan). Everything typed (types, symbols, TypeScript 7 trees) belongs to one snapshot and is
 * dropped by `update`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { normalizePath } from "../project";
import { CancelledError, type CancellationSignal } from "../runner";
import { sync7, ts7Executable, type Api7, type FileSystem7, type Node7, type NodeHandle7, type Project7, type Snapshot7, type SourceFile7, type Symbol7, type Type7 } from "./api";
import { findTs6Node, findTs7Node } from "./nodeMap";

export interface Ts7SessionOptions {
  /** The folder the compiler runs in (relative names in tsconfigs resolve against it). */
  cwd: string;
  /** The tsconfig.json files to open, all in one snapshot of one process. */
  configFiles: readonly string[];
  /**
   * The TypeScript 6 tree of a file when the caller has one (the engine: the trees of its
   * TypeScript 6 program, which the rules walk); undefined: the session parses the file itself.
   */
  sourceFile6?: (fileName: string) => ts.SourceFile | undefined;
  /** A virtual file system for the compiler process (tests: in-memory projects); default: unsaved text, then the disk. */
  fs?: Omit<FileSystem7, "readFile"> & { readFile(fileName: string): string | null | undefined };
}

export class Ts7Session {
  private api: Api7;
  private snapshot: Snapshot7;
  /** Unsaved editor text by normalized file name; absent means the disk. */
  private readonly unsaved = new Map<string, string>();
  private readonly changed = new Set<string>();
  /** The TypeScript 6 tree of each file asked for in this snapshot: one tree per file, so nodes compare by identity. */
  private readonly trees6 = new Map<string, ts.SourceFile>();
  /** Of `trees6`, those the session parsed itself (the caller had none). */
  private readonly ownTrees = new Set<string>();
  private closed = false;

  private sourceFile6Of: ((fileName: string) => ts.SourceFile | undefined) | undefined;
  /** Whose trees `sourceFile6Of` gives (`useTrees`' owner): the language server switches between its projects' programs. */
  private treesOwner: object | undefined;
  /** The projects this session opened, in order (`openProject` adds to them; a restart opens them all again). */
  private readonly configFiles: string[];

  /**
   * Bumped by every new snapshot (`update`, `updateFiles`, `openProject`, `restart`): everything
   * typed from an older generation (projects, types, symbols) is gone.
   */
  generation = 0;

  constructor(private readonly options: Ts7SessionOptions) {
    this.sourceFile6Of = options.sourceFile6;
    this.configFiles = [...new Set(options.configFiles.map(normalizePath))];
    [this.api, this.snapshot] = this.start();
  }

  /**
   * The TypeScript 6 trees to use from now on (the language server: each new program of the
   * project, whose trees the rules walk); every tree taken before is forgotten. `owner` (the
   * program the trees are from) makes a second call with the same owner a no-op: one process
   * serves several projects, whose programs take turns.
   */
  useTrees(sourceFile6: (fileName: string) => ts.SourceFile | undefined, owner?: object): void {
    if (owner !== undefined && owner === this.treesOwner) return;
    this.treesOwner = owner;
    this.sourceFile6Of = sourceFile6;
    // The session's own parses (files the caller has no tree of: TypeScript 7's lib files) stay.
    for (const key of this.trees6.keys()) if (!this.ownTrees.has(key)) this.trees6.delete(key);
    this.shared.clear();
  }

  /**
   * Whether a file's TypeScript 6 tree is the caller's (`sourceFile6` / `useTrees`: the program the
   * rules walk; without one, the session's own) and TypeScript 7's program has the file too: a
   * file both compilers share. A
   * default lib file is not (TypeScript 7 ships its own), nor is a file only one program holds.
   */
  isCallersFile(fileName: string): boolean {
    const key = normalizePath(fileName);
    let shared = this.shared.get(key);
    if (shared === undefined) {
      const tree = this.sourceFile6(key);
      shared =
        tree !== undefined &&
        (this.sourceFile6Of === undefined || this.sourceFile6Of(key) === tree) &&
        this.snapshot.getProjects().some((project) => project.program.getSourceFileMetadataByPath(key as Path7) !== undefined);
      this.shared.set(key, shared);
    }
    return shared;
  }

  /** `isCallersFile` answers of this snapshot and trees. */
  private readonly shared = new Map<string, boolean>();

  /** The caller's TypeScript 6 tree of a file (its program's), if it has one. */
  callersTree(fileName: string): ts.SourceFile | undefined {
    return this.sourceFile6Of?.(normalizePath(fileName));
  }

  /** The files given unsaved text (`setText`), normalized. */
  unsavedFiles(): string[] {
    return [...this.unsaved.keys()];
  }

  private start(): [Api7, Snapshot7] {
    // The Go side reads every file through this callback first: `undefined` falls back to the disk.
    const given = this.options.fs;
    const readFile = (fileName: string) => this.unsaved.get(normalizePath(fileName)) ?? given?.readFile(fileName);
    // The compiler `ts7Unavailable` found (the API would look it up again).
    const api = new (sync7().API)({ cwd: this.options.cwd, fs: { ...given, readFile }, tsserverPath: ts7Executable() });
    return [api, api.updateSnapshot({ openProjects: [...this.configFiles] })];
  }

  /**
   * Opens one more project in this process (the language server: one process for every tsconfig
   * of the workspace). A new snapshot, with the unsaved text changed since the last one, when the
   * project was not open yet; nothing otherwise.
   */
  openProject(configFile: string): void {
    const key = normalizePath(configFile);
    if (this.configFiles.includes(key)) return;
    this.configFiles.push(key);
    this.newSnapshot({ openProjects: [key] });
  }

  /**
   * Whether the compiler process still answers (one small round trip). A question that throws
   * (`EPIPE` once the process is gone) is followed by this check, then `restart`.
   */
  responds(): boolean {
    if (this.closed) return false;
    const [project] = this.snapshot.getProjects();
    if (!project) return true; // nothing to ask; the next snapshot update will tell
    try {
      project.checker.getAnyType();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A new compiler process in place of one that died: the same projects, and the unsaved text
   * (read through the virtual file system as before). Every project, type and symbol from
   * before is gone; the TypeScript 6 trees stay (their texts did not change).
   */
  restart(): void {
    this.closeApi();
    this.changed.clear();
    this.shared.clear();
    [this.api, this.snapshot] = this.start();
    this.generation++;
    this.closed = false;
  }

  private closeApi(): void {
    try {
      this.api.close();
    } catch {
      // A process that is already gone cannot be told to exit (`EPIPE`); its pipes are released anyway.
    }
  }

  /** The project opened from `configFile`, in the current snapshot. */
  project(configFile: string): Project7 | undefined {
    return this.snapshot.getProject(normalizePath(configFile));
  }

  /**
   * Sets the editor's unsaved text of a file (`undefined`: back to the disk). Both compilers see
   * it from the next `update`.
   */
  setText(fileName: string, text: string | undefined): void {
    const key = normalizePath(fileName);
    if (this.unsaved.get(key) === text) return;
    if (text === undefined) this.unsaved.delete(key);
    else this.unsaved.set(key, text);
    this.changed.add(key);
  }

  /**
   * A new snapshot with the files changed since the last one; the previous snapshot is disposed,
   * so nothing typed from it may be used afterwards. Unchanged files keep their TypeScript 6 trees.
   */
  update(): void {
    if (this.changed.size === 0) return;
    this.newSnapshot({});
  }

  /** A new snapshot carrying the unsaved text changed since the last one (and `request`'s projects to open). */
  private newSnapshot(request: { openProjects?: string[] }): void {
    const changed = [...this.changed];
    this.changed.clear();
    const previous = this.snapshot;
    this.snapshot = this.api.updateSnapshot({ ...request, ...(changed.length > 0 ? { fileChanges: { changed } } : {}) });
    this.generation++;
    previous.dispose();
    for (const fileName of changed) {
      this.trees6.delete(fileName);
      this.ownTrees.delete(fileName);
    }
    this.shared.clear();
  }

  /**
   * A new snapshot after files the virtual file system serves were created, changed or deleted
   * (tests: one in-memory project after another in one process); like `update`, the previous
   * snapshot is disposed and the TypeScript 6 trees are forgotten.
   */
  updateFiles(changes: { created?: readonly string[]; changed?: readonly string[]; deleted?: readonly string[] }): void {
    const previous = this.snapshot;
    const list = (names: readonly string[] | undefined) => (names ?? []).map(normalizePath);
    this.snapshot = this.api.updateSnapshot({ fileChanges: { created: list(changes.created), changed: list(changes.changed), deleted: list(changes.deleted) } });
    this.generation++;
    previous.dispose();
    const touched = new Set([...list(changes.created), ...list(changes.changed), ...list(changes.deleted)]);
    for (const key of this.trees6.keys()) {
      if (!this.ownTrees.has(key) || touched.has(key)) {
        this.trees6.delete(key);
        this.ownTrees.delete(key);
      }
    }
    this.shared.clear();
  }

  /** The text both compilers see for a file: the unsaved text, else the disk; undefined when unreadable. */
  textOf(fileName: string): string | undefined {
    const key = normalizePath(fileName);
    const unsaved = this.unsaved.get(key);
    if (unsaved !== undefined) return unsaved;
    const given = this.options.fs?.readFile(key);
    if (typeof given === "string") return given;
    try {
      return fs.readFileSync(key, "utf8");
    } catch {
      return undefined;
    }
  }

  /**
   * The TypeScript 6 tree of a file in this snapshot (parents set, JSDoc parsed where types come
   * from it, as the engine parses): the tree the rules walk and the one declarations are found in.
   */
  sourceFile6(fileName: string): ts.SourceFile | undefined {
    const key = normalizePath(fileName);
    let tree = this.trees6.get(key);
    if (!tree) {
      tree = this.sourceFile6Of?.(key);
      if (tree) this.trees6.set(key, tree);
    }
    if (!tree) {
      const text = this.textOf(key);
      if (text === undefined) return undefined;
      tree = ts.createSourceFile(key, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }, true, scriptKindOf(key));
      this.trees6.set(key, tree);
      this.ownTrees.add(key);
    }
    return tree;
  }

  /** Questions about one file of `project`, asked on the nodes of its TypeScript 6 tree. */
  file(project: Project7, fileName: string): Ts7File | undefined {
    const sourceFile = this.sourceFile6(fileName);
    return sourceFile && new Ts7File(this, project, sourceFile);
  }

  /**
   * Asks one batch question; when the compiler fails it (TypeScript 7.0.2 panics serializing the
   * type of some empty array literals, `[]`, and fails the whole request), the halves are asked
   * again, down to single items, so one failing item costs its own answer only (undefined: "don't
   * know") and about 2·log2(n) extra round trips. A process that died answers nothing: that error
   * is thrown (the analysis in flight must fail, never report from partial answers).
   */
  ask<I, A>(items: readonly I[], question: (batch: I[]) => readonly (A | undefined)[]): (A | undefined)[] {
    if (items.length === 0) return [];
    // Each batch blocks until the compiler answers: between two of them a cancelled analysis stops.
    if (this.cancellation?.isCancellationRequested()) throw new CancelledError();
    try {
      return [...question([...items])];
    } catch (error) {
      this.failures++;
      if (!this.responds()) throw error;
      if (items.length === 1) return [undefined];
      const half = Math.ceil(items.length / 2);
      return [...this.ask(items.slice(0, half), question), ...this.ask(items.slice(half), question)];
    }
  }

  /** Questions the compiler failed (a batch and each of its parts asked again count one each). */
  failures = 0;

  /**
   * The analysis in flight's cancellation (the language server sets it around each file's
   * rules): checked before every batch question, which then throws `CancelledError`.
   */
  cancellation: CancellationSignal | undefined;

  /** Ends the compiler process (also one that already died). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeApi();
  }
}

/**
 * Type questions about the TypeScript 6 nodes of one file, answered by TypeScript 7 in batches:
 * one round trip per call of `typesOf` or `symbolsOf`, whatever the number of nodes.
 */
export class Ts7File {
  private tree7: SourceFile7 | undefined;

  constructor(
    private readonly session: Ts7Session,
    readonly project: Project7,
    readonly sourceFile: ts.SourceFile,
  ) {}

  /**
   * The TypeScript 7 node for a node of this file's TypeScript 6 tree (the file's TypeScript 7
   * tree is fetched on the first question that needs it). Undefined when the trees differ there.
   */
  node7(node: ts.Node): Node7 | undefined {
    this.tree7 ??= this.project.program.getSourceFile(this.sourceFile.fileName);
    return this.tree7 && findTs7Node(this.tree7, node);
  }

  /**
   * The types of the nodes (`getTypeAtLocation`, one batch); undefined where a node has no
   * TypeScript 7 twin, or where the compiler fails the question (see `ask`).
   */
  typesOf(nodes: readonly ts.Node[]): (Type7 | undefined)[] {
    const mapped = nodes.map((node) => this.node7(node));
    const present = mapped.filter((node): node is Node7 => node !== undefined);
    const types = this.session.ask(present, (batch) => this.project.checker.getTypeAtLocation(batch));
    let next = 0;
    return mapped.map((node) => (node ? types[next++] : undefined));
  }

  /**
   * The symbols the identifiers refer to, asked by position (`getSymbolAtPosition`, one batch):
   * no TypeScript 7 tree is needed.
   */
  symbolsOf(identifiers: readonly ts.Node[]): (Symbol7 | undefined)[] {
    const positions = identifiers.map((identifier) => identifier.getStart(this.sourceFile));
    return this.session.ask(positions, (batch) => this.project.checker.getSymbolAtPosition(this.sourceFile.fileName, batch));
  }

  /**
   * The declaration a TypeScript 7 handle points at, as a node of the TypeScript 6 tree of its
   * file (this session's tree: the same object the rules walk when that file is linted).
   * Undefined when the file cannot be read or the trees differ there.
   */
  declaration6(handle: NodeHandle7): ts.Node | undefined {
    const node = handle.resolve(this.project);
    const sourceFile = node && this.session.sourceFile6(handle.path);
    return sourceFile && findTs6Node(sourceFile, node);
  }
}

/** TypeScript 7's branded path type: a normalized absolute file name. */
type Path7 = Parameters<Project7["program"]["getSourceFileMetadataByPath"]>[0];

function scriptKindOf(fileName: string): ts.ScriptKind {
  switch (path.extname(fileName).toLowerCase()) {
    case ".js":
    case ".cjs":
    case ".mjs":
      return ts.ScriptKind.JS;
    case ".jsx":
      return ts.ScriptKind.JSX;
    case ".tsx":
      return ts.ScriptKind.TSX;
    default:
      return ts.ScriptKind.TS;
  }
}
