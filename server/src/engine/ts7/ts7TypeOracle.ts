/**
 * The `ts7` engine's oracle (ARCHITECTURE.md, "TypeScript 7 engine: the seam"): the rules walk the
 * TypeScript 6 program's trees, and each question is answered by TypeScript 7 where the method is
 * ported (`promiseFacts.ts`, same steps as `Ts6TypeOracle`, parity measured), else by a
 * `Ts6TypeOracle` on the same TypeScript 6 program, created on the first such question. So the
 * answers are exact while the port goes on, and what is left to port is measurable: every answer
 * is counted per method and per engine (`CONCURRENCY_LINT_TS7_STATS=1` prints the counts when a
 * run ends, see `ts7Stats`).
 *
 * Nodes in and out are nodes of the `LintProgram`'s trees: the session is made with them
 * (`Ts7SessionOptions.sourceFile6`, `useTrees`), so a declaration TypeScript 7 hands back is the
 * very node the rules walk. In the CLI that program is `Ts7ProgramView` (no TypeScript 6 program:
 * TypeScript 7's file list, TypeScript 6 parses on demand), which builds TypeScript 6's program
 * only when a question is left to TypeScript 6's checker (`getTypeChecker`).
 */
import * as ts from "typescript";
import type { CommandLineFolder, LintProgram, ReadFile } from "../project";
import type { CommandLineOnlyFile } from "../moduleGraph";
import { Ts6TypeOracle } from "../ts6TypeOracle";
import { type DeclarationRef, type PromiseQuery, skipParens, type Tri, type TypeOracle, type VariableHandle } from "../typeOracle";
import type { Project7 } from "./api";
import { AskTs6, Ts7PromiseFacts } from "./promiseFacts";
import type { Ts7Session } from "./session";

/**
 * Answers per oracle method: by TypeScript 7 (`ts7`), from the TypeScript 6 program's syntax and
 * file list with no type question (`program`: not TypeScript 6's checker, so nothing to port), by
 * the TypeScript 6 checker's fallback (`ts6`: left to port), failed by TypeScript 7 (answered
 * "don't know").
 */
export interface MethodCount {
  ts7: number;
  program: number;
  ts6: number;
  failed: number;
  /** Milliseconds spent answering (both engines; questions inside questions counted once, at the outer one). */
  ms: number;
}

/** Counts of the whole process (every oracle of every program), by method. */
export const ts7Stats = new Map<string, MethodCount>();

function countOf(method: string): MethodCount {
  let count = ts7Stats.get(method);
  if (!count) ts7Stats.set(method, (count = { ts7: 0, program: 0, ts6: 0, failed: 0, ms: 0 }));
  return count;
}

/**
 * The counts as lines, the most asked method first: `method ts7 N [program N] ts6 N [failed N]
 * T ms`, then the totals. What `CONCURRENCY_LINT_TS7_STATS=1` prints on stderr.
 */
export function formatTs7Stats(): string[] {
  const asked = (count: MethodCount) => count.ts7 + count.program + count.ts6;
  const rows = [...ts7Stats].sort((a, b) => asked(b[1]) - asked(a[1]) || a[0].localeCompare(b[0]));
  const total = rows.reduce(
    (sum, [, count]) => ({
      ts7: sum.ts7 + count.ts7,
      program: sum.program + count.program,
      ts6: sum.ts6 + count.ts6,
      failed: sum.failed + count.failed,
      ms: sum.ms + count.ms,
    }),
    { ts7: 0, program: 0, ts6: 0, failed: 0, ms: 0 },
  );
  const line = (name: string, count: MethodCount) =>
    `${name} ts7 ${count.ts7}${count.program > 0 ? ` program ${count.program}` : ""} ts6 ${count.ts6}${count.failed > 0 ? ` failed ${count.failed}` : ""} ${count.ms.toFixed(0)} ms`;
  return [...rows.map(([name, count]) => line(name, count)), line("total", total)];
}

