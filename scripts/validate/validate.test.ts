import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { compareFindings, validateConnectorDir, validateConnectorFiles } from './validate';
import { RULES } from './rules';
import { MICROSOFT_RULE_IDS, NOT_CHECKABLE, SCHEMA_LAYER_IDS } from './microsoft-rules';
import { isCkError } from '../core/errors';
import type { Finding, ValidationLevel } from './types';

const RULE_FIXTURES = path.join(__dirname, 'testdata', 'rules');

/** Reads a fixture folder into memory, applying fixture.json (e.g. padding a swagger past 1 MB). */
function readFixture(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const n of readdirSync(dir)) if (n !== 'fixture.json') files[n] = readFileSync(path.join(dir, n));
  if (existsSync(path.join(dir, 'fixture.json'))) {
    const fx = JSON.parse(readFileSync(path.join(dir, 'fixture.json'), 'utf8')) as { padSwaggerBytes?: number };
    if (fx.padSwaggerBytes) files['apiDefinition.swagger.json'] = Buffer.concat([files['apiDefinition.swagger.json']!, Buffer.alloc(fx.padSwaggerBytes, 0x20)]);
  }
  return files;
}

const errorsOf = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

describe('rule fixtures (testdata/rules/<RuleId>/{pass,fail})', () => {
  it('every rule has a fixture folder and every folder names a rule', () => {
    const folders = readdirSync(RULE_FIXTURES).sort();
    expect(folders).toEqual(RULES.map((r) => r.id).sort());
  });
  for (const rule of RULES) {
    const level: ValidationLevel = rule.level;
    // A rule with a lower platform severity is checked where it is still an error: at certification level.
    const strict: ValidationLevel = rule.platformSeverity ? 'certification' : level;
    it(`${rule.id}: pass has no finding and no error; fail reports it as ${rule.severity} at ${strict}`, () => {
      const pass = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, rule.id, 'pass')), { level });
      expect(pass.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
      expect(errorsOf(pass.findings)).toEqual([]);
      const fail = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, rule.id, 'fail')), { level: strict });
      const hits = fail.findings.filter((f) => f.ruleId === rule.id);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.map((h) => h.severity)).toContain(rule.severity);
      for (const h of hits) expect(h.file).toBeTruthy();
      if (rule.platformSeverity) expect(validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, rule.id, 'fail')), { level }).findings.some((f) => f.ruleId === rule.id)).toBe(true);
    });
  }
});

describe('tolerant reading', () => {
  const base = readFixture(path.join(RULE_FIXTURES, 'OperationIdRequired', 'pass'));
  const swagger = base['apiDefinition.swagger.json']!.toString('utf8');
  const run = (text: string | Buffer) => validateConnectorFiles({ ...base, 'apiDefinition.swagger.json': text });
  const ids = (r: ReturnType<typeof run>) => r.findings.map((f) => f.ruleId);
  it('accepts a UTF-8 BOM with a warning', () => {
    const r = run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(swagger)]));
    expect(r.errors).toBe(0);
    expect(ids(r)).toContain('FileHasBom');
  });
  it('accepts trailing commas with a warning', () => {
    const r = run(swagger.replace('"swagger": "2.0",', '"swagger": "2.0",,'.slice(0, -1)).replace(/\n}\n?$/, ',\n}\n'));
    expect(r.errors).toBe(0);
    expect(ids(r)).toContain('JsonHasTrailingComma');
  });
  it('accepts CRLF line ends with a warning', () => {
    const r = run(swagger.replace(/\n/g, '\r\n'));
    expect(r.errors).toBe(0);
    expect(ids(r)).toContain('FileHasCrlf');
  });
  it('accepts comments with a warning', () => {
    const r = run(swagger.replace('{', '{ // exported by hand\n'));
    expect(r.errors).toBe(0);
    expect(ids(r)).toContain('JsonHasComments');
  });
  it('reports a file that cannot be parsed as an error finding, not an exception', () => {
    const r = run('{"swagger": "2.0" "info": ');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['JsonNotParseable']);
  });
  it('reports missing required files', () => {
    const r = validateConnectorFiles({ 'apiDefinition.swagger.json': swagger });
    expect(r.findings.filter((f) => f.ruleId === 'CkFileMissing').map((f) => f.file)).toEqual(['apiProperties.json']);
  });
});

