/**
 * Provision steps for the Flex Consumption plan, the Function App (Linux, Node, deployment storage through the
 * user-assigned identity) and the platform app settings provision owns (identity-based AzureWebJobsStorage__*,
 * Application Insights with Entra auth). Before creating a plan the region must offer Flex Consumption
 * (geoRegions?sku=FlexConsumption); before creating the app its name must be free in all of Azure.
 */
import { CkError } from '../core/errors';
import { registerSecret } from '../core/redact';
import { loadAppSettings, normaliseLocation, UNKNOWN, withRetry, type PropertyDiff, type StepPlan } from '../deploy';
import { fillResource } from './manifests';
import { nameTaken } from './steps-core';
import { change, isOwned, outputValues, readOrUndefined, trackedStep } from './tracked';
import type { ProvisionContext, ProvisionStep } from './types';
import './codes';

const FILE = 'infra/resources/function-app.json';
const SECRETISH = /(secret|password|pwd|key|token|connectionstring)$/i;
const rgScope = (ctx: ProvisionContext) => `/subscriptions/${ctx.env.subscriptionId}/resourceGroups/${ctx.env.names.resourceGroup}`;
const lro = (ctx: ProvisionContext) => ({ updateIntervalInMs: ctx.retry.pollIntervalMs ?? 2000 });
const part = (ctx: ProvisionContext, key: 'plan' | 'site' | 'appSettings') => fillResource(ctx.manifests.functionApp[key] as Record<string, unknown>, outputValues(ctx), FILE, key);

export function webSteps(ctx0: ProvisionContext): ProvisionStep[] {
  const { resourceGroup: rg, plan, functionApp: app } = ctx0.env.names;
  return [
    trackedStep(ctx0, {
      id: 'prov.plan',
      deps: ['prov.rg'],
      kind: 'plan',
      label: 'Flex Consumption plan',
      scope: rgScope,
      read: (ctx) => readOrUndefined(ctx, () => ctx.web.appServicePlans.get(rg, plan)),
      desired: (ctx) => part(ctx, 'plan'),
      write: (ctx, body) => withRetry(async () => ctx.web.appServicePlans.createOrUpdate(rg, plan, body as never, lro(ctx)), ctx.retry, ctx.stats),
      publish: (ctx, cur) => void (ctx.out.planId = cur ? String(cur.id) : UNKNOWN),
      notNeeded: async (ctx) => {
        const site = (await readOrUndefined(ctx, () => ctx.web.webApps.get(rg, app))) as { tags?: Record<string, string>; serverFarmId?: string } | undefined;
        if (!site || isOwned(ctx, site)) return undefined;
        const own = site.serverFarmId?.split('/').pop();
        return `the adopted Function App ${app} runs on its own plan${own ? ` (${own})` : ''}`;
      },
      beforeCreate: (ctx) => checkFlexRegion(ctx),
      summary: (b) => `${(b.sku as { name: string }).name}, Linux`,
    }),
    trackedStep(ctx0, {
      id: 'prov.site',
      deps: ['prov.plan', 'prov.identity', 'prov.storage', 'prov.container'],
      kind: 'functionApp',
      label: 'Function App',
      scope: rgScope,
      read: (ctx) => readOrUndefined(ctx, () => ctx.web.webApps.get(rg, app)),
      desired: (ctx) => ({ ...part(ctx, 'site'), identity: { type: 'UserAssigned', userAssignedIdentities: { [String(ctx.out.identityId)]: {} } } }),
      // The identity's map is keyed by resource id (whose casing ARM may change): compare the type only.
      compare: (b) => ({ ...b, identity: { type: (b.identity as { type: string }).type } }),
      write: (ctx, body) => withRetry(async () => ctx.web.webApps.createOrUpdate(rg, app, body as never, lro(ctx)), ctx.retry, ctx.stats),
      publish: (ctx, cur) => void (ctx.out.siteId = cur ? String(cur.id) : UNKNOWN),
      beforeCreate: (ctx) => checkSiteName(ctx),
      summary: (b) => {
        const rt = (b.functionAppConfig as { runtime: { name: string; version: string } }).runtime;
        return `Linux, ${rt.name} ${rt.version}, deployment storage through the managed identity`;
      },
    }),
    settingsStep(ctx0),
  ];
}

