/**
 * Imports for fixes: finds or adds the import of one member of a Node module, in the file's own
 * style (ES `import` or CommonJS `require`, its quotes and semicolons), for any rule's fixes.
 */
import * as ts from "typescript";
import type { TextEdit } from "./types";

/**
 * Finds or adds the import of one member of a Node module for a fix. In ES modules (and every
 * TypeScript file) it reuses a namespace or named `import` of the module, with or without the
 * `node:` prefix, adds the name to an existing named import, or adds an `import` after the last
 * one. In a CommonJS JavaScript file it does the same with `require`.
 */
export class ImportPlanner {
  private readonly commonJs: boolean;
  private readonly insertions = new Map<number, string[]>();
  private readonly replacements: TextEdit[] = [];
  private readonly quote: string;
  private readonly semicolon: string;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    isJavaScript: boolean,
  ) {
    this.commonJs = isJavaScript && isCommonJsScript(sourceFile);
    const first = sourceFile.statements.find((statement) => moduleOf(statement, this.commonJs) !== undefined);
    const specifier = first && moduleSpecifierOf(first, this.commonJs);
    this.quote = specifier?.getText(sourceFile).startsWith("'") ? "'" : '"';
    this.semicolon = first && !first.getText(sourceFile).endsWith(";") ? "" : ";";
  }

  /** The expression that names `member` of `module` here (`readFile`, `fsp.readFile`), or undefined when taken. */
  reference(module: string, member: string, allowAlias: boolean): string | undefined {
    const wanted = new Set([module, `node:${module}`]);
    let extend: ts.NamedImports | ts.ObjectBindingPattern | undefined;
    let last: ts.Statement | undefined;
    for (const statement of this.sourceFile.statements) {
      const from = moduleOf(statement, this.commonJs);
      if (from === undefined) continue;
      last = statement;
      if (!wanted.has(from)) continue;
      const binding = bindingOf(statement);
      if (binding === undefined) continue;
      if (ts.isIdentifier(binding)) return `${binding.text}.${member}`;
      for (const element of binding.elements) {
        if (ts.isImportSpecifier(element)) {
          if (!element.isTypeOnly && (element.propertyName ?? element.name).text === member) return element.name.text;
        } else if (!element.dotDotDotToken && ts.isIdentifier(element.name)) {
          const key = element.propertyName ?? element.name;
          if ((ts.isIdentifier(key) || ts.isStringLiteral(key)) && key.text === member) return element.name.text;
        }
      }
      extend ??= binding;
    }
    const local = this.freeName(member, allowAlias);
    if (local === undefined) return undefined;
    const specifier = local === member ? member : this.commonJs ? `${member}: ${local}` : `${member} as ${local}`;
    if (extend) {
      const elements: ts.NodeArray<ts.Node> = extend.elements;
      const previous = elements[elements.length - 1];
      if (previous) {
        this.insertAt(previous.getEnd(), `, ${specifier}`);
      } else {
        this.replacements.push({ fileName: this.sourceFile.fileName, start: extend.getStart(this.sourceFile), end: extend.getEnd(), newText: `{ ${specifier} }` });
      }
      return local;
    }
    const q = this.quote;
    const text = this.commonJs
      ? `const { ${specifier} } = require(${q}node:${module}${q})${this.semicolon}`
      : `import { ${specifier} } from ${q}node:${module}${q}${this.semicolon}`;
    if (last) {
      this.insertAt(last.getEnd(), `\n${text}`);
    } else {
      const first = this.sourceFile.statements.find((statement) => !isPrologueDirective(statement)) ?? this.sourceFile.statements[0];
      this.insertAt(first.getStart(this.sourceFile), `${text}\n`);
    }
    return local;
  }

  edits(): TextEdit[] {
    const fileName = this.sourceFile.fileName;
    return [
      ...[...this.insertions].map(([position, texts]): TextEdit => ({ fileName, start: position, end: position, newText: texts.join("") })),
      ...this.replacements,
    ];
  }

  private insertAt(position: number, text: string): void {
    const list = this.insertions.get(position);
    if (list) list.push(text);
    else this.insertions.set(position, [text]);
  }

  /** `member` when the file never uses that word, else `<member>Async` when allowed and free. */
  private freeName(member: string, allowAlias: boolean): string | undefined {
    const used = (name: string) => new RegExp(`(?:^|[^\\w$])${escapeRegExp(name)}(?![\\w$])`).test(this.sourceFile.text);
    if (!used(member)) return member;
    const alias = `${member}Async`;
    return allowAlias && !used(alias) ? alias : undefined;
  }
}

function isCommonJsScript(sourceFile: ts.SourceFile): boolean {
  if (/\.mjs$/i.test(sourceFile.fileName)) return false;
  if (/\.cjs$/i.test(sourceFile.fileName)) return true;
  return !sourceFile.statements.some(
    (statement) => ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement),
  );
}

function isPrologueDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** The module a top-level `import`, `import x = require()` or (CommonJS) `const x = require()` names. */
function moduleOf(statement: ts.Statement, commonJs: boolean): string | undefined {
  const specifier = moduleSpecifierOf(statement, commonJs);
  return specifier && ts.isStringLiteralLike(specifier) ? specifier.text : undefined;
}

function moduleSpecifierOf(statement: ts.Statement, commonJs: boolean): ts.Expression | undefined {
  if (ts.isImportDeclaration(statement)) return statement.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    return statement.moduleReference.expression;
  }
  if (commonJs && ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const initializer = statement.declarationList.declarations[0].initializer;
    if (
      initializer &&
      ts.isCallExpression(initializer) &&
      ts.isIdentifier(initializer.expression) &&
      initializer.expression.text === "require" &&
      initializer.arguments.length === 1
    ) {
      return initializer.arguments[0];
    }
  }
  return undefined;
}

/** What an import statement binds that a fix can use: a namespace name, or a list of names to read or extend. */
function bindingOf(statement: ts.Statement): ts.Identifier | ts.NamedImports | ts.ObjectBindingPattern | undefined {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause || clause.phaseModifier !== undefined) return undefined;
    const bindings = clause.namedBindings;
    if (!bindings) return undefined;
    return ts.isNamespaceImport(bindings) ? bindings.name : bindings;
  }
  if (ts.isImportEqualsDeclaration(statement)) return statement.isTypeOnly ? undefined : statement.name;
  if (ts.isVariableStatement(statement)) {
    const name = statement.declarationList.declarations[0].name;
    return ts.isIdentifier(name) || ts.isObjectBindingPattern(name) ? name : undefined;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
