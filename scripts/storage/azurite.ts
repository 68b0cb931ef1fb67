/**
 * Starts Azurite's Table service in this process (no child to orphan: it stops with the process), on a free
 * loopback port, and waits until it answers. `npm start` keeps its data under `.azurite/`; tests use a temp folder.
 * Azurite's telemetry is switched off: nothing leaves 127.0.0.1.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import './codes';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** Data folder (created if missing). */
  location: string;
  /** 0 = a free port (default). */
  port?: number;
  /** Keep data in memory only (tests that need no persistence). */
  inMemory?: boolean;
}

export interface AzuriteHandle {
  /** Table endpoint, e.g. http://127.0.0.1:51234/devstoreaccount1 */
  tableEndpoint: string;
  port: number;
  /** The AzureWebJobsStorage value for this instance. */
  connectionString: string;
  location: string;
  stop(): Promise<void>;
}

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
  /** azurite 3.35 ServerBase keeps its node:http server here (wrapped by `stoppable`). */
  httpServer?: Server;
}

/** Builds the connection string apps use for an Azurite table endpoint. */
export function azuriteConnectionString(tableEndpoint: string): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};TableEndpoint=${tableEndpoint};`;
}

export async function startAzurite(opts: AzuriteOptions): Promise<AzuriteHandle> {
  /* eslint-disable @typescript-eslint/no-require-imports -- Azurite's modules load only when the dev services start */
  const { AzuriteTelemetryClient } = require('azurite/dist/src/common/Telemetry') as { AzuriteTelemetryClient: { enableTelemetry: boolean } };
  const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default as new (...a: unknown[]) => object;
  const TableServer = require('azurite/dist/src/table/TableServer').default as new (c: object) => AzuriteServer;
  /* eslint-enable @typescript-eslint/no-require-imports */
  AzuriteTelemetryClient.enableTelemetry = false;
  let server: AzuriteServer;
  try {
    await mkdir(opts.location, { recursive: true });
    // Positional constructor of azurite 3.35 TableConfiguration: host, port, keepAliveTimeout, dbPath, debugLog,
    // accessLog, accessLogStream, debugLogFile, loose, skipApiVersionCheck, cert, key, pwd, oauth,
    // disableProductStyleUrl, inMemoryPersistence.
    const config = new TableConfiguration(
      '127.0.0.1',
      opts.port ?? 0,
      5,
      path.join(opts.location, '__azurite_db_table__.json'),
      false,
      false,
      undefined,
      undefined,
      false,
      true,
      '',
      '',
      '',
      undefined,
      false,
      opts.inMemory ?? false,
    );
    server = new TableServer(config);
    await server.start();
  } catch (e) {
    throw new CkError({ code: 'CK_STORAGE_AZURITE_START_FAILED', message: `Azurite could not start in ${opts.location}: ${(e as Error).message}`, cause: e });
  }
  const address = server.getHttpServerAddress();
  const port = Number(new URL(address).port);
  const tableEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
  await waitReady(tableEndpoint, server);
  let stopped = false;
  return {
    tableEndpoint,
    port,
    connectionString: azuriteConnectionString(tableEndpoint),
    location: opts.location,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Azurite's close() removes the request listener and calls stoppable's stop() without waiting for it: the
      // listening socket closes on a later setImmediate, and an idle keep-alive connection is only half-closed, so
      // it stays open until the client ends it. stop() waits for the HTTP server's 'close' and ends every
      // connection itself (no request can be served any more), so nothing Azurite started outlives stop().
      const http = server.httpServer;
      const closed = http ? new Promise<void>((resolve) => http.once('close', () => resolve())) : undefined;
      await server.close();
      if (http) {
        http.close();
        http.closeAllConnections();
        await closed;
      }
    },
  };
}

/** Any HTTP answer (even 403 for the unsigned probe) means the table service is serving. */
async function waitReady(endpoint: string, server: AzuriteServer): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${endpoint}/Tables`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await server.close().catch(() => undefined);
  throw new CkError({ code: 'CK_STORAGE_AZURITE_NOT_READY', message: `Azurite did not answer at ${endpoint}: ${(last as Error)?.message}`, cause: last });
}
