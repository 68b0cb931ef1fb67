/**
 * `connectorkit build`: ONE tsoa metadata pass → lint + Swagger 2.0 (scripts/spec) → routes.ts (scripts/routes) →
 * esbuild bundle (scripts/bundle), all in memory; only when everything succeeded are dist/swagger.json,
 * functions/.generated/routes.ts, dist/app/ and dist/app.zip written (atomically, only on change). A no-change
 * rebuild is answered from the cache manifest (see ./cache.ts) without loading TypeScript or esbuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { toJsonText, writeDirAtomic, writeIfChanged } from '../core/fs';
import type { IoHost } from '../core/io';
import type { LoadedConfig } from '../config';
import { computeCacheKey, hashOutputs, manifestFile, outputsIntact, readManifest, type CacheManifest } from './cache';
import { buildPaths } from './paths';
import type { BuildOptions, BuildResult } from './types';
import './codes';
import '../bundle/codes';
import '../routes/codes';

/** The runtime's built-in Entra check (scripts/runtime/entra); ../runtime/entra/names.ts lists the @Security names it handles. */
const BUILT_IN_AUTH_MODULE = path.resolve(__dirname, '../runtime/entra/authenticate.ts');

/* eslint-disable @typescript-eslint/no-require-imports -- lazy: a cache hit must not load TypeScript, tsoa or esbuild */
export async function build(loaded: LoadedConfig, io: IoHost, opts: BuildOptions = {}): Promise<BuildResult> {
  const { config, root } = loaded;
  const paths = buildPaths(loaded);
  const useCache = opts.cache !== false;

  const previous = await readManifest(loaded);
  const key = await io.step('Check build inputs', () => computeCacheKey(loaded, previous));
  if (useCache && previous?.key === key && (await outputsIntact(loaded, previous))) {
    const { logLintWarnings } = require('../spec') as typeof import('../spec');
    logLintWarnings(io, previous.findings);
    io.log({ level: 'info', message: 'No input changed since the last build; outputs are up to date.' });
    return { ...paths, functions: previous.functions, cached: true, warnings: previous.findings.filter((f) => f.severity === 'warning'), written: [] };
  }

  const entryFile = loaded.resolve(config.entryFile);
  if (!existsSync(entryFile)) throw new CkError({ code: 'CK_BUILD_ENTRY_MISSING', message: `The entry file ${config.entryFile} does not exist.`, target: 'entryFile' });
  const hostJsonFile = loaded.resolve('host.json');
  if (!existsSync(hostJsonFile)) throw new CkError({ code: 'CK_BUNDLE_HOST_JSON_MISSING', message: `host.json is missing in ${root}.` });

  const { generateMetadataPass } = require('../metadata') as typeof import('../metadata');
  // No auth module: @Security('entra') uses the runtime's built-in Entra check. One the project names itself must exist.
  const authModule = config.authModule && existsSync(loaded.resolve(config.authModule)) ? loaded.resolve(config.authModule) : undefined;
  if (!authModule && config.authModule && loaded.sources.authModule !== 'default') {
    throw new CkError({ code: 'CK_ROUTES_AUTH_MODULE_MISSING', message: `The auth module ${config.authModule} (connectorkit.authModule) does not exist.`, target: 'connectorkit.authModule' });
  }
  // Without a module of its own the built-in Entra check answers @Security: its declared names are the ones to check.
  const { BUILT_IN_SECURITY_NAMES } = require('../runtime/entra/names') as typeof import('../runtime/entra/names');
  const builtIn = { file: path.relative(root, BUILT_IN_AUTH_MODULE).split(path.sep).join('/'), securityNames: [...BUILT_IN_SECURITY_NAMES] };
  const pass = await io.step('Read controllers (tsoa metadata)', () =>
    generateMetadataPass({ root, entryFile: config.entryFile, controllerPathGlobs: [...config.controllerPathGlobs], ...(authModule ? { authModule } : { auth: builtIn }) }),
  );
  const bm = pass.bm;
  const { specStep, NO_IMPLICIT_ADDITIONAL_PROPERTIES } = require('./spec-step') as typeof import('./spec-step');
  const { lintErrorOf, logLintWarnings } = require('../spec') as typeof import('../spec');
  const { emitRoutes, countOperations } = require('../routes') as typeof import('../routes');
  const { bundleApp } = require('../bundle') as typeof import('../bundle');
  const routes = config.routes ?? {};
  const routesSource = await io.step('Generate Functions registrations', () =>
    emitRoutes(bm, {
      outDir: path.dirname(paths.routesFile),
      authModule,
      authLevel: routes.authLevel,
      bodyCoercion: routes.bodyCoercion,
      noImplicitAdditionalProperties: NO_IMPLICIT_ADDITIONAL_PROPERTIES,
    }),
  );

  // esbuild runs in its own process: bundle while this thread type-checks, emits the spec and lints, then decide.
  const pkg = JSON.parse(readFileSync(loaded.resolve('package.json'), 'utf8')) as { name?: string; version?: string };
  const bundling = io.step('Bundle the Functions app (esbuild)', () =>
    bundleApp({
      root,
      entryFile,
      routesFile: paths.routesFile,
      routesSource,
      hostJson: readFileSync(hostJsonFile, 'utf8'),
      name: pkg.name ?? 'functions-app',
      version: pkg.version ?? '0.0.0',
      minify: opts.minify,
      triggers: (bm.triggers?.length ?? 0) > 0,
    }),
  );
  bundling.catch(() => undefined); // awaited below; never an unhandled rejection while the spec step runs
  let specResult;
  try {
    // The type errors become lint findings (CK_SPEC_TYPE_ERROR, file:line), so they fail the build like any lint error.
    bm.typeErrors = await io.step('Type-check the project (the same TypeScript program)', () => pass.typeErrors());
    specResult = await io.step('Lint controllers and emit Swagger 2.0', () => specStep(bm, config.api));
  } catch (e) {
    await bundling.catch(() => undefined);
    throw e;
  }
  logLintWarnings(io, specResult.findings);
  const lintError = lintErrorOf(specResult.findings);
  if (lintError) {
    await bundling.catch(() => undefined);
    throw lintError;
  }
  const bundle = await bundling;
  for (const w of bundle.warnings) io.log({ level: 'warn', code: 'CK_BUNDLE_FAILED', message: `esbuild: ${w}` });
  if (bundle.omitted.length) io.log({ level: 'debug', message: `Bundle: left out ${bundle.omitted.join(', ')} (only the trigger store uses them, and nothing in the app reaches it).` });

  const specText = toJsonText(specResult.spec);
  const written: string[] = [];
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  await io.step('Write outputs', async () => {
    if (await writeIfChanged(paths.specFile, specText)) written.push(rel(paths.specFile));
    if (await writeIfChanged(paths.routesFile, routesSource)) written.push(rel(paths.routesFile));
    const dir = await writeDirAtomic(paths.appDir, bundle.files, { prune: true });
    written.push(...[...dir.changed, ...dir.removed].map((f) => `${rel(paths.appDir)}/${f}`));
    if (await writeIfChanged(paths.zipFile, bundle.zip)) written.push(rel(paths.zipFile));
  });
  const outputs: Record<string, Buffer | string> = { [paths.specFile]: specText, [paths.routesFile]: routesSource, [paths.zipFile]: bundle.zip };
  for (const [f, c] of Object.entries(bundle.files)) outputs[path.join(paths.appDir, f)] = c;
  const manifest: CacheManifest = {
    // The start-of-build key already covers these inputs when the program read the same files as last time.
    key: sameList(previous?.inputFiles, bm.inputFiles) ? key : await computeCacheKey(loaded, { inputFiles: bm.inputFiles } as CacheManifest),
    inputFiles: bm.inputFiles,
    outputs: hashOutputs(loaded, outputs),
    functions: countOperations(bm),
    findings: specResult.findings,
  };
  await writeIfChanged(manifestFile(loaded), toJsonText(manifest));
  return { ...paths, functions: manifest.functions, cached: false, warnings: specResult.findings.filter((f) => f.severity === 'warning'), written };
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}
