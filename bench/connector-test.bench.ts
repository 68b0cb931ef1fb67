/**
 * `connectorkit test` over the sample's scenarios vs the same scenario requests sent directly with fetch (no policy
 * step, no dynamic-values lookups, no schema checks, no paging logic beyond following nextLink), both against one
 * local host with Azurite and the dev issuer. Rounds alternate so drift on a shared machine hits both; medians are
 * compared. Target: the runner takes ≤ 1.5× the direct time.
 */
import * as path from 'node:path';
import { SilentIoHost } from '../scripts/core/io';
import { startHost } from '../scripts/host';
import { startDevServices } from '../scripts/dev-services';
import { buildSampleProject } from '../scripts/testing/sample-project';
import { loadConnector, loadScenarios, resolveTarget, runConnectorTests } from '../scripts/connector-test';
import { median, type BenchLine } from './types';

const ROUNDS = 7;
const REPO = path.resolve(__dirname, '..');

/** The sample scenarios' requests, written out by hand: what a team without the runner would send. */
async function direct(api: string, auth: string, n: number): Promise<void> {
  const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(p.startsWith('http') ? p : `${api}${p}`, {
      method,
      headers: { authorization: auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const id = (k: number) => `E${String(50000 + n).padStart(5, '0')}${k}`;
  const hire = (k: number, given: string) => ({
    id: id(k),
    givenName: given,
    familyName: 'Bench',
    email: `${given}.${n}@contoso.example`,
    jobTitle: 'Rear Admiral',
    department: 'ENG',
    employmentType: 'FullTime',
    hireDate: '2025-01-15',
    workAddress: { street: '1 Navy Way', city: 'Arlington', region: 'VA', postalCode: '22201', country: 'US' },
  });
  await call('GET', '/departments');
  await call('POST', '/employees', hire(1, 'grace'));
  await call('POST', '/employees', hire(2, 'ada'));
  const got = await call('GET', `/employees/${id(1)}`);
  const upd = await call('PATCH', `/employees/${id(1)}`, { jobTitle: 'Commodore', department: 'ENG' }, { 'if-match': got.body.etag });
  await call('PATCH', `/employees/${id(1)}`, { jobTitle: 'Admiral' }, { 'if-match': 'W/"stale"' });
  let page = await call('GET', '/employees?department=ENG&top=1');
  while (page.body?.nextLink) page = await call('GET', page.body.nextLink);
  await call('GET', '/me');
  await call('DELETE', `/employees/${id(1)}`, undefined, { 'if-match': upd.body.etag });
  await call('GET', `/employees/${id(1)}`);
  await call('DELETE', `/employees/${id(2)}`);
}

export async function bench(): Promise<BenchLine[]> {
  const project = await buildSampleProject();
  const keyFile = path.join(project.dir, '.connectorkit', 'dev-issuer', 'signing-key.json');
  const dev = await startDevServices(project.loaded, new SilentIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
  const host = await startHost({ appDir: project.appDir, port: 0, io: new SilentIoHost(), env: dev.env, specFile: project.specFile });
  try {
    const api = `${host.url}/api`;
    const model = loadConnector(path.join(REPO, 'connector'));
    const scenarios = loadScenarios(path.join(REPO, 'functions/scenarios'), model);
    const target = await resolveTarget({ loaded: project.loaded, baseUrl: api });
    const auth = (await target.authorization!())!;
    const runner: number[] = [];
    const plain: number[] = [];
    let failed = 0;
    // Warm-up: JIT, schema compilation per process is part of every real run, so only the host is warmed.
    await direct(api, auth, 0);
    for (let r = 1; r <= ROUNDS; r++) {
      let t0 = performance.now();
      const rep = await runConnectorTests({ model, scenarios, target }, new SilentIoHost());
      runner.push(performance.now() - t0);
      failed += rep.failed;
      t0 = performance.now();
      await direct(api, auth, r);
      plain.push(performance.now() - t0);
    }
    const a = median(runner);
    const b = median(plain);
    return [
      {
        name: `connectorkit test over the sample's ${scenarios.length} scenarios vs the same requests sent directly (median of ${ROUNDS})`,
        value: `${a.toFixed(0)} ms`,
        baseline: `${b.toFixed(0)} ms`,
        ratio: a / b,
        target: '≤ 1.5×',
        pass: a / b <= 1.5 && failed === 0,
        note: `runner adds a dynamic-values lookup (cached per run), response schema checks (compiled once per process) and policies; ${failed} scenario failures`,
      },
    ];
  } finally {
    await host.close();
    await dev.stop();
    project.remove();
  }
}
