/**
 * Lines as editors count them. LSP, VS Code, GitHub and SARIF viewers end a line at CR LF, LF or
 * CR only; TypeScript's own line map (`getLineAndCharacterOfPosition`) also ends one at U+2028 and
 * U+2029, so after such a character (legal in strings and comments) its line numbers run ahead
 * of what the reader sees. Every position the engine reports (findings, related locations,
 * suppression targets) comes from here, so reports, suppressions and editor edits agree.
 */
import type * as ts from "typescript";
import type { Position, Range } from "./types";

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        i++;
        this.starts.push(i + 1);
      } else if (ch === 0x0a || ch === 0x0d) {
        this.starts.push(i + 1);
      }
    }
  }

  /** The 0-based line and UTF-16 character of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  /** The text of a 0-based line without its terminator; "" past the end. */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return "";
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 0x0a || this.text.charCodeAt(end - 1) === 0x0d)) end--;
    return this.text.slice(start, end);
  }
}

const indexes = new WeakMap<ts.SourceFile, LineIndex>();

/** The line index of a source file, built once per source file object. */
function lineIndexOf(sourceFile: ts.SourceFile): LineIndex {
  let index = indexes.get(sourceFile);
  if (!index) {
    index = new LineIndex(sourceFile.text);
    indexes.set(sourceFile, index);
  }
  return index;
}

export function positionOf(sourceFile: ts.SourceFile, offset: number): Position {
  return lineIndexOf(sourceFile).positionAt(offset);
}

export function rangeOf(sourceFile: ts.SourceFile, start: number, end: number): Range {
  const index = lineIndexOf(sourceFile);
  return { start: index.positionAt(start), end: index.positionAt(end) };
}
