/**
 * Cold start: controllers import `tsoa` / `@tsoa/runtime` only for decorators and `Controller`, but the package
 * index also loads reflect-metadata, the validator library and every framework template (~170 KB minified, tens
 * of ms at start). This esbuild plugin serves those two imports from a generated module that loads the decorator
 * and interface files eagerly and everything else lazily (on first property access, from the full index). The
 * export names come from the project's installed @tsoa/runtime, so nothing goes missing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'connectorkit-tsoa-lite';
/** Needs reflect-metadata, so it stays lazy (the full index loads reflect-metadata first). */
const LAZY_FILES = new Set(['decorators/middlewares.js']);

/** The generated module text for the @tsoa/runtime installed at `root`. */
export function tsoaLiteSource(root: string): string {
  const indexFile = require.resolve('@tsoa/runtime', { paths: [root] });
  const dist = path.dirname(indexFile);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- reads the export names of the project's installed @tsoa/runtime at build time
  const allNames = Object.keys(require(indexFile) as object).filter((k) => k !== '__esModule' && k !== 'default');
  const eager: Array<{ spec: string; names: string[] }> = [];
  for (const sub of ['decorators', 'interfaces']) {
    for (const f of readdirSync(path.join(dist, sub))
      .filter((x) => x.endsWith('.js'))
      .sort()) {
      if (LAZY_FILES.has(`${sub}/${f}`)) continue;
      const spec = `@tsoa/runtime/dist/${sub}/${f.replace(/\.js$/, '')}`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- reads the export names of the project's installed @tsoa/runtime at build time
      eager.push({ spec, names: Object.keys(require(path.join(dist, sub, f)) as object).filter((k) => k !== '__esModule') });
    }
  }
  const lines = [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'let full;',
    'const lazy = () => full || (full = require("@tsoa/runtime/dist/index.js"));',
    'const def = (k, get) => Object.defineProperty(exports, k, { enumerable: true, get });',
  ];
  const covered = new Set<string>();
  eager.forEach((m, i) => {
    lines.push(`const m${i} = require(${JSON.stringify(m.spec)});`);
    for (const n of m.names) {
      if (covered.has(n)) continue;
      covered.add(n);
      lines.push(`def(${JSON.stringify(n)}, () => m${i}[${JSON.stringify(n)}]);`);
    }
  });
  for (const n of allNames) if (!covered.has(n)) lines.push(`def(${JSON.stringify(n)}, () => lazy()[${JSON.stringify(n)}]);`);
  return lines.join('\n') + '\n';
}

/**
 * tsoa's validation uses seven functions of `validator` but imports the whole library (130 KB minified, parsed at
 * every cold start); serve it, for importers inside @tsoa/runtime only, from those seven files.
 */
export function validatorSlimSource(root: string): string {
  const helpers = require.resolve('@tsoa/runtime/dist/routeGeneration/templateHelpers', { paths: [root] });
  const used = [...new Set([...readFileSync(helpers, 'utf8').matchAll(/validator_1\.default\.(\w+)/g)].map((m) => m[1]!))].sort();
  const entries = used.map((f) => `  ${f}: require(${JSON.stringify(`validator/lib/${f}`)}).default,`);
  return ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });', 'exports.default = {', ...entries, '};', ''].join('\n');
}

/** Serves `tsoa` and `@tsoa/runtime` (exact specifiers) from the lite module; deep imports are untouched. */
export function tsoaLitePlugin(root: string): Plugin {
  return {
    name: 'connectorkit-tsoa-lite',
    setup(b) {
      b.onResolve({ filter: /^(tsoa|@tsoa\/runtime)$/ }, () => ({ path: 'tsoa-lite.js', namespace: NAMESPACE }));
      b.onResolve({ filter: /^validator$/ }, (args) =>
        /[\\/]@tsoa[\\/]runtime[\\/]/.test(args.importer)
          ? { path: 'validator-slim.js', namespace: NAMESPACE, pluginData: path.dirname(require.resolve('validator/package.json', { paths: [args.resolveDir] })) }
          : undefined,
      );
      b.onLoad({ filter: /^tsoa-lite\.js$/, namespace: NAMESPACE }, () => ({ contents: tsoaLiteSource(root), loader: 'js', resolveDir: root }));
      b.onLoad({ filter: /^validator-slim\.js$/, namespace: NAMESPACE }, (args) => ({ contents: validatorSlimSource(root), loader: 'js', resolveDir: path.dirname(args.pluginData as string) }));
    },
  };
}
