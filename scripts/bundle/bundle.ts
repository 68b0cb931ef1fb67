/**
 * esbuild: one CJS bundle for Node 20, `@azure/functions-core` external (the Functions worker injects it),
 * `@connectorkit/runtime` aliased to this package's runtime. The generated routes file can be supplied in memory,
 * so a build bundles before writing anything. Returns dist/app's files and a deterministic app.zip.
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CkError } from '../core/errors';
import { toJsonText } from '../core/fs';
import { deterministicZip } from './zip';
import { tsoaLitePlugin } from './tsoa-lite';
import type { BundleOptions, BundleResult } from './types';

const RUNTIME_ENTRY = path.resolve(__dirname, '../runtime/index.ts');

const posix = (p: string) => p.split(path.sep).join('/');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function inMemoryRoutes(file: string, source: string): esbuild.Plugin {
  return {
    name: 'connectorkit-routes',
    setup(b) {
      const base = path.basename(file).replace(/\.ts$/, '');
      b.onResolve({ filter: new RegExp(`(^|/)${escapeRe(base)}(\\.ts)?$`) }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path);
        return abs === file || `${abs}.ts` === file ? { path: file } : undefined;
      });
      b.onLoad({ filter: new RegExp(`^${escapeRe(file)}$`) }, () => ({ contents: source, loader: 'ts', resolveDir: path.dirname(file) }));
    },
  };
}

function format(m: esbuild.Message): string {
  return m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text;
}

export async function bundleApp(opts: BundleOptions): Promise<BundleResult> {
  let hostJson: unknown;
  try {
    hostJson = JSON.parse(opts.hostJson);
  } catch (e) {
    throw new CkError({ code: 'CK_BUNDLE_HOST_JSON_MISSING', message: `host.json is not valid JSON: ${(e as Error).message}`, cause: e });
  }
  // Importing both guarantees registration even when the entry forgets to import the generated routes.
  const rel = (f: string) => JSON.stringify(`./${posix(path.relative(opts.root, f)).replace(/\.ts$/, '')}`);
  const stdin = `import ${rel(opts.entryFile)};\nimport ${rel(opts.routesFile)};\n`;
  let result: esbuild.BuildResult<{ write: false; metafile: false }>;
  // esbuild resolves the in-memory file's imports from its folder, which must exist (an empty folder is harmless).
  if (opts.routesSource !== undefined) await mkdir(path.dirname(opts.routesFile), { recursive: true });
  try {
    result = await esbuild.build({
      stdin: { contents: stdin, resolveDir: opts.root, sourcefile: 'connectorkit-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: path.join(opts.root, 'dist/app/main.js'),
      write: false,
      sourcemap: 'linked',
      sourcesContent: false,
      minify: opts.minify ?? true,
      external: ['@azure/functions-core'],
      // `tsoa` re-exports @tsoa/cli (and with it TypeScript, ~4 MB): controllers only need the runtime half,
      // which tsoaLitePlugin serves (see ./tsoa-lite.ts).
      alias: { '@connectorkit/runtime': RUNTIME_ENTRY },
      // Parameter decorators need TypeScript's legacy decorators, whatever tsconfig the project has (or lacks).
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
      plugins: [tsoaLitePlugin(opts.root), ...(opts.routesSource !== undefined ? [inMemoryRoutes(opts.routesFile, opts.routesSource)] : [])],
      logLevel: 'silent',
      legalComments: 'none',
    });
  } catch (e) {
    const errors = ((e as { errors?: esbuild.Message[] }).errors ?? []).map(format);
    throw new CkError({
      code: 'CK_BUNDLE_FAILED',
      message: `esbuild could not bundle the app: ${errors[0] ?? (e as Error).message}`,
      details: errors.map((m) => ({ code: 'CK_BUNDLE_FAILED', message: m })),
      cause: e,
    });
  }
  const files: Record<string, Buffer> = {};
  for (const out of result.outputFiles) files[path.basename(out.path)] = Buffer.from(out.contents);
  void hostJson;
  files['host.json'] = Buffer.from(opts.hostJson);
  files['package.json'] = Buffer.from(toJsonText({ name: opts.name, version: opts.version, private: true, main: 'main.js' }));
  const zip = await deterministicZip(files);
  return { files, zip, warnings: result.warnings.map(format) };
}
