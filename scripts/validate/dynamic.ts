/**
 * Every use of the dynamic extensions (x-ms-dynamic-values / -list / -schema / -properties) with its place and,
 * when known, the operation whose inputs hold it — for the dynamic-extension consistency rules.
 */
import { isObj, operationParams, walkSchemas } from './swagger-walk';
import { ptr } from './pointer';
import type { JsonObject, OperationRef, RuleContext } from './types';

/** The dynamic extension keys. */
export const DYNAMIC_KEYS = ['x-ms-dynamic-values', 'x-ms-dynamic-list', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'] as const;

/** One dynamic extension. */
export interface DynamicUse {
  key: (typeof DYNAMIC_KEYS)[number];
  value: JsonObject;
  /** Pointer of the extension value. */
  pointer: string;
  /** The object carrying it (parameter or schema). */
  holder: JsonObject;
  /** The operation whose parameter carries it (undefined for shared definitions). */
  op?: OperationRef;
  where: 'parameter' | 'schema';
}

/** Every dynamic extension of the swagger. */
export function dynamicUses(ctx: RuleContext): DynamicUse[] {
  if (!ctx.swagger) return [];
  const hit = cache.get(ctx.swagger);
  if (hit) return hit;
  const out: DynamicUse[] = [];
  cache.set(ctx.swagger, out);
  const seen = new Set<string>();
  const add = (holder: JsonObject, pointer: string, where: DynamicUse['where'], op?: OperationRef) => {
    for (const key of DYNAMIC_KEYS) {
      const value = holder[key];
      const p = ptr(pointer, key);
      if (isObj(value) && !seen.has(p)) {
        seen.add(p);
        out.push({ key, value, pointer: p, holder, op, where });
      }
    }
  };
  // Inline body schemas belong to their operation (references to sibling body properties are checked against it).
  const inline = (s: unknown, pointer: string, o: OperationRef, depth: number) => {
    if (!isObj(s) || depth > 16) return;
    add(s, pointer, 'schema', o);
    if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) inline(v, ptr(pointer, 'properties', k), o, depth + 1);
    if (isObj(s.items)) inline(s.items, ptr(pointer, 'items'), o, depth + 1);
  };
  for (const o of ctx.operations) {
    for (const pr of operationParams(ctx.swagger, o)) {
      add(pr.param, pr.targetPointer, 'parameter', o);
      if (isObj(pr.param.schema)) inline(pr.param.schema, ptr(pr.targetPointer, 'schema'), o, 0);
    }
  }
  walkSchemas(ctx.swagger, (s) => add(s.schema, s.pointer, 'schema'));
  return out;
}

const cache = new WeakMap<object, DynamicUse[]>();

/** The operation with an operationId. */
export function operationById(ctx: RuleContext, id: unknown): OperationRef | undefined {
  return typeof id === 'string' ? ctx.operations.find((o) => o.op.operationId === id) : undefined;
}

/** The schema of an operation's first successful response with one (refs followed). */
export function successSchema(ctx: RuleContext, o: OperationRef): JsonObject | undefined {
  const r = o.op.responses;
  if (!isObj(r)) return undefined;
  for (const code of Object.keys(r)
    .filter((k) => /^2\d\d$/.test(k))
    .sort()) {
    const resp = ctx.deref(r[code]);
    if (isObj(resp) && isObj(resp.schema)) return ctx.deref(resp.schema) as JsonObject;
  }
  return undefined;
}

/** Follows a slash-separated property path (e.g. "value" or "data/items") in a schema; undefined if absent. */
export function schemaAtPath(ctx: RuleContext, schema: JsonObject, path: string): JsonObject | undefined {
  let cur: unknown = schema;
  for (const seg of path.split('/').filter(Boolean)) {
    cur = ctx.deref(cur);
    if (!isObj(cur)) return undefined;
    const props = isObj(cur.properties) ? cur.properties : undefined;
    if (props && seg in props) cur = props[seg];
    else if (Array.isArray(cur.allOf)) {
      const hit = cur.allOf.map((x) => ctx.deref(x)).find((x) => isObj(x) && isObj(x.properties) && seg in x.properties) as JsonObject | undefined;
      if (!hit) return undefined;
      cur = (hit.properties as JsonObject)[seg];
    } else return undefined;
  }
  cur = ctx.deref(cur);
  return isObj(cur) ? cur : undefined;
}

/** Whether a schema is open-ended (no declared properties), so nothing can be checked inside it. */
export function isOpen(s: JsonObject): boolean {
  return !isObj(s.properties) && !Array.isArray(s.allOf) && (s.type === undefined || s.type === 'object') && s.items === undefined;
}
