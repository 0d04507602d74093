/**
 * The bundled server (dist/server.js --stdio) in its own process, driven over a real JSON-RPC
 * connection by a minimal client built on vscode-jsonrpc. Needs `npm run build` first (`npm test`
 * does it). Each case starts its own server on one temporary copy of examples/demo (the cases only
 * change editor text, never the files on disk).
 *
 * The demo grows with the rules, so what the server must report is what the CLI (bin/, the same
 * engine) reports for the same copy, compared field by field: range, code, severity, message and
 * related locations. Edits are located by their text, not by line numbers.
 *
 * Nothing waits for a fixed time: each step waits for the message it expects, with a timeout.
 */
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it, type TestContext } from "node:test";
import { pathToFileURL } from "node:url";
import {
  CancellationTokenSource,
  createMessageConnection,
  type CancellationToken,
  type MessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";
import type {
  ClientCapabilities,
  CodeAction,
  ConfigurationParams,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeResult,
  PublishDiagnosticsParams,
  RegistrationParams,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
} from "vscode-languageserver";
import { FileChangeType } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { JsonReport } from "../../server/src/cli/formatters/index";
import type { JsonSpan } from "../../server/src/cli/formatters/json";

const REPO = path.resolve(__dirname, "..", "..");
const SERVER = path.join(REPO, "dist", "server.js");
const CLI = path.join(REPO, "bin", "concurrency-lint.js");
const WAIT_MS = 15_000;
const CASE_TIMEOUT = { timeout: 60_000 };

const REQUEST_CANCELLED = -32800;
const SERVER_CANCELLED = -32802;

/** Everything a client that declares the features the server can use would declare. */
const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
  window: { workDoneProgress: true },
};

/** The same client without pull diagnostics (like Neovim 0.7). */
const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
};

let demo = "";
/** The CLI's JSON report on the demo copy. */
let cli: JsonReport;

