import type { Rule } from '../types';
import { isObj, operationParams, type ParamRef } from '../swagger-walk';
import { ptr } from '../pointer';
import type { OperationRef, RuleContext } from '../types';
/** A webhook trigger (x-ms-trigger, not polling, not GET) has a body property marked x-ms-notification-url. */
export const rule: Rule = {
  id: 'WebhookOperationsMissingNotificationUrlProperty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "A webhook trigger (x-ms-trigger, not polling, not GET) has a body property marked x-ms-notification-url.",
  check(ctx) {
    for (const o of ctx.operations) {
      if (!isWebhook(o)) continue;
      if (notificationUrlProps(ctx, operationParams(ctx.swagger, o)).length === 0) ctx.report({ message: `The webhook operation '${String(o.op.operationId ?? o.path)}' is missing notification URL property (a body property with "x-ms-notification-url": true, internal and required).`, pointer: o.pointer });
    }
  },
};

/** A webhook registration: a trigger that is not a polling trigger and not a GET. */
export function isWebhook(o: OperationRef): boolean {
  const meta = o.op['x-ms-trigger-metadata'];
  return o.op['x-ms-trigger'] !== undefined && o.method !== 'get' && !(isObj(meta) && meta.mode === 'polling');
}

/** Pointers of schema properties marked x-ms-notification-url in an operation's inputs (refs followed). */
export function notificationUrlProps(ctx: RuleContext, params: ParamRef[]): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (s: unknown, pointer: string, depth: number) => {
    if (depth > 32 || !isObj(s)) return;
    if (typeof s.$ref === 'string') {
      if (seen.has(s.$ref)) return;
      seen.add(s.$ref);
      return walk(ctx.resolveRef(s.$ref), s.$ref.slice(1), depth + 1);
    }
    if (s['x-ms-notification-url'] === true) out.push(pointer);
    if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) walk(v, ptr(pointer, 'properties', k), depth + 1);
    if (isObj(s.items)) walk(s.items, ptr(pointer, 'items'), depth + 1);
    if (Array.isArray(s.allOf)) s.allOf.forEach((v, i) => walk(v, ptr(pointer, 'allOf', i), depth + 1));
  };
  for (const p of params) {
    if (p.param['x-ms-notification-url'] === true) out.push(p.pointer);
    walk(p.param.schema, ptr(p.targetPointer, 'schema'), 0);
  }
  return out;
}
