import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ts from "typescript";
import { applyEdits } from "../../server/src/engine/fixes";
import { ImportPlanner } from "../../server/src/engine/imports";

const lines = (...parts: string[]) => parts.join("\n");

/** The expression `reference` gives, and the file's text after the planner's edits. */
function plan(fileName: string, text: string, module: string, member: string, allowAlias = true): [string | undefined, string] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const planner = new ImportPlanner(sourceFile, /\.[cm]?js$/.test(fileName));
  const reference = planner.reference(module, member, allowAlias);
  return [reference, applyEdits(text, planner.edits())];
}

describe("ImportPlanner", () => {
  it("adds an import after the last one, in the file's quotes and without a semicolon when the file has none", () => {
    assert.deepEqual(plan("a.ts", lines("import * as fs from 'node:fs'", "fs.readFileSync('a')"), "fs/promises", "readFile"), [
      "readFile",
      lines("import * as fs from 'node:fs'", "import { readFile } from 'node:fs/promises'", "fs.readFileSync('a')"),
    ]);
  });

  it("reuses a namespace import of the module, with or without the node: prefix", () => {
    const text = lines('import * as fsp from "fs/promises";', "export {};");
    assert.deepEqual(plan("a.ts", text, "fs/promises", "readFile"), ["fsp.readFile", text]);
  });

  it("reuses a named import, also renamed", () => {
    const text = lines('import { readFile as read } from "node:fs/promises";', "export {};");
    assert.deepEqual(plan("a.ts", text, "fs/promises", "readFile"), ["read", text]);
  });

  it("adds the name to an existing named import", () => {
    assert.deepEqual(plan("a.ts", lines('import { promisify } from "node:util";', "export {};"), "util", "inspect"), [
      "inspect",
      lines('import { promisify, inspect } from "node:util";', "export {};"),
    ]);
  });

  it("imports under an alias when the name is taken, and gives up when aliases are not allowed", () => {
    const text = lines('import * as fs from "node:fs";', "const readFile = 1;");
    assert.deepEqual(plan("a.ts", text, "fs/promises", "readFile"), [
      "readFileAsync",
      lines('import * as fs from "node:fs";', 'import { readFile as readFileAsync } from "node:fs/promises";', "const readFile = 1;"),
    ]);
    assert.deepEqual(plan("a.ts", text, "util", "readFile", false), [undefined, text]);
  });

  it("uses require in a CommonJS JavaScript file, after a directive prologue when there is no import", () => {
    assert.deepEqual(plan("a.js", lines('"use strict";', "module.exports = 1;"), "util", "promisify"), [
      "promisify",
      lines('"use strict";', 'const { promisify } = require("node:util");', "module.exports = 1;"),
    ]);
    assert.deepEqual(plan("b.js", lines('const { exec } = require("child_process");', "module.exports = exec;"), "child_process", "execFile"), [
      "execFile",
      lines('const { exec, execFile } = require("child_process");', "module.exports = exec;"),
    ]);
  });
});
