/** Applying fixes to text. Writing files is the adapters' job (the CLI writes; editors apply edits). */
import * as ts from "typescript";
import type { Finding, Fix, FixKind, TextEdit } from "./types";

/** Applies non-overlapping edits of one file. Overlapping edits are a programming error. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, "start" | "end" | "newText">[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return result + text.slice(position);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.fileName === b.fileName && a.start < b.end && b.start < a.end;
}

/**
 * Picks fixes of one kind whose edits don't overlap any already picked (first come, in file
 * order); the rest wait for the next pass. Only the first fix of that kind per finding counts.
 */
export function pickFixes(findings: readonly Finding[], kind: FixKind = "safe"): Fix[] {
  const picked: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.kind === kind);
    if (!fix) continue;
    // Insertions at the same point would be ordered arbitrarily: treat them as a clash too.
    const clash = fix.edits.some((edit) =>
      taken.some((other) => overlaps(edit, other) || (edit.fileName === other.fileName && edit.start === other.start)),
    );
    if (clash) continue;
    picked.push(fix);
    taken.push(...fix.edits);
  }
  return picked;
}

interface WithParseDiagnostics {
  parseDiagnostics?: readonly ts.Diagnostic[];
}

/** Whether `text` parses without syntax errors as the kind of file `fileName` names. */
export function parsesCleanly(fileName: string, text: string): boolean {
  const kind = scriptKindOf(fileName);
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const diagnostics = (sourceFile as unknown as WithParseDiagnostics).parseDiagnostics;
  if (diagnostics && diagnostics.length > 0) return false;
  // The parser accepts TypeScript syntax in JavaScript (`let x: T`); a program reports it.
  if (kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX) return javaScriptSyntaxIsClean(sourceFile);
  if (diagnostics) return true;
  // The parse diagnostics moved: fall back to the public (slower) route.
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { allowJs: true } });
  return (output.diagnostics ?? []).every((diagnostic) => diagnostic.category !== ts.DiagnosticCategory.Error);
}

function javaScriptSyntaxIsClean(sourceFile: ts.SourceFile): boolean {
  const options: ts.CompilerOptions = { allowJs: true, noLib: true, noResolve: true, types: [], noEmit: true };
  const host = ts.createCompilerHost(options);
  // The one root is the only file such a program asks for.
  host.getSourceFile = () => sourceFile;
  const program = ts.createProgram({ rootNames: [sourceFile.fileName], options, host });
  return program.getSyntacticDiagnostics(sourceFile).length === 0;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (lower.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
