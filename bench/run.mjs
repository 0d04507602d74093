#!/usr/bin/env node
// `npm run bench`: times concurrency-lint against ESLint rule sets (typescript-eslint,
// eslint-plugin-n, ESLint core) and tsc on pinned npm corpora, in suites (one comparison each),
// compares findings rule by rule, prints a Markdown report (with --write: into BENCHMARKS.md).
// Plain Node ESM, no dependencies. Method and targets: BENCHMARKS.md. Tools, suites, corpora:
// config.mjs.

import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync,
  realpathSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPORA, REPO, SUITES, TOOLS, loadAverage, machineFacts } from './config.mjs';
import { BenchError, WORK, childEnv, corpusContext, ensureCorpus, log, rel } from './corpora.mjs';

const BENCHMARKS_MD = path.join(REPO, 'BENCHMARKS.md');
const TIME_BIN = '/usr/bin/time';
const MARK_START = '<!-- bench:results -->';
const MARK_END = '<!-- /bench:results -->';

// ------------------------------------------------------------------------------------ arguments
const USAGE = `usage: node bench/run.mjs [options]   (npm run bench -- [options])
  --suite NAME      which comparison(s) to run; repeatable or comma-separated (default: all;
                    \`warm\` times our --cache on a copy of each corpus: cold, warm, after edits):
${SUITES.map((x) => `                      ${x.id.padEnd(9)} ${x.title.replace(/`/g, '')}\n                                (tools: ${x.warm ? `${x.ours} with --cache` : x.tools.join(', ')})`).join('\n')}
  --runs N          counted runs per tool and corpus after one warm-up (default 5)
  --corpus NAME     ${CORPORA.map((c) => c.name).join('|')}; repeatable (default: all)
  --tools LIST      comma-separated tool ids, repeatable: run only these of the selected suites'
                    tools (known: ${TOOLS.map((t) => t.id).join(', ')})
  --write           update the results section of BENCHMARKS.md
  --skip-setup      do not (re)check the corpora downloads and installs
  --update-locks    re-resolve the corpora dependencies and rewrite bench/locks/*.json
  --timeout SEC     kill a tool run after SEC seconds (default 900)
  -h, --help        this text
Each tool runs once per round however many selected suites use it (tsc is shared); tools run
interleaved within a corpus. Findings lists: bench/.work/findings-<suite>-<corpus>.txt.
Exit status: 0 when every tool ran on every corpus, 2 (one-line message) otherwise.`;

function parseArgs(argv) {
  const o = { runs: 5, corpora: [], tools: [], suites: [], write: false, skipSetup: false, updateLocks: false, timeout: 900 };
  const need = (i, flag) => {
    if (i + 1 >= argv.length) throw new BenchError(`${flag} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => (inline !== undefined ? inline : need(i++, flag));
    switch (flag) {
      case '--runs': {
        const v = val();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new BenchError(`--runs expects a positive integer, got "${v}"`);
        o.runs = Number(v);
        break;
      }
      case '--suite': case '--suites': {
        for (const v of val().split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!SUITES.some((x) => x.id === v)) throw new BenchError(`unknown suite "${v}" (known: ${SUITES.map((x) => x.id).join(', ')})`);
          if (!o.suites.includes(v)) o.suites.push(v);
        }
        break;
      }
      case '--corpus': {
        const v = val();
        if (!CORPORA.some((c) => c.name === v)) throw new BenchError(`unknown corpus "${v}" (known: ${CORPORA.map((c) => c.name).join(', ')})`);
        if (!o.corpora.includes(v)) o.corpora.push(v);
        break;
      }
      case '--tools': case '--tool': {
        for (const v of val().split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!TOOLS.some((t) => t.id === v)) throw new BenchError(`unknown tool "${v}" (known: ${TOOLS.map((t) => t.id).join(', ')})`);
          if (!o.tools.includes(v)) o.tools.push(v);
        }
        break;
      }
      case '--timeout': {
        const v = val();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new BenchError(`--timeout expects seconds, got "${v}"`);
        o.timeout = Number(v);
        break;
      }
      case '--write': o.write = true; break;
      case '--skip-setup': o.skipSetup = true; break;
      case '--update-locks': o.updateLocks = true; break;
      case '-h': case '--help': process.stdout.write(USAGE + '\n'); process.exit(0); break;
      default: throw new BenchError(`unknown argument "${a}" (see --help)`);
    }
  }
  if (o.updateLocks && o.skipSetup) throw new BenchError('--update-locks and --skip-setup exclude each other');
  o.corpora = o.corpora.length ? CORPORA.filter((c) => o.corpora.includes(c.name)) : CORPORA;
  o.suites = o.suites.length ? SUITES.filter((x) => o.suites.includes(x.id)) : SUITES;
  // The selected suites' tools, once each, in the configured order (the interleaving order).
  const wanted = new Set(o.suites.flatMap((x) => x.tools));
  const extra = o.tools.filter((t) => !wanted.has(t));
  if (extra.length) throw new BenchError(`--tools ${extra.join(',')}: not a tool of the selected suite(s) ${o.suites.map((x) => x.id).join(', ')}`);
  o.toolsGiven = o.tools.length > 0;
  o.tools = TOOLS.filter((t) => wanted.has(t.id) && (!o.toolsGiven || o.tools.includes(t.id)));
  return o;
}

// ---------------------------------------------------------------------------------- environment
function checkTime() {
  const r = existsSync(TIME_BIN) ? spawnSync(TIME_BIN, ['-f', '%e', 'true'], { encoding: 'utf8' }) : null;
  if (!r || r.status !== 0 || !/^\d/.test(r.stderr.trim())) {
    throw new BenchError(`${TIME_BIN} (GNU time) is required: apt-get install -y time`);
  }
  const d = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'time'], { encoding: 'utf8' });
  if (d.status === 0 && d.stdout.trim()) return `GNU time ${d.stdout.trim()}`;
  const v = spawnSync(TIME_BIN, ['--version'], { encoding: 'utf8' });
  return ((v.stdout || v.stderr || '').split('\n')[0] || 'GNU time').trim();
}

// ---------------------------------------------------------------------------------------- setup
// Per-run config files: the recipe's tsconfig and every selected tool's config.
function prepareCorpus(c, tools) {
  const ctx = corpusContext(c);
  // ESLint configs of earlier runs (tools renamed or not selected now) are written by us too.
  for (const f of readdirSync(ctx.dir)) {
    if (/^eslint\.bench\..*\.config\.mjs$/.test(f)) rmSync(path.join(ctx.dir, f), { force: true });
  }
  for (const t of tools) t.prepare(ctx);
  return ctx;
}

// -------------------------------------------------------------------------------------- timing
let currentChild = null;
process.on('SIGINT', () => {
  if (currentChild) { try { process.kill(-currentChild.pid, 'SIGKILL'); } catch { /* gone */ } }
  process.stderr.write('\nbench: interrupted\n');
  process.exit(130);
});

