import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as ts from "typescript";
import { defaultConfig } from "../../server/src/engine/config";
import { lintProgram } from "../../server/src/engine/linter";
import {
  commandLineFolders,
  isLintableFile,
  planProjects,
  ProgramBuilder,
  ProjectError,
  readTsconfig,
  type PlanInput,
  type ProjectSpec,
} from "../../server/src/engine/project";
import { allRules } from "../../server/src/rules";
import { createVirtualProgram, TEST_COMPILER_OPTIONS } from "../helpers/ruleTester";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "projects").replace(/\\/g, "/");

/** A plan as fixture-relative names: the tsconfig (or null for loose files) and its files to lint. */
function describePlan(specs: ProjectSpec[], root = FIXTURES): [string | null, string[]][] {
  const relative = (file: string) => path.relative(root, file).replace(/\\/g, "/");
  return specs.map((spec) => [spec.configFile === undefined ? null : relative(spec.configFile), spec.filesToLint.map(relative)]);
}

function plan(input: Partial<PlanInput>): ProjectSpec[] {
  return planProjects({ paths: [], project: undefined, cwd: FIXTURES, ...input });
}

describe("planProjects: which tsconfig owns which file", () => {
  const cases: { name: string; input: Partial<PlanInput>; expected: [string | null, string[]][] }[] = [
    {
      name: "each file goes to its nearest tsconfig, even one an outer tsconfig also includes",
      input: { paths: ["nested"] },
      expected: [
        ["nested/tsconfig.json", ["nested/a.ts"]],
        ["nested/inner/tsconfig.json", ["nested/inner/b.ts"]],
      ],
    },
    {
      name: "files outside the tsconfig's files/include, or in its exclude, are linted as loose files",
      input: { paths: ["filtering"] },
      expected: [
        ["filtering/tsconfig.json", ["filtering/extra/entry.ts", "filtering/src/a.ts"]],
        [null, ["filtering/extra/other.ts", "filtering/scripts/tool.ts", "filtering/src/generated/gen.ts"]],
      ],
    },
    {
      name: "-p: exactly the project's files (files, include, exclude), declaration files skipped",
      input: { project: "filtering/tsconfig.json" },
      expected: [["filtering/tsconfig.json", ["filtering/extra/entry.ts", "filtering/src/a.ts"]]],
    },
    {
      name: "-p with a folder: the project's files under it; files the project excludes are dropped quietly",
      input: { project: "filtering/tsconfig.json", paths: ["filtering/src"] },
      expected: [["filtering/tsconfig.json", ["filtering/src/a.ts"]]],
    },
    {
      name: "-p with a file: that file alone",
      input: { project: "filtering/tsconfig.json", paths: ["filtering/extra/entry.ts"] },
      expected: [["filtering/tsconfig.json", ["filtering/extra/entry.ts"]]],
    },
    {
      name: "-p with a folder: its tsconfig.json",
      input: { project: "filtering" },
      expected: [["filtering/tsconfig.json", ["filtering/extra/entry.ts", "filtering/src/a.ts"]]],
    },
    {
      name: "extends: include and options come from the base, allowJs from the extending file",
      input: { project: "extends/tsconfig.json" },
      expected: [["extends/tsconfig.json", ["extends/src/a.ts", "extends/src/b.js"]]],
    },
    {
      name: "a solution tsconfig (files: [] and references): each referenced project once, the empty root dropped",
      input: { project: "solution/tsconfig.json" },
      expected: [
        ["solution/pkg-a/tsconfig.json", ["solution/pkg-a/src/a.ts"]],
        ["solution/pkg-b/tsconfig.json", ["solution/pkg-b/src/b.ts"]],
      ],
    },
    {
      name: "no paths and no -p: the tsconfig.json of the working folder, with its references",
      input: { cwd: `${FIXTURES}/solution` },
      expected: [
        ["solution/pkg-a/tsconfig.json", ["solution/pkg-a/src/a.ts"]],
        ["solution/pkg-b/tsconfig.json", ["solution/pkg-b/src/b.ts"]],
      ],
    },
    {
      name: "a folder of a solution: each package's files to its own tsconfig",
      input: { paths: ["solution"] },
      expected: [
        ["solution/pkg-a/tsconfig.json", ["solution/pkg-a/src/a.ts"]],
        ["solution/pkg-b/tsconfig.json", ["solution/pkg-b/src/b.ts"]],
      ],
    },
    {
      name: "-p of a solution whose projects share files: each file linted once, in the project tsserver picks",
      // shared/ has no tsconfig: the solution's references are searched in order (pkg-a). pkg-b/src/common
      // is in both too, but its nearest tsconfig, pkg-b's, includes it.
      input: { project: "solution-shared/tsconfig.json" },
      expected: [
        ["solution-shared/pkg-a/tsconfig.json", ["solution-shared/pkg-a/src/a.ts", "solution-shared/shared/s.ts"]],
        ["solution-shared/pkg-b/tsconfig.json", ["solution-shared/pkg-b/src/b.ts", "solution-shared/pkg-b/src/common/c.ts"]],
      ],
    },
    {
      name: "no -p in a solution whose projects share files: the same choice",
      input: { cwd: `${FIXTURES}/solution-shared` },
      expected: [
        ["solution-shared/pkg-a/tsconfig.json", ["solution-shared/pkg-a/src/a.ts", "solution-shared/shared/s.ts"]],
        ["solution-shared/pkg-b/tsconfig.json", ["solution-shared/pkg-b/src/b.ts", "solution-shared/pkg-b/src/common/c.ts"]],
      ],
    },
    {
      name: "a folder of a solution whose projects share files: the same choice",
      input: { paths: ["solution-shared"] },
      expected: [
        ["solution-shared/pkg-a/tsconfig.json", ["solution-shared/pkg-a/src/a.ts", "solution-shared/shared/s.ts"]],
        ["solution-shared/pkg-b/tsconfig.json", ["solution-shared/pkg-b/src/b.ts", "solution-shared/pkg-b/src/common/c.ts"]],
      ],
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => assert.deepEqual(describePlan(plan(input)), expected));
  }

  it("keeps options from the extended base config, and never emits", () => {
    const [spec] = plan({ project: "extends/tsconfig.json" });
    assert.ok(spec);
    assert.equal(spec.options.target, ts.ScriptTarget.ES2020);
    assert.equal(spec.options.noImplicitAny, true);
    assert.equal(spec.options.strict, false);
    assert.equal(spec.options.allowJs, true);
    assert.equal(spec.options.noEmit, true);
  });

  it("passes project references on to the program", () => {
    const specs = plan({ project: "solution/tsconfig.json" });
    assert.deepEqual(
      specs.map((spec) => (spec.projectReferences ?? []).map((reference) => path.relative(FIXTURES, reference.path).replace(/\\/g, "/"))),
      [[], ["solution/pkg-a"]],
    );
  });
});

