/**
 * `connectorkit export --postman <file>`: a Postman Collection v2.1 of the API, built from the exported connector
 * definition (one request per operation, folders by tag, path variables, query and header parameters, a JSON body
 * example from the schema, bearer auth from {{accessToken}}), checked against Postman's published collection
 * schema (postman-schema/, see SOURCE.md) before it is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { CkError } from '../core/errors';
import { stableGuid } from '../entra/stable-guid';

type Obj = Record<string, any>;
const SCHEMA_URL = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

let validator: ReturnType<Ajv['compile']> | undefined;

/** Postman's split schema assembled into one (definitions keyed by each file's `#/definitions/<name>` id). */
export function postmanSchema(dir = path.join(__dirname, 'postman-schema')): Obj {
  const root = parse(readFileSync(path.join(dir, 'collection.json'), 'utf8')) as Obj;
  const definitions: Obj = {};
  for (const f of readdirSync(path.join(dir, 'collection'))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const { $id, $schema: _s, ...rest } = parse(readFileSync(path.join(dir, 'collection', f), 'utf8')) as Obj;
    definitions[String($id ?? `#/definitions/${f.replace(/\.json$/, '')}`).replace('#/definitions/', '')] = rest;
  }
  const { $id: _id, $schema: _schema, ...top } = root;
  return { ...top, definitions };
}

function deref(doc: Obj, x: Obj | undefined, depth = 0): Obj {
  if (!x || typeof x.$ref !== 'string' || depth > 20) return x ?? {};
  let cur: any = doc;
  for (const s of x.$ref.replace(/^#\//, '').split('/')) cur = cur?.[s.replace(/~1/g, '/').replace(/~0/g, '~')];
  return deref(doc, cur, depth + 1);
}

/** An example value for a schema: example, default, first enum, else a typed placeholder (objects recurse). */
export function exampleOf(doc: Obj, schema: Obj | undefined, depth = 0): unknown {
  const s = deref(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if (depth > 6) return null;
  if (s.type === 'object' || s.properties)
    return Object.fromEntries(
      Object.entries<Obj>(s.properties ?? {})
        .filter(([, p]) => !deref(doc, p).readOnly)
        .map(([k, p]) => [k, exampleOf(doc, p, depth + 1)]),
    );
  if (s.type === 'array') return [exampleOf(doc, s.items, depth + 1)];
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 0;
  if (s.type === 'boolean') return false;
  if (s.format === 'date') return '2025-01-15';
  if (s.format === 'date-time') return '2025-01-15T09:00:00Z';
  return s['x-ms-summary'] ? `<${String(s['x-ms-summary'])}>` : '<string>';
}

function paramText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Builds the collection (deterministic: ids derived from the title and operationIds). */
export function toPostmanCollection(def: Obj): Obj {
  const title = String(def.info?.title ?? 'API');
  const folders = new Map<string, Obj[]>();
  const loose: Obj[] = [];
  for (const [p, pathItem] of Object.entries<Obj>(def.paths ?? {})) {
    for (const m of METHODS) {
      const op = pathItem?.[m];
      if (!op) continue;
      const params = [...((op.parameters ?? []) as Obj[]), ...((pathItem.parameters ?? []) as Obj[])].map((x) => deref(def, x));
      const segments = p
        .split('/')
        .filter(Boolean)
        .map((s) => s.replace(/^\{(.+)\}$/, ':$1'));
      const query = params
        .filter((x) => x.in === 'query')
        .map((x) => ({ key: x.name, value: paramText(exampleOf(def, x)), ...(x.required ? {} : { disabled: true }), ...(x.description ? { description: x.description } : {}) }));
      const variable = params.filter((x) => x.in === 'path').map((x) => ({ key: x.name, value: paramText(exampleOf(def, x)), ...(x.description ? { description: x.description } : {}) }));
      const header = params
        .filter((x) => x.in === 'header')
        .map((x) => ({ key: x.name, value: paramText(exampleOf(def, x)), ...(x.required ? {} : { disabled: true }), ...(x.description ? { description: x.description } : {}) }));
      const bodyParam = params.find((x) => x.in === 'body');
      if (bodyParam) header.push({ key: 'Content-Type', value: 'application/json' });
      const qs = query
        .filter((q) => !q.disabled)
        .map((q) => `${q.key}=${encodeURIComponent(q.value)}`)
        .join('&');
      const item: Obj = {
        id: stableGuid(`postman/${title}/${String(op.operationId ?? `${m} ${p}`)}`),
        name: String(op.summary ?? op.operationId ?? `${m.toUpperCase()} ${p}`),
        request: {
          method: m.toUpperCase(),
          header,
          url: { raw: `{{baseUrl}}/${segments.join('/')}${qs ? `?${qs}` : ''}`, host: ['{{baseUrl}}'], path: segments, ...(query.length ? { query } : {}), ...(variable.length ? { variable } : {}) },
          ...(bodyParam ? { body: { mode: 'raw', raw: JSON.stringify(exampleOf(def, bodyParam.schema), null, 2), options: { raw: { language: 'json' } } } } : {}),
          ...(op.description ? { description: String(op.description) } : {}),
        },
        response: [],
      };
      const tag = (op.tags as string[] | undefined)?.[0];
      if (tag) folders.set(tag, [...(folders.get(tag) ?? []), item]);
      else loose.push(item);
    }
  }
  const scheme = (def.schemes as string[] | undefined)?.[0] ?? 'https';
  const oauth = Object.values<Obj>(def.securityDefinitions ?? {}).some((s) => s.type === 'oauth2');
  return {
    info: {
      _postman_id: stableGuid(`postman/${title}`),
      name: title,
      ...(def.info?.description ? { description: String(def.info.description) } : {}),
      schema: SCHEMA_URL,
      ...(def.info?.version ? { version: String(def.info.version) } : {}),
    },
    item: [...[...folders].map(([name, items]) => ({ name, item: items })), ...loose],
    ...(oauth ? { auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }] } } : {}),
    variable: [
      { key: 'baseUrl', value: `${scheme}://${String(def.host ?? 'localhost')}${String(def.basePath ?? '/').replace(/\/+$/, '')}`, type: 'string' },
      ...(oauth ? [{ key: 'accessToken', value: '', type: 'string' }] : []),
    ],
  };
}

/** Problems of a collection against Postman's schema (empty when valid). */
export function checkPostmanCollection(collection: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(postmanSchema());
  return validator(collection) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

/** The collection text, or a coded error when it breaks the schema (nothing is written then). */
export function postmanCollectionText(def: Obj): string {
  const c = toPostmanCollection(def);
  const problems = checkPostmanCollection(c);
  if (problems.length)
    throw new CkError({
      code: 'CK_EXPORT_POSTMAN_INVALID',
      message: `The Postman collection does not match Postman's v2.1.0 schema: ${problems.slice(0, 5).join('; ')}`,
      details: problems.map((m) => ({ code: 'CK_EXPORT_POSTMAN_INVALID', message: m })),
    });
  return `${JSON.stringify(c, null, 2)}\n`;
}
