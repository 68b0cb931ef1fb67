/**
 * `up` with powerPlatform configured, against the ARM, Graph, SCM, token and Dataverse doubles from an empty
 * subscription: provision, deploy and publish in one graph; the connector row ends up in the solution and its
 * redirect URI on the connector app; a second `up` writes nothing anywhere. A missing solution stops the run in the
 * read-only preflight, before any write.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RecordingIoHost } from '../core/io';
import { isCkError } from '../core/errors';
import { CLIENT_ID, cliEnv, secretsInFiles, type Doubles } from '../testing/deploy-harness';
import { startDataverseDouble, type DataverseDouble } from '../testing/dataverse-double/dataverse-double';
import { renderProvision } from './render';
import { up } from './up';
import { startEmptyDoubles, makeEmptyProject, upOptions } from '../testing/provision-harness';

const SOLUTION = 'ContosoHR';

async function start(solutions: Array<{ uniquename: string }>): Promise<{ d: Doubles; dv: DataverseDouble; root: string }> {
  const d = await startEmptyDoubles();
  const dv = await startDataverseDouble({ applicationUsers: [CLIENT_ID], solutions });
  return { d, dv, root: makeEmptyProject(d, { powerPlatform: { environmentUrl: dv.url, solution: SOLUTION } }) };
}

describe('up with powerPlatform configured', () => {
  let f: { d: Doubles; dv: DataverseDouble; root: string } | undefined;
  afterEach(async () => {
    if (!f) return;
    expect([...f.d.violations(), ...f.dv.violations]).toEqual([]);
    await f.d.close();
    await f.dv.close();
    f = undefined;
  });

  it('provisions, deploys and publishes in one plan; a second up writes nothing on ARM, Graph, SCM or Dataverse', async () => {
    f = await start([{ uniquename: SOLUTION }]);
    const { d, dv, root } = f;
    const sink: string[] = [];
    const plan = await up(upOptions(root, true), new RecordingIoHost());
    expect([d.writes(), dv.writes()]).toEqual([{ arm: 0, graph: 0, scm: 0 }, 0]);
    const pub = plan.changes.filter((c) => c.stage === 'publish');
    expect(pub.map((c) => `${c.action} ${c.note}`)).toEqual(['create planned in full once deploy has exported connector/']);

    const first = await up(upOptions(root, false), new RecordingIoHost()).catch((e) => {
      throw new Error(JSON.stringify(isCkError(e) ? [e.code, e.message, e.details] : String(e)));
    });
    sink.push(renderProvision(first, 'Up'));
    expect(first.changes.filter((c) => c.stage === 'publish').map((c) => `${c.action} ${c.resource.split(' ')[0]}`)).toEqual(['create connector', 'update redirect']);
    expect(dv.state.connectors).toHaveLength(1);
    expect(dv.state.solutionComponents).toEqual([{ solution: SOLUTION, connectorid: String(dv.state.connectors[0]!.connectorid) }]);
    const app = d.graph.state.applications.find((a) => a.uniqueName === 'ck-test-employees-connector')!;
    expect(app.web.redirectUris).toContain(`https://global.consent.azure-apim.net/redirect/${String(dv.state.connectors[0]!.connectorinternalid)}`);

    const before = [d.writes(), dv.writes()];
    const again = await up(upOptions(root, false), new RecordingIoHost());
    expect(again.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    expect(again.changes.filter((c) => c.stage === 'publish').map((c) => c.action)).toEqual(['no-op', 'no-op']);
    expect([d.writes(), dv.writes()]).toEqual(before);
    for (const s of d.secrets()) expect(sink.join('\n')).not.toContain(s);
  }, 240_000);

  it('a missing solution → CK_PUBLISH_SOLUTION_NOT_FOUND before any write on ARM, Graph, SCM or Dataverse', async () => {
    f = await start([]);
    const { d, dv, root } = f;
    const err = await up(upOptions(root, false), new RecordingIoHost()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCkError(err) && [err.code, err.target]).toEqual(['CK_PUBLISH_SOLUTION_NOT_FOUND', 'infra/environments/test.json#powerPlatform.solution']);
    expect([d.writes(), dv.writes()]).toEqual([{ arm: 0, graph: 0, scm: 0 }, 0]);
  }, 120_000);

  it('a connector write that keeps failing after the export fails the run with a publish code, and no row is made', async () => {
    f = await start([{ uniquename: SOLUTION }]);
    const { dv, root } = f;
    // Every create of the connector row fails (500 until the retries are spent).
    dv.setFaultRate(1, { kinds: ['500'], match: /^POST .*connectors/ });
    const err = await up(upOptions(root, false), new RecordingIoHost()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCkError(err) && err.code).toMatch(/^CK_PUBLISH_/);
    expect(dv.state.connectors).toHaveLength(0);
  }, 120_000);
});

describe('connectorkit up (CLI) with powerPlatform and --create-client-secret', () => {
  it('the secret deploy creates is the one publish sends with the connector; it reaches the file only', async () => {
    const d = await startEmptyDoubles();
    const dv = await startDataverseDouble({ applicationUsers: [CLIENT_ID], solutions: [{ uniquename: SOLUTION }] });
    try {
      const root = makeEmptyProject(d, { powerPlatform: { environmentUrl: dv.url, solution: SOLUTION } });
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'ck-up-secret-')), 'connector.secret');
      const bin = path.resolve(__dirname, '../bin/connectorkit.cjs');
      const { CK_CONNECTOR_CLIENT_SECRET: _none, ...env } = cliEnv();
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [bin, 'up', '--env', 'test', '--auth', 'env', '--yes', '--create-client-secret', '--client-secret-file', file, '--json'],
          { cwd: root, env, maxBuffer: 1 << 24 },
          (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect([run.code, run.stderr.slice(-2000)]).toEqual([0, expect.any(String)]);
      const secret = readFileSync(file, 'utf8').trim();
      expect(secret.length).toBeGreaterThan(20);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // Publish sent exactly that secret with the connector's OAuth connection parameter.
      const row = dv.state.connectors[0]!;
      expect(dv.state.secretStore[String(row.connectorid)]).toEqual({ token: secret });
      // …and it is nowhere else: not in the output, not in the project's files.
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
      expect(secretsInFiles(root, [secret])).toEqual([]);
      expect([...d.violations(), ...dv.violations]).toEqual([]);
    } finally {
      await d.close();
      await dv.close();
    }
  }, 240_000);
});