/** The platform app settings provision owns; other settings are kept and never printed (as deploy's app.settings). */
function settingsStep(ctx0: ProvisionContext): ProvisionStep {
  const { resourceGroup: rg, functionApp: app } = ctx0.env.names;
  const deployOwned = new Set(Object.keys(loadAppSettings(ctx0.opts.root)));
  return {
    id: 'prov.settings',
    title: `Platform app settings of ${app}`,
    deps: ['prov.site', 'prov.appInsights', 'prov.identity', 'prov.storage'],
    site: { resource: `Function App ${app} app settings`, envKey: 'functionApp', scope: `${rgScope(ctx0)}/providers/Microsoft.Web/sites/${app}` },
    async plan(ctx): Promise<StepPlan> {
      const res = `Function App ${app} platform app settings`;
      const desired = part(ctx, 'appSettings') as Record<string, string>;
      const site = ctx.out.siteId === UNKNOWN ? undefined : await readOrUndefined(ctx, () => ctx.web.webApps.get(rg, app));
      if (site && !isOwned(ctx, site)) return { changes: [change(res, 'no-op', undefined, 'Function App adopted: its settings are left as they are')] };
      const current = site ? ((await withRetry(() => ctx.web.webApps.listApplicationSettings(rg, app), ctx.retry, ctx.stats)).properties ?? {}) : {};
      // Values of settings neither provision nor deploy owns may be secrets (and secret-named ones are): never shown.
      for (const [k, v] of Object.entries(current)) if (SECRETISH.test(k) || !(k in desired || deployOwned.has(k))) registerSecret(v);
      const diff: PropertyDiff[] = Object.entries(desired)
        .filter(([k, v]) => current[k] !== v)
        .map(([k, v]) => ({ path: k, ...(k in current ? { from: '(set)' } : {}), to: v.includes(UNKNOWN) ? UNKNOWN : '(set)' }));
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      const action = Object.keys(desired).every((k) => !(k in current)) ? 'create' : 'update';
      return {
        changes: [change(res, action, diff, `${diff.length} of ${Object.keys(desired).length} owned setting(s)`)],
        apply: async () => {
          // Re-read just before the write (ARM's PUT replaces the collection): a setting added meanwhile is kept.
          const now = (await withRetry(() => ctx.web.webApps.listApplicationSettings(rg, app), ctx.retry, ctx.stats)).properties ?? {};
          const filled = part(ctx, 'appSettings') as Record<string, string>;
          if (Object.values(filled).some((v) => v.includes(UNKNOWN))) throw new Error(`app settings of ${app}: a value is still unknown`);
          await withRetry(() => ctx.web.webApps.updateApplicationSettings(rg, app, { properties: { ...now, ...filled } }), ctx.retry, ctx.stats);
        },
      };
    },
  };
}

/** The region must offer Flex Consumption before anything is created for it. */
async function checkFlexRegion(ctx: ProvisionContext): Promise<void> {
  const regions = await withRetry(
    async () => {
      const out: string[] = [];
      for await (const r of ctx.web.listGeoRegions({ sku: 'FlexConsumption' })) out.push(String(r.name ?? r.displayName ?? ''));
      return out;
    },
    ctx.retry,
    ctx.stats,
  );
  if (regions.some((r) => normaliseLocation(r) === ctx.env.location)) return;
  const shown = regions.map(normaliseLocation).join(', ');
  throw new CkError({
    code: 'CK_PROVISION_REGION_UNSUPPORTED',
    message: `Region "${ctx.env.location}" does not offer Flex Consumption Function Apps; nothing was written.`,
    hint: `Set "location" in ${ctx.env.file} to a region that does${shown ? ` (e.g. ${shown})` : ''}.`,
    target: `${ctx.env.file}#location`,
    data: { regions },
  });
}

/** Function App names are global (<name>.azurewebsites.net). */
async function checkSiteName(ctx: ProvisionContext): Promise<void> {
  const name = ctx.env.names.functionApp;
  const r = await withRetry(() => ctx.web.checkNameAvailability(name, 'Microsoft.Web/sites'), ctx.retry, ctx.stats);
  if (r.nameAvailable === false) throw nameTaken(ctx, 'Function App', name, 'functionApp', r.message);
}
