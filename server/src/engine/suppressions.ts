/**
 * Inline suppressions: `concurrency-lint-disable-next-line`, `-disable-line` and file-wide
 * `-disable` directives in comments, which findings they suppress, and the findings about the
 * directives themselves (`unused-suppression`, `missing-suppression-reason`); and the ESLint,
 * oxlint and Biome comments for the same bug classes, which suppress too but are never reported.
 *
 * Findings of those two rules are never suppressed by directives: a directive that could hide the
 * report that it is unused or unexplained would make both rules pointless (and deciding whether it
 * was "used" by hiding its own report is circular). They are turned off in the config instead.
 */
import * as ts from "typescript";
import { closestMatch } from "./config";
import { positionOf, rangeOf } from "./lines";
import { formatMessage, summaryFor } from "./runner";
import type { Finding, Fix, ReportSeverity, Severity, TextEdit } from "./types";
import { missingSuppressionReason } from "../rules/missing-suppression-reason";
import { unusedSuppression } from "../rules/unused-suppression";

export type DirectiveKind = "next-line" | "line" | "file";

export interface Directive {
  kind: DirectiveKind;
  ruleIds: string[];
  /** Offsets of each entry of `ruleIds` in the file, in the same order. */
  ruleIdSpans: { start: number; end: number }[];
  /** The text after ` -- `, trimmed; undefined when absent or empty. */
  reason: string | undefined;
  /** The comment's range. */
  start: number;
  end: number;
  /** 0-based line of the comment's start. */
  line: number;
  /** 0-based line the directive covers; undefined for file-wide directives. */
  targetLine?: number;
}

const MARKER = "concurrency-lint-disable";

// Longest keyword first, so "-disable-next-line" is not read as "-disable" plus text.
const KEYWORDS: readonly [string, DirectiveKind][] = [
  [`${MARKER}-next-line`, "next-line"],
  [`${MARKER}-line`, "line"],
  [MARKER, "file"],
];

/** Every directive in real comments of the file (`commentsAt`). */
export function parseDirectives(sourceFile: ts.SourceFile): Directive[] {
  const text = sourceFile.text;
  const occurrences: number[] = [];
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    occurrences.push(at);
  }
  if (occurrences.length === 0) return [];

  const directives: Directive[] = [];
  for (const comment of commentsAt(sourceFile, occurrences)) {
    const directive = parseComment(sourceFile, comment);
    if (directive) directives.push(directive);
  }
  return directives;
}

/**
 * The real comments of the file that contain one of the offsets, in file order. Comments come from
 * the token stream the parser produced, so text in strings, templates, regular expressions and JSX
 * that merely looks like a comment is never read as one.
 */
function commentsAt(sourceFile: ts.SourceFile, occurrences: readonly number[]): ts.CommentRange[] {
  const text = sourceFile.text;
  const comments = new Map<number, ts.CommentRange>();
  const collectAt = (pos: number): void => {
    for (const range of ts.getLeadingCommentRanges(text, pos) ?? []) comments.set(range.pos, range);
    for (const range of ts.getTrailingCommentRanges(text, pos) ?? []) comments.set(range.pos, range);
  };
  const containsOccurrence = (pos: number, end: number): boolean =>
    occurrences.some((offset) => offset >= pos && offset < end);
  // Only descend into nodes whose text holds a marker: files are walked to the tokens near
  // directives, not token by token. An explicit stack: nesting may be thousands of levels deep.
  const pending: ts.Node[] = [sourceFile];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    for (const child of node.getChildren(sourceFile)) {
      if (child.kind >= ts.SyntaxKind.FirstJSDocNode && child.kind <= ts.SyntaxKind.LastJSDocNode) continue;
      if (!containsOccurrence(child.pos, child.end) && child.kind !== ts.SyntaxKind.EndOfFileToken) continue;
      if (child.kind < ts.SyntaxKind.FirstNode || child.kind === ts.SyntaxKind.EndOfFileToken) {
        // JSX text is not trivia: "// x" inside it is text, not a comment.
        if (child.kind !== ts.SyntaxKind.JsxText) collectAt(child.pos);
      } else {
        pending.push(child);
      }
    }
  }

  return [...comments.values()]
    .filter((comment) => containsOccurrence(comment.pos, comment.end))
    .sort((a, b) => a.pos - b.pos);
}

// ---------------------------------------------------------------------------------------------
// Peers' suppressions: ESLint, oxlint and Biome comments for the same bug classes

