/**
 * Dev services for `connectorkit serve`: Azurite (unless the app already has a storage connection) and the dev
 * OpenID issuer (unless the app is configured for a real tenant). Returns the app settings the host injects, the
 * URLs to print, the Swagger UI wiring for the Authorize button, and `stop()`.
 */
import * as path from 'node:path';
import type { LoadedConfig } from '../config';
import type { IoHost } from '../core/io';
import { readLocalSettings, type DocsOptions } from '../host';
import { startAzurite, type AzuriteHandle } from '../storage';
import { loopbackOrigins, removeRunningIssuer, runningIssuerFile, startDevIssuer, writeRunningIssuer, type DevIssuer } from '../auth-dev';
import { devDocsOptions } from './docs-auth';

export interface DevServices {
  /** App settings (AzureWebJobsStorage, EMPLOYEES_TABLE?, AUTH_*) that win over local.settings.json. */
  env: Record<string, string>;
  /** What is running, for the CLI to print (azurite, issuer, token, …). */
  urls: Record<string, string>;
  /** Swagger UI options so the docs page's Authorize button signs in at the dev issuer. */
  docs?: DocsOptions;
  /** Lets pages served by the local host on `port` (its loopback origins) call the dev issuer, once the port is known. */
  allowHostPort(port: number): void;
  stop(): Promise<void>;
}

export interface DevServicesOptions {
  /** Azurite data folder; default `<root>/.azurite`. */
  storageLocation?: string;
  /** Dev issuer port; default config serve.issuerPort (0 = free port, tests). */
  issuerPort?: number;
  /** Signing key file; default `<root>/.connectorkit/dev-issuer/signing-key.json`. */
  keyFile?: string;
  /** Environment used to decide what the user configured; default process.env. */
  processEnv?: NodeJS.ProcessEnv;
}

/** Where `serve` and `connectorkit token` keep the dev issuer's signing key. */
export function devKeyFile(loaded: LoadedConfig): string {
  return loaded.resolve(path.join('.connectorkit', 'dev-issuer', 'signing-key.json'));
}

/** True when the value is the Core Tools template placeholder that means "the local emulator". */
const isEmulatorShortcut = (v: string | undefined) => !v || /^UseDevelopmentStorage=true;?$/i.test(v.trim());

export async function startDevServices(loaded: LoadedConfig, io: IoHost, opts: DevServicesOptions = {}): Promise<DevServices> {
  const { config } = loaded;
  const local = readLocalSettings(loaded.resolve('local.settings.json')).values;
  const penv = opts.processEnv ?? process.env;
  const configured = (k: string): string | undefined => penv[k] ?? local[k];
  const env: Record<string, string> = {};
  const urls: Record<string, string> = {};
  let azurite: AzuriteHandle | undefined;
  let issuer: DevIssuer | undefined;
  let docs: DocsOptions | undefined;
  let runningFile: string | undefined;
  const stop = async () => {
    if (runningFile) removeRunningIssuer(runningFile);
    await Promise.allSettled([azurite?.stop(), issuer?.close()]);
  };
  try {
    const storageMode = config.serve.storage ?? 'azurite';
    const hasStorage = !isEmulatorShortcut(configured('AzureWebJobsStorage')) || !!configured('AzureWebJobsStorage__accountName') || !!configured('AzureWebJobsStorage__tableServiceUri');
    if (storageMode === 'azurite' && !hasStorage) {
      const location = opts.storageLocation ?? loaded.resolve('.azurite');
      azurite = await io.step('Start Azurite (Table Storage emulator)', () => startAzurite({ location }));
      env.AzureWebJobsStorage = azurite.connectionString;
      urls.azurite = azurite.tableEndpoint;
    } else {
      io.log({
        level: 'info',
        message: hasStorage
          ? 'Storage: using AzureWebJobsStorage from local.settings.json / the environment (Azurite not started).'
          : `Storage: serve.storage is '${storageMode}', Azurite not started.`,
      });
    }
    if (configured('AUTH_TENANT_ID')) {
      io.log({ level: 'info', message: 'Auth: AUTH_TENANT_ID is configured, tokens are validated against that tenant (dev issuer not started; `connectorkit token` tokens will be rejected).' });
    } else {
      const port = opts.issuerPort ?? config.serve.issuerPort;
      const keyFile = opts.keyFile ?? devKeyFile(loaded);
      const started = await io.step('Start the dev token issuer', () =>
        startDevIssuer({ host: '127.0.0.1', port, keyFile, scope: config.auth.scope, appRoles: config.auth.appRoles, allowedOrigins: config.serve.issuerCorsOrigins ?? [] }),
      );
      issuer = started;
      // `connectorkit token` (another process) signs for this URL while we run, whatever port the config names.
      runningFile = runningIssuerFile(keyFile);
      await writeRunningIssuer(runningFile, { url: started.url, pid: process.pid });
      Object.assign(env, started.appSettings(config.auth.scope));
      if (config.auth.appRoles?.length) env.AUTH_APP_ROLES = config.auth.appRoles.join(',');
      urls.issuer = started.url;
      urls.openidConfiguration = started.openIdConfigUrls.v2;
      urls.token = `${started.url}/token`;
      docs = devDocsOptions(started, config.auth.scope);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { env, urls, docs, stop, allowHostPort: (hostPort) => issuer?.allowOrigins(loopbackOrigins(hostPort)) };
}
