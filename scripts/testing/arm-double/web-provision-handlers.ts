/**
 * Microsoft.Web 2025-05-01 for provisioning: App Service plans (serverfarms, Flex Consumption FC1), Function App
 * create/update/delete, geoRegions and checkNameAvailability. Behaviour spec: arm-double.md "Microsoft.Web".
 */
import type { DoubleResponse } from '../doubles-common';
import { armError } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyObject, entityBody, startLocationLro } from './handler-context';
import { nameTaken, resourceNotFound } from './tracked';
import type { ArmEntity } from './types';

const T_PLAN = 'Microsoft.Web/serverfarms';
const T_SITE = 'Microsoft.Web/sites';

/** Regions offering Flex Consumption when `flexRegions` is not given (display names, as geoRegions answers them). */
export const DEFAULT_FLEX_REGIONS = [
  'Australia East',
  'Brazil South',
  'Canada Central',
  'Central India',
  'East Asia',
  'East US',
  'East US 2',
  'France Central',
  'Germany West Central',
  'Japan East',
  'Korea Central',
  'North Central US',
  'North Europe',
  'Norway East',
  'South Africa North',
  'South Central US',
  'Southeast Asia',
  'Sweden Central',
  'UK South',
  'West Europe',
  'West US 2',
  'West US 3',
];
/** Regions listed for other SKUs (a superset of the Flex default). */
const OTHER_REGIONS = [...DEFAULT_FLEX_REGIONS, 'Central US', 'West US', 'West India', 'UK West', 'Japan West', 'Switzerland North'].sort();

/** App settings Flex Consumption rejects on create (the platform sets or replaces them). */
const FLEX_FORBIDDEN_SETTINGS = [
  'FUNCTIONS_WORKER_RUNTIME',
  'FUNCTIONS_EXTENSION_VERSION',
  'WEBSITE_RUN_FROM_PACKAGE',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'ENABLE_ORYX_BUILD',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'WEBSITE_CONTENTSHARE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
];

const norm = (region: string) => region.replace(/\s/g, '').toLowerCase();

/** True when `location` offers Flex Consumption (names compared without spaces, case-insensitively). */
export function flexOffered(ctx: Pick<HandlerCtx, 'opts'>, location: string): boolean {
  return (ctx.opts.flexRegions ?? DEFAULT_FLEX_REGIONS).some((r) => norm(r) === norm(location));
}

const isFlexSku = (sku: { name?: string; tier?: string } | undefined) => sku?.name === 'FC1' || sku?.tier === 'FlexConsumption';

function sitesOn(ctx: HandlerCtx, planId: string): ArmEntity[] {
  return ctx.store.list(T_SITE).filter((s) => String(s.properties.serverFarmId ?? '').toLowerCase() === planId.toLowerCase());
}

/** The plan as Web answers it (numberOfSites counted now). */
function planBody(ctx: HandlerCtx, e: ArmEntity): Record<string, unknown> {
  return entityBody(e, { ...e.properties, numberOfSites: sitesOn(ctx, e.id).length });
}

const getPlan: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  return e ? { status: 200, body: planBody(ctx, e) } : resourceNotFound(ctx, T_PLAN);
};

