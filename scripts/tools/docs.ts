/**
 * `npm run docs`: regenerates every generated docs section (only the files where something changed):
 * the error-code table in docs/error-codes.md and the sample API's error table in docs/sample-api.md.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeIfChanged } from '../core/fs';
import { withErrorTable } from './readme-errors';
import { withSampleErrorTable } from './readme-sample-errors';

const ROOT = path.resolve(__dirname, '../..');

/** Each generated file and how its sections are rendered. */
export const GENERATED_DOCS: ReadonlyArray<readonly [file: string, render: (text: string) => string]> = [
  ['docs/error-codes.md', withErrorTable],
  ['docs/sample-api.md', withSampleErrorTable],
];

export async function main(): Promise<number> {
  for (const [rel, render] of GENERATED_DOCS) {
    const file = path.join(ROOT, rel);
    const changed = await writeIfChanged(file, render(readFileSync(file, 'utf8')));
    process.stdout.write(`${rel}: generated sections ${changed ? 'updated' : 'up to date'}\n`);
  }
  return 0;
}
