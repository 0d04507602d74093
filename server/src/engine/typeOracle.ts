/**
 * The questions rules ask about types, compiler-neutral: rules and the engine's analyses hold a
 * `TypeOracle` and never a checker, so the compiler that answers can change without touching them
 * (issue 13: TypeScript 6's checker today, `Ts6TypeOracle` in `ts6TypeOracle.ts`; TypeScript 7's
 * native compiler next, see ARCHITECTURE.md "TypeScript 7 engine: the seam").
 *
 * The nodes in and out are TypeScript 6 syntax nodes (`ts.Node` of the `typescript` package): the
 * rules walk a TypeScript 6 tree of each linted file whichever compiler answers, and declarations
 * handed out (a callee's, to walk its body) are nodes of a TypeScript 6 tree of their file.
 *
 * Answers about types are three-state. `may` means "cannot know" (`any`, `unknown`, an
 * unconstrained type parameter, an unresolved import): rules never report on `may`.
 */
import * as ts from "typescript";
import type { CommandLineFolder } from "./project";
import type { CommandLineOnlyFile } from "./moduleGraph";

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

/**
 * One per Program (or per TypeScript 7 project snapshot); nothing typed is kept across programs.
 * Each answer depends only on its arguments and the program, never on the order of the questions.
 */
export interface TypeOracle {
  /**
   * Is the value of `expr` a promise? `always` when the type is, or is a union with, a promise;
   * `never` when no part can be; `may` when the type is unknown.
   */
  promiseStatus(expr: ts.Expression, query: PromiseQuery): Tri;

  /**
   * Is `expr` an array or tuple holding promises (`items.map(async (x) => ...)`)? A type parameter
   * counts by its constraint (`a` of `<T extends Promise<number>[]>(a: T)`); a part that is
   * `undefined` (an optional chain, `arr?.[0]`) is no array and leaves the other parts to decide.
   */
  promiseArrayStatus(expr: ts.Expression, query: PromiseQuery): Tri;

  /** Does every part of the value's type have a callable `catch` (so `.catch(h)` type-checks)? */
  everyPartHasCatch(expr: ts.Expression): boolean;

  /**
   * Is the value a function? Used for `.catch(x)` / `.then(f, x)` handler arguments and the
   * callback argument of callback-style APIs. A type with call signatures is one, and so is the
   * default lib's `Function` (`typeof done === "function"` narrows an `unknown` to it).
   */
  functionStatus(expr: ts.Expression): Tri;

  /**
   * Can the value be something other than a function? `always` when some part of its type is
   * known not to be callable (`string | (() => void)`, an optional `onError?: (e) => void`, which
   * may be `undefined`); `never` when every part is callable; `may` when only unknown parts
   * (`any`, an unconstrained type parameter) leave it open. A type parameter counts by its
   * constraint. Used for rejection handlers: one that may not be a function does not handle.
   */
  notFunctionStatus(expr: ts.Expression): Tri;

  /** The declaration a call or `new` resolves to (aliases and re-exports followed). */
  calleeDeclaration(call: ts.CallExpression | ts.NewExpression): DeclarationRef | undefined;

  /** Declarations of the (union parts of the) value's type and of its type alias, if any. */
  typeDeclarations(expr: ts.Expression): DeclarationRef[];

  /** The variable an identifier refers to, as an opaque handle. */
  variableOf(identifier: ts.Identifier): VariableHandle | undefined;

  /** Can this source file use top-level `await` (an ES module under a module setting that allows it)? */
  supportsTopLevelAwait(sourceFile: ts.SourceFile): boolean;

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
  promiseStatusWhen(condition: ts.Expression, variable: VariableHandle, outcome: boolean, query: PromiseQuery): Tri;

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
  programRunsOnNode(): boolean;

  // --- questions for misused-promise ---

  /**
   * Does calling this function value return a promise? For a function expression, its return
   * type; for a reference (`handler`, `this.onData`), every call signature of its type.
   */
  functionReturnsPromise(expr: ts.Expression, query: PromiseQuery): Tri;

