/**
 * The one module that asks the TypeScript checker questions. Rules never touch `ts.TypeChecker`,
 * `ts.Type` or `ts.Symbol` directly: they ask here and get plain answers, so another type backend
 * can replace this file without touching a rule.
 *
 * Answers about types are three-state. `may` means "cannot know" (`any`, `unknown`, an
 * unconstrained type parameter, an unresolved import): rules never report on `may`.
 */
import * as ts from "typescript";
import { walkTree } from "./astUtils";

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
    if (this.declaredTypeSays(expr, (type) => this.typeStatus(type, query)) === "never") return "never";
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

  // --- questions for misused-promise ---

  /**
   * Does calling this function value return a promise? For a function expression, its return
   * type; for a reference (`handler`, `this.onData`), every call signature of its type.
   */
  functionReturnsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    const returnsPromise = (type: ts.Type): Tri => {
      if (type.flags & UNKNOWNISH) return "may";
      const signatures = this.callSignaturesOf(type);
      if (signatures.length === 0) return "never";
      return combineAll(signatures.map((s) => this.checker.getReturnTypeOfSignature(s)), (r) => this.typeStatus(r, query));
    };
    if (this.declaredTypeSays(expr, returnsPromise) === "never") return "never";
    const type = this.checker.getTypeAtLocation(expr);
    if (type.flags & UNKNOWNISH) return "may";
    const signatures = this.callSignaturesOf(type);
    if (signatures.length === 0) return "never";
    return combineAll(
      signatures.map((signature) => this.checker.getReturnTypeOfSignature(signature)),
      (returnType) => this.typeStatus(returnType, query),
    );
  }

  /**
   * Is `expr` in a place whose expected type is a function returning `void` (a callback
   * parameter like `forEach`'s, a listener, a JSX event attribute, a property typed `() => void`)?
   * `always` only when every expected signature returns `void`.
   */
  expectsVoidFunction(expr: ts.Expression): Tri {
    const declared = this.declaredParameterExpectsVoid(expr);
    if (declared !== undefined) return declared;
    const contextual = this.checker.getContextualType(expr);
    if (!contextual) return "never";
    if (contextual.flags & UNKNOWNISH) return "may";
    const signatures = this.callSignaturesOf(contextual);
    if (signatures.length === 0) return "never";
    const returnsVoid = signatures.every((signature) => this.checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Void);
    return returnsVoid ? "always" : "never";
  }

  /**
   * Is every part of the value's type a promise? For tests of truthiness: `Promise<T> | undefined`
   * in a condition is a legitimate presence check, a bare `Promise<T>` is always truthy.
   */
  everyPartIsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    // Narrowing only removes parts: a declared type with no promise in it settles the question.
    if (this.declaredTypeSays(expr, (type) => this.typeStatus(type, query)) === "never") return "never";
    return this.statusOf(expr, (type) => {
      const parts = type.isUnion() ? type.types : [type];
      let sawMay = false;
      for (const part of parts) {
        const status = this.typeStatus(part, query);
        if (status === "never") return "never";
        if (status === "may") sawMay = true;
      }
      return sawMay ? "may" : "always";
    });
  }

  /**
   * Names that can hold promises, judged by syntax alone across the program's files: functions
   * and methods that are async or have a written return type mentioning Promise/PromiseLike/
   * Thenable (`functions`), and variables, properties and parameters with such a written type,
   * an async function value, or an initializer calling one of those functions (`values`). Rules
   * use it as a cheap gate: a reference whose name is in neither set is not worth a type query.
   * Per-file results are cached by SourceFile, which editors reuse across programs.
   */
  promiseNames(): { functions: ReadonlySet<string>; values: ReadonlySet<string> } {
    if (this.promiseNameSets) return this.promiseNameSets;
    const functions = new Set<string>();
    const values = new Set<string>();
    const pending: [name: string, callee: string][] = [];
    for (const sourceFile of this.program.getSourceFiles()) {
      const scan = scanPromiseNames(sourceFile);
      for (const name of scan.functions) functions.add(name);
      for (const name of scan.values) values.add(name);
      pending.push(...scan.callInitializers);
    }
    for (const [name, callee] of pending) if (functions.has(callee)) values.add(name);
    this.promiseNameSets = { functions, values };
    return this.promiseNameSets;
  }

  private promiseNameSets: { functions: ReadonlySet<string>; values: ReadonlySet<string> } | undefined;

  /**
   * For a call argument: the callee's declared parameter types, without resolving the call (which
   * would type-check every argument, callback bodies included). Undefined when overloads disagree
   * or a parameter's type depends on type arguments. Cheap enough to ask before anything else.
   */
  declaredParameterExpectsVoid(expr: ts.Expression): Tri | undefined {
    let argument: ts.Node = expr;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments) return undefined;
    const index = call.arguments.indexOf(argument as ts.Expression);
    if (index < 0 || call.arguments.some((arg) => ts.isSpreadElement(arg))) return undefined;
    const calleeType = this.checker.getTypeAtLocation(call.expression);
    if (calleeType.flags & UNKNOWNISH) return "may";
    const kind = ts.isNewExpression(call) ? ts.SignatureKind.Construct : ts.SignatureKind.Call;
    const signatures = this.checker.getSignaturesOfType(this.checker.getApparentType(calleeType), kind);
    if (signatures.length === 0) return undefined;
    let result: Tri | undefined;
    for (const signature of signatures) {
      const parameters = signature.getParameters();
      let parameter = parameters[index];
      let parameterType: ts.Type | undefined;
      const last = parameters[parameters.length - 1];
      const lastDeclaration = last?.valueDeclaration;
      if (!parameter && last && lastDeclaration && ts.isParameter(lastDeclaration) && lastDeclaration.dotDotDotToken) {
        parameter = last;
        const restType = this.checker.getTypeOfSymbol(last);
        parameterType = this.checker.isArrayType(restType) ? this.checker.getTypeArguments(restType as ts.TypeReference)[0] : undefined;
      }
      if (!parameter) continue; // this overload takes fewer arguments
      parameterType ??= this.checker.getTypeOfSymbol(parameter);
      if (!parameterType || parameterType.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
      const parts = parameterType.isUnion() ? parameterType.types : [parameterType];
      if (parts.some((part) => part.flags & ts.TypeFlags.TypeParameter)) return undefined;
      const callSignatures = this.callSignaturesOf(parameterType);
      const status: Tri =
        callSignatures.length > 0 && callSignatures.every((sig) => this.checker.getReturnTypeOfSignature(sig).flags & ts.TypeFlags.Void) ? "always" : "never";
      if (result !== undefined && result !== status) return undefined;
      result = status;
    }
    return result;
  }

  /** `expectsVoidFunction` for a method written in an object literal: the type of the property it fills. */
  expectsVoidFunctionForMember(member: ts.MethodDeclaration): Tri {
    const literal = member.parent;
    if (!ts.isObjectLiteralExpression(literal)) return "never";
    const contextual = this.checker.getContextualType(literal);
    if (!contextual || contextual.flags & UNKNOWNISH) return "never";
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (name === undefined) return "never";
    const property = this.checker.getApparentType(contextual).getProperty(name);
    if (!property) return "never";
    const signatures = this.callSignaturesOf(this.checker.getTypeOfSymbol(property));
    if (signatures.length === 0) return "never";
    return signatures.every((signature) => this.checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Void) ? "always" : "never";
  }

  /**
   * For a reference (`x`, `this.x`, `obj.x`), asks `status` about the type written in its
   * declaration (a parameter's or property's annotation, a declared function's signature) without
   * checking the expression itself: no flow narrowing, no contextual typing, no call resolution.
   * Undefined when the declaration has no written type.
   */
  private declaredTypeSays(expr: ts.Expression, status: (type: ts.Type) => Tri): Tri | undefined {
    const node = skipParens(expr);
    let name: ts.Node;
    if (ts.isIdentifier(node)) name = node;
    else if (ts.isPropertyAccessExpression(node)) name = node.name;
    else return undefined;
    const symbol = this.symbolOf(name);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration) return undefined;
    const cached = this.declaredTypeCache.get(declaration);
    let type = cached;
    if (cached === undefined && !this.declaredTypeCache.has(declaration)) {
      type = this.writtenType(symbol, declaration);
      this.declaredTypeCache.set(declaration, type);
    }
    return type ? status(type) : undefined;
  }

  private readonly declaredTypeCache = new Map<ts.Declaration, ts.Type | undefined>();

  private writtenType(symbol: ts.Symbol, declaration: ts.Declaration): ts.Type | undefined {
    if (
      (ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isVariableDeclaration(declaration)) &&
      declaration.type
    ) {
      return this.checker.getTypeFromTypeNode(declaration.type);
    }
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)) {
      // A declared function's type comes from its signature; only unannotated, non-async bodies
      // would need inference, and those are left to the full query.
      const annotated = declaration.type !== undefined || (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Async) !== 0;
      return annotated ? this.checker.getTypeOfSymbol(symbol) : undefined;
    }
    if (ts.isClassDeclaration(declaration) || ts.isEnumDeclaration(declaration) || ts.isModuleDeclaration(declaration)) {
      return this.checker.getTypeOfSymbol(symbol);
    }
    return undefined;
  }

  private callSignaturesOf(type: ts.Type): readonly ts.Signature[] {
    const parts = type.isUnion() ? type.types : [type];
    return parts.flatMap((part) =>
      part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) ? [] : this.checker.getApparentType(part).getCallSignatures(),
    );
  }

  // --- questions for shared-state-across-await ---

  /** The `const`/`let` declaration an identifier refers to, when it is a plain variable. */
  variableDeclarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
    const declaration = this.checker.getSymbolAtLocation(identifier)?.valueDeclaration;
    return declaration && ts.isVariableDeclaration(declaration) ? declaration : undefined;
  }

  /**
   * Where the variable an identifier refers to is declared: `inside` the given function (a local
   * or parameter of this call), `outside` it (module scope or an enclosing function: shared by
   * concurrent calls), or undefined when it cannot be resolved.
   */
  variableScope(identifier: ts.Identifier, fn: ts.Node): { scope: "inside" | "outside"; isParameter: boolean; isConst: boolean } | undefined {
    const symbol = this.checker.getSymbolAtLocation(identifier);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!symbol || !declaration) return undefined;
    if (!(symbol.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property))) return undefined;
    if (declaration.getSourceFile() !== identifier.getSourceFile()) {
      // Imported bindings are read-only here; their objects are module state of another file.
      return { scope: "outside", isParameter: false, isConst: true };
    }
    let inside = false;
    for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
      if (node === fn) {
        inside = true;
        break;
      }
    }
    const list = ts.isVariableDeclaration(declaration) ? declaration.parent : undefined;
    const isConst = list !== undefined && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
    return { scope: inside ? "inside" : "outside", isParameter: ts.isParameter(declaration), isConst };
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

  // --- questions for blocking-call-in-async ---

  private readonly memoTable = new WeakMap<object, unknown>();
  private projectFilesMemo: readonly ts.SourceFile[] | undefined;

  /**
   * A value computed once for this Program under `key` (compare by identity). For whole-program
   * facts a rule derives from syntax and type questions, such as an index of functions that block.
   */
  memo<T>(key: object, compute: () => T): T {
    if (this.memoTable.has(key)) return this.memoTable.get(key) as T;
    const value = compute();
    this.memoTable.set(key, value);
    return value;
  }

  /** The project's own source files: no declaration files, default libs or files under node_modules. */
  projectSourceFiles(): readonly ts.SourceFile[] {
    this.projectFilesMemo ??= this.program.getSourceFiles().filter((file) => this.isProjectSourceFile(file));
    return this.projectFilesMemo;
  }

  isProjectSourceFile(sourceFile: ts.SourceFile): boolean {
    return (
      !sourceFile.isDeclarationFile &&
      !this.program.isSourceFileDefaultLibrary(sourceFile) &&
      !this.program.isSourceFileFromExternalLibrary(sourceFile) &&
      !sourceFile.fileName.includes("/node_modules/")
    );
  }

  /**
   * What the callee of a call or `new` names, found through its symbol: imports, re-exports,
   * `const` copies (`const read = fs.readFileSync`) and destructuring (`const { readFileSync } =
   * fs`, `require("fs")` in JavaScript) are followed. Unlike `calleeDeclaration` it picks no
   * overload, so the arguments are never checked. Undefined for an `any`-typed or unresolved callee.
   */
  calleeTarget(call: ts.CallExpression | ts.NewExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    const symbol = this.followCallee(call.expression, 0);
    const declarations = symbol?.declarations;
    if (!declarations || declarations.length === 0) return undefined;
    return { ref: this.describeDeclaration(declarations[0]), declarations };
  }

  /** Can the value be a number (a file descriptor where a path is expected)? */
  numberStatus(expr: ts.Expression): Tri {
    const status = (type: ts.Type): Tri => {
      if (type.flags & UNKNOWNISH) return "may";
      if (type.isUnionOrIntersection()) return combine(type.types.map(status));
      if (type.flags & ts.TypeFlags.TypeParameter) {
        const constraint = this.checker.getBaseConstraintOfType(type);
        return constraint ? status(constraint) : "may";
      }
      return type.flags & ts.TypeFlags.NumberLike ? "always" : "never";
    };
    return status(this.checker.getTypeAtLocation(expr));
  }

  /** Does the value's (apparent) type have a property `name`? E.g. `Atomics.waitAsync` under the configured libs. */
  hasProperty(expr: ts.Expression, name: string): boolean {
    return this.checker.getApparentType(this.checker.getTypeAtLocation(expr)).getProperty(name) !== undefined;
  }

  private followCallee(expr: ts.Expression, depth: number): ts.Symbol | undefined {
    let node = skipParens(expr);
    while (ts.isNonNullExpression(node)) node = skipParens(node.expression);
    let name: ts.Node;
    if (ts.isIdentifier(node)) name = node;
    else if (ts.isPropertyAccessExpression(node)) name = node.name;
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) name = node.argumentExpression;
    else return undefined;
    const symbol = this.symbolOf(name);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration || depth >= 4) return symbol;
    if (ts.isVariableDeclaration(declaration) && this.isConstDeclaration(declaration) && declaration.initializer) {
      const initializer = skipParens(declaration.initializer);
      if (ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer)) {
        return this.followCallee(initializer, depth + 1) ?? symbol;
      }
      return symbol;
    }
    if (ts.isBindingElement(declaration) && !declaration.dotDotDotToken && ts.isObjectBindingPattern(declaration.parent)) {
      const variable = declaration.parent.parent;
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isVariableDeclaration(variable) || !this.isConstDeclaration(variable) || !variable.initializer) return symbol;
      if (!(ts.isIdentifier(key) || ts.isStringLiteral(key))) return symbol;
      const source = this.checker.getApparentType(this.checker.getTypeAtLocation(variable.initializer));
      return source.getProperty(key.text) ?? symbol;
    }
    return symbol;
  }

  private isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
    return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
  }
}

