import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as ts from "typescript";
import * as os from "node:os";
import { lintProgram, type OracleFactory, ProgramTypes } from "../../server/src/engine/linter";
import { type LintProgram, planProjects, ProgramBuilder } from "../../server/src/engine/project";
import { allRules } from "../../server/src/rules";
import { defaultConfig } from "../../server/src/engine/config";
import { mayNameOneOf, quietText, Ts6TypeOracle } from "../../server/src/engine/ts6TypeOracle";
import { ast7, ts7Executable, ts7PlatformPackage } from "../../server/src/engine/ts7/api";
import { findTs6Node, findTs7Node, kind6Of, kind7Of } from "../../server/src/engine/ts7/nodeMap";
import { Ts7PromiseFacts } from "../../server/src/engine/ts7/promiseFacts";
import { Ts7Session, type Ts7File } from "../../server/src/engine/ts7/session";
import { openTs7Engine, openTs7Project, ts7Unavailable } from "../../server/src/engine/ts7/engine";
import { formatTs7Stats, ts7Stats } from "../../server/src/engine/ts7/ts7TypeOracle";

const ROOT = path.resolve(__dirname, "..", "fixtures", "ts7", "project").replace(/\\/g, "/");
const CONFIG = `${ROOT}/tsconfig.json`;
const SERVICE = `${ROOT}/src/service.ts`;
const LEGACY = `${ROOT}/src/legacy.js`;

