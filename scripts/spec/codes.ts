import { defineCodes } from '../core/code-registry';

/** Error codes of the spec stage (metadata, Swagger emit, build-time lint). */
export const SPEC_CODES = defineCodes('spec', {
  CK_SPEC_METADATA_FAILED: {
    source: 'user',
    title: 'tsoa could not read the controllers.',
    hint: 'Fix the TypeScript error or tsoa decorator usage named in the message, then run `connectorkit build` again.',
  },
});
