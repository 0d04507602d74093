/**
 * Configuration: `concurrency-lint.json` files, their JSON schema, validation with positioned
 * errors, and the lookup of the file that applies to a linted file.
 *
 * Lookup rule: the nearest `concurrency-lint.json` walking up from a linted file's folder applies,
 * alone. Files are never merged (no cascade, no `extends`, no `root`): what a config file says is
 * everything that applies below it, so one file can be read without hunting for its parents.
 */
import * as nodeFs from "node:fs";
import * as path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import {
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from "jsonc-parser";
import picomatch from "picomatch";
import type { AnyRule, JsonSchema, RuleSetting, Severity } from "./types";

export const CONFIG_FILE_NAME = "concurrency-lint.json";

const SEVERITIES: readonly Severity[] = ["off", "info", "warning", "error"];

const TOP_LEVEL_KEYS = ["$schema", "include", "exclude", "requireSuppressionReason", "honorPeerSuppressions", "engine", "rules"] as const;

/** The compilers that can answer the rules' type questions (ARCHITECTURE.md, "TypeScript 7 engine"). */
export const ENGINES = ["ts6", "ts7"] as const;
export type EngineName = (typeof ENGINES)[number];

/** One thing wrong in a configuration file. `line`/`column` are 1-based. */
export interface ConfigProblem {
  message: string;
  /** The key it is about, as `rules.floating-promise[1].ignoreVoid`. */
  key?: string;
  line?: number;
  column?: number;
}

/**
 * What is wrong in a configuration file: every problem found, in the order of the file. The
 * error's `message` has one line per problem, each `file:line:column: problem` (or `file: problem`
 * when there is no position), so it can be printed as is; `detail`, `key`, `line` and `column`
 * describe the first problem.
 */
export class ConfigError extends Error {
  readonly detail: string;
  readonly key?: string;
  readonly line?: number;
  readonly column?: number;
  readonly problems: readonly ConfigProblem[];

  constructor(message: string, file: string, key?: string, line?: number, column?: number);
  constructor(problems: readonly ConfigProblem[], file: string);
  constructor(
    messageOrProblems: string | readonly ConfigProblem[],
    readonly file: string,
    key?: string,
    line?: number,
    column?: number,
  ) {
    const problems =
      typeof messageOrProblems === "string" ? [{ message: messageOrProblems, key, line, column }] : messageOrProblems;
    super(problems.map((problem) => problemLine(file, problem)).join("\n"));
    this.name = "ConfigError";
    this.problems = problems;
    const [first] = problems;
    this.detail = first?.message ?? "";
    this.key = first?.key;
    this.line = first?.line;
    this.column = first?.line === undefined ? undefined : (first.column ?? 1);
  }
}

function problemLine(file: string, problem: ConfigProblem): string {
  return problem.line === undefined ? `${file}: ${problem.message}` : `${file}:${problem.line}:${problem.column ?? 1}: ${problem.message}`;
}

export interface ResolvedConfig {
  /** The config file used, or undefined for defaults. */
  file: string | undefined;
  /** Base folder for `include`/`exclude`. */
  dir: string;
  requireSuppressionReason: boolean;
  /** Whether ESLint, oxlint and Biome comments for the mapped peer rules suppress ours. */
  honorPeerSuppressions: boolean;
  /** The engine the file asks for (`"engine"`); undefined: not said (the default, `ts6`, or the command line's). */
  engine?: EngineName;
  /** Every registered rule, with severity and options filled in from its defaults. */
  rules: ReadonlyMap<string, RuleSetting>;
  include: string[];
  exclude: string[];
}

const DEFAULT_INCLUDE = ["**"];

// ---------------------------------------------------------------------------------------------
// Schema

/** The draft-07 JSON schema of a whole `concurrency-lint.json` for this rule set. */
export function buildConfigSchema(rules: readonly AnyRule[]): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    const { id, docs, optionsSchema, defaultSeverity } = rule.meta;
    const options: JsonSchema = {
      ...optionsSchema,
      additionalProperties: optionsSchema.additionalProperties ?? false,
    };
    ruleProperties[id] = {
      description: docs.description,
      default: defaultSeverity,
      anyOf: [
        severitySchema(rule),
        {
          type: "array",
          description: "[severity] or [severity, options]",
          items: [severitySchema(rule), options],
          minItems: 1,
          maxItems: 2,
        },
      ],
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "concurrency-lint configuration",
    description:
      "Configuration of concurrency-lint. The nearest concurrency-lint.json above a linted file applies, alone: files are not merged.",
    type: "object",
    properties: {
      $schema: { type: "string", description: "The JSON schema of this file, for editors." },
      include: {
        type: "array",
        items: { type: "string" },
        description:
          "Globs of the files to lint, relative to this file's folder (a folder name stands for everything in it). Default: every file.",
      },
      exclude: {
        type: "array",
        items: { type: "string" },
        description:
          "Globs of the files not to lint, relative to this file's folder. node_modules and declaration files are never linted.",
      },
      requireSuppressionReason: {
        type: "boolean",
        default: false,
        description:
          'Require every concurrency-lint-disable comment to give a reason after " -- " (reported by missing-suppression-reason).',
      },
      honorPeerSuppressions: {
        type: "boolean",
        default: true,
        description:
          "Let eslint-disable, oxlint-disable and biome-ignore comments for the same bug classes (no-floating-promises, noFloatingPromises, no-misused-promises, require-atomic-updates, n/no-sync, ...) suppress the matching concurrency-lint rule. Comments that name no rule never do.",
      },
      engine: {
        type: "string",
        enum: [...ENGINES],
        default: "ts6",
        description:
          'The compiler that answers the rules\' type questions: "ts6" (TypeScript 6, the default) or "ts7" (experimental: TypeScript 7\'s native compiler, the typescript7 package). The command line\'s --engine wins; a project uses the file that applies to its tsconfig.json.',
      },
      rules: {
        type: "object",
        description: 'Severity of each rule by id: "off", "info", "warning" or "error", or [severity, options].',
        properties: ruleProperties,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

// Inlined rather than a `$ref` to a definition: ajv reports errors under a `$ref` with the
// definition's schema path, which would hide which `anyOf` branch they came from.
function severitySchema(rule: AnyRule): JsonSchema {
  if (rule.meta.alwaysOn) {
    return {
      type: "string",
      enum: [rule.meta.defaultSeverity],
      description: `Always "${rule.meta.defaultSeverity}": this report cannot be turned off or changed (exclude a file instead).`,
    };
  }
  return {
    type: "string",
    enum: [...SEVERITIES],
    description: '"off" disables the rule; "info", "warning" and "error" set how its findings are reported.',
  };
}

interface CompiledRuleSet {
  validate: ValidateFunction;
  ruleIds: string[];
  /** Rules whose severity cannot change, with that severity. */
  fixed: ReadonlyMap<string, Severity>;
}

// Keyed by the rule array itself: the registry is one frozen array, so this compiles once.
const compiled = new WeakMap<readonly AnyRule[], CompiledRuleSet>();

function compileRuleSet(rules: readonly AnyRule[]): CompiledRuleSet {
  let entry = compiled.get(rules);
  if (!entry) {
    // strictTuples: `[severity, options]` with `minItems: 1` is a deliberate open tuple.
    // strictTypes: rule option schemas may omit `type` beside `properties`; that is not our bug.
    const ajv = new Ajv({ allErrors: false, verbose: true, strictTuples: false, strictTypes: false });
    entry = { validate: ajv.compile(buildConfigSchema(rules)), ruleIds: rules.map((rule) => rule.meta.id), fixed: fixedSeverities(rules) };
    compiled.set(rules, entry);
  }
  return entry;
}

/**
 * Whether a configuration is valid by the schema without asking ajv: true only for the common
 * shapes it accepts (`{}`; the top-level flags and globs; rules set to a severity alone), false
 * for anything else, which ajv then validates. Compiling the schema costs a few hundred
 * milliseconds, more than a warm `--cache` run spends on everything else.
 */
function plainlyValid(data: unknown, rules: readonly AnyRule[]): boolean {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const isStrings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");
  for (const [key, value] of Object.entries(data)) {
    const valid =
      key === "$schema"
        ? typeof value === "string"
        : key === "include" || key === "exclude"
          ? isStrings(value)
          : key === "requireSuppressionReason" || key === "honorPeerSuppressions"
            ? typeof value === "boolean"
            : key === "engine"
              ? (ENGINES as readonly unknown[]).includes(value)
              : key === "rules" && plainRules(value, rules);
    if (!valid) return false;
  }
  return true;
}

/** `rules` whose every key is a rule id and every value a severity that rule accepts (its `severitySchema`). */
function plainRules(value: unknown, rules: readonly AnyRule[]): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  return Object.entries(value).every(([id, severity]) => {
    const rule = byId.get(id);
    if (rule === undefined || typeof severity !== "string") return false;
    return rule.meta.alwaysOn ? severity === rule.meta.defaultSeverity : (SEVERITIES as readonly string[]).includes(severity);
  });
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation

/**
 * Bounds that keep a broken or hostile file from taking minutes and gigabytes (a 50 MB file of
 * 1.9 million globs did) or the stack (arrays nested 3,000 deep): a real configuration is a few
 * kilobytes, at most 7 levels deep, with globs shorter than a path.
 */
const CONFIG_LIMITS = { bytes: 1024 * 1024, depth: 32, globs: 10_000, globLength: 4096 } as const;

/** Problems shown per file (the rest are counted); problems looked for per file. */
const MAX_PROBLEMS = 20;
const MAX_PROBLEMS_FOUND = 500;

export function parseConfig(text: string, file: string, rules: readonly AnyRule[]): ResolvedConfig {
  if (text.length > CONFIG_LIMITS.bytes) {
    throw new ConfigError(`the file is ${megabytes(text.length)}; a configuration file may have at most 1 MB`, file);
  }
  const lines = lineStarts(text);
  const problems: ConfigProblem[] = [];
  const add = (message: string, offset: number, key?: string) => {
    const { line, column } = lineColumn(lines, offset);
    const repeated = problems.some((problem) => problem.message === message && problem.line === line && problem.column === column);
    if (!repeated && problems.length < MAX_PROBLEMS_FOUND) problems.push({ message, key, line, column });
  };
  const stopIfAny = () => {
    if (problems.length === 0) return;
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const more = problems.length - MAX_PROBLEMS;
    const count = `${more}${problems.length >= MAX_PROBLEMS_FOUND ? "+" : ""}`;
    const shown = more > 0 ? [...problems.slice(0, MAX_PROBLEMS), { message: `and ${count} more problem${more === 1 ? "" : "s"}` }] : problems;
    throw new ConfigError(shown, file);
  };

  const deep = findTooDeep(text);
  if (deep) {
    const where = deep.path.length > 0 ? `the value of ${String(deep.path[0])}` : "the configuration";
    add(`${where} is nested more than ${CONFIG_LIMITS.depth} levels deep`, deep.offset, deep.path.length > 0 ? String(deep.path[0]) : undefined);
  }
  stopIfAny();

  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  // One syntax error per place: at the end of a cut-off file, "expected a value" is followed there
  // by one "expected a closing brace" per open object, all consequences of the first.
  const placed = new Set<number>();
  for (const error of parseErrors) {
    if (problems.length >= MAX_PROBLEMS_FOUND) break;
    if (!placed.has(error.offset)) add(`invalid JSON: ${parseErrorInWords(error.error)}`, error.offset);
    placed.add(error.offset);
  }
  if (!root && problems.length === 0) add("invalid JSON: expected a value", 0);
  stopIfAny();
  if (!root) throw new ConfigError(problems, file);

  for (const badKey of findBadKeys(root)) {
    const where = badKey.path.length ? ` in ${formatPath(badKey.path)}` : "";
    const what = badKey.key === "__proto__" ? "key not allowed" : "duplicate key";
    add(`${what} "${badKey.key}"${where}`, badKey.node.offset, formatPath([...badKey.path, badKey.key]));
  }
  stopIfAny();

  const data: unknown = getNodeValue(root);
  if (!plainlyValid(data, rules)) {
    const { validate, ruleIds, fixed } = compileRuleSet(rules);
    // ajv stops at the first failure (its messages are built around one); to report them all, the
    // value at fault is set aside and the rest validated again.
    const remaining = structuredClone(data);
    for (let round = 0; round < MAX_PROBLEMS_FOUND && !validate(remaining); round++) {
      const problem = describeError(validate.errors ?? [], ruleIds, remaining, fixed);
      const node = nodeOf(root, problem.path, problem.property);
      const keyPath = problem.property === undefined ? problem.path : [...problem.path, problem.property];
      add(problem.message, node?.offset ?? root.offset, formatPath(keyPath) || undefined);
      if (!setAside(remaining, problem)) break;
    }
    stopIfAny();
  }

  const config = data as {
    include?: string[];
    exclude?: string[];
    requireSuppressionReason?: boolean;
    honorPeerSuppressions?: boolean;
    engine?: EngineName;
    rules?: Record<string, unknown>;
  };
  for (const key of ["include", "exclude"] as const) {
    const globs = config[key] ?? [];
    if (globs.length > CONFIG_LIMITS.globs) {
      add(`${key} has ${globs.length.toLocaleString("en")} globs; at most ${CONFIG_LIMITS.globs.toLocaleString("en")} are allowed`, findNodeAtLocation(root, [key])?.offset ?? 0, key);
      continue;
    }
    globs.forEach((glob, index) => {
      if (glob.length > CONFIG_LIMITS.globLength) {
        const node = findNodeAtLocation(root, [key, index]);
        add(`${key}[${index}] is ${glob.length.toLocaleString("en")} characters long; a glob may have at most ${CONFIG_LIMITS.globLength.toLocaleString("en")}`, node?.offset ?? 0, `${key}[${index}]`);
      }
    });
  }
  stopIfAny();

  return {
    file,
    dir: path.dirname(file),
    requireSuppressionReason: config.requireSuppressionReason ?? false,
    honorPeerSuppressions: config.honorPeerSuppressions ?? true,
    ...(config.engine === undefined ? {} : { engine: config.engine }),
    rules: ruleSettings(rules, config.rules ?? {}),
    include: config.include ?? [...DEFAULT_INCLUDE],
    exclude: config.exclude ?? [],
  };
}

function megabytes(characters: number): string {
  return `${(characters / (1024 * 1024)).toFixed(1)} MB`;
}

const PARSE_ERRORS_IN_WORDS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a key in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected a colon",
  CommaExpected: "expected a comma",
  CloseBraceExpected: 'expected a closing brace "}"',
  CloseBracketExpected: 'expected a closing bracket "]"',
  EndOfFileExpected: "expected the end of the file",
  InvalidCommentToken: "invalid comment",
  UnexpectedEndOfComment: "a comment is not closed",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number is cut short",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in a string",
};

function parseErrorInWords(code: ParseError["error"]): string {
  const name = printParseErrorCode(code);
  return PARSE_ERRORS_IN_WORDS[name] ?? name;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, string: 10, eof: 17 } as const;

/**
 * The first object or array nested deeper than the limit, found with the scanner (no recursion),
 * with the keys and indexes that lead to it.
 */
function findTooDeep(text: string): { offset: number; path: JsonPath } | undefined {
  const scanner = createScanner(text, true);
  const stack: { array: boolean; key: string | number; expectKey: boolean }[] = [];
  // Read as plain numbers: the const enum cannot be imported.
  for (let token: number = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      if (stack.length >= CONFIG_LIMITS.depth) return { offset: scanner.getTokenOffset(), path: stack.map((entry) => entry.key) };
      if (top && !top.array) top.expectKey = false;
      stack.push({ array: token === TOKEN.openBracket, key: token === TOKEN.openBracket ? 0 : "", expectKey: true });
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      stack.pop();
    } else if (token === TOKEN.comma && top) {
      if (top.array && typeof top.key === "number") top.key++;
      else top.expectKey = true;
    } else if (token === TOKEN.string && top && !top.array && top.expectKey) {
      top.key = scanner.getTokenValue();
      top.expectKey = false;
    }
  }
  return undefined;
}

/**
 * Removes the value a problem is about from `data`, so that validating again finds the next one:
 * the unexpected property itself, else the object property that holds the faulty value (an array
 * item is not spliced out, which would renumber its siblings). False when nothing can be removed.
 */
function setAside(data: unknown, problem: Problem): boolean {
  const target = problem.property === undefined ? problem.path : [...problem.path, problem.property];
  for (let end = target.length; end > 0; end--) {
    const key = target[end - 1];
    if (typeof key !== "string") continue;
    let parent: unknown = data;
    for (const segment of target.slice(0, end - 1)) parent = (parent as Record<string | number, unknown>)[segment];
    if (parent !== null && typeof parent === "object" && !Array.isArray(parent) && key in parent) {
      delete (parent as Record<string, unknown>)[key];
      return true;
    }
  }
  return false;
}

/** The configuration that applies where no config file exists. */
export function defaultConfig(dir: string, rules: readonly AnyRule[]): ResolvedConfig {
  return {
    file: undefined,
    dir,
    requireSuppressionReason: false,
    honorPeerSuppressions: true,
    rules: ruleSettings(rules, {}),
    include: [...DEFAULT_INCLUDE],
    exclude: [],
  };
}

/** Every rule's setting: the user's severity and options (validated) over the rule's defaults. */
function ruleSettings(rules: readonly AnyRule[], user: Record<string, unknown>): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) {
    const value = user[rule.meta.id];
    const [severity, options] = (Array.isArray(value) ? value : [value]) as [Severity | undefined, object?];
    settings.set(rule.meta.id, {
      severity: severity ?? rule.meta.defaultSeverity,
      options: { ...(rule.meta.defaultOptions as Record<string, unknown>), ...options },
    });
  }
  return settings;
}

