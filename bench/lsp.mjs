#!/usr/bin/env node
// `npm run bench:lsp`: editor latency of the concurrency-lint language server on the mongodb
// corpus. Acts as an LSP client the way VS Code does in pull-diagnostics mode (spawns
// `node dist/server.js --stdio`, speaks JSON-RPC over stdio with vscode-jsonrpc) and measures:
//   1. first diagnostics: didOpen of a mid-size file → first textDocument/diagnostic response;
//   2. edit → diagnostics: incremental didChange (insert/delete a statement) → diagnostic pull;
//   3. server memory: VmRSS after the warm-up, its highest value over the first and over the second
//      half of the counted edits (read after every edit: the tops of the GC sawtooth; steady state:
//      the two agree), and VmRSS / VmHWM (peak) after the run.
//      The server runs with the heap limit the VS Code extension gives it (package.json:
//      concurrencyLint.server.maxMemory; --max-memory to compare, 0 = Node's default);
//   4. cross-file: edit an imported file → workspace/diagnostic/refresh → re-pull of its importer.
// Each run uses a fresh server; the report gives every run and the median. Not a timed test.
// The corpus comes from `npm run bench` (bench/run.mjs), which owns its download and install.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CORPORA, REPO, loadAverage, machineFacts } from './config.mjs';

const BENCH = import.meta.dirname;
const SERVER = path.join(REPO, 'dist', 'server.js');
const BENCHMARKS_MD = path.join(REPO, 'BENCHMARKS.md');
// The ts6 section keeps the original markers; `--engine ts7 --write` writes its own section after it.
const markers = (engine) => (engine === 'ts6'
  ? { start: '<!-- bench:lsp -->', end: '<!-- /bench:lsp -->' }
  : { start: `<!-- bench:lsp:${engine} -->`, end: `<!-- /bench:lsp:${engine} -->` });

// The scenario. The edited file is mid-size async code; the dependent file imports from it.
const CORPUS = 'mongodb';
const MAIN_FILE = 'src/operations/execute_operation.ts';
const DEPENDENT_FILE = 'src/db.ts'; // `import { executeOperation } from './operations/execute_operation'`
// Edits go on the line after this statement, inside the body of `async function executeOperation`.
const ANCHOR = /^( *)operation\.session \?\?= session;$/m;
// Inserted statements, in turn: a no-op, a floating call of an async function (a new finding),
// the same call awaited. Each insertion is followed by an edit deleting it again.
const STATEMENTS = ['void 0;', 'autoConnect(client);', 'await autoConnect(client);'];
const FLOATING = 'autoConnect(client);';

// Per engine (`--engine`): on ts7, issue 13 asks for p95 edit -> diagnostics <= 50 ms.
const TARGETS = { ts6: { firstMs: 3000, p95Ms: 150 }, ts7: { firstMs: 3000, p95Ms: 50 } };
const ENGINES = ['ts6', 'ts7'];
// The extension's default heap limit for the server, MiB (client/src/extension.ts passes it as --max-old-space-size).
const DEFAULT_MAX_MEMORY = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'))
  .contributes.configuration.properties['concurrencyLint.server.maxMemory'].default;

class BenchError extends Error {}
const log = (msg) => process.stderr.write(`bench:lsp: ${msg}\n`);
const rel = (p) => path.relative(REPO, p) || '.';

// ------------------------------------------------------------------------------------ arguments
const USAGE = `usage: node bench/lsp.mjs [options]
  --runs N        measurement runs, each with a fresh server (default 3)
  --edits N       counted edits per run (default 50)
  --warmup N      edits before them, not counted (default 5)
  --cross N       cross-file edits per run (default 5)
  --max-memory N  the server's heap limit, MiB (default ${DEFAULT_MAX_MEMORY}, the extension's; 0: Node's default)
  --engine NAME   ts6 (default) or ts7: the \`concurrencyLint.engine\` setting the client answers
                  (ts7: TypeScript 7's compiler, a child process of the server, answers the type questions)
  --write         update the bench:lsp section of BENCHMARKS.md
  --setup         first set up the ${CORPUS} corpus with bench/run.mjs (downloads from npm)
  --timeout SEC   fail when one server reply takes longer (default 120)
  -h, --help      this text`;

