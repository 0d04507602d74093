/**
 * The suppression-directive injection grammar (syntaxes/concurrency-lint-directives.tmLanguage.json),
 * tokenized the way VS Code applies it: vscode-textmate with the grammar injected into a host
 * grammar through the registry's `getInjections`, as `contributes.grammars[].injectTo` does.
 *
 * No installed package ships VS Code's TypeScript grammar, so the host is a minimal fixture that
 * produces the same comment and string scopes (test/syntaxes/fixtures/host.tmLanguage.json); its
 * .tsx, .js and .js.jsx twins are derived by renaming the scope suffix.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as ts from "typescript";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";
import { parseDirectives } from "../../server/src/engine/suppressions";

const ROOT = path.resolve(__dirname, "../..");
const GRAMMAR_PATH = "syntaxes/concurrency-lint-directives.tmLanguage.json";
const INJECTION_SCOPE = "comment.directive.concurrency-lint.injection";

/** The languages the grammar is injected into, with the suffix their grammar gives its scopes. */
const HOSTS = { "source.ts": "ts", "source.tsx": "tsx", "source.js": "js", "source.js.jsx": "js.jsx" } as const;
type HostScope = keyof typeof HOSTS;
const HOST_SCOPES = Object.keys(HOSTS) as HostScope[];

// Scopes, innermost last; a token's scopes are written without the root scope, joined by spaces.
const LINE = "comment.line.double-slash.ts";
const BLOCK = "comment.block.ts";
const DOC = "comment.block.documentation.ts";
const OPENER = "punctuation.definition.comment.ts";
const META = "meta.directive.concurrency-lint";
const KEYWORD = `${META} keyword.control.directive.concurrency-lint`;
const RULE = "entity.name.tag.rule.concurrency-lint";
const COMMA = "punctuation.separator.comma.concurrency-lint";
const DASHES = "punctuation.separator.reason.concurrency-lint";
const REASON = "comment.reason.concurrency-lint";

type Token = [text: string, scopes: string];
interface PositionedToken {
  text: string;
  scopes: string[];
  /** Offset in the whole source. */
  start: number;
  end: number;
}

function readJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), "utf8"));
}

/** The host fixture with every scope suffix `.ts` renamed, the way VS Code derives its JS grammars. */
function hostGrammar(scopeName: HostScope): vsctm.IRawGrammar {
  const suffix = HOSTS[scopeName];
  const rename = (scopes: string) => scopes.split(" ").map((scope) => scope.replace(/\.ts$/, `.${suffix}`)).join(" ");
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key,
        typeof child === "string" && (key === "name" || key === "contentName" || key === "scopeName") ? rename(child) : walk(child),
      ]),
    );
  };
  const grammar = walk(readJson("test/syntaxes/fixtures/host.tmLanguage.json"));
  return vsctm.parseRawGrammar(JSON.stringify(grammar), `${scopeName}.tmLanguage.json`);
}

async function loadGrammars(): Promise<Map<HostScope, vsctm.IGrammar>> {
  await oniguruma.loadWASM(fs.readFileSync(path.join(ROOT, "node_modules/vscode-oniguruma/release/onig.wasm")));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName: string) => {
      if (scopeName === INJECTION_SCOPE) {
        const file = path.join(ROOT, GRAMMAR_PATH);
        return Promise.resolve(vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file));
      }
      return Promise.resolve(scopeName in HOSTS ? hostGrammar(scopeName as HostScope) : null);
    },
    // What `"injectTo": [...]` amounts to.
    getInjections: (scopeName: string) => (scopeName in HOSTS ? [INJECTION_SCOPE] : undefined),
  });
  const grammars = new Map<HostScope, vsctm.IGrammar>();
  for (const scopeName of HOST_SCOPES) {
    const grammar = await registry.loadGrammar(scopeName);
    assert.ok(grammar, `no grammar for ${scopeName}`);
    grammars.set(scopeName, grammar);
  }
  return grammars;
}

const grammars = loadGrammars();

