import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of CI sign-in (`--auth github-oidc`) and `connectorkit ci setup` (scripts/ci). */
export const CI_CODES = defineCodes('ci', {
  CK_CI_OIDC_UNAVAILABLE: {
    source: 'user',
    title: "GitHub's OIDC token request variables are missing.",
    hint: 'Run inside a GitHub Actions job whose workflow or job declares `permissions: id-token: write` (GitHub only then sets ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN); elsewhere use another --auth.',
  },
  CK_CI_CLIENT_ID_MISSING: {
    source: 'user',
    title: 'AZURE_CLIENT_ID is not set.',
    hint: 'Set `AZURE_CLIENT_ID: ${{ vars.AZURE_CLIENT_ID }}` in the job env; `connectorkit ci setup --env <name> --repo <owner/name>` prints the value to store as a repository variable.',
  },
  CK_CI_OIDC_TOKEN_FAILED: {
    source: 'user',
    title: "GitHub's OIDC token endpoint did not return a token.",
    hint: 'Check that the job has `permissions: id-token: write` and re-run the job (the request token is valid only while the job runs).',
  },
  CK_CI_OIDC_EXCHANGE_FAILED: {
    source: 'user',
    title: "Entra ID refused to exchange GitHub's OIDC token.",
    hint: 'The federated credential must match the job: issuer https://token.actions.githubusercontent.com, subject repo:<owner/name>:environment:<env> (the job needs `environment: <env>`), audience api://AzureADTokenExchange. Re-run `connectorkit ci setup` with the right --repo/--environment.',
  },
  CK_CI_REPO_INVALID: {
    source: 'user',
    title: 'The --repo value is not a GitHub repository name.',
    hint: 'Pass --repo <owner>/<name> exactly as in the repository URL, e.g. --repo contoso/hr-api.',
  },
  CK_CI_ENVIRONMENT_INVALID: {
    source: 'user',
    title: 'The --environment value is not a valid GitHub environment name.',
    hint: 'Use the GitHub environment the deploy job names in `environment:` (letters, digits, spaces, - _ .), at most 255 characters.',
  },
  CK_CI_GRAPH_PERMISSION_FORBIDDEN: {
    source: 'user',
    title: 'Microsoft Graph refused to grant Application.ReadWrite.OwnedBy to the deploy identity.',
    hint: 'Everything else ci setup plans is in place (this step runs last). Ask a Privileged Role Administrator or Global Administrator to run the same `connectorkit ci setup … --yes` (it then only grants), or re-run with --no-graph-permission and have them grant it as docs/ci.md shows.',
  },
  CK_CI_APP_OWNER_FORBIDDEN: {
    source: 'user',
    title: 'Microsoft Graph refused to make the deploy identity an owner of an existing app.',
    hint: 'Run ci setup as an owner of the API and connector apps (whoever deployed them first) or as an Application Administrator; or add the owner with `az ad app owner add --id <app id> --owner-object-id <deploy service principal id>`.',
  },
  CK_CI_CONFIRM_REQUIRED: {
    source: 'user',
    title: 'ci setup has changes and needs confirmation.',
    hint: 'Review the plan (connectorkit ci setup --env <name> --repo <owner/name> --plan), then re-run with --yes.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof CI_CODES> {}
}
