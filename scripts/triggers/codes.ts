import { defineCodes, type CodesOf } from '../core/code-registry';

/** Codes of `connectorkit trigger` (scripts/triggers). */
export const TRIGGER_CLI_CODES = defineCodes('trigger', {
  CK_TRIGGER_SPEC_MISSING: {
    source: 'user',
    title: 'There is no built spec to find the trigger in.',
    hint: 'Run `connectorkit build` (or `npm start`) first, or pass --spec <swagger.json>.',
  },
  CK_TRIGGER_NOT_FOUND: {
    source: 'user',
    title: 'No trigger operation has this operationId.',
    hint: 'Pass the operationId of an operation with x-ms-trigger; the message lists them.',
  },
  CK_TRIGGER_CALL_FAILED: {
    source: 'user',
    title: 'The API answered a trigger call with an error.',
    hint: 'Check that `connectorkit serve` is running (or --base-url is right) and read the error body in the message.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof TRIGGER_CLI_CODES> {}
}
