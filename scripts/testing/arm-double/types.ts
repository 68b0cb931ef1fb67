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
  /** InProgress polls (or GETs of the service) before an APIM service create completes (default 3). */
  apimServicePolls?: number;
  /** Storage account create: 'async' = 202 + Location as the real service (default), 'sync' = 200 with the account. */
  storageCreate?: 'async' | 'sync';
  /** Function App (site) create: 'async' = 202 + Location polled to the site (default), 'sync' = 200 with the site. */
  siteCreate?: 'async' | 'sync';
  /** Names taken elsewhere in Azure (globally unique names): checkNameAvailability says AlreadyExists, a create 409s. */
  takenNames?: { apim?: string[]; storage?: string[]; site?: string[] };
  /** Regions (display names, e.g. 'West Europe') that offer Flex Consumption (geoRegions?sku=FlexConsumption). */
  flexRegions?: string[];
  /** Principal object ids the directory knows (service principals, users) besides identities the double creates. */
  knownPrincipals?: string[];
  /** 'strict' (default): a role assignment naming an unknown principal answers 400 PrincipalNotFound; 'off': any. */
  principalCheck?: 'strict' | 'off';
  /** Role assignment PUTs naming a freshly created managed identity that answer PrincipalNotFound first (default 0). */
  principalReplicationLag?: number;
  /** Tenant of identities and role assignments (default a fixed GUID). */
  tenantId?: string;
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

/** Tags of a resource (stored and returned as sent). */
export type ArmTags = Record<string, string>;

/** Pre-existing resources (the deploy uses an EXISTING APIM service and Function App). A seeded resource's group is created too. */
export interface ArmSeed {
  resourceGroups?: Array<{ name: string; location?: string; tags?: ArmTags }>;
  storageAccounts?: Array<{ resourceGroup: string; name: string; location?: string; tags?: ArmTags; properties?: Record<string, unknown> }>;
  blobContainers?: Array<{ resourceGroup: string; account: string; name: string }>;
  workspaces?: Array<{ resourceGroup: string; name: string; location?: string; tags?: ArmTags }>;
  components?: Array<{ resourceGroup: string; name: string; location?: string; tags?: ArmTags; workspaceResourceId?: string }>;
  identities?: Array<{ resourceGroup: string; name: string; location?: string; tags?: ArmTags; principalId?: string; clientId?: string }>;
  /** roleDefinitionId: a GUID or a full id. */
  roleAssignments?: Array<{ scope: string; name?: string; roleDefinitionId: string; principalId: string; principalType?: string }>;
  serverFarms?: Array<{ resourceGroup: string; name: string; location?: string; tags?: ArmTags; skuName?: string }>;
  /** Principals the directory knows (service principals, users, groups). */
  principals?: Array<{ id: string }>;
  apimServices?: Array<{
    resourceGroup: string;
    name: string;
    location?: string;
    gatewayUrl?: string;
    publisherEmail?: string;
    publisherName?: string;
    skuName?: string;
    tags?: ArmTags;
  }>;
  sites?: Array<{
    resourceGroup: string;
    name: string;
    location?: string;
    tags?: ArmTags;
    serverFarmId?: string;
    /** The site's identity block as ARM returns it (e.g. a user-assigned identity). */
    identity?: Record<string, unknown>;
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
