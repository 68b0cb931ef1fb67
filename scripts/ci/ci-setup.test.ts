/**
 * `connectorkit ci setup` against the doubles (Graph for the app, service principal and federated credential; ARM
 * for the role assignments), and the real CLI signing in with `--auth github-oidc` as the identity it created.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { GITHUB_ISSUER, loadEnvironment, scrubbing } from '../deploy';
import { ClientSecretCredential } from '@azure/identity';
import { startDoubles, makeProject, cliEnv, TENANT, CLIENT_ID, CLIENT_SECRET, SUB, type Doubles } from '../testing/deploy-harness';
import { startGithubOidcDouble, type GithubOidcDouble } from '../testing/github-oidc-double/github-oidc-double';
import { ciSetup, federatedName } from './ci-setup';
import { BUILTIN_ROLES } from '../testing/arm-double';
import type { CiSetupOptions } from './types';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');
const REPO = 'contoso/hr-api';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('connectorkit ci setup', () => {
  let d: Doubles;
  let gh: GithubOidcDouble;
  let root: string;
  const captured: string[] = [];
  const cli = (args: string[], env: NodeJS.ProcessEnv = cliEnv()) =>
    new Promise<Run>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { cwd: root, env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
        captured.push(stdout, stderr);
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  const options = (planOnly: boolean): CiSetupOptions => {
    const env = loadEnvironment(root, 'test');
    return {
      env,
      root,
      repo: REPO,
      githubEnvironment: 'test',
      scope: 'subscription',
      planOnly,
      credential: scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: true })),
      retry: { attempts: 8, baseDelayMs: 1, maxDelayMs: 5 },
    };
  };

  beforeAll(async () => {
    d = await startDoubles();
    gh = await startGithubOidcDouble({ repository: REPO, environment: 'test' });
    d.issuerJwks[GITHUB_ISSUER] = gh.jwksUrl;
    root = makeProject(d);
  });
  afterAll(async () => {
    await Promise.all([d.close(), gh.close()]);
  });
  afterEach(() => {
    expect([...d.violations(), ...gh.violations]).toEqual([]);
    const all = captured.join('\n');
    for (const s of [...d.secrets(), gh.requestToken, ...gh.issued.map((i) => i.token)]) expect(all).not.toContain(s);
  });

  it('plans the identity from nothing and writes nothing', async () => {
    const io = new RecordingIoHost();
    const r = await ciSetup(options(true), io);
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
    expect(r.changes.map((c) => `${c.action} ${c.resource}`)).toEqual([
      'create Entra app ck-test-employees-deploy (deploy identity)',
      'create Entra service principal of ck-test-employees-deploy',
      `create Federated credential github-contoso-hr-api-test on ck-test-employees-deploy (repo:${REPO}:environment:test)`,
      `create Role Contributor for ck-test-employees-deploy on /subscriptions/${SUB}`,
      `create Role Role Based Access Control Administrator for ck-test-employees-deploy on /subscriptions/${SUB}`,
      'no-op Entra app ck-test-employees-api: deploy identity as owner',
      'no-op Entra app ck-test-employees-connector: deploy identity as owner',
      'create Graph application permission Application.ReadWrite.OwnedBy for ck-test-employees-deploy (admin consent)',
    ]);
    expect(r.changes.find((c) => c.resource.includes('-api: deploy identity'))?.note).toContain('first deploy from CI creates it');
    expect(r.variables).toEqual({ AZURE_CLIENT_ID: '(known after apply)', AZURE_TENANT_ID: TENANT, AZURE_SUBSCRIPTION_ID: SUB });
  });

  it('the CLI plans with --json, and refuses to apply without --yes', async () => {
    const plan = await cli(['ci', 'setup', '--env', 'test', '--repo', REPO, '--auth', 'env', '--plan', '--json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ ok: true, result: { subject: `repo:${REPO}:environment:test`, summary: { create: 6 } } });
    const text = await cli(['ci', 'setup', '--env', 'test', '--repo', REPO, '--auth', 'env', '--plan']);
    expect(text.stdout).toContain('store these as GitHub Actions variables');
    expect(text.stdout).toContain(`gh variable set AZURE_TENANT_ID --repo ${REPO} --env "test" --body ${TENANT}`);
    const refused = await cli(['ci', 'setup', '--env', 'test', '--repo', REPO, '--auth', 'env', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'CK_CI_CONFIRM_REQUIRED' } });
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
  }, 120_000);

  it('a deploy signs in with --auth github-oidc as the federated app, with no secret in the job', async () => {
    // What ci setup's Graph part leaves behind (its ARM part is covered with the role-assignment double).
    const graph = (method: string, p: string, body: unknown) =>
      fetch(`${d.graph.url}/v1.0/${p}`, { method, headers: { authorization: `Bearer ${fakeGraphToken()}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    const app = (await graph('POST', 'applications', { displayName: 'oidc deploy', uniqueName: 'oidc-deploy' })) as { id: string; appId: string };
    await graph('POST', `applications/${app.id}/federatedIdentityCredentials`, {
      name: federatedName(REPO, 'test'),
      issuer: GITHUB_ISSUER,
      subject: `repo:${REPO}:environment:test`,
      audiences: ['api://AzureADTokenExchange'],
    });
    const { AZURE_CLIENT_SECRET: _s, ...base } = cliEnv();
    const job = { ...base, AZURE_CLIENT_ID: app.appId, ACTIONS_ID_TOKEN_REQUEST_URL: gh.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: gh.requestToken };
    const r = await cli(['deploy', '--env', 'test', '--auth', 'github-oidc', '--plan'], job);
    expect(r.stderr).toContain('ClientAssertionCredential(GitHub OIDC');
    expect(r.stdout).toContain('Plan for environment "test" (nothing was written):');
    expect(r.code).toBe(0);
    expect(d.token.state.issued.filter((t) => t.federated).map((t) => `${t.clientId} ${t.audience}`)).toEqual(
      expect.arrayContaining([`${app.appId} https://management.azure.com`, `${app.appId} https://graph.microsoft.com`]),
    );
    // Without id-token: write the job gets a coded error before any request.
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _u, ...noPerm } = job;
    const e = await cli(['deploy', '--env', 'test', '--auth', 'github-oidc', '--plan', '--json'], noPerm);
    expect(e.code).toBe(1);
    expect(JSON.parse(e.stdout)).toMatchObject({ ok: false, error: { code: 'CK_CI_OIDC_UNAVAILABLE', hint: expect.stringContaining('id-token: write') } });
  }, 180_000);

  it('applies the plan (app, service principal, federated credential, role assignments), and a re-run writes nothing', async () => {
    const io = new RecordingIoHost();
    const applied = await ciSetup(options(false), io);
    expect(applied.summary).toMatchObject({ create: 6 });
    const sp = d.graph.state.servicePrincipals.find((s) => s.appId === applied.variables.AZURE_CLIENT_ID);
    expect(sp).toBeDefined();
    // Admin consent for Application.ReadWrite.OwnedBy: an app role assignment on Microsoft Graph's service principal.
    expect(d.graph.state.appRoleAssignments.map((a) => [a.principalId, a.resourceId, a.appRoleId])).toEqual([[sp!.id, d.graph.state.microsoftGraph.id, '18a4783c-866b-4cc7-a460-3d5e5662c884']]);
    const mine = d.arm.state.resources('Microsoft.Authorization/roleAssignments').filter((a) => a.properties.principalId === sp!.id);
    const roleName = (a: (typeof mine)[number]) => BUILTIN_ROLES[String(a.properties.roleDefinitionId).split('/').pop()!]?.roleName;
    expect(mine.map((a) => `${String(a.properties.scope)} ${roleName(a)}`).sort()).toEqual([`/subscriptions/${SUB} Contributor`, `/subscriptions/${SUB} Role Based Access Control Administrator`]);
    const before = d.writes();
    const again = await ciSetup(options(false), new RecordingIoHost());
    expect(again.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    expect(again.summary).toMatchObject({ create: 0, update: 0 });
    expect(d.writes()).toEqual(before);
  });

  it('API and connector apps that already exist get the deploy identity as an owner, once', async () => {
    const env = loadEnvironment(root, 'test');
    d.graph.seed({ applications: [env.entra.apiApp, env.entra.connectorApp].map((a) => ({ displayName: a.displayName, uniqueName: a.uniqueName })) });
    const plan = await ciSetup(options(true), new RecordingIoHost());
    expect(plan.changes.filter((c) => c.action !== 'no-op').map((c) => `${c.action} ${c.resource}`)).toEqual([
      `update Entra app ${env.entra.apiApp.uniqueName}: deploy identity as owner`,
      `update Entra app ${env.entra.connectorApp.uniqueName}: deploy identity as owner`,
    ]);
    await ciSetup(options(false), new RecordingIoHost());
    const sp = d.graph.state.servicePrincipals.find((s) => s.appId === plan.variables.AZURE_CLIENT_ID)!;
    for (const a of [env.entra.apiApp, env.entra.connectorApp]) expect(d.graph.state.owners[d.graph.state.applications.find((x) => x.uniqueName === a.uniqueName)!.id]).toEqual([sp.id]);
    const before = d.writes();
    expect((await ciSetup(options(false), new RecordingIoHost())).summary).toMatchObject({ create: 0, update: 0 });
    expect(d.writes()).toEqual(before);
  });

  it('an administrator who may not grant the Graph permission gets a coded error after everything else; --no-graph-permission plans it as left to one', async () => {
    const sp = d.graph.state.servicePrincipals.find((s) => s.displayName.endsWith(' deploy'))!;
    d.graph.state.appRoleAssignments = []; // consent revoked in the portal
    d.graph.state.canGrantAppRoles = false;
    try {
      const before = d.writes();
      const err = await ciSetup(options(false), new RecordingIoHost()).catch((e: unknown) => e as { code?: string; message: string; hint?: string });
      expect(err).toMatchObject({ code: 'CK_CI_GRAPH_PERMISSION_FORBIDDEN', hint: expect.stringContaining('Privileged Role Administrator') });
      expect(d.writes()).toEqual(before); // the refused grant was the only change
      const cli1 = await cli(['ci', 'setup', '--env', 'test', '--repo', REPO, '--auth', 'env', '--yes', '--json']);
      expect(cli1.code).toBe(1);
      expect(JSON.parse(cli1.stdout)).toMatchObject({ ok: false, error: { code: 'CK_CI_GRAPH_PERMISSION_FORBIDDEN' } });
      const skipped = await cli(['ci', 'setup', '--env', 'test', '--repo', REPO, '--auth', 'env', '--yes', '--no-graph-permission', '--json']);
      expect(skipped.code).toBe(0);
      const grant = (JSON.parse(skipped.stdout) as { result: CiSetupResultJson }).result.changes.find((c) => c.resource.startsWith('Graph application permission'));
      expect(grant).toMatchObject({ action: 'no-op', note: expect.stringContaining('left to an administrator') });
      expect(d.writes()).toEqual(before);
      // Owners: someone who neither owns the app nor administers applications.
      const api = d.graph.state.applications.find((x) => x.uniqueName === loadEnvironment(root, 'test').entra.apiApp.uniqueName)!;
      d.graph.state.owners[api.id] = [];
      d.graph.state.canChangeOwners = false;
      const owner = await ciSetup({ ...options(false), graphPermission: false }, new RecordingIoHost()).catch((e: unknown) => e as { code?: string });
      expect(owner).toMatchObject({ code: 'CK_CI_APP_OWNER_FORBIDDEN' });
      expect(d.graph.state.owners[api.id]).toEqual([]);
      expect(sp).toBeDefined();
    } finally {
      d.graph.state.canGrantAppRoles = true;
      d.graph.state.canChangeOwners = true;
    }
  }, 180_000);
});

interface CiSetupResultJson {
  changes: Array<{ action: string; resource: string; note?: string }>;
}

function fakeGraphToken(): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'none' })}.${enc({ aud: 'https://graph.microsoft.com' })}.x`;
}
