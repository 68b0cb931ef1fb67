/**
 * Webhook helpers for the notification-URL rules: which operations register webhooks, and every property marked
 * `x-ms-notification-url` in an operation's inputs with the facts the rules check along its chain (refs followed).
 */
import { isObj, type ParamRef } from './swagger-walk';
import { ptr } from './pointer';
import type { OperationRef, RuleContext } from './types';

/** A webhook registration: a trigger that is not a polling trigger and not a GET. */
export function isWebhook(o: OperationRef): boolean {
  const meta = o.op['x-ms-trigger-metadata'];
  return o.op['x-ms-trigger'] !== undefined && o.method !== 'get' && !(isObj(meta) && meta.mode === 'polling');
}

/** One notification-URL property. */
export interface NotificationUrlProp {
  /** Pointer of the property schema (or of the parameter when the parameter itself is marked). */
  pointer: string;
  schema: Record<string, unknown>;
  /** The parameter that carries it. */
  param: ParamRef;
  /** The property itself or a parent (including the parameter) is x-ms-visibility internal. */
  internal: boolean;
  /** Every property along the schema chain is required (the body parameter's own flag is not part of the chain: absentify). */
  requiredChain: boolean;
}

/** Every notification-URL property in an operation's parameters. */
export function notificationUrlProps(ctx: RuleContext, params: ParamRef[]): NotificationUrlProp[] {
  const out: NotificationUrlProp[] = [];
  for (const p of params) {
    const paramInternal = p.param['x-ms-visibility'] === 'internal';
    if (p.param['x-ms-notification-url'] === true) out.push({ pointer: p.pointer, schema: p.param, param: p, internal: paramInternal, requiredChain: p.param.required === true });
    const seen = new Set<string>();
    const walk = (s: unknown, pointer: string, depth: number, internal: boolean, required: boolean) => {
      if (depth > 32 || !isObj(s)) return;
      if (typeof s.$ref === 'string') {
        if (seen.has(s.$ref)) return;
        seen.add(s.$ref);
        walk(ctx.resolveRef(s.$ref), s.$ref.slice(1), depth + 1, internal, required);
        seen.delete(s.$ref);
        return;
      }
      const here = internal || s['x-ms-visibility'] === 'internal';
      if (s['x-ms-notification-url'] === true && depth > 0) out.push({ pointer, schema: s, param: p, internal: here, requiredChain: required });
      const req = Array.isArray(s.required) ? s.required : [];
      if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) walk(v, ptr(pointer, 'properties', k), depth + 1, here, required && req.includes(k));
      if (Array.isArray(s.allOf)) s.allOf.forEach((v, i) => walk(v, ptr(pointer, 'allOf', i), depth + 1, here, required));
    };
    if (isObj(p.param.schema)) walk(p.param.schema, ptr(p.targetPointer, 'schema'), 0, paramInternal, true);
  }
  return out;
}
