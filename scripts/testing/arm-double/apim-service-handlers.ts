/**
 * Microsoft.ApiManagement 2024-05-01: the service resource itself (apimdeployment.json) — create as a long-running
 * operation (Created → Activating → Succeeded), GET, DELETE (LRO), system-assigned identity — and the subscription
 * action checkNameAvailability. Behaviour spec: arm-double.md "APIM service".
 */
import type { DoubleResponse } from '../doubles-common';
import { armError } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyObject, bodyProperties, entityBody } from './handler-context';
import { nameTaken } from './tracked';
import type { ArmEntity } from './types';

const T_SERVICE = 'Microsoft.ApiManagement/service';
/** APIM service names: 1–50 characters, letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
const NAME = /^[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?$/;

/** The service as ARM answers it: the body carries its ETag too. */
function serviceAnswer(e: ArmEntity, status: number, headers: Record<string, string> = {}): DoubleResponse {
  return { status, headers: { etag: e.etag, ...headers }, body: { ...entityBody(e), etag: e.etag } };
}

/**
 * The headers of a service LRO as APIM sends them (ApiManagementCreateService.json's 201): `Location` and
 * `Azure-AsyncOperation` both name `{service}/operationresults/{id}?api-version=…&asyncResponse`, which answers
 * OperationStatusResult.
 */
function lroHeaders(ctx: HandlerCtx, id: string, opId: string): Record<string, string> {
  const url = `${ctx.base}${id}/operationresults/${opId}?api-version=${ctx.apiVersion}&asyncResponse`;
  return { location: url, 'azure-asyncoperation': url, 'retry-after': String(ctx.opts.lroRetryAfterSeconds ?? 0) };
}

/** identity block of a PUT: a system-assigned principal keeps its ids across updates; a new one becomes known. */
function serviceIdentity(ctx: HandlerCtx, id: string, existing: ArmEntity | undefined): Record<string, unknown> | undefined {
  const requested = bodyObject(ctx)?.identity as { type?: string; userAssignedIdentities?: Record<string, unknown> } | undefined;
  if (!requested?.type || requested.type === 'None') return undefined;
  const out: Record<string, unknown> = { type: requested.type };
  if (requested.type.includes('SystemAssigned')) {
    const before = existing?.top?.identity as { principalId?: string } | undefined;
    const principalId = before?.principalId ?? ctx.store.guid('apim-principal', id, true);
    if (!before?.principalId) ctx.store.addPrincipal(principalId, ctx.opts.principalReplicationLag ?? 0);
    Object.assign(out, { principalId, tenantId: ctx.tenantId });
  }
  if (requested.userAssignedIdentities) {
    out.userAssignedIdentities = Object.fromEntries(
      Object.keys(requested.userAssignedIdentities).map((uid) => {
        const p = ctx.store.get(uid)?.properties ?? {};
        return [uid, { principalId: p.principalId, clientId: p.clientId }];
      }),
    );
  }
  return out;
}

/** Read-only properties APIM fills in for service `name` (gateway URL, dates, network defaults). */
function serviceProperties(name: string, skuName: string, requested: Record<string, unknown>, before: Record<string, unknown> | undefined, state: string): Record<string, unknown> {
  const host = name.toLowerCase();
  const props: Record<string, unknown> = {
    ...requested,
    provisioningState: state,
    targetProvisioningState: state === 'Created' ? 'Activating' : '',
    createdAtUtc: (before?.createdAtUtc as string | undefined) ?? new Date().toISOString(),
    gatewayUrl: `https://${host}.azure-api.net`,
    hostnameConfigurations: [{ type: 'Proxy', hostName: `${host}.azure-api.net`, negotiateClientCertificate: false, defaultSslBinding: true, certificateSource: 'BuiltIn' }],
    virtualNetworkType: 'None',
    disableGateway: false,
    publicNetworkAccess: (requested.publicNetworkAccess as string | undefined) ?? 'Enabled',
    platformVersion: skuName === 'Consumption' ? 'mtv1' : 'stv2',
  };
  if (skuName !== 'Consumption') {
    Object.assign(props, {
      portalUrl: `https://${host}.portal.azure-api.net`,
      developerPortalUrl: `https://${host}.developer.azure-api.net`,
      managementApiUrl: `https://${host}.management.azure-api.net`,
      scmUrl: `https://${host}.scm.azure-api.net`,
    });
  }
  return props;
}

