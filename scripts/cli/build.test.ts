/**
 * `connectorkit build` as a user runs it: a lint failure prints each finding's file:line exactly once.
 */
import { execFile } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { copyFixtureProject, REPO_ROOT } from '../testing/fixture-project';

const BIN = path.join(REPO_ROOT, 'scripts', 'bin', 'connectorkit.cjs');
let dir: string;

beforeAll(() => {
  dir = copyFixtureProject(path.join(REPO_ROOT, 'scripts/routes/testdata/runtime-api'), 'ck-cli-build-');
  cpSync(path.join(REPO_ROOT, 'scripts/spec/testdata/lint/duplicate-operation-id'), path.join(dir, 'functions/controllers'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a lint failure exits 1 and names each location once', async () => {
  const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const env = { ...process.env, NO_COLOR: '1' };
    const child = execFile(process.execPath, [BIN, 'build'], { cwd: dir, env, timeout: 120_000 }, (_e, _out, stderr) => resolve({ code: child.exitCode, stderr }));
  });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('(x) Error: 1 problem in the controllers. [CK_SPEC_LINT_FAILED]');
  const at = 'functions/controllers/a-controller.ts:5';
  expect(r.stderr.split(at)).toHaveLength(2);
  expect(r.stderr).toContain(`    - ${at}: operationId 'ListThings' of DupAController.listThings is already used by DupBController.listThings (functions/controllers/b-controller.ts:6) — `);
}, 120_000);