before(() => {
  assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first (\`npm test\` does).`);
  const tempRoot = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-lsp-rpc-")));
  demo = path.join(tempRoot, "demo");
  fs.cpSync(path.join(REPO, "examples", "demo"), demo, { recursive: true });
  // The copy is outside the repository: point it at the repository's @types (for `node`).
  const tsconfigFile = path.join(demo, "tsconfig.json");
  const tsconfig = JSON.parse(fs.readFileSync(tsconfigFile, "utf8")) as { compilerOptions: Record<string, unknown> };
  tsconfig.compilerOptions.typeRoots = [path.join(REPO, "node_modules", "@types")];
  fs.writeFileSync(tsconfigFile, JSON.stringify(tsconfig, null, 2));
  const result = spawnSync(process.execPath, [CLI, demo, "--format", "json"], { cwd: demo, encoding: "utf8", timeout: 60_000 });
  assert.ok(result.status === 0 || result.status === 1, `the CLI failed (status ${result.status}):\n${result.stderr}`);
  cli = JSON.parse(result.stdout) as JsonReport;
});
after(() => fs.rmSync(path.dirname(demo), { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// A minimal LSP client

interface Incoming {
  type: "request" | "notification";
  method: string;
  params: unknown;
}

class ServerProcess {
  readonly events: Incoming[] = [];
  /** The `concurrencyLint` section the client answers `workspace/configuration` with. */
  settings: Record<string, unknown> = {};
  /** Called while a `workspace/configuration` request is being answered (before the answer). */
  onConfiguration: ((scopeUri: string | undefined) => void) | undefined;
  stderr = "";
  initializeResult: InitializeResult | undefined;
  readonly exited: Promise<number | null>;
  private readonly documents = new Map<string, TextDocument>();
  private readonly waiters = new Set<{ match: (event: Incoming) => boolean; resolve: (event: Incoming) => void }>();
  private readonly connection: MessageConnection;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, "--stdio"], { cwd: demo, stdio: "pipe" });
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification((method, params: unknown) => this.record({ type: "notification", method, params }));
    // vscode-jsonrpc routes `$/progress` to per-token handlers, never to the catch-all.
    this.connection.onUnhandledProgress((params) => this.record({ type: "notification", method: "$/progress", params }));
    this.connection.onRequest((method, params: unknown) => {
      this.record({ type: "request", method, params });
      switch (method) {
        case "workspace/configuration":
          return (params as ConfigurationParams).items.map((item) => {
            this.onConfiguration?.(item.scopeUri);
            return this.settings;
          });
        case "window/showDocument":
          return { success: true };
        default:
          // client/registerCapability, window/workDoneProgress/create, workspace/diagnostic/refresh
          return null;
      }
    });
    this.connection.listen();
  }

  static async start(t: TestContext, capabilities: ClientCapabilities): Promise<ServerProcess> {
    const server = new ServerProcess();
    t.after(() => server.stop());
    server.initializeResult = await server.request<InitializeResult>("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(demo).href,
      workspaceFolders: [{ uri: pathToFileURL(demo).href, name: "demo" }],
      capabilities,
    });
    await server.connection.sendNotification("initialized", {});
    return server;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(demo, relative)).href;
  }

  request<R>(method: string, params?: unknown, token?: CancellationToken): Promise<R> {
    // vscode-jsonrpc takes every argument after the method as a parameter unless the last one is a
    // token: pass only what is there.
    const sent =
      params === undefined
        ? this.connection.sendRequest<R>(method, ...(token ? [token] : []))
        : token
          ? this.connection.sendRequest<R>(method, params, token)
          : this.connection.sendRequest<R>(method, params);
    return sent.catch((error: unknown) => {
      if (error instanceof ResponseError) throw error;
      throw new Error(`${method} failed: ${String(error)}\nserver stderr:\n${this.stderr}`);
    });
  }

  notify(method: string, params?: unknown): Promise<void> {
    return params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params);
  }

  async open(relative: string): Promise<string> {
    const uri = this.uri(relative);
    const document = TextDocument.create(uri, "typescript", 1, await fs.promises.readFile(path.join(demo, relative), "utf8"));
    this.documents.set(uri, document);
    await this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "typescript", version: 1, text: document.getText() } });
    return uri;
  }

  /** Sends incremental changes (applied in order, like an editor) and keeps the client's copy. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const document = TextDocument.update(this.document(uri), changes, this.document(uri).version + 1);
    this.documents.set(uri, document);
    await this.notify("textDocument/didChange", { textDocument: { uri, version: document.version }, contentChanges: changes });
    return document;
  }

  async replace(uri: string, search: string, replacement: string): Promise<TextDocument> {
    const document = this.document(uri);
    const offset = document.getText().indexOf(search);
    assert.ok(offset >= 0, `"${search}" not in ${uri}`);
    return this.change(uri, [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + search.length) }, text: replacement }]);
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    assert.ok(document, `${uri} is not open`);
    return document;
  }

  pull(uri: string, previousResultId?: string, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    return this.request<DocumentDiagnosticReport>("textDocument/diagnostic", { textDocument: { uri }, previousResultId }, token);
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    assert.equal(report.kind, "full");
    return report.kind === "full" ? report.items : [];
  }

  of(method: string): Incoming[] {
    return this.events.filter((event) => event.method === method);
  }

  /** The first message `method` (matching `predicate`) received so far, or the next one. */
  received<P>(method: string, predicate: (params: P) => boolean = () => true): Promise<P> {
    const event = this.events.find((candidate) => candidate.method === method && predicate(candidate.params as P));
    return event ? Promise.resolve(event.params as P) : this.next(method, predicate);
  }

  /** The first message `method` matching `predicate` that arrives from now on. */
  next<P>(method: string, predicate: (params: P) => boolean = () => true): Promise<P> {
    return new Promise((resolve, reject) => {
      const waiter = {
        match: (event: Incoming) => event.method === method && predicate(event.params as P),
        resolve: (event: Incoming) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(event.params as P);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.events.map((event) => event.method).join(", ");
        reject(new Error(`no ${method} within ${WAIT_MS} ms (seen: ${seen})\nserver stderr:\n${this.stderr}`));
      }, WAIT_MS);
      this.waiters.add(waiter);
    });
  }

  /** shutdown + exit; the exit code (null if it had to be killed). */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const killer = setTimeout(() => this.child.kill(), WAIT_MS);
    try {
      await this.request("shutdown");
      await this.notify("exit");
    } catch {
      this.child.kill();
    }
    const code = await this.exited;
    clearTimeout(killer);
    this.connection.dispose();
    return code;
  }

  private record(event: Incoming): void {
    this.events.push(event);
    for (const waiter of [...this.waiters]) if (waiter.match(event)) waiter.resolve(event);
  }
}