/** PUT: synchronous 200 (create or update), as Web answers plan writes; FC1 outside the Flex regions → 400. */
const putPlan: ArmHandler = (ctx) => {
  const existing = ctx.store.get(ctx.parentId);
  const b = bodyObject(ctx) ?? {};
  const location = String(existing?.top?.location ?? b.location ?? '');
  const sku = (b.sku as { name?: string; tier?: string; capacity?: number } | undefined) ?? (existing?.top?.sku as { name?: string; tier?: string } | undefined) ?? { name: 'Y1', tier: 'Dynamic' };
  if (isFlexSku(sku) && !flexOffered(ctx, location))
    return armError(
      400,
      'BadRequest',
      `Requested features are not supported in region. Please try another region. (The FlexConsumption SKU is not offered in '${location}'; GET /subscriptions/{subscriptionId}/providers/Microsoft.Web/geoRegions?sku=FlexConsumption lists the regions that offer it.)`,
      { target: 'location' },
    );
  const props = (b.properties as Record<string, unknown> | undefined) ?? {};
  const top: Record<string, unknown> = {
    location,
    kind: b.kind ?? existing?.top?.kind ?? 'app',
    sku: isFlexSku(sku) ? { name: 'FC1', tier: 'FlexConsumption', size: 'FC1', family: 'FC', capacity: 0 } : { ...sku },
  };
  if (b.tags && typeof b.tags === 'object') top.tags = { ...(b.tags as Record<string, string>) };
  const e = ctx.store.put({
    id: existing?.id ?? ctx.parentId,
    name: existing?.name ?? ctx.route.resource,
    type: T_PLAN,
    top,
    properties: {
      ...props,
      reserved: props.reserved ?? false,
      status: 'Ready',
      provisioningState: 'Succeeded',
      geoRegion: (OTHER_REGIONS.find((r) => norm(r) === norm(location)) ?? location) || undefined,
      maximumNumberOfWorkers: isFlexSku(sku) ? 1000 : 1,
      zoneRedundant: props.zoneRedundant ?? false,
    },
  });
  return { status: 200, body: planBody(ctx, e) };
};

/** DELETE: 200 / 204 when absent; a plan that still hosts sites → 409 (Web's wording). */
const deletePlan: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  if (!e) return { status: 204 };
  const sites = sitesOn(ctx, e.id);
  if (sites.length)
    return armError(409, 'Conflict', `Server farm '${e.name}' cannot be deleted because it has web app(s) ${sites.map((s) => s.name).join(',')} assigned to it. Delete the web app(s) first.`);
  ctx.store.deleteTree(e.id);
  return { status: 200 };
};

/** The identity block of a site PUT with principalId/clientId filled in from the stored identities. */
function siteIdentity(ctx: HandlerCtx, id: string, existing: ArmEntity | undefined): Record<string, unknown> | DoubleResponse | undefined {
  const requested = bodyObject(ctx)?.identity as { type?: string; userAssignedIdentities?: Record<string, unknown> } | undefined;
  if (!requested?.type || requested.type === 'None') return undefined;
  const out: Record<string, unknown> = { type: requested.type };
  if (requested.type.includes('SystemAssigned')) {
    const before = existing?.top?.identity as { principalId?: string } | undefined;
    const principalId = before?.principalId ?? ctx.store.guid('site-principal', id, true);
    if (!before?.principalId) ctx.store.addPrincipal(principalId, ctx.opts.principalReplicationLag ?? 0);
    Object.assign(out, { principalId, tenantId: ctx.tenantId });
  }
  const uai: Record<string, unknown> = {};
  for (const uid of Object.keys(requested.userAssignedIdentities ?? {})) {
    const ident = ctx.store.get(uid);
    if (!ident) return armError(400, 'BadRequest', `The user assigned identity '${uid}' was not found. Create it first or fix the resource id.`, { target: 'identity' });
    uai[uid] = { principalId: ident.properties.principalId, clientId: ident.properties.clientId };
  }
  if (Object.keys(uai).length) out.userAssignedIdentities = uai;
  return out;
}

