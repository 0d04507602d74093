/**
 * The `ts7` engine without a TypeScript 6 program (ARCHITECTURE.md, "TypeScript 7 engine: the
 * seam", port plan step 6): what the linter and the program facts take from a program
 * (`LintProgram`), answered from the tsconfig's parse and TypeScript 7's file list of the project,
 * with TypeScript 6 trees parsed on demand, each as `ts.createProgram` would parse it (the same
 * language version, implied module format, module detection and JSDoc parsing mode; one cache,
 * `ProgramBuilder.sourceFile`). No module resolution, no binding of files nobody lints, no checker.
 *
 * - The files, in TypeScript 7's order (measured: the same as TypeScript 6's on the corpora), with
 *   TypeScript 7's default lib files replaced by TypeScript 6's of the same name (TypeScript 7
 *   ships its own copies; the syntax scans, `promiseNames`, read TypeScript 6's as before).
 * - Root names: the tsconfig's, as the program's. Default libs: those of TypeScript 7's lib folder.
 * - External libraries: a file under `node_modules/` is one (by its path: the engine asks only
 *   together with that test); any other file that is not a root is asked of TypeScript 7 (one
 *   round trip each; none on a project whose files are all roots).
 * - Syntax errors: a TypeScript file's parse diagnostics; a JavaScript file also gets TypeScript's
 *   JavaScript-only checks (`types in a .js file`), which live inside a program: a syntax-only
 *   one of the JavaScript files to lint (no resolution, no libs, no checker) gives them.
 * - `getTypeChecker`: a question left to TypeScript 6's checker (a method not ported, or a node in
 *   a file the compilers do not share) builds TypeScript 6's program then, once, from the same
 *   trees (the nodes the rules hold are that program's nodes).
 */
import * as path from "node:path";
import * as ts from "typescript";
import { type LintProgram, normalizePath, type ProgramBuilder } from "../project";
import type { Project7 } from "./api";

/** TypeScript internals `ts.createProgram` parses with (present in the 6.0 runtime; the fallbacks are its defaults). */
interface ParseInternals {
  getSetExternalModuleIndicator?(options: ts.CompilerOptions): (file: ts.SourceFile) => void;
  getEmitScriptTarget?(options: ts.CompilerOptions): ts.ScriptTarget;
}

export class Ts7ProgramView implements LintProgram {
  /** TypeScript 6 names of the program's files, in TypeScript 7's order, by normalized name. */
  private readonly files = new Map<string, string>();
  private readonly libs = new Set<string>();
  private readonly roots: ReadonlySet<string>;
  private readonly toLint: ReadonlySet<string>;
  private readonly host: ts.CompilerHost;
  private readonly packageJsonCache: ts.PackageJsonInfoCache;
  private readonly createOptions: Pick<ts.CreateSourceFileOptions, "languageVersion" | "setExternalModuleIndicator">;
  private program: ts.Program | undefined;
  private syntaxProgram: ts.Program | undefined;
  private readonly external = new Map<string, boolean>();
  private allFiles: readonly ts.SourceFile[] | undefined;

  /** When TypeScript 6's program was built (`getTypeChecker`), for `--debug`; undefined: never. */
  programBuiltMs: number | undefined;

  /**
   * `project7`: TypeScript 7's project of the same tsconfig; `builder`: the project's program
   * builder (its parse cache; a program is built with it only on demand); `overrides`: texts not
   * on disk (`--fix` passes), by normalized name; `filesToLint`: the files the run lints.
   */
  constructor(
    private readonly project7: Project7,
    private readonly builder: ProgramBuilder,
    private readonly overrides: ReadonlyMap<string, string>,
    filesToLint: readonly string[],
  ) {
    const spec = builder.projectSpec;
    const options = spec.options;
    this.roots = new Set(spec.rootNames.map(normalizePath));
    this.toLint = new Set(filesToLint.map(normalizePath));
    this.host = builder.createHost();
    this.packageJsonCache = ts.createModuleResolutionCache(this.host.getCurrentDirectory(), (name) => this.host.getCanonicalFileName(name), options).getPackageJsonInfoCache();
    const internals = ts as unknown as ParseInternals;
    this.createOptions = {
      languageVersion: internals.getEmitScriptTarget?.(options) ?? options.target ?? ts.ScriptTarget.ES5,
      setExternalModuleIndicator: internals.getSetExternalModuleIndicator?.(options),
    };
    const names7 = project7.program.getSourceFileNames();
    // Default libs come first (as in TypeScript 6's order): one question tells whether there are any.
    const libFolder7 = names7.length > 0 && project7.program.getSourceFileMetadata(names7[0])?.isDefaultLibrary ? path.posix.dirname(normalizePath(names7[0])) : undefined;
    const libFolder6 = path.dirname(ts.getDefaultLibFilePath(options));
    for (const name7 of names7) {
      const key7 = normalizePath(name7);
      if (libFolder7 !== undefined && path.posix.dirname(key7) === libFolder7) {
        const name6 = path.join(libFolder6, path.posix.basename(key7)).replace(/\\/g, "/");
        const key6 = normalizePath(name6);
        this.files.set(key6, name6);
        this.libs.add(key6);
      } else {
        this.files.set(key7, name7);
      }
    }
  }

  getCompilerOptions(): ts.CompilerOptions {
    return this.builder.projectSpec.options;
  }

