import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of `connectorkit provision` and `connectorkit up` (scripts/provision). */
export const PROVISION_CODES = defineCodes('provision', {
  CK_PROVISION_LOCATION_MISSING: {
    source: 'user',
    title: 'The environment file has no location.',
    hint: 'Add "location" (an Azure region that offers Flex Consumption, e.g. "westeurope") to infra/environments/<env>.json.',
  },
  CK_PROVISION_REGION_UNSUPPORTED: {
    source: 'user',
    title: 'The region does not offer Flex Consumption Function Apps.',
    hint: 'Pick a region from the list in the message for "location" in the env file (az functionapp list-flexconsumption-locations lists them too).',
  },
  CK_PROVISION_NAME_TAKEN: {
    source: 'user',
    title: 'A globally unique resource name is taken by someone else.',
    hint: 'Name the resource yourself in the env file (the key in the message), or use another environment name or location (the default names derive from them).',
  },
  CK_PROVISION_APIM_PUBLISHER_MISSING: {
    source: 'user',
    title: 'Creating API Management needs a publisher email.',
    hint: 'Add "apim": { "publisherEmail": "you@contoso.com" } to infra/environments/<env>.json (API Management sends its notifications there).',
  },
  CK_PROVISION_APIM_FAILED: {
    source: 'user',
    title: 'Creating the API Management service failed.',
    hint: 'Read the Azure error in the message; fix it and re-run provision (it resumes or re-creates as needed).',
  },
  CK_PROVISION_CONFIRM_REQUIRED: {
    source: 'user',
    title: 'The plan has changes and needs confirmation.',
    hint: 'Review the plan (connectorkit provision --env <name> --plan, or up --plan), then re-run with --yes.',
  },
});

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
  interface CkCodeMap extends CodesOf<typeof PROVISION_CODES> {}
  interface CkCodeMap extends CodesOf<typeof DOWN_CODES> {}
}
