/**
 * The VS Code extension's packages carry what each engine needs (issue 13, packaging). Builds this
 * machine's platform-specific package (`scripts/package-vsix.mjs --target <this platform>`: its
 * compiler comes from node_modules, no network) and the universal one, unpacks each outside the
 * repository the way VS Code installs it (Unix modes kept), and runs the packaged language server
 * (`extension/dist/server.js --stdio`, driven over JSON-RPC) on a copy of test/fixtures/ts7/project:
 *
 * - the platform package with `engine: ts7` gives ts6's findings, from TypeScript 7's compiler
 *   inside the package (the server's child process runs the packaged binary);
 * - the universal package with `engine: ts7` lints with ts6 and says so once, naming the package
 *   to install.
 *
 * Other platforms' packages need the npm registry for their compilers: they are built by
 * `npm run package:platforms`, not here.
 */
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver";
import { VSIX_TARGETS, vsixTargetOf } from "../../server/src/engine/ts7/engine";
import { LINT_WORKSPACE_REQUEST } from "../../server/src/protocol";

const REPO = path.resolve(__dirname, "..", "..");
const SCRIPT = path.join(REPO, "scripts", "package-vsix.mjs");
const FIXTURE = path.join(REPO, "test", "fixtures", "ts7", "project");
const TARGET = vsixTargetOf();
const COMPILER = `@typescript/typescript-${process.platform}-${process.arch}`;
const WAIT_MS = 60_000;

interface ZipEntry {
  name: string;
  unixMode: number;
}
interface PackageVsix {
  TARGETS: Record<string, string>;
  listZip(file: string): { entries: ZipEntry[]; read(entry: ZipEntry): Buffer };
}

let work = "";
let project = "";
let script: PackageVsix;

/** Builds a package with the real script; returns the folder it was unpacked into (its `extension/`). */
function packageAndUnpack(name: string, targetArgs: string[]): string {
  const vsix = path.join(work, `${name}.vsix`);
  const result = spawnSync(process.execPath, [SCRIPT, ...targetArgs, "--out", vsix], { cwd: REPO, encoding: "utf8", timeout: 5 * 60_000 });
  assert.equal(result.status, 0, `scripts/package-vsix.mjs ${targetArgs.join(" ")} failed:\n${result.stdout.slice(-3000)}\n${result.stderr}`);
  const folder = path.join(work, name);
  const { entries, read } = script.listZip(vsix);
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const file = path.join(folder, entry.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // As VS Code extracts a package: the entry's Unix mode, else rw-r--r--.
    fs.writeFileSync(file, read(entry), { mode: (entry.unixMode || 0o644) & 0o777 });
  }
  return path.join(folder, "extension");
}

/** The packaged server in its own process, with a client that answers settings and records what it is sent. */
class PackagedServer {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: { type: number; message: string }[] = [];
  stderr = "";
  readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: MessageConnection;

  constructor(extension: string, settings: Record<string, unknown>) {
    this.child = spawn(process.execPath, [path.join(extension, "dist", "server.js"), "--stdio"], { cwd: project, stdio: "pipe" });
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
    });
    // vscode-languageserver's showWarningMessage is a request (it could offer actions).
    this.connection.onRequest("window/showMessageRequest", (params: { type: number; message: string }) => {
      this.messages.push(params);
      return null;
    });
    this.connection.onNotification("window/logMessage", (params: { type: number; message: string }) => {
      this.logs.push(params);
    });
    this.connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => settings));
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  /** initialize, then lint the whole workspace: every file's diagnostics are published. */
  async lintWorkspace(): Promise<Map<string, string[]>> {
    const folder = pathToFileURL(project).href;
    await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: "project" }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await this.connection.sendNotification("initialized", {});
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${WAIT_MS} ms\n${this.stderr}`)), WAIT_MS).unref());
    await Promise.race([this.connection.sendRequest(LINT_WORKSPACE_REQUEST, { folders: [folder] }), timeout]);
    return new Map([...this.diagnostics].map(([uri, diagnostics]) => [path.relative(project, new URL(uri).pathname), diagnostics.map(summary)]));
  }

  /** The executables of the server's child processes (Linux: /proc), while it runs. */
  childExecutables(): string[] {
    return fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parent === this.child.pid ? [fs.readlinkSync(`/proc/${pid}/exe`)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    const killer = setTimeout(() => this.child.kill(), 10_000);
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      this.child.kill();
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}

/** A diagnostic in one line: range, rule and message. */
function summary(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${String(diagnostic.code)} ${typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value}`;
}
async function lint(extension: string, engine: "ts6" | "ts7", inspect?: (server: PackagedServer) => void): Promise<PackagedServer & { findings: Map<string, string[]> }> {
  const server = new PackagedServer(extension, { engine });
  try {
    const findings = await server.lintWorkspace();
    inspect?.(server);
    return Object.assign(server, { findings });
  } finally {
    await server.stop();
  }
}

