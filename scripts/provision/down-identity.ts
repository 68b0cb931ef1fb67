/**
 * What `down` removes besides tagged resources: the role assignments provision made (found by their deterministic
 * names, infra/resources/role-assignments.json) on scopes down keeps — on a deleted scope they go with it — and the
 * environment's Entra app registrations, only when deploy created them (the application's `tags` hold
 * `connectorkit-env:<env>`, which the deploy's Entra step sets on create).
 */
import { azureErrorInfo, ENV_TAG, scopeArg, withRetry, type PlannedChange, type Step, type StepPlan } from '../deploy';
import { AzureHttpError } from '../deploy';
import { deployAppNames } from '../ci';
import { owned, readOrUndefined } from './down-context';
import type { DownContext, DownKind } from './down-types';
import { loadResourceManifests } from './manifests';
import { assignmentName, type AssignmentDecl } from './steps-roles';

type ScopeKind = AssignmentDecl['scope'];

const TYPES: Record<Exclude<ScopeKind, 'resourceGroup' | 'deploymentContainer'>, { kind: DownKind; type: string }> = {
  storageAccount: { kind: 'storageAccount', type: 'Microsoft.Storage/storageAccounts' },
  appInsights: { kind: 'appInsights', type: 'Microsoft.Insights/components' },
  functionApp: { kind: 'functionApp', type: 'Microsoft.Web/sites' },
  apimService: { kind: 'apimService', type: 'Microsoft.ApiManagement/service' },
};

const change = (stage: 'down', resource: string, action: PlannedChange['action'], note?: string): PlannedChange => ({ stage, resource, action, ...(note ? { note } : {}) });

/** The scope id of a declared assignment, and whether that scope survives down (else its assignments go with it). */
function scopeOf(ctx: DownContext, kind: ScopeKind): { id: string; kept: boolean } | undefined {
  const rgId = `/subscriptions/${ctx.env.subscriptionId}/resourceGroups/${ctx.env.names.resourceGroup}`;
  if (!ctx.inv.group) return undefined;
  if (kind === 'resourceGroup') return { id: rgId, kept: !ctx.inv.deleteGroup };
  const t = TYPES[kind === 'deploymentContainer' ? 'storageAccount' : kind];
  const name = ctx.env.names[t.kind];
  const found = ctx.inv.resources.find((r) => r.type.toLowerCase() === t.type.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());
  if (!found) return undefined;
  const id = kind === 'deploymentContainer' ? `${found.id}/blobServices/default/containers/${ctx.env.names.deploymentContainer}` : found.id;
  return { id, kept: !ctx.inv.deleteGroup && !owned(ctx, found.tags) };
}

/** Role assignments provision made on scopes down keeps (adopted storage, Application Insights, …). */
export function rolesStep(): Step<DownContext> {
  return {
    id: 'down.roles',
    title: 'Role assignments on kept resources',
    deps: ['down.inventory'],
    async plan(ctx): Promise<StepPlan> {
      const decls = loadResourceManifests(ctx.opts.root).roleAssignments.assignments as AssignmentDecl[];
      const doomed: Array<{ scope: string; name: string; label: string }> = [];
      for (const a of decls) {
        const scope = scopeOf(ctx, a.scope);
        const principal = a.principal === 'identity' ? ctx.inv.identityPrincipalId : ctx.inv.deployerId;
        if (!scope?.kept || !principal) continue;
        const name = assignmentName(scope.id, a.role, principal);
        const rel = scopeArg(scope.id);
        const found = await readOrUndefined(ctx, () => ctx.auth.roleAssignments.get(rel, name));
        if (found) doomed.push({ scope: rel, name, label: `${a.roleName} for the ${a.principal === 'identity' ? 'managed identity' : 'deploying identity'} on ${a.scope}` });
      }
      if (!doomed.length) return { changes: [] };
      return {
        changes: doomed.map((d) => change('down', `Role assignment ${d.name}`, 'delete', d.label)),
        apply: async () => {
          for (const d of doomed) {
            try {
              await withRetry(() => ctx.auth.roleAssignments.delete(d.scope, d.name), ctx.retry, ctx.stats);
            } catch (e) {
              if (azureErrorInfo(e).status !== 404) throw e;
            }
          }
        },
      };
    },
  };
}

interface App {
  id: string;
  appId: string;
  uniqueName?: string;
  tags?: string[];
}

/** The marker the deploy's Entra step puts on the applications it creates. */
export const appMarker = (env: string): string => `${ENV_TAG}:${env}`;

/** One Entra app of the env file: deleted (with its service principal) only when it carries this env's marker. */
export function entraStep(which: 'apiApp' | 'connectorApp'): Step<DownContext> {
  const label = which === 'apiApp' ? 'Entra app (API)' : 'Entra app (connector client)';
  return {
    id: `down.entra.${which}`,
    title: label,
    deps: ['down.inventory'], // the inventory starts the kept list afresh
    async plan(ctx): Promise<StepPlan> {
      const uniqueName = ctx.env.entra[which].uniqueName;
      const res = `${label} ${uniqueName}`;
      const app = (await ctx.graph.listBy<App>('applications', 'uniqueName', uniqueName))[0];
      if (!app) return { changes: [] };
      if (!(app.tags ?? []).includes(appMarker(ctx.env.name))) {
        const reason = `has no tag ${appMarker(ctx.env.name)}: deploy did not create it for this environment, so down never deletes it`;
        ctx.kept.push({ resource: res, reason });
        return { changes: [change('down', res, 'no-op', `kept: ${reason}`)] };
      }
      return {
        changes: [change('down', res, 'delete', `appId ${app.appId}, with its service principal`)],
        apply: async () => {
          for (const sp of await ctx.graph.listBy<{ id: string }>('servicePrincipals', 'appId', app.appId)) await graphDelete(ctx, `servicePrincipals/${sp.id}`);
          await graphDelete(ctx, `applications/${app.id}`);
        },
      };
    },
  };
}

async function graphDelete(ctx: DownContext, path: string): Promise<void> {
  try {
    await ctx.graph.delete(path);
  } catch (e) {
    if (!(e instanceof AzureHttpError && e.status === 404)) throw e;
  }
}

/**
 * The CI deploy identity `connectorkit ci setup` made for this environment: listed as kept, never deleted, since a CI
 * job may be the one running down (as that identity) and other workflows may still deploy with it.
 */
export function ciDeployAppStep(): Step<DownContext> {
  return {
    id: 'down.entra.ciDeployApp',
    title: 'Entra app (CI deploy identity)',
    deps: ['down.inventory'], // the inventory starts the kept list afresh
    async plan(ctx): Promise<StepPlan> {
      const { uniqueName } = deployAppNames(ctx.env);
      const app = (await ctx.graph.listBy<App>('applications', 'uniqueName', uniqueName))[0];
      if (!app) return { changes: [] };
      const res = `Entra app (CI deploy identity) ${uniqueName}`;
      const reason =
        `made by \`ci setup\`; down never deletes it (a CI job may be running down as it). When no workflow deploys with it any more, ` +
        `remove its role assignments (Contributor, Role Based Access Control Administrator), then the app: az ad app delete --id ${app.appId}`;
      ctx.kept.push({ resource: res, reason });
      return { changes: [change('down', res, 'no-op', `kept: ${reason}`)] };
    },
  };
}
