/**
 * Which project files only a package's command-line programs reach: the project's module graph,
 * read from syntax (no type question, no Program lookups beyond the compiler options), walked once
 * from the package.json `bin` entries and once from its library entries (`main`, `exports`).
 *
 * Edges are the static `import`/`export ... from`/`import x = require(...)` declarations (not
 * `import type`), `require(...)` and `import(...)` calls whose argument is a string, or a path
 * computed from string literals, `__dirname`/`import.meta.dirname` and `path.join`/`path.resolve`
 * (directly or through a `const` of the same file), or a template or `+` with a literal folder
 * prefix (`require(\`./commands/${name}\`)` reaches every project file under `commands/`).
 * Relative specifiers are resolved against the program's own source files (`.js` also as `.ts`,
 * `.tsx`, …; a folder as its `index`); bare ones through the tsconfig's `paths`/`baseUrl` when it
 * has them, else they name a package and are not followed. Any other argument is unknown.
 *
 * A `require`/`import` that runs only when the file is the program's main module (under
 * `if (require.main === module)`, `import.meta.main`, or `process.argv[1] === __filename`) is a
 * **program edge**: a library's user never runs it, the command line does.
 *
 * Soundness leans one way: the library side over-approximates (an unknown specifier, a `#import`
 * or the package's own name in a file the library reaches, or a library entry whose source is not
 * in the program, and every file counts as library code: nothing is lowered), the program side
 * under-approximates (an unknown specifier there is not followed; a file it may load stays at the
 * rule's severity).
 */
import * as path from "node:path";
import * as ts from "typescript";
import { equalWhen } from "./astUtils";
import { isInside, type LintProgram, packageOf, type ReadFile, slashes, stringsIn } from "./project";
import { skipParens } from "./typeOracle";

/** A project file that only the package's command-line programs reach. */
export interface CommandLineOnlyFile {
  /**
   * How messages name what reaches it: "the command-line program `bin/npm-cli.js` of the
   * package.json `bin`", or "`index.js` run directly as a program" (a program edge).
   */
  program: string;
  /** The package.json whose `bin` (or `main`) names it. */
  packageJson: string;
}

/** Where an import may go: project files, or anywhere (`unknown`). */
type Target = readonly string[] | "unknown";

interface FileEdges {
  library: Target[];
  program: Target[];
}

/** How many `const`s an import specifier is followed through. */
const MAX_CONST_DEPTH = 4;

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Text that may hold `require.main`, `import.meta.main` or `process.argv[1]` (or an escaped identifier). */
const MAY_CHECK_MAIN_MODULE = /\b(?:main|argv)\b|\\u/;
const BUILT_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx", ".js", ".jsx"],
  ".jsx": [".tsx", ".jsx"],
  ".mjs": [".mts", ".mjs"],
  ".cjs": [".cts", ".cjs"],
};

/**
 * The project files only command-line programs reach, keyed by normalized file name: reached from
 * a `bin` entry's source file, or from the target of a program edge, through static and resolvable
 * dynamic imports, and not reached from a library entry (`main`, `exports`) through library edges.
 * Empty when neither a `bin` nor a program edge reaches a file, when the package has neither
 * `main` nor `exports` (every file may be the library then), or when the library side meets an
 * import it cannot resolve. Linear in the project's files and their imports: each file's text is
 * scanned once for `require`/`import`/`export`, and the syntax tree is walked down to each hit only.
 */
