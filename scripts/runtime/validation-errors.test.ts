import type { TsoaRoute } from '@tsoa/runtime';
import { fieldErrorsToDetails, friendlyMessage } from './validation-errors';

const query = (name: string, dataType: TsoaRoute.ParameterSchema['dataType']): TsoaRoute.ParameterSchema => ({ in: 'query', name, dataType, required: false });

describe('friendly validation messages', () => {
  it.each([
    ["'givenName' is required", 'givenName is required'],
    ['invalid integer number', 'f must be an integer'],
    ['invalid float number', 'f must be a number'],
    ['invalid boolean value', 'f must be true or false'],
    ['invalid ISO 8601 date format, i.e. YYYY-MM-DD', 'f must be a date (YYYY-MM-DD)'],
    ['min 1', 'f must be at least 1'],
    ['max 100', 'f must be at most 100'],
    ['minLength 1', 'f must not be empty'],
    ['maxLength 64', 'f must be at most 64 characters long'],
    ["Not match in '^E[0-9]{6}$'", 'f must match the pattern ^E[0-9]{6}$'],
    ["Not match in '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'", 'f must be a valid email address'],
    ["should be one of the following; ['Active','OnLeave']", 'f must be one of Active, OnLeave'],
    ['invalid object', 'f must be a JSON object'],
    ['Please send a positive amount', 'Please send a positive amount'],
  ])('%s → %s', (tsoa, friendly) => {
    expect(friendlyMessage(tsoa.startsWith("'givenName'") ? 'givenName' : 'f', tsoa)).toBe(friendly);
  });

  it('a custom message that only repeats the field name (method-level `@isInt top`) says what the type needs', () => {
    expect(friendlyMessage('top', 'top', query('top', 'integer'), 'top')).toBe('top must be an integer');
    expect(friendlyMessage('ratio', 'ratio', query('ratio', 'double'), 'ratio')).toBe('ratio must be a number');
    expect(friendlyMessage('q', 'q', query('q', 'string'), 'q')).toBe('q has an invalid value');
  });

  it('one detail per field with its target; extra properties one detail each', () => {
    const body: TsoaRoute.ParameterSchema = { in: 'body', name: 'body', dataType: 'refObject', ref: 'X', required: true };
    const details = fieldErrorsToDetails(body, {
      'body.email': { message: "Not match in '^[^@]+@[^@]+$'", value: 'x' },
      body: { message: '"a,b" is an excess property and therefore is not allowed', value: {} },
    });
    expect(details).toEqual([
      { code: 'CK_HTTP_FIELD_INVALID', message: 'email must be a valid email address', target: 'body.email' },
      { code: 'CK_HTTP_FIELD_UNEXPECTED', message: 'a is not a declared property and is not allowed', target: 'body.a' },
      { code: 'CK_HTTP_FIELD_UNEXPECTED', message: 'b is not a declared property and is not allowed', target: 'body.b' },
    ]);
  });
});
