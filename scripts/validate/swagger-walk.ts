/**
 * Walkers over an untyped Swagger 2.0 document shared by the rules: operations, parameters (with internal `$ref`s
 * followed), every schema object with its pointer, and every `$ref` in the document.
 */
import { ptr, getAt, parsePointer } from './pointer';
import type { JsonObject, OperationRef } from './types';

/** HTTP methods Swagger 2.0 allows in a path item. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** Whether a value is a plain object. */
export function isObj(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Every operation under `paths`. */
export function listOperations(swagger: JsonObject | undefined): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = swagger?.paths;
  if (!isObj(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObj(op)) out.push({ path, method, op, pathItem: item, pointer: ptr('', 'paths', path, method) });
    }
  }
  return out;
}

/** Resolves an internal reference (`#/a/b`) in `doc`. */
export function resolveInternal(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  // Rules resolve the same few refs thousands of times: memoize per document (documents are not mutated).
  const cache = doc !== null && typeof doc === 'object' ? (refCache.get(doc) ?? refCache.set(doc, new Map()).get(doc)!) : undefined;
  if (cache?.has(ref)) return cache.get(ref);
  const value = parsePointer(ref.slice(1)) === undefined ? undefined : getAt(doc, ref.slice(1));
  cache?.set(ref, value);
  return value;
}

const refCache = new WeakMap<object, Map<string, unknown>>();

/** Follows `$ref` chains (at most 20 hops). */
export function deref<T>(doc: unknown, v: T): T {
  let cur: unknown = v;
  for (let i = 0; i < 20 && isObj(cur) && typeof cur.$ref === 'string'; i++) {
    const next = resolveInternal(doc, cur.$ref);
    if (next === undefined) return cur as T;
    cur = next;
  }
  return cur as T;
}

/** A parameter as the operation sees it: path-item and operation parameters merged, refs followed. */
export interface ParamRef {
  param: JsonObject;
  /** Pointer of the parameter entry in the document (the `$ref` entry, not the target). */
  pointer: string;
  /** Pointer of the resolved object (the `#/parameters/x` target when it was a ref). */
  targetPointer: string;
}

/** Effective parameters of an operation (operation-level overrides path-level by name+in). */
export function operationParams(doc: unknown, o: OperationRef): ParamRef[] {
  // Many rules ask for the same operation's parameters: compute once per operation object.
  const hit = paramCache.get(o.op);
  if (hit) return hit;
  const res = computeParams(doc, o);
  paramCache.set(o.op, res);
  return res;
}

const paramCache = new WeakMap<object, ParamRef[]>();

function computeParams(doc: unknown, o: OperationRef): ParamRef[] {
  const byKey = new Map<string, ParamRef>();
  const add = (list: unknown, base: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const pointer = ptr(base, 'parameters', i);
      let targetPointer = pointer;
      if (isObj(raw) && typeof raw.$ref === 'string' && raw.$ref.startsWith('#')) targetPointer = raw.$ref.slice(1);
      const p = deref(doc, raw);
      if (!isObj(p)) return;
      byKey.set(`${String(p.in)}\u0000${String(p.name)}`, { param: p, pointer, targetPointer });
    });
  };
  add(o.pathItem.parameters, ptr('', 'paths', o.path));
  add(o.op.parameters, o.pointer);
  return [...byKey.values()];
}

/** Where a schema sits. */
export interface SchemaSite {
  schema: JsonObject;
  pointer: string;
  /** 'input' for parameter/body schemas, 'output' for responses and notification content, 'definition' otherwise. */
  role: 'input' | 'output' | 'definition';
  /** Nesting depth below the root schema of the site (0 = root). */
  depth: number;
  /** The parent schema when this is a property/items/etc. */
  parent?: JsonObject;
  /** The property name when this is `properties/<name>` of the parent. */
  propName?: string;
}

/** Visits every schema object in the document (not following `$ref`); the list is computed once per document. */
export function walkSchemas(swagger: JsonObject | undefined, visit: (s: SchemaSite) => void): void {
  if (!swagger) return;
  let sites = siteCache.get(swagger);
  if (!sites) {
    sites = [];
    collectSites(swagger, sites.push.bind(sites));
    siteCache.set(swagger, sites);
  }
  for (const s of sites) visit(s);
}

