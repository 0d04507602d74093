// Issue 13, the seam of the TypeScript 7 engine: what does "keep walking a TypeScript 6 parse,
// ask TypeScript 7 by position" cost on our real question mix? Not shipped, not in CI.
//
//   node bench/ts7-seam.mjs [--runs 5] <project-dir> <tsconfig> [<project-dir> <tsconfig> ...]
//       interleaved runs of each variant in a fresh process; medians; disagreements with ts6
//   node bench/ts7-seam.mjs --one ts6|ts7b|ts7p|ts7a <project-dir> <tsconfig> [--answers out.json]
//       one variant, once (the driver's child)
//   node --import tsx bench/ts7-seam.mjs --mix <project-dir> <tsconfig>
//       the real engine, all rules on, counting TypeOracle questions and the checker calls they make
//   node --import tsx bench/ts7-seam.mjs --parity [--batched] <project-dir> <tsconfig>
//       engine/ts7/promiseFacts.ts against Ts6TypeOracle: promiseStatus on every call, new,
//       expression statement and awaited value (and promiseArrayStatus, thenables on),
//       declaredParameterExpectsVoid and functionReturnsPromise on every argument, variableScope on
//       identifiers in functions, writtenFunctionTypeReturnsPromise on parameter types ("other"),
//       answers compared; --batched: each file's
//       expressions prefetched first (Ts7PromiseFacts.prefetch)
//
// The variants ask the same questions about every project source file (the oracle's hottest ones):
// for every call expression and every awaited expression "is it a promise" (always/never/may, the
// oracle's declared-return-types-first order), for every call "which declaration does the callee
// resolve to" (as the declaration node the rules walk), and for identifiers passed as arguments or
// awaited "which symbol" (variableOf).
//   ts6   today's engine: ts.createProgram + its checker, the nodes are the program's.
//   ts7b  seam (b): a TypeScript 6 parse of each linted file (ts.createSourceFile, no program) +
//         the TypeScript 7 project; TS6 nodes mapped to TS7 nodes by position (span + kind), batched
//         questions, declarations mapped back to TS6 nodes (their file parsed by TS6 on demand).
//   ts7p  seam (b), position first: callee types and identifier symbols by getTypeAtPosition /
//         getSymbolAtPosition on name tokens (no TS7 tree), TS7 nodes only where a question needs one
//         (the type of a generic call, an overloaded callee's resolved signature, an unnamed callee).
//   ts7a  seam (a)'s floor: the same questions on TypeScript 7's own tree, no TS6 parse, no mapping.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};

// ---------------------------------------------------------------------------------------------
// Shared: which files are linted, how answers are recorded
const isProjectSource = (fileName) => !/[\\/]node_modules[\\/]/.test(fileName) && !/\.d\.[cm]?ts$/.test(fileName);
/** A node's key in the answers: its span (nested calls share their start). */
const span = (node) => `${node.pos}-${node.end}`;
const rel = (root, fileName) => path.relative(root, fileName).split(path.sep).join("/");
/** A declaration outside the project: its package path (or "lib") and name; offsets of TS7's lib copies differ. */
const externalKey = (fileName, isLib, name, kind) => `ext:${isLib ? "lib" : fileName.replace(/^.*node_modules\//, "")}:${name}:${kind}`;

