/**
 * connectorkit/runtime is bundled into every app and imported by user code: from its entry, every import stays
 * inside scripts/runtime/ and the only packages are the ones the app needs at run time. A stage of the framework
 * (core, config, …) pulled in here would grow every bundle and tie the app to the CLI.
 */
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const RUNTIME_DIR = __dirname;
// @azure/data-tables (and @azure/identity for identity-based storage): triggers only, loaded on first use.
// validator: the library @tsoa/runtime's own date checks use; calendar.ts takes two of its functions.
const ALLOWED_PACKAGES = ['@azure/functions', '@tsoa/runtime', 'jose', 'validator', '@azure/data-tables', '@azure/identity'];

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

function resolveRelative(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(RUNTIME_DIR, from)} imports ${spec}, which does not resolve to a .ts file`);
}

/** Every file reachable from the entry, and every package import (file → specifier). */
function walk(entry: string): { files: string[]; packages: Array<[string, string]> } {
  const seen = new Set<string>();
  const packages: Array<[string, string]> = [];
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) todo.push(resolveRelative(file, spec));
      else packages.push([path.relative(RUNTIME_DIR, file), spec]);
    }
  }
  return { files: [...seen].map((f) => path.relative(RUNTIME_DIR, f)).sort(), packages };
}

describe('connectorkit/runtime imports nothing else of the framework', () => {
  const { files, packages } = walk(path.join(RUNTIME_DIR, 'index.ts'));

  it('every file reachable from runtime/index.ts is under scripts/runtime/ (and not the CLI-side codes.ts)', () => {
    expect(files.filter((f) => f.startsWith('..') || path.isAbsolute(f))).toEqual([]);
    expect(files).not.toContain('codes.ts');
    expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
    expect(files).toContain(path.join('entra', 'verifier.ts'));
  });

  it('the only packages are node: built-ins, @azure/functions, @tsoa/runtime, jose, validator and (for triggers) @azure/data-tables and @azure/identity', () => {
    const packageName = (spec: string) =>
      spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/');
    const other = packages.filter(([, spec]) => !spec.startsWith('node:') && !ALLOWED_PACKAGES.includes(packageName(spec)));
    expect(other).toEqual([]);
  });

  it('the walk sees a forbidden import (the check can fail)', () => {
    const dir = path.join(RUNTIME_DIR, '..', 'core');
    const { files: coreFiles } = walk(path.join(dir, 'index.ts'));
    expect(coreFiles.some((f) => f.startsWith('..'))).toBe(true);
  });
});
