/**
 * The cross-function call index: which of the project's own functions reach a "seed" (for
 * `blocking-call-in-async`, a blocking call), directly or through other project functions, and
 * which calls from async code reach them. Built once per program from the seeds up; a rule says
 * what a seed is (`CallIndexConfig`) and words the findings.
 *
 * Seeds are found inside synchronous named functions of the project's own source files. Each round
 * then looks, by name, for calls of the functions found in the previous round, resolves only
 * those, and adds the synchronous function each sits in. Text searches pick the files; only call
 * sites whose name matches are resolved. The names are the functions' own and every local name
 * found for them (renamed imports and re-exports, `const` copies, import-equals aliases
 * (`import read = fs.readFileSync`) and destructuring, and default imports, whose modules are
 * resolved): each round searches again for the local names it finds, until none is new. Cycles end because a function is added once; `maxDepth` rounds and
 * `workLimit` resolutions bound the rest.
 *
 * Also here: where code runs (the function a node runs in, through callbacks that run right away),
 * the names functions are called by, and which functions only a program's entry script runs.
 */
import * as ts from "typescript";
import { isAncestorOrSelf, isAsyncFunction } from "./astUtils";
import type { DeclarationRef, TypeOracle } from "./typeOracle";
import { skipIndirectCallee, skipParens } from "./typeOracle";

export type NameMatcher = (name: string) => boolean;

// ---------------------------------------------------------------------------------------------
// Where code runs

/**
 * The function a node runs in, looking through callbacks that run right away: `callbacks` are
 * the calls they are passed to (innermost first), to be confirmed by declaration.
 */
export interface FunctionContext {
  fn: ts.SignatureDeclaration;
  callbacks: (ts.CallExpression | ts.NewExpression)[];
}

/** Array and collection methods that call their callback before returning. */
const IMMEDIATE_METHODS = new Set([
  "every", "filter", "find", "findIndex", "findLast", "findLastIndex", "flatMap", "forEach", "from", "map",
  "reduce", "reduceRight", "some", "sort", "toSorted",
]);

export function functionContextOf(node: ts.Node): FunctionContext | undefined {
  const callbacks: (ts.CallExpression | ts.NewExpression)[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const call = immediateCallOf(current);
      if (call) {
        callbacks.push(call);
        continue;
      }
      return { fn: current, callbacks };
    }
    // Static blocks and field initializers run when the class or instance is created.
    if (ts.isClassStaticBlockDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

export function asyncContextOf(node: ts.Node): FunctionContext | undefined {
  const where = functionContextOf(node);
  return where && isAsyncFunction(where.fn) ? where : undefined;
}

/** The call a synchronous callback is passed to, when its shape says it runs right away. */
function immediateCallOf(fn: ts.SignatureDeclaration): ts.CallExpression | ts.NewExpression | undefined {
  if (isAsyncFunction(fn) || (fn as ts.FunctionLikeDeclaration).asteriskToken) return undefined;
  return immediateShapeCallOf(fn);
}

/** The call a callback (async or not) is passed to, when the call's shape says it starts it right away. */
export function immediateShapeCallOf(fn: ts.SignatureDeclaration): ts.CallExpression | ts.NewExpression | undefined {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const parent = fn.parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(fn)) {
    const callee = skipParens(parent.expression);
    return ts.isPropertyAccessExpression(callee) && IMMEDIATE_METHODS.has(callee.name.text) ? parent : undefined;
  }
  if (ts.isNewExpression(parent) && parent.arguments?.[0] === fn) {
    const callee = skipParens(parent.expression);
    return ts.isIdentifier(callee) && callee.text === "Promise" ? parent : undefined;
  }
  return undefined;
}

/** Confirms, by declaration, that a callback's call is a default-lib array method or `new Promise`. */
function runsCallbackNow(call: ts.CallExpression | ts.NewExpression, types: TypeOracle): boolean {
  const ref = types.calleeTarget(call)?.ref;
  if (!ref?.isDefaultLib) return false;
  if (ts.isNewExpression(call)) return ref.qualifiedName === "Promise" || ref.qualifiedName === "PromiseConstructor";
  const dot = ref.qualifiedName.lastIndexOf(".");
  const owner = ref.qualifiedName.slice(0, dot);
  const method = ref.qualifiedName.slice(dot + 1);
  return IMMEDIATE_METHODS.has(method) && /^(?:(?:Readonly)?(?:Array|Map|Set)|\w*Array(?:Constructor)?)$/.test(owner);
}


/** The name a function is called by: its own, its variable's or property's, or its class's for a constructor. */
export function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return fn.parent.name?.text ?? variableNameOf(fn.parent);
  const own = fn.name;
  if (own && (ts.isIdentifier(own) || ts.isStringLiteral(own) || ts.isPrivateIdentifier(own))) return own.text;
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) return variableNameOf(fn);
  return undefined;
}

function variableNameOf(node: ts.Node): string | undefined {
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node) {
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) || ts.isPrivateIdentifier(parent.name) ? parent.name.text : undefined;
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = parent.left;
    if (ts.isIdentifier(left)) return left.text;
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
  }
  return undefined;
}

