import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-notification is used on trigger operations only. */
export const rule: Rule = {
  id: 'NotificationExtensionSupportedForTriggerOnly',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'x-ms-notification is used on trigger operations only.',
  check(ctx) {
    for (const o of ctx.operations) {
      if (isObj(o.op['x-ms-notification']) && o.op['x-ms-trigger'] === undefined)
        ctx.report({ message: "The 'x-ms-notification' is supported for trigger operations only.", pointer: ptr(o.pointer, 'x-ms-notification') });
    }
  },
};
