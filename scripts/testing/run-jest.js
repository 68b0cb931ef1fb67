#!/usr/bin/env node
'use strict';
// `npm test`: makes sure the loopback test CA exists, then runs jest with NODE_EXTRA_CA_CERTS pointing at it
// (Node reads that variable only at start-up, so it must be set before jest and its workers start).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureTestCa } = require('./tls/test-ca.js');
const { findChromium, HOW_TO_GET } = require('./browser/chromium.js');

const root = path.resolve(__dirname, '../..');
const BROWSER_TEST = 'scripts/dev-services/docs-browser.test.ts';

async function main() {
  const { certFile } = await ensureTestCa();
  // ts-jest only transpiles (fast, per file); the whole-project type check and eslint run once here, before a full
  // run. A run narrowed to some paths (`npm test -- scripts/spec`) skips them.
  if (!process.argv.slice(2).some((a) => !a.startsWith('-'))) {
    process.stderr.write('npm test: type-checking the project (tsc --noEmit)…\n');
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: root });
    if (tsc.status !== 0) {
      process.stderr.write('npm test: type errors above; fix them before the tests run.\n');
      return 1;
    }
    process.stderr.write('npm test: linting (eslint, eslint.config.mjs)…\n');
    // eslint's package exports do not include its bin; its package.json is exported and the bin sits beside it.
    const lint = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), '--max-warnings', '0', '.'], { stdio: 'inherit', cwd: root });
    if (lint.status !== 0) {
      process.stderr.write('npm test: lint errors above; fix them (npm run lint) before the tests run.\n');
      return 1;
    }
    process.stderr.write('npm test: checking formatting (prettier, .prettierrc.json)…\n');
    const fmt = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('prettier/package.json')), 'bin', 'prettier.cjs'), '--check', '--log-level', 'warn', '.'], {
      stdio: 'inherit',
      cwd: root,
    });
    if (fmt.status !== 0) {
      process.stderr.write('npm test: the files above are not formatted; run npm run format, then npm test again.\n');
      return 1;
    }
  }
  const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
  });
  const paths = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const ranBrowserTest = !paths.length || paths.some((p) => BROWSER_TEST.startsWith(p.replace(/^\.\//, '')));
  if (ranBrowserTest && !findChromium()) {
    // Repeated after jest's summary, where it cannot be missed (jest shows the skip only as one of many lines).
    const ci = process.env.CI === 'true' ? ' CI=true, so that test FAILED.' : ' The test was SKIPPED.';
    process.stderr.write(`\nnpm test: Chromium not found: the docs-page browser test (${BROWSER_TEST}) could not run.${ci}\nnpm test: ${HOW_TO_GET}\n`);
  }
  return r.status === null ? 2 : r.status;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`npm test: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  },
);
