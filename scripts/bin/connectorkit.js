#!/usr/bin/env node
'use strict';
// Kept for existing `node scripts/bin/connectorkit.js …` invocations; the entry is connectorkit.cjs (see there why:
// with a broken package.json only the .cjs entry can report a coded error instead of Node's raw stack).
require('./connectorkit.cjs');
