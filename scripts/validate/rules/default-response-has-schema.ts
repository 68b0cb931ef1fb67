import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** The 'default' response has no schema. */
export const rule: Rule = {
  id: 'DefaultResponseHasSchema',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  file: 'apiDefinition.swagger.json',
  description: "The 'default' response has no schema (an error at --level certification; a warning at platform level because merged connectors such as Tikit, absentify, dox42 and Telephony-Xtended-Service have it).",
  check(ctx) {
    for (const o of ctx.operations) {
      const r = isObj(o.op.responses) ? ctx.deref(o.op.responses.default) : undefined;
      if (isObj(r) && r.schema !== undefined) ctx.report({ message: "The 'default' response should not have schema definition. Schemas should be defined on expected responses only.", pointer: ptr(o.pointer, 'responses', 'default', 'schema') });
    }
  },
};