  /**
   * Is `expr` in a place whose expected type is a function returning `void` (a callback
   * parameter like `forEach`'s, a listener, a JSX event attribute, a property typed `() => void`)?
   * `always` only when every expected signature returns `void`.
   */
  expectsVoidFunction(expr: ts.Expression): Tri;

  /**
   * Is every part of the value's type a promise? For tests of truthiness: `Promise<T> | undefined`
   * in a condition is a legitimate presence check, a bare `Promise<T>` is always truthy. A value
   * whose declaration says it may be absent (see `declaredMayBeAbsent`) is `never`, whatever its
   * (possibly narrowed, or null-check-free) type says.
   */
  everyPartIsPromise(expr: ts.Expression, query: PromiseQuery): Tri;

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
  promiseNames(): { functions: ReadonlySet<string>; values: ReadonlySet<string> };

  /**
   * Does the promise resolve to nothing (`Promise<void>`, `Promise<undefined>`)? Then `await p` in
   * a condition tests nothing either (and does not type-check), so no `await` fix is offered.
   *
   * @example
   * // declare function save(): Promise<void>;  declare function isAdmin(): Promise<boolean>;
   * resolvesToNothing(save())    // true
   * resolvesToNothing(isAdmin()) // false
   */
  resolvesToNothing(expr: ts.Expression): boolean;

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
  declaredMayBeAbsent(expr: ts.Expression): boolean;

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
  declaredParameterExpectsVoid(expr: ts.Expression): Tri | undefined;

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
  spreadFillsVoidPositions(spread: ts.SpreadElement, query: PromiseQuery): Tri;

  /** `expectsVoidFunction` for a method written in an object literal: the type of the property it fills. */
  expectsVoidFunctionForMember(member: ts.MethodDeclaration | ts.ShorthandPropertyAssignment): Tri;

  /**
   * Which declaration is the slot a value is stored into? For catalogues of library members whose
   * written types say less than their library does (misused-promise's `AWAITED_CALLBACK_SLOTS`:
   * pg's `PoolConfig.onConnect` is typed to return `void`, and pg-pool awaits it). By where the
   * value is written:
   * - a member of an object literal (`onConnect: async (client) => ...`, `{ onConnect }`,
   *   `async onConnect(client) {}`): the property of that name of the literal's contextual type;
   * - an assignment's target (`config.onConnect = ...`): the property of that name of the object's type;
   * - a class member (`class Hooks implements PoolConfig { async onConnect(client) {} }`): the
   *   property of that name of each `extends`/`implements` type that has one.
   * `undefined` and `null` parts of the type are left out; every other union part must have the
   * property, and each part's declarations of it are given (an intersection's: each of its parts
   * that declares it). Undefined when the name is computed, the type is missing, `any` or
   * `unknown`, or a part has no such property. Sorted (`byDeclarationPlace`): the order of a
   * union's parts is the compiler's own, and differs between TypeScript 6 and 7.
   *
   * @example
   * // @types/pg: export interface PoolConfig { onConnect?: ((client: ClientBase) => void) | undefined }
   * new Pool({ onConnect: async (client) => { ... } }); // the property: [{ module: "pg", qualifiedName: "PoolConfig.onConnect", ... }]
   */
  slotDeclarations(member: ts.ObjectLiteralElementLike | ts.ClassElement | ts.PropertyAccessExpression): DeclarationRef[] | undefined;

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
  voidReturningBaseOf(member: ts.MethodDeclaration | ts.PropertyDeclaration | ts.MethodSignature | ts.PropertySignature): string | undefined;

  /** Does a method's written return type say it returns a promise (`handle(): Promise<void>` without `async`)? */
  writtenReturnIsPromise(member: ts.SignatureDeclaration, query: PromiseQuery): Tri;

  /**
   * Is the written type a function type whose every call signature returns a promise
   * (`handler: () => Promise<void>`, `onJob: JobHandler` of a callable interface returning one)?
   */
  writtenFunctionTypeReturnsPromise(typeNode: ts.TypeNode, query: PromiseQuery): Tri;

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
  declarationReturnsPromise(fn: ts.SignatureDeclaration, query: PromiseQuery): Tri;