type JsonPath = (string | number)[];

interface Problem {
  message: string;
  /** Path of the value the error is about. */
  path: JsonPath;
  /** For an unexpected property: its key inside `path` (the error then points at the key). */
  property?: string;
}

const SEVERITY_LIST = '"off", "info", "warning" or "error"';

/**
 * Turns ajv's errors into one problem. With `allErrors: false` ajv stops at the first failure,
 * except that an `anyOf` collects one failure per branch before its own; of those we follow the
 * branch whose type matched the data (the string branch for "erro", the array branch for a tuple).
 */
function describeError(
  errors: readonly ErrorObject[],
  ruleIds: readonly string[],
  data: unknown,
  fixed: ReadonlyMap<string, Severity>,
): Problem {
  const last = errors[errors.length - 1];
  if (!last) return { message: "is not valid", path: [] };
  const error = followAnyOf(last, errors);
  const dataPath = parseInstancePath(error.instancePath, data);
  const where = formatPath(dataPath) || "the configuration";
  const isRuleValue = dataPath.length === 2 && dataPath[0] === "rules";
  const isSeverity = isRuleValue || (dataPath.length === 3 && dataPath[0] === "rules" && dataPath[2] === 0);

  switch (error.keyword) {
    case "anyOf":
      if (isRuleValue) {
        return {
          message: `${where} must be a severity (${SEVERITY_LIST}) or an array [severity] or [severity, {options}]`,
          path: dataPath,
        };
      }
      return { message: `${where} ${describeAlternatives(error, errors)}`, path: dataPath };
    case "oneOf":
      return { message: `${where} ${describeAlternatives(error, errors)}`, path: dataPath };
    case "required": {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return { message: `${where} is missing the key "${missing}"`, path: dataPath };
    }
    case "additionalProperties": {
      const property = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      if (dataPath.length === 0) {
        return { message: `unknown key "${property}" (allowed: ${TOP_LEVEL_KEYS.join(", ")})`, path: dataPath, property };
      }
      if (dataPath.length === 1 && dataPath[0] === "rules") {
        const guess = closestMatch(property, ruleIds);
        const hint = guess ? ` (did you mean "${guess}"?)` : "";
        return { message: `unknown rule id "${property}" in rules${hint}`, path: dataPath, property };
      }
      const list = allowed.length ? `allowed: ${allowed.join(", ")}` : "this rule has no options";
      return { message: `unknown option "${property}" in ${where} (${list})`, path: dataPath, property };
    }
    case "minItems":
    case "maxItems":
    case "additionalItems":
      if (isRuleValue) {
        const count = Array.isArray(error.data) ? error.data.length : 0;
        return { message: `${where} must be [severity] or [severity, {options}] (got ${count} items)`, path: dataPath };
      }
      if (error.keyword === "minItems" && (error.params as { limit?: number }).limit === 1) {
        return { message: `${where} must not be empty`, path: dataPath };
      }
      return { message: `${where} ${error.message ?? "is not valid"}`, path: dataPath };
    case "enum":
    case "type":
      if (isSeverity && fixed.has(String(dataPath[1]))) {
        const id = String(dataPath[1]);
        return { message: `${fixedSeverityMessage(id, fixed.get(id) ?? "error")} (got ${preview(error.data)})`, path: dataPath };
      }
      if (isSeverity) {
        return { message: `${where} must be ${SEVERITY_LIST} (got ${preview(error.data)})`, path: dataPath };
      }
      if (error.keyword === "enum") {
        const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(preview).join(", ");
        return { message: `${where} must be one of ${allowed} (got ${preview(error.data)})`, path: dataPath };
      }
      if (dataPath.length === 0) return { message: "the configuration must be a JSON object", path: dataPath };
      return { message: `${where} must be ${typeNames(error.params)}`, path: dataPath };
    case "minLength":
      if ((error.params as { limit?: number }).limit === 1) return { message: `${where} must not be empty`, path: dataPath };
      return { message: `${where} ${error.message ?? "is not valid"}`, path: dataPath };
    default:
      return { message: `${where} ${error.message ?? "is not valid"}`, path: dataPath };
  }
}