describe('follow-on noise and finding order', () => {
  const base = readFixture(path.join(RULE_FIXTURES, 'CkContactRequired', 'pass'));
  for (const broken of ['apiDefinition.swagger.json', 'apiProperties.json']) {
    it(`an unparseable ${broken} is one JsonNotParseable error, without follow-on rule errors (certification)`, () => {
      const r = validateConnectorFiles({ ...base, [broken]: '{ "swagger": "2.0", ' }, { level: 'certification' });
      expect(errorsOf(r.findings).map((f) => `${f.ruleId} ${f.file}`)).toEqual([`JsonNotParseable ${broken}`]);
    });
  }
  it('a missing apiProperties.json is CkFileMissing alone, not every apiProperties rule', () => {
    const { 'apiProperties.json': _drop, ...rest } = base;
    const r = validateConnectorFiles(rest, { level: 'certification' });
    expect(errorsOf(r.findings).map((f) => f.ruleId)).toEqual(['CkFileMissing']);
  });
  it('sorts by severity (error, warning, info), then file, then pointer (indexes numerically)', () => {
    const r = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, 'ArrayHasNoItems', 'fail')), { level: 'certification' });
    expect(r.errors).toBeGreaterThan(0);
    expect(r.warnings).toBeGreaterThan(0);
    // readme.md has an error, apiDefinition.swagger.json only warnings: severity wins over the file name.
    expect(r.findings[0]!.severity).toBe('error');
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < r.findings.length; i++) {
      const [a, b] = [r.findings[i - 1]!, r.findings[i]!];
      expect(rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.file <= b.file)).toBe(true);
    }
    const some: Array<Pick<Finding, 'severity' | 'file' | 'pointer'>> = [
      { severity: 'warning', file: 'a', pointer: '/p/10' },
      { severity: 'warning', file: 'a', pointer: '/p/2' },
      { severity: 'error', file: 'b', pointer: '/p' },
    ];
    expect(some.sort(compareFindings).map((f) => f.pointer)).toEqual(['/p', '/p/2', '/p/10']);
  });
});

describe('levels and errors', () => {
  const fail = readFixture(path.join(RULE_FIXTURES, 'OperationIdNotUnique', 'fail'));
  it('schema ⊂ platform ⊂ certification', () => {
    const schema = validateConnectorFiles(fail, { level: 'schema' });
    const platform = validateConnectorFiles(fail, { level: 'platform' });
    expect(schema.findings.some((f) => f.ruleId === 'OperationIdNotUnique')).toBe(false);
    expect(platform.findings.some((f) => f.ruleId === 'OperationIdNotUnique')).toBe(true);
    const cert = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, 'FieldLengthExceeded', 'fail')), { level: 'certification' });
    const plat = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, 'FieldLengthExceeded', 'fail')), { level: 'platform' });
    expect(cert.errors).toBeGreaterThan(plat.errors);
  });
  it('a real client secret in apiProperties.json is an error at the default level; a placeholder a warning', () => {
    const files = readFixture(path.join(RULE_FIXTURES, 'CkClientSecret', 'pass'));
    const withSecret = (value: string) => {
      const props = JSON.parse(files['apiProperties.json']!.toString('utf8'));
      props.properties.connectionParameters.token.oAuthSettings.clientSecret = value;
      return validateConnectorFiles({ ...files, 'apiProperties.json': JSON.stringify(props) });
    };
    const real = withSecret('Qx8Q~k2vZ7m.Fq1aB9cD3eF5gH7iJ0kL2mN4oP6');
    expect(real.level).toBe('platform');
    expect(real.findings).toContainEqual(expect.objectContaining({ ruleId: 'CkClientSecret', severity: 'error', file: 'apiProperties.json' }));
    expect(real.errors).toBeGreaterThan(0);
    for (const placeholder of ['[[DUMMY]]', '<Enter your client secret>']) {
      const r = withSecret(placeholder);
      expect(r.findings.filter((f) => f.ruleId === 'CkClientSecret').map((f) => f.severity)).toEqual(['warning']);
      expect(r.errors).toBe(0);
    }
  });
  it('a missing folder is CK_VALIDATE_DIR_NOT_FOUND, an unknown level CK_VALIDATE_BAD_LEVEL', async () => {
    await expect(validateConnectorDir(path.join(__dirname, 'no-such-folder'))).rejects.toMatchObject({ code: 'CK_VALIDATE_DIR_NOT_FOUND' });
    let caught: unknown;
    try {
      validateConnectorFiles({}, { level: 'strict' as ValidationLevel });
    } catch (e) {
      caught = e;
    }
    expect(isCkError(caught) && caught.code).toBe('CK_VALIDATE_BAD_LEVEL');
    expect((caught as Error).message).toContain('schema, platform, certification');
  });
  it('maps oneOf noise to the branch that fits (a body parameter with a bad "in" is not reported as a header parameter)', () => {
    const files = readFixture(path.join(RULE_FIXTURES, 'OperationIdRequired', 'pass'));
    const s = JSON.parse(files['apiDefinition.swagger.json']!.toString('utf8'));
    s.paths['/items/{id}'].get.parameters[0].allowEmptyValue = 'yes';
    const r = validateConnectorFiles({ ...files, 'apiDefinition.swagger.json': JSON.stringify(s) }, { level: 'schema' });
    expect(errorsOf(r.findings).map((f) => [f.ruleId, f.pointer])).toEqual([['AdditionalPropertyNotAllowed', '/paths/~1items~1{id}/get/parameters/0/allowEmptyValue']]);
  });
});

