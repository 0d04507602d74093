/**
 * One flow analysis for values held in locals: what happens to the value on every path after its
 * declaration. Pure syntax plus the questions the caller answers (which identifiers are the
 * value, what a use does to it, which waits really suspend, where a condition rules it out); no
 * type checker here, so the rules ask their type questions through `typeOracle.ts` and pass the
 * answers in.
 *
 * Used by `floating-promise` (a promise in a local that some path drops: a `return`, a jump out of
 * the block, or the end of the block while it is still pending) and `unhandled-rejection-window`
 * (a promise handled only after the code waited at an `await`/`yield`, or pending when a `throw`
 * leaves its scope).
 *
 * The walk follows the statements after the declaration in evaluation order with a small abstract
 * state per set of paths: some path has the value pending and has not waited yet (`open`); some
 * path has it pending after a suspension (`windowed`, with the first such suspension); neither
 * means every path has handled it or ended. Branches merge, loops run to a fixed point (the lattice is tiny, so
 * three passes settle any loop that can settle), `break`/`continue`/labels go to their targets,
 * `try`/`catch`/`finally` route exceptional paths when the policy follows exceptions. The walk
 * gives up, and the caller reports nothing, on what it cannot order: a write to the variable other
 * than the plain assignments below, a use that escapes the analysis, an unknown statement, a loop
 * that does not settle, or more than the budget of node visits (linear time on huge functions).
 *
 * Plain assignments (`p = next()`, outside nested functions) are followed when the caller answers
 * {@link ValueFlowQuestions.assigned}: the right side is walked first; an assignment while the
 * value is still pending drops it there (an `overwrite` exit); from there on the walk follows the
 * new value (pending when it is one to track, nothing otherwise), also after the old value was
 * handled. Where the order is unclear the walk gives up as before: a loop that assigns the
 * variable and comes back round with a value pending (a retry loop, a prefetch of the next page:
 * which iteration's value is dropped depends on conditions the walk does not read), an
 * assignment whose value the caller cannot classify, and every other kind of write (compound,
 * `++`, destructuring, a `for...of`/`for...in` target).
 */
import * as ts from "typescript";

/** What a use of the value does to it. */
export type UseEffect =
  /** Attaches a handler or hands the value to code that may (awaited, returned, passed on, stored). */
  | "handle"
  /** Looks at the value only (a comparison, `typeof`, a condition, another property). */
  | "inert"
  /** The variable gets a new value: followed for a plain assignment (see {@link ValueFlowQuestions.assigned}), otherwise the walk gives up. */
  | "write"
  /** The value leaves what the walk can order (a closure that may run at any time): it gives up. */
  | "escape";

export interface ValueFlowQuestions {
  /** Whether this identifier refers to the tracked variable. */
  isTarget(identifier: ts.Identifier): boolean;
  /** What a use of the variable does to its value. */
  classify(identifier: ts.Identifier): UseEffect;
  /** Whether this wait (an `await`, a `yield`, or a `for await` loop's `await` keyword) really suspends. */
  isSuspension?(node: ts.Node): boolean;
  /** Whether on the branch where `condition` is `outcome` the variable holds nothing to track (a promise is never falsy; a narrowing to a non-promise). */
  settledWhen?(condition: ts.Expression, outcome: boolean): boolean;
  /**
   * What a plain assignment `p = value` stores: a value to track from there (`"track"`), nothing
   * to track (`"none"`: `undefined`, a handled promise), or undefined when unclear (the walk gives
   * up). Without this question every write gives up.
   */
  assigned?(assignment: ts.AssignmentExpression<ts.EqualsToken>): "track" | "none" | undefined;
}

