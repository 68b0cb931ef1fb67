#!/usr/bin/env node
'use strict';
// `npm test`: makes sure the loopback test CA exists, then runs jest with NODE_EXTRA_CA_CERTS pointing at it
// (Node reads that variable only at start-up, so it must be set before jest and its workers start).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureTestCa } = require('./tls/test-ca.js');

const { certFile } = ensureTestCa();
const root = path.resolve(__dirname, '../..');

// ts-jest only transpiles (fast, per file); the whole-project type check and eslint run once here, before a full
// run. A run narrowed to some paths (`npm test -- scripts/spec`) skips them.
if (!process.argv.slice(2).some((a) => !a.startsWith('-'))) {
  process.stderr.write('npm test: type-checking the project (tsc --noEmit)…\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: root });
  if (tsc.status !== 0) {
    process.stderr.write('npm test: type errors above; fix them before the tests run.\n');
    process.exit(1);
  }
  process.stderr.write('npm test: linting (eslint, eslint.config.mjs)…\n');
  // eslint's package exports do not include its bin; its package.json is exported and the bin sits beside it.
  const lint = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), '--max-warnings', '0', '.'], { stdio: 'inherit', cwd: root });
  if (lint.status !== 0) {
    process.stderr.write('npm test: lint errors above; fix them (npm run lint) before the tests run.\n');
    process.exit(1);
  }
}

const jestBin = require.resolve('jest/bin/jest');
const r = spawnSync(process.execPath, [jestBin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
});
process.exit(r.status === null ? 2 : r.status);