/**
 * A peer's rule that finds the bug class of one of ours, so that its suppression comments are
 * deliberate exceptions for our rule too. ESLint and oxlint name a rule `plugin/name` (core rules
 * without a plugin); `plugins` are the prefixes that mean this rule ("" = written bare). Biome
 * names `lint/<group>/<name>`; the group is not compared, since rules move out of `nursery`.
 */
export interface PeerRule {
  tool: "eslint" | "biome";
  name: string;
  plugins: readonly string[];
  ruleId: string;
}

// `typescript` is oxlint's name for the typescript-eslint plugin.
const TYPESCRIPT_ESLINT = ["@typescript-eslint", "typescript-eslint", "typescript", ""];
const ESLINT_CORE = ["", "eslint"];

const PEER_RULES: readonly PeerRule[] = [
  { tool: "eslint", name: "no-floating-promises", plugins: TYPESCRIPT_ESLINT, ruleId: "floating-promise" },
  // eslint-plugin-promise's (and oxlint's `promise/`) "catch or return every promise".
  { tool: "eslint", name: "catch-or-return", plugins: ["promise"], ruleId: "floating-promise" },
  { tool: "eslint", name: "no-misused-promises", plugins: TYPESCRIPT_ESLINT, ruleId: "misused-promise" },
  { tool: "eslint", name: "no-async-promise-executor", plugins: ESLINT_CORE, ruleId: "misused-promise" },
  { tool: "eslint", name: "require-atomic-updates", plugins: ESLINT_CORE, ruleId: "shared-state-across-await" },
  // eslint-plugin-n (`n/`), its predecessor eslint-plugin-node (`node/`), ESLint's removed core rule.
  { tool: "eslint", name: "no-sync", plugins: ["n", "node", ""], ruleId: "blocking-call-in-async" },
  { tool: "biome", name: "noFloatingPromises", plugins: [], ruleId: "floating-promise" },
  { tool: "biome", name: "noMisusedPromises", plugins: [], ruleId: "misused-promise" },
  { tool: "biome", name: "noAsyncPromiseExecutor", plugins: [], ruleId: "misused-promise" },
  { tool: "biome", name: "noSyncMethods", plugins: [], ruleId: "blocking-call-in-async" },
];

/** Which findings a peer's comment suppresses: by line like ours, or by offset for ranges. */
export interface PeerSuppression {
  /** Our rule ids. */
  ruleIds: string[];
  /** The comment's range (for a range: the comment that opens it). */
  start: number;
  end: number;
  /** 0-based line covered by a `-line`, `-next-line` or `biome-ignore` comment. */
  targetLine?: number;
  /** Findings starting in [from, to) for `-disable`/`-enable` and Biome's ranges and `-all`. */
  from?: number;
  to?: number;
}

const PEER_KEYWORD = /(?:es|ox)lint-(?:dis|en)able|biome-ignore/g;
const ESLINT_DIRECTIVE = /^(?:es|ox)lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;
const BIOME_DIRECTIVE = /^biome-ignore(-all|-start|-end)?(?=\s|$)/;
// ESLint ends the rule list at two or more dashes with a blank on each side.
const ESLINT_DESCRIPTION = /\s-{2,}(?:\s|$)/;

/** The peer rule behind `name` as written in a comment of `tool`, as `tool:name`. */
function peerKey(tool: PeerRule["tool"], written: string): { key: string; ruleId: string } | undefined {
  let plugin = "";
  let name = written;
  if (tool === "eslint") {
    const slash = written.lastIndexOf("/");
    if (slash >= 0) [plugin, name] = [written.slice(0, slash), written.slice(slash + 1)];
  } else {
    // lint/<group>/<rule>, optionally with a value: lint/<group>/<rule>(value).
    const match = /^lint\/[A-Za-z]+\/([A-Za-z]+)(?:\(.*\))?$/.exec(written);
    if (!match) return undefined;
    name = match[1];
  }
  const rule = PEER_RULES.find((candidate) => candidate.tool === tool && candidate.name === name);
  if (!rule || (tool === "eslint" && !rule.plugins.includes(plugin))) return undefined;
  return { key: `${tool}:${name}`, ruleId: rule.ruleId };
}

/**
 * The ESLint, oxlint and Biome suppressions of the peer rules in `PEER_RULES`. A comment that names
 * no rule (`eslint-disable`, `biome-ignore lint: …`) or only a group is not honoured: such comments
 * are usually about style rules and would otherwise silence every concurrency finding below them.
 */
