/**
 * The deploy identity's Azure roles (Microsoft.Authorization role assignments, 2022-04-01): Contributor, to create
 * and update what `up` provisions, and Role Based Access Control Administrator limited by a condition to assigning
 * (and removing) only the roles provision itself hands out — so the CI identity can wire the Function App's managed
 * identity but can never make anyone an Owner. An assignment made by hand for the same role and principal (another
 * name) counts as present; only the condition of ours is brought up to date.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { stableGuid } from '../entra';
import { UNKNOWN, type Step, azureErrorInfo, backoffMs, scopeArg, sleep, withRetry, changeMaker } from '../deploy';
import type { CiContext, DeployRole } from './types';

export const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
export const RBAC_ADMINISTRATOR = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168';

/**
 * The roles `connectorkit provision` assigns when infra/resources/role-assignments.json is absent (the file is the
 * source of truth when present): the identity's data-plane roles and the deploy principal's.
 */
export const PROVISION_ASSIGNS: ReadonlyArray<{ role: string; roleName: string }> = [
  { role: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', roleName: 'Storage Blob Data Owner' },
  { role: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', roleName: 'Storage Table Data Contributor' },
  { role: '974c5e8b-45b9-4653-ba55-5f855dd0fb88', roleName: 'Storage Queue Data Contributor' },
  { role: '3913510d-42f4-4e42-8a64-420c390055eb', roleName: 'Monitoring Metrics Publisher' },
  { role: 'de139f84-1756-47ae-9be6-808fbbe84772', roleName: 'Website Contributor' },
  { role: '312a565d-c81f-4fd8-895a-4e21e48d571c', roleName: 'API Management Service Contributor' },
];

/** The role ids provision may assign: from the project's role-assignments.json, else PROVISION_ASSIGNS. */
export function assignableRoles(root: string): string[] {
  const file = path.join(root, 'infra/resources/role-assignments.json');
  const list = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { assignments: Array<{ role: string }> }).assignments : PROVISION_ASSIGNS;
  return [...new Set(list.map((a) => a.role.toLowerCase()))].sort();
}

/** Azure ABAC condition (version 2.0) that lets a role assignment writer add or remove only `roleIds`. */
export function constrainedDelegation(roleIds: string[]): string {
  const set = `{${roleIds.join(', ')}}`;
  return (
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals ${set}))` +
    ` AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals ${set}))`
  );
}

/** What the deploy identity gets on the scope. */
export function deployRoles(root: string): DeployRole[] {
  return [
    { roleName: 'Contributor', roleId: CONTRIBUTOR },
    { roleName: 'Role Based Access Control Administrator', roleId: RBAC_ADMINISTRATOR, condition: constrainedDelegation(assignableRoles(root)) },
  ];
}

interface Assignment {
  name?: string;
  scope?: string;
  roleDefinitionId?: string;
  principalId?: string;
  condition?: string | null;
}

const change = changeMaker('ci');

const norm = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\/+$/, '');

/** The assignments of `principalId` at exactly the scope. */
async function current(ctx: CiContext, principalId: string): Promise<Assignment[]> {
  return withRetry(
    async () => {
      const out: Assignment[] = [];
      for await (const a of ctx.auth.roleAssignments.listForScope(scopeArg(ctx.scopeId), { filter: `principalId eq '${principalId}'` })) if (norm(a.scope) === norm(ctx.scopeId)) out.push(a);
      return out;
    },
    ctx.retry,
    ctx.stats,
  );
}

export function roleSteps(ctx0: CiContext): Step<CiContext>[] {
  return ctx0.roles.map((r) => ({
    id: `ci.role.${r.roleId.slice(0, 8)}`,
    title: `Role ${r.roleName}`,
    deps: ['ci.sp'],
    async plan(ctx) {
      const res = `Role ${r.roleName} for ${ctx.app.uniqueName} on ${ctx.scopeId}`;
      const note = r.condition ? 'may assign only the roles provision assigns' : undefined;
      const spId = ctx.out.spId!;
      const existing = spId === UNKNOWN ? undefined : (await current(ctx, spId)).find((a) => norm(a.roleDefinitionId).endsWith(`/${r.roleId}`));
      const create = (name?: string) => () => assign(ctx, r, name);
      if (!existing) return { changes: [change(res, 'create', undefined, note)], apply: create() };
      if (norm(existing.condition ?? undefined) === norm(r.condition)) return { changes: [change(res, 'no-op')] };
      return { changes: [change(res, 'update', [{ path: 'condition', from: existing.condition ?? undefined, to: r.condition }], note)], apply: create(existing.name) };
    },
  }));
}

/** PUTs the assignment (name: the existing one, else a stable GUID of scope, role and principal). */
async function assign(ctx: CiContext, r: DeployRole, name?: string): Promise<void> {
  const principalId = ctx.out.spId!;
  const body = {
    roleDefinitionId: `/subscriptions/${ctx.env.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${r.roleId}`,
    principalId,
    principalType: 'ServicePrincipal' as const,
    description: `connectorkit ci setup: ${ctx.opts.repo} (${ctx.env.name})`,
    ...(r.condition ? { condition: r.condition, conditionVersion: '2.0' } : {}),
  };
  const id = name ?? stableGuid(`${norm(ctx.scopeId)}|${r.roleId}|${principalId}`);
  for (let attempt = 0; ; attempt++) {
    try {
      await withRetry(() => ctx.auth.roleAssignments.create(scopeArg(ctx.scopeId), id, body), ctx.retry, ctx.stats);
      return;
    } catch (e) {
      const code = azureErrorInfo(e).code;
      // The same role for the same principal exists under another name (a lost answer, a hand-made one): done.
      if (code === 'RoleAssignmentExists') return;
      // A service principal created seconds ago takes a while to reach the authorization service.
      if (code === 'PrincipalNotFound' && attempt + 1 < Math.max(ctx.retry.attempts, 6)) {
        ctx.stats.retries++;
        await (ctx.retry.sleep ?? sleep)(backoffMs(attempt, ctx.retry));
        continue;
      }
      throw e;
    }
  }
}
