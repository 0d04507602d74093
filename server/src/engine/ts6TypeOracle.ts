/**
 * The TypeScript 6 answers to the oracle's questions (`TypeOracle` in typeOracle.ts): the one
 * module that asks TypeScript 6's checker. Rules never touch `ts.TypeChecker`, `ts.Type` or
 * `ts.Symbol` directly: they ask the oracle and get plain answers.
 *
 * Answers about types are three-state. `may` means "cannot know" (`any`, `unknown`, an
 * unconstrained type parameter, an unresolved import): rules never report on `may`.
 */
import * as ts from "typescript";
import { equalWhen, walkTree } from "./astUtils";
import { type CommandLineFolder, commandLineFolders, type LintProgram, type ReadFile } from "./project";
import { type CommandLineOnlyFile, commandLineOnlyFiles } from "./moduleGraph";
import { byDeclarationPlace, type DeclarationRef, type PromiseQuery, skipIndirectCallee, skipParens, type Tri, type TypeOracle, type VariableHandle } from "./typeOracle";

/** The default lib's members that run the function they are called on. */
const INVOKERS: ReadonlySet<string> = new Set(["Function.call", "Function.apply", "CallableFunction.call", "CallableFunction.apply"]);

/** The default lib's collection types (with their `Readonly` variants): see `collectionStatus`. */
export const BUILTIN_COLLECTIONS: ReadonlySet<string> = new Set(["Map", "ReadonlyMap", "Set", "ReadonlySet", "WeakMap", "WeakSet", "Array", "ReadonlyArray"]);


function combine(parts: Iterable<Tri>): Tri {
  let sawMay = false;
  for (const part of parts) {
    if (part === "always") return "always";
    if (part === "may") sawMay = true;
  }
  return sawMay ? "may" : "never";
}

