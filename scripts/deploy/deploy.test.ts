/**
 * End to end, in process: the real SDKs and @azure/identity against the four doubles. First deploy from empty,
 * zero-write re-run, changed spec, removed operation, plan-only writes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { deploy } from './deploy';
import { renderDeploy } from './render-plan';
import { startDoubles, makeProject, deployOptions, secretFiles, secretsInFiles, type Doubles, FUNCTION_KEY, RG, SVC, APP } from '../testing/deploy-harness';

const T = {
  api: 'Microsoft.ApiManagement/service/apis',
  ops: 'Microsoft.ApiManagement/service/apis/operations',
  nv: 'Microsoft.ApiManagement/service/namedValues',
  be: 'Microsoft.ApiManagement/service/backends',
};

describe('deploy end to end against the doubles', () => {
  let d: Doubles;
  let root: string;
  const outputs: string[] = [];
  const run = async (planOnly: boolean, more = {}) => {
    const io = new RecordingIoHost();
    const r = await deploy(deployOptions(root, planOnly, more), io);
    outputs.push(JSON.stringify(io.messages), JSON.stringify(r), renderDeploy(r));
    return r;
  };

  beforeAll(async () => {
    d = await startDoubles();
    root = makeProject(d);
  });
  afterAll(async () => {
    await d.close();
  });
  afterEach(() => {
    expect(d.violations()).toEqual([]);
    // No secret in any file the deploy left in the project (connector/, .connectorkit/, dist/, infra/).
    expect(secretFiles(d, root)).toEqual([]);
  });

  it('plans a first deploy without writing anything', async () => {
    const r = await run(true);
    expect(d.writes()).toEqual({ arm: 0, graph: 0, scm: 0 });
    expect(r.summary['no-op']).toBe(0);
    expect(r.changes.map((c) => `${c.action} ${c.resource}`)).toMatchSnapshot();
  });

  it('first deploy creates every resource', async () => {
    const r = await run(false);
    expect(r.summary.create).toBeGreaterThan(5);
    const svcId = d.arm.ids.service(RG, SVC);
    const nv = d.arm.state.resources(T.nv);
    expect(nv.map((e) => e.name)).toEqual(['func-contoso-hr-key']);
    expect(nv[0]!.properties.secret).toBe(true);
    expect(d.arm.state.hidden(nv[0]!.id)?.value).toBe(FUNCTION_KEY);
    const be = d.arm.state.resources(T.be);
    expect(be[0]!.properties).toMatchObject({ url: 'https://func-contoso-hr.azurewebsites.net/api', credentials: { header: { 'x-functions-key': ['{{func-contoso-hr-key}}'] } } });
    const api = d.arm.state.get(`${svcId}/apis/employees`)!;
    expect(api.properties).toMatchObject({ path: 'employees', protocols: ['https'], subscriptionRequired: false });
    expect(d.arm.state.resources(T.ops).length).toBe(5);
    expect(d.graph.state.applications.map((a) => a.uniqueName).sort()).toEqual(['ck-test-employees-api', 'ck-test-employees-connector']);
    const apiApp = d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-api')!;
    const conn = d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-connector')!;
    expect(apiApp.identifierUris).toEqual([`api://${apiApp.appId}`]);
    expect(apiApp.api.requestedAccessTokenVersion).toBe(2);
    expect(apiApp.api.preAuthorizedApplications).toEqual([{ appId: conn.appId, delegatedPermissionIds: [apiApp.api.oauth2PermissionScopes[0]!.id] }]);
    expect(conn.web.redirectUris).toEqual(['https://global.consent.azure-apim.net/redirect']);
    expect(d.graph.state.servicePrincipals.map((s) => s.appId)).toEqual([apiApp.appId]);
    expect(d.scm.current()?.message).toMatch(/^connectorkit:sha256=/);
    const props = JSON.parse(readFileSync(path.join(root, 'connector/apiProperties.json'), 'utf8'));
    expect(JSON.stringify(props)).toContain(conn.appId);
    const def = JSON.parse(readFileSync(path.join(root, 'connector/apiDefinition.swagger.json'), 'utf8'));
    expect(def.host).toBe('apim-contoso-hr.azure-api.net');
    expect(def.basePath).toBe('/employees');
    expect(r.connector?.validation?.errors).toBe(0);
    const saved = JSON.parse(readFileSync(path.join(root, '.connectorkit/deploy-test.json'), 'utf8'));
    expect(saved.outputs).toMatchObject({ apiAppId: apiApp.appId, connectorClientId: conn.appId, host: 'apim-contoso-hr.azure-api.net' });
  });

  it('a second deploy performs zero writes', async () => {
    const before = d.writes();
    const r = await run(false);
    expect(d.writes()).toEqual(before);
    expect(r.changes.every((c) => c.action === 'no-op')).toBe(true);
  });

  it('a rotated function key is noticed by the no-op read (listkeys + listValue) and re-written, never printed', async () => {
    const rotated = 'fnkey-rotated-Kd93Lp0Wq7Xe2Ns5';
    const keys = d.arm.state.hidden(d.arm.ids.site(RG, APP))!.hostKeys as { functionKeys: Record<string, string> };
    keys.functionKeys.default = rotated;
    const before = d.arm.requests.length;
    const r = await run(false);
    const arm = d.arm.requests.slice(before);
    // The two secret reads of a redeploy: the host keys and the stored named value.
    expect(arm.filter((q) => q.method === 'POST' && /\/(listkeys|listValue)$/i.test(q.path)).map((q) => q.path.replace(/.*\//, ''))).toEqual(['listkeys', 'listValue']);
    expect(r.changes.filter((c) => c.action !== 'no-op').map((c) => c.resource)).toEqual(['APIM named value func-contoso-hr-key']);
    const nv = d.arm.state.resources(T.nv)[0]!;
    expect(d.arm.state.hidden(nv.id)?.value).toBe(rotated);
    // Neither the new key nor the old one (what listValue returned) is in any output or project file.
    const all = outputs.join('\n');
    for (const s of [rotated, FUNCTION_KEY]) expect(all).not.toContain(s);
    expect(secretsInFiles(root, [rotated, FUNCTION_KEY])).toEqual([]);
    keys.functionKeys.default = FUNCTION_KEY;
    await run(false);
    expect(d.arm.state.hidden(nv.id)?.value).toBe(FUNCTION_KEY);
  });

  it('a changed controller re-imports only the API and changes the export', async () => {
    const spec = JSON.parse(readFileSync(path.join(root, 'dist/swagger.json'), 'utf8'));
    spec.paths['/employees'].get.description = 'Lists employees (now paged).';
    writeFileSync(path.join(root, 'dist/swagger.json'), JSON.stringify(spec, null, 2));
    const before = d.arm.requests.length;
    const r = await run(false);
    const armWrites = d.arm.requests
      .slice(before)
      .filter((q) => q.write)
      .map((q) => `${q.method} ${q.path.replace(/.*service\/[^/]+/, '')}`);
    expect(armWrites).toEqual(['PUT /apis/employees']);
    expect(r.changes.filter((c) => c.action !== 'no-op').map((c) => c.resource)).toEqual(['APIM API employees', 'connector folder connector/']);
  });

  it('a removed operation is said by the plan, blocks before any write, and is removed with --allow-breaking', async () => {
    const spec = JSON.parse(readFileSync(path.join(root, 'dist/swagger.json'), 'utf8'));
    const removed = spec.paths['/employees'].post.operationId as string;
    delete spec.paths['/employees'].post;
    writeFileSync(path.join(root, 'dist/swagger.json'), JSON.stringify(spec, null, 2));
    const plan = await run(true);
    expect(plan.changes).toContainEqual(expect.objectContaining({ action: 'delete', resource: `APIM operation employees/${removed.toLowerCase()}` }));
    expect(plan.changes.find((c) => c.stage === 'export')?.note).toMatch(/BREAKING/);
    const before = d.writes();
    await expect(run(false)).rejects.toMatchObject({ code: 'CK_DEPLOY_EXPORT_BREAKING', message: expect.stringContaining('nothing was written') });
    // Blocked by the preflight plan, not after the re-import: APIM still serves the operation.
    expect(d.writes()).toEqual(before);
    expect(d.arm.state.resources(T.ops).map((o) => o.name)).toContain(removed.toLowerCase());
    const r = await run(false, { allowBreaking: true });
    expect(d.arm.state.resources(T.ops).map((o) => o.name)).not.toContain(removed.toLowerCase());
    expect(r.connector?.breaking.join()).toMatch(/operation-deleted|deleted/);
  });

  it('never prints a secret', () => {
    const all = outputs.join('\n');
    for (const s of d.secrets()) expect(all).not.toContain(s);
  });
});