const siteCache = new WeakMap<object, SchemaSite[]>();

function collectSites(swagger: JsonObject, visit: (s: SchemaSite) => void): void {
  const walk = (s: unknown, pointer: string, role: SchemaSite['role'], depth: number, parent?: JsonObject, propName?: string) => {
    if (!isObj(s)) return;
    visit({ schema: s, pointer, role, depth, parent, propName });
    if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) walk(v, ptr(pointer, 'properties', k), role, depth + 1, s, k);
    if (isObj(s.items)) walk(s.items, ptr(pointer, 'items'), role, depth + 1, s);
    else if (Array.isArray(s.items)) s.items.forEach((v, i) => walk(v, ptr(pointer, 'items', i), role, depth + 1, s));
    if (isObj(s.additionalProperties)) walk(s.additionalProperties, ptr(pointer, 'additionalProperties'), role, depth + 1, s);
    if (Array.isArray(s.allOf)) s.allOf.forEach((v, i) => walk(v, ptr(pointer, 'allOf', i), role, depth + 1, s));
  };
  if (isObj(swagger.definitions)) for (const [k, v] of Object.entries(swagger.definitions)) walk(v, ptr('', 'definitions', k), 'definition', 0);
  if (isObj(swagger.parameters)) for (const [k, v] of Object.entries(swagger.parameters)) if (isObj(v) && isObj(v.schema)) walk(v.schema, ptr('', 'parameters', k, 'schema'), 'input', 0);
  if (isObj(swagger.responses)) for (const [k, v] of Object.entries(swagger.responses)) if (isObj(v) && isObj(v.schema)) walk(v.schema, ptr('', 'responses', k, 'schema'), 'output', 0);
  for (const o of listOperations(swagger)) {
    if (Array.isArray(o.op.parameters)) o.op.parameters.forEach((p, i) => isObj(p) && isObj(p.schema) && walk(p.schema, ptr(o.pointer, 'parameters', i, 'schema'), 'input', 0));
    if (isObj(o.op.responses)) for (const [code, r] of Object.entries(o.op.responses)) if (isObj(r) && isObj(r.schema)) walk(r.schema, ptr(o.pointer, 'responses', code, 'schema'), 'output', 0);
  }
  if (isObj(swagger.paths)) {
    for (const [path, item] of Object.entries(swagger.paths)) {
      if (!isObj(item)) continue;
      if (Array.isArray(item.parameters)) item.parameters.forEach((p, i) => isObj(p) && isObj(p.schema) && walk(p.schema, ptr('', 'paths', path, 'parameters', i, 'schema'), 'input', 0));
      const nc = item['x-ms-notification-content'];
      if (isObj(nc) && isObj(nc.schema)) walk(nc.schema, ptr('', 'paths', path, 'x-ms-notification-content', 'schema'), 'output', 0);
    }
  }
}

/** Visits every object holding a `$ref` string anywhere in the document. */
export function walkRefs(node: unknown, visit: (holder: JsonObject, pointer: string) => void, pointer = ''): void {
  // Every node of the document is visited, but few hold a $ref: keep the path as tokens and build a pointer on a hit.
  const path: Array<string | number> = [];
  const walk = (v: unknown, parentKey: string): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x === null || typeof x !== 'object') continue;
        path.push(i);
        walk(x, '');
        path.pop();
      }
      return;
    }
    if (!isObj(v)) return;
    if (typeof v.$ref === 'string') visit(v, ptr(pointer, ...path));
    const isMap = parentKey === 'properties' || parentKey === 'definitions' || parentKey === 'parameters' || parentKey === 'responses' || parentKey === 'paths';
    for (const k in v) {
      // Examples and default values are data, not schema: a "$ref" key inside them is not a reference.
      if (!isMap && DATA_KEYS.has(k)) continue;
      const x = v[k];
      if (x === null || typeof x !== 'object') continue;
      path.push(k);
      walk(x, k);
      path.pop();
    }
  };
  walk(node, '');
}

const DATA_KEYS = new Set(['example', 'examples', 'default', 'x-ms-examples', 'enum', 'x-ms-test-value']);
