/**
 * Role assignments from infra/resources/role-assignments.json, one step per principal (the Function App's managed
 * identity; the deploying identity, i.e. whoever runs provision/up). Each assignment gets a deterministic name
 * (stableGuid of scope, role and principal), so a re-run finds it; one made by hand for the same role and principal
 * at the same scope (another name) counts as present. A missing assignment makes its group an update listing it.
 */
import { stableGuid } from '../entra';
import { azureErrorInfo, backoffMs, scopeArg, sleep, UNKNOWN, withRetry, type PropertyDiff, type StepPlan } from '../deploy';
import { change } from './tracked';
import type { ProvisionContext, ProvisionOutputs, ProvisionStep } from './types';

type Principal = 'identity' | 'deployer';
type ScopeKind = 'resourceGroup' | 'storageAccount' | 'deploymentContainer' | 'appInsights' | 'functionApp' | 'apimService';

export interface AssignmentDecl {
  role: string;
  roleName: string;
  principal: Principal;
  scope: ScopeKind;
}

const SCOPE_OUTPUT: Record<ScopeKind, keyof ProvisionOutputs> = {
  resourceGroup: 'resourceGroupId',
  storageAccount: 'storageId',
  deploymentContainer: 'containerId',
  appInsights: 'appInsightsId',
  functionApp: 'siteId',
  apimService: 'apimId',
};
const SCOPE_STEP: Record<ScopeKind, string> = {
  resourceGroup: 'prov.rg',
  storageAccount: 'prov.storage',
  deploymentContainer: 'prov.container',
  appInsights: 'prov.appInsights',
  functionApp: 'prov.site',
  apimService: 'prov.apim',
};

/** "storage account stdev…" — what a plan line names as the scope. */
function scopeLabel(ctx: ProvisionContext, s: ScopeKind): string {
  const n = ctx.env.names;
  const label: Record<ScopeKind, string> = {
    resourceGroup: `resource group ${n.resourceGroup}`,
    storageAccount: `storage account ${n.storageAccount}`,
    deploymentContainer: `container ${n.storageAccount}/${n.deploymentContainer}`,
    appInsights: `Application Insights ${n.appInsights}`,
    functionApp: `Function App ${n.functionApp}`,
    apimService: `API Management ${n.apimService}`,
  };
  return label[s];
}

const norm = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\/+$/, '');

/** The deterministic name of an assignment (what `down` and a re-run look for). */
export const assignmentName = (scope: string, role: string, principalId: string) => stableGuid(`${norm(scope)}|${role.toLowerCase()}|${principalId.toLowerCase()}`);

