/**
 * The rule runner: one walk per file, each rule called only for the node kinds it asked for, and
 * every rule call isolated so that a throwing rule costs one internal-error report, not the run.
 */
import type * as ts from "typescript";
import { walkTree } from "./astUtils";
import { rangeOf } from "./lines";
import type {
  AnyRule,
  Finding,
  InternalError,
  NodeHandler,
  ReportDescriptor,
  ReportSeverity,
  RelatedLocation,
  RuleContext,
  RuleSetting,
} from "./types";
import { summarize } from "./summary";
import type { TypeOracle } from "./typeOracle";

export interface CancellationSignal {
  isCancellationRequested(): boolean;
}

export class CancelledError extends Error {
  constructor() {
    super("Linting was cancelled");
  }
}

export interface RunRulesInput {
  sourceFile: ts.SourceFile;
  rules: readonly AnyRule[];
  settingOf(ruleId: string): RuleSetting;
  /** Lazily created: a file whose active rules need no types never builds one. */
  types: () => TypeOracle;
  cancellation?: CancellationSignal;
  /** When given, milliseconds spent in each rule's handlers are added here (`--debug`). */
  timings?: Map<string, number>;
}

export interface RunRulesResult {
  findings: Finding[];
  internalErrors: InternalError[];
}

const JS_EXTENSIONS = /\.(?:js|mjs|cjs|jsx)$/i;

function isJavaScriptFile(fileName: string): boolean {
  return JS_EXTENSIONS.test(fileName);
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    data && key in data ? String(data[key]) : whole,
  );
}

/** The rule's own summary of a message, else the message's first clause. */
export function summaryFor(
  rule: AnyRule,
  messageId: string,
  message: string,
  data: Record<string, string | number> | undefined,
): string {
  const template = rule.meta.summaries?.[messageId];
  return template === undefined ? summarize(message) : formatMessage(template, data);
}

export function runRules(input: RunRulesInput): RunRulesResult {
  const { sourceFile } = input;
  // Checked per file as well as per 2,048 nodes: a project of small files must stop too.
  if (input.cancellation?.isCancellationRequested()) throw new CancelledError();
  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];
  const failed = new Set<string>();
  const dispatch = new Map<ts.SyntaxKind, { ruleId: string; handler: NodeHandler }[]>();
  const isJavaScript = isJavaScriptFile(sourceFile.fileName);

  const fail = (ruleId: string, error: unknown) => {
    if (failed.has(ruleId)) return;
    failed.add(ruleId);
    const err = error instanceof Error ? error : new Error(String(error));
    internalErrors.push({ ruleId, fileName: sourceFile.fileName, message: err.message, stack: err.stack });
  };

  for (const rule of input.rules) {
    const setting = input.settingOf(rule.meta.id);
    if (setting.severity === "off") continue;
    const severity: ReportSeverity = setting.severity;
    const ruleId = rule.meta.id;
    let typesMemo: TypeOracle | undefined;
    const context: RuleContext<Record<string, unknown>> = {
      sourceFile,
      options: setting.options,
      get types() {
        typesMemo ??= input.types();
        return typesMemo;
      },
      isJavaScript,
      report: (descriptor) => {
        findings.push(toFinding(sourceFile, rule, severity, descriptor));
      },
    };
    try {
      const visitor = rule.create(context);
      for (const [key, handler] of Object.entries(visitor)) {
        if (!handler) continue;
        const kind = Number(key) as ts.SyntaxKind;
        let list = dispatch.get(kind);
        if (!list) dispatch.set(kind, (list = []));
        list.push({ ruleId, handler });
      }
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      fail(ruleId, error);
    }
  }

  const timings = input.timings;
  if (dispatch.size > 0) {
    let visited = 0;
    walkTree(sourceFile, (node) => {
      const handlers = dispatch.get(node.kind);
      if (handlers) {
        for (const { ruleId, handler } of handlers) {
          if (failed.has(ruleId)) continue;
          try {
            if (timings) {
              const started = performance.now();
              handler(node);
              timings.set(ruleId, (timings.get(ruleId) ?? 0) + performance.now() - started);
            } else {
              handler(node);
            }
          } catch (error) {
            if (error instanceof CancelledError) throw error;
            fail(ruleId, error);
          }
        }
      }
      // Checking a token per node would cost more than it saves; every 2,048 nodes is plenty.
      if ((++visited & 2047) === 0 && input.cancellation?.isCancellationRequested()) throw new CancelledError();
    });
  }

  // A rule that threw may have reported from a broken state: its findings for this file are
  // dropped, as the internal error (and the JSON report's contract) says.
  const kept = failed.size > 0 ? findings.filter((finding) => !failed.has(finding.ruleId)) : findings;
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, internalErrors };
}

export { rangeOf } from "./lines";

/** One level below: `error` → `warning` → `info`, which is the lowest reported level. */
function lowerSeverity(severity: ReportSeverity): ReportSeverity {
  return severity === "error" ? "warning" : "info";
}

export function toFinding(
  sourceFile: ts.SourceFile,
  rule: AnyRule,
  severity: ReportSeverity,
  descriptor: ReportDescriptor,
): Finding {
  const template = rule.meta.messages[descriptor.messageId];
  if (template === undefined) {
    throw new Error(`rule ${rule.meta.id} reported unknown message id "${descriptor.messageId}"`);
  }
  const start = descriptor.node ? descriptor.node.getStart(sourceFile) : descriptor.start;
  const end = descriptor.node ? descriptor.node.getEnd() : descriptor.end;
  if (start === undefined || end === undefined) {
    throw new Error(`rule ${rule.meta.id} reported neither a node nor offsets`);
  }
  const related: RelatedLocation[] = (descriptor.related ?? []).map(({ node, message }) => {
    const file = node.getSourceFile();
    const relatedStart = node.getStart(file);
    return {
      fileName: file.fileName,
      start: relatedStart,
      end: node.getEnd(),
      range: rangeOf(file, relatedStart, node.getEnd()),
      message,
    };
  });
  const message = formatMessage(template, descriptor.data);
  return {
    ruleId: rule.meta.id,
    messageId: descriptor.messageId,
    severity: rule.meta.lowerSeverityMessages?.includes(descriptor.messageId) ? lowerSeverity(severity) : severity,
    message,
    summary: summaryFor(rule, descriptor.messageId, message, descriptor.data),
    fileName: sourceFile.fileName,
    start,
    end,
    range: rangeOf(sourceFile, start, end),
    related,
    fixes: descriptor.fixes ?? [],
  };
}