/** Flex Consumption rules Web enforces on a site PUT; undefined when the site passes. */
function flexProblem(ctx: HandlerCtx, props: Record<string, unknown>, identity: Record<string, unknown> | undefined, settings: Array<{ name: string }>): DoubleResponse | undefined {
  const cfg = props.functionAppConfig as
    { deployment?: { storage?: { authentication?: { type?: string; userAssignedIdentityResourceId?: string } } }; runtime?: { name?: string; version?: string } } | undefined;
  if (!cfg) return armError(400, 'BadRequest', 'Site.FunctionAppConfig is required for a site on a Flex Consumption plan.', { target: 'properties.functionAppConfig' });
  const rt = cfg.runtime;
  if (rt?.name === 'node' && !['20', '22'].includes(String(rt.version)))
    return armError(400, 'BadRequest', `Runtime version '${String(rt.version)}' is not supported for runtime 'node' on Flex Consumption; supported: 20, 22.`, {
      target: 'properties.functionAppConfig.runtime.version',
    });
  const auth = cfg.deployment?.storage?.authentication;
  if (auth?.type === 'UserAssignedIdentity') {
    const assigned = Object.keys((identity?.userAssignedIdentities as Record<string, unknown> | undefined) ?? {}).map((k) => k.toLowerCase());
    if (!auth.userAssignedIdentityResourceId || !assigned.includes(auth.userAssignedIdentityResourceId.toLowerCase()))
      return armError(400, 'BadRequest', `The deployment storage identity '${String(auth.userAssignedIdentityResourceId)}' is not assigned to the site; add it to identity.userAssignedIdentities.`, {
        target: 'properties.functionAppConfig.deployment.storage.authentication',
      });
  }
  const bad = settings.find((s) => FLEX_FORBIDDEN_SETTINGS.includes(s.name.toUpperCase()));
  if (bad)
    return armError(400, 'BadRequest', `The following app setting (Site.SiteConfig.AppSettings.${bad.name}) for Flex Consumption sites is invalid. Please remove or rename it before retrying.`, {
      target: 'properties.siteConfig.appSettings',
    });
  return undefined;
}

/** A host key value: deterministic per site creation (tests can compare runs), never a real secret. */
function hostKey(ctx: HandlerCtx, kind: string, id: string): string {
  return Buffer.from(ctx.store.guid(`hostkey-${kind}`, id).replace(/-/g, ''), 'hex').toString('base64url');
}

/** PUT site: create (202 + Location unless `siteCreate: 'sync'`) or update (200); host keys and app settings kept. */
const putSite: ArmHandler = (ctx) => {
  const id = ctx.parentId;
  const name = ctx.route.resource;
  const existing = ctx.store.get(id);
  if (!existing && nameTaken(ctx, 'site', name, T_SITE)) return armError(409, 'Conflict', `Website with given name ${name} already exists.`, { target: 'name' });
  const b = bodyObject(ctx) ?? {};
  const props = { ...((b.properties as Record<string, unknown> | undefined) ?? {}) };
  const farmId = String(props.serverFarmId ?? existing?.properties.serverFarmId ?? '');
  const plan = farmId ? ctx.store.get(farmId) : undefined;
  if (!plan) return armError(404, 'NotFound', `Cannot find ServerFarm with name ${farmId.split('/').pop() || '(none)'}.`, { target: 'properties.serverFarmId' });
  const identity = siteIdentity(ctx, id, existing);
  if (identity && 'status' in identity) return identity as DoubleResponse;
  const siteConfig = { ...((props.siteConfig as Record<string, unknown> | undefined) ?? {}) };
  const settings = (siteConfig.appSettings as Array<{ name: string; value?: string }> | undefined) ?? [];
  const flex = isFlexSku(plan.top?.sku as { name?: string; tier?: string } | undefined);
  const problem = flex ? flexProblem(ctx, props, identity as Record<string, unknown> | undefined, settings) : undefined;
  if (problem) return problem;
  if (existing) ctx.lro.settle(existing.id);
  const settingsGiven = Array.isArray(siteConfig.appSettings);
  delete siteConfig.appSettings;
  const host = `${name.toLowerCase()}.azurewebsites.net`;
  const top: Record<string, unknown> = { location: existing?.top?.location ?? b.location, kind: b.kind ?? existing?.top?.kind ?? 'app' };
  if (b.tags && typeof b.tags === 'object') top.tags = { ...(b.tags as Record<string, string>) };
  if (identity) top.identity = identity;
  const hidden = {
    hostKeys: existing?.hidden?.hostKeys ?? { masterKey: hostKey(ctx, 'master', id), functionKeys: { default: hostKey(ctx, 'default', id) }, systemKeys: {} },
    appSettings: !settingsGiven && existing ? existing.hidden?.appSettings : Object.fromEntries(settings.map((s) => [s.name, String(s.value ?? '')])),
  };
  const e = ctx.store.put({
    id: existing?.id ?? id,
    name: existing?.name ?? name,
    type: T_SITE,
    top,
    properties: {
      ...props,
      ...(Object.keys(siteConfig).length ? { siteConfig } : {}),
      serverFarmId: plan.id,
      state: 'Running',
      hostNames: [host],
      enabledHostNames: [host, host.replace(/^([^.]+)\./, '$1.scm.')],
      defaultHostName: host,
      httpsOnly: props.httpsOnly ?? false,
      reserved: String(top.kind).includes('linux'),
      enabled: true,
      usageState: 'Normal',
      availabilityState: 'Normal',
    },
    hidden,
  });
  if (existing || (ctx.opts.siteCreate ?? 'async') === 'sync') return { status: 200, body: entityBody(e) };
  const headers = startLocationLro(
    ctx,
    e.id,
    () => undefined,
    () => ctx.store.deleteTree(e.id),
    { result: () => ({ status: 200, body: entityBody(ctx.store.get(e.id)!) }) },
  );
  // The spec's 202 carries the Site (WebApps_CreateOrUpdate): a bodiless 202 fails its response check.
  return { status: 202, headers, body: entityBody(e) };
};

