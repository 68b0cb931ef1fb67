/** Types of `connectorkit down`: options, the run context, what it found, and the result. */
import type { TokenCredential } from '@azure/core-auth';
import type { IoHost } from '../core/io';
import type { ArmClients } from './types';
import type { GraphClient } from '../entra';
import type { ChangeAction, DeployEnvironment, PlannedChange, ResourceKind, ResourceNames, RetryOptions, RetryStats } from '../deploy';

/** An environment down can work on: every name resolved (as provision resolved them). */
export type DownEnvironment = DeployEnvironment & { names: ResourceNames };

export interface DownOptions {
  env: DeployEnvironment;
  /** Project root (infra/resources/role-assignments.json is read from it, else connectorkit's copy). */
  root: string;
  planOnly: boolean;
  credential: TokenCredential;
  retry?: Partial<RetryOptions>;
}

/** A resource of the environment's group as listed (Resources_ListByResourceGroup). */
export interface FoundResource {
  id: string;
  name: string;
  type: string;
  tags: Record<string, string>;
}

/** What the inventory step read: the group, its resources, the principals role assignments name. */
export interface DownInventory {
  /** undefined: the group does not exist. */
  group?: { id: string; tags: Record<string, string> };
  resources: FoundResource[];
  /** principalId of the managed identity (when it exists). */
  identityPrincipalId?: string;
  /** Object id of the signed-in identity (the deployer role assignments name it). */
  deployerId?: string;
  /** True when down deletes the whole group (it is ours and holds nothing else). */
  deleteGroup: boolean;
}

/** A resource down keeps, and why. */
export interface KeptResource {
  resource: string;
  reason: string;
}

export interface DownContext extends ArmClients {
  env: DownEnvironment;
  opts: DownOptions;
  io: IoHost;
  retry: RetryOptions;
  stats: RetryStats;
  graph: GraphClient;
  inv: DownInventory;
  kept: KeptResource[];
}

/** The ARM resource kinds down deletes one by one, with their ARM type. */
export type DownKind = Exclude<ResourceKind, 'resourceGroup'>;

export interface DownResult {
  env: string;
  planOnly: boolean;
  changes: PlannedChange[];
  summary: Record<ChangeAction, number>;
  /** What exists and stays (adopted resources, apps without the marker, a group holding other resources). */
  kept: KeptResource[];
  retries: number;
}
