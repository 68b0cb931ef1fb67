/** The Dataverse double's own contract: columns from connector.md, OData options, ETags, upsert, errors, loud misses. */
import { fakeJwt } from '../doubles-common';
import { startDataverseDouble, type DataverseDouble } from './dataverse-double';
import { connectorColumns } from './connector-columns';

const APP = '11111111-0000-4000-8000-000000000001';

describe('Dataverse double', () => {
  let dv: DataverseDouble;
  let call: (method: string, p: string, body?: unknown, headers?: Record<string, string>, who?: string) => Promise<{ status: number; body: any; headers: Headers }>;
  beforeAll(async () => {
    dv = await startDataverseDouble({ applicationUsers: [APP], solutions: [{ uniquename: 'Sol' }] });
    call = async (method, p, body, headers = {}, who = APP) => {
      const res = await fetch(`${dv.url}/api/data/v9.2/${p}`, {
        method,
        headers: { authorization: `Bearer ${fakeJwt({ aud: dv.url, appid: who })}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    };
  });
  afterAll(() => dv.close());

  const minimal = { name: 'ck_x', displayname: 'X', openapidefinition: JSON.stringify({ swagger: '2.0', info: { title: 'X' } }), connectortype: 1 };

  it("reads the connector columns from Microsoft's table page", () => {
    const cols = connectorColumns();
    expect(cols.get('capabilities')).toMatchObject({ type: 'MultiSelectPicklist', options: [118690000, 118690001, 118690002, 118690003, 118690004, 118690005] });
    expect(cols.get('name')).toMatchObject({ create: true, update: false, maxLength: 500 });
    expect(cols.get('versionnumber')).toMatchObject({ create: false, update: false });
  });

  it('creates in a solution, returns the representation, and updates only with the current ETag', async () => {
    const c = await call(
      'POST',
      'connectors?$select=connectorid,connectorinternalid',
      { ...minimal, connectionparameters: JSON.stringify({ token: { type: 'oauthSetting', oAuthSettings: { clientSecret: 's3cret' } } }) },
      { prefer: 'return=representation', 'MSCRM.SolutionUniqueName': 'Sol' },
    );
    expect(c.status).toBe(201);
    expect(Object.keys(c.body).sort()).toEqual(['@odata.context', '@odata.etag', 'connectorid', 'connectorinternalid']);
    expect(c.body.connectorinternalid).toMatch(/^ck-5fx-5f[0-9a-f]{14}$/);
    const id = c.body.connectorid;
    expect(JSON.parse(dv.state.connectors[0]!.connectionparameters as string).token.oAuthSettings.clientSecret).toBe('');
    expect(dv.state.solutionComponents).toEqual([{ solution: 'Sol', connectorid: id }]);
    const stale = await call('PATCH', `connectors(${id})`, { description: 'a' }, { 'if-match': 'W/"1"' });
    expect([stale.status, stale.body.error.code]).toEqual([412, '0x80060882']);
    const ok = await call('PATCH', `connectors(${id})`, { description: 'a' }, { 'if-match': c.body['@odata.etag'] });
    expect(ok.status).toBe(204);
    const got = await call('GET', `connectors?$select=description,name&$filter=name eq 'CK_X' and connectortype eq 1`);
    expect(got.body.value).toEqual([{ '@odata.etag': expect.stringMatching(/^W\/"\d+"$/), description: 'a', name: 'ck_x' }]);
    expect((await call('PATCH', `connectors(${id})`, { name: 'renamed' }, { 'if-match': '*' })).status).toBe(400);
  });

  it('refuses undocumented columns, bad choices, over-long strings, a second row with the same name, and unknown solutions', async () => {
    const codes = async (body: unknown, headers?: Record<string, string>) => {
      const r = await call('POST', 'connectors', body, headers);
      return [r.status, r.body?.error?.code];
    };
    expect(await codes({ ...minimal, name: 'a', nosuch: 1 })).toEqual([400, '0x80060888']);
    expect(await codes({ ...minimal, name: 'b', capabilities: '118690005,7' })).toEqual([400, '0x80040203']);
    expect(await codes({ ...minimal, name: 'c', description: 'x'.repeat(1001) })).toEqual([400, '0x80040203']);
    expect(await codes({ ...minimal, name: 'd', connectortype: 0 })).toEqual([400, '0x80040203']);
    expect(await codes(minimal)).toEqual([412, '0x80040237']);
    expect(await codes({ ...minimal, name: 'e' }, { 'MSCRM.SolutionUniqueName': 'Nope' })).toEqual([404, '0x80040217']);
    expect((await call('GET', 'connectors?$select=nosuch')).body.error.code).toBe('0x80060888');
  });

  it('a PATCH without If-Match on a missing row is an upsert', async () => {
    const id = '22222222-0000-4000-8000-000000000002';
    expect((await call('PATCH', `connectors(${id})`, { ...minimal, name: 'ck_upsert' })).status).toBe(204);
    expect(dv.state.connectors.some((r) => r.connectorid === id)).toBe(true);
    expect((await call('PATCH', `connectors(33333333-0000-4000-8000-000000000003)`, { description: 'x' }, { 'if-match': '*' })).status).toBe(404);
  });

  it('answers 403 for a caller without an application user, and 429 with the service-protection body and Retry-After', async () => {
    const r = await call('GET', 'WhoAmI', undefined, {}, 'someone-else');
    expect([r.status, r.body.error.code]).toEqual([403, '0x80072560']);
    dv.inject({ kind: '429', retryAfter: 7 });
    const t = await call('GET', 'WhoAmI');
    expect([t.status, t.headers.get('retry-after'), t.body.error.code]).toEqual([429, '7', '0x80072322']);
  });

  it('fails loudly on anything it does not implement', async () => {
    const before = dv.violations.length;
    expect((await call('GET', 'connectors?$top=1')).status).toBe(404);
    expect((await call('GET', "connectors?$filter=contains(name,'x')")).status).toBe(404);
    expect((await call('GET', 'accounts')).status).toBe(404);
    expect(dv.violations.slice(before)).toHaveLength(3);
    dv.violations.length = before;
  });
});
