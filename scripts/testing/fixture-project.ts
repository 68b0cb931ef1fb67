/**
 * Test/bench helper: copies a fixture project into a fresh temp dir and links connectorkit's node_modules into
 * it, so tsoa, esbuild and the app's dependencies resolve exactly as in a real project.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export function copyFixtureProject(src: string, prefix = 'ck-fixture-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(src, dir, { recursive: true });
  linkNodeModules(dir);
  return dir;
}

export function linkNodeModules(dir: string): void {
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/**
 * Like linkNodeModules, but node_modules/@types holds what `npm install` gives a project made by `connectorkit init`:
 * the @types packages in connectorkit's dependency closure (from package-lock.json) and @types/node (init's
 * devDependency), not the repository's own dev tools' (jest, babel, yargs…). TypeScript adds every
 * node_modules/@types package to a program whose options name no `types` (tsoa's default), so the bench's baseline
 * reads what it would read in a user's project.
 */
export function linkProjectNodeModules(dir: string): void {
  const src = path.join(REPO_ROOT, 'node_modules');
  const nm = path.join(dir, 'node_modules');
  mkdirSync(path.join(nm, '@types'), { recursive: true });
  for (const e of readdirSync(src)) if (!['@types', '.bin', '.package-lock.json'].includes(e)) symlinkSync(path.join(src, e), path.join(nm, e), 'dir');
  for (const t of projectTypesPackages()) if (existsSync(path.join(src, t))) symlinkSync(path.join(src, t), path.join(nm, t), 'dir');
}

let typesPackages: string[] | undefined;

/** @types packages reachable from connectorkit's dependencies (and peer dependencies), plus @types/node. */
export function projectTypesPackages(): string[] {
  return (typesPackages ??= readTypesPackages());
}

function readTypesPackages(): string[] {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
  };
  const seen = new Set<string>();
  const queue = [...Object.keys(lock.packages.scripts?.dependencies ?? {}), '@types/node'];
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const entry = lock.packages[`node_modules/${name}`];
    queue.push(...Object.keys({ ...entry?.dependencies, ...entry?.peerDependencies }));
  }
  return [...seen].filter((n) => n.startsWith('@types/')).sort();
}
