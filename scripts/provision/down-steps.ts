/**
 * The ARM deletes of `down`, in reverse dependency order (Function App → plan → API Management → Application
 * Insights → Log Analytics workspace → storage account → managed identity, then the resource group). A resource is
 * deleted only when it carries `connectorkit-env: <env>`; one that exists without it is kept and reported. When the
 * group itself is ours and holds nothing else, one group delete removes everything; otherwise each resource goes on
 * its own. Every delete is idempotent (a resource already gone answers 204/404), so a re-run after a fault finishes.
 */
import { azureErrorInfo, bearerFetch, errorFromResponse, withRetry, type PlannedChange, type Step, type StepPlan } from '../deploy';
import { rm } from 'node:fs/promises';
import { notOursReason, owned, readOrUndefined } from './down-context';
import { pendingFile } from './steps-apim';
import type { DownContext, DownKind } from './down-types';

/** What down knows about each kind it deletes: ARM type, label, the steps it waits for, and the delete call. */
interface KindSpec {
  kind: DownKind;
  type: string;
  label: string;
  deps: DownKind[];
  remove(ctx: DownContext, name: string): Promise<unknown>;
}

const lro = (ctx: DownContext) => ({ updateIntervalInMs: ctx.retry.pollIntervalMs, abortSignal: AbortSignal.timeout(ctx.retry.lroTimeoutMs) });

/** Application Insights through a raw ARM request at 2020-02-02 (the api-version provision writes it with). */
async function deleteComponent(ctx: DownContext, name: string): Promise<void> {
  const id = `/subscriptions/${ctx.env.subscriptionId}/resourceGroups/${ctx.env.names.resourceGroup}/providers/Microsoft.Insights/components/${name}`;
  const { res, text } = await bearerFetch(ctx.opts.credential, ctx.env.cloud.resourceManagerAudience, `${ctx.env.cloud.resourceManager}${id}?api-version=2020-02-02`, { method: 'DELETE' });
  if (!res.ok && res.status !== 404) throw errorFromResponse(res, text, `DELETE Microsoft.Insights/components/${name}`);
}

export const KINDS: KindSpec[] = [
  {
    kind: 'functionApp',
    type: 'Microsoft.Web/sites',
    label: 'Function App',
    deps: [],
    // Web deletes a plan left empty by default; the plan has its own step (it may be adopted).
    remove: (ctx, n) => ctx.web.webApps.delete(ctx.env.names.resourceGroup, n, { deleteEmptyServerFarm: false }),
  },
  { kind: 'plan', type: 'Microsoft.Web/serverfarms', label: 'App Service plan', deps: ['functionApp'], remove: (ctx, n) => ctx.web.appServicePlans.delete(ctx.env.names.resourceGroup, n) },
  {
    kind: 'apimService',
    type: 'Microsoft.ApiManagement/service',
    label: 'API Management service',
    deps: ['functionApp'],
    remove: async (ctx, n) => {
      await ctx.apim.apiManagementService.beginDeleteAndWait(ctx.env.names.resourceGroup, n, lro(ctx));
      await forgetPending(ctx);
    },
  },
  { kind: 'appInsights', type: 'Microsoft.Insights/components', label: 'Application Insights', deps: ['functionApp'], remove: deleteComponent },
  {
    kind: 'logAnalyticsWorkspace',
    type: 'Microsoft.OperationalInsights/workspaces',
    label: 'Log Analytics workspace',
    deps: ['appInsights'],
    remove: (ctx, n) => ctx.logs.workspaces.beginDeleteAndWait(ctx.env.names.resourceGroup, n, lro(ctx)),
  },
  {
    kind: 'storageAccount',
    type: 'Microsoft.Storage/storageAccounts',
    label: 'Storage account',
    deps: ['functionApp'],
    remove: (ctx, n) => ctx.storage.storageAccounts.delete(ctx.env.names.resourceGroup, n),
  },
  {
    kind: 'identity',
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    label: 'Managed identity',
    deps: ['functionApp', 'storageAccount', 'appInsights'],
    remove: (ctx, n) => ctx.msi.userAssignedIdentities.delete(ctx.env.names.resourceGroup, n),
  },
];

/** provision's record of an unfinished APIM create (.connectorkit/provision/<env>.json): stale once the service is gone. */
const forgetPending = (ctx: DownContext) => rm(pendingFile(ctx.opts.root, ctx.env.name), { force: true });

