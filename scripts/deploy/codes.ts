import { defineCodes } from '../core/code-registry';

/** Error codes of the deploy stage. */
export const DEPLOY_CODES = defineCodes('deploy', {});
