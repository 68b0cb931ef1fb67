/**
 * The desired state provision reads from infra/resources/ (the project's copy, else connectorkit's): one
 * ManifestSpec per file, all checked against infra/resources/schema.json and their placeholders before the first
 * step runs, so a bad file fails with zero writes.
 */
import { CkError } from '../core/errors';
import { fill, loadManifest, type DeployEnvironment, type Manifest, type ManifestSpec, type ResourceNames } from '../deploy';

/** Placeholders filled from the environment and the resolved names (known at plan time). */
export const ENV_PLACEHOLDERS = [
  'environment',
  'location',
  'subscriptionId',
  'resourceGroup',
  'tenantId',
  'storageAccount',
  'deploymentContainer',
  'logAnalyticsWorkspace',
  'appInsights',
  'identity',
  'plan',
  'functionApp',
  'apimService',
  'apimSku',
  'publisherEmail',
  'publisherName',
] as const;

/** Placeholders known only once the resource they come from exists (UNKNOWN in a plan before its create). */
export const OUTPUT_PLACEHOLDERS = ['workspaceId', 'identityId', 'identityClientId', 'identityPrincipalId', 'blobEndpoint', 'planId', 'appInsightsConnectionString'] as const;

const spec = (name: string, definition: string): ManifestSpec => ({
  file: `infra/resources/${name}.json`,
  schema: 'infra/resources/schema.json',
  definition,
  placeholders: [...ENV_PLACEHOLDERS, ...OUTPUT_PLACEHOLDERS],
});

export const RESOURCE_MANIFESTS = {
  resourceGroup: spec('resource-group', 'resourceGroup'),
  storage: spec('storage', 'storage'),
  monitoring: spec('monitoring', 'monitoring'),
  identity: spec('identity', 'identity'),
  functionApp: spec('function-app', 'functionApp'),
  roleAssignments: spec('role-assignments', 'roleAssignments'),
  apim: spec('apim', 'apim'),
} as const;

export type ResourceManifests = Record<keyof typeof RESOURCE_MANIFESTS, Manifest>;

const SECRETISH = /(secret|password|pwd|key|token|connectionstring)$/i;

/** Loads and checks every infra/resources file; an app setting named like a secret must take its value from a placeholder. */
export function loadResourceManifests(root: string): ResourceManifests {
  const out = Object.fromEntries(Object.entries(RESOURCE_MANIFESTS).map(([k, s]) => [k, loadManifest(root, s)])) as ResourceManifests;
  const settings = (out.functionApp.appSettings ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(settings)) {
    if (SECRETISH.test(k) && v !== '' && !/\$\{\w+\}/.test(v)) {
      throw new CkError({
        code: 'CK_DEPLOY_INFRA_INVALID',
        message: `${RESOURCE_MANIFESTS.functionApp.file}: appSettings.${k} looks like a secret and holds a literal value.`,
        hint: 'infra/ is committed: never put a secret there. Use a placeholder (or a Key Vault reference).',
        target: `${RESOURCE_MANIFESTS.functionApp.file}#appSettings.${k}`,
      });
    }
  }
  return out;
}

/** The plan-time values of ENV_PLACEHOLDERS for an environment with resolved names. */
export function envPlaceholderValues(env: DeployEnvironment & { location: string; names: ResourceNames }): Record<(typeof ENV_PLACEHOLDERS)[number], string> {
  return {
    environment: env.name,
    location: env.location,
    subscriptionId: env.subscriptionId,
    resourceGroup: env.names.resourceGroup,
    tenantId: env.tenantId,
    storageAccount: env.names.storageAccount,
    deploymentContainer: env.names.deploymentContainer,
    logAnalyticsWorkspace: env.names.logAnalyticsWorkspace,
    appInsights: env.names.appInsights,
    identity: env.names.identity,
    plan: env.names.plan,
    functionApp: env.names.functionApp,
    apimService: env.names.apimService,
    apimSku: env.apim.sku,
    publisherEmail: env.apim.publisherEmail ?? '',
    publisherName: env.apim.publisherName ?? env.api.displayName,
  };
}

/** Fills one manifest (or a part of it) for `file` with plan-time values and the outputs known so far. */
export function fillResource<T>(template: T, values: Record<string, string>, file: string, at = ''): T {
  return fill(template, values, file, [], at);
}
