/** Routing of ARM request paths: which resource family handles it and which spec set validates it. */
import type { SpecSetName } from '../doubles-common';

/**
 * Handler families. A tracked resource family is named by its ARM type; `subscription` holds the
 * subscription-level provider actions (checkNameAvailability, geoRegions); `operations` the generic LRO poll URL.
 */
export type ArmFamily =
  | 'Microsoft.ApiManagement/service'
  | 'Microsoft.Web/sites'
  | 'Microsoft.Web/serverfarms'
  | 'Microsoft.Resources/resourceGroups'
  | 'Microsoft.Storage/storageAccounts'
  | 'Microsoft.OperationalInsights/workspaces'
  | 'Microsoft.Insights/components'
  | 'Microsoft.ManagedIdentity/userAssignedIdentities'
  | 'Microsoft.Authorization/roleAssignments'
  | 'Microsoft.Authorization/roleDefinitions'
  | 'subscription'
  | 'operations';

/** A parsed ARM path. */
export interface ArmRoute {
  /** '' for tenant-level paths (role definitions under `/providers/...`). */
  subscriptionId: string;
  /** '' when the path is not under a resource group. */
  resourceGroup: string;
  family: ArmFamily;
  /** The spec set that validates the request (undefined: outside every spec, e.g. LRO polls). */
  set?: SpecSetName;
  /** Resource name (service, site, account, …; role assignment name; '' for a collection). */
  resource: string;
  /** Segments after the resource name, as sent. */
  rest: string[];
  /** `rest` with collection/action names lowercased and entity names replaced by `*` (e.g. `apis/*\/operations`). */
  shape: string;
  /** Role assignments/definitions: the scope path (`/subscriptions/…[/resourceGroups/…[/providers/…]]`). */
  scope?: string;
}

/** Resource types under a resource group: lower-cased `namespace/type` → family and spec set. */
const RG_TYPES: Record<string, { family: ArmFamily; set: SpecSetName }> = {
  'microsoft.apimanagement/service': { family: 'Microsoft.ApiManagement/service', set: 'apim' },
  'microsoft.web/sites': { family: 'Microsoft.Web/sites', set: 'web' },
  'microsoft.web/serverfarms': { family: 'Microsoft.Web/serverfarms', set: 'web' },
  'microsoft.storage/storageaccounts': { family: 'Microsoft.Storage/storageAccounts', set: 'storage' },
  'microsoft.operationalinsights/workspaces': { family: 'Microsoft.OperationalInsights/workspaces', set: 'loganalytics' },
  'microsoft.insights/components': { family: 'Microsoft.Insights/components', set: 'insights' },
  'microsoft.managedidentity/userassignedidentities': { family: 'Microsoft.ManagedIdentity/userAssignedIdentities', set: 'msi' },
};

/** Subscription-level provider actions: lower-cased `namespace/action` → spec set. */
const SUB_ACTIONS: Record<string, SpecSetName> = {
  'microsoft.storage/checknameavailability': 'storage',
  'microsoft.apimanagement/checknameavailability': 'apimService',
  'microsoft.web/checknameavailability': 'web',
  'microsoft.web/georegions': 'web',
};

const ENTITY_SLOTS = new Set(['apis', 'operations', 'policies', 'backends', 'namedvalues', 'products', 'operationresults', 'sites', 'containers']);

function shapeOf(rest: string[]): string {
  return rest.map((s, i) => (i > 0 && ENTITY_SLOTS.has(rest[i - 1].toLowerCase()) ? '*' : s.toLowerCase())).join('/');
}

