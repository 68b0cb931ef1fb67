/**
 * The trigger store's SDKs (@azure/data-tables, @azure/identity), which the runtime requires lazily, are bundled
 * exactly when something in the app can reach them: left out of an app without triggers (esbuild would otherwise read
 * ~1.6 MB of SDK on every build for nothing in its output), kept when the app's own code reaches the store even
 * without a trigger declaration, and bundled at once for an app that declares triggers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { linkNodeModules, REPO_ROOT } from '../testing/fixture-project';
import { bundleApp } from './index';

// esbuild on a loaded 2-core machine; a limit, not a timing assert.
jest.setTimeout(120_000);

/** A string of @azure/data-tables' code that survives minification (the API version it sends). */
const DATA_TABLES_MARK = '"2019-02-02"';
const PLACEHOLDER_MARK = 'out of this bundle although the app reaches it';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ck-bundle-store-'));
  linkNodeModules(dir);
  mkdirSync(path.join(dir, 'functions/.generated'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let omitted: string[] = [];
async function bundle(entry: string, triggers?: boolean): Promise<string> {
  writeFileSync(path.join(dir, 'functions/index.ts'), entry);
  const r = await bundleApp({
    root: dir,
    entryFile: path.join(dir, 'functions/index.ts'),
    routesFile: path.join(dir, 'functions/.generated/routes.ts'),
    routesSource: '',
    hostJson: readFileSync(path.join(REPO_ROOT, 'host.json'), 'utf8'),
    name: 'store',
    version: '1.0.0',
    minify: true,
    ...(triggers === undefined ? {} : { triggers }),
  });
  omitted = r.omitted;
  return r.files['main.js']!.toString('utf8');
}

const NO_STORE = `import { HttpError } from 'connectorkit/runtime';\n(globalThis as Record<string, unknown>).fail = () => { throw new HttpError(400, 'X', 'x'); };\n`;
const REACHES_STORE = `import { startTriggerDelivery } from 'connectorkit/runtime';\n(globalThis as Record<string, unknown>).start = () => startTriggerDelivery();\n`;

test('an app that cannot reach the trigger store gets neither the SDK nor a placeholder', async () => {
  const main = await bundle(NO_STORE);
  expect(main).toContain('globalThis.fail');
  expect(main).not.toContain(DATA_TABLES_MARK);
  expect(main).not.toContain(PLACEHOLDER_MARK);
  // The SDKs were not read at all (tree shaking alone would give the same output after reading ~1.6 MB of them).
  expect(omitted).toEqual(['@azure/data-tables', '@azure/identity']);
});

test('code that reaches the store without declaring a trigger still gets the real SDK (the guess is checked)', async () => {
  const main = await bundle(REACHES_STORE);
  expect(main).toContain(DATA_TABLES_MARK);
  expect(main).not.toContain(PLACEHOLDER_MARK);
  expect(omitted).toEqual([]);
});

test('an app that declares triggers is bundled with the SDK at once; the output is the same', async () => {
  const guessed = await bundle(REACHES_STORE);
  expect(await bundle(REACHES_STORE, true)).toBe(guessed);
  expect(await bundle(NO_STORE, true)).toBe(await bundle(NO_STORE));
});
