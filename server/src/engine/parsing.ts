/**
 * Files TypeScript cannot handle. Its parser and binder recurse once per level of nesting, so a
 * file with thousands of nested parentheses, calls or blocks overflows the stack (`tsc` crashes
 * on it). One such file must cost one `parse-error` finding, not the program of every file:
 * the parser's overflow leaves an empty stand-in source file in the program (which remembers the
 * real text), and binding each file alone tells which one overflowed the binder.
 */
import * as ts from "typescript";
import type { LintProgram } from "./project";

export type UnusableStage = "parsing" | "binding";

/** Stand-in source file -> the text that could not be parsed. */
const standIns = new WeakMap<ts.SourceFile, string>();

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError;
}

/** An empty source file in place of one whose text overflowed the parser. */
function createStandIn(
  fileName: string,
  text: string,
  options: ts.ScriptTarget | ts.CreateSourceFileOptions,
  scriptKind?: ts.ScriptKind,
): ts.SourceFile {
  const standIn = ts.createSourceFile(fileName, "", options, false, scriptKind);
  standIns.set(standIn, text);
  return standIn;
}

/** Records that `standIn` (an empty source file) stands for `text`, which overflowed the parser. */
export function markStandIn(standIn: ts.SourceFile, text: string): void {
  standIns.set(standIn, text);
}

/** `ts.createSourceFile`, with a stand-in when the text overflows the parser. */
export function createSourceFileSafely(
  fileName: string,
  text: string,
  options: ts.ScriptTarget | ts.CreateSourceFileOptions,
  setParentNodes?: boolean,
  scriptKind?: ts.ScriptKind,
): ts.SourceFile {
  try {
    return ts.createSourceFile(fileName, text, options, setParentNodes, scriptKind);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return createStandIn(fileName, text, options, scriptKind);
  }
}

/** The real text of a stand-in; undefined for a source file that parsed. */
export function standInText(sourceFile: ts.SourceFile): string | undefined {
  return standIns.get(sourceFile);
}

type Binder = (file: ts.SourceFile, options: ts.CompilerOptions) => void;

/**
 * Whether a binder ran out of stack on this file (TypeScript's LanguageService creates the
 * checker itself, so the overflow may have happened before `bindEachFile`): the binder sets
 * `locals` when it starts and `classifiableNames` when it finishes. Internal fields again.
 */
function wasInterrupted(sourceFile: ts.SourceFile): boolean {
  const state = sourceFile as unknown as { locals?: unknown; classifiableNames?: unknown };
  return state.locals !== undefined && state.classifiableNames === undefined;
}

/** Source files whose binding overflowed: a later program that reuses one must not bind it again. */
const unbindable = new WeakSet<ts.SourceFile>();

/**
 * Binds every file of the program (`filesToBind`, when it says) one by one, as creating the checker would, and returns the
 * files whose binding overflowed the stack (here or before). A file that failed keeps what was bound of it, so
 * the checker skips it instead of failing again. `bindSourceFile` is internal to TypeScript:
 * without it, the checker binds as usual (and an overflow fails the whole program, as before).
 */
export function bindEachFile(program: LintProgram): Set<ts.SourceFile> {
  const failed = new Set<ts.SourceFile>();
  const bind = (ts as unknown as { bindSourceFile?: Binder }).bindSourceFile;
  if (typeof bind !== "function") return failed;
  const options = program.getCompilerOptions();
  for (const sourceFile of program.filesToBind?.() ?? program.getSourceFiles()) {
    try {
      bind(sourceFile, options);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      unbindable.add(sourceFile);
    }
    // Binding is skipped for a file bound before (in an earlier program, or by a checker that
    // failed): one that failed then is known by its object, which the editor and `--fix` reuse
    // while its text is unchanged, or by its half-bound state.
    if (wasInterrupted(sourceFile)) unbindable.add(sourceFile);
    if (unbindable.has(sourceFile)) failed.add(sourceFile);
  }
  return failed;
}
