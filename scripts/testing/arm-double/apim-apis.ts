/** APIM service, APIs (with swagger-json import), their operations and policies, and LRO polling. */
import type { DoubleResponse } from '../doubles-common';
import { armError, notFound, validationError } from './arm-http';
import { CONTENT_FORMATS, importSwagger } from './apim-import';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyProperties, deleteEntity, getEntity, headEntity, ok, page, putEntity, startLro, startProvisioning } from './handler-context';
import { encodeRawExpressions, namedValueRefs, POLICY_FORMATS, policyXmlProblem } from './policy-check';
import type { ArmEntity } from './types';

const T_API = 'Microsoft.ApiManagement/service/apis';
/** Create-only fields of ApiCreateOrUpdateProperties that never come back in ApiContract. */
const CREATE_ONLY = ['value', 'format', 'wsdlSelector', 'apiType', 'translateRequiredQueryParameters'];

/** ApiContract properties as APIM returns them. */
export function apiProperties(e: ArmEntity): Record<string, unknown> {
  return { ...e.properties };
}

function apiId(ctx: HandlerCtx): string {
  return `${ctx.parentId}/apis/${ctx.route.rest[1]}`;
}

/** `{{name}}` references that match no named value (by displayName or id). */
export function missingNamedValues(ctx: HandlerCtx, text: string): string[] {
  const known = new Set<string>();
  for (const nv of ctx.store.children(ctx.parentId, 'namedValues')) {
    known.add(nv.name.toLowerCase());
    known.add(String(nv.properties.displayName).toLowerCase());
  }
  return namedValueRefs(text).filter((r) => !known.has(r.toLowerCase()));
}

const getService: ArmHandler = (ctx) => {
  const e = ctx.store.get(ctx.parentId)!;
  const r = ok(e);
  (r.body as Record<string, unknown>).etag = e.etag;
  return r;
};

const getApi: ArmHandler = (ctx) => getEntity(ctx, apiId(ctx), 'Api', apiProperties);

const headApi: ArmHandler = (ctx) => headEntity(ctx, apiId(ctx));

const listApis: ArmHandler = (ctx) =>
  page(
    ctx,
    ctx.store.children(ctx.parentId, 'apis').map((e) => ({ id: e.id, type: e.type, name: e.name, properties: apiProperties(e) })),
  );

const putApi: ArmHandler = (ctx) => {
  const id = apiId(ctx);
  return putEntity(ctx, id, (existing) => writeApi(ctx, id, existing));
};

function writeApi(ctx: HandlerCtx, id: string, existing: ArmEntity | undefined): DoubleResponse {
  const props = bodyProperties(ctx);
  let imported: ReturnType<typeof importSwagger> | undefined;
  if (props.format !== undefined || props.value !== undefined) {
    const format = String(props.format ?? '');
    if (!CONTENT_FORMATS.has(format)) return validationError('format', `'${format}' is not a valid import format.`);
    if (format !== 'swagger-json') {
      ctx.flag(`the ARM double only imports format 'swagger-json' (got '${format}')`);
      return armError(400, 'DoubleUnsupported', `The ARM double only imports 'swagger-json'; got '${format}'.`);
    }
    if (typeof props.value !== 'string') return validationError('value', "'value' must hold the specification text.");
    try {
      imported = importSwagger(props.value, props.translateRequiredQueryParameters as string | undefined);
    } catch (e) {
      return validationError('value', (e as Error).message);
    }
  }
  ctx.lro.settle(id);
  const stored: Record<string, unknown> = { ...props };
  for (const k of CREATE_ONLY) delete stored[k];
  if (imported) {
    stored.displayName ??= imported.title ?? ctx.route.rest[1];
    if (imported.description !== undefined) stored.description ??= imported.description;
    if (imported.serviceUrl !== undefined) stored.serviceUrl ??= imported.serviceUrl;
    if (imported.protocols) stored.protocols ??= imported.protocols;
  }
  Object.assign(stored, { type: props.apiType ?? 'http', apiRevision: '1', isCurrent: true, provisioningState: 'InProgress' });
  const oldOps = ctx.store.children(id, 'operations');
  const entity = ctx.store.put({ id, name: ctx.route.rest[1], type: T_API, properties: stored });
  if (imported) {
    for (const o of oldOps) ctx.store.deleteTree(o.id);
    for (const op of imported.operations) {
      ctx.store.put({ id: `${id}/operations/${op.name}`, name: op.name, type: `${T_API}/operations`, properties: { ...op.properties } });
    }
  }
  const status = existing ? 200 : 201;
  const headers = startProvisioning(ctx, id, status, () => {
    if (imported) {
      for (const o of ctx.store.children(id, 'operations')) ctx.store.deleteTree(o.id);
      ctx.store.reinsert(oldOps);
    }
    ctx.store.restore(id, existing);
  });
  return ok(entity, status, apiProperties(entity), headers);
}

