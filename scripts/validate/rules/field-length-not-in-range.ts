import type { Rule } from '../types';

/** info.description is 30 to 500 characters. */
export const rule: Rule = {
  id: 'FieldLengthNotInRange',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'info.description is 30 to 500 characters.',
  check(ctx) {
    const d = (ctx.swagger?.info as Record<string, unknown> | undefined)?.description;
    if (typeof d !== 'string') ctx.report({ message: "The 'description' property is required.", pointer: '/info' });
    else if (d.length < 30 || d.length > 500) ctx.report({ message: `The 'description' value must be between '30' and '500' characters (it has ${d.length}).`, pointer: '/info/description' });
  },
};
