import type { Rule } from '../types';

const LIMIT = 1024 * 1024;

/**
 * apiDefinition.swagger.json is at most 1 MB (Microsoft publishes no rule id). The certification checklist measures
 * the file; what the import measures is not published, and a merged connector of 1,104,994 bytes whose JSON without
 * indentation is 715,865 bytes shows it is not the file as written. So: content (JSON without whitespace) over
 * 1 MB → an error at every level; only the file as written over 1 MB → a warning at platform level.
 */
export const rule: Rule = {
  id: 'CkSwaggerTooLarge',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: {
    merged: 1,
    docs: 'Learn "Certification submission" asks for a swagger of 1 MB or smaller (an error at --level certification); no Microsoft page says how the import measures its limit, and merged connectors exceed 1 MB only through indentation, so a file whose JSON without whitespace exceeds 1 MB stays an error at every level',
  },
  file: 'apiDefinition.swagger.json',
  description:
    'apiDefinition.swagger.json is at most 1 MB (Microsoft publishes no rule id): an error when its JSON without whitespace exceeds 1 MB; when only the indented file does, an error at --level certification and a warning at platform level.',
  check(ctx) {
    const f = ctx.files['apiDefinition.swagger.json'];
    if (!f || f.raw.length <= LIMIT) return;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
    const content = f.json === undefined ? f.raw.length : Buffer.byteLength(JSON.stringify(f.json));
    if (content > LIMIT)
      ctx.report({
        severity: 'error',
        message: `The swagger holds ${mb(content)} MB of JSON even without whitespace; Power Platform imports at most 1 MB. Split the API into several connectors.`,
        pointer: '',
      });
    else
      ctx.report({
        message: `The swagger file is ${mb(f.raw.length)} MB (${mb(content)} MB without whitespace); certification asks for 1 MB or smaller. Remove indentation or split the API.`,
        pointer: '',
      });
  },
};
