/**
 * `connectorkit export --zip --json` as a user runs it: the one JSON result names the zip it wrote.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');
const TESTDATA = path.resolve(__dirname, '../export/testdata');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ck-cli-export-'));
  const connectorkit = JSON.parse(readFileSync(path.join(TESTDATA, 'config.json'), 'utf8'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', private: true, connectorkit }));
  mkdirSync(path.join(dir, 'dist'));
  cpSync(path.join(TESTDATA, 'spec.json'), path.join(dir, 'dist', 'swagger.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 }, (_e, stdout) => resolve({ code: child.exitCode, stdout }));
  });
}

it('export --zip --json reports result.zipFile (dist/<out>.zip), also when nothing changed', async () => {
  for (let run = 0; run < 2; run++) {
    const r = await cli(['export', '--zip', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; result: { zipFile?: string; changed: string[] } };
    expect(doc.ok).toBe(true);
    expect(doc.result.zipFile).toBe(path.join(dir, 'dist', 'connector.zip'));
    expect(existsSync(doc.result.zipFile!)).toBe(true);
    if (run === 1) expect(doc.result.changed).toEqual([]);
  }
}, 120_000);