function fixedSeverities(rules: readonly AnyRule[]): Map<string, Severity> {
  return new Map(rules.filter((rule) => rule.meta.alwaysOn).map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
}

function fixedSeverityMessage(id: string, severity: Severity): string {
  return `${id} is always "${severity}" and cannot be turned off or changed: the files it reports are never linted; exclude such a file with "exclude" instead`;
}

function followAnyOf(error: ErrorObject, errors: readonly ErrorObject[]): ErrorObject {
  if (error.keyword !== "anyOf" && error.keyword !== "oneOf") return error;
  const prefix = `${error.schemaPath}/`;
  const branches = new Map<string, ErrorObject[]>();
  for (const candidate of errors) {
    if (!candidate.schemaPath.startsWith(prefix)) continue;
    const branch = candidate.schemaPath.slice(prefix.length).split("/")[0] ?? "";
    branches.set(branch, [...(branches.get(branch) ?? []), candidate]);
  }
  // A branch whose first error is a `type` (or severity enum via $ref) mismatch on the same value
  // did not apply to the data; follow the one that did.
  const applicable = [...branches.values()].filter((branchErrors) => {
    const first = branchErrors[0];
    return first !== undefined && !(first.keyword === "type" && first.instancePath === error.instancePath);
  });
  const chosen = applicable.length === 1 ? applicable[0] : undefined;
  if (!chosen) return error;
  const innermost = chosen[chosen.length - 1];
  return innermost ? followAnyOf(innermost, chosen) : error;
}

/** What an `anyOf`/`oneOf` wants, when no branch applied to the data's type (or several did). */
function describeAlternatives(error: ErrorObject, errors: readonly ErrorObject[]): string {
  const branches = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
  // `oneOf: [{ required: ["a"] }, { required: ["b"] }]`: exactly one of some keys.
  const keys = branches.flatMap((branch) => {
    const required = (branch as { required?: unknown }).required;
    const onlyRequired = branch !== null && typeof branch === "object" && Object.keys(branch).length === 1;
    return onlyRequired && Array.isArray(required) ? required.map((key) => `"${String(key)}"`) : [];
  });
  const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
  if (keys.length === branches.length && keys.length > 0) {
    return passing ? `must have only one of the keys ${keys.join(", ")}` : `needs one of the keys ${keys.join(", ")}`;
  }
  if (passing) return "matches more than one of the allowed forms";
  const prefix = `${error.schemaPath}/`;
  const types = new Set<string>();
  for (const candidate of errors) {
    if (candidate.schemaPath.startsWith(prefix) && candidate.keyword === "type" && candidate.instancePath === error.instancePath) {
      types.add(typeNames(candidate.params));
    }
  }
  return types.size ? `must be ${[...types].join(" or ")}` : "does not match any of the allowed forms";
}

function typeNames(params: unknown): string {
  const type = (params as { type?: string | string[] }).type ?? "valid";
  return Array.isArray(type) ? type.join(" or ") : type;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** `/rules/floating-promise/1/ignoreVoid` to `["rules", "floating-promise", 1, "ignoreVoid"]`. */
function parseInstancePath(instancePath: string, data: unknown): JsonPath {
  if (!instancePath) return [];
  const result: JsonPath = [];
  let value = data;
  for (const raw of instancePath.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    // Only the data knows whether "1" is an array index or an object key.
    const key = Array.isArray(value) ? Number(segment) : segment;
    result.push(key);
    value = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return result;
}

/** `rules.floating-promise[1].ignoreVoid`. */
function formatPath(jsonPath: readonly (string | number)[]): string {
  let out = "";
  for (const segment of jsonPath) {
    out += typeof segment === "number" ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}

function nodeOf(root: JsonNode, jsonPath: JsonPath, property: string | undefined): JsonNode | undefined {
  const value = findNodeAtLocation(root, jsonPath);
  if (property === undefined) return value;
  const child = findNodeAtLocation(root, [...jsonPath, property]);
  // Point at the key of an unexpected property, where the reader has to change something.
  return child?.parent?.type === "property" ? child.parent.children?.[0] : value;
}

/**
 * Keys JSON allows but our data would lose: a repeated key (the last would silently win) or
 * `__proto__` (it would set the parsed object's prototype instead of adding a key).
 */
function findBadKeys(node: JsonNode, at: JsonPath = [], found: { key: string; node: JsonNode; path: JsonPath }[] = []) {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key) || key === "__proto__") found.push({ key, node: keyNode, path: at });
      seen.add(key);
      if (valueNode) findBadKeys(valueNode, [...at, key], found);
    }
  } else if (node.type === "array") {
    for (const [index, item] of (node.children ?? []).entries()) findBadKeys(item, [...at, index], found);
  }
  return found;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 /* \n */) starts.push(index + 1);
    else if (char === 13 /* \r */ && text.charCodeAt(index + 1) !== 10) starts.push(index + 1);
  }
  return starts;
}