export function commandLineOnlyFiles(
  program: LintProgram,
  readFile: ReadFile,
  files: readonly ts.SourceFile[],
): ReadonlyMap<string, CommandLineOnlyFile> {
  const byName = new Map(files.map((file) => [slashes(file.fileName), file]));
  const found = packageOf(program, readFile, (fileName) => byName.has(fileName));
  const none = new Map<string, CommandLineOnlyFile>();
  if (!found) return none;
  const { manifest, packageDir } = found;
  const { outDir } = found;
  if (manifest.main === undefined && manifest.exports === undefined) return none;

  // The library entries: each `main`/`exports` target that is code must be a program source file.
  const libraryStarts: string[] = [];
  for (const entry of [manifest.main, manifest.exports].flatMap(stringsIn)) {
    if (entry.includes("*")) {
      // A subpath pattern (`"./commands/*": "./dist/commands/*.js"`): every source file it may name, built ones mapped back to `rootDir`.
      const [before, after] = entry.split("*", 2);
      const prefix = path.posix.resolve(packageDir, slashes(before)) + (before.endsWith("/") ? "/" : "");
      const prefixes = [prefix, ...(outDir !== undefined && found.rootDir !== undefined && isInside(prefix, outDir) ? [found.rootDir + prefix.slice(outDir.length)] : [])];
      const stem = slashes(after).replace(/\.[cm]?jsx?$/, "");
      libraryStarts.push(...[...byName.keys()].filter((name) => prefixes.some((start) => name.startsWith(start)) && withoutExtension(name).endsWith(stem)));
      continue;
    }
    const extension = path.posix.extname(entry);
    if (/\.d\.[cm]?ts$/.test(entry) || (extension !== "" && !/^\.[cm]?[jt]sx?$/.test(extension))) continue;
    const source = found.sourceOf(entry) ?? (extension === "" ? found.sourceOf(`${entry}.js`) ?? found.sourceOf(`${entry}/index.js`) : undefined);
    if (source === undefined) return none;
    libraryStarts.push(source);
  }

  const packageName = typeof manifest.name === "string" ? manifest.name : undefined;
  const resolver = new SpecifierResolver(byName, program.getCompilerOptions(), packageName);
  const edgesMemo = new Map<string, FileEdges>();
  const edgesOf = (fileName: string): FileEdges => {
    let edges = edgesMemo.get(fileName);
    if (!edges) {
      const file = byName.get(fileName);
      edges = file ? importsOf(file, resolver) : { library: [], program: [] };
      edgesMemo.set(fileName, edges);
    }
    return edges;
  };

  // Program side: from each bin, then from each program edge's target, every edge; unknown ones
  // are not followed. Only a file whose text names `main` or `argv` (or has an escape) can hold a
  // main-module check, so only those are searched for program edges.
  const reached = new Map<string, string>();
  const walk = (start: string, label: string) => {
    const pending = [start];
    while (pending.length > 0) {
      const fileName = pending.pop() as string;
      if (reached.has(fileName)) continue;
      reached.set(fileName, label);
      const edges = edgesOf(fileName);
      for (const target of [...edges.library, ...edges.program]) if (target !== "unknown") pending.push(...target);
    }
  };
  for (const { target, source } of found.bins) walk(source, `the command-line program \`${path.posix.relative(packageDir, path.posix.resolve(packageDir, slashes(target)))}\` of the package.json \`bin\``);
  for (const [fileName, file] of byName) {
    if (!MAY_CHECK_MAIN_MODULE.test(file.text)) continue;
    const programEdges = edgesOf(fileName).program;
    const label = `\`${path.posix.relative(packageDir, fileName)}\` run directly as a program`;
    for (const target of programEdges) if (target !== "unknown") for (const reachedFile of target) walk(reachedFile, label);
  }
  // Nothing only a program reaches: the library side need not be walked.
  if (reached.size === 0) return none;

  // Library side: library edges only; an unknown one may reach any file.
  const library = new Set<string>();
  const queue = [...libraryStarts];
  while (queue.length > 0) {
    const fileName = queue.pop() as string;
    if (library.has(fileName)) continue;
    library.add(fileName);
    for (const target of edgesOf(fileName).library) {
      if (target === "unknown") return none;
      queue.push(...target);
    }
  }

  const result = new Map<string, CommandLineOnlyFile>();
  for (const [fileName, program] of reached) if (!library.has(fileName)) result.set(fileName, { program, packageJson: found.fileName });
  return result;
}

function withoutExtension(fileName: string): string {
  return fileName.slice(0, fileName.length - path.posix.extname(fileName).length);
}

// ---------------------------------------------------------------------------------------------
// One file's imports, from syntax

/** A specifier as far as syntax tells it: a whole string, or a literal prefix (and suffix) around something unknown. */
type Specifier = { text: string } | { prefix: string; suffix: string };

/**
 * A file's imports. Only the places where `require`, `import` or `export` is written are looked
 * at: from each, the walk goes down from the file to the node there (one path, not the whole
 * tree), noting on the way whether it enters the branch of a main-module check.
 */
