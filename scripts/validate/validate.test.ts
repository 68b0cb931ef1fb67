import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { compareFindings, validateConnectorDir, validateConnectorFiles } from './validate';
import { RULES } from './rules';
import { RELAXATIONS } from './relaxations';
import { corpusConnectors, CORPUS_DIR } from './corpus';
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
    const expected = level === 'platform' && rule.platformSeverity ? rule.platformSeverity : rule.severity;
    it(`${rule.id}: pass has no finding and no error; fail reports it as ${expected}`, () => {
      const pass = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, rule.id, 'pass')), { level });
      expect(pass.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
      expect(errorsOf(pass.findings)).toEqual([]);
      const fail = validateConnectorFiles(readFixture(path.join(RULE_FIXTURES, rule.id, 'fail')), { level });
      const hits = fail.findings.filter((f) => f.ruleId === rule.id);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.map((h) => h.severity)).toContain(expected);
      for (const h of hits) expect(h.file).toBeTruthy();
    });
  }
});

describe('development corpus (70 connectors Microsoft merged)', () => {
  const names = corpusConnectors();
  const reports = new Map<string, Awaited<ReturnType<typeof validateConnectorDir>>>();
  beforeAll(async () => {
    for (const n of names) reports.set(n, await validateConnectorDir(path.join(CORPUS_DIR, n)));
  });
  it('is present with 70 connectors', () => {
    expect(names).toHaveLength(70);
  });
  it('gives zero errors at the default level', () => {
    const errors = names.flatMap((n) => errorsOf(reports.get(n)!.findings).map((f) => `${n}: ${f.ruleId} ${f.file}#${f.pointer} ${f.message}`));
    expect(errors).toEqual([]);
  });
  it('holds only client secret placeholders (Signi "<Enter your client secret>", SureXeroLite "[[DUMMY]]"): warnings, not errors', () => {
    // Checked by hand: neither value is a real secret, so CkClientSecret at platform level keeps the corpus at zero errors.
    const hits = names.flatMap((n) => reports.get(n)!.findings.filter((f) => f.ruleId === 'CkClientSecret').map((f) => `${n} ${f.severity} ${f.pointer}`));
    expect(hits.sort()).toEqual(['Signi', 'SureXeroLite'].map((n) => `${n} warning /properties/connectionParameters/token/oAuthSettings/clientSecret`));
  });
  it('needs each relaxation in exactly the number of connectors relaxations.ts documents', () => {
    const used = new Map<string, Set<string>>();
    for (const [n, r] of reports) for (const f of r.findings) if (f.relaxation) (used.get(f.relaxation) ?? used.set(f.relaxation, new Set()).get(f.relaxation)!).add(n);
    for (const r of RELAXATIONS) expect({ id: r.id, corpus: used.get(r.id)?.size ?? 0 }).toEqual({ id: r.id, corpus: r.corpus });
  });
});

