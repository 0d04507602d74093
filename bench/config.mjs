// Benchmark configuration: corpora, tools and the ratios reported by `npm run bench`.
//
// To benchmark another tool, add one object to TOOLS (for an ESLint variant, one more
// `eslintTool({...})` call). To change which of our rules run, edit OURS_RULES.
// See BENCHMARKS.md for the method.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = path.resolve(import.meta.dirname, '..');
const repoRequire = createRequire(path.join(REPO, 'package.json'));

// ---------------------------------------------------------------------------------------------
// Our rule set: the ONE place that decides which concurrency-lint rules the benchmark runs.
// Written to `<corpus>/concurrency-lint.json` as {"rules": OURS_RULES}. Rules added later are
// listed here as "off" until the benchmark is meant to cover them.
export const OURS_RULES = {
  'floating-promise': 'warning',
  'blocking-call-in-async': 'off',
  'misused-promise': 'off',
  'shared-state-across-await': 'off',
  'unhandled-rejection-window': 'off',
  'unused-suppression': 'off',
  'missing-suppression-reason': 'off',
};

// ---------------------------------------------------------------------------------------------
// Corpora: pinned npm packages plus the dependencies that make them type-check in place.
// The package is unpacked to bench/.work/corpora/<name>/package/ (the "corpus folder": the
// tools run there); the dependencies go to bench/.work/corpora/<name>/node_modules/, found by
// normal node_modules lookup from the corpus folder. Lock files live in bench/locks/.
export const CORPORA = [
  {
    name: 'mongodb',
    spec: 'mongodb@7.9.0',
    description: 'the MongoDB driver: async TypeScript',
    dependencies: {
      'bson': '7.3.4',
      'mongodb-connection-string-url': '7.0.2',
      '@mongodb-js/saslprep': '1.6.3',
      'mongodb-client-encryption': '7.2.1',
      'kerberos': '7.0.0',
      'gcp-metadata': '7.0.1',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: {
        allowJs: true, checkJs: false, strict: true, target: 'ES2023',
        module: 'node16', moduleResolution: 'node16', skipLibCheck: true, lib: ['es2023'],
        types: ['node'], noEmit: true, noImplicitOverride: true, noImplicitReturns: true,
        useUnknownInCatchVariables: false, useDefineForClassFields: false,
      },
      include: ['src/**/*'],
    },
    // The files the linters are asked to lint (ESLint globs, relative to the corpus folder).
    lintFiles: ['src/**/*.ts'],
    jsSourceType: 'module',
    // tsc reports about 55 type errors here (optional peer dependencies): not a failure.
  },
  {
    name: 'npm',
    spec: 'npm@12.2.0',
    description: 'the npm CLI: async CommonJS JavaScript (checkJs off: tsc checks nothing)',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: {
        allowJs: true, checkJs: false, strict: false, target: 'ES2022',
        module: 'node16', moduleResolution: 'node16', skipLibCheck: true, lib: ['es2023'],
        types: ['node'], noEmit: true,
      },
      include: ['lib/**/*.js', 'index.js', 'bin/*.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js', 'bin/*.js'],
    jsSourceType: 'commonjs',
  },
];

// ---------------------------------------------------------------------------------------------
// Tools. Each tool is an object:
//   id           short name used in tables, --tools and file names
//   description  one line for the report
//   kind         'linter' (findings are compared) or 'compiler' (diagnostics are counted)
//   versions()   {name: version} of what it runs, for the report
//   preflight()  throws Error(message) when the tool cannot run at all
//   prepare(c)   writes the tool's config files into the corpus folder c.dir (every run)
//   command(c, outFile)  {file, args, cwd}: the process to time
//   exitOk(code) whether an exit code means "ran" (findings and type errors are not failures)
//   findings(c, outFile, stdoutFile)  {findings: [{file, line, column, ruleId, message}],
//                counts: {label: n}, files?: [absolute paths linted], total?: n}
//                — file is absolute; total overrides findings.length; throws when the output
//                is unusable.
//   countLabel   what findings are called in the table ("findings", "type errors")

function pkgVersion(name) {
  return JSON.parse(readFileSync(repoRequire.resolve(`${name}/package.json`), 'utf8')).version;
}
const nodeBin = process.execPath;
function binOf(pkg, rel) {
  return path.join(path.dirname(repoRequire.resolve(`${pkg}/package.json`)), rel);
}

