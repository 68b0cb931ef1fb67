import { defineCodes, type CodesOf } from '../core/code-registry';

/**
 * Error codes the runtime puts in HTTP error bodies. The runtime itself (bundled into the app) uses the same
 * strings as plain constants (./http-codes.ts) because it must not import scripts/core; this file registers
 * them so they appear in the error table and stay unique.
 */
export const RUNTIME_CODES = defineCodes('runtime', {
  CK_HTTP_VALIDATION_FAILED: {
    source: 'user',
    title: 'The request is invalid.',
    hint: 'Fix the fields listed in details (target names the field, e.g. body.email or query.limit).',
    httpStatus: 400,
  },
  CK_HTTP_FIELD_REQUIRED: { source: 'user', title: 'A required field is missing.', hint: 'Send the field named in target.', httpStatus: 400 },
  CK_HTTP_FIELD_INVALID: { source: 'user', title: 'A field has an invalid value.', hint: 'Send a value of the documented type and format.', httpStatus: 400 },
  CK_HTTP_FIELD_UNEXPECTED: {
    source: 'user',
    title: 'A property that the model does not declare was sent.',
    hint: 'Remove the property named in target; the API rejects unknown properties.',
    httpStatus: 400,
  },
  CK_HTTP_MALFORMED_JSON: { source: 'user', title: 'The request body is not valid JSON.', hint: 'Send a well-formed JSON document with content-type application/json.', httpStatus: 400 },
  CK_HTTP_UNSUPPORTED_MEDIA_TYPE: {
    source: 'user',
    title: 'The request body has a content type this operation does not accept.',
    hint: 'Send application/json (or multipart/form-data / x-www-form-urlencoded for form operations).',
    httpStatus: 415,
  },
  CK_HTTP_UNAUTHORIZED: { source: 'user', title: 'The request is not authenticated.', hint: 'Send a valid bearer token for the API.', httpStatus: 401 },
  CK_HTTP_INVALID_TOKEN: {
    source: 'user',
    title: 'The bearer token is missing, expired or invalid (WWW-Authenticate: error="invalid_token").',
    hint: 'Send a valid token for this API (locally: npm exec --no -- connectorkit token); the function log names the failed check.',
    httpStatus: 401,
  },
  CK_HTTP_INSUFFICIENT_SCOPE: {
    source: 'user',
    title: 'The token is valid but has neither the required scope nor an accepted app role.',
    hint: 'Request a token with the scope of connectorkit.auth.scope (or an app role of connectorkit.auth.appRoles).',
    httpStatus: 403,
  },
  CK_HTTP_AUTH_NOT_CONFIGURED: {
    source: 'internal',
    title: 'Token validation settings (AUTH_TENANT_ID, AUTH_AUDIENCES) are missing, or @Security names a scheme the check does not know.',
    hint: 'Set the app settings named in the hint (locally connectorkit serve sets them; deploy sets them in Azure).',
    httpStatus: 500,
  },
  CK_HTTP_AUTH_METADATA_UNAVAILABLE: {
    source: 'internal',
    title: 'The issuer metadata or signing keys (AUTH_OPENID_CONFIG_URLS) cannot be fetched.',
    hint: 'Retry after Retry-After; the operator checks that the issuer is reachable from the Function App.',
    httpStatus: 503,
  },
  CK_HTTP_INTERNAL: {
    source: 'internal',
    title: 'An unexpected error occurred.',
    hint: 'Retry later; if it persists, look up the invocation id in the function logs.',
    httpStatus: 500,
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof RUNTIME_CODES> {}
}
