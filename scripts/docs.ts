/**
 * Renders docs/rules/<id>.md from a rule's own metadata: the rule file is the single source of
 * its documentation. `npm run generate` writes the pages; a test checks they are up to date.
 */
import type { AnyRule, RuleDocExample } from "../server/src/engine/types";

function fence(example: RuleDocExample): string {
  const language = /\.(?:[cm]?js|jsx)$/.test(example.fileName ?? "") ? "js" : /\.tsx$/.test(example.fileName ?? "") ? "tsx" : "ts";
  const lines: string[] = [];
  if (example.title) lines.push(`#### ${example.title}`, "");
  if (example.options) lines.push(`With options \`${JSON.stringify(example.options)}\`:`, "");
  lines.push(`\`\`\`${language}`, example.code, "```", "");
  return lines.join("\n");
}

/** Message ids reported one level below the rule's severity, named on the docs page. */
function lowerSeverityNote(messageIds: readonly string[] | undefined): string {
  if (!messageIds || messageIds.length === 0) return "";
  const names = messageIds.map((id) => `\`${id}\``).join(", ");
  return ` (${names}: one level lower, so \`info\` at \`warning\` and \`warning\` at \`error\`)`;
}

export function renderRuleDoc(rule: AnyRule): string {
  const { meta } = rule;
  const { docs } = meta;
  const fixKinds = docs.fixesDoc.toLowerCase();
  const out: string[] = [
    `<!-- Generated from server/src/rules/${meta.id}.ts by \`npm run generate\`. Do not edit by hand. -->`,
    `# ${meta.id}`,
    "",
    `> ${docs.description}`,
    "",
    meta.alwaysOn
      ? `- Severity: \`${meta.defaultSeverity}\` (always)`
      : meta.defaultSeverity === "off"
        ? `- Default severity: \`off\` (opt-in: \`"rules": { "${meta.id}": "warning" }\` in \`concurrency-lint.json\` turns it on)`
        : `- Default severity: \`${meta.defaultSeverity}\`${lowerSeverityNote(meta.lowerSeverityMessages)}`,
    `- Needs type information: ${meta.requiresTypes ? "yes" : "no"}`,
    `- Fixes: ${fixKinds.startsWith("none") ? "none" : "see [Fixes](#fixes)"}`,
    "",
    "## Why this is a bug",
    "",
    docs.rationale,
    "",
    "## Examples",
    "",
    "Each incorrect example produces exactly one finding of this rule; each correct one none. These",
    "examples run as tests.",
    "",
    "### ❌ Incorrect",
    "",
    ...docs.incorrect.map(fence),
    "### ✅ Correct",
    "",
    ...docs.correct.map(fence),
    "## Options",
    "",
  ];
  const optionNames = Object.keys(docs.optionsDoc);
  if (optionNames.length === 0) {
    out.push("None.", "");
  } else {
    out.push("Defaults, as written in `concurrency-lint.json`:", "", "```json");
    out.push(JSON.stringify({ rules: { [meta.id]: [meta.defaultSeverity, meta.defaultOptions] } }, null, 2), "```", "");
    for (const name of optionNames) out.push(`- \`${name}\`: ${docs.optionsDoc[name]}`);
    out.push("");
  }
  out.push("## Fixes", "", docs.fixesDoc, "");
  if (docs.comparison) out.push("## Compared with other tools", "", docs.comparison, "");
  if (meta.alwaysOn) {
    out.push(
      "## Turning it off",
      "",
      `It cannot be turned off, nor suppressed by a comment: its severity is always \`${meta.defaultSeverity}\`. To skip a file on`,
      'purpose, list it in `"exclude"` in `concurrency-lint.json`.',
      "",
    );
    return out.join("\n");
  }
  out.push(
    "## Turning it off",
    "",
    "For one line, with a reason:",
    "",
    "```ts",
    `// concurrency-lint-disable-next-line ${meta.id} -- why this is fine here`,
    "```",
    "",
    meta.defaultSeverity === "off"
      ? `For a project: it is off unless \`concurrency-lint.json\` turns it on; leave it out, or set \`"rules": { "${meta.id}": "off" }\`.`
      : `For a project: \`"rules": { "${meta.id}": "off" }\` in \`concurrency-lint.json\`.`,
    "",
  );
  return out.join("\n");
}