  /**
   * The `[Symbol.dispose]` member of a value's type (every union part but `null`/`undefined`): does
   * calling it return a promise (`always` when some part's member returns one on every signature),
   * and the declarations of the member (for the rule to read bodies). Only the default lib's
   * `Symbol.dispose` counts (a property keyed by another symbol called `dispose` does not).
   * `awaitUsing`: the parts `await using` disposes through `[Symbol.dispose]` only, those without a
   * lib `[Symbol.asyncDispose]` member (`await using` calls that one when it is there).
   *
   * @example
   * // using lock = { async [Symbol.dispose]() { await release(); } };
   * disposeReturnsPromise(theObjectLiteral) // { status: "always", declarations: [theMethod] }
   */
  disposeReturnsPromise(expr: ts.Expression, query: PromiseQuery, awaitUsing?: boolean): { status: Tri; declarations: readonly ts.Declaration[] };

  /**
   * Does the type written in `typeNode` have a `[Symbol.dispose]` member every call signature of
   * which returns `void` (`interface Disposable { [Symbol.dispose](): void }`)?
   */
  disposeReturnsVoid(typeNode: ts.TypeNode): boolean;

  // --- questions for shared-state-across-await ---

  /** The `const`/`let` declaration an identifier refers to, when it is a plain variable. */
  variableDeclarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined;

  /**
   * The parameter an identifier refers to, when it names one (imports are not followed).
   *
   * @example
   * // new Promise((resolve, reject) => { fail = reject; })   `reject` in `fail = reject` → the `reject` parameter
   */
  parameterDeclarationOf(identifier: ts.Identifier): ts.ParameterDeclaration | undefined;

  /**
   * Where the variable an identifier refers to is declared: `inside` the given function (a local
   * or parameter of this call), `outside` it (module scope or an enclosing function: shared by
   * concurrent calls), or undefined when it cannot be resolved.
   */
  variableScope(identifier: ts.Identifier, fn: ts.Node): { scope: "inside" | "outside"; isParameter: boolean; isConst: boolean } | undefined;

  // --- questions for unbounded-concurrency ---

  /**
   * The `const` declaration with an initializer that a name refers to, when it is in a project
   * source file (`isProjectSourceFile`): a local `const`, or one another module of the project
   * exports, through imports and re-exports (`import { REGIONS } from "./regions"`, a namespace
   * import's `regions.REGIONS`). The checker resolves the aliases (cycle-safe); one step, so a
   * caller that follows initializers bounds its own depth. Undefined for `let`/`var`, parameters,
   * properties, destructured names, declarations in `.d.ts` files or `node_modules`, and unresolved names.
   *
   * @example
   * // regions.ts: export const REGIONS = ["eu", "us"];
   * // import { REGIONS } from "./regions";   projectConstDeclarationOf(REGIONS) → the declaration in regions.ts
   * // import { hosts } from "some-package";  projectConstDeclarationOf(hosts)   → undefined
   */
  projectConstDeclarationOf(name: ts.Identifier | ts.PropertyAccessExpression): ts.VariableDeclaration | undefined;

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
  tupleLength(expr: ts.Expression): number | undefined;

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
  openSizeStatus(expr: ts.Expression): Tri;

  /**
   * The value when its type is one number literal: `8`, `const MAX = 8` (its type is `8`),
   * `8 as const`, a numeric enum member. Undefined for `number` and anything else.
   *
   * @example
   * // const BATCH = 50;  numberLiteralValue(BATCH) → 50
   * // let size = 50;     numberLiteralValue(size)  → undefined (its type is number)
   */
  numberLiteralValue(expr: ts.Expression): number | undefined;

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
  fixedPropertyCount(expr: ts.Expression): number | undefined;

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
  isProjectLockClass(expr: ts.Expression, pairs: readonly (readonly [string, string])[]): boolean;

  /**
   * A value computed once for this Program under `key` (compare by identity). For whole-program
   * facts a rule derives from syntax and type questions, such as an index of functions that block.
   */
  memo<T>(key: object, compute: () => T): T;

