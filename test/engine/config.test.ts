import { it } from "node:test";
import assert from "node:assert/strict";
import Ajv from "ajv";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  CONFIG_FILE_NAME,
  ConfigError,
  ConfigResolver,
  buildConfigSchema,
  isFileIncluded,
  parseConfig,
  validateRuleOverride,
  type ConfigFileSystem,
  type ResolvedConfig,
} from "../../server/src/engine/config";
import type { AnyRule, RuleSetting } from "../../server/src/engine/types";
import { allRules } from "../../server/src/rules";

// Fake rules, so these tests do not move when the real rules change their options.
function fakeRule(id: string, defaultSeverity: "info" | "warning" | "error", optionsSchema: Record<string, unknown>, defaultOptions: object): AnyRule {
  return {
    meta: {
      id,
      defaultSeverity,
      messages: {},
      optionsSchema,
      defaultOptions,
      docs: { description: `${id} description`, rationale: "", incorrect: [], correct: [], optionsDoc: {}, fixesDoc: "" },
      requiresTypes: false,
    },
    create: () => ({}),
  };
}

const floating = fakeRule(
  "floating-promise",
  "error",
  {
    type: "object",
    properties: { ignoreVoid: { type: "boolean" }, allowed: { type: "array", items: { type: "string" } } },
    additionalProperties: false,
  },
  { ignoreVoid: true, allowed: [] },
);
const unused = fakeRule("unused-suppression", "warning", { type: "object", properties: {}, additionalProperties: false }, {});
const rules: readonly AnyRule[] = [floating, unused];

const FILE = "/abs/concurrency-lint.json";

function settings(config: ResolvedConfig): Record<string, RuleSetting> {
  return Object.fromEntries(config.rules);
}

const DEFAULT_FLOATING: RuleSetting = { severity: "error", options: { ignoreVoid: true, allowed: [] } };
const DEFAULT_UNUSED: RuleSetting = { severity: "warning", options: {} };

it("parseConfig: valid files resolve every rule, defaults filled in", () => {
  const cases: {
    name: string;
    text: string;
    rules: Record<string, RuleSetting>;
    requireSuppressionReason?: boolean;
    honorPeerSuppressions?: boolean;
    include?: string[];
    exclude?: string[];
  }[] = [
    { name: "empty object", text: "{}", rules: { "floating-promise": DEFAULT_FLOATING, "unused-suppression": DEFAULT_UNUSED } },
    {
      name: "severity string keeps default options",
      text: '{ "rules": { "floating-promise": "off" } }',
      rules: { "floating-promise": { ...DEFAULT_FLOATING, severity: "off" }, "unused-suppression": DEFAULT_UNUSED },
    },
    {
      name: "one-element tuple",
      text: '{ "rules": { "unused-suppression": ["info"] } }',
      rules: { "floating-promise": DEFAULT_FLOATING, "unused-suppression": { severity: "info", options: {} } },
    },
    {
      name: "tuple options merged over defaults",
      text: '{ "rules": { "floating-promise": ["warning", { "ignoreVoid": false }] } }',
      rules: {
        "floating-promise": { severity: "warning", options: { ignoreVoid: false, allowed: [] } },
        "unused-suppression": DEFAULT_UNUSED,
      },
    },
    {
      name: "comments, trailing commas and every top-level key",
      text: [
        "{",
        '  "$schema": "./node_modules/concurrency-lint/schema/concurrency-lint.schema.json",',
        "  // Only the sources.",
        '  "include": ["src/**"],',
        '  "exclude": ["**/*.test.ts"], /* tests float on purpose */',
        '  "requireSuppressionReason": true,',
        '  "honorPeerSuppressions": false,',
        '  "rules": { "floating-promise": ["error", { "allowed": ["x"] }], },',
        "}",
      ].join("\n"),
      rules: {
        "floating-promise": { severity: "error", options: { ignoreVoid: true, allowed: ["x"] } },
        "unused-suppression": DEFAULT_UNUSED,
      },
      requireSuppressionReason: true,
      honorPeerSuppressions: false,
      include: ["src/**"],
      exclude: ["**/*.test.ts"],
    },
  ];
  for (const testCase of cases) {
    const config = parseConfig(testCase.text, FILE, rules);
    assert.deepEqual(settings(config), testCase.rules, testCase.name);
    assert.deepEqual(
      {
        file: config.file,
        dir: config.dir,
        requireSuppressionReason: config.requireSuppressionReason,
        honorPeerSuppressions: config.honorPeerSuppressions,
        include: config.include,
        exclude: config.exclude,
      },
      {
        file: FILE,
        dir: "/abs",
        requireSuppressionReason: testCase.requireSuppressionReason ?? false,
        honorPeerSuppressions: testCase.honorPeerSuppressions ?? true,
        include: testCase.include ?? ["**"],
        exclude: testCase.exclude ?? [],
      },
      testCase.name,
    );
  }
});

