import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { withErrorTable } from './readme-errors';
import { allCodes } from './all-codes';

describe('docs/error-codes.md error table', () => {
  it('lists every registered code and is up to date (run `npm run docs` to refresh)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../docs/error-codes.md'), 'utf8');
    expect(readme).toBe(withErrorTable(readme));
    for (const c of allCodes()) expect(readme).toContain(`\`${c.code}\``);
  });
});
