/**
 * The provider kit: what a deploy provider is, the error sites its steps carry, and the few parts of the deploy a
 * provider builds on — the step type (../engine.ts), retries (../retry.ts), manifest loading (../manifest.ts), the
 * diff (../compare.ts) and the Azure HTTP helpers. A provider is a function that builds its steps from the run's
 * context, loading and checking its infra/ manifests while it builds them (so a bad file fails before the first
 * write); see ../README.md "Adding a step". The entra/ and apim/ stages import this file, not the deploy's index, so
 * loading a provider never loads the whole deploy.
 */
import type { DeployContext } from '../context';
import type { Step } from '../engine';
import type { ErrorSite } from '../error-hints';
import type { DeployOptions } from '../types';

export { names, type DeployContext, type DeployOutputsState } from '../context';
export { UNKNOWN, type Step, type StepPlan } from '../engine';
export { withRetry, isTransient, type RetryOptions, type RetryStats } from '../retry';
export { fill, infraPath, loadManifest, type Manifest, type ManifestSpec } from '../manifest';
export { diffProps, normaliseXml } from '../compare';
export { AzureHttpError, bearerFetch, errorFromResponse } from '../bearer-fetch';
export { changeMaker } from '../planned-change';
export type { ErrorSite } from '../error-hints';
export type { DeployEnvironment, DeployOptions, PlannedChange, PropertyDiff } from '../types';

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

/**
 * An ARM scope as the `scope` argument of the Azure SDK's scope-based operations (role assignments, locks, …): their
 * path templates put the argument after a slash of their own, so a leading slash would make the request path start
 * with `//`, which URL resolution reads as a host name (`https://subscriptions/…`).
 */
export const scopeArg = (scope: string) => scope.replace(/^\/+/, '');

/** The site of a Graph call (Entra steps). */
export const graphScope = (o: DeployOptions) => `Microsoft Graph (tenant ${o.env.tenantId})`;
