/**
 * `startHost`: the local Functions host. Loads the app in a worker thread under the app's own (real)
 * @azure/functions, indexes what it registered, and serves the HTTP triggers over node:http with the Azure
 * host's semantics. `reload()` loads a fresh worker and swaps it in behind the same listening socket.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import { appEnvironment, readHostJson, readLocalSettings } from './app-settings';
import { hostChecker } from './host-header';
import { generateKeys } from './keys';
import { safeLogText } from '../runtime/log-text';
import { createRequestHandler, ioLevel, type LoadedApp } from './request-handler';
import { buildRouteTable } from './route-table';
import type { FunctionInfo, HostHandle, StartHostOptions } from './types';
import { startAppWorker, type AppWorker } from './worker-client';

/** Default body limit: Kestrel's MaxRequestBodySize in the Functions host (104857600 bytes). */
export const DEFAULT_MAX_BODY_BYTES = 104857600;

function noFunctionsError(report: AppWorker['report'], appDir: string): CkError {
  const hint = report.testModeWarnings.length
    ? 'The @azure/functions library ran in "test mode": it could not load @azure/functions-core, so every registration was dropped. Bundle with `--external:@azure/functions-core` (connectorkit build does) and do not stub that module.'
    : !report.modelName
      ? 'No app.http(...) call reached @azure/functions. Check that the entry imports the registrations (functions/index.ts → .generated/routes) and that package.json "main" matches the bundle.'
      : undefined;
  return new CkError({
    code: 'CK_HOST_NO_FUNCTIONS',
    message: `The app in ${appDir} registered zero functions (loaded: ${report.files.join(', ')}).`,
    hint,
    data: { testModeWarnings: report.testModeWarnings },
  });
}

