/** The ARM double's resource store: entities by case-insensitive ARM id, ETags, children, seeding. */
import type { ArmEntity, ArmSeed } from './types';

/** Case-insensitive map of ARM entities with ETag generation. */
export class ArmStore {
  private readonly map = new Map<string, ArmEntity>();
  private counter = 0;

  constructor(readonly subscriptionId: string) {}

  /** A fresh strong ETag (opaque, quoted, APIM-like). */
  nextEtag(): string {
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(BigInt(++this.counter));
    return `"${b.toString('base64')}"`;
  }

  get(id: string): ArmEntity | undefined {
    return this.map.get(id.toLowerCase());
  }

  /** Inserts or replaces; always issues a new ETag. Returns the stored entity. */
  put(e: Omit<ArmEntity, 'etag'>): ArmEntity {
    const stored: ArmEntity = { ...e, etag: this.nextEtag() };
    this.map.set(e.id.toLowerCase(), stored);
    return stored;
  }

  /** Restores an exact earlier snapshot (used when an LRO fails), or removes when there was none. */
  restore(id: string, snapshot: ArmEntity | undefined): void {
    if (snapshot) this.map.set(id.toLowerCase(), snapshot);
    else this.map.delete(id.toLowerCase());
  }

  /** Deletes an entity and everything under it; returns what was removed (for rollback). */
  deleteTree(id: string): ArmEntity[] {
    const key = id.toLowerCase();
    const gone: ArmEntity[] = [];
    for (const [k, v] of this.map) {
      if (k === key || k.startsWith(`${key}/`)) {
        gone.push(v);
        this.map.delete(k);
      }
    }
    return gone;
  }

  /** Puts back entities removed by deleteTree. */
  reinsert(entities: ArmEntity[]): void {
    for (const e of entities) this.map.set(e.id.toLowerCase(), e);
  }

  /** Direct children of `parentId` in collection `collection` (e.g. `apis`), sorted by name. */
  children(parentId: string, collection: string): ArmEntity[] {
    const prefix = `${parentId}/${collection}/`.toLowerCase();
    return [...this.map.entries()]
      .filter(([k]) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
      .map(([, v]) => v)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** All entities (deep copies), optionally filtered by type (case-insensitive). */
  list(type?: string): ArmEntity[] {
    return [...this.map.values()]
      .filter((e) => !type || e.type.toLowerCase() === type.toLowerCase())
      .map((e) => structuredClone(e))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  clear(): void {
    this.map.clear();
  }

  rgId(rg: string): string {
    return `/subscriptions/${this.subscriptionId}/resourceGroups/${rg}`;
  }
  serviceId(rg: string, svc: string): string {
    return `${this.rgId(rg)}/providers/Microsoft.ApiManagement/service/${svc}`;
  }
  siteId(rg: string, site: string): string {
    return `${this.rgId(rg)}/providers/Microsoft.Web/sites/${site}`;
  }

  /** Adds pre-existing resources. */
  seed(s: ArmSeed): void {
    for (const a of s.apimServices ?? []) {
      this.put({
        id: this.serviceId(a.resourceGroup, a.name),
        name: a.name,
        type: 'Microsoft.ApiManagement/service',
        top: { location: a.location ?? 'West Europe', sku: { name: a.skuName ?? 'Developer', capacity: 1 } },
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
    for (const w of s.sites ?? []) this.seedSite(w);
    for (const p of s.products ?? []) {
      const id = `${this.serviceId(p.resourceGroup, p.service)}/products/${p.productId}`;
      this.put({
        id,
        name: p.productId,
        type: 'Microsoft.ApiManagement/service/products',
        properties: { displayName: p.displayName ?? p.productId, subscriptionRequired: p.subscriptionRequired ?? false, state: p.state ?? 'published' },
      });
    }
    for (const n of s.namedValues ?? []) {
      const id = `${this.serviceId(n.resourceGroup, n.service)}/namedValues/${n.id}`;
      this.put({
        id,
        name: n.id,
        type: 'Microsoft.ApiManagement/service/namedValues',
        properties: { displayName: n.displayName, secret: n.secret ?? false, tags: [], provisioningState: 'Succeeded' },
        hidden: { value: n.value ?? '' },
      });
    }
    for (const b of s.backends ?? []) {
      const id = `${this.serviceId(b.resourceGroup, b.service)}/backends/${b.id}`;
      this.put({ id, name: b.id, type: 'Microsoft.ApiManagement/service/backends', properties: { ...b.properties } });
    }
  }

  private seedSite(w: NonNullable<ArmSeed['sites']>[number]): void {
    const flex = w.flex ?? true;
    const host = w.defaultHostName ?? `${w.name.toLowerCase()}.azurewebsites.net`;
    const rgId = this.rgId(w.resourceGroup);
    const properties: Record<string, unknown> = {
      state: 'Running',
      hostNames: [host],
      enabledHostNames: [host, host.replace(/^([^.]+)\./, '$1.scm.')],
      defaultHostName: host,
      serverFarmId: `${rgId}/providers/Microsoft.Web/serverfarms/${w.name}-plan`,
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
    this.put({
      id: this.siteId(w.resourceGroup, w.name),
      name: w.name,
      type: 'Microsoft.Web/sites',
      top: { location: w.location ?? 'West Europe', kind: flex ? 'functionapp,linux' : 'functionapp' },
      properties,
      hidden: {
        hostKeys: w.hostKeys ?? { masterKey: `master-${w.name}-secret`, functionKeys: { default: `default-${w.name}-secret` }, systemKeys: {} },
        appSettings: { ...(w.appSettings ?? {}) },
      },
    });
  }
}
