/**
 * The sign-in loop end to end: `deploy` creates the Entra apps and exports the connector folder, `publish` creates
 * the connector and adds its redirect URI to the connector app, and a later `deploy` keeps that URI (it would
 * otherwise reset the app to its manifest and break sign-in with AADSTS50011).
 */
import * as path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { startDoubles, makeProject, deployOptions, recordedDeploy, CLIENT_ID, CLIENT_SECRET, TENANT, type Doubles } from '../testing/deploy-harness';
import { startDataverseDouble, type DataverseDouble } from '../testing/dataverse-double/dataverse-double';
import { scrubbing, loadEnvironment } from '../deploy';
import { RecordingIoHost } from '../core/io';
import { publish } from './publish';

describe('deploy → publish → deploy', () => {
  let d: Doubles;
  let dv: DataverseDouble;
  let root: string;
  beforeAll(async () => {
    d = await startDoubles();
    dv = await startDataverseDouble({ applicationUsers: [CLIENT_ID], solutions: [{ uniquename: 'ContosoHR' }] });
    root = makeProject(d, { powerPlatform: { environmentUrl: dv.url, solution: 'ContosoHR' } });
  });
  afterAll(async () => {
    await d?.close();
    await dv?.close();
  });

  it('publish closes the sign-in loop and the next deploy keeps the redirect URI', async () => {
    const sink: string[] = [];
    await recordedDeploy(deployOptions(root, false), sink);
    const env = loadEnvironment(root, 'test');
    const credential = scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: true }));
    const r = await publish({ env, credential, planOnly: false, connectorDir: path.join(root, 'connector'), retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 } }, new RecordingIoHost());
    const id = String(dv.state.connectors[0]!.connectorinternalid);
    const app = () => d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-connector')!;
    expect(r.connector.redirectUri).toBe(`https://global.consent.azure-apim.net/redirect/${id}`);
    expect(app().web.redirectUris).toContain(r.connector.redirectUri);
    const again = await recordedDeploy(deployOptions(root, false), sink);
    expect(again.changes.find((c) => c.resource.includes('(connector client)'))?.action).toBe('no-op');
    expect(app().web.redirectUris).toContain(r.connector.redirectUri);
    expect([...d.violations(), ...dv.violations]).toEqual([]);
  }, 120_000);
});