/** 1-based line and column, as editors and compilers print them. */
function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

// ---------------------------------------------------------------------------------------------
// "Did you mean"

/** The candidate closest to `name` by edit distance, if it is close enough to be a typo. */
export function closestMatch(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Lookup

/** The file system calls the resolver makes; tests pass an in-memory one. */
export interface ConfigFileSystem {
  /** Whether `file` exists and is a regular file. */
  isFile(file: string): boolean;
  readFile(file: string): string;
}

const nodeFileSystem: ConfigFileSystem = {
  isFile(file) {
    try {
      return nodeFs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readFile(file) {
    return nodeFs.readFileSync(file, "utf8");
  },
};

type Cached = { config: ResolvedConfig } | { error: unknown };

export class ConfigResolver {
  /** Per directory of a linted file: the config that applies there. */
  private readonly byDirectory = new Map<string, Cached>();
  /** Per config file: shared by every directory below it. */
  private readonly byFile = new Map<string, Cached>();

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly overrides: ReadonlyMap<string, Severity> = new Map(),
    private readonly fs: ConfigFileSystem = nodeFileSystem,
  ) {}

  /** Nearest config above `fileName` (cached per directory); defaults when none. Throws ConfigError. */
  configFor(fileName: string): ResolvedConfig {
    const start = path.dirname(path.resolve(fileName));
    const visited: string[] = [];
    let result: Cached | undefined;
    for (let dir = start; ; dir = path.dirname(dir)) {
      result = this.byDirectory.get(dir);
      if (result) break;
      visited.push(dir);
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (this.fs.isFile(candidate)) {
        result = this.loadCached(candidate);
        break;
      }
      if (path.dirname(dir) === dir) {
        // Based at the file system root so that one default config serves every visited folder.
        result = { config: this.withOverrides(defaultConfig(dir, this.rules)) };
        break;
      }
    }
    for (const dir of visited) this.byDirectory.set(dir, result);
    if ("error" in result) throw result.error;
    return result.config;
  }

  /** Load an explicit file (CLI `--config`, `--print-config`). Throws ConfigError. */
  load(file: string): ResolvedConfig {
    const result = this.loadCached(path.resolve(file));
    if ("error" in result) throw result.error;
    return result.config;
  }

  /** Drop all caches (the language server calls this when a config file changes on disk). */
  clear(): void {
    this.byDirectory.clear();
    this.byFile.clear();
  }

  private loadCached(file: string): Cached {
    let result = this.byFile.get(file);
    if (!result) {
      try {
        let text: string;
        try {
          text = this.fs.readFile(file);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new ConfigError(`cannot read the config file: ${reason}`, file);
        }
        result = { config: this.withOverrides(parseConfig(text, file, this.rules)) };
      } catch (error) {
        // Cached too: a broken config fails every file below it the same way, read once.
        result = { error };
      }
      this.byFile.set(file, result);
    }
    return result;
  }

  /** `--rule id=severity` replaces the severity only; the file's options for that rule stay. */
  private withOverrides(config: ResolvedConfig): ResolvedConfig {
    if (this.overrides.size === 0) return config;
    const rules = new Map(config.rules);
    for (const [id, severity] of this.overrides) {
      const setting = rules.get(id);
      if (setting) rules.set(id, { ...setting, severity });
    }
    return { ...config, rules };
  }
}

// ---------------------------------------------------------------------------------------------
// Include / exclude

interface Matchers {
  include: (relative: string) => boolean;
  exclude: (relative: string) => boolean;
}

const matcherCache = new WeakMap<ResolvedConfig, Matchers>();

function compileGlobs(globs: readonly string[]): (relative: string) => boolean {
  if (globs.length === 0) return () => false;
  // A bare folder name ("src") stands for everything in it, as users expect from tsconfig.
  const patterns = globs.flatMap((glob) => {
    const clean = glob.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/$/, "");
    return [clean, `${clean}/**`];
  });
  // `s`: a `*` or `**` also matches a line feed or carriage return, which file names may contain.
  return picomatch(patterns, { dot: true, flags: "s" });
}

function matchersOf(config: ResolvedConfig): Matchers {
  let matchers = matcherCache.get(config);
  if (!matchers) {
    matchers = { include: compileGlobs(config.include), exclude: compileGlobs(config.exclude) };
    matcherCache.set(config, matchers);
  }
  return matchers;
}

const DECLARATION_FILE = /\.d\.[cm]?ts$|\.d\.[^/]*\.ts$/i;

/**
 * Whether `fileName` is linted under `config`: inside `config.dir`, matched by an include glob and
 * by no exclude glob. node_modules and declaration files are never linted.
 */
export function isFileIncluded(config: ResolvedConfig, fileName: string): boolean {
  const absolute = path.resolve(fileName);
  if (DECLARATION_FILE.test(absolute)) return false;
  if (absolute.split(/[\\/]/).includes("node_modules")) return false;
  const relative = path.relative(config.dir, absolute);
  if (relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return false;
  }
  const posix = relative.split(path.sep).join("/");
  const { include, exclude } = matchersOf(config);
  return include(posix) && !exclude(posix);
}

// ---------------------------------------------------------------------------------------------
// CLI overrides

/** Parses `--rule id=severity`. Throws a ConfigError (file `--rule`) naming what is wrong. */
export function validateRuleOverride(spec: string, rules: readonly AnyRule[]): [string, Severity] {
  const equals = spec.indexOf("=");
  if (equals < 0) {
    throw new ConfigError(`expected id=severity, got "${spec}"`, "--rule");
  }
  const id = spec.slice(0, equals).trim();
  const severity = spec.slice(equals + 1).trim();
  const ids = rules.map((rule) => rule.meta.id);
  if (!ids.includes(id)) {
    const guess = closestMatch(id, ids);
    const hint = guess ? ` (did you mean "${guess}"?)` : "";
    throw new ConfigError(`unknown rule id "${id}" in "${spec}"${hint}`, "--rule", id);
  }
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    throw new ConfigError(`severity must be ${SEVERITY_LIST} (got "${severity}" in "${spec}")`, "--rule", id);
  }
  const fixed = fixedSeverities(rules).get(id);
  if (fixed !== undefined && severity !== fixed) {
    throw new ConfigError(`${fixedSeverityMessage(id, fixed)} (got "${spec}")`, "--rule", id);
  }
  return [id, severity as Severity];
}