describe("planProjects: loose files and skipped files (temporary folder, no tsconfig)", () => {
  let root = "";
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-project-")));
    const files = [
      "a.ts",
      "c.js",
      "sub/d.tsx",
      "sub/e.mts",
      "types.d.ts",
      "sub/more.d.mts",
      "node_modules/dep/index.ts",
      "dist/out.js",
      ".hidden/x.ts",
      "README.md",
      "data.json",
    ];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), "export {};\n");
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("walks the folder, skipping declaration files, node_modules, dist, hidden folders and non-sources", () => {
    const specs = planProjects({ paths: ["."], project: undefined, cwd: root });
    assert.deepEqual(describePlan(specs, root), [[null, ["a.ts", "c.js", "sub/d.tsx", "sub/e.mts"]]]);
    const [spec] = specs;
    assert.ok(spec);
    assert.equal(spec.options.allowJs, true);
    assert.equal(spec.options.noEmit, true);
    assert.deepEqual(spec.rootNames, spec.filesToLint);
  });

  const errors: { name: string; input: Partial<PlanInput>; message: string | ((root: string) => string) }[] = [
    { name: "a missing path", input: { paths: ["nope.ts"] }, message: "No such file or directory: nope.ts" },
    {
      name: "a declaration file named explicitly",
      input: { paths: ["types.d.ts"] },
      message: "Not a TypeScript or JavaScript source file: types.d.ts",
    },
    { name: "a file that is not a source", input: { paths: ["README.md"] }, message: "Not a TypeScript or JavaScript source file: README.md" },
    { name: "a missing -p tsconfig", input: { project: "nope/tsconfig.json" }, message: (at) => `Cannot find tsconfig: ${at}/nope/tsconfig.json` },
  ];
  for (const { name, input, message } of errors) {
    it(`ProjectError for ${name}`, () => {
      const expected = typeof message === "string" ? message : message(root);
      assert.throws(() => planProjects({ paths: [], project: undefined, cwd: root, ...input }), (error: unknown) => {
        assert.ok(error instanceof ProjectError);
        assert.equal(error.message, expected);
        return true;
      });
    });
  }
});

