/**
 * Test/bench helper: copies a fixture project into a fresh temp dir and links connectorkit's node_modules into
 * it, so tsoa, esbuild and the app's dependencies resolve exactly as in a real project.
 */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
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
