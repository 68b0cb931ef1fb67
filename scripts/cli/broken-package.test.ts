/**
 * A project whose package.json is not valid JSON: the CLI reports CK_CONFIG_FILE_UNREADABLE naming the file, never
 * Node's raw package_json_reader stack. Runs a copy of the bin inside a temp project with a broken package.json.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readVersion } from './main';
import { isCkError } from '../core/errors';

let dir: string;
let pkg: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ck-cli-broken-pkg-'));
  cpSync(path.resolve(__dirname, '../bin'), path.join(dir, 'scripts', 'bin'), { recursive: true });
  pkg = path.join(dir, 'package.json');
  writeFileSync(pkg, '{ "name": "p", "connectorkit": { ');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [path.join(dir, 'scripts', 'bin', 'connectorkit.cjs'), ...args], { cwd: dir, timeout: 60_000 }, (_e, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

it('--json: exit 1 and one JSON document with CK_CONFIG_FILE_UNREADABLE naming package.json', async () => {
  const r = await cli(['validate', '--json']);
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; target: string } };
  expect(doc).toMatchObject({ ok: false, error: { code: 'CK_CONFIG_FILE_UNREADABLE', target: pkg } });
  expect(doc.error.message).toContain(`Cannot parse ${pkg}`);
  expect(r.stderr).not.toContain('package_json_reader');
}, 60_000);

it('terminal: the coded error and a next step on stderr, for --version too', async () => {
  for (const args of [['build'], ['--version']]) {
    const r = await cli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`(x) Error: Cannot parse ${pkg}`);
    expect(r.stderr).toContain('[CK_CONFIG_FILE_UNREADABLE]');
    expect(r.stderr).toContain('Next: Fix the JSON syntax');
    expect(r.stderr).not.toContain('    at ');
  }
}, 60_000);

it('readVersion reads lazily and turns an unreadable package.json into CK_CONFIG_FILE_UNREADABLE', () => {
  expect(readVersion()).toMatch(/^\d+\.\d+\.\d+/);
  let caught: unknown;
  try {
    readVersion(pkg);
  } catch (e) {
    caught = e;
  }
  expect(isCkError(caught) && caught.code).toBe('CK_CONFIG_FILE_UNREADABLE');
  expect((caught as Error).message).toContain(pkg);
});
