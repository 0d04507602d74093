/**
 * The language server as a class that knows no transport: `connection.ts` binds it to a JSON-RPC
 * connection, tests drive it directly. It adapts the engine to LSP: diagnostics (pull, or push
 * for clients without pull), code actions, settings, cancellation and cross-file freshness.
 */
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as ts from "typescript";
import {
  type CancellationToken,
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  type FileEvent,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  type TextEdit as LspTextEdit,
  TextDocumentSyncKind,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { ConfigError, ConfigResolver, type EngineName, isFileIncluded, type ResolvedConfig } from "../engine/config";
import { pickFixes } from "../engine/fixes";
import { type FileLintResult, lintSourceFile, ProgramTypes } from "../engine/linter";
import { ts7Unavailable } from "../engine/ts7/engine";
import type { Project7 } from "../engine/ts7/api";
import { Ts7Session } from "../engine/ts7/session";
import { Ts7TypeOracle } from "../engine/ts7/ts7TypeOracle";
import { describeTypes, expandPaths, normalizePath } from "../engine/project";
import { type CancellationSignal, CancelledError } from "../engine/runner";
import type { Finding, Fix, RuleSetting } from "../engine/types";
import {
  DEFAULT_SETTINGS,
  FIX_ALL_KIND,
  type LintWorkspaceResult,
  type RuleSeverity,
  type Settings,
  SHOW_DOCUMENTATION_COMMAND,
  type StatusParams,
} from "../protocol";
import { allRules, docsUrl, rulesById } from "../rules";
import { type FileChangeKind, type Project, ProjectLoadError, ProjectService } from "./projectService";

export interface DocumentStore {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

export interface ProgressReporter {
  report(done: number, total: number): void;
  done(): void;
}

/** What the server needs from its environment; the wiring implements it over a connection. */
export interface ServerHost {
  /** `workspace/configuration` for section `concurrencyLint`, scoped to a document. */
  getSettings(uri: string): Promise<Partial<Settings> | undefined>;
  publishDiagnostics(uri: string, diagnostics: Diagnostic[], version?: number): void;
  /** `workspace/diagnostic/refresh`: the client pulls every open document again. */
  refreshDiagnostics(): void;
  showDocument(url: string): Promise<void>;
  status(params: StatusParams): void;
  log(level: "info" | "warn" | "error", message: string): void;
  /** A message the user should see once (a broken config file, a project that fails to load). */
  showError(message: string): void;
  /** A warning the user should see once (the ts7 engine chosen where it cannot run). */
  showWarning(message: string): void;
  progress(title: string): Promise<ProgressReporter>;
}

interface LintState {
  version: number;
  /**
   * What the result depended on besides the text (`inputsOf`): the program's `contentStamp`
   * and the config epoch; the config epoch alone for a file the config excludes; the global
   * generation for a result that came from no program (a failure), retried after any change.
   */
  inputs: string;
  resultId: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

const SEVERITY: Record<Finding["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * Rules whose findings comments cannot suppress: those about suppression comments themselves,
 * and `parse-error` (always on).
 */
const UNSUPPRESSIBLE = new Set(["unused-suppression", "missing-suppression-reason", ...allRules.filter((rule) => rule.meta.alwaysOn).map((rule) => rule.meta.id)]);

const PUSH_DELAY_MS = 150;
/** Coalesces bursts of typing into one refresh of the other open files. */
const REFRESH_DELAY_MS = 100;

function uriToFileName(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  return normalizePath(fileURLToPath(uri));
}

function fileNameToUri(fileName: string): string {
  return pathToFileURL(fileName).href;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const CHANGE_KINDS: Record<FileChangeType, FileChangeKind> = {
  [FileChangeType.Created]: "created",
  [FileChangeType.Changed]: "changed",
  [FileChangeType.Deleted]: "deleted",
};

export class ConcurrencyLintServer {
  private readonly projects: ProjectService;
  private readonly configs = new ConfigResolver(allRules);
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly states = new Map<string, LintState>();
  /** Each program's types; `generation`: the TypeScript 7 snapshot they were made in (`ts7` only). */
  private readonly types = new WeakMap<ts.Program, { engine: EngineName; types: ProgramTypes; generation?: number }>();
  /**
   * The `ts7` engine: one TypeScript 7 compiler process for the workspace, every tsconfig a
   * project of its snapshot, kept across edits (snapshot updates). Started on first use.
   */
  private ts7Session: Ts7Session | undefined;
  private ts7Problem: string | undefined;
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  private readonly savedVersions = new Map<string, number>();
  private readonly shownErrors = new Set<string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Bumped when settings or concurrency-lint.json files change. */
  private configEpoch = 0;
  private pullMode = true;
  private resultCounter = 0;
  private disposed = false;

  constructor(
    private readonly host: ServerHost,
    private readonly documents: DocumentStore,
    /** Why the `ts7` engine cannot run here (tests stand in for a missing TypeScript 7). */
    private readonly ts7Probe: () => string | undefined = () => ts7Unavailable("server"),
  ) {
    this.projects = new ProjectService({
      get: (fileName) => {
        const document = this.documentByFileName(fileName);
        return document ? { text: document.getText(), version: document.version } : undefined;
      },
      fileNames: () => this.documents.all().flatMap((document) => uriToFileName(document.uri) ?? []),
    }, (project, types) => this.host.log("info", `@types for ${project}: ${describeTypes(types)}`), (message) => this.host.log("info", message));
  }

  initialize(params: InitializeParams): InitializeResult {
    this.pullMode = params.capabilities.textDocument?.diagnostic !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: this.pullMode
          ? { identifier: "concurrency-lint", interFileDependencies: true, workspaceDiagnostics: false }
          : undefined,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
      },
      serverInfo: { name: "concurrency-lint" },
    };
  }

  get usesPullDiagnostics(): boolean {
    return this.pullMode;
  }

  // Document events ------------------------------------------------------------------------------

  didOpen(document: TextDocument): void {
    this.projects.documentChanged();
    if (!this.pullMode) this.schedulePush(document.uri, true);
  }

  didChange(document: TextDocument): void {
    this.projects.documentChanged();
    if (this.pullMode) this.scheduleRefreshIfDependents(document.uri);
    else this.schedulePush(document.uri, true);
  }

  didSave(document: TextDocument): void {
    this.savedVersions.set(document.uri, document.version);
    if (this.pullMode) this.scheduleRefresh();
    else this.schedulePush(document.uri, true);
  }

  didClose(document: TextDocument): void {
    const fileName = uriToFileName(document.uri);
    this.states.delete(document.uri);
    this.savedVersions.delete(document.uri);
    if (fileName) this.projects.documentClosed(fileName);
    if (!this.pullMode) this.host.publishDiagnostics(document.uri, []);
  }

  /** `workspace/didChangeConfiguration`: settings are pulled again, everything re-lints. */
  didChangeConfiguration(): void {
    this.settingsCache.clear();
    this.configEpoch++;
    this.relintAll();
  }

  /**
   * `workspace/didChangeWatchedFiles`: config files, tsconfigs, or sources changed on disk. A
   * changed source file re-checks the open documents of the projects whose program holds it; a
   * created or deleted one, those whose file list or module resolution it changes; a tsconfig or
   * concurrency-lint.json, everything. Documents whose result is still fresh (`inputsOf`) answer
   * from it without being linted again.
   */
  didChangeWatchedFiles(changes: readonly FileEvent[]): void {
    const events = changes.flatMap((change) => {
      const fileName = uriToFileName(change.uri);
      return fileName ? [{ fileName, kind: CHANGE_KINDS[change.type] ?? "changed" }] : [];
    });
    const fileNames = events.map((event) => event.fileName);
    const configChanged = fileNames.some((fileName) => fileName.endsWith("/concurrency-lint.json"));
    if (configChanged) {
      this.configs.clear();
      this.configEpoch++;
    }
    // A config file was edited: if it is (still, or again) broken, say so again.
    if (fileNames.some((fileName) => /\/(?:concurrency-lint|[tj]sconfig[^/]*)\.json$/.test(fileName))) this.shownErrors.clear();
    const { reloaded, affected } = this.projects.filesChangedOnDisk(events);
    // No project reloaded and none holds a changed file: nothing open can show anything new.
    if (!configChanged && !reloaded && affected.length === 0) return;
    this.relintAll();
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.pushTimers.values()) clearTimeout(timer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.projects.dispose();
    this.ts7Session?.close();
    this.ts7Session = undefined;
  }

  // Diagnostics ----------------------------------------------------------------------------------

  /** `textDocument/diagnostic`. */
  async pullDiagnostics(uri: string, previousResultId: string | undefined, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // The request is about the text it was sent for: an edit before the answer makes it stale.
    const version = document.version;
    const settings = await this.settingsFor(uri);
    const previous = this.states.get(uri);
    if (settings.run === "onSave" && previous && previous.version !== version && !this.savedSince(uri, previous.version)) {
      // Run on save: keep showing what the last analysis found until the next save.
      return previous.resultId === previousResultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId: previous.resultId, items: previous.diagnostics };
    }
    // Nothing this file's result depends on changed since the last analysis: answer from it.
    const fresh = previous && previous.version === version && this.isFresh(uri, previous) ? previous : undefined;
    const state = fresh ?? (await this.lint(uri, settings, token, { version }));
    if (!state) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (previousResultId !== undefined && previousResultId === state.resultId) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: state.resultId };
    }
    return { kind: DocumentDiagnosticReportKind.Full, resultId: state.resultId, items: state.diagnostics };
  }

  /**
   * Lints the current text of an open document; undefined when there is nothing to show.
   * `version`: the version the caller's request was for (ServerCancelled if the text moved on).
   * `remember: false` (code actions): the result is not what the editor shows, so it must not
   * replace the stored state (with `run: onSave` that would publish unsaved findings).
   */
  private async lint(
    uri: string,
    settings: Settings,
    token?: CancellationToken,
    { version: expectedVersion, remember = true }: { version?: number; remember?: boolean } = {},
  ): Promise<LintState | undefined> {
    const document = this.documents.get(uri);
    const fileName = uriToFileName(uri);
    if (!document || !fileName || !settings.enable) {
      if (remember) this.states.delete(uri);
      return undefined;
    }
    const version = expectedVersion ?? document.version;
    // Captured before any work: a change during the analysis makes the result stale. The
    // program's stamp is taken from the program the findings come from.
    const configEpoch = this.configEpoch;
    let inputs = this.failedInputs();
    const store = (findings: Finding[]) => this.store(uri, version, findings, remember, inputs);
    const checkpoint = () => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
      const current = this.documents.get(uri);
      if (this.disposed || !current || current.version !== version) {
        // A newer edit made this work pointless: the client should ask again.
        throw new ResponseError(LSPErrorCodes.ServerCancelled, "the document changed", { retriggerRequest: true });
      }
    };
    await yieldToEventLoop();
    checkpoint();
    const started = Date.now();
    this.host.status({ state: "running", text: "analysing…" });
    let result: FileLintResult;
    try {
      const config = this.effectiveConfig(fileName, settings);
      if (!isFileIncluded(config, fileName)) {
        inputs = `excluded:${configEpoch}`;
        return store([]);
      }
      const project = this.projects.projectFor(fileName);
      const program = project.program();
      const sourceFile = program?.getSourceFile(fileName);
      if (!program || !sourceFile) return store([]);
      inputs = projectInputs(project, configEpoch);
      await yieldToEventLoop();
      checkpoint();
      const cancellation = { isCancellationRequested: () => token?.isCancellationRequested === true };
      const types = this.typesFor(program, this.engineOf(settings, config), project.configFile);
      result = this.cancellable(program, cancellation, () => lintSourceFile(sourceFile, types, config, allRules, cancellation));
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      if (error instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
      this.reportFailure(error);
      // Never leave stale diagnostics behind a failure; try again after the next change.
      inputs = this.failedInputs();
      return store([]);
    }
    for (const internal of result.internalErrors) {
      this.host.log("error", `rule ${internal.ruleId} crashed on ${internal.fileName}: ${internal.stack ?? internal.message}`);
    }
    const elapsed = Date.now() - started;
    if (result.internalErrors.length > 0) {
      const first = result.internalErrors[0];
      this.host.status({
        state: "error",
        text: `rule ${first.ruleId} crashed`,
        detail: `${first.ruleId} on ${first.fileName}: ${first.message} (other rules still ran; see the output channel)`,
        lastAnalysisMs: elapsed,
        problems: result.findings.length,
      });
    } else {
      this.host.status({
        state: "ok",
        text: `${result.findings.length} problem${result.findings.length === 1 ? "" : "s"} · ${elapsed} ms`,
        lastAnalysisMs: elapsed,
        problems: result.findings.length,
      });
    }
    return store(result.findings);
  }

  /** The inputs of a result that came from no program: stale after any change. */
  private failedInputs(): string {
    return `failed:${this.projects.generation}:${this.configEpoch}`;
  }

  /**
   * Whether nothing the stored result depends on besides the document's text changed: for a
   * result from a program, its project builds (or keeps) a program with the same content. Within
   * a project every open document depends on every file: the engine's cross-file facts (the
   * async callers reported with a blocking call, a method judged with its overrides in
   * subclasses, `promiseNames` and `projectReferencesOf` over every file) can reach a document
   * from files it does not import, so a changed program makes all of its documents stale.
   */
  private isFresh(uri: string, state: LintState): boolean {
    if (state.inputs.startsWith("excluded:")) return state.inputs === `excluded:${this.configEpoch}`;
    if (state.inputs.startsWith("failed:")) return state.inputs === this.failedInputs();
    const fileName = uriToFileName(uri);
    if (!fileName) return false;
    try {
      const project = this.projects.projectFor(fileName);
      project.program();
      return state.inputs === projectInputs(project, this.configEpoch);
    } catch {
      return false;
    }
  }

  private store(uri: string, version: number, findings: Finding[], remember: boolean, inputs: string): LintState {
    const diagnostics = findings.map((finding, index) => toDiagnostic(finding, index, version));
    const previous = this.states.get(uri);
    // Related locations count: they can be in other files and move when only those files change.
    const signature = JSON.stringify(diagnostics.map((d) => [d.range, d.message, d.severity, d.code, d.relatedInformation]));
    const resultId =
      previous && previous.version === version && previous.resultId.endsWith(`#${hash(signature)}`)
        ? previous.resultId
        : `${++this.resultCounter}#${hash(signature)}`;
    const state: LintState = { version, inputs, resultId, findings, diagnostics };
    if (remember) this.states.set(uri, state);
    return state;
  }

  private reportFailure(error: unknown): void {
    const message =
      error instanceof ConfigError
        ? `Invalid configuration: ${error.message}`
        : error instanceof ProjectLoadError
          ? `Cannot load the TypeScript project: ${error.message}`
          : `Internal error: ${(error as Error).message ?? String(error)}`;
    this.host.log("error", error instanceof Error && !(error instanceof ConfigError) ? `${message}\n${error.stack ?? ""}` : message);
    this.host.status({ state: "error", text: "concurrency-lint: error", detail: message });
    if (!this.shownErrors.has(message)) {
      this.shownErrors.add(message);
      this.host.showError(message);
    }
  }

  private effectiveConfig(fileName: string, settings: Settings): ResolvedConfig {
    const config = this.configs.configFor(fileName);
    // A rule that is always on keeps its severity, whatever the editor's settings say.
    const overrides = Object.entries(settings.rules).filter(([id]) => rulesById.has(id) && !rulesById.get(id)?.meta.alwaysOn);
    if (overrides.length === 0) return config;
    const rules = new Map<string, RuleSetting>(config.rules);
    for (const [id, severity] of overrides) {
      const current = rules.get(id);
      if (current) rules.set(id, { ...current, severity });
    }
    return { ...config, rules };
  }

  /** The editor's `concurrencyLint.engine`, else concurrency-lint.json's `"engine"`, else `ts6`. */
  private engineOf(settings: Settings, config: ResolvedConfig): EngineName {
    return settings.engine === "ts6" || settings.engine === "ts7" ? settings.engine : (config.engine ?? "ts6");
  }

  private typesFor(program: ts.Program, engine: EngineName, configFile: string | undefined): ProgramTypes {
    const known = this.types.get(program);
    if (engine === "ts7" && configFile !== undefined) {
      const ts7 = this.ts7For(program, configFile);
      if (ts7) {
        if (known?.engine === engine && known.generation === ts7.session.generation) return known.types;
        const { session, project } = ts7;
        const types = new ProgramTypes(program, undefined, (forProgram, readFile) => new Ts7TypeOracle(forProgram, session, project, readFile));
        this.types.set(program, { engine, types, generation: session.generation });
        return types;
      }
      // TypeScript 7 cannot run here: TypeScript 6 answers.
      engine = "ts6";
    }
    if (known?.engine === engine) return known.types;
    const types = new ProgramTypes(program);
    this.types.set(program, { engine, types });
    return types;
  }

  /**
   * Runs an analysis with `cancellation` also checked by the TypeScript 7 process' session before
   * each batch question (a question blocks until answered), when the program's types are TypeScript 7's.
   */
  private cancellable<T>(program: ts.Program, cancellation: CancellationSignal, run: () => T): T {
    const session = this.ts7Session;
    if (!session || this.types.get(program)?.generation === undefined) return run();
    session.cancellation = cancellation;
    try {
      return run();
    } finally {
      session.cancellation = undefined;
    }
  }

  /**
   * The workspace's TypeScript 7 process (started on first use, restarted if it died) with the
   * project of `configFile` open, brought to the open documents' text (a snapshot update when
   * any changed) and answering on this program's trees. Types made in an older snapshot are
   * stale (`generation`). Undefined, and TypeScript 6 answers, when TypeScript 7 cannot run here
   * (said once) or did not open the project.
   */
  private ts7For(program: ts.Program, configFile: string): { session: Ts7Session; project: Project7 } | undefined {
    this.ts7Problem ??= this.ts7Probe() ?? "";
    if (this.ts7Problem !== "") {
      if (!this.shownErrors.has(this.ts7Problem)) {
        // Once per server: the user chose ts7 and gets ts6 (the universal VSIX carries no
        // TypeScript 7), so say it where it is seen, with what to install.
        this.shownErrors.add(this.ts7Problem);
        this.host.log("error", this.ts7Problem);
        this.host.showWarning(this.ts7Problem);
      }
      return undefined;
    }
    let session = this.ts7Session;
    if (!session) {
      session = new Ts7Session({ cwd: path.dirname(configFile), configFiles: [configFile] });
      this.ts7Session = session;
    } else if (!session.responds()) {
      this.host.log("warn", "TypeScript 7's compiler stopped; restarting it");
      session.restart();
    }
    const open = new Map(this.documents.all().flatMap((document) => {
      const fileName = uriToFileName(document.uri);
      return fileName ? [[normalizePath(fileName), document.getText()] as const] : [];
    }));
    for (const fileName of session.unsavedFiles()) if (!open.has(fileName)) session.setText(fileName, undefined);
    for (const [fileName, text] of open) session.setText(fileName, text);
    session.openProject(configFile);
    session.update();
    session.useTrees((fileName) => program.getSourceFile(fileName), program);
    const project = session.project(configFile);
    if (!project) {
      const message = `TypeScript 7 did not open ${configFile}; linting with ts6`;
      if (!this.shownErrors.has(message)) {
        this.shownErrors.add(message);
        this.host.log("error", message);
      }
      return undefined;
    }
    return { session, project };
  }

  private savedSince(uri: string, version: number): boolean {
    const saved = this.savedVersions.get(uri);
    return saved !== undefined && saved > version;
  }

  async settingsFor(uri: string): Promise<Settings> {
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.host.getSettings(uri).then(
        (value) => normalizeSettings(value),
        (error: unknown) => {
          this.host.log("warn", `could not read settings for ${uri}: ${(error as Error).message}`);
          return DEFAULT_SETTINGS;
        },
      );
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  // Freshness ------------------------------------------------------------------------------------

  private relintAll(): void {
    if (this.pullMode) {
      this.scheduleRefresh();
    } else {
      for (const document of this.documents.all()) this.schedulePush(document.uri, false);
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (!this.disposed) this.host.refreshDiagnostics();
    }, REFRESH_DELAY_MS);
  }

  /** After an edit, other open files of a project that holds the file may see different types: refresh them. */
  private scheduleRefreshIfDependents(uri: string): void {
    if (this.otherOpenDocumentsInProject(uri).length > 0) this.scheduleRefresh();
  }

  private otherOpenDocumentsInProject(uri: string): TextDocument[] {
    const fileName = uriToFileName(uri);
    if (!fileName) return [];
    const others = this.documents.all().filter((document) => document.uri !== uri && uriToFileName(document.uri));
    if (others.length === 0) return [];
    return others.filter((document) => {
      const otherFile = uriToFileName(document.uri)!;
      // The edited file may be a root of that project or only imported by it (another project's file).
      return this.projects.loadedProjects().some((project) => project.containsFile(otherFile) && project.mayHold(fileName));
    });
  }

  private schedulePush(uri: string, withDependents: boolean): void {
    const existing = this.pushTimers.get(uri);
    if (existing) clearTimeout(existing);
    this.pushTimers.set(
      uri,
      setTimeout(() => {
        this.pushTimers.delete(uri);
        void this.push(uri, withDependents).catch((error: unknown) => this.reportFailure(error));
      }, PUSH_DELAY_MS),
    );
  }

  private async push(uri: string, withDependents: boolean): Promise<void> {
    if (this.disposed) return;
    const document = this.documents.get(uri);
    if (!document) return;
    const settings = await this.settingsFor(uri);
    const previous = this.states.get(uri);
    if (settings.run === "onSave" && previous && !this.savedSince(uri, previous.version)) return;
    // Still fresh (another project changed, or nothing the result depends on): already published.
    if (previous && previous.version === document.version && this.isFresh(uri, previous)) return;
    let state: LintState | undefined;
    try {
      state = await this.lint(uri, settings);
    } catch (error) {
      if (error instanceof ResponseError) return; // superseded by a newer edit, which scheduled its own push
      throw error;
    }
    this.host.publishDiagnostics(uri, state?.diagnostics ?? [], document.version);
    if (withDependents) {
      for (const other of this.otherOpenDocumentsInProject(uri)) this.schedulePush(other.uri, false);
    }
  }

  // Code actions ---------------------------------------------------------------------------------

  /** `textDocument/codeAction`. */
  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const document = this.documents.get(uri);
    if (!document) return [];
    const state = await this.freshState(uri);
    if (!state) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];

    if (wants(FIX_ALL_KIND) && only) {
      const fixes = pickFixes(state.findings, "safe");
      if (fixes.length > 0) {
        actions.push({
          title: "Fix all auto-fixable concurrency-lint problems",
          kind: FIX_ALL_KIND,
          edit: this.workspaceEdit(document, fixes),
        });
      }
    }
    if (!wants(CodeActionKind.QuickFix)) return actions;

    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const seenRules = new Set<string>();
    state.findings.forEach((finding, index) => {
      if (finding.end < start || finding.start > end) return;
      const diagnostic = state.diagnostics[index];
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.kind === "safe",
          edit: this.workspaceEdit(document, [fix]),
        });
      }
      if (seenRules.has(finding.ruleId)) return;
      seenRules.add(finding.ruleId);
      const safeOfRule = pickFixes(
        state.findings.filter((other) => other.ruleId === finding.ruleId),
        "safe",
      );
      if (safeOfRule.length > 0) {
        actions.push({
          title: `Fix all ${finding.ruleId} problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: this.workspaceEdit(document, safeOfRule),
        });
      }
      if (!UNSUPPRESSIBLE.has(finding.ruleId)) {
        actions.push(this.disableForLine(document, finding, diagnostic), this.disableForFile(document, finding, diagnostic));
      }
      actions.push({
        title: `Show documentation for ${finding.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${finding.ruleId}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [docsUrl(finding.ruleId)] },
      });
    });
    return actions;
  }

  /** `workspace/executeCommand`. */
  async executeCommand(command: string, args: readonly unknown[] | undefined): Promise<void> {
    if (command === SHOW_DOCUMENTATION_COMMAND && typeof args?.[0] === "string") {
      await this.host.showDocument(args[0]);
    }
  }

  /** The lint state for the document's current version, linting now if it is stale. */
  private async freshState(uri: string): Promise<LintState | undefined> {
    const document = this.documents.get(uri);
    const state = this.states.get(uri);
    if (!document) return undefined;
    if (state && state.version === document.version) return state;
    try {
      return await this.lint(uri, await this.settingsFor(uri), undefined, { remember: false });
    } catch (error) {
      if (error instanceof ResponseError) return undefined;
      throw error;
    }
  }

  private workspaceEdit(document: TextDocument, fixes: readonly Fix[]): WorkspaceEdit {
    const edits: LspTextEdit[] = fixes
      .flatMap((fix) => fix.edits)
      .sort((a, b) => a.start - b.start)
      .map((edit) => ({
        range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
        newText: edit.newText,
      }));
    // Versioned: a client applies it only to the text it was computed for.
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }

  private disableForLine(document: TextDocument, finding: Finding, diagnostic: Diagnostic): CodeAction {
    const line = finding.range.start.line;
    const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const indent = /^[ \t]*/.exec(lineText)?.[0] ?? "";
    const eol = lineText.endsWith("\r\n") ? "\r\n" : "\n";
    const comment = `${indent}// concurrency-lint-disable-next-line ${finding.ruleId} -- ${eol}`;
    return insertLineAction(`Disable ${finding.ruleId} for this line`, document, line, comment, diagnostic);
  }

  private disableForFile(document: TextDocument, finding: Finding, diagnostic: Diagnostic): CodeAction {
    const text = document.getText();
    // After a shebang line, which must stay first.
    const line = text.startsWith("#!") ? 1 : 0;
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const comment = `/* concurrency-lint-disable ${finding.ruleId} -- */${eol}`;
    return insertLineAction(`Disable ${finding.ruleId} for the entire file`, document, line, comment, diagnostic);
  }

  // Whole workspace -------------------------------------------------------------------------------

  /**
   * Lints every project under the given folders. Open documents keep their pulled diagnostics;
   * the others are published, so the Problems panel shows the whole workspace.
   */
  async lintWorkspace(folderUris: readonly string[], token?: CancellationToken): Promise<LintWorkspaceResult> {
    const started = Date.now();
    const files = folderUris.flatMap((uri) => {
      const folder = uriToFileName(uri);
      if (!folder) return [];
      try {
        return expandPaths([folder], folder);
      } catch (error) {
        this.reportFailure(error);
        return [];
      }
    });
    const progress = await this.host.progress("concurrency-lint: linting the workspace");
    let problems = 0;
    try {
      for (let index = 0; index < files.length; index++) {
        if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
        const fileName = files[index];
        const uri = fileNameToUri(fileName);
        progress.report(index, files.length);
        await yieldToEventLoop();
        if (this.documents.get(uri)) continue;
        const findings = this.lintClosedFile(fileName, await this.settingsFor(uri));
        problems += findings.length;
        this.host.publishDiagnostics(uri, findings.map((finding, i) => toDiagnostic(finding, i, 0)));
      }
    } finally {
      progress.done();
    }
    const result = { files: files.length, problems, durationMs: Date.now() - started };
    this.host.log("info", `linted the workspace: ${result.files} files, ${result.problems} problems, ${result.durationMs} ms`);
    return result;
  }

  private lintClosedFile(fileName: string, settings: Settings): Finding[] {
    if (!settings.enable) return [];
    try {
      const config = this.effectiveConfig(fileName, settings);
      if (!isFileIncluded(config, fileName)) return [];
      const project = this.projects.projectFor(fileName);
      const program = project.program();
      const sourceFile = program?.getSourceFile(fileName);
      if (!program || !sourceFile) return [];
      const result = lintSourceFile(sourceFile, this.typesFor(program, this.engineOf(settings, config), project.configFile), config, allRules);
      for (const internal of result.internalErrors) this.host.log("error", `rule ${internal.ruleId} crashed on ${fileName}: ${internal.message}`);
      return result.findings;
    } catch (error) {
      this.reportFailure(error);
      return [];
    }
  }

  private documentByFileName(fileName: string): TextDocument | undefined {
    return this.documents.get(fileNameToUri(fileName));
  }
}

