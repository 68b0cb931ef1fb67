import type { Rule } from '../types';

/** `basePath` starts with "/". */
export const rule: Rule = {
  id: 'BasePathNotValid',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: '`basePath` starts with "/".',
  check(ctx) {
    const b = ctx.swagger?.basePath;
    if (b !== undefined && (typeof b !== 'string' || !b.startsWith('/')))
      ctx.report({ message: `The 'basePath' property, if present, must start with a '/' character (got ${JSON.stringify(b)}).`, pointer: '/basePath' });
  },
};
