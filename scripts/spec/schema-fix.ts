/**
 * Power Platform fixes on JSON schemas (definitions, body and response schemas), one linear walk:
 * nothing beside `$ref` (AdditionalPropertyNotAllowedAdjacentToRef; siblings worth keeping inline the target), no `"required": []` (RequiredPropertyArrayEmpty),
 * no `required` on non-object schemas, no keys whose value is `undefined` (tsoa leaves many).
 */

/** Called for every `x-*` key dropped beside a `$ref` (descriptions are dropped silently). */
export type DroppedSibling = (key: string, where: string) => void;

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const DEFINITION_PREFIX = '#/definitions/';

/** What a schema walk needs besides the schema: the definitions (to inline), the drop callback, the inlining stack. */
export interface FixContext {
  definitions?: Json;
  onDrop?: DroppedSibling;
  /** Definitions being inlined above this point; inlining one again would never end (recursive models). */
  inlining?: ReadonlySet<string>;
}

/**
 * Resolves siblings of a `$ref` in place. tsoa puts a property's description and JSDoc `@extension`s beside the
 * `$ref` of its type, and Power Platform rejects that. Rather than lose `x-ms-summary` & co., the property gets a
 * copy of the referenced definition with the siblings on top (what most certified connectors do: inline schemas).
 * Enums and primitive aliases are inlined for any sibling (a description included); object models only when an
 * `x-*` sibling asks for it, so plain documented references stay small `$ref`s. A recursive model cannot be
 * inlined into itself: there the siblings are dropped and reported.
 * @returns the definition name when the schema was inlined (the caller then fixes it as an ordinary schema)
 */
function resolveRefSiblings(schema: Json, where: string, ctx: FixContext): string | undefined {
  const keys = Object.keys(schema).filter((k) => k !== '$ref' && schema[k] !== undefined);
  const ref = schema.$ref as string;
  const name = ref.startsWith(DEFINITION_PREFIX) ? decodeURIComponent(ref.slice(DEFINITION_PREFIX.length)) : '';
  const target = ctx.definitions?.[name];
  const isObject = isObj(target) && (target.type === 'object' || isObj(target.properties));
  const wants = keys.some((k) => k.startsWith('x-')) || !isObject;
  if (keys.length && wants && isObj(target) && target.$ref === undefined && !ctx.inlining?.has(name)) {
    const siblings: Json = {};
    for (const k of keys) siblings[k] = schema[k];
    for (const k of Object.keys(schema)) delete schema[k];
    // Objects are deep-copied so later fixes of the copy never touch the shared definition (and no cycles appear).
    Object.assign(schema, isObject ? structuredClone(target) : target, siblings);
    return name;
  }
  for (const k of Object.keys(schema)) {
    if (k === '$ref') continue;
    if (k.startsWith('x-') && schema[k] !== undefined) ctx.onDrop?.(k, where);
    delete schema[k];
  }
  return undefined;
}

/** Fixes `schema` in place (and returns it); `where` names it in drop reports. */
export function fixSchema(schema: Json, where: string, ctx: FixContext = {}): Json {
  if (typeof schema.$ref === 'string') {
    const inlined = resolveRefSiblings(schema, where, ctx);
    if (!inlined) return schema;
    ctx = { ...ctx, inlining: new Set([...(ctx.inlining ?? []), inlined]) };
  }
  for (const k of Object.keys(schema)) if (schema[k] === undefined) delete schema[k];
  if (Array.isArray(schema.required) && (schema.required.length === 0 || (schema.type !== 'object' && !isObj(schema.properties)))) delete schema.required;
  if (isObj(schema.properties)) {
    for (const [name, p] of Object.entries(schema.properties)) if (isObj(p)) fixSchema(p, `${where}.${name}`, ctx);
  }
  if (isObj(schema.items)) fixSchema(schema.items, `${where}[]`, ctx);
  if (isObj(schema.additionalProperties)) fixSchema(schema.additionalProperties, `${where}[key]`, ctx);
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((s, i) => isObj(s) && fixSchema(s, `${where}.allOf[${i}]`, ctx));
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
