import * as yazl from 'yazl';
import { fakeJwt } from '../doubles-common';
import type { ScmDouble } from './index';
import { startScmDouble } from './index';

function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [n, c] of Object.entries(files)) z.addBuffer(Buffer.from(c), n);
  z.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const token = fakeJwt({ aud: 'https://management.azure.com' });
const auth = { authorization: `Bearer ${token}` };
let flex: ScmDouble;
let kudu: ScmDouble;
let app: Buffer;

async function post(dbl: ScmDouble, path: string, body: Buffer, headers: Record<string, string> = auth) {
  return fetch(`${dbl.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/zip', ...headers }, body: new Uint8Array(body) });
}
async function pollUntilComplete(url: string): Promise<{ status: number; complete: boolean; message: string; id: string }> {
  for (;;) {
    const r = await fetch(url, { headers: auth });
    const d = (await r.json()) as { status: number; complete: boolean; message: string; id: string };
    expect(r.status).toBe(d.complete ? 200 : 202);
    if (d.complete) return d;
  }
}

beforeAll(async () => {
  [flex, kudu] = await Promise.all([startScmDouble({ siteName: 'func-flex' }), startScmDouble({ flex: false, basicAuth: { user: '$func', password: 'pw' } })]);
  app = await zip({ 'host.json': '{"version":"2.0"}', 'package.json': '{"main":"main.js"}', 'main.js': '' });
});
afterAll(() => Promise.all([flex.close(), kudu.close()]));
beforeEach(() => {
  flex.reset();
  kudu.reset();
});

test('Flex one-deploy: 202 + Location, status polling to 4, current package hash and message recorded', async () => {
  const r = await post(flex, '/api/publish?RemoteBuild=false&Deployer=connectorkit&message=connectorkit%20sha256%3Dabc', app);
  expect(r.status).toBe(202);
  const d = await pollUntilComplete(r.headers.get('location')!);
  expect(d).toMatchObject({ status: 4, complete: true, message: 'connectorkit sha256=abc' });
  expect(flex.current()).toMatchObject({ files: ['host.json', 'main.js', 'package.json'], deploymentId: d.id });
  expect(flex.current()!.sha256).toMatch(/^[0-9a-f]{64}$/);
  const latest = await (await fetch(`${flex.url}/api/deployments/latest`, { headers: auth })).json();
  expect(latest).toMatchObject({ id: d.id, status: 4, active: true });
  expect(flex.violations).toEqual([]);
});

test('Kudu zipdeploy (isAsync) with basic credentials; refused on Flex', async () => {
  const basic = { authorization: `Basic ${Buffer.from('$func:pw').toString('base64')}` };
  const r = await post(kudu, '/api/zipdeploy?isAsync=true', app, basic);
  expect(r.status).toBe(202);
  expect(r.headers.get('location')).toMatch(/\/api\/deployments\/latest\?/);
  await pollUntilComplete(r.headers.get('location')!);
  expect(kudu.current()).toBeDefined();
  expect((await post(flex, '/api/zipdeploy?isAsync=true', app)).status).toBe(404);
});

test('bad packages are rejected loudly and recorded', async () => {
  const noHost = await zip({ 'app/host.json': '{}', 'package.json': '{}' });
  const r = await post(flex, '/api/publish', noHost);
  expect(r.status).toBe(400);
  expect(await r.text()).toMatch(/host\.json is not at the root/);
  expect((await post(flex, '/api/publish', Buffer.from('not a zip'))).status).toBe(400);
  expect(flex.violations).toHaveLength(2);
  expect(flex.current()).toBeUndefined();
});

test('auth is required; unmatched routes fail loudly', async () => {
  expect((await post(flex, '/api/publish', app, {})).status).toBe(401);
  expect((await post(flex, '/api/publish', app, { authorization: `Bearer ${fakeJwt({ aud: 'api://other' })}` })).status).toBe(401);
  const r = await fetch(`${flex.url}/api/vfs/site/wwwroot/`, { headers: auth });
  expect(r.status).toBe(404);
  expect(await r.text()).toMatch(/GET https:\/\/127\.0\.0\.1:\d+\/api\/vfs/);
  expect(flex.violations).toHaveLength(1);
});

test('faults: throttle/503 with Retry-After, 409 while a deployment runs, failed deployment keeps the old package, drops', async () => {
  flex.inject({ kind: 'throttle', retryAfterSeconds: 1 });
  const t = await post(flex, '/api/publish', app);
  expect([t.status, t.headers.get('retry-after')]).toEqual([429, '1']);
  flex.inject({ kind: 'unavailable' });
  expect((await post(flex, '/api/publish', app)).status).toBe(503);
  const first = await post(flex, '/api/publish', app);
  expect((await post(flex, '/api/publish', app)).status).toBe(409);
  await pollUntilComplete(first.headers.get('location')!);
  const before = flex.current();
  flex.inject({ kind: 'lroFailed' });
  const failed = await post(flex, '/api/publish', await zip({ 'host.json': '{}', 'package.json': '{}', 'v2.js': '' }));
  expect(await pollUntilComplete(failed.headers.get('location')!)).toMatchObject({ status: 3, complete: true });
  expect(flex.current()).toEqual(before);
  flex.inject({ kind: 'drop' });
  await expect(post(flex, '/api/publish', app)).rejects.toThrow();
  expect(flex.deployments).toHaveLength(2);
  expect(flex.violations).toEqual([]);
});
