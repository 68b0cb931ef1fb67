import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the bundle stage. */
export const BUNDLE_CODES = defineCodes('bundle', {
  CK_BUNDLE_FAILED: {
    source: 'user',
    title: 'esbuild could not bundle the Functions app.',
    hint: 'Fix the import or syntax errors listed (file:line); every dependency must be installed in node_modules.',
  },
  CK_BUNDLE_HOST_JSON_MISSING: {
    source: 'user',
    title: 'host.json is missing or is not valid JSON.',
    hint: 'Create host.json in the project root with at least {"version": "2.0"}.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof BUNDLE_CODES> {}
}
