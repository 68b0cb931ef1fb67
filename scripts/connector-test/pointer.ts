/** JSON pointers (RFC 6901) over response bodies, and the `a/b` paths x-ms-dynamic-* use. */

export function getPointer(doc: unknown, ptr: string): unknown {
  if (ptr === '' || ptr === '/') return doc;
  let cur: any = doc;
  for (const raw of ptr.replace(/^\//, '').split('/')) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[k];
  }
  return cur;
}

/** x-ms-dynamic-values' value-collection / value-path: slash- or dot-separated property names. */
export function getPath(doc: unknown, p: string | undefined): unknown {
  if (!p) return doc;
  return getPointer(doc, `/${p.split(/[/.]/).join('/')}`);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
    );
  return v;
}
