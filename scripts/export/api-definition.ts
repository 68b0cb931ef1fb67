/**
 * apiDefinition.swagger.json: the build's Swagger 2.0 post-processed into what Power Platform accepts and
 * certification asks for (connector-format.md §3, §9): Entra oauth2 security, connector metadata, PascalCase
 * operationIds, summaries/descriptions/visibility everywhere, nothing beside `$ref`, no `"required": []`, no schema
 * on `default`, `consumes` on operations with a body, and Microsoft's section order.
 */
import { CkError, type ErrorDetail } from '../core/errors';
import type { ResolvedSettings } from './settings-resolve';
import type { ConnectorModel, ExportNotice } from './types';
import { asSentence, pascalCase, ptr, sentenceCase, titleCase } from './text';
import './codes';

type Obj = Record<string, any>;

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
/** Name of the security definition; the corpus's most common aad spelling. */
export const SECURITY_NAME = 'oauth2-auth';
const VISIBILITIES = new Set(['important', 'advanced', 'internal']);

/** Builds the connector's swagger object from the build's spec. Pure; `spec` is not modified. */
export function buildApiDefinition(spec: Obj, s: ResolvedSettings, notices: ExportNotice[]): { swagger: Obj; operations: ConnectorModel['operations'] } {
  if (spec.swagger !== '2.0') {
    throw new CkError({ code: 'CK_EXPORT_SPEC_INVALID', message: `dist/swagger.json is not Swagger 2.0 (swagger: ${JSON.stringify(spec.swagger)}); Power Platform imports only Swagger 2.0.` });
  }
  const src = structuredClone(spec) as Obj;
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, string>();
  const operations: ConnectorModel['operations'] = [];
  const paths: Obj = {};
  for (const [p, item] of Object.entries<Obj>(src.paths ?? {})) {
    const outItem: Obj = {};
    for (const [k, v] of Object.entries(item)) {
      if (k === 'parameters') outItem.parameters = (v as Obj[]).map((prm, i) => fixParameter(prm, ptr('paths', p, 'parameters', i), notices));
      else if (!METHODS.includes(k)) outItem[k] = k === 'x-ms-notification-content' && v?.schema ? { ...v, schema: cleanSchema(v.schema) } : v;
    }
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const at = ptr('paths', p, method);
      const operationId = pascalCase(String(op.operationId ?? `${method} ${p.replace(/[{}]/g, ' ')}`));
      if (!operationId) problems.push({ code: 'CK_EXPORT_SPEC_INVALID', message: 'The operation has no usable operationId.', target: at });
      const prev = seen.get(operationId.toLowerCase());
      if (prev) problems.push({ code: 'CK_EXPORT_SPEC_INVALID', message: `operationId ${operationId} is used by ${prev} too; operationIds must be unique (ignoring case).`, target: at });
      seen.set(operationId.toLowerCase(), `${method.toUpperCase()} ${p}`);
      const fixed = fixOperation(op, operationId, at, notices);
      outItem[method] = fixed;
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path: p,
        summary: fixed.summary,
        description: fixed.description,
        ...(op['x-ms-trigger'] ? { trigger: String(op['x-ms-trigger']) } : {}),
      });
    }
    paths[p] = outItem;
  }
  if (operations.length === 0) problems.push({ code: 'CK_EXPORT_SPEC_INVALID', message: 'The API has no operations; a connector needs at least one.', target: '/paths' });
  if (problems.length) {
    throw new CkError({
      code: 'CK_EXPORT_SPEC_INVALID',
      message: `dist/swagger.json cannot be exported: ${problems.map((d) => `${d.target}: ${d.message}`).join(' ')}`,
      details: problems,
      target: problems[0]!.target,
    });
  }

  const info: Obj = { title: s.title, description: s.description, version: s.version, ...(Object.keys(s.contact).length ? { contact: { ...s.contact } } : {}) };
  for (const [k, v] of Object.entries<unknown>(src.info ?? {})) if (k.startsWith('x-')) info[k] = v;
  const out: Obj = { swagger: '2.0', info, host: s.host, basePath: s.basePath, schemes: ['https'] };
  if (Array.isArray(src.consumes) && src.consumes.length) out.consumes = src.consumes;
  out.produces = Array.isArray(src.produces) && src.produces.length ? src.produces : ['application/json'];
  out.paths = paths;
  if (src.definitions && Object.keys(src.definitions).length) {
    out.definitions = Object.fromEntries(Object.entries<Obj>(src.definitions).map(([k, v]) => [k, cleanSchema(v)]));
  }
  if (src.parameters && Object.keys(src.parameters).length) {
    out.parameters = Object.fromEntries(Object.entries<Obj>(src.parameters).map(([k, v]) => [k, fixParameter(v, ptr('parameters', k), notices)]));
  }
  if (src.responses && Object.keys(src.responses).length) {
    out.responses = Object.fromEntries(Object.entries<Obj>(src.responses).map(([k, v]) => [k, fixResponse(v)]));
  }
  out.securityDefinitions = {
    [SECURITY_NAME]: {
      type: 'oauth2',
      flow: 'accessCode',
      authorizationUrl: `${s.auth.loginUri}/common/oauth2/authorize`,
      tokenUrl: `${s.auth.loginUri}/common/oauth2/token`,
      scopes: {},
    },
  };
  out.security = [{ [SECURITY_NAME]: [] }];
  if (Array.isArray(src.tags) && src.tags.length) out.tags = src.tags;
  // Only the metadata that is set (all of it at --level certification, where resolveSettings requires it).
  const metadata = [
    { propertyName: 'Website', propertyValue: s.website },
    { propertyName: 'Privacy policy', propertyValue: s.privacyPolicy },
    { propertyName: 'Categories', propertyValue: s.categories.length ? s.categories.join(';') : undefined },
  ].filter((m): m is { propertyName: string; propertyValue: string } => !!m.propertyValue);
  if (metadata.length) out['x-ms-connector-metadata'] = metadata;
  for (const [k, v] of Object.entries(src)) if (k.startsWith('x-') && !(k in out)) out[k] = v;
  dropInvalidPatterns(out, '', notices);
  return { swagger: out, operations };
}