/** The program of a tsconfig, as the CLI builds it. */
function programOf(config: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

function nodesOf<T extends ts.Node>(sourceFile: ts.SourceFile, test: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (test(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe("ts7 kinds", () => {
  it("maps kinds by name (FirstStatement and other markers resolved to their own name), and not what one of them lacks", () => {
    const seven = ast7().SyntaxKind;
    assert.equal(kind7Of(ts.SyntaxKind.CallExpression), seven.CallExpression);
    assert.equal(kind7Of(ts.SyntaxKind.VariableStatement), seven.VariableStatement);
    assert.equal(kind7Of(ts.SyntaxKind.JSDocFunctionType), undefined, "TypeScript 7 has no JSDoc function type (`function(string)`)");
    assert.equal(kind6Of(seven.AwaitExpression), ts.SyntaxKind.AwaitExpression);
    assert.equal(kind6Of(seven.Identifier), ts.SyntaxKind.Identifier);
  });
});

describe("Ts7Session on a small project", () => {
  let session: Ts7Session;
  let file: Ts7File;

  before(() => {
    session = new Ts7Session({ cwd: ROOT, configFiles: [CONFIG] });
    const project = session.project(CONFIG);
    assert.ok(project, "the project opens");
    const service = session.file(project, SERVICE);
    assert.ok(service);
    file = service;
  });
  after(() => session.close());

  it("finds a TypeScript 7 twin for every node of the TypeScript 6 tree, and back", () => {
    const all = nodesOf(file.sourceFile, (node): node is ts.Node => node.kind !== ts.SyntaxKind.EndOfFileToken);
    const unmatched = all.filter((node) => {
      const twin = file.node7(node);
      return !twin || findTs6Node(file.sourceFile, twin) !== node;
    });
    assert.deepEqual(unmatched.map((node) => ts.SyntaxKind[node.kind]), []);
    assert.ok(all.length > 50, `${all.length} nodes`);
  });

  it("types calls in one batch", () => {
    const calls = nodesOf(file.sourceFile, ts.isCallExpression);
    const types = file.typesOf(calls);
    const checker = file.project.checker;
    assert.deepEqual(
      calls.map((call, i) => [call.getText(file.sourceFile), types[i] && checker.typeToString(types[i])]),
      [
        ["String(id)", "string"],
        ["fetchUser(1)", "Promise<string>"],
        ['cache.get("a")', "number"],
        ["handler(2)", "Promise<string>"],
        ["load(() => 1)", "Promise<number>"],
      ],
    );
  });

  it("answers symbols by position (no TypeScript 7 node needed), in one batch", () => {
    const [, , , handlerCall] = nodesOf(file.sourceFile, ts.isCallExpression);
    const identifiers = nodesOf(file.sourceFile, ts.isIdentifier).filter((identifier) => ["cache", "handler"].includes(identifier.text));
    const symbols = file.symbolsOf([...identifiers, handlerCall.expression]);
    assert.deepEqual(
      symbols.map((symbol) => symbol?.name),
      [...identifiers.map((identifier) => identifier.text), "handler"],
    );
  });

  it("hands a callee's declaration back as the node of the TypeScript 6 tree the rules walk", () => {
    const calls = nodesOf(file.sourceFile, ts.isCallExpression);
    const fetchCall = calls.find((call) => call.getText(file.sourceFile) === "fetchUser(1)");
    assert.ok(fetchCall);
    const signature = file.project.checker.getResolvedSignature(file.node7(fetchCall)!);
    assert.ok(signature?.declaration);
    const declaration = file.declaration6(signature.declaration);
    const expected = file.sourceFile.statements.find(ts.isFunctionDeclaration);
    assert.ok(expected);
    assert.equal(declaration, expected, "the very node of the session's tree");
  });

  it("finds a declaration inside JSDoc (a JavaScript parameter typed `@param {() => number}`)", () => {
    const project = session.project(CONFIG)!;
    const legacy = session.file(project, LEGACY)!;
    const [nowCall] = nodesOf(legacy.sourceFile, ts.isCallExpression);
    const signature = project.checker.getResolvedSignature(legacy.node7(nowCall)!);
    assert.ok(signature?.declaration);
    const declaration = legacy.declaration6(signature.declaration);
    assert.ok(declaration && ts.isFunctionTypeNode(declaration), `got ${declaration && ts.SyntaxKind[declaration.kind]}`);
    assert.equal(declaration.getText(legacy.sourceFile), "() => number");
  });

  it("sees unsaved editor text in both compilers after update, and the disk again after", () => {
    const original = file.sourceFile.text;
    session.setText(SERVICE, `${original}export const late = fetchUser(3).then((name) => name.length);\n`);
    session.update();
    const edited = session.file(session.project(CONFIG)!, SERVICE)!;
    assert.notEqual(edited.sourceFile, file.sourceFile, "a new TypeScript 6 tree for the changed file");
    const late = nodesOf(edited.sourceFile, ts.isCallExpression).find((call) => call.getText(edited.sourceFile).startsWith("fetchUser(3).then"))!;
    const [type] = edited.typesOf([late]);
    assert.equal(edited.project.checker.typeToString(type!), "Promise<number>");
    assert.ok(findTs7Node(edited.project.program.getSourceFile(SERVICE)!, late));

    session.setText(SERVICE, undefined);
    session.update();
    const back = session.file(session.project(CONFIG)!, SERVICE)!;
    assert.equal(back.sourceFile.text, original);
    assert.equal(back.project.program.getSourceFile(SERVICE)?.text, original);
  });
});

describe("Ts7PromiseFacts answers promiseStatus as Ts6TypeOracle does", () => {
  let session: Ts7Session;
  after(() => session?.close());

  it("on every call, new and named value of promises.ts, with and without thenables, asked one by one or prefetched", () => {
    const fileName = `${ROOT}/src/promises.ts`;
    const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    assert.ok(parsed);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const oracle6 = new ProgramTypes(program).get();
    session = new Ts7Session({ cwd: ROOT, configFiles: [CONFIG] });
    const facts7 = new Ts7PromiseFacts(session, session.project(CONFIG)!);
    const isAsked = (node: ts.Node): node is ts.Expression =>
      node.parent !== undefined && (ts.isExpressionStatement(node.parent) || ts.isAwaitExpression(node.parent)) && node.parent.expression === node;
    const asked6 = nodesOf(program.getSourceFile(fileName)!, isAsked);
    const asked7 = nodesOf(session.sourceFile6(fileName)!, isAsked);
    assert.equal(asked7.length, asked6.length);
    const prefetched = new Ts7PromiseFacts(session, session.project(CONFIG)!);
    for (const thenables of [false, true]) prefetched.prefetch(asked7, { thenables });
    const rows = asked6.flatMap((expr, i) =>
      [false, true].map((thenables) => {
        const six = oracle6.promiseStatus(expr, { thenables });
        const seven = facts7.promiseStatus(asked7[i], { thenables });
        const afterPrefetch = prefetched.promiseStatus(asked7[i], { thenables });
        const differences = `${seven === six ? "" : ` but ts7 ${seven}`}${afterPrefetch === six ? "" : ` but ts7 after prefetch ${afterPrefetch}`}`;
        return `${expr.getText()}${thenables ? " (thenables)" : ""}: ${six}${differences}`;
      }),
    );
    assert.deepEqual(rows, [
      "fetchUser(1): always",
      "fetchUser(1) (thenables): always",
      'cache.get("a"): never',
      'cache.get("a") (thenables): never',
      "load(() => 2): always",
      "load(() => 2) (thenables): always",
      "new Task<number>(() => {}): always",
      "new Task<number>(() => {}) (thenables): always",
      "new Promise<void>((resolve) => resolve()): always",
      "new Promise<void>((resolve) => resolve()) (thenables): always",
      "thenable(): never",
      "thenable() (thenables): always",
      "maybe(): always",
      "maybe() (thenables): always",
      "anything(): may",
      "anything() (thenables): may",
      "wrap(fetchUser(2)): always",
      "wrap(fetchUser(2)) (thenables): always",
      "wrap(3): never",
      "wrap(3) (thenables): never",
      "tasks.map(async (task) => task): never",
      "tasks.map(async (task) => task) (thenables): never",
      "Promise.all(tasks): always",
      "Promise.all(tasks) (thenables): always",
      "constrained: always",
      "constrained (thenables): always",
      "open: may",
      "open (thenables): may",
      "written: always",
      "written (thenables): always",
      "pending: always",
      "pending (thenables): always",
      "callback(): always",
      "callback() (thenables): always",
      "(fetchUser)(3): always",
      "(fetchUser)(3) (thenables): always",
      "[1, 2].forEach((n) => n): never",
      "[1, 2].forEach((n) => n) (thenables): never",
      "await fetchUser(4): never",
      "await fetchUser(4) (thenables): never",
      "fetchUser(4): always",
      "fetchUser(4) (thenables): always",
    ]);
    // promiseArrayStatus on the same values: the same answers, and the arrays of promises seen.
    const arrays = asked6.map((expr, i) => {
      const six = oracle6.promiseArrayStatus(expr, { thenables: true });
      const seven = facts7.promiseArrayStatus(asked7[i], { thenables: true });
      return `${expr.getText()}: ${six}${seven === six ? "" : ` but ts7 ${seven}`}`;
    });
    assert.deepEqual(
      arrays.filter((row) => !row.endsWith(": never")),
      ["anything(): may", "tasks.map(async (task) => task): always", "open: may"],
    );
  });
});

describe("Ts7Session when the compiler process dies", () => {
  /** The compiler processes (`tsgo --api`) among this process' children. */
  function compilerProcesses(): number[] {
    const found: number[] = [];
    for (const task of fs.readdirSync(`/proc/${process.pid}/task`)) {
      for (const pid of fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean)) {
        if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes("--api")) found.push(Number(pid));
      }
    }
    return found;
  }

  it("notices, restarts with the same projects and unsaved text, and closes cleanly", { skip: process.platform !== "linux" && "needs /proc" }, () => {
    const before = new Set(compilerProcesses());
    const session = new Ts7Session({ cwd: ROOT, configFiles: [CONFIG] });
    try {
      const original = session.textOf(SERVICE)!;
      session.setText(SERVICE, `${original}export const late = fetchUser(5);\n`);
      session.update();
      assert.equal(session.responds(), true);
      const [pid, ...others] = compilerProcesses().filter((candidate) => !before.has(candidate));
      assert.ok(pid !== undefined && others.length === 0, "this session's compiler process is a child of this one");
      process.kill(pid, "SIGKILL");
      const file = session.file(session.project(CONFIG)!, SERVICE)!;
      const late = file.sourceFile.statements.at(-1)!;
      assert.throws(() => file.typesOf([late]));
      assert.equal(session.responds(), false);

      session.restart();
      assert.equal(session.responds(), true);
      const again = session.file(session.project(CONFIG)!, SERVICE)!;
      assert.equal(again.sourceFile, file.sourceFile, "the TypeScript 6 tree is kept: its text did not change");
      const declaration = (again.sourceFile.statements.at(-1) as ts.VariableStatement).declarationList.declarations[0];
      const [type] = again.typesOf([declaration.initializer!]);
      assert.equal(again.project.checker.typeToString(type!), "Promise<string>", "the new process reads the unsaved text");
    } finally {
      session.close();
    }
    assert.equal(session.responds(), false);
  });
});

describe("Ts7PromiseFacts answers declaredParameterExpectsVoid as Ts6TypeOracle does", () => {
  let session: Ts7Session;
  after(() => session?.close());

  it("on every argument of callbacks.ts", () => {
    const fileName = `${ROOT}/src/callbacks.ts`;
    const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    assert.ok(parsed);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const oracle6 = new ProgramTypes(program).get();
    session = new Ts7Session({ cwd: ROOT, configFiles: [CONFIG] });
    const facts7 = new Ts7PromiseFacts(session, session.project(CONFIG)!);
    const isArgument = (node: ts.Node): node is ts.Expression =>
      node.parent !== undefined && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent)) && node.parent.arguments?.includes(node as ts.Expression) === true;
    const arguments6 = nodesOf(program.getSourceFile(fileName)!, isArgument);
    const arguments7 = nodesOf(session.sourceFile6(fileName)!, isArgument);
    assert.equal(arguments7.length, arguments6.length);
    const rows = arguments6.map((argument, i) => {
      const six = oracle6.declaredParameterExpectsVoid(argument);
      const seven = facts7.declaredParameterExpectsVoid(arguments7[i]);
      return `${argument.parent.getText().split("(")[0]} #${(argument.parent as ts.CallExpression).arguments.indexOf(argument)}: ${six}${seven === six ? "" : ` but ts7 ${seven}`}`;
    });
    assert.deepEqual(rows, [
      "it #0: never",
      "it #1: never",
      "[1, 2].forEach #0: always",
      "onExit #0: always",
      "onExit #1: always",
      "pair #0: never",
      "pair #1: always",
      "pair #2: never",
      "later #0: never",
      "listen #0: never",
      "listen #1: always",
      "untyped #0: may",
      "new Emitter #0: always",
      // TypeScript 7's own difference: a JavaScript function that reads `arguments` gets no
      // synthetic `...args: any[]` (its type is `() => void`, not `(...args: any[]) => void`), so
      // no parameter takes the argument. Neither answer reports.
      "each #0: never but ts7 undefined",
      "setTimeout #0: may",
      "setTimeout #1: may",
    ]);
    // functionReturnsPromise on the same arguments: the same answers.
    const returns = arguments6.map((argument, i) => {
      const six = oracle6.functionReturnsPromise(argument, { thenables: true });
      const seven = facts7.functionReturnsPromise(arguments7[i], { thenables: true });
      return `${argument.getText()}: ${six}${seven === six ? "" : ` but ts7 ${seven}`}`;
    });
    assert.deepEqual(
      returns.filter((row) => !row.endsWith(": never")),
      [
        "async () => {}: always",
        "async (n) => n: always",
        "async () => {}: always",
        "async () => {}: always",
        "async () => 1: always",
        "async () => {}: always",
        "async () => {}: always",
        "async () => {}: always",
        "async () => {}: always",
        "async () => {}: always",
      ],
    );
  });

  it("writtenFunctionTypeReturnsPromise on every parameter type and variableScope on every identifier in a function, in both files", () => {
    for (const name of ["callbacks.ts", "promises.ts"]) {
      const fileName = `${ROOT}/src/${name}`;
      const collect = (sourceFile: ts.SourceFile) => {
        const found: [ts.Identifier | ts.TypeNode, ts.Node | undefined][] = [];
        const visit = (node: ts.Node, fn: ts.Node | undefined) => {
          const inner = ts.isFunctionLike(node) ? node : fn;
          if (ts.isIdentifier(node) && inner && (node.parent as { name?: ts.Node }).name !== node) found.push([node, inner]);
          if (ts.isParameter(node) && node.type) found.push([node.type, undefined]);
          ts.forEachChild(node, (child) => visit(child, inner));
        };
        visit(sourceFile, undefined);
        return found;
      };
      const program = ts.createProgram({ rootNames: [fileName], options: ts.getParsedCommandLineOfConfigFile(CONFIG, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!.options });
      const oracle6 = new ProgramTypes(program).get();
      const facts7 = new Ts7PromiseFacts(session, session.project(CONFIG)!);
      const six = collect(program.getSourceFile(fileName)!);
      const seven = collect(session.sourceFile6(fileName)!);
      assert.equal(seven.length, six.length);
      const differences = six.flatMap(([node, fn], i) => {
        const [node7, fn7] = seven[i];
        const answer6 = fn ? oracle6.variableScope(node as ts.Identifier, fn) : oracle6.writtenFunctionTypeReturnsPromise(node as ts.TypeNode, { thenables: true });
        const answer7 = fn7 ? facts7.variableScope(node7 as ts.Identifier, fn7) : facts7.writtenFunctionTypeReturnsPromise(node7 as ts.TypeNode, { thenables: true });
        return JSON.stringify(answer6) === JSON.stringify(answer7) ? [] : [`${name} ${node.getText()}: ${JSON.stringify(answer6)} but ts7 ${JSON.stringify(answer7)}`];
      });
      assert.deepEqual(differences, []);
      assert.ok(six.length > 20, `${name}: ${six.length} questions`);
    }
  });
});

describe("Ts7PromiseFacts when the compiler fails a question (the process lives on)", () => {
  let session: Ts7Session;
  before(() => {
    session = new Ts7Session({ cwd: ROOT, configFiles: [CONFIG] });
  });
  after(() => session.close());

  /** The project with its checker's `method` failing when `fails(argument)`, as TypeScript 7.0.2 fails the type of some `[]` (a panic in the Go process, one failed request). */
  function failing(method: "getTypeAtLocation" | "getApparentType", fails: (argument: unknown) => boolean) {
    const project = session.project(CONFIG)!;
    const checker = new Proxy(project.checker, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== "function") return value;
        const bound = (value as (...args: unknown[]) => unknown).bind(target);
        if (key !== method) return bound;
        return (argument: unknown, ...rest: unknown[]) => {
          if (fails(argument)) throw new Error("panic: interface conversion: checker.TypeData is *checker.TypeReference, not *checker.TupleType");
          return bound(argument, ...rest);
        };
      },
    });
    return new Proxy(project, { get: (target, key): unknown => (key === "checker" ? checker : Reflect.get(target, key)) });
  }

  it("a batch that fails is asked again in halves: only the failing node is `may`, the others keep their answers", () => {
    const fileName = `${ROOT}/src/promises.ts`;
    const asked = nodesOf(session.sourceFile6(fileName)!, (node): node is ts.Expression => node.parent !== undefined && ts.isExpressionStatement(node.parent));
    const pending = asked.find((expr) => expr.getText() === "pending")!;
    const pending7 = session.file(session.project(CONFIG)!, fileName)!.node7(pending);
    const facts = new Ts7PromiseFacts(session, failing("getTypeAtLocation", (nodes) => Array.isArray(nodes) && nodes.includes(pending7)));
    facts.prefetch(asked, { thenables: true });
    const answers = asked.map((expr) => `${expr.getText()}: ${facts.promiseStatus(expr, { thenables: true })}`);
    assert.ok(answers.includes("pending: may"), answers.join("\n"));
    assert.ok(answers.includes("fetchUser(1): always") && answers.includes("thenable(): always") && answers.includes('cache.get("a"): never'), answers.join("\n"));
    assert.ok(session.failures > 0);
    assert.equal(facts.failures, 0, "the batch answered the failing node `undefined`, so no question failed as a whole");
  });

  it("a question that fails as a whole answers its `don't know` value instead of throwing", () => {
    const fileName = `${ROOT}/src/callbacks.ts`;
    const facts = new Ts7PromiseFacts(session, failing("getApparentType", () => true));
    const argumentsOf = nodesOf(session.sourceFile6(fileName)!, (node): node is ts.Expression =>
      node.parent !== undefined && ts.isCallExpression(node.parent) && node.parent.arguments.includes(node as ts.Expression));
    const answers = new Set(argumentsOf.map((argument) => facts.declaredParameterExpectsVoid(argument)));
    assert.deepEqual([...answers].filter((answer) => answer !== "may" && answer !== undefined), []);
    assert.ok(facts.failures > 0, "the failures are counted");
  });
});

