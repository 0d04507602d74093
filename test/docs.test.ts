import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { allRules } from "../server/src/rules";
import { generatedFiles } from "../scripts/generate";
import { lintCode } from "./helpers/ruleTester";

const root = path.resolve(__dirname, "..");

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
    const allIds = allRules.map((r) => r.meta.id).filter((other) => other !== id);
    const settings = { alsoEnable: allIds, requireSuppressionReason: docs.exampleSettings?.requireSuppressionReason ?? false };

    docs.incorrect.forEach((example, index) => {
      it(`${id}: incorrect example ${index + 1} (${example.title ?? "untitled"}) has exactly one finding`, () => {
        const { findings } = lintCode(id, example.code, { ...settings, fileName: example.fileName, options: example.options });
        assert.equal(findings.filter((finding) => finding.ruleId === id).length, 1, JSON.stringify(findings.map((f) => f.message)));
      });
    });
    docs.correct.forEach((example, index) => {
      it(`${id}: correct example ${index + 1} (${example.title ?? "untitled"}) has no finding`, () => {
        const { findings } = lintCode(id, example.code, { ...settings, fileName: example.fileName, options: example.options });
        assert.deepEqual(findings.filter((finding) => finding.ruleId === id).map((finding) => finding.message), []);
      });
    });
  }
});
