/**
 * The tsoa authentication module for `@Security('entra', ['user_impersonation'])`: verifies the Entra bearer
 * token (v1 or v2) and returns the Principal, or throws 401/403 with a `WWW-Authenticate: Bearer` challenge.
 * The log says which check failed; the caller only gets the standard `error`/`error_description`.
 * The token itself is never logged.
 */
import type { HttpRequest, InvocationContext } from '@azure/functions';
import { ApiErrorCode, apiError } from '../errors';
import { readAuthSettings, type AuthSettings } from './settings';
import { toPrincipal, type Principal } from './principal';
import { TokenRejection, TokenVerifier, type RejectReason } from './verifier';

export type { Principal } from './principal';
export { isPrincipal } from './principal';

/** The security scheme name used by the controllers and declared in the spec's securityDefinitions. */
export const SECURITY_NAME = 'entra';

/** The @Security names this module handles; the build refuses any other name (file:line). */
export const securityNames = [SECURITY_NAME] as const;

let cached: { key: string; verifier: TokenVerifier; settings: AuthSettings } | undefined;

function current(): { verifier: TokenVerifier; settings: AuthSettings } {
  const { settings, missing } = readAuthSettings();
  if (!settings) {
    throw apiError(ApiErrorCode.AuthNotConfigured, 'Token validation is not configured on this API.', {
      hint: `Set the app settings ${missing.join(', ')} (locally \`connectorkit serve\` sets them for the dev issuer).`,
    });
  }
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, settings, verifier: new TokenVerifier(settings) };
  return cached;
}

/**
 * Authenticates a request for a `@Security` requirement.
 * @param context optional; when given, the failed check is logged through it (else through console.warn).
 */
export async function authenticate(request: HttpRequest, securityName: string, scopes: string[] = [], context?: InvocationContext): Promise<Principal> {
  if (securityName !== SECURITY_NAME) {
    throw apiError(ApiErrorCode.AuthNotConfigured, `Unknown security scheme '${securityName}'.`, { hint: `Use @Security('${SECURITY_NAME}', [...]) on controllers.` });
  }
  const { verifier, settings } = current();
  const realm = settings.audiences[0]!;
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header);
  try {
    if (!m) throw new TokenRejection(header ? 'malformed' : 'missing', header ? 'Authorization header is not "Bearer <token>"' : 'no Authorization header');
    const payload = await verifier.verify(m[1]!);
    const principal = toPrincipal(payload);
    const accepted = settings.requiredScope ? [settings.requiredScope] : scopes;
    const hasScope = accepted.length === 0 || accepted.some((s) => principal.scopes.includes(s));
    const hasRole = settings.appRoles.some((r) => principal.roles.includes(r));
    if (!hasScope && !hasRole) {
      log(context, 'insufficient_scope', `token of ${principal.objectId} has scp [${principal.scopes.join(' ')}] roles [${principal.roles.join(' ')}], needs ${accepted.join(' or ')}`);
      throw apiError(ApiErrorCode.InsufficientScope, 'The access token does not grant the permission this operation needs.', {
        hint: `Request a token with the scope ${accepted.join(' or ')}.`,
        headers: { 'WWW-Authenticate': `Bearer realm="${realm}", error="insufficient_scope", error_description="The token lacks the required scope", scope="${accepted.join(' ')}"` },
      });
    }
    return principal;
  } catch (e) {
    if (!(e instanceof TokenRejection)) throw e;
    log(context, e.reason, e.message);
    if (e.reason === 'metadata_unavailable') {
      throw apiError(ApiErrorCode.AuthMetadataUnavailable, 'The API cannot validate tokens right now.', {
        hint: 'The token issuer metadata (AUTH_OPENID_CONFIG_URLS) is unreachable; retry later.',
        headers: { 'Retry-After': '5' },
      });
    }
    throw apiError(ApiErrorCode.InvalidToken, 'The access token is missing or invalid.', {
      hint: 'Send "Authorization: Bearer <token>" with a valid token for this API (locally: connectorkit token).',
      headers: { 'WWW-Authenticate': `Bearer realm="${realm}", error="invalid_token", error_description="${describe(e.reason)}"` },
    });
  }
}

/** Standard-grade descriptions only: no detail on which claim failed. */
function describe(reason: RejectReason): string {
  if (reason === 'missing') return 'No access token was sent';
  if (reason === 'expired') return 'The token is expired';
  return 'The token is invalid';
}

function log(context: InvocationContext | undefined, check: string, detail: string): void {
  const line = `auth: token rejected, check=${check}: ${detail}`;
  if (context) context.warn(line);
  else console.warn(line);
}
