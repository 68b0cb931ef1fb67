import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { notificationUrlProps } from '../notification-url';

/** A notification-URL property is of type string. */
export const rule: Rule = {
  id: 'NotificationUrlNotString',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A notification-URL property is of type string.',
  check(ctx) {
    for (const o of ctx.operations) {
      for (const p of notificationUrlProps(ctx, operationParams(ctx.swagger, o))) {
        if (p.schema.type !== undefined && p.schema.type !== 'string')
          ctx.report({ message: `The notification URL property must be of type string (it is ${JSON.stringify(p.schema.type)}).`, pointer: p.pointer });
      }
    }
  },
};
