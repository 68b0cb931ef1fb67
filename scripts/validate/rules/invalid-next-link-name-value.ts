import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';

/** x-ms-pageable.nextLinkName is 'nextLink' or '@odata.nextLink'. */
export const rule: Rule = {
  id: 'InvalidNextLinkNameValue',
  level: 'platform',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "x-ms-pageable.nextLinkName is 'nextLink' or '@odata.nextLink'.",
  check(ctx) {
    for (const o of ctx.operations) {
      const pg = o.op['x-ms-pageable'];
      if (isObj(pg) && pg.nextLinkName !== undefined && pg.nextLinkName !== null && pg.nextLinkName !== 'nextLink' && pg.nextLinkName !== '@odata.nextLink') ctx.report({ message: `The nextLinkName value for operation '${String(o.op.operationId ?? o.path)}' is invalid. Supported values are 'nextLink' or '@odata.nextLink'.`, pointer: ptr(o.pointer, 'x-ms-pageable', 'nextLinkName') });
    }
  },
};
