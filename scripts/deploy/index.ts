/**
 * Deploy stage: one environment's plan/apply against Azure (code, Entra, APIM, app settings — the providers under
 * providers/), the environment file, the credential and the step engine, retries and Azure error mapping that
 * publish reuses. Providers and the entra/ and apim/ stages use the smaller kit (providers/kit.ts).
 */
export { deploy, createContext, deployGraph, refuseBreaking, type DeployGraph } from './deploy';
export { loadEnvironment, CLOUDS } from './environment';
export { checkName, defaultNames, ENV_TAG, nameSuffix, NAME_RULES, normaliseLocation, resolveNames, RESOURCE_KINDS, type ResolvedNames, type ResourceKind, type ResourceNames } from './resource-names';
export { createCredential, scrubbing, AUTH_KINDS, type AuthKind } from './credential';
export { githubOidcCredential, fetchGithubIdToken, FEDERATION_AUDIENCE, GITHUB_ISSUER, type OidcVars } from './github-oidc';
export { renderDeploy } from './render-plan';
export { lroPacingPolicy } from './lro-pacing';
export { countChanges, planThenApply, runSteps, UNKNOWN, type Step, type StepPlan, type RunOptions } from './engine';
export { DEFAULT_RETRY, backoffMs, isTransient, sleep, withRetry, type RetryOptions, type RetryStats } from './retry';
export { azureErrorInfo, toDeployError, AZURE_ERROR_HINTS, type AzureErrorInfo, type ErrorSite } from './error-hints';
export { fill, infraPath, loadManifest, schemaFileValidator, type Manifest, type ManifestSpec } from './manifest';
export { diffProps, normaliseXml } from './compare';
export { AzureHttpError, bearerFetch, errorFromResponse } from './bearer-fetch';
export { changeMaker } from './planned-change';
export { PROVIDERS, type DeployProvider, type DeployStep } from './providers';
export { scopeArg } from './providers/kit';
export { loadAppSettings } from './providers/app-settings';
// Graph creates that a lost answer must not duplicate (ci setup creates its identity app the same way).
export { createOnce } from './providers/entra';
export type { DeployContext, DeployOutputsState } from './context';
export type * from './types';