export interface ValueFlowPolicy {
  /** `await` and `for await` suspend here (async function, or a module with top-level await). */
  awaitSuspends: boolean;
  /** `yield` suspends here (async generators: the consumer decides when it resumes). */
  yieldSuspends: boolean;
  /**
   * Follow exceptional paths: a `throw` or a wait that may reject reaches the innermost walked
   * `catch`. Off: `catch` clauses are treated as unreachable (the exceptional path is not the
   * caller's concern) and a `throw` just ends its path.
   */
  exceptions: boolean;
  /**
   * Report only what every reading of the code shows: a loop, a `switch`, or an expression
   * (`a && p.then(f)`, `c ? await p : 0`) that handles the value on some path counts as handling
   * it on every path out of it. Exits inside them (a `return` before the handling use) are still
   * followed. `if` statements are always followed branch by branch.
   */
  optimistic: boolean;
  /** Node visits before the walk gives up; default {@link DEFAULT_FLOW_BUDGET}. */
  budget?: number;
  /**
   * A `var` declared in an inner block is followed over its whole scope ({@link varScopeOf}: the
   * function body, class static block or file), since the block's end does not drop it. Off (the
   * default): over its block, like a `let`.
   */
  varToItsScope?: boolean;
}

/** Where a path ends with the value still pending. */
export interface FlowExit {
  kind: "return" | "jump" | "end" | "throw" | "overwrite";
  /** The `return`/`break`/`continue`/`throw` statement, the assignment for `overwrite`, or the container's last token for `end`. */
  node: ts.Node;
}

export interface ValueFlowResult {
  /** The value was handled only after a suspension: the first suspension on that path and the handling use. */
  windows: { at: ts.Node; handledAt: ts.Node }[];
  /** Paths that end with the value pending (throws only where no walked `try` catches them). */
  exits: FlowExit[];
}

/** Node visits per declaration before the walk gives up: keeps the analysis linear on huge functions. */
const DEFAULT_FLOW_BUDGET = 20_000;
const LOOP_PASSES = 3;

/** The block-like nodes a walked declaration can live in. */
export type FlowContainer = ts.Block | ts.CaseClause | ts.DefaultClause | ts.SourceFile;

/**
 * Follows the value of `declaration` (a `const`/`let` in a block, a `case` clause or at the top
 * level of a file) over the rest of its container. Undefined when the walk gave up.
 *
 * With `policy.varToItsScope`, a `var` in an inner block is followed over its scope: the walk
 * starts at the scope's statement that contains the declaration, with no path holding the value
 * until the declaration runs (every enclosing loop, `try`, `switch` and label is walked as usual),
 * and the declaration gives the value anew on each path that reaches it (a loop's next pass forgets
 * the previous value without reporting it: the optimistic reading of a re-declaration).
 */
export function followValue(declaration: ts.VariableDeclaration, questions: ValueFlowQuestions, policy: ValueFlowPolicy): ValueFlowResult | undefined {
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return undefined;
  let statement: ts.Statement = list.parent;
  let container: ts.Node = statement.parent;
  let opens: ts.VariableDeclaration | undefined;
  if (policy.varToItsScope && (list.flags & ts.NodeFlags.BlockScoped) === 0) {
    const scope = varScopeOf(list.parent);
    if (!scope) return undefined;
    if (scope !== container) {
      // The scope's statement that contains the declaration.
      while (statement.parent !== scope) statement = statement.parent as ts.Statement;
      container = scope;
      opens = declaration;
    }
  }
  if (!(ts.isBlock(container) || ts.isCaseClause(container) || ts.isDefaultClause(container) || ts.isSourceFile(container))) return undefined;
  const walker = new Walker(questions, policy, container, statement, opens);
  try {
    walker.run(declaration);
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
  return walker.result();
}

/**
 * The scope of a `var` statement: the body of the function or class static block around it, or
 * the file. Undefined inside a namespace body, which the walk does not follow.
 */
export function varScopeOf(statement: ts.VariableStatement): ts.Block | ts.SourceFile | undefined {
  for (let current: ts.Node = statement.parent; ; current = current.parent) {
    if (ts.isSourceFile(current)) return current;
    if (ts.isModuleBlock(current)) return undefined;
    if (ts.isBlock(current) && (ts.isFunctionLike(current.parent) || ts.isClassStaticBlockDeclaration(current.parent))) return current;
  }
}

/** The item whose node comes first in the file (the walk may meet them out of order in loops). */
export function firstByPosition<T>(items: readonly T[], key: (item: T) => ts.Node): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || key(item).pos < key(best).pos) best = item;
  return best;
}

// ---------------------------------------------------------------------------------------------

interface Flow {
  open: boolean;
  windowed: ts.Node | undefined;
}