describe("coverage of Microsoft's rule list", () => {
  it('every rule id on the Learn page is implemented or documented as not checkable offline', () => {
    const implemented = new Set([...RULES.map((r) => r.id), ...SCHEMA_LAYER_IDS]);
    const missing = Object.values(MICROSOFT_RULE_IDS)
      .flat()
      .filter((id) => !implemented.has(id) && !NOT_CHECKABLE[id]);
    expect(missing).toEqual([]);
    const both = Object.keys(NOT_CHECKABLE).filter((id) => implemented.has(id));
    expect(both).toEqual([]);
  });
  it('rule ids are unique and connectorkit-own ids start with Ck', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const microsoft = new Set(Object.values(MICROSOFT_RULE_IDS).flat());
    expect(ids.filter((id) => !microsoft.has(id) && !id.startsWith('Ck'))).toEqual([]);
  });
});

describe('relaxations without corpus evidence are still exercised', () => {
  const base = readFixture(path.join(RULE_FIXTURES, 'OperationIdRequired', 'pass'));
  it('settings.json with paconn keys (script, Default-<guid> environment) gives infos, an unknown key an error', () => {
    const settings = {
      connectorId: 'shared_contoso',
      environment: 'Default-dd15e603-0000-0000-0000-000000000000',
      apiProperties: 'apiProperties.json',
      apiDefinition: 'apiDefinition.swagger.json',
      icon: 'icon.png',
      script: 'script.csx',
      powerAppsUrl: 'https://api.powerapps.com',
      powerAppsApiVersion: '2016-11-01',
    };
    const ok = validateConnectorFiles({ ...base, 'settings.json': JSON.stringify(settings) });
    expect(errorsOf(ok.findings)).toEqual([]);
    expect(ok.findings.filter((f) => f.relaxation === 'settings-paconn-keys').length).toBeGreaterThan(0);
    const bad = validateConnectorFiles({ ...base, 'settings.json': JSON.stringify({ ...settings, enviroment: 'typo' }) });
    expect(errorsOf(bad.findings).map((f) => [f.ruleId, f.pointer])).toEqual([['AdditionalPropertyNotAllowed', '/enviroment']]);
  });
  it('a policy template the 2020 schema does not list is a warning, not an error', () => {
    const props = JSON.parse(base['apiProperties.json']!.toString('utf8'));
    props.properties.policyTemplateInstances = [{ templateId: 'dynamicsubdomain', title: 'Subdomain', parameters: { 'x-ms-apimTemplateParameter.subdomain': "@connectionParameters('tenant')" } }];
    const r = validateConnectorFiles({ ...base, 'apiProperties.json': JSON.stringify(props) });
    expect(errorsOf(r.findings)).toEqual([]);
    expect(r.findings.some((f) => f.relaxation === 'policy-template-shapes')).toBe(true);
  });
});

describe('line numbers', () => {
  it('a finding carries the line of its pointer', () => {
    const files = readFixture(path.join(RULE_FIXTURES, 'OperationIdNotUnique', 'fail'));
    const r = validateConnectorFiles(files);
    const f = r.findings.find((x) => x.ruleId === 'OperationIdNotUnique')!;
    const lines = files['apiDefinition.swagger.json']!.toString('utf8').split('\n');
    expect(lines[f.line! - 1]).toContain('"operationId": "ListEmployees"');
  });
});

describe('ValueContainsRestrictedWords on operations and parameters (certification only)', () => {
  const base = readFixture(path.join(RULE_FIXTURES, 'ValueContainsRestrictedWords', 'pass'));
  const mutate = (edit: (s: Record<string, any>) => void) => {
    const s = JSON.parse(base['apiDefinition.swagger.json']!.toString('utf8'));
    edit(s);
    return { ...base, 'apiDefinition.swagger.json': Buffer.from(JSON.stringify(s, null, 4)) };
  };
  const hits = (files: Record<string, Buffer>, level: ValidationLevel = 'certification') =>
    validateConnectorFiles(files, { level })
      .findings.filter((f) => f.ruleId === 'ValueContainsRestrictedWords')
      .map((f) => [f.severity, f.pointer, f.message]);
  it('flags a product name in an operation description, summary and a parameter description / x-ms-summary', () => {
    const files = mutate((s) => {
      const op = s.paths['/items'].get;
      op.description = 'Lists employees so Power Automate can fill a drop-down.';
      op.summary = 'List employees for dynamics 365';
      s.parameters.Top.description = 'How many rows Power  BI shows.';
      s.parameters.Top['x-ms-summary'] = 'Top (Copilot Studio)';
    });
    expect(hits(files)).toEqual(
      expect.arrayContaining([
        ['error', '/paths/~1items/get/description', "The value 'description' contains at least one of the restricted words: 'Power Automate'."],
        ['error', '/paths/~1items/get/summary', "The value 'summary' contains at least one of the restricted words: 'Dynamics 365'."],
        ['error', '/parameters/Top/description', "The value 'description' contains at least one of the restricted words: 'Power BI'."],
        ['error', '/parameters/Top/x-ms-summary', "The value 'x-ms-summary' contains at least one of the restricted words: 'Copilot Studio'."],
      ]),
    );
    expect(hits(files)).toHaveLength(4);
    expect(hits(files, 'platform')).toEqual([]);
  });
  it('matches whole words only', () => {
    expect(
      hits(
        mutate((s) => {
          s.paths['/items'].get.description = 'Lists employees of SuperPowerApps and Power Automated Inc.';
        }),
      ),
    ).toEqual([]);
  });
});