interface PromiseNameScan {
  functions: string[];
  values: string[];
  callInitializers: [name: string, callee: string][];
}

const promiseNameScans = new WeakMap<ts.SourceFile, PromiseNameScan>();
const PROMISE_TYPE_TEXT = /\b(?:Promise|PromiseLike|Thenable)\b/;

function scanPromiseNames(sourceFile: ts.SourceFile): PromiseNameScan {
  const cached = promiseNameScans.get(sourceFile);
  if (cached) return cached;
  const scan: PromiseNameScan = { functions: [], values: [], callInitializers: [] };
  const text = sourceFile.text;
  const writtenPromise = (type: ts.TypeNode | undefined) =>
    type !== undefined && PROMISE_TYPE_TEXT.test(text.slice(type.pos, type.end));
  const isAsync = (node: ts.Node) => (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
  walkTree(sourceFile, (node) => {
    const name = (node as ts.NamedDeclaration).name;
    const nameText = name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
    if (nameText !== undefined) {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) {
        if (isAsync(node) || writtenPromise(node.type)) scan.functions.push(nameText);
      } else if (
        ts.isVariableDeclaration(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isPropertySignature(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isParameter(node)
      ) {
        const type = ts.isPropertyAssignment(node) ? undefined : node.type;
        const initializer = ts.isPropertySignature(node) ? undefined : node.initializer;
        if (writtenPromise(type)) {
          // A property typed as a promise-returning function, or as a promise.
          scan.functions.push(nameText);
          scan.values.push(nameText);
        } else if (initializer) {
          const value = skipParens(initializer);
          if ((ts.isArrowFunction(value) || ts.isFunctionExpression(value)) && isAsync(value)) {
            scan.functions.push(nameText);
          } else if (ts.isCallExpression(value) || ts.isNewExpression(value)) {
            const callee = skipParens(value.expression);
            const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
            if (calleeName === "Promise") scan.values.push(nameText);
            else if (calleeName !== undefined) scan.callInitializers.push([nameText, calleeName]);
          }
        }
      }
    }
  });
  promiseNameScans.set(sourceFile, scan);
  return scan;
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
