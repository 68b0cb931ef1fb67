/**
 * Entra ID app registrations through Microsoft Graph: the API app (scope, v2 tokens, api://{appId}) and its
 * service principal, the connector's client app (consent redirect URIs, permission on the scope) pre-authorized
 * on the API app, and — only when asked — a client secret. Apps are found by their Graph `uniqueName`, so a
 * re-run (or a retry after a lost response) finds them instead of creating duplicates.
 */
import { createHash } from 'node:crypto';
import type { DeployContext } from '../deploy/context';
import { UNKNOWN, type Step } from '../deploy/engine';
import { diffProps } from '../deploy/compare';
import { isTransient } from '../deploy/retry';
import { GraphError } from './graph-client';
import type { EntraAppRef, PlannedChange } from '../deploy/types';

export const CONSENT_REDIRECT = 'https://global.consent.azure-apim.net/redirect';

interface App {
  id: string;
  appId: string;
  displayName: string;
  uniqueName?: string;
  signInAudience?: string;
  identifierUris?: string[];
  api?: { requestedAccessTokenVersion?: number | null; oauth2PermissionScopes?: Array<Record<string, unknown>>; preAuthorizedApplications?: Array<{ appId: string; delegatedPermissionIds: string[] }> };
  web?: Record<string, unknown> & { redirectUris?: string[] };
  requiredResourceAccess?: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
}