async function tokenizeWithOffsets(source: string, host: HostScope = "source.ts"): Promise<PositionedToken[][]> {
  const grammar = (await grammars).get(host);
  assert.ok(grammar);
  let state = vsctm.INITIAL;
  let lineStart = 0;
  return source.split("\n").map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const tokens = result.tokens
      .filter((token) => token.endIndex > token.startIndex && token.startIndex < line.length)
      .map((token) => {
        const end = Math.min(token.endIndex, line.length);
        return { text: line.slice(token.startIndex, end), scopes: token.scopes.slice(1), start: lineStart + token.startIndex, end: lineStart + end };
      });
    lineStart += line.length + 1;
    return tokens;
  });
}

/** Each line's tokens as [text, scopes without the root]. */
async function tokenize(source: string, host: HostScope = "source.ts"): Promise<Token[][]> {
  const lines = await tokenizeWithOffsets(source, host);
  return lines.map((tokens) => tokens.map((token): Token => [token.text, token.scopes.join(" ")]));
}

async function tokenizeLine(line: string, host: HostScope = "source.ts"): Promise<Token[]> {
  const [tokens] = await tokenize(line, host);
  return tokens;
}

/** Whether any token of the source carries a scope of the injection grammar. */
async function hasDirectiveScopes(source: string): Promise<boolean> {
  const lines = await tokenizeWithOffsets(source);
  return lines.some((tokens) => tokens.some((token) => token.scopes.some((scope) => scope.endsWith(".concurrency-lint"))));
}

