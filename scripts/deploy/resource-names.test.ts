/**
 * The names resolver: deterministic defaults from subscription, environment and location that satisfy every
 * resource type's naming rules; env-file names win; deploy (loadEnvironment) resolves the same names provision uses.
 */
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { catchCkError } from '../testing/catch-ck-error';
import { loadEnvironment } from './environment';
import { checkName, defaultNames, nameSuffix, resolveNames, RESOURCE_KINDS } from './resource-names';
import { loadResourceManifests } from '../provision/manifests';

const SUB = '9c1d2e3f-4a5b-4c6d-8e7f-000000000001';
const REPO = path.resolve(__dirname, '../..');

function project(env: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-names-'));
  mkdirSync(path.join(dir, 'infra/environments'), { recursive: true });
  cpSync(path.join(REPO, 'infra/environments/schema.json'), path.join(dir, 'infra/environments/schema.json'));
  const base = {
    cloud: 'AzureCloud',
    subscriptionId: SUB,
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    api: { id: 'employees', path: 'employees', displayName: 'Employees' },
    entra: { apiApp: { displayName: 'a', uniqueName: 'a' }, connectorApp: { displayName: 'c', uniqueName: 'c' } },
  };
  writeFileSync(path.join(dir, 'infra/environments/dev.json'), JSON.stringify({ ...base, ...env }));
  return dir;
}

describe('names resolver', () => {
  it('derives the same names from the same inputs, and other names from another subscription, env, region or API', () => {
    const a = defaultNames(SUB, 'dev', 'westeurope', 'employees');
    expect(defaultNames(SUB.toUpperCase(), 'DEV', 'West Europe', 'Employees')).toEqual(a);
    expect(nameSuffix(SUB, 'dev', 'westeurope', 'employees')).toMatch(/^[a-z0-9]{8}$/);
    const others = [
      defaultNames(SUB.replace(/1$/, '2'), 'dev', 'westeurope', 'employees'),
      defaultNames(SUB, 'prod', 'westeurope', 'employees'),
      defaultNames(SUB, 'dev', 'northeurope', 'employees'),
      defaultNames(SUB, 'dev', 'westeurope', 'expenses'),
    ];
    for (const o of others) for (const k of RESOURCE_KINDS) expect(o[k]).not.toBe(a[k]);
    expect(a).toMatchObject({
      resourceGroup: expect.stringMatching(/^rg-dev-[a-z0-9]{8}$/),
      storageAccount: expect.stringMatching(/^stdev[a-z0-9]{8}$/),
      functionApp: expect.stringMatching(/^func-dev-/),
    });
  });

  it("every default satisfies its type's naming rules, whatever the environment name", () => {
    const envs = ['dev', 'a', 'Prod_EU.2', 'x'.repeat(80), '---', '...', 'feature-very-long-branch-name-2026', '9lives', 'UPPER-lower-09'];
    for (const e of envs)
      for (const loc of ['westeurope', 'East US 2']) {
        const n = defaultNames(SUB, e, loc, 'employees');
        for (const k of RESOURCE_KINDS) expect({ k, name: n[k], ok: checkName(k, n[k]) }).toEqual({ k, name: n[k], ok: true });
      }
  });

  it('env-file names win and are reported as named (adopted when they exist)', () => {
    const r = resolveNames(SUB, 'dev', 'westeurope', { api: { id: 'employees' }, functionApp: 'func-mine', resources: { storageAccount: 'stmine' } })!;
    expect(r.names.functionApp).toBe('func-mine');
    expect(r.names.storageAccount).toBe('stmine');
    expect(r.names.apimService).toBe(defaultNames(SUB, 'dev', 'westeurope', 'employees').apimService);
    expect(r.named.sort()).toEqual(['functionApp', 'storageAccount']);
  });

  it('deploy resolves the same defaults from the env file (no names, a location)', () => {
    const env = loadEnvironment(project({ location: 'West Europe' }), 'dev');
    const d = defaultNames(SUB, 'dev', 'westeurope', 'employees');
    expect({ rg: env.resourceGroup, app: env.functionApp, svc: env.apimService, location: env.location }).toEqual({
      rg: d.resourceGroup,
      app: d.functionApp,
      svc: d.apimService,
      location: 'westeurope',
    });
    expect(env.named).toEqual([]);
    expect(env.apim).toEqual({ sku: 'Consumption' });
  });

  it('an env file naming its resources needs no location; one that does not, needs one', () => {
    const named = loadEnvironment(project({ resourceGroup: 'rg-x', functionApp: 'func-x', apimService: 'apim-x' }), 'dev');
    expect({ rg: named.resourceGroup, app: named.functionApp, svc: named.apimService, named: named.named }).toEqual({
      rg: 'rg-x',
      app: 'func-x',
      svc: 'apim-x',
      named: ['resourceGroup', 'functionApp', 'apimService'],
    });
    const e = catchCkError(() => loadEnvironment(project({ functionApp: 'func-x' }), 'dev'));
    expect(e.code).toBe('CK_DEPLOY_ENV_INVALID');
    expect(e.message).toContain('location is required when resourceGroup, apimService are not given');
    expect(e.target).toBe('infra/environments/dev.json#location');
  });

  it('an invalid explicit name is a schema error naming the key', () => {
    const e = catchCkError(() => loadEnvironment(project({ location: 'westeurope', resources: { storageAccount: 'Not_Valid' } }), 'dev'));
    expect(e.code).toBe('CK_DEPLOY_ENV_INVALID');
    expect(JSON.stringify(e.details)).toContain('resources.storageAccount');
  });
});

describe('infra/resources (desired state of provision)', () => {
  it("the repo's files load, pass their schema and use only known placeholders", () => {
    const m = loadResourceManifests(REPO);
    expect(m.storage).toMatchObject({ account: { allowSharedKeyAccess: false, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false } });
    expect(m.monitoring).toMatchObject({ appInsights: { properties: { DisableLocalAuth: true, WorkspaceResourceId: '${workspaceId}' } } });
    expect(m.functionApp).toMatchObject({ plan: { sku: { name: 'FC1' } }, site: { functionAppConfig: { runtime: { name: 'node' } } } });
    expect((m.roleAssignments.assignments as unknown[]).length).toBe(5);
  });
});
