/**
 * Publish test harness: the token authority, Graph and Dataverse doubles, the connector's Entra app as deploy leaves
 * it, and a temp project whose connector/ folder holds that app's client id (what `deploy` exports) and whose env
 * file points at the doubles through the same keys a sovereign-cloud user sets.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { startGraphDouble, type GraphDouble } from './graph-double/graph-double';
import { startTokenDouble, type TokenDouble } from './token-double/token-double';
import { startDataverseDouble, type DataverseDouble } from './dataverse-double/dataverse-double';
import { scrubbing, loadEnvironment } from '../deploy';
import { recorded } from './recorded';
import { publish, renderPublish, type PublishOptions, type PublishResult } from '../publish';

import { CLIENT_ID, FAST_RETRY, TENANT } from './ids';

export { CLIENT_ID, TENANT };
export const CLIENT_SECRET = 'publish-test-client-secret-Q8~value';
/** The connector app's OAuth client secret (what --client-secret-file holds). */
export const CONNECTOR_SECRET = 'connector-oauth-secret-Zq7~XyZ0123';
export const API_APP_ID = '0a1b2c3d-0000-4000-8000-0000000000a1';
export const SOLUTION = 'ContosoHR';

export interface PublishDoubles {
  token: TokenDouble;
  graph: GraphDouble;
  dv: DataverseDouble;
  /** appId of the connector's Entra app. */
  connectorAppId: string;
  root: string;
  close(): Promise<void>;
  secrets(): string[];
  violations(): unknown[];
  writes(): { dataverse: number; graph: number };
}

export async function startPublishDoubles(opts: { applicationUsers?: string[]; solutions?: Array<{ uniquename: string; ismanaged?: boolean }> } = {}): Promise<PublishDoubles> {
  const [token, graph] = await Promise.all([startTokenDouble({ tenantId: TENANT, clients: { [CLIENT_ID]: CLIENT_SECRET } }), startGraphDouble({ audience: 'https://graph.microsoft.com' })]);
  const dv = await startDataverseDouble({ applicationUsers: opts.applicationUsers ?? [CLIENT_ID], solutions: opts.solutions ?? [{ uniquename: SOLUTION }] });
  graph.seed({
    applications: [
      {
        displayName: 'Employee Directory connector',
        uniqueName: 'ck-test-employees-connector',
        web: {
          redirectUris: ['https://global.consent.azure-apim.net/redirect'],
          homePageUrl: null,
          logoutUrl: null,
          implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
        },
      },
    ],
  });
  const connectorAppId = graph.state.applications[0]!.appId;
  const root = makeProject({ token, graph, dv, connectorAppId });
  return {
    token,
    graph,
    dv,
    connectorAppId,
    root,
    close: async () => void (await Promise.all([token.close(), graph.close(), dv.close()])),
    secrets: () => [CLIENT_SECRET, CONNECTOR_SECRET, ...token.state.issued.map((t) => t.token)],
    violations: () => [...token.violations, ...graph.violations, ...dv.violations],
    writes: () => ({ dataverse: dv.writes(), graph: graph.writes() }),
  };
}

/** A temp project: the repo's infra/ (env schema), env `test` for the doubles, and connector/ with real ids. */
function makeProject(d: { token: TokenDouble; graph: GraphDouble; dv: DataverseDouble; connectorAppId: string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-publish-'));
  const repo = path.resolve(__dirname, '../..');
  cpSync(path.join(repo, 'infra'), path.join(dir, 'infra'), { recursive: true });
  cpSync(path.join(repo, 'connector'), path.join(dir, 'connector'), { recursive: true });
  cpSync(path.join(repo, 'scripts/deploy/testdata/project/package.json'), path.join(dir, 'package.json'));
  const props = path.join(dir, 'connector/apiProperties.json');
  writeFileSync(props, readFileSync(props, 'utf8').split('[[connector-client-id]]').join(d.connectorAppId).split('[[api-app-id]]').join(API_APP_ID));
  writeFileSync(path.join(dir, 'infra/environments/test.json'), JSON.stringify(envJson(d), null, 2));
  return dir;
}

export function envJson(d: { token: TokenDouble; graph: GraphDouble; dv: DataverseDouble }, powerPlatform: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: './schema.json',
    cloud: {
      name: 'LoopbackDoubles',
      resourceManager: 'https://127.0.0.1:9',
      authorityHost: d.token.authorityHost,
      graph: d.graph.url,
      graphAudience: 'https://graph.microsoft.com',
      scmSuffix: 'scm.azurewebsites.net',
      disableInstanceDiscovery: true,
    },
    subscriptionId: '9c1d2e3f-4a5b-4c6d-8e7f-000000000001',
    resourceGroup: 'rg-ck-test',
    tenantId: TENANT,
    functionApp: 'func-contoso-hr',
    apimService: 'apim-contoso-hr',
    api: { id: 'employees', path: 'employees', displayName: 'Employee Directory' },
    entra: {
      apiApp: { displayName: 'Employee Directory API', uniqueName: 'ck-test-employees-api' },
      connectorApp: { displayName: 'Employee Directory connector', uniqueName: 'ck-test-employees-connector' },
    },
    powerPlatform: { environmentUrl: d.dv.url, solution: SOLUTION, ...powerPlatform },
  };
}

/** Library options: ClientSecretCredential against the token double, tiny retry delays. */
export function publishOptions(root: string, planOnly: boolean, more: Partial<PublishOptions> = {}): PublishOptions {
  const env = loadEnvironment(root, 'test');
  const credential = scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: true }));
  return {
    env,
    credential,
    planOnly,
    connectorDir: path.join(root, 'connector'),
    clientSecret: async () => CONNECTOR_SECRET,
    retry: FAST_RETRY,
    ...more,
  };
}

/** Runs a library publish, appending everything it reported to `sink` (the no-secret check reads it). */
export function recordedPublish(opts: PublishOptions, sink: string[]): Promise<PublishResult> {
  return recorded((io) => publish(opts, io), renderPublish, sink);
}
