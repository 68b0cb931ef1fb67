import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the routes stage. */
export const ROUTES_CODES = defineCodes('routes', {
  CK_ROUTES_AUTH_MODULE_MISSING: {
    source: 'user',
    title: 'connectorkit.authModule names a file that does not exist.',
    hint: 'Create it exporting `authenticate(request, securityName, scopes, context?)`, or remove connectorkit.authModule to use the built-in Entra check.',
  },
  CK_ROUTES_NO_OPERATIONS: {
    source: 'user',
    title: 'No controller operations were found.',
    hint: 'Check connectorkit.controllerPathGlobs and that each controller has @Route and is exported.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof ROUTES_CODES> {}
}