/** The largest measure over a union's parts; undefined when any part has none. */
function largestOverParts(parts: readonly ts.Type[], measure: (part: ts.Type) => number | undefined): number | undefined {
  let largest = 0;
  for (const part of parts) {
    const value = measure(part);
    if (value === undefined) return undefined;
    largest = Math.max(largest, value);
  }
  return largest;
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

/** The declarations of the symbol at a name, aliases followed when asked (`Ts6TypeOracle.declarationsAt`). */
export type DeclarationsAt = (node: ts.Node, followAlias: boolean) => readonly ts.Declaration[] | undefined;

export class Ts6TypeOracle implements TypeOracle {
  private checkerMemo: ts.TypeChecker | undefined;
  private readonly builtinPromiseCache = new Map<ts.Symbol, boolean>();

  /**
   * `readFile` reads project files that are data, not sources (a package.json, for
   * `commandLineFolderOf`): the compiler host's, so tests and editors can give their own.
   */
  constructor(
    private readonly program: LintProgram,
    private readonly readFile: ReadFile = (fileName) => ts.sys.readFile(fileName),
    private readonly givenDeclarationsAt?: DeclarationsAt,
  ) {}

  /**
   * The declarations of the symbol at a name, aliases followed when asked: the one type question
   * of the project scans (`projectImplementationsOf`'s subclasses, overrides and instance
   * assignments). `givenDeclarationsAt` (the `ts7` engine's, answered by TypeScript 7) replaces
   * the checker's.
   */
  private declarationsAt(node: ts.Node, followAlias: boolean): readonly ts.Declaration[] | undefined {
    if (this.givenDeclarationsAt) return this.givenDeclarationsAt(node, followAlias);
    let symbol = this.checker.getSymbolAtLocation(node);
    if (followAlias && symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations;
  }

  /**
   * The program's checker, created on the first type question: the program facts (`promiseNames`,
   * `isRootFile`, `projectSourceFiles`, ...) need none, so the `ts7` engine can ask them of this
   * oracle without building TypeScript 6's checker.
   */
  private get checker(): ts.TypeChecker {
    this.checkerMemo ??= this.program.getTypeChecker();
    return this.checkerMemo;
  }

  /**
   * Is the value of `expr` a promise? `always` when the type is, or is a union with, a promise;
   * `never` when no part can be; `may` when the type is unknown.
   */
  promiseStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    if (this.declaredTypeSays(expr, (type) => this.typeStatus(type, query)) === "never") return "never";
    return this.statusOf(expr, (type) => this.typeStatus(type, query));
  }

  /**
   * Is `expr` an array or tuple holding promises (`items.map(async (x) => ...)`)? A type parameter
   * counts by its constraint (`a` of `<T extends Promise<number>[]>(a: T)`); a part that is
   * `undefined` (an optional chain, `arr?.[0]`) is no array and leaves the other parts to decide.
   */
  promiseArrayStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.statusOf(expr, (type) => this.arrayTypeStatus(type, query));
  }

  private arrayTypeStatus(type: ts.Type, query: PromiseQuery): Tri {
    if (type.flags & UNKNOWNISH) return "may";
    if (type.isUnion()) return combine(type.types.map((part) => this.arrayTypeStatus(part, query)));
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.arrayTypeStatus(constraint, query) : "may";
    }
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
      return combine(this.checker.getTypeArguments(type as ts.TypeReference).map((element) => this.typeStatus(element, query)));
    }
    return "never";
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
        return this.isCallable(part) ? "always" : "never";
      }),
    );
  }

  /**
   * A type whose values are functions: it has call signatures, or it is the default lib's
   * `Function` (no signatures, yet every value of it is callable: `typeof done === "function"`
   * narrows an untyped `done` to it in JavaScript).
   */
  private isCallable(type: ts.Type): boolean {
    if (this.checker.getApparentType(type).getCallSignatures().length > 0) return true;
    const symbol = type.getSymbol();
    return symbol !== undefined && symbol.name === "Function" && this.isDeclaredInDefaultLib(symbol);
  }

  /**
   * Can the value be something other than a function? `always` when some part of its type is
   * known not to be callable (`string | (() => void)`, an optional `onError?: (e) => void`, which
   * may be `undefined`); `never` when every part is callable; `may` when only unknown parts
   * (`any`, an unconstrained type parameter) leave it open. A type parameter counts by its
   * constraint. Used for rejection handlers: one that may not be a function does not handle.
   */
  notFunctionStatus(expr: ts.Expression): Tri {
    const partStatus = (part: ts.Type): Tri => {
      if (part.flags & UNKNOWNISH) return "may";
      if (part.isUnion()) return combine(part.types.map(partStatus));
      if (part.flags & ts.TypeFlags.TypeParameter) {
        const constraint = this.checker.getBaseConstraintOfType(part);
        return constraint && constraint !== part ? partStatus(constraint) : "may";
      }
      return this.isCallable(part) ? "never" : "always";
    };
    return partStatus(this.checker.getTypeAtLocation(expr));
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

  /**
   * Can `variable` hold a promise on the branch where `condition` evaluates to `outcome`?
   *
   * The checker gives flow-narrowed types only at references, and a path that leaves a branch has
   * none, so this starts from the checker's type of the variable at its reference in the condition
   * and keeps the union parts the condition lets through on that branch, each decided by the
   * checker: `x instanceof C` (assignability to `C`'s instance type), a type guard `isX(x)` (the
   * call's resolved type predicate), `typeof x.then === "function"` (or `x?.then`), truthiness and
   * `== null` tests, combined with `!`, `&&` and `||`. Parts kept are asked as in `promiseStatus`.
   * `may` when the condition does not mention the variable; `never` when no promise part is left.
   *
   * @example
   * // const r = subscriber.beforeInsert?.(event);   // Promise<any> | void
   * // if (r instanceof Promise) pending.push(r);
   * promiseStatusWhen(condition, r, false, query); // "never": on the else path `r` is void
   */
  promiseStatusWhen(condition: ts.Expression, variable: VariableHandle, outcome: boolean, query: PromiseQuery): Tri {
    let reference: ts.Identifier | undefined;
    const find = (node: ts.Node): void => {
      if (reference || ts.isFunctionLike(node)) return;
      if (ts.isIdentifier(node) && this.variableOf(node) === variable) reference = node;
      else ts.forEachChild(node, find);
    };
    find(condition);
    if (!reference) return "may";
    const type = this.checker.getTypeAtLocation(reference);
    const keep = this.narrowing(condition, variable, outcome);
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => !keep || keep(part));
    return combine(parts.map((part) => this.typeStatus(part, query)));
  }

  /** Which union parts of the variable survive where `condition` is `outcome`; undefined: all of them. */
  private narrowing(condition: ts.Expression, variable: VariableHandle, outcome: boolean): ((part: ts.Type) => boolean) | undefined {
    type Keep = ((part: ts.Type) => boolean) | undefined;
    const both = (a: Keep, b: Keep): Keep => (a && b ? (part) => a(part) && b(part) : (a ?? b));
    const either = (a: Keep, b: Keep): Keep => (a && b ? (part) => a(part) || b(part) : undefined);
    const isVariable = (expr: ts.Expression): boolean => {
      const value = skipParens(expr);
      return ts.isIdentifier(value) && this.variableOf(value) === variable;
    };
    const nullish = (part: ts.Type) => (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | UNKNOWNISH)) !== 0;
    const assignable = (part: ts.Type, target: ts.Type) =>
      (part.flags & UNKNOWNISH) !== 0 || this.checker.isTypeAssignableTo(part, target) || this.checker.isTypeAssignableTo(target, part);
    const guard = (targets: readonly ts.Type[], when: boolean): Keep => {
      if (targets.length === 0 || targets.some((target) => target.flags & UNKNOWNISH)) return undefined;
      return when
        ? (part) => targets.some((target) => assignable(part, target))
        : (part) => (part.flags & UNKNOWNISH) !== 0 || !targets.some((target) => this.checker.isTypeAssignableTo(part, target));
    };

    const node = skipParens(condition);
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      return this.narrowing(node.operand, variable, !outcome);
    }
    if (isVariable(node)) {
      // Promises are objects, so always truthy.
      return outcome ? undefined : (part) => (part.flags & ts.TypeFlags.Object) === 0 || (part.flags & UNKNOWNISH) !== 0;
    }
    if (ts.isCallExpression(node)) {
      const signature = this.checker.getResolvedSignature(node);
      const predicate = signature && this.checker.getTypePredicateOfSignature(signature);
      if (predicate?.kind !== ts.TypePredicateKind.Identifier) return undefined;
      const argument = node.arguments[predicate.parameterIndex];
      return argument && isVariable(argument) ? guard([predicate.type], outcome) : undefined;
    }
    if (!ts.isBinaryExpression(node)) return undefined;
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
      const left = this.narrowing(node.left, variable, outcome);
      const right = this.narrowing(node.right, variable, outcome);
      return (operator === ts.SyntaxKind.AmpersandAmpersandToken) === outcome ? both(left, right) : either(left, right);
    }
    if (operator === ts.SyntaxKind.InstanceOfKeyword && isVariable(node.left)) {
      const constructor = this.checker.getTypeAtLocation(node.right);
      const prototype = constructor.getProperty("prototype");
      const instances = prototype
        ? [this.checker.getTypeOfSymbol(prototype)]
        : constructor.getConstructSignatures().map((signature) => this.checker.getReturnTypeOfSignature(signature));
      return guard(instances, outcome);
    }
    const equality = equalWhen(operator, outcome);
    if (equality === undefined) return undefined;
    const [left, right] = [skipParens(node.left), skipParens(node.right)];
    // `x == null`, `x === undefined`: the equal side holds no object, so no promise.
    const isNullish = (expr: ts.Expression) => expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === "undefined");
    if ((isVariable(left) && isNullish(right)) || (isVariable(right) && isNullish(left))) {
      return equality ? nullish : undefined;
    }
    // `typeof x.then === "function"` / `typeof x?.then !== "function"`.
    const typeofThen = (expr: ts.Expression, other: ts.Expression) => {
      if (!ts.isTypeOfExpression(expr) || !ts.isStringLiteral(other) || other.text !== "function") return false;
      const operand = skipParens(expr.expression);
      return ts.isPropertyAccessExpression(operand) && operand.name.text === "then" && isVariable(operand.expression);
    };
    if (typeofThen(left, right) || typeofThen(right, left)) {
      return (part) => (part.flags & UNKNOWNISH) !== 0 || this.hasCallableProperty(part, "then") === equality;
    }
    return undefined;
  }

  private runsOnNode: boolean | undefined;

  /**
   * Does the program's code run under Node.js, judged by the globals it is typed with: the global
   * `NodeJS` namespace, which `@types/node` (and runtimes that reuse it, such as Bun's types)
   * declares. A program typed for the DOM only has none. Messages use it to say what an unhandled
   * rejection does: Node.js exits by default, a browser only logs it.
   *
   * @example
   * // tsconfig "types": ["node"]                 → true
   * // tsconfig "lib": ["dom", "es2022"], "types": [] → false
   */
  programRunsOnNode(): boolean {
    this.runsOnNode ??= this.checker.resolveName("NodeJS", undefined, ts.SymbolFlags.Namespace, false) !== undefined;
    return this.runsOnNode;
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
   * in a condition is a legitimate presence check, a bare `Promise<T>` is always truthy. A value
   * whose declaration says it may be absent (see `declaredMayBeAbsent`) is `never`, whatever its
   * (possibly narrowed, or null-check-free) type says.
   */
  everyPartIsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    // Narrowing only removes parts: a declared type with no promise in it settles the question.
    if (this.declaredTypeSays(expr, (type) => this.typeStatus(type, query)) === "never") return "never";
    if (this.declaredMayBeAbsent(expr)) return "never";
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
   * an async function value, or an initializer calling one of those functions or an async
   * function expression (`values`); a declaration whose written type names an interface with a
   * call signature returning a promise, or a type alias written with one, counts as written with
   * a promise (`handler: Handler`); in JavaScript, a class's `this.x = ...` assignments count as
   * initializers of `x` (they are its declarations there). Rules
   * use it as a cheap gate: a reference whose name is in neither set is not worth a type query.
   * Per-file results are cached by SourceFile, which editors reuse across programs.
   */
  promiseNames(): { functions: ReadonlySet<string>; values: ReadonlySet<string> } {
    if (this.promiseNameSets) return this.promiseNameSets;
    const functions = new Set<string>();
    const values = new Set<string>();
    const pending: [name: string, callee: string][] = [];
    const promiseTypes = new Set<string>();
    const typedReferences: [name: string, typeName: string][] = [];
    for (const scan of this.promiseNameScans()) {
      for (const name of scan.functions) functions.add(name);
      for (const name of scan.values) values.add(name);
      for (const name of scan.promiseTypes) promiseTypes.add(name);
      pending.push(...scan.callInitializers);
      typedReferences.push(...scan.typedReferences);
    }
    for (const [name, callee] of pending) if (functions.has(callee)) values.add(name);
    // `handler: Handler` where `Handler` is a callable interface or alias written with a promise.
    for (const [name, typeName] of typedReferences) {
      if (!promiseTypes.has(typeName)) continue;
      functions.add(name);
      values.add(name);
    }
    this.promiseNameSets = { functions, values };
    return this.promiseNameSets;
  }

  /**
   * `scanPromiseNames` of every file, in the program's order, leaving out files that provably add
   * nothing, unparsed: a program that parses on demand (the `ts7` view) offers the text of a file
   * nobody parsed yet, and one whose text holds neither `Promise`, `Thenable`, `async` nor a `\u`
   * escape (`quietText`) has no function, value or promise type of its own (each needs one of those
   * written); all it can add is a `handler: Handler` or `x = f()` declaration, which counts only
   * when `Handler` is a promise type or `f` a function of the other files' scans. So the quiet
   * files are parsed only when an identifier of their text is one of those names
   * (`mayNameOneOf`); the rest are left out, with the same answer.
   */
  private promiseNameScans(): PromiseNameScan[] {
    const program = this.program;
    const names = program.getSourceFileNames?.();
    if (!names || !program.unparsedSourceText) return program.getSourceFiles().map(scanPromiseNames);
    const scans: (PromiseNameScan | undefined)[] = [];
    const quiet: [index: number, name: string, text: string][] = [];
    for (const name of names) {
      const text = program.unparsedSourceText(name);
      if (text !== undefined && quietText(text)) {
        quiet.push([scans.length, name, text]);
        scans.push(undefined);
        continue;
      }
      const sourceFile = program.getSourceFile(name);
      scans.push(sourceFile && scanPromiseNames(sourceFile));
    }
    if (quiet.length > 0) {
      // What a quiet file's declarations can refer to: promise types and functions (a private name's callee is `#f`).
      const wanted = new Set<string>();
      for (const scan of scans) {
        for (const name of scan?.promiseTypes ?? []) wanted.add(name);
        for (const name of scan?.functions ?? []) wanted.add(name.startsWith("#") ? name.slice(1) : name);
      }
      for (const [index, name, text] of quiet) {
        if (!mayNameOneOf(text, wanted)) continue;
        const sourceFile = program.getSourceFile(name);
        scans[index] = sourceFile && scanPromiseNames(sourceFile);
      }
    }
    return scans.filter((scan) => scan !== undefined);
  }

  /**
   * Does the promise resolve to nothing (`Promise<void>`, `Promise<undefined>`)? Then `await p` in
   * a condition tests nothing either (and does not type-check), so no `await` fix is offered.
   *
   * @example
   * // declare function save(): Promise<void>;  declare function isAdmin(): Promise<boolean>;
   * resolvesToNothing(save())    // true
   * resolvesToNothing(isAdmin()) // false
   */
  resolvesToNothing(expr: ts.Expression): boolean {
    const awaited = this.checker.getAwaitedType(this.checker.getTypeAtLocation(expr));
    if (!awaited) return false;
    const parts = awaited.isUnion() ? awaited.types : [awaited];
    return parts.every((part) => part.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined));
  }

  /**
   * Does the code say this value may be absent, by syntax rather than by its type? With
   * `strictNullChecks` off, `closing: Promise<void> | undefined` has the type `Promise<void>`,
   * so the type cannot tell a presence check from a forgotten `await`; the declaration still can.
   * True when the value is:
   * - a reference whose declaration is optional (`closing?: Promise<void>`, `p?: Promise<T>`) or
   *   has a written type naming `undefined`, `null` or `void` (through type aliases, up to 3 deep);
   * - a call whose callee has a signature whose written return type names one of those
   *   (`Map#get`'s `V | undefined`, `Array#find`'s `T | undefined`), resolved without checking
   *   the call;
   * - an element access with a computed key (`cache[key]`: an index signature promises nothing),
   *   or a property read through an optional chain (`jobs.find(isMine)?.done`);
   * - a variable or field that starts out absent: initialized with `null`/`undefined`, a `let`
   *   without initializer, or (where the compiler does not check field initialization) a class
   *   field with neither initializer nor `!` that the constructor does not assign;
   * - a variable or property initialized with one of the above (up to 3 deep).
   * Asked regardless of `strictNullChecks`: with it on, it also keeps a presence check after
   * narrowing (`if (this.closing) { await x; if (this.closing) ... }`) from reading as a promise.
   *
   * @example
   * // private closing?: Promise<void>;   const inFlight = this.pending.get(key);
   * declaredMayBeAbsent(this.closing) // true
   * declaredMayBeAbsent(inFlight)     // true
   * declaredMayBeAbsent(load())       // false for `declare function load(): Promise<void>`
   */
  declaredMayBeAbsent(expr: ts.Expression, depth = 0): boolean {
    const node = skipParens(expr);
    if (depth > 3) return false;
    if (ts.isElementAccessExpression(node)) {
      const key = skipParens(node.argumentExpression);
      return !ts.isStringLiteralLike(key) && !ts.isNumericLiteral(key);
    }
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return false;
      const calleeType = this.checker.getTypeAtLocation(node.expression);
      return this.checker.getSignaturesOfType(this.checker.getApparentType(calleeType), ts.SignatureKind.Call).some((signature) => {
        const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
        return declaration?.type !== undefined && this.typeNodeNamesAbsence(declaration.type, 0);
      });
    }
    let name: ts.Node;
    if (ts.isIdentifier(node)) name = node;
    else if (ts.isPropertyAccessExpression(node)) name = node.name;
    else return false;
    // `jobs.find(...)?.done`: the chain may stop before the property.
    if (ts.isOptionalChain(node)) return true;
    const symbol = this.symbolOf(name);
    return symbol !== undefined && this.symbolMayBeAbsent(symbol, depth);
  }

  /** `declaredMayBeAbsent` for the declarations of a symbol (a variable, parameter, field or property). */
  private symbolMayBeAbsent(symbol: ts.Symbol, depth: number): boolean {
    const declaration = symbol.valueDeclaration;
    if (!declaration) return false;
    if ((ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration)) && declaration.questionToken) {
      return true;
    }
    if (ts.isPropertyDeclaration(declaration) && this.fieldStartsUnassigned(declaration, depth)) return true;
    if (ts.isVariableDeclaration(declaration) && variableStartsUnassigned(declaration)) return true;
    // JavaScript: a class's "fields" are the `this.x = ...` assignments in its methods.
    if (thisPropertyAssignment(declaration)) return this.thisPropertyStartsAbsent(symbol, depth);
    // `get closing() { return self.closing; }`: the getter forwards whatever it returns.
    if (ts.isGetAccessorDeclaration(declaration)) {
      const returned = soleReturnedExpression(declaration);
      return returned !== undefined && this.declaredMayBeAbsent(returned, depth + 1);
    }
    if (ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isVariableDeclaration(declaration)) {
      const initializer = ts.isPropertySignature(declaration) ? undefined : declaration.initializer;
      if (initializer && isNullish(initializer)) return true;
      if (declaration.type && this.typeNodeNamesAbsence(declaration.type, 0)) return true;
      // Without strictNullChecks, `const p: Promise<void> = pending.get(key)` compiles: the initializer still tells.
      return initializer !== undefined && this.declaredMayBeAbsent(initializer, depth + 1);
    }
    return false;
  }

  /**
   * A class field that holds `undefined` until some method assigns it: no initializer, no `!`,
   * not `declare`/`abstract`, and no `this.x = <value>` among the constructor's top-level
   * statements (`this.x = null` there is a null initializer, see `constructorStartsAbsent`).
   * Only where the compiler does not check field initialization itself (`strictPropertyInitialization`
   * off, as it is whenever `strictNullChecks` is): there the type would say `T | undefined`.
   */
  private fieldStartsUnassigned(field: ts.PropertyDeclaration, depth: number): boolean {
    const options = this.program.getCompilerOptions();
    const strictNullChecks = options.strictNullChecks ?? options.strict ?? false;
    if (strictNullChecks && (options.strictPropertyInitialization ?? options.strict ?? false)) return false;
    if (field.initializer || field.exclamationToken || !ts.isIdentifier(field.name) || isAmbient(field)) return false;
    if (ts.getCombinedModifierFlags(field) & ts.ModifierFlags.Abstract) return false;
    return ts.isClassLike(field.parent) && constructorStartsAbsent(field.parent, field.name.text, (value) => this.declaredMayBeAbsent(value, depth + 1)) !== false;
  }

  /**
   * A JavaScript property created by `this.x = ...` assignments in a class's methods (no field
   * declaration): absent until assigned, unless the constructor assigns it a value first (see
   * `constructorStartsAbsent`). (An assignment to a property a base class declares is not a
   * declaration: the base's decides.) A function-style class (`F.prototype.m = function () {...}`)
   * is read the same way from its constructor function. Not for `this` of an object literal or a
   * static method: false (unknown).
   *
   * @example
   * // class Worker { constructor() { this.running = null; } close() { if (!this.closing) this.closing = this.stop(); } }
   * thisPropertyStartsAbsent(closing)  // true: only assigned in close()
   * thisPropertyStartsAbsent(running)  // true: null initializer
   */
  private thisPropertyStartsAbsent(symbol: ts.Symbol, depth: number): boolean {
    return thisPropertyStartsAbsent(symbol.declarations ?? [], symbol.name, (value) => this.declaredMayBeAbsent(value, depth + 1));
  }

  /** Does a written type name `undefined`, `null` or `void` at its top level (unions, parentheses, aliases)? */
  private typeNodeNamesAbsence(type: ts.TypeNode, depth: number): boolean {
    if (ts.isParenthesizedTypeNode(type)) return this.typeNodeNamesAbsence(type.type, depth);
    if (ts.isUnionTypeNode(type)) return type.types.some((part) => this.typeNodeNamesAbsence(part, depth));
    if (type.kind === ts.SyntaxKind.UndefinedKeyword || type.kind === ts.SyntaxKind.VoidKeyword) return true;
    if (ts.isLiteralTypeNode(type)) return type.literal.kind === ts.SyntaxKind.NullKeyword;
    if (ts.isTypeReferenceNode(type) && depth < 3) {
      const alias = this.symbolOf(type.typeName)?.declarations?.find(ts.isTypeAliasDeclaration);
      return alias !== undefined && this.typeNodeNamesAbsence(alias.type, depth + 1);
    }
    return false;
  }

  private promiseNameSets: { functions: ReadonlySet<string>; values: ReadonlySet<string> } | undefined;

  /**
   * For a call argument: the callee's declared parameter types, without resolving the call (which
   * would type-check every argument, callback bodies included). Cheap enough to ask before
   * anything else.
   *
   * The whole overload set decides, not the overload the checker would pick: when ANY overload
   * accepts a function returning a promise or thenable in this position, the answer is `never`.
   * Test frameworks declare a done-callback form before an async form (mocha's
   * `(title: string, fn?: Func): Test; (title: string, fn?: AsyncFunc): Test;`), and the checker
   * resolves an async callback to the first, `void`-returning one.
   * Otherwise undefined when overloads disagree or a parameter's type depends on type arguments.
   *
   * @example
   * // declare function before(fn: (done: () => void) => void): void;
   * // declare function before(fn: () => PromiseLike<unknown>): void;
   * before(async () => {});   // never
   * ["a"].forEach(async () => {}); // always
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
    return this.positionExpectsVoid(signatures, index);
  }

  /**
   * For a spread argument (`runAll(...tasks)`): does it hand promise-returning functions to
   * parameter positions that each expect a function returning `void`? `always` when the spread is
   * an array whose element type (or a fixed tuple each of whose elements) is a function type all
   * of whose signatures return a promise, and every position it fills is typed like
   * `declaredParameterExpectsVoid` answers `always` for. An array spread must fill the callee's
   * rest parameter (other positions are unknown in number). `may` after an earlier spread.
   *
   * @example
   * // declare function onExit(...hooks: Array<() => void>): void;
   * // declare const hooks: Array<() => Promise<void>>;
   * onExit(...hooks); // always
   */
  spreadFillsVoidPositions(spread: ts.SpreadElement, query: PromiseQuery): Tri {
    const call = spread.parent;
    if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments) return "never";
    const index = call.arguments.indexOf(spread);
    if (index < 0 || call.arguments.slice(0, index).some((arg) => ts.isSpreadElement(arg))) return "may";
    const calleeType = this.checker.getTypeAtLocation(call.expression);
    if (calleeType.flags & UNKNOWNISH) return "may";
    const kind = ts.isNewExpression(call) ? ts.SignatureKind.Construct : ts.SignatureKind.Call;
    const signatures = this.checker.getSignaturesOfType(this.checker.getApparentType(calleeType), kind);
    if (signatures.length === 0) return "never";
    const spreadType = this.checker.getTypeAtLocation(spread.expression);
    let elements: { type: ts.Type; position: number }[];
    if (this.checker.isArrayType(spreadType)) {
      const element = this.checker.getTypeArguments(spreadType as ts.TypeReference)[0];
      if (!element || !signatures.every((signature) => restIndexOf(signature) >= 0 && restIndexOf(signature) <= index)) return "may";
      elements = [{ type: element, position: index }];
    } else if (this.checker.isTupleType(spreadType)) {
      const tuple = spreadType as ts.TupleTypeReference;
      if (!tuple.target.elementFlags.every((flag) => flag & ts.ElementFlags.Required)) return "may";
      elements = this.checker.getTypeArguments(tuple).map((type, k) => ({ type, position: index + k }));
    } else return "may";
    let sawPromise = false;
    for (const { type, position } of elements) {
      const callSignatures = this.callSignaturesOf(type);
      if (callSignatures.length === 0) continue; // not a function: nothing to drop
      const returns = callSignatures.map((signature) => this.typeStatus(this.checker.getReturnTypeOfSignature(signature), query));
      if (!returns.every((status) => status === "always")) continue;
      if (this.positionExpectsVoid(signatures, position) !== "always") continue;
      sawPromise = true;
    }
    return sawPromise ? "always" : "never";
  }

  /** `declaredParameterExpectsVoid` for one argument position across a callee's signatures. */
  private positionExpectsVoid(signatures: readonly ts.Signature[], index: number): Tri | undefined {
    let result: Tri | undefined;
    let open = false;
    for (const signature of signatures) {
      const parameterType = this.parameterTypeAt(signature, index);
      if (parameterType === null) continue;
      if (!parameterType || parameterType.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
        open = true;
        continue;
      }
      const parts = parameterType.isUnion() ? parameterType.types : [parameterType];
      if (parts.some((part) => part.flags & ts.TypeFlags.TypeParameter)) {
        open = true;
        continue;
      }
      const returnTypes = this.callSignaturesOf(parameterType).map((sig) => this.checker.getReturnTypeOfSignature(sig));
      if (returnTypes.some((type) => this.typeStatus(type, { thenables: true }) === "always")) return "never";
      const status: Tri = returnTypes.length > 0 && returnTypes.every((type) => type.flags & ts.TypeFlags.Void) ? "always" : "never";
      if (result !== undefined && result !== status) open = true;
      result = status;
    }
    return open ? undefined : result;
  }

  /**
   * The declared type of the argument at `index` of a signature: `null` when the signature takes
   * fewer arguments, undefined when a rest parameter does not say (a generic or variadic tuple;
   * the caller treats that as open). A rest parameter counts from its own position, so in
   * `f(a, b)` against `(...cbs: Array<() => void>)` both arguments have the element type, and a
   * tuple-typed rest (`...cbs: [() => void, string]`) gives each position its own element type.
   *
   * @example
   * // declare function all(...cbs: Array<() => void>): void;
   * all(first, second); // index 0 and 1: () => void
   * // declare function pair(name: string, ...cbs: [() => void]): void;
   * pair("x", cb);      // index 1: () => void; index 2: null
   */
  private parameterTypeAt(signature: ts.Signature, index: number): ts.Type | null | undefined {
    const parameters = signature.getParameters();
    const last = parameters[parameters.length - 1];
    const restIndex = restIndexOf(signature);
    if (restIndex < 0 || index < restIndex) {
      const parameter = parameters[index];
      return parameter ? this.checker.getTypeOfSymbol(parameter) : null;
    }
    const restType = this.checker.getTypeOfSymbol(last);
    if (this.checker.isArrayType(restType)) return this.checker.getTypeArguments(restType as ts.TypeReference)[0];
    if (!this.checker.isTupleType(restType)) return undefined;
    const tuple = restType as ts.TupleTypeReference;
    const flags = tuple.target.elementFlags;
    const position = index - restIndex;
    // Before any rest or variadic element, positions map one to one.
    for (let i = 0; i <= position && i < flags.length; i++) {
      if (!((flags[i] ?? 0) & (ts.ElementFlags.Required | ts.ElementFlags.Optional))) return undefined;
    }
    if (position >= flags.length) return tuple.target.hasRestElement ? undefined : null;
    return this.checker.getTypeArguments(tuple)[position];
  }

  /** `expectsVoidFunction` for a method written in an object literal: the type of the property it fills. */
  expectsVoidFunctionForMember(member: ts.MethodDeclaration | ts.ShorthandPropertyAssignment): Tri {
    const literal = member.parent;
    if (!ts.isObjectLiteralExpression(literal)) return "never";
    const found = this.checker.getContextualType(literal);
    if (!found || found.flags & UNKNOWNISH) return "never";
    // `const hooks: Hooks | undefined = { ... }`: the literal fills the part that is not nullish.
    const contextual = this.checker.getNonNullableType(found);
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (name === undefined) return "never";
    const apparent = this.checker.getApparentType(contextual);
    const property = apparent.getProperty(name);
    // `Record<string, () => void>`: a name the type does not list fills its string index.
    const memberType = property ? this.checker.getTypeOfSymbol(property) : this.checker.getIndexInfoOfType(apparent, ts.IndexKind.String)?.type;
    if (!memberType) return "never";
    const signatures = this.callSignaturesOf(memberType);
    if (signatures.length === 0) return "never";
    return signatures.every((signature) => this.checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Void) ? "always" : "never";
  }

  /**
   * Which declaration is the slot a value is stored into: the property of an object literal's
   * contextual type, of an assignment target's object, or of a class's heritage types. See
   * `TypeOracle.slotDeclarations`.
   */
  slotDeclarations(member: ts.ObjectLiteralElementLike | ts.ClassElement | ts.PropertyAccessExpression): DeclarationRef[] | undefined {
    const nameNode = member.name;
    const name = nameNode && (ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) || ts.isPrivateIdentifier(nameNode)) ? nameNode.text : undefined;
    if (name === undefined) return undefined;
    const owner = member.parent;
    if (ts.isPropertyAccessExpression(member)) return this.propertyDeclarationsOf(this.checker.getTypeAtLocation(member.expression), name);
    if (ts.isObjectLiteralExpression(owner)) {
      const contextual = this.checker.getContextualType(owner);
      return contextual ? this.propertyDeclarationsOf(contextual, name) : undefined;
    }
    if (!ts.isClassLike(owner) || !owner.heritageClauses) return undefined;
    const refs: DeclarationRef[] = [];
    for (const clause of owner.heritageClauses) {
      for (const heritage of clause.types) {
        const baseType = this.checker.getTypeAtLocation(heritage);
        if (baseType.flags & UNKNOWNISH) continue;
        const property = this.checker.getApparentType(baseType).getProperty(name);
        for (const declaration of property?.declarations ?? []) refs.push(this.describeDeclaration(declaration));
      }
    }
    return refs.length > 0 ? refs.sort(byDeclarationPlace) : undefined;
  }

  /** The declarations of property `name` in every part of `type` (nullish parts left out), or undefined when a part has none or is unknown. */
  private propertyDeclarationsOf(type: ts.Type, name: string): DeclarationRef[] | undefined {
    if (type.flags & UNKNOWNISH) return undefined;
    const nonNullable = this.checker.getNonNullableType(type);
    if (nonNullable.flags & ts.TypeFlags.Never) return undefined;
    const refs: DeclarationRef[] = [];
    for (const part of nonNullable.isUnion() ? nonNullable.types : [nonNullable]) {
      if (part.flags & UNKNOWNISH) return undefined;
      const declarations = this.checker.getApparentType(part).getProperty(name)?.declarations;
      if (!declarations || declarations.length === 0) return undefined;
      for (const declaration of declarations) refs.push(this.describeDeclaration(declaration));
    }
    return refs.sort(byDeclarationPlace);
  }

  /**
   * For a class method that overrides or implements a member of a heritage clause (`extends Base`,
   * `implements Listener`): the name of the first base type whose property of the same name is a
   * method every call signature of which returns exactly `void` (not `Promise<void>`, not `void |
   * Promise<void>`, not `unknown`/`any`), written so (a return type annotation or a JSDoc
   * `@returns`: a `void` inferred from a body, such as a placeholder that only throws "not
   * supported", is no contract). Undefined when there is none. Library bases (`.d.ts`)
   * count like project ones: this is a question about declared types only. Cheap to call only for
   * the few candidates the rule picks (async methods in classes with heritage clauses).
   *
   * @example
   * // interface Listener { onEvent(e: Event): void }
   * // class Logger implements Listener { async onEvent(e: Event) { ... } }
   * voidReturningBaseOf(onEvent); // "Listener"
   */
  voidReturningBaseOf(member: ts.MethodDeclaration | ts.PropertyDeclaration | ts.MethodSignature | ts.PropertySignature): string | undefined {
    const owner = member.parent;
    if (!(ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) || !owner.heritageClauses) return undefined;
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (name === undefined) return undefined;
    for (const clause of owner.heritageClauses) {
      for (const heritage of clause.types) {
        const baseType = this.checker.getTypeAtLocation(heritage);
        if (baseType.flags & UNKNOWNISH) continue;
        const property = this.checker.getApparentType(baseType).getProperty(name);
        if (!property) continue;
        const signatures = this.callSignaturesOf(this.checker.getTypeOfSymbol(property));
        if (signatures.length === 0) continue;
        // Only a written `void` is a contract: a base method whose `void` is inferred from its body
        // (a JavaScript placeholder that only throws "not supported") promises nothing to callers.
        const written = (signature: ts.Signature): boolean => {
          const declaration = signature.declaration;
          if (declaration === undefined) return false;
          return ts.isJSDocSignature(declaration) ? declaration.type !== undefined : declaration.type !== undefined || ts.getJSDocReturnType(declaration) !== undefined;
        };
        if (signatures.every((signature) => written(signature) && this.checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Void)) {
          return heritage.expression.getText(member.getSourceFile());
        }
      }
    }
    return undefined;
  }

  /** Does a method's written return type say it returns a promise (`handle(): Promise<void>` without `async`)? */
  writtenReturnIsPromise(member: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    if (!member.type) return "never";
    return this.typeStatus(this.checker.getTypeFromTypeNode(member.type), query);
  }

  /**
   * Is the written type a function type whose every call signature returns a promise
   * (`handler: () => Promise<void>`, `onJob: JobHandler` of a callable interface returning one)?
   */
  writtenFunctionTypeReturnsPromise(typeNode: ts.TypeNode, query: PromiseQuery): Tri {
    const type = this.checker.getTypeFromTypeNode(typeNode);
    if (type.flags & UNKNOWNISH) return "may";
    const signatures = this.callSignaturesOf(type);
    if (signatures.length === 0) return "never";
    return combineAll(signatures.map((signature) => this.checker.getReturnTypeOfSignature(signature)), (returned) => this.typeStatus(returned, query));
  }

  /**
   * Does a function or method declaration return a promise on some path? Its written return type
   * when there is one, else the return type the checker infers from its body (`string |
   * Promise<string>` counts: the promise is there on one path). Asks the checker to check the
   * body: callers gate on syntax first.
   *
   * @example
   * // const read = (cb: () => void) => {};   read(() => { if (cached) return; return load(); });
   * declarationReturnsPromise(theArrow) // "always" when `load` returns a promise
   */
  declarationReturnsPromise(fn: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    if (fn.type) return this.typeStatus(this.checker.getTypeFromTypeNode(fn.type), query);
    const signature = this.checker.getSignatureFromDeclaration(fn);
    if (!signature) return "may";
    return this.typeStatus(this.checker.getReturnTypeOfSignature(signature), query);
  }

  /**
   * The `[Symbol.dispose]` member of a value's type (every union part but `null`/`undefined`): does
   * calling it return a promise (`always` when some part's member returns one on every signature),
   * and the declarations of the member (for the rule to read bodies). Only the default lib's
   * `Symbol.dispose` counts (a property keyed by another symbol called `dispose` does not).
   *
   * @example
   * // using lock = { async [Symbol.dispose]() { await release(); } };
   * disposeReturnsPromise(theObjectLiteral) // { status: "always", declarations: [theMethod] }
   */
  disposeReturnsPromise(expr: ts.Expression, query: PromiseQuery, awaitUsing = false): { status: Tri; declarations: readonly ts.Declaration[] } {
    return this.disposeStatus(this.checker.getTypeAtLocation(expr), (returned) => this.typeStatus(returned, query), awaitUsing);
  }

  /**
   * Does the type written in `typeNode` have a `[Symbol.dispose]` member every call signature of
   * which returns `void` (`interface Disposable { [Symbol.dispose](): void }`)?
   */
  disposeReturnsVoid(typeNode: ts.TypeNode): boolean {
    const { status } = this.disposeStatus(this.checker.getTypeFromTypeNode(typeNode), (returned) => (returned.flags & ts.TypeFlags.Void ? "always" : "never"));
    return status === "always";
  }

  private disposeStatus(type: ts.Type, returns: (returned: ts.Type) => Tri, awaitUsing = false): { status: Tri; declarations: readonly ts.Declaration[] } {
    if (type.flags & UNKNOWNISH) return { status: "may", declarations: [] };
    const parts = type.isUnion() ? type.types : [type];
    const statuses: Tri[] = [];
    const declarations: ts.Declaration[] = [];
    for (const part of parts) {
      if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
      const properties = this.checker.getApparentType(part).getProperties();
      if (awaitUsing && properties.some((property) => property.escapedName.toString().startsWith("__@asyncDispose@") && this.isLibDisposeKey(property))) continue;
      const member = properties.find((property) => property.escapedName.toString().startsWith("__@dispose@") && this.isLibDisposeKey(property));
      if (!member) continue;
      const signatures = this.callSignaturesOf(this.checker.getTypeOfSymbol(member));
      if (signatures.length === 0) continue;
      statuses.push(combineAll(signatures.map((signature) => this.checker.getReturnTypeOfSignature(signature)), returns));
      declarations.push(...(member.declarations ?? []));
    }
    return { status: combine(statuses), declarations };
  }

  /** Is a property keyed by a symbol of the default lib (`Symbol.dispose`, `Symbol.asyncDispose`; read from its declarations' computed names)? */
  private isLibDisposeKey(property: ts.Symbol): boolean {
    const names = (property.declarations ?? []).map((declaration) => ts.getNameOfDeclaration(declaration));
    return names.length > 0 && names.every((name) => {
      if (!name || !ts.isComputedPropertyName(name)) return false;
      const key = this.checker.getSymbolAtLocation(name.expression);
      return key !== undefined && this.isDeclaredInDefaultLib(key);
    });
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
   * The parameter an identifier refers to, when it names one (imports are not followed).
   *
   * @example
   * // new Promise((resolve, reject) => { fail = reject; })   `reject` in `fail = reject` → the `reject` parameter
   */
  parameterDeclarationOf(identifier: ts.Identifier): ts.ParameterDeclaration | undefined {
    const declaration = this.checker.getSymbolAtLocation(identifier)?.valueDeclaration;
    return declaration && ts.isParameter(declaration) ? declaration : undefined;
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

  // --- questions for unbounded-concurrency ---

  /**
   * The most items a value can hold when its type fixes it: a tuple with no rest element (its
   * length, optional elements counted), `readonly [a, b]` and `as const` arrays included; over a
   * union, the longest part. Undefined when some part is not such a tuple (an array, a variadic
   * tuple, `any`, a type parameter without such a constraint).
   *
   * @example
   * // declare const pair: [string, string];            tupleLength(pair)  → 2
   * // const hosts = ["a", "b", "c"] as const;          tupleLength(hosts) → 3
   * // declare const ids: string[];                      tupleLength(ids)   → undefined
   * // declare const rows: [string, ...number[]];        tupleLength(rows)  → undefined
   */
  tupleLength(expr: ts.Expression): number | undefined {
    const length = (type: ts.Type): number | undefined => {
      if (type.flags & UNKNOWNISH) return undefined;
      if (type.isUnion()) return largestOverParts(type.types, length);
      if (type.flags & ts.TypeFlags.TypeParameter) {
        const constraint = this.checker.getBaseConstraintOfType(type);
        return constraint && constraint !== type ? length(constraint) : undefined;
      }
      if (!this.checker.isTupleType(type)) return undefined;
      const target = (type as ts.TypeReference).target as ts.TupleType;
      return target.hasRestElement ? undefined : target.fixedLength;
    };
    return length(this.checker.getTypeAtLocation(expr));
  }

  /**
   * Is the value a collection whose size its type leaves open: an array (not a fixed tuple, see
   * `tupleLength`), a `Set` or `Map` (read-only forms too), any other iterable (a
   * `[Symbol.iterator]` method: generators, `map.values()`), or an array-like object (a `length`
   * of type number, as `Array.from` accepts)? Strings are not counted (their characters are not
   * tasks). Over a union, `null`/`undefined` parts are skipped and the rest decide as in
   * `promiseStatus`; `any`, `unknown` and unconstrained type parameters are `may`.
   *
   * @example
   * // declare const ids: string[];       → always
   * // declare const seen: Set<string>;   → always
   * // declare const pair: [User, User];  → never (a fixed tuple)
   * // declare const name: string;        → never
   * // declare const rows: any;           → may
   */
  openSizeStatus(expr: ts.Expression): Tri {
    return this.statusOverParts(this.checker.getTypeAtLocation(expr), (parts, status) => combine(parts.map(status)), (type) => {
      if (type.flags & ts.TypeFlags.StringLike) return "never";
      if (this.checker.isTupleType(type)) return ((type as ts.TypeReference).target as ts.TupleType).hasRestElement ? "always" : "never";
      if (this.checker.isArrayType(type)) return "always";
      const apparent = this.checker.getApparentType(type);
      if (apparent.getProperties().some((property) => /^__@iterator@\d+$/.test(property.escapedName as string))) return "always";
      const length = apparent.getProperty("length");
      if (length && this.checker.getTypeOfSymbol(length).flags & ts.TypeFlags.NumberLike) return "always";
      return "never";
    });
  }

  /**
   * The value when its type is one number literal: `8`, `const MAX = 8` (its type is `8`),
   * `8 as const`, a numeric enum member. Undefined for `number` and anything else.
   *
   * @example
   * // const BATCH = 50;  numberLiteralValue(BATCH) → 50
   * // let size = 50;     numberLiteralValue(size)  → undefined (its type is number)
   */
  numberLiteralValue(expr: ts.Expression): number | undefined {
    const type = this.checker.getTypeAtLocation(expr);
    return type.isNumberLiteral() ? type.value : undefined;
  }

  /**
   * The most own keys `Object.keys`/`values`/`entries` can list for a value, read from its type:
   * the number of properties of an object type without an index signature (over a union, the
   * largest part). Undefined for records and dictionaries (`Record<string, T>`, `{ [id: string]: T }`),
   * arrays, primitives, `any` and `unknown`.
   *
   * @example
   * // declare const limits: { read: number; write: number };  → 2
   * // declare const byId: Record<string, User>;              → undefined
   */
  fixedPropertyCount(expr: ts.Expression): number | undefined {
    const count = (type: ts.Type): number | undefined => {
      if (type.flags & UNKNOWNISH || type.flags & ts.TypeFlags.TypeParameter) return undefined;
      if (type.isUnion()) return largestOverParts(type.types, count);
      if (!(type.flags & ts.TypeFlags.Object) || this.checker.isArrayType(type) || this.checker.isTupleType(type)) return undefined;
      if (this.checker.getIndexInfosOfType(type).length > 0) return undefined;
      return type.getProperties().length;
    };
    return count(this.checker.getTypeAtLocation(expr));
  }

  /**
   * Is the value an instance of a class written in the project that has both methods of one of
   * `pairs` (its own or inherited), such as `acquire`/`release`: a semaphore or lock the project
   * wrote, recognised by its declaration rather than by the name at the call. Every non-nullish
   * part of a union must be one; `any`, interfaces and library classes are not.
   *
   * @example
   * // class Semaphore { async acquire() {...} release() {...} }   declare const gate: Semaphore;
   * // isProjectLockClass(gate, [["acquire", "release"]]) → true
   */
  isProjectLockClass(expr: ts.Expression, pairs: readonly (readonly [string, string])[]): boolean {
    const type = this.checker.getTypeAtLocation(expr);
    const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    return (
      parts.length > 0 &&
      parts.every((part) => {
        if (part.flags & UNKNOWNISH) return false;
        const declarations = part.getSymbol()?.declarations ?? [];
        if (!declarations.some((declaration) => ts.isClassLike(declaration) && this.isProjectSourceFile(declaration.getSourceFile()))) return false;
        return pairs.some((pair) => pair.every((name) => this.hasCallableProperty(part, name)));
      })
    );
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
  private rootFilesMemo: ReadonlySet<ts.SourceFile> | undefined;
  private commandLineMemo: readonly CommandLineFolder[] | undefined;
  private commandLineOnlyMemo: ReadonlyMap<string, CommandLineOnlyFile> | undefined;

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

  /**
   * The folder of a command-line program (from the package.json `bin` next to the project, see
   * `commandLineFolders`) that `sourceFile` is in or below, or undefined. Not a type question: a
   * project fact, read once per Program.
   */
  commandLineFolderOf(sourceFile: ts.SourceFile): CommandLineFolder | undefined {
    this.commandLineMemo ??= commandLineFolders(this.program, this.readFile, (fileName) => this.program.getSourceFile(fileName) !== undefined);
    const fileName = sourceFile.fileName.replace(/\\/g, "/");
    return this.commandLineMemo.find((entry) => fileName.startsWith(`${entry.folder}/`));
  }

  /**
   * The command-line program that alone reaches `sourceFile` (see `commandLineOnlyFiles`): the
   * module graph of the project's own source files, from syntax, built on the first question.
   */
  commandLineOnlyFileOf(sourceFile: ts.SourceFile): CommandLineOnlyFile | undefined {
    this.commandLineOnlyMemo ??= commandLineOnlyFiles(this.program, this.readFile, this.projectSourceFiles());
    return this.commandLineOnlyMemo.get(sourceFile.fileName.replace(/\\/g, "/"));
  }

  /** The project's own source files: no declaration files, default libs or files under node_modules. */
  projectSourceFiles(): readonly ts.SourceFile[] {
    if (this.projectFilesMemo) return this.projectFilesMemo;
    // A program that parses on demand: declaration files and files under node_modules are left unparsed.
    // (`isDeclarationFileName`: what the parser sets `isDeclarationFile` from; in the 6.0 runtime, not in its types.)
    const isDeclarationFileName = (ts as unknown as { isDeclarationFileName?(fileName: string): boolean }).isDeclarationFileName ?? (() => false);
    const names = this.program.getSourceFileNames?.().filter((name) => !isDeclarationFileName(name) && !name.includes("/node_modules/"));
    const files = names ? names.flatMap((name) => this.program.getSourceFile(name) ?? []) : this.program.getSourceFiles();
    this.projectFilesMemo = files.filter((file) => this.isProjectSourceFile(file));
    return this.projectFilesMemo;
  }

  /**
   * Whether `sourceFile` is one of the Program's root files (a tsconfig's `files`/`include`, or the
   * loose files given). The CLI and the language server lint only root files: a file the Program
   * holds only because a root file imports it is type-checked but never linted with it.
   */
  isRootFile(sourceFile: ts.SourceFile): boolean {
    this.rootFilesMemo ??= new Set(
      this.program.getRootFileNames().flatMap((name) => {
        const file = this.program.getSourceFile(name);
        return file ? [file] : [];
      }),
    );
    return this.rootFilesMemo.has(sourceFile);
  }

  projectConstDeclarationOf(name: ts.Identifier | ts.PropertyAccessExpression): ts.VariableDeclaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(name) ? name.name : name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isIdentifier(declaration.name)) return undefined;
    if (!ts.isVariableDeclarationList(declaration.parent) || (declaration.parent.flags & ts.NodeFlags.Const) === 0) return undefined;
    return this.isProjectSourceFile(declaration.getSourceFile()) ? declaration : undefined;
  }

  isProjectSourceFile(sourceFile: ts.SourceFile): boolean {
    return (
      !sourceFile.isDeclarationFile &&
      !this.program.isSourceFileDefaultLibrary(sourceFile) &&
      !this.program.isSourceFileFromExternalLibrary(sourceFile) &&
      !sourceFile.fileName.includes("/node_modules/")
    );
  }

  private projectModules: { byName: ReadonlyMap<string, ts.SourceFile>; resolved: Map<string, ts.SourceFile | undefined> } | undefined;

  projectModuleOf(specifier: ts.StringLiteralLike): ts.SourceFile | undefined {
    const text = specifier.text;
    const options = this.program.getCompilerOptions();
    if (!text.startsWith(".") && !text.startsWith("/") && options.paths === undefined && options.baseUrl === undefined) return undefined;
    const from = specifier.getSourceFile().fileName;
    this.projectModules ??= { byName: new Map(this.projectSourceFiles().map((file) => [file.fileName.replace(/\\/g, "/"), file])), resolved: new Map() };
    const { byName, resolved } = this.projectModules;
    // Relative names resolve the same from every file of a folder.
    const key = `${from.slice(0, from.lastIndexOf("/") + 1)}\0${text}`;
    if (resolved.has(key)) return resolved.get(key);
    const found = ts.resolveModuleName(text, from, options, {
      fileExists: (fileName) => byName.has(fileName.replace(/\\/g, "/")),
      readFile: () => undefined,
    }).resolvedModule;
    const file = found && byName.get(found.resolvedFileName.replace(/\\/g, "/"));
    resolved.set(key, file);
    return file;
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

  /**
   * What a call runs through the default lib's invokers, as `calleeTarget` gives it for a direct
   * call: `f` in `f.call(thisArg, ...)` and `f.apply(thisArg, args)` (`Function`'s and
   * `CallableFunction`'s members) and in `Reflect.apply(f, thisArg, args)`. The invoker is matched
   * by its declaration in a lib file, so a project's own `call` method or `Reflect` object is not
   * one. Undefined when the call is not such an invocation, or `f` is not resolved.
   *
   * @example
   * // import { readFileSync } from "fs";
   * // readFileSync.call(null, p);          → `readFileSync` of "fs"
   * // Reflect.apply(readFileSync, null, [p]); → `readFileSync` of "fs"
   * // readFileSync.bind(null)(p);          → undefined (not followed)
   */
  indirectCalleeTarget(call: ts.CallExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    let callee = skipParens(call.expression);
    while (ts.isNonNullExpression(callee)) callee = skipParens(callee.expression);
    let member: ts.Node;
    if (ts.isPropertyAccessExpression(callee)) member = callee.name;
    else if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) member = callee.argumentExpression;
    else return undefined;
    const invoker = this.symbolOf(member)?.declarations?.[0];
    if (!invoker) return undefined;
    const ref = this.describeDeclaration(invoker);
    if (!ref.isDefaultLib) return undefined;
    let invoked: ts.Expression | undefined;
    if (INVOKERS.has(ref.qualifiedName)) invoked = callee.expression;
    else if (ref.qualifiedName === "Reflect.apply" && call.arguments.length > 0 && !ts.isSpreadElement(call.arguments[0])) invoked = call.arguments[0];
    if (!invoked) return undefined;
    const declarations = this.followCallee(invoked, 0)?.declarations;
    if (!declarations || declarations.length === 0) return undefined;
    return { ref: this.describeDeclaration(declarations[0]), declarations };
  }

  /**
   * The function a call runs, when it is written in the project (not a declaration file, not under
   * node_modules) and has a body: a function or method declaration, a function or arrow assigned
   * to a `const`, a property or class field, or (JavaScript) to `x.y = function ...`. Undefined
   * when the callee is unknown, declared only, or has more than one body (overloads aside).
   * For interprocedural analyses, which must stay within what the project shows.
   *
   * When the callee is a property declared in the project without a body whose type is written
   * from an implementation (an indexed access or `typeof`: `handle: ChatRoomInitializer["handle"]`,
   * `send: typeof send`), the declaration of the call's resolved signature stands in, when it is a
   * project function or method with a body: the function the property's type was written from.
   * Other function types (`handle: (m: string) => void`) stay unknown.
   *
   * @example
   * // async function flush() { ... }   flush();  → the `flush` declaration
   * // import { readFile } from "fs";   readFile(); → undefined (a declaration file)
   * // interface Api { incoming: Room["incoming"] }   api.incoming(m); → `Room`'s `incoming` arrow
   */
  projectFunctionOf(call: ts.CallExpression | ts.NewExpression): ts.FunctionLikeDeclaration | undefined {
    return this.projectFunctionFrom(call, this.calleeTarget(call)?.declarations, (resolved) => this.checker.getResolvedSignature(resolved)?.declaration);
  }

  /**
   * `projectFunctionOf` from the answers of its two type questions: the callee's declarations
   * (`calleeTarget`), and the declaration of the call's resolved signature (asked only for a
   * property typed from an implementation). The rest is syntax and program facts, no checker:
   * the `ts7` engine asks the two questions of TypeScript 7.
   */
  projectFunctionFrom(
    call: ts.CallExpression | ts.NewExpression,
    declarations: readonly ts.Declaration[] | undefined,
    resolvedDeclaration: (call: ts.CallExpression) => ts.Node | undefined,
  ): ts.FunctionLikeDeclaration | undefined {
    const fn = this.projectFunctionOfDeclarations(declarations);
    if (fn || !declarations || declarations.length === 0 || !ts.isCallExpression(call)) return fn;
    // A property typed from an implementation (`X["name"]`, `typeof x`) has no body of its own:
    // the call's resolved signature names the function it runs.
    const typedFromImplementation = declarations.every(
      (declaration) => this.isProjectSourceFile(declaration.getSourceFile()) && isTypedFromImplementation(declaration),
    );
    return typedFromImplementation ? this.signatureFunctionOf(resolvedDeclaration(call)) : undefined;
  }

  private projectFunctionOfDeclarations(found: readonly ts.Declaration[] | undefined): ts.FunctionLikeDeclaration | undefined {
    const declarations = found && this.emittedImplementations(found);
    if (!declarations) return undefined;
    const bodies = new Set<ts.FunctionLikeDeclaration>();
    for (const declaration of declarations) {
      if (!this.isProjectSourceFile(declaration.getSourceFile())) return undefined;
      const fn = functionOfDeclaration(declaration);
      if (fn?.body) bodies.add(fn);
    }
    return bodies.size === 1 ? [...bodies][0] : undefined;
  }

  /** The project function or method with a body that declared a call's resolved signature (`declaration`). */
  private signatureFunctionOf(declaration: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined {
    if (!declaration || ts.isJSDocSignature(declaration) || !this.isProjectSourceFile(declaration.getSourceFile())) return undefined;
    const fn = functionOfDeclaration(declaration as ts.Declaration);
    return fn?.body ? fn : undefined;
  }

  /**
   * For declarations in a declaration file of the project's own that sits next to one of its
   * JavaScript source files (`classes/child-processor.d.ts` beside `classes/child-processor.js`,
   * as a build emits them), the same declarations in the JavaScript file: the code that runs. A
   * top-level function or class is found by name, a class member by its class's name, its own
   * name and staticness. Other declarations (and any not found) are returned as they are, so a
   * library's `.d.ts` under node_modules stays unknown.
   *
   * @example
   * // main-base.js: import { ChildProcessor } from "./child-processor";  (resolves to the .d.ts)
   * // childProcessor.waitForCurrentJobAndExit() → the method in child-processor.js
   */
  private emittedImplementations(declarations: readonly ts.Declaration[]): readonly ts.Declaration[] {
    if (!declarations.some((declaration) => declaration.getSourceFile().isDeclarationFile)) return declarations;
    const mapped = new Set<ts.Declaration>();
    for (const declaration of declarations) mapped.add(this.emittedImplementation(declaration) ?? declaration);
    return [...mapped];
  }

  private emittedImplementation(declaration: ts.Declaration): ts.Declaration | undefined {
    const file = declaration.getSourceFile();
    if (!file.isDeclarationFile || file.fileName.includes("/node_modules/") || this.program.isSourceFileDefaultLibrary(file)) return undefined;
    const sibling = this.program.getSourceFile(file.fileName.replace(/\.d\.([cm]?)ts$/, ".$1js"));
    if (!sibling || sibling === file || !this.isProjectSourceFile(sibling)) return undefined;
    const topLevel = (name: string, kind: ts.SyntaxKind): ts.FunctionDeclaration | ts.ClassDeclaration | undefined =>
      sibling.statements.find((statement): statement is ts.FunctionDeclaration | ts.ClassDeclaration => (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.kind === kind && statement.name?.text === name);
    const nameOf = (node: ts.NamedDeclaration): string | undefined => (node.name && memberNameText(node.name as ts.PropertyName)) ?? undefined;
    if ((ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) && ts.isSourceFile(declaration.parent)) {
      const name = nameOf(declaration);
      return name === undefined ? undefined : topLevel(name, declaration.kind);
    }
    const owner = declaration.parent;
    if (!ts.isClassDeclaration(owner) || !ts.isSourceFile(owner.parent) || !owner.name) return undefined;
    const name = nameOf(declaration);
    const cls = topLevel(owner.name.text, ts.SyntaxKind.ClassDeclaration) as ts.ClassDeclaration | undefined;
    if (!cls || name === undefined) return undefined;
    const isStatic = hasStaticModifier(declaration);
    return cls.members.find((member) => member.kind === declaration.kind && member.name !== undefined && memberNameText(member.name) === name && hasStaticModifier(member) === isStatic);
  }

  /**
   * Every function body a call may run, when all are written in the project: for a method of a
   * class, the member the call resolves to (unless abstract) and every member of the same name
   * (and staticness) in the project's classes that extend that class, directly or not (at most
   * `MAX_SUBCLASSES` classes), plus the functions the project assigns to that member on instances
   * (`connection.sendMessage = async (m) => ...`: `functionsAssignedToMember`). A method whose
   * whole body is `throw new Error("not implemented")` counts as abstract (JavaScript's form of
   * one) when other bodies exist and it overrides no working method of a base class. Undefined when any is unknown: declared in a declaration file or
   * under node_modules, a member of an interface or type literal (object literals anywhere may
   * implement it), a computed name, an override that is not a function with a body (a getter, a
   * property holding something else), an instance assignment of something other than a function
   * expression, or no body at all. Other callees: `projectFunctionOf`.
   *
   * @example
   * // abstract class Server { abstract send(m: string): Promise<void>; reply() { this.send("ok"); } }
   * // class WebServer extends Server { async send(m: string) { ... } }
   * // this.send("ok") → [WebServer#send]
   * // class Connection { async send(m: string) { throw new Error("not implemented"); } }
   * // connection.send = async (m) => { server.write(connection, m); };
   * // connection.send("hi") → [the assigned arrow]
   */
  projectImplementationsOf(call: ts.CallExpression | ts.NewExpression): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.projectImplementationsFrom(call, this.calleeTarget(call)?.declarations, (resolved) => this.checker.getResolvedSignature(resolved)?.declaration);
  }

  /**
   * `projectImplementationsOf` from the answers of `projectFunctionFrom`'s two type questions;
   * the project scans ask `declarationsAt` (TypeScript 7's for the `ts7` engine).
   */
  projectImplementationsFrom(
    call: ts.CallExpression | ts.NewExpression,
    declarations: readonly ts.Declaration[] | undefined,
    resolvedDeclaration: (call: ts.CallExpression) => ts.Node | undefined,
  ): readonly ts.FunctionLikeDeclaration[] | undefined {
    if (!declarations || declarations.length === 0) return undefined;
    if (!ts.isClassLike(declarations[0].parent)) {
      // Not a class member: the one function the call runs, including through a property typed
      // from its implementation (`projectFunctionOf`).
      const fn = this.projectFunctionFrom(call, declarations, resolvedDeclaration);
      return fn ? [fn] : undefined;
    }
    return this.implementationsOfDeclarations(declarations);
  }

  /**
   * Every identifier in the project's source files that names `declaration` (a function
   * declaration, or a variable holding a function), also through imports, re-exports and
   * namespaces; the declaration's own name and import/export specifiers are left out. Text search
   * picks the files; only identifiers spelled like the declaration are resolved, at most `limit`
   * of them. Undefined when the limit is reached or the name is imported or re-exported under
   * another name (its uses would be spelled differently). Code outside the project (declaration
   * files, node_modules, a package's users) is not seen: ask only about functions no outside code
   * can reach. For "who calls this" questions that must be complete.
   *
   * @example
   * // async function main() { ... }   main();            → [the `main` in `main()`]
   * // export namespace Cli { export async function run() {} }   Cli.run(); → [the `run` in `Cli.run()`]
   * // import { load as read } from "./load";                     → undefined (renamed)
   */
  projectReferencesOf(declaration: ts.FunctionDeclaration | ts.VariableDeclaration, limit: number): ts.Identifier[] | undefined {
    const name = declaration.name;
    if (!name || !ts.isIdentifier(name)) return undefined;
    const canonical = (symbol: ts.Symbol | undefined): ts.Symbol | undefined => {
      if (!symbol) return undefined;
      const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
      return this.checker.getExportSymbolOfSymbol(target);
    };
    const target = canonical(this.checker.getSymbolAtLocation(name));
    if (!target) return undefined;
    const word = new RegExp(`(?:^|[^\\w$])${name.text.replace(/\$/g, "\\$")}(?![\\w$])`);
    const found: ts.Identifier[] = [];
    let resolved = 0;
    let complete = true;
    for (const file of this.projectSourceFiles()) {
      if (!complete) break;
      if (!word.test(file.text)) continue;
      walkTree(file, (node) => {
        if (!complete || !ts.isIdentifier(node) || node === name) return;
        const parent = node.parent;
        if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) {
          // `import { main as start }`: the uses are spelled `start`.
          if (canonical(this.checker.getSymbolAtLocation(parent.name)) === target) complete = false;
          return;
        }
        if (node.text !== name.text) return;
        if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return;
        if (++resolved > limit) {
          complete = false;
          return;
        }
        if (canonical(this.checker.getSymbolAtLocation(node)) === target) found.push(node);
      });
    }
    return complete ? found : undefined;
  }

  /**
   * Every name in the project's source files that names the same property as `access`
   * (`this.stopSteps` in `this.stopSteps.push(step)`), resolved by symbol: the names of its
   * property accesses (reads and `this.stopSteps = []` alike) and of its declarations. Undefined
   * when one of its declarations is not in the project's source files, when more than `limit`
   * names must be resolved, or when a place may name it where the symbol does not tell: an
   * access of that name that resolves to nothing (its object is typed `any`), an element access
   * `x["stopSteps"]`, a destructuring key, or an object literal's key of that name. For "every use
   * of this field" questions that must be complete within the project; code outside it (a
   * package's users) is not seen.
   *
   * @example
   * // class Process { stopSteps: Step[] = []; async stop() { for (const step of this.stopSteps) await step(); } }
   * // this.stopSteps.push(...) → the names in `stopSteps: Step[]`, `this.stopSteps.push`, `of this.stopSteps`
   */
  projectPropertyReferencesOf(access: ts.PropertyAccessExpression, limit: number): readonly ts.MemberName[] | undefined {
    const target = this.checker.getSymbolAtLocation(access.name);
    const declarations = target?.declarations;
    if (!target || !declarations || declarations.length === 0 || !declarations.every((declaration) => this.isProjectSourceFile(declaration.getSourceFile()))) return undefined;
    const text = access.name.text;
    const word = new RegExp(`(?:^|[^\\w$#])${text.replace(/[$#]/g, "\\$&")}(?![\\w$])`);
    const found: ts.MemberName[] = [];
    let resolved = 0;
    let complete = true;
    for (const file of this.projectSourceFiles()) {
      if (!complete) break;
      if (!word.test(file.text)) continue;
      walkTree(file, (node) => {
        if (!complete) return;
        if (ts.isStringLiteralLike(node)) {
          if (node.text === text && ts.isElementAccessExpression(node.parent) && node.parent.argumentExpression === node) complete = false;
          return;
        }
        if (!(ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) || node.text !== text) return;
        const parent = node.parent;
        if (ts.isBindingElement(parent) || ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
          if (ts.isBindingElement(parent) ? (parent.propertyName ?? parent.name) === node : parent.name === node) complete = false;
          return;
        }
        const named = (ts.isPropertyAccessExpression(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node;
        if (!named) return;
        if (++resolved > limit) {
          complete = false;
          return;
        }
        const symbol = this.checker.getSymbolAtLocation(node);
        if (symbol === target) found.push(node);
        else if (symbol ? this.mayNameSameProperty(symbol, declarations, ts.isPropertyAccessExpression(parent)) : ts.isPropertyAccessExpression(parent)) complete = false;
      });
    }
    return complete ? found : undefined;
  }

  /**
   * Whether another symbol of the same name may stand for the property declared by `declarations`
   * at run time: a union's synthetic property that includes it, a redeclaration in a class related
   * to its own by `extends` (either way), or, read through `access`, a member of an interface or
   * type literal (any object of the right shape may be read through it).
   */
  private mayNameSameProperty(symbol: ts.Symbol, declarations: readonly ts.Declaration[], access: boolean): boolean {
    const others = symbol.declarations ?? [];
    if (others.some((declaration) => declarations.includes(declaration))) return true;
    if (access && others.some((declaration) => ts.isPropertySignature(declaration) || ts.isMethodSignature(declaration))) return true;
    const owner = classOfMember(declarations[0]);
    if (!owner) return true;
    return others.some((declaration) => {
      const other = classOfMember(declaration);
      if (!other || other === owner) return other === owner;
      const below = this.projectSubclassesOf(owner);
      const above = this.projectSubclassesOf(other);
      return !below || !above || below.includes(other) || above.includes(owner);
    });
  }

  /**
   * Every function body a reference to a function may be, when all are written in the project, as
   * `projectImplementationsOf` gives them for a call of it: `handle` (a function declaration, or a
   * `const` holding a function expression, `const` copies followed), `this.onEvent` / `this.#onEvent`
   * (a method and its overrides, or a class field initialized with a function expression and never
   * assigned with `this.x = ...` in its class), `emitter.onEvent`. Undefined for anything else: a
   * `let` variable or a parameter (it may hold another function), a declaration file, a library.
   * For analyses of callbacks handed on by reference (`bus.on("x", this.#onX)`).
   *
   * @example
   * // class Manager { #onCreated = async (e: E) => { this.#targets.set(e.id, e); }; }
   * // conn.on("created", this.#onCreated)  → [the arrow of #onCreated]
   * // function wire(handler: () => void) { bus.on("x", handler); }  → undefined (a parameter)
   */
  /**
   * The declarations of every call signature of a function value's type, over its union parts
   * (`handler` taken from a table of methods: each method). Undefined when the type is unknown, has
   * no call signature, or one has no declaration. Lets a rule read the bodies a call may run when
   * the callee is not one declaration (`for (const [event, handler] of this.#handlers)`).
   */
  callSignatureDeclarations(expr: ts.Expression): readonly ts.SignatureDeclaration[] | undefined {
    const type = this.checker.getTypeAtLocation(expr);
    if (type.flags & UNKNOWNISH) return undefined;
    const signatures = this.callSignaturesOf(type);
    if (signatures.length === 0) return undefined;
    const declarations: ts.SignatureDeclaration[] = [];
    for (const signature of signatures) {
      const declaration = signature.declaration;
      if (!declaration || ts.isJSDocSignature(declaration)) return undefined;
      declarations.push(declaration);
    }
    return declarations;
  }

  /**
   * `projectImplementationsOfValue` for the value a shorthand property names (`{ onExit }`: the
   * `onExit` in scope, not the property the literal declares).
   */
  projectImplementationsOfShorthand(property: ts.ShorthandPropertyAssignment): readonly ts.FunctionLikeDeclaration[] | undefined {
    const declarations = this.checker.getShorthandAssignmentValueSymbol(property)?.declarations;
    if (!declarations || declarations.length === 0) return undefined;
    for (const declaration of declarations) {
      if (ts.isVariableDeclaration(declaration) && !this.isConstDeclaration(declaration)) return undefined;
    }
    return this.implementationsOfDeclarations(declarations);
  }

  projectImplementationsOfValue(expr: ts.Expression): readonly ts.FunctionLikeDeclaration[] | undefined {
    const node = skipParens(expr);
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
    return this.implementationsOfValueFrom(this.followCallee(node, 0)?.declarations);
  }

  /**
   * `projectImplementationsOfValue` from the declarations its value names (copies and
   * destructuring followed, as for a callee); syntax and `declarationsAt` from here on.
   */
  implementationsOfValueFrom(declarations: readonly ts.Declaration[] | undefined): readonly ts.FunctionLikeDeclaration[] | undefined {
    if (!declarations || declarations.length === 0) return undefined;
    for (const declaration of declarations) {
      if (ts.isVariableDeclaration(declaration) && !this.isConstDeclaration(declaration)) return undefined;
      if (ts.isPropertyDeclaration(declaration) && assignedInClass(declaration)) return undefined;
    }
    return this.implementationsOfDeclarations(declarations);
  }

  private implementationsOfDeclarations(found: readonly ts.Declaration[]): readonly ts.FunctionLikeDeclaration[] | undefined {
    const declarations = this.emittedImplementations(found);
    const owner = declarations[0].parent;
    if (!ts.isClassLike(owner)) {
      const fn = this.projectFunctionOfDeclarations(declarations);
      return fn ? [fn] : undefined;
    }
    const first = declarations[0] as ts.ClassElement;
    const name = first.name && memberNameText(first.name);
    if (name === undefined) return undefined;
    const isStatic = hasStaticModifier(first);
    const bodies: ts.FunctionLikeDeclaration[] = [];
    const matched: ts.ClassElement[] = [];
    const collect = (members: readonly ts.ClassElement[]): boolean =>
      members.every((member) => {
        if (!member.name || memberNameText(member.name) !== name || hasStaticModifier(member) !== isStatic) return true;
        matched.push(member);
        if (ts.isMethodDeclaration(member) && !member.body) return true; // abstract, or an overload signature
        if (isThrowingPlaceholder(member) && !this.overridesImplementation(member)) return true; // abstract in all but name (JavaScript has no `abstract`)
        const fn = functionOfDeclaration(member);
        if (!fn?.body) return ts.isPropertyDeclaration(member) && !member.initializer && hasAbstractModifier(member);
        bodies.push(fn);
        return true;
      });
    for (const declaration of declarations) {
      if (declaration.parent !== owner || !this.isProjectSourceFile(declaration.getSourceFile())) return undefined;
    }
    if (!this.isProjectSourceFile(owner.getSourceFile()) || !collect(owner.members)) return undefined;
    const subclasses = this.projectSubclassesOf(owner);
    if (!subclasses || !subclasses.every((subclass) => collect(subclass.members))) return undefined;
    if (isStatic) return bodies.length > 0 ? bodies : undefined;
    const assigned = this.functionsAssignedToMember(name, matched);
    if (!assigned) return undefined;
    bodies.push(...assigned);
    return bodies.length > 0 ? bodies : undefined;
  }

  /**
   * The functions the project assigns to a method on instances, anywhere in its source files:
   * `connection.sendMessage = async (message) => { ... }` (a per-instance implementation, as
   * actionhero's servers give every connection they build), `this.handle = function () { ... }`.
   * An assignment counts when the property it writes resolves to one of `members` (the method in
   * the declaring class or a subclass). `this.m = this.m.bind(this)` rebinds the same bodies and
   * adds nothing. Undefined when some assignment is anything else (`x.m = other.send`, `x.m ??=
   * ...`): the bodies the call may run are then unknown.
   *
   * @example
   * // class Connection { async sendMessage(m: object) { throw new Error("not implemented"); } }
   * // connection.sendMessage = async (m) => { server.send(connection, m); };
   * // functionsAssignedToMember("sendMessage", [Connection#sendMessage]) → [the async arrow]
   */
  private functionsAssignedToMember(name: string, members: readonly ts.ClassElement[]): ts.FunctionLikeDeclaration[] | undefined {
    const targets = new Set<ts.Node>(members);
    const writesMember = (target: ts.Expression): boolean => {
      const node = skipParens(target);
      const location = ts.isPropertyAccessExpression(node) ? node.name : ts.isElementAccessExpression(node) ? node.argumentExpression : undefined;
      return (location && this.declarationsAt(location, false))?.some((declaration) => targets.has(declaration)) ?? false;
    };
    const found: ts.FunctionLikeDeclaration[] = [];
    for (const assignment of this.memberAssignmentIndex().get(name) ?? []) {
      if (!writesMember(assignment.left)) continue;
      const value = skipParens(assignment.right);
      if (assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
      if (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) found.push(value);
      else if (!(ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === "bind" && writesMember(value.expression.expression))) return undefined;
    }
    return found;
  }

  /**
   * Some class above the member's own (its `extends` chain, at most `MAX_SUBCLASSES` levels) has a
   * member of the same name and staticness that is not abstract in the project's sense: a method
   * with a body other than a throwing placeholder, a property, or a declaration-file member. Then
   * a placeholder that only throws does not stand for an abstract method but says "not supported
   * here" (`cancelQuery() { throw new Error("not supported for this dialect"); }` overriding a
   * working one), and the rejection it gives is real. True when a base cannot be resolved.
   */
  private overridesImplementation(member: ts.ClassElement): boolean {
    const name = member.name && memberNameText(member.name);
    if (name === undefined || !ts.isClassLike(member.parent)) return true;
    const isStatic = hasStaticModifier(member);
    let current: ts.ClassLikeDeclaration = member.parent;
    for (let level = 0; level < MAX_SUBCLASSES; level++) {
      const heritage = current.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (!heritage) return false;
      const bases = (this.declarationsAt(heritage.expression, true) ?? []).filter((declaration) => ts.isClassLike(declaration));
      if (bases.length !== 1) return true;
      const base = bases[0];
      for (const other of base.members) {
        if (!other.name || memberNameText(other.name) !== name || hasStaticModifier(other) !== isStatic) continue;
        const abstract = this.isProjectSourceFile(other.getSourceFile()) && ts.isMethodDeclaration(other) && (other.body ? isThrowingPlaceholder(other) : hasAbstractModifier(other));
        if (!abstract) return true;
      }
      current = base;
    }
    return true;
  }

  private memberAssignmentMemo: Map<string, ts.BinaryExpression[]> | undefined;

  /** Assignments to a named property in the project's source files (`x.name = ...`, `x["name"] ??= ...`), by name, built once. */
  private memberAssignmentIndex(): Map<string, ts.BinaryExpression[]> {
    if (this.memberAssignmentMemo) return this.memberAssignmentMemo;
    const index = new Map<string, ts.BinaryExpression[]>();
    for (const file of this.projectSourceFiles()) {
      walkTree(file, (node) => {
        if (!ts.isBinaryExpression(node) || node.operatorToken.kind < ts.SyntaxKind.FirstAssignment || node.operatorToken.kind > ts.SyntaxKind.LastAssignment) return;
        const target = skipParens(node.left);
        const name = ts.isPropertyAccessExpression(target)
          ? target.name.text
          : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression)
            ? target.argumentExpression.text
            : undefined;
        if (name === undefined) return;
        const list = index.get(name) ?? [];
        list.push(node);
        index.set(name, list);
      });
    }
    this.memberAssignmentMemo = index;
    return index;
  }

  /**
   * The project's classes that extend `owner`, directly or not, or undefined when there are more
   * than `MAX_SUBCLASSES`. Read from `extends` clauses in the project's source files (an index
   * built once per Program).
   *
   * @example
   * // class A {}  class B extends A {}  class C extends B {}   A → [B, C]
   */
  projectSubclassesOf(owner: ts.ClassLikeDeclaration): readonly ts.ClassLikeDeclaration[] | undefined {
    const index = this.subclassIndex();
    const seen = new Set<ts.ClassLikeDeclaration>([owner]);
    const found: ts.ClassLikeDeclaration[] = [];
    const queue = [...(index.get(owner) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as ts.ClassLikeDeclaration;
      if (seen.has(next)) continue;
      seen.add(next);
      found.push(next);
      if (found.length > MAX_SUBCLASSES) return undefined;
      queue.push(...(index.get(next) ?? []));
    }
    return found;
  }

  private subclassMemo: Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration[]> | undefined;

  /** The project's classes by the class they extend (`class B extends A`: A → [B]), built once. */
  private subclassIndex(): Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration[]> {
    if (this.subclassMemo) return this.subclassMemo;
    const index = new Map<ts.ClassLikeDeclaration, ts.ClassLikeDeclaration[]>();
    for (const file of this.projectSourceFiles()) {
      walkTree(file, (node) => {
        if (!ts.isClassLike(node)) return;
        const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
        if (!heritage) return;
        for (const base of this.emittedImplementations(this.declarationsAt(heritage.expression, true) ?? [])) {
          if (!ts.isClassLike(base)) continue;
          const list = index.get(base) ?? [];
          list.push(node);
          index.set(base, list);
        }
      });
    }
    this.subclassMemo = index;
    return index;
  }

  /**
   * The class field a property access reads, when it is one field declared in the project (not a
   * method, accessor, parameter property or declaration-file member).
   *
   * @example
   * // class Target { ready = Deferred.create(); }   target.ready → the `ready` declaration
   */
  fieldDeclarationOf(access: ts.PropertyAccessExpression): ts.PropertyDeclaration | undefined {
    const declarations = this.declarationsAt(access.name, true);
    const declaration = declarations?.length === 1 ? declarations[0] : undefined;
    return declaration && ts.isPropertyDeclaration(declaration) && this.isProjectSourceFile(declaration.getSourceFile()) ? declaration : undefined;
  }

  /** As `TypeOracle.memberDeclarationsOf`. */
  memberDeclarationsOf(access: ts.PropertyAccessExpression): readonly ts.Node[] | undefined {
    const declarations = this.declarationsAt(access.name, true);
    if (!declarations || declarations.length === 0) return undefined;
    return declarations.every((declaration) => this.isProjectSourceFile(declaration.getSourceFile())) ? declarations : undefined;
  }

  /**
   * The value is typed `any` or `unknown` (untyped JavaScript, an index signature of `any`).
   *
   * @example
   * // interface ServerConfig { [key: string]: any }   config.rootEndpointType → true
   * // declare const mode: string;                     mode                    → false
   */
  isUntyped(expr: ts.Expression): boolean {
    return (this.checker.getTypeAtLocation(expr).flags & UNKNOWNISH) !== 0;
  }

  /** Can the value be `null` or `undefined`? `may` for `any`, `unknown` and type parameters. */
  nullishStatus(expr: ts.Expression): Tri {
    return this.flagStatus(expr, ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void, false);
  }

  /** Can the value be a number (a file descriptor where a path is expected)? */
  numberStatus(expr: ts.Expression): Tri {
    return this.flagStatus(expr, ts.TypeFlags.NumberLike, true);
  }

  /**
   * Does every part of the value's type carry one of `flags` (`always`), none (`never`), or some
   * (`may`)? Unions are split (and intersections, with `splitIntersections`); type parameters are
   * judged by their constraint; `any` and `unknown` are `may`.
   */
  private flagStatus(expr: ts.Expression, flags: ts.TypeFlags, splitIntersections: boolean): Tri {
    const status = (type: ts.Type): Tri => {
      if (type.flags & UNKNOWNISH) return "may";
      if (type.isUnion() || (splitIntersections && type.isIntersection())) return combine(type.types.map(status));
      if (type.flags & ts.TypeFlags.TypeParameter) {
        const constraint = this.checker.getBaseConstraintOfType(type);
        return constraint ? status(constraint) : "may";
      }
      return type.flags & flags ? "always" : "never";
    };
    return status(this.checker.getTypeAtLocation(expr));
  }

  /**
   * Is `expr` the global `Promise` constructor: the `Promise` value the default lib declares, named
   * directly, as `globalThis.Promise`, or through a `const` copy (`const P = Promise`)? A project's
   * own `class Promise`, a `Promise` imported from a library (bluebird) or a parameter named
   * `Promise` is not: its constructor and static methods may behave otherwise.
   *
   * @example
   * Promise.resolve(x)             // `Promise` → true
   * globalThis.Promise.allSettled(ps) // `globalThis.Promise` → true
   * // class Promise<T> { static resolve<T>(v: T) { ... } } in scope:
   * Promise.resolve(x)             // `Promise` → false
   */
  isGlobalPromiseConstructor(expr: ts.Expression): boolean {
    const symbol = this.followCallee(expr, 0);
    return symbol !== undefined && symbol.name === "Promise" && (symbol.flags & ts.SymbolFlags.Variable) !== 0 && this.isDeclaredInDefaultLib(symbol);
  }

  /**
   * A three-state question over a type's parts: `any`/`unknown` and unconstrained type parameters
   * are `may`, a type parameter answers by its constraint, a union by `join` over its parts with
   * `null`/`undefined`/`void` left aside (only those: `never`), anything else by `leaf`.
   */
  private statusOverParts(type: ts.Type, join: (parts: readonly ts.Type[], status: (part: ts.Type) => Tri) => Tri, leaf: (type: ts.Type) => Tri): Tri {
    const status = (current: ts.Type): Tri => {
      if (current.flags & UNKNOWNISH) return "may";
      if (current.isUnion()) {
        const parts = current.types.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
        return parts.length === 0 ? "never" : join(parts, status);
      }
      if (current.flags & ts.TypeFlags.TypeParameter) {
        const constraint = this.checker.getBaseConstraintOfType(current);
        return constraint && constraint !== current ? status(constraint) : "may";
      }
      return leaf(current);
    };
    return status(type);
  }

  private readonly collectionCache = new WeakMap<ts.Node, Tri>();

  /**
   * Is the value a built-in collection: a `Map`, `Set`, `WeakMap`, `WeakSet`, array or tuple (the
   * `Readonly` variants, and classes and interfaces extending any of them, included)? Over the
   * parts of a union, `null` and `undefined` left aside (`this.cache?.get(k)`): `always` when every
   * part is one, `never` when none is, `may` for `any`, `unknown`, unconstrained type parameters
   * and unions of both kinds. Matched by declaration in the default lib, never by name: a project's
   * `class Cache { get(k) {...} }` or an options object with a `set` method is `never`.
   *
   * @example
   * // const seen = new Set<string>(); const jobs: readonly Job[] = []; const store = { get(k: string) { ... } };
   * collectionStatus(seen)  // "always"
   * collectionStatus(jobs)  // "always"
   * collectionStatus(store) // "never"
   */
  collectionStatus(expr: ts.Expression): Tri {
    const cached = this.collectionCache.get(expr);
    if (cached !== undefined) return cached;
    const seen = new Set<ts.Type>();
    const result = this.statusOverParts(
      this.checker.getTypeAtLocation(expr),
      combineAll,
      (type) => (this.isBuiltinCollectionType(type, seen) ? "always" : "never"),
    );
    this.collectionCache.set(expr, result);
    return result;
  }

  private isBuiltinCollectionType(type: ts.Type, seen: Set<ts.Type>): boolean {
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) return true;
    const target = (type as ts.TypeReference).target ?? type;
    if (seen.has(target)) return false;
    seen.add(target);
    const symbol = target.getSymbol();
    if (symbol && BUILTIN_COLLECTIONS.has(symbol.name) && this.isDeclaredInDefaultLib(symbol)) return true;
    if (target.flags & ts.TypeFlags.Object && (target as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface) {
      return this.checker.getBaseTypes(target).some((base) => this.isBuiltinCollectionType(base, seen));
    }
    return false;
  }

  /** Does the value's (apparent) type have a property `name`? E.g. `Atomics.waitAsync` under the configured libs. */
  hasProperty(expr: ts.Expression, name: string): boolean {
    return this.checker.getApparentType(this.checker.getTypeAtLocation(expr)).getProperty(name) !== undefined;
  }

  /**
   * Does the value hold something that must be released: a method named in `names` (`close`,
   * `quit`, ...; `Symbol.dispose` and `Symbol.asyncDispose` for the well-known symbols) that is
   * callable and not optional? The answer is over the non-nullish parts of a union: `always` (with
   * the first such method's name, `[Symbol.dispose]` for a symbol) when every part has one,
   * `never` when none has, `may` otherwise, and for `any`, `unknown`, unconstrained type parameters
   * and optional methods. The `[Symbol.dispose]`/`[Symbol.asyncDispose]` the default lib gives
   * every iterator and generator (a type with `next`; it only runs `return()`) does not count: a
   * duplicate `map.keys()` holds nothing.
   */
  releaseMethod(expr: ts.Expression, names: readonly string[]): { status: Tri; method?: string } {
    const wanted = (property: ts.Symbol): string | undefined => {
      const symbolKey = /^__@(dispose|asyncDispose)@\d+$/.exec(property.escapedName as string);
      const name = symbolKey ? `Symbol.${symbolKey[1]}` : property.name;
      if (!names.includes(name)) return undefined;
      return symbolKey ? `[${name}]` : name;
    };
    // The lib gives every built-in iterator and generator a `[Symbol.dispose]` (it runs `return()`),
    // inherited from the ambient `Disposable` (declared by the lib, and by @types/node as a polyfill).
    const libDisposerOfIterator = (type: ts.Type, property: ts.Symbol): boolean =>
      /^__@/.test(property.escapedName as string) &&
      type.getProperty("next") !== undefined &&
      (property.declarations ?? []).every(
        (declaration) =>
          declaration.getSourceFile().isDeclarationFile &&
          ts.isInterfaceDeclaration(declaration.parent) &&
          /^(Async)?Disposable$/.test(declaration.parent.name.text),
      );
    const status = (type: ts.Type): { status: Tri; method?: string } => {
      if (type.flags & UNKNOWNISH) return { status: "may" };
      if (type.flags & ts.TypeFlags.TypeParameter) {
        const constraint = this.checker.getBaseConstraintOfType(type);
        return constraint && constraint !== type ? status(constraint) : { status: "may" };
      }
      if (type.isUnion()) {
        const parts = type.types.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
        if (parts.length === 0) return { status: "never" };
        const answers = parts.map(status);
        if (answers.every((answer) => answer.status === "always")) return answers[0];
        return { status: answers.every((answer) => answer.status === "never") ? "never" : "may" };
      }
      let uncertain = false;
      const apparent = this.checker.getApparentType(type);
      for (const property of this.checker.getPropertiesOfType(apparent)) {
        const method = wanted(property);
        if (method === undefined || libDisposerOfIterator(apparent, property)) continue;
        const propertyType = this.checker.getNonNullableType(this.checker.getTypeOfSymbolAtLocation(property, expr));
        if (propertyType.flags & UNKNOWNISH || property.flags & ts.SymbolFlags.Optional) uncertain = true;
        else if (propertyType.getCallSignatures().length > 0) return { status: "always", method };
      }
      return { status: uncertain ? "may" : "never" };
    };
    return status(this.checker.getTypeAtLocation(expr));
  }

  private followCallee(expr: ts.Expression, depth: number): ts.Symbol | undefined {
    let node = skipIndirectCallee(expr);
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
  /** Interfaces with a call signature written to return a promise, and type aliases whose written type mentions one. */
  promiseTypes: string[];
  /** Declarations whose written type is a plain reference to a named type: `handler: Handler`. */
  typedReferences: [name: string, typeName: string][];
}

const promiseNameScans = new WeakMap<ts.SourceFile, PromiseNameScan>();
const PROMISE_TYPE_TEXT = /\b(?:Promise|PromiseLike|Thenable)\b/;

/**
 * A text from which `scanPromiseNames` can get no function, value or promise type: each needs an
 * `async` modifier or a written `Promise`/`PromiseLike`/`Thenable` (`PROMISE_TYPE_TEXT` reads the
 * file's own text; `new Promise(...)`'s callee is the identifier `Promise`), and without a `\u`
 * escape every identifier and keyword is written as its own text. Substrings, not words: a false
 * "not quiet" only costs a parse.
 */
export function quietText(text: string): boolean {
  return !/Promise|Thenable|async|\\u/.test(text);
}

/**
 * Can a text without `\u` escapes hold an identifier whose name is in `names`? Looked up by runs
 * of identifier characters (strings and comments included: a false "yes" only costs a parse). An
 * ASCII run that starts with a letter, `$` or `_` is one identifier or keyword, or none (the
 * scanner reads all of it); one that starts with a digit may end with one (`1x`: a numeric
 * literal directly followed by an identifier), so its ends starting with a letter, `$` or `_` are
 * looked up. A run with other characters may split where TypeScript's tables (older Unicode, ES5's
 * for an ES5 target) end an identifier, so any name inside it counts; past 64 such runs, the
 * answer is yes.
 */
export function mayNameOneOf(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  let unusual = 0;
  for (const [run] of text.matchAll(/[\p{ID_Continue}$\u200C\u200D]+/gu)) {
    if (names.has(run)) return true;
    if (/^[A-Za-z$_][\w$]*$/.test(run)) continue;
    if (/^[\w$]+$/.test(run)) {
      for (let start = 1; start < run.length; start++) {
        if (/[A-Za-z$_]/.test(run[start]) && names.has(run.slice(start))) return true;
      }
      continue;
    }
    if (++unusual > 64) return true;
    for (const name of names) if (run.includes(name)) return true;
  }
  return false;
}

function scanPromiseNames(sourceFile: ts.SourceFile): PromiseNameScan {
  const cached = promiseNameScans.get(sourceFile);
  if (cached) return cached;
  const scan: PromiseNameScan = { functions: [], values: [], callInitializers: [], promiseTypes: [], typedReferences: [] };
  const text = sourceFile.text;
  const writtenPromise = (type: ts.TypeNode | undefined) =>
    type !== undefined && PROMISE_TYPE_TEXT.test(text.slice(type.pos, type.end));
  const isAsync = (node: ts.Node) => (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
  const isAsyncFunction = (node: ts.Node) => (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && isAsync(node);
  const isJavaScript = (sourceFile.flags & ts.NodeFlags.JavaScriptFile) !== 0;
  const noteInitializer = (nameText: string, initializer: ts.Expression) => {
    const value = skipParens(initializer);
    if (isAsyncFunction(value)) {
      scan.functions.push(nameText);
    } else if (ts.isCallExpression(value) || ts.isNewExpression(value)) {
      const callee = skipParens(value.expression);
      const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      // `(async () => { ... })()`: an async function called on the spot.
      if (calleeName === "Promise" || isAsyncFunction(callee)) scan.values.push(nameText);
      else if (calleeName !== undefined) scan.callInitializers.push([nameText, calleeName]);
    }
  };
  walkTree(sourceFile, (node) => {
    const name = (node as ts.NamedDeclaration).name;
    const nameText = name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
    if (nameText !== undefined) {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) {
        if (isAsync(node) || writtenPromise(node.type)) scan.functions.push(nameText);
      } else if (ts.isInterfaceDeclaration(node)) {
        // `interface Handler { (): Promise<void> }`: a callable interface returning a promise.
        if (node.members.some((member) => ts.isCallSignatureDeclaration(member) && writtenPromise(member.type))) scan.promiseTypes.push(nameText);
      } else if (ts.isTypeAliasDeclaration(node)) {
        if (writtenPromise(node.type)) scan.promiseTypes.push(nameText);
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
        } else if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
          scan.typedReferences.push([nameText, type.typeName.text]);
          if (initializer) noteInitializer(nameText, initializer);
        } else if (initializer) {
          noteInitializer(nameText, initializer);
        }
      }
    } else if (isJavaScript) {
      const assignment = thisPropertyAssignment(node);
      if (assignment) noteInitializer(assignment.left.name.text, assignment.right);
    }
  });
  promiseNameScans.set(sourceFile, scan);
  return scan;
}

/** The function-like node a declaration names, looking through `const f = () => ...` and the like. */
/** How many classes `projectImplementationsOf` looks at below the declaring one. */
const MAX_SUBCLASSES = 64;

/** The class a member is declared in: its parent, or for JavaScript's `this.x = ...`, the class around it. */
function classOfMember(declaration: ts.Declaration): ts.ClassLikeDeclaration | undefined {
  if (ts.isClassLike(declaration.parent)) return declaration.parent;
  if (!ts.isPropertyAccessExpression(declaration) || declaration.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  for (let current: ts.Node = declaration.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

function memberNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function hasStaticModifier(member: ts.Node): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

/**
 * A method whose whole body is one `throw new X(...)`: a placeholder that subclasses or
 * per-instance assignments fill in (`async sendMessage(m) { throw new Error("not implemented"); }`),
 * the JavaScript form of an abstract method. A call that reaches it is a programming error.
 */
function isThrowingPlaceholder(member: ts.ClassElement): boolean {
  if (!ts.isMethodDeclaration(member) || !member.body || member.body.statements.length !== 1) return false;
  const statement = member.body.statements[0];
  return ts.isThrowStatement(statement) && ts.isNewExpression(skipParens(statement.expression));
}

function hasAbstractModifier(member: ts.Node): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.AbstractKeyword) ?? false);
}

/** A class field that some code of its class assigns (`this.x = ...`, `this.#x ??= ...`): its initializer may not be its value. */
function assignedInClass(field: ts.PropertyDeclaration): boolean {
  const name = field.name;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const target = skipParens(node.left);
      if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && target.name.text === name.text) found = true;
    }
    ts.forEachChild(node, visit);
  };
  field.parent.members.forEach(visit);
  return found;
}