function functionLabel(fn: ts.SignatureDeclaration, name: string): string {
  return ts.isConstructorDeclaration(fn) ? `new ${name}` : qualifiedFunctionName(fn, name);
}

export function qualifiedFunctionName(fn: ts.SignatureDeclaration, name: string): string {
  // A method, or a function stored in a class field (`#onExit = () => ...`).
  const member = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyDeclaration(fn.parent) && fn.parent.initializer === fn ? fn.parent : undefined;
  const owner = member?.parent;
  return owner && ts.isClassLike(owner) && owner.name ? `${owner.name.text}.${name}` : name;
}

/**
 * The names of what a `.call`/`.apply` call may run (syntax only; `TypeOracle.indirectCalleeTarget`
 * decides): `f` in `f.call(...)`, `f.apply(...)` and `Reflect.apply(f, ...)`.
 */
export function indirectCalleeNames(call: ts.CallExpression): string[] {
  let callee = skipParens(call.expression);
  while (ts.isNonNullExpression(callee)) callee = skipParens(callee.expression);
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return [];
  const names = [calleeName(callee.expression)];
  const [first] = call.arguments;
  if (calleeName(callee) === "apply" && first && !ts.isSpreadElement(first)) names.push(calleeName(first));
  return names.filter((name) => name !== undefined);
}

/**
 * The name at a call site: `f`, `obj.f`, `obj["f"]`, `this.#f`, also through the indirect-call
 * wrapper compilers emit for an imported function in CommonJS (`(0, fs_1.readFileSync)(p)` names
 * `readFileSync`).
 */
