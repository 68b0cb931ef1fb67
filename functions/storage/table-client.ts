/**
 * Opens the Employees table from the Function App's storage settings, the way the Functions host itself reads
 * `AzureWebJobsStorage`: a connection string, or an identity-based connection
 * (`AzureWebJobsStorage__tableServiceUri` or `__accountName`, optional `__clientId` for a user-assigned identity).
 * Timeouts and retries are bounded so an unreachable account fails in seconds instead of hanging a request.
 */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';
import { ApiErrorCode, apiError } from '../errors';

/** Retry budget of the storage client; the overall bound of one call is STORAGE_TIMEOUT_MS (an abort signal). */
export const STORAGE_RETRY = { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 400 } as const;

/** Default upper bound on one storage call, retries included (app setting STORAGE_TIMEOUT_MS overrides it). */
export const DEFAULT_STORAGE_TIMEOUT_MS = 10_000;

export interface TableSettings {
  connectionString?: string;
  tableServiceUri?: string;
  clientId?: string;
  /** `managedidentity` (the Functions convention) → ManagedIdentityCredential; otherwise DefaultAzureCredential. */
  credential?: string;
  tableName: string;
  /** Upper bound on one storage call, retries included (STORAGE_TIMEOUT_MS; default 10 s). */
  timeoutMs?: number;
}

/** Reads the storage settings from app settings (environment). */
export function readTableSettings(env: NodeJS.ProcessEnv = process.env): TableSettings {
  const account = env.AzureWebJobsStorage__accountName;
  const tableServiceUri = env.AzureWebJobsStorage__tableServiceUri ?? (account ? `https://${account}.table.core.windows.net` : undefined);
  return {
    connectionString: env.AzureWebJobsStorage || undefined,
    tableServiceUri,
    clientId: env.AzureWebJobsStorage__clientId || undefined,
    credential: env.AzureWebJobsStorage__credential || undefined,
    tableName: env.EMPLOYEES_TABLE || 'Employees',
    timeoutMs: positiveInt(env.STORAGE_TIMEOUT_MS) ?? DEFAULT_STORAGE_TIMEOUT_MS,
  };
}

function positiveInt(v: string | undefined): number | undefined {
  const n = v ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function options(allowInsecureConnection: boolean): TableServiceClientOptions {
  return { allowInsecureConnection, retryOptions: { ...STORAGE_RETRY } };
}

/** Creates a TableClient for the settings; throws a 503 coded error when nothing is configured. */
export function createTableClient(s: TableSettings): TableClient {
  if (s.connectionString) {
    const insecure = /DefaultEndpointsProtocol=http;|TableEndpoint=http:|UseDevelopmentStorage=true/i.test(s.connectionString);
    return TableClient.fromConnectionString(s.connectionString, s.tableName, options(insecure));
  }
  if (s.tableServiceUri) {
    // Loaded lazily: only identity-based connections need @azure/identity (and its MSAL start-up cost).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for identity-based connections (MSAL start-up cost)
    const { DefaultAzureCredential, ManagedIdentityCredential } = require('@azure/identity') as typeof import('@azure/identity');
    const credential: TokenCredential =
      s.credential?.toLowerCase() === 'managedidentity'
        ? new ManagedIdentityCredential(s.clientId ? { clientId: s.clientId } : {})
        : new DefaultAzureCredential(s.clientId ? { managedIdentityClientId: s.clientId } : {});
    return new TableClient(s.tableServiceUri, s.tableName, credential, options(s.tableServiceUri.startsWith('http:')));
  }
  throw apiError(ApiErrorCode.StorageNotConfigured, 'Employee storage is not configured.', {
    hint: 'Set the app setting AzureWebJobsStorage (connection string) or AzureWebJobsStorage__accountName for an identity-based connection.',
  });
}