/** An unparseable `pattern` makes the import fail; drop it and say where it came from. */
function dropInvalidPatterns(v: unknown, at: string, notices: ExportNotice[]): void {
  if (Array.isArray(v)) return v.forEach((x, i) => dropInvalidPatterns(x, `${at}/${i}`, notices));
  if (!v || typeof v !== 'object') return;
  const o = v as Obj;
  if (typeof o.pattern === 'string') {
    try {
      new RegExp(o.pattern, 'u');
    } catch (e) {
      notices.push({
        code: 'CK_EXPORT_PATTERN_DROPPED',
        target: `${at}/pattern`,
        message: `The pattern ${JSON.stringify(o.pattern)} is not a valid regular expression (${(e as Error).message}); it was left out of the connector. Check the @pattern tag of that model property.`,
      });
      delete o.pattern;
    }
  }
  for (const [k, x] of Object.entries(o)) dropInvalidPatterns(x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, notices);
}

const OP_ORDER = ['tags', 'summary', 'description', 'operationId', 'x-ms-visibility', 'consumes', 'produces', 'parameters', 'responses'];

function fixOperation(op: Obj, operationId: string, at: string, notices: ExportNotice[]): Obj {
  const o: Obj = { ...op, operationId };
  delete o.security; // the connection's token covers every operation; root `security` says so once
  let summary = typeof o.summary === 'string' ? o.summary.trim().replace(/[.\s]+$/, '') : '';
  if (!summary) {
    summary = sentenceCase(operationId);
    notices.push({ code: 'CK_EXPORT_DOC_GENERATED', target: at, message: `${operationId} has no summary; using "${summary}". Add a TSDoc @summary to the controller method.` });
  }
  o.summary = summary;
  let description = typeof o.description === 'string' ? o.description.trim() : '';
  if (!description) {
    description = asSentence(summary);
    notices.push({ code: 'CK_EXPORT_DOC_GENERATED', target: at, message: `${operationId} has no description; using "${description}". Add a TSDoc comment to the controller method.` });
  }
  o.description = asSentence(description);
  if (!VISIBILITIES.has(o['x-ms-visibility'])) o['x-ms-visibility'] = 'important';
  const params = ((o.parameters ?? []) as Obj[]).map((prm, i) => fixParameter(prm, `${at}/parameters/${i}`, notices));
  if (params.length) o.parameters = params;
  else delete o.parameters;
  if (!Array.isArray(o.consumes) || o.consumes.length === 0) {
    delete o.consumes;
    if (params.some((prm) => prm.in === 'body')) o.consumes = ['application/json'];
    else if (params.some((prm) => prm.in === 'formData')) o.consumes = [params.some((prm) => prm.type === 'file') ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  }
  if (Array.isArray(o.produces) && o.produces.length === 0) delete o.produces;
  o.responses = Object.fromEntries(Object.entries<Obj>(o.responses ?? {}).map(([code, r]) => [code, fixResponse(r, code === 'default')]));
  const ordered: Obj = {};
  for (const k of OP_ORDER) if (k in o) ordered[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in ordered)) ordered[k] = o[k];
  return ordered;
}

