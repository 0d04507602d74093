import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes a file so that readers see the old or the new content, never a half-written one: the
 * text goes to a temporary file beside the target, is flushed to disk, then renamed over it.
 * The target's permissions are kept, and a symbolic link is written through, not replaced.
 */
export function writeFileAtomic(fileName: string, text: string): void {
  let target = fileName;
  let mode: number | undefined;
  try {
    target = fs.realpathSync(fileName);
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(temporary, "wx", mode ?? 0o666);
  try {
    try {
      // `open` applies the umask; the target's mode is set explicitly.
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.writeFileSync(fd, text, "utf8");
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
