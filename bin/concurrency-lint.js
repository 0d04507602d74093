#!/usr/bin/env node
"use strict";
// The CLI's entry point: everything lives in the bundle built by `npm run build`.
// Node >= 22.1 keeps the compiled code of the bundle and of TypeScript on disk between runs
// (loading them is most of a warm --cache run); older versions have no such function.
require("node:module").enableCompileCache?.();
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("concurrency-lint: dist/cli.js is missing; run `npm run build` first\n");
  process.exit(2);
}
process.exitCode = require(bundle).run(process.argv.slice(2));
