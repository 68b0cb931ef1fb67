/**
 * Which browser pages may call the dev issuer. The issuer signs a token for anyone who asks, so a page from any other
 * origin (a site the developer happens to visit, or a DNS-rebinding page) must not be able to read one: only the
 * local host's own origins (its docs page) and origins the user lists (serve.issuerCorsOrigins) get CORS headers,
 * and a request that carries any other Origin is refused with 403 before a token is minted. Requests without an
 * Origin (curl, `connectorkit token`, the Functions app fetching metadata, the sign-in popup's navigation) are
 * not browser cross-origin calls and are served as before.
 */
import type * as http from 'node:http';
import { CkError } from '../core/errors';
import './codes';

/** Swagger UI's token request sends X-Requested-With; the others are what an OAuth client library may send. */
const ALLOW_HEADERS = 'authorization, content-type, accept, x-requested-with';

/** The origins under which a browser reaches a server on this machine's loopback interface at `port`. */
export function loopbackOrigins(port: number): string[] {
  return ['127.0.0.1', 'localhost', '[::1]'].map((h) => `http://${h}:${port}`);
}

/** `scheme://host[:port]` in the form browsers send it (lower-case host, default port dropped); undefined otherwise. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const u = new URL(value);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || (u.pathname !== '/' && u.pathname !== '') || u.search || u.hash) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

export class OriginAllowList {
  private readonly origins = new Set<string>();

  constructor(origins: Iterable<string> = []) {
    this.allow(origins);
  }

  /** Adds origins; anything that is not a plain http(s) origin is a user error (it could never match). */
  allow(origins: Iterable<string>): void {
    for (const o of origins) {
      const n = normaliseOrigin(o);
      if (!n) {
        throw new CkError({ code: 'CK_AUTH_DEV_BAD_ORIGIN', message: `"${o}" is not a browser origin (scheme://host[:port], no path).`, target: 'serve.issuerCorsOrigins' });
      }
      this.origins.add(n);
    }
  }

  has(origin: string): boolean {
    const n = normaliseOrigin(origin);
    return n !== undefined && this.origins.has(n);
  }

  list(): string[] {
    return [...this.origins].sort();
  }
}

/**
 * Applies the allow-list to one request. Returns true when the request may go on (no Origin, or an allowed one:
 * then the CORS headers are set), false when it was answered here (a preflight, or a refused origin).
 */
export function corsGate(req: http.IncomingMessage, res: http.ServerResponse, allowed: OriginAllowList, refuse: (status: number, body: unknown) => void): boolean {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin === undefined) {
    if (req.method !== 'OPTIONS') return true;
    res.writeHead(204).end();
    return false;
  }
  if (!allowed.has(origin)) {
    refuse(403, {
      error: 'origin_not_allowed',
      error_description: `The dev issuer does not serve pages from ${JSON.stringify(origin).slice(0, 200)}: only the local host's own origins and serve.issuerCorsOrigins may call it.`,
    });
    return false;
  }
  res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return true;
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
  return false;
}
