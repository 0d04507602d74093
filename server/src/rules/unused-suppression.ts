/**
 * unused-suppression: a `concurrency-lint-disable*` comment that suppresses nothing.
 *
 * Metadata and docs only: the engine finds directives and decides what they suppressed
 * (`engine/suppressions.ts`), because that needs every other rule's findings first.
 */
import type { RuleModule } from "../engine/types";

const messages = {
  unused:
    "This suppression of {{ruleIds}} suppresses nothing {{scope}}: no finding of that rule starts there. A stale suppression silently hides the next real bug there. Remove it.",
  unusedRule:
    "\"{{ruleId}}\" in this suppression suppresses nothing {{scope}}: no finding of that rule starts there. A stale entry silently hides the next real bug there. Remove it from the list.",
  noRule:
    "This suppression names no rule, so it suppresses nothing; a blanket suppression would hide every future bug here. Name the rules it is for, e.g. `concurrency-lint-disable-next-line floating-promise -- <reason>`.",
  unknownRule:
    "\"{{ruleId}}\" is not a concurrency-lint rule{{suggestion}}, so this suppression suppresses nothing and the finding it was meant for is still reported. Use the id of a rule.",
} as const;

export const unusedSuppression: RuleModule<Record<string, never>> = {
  meta: {
    id: "unused-suppression",
    defaultSeverity: "warning",
    requiresTypes: false,
    messages,
    optionsSchema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    docs: {
      description: "Suppression comments must suppress a finding and name known rules.",
      rationale: [
        "A suppression comment outlives the code it was written for. Once the finding it hid is",
        "gone (the promise is awaited now, the line moved), the comment stays behind and silently",
        "hides the next real bug of that rule on that line, or in the whole file. A typo in the rule",
        "id, or a comment that names no rule, suppresses nothing at all while looking like it does.",
        "",
        "Suppressions take the rule ids explicitly, separated by commas, and an optional reason after",
        "` -- `:",
        "",
        "- `// concurrency-lint-disable-next-line <rules> -- <reason>` covers the next line;",
        "- `// concurrency-lint-disable-line <rules> -- <reason>` covers its own line;",
        "- `/* concurrency-lint-disable <rules> -- <reason> */` anywhere covers the whole file.",
        "",
        "Each works in `//` and `/* */` comments; text that only looks like one, inside a string or",
        "a template literal, is not a suppression.",
        "",
        "A finding is suppressed when a suppression for its rule covers the line where the finding",
        "starts. This rule reports a suppression (or one rule id in it) that suppressed no finding,",
        "an unknown rule id and a suppression that names no rule. It stays silent about a rule that is",
        "`off` for the file: that rule did not run, so whether the suppression is needed is unknown.",
        "",
        "Findings of `unused-suppression` and `missing-suppression-reason` cannot be suppressed by",
        "comments (a comment that hides the report about itself would be circular); turn them off in",
        "`concurrency-lint.json` instead. A suppression naming one of them is always reported unused.",
        "",
        "Suppressions written for ESLint, oxlint or Biome that name a rule of the same bug class",
        "(`@typescript-eslint/no-floating-promises`, `lint/nursery/noFloatingPromises`, `n/no-sync`, ...;",
        "the README lists the mapping) suppress the matching rule unless `\"honorPeerSuppressions\": false`",
        "is set. This rule never reports them, used or not: whether another tool's comment is still",
        "needed is for that tool to say.",
      ].join("\n"),
      incorrect: [
        {
          title: "The promise is awaited now; the suppression is stale",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "export async function onClick(): Promise<void> {",
            "  // concurrency-lint-disable-next-line floating-promise -- saving in the background",
            "  await save();",
            "}",
          ].join("\n"),
          reportedAt: { line: 4, column: 3 },
        },
        {
          title: "A typo in the rule id suppresses nothing",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "// concurrency-lint-disable-next-line floating-promises -- errors are logged by save()",
            "save();",
          ].join("\n"),
          reportedAt: { line: 3, column: 39 },
        },
        {
          title: "A suppression without rule ids",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "save(); // concurrency-lint-disable-line -- errors are logged by save()",
          ].join("\n"),
          reportedAt: { line: 3, column: 9 },
        },
      ],
      correct: [
        {
          title: "The suppression hides a finding on the next line",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "// concurrency-lint-disable-next-line floating-promise -- errors are logged by save()",
            "save();",
          ].join("\n"),
        },
        {
          title: "A file-wide suppression that is used",
          code: [
            "/* concurrency-lint-disable floating-promise -- this script starts its tasks on purpose */",
            "declare function save(): Promise<void>;",
            "",
            "save();",
          ].join("\n"),
        },
      ],
      optionsDoc: {},
      fixesDoc: [
        "- **Remove the unused suppression** (safe): deletes the comment, and its line when the comment",
        "  is alone on it. When only some rule ids of a comment are unused, each of them gets its own",
        "  fix that removes just that id and its comma.",
        "- **Replace with \"<rule>\"** (suggestion): for an unknown rule id close to a real one. It makes",
        "  the suppression take effect, which changes what is reported, so a person picks it.",
        "",
        "A suppression that names no rule gets no fix: only its author knows which rule it was for.",
      ].join("\n"),
      comparison:
        "ESLint reports unused `eslint-disable` comments with `--report-unused-disable-directives` (or `linterOptions.reportUnusedDisableDirectives`); this rule does the same for concurrency-lint's comments, and also reports unknown rule ids and comments that name no rule, which ESLint's blanket `eslint-disable` allows.",
    },
  },
  create() {
    return {};
  },
};
