import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { isWebhook, notificationUrlProps } from '../notification-url';

/** A webhook trigger (x-ms-trigger, not polling, not GET) has a body property marked x-ms-notification-url. */
export const rule: Rule = {
  id: 'WebhookOperationsMissingNotificationUrlProperty',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A webhook trigger (x-ms-trigger, not polling, not GET) has a body property marked x-ms-notification-url.',
  check(ctx) {
    for (const o of ctx.operations) {
      if (!isWebhook(o)) continue;
      if (notificationUrlProps(ctx, operationParams(ctx.swagger, o)).length === 0)
        ctx.report({
          message: `The webhook operation '${String(o.op.operationId ?? o.path)}' is missing notification URL property (a body property with "x-ms-notification-url": true, internal and required).`,
          pointer: o.pointer,
        });
    }
  },
};