const putService: ArmHandler = (ctx) => {
  const id = ctx.parentId;
  const name = ctx.route.resource;
  const existing = ctx.store.get(id);
  if (!existing && nameTaken(ctx, 'apim', name, T_SERVICE)) return armError(409, 'ServiceAlreadyExists', `Api service already exists: ${name}`);
  if (existing && ctx.lro.running(existing.id))
    return armError(
      409,
      'Conflict',
      `The API Management service '${name}' is ${String(existing.properties.provisioningState)}; another operation cannot start until the current one completes. Poll the service (GET) until provisioningState is Succeeded, then retry.`,
    );
  const b = bodyObject(ctx) ?? {};
  const sku = (b.sku as { name?: string; capacity?: number } | undefined) ?? (existing?.top?.sku as { name?: string; capacity?: number } | undefined) ?? { name: 'Consumption' };
  const skuName = sku.name ?? 'Consumption';
  const top: Record<string, unknown> = {
    location: (b.location as string | undefined) ?? existing?.top?.location,
    sku: { name: skuName, capacity: sku.capacity ?? (skuName === 'Consumption' ? 0 : 1) },
  };
  if (b.tags && typeof b.tags === 'object') top.tags = { ...(b.tags as Record<string, string>) };
  const identity = serviceIdentity(ctx, id, existing);
  if (identity) top.identity = identity;
  const state = existing ? 'Succeeded' : 'Created';
  const e = ctx.store.put({
    id: existing?.id ?? id,
    name: existing?.name ?? name,
    type: T_SERVICE,
    top,
    properties: serviceProperties(name, skuName, bodyProperties(ctx), existing?.properties, state),
    hidden: existing?.hidden,
  });
  if (existing) return serviceAnswer(e, 200);
  const setState = (provisioningState: string, targetProvisioningState = '') => {
    const cur = ctx.store.get(e.id);
    if (cur) Object.assign(cur.properties, { provisioningState, targetProvisioningState });
  };
  const opId = ctx.lro.start(
    e.id,
    ctx.fault?.kind === 'lroFailed',
    () => setState('Succeeded'),
    () => ctx.store.deleteTree(e.id),
    { polls: (ctx.opts.apimServicePolls ?? 3) + 1, onPoll: () => setState('Activating') },
  );
  return serviceAnswer(e, 201, lroHeaders(ctx, e.id, opId));
};

/** GET: a read of a service being created or deleted counts as one poll of its operation (as a client polling by GET). */
const getService: ArmHandler = (ctx) => {
  ctx.lro.advance(ctx.parentId);
  const e = ctx.store.get(ctx.parentId);
  if (!e)
    return armError(
      404,
      'ResourceNotFound',
      `The Resource '${T_SERVICE}/${ctx.route.resource}' under resource group '${ctx.route.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  return serviceAnswer(e, 200);
};

/** DELETE: 202 + the LRO headers; the service shows Deleting until the operation ends, then it and its children are gone. */
const deleteService: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId);
  if (!e) return { status: 204 };
  if (ctx.lro.running(e.id) && e.properties.provisioningState === 'Deleting') return armError(409, 'Conflict', `The API Management service '${e.name}' is already being deleted.`);
  ctx.lro.settle(e.id);
  const before = e.properties.provisioningState;
  e.properties.provisioningState = 'Deleting';
  const opId = ctx.lro.start(
    e.id,
    ctx.fault?.kind === 'lroFailed',
    () => ctx.store.deleteTree(e.id),
    () => {
      const cur = ctx.store.get(e.id);
      if (cur) cur.properties.provisioningState = before;
    },
  );
  // The spec's 202 carries the service (ApiManagementServiceResource): a bodiless 202 fails its response check.
  return serviceAnswer(e, 202, lroHeaders(ctx, e.id, opId));
};

/** GET `{service}/operationresults/{id}`: OperationStatusResult (also after the service is gone). */
const pollService: ArmHandler = (ctx) => ctx.lro.poll(ctx.route.rest[1], ctx.req.url.pathname);

const checkName: ArmHandler = (ctx) => {
  const name = String(bodyObject(ctx)?.name ?? '');
  if (!NAME.test(name))
    return {
      status: 200,
      body: {
        nameAvailable: false,
        reason: 'Invalid',
        message: `'${name}' is not a valid service name: 1 to 50 letters, digits and hyphens, starting with a letter and not ending with a hyphen.`,
      },
    };
  if (nameTaken(ctx, 'apim', name, T_SERVICE)) return { status: 200, body: { nameAvailable: false, reason: 'AlreadyExists', message: `${name} is already in use. Please select a different name.` } };
  return { status: 200, body: { nameAvailable: true, reason: 'Valid', message: '' } };
};

/** Service-level handlers (merged over the APIM entity handlers, keyed by `METHOD shape`). */
export const APIM_SERVICE_HANDLERS: Record<string, ArmHandler> = {
  'GET ': getService,
  'PUT ': putService,
  'DELETE ': deleteService,
  'GET operationresults/*': pollService,
};

/** Subscription-level: POST Microsoft.ApiManagement/checkNameAvailability. */
export const APIM_SUB_HANDLERS: Record<string, ArmHandler> = { 'POST microsoft.apimanagement/checknameavailability': checkName };