export function calleeName(expression: ts.Expression): string | undefined {
  let node = skipIndirectCallee(expression);
  while (ts.isNonNullExpression(node)) node = skipParens(node.expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}


// ---------------------------------------------------------------------------------------------
// The index

/** A project function that reaches a seed, and the first step of the way. */
export interface ReachingFunction<S> {
  fn: ts.SignatureDeclaration;
  /** The name calls use. */
  name: string;
  /** As messages show it: `Store.load`, `new Config`. */
  label: string;
  depth: number;
  /** The call (or loop) inside `fn` that reaches the seed, or is it. */
  site: ts.Node;
  next?: ReachingFunction<S>;
  /** The seed at the end of the chain; read it at the sink (`sinkOf`), a caller's copy may be older. */
  seed: S;
}

/** A call from async code to a project function that reaches a seed. */
export interface AsyncCaller<S> {
  node: ts.CallExpression | ts.NewExpression;
  where: FunctionContext;
  /** The function called. */
  entry: ReachingFunction<S>;
}

/** A site that may be a seed: a call or `new` with the name at the call site, or a loop. */
export interface SeedCandidate {
  node: ts.CallExpression | ts.NewExpression | ts.IterationStatement;
  name: string | undefined;
}

/** What a rule tells the index: what a seed is, what to leave out, and the bounds. */
export interface CallIndexConfig<S> {
  /** Whether a file's text may hold a seed (a cheap filter before any walk). */
  seedText(text: string): boolean;
  /** Call-site names worth resolving as seeds. */
  seedName: NameMatcher;
  /** A call whose own name `seedName` rejects but that may still be a seed (`f.call(...)` of a seed name, a shape). */
  isExtraSeedCandidate(call: ts.CallExpression, name: string, isName: NameMatcher): boolean;
  /** A loop that is a seed by its syntax. */
  isSeedLoop(loop: ts.WhileStatement | ts.DoStatement | ts.ForStatement): boolean;
  /** The seed a candidate is, by declaration, or undefined. */
  seedOf(candidate: SeedCandidate): S | undefined;
  /** A call whose shape makes it a seed itself, not a call of a project function. */
  isSeedShape(call: ts.CallExpression, name: string): boolean;
  /** A declaration that is a seed API itself, not a project function. */
  isSeedDeclaration(ref: DeclarationRef): boolean;
  /** A weak seed (a cheap call) that a stronger one found later in the same function replaces. */
  isWeak(seed: S): boolean;
  /** Code the index neither follows nor counts as a caller (a rule's `allow` entries). */
  excluded(node: ts.Node): boolean;
  /** Whether to follow project functions at all. */
  transitive: boolean;
  /** How many project functions deep a chain is followed. */
  maxDepth: number;
  /** How many call sites the index may resolve per program. */
  workLimit: number;
  /** How many identifiers `entryScriptOf` may resolve to find one function's callers. */
  referenceLimit: number;
}

/** The function at the end of a chain: the one whose own body holds the seed. */
export function sinkOf<S>(fn: ReachingFunction<S>): ReachingFunction<S> {
  let step = fn;
  while (step.next) step = step.next;
  return step;
}

export class CallIndex<S> {
  /** Call-site names that may reach a seed: local names of seed APIs, and the project functions found and their local names. */
  readonly names = new Set<string>();
  private readonly functions = new Map<ts.Node, ReachingFunction<S>>();
  private readonly runsNow = new Map<ts.Node, boolean>();
  /** `entryScriptOf` per function; null while computing and for none. */
  private readonly entryScripts = new Map<ts.Node, ts.SourceFile | null>();
  /** `stepRunSites` per function; null for none. */
  private readonly steps = new Map<ts.Node, { field: string; runs: readonly ts.CallExpression[] } | null>();
  private work = 0;
  private sinksMemo: Map<ts.SourceFile, { sink: ReachingFunction<S>; callers: AsyncCaller<S>[] }[]> | undefined;
  /** Files with a blocking call inside a synchronous project function. */
  private readonly seedFiles = new Set<ts.SourceFile>();

  constructor(
    private readonly config: CallIndexConfig<S>,
    private readonly types: TypeOracle,
  ) {
    this.build();
  }

  /** Whether every callback on the way is confirmed, by declaration, to run right away. */
  callbacksRunNow(calls: readonly (ts.CallExpression | ts.NewExpression)[]): boolean {
    return calls.every((call) => {
      let known = this.runsNow.get(call);
      if (known === undefined) this.runsNow.set(call, (known = runsCallbackNow(call, this.types)));
      return known;
    });
  }

  /**
   * The entry script (a file that starts with a `#!` line: a program run from the command line)
   * whose top-level code is all that runs `fn`: every reference to it in the project is a direct
   * call made at that top level, or inside a function that only it runs (recursively, at most
   * `maxDepth` functions), never inside an open-ended loop. A function passed by reference, called
   * from a callback that runs later, or exported from a module that is not an entry script (its
   * package's users may call it) is not; nor is a method (any object of its class may be used).
   * Cycle-safe: a function that runs itself is not known to run once.
   */
  entryScriptOf(fn: ts.SignatureDeclaration, depth = 1): ts.SourceFile | undefined {
    const known = this.entryScripts.get(fn);
    if (known !== undefined) return known ?? undefined;
    this.entryScripts.set(fn, null);
    const found = depth <= this.config.maxDepth ? this.findEntryScript(fn, depth) : undefined;
    this.entryScripts.set(fn, found ?? null);
    return found;
  }

  private findEntryScript(fn: ts.SignatureDeclaration, depth: number): ts.SourceFile | undefined {
    let declaration: ts.FunctionDeclaration | ts.VariableDeclaration | undefined;
    if (ts.isFunctionDeclaration(fn) && fn.body) declaration = fn;
    else if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && fn.parent.initializer === fn) {
      const list = fn.parent.parent;
      if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) declaration = fn.parent;
    }
    if (!declaration || (isExported(declaration) && !isEntryScript(fn.getSourceFile()))) return undefined;
    // References are searched by name, and a default import names the function as it likes (`import version from "./bin/cli"`).
    if (declaration.name && ts.isIdentifier(declaration.name) && this.defaultImportedUnderOtherName(declaration, declaration.name.text)) return undefined;
    const references = this.types.projectReferencesOf(declaration, this.config.referenceLimit);
    if (!references || references.length === 0) return undefined;
    let entry: ts.SourceFile | undefined;
    for (const reference of references) {
      const callee = ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference ? reference.parent : reference;
      const call = callee.parent;
      if (!ts.isCallExpression(call) || call.expression !== callee || inOpenEndedLoop(call)) return undefined;
      const caller = this.runningFunctionOf(call);
      if (caller === undefined) return undefined;
      const script = caller === "top level" ? call.getSourceFile() : this.entryScriptOf(caller, depth + 1);
      if (!script || !isEntryScript(script)) return undefined;
      entry ??= script;
    }
    return entry;
  }

  /** Whether `declaration` is its module's default export and some project file imports that under another name. */
  private defaultImportedUnderOtherName(declaration: ts.FunctionDeclaration | ts.VariableDeclaration, name: string): boolean {
    const file = declaration.getSourceFile();
    const own = ts.isFunctionDeclaration(declaration) && ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    if (!own && !file.statements.some((statement) => exportsAsDefault(statement, name))) return false;
    return [...this.defaultImportNames(new Set([file]))].some((local) => local !== name);
  }

  /** The function a call runs in, through callbacks confirmed to run right away; "top level" for module code. */
  private runningFunctionOf(node: ts.Node): ts.SignatureDeclaration | "top level" | undefined {
    for (let current = node.parent; ; current = current.parent) {
      if (ts.isSourceFile(current)) return "top level";
      if (ts.isClassStaticBlockDeclaration(current) || ts.isPropertyDeclaration(current)) return undefined;
      if (!ts.isFunctionLike(current)) continue;
      const call = immediateShapeCallOf(current);
      if (!call) return current;
      if (!this.callbacksRunNow([call])) return undefined;
    }
  }

  /**
   * Where a function kept in a list field runs: `fn` is passed straight to `x.stopSteps.push(fn)`
   * (or `unshift`), and every use of that field in the project
   * (`TypeOracle.projectPropertyReferencesOf`) adds to it the same way, reads its `length`, assigns
   * it a fresh array (a literal, or what a project function builds in a local array literal and
   * returns), or walks it with `for (const step of x.stopSteps)` whose loop variable is only called
   * directly in the loop (`await step()`, no nested function in between). Then those calls are the
   * only places `fn` runs, and they are returned with the field's name. Undefined otherwise: the
   * field read any other way (handed on, spread, copied, destructured, an element read), a list
   * that another name may hold, a field of a library.
   *
   * @example
   * // async stop() { this.stopSteps.push(async () => { clearPidFile(); });
   * //   for (const step of this.stopSteps) await step(); }
   * // stepRunSites(<the arrow>) → { field: "stopSteps", runs: [`step()`] }
   */
  stepRunSites(fn: ts.SignatureDeclaration): { field: string; runs: readonly ts.CallExpression[] } | undefined {
    const known = this.steps.get(fn);
    if (known !== undefined) return known ?? undefined;
    const found = this.findStepRunSites(fn);
    this.steps.set(fn, found ?? null);
    return found;
  }

  private findStepRunSites(fn: ts.SignatureDeclaration): { field: string; runs: readonly ts.CallExpression[] } | undefined {
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    let argument: ts.Node = fn;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(argument as ts.Expression)) return undefined;
    const list = listOfAdd(call);
    const add = list && this.types.calleeTarget(call)?.ref;
    // The lib's `Array#push`: a list type of the project's own could run what it is given.
    if (!list || !add?.isDefaultLib || !/^Array\.(?:push|unshift)$/.test(add.qualifiedName)) return undefined;
    const references = this.types.projectPropertyReferencesOf(list, this.config.referenceLimit);
    if (!references) return undefined;
    const runs: ts.CallExpression[] = [];
    for (const name of references) {
      const use = name.parent;
      if (ts.isPropertySignature(use)) return undefined;
      if (ts.isPropertyDeclaration(use)) {
        if (use.initializer && !this.freshArray(use.initializer)) return undefined;
        continue;
      }
      const access = use as ts.PropertyAccessExpression;
      let outer: ts.Node = access;
      while (ts.isParenthesizedExpression(outer.parent) || ts.isNonNullExpression(outer.parent)) outer = outer.parent;
      const parent = outer.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === outer && (parent.name.text === "length" || listOfAdd(parent.parent) === access)) continue;
      if (ts.isBinaryExpression(parent) && parent.left === outer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (!this.freshArray(parent.right)) return undefined;
        continue;
      }
      if (ts.isForOfStatement(parent) && parent.expression === outer) {
        const calls = this.loopVariableCalls(parent);
        if (!calls) return undefined;
        runs.push(...calls);
        continue;
      }
      return undefined;
    }
    return runs.length > 0 ? { field: list.name.text, runs } : undefined;
  }

  /** The calls of the loop variable of `for (const step of list)`, when it is used only so, in the loop's own code. */
  private loopVariableCalls(loop: ts.ForOfStatement): ts.CallExpression[] | undefined {
    const declarations = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations : [];
    const variable = declarations.length === 1 ? declarations[0] : undefined;
    if (!variable || !ts.isIdentifier(variable.name)) return undefined;
    const name = variable.name.text;
    const calls: ts.CallExpression[] = [];
    let other = false;
    const visit = (node: ts.Node, nested: boolean): void => {
      if (other) return;
      if (ts.isIdentifier(node) && node.text === name && this.types.variableDeclarationOf(node) === variable) {
        const parent = node.parent;
        if (nested || !ts.isCallExpression(parent) || parent.expression !== node) other = true;
        else calls.push(parent);
        return;
      }
      ts.forEachChild(node, (child) => visit(child, nested || ts.isFunctionLike(node) || ts.isClassLike(node)));
    };
    visit(loop.statement, false);
    return other ? undefined : calls;
  }

  /**
   * An array no other name holds: an array literal, or a call of a project function that returns
   * only a local initialized with an array literal, which it otherwise only adds to
   * (`const output = []; ... output.push(d); return output;`).
   */
  private freshArray(value: ts.Expression): boolean {
    const node = skipParens(value);
    if (ts.isArrayLiteralExpression(node)) return true;
    if (!ts.isCallExpression(node)) return false;
    const builder = this.types.projectFunctionOf(node);
    const body = builder?.body;
    if (!body || !ts.isBlock(body)) return false;
    let local: ts.VariableDeclaration | undefined;
    let returns = 0;
    let fresh = true;
    const visit = (child: ts.Node): void => {
      if (!fresh || ts.isFunctionLike(child) || ts.isClassLike(child)) return;
      if (ts.isReturnStatement(child)) {
        returns++;
        const returned = child.expression && skipParens(child.expression);
        const declaration = returned && ts.isIdentifier(returned) ? this.types.variableDeclarationOf(returned) : undefined;
        if (!declaration || (local && declaration !== local)) fresh = false;
        local = declaration;
        return;
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(body, visit);
    if (!fresh || returns === 0 || !local?.initializer || !ts.isArrayLiteralExpression(skipParens(local.initializer)) || !isAncestorOrSelf(body, local)) return false;
    const array = local;
    // Returned by the builder itself (a nested function returning it would hand it on), else only added to.
    const uses = (node: ts.Node, nested: boolean): boolean => {
      if (ts.isIdentifier(node) && node !== array.name && this.types.variableDeclarationOf(node) === array) {
        const parent = node.parent;
        if (ts.isReturnStatement(parent)) return !nested;
        return ts.isPropertyAccessExpression(parent) && parent.expression === node && isAddMethod(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      }
      const inner = nested || ts.isFunctionLike(node) || ts.isClassLike(node);
      return ts.forEachChild(node, (child) => (uses(child, inner) ? undefined : true)) !== true;
    };
    return uses(body, false);
  }

  /** The project function a callee's declarations name, when all of its bodies reach a seed. */
  reachingFunction(declarations: readonly ts.Declaration[]): ReachingFunction<S> | undefined {
    let found: ReachingFunction<S> | undefined;
    for (const declaration of declarations) {
      const body = implementationOf(declaration);
      if (body === "overload") continue;
      const blocking = body && this.functions.get(body);
      if (!blocking) return undefined;
      found ??= blocking;
    }
    return found;
  }

  /** The sinks in `file` that async code reaches through project functions, with those calls, in source order. */
  sinksIn(file: ts.SourceFile): readonly { sink: ReachingFunction<S>; callers: readonly AsyncCaller<S>[] }[] {
    // Editing a file without a blocking call (most edits) does not scan the program for callers.
    if (!this.seedFiles.has(file)) return [];
    this.sinksMemo ??= this.findAsyncCallers();
    return this.sinksMemo.get(file) ?? [];
  }

  /**
   * Every call from async code to a blocking project function in the program, grouped by the
   * sink it reaches and by the sink's file. Callers are sorted by file name and position, so the
   * result does not depend on which file asked first.
   */
  private findAsyncCallers(): Map<ts.SourceFile, { sink: ReachingFunction<S>; callers: AsyncCaller<S>[] }[]> {
    const bySink = new Map<ReachingFunction<S>, AsyncCaller<S>[]>();
    const names = [...this.names];
    if (names.length > 0) {
      const pattern = new RegExp(`(?:^|[^\\w$])(?:${names.map(escapeRegExp).join("|")})(?![\\w$])`);
      for (const file of this.types.projectSourceFiles()) {
        if (!pattern.test(file.text)) continue;
        const visit = (node: ts.Node): void => {
          if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
            const caller = this.asyncCallerAt(node);
            if (caller) {
              const sink = sinkOf(caller.entry);
              const list = bySink.get(sink);
              if (list) list.push(caller);
              else bySink.set(sink, [caller]);
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
    const byFile = new Map<ts.SourceFile, { sink: ReachingFunction<S>; callers: AsyncCaller<S>[] }[]>();
    for (const [sink, callers] of bySink) {
      callers.sort((a, b) => compareText(a.node.getSourceFile().fileName, b.node.getSourceFile().fileName) || a.node.pos - b.node.pos);
      const file = sink.site.getSourceFile();
      const list = byFile.get(file);
      if (list) list.push({ sink, callers });
      else byFile.set(file, [{ sink, callers }]);
    }
    for (const list of byFile.values()) list.sort((a, b) => a.sink.site.pos - b.sink.site.pos);
    return byFile;
  }

  /** A call or `new` in async code (not allowed) of a project function that blocks; catalogue calls are not. */
  private asyncCallerAt(node: ts.CallExpression | ts.NewExpression): AsyncCaller<S> | undefined {
    const name = calleeName(node.expression);
    if (name === undefined || !this.names.has(name)) return undefined;
    if (ts.isCallExpression(node) && this.config.isSeedShape(node, name)) return undefined;
    const where = asyncContextOf(node);
    if (!where || this.config.excluded(node)) return undefined;
    const target = this.types.calleeTarget(node);
    if (!target || (ts.isCallExpression(node) && this.config.isSeedDeclaration(target.ref))) return undefined;
    const entry = this.reachingFunction(target.declarations);
    return entry && this.callbacksRunNow(where.callbacks) ? { node, where, entry } : undefined;
  }

  private build(): void {
    const files = this.types.projectSourceFiles();
    const { config } = this;
    // Seeds: calls of the seed APIs (under any local name) and seed loops, in synchronous functions.
    const seedFiles = files.filter((file) => config.seedText(file.text));
    const seedOf = (candidate: SeedCandidate) => {
      const seed = config.seedOf(candidate);
      return seed === undefined ? undefined : { seed };
    };
    let frontier = this.scanWithLocalNames(seedFiles, config.seedName, true, seedOf);
    if (!config.transitive) return;
    for (let depth = 2; depth <= config.maxDepth && frontier.length > 0 && this.work < config.workLimit; depth++) {
      // The names the functions found are called by: their own, and the local names of default imports of them.
      const wanted = new Set(frontier.map((blocking) => blocking.name));
      for (const name of this.defaultImportNames(this.defaultExportFiles(frontier))) wanted.add(name);
      for (const name of wanted) this.names.add(name);
      frontier = this.scanWithLocalNames(
        files.filter(spelling(wanted)),
        (name) => wanted.has(name),
        false,
        (candidate) => {
          const target = ts.isCallExpression(candidate.node) || ts.isNewExpression(candidate.node) ? this.types.calleeTarget(candidate.node) : undefined;
          const callee = target && this.reachingFunction(target.declarations);
          return callee ? { next: callee, seed: callee.seed } : undefined;
        },
      );
    }
    if (frontier.length === 0) return;
    // The last functions found (`maxDepth` deep, or the work limit reached) are searched no further,
    // but async code may call them: their names and local names are recorded, nothing resolved.
    const last = new Set(frontier.map((blocking) => blocking.name));
    for (const name of this.defaultImportNames(this.defaultExportFiles(frontier))) last.add(name);
    for (const name of last) this.names.add(name);
    if (this.work < config.workLimit) this.scanWithLocalNames(files.filter(spelling(last)), (name) => last.has(name), false, () => undefined);
  }

  /**
   * `scanRound` over `files`, then over the project files that spell a local name found for what
   * it looked for (a renamed import or re-export, a copy or import-equals alias, destructuring, the
   * default import of a module that exports it as default), with those names; again until no new name is found, so a
   * copy of a copy in another file is followed at any depth (`const c = b` of `const b = a` of
   * `const a = fs.existsSync`). Only names found so are searched again: a round without copies
   * costs one pass.
   */
  private scanWithLocalNames(
    files: readonly ts.SourceFile[],
    isName: NameMatcher,
    seeding: boolean,
    blockerOf: (candidate: SeedCandidate) => { next?: ReachingFunction<S>; seed: S } | undefined,
  ): ReachingFunction<S>[] {
    const added: ReachingFunction<S>[] = [];
    const chased = new Set<string>();
    let pass = { files, isName };
    for (;;) {
      const found = this.scanRound(pass.files, pass.isName, seeding, blockerOf);
      added.push(...found.added);
      const fresh = new Set<string>();
      for (const name of [...found.renames, ...this.defaultImportNames(found.defaultFiles)]) {
        if (name === "default" || chased.has(name) || isName(name)) continue;
        chased.add(name);
        fresh.add(name);
        this.names.add(name);
      }
      if (fresh.size === 0 || this.work >= this.config.workLimit) return added;
      pass = { files: this.types.projectSourceFiles().filter(spelling(fresh)), isName: (name) => fresh.has(name) };
    }
  }

  /** The files that export one of `functions` as their default (`export default function`, `export default name`, `export { name as default }`, `export =`). */
  private defaultExportFiles(functions: readonly ReachingFunction<S>[]): Set<ts.SourceFile> {
    const files = new Set<ts.SourceFile>();
    for (const { fn, name } of functions) {
      const file = fn.getSourceFile();
      if (files.has(file)) continue;
      const declaration = ts.isConstructorDeclaration(fn) ? fn.parent : fn;
      const own = ts.canHaveModifiers(declaration) && ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
      if (own || file.statements.some((statement) => exportsAsDefault(statement, name))) files.add(file);
    }
    return files;
  }

  /**
   * The local names the project's files give the default export of `modules` (resolved: the
   * importing file does not spell the exported function's name): `import load from "./settings"`,
   * `import { default as load }`, `import load = require(...)`, `export { default as load } from`.
   * A module that passes a default on as its own (`export { default } from "./settings"`, or
   * `export default load` of such an import) counts as one of `modules`. Only import and export
   * statements at the top level are read, and only their specifiers resolved.
   */
  private defaultImportNames(modules: ReadonlySet<ts.SourceFile>): Set<string> {
    const names = new Set<string>();
    if (modules.size === 0) return names;
    const targets = new Set(modules);
    const files = this.types.projectSourceFiles();
    for (let grown = true; grown; ) {
      grown = false;
      for (const file of files) {
        const local = new Set<string>();
        let passesOn = false;
        for (const statement of file.statements) {
          if (ts.isImportDeclaration(statement)) {
            const clause = statement.importClause;
            if (!clause || clause.isTypeOnly || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
            const elements = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.filter((element) => !element.isTypeOnly && (element.propertyName ?? element.name).text === "default") : [];
            if (!clause.name && elements.length === 0) continue;
            if (!this.isTarget(statement.moduleSpecifier, targets)) continue;
            if (clause.name) local.add(clause.name.text);
            for (const element of elements) local.add(element.name.text);
          } else if (ts.isImportEqualsDeclaration(statement)) {
            const reference = statement.moduleReference;
            if (!statement.isTypeOnly && ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) && this.isTarget(reference.expression, targets)) local.add(statement.name.text);
          } else if (ts.isExportDeclaration(statement)) {
            const clause = statement.exportClause;
            if (statement.isTypeOnly || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier) || !clause || !ts.isNamedExports(clause)) continue;
            const elements = clause.elements.filter((element) => !element.isTypeOnly && (element.propertyName ?? element.name).text === "default");
            if (elements.length === 0 || !this.isTarget(statement.moduleSpecifier, targets)) continue;
            for (const element of elements) {
              if (element.name.text === "default") passesOn = true;
              else names.add(element.name.text);
            }
          }
        }
        for (const name of local) names.add(name);
        if (!passesOn && local.size > 0) passesOn = file.statements.some((statement) => [...local].some((name) => exportsAsDefault(statement, name)));
        if (passesOn && !targets.has(file)) {
          targets.add(file);
          grown = true;
        }
      }
    }
    return names;
  }

  private isTarget(specifier: ts.StringLiteral, targets: ReadonlySet<ts.SourceFile>): boolean {
    const file = this.types.projectModuleOf(specifier);
    return file !== undefined && targets.has(file);
  }

  /**
   * Whether the chain from `fn` ends in a weak seed. A function is recorded for the first seed
   * found in it, unless that seed is weak (a metadata call) and a later one is not: then the strong
   * site replaces it (see `scanRound`), so `if (existsSync(p)) return readText(p)` is reported
   * for the read, not hidden behind the cheaper check.
   */
  private endsWeak(fn: ReachingFunction<S>): boolean {
    return this.config.isWeak(sinkOf(fn).seed);
  }

  /**
   * One pass over `files`: collects the call sites whose name `isName` accepts (or a local rename
   * of such a name), finds the synchronous function each runs in, and asks `blockerOf` whether
   * the site blocks. Adds and returns the functions found.
   */
  private scanRound(
    files: readonly ts.SourceFile[],
    isName: NameMatcher,
    seeding: boolean,
    blockerOf: (candidate: SeedCandidate) => { next?: ReachingFunction<S>; seed: S } | undefined,
  ): { added: ReachingFunction<S>[]; renames: Set<string>; defaultFiles: Set<ts.SourceFile> } {
    const added: ReachingFunction<S>[] = [];
    const allRenames = new Set<string>();
    const defaultFiles = new Set<ts.SourceFile>();
    const result = { added, renames: allRenames, defaultFiles };
    for (const file of files) {
      const renames = new Set<string>();
      const candidates: SeedCandidate[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) || (!seeding && ts.isNewExpression(node))) {
          candidates.push({ node, name: calleeName(node.expression) });
        } else if (seeding && (ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isForStatement(node))) {
          if (this.config.isSeedLoop(node)) candidates.push({ node, name: undefined });
        } else {
          const renamed = renamedFrom(node, isName);
          if (renamed !== undefined) renames.add(renamed);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      for (const rename of renames) {
        this.names.add(rename);
        allRenames.add(rename);
      }
      // `export default exists` / `export { exists as default }`: other files' default imports are local names too.
      if (renames.has("default")) defaultFiles.add(file);
      for (const candidate of candidates) {
        const { node, name } = candidate;
        if (
          name !== undefined &&
          !isName(name) &&
          !renames.has(name) &&
          !(seeding && this.config.isExtraSeedCandidate(node as ts.CallExpression, name, (invoked) => isName(invoked) || renames.has(invoked)))
        ) {
          continue;
        }
        const where = functionContextOf(node);
        const owner = where && blockingOwner(where.fn);
        if (!owner) continue;
        // A function found for a metadata call is still searched for work that blocks longer.
        const known = this.functions.get(owner.fn);
        if ((known && !this.endsWeak(known)) || this.config.excluded(node)) continue;
        if (++this.work > this.config.workLimit) return result;
        const found = blockerOf(candidate);
        if (!found || !this.callbacksRunNow(where.callbacks)) continue;
        const depth = found.next ? found.next.depth + 1 : 1;
        if (known) {
          const weak = this.config.isWeak(found.next ? sinkOf(found.next).seed : found.seed);
          if (weak || depth > this.config.maxDepth) continue;
          // In place: the functions found calling it reach the work now too. Each function changes
          // at most once (metadata to work), and a chain that ends in work cannot pass through a
          // function whose chain ended in metadata, so no cycle forms. Its callers are searched
          // again next round, for those recorded for a metadata call of their own.
          Object.assign(known, { depth, site: node, next: found.next, seed: found.seed });
          if (!added.includes(known)) added.push(known);
          continue;
        }
        const blocking: ReachingFunction<S> = { fn: owner.fn, name: owner.name, label: functionLabel(owner.fn, owner.name), depth, site: node, next: found.next, seed: found.seed };
        this.functions.set(owner.fn, blocking);
        if (seeding) this.seedFiles.add(file);
        added.push(blocking);
      }
    }
    return result;
  }

}

/** `push` and `unshift`: the array methods that add items and run none. */
function isAddMethod(name: string): boolean {
  return name === "push" || name === "unshift";
}

/** `x.list` in `x.list.push(...)` or `x.list.unshift(...)` (parentheses and `!` allowed around it). */
function listOfAdd(node: ts.Node): ts.PropertyAccessExpression | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipParens(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !isAddMethod(callee.name.text)) return undefined;
  let list = skipParens(callee.expression);
  while (ts.isNonNullExpression(list)) list = skipParens(list.expression);
  return ts.isPropertyAccessExpression(list) ? list : undefined;
}

/** A program run from the command line: its first line is a `#!` (shebang) line. */
function isEntryScript(file: ts.SourceFile): boolean {
  return file.text.startsWith("#!");
}

/** Whether a declaration is exported, itself or through its variable statement or an enclosing namespace. */
function isExported(declaration: ts.Declaration): boolean {
  for (let current: ts.Node = declaration; !ts.isSourceFile(current); current = current.parent) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return true;
    const container = current === declaration || ts.isVariableDeclarationList(current) || ts.isVariableStatement(current) || ts.isModuleBlock(current) || ts.isModuleDeclaration(current);
    if (!container) return false;
  }
  return false;
}

/**
 * Whether `node` sits in a loop of its function that may run for as long as the program does:
 * a `while` or `do` loop, or a `for` loop without a condition. `for...of`, `for...in` and counted
 * `for` loops end with their collection or count.
 */
export function inOpenEndedLoop(node: ts.Node): boolean {
  for (let current = node.parent; !ts.isSourceFile(current) && !ts.isFunctionLike(current); current = current.parent) {
    if (ts.isWhileStatement(current) || ts.isDoStatement(current) || (ts.isForStatement(current) && !current.condition)) return true;
  }
  return false;
}

/** A function that can own a blocking site for the index: synchronous, not a generator, named. */
function blockingOwner(fn: ts.SignatureDeclaration): { fn: ts.SignatureDeclaration; name: string } | undefined {
  if (isAsyncFunction(fn) || (fn as ts.FunctionLikeDeclaration).asteriskToken || !(fn as ts.FunctionLikeDeclaration).body) return undefined;
  if (ts.isGetAccessor(fn) || ts.isSetAccessor(fn)) return undefined;
  const name = functionName(fn);
  return name === undefined ? undefined : { fn, name };
}

/** The local name a declaration gives to something named `isName` (a renamed import, re-export, destructuring, copy or import-equals alias). */
function renamedFrom(node: ts.Node, isName: NameMatcher): string | undefined {
  if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName && ts.isIdentifier(node.propertyName)) {
    return isName(node.propertyName.text) && !node.isTypeOnly ? node.name.text : undefined;
  }
  if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.name)) {
    const key = node.propertyName;
    return (ts.isIdentifier(key) || ts.isStringLiteral(key)) && isName(key.text) ? node.name.text : undefined;
  }
  if (ts.isExportAssignment(node)) {
    // `export default exists` (or `export =`): "default" stands for the local names of default imports.
    const source = skipParens(node.expression);
    const name = ts.isIdentifier(source) || ts.isPropertyAccessExpression(source) ? calleeName(source) : undefined;
    return name !== undefined && isName(name) ? "default" : undefined;
  }
  if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly && !ts.isExternalModuleReference(node.moduleReference)) {
    // `import read = fs.readFileSync;`: TypeScript's alias of a module member, a copy like `const read = fs.readFileSync`.
    const reference = node.moduleReference;
    const name = ts.isIdentifier(reference) ? reference.text : reference.right.text;
    return name !== node.name.text && isName(name) ? node.name.text : undefined;
  }
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    const source = skipParens(node.initializer);
    const name = ts.isIdentifier(source) || ts.isPropertyAccessExpression(source) ? calleeName(source) : undefined;
    return name !== undefined && name !== node.name.text && isName(name) ? node.name.text : undefined;
  }
  return undefined;
}

