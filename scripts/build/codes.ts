import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the build orchestration (stage-specific failures use their stage's codes). */
export const BUILD_CODES = defineCodes('build', {
  CK_BUILD_ENTRY_MISSING: {
    source: 'user',
    title: 'The entry file of the Functions app does not exist.',
    hint: 'Create functions/index.ts (it may just import the controllers), or set connectorkit.entryFile.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof BUILD_CODES> {}
}
