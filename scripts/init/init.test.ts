/**
 * `connectorkit init` refuses what it must not touch (issue 11 item 3): a folder with anything in it, a file, or a
 * display name it cannot use — each a coded error, with nothing written. (The full journey from the tarball is
 * new-project.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { catchCkError } from '../testing/catch-ck-error';
import { loadEnvironment } from '../deploy/environment';
import { initProject } from './init';

let work: string;
beforeEach(() => (work = mkdtempSync(path.join(tmpdir(), 'ck-init-'))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('connectorkit init', () => {
  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const dir = path.join(work, 'taken');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const err = await catchCkError(() => initProject(dir, { name: 'Field Notes' }));
    expect(err.code).toBe('CK_INIT_DIR_NOT_EMPTY');
    expect(err.message).toContain(dir);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, 'x');
    expect((await catchCkError(() => initProject(file, { name: 'Field Notes' }))).code).toBe('CK_INIT_DIR_NOT_EMPTY');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('refuses a display name it cannot use, before writing anything', async () => {
    const dir = path.join(work, 'new-api');
    expect((await catchCkError(() => initProject(dir, { name: '!!' }))).code).toBe('CK_INIT_NAME_INVALID');
    expect(existsSync(dir)).toBe(false);
  });

  it('writes into an empty folder, with the display name as the API title', async () => {
    const dir = path.join(work, 'empty');
    mkdirSync(dir);
    const r = await initProject(dir, { name: 'Field Notes', framework: '1.2.3' });
    expect(r.files).toEqual(expect.arrayContaining(['package.json', 'host.json', 'tsconfig.json', '.gitignore', 'README.md', 'infra/environments/dev.json']));
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies.connectorkit).toBe('1.2.3');
    expect(pkg.connectorkit.api.title).toBe('Field Notes');
  });

  it('its env file holds placeholders, and every command that reads it says which to fill in (nothing reaches Azure)', async () => {
    const dir = path.join(work, 'placeholders');
    await initProject(dir, { name: 'Field Notes', framework: '1.2.3' });
    const err = await catchCkError(async () => loadEnvironment(dir, 'dev'));
    expect([err.code, err.target]).toEqual(['CK_DEPLOY_ENV_PLACEHOLDER', 'infra/environments/dev.json#subscriptionId']);
    expect(err.message).toMatch(/subscriptionId \(0{8}-[0-9-]+\) and tenantId \(0{8}-[0-9-]+\) are placeholders/);
    // Once filled in, the file loads.
    const file = path.join(dir, 'infra/environments/dev.json');
    const env = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...env, subscriptionId: '9c1d2e3f-4a5b-4c6d-8e7f-000000000001' }));
    const again = await catchCkError(async () => loadEnvironment(dir, 'dev'));
    expect([again.code, again.target, again.message]).toEqual([
      'CK_DEPLOY_ENV_PLACEHOLDER',
      'infra/environments/dev.json#tenantId',
      expect.stringMatching(/: tenantId \(0{8}-[0-9-]+\) is a placeholder/),
    ]);
    writeFileSync(file, JSON.stringify({ ...env, subscriptionId: '9c1d2e3f-4a5b-4c6d-8e7f-000000000001', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' }));
    expect(loadEnvironment(dir, 'dev').subscriptionId).toBe('9c1d2e3f-4a5b-4c6d-8e7f-000000000001');
  });
});
