/**
 * The sample's triggers end to end over real HTTP: the built sample on the local host, subscriptions and the
 * delivery outbox in Azurite, notifications POSTed to a real receiver on 127.0.0.1 (scripts/triggers/receiver.ts).
 * Waits are for observable events (a notification arriving, a host log line), never for a fixed time.
 */
import * as path from 'node:path';
import { RecordingIoHost, SilentIoHost } from '../core/io';
import { startHost, type HostHandle } from '../host';
import { startDevServices, type DevServices } from './index';
import { buildSampleProject, type SampleProject } from '../testing/sample-project';
import { mintAccessToken } from '../auth-dev/mint';
import { KeySet, loadOrCreateKey } from '../auth-dev/keys';
import { startReceiver, type Notification, type Receiver } from '../triggers/receiver';
import { verifyDeliverySignature } from '../runtime/triggers/signature';
import { findTrigger } from '../triggers/find-trigger';
import { runTrigger } from '../triggers/run-trigger';
import { readFileSync } from 'node:fs';

let project: SampleProject;
let dev: DevServices;
let host: HostHandle;
let api: string;
let token: string;
let receiver: Receiver;
let hostIo = new RecordingIoHost();
/** Per path: statuses to answer in order (then 200). */
const script = new Map<string, number[]>();

/** Fast retries and sweeps so the tests wait for events, not for production backoffs. */
const TRIGGER_ENV = { CK_TRIGGER_RETRY_BASE_MS: '150', CK_TRIGGER_RETRY_MAX_MS: '2000', CK_TRIGGER_SWEEP_MS: '200', CK_TRIGGER_DELIVERY_TIMEOUT_MS: '2000' };

const startApi = async (extra: Record<string, string> = {}) => {
  hostIo = new RecordingIoHost();
  host = await startHost({ appDir: project.appDir, port: 0, io: hostIo, env: { ...dev.env, ...TRIGGER_ENV, ...extra }, specFile: project.specFile });
  api = `${host.url}/api`;
};

