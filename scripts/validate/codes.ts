import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the validate stage. */
export const VALIDATE_CODES = defineCodes('validate', {
  CK_VALIDATE_DIR_NOT_FOUND: {
    source: 'user',
    title: 'The connector folder does not exist.',
    hint: 'Pass the folder that holds apiDefinition.swagger.json (default: config connectorDir), or run `connectorkit export` first.',
  },
  CK_VALIDATE_NO_CONNECTORS: {
    source: 'user',
    title: 'No connector folder was found below the --recursive folder.',
    hint: 'Pass a folder with connector folders (each holding apiDefinition.swagger.json) below it, or name the connector folders themselves.',
  },
  CK_VALIDATE_BAD_LEVEL: {
    source: 'user',
    title: 'Unknown validation level.',
    hint: 'Use --level schema, platform (default) or certification.',
  },
  CK_VALIDATE_FAILED: {
    source: 'user',
    title: 'The connector has validation errors.',
    hint: "Fix the errors listed above (each names Microsoft's rule id and a JSON pointer), then run `connectorkit validate` again.",
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof VALIDATE_CODES> {}
}
