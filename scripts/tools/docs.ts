/**
 * `npm run docs`: regenerates every generated README section in one write (only when something changed).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeIfChanged } from '../core/fs';
import { withErrorTable } from './readme-errors';
import { withSampleErrorTable } from './readme-sample-errors';

export async function main(): Promise<number> {
  const file = path.resolve(__dirname, '../../README.md');
  const next = withSampleErrorTable(withErrorTable(readFileSync(file, 'utf8')));
  const changed = await writeIfChanged(file, next);
  process.stdout.write(changed ? 'README.md generated sections updated\n' : 'README.md generated sections up to date\n');
  return 0;
}
