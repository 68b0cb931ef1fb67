/**
 * A loopback stand-in for GitHub Actions' OIDC token endpoint (the URL a job with `permissions: id-token: write`
 * finds in ACTIONS_ID_TOKEN_REQUEST_URL) and for the JWKS of its issuer. Behaviour: github-oidc-double.md.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { startDoubleServer, type DoubleServer, type DoubleResponse } from '../graph-double/double-server';

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

export interface GithubOidcDoubleOptions {
  /** The owner/name the job runs in. */
  repository: string;
  /** The job's `environment:` (the subject is then `repo:<repo>:environment:<env>`); unset: a branch subject. */
  environment?: string;
  /** Branch for the subject when there is no environment (default main). */
  ref?: string;
  /** The `iss` claim (default GitHub's issuer, which the federated credential names). */
  issuer?: string;
  /** Token lifetime in seconds (default 300; negative mints already-expired tokens). */
  lifetimeSec?: number;
}

export interface GithubOidcDouble extends Omit<DoubleServer, 'writes'> {
  /** Value for ACTIONS_ID_TOKEN_REQUEST_URL (already carries `?api-version=2.0`, as GitHub's does). */
  requestUrl: string;
  /** Value for ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string;
  /** The issuer's JWKS URL (what Entra fetches to verify the token). */
  jwksUrl: string;
  issuer: string;
  subject: string;
  /** Every ID token handed out, with the audience it was asked for. */
  issued: Array<{ audience: string; token: string }>;
}

const fail = (status: number, message: string): DoubleResponse => ({ status, body: { message } });

export async function startGithubOidcDouble(opts: GithubOidcDoubleOptions): Promise<GithubOidcDouble> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const requestToken = `ghs_${randomUUID().replace(/-/g, '')}`;
  const issuer = opts.issuer ?? GITHUB_ACTIONS_ISSUER;
  const [owner] = opts.repository.split('/');
  const subject = opts.environment ? `repo:${opts.repository}:environment:${opts.environment}` : `repo:${opts.repository}:ref:refs/heads/${opts.ref ?? 'main'}`;
  const issued: GithubOidcDouble['issued'] = [];
  const server = await startDoubleServer(
    async (req) => {
      if (req.method === 'GET' && req.url.pathname === '/.well-known/jwks') return { status: 200, body: { keys: [jwk] } };
      if (req.url.pathname !== '/_apis/distributedtask/idtoken') return undefined;
      if (req.method !== 'GET') return undefined;
      const auth = /^bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
      if (!auth || auth[1] !== requestToken) return fail(401, 'Bad credentials: the request token is missing or invalid.');
      if (req.url.searchParams.get('api-version') !== '2.0') return fail(400, 'api-version 2.0 is required.');
      // GitHub defaults the audience to the owner's URL when none is asked for.
      const audience = req.url.searchParams.get('audience') ?? `https://github.com/${owner}`;
      const lifetime = opts.lifetimeSec ?? 300;
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({
        repository: opts.repository,
        repository_owner: owner,
        ref: `refs/heads/${opts.ref ?? 'main'}`,
        ...(opts.environment ? { environment: opts.environment } : {}),
        event_name: 'workflow_dispatch',
        job_workflow_ref: `${opts.repository}/.github/workflows/deploy.yml@refs/heads/${opts.ref ?? 'main'}`,
        runner_environment: 'github-hosted',
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(issuer)
        .setSubject(subject)
        .setAudience(audience)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setNotBefore(now - 5)
        .setExpirationTime(now + lifetime)
        .sign(privateKey);
      issued.push({ audience, token });
      return { status: 200, body: { count: token.length, value: token } };
    },
    (_status, code, message) => ({ message: `${code}: ${message}` }),
  );
  const { writes: _w, ...rest } = server;
  return {
    ...rest,
    requestUrl: `${server.url}/_apis/distributedtask/idtoken?api-version=2.0`,
    requestToken,
    jwksUrl: `${server.url}/.well-known/jwks`,
    issuer,
    subject,
    issued,
  };
}
