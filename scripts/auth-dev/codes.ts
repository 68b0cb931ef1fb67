import { defineCodes } from '../core/code-registry';

/** Error codes of the auth-dev stage. */
export const AUTH_DEV_CODES = defineCodes('auth-dev', {});