  /**
   * The folder of a command-line program (from the package.json `bin` next to the project, see
   * `commandLineFolders`) that `sourceFile` is in or below, or undefined. Not a type question: a
   * project fact, read once per Program.
   */
  commandLineFolderOf(sourceFile: ts.SourceFile): CommandLineFolder | undefined;

  /**
   * The command-line program that alone reaches `sourceFile` in the project's module graph, or
   * undefined: the file is reached from a package.json `bin` entry (or from a `require.main ===
   * module` branch) and from no library entry (`main`, `exports`); see `commandLineOnlyFiles`.
   * Not a type question: a project fact from syntax and the package.json, computed once per Program.
   *
   * @example
   * // package.json { "main": "./index.js", "bin": { "npm": "bin/npm-cli.js" } }, index.js throws
   * // unless `require.main === module`: commandLineOnlyFileOf(lib/npm.js)?.program →
   * // "the command-line program `bin/npm-cli.js` of the package.json `bin`"
   */
  commandLineOnlyFileOf(sourceFile: ts.SourceFile): CommandLineOnlyFile | undefined;

  /** The project's own source files: no declaration files, default libs or files under node_modules. */
  projectSourceFiles(): readonly ts.SourceFile[];

  /**
   * Whether `sourceFile` is one of the Program's root files (a tsconfig's `files`/`include`, or the
   * loose files given). The CLI and the language server lint only root files: a file the Program
   * holds only because a root file imports it is type-checked but never linted with it.
   */
  isRootFile(sourceFile: ts.SourceFile): boolean;

  /** A file of the project itself: not a declaration file, a default lib or a file under node_modules. */
  isProjectSourceFile(sourceFile: ts.SourceFile): boolean;

  /**
   * The project source file a module specifier names (`"./settings"` of an import, an export
   * `from` or an `import x = require(...)`): the compiler's module resolution, asked only about the
   * project's source files. Undefined for a package, a name nothing maps to a project file, and a
   * bare name when the compiler options have neither `paths` nor `baseUrl`. No type checker.
   */
  projectModuleOf(specifier: ts.StringLiteralLike): ts.SourceFile | undefined;

