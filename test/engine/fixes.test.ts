import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, parsesCleanly, pickFixes } from "../../server/src/engine/fixes";
import type { Finding, Fix, FixKind, TextEdit } from "../../server/src/engine/types";

type Edit = Pick<TextEdit, "start" | "end" | "newText">;

describe("applyEdits", () => {
  const text = "0123456789";
  const cases: { name: string; edits: Edit[]; expected: string }[] = [
    { name: "no edits: the text as is", edits: [], expected: "0123456789" },
    { name: "one replacement", edits: [{ start: 2, end: 5, newText: "ab" }], expected: "01ab56789" },
    { name: "a deletion", edits: [{ start: 0, end: 3, newText: "" }], expected: "3456789" },
    { name: "an insertion at the end", edits: [{ start: 10, end: 10, newText: "!" }], expected: "0123456789!" },
    {
      name: "edits given out of order are applied in offset order",
      edits: [
        { start: 8, end: 9, newText: "E" },
        { start: 1, end: 2, newText: "B" },
        { start: 4, end: 6, newText: "" },
      ],
      expected: "0B2367E9",
    },
    {
      name: "an insertion where a replacement starts goes before it",
      edits: [
        { start: 3, end: 5, newText: "X" },
        { start: 3, end: 3, newText: "[" },
      ],
      expected: "012[X56789",
    },
    {
      name: "two insertions at one offset keep the order they were given in",
      edits: [
        { start: 5, end: 5, newText: "a" },
        { start: 5, end: 5, newText: "b" },
      ],
      expected: "01234ab56789",
    },
    {
      name: "adjacent replacements do not overlap",
      edits: [
        { start: 2, end: 4, newText: "x" },
        { start: 4, end: 6, newText: "y" },
      ],
      expected: "01xy6789",
    },
  ];
  for (const { name, edits, expected } of cases) {
    it(name, () => assert.equal(applyEdits(text, edits), expected));
  }

  it("throws on overlapping edits", () => {
    const edits: Edit[] = [
      { start: 2, end: 5, newText: "x" },
      { start: 4, end: 6, newText: "y" },
    ];
    assert.throws(() => applyEdits(text, edits), { message: "overlapping edits at offset 4" });
  });
});

describe("pickFixes", () => {
  const edit = (start: number, end: number, newText = "", fileName = "/p/a.ts"): TextEdit => ({ fileName, start, end, newText });
  const fix = (title: string, kind: FixKind, ...edits: TextEdit[]): Fix => ({ kind, title, edits });
  const finding = (...fixes: Fix[]): Finding => ({
    ruleId: "r",
    messageId: "m",
    severity: "warning",
    message: "m",
    fileName: "/p/a.ts",
    start: 0,
    end: 0,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
    fixes,
  });

  const cases: { name: string; findings: Finding[]; kind?: FixKind; expected: string[] }[] = [
    {
      name: "non-overlapping safe fixes are all picked, in finding order",
      findings: [finding(fix("A", "safe", edit(0, 2))), finding(fix("B", "safe", edit(5, 6), edit(8, 9)))],
      expected: ["A", "B"],
    },
    {
      name: "a fix overlapping one already picked waits for the next pass",
      findings: [
        finding(fix("A", "safe", edit(0, 4))),
        finding(fix("B", "safe", edit(3, 6))),
        finding(fix("C", "safe", edit(6, 7))),
      ],
      expected: ["A", "C"],
    },
    {
      name: "one overlapping edit keeps the whole fix out",
      findings: [finding(fix("A", "safe", edit(4, 5))), finding(fix("B", "safe", edit(0, 1), edit(4, 4, "x")))],
      expected: ["A"],
    },
    {
      name: "insertions at the same offset clash (their order would be arbitrary)",
      findings: [finding(fix("A", "safe", edit(3, 3, "a"))), finding(fix("B", "safe", edit(3, 3, "b")))],
      expected: ["A"],
    },
    {
      name: "adjacent edits do not clash",
      findings: [finding(fix("A", "safe", edit(0, 3))), finding(fix("B", "safe", edit(3, 5)))],
      expected: ["A", "B"],
    },
    {
      name: "the same offsets in different files do not clash",
      findings: [finding(fix("A", "safe", edit(0, 3))), finding(fix("B", "safe", edit(0, 3, "", "/p/b.ts")))],
      expected: ["A", "B"],
    },
    {
      name: "suggestions are never picked for the safe pass",
      findings: [finding(fix("await", "suggestion", edit(0, 0, "await "))), finding(fix("A", "safe", edit(5, 6)))],
      expected: ["A"],
    },
    {
      name: "asking for suggestions picks only the first suggestion of each finding",
      findings: [
        finding(fix("safe", "safe", edit(20, 21)), fix("await", "suggestion", edit(0, 0)), fix("void", "suggestion", edit(0, 0))),
        finding(fix("catch", "suggestion", edit(9, 9))),
      ],
      kind: "suggestion",
      expected: ["await", "catch"],
    },
    { name: "findings without fixes give nothing", findings: [finding(), finding()], expected: [] },
  ];
  for (const { name, findings, kind, expected } of cases) {
    it(name, () => {
      const picked = kind === undefined ? pickFixes(findings) : pickFixes(findings, kind);
      assert.deepEqual(
        picked.map((one) => one.title),
        expected,
      );
    });
  }
});

describe("parsesCleanly", () => {
  const cases: { fileName: string; text: string; expected: boolean }[] = [
    { fileName: "a.ts", text: "export const x: number = 1;\n", expected: true },
    { fileName: "a.ts", text: "const x = ;\n", expected: false },
    { fileName: "a.ts", text: "function f() {\n", expected: false },
    { fileName: "a.ts", text: "const a = <T>(value);\n", expected: true },
    { fileName: "a.ts", text: "const a = <div>{x}</div>;\n", expected: false },
    { fileName: "a.tsx", text: "const a = <div>{x}</div>;\n", expected: true },
    { fileName: "a.tsx", text: "const a = <div>{x}</span>;\n", expected: false },
    { fileName: "a.mts", text: "export async function f() { await g(); }\n", expected: true },
    { fileName: "a.js", text: "export async function f() { await g(); }\n", expected: true },
    { fileName: "a.js", text: "if (x {\n", expected: false },
    { fileName: "a.jsx", text: "const a = <div />;\n", expected: true },
    { fileName: "a.cjs", text: "module.exports = { a: 1 };\n", expected: true },
    // TypeScript-only syntax parses as TypeScript but is a syntax error in JavaScript.
    { fileName: "a.js", text: "let x: number = 1;\n", expected: false },
    { fileName: "a.mjs", text: "enum E { A }\n", expected: false },
    { fileName: "a.ts", text: "enum E { A }\n", expected: true },
  ];
  for (const { fileName, text, expected } of cases) {
    it(`${fileName}: ${JSON.stringify(text)} -> ${expected}`, () => assert.equal(parsesCleanly(fileName, text), expected));
  }
});
