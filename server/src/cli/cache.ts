/**
 * `--cache`: findings per file, reused only when nothing they can depend on changed.
 *
 * A file's entry is keyed by a hash of: the tool version and the running bundle's own bytes (the
 * engine and the rules), the TypeScript version, the working folder, the compiler options, root
 * files and project references of its program, the configuration that applies to the file (rules,
 * severities, options, include/exclude), the file's path, and **every answer the file system gave
 * while its program was created** (programInputs.ts): the text of every file of the program (its
 * own, the files it imports, type references, ambient declarations, lib files, the `.d.ts` files
 * of `node_modules`), every file and folder whose existence module resolution asked about (so a
 * new file that would shadow a resolution is seen), the folder listings of `@types`, real paths,
 * and the nearest package.json the engine reads for `bin`. The whole program is the dependency
 * closure used, a superset of every file's true closure: findings depend on files a file does not
 * import too (a blocking call is reported with the async callers that reach it, which import it;
 * a method is judged with its overrides in subclasses elsewhere), so a narrower closure would need
 * each cross-file rule's reverse dependencies. The cost: any change to a program's inputs re-lints
 * all of its files.
 *
 * Each project's recorded questions are kept next to the entries. A warm run asks them again
 * (stat and read calls, no parsing) before anything else: when every answer is the same, the
 * program would be the same, and every file's findings come from the cache without creating the
 * program or the type checker. Any different answer: the program is built (and recorded) as on a
 * cold run.
 *
 * A cache file that cannot be read or is not ours is ignored with a note; it is written
 * atomically, merged with the entries of other runs (other projects, other shards) whose files
 * still exist.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { ResolvedConfig } from "../engine/config";
import type { FileLintResult } from "../engine/linter";
import type { ProjectSpec } from "../engine/project";
import type { Finding } from "../engine/types";
import { KINDS, type RecordedQuestion } from "./programInputs";

/**
 * The file's shape. Entries are keyed by absolute file name, then by project (its tsconfig, or ""
 * for loose files): a file included by two projects is linted in the one `planProjects` picks
 * (`findDefaultProject`), but a run with another `-p` may pick another, and keeps its own entry.
 */
interface CacheFile {
  tool: "concurrency-lint";
  cacheVersion: 2;
  entries: Record<string, Record<string, CacheEntry>>;
  programs: Record<string, ProgramRecord>;
}

/**
 * A project's program as the last run that built it saw it: the hash of its spec, the key its
 * files' entries start from, its lintable source files, and the questions it asked.
 */
export interface ProgramRecord {
  spec: string;
  key: string;
  sources: string[];
  questions: RecordedQuestion[];
}

interface CacheEntry {
  key: string;
  findings: Finding[];
}

const DEFAULT_CACHE_LOCATION = path.join("node_modules", ".cache", "concurrency-lint");
const CACHE_FILE_NAME = "cache.json";

/**
 * Where the cache is: `location` (default `node_modules/.cache/concurrency-lint` in `cwd`) names a
 * folder (an existing one, or one written with a trailing separator), holding `cache.json`, or a file.
 */
export function cacheFileName(location: string | undefined, cwd: string): string {
  const given = location ?? DEFAULT_CACHE_LOCATION;
  const resolved = path.resolve(cwd, given);
  const isFolder =
    location === undefined || /[\\/]$/.test(given) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, CACHE_FILE_NAME) : resolved;
}

export class ResultCache {
  private readonly entries: Map<string, Map<string, CacheEntry>>;
  private readonly programs = new Map<string, ProgramRecord>();
  /** Notes for stderr (an unreadable cache). */
  readonly notes: string[] = [];
  hits = 0;
  misses = 0;
  /** Whether this run changed anything (a run served from the cache alone need not write it). */
  changed = false;

  constructor(
    readonly fileName: string,
    private readonly engine: string,
  ) {
    this.entries = this.read();
  }

