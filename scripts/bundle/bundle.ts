/**
 * esbuild: one CJS bundle for Node 20, `@azure/functions-core` external (the Functions worker injects it),
 * `connectorkit/runtime` aliased to this package's runtime. The generated routes file can be supplied in memory,
 * so a build bundles before writing anything. Returns dist/app's files and a deterministic app.zip.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CkError } from '../core/errors';
import { toJsonText } from '../core/fs';
import { deterministicZip } from './zip';
import { tsoaLitePlugin } from './tsoa-lite';
import type { BundleOptions, BundleResult } from './types';
import './codes';

const RUNTIME_ENTRY = path.resolve(__dirname, '../runtime/index.ts');

const posix = (p: string) => p.split(path.sep).join('/');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Serves the routes file from memory (nothing is written before the bundle succeeds). When its folder exists, esbuild
 * resolves the file's imports itself from there. On a first build (functions/.generated not created yet) the
 * resolver below does it instead: relative imports from the nearest existing folder, bare ones from the project
 * root. That costs one call into this thread per import, made one after another, which a busy thread (the build
 * type-checks while it bundles) delays; hence the native path whenever it can be taken. Both give the same bundle.
 */
function inMemoryRoutes(file: string, source: () => string, root: string): esbuild.Plugin {
  const ns = 'connectorkit-routes';
  const dir = path.dirname(file);
  return {
    name: ns,
    setup(b) {
      const base = path.basename(file).replace(/\.ts$/, '');
      const native = existsSync(dir);
      b.onResolve({ filter: new RegExp(`(^|/)${escapeRe(base)}(\\.ts)?$`) }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path);
        // A project-relative path keeps the source map free of machine-specific absolute paths.
        return abs === file || `${abs}.ts` === file ? { path: posix(path.relative(root, file)), namespace: ns } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: ns }, () => ({ contents: source(), loader: 'ts', ...(native ? { resolveDir: dir } : {}) }));
      if (native) return;
      b.onResolve({ filter: /.*/, namespace: ns }, async (args) => {
        const relative = args.path.startsWith('.');
        const r = await b.resolve(relative ? path.resolve(dir, args.path) : args.path, { kind: args.kind, resolveDir: relative ? existingAncestor(dir) : root });
        return r.errors.length ? { errors: r.errors } : { path: r.path, external: r.external, namespace: r.namespace, sideEffects: r.sideEffects };
      });
    },
  };
}

function existingAncestor(dir: string): string {
  let d = dir;
  while (!existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

function format(m: esbuild.Message): string {
  return m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text;
}

/** A reusable bundler over one esbuild context: each `bundle(routesSource)` is an incremental rebuild. */
export interface AppBundler {
  bundle(routesSource: string): Promise<BundleResult>;
  dispose(): Promise<void>;
}

/**
 * Creates the esbuild context. (A warm-up build during the TypeScript pass does not help: the plugins' callbacks
 * need this thread, which the synchronous metadata pass keeps busy.) Watch mode can reuse one bundler.
 */
export async function createAppBundler(opts: Omit<BundleOptions, 'routesSource'>): Promise<AppBundler> {
  let source = '';
  // Importing both guarantees registration even when the entry forgets to import the generated routes.
  const rel = (f: string) => JSON.stringify(`./${posix(path.relative(opts.root, f)).replace(/\.ts$/, '')}`);
  const ctx = await esbuild.context({
    stdin: { contents: `import ${rel(opts.entryFile)};\nimport ${rel(opts.routesFile)};\n`, resolveDir: opts.root, sourcefile: 'connectorkit-entry.ts', loader: 'ts' },
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
    // The app gets the runtime of the connectorkit that builds it (`@connectorkit/runtime` is the old name, kept while
    // projects move to `connectorkit/runtime`).
    alias: { 'connectorkit/runtime': RUNTIME_ENTRY, '@connectorkit/runtime': RUNTIME_ENTRY },
    // Parameter decorators need TypeScript's legacy decorators, whatever tsconfig the project has (or lacks).
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
    plugins: [tsoaLitePlugin(opts.root), inMemoryRoutes(opts.routesFile, () => source, opts.root)],
    logLevel: 'silent',
    legalComments: 'none',
  });
  return {
    async bundle(routesSource) {
      try {
        JSON.parse(opts.hostJson);
      } catch (e) {
        throw new CkError({ code: 'CK_BUNDLE_HOST_JSON_MISSING', message: `host.json is not valid JSON: ${(e as Error).message}`, cause: e });
      }
      source = routesSource;
      let result: esbuild.BuildResult<{ write: false }>;
      try {
        result = await ctx.rebuild();
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
      for (const out of result.outputFiles ?? []) files[path.basename(out.path)] = Buffer.from(out.contents);
      files['host.json'] = Buffer.from(opts.hostJson);
      files['package.json'] = Buffer.from(toJsonText({ name: opts.name, version: opts.version, private: true, main: 'main.js' }));
      const zip = await deterministicZip(files);
      return { files, zip, warnings: result.warnings.map(format) };
    },
    async dispose() {
      await ctx.dispose();
    },
  };
}

/** One-shot bundle; `routesSource` defaults to the routes file on disk. */
export async function bundleApp(opts: BundleOptions): Promise<BundleResult> {
  const bundler = await createAppBundler(opts);
  try {
    return await bundler.bundle(opts.routesSource ?? (existsSync(opts.routesFile) ? readFileSync(opts.routesFile, 'utf8') : ''));
  } finally {
    await bundler.dispose();
  }
}