function parseArgs(argv) {
  const o = { runs: 3, edits: 50, warmup: 5, cross: 5, write: false, setup: false, timeout: 120, maxMemory: DEFAULT_MAX_MEMORY, engine: 'ts6' };
  const ints = { '--runs': ['runs', 1], '--edits': ['edits', 1], '--warmup': ['warmup', 0], '--cross': ['cross', 1], '--timeout': ['timeout', 1], '--max-memory': ['maxMemory', 0] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (ints[flag]) {
      const v = inline ?? argv[++i];
      const [key, min] = ints[flag];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < min) throw new BenchError(`${flag} expects an integer ≥ ${min}, got "${v ?? ''}"`);
      o[key] = Number(v);
    } else if (flag === '--engine') {
      const v = inline ?? argv[++i];
      if (!ENGINES.includes(v)) throw new BenchError(`--engine expects ${ENGINES.join(' or ')}, got "${v ?? ''}"`);
      o.engine = v;
    } else if (flag === '--write') o.write = true;
    else if (flag === '--setup') o.setup = true;
    else if (flag === '-h' || flag === '--help') { process.stdout.write(USAGE + '\n'); process.exit(0); }
    else throw new BenchError(`unknown argument "${a}" (see --help)`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------- setup
function corpusDir() {
  const c = CORPORA.find((x) => x.name === CORPUS);
  if (!c) throw new BenchError(`bench/config.mjs has no "${CORPUS}" corpus`);
  const root = path.join(BENCH, '.work', 'corpora', CORPUS);
  const dir = path.join(root, 'package');
  const hint = `run \`npm run bench -- --corpus ${CORPUS} --tools tsc --runs 1\` (or \`npm run bench:lsp -- --setup\`)`;
  if (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(root, 'node_modules'))) {
    throw new BenchError(`the ${c.spec} corpus is not set up in ${rel(root)}: ${hint}`);
  }
  // bench/run.mjs writes the corpus tsconfig before each run; without it the server would fall
  // back to an inferred project and measure something else.
  if (!existsSync(path.join(dir, 'tsconfig.json'))) throw new BenchError(`${rel(path.join(dir, 'tsconfig.json'))} is missing: ${hint}`);
  for (const f of [MAIN_FILE, DEPENDENT_FILE]) {
    if (!existsSync(path.join(dir, f))) throw new BenchError(`${rel(path.join(dir, f))} is missing: the corpus is not ${c.spec}`);
  }
  return { spec: c.spec, dir };
}

// Reuses bench/run.mjs for the download and install (it caches; tsc alone is the cheapest tool).
function runSetup() {
  log(`setting up the ${CORPUS} corpus with bench/run.mjs`);
  const r = spawnSync(process.execPath, [path.join(BENCH, 'run.mjs'), '--corpus', CORPUS, '--tools', 'tsc', '--runs', '1'],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new BenchError(`corpus setup with bench/run.mjs failed (exit ${r.status ?? r.signal})`);
}

function loadRpc() {
  try {
    return createRequire(path.join(REPO, 'package.json'))('vscode-jsonrpc/node');
  } catch {
    throw new BenchError('vscode-jsonrpc is not installed in node_modules (run npm install)');
  }
}

// ---------------------------------------------------------------------------------- LSP client
const SERVER_CANCELLED = -32802;

function readProcStatus(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rssKiB: null, hwmKiB: null };
  }
  const kib = (key) => {
    const m = text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : null;
  };
  return { rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM') };
}

// The same summed over the process and its descendants (on ts7 the server starts TypeScript 7's
// compiler as a child process): {rssKiB, hwmKiB, count}. The sum of VmHWM is each process's own
// peak added up (an upper bound of their simultaneous peak).
function readTreeStatus(pid) {
  const pids = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    if (pids.includes(p)) continue;
    pids.push(p);
    let tasks = [];
    try { tasks = readdirSync(`/proc/${p}/task`); } catch { /* gone */ }
    for (const t of tasks) {
      try { queue.push(...readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number)); } catch { /* gone */ }
    }
  }
  let rssKiB = null;
  let hwmKiB = null;
  for (const p of pids) {
    const st = readProcStatus(p);
    if (st.rssKiB !== null) rssKiB = (rssKiB ?? 0) + st.rssKiB;
    if (st.hwmKiB !== null) hwmKiB = (hwmKiB ?? 0) + st.hwmKiB;
  }
  return { rssKiB, hwmKiB, count: pids.length };
}

