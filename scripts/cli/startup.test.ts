/**
 * Loading the command modules (what --help and --version do) must not load any stage or its heavy dependencies:
 * each command imports its stage inside run().
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { loadCommands } from './main';

const REPO = path.resolve(__dirname, '../..');

it('loadCommands() loads no stage and none of tsoa, typescript, ajv or the Azure SDKs (esbuild is the TS loader of tsx)', () => {
  const script = `require('tsx/cjs/api').register(); const n = require('./scripts/cli/main.ts').loadCommands().length; process.stdout.write(JSON.stringify({ n, loaded: Object.keys(require.cache) }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' })) as { n: number; loaded: string[] };
  expect(out.n).toBe(15);
  const rel = out.loaded.map((f) => path.relative(REPO, f).split(path.sep).join('/'));
  const heavy = rel.filter(
    (f) =>
      /^node_modules\/(typescript|tsoa|@tsoa|ajv|@azure|jose|yauzl|yazl)\//.test(f) ||
      /^scripts\/(build|spec|metadata|routes|host|export|validate|deploy|dev-services|auth-dev|config|init|ci|provision)\//.test(f),
  );
  expect(heavy).toEqual([]);
});

it('the command table fails loudly when a module does not export its command', () => {
  expect(() => loadCommands([['ghost', () => ({})]])).toThrow("scripts/cli/ghost.ts must export `command` (a CommandSpec named 'ghost'), found none");
  expect(() => loadCommands([['init', () => require('./build')]])).toThrow("found 'build'");
});
