/** Publish stage: the connector into a Power Platform environment (Dataverse), and its rendering for the CLI. */
export { publish, toPublishError, checkEnvironment, preflight as publishPreflight, publishClients } from './publish';
export { connectorStep, redirectStep } from './steps';
export { desiredConnector } from './desired';
export type { PublishContext } from './context';
export { renderPublish } from './render';
export { clientSecretSource, SECRET_ENV_VAR, type SecretSourceInput } from './client-secret';
export type * from './types';
