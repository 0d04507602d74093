/**
 * The program's inputs: every question the compiler host and the engine asked the file system
 * while a program was created and linted, with its answer, so that a later run can ask them again
 * without creating the program.
 *
 * `ts.createProgram` is a function of its root names, options and project references (the spec,
 * hashed separately) and of the answers its host gives: whether a file or folder exists, a file's
 * text, a folder's listing, a real path, an environment variable. The engine reads one file
 * outside the host (the nearest package.json, for the command-line program folders), through
 * `readFile` here. Program creation is deterministic, so when every recorded question gets the
 * same answer again it asks no other question and builds the same program: every file's findings
 * are the recorded run's. A question whose answer differs (a file's text, a new file that now
 * shadows a module resolution, a deleted file, a new `@types` package folder) means the program
 * must be built. Texts are compared by hash, listings and the rest by value.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { Ts7SessionOptions } from "../engine/ts7/session";

/**
 * A question: its kind, the path or name it is about, and the arguments of a listing.
 * `getAccessibleEntries` is TypeScript 7's listing of a folder (the `ts7` engine's compiler asks
 * its file system questions through `InputRecorder.fileSystem7`).
 */
export type Kind = "fileExists" | "directoryExists" | "readFile" | "getDirectories" | "realpath" | "readDirectory" | "getEnvironmentVariable" | "getAccessibleEntries";

/** Every kind, for checking a stored recording. */
export const KINDS: ReadonlySet<string> = new Set<Kind>(["fileExists", "directoryExists", "readFile", "getDirectories", "realpath", "readDirectory", "getEnvironmentVariable", "getAccessibleEntries"]);

/** `[kind, subject, answer]`, as stored in the cache; a readFile answer is a hash, or null for a missing file. */
export type RecordedQuestion = [kind: Kind, subject: string, answer: string | null];

/** The host functions the compiler and the engine read through; any of them can be absent. */
type Asker = Pick<ts.CompilerHost, "fileExists" | "readFile" | "directoryExists" | "getDirectories" | "realpath" | "readDirectory" | "getEnvironmentVariable">;

function hashText(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}

const SEPARATOR = "\0";

/** Asks one recorded question again, through a host; the answer in its recorded form. */
function ask(host: Asker, kind: Kind, subject: string): string | null {
  switch (kind) {
    case "fileExists":
      return host.fileExists(subject) ? "1" : "0";
    case "directoryExists":
      return host.directoryExists?.(subject) ? "1" : "0";
    case "readFile": {
      const text = host.readFile(subject);
      return text === undefined ? null : hashText(text);
    }
    case "getDirectories":
      return JSON.stringify(host.getDirectories?.(subject) ?? null);
    case "realpath":
      return host.realpath?.(subject) ?? null;
    case "readDirectory": {
      const [root, extensions, excludes, includes, depth] = JSON.parse(subject) as [string, string[], string[] | undefined, string[], number | undefined];
      return JSON.stringify(host.readDirectory?.(root, extensions, excludes, includes, depth) ?? null);
    }
    case "getEnvironmentVariable":
      return host.getEnvironmentVariable?.(subject) ?? null;
    case "getAccessibleEntries":
      return JSON.stringify(accessibleEntries(subject));
  }
}

/**
 * A folder's files and folders, as TypeScript 7's own file system lists them: symbolic links
 * followed (a dangling one is neither), names sorted; empty when the folder cannot be read.
 */
export function accessibleEntries(folder: string): { files: string[]; directories: string[] } {
  const files: string[] = [];
  const directories: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return { files, directories };
  }
  for (const entry of entries) {
    let kind: { isFile(): boolean; isDirectory(): boolean } = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = fs.statSync(path.join(folder, entry.name));
      } catch {
        continue;
      }
    }
    if (kind.isFile()) files.push(entry.name);
    else if (kind.isDirectory()) directories.push(entry.name);
  }
  return { files: files.sort(), directories: directories.sort() };
}

