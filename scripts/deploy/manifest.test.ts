/**
 * infra/ drives the deploy: editing a manifest in a project's infra/ copy changes the plan (and what is applied),
 * and a manifest that breaks its schema or uses an unknown placeholder fails with CK_DEPLOY_INFRA_INVALID naming
 * the file and the key path.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { catchCkError } from '../testing/catch-ck-error';
import { loadManifest, fill } from './manifest';
import { API_APP_MANIFEST, CONNECTOR_APP_MANIFEST, entraManifests } from '../entra';
import { loadApimDefinitions, renderApiPolicy, POLICY_TEMPLATE } from '../apim';
import { sampleEnvironment } from '../testing/sample-project';
import type { DeployContext } from './context';
import { useDoubles, deployOptions, recordedDeploy, RG, SVC } from '../testing/deploy-harness';

const REPO = path.resolve(__dirname, '../..');

/** A temp project holding a copy of the repo's infra/, with `edit` applied to one JSON file. */
function infraCopy(file: string, edit: (doc: any) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-infra-'));
  cpSync(path.join(REPO, 'infra'), path.join(dir, 'infra'), { recursive: true });
  editJson(path.join(dir, file), edit);
  return dir;
}

function editJson(file: string, edit: (doc: any) => void): void {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, JSON.stringify(doc, null, 2));
}

describe('infra manifests: schema and placeholders', () => {
  const env = sampleEnvironment();

  it("the repo's manifests and definitions load and fill", () => {
    const api = fill(
      loadManifest(REPO, API_APP_MANIFEST),
      { displayName: 'D', uniqueName: 'u', tenantId: 't', environment: 'dev', scope: 's', scopeId: 'i', appId: 'a', connectorAppId: 'c' },
      API_APP_MANIFEST.file,
    );
    expect(api).toMatchObject({ identifierUris: ['api://a'], api: { oauth2PermissionScopes: [{ id: 'i', value: 's', adminConsentDisplayName: 'Access D' }] } });
    expect(api).not.toHaveProperty('$comment');
    const defs = loadApimDefinitions(REPO, env);
    expect(defs).toMatchObject({ api: { name: 'employees' }, backend: { name: 'func-connectorkit-dev' }, namedValue: { name: 'func-connectorkit-dev-key' }, products: [] });
  });

  it('a schema error names the file and the key path', () => {
    const root = infraCopy('infra/entra/api-app.json', (d) => (d.api.requestedAccessTokenVersion = 3));
    const e = catchCkError(() => loadManifest(root, API_APP_MANIFEST));
    expect(e.code).toBe('CK_DEPLOY_INFRA_INVALID');
    expect(e.message).toContain('infra/entra/api-app.json: api.requestedAccessTokenVersion must be equal to one of the allowed values: 1, 2');
    expect(e.target).toBe('infra/entra/api-app.json#api.requestedAccessTokenVersion');
    expect(e.details?.map((d) => d.target)).toEqual(['infra/entra/api-app.json#api.requestedAccessTokenVersion']);
  });

  it('collects every problem, deep in arrays too', () => {
    const root = infraCopy('infra/entra/connector-app.json', (d) => {
      d.web.redirectUris.push('http://insecure.example/redirect');
      d.requiredResourceAccess[0].resourceAccess[0].type = 'Delegated';
      d.homepage = 'x';
    });
    const e = catchCkError(() => loadManifest(root, CONNECTOR_APP_MANIFEST));
    expect(e.details?.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        'infra/entra/connector-app.json: web.redirectUris.1 must match pattern "^https://"',
        'infra/entra/connector-app.json: requiredResourceAccess.0.resourceAccess.0.type must be equal to one of the allowed values: "Scope", "Role"',
        'infra/entra/connector-app.json: (root) must NOT have additional properties "homepage"',
      ]),
    );
  });

  it('the APIM definitions refuse a literal credential and a named-value value', () => {
    const withKey = infraCopy('infra/apim/backend.json', (d) => (d.properties.credentials.header['x-functions-key'] = ['abc123-literal-key']));
    const e1 = catchCkError(() => loadApimDefinitions(withKey, env));
    expect(e1.target).toBe('infra/apim/backend.json#properties.credentials.header.x-functions-key.0');
    const withValue = infraCopy('infra/apim/named-value.json', (d) => (d.properties.value = 'abc'));
    expect(catchCkError(() => loadApimDefinitions(withValue, env)).message).toContain('infra/apim/named-value.json: properties must NOT have additional properties "value"');
    const notSecret = infraCopy('infra/apim/named-value.json', (d) => (d.properties.secret = false));
    expect(catchCkError(() => loadApimDefinitions(notSecret, env)).target).toBe('infra/apim/named-value.json#properties.secret');
  });

  it('an unknown placeholder or invalid JSON names the file (and the key path)', () => {
    const root = infraCopy('infra/apim/api.json', (d) => (d.properties.displayName = '${apiTitle}'));
    const e = catchCkError(() => loadApimDefinitions(root, env));
    expect(e.message).toBe('infra/apim/api.json: properties.displayName uses unknown placeholder ${apiTitle}.');
    expect(e.target).toBe('infra/apim/api.json#properties.displayName');
    writeFileSync(path.join(root, 'infra/entra/api-app.json'), '{ "displayName": ');
    expect(catchCkError(() => loadManifest(root, API_APP_MANIFEST)).message).toMatch(/^infra\/entra\/api-app\.json is not valid JSON/);
  });

  it('the policy template is infra/ too: an unknown placeholder is CK_DEPLOY_INFRA_INVALID', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ck-infra-'));
    cpSync(path.join(REPO, 'infra'), path.join(root, 'infra'), { recursive: true });
    const file = path.join(root, POLICY_TEMPLATE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('${scope}', '${scopes}'));
    const values = { authorityHost: 'https://login', tenantId: 't', apiAppId: 'a', v1Issuer: 'https://sts/t/', scope: 's', backendId: 'b' };
    expect(renderApiPolicy(REPO, values)).toContain('<value>s</value>');
    // Location headers (201 Created, trigger subscriptions and polls) must name the gateway, not the Function App.
    expect(renderApiPolicy(REPO, values)).toMatch(/<outbound>\s*<base \/>\s*<redirect-content-urls \/>\s*<\/outbound>/);
    expect(catchCkError(() => renderApiPolicy(root, values))).toMatchObject({ code: 'CK_DEPLOY_INFRA_INVALID', target: POLICY_TEMPLATE });
  });

  it("the API app must mark exactly one scope as the API's scope", () => {
    const root = infraCopy('infra/entra/api-app.json', (d) => (d.api.oauth2PermissionScopes[0].id = '0f0f0f0f-0000-4000-8000-000000000001'));
    const ctx = { opts: { root, scope: 'user_impersonation' }, env, out: {} } as unknown as DeployContext;
    const e = catchCkError(() => entraManifests(ctx));
    expect(e.target).toBe('infra/entra/api-app.json#api.oauth2PermissionScopes');
    expect(e.message).toContain('exactly one scope with id "${scopeId}"');
  });
});

