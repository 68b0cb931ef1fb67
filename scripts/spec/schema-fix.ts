/**
 * Power Platform fixes on JSON schemas (definitions, body and response schemas), one linear walk:
 * nothing beside `$ref` (AdditionalPropertyNotAllowedAdjacentToRef), no `"required": []` (RequiredPropertyArrayEmpty),
 * no `required` on non-object schemas, no keys whose value is `undefined` (tsoa leaves many).
 */

/** Called for every `x-*` key dropped beside a `$ref` (descriptions are dropped silently). */
export type DroppedSibling = (key: string, where: string) => void;

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fixes `schema` in place (and returns it); `where` names it for the dropped-sibling callback. */
export function fixSchema(schema: Json, where: string, onDrop?: DroppedSibling): Json {
  if (typeof schema.$ref === 'string') {
    for (const k of Object.keys(schema)) {
      if (k === '$ref') continue;
      if (k.startsWith('x-') && schema[k] !== undefined) onDrop?.(k, where);
      delete schema[k];
    }
    return schema;
  }
  for (const k of Object.keys(schema)) if (schema[k] === undefined) delete schema[k];
  if (Array.isArray(schema.required) && (schema.required.length === 0 || (schema.type !== 'object' && !isObj(schema.properties)))) delete schema.required;
  if (isObj(schema.properties)) {
    for (const [name, p] of Object.entries(schema.properties)) if (isObj(p)) fixSchema(p, `${where}.${name}`, onDrop);
  }
  if (isObj(schema.items)) fixSchema(schema.items, `${where}[]`, onDrop);
  if (isObj(schema.additionalProperties)) fixSchema(schema.additionalProperties, `${where}[key]`, onDrop);
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((s, i) => isObj(s) && fixSchema(s, `${where}.allOf[${i}]`, onDrop));
  return schema;
}

/** Returns a copy of `obj` with `first` keys in that order, then the other keys except `x-*`, then `x-*` keys sorted; drops undefined. */
export function orderKeys<T extends Json>(obj: T, first: readonly string[]): T {
  const out: Json = {};
  for (const k of first) if (obj[k] !== undefined) out[k] = obj[k];
  const ext: string[] = [];
  for (const k of Object.keys(obj)) {
    if (k in out || obj[k] === undefined) continue;
    if (k.startsWith('x-')) ext.push(k);
    else out[k] = obj[k];
  }
  for (const k of ext.sort()) out[k] = obj[k];
  return out as T;
}