  private read(): Map<string, Map<string, CacheEntry>> {
    let text: string;
    try {
      text = fs.readFileSync(this.fileName, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") this.ignore(`it cannot be read: ${code ?? String(error)}`);
      return new Map();
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return this.ignore("it is not valid JSON");
    }
    if (!isObject(data) || data.tool !== "concurrency-lint" || data.cacheVersion !== 2 || !isObject(data.entries) || !isObject(data.programs)) {
      return this.ignore("it is not a cache of this version of concurrency-lint");
    }
    for (const [project, record] of Object.entries(data.programs)) {
      if (!isProgramRecord(record)) {
        return this.ignore(`the program record of ${project || "loose files"} is damaged`);
      }
      this.programs.set(project, record);
    }
    const entries = new Map<string, Map<string, CacheEntry>>();
    for (const [file, byProject] of Object.entries(data.entries)) {
      if (!isObject(byProject)) return this.ignore(`the entry of ${file} is damaged`);
      const projects = new Map<string, CacheEntry>();
      for (const [project, entry] of Object.entries(byProject)) {
        if (!isObject(entry) || typeof entry.key !== "string" || !Array.isArray(entry.findings) || !entry.findings.every(isFinding)) {
          return this.ignore(`the entry of ${file} is damaged`);
        }
        projects.set(project, entry as unknown as CacheEntry);
      }
      entries.set(file, projects);
    }
    return entries;
  }

  private ignore(reason: string): Map<string, Map<string, CacheEntry>> {
    this.programs.clear();
    this.changed = true;
    this.notes.push(`ignoring the cache ${this.fileName} (${reason}); linting without it`);
    return new Map();
  }

  /**
   * What a program's key starts from: the engine, TypeScript, the working folder (relative names
   * resolve from it) and the spec. The recorded questions and their answers complete it.
   */
  specKey(spec: ProjectSpec, cwd: string): string {
    const hash = createHash("sha256");
    hash.update(`${this.engine}\0${ts.version}\0${cwd}\0`);
    hash.update(JSON.stringify([spec.configFile ?? null, spec.options, [...spec.rootNames].sort(), spec.projectReferences ?? null]));
    return hash.digest("hex");
  }

  /** The recorded program of a project (its tsconfig, or "" for loose files), when its spec is the same. */
  program(project: string, specKey: string): ProgramRecord | undefined {
    const record = this.programs.get(project);
    return record?.spec === specKey ? record : undefined;
  }

  setProgram(project: string, record: ProgramRecord | undefined): void {
    this.changed = true;
    if (record) this.programs.set(project, record);
    else this.programs.delete(project);
  }

  fileKey(programKey: string, fileName: string, config: ResolvedConfig): string {
    const rules = [...config.rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const settings = JSON.stringify([
      config.dir,
      config.requireSuppressionReason,
      config.honorPeerSuppressions,
      rules,
      config.include,
      config.exclude,
    ]);
    return createHash("sha256").update(`${programKey}\0${fileName}\0${settings}`).digest("hex");
  }

  /** The cached findings for this key, or undefined; counted. */
  get(fileName: string, project: string, key: string): Finding[] | undefined {
    const findings = this.peek(fileName, project, key);
    if (findings) this.hits++;
    else this.misses++;
    return findings;
  }

  /** The cached findings for this key, or undefined; not counted. */
  peek(fileName: string, project: string, key: string): Finding[] | undefined {
    const entry = this.entries.get(fileName)?.get(project);
    return entry?.key === key ? entry.findings : undefined;
  }

  /**
   * Records a file's result. Not kept: results with a crashed rule (incomplete), and files that
   * do not parse (a file that overflows the parser is an empty stand-in in the program; its
   * findings say nothing of its text).
   */
  set(result: FileLintResult, project: string, key: string): void {
    this.changed = true;
    const keep = result.internalErrors.length === 0 && !result.findings.some((finding) => finding.ruleId === "parse-error");
    let projects = this.entries.get(result.fileName);
    if (projects === undefined) this.entries.set(result.fileName, (projects = new Map<string, CacheEntry>()));
    if (keep) projects.set(project, { key, findings: result.findings });
    else projects.delete(project);
  }

  /** The text to write: every entry whose file still exists, in file-name order. */
  text(): string {
    const kept = [...this.entries].filter(([file, projects]) => projects.size > 0 && fs.existsSync(file));
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const entries = Object.fromEntries(kept.map(([file, projects]) => [file, Object.fromEntries(projects)]));
    const programs = Object.fromEntries([...this.programs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const data: CacheFile = { tool: "concurrency-lint", cacheVersion: 2, entries, programs };
    return JSON.stringify(data);
  }
}

/** The tool version and a hash of the running code (the bundle), so a rebuilt engine misses. */
export function engineKey(toolVersion: string, codeFile: string): string {
  let code = "";
  try {
    code = createHash("sha256").update(fs.readFileSync(codeFile)).digest("hex");
  } catch {
    code = "unknown";
  }
  return `${toolVersion}\0${code}`;
}

function isProgramRecord(value: unknown): value is ProgramRecord {
  return (
    isObject(value) &&
    typeof value.spec === "string" &&
    typeof value.key === "string" &&
    Array.isArray(value.sources) &&
    value.sources.every((name) => typeof name === "string") &&
    Array.isArray(value.questions) &&
    value.questions.every(
      (question) =>
        Array.isArray(question) &&
        question.length === 3 &&
        KINDS.has(question[0] as string) &&
        typeof question[1] === "string" &&
        (typeof question[2] === "string" || question[2] === null),
    )
  );
}

/** The fields the formats read, with their types: a damaged entry must not crash a format. */
function isFinding(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { ruleId, messageId, severity, message, fileName, start, end, range, related, fixes } = value;
  return (
    typeof ruleId === "string" &&
    typeof messageId === "string" &&
    (severity === "error" || severity === "warning" || severity === "info") &&
    typeof message === "string" &&
    typeof fileName === "string" &&
    typeof start === "number" &&
    typeof end === "number" &&
    isRange(range) &&
    Array.isArray(related) &&
    related.every((item) => isObject(item) && typeof item.fileName === "string" && typeof item.message === "string" && isRange(item.range)) &&
    Array.isArray(fixes) &&
    fixes.every((fix) => isObject(fix) && typeof fix.title === "string" && Array.isArray(fix.edits))
  );
}

function isRange(value: unknown): boolean {
  const isPosition = (position: unknown) =>
    isObject(position) && typeof position.line === "number" && typeof position.character === "number";
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
