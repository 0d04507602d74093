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
  --write           rewrite the generated part of BENCHMARKS.md ("Review corpora": precision
                    tables and every finding with its verdict, from bench/verdicts/); needs all
                    corpora and every finding reviewed
  --opt-in          also run the opt-in rules (${OPT_IN_RULE_IDS.join(', ')}) at warning; the lists go to
                    review-<corpus>.opt-in.txt and review-<corpus>.opt-in.fixes.txt, their verdicts
                    are read from bench/verdicts/<corpus>.opt-in.tsv too (not with --write)
  -h, --help        this text
Findings: bench/.work/review-<corpus>.txt ("file:line:col rule messageId severity | source line").
First fixes: bench/.work/review-<corpus>.fixes.txt ("file:line:col rule messageId | kind: title of the first fix").
Exit status: 0 when the CLI ran on every corpus without internal errors, 2 otherwise (a corpus
whose run fails is reported and the others still run).`;

const OURS_BIN = path.join(REPO, 'bin', 'concurrency-lint.js');

function parseArgs(argv) {
  const o = { corpora: [], skipSetup: false, updateLocks: false, tsc: false, write: false, optIn: false };
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
      case '--write': o.write = true; break;
      case '--opt-in': o.optIn = true; break;
      case '-h': case '--help': process.stdout.write(USAGE + '\n'); process.exit(0); break;
      default: throw new BenchError(`unknown argument "${a}" (see --help)`);
    }
  }
  if (o.updateLocks && o.skipSetup) throw new BenchError('--update-locks and --skip-setup exclude each other');
  if (o.write && o.corpora.length) throw new BenchError('--write needs every corpus (leave out --corpus)');
  if (o.write && o.optIn) throw new BenchError('--write and --opt-in exclude each other (BENCHMARKS.md reviews the defaults)');
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

// ---- Verdicts: bench/verdicts/<corpus>.tsv, one reviewed finding per line ----
// "<file>:<line>\t<rule>\t<verdict>\t<pattern>\t<reason>", verdict one of:
//   bug, risk, dup (real: a bug, a real risk, duplicate work that concurrent callers reach),
//   low (correct by the rule's definition but of low value: start-up, shutdown, one-shot
//        commands; acceptable only below warning, so it counts as a false alarm at warning/error),
//   false (a false alarm).
const VERDICTS = path.join(REPO, 'bench', 'verdicts');
const VERDICT_KINDS = new Set(['bug', 'risk', 'dup', 'low', 'false']);

function loadVerdicts(name, optIn) {
  const map = new Map();
  for (const file of [path.join(VERDICTS, `${name}.tsv`), ...(optIn ? [path.join(VERDICTS, `${name}.opt-in.tsv`)] : [])]) {
    if (!existsSync(file)) continue;
    for (const [i, raw] of readFileSync(file, 'utf8').split('\n').entries()) {
      if (!raw.trim() || raw.startsWith('#')) continue;
      const [loc, rule, verdict, pattern = '', reason = ''] = raw.split('\t');
      if (!VERDICT_KINDS.has(verdict)) throw new BenchError(`${rel(file)}:${i + 1}: unknown verdict "${verdict}"`);
      map.set(`${loc} ${rule}`, { verdict, pattern, reason });
    }
  }
  return map;
}

/** Scores one corpus's findings against its reviewed verdicts. */
function score(name, rows, optIn) {
  const verdicts = loadVerdicts(name, optIn);
  const s = { all: rows.length, real: 0, lowInfo: 0, falseAlarms: 0, unreviewed: [], warn: 0, warnReal: 0, gone: [], byRule: new Map() };
  const seen = new Set();
  for (const f of rows) {
    const key = `${f.rel}:${f.line} ${f.ruleId}`;
    seen.add(key);
    const v = verdicts.get(key);
    const atWarning = f.severity === 'warning' || f.severity === 'error';
    const r = s.byRule.get(f.ruleId) ?? { all: 0, real: 0, lowInfo: 0 };
    s.byRule.set(f.ruleId, r);
    r.all++;
    if (atWarning) s.warn++;
    f.verdict = v;
    if (!v) { s.unreviewed.push(f); continue; }
    if (v.verdict === 'bug' || v.verdict === 'risk' || v.verdict === 'dup') {
      s.real++; r.real++;
      if (atWarning) s.warnReal++;
    } else if (v.verdict === 'low' && !atWarning) {
      s.lowInfo++; r.lowInfo++;
    } else s.falseAlarms++;
  }
  for (const key of verdicts.keys()) if (!seen.has(key)) s.gone.push(key);
  return s;
}

const pct = (a, b) => (b ? `${Math.round((100 * a) / b)} %` : '—');

const VERDICT_WORDS = { bug: 'real bug', risk: 'real risk', dup: 'real risk: duplicate work', low: 'low value', false: 'false alarm' };
const BEGIN = '<!-- review:begin (generated by npm run bench:review -- --write; verdicts in bench/verdicts/) -->';
const END = '<!-- review:end -->';

/** Rewrites the generated region of BENCHMARKS.md: the precision tables and every finding with its verdict. */
function writeBenchmarks(summary, tables) {
  if (summary.some((s) => s.failed)) throw new BenchError('--write: a corpus failed; BENCHMARKS.md left as it was');
  const unreviewed = summary.reduce((n, s) => n + s.scored.unreviewed.length, 0);
  if (unreviewed) throw new BenchError(`--write: ${unreviewed} findings have no verdict in bench/verdicts/ yet; BENCHMARKS.md left as it was`);
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim() || 'unknown';
  const out = [BEGIN, '', `Run at commit \`${commit}\`, every rule at its defaults. Verdicts: ${Object.entries(VERDICT_WORDS).map(([k, w]) => `\`${k}\` = ${w}`).join(', ')}.`, '', ...tables, ''];
  for (const s of summary) {
    const rows = s.rows;
    out.push(`#### ${s.c.name} (${rows.length} findings: ${s.scored.real} real${s.scored.lowInfo ? `, ${s.scored.lowInfo} low value at \`info\`` : ''}, ${s.scored.falseAlarms} false alarms)`, '');
    if (!rows.length) { out.push('No findings.', ''); continue; }
    out.push('| verdict | pattern | rule | location | severity | first fix | reason |', '|---|---|---|---|---|---|---|');
    const esc = (t) => String(t).replace(/\|/g, '\\|');
    for (const f of rows) {
      const v = f.verdict;
      const word = v.verdict === 'low' && (f.severity === 'warning' || f.severity === 'error') ? 'low value at warning: false alarm' : VERDICT_WORDS[v.verdict];
      out.push(`| ${word} | ${v.pattern || ''} | \`${f.ruleId}\` ${f.messageId} | \`${f.rel}:${f.line}\` | ${f.severity} | ${esc(f.fix || '—')} | ${esc(v.reason)} |`);
    }
    out.push('');
  }
  out.push(END);
  const file = path.join(REPO, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(BEGIN.slice(0, 20));
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new BenchError('BENCHMARKS.md has no generated review region (<!-- review:begin ... --> ... <!-- review:end -->)');
  writeFileSync(file, text.slice(0, a) + out.join('\n') + text.slice(b + END.length));
  log('BENCHMARKS.md: review region rewritten');
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
    const scored = score(c.name, rows, opts.optIn);
    for (const f of scored.unreviewed) log(`${c.name}: not reviewed yet: ${f.rel}:${f.line}:${f.column} ${f.ruleId} ${f.messageId} ${f.severity} | ${f.src}`);
    for (const k of scored.gone) log(`${c.name}: reviewed but no longer reported: ${k}`);
    summary.push({ c, files: out.results.length, rows, perRule, internal, tsc, secs, scored });
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
  // Precision from the reviewed verdicts (bench/verdicts/).
  lines.push('', '| corpus | findings | real | low value at `info` | false alarms | not reviewed | precision (real) | real + low at `info` | warning view (real / warnings) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  const tot = { all: 0, real: 0, lowInfo: 0, falseAlarms: 0, unreviewed: 0, warn: 0, warnReal: 0 };
  for (const s of summary) {
    if (s.failed) continue;
    const v = s.scored;
    for (const k of Object.keys(tot)) tot[k] += k === 'unreviewed' ? v.unreviewed.length : v[k];
    lines.push(`| ${s.c.name} | ${v.all} | ${v.real} | ${v.lowInfo} | ${v.falseAlarms} | ${v.unreviewed.length} | ${pct(v.real, v.all)} | ${pct(v.real + v.lowInfo, v.all)} | ${v.warnReal}/${v.warn} = ${pct(v.warnReal, v.warn)} |`);
  }
  lines.push(`| **all** | ${tot.all} | ${tot.real} | ${tot.lowInfo} | ${tot.falseAlarms} | ${tot.unreviewed} | ${pct(tot.real, tot.all)} | ${pct(tot.real + tot.lowInfo, tot.all)} | ${tot.warnReal}/${tot.warn} = ${pct(tot.warnReal, tot.warn)} |`);
  lines.push('', '| corpus | rule | findings | real | low value at `info` | precision (real) |', '|---|---|--:|--:|--:|--:|');
  for (const s of summary) {
    if (s.failed) continue;
    for (const [rule, r] of [...s.scored.byRule].sort()) lines.push(`| ${s.c.name} | \`${rule}\` | ${r.all} | ${r.real} | ${r.lowInfo} | ${pct(r.real, r.all)} |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (opts.write) writeBenchmarks(summary, lines);
  if (failed.length) throw new BenchError(`failed or internal errors on: ${failed.join(', ')}`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench: ${e instanceof BenchError ? e.message : `internal error: ${e?.stack ?? e}`}\n`);
  process.exit(2);
}
