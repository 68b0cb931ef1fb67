import { defineCodes } from '../core/code-registry';

/** Error codes of the validate stage. */
export const VALIDATE_CODES = defineCodes('validate', {});
