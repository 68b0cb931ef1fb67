/**
 * Renders the README's error-code table from the code registry, between the markers
 * `<!-- error-codes:start -->` and `<!-- error-codes:end -->`. `npm run docs` rewrites it; a test fails when it drifts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allCodes } from '../core/code-registry';
import { writeIfChanged } from '../core/fs';

const START = '<!-- error-codes:start -->';
const END = '<!-- error-codes:end -->';

export function renderErrorTable(): string {
  const rows = allCodes().map((c) => `| \`${c.code}\` | ${c.area} | ${c.source === 'user' ? '1' : '2'} | ${esc(c.title)} | ${esc(c.hint)} |`);
  return ['| code | stage | exit | what went wrong | what to do next |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function withErrorTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${renderErrorTable()}\n${readme.slice(b)}`;
}

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export async function main(): Promise<number> {
  const file = path.resolve(__dirname, '../../README.md');
  const changed = await writeIfChanged(file, withErrorTable(readFileSync(file, 'utf8')));
  process.stdout.write(changed ? 'README.md error table updated\n' : 'README.md error table up to date\n');
  return 0;
}
