/**
 * The language server class in-process, with no transport: a fake ServerHost records what the
 * server sends, a Map of TextDocuments stands in for the editor. Every case builds its own small
 * project in a temporary folder, so what is on disk is exactly what the case says.
 *
 * The server debounces pushes (150 ms) and refreshes (250 ms); the tests wait for the recorded
 * host call itself, with a timeout, never for a fixed time.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it, type TestContext } from "node:test";
import { pathToFileURL } from "node:url";
import * as ts from "typescript";
import {
  CancellationTokenSource,
  type CodeAction,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentDiagnosticReport,
  FileChangeType,
  type FileEvent,
  type InitializeResult,
  LSPErrorCodes,
  type Range,
  ResponseError,
  type TextDocumentEdit,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { ConcurrencyLintServer, type DocumentStore, type ProgressReporter, type ServerHost } from "../../server/src/lsp/server";
import { FIX_ALL_KIND, type Settings, SHOW_DOCUMENTATION_COMMAND, type StatusParams } from "../../server/src/protocol";
import { allRules, docsUrl } from "../../server/src/rules";
import type { AnyRule } from "../../server/src/engine/types";
import { ts7Stats } from "../../server/src/engine/ts7/ts7TypeOracle";
import { floatingPromise } from "../../server/src/rules/floating-promise";
import { unusedSuppression } from "../../server/src/rules/unused-suppression";
import { blocksThatOverflowTheBinder } from "../helpers/deepBlocks";

const WAIT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Harness

type HostCall =
  | { kind: "publish"; uri: string; diagnostics: Diagnostic[]; version: number | undefined }
  | { kind: "refresh" }
  | { kind: "showDocument"; url: string }
  | { kind: "status"; params: StatusParams }
  | { kind: "log"; level: "info" | "warn" | "error"; message: string }
  | { kind: "showError"; message: string }
  | { kind: "showWarning"; message: string }
  | { kind: "progress"; title: string };

type CallOf<K extends HostCall["kind"]> = Extract<HostCall, { kind: K }>;

/** Records every call; `next` resolves on the first matching call made after it was asked for. */
class FakeHost implements ServerHost {
  readonly calls: HostCall[] = [];
  readonly settingsRequests: string[] = [];
  settings: (uri: string) => Partial<Settings> | undefined = () => undefined;
  private readonly waiters = new Set<{ from: number; match: (call: HostCall) => boolean; resolve: (call: HostCall) => void }>();

  getSettings(uri: string): Promise<Partial<Settings> | undefined> {
    this.settingsRequests.push(uri);
    return Promise.resolve(this.settings(uri));
  }
  publishDiagnostics(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.record({ kind: "publish", uri, diagnostics, version });
  }
  refreshDiagnostics(): void {
    this.record({ kind: "refresh" });
  }
  showDocument(url: string): Promise<void> {
    this.record({ kind: "showDocument", url });
    return Promise.resolve();
  }
  status(params: StatusParams): void {
    this.record({ kind: "status", params });
  }
  log(level: "info" | "warn" | "error", message: string): void {
    this.record({ kind: "log", level, message });
  }
  showError(message: string): void {
    this.record({ kind: "showError", message });
  }
  showWarning(message: string): void {
    this.record({ kind: "showWarning", message });
  }
  progress(title: string): Promise<ProgressReporter> {
    this.record({ kind: "progress", title });
    return Promise.resolve({ report() {}, done() {} });
  }

  of<K extends HostCall["kind"]>(kind: K): CallOf<K>[] {
    return this.calls.filter((call): call is CallOf<K> => call.kind === kind);
  }

