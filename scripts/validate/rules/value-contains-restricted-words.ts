import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';

/** Power Platform product names certification forbids in user-visible text (Learn: certification-submission). */
const PRODUCT_NAMES = ['Power Automate', 'Power Apps', 'PowerApps', 'Microsoft Flow', 'Logic Apps', 'Power Platform', 'Power BI', 'Copilot Studio', 'Dynamics 365', 'Power Virtual Agents'];
// Word boundaries so "Power Appsmith" or "SuperPowerApps" are not product names; any run of whitespace between words.
const PRODUCT_PATTERNS = PRODUCT_NAMES.map((n) => ({ name: n, re: new RegExp(`(?<![A-Za-z0-9])${n.replace(/ /g, '\\s+')}(?![A-Za-z0-9])`, 'i') }));

/** Product names a text mentions, in list order. */
export function productNamesIn(text: string): string[] {
  return PRODUCT_PATTERNS.filter((p) => p.re.test(text)).map((p) => p.name);
}

/**
 * info.title has no 'API'/'Connector'; title, description, operation summaries/descriptions and parameter
 * summaries/descriptions name no Power Platform product.
 */
export const rule: Rule = {
  id: 'ValueContainsRestrictedWords',
  level: 'certification',
  severity: 'error',
  file: 'apiDefinition.swagger.json',
  description: "info.title has no 'API'/'Connector'; title, description and operation/parameter summaries and descriptions name no Power Platform product.",
  check(ctx) {
    const info = (ctx.swagger?.info ?? {}) as Record<string, unknown>;
    const report = (field: string, words: string[], pointer: string) => {
      if (words.length) ctx.report({ message: `The value '${field}' contains at least one of the restricted words: '${words.join(', ')}'.`, pointer });
    };
    if (typeof info.title === 'string') {
      report('title', [...(/\bapi\b/i.test(info.title) ? ['api'] : []), ...(/connector/i.test(info.title) ? ['connector'] : []), ...productNamesIn(info.title)], '/info/title');
    }
    if (typeof info.description === 'string') report('description', productNamesIn(info.description), '/info/description');
    const seen = new Set<string>();
    const text = (v: unknown, field: string, pointer: string) => {
      if (typeof v === 'string' && !seen.has(pointer)) {
        seen.add(pointer);
        report(field, productNamesIn(v), pointer);
      }
    };
    for (const o of ctx.operations) {
      text(o.op.summary, 'summary', ptr(o.pointer, 'summary'));
      text(o.op.description, 'description', ptr(o.pointer, 'description'));
      for (const p of operationParams(ctx.swagger, o)) {
        // A shared #/parameters entry is reported once, at its definition.
        text(p.param['x-ms-summary'], 'x-ms-summary', ptr(p.targetPointer, 'x-ms-summary'));
        text(p.param.description, 'description', ptr(p.targetPointer, 'description'));
      }
    }
  },
};
