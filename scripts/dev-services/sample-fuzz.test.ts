/**
 * A bounded, spec-driven fuzz of the sample API through the local host (real Azurite, real dev issuer): 2,400
 * hostile requests generated from the build's dist/swagger.json (scripts/testing/fuzz-cases.ts), 8 at a time over keep-alive and
 * fresh connections. Afterwards: no response was ≥ 500, no connection was reset, the seeded employees are unchanged,
 * every stored employee is still a valid record, and no log line holds a query secret or a raw control character.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { RecordingIoHost, SilentIoHost } from '../core/io';
import { startHost, type HostHandle } from '../host';
import { isCalendarDate } from '../runtime/calendar';
import { startDevServices, type DevServices } from './index';
import { buildSampleProject, type SampleProject } from '../testing/sample-project';
import { mintAccessToken } from '../auth-dev/mint';
import { KeySet, loadOrCreateKey } from '../auth-dev/keys';
import { fuzzRequests, type FuzzRequest } from '../testing/fuzz-cases';

const COUNT = 2400;
const CONCURRENCY = 8;
const SEEDED = ['E100001', 'E100002', 'E100003', 'E100004', 'E100005'];

let project: SampleProject;
let dev: DevServices;
let host: HostHandle;
let token: string;
const io = new RecordingIoHost();

interface Outcome {
  status: number;
  error?: string;
  body: string;
}

function send(agent: http.Agent | false, port: number, r: FuzzRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...r.headers };
    if (r.body) headers['content-length'] = r.body.length;
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ status: 0, error: `${(e as NodeJS.ErrnoException).code ?? e.message}`, body: '' }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: `${(e as NodeJS.ErrnoException).code ?? e.message}`, body: '' }));
    req.end(r.body);
  });
}

async function api(method: string, p: string, body?: unknown): Promise<{ status: number; json: any; etag?: string }> {
  const r = await fetch(`${host.url}/api${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined, etag: r.headers.get('etag') ?? undefined };
}

async function listAll(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  let next: string | undefined = '/employees?top=100';
  for (let i = 0; next && i < 200; i++) {
    const r = await api('GET', next);
    expect(r.status).toBe(200);
    out.push(...r.json.value);
    next = r.json.nextLink ? new URL(r.json.nextLink).pathname.replace(/^\/api/, '') + new URL(r.json.nextLink).search : undefined;
  }
  return out;
}

beforeAll(async () => {
  project = await buildSampleProject();
  const keyFile = path.join(project.dir, '.connectorkit', 'dev-issuer', 'signing-key.json');
  dev = await startDevServices(project.loaded, new SilentIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
  host = await startHost({ appDir: project.appDir, port: 0, io, env: dev.env, specFile: project.specFile, docs: dev.docs });
  const keys = new KeySet();
  await loadOrCreateKey(keys, keyFile);
  token = await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, scopes: ['user_impersonation'] });
}, 180_000);

afterAll(async () => {
  await host?.close();
  await dev?.stop();
  project?.remove();
});

it(`${COUNT} spec-driven hostile requests: no 5xx, no reset, data intact`, async () => {
  const seeded = new Map<string, unknown>();
  for (const [i, id] of SEEDED.entries()) {
    const c = await api('POST', '/employees', {
      id,
      givenName: 'Seed',
      familyName: `Record${i}`,
      email: `seed${i}@contoso.example`,
      jobTitle: 'Keeper',
      department: 'ENG',
      employmentType: 'FullTime',
      hireDate: '2024-02-29',
    });
    expect(c.status).toBe(201);
    seeded.set(id, (await api('GET', `/employees/${id}`)).json);
  }
  const before = (await listAll()).length;

  const spec = JSON.parse(readFileSync(project.specFile, 'utf8'));
  const requests = fuzzRequests(spec, { count: COUNT, seed: 20261207, token, seeded: SEEDED, hostHeader: new URL(host.url).host });
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const outcomes: Array<{ r: FuzzRequest; o: Outcome }> = [];
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      while (next < requests.length) {
        const r = requests[next++]!;
        outcomes.push({ r, o: await send(w % 2 === 0 ? keepAlive : false, host.port, r) });
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  keepAlive.destroy();

  const byClass: Record<string, number> = {};
  for (const { o } of outcomes) {
    const k = o.status ? `${Math.floor(o.status / 100)}xx` : 'no response';
    byClass[k] = (byClass[k] ?? 0) + 1;
  }
  // The figures of the closing note: requests, status classes, duration.
  console.log(
    `fuzz: ${outcomes.length} requests in ${seconds.toFixed(1)} s; ${Object.entries(byClass)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const bad = outcomes.filter(({ o }) => o.status >= 500 || o.status === 0).map(({ r, o }) => `${o.status || o.error} ${r.label} ${r.method} ${r.path.slice(0, 120)} → ${o.body.slice(0, 200)}`);
  expect(bad).toEqual([]);
  expect(outcomes).toHaveLength(COUNT);
  for (const { o } of outcomes) if (o.status >= 400 && o.body) expect(JSON.parse(o.body)).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });

  // Data intact: seeded records byte-identical; every stored record valid; the count follows the fuzz's own 201/204s.
  for (const [id, was] of seeded) expect((await api('GET', `/employees/${id}`)).json).toEqual(was);
  const created = outcomes.filter(({ r, o }) => o.status === 201 && r.method === 'POST').length;
  const deleted = outcomes.filter(({ r, o }) => o.status === 204 && r.method === 'DELETE').length;
  const after = await listAll();
  expect(after.length).toBe(before + created - deleted);
  for (const e of after) {
    expect(e).toEqual(
      expect.objectContaining({ id: expect.stringMatching(/^E[0-9]{6}$/), department: expect.stringMatching(/^[A-Z]{2,8}$/), email: expect.stringMatching(/^[^@\s]+@[^@\s]+\.[^@\s]+$/) }),
    );
    expect(isCalendarDate(String(e.hireDate))).toBe(true);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  const logs = JSON.stringify(io.messages);
  for (const s of ['FUZZ_SECRET_CODE', 'FUZZ_SECRET_TOKEN', 'FUZZ_SECRET_KEY', token.split('.')[2]!]) expect(logs).not.toContain(s);
  // eslint-disable-next-line no-control-regex -- the raw control characters are what must not appear
  for (const m of io.messages) expect(m.message).not.toMatch(/[\r\u001b\u009b\u2028\u2029]/);
}, 600_000);
