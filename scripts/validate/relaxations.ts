/**
 * Documented relaxations of Microsoft's 2020 schemas. The live platform accepts more than the published schemas
 * (of Microsoft's merged connectors, 829/992 swaggers and 859/989 apiProperties pass them); each entry below
 * names one thing the platform accepts, the evidence, and how many connectors of the development corpus
 * (scripts/testing/contracts/connectors-dev, 70 merged connectors) need it. A schema failure matched by an entry is
 * reported with the entry's severity (never an error); every other schema failure stays an error.
 * The corpus counts are asserted by validate.test.ts, so they cannot drift silently.
 */
import type { LeafError } from './schema-errors';
import type { SchemaName } from './schemas';

/** One relaxation. */
export interface Relaxation {
  id: string;
  /** Which published schema(s) it relaxes. */
  schema: SchemaName | readonly SchemaName[];
  /** Severity of the downgraded finding. */
  severity: 'warning' | 'info';
  /** What the platform accepts that the schema rejects. */
  title: string;
  /** Where the evidence is (note section, PR, measurement). */
  evidence: string;
  /** Number of dev-corpus connectors that need it (asserted by the corpus test). */
  corpus: number;
  /** Number of the 526 merged connectors (dev + population corpus) that need it (asserted by the population test). */
  merged: number;
  match(e: LeafError): boolean;
}

