/**
 * Source text of nested blocks that TypeScript parses but cannot bind (the binder runs out of
 * stack), for tests of the `parse-error` finding's "binding" stage that run in this process.
 *
 * How deep that is depends on how far V8 has optimized TypeScript's parser and binder so far:
 * 1,800 blocks overflow a cold binder but not always a warm one (a test late in a busy process saw
 * the file bind), and a cold parser overflows at about 2,200 where a warm one takes 3,500. So the
 * depth is measured here: after warming both up, the shallowest depth whose binding overflows (B)
 * and the deepest that still parses (P), in steps of 250; the text is as deep as their middle,
 * which keeps a margin on both sides (the binder needs about 2.5 times the parser's stack per level).
 */
import * as ts from "typescript";
import { isStackOverflow } from "../../server/src/engine/parsing";

type Binder = (file: ts.SourceFile, options: ts.CompilerOptions) => void;

const blocks = (depth: number) => `${"{".repeat(depth)}${"}".repeat(depth)}\n`;

/** "parse" when the text does not parse, "bind" when it parses and fails to bind, "ok" when both work. */
function overflows(depth: number): "parse" | "bind" | "ok" {
  const bind = (ts as unknown as { bindSourceFile: Binder }).bindSourceFile;
  let file: ts.SourceFile;
  try {
    file = ts.createSourceFile("probe.ts", blocks(depth), ts.ScriptTarget.ES2022, true);
  } catch (error) {
    if (isStackOverflow(error)) return "parse";
    throw error;
  }
  try {
    bind(file, {});
    return "ok";
  } catch (error) {
    if (isStackOverflow(error)) return "bind";
    throw error;
  }
}

export function blocksThatOverflowTheBinder(): string {
  const depths = Array.from({ length: 29 }, (_, index) => 1000 + 250 * index);
  let outcomes: ("parse" | "bind" | "ok")[] = [];
  for (let round = 0; round < 3; round++) outcomes = depths.map(overflows);
  const shallowestUnbindable = depths.find((_, index) => outcomes[index] === "bind");
  const deepestParsable = depths.filter((_, index) => outcomes[index] !== "parse").at(-1);
  if (shallowestUnbindable === undefined || deepestParsable === undefined || shallowestUnbindable > deepestParsable) {
    throw new Error(`no depth of nested blocks both parses and overflows the binder in this process (${outcomes.join(" ")})`);
  }
  return blocks(Math.round((shallowestUnbindable + deepestParsable) / 2));
}