// Peak memory of a process tree. GNU time's %M is the peak RSS of the LARGEST process only (the
// rusage of waited-for children keeps a maximum, not a sum), so a tool made of several
// processes (ours on ts7: Node and TypeScript 7's Go compiler; oxlint: Node and tsgolint) would be
// under-counted. Every SAMPLE_MS the harness walks the tree below GNU time (/proc/<pid>/task/*/children)
// and reads each process's VmHWM (its own peak RSS so far; it only grows). The tree's peak is
// the sum over processes of the last VmHWM read before each exited: an upper bound of the true
// simultaneous peak (two processes may peak at different times) that misses only growth in a
// process's last SAMPLE_MS; it is never taken below GNU time's exact %M. Linux only (elsewhere:
// %M alone).
//
// CPU time likewise: GNU time's user + system time counts a child process only once its parent
// has waited for it. oxlint waits for tsgolint, but a child that is left to exit on its own after
// its parent (ours on ts7: TypeScript 7's compiler ends when its pipe closes) is never counted.
// The sampler reads each process's utime + stime too; a run's CPU time is the larger of GNU
// time's and the sum over the tree (which misses at most a process's last SAMPLE_MS).
const SAMPLE_MS = 20;
let clockTicks;
function treeSampler(rootPid) {
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
  const peaks = new Map(); // pid -> {hwm KiB, name, cpu seconds}
  const childrenOf = (pid) => {
    const out = [];
    let tasks;
    try { tasks = readdirSync(`/proc/${pid}/task`); } catch { return out; }
    for (const t of tasks) {
      try {
        out.push(...readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      } catch { /* thread or process gone */ }
    }
    return out;
  };
  const sample = () => {
    const queue = childrenOf(rootPid); // not GNU time itself
    const seen = new Set();
    while (queue.length) {
      const pid = queue.shift();
      if (seen.has(pid)) continue;
      seen.add(pid);
      let text;
      try { text = readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { continue; }
      const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      const name = /^Name:\s+(.*)$/m.exec(text)?.[1] ?? '?';
      let cpu = 0;
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop().trim().split(/\s+/);
        cpu = (Number(fields[11]) + Number(fields[12])) / clockTicks; // utime, stime (all threads)
      } catch { /* gone */ }
      const prev = peaks.get(pid);
      // The same pid after an execve starts a new image: keep the larger peak; CPU only grows.
      peaks.set(pid, { hwm: Math.max(hwm, prev?.hwm ?? 0), name: prev && prev.hwm > hwm ? prev.name : name, cpu: Math.max(cpu, prev?.cpu ?? 0) });
      queue.push(...childrenOf(pid));
    }
  };
  const enabled = process.platform === 'linux' && existsSync(`/proc/${rootPid}/task`);
  const timer = enabled ? setInterval(sample, SAMPLE_MS) : null;
  if (enabled) sample();
  return {
    stop() {
      if (timer) clearInterval(timer);
      const procs = [...peaks.values()].filter((p) => p.hwm > 0);
      return {
        kib: procs.reduce((n, p) => n + p.hwm, 0), cpu: [...peaks.values()].reduce((n, p) => n + p.cpu, 0),
        names: [...new Set(procs.map((p) => p.name))], count: procs.length, enabled,
      };
    },
  };
}

// One timed run of a whole tool process under GNU time: {wall, cpu, rss (KiB, process tree),
// rssMax (KiB, the largest process: GNU time's %M), procs (names seen in the tree), code}.
function timedRun(cmd, files, timeoutSec) {
  return new Promise((resolve, reject) => {
    const out = openSync(files.stdout, 'w');
    const err = openSync(files.stderr, 'w');
    const child = spawn(TIME_BIN, ['-f', 'BENCHTIME %e %U %S %M', '-o', files.time, cmd.file, ...cmd.args], {
      cwd: cmd.cwd, env: { ...childEnv(), ...(cmd.env ?? {}) }, stdio: ['ignore', out, err], detached: true,
    });
    currentChild = child;
    const sampler = treeSampler(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, timeoutSec * 1000);
    child.on('error', (e) => { clearTimeout(timer); sampler.stop(); closeSync(out); closeSync(err); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const tree = sampler.stop();
      currentChild = null;
      closeSync(out);
      closeSync(err);
      if (timedOut) return resolve({ failure: `timed out after ${timeoutSec}s` });
      const text = existsSync(files.time) ? readFileSync(files.time, 'utf8') : '';
      const sig = text.match(/Command terminated by signal (\d+)/);
      if (sig || signal) return resolve({ failure: `killed by signal ${sig ? sig[1] : signal}` });
      const m = text.match(/BENCHTIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/);
      if (!m) return resolve({ failure: `${TIME_BIN} produced no measurement (exit ${code})` });
      const rssMax = Number(m[4]);
      const cpuTime = Number(m[2]) + Number(m[3]);
      resolve({ code, wall: Number(m[1]), cpu: Math.max(cpuTime, tree.cpu), cpuTime, rss: Math.max(rssMax, tree.kib), rssMax, procs: tree.names, nprocs: tree.count });
    });
  });
}

function firstErrorLine(file) {
  if (!existsSync(file)) return '';
  const lines = readFileSync(file, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  return lines.find((s) => /error/i.test(s) && !/^\s*at /.test(s)) ?? lines[0] ?? '';
}

async function runTool(tool, ctx, timeoutSec) {
  const logs = path.join(WORK, 'logs');
  const outDir = path.join(WORK, 'out');
  mkdirSync(logs, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const base = `${ctx.name}-${tool.id.replace(/[^a-z0-9-]/gi, '_')}`;
  const files = {
    stdout: path.join(logs, `${base}.stdout`),
    stderr: path.join(logs, `${base}.stderr`),
    time: path.join(logs, `${base}.time`),
    output: path.join(outDir, `${base}.json`),
  };
  rmSync(files.output, { force: true });
  rmSync(files.time, { force: true });
  const cmd = tool.command(ctx, files.output);
  let r;
  try {
    r = await timedRun(cmd, files, timeoutSec);
  } catch (e) {
    throw new BenchError(`${tool.id} on ${ctx.name} could not start: ${e.message}`);
  }
  const where = `full log: ${rel(files.stderr)}`;
  if (r.failure) throw new BenchError(`${tool.id} failed on ${ctx.name} (${r.failure}); ${where}`);
  if (!tool.exitOk(r.code)) {
    const line = firstErrorLine(files.stderr) || firstErrorLine(files.stdout);
    throw new BenchError(`${tool.id} failed on ${ctx.name} (exit ${r.code})${line ? `: ${line.slice(0, 200)}` : ''}; ${where}`);
  }
  let found;
  try {
    found = tool.findings(ctx, files.output, files.stdout);
  } catch (e) {
    const line = firstErrorLine(files.stderr);
    throw new BenchError(`${tool.id} failed on ${ctx.name} (exit ${r.code}): ${e.message}${line ? ` — ${line.slice(0, 160)}` : ''}; ${where}`);
  }
  return { ...r, found, files };
}

// ------------------------------------------------------------------------------------ statistics
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function summarize(runs) {
  const walls = runs.map((r) => r.wall);
  return {
    n: runs.length,
    wall: median(walls), wallMin: Math.min(...walls), wallMax: Math.max(...walls),
    cpu: median(runs.map((r) => r.cpu)),
    rss: median(runs.map((r) => r.rss)),
    rssMax: median(runs.map((r) => r.rssMax ?? r.rss)),
    procs: [...new Set(runs.flatMap((r) => r.procs ?? []))],
  };
}

// --------------------------------------------------------------------------------------- findings
function relPath(ctx, file) {
  try { file = realpathSync(file); } catch { /* keep */ }
  return path.relative(ctx.dir, file).split(path.sep).join('/');
}

function normFindings(ctx, found) {
  return found.findings.map((f) => ({ ...f, rel: relPath(ctx, f.file) }))
    .sort((a, b) => a.rel.localeCompare(b.rel) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

function countOf(found) { return found.total ?? found.findings.length; }

// The findings comparisons of a suite: `comparisons` ({ours, theirs, ruleMap} each, one list
// file each: findings-<suite>-<ours>-vs-<theirs>-<corpus>.txt), else the one pair
// suite.ours/suite.theirs/suite.ruleMap (findings-<suite>-<corpus>.txt). Comparisons with a tool
// that did not run (--tools) are skipped. Returns [{ours, theirs, file, rows, filesOnly}].
function compareFindings(suite, ctx, results) {
  const specs = suite.comparisons
    ? suite.comparisons.map((x) => ({ ...x, file: path.join(WORK, `findings-${suite.id}-${x.ours}-vs-${x.theirs}-${ctx.name}.txt`) }))
    : [{ ours: suite.ours, theirs: suite.theirs, ruleMap: suite.ruleMap, file: path.join(WORK, `findings-${suite.id}-${ctx.name}.txt`) }];
  return specs.map((x) => comparePair({ ...suite, ...x }, ctx, results, x.file)).filter(Boolean);
}

// Findings of one pair of tools on one corpus, rule pair by rule pair (ruleMap: our rule ->
// their rules), matched by file:line. Writes `file` and returns {ours, theirs, file, rows:
// [{ours, theirs, nOurs, nTheirs, both, onlyOurs, onlyTheirs}], filesOnly}.
function comparePair(suite, ctx, results, file) {
  const A = results[suite.ours];
  const B = results[suite.theirs];
  if (!A || !B) {
    rmSync(file, { force: true });
    return null;
  }
  const fa = normFindings(ctx, A.found);
  const fb = normFindings(ctx, B.found);
  const fmt = (f) => `${f.rel}:${f.line}:${f.column}  ${f.ruleId}  ${String(f.message).split('\n')[0]}`;
  const fmtOurs = (f) => [fmt(f), ...(f.related ?? []).map((r) =>
    `      related: ${relPath(ctx, r.filePath ?? f.file)}:${r.line}:${r.column}  ${String(r.message ?? '').split('\n')[0]}`)];
  const lines = [
    `# ${suite.id}: ${suite.title.replace(/`/g, '')} on ${ctx.name} (${ctx.spec}); written by bench/run.mjs`,
    `# ${suite.ours} vs ${suite.theirs}; corpus folder: ${ctx.dir}`,
    '# findings are matched by file:line within each rule pair', '',
  ];
  let filesOnly = null;
  if (A.found.files && B.found.files) {
    const sa = new Set(A.found.files.map((f) => relPath(ctx, f)));
    const sb = new Set(B.found.files.map((f) => relPath(ctx, f)));
    const onlyA = [...sa].filter((f) => !sb.has(f)).sort();
    const onlyB = [...sb].filter((f) => !sa.has(f)).sort();
    filesOnly = { a: onlyA.length, b: onlyB.length };
    lines.push(`files linted: ${suite.ours} ${sa.size}, ${suite.theirs} ${sb.size}`,
      `## files linted only by ${suite.ours} (${onlyA.length})`, ...onlyA, '',
      `## files linted only by ${suite.theirs} (${onlyB.length})`, ...onlyB, '');
  }
  const rows = [];
  const key = (f) => `${f.rel}:${f.line}`;
  const mappedTheirs = new Set();
  for (const ours of A.tool.rules) {
    const theirs = suite.ruleMap[ours] ?? [];
    theirs.forEach((r) => mappedTheirs.add(r));
    const ra = fa.filter((f) => f.ruleId === ours);
    if (!theirs.length) {
      rows.push({ ours, theirs: null, nOurs: ra.length });
      lines.push(`## ${ours}: no counterpart in ${suite.theirs} (${ra.length})`, ...ra.flatMap(fmtOurs), '');
      continue;
    }
    const rb = fb.filter((f) => theirs.includes(f.ruleId));
    const ka = new Set(ra.map(key));
    const kb = new Set(rb.map(key));
    const onlyA = ra.filter((f) => !kb.has(key(f)));
    const onlyB = rb.filter((f) => !ka.has(key(f)));
    const both = ra.filter((f) => kb.has(key(f)));
    rows.push({ ours, theirs: theirs.join(', '), nOurs: ra.length, nTheirs: rb.length, both: both.length, onlyOurs: onlyA.length, onlyTheirs: onlyB.length });
    lines.push(`## ${ours} vs ${theirs.join(', ')}: ${ra.length} vs ${rb.length}`, '',
      `### only ${suite.ours} (${onlyA.length})`, ...onlyA.flatMap(fmtOurs), '',
      `### only ${suite.theirs} (${onlyB.length})`, ...onlyB.map(fmt), '',
      `### both (${both.length}, as reported by ${suite.ours})`, ...both.flatMap(fmtOurs), '');
  }
  for (const r of B.tool.rules.filter((x) => !mappedTheirs.has(x))) {
    const rb = fb.filter((f) => f.ruleId === r);
    rows.push({ ours: null, theirs: r, nTheirs: rb.length });
    lines.push(`## ${r}: no counterpart in ${suite.ours} (${rb.length})`, ...rb.map(fmt), '');
  }
  writeFileSync(file, lines.join('\n'));
  return { ours: suite.ours, theirs: suite.theirs, file, rows, filesOnly };
}

// ---------------------------------------------------------------------------------------- report
const s2 = (x) => x.toFixed(2);
const mib = (kib) => (kib / 1024).toFixed(0);

function ratioValue(stats, r) {
  const n = stats[r.num];
  const d = stats[r.den];
  if (!n || !d) return null;
  return n[r.metric] / d[r.metric];
}

function findingsCell(t, found) {
  const extra = Object.entries(found.counts ?? {}).filter(([k]) => k !== 'files linted').map(([k, v]) => `${v} ${k}`);
  const lintedFiles = found.counts?.['files linted'];
  let perRule = '';
  if (t.kind === 'linter' && t.rules.length > 1) {
    perRule = ` — ${t.rules.map((r) => `${r} ${found.findings.filter((f) => f.ruleId === r).length}`).join(', ')}`;
  }
  return `${countOf(found)} ${t.countLabel}${lintedFiles !== undefined ? ` (${lintedFiles} files)` : ''}${perRule}${extra.length ? `; ${extra.join('; ')}` : ''}`;
}

// ------------------------------------------------------------------------------------ warm suite
// `--suite warm`: concurrency-lint (ours-all) with --cache on a copy of the corpus folder (its
// node_modules linked, so the shared corpus is never edited), one round per counted run: cold
// with an empty cache; then, each from a copy of the cache the cold run wrote, warm with no
// change, warm after appending a comment to a leaf file, and to the most imported file (the copy
// is restored byte for byte after each). Findings of every state must equal the cold run's.
async function warmSuite(suite, c, ctx, opts) {
  const tool = TOOLS.find((t) => t.id === suite.ours);
  const { states } = suite.warm;
  if (!c.warm) throw new BenchError(`corpus ${c.name} has no warm files in bench/config.mjs`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), `bench-warm-${c.name}-`));
  try {
    const dir = path.join(tmp, 'package');
    cpSync(ctx.dir, dir, { recursive: true, verbatimSymlinks: true });
    symlinkSync(path.join(path.dirname(ctx.dir), 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
    const copy = { ...ctx, dir };
    tool.prepare(copy);
    const cacheDir = path.join(tmp, 'cache');
    const primed = path.join(tmp, 'primed.json');
    const edits = { leaf: c.warm.leaf, wide: c.warm.wide };
    for (const file of Object.values(edits)) {
      if (!existsSync(path.join(dir, file))) throw new BenchError(`warm suite: ${c.name} has no ${file} (bench/config.mjs)`);
    }
    const runs = Object.fromEntries(states.map((x) => [x.id, []]));
    let coldFindings = null;
    const findingsText = (found) => normFindings(copy, found).map((f) => `${f.rel}:${f.line}:${f.column} ${f.ruleId}`).join('\n');
    for (let round = 0; round <= opts.runs; round++) {
      for (const state of states) {
        rmSync(cacheDir, { recursive: true, force: true });
        mkdirSync(cacheDir);
        if (state.id !== 'cold') copyFileSync(primed, path.join(cacheDir, 'cache.json'));
        const edited = edits[state.id] && path.join(dir, edits[state.id]);
        const original = edited && readFileSync(edited);
        if (edited) appendFileSync(edited, '\n// bench: a warm run after a change\n');
        let r;
        try {
          r = await runTool({ ...tool, id: `${tool.id}-warm-${state.id}`, command: (x, out) => withCache(tool.command(x, out), cacheDir) }, copy, opts.timeout);
        } finally {
          if (edited) writeFileSync(edited, original);
        }
        if (state.id === 'cold') copyFileSync(path.join(cacheDir, 'cache.json'), primed);
        const text = findingsText(r.found);
        if (coldFindings === null) coldFindings = text;
        else if (text !== coldFindings) throw new BenchError(`warm suite: ${state.id} on ${c.name} reported other findings than the cold run (${rel(r.files.stdout)})`);
        const label = round === 0 ? 'warm-up' : `run ${round}/${opts.runs}`;
        log(`${c.name} ${label}: warm suite ${state.id.padEnd(5)} wall ${s2(r.wall)}s  cpu ${s2(r.cpu)}s  rss ${mib(r.rss)} MiB  ${countOf(r.found)} findings`);
        if (round > 0) runs[state.id].push(r);
      }
    }
    return { edits, stats: Object.fromEntries(Object.entries(runs).map(([id, rs]) => [id, summarize(rs)])), findings: coldFindings.split('\n').filter(Boolean).length };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function withCache(cmd, cacheDir) {
  return { ...cmd, args: [...cmd.args, '--cache-location', `${cacheDir}${path.sep}`] };
}

function warmSection(suite, p) {
  const { ctx } = p;
  const warm = p.warm[suite.id];
  const out = [`#### ${suite.id} on ${ctx.name}`, '',
    `Leaf file: \`${warm.edits.leaf}\`; most imported file: \`${warm.edits.wide}\`. ${warm.findings} findings in every state.`, '',
    '| state | wall s, median (min–max) | CPU s (user+sys), median | peak RSS MiB, median | wall / cold wall | target | | CPU / cold CPU |',
    '|---|--:|--:|--:|--:|---|---|--:|'];
  const cold = warm.stats.cold;
  for (const state of suite.warm.states) {
    const s = warm.stats[state.id];
    const ratio = s.wall / cold.wall;
    const target = state.target !== undefined ? `≤ ${state.target.toFixed(2)}×` : '—';
    const verdict = state.target !== undefined ? (ratio <= state.target ? 'PASS' : 'MISS') : '';
    out.push(`| ${state.title} | ${s2(s.wall)} (${s2(s.wallMin)}–${s2(s.wallMax)}) | ${s2(s.cpu)} | ${mib(s.rss)} | ${ratio.toFixed(2)}× | ${target} | ${verdict} | ${(s.cpu / cold.cpu).toFixed(2)}× |`);
  }
  out.push('');
  return out;
}

function suiteCorpusSection(suite, p, opts) {
  if (suite.warm) return p.warm?.[suite.id] ? warmSection(suite, p) : [];
  const { ctx, stats, results } = p;
  const tools = suite.tools.map((id) => TOOLS.find((t) => t.id === id));
  const out = [`#### ${suite.id} on ${ctx.name}`, ''];
  out.push('| tool | wall s, median (min–max) | CPU s (user+sys), median | CPU / wall | peak RSS MiB, median: process tree (largest process) | processes | findings |',
    '|---|--:|--:|--:|--:|---|---|');
  for (const t of tools) {
    const s = stats[t.id];
    if (!s) {
      out.push(`| ${t.id} | not run | | | | | |`);
      continue;
    }
    const rssCell = s.rssMax !== undefined && mib(s.rssMax) !== mib(s.rss) ? `${mib(s.rss)} (${mib(s.rssMax)})` : mib(s.rss);
    out.push(`| ${t.id} | ${s2(s.wall)} (${s2(s.wallMin)}–${s2(s.wallMax)}) | ${s2(s.cpu)} | ${(s.cpu / s.wall).toFixed(2)} | ${rssCell} | ${(s.procs ?? []).join(' + ') || '—'} | ${findingsCell(t, results[t.id].found)} |`);
  }
  out.push('', '| ratio | value | target | |', '|---|--:|---|---|');
  for (const r of suite.ratios) {
    const v = ratioValue(stats, r);
    const label = `${r.num} ${r.metric} / ${r.den} ${r.metric}`;
    const hasTarget = r.target && (!r.target.corpora || r.target.corpora.includes(ctx.name));
    const target = hasTarget ? `${r.target.op === '>=' ? '≥' : '≤'} ${r.target.value.toFixed(2)}×` : '—';
    let verdict = '';
    if (v !== null && hasTarget) {
      verdict = (r.target.op === '>=' ? v >= r.target.value : v <= r.target.value) ? 'PASS' : 'MISS';
    }
    out.push(`| ${label} | ${v === null ? 'not run' : `${v.toFixed(2)}×`} | ${target} | ${verdict} |`);
  }
  for (const cmp of p.cmp[suite.id] ?? []) {
    if (suite.comparisons) out.push('', `Findings, \`${cmp.ours}\` vs \`${cmp.theirs}\`:`);
    out.push('', `| our rule | their rule | ours | theirs | same file:line | only ours | only theirs |`, '|---|---|--:|--:|--:|--:|--:|');
    for (const r of cmp.rows) {
      if (!r.theirs) out.push(`| \`${r.ours}\` | — (none) | ${r.nOurs} | — | — | — | — |`);
      else if (!r.ours) out.push(`| — (none) | \`${r.theirs}\` | — | ${r.nTheirs} | — | — | — |`);
      else out.push(`| \`${r.ours}\` | \`${r.theirs}\` | ${r.nOurs} | ${r.nTheirs} | ${r.both} | ${r.onlyOurs} | ${r.onlyTheirs} |`);
    }
    const files = cmp.filesOnly && (cmp.filesOnly.a || cmp.filesOnly.b)
      ? ` Files linted by only one tool: ${cmp.filesOnly.a} only ${cmp.ours}, ${cmp.filesOnly.b} only ${cmp.theirs}.` : '';
    out.push('', `Lists: \`${rel(cmp.file)}\`.${files}`);
  }
  out.push('');
  return out;
}

function machineInfo(timeVersion, toolsRun, loadBefore) {
  const versions = {};
  for (const t of toolsRun) Object.assign(versions, t.versions());
  return { ...machineFacts(), time: timeVersion, loadBefore, load: loadAverage(), versions };
}

function commandLine(opts) {
  const parts = ['node bench/run.mjs', `--runs ${opts.runs}`];
  if (opts.suites.length < SUITES.length) parts.push(...opts.suites.map((x) => `--suite ${x.id}`));
  if (opts.corpora.length < CORPORA.length) parts.push(...opts.corpora.map((c) => `--corpus ${c.name}`));
  if (opts.toolsGiven) parts.push(`--tools ${opts.tools.map((t) => t.id).join(',')}`);
  return parts.join(' ');
}

function report(opts, machine, perCorpus) {
  const out = [];
  const rounds = `1 warm-up + ${opts.runs} counted run${opts.runs > 1 ? 's' : ''}`;
  if (opts.tools.length > 0) {
    out.push(`Measured ${machine.date} with \`${commandLine(opts)}\`: ${rounds} ` +
      `per tool, all ${opts.tools.length} tools interleaved within each corpus (${opts.tools.map((t) => t.id).join(', ')}); ` +
      'each tool ran once per round and its numbers are shared by every suite that uses it.', '');
  } else {
    out.push(`Measured ${machine.date} with \`${commandLine(opts)}\`: ${rounds} of each state of the warm suite, the states interleaved.`, '');
  }
  out.push(`Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.mem} RAM, ${machine.os}; Node ${machine.node}; ${machine.time}. ` +
    `Load average (1/5/15 min) before: ${machine.loadBefore}, after: ${machine.load} — other work on the machine inflates wall times (CPU / wall below 1 means the tool waited for a core).`, '');
  out.push(`Versions: ${Object.entries(machine.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  out.push(`Peak RSS is of the whole process tree (Node and the Go or Rust processes it starts): the sum of each process's own peak (VmHWM, read every ${SAMPLE_MS} ms until it exits), ` +
    'never below GNU time\'s %M, which is the largest single process and is given in brackets where it differs. CPU time is the larger of GNU time\'s user + system ' +
    '(which counts a child only when its parent waits for it) and the sum of every process\'s utime + stime read the same way (ours on ts7 does not wait for its compiler process).', '');
  if (opts.tools.length > 0) {
    out.push('Tools:', '');
    for (const t of opts.tools) out.push(`- \`${t.id}\`: ${t.description}`);
    out.push('');
  }
  for (const suite of opts.suites) {
    out.push(`### Suite \`${suite.id}\`: ${suite.title}`, '');
    for (const p of perCorpus) out.push(...suiteCorpusSection(suite, p, opts));
  }
  return out.join('\n');
}

function writeBenchmarksMd(section) {
  const block = `${MARK_START}\n${section.trim()}\n${MARK_END}`;
  let text = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  const i = text.indexOf(MARK_START);
  const j = text.indexOf(MARK_END);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + MARK_END.length);
  else text = `${text.trimEnd()}\n\n## Results\n\n${block}\n`;
  writeFileSync(BENCHMARKS_MD, text);
  log(`results written to ${rel(BENCHMARKS_MD)}`);
}

// ------------------------------------------------------------------------------------------ main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const timeVersion = checkTime();
  const loadBefore = loadAverage();
  // The warm suite's tool runs outside the rounds (warmSuite), checked like the others.
  const warmTools = opts.suites.filter((x) => x.warm && !opts.tools.some((t) => t.id === x.ours)).map((x) => TOOLS.find((t) => t.id === x.ours));
  for (const t of [...opts.tools, ...warmTools]) {
    try { t.preflight(); } catch (e) { throw new BenchError(`${t.id}: ${e.message}`); }
  }
  mkdirSync(WORK, { recursive: true });
  for (const c of opts.corpora) {
    if (!opts.skipSetup) ensureCorpus(c, opts);
    // Lists of the single-comparison harness (findings-<corpus>.txt), replaced by per-suite ones.
    rmSync(path.join(WORK, `findings-${c.name}.txt`), { force: true });
  }
  log(`suites ${opts.suites.map((x) => x.id).join(', ')}; tools per round: ${opts.tools.map((t) => t.id).join(', ')}`);
  const perCorpus = [];
  for (const c of opts.corpora) {
    const ctx = prepareCorpus(c, opts.tools);
    const runs = Object.fromEntries(opts.tools.map((t) => [t.id, []]));
    const results = {};
    for (let round = 0; round <= opts.runs; round++) {
      for (const t of opts.tools) {
        const r = await runTool(t, ctx, opts.timeout);
        const label = round === 0 ? 'warm-up' : `run ${round}/${opts.runs}`;
        log(`${c.name} ${label}: ${t.id.padEnd(18)} wall ${s2(r.wall)}s  cpu ${s2(r.cpu)}s  rss ${mib(r.rss)} MiB (largest process ${mib(r.rssMax)}; ${(r.procs ?? []).join('+')})  exit ${r.code}  ${countOf(r.found)} ${t.countLabel}`);
        if (results[t.id] && countOf(results[t.id].found) !== countOf(r.found)) {
          log(`${c.name}: warning: ${t.id} reported ${countOf(r.found)} ${t.countLabel}, earlier ${countOf(results[t.id].found)}`);
        }
        const stray = r.found.counts?.['findings of rules not enabled'];
        if (stray && round === 0) {
          log(`${c.name}: warning: ${t.id} reported ${stray} findings of rules it passes as "off" (is RULE_IDS in bench/config.mjs complete?)`);
        }
        results[t.id] = { ...r, tool: t };
        if (round > 0) runs[t.id].push(r);
      }
    }
    const stats = Object.fromEntries(Object.entries(runs).map(([id, rs]) => [id, summarize(rs)]));
    const cmp = {};
    const warm = {};
    for (const suite of opts.suites) {
      if (suite.warm) {
        warm[suite.id] = await warmSuite(suite, c, ctx, opts);
        continue;
      }
      cmp[suite.id] = compareFindings(suite, ctx, results);
      for (const x of cmp[suite.id]) {
        const pairs = x.rows.filter((r) => r.ours && r.theirs)
          .map((r) => `${r.ours}/${r.theirs} ${r.nOurs} vs ${r.nTheirs} (${r.both} same line)`);
        log(`${c.name} ${suite.id} (${x.ours} vs ${x.theirs}): ${pairs.join('; ')}; lists in ${rel(x.file)}`);
      }
    }
    perCorpus.push({ ctx, stats, results, cmp, warm });
  }
  const md = report(opts, machineInfo(timeVersion, [...opts.tools, ...warmTools], loadBefore), perCorpus);
  process.stdout.write(md + '\n');
  if (opts.write) writeBenchmarksMd(md);
}

main().catch((e) => {
  if (e instanceof BenchError) {
    process.stderr.write(`bench: ${e.message}\n`);
  } else {
    process.stderr.write(`bench: internal error: ${e?.message ?? e}\n`);
  }
  process.exit(2);
});
