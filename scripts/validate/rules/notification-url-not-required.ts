import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { notificationUrlProps } from '../notification-url';

/** A notification-URL property is required all the way through the schema chain (the body parameter's own `required` flag is not part of the chain: absentify has required: false). */
export const rule: Rule = {
  id: 'NotificationUrlNotRequired',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'A notification-URL property is required all the way through the schema chain (and its body parameter is required).',
  check(ctx) {
    for (const o of ctx.operations) {
      for (const p of notificationUrlProps(ctx, operationParams(ctx.swagger, o))) {
        if (!p.requiredChain) ctx.report({ message: 'The notification URL property must be required all the way through the schema chain.', pointer: p.pointer });
      }
    }
  },
};