// CPU time (user + system, all threads) the process has used so far, in ms; null off Linux.
// Less sensitive than latency to other load on the machine.
let clockTicks;
function cpuMs(pid) {
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
  const one = (p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(')').pop().trim().split(/\s+/);
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks; // utime, stime
    } catch {
      return null;
    }
  };
  const own = one(pid);
  if (own === null) return null;
  // Plus the live children (the ts7 engine's compiler process), which outlive every measurement here.
  let children = 0;
  let tasks = [];
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { /* gone */ }
  for (const t of tasks) {
    let kids = [];
    try { kids = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number); } catch { /* gone */ }
    for (const k of kids) children += one(k) ?? 0;
  }
  return own + children;
}
const cpuDelta = (a, b) => (a === null || b === null ? null : b - a);

class Client {
  constructor(rpc, cwd, timeoutSec, maxMemory, engine) {
    this.timeoutMs = timeoutSec * 1000;
    this.stderr = '';
    this.errors = [];
    this.statuses = [];
    this.refreshWaiters = [];
    this.refreshes = 0;
    this.retries = 0;
    this.exited = null;
    const heap = maxMemory ? [`--max-old-space-size=${maxMemory}`] : [];
    this.proc = spawn(process.execPath, [...heap, SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.closed = new Promise((resolve) => this.proc.on('exit', (code, signal) => {
      this.exited = signal ?? code;
      resolve();
    }));
    this.proc.on('error', (e) => { this.errors.push(`spawn: ${e.message}`); });
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.conn = conn;
    // ts6: `{}` as before (the corpus's concurrency-lint.json sets no engine: ts6); ts7: the setting.
    conn.onRequest('workspace/configuration', (params) => params.items.map(() => (engine === 'ts7' ? { engine } : {})));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('window/showMessageRequest', (params) => {
      if (params.type === 1) this.errors.push(params.message);
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      const at = performance.now();
      for (const w of this.refreshWaiters.splice(0)) w(at);
      return null;
    });
    conn.onNotification('window/showMessage', (params) => { if (params.type === 1) this.errors.push(params.message); });
    conn.onNotification('window/logMessage', (params) => { if (params.type === 1) this.errors.push(params.message.split('\n')[0]); });
    conn.onNotification('concurrencyLint/status', (params) => { this.statuses.push(params); });
    conn.onNotification(() => undefined);
    conn.onError(() => undefined);
    conn.listen();
  }

  // A request that fails with a one-line BenchError when the server dies or does not answer.
  async request(method, params) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new BenchError(`no answer to ${method} within ${this.timeoutMs / 1000}s`)), this.timeoutMs);
    });
    const died = this.closed.then(() => { throw new BenchError(`the language server exited (${this.exited}) during ${method}${this.lastStderr()}`); });
    try {
      return await Promise.race([this.conn.sendRequest(method, params), timeout, died]);
    } finally {
      clearTimeout(timer);
    }
  }

  lastStderr() {
    const line = this.stderr.trim().split('\n').filter(Boolean).pop();
    return line ? `: ${line.slice(0, 200)}` : '';
  }

  notify(method, params) {
    if (this.exited !== null) throw new BenchError(`the language server exited (${this.exited})${this.lastStderr()}`);
    void this.conn.sendNotification(method, params);
  }

  nextRefresh() {
    let timer;
    return new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new BenchError(`no workspace/diagnostic/refresh within ${this.timeoutMs / 1000}s after editing an imported file`)), this.timeoutMs);
      this.refreshWaiters.push((at) => { clearTimeout(timer); resolve(at); });
    });
  }

  async initialize(rootDir) {
    const rootUri = pathToFileURL(rootDir).href;
    return this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'bench/lsp.mjs' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(rootDir) }],
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
        workspace: {
          configuration: true,
          workspaceFolders: true,
          diagnostics: { refreshSupport: true },
        },
      },
    });
  }

  open(doc) {
    this.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'typescript', version: doc.version, text: doc.text } });
  }

  // An incremental change: replaces the text between two (line, character) positions.
  change(doc, start, end, newText) {
    const a = offsetAt(doc.text, start);
    const b = offsetAt(doc.text, end);
    doc.text = doc.text.slice(0, a) + newText + doc.text.slice(b);
    doc.version++;
    this.notify('textDocument/didChange', {
      textDocument: { uri: doc.uri, version: doc.version },
      contentChanges: [{ range: { start, end }, text: newText }],
    });
  }

  // textDocument/diagnostic; asks again when the server cancels because the text changed (as
  // VS Code does). Returns the server's analysis time from the status notification, if any.
  async pull(doc) {
    for (let attempt = 0; ; attempt++) {
      const statusesBefore = this.statuses.length;
      try {
        const report = await this.request('textDocument/diagnostic', {
          identifier: 'concurrency-lint',
          textDocument: { uri: doc.uri },
          previousResultId: doc.resultId,
        });
        if (report.kind === 'full') doc.items = report.items;
        doc.resultId = report.resultId;
        const status = this.statuses.slice(statusesBefore).reverse().find((s) => s.lastAnalysisMs !== undefined);
        return { report, analysisMs: status?.lastAnalysisMs ?? null };
      } catch (e) {
        if (e?.code === SERVER_CANCELLED && e.data?.retriggerRequest !== false && attempt < 20) {
          this.retries++;
          continue;
        }
        if (e instanceof BenchError) throw e;
        throw new BenchError(`textDocument/diagnostic for ${doc.name} failed: ${e?.message ?? e}`);
      }
    }
  }

  async shutdown() {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch { /* killed below */ }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.closed;
    clearTimeout(timer);
    this.conn.dispose();
  }

  kill() {
    if (this.exited === null) this.proc.kill('SIGKILL');
  }
}

