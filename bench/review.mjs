#!/usr/bin/env node
// `npm run bench:review`: lints the review corpora (REVIEW_CORPORA in bench/config.mjs: pinned
// npm packages, async-heavy code the rules were never tuned on) and the timed corpora of
// `npm run bench` (CORPORA: mongodb, npm) once each with every rule at its defaults, as a new
// user would, and writes the findings to bench/.work/review-<corpus>.txt, one
// line per finding (stable order, diff-friendly):
//   file:line:col rule messageId severity | first 100 characters of the source line
// plus a per-rule count summary on stderr. Not benchmarked: the time of the one run is printed
// for information only. The classification of the findings
// (real bug / real risk / false alarm) is in BENCHMARKS.md, "Review corpora". Plain Node ESM.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CORPORA, OPT_IN_RULE_IDS, REPO, REVIEW_CORPORA, RULE_IDS } from './config.mjs';
import { BenchError, WORK, childEnv, corpusContext, ensureCorpus, log, rel } from './corpora.mjs';

// Every corpus reviewed: the timed ones first (their findings are also reviewed in BENCHMARKS.md,
// "Findings review"), then the review-only ones.
const ALL = [...CORPORA, ...REVIEW_CORPORA];

const USAGE = `usage: node bench/review.mjs [options]   (npm run bench:review -- [options])
  --corpus NAME     ${ALL.map((c) => c.name).join('|')}; repeatable (default: all)
  --skip-setup      do not (re)check the corpora downloads and installs
  --update-locks    re-resolve the corpora dependencies and rewrite bench/locks/*.json
  --tsc             also count tsc's type errors on each corpus (slower)
  --opt-in          also run the opt-in rules (${OPT_IN_RULE_IDS.join(', ')}) at warning; the lists go to
                    review-<corpus>.opt-in.txt and review-<corpus>.opt-in.fixes.txt
  -h, --help        this text
Findings: bench/.work/review-<corpus>.txt ("file:line:col rule messageId severity | source line").
First fixes: bench/.work/review-<corpus>.fixes.txt ("file:line:col rule messageId | kind: title of the first fix").
Exit status: 0 when the CLI ran on every corpus without internal errors, 2 otherwise (a corpus
whose run fails is reported and the others still run).`;

const OURS_BIN = path.join(REPO, 'bin', 'concurrency-lint.js');

function parseArgs(argv) {
  const o = { corpora: [], skipSetup: false, updateLocks: false, tsc: false, optIn: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--corpus': {
        const v = argv[++i];
        if (!ALL.some((c) => c.name === v)) {
          throw new BenchError(`unknown corpus "${v}" (known: ${ALL.map((c) => c.name).join(', ')})`);
        }
        if (!o.corpora.includes(v)) o.corpora.push(v);
        break;
      }
      case '--skip-setup': o.skipSetup = true; break;
      case '--update-locks': o.updateLocks = true; break;
      case '--tsc': o.tsc = true; break;
      case '--opt-in': o.optIn = true; break;
      case '-h': case '--help': process.stdout.write(USAGE + '\n'); process.exit(0); break;
      default: throw new BenchError(`unknown argument "${a}" (see --help)`);
    }
  }
  if (o.updateLocks && o.skipSetup) throw new BenchError('--update-locks and --skip-setup exclude each other');
  o.corpora = o.corpora.length ? ALL.filter((c) => o.corpora.includes(c.name)) : ALL;
  return o;
}

// No concurrency-lint.json in the corpus folder: the CLI would otherwise use the nearest one
// above it (this repository's own). An empty config = every rule at its default.
const CORPUS_CONFIG = '{}\n';