export async function startHost(opts: StartHostOptions): Promise<HostHandle> {
  const io = opts.io;
  const appDir = path.resolve(opts.appDir);
  const keys = opts.keys ?? generateKeys();
  const enableAuth = opts.enableAuth ?? false;
  const bindHost = opts.host ?? '127.0.0.1';
  let baseUrl = '';
  let current: LoadedApp | undefined;
  let closing = false;
  let handle: HostHandle | undefined;

  async function load(): Promise<LoadedApp> {
    const hostJson = readHostJson(appDir);
    const local = readLocalSettings(opts.localSettingsFile ?? path.join(appDir, 'local.settings.json'));
    const { env, skipped } = appEnvironment(local.values, process.env, opts.env);
    for (const k of skipped) io.log({ level: 'debug', message: `Skipping '${k}' from local.settings.json: already defined in the environment.` });
    const limit = opts.maxBodyBytes ?? (Number(env.FUNCTIONS_REQUEST_BODY_SIZE_LIMIT) || DEFAULT_MAX_BODY_BYTES);
    const worker = await startAppWorker({
      appDir,
      env,
      onLog: (l) => {
        const user = l.category === 'user';
        const level = ioLevel(l.level);
        // System chatter (model selection, streaming port) is debug unless it is a warning or an error.
        // App and library lines may quote a request: escaped (line breaks kept), queries and credentials removed.
        const message = safeLogText(l.message, { multiline: true });
        io.log({
          level: user || level === 'warn' || level === 'error' ? level : 'debug',
          message: l.functionName ? `[${l.functionName}] ${message}` : `[host] ${message}`,
          data: l.invocationId ? { invocationId: l.invocationId } : undefined,
        });
      },
      onOutput: (line, stream) => io.log({ level: stream === 'stderr' ? 'warn' : 'info', message: `[app] ${line}` }),
      onCrash: (message) => {
        io.log({ level: 'error', code: 'CK_HOST_WORKER_FAILED', message: `The app worker crashed (${message}); restarting it, as the Azure host restarts a failed worker.` });
        if (!closing)
          handle
            ?.reload()
            .then(() => io.log({ level: 'info', message: 'Restarted the app worker.' }))
            .catch((e) => {
              if (!closing) io.log({ level: 'error', code: (e as { code?: string }).code, message: `Restart failed: ${(e as Error).message}` });
            });
      },
    });
    try {
      if (!worker.report.functions.length) throw noFunctionsError(worker.report, appDir);
      // AzureWebJobs.<name>.Disabled=true makes a function 404 (§3.2); the admin-key bypass is not copied.
      const disabled = worker.report.functions.filter((f) => /^(true|1)$/i.test(env[`AzureWebJobs.${f.name}.Disabled`] ?? ''));
      for (const f of disabled) io.log({ level: 'info', message: `Function '${f.name}' is disabled (AzureWebJobs.${f.name}.Disabled).` });
      const table = buildRouteTable(
        worker.report.functions.filter((f) => !disabled.includes(f)),
        hostJson.routePrefix,
        baseUrl,
      );
      if (!table.entries.length) io.log({ level: 'warn', code: 'CK_HOST_NO_FUNCTIONS', message: 'The app registered no HTTP-triggered functions; other triggers are not run by the local host.' });
      for (const f of table.others) io.log({ level: 'warn', message: `Function '${f.name}' (${f.trigger}) is not run by the local host: only HTTP triggers are served.` });
      return {
        worker,
        table,
        routePrefix: hostJson.routePrefix,
        customHeaders: hostJson.customHeaders,
        cors: { origins: local.cors, credentials: local.corsCredentials },
        maxBodyBytes: limit,
        disableHomepage: /^true$/i.test(env.AzureWebJobsDisableHomepage ?? ''),
      };
    } catch (e) {
      await worker.terminate();
      throw e;
    }
  }

  const server = http.createServer(
    createRequestHandler({
      current: () => current,
      io,
      enableAuth,
      keys,
      specFile: opts.specFile,
      docs: opts.docs,
      hostLabel: () => new URL(baseUrl).host,
      checkHost: hostChecker(bindHost, opts.allowedHosts),
      closing: () => closing,
    }),
  );
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new CkError({ code: 'CK_HOST_PORT_IN_USE', message: `Cannot listen on ${bindHost}:${opts.port ?? 7071}: ${e.code}.`, cause: e }) : e),
    );
    server.listen(opts.port ?? 7071, bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  baseUrl = `http://${shownHost}:${port}`;
  opts.onListening?.(baseUrl);
  try {
    current = await load();
  } catch (e) {
    await new Promise((r) => server.close(r));
    throw e;
  }

  const functionsOf = (a: LoadedApp): FunctionInfo[] => [...a.table.entries.map((e) => e.info), ...a.table.others];
  // Workers being drained after a reload; close() ends them at once instead of waiting for their drain loop.
  const retiring = new Set<AppWorker>();
  // reload() calls (also the automatic restart after a crash) that have not settled yet.
  const reloading = new Set<Promise<unknown>>();
  async function retire(old: AppWorker): Promise<void> {
    retiring.add(old);
    // Let in-flight invocations of the old bundle finish before its appTerminate hooks run.
    for (let i = 0; i < 300 && old.pending() > 0 && !closing; i++) await new Promise((r) => setTimeout(r, 100));
    await old.terminate();
    retiring.delete(old);
  }

  let closed: Promise<void> | undefined;
  handle = {
    url: baseUrl,
    port,
    routePrefix: current.routePrefix,
    functions: functionsOf(current),
    keys,
    reload() {
      if (closing) return Promise.reject(new CkError({ code: 'CK_HOST_WORKER_FAILED', message: 'The host is closed.' }));
      const run = (async () => {
        const next = await load();
        // close() ran while this worker was loading: it must not outlive the host (a leaked thread keeps node alive).
        if (closing) {
          await next.worker.terminate();
          throw new CkError({ code: 'CK_HOST_WORKER_FAILED', message: 'The host closed while the app was reloading.' });
        }
        const old = current!;
        current = next;
        handle!.functions = functionsOf(next);
        handle!.routePrefix = next.routePrefix;
        void retire(old.worker);
        return handle!.functions;
      })();
      // close() waits for the whole reload, including the termination above, not just the load.
      reloading.add(run);
      void run.catch(() => undefined).finally(() => reloading.delete(run));
      return run;
    },
    close() {
      closed ??= (async () => {
        closing = true;
        const done = new Promise<void>((r) => server.close(() => r()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 10000);
        await done;
        clearTimeout(force);
        // A reload or crash restart in flight terminates its own worker once it sees `closing` (see reload()).
        await Promise.allSettled([...reloading]);
        await Promise.all([current!.worker.terminate(), ...[...retiring].map((w) => w.terminate())]);
      })();
      return closed;
    },
  };
  return handle;
}
