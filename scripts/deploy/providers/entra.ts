/**
 * Entra ID app registrations through Microsoft Graph: the API app (scope, v2 tokens, api://{appId}) and its
 * service principal, the connector's client app (consent redirect URIs, permission on the scope) pre-authorized
 * on the API app, and — only when asked — a client secret. Apps are found by their Graph `uniqueName`, so a
 * re-run (or a retry after a lost response) finds them instead of creating duplicates. What each app should look
 * like comes from the manifests in infra/entra/ (manifests.ts); this file only adds what Graph forces on the order
 * of writes (ids known after a create) and keeps what others added (foreign scopes, web settings).
 */
import type { DeployContext } from '../context';
import { UNKNOWN } from '../engine';
import { ENV_TAG } from '../resource-names';
import { diffProps } from '../compare';
import { isTransient, type RetryOptions, type RetryStats } from '../retry';
import { AzureHttpError } from '../bearer-fetch';
import { afterCreateKeys, apiScopeValue, entraManifests, filledApiApp, filledConnectorApp, stableGuid } from '../../entra';
import { changeMaker, graphScope, type DeployStep } from './kit';

interface App {
  id: string;
  appId: string;
  displayName: string;
  uniqueName?: string;
  signInAudience?: string;
  identifierUris?: string[];
  api?: {
    requestedAccessTokenVersion?: number | null;
    oauth2PermissionScopes?: Array<Record<string, unknown>>;
    preAuthorizedApplications?: Array<{ appId: string; delegatedPermissionIds: string[] }>;
  };
  web?: Record<string, unknown> & { redirectUris?: string[] };
  requiredResourceAccess?: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
}

async function findApp(ctx: DeployContext, uniqueName: string): Promise<App | undefined> {
  const found = await ctx.graph.listBy<App>('applications', 'uniqueName', uniqueName);
  return found[0];
}

/** POSTs a create; a lost response or a duplicate-key answer is resolved by reading the object back. */
export async function createOnce<T>(ctx: { retry: RetryOptions; stats: RetryStats }, post: () => Promise<T>, reread: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post();
    } catch (e) {
      const dup = e instanceof AzureHttpError && (e.azureCode === 'Request_MultipleObjectsWithSameKeyValue' || e.status === 409);
      if (!dup && !isTransient(e)) throw e;
      const existing = await reread();
      if (existing) return existing;
      if (attempt + 1 >= ctx.retry.attempts) throw e;
      ctx.stats.retries++;
    }
  }
}

const change = changeMaker('entra');

/**
 * Tags of an app the deploy creates: the manifest's plus `connectorkit-env:<env>`, the marker `down` looks for before
 * it deletes an app (an app someone else made, adopted by its uniqueName, never has it). Set on create only, so a
 * re-run changes nothing; a manifest that declares `tags` replaces them on its next update (down then keeps the app).
 */
function createdTags(manifestTags: unknown, env: string): string[] {
  const marker = `${ENV_TAG}:${env}`;
  const own = Array.isArray(manifestTags) ? (manifestTags as string[]) : [];
  return own.includes(marker) ? own : [...own, marker];
}

