/**
 * The names resolver shared by `provision`, `deploy`, `up` and `down`: every Azure resource of an environment gets
 * a name that is either written in the env file (an existing resource to adopt, or a chosen name for a new one) or
 * derived from the subscription, the environment name, the location and the API id — a short deterministic suffix, so two
 * subscriptions (teams) never collide on the globally unique names and a re-run, or a `deploy` after `provision`,
 * finds the same names. Each default respects its resource type's naming rules (length, characters, first/last
 * character), checked by `checkName` and by tests over many environment names.
 */
import { createHash } from 'node:crypto';

/** The resources an environment consists of (keys of `ResourceNames`). */
export const RESOURCE_KINDS = ['resourceGroup', 'storageAccount', 'logAnalyticsWorkspace', 'appInsights', 'identity', 'plan', 'functionApp', 'apimService'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type ResourceNames = Record<ResourceKind, string> & {
  /** Blob container of the Flex Consumption deployment packages (inside the storage account; not in the env file). */
  deploymentContainer: string;
};

/** The tag provision puts on every resource it creates; `down` removes only resources carrying it. */
export const ENV_TAG = 'connectorkit-env';

/** Naming rules per kind (Azure's documented rules for the type) and the env-file key that names the resource. */
export const NAME_RULES: Record<ResourceKind, { pattern: RegExp; max: number; envKey: string; globallyUnique: boolean; what: string }> = {
  resourceGroup: { pattern: /^[-\w.()]{0,89}[-\w()]$/, max: 90, envKey: 'resourceGroup', globallyUnique: false, what: 'resource group' },
  storageAccount: { pattern: /^[a-z0-9]{3,24}$/, max: 24, envKey: 'resources.storageAccount', globallyUnique: true, what: 'storage account' },
  logAnalyticsWorkspace: { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/, max: 63, envKey: 'resources.logAnalyticsWorkspace', globallyUnique: false, what: 'Log Analytics workspace' },
  appInsights: { pattern: /^[^%&\\?/]{1,260}$/, max: 260, envKey: 'resources.appInsights', globallyUnique: false, what: 'Application Insights component' },
  identity: { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/, max: 128, envKey: 'resources.identity', globallyUnique: false, what: 'managed identity' },
  plan: { pattern: /^[A-Za-z0-9-]{1,40}$/, max: 40, envKey: 'resources.plan', globallyUnique: false, what: 'App Service plan' },
  functionApp: { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,58}[A-Za-z0-9]$/, max: 60, envKey: 'functionApp', globallyUnique: true, what: 'Function App' },
  apimService: { pattern: /^[A-Za-z](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/, max: 50, envKey: 'apimService', globallyUnique: true, what: 'API Management service' },
};

/** The prefix of each default name (the Cloud Adoption Framework abbreviations azd templates use too). */
const PREFIX: Record<Exclude<ResourceKind, 'storageAccount'>, string> = {
  resourceGroup: 'rg',
  logAnalyticsWorkspace: 'log',
  appInsights: 'appi',
  identity: 'id',
  plan: 'plan',
  functionApp: 'func',
  apimService: 'apim',
};

/** "West Europe" and "westeurope" are the same region: lower case, no spaces. */
export function normaliseLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/**
 * Eight lower-case letters and digits from sha256(subscription | environment | location | API id): the same inputs
 * give the same suffix on every machine; another subscription, environment or region gives another one — and so does
 * another project (the env file's `api.id`), so two APIs deployed to one subscription under the same environment name
 * never share, and overwrite, each other's resources.
 */
export function nameSuffix(subscriptionId: string, env: string, location: string, apiId: string): string {
  const digest = createHash('sha256')
    .update(`${subscriptionId.toLowerCase()}|${env.toLowerCase()}|${normaliseLocation(location)}|${apiId.toLowerCase()}`)
    .digest();
  return digest.readBigUInt64BE(0).toString(36).padStart(13, '0').slice(-8);
}

/** The environment name as a name segment: lower case, runs of other characters → '-', at most 16 characters. */
function envSlug(env: string): string {
  const s = env
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 16)
    .replace(/^-+|-+$/g, '');
  return s || 'env';
}

/** The default name of every resource of an environment. */
export function defaultNames(subscriptionId: string, env: string, location: string, apiId: string): ResourceNames {
  const suffix = nameSuffix(subscriptionId, env, location, apiId);
  const slug = envSlug(env);
  const dashed = (k: keyof typeof PREFIX) => `${PREFIX[k]}-${slug}-${suffix}`;
  return {
    resourceGroup: dashed('resourceGroup'),
    // 3–24 lower-case letters and digits: "st" + up to 14 of the environment's + the suffix.
    storageAccount: `st${slug.replace(/-/g, '').slice(0, 14)}${suffix}`,
    logAnalyticsWorkspace: dashed('logAnalyticsWorkspace'),
    appInsights: dashed('appInsights'),
    identity: dashed('identity'),
    plan: dashed('plan'),
    functionApp: dashed('functionApp'),
    // The gateway host (<name>.azure-api.net) becomes the connector's host: with an environment word in it (dev,
    // test, staging…) the export's certification lint refuses it (scripts/validate/rules/ck-production-host.ts).
    apimService: `${PREFIX.apimService}-${suffix}`,
    deploymentContainer: 'app-package',
  };
}

/** True when `name` satisfies the naming rules of `kind`. */
export function checkName(kind: ResourceKind, name: string): boolean {
  return name.length <= NAME_RULES[kind].max && NAME_RULES[kind].pattern.test(name);
}

/** The names the env file may give (top-level keys, and `resources.*` for the rest). */
export interface NamedInEnvFile {
  resourceGroup?: string;
  functionApp?: string;
  apimService?: string;
  resources?: Partial<Record<'storageAccount' | 'logAnalyticsWorkspace' | 'appInsights' | 'identity' | 'plan', string>>;
}

export interface ResolvedNames {
  names: ResourceNames;
  /** Kinds whose name the env file gave (provision adopts such a resource when it exists and never tags it). */
  named: ResourceKind[];
  /** The derived suffix (absent when every name is given and there is no location). */
  suffix?: string;
}

/**
 * Resolves every name: the env file's where given, else the default. Needs `location` (and returns undefined
 * without it) unless the env file names every resource; callers decide whether a missing location is an error.
 */
export function resolveNames(subscriptionId: string, env: string, location: string | undefined, given: NamedInEnvFile & { api: { id: string } }): ResolvedNames | undefined {
  const explicit: Partial<Record<ResourceKind, string>> = {
    ...(given.resourceGroup ? { resourceGroup: given.resourceGroup } : {}),
    ...(given.functionApp ? { functionApp: given.functionApp } : {}),
    ...(given.apimService ? { apimService: given.apimService } : {}),
    ...Object.fromEntries(Object.entries(given.resources ?? {}).filter(([, v]) => typeof v === 'string' && v !== '')),
  };
  const named = RESOURCE_KINDS.filter((k) => explicit[k] !== undefined);
  if (!location) {
    if (named.length !== RESOURCE_KINDS.length) return undefined;
    return { names: { ...(explicit as Record<ResourceKind, string>), deploymentContainer: 'app-package' }, named };
  }
  const defaults = defaultNames(subscriptionId, env, location, given.api.id);
  return { names: { ...defaults, ...explicit }, named, suffix: nameSuffix(subscriptionId, env, location, given.api.id) };
}