it("parseConfig: `engine` is kept when given, absent otherwise (the command line or the default decides)", () => {
  assert.equal(parseConfig('{ "engine": "ts7" }', FILE, rules).engine, "ts7");
  assert.equal(parseConfig('{ "engine": "ts6", "rules": { "floating-promise": ["error", { "ignoreVoid": false }] } }', FILE, rules).engine, "ts6");
  assert.equal(parseConfig("{}", FILE, rules).engine, undefined);
  assert.equal("engine" in parseConfig("{}", FILE, rules), false);
});

it("parseConfig: invalid files throw one positioned ConfigError", () => {
  const cases: { text: string; message: string; key?: string }[] = [
    {
      text: '{\n  "rule": {}\n}',
      message: `${FILE}:2:3: unknown key "rule" (allowed: $schema, include, exclude, requireSuppressionReason, honorPeerSuppressions, engine, rules)`,
      key: "rule",
    },
    {
      text: '{\n  "engine": "ts8"\n}',
      message: `${FILE}:2:13: engine must be one of "ts6", "ts7" (got "ts8")`,
      key: "engine",
    },
    {
      text: '{ "engine": 7 }',
      message: `${FILE}:1:13: engine must be string`,
      key: "engine",
    },
    {
      text: '{\n  "rules": {\n    "floating-promises": "error"\n  }\n}',
      message: `${FILE}:3:5: unknown rule id "floating-promises" in rules (did you mean "floating-promise"?)`,
      key: "rules.floating-promises",
    },
    {
      text: '{ "rules": { "no-such-thing": "error" } }',
      message: `${FILE}:1:14: unknown rule id "no-such-thing" in rules`,
      key: "rules.no-such-thing",
    },
    {
      text: '{ "rules": { "floating-promise": "warn" } }',
      message: `${FILE}:1:34: rules.floating-promise must be "off", "info", "warning" or "error" (got "warn")`,
      key: "rules.floating-promise",
    },
    {
      text: '{ "rules": { "floating-promise": ["fatal"] } }',
      message: `${FILE}:1:35: rules.floating-promise[0] must be "off", "info", "warning" or "error" (got "fatal")`,
      key: "rules.floating-promise[0]",
    },
    {
      text: '{ "rules": { "floating-promise": true } }',
      message: `${FILE}:1:34: rules.floating-promise must be a severity ("off", "info", "warning" or "error") or an array [severity] or [severity, {options}]`,
      key: "rules.floating-promise",
    },
    {
      text: '{\n  "rules": {\n    "floating-promise": ["error", {\n      "ignoreVoid": "yes" }]\n  }\n}',
      message: `${FILE}:4:21: rules.floating-promise[1].ignoreVoid must be boolean`,
      key: "rules.floating-promise[1].ignoreVoid",
    },
    {
      text: '{ "rules": { "floating-promise": ["error", { "allowed": [1] }] } }',
      message: `${FILE}:1:58: rules.floating-promise[1].allowed[0] must be string`,
      key: "rules.floating-promise[1].allowed[0]",
    },
    {
      text: '{ "rules": { "floating-promise": ["error", { "ignoreVoids": true }] } }',
      message: `${FILE}:1:46: unknown option "ignoreVoids" in rules.floating-promise[1] (allowed: ignoreVoid, allowed)`,
      key: "rules.floating-promise[1].ignoreVoids",
    },
    {
      text: '{ "rules": { "unused-suppression": ["error", { "x": 1 }] } }',
      message: `${FILE}:1:48: unknown option "x" in rules.unused-suppression[1] (this rule has no options)`,
      key: "rules.unused-suppression[1].x",
    },
    {
      text: '{ "rules": { "floating-promise": ["error", {}, {}] } }',
      message: `${FILE}:1:34: rules.floating-promise must be [severity] or [severity, {options}] (got 3 items)`,
      key: "rules.floating-promise",
    },
    {
      text: '{ "rules": { "floating-promise": [] } }',
      message: `${FILE}:1:34: rules.floating-promise must be [severity] or [severity, {options}] (got 0 items)`,
      key: "rules.floating-promise",
    },
    {
      text: '{ "rules": { "floating-promise": ["error", true] } }',
      message: `${FILE}:1:44: rules.floating-promise[1] must be object`,
      key: "rules.floating-promise[1]",
    },
    { text: '{ "include": "src" }', message: `${FILE}:1:14: include must be array`, key: "include" },
    { text: '{ "exclude": [null] }', message: `${FILE}:1:15: exclude[0] must be string`, key: "exclude[0]" },
    {
      text: '{ "requireSuppressionReason": "yes" }',
      message: `${FILE}:1:31: requireSuppressionReason must be boolean`,
      key: "requireSuppressionReason",
    },
    {
      text: '{ "honorPeerSuppressions": 0 }',
      message: `${FILE}:1:28: honorPeerSuppressions must be boolean`,
      key: "honorPeerSuppressions",
    },
    { text: "[]", message: `${FILE}:1:1: the configuration must be a JSON object` },
    { text: '{\n  "rules": {\n    "floating-promise": "error"\n  ', message: `${FILE}:4:3: invalid JSON: expected a closing brace "}"` },
    { text: '{ "rules": { "floating-promise" "error" } }', message: `${FILE}:1:33: invalid JSON: expected a colon` },
    { text: "", message: `${FILE}:1:1: invalid JSON: expected a value` },
    {
      text: '{ "rules": {\r\n  "floating-promise": "off",\r\n  "floating-promise": "error" } }',
      message: `${FILE}:3:3: duplicate key "floating-promise" in rules`,
      key: "rules.floating-promise",
    },
    {
      text: '{ "rules": { "floating-promise": ["error", { "__proto__": { "ignoreVoid": 1 } }] } }',
      message: `${FILE}:1:46: key not allowed "__proto__" in rules.floating-promise[1]`,
      key: "rules.floating-promise[1].__proto__",
    },
  ];
  for (const testCase of cases) {
    assert.throws(
      () => parseConfig(testCase.text, FILE, rules),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, testCase.message);
        assert.equal(error.message, testCase.message);
        assert.equal(error.file, FILE);
        assert.equal(error.key, testCase.key, testCase.message);
        const [line, column] = testCase.message.slice(FILE.length + 1).split(":").map(Number);
        assert.deepEqual([error.line, error.column], [line, column], testCase.message);
        return true;
      },
    );
  }
});

