/**
 * The build's type check on a project without an auth module of its own: a type error in a controller and a
 * `@Security` name the built-in Entra check does not handle both fail the build with file:line, and nothing is
 * written. (The type check runs on tsoa's program while esbuild bundles: scripts/metadata/type-check.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config';
import { RecordingIoHost } from '../core/io';
import { catchCkError } from '../testing/catch-ck-error';
import { linkNodeModules, REPO_ROOT } from '../testing/fixture-project';
import { build } from './build';

const CONTROLLER = `import { Controller, Get, Route, Security } from 'tsoa';

@Route('things')
export class ThingsController extends Controller {
  @Get()
  @Security('entra', ['user_impersonation'])
  public async listThings(): Promise<number[]> {
    const n: number = 'oops';
    return [n];
  }

  @Get('other')
  @Security('other')
  public async otherThings(): Promise<number[]> {
    return [];
  }
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ck-typecheck-build-'));
  linkNodeModules(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'checked', version: '1.0.0', private: true, connectorkit: { api: { title: 'Checked' } } }));
  writeFileSync(path.join(dir, 'host.json'), readFileSync(path.join(REPO_ROOT, 'host.json')));
  mkdirSync(path.join(dir, 'functions/controllers'), { recursive: true });
  writeFileSync(path.join(dir, 'functions/index.ts'), `import './.generated/routes';\n`);
  writeFileSync(path.join(dir, 'functions/controllers/things-controller.ts'), CONTROLLER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A full build (TypeScript program + esbuild) takes well over the default limit on a loaded 2-core machine. A limit, not a timing assert.
jest.setTimeout(240_000);

test('a type error and an unhandled @Security name fail the build with file:line; nothing is written', async () => {
  const err = await catchCkError(() => build(loadConfig({ cwd: dir, env: {} }), new RecordingIoHost()));
  expect(err.code).toBe('CK_SPEC_LINT_FAILED');
  const file = 'functions/controllers/things-controller.ts';
  const line = (text: string) => CONTROLLER.split('\n').findIndex((l) => l.includes(text)) + 1;
  const details = (err.details ?? []).map((d) => [d.code, d.target]);
  expect(details).toEqual(
    expect.arrayContaining([
      ['CK_SPEC_TYPE_ERROR', `${file}:${line("= 'oops'")}`],
      ['CK_SPEC_SECURITY_NOT_HANDLED', `${file}:${line("@Get('other')")}`],
    ]),
  );
  expect(details.filter(([c]) => c === 'CK_SPEC_TYPE_ERROR')).toHaveLength(1);
  expect(details.filter(([c]) => c === 'CK_SPEC_SECURITY_NOT_HANDLED')).toHaveLength(1);
  expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  expect(existsSync(path.join(dir, 'functions/.generated'))).toBe(false);
});