  getRootFileNames(): readonly string[] {
    return this.builder.projectSpec.rootNames;
  }

  /** The file's TypeScript 6 tree, parsed on first use; undefined for a file not in the program. */
  getSourceFile(fileName: string): ts.SourceFile | undefined {
    const key = normalizePath(fileName);
    if (this.trees.has(key)) return this.trees.get(key);
    const name = this.files.get(key);
    if (name === undefined) return undefined;
    const text = this.texts.get(key) ?? this.overrides.get(key) ?? this.host.readFile(name);
    this.texts.delete(key);
    const format = ts.getImpliedNodeFormatForFile(key, this.packageJsonCache, this.host, this.getCompilerOptions());
    // A file to lint is bound before it is walked (which sets parents); any other gets parents now.
    const tree = this.builder.sourceFile(name, text, { ...this.createOptions, impliedNodeFormat: format }, !this.toLint.has(key));
    this.trees.set(key, tree);
    return tree;
  }

  /** The tree of each file asked for (read and parsed once per view: its texts do not change). */
  private readonly trees = new Map<string, ts.SourceFile | undefined>();

  /** Texts read by `unparsedSourceText` and not parsed yet (a later parse takes its text from here). */
  private readonly texts = new Map<string, string | undefined>();

  getSourceFileNames(): readonly string[] {
    return [...this.files.values()];
  }

  unparsedSourceText(fileName: string): string | undefined {
    const key = normalizePath(fileName);
    const name = this.files.get(key);
    if (name === undefined || this.trees.has(key) || this.toLint.has(key)) return undefined;
    if (!this.texts.has(key)) this.texts.set(key, this.overrides.get(key) ?? this.host.readFile(name));
    return this.texts.get(key);
  }

  /** Every file, parsed (the whole-program syntax scans read them all). */
  getSourceFiles(): readonly ts.SourceFile[] {
    this.allFiles ??= [...this.files.values()].flatMap((name) => {
      const sourceFile = this.getSourceFile(name);
      return sourceFile ? [sourceFile] : [];
    });
    return this.allFiles;
  }

  /** The files to lint: the only ones bound before linting (a binder overflow is a `parse-error`). */
  filesToBind(): readonly ts.SourceFile[] {
    return [...this.toLint].flatMap((key) => {
      const sourceFile = this.getSourceFile(key);
      return sourceFile ? [sourceFile] : [];
    });
  }

  isSourceFileDefaultLibrary(sourceFile: ts.SourceFile): boolean {
    return this.libs.has(normalizePath(sourceFile.fileName));
  }

  isSourceFileFromExternalLibrary(sourceFile: ts.SourceFile): boolean {
    const key = normalizePath(sourceFile.fileName);
    if (this.libs.has(key)) return false;
    // Answered by the path (TypeScript 6 says so only of files module resolution found there; the
    // engine asks only together with that path test, `isProjectSourceFile`).
    if (key.includes("/node_modules/")) return true;
    if (this.roots.has(key) || !this.files.has(key)) return false;
    let external = this.external.get(key);
    if (external === undefined) {
      external = this.project7.program.getSourceFileMetadata(this.files.get(key)!)?.isFromExternalLibrary === true;
      this.external.set(key, external);
    }
    return external;
  }

  getSyntacticDiagnostics(sourceFile?: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
    if (!sourceFile) return this.getSourceFiles().flatMap((file) => this.getSyntacticDiagnostics(file));
    if (!/\.[cm]?jsx?$/i.test(sourceFile.fileName)) {
      // What `Program.getSyntacticDiagnostics` returns for a TypeScript file (an internal field).
      return (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    }
    this.syntaxProgram ??= this.createSyntaxProgram();
    const own = this.syntaxProgram.getSourceFile(sourceFile.fileName) === sourceFile ? this.syntaxProgram : ts.createProgram({ rootNames: [sourceFile.fileName], options: syntaxOnly(this.getCompilerOptions()), host: this.hostOf([sourceFile]) });
    return own.getSyntacticDiagnostics(sourceFile);
  }

  /** TypeScript 6's checker: builds TypeScript 6's program from the same trees on first use. */
  getTypeChecker(): ts.TypeChecker {
    if (!this.program) {
      const started = performance.now();
      this.program = this.builder.build(this.overrides);
      this.programBuiltMs = performance.now() - started;
    }
    return this.program.getTypeChecker();
  }

  /** A program of the JavaScript files to lint for their syntax checks only: no resolution, no libs. */
  private createSyntaxProgram(): ts.Program {
    const files = this.filesToBind().filter((file) => /\.[cm]?jsx?$/i.test(file.fileName));
    return ts.createProgram({ rootNames: files.map((file) => file.fileName), options: syntaxOnly(this.getCompilerOptions()), host: this.hostOf(files) });
  }

  private hostOf(files: readonly ts.SourceFile[]): ts.CompilerHost {
    const byName = new Map(files.map((file) => [normalizePath(file.fileName), file]));
    const host = ts.createCompilerHost(this.getCompilerOptions(), false);
    host.getSourceFile = (fileName) => byName.get(normalizePath(fileName));
    return host;
  }
}

/** Options for a program that only answers syntax questions: nothing resolved, no libs, no types. */
function syntaxOnly(options: ts.CompilerOptions): ts.CompilerOptions {
  return { ...options, noResolve: true, noLib: true, types: [], composite: false, declaration: false, noEmit: true };
}
