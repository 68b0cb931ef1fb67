/**
 * The small HTTPS kernel shared by the Graph double and the token double: a loopback server with the test CA,
 * a request log, one-shot and rate-based fault injection, and a loud failure for unmatched requests.
 */
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testTlsOptions } from '../tls';
import { seededRandom } from '../doubles-common/faults';

/** One request as the double saw it (no bodies: they may hold secrets). */
export interface LoggedRequest {
  method: string;
  url: string;
  status: number;
  fault?: FaultKind;
}

/** Faults a double can inject before handling a request. */
export type FaultKind = '429' | '500' | '503' | 'drop' | 'drop-after-commit';

export interface Fault {
  kind: FaultKind;
  /** Only requests whose "METHOD path" matches (default: any). */
  match?: RegExp;
  /** Retry-After seconds for 429/503 (default 0). */
  retryAfter?: number;
}

export interface DoubleRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface DoubleResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Routes a request; returns undefined when nothing matched (the kernel then fails loudly). */
export type Router = (req: DoubleRequest) => Promise<DoubleResponse | undefined> | DoubleResponse | undefined;

export interface DoubleServer {
  url: string;
  port: number;
  requests: LoggedRequest[];
  /** Requests nothing matched, as "METHOD URL" (tests assert this stays empty). */
  violations: string[];
  inject(fault: Fault): void;
  /** Injects `kinds` at random on `rate` (0..1) of matching requests; a seeded PRNG keeps runs reproducible. */
  setFaultRate(rate: number, opts?: { kinds?: FaultKind[]; seed?: number; match?: RegExp }): void;
  /** Number of non-GET requests that reached a handler (faulted-before-commit ones excluded). */
  writes(): number;
  close(): Promise<void>;
}

/** Error body builder for a double (each double has its own error shape). */
export type ErrorShaper = (status: number, code: string, message: string) => unknown;

export async function startDoubleServer(route: Router, errorShape: ErrorShaper): Promise<DoubleServer> {
  const requests: LoggedRequest[] = [];
  const violations: string[] = [];
  const oneShot: Fault[] = [];
  let rate = 0;
  let rateKinds: FaultKind[] = ['429', '500', '503', 'drop'];
  let rateMatch: RegExp | undefined;
  // Deterministic so a failing soak run can be replayed.
  let rnd = seededRandom(1);
  let writes = 0;

  const pickFault = (key: string): Fault | undefined => {
    const i = oneShot.findIndex((f) => !f.match || f.match.test(key));
    if (i >= 0) return oneShot.splice(i, 1)[0];
    if (rate > 0 && (!rateMatch || rateMatch.test(key)) && rnd() < rate) return { kind: rateKinds[Math.floor(rnd() * rateKinds.length)]! };
    return undefined;
  };

  const send = (res: ServerResponse, r: DoubleResponse) => {
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    let payload: string | undefined;
    if (r.body !== undefined) {
      payload = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      headers['content-type'] ??= 'application/json';
    }
    res.writeHead(r.status, headers);
    res.end(payload);
  };

  const server = https.createServer(testTlsOptions(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const url = new URL(req.url ?? '/', `https://127.0.0.1`);
        const key = `${method} ${url.pathname}`;
        const log: LoggedRequest = { method, url: `${url.pathname}${url.search}`, status: 0 };
        requests.push(log);
        const fault = pickFault(key);
        if (fault) log.fault = fault.kind;
        if (fault && fault.kind !== 'drop-after-commit') {
          if (fault.kind === 'drop') {
            log.status = -1;
            req.socket.destroy();
            return;
          }
          const status = Number(fault.kind);
          const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceUnavailable' : 'InternalServerError';
          log.status = status;
          send(res, { status, body: errorShape(status, code, `Injected fault ${status}.`), headers: { 'retry-after': String(fault.retryAfter ?? 0) } });
          return;
        }
        let r: DoubleResponse | undefined;
        try {
          r = await route({ method, url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        } catch (e) {
          r = { status: 500, body: errorShape(500, 'DoubleCrashed', (e as Error).message) };
        }
        if (!r) {
          violations.push(`${method} ${url.pathname}${url.search}`);
          r = { status: 404, body: errorShape(404, 'UnmatchedRequest', `The double has no route for ${method} ${url.pathname}${url.search}.`) };
        }
        if (method !== 'GET' && r.status < 400) writes++;
        log.status = r.status;
        if (fault?.kind === 'drop-after-commit') {
          log.status = -1;
          req.socket.destroy();
          return;
        }
        send(res, r);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests,
    violations,
    inject: (f) => void oneShot.push(f),
    setFaultRate: (r, o = {}) => {
      rate = r;
      if (o.kinds) rateKinds = o.kinds;
      rateMatch = o.match;
      if (o.seed !== undefined) rnd = seededRandom(o.seed);
    },
    writes: () => writes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Decodes a JWT payload without verifying it (the doubles check audience, not signatures). */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
