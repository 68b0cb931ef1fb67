import { defineCodes, type CodesOf } from '../core/code-registry';

/**
 * Error codes of the trigger runtime (scripts/runtime/triggers), registered for the error table. The bundled runtime
 * uses the same strings as plain constants (triggers/codes.ts); a test keeps both lists equal. The spec codes of
 * trigger declarations are in scripts/spec/trigger-codes.ts.
 */
export const TRIGGER_CODES = defineCodes('triggers', {
  CK_TRIGGER_CALLBACK_URL_INVALID: {
    source: 'user',
    title: 'The webhook callback URL is not accepted.',
    hint: 'Send an https:// URL of a public receiver (locally also http:// to 127.0.0.1/localhost).',
    httpStatus: 400,
  },
  CK_TRIGGER_SUBSCRIPTION_NOT_FOUND: {
    source: 'user',
    title: 'The webhook subscription does not exist.',
    hint: 'It was already removed (unsubscribed, or dropped after its callback answered 404/410); nothing to do.',
    httpStatus: 404,
  },
  CK_TRIGGER_STATE_INVALID: {
    source: 'user',
    title: 'The polling trigger state is not one this API issued.',
    hint: 'Poll the Location URL exactly as returned, or start again without the state parameter.',
    httpStatus: 400,
  },
  CK_TRIGGER_STORAGE_UNAVAILABLE: {
    source: 'internal',
    title: 'Trigger storage is not configured or did not answer.',
    hint: 'Retry after Retry-After; the operator checks AzureWebJobsStorage (locally: is Azurite running?).',
    httpStatus: 503,
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof TRIGGER_CODES> {}
}