function importsOf(file: ts.SourceFile, resolver: SpecifierResolver): FileEdges {
  const edges: FileEdges = { library: [], program: [] };
  const scope = new FileScope(file);
  const seen = new Set<ts.Node>();
  const add = (node: ts.Node, programOnly: boolean, specifier: () => Specifier | undefined) => {
    if (seen.has(node)) return;
    seen.add(node);
    const value = specifier();
    (programOnly ? edges.program : edges.library).push(value === undefined ? "unknown" : resolver.resolve(value, file.fileName));
  };
  const keyword = /\b(?:require|import|export)\b/g;
  for (let match = keyword.exec(file.text); match; match = keyword.exec(file.text)) {
    const at = match.index;
    let programOnly = false;
    for (let node: ts.Node | undefined = file; node; ) {
      const child: ts.Node | undefined = ts.forEachChild(node, (candidate) => (candidate.pos <= at && at < candidate.end ? candidate : undefined));
      if (ts.isImportDeclaration(node)) {
        const specifier = node.moduleSpecifier;
        if (!node.importClause?.isTypeOnly && ts.isStringLiteral(specifier)) add(node, programOnly, () => ({ text: specifier.text }));
        break;
      }
      if (ts.isExportDeclaration(node)) {
        const specifier = node.moduleSpecifier;
        if (!node.isTypeOnly && specifier && ts.isStringLiteral(specifier)) add(node, programOnly, () => ({ text: specifier.text }));
        break;
      }
      if (ts.isImportEqualsDeclaration(node)) {
        const reference = node.moduleReference;
        if (!node.isTypeOnly && ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
          const text = reference.expression.text;
          add(node, programOnly, () => ({ text }));
        }
        break;
      }
      if (ts.isCallExpression(node) && child === node.expression && isLoader(node)) {
        const call = node;
        add(node, programOnly, () => scope.evaluate(call.arguments[0], 0));
      }
      if (child === undefined) break;
      programOnly ||= entersMainModuleBranch(node, child);
      node = child;
    }
  }
  return edges;
}

/** `require(x)` or `import(x, ...)`. */
function isLoader(call: ts.CallExpression): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return call.arguments.length >= 1;
  return ts.isIdentifier(call.expression) && call.expression.text === "require" && call.arguments.length === 1;
}

/** Whether going from `node` into `child` enters code that runs only when the file is the program's main module. */
function entersMainModuleBranch(node: ts.Node, child: ts.Node): boolean {
  if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) {
    const [condition, whenTrue, whenFalse] = ts.isIfStatement(node) ? [node.expression, node.thenStatement, node.elseStatement] : [node.condition, node.whenTrue, node.whenFalse];
    if (child === condition) return false;
    const guard = mainModuleGuard(condition);
    return guard !== undefined && (child === whenTrue ? guard : child === whenFalse && !guard);
  }
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === node.right && mainModuleGuard(node.left) === true;
}

/**
 * Whether `condition` holds exactly when the file is the program's main module (true), exactly
 * when it is not (false), or neither (undefined): `require.main === module`, `import.meta.main`,
 * `process.argv[1] === __filename` (or `import.meta.filename`, `fileURLToPath(import.meta.url)`),
 * their negations and `!==`.
 */
function mainModuleGuard(condition: ts.Expression): boolean | undefined {
  const expression = skipParens(condition);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = mainModuleGuard(expression.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (isImportMeta(expression, "main")) return true;
  if (!ts.isBinaryExpression(expression)) return undefined;
  const operator = expression.operatorToken.kind;
  // True for `===`/`==`, false for `!==`/`!=`.
  const equal = equalWhen(operator, true);
  if (equal === undefined) return undefined;
  const [left, right] = [skipParens(expression.left), skipParens(expression.right)];
  const pair = (a: ts.Expression, b: ts.Expression) =>
    (isDotted(a, "require.main") && ts.isIdentifier(b) && b.text === "module") || (isArgvOne(a) && isThisFileName(b));
  return pair(left, right) || pair(right, left) ? equal : undefined;
}

function isDotted(expression: ts.Expression, dotted: string): boolean {
  const names = dotted.split(".");
  let current: ts.Expression = expression;
  for (let index = names.length - 1; index > 0; index--) {
    if (!ts.isPropertyAccessExpression(current) || current.name.text !== names[index]) return false;
    current = current.expression;
  }
  return ts.isIdentifier(current) && current.text === names[0];
}

/** `import.meta.<property>`, also through a type assertion (`(import.meta as { main?: boolean }).main`). */
function isImportMeta(expression: ts.Expression, property: string): boolean {
  if (!ts.isPropertyAccessExpression(expression) || expression.name.text !== property) return false;
  let object: ts.Expression = expression.expression;
  while (ts.isParenthesizedExpression(object) || ts.isAsExpression(object) || ts.isSatisfiesExpression(object) || ts.isNonNullExpression(object)) object = object.expression;
  return ts.isMetaProperty(object) && object.keywordToken === ts.SyntaxKind.ImportKeyword;
}

function isArgvOne(expression: ts.Expression): boolean {
  return (
    ts.isElementAccessExpression(expression) &&
    isDotted(expression.expression, "process.argv") &&
    ts.isNumericLiteral(expression.argumentExpression) &&
    expression.argumentExpression.text === "1"
  );
}

function isThisFileName(expression: ts.Expression): boolean {
  if (ts.isIdentifier(expression) && expression.text === "__filename") return true;
  if (isImportMeta(expression, "filename")) return true;
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1 || !isImportMeta(expression.arguments[0], "url")) return false;
  const callee = expression.expression;
  return (ts.isIdentifier(callee) && callee.text === "fileURLToPath") || (ts.isPropertyAccessExpression(callee) && callee.name.text === "fileURLToPath");
}