/** No path reaches here (after a `return`, `throw` or jump). */
const DEAD: Flow = { open: false, windowed: undefined };
/** Every path here has the value handled: for what the walk records, the same as no path at all. */
const HANDLED: Flow = { open: false, windowed: undefined };
/** A `var` followed over its scope: paths that have not reached its declaration yet. */
const BEFORE: Flow = { open: false, windowed: undefined };

function earlier(a: ts.Node | undefined, b: ts.Node | undefined): ts.Node | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.pos < a.pos ? b : a;
}

function merge(a: Flow, b: Flow): Flow {
  if (a === DEAD) return b;
  if (b === DEAD) return a;
  return { open: a.open || b.open, windowed: earlier(a.windowed, b.windowed) };
}

function sameFlow(a: Flow, b: Flow): boolean {
  return a.open === b.open && a.windowed === b.windowed && (a === DEAD) === (b === DEAD);
}

function pending(flow: Flow): boolean {
  return flow.open || flow.windowed !== undefined;
}

interface JumpTarget {
  labels: readonly string[];
  loop: boolean;
  breakable: boolean;
  breaks: Flow;
  continues: Flow;
}

interface TryContext {
  /** The `try` block of a statement with a `catch` clause: exceptions land in `caught`. */
  catches: boolean;
  caught: Flow;
}

class GiveUp extends Error {}

class Walker {
  private readonly windows: { at: ts.Node; handledAt: ts.Node }[] = [];
  private readonly exits: FlowExit[] = [];
  /** Exits already recorded: a loop's passes meet the same `return` more than once. */
  private readonly exitNodes = new Set<ts.Node>();
  private readonly jumps: JumpTarget[] = [];
  private readonly tries: TryContext[] = [];
  private budget: number;
  /** With the optimistic policy: every node on the way from a handling use up to the container. */
  private handlingPath: Set<ts.Node> | undefined;
  /**
   * Every node on the way from a followed assignment up to the container; undefined when there is
   * none. While there is one, the walk goes on after the value is handled (an assignment may
   * bring a new one): only unreachable code is skipped.
   */
  private assignmentPath: Set<ts.Node> | undefined;

  constructor(
    private readonly questions: ValueFlowQuestions,
    private readonly policy: ValueFlowPolicy,
    private readonly container: FlowContainer,
    private readonly declared: ts.Statement,
    /** A `var` followed over its scope: the declaration that gives the value, inside `declared`. */
    private readonly opens?: ts.VariableDeclaration,
  ) {
    this.budget = policy.budget ?? DEFAULT_FLOW_BUDGET;
  }

  run(declaration: ts.VariableDeclaration): void {
    if (this.policy.optimistic) this.handlingPath = this.collectHandlingPath();
    if (this.questions.assigned) this.assignmentPath = this.collectAssignmentPath();
    const statements = this.container.statements;
    let end: Flow;
    if (this.opens) {
      end = this.list(statements, statements.indexOf(this.declared), BEFORE);
    } else {
      let flow: Flow = { open: true, windowed: undefined };
      const list = (this.declared as ts.VariableStatement).declarationList;
      for (const other of list.declarations.slice(list.declarations.indexOf(declaration) + 1)) flow = this.declaration(other, flow);
      end = this.list(statements, statements.indexOf(this.declared) + 1, flow);
    }
    if (pending(end)) this.exit("end", this.container.getLastToken() ?? this.container);
  }

  result(): ValueFlowResult {
    return { windows: this.windows, exits: this.exits };
  }

  /** Every node on the way from a handling use up to the container (the declaration's statement included). */
  private collectHandlingPath(): Set<ts.Node> {
    // (A `var` followed over its scope: its declaration's name is inside the walk, and no use.)
    return this.pathsUp(this.statementIndex(), false, (identifier) =>
      identifier !== this.opens?.name && this.questions.isTarget(identifier) && this.questions.classify(identifier) === "handle" ? identifier : undefined,
    );
  }

  /** Every node on the way from a followed assignment up to the container; undefined when there is none. */
  private collectAssignmentPath(): Set<ts.Node> | undefined {
    // The walk's own statements: a `var` followed over its scope starts at the statement that
    // holds its declaration (an assignment after the declaration in there counts), any other
    // declaration after its own statement. An assignment in a nested function runs at no known
    // time: `closure` treats it as a use.
    const path = this.pathsUp(this.statementIndex() + (this.opens ? 0 : 1), true, (identifier) =>
      this.questions.isTarget(identifier) ? this.followedAssignmentOf(identifier) : undefined,
    );
    return path.size > 0 ? path : undefined;
  }

