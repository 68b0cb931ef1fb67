/**
 * A loopback Microsoft Graph v1.0 for `applications` and `servicePrincipals` — the calls the deploy makes.
 * Behaviour (validation, error shape, uniqueness, faults) is specified in graph-double.md.
 */
import { randomUUID } from 'node:crypto';
import { startDoubleServer, jwtPayload, type DoubleServer, type DoubleRequest, type DoubleResponse } from './double-server';
import { appRoleAssignmentsRoute, microsoftGraphServicePrincipal, ownersRoute, type AppRoleState } from './app-roles';
import { federatedCredentialRoute, type GraphFederatedCredential } from './federated-credentials';

export type { GraphFederatedCredential } from './federated-credentials';
export { MICROSOFT_GRAPH_APP_ID, type GraphAppRoleAssignment } from './app-roles';

export interface GraphApplication {
  id: string;
  appId: string;
  displayName: string;
  uniqueName?: string;
  signInAudience: string;
  identifierUris: string[];
  api: { requestedAccessTokenVersion: number | null; oauth2PermissionScopes: Array<Record<string, unknown>>; preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }> };
  web: { redirectUris: string[]; homePageUrl: string | null; logoutUrl: string | null; implicitGrantSettings: { enableIdTokenIssuance: boolean; enableAccessTokenIssuance: boolean } };
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
  description: string | null;
  notes: string | null;
  /** Free-form strings (deploy marks the apps it creates with `connectorkit-env:<env>`). */
  tags: string[];
  passwordCredentials: Array<{ keyId: string; displayName: string | null; hint: string; endDateTime: string; startDateTime: string; secretText: null }>;
  createdDateTime: string;
  publisherDomain: string;
}

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType: string;
  accountEnabled: boolean;
}

export interface GraphDoubleOptions {
  /** The audience Graph tokens must carry (the env's graph endpoint, e.g. the double's own URL). Unset: any bearer. */
  audience?: string;
  /**
   * Called with the object id of each service principal created: Graph and ARM front one Entra directory, so a test
   * harness passes the ARM double's `addPrincipal` here (role assignments to a new principal then pass its check).
   */
  onServicePrincipal?: (objectId: string) => void;
}

export interface GraphDouble extends DoubleServer {
  state: AppRoleState & {
    applications: GraphApplication[];
    /** The service principals made in the tenant (Microsoft Graph's own is `microsoftGraph`). */
    servicePrincipals: GraphServicePrincipal[];
    microsoftGraph: ReturnType<typeof microsoftGraphServicePrincipal>;
    /** Federated identity credentials by application object id. */
    federatedCredentials: Record<string, GraphFederatedCredential[]>;
  };
  /** The federated credentials of the app with this appId (client id), or undefined for an unknown app (the token double asks). */
  federatedCredentialsFor(appId: string): GraphFederatedCredential[] | undefined;
  /** Client secrets handed out by addPassword (tests assert they never reach output). */
  issuedSecrets: string[];
  /** Adds objects directly (pre-existing tenant state). */
  seed(s: { applications?: Array<Partial<GraphApplication> & { displayName: string }> }): void;
}

const err = (status: number, code: string, message: string): DoubleResponse => ({
  status,
  body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } },
});

