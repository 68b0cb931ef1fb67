/** What the publish steps see: the environment, the Dataverse and Graph clients, the desired row, and outputs. */
import type { GraphClient } from '../entra';
import type { RetryOptions, RetryStats, DeployEnvironment } from '../deploy';
import type { DataverseClient } from './dataverse-client';
import type { DesiredConnector } from './desired';
import type { PublishOptions } from './types';

export interface PublishContext {
  env: DeployEnvironment;
  pp: NonNullable<DeployEnvironment['powerPlatform']>;
  opts: PublishOptions;
  retry: RetryOptions;
  stats: RetryStats;
  dv: DataverseClient;
  graph: GraphClient;
  desired: DesiredConnector;
  /** The connector's Entra app, read before the first write (absent when the connector has no OAuth sign-in). */
  connectorApp?: { id: string; appId: string; web?: { redirectUris?: string[] } & Record<string, unknown> };
  out: { connectorid?: unknown; internalId?: unknown; redirectUri?: string; breaking?: string[] };
}