/** A property (of an interface, type literal or class, without initializer) typed `X["name"]` or `typeof x`. */
function isTypedFromImplementation(declaration: ts.Declaration): boolean {
  if (!(ts.isPropertySignature(declaration) || (ts.isPropertyDeclaration(declaration) && !declaration.initializer))) return false;
  const type = declaration.type;
  return type !== undefined && (ts.isIndexedAccessTypeNode(type) || ts.isTypeQueryNode(type));
}

function functionOfDeclaration(declaration: ts.Declaration): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)) {
    return declaration;
  }
  let value: ts.Expression | undefined;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) {
    value = declaration.initializer;
  } else if (ts.isBinaryExpression(declaration)) {
    value = declaration.right;
  } else if (ts.isPropertyAccessExpression(declaration) && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration) {
    value = declaration.parent.right;
  }
  if (!value) return undefined;
  const fn = skipParens(value);
  return ts.isFunctionExpression(fn) || ts.isArrowFunction(fn) ? fn : undefined;
}

/** `let current: Promise<void>;`: a plain variable statement without initializer (not ambient, not a loop or catch variable). */
export function variableStartsUnassigned(declaration: ts.VariableDeclaration): boolean {
  if (declaration.initializer || declaration.exclamationToken || isAmbient(declaration)) return false;
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && ts.isVariableStatement(list.parent);
}

