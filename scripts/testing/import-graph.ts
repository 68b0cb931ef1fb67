/**
 * The framework's own import graph, read from source with the TypeScript compiler's pre-processor (static imports,
 * `export … from`, `import()` and `require()`), for tests that check which module may reach which.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export const SCRIPTS_DIR = path.resolve(__dirname, '..');

/** Every specifier a file imports, re-exports or requires. */
export function specifiersOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The .ts file a relative specifier names, or undefined (a .js/.json file, or nothing). */
export function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (candidate.endsWith('.ts') && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/** The framework files a file imports directly (relative specifiers that resolve to .ts files). */
export function localImportsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolveRelative(file, s))
    .filter((f): f is string => f !== undefined);
}

/** Every .ts file under a folder (no node_modules), tests included. */
export function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFilesUnder(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** Every framework file reachable from the given files through imports (the files themselves included). */
export function reachableFrom(files: string[], cache = new Map<string, string[]>()): Set<string> {
  const seen = new Set<string>();
  const todo = [...files];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    let next = cache.get(f);
    if (!next) cache.set(f, (next = localImportsOf(f)));
    todo.push(...next);
  }
  return seen;
}
