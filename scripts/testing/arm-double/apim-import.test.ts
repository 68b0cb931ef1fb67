import { importSwagger, normaliseOperationName } from './apim-import';

test('operation names follow APIM normalisation with de-duplication', () => {
  expect(normaliseOperationName('Employees_GetById')).toBe('employees-getbyid');
  expect(normaliseOperationName('  __Get..Thing!! ')).toBe('get-thing');
  expect(normaliseOperationName('x'.repeat(90))).toHaveLength(76);
  const doc = { swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { operationId: 'A.B', responses: {} }, post: { operationId: 'a_b', responses: {} } } } };
  expect(importSwagger(JSON.stringify(doc)).operations.map((o) => o.name)).toEqual(['a-b', 'a-b-1']);
});

test('non-2.0 documents and oversize inline specs are refused', () => {
  expect(() => importSwagger(JSON.stringify({ openapi: '3.0.0' }))).toThrow(/OpenAPI 2\.0/);
  expect(() => importSwagger('{')).toThrow(/not valid JSON/);
  expect(() => importSwagger(' '.repeat(4 * 1024 * 1024 + 1))).toThrow(/4 MB/);
});