it("buildConfigSchema: one property per rule, closed objects, descriptions from the docs", () => {
  const schema = buildConfigSchema(rules) as {
    $schema: string;
    additionalProperties: boolean;
    properties: { rules: { additionalProperties: boolean; properties: Record<string, { description: string; anyOf: unknown[] }> } };
  };
  assert.equal(schema.$schema, "http://json-schema.org/draft-07/schema#");
  assert.equal(schema.additionalProperties, false);
  assert.equal(schema.properties.rules.additionalProperties, false);
  assert.deepEqual(Object.keys(schema.properties.rules.properties), ["floating-promise", "unused-suppression"]);
  assert.equal(schema.properties.rules.properties["floating-promise"]?.description, "floating-promise description");
  const tuple = schema.properties.rules.properties["floating-promise"]?.anyOf[1] as { items: unknown[] };
  assert.deepEqual(tuple.items[1], floating.meta.optionsSchema);
});

it("buildConfigSchema: an options schema without additionalProperties is closed", () => {
  const open = fakeRule("open", "warning", { type: "object", properties: { a: { type: "string" } } }, {});
  const schema = buildConfigSchema([open]) as { properties: { rules: { properties: { open: { anyOf: { items?: unknown[] }[] } } } } };
  assert.deepEqual(schema.properties.rules.properties.open.anyOf[1]?.items?.[1], {
    type: "object",
    properties: { a: { type: "string" } },
    additionalProperties: false,
  });
});