/** The object id (and kind) of the signed-in identity, from its ARM access token. */
export async function deployerIdentity(ctx: ProvisionContext): Promise<{ id: string; type?: 'User' | 'ServicePrincipal' }> {
  const t = await ctx.opts.credential.getToken(`${ctx.env.cloud.resourceManagerAudience}/.default`);
  const claims = JSON.parse(Buffer.from((t?.token ?? '').split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { oid?: string; idtyp?: string };
  if (!claims.oid) throw new Error('the ARM access token has no oid claim (the deploying identity is unknown)');
  return { id: claims.oid, ...(claims.idtyp === 'app' ? { type: 'ServicePrincipal' as const } : claims.idtyp === 'user' ? { type: 'User' as const } : {}) };
}

export function roleSteps(ctx0: ProvisionContext): ProvisionStep[] {
  const all = ctx0.manifests.roleAssignments.assignments as AssignmentDecl[];
  return (['identity', 'deployer'] as const)
    .map((p) => ({ p, list: all.filter((a) => a.principal === p) }))
    .filter((g) => g.list.length)
    .map(({ p, list }) => ({
      id: `prov.roles.${p}`,
      title: p === 'identity' ? 'Role assignments of the managed identity' : 'Role assignments of the deploying identity',
      deps: [...new Set([...(p === 'identity' ? ['prov.identity'] : []), ...list.map((a) => SCOPE_STEP[a.scope])])],
      site: { resource: p === 'identity' ? `Role assignments of ${ctx0.env.names.identity}` : 'Role assignments of the deploying identity', scope: `/subscriptions/${ctx0.env.subscriptionId}` },
      async plan(ctx): Promise<StepPlan> {
        let principalType: 'User' | 'ServicePrincipal' | undefined = 'ServicePrincipal';
        let principalId = ctx.out.identityPrincipalId ?? UNKNOWN;
        if (p === 'deployer') {
          const who = await deployerIdentity(ctx);
          principalId = ctx.out.deployerId = who.id;
          principalType = who.type;
        }
        const res = p === 'identity' ? `Role assignments of managed identity ${ctx.env.names.identity}` : `Role assignments of the deploying identity ${principalId}`;
        const missing: AssignmentDecl[] = [];
        let present = 0;
        const byScope = new Map<string, AssignmentDecl[]>();
        for (const a of list) {
          const scope = String(ctx.out[SCOPE_OUTPUT[a.scope]] ?? UNKNOWN);
          if (scope === UNKNOWN || principalId === UNKNOWN) missing.push(a);
          else byScope.set(scope, [...(byScope.get(scope) ?? []), a]);
        }
        for (const [scope, decls] of byScope) {
          const have = await assignmentsAt(ctx, scope, principalId);
          for (const a of decls) {
            if (have.has(a.role.toLowerCase())) present++;
            else missing.push(a);
          }
        }
        if (!missing.length) return { changes: [change(res, 'no-op', undefined, `${list.length} role(s)`)] };
        const diff: PropertyDiff[] = missing.map((a) => ({ path: `${a.roleName} on ${scopeLabel(ctx, a.scope)}`, to: 'assigned' }));
        return {
          changes: [change(res, present ? 'update' : 'create', diff, `${missing.length} of ${list.length} to assign`)],
          apply: async () => {
            const pid = p === 'identity' ? String(ctx.out.identityPrincipalId) : principalId;
            for (const a of missing) await assign(ctx, String(ctx.out[SCOPE_OUTPUT[a.scope]]), a, pid, principalType);
          },
        };
      },
    }));
}

/** Role GUIDs `principalId` holds at exactly `scope`. */
async function assignmentsAt(ctx: ProvisionContext, scope: string, principalId: string): Promise<Set<string>> {
  return withRetry(
    async () => {
      const out = new Set<string>();
      for await (const a of ctx.auth.roleAssignments.listForScope(scopeArg(scope), { filter: `principalId eq '${principalId}'` }))
        if (norm(a.scope) === norm(scope)) out.add((a.roleDefinitionId ?? '').split('/').pop()!.toLowerCase());
      return out;
    },
    ctx.retry,
    ctx.stats,
  );
}

/** PUTs one assignment under its deterministic name; waits out the replication lag of a fresh identity. */
async function assign(ctx: ProvisionContext, scope: string, a: AssignmentDecl, principalId: string, principalType?: 'User' | 'ServicePrincipal'): Promise<void> {
  if ([scope, principalId].includes(UNKNOWN) || !scope || !principalId) throw new Error(`role ${a.roleName}: scope or principal still unknown at apply time`);
  const body = {
    roleDefinitionId: `/subscriptions/${ctx.env.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${a.role}`,
    principalId,
    ...(principalType ? { principalType } : {}),
    description: `connectorkit provision: ${ctx.env.name}`,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await withRetry(() => ctx.auth.roleAssignments.create(scopeArg(scope), assignmentName(scope, a.role, principalId), body), ctx.retry, ctx.stats);
      return;
    } catch (e) {
      const code = azureErrorInfo(e).code;
      // The same role for the same principal exists under another name (a lost answer, a hand-made one): done.
      if (code === 'RoleAssignmentExists') return;
      // A managed identity created seconds ago takes a while to reach the authorization service.
      if (code === 'PrincipalNotFound' && attempt + 1 < Math.max(ctx.retry.attempts, 8)) {
        ctx.stats.retries++;
        await (ctx.retry.sleep ?? sleep)(backoffMs(attempt, ctx.retry));
        continue;
      }
      throw e;
    }
  }
}