/**
 * The values syntax gives a file's specifiers: literals, `__dirname`, `path.join`/`path.resolve`
 * of such values (`path` imported or required from `path`/`node:path`, or its `join`/`resolve`
 * destructured), the file's `const`s initialized with such values, and literal prefixes.
 */
class FileScope {
  private constsMemo: Map<string, ts.Expression | null> | undefined;

  constructor(private readonly file: ts.SourceFile) {}

  /** Each `const name = <initializer>` of the file, by name; null when a name is declared more than once. */
  private get consts(): Map<string, ts.Expression | null> {
    if (this.constsMemo) return this.constsMemo;
    const consts = new Map<string, ts.Expression | null>();
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
        for (const declaration of node.declarations) {
          if (!declaration.initializer) continue;
          if (ts.isIdentifier(declaration.name)) {
            consts.set(declaration.name.text, consts.has(declaration.name.text) ? null : declaration.initializer);
          } else if (ts.isObjectBindingPattern(declaration.name) && isPathModule(declaration.initializer)) {
            for (const element of declaration.name.elements) {
              const property = element.propertyName ?? element.name;
              if (ts.isIdentifier(element.name) && ts.isIdentifier(property) && !element.dotDotDotToken) {
                consts.set(element.name.text, consts.has(element.name.text) ? null : ts.factory.createPropertyAccessExpression(declaration.initializer, property.text));
              }
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(this.file);
    this.constsMemo = consts;
    return consts;
  }

  /** Whether `name` is the `path` module: a namespace, default or `import = require` of `path`/`node:path`. */
  private isPathImport(name: string): boolean {
    return this.file.statements.some((statement) => {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && isPathSpecifier(statement.moduleSpecifier.text)) {
        const clause = statement.importClause;
        const bindings = clause?.namedBindings;
        return clause?.name?.text === name || (bindings !== undefined && ts.isNamespaceImport(bindings) && bindings.name.text === name);
      }
      if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name && ts.isExternalModuleReference(statement.moduleReference)) {
        const reference = statement.moduleReference.expression;
        return ts.isStringLiteral(reference) && isPathSpecifier(reference.text);
      }
      return false;
    });
  }

  /** The `path` function `callee` is (`path.join`, a destructured or imported `resolve`), or undefined. */
  private pathFunction(callee: ts.Expression, depth: number): "join" | "resolve" | undefined {
    if (ts.isIdentifier(callee)) {
      const imported = this.importedPathFunction(callee.text);
      if (imported) return imported;
      const initializer = this.consts.get(callee.text);
      return initializer && depth < MAX_CONST_DEPTH ? this.pathFunction(initializer, depth + 1) : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== "join" && callee.name.text !== "resolve")) return undefined;
    const object = skipParens(callee.expression);
    const isPath =
      isPathModule(object) ||
      (ts.isIdentifier(object) && (this.isPathImport(object.text) || ((initializer) => initializer != null && isPathModule(initializer))(this.consts.get(object.text))));
    return isPath ? callee.name.text : undefined;
  }

