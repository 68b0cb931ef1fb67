/**
 * The Graph double's app role assignments (an application permission granted to a service principal, i.e. admin
 * consent) and application owners; behaviour in graph-double.md. Microsoft Graph's own service principal is always
 * in the tenant, with the application permissions connectorkit grants.
 */
import { randomUUID } from 'node:crypto';
import type { DoubleResponse } from './double-server';

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface GraphAppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
}

export interface GraphAppRoleAssignment {
  id: string;
  principalId: string;
  principalType: string;
  principalDisplayName: string;
  resourceId: string;
  resourceDisplayName: string;
  appRoleId: string;
  createdDateTime: string;
  deletedDateTime: null;
}

/** Microsoft Graph's service principal as every tenant has it (two of its application permissions). */
export function microsoftGraphServicePrincipal(): { id: string; appId: string; displayName: string; servicePrincipalType: string; accountEnabled: boolean; appRoles: GraphAppRole[] } {
  const role = (id: string, value: string, what: string): GraphAppRole => ({
    id,
    value,
    displayName: `${what} (application)`,
    description: `Allows the calling app to ${what.toLowerCase()} without a signed-in user.`,
    allowedMemberTypes: ['Application'],
    isEnabled: true,
  });
  return {
    id: randomUUID(),
    appId: MICROSOFT_GRAPH_APP_ID,
    displayName: 'Microsoft Graph',
    servicePrincipalType: 'Application',
    accountEnabled: true,
    appRoles: [
      role('18a4783c-866b-4cc7-a460-3d5e5662c884', 'Application.ReadWrite.OwnedBy', 'Manage apps that this app creates or owns'),
      role('1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', 'Application.ReadWrite.All', 'Read and write all applications'),
    ],
  };
}

type Err = (status: number, code: string, message: string) => DoubleResponse;
interface Principal {
  id: string;
  displayName: string;
  appRoles?: GraphAppRole[];
}

export interface AppRoleState {
  appRoleAssignments: GraphAppRoleAssignment[];
  /** Owner object ids by application object id. */
  owners: Record<string, string[]>;
  /** false: the caller may not grant application permissions (not a Privileged Role Administrator): 403. */
  canGrantAppRoles: boolean;
  /** false: the caller may not change owners (neither an owner of the app nor an Application Administrator): 403. */
  canChangeOwners: boolean;
}

const FORBIDDEN = 'Insufficient privileges to complete the operation.';

/** GET/POST servicePrincipals/{id}/appRoleAssignments. */
export function appRoleAssignmentsRoute(s: AppRoleState, principals: Principal[], spId: string, method: string, body: Record<string, unknown>, origin: string, err: Err): DoubleResponse | undefined {
  const principal = principals.find((p) => p.id === spId);
  if (!principal) return err(404, 'Request_ResourceNotFound', `Resource '${spId}' does not exist or one of its queried reference-property objects are not present.`);
  if (method === 'GET') {
    return { status: 200, body: { '@odata.context': `${origin}/v1.0/$metadata#servicePrincipals('${spId}')/appRoleAssignments`, value: s.appRoleAssignments.filter((a) => a.principalId === spId) } };
  }
  if (method !== 'POST') return undefined;
  for (const k of Object.keys(body))
    if (!['principalId', 'resourceId', 'appRoleId'].includes(k)) return err(400, 'Request_BadRequest', `Property '${k}' does not exist on type 'microsoft.graph.appRoleAssignment' or is read-only.`);
  if (body.principalId !== spId) return err(400, 'Request_BadRequest', 'The principalId in the body must be the service principal the request is made on.');
  const resource = principals.find((p) => p.id === body.resourceId);
  if (!resource) return err(404, 'Request_ResourceNotFound', `Resource '${String(body.resourceId)}' does not exist or one of its queried reference-property objects are not present.`);
  const role = resource.appRoles?.find((r) => r.id === body.appRoleId);
  if (!role || !role.isEnabled || !role.allowedMemberTypes.includes('Application')) return err(400, 'Request_BadRequest', 'Permission being assigned was not found on application');
  if (!s.canGrantAppRoles) return err(403, 'Authorization_RequestDenied', FORBIDDEN);
  if (s.appRoleAssignments.some((a) => a.principalId === spId && a.resourceId === resource.id && a.appRoleId === role.id))
    return err(400, 'Request_BadRequest', 'Permission being assigned already exists on the object');
  const a: GraphAppRoleAssignment = {
    id: randomUUID(),
    principalId: spId,
    principalType: 'ServicePrincipal',
    principalDisplayName: principal.displayName,
    resourceId: resource.id,
    resourceDisplayName: resource.displayName,
    appRoleId: role.id,
    createdDateTime: new Date().toISOString(),
    deletedDateTime: null,
  };
  s.appRoleAssignments.push(a);
  return { status: 201, body: a };
}

/** GET applications/{id}/owners, POST applications/{id}/owners/$ref (only service principals are owners here). */
export function ownersRoute(
  s: AppRoleState,
  principals: Principal[],
  appObjectId: string,
  rest: string,
  method: string,
  body: Record<string, unknown>,
  origin: string,
  err: Err,
): DoubleResponse | undefined {
  const owners = (s.owners[appObjectId] ??= []);
  if (rest === '' && method === 'GET') {
    const value = owners.map((id) => ({ '@odata.type': '#microsoft.graph.servicePrincipal', id, displayName: principals.find((p) => p.id === id)?.displayName ?? null }));
    return { status: 200, body: { '@odata.context': `${origin}/v1.0/$metadata#directoryObjects`, value } };
  }
  if (rest !== '/$ref' || method !== 'POST') return undefined;
  const ref = typeof body['@odata.id'] === 'string' ? /\/v1\.0\/directoryObjects\/([0-9a-f-]{36})$/i.exec(body['@odata.id']) : null;
  if (!ref || Object.keys(body).length !== 1) return err(400, 'Request_BadRequest', 'The request body must be {"@odata.id": "<graph>/v1.0/directoryObjects/{id}"}.');
  if (!principals.some((p) => p.id === ref[1])) return err(404, 'Request_ResourceNotFound', `Resource '${ref[1]}' does not exist or one of its queried reference-property objects are not present.`);
  if (!s.canChangeOwners) return err(403, 'Authorization_RequestDenied', FORBIDDEN);
  if (owners.includes(ref[1]!)) return err(400, 'Request_BadRequest', "One or more added object references already exist for the following modified properties: 'owners'.");
  owners.push(ref[1]!);
  return { status: 204 };
}
