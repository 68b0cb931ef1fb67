import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Security definitions carry no property that is invalid for their type (e.g. flow on apiKey, name on oauth2). */
export const rule: Rule = {
  id: 'SecuritySchemePropertyNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Security definitions carry no property that is invalid for their type (e.g. flow on apiKey, name on oauth2).',
  check(ctx) {
    const defs = ctx.swagger?.securityDefinitions;
    if (!isObj(defs)) return;
    const allowed: Record<string, string[]> = {
      basic: ['type', 'description'],
      apiKey: ['type', 'description', 'name', 'in'],
      oauth2: ['type', 'description', 'flow', 'authorizationUrl', 'tokenUrl', 'scopes'],
    };
    for (const [name, d] of Object.entries(defs)) {
      if (!isObj(d) || typeof d.type !== 'string' || !allowed[d.type]) continue;
      for (const k of Object.keys(d))
        if (!k.startsWith('x-') && !allowed[d.type]!.includes(k))
          ctx.report({ message: `The security definition property '${k}' is not valid for definitions of type '${d.type}' ('${name}').`, pointer: ptr('/securityDefinitions', name, k) });
    }
  },
};
