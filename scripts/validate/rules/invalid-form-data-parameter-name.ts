import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';

/** formData parameter names are US-ASCII. */
export const rule: Rule = {
  id: 'InvalidFormDataParameterName',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'formData parameter names are US-ASCII.',
  check(ctx) {
    const seen = new Set<string>();
    for (const o of ctx.operations)
      for (const p of operationParams(ctx.swagger, o)) {
        if (seen.has(p.targetPointer) || p.param.in !== 'formData') continue;
        seen.add(p.targetPointer);
        // eslint-disable-next-line no-control-regex -- the US-ASCII range starts at \x00 by definition
        if (typeof p.param.name === 'string' && /[^\x00-\x7f]/.test(p.param.name))
          ctx.report({ message: `The form data parameter name '${p.param.name}' is invalid. All characters must be part of the US-ASCII character set.`, pointer: p.pointer });
      }
  },
};
