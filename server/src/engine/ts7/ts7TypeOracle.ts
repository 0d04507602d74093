/**
 * The `ts7` engine's oracle (ARCHITECTURE.md, "TypeScript 7 engine: the seam"): the rules walk the
 * TypeScript 6 program's trees, and each question is answered by TypeScript 7 where the method is
 * ported (`promiseFacts.ts`, same steps as `Ts6TypeOracle`, parity measured), else by a
 * `Ts6TypeOracle` on the same TypeScript 6 program, created on the first such question. So the
 * answers are exact while the port goes on, and what is left to port is measurable: every answer
 * is counted per method and per engine (`CONCURRENCY_LINT_TS7_STATS=1` prints the counts when a
 * run ends, see `ts7Stats`).
 *
 * Nodes in and out are nodes of the TypeScript 6 program: the session is made with that program's
 * trees (`Ts7SessionOptions.sourceFile6`), so a declaration TypeScript 7 hands back is the very
 * node the rules walk.
 */
import * as ts from "typescript";
import type { CommandLineFolder, ReadFile } from "../project";
import { Ts6TypeOracle } from "../ts6TypeOracle";
import type { DeclarationRef, PromiseQuery, Tri, TypeOracle, VariableHandle } from "../typeOracle";
import type { Project7 } from "./api";
import { Ts7PromiseFacts } from "./promiseFacts";
import type { Ts7Session } from "./session";

/** Answers per oracle method: by TypeScript 7 (`ts7`), by the TypeScript 6 fallback (`ts6`), failed by TypeScript 7 (answered "don't know"). */
export interface MethodCount {
  ts7: number;
  ts6: number;
  failed: number;
}

/** Counts of the whole process (every oracle of every program), by method. */
export const ts7Stats = new Map<string, MethodCount>();

function countOf(method: string): MethodCount {
  let count = ts7Stats.get(method);
  if (!count) ts7Stats.set(method, (count = { ts7: 0, ts6: 0, failed: 0 }));
  return count;
}

/**
 * The counts as lines, the most asked method first: `method ts7 N ts6 N [failed N]`, then the
 * totals. What `CONCURRENCY_LINT_TS7_STATS=1` prints on stderr.
 */
