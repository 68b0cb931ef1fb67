import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of the deploy stage (scripts/deploy, scripts/apim, scripts/entra). */
export const DEPLOY_CODES = defineCodes('deploy', {
  CK_DEPLOY_ENV_NOT_FOUND: {
    source: 'user',
    title: 'The environment file was not found.',
    hint: 'Create infra/environments/<env>.json (copy infra/environments/dev.json) or pass an existing --env name.',
  },
  CK_DEPLOY_ENV_INVALID: { source: 'user', title: 'The environment file does not match its schema.', hint: 'Fix the listed keys; the schema is infra/environments/schema.json.' },
  CK_DEPLOY_ENV_PLACEHOLDER: {
    source: 'user',
    title: 'The environment file still holds a placeholder subscription or tenant (as connectorkit init writes it).',
    hint: 'Put your Azure subscription and Entra tenant in the env file (az account show --query "{subscriptionId:id, tenantId:tenantId}"), then re-run.',
  },
  CK_DEPLOY_ENV_SECRET: {
    source: 'user',
    title: 'The environment file looks like it holds a secret.',
    hint: 'Environment files are committed: remove the secret and supply it through the credential (AZURE_CLIENT_SECRET, az login, managed identity).',
  },
  CK_DEPLOY_INFRA_INVALID: {
    source: 'user',
    title: 'A desired-state file under infra/ (Entra manifest, APIM definition) is invalid.',
    hint: 'Fix the named key in the named file; the schemas are infra/entra/schema.json and infra/apim/schema.json, and the placeholders each file may use are listed in its $comment.',
  },
  CK_DEPLOY_AUTH_INVALID: {
    source: 'user',
    title: 'Unknown --auth value.',
    hint: 'Use one of cli, env, workload, managed-identity, interactive, github-oidc (or omit it for DefaultAzureCredential).',
  },
  CK_DEPLOY_AUTH_FAILED: {
    source: 'user',
    title: 'Could not get an access token.',
    hint: 'Sign in (az login) or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, and check the tenant in the env file.',
  },
  CK_DEPLOY_INPUT_MISSING: { source: 'user', title: 'A build output the deploy needs is missing.', hint: 'Run `connectorkit build` first (it writes dist/swagger.json and dist/app.zip).' },
  CK_DEPLOY_CONFIRM_REQUIRED: { source: 'user', title: 'The deploy has changes and needs confirmation.', hint: 'Review the plan (connectorkit deploy --env <name> --plan), then re-run with --yes.' },
  CK_DEPLOY_AZURE_ERROR: { source: 'user', title: 'Azure rejected a request.', hint: 'Read the Azure error code and message above; re-run the deploy after fixing it (it converges).' },
  CK_DEPLOY_AUTHORIZATION_FAILED: { source: 'user', title: 'The signed-in identity lacks a role.', hint: 'Grant the role named in the message on the named scope, then re-run.' },
  CK_DEPLOY_RESOURCE_NOT_FOUND: {
    source: 'user',
    title: 'An existing Azure resource named in the env file was not found.',
    hint: 'Check the name in the env file, the subscription and the resource group.',
  },
  CK_DEPLOY_GRAPH_FORBIDDEN: {
    source: 'user',
    title: 'Microsoft Graph refused the app registration change.',
    hint: 'The identity needs the Application Developer role, or the Graph application permission Application.ReadWrite.OwnedBy (it must own the apps).',
  },
  CK_DEPLOY_TRANSIENT_EXHAUSTED: {
    source: 'internal',
    title: 'Azure kept failing transiently; the retries ran out.',
    hint: 'Re-run the deploy: every step is idempotent and picks up where it stopped.',
  },
  CK_DEPLOY_TIMEOUT: { source: 'internal', title: 'A long-running Azure operation did not finish in time.', hint: 'Re-run the deploy; if it keeps timing out, check the resource in the portal.' },
  CK_DEPLOY_ISSUER_UNKNOWN: {
    source: 'user',
    title: 'The v1 token issuer of the cloud could not be read.',
    hint: 'Check cloud.authorityHost in the env file, or set cloud.v1Issuer (e.g. "https://sts.windows.net/{tenantId}/").',
  },
  CK_DEPLOY_PUBLISH_FAILED: {
    source: 'user',
    title: 'The Function App deployment failed.',
    hint: 'Open the deployment log in the Kudu/SCM site (Deployment Center) and check the package (host.json at the zip root).',
  },
  CK_DEPLOY_HOST_KEY_MISSING: {
    source: 'user',
    title: 'The Function App has no host key to give API Management.',
    hint: 'Make sure the app is running and the deploy identity can call host/default/listkeys (Website Contributor).',
  },
  CK_DEPLOY_EXPORT_BREAKING: { source: 'user', title: 'The connector export has breaking changes.', hint: 'Review the listed changes; re-run with --allow-breaking if they are intended.' },
  CK_DEPLOY_CONNECTOR_INVALID: {
    source: 'user',
    title: 'The exported connector does not pass validation at its level (connector.level, default certification).',
    hint: 'Run `connectorkit validate connector --level certification` and fix the findings.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof DEPLOY_CODES> {}
}