/** A stable GUID (name-based) so the scope id is the same on every machine and re-run. */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(`connectorkit:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function findApp(ctx: DeployContext, ref: EntraAppRef): Promise<App | undefined> {
  const found = await ctx.graph.listBy<App>('applications', 'uniqueName', ref.uniqueName);
  return found[0];
}

/** POSTs a create; a lost response or a duplicate-key answer is resolved by reading the object back. */
async function createOnce<T>(ctx: DeployContext, post: () => Promise<T>, reread: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post();
    } catch (e) {
      const dup = e instanceof GraphError && (e.azureCode === 'Request_MultipleObjectsWithSameKeyValue' || e.status === 409);
      if (!dup && !isTransient(e)) throw e;
      const existing = await reread();
      if (existing) return existing;
      if (attempt + 1 >= ctx.retry.attempts) throw e;
      ctx.stats.retries++;
    }
  }
}

function scopeDef(ctx: DeployContext, ref: EntraAppRef, id: string) {
  const name = ref.displayName;
  return {
    id, value: ctx.opts.scope, type: 'User', isEnabled: true,
    adminConsentDisplayName: `Access ${name}`, adminConsentDescription: `Allows the app to call ${name} on behalf of the signed-in user.`,
    userConsentDisplayName: `Access ${name}`, userConsentDescription: `Allows the app to call ${name} on your behalf.`,
  };
}

const change = (resource: string, action: PlannedChange['action'], diff?: PlannedChange['diff'], note?: string): PlannedChange => ({ stage: 'entra', resource, action, ...(diff?.length ? { diff } : {}), ...(note ? { note } : {}) });

/** The Entra steps (ids prefixed `entra.`). */
export function entraSteps(): Step<DeployContext>[] {
  const apiApp: Step<DeployContext> = {
    id: 'entra.apiApp', title: 'Entra API app', deps: [],
    async plan(ctx) {
      const ref = ctx.env.entra.apiApp;
      const res = `Entra app ${ref.uniqueName} (API)`;
      const cur = await findApp(ctx, ref);
      const ourScope = cur?.api?.oauth2PermissionScopes?.find((s) => s.value === ctx.opts.scope);
      const scopeId = (ourScope?.id as string | undefined) ?? stableGuid(`${ref.uniqueName}/${ctx.opts.scope}`);
      const publish = (a: App) => Object.assign(ctx.out, { apiAppId: a.appId, apiAppObjectId: a.id, scopeId });
      const otherScopes = (cur?.api?.oauth2PermissionScopes ?? []).filter((s) => s !== ourScope);
      const desiredApi = { requestedAccessTokenVersion: 2, oauth2PermissionScopes: [...otherScopes, scopeDef(ctx, ref, scopeId)] };
      if (!cur) {
        Object.assign(ctx.out, { apiAppId: UNKNOWN, apiAppObjectId: UNKNOWN, scopeId });
        return {
          changes: [change(res, 'create', [{ path: 'identifierUris', to: [`api://${UNKNOWN}`] }, { path: 'api.oauth2PermissionScopes', to: [ctx.opts.scope] }, { path: 'api.requestedAccessTokenVersion', to: 2 }])],
          apply: async () => {
            const body = { displayName: ref.displayName, uniqueName: ref.uniqueName, signInAudience: 'AzureADMyOrg', api: desiredApi };
            const app = await createOnce(ctx, () => ctx.graph.post<App>('applications', body), () => findApp(ctx, ref));
            // identifierUris needs the appId, which exists only now.
            await ctx.graph.patch(`applications/${app.id}`, { identifierUris: [`api://${app.appId}`], api: { ...desiredApi, preAuthorizedApplications: app.api?.preAuthorizedApplications ?? [] } });
            publish(app);
          },
        };
      }
      publish(cur);
      const desired = { displayName: ref.displayName, signInAudience: 'AzureADMyOrg', identifierUris: [`api://${cur.appId}`], api: desiredApi };
      const diff = diffProps(desired, cur);
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, 'update', diff)],
        apply: () => ctx.graph.patch(`applications/${cur.id}`, { ...desired, api: { ...desiredApi, preAuthorizedApplications: cur.api?.preAuthorizedApplications ?? [] } }),
      };
    },
  };

  const apiSp: Step<DeployContext> = {
    id: 'entra.apiSp', title: 'Entra API service principal', deps: ['entra.apiApp'],
    async plan(ctx) {
      const res = `Entra service principal of ${ctx.env.entra.apiApp.uniqueName}`;
      const appId = ctx.out.apiAppId!;
      const find = async () => (appId === UNKNOWN ? undefined : (await ctx.graph.listBy<{ id: string }>('servicePrincipals', 'appId', appId))[0]);
      const cur = await find();
      if (cur) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'create')], apply: async () => void (await createOnce(ctx, () => ctx.graph.post('servicePrincipals', { appId: ctx.out.apiAppId }), find)) };
    },
  };

  const connApp: Step<DeployContext> = {
    id: 'entra.connectorApp', title: 'Entra connector app', deps: ['entra.apiApp'],
    async plan(ctx) {
      const ref = ctx.env.entra.connectorApp;
      const res = `Entra app ${ref.uniqueName} (connector client)`;
      const redirectUris = [CONSENT_REDIRECT, ...ctx.env.entra.connectorIds.map((id) => `${CONSENT_REDIRECT}/${id}`)];
      const rra = [{ resourceAppId: ctx.out.apiAppId!, resourceAccess: [{ id: ctx.out.scopeId!, type: 'Scope' }] }];
      const cur = await findApp(ctx, ref);
      if (!cur) {
        Object.assign(ctx.out, { connectorAppId: UNKNOWN, connectorAppObjectId: UNKNOWN });
        return {
          changes: [change(res, 'create', [{ path: 'web.redirectUris', to: redirectUris }, { path: 'requiredResourceAccess', to: rra }])],
          apply: async () => {
            const body = { displayName: ref.displayName, uniqueName: ref.uniqueName, signInAudience: 'AzureADMyOrg', web: { redirectUris }, requiredResourceAccess: [{ ...rra[0]!, resourceAppId: ctx.out.apiAppId! }] };
            const app = await createOnce(ctx, () => ctx.graph.post<App>('applications', body), () => findApp(ctx, ref));
            Object.assign(ctx.out, { connectorAppId: app.appId, connectorAppObjectId: app.id });
            // A create that was answered by a re-read may predate a changed body: converge it now.
            const diff = diffProps({ web: { redirectUris }, requiredResourceAccess: body.requiredResourceAccess }, app);
            if (diff.length) await ctx.graph.patch(`applications/${app.id}`, { web: { ...(app.web ?? {}), redirectUris }, requiredResourceAccess: body.requiredResourceAccess });
          },
        };
      }
      Object.assign(ctx.out, { connectorAppId: cur.appId, connectorAppObjectId: cur.id });
      const desired = { displayName: ref.displayName, signInAudience: 'AzureADMyOrg', web: { redirectUris }, requiredResourceAccess: rra };
      const diff = diffProps(desired, cur);
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', diff)], apply: () => ctx.graph.patch(`applications/${cur.id}`, { ...desired, web: { ...(cur.web ?? {}), redirectUris } }) };
    },
  };

  const preAuth: Step<DeployContext> = {
    id: 'entra.preAuthorize', title: 'Entra pre-authorization', deps: ['entra.apiApp', 'entra.connectorApp'],
    async plan(ctx) {
      const res = `Entra pre-authorization of ${ctx.env.entra.connectorApp.uniqueName} on ${ctx.env.entra.apiApp.uniqueName}`;
      const entry = { appId: ctx.out.connectorAppId!, delegatedPermissionIds: [ctx.out.scopeId!] };
      const cur = ctx.out.apiAppObjectId === UNKNOWN ? undefined : await findApp(ctx, ctx.env.entra.apiApp);
      const list = cur?.api?.preAuthorizedApplications ?? [];
      const existing = list.find((p) => p.appId === entry.appId);
      if (existing && diffProps(entry, existing).length === 0) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, existing ? 'update' : 'create', [{ path: 'api.preAuthorizedApplications', to: [entry] }])],
        apply: async () => {
          const app = (await findApp(ctx, ctx.env.entra.apiApp))!;
          const others = (app.api?.preAuthorizedApplications ?? []).filter((p) => p.appId !== ctx.out.connectorAppId);
          const api = { requestedAccessTokenVersion: app.api?.requestedAccessTokenVersion ?? 2, oauth2PermissionScopes: app.api?.oauth2PermissionScopes ?? [], preAuthorizedApplications: [...others, { appId: ctx.out.connectorAppId!, delegatedPermissionIds: [ctx.out.scopeId!] }] };
          await ctx.graph.patch(`applications/${app.id}`, { api });
        },
      };
    },
  };

  const steps = [apiApp, apiSp, connApp, preAuth];
  const secret: Step<DeployContext> = {
    id: 'entra.clientSecret', title: 'Entra connector client secret', deps: ['entra.connectorApp'],
    async plan(ctx) {
      const res = `Entra client secret of ${ctx.env.entra.connectorApp.uniqueName}`;
      return {
        changes: [change(res, 'create', undefined, 'shown once; never written to disk or logs')],
        apply: async () => {
          const end = new Date(Date.now() + 180 * 864e5).toISOString();
          const r = await ctx.graph.post<{ secretText: string }>(`applications/${ctx.out.connectorAppObjectId}/addPassword`, { passwordCredential: { displayName: 'connectorkit', endDateTime: end } });
          await ctx.opts.onClientSecret?.(r.secretText);
        },
      };
    },
  };
  return steps.concat([secret]);
}
