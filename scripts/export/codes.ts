import { defineCodes } from '../core/code-registry';

/** Error codes of the export stage. */
export const EXPORT_CODES = defineCodes('export', {});
