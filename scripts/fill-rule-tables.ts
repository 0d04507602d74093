/**
 * Completes the rule tables (`test/rules/*.test.ts`) and the docs examples of the rule files
 * (`server/src/rules/*.ts`). Every expected finding of a must-flag case
 * that lists no `message` gets the message the rule renders now, and one that lists no `fixes`
 * while the rule offers some gets every offered fix (title and the exact text after it). An
 * expectation that is written is never changed, and a case whose findings (rule, message id, line,
 * column) differ from what the rule reports now is left alone and listed. Every incorrect docs
 * example without `reportedAt` gets the position of its one finding.
 *
 *   npm run fill-rule-tables [-- test/rules/<rule>.test.ts server/src/rules/<rule>.ts ...]
 *
 * Use it after merging cases written elsewhere, or to write the expectations of a new case; then
 * READ what it wrote: a wrong message or fix output is a bug in the rule, not a text to pin.
 *
 * How: it runs each table's must-flag cases with `RULE_TABLE_RECORD` set (see
 * `test/helpers/ruleTable.ts`), reads back what each case found, finds the case in the file's
 * syntax tree by its `name`, and inserts the missing properties. Messages and titles are written
 * with the file's own top-level string constants and message helpers (`const CATCH = (a: string) =>
 * \`...\``) where one renders the same text; fix outputs the way the case's `code` is written
 * (a template over the same constants, or the same line-joining call).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { allRules } from "../server/src/rules";
import { lintDocExample } from "../test/helpers/docExamples";
import type { RecordedCase } from "../test/helpers/ruleTable";
import { positionOf } from "../test/helpers/ruleTester";

const root = path.resolve(__dirname, "..");
/** Above this width a one-line expected finding is laid out one property per line. */
const MAX_LINE = 160;
/** Constants shorter than this are not worth a `${NAME}` in a fix output. */
const MIN_CONSTANT_LENGTH = 12;

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Counts {
  messages: number;
  fixOutputs: number;
  findings: number;
}

/** Runs the must-flag cases of one table and returns what each found, in table order. */
function recordTable(file: string): RecordedCase[] {
  const recordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rule-table-")), "record.jsonl");
  fs.writeFileSync(recordFile, "");
  spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=dot", "--test-name-pattern=^flags: ", file], {
    cwd: root,
    env: { ...process.env, RULE_TABLE_RECORD: recordFile },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const recorded = fs
    .readFileSync(recordFile, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as RecordedCase);
  fs.rmSync(path.dirname(recordFile), { recursive: true, force: true });
  return recorded;
}

function staticString(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find(
    (member): member is ts.PropertyAssignment => ts.isPropertyAssignment(member) && ts.isIdentifier(member.name) && member.name.text === name,
  );
}

function hasProperty(object: ts.ObjectLiteralExpression, name: string): boolean {
  return object.properties.some((member) => member.name !== undefined && ts.isIdentifier(member.name) && member.name.text === name);
}

/**
 * A message helper: `const NAME = (a: string, n: number) => \`...${a}...\`` whose substitutions are
 * its parameters or the file's string constants.
 */
interface TextHelper {
  name: string;
  pattern: RegExp;
  /** For each capture group, the index of its parameter. */
  groups: number[];
  /** Parameters typed `number` are written as numbers. */
  numeric: boolean[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The file's top-level string constants and message helpers. */
function fileVocabulary(sourceFile: ts.SourceFile): { constants: Map<string, string>; helpers: TextHelper[] } {
  const constants = new Map<string, string>();
  const values = new Map<string, string>();
  const declarations = sourceFile.statements
    .filter((statement): statement is ts.VariableStatement => ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0)
    .flatMap((statement) => [...statement.declarationList.declarations]);
  for (const declaration of declarations) {
    const value = staticString(declaration.initializer);
    if (!ts.isIdentifier(declaration.name) || value === undefined) continue;
    values.set(declaration.name.text, value);
    if (!constants.has(value)) constants.set(value, declaration.name.text);
  }
  const helpers: TextHelper[] = [];
  for (const declaration of declarations) {
    const helper = ts.isIdentifier(declaration.name) && declaration.initializer ? textHelper(declaration.name.text, declaration.initializer, values) : undefined;
    if (helper) helpers.push(helper);
  }
  return { constants, helpers };
}

function textHelper(name: string, initializer: ts.Expression, values: Map<string, string>): TextHelper | undefined {
  if (!ts.isArrowFunction(initializer) || !ts.isTemplateExpression(initializer.body)) return undefined;
  const parameters = initializer.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ""));
  if (parameters.includes("")) return undefined;
  const numeric = initializer.parameters.map((parameter) => parameter.type?.kind === ts.SyntaxKind.NumberKeyword);
  const template = initializer.body;
  let source = `^${escapeRegExp(template.head.text)}`;
  const groups: number[] = [];
  const seen = new Map<number, number>();
  for (const span of template.templateSpans) {
    if (!ts.isIdentifier(span.expression)) return undefined;
    const index = parameters.indexOf(span.expression.text);
    const constant = values.get(span.expression.text);
    if (index < 0 && constant === undefined) return undefined;
    const earlier = seen.get(index);
    if (index < 0) source += escapeRegExp(constant ?? "");
    else if (earlier !== undefined) source += `\\${earlier}`;
    else {
      groups.push(index);
      seen.set(index, groups.length);
      source += numeric[index] ? "(\\d+)" : "([\\s\\S]+?)";
    }
    source += escapeRegExp(span.literal.text);
  }
  if (seen.size !== parameters.length) return undefined;
  return { name, pattern: new RegExp(`${source}$`), groups, numeric };
}

