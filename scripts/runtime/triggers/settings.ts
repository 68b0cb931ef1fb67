/**
 * Trigger settings, read from the Function App's app settings (process.env). Storage uses the SAME settings as the
 * app itself (`AzureWebJobsStorage`, or the identity-based `AzureWebJobsStorage__*` family), so triggers need no
 * new connection; only the table name and the delivery knobs are trigger-specific, all optional.
 */

export interface TriggerSettings {
  connectionString?: string;
  tableServiceUri?: string;
  clientId?: string;
  credential?: string;
  /** Table holding subscriptions and pending deliveries (CK_TRIGGERS_TABLE, default ConnectorkitTriggers). */
  tableName: string;
  /** Bound on one delivery POST (CK_TRIGGER_DELIVERY_TIMEOUT_MS, default 10 s). */
  deliveryTimeoutMs: number;
  /** First retry delay; doubles per attempt (CK_TRIGGER_RETRY_BASE_MS, default 1 s). */
  retryBaseMs: number;
  /** Longest delay between two attempts (CK_TRIGGER_RETRY_MAX_MS, default 5 min). */
  retryMaxMs: number;
  /** A delivery still failing this long after its event is dropped (CK_TRIGGER_MAX_DELIVERY_AGE_MS, default 1 h). */
  maxDeliveryAgeMs: number;
  /** How often pending deliveries left by a stopped instance are looked for (CK_TRIGGER_SWEEP_MS, default 10 s). */
  sweepMs: number;
  /** Delay before publish() starts its storage work, so it never competes with the raising request's response (CK_TRIGGER_PUBLISH_DELAY_MS, default 20 ms). */
  publishDelayMs: number;
  /**
   * How long the subscriber list of a trigger is reused (CK_TRIGGER_SUBSCRIPTION_CACHE_MS, default 5 s; 0 = read it
   * for every event). Subscribe/unsubscribe on this instance refresh it at once; one made on another instance is
   * seen within this time.
   */
  subscriptionCacheMs: number;
  /** Bound on one storage call (STORAGE_TIMEOUT_MS, default 10 s), like the app's own storage. */
  storageTimeoutMs: number;
  /** `http://` callbacks to loopback hosts are accepted only when running locally (AZURE_FUNCTIONS_ENVIRONMENT=Development). */
  allowLoopbackHttp: boolean;
}

function positiveInt(v: string | undefined, fallback: number): number {
  const n = v ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function readTriggerSettings(env: NodeJS.ProcessEnv = process.env): TriggerSettings {
  const account = env.AzureWebJobsStorage__accountName;
  return {
    connectionString: env.AzureWebJobsStorage || undefined,
    tableServiceUri: env.AzureWebJobsStorage__tableServiceUri ?? (account ? `https://${account}.table.core.windows.net` : undefined),
    clientId: env.AzureWebJobsStorage__clientId || undefined,
    credential: env.AzureWebJobsStorage__credential || undefined,
    tableName: env.CK_TRIGGERS_TABLE || 'ConnectorkitTriggers',
    deliveryTimeoutMs: positiveInt(env.CK_TRIGGER_DELIVERY_TIMEOUT_MS, 10_000),
    retryBaseMs: positiveInt(env.CK_TRIGGER_RETRY_BASE_MS, 1_000),
    retryMaxMs: positiveInt(env.CK_TRIGGER_RETRY_MAX_MS, 300_000),
    maxDeliveryAgeMs: positiveInt(env.CK_TRIGGER_MAX_DELIVERY_AGE_MS, 3_600_000),
    sweepMs: positiveInt(env.CK_TRIGGER_SWEEP_MS, 10_000),
    publishDelayMs: env.CK_TRIGGER_PUBLISH_DELAY_MS === '0' ? 0 : positiveInt(env.CK_TRIGGER_PUBLISH_DELAY_MS, 20),
    subscriptionCacheMs: env.CK_TRIGGER_SUBSCRIPTION_CACHE_MS === '0' ? 0 : positiveInt(env.CK_TRIGGER_SUBSCRIPTION_CACHE_MS, 5_000),
    storageTimeoutMs: positiveInt(env.STORAGE_TIMEOUT_MS, 10_000),
    allowLoopbackHttp: env.AZURE_FUNCTIONS_ENVIRONMENT === 'Development',
  };
}

/** The app settings triggers read, for deploy manifests and docs (all optional; storage is the app's own). */
export const TRIGGER_APP_SETTINGS = [
  'CK_TRIGGERS_TABLE',
  'CK_TRIGGER_DELIVERY_TIMEOUT_MS',
  'CK_TRIGGER_RETRY_BASE_MS',
  'CK_TRIGGER_RETRY_MAX_MS',
  'CK_TRIGGER_MAX_DELIVERY_AGE_MS',
  'CK_TRIGGER_SWEEP_MS',
  'CK_TRIGGER_PUBLISH_DELAY_MS',
  'CK_TRIGGER_SUBSCRIPTION_CACHE_MS',
] as const;
