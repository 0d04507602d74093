/**
 * What the client and the server share: settings and custom messages. The only server code the
 * client may import (enforced by eslint.config.mjs); it must stay free of runtime dependencies.
 */

export type RuleSeverity = "off" | "info" | "warning" | "error";

/** `concurrencyLint.*` settings, per resource. */
export interface Settings {
  enable: boolean;
  /** `onType`: analyse the editor's unsaved text as you type; `onSave`: only when a file is saved. */
  run: "onType" | "onSave";
  /** Per-rule severity overrides, applied over concurrency-lint.json. */
  rules: Record<string, RuleSeverity>;
  /**
   * The compiler that answers type questions: `ts6`, `ts7` (experimental), or `default` (absent):
   * concurrency-lint.json's `"engine"`, else `ts6`.
   */
  engine?: "default" | "ts6" | "ts7";
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: "onType", rules: {} };

export const SETTINGS_SECTION = "concurrencyLint";

/** Server → client: the state shown in the language status item. */
export const STATUS_NOTIFICATION = "concurrencyLint/status";
export interface StatusParams {
  state: "ok" | "running" | "error";
  /** One line for the status item, e.g. "3 problems · 42 ms". */
  text: string;
  /** Details (the failing project or config file and why). */
  detail?: string;
  lastAnalysisMs?: number;
  problems?: number;
}

/** Client → server: lint every project of the workspace; results go to the Problems panel. */
export const LINT_WORKSPACE_REQUEST = "concurrencyLint/lintWorkspace";
export interface LintWorkspaceResult {
  files: number;
  problems: number;
  durationMs: number;
}

/** Commands the server executes (workspace/executeCommand). */
export const SHOW_DOCUMENTATION_COMMAND = "concurrencyLint.showDocumentation";

/** The code action kind for fix-all on save: safe fixes only. */
export const FIX_ALL_KIND = "source.fixAll.concurrencyLint";

export const DOCUMENT_SELECTOR_LANGUAGES = ["typescript", "typescriptreact", "javascript", "javascriptreact"] as const;
