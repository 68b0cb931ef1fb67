/**
 * Provision steps for the resource group, the managed identity, storage (account + deployment container) and
 * monitoring (Log Analytics workspace + workspace-based Application Insights, the latter through a raw ARM request
 * at 2020-02-02: @azure/arm-appinsights cannot send WorkspaceResourceId).
 */
import { CkError } from '../core/errors';
import { AzureHttpError, bearerFetch, errorFromResponse, UNKNOWN, withRetry, type StepPlan } from '../deploy';
import { fillResource } from './manifests';
import { change, known, outputValues, readOrUndefined, trackedStep, type ArmLike } from './tracked';
import type { ProvisionContext, ProvisionStep } from './types';
import './codes';

const rgScope = (ctx: ProvisionContext) => `/subscriptions/${ctx.env.subscriptionId}/resourceGroups/${ctx.env.names.resourceGroup}`;
const idOf = (ctx: ProvisionContext, type: string, name: string) => `${rgScope(ctx)}/providers/${type}/${name}`;
const lro = (ctx: ProvisionContext) => ({ updateIntervalInMs: ctx.retry.pollIntervalMs ?? 2000 });

/** Takes `part` of manifest `m`, filled with the plan-time values and the outputs known so far. */
function desired(ctx: ProvisionContext, m: keyof ProvisionContext['manifests'], part?: string): Record<string, unknown> {
  const doc = ctx.manifests[m];
  const file = `infra/resources/${m === 'resourceGroup' ? 'resource-group' : m === 'functionApp' ? 'function-app' : m}.json`;
  return fillResource((part ? doc[part] : doc) as Record<string, unknown>, outputValues(ctx), file, part ?? '');
}

export function coreSteps(ctx0: ProvisionContext): ProvisionStep[] {
  const names = ctx0.env.names;
  const rg = names.resourceGroup;
  return [
    trackedStep(ctx0, {
      id: 'prov.rg',
      deps: [],
      kind: 'resourceGroup',
      label: 'Resource group',
      scope: (ctx) => `/subscriptions/${ctx.env.subscriptionId}`,
      read: (ctx) => readOrUndefined(ctx, () => ctx.resources.resourceGroups.get(rg)),
      desired: (ctx) => desired(ctx, 'resourceGroup'),
      write: (ctx, body) => withRetry(() => ctx.resources.resourceGroups.createOrUpdate(rg, body as never), ctx.retry, ctx.stats),
      publish: (ctx, cur) => void (ctx.out.resourceGroupId = cur ? String(cur.id) : UNKNOWN),
      summary: (b) => String(b.location),
    }),
    trackedStep(ctx0, {
      id: 'prov.identity',
      deps: ['prov.rg'],
      kind: 'identity',
      label: 'Managed identity',
      scope: rgScope,
      read: (ctx) => readOrUndefined(ctx, () => ctx.msi.userAssignedIdentities.get(rg, names.identity)),
      desired: (ctx) => desired(ctx, 'identity'),
      write: (ctx, body) => withRetry(() => ctx.msi.userAssignedIdentities.createOrUpdate(rg, names.identity, body as never), ctx.retry, ctx.stats),
      publish: (ctx, cur) => {
        ctx.out.identityId = cur ? String(cur.id) : UNKNOWN;
        ctx.out.identityPrincipalId = known(cur?.principalId as string | undefined);
        ctx.out.identityClientId = known(cur?.clientId as string | undefined);
      },
      summary: () => 'user-assigned, for the Function App',
    }),
    trackedStep(ctx0, {
      id: 'prov.storage',
      deps: ['prov.rg'],
      kind: 'storageAccount',
      label: 'Storage account',
      scope: rgScope,
      read: (ctx) => readOrUndefined(ctx, () => ctx.storage.storageAccounts.getProperties(rg, names.storageAccount)),
      desired: (ctx) => desired(ctx, 'storage', 'account'),
      write: (ctx, body) => withRetry(async () => ctx.storage.storageAccounts.create(rg, names.storageAccount, body as never, lro(ctx)), ctx.retry, ctx.stats),
      publish: (ctx, cur) => {
        ctx.out.storageId = cur ? String(cur.id) : UNKNOWN;
        ctx.out.blobEndpoint = known((cur?.primaryEndpoints as { blob?: string } | undefined)?.blob);
      },
      beforeCreate: (ctx) => checkStorageName(ctx),
      summary: (b) => `${(b.sku as { name: string }).name}, ${String(b.minimumTlsVersion ?? '')}, shared keys ${b.allowSharedKeyAccess === false ? 'off' : 'on'}`,
    }),
    containerStep(ctx0),
    trackedStep(ctx0, {
      id: 'prov.workspace',
      deps: ['prov.rg'],
      kind: 'logAnalyticsWorkspace',
      label: 'Log Analytics workspace',
      scope: rgScope,
      read: (ctx) => readOrUndefined(ctx, () => ctx.logs.workspaces.get(rg, names.logAnalyticsWorkspace)),
      desired: (ctx) => desired(ctx, 'monitoring', 'workspace'),
      write: (ctx, body) => withRetry(() => ctx.logs.workspaces.beginCreateOrUpdateAndWait(rg, names.logAnalyticsWorkspace, body as never, lro(ctx)), ctx.retry, ctx.stats),
      publish: (ctx, cur) => void (ctx.out.workspaceId = cur ? String(cur.id) : UNKNOWN),
    }),
    trackedStep(ctx0, {
      id: 'prov.appInsights',
      deps: ['prov.workspace'],
      kind: 'appInsights',
      label: 'Application Insights',
      scope: rgScope,
      read: (ctx) => readOrUndefined(ctx, () => componentRequest(ctx, 'GET')),
      desired: (ctx) => desired(ctx, 'monitoring', 'appInsights'),
      write: (ctx, body) => withRetry(() => componentRequest(ctx, 'PUT', body), ctx.retry, ctx.stats),
      publish: (ctx, cur) => {
        ctx.out.appInsightsId = cur ? String(cur.id) : UNKNOWN;
        ctx.out.appInsightsConnectionString = known((cur?.properties as { ConnectionString?: string } | undefined)?.ConnectionString);
      },
      summary: (b) => `workspace-based, local auth ${(b.properties as { DisableLocalAuth?: boolean }).DisableLocalAuth ? 'off' : 'on'}`,
    }),
  ];
}