/**
 * Records the questions asked through a compiler host (`wrap`) and the engine's own reads
 * (`readFile`). `seal()` gives the key of the questions asked so far, which cached findings are
 * looked up by; questions first asked later (TypeScript 6's program built for a question the
 * `ts7` engine leaves to its checker) are recorded too, and `key()` at the end covers them all:
 * the run's findings are stored under it. A question asked twice with different answers (a file
 * changed during the run) sets `changed`, and the caller keeps nothing of the run.
 */
export class InputRecorder {
  private readonly answers = new Map<string, RecordedQuestion>();
  private sealed = false;
  /** The first question asked after `seal()`, if any (for `--debug`). */
  late: string | undefined;
  /** A question asked twice with different answers, if any: the recording describes no one state of the disk. */
  changed: string | undefined;

  /** Replaces the host's file system functions with recording ones (before anything captures them). */
  wrap(host: ts.CompilerHost): void {
    const base: Asker = {
      fileExists: host.fileExists.bind(host),
      readFile: host.readFile.bind(host),
      directoryExists: host.directoryExists?.bind(host),
      getDirectories: host.getDirectories?.bind(host),
      realpath: host.realpath?.bind(host),
      readDirectory: host.readDirectory?.bind(host),
      getEnvironmentVariable: host.getEnvironmentVariable?.bind(host),
    };
    host.fileExists = (fileName) => this.note("fileExists", fileName, base.fileExists(fileName) ? "1" : "0") === "1";
    host.readFile = (fileName) => this.read(base, fileName);
    if (base.directoryExists) {
      const directoryExists = base.directoryExists;
      host.directoryExists = (name) => this.note("directoryExists", name, directoryExists(name) ? "1" : "0") === "1";
    }
    if (base.getDirectories) {
      const getDirectories = base.getDirectories;
      host.getDirectories = (name) => {
        const listing = getDirectories(name);
        this.note("getDirectories", name, JSON.stringify(listing));
        return listing;
      };
    }
    if (base.realpath) {
      const realpath = base.realpath;
      host.realpath = (name) => {
        const real = realpath(name);
        this.note("realpath", name, real);
        return real;
      };
    }
    if (base.readDirectory) {
      const readDirectory = base.readDirectory;
      host.readDirectory = (root, extensions, excludes, includes, depth) => {
        const listing = readDirectory(root, extensions, excludes, includes, depth);
        this.note("readDirectory", JSON.stringify([root, extensions, excludes, includes, depth]), JSON.stringify(listing));
        return listing;
      };
    }
    if (base.getEnvironmentVariable) {
      const getEnvironmentVariable = base.getEnvironmentVariable;
      host.getEnvironmentVariable = (name) => {
        const value = getEnvironmentVariable(name);
        this.note("getEnvironmentVariable", name, value ?? null);
        return value;
      };
    }
  }

  /**
   * The file system TypeScript 7's compiler asks through (the `ts7` engine), recording each
   * question: every answer comes from here (never `undefined`, which would let the compiler ask
   * the disk unseen), computed as `replay` computes it again.
   */
  fileSystem7(): NonNullable<Ts7SessionOptions["fs"]> {
    const sys = ts.sys;
    return {
      readFile: (fileName) => this.readFile(fileName) ?? null,
      fileExists: (fileName) => this.note("fileExists", fileName, sys.fileExists(fileName) ? "1" : "0") === "1",
      directoryExists: (name) => this.note("directoryExists", name, sys.directoryExists(name) ? "1" : "0") === "1",
      realpath: (name) => {
        const real = sys.realpath ? sys.realpath(name) : name;
        this.note("realpath", name, real);
        return real;
      },
      getAccessibleEntries: (folder) => {
        const entries = accessibleEntries(folder);
        this.note("getAccessibleEntries", folder, JSON.stringify(entries));
        return entries;
      },
    };
  }

  /** A file the engine reads as data (a package.json), recorded like the host's reads. */
  readonly readFile = (fileName: string): string | undefined => this.read({ readFile: (name) => ts.sys.readFile(name) }, fileName);

