/** Seeding the ARM double with pre-existing resources (adopted resources, partial states). Shapes: types.ts ArmSeed. */
import { assignmentEntity } from './authz-handlers';
import { componentProperties, identityProperties, workspaceProperties } from './identity-monitor-handlers';
import { rgEntity } from './rg-handlers';
import type { ArmStore } from './state';
import { accountProperties } from './storage-handlers';
import type { ArmSeed, ArmTags } from './types';

const DEFAULT_LOCATION = 'West Europe';

/** Creates the resource group `rg` unless it exists (a seeded resource implies its group). */
function ensureRg(st: ArmStore, rg: string, location = DEFAULT_LOCATION, tags?: ArmTags): void {
  if (!st.resourceGroup(rg)) st.put(rgEntity(st.rgId(rg), rg, location, tags));
}

const withTags = (top: Record<string, unknown>, tags?: ArmTags) => (tags ? { ...top, tags: { ...tags } } : top);

/** Adds pre-existing resources; `tenantId` goes into identities and components. */
export function seedStore(st: ArmStore, s: ArmSeed, tenantId: string): void {
  for (const g of s.resourceGroups ?? []) ensureRg(st, g.name, g.location, g.tags);
  for (const r of [...(s.apimServices ?? []), ...(s.sites ?? []), ...(s.storageAccounts ?? []), ...(s.workspaces ?? []), ...(s.components ?? []), ...(s.identities ?? []), ...(s.serverFarms ?? [])])
    ensureRg(st, r.resourceGroup, r.location);
  for (const p of s.principals ?? []) st.addPrincipal(p.id);
  const ctx = { store: st, tenantId };
  for (const a of s.storageAccounts ?? []) {
    const location = a.location ?? DEFAULT_LOCATION;
    st.put({
      id: st.resourceId(a.resourceGroup, 'Microsoft.Storage/storageAccounts', a.name),
      name: a.name,
      type: 'Microsoft.Storage/storageAccounts',
      top: withTags({ location, sku: { name: 'Standard_LRS', tier: 'Standard' }, kind: 'StorageV2' }, a.tags),
      properties: accountProperties(a.name, location, { ...(a.properties ?? {}) }),
    });
  }
  for (const c of s.blobContainers ?? []) {
    const id = `${st.resourceId(c.resourceGroup, 'Microsoft.Storage/storageAccounts', c.account)}/blobServices/default/containers/${c.name}`;
    st.put({
      id,
      name: c.name,
      type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
      properties: { publicAccess: 'None', leaseStatus: 'Unlocked', leaseState: 'Available', hasImmutabilityPolicy: false, hasLegalHold: false },
    });
  }
  for (const w of s.workspaces ?? []) {
    const id = st.resourceId(w.resourceGroup, 'Microsoft.OperationalInsights/workspaces', w.name);
    st.put({ id, name: w.name, type: 'Microsoft.OperationalInsights/workspaces', top: withTags({ location: w.location ?? DEFAULT_LOCATION }, w.tags), properties: workspaceProperties(ctx, id, {}) });
  }
  for (const c of s.components ?? []) {
    const id = st.resourceId(c.resourceGroup, 'Microsoft.Insights/components', c.name);
    const location = c.location ?? DEFAULT_LOCATION;
    const requested = c.workspaceResourceId ? { WorkspaceResourceId: c.workspaceResourceId } : {};
    st.put({ id, name: c.name, type: 'Microsoft.Insights/components', top: withTags({ location, kind: 'web' }, c.tags), properties: componentProperties(ctx, id, c.name, location, requested) });
  }
  for (const i of s.identities ?? []) {
    const id = st.resourceId(i.resourceGroup, 'Microsoft.ManagedIdentity/userAssignedIdentities', i.name);
    const props: Record<string, string> = { ...identityProperties(ctx, id, true), ...(i.principalId ? { principalId: i.principalId } : {}), ...(i.clientId ? { clientId: i.clientId } : {}) };
    st.addPrincipal(props.principalId!);
    st.put({
      id,
      name: i.name,
      type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
      top: withTags({ location: i.location ?? DEFAULT_LOCATION }, i.tags),
      properties: { isolationScope: 'None', ...props },
    });
  }
  for (const f of s.serverFarms ?? []) {
    const sku = f.skuName ?? 'FC1';
    st.put({
      id: st.resourceId(f.resourceGroup, 'Microsoft.Web/serverfarms', f.name),
      name: f.name,
      type: 'Microsoft.Web/serverfarms',
      top: withTags({ location: f.location ?? DEFAULT_LOCATION, kind: 'functionapp', sku: { name: sku, tier: sku === 'FC1' ? 'FlexConsumption' : 'Dynamic' } }, f.tags),
      properties: { reserved: true, status: 'Ready', provisioningState: 'Succeeded', numberOfSites: 0 },
    });
  }
  for (const r of s.roleAssignments ?? []) {
    const name = r.name ?? st.guid('ra-seed', `${r.scope}|${r.roleDefinitionId}|${r.principalId}`);
    st.put(assignmentEntity(st.subscriptionId, r.scope, name, r, '00000000-0000-0000-0000-000000000000'));
  }

  for (const a of s.apimServices ?? []) {
    st.put({
      id: st.serviceId(a.resourceGroup, a.name),
      name: a.name,
      type: 'Microsoft.ApiManagement/service',
      top: withTags({ location: a.location ?? 'West Europe', sku: { name: a.skuName ?? 'Developer', capacity: a.skuName === 'Consumption' ? 0 : 1 } }, a.tags),
      properties: {
        publisherEmail: a.publisherEmail ?? 'admin@contoso.example',
        publisherName: a.publisherName ?? 'Contoso',
        provisioningState: 'Succeeded',
        targetProvisioningState: '',
        gatewayUrl: a.gatewayUrl ?? `https://${a.name.toLowerCase()}.azure-api.net`,
        portalUrl: `https://${a.name.toLowerCase()}.portal.azure-api.net`,
        managementApiUrl: `https://${a.name.toLowerCase()}.management.azure-api.net`,
        scmUrl: `https://${a.name.toLowerCase()}.scm.azure-api.net`,
        virtualNetworkType: 'None',
        publicNetworkAccess: 'Enabled',
      },
    });
  }
  for (const w of s.sites ?? []) seedSite(st, w);
  for (const p of s.products ?? []) {
    const id = `${st.serviceId(p.resourceGroup, p.service)}/products/${p.productId}`;
    st.put({
      id,
      name: p.productId,
      type: 'Microsoft.ApiManagement/service/products',
      properties: { displayName: p.displayName ?? p.productId, subscriptionRequired: p.subscriptionRequired ?? false, state: p.state ?? 'published' },
    });
  }
  for (const n of s.namedValues ?? []) {
    const id = `${st.serviceId(n.resourceGroup, n.service)}/namedValues/${n.id}`;
    st.put({
      id,
      name: n.id,
      type: 'Microsoft.ApiManagement/service/namedValues',
      properties: { displayName: n.displayName, secret: n.secret ?? false, tags: [], provisioningState: 'Succeeded' },
      hidden: { value: n.value ?? '' },
    });
  }
  for (const b of s.backends ?? []) {
    const id = `${st.serviceId(b.resourceGroup, b.service)}/backends/${b.id}`;
    st.put({ id, name: b.id, type: 'Microsoft.ApiManagement/service/backends', properties: { ...b.properties } });
  }
}

