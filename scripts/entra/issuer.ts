/**
 * The v1 access-token issuer the API policy must accept. Entra's v1 tokens are not issued by the authority host
 * (`https://sts.windows.net/{tenant}/`, not `https://login.microsoftonline.com/{tenant}/`), so for a custom cloud
 * the issuer is read from the v1 OpenID metadata — what the gateway itself will compare against — unless the env
 * file names it (`cloud.v1Issuer`).
 */
import { CkError } from '../core/errors';
import { type DeployContext, withRetry } from '../deploy/providers/kit';

export async function v1Issuer(ctx: DeployContext): Promise<string> {
  const { cloud, tenantId } = ctx.env;
  if (cloud.v1Issuer) return cloud.v1Issuer.replace('{tenantId}', tenantId);
  if (cloud.v1IssuerBase) return `${cloud.v1IssuerBase}${tenantId}/`;
  const url = `${cloud.authorityHost}/${tenantId}/.well-known/openid-configuration`;
  const fail = (why: string, cause?: unknown) =>
    new CkError({
      code: 'CK_DEPLOY_ISSUER_UNKNOWN',
      message: `Could not read the v1 token issuer from ${url}: ${why}; nothing was written.`,
      hint: `Check cloud.authorityHost in ${ctx.env.file}, or set cloud.v1Issuer there (e.g. "https://sts.windows.net/{tenantId}/").`,
      target: `${ctx.env.file}#cloud.v1Issuer`,
      cause,
    });
  let body: { issuer?: unknown };
  try {
    body = await withRetry(
      async () => {
        const res = await fetch(url, { headers: { accept: 'application/json' } });
        if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
        return (await res.json()) as { issuer?: unknown };
      },
      ctx.retry,
      ctx.stats,
    );
  } catch (e) {
    throw fail(String((e as Error).message ?? e), e);
  }
  if (typeof body.issuer !== 'string' || !/^https:\/\//.test(body.issuer)) throw fail('the document has no https issuer');
  return body.issuer;
}