/** In a declaration file, or under a `declare` (variable, class, module, `global`): declared, never run. */
export function isAmbient(declaration: ts.Node): boolean {
  if (declaration.getSourceFile().isDeclarationFile) return true;
  for (let node: ts.Node = declaration; !ts.isSourceFile(node); node = node.parent) {
    if ((ts.isVariableDeclaration(node) || ts.isClassLike(node) || ts.isModuleDeclaration(node)) && ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) return true;
  }
  return false;
}

/** `null`, `undefined` or `void 0` (as compilers write `undefined`). */
export function isNullish(expr: ts.Expression): boolean {
  const node = skipParens(expr);
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === "undefined") || ts.isVoidExpression(node);
}

type ThisPropertyAssignment = ts.BinaryExpression & { left: ts.PropertyAccessExpression & { name: ts.Identifier } };

/** `this.x = value` (the declaration of a JavaScript class's property `x`). */
/**
 * A property known only from `this.x = ...` assignments (`declarations`, as TypeScript 6 or 7
 * gives them, in syntax) starts absent: every assignment is in a method of one class, none static,
 * and the constructor's first top-level `this.x = value` (if any) stores `null`, `undefined`,
 * `void 0` or a value that `valueMayBeAbsent` says may be absent. Both type oracles ask this.
 */
