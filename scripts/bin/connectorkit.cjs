#!/usr/bin/env node
'use strict';
// Process entry. Loads the TypeScript sources through tsx (no separate compile step), runs the CLI and maps the
// outcome to an exit code: 0 ok, 1 user error, 2 internal error. The only place that calls process.exit.
//
// Why .cjs, and why the check below: Node parses the package.json of the package that holds a module before it runs
// a `.js` entry (is it "type": "module"?) and before it resolves any require() from it (package self-reference). A
// broken package.json would crash Node with a raw stack before any connectorkit code runs. A `.cjs` entry skips the
// first read; the check turns the second into a coded error. Only node: builtins may be required before it.
const { readFileSync, existsSync } = require('node:fs');
const path = require('node:path');

/** The package.json Node reads for this file: the nearest one upwards, not crossing node_modules. */
function packageScopeFile(dir) {
  for (let d = dir; path.basename(d) !== 'node_modules'; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (existsSync(file)) return file;
    if (path.dirname(d) === d) return undefined;
  }
  return undefined;
}

function failOnBrokenPackageJson() {
  const file = packageScopeFile(__dirname);
  if (!file) return;
  try {
    JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    // Mirrors the IoHost renderers (scripts/core/io.ts); commander and the hosts cannot be loaded yet.
    const error = {
      code: 'CK_CONFIG_FILE_UNREADABLE',
      message: `Cannot parse ${file}: ${e && e.message ? e.message : e}`,
      hint: `Fix the JSON syntax of ${file}; Node cannot load connectorkit (or any script of this project) while it is broken.`,
      target: file,
    };
    const args = process.argv.slice(2);
    const end = args.indexOf('--');
    if ((end === -1 ? args : args.slice(0, end)).includes('--json')) {
      process.stdout.write(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    } else {
      process.stderr.write(`(x) Error: ${error.message} [${error.code}]\n    Next: ${error.hint}\n`);
    }
    process.exit(1);
  }
}

// A reader that goes away (`connectorkit … | head`) must neither crash the CLI with an EPIPE stack nor abandon a deploy
// half-way: the rest of the output is dropped, the command finishes, and its exit code stands.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED')) return;
    throw e;
  });
}

failOnBrokenPackageJson();
require('tsx/cjs/api').register();
const { main } = require('../cli/main.ts');
main(process.argv).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`connectorkit: internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  },
);
