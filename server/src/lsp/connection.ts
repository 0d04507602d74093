/**
 * Binds a JSON-RPC connection to the server class: a flat list of bindings, nothing more. Every
 * handler is guarded so that a failure is logged and answered, never a dead server.
 */
import {
  type CancellationToken,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type ClientCapabilities,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  LINT_WORKSPACE_REQUEST,
  type LintWorkspaceResult,
  SETTINGS_SECTION,
  type Settings,
  STATUS_NOTIFICATION,
} from "../protocol";
import { ConcurrencyLintServer, type ProgressReporter, type ServerHost } from "./server";

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let server: ConcurrencyLintServer | undefined;

  const log = (level: "info" | "warn" | "error", message: string) => {
    if (level === "error") connection.console.error(message);
    else if (level === "warn") connection.console.warn(message);
    else connection.console.info(message);
  };
  const guard =
    <A extends unknown[]>(what: string, body: (...args: A) => void) =>
    (...args: A): void => {
      try {
        body(...args);
      } catch (error) {
        log("error", `${what} failed: ${(error as Error).stack ?? String(error)}`);
      }
    };

  const host: ServerHost = {
    getSettings: async (uri) => {
      if (!capabilities.workspace?.configuration) return undefined;
      return (await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })) as Partial<Settings> | undefined;
    },
    publishDiagnostics: (uri, diagnostics, version) => {
      void connection.sendDiagnostics({ uri, diagnostics, version }).catch((error: unknown) => log("warn", `publishDiagnostics: ${String(error)}`));
    },
    refreshDiagnostics: () => {
      if (!capabilities.workspace?.diagnostics?.refreshSupport) return;
      void connection.languages.diagnostics.refresh().catch((error: unknown) => log("warn", `diagnostic refresh: ${String(error)}`));
    },
    showDocument: async (url) => {
      if (capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: url, external: true });
      else void connection.window.showInformationMessage(`Documentation: ${url}`);
    },
    status: (params) => {
      void connection.sendNotification(STATUS_NOTIFICATION, params).catch(() => undefined);
    },
    log,
    showError: (message) => {
      connection.window.showErrorMessage(`concurrency-lint: ${message}`);
    },
    showWarning: (message) => {
      connection.window.showWarningMessage(`concurrency-lint: ${message}`);
    },
    progress: async (title): Promise<ProgressReporter> => {
      if (!capabilities.window?.workDoneProgress) return { report() {}, done() {} };
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin(title, 0, undefined, false);
      return {
        report: (done, total) => progress.report(total > 0 ? Math.round((done / total) * 100) : 0, `${done}/${total} files`),
        done: () => progress.done(),
      };
    },
  };

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    server = new ConcurrencyLintServer(host, documents);
    return server.initialize(params);
  });

  connection.onInitialized(
    guard("initialized", () => {
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: "**/concurrency-lint.json" },
            { globPattern: "**/{tsconfig,jsconfig}*.json" },
            // Module resolution (exports, types), the default @types (the project's TypeScript
            // version) and command-line program folders (bin) are read from it.
            { globPattern: "**/package.json" },
            { globPattern: "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}" },
          ],
        });
      }
    }),
  );

  documents.onDidOpen(guard("didOpen", (event) => server?.didOpen(event.document)));
  documents.onDidChangeContent(guard("didChange", (event) => server?.didChange(event.document)));
  documents.onDidSave(guard("didSave", (event) => server?.didSave(event.document)));
  documents.onDidClose(guard("didClose", (event) => server?.didClose(event.document)));

  connection.languages.diagnostics.on(async (params, token) => {
    if (!server) return { kind: "full", items: [] };
    return server.pullDiagnostics(params.textDocument.uri, params.previousResultId, token);
  });
  connection.onCodeAction(async (params) => (server ? server.codeActions(params) : []));
  connection.onExecuteCommand(async (params) => server?.executeCommand(params.command, params.arguments));
  connection.onDidChangeConfiguration(guard("didChangeConfiguration", () => server?.didChangeConfiguration()));
  connection.onDidChangeWatchedFiles(
    guard("didChangeWatchedFiles", (params) => server?.didChangeWatchedFiles(params.changes)),
  );
  connection.onRequest(
    LINT_WORKSPACE_REQUEST,
    async (params: { folders: string[] }, token: CancellationToken): Promise<LintWorkspaceResult> =>
      server ? server.lintWorkspace(params.folders, token) : { files: 0, problems: 0, durationMs: 0 },
  );
  connection.onShutdown(() => server?.dispose());

  documents.listen(connection);
  connection.listen();
}
