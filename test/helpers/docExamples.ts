/**
 * Runs a rule's docs example the way `test/docs.test.ts` checks it: every other rule on too (an
 * example must not depend on the others being off), with the settings the docs declare.
 */
import type { AnyRule, Finding, RuleDocExample } from "../../server/src/engine/types";
import { allRules } from "../../server/src/rules";
import { lintCode } from "./ruleTester";

/** The findings of `rule` itself on the example. */
export function lintDocExample(rule: AnyRule, example: RuleDocExample): Finding[] {
  const { id, docs } = rule.meta;
  const { findings } = lintCode(id, example.code, {
    alsoEnable: allRules.map((other) => other.meta.id).filter((other) => other !== id),
    requireSuppressionReason: docs.exampleSettings?.requireSuppressionReason ?? false,
    fileName: example.fileName,
    options: example.options,
  });
  return findings.filter((finding) => finding.ruleId === id);
}