describe('mutations of corpus connectors: one injected defect → exactly that new error', () => {
  type Doc = Record<string, any>;
  const load = (name: string) => ({
    swagger: JSON.parse(readFileSync(path.join(CORPUS_DIR, name, 'apiDefinition.swagger.json'), 'utf8').replace(/^\uFEFF/, '')) as Doc,
    props: readFileSync(path.join(CORPUS_DIR, name, 'apiProperties.json')),
  });
  const firstOp = (s: Doc, pred: (o: Doc, m: string) => boolean = () => true): Doc => {
    for (const item of Object.values(s.paths as Doc)) for (const [m, o] of Object.entries(item as Doc)) if (typeof o === 'object' && ['get', 'post', 'put', 'patch', 'delete'].includes(m) && pred(o as Doc, m)) return o as Doc;
    throw new Error('no matching operation');
  };
  const stripKey = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => stripKey(x, key));
    else if (v && typeof v === 'object') {
      delete (v as Doc)[key];
      Object.values(v).forEach((x) => stripKey(x, key));
    }
  };
  const cases: Array<{ connector: string; rule: string; level?: ValidationLevel; mutate: (s: Doc) => void }> = [
    { connector: 'Hunter', rule: 'OperationIdNotUnique', mutate: (s) => { const ops: Doc[] = []; for (const it of Object.values(s.paths as Doc)) for (const o of Object.values(it as Doc)) if ((o as Doc).operationId) ops.push(o as Doc); ops[1]!.operationId = ops[0]!.operationId; } },
    { connector: 'WooCommerce', rule: 'DefaultResponseHasSchema', level: 'certification', mutate: (s) => { const o = firstOp(s); o.responses.default = { description: 'Error.', schema: { type: 'object' } }; } },
    { connector: 'Oneflow', rule: 'AdditionalPropertyNotAllowedAdjacentToRef', mutate: (s) => { const o = firstOp(s, (x) => JSON.stringify(x.responses?.['200']?.schema ?? {}).startsWith('{"$ref"')); o.responses['200'].schema.description = 'The result.'; } },
    { connector: 'Asite', rule: 'WebhookOperationsMissingNotificationUrlProperty', mutate: (s) => stripKey(s, 'x-ms-notification-url') },
    { connector: 'Tikit', rule: 'SchemaReferenceNotFound', mutate: (s) => { const o = firstOp(s, (x) => JSON.stringify(x.responses?.['200']?.schema ?? {}).startsWith('{"$ref"')); o.responses['200'].schema.$ref = '#/definitions/DoesNotExist'; } },
    { connector: 'CDK Drive Service Vehicles', rule: 'SchemaReferenceNotValid', mutate: (s) => { const o = firstOp(s, (x) => JSON.stringify(x.responses?.['200']?.schema ?? {}).startsWith('{"$ref"')); o.responses['200'].schema.$ref = 'other.json#/definitions/X'; } },
    { connector: 'Fitbit', rule: 'BodyOrFormDataParameterInFetchOperationNotAllowed', mutate: (s) => { const o = firstOp(s, (_x, m) => m === 'get'); (o.parameters ??= []).push({ name: 'body', in: 'body', schema: { type: 'object' } }); } },
    { connector: 'Secib', rule: 'InvalidNextLinkNameValue', mutate: (s) => { firstOp(s, (_x, m) => m === 'get')['x-ms-pageable'] = { nextLinkName: 'next' }; } },
  ];
  for (const c of cases) {
    it(`${c.connector} + ${c.rule}`, () => {
      const { swagger, props } = load(c.connector);
      const level = c.level ?? 'platform';
      const before = validateConnectorFiles({ 'apiDefinition.swagger.json': JSON.stringify(swagger), 'apiProperties.json': props }, { level });
      c.mutate(swagger);
      const after = validateConnectorFiles({ 'apiDefinition.swagger.json': JSON.stringify(swagger), 'apiProperties.json': props }, { level });
      const key = (f: Finding) => `${f.ruleId} ${f.file}#${f.pointer} ${f.message}`;
      const old = new Set(errorsOf(before.findings).map(key));
      const added = errorsOf(after.findings).filter((f) => !old.has(key(f)));
      expect(added.length).toBeGreaterThan(0);
      expect([...new Set(added.map((f) => f.ruleId))]).toEqual([c.rule]);
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
    const missing = Object.values(MICROSOFT_RULE_IDS).flat().filter((id) => !implemented.has(id) && !NOT_CHECKABLE[id]);
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
    const settings = { connectorId: 'shared_contoso', environment: 'Default-dd15e603-0000-0000-0000-000000000000', apiProperties: 'apiProperties.json', apiDefinition: 'apiDefinition.swagger.json', icon: 'icon.png', script: 'script.csx', powerAppsUrl: 'https://api.powerapps.com', powerAppsApiVersion: '2016-11-01' };
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
    validateConnectorFiles(files, { level }).findings.filter((f) => f.ruleId === 'ValueContainsRestrictedWords').map((f) => [f.severity, f.pointer, f.message]);
  it('flags a product name in an operation description, summary and a parameter description / x-ms-summary', () => {
    const files = mutate((s) => {
      const op = s.paths['/items'].get;
      op.description = 'Lists employees so Power Automate can fill a drop-down.';
      op.summary = 'List employees for dynamics 365';
      s.parameters.Top.description = 'How many rows Power  BI shows.';
      s.parameters.Top['x-ms-summary'] = 'Top (Copilot Studio)';
    });
    expect(hits(files)).toEqual(expect.arrayContaining([
      ['error', '/paths/~1items/get/description', "The value 'description' contains at least one of the restricted words: 'Power Automate'."],
      ['error', '/paths/~1items/get/summary', "The value 'summary' contains at least one of the restricted words: 'Dynamics 365'."],
      ['error', '/parameters/Top/description', "The value 'description' contains at least one of the restricted words: 'Power BI'."],
      ['error', '/parameters/Top/x-ms-summary', "The value 'x-ms-summary' contains at least one of the restricted words: 'Copilot Studio'."],
    ]));
    expect(hits(files)).toHaveLength(4);
    expect(hits(files, 'platform')).toEqual([]);
  });
  it('matches whole words only', () => {
    expect(hits(mutate((s) => { s.paths['/items'].get.description = 'Lists employees of SuperPowerApps and Power Automated Inc.'; }))).toEqual([]);
  });
});
