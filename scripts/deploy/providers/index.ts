/**
 * Every deploy provider, in the order their steps are built (and their manifests checked). `graph()` in
 * ../deploy.ts runs the steps of all of them; a new provider is added here (see ../README.md "Adding a step").
 */
import { apimSteps } from './apim';
import { appSettingsSteps } from './app-settings';
import { codeSteps } from './code';
import { entraSteps } from './entra';
import type { DeployProvider } from './kit';

export const PROVIDERS: readonly DeployProvider[] = [codeSteps, entraSteps, apimSteps, appSettingsSteps];

export type { DeployProvider, DeployStep } from './kit';
export { graphScope, siteScope, svcScope } from './kit';
