/** `export --postman`: a Postman Collection v2.1 of the sample, valid against Postman's published schema. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkPostmanCollection, postmanSchema, toPostmanCollection } from './postman';

const REPO = path.resolve(__dirname, '../..');
const def = () => JSON.parse(readFileSync(path.join(REPO, 'connector/apiDefinition.swagger.json'), 'utf8'));

describe('Postman collection', () => {
  it("assembles Postman's split schema into one with every definition", () => {
    const s = postmanSchema();
    expect(Object.keys(s.definitions).sort()).toEqual([
      'auth',
      'auth-attribute',
      'certificate',
      'certificate-list',
      'cookie',
      'cookie-list',
      'description',
      'event',
      'event-list',
      'header',
      'header-list',
      'info',
      'item',
      'item-group',
      'protocol-profile-behavior',
      'proxy-config',
      'request',
      'response',
      'script',
      'url',
      'variable',
      'variable-list',
      'version',
    ]);
  });

  it("the sample's collection passes the schema, with one request per operation", () => {
    const c = toPostmanCollection(def());
    expect(checkPostmanCollection(c)).toEqual([]);
    const items = c.item.flatMap((i: any) => i.item ?? [i]);
    expect(items.map((i: any) => `${i.request.method} ${i.request.url.raw.split('?')[0]}`).sort()).toEqual([
      'DELETE {{baseUrl}}/employee-events/added/:subscriptionId',
      'DELETE {{baseUrl}}/employees/:employeeId',
      'GET {{baseUrl}}/departments',
      'GET {{baseUrl}}/employee-events/changes',
      'GET {{baseUrl}}/employees',
      'GET {{baseUrl}}/employees/:employeeId',
      'GET {{baseUrl}}/me',
      'PATCH {{baseUrl}}/employees/:employeeId',
      'POST {{baseUrl}}/employee-events/added',
      'POST {{baseUrl}}/employees',
    ]);
    const create = items.find((i: any) => i.request.method === 'POST' && i.request.url.raw.split('?')[0].endsWith('/employees'));
    expect(JSON.parse(create.request.body.raw)).toMatchObject({ id: 'E000123', employmentType: 'FullTime' });
    expect(c.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }] });
    expect(c.variable[0]).toEqual({ key: 'baseUrl', value: 'https://contoso-employees.azure-api.net/api', type: 'string' });
  });

  it('the schema check bites: a collection without info.schema, or a variable of an unknown type, is refused', () => {
    const c = toPostmanCollection(def());
    delete c.info.schema;
    expect(checkPostmanCollection(c).join('\n')).toMatch(/\/info must have required property 'schema'/);
    const d = toPostmanCollection(def());
    d.variable[0].type = 'url';
    expect(checkPostmanCollection(d).join('\n')).toMatch(/\/variable\/0\/type must be equal to one of the allowed values/);
  });

  it('connectorkit export --postman <file> writes the collection', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ck-postman-'));
    try {
      const testdata = path.join(REPO, 'scripts/export/testdata');
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', private: true, connectorkit: JSON.parse(readFileSync(path.join(testdata, 'config.json'), 'utf8')) }));
      mkdirSync(path.join(dir, 'dist'));
      cpSync(path.join(testdata, 'spec.json'), path.join(dir, 'dist', 'swagger.json'));
      const r = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [path.join(REPO, 'scripts/bin/connectorkit.cjs'), 'export', '--postman', 'dist/collection.json', '--json'],
          { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
          (err, stdout) => resolve({ code: err ? 1 : 0, stdout }),
        );
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).result.postmanFile).toBe(path.join(dir, 'dist', 'collection.json'));
      const written = JSON.parse(readFileSync(path.join(dir, 'dist', 'collection.json'), 'utf8'));
      expect(checkPostmanCollection(written)).toEqual([]);
      expect(written.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