export function thisPropertyStartsAbsent(declarations: readonly ts.Node[], name: string, valueMayBeAbsent: (value: ts.Expression) => boolean): boolean {
  const first = declarations[0] && thisPropertyAssignment(declarations[0]);
  if (first && !thisContainer(first)) return functionStylePropertyStartsAbsent(declarations, name, valueMayBeAbsent);
  let owner: ts.ClassLikeDeclaration | undefined;
  for (const declaration of declarations) {
    const assignment = thisPropertyAssignment(declaration);
    const method = assignment && thisContainer(assignment);
    if (!method || !ts.isClassLike(method.parent) || (owner && owner !== method.parent)) return false;
    if (!ts.isConstructorDeclaration(method) && ts.getCombinedModifierFlags(method) & ts.ModifierFlags.Static) return false;
    owner = method.parent;
  }
  return owner !== undefined && constructorStartsAbsent(owner, name, valueMayBeAbsent) !== false;
}

/**
 * `thisPropertyStartsAbsent` for a function-style JavaScript class (`function Queue() { ... }` or
 * `const Queue = function () { ... }`, with methods `Queue.prototype.close = function () { ... }`):
 * every assignment is in that constructor function or in a function assigned to one of its
 * prototype's properties, and the constructor's first top-level `this.x = value` (if any) stores
 * `null`, `undefined`, `void 0` or a value `valueMayBeAbsent` accepts. The constructor is found by
 * name among its file's top-level statements. A base constructor it calls (`Base.call(this)`) that
 * is such a function of the same file must not assign the property first either.
 *
 * @example
 * // const Queue = function Queue(name) { EventEmitter.call(this); this.name = name; };
 * // Queue.prototype.close = function () { if (this.closing) return this.closing; return (this.closing = this.drain()); };
 * functionStylePropertyStartsAbsent(closing) // true: only assigned in close()
 */
