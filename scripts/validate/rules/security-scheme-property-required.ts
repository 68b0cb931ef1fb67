import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** Security definitions carry the properties their type needs (apiKey: name, in; oauth2: flow plus authorizationUrl/tokenUrl per flow). */
export const rule: Rule = {
  id: 'SecuritySchemePropertyRequired',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Security definitions carry the properties their type needs (apiKey: name, in; oauth2: flow plus authorizationUrl/tokenUrl per flow).',
  check(ctx) {
    const defs = ctx.swagger?.securityDefinitions;
    if (!isObj(defs)) return;
    for (const [name, d] of Object.entries(defs)) {
      if (!isObj(d)) continue;
      const need: string[] =
        d.type === 'apiKey'
          ? ['name', 'in']
          : d.type === 'oauth2'
            ? [
                'flow',
                ...(d.flow === 'implicit' || d.flow === 'accessCode' ? ['authorizationUrl'] : []),
                ...(d.flow === 'password' || d.flow === 'application' || d.flow === 'accessCode' ? ['tokenUrl'] : []),
              ]
            : [];
      for (const k of need)
        if (d[k] === undefined)
          ctx.report({ message: `The security definition property '${k}' is required for definitions of type '${String(d.type)}' ('${name}').`, pointer: ptr('/securityDefinitions', name) });
    }
  },
};
