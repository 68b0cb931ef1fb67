/**
 * Points the docs page's Authorize button at the dev issuer: the served spec's oauth2 security definitions get the
 * dev issuer's authorize/token endpoints, and Swagger UI uses the authorization code flow with PKCE as the dev
 * client app (no secret involved). The spec file on disk is untouched.
 */
import type { DocsOptions } from '../host';
import type { DevIssuer } from '../auth-dev';

export function devDocsOptions(issuer: DevIssuer, scope: string): DocsOptions {
  const tid = issuer.identities.tenantId;
  return {
    initOAuth: { clientId: issuer.identities.clientAppId, usePkceWithAuthorizationCodeGrant: true, scopes: scope, appName: 'connectorkit dev' },
    specTransform: (spec) => {
      const defs = (spec.securityDefinitions ?? {}) as Record<string, Record<string, unknown>>;
      for (const def of Object.values(defs)) {
        if (def.type !== 'oauth2') continue;
        def.flow = 'accessCode';
        def.authorizationUrl = `${issuer.url}/${tid}/oauth2/v2.0/authorize`;
        def.tokenUrl = `${issuer.url}/${tid}/oauth2/v2.0/token`;
        const scopes = (def.scopes ?? {}) as Record<string, string>;
        if (!(scope in scopes)) scopes[scope] = 'Access the API as the signed-in dev user';
        def.scopes = scopes;
        def.description = `Local development: signs in as ${issuer.identities.user.username} at the dev issuer ${issuer.url} (no password).`;
      }
      return spec;
    },
  };
}
