/**
 * The wire ↔ RPC conversions of the host in buffered mode (the host's GrpcMessageConversion-
 * Extensions.ToRpcHttp and RawScriptResult): headers lower-cased with duplicates comma-joined, query values
 * comma-joined per (case-insensitive) key, route params URL-decoded with absent optionals omitted, the body only
 * when Content-Length > 0; on the way back status, headers, cookies and bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NullableString, RpcCookie, RpcHttpIn, RpcHttpOut } from './types';

const nullable = (o: Record<string, string>): Record<string, NullableString> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { value: v }]));

/** ASP.NET QueryHelpers.ParseQuery + StringValues.ToString(): `?a=1&a=2` → `{a: '1,2'}`; keys case-insensitive. */
export function parseQueryJoined(search: string): Record<string, string> {
  const groups = new Map<string, { key: string; values: string[] }>();
  const q = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of q.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawK = eq < 0 ? pair : pair.slice(0, eq);
    const rawV = eq < 0 ? '' : pair.slice(eq + 1);
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = dec(rawK);
    const g = groups.get(key.toLowerCase()) ?? { key, values: [] };
    g.values.push(dec(rawV));
    groups.set(key.toLowerCase(), g);
  }
  return Object.fromEntries([...groups.values()].map((g) => [g.key, g.values.join(',')]));
}

/** Lower-cased headers, duplicates comma-joined (StringValues.ToString), empty values dropped (IgnoreEmptyValuedRpcHttpHeaders). */
export function joinedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headersDistinct)) {
    const joined = (v ?? []).join(',');
    if (joined !== '') out[k.toLowerCase()] = joined;
  }
  return out;
}

/** `authority`: the checked Host (host-header.ts) or the host's own address when the client sent none. */
export function toRpcHttpIn(req: IncomingMessage, params: Record<string, string>, body: Uint8Array | undefined, authority: string): RpcHttpIn {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const http: RpcHttpIn = {
    method: req.method ?? 'GET',
    url: `http://${authority}${rawUrl}`,
    nullableHeaders: nullable(joinedHeaders(req)),
    nullableQuery: nullable(q < 0 ? {} : parseQueryJoined(rawUrl.slice(q))),
    nullableParams: nullable(params),
  };
  if (body && body.length > 0) http.body = { bytes: body };
  return http;
}

/** ASP.NET's SetCookieHeaderValue order: name=value; expires; max-age; domain; path (default /); secure; samesite; httponly. */
export function serializeCookie(c: RpcCookie): string {
  const parts = [`${c.name}=${c.value}`];
  const secs = c.expires?.value?.seconds;
  if (secs !== undefined && secs !== null) parts.push(`expires=${new Date(Number(secs) * 1000).toUTCString()}`);
  const maxAge = c.maxAge?.value;
  if (maxAge !== undefined && maxAge !== null) parts.push(`max-age=${Math.trunc(maxAge)}`);
  if (c.domain?.value) parts.push(`domain=${c.domain.value}`);
  parts.push(`path=${c.path?.value || '/'}`);
  if (c.secure?.value) parts.push('secure');
  const ss = c.sameSite === 'explicitNone' ? 'none' : c.sameSite === 'lax' || c.sameSite === 'strict' ? c.sameSite : undefined;
  if (ss) parts.push(`samesite=${ss}`);
  if (c.httpOnly?.value) parts.push('httponly');
  return parts.join('; ');
}

const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** Writes the function's response. Returns the status. Framing headers are left to Node. */
export function writeRpcHttpOut(res: ServerResponse, http: RpcHttpOut): number {
  const status = Number(http.statusCode ?? 200) || 200;
  res.statusCode = status;
  for (const [k, v] of Object.entries(http.headers ?? {})) {
    if (FRAMING.has(k.toLowerCase())) continue;
    if (k.toLowerCase() === 'set-cookie') res.appendHeader('set-cookie', v);
    else res.setHeader(k, v);
  }
  for (const c of http.cookies ?? []) res.appendHeader('set-cookie', serializeCookie(c));
  const body = http.body?.bytes ? Buffer.from(http.body.bytes) : http.body?.string !== undefined ? Buffer.from(http.body.string) : undefined;
  // 204/304 must not carry a body on the wire.
  if (body && body.length && status !== 204 && status !== 304) res.end(body);
  else res.end();
  return status;
}
