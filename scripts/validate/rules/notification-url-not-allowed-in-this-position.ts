import type { Rule } from '../types';
import { isObj, walkSchemas, operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-notification-url appears only in an input body (not on response schemas or non-body parameters). */
export const rule: Rule = {
  id: 'NotificationUrlNotAllowedInThisPosition',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description:
    'x-ms-notification-url appears only in an input body, not on response schemas or non-body parameters (a warning when the response reaches it through a $ref into #/definitions: merged Tikit does that).',
  check(ctx) {
    const msg = 'The notification URL property is not allowed in this position. It is allowed only in input body.';
    // Notification URLs in output schemas are misplaced. Reached through a $ref into #/definitions they are a
    // warning: Tikit (merged) returns its registration definition, notification URL included.
    const collect = (role: 'input' | 'output'): Map<string, boolean> => {
      const found = new Map<string, boolean>();
      const seen = new Set<string>();
      const walk = (s: unknown, pointer: string, depth: number, viaRef: boolean) => {
        if (depth > 32 || !isObj(s)) return;
        if (typeof s.$ref === 'string') {
          if (seen.has(s.$ref)) return;
          seen.add(s.$ref);
          return walk(ctx.resolveRef(s.$ref), s.$ref.slice(1), depth + 1, true);
        }
        if (s['x-ms-notification-url'] === true) found.set(ptr(pointer, 'x-ms-notification-url'), viaRef);
        if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) walk(v, ptr(pointer, 'properties', k), depth + 1, viaRef);
        if (isObj(s.items)) walk(s.items, ptr(pointer, 'items'), depth + 1, viaRef);
        if (Array.isArray(s.allOf)) s.allOf.forEach((v, i) => walk(v, ptr(pointer, 'allOf', i), depth + 1, viaRef));
      };
      walkSchemas(ctx.swagger, (s) => {
        if (s.role === role && s.depth === 0) walk(s.schema, s.pointer, 0, false);
      });
      return found;
    };
    const inputs = collect('input');
    for (const [p, viaRef] of collect('output')) if (!inputs.has(p)) ctx.report({ message: msg, pointer: p, severity: viaRef ? 'warning' : 'error' });
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in !== 'body' && p.param['x-ms-notification-url'] === true) ctx.report({ message: msg, pointer: ptr(p.pointer, 'x-ms-notification-url') });
      }
    }
  },
};
