import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { isWebhook } from '../notification-url';

/** x-ms-notification is not defined on a webhook operation. */
export const rule: Rule = {
  id: 'NotificationExtensionNotSupportedInWebhookOperation',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'x-ms-notification is not defined on a webhook operation.',
  check(ctx) {
    for (const o of ctx.operations) {
      if (isObj(o.op['x-ms-notification']) && isWebhook(o))
        ctx.report({ message: "The 'x-ms-notification' extension must not be defined in a webhook operation.", pointer: ptr(o.pointer, 'x-ms-notification') });
    }
  },
};