  /** The first call of `kind` matching `predicate` recorded from now on; rejects after a timeout. */
  next<K extends HostCall["kind"]>(kind: K, predicate: (call: CallOf<K>) => boolean = () => true): Promise<CallOf<K>> {
    return new Promise((resolve, reject) => {
      const waiter = {
        from: this.calls.length,
        match: (call: HostCall) => call.kind === kind && predicate(call as CallOf<K>),
        resolve: (call: HostCall) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call as CallOf<K>);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${kind} call within ${WAIT_MS} ms; calls: ${JSON.stringify(this.calls.map((c) => c.kind))}`));
      }, WAIT_MS);
      this.waiters.add(waiter);
    });
  }

  private record(call: HostCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) if (waiter.match(call)) waiter.resolve(call);
  }
}

class MapDocumentStore implements DocumentStore {
  readonly map = new Map<string, TextDocument>();
  get(uri: string): TextDocument | undefined {
    return this.map.get(uri);
  }
  all(): TextDocument[] {
    return [...this.map.values()];
  }
}

let tempRoot = "";

before(() => {
  // realpath: on some systems the temp folder is a symlink, and TypeScript reports real paths.
  tempRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-lsp-server-")));
});
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["es2022"],
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ["src/**/*.ts"],
});

const COMPILER_OPTIONS = (JSON.parse(TSCONFIG) as { compilerOptions: object }).compilerOptions;

let projectCount = 0;

/** A project folder with these files (and a tsconfig unless one is given). */
async function makeProject(files: Record<string, string>): Promise<string> {
  const root = path.join(tempRoot, `p${++projectCount}`);
  for (const [relative, text] of Object.entries({ "tsconfig.json": TSCONFIG, ...files })) {
    await fs.promises.mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await fs.promises.writeFile(path.join(root, relative), text);
  }
  return root;
}

interface SessionOptions {
  /** Whether the client declares pull diagnostics (default true). */
  pull?: boolean;
  settings?: (uri: string) => Partial<Settings> | undefined;
  /** Stands in for the ts7 engine's availability check (a VSIX or install without TypeScript 7). */
  ts7Unavailable?: () => string | undefined;
}

/** One server over one project, driven the way the connection would drive it. */
class Session {
  readonly host = new FakeHost();
  readonly documents = new MapDocumentStore();
  readonly server: ConcurrencyLintServer;
  readonly initializeResult: InitializeResult;

  constructor(
    readonly root: string,
    /** The files the project was created with, by relative path. */
    private readonly files: Record<string, string>,
    options: SessionOptions = {},
  ) {
    if (options.settings) this.host.settings = options.settings;
    this.server = new ConcurrencyLintServer(this.host, this.documents, options.ts7Unavailable);
    const pull = options.pull ?? true;
    this.initializeResult = this.server.initialize({
      processId: null,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
        ...(pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {}),
      },
    });
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  /** Opens a file with the given text, or the text it was created with. Returns its URI. */
  open(relative: string, text?: string): string {
    const uri = this.uri(relative);
    const content = text ?? this.files[relative];
    assert.ok(content !== undefined, `${relative} is not a file of this project`);
    const document = TextDocument.create(uri, "typescript", 1, content);
    this.documents.map.set(uri, document);
    this.server.didOpen(document);
    return uri;
  }

  /** Applies incremental changes as the editor would, bumping the version. */
  edit(uri: string, changes: TextDocumentContentChangeEvent[]): TextDocument {
    const document = this.documents.map.get(uri);
    assert.ok(document, `${uri} is not open`);
    const updated = TextDocument.update(document, changes, document.version + 1);
    this.documents.map.set(uri, updated);
    this.server.didChange(updated);
    return updated;
  }

  /** Replaces the first occurrence of `search` (an incremental change of just that range). */
  replace(uri: string, search: string, replacement: string): TextDocument {
    const document = this.documents.map.get(uri)!;
    const offset = document.getText().indexOf(search);
    assert.ok(offset >= 0, `"${search}" not found in ${uri}`);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
    return this.edit(uri, [{ range, text: replacement }]);
  }

  text(uri: string): string {
    return this.documents.map.get(uri)!.getText();
  }

  save(uri: string): void {
    this.server.didSave(this.documents.map.get(uri)!);
  }

  close(uri: string): void {
    const document = this.documents.map.get(uri)!;
    this.documents.map.delete(uri);
    this.server.didClose(document);
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.server.pullDiagnostics(uri, previousResultId);
  }

  /** The items of a full report (fails on an unchanged one). */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    assert.equal(report.kind, "full");
    return report.kind === "full" ? report.items : [];
  }

  /** `line:col code` (1-based), for the cases that are about which findings, not their shape. */
  async summary(uri: string): Promise<string[]> {
    return (await this.diagnostics(uri)).map(brief);
  }

  codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    return this.server.codeActions({
      textDocument: { uri },
      range,
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
  }

  dispose(): void {
    this.server.dispose();
  }
}

async function startSession(t: TestContext, files: Record<string, string>, options?: SessionOptions): Promise<Session> {
  const session = new Session(await makeProject(files), files, options);
  t.after(() => session.dispose());
  return session;
}

/** A watched-file event of each kind, as the client sends them. */
const changed = (uri: string): FileEvent => ({ uri, type: FileChangeType.Changed });
const created = (uri: string): FileEvent => ({ uri, type: FileChangeType.Created });
const deleted = (uri: string): FileEvent => ({ uri, type: FileChangeType.Deleted });

/** The TypeScript 7 compiler processes this test process started and that still run (Linux: `/proc`). */
function ts7Processes(): number[] {
  return fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      // The API starts the compiler with `--api`; a process that ended has no command line.
      return parent === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").includes("--api") ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(condition(), `timed out waiting: ${what}`);
}

function brief(diagnostic: Diagnostic): string {
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(diagnostic.code)}`;
}

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** The text after applying a code action's single versioned document edit. */
function applyAction(document: TextDocument, action: CodeAction | undefined): string {
  assert.ok(action, "code action not offered");
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, "expected one document change");
  const change = changes[0] as TextDocumentEdit;
  assert.equal(change.textDocument.uri, document.uri);
  assert.equal(change.textDocument.version, document.version, "edit computed for another version");
  const edits = change.edits.map((edit) => {
    assert.ok("newText" in edit, "a snippet edit where a text edit was expected");
    return { range: edit.range, newText: edit.newText };
  });
  return TextDocument.applyEdits(document, edits);
}

async function rejectsWith(promise: Promise<unknown>, code: number, data?: unknown): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (data !== undefined) assert.deepEqual(error.data, data);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Fixtures. The line comments are 0-based lines (LSP ranges); `brief` strings are 1-based, like
// the CLI's output.

const JOBS = [
  "export async function send(id: string): Promise<void> {", // 0
  '  if (id === "") throw new Error("empty id");', // 1
  "}", // 2
  "", // 3
  "export async function run(id: string): Promise<void> {", // 4
  "  send(id);", // 5
  "}", // 6
  "", // 7
  "export async function later(id: string, skip: boolean): Promise<void> {", // 8
  "  const pending = send(id);", // 9
  "  if (skip) return;", // 10
  "  await pending;", // 11
  "}", // 12
  "",
].join("\n");

// The test projects are typed without @types/node, so the message does not say that Node.js exits.
const FLOATING_MESSAGE = floatingPromise.meta.messages.floating.replace(
  "{{rejection}}",
  "it is reported as an unhandled rejection, in a browser as an `Uncaught (in promise)` console error",
);
const LOCAL_DROPPED_MESSAGE = floatingPromise.meta.messages.localDropped
  .replace("{{name}}", "pending")
  .replace("{{how}}", "the function returns");
const FLOATING_DOCS = docsUrl("floating-promise");

/** b.ts uses a function of a.ts as a statement: a finding exactly when `load` returns a promise. */
const CROSS_FILE = {
  // `JSON.parse` can throw: once `load` is async its promise can reject (a body that cannot is not reported).
  "src/a.ts": 'export function load(): number {\n  return JSON.parse("1");\n}\n',
  "src/b.ts": 'import { load } from "./a.js";\n\nexport async function main(): Promise<void> {\n  load();\n}\n',
};

const STALE = [
  "export async function save(): Promise<void> { throw new Error(\"offline\"); }", // 0 (it can reject: an empty body could not)
  "", // 1
  "export async function onClick(): Promise<void> {", // 2
  "  // concurrency-lint-disable-next-line floating-promise -- save() used to float", // 3
  "  await save();", // 4
  "  await save(); // concurrency-lint-disable-line floating-promise -- same", // 5
  "  save();", // 6
  "}", // 7
  "",
].join("\n");

// ---------------------------------------------------------------------------------------------

describe("initialize", () => {
  it("offers pull diagnostics when the client declares them", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    assert.deepEqual(session.initializeResult, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        diagnosticProvider: { identifier: "concurrency-lint", interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: ["quickfix", FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
      },
      serverInfo: { name: "concurrency-lint" },
    });
    assert.equal(session.server.usesPullDiagnostics, true);
  });

  it("offers no diagnosticProvider when the client cannot pull", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { pull: false });
    assert.equal(session.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.equal(session.server.usesPullDiagnostics, false);
  });
});

describe("pull diagnostics", () => {
  it("reports every finding with code, range, severity, source, docs link and related locations", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    const report = await session.pull(uri);
    assert.equal(report.kind, "full");
    assert.ok(report.kind === "full" && typeof report.resultId === "string");
    assert.deepEqual(report.items, [
      {
        range: range(5, 2, 5, 10),
        severity: DiagnosticSeverity.Warning,
        source: "concurrency-lint",
        code: "floating-promise",
        codeDescription: { href: FLOATING_DOCS },
        message: FLOATING_MESSAGE,
        relatedInformation: [],
        data: { version: 1, index: 0 },
      },
      {
        range: range(9, 8, 9, 15),
        severity: DiagnosticSeverity.Warning,
        source: "concurrency-lint",
        code: "floating-promise",
        codeDescription: { href: FLOATING_DOCS },
        message: LOCAL_DROPPED_MESSAGE,
        relatedInformation: [{ location: { uri, range: range(10, 12, 10, 19) }, message: "`pending` is dropped here: the function returns." }],
        data: { version: 1, index: 1 },
      },
    ]);
    const status = session.host.of("status").at(-1)?.params;
    assert.equal(status?.state, "ok");
    assert.equal(status?.problems, 2);
  });

  it("follows incremental changes and answers `unchanged` when nothing changed", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    const first = await session.pull(uri);
    assert.ok(first.kind === "full" && first.resultId);

    const again = await session.pull(uri, first.resultId);
    assert.deepEqual(again, { kind: "unchanged", resultId: first.resultId });

    session.edit(uri, [{ range: range(5, 2, 5, 2), text: "await " }]);
    assert.equal(session.text(uri).split("\n")[5], "  await send(id);");
    const fixed = await session.pull(uri, first.resultId);
    assert.equal(fixed.kind, "full");
    assert.deepEqual(fixed.kind === "full" ? fixed.items.map(brief) : [], ["10:9 floating-promise"]);

    session.edit(uri, [{ range: range(5, 2, 5, 8), text: "" }]);
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
  });

  it("analyses the editor's unsaved text, not the file on disk", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts", JOBS.replace("  send(id);", "  await send(id);").replace("if (skip) return;", "if (skip) return pending;"));
    assert.deepEqual(await session.summary(uri), []);

    const onDisk = JOBS.replace("  send(id);", "  await send(id);");
    await fs.promises.writeFile(path.join(session.root, "src/jobs.ts"), onDisk);
    session.replace(uri, "await send(id);", "send(id);");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise"]);
  });

  it("returns no diagnostics for a document that is not open", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    assert.deepEqual(await session.pull(session.uri("src/jobs.ts")), { kind: "full", items: [] });
  });
});

