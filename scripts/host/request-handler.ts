/**
 * One HTTP request through the local host, in the Functions host's order (docs/local-host.md):
 * Host check → URL limit → CORS preflight → route match (function-name order, method as a constraint) → key check
 * (only with enableAuth, as Core Tools) → body limit → invoke in the app worker → map the result (none → 204,
 * failure → 500). host.json customHeaders are added when the response starts, only where the function did not set
 * the header (CustomHttpHeadersMiddleware's TryAdd in OnStarting). Host-made errors carry our JSON error body
 * (Azure's are empty): see docs/local-host.md "Where the local host differs from Azure". Until the first load finishes
 * every request gets 503 CK_HOST_NOT_READY; nothing a request does can throw out of the listener.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { CkCode } from '../core/code-registry';
import { CkError } from '../core/errors';
import type { IoHost } from '../core/io';
import { toErrorBody } from '../runtime/error-body';
import { escapeForLog, safeLogText } from '../runtime/log-text';
import { readBodyInto, drainCounting, limitStream } from './body';
import { applyCors, handlePreflight, type CorsPolicy } from './cors';
import { serveDocs } from './docs';
import type { HostCheck } from './host-header';
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
  /** undefined until the first load finished. */
  current(): LoadedApp | undefined;
  io: IoHost;
  enableAuth: boolean;
  keys: HostKeys;
  specFile?: string;
  docs?: DocsOptions;
  /** e.g. 127.0.0.1:7071, for URLs when a client sends no Host header. */
  hostLabel(): string;
  /** The Host header check (host-header.ts). */
  checkHost(value: string): HostCheck;
  closing(): boolean;
}

/** Azure documents a 4 KB URL limit ("Limits"); we answer 414 rather than 404 so the cause is visible. */
export const MAX_URL_BYTES = 4096;

function sendError(res: http.ServerResponse, code: CkCode, message?: string, headers: Record<string, string> = {}): void {
  const e = new CkError({ code, message });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = e.httpStatus;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(toErrorBody(e)));
}

/** 413 naming the limit; the connection closes because the rest of the body is not read. */
function tooLarge(res: http.ServerResponse, limit: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.setHeader('connection', 'close');
  sendError(res, 'CK_HOST_BODY_TOO_LARGE', `The request body is larger than ${limit} bytes, the limit of this host (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT).`);
}

/** Request.Path semantics: percent-decoded except %2F, which stays encoded so it cannot split segments. */
export function decodePath(raw: string): string {
  try {
    return raw
      .split(/%2F/i)
      .map((p) => decodeURIComponent(p))
      .join('%2F');
  } catch {
    return raw;
  }
}

const LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug'> = { critical: 'error', error: 'error', warning: 'warn', information: 'info', debug: 'debug', trace: 'debug' };
export const ioLevel = (rpcLevel: string) => LEVELS[rpcLevel.toLowerCase()] ?? 'info';

export function createRequestHandler(o: HandlerOptions): http.RequestListener {
  return (req, res) => {
    try {
      onRequest(o, req, res);
    } catch (e) {
      hostError(o, req, res, e);
    }
  };
}

/** Last resort: log (path only, escaped) and answer 500 if nothing was sent; never throws. */
function hostError(o: HandlerOptions, req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void {
  try {
    o.io.log({ level: 'error', message: `Host error on ${escapeForLog(req.method)} ${escapeForLog(pathOf(req.url))}: ${safeLogText(String((e as Error)?.message ?? e))}`, code: 'CK_INTERNAL' });
    if (!res.headersSent) sendError(res, 'CK_INTERNAL', 'The local host failed to handle the request.');
    else res.destroy();
  } catch {
    res.destroy();
  }
}

const pathOf = (url: string | undefined) => (url ?? '/').split('?')[0]!;

function onRequest(o: HandlerOptions, req: http.IncomingMessage, res: http.ServerResponse): void {
  const t0 = process.hrtime.bigint();
  const app = o.current();
  const rawUrl = req.url ?? '/';
  const rawPath = pathOf(rawUrl);
  const writeHead = res.writeHead;
  // Node calls writeHead for every response (also implicitly from end()), so this is the OnStarting moment.
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    for (const [k, v] of Object.entries(app?.customHeaders ?? {})) if (!this.hasHeader(k)) this.setHeader(k, v);
    if (o.closing()) this.setHeader('connection', 'close');
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  // One line per request; never the query (it may carry ?code=) and never headers; request values escaped.
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const method = escapeForLog(req.method);
    const p = escapeForLog(rawPath);
    o.io.log({ level: 'info', message: `${method} ${p} ${res.statusCode} ${ms.toFixed(0)}ms`, data: { method, path: p, status: res.statusCode, ms: Math.round(ms) } });
  });
  const host = req.headers.host;
  let authority = o.hostLabel();
  if (host !== undefined) {
    const check = o.checkHost(host);
    if (!check.ok)
      return sendError(
        res,
        check.code,
        check.code === 'CK_HOST_HOST_NOT_ALLOWED' ? 'The Host header names a host this local host does not serve (only loopback names and serve.allowedHosts).' : undefined,
      );
    authority = check.host;
  }
  if (!app) return sendError(res, 'CK_HOST_NOT_READY', undefined, { 'retry-after': '1' });
  void handle(o, app, req, res, rawUrl, rawPath, authority).catch((e) => hostError(o, req, res, e));
}

