import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { CERTIFICATION_ONLY } from './evidence';

/** The 'default' response has no schema. */
export const rule: Rule = {
  id: 'DefaultResponseHasSchema',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 38, docs: `${CERTIFICATION_ONLY}; Learn "Certification submission" says the default response must have no schema` },
  file: 'apiDefinition.swagger.json',
  description: "The 'default' response has no schema (an error at --level certification; a warning at platform level: merged connectors have it).",
  check(ctx) {
    for (const o of ctx.operations) {
      const r = isObj(o.op.responses) ? ctx.deref(o.op.responses.default) : undefined;
      if (isObj(r) && r.schema !== undefined)
        ctx.report({
          message: "The 'default' response should not have schema definition. Schemas should be defined on expected responses only.",
          pointer: ptr(o.pointer, 'responses', 'default', 'schema'),
        });
    }
  },
};
