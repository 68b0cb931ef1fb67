import { defineCodes, type CodesOf } from './code-registry';

export const CORE_CODES = defineCodes('core', {
  CK_INTERNAL: {
    source: 'internal',
    title: 'An unexpected internal error occurred.',
    hint: 'Re-run with --verbose and report the output at the connectorkit issue tracker.',
    httpStatus: 500,
  },
  CK_USAGE: {
    source: 'user',
    title: 'The command line is not valid.',
    hint: 'Run the command with --help to see its options.',
  },
  CK_FS_WRITE_FAILED: {
    source: 'internal',
    title: 'A file could not be written.',
    hint: 'Check that the folder is writable and the disk is not full; nothing was half-written.',
  },
  CK_CONFIG_INVALID: {
    source: 'user',
    title: 'The connectorkit configuration is not valid.',
    hint: 'Fix the key named in the message in package.json "connectorkit" (or the CONNECTORKIT_* variable / flag that set it).',
  },
  CK_CONFIG_FILE_UNREADABLE: {
    source: 'user',
    title: 'A configuration file could not be read or parsed.',
    hint: 'Check that the file exists and is valid JSON.',
  },
  CK_INPUT_NOT_FOUND: {
    source: 'user',
    title: 'An input file or folder does not exist.',
    hint: 'Run the step that produces it first (for example `connectorkit build`), or pass the right path.',
  },
  CK_INTERRUPTED: {
    source: 'user',
    title: 'The command was interrupted.',
    hint: 'Re-run it; every step is safe to repeat.',
  },
});

declare module './code-registry' {
  interface CkCodeMap extends CodesOf<typeof CORE_CODES> {}
}