/**
 * The node that holds a declaration's body: the function itself, the function a variable or
 * property is initialized with, a class's constructor. "overload" for a signature without a body
 * that sits next to its implementation; undefined when there is no body to follow.
 */
function implementationOf(declaration: ts.Declaration): ts.Node | "overload" | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isConstructorDeclaration(declaration)) {
    return declaration.body ? declaration : "overload";
  }
  if (ts.isClassLike(declaration)) {
    return declaration.members.find((member) => ts.isConstructorDeclaration(member) && member.body !== undefined);
  }
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
    const value = skipParens(declaration.initializer);
    return ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? value : undefined;
  }
  if (ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)) return declaration;
  if (ts.isPropertyAccessExpression(declaration) && ts.isBinaryExpression(declaration.parent)) {
    const value = skipParens(declaration.parent.right);
    return ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? value : undefined;
  }
  return undefined;
}

/** Whether a top-level statement exports `name` as the module's default: `export default name`, `export = name`, `export { name as default }`. */
function exportsAsDefault(statement: ts.Statement, name: string): boolean {
  if (ts.isExportAssignment(statement)) {
    const value = skipParens(statement.expression);
    return ts.isIdentifier(value) && value.text === name;
  }
  if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return false;
  return statement.exportClause.elements.some((element) => element.name.text === "default" && (element.propertyName ?? element.name).text === name);
}

/** A test of a file's text: does it spell one of `names` as a word? */
function spelling(names: ReadonlySet<string>): (file: ts.SourceFile) => boolean {
  const pattern = new RegExp(`(?:^|[^\\w$])(?:${[...names].map(escapeRegExp).join("|")})(?![\\w$])`);
  return (file) => pattern.test(file.text);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

