/**
 * App settings in deploy (issue 12, item 2): infra/functionapp/app-settings.json is applied after the Entra step;
 * only owned keys are compared and written, other settings are kept and never printed, and the settings read back
 * from the double make the sample's token check accept a token for the new API app.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClientSecretCredential } from '@azure/identity';
import { readAuthSettings } from '../runtime/entra/settings';
import { TokenVerifier } from '../runtime/entra/verifier';
import { useDoubles, deployOptions, recordedDeploy, RG, APP, TENANT, CLIENT_ID, CLIENT_SECRET } from '../testing/deploy-harness';

const FOREIGN_SECRET = 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=Zm9yZWlnbi1zZWNyZXQtdmFsdWU=';

describe('app settings', () => {
  const h = useDoubles({ check: true });
  const settings = () => h.d.arm.state.hidden(h.d.arm.ids.site(RG, APP))!.appSettings as Record<string, string>;

  beforeAll(() => {
    h.d.arm.state.hidden(h.d.arm.ids.site(RG, APP))!.appSettings = { FUNCTIONS_EXTENSION_VERSION: '~4', LEGACY_STORAGE: FOREIGN_SECRET };
  });
  afterAll(() => {
    // The foreign setting's value never reached any output.
    expect(h.sink.join('\n')).not.toContain(FOREIGN_SECRET);
  });

  it('a first deploy plans the owned keys, writes them after Entra and keeps every other setting', async () => {
    const plan = await recordedDeploy(deployOptions(h.root, true), h.sink);
    const c = plan.changes.find((x) => x.stage === 'app')!;
    expect(c).toMatchObject({ action: 'create', resource: `Function App ${APP} app settings` });
    expect(c.diff!.map((d) => d.path).sort()).toEqual(['AUTH_AUDIENCES', 'AUTH_ISSUERS', 'AUTH_OPENID_CONFIG_URLS', 'AUTH_REQUIRED_SCOPE', 'AUTH_TENANT_ID']);
    expect(JSON.stringify(c)).toContain('(known after apply)');
    expect(JSON.stringify(c)).not.toContain('LEGACY_STORAGE');
    await recordedDeploy(deployOptions(h.root, false), h.sink);
    const api = h.d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-api')!;
    expect(settings()).toEqual({
      FUNCTIONS_EXTENSION_VERSION: '~4',
      LEGACY_STORAGE: FOREIGN_SECRET,
      AUTH_TENANT_ID: TENANT,
      AUTH_AUDIENCES: `api://${api.appId},${api.appId}`,
      AUTH_ISSUERS: `https://sts.windows.net/${TENANT}/,${h.d.token.authorityHost}/${TENANT}/v2.0`,
      AUTH_OPENID_CONFIG_URLS: `${h.d.token.authorityHost}/${TENANT}/v2.0/.well-known/openid-configuration,${h.d.token.authorityHost}/${TENANT}/.well-known/openid-configuration`,
      AUTH_REQUIRED_SCOPE: 'user_impersonation',
    });
  });

  it("the settings read back make the sample's token check accept a token for the new API app", async () => {
    const { settings: s, missing } = readAuthSettings(settings());
    expect(missing).toEqual([]);
    const api = h.d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-api')!;
    const cred = new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: h.d.token.authorityHost, disableInstanceDiscovery: true });
    const token = (await cred.getToken(`api://${api.appId}/.default`))!.token;
    const payload = await new TokenVerifier(s!).verify(token);
    expect(payload).toMatchObject({ aud: `api://${api.appId}`, tid: TENANT });
    // …and a token for another audience is refused by the same settings.
    const other = (await cred.getToken('https://management.azure.com/.default'))!.token;
    await expect(new TokenVerifier(s!).verify(other)).rejects.toMatchObject({ reason: 'audience' });
  });

  it('a re-run writes nothing; a setting edited in the portal is one update, repaired, others untouched', async () => {
    let before = h.d.writes();
    const same = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(h.d.writes()).toEqual(before);
    expect(same.changes.find((x) => x.stage === 'app')?.action).toBe('no-op');
    const good = settings().AUTH_AUDIENCES;
    settings().AUTH_AUDIENCES = 'api://someone-else';
    settings().ADDED_IN_PORTAL = 'kept';
    before = h.d.writes();
    const r = await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(r.changes.filter((x) => x.action !== 'no-op')).toEqual([
      expect.objectContaining({ stage: 'app', action: 'update', diff: [{ path: 'AUTH_AUDIENCES', from: 'api://someone-else', to: good }] }),
    ]);
    expect(h.d.writes()).toEqual({ ...before, arm: before.arm + 1 });
    expect(settings()).toMatchObject({ AUTH_AUDIENCES: good, ADDED_IN_PORTAL: 'kept', LEGACY_STORAGE: FOREIGN_SECRET });
  });

  it('adding a key is one line in the manifest; a literal secret there is refused before any write', async () => {
    const file = path.join(h.root, 'infra/functionapp/app-settings.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.settings.TRIGGERS_TABLE = 'triggers${environment}';
    writeFileSync(file, JSON.stringify(doc));
    await recordedDeploy(deployOptions(h.root, false), h.sink);
    expect(settings().TRIGGERS_TABLE).toBe('triggerstest');
    doc.settings.API_CLIENT_SECRET = 'hunter2-literal';
    writeFileSync(file, JSON.stringify(doc));
    const before = h.d.writes();
    await expect(recordedDeploy(deployOptions(h.root, true), h.sink)).rejects.toMatchObject({
      code: 'CK_DEPLOY_INFRA_INVALID',
      target: 'infra/functionapp/app-settings.json#settings.API_CLIENT_SECRET',
    });
    expect(h.d.writes()).toEqual(before);
    delete doc.settings.API_CLIENT_SECRET;
    writeFileSync(file, JSON.stringify(doc));
  });
});
