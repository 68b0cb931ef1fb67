/**
 * Error codes are registered by import, not by a list in core: a module that names a declared code reaches (through
 * its imports) the codes.ts that declares it, so `new CkError({ code })` finds its title, hint and exit code in any
 * process that loaded the module — the CLI, the programmatic API, a worker, a test. all-codes.ts, the list the docs
 * table is generated from, must name every codes file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allCodes } from './all-codes';
import { localImportsOf, reachableFrom, SCRIPTS_DIR, tsFilesUnder } from '../testing/import-graph';

const rel = (f: string) => path.relative(SCRIPTS_DIR, f);
const files = tsFilesUnder(SCRIPTS_DIR);
const source = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

/** code → the file whose defineCodes declares it. */
function declarations(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [f, text] of source) {
    if (f.endsWith('.test.ts') || !/\bdefineCodes\(/.test(text) || f.endsWith(path.join('core', 'code-registry.ts'))) continue;
    for (const m of text.matchAll(/^\s*(CK_[A-Z0-9_]+)\s*:/gm)) out.set(m[1]!, f);
  }
  return out;
}

/** Non-test modules naming a declared code whose imports never reach the declaring codes file. */
export function unregisteredUses(modules: string[], declared: Map<string, string>): Array<{ file: string; codes: string[]; needs: string[] }> {
  const cache = new Map<string, string[]>();
  const out: Array<{ file: string; codes: string[]; needs: string[] }> = [];
  for (const f of modules) {
    const named = [...new Set([...(source.get(f) ?? readFileSync(f, 'utf8')).matchAll(/['"`](CK_[A-Z0-9_]+)['"`]/g)].map((m) => m[1]!))].filter((c) => declared.has(c));
    if (!named.length) continue;
    const reach = reachableFrom([f], cache);
    const missing = named.filter((c) => !reach.has(declared.get(c)!));
    if (missing.length) out.push({ file: rel(f), codes: missing, needs: [...new Set(missing.map((c) => rel(declared.get(c)!)))] });
  }
  return out;
}

describe('error codes are registered where they are raised', () => {
  const declared = declarations();

  it('finds the declarations (every registered code is declared in a scanned codes file)', () => {
    expect(declared.size).toBeGreaterThan(100);
    expect(
      allCodes()
        .map((c) => c.code)
        .filter((c) => !declared.has(c)),
    ).toEqual([]);
  });

  it('all-codes.ts imports every codes file, so docs/error-codes.md lists every code', () => {
    const listed = new Set(localImportsOf(path.join(__dirname, 'all-codes.ts')));
    expect([...new Set(declared.values())].filter((f) => !listed.has(f)).map(rel)).toEqual([]);
  });

  it('every module that names a code reaches the codes.ts declaring it through its imports', () => {
    // scripts/runtime is bundled into the app and raises HttpErrors with its own code strings (http-codes.ts), never
    // a CkError; runtime-imports.test.ts keeps it away from the registry.
    const modules = files.filter((f) => !f.endsWith('.test.ts') && !f.startsWith(path.join(SCRIPTS_DIR, 'runtime') + path.sep) && !f.includes(`${path.sep}testdata${path.sep}`));
    expect(unregisteredUses(modules, declared)).toEqual([]);
  });

  it('every code has a title and a hint', () => {
    for (const c of allCodes()) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.hint.length).toBeGreaterThan(5);
    }
  });
});
