// @ts-check
/**
 * Lists the mutants a mutation report left alive (`Survived`, `NoCoverage`), one block each: id,
 * position, mutator, the original text and its replacement, and how many tests reached it. For
 * reading survivors and writing the test that kills them (BENCHMARKS.md, "Mutation testing").
 *
 *   node scripts/mutation-survivors.mjs reports/mutation/floating-promise.json [--status Survived,NoCoverage] [--summary]
 *
 * `--summary` prints one line per file: mutants by status and the score.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { status: { type: "string", default: "Survived,NoCoverage" }, summary: { type: "boolean", default: false } },
});
if (positionals.length !== 1) {
  console.error("usage: node scripts/mutation-survivors.mjs <report.json> [--status Survived,NoCoverage] [--summary]");
  process.exit(2);
}
let report;
try {
  report = JSON.parse(fs.readFileSync(positionals[0], "utf8"));
} catch (error) {
  console.error(`cannot read ${positionals[0]}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const wanted = new Set(values.status.split(","));
const root = report.projectRoot ?? process.cwd();

for (const [file, entry] of Object.entries(report.files)) {
  const count = (status) => entry.mutants.filter((mutant) => mutant.status === status).length;
  if (values.summary) {
    const killed = count("Killed") + count("Timeout");
    const valid = killed + count("Survived") + count("NoCoverage");
    const score = valid === 0 ? "n/a" : `${((100 * killed) / valid).toFixed(1)} %`;
    console.log(
      `${file}: ${entry.mutants.length} mutants, killed ${count("Killed")}, timeout ${count("Timeout")}, survived ${count("Survived")}, no coverage ${count("NoCoverage")}, compile errors ${count("CompileError")}, score ${score}`,
    );
    continue;
  }
  // The report's source is the file as mutated; read it from there (the working tree may have moved on).
  const lines = (entry.source ?? fs.readFileSync(path.resolve(root, file), "utf8")).split("\n");
  const textOf = ({ start, end }) => {
    if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
    return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join("\n");
  };
  const clip = (text) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
  for (const mutant of entry.mutants.filter((m) => wanted.has(m.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
    const { start } = mutant.location;
    console.log(`#${mutant.id} ${file}:${start.line}:${start.column} ${mutant.mutatorName} [${mutant.status}${mutant.static ? ", static" : ""}, ${mutant.coveredBy?.length ?? 0} tests]`);
    console.log(`  - ${clip(textOf(mutant.location)).replace(/\n/g, "\n    ")}`);
    console.log(`  + ${clip(mutant.replacement ?? "").replace(/\n/g, "\n    ")}`);
  }
}
