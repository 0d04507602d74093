/**
 * Files no rule may run on (`parse-error`), and files nested deeply enough to strain a recursive
 * walk: the syntax errors TypeScript reports, the stack overflows of its parser and binder, and
 * the runner's own walk. Real programs (ProgramBuilder, as the CLI builds them) in a temporary
 * folder, with every rule on at its default severity.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as ts from "typescript";
import { defaultConfig } from "../../server/src/engine/config";
import { type FileLintResult, lintProgram } from "../../server/src/engine/linter";
import { defaultCompilerOptions, normalizePath, ProgramBuilder } from "../../server/src/engine/project";
import { runRules } from "../../server/src/engine/runner";
import type { AnyRule } from "../../server/src/engine/types";
import { allRules } from "../../server/src/rules";
import { parseError } from "../../server/src/rules/parse-error";
import { blocksThatOverflowTheBinder } from "../helpers/deepBlocks";

let root = "";
before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-parse-error-")));
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

let caseCount = 0;

/** Lints the files (name -> text) as loose files of one program; results by file name. */
function lintFiles(files: Record<string, string>, rules: readonly AnyRule[] = allRules): Map<string, FileLintResult> {
  const dir = path.join(root, `case${++caseCount}`);
  const names: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
    names.push(normalizePath(path.join(dir, name)));
  }
  const options = { ...defaultCompilerOptions(dir), types: [], lib: ["lib.es2022.d.ts"] };
  const spec = { configFile: undefined, options, rootNames: names, projectReferences: undefined, filesToLint: names, types: { packages: [], reason: "", typescript: undefined } };
  const program = new ProgramBuilder(spec).build();
  const results = lintProgram({ program, files: names, rules, configFor: (file) => defaultConfig(path.dirname(file), rules) });
  return new Map(results.map((result) => [path.relative(dir, result.fileName), result]));
}

