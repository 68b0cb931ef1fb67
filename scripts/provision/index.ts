/**
 * Provision stage: the Azure resources of an environment (resource group, storage, monitoring, identity, Flex
 * Consumption Function App, role assignments, API Management) from infra/resources/, on the deploy's engine.
 */
export { provision, provisionGraph, provisionErrorMapper } from './provision';
export { createProvisionContext, provisionEnvironment } from './context';
export { renderProvision } from './render';
export { loadResourceManifests, RESOURCE_MANIFESTS } from './manifests';
export { assignmentName, deployerIdentity } from './steps-roles';
export { pendingFile, readPending, type PendingOperations } from './steps-apim';
export { down, downGraph, renderDown } from './down';
export type * from './types';
export type * from './down-types';
export { up, type UpOptions, type UpResult } from './up';
