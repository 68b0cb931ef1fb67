/**
 * Core is the bottom layer every stage builds on, so it imports no stage: a stage's codes, steps or helpers pulled
 * into core would load (and couple) every stage wherever core is used. The one exception is the runtime's error
 * body (runtime/error-body.ts), the single JSON error shape shared with the bundled app, which may import nothing
 * from core; it is a leaf and the test checks that it stays one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { localImportsOf, resolveRelative, SCRIPTS_DIR, specifiersOf, tsFilesUnder } from '../testing/import-graph';

const CORE_DIR = __dirname;
const SHARED_LEAF = path.join(SCRIPTS_DIR, 'runtime', 'error-body.ts');

/** file → specifier, for each relative import of a non-test core file that leaves scripts/core. */
function outsideImports(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const file of tsFilesUnder(dir).filter((f) => !f.endsWith('.test.ts'))) {
    for (const spec of specifiersOf(file).filter((s) => s.startsWith('.'))) {
      const target = resolveRelative(file, spec) ?? path.resolve(path.dirname(file), spec);
      if (!target.startsWith(dir + path.sep) && target !== SHARED_LEAF) out.push([path.relative(SCRIPTS_DIR, file), spec]);
    }
  }
  return out;
}

describe('scripts/core imports no stage', () => {
  it('every relative import of a core module stays inside scripts/core (or is the shared error body)', () => {
    expect(outsideImports(CORE_DIR)).toEqual([]);
  });

  it('the shared error body is a leaf: it imports nothing of the framework', () => {
    expect(localImportsOf(SHARED_LEAF)).toEqual([]);
  });

  it('the scan sees a stage import, static, re-exported or required (the check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ck-core-imports-'));
    mkdirSync(path.join(dir, 'core'));
    mkdirSync(path.join(dir, 'deploy'));
    writeFileSync(path.join(dir, 'deploy', 'codes.ts'), 'export const X = 1;\n');
    writeFileSync(path.join(dir, 'core', 'own.ts'), 'export const Y = 2;\n');
    writeFileSync(path.join(dir, 'core', 'a.ts'), "import { Y } from './own';\nexport { X } from '../deploy/codes';\nexport function f() {\n  return require('../deploy/codes') + Y;\n}\n");
    writeFileSync(path.join(dir, 'core', 'a.test.ts'), "import '../deploy/codes';\n");
    expect(outsideImports(path.join(dir, 'core'))).toEqual([
      [expect.stringContaining('a.ts'), '../deploy/codes'],
      [expect.stringContaining('a.ts'), '../deploy/codes'],
    ]);
  });
});
