import { defineCodes } from '../core/code-registry';

/** Error codes of the routes stage. */
export const ROUTES_CODES = defineCodes('routes', {
  CK_ROUTES_AUTH_MODULE_MISSING: {
    source: 'user',
    title: 'An operation uses @Security but no auth module is configured or the file does not exist.',
    hint: 'Create functions/auth/index.ts exporting `authenticate(request, securityName, scopes, context?)`, or set connectorkit.authModule.',
  },
  CK_ROUTES_NO_OPERATIONS: {
    source: 'user',
    title: 'No controller operations were found.',
    hint: 'Check connectorkit.controllerPathGlobs and that each controller has @Route and is exported.',
  },
});
