import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { ptr } from '../pointer';
import { CERTIFICATION_ONLY } from './evidence';

/** x-ms-pageable.nextLinkName is 'nextLink' or '@odata.nextLink'. */
export const rule: Rule = {
  id: 'InvalidNextLinkNameValue',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: { merged: 1, docs: `${CERTIFICATION_ONLY}; Learn "OpenAPI extensions" does not list x-ms-pageable for custom connectors, so a different name only leaves paging off` },
  file: 'apiDefinition.swagger.json',
  description: "x-ms-pageable.nextLinkName is 'nextLink' or '@odata.nextLink' (an error at --level certification; a warning at platform level).",
  check(ctx) {
    for (const o of ctx.operations) {
      const pg = o.op['x-ms-pageable'];
      if (isObj(pg) && pg.nextLinkName !== undefined && pg.nextLinkName !== null && pg.nextLinkName !== 'nextLink' && pg.nextLinkName !== '@odata.nextLink')
        ctx.report({
          message: `The nextLinkName value for operation '${String(o.op.operationId ?? o.path)}' is invalid. Supported values are 'nextLink' or '@odata.nextLink'.`,
          pointer: ptr(o.pointer, 'x-ms-pageable', 'nextLinkName'),
        });
    }
  },
};
