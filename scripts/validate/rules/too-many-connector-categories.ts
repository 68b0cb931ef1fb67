import type { Rule } from '../types';
import { categories } from './invalid-connector-category';

/** At most 2 categories. */
export const rule: Rule = {
  id: 'TooManyConnectorCategories',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: 'At most 2 categories.',
  check(ctx) {
    const c = categories(ctx.swagger);
    if (c && c.names.length > 2) ctx.report({ message: `The maximum allowed number of categories for the connector is '2' (found ${c.names.length}).`, pointer: c.pointer });
  },
};