function childStats() {
  // The Go process the TypeScript 7 API spawned: CPU (utime + stime) and peak RSS, read before close.
  const stats = { cpuMs: 0, peakRssMb: 0 };
  for (const task of fs.readdirSync(`/proc/${process.pid}/task`)) {
    let children = "";
    try {
      children = fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8");
    } catch {
      continue;
    }
    for (const pid of children.split(/\s+/).filter(Boolean)) {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      stats.cpuMs += ((Number(stat[11]) + Number(stat[12])) * 1000) / 100; // clock ticks, USER_HZ = 100
      const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      stats.peakRssMb += hwm ? Number(hwm[1]) / 1024 : 0;
    }
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// TypeScript 6
const ts = require("typescript");
/** TS6 kind numbers under their own name (not FirstStatement & co.). */
const ts6KindName = new Map();
for (const [name, value] of Object.entries(ts.SyntaxKind)) {
  if (typeof value === "number" && !/^(First|Last)/.test(name) && !ts6KindName.has(value)) ts6KindName.set(value, name);
}

function sitesOf6(sourceFile) {
  // The nodes the rules ask about, in walk order.
  const calls = [];
  const awaited = [];
  const identifiers = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind !== ts.SyntaxKind.ImportKeyword) calls.push(node);
    else if (ts.isAwaitExpression(node) && !ts.isCallExpression(skipParens6(node.expression))) awaited.push(node.expression);
    if (ts.isIdentifier(node) && node.parent && ((ts.isCallExpression(node.parent) && node.parent.arguments.includes(node)) || ts.isAwaitExpression(node.parent))) {
      identifiers.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { calls, awaited, identifiers };
}
function skipParens6(node) {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function runTs6(root, tsconfig, answers) {
  const t0 = performance.now();
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
  const checker = program.getTypeChecker();
  const tOpen = performance.now();
  const UNKNOWNISH = ts.TypeFlags.Any | ts.TypeFlags.Unknown;
  const promiseCache = new Map();
  const isBuiltinPromise = (type) => {
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface))) return false;
    if (promiseCache.has(symbol)) return promiseCache.get(symbol);
    promiseCache.set(symbol, false);
    let result = false;
    if (symbol.name === "Promise" && (symbol.declarations ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))) result = true;
    else {
      const target = type.target ?? type;
      if (target.flags & ts.TypeFlags.Object && target.objectFlags & ts.ObjectFlags.ClassOrInterface) result = checker.getBaseTypes(target).some(isBuiltinPromise);
    }
    promiseCache.set(symbol, result);
    return result;
  };
  const hasCallableThen = (type) => {
    const then = checker.getPropertyOfType(checker.getApparentType(type), "then");
    if (!then) return false;
    const thenType = checker.getTypeOfSymbol(then);
    return (thenType.isUnion() ? thenType.types : [thenType]).some((part) => part.getCallSignatures().length > 0);
  };
  const typeStatus = (type) => {
    if (type.flags & UNKNOWNISH) return "may";
    if (type.isUnionOrIntersection()) return combine(type.types.map(typeStatus));
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      return !constraint || constraint.flags & UNKNOWNISH ? "may" : typeStatus(constraint);
    }
    return isBuiltinPromise(type) || hasCallableThen(type) ? "always" : "never";
  };
  const mentionsTypeParameter = (type) =>
    !!(type.flags & (ts.TypeFlags.TypeParameter | ts.TypeFlags.Conditional | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Substitution)) ||
    (type.isUnionOrIntersection() && type.types.some(mentionsTypeParameter));
  const callStatus = (call) => {
    const calleeType = checker.getTypeAtLocation(call.expression);
    let declared;
    if (calleeType.flags & UNKNOWNISH) declared = [calleeType];
    else {
      declared = [];
      for (const signature of checker.getSignaturesOfType(checker.getApparentType(calleeType), ts.SignatureKind.Call)) {
        const returnType = checker.getReturnTypeOfSignature(signature);
        if (mentionsTypeParameter(returnType)) {
          declared = [];
          break;
        }
        declared.push(returnType);
      }
    }
    const status = declared.length > 0 ? combineAll(declared.map(typeStatus)) : "may";
    return status !== "may" ? status : typeStatus(checker.getTypeAtLocation(call));
  };
  const describe = (declaration) => {
    const sourceFile = declaration.getSourceFile();
    if (isProjectSource(sourceFile.fileName)) return `${rel(root, sourceFile.fileName)}:${declaration.pos}:${ts6KindName.get(declaration.kind)}`;
    const name = declaration.name && (declaration.name.text ?? declaration.name.getText(sourceFile));
    return externalKey(sourceFile.fileName, program.isSourceFileDefaultLibrary(sourceFile), name, ts6KindName.get(declaration.kind));
  };
  const calleeDeclaration = (call) => {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    if (declaration && !ts.isJSDocSignature(declaration)) return declaration;
    let symbol = checker.getSymbolAtLocation(call.expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  };
  let questions = 0;
  for (const fileName of program.getRootFileNames().filter(isProjectSource)) {
    const sourceFile = program.getSourceFile(fileName);
    const file = rel(root, fileName);
    const { calls, awaited, identifiers } = sitesOf6(sourceFile);
    for (const call of calls) {
      const declaration = calleeDeclaration(call);
      answers[`${file}:${span(call)}:status`] = callStatus(call);
      answers[`${file}:${span(call)}:callee`] = declaration ? describe(declaration) : "none";
      questions += 2;
    }
    for (const expr of awaited) {
      answers[`${file}:${span(expr)}:awaited`] = typeStatus(checker.getTypeAtLocation(expr));
      questions++;
    }
    for (const identifier of identifiers) {
      answers[`${file}:${span(identifier)}:symbol`] = checker.getSymbolAtLocation(identifier)?.name ?? "none";
      questions++;
    }
  }
  const tDone = performance.now();
  return { openMs: tOpen - t0, questionsMs: tDone - tOpen, questions, go: { cpuMs: 0, peakRssMb: 0 } };
}

function combine(parts) {
  let sawMay = false;
  for (const part of parts) {
    if (part === "always") return "always";
    if (part === "may") sawMay = true;
  }
  return sawMay ? "may" : "never";
}
function combineAll(parts) {
  let result;
  for (const part of parts) {
    if (result !== undefined && result !== part) return "may";
    result = part;
  }
  return result ?? "never";
}