/** Parses a request path, or undefined when the double has no route for it. */
export function parseArmPath(pathname: string): ArmRoute | undefined {
  const seg = pathname
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const lower = seg.map((s) => s.toLowerCase());
  const authz = lower.findIndex((s, i) => s === 'providers' && lower[i + 1] === 'microsoft.authorization');
  if (authz >= 0) return authorizationRoute(seg, lower, authz);
  if (lower[0] !== 'subscriptions' || seg.length < 3) return undefined;
  const sub = seg[1];
  const base = { subscriptionId: sub, resourceGroup: '', resource: '', rest: [] as string[], shape: '' };
  if (lower[2] === 'operationresults' && seg.length === 4) return { ...base, family: 'operations', resource: seg[3] };
  if (lower[2] === 'providers' && seg.length === 5) {
    const set = SUB_ACTIONS[`${lower[3]}/${lower[4]}`];
    return set ? { ...base, family: 'subscription', set, shape: `${lower[3]}/${lower[4]}` } : undefined;
  }
  if (lower[2] !== 'resourcegroups' || seg.length < 4) return undefined;
  const rg = seg[3];
  if (seg.length === 4) return { ...base, resourceGroup: rg, family: 'Microsoft.Resources/resourceGroups', set: 'resources', resource: rg };
  // Resources_ListByResourceGroup: `/subscriptions/{s}/resourceGroups/{rg}/resources`.
  if (seg.length === 5 && lower[4] === 'resources')
    return { ...base, resourceGroup: rg, family: 'Microsoft.Resources/resourceGroups', set: 'resources', resource: rg, rest: ['resources'], shape: 'resources' };
  if (lower[4] !== 'providers' || seg.length < 8) return undefined;
  const t = RG_TYPES[`${lower[5]}/${lower[6]}`];
  if (!t) return undefined;
  const rest = seg.slice(8);
  // The APIM service resource itself is in apimdeployment.json (its own spec set); its children in the older copy.
  const set: SpecSetName = t.family === 'Microsoft.ApiManagement/service' && rest.length === 0 ? 'apimService' : t.set;
  return { ...base, resourceGroup: rg, family: t.family, set, resource: seg[7], rest, shape: shapeOf(rest) };
}

function authorizationRoute(seg: string[], lower: string[], at: number): ArmRoute | undefined {
  const kind = lower[at + 2];
  if (kind !== 'roleassignments' && kind !== 'roledefinitions') return undefined;
  if (seg.length > at + 4) return undefined;
  const scopeSeg = seg.slice(0, at);
  const scopeLower = lower.slice(0, at);
  if (scopeLower.length && scopeLower[0] !== 'subscriptions') return undefined;
  return {
    subscriptionId: scopeSeg[1] ?? '',
    resourceGroup: scopeLower[2] === 'resourcegroups' ? (scopeSeg[3] ?? '') : '',
    family: kind === 'roleassignments' ? 'Microsoft.Authorization/roleAssignments' : 'Microsoft.Authorization/roleDefinitions',
    set: 'authorization',
    resource: seg[at + 3] ?? '',
    rest: [],
    shape: seg.length === at + 4 ? '*' : '',
    scope: scopeSeg.length ? `/${scopeSeg.join('/')}` : '/',
  };
}

/** ARM id of the route's own resource (resource group, or the tracked resource), '' for others. */
export function resourceIdOf(route: ArmRoute): string {
  const rg = `/subscriptions/${route.subscriptionId}/resourceGroups/${route.resourceGroup}`;
  if (route.family === 'Microsoft.Resources/resourceGroups') return rg;
  if (RG_FAMILIES.has(route.family)) return `${rg}/providers/${route.family}/${route.resource}`;
  return '';
}

const RG_FAMILIES = new Set<ArmFamily>(Object.values(RG_TYPES).map((t) => t.family));

/** The RBAC action ARM would check, e.g. `Microsoft.ApiManagement/service/apis/write`. */
export function armAction(method: string, route: ArmRoute): string {
  const verb = method === 'POST' ? 'action' : method === 'DELETE' ? 'delete' : method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  if (route.family === 'subscription') return `${route.shape}/${verb}`;
  if (route.family === 'operations') return 'Microsoft.Resources/subscriptions/operationresults/read';
  if (route.family === 'Microsoft.Resources/resourceGroups') return `Microsoft.Resources/subscriptions/resourceGroups/${verb}`;
  const types = route.rest.filter((_, i) => i % 2 === 0);
  return [route.family, ...types, verb].join('/');
}
