import type { Rule } from '../types';

/** info.title has no 'API'/'Connector' and title/description name no Power Platform product. */
export const rule: Rule = {
  id: 'ValueContainsRestrictedWords',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "info.title has no 'API'/'Connector' and title/description name no Power Platform product.",
  check(ctx) {
    const PRODUCT_NAMES = ['power apps', 'powerapps', 'power automate', 'logic apps', 'power platform', 'microsoft flow', 'copilot studio', 'power virtual agents'];
    const info = (ctx.swagger?.info ?? {}) as Record<string, unknown>;
    if (typeof info.title === 'string') {
      const words = [...(/\bapi\b/i.test(info.title) ? ['api'] : []), ...(/connector/i.test(info.title) ? ['connector'] : []), ...PRODUCT_NAMES.filter((p) => info.title!.toString().toLowerCase().includes(p))];
      if (words.length) ctx.report({ message: `The value 'title' contains at least one of the restricted words: '${words.join(', ')}'.`, pointer: '/info/title' });
    }
    if (typeof info.description === 'string') {
      const words = PRODUCT_NAMES.filter((p) => info.description!.toString().toLowerCase().includes(p));
      if (words.length) ctx.report({ message: `The value 'description' contains at least one of the restricted words: '${words.join(', ')}'.`, pointer: '/info/description' });
    }
  },
};