function seedSite(st: ArmStore, w: NonNullable<ArmSeed['sites']>[number]): void {
  const flex = w.flex ?? true;
  const host = w.defaultHostName ?? `${w.name.toLowerCase()}.azurewebsites.net`;
  const rgId = st.rgId(w.resourceGroup);
  const properties: Record<string, unknown> = {
    state: 'Running',
    hostNames: [host],
    enabledHostNames: [host, host.replace(/^([^.]+)\./, '$1.scm.')],
    defaultHostName: host,
    serverFarmId: w.serverFarmId ?? `${rgId}/providers/Microsoft.Web/serverfarms/${w.name}-plan`,
    httpsOnly: true,
    reserved: true,
    enabled: true,
  };
  if (flex) {
    properties.functionAppConfig = {
      deployment: {
        storage: {
          type: 'blobContainer',
          value: `https://st${w.name
            .replace(/[^a-z0-9]/gi, '')
            .toLowerCase()
            .slice(0, 20)}.blob.core.windows.net/app-package`,
          authentication: { type: 'SystemAssignedIdentity' },
        },
      },
      runtime: { name: 'node', version: '20' },
      scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048 },
    };
  }
  st.put({
    id: st.siteId(w.resourceGroup, w.name),
    name: w.name,
    type: 'Microsoft.Web/sites',
    top: withTags({ location: w.location ?? 'West Europe', kind: flex ? 'functionapp,linux' : 'functionapp', ...(w.identity ? { identity: structuredClone(w.identity) } : {}) }, w.tags),
    properties,
    hidden: {
      hostKeys: w.hostKeys ?? { masterKey: `master-${w.name}-secret`, functionKeys: { default: `default-${w.name}-secret` }, systemKeys: {} },
      appSettings: { ...(w.appSettings ?? {}) },
    },
  });
}
