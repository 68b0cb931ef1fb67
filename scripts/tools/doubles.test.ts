/**
 * `npm run doubles`: the doubles left running for a walk by hand. Started on a project, it writes the env file; the
 * real CLI then runs `up` against it (from an empty subscription to a published connector) and a second `up` writes
 * nothing; stopping the tool reports zero contract violations and removes the env file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'scripts/bin/connectorkit.cjs');

function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 1 << 24, timeout: 150_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('npm run doubles', () => {
  let tool: ChildProcess | undefined;
  let project: string | undefined;
  afterAll(() => {
    if (tool && tool.exitCode === null) tool.kill('SIGKILL');
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('serves a walk by hand: up from an empty subscription to a published connector, then a no-op up; stops clean', async () => {
    // A built project (the deploy fixture's dist) with the repo's infra/, as a team has it.
    project = mkdtempSync(path.join(tmpdir(), 'ck-doubles-'));
    cpSync(path.join(REPO, 'scripts/deploy/testdata/project'), project, { recursive: true });
    cpSync(path.join(REPO, 'infra'), path.join(project, 'infra'), { recursive: true });
    tool = spawn(process.execPath, [path.join(REPO, 'scripts/bin/run-ts.js'), path.join(REPO, 'scripts/tools/doubles.ts'), '--project', project, '--json'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: tool.stdout! })[Symbol.asyncIterator]();
    let ready: { ready: boolean; envFile: string; env: string; vars: Record<string, string>; names: { functionApp: string } };
    try {
      ready = JSON.parse(String((await lines.next()).value)) as typeof ready;
      expect(ready).toMatchObject({ ready: true, env: 'doubles', envFile: path.join(project, 'infra/environments/doubles.json') });
      const envFile = JSON.parse(readFileSync(ready.envFile, 'utf8')) as Record<string, any>;
      // The project's own dev.json, pointed at the doubles through a custom cloud.
      expect(envFile).toMatchObject({ api: { id: 'employees' }, cloud: { name: 'npm-run-doubles' }, powerPlatform: { solution: 'ConnectorKitDoubles' } });
      const env = { ...process.env, ...ready.vars, NO_COLOR: '1' };
      const first = await cli(project, ['up', '--env', 'doubles', '--auth', 'env', '--yes', '--json'], env);
      expect([first.code, first.code ? first.stdout + first.stderr : '']).toEqual([0, '']);
      const r = JSON.parse(first.stdout) as { result: { names: { functionApp: string }; changes: Array<{ stage: string; action: string }> } };
      expect(r.result.names.functionApp).toBe(ready.names.functionApp);
      expect(r.result.changes.filter((c) => c.stage === 'publish').map((c) => c.action)).toEqual(['create', 'update']);
      const again = await cli(project, ['up', '--env', 'doubles', '--auth', 'env', '--yes', '--json'], env);
      expect(again.code).toBe(0);
      expect((JSON.parse(again.stdout) as typeof r).result.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    } finally {
      tool.kill('SIGINT');
    }
    const stopped = JSON.parse(String((await lines.next()).value)) as { stopped: boolean; violations: unknown[]; writes: Record<string, number> };
    expect(stopped).toMatchObject({ stopped: true, violations: [] });
    expect(stopped.writes.arm).toBeGreaterThan(10);
    expect(stopped.writes.dataverse).toBeGreaterThan(0);
    expect(existsSync(ready.envFile)).toBe(false);
  }, 240_000);
});