function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + character;
}

function makeDoc(dir, file) {
  const fileName = path.join(dir, file);
  return { name: file, uri: pathToFileURL(fileName).href, text: readFileSync(fileName, 'utf8'), version: 1, resultId: undefined, items: [] };
}

// ------------------------------------------------------------------------------------ one run
async function measureRun(rpc, corpus, opts, runIndex) {
  const client = new Client(rpc, corpus.dir, opts.timeout, opts.maxMemory, opts.engine);
  current = client;
  try {
    const t0 = performance.now();
    await client.initialize(corpus.dir);
    client.notify('initialized', {});
    const initMs = performance.now() - t0;

    // 1. First diagnostics of a freshly opened file (loads the project, builds the program).
    const main = makeDoc(corpus.dir, MAIN_FILE);
    const anchor = ANCHOR.exec(main.text);
    if (!anchor) throw new BenchError(`${MAIN_FILE} has no line matching ${ANCHOR} to edit after (corpus changed?)`);
    const editLine = main.text.slice(0, anchor.index).split('\n').length; // 0-based line after the anchor
    const indent = anchor[1];
    const pid = client.proc.pid;
    const cpuOpen = cpuMs(pid);
    const tOpen = performance.now();
    client.open(main);
    const first = await client.pull(main);
    const firstMs = performance.now() - tOpen;
    const firstCpuMs = cpuDelta(cpuOpen, cpuMs(pid));
    const firstItems = main.items.length;

    // 2. Scripted edits, each followed at once by a pull.
    const edits = [];
    let floatingSeen = null;
    const total = opts.warmup + opts.edits;
    let cpuEdits = null;
    const rssAt = { warm: null, firstHalf: null, secondHalf: null };
    const halfway = opts.warmup + (opts.edits >> 1);
    for (let i = 0; i < total; i++) {
      if (i === opts.warmup) {
        cpuEdits = cpuMs(pid);
        rssAt.warm = readTreeStatus(pid).rssKiB;
      }
      const inserting = i % 2 === 0;
      const statement = STATEMENTS[(i >> 1) % STATEMENTS.length];
      const start = performance.now();
      if (inserting) {
        client.change(main, { line: editLine, character: 0 }, { line: editLine, character: 0 }, `${indent}${statement}\n`);
      } else {
        client.change(main, { line: editLine, character: 0 }, { line: editLine + 1, character: 0 }, '');
      }
      const { report, analysisMs } = await client.pull(main);
      const ms = performance.now() - start;
      if (inserting && statement === FLOATING && floatingSeen !== true) {
        floatingSeen = main.items.some((d) => d.range.start.line === editLine && d.code === 'floating-promise');
      }
      if (i >= opts.warmup) {
        edits.push({ ms, analysisMs, kind: report.kind });
        const rss = readTreeStatus(pid).rssKiB; // a few /proc reads: cheap enough after every edit
        const half = i < halfway ? 'firstHalf' : 'secondHalf';
        if (rss !== null) rssAt[half] = Math.max(rssAt[half] ?? 0, rss);
      }
    }
    const editCpuMs = cpuDelta(cpuEdits, cpuMs(pid));
    // Leave the file as it was opened when the edit count is odd.
    if (total % 2 === 1) {
      client.change(main, { line: editLine, character: 0 }, { line: editLine + 1, character: 0 }, '');
      await client.pull(main);
    }

    // 4. Cross-file: an importer is open; editing the imported file must refresh it.
    const dependent = makeDoc(corpus.dir, DEPENDENT_FILE);
    const tDep = performance.now();
    client.open(dependent);
    await client.pull(dependent);
    const dependentFirstMs = performance.now() - tDep;
    const cross = [];
    for (let i = 0; i < opts.cross * 2; i++) {
      const inserting = i % 2 === 0;
      const refreshed = client.nextRefresh();
      const start = performance.now();
      if (inserting) client.change(main, { line: editLine, character: 0 }, { line: editLine, character: 0 }, `${indent}void 0;\n`);
      else client.change(main, { line: editLine, character: 0 }, { line: editLine + 1, character: 0 }, '');
      // VS Code pulls the edited document at once, and every open document on refresh.
      const own = client.pull(main);
      const refreshAt = await refreshed;
      const [, dep] = await Promise.all([client.pull(main), client.pull(dependent)]);
      const doneAt = performance.now();
      await own;
      if (inserting) cross.push({ refreshMs: refreshAt - start, doneMs: doneAt - start, depAnalysisMs: dep.analysisMs });
    }

    // 3. Memory of the server process after the run.
    const mem = readTreeStatus(client.proc.pid);
    if (client.errors.length) throw new BenchError(`the language server reported an error: ${client.errors[0].slice(0, 200)}`);

    const ms = edits.map((e) => e.ms);
    const analysis = edits.map((e) => e.analysisMs).filter((x) => x !== null);
    const result = {
      initMs, firstMs, firstAnalysisMs: first.analysisMs, firstCpuMs,
      editCpuMs: editCpuMs === null ? null : editCpuMs / opts.edits, firstItems, dependentFirstMs,
      p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms),
      analysisP50: analysis.length ? percentile(analysis, 50) : null,
      analysisP95: analysis.length ? percentile(analysis, 95) : null,
      unchanged: edits.filter((e) => e.kind === 'unchanged').length,
      refreshMs: median(cross.map((c) => c.refreshMs)),
      crossMs: median(cross.map((c) => c.doneMs)),
      crossAnalysisMs: median(cross.map((c) => c.depAnalysisMs).filter((x) => x !== null)),
      rssWarmMiB: rssAt.warm == null ? null : rssAt.warm / 1024,
      rssFirstHalfMiB: rssAt.firstHalf === null ? null : rssAt.firstHalf / 1024,
      rssSecondHalfMiB: rssAt.secondHalf === null ? null : rssAt.secondHalf / 1024,
      rssMiB: mem.rssKiB === null ? null : mem.rssKiB / 1024,
      hwmMiB: mem.hwmKiB === null ? null : mem.hwmKiB / 1024,
      processes: mem.count,
      retries: client.retries,
      floatingSeen,
      editLine,
    };
    log(`run ${runIndex}: first diagnostics ${fmt(firstMs)} ms, edits p50 ${fmt(result.p50)} / p95 ${fmt(result.p95)} / max ${fmt(result.max)} ms, ` +
      `cross-file ${fmt(result.crossMs)} ms, RSS after warm-up ${fmt(result.rssWarmMiB)}, highest over the first / second half of the edits ` +
      `${fmt(result.rssFirstHalfMiB)} / ${fmt(result.rssSecondHalfMiB)}, after the run ${fmt(result.rssMiB)} MiB (peak ${fmt(result.hwmMiB)} MiB)`);
    await client.shutdown();
    return result;
  } finally {
    client.kill();
    current = null;
  }
}

