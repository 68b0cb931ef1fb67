/**
 * Triggers on the local host with Azurite (the sample's "When an employee is added"):
 * - event-to-delivery latency: from the CreateEmployee response (the event is raised just before it) to the
 *   notification's arrival at a receiver on 127.0.0.1: subscriber lookup, outbox transaction and POST. Target p50
 *   ≤ 50 ms. The note also gives the figure from the request's start (the create's own storage write included).
 * - request overhead of raising an event: CreateEmployee p50 with one subscriber (publish runs) minus the same
 *   request on a build of the sample whose CreateEmployee does not publish. Each request starts once the previous
 *   event's delivery is finished (its row deleted), so the figure is the request's own cost, not a queue behind the
 *   previous event's storage calls on the shared Azurite. Requests alternate between the two hosts, one of each in turn. Target ≤ 0.5 ms.
 */
import * as http from 'node:http';
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { RecordingIoHost, SilentIoHost } from '../scripts/core/io';
import { startHost, type HostHandle } from '../scripts/host';
import { startDevServices } from '../scripts/dev-services';
import { buildSampleProject, type SampleProject } from '../scripts/testing/sample-project';
import { KeySet, loadOrCreateKey, mintAccessToken } from '../scripts/auth-dev';
import { startReceiver } from '../scripts/triggers';
import { percentile, type BenchLine } from './types';

const EVENTS = 60;
const ROUNDS = 8;
const PER_ROUND = 40;

/** The bench's "not raising" variant: CreateEmployee without its publish() line. */
function withoutPublish(dir: string): void {
  const f = path.join(dir, 'functions', 'controllers', 'employees.ts');
  const src = readFileSync(f, 'utf8');
  const out = src.replace(/^\s*void employeeAdded\.publish\(e\);\n/m, '');
  if (out === src) throw new Error('bench: the publish call in CreateEmployee was not found');
  writeFileSync(f, out);
}

let seq = 0;
const hire = () => {
  seq++;
  return JSON.stringify({
    id: `E${String(100000 + seq).padStart(6, '0')}`,
    givenName: 'Bench',
    familyName: `B${seq}`,
    email: `b${seq}@contoso.example`,
    jobTitle: 'Tester',
    department: 'ENG',
    employmentType: 'FullTime',
    hireDate: '2025-03-01',
  });
};

/** Resolves when the host logged that this delivery finished (row deleted). */
async function delivered(io: RecordingIoHost, deliveryId: string): Promise<void> {
  const needle = `delivery ${deliveryId} `;
  while (!io.messages.some((m) => m.message.includes(needle) && m.message.includes(' delivered:'))) await new Promise((r) => setTimeout(r, 2));
}

function post(agent: http.Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const r = http.request(
      { agent, method: 'POST', host: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

export async function bench(): Promise<BenchLine[]> {
  const projects: SampleProject[] = [];
  const hosts: HostHandle[] = [];
  const on = await buildSampleProject();
  projects.push(on);
  const off = await buildSampleProject({ edit: withoutPublish });
  projects.push(off);
  const keyFile = path.join(on.dir, '.connectorkit', 'dev-issuer', 'signing-key.json');
  const dev = await startDevServices(on.loaded, new SilentIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
  const arrivals = new Map<string, bigint>();
  const receiver = await startReceiver({ onNotification: (n) => arrivals.set(JSON.parse(n.body).id, process.hrtime.bigint()) });
  try {
    const io = new SilentIoHost();
    const ioOn = new RecordingIoHost();
    const hOn = await startHost({ appDir: on.appDir, port: 0, io: ioOn, env: dev.env });
    hosts.push(hOn);
    const hOff = await startHost({ appDir: off.appDir, port: 0, io, env: dev.env });
    hosts.push(hOff);
    const keys = new KeySet();
    await loadOrCreateKey(keys, keyFile);
    const token = await mintAccessToken(keys, { baseUrl: dev.urls.issuer!, scopes: ['user_impersonation'] });
    const sub = await fetch(`${hOn.url}/api/employee-events/added`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ callbackUrl: `${receiver.url}/bench` }),
    });
    if (sub.status !== 201) throw new Error(`bench: subscribe answered ${sub.status}`);
    const agentOn = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const agentOff = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const urlOn = new URL(`${hOn.url}/api/employees`);
    const urlOff = new URL(`${hOff.url}/api/employees`);

    // Event-to-delivery: one event at a time, waiting for its notification before the next.
    const latency: number[] = [];
    const fromStart: number[] = [];
    const createOn = async () => {
      const body = hire();
      const id = JSON.parse(body).id as string;
      const t0 = process.hrtime.bigint();
      const ms = await post(agentOn, urlOn, token, body);
      const t1 = process.hrtime.bigint();
      const n = await receiver.waitFor((x) => x.path === '/bench' && JSON.parse(x.body).id === id);
      await delivered(ioOn, n.deliveryId!);
      return { ms, fromResponse: Number(arrivals.get(id)! - t1) / 1e6, fromStart: Number(arrivals.get(id)! - t0) / 1e6 };
    };
    for (let i = 0; i < EVENTS + 5; i++) {
      const r = await createOn();
      if (i >= 5) {
        latency.push(r.fromResponse);
        fromStart.push(r.fromStart);
      }
    }

    // Raising vs not: the same create on both builds, alternating rounds (warm-up first).
    for (let i = 0; i < 20; i++) {
      await createOn();
      await post(agentOff, urlOff, token, hire());
    }
    const a: number[] = [];
    const b: number[] = [];
    // One of each in turn, the order swapped every pair: blocks of one kind would each catch their own GC pauses and
    // Azurite compactions, which moved this p50 difference by ±0.5 ms from run to run.
    for (let i = 0; i < ROUNDS * PER_ROUND; i++) {
      if (i % 2 === 0) {
        a.push((await createOn()).ms);
        b.push(await post(agentOff, urlOff, token, hire()));
      } else {
        b.push(await post(agentOff, urlOff, token, hire()));
        a.push((await createOn()).ms);
      }
    }
    agentOn.destroy();
    agentOff.destroy();
    const p50 = percentile(latency, 50);
    const overhead = percentile(a, 50) - percentile(b, 50);
    return [
      {
        name: 'webhook event-to-delivery latency, p50 (CreateEmployee response → notification at a 127.0.0.1 receiver; Azurite outbox)',
        value: `${p50.toFixed(2)} ms`,
        baseline: '-',
        ratio: p50,
        target: '≤ 50 ms',
        pass: p50 <= 50,
        note: `${latency.length} events; p90 ${percentile(latency, 90).toFixed(2)} ms; from the request's start p50 ${percentile(fromStart, 50).toFixed(2)} ms`,
      },
      {
        name: 'request overhead of raising an event, p50 (CreateEmployee with one subscriber − the same build without publish)',
        value: `${percentile(a, 50).toFixed(3)} ms`,
        baseline: `${percentile(b, 50).toFixed(3)} ms`,
        ratio: overhead,
        target: '≤ 0.5 ms overhead',
        pass: overhead <= 0.5,
        note: `overhead ${overhead.toFixed(3)} ms; ${a.length}+${b.length} requests`,
      },
    ];
  } finally {
    for (const h of hosts) await h.close();
    await receiver.close();
    await dev.stop();
    for (const p of projects) p.remove();
  }
}
