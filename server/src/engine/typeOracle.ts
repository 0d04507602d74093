/**
 * The one module that asks the TypeScript checker questions. Rules never touch `ts.TypeChecker`,
 * `ts.Type` or `ts.Symbol` directly: they ask here and get plain answers, so another type backend
 * can replace this file without touching a rule.
 *
 * Answers about types are three-state. `may` means "cannot know" (`any`, `unknown`, an
 * unconstrained type parameter, an unresolved import): rules never report on `may`.
 */
import * as ts from "typescript";

export type Tri = "always" | "never" | "may";

/** Where a declaration lives: the module it belongs to and its dotted name inside that module. */
export interface DeclarationRef {
  /** An ambient module name (`node:test`, `vscode`) or the npm package name; undefined for project files. */
  module: string | undefined;
  fileName: string;
  /** Dotted path inside the module, e.g. `window.showInformationMessage` or `test.suite.skip`. */
  qualifiedName: string;
  /** Declared in one of TypeScript's default lib files (`lib.es2015.promise.d.ts`, ...). */
  isDefaultLib: boolean;
}

export interface PromiseQuery {
  /** Any type with a callable `then` counts, not only the built-in `Promise`. */
  thenables: boolean;
}

/** An opaque handle for a variable; compare handles with `===`. */
export type VariableHandle = object;

function combine(parts: Iterable<Tri>): Tri {
  let sawMay = false;
  for (const part of parts) {
    if (part === "always") return "always";
    if (part === "may") sawMay = true;
  }
  return sawMay ? "may" : "never";
}

const UNKNOWNISH = ts.TypeFlags.Any | ts.TypeFlags.Unknown;

/**
 * Over a set of alternative types (overloads): `always` only when every alternative is a promise,
 * `never` only when none can be, `may` otherwise.
 */
function combineAll(types: readonly ts.Type[], status: (type: ts.Type) => Tri): Tri {
  let result: Tri | undefined;
  for (const type of types) {
    const current = status(type);
    if (result !== undefined && result !== current) return "may";
    result = current;
  }
  return result ?? "never";
}

