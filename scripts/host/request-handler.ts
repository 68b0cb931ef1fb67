/**
 * One HTTP request through the local host, in the Functions host's order (docs/local-host.md):
 * URL limit → CORS preflight → route match (function-name order, method as a constraint) → key check (only with
 * enableAuth, as Core Tools) → body limit → invoke in the app worker → map the result (none → 204, failure → 500).
 * host.json customHeaders are added when the response starts, only where the function did not set the header
 * (CustomHttpHeadersMiddleware's TryAdd in OnStarting). Host-made errors carry our JSON error body (Azure's are
 * empty): see docs/local-host.md "Where the local host differs from Azure".
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { CkCode } from '../core/code-registry';
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { toErrorBody } from '../runtime/error-body';
import { applyCors, handlePreflight, type CorsPolicy } from './cors';
import { serveDocs } from './docs';
import { toRpcHttpIn, writeRpcHttpOut } from './http-io';
import { authorize, presentedKey } from './keys';
import type { RouteTable } from './route-table';
import type { DocsOptions, HostKeys } from './types';
import type { AppWorker } from './worker-client';

/** The loaded app; swapped atomically by reload(). */
export interface LoadedApp {
  worker: AppWorker;
  table: RouteTable;
  routePrefix: string;
  customHeaders: Record<string, string>;
  cors: CorsPolicy;
  maxBodyBytes: number;
  /** AzureWebJobsDisableHomepage=true: `GET /` answers 204. */
  disableHomepage: boolean;
}

export interface HandlerOptions {
  current(): LoadedApp;
  io: IoHost;
  enableAuth: boolean;
  keys: HostKeys;
  specFile?: string;
  docs?: DocsOptions;
  /** e.g. 127.0.0.1:7071, for URLs when a client sends no Host header. */
  hostLabel(): string;
  closing(): boolean;
}

/** Azure documents a 4 KB URL limit ("Limits"); we answer 414 rather than 404 so the cause is visible. */
export const MAX_URL_BYTES = 4096;

function sendError(res: http.ServerResponse, code: CkCode, message?: string): void {
  const e = new CkError({ code, message });
  if (res.headersSent) { res.destroy(); return; }
  res.statusCode = e.httpStatus;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(toErrorBody(e)));
}

/** Request.Path semantics: percent-decoded except %2F, which stays encoded so it cannot split segments. */
export function decodePath(raw: string): string {
  try {
    return raw.split(/%2F/i).map((p) => decodeURIComponent(p)).join('%2F');
  } catch {
    return raw;
  }
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

const LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug'> = { critical: 'error', error: 'error', warning: 'warn', information: 'info', debug: 'debug', trace: 'debug' };
export const ioLevel = (rpcLevel: string) => LEVELS[rpcLevel.toLowerCase()] ?? 'info';

export function createRequestHandler(o: HandlerOptions): http.RequestListener {
  return (req, res) => {
    const t0 = process.hrtime.bigint();
    const app = o.current();
    const rawUrl = req.url ?? '/';
    const rawPath = rawUrl.split('?')[0]!;
    const writeHead = res.writeHead;
    // Node calls writeHead for every response (also implicitly from end()), so this is the OnStarting moment.
    res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      for (const [k, v] of Object.entries(app.customHeaders)) if (!this.hasHeader(k)) this.setHeader(k, v);
      if (o.closing()) this.setHeader('connection', 'close');
      return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    // One line per request; never the query (it may carry ?code=) and never headers.
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      o.io.log({ level: 'info', message: `${req.method} ${rawPath} ${res.statusCode} ${ms.toFixed(0)}ms`, data: { method: req.method, path: rawPath, status: res.statusCode, ms: Math.round(ms) } });
    });
    void handle(o, app, req, res, rawUrl, rawPath).catch((e) => {
      o.io.log({ level: 'error', message: `Host error on ${req.method} ${rawPath}: ${(e as Error)?.message}`, code: 'CK_INTERNAL' });
      if (!res.headersSent) sendError(res, 'CK_INTERNAL', 'The local host failed to handle the request.');
      else res.destroy();
    });
  };
}

