/** Writes the generated, checked-in files: docs/rules/*.md and the config JSON schema. */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildConfigSchema } from "../server/src/engine/config";
import { allRules } from "../server/src/rules";
import { renderRuleDoc } from "./docs";

const root = path.resolve(__dirname, "..");

export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of allRules) files.set(path.join("docs", "rules", `${rule.meta.id}.md`), renderRuleDoc(rule));
  files.set(path.join("schema", "concurrency-lint.schema.json"), `${JSON.stringify(buildConfigSchema(allRules), null, 2)}\n`);
  return files;
}

if (require.main === module) {
  for (const [relative, text] of generatedFiles()) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const previous = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (previous !== text) {
      fs.writeFileSync(target, text);
      process.stdout.write(`wrote ${relative}\n`);
    }
  }
}
