import { startGraphDouble, type GraphDouble } from './graph-double';

const tok = (aud: string) => `h.${Buffer.from(JSON.stringify({ aud })).toString('base64url')}.s`;
const AUD = 'https://graph.microsoft.com';

describe('graph double', () => {
  let g: GraphDouble;
  const call = async (method: string, path: string, body?: unknown, aud = AUD) => {
    const r = await fetch(`${g.url}/v1.0/${path}`, { method, headers: { authorization: `Bearer ${tok(aud)}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  beforeEach(async () => {
    g = await startGraphDouble({ audience: AUD });
  });
  afterEach(() => g.close());

  it('creates, finds by uniqueName, patches, and refuses a duplicate uniqueName', async () => {
    const c = await call('POST', 'applications', { displayName: 'api', uniqueName: 'u-api', api: { requestedAccessTokenVersion: 2 } });
    expect(c.status).toBe(201);
    const { appId, id } = c.body;
    const dup = await call('POST', 'applications', { displayName: 'api', uniqueName: 'u-api' });
    expect(dup).toMatchObject({ status: 400, body: { error: { code: 'Request_MultipleObjectsWithSameKeyValue' } } });
    const list = await call('GET', `applications?$filter=${encodeURIComponent("uniqueName eq 'u-api'")}`);
    expect(list.body.value.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await call('PATCH', `applications/${id}`, { identifierUris: [`api://${appId}`] })).status).toBe(204);
    expect((await call('GET', `applications(uniqueName='u-api')`)).body.identifierUris).toEqual([`api://${appId}`]);
    expect(g.writes()).toBe(2);
  });

  it('app role assignments (admin consent) and owners follow Graph: the principal, role and duplicates are checked; 403 without the privilege', async () => {
    const a = (await call('POST', 'applications', { displayName: 'deploy' })).body;
    const sp = (await call('POST', 'servicePrincipals', { appId: a.appId })).body;
    const graph = (await call('GET', `servicePrincipals?$filter=${encodeURIComponent("appId eq '00000003-0000-0000-c000-000000000000'")}`)).body.value[0];
    const ownedBy = graph.appRoles.find((r: { value: string }) => r.value === 'Application.ReadWrite.OwnedBy').id;
    const assign = (body: Record<string, unknown>) => call('POST', `servicePrincipals/${sp.id}/appRoleAssignments`, body);
    expect((await assign({ principalId: graph.id, resourceId: graph.id, appRoleId: ownedBy })).status).toBe(400);
    expect((await assign({ principalId: sp.id, resourceId: graph.id, appRoleId: '00000000-0000-0000-0000-000000000000' })).body.error.message).toBe(
      'Permission being assigned was not found on application',
    );
    g.state.canGrantAppRoles = false;
    expect((await assign({ principalId: sp.id, resourceId: graph.id, appRoleId: ownedBy })).body.error.code).toBe('Authorization_RequestDenied');
    g.state.canGrantAppRoles = true;
    expect((await assign({ principalId: sp.id, resourceId: graph.id, appRoleId: ownedBy })).status).toBe(201);
    expect((await assign({ principalId: sp.id, resourceId: graph.id, appRoleId: ownedBy })).body.error.message).toBe('Permission being assigned already exists on the object');
    expect((await call('GET', `servicePrincipals/${sp.id}/appRoleAssignments`)).body.value).toHaveLength(1);
    const ref = { '@odata.id': `${g.url}/v1.0/directoryObjects/${sp.id}` };
    expect((await call('POST', `applications/${a.id}/owners/$ref`, { id: sp.id })).status).toBe(400);
    expect((await call('POST', `applications/${a.id}/owners/$ref`, ref)).status).toBe(204);
    expect((await call('POST', `applications/${a.id}/owners/$ref`, ref)).status).toBe(400);
    expect((await call('GET', `applications/${a.id}/owners`)).body.value.map((o: { id: string }) => o.id)).toEqual([sp.id]);
    expect(g.writes()).toBe(4);
  });

  it('enforces Graph rules: read-only props, preAuthorized scope ids, https redirect URIs, SP needs an app', async () => {
    expect((await call('POST', 'applications', { displayName: 'x', appId: 'nope' })).body.error.code).toBe('Request_BadRequest');
    const a = (await call('POST', 'applications', { displayName: 'x' })).body;
    const bad = await call('PATCH', `applications/${a.id}`, { api: { preAuthorizedApplications: [{ appId: a.appId, delegatedPermissionIds: ['00000000-0000-0000-0000-000000000000'] }] } });
    expect(bad.body.error.code).toBe('InvalidPreAuthorizedAppPermission');
    expect((await call('PATCH', `applications/${a.id}`, { web: { redirectUris: ['http://evil.example/cb'] } })).status).toBe(400);
    expect((await call('POST', 'servicePrincipals', { appId: 'ffffffff-ffff-ffff-ffff-ffffffffffff' })).status).toBe(400);
    expect((await call('POST', 'servicePrincipals', { appId: a.appId })).status).toBe(201);
    expect((await call('POST', 'servicePrincipals', { appId: a.appId })).status).toBe(409);
  });

  it('federatedIdentityCredentials: create, list by filter, get by id or name, patch, delete, with Graph rules', async () => {
    const a = (await call('POST', 'applications', { displayName: 'deploy', uniqueName: 'u-deploy' })).body;
    const base = `applications/${a.id}/federatedIdentityCredentials`;
    const fic = { name: 'github-dev', issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:o/r:environment:dev', audiences: ['api://AzureADTokenExchange'] };
    const c = await call('POST', base, fic);
    expect(c).toMatchObject({ status: 201, body: { ...fic, id: expect.any(String), description: null } });
    expect((await call('GET', `${base}?$filter=${encodeURIComponent("subject eq 'repo:o/r:environment:dev'")}`)).body.value.map((f: { id: string }) => f.id)).toEqual([c.body.id]);
    expect((await call('GET', `${base}/${c.body.id}`)).body.name).toBe('github-dev');
    expect((await call('GET', `applications(uniqueName='u-deploy')/federatedIdentityCredentials(name='github-dev')`)).body.id).toBe(c.body.id);
    expect(g.federatedCredentialsFor(a.appId)?.map((f) => f.subject)).toEqual(['repo:o/r:environment:dev']);
    expect(g.federatedCredentialsFor('00000000-0000-0000-0000-000000000000')).toBeUndefined();
    // Name taken, issuer+subject taken, two audiences, read-only id, http issuer, name change, missing subject.
    expect((await call('POST', base, fic)).status).toBe(409);
    expect((await call('POST', base, { ...fic, name: 'other' })).body.error.message).toContain('issuer and subject must be unique');
    expect((await call('POST', base, { ...fic, name: 'two', subject: 's2', audiences: ['a', 'b'] })).status).toBe(400);
    expect((await call('POST', base, { ...fic, name: 'ro', subject: 's3', id: 'x' })).status).toBe(400);
    expect((await call('POST', base, { ...fic, name: 'plain', subject: 's4', issuer: 'http://issuer.example' })).status).toBe(400);
    expect((await call('POST', base, { name: 'nosub', issuer: fic.issuer, audiences: fic.audiences })).status).toBe(400);
    expect((await call('PATCH', `${base}/${c.body.id}`, { name: 'renamed' })).status).toBe(400);
    expect((await call('PATCH', `${base}/${c.body.id}`, { subject: 'repo:o/r:environment:prod' })).status).toBe(204);
    expect(g.state.federatedCredentials[a.id]![0]!.subject).toBe('repo:o/r:environment:prod');
    expect((await call('DELETE', `${base}/github-dev`)).status).toBe(204);
    expect((await call('GET', `${base}/${c.body.id}`)).status).toBe(404);
    expect((await call('GET', `applications/nope/federatedIdentityCredentials`)).body.error.code).toBe('Request_ResourceNotFound');
    expect(g.violations).toEqual([]);
  });

  it('checks the token audience and returns the Graph error shape', async () => {
    const r = await call('GET', 'applications', undefined, 'https://management.azure.com');
    expect(r).toMatchObject({ status: 401, body: { error: { code: 'InvalidAuthenticationToken', innerError: expect.any(Object) } } });
  });

  it('addPassword returns the secret once; reads never show it', async () => {
    const a = (await call('POST', 'applications', { displayName: 'c' })).body;
    const pw = await call('POST', `applications/${a.id}/addPassword`, { passwordCredential: { displayName: 'ck' } });
    expect(pw.body.secretText).toBe(g.issuedSecrets[0]);
    expect(JSON.stringify((await call('GET', `applications/${a.id}`)).body)).not.toContain(pw.body.secretText);
  });

  it('fails loudly on unmatched requests and injects faults, including drop-after-commit', async () => {
    expect((await call('GET', 'groups')).status).toBe(404);
    expect(g.violations).toEqual(['GET /v1.0/groups']);
    g.inject({ kind: '429', retryAfter: 3 });
    const r = await fetch(`${g.url}/v1.0/applications`, { headers: { authorization: `Bearer ${tok(AUD)}` } });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
    g.inject({ kind: 'drop-after-commit', match: /^POST/ });
    await expect(call('POST', 'applications', { displayName: 'lost', uniqueName: 'lost' })).rejects.toThrow();
    expect(g.state.applications.map((a) => a.uniqueName)).toContain('lost');
  });
});
