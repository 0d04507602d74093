/**
 * Between the two trees of one file (seam (b) of the TypeScript 7 engine, ARCHITECTURE.md): the
 * rules walk a TypeScript 6 tree, TypeScript 7 answers about nodes of its own tree. A node is the
 * same node in both when its span (`pos`, `end`: full start with trivia, UTF-16 offsets) and its
 * kind (by name: the numbers differ between 6 and 7) agree. Several nodes can share a span (an
 * expression statement without `;` and its call), which is why the kind is part of the match.
 */
import * as ts from "typescript";
import { ast7, type Node7 } from "./api";

let toTs7: ReadonlyMap<ts.SyntaxKind, number> | undefined;
let toTs6: ReadonlyMap<number, ts.SyntaxKind> | undefined;

/** Kind numbers of both versions, matched by name (`FirstStatement` and other markers skipped). */
function kindTables(): { toTs7: ReadonlyMap<ts.SyntaxKind, number>; toTs6: ReadonlyMap<number, ts.SyntaxKind> } {
  if (!toTs7 || !toTs6) {
    const six = new Map<ts.SyntaxKind, number>();
    const seven = new Map<number, ts.SyntaxKind>();
    const names6 = ts.SyntaxKind as unknown as Record<string, number | string>;
    for (const [name, value] of Object.entries(ast7().SyntaxKind as unknown as Record<string, number | string>)) {
      if (typeof value !== "number" || /^(First|Last)/.test(name)) continue;
      const kind6 = names6[name];
      if (typeof kind6 !== "number" || seven.has(value)) continue;
      seven.set(value, kind6);
      if (!six.has(kind6)) six.set(kind6, value);
    }
    toTs7 = six;
    toTs6 = seven;
  }
  return { toTs7, toTs6 };
}

/** TypeScript 7's number for a TypeScript 6 kind; undefined for a kind TypeScript 7 does not have. */
export function kind7Of(kind: ts.SyntaxKind): number | undefined {
  return kindTables().toTs7.get(kind);
}

/** TypeScript 6's number for a TypeScript 7 kind; undefined for a kind TypeScript 6 does not have. */
export function kind6Of(kind: number): ts.SyntaxKind | undefined {
  return kindTables().toTs6.get(kind);
}

interface Span {
  readonly pos: number;
  readonly end: number;
}

const covers = (outer: Span, inner: Span) => outer.pos <= inner.pos && outer.end >= inner.end && outer.end > outer.pos;

/**
 * Depth first along the children that cover `target`, JSDoc included. More than one child can
 * cover it: a declaration's leading trivia holds its JSDoc, so in `/** @param {() => number} now *\/
 * export function load(now)` the `export` keyword's full span covers the JSDoc's function type
 * too. Hence a stack, not a single path (and no recursion: trees can be thousands deep).
 */
function search<N extends Span & { readonly kind: number }>(root: N, target: Span, kind: number, children: (node: N, add: (child: N) => void) => void): N | undefined {
  const stack: N[] = [root];
  const found: N[] = [];
  const add = (child: N) => {
    if (covers(child, target)) found.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.pos === target.pos && node.end === target.end && node.kind === kind) return node;
    found.length = 0;
    children(node, add);
    for (let i = found.length - 1; i >= 0; i--) stack.push(found[i]);
  }
  return undefined;
}

/**
 * The TypeScript 7 node for a TypeScript 6 node of the same text: searches TypeScript 7's tree
 * along the nodes that cover the span until span and kind agree. Undefined when the trees differ
 * there (a JavaScript construct TypeScript 7 parses differently).
 */
export function findTs7Node(root: Node7, node: ts.Node): Node7 | undefined {
  const kind = kind7Of(node.kind);
  if (kind === undefined) return undefined;
  return search<Node7>(root, node, kind, (parent, add) => {
    parent.jsDoc?.forEach(add);
    parent.forEachChild((child) => {
      add(child);
    });
  });
}

/**
 * The TypeScript 6 node for a TypeScript 7 node (`pos`, `end`, its TypeScript 7 `kind`) of the
 * same text, such as a declaration TypeScript 7 resolved a call to. Searches JSDoc too: in
 * JavaScript a declaration can be a JSDoc type (`@param {() => number} now`), and
 * `ts.forEachChild` does not visit JSDoc.
 */
export function findTs6Node(sourceFile: ts.SourceFile, target: Span & { readonly kind: number }): ts.Node | undefined {
  const kind = kind6Of(target.kind);
  if (kind === undefined) return undefined;
  return search<ts.Node>(sourceFile, target, kind, (parent, add) => {
    (parent as { jsDoc?: readonly ts.JSDoc[] }).jsDoc?.forEach(add);
    ts.forEachChild(parent, (child) => {
      add(child);
    });
  });
}
