/**
 * `connectorkit up` (provision + deploy, one plan) against the doubles, from an empty subscription: one read-only
 * preflight writes nothing; the apply creates every resource, role assignment and app setting as planned and
 * deploys onto them; the AUTH_* settings read back from the ARM double make the sample's token check accept a token
 * for the new API app; a second `up` makes zero writes on ARM, Graph and SCM.
 */
import { ClientSecretCredential } from '@azure/identity';
import { RecordingIoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { readAuthSettings } from '../runtime/entra/settings';
import { TokenVerifier } from '../runtime/entra/verifier';
import { secretFiles, TENANT, CLIENT_ID, CLIENT_SECRET, type Doubles } from '../testing/deploy-harness';
import { renderProvision } from './render';
import { up } from './up';
import { startEmptyDoubles, makeEmptyProject, upOptions, NAMES, IDS } from '../testing/provision-harness';

const lines = (r: { changes: Array<{ action: string; resource: string }> }) => r.changes.map((c) => `${c.action} ${c.resource}`);

describe('up from an empty subscription', () => {
  let d: Doubles;
  let root: string;
  const sink: string[] = [];
  const run = async (planOnly: boolean) => {
    const io = new RecordingIoHost();
    const r = await up(upOptions(root, planOnly), io);
    sink.push(renderProvision(r, 'Up'), JSON.stringify(r), JSON.stringify(io.messages));
    return r;
  };
  beforeAll(async () => {
    d = await startEmptyDoubles();
    root = makeEmptyProject(d);
  });
  afterAll(async () => {
    for (const s of d.secrets()) expect(sink.join('\n')).not.toContain(s);
    await d.close();
  });
  afterEach(() => {
    expect(d.violations()).toEqual([]);
    expect(secretFiles(d, root)).toEqual([]);
  });

  it('one plan for provision and deploy, zero writes; the apply does what it planned; a second up writes nothing', async () => {
    const plan = await run(true);
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
    expect(plan.changes.filter((c) => c.action === 'no-op')).toEqual([]);
    expect(plan.changes.filter((c) => c.stage === 'provision')).toHaveLength(12);
    if (process.env.CK_PRINT_PLANS) process.stdout.write(`\n----- first up plan -----\n${renderProvision(plan, 'Up')}\n`);
    expect(plan.changes.find((c) => c.stage === 'code')?.note ?? '').toMatch(/planned in full once provision has created Function App/);

    const first = await run(false).catch((e) => {
      throw new Error(JSON.stringify(e.details ?? e.message));
    });
    // Provision applied exactly its plan; each deploy step planned "after provision" was then read and applied for real.
    const prov = (r: typeof plan) => lines({ changes: r.changes.filter((c) => c.stage === 'provision') });
    expect(prov(first)).toEqual(prov(plan));
    expect(first.changes.filter((c) => c.stage !== 'provision').map((c) => `${c.stage} ${c.action}`)).toEqual(plan.changes.filter((c) => c.stage !== 'provision').map((c) => `${c.stage} ${c.action}`));
    if (process.env.CK_PRINT_PLANS) process.stdout.write(`\n----- first up result -----\n${renderProvision(first, 'Up')}\n`);
    const settings = d.arm.state.hidden(IDS.site)!.appSettings as Record<string, string>;
    expect(Object.keys(settings).sort()).toEqual(
      [
        'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'AUTH_AUDIENCES',
        'AUTH_ISSUERS',
        'AUTH_OPENID_CONFIG_URLS',
        'AUTH_REQUIRED_SCOPE',
        'AUTH_TENANT_ID',
        'AzureWebJobsStorage__accountName',
        'AzureWebJobsStorage__clientId',
        'AzureWebJobsStorage__credential',
      ].sort(),
    );
    expect(d.arm.state.resources('Microsoft.Authorization/roleAssignments')).toHaveLength(5);
    expect(d.scm.writes()).toBeGreaterThan(0);
    expect(d.arm.state.resources('Microsoft.ApiManagement/service/apis').map((a) => a.name)).toEqual(['employees']);

    // The sample's token check, configured from the settings read back from the double, accepts a token for the new API app.
    const { settings: auth, missing } = readAuthSettings(settings);
    expect(missing).toEqual([]);
    const api = d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-api')!;
    const cred = new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: d.token.authorityHost, disableInstanceDiscovery: true });
    const token = (await cred.getToken(`api://${api.appId}/.default`))!.token;
    expect(await new TokenVerifier(auth!).verify(token)).toMatchObject({ aud: `api://${api.appId}`, tid: TENANT });

    const before = d.writes();
    const again = await run(false);
    expect(again.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    expect(d.writes()).toEqual(before);
    if (process.env.CK_PRINT_PLANS) process.stdout.write(`\n----- no-op up -----\n${renderProvision(again, 'Up')}\n`);
    expect(again.names.functionApp).toBe(NAMES.functionApp);
  }, 180_000);
});

describe('up: a provision write re-planned after its answer was lost', () => {
  let d: Doubles;
  let root: string;
  beforeEach(async () => {
    d = await startEmptyDoubles();
    root = makeEmptyProject(d);
  });
  afterEach(() => d.close());
  // The Function App's create is applied, but every answer is lost until the write's retries are spent: the step is
  // re-planned, finds the app and goes on.
  const loseSiteAnswers = () => d.arm.inject({ kind: 'dropAfterWrite', method: 'PUT', path: /Microsoft\.Web\/sites\/[^/]+$/i, times: 8 });

  it('the app is no longer "being created": the deploy steps that read it plan for real in the apply', async () => {
    loseSiteAnswers();
    const r = await up(upOptions(root, false), new RecordingIoHost());
    const deferred = r.changes.filter((c) => c.stage !== 'provision' && /planned in full once provision/.test(c.note ?? ''));
    expect(deferred).toEqual([]);
    expect(d.arm.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(1);
    expect(d.violations()).toEqual([]);
  }, 120_000);

  it('a deploy write that then fails fails the run (the step is awaited, not left running) and what depends on it is not written', async () => {
    loseSiteAnswers();
    // The named value, planned "in full once provision has created" the app and the service, is refused for good.
    d.arm.inject({ kind: 'authorizationFailed', method: 'PUT', path: '/namedValues/' });
    const err = await up(upOptions(root, false), new RecordingIoHost()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCkError(err) && err.code).toBe('CK_DEPLOY_AUTHORIZATION_FAILED');
    expect(d.arm.state.resources('Microsoft.ApiManagement/service/namedValues')).toHaveLength(0);
    // The backend reads the named value: it never ran.
    expect(d.arm.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(0);
    // A re-run converges.
    await up(upOptions(root, false), new RecordingIoHost());
    expect(d.arm.state.resources('Microsoft.ApiManagement/service/backends')).toHaveLength(1);
  }, 120_000);
});
