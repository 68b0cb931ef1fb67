/**
 * The one Table Storage table of triggers (subscriptions and pending deliveries), opened from the app's own
 * storage settings the way the Functions host reads them. @azure/data-tables is loaded on first use, so an app
 * without triggers never pays for it.
 */
import type { TableClient, TableServiceClientOptions } from '@azure/data-tables';
import { HttpError } from '../http-error';
import { TRIGGER_HTTP_CODES } from './codes';
import type { TriggerSettings } from './settings';

/** Partition of pending deliveries; subscriptions live in `sub-<trigger>` partitions. */
export const DELIVERY_PARTITION = 'delivery';
export const subscriptionPartition = (trigger: string): string => `sub-${trigger}`;

export interface TriggerTable {
  client: TableClient;
  /** Resolves once the table exists (created on first use). */
  ready(): Promise<void>;
  signal(): AbortSignal;
}

export function openTriggerTable(s: TriggerSettings): TriggerTable {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by an app that has triggers
  const tables = require('@azure/data-tables') as typeof import('@azure/data-tables');
  const options = (insecure: boolean): TableServiceClientOptions => ({ allowInsecureConnection: insecure, retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 400 } });
  let client: TableClient;
  if (s.connectionString) {
    const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:|UseDevelopmentStorage=true/i.test(s.connectionString);
    client = tables.TableClient.fromConnectionString(s.connectionString, s.tableName, options(insecure));
  } else if (s.tableServiceUri) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for identity-based connections (MSAL start-up cost)
    const identity = require('@azure/identity') as typeof import('@azure/identity');
    const credential =
      s.credential?.toLowerCase() === 'managedidentity'
        ? new identity.ManagedIdentityCredential(s.clientId ? { clientId: s.clientId } : {})
        : new identity.DefaultAzureCredential(s.clientId ? { managedIdentityClientId: s.clientId } : {});
    client = new tables.TableClient(s.tableServiceUri, s.tableName, credential, options(s.tableServiceUri.startsWith('http:')));
  } else {
    throw new HttpError(503, TRIGGER_HTTP_CODES.STORAGE_UNAVAILABLE, 'Trigger storage is not configured.', {
      hint: 'Set the app setting AzureWebJobsStorage (connection string) or AzureWebJobsStorage__accountName for an identity-based connection.',
    });
  }
  const signal = () => AbortSignal.timeout(s.storageTimeoutMs);
  let ready: Promise<void> | undefined;
  return {
    client,
    signal,
    ready() {
      ready ??= client.createTable({ abortSignal: signal() }).then(
        () => undefined,
        (e: { statusCode?: number }) => {
          ready = undefined;
          if (e?.statusCode === 409) return;
          throw storageError(e);
        },
      );
      return ready;
    },
  };
}

/** A storage failure as the 503 the caller can retry (never a 500: the request was fine). */
export function storageError(e: unknown): HttpError {
  const status = (e as { statusCode?: number })?.statusCode;
  return new HttpError(503, TRIGGER_HTTP_CODES.STORAGE_UNAVAILABLE, `Trigger storage did not answer (${status ?? (e as Error)?.name ?? 'error'}).`, {
    hint: 'Retry after Retry-After; the operator checks AzureWebJobsStorage (locally: is Azurite running?).',
    headers: { 'Retry-After': '5' },
  });
}
