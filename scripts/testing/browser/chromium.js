'use strict';
/**
 * Where the browser tests find Chromium: CK_CHROMIUM, else Debian's package (/usr/bin/chromium). The tests drive it
 * with playwright-core, which never downloads a browser of its own. Shared by the tests and scripts/testing/run-jest.js
 * (which repeats the how-to-get-it line after jest when the browser is missing).
 */
const fs = require('node:fs');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const HOW_TO_GET = "Install Debian's Chromium: `sudo apt-get install chromium` (.ci/run installs it in CI), or set CK_CHROMIUM to a Chromium or Chrome binary.";

/** The Chromium binary to use, or undefined when there is none. */
function findChromium() {
  const chosen = process.env.CK_CHROMIUM;
  if (chosen) return fs.existsSync(chosen) ? chosen : undefined;
  return CANDIDATES.find((f) => fs.existsSync(f));
}

module.exports = { findChromium, HOW_TO_GET };