function brief(diagnostic: Pick<Diagnostic, "range" | "code">): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${String(diagnostic.code)}`;
}

function toRange(span: JsonSpan): Diagnostic["range"] {
  return { start: { line: span.line - 1, character: span.column - 1 }, end: { line: span.endLine - 1, character: span.endColumn - 1 } };
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** What the CLI reports for a file of the demo, as the fields of an LSP diagnostic. */
function expectedFor(relative: string): Pick<Diagnostic, "range" | "code" | "severity" | "source" | "codeDescription" | "message" | "relatedInformation">[] {
  const file = path.join(demo, relative);
  const entry = cli.results.find((result) => result.filePath === file);
  assert.ok(entry, `the CLI did not lint ${file}`);
  return entry.findings.map((finding) => ({
    range: toRange(finding),
    code: finding.ruleId,
    severity: SEVERITY[finding.severity],
    source: "concurrency-lint",
    codeDescription: { href: `https://github.com/concurrency-lint/concurrency-lint/blob/main/docs/rules/${finding.ruleId}.md` },
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: { uri: pathToFileURL(related.filePath).href, range: toRange(related) },
      message: related.message,
    })),
  }));
}

/** `brief`s of the CLI's findings for a file, leaving out those that start on the given lines. */
function expectedBriefs(relative: string, withoutLines: readonly number[] = []): string[] {
  return expectedFor(relative)
    .filter((diagnostic) => !withoutLines.includes(diagnostic.range.start.line))
    .map(brief);
}

/** The 0-based line of the first line of `text` that contains `search`. */
function lineOf(text: string, search: string): number {
  const line = text.split("\n").findIndex((candidate) => candidate.includes(search));
  assert.ok(line >= 0, `"${search}" not found`);
  return line;
}

async function rejectsWith(promise: Promise<unknown>, code: number, data?: unknown): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (data !== undefined) assert.deepEqual(error.data, data);
    return true;
  });
}

const SEND_RECEIPT = "  sendReceipt(order);";
const DELETE_ALL = "  ids.map(async (id) => deleteOrder(id));";
const SYNC_SEND_RECEIPT = 'export function sendReceipt(order: Order): void {\n  console.log("receipt for", order.id);\n}';

// ---------------------------------------------------------------------------------------------