before(async () => {
  script = (await import(pathToFileURL(SCRIPT).href)) as PackageVsix;
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-vsix-test-")));
  project = path.join(work, "project");
  fs.cpSync(FIXTURE, project, { recursive: true });
});
after(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the VS Code extension's packages", () => {
  it("the packaging script builds a package for each platform the server's message can name", () => {
    assert.deepEqual(Object.keys(script.TARGETS).sort(), [...VSIX_TARGETS].sort());
  });

  it(`this platform's package (${TARGET}) runs the ts7 engine on its own compiler, with ts6's findings`, { timeout: 6 * 60_000 }, async () => {
    assert.ok(Object.hasOwn(script.TARGETS, TARGET), `no package for ${TARGET}`);
    const extension = packageAndUnpack(TARGET, ["--target", TARGET]);
    const compiler = path.join(extension, "node_modules", ...COMPILER.split("/"), "lib", process.platform === "win32" ? "tsc.exe" : "tsc");
    assert.ok(fs.existsSync(compiler), `${compiler} is in the package`);
    assert.ok(!fs.existsSync(path.join(extension, "node_modules", "typescript7", "bin")), "typescript7's own CLI stays out");

    const ts6 = await lint(extension, "ts6");
    let children: string[] = [];
    const ts7 = await lint(extension, "ts7", (server) => (children = server.childExecutables()));
    assert.ok([...ts6.findings.values()].flat().length >= 10, `the fixture's findings: ${JSON.stringify([...ts6.findings])}`);
    assert.deepEqual(ts7.findings, ts6.findings);
    assert.deepEqual(ts7.messages, [], "nothing shown to the user");
    assert.deepEqual(ts7.logs.filter((log) => log.type === 1), [], "no error logged");
    if (process.platform === "linux") assert.deepEqual(children, [compiler], "TypeScript 7's compiler is the packaged one");
  });

  it("the universal package lints with ts6 when ts7 is chosen, and says once which package to install", { timeout: 6 * 60_000 }, async () => {
    const extension = packageAndUnpack("universal", []);
    assert.ok(!fs.existsSync(path.join(extension, "node_modules", "typescript7")), "no TypeScript 7 in the universal package");
    const ts6 = await lint(extension, "ts6");
    const ts7 = await lint(extension, "ts7");
    assert.deepEqual(ts7.findings, ts6.findings);
    assert.equal(ts7.messages.length, 1, JSON.stringify({ messages: ts7.messages, logs: ts7.logs, stderr: ts7.stderr }));
    const [shown] = ts7.messages;
    assert.equal(shown.type, 2, "a warning");
    assert.match(shown.message, new RegExp(`^concurrency-lint: the ts7 engine \\(experimental\\) cannot load TypeScript 7's compiler for ${process.platform}-${process.arch} \\(.*\\); linting with ts6\\. To use ts7: in VS Code, install concurrency-lint's VSIX for ${TARGET} \\(the universal VSIX runs ts6 only\\)`));
  });
});
