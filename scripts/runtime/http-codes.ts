/**
 * The HTTP error codes as plain strings, for code bundled into the app (which must not import scripts/core).
 * They are registered with the scripts-side registry in ./codes.ts; a test keeps both lists equal.
 */
export const HTTP_CODES = {
  VALIDATION_FAILED: 'CK_HTTP_VALIDATION_FAILED',
  FIELD_REQUIRED: 'CK_HTTP_FIELD_REQUIRED',
  FIELD_INVALID: 'CK_HTTP_FIELD_INVALID',
  FIELD_UNEXPECTED: 'CK_HTTP_FIELD_UNEXPECTED',
  MALFORMED_JSON: 'CK_HTTP_MALFORMED_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'CK_HTTP_UNSUPPORTED_MEDIA_TYPE',
  UNAUTHORIZED: 'CK_HTTP_UNAUTHORIZED',
  INTERNAL: 'CK_HTTP_INTERNAL',
} as const;