export function parsePeerSuppressions(sourceFile: ts.SourceFile): PeerSuppression[] {
  const text = sourceFile.text;
  // Nothing to honour without the name of a mapped rule somewhere in the file.
  if (!PEER_RULES.some((rule) => text.includes(rule.name))) return [];
  const occurrences = [...text.matchAll(PEER_KEYWORD)].map((match) => match.index);
  if (occurrences.length === 0) return [];

  const suppressions: PeerSuppression[] = [];
  // Open ranges by peer key: where they start and the comment that opened them.
  const open = new Map<string, { ruleId: string; comment: ts.CommentRange }>();
  const close = (key: string, to: number): void => {
    const range = open.get(key);
    if (!range) return;
    open.delete(key);
    suppressions.push({ ruleIds: [range.ruleId], start: range.comment.pos, end: range.comment.end, from: range.comment.end, to });
  };
  const firstTokenStart = sourceFile.statements[0]?.getStart(sourceFile) ?? sourceFile.endOfFileToken.getStart(sourceFile);

  for (const comment of commentsAt(sourceFile, occurrences)) {
    const isBlock = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia;
    const body = text.slice(comment.pos + 2, isBlock ? comment.end - 2 : comment.end).trim();
    const line = positionOf(sourceFile, comment.pos).line;
    const endLine = positionOf(sourceFile, comment.end).line;
    const eslint = ESLINT_DIRECTIVE.exec(body);
    const biome = eslint ? null : BIOME_DIRECTIVE.exec(body);
    if (!eslint && !biome) continue;

    const names = eslint
      ? body.slice(eslint[0].length).split(ESLINT_DESCRIPTION)[0].split(",")
      : body.slice(biome![0].length).split(":")[0].split(/\s+/);
    const rules = names
      .map((name) => peerKey(eslint ? "eslint" : "biome", name.trim()))
      .filter((rule) => rule !== undefined);
    const form = eslint ? eslint[1] : (biome![1] ?? "");
    const ruleIds = [...new Set(rules.map((rule) => rule.ruleId))];

    if (form === "enable" || form === "-end") {
      // A bare `eslint-enable` re-enables every rule; Biome's end names what it ends.
      const keys = form === "enable" && names.every((name) => name.trim() === "") ? [...open.keys()] : rules.map((rule) => rule.key);
      for (const key of keys) close(key, comment.pos);
    } else if (ruleIds.length === 0) {
      continue;
    } else if (form === "disable" || form === "-start") {
      for (const rule of rules) if (!open.has(rule.key)) open.set(rule.key, { ruleId: rule.ruleId, comment });
    } else if (form === "-all") {
      // Biome honours it only at the top of the file, before any code.
      if (comment.end <= firstTokenStart) suppressions.push({ ruleIds, start: comment.pos, end: comment.end, from: 0, to: text.length });
    } else if (form === "disable-line") {
      // ESLint rejects a `-line` comment that spans lines.
      if (endLine === line) suppressions.push({ ruleIds, start: comment.pos, end: comment.end, targetLine: line });
    } else {
      // `disable-next-line` and `biome-ignore`: the line after the comment's end.
      suppressions.push({ ruleIds, start: comment.pos, end: comment.end, targetLine: endLine + 1 });
    }
  }
  for (const key of [...open.keys()]) close(key, text.length);
  return suppressions.sort((a, b) => a.start - b.start);
}


function parseComment(sourceFile: ts.SourceFile, comment: ts.CommentRange): Directive | undefined {
  const text = sourceFile.text;
  const isBlock = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia;
  // A JSDoc-style `/** ... */` reads the same as `/* ... */`.
  const bodyStart = comment.pos + (isBlock && text.startsWith("/**", comment.pos) && comment.end - comment.pos > 4 ? 3 : 2);
  const bodyEnd = isBlock ? comment.end - 2 : comment.end;
  const body = text.slice(bodyStart, bodyEnd);
  const leading = body.length - body.trimStart().length;
  const trimmed = body.slice(leading);

  const match = KEYWORDS.find(([keyword]) => trimmed.startsWith(keyword) && isEndOfWord(trimmed, keyword.length));
  if (!match) return undefined;
  const [keyword, kind] = match;

  let rest = trimmed.slice(keyword.length);
  let restStart = bodyStart + leading + keyword.length;
  let reason: string | undefined;
  const separator = /\s--(?:\s|$)/.exec(rest);
  if (separator) {
    reason = rest.slice(separator.index + separator[0].length).trim() || undefined;
    rest = rest.slice(0, separator.index);
  }

  const ruleIds: string[] = [];
  const ruleIdSpans: { start: number; end: number }[] = [];
  for (const part of rest.split(",")) {
    const id = part.trim();
    if (id) {
      const start = restStart + part.indexOf(id);
      ruleIds.push(id);
      ruleIdSpans.push({ start, end: start + id.length });
    }
    restStart += part.length + 1;
  }

  const line = positionOf(sourceFile, comment.pos).line;
  const endLine = positionOf(sourceFile, comment.end).line;
  const directive: Directive = { kind, ruleIds, ruleIdSpans, reason, start: comment.pos, end: comment.end, line };
  if (kind === "next-line") directive.targetLine = endLine + 1;
  else if (kind === "line") directive.targetLine = line;
  return directive;
}

