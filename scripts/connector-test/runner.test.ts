/**
 * `connectorkit test` against the sample on the real local host (Azurite storage, dev issuer): every sample scenario
 * passes; a scenario with a wrong expected status, and a response broken on the wire (a fault-injecting proxy), each
 * fail naming the operation and the JSON pointer, with a non-zero exit and a JUnit report.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RecordingIoHost, SilentIoHost } from '../core/io';
import { startHost, type HostHandle } from '../host';
import { startDevServices, type DevServices } from '../dev-services';
import { buildSampleProject, type SampleProject } from '../testing/sample-project';
import { loadConnector } from './definition';
import { loadScenarios } from './scenarios';
import { runConnectorTests } from './runner';
import { resolveTarget } from './target';

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'scripts/bin/connectorkit.cjs');

let project: SampleProject;
let dev: DevServices;
let host: HostHandle;

beforeAll(async () => {
  project = await buildSampleProject();
  const keyFile = path.join(project.dir, '.connectorkit', 'dev-issuer', 'signing-key.json');
  dev = await startDevServices(project.loaded, new SilentIoHost(), { issuerPort: 0, processEnv: {}, keyFile });
  host = await startHost({ appDir: project.appDir, port: 0, io: new RecordingIoHost(), env: dev.env, specFile: project.specFile });
}, 180_000);

afterAll(async () => {
  await host?.close();
  await dev?.stop();
  project?.remove();
});

const model = () => loadConnector(path.join(REPO, 'connector'));

describe('connectorkit test on the sample', () => {
  it('runs every sample scenario against the local host and all pass; every operation has a scenario', async () => {
    const m = model();
    const scenarios = loadScenarios(path.join(REPO, 'functions/scenarios'), m);
    // Every action a maker sees has a scenario; triggers and the internal unsubscribe action are listed as skipped
    // (the runner does not fire triggers yet: `connectorkit trigger` does).
    const triggerPaths = [...m.operations.values()].filter((o) => o.trigger).map((o) => `${o.path}/`);
    const actions = [...m.operations.values()].filter((o) => !o.trigger && !triggerPaths.some((t) => o.path.startsWith(t))).map((o) => o.operationId);
    const notRun = [...m.operations.keys()].filter((id) => !actions.includes(id));
    expect(notRun.sort()).toEqual(['DeleteEmployeeAddedSubscription', 'OnEmployeeAdded', 'OnEmployeeChanged']);
    expect(new Set(scenarios.map((s) => s.operationId))).toEqual(new Set(actions));
    const io = new RecordingIoHost();
    const target = await resolveTarget({ loaded: project.loaded, baseUrl: `${host.url}/api` });
    const r = await runConnectorTests({ model: m, scenarios, target }, io);
    if (process.env.CK_PRINT_REPORT) process.stderr.write(`\n${io.messages.map((x) => x.message).join('\n')}\n`);
    expect(r.cases.filter((c) => !c.ok)).toEqual([]);
    expect([r.passed, r.failed, r.skipped]).toEqual([scenarios.length, 0, notRun.length]);
    expect(
      r.cases
        .filter((c) => c.skipped)
        .map((c) => c.operationId)
        .sort(),
    ).toEqual(notRun.sort());
    const paged = r.cases.find((c) => c.operationId === 'ListEmployees')!;
    expect(paged.pages).toBeGreaterThanOrEqual(2);
    expect(io.messages.filter((x) => /^PASS /.test(x.message))).toHaveLength(scenarios.length);
  }, 120_000);

  it('a wrong expected status fails with the operation and the pointer, exit 1, and a JUnit failure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ck-scenarios-'));
    cpSync(path.join(REPO, 'functions/scenarios'), dir, { recursive: true });
    const f = path.join(dir, '08-get-me.json');
    writeFileSync(f, readFileSync(f, 'utf8').replace('"status": 200', '"status": 201'));
    const junit = path.join(dir, 'report.xml');
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, 'test', '--base-url', `${host.url}/api`, '--scenarios', dir, '--connector', path.join(REPO, 'connector'), '--junit', junit, '--json'],
        { cwd: project.dir, env: { ...process.env, NO_COLOR: '1' } },
        (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.error.code).toBe('CK_TEST_FAILED');
    expect(doc.error.details).toEqual([{ code: 'CK_TEST_STATUS', message: 'GetMe (08-get-me): expected status 201, got 200', target: 'GetMe#/expect/status' }]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="connectorkit test" tests="14" failures="1" skipped="3"/);
    expect(xml).toMatch(/<failure type="status" message="\/expect\/status: expected status 201, got 200">/);
  }, 120_000);

  it('a response that breaks its schema (injected on the wire) fails with the JSON pointer of the bad value', async () => {
    // A proxy in front of the host corrupts one field of ListDepartments' answer, as a broken backend would.
    const upstream = new URL(host.url);
    const proxy = http.createServer((req, res) => {
      const up = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (ur) => {
        const chunks: Buffer[] = [];
        ur.on('data', (c: Buffer) => chunks.push(c));
        ur.on('end', () => {
          let body = Buffer.concat(chunks).toString('utf8');
          if (req.url === '/api/departments') {
            const j = JSON.parse(body);
            j.value[1].costCenter = 42;
            body = JSON.stringify(j);
          }
          const headers = { ...ur.headers, 'content-length': String(Buffer.byteLength(body)) };
          res.writeHead(ur.statusCode ?? 502, headers);
          res.end(body);
        });
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const m = model();
      const target = await resolveTarget({ loaded: project.loaded, baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api` });
      const r = await runConnectorTests({ model: m, scenarios: loadScenarios(path.join(REPO, 'functions/scenarios'), m), target, only: ['ListDepartments'] }, new RecordingIoHost());
      expect(r.failed).toBe(1);
      expect(r.cases[0]).toMatchObject({ operationId: 'ListDepartments', ok: false, failures: [{ check: 'schema', pointer: '/value/1/costCenter', message: '/value/1/costCenter must be string' }] });
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  }, 60_000);
});
