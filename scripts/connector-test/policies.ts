/**
 * The request-side policy templates of apiProperties.json applied as the connector gateway applies them: setheader,
 * setqueryparameter, routerequesttoendpoint and dynamichosturl (parameters `x-ms-apimTemplateParameter.*`, scoped by
 * `x-ms-apimTemplate-operationName`, section `x-ms-apimTemplate-policySection`). Values may use the template
 * expressions @connectionParameters('name'[, 'default']), @queryParameters('q'), @headers('h') / @header('h') and
 * @Request.OriginalHTTPMethod. Other templates are reported, not silently ignored.
 */
import type { Obj } from './types';

export const APPLIED_TEMPLATES = ['setheader', 'setqueryparameter', 'routerequesttoendpoint', 'dynamichosturl'];

/** The request as it is being built: a mutable URL (path and query), headers and method. */
export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Path parameter values by name (for {param} in routerequesttoendpoint's newPath). */
  pathValues: Record<string, string>;
}

/** Evaluates the template expressions in a policy parameter value. */
export function evaluate(template: string, req: OutgoingRequest, connection: Record<string, string>): string {
  return template
    .replace(/@connectionParameters\('([^']+)'(?:\s*,\s*'([^']*)')?\)/g, (_m, n: string, d?: string) => connection[n] ?? d ?? '')
    .replace(/@queryParameters\('([^']+)'\)/g, (_m, n: string) => req.url.searchParams.get(n) ?? '')
    .replace(/@headers?\('([^']+)'\)/g, (_m, n: string) => req.headers[n.toLowerCase()] ?? '')
    .replace(/@Request\.OriginalHTTPMethod/g, req.method.toUpperCase());
}

function appliesTo(p: Obj, operationId: string): boolean {
  const ops = p.parameters?.['x-ms-apimTemplate-operationName'] as string[] | undefined;
  const section = String(p.parameters?.['x-ms-apimTemplate-policySection'] ?? 'Request');
  return section === 'Request' && (!ops || ops.length === 0 || ops.includes(operationId));
}

/** Applies every request policy for `operationId`; returns the templates it could not apply (for a warning). */
export function applyPolicies(policies: Obj[], operationId: string, req: OutgoingRequest, connection: Record<string, string>, basePath: string): string[] {
  const skipped: string[] = [];
  for (const p of policies) {
    if (!appliesTo(p, operationId)) continue;
    const param = (k: string) => p.parameters?.[`x-ms-apimTemplateParameter.${k}`] as string | undefined;
    switch (p.templateId) {
      case 'setheader': {
        const name = String(param('name')).toLowerCase();
        const value = evaluate(String(param('value') ?? ''), req, connection);
        const action = param('existsAction') ?? 'override';
        if (req.headers[name] === undefined || action === 'override') req.headers[name] = value;
        else if (action === 'append') req.headers[name] = `${req.headers[name]}, ${value}`;
        break;
      }
      case 'setqueryparameter': {
        const name = String(param('name'));
        const value = evaluate(String(param('value') ?? ''), req, connection);
        const action = param('existsAction') ?? 'override';
        if (!req.url.searchParams.has(name) || action === 'override') req.url.searchParams.set(name, value);
        else if (action === 'append') req.url.searchParams.append(name, value);
        break;
      }
      case 'routerequesttoendpoint': {
        // newPath is relative to the definition's basePath; {param} takes the operation's path values.
        const newPath = String(param('newPath') ?? '').replace(/\{([^}]+)\}/g, (_m, n: string) => encodeURIComponent(req.pathValues[n] ?? ''));
        req.url.pathname = `${basePath.replace(/\/+$/, '')}/${newPath.replace(/^\/+/, '')}`;
        const method = param('httpMethod');
        if (method) req.method = evaluate(method, req, connection).toLowerCase();
        break;
      }
      case 'dynamichosturl': {
        // The whole scheme://host/basePath is replaced by the evaluated template; the operation path is kept.
        const base = evaluate(String(param('urlTemplate') ?? ''), req, connection).replace(/\/+$/, '');
        const rest = req.url.pathname.slice(basePath.replace(/\/+$/, '').length);
        const next = new URL(`${/^https?:\/\//.test(base) ? base : `https://${base}`}${rest}`);
        next.search = req.url.search;
        req.url = next;
        break;
      }
      default:
        skipped.push(String(p.templateId));
    }
  }
  return skipped;
}