/** A quick fix that inserts text at the start of a line, versioned to the document it was made for. */
function insertLineAction(title: string, document: TextDocument, line: number, newText: string, diagnostic: Diagnostic): CodeAction {
  const position = { line, character: 0 };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range: { start: position, end: position }, newText }] }],
    },
  };
}

/** The inputs of a result from `project`'s current program. */
function projectInputs(project: Project, configEpoch: number): string {
  return `program:${project.contentStamp}:${configEpoch}`;
}

function toDiagnostic(finding: Finding, index: number, version: number): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: "concurrency-lint",
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: { uri: fileNameToUri(related.fileName), range: related.range },
      message: related.message,
    })),
    data: { version, index },
  };
}

function normalizeSettings(value: Partial<Settings> | undefined | null): Settings {
  const rules: Record<string, RuleSeverity> = {};
  const severities = new Set(["off", "info", "warning", "error"]);
  if (value?.rules && typeof value.rules === "object") {
    for (const [id, severity] of Object.entries(value.rules)) {
      if (typeof severity === "string" && severities.has(severity)) rules[id] = severity;
    }
  }
  return {
    enable: typeof value?.enable === "boolean" ? value.enable : DEFAULT_SETTINGS.enable,
    run: value?.run === "onSave" ? "onSave" : "onType",
    rules,
    engine: value?.engine === "ts6" || value?.engine === "ts7" ? value.engine : "default",
  };
}

function hash(text: string): string {
  let value = 5381;
  for (let index = 0; index < text.length; index++) value = ((value << 5) + value + text.charCodeAt(index)) | 0;
  return (value >>> 0).toString(36);
}
