/**
 * local.settings.json Host.CORS as Core Tools applies it: ASP.NET `UseCors` with the listed origins (or any with
 * '*'), AllowAnyHeader, AllowAnyMethod and, with Host.CORSCredentials, AllowCredentials.
 * Only active when origins are configured. Preflights are answered before routing, as the middleware does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsPolicy {
  origins: string[];
  credentials: boolean;
}

function allowedOrigin(policy: CorsPolicy, origin: string): string | undefined {
  if (policy.origins.includes('*')) return policy.credentials ? origin : '*';
  const o = origin.toLowerCase().replace(/\/+$/, '');
  return policy.origins.some((a) => a.toLowerCase().replace(/\/+$/, '') === o) ? origin : undefined;
}

/** The headers every allowed CORS response carries, preflight or not. */
function setOriginHeaders(policy: CorsPolicy, allow: string, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', allow);
  if (policy.credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (allow !== '*') res.setHeader('Vary', 'Origin');
}

/** Adds CORS headers to a normal response. */
export function applyCors(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!policy.origins.length || !origin) return;
  const allow = allowedOrigin(policy, origin);
  if (allow) setOriginHeaders(policy, allow, res);
}

/** Answers a preflight (OPTIONS + Origin + Access-Control-Request-Method) and returns true; false otherwise. */
export function handlePreflight(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): boolean {
  const reqMethod = req.headers['access-control-request-method'];
  if (!policy.origins.length || req.method !== 'OPTIONS' || !req.headers.origin || !reqMethod) return false;
  const allow = allowedOrigin(policy, req.headers.origin);
  res.statusCode = 204;
  if (allow) {
    setOriginHeaders(policy, allow, res);
    res.setHeader('Access-Control-Allow-Methods', String(reqMethod));
    const reqHeaders = req.headers['access-control-request-headers'];
    if (reqHeaders) res.setHeader('Access-Control-Allow-Headers', String(reqHeaders));
  }
  res.end();
  return true;
}
