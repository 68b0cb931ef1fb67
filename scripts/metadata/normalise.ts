/**
 * With strictNullChecks (the team's tsconfig usually has it) TypeScript gives the properties of mapped types
 * (`Partial<T>`, `Pick`, `Omit`) and of inferred class members the type `T | undefined`, and tsoa turns that into a
 * union, which Swagger 2.0 degrades to `{type: object}`. Under tsoa's default options the same property reads as
 * `T`, and optionality is carried by `required` anyway. This drops `undefined` from every union of the metadata
 * (in place) so the spec equals `tsoa spec`'s; `T | null` keeps its null (→ `x-nullable`).
 */
import type { Tsoa } from '@tsoa/runtime';

type Node = Record<string, unknown>;

export function dropUndefinedFromUnions(metadata: Tsoa.Metadata): void {
  // A type object can be shared between places: each is rewritten once and every place gets the same result.
  const done = new Map<object, unknown>();
  const visit = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (done.has(v)) return done.get(v);
    done.set(v, v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
      return v;
    }
    const o = v as Node;
    for (const k of Object.keys(o)) o[k] = visit(o[k]);
    if (o.dataType === 'union') {
      const types = (o as unknown as Tsoa.UnionType).types;
      const kept = types.filter((t) => t.dataType !== 'undefined');
      if (kept.length && kept.length < types.length) {
        if (kept.length === 1) {
          done.set(o, kept[0]);
          return kept[0];
        }
        (o as unknown as Tsoa.UnionType).types = kept;
      }
    }
    return o;
  };
  visit(metadata);
}