/** Whether `CONCURRENCY_LINT_TS7_STATS` asks for the counts. */
export function ts7StatsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CONCURRENCY_LINT_TS7_STATS;
  return value !== undefined && value !== "" && value !== "0";
}

export class Ts7TypeOracle implements TypeOracle {
  private fallback: Ts6TypeOracle | undefined;
  private readonly facts: Ts7PromiseFacts;
  private readonly memoTable = new Map<object, unknown>();
  private readonly prefetched = new WeakSet<ts.SourceFile>();

  constructor(
    private readonly program: LintProgram,
    session: Ts7Session,
    project: Project7,
    private readonly readFile?: ReadFile,
  ) {
    this.facts = new Ts7PromiseFacts(session, project, program.getCompilerOptions());
  }

  private depth = 0;

  /** Counts and times one answer; a question asked while answering another is timed by the outer one only. */
  private timed<T>(count: MethodCount, answer: () => T): T {
    if (this.depth > 0) return answer();
    const started = performance.now();
    this.depth++;
    try {
      return answer();
    } finally {
      this.depth--;
      count.ms += performance.now() - started;
    }
  }

  /** A method not ported yet: TypeScript 6's oracle of the program answers (its checker is created on the first such question). */
  private viaTs6<T>(method: string, answer: (ts6: Ts6TypeOracle) => T): T {
    const count = countOf(method);
    count.ts6++;
    return this.timed(count, () => answer((this.fallback ??= new Ts6TypeOracle(this.program, this.readFile))));
  }

  private scans: Ts6TypeOracle | undefined;

  /**
   * TypeScript 6's oracle of the program for the syntax steps of a ported method, its one type
   * question in the project scans (`declarationsAt`) answered by TypeScript 7: no checker.
   */
  private facts6(): Ts6TypeOracle {
    return (this.scans ??= new Ts6TypeOracle(this.program, this.readFile, (node, followAlias) => this.facts.declarationsAt(node, followAlias)));
  }

  /** A program fact (no type question): TypeScript 6's oracle answers it from the program without its checker. */
  private viaProgram<T>(method: string, answer: (ts6: Ts6TypeOracle) => T): T {
    const count = countOf(method);
    count.program++;
    return this.timed(count, () => answer((this.fallback ??= new Ts6TypeOracle(this.program, this.readFile))));
  }

  /**
   * A ported method: TypeScript 7 answers, unless the question is about a file the two compilers
   * do not share (`AskTs6`: a default lib file), which `fallback` answers on TypeScript 6.
   */
  private ts7<T>(method: string, answer: () => T, fallback: (ts6: Ts6TypeOracle) => T): T {
    const count = countOf(method);
    const failuresBefore = this.facts.failures;
    try {
      const result = this.timed(count, answer);
      count.ts7++;
      return result;
    } catch (error) {
      if (!(error instanceof AskTs6)) throw error;
      // `CONCURRENCY_LINT_TS7_STATS=2`: why each ported question went to TypeScript 6 (what is left to port).
      if (process.env.CONCURRENCY_LINT_TS7_STATS === "2") process.stderr.write(`ts7 → ts6 ${method}: ${error.message}\n`);
      return this.viaTs6(method, fallback);
    } finally {
      count.failed += this.facts.failures - failuresBefore;
    }
  }

  /**
   * Asks ahead, in a few batches, what the hot questions will need for a file's expressions (calls,
   * `new`, awaited values, expression statements, arguments): called by the engine before the
   * file's rules run. Answers do not change; only the number of round trips does. Off unless
   * `CONCURRENCY_LINT_TS7_PREFETCH=1`: measured on mongodb (2026-12-07) it costs more than it
   * saves (oracle time 3.0–3.3 s with it, 2.4–2.5 s without; asking only for statements, awaits
   * and calls with a function argument, 2.7–3.0 s): TypeScript 7 then types many expressions no
   * rule asks about, and the round trips it saves are not where the time goes.
   */
  prefetchFile(sourceFile: ts.SourceFile): void {
    if (this.prefetched.has(sourceFile) || process.env.CONCURRENCY_LINT_TS7_PREFETCH !== "1") return;
    this.prefetched.add(sourceFile);
    const exprs: ts.Expression[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        exprs.push(node);
        for (const argument of node.arguments ?? []) if (!ts.isSpreadElement(argument)) exprs.push(argument);
      } else if (ts.isAwaitExpression(node)) exprs.push(node.expression);
      else if (ts.isExpressionStatement(node)) exprs.push(node.expression);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    // A file TypeScript 7 does not share is asked nothing ahead.
    this.ts7("prefetchFile", () => this.facts.prefetch(exprs, { thenables: true }), () => undefined);
  }

