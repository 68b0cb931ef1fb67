/**
 * Comments and docs cite only files inside the repository (issue 11 item 4): the development notes and anchors the
 * project was built from live outside it, so a citation of them is a dead end for every reader of a clone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.generated', 'coverage']);
const OUTSIDE = /(\.\.\/)+shared\/|\bshared\/(notes|anchors)\/|(^|[\s(`'"/])notes\/[\w-]+\.md/;

/**
 * Every source and doc file, test data included (its comments are ours). Under contracts/ (verbatim copies of
 * Microsoft's files) only our own SOURCE.md files are read.
 */
function* files(dir: string, inContracts = false): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* files(path.join(dir, e.name), inContracts || e.name === 'contracts');
    } else if (inContracts ? e.name === 'SOURCE.md' : /\.(ts|js|cjs|mjs|md)$/.test(e.name)) yield path.join(dir, e.name);
  }
}

it('no comment or doc cites the notes or anchors outside the repository', () => {
  const hits: string[] = [];
  for (const file of files(ROOT)) {
    if (file === __filename) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OUTSIDE.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(hits).toEqual([]);
});

it('the pattern sees the citation forms used before', () => {
  for (const bad of ['(notes/functions-host.md §3.2)', 'from `../shared/notes/functions-host.md` §6', '../shared/anchors/connectors-dev', '(see `../../../notes/apim-contract.md`)'])
    expect(OUTSIDE.test(bad)).toBe(true);
  for (const good of ['docs/local-host.md', 'GET /api/notes/n1', 'scripts/testing/contracts/connectors-dev']) expect(OUTSIDE.test(good)).toBe(false);
});