// ---------------------------------------------------------------------------------------------
// TypeScript 7
async function runTs7(root, tsconfig, answers, seam) {
  const { API, TypeFlags, SymbolFlags, ObjectFlags, SignatureKind } = require("typescript7/unstable/sync");
  const { SyntaxKind: Kind7 } = require("typescript7/unstable/ast");
  /** TS7 kind number -> TS6 kind number (by name; the numbers differ). */
  const to6 = new Map();
  for (const [name, value] of Object.entries(Kind7)) {
    if (typeof value === "number" && !/^(First|Last)/.test(name) && ts.SyntaxKind[name] !== undefined && !to6.has(value)) to6.set(value, ts.SyntaxKind[name]);
  }
  const to7 = new Map([...to6].map(([k7, k6]) => [k6, k7]));
  const t0 = performance.now();
  const api = new API({ cwd: root });
  const project = api.updateSnapshot({ openProjects: [tsconfig] }).getProjects()[0];
  const { checker, program } = project;
  const tOpen = performance.now();
  const UNKNOWNISH = TypeFlags.Any | TypeFlags.Unknown;
  const isLibPath = (p) => !!program.getSourceFileMetadataByPath(p)?.isDefaultLibrary;

  // Every checker call on a handle is a round trip: cache by id.
  const statusCache = new Map();
  const builtinCache = new Map();
  const isBuiltinPromise = (type) => {
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface))) return false;
    if (builtinCache.has(symbol.id)) return builtinCache.get(symbol.id);
    builtinCache.set(symbol.id, false);
    let result = false;
    if (symbol.name === "Promise" && symbol.declarations.some((d) => isLibPath(d.path))) result = true;
    else {
      const target = type.objectFlags & ObjectFlags.Reference ? type.getTarget() : type;
      if (target.flags & TypeFlags.Object && target.objectFlags & ObjectFlags.ClassOrInterface) result = checker.getBaseTypes(target).some(isBuiltinPromise);
    }
    builtinCache.set(symbol.id, result);
    return result;
  };
  const hasCallableThen = (type) => {
    const then = checker.getPropertyOfType(checker.getApparentType(type), "then");
    if (!then) return false;
    const thenType = checker.getTypeOfSymbol(then);
    return (thenType.flags & TypeFlags.Union ? thenType.getTypes() : [thenType]).some((part) => checker.getSignaturesOfType(part, SignatureKind.Call).length > 0);
  };
  const typeStatus = (type) => {
    if (!type) return "may";
    if (statusCache.has(type.id)) return statusCache.get(type.id);
    statusCache.set(type.id, "may");
    let result;
    if (type.flags & UNKNOWNISH) result = "may";
    else if (type.flags & (TypeFlags.Union | TypeFlags.Intersection)) result = combine(type.getTypes().map(typeStatus));
    else if (type.flags & TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      result = !constraint || constraint.flags & UNKNOWNISH ? "may" : typeStatus(constraint);
    } else result = isBuiltinPromise(type) || hasCallableThen(type) ? "always" : "never";
    statusCache.set(type.id, result);
    return result;
  };
  const mentionsCache = new Map();
  const mentionsTypeParameter = (type) => {
    if (mentionsCache.has(type.id)) return mentionsCache.get(type.id);
    const result =
      !!(type.flags & (TypeFlags.TypeParameter | TypeFlags.Conditional | TypeFlags.Index | TypeFlags.IndexedAccess | TypeFlags.Substitution)) ||
      (!!(type.flags & (TypeFlags.Union | TypeFlags.Intersection)) && type.getTypes().some(mentionsTypeParameter));
    mentionsCache.set(type.id, result);
    return result;
  };
  const declaredCache = new Map(); // callee type id -> declared return types, or null when generic
  const declaredReturnTypes = (calleeType) => {
    if (!calleeType) return null;
    if (calleeType.flags & UNKNOWNISH) return [calleeType];
    if (declaredCache.has(calleeType.id)) return declaredCache.get(calleeType.id);
    let types = [];
    for (const signature of checker.getSignaturesOfType(checker.getApparentType(calleeType), SignatureKind.Call)) {
      const returnType = checker.getReturnTypeOfSignature(signature);
      if (!returnType || mentionsTypeParameter(returnType)) {
        types = [];
        break;
      }
      types.push(returnType);
    }
    const result = types.length > 0 ? types : null;
    declaredCache.set(calleeType.id, result);
    return result;
  };

  // TS6 parses: the linted files up front, declaration files on demand (seam b).
  const parsed6 = new Map();
  let parseMs = 0;
  let mapMs = 0;
  const parse6 = (fileName, text) => {
    let sourceFile = parsed6.get(fileName);
    if (!sourceFile) {
      const start = performance.now();
      sourceFile = ts.createSourceFile(fileName, text ?? fs.readFileSync(fileName, "utf8"), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }, true); // as the engine parses
      parsed6.set(fileName, sourceFile);
      parseMs += performance.now() - start;
    }
    return sourceFile;
  };
  /** The TS7 node of a TS6 node: descend TS7's tree by span, then match the kind. */
  const find7 = (root7, node6) => {
    const kind = to7.get(node6.kind);
    let current = root7;
    for (;;) {
      if (current.pos === node6.pos && current.end === node6.end && current.kind === kind) return current;
      let next;
      current.forEachChild((child) => {
        if (next === undefined && child.pos <= node6.pos && child.end >= node6.end && child.end > child.pos) next = child;
        return next;
      });
      if (!next) return undefined;
      current = next;
    }
  };
  /** The TS6 node of a TS7 node (a declaration): same file, same span, same kind. */
  const find6 = (sourceFile6, node7) => {
    const kind = to6.get(node7.kind);
    let current = sourceFile6;
    for (;;) {
      if (current.pos === node7.pos && current.end === node7.end && current.kind === kind) return current;
      const contains = (child) => (child.pos <= node7.pos && child.end >= node7.end && child.end > child.pos ? child : undefined);
      // JSDoc is no child for forEachChild, but a declaration can live there (`@param {() => number} now`).
      const next = ts.forEachChild(current, contains) ?? current.jsDoc?.find(contains);
      if (!next) return undefined;
      current = next;
    }
  };
  let unmapped = 0;
  const describe = (handle) => {
    const kind6 = ts6KindName.get(to6.get(handle.kind));
    if (isLibPath(handle.path) || !isProjectSource(handle.path)) {
      const node7 = handle.resolve(project);
      const name = node7?.name?.text ?? node7?.name?.escapedText;
      return externalKey(handle.path, isLibPath(handle.path), name, kind6);
    }
    const node7 = handle.resolve(project);
    if (!node7) return "none";
    if (seam !== "a") {
      // What the rules receive: the TS6 node, to walk the callee's body.
      const sourceFile6 = parse6(handle.path);
      const start = performance.now();
      const node6 = find6(sourceFile6, node7);
      mapMs += performance.now() - start;
      if (!node6) {
        unmapped++;
        return `unmapped:${rel(root, handle.path)}:${node7.pos}`;
      }
      return `${rel(root, handle.path)}:${node6.pos}:${ts6KindName.get(node6.kind)}`;
    }
    return `${rel(root, handle.path)}:${node7.pos}:${kind6}`;
  };
  const calleeDeclaration = (call7) => {
    const signature = checker.getResolvedSignature(call7); // not batchable: one round trip per call
    if (signature?.declaration && signature.declaration.kind !== Kind7.JSDocSignature) return signature.declaration;
    let symbol = checker.getSymbolAtLocation(call7.expression);
    if (symbol && symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  };

  let questions = 0;
  const sites7 = (sourceFile7) => {
    const calls = [];
    const awaited = [];
    const identifiers = [];
    const skipParens = (node) => {
      while (node.kind === Kind7.ParenthesizedExpression) node = node.expression;
      return node;
    };
    const visit = (node) => {
      if (node.kind === Kind7.CallExpression && node.expression.kind !== Kind7.ImportKeyword) calls.push(node);
      else if (node.kind === Kind7.AwaitExpression && skipParens(node.expression).kind !== Kind7.CallExpression) awaited.push(node.expression);
      if (node.kind === Kind7.Identifier && node.parent && ((node.parent.kind === Kind7.CallExpression && node.parent.arguments.includes(node)) || node.parent.kind === Kind7.AwaitExpression)) {
        identifiers.push(node);
      }
      node.forEachChild(visit);
    };
    sourceFile7.forEachChild(visit);
    return { calls, awaited, identifiers };
  };
  let treesFetched = 0;
  let nodeQuestions = 0;
  const SINGLE_DECLARATION_IS_THE_SIGNATURE = new Set([Kind7.FunctionDeclaration, Kind7.MethodDeclaration, Kind7.MethodSignature]);
  for (const fileName of project.rootFiles.filter(isProjectSource)) {
    if (seam !== "p") continue;
    // Position first: TS6's tree gives the positions of the name tokens; TypeScript 7 answers by
    // position (no tree crosses the pipe); its tree is fetched only for a question that needs a
    // node (the type of a generic call, an overloaded callee's resolved signature).
    const file = rel(root, fileName);
    const sourceFile6 = parse6(fileName);
    const sites = sitesOf6(sourceFile6);
    let tree7;
    const node7 = (node6) => {
      nodeQuestions++;
      if (!tree7) {
        treesFetched++;
        tree7 = program.getSourceFile(fileName);
      }
      const start = performance.now();
      const found = find7(tree7, node6);
      mapMs += performance.now() - start;
      if (!found) unmapped++;
      return found;
    };
    const namePosition = (expr) => {
      const node = skipParens6(expr);
      if (ts.isIdentifier(node)) return node.getStart(sourceFile6);
      if (ts.isPropertyAccessExpression(node)) return node.name.getStart(sourceFile6);
      return undefined;
    };
    const calleePositions = sites.calls.map((call) => namePosition(call.expression));
    const awaitedPositions = sites.awaited.map(namePosition);
    const identifierPositions = sites.identifiers.map((identifier) => identifier.getStart(sourceFile6));
    const typePositions = [...calleePositions, ...awaitedPositions].filter((p) => p !== undefined);
    const symbolPositions = [...calleePositions.filter((p) => p !== undefined), ...identifierPositions];
    const typesAt = new Map();
    if (typePositions.length) checker.getTypeAtPosition(fileName, typePositions).forEach((type, i) => typesAt.set(typePositions[i], type));
    const symbolsAt = new Map();
    if (symbolPositions.length) checker.getSymbolAtPosition(fileName, symbolPositions).forEach((symbol, i) => symbolsAt.set(symbolPositions[i], symbol));
    // Callees without a name token (`fns[i]()`, `(await f)()`): by node, batched.
    const byNode = sites.calls.filter((_, i) => calleePositions[i] === undefined);
    const byNodeTypes = new Map();
    if (byNode.length) checker.getTypeAtLocation(byNode.map((call) => node7(call.expression))).forEach((type, i) => byNodeTypes.set(byNode[i], type));
    const declared = sites.calls.map((call, i) => declaredReturnTypes(calleePositions[i] === undefined ? byNodeTypes.get(call) : typesAt.get(calleePositions[i])));
    const open = sites.calls.filter((_, i) => declared[i] === null || combineAll(declared[i].map(typeStatus)) === "may");
    const callTypes = new Map();
    if (open.length) checker.getTypeAtLocation(open.map(node7)).forEach((type, i) => callTypes.set(open[i], type));
    const awaitedByNode = sites.awaited.filter((_, i) => awaitedPositions[i] === undefined);
    const awaitedTypes = new Map();
    if (awaitedByNode.length) checker.getTypeAtLocation(awaitedByNode.map(node7)).forEach((type, i) => awaitedTypes.set(awaitedByNode[i], type));
    sites.calls.forEach((call, i) => {
      const key = `${file}:${span(call)}`;
      const status = declared[i] === null ? "may" : combineAll(declared[i].map(typeStatus));
      answers[`${key}:status`] = status !== "may" ? status : typeStatus(callTypes.get(call));
      let symbol = calleePositions[i] === undefined ? undefined : symbolsAt.get(calleePositions[i]);
      if (symbol && symbol.flags & SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const [only, ...more] = symbol?.declarations ?? [];
      const declaration = only && more.length === 0 && SINGLE_DECLARATION_IS_THE_SIGNATURE.has(only.kind) ? only : calleeDeclaration(node7(call));
      answers[`${key}:callee`] = declaration ? describe(declaration) : "none";
      questions += 2;
    });
    sites.awaited.forEach((expr, i) => {
      answers[`${file}:${span(expr)}:awaited`] = typeStatus(awaitedPositions[i] === undefined ? awaitedTypes.get(expr) : typesAt.get(awaitedPositions[i]));
      questions++;
    });
    sites.identifiers.forEach((identifier, i) => {
      answers[`${file}:${span(identifier)}:symbol`] = symbolsAt.get(identifierPositions[i])?.name ?? "none";
      questions++;
    });
  }
  for (const fileName of project.rootFiles.filter(isProjectSource)) {
    if (seam === "p") break;
    const file = rel(root, fileName);
    const sourceFile7 = program.getSourceFile(fileName);
    let calls, awaited, identifiers, keyOf, identifierPositions;
    if (seam === "b") {
      // The rules walk TS6's tree; the oracle maps each node it is asked about.
      const sites = sitesOf6(parse6(fileName, sourceFile7.text));
      const map = (nodes) => {
        const start = performance.now();
        const mapped = nodes.map((node6) => find7(sourceFile7, node6));
        mapMs += performance.now() - start;
        return mapped;
      };
      calls = map(sites.calls);
      awaited = map(sites.awaited);
      identifiers = sites.identifiers; // asked by position: no TS7 node needed
      unmapped += calls.filter((n) => !n).length + awaited.filter((n) => !n).length;
      keyOf = { calls: (i) => span(sites.calls[i]), awaited: (i) => span(sites.awaited[i]), identifiers: (i) => span(sites.identifiers[i]) };
      identifierPositions = sites.identifiers.map((n) => n.getStart(parse6(fileName)));
    } else {
      ({ calls, awaited, identifiers } = sites7(sourceFile7));
      keyOf = { calls: (i) => span(calls[i]), awaited: (i) => span(awaited[i]), identifiers: (i) => span(identifiers[i]) };
    }
    // Batched: the callee types of all calls, the awaited values' types, the identifiers' symbols.
    const liveCalls = calls.filter(Boolean);
    const calleeTypes = liveCalls.length ? checker.getTypeAtLocation(liveCalls.map((c) => c.expression)) : [];
    const declared = calleeTypes.map(declaredReturnTypes);
    const open = liveCalls.filter((_, i) => declared[i] === null || combineAll(declared[i].map(typeStatus)) === "may");
    const callTypes = new Map();
    if (open.length) checker.getTypeAtLocation(open).forEach((type, i) => callTypes.set(open[i], type));
    const liveAwaited = awaited.filter(Boolean);
    const awaitedTypes = liveAwaited.length ? checker.getTypeAtLocation(liveAwaited) : [];
    const symbols = identifierPositions
      ? identifierPositions.length ? checker.getSymbolAtPosition(fileName, identifierPositions) : []
      : identifiers.length ? checker.getSymbolAtLocation(identifiers) : [];
    let live = 0;
    calls.forEach((call, i) => {
      const key = `${file}:${keyOf.calls(i)}`;
      if (!call) {
        answers[`${key}:status`] = answers[`${key}:callee`] = "unmapped";
        return;
      }
      const j = live++;
      const status = declared[j] === null ? "may" : combineAll(declared[j].map(typeStatus));
      answers[`${key}:status`] = status !== "may" ? status : typeStatus(callTypes.get(call));
      const declaration = calleeDeclaration(call);
      answers[`${key}:callee`] = declaration ? describe(declaration) : "none";
      questions += 2;
    });
    live = 0;
    awaited.forEach((expr, i) => {
      answers[`${file}:${keyOf.awaited(i)}:awaited`] = expr ? typeStatus(awaitedTypes[live++]) : "unmapped";
      questions++;
    });
    identifiers.forEach((_, i) => {
      answers[`${file}:${keyOf.identifiers(i)}:symbol`] = symbols[i]?.name ?? "none";
      questions++;
    });
  }
  const tDone = performance.now();
  const go = childStats();
  api.close();
  return { openMs: tOpen - t0, questionsMs: tDone - tOpen, questions, unmapped, parseMs, mapMs, treesFetched, nodeQuestions, go };
}

// ---------------------------------------------------------------------------------------------
// --mix: the real engine's question mix (run with --import tsx)
async function mix(root, tsconfig) {
  const { Ts6TypeOracle: TypeOracle } = await import(path.join(here, "../server/src/engine/ts6TypeOracle.ts"));
  const { lintProgram } = await import(path.join(here, "../server/src/engine/linter.ts"));
  const { defaultConfig } = await import(path.join(here, "../server/src/engine/config.ts"));
  const { allRules } = await import(path.join(here, "../server/src/rules/index.ts"));
  const oracleCalls = new Map();
  const checkerCalls = new Map();
  let depth = 0;
  for (const name of Object.getOwnPropertyNames(TypeOracle.prototype)) {
    const original = TypeOracle.prototype[name];
    if (name === "constructor" || typeof original !== "function") continue;
    TypeOracle.prototype[name] = function (...callArgs) {
      if (depth === 0) oracleCalls.set(name, (oracleCalls.get(name) ?? 0) + 1);
      depth++;
      try {
        return original.apply(this, callArgs);
      } finally {
        depth--;
      }
    };
  }
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const checker = program.getTypeChecker();
  for (const name of Object.keys(checker)) {
    const original = checker[name];
    if (typeof original !== "function") continue;
    checker[name] = (...callArgs) => {
      checkerCalls.set(name, (checkerCalls.get(name) ?? 0) + 1);
      return original(...callArgs);
    };
  }
  const config = defaultConfig(root, allRules);
  const results = lintProgram({ program, files: parsed.fileNames.filter(isProjectSource), rules: allRules, configFor: () => config });
  const sorted = (map) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1]));
  console.log(JSON.stringify({ findings: results.reduce((n, r) => n + r.findings.length, 0), oracle: sorted(oracleCalls), checker: sorted(checkerCalls) }, null, 1));
}