function isEndOfWord(text: string, index: number): boolean {
  return index >= text.length || /\s/.test(text.charAt(index));
}

export interface SuppressionSettings {
  /** The effective severity of a rule for this file; "off" means the rule did not run. */
  severityOf(ruleId: string): Severity;
  requireSuppressionReason: boolean;
  knownRuleIds: ReadonlySet<string>;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  /** `unused-suppression` and `missing-suppression-reason` findings, in file order. */
  extra: Finding[];
}

const UNUSED = unusedSuppression.meta.id;
const MISSING_REASON = missingSuppressionReason.meta.id;

/**
 * Splits findings into kept and suppressed, and reports our directives themselves. Peers'
 * suppressions (`parsePeerSuppressions`) hide findings of the rules they map to, and are never
 * reported: whether another tool's comment is still needed is that tool's business.
 */
export function applySuppressions(
  sourceFile: ts.SourceFile,
  findings: Finding[],
  directives: Directive[],
  settings: SuppressionSettings,
  peerSuppressions: readonly PeerSuppression[] = [],
): SuppressionResult {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  // used[d][i]: whether rule id i of directive d suppressed at least one finding.
  const used = directives.map((directive) => directive.ruleIds.map(() => false));

  for (const finding of findings) {
    let hidden = false;
    if (finding.ruleId !== UNUSED && finding.ruleId !== MISSING_REASON) {
      const line = finding.range.start.line;
      directives.forEach((directive, d) => {
        if (directive.kind !== "file" && directive.targetLine !== line) return;
        directive.ruleIds.forEach((id, i) => {
          if (id !== finding.ruleId) return;
          // Every covering directive counts as used, so overlapping ones are not reported.
          used[d][i] = true;
          hidden = true;
        });
      });
      // Peers' comments are never reported by our rules, so whether they were used is not kept.
      hidden ||= peerSuppressions.some((peer) => peer.ruleIds.includes(finding.ruleId) && covers(peer, finding));
    }
    (hidden ? suppressed : kept).push(finding);
  }

  const extra: Finding[] = [];
  const report = (ruleId: string, messageId: string, data: Record<string, string>, start: number, end: number, fixes: Fix[] = []) => {
    const severity = settings.severityOf(ruleId) as ReportSeverity;
    const rule = ruleId === UNUSED ? unusedSuppression : missingSuppressionReason;
    const template = rule.meta.messages[messageId] ?? messageId;
    const message = formatMessage(template, data);
    extra.push({
      ruleId,
      messageId,
      severity,
      message,
      summary: summaryFor(rule, messageId, message, data),
      fileName: sourceFile.fileName,
      start,
      end,
      range: rangeOf(sourceFile, start, end),
      related: [],
      fixes,
    });
  };

  const reportUnused = settings.severityOf(UNUSED) !== "off";
  const reportMissingReason = settings.requireSuppressionReason && settings.severityOf(MISSING_REASON) !== "off";
  directives.forEach((directive, d) => {
    if (reportUnused) reportUnusedParts(sourceFile, directive, used[d], settings, report);
    // A directive naming no rule suppresses nothing, so there is nothing to explain (it is
    // reported as unused-suppression instead).
    if (reportMissingReason && directive.reason === undefined && directive.ruleIds.length > 0) {
      report(MISSING_REASON, "missingReason", { ruleIds: quoteList(directive.ruleIds) }, directive.start, directive.end);
    }
  });
  extra.sort((a, b) => a.start - b.start || a.end - b.end);
  return { kept, suppressed, extra };
}

function covers(peer: PeerSuppression, finding: Finding): boolean {
  if (peer.targetLine !== undefined) return peer.targetLine === finding.range.start.line;
  return peer.from !== undefined && peer.to !== undefined && finding.start >= peer.from && finding.start < peer.to;
}