async function handle(o: HandlerOptions, app: LoadedApp, req: http.IncomingMessage, res: http.ServerResponse, rawUrl: string, rawPath: string): Promise<void> {
  if (Buffer.byteLength(rawUrl) > MAX_URL_BYTES) return sendError(res, 'CK_HOST_URL_TOO_LONG');
  if (handlePreflight(app.cors, req, res)) return;
  applyCors(app.cors, req, res);
  const path = decodePath(rawPath);
  const search = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?')) : '');
  const base = app.routePrefix ? `/${app.routePrefix}` : '';
  const method = req.method ?? 'GET';
  const hit = app.table.match(method, path);
  if (!hit) {
    if (serveDocs(req, res, path, base, o.specFile, o.docs, o.hostLabel())) return;
    if (/^\/admin\/host\/status\/?$/i.test(path) && method === 'GET') {
      if (o.enableAuth && !authorize('admin', presentedKey(req.headers, search), o.keys)) return sendError(res, 'CK_HOST_UNAUTHORIZED');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ state: 'Running', functions: app.table.entries.length }));
      return;
    }
    if (path === '/' && method === 'GET') {
      if (app.disableHomepage) {
        res.statusCode = 204;
        res.end();
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>connectorkit local host</title><h1>Your Functions app is up and running</h1><p>${o.specFile ? `<a href="${base}/docs">API docs</a>` : ''}</p>`);
      return;
    }
    return sendError(res, 'CK_HOST_ROUTE_NOT_FOUND', `No function matches ${method} ${rawPath}.`);
  }
  const { entry, params } = hit;
  if (o.enableAuth && !authorize(entry.info.authLevel, presentedKey(req.headers, search), o.keys)) return sendError(res, 'CK_HOST_UNAUTHORIZED');

  const invocationId = randomUUID();
  const streamUri = app.worker.report.capabilities.HttpUri;
  const declared = req.headers['content-length'] !== undefined ? Number(req.headers['content-length']) : undefined;
  if (declared !== undefined && declared > app.maxBodyBytes) {
    res.setHeader('connection', 'close');
    return sendError(res, 'CK_HOST_BODY_TOO_LARGE');
  }
  if (streamUri) return invokeStreamed(o, app, req, res, entry.functionId, entry.triggerName, entry.info.name, params, invocationId, streamUri);

  let body: Buffer | undefined;
  if (declared !== undefined && declared > 0) {
    const b = await readBody(req, app.maxBodyBytes);
    if (b === 'too-large') {
      res.setHeader('connection', 'close');
      return sendError(res, 'CK_HOST_BODY_TOO_LARGE');
    }
    body = b;
  } else if (req.headers['transfer-encoding']) {
    // Buffered mode on Azure sends a body only when Content-Length > 0 (host #7930): a chunked body arrives empty.
    const b = await readBody(req, app.maxBodyBytes);
    if (b === 'too-large') return sendError(res, 'CK_HOST_BODY_TOO_LARGE');
    if (b.length) o.io.log({ level: 'warn', message: `${entry.info.name}: a chunked request body (no Content-Length) reaches the function EMPTY, as on Azure in buffered mode; send Content-Length or enable HTTP streaming.` });
  }
  const r = await app.worker.invoke({ invocationId, functionId: entry.functionId, triggerName: entry.triggerName, http: toRpcHttpIn(req, params, body), params, stream: false });
  if (r.error) return failed(o, res, entry.info.name, invocationId, r.error);
  if (!r.http) {
    res.statusCode = 204; // no return value → ObjectResult(null) → 204 (§3.4)
    res.end();
    return;
  }
  writeRpcHttpOut(res, r.http);
}

function failed(o: HandlerOptions, res: http.ServerResponse, name: string, invocationId: string, error: { message: string; stack?: string }): void {
  o.io.log({ level: 'error', message: `Executed '${name}' (Failed, Id=${invocationId}): ${error.message}`, code: 'CK_HOST_FUNCTION_FAILED', data: { stack: error.stack } });
  sendError(res, 'CK_HOST_FUNCTION_FAILED', `Function '${name}' failed (invocation ${invocationId}): ${error.message}`);
}

/** Stream mode (app.setup({enableHttpStream:true})): forward the raw request to the library's proxy (§1.6). */
async function invokeStreamed(o: HandlerOptions, app: LoadedApp, req: http.IncomingMessage, res: http.ServerResponse, functionId: string, triggerName: string, name: string, params: Record<string, string>, invocationId: string, streamUri: string): Promise<void> {
  let proxyReq: http.ClientRequest | undefined;
  const proxied = new Promise<http.IncomingMessage>((resolve, reject) => {
    proxyReq = http.request(new URL(req.url ?? '/', streamUri), { method: req.method, headers: { ...req.headers, 'x-ms-invocation-id': invocationId, 'x-forwarded-host': req.headers.host ?? o.hostLabel(), 'x-forwarded-proto': 'http' } }, resolve);
    proxyReq.on('error', reject);
    req.pipe(proxyReq);
  });
  proxied.catch(() => undefined);
  const r = await app.worker.invoke({ invocationId, functionId, triggerName, http: toRpcHttpIn(req, params, undefined), params, stream: true });
  if (r.error) {
    proxyReq?.destroy();
    return failed(o, res, name, invocationId, r.error);
  }
  if (!r.http) {
    proxyReq?.destroy();
    res.statusCode = 204;
    res.end();
    return;
  }
  const pr = await proxied;
  res.statusCode = pr.statusCode ?? 200;
  for (const [k, v] of Object.entries(pr.headers)) if (v !== undefined && !['connection', 'keep-alive', 'transfer-encoding'].includes(k)) res.setHeader(k, v);
  pr.pipe(res);
}