// ---------------------------------------------------------------------------------------------
// --parity: the engine's own TypeScript 7 piece (engine/ts7/promiseFacts.ts) against Ts6TypeOracle
// on a corpus: promiseStatus of every call, `new`, expression statement and awaited value, with
// and without thenables (run with --import tsx)
async function parity(root, tsconfig, batched) {
  const { ProgramTypes } = await import(path.join(here, "../server/src/engine/linter.ts"));
  const { Ts7Session } = await import(path.join(here, "../server/src/engine/ts7/session.ts"));
  const { Ts7PromiseFacts } = await import(path.join(here, "../server/src/engine/ts7/promiseFacts.ts"));
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const oracle6 = new ProgramTypes(program).get();
  const session = new Ts7Session({ cwd: root, configFiles: [tsconfig] });
  const facts7 = new Ts7PromiseFacts(session, session.project(tsconfig));
  const asked = (sourceFile) => {
    const found = [];
    const visit = (node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node) || (node.parent && (ts.isExpressionStatement(node.parent) || ts.isAwaitExpression(node.parent)) && node.parent.expression === node)) found.push(node);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  };
  const counts = { questions: 0, differ: 0, arrayQuestions: 0, arraysDiffer: 0, argumentQuestions: 0, argumentsDiffer: 0, otherQuestions: 0, otherDiffer: 0, errors: 0 };
  const examples = [];
  let ms6 = 0;
  let ms7 = 0;
  for (const fileName of parsed.fileNames.filter(isProjectSource)) {
    const nodes6 = asked(program.getSourceFile(fileName));
    const nodes7 = asked(session.sourceFile6(fileName));
    if (batched) {
      const t = performance.now();
      for (const thenables of [false, true]) facts7.prefetch(nodes7, { thenables });
      ms7 += performance.now() - t;
    }
    for (let i = 0; i < nodes6.length; i++) {
      for (const thenables of [false, true]) {
        let t = performance.now();
        const six = oracle6.promiseStatus(nodes6[i], { thenables });
        ms6 += performance.now() - t;
        t = performance.now();
        const seven = facts7.promiseStatus(nodes7[i], { thenables });
        ms7 += performance.now() - t;
        counts.questions++;
        if (six !== seven) {
          counts.differ++;
          if (examples.length < 20) examples.push(`${rel(root, fileName)}:${nodes6[i].getStart()} ${nodes6[i].getText().slice(0, 60)}${thenables ? " (thenables)" : ""}: ts6 ${six}, ts7 ${seven}`);
        }
      }
      {
        let t = performance.now();
        const six = oracle6.promiseArrayStatus(nodes6[i], { thenables: true });
        ms6 += performance.now() - t;
        t = performance.now();
        const seven = facts7.promiseArrayStatus(nodes7[i], { thenables: true });
        ms7 += performance.now() - t;
        counts.arrayQuestions++;
        if (six !== seven) {
          counts.arraysDiffer++;
          if (examples.length < 30) examples.push(`${rel(root, fileName)}:${nodes6[i].getStart()} array ${nodes6[i].getText().slice(0, 60)}: ts6 ${six}, ts7 ${seven}`);
        }
      }
      // functionReturnsPromise and misused-promise's question, on each argument of a call or `new`.
      const node6 = nodes6[i];
      if (!(ts.isCallExpression(node6) || ts.isNewExpression(node6))) continue;
      (node6.arguments ?? []).forEach((argument, j) => {
        let t = performance.now();
        const six = oracle6.declaredParameterExpectsVoid(argument);
        ms6 += performance.now() - t;
        t = performance.now();
        const seven = facts7.declaredParameterExpectsVoid(nodes7[i].arguments[j]);
        ms7 += performance.now() - t;
        counts.argumentQuestions++;
        if (six !== seven) {
          counts.argumentsDiffer++;
          if (examples.length < 30) examples.push(`${rel(root, fileName)}:${argument.getStart()} argument ${j} of ${node6.getText().slice(0, 50)}: ts6 ${six}, ts7 ${seven}`);
        }
        t = performance.now();
        const returns6 = oracle6.functionReturnsPromise(argument, { thenables: true });
        ms6 += performance.now() - t;
        t = performance.now();
        let returns7;
        try {
          returns7 = facts7.functionReturnsPromise(nodes7[i].arguments[j], { thenables: true });
        } catch (error) {
          // TypeScript 7.0.2's API can panic serializing a type (seen on openai); the process lives on.
          returns7 = `error ${String(error.message).split("\n")[0]}`;
          counts.errors++;
        }
        ms7 += performance.now() - t;
        counts.otherQuestions++;
        if (returns6 !== returns7) {
          counts.otherDiffer++;
          if (examples.length < 30) examples.push(`${rel(root, fileName)}:${argument.getStart()} functionReturnsPromise ${argument.getText().slice(0, 50)}: ts6 ${returns6}, ts7 ${returns7}`);
        }
      });
    }
    // variableScope on identifiers inside functions; writtenFunctionTypeReturnsPromise on parameter types.
    const others = (sourceFile) => {
      const found = [];
      const visit = (node, fn) => {
        if (ts.isFunctionLike(node)) fn = node;
        if (ts.isIdentifier(node) && fn && node.parent && node.parent.name !== node) found.push(["scope", node, fn]);
        if (ts.isParameter(node) && node.type) found.push(["written", node.type]);
        ts.forEachChild(node, (child) => visit(child, fn));
      };
      visit(sourceFile, undefined);
      return found;
    };
    const others6 = others(program.getSourceFile(fileName));
    const others7 = others(session.sourceFile6(fileName));
    others6.forEach(([kind, node6, fn6], i) => {
      const [, node7, fn7] = others7[i];
      let t = performance.now();
      const six = JSON.stringify(kind === "scope" ? oracle6.variableScope(node6, fn6) : oracle6.writtenFunctionTypeReturnsPromise(node6, { thenables: true }));
      ms6 += performance.now() - t;
      t = performance.now();
      const seven = JSON.stringify(kind === "scope" ? facts7.variableScope(node7, fn7) : facts7.writtenFunctionTypeReturnsPromise(node7, { thenables: true }));
      ms7 += performance.now() - t;
      counts.otherQuestions++;
      if (six !== seven) {
        counts.otherDiffer++;
        if (examples.length < 30) examples.push(`${rel(root, fileName)}:${node6.getStart()} ${kind} ${node6.getText().slice(0, 50)}: ts6 ${six}, ts7 ${seven}`);
      }
    });
  }
  session.close();
  console.log(JSON.stringify({ ...counts, ts6QuestionsMs: Math.round(ms6), ts7QuestionsMs: Math.round(ms7) }));
  for (const example of examples) console.log(`  ${example}`);
}

