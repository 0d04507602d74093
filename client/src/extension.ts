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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
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