function functionStylePropertyStartsAbsent(declarations: readonly ts.Node[], name: string, valueMayBeAbsent: (value: ts.Expression) => boolean): boolean {
  let className: string | undefined;
  for (const declaration of declarations) {
    const assignment = thisPropertyAssignment(declaration);
    const owner = assignment && functionStyleClassOf(assignment);
    if (!owner || (className !== undefined && owner !== className)) return false;
    className = owner;
  }
  const sourceFile = declarations[0]?.getSourceFile();
  if (className === undefined || !sourceFile) return false;
  const visited = new Set<string>();
  const startsAbsent = (constructorName: string): boolean => {
    if (visited.has(constructorName)) return true;
    visited.add(constructorName);
    const constructor = functionStyleConstructor(sourceFile, constructorName);
    if (!constructor?.body || !ts.isBlock(constructor.body)) return constructorName !== className;
    for (const statement of constructor.body.statements) {
      if (!ts.isExpressionStatement(statement)) continue;
      const assignment = thisPropertyAssignment(statement.expression);
      if (assignment?.left.name.text === name) return isNullish(assignment.right) || valueMayBeAbsent(assignment.right);
      const base = baseConstructorCall(statement.expression);
      if (base !== undefined && !startsAbsent(base)) return false;
    }
    return true;
  };
  return startsAbsent(className);
}