it("schema/concurrency-lint.schema.json is generated from the registry and checked in", () => {
  const file = path.join(__dirname, "..", "..", "schema", "concurrency-lint.schema.json");
  assert.equal(
    fs.readFileSync(file, "utf8"),
    `${JSON.stringify(buildConfigSchema(allRules), null, 2)}\n`,
    "regenerate schema/concurrency-lint.schema.json from buildConfigSchema(allRules)",
  );
});

it("isFileIncluded: globs relative to the config folder", () => {
  const base = parseConfig("{}", "/proj/concurrency-lint.json", rules);
  const config = (include: string[], exclude: string[] = []): ResolvedConfig => ({ ...base, include, exclude });
  const cases: { include: string[]; exclude?: string[]; file: string; included: boolean }[] = [
    { include: ["**"], file: "/proj/a.ts", included: true },
    { include: ["**"], file: "/proj/.hidden/a.ts", included: true },
    { include: ["**"], file: "/elsewhere/a.ts", included: false },
    { include: ["**"], file: "/proj-other/a.ts", included: false },
    { include: ["**"], file: "/proj/node_modules/dep/index.ts", included: false },
    { include: ["**"], file: "/proj/types/api.d.ts", included: false },
    { include: ["**"], file: "/proj/types/api.d.mts", included: false },
    { include: ["src/**"], file: "/proj/src/deep/a.ts", included: true },
    { include: ["src/**"], file: "/proj/test/a.ts", included: false },
    { include: ["src"], file: "/proj/src/deep/a.ts", included: true },
    { include: ["./src/"], file: "/proj/src/a.ts", included: true },
    { include: ["src/*.ts"], file: "/proj/src/deep/a.ts", included: false },
    { include: ["**"], exclude: ["**/*.test.ts"], file: "/proj/src/a.test.ts", included: false },
    { include: ["**"], exclude: ["**/*.test.ts"], file: "/proj/src/a.ts", included: true },
    { include: ["src/**"], exclude: ["src/generated"], file: "/proj/src/generated/x.ts", included: false },
    { include: [], file: "/proj/a.ts", included: false },
  ];
  for (const testCase of cases) {
    assert.equal(
      isFileIncluded(config(testCase.include, testCase.exclude), testCase.file),
      testCase.included,
      `${testCase.file} with include ${JSON.stringify(testCase.include)} exclude ${JSON.stringify(testCase.exclude ?? [])}`,
    );
  }
});

/** An in-memory file system that counts reads, so tests can see the caches work. */
function memoryFs(files: Record<string, string>): ConfigFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    isFile: (file) => file in files,
    readFile: (file) => {
      reads.push(file);
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${file}'`);
      return text;
    },
  };
}

