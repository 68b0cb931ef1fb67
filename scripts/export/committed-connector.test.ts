import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateConnectorDir } from '../validate/validate';

// The committed connector/ (exported from functions/) is what makers import; keep it certification-clean.
describe('committed connector/', () => {
  it('passes validate --level certification with 0 errors and 0 warnings, and holds no secret', async () => {
    const dir = path.resolve(__dirname, '..', '..', 'connector');
    const report = await validateConnectorDir(dir, { level: 'certification' });
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    for (const f of ['apiDefinition.swagger.json', 'apiProperties.json', 'settings.json']) expect(readFileSync(path.join(dir, f), 'utf8')).not.toMatch(/secret|password/i);
    expect(report.files).toEqual(expect.arrayContaining(['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png', 'readme.md', 'settings.json']));
  });
});
