/**
 * Microsoft.Authorization 2022-04-01: role assignments by scope + name (create, get, delete, list with $filter) and
 * the built-in role definitions the provisioning uses. Errors as Azure answers them: 409 RoleAssignmentExists for the
 * same (scope, role, principal) under another name, 400 PrincipalNotFound for a principal the directory does not know
 * (yet: replication lag), 400 RoleDefinitionDoesNotExist, 400 RoleAssignmentUpdateNotPermitted.
 */
import { armError } from './arm-http';
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyProperties, entityBody } from './handler-context';
import type { ArmEntity } from './types';

/** Built-in roles the double serves (ids from Microsoft's "Azure built-in roles" reference). */
export const BUILTIN_ROLES: Record<string, { roleName: string; description: string }> = {
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b': {
    roleName: 'Storage Blob Data Owner',
    description: 'Allows for full access to Azure Storage blob containers and data, including assigning POSIX access control.',
  },
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3': { roleName: 'Storage Table Data Contributor', description: 'Allows for read, write and delete access to Azure Storage tables and entities' },
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe': { roleName: 'Storage Blob Data Contributor', description: 'Allows for read, write and delete access to Azure Storage blob containers and data' },
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88': { roleName: 'Storage Queue Data Contributor', description: 'Read, write, and delete Azure Storage queues and queue messages.' },
  '3913510d-42f4-4e42-8a64-420c390055eb': { roleName: 'Monitoring Metrics Publisher', description: 'Enables publishing metrics against Azure resources' },
  'de139f84-1756-47ae-9be6-808fbbe84772': { roleName: 'Website Contributor', description: 'Lets you manage websites (not web plans), but not access to them.' },
  '312a565d-c81f-4fd8-895a-4e21e48d571c': { roleName: 'API Management Service Contributor', description: 'Can manage service and the APIs' },
  'b24988ac-6180-42a0-ab88-20f7382dd24c': { roleName: 'Contributor', description: 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.' },
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': { roleName: 'User Access Administrator', description: 'Lets you manage user access to Azure resources.' },
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': { roleName: 'Role Based Access Control Administrator', description: 'Manage access to Azure resources by assigning roles using Azure RBAC.' },
};

const T_RA = 'Microsoft.Authorization/roleAssignments';
const T_RD = 'Microsoft.Authorization/roleDefinitions';
const norm = (s: string) => s.replace(/\/+$/, '').toLowerCase();

/** The GUID at the end of a role definition id (or the id itself when it is a bare GUID). */
export function roleGuid(roleDefinitionId: string): string {
  return roleDefinitionId.split('/').pop()!.toLowerCase();
}

function roleDefinitionBody(sub: string, guid: string): Record<string, unknown> {
  const r = BUILTIN_ROLES[guid];
  return {
    id: `/subscriptions/${sub}/providers/${T_RD}/${guid}`,
    name: guid,
    type: T_RD,
    properties: { roleName: r.roleName, type: 'BuiltInRole', description: r.description, assignableScopes: ['/'], permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [] }] },
  };
}

/** The stored form of a role assignment. */
/** What a PUT may set on an assignment besides its identity (scope, role, principal): ARM keeps and updates these. */
export interface AssignmentExtras {
  description?: string;
  condition?: string;
  conditionVersion?: string;
}

const extrasOf = (p: AssignmentExtras): AssignmentExtras =>
  Object.fromEntries((['description', 'condition', 'conditionVersion'] as const).filter((k) => typeof p[k] === 'string').map((k) => [k, p[k]]));

export function assignmentEntity(
  sub: string,
  scope: string,
  name: string,
  p: { roleDefinitionId: string; principalId: string; principalType?: string } & AssignmentExtras,
  by: string,
): Omit<ArmEntity, 'etag'> {
  const at = new Date().toISOString();
  return {
    id: `${scope === '/' ? '' : scope}/providers/${T_RA}/${name}`,
    name,
    type: T_RA,
    properties: {
      roleDefinitionId: `/subscriptions/${sub}/providers/${T_RD}/${roleGuid(p.roleDefinitionId)}`,
      principalId: p.principalId,
      principalType: p.principalType ?? 'User',
      scope,
      ...extrasOf(p),
      createdOn: at,
      updatedOn: at,
      createdBy: by,
      updatedBy: by,
    },
  };
}

