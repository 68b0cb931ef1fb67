import * as path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { toJsonText } from '../core/fs';
import { generateMetadata, type BuildMetadata } from '../metadata';
import { expectGolden } from '../testing/golden';
import type { ProjectConfig } from '../config/types';
import { emitSpec } from './index';
import type { SpecResult } from './types';

const TESTDATA = path.join(__dirname, 'testdata');
const API: ProjectConfig['api'] = {
  title: 'Fixture HR',
  description: 'Employees, documents and webhooks of the fixture API used by the spec tests.',
  version: '1.2.0',
  contact: { name: 'Fixture team', url: 'https://example.com', email: 'fixture@example.com' },
  host: 'fixture.example.com',
  basePath: '/api',
  schemes: ['https'],
};

type Json = Record<string, any>;

let bm: BuildMetadata;
let result: SpecResult;
beforeAll(() => {
  bm = generateMetadata({ root: path.join(TESTDATA, 'fixture-api'), entryFile: 'index.ts', controllerPathGlobs: ['controllers/*.ts'] });
  result = emitSpec(bm, API, { connectorMetadata: [{ propertyName: 'Website', propertyValue: 'https://example.com' }] });
});

/** Calls fn on every object node of the JSON tree with its JSON pointer. */
function walk(node: unknown, fn: (o: Json, pointer: string) => void, pointer = ''): void {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, fn, `${pointer}/${i}`));
  else if (node && typeof node === 'object') {
    fn(node as Json, pointer);
    for (const [k, v] of Object.entries(node)) walk(v, fn, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

const operations = (spec: Json) =>
  Object.entries(spec.paths as Json).flatMap(([p, item]) =>
    Object.entries(item as Json)
      .filter(([k]) => !k.startsWith('x-'))
      .map(([verb, op]) => ({ p, verb, op: op as Json })),
  );

describe('emitSpec on the fixture API', () => {
  test('matches the golden spec and reports no findings', () => {
    expect(result.findings).toEqual([]);
    expectGolden(path.join(TESTDATA, 'golden', 'fixture-api.swagger.json'), toJsonText(result.spec));
  });

  test('is valid Swagger 2.0 for swagger-parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(result.spec) as never)).resolves.toBeTruthy();
  });

  test('is deterministic and emits root keys in Swagger order', () => {
    expect(Object.keys(result.spec)).toEqual(['swagger', 'info', 'host', 'basePath', 'schemes', 'consumes', 'produces', 'paths', 'definitions', 'securityDefinitions', 'x-ms-connector-metadata']);
    expect(toJsonText(emitSpec(bm, API, { connectorMetadata: [{ propertyName: 'Website', propertyValue: 'https://example.com' }] }).spec)).toBe(toJsonText(result.spec));
  });

  test('obeys the Power Platform rules', () => {
    const problems: string[] = [];
    walk(result.spec, (o, ptr) => {
      if ('$ref' in o && Object.keys(o).length > 1) problems.push(`${ptr}: sibling beside $ref`);
      if (Array.isArray(o.required) && o.required.length === 0) problems.push(`${ptr}: required: []`);
      for (const [k, v] of Object.entries(o)) if (v === undefined) problems.push(`${ptr}/${k}: undefined`);
    });
    for (const { p, verb, op } of operations(result.spec)) {
      if (op.responses.default?.schema) problems.push(`${verb} ${p}: schema on default`);
      const hasBody = (op.parameters ?? []).some((x: Json) => x.in === 'body' || x.in === 'formData');
      if (hasBody !== Array.isArray(op.consumes)) problems.push(`${verb} ${p}: consumes ${hasBody ? 'missing' : 'without a body'}`);
      for (const prm of op.parameters ?? []) {
        if (typeof prm['x-ms-summary'] !== 'string' || !prm['x-ms-summary']) problems.push(`${verb} ${p} ${prm.name}: no x-ms-summary`);
        if (prm.in === 'path' && (!prm['x-ms-url-encoding'] || prm.required !== true)) problems.push(`${verb} ${p} ${prm.name}: path parameter without encoding/required`);
        if (prm.in !== 'path' && prm['x-ms-url-encoding']) problems.push(`${verb} ${p} ${prm.name}: x-ms-url-encoding off a path`);
        if (prm.in === 'body' && !prm.schema) problems.push(`${verb} ${p}: body without schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('puts x-ms-* on operations, parameters and schema properties', () => {
    const spec = result.spec as Json;
    const list = spec.paths['/employees'].get;
    expect(list['x-ms-visibility']).toBe('important');
    expect(list['x-ms-pageable']).toEqual({ nextLinkName: 'nextLink' });
    expect(spec.paths['/webhooks'].post['x-ms-trigger']).toBe('single');
    const pageSize = list.parameters.find((x: Json) => x.name === 'page_size');
    expect(pageSize).toMatchObject({ 'x-ms-visibility': 'advanced', 'x-ms-summary': 'Page Size' });
    const get = spec.paths['/employees/{employeeId}'].get;
    expect(get.parameters[0]).toMatchObject({ name: 'employeeId', 'x-ms-summary': 'Employee', 'x-ms-url-encoding': 'single', 'x-ms-dynamic-values': { operationId: 'ListEmployees' } });
    // @Path('employeeId') id: the extension follows the TS parameter to its wire name.
    expect(spec.paths['/employees/{employeeId}'].put.parameters[0]).toMatchObject({ name: 'employeeId', 'x-ms-url-encoding': 'double', 'x-ms-summary': 'Employee ID' });
    expect(list.parameters.find((x: Json) => x.in === 'header')['x-ms-summary']).toBe('Correlation ID');
    expect(spec.definitions.WebhookRequest.properties.callbackUrl).toMatchObject({ 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' });
    expect(spec.definitions.Employee.properties.id['x-ms-summary']).toBe('Employee ID');
    expect(get.summary).toBe('Get an employee');
    expect(get.description).toBe('Returns one employee.');
    expect(get.responses.default).toEqual({ description: 'Unexpected error' });
  });

  test('emits a placeholder oauth2 scheme per @Security name when the config has none', () => {
    expect((result.spec as Json).securityDefinitions).toEqual({
      aad: expect.objectContaining({ type: 'oauth2', flow: 'accessCode', scopes: { user_impersonation: 'user_impersonation' } }),
    });
  });

  test('uses configured securityDefinitions and reports @Security names missing from them', () => {
    const r = emitSpec(bm, { ...API, securityDefinitions: { other: { type: 'apiKey', name: 'x-key', in: 'header' } } }, { lint: false });
    expect((r.spec as Json).securityDefinitions).toEqual({ other: { type: 'apiKey', name: 'x-key', in: 'header' } });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['CK_SPEC_SECURITY_UNDEFINED', 'error']]);
    expect(r.findings[0].file).toMatch(/^controllers\/.*-controller\.ts$/);
  });
});

describe('ParamExtension metadata', () => {
  test('reads literal arguments per controller, method and TypeScript parameter name', () => {
    expect(bm.paramExtensions?.EmployeesController?.updateEmployee).toEqual({ id: { 'x-ms-url-encoding': 'double' } });
    expect(bm.paramExtensions?.EmployeesController?.listEmployees).toEqual({ page_size: { 'x-ms-visibility': 'advanced' } });
    expect(bm.paramExtensionIssues).toEqual([]);
  });
});

test('moves an operation @Extension x-ms-notification-content onto the path item', () => {
  const item = (result.spec as Json).paths['/webhooks'];
  expect(item['x-ms-notification-content']).toEqual({ description: 'The new employee', schema: { $ref: '#/definitions/Employee' } });
  expect(item.post['x-ms-notification-content']).toBeUndefined();
});