  memo<T>(key: object, compute: () => T): T {
    if (this.memoTable.has(key)) return this.memoTable.get(key) as T;
    const value = compute();
    this.memoTable.set(key, value);
    return value;
  }

  promiseStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("promiseStatus", () => this.facts.promiseStatus(expr, query), (ts6) => ts6.promiseStatus(expr, query));
  }

  promiseArrayStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("promiseArrayStatus", () => this.facts.promiseArrayStatus(expr, query), (ts6) => ts6.promiseArrayStatus(expr, query));
  }

  everyPartHasCatch(expr: ts.Expression): boolean {
    return this.ts7("everyPartHasCatch", () => this.facts.everyPartHasCatch(expr), (ts6) => ts6.everyPartHasCatch(expr));
  }

  functionStatus(expr: ts.Expression): Tri {
    return this.ts7("functionStatus", () => this.facts.functionStatus(expr), (ts6) => ts6.functionStatus(expr));
  }

  notFunctionStatus(expr: ts.Expression): Tri {
    return this.ts7("notFunctionStatus", () => this.facts.notFunctionStatus(expr), (ts6) => ts6.notFunctionStatus(expr));
  }

  calleeDeclaration(call: ts.CallExpression | ts.NewExpression): DeclarationRef | undefined {
    return this.ts7("calleeDeclaration", () => this.facts.calleeDeclaration(call), (ts6) => ts6.calleeDeclaration(call));
  }

  typeDeclarations(expr: ts.Expression): DeclarationRef[] {
    return this.viaTs6("typeDeclarations", (ts6) => ts6.typeDeclarations(expr));
  }

  variableOf(identifier: ts.Identifier): VariableHandle | undefined {
    return this.ts7("variableOf", () => this.facts.variableOf(identifier), (ts6) => ts6.variableOf(identifier));
  }

  supportsTopLevelAwait(sourceFile: ts.SourceFile): boolean {
    return this.viaProgram("supportsTopLevelAwait", (ts6) => ts6.supportsTopLevelAwait(sourceFile));
  }

  promiseStatusWhen(condition: ts.Expression, variable: VariableHandle, outcome: boolean, query: PromiseQuery): Tri {
    // Not ported: TypeScript 6 is asked about the variable of the identifier the ts7 handle came from.
    return this.viaTs6("promiseStatusWhen", (ts6) => {
      const identifier = this.facts.identifierOf(variable);
      const variable6 = identifier ? ts6.variableOf(identifier) : variable;
      return variable6 ? ts6.promiseStatusWhen(condition, variable6, outcome, query) : "may";
    });
  }

  programRunsOnNode(): boolean {
    return this.ts7("programRunsOnNode", () => this.facts.programRunsOnNode(), (ts6) => ts6.programRunsOnNode());
  }

  functionReturnsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("functionReturnsPromise", () => this.facts.functionReturnsPromise(expr, query), (ts6) => ts6.functionReturnsPromise(expr, query));
  }

  expectsVoidFunction(expr: ts.Expression): Tri {
    return this.ts7("expectsVoidFunction", () => this.facts.expectsVoidFunction(expr), (ts6) => ts6.expectsVoidFunction(expr));
  }

  everyPartIsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("everyPartIsPromise", () => this.facts.everyPartIsPromise(expr, query), (ts6) => ts6.everyPartIsPromise(expr, query));
  }

  promiseNames(): { functions: ReadonlySet<string>; values: ReadonlySet<string> } {
    return this.viaProgram("promiseNames", (ts6) => ts6.promiseNames());
  }

  resolvesToNothing(expr: ts.Expression): boolean {
    return this.viaTs6("resolvesToNothing", (ts6) => ts6.resolvesToNothing(expr));
  }

  declaredMayBeAbsent(expr: ts.Expression): boolean {
    return this.ts7("declaredMayBeAbsent", () => this.facts.declaredMayBeAbsent(expr), (ts6) => ts6.declaredMayBeAbsent(expr));
  }

  declaredParameterExpectsVoid(expr: ts.Expression): Tri | undefined {
    return this.ts7("declaredParameterExpectsVoid", () => this.facts.declaredParameterExpectsVoid(expr), (ts6) => ts6.declaredParameterExpectsVoid(expr));
  }

  spreadFillsVoidPositions(spread: ts.SpreadElement, query: PromiseQuery): Tri {
    return this.ts7("spreadFillsVoidPositions", () => this.facts.spreadFillsVoidPositions(spread, query), (ts6) => ts6.spreadFillsVoidPositions(spread, query));
  }

  expectsVoidFunctionForMember(member: ts.MethodDeclaration | ts.ShorthandPropertyAssignment): Tri {
    return this.ts7("expectsVoidFunctionForMember", () => this.facts.expectsVoidFunctionForMember(member), (ts6) => ts6.expectsVoidFunctionForMember(member));
  }

  slotDeclarations(member: ts.ObjectLiteralElementLike | ts.ClassElement | ts.PropertyAccessExpression): DeclarationRef[] | undefined {
    return this.ts7("slotDeclarations", () => this.facts.slotDeclarations(member), (ts6) => ts6.slotDeclarations(member));
  }

  voidReturningBaseOf(member: ts.MethodDeclaration | ts.PropertyDeclaration | ts.MethodSignature | ts.PropertySignature): string | undefined {
    return this.ts7("voidReturningBaseOf", () => this.facts.voidReturningBaseOf(member), (ts6) => ts6.voidReturningBaseOf(member));
  }

  writtenReturnIsPromise(member: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    return this.ts7("writtenReturnIsPromise", () => this.facts.writtenReturnIsPromise(member, query), (ts6) => ts6.writtenReturnIsPromise(member, query));
  }

  writtenFunctionTypeReturnsPromise(typeNode: ts.TypeNode, query: PromiseQuery): Tri {
    return this.ts7("writtenFunctionTypeReturnsPromise", () => this.facts.writtenFunctionTypeReturnsPromise(typeNode, query), (ts6) => ts6.writtenFunctionTypeReturnsPromise(typeNode, query));
  }

  declarationReturnsPromise(fn: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    return this.ts7("declarationReturnsPromise", () => this.facts.declarationReturnsPromise(fn, query), (ts6) => ts6.declarationReturnsPromise(fn, query));
  }

  disposeReturnsPromise(expr: ts.Expression, query: PromiseQuery, awaitUsing = false): { status: Tri; declarations: readonly ts.Declaration[] } {
    return this.ts7("disposeReturnsPromise", () => this.facts.disposeReturnsPromise(expr, query, awaitUsing), (ts6) => ts6.disposeReturnsPromise(expr, query, awaitUsing));
  }

  disposeReturnsVoid(typeNode: ts.TypeNode): boolean {
    return this.ts7("disposeReturnsVoid", () => this.facts.disposeReturnsVoid(typeNode), (ts6) => ts6.disposeReturnsVoid(typeNode));
  }

  variableDeclarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
    return this.ts7("variableDeclarationOf", () => this.facts.variableDeclarationOf(identifier), (ts6) => ts6.variableDeclarationOf(identifier));
  }

  parameterDeclarationOf(identifier: ts.Identifier): ts.ParameterDeclaration | undefined {
    return this.ts7("parameterDeclarationOf", () => this.facts.parameterDeclarationOf(identifier), (ts6) => ts6.parameterDeclarationOf(identifier));
  }

  variableScope(identifier: ts.Identifier, fn: ts.Node): { scope: "inside" | "outside"; isParameter: boolean; isConst: boolean } | undefined {
    return this.ts7("variableScope", () => this.facts.variableScope(identifier, fn), (ts6) => ts6.variableScope(identifier, fn));
  }

  projectConstDeclarationOf(name: ts.Identifier | ts.PropertyAccessExpression): ts.VariableDeclaration | undefined {
    return this.viaTs6("projectConstDeclarationOf", (ts6) => ts6.projectConstDeclarationOf(name));
  }

  tupleLength(expr: ts.Expression): number | undefined {
    return this.ts7("tupleLength", () => this.facts.tupleLength(expr), (ts6) => ts6.tupleLength(expr));
  }

  openSizeStatus(expr: ts.Expression): Tri {
    return this.ts7("openSizeStatus", () => this.facts.openSizeStatus(expr), (ts6) => ts6.openSizeStatus(expr));
  }

  numberLiteralValue(expr: ts.Expression): number | undefined {
    return this.ts7("numberLiteralValue", () => this.facts.numberLiteralValue(expr), (ts6) => ts6.numberLiteralValue(expr));
  }

  fixedPropertyCount(expr: ts.Expression): number | undefined {
    return this.ts7("fixedPropertyCount", () => this.facts.fixedPropertyCount(expr), (ts6) => ts6.fixedPropertyCount(expr));
  }

  isProjectLockClass(expr: ts.Expression, pairs: readonly (readonly [string, string])[]): boolean {
    return this.viaTs6("isProjectLockClass", (ts6) => ts6.isProjectLockClass(expr, pairs));
  }

  commandLineFolderOf(sourceFile: ts.SourceFile): CommandLineFolder | undefined {
    return this.viaProgram("commandLineFolderOf", (ts6) => ts6.commandLineFolderOf(sourceFile));
  }

  commandLineOnlyFileOf(sourceFile: ts.SourceFile): CommandLineOnlyFile | undefined {
    return this.viaProgram("commandLineOnlyFileOf", (ts6) => ts6.commandLineOnlyFileOf(sourceFile));
  }

  projectSourceFiles(): readonly ts.SourceFile[] {
    return this.viaProgram("projectSourceFiles", (ts6) => ts6.projectSourceFiles());
  }

  isRootFile(sourceFile: ts.SourceFile): boolean {
    return this.viaProgram("isRootFile", (ts6) => ts6.isRootFile(sourceFile));
  }

  isProjectSourceFile(sourceFile: ts.SourceFile): boolean {
    return this.viaProgram("isProjectSourceFile", (ts6) => ts6.isProjectSourceFile(sourceFile));
  }

  projectModuleOf(specifier: ts.StringLiteralLike): ts.SourceFile | undefined {
    return this.viaProgram("projectModuleOf", (ts6) => ts6.projectModuleOf(specifier));
  }

  calleeTarget(call: ts.CallExpression | ts.NewExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    return this.ts7("calleeTarget", () => this.facts.calleeTarget(call), (ts6) => ts6.calleeTarget(call));
  }

  indirectCalleeTarget(call: ts.CallExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    return this.viaTs6("indirectCalleeTarget", (ts6) => ts6.indirectCalleeTarget(call));
  }

  projectFunctionOf(call: ts.CallExpression | ts.NewExpression): ts.FunctionLikeDeclaration | undefined {
    // The two type questions on TypeScript 7 (`calleeTarget` with its own fallback), the syntax as TypeScript 6's oracle reads it.
    return this.ts7(
      "projectFunctionOf",
      () => this.facts6().projectFunctionFrom(call, this.calleeTarget(call)?.declarations, (resolved) => this.facts.resolvedSignatureDeclaration(resolved)),
      (ts6) => ts6.projectFunctionOf(call),
    );
  }

  projectImplementationsOf(call: ts.CallExpression | ts.NewExpression): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.ts7(
      "projectImplementationsOf",
      () => this.facts6().projectImplementationsFrom(call, this.calleeTarget(call)?.declarations, (resolved) => this.facts.resolvedSignatureDeclaration(resolved)),
      (ts6) => ts6.projectImplementationsOf(call),
    );
  }

  projectReferencesOf(declaration: ts.FunctionDeclaration | ts.VariableDeclaration, limit: number): ts.Identifier[] | undefined {
    return this.viaTs6("projectReferencesOf", (ts6) => ts6.projectReferencesOf(declaration, limit));
  }

  projectPropertyReferencesOf(access: ts.PropertyAccessExpression, limit: number): readonly ts.MemberName[] | undefined {
    return this.viaTs6("projectPropertyReferencesOf", (ts6) => ts6.projectPropertyReferencesOf(access, limit));
  }

  callSignatureDeclarations(expr: ts.Expression): readonly ts.SignatureDeclaration[] | undefined {
    return this.viaTs6("callSignatureDeclarations", (ts6) => ts6.callSignatureDeclarations(expr));
  }

  projectImplementationsOfShorthand(property: ts.ShorthandPropertyAssignment): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.viaTs6("projectImplementationsOfShorthand", (ts6) => ts6.projectImplementationsOfShorthand(property));
  }

  projectImplementationsOfValue(expr: ts.Expression): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.ts7(
      "projectImplementationsOfValue",
      () => {
        const node = skipParens(expr);
        if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
        return this.facts6().implementationsOfValueFrom(this.facts.valueDeclarations(node));
      },
      (ts6) => ts6.projectImplementationsOfValue(expr),
    );
  }

  projectSubclassesOf(owner: ts.ClassLikeDeclaration): readonly ts.ClassLikeDeclaration[] | undefined {
    return this.ts7("projectSubclassesOf", () => this.facts6().projectSubclassesOf(owner), (ts6) => ts6.projectSubclassesOf(owner));
  }

  fieldDeclarationOf(access: ts.PropertyAccessExpression): ts.PropertyDeclaration | undefined {
    return this.ts7("fieldDeclarationOf", () => this.facts6().fieldDeclarationOf(access), (ts6) => ts6.fieldDeclarationOf(access));
  }

  memberDeclarationsOf(access: ts.PropertyAccessExpression): readonly ts.Node[] | undefined {
    return this.ts7("memberDeclarationsOf", () => this.facts6().memberDeclarationsOf(access), (ts6) => ts6.memberDeclarationsOf(access));
  }

  isUntyped(expr: ts.Expression): boolean {
    return this.ts7("isUntyped", () => this.facts.isUntyped(expr), (ts6) => ts6.isUntyped(expr));
  }

  nullishStatus(expr: ts.Expression): Tri {
    return this.ts7("nullishStatus", () => this.facts.nullishStatus(expr), (ts6) => ts6.nullishStatus(expr));
  }

  numberStatus(expr: ts.Expression): Tri {
    return this.ts7("numberStatus", () => this.facts.numberStatus(expr), (ts6) => ts6.numberStatus(expr));
  }

  isGlobalPromiseConstructor(expr: ts.Expression): boolean {
    return this.ts7("isGlobalPromiseConstructor", () => this.facts.isGlobalPromiseConstructor(expr), (ts6) => ts6.isGlobalPromiseConstructor(expr));
  }

  collectionStatus(expr: ts.Expression): Tri {
    return this.ts7("collectionStatus", () => this.facts.collectionStatus(expr), (ts6) => ts6.collectionStatus(expr));
  }

  hasProperty(expr: ts.Expression, name: string): boolean {
    return this.ts7("hasProperty", () => this.facts.hasProperty(expr, name), (ts6) => ts6.hasProperty(expr, name));
  }

  releaseMethod(expr: ts.Expression, names: readonly string[]): { status: Tri; method?: string } {
    return this.ts7("releaseMethod", () => this.facts.releaseMethod(expr, names), (ts6) => ts6.releaseMethod(expr, names));
  }
}