export function formatTs7Stats(): string[] {
  const rows = [...ts7Stats].sort((a, b) => b[1].ts7 + b[1].ts6 - (a[1].ts7 + a[1].ts6) || a[0].localeCompare(b[0]));
  const total = rows.reduce((sum, [, count]) => ({ ts7: sum.ts7 + count.ts7, ts6: sum.ts6 + count.ts6, failed: sum.failed + count.failed }), { ts7: 0, ts6: 0, failed: 0 });
  const line = (name: string, count: MethodCount) => `${name} ts7 ${count.ts7} ts6 ${count.ts6}${count.failed > 0 ? ` failed ${count.failed}` : ""}`;
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
    private readonly program: ts.Program,
    session: Ts7Session,
    project: Project7,
    private readonly readFile?: ReadFile,
  ) {
    this.facts = new Ts7PromiseFacts(session, project);
  }

  /** The TypeScript 6 oracle for a method not ported yet (its checker is created on the first such question). */
  private ts6(method: string): Ts6TypeOracle {
    countOf(method).ts6++;
    this.fallback ??= new Ts6TypeOracle(this.program, this.readFile);
    return this.fallback;
  }

  private ts7<T>(method: string, answer: () => T): T {
    const count = countOf(method);
    count.ts7++;
    const failuresBefore = this.facts.failures;
    const result = answer();
    count.failed += this.facts.failures - failuresBefore;
    return result;
  }

  /**
   * Asks ahead, in a few batches, what the hot questions will need for a file's expressions (calls,
   * `new`, awaited values, expression statements, arguments): called by the engine before the
   * file's rules run. Answers do not change; only the number of round trips does.
   */
  prefetchFile(sourceFile: ts.SourceFile): void {
    if (this.prefetched.has(sourceFile)) return;
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
    const count = countOf("prefetchFile");
    count.ts7++;
    const failuresBefore = this.facts.failures;
    this.facts.prefetch(exprs, { thenables: true });
    count.failed += this.facts.failures - failuresBefore;
  }

  memo<T>(key: object, compute: () => T): T {
    if (this.memoTable.has(key)) return this.memoTable.get(key) as T;
    const value = compute();
    this.memoTable.set(key, value);
    return value;
  }

  promiseStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("promiseStatus", () => this.facts.promiseStatus(expr, query));
  }

  promiseArrayStatus(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("promiseArrayStatus", () => this.facts.promiseArrayStatus(expr, query));
  }

  everyPartHasCatch(expr: ts.Expression): boolean {
    return this.ts6("everyPartHasCatch").everyPartHasCatch(expr);
  }

  functionStatus(expr: ts.Expression): Tri {
    return this.ts6("functionStatus").functionStatus(expr);
  }

  notFunctionStatus(expr: ts.Expression): Tri {
    return this.ts6("notFunctionStatus").notFunctionStatus(expr);
  }

  calleeDeclaration(call: ts.CallExpression | ts.NewExpression): DeclarationRef | undefined {
    return this.ts6("calleeDeclaration").calleeDeclaration(call);
  }

  typeDeclarations(expr: ts.Expression): DeclarationRef[] {
    return this.ts6("typeDeclarations").typeDeclarations(expr);
  }

  variableOf(identifier: ts.Identifier): VariableHandle | undefined {
    return this.ts6("variableOf").variableOf(identifier);
  }

  supportsTopLevelAwait(sourceFile: ts.SourceFile): boolean {
    return this.ts6("supportsTopLevelAwait").supportsTopLevelAwait(sourceFile);
  }

  promiseStatusWhen(condition: ts.Expression, variable: VariableHandle, outcome: boolean, query: PromiseQuery): Tri {
    return this.ts6("promiseStatusWhen").promiseStatusWhen(condition, variable, outcome, query);
  }

  programRunsOnNode(): boolean {
    return this.ts6("programRunsOnNode").programRunsOnNode();
  }

  functionReturnsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts7("functionReturnsPromise", () => this.facts.functionReturnsPromise(expr, query));
  }

  expectsVoidFunction(expr: ts.Expression): Tri {
    return this.ts6("expectsVoidFunction").expectsVoidFunction(expr);
  }

  everyPartIsPromise(expr: ts.Expression, query: PromiseQuery): Tri {
    return this.ts6("everyPartIsPromise").everyPartIsPromise(expr, query);
  }

  promiseNames(): { functions: ReadonlySet<string>; values: ReadonlySet<string> } {
    return this.ts6("promiseNames").promiseNames();
  }

  resolvesToNothing(expr: ts.Expression): boolean {
    return this.ts6("resolvesToNothing").resolvesToNothing(expr);
  }

  declaredMayBeAbsent(expr: ts.Expression): boolean {
    return this.ts6("declaredMayBeAbsent").declaredMayBeAbsent(expr);
  }

  declaredParameterExpectsVoid(expr: ts.Expression): Tri | undefined {
    return this.ts7("declaredParameterExpectsVoid", () => this.facts.declaredParameterExpectsVoid(expr));
  }

  spreadFillsVoidPositions(spread: ts.SpreadElement, query: PromiseQuery): Tri {
    return this.ts6("spreadFillsVoidPositions").spreadFillsVoidPositions(spread, query);
  }

  expectsVoidFunctionForMember(member: ts.MethodDeclaration | ts.ShorthandPropertyAssignment): Tri {
    return this.ts6("expectsVoidFunctionForMember").expectsVoidFunctionForMember(member);
  }

  voidReturningBaseOf(member: ts.MethodDeclaration | ts.PropertyDeclaration | ts.MethodSignature | ts.PropertySignature): string | undefined {
    return this.ts6("voidReturningBaseOf").voidReturningBaseOf(member);
  }

  writtenReturnIsPromise(member: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    return this.ts6("writtenReturnIsPromise").writtenReturnIsPromise(member, query);
  }

  writtenFunctionTypeReturnsPromise(typeNode: ts.TypeNode, query: PromiseQuery): Tri {
    return this.ts7("writtenFunctionTypeReturnsPromise", () => this.facts.writtenFunctionTypeReturnsPromise(typeNode, query));
  }

  declarationReturnsPromise(fn: ts.SignatureDeclaration, query: PromiseQuery): Tri {
    return this.ts6("declarationReturnsPromise").declarationReturnsPromise(fn, query);
  }

  disposeReturnsPromise(expr: ts.Expression, query: PromiseQuery): { status: Tri; declarations: readonly ts.Declaration[] } {
    return this.ts6("disposeReturnsPromise").disposeReturnsPromise(expr, query);
  }

  disposeReturnsVoid(typeNode: ts.TypeNode): boolean {
    return this.ts6("disposeReturnsVoid").disposeReturnsVoid(typeNode);
  }

  variableDeclarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
    return this.ts6("variableDeclarationOf").variableDeclarationOf(identifier);
  }

  parameterDeclarationOf(identifier: ts.Identifier): ts.ParameterDeclaration | undefined {
    return this.ts6("parameterDeclarationOf").parameterDeclarationOf(identifier);
  }

  variableScope(identifier: ts.Identifier, fn: ts.Node): { scope: "inside" | "outside"; isParameter: boolean; isConst: boolean } | undefined {
    return this.ts7("variableScope", () => this.facts.variableScope(identifier, fn));
  }

  tupleLength(expr: ts.Expression): number | undefined {
    return this.ts6("tupleLength").tupleLength(expr);
  }

  openSizeStatus(expr: ts.Expression): Tri {
    return this.ts6("openSizeStatus").openSizeStatus(expr);
  }

  numberLiteralValue(expr: ts.Expression): number | undefined {
    return this.ts6("numberLiteralValue").numberLiteralValue(expr);
  }

  fixedPropertyCount(expr: ts.Expression): number | undefined {
    return this.ts6("fixedPropertyCount").fixedPropertyCount(expr);
  }

  isProjectLockClass(expr: ts.Expression, pairs: readonly (readonly [string, string])[]): boolean {
    return this.ts6("isProjectLockClass").isProjectLockClass(expr, pairs);
  }

  commandLineFolderOf(sourceFile: ts.SourceFile): CommandLineFolder | undefined {
    return this.ts6("commandLineFolderOf").commandLineFolderOf(sourceFile);
  }

  projectSourceFiles(): readonly ts.SourceFile[] {
    return this.ts6("projectSourceFiles").projectSourceFiles();
  }

  isRootFile(sourceFile: ts.SourceFile): boolean {
    return this.ts6("isRootFile").isRootFile(sourceFile);
  }

  isProjectSourceFile(sourceFile: ts.SourceFile): boolean {
    return this.ts6("isProjectSourceFile").isProjectSourceFile(sourceFile);
  }

  calleeTarget(call: ts.CallExpression | ts.NewExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    return this.ts6("calleeTarget").calleeTarget(call);
  }

  indirectCalleeTarget(call: ts.CallExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined {
    return this.ts6("indirectCalleeTarget").indirectCalleeTarget(call);
  }

  projectFunctionOf(call: ts.CallExpression | ts.NewExpression): ts.FunctionLikeDeclaration | undefined {
    return this.ts6("projectFunctionOf").projectFunctionOf(call);
  }

  projectImplementationsOf(call: ts.CallExpression | ts.NewExpression): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.ts6("projectImplementationsOf").projectImplementationsOf(call);
  }

  projectReferencesOf(declaration: ts.FunctionDeclaration | ts.VariableDeclaration, limit: number): ts.Identifier[] | undefined {
    return this.ts6("projectReferencesOf").projectReferencesOf(declaration, limit);
  }

  projectPropertyReferencesOf(access: ts.PropertyAccessExpression, limit: number): readonly ts.MemberName[] | undefined {
    return this.ts6("projectPropertyReferencesOf").projectPropertyReferencesOf(access, limit);
  }

  callSignatureDeclarations(expr: ts.Expression): readonly ts.SignatureDeclaration[] | undefined {
    return this.ts6("callSignatureDeclarations").callSignatureDeclarations(expr);
  }

  projectImplementationsOfShorthand(property: ts.ShorthandPropertyAssignment): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.ts6("projectImplementationsOfShorthand").projectImplementationsOfShorthand(property);
  }

  projectImplementationsOfValue(expr: ts.Expression): readonly ts.FunctionLikeDeclaration[] | undefined {
    return this.ts6("projectImplementationsOfValue").projectImplementationsOfValue(expr);
  }

  projectSubclassesOf(owner: ts.ClassLikeDeclaration): readonly ts.ClassLikeDeclaration[] | undefined {
    return this.ts6("projectSubclassesOf").projectSubclassesOf(owner);
  }

  fieldDeclarationOf(access: ts.PropertyAccessExpression): ts.PropertyDeclaration | undefined {
    return this.ts6("fieldDeclarationOf").fieldDeclarationOf(access);
  }

  isUntyped(expr: ts.Expression): boolean {
    return this.ts6("isUntyped").isUntyped(expr);
  }

  nullishStatus(expr: ts.Expression): Tri {
    return this.ts6("nullishStatus").nullishStatus(expr);
  }

  numberStatus(expr: ts.Expression): Tri {
    return this.ts6("numberStatus").numberStatus(expr);
  }

  isGlobalPromiseConstructor(expr: ts.Expression): boolean {
    return this.ts6("isGlobalPromiseConstructor").isGlobalPromiseConstructor(expr);
  }

  collectionStatus(expr: ts.Expression): Tri {
    return this.ts6("collectionStatus").collectionStatus(expr);
  }

  hasProperty(expr: ts.Expression, name: string): boolean {
    return this.ts6("hasProperty").hasProperty(expr, name);
  }

  releaseMethod(expr: ts.Expression, names: readonly string[]): { status: Tri; method?: string } {
    return this.ts6("releaseMethod").releaseMethod(expr, names);
  }
}