describe("concurrencyLint.engine: ts7 (experimental)", () => {
  it("answers as ts6 on the editor's unsaved text, edit after edit (TypeScript 7 answering the ported questions)", async (t) => {
    ts7Stats.clear();
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => ({ engine: "ts7" }) });
    const uri = session.open("src/jobs.ts", JOBS.replace("  send(id);", "  await send(id);"));
    assert.deepEqual(await session.summary(uri), ["10:9 floating-promise"]);
    session.replace(uri, "await send(id);", "send(id);");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
    // `send` is no promise any more: only TypeScript 7, which reads the unsaved text, can tell.
    session.replace(uri, "export async function send(id: string): Promise<void> {", "export function send(id: string): number {\n  return 1;");
    assert.deepEqual(await session.summary(uri), []);
    assert.deepEqual(session.host.of("log").filter((call) => call.level === "error"), []);
    assert.ok((ts7Stats.get("promiseStatus")?.ts7 ?? 0) > 0, JSON.stringify([...ts7Stats]));
  });

  it("where TypeScript 7 cannot run (the universal VSIX), lints with ts6 and says so once, with what to install", async (t) => {
    const problem = "the ts7 engine (experimental) cannot load TypeScript 7's compiler for linux-x64 (stand-in); linting with ts6. To use ts7: ...";
    let probes = 0;
    const session = await startSession(t, { "src/jobs.ts": JOBS }, {
      settings: () => ({ engine: "ts7" }),
      ts7Unavailable: () => {
        probes++;
        return problem;
      },
    });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"], "ts6's findings");
    session.replace(uri, "  send(id);", "  await send(id);");
    assert.deepEqual(await session.summary(uri), ["10:9 floating-promise"]);
    assert.deepEqual(session.host.of("showWarning").map((call) => call.message), [problem], "shown once, not on every edit");
    assert.deepEqual(session.host.of("log").filter((call) => call.level === "error").map((call) => call.message), [problem]);
    assert.equal(probes, 1, "checked once per server");
  });

  it("one TypeScript 7 process for the workspace: two tsconfigs take turns, edits in one leave the other's findings right", async (t) => {
    const before = ts7Processes();
    const files = { "a/tsconfig.json": TSCONFIG, "a/src/jobs.ts": JOBS, "b/tsconfig.json": TSCONFIG, "b/src/jobs.ts": JOBS };
    const session = await startSession(t, files, { settings: () => ({ engine: "ts7" }) });
    const a = session.open("a/src/jobs.ts");
    const b = session.open("b/src/jobs.ts");
    assert.deepEqual(await session.summary(a), ["6:3 floating-promise", "10:9 floating-promise"]);
    assert.deepEqual(await session.summary(b), ["6:3 floating-promise", "10:9 floating-promise"]);
    // An edit in b: a new snapshot for the workspace; a's program did not change, its types must follow the snapshot.
    session.replace(b, "export async function send(id: string): Promise<void> {", "export function send(id: string): number {\n  return 1;");
    assert.deepEqual(await session.summary(b), []);
    assert.deepEqual(await session.summary(a), ["6:3 floating-promise", "10:9 floating-promise"]);
    session.replace(a, "  send(id);", "  await send(id);");
    assert.deepEqual(await session.summary(a), ["10:9 floating-promise"]);
    assert.deepEqual(await session.summary(b), []);
    const started = ts7Processes().filter((pid) => !before.includes(pid));
    assert.equal(started.length, 1, `one compiler process for both projects, not ${started.length}`);
    assert.deepEqual(session.host.of("log").filter((call) => call.level === "error"), []);
    session.dispose();
    await waitFor(() => ts7Processes().filter((pid) => started.includes(pid)).length === 0, "the process ends with the server");
  });

  it("restarts TypeScript 7's process when it died, and the findings stay right", async (t) => {
    const before = ts7Processes();
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => ({ engine: "ts7" }) });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
    const [pid] = ts7Processes().filter((each) => !before.includes(each));
    assert.ok(pid !== undefined, "a compiler process");
    process.kill(pid, "SIGKILL");
    await waitFor(() => !ts7Processes().includes(pid), "the process is gone");
    session.replace(uri, "  send(id);", "  await send(id);");
    assert.deepEqual(await session.summary(uri), ["10:9 floating-promise"]);
    assert.deepEqual(session.host.of("log").filter((call) => call.level === "warn").map((call) => call.message), ["TypeScript 7's compiler stopped; restarting it"]);
    assert.equal(ts7Processes().filter((each) => !before.includes(each)).length, 1, "a new process in place of the dead one");
  });

  it("honours cancellation between TypeScript 7's questions, and answers again afterwards", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => ({ engine: "ts7" }) });
    const uri = session.open("src/jobs.ts");
    // Two checkpoints before the analysis and the runner's check per file pass; the next check is
    // the session's, before its first question to TypeScript 7 (the file is far below the
    // runner's 2,048 nodes between checks, so nothing else would notice).
    let checks = 0;
    const token = {
      get isCancellationRequested() {
        return ++checks > 3;
      },
      onCancellationRequested: () => ({ dispose: () => undefined }),
    };
    await rejectsWith(session.server.pullDiagnostics(uri, undefined, token), LSPErrorCodes.RequestCancelled);
    assert.equal(checks, 4, "cancelled at the 4th check");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
  });

  it("with ts6 chosen, never looks for TypeScript 7", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, {
      settings: () => ({ engine: "ts6" }),
      ts7Unavailable: () => assert.fail("ts7 probed"),
    });
    assert.deepEqual(await session.summary(session.open("src/jobs.ts")), ["6:3 floating-promise", "10:9 floating-promise"]);
    assert.deepEqual(session.host.of("showWarning"), []);
  });
});

describe("@types: those the project's own TypeScript would include, as in the CLI", () => {
  const fixture = (typescriptVersion: string): Record<string, string> => {
    const dir = path.resolve(__dirname, "..", "fixtures", "projects", "types", "ts5");
    const read = (relative: string) => fs.readFileSync(path.join(dir, relative), "utf8");
    return {
      "tsconfig.json": read("tsconfig.json"),
      "src/read.ts": read("src/read.ts"),
      "node_modules/@types/fake-node/index.d.ts": read("node_modules/@types/fake-node/index.d.ts"),
      "node_modules/@types/fake-node/package.json": read("node_modules/@types/fake-node/package.json"),
      "node_modules/typescript/package.json": JSON.stringify({ name: "typescript", version: typescriptVersion }),
    };
  };
  for (const [version, expected, packages] of [
    ["5.9.3", ["4:3 floating-promise"], "fake-node"],
    ["6.0.2", [], "none"],
  ] as const) {
    it(`TypeScript ${version} installed, no types in the tsconfig: ${packages}`, async (t) => {
      const session = await startSession(t, fixture(version));
      const uri = session.open("src/read.ts");
      assert.deepEqual(await session.summary(uri), expected);
      const logged = session.host.of("log").find((call) => call.message.startsWith("@types for"));
      assert.equal(logged?.message.startsWith(`@types for ${session.root}/tsconfig.json: ${packages} (TypeScript ${version} (`), true, logged?.message);
    });
  }
});

