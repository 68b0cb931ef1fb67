import { defineCodes } from '../core/code-registry';

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
  CK_HTTP_INTERNAL: {
    source: 'internal',
    title: 'An unexpected error occurred.',
    hint: 'Retry later; if it persists, look up the invocation id in the function logs.',
    httpStatus: 500,
  },
});
