/**
 * parse-error: a file that does not parse, or that TypeScript cannot build a syntax tree or
 * scopes for (it runs out of stack), is reported instead of being linted.
 *
 * Metadata and docs only: the linter reports it before any rule runs (`engine/linter.ts`).
 */
import type { RuleModule } from "../engine/types";

const messages = {
  syntaxError:
    "{{message}} This file does not parse{{more}}, so no concurrency-lint rule ran on it: findings on a syntax tree the compiler had to repair could be wrong, and `tsc` rejects the file too. Fix the syntax error.",
  tooDeep:
    "TypeScript ran out of stack while {{stage}} this file: it nests too deeply (thousands of nested parentheses, calls, blocks or functions), so no concurrency-lint rule ran on it, and `tsc` fails on it too. Split the deeply nested code, or exclude the file (a generated one) in concurrency-lint.json.",
} as const;

export const parseError: RuleModule<Record<string, never>> = {
  meta: {
    id: "parse-error",
    defaultSeverity: "error",
    alwaysOn: true,
    requiresTypes: false,
    messages,
    optionsSchema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    docs: {
      description: "Files that do not parse are reported, never passed in silence.",
      rationale: [
        "A file with a syntax error still gets a syntax tree: the compiler recovers by guessing what",
        "was meant (a missing `)`, a statement cut short). Rules that ran on that guess would report",
        "bugs that are not there and miss the ones that are, and a linter that skipped the file",
        "quietly would let it pass a CI check. So a file that does not parse gets this one finding,",
        "at the compiler's first syntax error and with its message, and no rule runs on it. The same",
        "goes for TypeScript syntax in a JavaScript file (`tsc` rejects it too).",
        "",
        "A file TypeScript cannot process at all, because it nests so deeply that the compiler runs",
        "out of stack while parsing or binding it (thousands of nested parentheses, for instance), is",
        "reported the same way; every other file is still linted. (Should the type checker run out",
        "of stack later, while a rule asks about such a file, that rule is reported as crashed on",
        "the file, and the other rules' findings stay.)",
        "",
        "Its severity is always `error`, so the exit code is 1, as with ESLint's fatal parsing",
        "errors. It cannot be turned off or suppressed by a comment: a setting that hid it would hide",
        "the file from every rule. To skip a file on purpose (a fixture that is broken by design),",
        "list it in `exclude` in `concurrency-lint.json`.",
      ].join("\n"),
      incorrect: [
        {
          title: "A parenthesis is missing",
          code: [
            "export async function save(body: string): Promise<void> {",
            '  await fetch("/save", { method: "POST", body };',
            "}",
          ].join("\n"),
          reportedAt: { line: 2, column: 48 },
        },
        {
          title: "TypeScript syntax in a JavaScript file",
          fileName: "parse.js",
          code: ["export function parse(text: string) {", "  return JSON.parse(text);", "}"].join("\n"),
          reportedAt: { line: 1, column: 29 },
        },
      ],
      correct: [
        {
          code: [
            "export async function save(body: string): Promise<void> {",
            '  await fetch("/save", { method: "POST", body });',
            "}",
          ].join("\n"),
        },
        {
          fileName: "parse.js",
          code: ["/** @param {string} text */", "export function parse(text) {", "  return JSON.parse(text);", "}"].join("\n"),
        },
      ],
      optionsDoc: {},
      fixesDoc: "None: the compiler's message says what it expected, but only the author knows what was meant.",
      comparison:
        "ESLint reports a file its parser rejects as one fatal error (`Parsing error: …`, exit code 1) and runs no rule on it; so does this. `tsc` reports every syntax error; this reports the first and counts the others.",
    },
  },
  create() {
    return {};
  },
};