type Reporter = (
  ruleId: string,
  messageId: string,
  data: Record<string, string>,
  start: number,
  end: number,
  fixes?: Fix[],
) => void;

function reportUnusedParts(
  sourceFile: ts.SourceFile,
  directive: Directive,
  used: readonly boolean[],
  settings: SuppressionSettings,
  report: Reporter,
): void {
  if (directive.ruleIds.length === 0) {
    report(UNUSED, "noRule", {}, directive.start, directive.end);
    return;
  }
  const scope = scopeOf(directive);
  // Unknown ids and ids of rules that are off stay: we cannot tell whether they are needed.
  const unused = directive.ruleIds.map(
    (id, i) => settings.knownRuleIds.has(id) && settings.severityOf(id) !== "off" && !used[i],
  );

  directive.ruleIds.forEach((id, i) => {
    if (settings.knownRuleIds.has(id)) return;
    const span = directive.ruleIdSpans[i];
    const guess = closestMatch(id, [...settings.knownRuleIds]);
    const fixes: Fix[] = guess
      ? [
          {
            kind: "suggestion",
            title: `Replace with "${guess}"`,
            edits: [{ fileName: sourceFile.fileName, start: span.start, end: span.end, newText: guess }],
          },
        ]
      : [];
    const suggestion = guess ? ` (did you mean "${guess}"?)` : "";
    report(UNUSED, "unknownRule", { ruleId: id, suggestion }, span.start, span.end, fixes);
  });

  if (unused.every(Boolean)) {
    const fix: Fix = {
      kind: "safe",
      title: "Remove the unused suppression",
      edits: [removeComment(sourceFile, directive.start, directive.end)],
    };
    report(UNUSED, "unused", { ruleIds: quoteList(directive.ruleIds), scope }, directive.start, directive.end, [fix]);
    return;
  }

  // Ids before the first remaining id take the separator after them, later ones the separator
  // before them: the edits of one directive never overlap, so all can be applied in one pass.
  const firstKept = unused.indexOf(false);
  const spans = directive.ruleIdSpans;
  directive.ruleIds.forEach((id, i) => {
    if (!unused[i]) return;
    const span = spans[i];
    const [start, end] = i < firstKept ? [span.start, spans[i + 1].start] : [spans[i - 1].end, span.end];
    const fix: Fix = {
      kind: "safe",
      title: `Remove "${id}" from the suppression`,
      edits: [{ fileName: sourceFile.fileName, start, end, newText: "" }],
    };
    report(UNUSED, "unusedRule", { ruleId: id, scope }, span.start, span.end, [fix]);
  });
}

function scopeOf(directive: Directive): string {
  switch (directive.kind) {
    case "file":
      return "in this file";
    case "line":
      return "on its line";
    case "next-line":
      return `on line ${(directive.targetLine ?? 0) + 1}`;
  }
}

function quoteList(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(", ");
}

function isBlank(char: string): boolean {
  return char === " " || char === "\t";
}

function isLineBreak(char: string): boolean {
  return char === "\n" || char === "\r" || char === "\u2028" || char === "\u2029";
}

/**
 * The edit that deletes a comment. A comment alone on its line(s) goes with its line; one that
 * shares a line with code goes with the blanks beside it, leaving a space where two tokens would
 * otherwise touch and a line break where the comment held one (a line break can end a statement).
 */
function removeComment(sourceFile: ts.SourceFile, commentStart: number, commentEnd: number): TextEdit {
  const text = sourceFile.text;
  const edit = (start: number, end: number, newText: string): TextEdit => ({ fileName: sourceFile.fileName, start, end, newText });
  let before = commentStart;
  while (before > 0 && isBlank(text.charAt(before - 1))) before--;
  let after = commentEnd;
  while (after < text.length && isBlank(text.charAt(after))) after++;
  const codeBefore = before > 0 && !isLineBreak(text.charAt(before - 1));
  const codeAfter = after < text.length && !isLineBreak(text.charAt(after));

  if (!codeBefore && !codeAfter) {
    const lineEnd = text.startsWith("\r\n", after) ? after + 2 : Math.min(after + 1, text.length);
    return edit(before, lineEnd, "");
  }
  const comment = text.slice(commentStart, commentEnd);
  if (/[\r\n\u2028\u2029]/.test(comment)) return edit(before, after, comment.includes("\r\n") ? "\r\n" : "\n");
  if (codeBefore && codeAfter) return edit(before, after, " ");
  // Trailing comment: drop the blanks before it. Leading comment: keep the indentation.
  return codeBefore ? edit(before, after, "") : edit(commentStart, after, "");
}
