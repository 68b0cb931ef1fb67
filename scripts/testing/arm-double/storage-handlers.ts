/** Microsoft.Storage 2026-06-01: storage accounts (create is an LRO as in Azure), blob containers, name availability. */
import { armError } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyObject, bodyProperties, entityBody, parentNotFound, startLocationLro } from './handler-context';
import { nameTaken, placement, trackedDelete, trackedGet, trackedPatch, trackedPut } from './tracked';
import type { ArmEntity } from './types';

const T_ACCOUNT = 'Microsoft.Storage/storageAccounts';

/** Read-only properties Azure fills in for an account named `name` (endpoints, times, states). */
export function accountProperties(name: string, location: string, requested: Record<string, unknown>, state = 'Succeeded'): Record<string, unknown> {
  const n = name.toLowerCase();
  const ep = (svc: string) => `https://${n}.${svc}.core.windows.net/`;
  return {
    ...requested,
    provisioningState: state,
    primaryEndpoints: { blob: ep('blob'), queue: ep('queue'), table: ep('table'), file: ep('file'), web: `https://${n}.z6.web.core.windows.net/`, dfs: ep('dfs') },
    primaryLocation: location.replace(/\s/g, '').toLowerCase(),
    statusOfPrimary: 'available',
    creationTime: new Date(0).toISOString(),
    encryption: { services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } }, keySource: 'Microsoft.Storage' },
    accessTier: (requested.accessTier as string | undefined) ?? 'Hot',
    supportsHttpsTrafficOnly: requested.supportsHttpsTrafficOnly ?? true,
    minimumTlsVersion: requested.minimumTlsVersion ?? 'TLS1_0',
    allowBlobPublicAccess: requested.allowBlobPublicAccess ?? false,
    allowSharedKeyAccess: requested.allowSharedKeyAccess ?? true,
    networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Allow' },
  };
}

/** Top-level fields of an account: location, tags, sku (with its tier), kind, identity. */
function accountTop(ctx: HandlerCtx, existing: ArmEntity | undefined): Record<string, unknown> {
  const b = bodyObject(ctx) ?? {};
  const sku = (b.sku as { name?: string } | undefined) ?? (existing?.top?.sku as { name?: string } | undefined) ?? { name: 'Standard_LRS' };
  const top: Record<string, unknown> = {
    ...placement(ctx, existing),
    sku: { name: sku.name, tier: String(sku.name).startsWith('Premium') ? 'Premium' : 'Standard' },
    kind: b.kind ?? existing?.top?.kind,
  };
  if (b.identity) top.identity = b.identity;
  return top;
}

const putAccount: ArmHandler = (ctx) => {
  const existing = ctx.store.get(ctx.parentId);
  if (!existing && nameTaken(ctx, 'storage', ctx.route.resource, T_ACCOUNT)) return armError(409, 'StorageAccountAlreadyTaken', `The storage account named ${ctx.route.resource} is already taken.`);
  const top = accountTop(ctx, existing);
  const requested = bodyProperties(ctx);
  const async = !existing && (ctx.opts.storageCreate ?? 'async') === 'async';
  return trackedPut(
    ctx,
    () => ({ top, properties: accountProperties(ctx.route.resource, String(top.location), { ...(existing?.properties ?? {}), ...requested }, async ? 'Creating' : 'Succeeded') }),
    {
      createdStatus: 200,
      after: (e, created) => {
        if (!created || !async) return undefined;
        const headers = startLocationLro(
          ctx,
          e.id,
          () => {
            const cur = ctx.store.get(e.id);
            if (cur) cur.properties.provisioningState = 'Succeeded';
          },
          () => ctx.store.deleteTree(e.id),
          { result: () => ({ status: 200, body: entityBody(ctx.store.get(e.id)!) }) },
        );
        return { status: 202, headers };
      },
    },
  );
};

const patchAccount = trackedPatch((e, b) => {
  const p = b.properties && typeof b.properties === 'object' ? (b.properties as Record<string, unknown>) : {};
  Object.assign(e.properties, p);
  if (b.sku) e.top = { ...(e.top ?? {}), sku: b.sku };
});

const checkName: ArmHandler = (ctx) => {
  const name = String(bodyObject(ctx)?.name ?? '');
  if (!/^[a-z0-9]{3,24}$/.test(name))
    return {
      status: 200,
      body: {
        nameAvailable: false,
        reason: 'AccountNameInvalid',
        message: `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
      },
    };
  if (nameTaken(ctx, 'storage', name, T_ACCOUNT)) return { status: 200, body: { nameAvailable: false, reason: 'AlreadyExists', message: `The storage account named ${name} is already taken.` } };
  return { status: 200, body: { nameAvailable: true } };
};

function containerId(ctx: HandlerCtx): string {
  return `${ctx.parentId}/blobServices/default/containers/${ctx.route.rest[3]}`;
}

const putContainer: ArmHandler = (ctx) => {
  const id = containerId(ctx);
  const existing = ctx.store.get(id);
  const props = { publicAccess: 'None', ...(existing?.properties ?? {}), ...bodyProperties(ctx), leaseStatus: 'Unlocked', leaseState: 'Available', hasImmutabilityPolicy: false, hasLegalHold: false };
  const e = ctx.store.put({ id: existing?.id ?? id, name: existing?.name ?? ctx.route.rest[3], type: `${T_ACCOUNT}/blobServices/containers`, properties: props });
  return { status: existing ? 200 : 201, headers: { etag: e.etag }, body: { ...entityBody(e), etag: e.etag } };
};

const getContainer: ArmHandler = (ctx) => {
  const e = ctx.store.get(containerId(ctx));
  if (!e) return armError(404, 'ContainerNotFound', 'The specified container does not exist.');
  return { status: 200, headers: { etag: e.etag }, body: { ...entityBody(e), etag: e.etag } };
};

const deleteContainer: ArmHandler = (ctx) => {
  const id = containerId(ctx);
  if (!ctx.store.get(id)) return { status: 204 };
  ctx.store.deleteTree(id);
  return { status: 200 };
};

/** A storage account that is still being created answers its children like a missing parent. */
function whenReady(h: ArmHandler): ArmHandler {
  return (ctx) => (ctx.store.get(ctx.parentId)?.properties.provisioningState === 'Creating' ? parentNotFound(ctx) : h(ctx));
}

export const STORAGE_HANDLERS: Record<string, ArmHandler> = {
  'GET ': trackedGet,
  'PUT ': putAccount,
  'PATCH ': patchAccount,
  'DELETE ': trackedDelete(200),
  'PUT blobservices/default/containers/*': whenReady(putContainer),
  'GET blobservices/default/containers/*': whenReady(getContainer),
  'DELETE blobservices/default/containers/*': whenReady(deleteContainer),
};

/** Subscription-level: POST Microsoft.Storage/checkNameAvailability. */
export const STORAGE_SUB_HANDLERS: Record<string, ArmHandler> = { 'POST microsoft.storage/checknameavailability': checkName };