describe("cross-file freshness", () => {
  it("pull: an edit of a.ts requests a refresh, and b.ts then shows the new finding", async (t) => {
    const session = await startSession(t, CROSS_FILE);
    const a = session.open("src/a.ts");
    const b = session.open("src/b.ts");
    assert.deepEqual(await session.summary(a), []);
    assert.deepEqual(await session.summary(b), []);

    const refreshed = session.host.next("refresh");
    session.replace(a, "export function load(): number {", "export async function load(): Promise<number> {");
    await refreshed;
    assert.deepEqual(await session.summary(b), ["4:3 floating-promise"]);
  });

  it("pull: b.ts answers a full report when only its related locations in a.ts moved", async (t) => {
    // blocking-call-in-async reports the busy-wait once, in b.ts, with the async call in a.ts as a
    // related location: inserting a line above that call changes b.ts's diagnostic, not its message.
    const session = await startSession(t, {
      "src/b.ts": ["export function sleepSync(ms: number) {", "  const end = Date.now() + ms;", "  while (Date.now() < end) {}", "}"].join("\n"),
      "src/a.ts": ['import { sleepSync } from "./b.js";', "export async function handle() {", "  sleepSync(5);", "}"].join("\n"),
    });
    const a = session.open("src/a.ts");
    const b = session.open("src/b.ts");
    assert.deepEqual(await session.summary(a), []);
    const first = await session.pull(b);
    assert.ok(first.kind === "full" && first.resultId);
    assert.deepEqual(first.items.map((d) => [brief(d), d.relatedInformation?.map((r) => r.location.range.start.line + 1)]), [["3:3 blocking-call-in-async", [3]]]);

    const refreshed = session.host.next("refresh");
    session.replace(a, "export async function handle() {", "// handlers\nexport async function handle() {");
    await refreshed;
    const second = await session.pull(b, first.resultId);
    assert.ok(second.kind === "full", "b.ts's related location moved: the old report is stale");
    assert.deepEqual(second.items.map((d) => d.relatedInformation?.map((r) => r.location.range.start.line + 1)), [[4]]);
  });

  it("pull: an edit of a file another project imports refreshes that project's documents", async (t) => {
    // b's tsconfig includes only its own folder; b.ts imports a.ts of project one by a relative path.
    const session = await startSession(t, {
      "one/tsconfig.json": TSCONFIG,
      "one/src/a.ts": CROSS_FILE["src/a.ts"],
      "two/tsconfig.json": TSCONFIG,
      "two/src/b.ts": CROSS_FILE["src/b.ts"].replace("./a.js", "../../one/src/a.js"),
    });
    const a = session.open("one/src/a.ts");
    const b = session.open("two/src/b.ts");
    assert.deepEqual(await session.summary(a), []);
    assert.deepEqual(await session.summary(b), []);

    const refreshed = session.host.next("refresh");
    session.replace(a, "export function load(): number {", "export async function load(): Promise<number> {");
    await refreshed;
    assert.deepEqual(await session.summary(b), ["4:3 floating-promise"]);
  });

  it("push: an edit of a.ts re-publishes b.ts, which was not edited", async (t) => {
    const session = await startSession(t, CROSS_FILE, { pull: false });
    const a = session.open("src/a.ts");
    const firstB = session.host.next("publish", (call) => call.uri === session.uri("src/b.ts"));
    const b = session.open("src/b.ts");
    assert.deepEqual((await firstB).diagnostics, []);

    const republished = session.host.next("publish", (call) => call.uri === b);
    session.replace(a, "export function load(): number {", "export async function load(): Promise<number> {");
    const call = await republished;
    assert.deepEqual(call.diagnostics.map(brief), ["4:3 floating-promise"]);
    assert.equal(call.version, 1, "b.ts keeps its version: only a.ts was edited");
  });
});

