import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of `connectorkit publish` (scripts/publish). */
export const PUBLISH_CODES = defineCodes('publish', {
  CK_PUBLISH_NOT_CONFIGURED: {
    source: 'user',
    title: 'The environment has no Power Platform target.',
    hint: 'Add "powerPlatform": {"environmentUrl": "https://<org>.crm.dynamics.com", "solution": "<UniqueName>"} to infra/environments/<env>.json (see docs/publish.md).',
  },
  CK_PUBLISH_NOT_DEPLOYED: {
    source: 'user',
    title: 'The connector folder still holds placeholders instead of the deployed gateway and app ids.',
    hint: 'Run `connectorkit deploy --env <name> --yes` first: it re-exports the connector folder with the live values publish sends.',
  },
  CK_PUBLISH_INPUT_INVALID: {
    source: 'user',
    title: 'The connector folder cannot be published as it is.',
    hint: 'Fix the named file (re-run `connectorkit export` or `connectorkit deploy`), then publish again.',
  },
  CK_PUBLISH_NO_APPLICATION_USER: {
    source: 'user',
    title: 'The deploy identity is not an application user of the Power Platform environment.',
    hint: "Power Platform admin center > Environments > <environment> > Settings > Users + permissions > Application users > + New app user: add the deploy identity's application (client) id with the security role System Customizer, then re-run.",
  },
  CK_PUBLISH_ENVIRONMENT_UNREACHABLE: {
    source: 'user',
    title: 'The Power Platform environment URL does not answer as a Dataverse environment.',
    hint: 'Check powerPlatform.environmentUrl in the env file: it is the Environment URL shown in the Power Platform admin center (https://<org>.crm<N>.dynamics.com).',
  },
  CK_PUBLISH_SOLUTION_NOT_FOUND: {
    source: 'user',
    title: 'The solution named in the env file does not exist in the environment, or is managed.',
    hint: 'Create an unmanaged solution (make.powerapps.com > Solutions > New solution) and put its unique Name in powerPlatform.solution.',
  },
  CK_PUBLISH_BREAKING: {
    source: 'user',
    title: 'The connector in the environment has operations this publish would remove or change incompatibly.',
    hint: 'Flows and apps use the live definition: keep the operations compatible, or re-run with --allow-breaking if you accept that they break.',
  },
  CK_PUBLISH_CONFIRM_REQUIRED: {
    source: 'user',
    title: 'The publish has changes and needs confirmation.',
    hint: 'Review the plan (connectorkit publish --env <name> --plan), then re-run with --yes.',
  },
  CK_PUBLISH_DATAVERSE_ERROR: { source: 'user', title: 'Dataverse rejected a request.', hint: 'Read the Dataverse error code and message above; fix the cause and re-run publish (it converges).' },
  CK_PUBLISH_CONNECTOR_APP_NOT_FOUND: {
    source: 'user',
    title: "The connector's Entra app (its OAuth client id) was not found in the tenant.",
    hint: 'Run `connectorkit deploy --env <name> --yes` (it creates the connector app and re-exports the folder with its client id).',
  },
  CK_PUBLISH_SECRET_SOURCE: {
    source: 'user',
    title: 'The connector client secret could not be read from the given source.',
    hint: 'Pass --client-secret-file <file outside the project>, set CK_CONNECTOR_CLIENT_SECRET, or set powerPlatform.clientSecretKeyVaultUrl; the secret is never read from the repository.',
  },
  CK_PUBLISH_TRANSIENT_EXHAUSTED: {
    source: 'internal',
    title: 'Dataverse or Graph kept failing transiently (throttling, 5xx, dropped connections); the retries ran out.',
    hint: 'Re-run publish: it re-reads the connector and picks up where it stopped.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof PUBLISH_CODES> {}
}
