/** The ARM double's resource store: entities by case-insensitive ARM id, ETags, children, ids, known principals. */
import { createHash } from 'node:crypto';
import type { ArmEntity } from './types';

/** Case-insensitive map of ARM entities with ETag generation. */
export class ArmStore {
  private readonly map = new Map<string, ArmEntity>();
  private readonly generations = new Map<string, number>();
  private counter = 0;
  /** Principal object ids the directory knows (lower-cased) → role-assignment PUTs still to refuse (replication lag). */
  readonly principals = new Map<string, number>();

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
    this.principals.clear();
    this.generations.clear();
  }

  /** Registers a principal the directory knows; `lag` role-assignment PUTs naming it still answer PrincipalNotFound. */
  addPrincipal(id: string, lag = 0): void {
    this.principals.set(id.toLowerCase(), Math.max(lag, this.principals.get(id.toLowerCase()) ?? 0));
  }

  rgId(rg: string): string {
    return `/subscriptions/${this.subscriptionId}/resourceGroups/${rg}`;
  }
  /** Id of a tracked resource, e.g. resourceId('rg', 'Microsoft.Storage/storageAccounts', 'st1'). */
  resourceId(rg: string, type: string, name: string): string {
    return `${this.rgId(rg)}/providers/${type}/${name}`;
  }
  /** The stored resource group of `rg` (any casing), if any. */
  resourceGroup(rg: string): ArmEntity | undefined {
    return this.get(this.rgId(rg));
  }

  /**
   * A GUID that is deterministic for (kind, id, n-th creation of that id): identities keep their principalId across
   * re-PUTs, a deleted and re-created identity gets a new one, and two runs of a test see the same values.
   */
  guid(kind: string, id: string, bump = false): string {
    const key = `${kind}|${id.toLowerCase()}`;
    const gen = (this.generations.get(key) ?? 0) + (bump ? 1 : 0);
    this.generations.set(key, gen);
    const h = createHash('sha256').update(`${this.subscriptionId}|${key}|${gen}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  serviceId(rg: string, svc: string): string {
    return `${this.rgId(rg)}/providers/Microsoft.ApiManagement/service/${svc}`;
  }
  siteId(rg: string, site: string): string {
    return `${this.rgId(rg)}/providers/Microsoft.Web/sites/${site}`;
  }
}
