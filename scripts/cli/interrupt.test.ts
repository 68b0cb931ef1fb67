/**
 * Ctrl+C on a command that does not watch the signal (build here) stops it at once with CK_INTERRUPTED, leaves no
 * half-written output, and a re-run finishes the job.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { copyFixtureProject, REPO_ROOT } from '../testing/fixture-project';

const BIN = path.join(REPO_ROOT, 'scripts', 'bin', 'connectorkit.cjs');
let dir: string;

beforeAll(() => {
  dir = copyFixtureProject(path.join(REPO_ROOT, 'scripts/routes/testdata/runtime-api'), 'ck-cli-interrupt-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runUntil(args: string[], marker: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (!sent && stderr.includes(marker)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

it('SIGINT during build stops it with CK_INTERRUPTED, writes nothing, and a re-run converges', async () => {
  // The metadata step starts before anything is written, so the signal lands before the outputs exist.
  const r = await runUntil(['build', '--json'], '"title":"Read controllers (tsoa metadata)","status":"start"');
  expect(r.signal).toBe('SIGINT');
  const doc = JSON.parse(r.stdout) as { ok: boolean; error: { code: string } };
  expect(doc).toMatchObject({ ok: false, error: { code: 'CK_INTERRUPTED' } });
  expect(existsSync(path.join(dir, 'dist', 'swagger.json'))).toBe(false);
  expect(existsSync(path.join(dir, 'functions', '.generated', 'routes.ts'))).toBe(false);

  const again = await new Promise<number | null>((resolve) => {
    const child = execFile(process.execPath, [BIN, 'build'], { cwd: dir }, () => resolve(child.exitCode));
  });
  expect(again).toBe(0);
  expect(existsSync(path.join(dir, 'dist', 'swagger.json'))).toBe(true);
}, 120_000);