it("ConfigResolver: the nearest config applies, alone; read once per file", () => {
  const memory = memoryFs({
    "/repo/concurrency-lint.json": '{ "rules": { "floating-promise": "info" }, "requireSuppressionReason": true }',
    "/repo/packages/app/concurrency-lint.json": '{ "rules": { "unused-suppression": "off" } }',
  });
  const resolver = new ConfigResolver(rules, undefined, memory);
  const cases: { file: string; config: string; floating: string; unused: string; requireReason: boolean }[] = [
    { file: "/repo/a.ts", config: "/repo/concurrency-lint.json", floating: "info", unused: "warning", requireReason: true },
    { file: "/repo/packages/lib/src/b.ts", config: "/repo/concurrency-lint.json", floating: "info", unused: "warning", requireReason: true },
    // Not merged with /repo's file: floating-promise is back to its default, and so is the reason.
    { file: "/repo/packages/app/src/c.ts", config: "/repo/packages/app/concurrency-lint.json", floating: "error", unused: "off", requireReason: false },
    { file: "/repo/packages/app/d.ts", config: "/repo/packages/app/concurrency-lint.json", floating: "error", unused: "off", requireReason: false },
  ];
  for (const testCase of cases) {
    const config = resolver.configFor(testCase.file);
    assert.deepEqual(
      [config.file, config.rules.get("floating-promise")?.severity, config.rules.get("unused-suppression")?.severity, config.requireSuppressionReason],
      [testCase.config, testCase.floating, testCase.unused, testCase.requireReason],
      testCase.file,
    );
  }
  assert.equal(resolver.configFor("/repo/packages/lib/src/other.ts"), resolver.configFor("/repo/x.ts"));
  assert.deepEqual(memory.reads, ["/repo/concurrency-lint.json", "/repo/packages/app/concurrency-lint.json"]);

  resolver.clear();
  resolver.configFor("/repo/a.ts");
  assert.equal(memory.reads.length, 3);
});

it("ConfigResolver: defaults when no config exists above the file", () => {
  const resolver = new ConfigResolver(rules, undefined, memoryFs({}));
  const config = resolver.configFor("/home/user/project/src/a.ts");
  assert.equal(config.file, undefined);
  assert.equal(config.dir, path.parse("/home/user/project").root);
  assert.deepEqual(settings(config), { "floating-promise": DEFAULT_FLOATING, "unused-suppression": DEFAULT_UNUSED });
  assert.equal(isFileIncluded(config, "/home/user/project/src/a.ts"), true);
  assert.equal(isFileIncluded(resolver.configFor("/home/other.ts"), "/home/other.ts"), true);
});

it("ConfigResolver: a broken config fails every file below it, read once", () => {
  const memory = memoryFs({ "/repo/concurrency-lint.json": '{ "rulez": {} }' });
  const resolver = new ConfigResolver(rules, undefined, memory);
  const expected = '/repo/concurrency-lint.json:1:3: unknown key "rulez" (allowed: $schema, include, exclude, requireSuppressionReason, honorPeerSuppressions, engine, rules)';
  assert.throws(() => resolver.configFor("/repo/src/a.ts"), { name: "ConfigError", message: expected });
  assert.throws(() => resolver.configFor("/repo/src/b.ts"), { name: "ConfigError", message: expected });
  assert.deepEqual(memory.reads, ["/repo/concurrency-lint.json"]);
});

it("ConfigResolver: --rule overrides replace the severity and keep the options", () => {
  const memory = memoryFs({
    "/repo/concurrency-lint.json": '{ "rules": { "floating-promise": ["info", { "ignoreVoid": false }] } }',
  });
  const overrides = new Map([["floating-promise", "off" as const]]);
  const resolver = new ConfigResolver(rules, overrides, memory);
  assert.deepEqual(settings(resolver.configFor("/repo/a.ts")), {
    "floating-promise": { severity: "off", options: { ignoreVoid: false, allowed: [] } },
    "unused-suppression": DEFAULT_UNUSED,
  });
  assert.deepEqual(settings(resolver.configFor("/elsewhere/a.ts")), {
    "floating-promise": { ...DEFAULT_FLOATING, severity: "off" },
    "unused-suppression": DEFAULT_UNUSED,
  });
  assert.deepEqual(settings(resolver.load("/repo/concurrency-lint.json")), {
    "floating-promise": { severity: "off", options: { ignoreVoid: false, allowed: [] } },
    "unused-suppression": DEFAULT_UNUSED,
  });
});

