/**
 * The recorder of a program's file-system questions and their replay (server/src/cli/programInputs.ts),
 * on a real folder: each kind of answer that changes is found, in words; an unchanged folder
 * replays the same; a question first asked after the key was made is flagged.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import * as ts from "typescript";
import { InputRecorder, inputsKey, replay } from "../../server/src/cli/programInputs";

const roots: string[] = [];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A real folder with `files`, slashes in its names as TypeScript writes them. */
function folder(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-inputs-"))).replace(/\\/g, "/");
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], noEmit: true, noLib: true };

/** Creates a program for `root`'s `main.ts` through a recording host; returns the recorder. */
function record(root: string): InputRecorder {
  const recorder = new InputRecorder();
  const host = ts.createCompilerHost(OPTIONS);
  recorder.wrap(host);
  ts.createProgram({ rootNames: [`${root}/main.ts`], options: OPTIONS, host });
  return recorder;
}

function difference(root: string, recorder: InputRecorder): string {
  const outcome = replay(recorder.questions(), OPTIONS, new Set());
  return outcome.same ? "same" : outcome.difference.split(root).join("<root>");
}

const PROJECT = {
  "main.ts": 'import { send } from "./mailer";\nimport { log } from "logger";\nsend(log);\n',
  "mailer.js": "export function send(to) {}\n",
  "node_modules/logger/package.json": '{ "name": "logger", "types": "index.d.ts" }\n',
  "node_modules/logger/index.d.ts": "export declare const log: string;\n",
};

