import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes a file so that readers see the old or the new content, never a half-written one: the
 * text goes to a temporary file beside the target, is flushed to disk, then renamed over it.
 * The target's permissions are kept.
 */
export function writeFileAtomic(fileName: string, text: string): void {
  const directory = path.dirname(fileName);
  const temporary = path.join(directory, `.${path.basename(fileName)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(fileName).mode;
  } catch {
    mode = undefined;
  }
  const fd = fs.openSync(temporary, "w", mode);
  try {
    fs.writeFileSync(fd, text, "utf8");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, fileName);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
