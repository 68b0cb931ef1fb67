/**
 * The loopback HTTPS server every double runs on: 127.0.0.1, ephemeral port, the test CA from scripts/testing/tls,
 * buffered bodies, JSON parsing, and transport faults (socket destroyed before or after handling).
 */
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { testTlsOptions } from '../tls';

/** A request as a double's handler sees it (body already read; JSON parsed when the content type says so). */
export interface DoubleRequest {
  method: string;
  /** Absolute URL built from the double's own base URL (the Host header is ignored for routing). */
  url: URL;
  headers: Record<string, string>;
  raw: Buffer;
  /** Parsed JSON body, or undefined when there is no body or it is not JSON. */
  body: unknown;
  /** Set when the body claimed to be JSON but did not parse. */
  bodyError?: string;
}

/** What a handler answers. `drop` destroys the socket instead of answering (a transport fault). */
export interface DoubleResponse {
  status: number;
  headers?: Record<string, string>;
  /** Object → JSON with content-type application/json; string/Buffer → sent as is. */
  body?: unknown;
  drop?: boolean;
}

export type DoubleHandler = (req: DoubleRequest) => Promise<DoubleResponse>;

/** A running loopback HTTPS server. */
export interface HttpsDouble {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the server; every request goes to `handler`, a thrown error becomes a loud 500. */
export async function startHttpsDouble(handler: DoubleHandler): Promise<HttpsDouble> {
  let base = '';
  const server = https.createServer(testTlsOptions(), (req, res) => {
    void serve(req, res, base, handler);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, base: string, handler: DoubleHandler): Promise<void> {
  try {
    const raw = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const parsed = parseBody(raw, headers['content-type']);
    const out = await handler({ method: (req.method ?? 'GET').toUpperCase(), url: new URL(req.url ?? '/', base), headers, raw, ...parsed });
    if (out.drop) {
      req.socket.destroy();
      return;
    }
    send(res, out, req.method === 'HEAD');
  } catch (e) {
    send(res, { status: 500, body: { error: { code: 'DoubleInternalError', message: `double crashed: ${(e as Error).stack ?? String(e)}` } } }, false);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined): { body: unknown; bodyError?: string } {
  if (raw.length === 0) return { body: undefined };
  if (!/json/i.test(contentType ?? '')) return { body: undefined };
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch (e) {
    return { body: undefined, bodyError: (e as Error).message };
  }
}

function send(res: ServerResponse, out: DoubleResponse, head: boolean): void {
  const headers: Record<string, string> = { ...(out.headers ?? {}) };
  let payload: Buffer | undefined;
  if (out.body !== undefined && out.body !== null) {
    if (Buffer.isBuffer(out.body)) payload = out.body;
    else if (typeof out.body === 'string') payload = Buffer.from(out.body, 'utf8');
    else {
      payload = Buffer.from(JSON.stringify(out.body), 'utf8');
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json; charset=utf-8';
    }
  }
  if (payload && !head) headers['content-length'] = String(payload.length);
  else headers['content-length'] = '0';
  res.writeHead(out.status, headers);
  res.end(head ? undefined : payload);
}
