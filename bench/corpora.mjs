// Corpus set-up shared by the benchmark scripts (`npm run bench`: bench/run.mjs, and
// `npm run bench:review`: bench/review.mjs): download a pinned npm package, unpack it, install
// its pinned dependencies beside it from a lock file in bench/locks/, cache the result by a
// stamp, and write the corpus's tsconfig. Plain Node ESM, no dependencies.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { REPO } from './config.mjs';

export const BENCH = import.meta.dirname;
export const WORK = path.join(BENCH, '.work');
export const LOCKS = path.join(BENCH, 'locks');

export class BenchError extends Error {}
export const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
export const rel = (p) => path.relative(REPO, p) || '.';

// Child processes get the user's environment minus what `npm run` injects about *this* package
// and anything that changes how node behaves.
export function childEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_(package|lifecycle|command|config_local_prefix|config_prefix|config_global)/i.test(k) ||
        k === 'INIT_CWD' || k === 'NODE_OPTIONS' || k === 'ESLINT_USE_FLAT_CONFIG' || k === 'TIMING') {
      delete env[k];
    }
  }
  return env;
}

// Runs a setup command (npm, tar), output captured; throws a one-line error on failure.
export function runSetup(file, args, cwd, what) {
  const r = spawnSync(file, args, { cwd, env: childEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new BenchError(`${what}: ${r.error.code === 'ENOENT' ? `${file} not found` : r.error.message}`);
  if (r.status !== 0) {
    const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((s) => s.trim())
      .filter((s) => s && !/Unknown (user|env|project) config/.test(s));
    const err = lines.find((s) => /ERR|error/i.test(s)) ?? lines[0] ?? `exit ${r.status}`;
    throw new BenchError(`${what} failed: ${err}`);
  }
  return r.stdout;
}

export function corpusRoot(c) { return path.join(WORK, 'corpora', c.name); }

function wrapperPackageJson(c) {
  return JSON.stringify({
    name: `bench-corpus-${c.name}`,
    version: '0.0.0',
    private: true,
    description: `dependencies for the ${c.spec} benchmark corpus (written by bench/corpora.mjs)`,
    dependencies: c.dependencies,
  }, null, 2) + '\n';
}

export function lockFile(c) { return path.join(LOCKS, `${c.name}.package-lock.json`); }

function setupStamp(c) {
  const lock = existsSync(lockFile(c)) ? readFileSync(lockFile(c)) : '';
  // `moveAside` is part of the stamp only when given, so the stamps of the older corpora stay.
  const what = { v: 1, spec: c.spec, deps: c.dependencies, ...(c.moveAside ? { moveAside: c.moveAside } : {}) };
  return createHash('sha256').update(JSON.stringify(what)).update(lock).digest('hex');
}

// The files of `c.moveAside` in the unpacked package `dir`: each entry is a path relative to it,
// whose last segment may hold `*` wildcards; an entry matching nothing is an error.
function moveAsideFiles(c, dir) {
  const out = [];
  for (const entry of c.moveAside ?? []) {
    const sub = path.posix.dirname(entry);
    const re = new RegExp(`^${path.posix.basename(entry).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const names = existsSync(path.join(dir, sub)) ? readdirSync(path.join(dir, sub)).filter((n) => re.test(n)) : [];
    if (!names.length) throw new BenchError(`${c.spec}: nothing matches ${entry} (moveAside) in the package`);
    out.push(...names.map((n) => path.posix.join(sub, n)));
  }
  return out;
}

// Downloads, unpacks and installs a corpus into bench/.work/corpora/<name>/ unless the stamp
// says it is already there. Works in a temporary folder and renames it at the end, so an
// interrupted setup never leaves a half-made corpus behind. A corpus's optional `moveAside`
// lists files of the package (relative to it) that are moved to <name>/aside/ after unpacking
// (e.g. editor-only tsconfigs inside src/ that would otherwise take over some files).
export function ensureCorpus(c, { updateLocks }) {
  const root = corpusRoot(c);
  const stampFile = path.join(root, '.bench-setup');
  const stamp = setupStamp(c);
  const pkgDir = path.join(root, 'package');
  if (!updateLocks && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp &&
      existsSync(path.join(pkgDir, 'package.json')) && existsSync(path.join(root, 'node_modules'))) {
    log(`${c.name}: corpus ready (cached in ${rel(root)})`);
    return;
  }
  mkdirSync(path.join(WORK, 'corpora'), { recursive: true });
  const tmp = `${root}.tmp-${process.pid}`;
  // Leftovers of interrupted setups.
  for (const f of readdirSync(path.join(WORK, 'corpora'))) {
    if (f.startsWith(`${c.name}.tmp-`)) rmSync(path.join(WORK, 'corpora', f), { recursive: true, force: true });
  }
  mkdirSync(path.join(tmp, '.pack'), { recursive: true });
  try {
    log(`${c.name}: npm pack ${c.spec}`);
    const packed = JSON.parse(runSetup('npm', ['pack', c.spec, '--json', '--pack-destination', path.join(tmp, '.pack')],
      path.join(tmp, '.pack'), `npm pack ${c.spec}`));
    const tgz = path.join(tmp, '.pack', packed[0].filename);
    log(`${c.name}: unpacking ${path.basename(tgz)}`);
    runSetup('tar', ['xzf', tgz, '-C', tmp], tmp, `unpacking ${path.basename(tgz)}`);
    if (!existsSync(path.join(tmp, 'package', 'package.json'))) throw new BenchError(`${c.spec}: tarball has no package/ folder`);
    rmSync(path.join(tmp, '.pack'), { recursive: true, force: true });
    for (const f of moveAsideFiles(c, path.join(tmp, 'package'))) {
      const to = path.join(tmp, 'aside', f);
      mkdirSync(path.dirname(to), { recursive: true });
      renameSync(path.join(tmp, 'package', f), to);
    }
    writeFileSync(path.join(tmp, 'package.json'), wrapperPackageJson(c));
    const deps = Object.entries(c.dependencies).map(([n, v]) => `${n}@${v}`);
    if (updateLocks) {
      log(`${c.name}: resolving ${deps.join(' ')} into ${rel(lockFile(c))}`);
      runSetup('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], tmp, `npm install (lock) for ${c.name}`);
      mkdirSync(LOCKS, { recursive: true });
      copyFileSync(path.join(tmp, 'package-lock.json'), lockFile(c));
    } else if (existsSync(lockFile(c))) {
      copyFileSync(lockFile(c), path.join(tmp, 'package-lock.json'));
    } else {
      log(`${c.name}: warning: no ${rel(lockFile(c))}; transitive versions are not pinned (run with --update-locks)`);
    }
    log(`${c.name}: npm install --no-save --ignore-scripts (package.json + lock beside the package: ${deps.join(' ')})`);
    runSetup('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      tmp, `npm install for ${c.name}`);
    for (const d of Object.keys(c.dependencies)) {
      if (!existsSync(path.join(tmp, 'node_modules', d, 'package.json'))) throw new BenchError(`npm install for ${c.name}: ${d} is missing afterwards`);
    }
    // After --update-locks the lock (part of the stamp) may have changed.
    writeFileSync(path.join(tmp, '.bench-setup'), setupStamp(c) + '\n');
    rmSync(root, { recursive: true, force: true });
    renameSync(tmp, root);
    log(`${c.name}: corpus ready in ${rel(root)}`);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

// The corpus folder as a context object ({...corpus, dir}), after writing its tsconfig: the
// recipe's (`tsconfig`), or none when the corpus uses the one its package ships
// (`tsconfig: 'shipped'`; it is then checked to exist).
export function corpusContext(c) {
  const dir = path.join(corpusRoot(c), 'package');
  if (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(corpusRoot(c), 'node_modules'))) {
    throw new BenchError(`corpus ${c.name} is not set up in ${rel(corpusRoot(c))} (run without --skip-setup)`);
  }
  const ctx = { ...c, dir: realpathSync(dir) };
  if (c.tsconfig === 'shipped') {
    if (!existsSync(path.join(ctx.dir, 'tsconfig.json'))) throw new BenchError(`${c.spec} ships no tsconfig.json`);
  } else {
    writeFileSync(path.join(ctx.dir, 'tsconfig.json'), JSON.stringify(c.tsconfig, null, 2) + '\n');
  }
  return ctx;
}