// ---------------------------------------------------------------------------------- statistics
function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
// Nearest-rank percentile.
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const fmt = (x) => (x === null || x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

// -------------------------------------------------------------------------------------- report
function report(opts, corpus, runs, machine) {
  const med = (key) => median(runs.map((r) => r[key]).filter((x) => x !== null && x !== undefined));
  const verdict = (v, target) => (v === null ? '' : v <= target ? 'PASS' : 'MISS');
  const targets = TARGETS[opts.engine];
  const tree = opts.engine === 'ts7' ? ' (server + its TypeScript 7 child process)' : '';
  const rows = [
    ['spawn → `initialize` result, ms', 'initMs'],
    [`first diagnostics: \`didOpen\` → first \`textDocument/diagnostic\` response, ms`, 'firstMs', targets.firstMs],
    ['… of which server work (status `lastAnalysisMs`: project load, program, lint), ms', 'firstAnalysisMs'],
    [`… server CPU time (user + system, all threads)${tree}, ms`, 'firstCpuMs'],
    [`edit → diagnostics p50, ms (${opts.edits} edits after ${opts.warmup} warm-up)`, 'p50'],
    ['edit → diagnostics p95, ms', 'p95', targets.p95Ms],
    ['edit → diagnostics max, ms', 'max'],
    ['… server analysis per edit p50 / p95, ms', null, null, (r) => `${fmt(r.analysisP50)} / ${fmt(r.analysisP95)}`],
    [`… server CPU time per edit (mean)${tree}, ms`, 'editCpuMs'],
    ['importer opened later: `didOpen` → first response, ms', 'dependentFirstMs'],
    [`cross-file: edit → \`workspace/diagnostic/refresh\` received, ms (median of ${opts.cross})`, 'refreshMs'],
    ['cross-file: edit → importer re-pulled, ms', 'crossMs'],
    ['… of which server analysis of the importer, ms', 'crossAnalysisMs'],
    [`server RSS${tree} after the ${opts.warmup} warm-up edits, MiB`, 'rssWarmMiB'],
    [`server RSS${tree}, highest over counted edits 1–${opts.edits >> 1}, MiB`, 'rssFirstHalfMiB'],
    [`server RSS${tree}, highest over counted edits ${(opts.edits >> 1) + 1}–${opts.edits} (steady state: ≈ the line above), MiB`, 'rssSecondHalfMiB'],
    [`server RSS${tree} after the run (VmRSS), MiB`, 'rssMiB'],
    [`server peak RSS (VmHWM${tree ? ', each process\'s own peak added up' : ''}), MiB`, 'hwmMiB'],
    ['processes (server and its children) at the end', null, null, (r) => String(r.processes ?? '—')],
  ];
  const out = [];
  const heapFlag = opts.maxMemory ? `--max-old-space-size=${opts.maxMemory} ` : '';
  const heapNote = opts.maxMemory === DEFAULT_MAX_MEMORY ? ' (the heap limit the VS Code extension sets by default)' : opts.maxMemory ? '' : " (Node's default heap limit)";
  out.push(`Measured ${machine.date} with \`node bench/lsp.mjs --runs ${opts.runs} --edits ${opts.edits} --warmup ${opts.warmup} --cross ${opts.cross}` +
    `${opts.maxMemory === DEFAULT_MAX_MEMORY ? '' : ` --max-memory ${opts.maxMemory}`}${opts.engine === 'ts6' ? '' : ` --engine ${opts.engine}`}\`: ` +
    `${opts.runs} run${opts.runs > 1 ? 's' : ''}, each with a fresh \`node ${heapFlag}dist/server.js --stdio\`${heapNote}.`, '');
  out.push(`Machine: ${machine.nproc} cores (${machine.cpu}), ${machine.mem} RAM, ${machine.os}; Node ${machine.node}. ` +
    `Load average (1/5/15 min) before: ${machine.loadBefore}, after: ${machine.loadAfter} — other work on the machine inflates latencies.`, '');
  out.push(`Corpus \`${corpus.spec}\` (tsconfig project from \`npm run bench\`). Edited file \`${MAIN_FILE}\` ` +
    `(${corpus.mainLines} lines; edits on line ${runs[0].editLine + 1}, inside \`async function executeOperation\`: ` +
    `${STATEMENTS.map((s) => `\`${s}\``).join(', ')} inserted in turn, each deleted by the next edit, one incremental \`didChange\` each, ` +
    `then an immediate pull). Importer \`${DEPENDENT_FILE}\` (${corpus.dependentLines} lines).`, '');
  out.push(`| metric | ${runs.map((_, i) => `run ${i + 1}`).join(' | ')} | median | target | |`,
    `|---|${runs.map(() => '--:|').join('')}--:|---|---|`);
  for (const [label, key, target, cell] of rows) {
    const cells = runs.map((r) => (cell ? cell(r) : fmt(r[key])));
    const m = cell ? '' : med(key);
    out.push(`| ${label} | ${cells.join(' | ')} | ${cell ? '' : fmt(m)} | ${target ? `≤ ${target}` : ''} | ${target ? verdict(m, target) : ''} |`);
  }
  out.push('');
  const retries = runs.reduce((n, r) => n + r.retries, 0);
  const unchanged = runs.reduce((n, r) => n + r.unchanged, 0);
  const floating = runs.every((r) => r.floatingSeen === true) ? 'reported in every run' : 'NOT reported in every run (check the config)';
  out.push(`Checks: the inserted floating \`${FLOATING}\` was ${floating}; ${runs[0].firstItems} diagnostic(s) on the unedited file; ` +
    `${unchanged} of ${runs.length * opts.edits} counted pulls answered "unchanged"; ${retries} pull(s) retried after a server cancellation.`);
  return out.join('\n');
}