/** What deploy writes into a resource it does not own, which stays when down keeps that resource. */
const INSIDE: Partial<Record<DownKind, string>> = {
  functionApp: 'the code and app settings deploy put on it',
  apimService: 'the API, backend, named value and policy deploy registered in it',
};

export const stepId = (k: DownKind | 'roles' | 'group'): string => `down.${k}`;

const change = (resource: string, action: PlannedChange['action'], note?: string): PlannedChange => ({ stage: 'down', resource, action, ...(note ? { note } : {}) });

/** A delete that treats "already gone" as done (a lost answer, a re-run). */
async function idempotent(ctx: DownContext, fn: () => Promise<unknown>): Promise<void> {
  try {
    await withRetry(fn, ctx.retry, ctx.stats);
  } catch (e) {
    if (azureErrorInfo(e).status !== 404) throw e;
  }
}

/** The Function Apps down keeps that run on plan `planId` (deleting the plan would fail, and break them). */
async function keptSitesOn(ctx: DownContext, planName: string): Promise<string[]> {
  const rg = ctx.env.names.resourceGroup;
  const sites = ctx.inv.resources.filter((r) => r.type.toLowerCase() === 'microsoft.web/sites' && !owned(ctx, r.tags));
  const out: string[] = [];
  for (const s of sites) {
    const site = await readOrUndefined(ctx, () => ctx.web.webApps.get(rg, s.name));
    if (
      String(site?.serverFarmId ?? '')
        .split('/')
        .pop()
        ?.toLowerCase() === planName.toLowerCase()
    )
      out.push(s.name);
  }
  return out;
}

/** One resource kind's step: delete when ours, keep (and say why) when not, nothing when absent. */
export function kindStep(spec: KindSpec, extraDeps: string[]): Step<DownContext> {
  return {
    id: stepId(spec.kind),
    title: `${spec.label}`,
    deps: ['down.inventory', ...extraDeps, ...spec.deps.map(stepId)],
    async plan(ctx): Promise<StepPlan> {
      const name = ctx.env.names[spec.kind];
      const res = `${spec.label} ${name}`;
      const found = ctx.inv.resources.find((r) => r.type.toLowerCase() === spec.type.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());
      if (!found) return { changes: [] };
      if (!owned(ctx, found.tags)) {
        const reason = notOursReason(ctx, found.tags) + (INSIDE[spec.kind] ? `; ${INSIDE[spec.kind]} stay with it` : '');
        ctx.kept.push({ resource: res, reason });
        return { changes: [change(res, 'no-op', `kept: ${reason}`)] };
      }
      if (ctx.inv.deleteGroup) return { changes: [change(res, 'delete', `with resource group ${ctx.env.names.resourceGroup}`)] };
      if (spec.kind === 'plan') {
        const hosted = await keptSitesOn(ctx, name);
        if (hosted.length) {
          const reason = `hosts Function App ${hosted.join(', ')}, which down keeps`;
          ctx.kept.push({ resource: res, reason });
          return { changes: [change(res, 'no-op', `kept: ${reason}`)] };
        }
      }
      return { changes: [change(res, 'delete')], apply: () => idempotent(ctx, () => spec.remove(ctx, found.name)) };
    },
  };
}

/** The resource group: deleted (one long-running operation) only when it is ours and holds nothing else. */
export function groupStep(deps: string[]): Step<DownContext> {
  return {
    id: stepId('group'),
    title: 'Resource group',
    deps: ['down.inventory', ...deps],
    async plan(ctx): Promise<StepPlan> {
      const rg = ctx.env.names.resourceGroup;
      if (!ctx.inv.group) return { changes: [] };
      if (!ctx.inv.deleteGroup) return { changes: [change(`Resource group ${rg}`, 'no-op', `kept: ${ctx.kept.find((k) => k.resource === `Resource group ${rg}`)?.reason ?? 'not ours'}`)] };
      return {
        changes: [change(`Resource group ${rg}`, 'delete', `${ctx.inv.resources.length} resource(s) in it, all tagged ${ctx.env.name}`)],
        apply: async () => {
          await idempotent(ctx, () => ctx.resources.resourceGroups.beginDeleteAndWait(rg, lro(ctx)));
          await forgetPending(ctx);
        },
      };
    },
  };
}
