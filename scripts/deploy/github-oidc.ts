/**
 * `--auth github-oidc`: signs in as the deploy app registration with GitHub Actions' OIDC token as a client
 * assertion (workload identity federation) — no Azure CLI, no stored secret. GitHub sets
 * ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN only for jobs with `permissions: id-token: write`; the token it returns for the
 * audience `api://AzureADTokenExchange` is what the app's federated credential trusts (see scripts/ci/ci-setup.ts, which creates it).
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { ClientAssertionCredential } from '@azure/identity';
import { decodeJwt } from 'jose';
import { CkError, isCkError } from '../core/errors';
import { registerSecret } from '../core/redact';
import type { DeployEnvironment } from './types';
import '../ci/codes';

/** The audience Entra ID expects in a federated token (the `audiences` of the federated credential). */
export const FEDERATION_AUDIENCE = 'api://AzureADTokenExchange';
/** GitHub Actions' OIDC issuer (the `issuer` of the federated credential). */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** The variables the credential reads (process.env by default; tests pass their own). */
export type OidcVars = Partial<Record<'ACTIONS_ID_TOKEN_REQUEST_URL' | 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' | 'AZURE_CLIENT_ID', string>> & Record<string, string | undefined>;

/** Asks GitHub's token endpoint for an ID token for `audience`; the request token and the answer are secrets. */
export async function fetchGithubIdToken(requestUrl: string, requestToken: string, audience = FEDERATION_AUDIENCE): Promise<string> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    throw new CkError({ code: 'CK_CI_OIDC_TOKEN_FAILED', message: 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL.', target: 'ACTIONS_ID_TOKEN_REQUEST_URL' });
  }
  url.searchParams.set('audience', audience);
  // The URL's query is GitHub's own (api-version, plan ids): messages name only origin and path.
  const where = `${url.origin}${url.pathname}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `bearer ${requestToken}`, accept: 'application/json' } });
  } catch (e) {
    throw new CkError({ code: 'CK_CI_OIDC_TOKEN_FAILED', message: `Could not reach GitHub's OIDC token endpoint ${where}: ${(e as Error).message}`, cause: e });
  }
  const text = await res.text();
  if (!res.ok) throw new CkError({ code: 'CK_CI_OIDC_TOKEN_FAILED', message: `GitHub's OIDC token endpoint ${where} answered ${res.status}: ${text.slice(0, 200)}` });
  let value: unknown;
  try {
    value = (JSON.parse(text) as { value?: unknown }).value;
  } catch {
    /* checked below */
  }
  if (typeof value !== 'string' || !isJwt(value)) throw new CkError({ code: 'CK_CI_OIDC_TOKEN_FAILED', message: `GitHub's OIDC token endpoint ${where} answered without a token in "value".` });
  registerSecret(value);
  return value;
}

function isJwt(v: string): boolean {
  try {
    decodeJwt(v);
    return true;
  } catch {
    return false;
  }
}

/** The credential for `--auth github-oidc`; fails at once (before any request) when the job cannot get a token. */
export function githubOidcCredential(env: DeployEnvironment, vars: OidcVars = process.env): TokenCredential {
  const requestUrl = vars.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = vars.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  const missing = [!requestUrl && 'ACTIONS_ID_TOKEN_REQUEST_URL', !requestToken && 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(Boolean);
  if (missing.length)
    throw new CkError({
      code: 'CK_CI_OIDC_UNAVAILABLE',
      message: `--auth github-oidc needs ${missing.join(' and ')}, which GitHub Actions sets only for jobs with \`permissions: id-token: write\`.`,
      target: '--auth',
    });
  registerSecret(requestToken);
  const clientId = vars.AZURE_CLIENT_ID;
  if (!clientId) throw new CkError({ code: 'CK_CI_CLIENT_ID_MISSING', message: '--auth github-oidc needs AZURE_CLIENT_ID (the deploy app registration).', target: 'AZURE_CLIENT_ID' });
  let assertionError: CkError | undefined;
  // MSAL may ask for the assertion more than once per token; GitHub's token is reused until a minute before it expires.
  let cached: { token: string; exp: number } | undefined;
  const inner = new ClientAssertionCredential(
    env.tenantId,
    clientId,
    async () => {
      if (cached && cached.exp - 60 > Date.now() / 1000) return cached.token;
      try {
        const t = await fetchGithubIdToken(requestUrl!, requestToken!);
        cached = { token: t, exp: Number(decodeJwt(t).exp ?? 0) };
        return t;
      } catch (e) {
        assertionError = isCkError(e) ? e : undefined;
        throw e;
      }
    },
    { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: env.cloud.disableInstanceDiscovery },
  );
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      assertionError = undefined;
      try {
        return await inner.getToken(scopes, options);
      } catch (e) {
        // @azure/identity wraps the assertion callback's error: give back ours (it names GitHub's side).
        if (assertionError) throw assertionError;
        const first = (e as Error).message.split('\n')[0] ?? '';
        throw new CkError({
          code: 'CK_CI_OIDC_EXCHANGE_FAILED',
          message: `Could not exchange GitHub's OIDC token for an Entra token (app ${clientId}, tenant ${env.tenantId}): ${first}`,
          cause: e,
        });
      }
    },
  };
}
