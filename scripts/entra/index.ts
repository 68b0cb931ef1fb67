/**
 * Entra stage: the Microsoft Graph client, the app-registration manifests (infra/entra/), the v1 issuer of the
 * environment's authority and name-based GUIDs. The deploy's Entra provider (deploy/providers/entra.ts) plans and
 * applies the apps; publish and export use the client and the GUIDs.
 */
export { GraphClient, type GraphClientOptions } from './graph-client';
export {
  entraManifests,
  apiValues,
  connectorValues,
  apiScopeValue,
  filledApiApp,
  filledConnectorApp,
  afterCreateKeys,
  API_APP_MANIFEST,
  CONNECTOR_APP_MANIFEST,
  SCOPE_ID,
  type EntraManifests,
  type Scope,
  type PreAuthorized,
} from './manifests';
export { v1Issuer } from './issuer';
export { stableGuid } from './stable-guid';