/**
 * The name of the function-style class whose instance `this` is in a `this.x = ...` assignment:
 * `F` when it sits (arrow functions see through) in `function F() {...}`, in `const F = function
 * () {...}`, or in a function assigned to `F.prototype.m`. Undefined anywhere else (a class, an
 * object literal's method, `F.create = function () {...}`, a nested callback with its own `this`).
 */
function functionStyleClassOf(assignment: ts.Node): string | undefined {
  let current = assignment.parent;
  while (!ts.isSourceFile(current) && (!ts.isFunctionLike(current) || ts.isArrowFunction(current))) {
    if (ts.isClassLike(current) || ts.isClassStaticBlockDeclaration(current)) return undefined;
    current = current.parent;
  }
  if (ts.isFunctionDeclaration(current)) return current.name?.text;
  if (!ts.isFunctionExpression(current)) return undefined;
  let outer: ts.Node = current;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === outer && ts.isIdentifier(parent.name)) return parent.name.text;
  if (!ts.isBinaryExpression(parent) || parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken || parent.right !== outer) return undefined;
  const target = parent.left;
  if (!ts.isPropertyAccessExpression(target) || !ts.isPropertyAccessExpression(target.expression) || target.expression.name.text !== "prototype") return undefined;
  const owner = target.expression.expression;
  return ts.isIdentifier(owner) ? owner.text : undefined;
}

