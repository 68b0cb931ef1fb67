/**
 * Golden files: `expectGolden(file, actual)` compares with the committed file; `UPDATE_GOLDEN=1 npm test` rewrites it.
 * Keep golden files readable (pretty JSON, source text) so reviewers read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function expectGolden(file: string, actual: string | Buffer): void {
  const update = process.env.UPDATE_GOLDEN === '1';
  if (update || !existsSync(file)) {
    if (!update && process.env.CI) throw new Error(`golden file ${file} is missing; run UPDATE_GOLDEN=1 npm test and commit it`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file);
  const act = Buffer.isBuffer(actual) ? actual : Buffer.from(actual, 'utf8');
  if (!expected.equals(act)) {
    // Show a readable diff through jest's string comparison.
    expect(act.toString('utf8')).toBe(expected.toString('utf8'));
  }
}
