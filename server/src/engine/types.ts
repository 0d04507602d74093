/**
 * The engine's public data model. Nothing here knows about LSP, VS Code or the CLI:
 * adapters translate these shapes into their own.
 */
import type * as ts from "typescript";
import type { TypeOracle } from "./typeOracle";

export type Severity = "off" | "info" | "warning" | "error";
export type ReportSeverity = Exclude<Severity, "off">;

/** A 0-based line/character position (UTF-16 code units, like TypeScript and LSP). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text between two offsets of one file. */
export interface TextEdit {
  fileName: string;
  start: number;
  end: number;
  newText: string;
}

/**
 * `safe`: keeps behaviour; may be applied unattended (`--fix`, fix-all on save).
 * `suggestion`: changes behaviour (e.g. adds `await`); a person picks it.
 */
export type FixKind = "safe" | "suggestion";

export interface Fix {
  kind: FixKind;
  /** Imperative title shown in editors, e.g. "Add `await`". */
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  fileName: string;
  start: number;
  end: number;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  /** The id of the message template in the rule's `messages`. */
  messageId: string;
  severity: ReportSeverity;
  /** The full message: what is wrong, why it matters, what to do. */
  message: string;
  /**
   * One line saying what is wrong, for output that gives a finding one line (`stylish`). Absent:
   * the first clause of `message` (`summaryOf` in summary.ts).
   */
  summary?: string;
  fileName: string;
  start: number;
  end: number;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** A rule that threw: reported once per rule and file; the rest of the run goes on. */
export interface InternalError {
  ruleId: string;
  fileName: string;
  message: string;
  stack?: string;
}

/** What a rule hands to `context.report`. Offsets come from nodes; the engine fills in ranges. */
export interface ReportDescriptor {
  node?: ts.Node;
  /** Explicit offsets, used when `node` is not given. */
  start?: number;
  end?: number;
  messageId: string;
  data?: Record<string, string | number>;
  related?: { node: ts.Node; message: string }[];
  fixes?: Fix[];
}

/** A JSON schema (draft-07 subset) describing a rule's options object. */
export type JsonSchema = Record<string, unknown>;

export interface RuleDocExample {
  /** Short caption shown above the code block. */
  title?: string;
  code: string;
  /** File name used when the example runs as a test (decides TS/JS/TSX). */
  fileName?: string;
  /** Options for this example, merged over the defaults. */
  options?: Record<string, unknown>;
}

/** An example that must produce exactly one finding of the rule, at `reportedAt`. */
export interface IncorrectDocExample extends RuleDocExample {
  /**
   * Where that finding starts, 1-based as editors show it; `test/docs.test.ts` asserts it and the
   * docs page does not show it (`npm run fill-rule-tables` writes it into an example that lacks it).
   */
  reportedAt: { line: number; column: number };
}

export interface RuleDocs {
  /** One line: what the rule finds. Used in SARIF, `--help` listings and docs headers. */
  description: string;
  /** Why it is a bug: a paragraph or two of Markdown. */
  rationale: string;
  /** Each example must produce exactly one finding of this rule, at its `reportedAt`. */
  incorrect: IncorrectDocExample[];
  /** Each example must produce no finding of this rule. */
  correct: RuleDocExample[];
  /** Markdown: one entry per option. */
  optionsDoc: Record<string, string>;
  /** Markdown: the fixes the rule offers and their safety class. */
  fixesDoc: string;
  /** Markdown: how this rule differs from the peers' nearest rule. */
  comparison?: string;
  /** Top-level configuration the examples assume (they run as tests with it). */
  exampleSettings?: { requireSuppressionReason?: boolean };
}

export interface RuleMeta<O> {
  id: string;
  /** `off`: an opt-in rule, which runs only where a configuration turns it on. */
  defaultSeverity: Severity;
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  messages: Record<string, string>;
  /**
   * Message ids reported one level below the severity the rule runs at (`error` → `warning`,
   * `warning` → `info`; `info` stays `info`, `off` turns them off with the rest): findings whose
   * consequence is smaller than the rule's main case (duplicate work rather than a wrong result).
   */
  lowerSeverityMessages?: readonly string[];
  /**
   * Optional one-line summaries by message id, with the same `{{name}}` placeholders, for output
   * that gives a finding one line. A message without one is summarized by its first sentence or
   * clause (`summarize` in summary.ts); give one when that is not short enough (under ~70 characters).
   */
  summaries?: Record<string, string>;
  /** JSON schema of the options object; every property must have a default in `defaultOptions`. */
  optionsSchema: JsonSchema;
  defaultOptions: O;
  docs: RuleDocs;
  /** Whether the rule needs type information (all of ours do, today). */
  requiresTypes: boolean;
  /**
   * Reported by the engine itself and never hidden (`parse-error`): its severity is always
   * `defaultSeverity`, configurations may name it only with that severity, and suppression
   * comments do not apply to it.
   */
  alwaysOn?: boolean;
}

export interface RuleContext<O> {
  readonly sourceFile: ts.SourceFile;
  readonly options: O;
  readonly types: TypeOracle;
  readonly isJavaScript: boolean;
  report(descriptor: ReportDescriptor): void;
}

export type NodeHandler = (node: ts.Node) => void;

/** Handlers keyed by `ts.SyntaxKind`; the runner calls each only for nodes of that kind. */
export type RuleVisitor = Partial<Record<ts.SyntaxKind, NodeHandler>>;

export interface RuleModule<O = Record<string, unknown>> {
  meta: RuleMeta<O>;
  create(context: RuleContext<O>): RuleVisitor;
}

/** A rule with its options type erased, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<any>;

/** The effective settings of one rule for one file. */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}
