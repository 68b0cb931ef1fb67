import type { Rule } from '../types';
import { isObj } from '../swagger-walk';

/** Categories come from Microsoft's list of 19. */
export const rule: Rule = {
  id: 'InvalidConnectorCategory',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "Categories come from Microsoft's list of 19.",
  check(ctx) {
    const c = categories(ctx.swagger);
    if (!c) return;
    const bad = c.names.filter((n) => !CATEGORIES.some((k) => k.toLowerCase() === n.toLowerCase()));
    if (bad.length) ctx.report({ message: `The connector category ${bad.map((b) => `'${b}'`).join(', ')} is invalid. Available categories are: [${CATEGORIES.join(', ')}].`, pointer: c.pointer });
  },
};

/** Microsoft's connector categories (certification-submission). */
export const CATEGORIES = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
];

/** The Categories entry of x-ms-connector-metadata: its pointer and the split names. */
export function categories(swagger: Record<string, unknown> | undefined): { pointer: string; names: string[] } | undefined {
  const md = swagger?.['x-ms-connector-metadata'];
  if (!Array.isArray(md)) return undefined;
  const i = md.findIndex((m) => isObj(m) && typeof m.propertyName === 'string' && m.propertyName.toLowerCase() === 'categories');
  if (i < 0) return undefined;
  const v = (md[i] as Record<string, unknown>).propertyValue;
  return {
    pointer: `/x-ms-connector-metadata/${i}/propertyValue`,
    names:
      typeof v === 'string'
        ? v
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
  };
}