function fixParameter(prm: Obj, at: string, notices: ExportNotice[]): Obj {
  if (typeof prm.$ref === 'string') return { $ref: prm.$ref };
  const p: Obj = { ...prm };
  // A body named "body" says nothing; the referenced model's name does ("Employee Input").
  const refName = p.in === 'body' && typeof p.schema?.$ref === 'string' ? String(p.schema.$ref).split('/').pop() : undefined;
  if (!p['x-ms-summary']) p['x-ms-summary'] = titleCase(refName ?? String(p.name ?? 'value'));
  if (!p.description) {
    p.description = asSentence(`The ${String(p['x-ms-summary']).toLowerCase()}`);
    notices.push({ code: 'CK_EXPORT_DOC_GENERATED', target: at, message: `Parameter ${p.name} has no description; using "${p.description}". Document it in the controller's TSDoc (@param).` });
  }
  if (p.in === 'path') {
    p.required = true;
    if (!p['x-ms-url-encoding']) p['x-ms-url-encoding'] = 'single';
  }
  if (p.in === 'body' && p.schema) p.schema = cleanSchema(p.schema);
  if (p.items) p.items = cleanSchema(p.items);
  const ordered: Obj = {};
  for (const k of PARAM_ORDER) if (k in p) ordered[k] = p[k];
  for (const k of Object.keys(p)) if (!(k in ordered)) ordered[k] = p[k];
  return ordered;
}

const PARAM_ORDER = ['name', 'in', 'required', 'type', 'format', 'items', 'collectionFormat', 'enum', 'default', 'schema', 'x-ms-summary', 'description', 'x-ms-visibility', 'x-ms-url-encoding'];

function fixResponse(r: Obj, isDefault = false): Obj {
  if (typeof r.$ref === 'string') return { $ref: r.$ref };
  const out: Obj = { ...r };
  if (!out.description) out.description = isDefault ? 'Error.' : 'Success.';
  if (isDefault) delete out.schema;
  else if (out.schema) out.schema = cleanSchema(out.schema);
  return out;
}

/** Drops siblings beside `$ref` and empty `required` arrays, recursively through a schema. */
export function cleanSchema(schema: Obj): Obj {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  const s: Obj = { ...schema };
  if ('required' in s && (!Array.isArray(s.required) || s.required.length === 0)) delete s.required;
  if (s.properties && typeof s.properties === 'object') {
    s.properties = Object.fromEntries(Object.entries<Obj>(s.properties).map(([k, v]) => [k, cleanSchema(v)]));
  }
  if (s.items) s.items = Array.isArray(s.items) ? s.items.map(cleanSchema) : cleanSchema(s.items);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') s.additionalProperties = cleanSchema(s.additionalProperties);
  if (Array.isArray(s.allOf)) s.allOf = s.allOf.map(cleanSchema);
  return s;
}
