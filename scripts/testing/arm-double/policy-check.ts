/** Checks APIM does on a policy or backend write: XML well-formedness and `{{named value}}` references. */
import { XMLValidator } from 'fast-xml-parser';

/** Policy formats (PolicyContentFormat; modelAsString, so oav cannot check the enum). */
export const POLICY_FORMATS = new Set(['xml', 'xml-link', 'rawxml', 'rawxml-link']);

/**
 * In `rawxml` the C#-like policy expressions (`@(...)`, `@{...}`) are not XML-encoded; escape `<`, `>` and `&`
 * inside them so the well-formedness check sees what APIM stores.
 */
export function encodeRawExpressions(xml: string): string {
  let out = '';
  for (let i = 0; i < xml.length; i++) {
    const open = xml[i + 1];
    if (xml[i] === '@' && (open === '(' || open === '{')) {
      const close = open === '(' ? ')' : '}';
      let depth = 0;
      let j = i + 1;
      for (; j < xml.length; j++) {
        if (xml[j] === open) depth++;
        else if (xml[j] === close && --depth === 0) break;
      }
      out += xml
        .slice(i, j + 1)
        .replace(/&(?!amp;|lt;|gt;|quot;|apos;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
      i = j;
    } else out += xml[i];
  }
  return out;
}

/** Returns a problem message when the policy document is not well-formed, else undefined. */
export function policyXmlProblem(value: string, format: string): string | undefined {
  const text = format === 'rawxml' ? encodeRawExpressions(value) : value;
  const r = XMLValidator.validate(text);
  if (r === true) return undefined;
  return `The policy XML is not well-formed: ${r.err.msg} (line ${r.err.line}, column ${r.err.col}).`;
}

/** `{{name}}` references in a text. */
export function namedValueRefs(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]))];
}