/** A string as a TypeScript literal, in the quotes that need no escaping where possible. */
function quote(text: string): string {
  if (text.includes('"') && !text.includes("'")) {
    return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"')}'`;
  }
  return JSON.stringify(text);
}

function templateText(text: string): string {
  return text.replace(/[\\`]|\$\{|[\u0000-\u001f\u2028\u2029]/g, (match) => {
    if (match === "\\" || match === "`") return `\\${match}`;
    if (match === "${") return "\\${";
    if (match === "\n") return "\\n";
    if (match === "\t") return "\\t";
    if (match === "\r") return "\\r";
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A message or fix title: a constant's name, a helper call, or a literal. */
function renderText(text: string, vocabulary: ReturnType<typeof fileVocabulary>): string {
  const constant = vocabulary.constants.get(text);
  if (constant) return constant;
  for (const helper of vocabulary.helpers) {
    const match = helper.pattern.exec(text);
    if (!match) continue;
    const values: string[] = [];
    helper.groups.forEach((parameter, group) => (values[parameter] = match[group + 1] ?? ""));
    return `${helper.name}(${values.map((value, index) => (helper.numeric[index] ? value : quote(value))).join(", ")})`;
  }
  return quote(text);
}

/** How the case's `code` is written, so that fix outputs can be written the same way. */
type CodeShape =
  | { kind: "lines"; callee: string }
  | { kind: "template"; substitutions: [source: string, value: string][] };

function codeShape(codeNode: ts.Expression | undefined, code: string, sourceFile: ts.SourceFile, constants: Map<string, string>): CodeShape {
  const byName = new Map([...constants].map(([value, name]) => [name, value]));
  const substitutions: [string, string][] = [...byName]
    .filter(([, value]) => value.length >= MIN_CONSTANT_LENGTH)
    .map(([name, value]) => [name, value]);
  if (!codeNode) return { kind: "template", substitutions };
  // `lines(A, "b", ...)`: a call whose arguments, joined by line breaks, are the code.
  if (ts.isCallExpression(codeNode) && ts.isIdentifier(codeNode.expression)) {
    const parts = codeNode.arguments.map((argument) => staticString(argument) ?? (ts.isIdentifier(argument) ? byName.get(argument.text) : undefined));
    if (parts.every((part) => part !== undefined) && parts.join("\n") === code) return { kind: "lines", callee: codeNode.expression.text };
  }
  // `${D}\nasync function f() {...}`: the values of the substitutions, recovered from the code
  // where the split is forced (each literal between two substitutions occurs once in the rest).
  if (ts.isTemplateExpression(codeNode) && code.startsWith(codeNode.head.text)) {
    let position = codeNode.head.text.length;
    const spans = codeNode.templateSpans;
    for (const [index, span] of spans.entries()) {
      const literal = span.literal.text;
      let end: number;
      if (index === spans.length - 1) end = code.endsWith(literal) ? code.length - literal.length : -1;
      else end = literal !== "" && code.indexOf(literal, position) === code.lastIndexOf(literal) ? code.indexOf(literal, position) : -1;
      if (end < position) break;
      const source = span.expression.getText(sourceFile);
      const value = code.slice(position, end);
      if (value.length >= MIN_CONSTANT_LENGTH && /^[\w.]+$/.test(source)) substitutions.unshift([source, value]);
      position = end + literal.length;
    }
  }
  return { kind: "template", substitutions };
}

function renderOutput(output: string, shape: CodeShape, constants: Map<string, string>, indent: string): string {
  if (shape.kind === "lines") {
    const parts = output.split("\n").map((line) => constants.get(line) ?? quote(line));
    const oneLine = `${shape.callee}(${parts.join(", ")})`;
    if (indent.length + oneLine.length <= MAX_LINE) return oneLine;
    return `${shape.callee}(\n${parts.map((part) => `${indent}  ${part},\n`).join("")}${indent})`;
  }
  // Longest values first, so that a constant is never split by a shorter one inside it.
  const substitutions = [...shape.substitutions].sort((a, b) => b[1].length - a[1].length);
  let pieces: (string | { source: string })[] = [output];
  for (const [source, value] of substitutions) {
    pieces = pieces.flatMap((piece) => {
      if (typeof piece !== "string" || !piece.includes(value)) return [piece];
      const split = piece.split(value);
      return split.flatMap((text, index) => (index === 0 ? [text] : [{ source }, text]));
    });
  }
  return `\`${pieces.map((piece) => (typeof piece === "string" ? templateText(piece) : `\${${piece.source}}`)).join("")}\``;
}

function lineIndent(sourceFile: ts.SourceFile, position: number): string {
  const lineStart = sourceFile.text.lastIndexOf("\n", position - 1) + 1;
  return /^[ \t]*/.exec(sourceFile.text.slice(lineStart))?.[0] ?? "";
}

function lineLengthAround(sourceFile: ts.SourceFile, start: number, end: number): number {
  const lineStart = sourceFile.text.lastIndexOf("\n", start - 1) + 1;
  const nextBreak = sourceFile.text.indexOf("\n", end);
  return (nextBreak < 0 ? sourceFile.text.length : nextBreak) - lineStart;
}

/** Fills one file; returns the counts and the problems it left for a person. */
function fillFile(file: string): { counts: Counts; problems: string[] } {
  const counts: Counts = { messages: 0, fixOutputs: 0, findings: 0 };
  const problems: string[] = [];
  const recorded = recordTable(file);
  const byName = new Map<string, RecordedCase[]>();
  for (const testCase of recorded) byName.set(testCase.name, [...(byName.get(testCase.name) ?? []), testCase]);

  const text = fs.readFileSync(file, "utf8");
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const vocabulary = fileVocabulary(sourceFile);
  const where = (node: ts.Node) => `${path.relative(root, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
  const edits: Edit[] = [];
  const used = new Map<string, number>();

  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const errors = property(node, "errors")?.initializer;
      const nameNode = property(node, "name")?.initializer;
      if (errors && ts.isArrayLiteralExpression(errors) && nameNode) {
        fillCase(node, errors, nameNode);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };

  const fillCase = (testCase: ts.ObjectLiteralExpression, errors: ts.ArrayLiteralExpression, nameNode: ts.Expression): void => {
    const name = staticString(nameNode);
    if (name === undefined) {
      problems.push(`${where(testCase)}: the case's name is not a plain string; fill it by hand`);
      return;
    }
    const occurrence = used.get(name) ?? 0;
    used.set(name, occurrence + 1);
    const found = byName.get(name)?.[occurrence];
    if (!found) {
      problems.push(`${where(testCase)}: "${name}" did not run (the rule threw, or the name is not unique)`);
      return;
    }
    const literals = errors.elements.filter(ts.isObjectLiteralExpression);
    if (literals.length !== errors.elements.length) {
      problems.push(`${where(testCase)}: "${name}" lists its findings other than as object literals; fill it by hand`);
      return;
    }
    const matches =
      literals.length === found.findings.length &&
      literals.every((literal, index) => {
        const finding = found.findings[index];
        const expected = { messageId: finding?.messageId, line: finding?.line, column: finding?.column };
        return (["messageId", "line", "column"] as const).every((key) => {
          const initializer = property(literal, key)?.initializer;
          if (!initializer) return false;
          const value = ts.isNumericLiteral(initializer) ? Number(initializer.text) : staticString(initializer);
          return value === undefined || value === expected[key];
        });
      });
    if (!matches) {
      problems.push(`${where(testCase)}: "${name}": the rule now reports ${JSON.stringify(found.findings.map((f) => `${f.messageId}@${f.line}:${f.column}`))}; correct the case first`);
      return;
    }
    const shape = codeShape(property(testCase, "code")?.initializer, found.code, sourceFile, vocabulary.constants);
    const baseIndent = lineIndent(sourceFile, errors.getStart(sourceFile));
    const additions = literals.map((literal, index) => {
      const finding = found.findings[index];
      const add: { message?: string; fixes?: [string, string][] } = {};
      if (!finding) return add;
      if (!hasProperty(literal, "message")) add.message = finding.message;
      if (!hasProperty(literal, "fixes") && finding.fixes.length > 0) add.fixes = finding.fixes;
      return add;
    });
    if (additions.every((add) => add.message === undefined && add.fixes === undefined)) return;
    counts.findings += additions.filter((add) => add.message !== undefined || add.fixes !== undefined).length;
    counts.messages += additions.filter((add) => add.message !== undefined).length;
    counts.fixOutputs += additions.reduce((sum, add) => sum + (add.fixes?.length ?? 0), 0);

    const renderProperties = (add: (typeof additions)[number], indent: string): string[] => {
      const lines: string[] = [];
      if (add.message !== undefined) lines.push(`message: ${renderText(add.message, vocabulary)}`);
      if (add.fixes) {
        const entries = add.fixes.map(([title, output]) => {
          const renderedTitle = renderText(title, vocabulary);
          const oneLine = `[${renderedTitle}, ${renderOutput(output, shape, vocabulary.constants, `${indent}  `)}]`;
          if (!oneLine.includes("\n") && indent.length + 2 + oneLine.length <= MAX_LINE) return oneLine;
          return `[\n${indent}    ${renderedTitle},\n${indent}    ${renderOutput(output, shape, vocabulary.constants, `${indent}    `)},\n${indent}  ]`;
        });
        lines.push(`fixes: [\n${entries.map((entry) => `${indent}  ${entry},\n`).join("")}${indent}]`);
      }
      return lines;
    };
    const multiLine = (literal: ts.ObjectLiteralExpression, add: (typeof additions)[number], indent: string): string => {
      const props = [...literal.properties.map((member) => member.getText(sourceFile)), ...renderProperties(add, `${indent}  `)];
      return `{\n${props.map((prop) => `${indent}  ${prop},\n`).join("")}${indent}}`;
    };
    const isOneLine = (node: ts.Node) => !node.getText(sourceFile).includes("\n");

    if (isOneLine(errors)) {
      // A one-line list stays one line when only short messages are added; else one finding per line.
      const inline = additions.every((add) => add.fixes === undefined);
      if (inline) {
        const added = additions.map((add) => renderProperties(add, "").join(", "));
        const lengthAfter = lineLengthAround(sourceFile, errors.getStart(sourceFile), errors.getEnd()) + added.reduce((sum, text) => sum + (text ? text.length + 2 : 0), 0);
        if (lengthAfter <= MAX_LINE) {
          literals.forEach((literal, index) => {
            const text = added[index];
            if (!text) return;
            const last = literal.properties[literal.properties.length - 1];
            if (last) edits.push({ start: last.getEnd(), end: last.getEnd(), text: `, ${text}` });
          });
          return;
        }
      }
      const elementIndent = `${baseIndent}  `;
      const elements = literals.map((literal, index) => {
        const add = additions[index] ?? {};
        return add.message === undefined && add.fixes === undefined ? literal.getText(sourceFile) : multiLine(literal, add, elementIndent);
      });
      edits.push({ start: errors.getStart(sourceFile), end: errors.getEnd(), text: `[\n${elements.map((element) => `${elementIndent}${element},\n`).join("")}${baseIndent}]` });
      return;
    }
    literals.forEach((literal, index) => {
      const add = additions[index] ?? {};
      if (add.message === undefined && add.fixes === undefined) return;
      const indent = lineIndent(sourceFile, literal.getStart(sourceFile));
      if (isOneLine(literal)) {
        edits.push({ start: literal.getStart(sourceFile), end: literal.getEnd(), text: multiLine(literal, add, indent) });
        return;
      }
      const last = literal.properties[literal.properties.length - 1];
      if (!last) return;
      const propertyIndent = lineIndent(sourceFile, last.getStart(sourceFile));
      const fixes = property(literal, "fixes");
      if (fixes && add.message !== undefined) {
        // The message goes before the fixes, where a reader looks for it.
        const fixesIndent = lineIndent(sourceFile, fixes.getStart(sourceFile));
        edits.push({ start: fixes.getStart(sourceFile), end: fixes.getStart(sourceFile), text: `${renderProperties({ message: add.message }, fixesIndent).join("")},\n${fixesIndent}` });
        if (add.fixes === undefined) return;
        add.message = undefined;
      }
      const inserted = renderProperties(add, propertyIndent).map((prop) => `\n${propertyIndent}${prop},`).join("");
      if (literal.properties.hasTrailingComma) {
        const comma = sourceFile.text.indexOf(",", last.getEnd());
        edits.push({ start: comma + 1, end: comma + 1, text: inserted });
      } else {
        edits.push({ start: last.getEnd(), end: last.getEnd(), text: `,${inserted.slice(0, -1)}` });
      }
    });
  };

  visit(sourceFile);
  let updated = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) updated = updated.slice(0, edit.start) + edit.text + updated.slice(edit.end);
  if (updated !== text) fs.writeFileSync(file, updated);
  return { counts, problems };
}