describe("the ts7 engine", () => {
  it("says in words when TypeScript 7's package cannot be loaded, and what to install", () => {
    assert.equal(ts7Unavailable("cli"), undefined, "installed here (a dependency, with linux-x64's binary)");
    assert.equal(ts7Unavailable("server"), undefined);
    const missing = () => {
      throw new Error("Cannot find module 'typescript7/unstable/sync'\nRequire stack:\n- /x/dist/cli.js");
    };
    assert.equal(
      ts7Unavailable("cli", missing, "linux", "x64"),
      "the ts7 engine (experimental) cannot load TypeScript 7's compiler for linux-x64 (Cannot find module 'typescript7/unstable/sync'). npm installs it with concurrency-lint: the typescript7 package (typescript@7.0.2) and its optional dependency @typescript/typescript-linux-x64; install concurrency-lint again without --omit=optional, or add it next to concurrency-lint: npm install --save-dev typescript7@npm:typescript@7.0.2",
    );
    const noBinary = () => {
      throw new Error("@typescript/typescript-darwin-arm64 is not installed");
    };
    assert.equal(
      ts7Unavailable("server", noBinary, "darwin", "arm64"),
      "the ts7 engine (experimental) cannot load TypeScript 7's compiler for darwin-arm64 (@typescript/typescript-darwin-arm64 is not installed); linting with ts6. To use ts7: in VS Code, install concurrency-lint's VSIX for darwin-arm64 (the universal VSIX runs ts6 only); with the npm package, npm installs it with concurrency-lint: the typescript7 package (typescript@7.0.2) and its optional dependency @typescript/typescript-darwin-arm64 (not with --omit=optional)",
    );
    assert.match(ts7Unavailable("server", noBinary, "linux", "arm") ?? "", /install concurrency-lint's VSIX for linux-armhf /, "VS Code's name for 32-bit ARM");
    assert.match(ts7Unavailable("server", noBinary, "freebsd", "x64") ?? "", /To use ts7: no concurrency-lint VSIX carries it for freebsd-x64; with the npm package, /);
  });

  it("finds the compiler where typescript7's own lookup does: its platform package's lib/tsc", () => {
    const executable = ts7Executable();
    assert.ok(executable.endsWith(path.join(ts7PlatformPackage(), "lib", process.platform === "win32" ? "tsc.exe" : "tsc")), executable);
    assert.equal(ts7PlatformPackage("win32", "arm64"), "@typescript/typescript-win32-arm64");
  });

  it("Ts7TypeOracle: ported methods answer on TypeScript 7, the others on TypeScript 6's oracle of the same program, each answer counted", () => {
    const program = programOf(CONFIG);
    const engine = openTs7Engine(program, CONFIG);
    try {
      const types = new ProgramTypes(program, undefined, engine.factory);
      const oracle6 = new ProgramTypes(program).get();
      const sourceFile = program.getSourceFile(`${ROOT}/src/promises.ts`)!;
      types.prefetch(sourceFile);
      const oracle = types.get();
      ts7Stats.clear();
      const asked = nodesOf(sourceFile, (node): node is ts.Expression => node.parent !== undefined && ts.isExpressionStatement(node.parent));
      for (const expr of asked) {
        assert.equal(oracle.promiseStatus(expr, { thenables: true }), oracle6.promiseStatus(expr, { thenables: true }), expr.getText());
        assert.equal(oracle.resolvesToNothing(expr), oracle6.resolvesToNothing(expr), expr.getText());
      }
      const counts = (method: string) => {
        const count = ts7Stats.get(method);
        return count && { ts7: count.ts7, ts6: count.ts6, failed: count.failed };
      };
      assert.deepEqual(counts("promiseStatus"), { ts7: asked.length, ts6: 0, failed: 0 });
      assert.deepEqual(counts("resolvesToNothing"), { ts7: 0, ts6: asked.length, failed: 0 });
      assert.match(formatTs7Stats().at(-1)!, new RegExp(`^total ts7 ${asked.length} ts6 ${asked.length} \\d+ ms$`));
      assert.equal(oracle.memo(CONFIG_KEY, () => 1), 1);
      assert.equal(oracle.memo(CONFIG_KEY, () => 2), 1, "memo: one value per key and program");
    } finally {
      engine.close();
    }
  });
});

const CONFIG_KEY = {};

describe("the ts7 engine without a TypeScript 6 program (Ts7ProgramView)", () => {
  const spec = () => planProjects({ paths: [], project: CONFIG, cwd: ROOT })[0];
  const lintAll = (program: LintProgram, factory?: OracleFactory) =>
    lintProgram({ program, files: spec().filesToLint, rules: allRules, configFor: () => defaultConfig(ROOT, allRules), oracleFactory: factory }).map((result) => ({
      file: path.basename(result.fileName),
      findings: result.findings.map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.start}-${finding.end}`),
      internalErrors: result.internalErrors.map((error) => error.message),
    }));

  it("has the program's files in its order (TypeScript 6's lib files for TypeScript 7's), roots, libraries and trees parsed as the program parses them", () => {
    const program = new ProgramBuilder(spec()).build();
    const opened = openTs7Project(new ProgramBuilder(spec()), spec().filesToLint);
    try {
      const view = opened.program;
      assert.deepEqual(view.getSourceFiles().map((file) => file.fileName), program.getSourceFiles().map((file) => file.fileName));
      assert.deepEqual(view.getRootFileNames(), program.getRootFileNames());
      for (const file of program.getSourceFiles()) {
        const twin = view.getSourceFile(file.fileName)!;
        const name = path.basename(file.fileName);
        assert.equal(view.isSourceFileDefaultLibrary(twin), program.isSourceFileDefaultLibrary(file), name);
        if (!file.fileName.includes("/node_modules/") || program.isSourceFileDefaultLibrary(file)) {
          assert.equal(view.isSourceFileFromExternalLibrary(twin), program.isSourceFileFromExternalLibrary(file), name);
        }
        assert.equal(new Ts6TypeOracle(view).isProjectSourceFile(twin), new Ts6TypeOracle(program).isProjectSourceFile(file), name);
        assert.equal(twin.impliedNodeFormat, file.impliedNodeFormat, name);
        assert.equal(twin.languageVersion, file.languageVersion, name);
        assert.equal(ts.isExternalModule(twin), ts.isExternalModule(file), name);
        assert.equal(twin.text, file.text, name);
      }
      assert.equal(view.getSourceFile(`${ROOT}/src/missing.ts`), undefined, "a file TypeScript 7's program does not hold");
      assert.equal(view.programBuiltMs, undefined, "no TypeScript 6 program so far");
    } finally {
      opened.close();
    }
  });

  it("lints the project as ts6 does, building TypeScript 6's program only for a question left to its checker", () => {
    const expected = lintAll(new ProgramBuilder(spec()).build());
    const opened = openTs7Project(new ProgramBuilder(spec()), spec().filesToLint);
    try {
      ts7Stats.clear();
      assert.deepEqual(lintAll(opened.program, opened.factory), expected);
      const leftToTs6 = [...ts7Stats].filter(([, count]) => count.ts6 > 0).map(([method]) => method);
      assert.equal(opened.program.programBuiltMs !== undefined, leftToTs6.length > 0, `built only when asked: ${leftToTs6.join(", ") || "nothing"} left to TypeScript 6`);
      // Asked afterwards, TypeScript 6's checker is there, on the very trees the rules walked.
      const service = opened.program.getSourceFile(SERVICE)!;
      const call = nodesOf(service, ts.isCallExpression)[0];
      assert.ok(opened.program.getTypeChecker().getResolvedSignature(call), "TypeScript 6's checker answers on the view's trees");
      assert.notEqual(opened.program.programBuiltMs, undefined);
    } finally {
      opened.close();
    }
  });

  const promiseNamesOf = (program: LintProgram) => {
    const names = new Ts6TypeOracle(program).promiseNames();
    return { functions: [...names.functions].sort(), values: [...names.values].sort() };
  };

  it("promiseNames equals the program's on the fixture projects", () => {
    for (const root of [ROOT, path.resolve(__dirname, "..", "fixtures", "ts7", "disposables").replace(/\\/g, "/")]) {
      const spec7 = planProjects({ paths: [], project: `${root}/tsconfig.json`, cwd: root })[0];
      const opened = openTs7Project(new ProgramBuilder(spec7), spec7.filesToLint);
      try {
        assert.deepEqual(promiseNamesOf(opened.program), promiseNamesOf(new ProgramBuilder(spec7).build()), root);
      } finally {
        opened.close();
      }
    }
  });

  it("promiseNames equals the program's with lib and node_modules declaration files, leaving unparsed only those that add nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts7-names-")).replace(/\\/g, "/");
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(`${dir}/${name}`), { recursive: true });
      fs.writeFileSync(`${dir}/${name}`, text);
    };
    try {
      write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], types: [], noEmit: true }, include: ["src"] }));
      const pkg = (name: string, dts: string) => {
        write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: "1.0.0", types: "index.d.ts" }));
        write(`node_modules/${name}/index.d.ts`, dts);
      };
      // Where the names come from: a promise type and promise-returning functions.
      pkg("loud", "export type Handler = () => Promise<void>;\nexport declare function startServer(port: number): Promise<void>;\nexport declare class Pool { #drain(): Promise<void>; }\n");
      // Quiet files (no Promise, Thenable, async): one refers to the promise type, one calls a function, one neither.
      pkg("quiet-typed", "import type { Handler } from \"loud\";\nexport interface Options {\n  onDone: Handler;\n  retries: number;\n}\n");
      pkg("quiet-call", "import { startServer } from \"loud\";\n/** Started on import. */\nexport declare const started = startServer(8080);\n");
      pkg("quiet-none", "export interface Point {\n  x: number;\n  y: number;\n}\nexport declare function distance(a: Point, b: Point): number;\n");
      write("src/main.ts", "import type { Options } from \"quiet-typed\";\nimport { started } from \"quiet-call\";\nimport { distance } from \"quiet-none\";\nexport const options: Partial<Options> = {};\nexport { started, distance };\n");
      const spec7 = planProjects({ paths: [], project: `${dir}/tsconfig.json`, cwd: dir })[0];
      const program = new ProgramBuilder(spec7).build();
      const opened = openTs7Project(new ProgramBuilder(spec7), spec7.filesToLint);
      try {
        const view = opened.program;
        assert.deepEqual(view.getSourceFileNames().length, program.getSourceFiles().length);
        const expected = promiseNamesOf(program);
        assert.ok(expected.functions.includes("onDone") && expected.values.includes("started"), "the quiet files add names");
        assert.deepEqual(promiseNamesOf(view), expected);
        const quietNone = `${dir}/node_modules/quiet-none/index.d.ts`;
        assert.notEqual(view.unparsedSourceText(quietNone), undefined, "a quiet file that adds nothing is not parsed");
        assert.equal(view.unparsedSourceText(`${dir}/node_modules/quiet-typed/index.d.ts`), undefined, "a quiet file naming a promise type is parsed");
        assert.equal(view.unparsedSourceText(`${dir}/node_modules/quiet-call/index.d.ts`), undefined, "a quiet file calling a promise function is parsed");
        // Parsed later, a skipped file is the program's parse.
        assert.equal(view.getSourceFile(quietNone)!.text, program.getSourceFile(quietNone)!.text);
      } finally {
        opened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("quietText and mayNameOneOf: what a file's text can hold, conservatively", () => {
    assert.equal(quietText("export declare function f(): number;"), true);
    for (const text of ["f(): Promise<void>", "g(): PromiseLike<T>", "h(): Thenable<T>", "async function k() {}", "declare const \\u0050romise: X;"]) {
      assert.equal(quietText(text), false, text);
    }
    const names = new Set(["save", "Handler", "drain"]);
    assert.equal(mayNameOneOf("x: Handler;", names), true);
    assert.equal(mayNameOneOf("const s = a.save(1);", names), true);
    assert.equal(mayNameOneOf("const s = saved + saves + Handlers;", names), false, "whole identifiers only");
    assert.equal(mayNameOneOf("x = 1save;", names), true, "an identifier right after a numeric literal");
    assert.equal(mayNameOneOf("x = 0x1F + 16;", names), false);
    assert.equal(mayNameOneOf("x = \u00e9drain;", names), true, "a run with characters TypeScript's tables may not take");
    assert.equal(mayNameOneOf("x = save;", new Set()), false);
  });

  it("reports syntax errors as the program does: a TypeScript file's, and TypeScript syntax in a JavaScript file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts7-view-")).replace(/\\/g, "/");
    try {
      fs.cpSync(ROOT, dir, { recursive: true });
      fs.writeFileSync(`${dir}/src/broken.ts`, "export function f( {\n  return 1;\n}\n");
      fs.writeFileSync(`${dir}/src/typed.js`, "export function g(x: number): number {\n  return x;\n}\n");
      const config = `${dir}/tsconfig.json`;
      const spec7 = planProjects({ paths: [], project: config, cwd: dir })[0];
      const program = new ProgramBuilder(spec7).build();
      const opened = openTs7Project(new ProgramBuilder(spec7), spec7.filesToLint);
      try {
        for (const name of ["broken.ts", "typed.js", "legacy.js", "service.ts"]) {
          const file = `${dir}/src/${name}`;
          const messages = (diagnostics: readonly ts.Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.start} ${diagnostic.code}`);
          const expected = messages(program.getSyntacticDiagnostics(program.getSourceFile(file)));
          assert.deepEqual(messages(opened.program.getSyntacticDiagnostics(opened.program.getSourceFile(file))), expected, name);
          if (name === "broken.ts" || name === "typed.js") assert.ok(expected.length > 0, `${name} has syntax errors`);
        }
      } finally {
        opened.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the ts7 engine names the release method TypeScript 6 names", () => {
  it("releaseMethod on disposables.ts: one method, several (the first in TypeScript 6's order: plain names as written, then computed ones; asked of TypeScript 6 across declarations), optional, a union, an iterator", () => {
    const root = path.resolve(__dirname, "..", "fixtures", "ts7", "disposables").replace(/\\/g, "/");
    const config = `${root}/tsconfig.json`;
    const program = programOf(config);
    const engine = openTs7Engine(program, config);
    try {
      const oracle7 = new ProgramTypes(program, undefined, engine.factory).get();
      const oracle6 = new ProgramTypes(program).get();
      const sourceFile = program.getSourceFile(`${root}/src/disposables.ts`)!;
      const names = ["close", "dispose", "Symbol.dispose"];
      const asked = nodesOf(sourceFile, (node): node is ts.Expression => node.parent !== undefined && ts.isExpressionStatement(node.parent));
      const rows = asked.map((expr) => {
        const six = JSON.stringify(oracle6.releaseMethod(expr, names));
        const seven = JSON.stringify(oracle7.releaseMethod(expr, names));
        return `${expr.getText()}: ${six}${seven === six ? "" : ` but ts7 ${seven}`}`;
      });
      assert.deepEqual(rows, [
        'both: {"status":"always","method":"dispose"}',
        'symbolFirst: {"status":"always","method":"dispose"}',
        'closeThenDispose: {"status":"always","method":"close"}',
        'disposeThenClose: {"status":"always","method":"dispose"}',
        'inherits: {"status":"always","method":"[Symbol.dispose]"}',
        'overrides: {"status":"always","method":"dispose"}',
        'onlySymbol: {"status":"always","method":"[Symbol.dispose]"}',
        'onlyClose: {"status":"always","method":"close"}',
        'optional: {"status":"may"}',
        'either: {"status":"always","method":"dispose"}',
        'keys: {"status":"never"}',
      ]);
    } finally {
      engine.close();
    }
  });
});

describe("the ts7 engine names the slot a value is stored into as TypeScript 6 does", () => {
  it("slotDeclarations on pg's PoolConfig.onConnect (from node_modules/@types/pg) in every shape, a project's own onConnect, a union of both, and no contextual type", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ts7-slots-")).replace(/\\/g, "/");
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(`${root}/${file}`), { recursive: true });
      fs.writeFileSync(`${root}/${file}`, text);
    };
    write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023"], types: [], noEmit: true }, include: ["src"] }));
    write("node_modules/@types/pg/package.json", '{ "name": "@types/pg", "version": "8.23.1", "types": "index.d.ts" }');
    write(
      "node_modules/@types/pg/index.d.ts",
      [
        "export interface ClientBase { query(text: string): Promise<unknown> }",
        "export interface PoolConfig { max?: number | undefined; log?: ((...messages: any[]) => void) | undefined; onConnect?: ((client: ClientBase) => void) | undefined }",
        "export declare class Pool { constructor(config?: PoolConfig); end(): Promise<void> }",
      ].join("\n"),
    );
    write(
      "src/slots.ts",
      [
        'import { type ClientBase, type PoolConfig, Pool } from "pg";',
        "interface CacheConfig { url: string; onConnect?: (client: { ping(): Promise<void> }) => void }",
        "interface AppPoolConfig extends PoolConfig { tenant: string }",
        "declare function open(config: PoolConfig | CacheConfig): void;",
        'const onConnect = async (client: ClientBase) => { await client.query("SET a"); };',
        'export const a = new Pool({ max: 1, onConnect: async (client) => { await client.query("SET b"); } });',
        "export const b = new Pool({ onConnect });",
        'export const c = new Pool({ async onConnect(client) { await client.query("SET c"); } });',
        'const config: AppPoolConfig = { tenant: "t", onConnect, log: () => {} };',
        "config.onConnect = async () => {};",
        "open({ onConnect: async () => {} });",
        "export class Hooks implements PoolConfig { max = 2; async onConnect(client: ClientBase) { await client.query(\"SET d\"); } }",
        "export const loose = { onConnect: async () => {} };",
        "new Pool(config).end().catch(() => {});",
      ].join("\n"),
    );
    const config = `${root}/tsconfig.json`;
    const program = programOf(config);
    const engine = openTs7Engine(program, config);
    try {
      const oracle7 = new ProgramTypes(program, undefined, engine.factory).get();
      const oracle6 = new ProgramTypes(program).get();
      const sourceFile = program.getSourceFile(`${root}/src/slots.ts`)!;
      type Slot = ts.ObjectLiteralElementLike | ts.ClassElement | ts.PropertyAccessExpression;
      const slots = nodesOf(
        sourceFile,
        (node): node is Slot =>
          ((ts.isObjectLiteralElementLike(node) || ts.isClassElement(node)) && !ts.isConstructorDeclaration(node)) ||
          (ts.isPropertyAccessExpression(node) && ts.isBinaryExpression(node.parent) && node.parent.left === node),
      );
      const describe = (refs: ReturnType<typeof oracle6.slotDeclarations>) => (refs ? refs.map((ref) => `${ref.module ?? "(project)"} ${ref.qualifiedName}`).join(", ") : "none");
      ts7Stats.delete("slotDeclarations");
      const rows = slots.map((slot) => {
        const six = describe(oracle6.slotDeclarations(slot));
        const seven = describe(oracle7.slotDeclarations(slot));
        return `${sourceFile.getLineAndCharacterOfPosition(slot.getStart()).line + 1} ${slot.getText().split(/[:(=]/)[0].trim()}: ${six}${seven === six ? "" : ` but ts7 ${seven}`}`;
      });
      assert.deepEqual(rows, [
        "6 max: pg PoolConfig.max",
        "6 onConnect: pg PoolConfig.onConnect",
        "7 onConnect: pg PoolConfig.onConnect",
        "8 async onConnect: pg PoolConfig.onConnect",
        "9 tenant: (project) AppPoolConfig.tenant",
        "9 onConnect: pg PoolConfig.onConnect",
        "9 log: pg PoolConfig.log",
        "10 config.onConnect: pg PoolConfig.onConnect",
        // A union's parts in the compilers' own orders (they differ), sorted by place.
        "11 onConnect: pg PoolConfig.onConnect, (project) CacheConfig.onConnect",
        "12 max: pg PoolConfig.max",
        "12 async onConnect: pg PoolConfig.onConnect",
        "13 onConnect: none",
      ]);
      const count = ts7Stats.get("slotDeclarations");
      assert.deepEqual(count && { ts7: count.ts7, ts6: count.ts6, failed: count.failed }, { ts7: rows.length, ts6: 0, failed: 0 }, "TypeScript 7 answers every one itself");
    } finally {
      engine.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
