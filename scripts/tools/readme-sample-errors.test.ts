import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { API_ERRORS, ApiErrorCode, apiError } from '../../functions/errors';
import { renderSampleErrorTable, withSampleErrorTable } from './readme-sample-errors';

describe('docs/sample-api.md sample error table', () => {
  it('lists every code of functions/errors.ts and is up to date (npm run docs)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../docs/sample-api.md'), 'utf8');
    expect(readme).toBe(withSampleErrorTable(readme));
    for (const code of Object.values(ApiErrorCode)) expect(readme).toContain(`| \`${code}\` |`);
  });

  it('one row per code, each with a status, a meaning and a next step', () => {
    const codes = Object.values(API_ERRORS).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const rows = renderSampleErrorTable().split('\n').slice(2);
    expect(rows).toHaveLength(codes.length);
    for (const row of rows) expect(row).toMatch(/^\| `[A-Z_]+` \| [1-5]\d\d \| [^|]+ \| [^|]+ \|$/);
  });

  it('apiError answers with the status the table documents', () => {
    for (const e of Object.values(API_ERRORS)) expect([e.code, apiError(e.code, 'm').status]).toEqual([e.code, e.status]);
  });
});
