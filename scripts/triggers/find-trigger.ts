/** Finds a trigger operation in a built Swagger 2.0 spec by operationId. */
import { CkError } from '../core/errors';
import './codes';

export interface TriggerOperation {
  operationId: string;
  kind: 'webhook' | 'polling';
  method: string;
  /** Path relative to basePath, e.g. `/employee-events/added`. */
  path: string;
  summary?: string;
  /** Webhook: the body property marked x-ms-notification-url. */
  callbackProperty?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a built Swagger document, read by key
type Json = Record<string, any>;

export function listTriggers(spec: Json): TriggerOperation[] {
  const out: TriggerOperation[] = [];
  for (const [p, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || !op || !('x-ms-trigger' in op)) continue;
      const kind = op['x-ms-trigger'] === 'single' ? 'webhook' : 'polling';
      const t: TriggerOperation = { operationId: op.operationId, kind, method: method.toUpperCase(), path: p, summary: op.summary };
      if (kind === 'webhook') t.callbackProperty = callbackPropertyOf(spec, op) ?? 'callbackUrl';
      out.push(t);
    }
  }
  return out.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

function callbackPropertyOf(spec: Json, op: Json): string | undefined {
  const body = (op.parameters as Json[] | undefined)?.find((p) => p.in === 'body');
  let schema = body?.schema as Json | undefined;
  if (schema?.$ref) schema = spec.definitions?.[decodeURIComponent(String(schema.$ref).replace('#/definitions/', ''))];
  return Object.entries((schema?.properties ?? {}) as Record<string, Json>).find(([, s]) => s['x-ms-notification-url'] === true)?.[0];
}

export function findTrigger(spec: Json, operationId: string): TriggerOperation {
  const all = listTriggers(spec);
  const hit = all.find((t) => t.operationId.toLowerCase() === operationId.toLowerCase());
  if (!hit) {
    const names = all.map((t) => `${t.operationId} (${t.kind}${t.summary ? `: ${t.summary}` : ''})`).join(', ') || 'none';
    throw new CkError({ code: 'CK_TRIGGER_NOT_FOUND', message: `No trigger operation '${operationId}' in the spec. Triggers: ${names}.` });
  }
  return hit;
}
