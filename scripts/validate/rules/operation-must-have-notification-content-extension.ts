import type { Rule } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { notificationUrlProps } from '../notification-url';

/** An operation with a notification-URL property has x-ms-notification-content on its path item. */
export const rule: Rule = {
  id: 'OperationMustHaveNotificationContentExtension',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'An operation with a notification-URL property has x-ms-notification-content on its path item.',
  check(ctx) {
    for (const o of ctx.operations) {
      const urls = notificationUrlProps(ctx, operationParams(ctx.swagger, o));
      if (urls.length > 0 && !isObj(o.pathItem['x-ms-notification-content']))
        ctx.report({
          message: `The operation '${String(o.op.operationId ?? o.path)}' is missing notification content extension as it has '${urls.length}' properties marked as notification URL.`,
          pointer: o.pointer,
        });
    }
  },
};