describe("program inputs: record and replay", () => {
  it("an untyped package gets an @types package: the folder's existence was asked", () => {
    const root = folder({ ...PROJECT, "node_modules/logger/package.json": '{ "name": "logger", "main": "index.js" }\n', "node_modules/logger/index.d.ts": "" });
    fs.rmSync(`${root}/node_modules/logger/index.d.ts`);
    const recorder = record(root);
    fs.mkdirSync(`${root}/node_modules/@types/logger`, { recursive: true });
    fs.writeFileSync(`${root}/node_modules/@types/logger/index.d.ts`, "export declare const log: string;\n");
    assert.equal(difference(root, recorder), "the folder <root>/node_modules/@types now exists");
  });

  it("an unchanged folder gives the same answers, and the same key", () => {
    const root = folder(PROJECT);
    const recorder = record(root);
    assert.equal(difference(root, recorder), "same");
    assert.equal(inputsKey("spec", recorder.questions()), inputsKey("spec", record(root).questions()));
    assert.notEqual(inputsKey("spec", recorder.questions()), inputsKey("other spec", recorder.questions()));
  });

  const changes: [string, (root: string) => void, string][] = [
    ["a source file's text", (root) => fs.appendFileSync(`${root}/main.ts`, "// more\n"), "<root>/main.ts changed"],
    ["a declaration file beside the JavaScript file an import resolved to", (root) => fs.writeFileSync(`${root}/mailer.d.ts`, "export {};\n"), "<root>/mailer.d.ts now exists"],
    ["a package's declaration file deleted", (root) => fs.rmSync(`${root}/node_modules/logger/index.d.ts`), "<root>/node_modules/logger/index.d.ts no longer exists"],
    ["a package.json", (root) => fs.writeFileSync(`${root}/node_modules/logger/package.json`, '{ "name": "logger", "types": "other.d.ts" }\n'), "<root>/node_modules/logger/package.json changed"],
    [
      "an @types package for a package without types",
      (root) => {
        fs.rmSync(`${root}/node_modules/logger/index.d.ts`);
        fs.writeFileSync(`${root}/node_modules/logger/package.json`, '{ "name": "logger", "main": "index.js" }\n');
        fs.mkdirSync(`${root}/node_modules/@types/logger`, { recursive: true });
        fs.writeFileSync(`${root}/node_modules/@types/logger/index.d.ts`, "export declare const log: string;\n");
      },
      "<root>/node_modules/logger/package.json changed",
    ],
    // Resolution stops at the package's own types: an @types folder for it is never asked about.
    ["(not) an @types package for a package with types", (root) => fs.mkdirSync(`${root}/node_modules/@types/logger`, { recursive: true }), "same"],
  ];
  for (const [name, change, expected] of changes) {
    it(`noticed: ${name}`, () => {
      const root = folder(PROJECT);
      const recorder = record(root);
      change(root);
      assert.equal(difference(root, recorder), expected);
    });
  }

  it("the engine's own reads are recorded; a question first asked after the key was made is recorded, and the final key covers it", () => {
    const root = folder({ ...PROJECT, "package.json": '{ "bin": "cli.js" }\n' });
    const recorder = record(root);
    assert.equal(recorder.readFile(`${root}/package.json`), '{ "bin": "cli.js" }\n');
    const sealed = recorder.seal("spec");
    assert.equal(recorder.late, undefined);
    assert.equal(recorder.key("spec"), sealed);
    recorder.readFile(`${root}/package.json`);
    assert.equal(recorder.late, undefined, "asked before: not late");
    assert.equal(recorder.key("spec"), sealed);
    recorder.readFile(`${root}/other.json`);
    assert.equal(recorder.late, `readFile ${root}/other.json`);
    assert.equal(recorder.changed, undefined);
    assert.notEqual(recorder.key("spec"), sealed);
    fs.writeFileSync(`${root}/other.json`, "{}\n");
    assert.equal(difference(root, recorder), "<root>/other.json now exists");
    fs.rmSync(`${root}/other.json`);
    fs.writeFileSync(`${root}/package.json`, "{}\n");
    assert.equal(difference(root, recorder), "<root>/package.json changed");
  });

  it("the key does not depend on the order of the questions (TypeScript 7 asks from several threads)", () => {
    const questions = record(folder(PROJECT)).questions();
    assert.ok(questions.length > 3);
    assert.equal(inputsKey("spec", questions), inputsKey("spec", [...questions].reverse()));
    assert.notEqual(inputsKey("spec", questions), inputsKey("spec", questions.slice(1)));
  });

  it("TypeScript 7's file system questions: each answer is the disk's, recorded, and replayed", () => {
    const root = folder({ ...PROJECT, "lib/a.ts": "export {};\n" });
    fs.symlinkSync(`${root}/lib`, `${root}/linked`);
    fs.symlinkSync(`${root}/missing`, `${root}/dangling`);
    const recorder = new InputRecorder();
    const system = recorder.fileSystem7();
    assert.equal(system.readFile(`${root}/main.ts`), PROJECT["main.ts"]);
    assert.equal(system.readFile(`${root}/none.ts`), null, "a missing file is null: the compiler must not ask the disk itself");
    assert.equal(system.fileExists?.(`${root}/mailer.js`), true);
    assert.equal(system.directoryExists?.(`${root}/lib`), true);
    assert.equal(system.realpath?.(`${root}/linked/a.ts`), `${root}/lib/a.ts`);
    assert.deepEqual(system.getAccessibleEntries?.(root), { files: ["mailer.js", "main.ts"], directories: ["lib", "linked", "node_modules"] });
    const kinds = recorder.questions().map(([kind]) => kind);
    assert.deepEqual(kinds, ["readFile", "readFile", "fileExists", "directoryExists", "realpath", "getAccessibleEntries"]);
    assert.equal(difference(root, recorder), "same");
    fs.writeFileSync(`${root}/extra.ts`, "export {};\n");
    assert.equal(difference(root, recorder), "the files or folders in <root> changed");
    fs.rmSync(`${root}/extra.ts`);
    fs.writeFileSync(`${root}/none.ts`, "export {};\n");
    assert.equal(difference(root, recorder), "<root>/none.ts now exists", "the first question asked whose answer differs");
  });

  it("a file that changes while the program is created (asked twice, two answers) is flagged", () => {
    const root = folder({ ...PROJECT, "package.json": "{}\n" });
    const recorder = record(root);
    recorder.readFile(`${root}/package.json`);
    fs.writeFileSync(`${root}/package.json`, '{ "bin": "cli.js" }\n');
    recorder.readFile(`${root}/package.json`);
    assert.equal(recorder.changed, `readFile ${root}/package.json`);
  });

  it("a replay keeps the texts of the files asked for", () => {
    const root = folder(PROJECT);
    const outcome = replay(record(root).questions(), OPTIONS, new Set([`${root}/main.ts`]));
    assert.ok(outcome.same);
    assert.deepEqual([...outcome.texts], [[`${root}/main.ts`, PROJECT["main.ts"]]]);
  });
});