// ---------------------------------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const one = flag("--one");
  const mixMode = args.includes("--mix");
  if (mixMode) args.splice(args.indexOf("--mix"), 1);
  const answersFile = flag("--answers");
  const runs = Number(flag("--runs") ?? 5);
  if (mixMode) return mix(path.resolve(args[0]), path.resolve(args[0], args[1]));
  const parityMode = args.includes("--parity");
  if (parityMode) {
    args.splice(args.indexOf("--parity"), 1);
    const batched = args.includes("--batched");
    if (batched) args.splice(args.indexOf("--batched"), 1);
    return parity(path.resolve(args[0]), path.resolve(args[0], args[1]), batched);
  }
  if (one) {
    const root = path.resolve(args[0]);
    const tsconfig = path.resolve(root, args[1]);
    const answers = {};
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const result = one === "ts6" ? runTs6(root, tsconfig, answers) : await runTs7(root, tsconfig, answers, one.slice(3));
    const cpu = process.cpuUsage(cpu0);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    const nodePeakRssMb = process.resourceUsage().maxRSS / 1024;
    if (answersFile) fs.writeFileSync(answersFile, JSON.stringify(answers));
    console.log(JSON.stringify({ ...result, wallMs: performance.now() - wall0, nodeCpuMs, nodePeakRssMb, cpuMs: nodeCpuMs + result.go.cpuMs, peakRssMb: nodePeakRssMb + result.go.peakRssMb }));
    return;
  }
  const variants = ["ts6", "ts7b", "ts7p", "ts7a"];
  for (let c = 0; c + 1 < args.length; c += 2) {
    const root = path.resolve(args[c]);
    const tsconfig = args[c + 1];
    const samples = Object.fromEntries(variants.map((v) => [v, []]));
    const answerFiles = Object.fromEntries(variants.map((v) => [v, path.join(os.tmpdir(), `ts7-seam-${process.pid}-${v}.json`)]));
    for (let run = 0; run < runs; run++) {
      for (const variant of run % 2 ? [...variants].reverse() : variants) {
        const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--one", variant, root, tsconfig, "--answers", answerFiles[variant]], { encoding: "utf8", maxBuffer: 1 << 26 });
        if (child.status !== 0) throw new Error(`${variant} failed: ${child.stderr}`);
        samples[variant].push(JSON.parse(child.stdout.trim().split("\n").pop()));
      }
    }
    const answers = Object.fromEntries(variants.map((v) => [v, JSON.parse(fs.readFileSync(answerFiles[v], "utf8"))]));
    console.log(`\n${path.basename(path.dirname(root))}/${path.basename(root)} (${tsconfig}), ${runs} interleaved runs, medians:`);
    const metrics = ["openMs", "questionsMs", "parseMs", "mapMs", "treesFetched", "nodeQuestions", "wallMs", "nodeCpuMs", "cpuMs", "nodePeakRssMb", "peakRssMb"];
    console.log(["variant", "questions", ...metrics].join("\t"));
    for (const v of variants) console.log([v, samples[v][0].questions, ...metrics.map((m) => Math.round(median(samples[v].map((s) => (m === "cpuMs" ? s.cpuMs : s[m])))))].join("\t"));
    for (const v of variants.slice(1)) {
      const diffs = {};
      const examples = [];
      for (const [key, value] of Object.entries(answers.ts6)) {
        const other = answers[v][key];
        if (other === value) continue;
        const kind = key.split(":").pop();
        diffs[kind] = (diffs[kind] ?? 0) + 1;
        if (examples.length < 12) examples.push(`${key}: ts6 ${value} | ${v} ${other}`);
      }
      const extra = Object.keys(answers[v]).filter((key) => !(key in answers.ts6)).length;
      console.log(`${v} vs ts6: ${Object.keys(answers.ts6).length} answers, differing ${JSON.stringify(diffs)}, only in ${v}: ${extra}, unmapped: ${samples[v][0].unmapped ?? 0}`);
      for (const example of examples) console.log(`  ${example}`);
    }
    for (const file of Object.values(answerFiles)) fs.rmSync(file, { force: true });
  }
}

await main();
