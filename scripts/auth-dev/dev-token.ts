/**
 * `connectorkit token`: mints a dev access token with the dev issuer's persisted signing key, for the issuer URL
 * that `connectorkit serve` uses: the running issuer's (running.json beside the key, while its process lives),
 * else 127.0.0.1:serve.issuerPort. The issuer does not have to be running: the key is shared through the key
 * file, so a config-port token validates as soon as `serve` runs on that port.
 */
import { CkError } from '../core/errors';
import { DEV_IDENTITIES } from './identities';
import { KeySet, loadOrCreateKey } from './keys';
import { devIssuers, mintAccessToken, type TokenVersion } from './mint';
import { readRunningIssuer, runningIssuerFile } from './running-issuer';
import './codes';

export interface DevTokenRequest {
  keyFile: string;
  issuerPort: number;
  scopes: string[];
  roles?: string[];
  version: TokenVersion;
  expiresInSeconds: number;
}

export interface DevToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  expiresOn: string;
  version: TokenVersion;
  scope: string;
  issuer: string;
  audience: string;
  /** Where the issuer URL came from: a running `serve` (running.json) or the configured port. */
  issuerSource: 'running' | 'config';
}

/** Parses 3600, 3600s, 90m, 2h, 1d. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*(s|m|h|d)?$/i.exec(text.trim());
  const n = m ? Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[(m[2] ?? 's').toLowerCase()]! : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 86400) {
    throw new CkError({ code: 'CK_AUTH_DEV_BAD_REQUEST', message: `--expires-in "${text}" is not a duration between 1 second and 24 hours.`, target: 'expires-in' });
  }
  return n;
}

export async function mintDevToken(r: DevTokenRequest): Promise<DevToken> {
  const running = readRunningIssuer(runningIssuerFile(r.keyFile));
  if (!running && !r.issuerPort) {
    throw new CkError({
      code: 'CK_AUTH_DEV_BAD_REQUEST',
      message: 'serve.issuerPort is 0 (a random port), so no token can name the issuer in advance.',
      hint: 'Start `connectorkit serve` first (the token then names its running issuer), or set connectorkit.serve.issuerPort to a fixed port (default 7072).',
      target: 'serve.issuerPort',
    });
  }
  const keys = new KeySet();
  await loadOrCreateKey(keys, r.keyFile);
  const baseUrl = running?.url ?? `http://127.0.0.1:${r.issuerPort}`;
  const accessToken = await mintAccessToken(keys, { baseUrl, version: r.version, scopes: r.scopes, roles: r.roles, expiresIn: r.expiresInSeconds });
  const iss = devIssuers(baseUrl, DEV_IDENTITIES.tenantId);
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: r.expiresInSeconds,
    expiresOn: new Date(Date.now() + r.expiresInSeconds * 1000).toISOString(),
    version: r.version,
    scope: r.scopes.join(' '),
    issuer: r.version === '1.0' ? iss.v1 : iss.v2,
    audience: r.version === '1.0' ? `api://${DEV_IDENTITIES.apiAppId}` : DEV_IDENTITIES.apiAppId,
    issuerSource: running ? 'running' : 'config',
  };
}
