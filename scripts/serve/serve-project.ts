/**
 * `connectorkit serve` / `start` as a stage: (build) → dev services (Azurite + dev issuer) → local host →
 * report the URLs once listening → (watch: rebuild + reload on change) → on SIGINT/SIGTERM close the host
 * (appTerminate hooks) and stop the dev services. Prints nothing itself: the result goes through `io.result`
 * as soon as the host listens (a long-running command cannot wait for its return value).
 */
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { build, buildPaths } from '../build';
import type { LoadedConfig } from '../config';
import { CkError, toCkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { startDevServices, type DevServices } from '../dev-services';
import { loadOrCreateKeys, startHost, tryItCurl, type FunctionInfo, type HostHandle } from '../host';

export interface ServeProjectOptions {
  port?: number;
  host?: string;
  enableAuth?: boolean;
  /** Build before serving (default true; the build cache makes an unchanged rebuild cheap). */
  build?: boolean;
  watch?: boolean;
  /** Skip Azurite and the dev issuer (tests, or apps that need neither). */
  devServices?: boolean;
  signal: AbortSignal;
}

export interface ServeReport {
  url: string;
  apiBase: string;
  docs?: string;
  swagger?: string;
  functions: FunctionInfo[];
  devServices: Record<string, string>;
  keysFile?: string;
  tryIt?: string;
}

/** Resolves after shutdown; the report was already delivered through `io.result` when the host started listening. */
export async function serveProject(loaded: LoadedConfig, io: IoHost, opts: ServeProjectOptions): Promise<ServeReport> {
  const { config } = loaded;
  if (opts.build !== false) await build(loaded, io, {});
  const { appDir, specFile } = buildPaths(loaded);
  let dev: DevServices | undefined;
  let host: HostHandle | undefined;
  let watcher: FSWatcher | undefined;
  let report: ServeReport | undefined;
  const stopAll = async () => {
    watcher?.close();
    await host?.close();
    await dev?.stop();
  };
  try {
    // Before Azurite and the issuer start: a missing build is the user's next step, not a host load failure.
    checkBuiltApp(appDir, path.relative(loaded.root, appDir) || '.', opts.build === false);
    if (opts.devServices !== false) dev = await startDevServices(loaded, io);
    const keysFile = opts.enableAuth ? loaded.resolve(path.join('.connectorkit', 'host-keys.json')) : undefined;
    host = await io.step('Start the local Functions host', async () =>
      startHost({
        appDir,
        port: opts.port ?? config.serve.port,
        host: opts.host ?? config.serve.host,
        enableAuth: opts.enableAuth ?? config.serve.enableAuth,
        io,
        env: dev?.env,
        specFile: existsSync(specFile) ? specFile : undefined,
        localSettingsFile: loaded.resolve('local.settings.json'),
        keys: keysFile ? await loadOrCreateKeys(keysFile) : undefined,
        docs: dev?.docs,
        allowedHosts: config.serve.allowedHosts,
      }),
    );
    // The docs page's Authorize button calls the dev issuer from the host's origin.
    dev?.allowHostPort(host.port);
    const base = `${host.url}${host.routePrefix ? `/${host.routePrefix}` : ''}`;
    const rel = keysFile ? path.relative(process.cwd(), keysFile) : undefined;
    report = {
      url: host.url,
      apiBase: base,
      ...(existsSync(specFile) ? { docs: `${base}/docs`, swagger: `${base}/swagger.json` } : {}),
      functions: host.functions,
      devServices: dev?.urls ?? {},
      ...(rel ? { keysFile: rel } : {}),
    };
    report.tryIt = tryItCurl({
      specFile,
      functions: host.functions,
      base,
      tokenCommand: 'npm exec --no -- connectorkit token',
      keyCommand: rel ? `node -p "require('./${rel}').functionKey"` : undefined,
    });
    io.result(report, renderReport(report));
    if (opts.watch) watcher = watchSources(loaded, io, host);
    await new Promise<void>((resolve) => {
      if (opts.signal.aborted) resolve();
      else opts.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    io.log({ level: 'info', message: 'Shutting down: draining requests, running appTerminate hooks, stopping dev services.' });
  } finally {
    await stopAll();
  }
  return report;
}

/** The built app must have package.json and, unless "main" is a glob, the file it names (what the host loads). */
export function checkBuiltApp(appDir: string, shown: string, noBuild: boolean): void {
  const hint = noBuild ? 'Run `connectorkit build` first, or drop --no-build so serve builds before it starts.' : 'Run `connectorkit build` and check its output.';
  const fail = (what: string) => new CkError({ code: 'CK_HOST_ENTRY_NOT_FOUND', message: `${noBuild ? 'serve --no-build: ' : ''}${what}`, hint, target: shown });
  const pkgFile = path.join(appDir, 'package.json');
  if (!existsSync(pkgFile)) throw fail(`${path.join(shown, 'package.json')} does not exist: the app has not been built.`);
  let main: unknown;
  try {
    main = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { main?: unknown }).main ?? 'index.js';
  } catch (e) {
    throw fail(`${path.join(shown, 'package.json')} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof main !== 'string' || !main) throw fail(`${path.join(shown, 'package.json')} has no usable "main".`);
  if (!picomatch.scan(main).isGlob && !existsSync(path.join(appDir, main))) throw fail(`${path.join(shown, main)} (package.json "main") does not exist.`);
}

function renderReport(r: ServeReport): string {
  const pad = (s: string) => `${s} `.padEnd(21);
  const lines = [`Functions host listening on ${r.url}`, ''];
  for (const f of r.functions) lines.push(`  ${f.name}: [${f.methods.join(',') || '*'}] ${f.url}${f.trigger.toLowerCase() === 'httptrigger' ? '' : ` (${f.trigger}, not run locally)`}`);
  lines.push('', `  ${pad('API base')}${r.apiBase}`);
  if (r.docs) lines.push(`  ${pad('Docs')}${r.docs}`, `  ${pad('swagger.json')}${r.swagger}`);
  for (const [k, v] of Object.entries(r.devServices)) lines.push(`  ${pad(k)}${v}`);
  if (r.keysFile) lines.push(`  ${pad('Keys')}${r.keysFile} (--enable-auth: send x-functions-key or ?code=)`);
  if (r.tryIt) lines.push('', 'Try it:', `  ${r.tryIt}`);
  lines.push('', 'Press Ctrl+C to stop.');
  return lines.join('\n');
}

/** Rebuilds and reloads on changes under the controllers' source folder (not .generated: the build writes there). */
function watchSources(loaded: LoadedConfig, io: IoHost, host: HostHandle): FSWatcher {
  const root = loaded.resolve(path.dirname(loaded.config.entryFile));
  const generated = loaded.resolve(loaded.config.generatedDir);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const r = await build(loaded, io, {});
      if (!r.cached) {
        const fns = await io.step('Reload the app', () => host.reload());
        io.log({ level: 'info', message: `Reloaded: ${fns.length} function(s) on ${host.url}.` });
      }
    } catch (e) {
      const err = toCkError(e);
      // A log line has no details block (unlike a failure), so the details go into the message, one per line.
      const details = (err.details ?? []).map((d) => `\n    - ${d.target ? `${d.target}: ` : ''}${d.message} [${d.code}]`).join('');
      io.log({ level: 'error', message: `Rebuild failed; still serving the previous build. ${err.message}${details}`, code: err.code, data: err.details });
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  const w = watch(root, { recursive: true }, (_event, file) => {
    if (!file) return;
    const full = path.join(root, file.toString());
    if (full.startsWith(generated + path.sep) || full === generated) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 250);
  });
  io.log({ level: 'info', message: `Watching ${path.relative(loaded.root, root) || '.'}/ for changes.` });
  return w;
}