function lint(ctx, optIn) {
  writeFileSync(path.join(ctx.dir, 'concurrency-lint.json'), CORPUS_CONFIG);
  const outFile = path.join(WORK, 'out', `review-${ctx.name}.json`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  rmSync(outFile, { force: true });
  const r = spawnSync(process.execPath, [OURS_BIN, '-p', path.join(ctx.dir, 'tsconfig.json'), '--format', 'json',
    '--output-file', outFile, ...(optIn ? OPT_IN_RULE_IDS.flatMap((r) => ['--rule', `${r}=warning`]) : [])], { cwd: ctx.dir, env: childEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new BenchError(`concurrency-lint on ${ctx.name} could not start: ${r.error.message}`);
  if ((r.status !== 0 && r.status !== 1) || !existsSync(outFile)) {
    const line = `${r.stderr}`.split('\n').find((s) => s.trim()) ?? '';
    throw new BenchError(`concurrency-lint failed on ${ctx.name} (exit ${r.status ?? r.signal}): ${line.slice(0, 200)}`);
  }
  for (const l of `${r.stderr}`.split('\n').filter((x) => /internal error|parse error/i.test(x))) log(`${ctx.name}: stderr: ${l.slice(0, 300)}`);
  const out = JSON.parse(readFileSync(outFile, 'utf8'));
  if (out.schemaVersion !== 1 || !Array.isArray(out.results)) throw new BenchError('concurrency-lint output has an unexpected shape');
  return out;
}

function relPath(ctx, file) {
  try { file = realpathSync(file); } catch { /* keep */ }
  return path.relative(ctx.dir, file).split(path.sep).join('/');
}

function findingLines(ctx, out) {
  const rows = [];
  const sources = new Map();
  for (const r of out.results) {
    const rp = relPath(ctx, r.filePath);
    for (const f of r.findings ?? []) {
      if (!sources.has(r.filePath)) {
        sources.set(r.filePath, existsSync(r.filePath) ? readFileSync(r.filePath, 'utf8').split(/\r?\n/) : []);
      }
      const src = (sources.get(r.filePath)[f.line - 1] ?? '').trim().slice(0, 100);
      const first = (f.fixes ?? [])[0];
      rows.push({ rel: rp, line: f.line, column: f.column, ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, src,
        fix: first ? `${first.kind ?? 'fix'}: ${first.title}` : '' });
    }
  }
  rows.sort((a, b) => a.rel.localeCompare(b.rel) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return rows;
}

function tscErrors(ctx) {
  const tsc = path.join(path.dirname(createRequire(path.join(REPO, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(ctx.dir, 'tsconfig.json')],
    { cwd: ctx.dir, env: childEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return (r.stdout.match(/: error TS\d+:/g) ?? []).length + (r.stdout.match(/^error TS\d+:/gm) ?? []).length;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(OURS_BIN)) throw new BenchError(`${rel(OURS_BIN)} is missing (the CLI is not built yet: npm run build)`);
  mkdirSync(WORK, { recursive: true });
  for (const c of opts.corpora) if (!opts.skipSetup) ensureCorpus(c, opts);
  const summary = [];
  const failed = [];
  for (const c of opts.corpora) {
    const ctx = corpusContext(c);
    log(`${c.name}: linting with every rule at its defaults`);
    const t0 = Date.now();
    let out;
    try {
      out = lint(ctx, opts.optIn);
    } catch (e) {
      if (!(e instanceof BenchError)) throw e;
      // One corpus failing (a crash, exit 2) must not hide the others' findings.
      log(`${c.name}: FAILED: ${e.message}`);
      failed.push(c.name);
      summary.push({ c, failed: e.message });
      continue;
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const rows = findingLines(ctx, out);
    const suffix = opts.optIn ? '.opt-in' : '';
    const file = path.join(WORK, `review-${c.name}${suffix}.txt`);
    writeFileSync(file, rows.map((f) => `${f.rel}:${f.line}:${f.column} ${f.ruleId} ${f.messageId} ${f.severity} | ${f.src}`).join('\n') + (rows.length ? '\n' : ''));
    // The first offered fix of each finding (what an editor's quick fix offers first), for the
    // "no harmful first suggestion" review.
    writeFileSync(path.join(WORK, `review-${c.name}${suffix}.fixes.txt`), rows.map((f) => `${f.rel}:${f.line}:${f.column} ${f.ruleId} ${f.messageId} | ${f.fix || '(no fix)'}`).join('\n') + (rows.length ? '\n' : ''));
    const perRule = Object.fromEntries(RULE_IDS.map((r) => [r, rows.filter((f) => f.ruleId === r).length]).filter(([, n]) => n));
    const internalErrors = Array.isArray(out.internalErrors) ? out.internalErrors : [];
    const internal = internalErrors.length;
    for (const ie of internalErrors) log(`${c.name}: INTERNAL ERROR: ${JSON.stringify(ie).slice(0, 300)}`);
    if (internal) failed.push(c.name);
    const tsc = opts.tsc ? tscErrors(ctx) : undefined;
    summary.push({ c, files: out.results.length, rows, perRule, internal, tsc, secs });
    log(`${c.name}: ${out.results.length} files, ${rows.length} findings (${Object.entries(perRule).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'})` +
      `${internal ? `, ${internal} internal errors` : ''}${tsc !== undefined ? `, tsc ${tsc} type errors` : ''}, ${secs}s; list in ${rel(file)}`);
  }
  // A Markdown table for BENCHMARKS.md.
  const lines = ['| corpus | spec | files linted | findings | per rule | internal errors | tsc errors | time |', '|---|---|--:|--:|---|--:|--:|--:|'];
  for (const s of summary) {
    if (s.failed) {
      lines.push(`| ${s.c.name} | \`${s.c.spec}\` | — | — | **failed**: ${s.failed.replace(/\|/g, '\\|')} | — | — | — |`);
      continue;
    }
    lines.push(`| ${s.c.name} | \`${s.c.spec}\` | ${s.files} | ${s.rows.length} | ${Object.entries(s.perRule).map(([r, n]) => `${r} ${n}`).join(', ') || '—'} | ${s.internal} | ${s.tsc ?? 'not counted'} | ${s.secs} s |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (failed.length) throw new BenchError(`failed or internal errors on: ${failed.join(', ')}`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof BenchError ? e.message : `internal error: ${e?.stack ?? e}`}\n`);
  process.exit(2);
}
