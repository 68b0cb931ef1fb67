import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { notificationUrlProps } from '../notification-url';

/** A notification-URL property, or one of its parents, is x-ms-visibility internal. */
export const rule: Rule = {
  id: 'NotificationUrlNotInternal',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A notification-URL property, or one of its parents, is x-ms-visibility internal.',
  check(ctx) {
    for (const o of ctx.operations) {
      for (const p of notificationUrlProps(ctx, operationParams(ctx.swagger, o))) {
        if (!p.internal) ctx.report({ message: 'The notification URL property itself or at least one of its parents must be internal.', pointer: p.pointer });
      }
    }
  },
};
