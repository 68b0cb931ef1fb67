#!/usr/bin/env node
'use strict';
// Process entry. Loads the TypeScript sources through tsx (no separate compile step), runs the CLI and maps the
// outcome to an exit code: 0 ok, 1 user error, 2 internal error. The only place that calls process.exit.
require('tsx/cjs/api').register();
const { main } = require('../cli/main.ts');
main(process.argv).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`connectorkit: internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  },
);