function readJson(file, what) {
  if (!existsSync(file)) throw new Error(`${what} wrote no output file`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${what} output is not valid JSON (${e.message})`);
  }
}

// concurrency-lint, the tool under test.
const OURS_BIN = path.join(REPO, 'bin', 'concurrency-lint.js');
const oursTool = {
  id: 'ours',
  description: `concurrency-lint (rules: ${Object.entries(OURS_RULES).filter(([, s]) => s !== 'off').map(([r]) => r).join(', ')})`,
  kind: 'linter',
  countLabel: 'findings',
  versions: () => ({
    'concurrency-lint': JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version,
    typescript: pkgVersion('typescript'),
  }),
  preflight() {
    if (!existsSync(OURS_BIN)) {
      throw new Error(`${path.relative(process.cwd(), OURS_BIN) || OURS_BIN} is missing (the CLI is not built yet); ` +
        'run with --tools typescript-eslint,tsc to benchmark the other tools only');
    }
  },
  prepare(c) {
    writeFileSync(path.join(c.dir, 'concurrency-lint.json'), JSON.stringify({ rules: OURS_RULES }, null, 2) + '\n');
  },
  command: (c, outFile) => ({
    file: nodeBin,
    args: [OURS_BIN, '-p', path.join(c.dir, 'tsconfig.json'), '--format', 'json', '--output-file', outFile],
    cwd: c.dir,
  }),
  exitOk: (code) => code === 0 || code === 1,
  findings(c, outFile) {
    const out = readJson(outFile, 'concurrency-lint');
    if (out.schemaVersion !== 1 || !Array.isArray(out.results)) {
      throw new Error('concurrency-lint output has an unexpected shape (schemaVersion 1 with results[] expected)');
    }
    const on = new Set(Object.entries(OURS_RULES).filter(([, s]) => s !== 'off').map(([r]) => r));
    const findings = [];
    let otherRules = 0;
    for (const r of out.results) {
      for (const f of r.findings ?? []) {
        if (!on.has(f.ruleId)) { otherRules++; continue; }
        findings.push({ file: r.filePath, line: f.line, column: f.column, ruleId: f.ruleId, message: f.message });
      }
    }
    const counts = {};
    if (Array.isArray(out.internalErrors) && out.internalErrors.length) counts['internal errors'] = out.internalErrors.length;
    if (otherRules) counts['findings of rules not enabled'] = otherRules;
    counts['files linted'] = out.results.length;
    return { findings, counts, files: out.results.map((r) => r.filePath) };
  },
};

// ESLint variants. `rules` maps rule ids to ESLint severities; `plugins` maps a rule prefix to
// {pkg, member} (member: the export holding the plugin, or omitted for the default export).
// Every variant parses with the typescript-eslint parser; `typeAware` adds projectService.
// Example for a later issue:
//   eslintTool({ id: 'eslint-misused+no-sync', typeAware: true,
//     rules: { '@typescript-eslint/no-misused-promises': 'warn', 'n/no-sync': 'warn' },
//     plugins: { '@typescript-eslint': { pkg: 'typescript-eslint', member: 'plugin' },
//                'n': { pkg: 'eslint-plugin-n' } } })
//   eslintTool({ id: 'eslint-atomic-updates', typeAware: false,
//     rules: { 'require-atomic-updates': 'warn' }, plugins: {} })
export function eslintTool({ id, description, rules, plugins = {}, typeAware = true, versionsOf = [] }) {
  const eslintBin = () => binOf('eslint', 'bin/eslint.js');
  const configName = `eslint.bench.${id.replace(/[^a-z0-9-]/gi, '_')}.config.mjs`;
  const onRules = new Set(Object.entries(rules).filter(([, s]) => s !== 'off' && s !== 0).map(([r]) => r));
  return {
    id,
    description: description ?? `ESLint with ${[...onRules].join(', ')}${typeAware ? ' (typed, projectService)' : ''}`,
    kind: 'linter',
    countLabel: 'findings',
    versions: () => Object.fromEntries(['eslint', 'typescript-eslint', 'typescript', ...versionsOf,
      ...Object.values(plugins).map((p) => p.pkg)].map((p) => [p, pkgVersion(p)])),
    preflight() {
      for (const p of ['eslint', 'typescript-eslint', ...Object.values(plugins).map((x) => x.pkg)]) {
        try { repoRequire.resolve(`${p}/package.json`); } catch {
          throw new Error(`${p} is not installed in ${REPO}/node_modules (run npm install)`);
        }
      }
    },
    prepare(c) {
      // Absolute imports, so the config never depends on where node_modules lookup lands.
      const imp = (pkg) => JSON.stringify(pathToFileURL(repoRequire.resolve(pkg)).href);
      const lines = [
        '// Written by bench/run.mjs; do not edit.',
        `import tseslint from ${imp('typescript-eslint')};`,
      ];
      const pluginEntries = [];
      Object.entries(plugins).forEach(([prefix, p], i) => {
        lines.push(`import plugin${i} from ${imp(p.pkg)};`);
        pluginEntries.push(`${JSON.stringify(prefix)}: plugin${i}${p.member ? `.${p.member}` : ''}`);
      });
      const parserOptions = typeAware ? '{ projectService: true, tsconfigRootDir: import.meta.dirname }' : '{}';
      lines.push(
        'export default [',
        '  {',
        `    files: ${JSON.stringify(c.lintFiles)},`,
        '    languageOptions: {',
        '      parser: tseslint.parser,',
        `      parserOptions: ${parserOptions},`,
        '      ecmaVersion: "latest",',
        `      sourceType: ${JSON.stringify(c.jsSourceType)},`,
        '    },',
        '    linterOptions: { reportUnusedDisableDirectives: "off" },',
        `    plugins: { ${pluginEntries.join(', ')} },`,
        `    rules: ${JSON.stringify(rules)},`,
        '  },',
        '];',
        '',
      );
      writeFileSync(path.join(c.dir, configName), lines.join('\n'));
    },
    command: (c, outFile) => ({
      file: nodeBin,
      // -c: this config only (no lookup of the repo's own eslint.config.*); no --cache.
      args: [eslintBin(), '-c', configName, '--format', 'json', '--output-file', outFile, ...c.lintFiles],
      cwd: c.dir,
    }),
    // 1 = error-level messages (e.g. "Definition for rule ... was not found" from the corpus's
    // own eslint-disable comments); 2 = crash or bad config.
    exitOk: (code) => code === 0 || code === 1,
    findings(c, outFile) {
      const out = readJson(outFile, 'eslint');
      if (!Array.isArray(out)) throw new Error('eslint output is not an array');
      const findings = [];
      const counts = {};
      const bump = (k) => { counts[k] = (counts[k] ?? 0) + 1; };
      for (const r of out) {
        for (const m of r.messages) {
          if (m.fatal) { bump('parse errors'); continue; }
          if (onRules.has(m.ruleId)) {
            findings.push({ file: r.filePath, line: m.line, column: m.column, ruleId: m.ruleId, message: m.message });
          } else if (/^Definition for rule .* was not found/.test(m.message)) {
            bump('"rule not found" errors from the corpus\'s own eslint-disable comments');
          } else {
            bump('other messages');
          }
        }
      }
      counts['files linted'] = out.length;
      return { findings, counts, files: out.map((r) => r.filePath) };
    },
  };
}

const tscTool = {
  id: 'tsc',
  description: 'tsc --noEmit (type check only, the baseline)',
  kind: 'compiler',
  countLabel: 'type errors',
  versions: () => ({ typescript: pkgVersion('typescript') }),
  preflight() {
    try { repoRequire.resolve('typescript/package.json'); } catch {
      throw new Error(`typescript is not installed in ${REPO}/node_modules (run npm install)`);
    }
  },
  prepare() {},
  command: (c) => ({
    file: nodeBin,
    args: [binOf('typescript', 'bin/tsc'), '--noEmit', '-p', path.join(c.dir, 'tsconfig.json')],
    cwd: c.dir,
  }),
  // 0 = clean, 1/2 = type errors reported; anything else (signal, crash) is a failure.
  exitOk: (code) => code === 0 || code === 1 || code === 2,
  findings(c, outFile, stdoutFile) {
    const text = readFileSync(stdoutFile, 'utf8');
    const n = (text.match(/: error TS\d+:/g) ?? []).length;
    const findings = [];
    return { findings, counts: {}, total: n };
  },
};

export const TOOLS = [
  oursTool,
  eslintTool({
    id: 'typescript-eslint',
    description: 'ESLint + typescript-eslint @typescript-eslint/no-floating-promises (defaults, projectService)',
    typeAware: true,
    rules: { '@typescript-eslint/no-floating-promises': 'warn' },
    plugins: { '@typescript-eslint': { pkg: 'typescript-eslint', member: 'plugin' } },
  }),
  tscTool,
];

// Findings of these tool pairs are compared by file:line (written to bench/.work/findings-<corpus>.txt).
export const COMPARISONS = [['ours', 'typescript-eslint']];

// Ratios reported per corpus. metric: wall | cpu | rss (medians). `corpora` limits the target
// to some corpora (the ratio is still shown elsewhere, without a target).
export const RATIOS = [
  { num: 'typescript-eslint', den: 'ours', metric: 'wall', target: { op: '>=', value: 4 } },
  { num: 'ours', den: 'tsc', metric: 'wall', target: { op: '<=', value: 1.0, corpora: ['mongodb'] } },
  { num: 'ours', den: 'tsc', metric: 'rss', target: { op: '<=', value: 1.25 } },
  // CPU-time ratios, no target: less sensitive than wall time to other load on the machine.
  { num: 'typescript-eslint', den: 'ours', metric: 'cpu' },
  { num: 'ours', den: 'tsc', metric: 'cpu' },
];