  private statementIndex(): number {
    return this.container.statements.indexOf(this.declared);
  }

  /**
   * The nodes from each node `pick` finds for an identifier up to the container, over the
   * container's statements from `first` on (not into nested functions and classes with `skipFunctions`).
   */
  private pathsUp(first: number, skipFunctions: boolean, pick: (identifier: ts.Identifier) => ts.Node | undefined): Set<ts.Node> {
    const path = new Set<ts.Node>();
    const container = this.container;
    const visit = (node: ts.Node): void => {
      this.tick();
      if (skipFunctions && (ts.isFunctionLike(node) || ts.isClassLike(node))) return;
      if (ts.isIdentifier(node)) {
        const from = pick(node);
        if (from) for (let current: ts.Node = from; current !== container; current = current.parent) path.add(current);
        return;
      }
      ts.forEachChild(node, visit);
    };
    const statements = container.statements;
    for (let index = first; index < statements.length; index++) visit(statements[index]);
    return path;
  }

  /** The assignment when `identifier` is the whole left side of a plain `p = value` the caller classifies as a write. */
  private followedAssignmentOf(identifier: ts.Identifier): ts.AssignmentExpression<ts.EqualsToken> | undefined {
    const assignment = plainAssignmentOf(identifier);
    return assignment && this.questions.classify(identifier) === "write" ? assignment : undefined;
  }

  /** Whether the walk can stop here: no path reaches it, or none has the value pending and no assignment can bring a new one. */
  private settled(flow: Flow): boolean {
    return this.assignmentPath ? flow === DEAD : !pending(flow);
  }

  /** Optimistic policy: a loop, `switch` or expression containing a handling use handles the value on every way out of it. */
  private settleIfHandling(node: ts.Node, flow: Flow): Flow {
    if (!this.handlingPath?.has(node) || !pending(flow)) return flow;
    return this.handle(node, flow);
  }

  // --- events ---

  private handle(at: ts.Node, flow: Flow): Flow {
    if (flow.windowed) this.windows.push({ at: flow.windowed, handledAt: at });
    if (!pending(flow)) return flow;
    return HANDLED;
  }

  /** `p = value` after its right side: a pending value is dropped here; then the new one is followed. */
  private assign(assignment: ts.AssignmentExpression<ts.EqualsToken>, flow: Flow): Flow {
    if (flow === DEAD) return flow;
    const stored = this.questions.assigned?.(assignment);
    if (stored === undefined) throw new GiveUp();
    if (pending(flow)) this.exit("overwrite", assignment);
    return stored === "track" ? { open: true, windowed: undefined } : { open: false, windowed: undefined };
  }

  private exit(kind: FlowExit["kind"], node: ts.Node): void {
    if (this.exitNodes.has(node)) return;
    this.exitNodes.add(node);
    this.exits.push({ kind, node });
  }

  private suspend(at: ts.Node, flow: Flow): Flow {
    if (!flow.open || !(this.questions.isSuspension?.(at) ?? true)) return flow;
    return { open: false, windowed: earlier(flow.windowed, at) };
  }

  /** A wait may throw (its promise rejects): the innermost walked `catch` sees this state. */
  private mayThrow(flow: Flow): void {
    if (!this.policy.exceptions) return;
    const context = this.tries[this.tries.length - 1];
    if (context?.catches) context.caught = merge(context.caught, flow);
  }

  /** A path that holds no value yet must still be walked into the statement whose `var` declaration gives it one. */
  private reachesDeclaration(node: ts.Node, flow: Flow): boolean {
    const opens = this.opens;
    return opens !== undefined && flow !== DEAD && node.pos <= opens.pos && opens.end <= node.end;
  }

  private tick(): void {
    if (--this.budget < 0) throw new GiveUp();
  }

  // --- statements ---

