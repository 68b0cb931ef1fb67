import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { CERTIFICATION_ONLY } from './evidence';

/** GET operations have no body or formData parameter. */
export const rule: Rule = {
  id: 'BodyOrFormDataParameterInFetchOperationNotAllowed',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 2, docs: CERTIFICATION_ONLY },
  file: 'apiDefinition.swagger.json',
  description: 'GET operations have no body or formData parameter (an error at --level certification; a warning at platform level).',
  check(ctx) {
    for (const o of ctx.operations) {
      if (o.method !== 'get') continue;
      for (const p of operationParams(ctx.swagger, o)) {
        if (p.param.in === 'body' || p.param.in === 'formData')
          ctx.report({ message: `Body or form data parameters are not supported in a fetch (GET) operation ('${String(p.param.name)}' in ${o.path}).`, pointer: p.pointer });
      }
    }
  },
};
