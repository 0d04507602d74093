/**
 * TypeScript 7's answers to the oracle's hottest questions on the TypeScript 6 nodes the rules
 * hold: `promiseStatus` ("is this value a promise": always / never / may), `promiseArrayStatus`,
 * `functionReturnsPromise`, `writtenFunctionTypeReturnsPromise`, `variableScope` and
 * `declaredParameterExpectsVoid` (misused-promise's "does this parameter expect a function
 * returning void"), the first methods of the coming `Ts7TypeOracle` (ARCHITECTURE.md, port plan
 * step 3). Each follows `Ts6TypeOracle`'s steps exactly so both answer alike
 * (test/engine/ts7.test.ts and `bench/ts7-seam.mjs --parity` compare them): for `promiseStatus`
 * the written type of a named value first, then the declared return types of a call's callee,
 * the call's own (resolved) type last.
 *
 * Every question on a type or symbol handle is a round trip to the compiler process, so every
 * derived fact is cached by id for the snapshot, and `prefetch` asks for a file's expressions in
 * batches ahead of the single questions (ARCHITECTURE.md, "Batching").
 */
import * as ts from "typescript";
import { BUILTIN_COLLECTIONS, constructorStartsAbsent, packageNameOf, isAmbient, isNullish, soleReturnedExpression, thisPropertyAssignment, thisPropertyStartsAbsent, variableStartsUnassigned } from "../ts6TypeOracle";
import { byDeclarationPlace, type DeclarationRef, skipIndirectCallee, skipParens, type PromiseQuery, type Tri, type VariableHandle } from "../typeOracle";
import * as path from "node:path";
import { CancelledError } from "../runner";
import { ast7, sync7, type NodeHandle7, type Node7, type Project7, type Signature7, type Symbol7, type TupleType7, type Type7, type TypeNode7, type TypeReference7 } from "./api";
import type { Ts7File, Ts7Session } from "./session";

function combine(parts: Iterable<Tri>): Tri {
  let sawMay = false;
  for (const part of parts) {
    if (part === "always") return "always";
    if (part === "may") sawMay = true;
  }
  return sawMay ? "may" : "never";
}

/** Over alternatives (overloads): `always` or `never` only when all agree. */
function combineAll(parts: readonly Tri[]): Tri {
  let result: Tri | undefined;
  for (const part of parts) {
    if (result !== undefined && result !== part) return "may";
    result = part;
  }
  return result ?? "never";
}

/** The name whose written type `promiseStatus` reads first: `x`, or `b` of `a.b`. */
function nameOf(node: ts.Expression): ts.Identifier | undefined {
  if (ts.isIdentifier(node)) return node;
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) ? node.name : undefined;
}

/** A callee `Ts6TypeOracle.followCallee` resolves by its name: `f`, `a.f`, `a["f"]` (parentheses and `!` skipped). */
function isFollowedName(callee: ts.Expression): boolean {
  let node = skipIndirectCallee(callee);
  while (ts.isNonNullExpression(node)) node = skipParens(node.expression);
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression));
}

/**
 * TypeScript 7 cannot answer this question with the same nodes TypeScript 6 would: the node, or
 * the declaration the answer is, lies in a file the two compilers do not share (a default lib
 * file: TypeScript 7 ships its own; a file only TypeScript 6's program holds). The `ts7` engine
 * then asks TypeScript 6's oracle, so answers stay exact.
 */
export class AskTs6 extends Error {
  constructor(why: string) {
    super(`TypeScript 7 cannot answer: ${why}`);
  }
}

/** A node from another TypeScript 6 tree than the session's: a mistake of the caller, never "don't know". */
export class NotThisSessionsTree extends Error {
  constructor(fileName: string) {
    super(`${fileName}: not this session's TypeScript 6 tree`);
  }
}

/** A declaration's kind and the names of it and its containers (`InterfaceDeclaration JSON`, `MethodSignature JSON.parse`). */
function declarationKey(declaration: ts.Node): string {
  const names: string[] = [];
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    const name = (node as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.unshift(name.text);
  }
  return `${ts.SyntaxKind[declaration.kind]} ${names.join(".")}`;
}

const declarationIndexes = new WeakMap<ts.SourceFile, Map<string, ts.Node[]>>();