describe("planProjects: errors in the fixture projects", () => {
  it("a file named with -p that the project does not contain", () => {
    assert.throws(
      () => plan({ project: "filtering/tsconfig.json", paths: ["filtering/src/generated/gen.ts"] }),
      (error: unknown) => {
        assert.ok(error instanceof ProjectError);
        assert.equal(
          error.message,
          "filtering/src/generated/gen.ts is not part of the project filtering/tsconfig.json (see its files, include and exclude)",
        );
        return true;
      },
    );
  });
});

describe("readTsconfig: broken files are one clear ProjectError", () => {
  let root = "";
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-tsconfig-")));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const cases: { name: string; files: Record<string, string>; message: string }[] = [
    {
      name: "a JSON syntax error",
      files: { "tsconfig.json": '{\n  "compilerOptions": { "strict": true }\n  "include": ["src"]\n}\n' },
      message: "Invalid tsconfig {root}/tsconfig.json:3:3: ',' expected.",
    },
    {
      name: "a JSON syntax error in the extended base",
      files: { "tsconfig.json": '{ "extends": "./base.json" }\n', "base.json": '{ "compilerOptions": { "strict": true, } ]\n' },
      message: "Invalid tsconfig {root}/base.json:1:42: ',' expected.",
    },
    {
      name: "an option of the wrong type",
      files: { "tsconfig.json": '{ "compilerOptions": { "strict": "yes" } }\n' },
      message: "Invalid tsconfig {root}/tsconfig.json:1:34: Compiler option 'strict' requires a value of type boolean.",
    },
    {
      name: "a missing base config",
      files: { "tsconfig.json": '{ "extends": "./missing.json" }\n' },
      message: "Invalid tsconfig {root}/tsconfig.json: Cannot read file '{root}/missing.json'.",
    },
  ];
  for (const { name, files, message } of cases) {
    it(name, () => {
      const dir = fs.mkdtempSync(path.join(root, "case-"));
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
      assert.throws(() => readTsconfig(path.join(dir, "tsconfig.json")), (error: unknown) => {
        assert.ok(error instanceof ProjectError);
        assert.equal(error.message, message.replaceAll("{root}", dir));
        return true;
      });
    });
  }
});

describe("isLintableFile", () => {
  const cases: [string, boolean][] = [
    ["/p/a.ts", true],
    ["/p/a.tsx", true],
    ["/p/a.mts", true],
    ["/p/a.cts", true],
    ["/p/a.js", true],
    ["/p/a.jsx", true],
    ["/p/a.mjs", true],
    ["/p/a.cjs", true],
    ["/p/A.TS", true],
    ["/p/a.d.ts", false],
    ["/p/a.d.mts", false],
    ["/p/a.d.cts", false],
    ["/p/styles.d.css.ts", false],
    ["/p/node_modules/x/a.ts", false],
    ["/p/a.json", false],
    ["/p/a.vue", false],
  ];
  for (const [fileName, expected] of cases) {
    it(`${fileName} -> ${expected}`, () => assert.equal(isLintableFile(fileName), expected));
  }
});