/** Writes `reportedAt` into the incorrect docs examples of one rule file that lack it. */
function fillDocs(file: string): { filled: number; problems: string[] } {
  const problems: string[] = [];
  const id = path.basename(file, ".ts");
  const rule = allRules.find((candidate) => candidate.meta.id === id);
  if (!rule) return { filled: 0, problems: [`${path.relative(root, file)}: no rule with the id ${id}`] };
  const text = fs.readFileSync(file, "utf8");
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const where = (node: ts.Node) => `${path.relative(root, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
  let list: ts.ArrayLiteralExpression | undefined;
  const find = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "incorrect" && ts.isArrayLiteralExpression(node.initializer)) list ??= node.initializer;
    else ts.forEachChild(node, find);
  };
  find(sourceFile);
  const examples = rule.meta.docs.incorrect;
  if (!list || list.elements.length !== examples.length || !list.elements.every(ts.isObjectLiteralExpression)) {
    return { filled: 0, problems: [`${path.relative(root, file)}: the incorrect examples are not one array of object literals; fill them by hand`] };
  }
  const edits: Edit[] = [];
  list.elements.forEach((element, index) => {
    const example = examples[index];
    if (!ts.isObjectLiteralExpression(element) || !example || hasProperty(element, "reportedAt")) return;
    const findings = lintDocExample(rule, example);
    const [finding] = findings;
    if (!finding || findings.length > 1) {
      problems.push(`${where(element)}: incorrect example ${index + 1} has ${findings.length} findings of ${id}, not one; correct the example first`);
      return;
    }
    const { line, column } = positionOf(finding);
    const last = element.properties[element.properties.length - 1];
    if (!last) return;
    const indent = lineIndent(sourceFile, last.getStart(sourceFile));
    const inserted = `\n${indent}reportedAt: { line: ${line}, column: ${column} },`;
    if (element.properties.hasTrailingComma) {
      const comma = sourceFile.text.indexOf(",", last.getEnd());
      edits.push({ start: comma + 1, end: comma + 1, text: inserted });
    } else edits.push({ start: last.getEnd(), end: last.getEnd(), text: `,${inserted.slice(0, -1)}` });
  });
  let updated = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) updated = updated.slice(0, edit.start) + edit.text + updated.slice(edit.end);
  if (updated !== text) fs.writeFileSync(file, updated);
  return { filled: edits.length, problems };
}

if (require.main === module) {
  const rulesFolder = path.join(root, "server", "src", "rules");
  const tablesFolder = path.join(root, "test", "rules");
  const given = process.argv.slice(2).map((file) => path.resolve(file));
  const all = (folder: string, keep: (name: string) => boolean) =>
    fs.readdirSync(folder).filter(keep).map((name) => path.join(folder, name));
  const tables = given.length > 0 ? given.filter((file) => file.startsWith(tablesFolder)) : all(tablesFolder, (name) => name.endsWith(".test.ts"));
  const ruleFiles = given.length > 0 ? given.filter((file) => file.startsWith(rulesFolder) && path.basename(file) !== "index.ts") : all(rulesFolder, (name) => name.endsWith(".ts") && name !== "index.ts");
  let problemCount = 0;
  const report = (line: string, problems: string[]) => {
    process.stdout.write(`${line}\n`);
    for (const problem of problems) process.stdout.write(`  ${problem}\n`);
    problemCount += problems.length;
  };
  for (const table of tables) {
    const { counts, problems } = fillFile(table);
    report(`${path.relative(root, table)}: ${counts.messages} message(s) and ${counts.fixOutputs} fix output(s) written into ${counts.findings} finding(s)`, problems);
  }
  for (const ruleFile of ruleFiles) {
    const { filled, problems } = fillDocs(ruleFile);
    report(`${path.relative(root, ruleFile)}: ${filled} docs example position(s) written`, problems);
  }
  if (problemCount > 0) process.exitCode = 1;
}