/** The nodes of a tree with that key, in order (the tree's index is built once). */
function declarationsWithKey(sourceFile: ts.SourceFile, key: string): readonly ts.Node[] {
  let index = declarationIndexes.get(sourceFile);
  if (!index) {
    const built = new Map<string, ts.Node[]>();
    const visit = (node: ts.Node): void => {
      if ((node as ts.NamedDeclaration).name !== undefined) {
        const nodeKey = declarationKey(node);
        let list = built.get(nodeKey);
        if (!list) built.set(nodeKey, (list = []));
        list.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    declarationIndexes.set(sourceFile, built);
    index = built;
  }
  return index.get(key) ?? [];
}

/** The largest measure over a union's parts; undefined when any part has none. As in ts6TypeOracle.ts. */
function largestOverParts(parts: readonly Type7[], measure: (part: Type7) => number | undefined): number | undefined {
  let largest = 0;
  for (const part of parts) {
    const value = measure(part);
    if (value === undefined) return undefined;
    largest = Math.max(largest, value);
  }
  return largest;
}

/** The object literal of `module.exports = { … }`. */
function isCommonJsExportsLiteral(node: ts.Node): boolean {
  const assignment = node.parent;
  return (
    ts.isObjectLiteralExpression(node) &&
    ts.isBinaryExpression(assignment) &&
    assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    assignment.right === node &&
    ts.isPropertyAccessExpression(assignment.left) &&
    ts.isIdentifier(assignment.left.expression) &&
    assignment.left.expression.text === "module" &&
    assignment.left.name.text === "exports"
  );
}

function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

type WithType = Node7 & { readonly type?: Node7 };
type WithModifiers = Node7 & { readonly modifiers?: readonly Node7[] };

export class Ts7PromiseFacts {
  private readonly files = new Map<ts.SourceFile, Ts7File>();
  private readonly statusCache = new Map<string, Tri>();
  private readonly builtinPromiseCache = new Map<number, boolean>();
  private readonly declaredReturnCache = new Map<number, readonly Type7[] | null>();
  private readonly writtenTypeCache = new Map<number, Type7 | null>();
  private readonly flags = sync7();
  private readonly kinds = ast7().SyntaxKind;

  /** `options6`: the TypeScript 6 program's compiler options, for the questions that read them (`declaredMayBeAbsent`). */
  constructor(
    private readonly session: Ts7Session,
    private readonly project: Project7,
    private readonly options6?: ts.CompilerOptions,
  ) {}

  /** Questions the compiler failed while alive: each was answered with its "don't know" value. */
  failures = 0;

  /**
   * A question the compiler fails answers "don't know" (`may`, or the method's undefined) instead
   * of throwing: TypeScript 7.0.2 panics on some questions (the type of an empty array literal
   * argument on openai), the request fails and the process lives on. Rules never report on
   * "don't know", so a failure can hide a finding, never invent one. A process that died is not
   * a question that failed: that error goes on (the analysis in flight reports an internal error),
   * and so does a cancellation (`CancelledError`, thrown by the session between questions).
   */
  private guard<T>(dontKnow: T, answer: () => T): T {
    try {
      return answer();
    } catch (error) {
      // A cancelled analysis is no failed question: it must stop, not answer "don't know".
      if (error instanceof NotThisSessionsTree || error instanceof AskTs6 || error instanceof CancelledError || !this.session.responds()) throw error;
      this.failures++;
      return dontKnow;
    }
  }

  /**
   * Is the value of `expr` (a node of the session's TypeScript 6 tree of its file) a promise?
   * As `TypeOracle.promiseStatus`.
   */
  promiseStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.guard("may", () => this.promiseStatusNow(expr, query));
  }

  private promiseStatusNow(expr: ts.Expression, query: PromiseQuery): Tri {
    const status = (type: Type7 | undefined) => this.typeStatus(type, query);
    if (this.writtenTypeSays(expr, status) === "never") return "never";
    return this.statusOf(expr, status);
  }

  /**
   * Is `expr` an array or tuple holding promises (`items.map(async (x) => ...)`)? As
   * `TypeOracle.promiseArrayStatus`: a type parameter counts by its constraint, an `undefined`
   * part leaves the other parts to decide.
   */
  promiseArrayStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.guard("may", () => this.promiseArrayStatusNow(expr, query));
  }

  private promiseArrayStatusNow(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.statusOf(expr, (type) => this.arrayTypeStatus(type, query));
  }

  private arrayTypeStatus(type: Type7 | undefined, query: PromiseQuery): Tri {
    if (!type) return "may";
    const key = `${type.id}:${query.thenables}`;
    const cached = this.arrayStatusCache.get(key);
    if (cached !== undefined) return cached;
    this.arrayStatusCache.set(key, "may"); // cycle guard
    const { TypeFlags } = this.flags;
    const { checker } = this.project;
    let result: Tri;
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) result = "may";
    else if (type.isUnionType()) result = combine(type.getTypes().map((part) => this.arrayTypeStatus(part, query)));
    else if (type.flags & TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      result = constraint && constraint.id !== type.id ? this.arrayTypeStatus(constraint, query) : "may";
    } else if (checker.isArrayType(type) || checker.isTupleType(type)) {
      result = combine(checker.getTypeArguments(type as TypeReference7).map((element) => this.typeStatus(element, query)));
    } else result = "never";
    this.arrayStatusCache.set(key, result);
    return result;
  }

  private readonly arrayStatusCache = new Map<string, Tri>();

  /**
   * `status` of the declared types first (a call's callee's declared return types); when they
   * leave it open and `expr` is a call, of the call's own type. As `Ts6TypeOracle.statusOf`.
   */
  private statusOf(expr: ts.Expression, status: (type: Type7 | undefined) => Tri): Tri {
    const node = skipParens(expr);
    const isCall = ts.isCallExpression(node) || ts.isNewExpression(node);
    const declared = isCall ? this.declaredReturnTypes(node) : null;
    const result = combineAll((declared ?? [this.typeOf(expr)]).map(status));
    if (result !== "may" || !isCall) return result;
    return status(this.typeOf(expr));
  }

  private fileOf(node: ts.Node): Ts7File {
    const sourceFile = node.getSourceFile();
    let file = this.files.get(sourceFile);
    if (!file) {
      if (!this.session.isCallersFile(sourceFile.fileName)) throw new AskTs6(`a node in ${sourceFile.fileName}`);
      const found = this.session.file(this.project, sourceFile.fileName);
      if (!found || found.sourceFile !== sourceFile) throw new NotThisSessionsTree(sourceFile.fileName);
      file = found;
      this.files.set(sourceFile, file);
    }
    return file;
  }

  /**
   * Does calling the value return a promise (a callback handed somewhere)? As
   * `TypeOracle.functionReturnsPromise`: the written type of a named value first, then the
   * value's call signatures, `always`/`never` only when all agree.
   */
  functionReturnsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.guard("may", () => this.functionReturnsPromiseNow(expr, query));
  }

  private functionReturnsPromiseNow(expr: ts.Expression, query: PromiseQuery): Tri {
    const returnsPromise = (type: Type7 | undefined): Tri => {
      if (!type || type.flags & (this.flags.TypeFlags.Any | this.flags.TypeFlags.Unknown)) return "may";
      const signatures = this.callSignaturesOf(type.isUnionType() ? type.getTypes() : [type]);
      if (signatures.length === 0) return "never";
      return combineAll(signatures.map((signature) => this.typeStatus(this.project.checker.getReturnTypeOfSignature(signature), query)));
    };
    if (this.writtenTypeSays(expr, returnsPromise) === "never") return "never";
    return returnsPromise(this.typeOf(expr));
  }

  /** Does a written function type (`() => Promise<void>`, `Handler`) return a promise? As `TypeOracle.writtenFunctionTypeReturnsPromise`. */
  writtenFunctionTypeReturnsPromise(typeNode: ts.TypeNode, query: PromiseQuery): Tri {
    return this.guard("may", () => this.writtenFunctionTypeReturnsPromiseNow(typeNode, query));
  }

  private writtenFunctionTypeReturnsPromiseNow(typeNode: ts.TypeNode, query: PromiseQuery): Tri {
    const node = this.fileOf(typeNode).node7(typeNode);
    const type = node && this.project.checker.getTypeFromTypeNode(node as TypeNode7);
    if (!type || type.flags & (this.flags.TypeFlags.Any | this.flags.TypeFlags.Unknown)) return "may";
    const signatures = this.callSignaturesOf(type.isUnionType() ? type.getTypes() : [type]);
    if (signatures.length === 0) return "never";
    return combineAll(signatures.map((signature) => this.typeStatus(this.project.checker.getReturnTypeOfSignature(signature), query)));
  }

  /**
   * Where the variable an identifier refers to is declared, relative to `fn`: as
   * `TypeOracle.variableScope`. The declaration comes back as a node of the session's TypeScript 6
   * tree of the file (the one `identifier` belongs to), so `fn` is found among its ancestors by
   * identity, as on TypeScript 6.
   */
  variableScope(identifier: ts.Identifier, fn: ts.Node): { scope: "inside" | "outside"; isParameter: boolean; isConst: boolean } | undefined {
    return this.guard(undefined, () => this.variableScopeNow(identifier, fn));
  }

  private variableScopeNow(identifier: ts.Identifier, fn: ts.Node): { scope: "inside" | "outside"; isParameter: boolean; isConst: boolean } | undefined {
    const file = this.fileOf(identifier);
    const symbol = this.symbolOf(identifier);
    const handle = symbol?.valueDeclaration ?? symbol?.declarations[0];
    if (!symbol || !handle) return undefined;
    if (!(symbol.flags & (this.flags.SymbolFlags.Variable | this.flags.SymbolFlags.Property))) return undefined;
    if (this.session.sourceFile6(handle.path) !== file.sourceFile) {
      // Imported bindings are read-only here; their objects are module state of another file.
      return { scope: "outside", isParameter: false, isConst: true };
    }
    const declaration = file.declaration6(handle);
    if (!declaration) return undefined;
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

  /**
   * Does the parameter `expr` is passed to expect a function returning `void`? As
   * `TypeOracle.declaredParameterExpectsVoid`: the whole overload set decides; `never` when any
   * overload accepts a function returning a promise there; undefined when overloads disagree or
   * a parameter's type depends on type arguments.
   */
  declaredParameterExpectsVoid(expr: ts.Expression): Tri | undefined {
    return this.guard("may", () => this.declaredParameterExpectsVoidNow(expr));
  }

  private declaredParameterExpectsVoidNow(expr: ts.Expression): Tri | undefined {
    let argument: ts.Node = expr;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments) return undefined;
    const index = call.arguments.indexOf(argument as ts.Expression);
    if (index < 0 || call.arguments.some((arg) => ts.isSpreadElement(arg))) return undefined;
    const { TypeFlags, SignatureKind } = this.flags;
    const calleeType = this.typeOf(call.expression);
    if (!calleeType || calleeType.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
    const kind = ts.isNewExpression(call) ? SignatureKind.Construct : SignatureKind.Call;
    // The answer depends on the callee's type, the kind of call and the position only.
    const key = `${calleeType.id}:${kind}:${index}`;
    if (this.expectsVoidCache.has(key)) return this.expectsVoidCache.get(key);
    const { checker } = this.project;
    const apparent = checker.getApparentType(calleeType);
    const signatures = apparent ? checker.getSignaturesOfType(apparent, kind) : [];
    const result = signatures.length === 0 ? undefined : this.positionExpectsVoid(signatures, index);
    this.expectsVoidCache.set(key, result);
    return result;
  }

  private readonly expectsVoidCache = new Map<string, Tri | undefined>();

  private positionExpectsVoid(signatures: readonly Signature7[], index: number): Tri | undefined {
    const { TypeFlags } = this.flags;
    let result: Tri | undefined;
    let open = false;
    for (const signature of signatures) {
      const parameterType = this.parameterTypeAt(signature, index);
      if (parameterType === null) continue;
      if (!parameterType || parameterType.flags & (TypeFlags.TypeParameter | TypeFlags.Any | TypeFlags.Unknown)) {
        open = true;
        continue;
      }
      const parts = parameterType.isUnionType() ? parameterType.getTypes() : [parameterType];
      if (parts.some((part) => part.flags & TypeFlags.TypeParameter)) {
        open = true;
        continue;
      }
      const returnTypes = this.callSignaturesOf(parts).map((sig) => this.project.checker.getReturnTypeOfSignature(sig));
      if (returnTypes.some((type) => this.typeStatus(type, { thenables: true }) === "always")) return "never";
      const status: Tri = returnTypes.length > 0 && returnTypes.every((type) => type && type.flags & TypeFlags.Void) ? "always" : "never";
      if (result !== undefined && result !== status) open = true;
      result = status;
    }
    return open ? undefined : result;
  }

  /** As `Ts6TypeOracle.parameterTypeAt`: null past the parameters, undefined where a rest parameter does not say. */
  private parameterTypeAt(signature: Signature7, index: number): Type7 | null | undefined {
    const { checker } = this.project;
    const { ElementFlags } = this.flags;
    const parameters = signature.getParameters();
    const restIndex = this.restIndexOf(signature, parameters);
    if (restIndex < 0 || index < restIndex) {
      const parameter = parameters[index];
      return parameter ? checker.getTypeOfSymbol(parameter) : null;
    }
    const restType = checker.getTypeOfSymbol(parameters[restIndex]);
    if (!restType) return undefined;
    if (checker.isArrayType(restType)) return checker.getTypeArguments(restType as TypeReference7)[0];
    if (!checker.isTupleType(restType)) return undefined;
    const tuple = restType as TypeReference7;
    const flags = (tuple.getTarget() as TupleType7).elementFlags;
    const position = index - restIndex;
    // Before any rest or variadic element, positions map one to one.
    for (let i = 0; i <= position && i < flags.length; i++) {
      if (!((flags[i] ?? 0) & (ElementFlags.Required | ElementFlags.Optional))) return undefined;
    }
    if (position >= flags.length) return flags.some((flag) => flag & (ElementFlags.Rest | ElementFlags.Variadic)) ? undefined : null;
    return checker.getTypeArguments(tuple)[position];
  }

  /**
   * The position of a signature's written rest parameter (`...args`), or -1: as TypeScript 6's
   * `restIndexOf`, which reads the declaration, so a JavaScript function's synthetic rest (it
   * uses `arguments`) is none.
   */
  private restIndexOf(signature: Signature7, parameters: readonly Symbol7[]): number {
    if (!signature.hasRestParameter) return -1;
    const declaration = parameters[parameters.length - 1]?.valueDeclaration?.resolve(this.project);
    const written = declaration?.kind === this.kinds.Parameter && "dotDotDotToken" in declaration && declaration.dotDotDotToken !== undefined;
    return written ? parameters.length - 1 : -1;
  }

  private callSignaturesOf(parts: readonly Type7[]): readonly Signature7[] {
    const { checker } = this.project;
    return parts.flatMap((part) => {
      if (part.flags & (this.flags.TypeFlags.Undefined | this.flags.TypeFlags.Null)) return [];
      const apparent = checker.getApparentType(part);
      return apparent ? checker.getSignaturesOfType(apparent, this.flags.SignatureKind.Call) : [];
    });
  }

  // --- type questions on a value (as Ts6TypeOracle: a node without a TypeScript 7 twin is typed `any`) ---

  /** Does every part of the value's type have a callable `catch`? As `TypeOracle.everyPartHasCatch`. */
  everyPartHasCatch(expr: ts.Expression): boolean {
    return this.guard(false, () => {
      const type = this.typeOf(expr);
      if (!type) return false;
      return (type.isUnionType() ? type.getTypes() : [type]).every((part) => this.hasCallableProperty(part, "catch"));
    });
  }

  /** Is the value a function? As `TypeOracle.functionStatus`. */
  functionStatus(expr: ts.Expression): Tri {
    return this.guard("may", () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const type = this.typeOf(expr);
      if (!type) return "may";
      return combine(
        (type.isUnionType() ? type.getTypes() : [type]).map((part): Tri => {
          if (part.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
          if (part.flags & TypeFlags.TypeParameter && !checker.getBaseConstraintOfType(part)) return "may";
          return this.isCallable(part) ? "always" : "never";
        }),
      );
    });
  }

  /** Can the value be something other than a function? As `TypeOracle.notFunctionStatus`. */
  notFunctionStatus(expr: ts.Expression): Tri {
    return this.guard("may", () => {
      const { TypeFlags } = this.flags;
      const partStatus = (part: Type7): Tri => {
        if (part.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
        if (part.isUnionType()) return combine(part.getTypes().map(partStatus));
        if (part.flags & TypeFlags.TypeParameter) {
          const constraint = this.project.checker.getBaseConstraintOfType(part);
          return constraint && constraint.id !== part.id ? partStatus(constraint) : "may";
        }
        return this.isCallable(part) ? "never" : "always";
      };
      const type = this.typeOf(expr);
      return type ? partStatus(type) : "may";
    });
  }

  /** The value is typed `any` or `unknown`. As `TypeOracle.isUntyped`. */
  isUntyped(expr: ts.Expression): boolean {
    return this.guard(true, () => {
      const type = this.typeOf(expr);
      return !type || (type.flags & (this.flags.TypeFlags.Any | this.flags.TypeFlags.Unknown)) !== 0;
    });
  }

  /** Can the value be `null` or `undefined`? As `TypeOracle.nullishStatus`. */
  nullishStatus(expr: ts.Expression): Tri {
    const { TypeFlags } = this.flags;
    return this.guard("may", () => this.flagStatus(expr, TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void, false));
  }

  /** Can the value be a number? As `TypeOracle.numberStatus`. */
  numberStatus(expr: ts.Expression): Tri {
    return this.guard("may", () => this.flagStatus(expr, this.flags.TypeFlags.NumberLike, true));
  }

  private flagStatus(expr: ts.Expression, flags: number, splitIntersections: boolean): Tri {
    const { TypeFlags } = this.flags;
    const status = (type: Type7): Tri => {
      if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
      if (type.isUnionType() || (splitIntersections && type.isIntersectionType())) return combine(type.getTypes().map(status));
      if (type.flags & TypeFlags.TypeParameter) {
        const constraint = this.project.checker.getBaseConstraintOfType(type);
        return constraint ? status(constraint) : "may";
      }
      return type.flags & flags ? "always" : "never";
    };
    const type = this.typeOf(expr);
    return type ? status(type) : "may";
  }

  /** The number of call signatures of a type's apparent type, cached by type id. */
  private callSignatureCount(type: Type7): number {
    let count = this.callSignatureCounts.get(type.id);
    if (count === undefined) {
      const apparent = this.project.checker.getApparentType(type);
      count = apparent ? this.project.checker.getSignaturesOfType(apparent, this.flags.SignatureKind.Call).length : 0;
      this.callSignatureCounts.set(type.id, count);
    }
    return count;
  }

  private readonly callSignatureCounts = new Map<number, number>();

  /** As `Ts6TypeOracle.isCallable`: call signatures, or the default lib's `Function`. */
  private isCallable(type: Type7): boolean {
    if (this.callSignatureCount(type) > 0) return true;
    const symbol = type.getSymbol();
    return symbol !== undefined && symbol.name === "Function" && this.isDeclaredInDefaultLib(symbol);
  }

  /**
   * Is `expr` the global `Promise` constructor (the default lib's `Promise` value, directly, as
   * `globalThis.Promise` or through a `const` copy)? As `TypeOracle.isGlobalPromiseConstructor`.
   */
  isGlobalPromiseConstructor(expr: ts.Expression): boolean {
    return this.guard(false, () => {
      const symbol = this.followCallee(expr, 0);
      return symbol !== undefined && symbol.name === "Promise" && (symbol.flags & this.flags.SymbolFlags.Variable) !== 0 && this.isDeclaredInDefaultLib(symbol);
    });
  }

  private isDeclaredInDefaultLib(symbol: Symbol7): boolean {
    return symbol.declarations.some((declaration) => this.project.program.getSourceFileMetadataByPath(declaration.path)?.isDefaultLibrary === true);
  }

  /**
   * The symbol a callee names, `const` copies and destructuring followed (at most 4 steps), as
   * `Ts6TypeOracle.followCallee`. A declaration in a declaration file TypeScript 6 does not share
   * (a default lib file) has no initializer to follow: ambient declarations hold none but literals.
   */
  private followCallee(expr: ts.Expression, depth: number): Symbol7 | undefined {
    let node = skipIndirectCallee(expr);
    while (ts.isNonNullExpression(node)) node = skipParens(node.expression);
    let name: ts.Node;
    if (ts.isIdentifier(node)) name = node;
    else if (ts.isPropertyAccessExpression(node)) name = node.name;
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) name = node.argumentExpression;
    else return undefined;
    let symbol = this.symbolOf(name);
    if (symbol && symbol.flags & this.flags.SymbolFlags.Alias) symbol = this.project.checker.getAliasedSymbol(symbol);
    const handle = symbol?.valueDeclaration;
    if (!symbol || !handle || depth >= 4) return symbol;
    if (!this.session.isCallersFile(handle.path)) {
      if (/\.d\.[cm]?ts$/.test(handle.path)) return symbol;
      throw new AskTs6(`a declaration in ${handle.path}`);
    }
    const declaration = this.fileOf(name).declaration6(handle);
    if (!declaration) throw new AskTs6(`no TypeScript 6 twin of a declaration in ${handle.path}`);
    if (ts.isVariableDeclaration(declaration) && isConstDeclaration(declaration) && declaration.initializer) {
      const initializer = skipParens(declaration.initializer);
      if (ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer)) return this.followCallee(initializer, depth + 1) ?? symbol;
      return symbol;
    }
    if (ts.isBindingElement(declaration) && !declaration.dotDotDotToken && ts.isObjectBindingPattern(declaration.parent)) {
      const variable = declaration.parent.parent;
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isVariableDeclaration(variable) || !isConstDeclaration(variable) || !variable.initializer) return symbol;
      if (!(ts.isIdentifier(key) || ts.isStringLiteral(key))) return symbol;
      const { checker } = this.project;
      const source = this.typeOf(variable.initializer);
      const apparent = source && checker.getApparentType(source);
      return (apparent && checker.getPropertyOfType(apparent, key.text)) ?? symbol;
    }
    return symbol;
  }

  /** Is `expr` where a function returning `void` is expected? As `TypeOracle.expectsVoidFunction`. */
  expectsVoidFunction(expr: ts.Expression): Tri {
    return this.guard("may", () => {
      const declared = this.declaredParameterExpectsVoidNow(expr);
      if (declared !== undefined) return declared;
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const contextual = checker.getContextualType(this.sharedNode7(expr) as Parameters<typeof checker.getContextualType>[0]);
      if (!contextual) return "never";
      if (contextual.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
      const signatures = this.callSignaturesOf(contextual.isUnionType() ? contextual.getTypes() : [contextual]);
      if (signatures.length === 0) return "never";
      return signatures.every((signature) => (checker.getReturnTypeOfSignature(signature)?.flags ?? 0) & TypeFlags.Void) ? "always" : "never";
    });
  }

  /** Does a function declaration return a promise on some path? As `TypeOracle.declarationReturnsPromise`. */
  declarationReturnsPromise(fn: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    return this.guard("may", () => {
      const { checker } = this.project;
      if (fn.type) return this.typeStatus(checker.getTypeFromTypeNode(this.sharedNode7(fn.type) as TypeNode7), query);
      const signature = checker.getSignatureFromDeclaration(this.sharedNode7(fn));
      return signature ? this.typeStatus(checker.getReturnTypeOfSignature(signature), query) : "may";
    });
  }

  /** Does the value's apparent type have a property `name`? As `TypeOracle.hasProperty`. */
  hasProperty(expr: ts.Expression, name: string): boolean {
    return this.guard(false, () => {
      const type = this.typeOf(expr);
      const apparent = type && this.project.checker.getApparentType(type);
      return apparent !== undefined && this.project.checker.getPropertyOfType(apparent, name) !== undefined;
    });
  }

  /**
   * The first heritage base whose member of the same name is a method every signature of which is
   * written to return `void`. As `TypeOracle.voidReturningBaseOf`.
   */
  voidReturningBaseOf(member: ts.MethodDeclaration | ts.PropertyDeclaration | ts.MethodSignature | ts.PropertySignature): string | undefined {
    return this.guard(undefined, () => {
      const owner = member.parent;
      if (!(ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) || !owner.heritageClauses) return undefined;
      const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
      if (name === undefined) return undefined;
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      for (const clause of owner.heritageClauses) {
        for (const heritage of clause.types) {
          const baseType = this.typeOf(heritage);
          if (!baseType || baseType.flags & (TypeFlags.Any | TypeFlags.Unknown)) continue;
          const apparent = checker.getApparentType(baseType);
          const property = apparent && checker.getPropertyOfType(apparent, name);
          const propertyType = property && checker.getTypeOfSymbol(property);
          if (!propertyType) continue;
          const signatures = this.callSignaturesOf(propertyType.isUnionType() ? propertyType.getTypes() : [propertyType]);
          if (signatures.length === 0) continue;
          if (signatures.every((signature) => this.writtenReturn(signature) && (checker.getReturnTypeOfSignature(signature)?.flags ?? 0) & TypeFlags.Void)) {
            return heritage.expression.getText(member.getSourceFile());
          }
        }
      }
      return undefined;
    });
  }

  /** Whether a signature's return type is written (an annotation, or JSDoc `@returns`): as in `Ts6TypeOracle.voidReturningBaseOf`. */
  private writtenReturn(signature: Signature7): boolean {
    const handle = signature.declaration;
    if (!handle) return false;
    if (!this.session.isCallersFile(handle.path)) {
      // A declaration file TypeScript 6 does not share (a default lib file): no JSDoc types there.
      if (!/\.d\.[cm]?ts$/.test(handle.path)) throw new AskTs6(`a signature in ${handle.path}`);
      const node = handle.resolve(this.project);
      return node !== undefined && "type" in node && node.type !== undefined;
    }
    const tree = this.session.sourceFile6(handle.path);
    const declaration = tree && this.fileOf(tree).declaration6(handle);
    if (!declaration) throw new AskTs6(`no TypeScript 6 twin of a signature in ${handle.path}`);
    if (ts.isJSDocSignature(declaration)) return declaration.type !== undefined;
    if (!ts.isFunctionLike(declaration)) throw new AskTs6(`a signature declared by a ${ts.SyntaxKind[declaration.kind]}`);
    return declaration.type !== undefined || ts.getJSDocReturnType(declaration) !== undefined;
  }

  /** Is every part of the value's type a promise? As `TypeOracle.everyPartIsPromise`. */
  everyPartIsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.guard("may", () => {
      if (this.writtenTypeSays(expr, (type) => this.typeStatus(type, query)) === "never") return "never";
      if (this.mayBeAbsent(expr, 0)) return "never";
      return this.statusOf(expr, (type) => {
        if (!type) return "may";
        let sawMay = false;
        for (const part of type.isUnionType() ? type.getTypes() : [type]) {
          const status = this.typeStatus(part, query);
          if (status === "never") return "never";
          if (status === "may") sawMay = true;
        }
        return sawMay ? "may" : "always";
      });
    });
  }

  /** Does the code say this value may be absent? As `TypeOracle.declaredMayBeAbsent` (syntax read on TypeScript 6 trees). */
  declaredMayBeAbsent(expr: ts.Expression): boolean {
    return this.guard(false, () => this.mayBeAbsent(expr, 0));
  }

  private mayBeAbsent(expr: ts.Expression, depth: number): boolean {
    const node = skipParens(expr);
    if (depth > 3) return false;
    if (ts.isElementAccessExpression(node)) {
      const key = skipParens(node.argumentExpression);
      return !ts.isStringLiteralLike(key) && !ts.isNumericLiteral(key);
    }
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return false;
      const { checker } = this.project;
      const calleeType = this.typeOf(node.expression);
      const apparent = calleeType && checker.getApparentType(calleeType);
      const signatures = apparent ? checker.getSignaturesOfType(apparent, this.flags.SignatureKind.Call) : [];
      return signatures.some((signature) => {
        // Only syntax is read here, so a declaration in a file TypeScript 6 does not share is read in the session's own parse of it.
        const declaration = signature.declaration && this.fileOf(node).declaration6(signature.declaration);
        const type = declaration && (declaration as { type?: ts.TypeNode }).type;
        return type !== undefined && this.typeNodeNamesAbsence(type, 0);
      });
    }
    let name: ts.Node;
    if (ts.isIdentifier(node)) name = node;
    else if (ts.isPropertyAccessExpression(node)) name = node.name;
    else return false;
    if (ts.isOptionalChain(node)) return true;
    let symbol = this.symbolOf(name);
    if (symbol && symbol.flags & this.flags.SymbolFlags.Alias) symbol = this.project.checker.getAliasedSymbol(symbol);
    return symbol !== undefined && this.symbolMayBeAbsent(symbol, depth);
  }

  /**
   * The symbol at a node of any TypeScript 6 tree the session has, asked by position: valid in a
   * file both compilers share and in the session's own parse of a file TypeScript 7 read (the
   * same text), such as its lib files.
   */
  private symbolAnywhere(node: ts.Node): Symbol7 | undefined {
    const fileName = node.getSourceFile().fileName;
    if (this.session.isCallersFile(fileName)) return this.symbolOf(node);
    if (this.session.sourceFile6(fileName) !== node.getSourceFile()) throw new AskTs6(`a node of another tree of ${fileName}`);
    return this.session.file(this.project, fileName)?.symbolsOf([node])[0];
  }

  /** A declaration of a symbol as a TypeScript 6 node, for its syntax; `AskTs6` where there is none. */
  private declarationSyntax(handle: NodeHandle7): ts.Node {
    // Any file's tree will do: only the handle's own file is read (the session's own parse where the caller has none).
    const declaration = this.session.file(this.project, handle.path)?.declaration6(handle);
    if (!declaration) throw new AskTs6(`no TypeScript 6 twin of a declaration in ${handle.path}`);
    return declaration;
  }

  private symbolMayBeAbsent(symbol: Symbol7, depth: number): boolean {
    const handle = symbol.valueDeclaration;
    if (!handle) return false;
    const declaration = this.declarationSyntax(handle);
    if ((ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration)) && declaration.questionToken) return true;
    if (ts.isPropertyDeclaration(declaration) && this.fieldStartsUnassigned(declaration, depth)) return true;
    if (ts.isVariableDeclaration(declaration) && variableStartsUnassigned(declaration)) return true;
    if (thisPropertyAssignment(declaration)) return this.thisPropertyStartsAbsent(symbol, depth);
    if (ts.isGetAccessorDeclaration(declaration)) {
      const returned = soleReturnedExpression(declaration);
      return returned !== undefined && this.mayBeAbsent(returned, depth + 1);
    }
    if (ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isVariableDeclaration(declaration)) {
      const initializer = ts.isPropertySignature(declaration) ? undefined : declaration.initializer;
      if (initializer && isNullish(initializer)) return true;
      if (declaration.type && this.typeNodeNamesAbsence(declaration.type, 0)) return true;
      return initializer !== undefined && this.mayBeAbsent(initializer, depth + 1);
    }
    return false;
  }

  private fieldStartsUnassigned(field: ts.PropertyDeclaration, depth: number): boolean {
    const options = this.options6;
    if (!options) throw new AskTs6("the TypeScript 6 program's compiler options are not known");
    const strictNullChecks = options.strictNullChecks ?? options.strict ?? false;
    if (strictNullChecks && (options.strictPropertyInitialization ?? options.strict ?? false)) return false;
    if (field.initializer || field.exclamationToken || !ts.isIdentifier(field.name) || isAmbient(field)) return false;
    if (ts.getCombinedModifierFlags(field) & ts.ModifierFlags.Abstract) return false;
    return ts.isClassLike(field.parent) && constructorStartsAbsent(field.parent, field.name.text, (value) => this.mayBeAbsent(value, depth + 1)) !== false;
  }

  private thisPropertyStartsAbsent(symbol: Symbol7, depth: number): boolean {
    const declarations = symbol.declarations.map((handle) => this.declarationSyntax(handle));
    return thisPropertyStartsAbsent(declarations, symbol.name, (value) => this.mayBeAbsent(value, depth + 1));
  }

  private typeNodeNamesAbsence(type: ts.TypeNode, depth: number): boolean {
    if (ts.isParenthesizedTypeNode(type)) return this.typeNodeNamesAbsence(type.type, depth);
    if (ts.isUnionTypeNode(type)) return type.types.some((part) => this.typeNodeNamesAbsence(part, depth));
    if (type.kind === ts.SyntaxKind.UndefinedKeyword || type.kind === ts.SyntaxKind.VoidKeyword) return true;
    if (ts.isLiteralTypeNode(type)) return type.literal.kind === ts.SyntaxKind.NullKeyword;
    if (ts.isTypeReferenceNode(type) && depth < 3) {
      // By position TypeScript 7 answers for the token there: `A.B` is asked at `B`, the name the whole resolves to.
      let symbol = this.symbolAnywhere(ts.isQualifiedName(type.typeName) ? type.typeName.right : type.typeName);
      if (symbol && symbol.flags & this.flags.SymbolFlags.Alias) symbol = this.project.checker.getAliasedSymbol(symbol);
      const alias = (symbol?.declarations ?? []).map((handle) => this.declarationSyntax(handle)).find(ts.isTypeAliasDeclaration);
      return alias !== undefined && this.typeNodeNamesAbsence(alias.type, depth + 1);
    }
    return false;
  }

  /** Is the value a built-in collection? As `TypeOracle.collectionStatus`. */
  collectionStatus(expr: ts.Expression): Tri {
    return this.guard("may", () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const seen = new Set<number>();
      const status = (current: Type7): Tri => {
        if (current.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
        if (current.isUnionType()) {
          const parts = current.getTypes().filter((part) => !(part.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)));
          return parts.length === 0 ? "never" : combineAll(parts.map(status));
        }
        if (current.flags & TypeFlags.TypeParameter) {
          const constraint = checker.getBaseConstraintOfType(current);
          return constraint && constraint.id !== current.id ? status(constraint) : "may";
        }
        return this.isBuiltinCollection(current, seen) ? "always" : "never";
      };
      const type = this.typeOf(expr);
      return type ? status(type) : "may";
    });
  }

  private isBuiltinCollection(type: Type7, seen: Set<number>): boolean {
    const { checker } = this.project;
    const { ObjectFlags, TypeFlags } = this.flags;
    if (checker.isArrayType(type) || checker.isTupleType(type)) return true;
    const target = type.isObjectType() && type.objectFlags & ObjectFlags.Reference ? (type as TypeReference7).getTarget() : type;
    if (seen.has(target.id)) return false;
    seen.add(target.id);
    const symbol = target.getSymbol();
    if (symbol && BUILTIN_COLLECTIONS.has(symbol.name) && this.isDeclaredInDefaultLib(symbol)) return true;
    if (target.flags & TypeFlags.Object && target.isClassOrInterface()) return checker.getBaseTypes(target).some((base) => this.isBuiltinCollection(base, seen));
    return false;
  }

  /**
   * The variable an identifier refers to, as a handle: one object per TypeScript 7 symbol (so
   * handles compare with `===` as TypeScript 6's symbols do), holding the first identifier it was
   * asked for (`identifierOf`: what TypeScript 6 is asked with when a question about the variable
   * is not ported). As `TypeOracle.variableOf`.
   */
  variableOf(identifier: ts.Identifier): VariableHandle | undefined {
    return this.guard(undefined, () => {
      const shorthand = ts.isShorthandPropertyAssignment(identifier.parent) && identifier.parent.name === identifier;
      const symbol = shorthand ? this.project.checker.getShorthandAssignmentValueSymbol(this.sharedNode7(identifier.parent)) : this.symbolOf(identifier);
      if (!symbol) return undefined;
      let handle = this.variableHandles.get(symbol.id);
      if (!handle) {
        handle = {};
        this.variableHandles.set(symbol.id, handle);
        this.handleIdentifiers.set(handle, identifier);
      }
      return handle;
    });
  }

  /** The identifier a `variableOf` handle was first asked for; undefined for a handle of another oracle. */
  identifierOf(handle: VariableHandle): ts.Identifier | undefined {
    return this.handleIdentifiers.get(handle);
  }

  private readonly variableHandles = new Map<number, VariableHandle>();
  private readonly handleIdentifiers = new WeakMap<VariableHandle, ts.Identifier>();

  /** Does a spread argument hand promise-returning functions to `void` positions? As `TypeOracle.spreadFillsVoidPositions`. */
  spreadFillsVoidPositions(spread: ts.SpreadElement, query: PromiseQuery): Tri {
    return this.guard("may", () => {
      const call = spread.parent;
      if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments) return "never";
      const index = call.arguments.indexOf(spread);
      if (index < 0 || call.arguments.slice(0, index).some((arg) => ts.isSpreadElement(arg))) return "may";
      const { TypeFlags, SignatureKind, ElementFlags } = this.flags;
      const { checker } = this.project;
      const calleeType = this.typeOf(call.expression);
      if (!calleeType || calleeType.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
      const kind = ts.isNewExpression(call) ? SignatureKind.Construct : SignatureKind.Call;
      const apparent = checker.getApparentType(calleeType);
      const signatures = apparent ? checker.getSignaturesOfType(apparent, kind) : [];
      if (signatures.length === 0) return "never";
      const spreadType = this.typeOf(spread.expression);
      if (!spreadType) return "may";
      let elements: { type: Type7 | undefined; position: number }[];
      if (checker.isArrayType(spreadType)) {
        const element = checker.getTypeArguments(spreadType as TypeReference7)[0];
        const restIndexes = signatures.map((signature) => this.restIndexOf(signature, signature.getParameters()));
        if (!element || !restIndexes.every((rest) => rest >= 0 && rest <= index)) return "may";
        elements = [{ type: element, position: index }];
      } else if (checker.isTupleType(spreadType)) {
        const tuple = spreadType as TypeReference7;
        if (!(tuple.getTarget() as TupleType7).elementFlags.every((flag) => flag & ElementFlags.Required)) return "may";
        elements = checker.getTypeArguments(tuple).map((type, k) => ({ type, position: index + k }));
      } else return "may";
      let sawPromise = false;
      for (const { type, position } of elements) {
        if (!type) continue;
        const callSignatures = this.callSignaturesOf(type.isUnionType() ? type.getTypes() : [type]);
        if (callSignatures.length === 0) continue;
        const returns = callSignatures.map((signature) => this.typeStatus(checker.getReturnTypeOfSignature(signature), query));
        if (!returns.every((status) => status === "always")) continue;
        if (this.positionExpectsVoid(signatures, position) !== "always") continue;
        sawPromise = true;
      }
      return sawPromise ? "always" : "never";
    });
  }

  /** `expectsVoidFunction` for a method written in an object literal. As `TypeOracle.expectsVoidFunctionForMember`. */
  expectsVoidFunctionForMember(member: ts.MethodDeclaration | ts.ShorthandPropertyAssignment): Tri {
    return this.guard("may", () => {
      const literal = member.parent;
      if (!ts.isObjectLiteralExpression(literal)) return "never";
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const found = checker.getContextualType(this.sharedNode7(literal) as Parameters<typeof checker.getContextualType>[0]);
      if (!found || found.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "never";
      const contextual = checker.getNonNullableType(found);
      const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
      if (name === undefined || !contextual) return "never";
      const apparent = checker.getApparentType(contextual);
      if (!apparent) return "never";
      const property = checker.getPropertyOfType(apparent, name);
      const memberType = property
        ? checker.getTypeOfSymbol(property)
        : checker.getIndexInfosOfType(apparent).find((info) => info.keyType.flags & TypeFlags.String)?.valueType;
      if (!memberType) return "never";
      const signatures = this.callSignaturesOf(memberType.isUnionType() ? memberType.getTypes() : [memberType]);
      if (signatures.length === 0) return "never";
      return signatures.every((signature) => (checker.getReturnTypeOfSignature(signature)?.flags ?? 0) & TypeFlags.Void) ? "always" : "never";
    });
  }

  /**
   * Which declaration is the slot a value is stored into: the property of an object literal's
   * contextual type, of an assignment target's object, or of a class's heritage types. As
   * `TypeOracle.slotDeclarations` (`Ts6TypeOracle.slotDeclarations`' steps).
   */
  slotDeclarations(member: ts.ObjectLiteralElementLike | ts.ClassElement | ts.PropertyAccessExpression): DeclarationRef[] | undefined {
    return this.guard(undefined, () => {
      const nameNode = member.name;
      const name = nameNode && (ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) || ts.isPrivateIdentifier(nameNode)) ? nameNode.text : undefined;
      if (name === undefined) return undefined;
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const owner = member.parent;
      if (ts.isPropertyAccessExpression(member)) return this.propertyDeclarationsOf(this.typeOf(member.expression), name);
      if (ts.isObjectLiteralExpression(owner)) {
        return this.propertyDeclarationsOf(checker.getContextualType(this.sharedNode7(owner) as Parameters<typeof checker.getContextualType>[0]), name);
      }
      if (!ts.isClassLike(owner) || !owner.heritageClauses) return undefined;
      const refs: DeclarationRef[] = [];
      for (const clause of owner.heritageClauses) {
        for (const heritage of clause.types) {
          const baseType = this.typeOf(heritage);
          if (!baseType || baseType.flags & (TypeFlags.Any | TypeFlags.Unknown)) continue;
          const apparent = checker.getApparentType(baseType);
          const property = apparent && checker.getPropertyOfType(apparent, name);
          for (const handle of property?.declarations ?? []) refs.push(this.describe(handle));
        }
      }
      return refs.length > 0 ? refs.sort(byDeclarationPlace) : undefined;
    });
  }

  /** The declarations of property `name` in every part of `type` (nullish parts left out). As `Ts6TypeOracle`'s. */
  private propertyDeclarationsOf(type: Type7 | undefined, name: string): DeclarationRef[] | undefined {
    const { TypeFlags } = this.flags;
    const { checker } = this.project;
    if (!type || type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return undefined;
    const nonNullable = checker.getNonNullableType(type);
    if (!nonNullable || nonNullable.flags & TypeFlags.Never) return undefined;
    const refs: DeclarationRef[] = [];
    for (const part of nonNullable.isUnionType() ? nonNullable.getTypes() : [nonNullable]) {
      if (part.flags & (TypeFlags.Any | TypeFlags.Unknown)) return undefined;
      const apparent = checker.getApparentType(part);
      const declarations = apparent && checker.getPropertyOfType(apparent, name)?.declarations;
      if (!declarations || declarations.length === 0) return undefined;
      for (const handle of declarations) refs.push(this.describe(handle));
    }
    return refs.sort(byDeclarationPlace);
  }

  // --- declarations ---

  /** The declaration a call resolves to. As `TypeOracle.calleeDeclaration`. */
  calleeDeclaration(call: ts.CallExpression | ts.NewExpression): DeclarationRef | undefined {
    return this.guard(undefined, () => {
      const signature = this.project.checker.getResolvedSignature(this.sharedNode7(call));
      const handle = signature?.declaration;
      if (handle && !ts.isJSDocSignature(this.declarationSyntax(handle))) return this.describe(handle);
      // As TypeScript 6's `getSymbolAtLocation` of the callee: a name, or the name of a property access.
      const callee = call.expression;
      const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
      if (!name) throw new AskTs6(`the symbol of a ${ts.SyntaxKind[callee.kind]} callee`);
      let symbol = this.symbolOf(name);
      if (symbol && symbol.flags & this.flags.SymbolFlags.Alias) symbol = this.project.checker.getAliasedSymbol(symbol);
      const first = symbol?.declarations[0];
      return first ? this.describe(first) : undefined;
    });
  }

  /**
   * The declaration of a call's resolved signature, as the node of the program's trees
   * (`programDeclaration`): what `checker.getResolvedSignature(call)?.declaration` gives on
   * TypeScript 6. Undefined when there is none or the question fails.
   */
  resolvedSignatureDeclaration(call: ts.CallExpression): ts.Node | undefined {
    return this.guard(undefined, () => {
      const handle = this.project.checker.getResolvedSignature(this.sharedNode7(call))?.declaration;
      return handle ? this.programDeclaration(handle) : undefined;
    });
  }

  /**
   * The declarations of the symbol at a name, as nodes of the program's trees (aliases followed
   * when asked): `Ts6TypeOracle.declarationsAt` answered by TypeScript 7 for the project scans. A
   * name (identifier, private name, or the name of a property access); anything else, and a
   * failed question, asks TypeScript 6 (`AskTs6`): a wrong "nothing" would change the scans.
   */
  declarationsAt(node: ts.Node, followAlias: boolean): readonly ts.Declaration[] | undefined {
    const name = ts.isPropertyAccessExpression(node) ? node.name : node;
    if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) throw new AskTs6(`the symbol of a ${ts.SyntaxKind[node.kind]}`);
    const failuresBefore = this.failures;
    const handles = this.guard(undefined, () => {
      let symbol = this.symbolOf(name);
      if (followAlias && symbol && symbol.flags & this.flags.SymbolFlags.Alias) symbol = this.project.checker.getAliasedSymbol(symbol);
      return symbol ? [...symbol.declarations] : [];
    });
    if (this.failures !== failuresBefore || handles === undefined) throw new AskTs6("TypeScript 7 failed a symbol question");
    return handles.length === 0 ? undefined : handles.map((handle) => this.programDeclaration(handle) as ts.Declaration);
  }

  private runsOnNode: boolean | undefined;

  /** Whether the global `NodeJS` namespace resolves (`@types/node`). As `TypeOracle.programRunsOnNode`. */
  programRunsOnNode(): boolean {
    if (this.runsOnNode === undefined) {
      try {
        this.runsOnNode = this.project.checker.resolveName("NodeJS", this.flags.SymbolFlags.Namespace, undefined, false) !== undefined;
      } catch (error) {
        if (!this.session.responds()) throw error;
        this.failures++;
        throw new AskTs6("TypeScript 7 failed to resolve the global `NodeJS`");
      }
    }
    return this.runsOnNode;
  }

  /**
   * The declarations a value names, copies and destructuring followed as for a callee
   * (`Ts6TypeOracle.followCallee`), as nodes of the program's trees: what
   * `projectImplementationsOfValue` starts from. `AskTs6` where `calleeTarget` asks TypeScript 6.
   */
  valueDeclarations(expr: ts.Identifier | ts.PropertyAccessExpression): readonly ts.Declaration[] | undefined {
    return this.guard(undefined, () => this.targetOf(expr)?.declarations);
  }

  /** What the callee names, copies and destructuring followed. As `TypeOracle.calleeTarget`. */
  calleeTarget(call: ts.CallExpression | ts.NewExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    return this.guard(undefined, () => this.targetOf(call.expression));
  }

  private targetOf(callee: ts.Expression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    const symbol = this.followCallee(callee, 0);
    const handles = symbol?.declarations ?? [];
    const javaScript = /\.[cm]?jsx?$/i.test(callee.getSourceFile().fileName);
    // TypeScript 7 models CommonJS otherwise than TypeScript 6: a callee it cannot resolve in
    // JavaScript (`this.#progress.off()`, a private field set in the constructor) may be one
    // TypeScript 6 resolves.
    if (handles.length === 0) {
      // TypeScript 6 follows names only (`Ts6TypeOracle.followCallee`): any other callee (`f()()`, `(a || b)()`) is unresolved there too.
      if (javaScript && isFollowedName(callee)) throw new AskTs6("an unresolved callee in JavaScript");
      return undefined;
    }
    // Handed to the rules (bodies are walked): nodes of the trees they walk, or TypeScript 6 answers.
    const declarations = handles.map((handle) => this.programDeclaration(handle) as ts.Declaration);
    // `module.exports = { explainNode }`: TypeScript 7 stops at the object literal's property,
    // TypeScript 6 goes on to the function it names.
    if (declarations.some((declaration) => ts.isShorthandPropertyAssignment(declaration) && isCommonJsExportsLiteral(declaration.parent))) {
      throw new AskTs6("a CommonJS `module.exports = { … }` property");
    }
    return { ref: this.describe(handles[0]), declarations };
  }

  /**
   * A declaration as the node of the TypeScript 6 program's tree (the rules may walk it or compare
   * it): in a shared file, its twin; in a default lib file (TypeScript 7 ships its own), the
   * declaration of the same kind and qualified name, the same one among its overloads, in
   * TypeScript 6's lib file of the same name; else `AskTs6`.
   */
  private programDeclaration(handle: NodeHandle7): ts.Node {
    if (this.session.isCallersFile(handle.path)) return this.declarationSyntax(handle);
    const isDefaultLib = this.project.program.getSourceFileMetadataByPath(handle.path)?.isDefaultLibrary === true;
    const lib6 = isDefaultLib && this.options6 ? this.session.callersTree(path.join(path.dirname(ts.getDefaultLibFilePath(this.options6)), path.basename(handle.path))) : undefined;
    if (!lib6) throw new AskTs6(`a declaration in ${handle.path}`);
    const own = this.declarationSyntax(handle);
    const key = declarationKey(own);
    const index = declarationsWithKey(own.getSourceFile(), key).indexOf(own);
    const twins = declarationsWithKey(lib6, key);
    if (index < 0 || twins.length !== declarationsWithKey(own.getSourceFile(), key).length) throw new AskTs6(`no twin of ${key} in ${lib6.fileName}`);
    return twins[index];
  }

  /**
   * Where a declaration lives, as `Ts6TypeOracle.describeDeclaration` (read on its TypeScript 6
   * syntax); a default lib declaration is named by TypeScript 6's file of the same name.
   */
  private describe(handle: NodeHandle7): DeclarationRef {
    const declaration = this.declarationSyntax(handle);
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
        (node === declaration || ts.isModuleDeclaration(node) || ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node))
      ) {
        names.unshift(name.text);
      }
    }
    const isDefaultLib = this.project.program.getSourceFileMetadataByPath(handle.path)?.isDefaultLibrary === true;
    let fileName = sourceFile.fileName;
    if (isDefaultLib && !this.session.isCallersFile(handle.path)) {
      if (!this.options6) throw new AskTs6("the TypeScript 6 program's compiler options are not known");
      fileName = path.join(path.dirname(ts.getDefaultLibFilePath(this.options6)), path.basename(handle.path)).replace(/\\/g, "/");
    }
    module ??= packageNameOf(fileName);
    return { module, fileName, qualifiedName: names.join("."), isDefaultLib };
  }

  /** Does a written type have a `[Symbol.dispose]` member returning `void` on every signature? As `TypeOracle.disposeReturnsVoid`. */
  disposeReturnsVoid(typeNode: ts.TypeNode): boolean {
    return this.guard(false, () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const type = checker.getTypeFromTypeNode(this.sharedNode7(typeNode) as TypeNode7);
      if (!type || type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return false;
      const statuses = this.disposeMembersOf(type).map(({ signatures }) =>
        combineAll(signatures.map((signature): Tri => ((checker.getReturnTypeOfSignature(signature)?.flags ?? 0) & TypeFlags.Void ? "always" : "never"))),
      );
      return combine(statuses) === "always";
    });
  }

  /**
   * Does calling the value's `[Symbol.dispose]` member return a promise, and the member's
   * declarations (nodes of the program's trees: the rule reads their bodies)? As
   * `TypeOracle.disposeReturnsPromise` (the steps of `disposeReturnsVoid`, on the value's type).
   */
  disposeReturnsPromise(expr: ts.Expression, query: PromiseQuery, awaitUsing = false): { status: Tri; declarations: readonly ts.Declaration[] } {
    return this.guard({ status: "may", declarations: [] }, () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const type = this.typeOf(expr);
      if (!type || type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return { status: "may", declarations: [] };
      const members = this.disposeMembersOf(type, awaitUsing);
      return {
        status: combine(members.map(({ signatures }) => combineAll(signatures.map((signature) => this.typeStatus(checker.getReturnTypeOfSignature(signature), query))))),
        declarations: members.flatMap(({ member }) => member.declarations.map((handle) => this.programDeclaration(handle) as ts.Declaration)),
      };
    });
  }

  /**
   * The lib's `[Symbol.dispose]` member of each part of `type` (null and undefined left out) that
   * has one with call signatures, and those signatures. `awaitUsing`: parts with a lib
   * `[Symbol.asyncDispose]` member left out too (`await using` calls that one instead).
   */
  private disposeMembersOf(type: Type7, awaitUsing = false): { member: Symbol7; signatures: readonly Signature7[] }[] {
    const { TypeFlags } = this.flags;
    const { checker } = this.project;
    const found: { member: Symbol7; signatures: readonly Signature7[] }[] = [];
    for (const part of type.isUnionType() ? type.getTypes() : [type]) {
      if (part.flags & (TypeFlags.Undefined | TypeFlags.Null)) continue;
      const apparent = checker.getApparentType(part);
      const properties = apparent ? checker.getPropertiesOfType(apparent) : [];
      if (awaitUsing && properties.some((property) => property.name.startsWith("__@asyncDispose@") && this.isLibDisposeKey(property))) continue;
      const member = properties.find((property) => property.name.startsWith("__@dispose@") && this.isLibDisposeKey(property));
      const memberType = member && checker.getTypeOfSymbol(member);
      if (!member || !memberType) continue;
      const signatures = this.callSignaturesOf(memberType.isUnionType() ? memberType.getTypes() : [memberType]);
      if (signatures.length > 0) found.push({ member, signatures });
    }
    return found;
  }

  /** Does the value hold something that must be released (a method named in `names`)? As `TypeOracle.releaseMethod`. */
  releaseMethod(expr: ts.Expression, names: readonly string[]): { status: Tri; method?: string } {
    return this.guard({ status: "may" }, () => {
      const { TypeFlags, SymbolFlags, SignatureKind } = this.flags;
      const { checker } = this.project;
      const wanted = (property: Symbol7): string | undefined => {
        const symbolKey = /^__@(dispose|asyncDispose)@\d+$/.exec(property.escapedName);
        const name = symbolKey ? `Symbol.${symbolKey[1]}` : property.name;
        if (!names.includes(name)) return undefined;
        return symbolKey ? `[${name}]` : name;
      };
      const libDisposerOfIterator = (type: Type7, property: Symbol7): boolean =>
        property.escapedName.startsWith("__@") &&
        checker.getPropertyOfType(type, "next") !== undefined &&
        property.declarations.every((handle) => {
          const declaration = this.declarationSyntax(handle);
          return declaration.getSourceFile().isDeclarationFile && ts.isInterfaceDeclaration(declaration.parent) && /^(Async)?Disposable$/.test(declaration.parent.name.text);
        });
      const expr7 = this.sharedNode7(expr);
      const status = (type: Type7): { status: Tri; method?: string } => {
        if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return { status: "may" };
        if (type.flags & TypeFlags.TypeParameter) {
          const constraint = checker.getBaseConstraintOfType(type);
          return constraint && constraint.id !== type.id ? status(constraint) : { status: "may" };
        }
        if (type.isUnionType()) {
          const parts = type.getTypes().filter((part) => !(part.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)));
          if (parts.length === 0) return { status: "never" };
          const answers = parts.map(status);
          if (answers.every((answer) => answer.status === "always")) return answers[0];
          return { status: answers.every((answer) => answer.status === "never") ? "never" : "may" };
        }
        let uncertain = false;
        const apparent = checker.getApparentType(type);
        if (!apparent) return { status: "may" };
        const callable = new Map<string, Symbol7>();
        for (const property of checker.getPropertiesOfType(apparent)) {
          const method = wanted(property);
          if (method === undefined || libDisposerOfIterator(apparent, property)) continue;
          const atLocation = checker.getTypeOfSymbolAtLocation(property, expr7);
          const propertyType = atLocation && checker.getNonNullableType(atLocation);
          if (!propertyType || propertyType.flags & (TypeFlags.Any | TypeFlags.Unknown) || property.flags & SymbolFlags.Optional) uncertain = true;
          else if (checker.getSignaturesOfType(propertyType, SignatureKind.Call).length > 0 && !callable.has(method)) callable.set(method, property);
        }
        const [method] = callable.size > 1 ? this.inTs6Order(callable) : callable.keys();
        if (method !== undefined) return { status: "always", method };
        return { status: uncertain ? "may" : "never" };
      };
      const type = this.typeOf(expr);
      return type ? status(type) : { status: "may" };
    });
  }

  /**
   * Property names in TypeScript 6's order of a type's properties, which TypeScript 7 does not keep
   * (it lists `[Symbol.dispose]` before `dispose` on puppeteer's ElementHandle): known when each
   * property has its one declaration in the same class, interface or type literal, where
   * TypeScript 6 lists the members with plain names in the order written, then those with a
   * computed (late-bound) name (`[Symbol.dispose]`) in the order written. Else `AskTs6`.
   */
  private inTs6Order(properties: ReadonlyMap<string, Symbol7>): string[] {
    const placed = [...properties].map(([name, property]) => {
      const declarations = property.declarations.map((handle) => this.declarationSyntax(handle));
      return { name, declaration: declarations.length === 1 ? declarations[0] : undefined, lateBound: property.escapedName.startsWith("__@") };
    });
    const parent = placed[0].declaration?.parent;
    if (!parent || placed.some((entry) => entry.declaration?.parent !== parent)) {
      throw new AskTs6(`which of ${[...properties.keys()].join(", ")} comes first`);
    }
    return placed.sort((a, b) => Number(a.lateBound) - Number(b.lateBound) || (a.declaration?.pos ?? 0) - (b.declaration?.pos ?? 0)).map((entry) => entry.name);
  }

  /** Is a property keyed by the default lib's `Symbol.dispose` (its declarations' computed names)? */
  private isLibDisposeKey(property: Symbol7): boolean {
    const names = property.declarations.map((handle) => ts.getNameOfDeclaration(this.declarationSyntax(handle) as ts.Declaration));
    return (
      names.length > 0 &&
      names.every((name) => {
        if (!name || !ts.isComputedPropertyName(name)) return false;
        const expression = name.expression;
        const at = ts.isIdentifier(expression) ? expression : ts.isPropertyAccessExpression(expression) ? expression.name : undefined;
        if (!at) throw new AskTs6("a computed key that is not a name");
        // By position in that file's own text, which TypeScript 7 read too (its lib files included).
        const [key] = this.session.file(this.project, at.getSourceFile().fileName)?.symbolsOf([at]) ?? [];
        return key !== undefined && this.isDeclaredInDefaultLib(key);
      })
    );
  }

  // --- sizes (unbounded-concurrency) ---

  /** A tuple's fixed length (the longest over a union). As `TypeOracle.tupleLength`. */
  tupleLength(expr: ts.Expression): number | undefined {
    return this.guard(undefined, () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const length = (type: Type7): number | undefined => {
        if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return undefined;
        if (type.isUnionType()) return largestOverParts(type.getTypes(), length);
        if (type.flags & TypeFlags.TypeParameter) {
          const constraint = checker.getBaseConstraintOfType(type);
          return constraint && constraint.id !== type.id ? length(constraint) : undefined;
        }
        if (!checker.isTupleType(type)) return undefined;
        const target = (type as TypeReference7).getTarget() as TupleType7;
        return this.hasRestElement(target) ? undefined : target.fixedLength;
      };
      const type = this.typeOf(expr);
      return type ? length(type) : undefined;
    });
  }

  private hasRestElement(tuple: TupleType7): boolean {
    const { ElementFlags } = this.flags;
    return tuple.elementFlags.some((flag) => flag & (ElementFlags.Rest | ElementFlags.Variadic));
  }

  /** Is the value a collection whose size its type leaves open? As `TypeOracle.openSizeStatus`. */
  openSizeStatus(expr: ts.Expression): Tri {
    return this.guard("may", () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const leaf = (type: Type7): Tri => {
        if (type.flags & TypeFlags.StringLike) return "never";
        if (checker.isTupleType(type)) return this.hasRestElement((type as TypeReference7).getTarget() as TupleType7) ? "always" : "never";
        if (checker.isArrayType(type)) return "always";
        const apparent = checker.getApparentType(type);
        if (!apparent) return "never";
        if (checker.getPropertiesOfType(apparent).some((property) => /^__@iterator@\d+$/.test(property.escapedName))) return "always";
        const length = checker.getPropertyOfType(apparent, "length");
        const lengthType = length && checker.getTypeOfSymbol(length);
        return lengthType && lengthType.flags & TypeFlags.NumberLike ? "always" : "never";
      };
      const status = (current: Type7): Tri => {
        if (current.flags & (TypeFlags.Any | TypeFlags.Unknown)) return "may";
        if (current.isUnionType()) {
          const parts = current.getTypes().filter((part) => !(part.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)));
          return parts.length === 0 ? "never" : combine(parts.map(status));
        }
        if (current.flags & TypeFlags.TypeParameter) {
          const constraint = checker.getBaseConstraintOfType(current);
          return constraint && constraint.id !== current.id ? status(constraint) : "may";
        }
        return leaf(current);
      };
      const type = this.typeOf(expr);
      return type ? status(type) : "may";
    });
  }

  /** The value when its type is one number literal. As `TypeOracle.numberLiteralValue`. */
  numberLiteralValue(expr: ts.Expression): number | undefined {
    return this.guard(undefined, () => {
      const type = this.typeOf(expr);
      return type?.isNumberLiteralType() ? type.value : undefined;
    });
  }

  /** The most own keys `Object.keys` can list for a value. As `TypeOracle.fixedPropertyCount`. */
  fixedPropertyCount(expr: ts.Expression): number | undefined {
    return this.guard(undefined, () => {
      const { TypeFlags } = this.flags;
      const { checker } = this.project;
      const count = (type: Type7): number | undefined => {
        if (type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter)) return undefined;
        if (type.isUnionType()) return largestOverParts(type.getTypes(), count);
        if (!(type.flags & TypeFlags.Object) || checker.isArrayType(type) || checker.isTupleType(type)) return undefined;
        if (checker.getIndexInfosOfType(type).length > 0) return undefined;
        return checker.getPropertiesOfType(type).length;
      };
      const type = this.typeOf(expr);
      return type ? count(type) : undefined;
    });
  }

  /** Does a method's written return type say it returns a promise? As `TypeOracle.writtenReturnIsPromise`. */
  writtenReturnIsPromise(member: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    return this.guard("may", () => {
      if (!member.type) return "never";
      const node = this.sharedNode7(member.type);
      return this.typeStatus(this.project.checker.getTypeFromTypeNode(node as TypeNode7), query);
    });
  }

  /** The `const`/`let` declaration an identifier refers to. As `TypeOracle.variableDeclarationOf`. */
  variableDeclarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
    return this.guard(undefined, () => {
      const declaration = this.valueDeclaration6(identifier);
      return declaration && ts.isVariableDeclaration(declaration) ? declaration : undefined;
    });
  }

  /** The parameter an identifier refers to. As `TypeOracle.parameterDeclarationOf`. */
  parameterDeclarationOf(identifier: ts.Identifier): ts.ParameterDeclaration | undefined {
    return this.guard(undefined, () => {
      const declaration = this.valueDeclaration6(identifier);
      return declaration && ts.isParameter(declaration) ? declaration : undefined;
    });
  }

  /**
   * The value declaration of the symbol an identifier refers to, as the node of the TypeScript 6
   * program's tree of its file; `AskTs6` when that file is not one both compilers share.
   */
  private valueDeclaration6(identifier: ts.Identifier): ts.Node | undefined {
    const handle = this.symbolOf(identifier)?.valueDeclaration;
    if (!handle) return undefined;
    if (!this.session.isCallersFile(handle.path)) throw new AskTs6(`a declaration in ${handle.path}`);
    const declaration = this.fileOf(identifier).declaration6(handle);
    if (!declaration) throw new AskTs6(`no TypeScript 6 twin of a declaration in ${handle.path}`);
    return declaration;
  }

  /** The TypeScript 7 twin of a node; `AskTs6` when TypeScript 7's tree of its file has none (a default lib file). */
  private sharedNode7(node: ts.Node): Node7 {
    const sourceFile = node.getSourceFile();
    if (!this.session.isCallersFile(sourceFile.fileName)) throw new AskTs6(`a node in ${sourceFile.fileName}`);
    const twin = this.fileOf(node).node7(node);
    if (!twin) throw new AskTs6(`no TypeScript 7 twin of a node in ${sourceFile.fileName}`);
    return twin;
  }

  /**
   * Asks ahead, in at most three round trips, what `promiseStatus` will need for these
   * expressions of one file: the symbols of the names, the types of the callees and values, then
   * the types of the calls their callees leave open. Later questions about them hit the caches.
   * Asking for a call's own type resolves it (checking every argument), so only the calls that
   * need it are asked, as `promiseStatus` itself does.
   */
  prefetch(exprs: readonly ts.Expression[], query: PromiseQuery): void {
    return this.guard(undefined, () => this.prefetchNow(exprs, query));
  }

  private prefetchNow(exprs: readonly ts.Expression[], query: PromiseQuery): void {
    const first = exprs[0];
    if (!first) return;
    const file = this.fileOf(first);
    const names: ts.Identifier[] = [];
    const values: ts.Node[] = [];
    const calls: (ts.CallExpression | ts.NewExpression)[] = [];
    for (const expr of exprs) {
      const node = skipParens(expr);
      const name = nameOf(node);
      if (name && !this.symbolCache.has(name)) names.push(name);
      if ((ts.isCallExpression(node) && node.expression.kind !== ts.SyntaxKind.ImportKeyword) || ts.isNewExpression(node)) {
        calls.push(node);
        if (!this.typeCache.has(node.expression)) values.push(node.expression);
      } else if (!this.typeCache.has(expr)) values.push(expr);
    }
    file.symbolsOf(names).forEach((symbol, i) => this.symbolCache.set(names[i], symbol));
    file.typesOf(values).forEach((type, i) => this.typeCache.set(values[i], type));
    const open = calls.filter((call) => {
      const declared = this.declaredReturnTypes(call);
      return !this.typeCache.has(call) && (declared === null || combineAll(declared.map((type) => this.typeStatus(type, query))) === "may");
    });
    file.typesOf(open).forEach((type, i) => this.typeCache.set(open[i], type));
  }

  private readonly typeCache = new WeakMap<ts.Node, Type7 | undefined>();
  private readonly symbolCache = new WeakMap<ts.Node, Symbol7 | undefined>();

  private typeOf(node: ts.Node): Type7 | undefined {
    if (this.typeCache.has(node)) return this.typeCache.get(node);
    const [type] = this.fileOf(node).typesOf([node]);
    this.typeCache.set(node, type);
    return type;
  }

  private symbolOf(name: ts.Node): Symbol7 | undefined {
    if (this.symbolCache.has(name)) return this.symbolCache.get(name);
    const [symbol] = this.fileOf(name).symbolsOf([name]);
    this.symbolCache.set(name, symbol);
    return symbol;
  }

  private typeStatus(type: Type7 | undefined, query: PromiseQuery): Tri {
    if (!type) return "may";
    const key = `${type.id}:${query.thenables}`;
    const cached = this.statusCache.get(key);
    if (cached !== undefined) return cached;
    this.statusCache.set(key, "may"); // cycle guard
    const { TypeFlags } = this.flags;
    let result: Tri;
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) result = "may";
    else if (type.isUnionType() || type.isIntersectionType()) result = combine(type.getTypes().map((part) => this.typeStatus(part, query)));
    else if (type.flags & TypeFlags.TypeParameter) {
      const constraint = this.project.checker.getBaseConstraintOfType(type);
      result = !constraint || constraint.flags & (TypeFlags.Any | TypeFlags.Unknown) ? "may" : this.typeStatus(constraint, query);
    } else if (this.isBuiltinPromise(type)) result = "always";
    else result = query.thenables && this.hasCallableProperty(type, "then") ? "always" : "never";
    this.statusCache.set(key, result);
    return result;
  }

  /** The default lib's `Promise`, or a class or interface deriving from it. */
  private isBuiltinPromise(type: Type7): boolean {
    const { SymbolFlags, ObjectFlags, TypeFlags } = this.flags;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface))) return false;
    const cached = this.builtinPromiseCache.get(symbol.id);
    if (cached !== undefined) return cached;
    this.builtinPromiseCache.set(symbol.id, false); // cycle guard
    let result = false;
    if (symbol.name === "Promise" && symbol.declarations.some((declaration) => this.project.program.getSourceFileMetadataByPath(declaration.path)?.isDefaultLibrary)) {
      result = true;
    } else if (type.isObjectType()) {
      const target = type.objectFlags & ObjectFlags.Reference ? (type as TypeReference7).getTarget() : type;
      if (target.flags & TypeFlags.Object && target.isClassOrInterface()) {
        result = this.project.checker.getBaseTypes(target).some((base) => this.isBuiltinPromise(base));
      }
    }
    this.builtinPromiseCache.set(symbol.id, result);
    return result;
  }

  private hasCallableProperty(type: Type7, name: string): boolean {
    const { checker } = this.project;
    const apparent = checker.getApparentType(type);
    const property = apparent && checker.getPropertyOfType(apparent, name);
    const propertyType = property && checker.getTypeOfSymbol(property);
    if (!propertyType) return false;
    const parts = propertyType.isUnionType() ? propertyType.getTypes() : [propertyType];
    return parts.some((part) => checker.getSignaturesOfType(part, this.flags.SignatureKind.Call).length > 0);
  }

  /**
   * The callee's declared return types, when none depends on type arguments (then the call
   * itself must be resolved); null for `import(…)` and when they do. As `Ts6TypeOracle`.
   */
  private declaredReturnTypes(call: ts.CallExpression | ts.NewExpression): readonly Type7[] | null {
    if (ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.ImportKeyword) return null;
    const { TypeFlags, SignatureKind } = this.flags;
    const calleeType = this.typeOf(call.expression);
    if (!calleeType) return null;
    if (calleeType.flags & (TypeFlags.Any | TypeFlags.Unknown)) return [calleeType];
    const kind = ts.isNewExpression(call) ? SignatureKind.Construct : SignatureKind.Call;
    const key = calleeType.id * 2 + (kind === SignatureKind.Construct ? 1 : 0);
    const cached = this.declaredReturnCache.get(key);
    if (cached !== undefined) return cached;
    const { checker } = this.project;
    const apparent = checker.getApparentType(calleeType);
    const types: Type7[] = [];
    for (const signature of apparent ? checker.getSignaturesOfType(apparent, kind) : []) {
      const returnType = checker.getReturnTypeOfSignature(signature);
      if (!returnType || this.mentionsTypeParameter(returnType)) {
        types.length = 0;
        break;
      }
      types.push(returnType);
    }
    const result = types.length > 0 ? types : null;
    this.declaredReturnCache.set(key, result);
    return result;
  }

  private mentionsTypeParameter(type: Type7): boolean {
    const { TypeFlags } = this.flags;
    if (type.flags & (TypeFlags.TypeParameter | TypeFlags.Conditional | TypeFlags.Index | TypeFlags.IndexedAccess | TypeFlags.Substitution)) return true;
    return (type.isUnionType() || type.isIntersectionType()) && type.getTypes().some((part) => this.mentionsTypeParameter(part));
  }

  /**
   * What the written type of a named value (`x`, `a.b`) says: its annotation, a declared
   * function's signature (annotated or async), a class, enum or namespace. As `Ts6TypeOracle`.
   */
  private writtenTypeSays(expr: ts.Expression, status: (type: Type7 | undefined) => Tri): Tri | undefined {
    const name = nameOf(skipParens(expr));
    if (!name) return undefined;
    let symbol = this.symbolOf(name);
    if (symbol && symbol.flags & this.flags.SymbolFlags.Alias) symbol = this.project.checker.getAliasedSymbol(symbol);
    if (!symbol?.valueDeclaration) return undefined;
    const type = this.writtenType(symbol);
    return type ? status(type) : undefined;
  }

  private writtenType(symbol: Symbol7): Type7 | undefined {
    const cached = this.writtenTypeCache.get(symbol.id);
    if (cached !== undefined) return cached ?? undefined;
    const kinds = this.kinds;
    const declaration = symbol.valueDeclaration?.resolve(this.project);
    let type: Type7 | undefined;
    if (declaration) {
      const { kind } = declaration;
      if (kind === kinds.Parameter || kind === kinds.PropertyDeclaration || kind === kinds.PropertySignature || kind === kinds.VariableDeclaration) {
        const written = (declaration as WithType).type;
        type = written ? this.project.checker.getTypeFromTypeNode(written as TypeNode7) : undefined;
      } else if (kind === kinds.FunctionDeclaration || kind === kinds.MethodDeclaration || kind === kinds.MethodSignature) {
        const isAsync = (declaration as WithModifiers).modifiers?.some((modifier) => modifier.kind === kinds.AsyncKeyword) ?? false;
        type = (declaration as WithType).type !== undefined || isAsync ? this.project.checker.getTypeOfSymbol(symbol) : undefined;
      } else if (kind === kinds.ClassDeclaration || kind === kinds.EnumDeclaration || kind === kinds.ModuleDeclaration) {
        type = this.project.checker.getTypeOfSymbol(symbol);
      }
    }
    this.writtenTypeCache.set(symbol.id, type ?? null);
    return type;
  }
}
