/**
 * Renders the sample API's error table (functions/errors.ts API_ERRORS) into README.md between
 * `<!-- sample-errors:start -->` and `<!-- sample-errors:end -->`.
 * `node scripts/bin/run-ts.js scripts/dev-services/readme-sample-errors.ts` rewrites it; a test fails when it drifts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { API_ERRORS, type ApiErrorInfo } from '../../functions/errors';
import { writeIfChanged } from '../core/fs';

const START = '<!-- sample-errors:start -->';
const END = '<!-- sample-errors:end -->';

export function renderSampleErrorTable(errors: readonly ApiErrorInfo[] = Object.values(API_ERRORS)): string {
  const rows = errors.map((e) => `| \`${e.code}\` | ${e.status} | ${esc(e.meaning)} | ${esc(e.action)} |`);
  return ['| code | HTTP status | meaning | what to do |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README text with the table between the markers replaced by the current one. */
export function withSampleErrorTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${renderSampleErrorTable()}\n${readme.slice(b)}`;
}

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export async function main(): Promise<number> {
  const file = path.resolve(__dirname, '../../README.md');
  const changed = await writeIfChanged(file, withSampleErrorTable(readFileSync(file, 'utf8')));
  process.stdout.write(changed ? 'README.md sample error table updated\n' : 'README.md sample error table up to date\n');
  return 0;
}
