import { defineCodes } from '../core/code-registry';

/** Error codes of the bundle stage. */
export const BUNDLE_CODES = defineCodes('bundle', {});
