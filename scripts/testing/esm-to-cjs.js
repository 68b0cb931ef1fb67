'use strict';
/**
 * Jest transform for dependencies published only as ES modules (jose 6): jest's CommonJS runtime cannot load
 * `import`/`export`, while Node itself (require of ESM) and the esbuild bundle can. esbuild rewrites them to
 * CommonJS for the tests, the same translation the bundle applies.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, file) {
    const out = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: file, sourcemap: 'inline' });
    return { code: out.code };
  },
};