describe("ProgramBuilder", () => {
  it("uses overridden texts and reuses the parsed files that did not change", () => {
    const a = `${FIXTURES}/nested/a.ts`;
    const b = `${FIXTURES}/nested/inner/b.ts`;
    const spec: ProjectSpec = {
      configFile: undefined,
      options: { noLib: true, types: [], noEmit: true },
      rootNames: [a, b],
      projectReferences: undefined,
      filesToLint: [a, b],
      types: { packages: [], reason: 'the "types" of the tsconfig', typescript: undefined },
    };
    const builder = new ProgramBuilder(spec);
    const first = builder.build();
    const second = builder.build(new Map([[a, "export const a = 2;\n"]]));
    assert.equal(second.getSourceFile(a)?.text, "export const a = 2;\n");
    assert.notEqual(second.getSourceFile(a), first.getSourceFile(a));
    assert.equal(second.getSourceFile(b), first.getSourceFile(b));
    assert.equal(second.getSourceFile(b)?.text, fs.readFileSync(b, "utf8"));
  });
});

describe("withAutomaticTypes: the @types packages the project's own TypeScript would include", () => {
  const TYPES = `${FIXTURES}/types`;
  let root = "";
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cl-types-")));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /**
   * A copy of a fixture outside this repository, changed by `edit`: in place, the repository's own
   * TypeScript (6) and @types packages would be found above it.
   */
  function copyOutside(fixture: string, edit: (dir: string) => void = () => {}): string {
    const dir = fs.mkdtempSync(path.join(root, "case-"));
    fs.cpSync(`${TYPES}/${fixture}`, dir, { recursive: true });
    edit(dir);
    return dir;
  }

  /** The floating-promise findings of each linted file, as `file:line`. */
  function floatingPromises(spec: ProjectSpec): string[] {
    const program = new ProgramBuilder(spec).build();
    return lintProgram({ program, files: spec.filesToLint, rules: allRules, configFor: (file) => defaultConfig(path.dirname(file), allRules) })
      .flatMap((result) => result.findings.filter((finding) => finding.ruleId === "floating-promise"))
      .map((finding) => `${path.basename(finding.fileName)}:${finding.range.start.line + 1}`);
  }

  const cases: { name: string; dir: () => string; packages: string[]; reason: string; typescript: string | undefined; findings: string[] }[] = [
    {
      name: "TypeScript 5 installed, no types in the tsconfig: every @types package",
      dir: () => copyOutside("ts5"),
      packages: ["fake-node"],
      reason: "TypeScript 5.9.3 ({dir}/node_modules/typescript/package.json) includes every package under node_modules/@types by default",
      typescript: "5.9.3",
      findings: ["read.ts:4"],
    },
    {
      name: "TypeScript 6 installed, no types in the tsconfig: none",
      dir: () => copyOutside("ts6"),
      packages: [],
      reason: 'TypeScript 6.0.2 ({dir}/node_modules/typescript/package.json) includes no @types package by default; list the ones you need in "types"',
      typescript: "6.0.2",
      findings: [],
    },
    {
      name: 'TypeScript 5 installed, "types": [] in the tsconfig: what the tsconfig says',
      dir: () => copyOutside("explicit"),
      packages: [],
      reason: 'the "types" of the tsconfig',
      typescript: "5.9.3",
      findings: [],
    },
    {
      name: "no TypeScript installed nor declared: the default before TypeScript 6",
      dir: () => copyOutside("ts5", (dir) => fs.rmSync(path.join(dir, "node_modules", "typescript"), { recursive: true })),
      packages: ["fake-node"],
      reason: "no TypeScript found for this project; before version 6 TypeScript included every package under node_modules/@types by default",
      typescript: undefined,
      findings: ["read.ts:4"],
    },
    {
      name: "not installed, package.json declares ^6.0.0: none",
      dir: () =>
        copyOutside("ts5", (dir) => {
          fs.rmSync(path.join(dir, "node_modules", "typescript"), { recursive: true });
          fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ devDependencies: { typescript: "^6.0.0" } }));
        }),
      packages: [],
      reason: 'TypeScript ^6.0.0 ({dir}/package.json) includes no @types package by default; list the ones you need in "types"',
      typescript: "^6.0.0",
      findings: [],
    },
    {
      name: "not installed, package.json declares ~5.8.2: every @types package",
      dir: () =>
        copyOutside("ts5", (dir) => {
          fs.rmSync(path.join(dir, "node_modules", "typescript"), { recursive: true });
          fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ dependencies: { typescript: "~5.8.2" } }));
        }),
      packages: ["fake-node"],
      reason: "TypeScript ~5.8.2 ({dir}/package.json) includes every package under node_modules/@types by default",
      typescript: "~5.8.2",
      findings: ["read.ts:4"],
    },
    {
      name: "the installed version wins over a declared range",
      dir: () => copyOutside("ts5", (dir) => fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ devDependencies: { typescript: "^6.0.0" } }))),
      packages: ["fake-node"],
      reason: "TypeScript 5.9.3 ({dir}/node_modules/typescript/package.json) includes every package under node_modules/@types by default",
      typescript: "5.9.3",
      findings: ["read.ts:4"],
    },
    {
      name: "loose files (no tsconfig) with TypeScript 5: every @types package above them",
      dir: () => copyOutside("ts5", (dir) => fs.rmSync(path.join(dir, "tsconfig.json"))),
      packages: ["fake-node"],
      reason: "TypeScript 5.9.3 ({dir}/node_modules/typescript/package.json) includes every package under node_modules/@types by default",
      typescript: "5.9.3",
      findings: ["read.ts:4"],
    },
  ];
  for (const { name, dir: makeDir, packages, reason, typescript, findings } of cases) {
    it(name, () => {
      const dir = makeDir();
      const [spec, ...others] = planProjects({ paths: ["src"], project: undefined, cwd: dir });
      assert.ok(spec);
      assert.equal(others.length, 0);
      assert.deepEqual(spec.types.packages, packages);
      assert.equal(spec.types.reason, reason.replaceAll("{dir}", dir));
      assert.equal(spec.types.typescript?.version, typescript);
      assert.deepEqual(floatingPromises(spec), findings);
    });
  }
});