  private list(statements: readonly ts.Statement[], from: number, flow: Flow): Flow {
    let current = flow;
    for (let index = from; index < statements.length; index++) {
      // Once no path has it pending, nothing later can drop it or open a window (unless assigned anew,
      // or a `var`'s declaration lies ahead).
      if (this.settled(current) && !this.reachesDeclaration(statements[index], current)) continue;
      current = this.statement(statements[index], current);
    }
    return current;
  }

  private statement(node: ts.Statement, flow: Flow): Flow {
    this.tick();
    if (this.settled(flow) && !this.reachesDeclaration(node, flow)) return flow;
    switch (node.kind) {
      case ts.SyntaxKind.Block:
        return this.list((node as ts.Block).statements, 0, flow);
      case ts.SyntaxKind.VariableStatement: {
        let current = flow;
        for (const declaration of (node as ts.VariableStatement).declarationList.declarations) current = this.declaration(declaration, current);
        return current;
      }
      case ts.SyntaxKind.ExpressionStatement:
        return this.expression((node as ts.ExpressionStatement).expression, flow);
      case ts.SyntaxKind.IfStatement:
        return this.ifStatement(node as ts.IfStatement, flow);
      case ts.SyntaxKind.ReturnStatement: {
        const expression = (node as ts.ReturnStatement).expression;
        const after = expression ? this.expression(expression, flow) : flow;
        if (pending(after)) this.exit("return", node);
        return DEAD;
      }
      case ts.SyntaxKind.ThrowStatement:
        return this.throwStatement(node as ts.ThrowStatement, flow);
      case ts.SyntaxKind.TryStatement:
        return this.tryStatement(node as ts.TryStatement, flow);
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
        return this.settleIfHandling(node, this.loop(node as ts.IterationStatement, flow, []));
      case ts.SyntaxKind.LabeledStatement:
        return this.labeled(node as ts.LabeledStatement, flow);
      case ts.SyntaxKind.SwitchStatement:
        return this.settleIfHandling(node, this.switchStatement(node as ts.SwitchStatement, flow, []));
      case ts.SyntaxKind.BreakStatement:
      case ts.SyntaxKind.ContinueStatement:
        this.jump(node as ts.BreakOrContinueStatement, flow);
        return DEAD;
      case ts.SyntaxKind.ClassDeclaration:
        return this.closure(node, flow);
      case ts.SyntaxKind.FunctionDeclaration: // hoisted: callers check for references inside before the walk
      case ts.SyntaxKind.EmptyStatement:
      case ts.SyntaxKind.DebuggerStatement:
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.ExportAssignment:
        return flow;
      default:
        throw new GiveUp(); // `with` and anything newer than this walk
    }
  }

  private ifStatement(statement: ts.IfStatement, flow: Flow): Flow {
    const condition = this.expression(statement.expression, flow);
    const settled = (outcome: boolean): boolean =>
      pending(condition) && (this.questions.settledWhen?.(statement.expression, outcome) ?? false);
    const entryTrue = settled(true) ? HANDLED : condition;
    const entryFalse = settled(false) ? HANDLED : condition;
    const whenTrue = this.statement(statement.thenStatement, entryTrue);
    const whenFalse = statement.elseStatement ? this.statement(statement.elseStatement, entryFalse) : entryFalse;
    return merge(whenTrue, whenFalse);
  }

  private declaration(declaration: ts.VariableDeclaration, flow: Flow): Flow {
    let current = declaration.initializer ? this.expression(declaration.initializer, flow) : flow;
    if (!ts.isIdentifier(declaration.name)) current = this.expression(declaration.name, current); // defaults in patterns
    if (declaration === this.opens && current !== DEAD) return { open: true, windowed: undefined };
    return current;
  }

  private throwStatement(node: ts.ThrowStatement, flow: Flow): Flow {
    const current = this.expression(node.expression, flow);
    const context = this.tries[this.tries.length - 1];
    if (context) {
      // Caught inside the walk, or passing through a `finally` that might handle the value.
      if (context.catches && this.policy.exceptions) context.caught = merge(context.caught, current);
    } else if (pending(current)) {
      this.exit("throw", node);
    }
    return DEAD;
  }