describe("directive grammar: tokens", () => {
  it("next-line directive with one rule id", async () => {
    assert.deepEqual(await tokenizeLine("// concurrency-lint-disable-next-line floating-promise"), [
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-next-line", `${LINE} ${KEYWORD}`],
      [" ", `${LINE} ${META}`],
      ["floating-promise", `${LINE} ${META} ${RULE}`],
    ]);
  });

  it("line directive after code, with a reason", async () => {
    assert.deepEqual(await tokenizeLine("void refresh(); // concurrency-lint-disable-line floating-promise -- fire and forget"), [
      ["void refresh(); ", ""],
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-line", `${LINE} ${KEYWORD}`],
      [" ", `${LINE} ${META}`],
      ["floating-promise", `${LINE} ${META} ${RULE}`],
      [" ", `${LINE} ${META}`],
      ["--", `${LINE} ${META} ${DASHES}`],
      [" ", `${LINE} ${META}`],
      ["fire and forget", `${LINE} ${META} ${REASON}`],
    ]);
  });

  it("file-wide block directive with two rule ids and a reason", async () => {
    assert.deepEqual(await tokenizeLine("/* concurrency-lint-disable floating-promise, shared-state-across-await -- generated code */"), [
      ["/*", `${BLOCK} ${OPENER}`],
      [" ", BLOCK],
      ["concurrency-lint-disable", `${BLOCK} ${KEYWORD}`],
      [" ", `${BLOCK} ${META}`],
      ["floating-promise", `${BLOCK} ${META} ${RULE}`],
      [",", `${BLOCK} ${META} ${COMMA}`],
      [" ", `${BLOCK} ${META}`],
      ["shared-state-across-await", `${BLOCK} ${META} ${RULE}`],
      [" ", `${BLOCK} ${META}`],
      ["--", `${BLOCK} ${META} ${DASHES}`],
      [" ", `${BLOCK} ${META}`],
      ["generated code", `${BLOCK} ${META} ${REASON}`],
      [" ", `${BLOCK} ${META}`],
      ["*/", `${BLOCK} ${OPENER}`],
    ]);
  });

  it("JSDoc-style /** */ directive; the host's own JSDoc scopes elsewhere are untouched", async () => {
    assert.deepEqual(await tokenizeLine("/** concurrency-lint-disable-next-line floating-promise -- see #12 */"), [
      ["/**", `${DOC} ${OPENER}`],
      [" ", DOC],
      ["concurrency-lint-disable-next-line", `${DOC} ${KEYWORD}`],
      [" ", `${DOC} ${META}`],
      ["floating-promise", `${DOC} ${META} ${RULE}`],
      [" ", `${DOC} ${META}`],
      ["--", `${DOC} ${META} ${DASHES}`],
      [" ", `${DOC} ${META}`],
      ["see #12", `${DOC} ${META} ${REASON}`],
      [" ", `${DOC} ${META}`],
      ["*/", `${DOC} ${OPENER}`],
    ]);
    assert.deepEqual(await tokenizeLine("/** @returns concurrency-lint-disable */"), [
      ["/**", `${DOC} ${OPENER}`],
      [" ", DOC],
      ["@returns", `${DOC} storage.type.class.jsdoc`],
      [" concurrency-lint-disable ", DOC],
      ["*/", `${DOC} ${OPENER}`],
    ]);
  });

  it("directive inside a multi-line block comment: keyword after blank lines, ids and reason over several lines", async () => {
    const source = ["/*", "", "  concurrency-lint-disable floating-promise,", "    blocking-call -- legacy module,", "    rewritten in #40", "*/"].join("\n");
    assert.deepEqual(await tokenize(source), [
      [["/*", `${BLOCK} ${OPENER}`]],
      [],
      [
        ["  ", BLOCK],
        ["concurrency-lint-disable", `${BLOCK} ${KEYWORD}`],
        [" ", `${BLOCK} ${META}`],
        ["floating-promise", `${BLOCK} ${META} ${RULE}`],
        [",", `${BLOCK} ${META} ${COMMA}`],
      ],
      [
        ["    ", `${BLOCK} ${META}`],
        ["blocking-call", `${BLOCK} ${META} ${RULE}`],
        [" ", `${BLOCK} ${META}`],
        ["--", `${BLOCK} ${META} ${DASHES}`],
        [" ", `${BLOCK} ${META}`],
        ["legacy module,", `${BLOCK} ${META} ${REASON}`],
      ],
      [
        ["    ", `${BLOCK} ${META}`],
        ["rewritten in #40", `${BLOCK} ${META} ${REASON}`],
      ],
      [["*/", `${BLOCK} ${OPENER}`]],
    ]);
  });

  it("JSDoc whose first line is blank", async () => {
    assert.deepEqual(await tokenize("/**\n * concurrency-lint-disable floating-promise\n */"), [
      // A leading `*` is part of the body, so the engine reads no directive here.
      [["/**", `${DOC} ${OPENER}`]],
      [[" ", DOC], ["* concurrency-lint-disable floating-promise", DOC]],
      [[" ", DOC], ["*/", `${DOC} ${OPENER}`]],
    ]);
    assert.deepEqual(await tokenize("/**\n  concurrency-lint-disable floating-promise\n */"), [
      [["/**", `${DOC} ${OPENER}`]],
      [
        ["  ", DOC],
        ["concurrency-lint-disable", `${DOC} ${KEYWORD}`],
        [" ", `${DOC} ${META}`],
        ["floating-promise", `${DOC} ${META} ${RULE}`],
      ],
      [[" ", `${DOC} ${META}`], ["*/", `${DOC} ${OPENER}`]],
    ]);
  });

  it("a directive inside a string literal is not highlighted", async () => {
    assert.deepEqual(await tokenizeLine('const hint = "// concurrency-lint-disable-line floating-promise";'), [
      ["const hint = ", ""],
      ['"', "string.quoted.double.ts"],
      ["// concurrency-lint-disable-line floating-promise", "string.quoted.double.ts"],
      ['"', "string.quoted.double.ts"],
      [";", ""],
    ]);
    assert.equal(await hasDirectiveScopes("const a = '/* concurrency-lint-disable floating-promise */';"), false);
    assert.equal(await hasDirectiveScopes("const b = `\n// concurrency-lint-disable-next-line floating-promise\n`;"), false);
  });

  it("an ordinary comment that mentions concurrency-lint is not highlighted", async () => {
    assert.deepEqual(await tokenizeLine("// run concurrency-lint-disable-line foo only with a reason"), [
      ["//", `${LINE} ${OPENER}`],
      [" run concurrency-lint-disable-line foo only with a reason", LINE],
    ]);
    assert.deepEqual(await tokenizeLine("// concurrency-lint checks this file"), [
      ["//", `${LINE} ${OPENER}`],
      [" concurrency-lint checks this file", LINE],
    ]);
    assert.deepEqual(await tokenizeLine("/* see concurrency-lint-disable in the README */"), [
      ["/*", `${BLOCK} ${OPENER}`],
      [" see concurrency-lint-disable in the README ", BLOCK],
      ["*/", `${BLOCK} ${OPENER}`],
    ]);
  });

  it("the keyword must be a whole word: followed by whitespace, the end of the line or */", async () => {
    for (const line of [
      "// concurrency-lint-disable-lines floating-promise",
      "// concurrency-lint-disable: floating-promise",
      "// concurrency-lint-disable-line,floating-promise",
      "// concurrency-lint-disable*/",
      "/* concurrency-lint-disable-next-line-x */",
      "/// concurrency-lint-disable floating-promise",
    ]) {
      assert.equal(await hasDirectiveScopes(line), false, line);
    }
    assert.deepEqual(await tokenizeLine("/*concurrency-lint-disable*/"), [
      ["/*", `${BLOCK} ${OPENER}`],
      ["concurrency-lint-disable", `${BLOCK} ${KEYWORD}`],
      ["*/", `${BLOCK} ${OPENER}`],
    ]);
  });

  it("directive with no rule ids", async () => {
    assert.deepEqual(await tokenizeLine("// concurrency-lint-disable-next-line"), [
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-next-line", `${LINE} ${KEYWORD}`],
    ]);
    assert.deepEqual(await tokenizeLine("// concurrency-lint-disable-line -- nothing named"), [
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-line", `${LINE} ${KEYWORD}`],
      [" ", `${LINE} ${META}`],
      ["--", `${LINE} ${META} ${DASHES}`],
      [" ", `${LINE} ${META}`],
      ["nothing named", `${LINE} ${META} ${REASON}`],
    ]);
  });

  it("a reason containing -- : only the first separator splits", async () => {
    assert.deepEqual(await tokenizeLine("// concurrency-lint-disable-line floating-promise -- retried -- see #7 --"), [
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-line", `${LINE} ${KEYWORD}`],
      [" ", `${LINE} ${META}`],
      ["floating-promise", `${LINE} ${META} ${RULE}`],
      [" ", `${LINE} ${META}`],
      ["--", `${LINE} ${META} ${DASHES}`],
      [" ", `${LINE} ${META}`],
      ["retried -- see #7 --", `${LINE} ${META} ${REASON}`],
    ]);
    // `--` not surrounded by whitespace is not a separator: the engine reads "a--b" and "--x" as ids.
    assert.deepEqual(await tokenizeLine("/* concurrency-lint-disable a--b, --x --*/"), [
      ["/*", `${BLOCK} ${OPENER}`],
      [" ", BLOCK],
      ["concurrency-lint-disable", `${BLOCK} ${KEYWORD}`],
      [" ", `${BLOCK} ${META}`],
      ["a--b", `${BLOCK} ${META} ${RULE}`],
      [",", `${BLOCK} ${META} ${COMMA}`],
      [" ", `${BLOCK} ${META}`],
      ["--x", `${BLOCK} ${META}`],
      [" ", `${BLOCK} ${META}`],
      ["--", `${BLOCK} ${META} ${DASHES}`],
      ["*/", `${BLOCK} ${OPENER}`],
    ]);
  });

  it("parts that are not kebab-case ids are not coloured as rule ids, not even in part", async () => {
    assert.deepEqual(await tokenizeLine("// concurrency-lint-disable-line Floating_Promise, floating promise,, ok -- r"), [
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-line", `${LINE} ${KEYWORD}`],
      [" ", `${LINE} ${META}`],
      ["Floating_Promise", `${LINE} ${META}`],
      [",", `${LINE} ${META} ${COMMA}`],
      [" ", `${LINE} ${META}`],
      ["floating promise", `${LINE} ${META}`],
      [",", `${LINE} ${META} ${COMMA}`],
      [",", `${LINE} ${META} ${COMMA}`],
      [" ", `${LINE} ${META}`],
      ["ok", `${LINE} ${META} ${RULE}`],
      [" ", `${LINE} ${META}`],
      ["--", `${LINE} ${META} ${DASHES}`],
      [" ", `${LINE} ${META}`],
      ["r", `${LINE} ${META} ${REASON}`],
    ]);
  });

  it("a part that is not an id stops at the first separator and at the end of the comment", async () => {
    assert.deepEqual(await tokenizeLine("/* concurrency-lint-disable X */ run(); // concurrency-lint-disable-line Y -- a -- b"), [
      ["/*", `${BLOCK} ${OPENER}`],
      [" ", BLOCK],
      ["concurrency-lint-disable", `${BLOCK} ${KEYWORD}`],
      [" ", `${BLOCK} ${META}`],
      ["X", `${BLOCK} ${META}`],
      [" ", `${BLOCK} ${META}`],
      ["*/", `${BLOCK} ${OPENER}`],
      [" run(); ", ""],
      ["//", `${LINE} ${OPENER}`],
      [" ", LINE],
      ["concurrency-lint-disable-line", `${LINE} ${KEYWORD}`],
      [" ", `${LINE} ${META}`],
      ["Y", `${LINE} ${META}`],
      [" ", `${LINE} ${META}`],
      ["--", `${LINE} ${META} ${DASHES}`],
      [" ", `${LINE} ${META}`],
      ["a -- b", `${LINE} ${META} ${REASON}`],
    ]);
    assert.deepEqual(await tokenize("/* concurrency-lint-disable a -- d */ run();\n"), [
      [
        ["/*", `${BLOCK} ${OPENER}`],
        [" ", BLOCK],
        ["concurrency-lint-disable", `${BLOCK} ${KEYWORD}`],
        [" ", `${BLOCK} ${META}`],
        ["a", `${BLOCK} ${META} ${RULE}`],
        [" ", `${BLOCK} ${META}`],
        ["--", `${BLOCK} ${META} ${DASHES}`],
        [" ", `${BLOCK} ${META}`],
        ["d", `${BLOCK} ${META} ${REASON}`],
        [" ", `${BLOCK} ${META}`],
        ["*/", `${BLOCK} ${OPENER}`],
        [" run();", ""],
      ],
      [],
    ]);
  });

  it("leaves every character of a directive a comment to the editor (standard token type)", async () => {
    // VS Code derives bracket matching, auto-closing and quick-suggestion behaviour from the standard
    // token type, which a `string`, `regex` or `meta.embedded` scope would change.
    const grammar = (await grammars).get("source.ts");
    assert.ok(grammar);
    const COMMENT_TYPE = 1;
    const line = "/* concurrency-lint-disable a, Bad -- why (see #3) */";
    const { tokens } = grammar.tokenizeLine2(line, vsctm.INITIAL);
    const types = new Set<number>();
    for (let i = 0; i < tokens.length; i += 2) {
      if (tokens[i] < line.length) types.add((tokens[i + 1] >>> 8) & 0b11);
    }
    assert.deepEqual([...types], [COMMENT_TYPE]);
  });

  it("is injected into TSX, JavaScript and JSX comments too", async () => {
    const line = "x(); // concurrency-lint-disable-line floating-promise -- why";
    const expected = await tokenizeLine(line, "source.ts");
    for (const host of HOST_SCOPES) {
      const suffix = HOSTS[host];
      const renamed = expected.map(([text, scopes]): Token => [text, scopes.replace(/\.ts\b/g, `.${suffix}`)]);
      assert.deepEqual(await tokenizeLine(line, host), renamed, host);
      assert.deepEqual(
        await tokenizeLine("/** concurrency-lint-disable a */", host),
        [
          ["/**", `comment.block.documentation.${suffix} punctuation.definition.comment.${suffix}`],
          [" ", `comment.block.documentation.${suffix}`],
          ["concurrency-lint-disable", `comment.block.documentation.${suffix} ${KEYWORD}`],
          [" ", `comment.block.documentation.${suffix} ${META}`],
          ["a", `comment.block.documentation.${suffix} ${META} ${RULE}`],
          [" ", `comment.block.documentation.${suffix} ${META}`],
          ["*/", `comment.block.documentation.${suffix} punctuation.definition.comment.${suffix}`],
        ],
        host,
      );
    }
  });
});

