#!/usr/bin/env node
'use strict';
// Runs a TypeScript file (bench, tools) through tsx's CommonJS loader: `node scripts/bin/run-ts.js file.ts args…`.
require('tsx/cjs/api').register();
const path = require('node:path');
const file = path.resolve(process.argv[2]);
process.argv.splice(1, 1);
const mod = require(file);
if (typeof mod.main === 'function') {
  Promise.resolve(mod.main(process.argv.slice(2))).then(
    (code) => process.exit(typeof code === 'number' ? code : 0),
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
      process.exit(2);
    },
  );
}