/** `line:column ruleId/messageId: message` (1-based), and the internal errors. */
function summary(result: FileLintResult | undefined): { findings: string[]; internalErrors: string[] } {
  assert.ok(result, "the file was not linted");
  return {
    findings: result.findings.map(
      (finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId}/${finding.messageId}: ${finding.message}`,
    ),
    internalErrors: result.internalErrors.map((error) => `${error.ruleId}: ${error.message}`),
  };
}

const syntaxMessage = (message: string, more = "") =>
  parseError.meta.messages.syntaxError.replace("{{message}}", message).replace("{{more}}", more);
const tooDeepMessage = (stage: string) => parseError.meta.messages.tooDeep.replace("{{stage}}", stage);

const FLOATING = [
  "declare function save(): Promise<void>;",
  "export function onClick(): void {",
  "  save();",
  "}",
  "",
].join("\n");
const FLOATING_FINDING = "3:3 floating-promise/floating";

describe("parse-error: a file that does not parse gets one finding and no rule runs on it", () => {
  const invalid: { name: string; fileName: string; code: string; expected: string }[] = [
    {
      name: "a missing parenthesis, at the compiler's position and with its message",
      fileName: "save.ts",
      code: 'export async function save(body: string): Promise<void> {\n  await fetch("/save", { method: "POST", body };\n}\n',
      expected: `2:48 parse-error/syntaxError: ${syntaxMessage("')' expected.")}`,
    },
    {
      name: "several syntax errors: the first, and how many more",
      fileName: "two.ts",
      code: "const a = ;\nconst b = ;\n",
      expected: `1:11 parse-error/syntaxError: ${syntaxMessage("Expression expected.", " (1 more syntax error after this one)")}`,
    },
    {
      name: "TypeScript syntax in a JavaScript file",
      fileName: "parse.js",
      code: "export function parse(text: string) {\n  return JSON.parse(text);\n}\n",
      expected: `1:29 parse-error/syntaxError: ${syntaxMessage("Type annotations can only be used in TypeScript files.")}`,
    },
    {
      name: "a floating promise in a file with a syntax error is not reported (the tree is repaired)",
      fileName: "floating.ts",
      code: `${FLOATING}export const broken = {;\n`,
      expected: `5:24 parse-error/syntaxError: ${syntaxMessage("Property assignment expected.")}`,
    },
    {
      name: "a stale suppression in a file with a syntax error is not reported as unused",
      fileName: "stale.ts",
      code: "// concurrency-lint-disable-next-line floating-promise -- old\nexport const x = 1 +;\n",
      expected: `2:21 parse-error/syntaxError: ${syntaxMessage("Expression expected.")}`,
    },
    {
      // Found by fuzzing (issue 12): the suppression scan used to fail with a TypeScript debug failure.
      name: "a 37-byte malformed file with a suppression marker in a type literal",
      fileName: "fuzz.ts",
      code: "await}type R{concurrency-lint-disable",
      expected: `1:6 parse-error/syntaxError: ${syntaxMessage("Expression expected.", " (6 more syntax errors after this one)")}`,
    },
  ];
  for (const { name, fileName, code, expected } of invalid) {
    it(name, () => {
      assert.deepEqual(summary(lintFiles({ [fileName]: code }).get(fileName)), { findings: [expected], internalErrors: [] });
    });
  }

  const valid: { name: string; fileName: string; code: string; expected: string[] }[] = [
    { name: "a TypeScript file that parses: its rules run", fileName: "ok.ts", code: FLOATING, expected: [FLOATING_FINDING] },
    {
      name: "type errors are not syntax errors: the rules still run",
      fileName: "typed.ts",
      code: `${FLOATING}export const n: number = "not a number";\n`,
      expected: [FLOATING_FINDING],
    },
    {
      name: "JavaScript typed by JSDoc",
      fileName: "load.js",
      code: "/** @returns {Promise<void>} */\nfunction save() {\n  return Promise.resolve();\n}\nexport function onClick() {\n  save();\n}\n",
      expected: ["6:3 floating-promise/floating"],
    },
    {
      name: "TSX",
      fileName: "view.tsx",
      code: "declare function save(): Promise<void>;\nexport const view = <button onClick={() => { save(); }}>Save</button>;\n",
      expected: ["2:46 floating-promise/floating"],
    },
    {
      name: "a regular expression and a template that merely look broken",
      fileName: "text.ts",
      code: "export const pattern = /[(]{/;\nexport const text = `${'}'} {`;\n",
      expected: [],
    },
    {
      name: "an empty file",
      fileName: "empty.ts",
      code: "",
      expected: [],
    },
    {
      name: "a file with a shebang and top-level await in a module",
      fileName: "script.mts",
      code: "#!/usr/bin/env node\nawait Promise.resolve();\nexport {};\n",
      expected: [],
    },
  ];
  for (const { name, fileName, code, expected } of valid) {
    it(`not reported: ${name}`, () => {
      const findings = summary(lintFiles({ [fileName]: code }).get(fileName)).findings.map((finding) => finding.replace(/: .*$/s, ""));
      assert.deepEqual(findings, expected);
    });
  }

  it("is reported even when the rule list given to the linter leaves it out", () => {
    const rules = allRules.filter((rule) => rule.meta.id !== "parse-error");
    assert.deepEqual(summary(lintFiles({ "a.ts": "const a = ;\n" }, rules).get("a.ts")).findings, [
      `1:11 parse-error/syntaxError: ${syntaxMessage("Expression expected.")}`,
    ]);
  });
});

describe("deep nesting (issue 12): one file costs at most its own results", () => {
  const chain = (terms: number) => `declare const a: number;\nexport const total = ${Array.from({ length: terms }, () => "a").join(" + ")};\n`;

  it("a 2,000-term `a + a + …` chain (tsc compiles it) is linted like any file, in one walk", () => {
    const results = lintFiles({ "chain.ts": `${FLOATING}${chain(2000)}` });
    assert.deepEqual(summary(results.get("chain.ts")).findings.map((finding) => finding.replace(/: .*$/s, "")), [FLOATING_FINDING]);
    assert.deepEqual(summary(results.get("chain.ts")).internalErrors, []);
  });

  it("5,000 nested parentheses overflow TypeScript's parser: one parse-error for that file, the others linted", () => {
    const results = lintFiles({
      "parens.ts": `export const deep = ${"(".repeat(5000)}1${")".repeat(5000)};\n`,
      "ok.ts": FLOATING,
    });
    assert.deepEqual(summary(results.get("parens.ts")), { findings: [`1:1 parse-error/tooDeep: ${tooDeepMessage("parsing")}`], internalErrors: [] });
    assert.equal(results.get("parens.ts")?.sourceText.length, 10_023, "the report keeps the file's real text (code frames)");
    assert.deepEqual(summary(results.get("ok.ts")).findings.map((finding) => finding.replace(/: .*$/s, "")), [FLOATING_FINDING]);
  });

  it("nested blocks that parse but overflow TypeScript's binder: one parse-error for that file, the others linted", () => {
    const results = lintFiles({ "blocks.ts": blocksThatOverflowTheBinder(), "ok.ts": FLOATING });
    assert.deepEqual(summary(results.get("blocks.ts")), { findings: [`1:1 parse-error/tooDeep: ${tooDeepMessage("binding")}`], internalErrors: [] });
    assert.deepEqual(summary(results.get("ok.ts")).findings.map((finding) => finding.replace(/: .*$/s, "")), [FLOATING_FINDING]);
  });

  it("a file that overflowed the binder is still known when a later program reuses it (the editor, --fix)", () => {
    const dir = path.join(root, `case${++caseCount}`);
    fs.mkdirSync(dir, { recursive: true });
    const blocks = normalizePath(path.join(dir, "blocks.ts"));
    const ok = normalizePath(path.join(dir, "ok.ts"));
    fs.writeFileSync(blocks, blocksThatOverflowTheBinder());
    fs.writeFileSync(ok, FLOATING);
    const options = { ...defaultCompilerOptions(dir), types: [], lib: ["lib.es2022.d.ts"] };
    const files = [blocks, ok];
    const builder = new ProgramBuilder({ configFile: undefined, options, rootNames: files, projectReferences: undefined, filesToLint: files, types: { packages: [], reason: "", typescript: undefined } });
    const lint = (program: ts.Program) =>
      lintProgram({ program, files, rules: allRules, configFor: (file) => defaultConfig(path.dirname(file), allRules) }).map((result) =>
        result.findings.map((finding) => `${path.basename(result.fileName)} ${finding.ruleId}/${finding.messageId}`),
      );
    const first = builder.build();
    assert.deepEqual(lint(first), [["blocks.ts parse-error/tooDeep"], ["ok.ts floating-promise/floating"]]);
    const second = builder.build(new Map([[ok, `${FLOATING}\n`]]));
    assert.equal(second.getSourceFile(blocks), first.getSourceFile(blocks), "the same source file object");
    assert.deepEqual(lint(second), [["blocks.ts parse-error/tooDeep"], ["ok.ts floating-promise/floating"]]);
  });

  it("a rule whose own recursion overflows is contained: one internal error for it, the other rules' findings kept", () => {
    const recursive: AnyRule = {
      meta: { ...parseError.meta, id: "recursive", alwaysOn: false, defaultSeverity: "warning" },
      create: () => ({
        [ts.SyntaxKind.SourceFile]: (node) => {
          const depth = (n: ts.Node): number => 1 + Math.max(0, ...n.getChildren().map(depth));
          depth(node);
          depth(node);
        },
      }),
    };
    const sourceFile = ts.createSourceFile("/x/chain.ts", `${FLOATING}${chain(20_000)}`, ts.ScriptTarget.ES2022, true);
    const healthy: AnyRule = {
      meta: { ...parseError.meta, id: "healthy", alwaysOn: false, defaultSeverity: "warning" },
      create: (context) => ({ [ts.SyntaxKind.CallExpression]: (node) => context.report({ node, messageId: "tooDeep", data: { stage: "x" } }) }),
    };
    const result = runRules({
      sourceFile,
      rules: [recursive, healthy],
      settingOf: () => ({ severity: "warning", options: {} }),
      types: () => {
        throw new Error("no types here");
      },
    });
    assert.deepEqual(
      result.internalErrors.map(({ ruleId, message }) => `${ruleId}: ${message}`),
      ["recursive: Maximum call stack size exceeded"],
    );
    assert.deepEqual(
      result.findings.map((finding) => `${finding.ruleId} ${finding.range.start.line + 1}`),
      ["healthy 3"],
    );
  });
});
