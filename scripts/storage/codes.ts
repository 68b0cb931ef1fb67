import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the storage stage (the local Azurite lifecycle). */
export const STORAGE_CODES = defineCodes('storage', {
  CK_STORAGE_AZURITE_START_FAILED: {
    source: 'user',
    title: 'Azurite (the local Table Storage emulator) could not start.',
    hint: 'Check that the data folder (.azurite/) is writable and not used by another Azurite, or set AzureWebJobsStorage in local.settings.json to use an existing storage account.',
  },
  CK_STORAGE_AZURITE_NOT_READY: {
    source: 'internal',
    title: 'Azurite started but did not answer on its table endpoint.',
    hint: 'Retry; if it persists delete the .azurite/ folder (local data is lost) and start again.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof STORAGE_CODES> {}
}
