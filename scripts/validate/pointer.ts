/** JSON pointer helpers (RFC 6901). */

/** Escapes one reference token. */
export function esc(token: string | number): string {
  const t = String(token);
  // Most tokens need no escaping; skip the two regex passes for them (walkers build pointers for every node).
  return t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t;
}

/** Joins a pointer and tokens. */
export function ptr(base: string, ...tokens: Array<string | number>): string {
  let out = base;
  for (const t of tokens) out += '/' + esc(t);
  return out;
}

/** Splits a pointer into unescaped tokens; undefined when it is not a valid pointer. */
export function parsePointer(p: string): string[] | undefined {
  if (p === '') return [];
  if (!p.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const raw of p.slice(1).split('/')) {
    if (!raw.includes('~')) {
      out.push(raw);
      continue;
    }
    if (/~[^01]|~$/.test(raw)) return undefined;
    out.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return out;
}

/** Value at a pointer, or undefined. */
export function getAt(doc: unknown, p: string): unknown {
  const tokens = parsePointer(p);
  if (!tokens) return undefined;
  let cur: unknown = doc;
  for (const t of tokens) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
    cur = (cur as Record<string, unknown>)[t];
  }
  return cur;
}

/** Whether pointer `p` equals `base` or lies below it. */
export function isUnder(p: string, base: string): boolean {
  return p === base || p.startsWith(base + '/');
}
