import * as path from 'node:path';
import { PNG } from 'pngjs';
import { expectGolden } from '../testing/golden';
import { catchCkError } from '../testing/catch-ck-error';
import { buildConnector, CONNECTOR_FILES } from './build-connector';
import { generateIcon, ICON_SIZE } from './icon';
import { FIXTURE_DEPLOY, TESTDATA, fixtureConfig, fixtureSpec } from './testdata/fixture';
import type { ConnectorFolder } from './types';

const GOLDEN = path.join(TESTDATA, 'golden');
type Obj = Record<string, any>;

function walk(v: unknown, visit: (o: Obj, at: string) => void, at = ''): void {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, visit, `${at}/${i}`));
  else if (v && typeof v === 'object') {
    visit(v as Obj, at);
    for (const [k, x] of Object.entries(v)) walk(x, visit, `${at}/${k}`);
  }
}

describe('buildConnector (fixture API, no deploy outputs)', () => {
  let folder: ConnectorFolder;
  let swagger: Obj;
  beforeAll(() => {
    folder = buildConnector({ spec: fixtureSpec(), config: fixtureConfig() });
    swagger = JSON.parse(folder.files['apiDefinition.swagger.json'] as string);
  });

  it('produces exactly the connector files', () => {
    expect(Object.keys(folder.files).sort()).toEqual([...CONNECTOR_FILES].sort());
  });

  for (const name of CONNECTOR_FILES) {
    it(`${name} matches its golden file`, () => expectGolden(path.join(GOLDEN, 'local', name), folder.files[name]!));
  }

  it('writes UTF-8 without BOM, 4-space indentation, LF and a trailing newline', () => {
    for (const name of CONNECTOR_FILES.filter((n) => n !== 'icon.png')) {
      const text = folder.files[name] as string;
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n')).toBe(true);
      if (name.endsWith('.json')) expect(text.split('\n')[1]).toMatch(/^ {4}"/);
    }
  });

  it('follows the Power Platform rules for the definition', () => {
    expect(swagger.schemes).toEqual(['https']);
    expect(swagger.host).not.toMatch(/^https?:/);
    expect(Object.keys(swagger).slice(0, 4)).toEqual(['swagger', 'info', 'host', 'basePath']);
    walk(swagger, (o, at) => {
      if (typeof o.$ref === 'string') expect({ at, keys: Object.keys(o) }).toEqual({ at, keys: ['$ref'] });
      if (Array.isArray(o.required)) expect({ at, n: o.required.length }).not.toEqual({ at, n: 0 });
    });
    for (const item of Object.values<Obj>(swagger.paths)) {
      for (const op of Object.values<Obj>(item)) {
        expect(op.operationId).toMatch(/^[A-Z][A-Za-z0-9]*$/);
        expect(op.summary).toBeTruthy();
        expect(op.description).not.toBe(op.summary);
        expect(['important', 'advanced', 'internal']).toContain(op['x-ms-visibility']);
        expect(op.security).toBeUndefined();
        for (const p of op.parameters ?? []) {
          expect(p['x-ms-summary']).toBeTruthy();
          expect(p.description).toBeTruthy();
          if (p.in === 'body') expect(op.consumes).toEqual(['application/json']);
        }
        if (op.responses.default) expect(op.responses.default.schema).toBeUndefined();
      }
    }
    expect(swagger.security).toEqual([{ 'oauth2-auth': [] }]);
    expect(swagger['x-ms-connector-metadata'].map((m: Obj) => m.propertyName)).toEqual(['Website', 'Privacy policy', 'Categories']);
  });

  it('marks the local placeholders and notes the generated docs', () => {
    expect(folder.model.placeholders).toEqual(['host', 'clientId', 'resourceUri']);
    const codes = folder.notices.map((n) => n.code);
    expect(codes).toContain('CK_EXPORT_LOCAL_PLACEHOLDERS');
    expect(codes).toContain('CK_EXPORT_DOC_GENERATED');
  });

  it('is deterministic', () => {
    const again = buildConnector({ spec: fixtureSpec(), config: fixtureConfig() });
    for (const name of CONNECTOR_FILES) expect(Buffer.from(again.files[name]!).equals(Buffer.from(folder.files[name]!))).toBe(true);
  });
});

describe('buildConnector with deploy outputs', () => {
  it('uses the gateway host, tenant and app ids (golden apiProperties)', () => {
    const folder = buildConnector({ spec: fixtureSpec(), config: fixtureConfig(), deployOutputs: FIXTURE_DEPLOY });
    const swagger = JSON.parse(folder.files['apiDefinition.swagger.json'] as string);
    expect([swagger.host, swagger.basePath]).toEqual([FIXTURE_DEPLOY.host, FIXTURE_DEPLOY.basePath]);
    expect(folder.model.placeholders).toEqual([]);
    expect(folder.notices.map((n) => n.code)).not.toContain('CK_EXPORT_LOCAL_PLACEHOLDERS');
    expectGolden(path.join(GOLDEN, 'deployed', 'apiProperties.json'), folder.files['apiProperties.json']!);
  });
});

describe('icon', () => {
  it('is a deterministic, opaque 230×230 PNG in the brand colour', () => {
    const a = generateIcon('#2b5797');
    expect(a.equals(generateIcon('#2b5797'))).toBe(true);
    expect(a.equals(generateIcon('#aa3300'))).toBe(false);
    const img = PNG.sync.read(a);
    expect([img.width, img.height]).toEqual([ICON_SIZE, ICON_SIZE]);
    expect([...img.data.subarray(0, 4)]).toEqual([0x2b, 0x57, 0x97, 255]);
    for (let i = 3; i < img.data.length; i += 4) if (img.data[i] !== 255) throw new Error('transparent pixel');
  });

  it('takes a configured icon and rejects a non-PNG one', () => {
    const png = generateIcon('#123456');
    const f = buildConnector({ spec: fixtureSpec(), config: fixtureConfig(), icon: png });
    expect(f.files['icon.png']).toBe(png);
    expect(f.model.iconGenerated).toBe(false);
    expect(catchCkError(() => buildConnector({ spec: fixtureSpec(), config: fixtureConfig(), icon: Buffer.from('GIF89a') })).code).toBe('CK_EXPORT_ICON_INVALID');
    expect(catchCkError(() => buildConnector({ spec: fixtureSpec(), config: fixtureConfig({ connector: { icon: 'missing.png' } }), root: TESTDATA })).code).toBe('CK_EXPORT_ICON_INVALID');
  });
});

describe('secrets', () => {
  it('never writes a client secret, with or without deploy outputs', () => {
    for (const deployOutputs of [undefined, FIXTURE_DEPLOY]) {
      const f = buildConnector({ spec: fixtureSpec(), config: fixtureConfig(), ...(deployOutputs ? { deployOutputs } : {}) });
      for (const name of ['apiDefinition.swagger.json', 'apiProperties.json', 'settings.json']) expect({ name, hit: /secret|password/i.test(f.files[name] as string) }).toEqual({ name, hit: false });
      expect(f.files['readme.md']).not.toMatch(/clientSecret/i);
      const props = JSON.parse(f.files['apiProperties.json'] as string);
      expect(props.properties.connectionParameters.token.oAuthSettings).not.toHaveProperty('clientSecret');
    }
  });

  it('refuses a config that carries one, naming the key', () => {
    const e = catchCkError(() => buildConnector({ spec: fixtureSpec(), config: fixtureConfig({ connector: { auth: { clientId: 'x', clientSecret: 'abc~123456' } } }) }));
    expect(e).toMatchObject({ code: 'CK_EXPORT_SECRET_IN_CONFIG', target: 'connector.auth.clientSecret' });
  });
});

describe('input problems are coded errors naming the config key', () => {
  const cases: Array<[string, Parameters<typeof fixtureConfig>[0], string]> = [
    ['title with "API"', { connector: { title: 'Employees API' } }, 'connector.title'],
    ['title over 30 characters', { connector: { title: 'Contoso Employee Directory Service' } }, 'connector.title'],
    ['default title from api.title', { connector: { title: undefined } }, 'api.title'],
    ['description too short', { connector: { description: 'Too short.' } }, 'connector.description'],
    ['unknown category', { connector: { categories: ['People'] } }, 'connector.categories'],
    ['three categories', { connector: { categories: ['AI', 'Data', 'Finance'] } }, 'connector.categories'],
    ['default brand colour', { connector: { brandColor: '#007EE5' } }, 'connector.brandColor'],
    ['missing contact email', { api: { contact: { name: 'A', url: 'https://a.example' } } }, 'api.contact.email'],
    ['missing privacy policy', { connector: { privacyPolicy: undefined } }, 'connector.privacyPolicy'],
    ['missing publisher', { connector: { publisher: undefined } }, 'connector.publisher'],
  ];
  for (const [what, patch, key] of cases) {
    it(what, () => {
      const e = catchCkError(() => buildConnector({ spec: fixtureSpec(), config: fixtureConfig(patch) }));
      expect(e.code).toBe('CK_EXPORT_CONFIG_INCOMPLETE');
      expect(e.details!.map((d) => d.target)).toContain(key);
    });
  }

  it('duplicate operationIds (ignoring case) are a spec error with a pointer', () => {
    const spec = fixtureSpec();
    spec.paths['/employees'].get.operationId = 'getEmployee';
    const e = catchCkError(() => buildConnector({ spec, config: fixtureConfig() }));
    expect(e.code).toBe('CK_EXPORT_SPEC_INVALID');
    expect(e.details![0]!.target).toBe('/paths/~1employees~1{id}/get');
  });

  it('an invalid regex pattern is left out with a notice naming its pointer', () => {
    const spec = fixtureSpec();
    spec.definitions.Employee.properties.name.pattern = '^[A-Z][a-z';
    const f = buildConnector({ spec, config: fixtureConfig() });
    expect(JSON.parse(f.files['apiDefinition.swagger.json'] as string).definitions.Employee.properties.name.pattern).toBeUndefined();
    expect(f.notices.find((n) => n.code === 'CK_EXPORT_PATTERN_DROPPED')?.target).toBe('/definitions/Employee/properties/name/pattern');
  });

  it('OpenAPI 3 input is refused', () => {
    expect(catchCkError(() => buildConnector({ spec: { openapi: '3.0.0', paths: {} }, config: fixtureConfig() })).code).toBe('CK_EXPORT_SPEC_INVALID');
  });
});

describe('offline validation (scripts/validate)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the validator loads only for this describe block
  const { validateConnectorFiles } = require('../validate/validate') as typeof import('../validate/validate');
  it('the fixture export passes --level certification with 0 errors and 0 warnings, local and deployed', () => {
    for (const deployOutputs of [undefined, FIXTURE_DEPLOY]) {
      const f = buildConnector({ spec: fixtureSpec(), config: fixtureConfig(), ...(deployOutputs ? { deployOutputs } : {}) });
      const r = validateConnectorFiles(f.files, { level: 'certification' });
      expect(r.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    }
  });
});
