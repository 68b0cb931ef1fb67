import { defineCodes } from '../core/code-registry';

/** Error codes of the routes stage. */
export const ROUTES_CODES = defineCodes('routes', {});
