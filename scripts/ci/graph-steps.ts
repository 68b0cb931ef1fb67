/**
 * What the deploy identity needs in Microsoft Graph to run `up` unattended, which the Azure roles do not give:
 * - the application permission Application.ReadWrite.OwnedBy: an app role assignment on Microsoft Graph's service
 *   principal (what "admin consent" writes). With it the identity creates apps, and changes only the apps it owns;
 * - ownership of the API and connector apps when they exist already (made by a deploy from a workstation). Apps the
 *   identity creates itself list it as their owner from the start.
 * Both are read in the plan, so a re-run with them in place writes nothing.
 */
import { CkError } from '../core/errors';
import { UNKNOWN, changeMaker, createOnce, type Step } from '../deploy';
import type { CiContext } from './types';

/** Microsoft Graph's application id, the same in every cloud. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** The application permission the deploy identity gets (its id, as Graph's service principal publishes it). */
export const OWNED_BY = { value: 'Application.ReadWrite.OwnedBy', id: '18a4783c-866b-4cc7-a460-3d5e5662c884' };

interface ServicePrincipal {
  id: string;
  appRoles?: Array<{ id: string; value: string; allowedMemberTypes?: string[]; isEnabled?: boolean }>;
}
interface Assignment {
  id: string;
  resourceId: string;
  appRoleId: string;
}

const change = changeMaker('ci');

/** Ownership of each existing API and connector app: one step per app. */
export function ownerSteps(ctx: CiContext): Step<CiContext>[] {
  const apps = [ctx.env.entra.apiApp, ctx.env.entra.connectorApp];
  return apps.map((ref, i) => ({
    id: `ci.owner.${i === 0 ? 'api' : 'connector'}`,
    title: `Owner of ${ref.uniqueName}`,
    deps: ['ci.sp'],
    async plan(c) {
      const res = `Entra app ${ref.uniqueName}: deploy identity as owner`;
      const app = (await c.graph.listBy<{ id: string }>('applications', 'uniqueName', ref.uniqueName))[0];
      if (!app) return { changes: [change(res, 'no-op', undefined, 'the app does not exist yet: the first deploy from CI creates it, owned by the deploy identity')] };
      const owners = async () => (await c.graph.get<{ value: Array<{ id: string }> }>(`applications/${app.id}/owners?$select=id`)).value.map((o) => o.id);
      if (c.out.spId !== UNKNOWN && (await owners()).includes(c.out.spId!)) return { changes: [change(res, 'no-op')] };
      return {
        changes: [change(res, 'update', [{ path: 'owners', to: `+ ${c.app.uniqueName}` }], 'Application.ReadWrite.OwnedBy changes only the apps the identity owns')],
        apply: async () => {
          const spId = c.out.spId!;
          const ref = { '@odata.id': `${c.env.cloud.graph}/v1.0/directoryObjects/${spId}` };
          await createOnce(
            c,
            () => c.graph.post<true>(`applications/${app.id}/owners/$ref`, ref).then(() => true as const),
            async () => ((await owners()).includes(spId) ? (true as const) : undefined),
          );
        },
      };
    },
  }));
}

/** The app role assignment, planned after every other step so that a refusal leaves the rest in place. */
export function graphPermissionStep(deps: string[]): Step<CiContext> {
  return {
    id: 'ci.graphPermission',
    title: 'Graph permission Application.ReadWrite.OwnedBy',
    deps: ['ci.sp', ...deps],
    async plan(ctx) {
      const res = `Graph application permission ${OWNED_BY.value} for ${ctx.app.uniqueName} (admin consent)`;
      const graph = (await ctx.graph.listBy<ServicePrincipal>('servicePrincipals', 'appId', MICROSOFT_GRAPH_APP_ID))[0];
      if (!graph)
        throw new CkError({ code: 'CK_CI_GRAPH_PERMISSION_FORBIDDEN', message: `Microsoft Graph's service principal (appId ${MICROSOFT_GRAPH_APP_ID}) is not visible in tenant ${ctx.env.tenantId}.` });
      const role = graph.appRoles?.find((r) => r.value === OWNED_BY.value)?.id ?? OWNED_BY.id;
      const find = async (): Promise<Assignment | undefined> => {
        if (ctx.out.spId === UNKNOWN) return undefined;
        const list = await ctx.graph.get<{ value: Assignment[] }>(`servicePrincipals/${ctx.out.spId}/appRoleAssignments`);
        return list.value.find((a) => a.resourceId === graph.id && a.appRoleId === role);
      };
      if (await find()) return { changes: [change(res, 'no-op')] };
      if (ctx.opts.graphPermission === false)
        return { changes: [change(res, 'no-op', undefined, 'left to an administrator (--no-graph-permission); until granted, the Entra step of a CI deploy stops with CK_DEPLOY_GRAPH_FORBIDDEN')] };
      return {
        changes: [change(res, 'create', undefined, 'needs a Privileged Role Administrator or Global Administrator')],
        apply: async () => {
          const body = { principalId: ctx.out.spId, resourceId: graph.id, appRoleId: role };
          await createOnce(ctx, () => ctx.graph.post<Assignment>(`servicePrincipals/${ctx.out.spId}/appRoleAssignments`, body), find);
        },
      };
    },
  };
}