const deleteApi: ArmHandler = (ctx) => {
  const id = apiId(ctx);
  return deleteEntity(ctx, id, (existing) => {
    ctx.lro.settle(id);
    const removed = ctx.store.deleteTree(id);
    for (const link of ctx.store.list(`Microsoft.ApiManagement/service/products/apis`)) {
      if (link.id.toLowerCase().startsWith(ctx.parentId.toLowerCase() + '/') && link.name.toLowerCase() === existing.name.toLowerCase()) {
        removed.push(...ctx.store.deleteTree(link.id));
      }
    }
    return {
      status: 202,
      headers: startLro(
        ctx,
        id,
        202,
        () => undefined,
        () => ctx.store.reinsert(removed),
      ),
    };
  });
};

const listOperations: ArmHandler = (ctx) => {
  const id = apiId(ctx);
  if (!ctx.store.get(id)) return notFound('Api');
  if (ctx.req.url.searchParams.get('$filter')) ctx.flag('the ARM double does not implement $filter on ApiOperation_ListByApi');
  return page(
    ctx,
    ctx.store.children(id, 'operations').map((e) => ({ id: e.id, type: e.type, name: e.name, properties: e.properties })),
  );
};

function policyId(ctx: HandlerCtx): string {
  return `${apiId(ctx)}/policies/${ctx.route.rest[3]}`;
}

const getPolicy: ArmHandler = (ctx) => {
  const e = ctx.store.get(policyId(ctx));
  if (!e) return notFound('Policy');
  const want = ctx.req.url.searchParams.get('format') ?? 'xml';
  const stored = String(e.properties.value);
  const value = want === 'xml' && e.properties.format === 'rawxml' ? encodeRawExpressions(stored) : stored;
  return ok(e, 200, { value, format: want });
};

const headPolicy: ArmHandler = (ctx) => headEntity(ctx, policyId(ctx));

const putPolicy: ArmHandler = (ctx) => {
  if (!ctx.store.get(apiId(ctx))) return notFound('Api');
  const id = policyId(ctx);
  return putEntity(ctx, id, (existing) => writePolicy(ctx, id, existing));
};

function writePolicy(ctx: HandlerCtx, id: string, existing: ArmEntity | undefined): DoubleResponse {
  const props = bodyProperties(ctx);
  const format = String(props.format ?? 'xml');
  if (!POLICY_FORMATS.has(format)) return validationError('format', `'${format}' is not a valid policy format.`);
  if (format.endsWith('-link')) {
    ctx.flag(`the ARM double does not fetch '${format}' policies`);
    return armError(400, 'DoubleUnsupported', `The ARM double does not fetch '${format}' policies.`);
  }
  const value = String(props.value ?? '');
  const problem = policyXmlProblem(value, format);
  if (problem) return validationError('value', problem);
  const missing = missingNamedValues(ctx, value);
  if (missing.length) return validationError('value', `Cannot find a property '${missing[0]}'`);
  const e = ctx.store.put({ id, name: ctx.route.rest[3], type: `${T_API}/policies`, properties: { value, format } });
  return ok(e, existing ? 200 : 201);
}

const deletePolicy: ArmHandler = (ctx) => {
  const id = policyId(ctx);
  return deleteEntity(ctx, id, () => {
    ctx.store.deleteTree(id);
    return { status: 200 };
  });
};

const poll: ArmHandler = (ctx): DoubleResponse => ctx.lro.poll(ctx.route.rest[2], ctx.req.url.pathname);

/** Handlers keyed by `METHOD shape`. */
export const APIM_API_HANDLERS: Record<string, ArmHandler> = {
  'GET ': getService,
  'GET apis': listApis,
  'GET apis/*': getApi,
  'HEAD apis/*': headApi,
  'PUT apis/*': putApi,
  'DELETE apis/*': deleteApi,
  'GET apis/*/operations': listOperations,
  'GET apis/*/policies/*': getPolicy,
  'HEAD apis/*/policies/*': headPolicy,
  'PUT apis/*/policies/*': putPolicy,
  'DELETE apis/*/policies/*': deletePolicy,
  'GET tenant/operationresults/*': poll,
};