it("ConfigResolver.load: an explicit file, or a clear error when it cannot be read", () => {
  const memory = memoryFs({ "/cfg/custom.json": '{ "rules": { "unused-suppression": "error" } }' });
  const resolver = new ConfigResolver(rules, undefined, memory);
  const config = resolver.load("/cfg/custom.json");
  assert.deepEqual([config.file, config.dir, config.rules.get("unused-suppression")?.severity], ["/cfg/custom.json", "/cfg", "error"]);
  assert.throws(() => resolver.load("/cfg/missing.json"), {
    name: "ConfigError",
    message: "/cfg/missing.json: cannot read the config file: ENOENT: no such file, open '/cfg/missing.json'",
  });
});

it("ConfigResolver on disk: checked-in fixture tree", () => {
  const tree = path.join(__dirname, "..", "fixtures", "config", "tree");
  const resolver = new ConfigResolver(rules);
  const cases: { file: string; config: string; floating: RuleSetting; included: boolean }[] = [
    {
      file: "pkg/src/a.ts",
      config: "pkg",
      floating: { severity: "error", options: { ignoreVoid: false, allowed: [] } },
      included: true,
    },
    {
      file: "pkg/test/a.ts",
      config: "pkg",
      floating: { severity: "error", options: { ignoreVoid: false, allowed: [] } },
      included: false,
    },
    { file: "plain/deep/a.ts", config: ".", floating: { ...DEFAULT_FLOATING, severity: "info" }, included: true },
  ];
  for (const testCase of cases) {
    const file = path.join(tree, testCase.file);
    const config = resolver.configFor(file);
    assert.equal(config.file, path.join(tree, testCase.config, CONFIG_FILE_NAME), testCase.file);
    assert.deepEqual(config.rules.get("floating-promise"), testCase.floating, testCase.file);
    assert.equal(isFileIncluded(config, file), testCase.included, testCase.file);
  }
  const broken = path.join(tree, "broken", CONFIG_FILE_NAME);
  assert.throws(() => resolver.configFor(path.join(tree, "broken", "x.ts")), {
    message: `${broken}:3:5: unknown rule id "floating-promises" in rules (did you mean "floating-promise"?)`,
  });
});

it("ConfigResolver on disk: clear() picks up a config written after the first lookup", (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "concurrency-lint-config-"));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, "a", "b"), { recursive: true });
  fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), '{ "rules": { "floating-promise": "warning" } }');
  const resolver = new ConfigResolver(rules);
  const file = path.join(root, "a", "b", "c.ts");
  assert.equal(resolver.configFor(file).file, path.join(root, CONFIG_FILE_NAME));

  fs.writeFileSync(path.join(root, "a", CONFIG_FILE_NAME), '{ "rules": { "floating-promise": "off" } }');
  assert.equal(resolver.configFor(file).file, path.join(root, CONFIG_FILE_NAME), "cached until clear()");
  resolver.clear();
  const config = resolver.configFor(file);
  assert.deepEqual([config.file, config.rules.get("floating-promise")?.severity], [path.join(root, "a", CONFIG_FILE_NAME), "off"]);
});

