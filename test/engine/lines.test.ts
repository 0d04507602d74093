/**
 * Lines as editors count them (issue 12): U+2028 and U+2029 are line terminators for TypeScript's
 * line map but not for LSP, VS Code, GitHub or SARIF viewers. Findings, suppressions and the
 * reports must use the editor's lines, or every line after such a character is off.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex } from "../../server/src/engine/lines";
import { lintCode } from "../helpers/ruleTester";

const LS = "\u2028";
const PS = "\u2029";

describe("LineIndex: CR LF, LF and CR end a line; U+2028 and U+2029 do not", () => {
  const cases: { name: string; text: string; offsets: number[] }[] = [
    { name: "LF", text: "a\nb\nc", offsets: [0, 1, 2, 3, 4, 5] },
    { name: "CR LF", text: "a\r\nb\r\n", offsets: [0, 1, 3, 4, 6] },
    { name: "a lone CR", text: "a\rb", offsets: [0, 2, 3] },
    { name: "U+2028 and U+2029 inside a line", text: `x = "${LS}${PS}";\ny`, offsets: [0, 5, 6, 7, 10, 11, 12] },
    { name: "past the end is clamped", text: "ab\n", offsets: [3, 99] },
    { name: "empty lines (LF LF, CR LF CR LF, CR CR)", text: "a\n\nb\r\n\r\nc\r\rd", offsets: [0, 1, 2, 3, 4, 6, 8, 9, 10, 11, 12] },
    { name: "empty lines at the start and three LF in a row", text: "\n\nx\n\n\ny", offsets: [0, 1, 2, 3, 4, 5, 6, 7] },
  ];
  for (const { name, text, offsets } of cases) {
    it(`agrees with the LSP TextDocument: ${name}`, () => {
      const document = TextDocument.create("file:///x.ts", "typescript", 1, text);
      const index = new LineIndex(text);
      for (const offset of offsets) assert.deepEqual(index.positionAt(offset), document.positionAt(offset), `offset ${offset}`);
    });
  }

  it("lineText: a line without its terminator, U+2028 kept inside it", () => {
    const index = new LineIndex(`one${LS}still one\r\ntwo\rthree`);
    assert.deepEqual([-2, -1, 0, 1, 2, 3].map((line) => index.lineText(line)), ["", "", `one${LS}still one`, "two", "three", ""]);
  });
});

describe("findings and suppressions count lines as the editor does", () => {
  const code = [
    "declare function save(text: string): Promise<void>;", // 1
    `export const separators = "${LS}${PS}";`, // 2
    "export function onClick(): void {", // 3
    '  save("a");', // 4
    "  // concurrency-lint-disable-next-line floating-promise -- fire and forget", // 5
    '  save("b");', // 6
    "  // concurrency-lint-disable-next-line floating-promise -- stale", // 7
    '  void save("c");', // 8
    "}", // 9
  ].join("\n");

  it("the finding after U+2028 is on the editor's line, and suppressions cover the editor's next line", () => {
    const { findings } = lintCode("floating-promise", code, { alsoEnable: ["unused-suppression"] });
    const document = TextDocument.create("file:///x.ts", "typescript", 1, code);
    assert.deepEqual(
      findings.map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId}`),
      ["4:3 floating-promise", "7:3 unused-suppression"],
    );
    for (const finding of findings) {
      assert.deepEqual(finding.range, { start: document.positionAt(finding.start), end: document.positionAt(finding.end) });
    }
    assert.match(findings[1]?.message ?? "", / on line 8: /);
  });

  it("not shifted: a file without U+2028 and U+2029 keeps the lines it always had", () => {
    const { findings } = lintCode("floating-promise", code.replace(`"${LS}${PS}"`, '"\\u2028\\u2029"'), { alsoEnable: ["unused-suppression"] });
    assert.deepEqual(
      findings.map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId}`),
      ["4:3 floating-promise", "7:3 unused-suppression"],
    );
  });
});
