/**
 * The routing table of the local host. Copies the Functions host (docs/local-host.md):
 * template = `{routePrefix}/{route ?? functionName}`; functions ordered by name, ordinal case-insensitive
 * (FunctionMetadataManager's OrderBy), first match wins; the method is a route constraint, so a known path with
 * the wrong method falls through and ends as 404 (not 405); HEAD is not implied by GET.
 */
import { CkError, type ErrorDetail } from '../core/errors';
import { compareOrdinalIgnoreCase, isReservedRoute, isValidFunctionName } from '../core/host-rules';
import { compileRoute, type CompiledRoute } from './route-template';
import type { FunctionInfo, RegisteredFunction } from './types';
import './codes';

export interface RouteEntry {
  info: FunctionInfo;
  functionId: string;
  triggerName: string;
  compiled: CompiledRoute;
}

export interface RouteTable {
  entries: RouteEntry[];
  /** Non-HTTP functions (indexed, not served). */
  others: FunctionInfo[];
  /** First entry whose template and method match. */
  match(method: string, path: string): { entry: RouteEntry; params: Record<string, string> } | undefined;
}

export { compareOrdinalIgnoreCase };

/**
 * Builds the table and applies the host's validation (ScriptHost.ValidateFunction / ValidateHttpFunction).
 * Azure disables an invalid function and keeps going; we fail loudly so the problem shows before deploy.
 */
export function buildRouteTable(functions: RegisteredFunction[], routePrefix: string, baseUrl: string): RouteTable {
  const details: ErrorDetail[] = [];
  const entries: RouteEntry[] = [];
  const others: FunctionInfo[] = [];
  const seenNames = new Map<string, string>();
  const sorted = [...functions].sort((a, b) => compareOrdinalIgnoreCase(a.name, b.name));
  for (const f of sorted) {
    if (!isValidFunctionName(f.name)) {
      details.push({
        code: 'CK_HOST_FUNCTION_INVALID',
        target: f.name,
        message: `Function name "${f.name}" is invalid: it must match ^[a-z][a-z0-9_-]{0,127}$ (case-insensitive) and must not be "host".`,
      });
    }
    const lower = f.name.toLowerCase();
    if (seenNames.has(lower))
      details.push({ code: 'CK_HOST_FUNCTION_INVALID', target: f.name, message: `Function name "${f.name}" is not unique (also "${seenNames.get(lower)}"); names are case-insensitive.` });
    seenNames.set(lower, f.name);
    const trig = Object.entries(f.bindings).find(([, b]) => typeof b.type === 'string' && /trigger$/i.test(b.type));
    if (!trig) {
      details.push({ code: 'CK_HOST_FUNCTION_INVALID', target: f.name, message: `Function "${f.name}" has no trigger binding.` });
      continue;
    }
    const [triggerName, t] = trig;
    const methods = (t.methods ?? []).map((m) => String(m).toUpperCase());
    const route = typeof t.route === 'string' && t.route.trim() !== '' ? t.route : f.name;
    const authLevel = String(t.authLevel ?? 'anonymous').toLowerCase() as FunctionInfo['authLevel'];
    const fullTemplate = routePrefix ? `${routePrefix}/${route.replace(/^\/+/, '')}` : route;
    const info: FunctionInfo = { name: f.name, trigger: t.type, methods, route, url: `${baseUrl}/${fullTemplate.replace(/^\/+/, '')}`, authLevel };
    if (t.type.toLowerCase() !== 'httptrigger') {
      others.push(info);
      continue;
    }
    if (typeof t.route === 'string' && isReservedRoute(t.route)) {
      details.push({
        code: 'CK_HOST_FUNCTION_INVALID',
        target: f.name,
        message: `The route "${t.route}" of function "${f.name}" conflicts with the host's built-in routes (routes may not start with "admin" or "runtime").`,
      });
      continue;
    }
    if (!['anonymous', 'function', 'admin'].includes(authLevel)) {
      details.push({ code: 'CK_HOST_FUNCTION_INVALID', target: f.name, message: `Function "${f.name}" has an unknown authLevel "${t.authLevel}" (anonymous, function or admin).` });
    }
    let compiled: CompiledRoute;
    try {
      compiled = compileRoute(fullTemplate, f.name);
    } catch (e) {
      details.push({ code: 'CK_HOST_ROUTE_INVALID', target: f.name, message: (e as Error).message });
      continue;
    }
    const key = fullTemplate.replace(/^\/+|\/+$/g, '').toLowerCase();
    const clash = entries.find(
      (e) => e.compiled.template.replace(/^\/+|\/+$/g, '').toLowerCase() === key && (e.info.methods.length === 0 || methods.length === 0 || e.info.methods.some((m) => methods.includes(m))),
    );
    if (clash) {
      details.push({
        code: 'CK_HOST_FUNCTION_INVALID',
        target: f.name,
        message: `The route "${route}" of function "${f.name}" conflicts with the route defined by function "${clash.info.name}" (same template, overlapping methods).`,
      });
      continue;
    }
    entries.push({ info, functionId: f.id, triggerName, compiled });
  }
  if (details.length) {
    throw new CkError({
      code: details.some((d) => d.code === 'CK_HOST_ROUTE_INVALID') && details.every((d) => d.code === 'CK_HOST_ROUTE_INVALID') ? 'CK_HOST_ROUTE_INVALID' : 'CK_HOST_FUNCTION_INVALID',
      message: `${details.length} function(s) would be rejected by the Functions host: ${details.map((d) => d.message).join(' ')}`,
      details,
    });
  }
  return {
    entries,
    others,
    match(method, path) {
      const m = method.toUpperCase();
      for (const entry of entries) {
        if (entry.info.methods.length && !entry.info.methods.includes(m)) continue;
        const params = entry.compiled.match(path);
        if (params) return { entry, params };
      }
      return undefined;
    },
  };
}