  private tryStatement(node: ts.TryStatement, flow: Flow): Flow {
    // A `var` declared in the `catch` clause: any statement of the `try` may throw before it.
    const caught = node.catchClause && this.reachesDeclaration(node.catchClause, flow) ? BEFORE : DEAD;
    const context: TryContext = { catches: node.catchClause !== undefined, caught };
    this.tries.push(context);
    const afterTry = this.list(node.tryBlock.statements, 0, flow);
    this.tries.pop();
    let normal = afterTry;
    if (node.catchClause) {
      if (node.finallyBlock) this.tries.push({ catches: false, caught: DEAD });
      const afterCatch = this.list(node.catchClause.block.statements, 0, context.caught);
      if (node.finallyBlock) this.tries.pop();
      normal = merge(afterTry, afterCatch);
    }
    return node.finallyBlock ? this.list(node.finallyBlock.statements, 0, normal) : normal;
  }

  private labeled(node: ts.LabeledStatement, flow: Flow): Flow {
    const labels: string[] = [];
    let inner: ts.Statement = node;
    while (ts.isLabeledStatement(inner)) {
      labels.push(inner.label.text);
      inner = inner.statement;
    }
    if (ts.isIterationStatement(inner, false)) return this.settleIfHandling(inner, this.loop(inner, flow, labels));
    if (ts.isSwitchStatement(inner)) return this.settleIfHandling(inner, this.switchStatement(inner, flow, labels));
    const target: JumpTarget = { labels, loop: false, breakable: false, breaks: DEAD, continues: DEAD };
    this.jumps.push(target);
    const end = this.statement(inner, flow);
    this.jumps.pop();
    return merge(end, target.breaks);
  }

  private jump(node: ts.BreakOrContinueStatement, flow: Flow): void {
    const label = node.label?.text;
    const isContinue = ts.isContinueStatement(node);
    for (let index = this.jumps.length - 1; index >= 0; index--) {
      const target = this.jumps[index];
      const matches = label !== undefined ? target.labels.includes(label) : isContinue ? target.loop : target.breakable;
      if (!matches) continue;
      if (isContinue) target.continues = merge(target.continues, flow);
      else target.breaks = merge(target.breaks, flow);
      return;
    }
    // Leaves the container: the variable goes out of scope with the value still pending.
    if (pending(flow)) this.exit("jump", node);
  }

  private switchStatement(node: ts.SwitchStatement, flow: Flow, labels: readonly string[]): Flow {
    const entry = this.expression(node.expression, flow);
    const target: JumpTarget = { labels, loop: false, breakable: true, breaks: DEAD, continues: DEAD };
    this.jumps.push(target);
    let fallthrough = DEAD;
    let hasDefault = false;
    for (const clause of node.caseBlock.clauses) {
      if (ts.isDefaultClause(clause)) hasDefault = true;
      fallthrough = this.list(clause.statements, 0, merge(entry, fallthrough));
    }
    this.jumps.pop();
    return merge(merge(fallthrough, target.breaks), hasDefault ? DEAD : entry);
  }

  /** Runs the loop to a fixed point: the state at its head is the entry merged with every back edge. */
  private loop(node: ts.IterationStatement, flow: Flow, labels: readonly string[]): Flow {
    let entry = flow;
    if (ts.isForStatement(node) && node.initializer) {
      entry = ts.isVariableDeclarationList(node.initializer)
        ? node.initializer.declarations.reduce((current, declaration) => this.declaration(declaration, current), entry)
        : this.expression(node.initializer, entry);
    }
    if (ts.isForInStatement(node) || ts.isForOfStatement(node)) {
      entry = this.expression(node.expression, entry);
      if (!ts.isVariableDeclarationList(node.initializer)) entry = this.expression(node.initializer, entry);
    }
    const forAwait = ts.isForOfStatement(node) && node.awaitModifier !== undefined ? node.awaitModifier : undefined;
    const condition = ts.isWhileStatement(node) || ts.isDoStatement(node) ? node.expression : ts.isForStatement(node) ? node.condition : undefined;
    const endless = condition === undefined ? ts.isForStatement(node) : condition.kind === ts.SyntaxKind.TrueKeyword;

    let head = entry;
    for (let pass = 0; pass < LOOP_PASSES; pass++) {
      const target: JumpTarget = { labels, loop: true, breakable: true, breaks: DEAD, continues: DEAD };
      this.jumps.push(target);
      let exit: Flow;
      let back: Flow;
      if (ts.isDoStatement(node)) {
        const afterBody = merge(this.statement(node.statement, head), target.continues);
        const tested = this.expression(node.expression, afterBody);
        back = tested;
        exit = endless ? DEAD : tested;
      } else {
        let tested = condition ? this.expression(condition, head) : head;
        if (forAwait) {
          if (this.policy.awaitSuspends) tested = this.suspend(forAwait, tested);
          this.mayThrow(tested);
        }
        back = merge(this.statement(node.statement, tested), target.continues);
        if (ts.isForStatement(node) && node.incrementor) back = this.expression(node.incrementor, back);
        exit = endless ? DEAD : tested;
      }
      this.jumps.pop();
      // An assignment in the loop and a value pending on the way round: which iteration's value
      // a later path drops depends on conditions the walk does not read (`while (!ok)`).
      if (this.assignmentPath?.has(node) && pending(back)) throw new GiveUp();
      const next = merge(entry, back);
      if (sameFlow(next, head)) return merge(exit, target.breaks);
      head = next;
    }
    throw new GiveUp();
  }

