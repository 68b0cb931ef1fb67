/**
 * Picks the @azure/identity credential for `--auth` and points it at the env's cloud (authorityHost,
 * disableInstanceDiscovery). Every token it hands out is registered as a secret so no output host can print it.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { AzureCliCredential, DefaultAzureCredential, EnvironmentCredential, InteractiveBrowserCredential, ManagedIdentityCredential, WorkloadIdentityCredential } from '@azure/identity';
import { CkError, isCkError } from '../core/errors';
import { registerSecret } from '../core/redact';
import { githubOidcCredential } from './github-oidc';
import type { DeployEnvironment } from './types';
import './codes';

export const AUTH_KINDS = ['default', 'cli', 'env', 'workload', 'managed-identity', 'interactive', 'github-oidc'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** Builds the credential; `default` is DefaultAzureCredential, which honours AZURE_TOKEN_CREDENTIALS itself. */
export function createCredential(kind: string | undefined, env: DeployEnvironment): { credential: TokenCredential; name: string } {
  const k = (kind ?? 'default') as AuthKind;
  if (!AUTH_KINDS.includes(k)) throw new CkError({ code: 'CK_DEPLOY_AUTH_INVALID', message: `Unknown --auth value "${kind}".`, target: '--auth' });
  // A client secret read by EnvironmentCredential must never be echoed either.
  registerSecret(process.env.AZURE_CLIENT_SECRET);
  const authority = { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: env.cloud.disableInstanceDiscovery, tenantId: env.tenantId };
  let credential: TokenCredential;
  let name: string;
  switch (k) {
    case 'cli':
      credential = new AzureCliCredential({ tenantId: env.tenantId });
      name = 'AzureCliCredential';
      break;
    case 'env':
      credential = new EnvironmentCredential(authority);
      name = 'EnvironmentCredential';
      break;
    case 'workload':
      credential = new WorkloadIdentityCredential(authority);
      name = 'WorkloadIdentityCredential';
      break;
    case 'managed-identity':
      credential = process.env.AZURE_CLIENT_ID ? new ManagedIdentityCredential({ clientId: process.env.AZURE_CLIENT_ID }) : new ManagedIdentityCredential();
      name = 'ManagedIdentityCredential';
      break;
    case 'github-oidc': {
      credential = githubOidcCredential(env);
      name = `ClientAssertionCredential(GitHub OIDC, client ${process.env.AZURE_CLIENT_ID})`;
      break;
    }
    case 'interactive':
      credential = new InteractiveBrowserCredential({ ...authority, redirectUri: 'http://localhost' });
      name = 'InteractiveBrowserCredential';
      break;
    default:
      try {
        credential = new DefaultAzureCredential(authority);
      } catch (e) {
        throw new CkError({
          code: 'CK_DEPLOY_AUTH_INVALID',
          message: `DefaultAzureCredential: ${(e as Error).message}`,
          hint: 'AZURE_TOKEN_CREDENTIALS must be dev, prod or one credential name (e.g. AzureCliCredential).',
          cause: e,
        });
      }
      name = process.env.AZURE_TOKEN_CREDENTIALS ? `DefaultAzureCredential(${process.env.AZURE_TOKEN_CREDENTIALS})` : 'DefaultAzureCredential';
  }
  return { credential: scrubbing(credential), name };
}

/** Wraps a credential so each token is registered as a secret before anyone sees it. */
export function scrubbing(inner: TokenCredential): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      let t: AccessToken | null;
      try {
        t = await inner.getToken(scopes, options);
      } catch (e) {
        // A credential that already explains itself (github-oidc) keeps its code and hint.
        if (isCkError(e)) throw e;
        throw new CkError({ code: 'CK_DEPLOY_AUTH_FAILED', message: `Could not get a token for ${String(scopes)}: ${(e as Error).message.split('\n')[0]}`, cause: e });
      }
      if (t) registerSecret(t.token);
      return t;
    },
  };
}
