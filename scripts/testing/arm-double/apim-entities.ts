/** APIM named values (LRO, secrets), backends, products and product↔API links. */
import { notFound, validationError } from './arm-http';
import { apiProperties, missingNamedValues } from './apim-apis';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyProperties, deleteEntity, entityBody, getEntity, headEntity, ok, page, putEntity, startProvisioning } from './handler-context';
import type { ArmEntity } from './types';

const T = 'Microsoft.ApiManagement/service';

function childId(ctx: HandlerCtx, depth = 2): string {
  return `${ctx.parentId}/${ctx.route.rest.slice(0, depth).join('/')}`;
}

const head: ArmHandler = (ctx) => headEntity(ctx, childId(ctx));

const del: ArmHandler = (ctx) => {
  const id = childId(ctx);
  return deleteEntity(ctx, id, () => {
    ctx.lro.settle(id);
    ctx.store.deleteTree(id);
    return { status: 200 };
  });
};

/** NamedValue as APIM returns it: the value only when not secret. */
function namedValueProps(e: ArmEntity): Record<string, unknown> {
  const p = { ...e.properties };
  if (!p.secret && !p.keyVault) p.value = e.hidden?.value ?? '';
  return p;
}

const putNamedValue: ArmHandler = (ctx) => {
  const id = childId(ctx);
  return putEntity(ctx, id, (existing) => {
    const props = bodyProperties(ctx);
    if (props.value === undefined && props.keyVault === undefined) return validationError('value', "Either 'value' or 'keyVault' is required.");
    ctx.lro.settle(id);
    const { value, ...rest } = props;
    const stored = { tags: [], secret: false, ...rest, provisioningState: 'InProgress' };
    const e = ctx.store.put({ id, name: ctx.route.rest[1], type: `${T}/namedValues`, properties: stored, hidden: { value: value ?? '' } });
    const status = existing ? 200 : 201;
    const headers = startProvisioning(ctx, id, status, () => ctx.store.restore(id, existing));
    return ok(e, status, namedValueProps(e), headers);
  });
};

const getNamedValue: ArmHandler = (ctx) => getEntity(ctx, childId(ctx), 'NamedValue', namedValueProps);

const listValue: ArmHandler = (ctx) => {
  const e = ctx.store.get(childId(ctx));
  return e ? { status: 200, headers: { etag: e.etag }, body: { value: String(e.hidden?.value ?? '') } } : notFound('NamedValue');
};

const putBackend: ArmHandler = (ctx) => {
  const id = childId(ctx);
  return putEntity(ctx, id, (existing) => {
    const props = bodyProperties(ctx);
    const missing = missingNamedValues(ctx, JSON.stringify(props.credentials ?? {}));
    if (missing.length) return validationError('credentials', `Cannot find a property '${missing[0]}'`);
    const e = ctx.store.put({ id, name: ctx.route.rest[1], type: `${T}/backends`, properties: props });
    return ok(e, existing ? 200 : 201);
  });
};

const getSimple =
  (what: string): ArmHandler =>
  (ctx) =>
    getEntity(ctx, childId(ctx), what);

const putProduct: ArmHandler = (ctx) => {
  const id = childId(ctx);
  return putEntity(ctx, id, (existing) => {
    const e = ctx.store.put({ id, name: ctx.route.rest[1], type: `${T}/products`, properties: { state: 'notPublished', ...bodyProperties(ctx) } });
    return ok(e, existing ? 200 : 201);
  });
};

/** ids for `products/{p}/apis/{a}`: the link, the product and the API. */
function productApiIds(ctx: HandlerCtx): { link: string; product: string; api: string } {
  const [, p, , a] = ctx.route.rest;
  return { link: `${ctx.parentId}/products/${p}/apis/${a}`, product: `${ctx.parentId}/products/${p}`, api: `${ctx.parentId}/apis/${a}` };
}

const putProductApi: ArmHandler = (ctx) => {
  const ids = productApiIds(ctx);
  if (!ctx.store.get(ids.product)) return notFound('Product');
  const api = ctx.store.get(ids.api);
  if (!api) return notFound('Api');
  const existing = ctx.store.get(ids.link);
  const link = existing ?? ctx.store.put({ id: ids.link, name: api.name, type: `${T}/products/apis`, properties: {} });
  return { status: existing ? 200 : 201, headers: { etag: link.etag }, body: { id: ids.link, type: `${T}/products/apis`, name: api.name, properties: apiProperties(api) } };
};

const headProductApi: ArmHandler = (ctx) => (ctx.store.get(productApiIds(ctx).link) ? { status: 204 } : notFound('Product API link'));

const deleteProductApi: ArmHandler = (ctx) => {
  const { link } = productApiIds(ctx);
  if (!ctx.store.get(link)) return { status: 204 };
  ctx.store.deleteTree(link);
  return { status: 200 };
};

const listProductApis: ArmHandler = (ctx) => {
  const product = `${ctx.parentId}/products/${ctx.route.rest[1]}`;
  if (!ctx.store.get(product)) return notFound('Product');
  const items = ctx.store.children(product, 'apis').flatMap((l) => {
    const api = ctx.store.get(`${ctx.parentId}/apis/${l.name}`);
    return api ? [{ id: l.id, type: l.type, name: api.name, properties: apiProperties(api) }] : [];
  });
  return page(ctx, items);
};

const listApiProducts: ArmHandler = (ctx) => {
  const apiName = ctx.route.rest[1].toLowerCase();
  if (!ctx.store.get(`${ctx.parentId}/apis/${apiName}`)) return notFound('Api');
  const items = ctx.store
    .children(ctx.parentId, 'products')
    .filter((p) => ctx.store.get(`${p.id}/apis/${apiName}`))
    .map((p) => entityBody(p));
  return page(ctx, items);
};

const list =
  (collection: string, view: (e: ArmEntity) => Record<string, unknown> = (e) => e.properties): ArmHandler =>
  (ctx) =>
    page(
      ctx,
      ctx.store.children(ctx.parentId, collection).map((e) => entityBody(e, view(e))),
    );

/** Handlers keyed by `METHOD shape`. */
export const APIM_ENTITY_HANDLERS: Record<string, ArmHandler> = {
  'GET namedvalues': list('namedValues', namedValueProps),
  'GET namedvalues/*': getNamedValue,
  'HEAD namedvalues/*': head,
  'PUT namedvalues/*': putNamedValue,
  'DELETE namedvalues/*': del,
  'POST namedvalues/*/listvalue': listValue,
  'GET backends': list('backends'),
  'GET backends/*': getSimple('Backend'),
  'HEAD backends/*': head,
  'PUT backends/*': putBackend,
  'DELETE backends/*': del,
  'GET products': list('products'),
  'GET products/*': getSimple('Product'),
  'HEAD products/*': head,
  'PUT products/*': putProduct,
  'GET products/*/apis': listProductApis,
  'PUT products/*/apis/*': putProductApi,
  'HEAD products/*/apis/*': headProductApi,
  'DELETE products/*/apis/*': deleteProductApi,
  'GET apis/*/products': listApiProducts,
};