describe("files changed on disk", () => {
  /** Projects loaded so far: each load logs the `@types` it includes. */
  const loads = (session: Session) => session.host.of("log").filter((call) => call.message.startsWith("@types for ")).length;
  /** Analyses run so far: each one starts by setting the status item to "analysing…". */
  const analyses = (session: Session) => session.host.of("status").filter((call) => call.params.state === "running").length;
  const write = (session: Session, relative: string, text: string) => fs.promises.writeFile(path.join(session.root, relative), text);
  const ASYNC_LOAD = CROSS_FILE["src/a.ts"].replace("export function load(): number {", "export async function load(): Promise<number> {");

  it("pull: a changed closed file reloads no project, and its dependent's finding appears and disappears", async (t) => {
    const session = await startSession(t, CROSS_FILE);
    const b = session.open("src/b.ts");
    assert.deepEqual(await session.summary(b), []);
    const loaded = loads(session);
    assert.equal(loaded, 1);

    await write(session, "src/a.ts", ASYNC_LOAD);
    const refreshed = session.host.next("refresh");
    session.server.didChangeWatchedFiles([changed(session.uri("src/a.ts"))]);
    await refreshed;
    assert.deepEqual(await session.summary(b), ["4:3 floating-promise"]);

    await write(session, "src/a.ts", CROSS_FILE["src/a.ts"]);
    session.server.didChangeWatchedFiles([changed(session.uri("src/a.ts"))]);
    assert.deepEqual(await session.summary(b), []);
    assert.equal(loads(session), loaded, "no project was loaded again");
  });

  it("pull: a changed package.json reloads the projects and re-checks the open documents (it holds bin, types and exports)", async (t) => {
    const session = await startSession(t, { ...CROSS_FILE, "package.json": '{ "name": "demo" }\n' });
    const b = session.open("src/b.ts");
    const first = await session.pull(b);
    assert.ok(first.kind === "full" && first.resultId);
    const loaded = loads(session);
    const before = analyses(session);

    await write(session, "package.json", '{ "name": "demo", "bin": { "demo": "dist/b.js" } }\n');
    const refreshed = session.host.next("refresh");
    session.server.didChangeWatchedFiles([changed(session.uri("package.json"))]);
    await refreshed;
    assert.deepEqual(await session.summary(b), []);
    assert.equal(loads(session), loaded + 1, "the project was loaded again");
    assert.ok(analyses(session) > before, "b.ts was analysed again");
  });

  it("pull: a changed file no program holds requests no refresh and re-lints nothing", async (t) => {
    const session = await startSession(t, { ...CROSS_FILE, "scripts/tool.ts": "export const x = 1;\n" });
    const b = session.open("src/b.ts");
    const first = await session.pull(b);
    assert.ok(first.kind === "full" && first.resultId);
    const before = analyses(session);

    await write(session, "scripts/tool.ts", "export const x = 2;\n");
    session.server.didChangeWatchedFiles([changed(session.uri("scripts/tool.ts"))]);
    assert.deepEqual(await session.pull(b, first.resultId), { kind: "unchanged", resultId: first.resultId });
    assert.equal(analyses(session), before, "b.ts answered from its stored result");
    assert.ok(!session.host.of("refresh").length, "nothing to refresh");
  });

  it("pull: a closed file written back with the same text re-lints nothing", async (t) => {
    const session = await startSession(t, CROSS_FILE);
    const b = session.open("src/b.ts");
    const first = await session.pull(b);
    assert.ok(first.kind === "full" && first.resultId);
    const before = analyses(session);

    await write(session, "src/a.ts", CROSS_FILE["src/a.ts"]);
    session.server.didChangeWatchedFiles([changed(session.uri("src/a.ts"))]);
    assert.deepEqual(await session.pull(b, first.resultId), { kind: "unchanged", resultId: first.resultId });
    assert.equal(analyses(session), before);
    assert.ok(!session.host.of("refresh").length);
  });

  it("pull: the event for an open document's own file (a save) re-lints nothing: its text is the editor's", async (t) => {
    const session = await startSession(t, CROSS_FILE);
    const a = session.open("src/a.ts", ASYNC_LOAD);
    const b = session.open("src/b.ts");
    const first = await session.pull(b);
    assert.ok(first.kind === "full" && first.resultId);
    assert.deepEqual(first.items.map(brief), ["4:3 floating-promise"]);
    const before = analyses(session);

    await write(session, "src/a.ts", ASYNC_LOAD);
    session.server.didChangeWatchedFiles([changed(a)]);
    assert.deepEqual(await session.pull(b, first.resultId), { kind: "unchanged", resultId: first.resultId });
    assert.equal(analyses(session), before);
    assert.ok(!session.host.of("refresh").length);
  });

  it("pull: a document of another project answers `unchanged` without being linted again", async (t) => {
    const session = await startSession(t, {
      "one/tsconfig.json": TSCONFIG,
      "one/src/a.ts": CROSS_FILE["src/a.ts"],
      "one/src/b.ts": CROSS_FILE["src/b.ts"],
      "two/tsconfig.json": TSCONFIG,
      "two/src/jobs.ts": JOBS,
    });
    const b = session.open("one/src/b.ts");
    const jobs = session.open("two/src/jobs.ts");
    assert.deepEqual(await session.summary(b), []);
    const first = await session.pull(jobs);
    assert.ok(first.kind === "full" && first.resultId);
    assert.deepEqual(first.items.map(brief), ["6:3 floating-promise", "10:9 floating-promise"]);

    await write(session, "one/src/a.ts", ASYNC_LOAD);
    const refreshed = session.host.next("refresh");
    session.server.didChangeWatchedFiles([changed(session.uri("one/src/a.ts"))]);
    await refreshed;
    const before = analyses(session);
    assert.deepEqual(await session.pull(jobs, first.resultId), { kind: "unchanged", resultId: first.resultId });
    assert.equal(analyses(session), before, "jobs.ts (project two) was not linted again");
    assert.deepEqual(await session.summary(b), ["4:3 floating-promise"]);
    assert.equal(analyses(session), before + 1, "b.ts (project one) was");
  });

  it("push: only the documents of the project holding the changed file are re-published", async (t) => {
    const session = await startSession(t, {
      "one/tsconfig.json": TSCONFIG,
      "one/src/a.ts": CROSS_FILE["src/a.ts"],
      "one/src/b.ts": CROSS_FILE["src/b.ts"],
      "two/tsconfig.json": TSCONFIG,
      "two/src/jobs.ts": JOBS,
    }, { pull: false });
    const firstB = session.host.next("publish", (call) => call.uri === session.uri("one/src/b.ts"));
    const b = session.open("one/src/b.ts");
    assert.deepEqual((await firstB).diagnostics, []);
    const firstJobs = session.host.next("publish", (call) => call.uri === session.uri("two/src/jobs.ts"));
    const jobs = session.open("two/src/jobs.ts");
    assert.equal((await firstJobs).diagnostics.length, 2);
    const before = analyses(session);

    await write(session, "one/src/a.ts", ASYNC_LOAD);
    const republished = session.host.next("publish", (call) => call.uri === b);
    session.server.didChangeWatchedFiles([changed(session.uri("one/src/a.ts"))]);
    assert.deepEqual((await republished).diagnostics.map(brief), ["4:3 floating-promise"]);
    // Both documents were scheduled together (150 ms); jobs.ts's turn came and went without a lint.
    const publishedAfter = session.host.of("publish").filter((call) => call.uri === jobs);
    assert.equal(publishedAfter.length, 1, "jobs.ts was published only when opened");
    assert.equal(analyses(session), before + 1, "only b.ts was linted again");
  });

  it("a created file that an import now resolves to is seen, and its deletion too", async (t) => {
    const b = 'import { load } from "./c.js";\n\nexport async function main(): Promise<void> {\n  load();\n}\n';
    const session = await startSession(t, { "src/b.ts": b });
    const uri = session.open("src/b.ts");
    assert.deepEqual(await session.summary(uri), [], "./c.js does not resolve: nothing is known of load()");
    const loaded = loads(session);

    await write(session, "src/c.ts", ASYNC_LOAD);
    const refreshed = session.host.next("refresh");
    session.server.didChangeWatchedFiles([created(session.uri("src/c.ts"))]);
    await refreshed;
    assert.deepEqual(await session.summary(uri), ["4:3 floating-promise"]);

    await fs.promises.rm(path.join(session.root, "src/c.ts"));
    session.server.didChangeWatchedFiles([deleted(session.uri("src/c.ts"))]);
    assert.deepEqual(await session.summary(uri), []);
    assert.equal(loads(session), loaded, "no project was loaded again");
  });

  it("a created file no tsconfig pattern covers is seen through the import that now resolves to it", async (t) => {
    // `files` lists b.ts alone: c.ts joins the program only as an import, so only redone module
    // resolutions can find it (no root changes, and b.ts itself is unchanged).
    const b = 'import { load } from "./c.js";\n\nexport async function main(): Promise<void> {\n  load();\n}\n';
    const tsconfig = JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: ["src/b.ts"] });
    const session = await startSession(t, { "tsconfig.json": tsconfig, "src/b.ts": b });
    const uri = session.open("src/b.ts");
    assert.deepEqual(await session.summary(uri), []);

    await write(session, "src/c.ts", ASYNC_LOAD);
    session.server.didChangeWatchedFiles([created(session.uri("src/c.ts"))]);
    assert.deepEqual(await session.summary(uri), ["4:3 floating-promise"]);
    assert.equal(loads(session), 1);
  });

  it("a created file the tsconfig includes joins its project, not the inferred one", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const jobs = session.open("src/jobs.ts");
    await session.summary(jobs);

    await write(session, "src/later.ts", JOBS);
    session.server.didChangeWatchedFiles([created(session.uri("src/later.ts"))]);
    const later = session.open("src/later.ts", JOBS);
    assert.deepEqual(await session.summary(later), ["6:3 floating-promise", "10:9 floating-promise"]);
    const logs = session.host.of("log").map((call) => call.message);
    assert.ok(!logs.some((message) => message.startsWith("@types for the files no tsconfig includes")), "no inferred project");
    assert.ok(logs.includes(`${path.join(session.root, "tsconfig.json")}: 2 files after files were created or deleted`));
    assert.equal(loads(session), 1);
  });
});

