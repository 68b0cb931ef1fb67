import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { isWebhook } from '../notification-url';
import { operationById } from '../dynamic';

/** x-ms-notification.operationId names a webhook operation. */
export const rule: Rule = {
  id: 'NotificationOperationMustBeWebhook',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'x-ms-notification.operationId names a webhook operation.',
  check(ctx) {
    for (const o of ctx.operations) {
      const n = o.op['x-ms-notification'];
      if (!isObj(n)) continue;
      const target = operationById(ctx, n.operationId);
      if (target && !isWebhook(target))
        ctx.report({ message: "The 'operationId' property in 'x-ms-notification' extension must be for a webhook operation.", pointer: ptr(o.pointer, 'x-ms-notification', 'operationId') });
    }
  },
};