async function handle(o: HandlerOptions, app: LoadedApp, req: http.IncomingMessage, res: http.ServerResponse, rawUrl: string, rawPath: string, authority: string): Promise<void> {
  if (Buffer.byteLength(rawUrl) > MAX_URL_BYTES) return sendError(res, 'CK_HOST_URL_TOO_LONG');
  if (handlePreflight(app.cors, req, res)) return;
  applyCors(app.cors, req, res);
  const path = decodePath(rawPath);
  const search = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?')) : '');
  const base = app.routePrefix ? `/${app.routePrefix}` : '';
  const method = req.method ?? 'GET';
  const hit = app.table.match(method, path);
  if (!hit) {
    if (serveDocs(req, res, path, base, o.specFile, o.docs, authority)) return;
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
  if (declared !== undefined && declared > app.maxBodyBytes) return tooLarge(res, app.maxBodyBytes);
  if (streamUri) return invokeStreamed(o, app, req, res, entry.functionId, entry.triggerName, entry.info.name, params, invocationId, streamUri, authority);

  let body: Uint8Array | undefined;
  if (declared !== undefined && declared > 0) {
    // One buffer of the declared size, filled as chunks arrive and then moved (not copied) to the app worker.
    const b = await readBodyInto(req, declared);
    if (!b) return; // the client went away mid-body
    body = b;
  } else if (req.headers['transfer-encoding']) {
    // Buffered mode on Azure sends a body only when Content-Length > 0 (host #7930): a chunked body arrives empty,
    // so it is only counted, never kept.
    const n = await drainCounting(req, app.maxBodyBytes);
    if (n > app.maxBodyBytes) return tooLarge(res, app.maxBodyBytes);
    if (n > 0)
      o.io.log({
        level: 'warn',
        message: `${entry.info.name}: a chunked request body (no Content-Length) reaches the function EMPTY, as on Azure in buffered mode; send Content-Length or enable HTTP streaming.`,
      });
  }
  const r = await app.worker.invoke({ invocationId, functionId: entry.functionId, triggerName: entry.triggerName, http: toRpcHttpIn(req, params, body, authority), params, stream: false });
  if (r.error) return failed(o, res, entry.info.name, invocationId, r.error);
  if (!r.http) {
    res.statusCode = 204; // no return value → ObjectResult(null) → 204 (§3.4)
    res.end();
    return;
  }
  writeRpcHttpOut(res, r.http);
}

function failed(o: HandlerOptions, res: http.ServerResponse, name: string, invocationId: string, error: { message: string; stack?: string }): void {
  // The message may quote the request (a URL, a body snippet): escaped, queries and credentials removed.
  o.io.log({
    level: 'error',
    message: `Executed '${name}' (Failed, Id=${invocationId}): ${safeLogText(error.message)}`,
    code: 'CK_HOST_FUNCTION_FAILED',
    data: { stack: error.stack === undefined ? undefined : safeLogText(error.stack, { multiline: true }) },
  });
  sendError(res, 'CK_HOST_FUNCTION_FAILED', `Function '${name}' failed (invocation ${invocationId}): ${error.message}`);
}

/**
 * Stream mode (app.setup({enableHttpStream:true})): forward the raw request to the library's proxy (§1.6). The body
 * flows through a counter, so a chunked upload over the limit is cut off with 413 while it streams.
 */
async function invokeStreamed(
  o: HandlerOptions,
  app: LoadedApp,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  functionId: string,
  triggerName: string,
  name: string,
  params: Record<string, string>,
  invocationId: string,
  streamUri: string,
  authority: string,
): Promise<void> {
  let proxyReq: http.ClientRequest | undefined;
  let overLimit = false;
  const proxied = new Promise<http.IncomingMessage>((resolve, reject) => {
    proxyReq = http.request(
      new URL(req.url ?? '/', streamUri),
      { method: req.method, headers: { ...req.headers, host: authority, 'x-ms-invocation-id': invocationId, 'x-forwarded-host': authority, 'x-forwarded-proto': 'http' } },
      resolve,
    );
    proxyReq.on('error', reject);
    limitStream(req, app.maxBodyBytes, () => {
      overLimit = true;
      proxyReq?.destroy();
      tooLarge(res, app.maxBodyBytes);
    }).pipe(proxyReq);
  });
  proxied.catch(() => undefined);
  const r = await app.worker.invoke({ invocationId, functionId, triggerName, http: toRpcHttpIn(req, params, undefined, authority), params, stream: true });
  if (overLimit) return; // answered with 413 already; the function saw an aborted body
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
