/**
 * The VS Code client: starts the bundled language server and adds the few things only an editor
 * can show (commands, a language status item). All analysis happens in the server.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from "vscode-languageclient/node";
import {
  DOCUMENT_SELECTOR_LANGUAGES,
  LINT_WORKSPACE_REQUEST,
  type LintWorkspaceResult,
  STATUS_NOTIFICATION,
  type StatusParams,
} from "../../server/src/protocol";

let client: LanguageClient | undefined;
const DEFAULT_MAX_MEMORY_MIB = 1536; // = package.json contributes.configuration default
const MIN_MAX_MEMORY_MIB = 256;

/**
 * Node flags for the server process: a deliberate heap limit (`concurrencyLint.server.maxMemory`,
 * MiB). Without one, Node's limit follows the machine's memory (about 4 GiB), and at that default
 * V8 lets the heap grow to up to 4× the live data between full collections: on a long editing
 * session the server's memory doubled (224 → 471 MiB over 1,000 edits on mongodb). With a lower
 * limit (in Node 20's V8: below 2 GiB) V8 grows by a factor between 1.3 and 2, so memory levels off
 * near the live data. See ARCHITECTURE.md, "The language server", Memory.
 */
function serverExecArgv(): string[] {
  const configured = vscode.workspace.getConfiguration("concurrencyLint").get<number>("server.maxMemory", DEFAULT_MAX_MEMORY_MIB);
  const mib = Number.isInteger(configured) && configured >= MIN_MAX_MEMORY_MIB ? configured : DEFAULT_MAX_MEMORY_MIB;
  return [`--max-old-space-size=${mib}`];
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join("dist", "server.js"));
  const run = { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverExecArgv() } };
  const debug = { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019", ...serverExecArgv()] } };
  const serverOptions: ServerOptions = { run, debug };
  const documentSelector = DOCUMENT_SELECTOR_LANGUAGES.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    diagnosticPullOptions: { onChange: true, onSave: true },
    // The server registers its own file watchers; settings are pulled per resource.
  };
  const status = vscode.languages.createLanguageStatusItem("concurrencyLint.status", documentSelector);
  status.name = "concurrency-lint";
  status.text = "concurrency-lint: starting";
  status.command = { title: "Show output", command: "concurrencyLint.showOutputChannel" };
  context.subscriptions.push(status);

  client = new LanguageClient("concurrencyLint", "concurrency-lint", serverOptions, clientOptions);
  const started = client;
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      status.text = params.state === "running" ? "$(sync~spin) concurrency-lint" : `concurrency-lint: ${params.text}`;
      status.detail = params.detail;
      status.severity = params.state === "error" ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
      status.busy = params.state === "running";
    }),
    vscode.commands.registerCommand("concurrencyLint.restartServer", async () => {
      // The client starts the new process from these same objects: a changed heap limit applies now.
      run.options.execArgv = serverExecArgv();
      debug.options.execArgv = ["--nolazy", "--inspect=6019", ...serverExecArgv()];
      await started.restart();
    }),
    vscode.commands.registerCommand("concurrencyLint.showOutputChannel", () => {
      started.outputChannel.show();
    }),
    vscode.commands.registerCommand("concurrencyLint.lintWorkspace", async () => {
      const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString());
      const result = await started.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, { folders });
      void vscode.window.showInformationMessage(
        `concurrency-lint: ${result.problems} problem(s) in ${result.files} file(s) (${result.durationMs} ms).`,
      );
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
