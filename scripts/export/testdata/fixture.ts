/** The export fixture: a hand-written dist-like swagger.json (5 operations) and a project config. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULTS } from '../../config/defaults';
import type { ProjectConfig } from '../../config/types';
import type { DeployOutputs } from '../types';

export const TESTDATA = __dirname;

export function fixtureSpec(): Record<string, any> {
  return JSON.parse(readFileSync(path.join(__dirname, 'spec.json'), 'utf8'));
}

/** The fixture config merged over the defaults; `patch` edits the connector/api sections. */
export function fixtureConfig(patch: { api?: Record<string, unknown>; connector?: Record<string, unknown> } = {}): ProjectConfig {
  const cfg = JSON.parse(readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
  return {
    ...structuredClone(DEFAULTS),
    api: { ...DEFAULTS.api, ...cfg.api, ...patch.api },
    connector: { ...cfg.connector, ...patch.connector },
  } as ProjectConfig;
}

export const FIXTURE_DEPLOY: DeployOutputs = {
  host: 'contoso-hr-apim.azure-api.net',
  basePath: '/employees',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  apiAppId: '11111111-2222-3333-4444-555555555555',
  apiAppIdUri: 'api://11111111-2222-3333-4444-555555555555',
  connectorClientId: '66666666-7777-8888-9999-000000000000',
  scope: 'api://11111111-2222-3333-4444-555555555555/user_impersonation',
};
