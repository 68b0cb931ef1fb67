/**
 * Post-processes tsoa's Swagger 2.0 paths for Power Platform, in one pass over the operations:
 * ParamExtension values onto parameters, `x-ms-summary` on every parameter, `x-ms-url-encoding` on path parameters,
 * valid body parameters (`schema` always), `consumes` only where there is a body, no schema on `default`,
 * and schema fixes (schema-fix.ts). Definitions are fixed by the caller with the same `fixSchema`.
 */
import type { BuildMetadata } from '../metadata';
import { humanise } from './humanise';
import { type DroppedSibling, type FixContext, fixSchema, orderKeys } from './schema-fix';
import type { OperationRef } from './types';

type Json = Record<string, unknown>;

const OPERATION_KEYS = ['tags', 'summary', 'description', 'operationId', 'consumes', 'produces', 'parameters', 'responses', 'deprecated', 'security'];
const PARAMETER_KEYS = ['name', 'in', 'description', 'required', 'type', 'format', 'items', 'collectionFormat', 'enum', 'default', 'schema'];
const RESPONSE_KEYS = ['description', 'schema', 'headers', 'examples'];
/** Keys that describe a non-body parameter's type; tsoa leaves them on primitive/inline body parameters. */
const TYPE_KEYS = ['type', 'format', 'items', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'collectionFormat'];
const DIRECT_IN = new Set(['path', 'query', 'header', 'body', 'formData']);

/** Called when a ParamExtension names a parameter that has no Swagger counterpart (e.g. @Request). */
export type UnmatchedExtension = (op: OperationRef, param: string) => void;

/** Applies the parameter extensions of `op` to its Swagger parameters (matching `in` + wire name, incl. @Path('alias')). */
function applyParamExtensions(op: OperationRef, params: Json[], bm: BuildMetadata, onUnmatched: UnmatchedExtension): void {
  const exts = bm.paramExtensions?.[op.controller]?.[op.method];
  if (!exts) return;
  for (const [tsName, values] of Object.entries(exts)) {
    const mp = op.md.parameters.find((p) => p.parameterName === tsName);
    let target: Json | undefined;
    if (mp && DIRECT_IN.has(mp.in)) target = params.find((p) => p.in === mp.in && p.name === mp.name);
    else if (mp?.in === 'body-prop') {
      const body = params.find((p) => p.in === 'body') as { schema?: { properties?: Record<string, Json> } } | undefined;
      target = body?.schema?.properties?.[mp.name];
    }
    if (target) Object.assign(target, values);
    else onUnmatched(op, tsName);
  }
}

function fixParameter(p: Json, where: string, ctx: FixContext): Json {
  if (p.in === 'body' && p.schema === undefined) {
    // Primitive / inline body (tsoa #290): give it a schema so the spec stays valid; the lint already reports it.
    const schema: Json = {};
    for (const k of TYPE_KEYS) {
      if (p[k] === undefined) continue;
      schema[k] = p[k];
      delete p[k];
    }
    delete schema.collectionFormat;
    p.schema = schema.type ? schema : { type: 'object' };
  }
  if (p.schema && typeof p.schema === 'object') fixSchema(p.schema as Json, where, ctx);
  if (p.in === 'path') {
    p.required = true;
    if (p['x-ms-url-encoding'] === undefined) p['x-ms-url-encoding'] = 'single';
  }
  if (p['x-ms-summary'] === undefined) p['x-ms-summary'] = humanise(String(p.name));
  return orderKeys(p, PARAMETER_KEYS);
}

/** Fixes one tsoa operation object and returns the reordered copy. */
export function postProcessOperation(raw: Json, op: OperationRef, bm: BuildMetadata, definitions: Json, onDrop: DroppedSibling, onUnmatched: UnmatchedExtension): Json {
  const ctx: FixContext = { definitions, onDrop };
  const where = `${op.operationId}`;
  const params = (raw.parameters as Json[] | undefined) ?? [];
  applyParamExtensions(op, params, bm, onUnmatched);
  raw.parameters = params.length ? params.map((p) => fixParameter(p, `${where} parameter ${String(p.name)}`, ctx)) : undefined;
  const hasBody = params.some((p) => p.in === 'body' || p.in === 'formData');
  if (!hasBody) delete raw.consumes;
  else if (!Array.isArray(raw.consumes) || raw.consumes.length === 0) raw.consumes = ['application/json'];
  const responses = (raw.responses as Record<string, Json> | undefined) ?? {};
  for (const [code, r] of Object.entries(responses)) {
    if (code === 'default') {
      delete r.schema; // DefaultResponseHasSchema
      delete r.examples;
    } else if (r.schema && typeof r.schema === 'object') fixSchema(r.schema as Json, `${where} response ${code}`, ctx);
    if (typeof r.description !== 'string') r.description = '';
    responses[code] = orderKeys(r, RESPONSE_KEYS);
  }
  raw.responses = responses;
  if (Array.isArray(raw.tags) && raw.tags.length === 0) delete raw.tags;
  return orderKeys(raw, OPERATION_KEYS);
}
