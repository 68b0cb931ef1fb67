import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of `connectorkit init`. */
export const INIT_CODES = defineCodes('init', {
  CK_INIT_DIR_NOT_EMPTY: {
    source: 'user',
    title: 'The target folder of `connectorkit init` is not empty; nothing was written.',
    hint: 'Give a new or empty folder: `npm exec --no -- connectorkit init my-api`.',
  },
  CK_INIT_NAME_INVALID: {
    source: 'user',
    title: 'The --name of the new API cannot be used.',
    hint: 'Give a display name of 3 to 30 letters, digits and spaces that starts with a letter, e.g. --name "Expense Reports".',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof INIT_CODES> {}
}
