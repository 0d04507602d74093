/**
 * `--shard <i>/<n>`: which files this run reports, so that n CI jobs split a project between them.
 * The split depends only on the files' paths (relative to the working directory, with `/`) and
 * sizes, so every machine and every run computes the same one. Each shard still builds the whole
 * program (types and cross-file rules see every file); only the files linted and reported are split.
 */
import * as fs from "node:fs";
import { portablePath } from "./formatters/shared";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n`; undefined when the text is not two whole numbers with 1 <= i <= n. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || index < 1 || index > count) return undefined;
  return { index, count };
}

/**
 * The files of shard `shard.index`: every file goes to exactly one shard. Largest files first
 * (ties: path order, by code unit, the same in every locale), each to the shard with the fewest
 * bytes so far (ties: the lowest shard), which balances the shards by size. A file counts its
 * bytes with CR LF read as LF, so a Windows checkout splits like a Linux one; an unreadable file
 * counts 0 (it is reported when linted).
 */
export function filesOfShard(
  files: readonly string[],
  shard: Shard,
  cwd: string,
  sizeOf: (file: string) => number = normalizedSize,
): Set<string> {
  const unique = [...new Set(files)].map((file) => ({ file, key: portablePath(cwd, file), size: sizeOf(file) }));
  unique.sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Shards are filled in order (an empty one is taken only when every lower one is taken), so
  // shards past the number of files stay empty and need no slot.
  const loads = new Array<number>(Math.min(shard.count, unique.length)).fill(0);
  const mine = new Set<string>();
  for (const { file, size } of unique) {
    let lightest = 0;
    for (let i = 1; i < loads.length; i++) if ((loads[i] ?? 0) < (loads[lightest] ?? 0)) lightest = i;
    loads[lightest] = (loads[lightest] ?? 0) + size;
    if (lightest === shard.index - 1) mine.add(file);
  }
  return mine;
}

function normalizedSize(file: string): number {
  try {
    const bytes = fs.readFileSync(file);
    let carriageReturnsBeforeLineFeeds = 0;
    for (let i = bytes.indexOf(13); i !== -1 && i < bytes.length; i = bytes.indexOf(13, i + 1)) {
      if (bytes[i + 1] === 10) carriageReturnsBeforeLineFeeds++;
    }
    return bytes.length - carriageReturnsBeforeLineFeeds;
  } catch {
    return 0;
  }
}