describe('editing infra/ changes the plan', () => {
  const h = useDoubles({ check: true });
  beforeAll(async () => {
    await recordedDeploy(deployOptions(h.root, false, { skipExport: true }), h.sink);
  });

  it('a different scope name, an extra redirect URI and a backend title show up in the plan, then in Azure', async () => {
    editJson(path.join(h.root, 'infra/entra/api-app.json'), (m) => (m.api.oauth2PermissionScopes[0].value = 'Employees.Read'));
    editJson(path.join(h.root, 'infra/entra/connector-app.json'), (m) => m.web.redirectUris.push('https://oauth.contoso.example/callback'));
    editJson(path.join(h.root, 'infra/apim/backend.json'), (m) => (m.properties.title = 'Employee Directory functions'));
    const before = h.d.writes();
    const plan = await recordedDeploy(deployOptions(h.root, true, { skipExport: true }), h.sink);
    expect(h.d.writes()).toEqual(before);
    const by = (r: string) => plan.changes.find((c) => c.resource === r)!;
    const apiApp = by('Entra app ck-test-employees-api (API)');
    expect(apiApp.action).toBe('update');
    const scopes = apiApp.diff!.find((x) => x.path === 'api.oauth2PermissionScopes')!.to as Array<{ value: string }>;
    // The old scope stays (Graph refuses to delete an enabled scope); the manifest's is added.
    expect(scopes.map((s) => s.value)).toEqual(['user_impersonation', 'Employees.Read']);
    const conn = by('Entra app ck-test-employees-connector (connector client)');
    expect(conn.diff).toContainEqual(expect.objectContaining({ path: 'web.redirectUris', to: ['https://global.consent.azure-apim.net/redirect', 'https://oauth.contoso.example/callback'] }));
    expect(conn.diff!.map((x) => x.path)).toContain('requiredResourceAccess');
    expect(by('Entra pre-authorization of ck-test-employees-connector on ck-test-employees-api').action).toBe('update');
    expect(by('APIM backend func-contoso-hr').diff).toEqual([{ path: 'title', to: 'Employee Directory functions' }]);
    expect(by('APIM policy of API employees').action).toBe('update');
    expect(by('APIM API employees').action).toBe('no-op');

    await recordedDeploy(deployOptions(h.root, false, { skipExport: true }), h.sink);
    const app = h.d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-api')!;
    const scope = app.api.oauth2PermissionScopes.find((s) => s.value === 'Employees.Read')! as { id: string };
    const client = h.d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-connector')!;
    expect(client.web.redirectUris).toContain('https://oauth.contoso.example/callback');
    expect(client.requiredResourceAccess).toEqual([{ resourceAppId: app.appId, resourceAccess: [{ id: scope.id, type: 'Scope' }] }]);
    expect(app.api.preAuthorizedApplications).toEqual([{ appId: client.appId, delegatedPermissionIds: [scope.id] }]);
    const svcId = h.d.arm.ids.service(RG, SVC);
    expect(h.d.arm.state.get(`${svcId}/backends/func-contoso-hr`)!.properties.title).toBe('Employee Directory functions');
    expect(String(h.d.arm.state.get(`${svcId}/apis/employees/policies/policy`)!.properties.value)).toContain('<value>Employees.Read</value>');

    const after = h.d.writes();
    const again = await recordedDeploy(deployOptions(h.root, false, { skipExport: true }), h.sink);
    expect(h.d.writes()).toEqual(after);
    expect(again.changes.every((c) => c.action === 'no-op')).toBe(true);
  });

  it('a broken manifest fails the deploy before its first write', async () => {
    const file = path.join(h.root, 'infra/entra/connector-app.json');
    const good = readFileSync(file, 'utf8');
    editJson(file, (m) => (m.signInAudience = 'Everyone'));
    editJson(path.join(h.root, 'dist/swagger.json'), (s) => (s.info.description = 'changed, so the API would be re-imported'));
    const before = h.d.writes();
    try {
      await expect(recordedDeploy(deployOptions(h.root, false, { skipExport: true }), h.sink)).rejects.toMatchObject({
        code: 'CK_DEPLOY_INFRA_INVALID',
        target: 'infra/entra/connector-app.json#signInAudience',
      });
      expect(h.d.writes()).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  });
});