/**
 * DELETE site: 200 / 204 when absent. As Web documents `deleteEmptyServerFarm` ("by default, empty App Service plan
 * is deleted"), a plan left without sites goes too unless the query says `deleteEmptyServerFarm=false`.
 */
const deleteSite: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  if (!e) return { status: 204 };
  ctx.lro.settle(e.id);
  ctx.store.deleteTree(e.id);
  const farm = String(e.properties.serverFarmId ?? '');
  if (ctx.req.url.searchParams.get('deleteEmptyServerFarm') !== 'false' && farm && !sitesOn(ctx, farm).length) ctx.store.deleteTree(farm);
  return { status: 200 };
};

/** GET Microsoft.Web/geoRegions[?sku=…]: FlexConsumption → `flexRegions`; orgDomain carries the capability tokens. */
const geoRegions: ArmHandler = (ctx) => {
  const flex = ctx.req.url.searchParams.get('sku') === 'FlexConsumption';
  const regions = flex ? (ctx.opts.flexRegions ?? DEFAULT_FLEX_REGIONS) : OTHER_REGIONS;
  const value = regions.map((r) => ({
    id: `/subscriptions/${ctx.store.subscriptionId}/providers/Microsoft.Web/geoRegions/${r}`,
    name: r,
    type: 'Microsoft.Web/geoRegions',
    properties: { displayName: r, orgDomain: flexOffered(ctx, r) ? 'PUBLIC;FLEXCONSUMPTION' : 'PUBLIC' },
  }));
  return { status: 200, body: { value } };
};

/** POST Microsoft.Web/checkNameAvailability: site names are global (`takenNames.site` and existing sites). */
const checkName: ArmHandler = (ctx) => {
  const b = bodyObject(ctx) ?? {};
  const name = String(b.name ?? '');
  if (!['site', 'microsoft.web/sites', 'slot', 'microsoft.web/sites/slots'].includes(String(b.type).toLowerCase())) return { status: 200, body: { nameAvailable: true } };
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,58}[a-zA-Z0-9])$/.test(name))
    return {
      status: 200,
      body: { nameAvailable: false, reason: 'Invalid', message: `${name} is not a valid site name: 2 to 60 letters, digits and hyphens, not starting or ending with a hyphen.` },
    };
  if (nameTaken(ctx, 'site', name, T_SITE))
    return { status: 200, body: { nameAvailable: false, reason: 'AlreadyExists', message: `Hostname '${name}' already exists. Please select a different name.` } };
  return { status: 200, body: { nameAvailable: true } };
};

export const PLAN_HANDLERS: Record<string, ArmHandler> = { 'GET ': getPlan, 'PUT ': putPlan, 'DELETE ': deletePlan };
/** Site writes (merged over the site read/keys/settings handlers). */
export const SITE_WRITE_HANDLERS: Record<string, ArmHandler> = { 'PUT ': putSite, 'DELETE ': deleteSite };
/** Subscription-level Microsoft.Web actions. */
export const WEB_SUB_HANDLERS: Record<string, ArmHandler> = {
  'POST microsoft.web/checknameavailability': checkName,
  'GET microsoft.web/georegions': geoRegions,
};