export class TypeOracle {
  private readonly checker: ts.TypeChecker;
  private readonly builtinPromiseCache = new Map<ts.Symbol, boolean>();

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  /**
   * Is the value of `expr` a promise? `always` when the type is, or is a union with, a promise;
   * `never` when no part can be; `may` when the type is unknown.
   */
  promiseStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.statusOf(expr, (type) => this.typeStatus(type, query));
  }

  /** Is `expr` an array or tuple holding promises (`items.map(async (x) => ...)`)? */
  promiseArrayStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.statusOf(expr, (type) => {
      const parts = type.isUnion() ? type.types : [type];
      return combine(
        parts.map((part): Tri => {
          if (part.flags & UNKNOWNISH) return "may";
          if (this.checker.isArrayType(part) || this.checker.isTupleType(part)) {
            const elements = this.checker.getTypeArguments(part as ts.TypeReference);
            return combine(elements.map((element) => this.typeStatus(element, query)));
          }
          return "never";
        }),
      );
    });
  }

  /**
   * Asks `status` about the declared types first; when they leave it open (a type parameter deep
   * inside, as in `map`'s `U[]`), about the type of this very call.
   */
  private statusOf(expr: ts.Expression, status: (type: ts.Type) => Tri): Tri {
    const declared = combineAll(this.valueTypes(expr), status);
    if (declared !== "may" || !isCallLike(expr)) return declared;
    return status(this.checker.getTypeAtLocation(expr));
  }

  /**
   * The possible types of a value. For a call, the declared return types of the callee's
   * signatures when none depends on type arguments: that avoids resolving the call, which checks
   * every argument (callbacks included) and is most of the cost of a type query.
   */
  private valueTypes(expr: ts.Expression): readonly ts.Type[] {
    const node = skipParens(expr);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const declared = this.declaredReturnTypes(node);
      if (declared) return declared;
    }
    return [this.checker.getTypeAtLocation(expr)];
  }

  private readonly declaredReturnCache = new WeakMap<ts.Node, readonly ts.Type[] | undefined>();

  private declaredReturnTypes(call: ts.CallExpression | ts.NewExpression): readonly ts.Type[] | undefined {
    if (this.declaredReturnCache.has(call)) return this.declaredReturnCache.get(call);
    let result: readonly ts.Type[] | undefined;
    if (ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.ImportKeyword) {
      result = undefined;
    } else {
      const calleeType = this.checker.getTypeAtLocation(call.expression);
      if (calleeType.flags & UNKNOWNISH) {
        result = [calleeType];
      } else {
        const kind = ts.isNewExpression(call) ? ts.SignatureKind.Construct : ts.SignatureKind.Call;
        const signatures = this.checker.getSignaturesOfType(this.checker.getApparentType(calleeType), kind);
        const types: ts.Type[] = [];
        for (const signature of signatures) {
          const returnType = this.checker.getReturnTypeOfSignature(signature);
          if (this.mentionsTypeParameter(returnType)) {
            types.length = 0;
            break;
          }
          types.push(returnType);
        }
        result = types.length > 0 ? types : undefined;
      }
    }
    this.declaredReturnCache.set(call, result);
    return result;
  }

  /** Does every part of the value's type have a callable `catch` (so `.catch(h)` type-checks)? */
  everyPartHasCatch(expr: ts.Expression): boolean {
    const type = this.checker.getTypeAtLocation(expr);
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((part) => this.hasCallableProperty(part, "catch"));
  }

  /** Is the value a function? Used for `.catch(x)` / `.then(f, x)` handler arguments. */
  functionStatus(expr: ts.Expression): Tri {
    const type = this.checker.getTypeAtLocation(expr);
    const parts = type.isUnion() ? type.types : [type];
    return combine(
      parts.map((part): Tri => {
        if (part.flags & UNKNOWNISH) return "may";
        if (part.flags & ts.TypeFlags.TypeParameter && !this.checker.getBaseConstraintOfType(part)) return "may";
        const apparent = this.checker.getApparentType(part);
        return apparent.getCallSignatures().length > 0 ? "always" : "never";
      }),
    );
  }

  /** The declaration a call or `new` resolves to (aliases and re-exports followed). */
  calleeDeclaration(call: ts.CallExpression | ts.NewExpression): DeclarationRef | undefined {
    const signature = this.checker.getResolvedSignature(call);
    const declaration = signature?.getDeclaration();
    if (declaration && !ts.isJSDocSignature(declaration)) return this.describeDeclaration(declaration);
    const symbol = this.symbolOf(call.expression);
    const first = symbol?.declarations?.[0];
    return first ? this.describeDeclaration(first) : undefined;
  }

  /** Declarations of the (union parts of the) value's type and of its type alias, if any. */
  typeDeclarations(expr: ts.Expression): DeclarationRef[] {
    const type = this.checker.getTypeAtLocation(expr);
    const refs: DeclarationRef[] = [];
    const add = (symbol: ts.Symbol | undefined) => {
      const declaration = symbol?.declarations?.[0];
      if (declaration) refs.push(this.describeDeclaration(declaration));
    };
    add(type.aliasSymbol);
    for (const part of type.isUnion() ? type.types : [type]) {
      add(part.aliasSymbol);
      add(part.getSymbol());
    }
    return refs;
  }

  /** The variable an identifier refers to, as an opaque handle. */
  variableOf(identifier: ts.Identifier): VariableHandle | undefined {
    // In `{ p }` the name resolves to the new property; the value read is the variable.
    if (ts.isShorthandPropertyAssignment(identifier.parent) && identifier.parent.name === identifier) {
      return this.checker.getShorthandAssignmentValueSymbol(identifier.parent);
    }
    return this.checker.getSymbolAtLocation(identifier);
  }

  /** Can this source file use top-level `await` (an ES module under a module setting that allows it)? */
  supportsTopLevelAwait(sourceFile: ts.SourceFile): boolean {
    if (!ts.isExternalModule(sourceFile)) return false;
    const options = this.program.getCompilerOptions();
    const module = options.module ?? ts.ModuleKind.CommonJS;
    if (module === ts.ModuleKind.ES2022 || module === ts.ModuleKind.ESNext || module === ts.ModuleKind.Preserve) {
      return true;
    }
    if (module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext) {
      return sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) return this.checker.getAliasedSymbol(symbol);
    return symbol;
  }

  /** Whether a return type still depends on how the call is instantiated. */
  private mentionsTypeParameter(type: ts.Type): boolean {
    if (type.flags & ts.TypeFlags.TypeParameter) return true;
    if (type.isUnionOrIntersection()) return type.types.some((part) => this.mentionsTypeParameter(part));
    if (type.flags & (ts.TypeFlags.Conditional | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess)) return true;
    if (type.flags & ts.TypeFlags.Substitution) return true;
    return false;
  }

  private typeStatus(type: ts.Type, query: PromiseQuery): Tri {
    if (type.flags & UNKNOWNISH) return "may";
    if (type.isUnion()) return combine(type.types.map((part) => this.typeStatus(part, query)));
    if (type.isIntersection()) return combine(type.types.map((part) => this.typeStatus(part, query)));
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      if (!constraint || constraint.flags & UNKNOWNISH) return "may";
      return this.typeStatus(constraint, query);
    }
    if (this.isBuiltinPromiseType(type)) return "always";
    if (query.thenables && this.hasCallableProperty(type, "then")) return "always";
    return "never";
  }

  private isBuiltinPromiseType(type: ts.Type): boolean {
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return false;
    const cached = this.builtinPromiseCache.get(symbol);
    if (cached !== undefined) return cached;
    this.builtinPromiseCache.set(symbol, false); // cycle guard
    let result = false;
    if (symbol.name === "Promise" && this.isDeclaredInDefaultLib(symbol)) {
      result = true;
    } else {
      const target = (type as ts.TypeReference).target ?? type;
      if (target.flags & ts.TypeFlags.Object && (target as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface) {
        result = this.checker.getBaseTypes(target).some((base) => this.isBuiltinPromiseType(base));
      }
    }
    this.builtinPromiseCache.set(symbol, result);
    return result;
  }

  private isDeclaredInDefaultLib(symbol: ts.Symbol): boolean {
    return (symbol.declarations ?? []).some((declaration) =>
      this.program.isSourceFileDefaultLibrary(declaration.getSourceFile()),
    );
  }

  private hasCallableProperty(type: ts.Type, name: string): boolean {
    const apparent = this.checker.getApparentType(type);
    const property = apparent.getProperty(name);
    if (!property) return false;
    const propertyType = this.checker.getTypeOfSymbol(property);
    const parts = propertyType.isUnion() ? propertyType.types : [propertyType];
    return parts.some((part) => part.getCallSignatures().length > 0);
  }

  private describeDeclaration(declaration: ts.Declaration): DeclarationRef {
    const sourceFile = declaration.getSourceFile();
    const names: string[] = [];
    let module: string | undefined;
    for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
      if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
        module = node.name.text;
        break;
      }
      const name = (node as ts.NamedDeclaration).name;
      if (
        name &&
        (ts.isIdentifier(name) || ts.isStringLiteral(name)) &&
        (node === declaration ||
          ts.isModuleDeclaration(node) ||
          ts.isClassLike(node) ||
          ts.isInterfaceDeclaration(node) ||
          ts.isEnumDeclaration(node))
      ) {
        names.unshift(name.text);
      }
    }
    const isDefaultLib = this.program.isSourceFileDefaultLibrary(sourceFile);
    module ??= packageNameOf(sourceFile.fileName);
    return { module, fileName: sourceFile.fileName, qualifiedName: names.join("."), isDefaultLib };
  }
}

function isCallLike(expr: ts.Expression): boolean {
  const node = skipParens(expr);
  return ts.isCallExpression(node) || ts.isNewExpression(node);
}

export function skipParens(expr: ts.Expression): ts.Expression {
  let current = expr;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** `…/node_modules/@types/scope__pkg/x.d.ts` → `@scope/pkg`; `…/node_modules/pkg/lib/x.js` → `pkg`. */
export function packageNameOf(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, "/");
  const index = normalized.lastIndexOf("/node_modules/");
  if (index < 0) return undefined;
  const segments = normalized.slice(index + "/node_modules/".length).split("/");
  let name = segments[0]?.startsWith("@") ? `${segments[0]}/${segments[1] ?? ""}` : segments[0];
  if (name?.startsWith("@types/")) {
    const inner = name.slice("@types/".length);
    name = inner.includes("__") ? `@${inner.replace("__", "/")}` : inner;
  }
  return name;
}
