import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** No parameter is named 'connectionId' (reserved by the platform). */
export const rule: Rule = {
  id: 'ConnectionIdParameterNotAllowed',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "No parameter is named 'connectionId' (reserved by the platform).",
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations) {
      for (const p of operationParams(ctx.swagger, o)) {
        if (typeof p.param.name === 'string' && p.param.name.toLowerCase() === 'connectionid' && !seen.has(p.pointer)) {
          seen.add(p.pointer);
          ctx.report({ message: "A parameter cannot be named as 'connectionId'.", pointer: p.pointer });
        }
      }
    }
  },
};
