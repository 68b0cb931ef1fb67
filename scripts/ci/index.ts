/**
 * `connectorkit ci setup` as a stage: the deploy identity a GitHub repository signs in as and its Azure roles, and
 * the report of what was set up. The sign-in side (`--auth github-oidc`) is a credential of the deploy stage
 * (scripts/deploy/github-oidc.ts), so the deploy stage never imports this one and this one builds on it.
 */
export { ciSetup, checkCiInput, deployAppNames, federatedName } from './ci-setup';
export { renderCiSetup } from './render';
export type { CiSetupOptions, CiSetupResult, CiVariables, DeployRole, RoleScopeKind } from './types';
export { CI_CODES } from './codes';