/** The deployment container: created when missing (in an adopted account too: it is additive), never changed. */
function containerStep(ctx0: ProvisionContext): ProvisionStep {
  const { resourceGroup: rg, storageAccount: account, deploymentContainer: name } = ctx0.env.names;
  return {
    id: 'prov.container',
    title: 'Deployment container',
    deps: ['prov.storage'],
    site: { resource: `Blob container ${account}/${name}`, scope: idOf(ctx0, 'Microsoft.Storage/storageAccounts', account) },
    async plan(ctx): Promise<StepPlan> {
      const res = `Blob container ${account}/${name}`;
      const body = ctx.manifests.storage.deploymentContainer as Record<string, unknown>;
      const current = ctx.out.storageId === UNKNOWN ? undefined : await readOrUndefined(ctx, () => ctx.storage.blobContainers.get(rg, account, name));
      const publish = (c: { id?: string } | undefined) => void (ctx.out.containerId = c?.id ? String(c.id) : UNKNOWN);
      publish(current);
      if (current) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, 'create', undefined, 'deployment packages (Flex Consumption)')],
        apply: async () => publish(await withRetry(() => ctx.storage.blobContainers.create(rg, account, name, body as never), ctx.retry, ctx.stats)),
      };
    },
  };
}

/** Before creating the account: its name must be free in all of Azure (storage names are global). */
async function checkStorageName(ctx: ProvisionContext): Promise<void> {
  const name = ctx.env.names.storageAccount;
  const r = await withRetry(() => ctx.storage.storageAccounts.checkNameAvailability({ name, type: 'Microsoft.Storage/storageAccounts' }), ctx.retry, ctx.stats);
  if (r.nameAvailable === false) throw nameTaken(ctx, 'storage account', name, 'resources.storageAccount', r.message);
}

/** The coded error for a globally unique name someone else holds. */
export function nameTaken(ctx: ProvisionContext, what: string, name: string, envKey: string, why?: string): CkError {
  return new CkError({
    code: 'CK_PROVISION_NAME_TAKEN',
    message: `The ${what} name "${name}" is not available${why ? ` (${why})` : ''}; nothing was written.`,
    hint: `Set ${envKey} in ${ctx.env.file} to a free name, or use another environment name or location (the default names derive from subscription, environment and location).`,
    target: `${ctx.env.file}#${envKey}`,
  });
}

/** Application Insights component through a raw ARM request (2020-02-02). */
async function componentRequest(ctx: ProvisionContext, method: 'GET' | 'PUT', body?: Record<string, unknown>): Promise<ArmLike> {
  const url = `${ctx.env.cloud.resourceManager}${idOf(ctx, 'Microsoft.Insights/components', ctx.env.names.appInsights)}?api-version=2020-02-02`;
  const { res, text } = await bearerFetch(ctx.opts.credential, ctx.env.cloud.resourceManagerAudience, url, {
    method,
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw errorFromResponse(res, text, `${method} Microsoft.Insights/components/${ctx.env.names.appInsights}`);
  try {
    return JSON.parse(text) as ArmLike;
  } catch (e) {
    throw new AzureHttpError(res.status, 'InvalidResponse', `Application Insights answered ${res.status} without JSON: ${(e as Error).message}`);
  }
}
