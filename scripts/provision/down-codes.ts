import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of `connectorkit down` (scripts/provision/down*.ts). */
export const DOWN_CODES = defineCodes('down', {
  CK_DOWN_CONFIRM_REQUIRED: {
    source: 'user',
    title: 'down deletes resources and needs --yes.',
    hint: 'Review what it would delete and keep (connectorkit down --env <name> --plan), then re-run with --yes.',
  },
  CK_DOWN_NAMES_UNKNOWN: {
    source: 'user',
    title: 'The environment file does not say which resources are its own.',
    hint: 'Add "location" (the region provision used) to infra/environments/<env>.json, or name every resource there; down derives the default names from subscription, environment and location, as provision did.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof DOWN_CODES> {}
}
