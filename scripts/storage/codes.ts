import { defineCodes } from '../core/code-registry';

/** Error codes of the storage stage. */
export const STORAGE_CODES = defineCodes('storage', {});
