/**
 * The provider kit: what a deploy provider is and the error sites its steps carry. A provider is a function that
 * builds its steps from the run's context, loading and checking its infra/ manifests while it builds them (so a bad
 * file fails before the first write). The engine (../engine.ts), retries (../retry.ts), manifests (../manifest.ts)
 * and the diff (../compare.ts) are the rest of the kit; see ../README.md "Adding a step".
 */
import type { DeployContext } from '../context';
import type { Step } from '../engine';
import type { ErrorSite } from '../error-hints';
import type { DeployOptions } from '../types';

/** A deploy step plus where its failures point (env-file key, ARM scope or Graph tenant) in error hints. */
export interface DeployStep extends Step<DeployContext> {
  site: ErrorSite;
}

/** Builds one area's steps for a run (a fresh context per run). */
export type DeployProvider = (ctx: DeployContext) => DeployStep[];

/** ARM scope of the Function App. */
export const siteScope = (o: DeployOptions) => `/subscriptions/${o.env.subscriptionId}/resourceGroups/${o.env.resourceGroup}/providers/Microsoft.Web/sites/${o.env.functionApp}`;

/** ARM scope of the APIM service (also the resource-id prefix of everything in it). */
export const svcScope = (o: DeployOptions) => `/subscriptions/${o.env.subscriptionId}/resourceGroups/${o.env.resourceGroup}/providers/Microsoft.ApiManagement/service/${o.env.apimService}`;

/** The site of a Graph call (Entra steps). */
export const graphScope = (o: DeployOptions) => `Microsoft Graph (tenant ${o.env.tenantId})`;