describe("a file included by two projects", () => {
  const member = JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ["src/**/*.ts", "../shared/**/*.ts"] });
  const SOLUTION = {
    "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "./a" }, { path: "./b" }] }),
    "a/tsconfig.json": member,
    "b/tsconfig.json": member,
    "a/src/main.ts": 'import { run } from "../../shared/jobs.js";\nexport async function main(): Promise<void> {\n  await run("x");\n}\n',
    "b/src/main.ts": 'import { later } from "../../shared/jobs.js";\nexport async function main(): Promise<void> {\n  await later("x", false);\n}\n',
    "shared/jobs.ts": JOBS,
  };

  it("is linted in the first referenced project of the solution that includes it, as tsserver picks it", async (t) => {
    const session = await startSession(t, SOLUTION);
    const jobs = session.open("shared/jobs.ts");
    assert.deepEqual(await session.summary(jobs), ["6:3 floating-promise", "10:9 floating-promise"]);
    const logs = session.host.of("log").map((call) => call.message).filter((message) => message.startsWith("@types for "));
    assert.deepEqual(logs.map((message) => message.slice("@types for ".length).split(":")[0]), [
      path.join(session.root, "tsconfig.json"),
      path.join(session.root, "a/tsconfig.json"),
    ]);
  });

  it("a file its nearest tsconfig leaves out goes to a tsconfig above that includes it (ancestor search)", async (t) => {
    const session = await startSession(t, {
      "src/tools/tsconfig.json": JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ["main.ts"] }),
      "src/tools/main.ts": "export const main = 1;\n",
      "src/tools/jobs.ts": JOBS,
    });
    const jobs = session.open("src/tools/jobs.ts");
    assert.deepEqual(await session.summary(jobs), ["6:3 floating-promise", "10:9 floating-promise"]);
    const loaded = session.host.of("log").map((call) => call.message).filter((message) => message.startsWith("@types for "));
    assert.deepEqual(loaded.map((message) => message.slice("@types for ".length).split(":")[0]), [
      path.join(session.root, "src/tools/tsconfig.json"),
      path.join(session.root, "tsconfig.json"),
    ]);
  });

  it("gives its findings once when the workspace is linted", async (t) => {
    const session = await startSession(t, SOLUTION);
    const result = await session.server.lintWorkspace([pathToFileURL(session.root).href]);
    assert.equal(result.files, 3);
    assert.equal(result.problems, 2);
    const published = session.host.of("publish").filter((call) => call.uri === session.uri("shared/jobs.ts"));
    assert.deepEqual(published.map((call) => call.diagnostics.map(brief)), [["6:3 floating-promise", "10:9 floating-promise"]]);
  });
});

describe("push diagnostics (clients without pull)", () => {
  it("publishes after open with the document version, and clears on close", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { pull: false });
    const published = session.host.next("publish");
    const uri = session.open("src/jobs.ts");
    const call = await published;
    assert.equal(call.uri, uri);
    assert.equal(call.version, 1);
    assert.deepEqual(call.diagnostics.map(brief), ["6:3 floating-promise", "10:9 floating-promise"]);

    const afterEdit = session.host.next("publish", (c) => c.uri === uri);
    session.replace(uri, "  send(id);", "  await send(id);");
    const edited = await afterEdit;
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.diagnostics.map(brief), ["10:9 floating-promise"]);

    session.close(uri);
    assert.deepEqual(session.host.of("publish").at(-1), { kind: "publish", uri, diagnostics: [], version: undefined });
  });
});

describe("cancellation", () => {
  it("answers RequestCancelled when the token is already cancelled", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    const source = new CancellationTokenSource();
    source.cancel();
    await rejectsWith(session.server.pullDiagnostics(uri, undefined, source.token), LSPErrorCodes.RequestCancelled);
    // The server is still fine afterwards.
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
  });

  it("answers ServerCancelled with retriggerRequest when the document changes during a pull", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    const pending = session.pull(uri);
    session.replace(uri, "  send(id);", "  await send(id);");
    await rejectsWith(pending, LSPErrorCodes.ServerCancelled, { retriggerRequest: true });
    assert.deepEqual(await session.summary(uri), ["10:9 floating-promise"]);
  });
});

describe("code actions", () => {
  it("offers the quick fixes of a floating promise, in order, and `Add await` gives the exact text", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    const [floating] = await session.diagnostics(uri);
    const actions = await session.codeActions(uri, floating.range);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [
        ["Add `await`", "quickfix"],
        ["Add a `.catch()` handler", "quickfix"],
        ["Add `void` to mark a deliberate fire-and-forget", "quickfix"],
        ["Disable floating-promise for this line", "quickfix"],
        ["Disable floating-promise for the entire file", "quickfix"],
        ["Show documentation for floating-promise", "quickfix"],
      ],
    );
    // Adding `await` changes behaviour: a suggestion, never the preferred (auto-applicable) fix.
    assert.equal(actions[0].isPreferred, false);
    assert.deepEqual(actions[0].diagnostics, [floating]);

    const document = session.documents.get(uri)!;
    const lines = (action: CodeAction | undefined) => applyAction(document, action).split("\n");
    assert.deepEqual(lines(actions[0]).slice(4, 7), ["export async function run(id: string): Promise<void> {", "  await send(id);", "}"]);
    assert.equal(lines(actions[1])[5], "  send(id).catch((error) => { console.error(error); });");
    assert.equal(lines(actions[2])[5], "  void send(id);");
    assert.deepEqual(lines(actions[3]).slice(5, 7), ["  // concurrency-lint-disable-next-line floating-promise -- ", "  send(id);"]);
    assert.deepEqual(lines(actions[4]).slice(0, 2), ["/* concurrency-lint-disable floating-promise -- */", JOBS.split("\n")[0]]);

    assert.deepEqual(actions[5].command, {
      title: "Show documentation for floating-promise",
      command: SHOW_DOCUMENTATION_COMMAND,
      arguments: [FLOATING_DOCS],
    });
    await session.server.executeCommand(SHOW_DOCUMENTATION_COMMAND, [FLOATING_DOCS]);
    assert.deepEqual(session.host.of("showDocument"), [{ kind: "showDocument", url: FLOATING_DOCS }]);
  });

  it("carries the version the actions were computed for", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    const versionOf = (action: CodeAction | undefined) => (action?.edit?.documentChanges?.[0] as TextDocumentEdit).textDocument.version;

    const atOne = await session.codeActions(uri, range(5, 2, 5, 2));
    assert.equal(versionOf(atOne[0]), 1);

    session.edit(uri, [{ range: range(3, 0, 3, 0), text: "// a comment\n" }]);
    const atTwo = await session.codeActions(uri, range(6, 2, 6, 2));
    assert.equal(atTwo[0].title, "Add `await`");
    assert.equal(versionOf(atTwo[0]), 2);
    assert.equal(applyAction(session.documents.get(uri)!, atTwo[0]).split("\n")[6], "  await send(id);");
  });

  it("`Fix all unused-suppression problems` removes the stale suppressions and nothing else", async (t) => {
    const session = await startSession(t, { "src/stale.ts": STALE });
    const uri = session.open("src/stale.ts");
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map(brief), ["4:3 unused-suppression", "6:17 unused-suppression", "7:3 floating-promise"]);

    const actions = await session.codeActions(uri, diagnostics[0].range);
    assert.deepEqual(
      actions.map((action) => [action.title, action.isPreferred]),
      [
        ["Remove the unused suppression", true],
        ["Fix all unused-suppression problems in this file", undefined],
        ["Show documentation for unused-suppression", undefined],
      ],
    );
    const expected = [
      "export async function save(): Promise<void> { throw new Error(\"offline\"); }",
      "",
      "export async function onClick(): Promise<void> {",
      "  await save();",
      "  await save();",
      "  save();",
      "}",
      "",
    ].join("\n");
    const document = session.documents.get(uri)!;
    assert.equal(applyAction(document, actions[1]), expected);
    assert.equal(applyAction(document, actions[0]), STALE.replace("  // concurrency-lint-disable-next-line floating-promise -- save() used to float\n", ""));
    assert.equal(actions[2].command?.arguments?.[0], docsUrl(unusedSuppression.meta.id));
  });

  it("source.fixAll.concurrencyLint applies only safe fixes (never adds `await`)", async (t) => {
    const session = await startSession(t, { "src/stale.ts": STALE });
    const uri = session.open("src/stale.ts");
    const whole = range(0, 0, 8, 0);
    const expected = STALE.replace("  // concurrency-lint-disable-next-line floating-promise -- save() used to float\n", "").replace(
      " // concurrency-lint-disable-line floating-promise -- same",
      "",
    );
    for (const only of [[FIX_ALL_KIND], ["source.fixAll"], ["source"]]) {
      const actions = await session.codeActions(uri, whole, only);
      assert.deepEqual(
        actions.map((action) => [action.title, action.kind]),
        [["Fix all auto-fixable concurrency-lint problems", FIX_ALL_KIND]],
        `only: ${only.join()}`,
      );
      assert.equal(applyAction(session.documents.get(uri)!, actions[0]), expected);
    }
    // Asked for quick fixes only, no fix-all source action comes back.
    const quickFixes = await session.codeActions(uri, range(6, 2, 6, 2), ["quickfix"]);
    assert.ok(quickFixes.length > 0 && quickFixes.every((action) => action.kind === "quickfix"));
  });

  it("offers no source.fixAll action when there is nothing safe to fix", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.codeActions(uri, range(0, 0, 13, 0), [FIX_ALL_KIND]), []);
  });
});