describe("commandLineFolders: the folder of a command-line program, from the package.json bin", () => {
  const foldersOf = (files: Record<string, string>, options: ts.CompilerOptions = TEST_COMPILER_OPTIONS) => {
    const [first = ""] = Object.keys(files).filter((name) => /\.[cm]?[jt]s$/.test(name));
    const { program, readFile } = createVirtualProgram(files, first, options);
    return commandLineFolders(program, readFile, (fileName) => program.getSourceFile(fileName) !== undefined).map((entry) => entry.label);
  };
  const BUILT = { ...TEST_COMPILER_OPTIONS, rootDir: "/virtual/src", outDir: "/virtual/dist" };

  it("maps an ES module's .mjs bin to its .mts source, and a string bin as well as an object", () => {
    assert.deepEqual(foldersOf({ "package.json": JSON.stringify({ bin: "dist/cli/main.mjs" }), "src/cli/main.mts": "export {};", "src/lib.ts": "export {};" }, BUILT), ["src/cli/"]);
  });

  it("gives each folder once, for several programs", () => {
    const files = {
      "package.json": JSON.stringify({ main: "dist/index.js", bin: { app: "dist/bin/app.js", "app-dev": "dist/bin/dev.js", tool: "dist/tools/tool.js" } }),
      "src/index.ts": "export {};",
      "src/bin/app.ts": "export {};",
      "src/bin/dev.ts": "export {};",
      "src/tools/tool.ts": "export {};",
    };
    assert.deepEqual(foldersOf(files, BUILT), ["src/bin/", "src/tools/"]);
  });

  it("gives none for a package.json that is not JSON, a bin that is no string, or no package.json", () => {
    assert.deepEqual(foldersOf({ "package.json": "{ bin: ", "bin/cli.ts": "export {};", "lib/index.ts": "export {};" }), []);
    assert.deepEqual(foldersOf({ "package.json": JSON.stringify({ bin: ["bin/cli.js"] }), "bin/cli.ts": "export {};", "lib/index.ts": "export {};" }), []);
    assert.deepEqual(foldersOf({ "bin/cli.ts": "export {};", "lib/index.ts": "export {};" }), []);
  });
});