/**
 * Sources whose directives the grammar must read as the engine does. The comparison is by offset:
 * the kebab-case ids the engine finds are exactly the tokens scoped as rule ids, and its reason is
 * exactly the source from the first to the last reason token.
 */
const AGREEMENT_SAMPLES: Record<string, string> = {
  "next-line": "// concurrency-lint-disable-next-line floating-promise\nvoid run();\n",
  "line after code": "void run(); // concurrency-lint-disable-line floating-promise, other-rule -- fire and forget\n",
  "no space after the opener": "//concurrency-lint-disable-line floating-promise\n/*concurrency-lint-disable other-rule--x*/\n",
  "file-wide with reason": "/* concurrency-lint-disable a, b-c -- generated */\nexport {};\n",
  "JSDoc": "/** concurrency-lint-disable-next-line floating-promise -- see #12 */\nvoid run();\n",
  "no ids": "// concurrency-lint-disable-next-line\n// concurrency-lint-disable-line -- why\n/* concurrency-lint-disable */\nvoid run();\n",
  "reason with dashes": "// concurrency-lint-disable-line a -- b -- c\nvoid run(); /* concurrency-lint-disable d --*/\n",
  "odd ids": "// concurrency-lint-disable-line Foo_bar, x y, --z, ok,, -- r\n",
  "odd ids in a block comment followed by code": "/* concurrency-lint-disable X */ void run(); /* concurrency-lint-disable Y -- a -- b */\n",
  "multi-line block": "/*\n\n  concurrency-lint-disable a,\n    b -- one\n    two\n*/\n/**\n  concurrency-lint-disable-next-line c\n -- d */\nvoid run();\n",
  "not directives": [
    'const s = "// concurrency-lint-disable-line a";',
    "const t = `",
    "// concurrency-lint-disable-line b",
    "`;",
    "// see concurrency-lint-disable-line c",
    "/**",
    " * concurrency-lint-disable d",
    " */",
    "// concurrency-lint-disable-lines e",
    "/* x */ /* concurrency-lint-disablex f */",
    "",
  ].join("\n"),
};

