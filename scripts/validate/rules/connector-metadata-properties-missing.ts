import type { Rule } from '../types';
import { isObj } from '../swagger-walk';

/** Root x-ms-connector-metadata has Website, Privacy policy and Categories. */
export const rule: Rule = {
  id: 'ConnectorMetadataPropertiesMissing',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'Root x-ms-connector-metadata has Website, Privacy policy and Categories.',
  check(ctx) {
    const md = ctx.swagger?.['x-ms-connector-metadata'];
    if (!Array.isArray(md)) {
      ctx.report({ message: "The 'x-ms-connector-metadata' property is required (Website, Privacy policy, Categories).", pointer: '' });
      return;
    }
    const names = md.map((m) => (isObj(m) && typeof m.propertyName === 'string' ? m.propertyName.toLowerCase() : ''));
    for (const need of ['Website', 'Privacy policy', 'Categories']) {
      if (!names.includes(need.toLowerCase())) ctx.report({ message: `The connector metadata property '${need}' is required.`, pointer: '/x-ms-connector-metadata' });
    }
  },
};
