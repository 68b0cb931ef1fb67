/** Publish stage: the connector into a Power Platform environment (Dataverse), and its rendering for the CLI. */
export { publish, toPublishError } from './publish';
export { renderPublish } from './render';
export { clientSecretSource, SECRET_ENV_VAR, type SecretSourceInput } from './client-secret';
export type * from './types';
