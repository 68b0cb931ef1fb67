import { defineCodes } from '../core/code-registry';

/** Error codes of the host stage. */
export const HOST_CODES = defineCodes('host', {});
