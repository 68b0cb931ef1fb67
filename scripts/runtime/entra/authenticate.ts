/**
 * The built-in check behind `@Security('entra', ['<scope>'])`: verifies the Entra bearer token (v1 or v2) and
 * returns the EntraPrincipal, or throws 401/403 with a `WWW-Authenticate: Bearer` challenge. The generated routes use
 * it unless the project has its own auth module (connectorkit.authModule). The log says which check failed; the
 * caller only gets the standard `error`/`error_description`. The token itself is never logged.
 */
import type { HttpRequest, InvocationContext } from '@azure/functions';
import { HttpError } from '../http-error';
import { HTTP_CODES } from '../http-codes';
import { escapeForLog } from '../log-text';
import { readAuthSettings, type AuthSettings } from './settings';
import { toPrincipal, type EntraPrincipal } from './principal';
import { TokenRejection, TokenVerifier, type RejectReason } from './verifier';
import { BUILT_IN_SECURITY_NAMES, ENTRA_SECURITY_NAME } from './names';

export { ENTRA_SECURITY_NAME };

/** The @Security names this module handles (./names.ts); the build refuses any other name (file:line). */
export const securityNames = BUILT_IN_SECURITY_NAMES;

let cached: { key: string; verifier: TokenVerifier; settings: AuthSettings } | undefined;

function current(): { verifier: TokenVerifier; settings: AuthSettings } {
  const { settings, missing } = readAuthSettings();
  if (!settings) {
    throw new HttpError(500, HTTP_CODES.AUTH_NOT_CONFIGURED, 'Token validation is not configured on this API.', {
      hint: `Set the app settings ${missing.join(', ')} (locally \`connectorkit serve\` sets them for the dev issuer).`,
    });
  }
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, settings, verifier: new TokenVerifier(settings) };
  return cached;
}

/**
 * Authenticates a request for a `@Security('entra', scopes)` requirement (an AuthenticateFn).
 * @param context optional; when given, the failed check is logged through it (else through console.warn).
 */
export async function entraAuthenticate(request: HttpRequest, securityName: string, scopes: string[] = [], context?: InvocationContext): Promise<EntraPrincipal> {
  if (securityName !== ENTRA_SECURITY_NAME) {
    throw new HttpError(500, HTTP_CODES.AUTH_NOT_CONFIGURED, `Unknown security scheme '${securityName}'.`, {
      hint: `Use @Security('${ENTRA_SECURITY_NAME}', [...]) on controllers, or set connectorkit.authModule to a module that handles '${securityName}'.`,
    });
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
      throw new HttpError(403, HTTP_CODES.INSUFFICIENT_SCOPE, 'The access token does not grant the permission this operation needs.', {
        hint: `Request a token with the scope ${accepted.join(' or ')}${settings.appRoles.length ? ` (or the app role ${settings.appRoles.join(' or ')})` : ''}.`,
        headers: { 'WWW-Authenticate': `Bearer realm="${realm}", error="insufficient_scope", error_description="The token lacks the required scope", scope="${accepted.join(' ')}"` },
      });
    }
    return principal;
  } catch (e) {
    if (!(e instanceof TokenRejection)) throw e;
    log(context, e.reason, e.message);
    if (e.reason === 'metadata_unavailable') {
      throw new HttpError(503, HTTP_CODES.AUTH_METADATA_UNAVAILABLE, 'The API cannot validate tokens right now.', {
        hint: 'Retry after Retry-After; the operator checks that the token issuer metadata (AUTH_OPENID_CONFIG_URLS) is reachable.',
        headers: { 'Retry-After': '5' },
      });
    }
    throw new HttpError(401, HTTP_CODES.INVALID_TOKEN, 'The access token is missing or invalid.', {
      hint: 'Send "Authorization: Bearer <token>" with a valid token for this API (locally: npm exec --no -- connectorkit token).',
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
  // The detail may carry library messages or (verified) claims: escaped so no value can start a new log line.
  const line = `auth: token rejected, check=${check}: ${escapeForLog(detail)}`;
  if (context) context.warn(line);
  else console.warn(line);
}