  private read(base: Pick<Asker, "readFile">, fileName: string): string | undefined {
    const text = base.readFile(fileName);
    this.note("readFile", fileName, text === undefined ? null : hashText(text));
    return text;
  }

  private note<T extends string | null>(kind: Kind, subject: string, answer: T): T {
    const key = kind + SEPARATOR + subject;
    const known = this.answers.get(key);
    if (!known) {
      if (this.sealed) this.late ??= `${kind} ${subject}`;
      this.answers.set(key, [kind, subject, answer]);
    } else if (known[2] !== answer) {
      // Changed while the program was created: the recording describes no one state of the disk.
      this.changed ??= `${kind} ${subject}`;
    }
    return answer;
  }

  /** The key of the questions asked so far (cached findings are looked up by it); later questions are still recorded. */
  seal(prefix: string): string {
    this.sealed = true;
    return inputsKey(prefix, this.questions());
  }

  /** The key of every question asked (`seal`'s key when none came after it): the run's findings are stored under it. */
  key(prefix: string): string {
    return inputsKey(prefix, this.questions());
  }

  questions(): RecordedQuestion[] {
    return [...this.answers.values()];
  }
}

/**
 * The hash of a spec's prefix and a recording, whatever the order the questions were asked in
 * (TypeScript 7's compiler asks from several threads: the same questions, in another order).
 */
export function inputsKey(prefix: string, questions: readonly RecordedQuestion[]): string {
  const hash = createHash("sha256").update(prefix);
  const lines = questions.map(([kind, subject, answer]) => `${SEPARATOR}${kind}${SEPARATOR}${subject}${SEPARATOR}${answer ?? "\u0001"}`);
  for (const line of lines.sort()) hash.update(line);
  return hash.digest("hex");
}

/** What `replay` found: every answer the same (with the texts of `wanted` files), or the first that differs. */
export type Replay = { same: true; texts: Map<string, string> } | { same: false; difference: string };

/**
 * Asks every recorded question again through a fresh compiler host for `options` (the functions
 * the program's host would call) and ts.sys for the engine's reads (the same functions the
 * host's call). Stops at the first different answer. Keeps the texts of the `wanted` files.
 */
export function replay(questions: readonly RecordedQuestion[], options: ts.CompilerOptions, wanted: ReadonlySet<string>): Replay {
  const host = ts.createCompilerHost(options, false);
  const texts = new Map<string, string>();
  const keeping: Asker = {
    ...host,
    readFile: (fileName) => {
      const text = host.readFile(fileName);
      if (text !== undefined && wanted.has(fileName)) texts.set(fileName, text);
      return text;
    },
  };
  for (const [kind, subject, answer] of questions) {
    const now = ask(kind === "readFile" || kind === "fileExists" ? keeping : host, kind, subject);
    if (now !== answer) return { same: false, difference: describeDifference(kind, subject, answer, now) };
  }
  return { same: true, texts };
}

function describeDifference(kind: Kind, subject: string, was: string | null, now: string | null): string {
  switch (kind) {
    case "fileExists":
      return `${subject} ${now === "1" ? "now exists" : "no longer exists"}`;
    case "directoryExists":
      return `the folder ${subject} ${now === "1" ? "now exists" : "no longer exists"}`;
    case "readFile":
      return was === null ? `${subject} now exists` : now === null ? `${subject} no longer exists` : `${subject} changed`;
    case "getDirectories":
      return `the folders in ${subject} changed`;
    case "realpath":
      return `the real path of ${subject} changed (${was ?? "none"} -> ${now ?? "none"})`;
    case "readDirectory":
      return `the listing of ${(JSON.parse(subject) as string[])[0]} changed`;
    case "getAccessibleEntries":
      return `the files or folders in ${subject} changed`;
    case "getEnvironmentVariable":
      return `the environment variable ${subject} changed`;
  }
}
