import type { Rule } from '../types';
import { isObj } from '../swagger-walk';
import { CERTIFICATION_ONLY } from './evidence';

/**
 * `host` is a host name (optionally :port) without scheme or path. When a dynamichosturl policy template routes the
 * requests, the host is only a placeholder the policy replaces: a malformed one is then a warning at platform level.
 */
export const rule: Rule = {
  id: 'HostNameNotValid',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: {
    merged: 1,
    docs: `${CERTIFICATION_ONLY}. Lowered only when apiProperties.json has a dynamichosturl policy (Learn policy template "Set host URL"), which replaces the host on every request; without one it stays an error at every level`,
  },
  file: 'apiDefinition.swagger.json',
  description:
    '`host` is a host name (optionally :port) without scheme or path (a warning at platform level when a dynamichosturl policy replaces the host; an error otherwise and at --level certification).',
  check(ctx) {
    const h = ctx.swagger?.host;
    if (h === undefined || (typeof h === 'string' && /^[^{}/ :\\?#]+(:\d+)?$/.test(h))) return;
    const policies = ctx.apiProperties && isObj(ctx.apiProperties.properties) ? ctx.apiProperties.properties.policyTemplateInstances : undefined;
    const rewritten = Array.isArray(policies) && policies.some((p) => isObj(p) && p.templateId === 'dynamichosturl');
    ctx.report({
      severity: rewritten ? undefined : 'error',
      message: `The 'host' property, if present, must be a valid URI host without a scheme or path (got ${JSON.stringify(h)}).${rewritten ? ' A dynamichosturl policy replaces it at run time.' : ''}`,
      pointer: '/host',
    });
  },
};