  /**
   * What the callee of a call or `new` names, found through its symbol: imports, re-exports,
   * `const` copies (`const read = fs.readFileSync`) and destructuring (`const { readFileSync } =
   * fs`, `require("fs")` in JavaScript) are followed. Unlike `calleeDeclaration` it picks no
   * overload, so the arguments are never checked. Undefined for an `any`-typed or unresolved callee.
   */
  calleeTarget(call: ts.CallExpression | ts.NewExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined;

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
  indirectCalleeTarget(call: ts.CallExpression): { ref: DeclarationRef; declarations: readonly ts.Declaration[] } | undefined;

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
  projectFunctionOf(call: ts.CallExpression | ts.NewExpression): ts.FunctionLikeDeclaration | undefined;

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
  projectImplementationsOf(call: ts.CallExpression | ts.NewExpression): readonly ts.FunctionLikeDeclaration[] | undefined;

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
  projectReferencesOf(declaration: ts.FunctionDeclaration | ts.VariableDeclaration, limit: number): ts.Identifier[] | undefined;

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
  projectPropertyReferencesOf(access: ts.PropertyAccessExpression, limit: number): readonly ts.MemberName[] | undefined;

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
  callSignatureDeclarations(expr: ts.Expression): readonly ts.SignatureDeclaration[] | undefined;

  /**
   * `projectImplementationsOfValue` for the value a shorthand property names (`{ onExit }`: the
   * `onExit` in scope, not the property the literal declares).
   */
  projectImplementationsOfShorthand(property: ts.ShorthandPropertyAssignment): readonly ts.FunctionLikeDeclaration[] | undefined;

  projectImplementationsOfValue(expr: ts.Expression): readonly ts.FunctionLikeDeclaration[] | undefined;

  /**
   * The project's classes that extend `owner`, directly or not, or undefined when there are more
   * than `MAX_SUBCLASSES`. Read from `extends` clauses in the project's source files (an index
   * built once per Program).
   *
   * @example
   * // class A {}  class B extends A {}  class C extends B {}   A → [B, C]
   */
  projectSubclassesOf(owner: ts.ClassLikeDeclaration): readonly ts.ClassLikeDeclaration[] | undefined;

  /**
   * The class field a property access reads, when it is one field declared in the project (not a
   * method, accessor, parameter property or declaration-file member).
   *
   * @example
   * // class Target { ready = Deferred.create(); }   target.ready → the `ready` declaration
   */
  fieldDeclarationOf(access: ts.PropertyAccessExpression): ts.PropertyDeclaration | undefined;

  /**
   * Every declaration of the property a property access names, when there is one and all are in
   * the project's source files (none in a declaration file), as the compiler gives them: class
   * fields, interface and type members, object literal members, accessors, methods, and in
   * JavaScript the `this.x = value` assignments that declare `x` (the assignment, or its left
   * side). Undefined otherwise. For rules that read how a property was declared (with a written
   * type or not, with what value).
   *
   * @example
   * // class Route { build() { this.cycle = [setType]; } }   (JavaScript)
   * // this.cycle.push(...) → [the assignment `this.cycle = [setType]`]
   */
  memberDeclarationsOf(access: ts.PropertyAccessExpression): readonly ts.Node[] | undefined;

  /**
   * The value is typed `any` or `unknown` (untyped JavaScript, an index signature of `any`).
   *
   * @example
   * // interface ServerConfig { [key: string]: any }   config.rootEndpointType → true
   * // declare const mode: string;                     mode                    → false
   */
  isUntyped(expr: ts.Expression): boolean;

  /** Can the value be `null` or `undefined`? `may` for `any`, `unknown` and type parameters. */
  nullishStatus(expr: ts.Expression): Tri;

  /** Can the value be a number (a file descriptor where a path is expected)? */
  numberStatus(expr: ts.Expression): Tri;

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
  isGlobalPromiseConstructor(expr: ts.Expression): boolean;

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
  collectionStatus(expr: ts.Expression): Tri;

  /** Does the value's (apparent) type have a property `name`? E.g. `Atomics.waitAsync` under the configured libs. */
  hasProperty(expr: ts.Expression, name: string): boolean;

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
  releaseMethod(expr: ts.Expression, names: readonly string[]): { status: Tri; method?: string };

  /**
   * A hint, no answer: the engine calls it before a file's rules run, so an oracle that asks its
   * compiler in batches (TypeScript 7's, one round trip per question otherwise) can ask ahead for
   * the file's hot questions. Answers never depend on it. TypeScript 6's oracle has none.
   */
  prefetchFile?(sourceFile: ts.SourceFile): void;

}

/** `(((x)))` → `x`. */
/** An order of declarations that no compiler's order of union parts decides: file name, dotted name, module. */
export function byDeclarationPlace(a: DeclarationRef, b: DeclarationRef): number {
  const key = (ref: DeclarationRef) => [ref.fileName, ref.qualifiedName, ref.module ?? ""];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

export function skipParens(expr: ts.Expression): ts.Expression {
  let current = expr;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** The value behind parentheses and type-only wrappers: `as`, `satisfies`, `!` and `<T>`. */
/**
 * The function of an indirect call `(0, f)(...)`, as TypeScript and Babel emit a call of an imported
 * function in CommonJS (`(0, fs_1.readFileSync)(p)`, `(0, standard_as_callback_1.default)(promise,
 * callback)`): `f`. Any other expression is returned without its parentheses.
 */
export function skipIndirectCallee(expression: ts.Expression): ts.Expression {
  const node = skipParens(expression);
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken && ts.isNumericLiteral(skipParens(node.left)) ? skipParens(node.right) : node;
}

export function skipExpressionWrappers(expression: ts.Expression): ts.Expression {
  let node = skipParens(expression);
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    node = skipParens(node.expression);
  }
  return node;
}