it("validateRuleOverride: id=severity", () => {
  assert.deepEqual(validateRuleOverride("floating-promise=off", rules), ["floating-promise", "off"]);
  assert.deepEqual(validateRuleOverride(" unused-suppression = error ", rules), ["unused-suppression", "error"]);
  const errors: { spec: string; message: string }[] = [
    { spec: "floating-promise", message: '--rule: expected id=severity, got "floating-promise"' },
    {
      spec: "floating-promises=error",
      message: '--rule: unknown rule id "floating-promises" in "floating-promises=error" (did you mean "floating-promise"?)',
    },
    { spec: "nothing=error", message: '--rule: unknown rule id "nothing" in "nothing=error"' },
    {
      spec: "floating-promise=warn",
      message: '--rule: severity must be "off", "info", "warning" or "error" (got "warn" in "floating-promise=warn")',
    },
  ];
  for (const { spec, message } of errors) {
    assert.throws(() => validateRuleOverride(spec, rules), { name: "ConfigError", message }, spec);
  }
});

it("an always-on rule (parse-error): named only with its own severity, in files and in --rule", () => {
  const fixed = 'parse-error is always "error" and cannot be turned off or changed: the files it reports are never linted; exclude such a file with "exclude" instead';
  for (const text of ['{ "rules": { "parse-error": "error" } }', '{ "rules": { "parse-error": ["error", {}] } }', "{}"]) {
    assert.equal(parseConfig(text, FILE, allRules).rules.get("parse-error")?.severity, "error", text);
  }
  const errors: { text: string; message: string; key: string }[] = [
    { text: '{ "rules": { "parse-error": "off" } }', message: `${FILE}:1:29: ${fixed} (got "off")`, key: "rules.parse-error" },
    { text: '{ "rules": { "parse-error": ["warning"] } }', message: `${FILE}:1:30: ${fixed} (got "warning")`, key: "rules.parse-error[0]" },
  ];
  for (const { text, message, key } of errors) {
    assert.throws(() => parseConfig(text, FILE, allRules), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message, message);
      assert.equal(error.key, key);
      return true;
    });
  }
  assert.deepEqual(validateRuleOverride("parse-error=error", allRules), ["parse-error", "error"]);
  assert.throws(() => validateRuleOverride("parse-error=off", allRules), { name: "ConfigError", message: `--rule: ${fixed} (got "parse-error=off")` });
});

it("parseConfig: the shapes accepted without compiling the schema are the schema's, near misses still fail", () => {
  const validate = new Ajv({ strictTuples: false, strictTypes: false }).compile(buildConfigSchema(allRules));
  const plain = [
    "{}",
    '{ "$schema": "x.json", "include": [], "exclude": ["dist/**"], "requireSuppressionReason": false, "honorPeerSuppressions": true }',
    '{ "rules": { "floating-promise": "off", "misused-promise": "info", "blocking-call-in-async": "error", "parse-error": "error" } }',
  ];
  for (const text of plain) {
    assert.equal(validate(JSON.parse(text)), true, text);
    assert.ok(parseConfig(text, FILE, allRules), text);
  }
  const nearMisses = [
    "[]",
    '{ "rules": { "floating-promise": "warn" } }',
    '{ "rules": { "floating-promises": "off" } }',
    '{ "rules": { "parse-error": "warning" } }',
    '{ "rules": { "floating-promise": null } }',
    '{ "rules": ["floating-promise"] }',
    '{ "include": ["src", 1] }',
    '{ "include": "src" }',
    '{ "requireSuppressionReason": "yes" }',
    '{ "$schema": 1 }',
    '{ "extends": "base.json" }',
  ];
  for (const text of nearMisses) {
    assert.equal(validate(JSON.parse(text)), false, text);
    assert.throws(() => parseConfig(text, FILE, allRules), ConfigError, text);
  }
});