describe("settings", () => {
  it("applies per-rule severity overrides from the client", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => ({ rules: { "floating-promise": "error" } }) });
    const uri = session.open("src/jobs.ts");
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      [DiagnosticSeverity.Error, DiagnosticSeverity.Error],
    );
    assert.deepEqual(session.host.settingsRequests, [uri], "settings are fetched once per document and cached");
  });

  it("re-fetches settings and requests a refresh on didChangeConfiguration", async (t) => {
    let settings: Partial<Settings> = {};
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => settings });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.severity), [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    await session.pull(uri);
    assert.equal(session.host.settingsRequests.length, 1);

    settings = { rules: { "floating-promise": "info" } };
    const refreshed = session.host.next("refresh");
    session.server.didChangeConfiguration();
    await refreshed;
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.severity), [DiagnosticSeverity.Information, DiagnosticSeverity.Information]);
    assert.equal(session.host.settingsRequests.length, 2);
  });

  it("reports nothing when disabled", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => ({ enable: false }) });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.pull(uri), { kind: "full", items: [] });
    assert.deepEqual(await session.codeActions(uri, range(5, 2, 5, 2)), []);
  });

  it("with run: onSave, edits change nothing until the document is saved", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { settings: () => ({ run: "onSave" }) });
    const uri = session.open("src/jobs.ts");
    const first = await session.pull(uri);
    assert.deepEqual(first.kind === "full" ? first.items.map(brief) : [], ["6:3 floating-promise", "10:9 floating-promise"]);

    session.replace(uri, "  send(id);", "  await send(id);");
    assert.ok(first.kind === "full");
    assert.deepEqual(await session.pull(uri, first.resultId), { kind: "unchanged", resultId: first.resultId });
    // Editors ask for code actions on every cursor move; that must not publish the unsaved analysis.
    await session.codeActions(uri, range(9, 8, 9, 8));
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);

    const refreshed = session.host.next("refresh");
    session.save(uri);
    await refreshed;
    assert.deepEqual(await session.summary(uri), ["10:9 floating-promise"]);
  });

  it("with run: onSave in push mode, publishes again only after a save", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS }, { pull: false, settings: () => ({ run: "onSave" }) });
    const opened = session.host.next("publish");
    const uri = session.open("src/jobs.ts");
    assert.deepEqual((await opened).diagnostics.map(brief), ["6:3 floating-promise", "10:9 floating-promise"]);

    session.replace(uri, "  send(id);", "  await send(id);");
    session.replace(uri, "if (skip) return;", "if (skip) return pending;");
    const saved = session.host.next("publish");
    session.save(uri);
    const call = await saved;
    assert.deepEqual(call.diagnostics, []);
    // Exactly two publishes: on open and on save; the two edits published nothing.
    assert.equal(session.host.of("publish").length, 2);
  });
});

describe("configuration errors", () => {
  it("a broken concurrency-lint.json clears the diagnostics, says why once, and recovers when fixed", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS, "concurrency-lint.json": '{ "rules": {} }' });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);

    const configFile = path.join(session.root, "concurrency-lint.json");
    await fs.promises.writeFile(configFile, '{ "rulez": {} }');
    const refreshed = session.host.next("refresh");
    session.server.didChangeWatchedFiles([changed(pathToFileURL(configFile).href)]);
    await refreshed;
    assert.deepEqual(await session.summary(uri), [], "no stale diagnostics behind a broken config");
    assert.deepEqual(await session.summary(uri), []);

    const errors = session.host.of("showError");
    assert.equal(errors.length, 1, "shown once, however often the file is analysed");
    assert.match(errors[0].message, /^Invalid configuration: .*concurrency-lint\.json:1:3: .*"rulez"/);
    assert.deepEqual(session.host.of("status").at(-1)?.params, { state: "error", text: "concurrency-lint: error", detail: errors[0].message });
    assert.ok(session.host.of("log").some((call) => call.level === "error" && call.message === errors[0].message));

    // Edits of other files do not repeat the message.
    session.server.didChangeWatchedFiles([changed(session.uri("src/other.ts"))]);
    assert.deepEqual(await session.summary(uri), []);
    assert.equal(session.host.of("showError").length, 1);

    await fs.promises.writeFile(configFile, '{ "rules": { "floating-promise": "error" } }');
    session.server.didChangeWatchedFiles([changed(pathToFileURL(configFile).href)]);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map(brief), ["6:3 floating-promise", "10:9 floating-promise"]);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(session.host.of("status").at(-1)?.params.state, "ok");

    // Broken again the same way: the user is told again.
    await fs.promises.writeFile(configFile, '{ "rulez": {} }');
    session.server.didChangeWatchedFiles([changed(pathToFileURL(configFile).href)]);
    assert.deepEqual(await session.summary(uri), []);
    assert.deepEqual(
      session.host.of("showError").map((call) => call.message),
      [errors[0].message, errors[0].message],
    );
  });

  it("a broken tsconfig is reported clearly; other projects keep working; fixing it brings diagnostics back", async (t) => {
    const session = await startSession(t, {
      "broken/tsconfig.json": '{ "compilerOptions": { "strictt": true }, "include": ["src"] }',
      "broken/src/jobs.ts": JOBS,
      "good/tsconfig.json": TSCONFIG,
      "good/src/jobs.ts": JOBS,
    });
    const broken = session.open("broken/src/jobs.ts");
    assert.deepEqual(await session.summary(broken), []);
    const errors = session.host.of("showError");
    assert.equal(errors.length, 1);
    const tsconfig = path.join(session.root, "broken/tsconfig.json");
    assert.match(errors[0].message, /^Cannot load the TypeScript project: Invalid tsconfig .*broken\/tsconfig\.json:1:24: Unknown compiler option 'strictt'/);
    assert.equal(session.host.of("status").at(-1)?.params.state, "error");
    assert.ok(session.host.of("log").some((call) => call.level === "error" && call.message.startsWith(errors[0].message)));

    const good = session.open("good/src/jobs.ts");
    assert.deepEqual(await session.summary(good), ["6:3 floating-promise", "10:9 floating-promise"]);
    assert.deepEqual(await session.summary(broken), []);
    assert.equal(session.host.of("showError").length, 1);

    await fs.promises.writeFile(tsconfig, TSCONFIG);
    session.server.didChangeWatchedFiles([changed(pathToFileURL(tsconfig).href)]);
    assert.deepEqual(await session.summary(broken), ["6:3 floating-promise", "10:9 floating-promise"]);
  });
});

