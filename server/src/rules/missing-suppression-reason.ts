/**
 * missing-suppression-reason: a `concurrency-lint-disable*` comment without ` -- reason`, when the
 * configuration sets `requireSuppressionReason`.
 *
 * Metadata and docs only: the engine reads directives in `engine/suppressions.ts`.
 */
import type { RuleModule } from "../engine/types";

const messages = {
  missingReason:
    "This suppression of {{ruleIds}} gives no reason, so readers cannot tell a deliberate exception from a hidden bug. Add one after ` -- `, e.g. `-- errors are logged by the job queue`.",
} as const;

export const missingSuppressionReason: RuleModule<Record<string, never>> = {
  meta: {
    id: "missing-suppression-reason",
    defaultSeverity: "warning",
    requiresTypes: false,
    messages,
    optionsSchema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    docs: {
      description: "Suppression comments must say why, when `requireSuppressionReason` is set.",
      rationale: [
        "A suppressed concurrency finding is either a deliberate fire-and-forget or a bug someone",
        "silenced. The comment is the only place that can tell them apart, and the next reader (or",
        "reviewer) needs to know which: \"errors are logged by the queue\" can be checked, a bare",
        "suppression cannot.",
        "",
        "The reason goes after ` -- ` at the end of the suppression:",
        "`// concurrency-lint-disable-next-line floating-promise -- errors are logged by the queue`.",
        "An empty reason (`--` with nothing after it) counts as missing. A suppression that names no",
        "rule is left to `unused-suppression`: it suppresses nothing, so there is nothing to explain.",
        "",
        "The rule only reports when `\"requireSuppressionReason\": true` is set at the top level of",
        "`concurrency-lint.json`; its examples assume that setting. Its findings cannot be suppressed",
        "by comments (that would be circular); turn the rule off in the configuration instead.",
        "Suppressions written for ESLint, oxlint or Biome, which also suppress the matching rules",
        "(see `honorPeerSuppressions`), are not checked: their reasons follow their own tool's rules.",
      ].join("\n"),
      incorrect: [
        {
          title: "No reason",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "// concurrency-lint-disable-next-line floating-promise",
            "save();",
          ].join("\n"),
          reportedAt: { line: 3, column: 1 },
        },
        {
          title: "An empty reason",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "save(); // concurrency-lint-disable-line floating-promise --",
          ].join("\n"),
          reportedAt: { line: 3, column: 9 },
        },
      ],
      correct: [
        {
          title: "The reason after ` -- `",
          code: [
            "declare function save(): Promise<void>;",
            "",
            "// concurrency-lint-disable-next-line floating-promise -- errors are logged by save()",
            "save();",
          ].join("\n"),
        },
      ],
      optionsDoc: {},
      fixesDoc: "None: only the author of a suppression knows why it is there.",
      exampleSettings: { requireSuppressionReason: true },
      comparison:
        "Like `@eslint-community/eslint-comments/require-description` for `eslint-disable` comments, switched on by one top-level setting rather than per rule.",
    },
  },
  create() {
    return {};
  },
};