const APP_WRITABLE = new Set(['displayName', 'uniqueName', 'signInAudience', 'identifierUris', 'api', 'web', 'requiredResourceAccess', 'description', 'notes', 'tags']);
const SIGN_IN = new Set(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']);

export async function startGraphDouble(opts: GraphDoubleOptions = {}): Promise<GraphDouble> {
  const state: GraphDouble['state'] = {
    applications: [],
    servicePrincipals: [],
    microsoftGraph: microsoftGraphServicePrincipal(),
    federatedCredentials: {},
    appRoleAssignments: [],
    owners: {},
    canGrantAppRoles: true,
    canChangeOwners: true,
  };
  const principals = () => [state.microsoftGraph, ...state.servicePrincipals];
  const issuedSecrets: string[] = [];

  const newApp = (body: Record<string, unknown>): GraphApplication => ({
    id: randomUUID(),
    appId: randomUUID(),
    displayName: String(body.displayName),
    signInAudience: 'AzureADMyOrg',
    identifierUris: [],
    api: { requestedAccessTokenVersion: null, oauth2PermissionScopes: [], preAuthorizedApplications: [] },
    web: { redirectUris: [], homePageUrl: null, logoutUrl: null, implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false } },
    requiredResourceAccess: [],
    description: null,
    notes: null,
    tags: [],
    passwordCredentials: [],
    createdDateTime: new Date().toISOString(),
    publisherDomain: 'contoso.onmicrosoft.com',
  });

  /** Applies a create/patch body onto an app; returns an error response when the body breaks a Graph rule. */
  const applyAppBody = (app: GraphApplication, body: Record<string, unknown>, creating: boolean): DoubleResponse | undefined => {
    for (const k of Object.keys(body)) {
      if (!APP_WRITABLE.has(k)) return err(400, 'Request_BadRequest', `Property '${k}' does not exist on type 'microsoft.graph.application' or is read-only.`);
    }
    if (body.uniqueName !== undefined) {
      if (!creating && app.uniqueName && body.uniqueName !== app.uniqueName) return err(400, 'Request_BadRequest', 'Property uniqueName is immutable once set.');
      if (state.applications.some((a) => a !== app && a.uniqueName === body.uniqueName))
        return err(400, 'Request_MultipleObjectsWithSameKeyValue', `Another object with the same value for property uniqueName already exists.`);
    }
    if (body.signInAudience !== undefined && !SIGN_IN.has(String(body.signInAudience)))
      return err(400, 'Request_BadRequest', `Invalid value specified for property 'signInAudience' of resource 'Application'.`);
    const next = structuredClone(app);
    if (body.displayName !== undefined) next.displayName = String(body.displayName);
    if (body.uniqueName !== undefined) next.uniqueName = String(body.uniqueName);
    if (body.signInAudience !== undefined) next.signInAudience = String(body.signInAudience);
    if (body.identifierUris !== undefined) next.identifierUris = body.identifierUris as string[];
    if (body.requiredResourceAccess !== undefined) next.requiredResourceAccess = body.requiredResourceAccess as GraphApplication['requiredResourceAccess'];
    if (body.description !== undefined) next.description = body.description === null ? null : String(body.description);
    if (body.notes !== undefined) next.notes = body.notes === null ? null : String(body.notes);
    if (body.tags !== undefined) {
      if (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string')) return err(400, 'Request_BadRequest', "Invalid value specified for property 'tags' of resource 'Application'.");
      next.tags = [...(body.tags as string[])];
    }
    if (body.web !== undefined) next.web = { ...next.web, ...(body.web as object) };
    if (body.api !== undefined) {
      const api = body.api as Partial<GraphApplication['api']>;
      const scopes = api.oauth2PermissionScopes ?? next.api.oauth2PermissionScopes;
      // Graph refuses to drop a scope that is still enabled (it must be disabled in an earlier PATCH).
      for (const old of next.api.oauth2PermissionScopes) {
        if (old.isEnabled && !scopes.some((s) => s.id === old.id))
          return err(400, 'CannotDeleteOrUpdateEnabledEntitlement', 'Permission (scope or role) cannot be deleted or updated unless disabled first.');
      }
      for (const s of scopes) if (!s.id || !s.value || !s.type) return err(400, 'Request_BadRequest', 'oauth2PermissionScopes entries need id, value and type.');
      next.api = { ...next.api, ...api } as GraphApplication['api'];
    }
    for (const uri of next.identifierUris) {
      if (!/^(api|https):\/\//.test(uri)) return err(400, 'Request_BadRequest', `Values of identifierUris property must use a verified domain of the organization or its subdomain: '${uri}'.`);
      if (uri.startsWith('api://') && uri !== `api://${next.appId}` && next.api.requestedAccessTokenVersion !== 2)
        return err(
          400,
          'HostNameNotOnVerifiedDomain',
          `The newly added URI ${uri} must comply with the format 'api://{appId}' or 'api://{tenantId}/{appId}'. If the requestedAccessTokenVersion is set to 2, this restriction may not apply.`,
        );
    }
    const scopeIds = new Set(next.api.oauth2PermissionScopes.map((s) => s.id));
    for (const p of next.api.preAuthorizedApplications) {
      for (const id of p.delegatedPermissionIds)
        if (!scopeIds.has(id)) return err(400, 'InvalidPreAuthorizedAppPermission', `Permission ${id} referenced in preAuthorizedApplications does not exist on the application.`);
    }
    for (const u of next.web.redirectUris)
      if (!/^https:\/\//.test(u) && !/^http:\/\/localhost/.test(u)) return err(400, 'Request_BadRequest', `Invalid redirect URI '${u}': web redirect URIs must use https.`);
    Object.assign(app, next);
    return undefined;
  };

  const filterEq = (filter: string | null): [string, string] | undefined => {
    if (!filter) return undefined;
    const m = /^\s*(displayName|uniqueName|appId)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
    return m ? [m[1]!, m[2]!.replace(/''/g, "'")] : undefined;
  };

  const findApp = (seg: string): GraphApplication | undefined => {
    const alt = /^applications\((appId|uniqueName)='([^']*)'\)$/.exec(seg);
    if (alt) return state.applications.find((a) => (alt[1] === 'appId' ? a.appId : a.uniqueName) === alt[2]);
    return state.applications.find((a) => `applications/${a.id}` === seg);
  };

  const route = async (req: DoubleRequest): Promise<DoubleResponse | undefined> => {
    const p = req.url.pathname.replace(/^\/v1\.0\//, '');
    if (!req.url.pathname.startsWith('/v1.0/')) return undefined;
    const auth = String(req.headers.authorization ?? '');
    const claims = auth.startsWith('Bearer ') ? jwtPayload(auth.slice(7)) : undefined;
    if (!claims) return err(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (opts.audience && claims.aud !== opts.audience) return err(401, 'InvalidAuthenticationToken', `Access token validation failure. Invalid audience '${String(claims.aud)}'.`);
    let body: Record<string, unknown> = {};
    if (req.body) {
      try {
        body = JSON.parse(req.body) as Record<string, unknown>;
      } catch {
        return err(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
    }
    const seg = decodeURIComponent(p);
    if (seg === 'applications' && req.method === 'GET') {
      const f = req.url.searchParams.get('$filter');
      const eq = filterEq(f);
      if (f && !eq) return err(400, 'Request_UnsupportedQuery', `Unsupported query: ${f}`);
      const value = eq ? state.applications.filter((a) => (a as unknown as Record<string, unknown>)[eq[0]] === eq[1]) : state.applications;
      return { status: 200, body: { '@odata.context': `${req.url.origin}/v1.0/$metadata#applications`, value } };
    }
    if (seg === 'applications' && req.method === 'POST') {
      if (typeof body.displayName !== 'string' || !body.displayName) return err(400, 'Request_BadRequest', "A value is required for property 'displayName' of resource 'Application'.");
      if ('passwordCredentials' in body) return err(400, 'Request_BadRequest', 'Password credentials cannot be set on create; use addPassword.');
      const app = newApp(body);
      const bad = applyAppBody(app, body, true);
      if (bad) return bad;
      state.applications.push(app);
      return { status: 201, body: app, headers: { location: `${req.url.origin}/v1.0/applications/${app.id}` } };
    }
    const fic = /^(applications\/[^/(]+|applications\((?:appId|uniqueName)='[^']*'\))\/federatedIdentityCredentials(.*)$/.exec(seg);
    if (fic) {
      const app = findApp(fic[1]!);
      if (!app) return err(404, 'Request_ResourceNotFound', `Resource '${fic[1]}' does not exist or one of its queried reference-property objects are not present.`);
      const list = (state.federatedCredentials[app.id] ??= []);
      const context = `${req.url.origin}/v1.0/$metadata#applications('${app.id}')/federatedIdentityCredentials`;
      return federatedCredentialRoute(list, req.method, fic[2]!, body, req.url.searchParams.get('$filter'), context, (s, c, m) => err(s, c, m));
    }
    const owners = /^applications\/([^/(]+)\/owners(\/\$ref)?$/.exec(seg);
    if (owners) {
      const app = findApp(`applications/${owners[1]}`);
      if (!app) return err(404, 'Request_ResourceNotFound', `Resource '${owners[1]}' does not exist or one of its queried reference-property objects are not present.`);
      return ownersRoute(state, principals(), app.id, owners[2] ?? '', req.method, body, req.url.origin, err);
    }
    const addPw = /^(applications\/[^/]+)\/addPassword$/.exec(seg);
    if (addPw && req.method === 'POST') {
      const app = findApp(addPw[1]!);
      if (!app) return err(404, 'Request_ResourceNotFound', `Resource '${addPw[1]}' does not exist or one of its queried reference-property objects are not present.`);
      const pc = (body.passwordCredential ?? {}) as Record<string, unknown>;
      const secretText = `${randomUUID().replace(/-/g, '').slice(0, 3)}8Q~${randomUUID().replace(/-/g, '')}`;
      issuedSecrets.push(secretText);
      const cred = {
        keyId: randomUUID(),
        displayName: (pc.displayName as string) ?? null,
        hint: secretText.slice(0, 3),
        startDateTime: new Date().toISOString(),
        endDateTime: (pc.endDateTime as string) ?? new Date(Date.now() + 180 * 864e5).toISOString(),
        secretText: null,
      };
      app.passwordCredentials.push(cred);
      return { status: 200, body: { ...cred, secretText, customKeyIdentifier: null } };
    }
    if (/^applications(\/[^/]+|\(.*\))$/.test(seg)) {
      const app = findApp(seg);
      if (!app) return err(404, 'Request_ResourceNotFound', `Resource '${seg}' does not exist or one of its queried reference-property objects are not present.`);
      if (req.method === 'GET') return { status: 200, body: app };
      if (req.method === 'PATCH') {
        const bad = applyAppBody(app, body, false);
        return bad ?? { status: 204 };
      }
      if (req.method === 'DELETE') {
        state.applications.splice(state.applications.indexOf(app), 1);
        delete state.federatedCredentials[app.id];
        delete state.owners[app.id];
        return { status: 204 };
      }
      return undefined;
    }
    if (seg === 'servicePrincipals' && req.method === 'GET') {
      const f = req.url.searchParams.get('$filter');
      const eq = filterEq(f);
      if (f && !eq) return err(400, 'Request_UnsupportedQuery', `Unsupported query: ${f}`);
      const value = eq ? principals().filter((s) => (s as unknown as Record<string, unknown>)[eq[0]] === eq[1]) : principals();
      return { status: 200, body: { '@odata.context': `${req.url.origin}/v1.0/$metadata#servicePrincipals`, value } };
    }
    if (seg === 'servicePrincipals' && req.method === 'POST') {
      const app = state.applications.find((a) => a.appId === body.appId);
      if (!app) return err(400, 'Request_BadRequest', `The appId '${String(body.appId)}' of the service principal does not reference a valid application object.`);
      if (state.servicePrincipals.some((s) => s.appId === app.appId)) return err(409, 'Request_MultipleObjectsWithSameKeyValue', 'The service principal name is already present for the tenant.');
      const sp: GraphServicePrincipal = { id: randomUUID(), appId: app.appId, displayName: app.displayName, servicePrincipalType: 'Application', accountEnabled: true };
      state.servicePrincipals.push(sp);
      opts.onServicePrincipal?.(sp.id);
      return { status: 201, body: sp };
    }
    const roles = /^servicePrincipals\/([^/]+)\/appRoleAssignments$/.exec(seg);
    if (roles) return appRoleAssignmentsRoute(state, principals(), roles[1]!, req.method, body, req.url.origin, err);
    const spGet = /^servicePrincipals\/([^/]+)$/.exec(seg);
    if (spGet && req.method === 'GET') {
      const sp = principals().find((s) => s.id === spGet[1]);
      return sp ? { status: 200, body: sp } : err(404, 'Request_ResourceNotFound', `Resource '${spGet[1]}' does not exist.`);
    }
    if (spGet && req.method === 'DELETE') {
      const at = state.servicePrincipals.findIndex((s) => s.id === spGet[1]);
      if (at < 0) return err(404, 'Request_ResourceNotFound', `Resource '${spGet[1]}' does not exist.`);
      state.servicePrincipals.splice(at, 1);
      state.appRoleAssignments = state.appRoleAssignments.filter((a) => a.principalId !== spGet[1]);
      return { status: 204 };
    }
    return undefined;
  };

  const server = await startDoubleServer(route, (status, code, message) => err(status, code, message).body);
  return {
    ...server,
    state,
    issuedSecrets,
    federatedCredentialsFor: (appId) => {
      const app = state.applications.find((a) => a.appId === appId);
      return app ? (state.federatedCredentials[app.id] ?? []) : undefined;
    },
    seed: (s) => {
      for (const a of s.applications ?? []) {
        const app = newApp(a);
        Object.assign(app, a);
        state.applications.push(app);
      }
    },
  };
}