const call = async (method: string, p: string, body?: unknown) => {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(p.startsWith('http') ? p : `${api}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : undefined };
};

let nextId = 900;
const hire = () => ({
  id: `E${String(++nextId).padStart(6, '0')}`,
  givenName: 'Ada',
  familyName: `Lovelace${nextId}`,
  email: `ada${nextId}@contoso.example`,
  jobTitle: 'Analyst',
  department: 'ENG',
  employmentType: 'FullTime',
  hireDate: '2025-02-01',
});

/** Resolves when the host's app log has a `[triggers]` line matching `re` (polls the recorded log; no fixed sleep). */
async function logLine(re: RegExp): Promise<string> {
  for (;;) {
    const hit = hostIo.messages.find((m) => m.message.startsWith('[app] [triggers]') && re.test(m.message));
    if (hit) return hit.message;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const subscribe = async (receiverPath: string) => {
  const r = await call('POST', '/employee-events/added', { callbackUrl: `${receiver.url}${receiverPath}` });
  expect(r.status).toBe(201);
  return { location: r.headers.get('location')!, secret: r.body.signingKey as string, id: r.body.id as string };
};

const onPath = (p: string) => (n: Notification) => n.path === p;

beforeAll(async () => {
  project = await buildSampleProject();
  const keyFile = path.join(project.dir, '.connectorkit', 'dev-issuer', 'signing-key.json');
  dev = await startDevServices(project.loaded, new SilentIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
  await startApi();
  const keys = new KeySet();
  await loadOrCreateKey(keys, keyFile);
  token = await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, scopes: ['user_impersonation'] });
  receiver = await startReceiver({ respond: (n, p) => script.get(p)?.[n] ?? 200 });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await receiver?.close();
  await dev?.stop();
  project?.remove();
});

describe('webhook trigger "When an employee is added"', () => {
  it('subscribe → create → exactly one signed notification with the employee → unsubscribe → no more', async () => {
    const sub = await subscribe('/one');
    expect(sub.location).toBe(`${api}/employee-events/added/${sub.id}`);
    const created = await call('POST', '/employees', hire());
    expect(created.status).toBe(201);
    const note = await receiver.waitFor(onPath('/one'));
    expect(JSON.parse(note.body)).toEqual(created.body);
    expect(note.trigger).toBe('employee-added');
    expect(verifyDeliverySignature(sub.secret, note.body, note.signature)).toBe(true);
    expect(verifyDeliverySignature(sub.secret, `${note.body} `, note.signature)).toBe(false);
    await logLine(new RegExp(`delivery ${note.deliveryId} of employee-added \\(attempt 1\\) delivered`));
    expect(receiver.received.filter(onPath('/one'))).toHaveLength(1);

    expect((await call('DELETE', sub.location)).status).toBe(204);
    // A witness subscription proves the next event went out; the removed one was not among its deliveries.
    await subscribe('/witness');
    const second = await call('POST', '/employees', hire());
    const witnessed = await receiver.waitFor((n) => n.path === '/witness' && JSON.parse(n.body).id === second.body.id);
    expect(witnessed.status).toBe(200);
    const eventId = witnessed.deliveryId!.split('_')[0];
    expect(await logLine(new RegExp(`event ${eventId} of employee-added: \\d+ deliver`))).toMatch(/: 1 delivery recorded/);
    expect(receiver.received.filter(onPath('/one'))).toHaveLength(1);
    expect((await call('DELETE', sub.location)).body.error.code).toBe('CK_TRIGGER_SUBSCRIPTION_NOT_FOUND');
  });

  it('a receiver answering 500 twice then 200 gets the notification once (same delivery id on each attempt)', async () => {
    script.set('/flaky', [500, 500]);
    const sub = await subscribe('/flaky');
    const created = await call('POST', '/employees', hire());
    const ok = await receiver.waitFor((n) => n.path === '/flaky' && n.status === 200);
    const attempts = receiver.received.filter(onPath('/flaky'));
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(new Set(attempts.map((a) => a.deliveryId))).toEqual(new Set([ok.deliveryId]));
    expect(JSON.parse(ok.body).id).toBe(created.body.id);
    await logLine(new RegExp(`delivery ${ok.deliveryId} .*attempt 3\\) delivered`));
    expect((await call('DELETE', sub.location)).status).toBe(204);
  });

  it('a receiver answering 410 loses its subscription', async () => {
    script.set('/gone', [410]);
    const sub = await subscribe('/gone');
    await call('POST', '/employees', hire());
    const gone = await receiver.waitFor(onPath('/gone'));
    await logLine(new RegExp(`delivery ${gone.deliveryId} .* answered 410: subscription ${sub.id} removed`));
    const del = await call('DELETE', sub.location);
    expect([del.status, del.body.error.code]).toEqual([404, 'CK_TRIGGER_SUBSCRIPTION_NOT_FOUND']);
  });

  it('refuses a callback URL that is not https or loopback http', async () => {
    const r = await call('POST', '/employee-events/added', { callbackUrl: 'http://example.com/hook' });
    expect([r.status, r.body.error.code, r.body.error.target]).toEqual([400, 'CK_TRIGGER_CALLBACK_URL_INVALID', 'body.callbackUrl']);
  });

  it('a host restart between the event and its delivery loses nothing and duplicates nothing', async () => {
    script.set('/restart', [503]);
    await host.close();
    // The first host retries after ≥ 1.2 s; it is stopped as soon as it has recorded that retry.
    await startApi({ CK_TRIGGER_RETRY_BASE_MS: '1500' });
    const sub = await subscribe('/restart');
    const created = await call('POST', '/employees', hire());
    const first = await receiver.waitFor(onPath('/restart'));
    await logLine(new RegExp(`delivery ${first.deliveryId} .*answered 503: retry in`));
    await host.close();
    await startApi();
    const ok = await receiver.waitFor((n) => n.path === '/restart' && n.status === 200);
    expect(ok.deliveryId).toBe(first.deliveryId);
    expect(JSON.parse(ok.body).id).toBe(created.body.id);
    await logLine(new RegExp(`delivery ${ok.deliveryId} .*delivered`));
    const all = receiver.received.filter(onPath('/restart'));
    expect(all.map((a) => a.status)).toEqual([503, 200]);
    // The Location names the first host; the restarted one listens on another port.
    expect((await call('DELETE', `${api}${new URL(sub.location).pathname.replace(/^\/api/, '')}`)).status).toBe(204);
  });
});

describe('polling trigger "When an employee changes"', () => {
  it('202 + Location + Retry-After when idle, 200 with exactly the new items after a create, then 202 again', async () => {
    const first = await call('GET', '/employee-events/changes');
    expect(first.status).toBe(202);
    expect(first.headers.get('retry-after')).toBe('60');
    const loc1 = first.headers.get('location')!;
    expect(new URL(loc1).searchParams.get('since')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const idle = await call('GET', loc1);
    expect([idle.status, idle.headers.get('location'), idle.headers.get('retry-after')]).toEqual([202, loc1, '60']);

    const a = await call('POST', '/employees', hire());
    const b = await call('POST', '/employees', hire());
    const batch = await call('GET', loc1);
    expect(batch.status).toBe(200);
    expect(batch.body.value.map((e: { id: string }) => e.id)).toEqual([a.body.id, b.body.id]);
    const loc2 = batch.headers.get('location')!;
    expect(new URL(loc2).searchParams.get('since')).toBe(b.body.updatedAt);

    const after = await call('GET', loc2);
    expect([after.status, after.headers.get('location')]).toEqual([202, loc2]);
  });

  it('answers 400 CK_TRIGGER_STATE_INVALID for a state it did not issue', async () => {
    const r = await call('GET', '/employee-events/changes?since=yesterday');
    expect([r.status, r.body.error.code, r.body.error.target]).toEqual([400, 'CK_TRIGGER_STATE_INVALID', 'query.since']);
  });
});

describe('connectorkit trigger (the stage behind the command)', () => {
  const spec = () => JSON.parse(readFileSync(project.specFile, 'utf8'));

  it('webhook: subscribes a local receiver, reports the notification with a valid signature, unsubscribes', async () => {
    const io = new RecordingIoHost();
    let created: Promise<{ body: { id: string } }> | undefined;
    const result = await runTrigger(io, {
      trigger: findTrigger(spec(), 'OnEmployeeAdded'),
      baseUrl: api,
      token,
      count: 1,
      signal: AbortSignal.timeout(60_000),
      onReady: () => (created = call('POST', '/employees', hire())),
    });
    const employee = (await created!).body;
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ signatureValid: true, items: [expect.objectContaining({ id: employee.id })] });
    expect(result.unsubscribed).toBe(true);
    expect(io.messages.map((m) => m.message).join('\n')).toMatch(/Subscribed to OnEmployeeAdded[\s\S]*signature valid[\s\S]*Unsubscribed/);
  });

  it('polling: follows Location, and prints the batch with exactly the new employee', async () => {
    let created: Promise<{ body: { id: string } }> | undefined;
    const result = await runTrigger(new RecordingIoHost(), {
      trigger: findTrigger(spec(), 'onemployeechanged'),
      baseUrl: api,
      token,
      count: 1,
      intervalSeconds: 0.05,
      signal: AbortSignal.timeout(60_000),
      onReady: () => (created = call('POST', '/employees', hire())),
    });
    const employee = (await created!).body;
    expect(result.events.map((e) => e.items.map((i) => (i as { id: string }).id))).toEqual([[employee.id]]);
  });

  it('names the triggers when the operationId is not one', () => {
    expect(() => findTrigger(spec(), 'ListEmployees')).toThrow(/Triggers: OnEmployeeAdded \(webhook: When an employee is added\), OnEmployeeChanged \(polling: When an employee changes\)/);
  });
});