/** A top-level `function name() {...}` or `const name = function () {...}` of the file. */
function functionStyleConstructor(sourceFile: ts.SourceFile, name: string): ts.FunctionLikeDeclaration | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name && statement.body) return statement;
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const initializer = declaration.initializer && skipParens(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && initializer && ts.isFunctionExpression(initializer)) return initializer;
    }
  }
  return undefined;
}

/** `Base.call(this, ...)` or `Base.apply(this, ...)`: `Base`. */
function baseConstructorCall(expression: ts.Expression): string | undefined {
  const call = skipParens(expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text;
  const base = call.expression.expression;
  if ((method !== "call" && method !== "apply") || !ts.isIdentifier(base) || call.arguments[0]?.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return base.text;
}

/**
 * The first `this.x = value` among a constructor's top-level statements: true when the value is
 * `null`, `undefined`, `void 0` or `valueMayBeAbsent` says it may be absent, false for any other
 * value, undefined when the constructor (if any) does not assign `x` at its top level.
 */
export function constructorStartsAbsent(owner: ts.ClassLikeDeclaration, name: string, valueMayBeAbsent: (value: ts.Expression) => boolean): boolean | undefined {
  const constructor = owner.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined);
  for (const statement of constructor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement)) continue;
    const assignment = thisPropertyAssignment(statement.expression);
    if (assignment?.left.name.text !== name) continue;
    return isNullish(assignment.right) || valueMayBeAbsent(assignment.right);
  }
  return undefined;
}

export function thisPropertyAssignment(node: ts.Node): ThisPropertyAssignment | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const { left } = node;
  if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword || !ts.isIdentifier(left.name)) return undefined;
  return node as ThisPropertyAssignment;
}

/** The method, accessor or constructor whose `this` a node sees (arrow functions see through). */
export function thisContainer(node: ts.Node): ts.MethodDeclaration | ts.ConstructorDeclaration | ts.AccessorDeclaration | undefined {
  for (let current = node.parent; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isMethodDeclaration(current) || ts.isConstructorDeclaration(current) || ts.isAccessor(current)) return current;
    if (ts.isFunctionLike(current) || ts.isClassLike(current) || ts.isClassStaticBlockDeclaration(current)) return undefined;
  }
  return undefined;
}

/** A getter whose body is a single `return value;`: the value. */
export function soleReturnedExpression(getter: ts.GetAccessorDeclaration): ts.Expression | undefined {
  const statements = getter.body?.statements;
  if (statements?.length !== 1) return undefined;
  const [statement] = statements;
  return ts.isReturnStatement(statement) ? statement.expression : undefined;
}

function isCallLike(expr: ts.Expression): boolean {
  const node = skipParens(expr);
  return ts.isCallExpression(node) || ts.isNewExpression(node);
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

/** The position of a signature's rest parameter, or -1. */
function restIndexOf(signature: ts.Signature): number {
  const parameters = signature.getParameters();
  const declaration = parameters[parameters.length - 1]?.valueDeclaration;
  return declaration && ts.isParameter(declaration) && declaration.dotDotDotToken ? parameters.length - 1 : -1;
}
