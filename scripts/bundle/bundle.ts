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

/**
 * The trigger store's SDKs: scripts/runtime/triggers/table.ts requires them lazily, on a trigger's first storage call.
 * esbuild resolves and parses every module a `require('…')` names before tree shaking can drop the caller, so an app
 * whose code never reaches the store would still pay for reading ~1.6 MB of SDK (@azure/identity with MSAL,
 * @azure/data-tables) on every build, for nothing in its output.
 */
const TRIGGER_STORE_PACKAGES = /^@azure\/(data-tables|identity)$/;
const RUNTIME_DIR = path.dirname(RUNTIME_ENTRY) + path.sep;
const STORE_NS = 'connectorkit-trigger-store-omitted';

/**
 * Leaves the trigger store's SDKs out of a bundle when the runtime is their only importer: each is replaced by a
 * placeholder module. Whether the bundle kept a placeholder is read from esbuild's metafile afterwards; when it did
 * (something reaches the store), the bundle is made again with the real SDKs, so the output never depends on the guess.
 */
function omitTriggerStore(): esbuild.Plugin {
  return {
    name: STORE_NS,
    setup(b) {
      b.onResolve({ filter: TRIGGER_STORE_PACKAGES }, (args) => (path.resolve(args.importer).startsWith(RUNTIME_DIR) ? { path: args.path, namespace: STORE_NS } : undefined));
      b.onLoad({ filter: /.*/, namespace: STORE_NS }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`connectorkit left ${args.path} out of this bundle although the app reaches it; rebuild it, and report this if it persists.`)});\n`,
        loader: 'js',
      }));
    },
  };
}

/** The packages a bundle made with omitTriggerStore resolved to placeholders (esbuild's inputs, kept in the output or not). */
function omittedBy(meta: esbuild.Metafile | undefined): string[] {
  return Object.keys(meta?.inputs ?? {})
    .filter((f) => f.startsWith(`${STORE_NS}:`))
    .map((f) => f.slice(STORE_NS.length + 1))
    .sort();
}

/** Did the bundle keep a placeholder of omitTriggerStore (some code of the output can reach the store)? */
function keptPlaceholder(meta: esbuild.Metafile | undefined): boolean {
  if (!meta) return true;
  return Object.values(meta.outputs).some((o) => Object.entries(o.inputs).some(([file, i]) => file.startsWith(`${STORE_NS}:`) && i.bytesInOutput > 0));
}

/** A reusable bundler over esbuild contexts: each `bundle(routesSource)` is an incremental rebuild. */
export interface AppBundler {
  bundle(routesSource: string): Promise<BundleResult>;
  dispose(): Promise<void>;
}

/**
 * Creates the esbuild contexts (made on first use: one with the trigger store's SDKs, one without). (A warm-up build
 * during the TypeScript pass does not help: the plugins' callbacks need this thread, which the synchronous metadata
 * pass keeps busy.) Watch mode can reuse one bundler.
 */
export async function createAppBundler(opts: Omit<BundleOptions, 'routesSource'>): Promise<AppBundler> {
  let source = '';
  // Importing both guarantees registration even when the entry forgets to import the generated routes.
  const rel = (f: string) => JSON.stringify(`./${posix(path.relative(opts.root, f)).replace(/\.ts$/, '')}`);
  const context = (lean: boolean) =>
    esbuild.context({
      stdin: { contents: `import ${rel(opts.entryFile)};\nimport ${rel(opts.routesFile)};\n`, resolveDir: opts.root, sourcefile: 'connectorkit-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: path.join(opts.root, 'dist/app/main.js'),
      write: false,
      metafile: lean,
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
      plugins: [tsoaLitePlugin(opts.root), inMemoryRoutes(opts.routesFile, () => source, opts.root), ...(lean ? [omitTriggerStore()] : [])],
      logLevel: 'silent',
      legalComments: 'none',
    });
  const contexts = new Map<boolean, Promise<esbuild.BuildContext<esbuild.BuildOptions & { write: false }>>>();
  /** Disposes a context if one was made; one that failed to start has nothing to dispose (its error was reported). */
  const dispose = async (which: boolean) => {
    const c = contexts.get(which);
    contexts.delete(which);
    await (await c?.catch(() => undefined))?.dispose();
  };
  const ctxOf = (lean: boolean) => {
    let c = contexts.get(lean);
    if (!c) contexts.set(lean, (c = context(lean)));
    return c;
  };
  // An app that declares triggers reaches the store: bundle it with the SDKs at once instead of finding out.
  let lean = opts.triggers !== true;
  const rebuild = async (): Promise<esbuild.BuildResult<{ write: false }>> => {
    try {
      if (lean) {
        const r = await (await ctxOf(true)).rebuild();
        if (!keptPlaceholder(r.metafile)) return r;
        lean = false; // something reaches the store: from now on (watch mode) bundle with it
        await dispose(true);
      }
      return await (await ctxOf(false)).rebuild();
    } catch (e) {
      const errors = ((e as { errors?: esbuild.Message[] }).errors ?? []).map(format);
      throw new CkError({
        code: 'CK_BUNDLE_FAILED',
        message: `esbuild could not bundle the app: ${errors[0] ?? (e as Error).message}`,
        details: errors.map((m) => ({ code: 'CK_BUNDLE_FAILED', message: m })),
        cause: e,
      });
    }
  };
  return {
    async bundle(routesSource) {
      try {
        JSON.parse(opts.hostJson);
      } catch (e) {
        throw new CkError({ code: 'CK_BUNDLE_HOST_JSON_MISSING', message: `host.json is not valid JSON: ${(e as Error).message}`, cause: e });
      }
      source = routesSource;
      const result = await rebuild();
      const files: Record<string, Buffer> = {};
      for (const out of result.outputFiles ?? []) files[path.basename(out.path)] = Buffer.from(out.contents);
      files['host.json'] = Buffer.from(opts.hostJson);
      files['package.json'] = Buffer.from(toJsonText({ name: opts.name, version: opts.version, private: true, main: 'main.js' }));
      const zip = await deterministicZip(files);
      return { files, zip, warnings: result.warnings.map(format), omitted: omittedBy(result.metafile) };
    },
    async dispose() {
      await Promise.all([dispose(true), dispose(false)]);
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