/** Asserts that the grammar reads the source's directives exactly as the engine's parser does. */
async function assertAgreesWithEngine(source: string): Promise<void> {
  const directives = parseDirectives(ts.createSourceFile("sample.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  const tokens = (await tokenizeWithOffsets(source)).flat();
  const scoped = (scope: string) => tokens.filter((token) => token.scopes.includes(scope));
  const context = (what: string) => `${what} in ${JSON.stringify(source)}`;

  assert.deepEqual(
    scoped("keyword.control.directive.concurrency-lint").map((token) => token.start),
    directives.map((directive) => source.indexOf("concurrency-lint-disable", directive.start)),
    context("keywords"),
  );
  const engineIds = directives.flatMap((directive) =>
    directive.ruleIds.flatMap((id, i) => (/^[a-z][a-z0-9-]*$/.test(id) ? [{ text: id, start: directive.ruleIdSpans[i].start }] : [])),
  );
  assert.deepEqual(
    scoped(RULE).map((token) => ({ text: token.text, start: token.start })),
    engineIds,
    context("rule ids"),
  );
  for (const directive of directives) {
    const inside = (token: PositionedToken) => token.start >= directive.start && token.end <= directive.end;
    const reasonTokens = scoped(REASON).filter(inside);
    const reason = reasonTokens.length === 0 ? undefined : source.slice(reasonTokens[0].start, reasonTokens[reasonTokens.length - 1].end);
    assert.equal(reason, directive.reason, context(`reason of the directive at ${directive.start}`));
  }
  // Nothing outside the directives' comments is touched: code after a directive keeps its scopes.
  const outside = tokens.filter((token) => !directives.some((directive) => token.start >= directive.start && token.end <= directive.end));
  assert.deepEqual(
    outside.filter((token) => token.scopes.some((scope) => scope.endsWith(".concurrency-lint"))).map((token) => token.text),
    [],
    context("directive scopes outside directives"),
  );
}

/** A seeded generator of directive comments built from the pieces the engine's parser distinguishes. */
function* generatedSamples(count: number): Generator<string> {
  let seed = 0x2545f491;
  const random = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const pick = <T>(items: readonly T[]): T => items[random(items.length)];
  const parts = ["floating-promise", "a", "b-2", "a--b", "Foo", "x y", "--x", "x--", "-", "@scope/rule", "", " "];
  for (let i = 0; i < count; i++) {
    const block = random(3) > 0;
    const opener = block ? pick(["/*", "/* ", "/** ", "/**", "/*\n", "/**\n  ", "/*\n\n\t", "/*  \n"]) : pick(["//", "// ", "//\t"]);
    const keyword = pick(["concurrency-lint-disable", "concurrency-lint-disable-line", "concurrency-lint-disable-next-line", "concurrency-lint-disable-lines", "concurrency-lint-disabl"]);
    const ids: string[] = [];
    for (let n = random(4); n > 0; n--) ids.push(pick(parts));
    const comma = () => pick(block ? [",", ", ", " ,", ",\n  "] : [",", ", ", " , "]);
    let body = ids.length > 0 ? pick([" ", "  ", "\t"]) + ids.map((id, k) => (k === 0 ? id : comma() + id)).join("") : "";
    body += pick(["", "", " -- why", " --", " -- a -- b", "--x", " -- ", block ? " --\n  two lines" : " -- end", block ? "\n-- next" : " --  spaced  "]);
    const closer = block ? pick([" */", "*/", "\n*/", "\n */"]) : "";
    const before = pick(["", "void run(); ", 'const s = "', "  "]);
    const after = before === 'const s = "' ? '";' : block ? pick(["", " void run();"]) : "";
    yield `${before}${opener}${keyword}${body}${closer}${after}\nvoid run();\n`;
  }
}

describe("directive grammar: agrees with the engine's parser", () => {
  for (const [name, source] of Object.entries(AGREEMENT_SAMPLES)) {
    it(name, () => assertAgreesWithEngine(source));
  }

  it("on 500 generated directive comments", async () => {
    for (const source of generatedSamples(500)) await assertAgreesWithEngine(source);
  });
});

describe("directive grammar: file", () => {
  it("injects into the four TS/JS grammars' comment scopes", () => {
    const grammar = readJson(GRAMMAR_PATH) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    const selectors = grammar.injectionSelector.split(",").map((selector) => selector.trim());
    const expected = Object.values(HOSTS).flatMap((suffix) =>
      ["comment.line.double-slash", "comment.block", "comment.block.documentation"].map((scope) => `L:${scope}.${suffix}`),
    );
    assert.deepEqual([...selectors].sort(), [...expected].sort());
  });

  it("is contributed by package.json with the same scope and hosts", () => {
    const manifest = readJson("package.json") as { contributes?: { grammars?: { path?: string; scopeName?: string; injectTo?: string[] }[] } };
    const entry = manifest.contributes?.grammars?.find((grammar) => path.normalize(grammar.path ?? "") === path.normalize(GRAMMAR_PATH));
    assert.ok(entry, `package.json contributes.grammars has no entry for ${GRAMMAR_PATH}`);
    assert.equal(entry.scopeName, INJECTION_SCOPE);
    assert.deepEqual([...(entry.injectTo ?? [])].sort(), [...HOST_SCOPES].sort());
  });
});