describe("lintWorkspace", () => {
  it("publishes diagnostics for the files that are not open", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS, ...CROSS_FILE, "src/stale.ts": STALE });
    const open = session.open("src/jobs.ts");
    const result = await session.server.lintWorkspace([pathToFileURL(session.root).href]);
    assert.equal(result.files, 4);
    assert.equal(result.problems, 3, "stale.ts: 3; a.ts, b.ts: none; jobs.ts is open and left to the pull");
    const published = new Map(session.host.of("publish").map((call) => [call.uri, call.diagnostics.map(brief)]));
    assert.deepEqual(
      [...published.entries()].sort(),
      [
        [session.uri("src/a.ts"), []],
        [session.uri("src/b.ts"), []],
        [session.uri("src/stale.ts"), ["4:3 unused-suppression", "6:17 unused-suppression", "7:3 floating-promise"]],
      ],
    );
    assert.ok(!published.has(open));
    assert.deepEqual(session.host.of("progress"), [{ kind: "progress", title: "concurrency-lint: linting the workspace" }]);
  });
});

describe("lines as the editor counts them", () => {
  it("U+2028 in a string: the diagnostic is on the editor's line, and `Disable … for this line` lands above it", async (t) => {
    const text = 'export const separators = "\u2028\u2029";\nexport declare function save(): Promise<void>;\nexport function onClick(): void {\n  save();\n}\n';
    const session = await startSession(t, { "src/sep.ts": text });
    const uri = session.open("src/sep.ts");
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.range), [range(3, 2, 3, 8)]);
    const actions = await session.codeActions(uri, range(3, 2, 3, 2));
    const disable = actions.find((action) => action.title === "Disable floating-promise for this line");
    assert.equal(
      applyAction(session.documents.map.get(uri)!, disable),
      text.replace("  save();", "  // concurrency-lint-disable-next-line floating-promise -- \n  save();"),
    );
  });
});

describe("files that do not parse (parse-error)", () => {
  it("an edit that breaks the syntax: one parse-error diagnostic and no rule's; fixing it brings them back", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
    session.replace(uri, "send(id);", "send(id;");
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map(brief), ["6:10 parse-error"]);
    assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics[0]?.codeDescription?.href, docsUrl("parse-error"));
    assert.match(diagnostics[0]?.message as string, /^'\)' expected\. This file does not parse/);
    // Never suppressible by a comment: no "Disable parse-error" actions.
    const titles = (await session.codeActions(uri, range(5, 9, 5, 9))).map((action) => action.title);
    assert.deepEqual(titles, ["Show documentation for parse-error"]);
    session.replace(uri, "send(id;", "send(id);");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
  });

  it("cannot be turned off from the editor's settings", async (t) => {
    const session = await startSession(t, { "src/jobs.ts": "export const broken = {;\n" }, { settings: () => ({ rules: { "parse-error": "off" } }) });
    assert.deepEqual(await session.summary(session.open("src/jobs.ts")), ["1:24 parse-error"]);
  });

  it("a file nested too deeply for TypeScript's parser: one finding for it, the project's other files still analysed", async (t) => {
    const deep = `export const deep = ${"(".repeat(5000)}1${")".repeat(5000)};\n`;
    const session = await startSession(t, { "src/jobs.ts": JOBS, "src/deep.ts": deep });
    const jobs = session.open("src/jobs.ts");
    assert.deepEqual(await session.summary(jobs), ["6:3 floating-promise", "10:9 floating-promise"]);
    const deepUri = session.open("src/deep.ts");
    const diagnostics = await session.diagnostics(deepUri);
    assert.deepEqual(diagnostics.map(brief), ["1:1 parse-error"]);
    assert.match(diagnostics[0]?.message as string, /^TypeScript ran out of stack while parsing this file/);
    // An edit of the deep file re-parses it (still too deep), and the other file is unaffected.
    session.replace(deepUri, "deep =", "deeper =");
    assert.deepEqual(await session.summary(deepUri), ["1:1 parse-error"]);
    session.replace(jobs, "  send(id);", "  await send(id);");
    assert.deepEqual(await session.summary(jobs), ["10:9 floating-promise"]);
  });

  it("a file nested too deeply for TypeScript's binder: still known after an edit elsewhere (the program reuses it)", async (t) => {
    const blocks = blocksThatOverflowTheBinder();
    const session = await startSession(t, { "src/jobs.ts": JOBS, "src/blocks.ts": blocks });
    const jobs = session.open("src/jobs.ts");
    const deep = session.open("src/blocks.ts");
    assert.deepEqual(await session.summary(deep), ["1:1 parse-error"]);
    assert.deepEqual(await session.summary(jobs), ["6:3 floating-promise", "10:9 floating-promise"]);
    session.replace(jobs, "  send(id);", "  await send(id);");
    assert.deepEqual(await session.summary(jobs), ["10:9 floating-promise"]);
    const diagnostics = await session.diagnostics(deep);
    assert.deepEqual(diagnostics.map(brief), ["1:1 parse-error"]);
    assert.match(diagnostics[0]?.message as string, /^TypeScript ran out of stack while binding this file/);
  });
});

describe("a rule that throws", () => {
  // There is no way to register a rule from outside, so the test adds one to the registry array
  // for this case only (each test file runs in its own process) and takes it out again.
  const crashing: AnyRule = {
    meta: {
      id: "test-crashing-rule",
      defaultSeverity: "warning",
      messages: {},
      optionsSchema: { type: "object", properties: {}, additionalProperties: false },
      defaultOptions: {},
      docs: { description: "crashes", rationale: "", incorrect: [], correct: [], optionsDoc: {}, fixesDoc: "" },
      requiresTypes: false,
    },
    create: () => ({
      [ts.SyntaxKind.ExpressionStatement]: () => {
        throw new Error("injected failure");
      },
    }),
  };

  it("is logged and shown in the status; the other rules still report", async (t) => {
    const registry = allRules as AnyRule[];
    registry.push(crashing);
    t.after(() => registry.splice(registry.indexOf(crashing), 1));
    const session = await startSession(t, { "src/jobs.ts": JOBS });
    const uri = session.open("src/jobs.ts");
    assert.deepEqual(await session.summary(uri), ["6:3 floating-promise", "10:9 floating-promise"]);
    const status = session.host.of("status").at(-1)?.params;
    assert.equal(status?.state, "error");
    assert.equal(status?.text, "rule test-crashing-rule crashed");
    assert.ok(session.host.of("log").some((call) => call.level === "error" && call.message.includes("injected failure")));
    // And the next request is served normally.
    session.replace(uri, "  send(id);", "  await send(id);");
    assert.deepEqual(await session.summary(uri), ["10:9 floating-promise"]);
  });
});

