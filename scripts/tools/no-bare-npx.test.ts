/**
 * Issue 8 item 17: `npx connectorkit` falls through to the public registry when the local bin cannot be resolved,
 * and the name is unclaimed there. No doc, message or script of the repository may say it; the forms that never
 * download are `npm exec --no -- connectorkit`, the package scripts and the local bin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'contracts', '.generated', 'coverage']);
const EXTENSIONS = ['.md', '.ts', '.js', '.cjs', '.json', '.xml', '.yml', '.sh'];
const BARE_NPX = new RegExp(`\\bnpx\\s+(--[\\w-]+\\s+)*connectorkit\\b`);

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* files(path.join(dir, e.name));
    } else if (EXTENSIONS.some((x) => e.name.endsWith(x)) || e.name === 'run') {
      yield path.join(dir, e.name);
    }
  }
}

it('no file of the repository says bare `npx connectorkit` (use npm exec --no -- connectorkit)', () => {
  const hits: string[] = [];
  for (const file of files(ROOT)) {
    // This file names the form it forbids.
    if (file.endsWith('package-lock.json') || file === __filename) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (BARE_NPX.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(hits).toEqual([]);
});

it('the pattern catches the forms that download', () => {
  for (const bad of ['npx connectorkit token', 'TOKEN=$(npx connectorkit token)', 'npx --yes connectorkit build']) expect(BARE_NPX.test(bad)).toBe(true);
  for (const good of ['npm exec --no -- connectorkit token', 'npm run build', 'node node_modules/connectorkit/bin/connectorkit.cjs']) expect(BARE_NPX.test(good)).toBe(false);
});
