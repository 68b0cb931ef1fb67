import type { Rule } from '../types';

/** No two operations with the same method have indistinguishable path templates (same static segments). */
export const rule: Rule = {
  id: 'DuplicateOperationPath',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'No two operations with the same method have indistinguishable path templates (same static segments).',
  check(ctx) {
    const seen = new Map<string, { id: string; path: string }>();
    for (const o of ctx.operations) {
      // Templates differing only in variable names route identically (a trailing slash is a difference: Oneflow, StaffCircle).
      const key = `${o.method} ${o.path.toLowerCase().replace(/\{[^{}]+\}/g, '{}')}`;
      const first = seen.get(key);
      const id = String(o.op.operationId ?? o.path);
      if (first && first.path.toLowerCase() !== o.path.toLowerCase())
        ctx.report({ message: `The operations '${first.id}' and '${id}' have the path templates '${first.path}' and '${o.path}' which are duplicate and indistinguishable.`, pointer: o.pointer });
      else if (!first) seen.set(key, { id, path: o.path });
    }
  },
};
