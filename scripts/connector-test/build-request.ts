/**
 * Turns an operation and its inputs (by parameter name) into the HTTP request the platform sends: path parameters
 * encoded per `x-ms-url-encoding` (single by default; double encodes the already-encoded value again), query and
 * header parameters, the JSON body, then the request policies.
 */
import type { ConnectorModel, ConnectorOperation, Obj } from './types';
import { applyPolicies, type OutgoingRequest } from './policies';

export interface BuiltRequest {
  req: OutgoingRequest;
  /** Required parameters without a value (the call is not made). */
  missing: string[];
  /** Policy templates that were not applied. */
  skippedPolicies: string[];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function buildRequest(model: ConnectorModel, op: ConnectorOperation, inputs: Obj, target: { baseUrl?: string; connectionParameters?: Record<string, string> }): BuiltRequest {
  const base = new URL(target.baseUrl ?? model.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const missing: string[] = [];
  const pathValues: Record<string, string> = {};
  let p = op.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  let body: string | undefined;
  for (const prm of op.params) {
    const v = inputs[prm.name] ?? prm.default;
    if (v === undefined) {
      if (prm.required) missing.push(prm.name);
      continue;
    }
    if (prm.in === 'path') {
      pathValues[prm.name] = str(v);
      const once = encodeURIComponent(str(v));
      p = p.split(`{${prm.name}}`).join(prm['x-ms-url-encoding'] === 'double' ? encodeURIComponent(once) : once);
    } else if (prm.in === 'query') {
      if (Array.isArray(v)) for (const x of v) query.append(prm.name, str(x));
      else query.set(prm.name, str(v));
    } else if (prm.in === 'header') headers[prm.name.toLowerCase()] = str(v);
    else if (prm.in === 'body') {
      body = JSON.stringify(v);
      headers['content-type'] = 'application/json';
    } else if (prm.in === 'formData') missing.push(`${prm.name} (formData is not supported by the runner)`);
  }
  const url = new URL(`${base.origin}${basePath}${p}`);
  url.search = query.toString();
  const req: OutgoingRequest = { method: op.method, url, headers, ...(body !== undefined ? { body } : {}), pathValues };
  const skippedPolicies = applyPolicies(model.policies, op.operationId, req, target.connectionParameters ?? {}, basePath);
  return { req, missing, skippedPolicies };
}