  // --- expressions, in evaluation order ---

  private expression(node: ts.Node, flow: Flow): Flow {
    this.tick();
    if (this.settled(flow)) return flow;
    if (ts.isIdentifier(node)) return this.questions.isTarget(node) ? this.use(node, flow) : flow;
    if (this.assignmentPath?.has(node) && ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && this.questions.isTarget(node.left)) {
      const assignment = this.followedAssignmentOf(node.left);
      if (assignment) return this.assign(assignment, this.expression(assignment.right, flow));
    }
    if (ts.isTypeNode(node)) return flow;
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return this.closure(node, flow);
    if (ts.isAwaitExpression(node)) {
      const operand = this.expression(node.expression, flow);
      const after = this.policy.awaitSuspends ? this.suspend(node, operand) : operand;
      this.mayThrow(after);
      return after;
    }
    if (ts.isYieldExpression(node)) {
      const operand = node.expression ? this.expression(node.expression, flow) : flow;
      const after = this.policy.yieldSuspends ? this.suspend(node, operand) : operand;
      this.mayThrow(after);
      return after;
    }
    if (ts.isConditionalExpression(node)) {
      const condition = this.expression(node.condition, flow);
      return this.settleIfHandling(node, merge(this.expression(node.whenTrue, condition), this.expression(node.whenFalse, condition)));
    }
    if (ts.isBinaryExpression(node) && SHORT_CIRCUIT.has(node.operatorToken.kind)) {
      const left = this.expression(node.left, flow);
      return this.settleIfHandling(node, merge(left, this.expression(node.right, left)));
    }
    let current = flow;
    ts.forEachChild(node, (child) => {
      current = this.expression(child, current);
    });
    return current;
  }

  /** A closure or class that refers to the value may handle it whenever it runs: from here on, silence. */
  private closure(node: ts.Node, flow: Flow): Flow {
    let refers = false;
    const visit = (child: ts.Node): void => {
      if (refers) return;
      this.tick();
      if (ts.isIdentifier(child)) {
        if (this.questions.isTarget(child)) refers = true;
        return;
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    // With assignments to follow, the closure may run after one and handle the new value too.
    if (refers && this.assignmentPath) throw new GiveUp();
    return refers ? this.handle(node, flow) : flow;
  }

  private use(identifier: ts.Identifier, flow: Flow): Flow {
    switch (this.questions.classify(identifier)) {
      case "inert":
        return flow;
      case "write":
      case "escape":
        throw new GiveUp();
      case "handle":
        return this.handle(identifier, flow);
    }
  }
}

/** The assignment when `identifier` is the whole left side of a plain `=` (`p = value`, not `(p) = value` or `[p] = list`). */
function plainAssignmentOf(identifier: ts.Identifier): ts.AssignmentExpression<ts.EqualsToken> | undefined {
  const parent = identifier.parent;
  return ts.isBinaryExpression(parent) && parent.left === identifier && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ? (parent as ts.AssignmentExpression<ts.EqualsToken>)
    : undefined;
}

const SHORT_CIRCUIT = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);