  private importedPathFunction(name: string): "join" | "resolve" | undefined {
    for (const statement of this.file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !isPathSpecifier(statement.moduleSpecifier.text)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (element.name.text === name && (imported === "join" || imported === "resolve")) return imported;
      }
    }
    return undefined;
  }

  evaluate(node: ts.Expression, depth: number): Specifier | undefined {
    const expression = skipParens(node);
    const dirname = path.posix.dirname(slashes(this.file.fileName));
    if (ts.isStringLiteralLike(expression)) return { text: expression.text };
    if (ts.isIdentifier(expression)) {
      if (expression.text === "__dirname") return { text: dirname };
      if (expression.text === "__filename") return { text: slashes(this.file.fileName) };
      const initializer = this.consts.get(expression.text);
      return initializer && depth < MAX_CONST_DEPTH ? this.evaluate(initializer, depth + 1) : undefined;
    }
    if (isImportMeta(expression, "dirname")) return { text: dirname };
    if (ts.isTemplateExpression(expression)) {
      let text = expression.head.text;
      for (const [index, span] of expression.templateSpans.entries()) {
        const value = this.evaluate(span.expression, depth + 1);
        if (value === undefined || !("text" in value)) {
          const last = expression.templateSpans[expression.templateSpans.length - 1].literal.text;
          return { prefix: text, suffix: index === expression.templateSpans.length - 1 ? last : "" };
        }
        text += value.text + span.literal.text;
      }
      return { text };
    }
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.evaluate(expression.left, depth + 1);
      if (left === undefined || !("text" in left)) return left && { prefix: left.prefix, suffix: "" };
      const right = this.evaluate(expression.right, depth + 1);
      if (right === undefined) return { prefix: left.text, suffix: "" };
      return "text" in right ? { text: left.text + right.text } : { prefix: left.text + right.prefix, suffix: "" };
    }
    if (ts.isCallExpression(expression)) {
      const fn = this.pathFunction(skipParens(expression.expression), depth);
      if (fn === undefined) return undefined;
      const parts: string[] = [];
      for (const argument of expression.arguments) {
        const value = ts.isSpreadElement(argument) ? undefined : this.evaluate(argument, depth + 1);
        if (value === undefined || !("text" in value)) return undefined;
        parts.push(value.text);
      }
      if (fn === "join") return { text: path.posix.join(...parts) };
      // `resolve` starts from the working directory unless a part is absolute.
      return parts.some((part) => part.startsWith("/")) ? { text: path.posix.resolve(...parts) } : undefined;
    }
    return undefined;
  }
}

function isPathSpecifier(text: string): boolean {
  return text === "path" || text === "node:path" || text === "path/posix" || text === "node:path/posix";
}

/** `require("path")` or `require("node:path")`. */
function isPathModule(expression: ts.Expression): boolean {
  const call = skipParens(expression);
  return (
    ts.isCallExpression(call) &&
    ts.isIdentifier(call.expression) &&
    call.expression.text === "require" &&
    call.arguments.length === 1 &&
    ts.isStringLiteralLike(call.arguments[0]) &&
    isPathSpecifier(call.arguments[0].text)
  );
}

// ---------------------------------------------------------------------------------------------
// Specifiers to project files

class SpecifierResolver {
  private readonly names: readonly string[];

  constructor(
    private readonly files: ReadonlyMap<string, ts.SourceFile>,
    private readonly options: ts.CompilerOptions,
    private readonly packageName: string | undefined,
  ) {
    this.names = [...files.keys()];
  }

  resolve(specifier: Specifier, fromFile: string): Target {
    const from = path.posix.dirname(slashes(fromFile));
    if ("prefix" in specifier) {
      const { prefix, suffix } = specifier;
      if (!prefix.startsWith(".") && !prefix.startsWith("/")) return "unknown";
      const joined = prefix.startsWith("/") ? prefix : path.posix.join(from, prefix);
      const folder = prefix.endsWith("/") && !joined.endsWith("/") ? `${joined}/` : joined;
      const stem = withoutExtension(suffix);
      return this.names.filter((name) => name.startsWith(folder) && withoutExtension(name).endsWith(stem));
    }
    const { text } = specifier;
    if (text.startsWith(".") || text.startsWith("/")) return this.probe(text.startsWith("/") ? text : path.posix.join(from, text));
    if (text.startsWith("#") || (this.packageName !== undefined && (text === this.packageName || text.startsWith(`${this.packageName}/`)))) return "unknown";
    if (this.options.paths === undefined && this.options.baseUrl === undefined) return [];
    // `paths`/`baseUrl` may map a bare name to a project file: the compiler's resolution, asked only about project files.
    const resolved = ts.resolveModuleName(text, fromFile, this.options, {
      fileExists: (fileName) => this.files.has(slashes(fileName)),
      readFile: () => undefined,
    }).resolvedModule;
    return resolved && this.files.has(slashes(resolved.resolvedFileName)) ? [slashes(resolved.resolvedFileName)] : [];
  }

  /** The project file a path names: itself, its source for a built `.js`, or with an extension or `/index` added. */
  private probe(fileName: string): string[] {
    const extension = path.posix.extname(fileName);
    const stem = fileName.slice(0, fileName.length - extension.length);
    const candidates = [
      fileName,
      ...(BUILT_TO_SOURCE[extension] ?? []).map((source) => stem + source),
      ...SOURCE_EXTENSIONS.map((source) => fileName + source),
      ...SOURCE_EXTENSIONS.map((source) => `${fileName}/index${source}`),
    ];
    const found = candidates.find((candidate) => this.files.has(candidate));
    return found === undefined ? [] : [found];
  }
}
