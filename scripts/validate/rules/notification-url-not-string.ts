import type { Rule } from '../types';
import { isObj, operationParams } from '../swagger-walk';
import { getAt } from '../pointer';
import { notificationUrlProps } from './webhook-operations-missing-notification-url-property';
/** A notification-URL property is of type string. */
export const rule: Rule = {
  id: 'NotificationUrlNotString',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "A notification-URL property is of type string.",
  check(ctx) {
    for (const o of ctx.operations) {
      for (const p of notificationUrlProps(ctx, operationParams(ctx.swagger, o))) {
        const s = getAt(ctx.swagger, p);
        if (isObj(s) && s.type !== undefined && s.type !== 'string') ctx.report({ message: `The notification URL property must be of type string (it is ${JSON.stringify(s.type)}).`, pointer: p });
      }
    }
  },
};
