/** Types of the ARM double (options, resources, logs). Behaviour: arm-double.md. */
import type { BearerOptions, FaultKind, FaultSpec } from '../doubles-common';

/** Options of `startArmDouble`. */
export interface ArmDoubleOptions {
  /** Subscription the double serves (a UUID: the specs declare `format: uuid`). */
  subscriptionId: string;
  /** One-shot faults armed from the start. */
  faults?: FaultSpec[];
  /** InProgress polls answered before an LRO completes (default 1). */
  lroPolls?: number;
  /** Minimum age in ms before an LRO may complete (default 0). Polls before that answer InProgress. */
  lroDelayMs?: number;
  /** Retry-After (seconds) on LRO starts and InProgress polls (default 0). */
  lroRetryAfterSeconds?: number;
  /** Page size of list operations (default 100); nextLink when more. */
  pageSize?: number;
  /** Bearer-token check (audiences default to the public ARM audiences). */
  auth?: BearerOptions;
  /** Added latency per request in ms (for benches; default 0). */
  latencyMs?: number;
  /** ARM actions that get 403 AuthorizationFailed, e.g. `Microsoft.ApiManagement/service/apis/write` (`*` wildcard). */
  denyActions?: string[];
}

/** One stored ARM entity. `id` keeps the casing it was created with; lookups are case-insensitive. */
export interface ArmEntity {
  id: string;
  name: string;
  type: string;
  properties: Record<string, unknown>;
  etag: string;
  /** Extra top-level body fields (location, sku, kind, tags). */
  top?: Record<string, unknown>;
  /** Double-private data (e.g. stored secrets, policy format, app settings, host keys). */
  hidden?: Record<string, unknown>;
}

/** One line of the request log. */
export interface ArmLogEntry {
  method: string;
  path: string;
  apiVersion?: string;
  status: number;
  /** operationId oav matched, `poll` for LRO polling, or undefined when unmatched. */
  operationId?: string;
  /** PUT/PATCH/DELETE or a POST that is not a list action; polling never counts. */
  write: boolean;
  fault?: FaultKind;
  /** Date.now() when the request arrived (LRO pacing checks). */
  at?: number;
}

/** A contract problem found on the wire; tests assert the list stays empty. */
export interface ArmViolation {
  side: 'request' | 'response' | 'unmatched' | 'double';
  method: string;
  url: string;
  operationId?: string;
  problems: string[];
}

/** Pre-existing resources (the deploy uses an EXISTING APIM service and Function App). */
export interface ArmSeed {
  apimServices?: Array<{ resourceGroup: string; name: string; location?: string; gatewayUrl?: string; publisherEmail?: string; publisherName?: string; skuName?: string }>;
  sites?: Array<{
    resourceGroup: string;
    name: string;
    location?: string;
    /** Flex Consumption (has properties.functionAppConfig); default true. */
    flex?: boolean;
    defaultHostName?: string;
    hostKeys?: { masterKey: string; functionKeys: Record<string, string>; systemKeys?: Record<string, string> };
    appSettings?: Record<string, string>;
  }>;
  products?: Array<{ resourceGroup: string; service: string; productId: string; displayName?: string; subscriptionRequired?: boolean; state?: string }>;
  namedValues?: Array<{ resourceGroup: string; service: string; id: string; displayName: string; value?: string; secret?: boolean }>;
  backends?: Array<{ resourceGroup: string; service: string; id: string; properties: Record<string, unknown> }>;
}