const last = (p: string): string =>
  p
    .slice(p.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
const extra = (e: LeafError): string => (e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : '');
/** Keys paconn's settingsserializer.py reads or writes beyond the schema (note §1). */
const PACONN_SETTINGS_KEYS = new Set(['script', 'flowUrl', 'flowApiVersion', 'clientId', 'tenant', 'authorityUrl', 'resource']);
/** The identity providers the 2020 schema lists (each in its own oneOf branch). */
const KNOWN_PROVIDERS = new Set(['oauth2', 'oauth2generic', 'aad', 'aadcertificate', 'facebook']);
const COPILOT_KEYS = new Set(['x-ms-openai-data', 'x-ms-openai-manifest', 'x-ms-keywords', 'x-ms-openai-published-to-copilots', 'x-ms-require-user-confirmation']);

/** Every relaxation, in report order. */
export const RELAXATIONS: readonly Relaxation[] = [
  {
    id: 'copilot-extensions',
    schema: 'swagger',
    severity: 'info',
    title: 'Copilot/AI plugin extensions (x-ms-openai-data, x-ms-openai-manifest, x-ms-keywords, x-ms-openai-published-to-copilots, x-ms-require-user-confirmation) are not in the 2020 schema.',
    evidence: 'note §2 (7 + 39 of 163 corpus swagger failures) and §4 table (used by 38 swaggers; documented in the Copilot for Sales extensibility docs)',
    merged: 23,
    corpus: 1,
    match: (e) => COPILOT_KEYS.has(extra(e)),
  },
  {
    id: 'unlisted-x-ms-keys',
    schema: 'swagger',
    severity: 'warning',
    title:
      'x-ms-* keys the schema does not list at that place (x-ms-url-encoding on a header, x-ms-enum on a path parameter, x-ms-examples, x-ms-editor, AutoRest keys) — the platform ignores or accepts them.',
    evidence: 'note §2 ("the remaining 117 trip over unlisted x-ms-* keys inside parameter or schema objects"), §4 (x-ms-editor*, AutoRest keys "Power Platform ignores these")',
    merged: 34,
    corpus: 4,
    match: (e) => extra(e).startsWith('x-ms-') && !COPILOT_KEYS.has(extra(e)),
  },
  {
    id: 'extension-object-extra-keys',
    schema: 'swagger',
    severity: 'warning',
    title: 'Extra keys inside an x-ms-* extension object (file-picker value-path, AutoRest x-ms-enum values).',
    evidence: 'note §2 ("file-picker keys outside the schema"); merged connectors Asite, CognitiveServicesQuestionAnswering',
    merged: 5,
    corpus: 2,
    match: (e) => e.keyword === 'additionalProperties' && !extra(e).startsWith('x-ms-') && /\/x-ms-[^/]*(\/|$)/.test(e.instancePath),
  },
  {
    id: 'x-ms-value-shape',
    schema: 'swagger',
    severity: 'warning',
    title: 'An x-ms-* value outside the schema\'s enum or type (x-ms-visibility "" or "Advanced", a non-string x-ms-summary).',
    evidence: 'dev corpus: 49 × x-ms-visibility "" and 16 × "Advanced" in merged connectors (StaffCircle, CognitiveServicesQuestionAnswering)',
    merged: 5,
    corpus: 3,
    match: (e) => (e.keyword === 'enum' || e.keyword === 'type') && last(e.instancePath).startsWith('x-ms-'),
  },
  {
    id: 'format-outside-enum',
    schema: 'swagger',
    severity: 'warning',
    title: '`format` values outside the schema\'s enum (e.g. "string"); the designer treats unknown formats as plain.',
    evidence: 'note §2 ("formats outside the enum"); dev corpus has 4 × format "string" (Tikit)',
    merged: 22,
    corpus: 1,
    match: (e) => e.keyword === 'enum' && last(e.instancePath) === 'format',
  },
  {
    id: 'empty-responses',
    schema: 'swagger',
    severity: 'warning',
    title: 'An operation with an empty `responses` object (the schema wants at least one response).',
    evidence: 'note §2 ("an empty responses object"); merged connector MoreApp Forms',
    merged: 7,
    corpus: 1,
    match: (e) => (e.keyword === 'minProperties' || e.keyword === 'not') && /\/responses$/.test(e.instancePath),
  },
  {
    id: 'script-operations',
    schema: 'apiProperties',
    severity: 'info',
    title: '`properties.scriptOperations` (custom code, script.csx) is not in the 2020 schema.',
    evidence: 'note §2 (fixes 46 of 130 apiProperties failures), §5; paconn download keeps it',
    merged: 30,
    corpus: 5,
    match: (e) => extra(e) === 'scriptOperations' && e.instancePath === '/properties',
  },
  {
    id: 'connection-parameter-sets',
    schema: 'apiProperties',
    severity: 'info',
    title: '`properties.connectionParameterSets` (multi-auth) is not in the 2020 schema.',
    evidence: 'note §2 (fixes 8 of 130), §5; paconn create/update reads it',
    merged: 3,
    corpus: 2,
    match: (e) => extra(e) === 'connectionParameterSets' && e.instancePath === '/properties',
  },
  {
    id: 'redirect-mode-global-per-connector',
    schema: 'apiProperties',
    severity: 'info',
    title: '`redirectMode: "GlobalPerConnector"` (per-connector redirect URL) is not in the enum.',
    evidence: 'note §2 (fixes 20 of 130; unmerged PR #3124 adds it), §5 (maintainers ask new connectors to use it, PR #3035/#3162)',
    merged: 12,
    corpus: 2,
    match: (e) => e.keyword === 'enum' && /\/redirectMode$/.test(e.instancePath) && e.data === 'GlobalPerConnector',
  },
  {
    id: 'enum-case-insensitive',
    schema: ['apiProperties', 'swagger'],
    severity: 'warning',
    title: 'An enum value in another letter case (redirectMode "direct", x-ms-api-annotation status "production"); the platform parses these enums case-insensitively.',
    evidence: 'merged connectors in both files: apiProperties redirectMode "direct", swagger x-ms-api-annotation status "production"; a value that matches no allowed value in any case stays an error',
    merged: 2,
    corpus: 1,
    match: (e) =>
      e.keyword === 'enum' && typeof e.data === 'string' && ((e.params.allowedValues as unknown[]) ?? []).some((v) => typeof v === 'string' && v.toLowerCase() === (e.data as string).toLowerCase()),
  },
  {
    id: 'connection-parameter-names',
    schema: 'apiProperties',
    severity: 'warning',
    title: "Connection parameter names outside the schema's pattern [0-9a-zA-Z_] (a hyphen or a space, e.g. \"API Key\"); policies still reach them with @connectionParameters('name').",
    evidence: 'merged connectors use such names; Microsoft documents no refusal. Only the name is relaxed: a bad key inside the parameter stays an error',
    corpus: 0,
    merged: 3,
    match: (e) => e.keyword === 'additionalProperties' && e.instancePath === '/properties/connectionParameters',
  },
  {
    id: 'unknown-properties-keys',
    schema: 'apiProperties',
    severity: 'warning',
    title:
      'A key directly under `properties` that the schema does not know (an old `script` object, a misplaced "token:clientId"); the platform does not use it — paconn download returns only the keys it knows.',
    evidence:
      'merged connectors carry such keys; paconn download keeps only connectionParameters, connectionParameterSets, iconBrandColor, scriptOperations, capabilities, policyTemplateInstances, publisher, stackOwner',
    corpus: 0,
    merged: 2,
    match: (e) => e.keyword === 'additionalProperties' && e.instancePath === '/properties',
  },
  {
    id: 'null-as-absent',
    schema: 'apiProperties',
    severity: 'warning',
    title: 'A JSON null where the schema wants an object or a string (e.g. "uiDefinition": null); it reads as an absent value.',
    evidence: 'a merged connector has "uiDefinition": null; a required value that is null still fails as missing in the rules that need it',
    corpus: 0,
    merged: 1,
    match: (e) => e.keyword === 'type' && e.data === null,
  },
  {
    id: 'host-checked-by-rule',
    schema: 'swagger',
    severity: 'info',
    title: "The `host` pattern: the HostNameNotValid rule (platform level) reports a bad host with Microsoft's rule id and knows when a dynamichosturl policy replaces it.",
    evidence: 'one finding per defect: the rule, not the schema pattern, decides the severity',
    corpus: 0,
    merged: 1,
    match: (e) => e.keyword === 'pattern' && e.instancePath === '/host',
  },
  {
    id: 'oauth-custom-parameters',
    schema: 'apiProperties',
    severity: 'info',
    title: 'Extra oAuthSettings customParameters (aad enableOnbehalfOfLogin, oauth2 extras) and extra oAuthSettings.properties (AzureActiveDirectoryResourceId, IsOnbehalfofLoginSupported).',
    evidence: 'note §2 (12 + 2 of 130), §5 aad (enableOnbehalfOfLogin in 14 files), §6 (Emigo)',
    merged: 10,
    corpus: 3,
    match: (e) => /\/oAuthSettings\/(customParameters|properties)(\/|$)/.test(e.instancePath) && (e.keyword === 'additionalProperties' || e.keyword === 'type' || e.keyword === 'enum'),
  },
  {
    id: 'identity-provider-outside-schema',
    schema: 'apiProperties',
    severity: 'warning',
    title:
      "An oAuthSettings.identityProvider outside the schema's five (oauth2, oauth2generic, aad, aadcertificate, facebook); the platform knows more providers than the 2020 schema. Check its spelling.",
    evidence: 'a merged connector uses a service-specific provider; the schema dates from 2020',
    corpus: 0,
    merged: 1,
    match: (e) => e.keyword === 'enum' && /\/oAuthSettings\/identityProvider$/.test(e.instancePath) && !KNOWN_PROVIDERS.has(String(e.data)),
  },
  {
    id: 'ui-constraints-json-values',
    schema: 'apiProperties',
    severity: 'warning',
    title: 'uiDefinition.constraints values given as JSON booleans/numbers where the schema wants strings ("true").',
    evidence: 'note §2 (17 of the 42 remaining apiProperties failures)',
    merged: 10,
    corpus: 4,
    match: (e) => e.keyword === 'type' && /\/uiDefinition\/constraints\//.test(e.instancePath),
  },
  {
    id: 'policy-template-shapes',
    schema: 'apiProperties',
    severity: 'warning',
    title: 'Policy template instances with parameters or templates the schema does not list (dynamicsubdomain, moveproperties, …).',
    evidence: 'note §2 ("policy instances with parameters their template schema does not list"), §5 ("seen in live files but not in the schema")',
    merged: 4,
    corpus: 0,
    match: (e) => /^\/properties\/policyTemplateInstances\//.test(e.instancePath),
  },
  {
    id: 'settings-paconn-keys',
    schema: 'settings',
    severity: 'info',
    title: 'settings.json keys paconn writes or reads but the schema rejects (script, flowUrl, clientId, tenant, …) and environment ids like "Default-<guid>".',
    evidence: 'note §1 (settingsserializer.py; LINKMobility/settings.json)',
    merged: 0,
    corpus: 0,
    match: (e) => (e.keyword === 'additionalProperties' && e.instancePath === '' && PACONN_SETTINGS_KEYS.has(extra(e))) || (e.keyword === 'pattern' && e.instancePath === '/environment'),
  },
];

/** The first relaxation that covers an error of a schema, if any. */
export function findRelaxation(schema: SchemaName, e: LeafError): Relaxation | undefined {
  return RELAXATIONS.find((r) => (typeof r.schema === 'string' ? r.schema === schema : r.schema.includes(schema)) && r.match(e));
}
