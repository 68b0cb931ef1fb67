#!/usr/bin/env node
'use strict';
// `npm test`: makes sure the loopback test CA exists, then runs jest with NODE_EXTRA_CA_CERTS pointing at it
// (Node reads that variable only at start-up, so it must be set before jest and its workers start).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureTestCa } = require('./tls/test-ca.js');

const { certFile } = ensureTestCa();
const jestBin = require.resolve('jest/bin/jest');
const r = spawnSync(process.execPath, [jestBin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: path.resolve(__dirname, '../..'),
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
});
process.exit(r.status === null ? 2 : r.status);