/** Provider: the Entra steps (ids prefixed `entra.`); infra/entra/ is loaded and checked when they are built. */
export function entraSteps(ctx0: DeployContext): DeployStep[] {
  entraManifests(ctx0);
  const at = (resource: string) => ({ resource, scope: graphScope(ctx0.opts) });
  const apiApp: DeployStep = {
    id: 'entra.apiApp',
    title: 'Entra API app',
    deps: [],
    site: at('Entra API app'),
    async plan(ctx) {
      const m = entraManifests(ctx);
      const res = `Entra app ${m.apiUniqueName} (API)`;
      const cur = await findApp(ctx, m.apiUniqueName);
      const scope = apiScopeValue(ctx, m);
      const ourScope = cur?.api?.oauth2PermissionScopes?.find((s) => s.value === scope);
      const scopeId = (ourScope?.id as string | undefined) ?? stableGuid(`${m.apiUniqueName}/${scope}`);
      const desiredFor = (appId: string) => {
        const f = filledApiApp(ctx, m, { scopeId, appId });
        const declared = new Set(f.api.oauth2PermissionScopes.map((s) => s.value));
        // Scopes someone else added stay; ours are replaced by the manifest's.
        const otherScopes = (cur?.api?.oauth2PermissionScopes ?? []).filter((s) => !declared.has(s.value as string));
        return { ...f, api: { ...f.api, oauth2PermissionScopes: [...otherScopes, ...f.api.oauth2PermissionScopes] } };
      };
      const publish = (a: App) => Object.assign(ctx.out, { apiAppId: a.appId, apiAppObjectId: a.id, scopeId, scope });
      if (!cur) {
        Object.assign(ctx.out, { apiAppId: UNKNOWN, apiAppObjectId: UNKNOWN, scopeId, scope });
        const planned = desiredFor(UNKNOWN);
        const later = afterCreateKeys(planned.rest);
        return {
          changes: [
            change(res, 'create', [
              ...later.map((k) => ({ path: k, to: planned.rest[k] })),
              { path: 'api.oauth2PermissionScopes', to: planned.api.oauth2PermissionScopes.map((s) => s.value) },
              ...('requestedAccessTokenVersion' in planned.api ? [{ path: 'api.requestedAccessTokenVersion', to: planned.api.requestedAccessTokenVersion }] : []),
            ]),
          ],
          apply: async () => {
            const { rest, api } = desiredFor(UNKNOWN);
            const { displayName, ...others } = Object.fromEntries(Object.entries(rest).filter(([k]) => !later.includes(k)));
            const body = { displayName, uniqueName: m.apiUniqueName, ...others, tags: createdTags(others.tags, ctx.env.name), api };
            const app = await createOnce(
              ctx,
              () => ctx.graph.post<App>('applications', body),
              () => findApp(ctx, m.apiUniqueName),
            );
            // identifierUris needs the appId, which exists only now.
            const after = desiredFor(app.appId);
            const set = Object.fromEntries(later.map((k) => [k, after.rest[k]]));
            await ctx.graph.patch(`applications/${app.id}`, { ...set, api: { ...after.api, preAuthorizedApplications: app.api?.preAuthorizedApplications ?? [] } });
            publish(app);
          },
        };
      }
      publish(cur);
      const { rest, api: desiredApi } = desiredFor(cur.appId);
      const desired = { ...rest, api: desiredApi };
      const diff = diffProps(desired, cur);
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, 'update', diff)],
        apply: () => ctx.graph.patch(`applications/${cur.id}`, { ...desired, api: { ...desiredApi, preAuthorizedApplications: cur.api?.preAuthorizedApplications ?? [] } }),
      };
    },
  };

  const apiSp: DeployStep = {
    id: 'entra.apiSp',
    title: 'Entra API service principal',
    deps: ['entra.apiApp'],
    site: at('Entra API service principal'),
    async plan(ctx) {
      const res = `Entra service principal of ${entraManifests(ctx).apiUniqueName}`;
      const appId = ctx.out.apiAppId!;
      const find = async () => (appId === UNKNOWN ? undefined : (await ctx.graph.listBy<{ id: string }>('servicePrincipals', 'appId', appId))[0]);
      const cur = await find();
      if (cur) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'create')], apply: async () => void (await createOnce(ctx, () => ctx.graph.post('servicePrincipals', { appId: ctx.out.apiAppId }), find)) };
    },
  };

  const connApp: DeployStep = {
    id: 'entra.connectorApp',
    title: 'Entra connector app',
    deps: ['entra.apiApp'],
    site: at('Entra connector app'),
    async plan(ctx) {
      const uniqueName = entraManifests(ctx).connectorUniqueName;
      const res = `Entra app ${uniqueName} (connector client)`;
      // Filled again at apply time: the API app's id may be known only after its create.
      const cur = await findApp(ctx, uniqueName);
      const desiredNow = () => {
        const { uniqueName: _u, ...d } = filledConnectorApp(ctx);
        // Per-connector redirect URIs (<base>/<connector id>) that `publish` added stay: they close the sign-in loop.
        const base = d.web.redirectUris[0];
        const published = (cur?.web?.redirectUris ?? []).filter((u) => base !== undefined && u.startsWith(`${base}/`) && !d.web.redirectUris.includes(u));
        return Object.assign(d, { web: { ...d.web, redirectUris: [...d.web.redirectUris, ...published] } });
      };
      const planned = desiredNow();
      if (!cur) {
        Object.assign(ctx.out, { connectorAppId: UNKNOWN, connectorAppObjectId: UNKNOWN });
        return {
          changes: [
            change(res, 'create', [
              { path: 'web.redirectUris', to: planned.web.redirectUris },
              { path: 'requiredResourceAccess', to: planned.requiredResourceAccess },
            ]),
          ],
          apply: async () => {
            const { displayName, ...others } = desiredNow();
            const body = { displayName, uniqueName, ...others, tags: createdTags(others.tags, ctx.env.name) };
            const app = await createOnce(
              ctx,
              () => ctx.graph.post<App>('applications', body),
              () => findApp(ctx, uniqueName),
            );
            Object.assign(ctx.out, { connectorAppId: app.appId, connectorAppObjectId: app.id });
            // A create that was answered by a re-read may predate a changed body: converge it now.
            const desired = desiredNow();
            if (diffProps(desired, app).length) await ctx.graph.patch(`applications/${app.id}`, { ...desired, web: { ...(app.web ?? {}), ...desired.web } });
          },
        };
      }
      Object.assign(ctx.out, { connectorAppId: cur.appId, connectorAppObjectId: cur.id });
      const diff = diffProps(planned, cur);
      if (!diff.length) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', diff)], apply: () => ctx.graph.patch(`applications/${cur.id}`, { ...planned, web: { ...(cur.web ?? {}), ...planned.web } }) };
    },
  };

  const preAuth: DeployStep = {
    id: 'entra.preAuthorize',
    title: 'Entra pre-authorization',
    deps: ['entra.apiApp', 'entra.connectorApp'],
    site: at('Entra pre-authorization'),
    async plan(ctx) {
      const m = entraManifests(ctx);
      const res = `Entra pre-authorization of ${m.connectorUniqueName} on ${m.apiUniqueName}`;
      const entries = () => filledApiApp(ctx, m, {}).preAuthorized;
      const wanted = entries();
      const cur = ctx.out.apiAppObjectId === UNKNOWN ? undefined : await findApp(ctx, m.apiUniqueName);
      const list = cur?.api?.preAuthorizedApplications ?? [];
      const missing = wanted.filter((e) => !list.some((p) => p.appId === e.appId && diffProps(e, p).length === 0));
      if (!missing.length) return { changes: [change(res, 'no-op')] };
      const existing = missing.some((e) => list.some((p) => p.appId === e.appId));
      return {
        changes: [change(res, existing ? 'update' : 'create', [{ path: 'api.preAuthorizedApplications', to: wanted }])],
        apply: async () => {
          const app = (await findApp(ctx, m.apiUniqueName))!;
          const now = entries();
          const others = (app.api?.preAuthorizedApplications ?? []).filter((p) => !now.some((e) => e.appId === p.appId));
          const api = {
            requestedAccessTokenVersion: app.api?.requestedAccessTokenVersion ?? 2,
            oauth2PermissionScopes: app.api?.oauth2PermissionScopes ?? [],
            preAuthorizedApplications: [...others, ...now],
          };
          await ctx.graph.patch(`applications/${app.id}`, { api });
        },
      };
    },
  };

  const steps = [apiApp, apiSp, connApp, preAuth];
  const secret: DeployStep = {
    id: 'entra.clientSecret',
    title: 'Entra connector client secret',
    deps: ['entra.connectorApp'],
    site: at('Entra connector client secret'),
    async plan(ctx) {
      const res = `Entra client secret of ${entraManifests(ctx).connectorUniqueName}`;
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