function machineInfo(loadBefore) {
  return { ...machineFacts(), loadBefore, loadAfter: loadAverage() };
}

// Replaces only the text between the engine's markers (appends the section when missing).
function writeBenchmarksMd(md, engine) {
  const { start: MARK_START, end: MARK_END } = markers(engine);
  const section = engine !== 'ts6' ? [
    MARK_START,
    `### On the ${engine} engine (\`npm run bench:lsp -- --engine ${engine}\`)`,
    '',
    `The same scenario with \`workspace/configuration\` answered with \`{ "engine": "${engine}" }\` (the \`concurrencyLint.engine\` setting): ` +
      'the server keeps one TypeScript 7 compiler process per tsconfig (started on the first lint, brought to the open documents\' text by a ' +
      'snapshot update on every edit) next to its TypeScript 6 program. CPU time and memory are of the server and that child process together ' +
      '(RSS summed over the process tree read from /proc; peak: each process\'s VmHWM added up). Target: p95 edit → diagnostics ≤ 50 ms (issue 13).',
    '',
    md.trim(),
    MARK_END,
  ].join('\n') : [
    MARK_START,
    '## Language server latency (`npm run bench:lsp`)',
    '',
    '`npm run bench:lsp` (`bench/lsp.mjs`) drives `node --max-old-space-size=N dist/server.js --stdio` (N: the heap limit the VS Code extension sets, ' +
      '`concurrencyLint.server.maxMemory`) as VS Code does in pull-diagnostics mode ' +
      '(client declares `textDocument.diagnostic` and `workspace.diagnostics.refreshSupport`; `workspace/configuration` answered with `{}`), ' +
      'on the `mongodb` corpus of `npm run bench`. Times are measured in the client, from sending a notification to receiving the response, ' +
      'so they include JSON-RPC transport. Flags: `--runs N` (default 3), `--edits N` (50), `--warmup N` (5), `--cross N` (5), `--write`, ' +
      '`--setup` (install the corpus via `bench/run.mjs`), `--timeout SEC`, `--max-memory N` (the heap limit in MiB; 0: Node\'s default), ' +
      '`--engine ts6|ts7` (the `concurrencyLint.engine` setting; default ts6, this section; ts7 writes the section below). ' +
      'Memory: RSS after the warm-up, then its highest value (read after every edit) over the first and over the second half of the ' +
      'counted edits; with many edits (`--edits 1000`) the two show whether memory has levelled off.',
    '',
    md.trim(),
    MARK_END,
  ].join('\n');
  let text = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  const i = text.indexOf(MARK_START);
  const j = text.indexOf(MARK_END);
  const ts6End = markers('ts6').end;
  if (i >= 0 && j > i) text = text.slice(0, i) + section + text.slice(j + MARK_END.length);
  else if (engine !== 'ts6' && text.includes(ts6End)) {
    const k = text.indexOf(ts6End) + ts6End.length;
    text = `${text.slice(0, k)}\n\n${section}${text.slice(k)}`;
  } else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_MD, text);
  log(`results written to ${rel(BENCHMARKS_MD)}`);
}