function principalProblem(ctx: HandlerCtx, principalId: string): ReturnType<ArmHandler> | undefined {
  if ((ctx.opts.principalCheck ?? 'strict') === 'off') return undefined;
  const key = principalId.toLowerCase();
  const known = ctx.store.principals.has(key) || key === ctx.caller.toLowerCase() || (ctx.opts.knownPrincipals ?? []).some((p) => p.toLowerCase() === key);
  const lag = ctx.store.principals.get(key) ?? 0;
  if (known && lag > 0) ctx.store.principals.set(key, lag - 1);
  if (known && lag === 0) return undefined;
  return armError(
    400,
    'PrincipalNotFound',
    `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${ctx.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
  );
}

const putAssignment: ArmHandler = (ctx) => {
  const scope = ctx.route.scope!;
  const p = bodyProperties(ctx) as { roleDefinitionId?: string; principalId?: string; principalType?: string } & AssignmentExtras;
  const guid = roleGuid(String(p.roleDefinitionId));
  if (!BUILTIN_ROLES[guid]) return armError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${guid}' does not exist.`);
  if (scope.toLowerCase().includes('/providers/') && !ctx.store.get(scope))
    return armError(404, 'ResourceNotFound', `The Resource '${scope.split('/providers/')[1]}' under resource group '${ctx.route.resourceGroup}' was not found.`);
  const id = `${scope === '/' ? '' : scope}/providers/${T_RA}/${ctx.route.resource}`;
  const existing = ctx.store.get(id);
  const same = (e: ArmEntity) =>
    roleGuid(String(e.properties.roleDefinitionId)) === guid &&
    String(e.properties.principalId).toLowerCase() === String(p.principalId).toLowerCase() &&
    norm(String(e.properties.scope)) === norm(scope);
  if (existing) {
    if (same(existing)) {
      // Description and condition are the updatable parts of an assignment.
      const extras = extrasOf(p);
      if (Object.keys(extras).length) {
        const updated = ctx.store.put({ ...existing, properties: { ...existing.properties, ...extras, updatedOn: new Date().toISOString(), updatedBy: ctx.caller } });
        return { status: 201, body: entityBody(updated) };
      }
      return { status: 201, body: entityBody(existing) };
    }
    return armError(400, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
  }
  const problem = principalProblem(ctx, String(p.principalId));
  if (problem) return problem;
  if (ctx.store.list(T_RA).some(same)) return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  const e = ctx.store.put(
    assignmentEntity(
      ctx.store.subscriptionId,
      scope,
      ctx.route.resource,
      { ...extrasOf(p), roleDefinitionId: String(p.roleDefinitionId), principalId: String(p.principalId), principalType: p.principalType },
      ctx.caller,
    ),
  );
  return { status: 201, body: entityBody(e) };
};

function assignmentId(ctx: HandlerCtx): string {
  const scope = ctx.route.scope!;
  return `${scope === '/' ? '' : scope}/providers/${T_RA}/${ctx.route.resource}`;
}

const getAssignment: ArmHandler = (ctx) => {
  const e = ctx.store.get(assignmentId(ctx));
  return e ? { status: 200, body: entityBody(e) } : armError(404, 'RoleAssignmentNotFound', `The role assignment '${ctx.route.resource}' is not found.`);
};

const deleteAssignment: ArmHandler = (ctx) => {
  const e = ctx.store.get(assignmentId(ctx));
  if (!e) return { status: 204 };
  ctx.store.deleteTree(e.id);
  return { status: 200, body: entityBody(e) };
};

/** `$filter`: atScope(), principalId eq '…' (joined with `and`); anything else is a double-side gap. */
function parseFilter(ctx: HandlerCtx): { atScope: boolean; principalId?: string } | undefined {
  const f = ctx.req.url.searchParams.get('$filter');
  const out: { atScope: boolean; principalId?: string } = { atScope: false };
  if (!f) return out;
  for (const part of f.split(/\s+and\s+/i)) {
    const m = /^principalId\s+eq\s+'([^']+)'$/i.exec(part.trim());
    if (/^atScope\(\)$/i.test(part.trim())) out.atScope = true;
    else if (m) out.principalId = m[1].toLowerCase();
    else return undefined;
  }
  return out;
}

const listAssignments: ArmHandler = (ctx) => {
  const f = parseFilter(ctx);
  if (!f) {
    ctx.flag(`$filter '${ctx.req.url.searchParams.get('$filter')}' is not supported by the ARM double (atScope(), principalId eq '…')`);
    return armError(400, 'DoubleUnsupported', 'The ARM double supports $filter atScope() and principalId eq only.');
  }
  const scope = norm(ctx.route.scope!);
  const value = ctx.store
    .list(T_RA)
    .filter((e) => {
      const s = norm(String(e.properties.scope));
      const atOrAbove = scope === s || scope.startsWith(`${s}/`) || s === '';
      const below = s.startsWith(`${scope}/`);
      return (f.atScope ? atOrAbove : atOrAbove || below) && (!f.principalId || String(e.properties.principalId).toLowerCase() === f.principalId);
    })
    .map((e) => entityBody(e));
  return { status: 200, body: { value } };
};

const getDefinition: ArmHandler = (ctx) => {
  const guid = ctx.route.resource.toLowerCase();
  if (!BUILTIN_ROLES[guid]) return armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${guid}' does not exist.`);
  return { status: 200, body: roleDefinitionBody(ctx.store.subscriptionId, guid) };
};

const listDefinitions: ArmHandler = (ctx) => {
  const f = ctx.req.url.searchParams.get('$filter');
  const m = f ? /^roleName\s+eq\s+'([^']+)'$/i.exec(f.trim()) : null;
  if (f && !m) {
    ctx.flag(`$filter '${f}' is not supported by the ARM double (roleName eq '…')`);
    return armError(400, 'DoubleUnsupported', "The ARM double supports $filter roleName eq '…' only.");
  }
  const value = Object.keys(BUILTIN_ROLES)
    .filter((g) => !m || BUILTIN_ROLES[g].roleName.toLowerCase() === m[1].toLowerCase())
    .map((g) => roleDefinitionBody(ctx.store.subscriptionId, g));
  return { status: 200, body: { value } };
};

export const ROLE_ASSIGNMENT_HANDLERS: Record<string, ArmHandler> = {
  'PUT *': putAssignment,
  'GET *': getAssignment,
  'DELETE *': deleteAssignment,
  'GET ': listAssignments,
};

export const ROLE_DEFINITION_HANDLERS: Record<string, ArmHandler> = { 'GET *': getDefinition, 'GET ': listDefinitions };
