/**
 * Offline `$ref` resolution for the reference rules: classifies every `$ref` of the swagger by what it points at
 * (schema, parameter, response, path item) and whether it is valid (an internal pointer with the right prefix)
 * and resolvable. External references can never be resolved offline, and the platform does not fetch them.
 */
import { walkRefs, resolveInternal } from './swagger-walk';
import { parsePointer } from './pointer';
import type { JsonObject } from './types';

/** What a reference stands for. */
export type RefKind = 'schema' | 'parameter' | 'response' | 'pathItem';

/** One `$ref` occurrence. */
export interface RefUse {
  kind: RefKind;
  ref: string;
  /** Pointer of the object holding the `$ref`. */
  pointer: string;
  holder: JsonObject;
  /** 'notValid' = external, malformed or wrong prefix; 'notFound' = internal but unresolvable. */
  problem?: 'notValid' | 'notFound';
}

const PREFIX: Record<Exclude<RefKind, 'pathItem'>, string> = { schema: '#/definitions/', parameter: '#/parameters/', response: '#/responses/' };

const cache = new WeakMap<object, RefUse[]>();

/** Every `$ref` of the swagger, classified (memoized per document). */
export function refUses(swagger: JsonObject | undefined): RefUse[] {
  if (!swagger) return [];
  const hit = cache.get(swagger);
  if (hit) return hit;
  const out: RefUse[] = [];
  walkRefs(swagger, (holder, pointer) => {
    const ref = holder.$ref as string;
    const kind = kindOf(pointer);
    const use: RefUse = { kind, ref, pointer, holder };
    if (kind !== 'pathItem') {
      if (!ref.startsWith(PREFIX[kind]) || parsePointer(ref.slice(1)) === undefined) use.problem = 'notValid';
      else if (resolveInternal(swagger, ref) === undefined) use.problem = 'notFound';
    }
    out.push(use);
  });
  cache.set(swagger, out);
  return out;
}

function kindOf(pointer: string): RefKind {
  if (/^\/paths\/[^/]+$/.test(pointer)) return 'pathItem';
  if (/^\/paths\/[^/]+(\/[^/]+)?\/parameters\/\d+$/.test(pointer)) return 'parameter';
  if (/^\/paths\/[^/]+\/[^/]+\/responses\/[^/]+$/.test(pointer) || /^\/responses\/[^/]+$/.test(pointer)) return 'response';
  return 'schema';
}