describe("over JSON-RPC, pull mode", () => {
  it("initializes with pull diagnostics and registers its file watchers", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const params = await server.received<RegistrationParams>("client/registerCapability");
    assert.deepEqual(params.registrations.map((registration): unknown[] => [registration.method, registration.registerOptions as unknown]), [
      [
        "workspace/didChangeWatchedFiles",
        {
          watchers: [
            { globPattern: "**/concurrency-lint.json" },
            { globPattern: "**/{tsconfig,jsconfig}*.json" },
            { globPattern: "**/package.json" },
            { globPattern: "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}" },
          ],
        },
      ],
    ]);
  });

  it("pulls exact diagnostics, follows an edit, and answers `unchanged` when nothing changed", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    assert.deepEqual(server.initializeResult?.capabilities.diagnosticProvider, {
      identifier: "concurrency-lint",
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
    const uri = await server.open("src/orders.ts");
    const first = await server.pull(uri);
    assert.ok(first.kind === "full" && first.resultId);
    const expected = expectedFor("src/orders.ts");
    assert.ok(expected.some((diagnostic) => diagnostic.relatedInformation?.length), "the demo has a finding with a related location");
    assert.deepEqual(
      first.items.map(({ range, code, severity, source, codeDescription, message, relatedInformation }) => ({
        range,
        code,
        severity,
        source,
        codeDescription,
        message,
        relatedInformation,
      })),
      expected,
    );
    assert.deepEqual(server.of("workspace/configuration").map((event) => event.params), [{ items: [{ scopeUri: uri, section: "concurrencyLint" }] }]);
    assert.deepEqual(await server.pull(uri, first.resultId), { kind: "unchanged", resultId: first.resultId });

    const line = lineOf(server.document(uri).getText(), DELETE_ALL);
    assert.ok(first.items.some((diagnostic) => diagnostic.range.start.line === line));
    // Awaited one by one: `await Promise.all(ids.map(...))` would be reported by unbounded-concurrency, which the demo enables.
    await server.replace(uri, DELETE_ALL, "  for (const id of ids) await deleteOrder(id);");
    const second = await server.pull(uri, first.resultId);
    assert.ok(second.kind === "full");
    assert.deepEqual(second.items.map(brief), expectedBriefs("src/orders.ts", [line]));
  });

  it("offers code actions; applying `Add await` removes the finding", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const uri = await server.open("src/orders.ts");
    const line = lineOf(server.document(uri).getText(), SEND_RECEIPT);
    const first = (await server.diagnostics(uri)).find((diagnostic) => diagnostic.range.start.line === line);
    assert.ok(first, "no diagnostic on the sendReceipt line");
    const actions = await server.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        "Add `await`",
        "Add a `.catch()` handler",
        "Add `void` to mark a deliberate fire-and-forget",
        "Disable floating-promise for this line",
        "Disable floating-promise for the entire file",
        "Show documentation for floating-promise",
      ],
    );
    const change = actions[0]?.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    // Applied as the editor would: the edits become incremental changes, last first.
    const edits = [...change.edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const fixed = await server.change(
      uri,
      edits.map((edit) => ({ range: edit.range, text: "newText" in edit ? edit.newText : "" })),
    );
    assert.equal(fixed.getText().split("\n")[line], "  await sendReceipt(order);");
    assert.deepEqual((await server.diagnostics(uri)).map(brief), expectedBriefs("src/orders.ts", [line]));
  });

  it("on didChangeConfiguration, requests a refresh and reads the settings again", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const uri = await server.open("src/orders.ts");
    const expected = expectedFor("src/orders.ts");
    assert.deepEqual((await server.diagnostics(uri)).map((d) => d.severity), expected.map((d) => d.severity));
    assert.equal(server.of("workspace/configuration").length, 1);

    server.settings = { rules: { "floating-promise": "error" } };
    // Waiters first, then the trigger, awaited together: a timed-out waiter is never unhandled.
    await Promise.all([server.next("workspace/diagnostic/refresh"), server.notify("workspace/didChangeConfiguration", { settings: null })]);
    // The client answers the refresh by pulling again; only then are the settings fetched.
    const [configuration, diagnostics] = await Promise.all([server.next<ConfigurationParams>("workspace/configuration"), server.diagnostics(uri)]);
    assert.deepEqual(configuration.items, [{ scopeUri: uri, section: "concurrencyLint" }]);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      expected.map((d) => [d.code, d.code === "floating-promise" ? 1 : d.severity]),
    );
  });

  it("refreshes other files when an edit of one changes their types", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const orders = await server.open("src/orders.ts");
    const mailer = await server.open("src/mailer.ts");
    const line = lineOf(server.document(orders).getText(), SEND_RECEIPT);
    assert.deepEqual((await server.diagnostics(orders)).map(brief), expectedBriefs("src/orders.ts"));
    assert.deepEqual((await server.diagnostics(mailer)).map(brief), expectedBriefs("src/mailer.ts"));

    // sendReceipt stops returning a promise: orders.ts, which was not edited, loses a finding.
    const text = server.document(mailer).getText();
    const start = text.indexOf("export async function sendReceipt");
    const end = text.indexOf("}\n", start) + 1;
    const document = server.document(mailer);
    await Promise.all([
      server.next("workspace/diagnostic/refresh"),
      server.change(mailer, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: SYNC_SEND_RECEIPT }]),
    ]);
    assert.deepEqual((await server.diagnostics(orders)).map(brief), expectedBriefs("src/orders.ts", [line]));
  });

  it("follows files changed and created on disk (workspace/didChangeWatchedFiles with their types)", CASE_TIMEOUT, async (t) => {
    const mailerFile = path.join(demo, "src", "mailer.ts");
    const createdFile = path.join(demo, "src", "created-on-disk.ts");
    const original = await fs.promises.readFile(mailerFile, "utf8");
    t.after(async () => {
      await fs.promises.writeFile(mailerFile, original);
      await fs.promises.rm(createdFile, { force: true });
    });
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const orders = await server.open("src/orders.ts");
    const line = lineOf(server.document(orders).getText(), SEND_RECEIPT);
    assert.deepEqual((await server.diagnostics(orders)).map(brief), expectedBriefs("src/orders.ts"));

    // mailer.ts is closed; on disk, sendReceipt stops returning a promise.
    const start = original.indexOf("export async function sendReceipt");
    const end = original.indexOf("}\n", start) + 1;
    await fs.promises.writeFile(mailerFile, original.slice(0, start) + SYNC_SEND_RECEIPT + original.slice(end));
    await Promise.all([
      server.next("workspace/diagnostic/refresh"),
      server.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: server.uri("src/mailer.ts"), type: FileChangeType.Changed }] }),
    ]);
    assert.deepEqual((await server.diagnostics(orders)).map(brief), expectedBriefs("src/orders.ts", [line]));

    // A created file the tsconfig includes joins its project: the file list is read again.
    await fs.promises.writeFile(createdFile, "export const created = 1;\n");
    await Promise.all([
      server.next<{ message: string }>("window/logMessage", (p) => p.message.endsWith("files after files were created or deleted")),
      server.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: server.uri("src/created-on-disk.ts"), type: FileChangeType.Created }] }),
    ]);
  });

  it("answers $/cancelRequest for a diagnostic request in flight with RequestCancelled", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const uri = await server.open("src/orders.ts");
    // Deterministic: the cancellation is sent while the server waits for this document's settings,
    // so it arrives before the server can have finished.
    const source = new CancellationTokenSource();
    server.onConfiguration = (scopeUri) => {
      if (scopeUri === uri) source.cancel();
    };
    await rejectsWith(server.pull(uri, undefined, source.token), REQUEST_CANCELLED);
    server.onConfiguration = undefined;
    assert.deepEqual((await server.diagnostics(uri)).map(brief), expectedBriefs("src/orders.ts"), "the server still serves the next request");
  });

  it("answers ServerCancelled (retrigger) when the document changes during a diagnostic request", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const uri = await server.open("src/orders.ts");
    const line = lineOf(server.document(uri).getText(), SEND_RECEIPT);
    let edited: Promise<TextDocument> | undefined;
    server.onConfiguration = (scopeUri) => {
      if (scopeUri === uri) edited = server.replace(uri, SEND_RECEIPT, "  await sendReceipt(order);");
    };
    await rejectsWith(server.pull(uri), SERVER_CANCELLED, { retriggerRequest: true });
    await edited;
    assert.deepEqual((await server.diagnostics(uri)).map(brief), expectedBriefs("src/orders.ts", [line]));
  });

  it("lints the workspace with progress, publishing the files that are not open", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    await server.open("src/orders.ts");
    const [serverTs, , result] = await Promise.all([
      server.next<PublishDiagnosticsParams>("textDocument/publishDiagnostics", (p) => p.uri === server.uri("src/server.ts")),
      server.next<{ value: { kind: string } }>("$/progress", (p) => p.value.kind === "end"),
      server.request<{ files: number; problems: number }>("concurrencyLint/lintWorkspace", { folders: [pathToFileURL(demo).href] }),
    ]);
    const closed = cli.results.filter((entry) => entry.filePath !== path.join(demo, "src", "orders.ts"));
    assert.equal(result.files, cli.results.length);
    assert.equal(result.problems, closed.reduce((sum, entry) => sum + entry.findings.length, 0), "the open file is left to the pull");
    assert.deepEqual(serverTs.diagnostics.map(brief), expectedBriefs("src/server.ts"));
    assert.equal(server.of("window/workDoneProgress/create").length, 1);
    const progress = server.of("$/progress").map((event) => (event.params as { value: { kind: string; title?: string } }).value);
    assert.deepEqual(progress[0], { kind: "begin", title: "concurrency-lint: linting the workspace", cancellable: false, percentage: 0 });
    assert.deepEqual(progress.at(-1), { kind: "end" });
    assert.ok(!server.of("textDocument/publishDiagnostics").some((event) => (event.params as PublishDiagnosticsParams).uri === server.uri("src/orders.ts")));
  });

  it("exits with code 0 after shutdown and exit", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PULL_CAPABILITIES);
    const uri = await server.open("src/orders.ts");
    assert.deepEqual((await server.diagnostics(uri)).map(brief), expectedBriefs("src/orders.ts"));
    assert.equal(await server.request("shutdown"), null);
    await server.notify("exit");
    assert.equal(await server.exited, 0, server.stderr);
  });
});

describe("over JSON-RPC, push mode", () => {
  it("publishes diagnostics after didOpen and after didChange when the client cannot pull", CASE_TIMEOUT, async (t) => {
    const server = await ServerProcess.start(t, PUSH_CAPABILITIES);
    assert.equal(server.initializeResult?.capabilities.diagnosticProvider, undefined);
    const uri = server.uri("src/orders.ts");
    const [published] = await Promise.all([
      server.next<PublishDiagnosticsParams>("textDocument/publishDiagnostics", (p) => p.uri === uri),
      server.open("src/orders.ts"),
    ]);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics.map(brief), expectedBriefs("src/orders.ts"));

    const line = lineOf(server.document(uri).getText(), SEND_RECEIPT);
    const [changed] = await Promise.all([
      server.next<PublishDiagnosticsParams>("textDocument/publishDiagnostics", (p) => p.uri === uri && p.version === 2),
      server.replace(uri, SEND_RECEIPT, "  await sendReceipt(order);"),
    ]);
    assert.deepEqual(changed.diagnostics.map(brief), expectedBriefs("src/orders.ts", [line]));
    assert.equal(server.of("client/registerCapability").length, 0, "nothing to register without dynamic registration");
  });
});
