import { defineCodes } from '../core/code-registry';

/** Error codes of the runtime stage. */
export const RUNTIME_CODES = defineCodes('runtime', {});
