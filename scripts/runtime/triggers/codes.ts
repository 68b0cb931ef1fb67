/**
 * Error codes of the trigger runtime, as plain strings (bundled code must not import scripts/core). They are
 * registered with the scripts-side registry in ../codes.ts like the other HTTP codes.
 */
export const TRIGGER_HTTP_CODES = {
  CALLBACK_URL_INVALID: 'CK_TRIGGER_CALLBACK_URL_INVALID',
  SUBSCRIPTION_NOT_FOUND: 'CK_TRIGGER_SUBSCRIPTION_NOT_FOUND',
  STATE_INVALID: 'CK_TRIGGER_STATE_INVALID',
  STORAGE_UNAVAILABLE: 'CK_TRIGGER_STORAGE_UNAVAILABLE',
} as const;