it("parseConfig: every problem of a file at once, in the order of the file, in words", () => {
  const cases: { name: string; text: string; lines: string[] }[] = [
    {
      name: "syntax errors",
      text: '{\n  "include": ["src" "lib"],\n  "exclude": ["a",, "b"]\n}',
      lines: [`${FILE}:2:21: invalid JSON: expected a comma`, `${FILE}:3:19: invalid JSON: expected a value`],
    },
    {
      name: "schema errors in several keys, an array item among them",
      text: '{\n  "rules": { "floating-promise": "erro", "nope": "off" },\n  "exclude": ["ok", 3],\n  "rulez": {}\n}',
      lines: [
        `${FILE}:2:34: rules.floating-promise must be "off", "info", "warning" or "error" (got "erro")`,
        `${FILE}:2:42: unknown rule id "nope" in rules`,
        `${FILE}:3:21: exclude[1] must be string`,
        `${FILE}:4:3: unknown key "rulez" (allowed: $schema, include, exclude, requireSuppressionReason, honorPeerSuppressions, engine, rules)`,
      ],
    },
    {
      name: "duplicate keys",
      text: '{ "include": [], "include": [], "rules": { "unused-suppression": "off", "unused-suppression": "info" } }',
      lines: [`${FILE}:1:18: duplicate key "include"`, `${FILE}:1:73: duplicate key "unused-suppression" in rules`],
    },
  ];
  for (const testCase of cases) {
    assert.throws(
      () => parseConfig(testCase.text, FILE, rules),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, testCase.name);
        assert.equal(error.message, testCase.lines.join("\n"), testCase.name);
        assert.equal(error.problems.length, testCase.lines.length, testCase.name);
        return true;
      },
    );
  }
});

it("parseConfig: the first 20 problems of a file, then how many more", () => {
  const keys = Array.from({ length: 23 }, (_, i) => `"key${String(i).padStart(2, "0")}": 1`);
  assert.throws(
    () => parseConfig(`{\n${keys.join(",\n")}\n}`, FILE, rules),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const lines = error.message.split("\n");
      assert.equal(lines.length, 21);
      assert.equal(lines[0], `${FILE}:2:1: unknown key "key00" (allowed: $schema, include, exclude, requireSuppressionReason, honorPeerSuppressions, engine, rules)`);
      assert.equal(lines[19], `${FILE}:21:1: unknown key "key19" (allowed: $schema, include, exclude, requireSuppressionReason, honorPeerSuppressions, engine, rules)`);
      assert.equal(lines[20], `${FILE}: and 3 more problems`);
      return true;
    },
  );
});

it("parseConfig: size, depth and glob bounds give a configuration error naming the key", () => {
  const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const cases: { name: string; text: string; message: string; key?: string }[] = [
    {
      name: "a file over 1 MB",
      text: `{ "$schema": "${"x".repeat(1.5 * 1024 * 1024)}" }`,
      message: `${FILE}: the file is 1.5 MB; a configuration file may have at most 1 MB`,
    },
    {
      name: "arrays nested 3,000 deep",
      text: `{ "include": ${nested(3000)} }`,
      message: `${FILE}:1:45: the value of include is nested more than 32 levels deep`,
      key: "include",
    },
    {
      name: "nesting in an object, after a string with brackets",
      text: `{ "$schema": "[[[{", "rules": { "floating-promise": ["error", { "allowed": ${nested(40)} }] } }`,
      message: `${FILE}:1:104: the value of rules is nested more than 32 levels deep`,
      key: "rules",
    },
    {
      name: "a glob longer than any path",
      text: `{ "include": ["src", "${"a".repeat(100_000)}"] }`,
      message: `${FILE}:1:22: include[1] is 100,000 characters long; a glob may have at most 4,096`,
      key: "include[1]",
    },
    {
      name: "too many globs",
      text: `{ "include": [${Array.from({ length: 10_001 }, () => '"a"').join(",")}] }`,
      message: `${FILE}:1:14: include has 10,001 globs; at most 10,000 are allowed`,
      key: "include",
    },
  ];
  for (const testCase of cases) {
    assert.throws(
      () => parseConfig(testCase.text, FILE, rules),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, testCase.name);
        assert.equal(error.message, testCase.message, testCase.name);
        assert.equal(error.key, testCase.key, testCase.name);
        return true;
      },
    );
  }
  // At the limit: 31 levels inside the root object are fine.
  assert.throws(() => parseConfig(`{ "include": ${nested(31)} }`, FILE, rules), /include\[0\] must be string/);
});
