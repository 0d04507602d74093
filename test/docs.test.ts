import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { allRules } from "../server/src/rules";
import { generatedFiles } from "../scripts/generate";
import { lintDocExample } from "./helpers/docExamples";
import { positionOf } from "./helpers/ruleTester";

const root = path.resolve(__dirname, "..");
/**
 * `npm run mutate` on one rule file runs only that rule's examples (stryker.config.mjs sets it):
 * the other rules' examples cannot notice a mutant in it, and they cost seconds per mutant.
 */
const onlyRules = process.env.CONCURRENCY_LINT_DOCS_RULES?.split(",").filter((id) => id !== "");

describe("docs", () => {
  it("generated files are up to date (run `npm run generate`)", () => {
    for (const [relative, text] of generatedFiles()) {
      const onDisk = fs.existsSync(path.join(root, relative)) ? fs.readFileSync(path.join(root, relative), "utf8") : "";
      assert.equal(onDisk, text, `${relative} is stale: run \`npm run generate\``);
    }
  });

  it("every rule has a docs page and is listed in the README", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    for (const rule of allRules) {
      assert.ok(fs.existsSync(path.join(root, "docs", "rules", `${rule.meta.id}.md`)), rule.meta.id);
      assert.ok(readme.includes(`(docs/rules/${rule.meta.id}.md)`), `README does not link ${rule.meta.id}`);
    }
  });

  for (const rule of allRules) {
    const { id, docs } = rule.meta;
    if (onlyRules && !onlyRules.includes(id)) continue;

    docs.incorrect.forEach((example, index) => {
      it(`${id}: incorrect example ${index + 1} (${example.title ?? "untitled"}) has exactly one finding, at its reportedAt`, () => {
        const findings = lintDocExample(rule, example);
        assert.deepEqual(
          findings.map((finding) => ({ ...positionOf(finding), message: finding.message })),
          [{ ...example.reportedAt, message: findings[0]?.message }],
          example.reportedAt ? undefined : "the example has no `reportedAt`: run `npm run fill-rule-tables`, then check the position",
        );
      });
    });
    docs.correct.forEach((example, index) => {
      it(`${id}: correct example ${index + 1} (${example.title ?? "untitled"}) has no finding`, () => {
        assert.deepEqual(lintDocExample(rule, example).map((finding) => finding.message), []);
      });
    });
  }
});
