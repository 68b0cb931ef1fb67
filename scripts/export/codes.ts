import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the export stage. */
export const EXPORT_CODES = defineCodes('export', {
  CK_EXPORT_CONFIG_INCOMPLETE: {
    source: 'user',
    title: 'The configuration lacks what a custom connector needs.',
    hint: 'Set the keys named in the details in package.json "connectorkit" (api.* and connector.*), then run `connectorkit export` again.',
  },
  CK_EXPORT_SPEC_INVALID: {
    source: 'user',
    title: 'dist/swagger.json cannot be turned into a connector definition.',
    hint: 'Fix the controllers named in the details and run `connectorkit build`, then export again.',
  },
  CK_EXPORT_SECRET_IN_CONFIG: {
    source: 'user',
    title: 'The configuration contains a client secret; a connector folder never holds one.',
    hint: 'Remove the secret from package.json. Give it at import time instead: `paconn create --secret …` or the Security tab of the maker portal.',
  },
  CK_EXPORT_BREAKING_CHANGES: {
    source: 'user',
    title: 'The new connector definition breaks existing flows and apps.',
    hint: 'Keep the operations compatible (add a new operation or a *V2 instead of changing one), or re-run with --allow-breaking if you accept that existing flows break.',
  },
  CK_EXPORT_VALIDATION_FAILED: {
    source: 'user',
    title: 'The exported connector does not pass validation; nothing was written.',
    hint: 'Fix the findings listed (their pointers name the place in the generated file and usually a controller or config key), then export again.',
  },
  CK_EXPORT_POSTMAN_INVALID: {
    source: 'internal',
    title: "The generated Postman collection does not match Postman's collection v2.1.0 schema.",
    hint: 'This is a connectorkit bug: report it with the listed schema problems (the collection was not written).',
  },
  CK_EXPORT_DEPLOY_OUTPUTS_INVALID: {
    source: 'user',
    title: 'The deploy outputs file cannot be used.',
    hint: 'Re-run `connectorkit deploy` for that environment, or delete the file under .connectorkit/ to export with local placeholders.',
  },
  CK_EXPORT_ICON_INVALID: {
    source: 'user',
    title: 'The connector icon cannot be used.',
    hint: 'Point connector.icon at a PNG file (230×230 for certification), or remove the key to get a generated icon.',
  },
  CK_EXPORT_LOCAL_PLACEHOLDERS: {
    source: 'user',
    title: 'No deploy outputs: the connector holds local placeholders for host, client id and resource URI.',
    hint: 'Run `connectorkit deploy` (it re-exports with the real gateway host and app ids) before importing the connector.',
  },
  CK_EXPORT_CERTIFICATION_METADATA_MISSING: {
    source: 'user',
    title: 'The connector was exported without certification metadata (contact, website, privacy policy, categories, publisher).',
    hint: 'Set the keys named in the message in package.json "connectorkit" before `connectorkit export --level certification`.',
  },
  CK_EXPORT_DOC_GENERATED: {
    source: 'user',
    title: 'An operation or parameter had no summary or description; export generated one.',
    hint: 'Document the controller method or parameter with TSDoc so the connector shows your own wording.',
  },
  CK_EXPORT_PATTERN_DROPPED: {
    source: 'user',
    title: 'A schema pattern is not a valid regular expression and was left out of the connector.',
    hint: 'Fix the @pattern tag of the model property named in the message (tsoa cuts the tag at the first space; avoid spaces or use \\s).',
  },
  CK_EXPORT_ICON_SIZE: {
    source: 'user',
    title: 'The connector icon is not 230×230 pixels.',
    hint: 'Certification asks for a 230×230 PNG with the logo (about 160×160) on a brand-coloured background.',
  },
  CK_EXPORT_EXISTING_UNREADABLE: {
    source: 'user',
    title: 'The existing connector definition cannot be read, so breaking changes cannot be checked.',
    hint: 'Fix or delete the existing apiDefinition.swagger.json, or re-run with --allow-breaking to overwrite it.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof EXPORT_CODES> {}
}