// ------------------------------------------------------------------------------------------ main
let current = null;
process.on('SIGINT', () => {
  current?.kill?.();
  process.stderr.write('\nbench:lsp: interrupted\n');
  process.exit(130);
});

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(SERVER)) throw new BenchError(`${rel(SERVER)} is missing: run \`npm run build\` first`);
  if (opts.setup) runSetup();
  const corpus = corpusDir();
  corpus.mainLines = readFileSync(path.join(corpus.dir, MAIN_FILE), 'utf8').split('\n').length;
  corpus.dependentLines = readFileSync(path.join(corpus.dir, DEPENDENT_FILE), 'utf8').split('\n').length;
  const rpc = loadRpc();
  const loadBefore = loadAverage();
  log(`corpus ${corpus.spec} in ${rel(corpus.dir)}; editing ${MAIN_FILE}, importer ${DEPENDENT_FILE}`);
  const runs = [];
  for (let i = 1; i <= opts.runs; i++) runs.push(await measureRun(rpc, corpus, opts, i));
  const md = report(opts, corpus, runs, machineInfo(loadBefore));
  process.stdout.write(md + '\n');
  if (opts.write) writeBenchmarksMd(md, opts.engine);
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(e instanceof BenchError ? `bench:lsp: ${e.message}\n` : `bench:lsp: internal error: ${e?.stack ?? e}\n`);
  process.exit(2);
});
