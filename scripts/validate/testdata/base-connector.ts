/**
 * The clean connector every rule fixture starts from (see make-rule-fixtures.ts): it passes every rule at
 * --level certification with no errors and exercises the features rules look at (a webhook trigger with its
 * notification URL and content, a shared $ref parameter, path parameters, paging, enums, security).
 */
import { PNG } from 'pngjs';

/** A fresh copy of the base swagger. */
export function baseSwagger(): Record<string, any> {
  return {
    swagger: '2.0',
    info: {
      title: 'Contoso Employees',
      description: 'Reads and updates the employee directory of Contoso and notifies flows when an employee joins.',
      version: '1.0.0',
      contact: { name: 'Contoso Support', url: 'https://contoso.example.com/support', email: 'support@contoso.example.com' },
    },
    host: 'contoso-gateway.azure-api.net',
    basePath: '/employees',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/items': {
        get: {
          operationId: 'ListEmployees',
          summary: 'List employees',
          description: 'Lists the employees of the directory, one page at a time.',
          'x-ms-visibility': 'important',
          'x-ms-pageable': { nextLinkName: 'nextLink' },
          parameters: [{ $ref: '#/parameters/Top' }],
          responses: { '200': { description: 'The employees.', schema: { $ref: '#/definitions/EmployeeList' } }, default: { description: 'An error.' } },
        },
        post: {
          operationId: 'CreateEmployee',
          summary: 'Create an employee',
          description: 'Creates an employee in the directory.',
          'x-ms-visibility': 'important',
          parameters: [{ name: 'body', in: 'body', required: true, 'x-ms-summary': 'Employee', description: 'The employee to create.', schema: { $ref: '#/definitions/Employee' } }],
          responses: { '201': { description: 'The created employee.', schema: { $ref: '#/definitions/Employee' } } },
        },
      },
      '/items/{id}': {
        get: {
          operationId: 'GetEmployee',
          summary: 'Get an employee',
          description: 'Gets one employee by its identifier.',
          'x-ms-visibility': 'advanced',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'single', 'x-ms-summary': 'Employee ID', description: 'The identifier of the employee.' }],
          responses: { '200': { description: 'The employee.', schema: { $ref: '#/definitions/Employee' } } },
        },
      },
      '/webhooks': {
        'x-ms-notification-content': { description: 'The new employee.', schema: { $ref: '#/definitions/Employee' } },
        post: {
          operationId: 'OnEmployeeCreated',
          summary: 'When an employee is created',
          description: 'Triggers when an employee is created in the directory.',
          'x-ms-trigger': 'single',
          'x-ms-visibility': 'important',
          parameters: [{ name: 'body', in: 'body', required: true, 'x-ms-summary': 'Subscription', description: 'The webhook subscription.', 'x-ms-visibility': 'internal', schema: { $ref: '#/definitions/Subscription' } }],
          responses: { '201': { description: 'The subscription was created.' } },
        },
      },
      '/webhooks/{id}': {
        delete: {
          operationId: 'DeleteSubscription',
          summary: 'Delete a subscription',
          description: 'Deletes a webhook subscription when the flow is turned off.',
          'x-ms-visibility': 'internal',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'single', 'x-ms-summary': 'Subscription ID', description: 'The identifier of the subscription.' }],
          responses: { '204': { description: 'The subscription was deleted.' } },
        },
      },
    },
    definitions: {
      Employee: {
        type: 'object',
        required: ['name'],
        properties: {
          id: { type: 'string', 'x-ms-summary': 'ID', description: 'The identifier.' },
          name: { type: 'string', 'x-ms-summary': 'Name', description: 'The full name.', minLength: 1, maxLength: 200 },
          level: { type: 'integer', format: 'int32', 'x-ms-summary': 'Level', description: 'The level.', default: 1, minimum: 1, maximum: 10 },
          status: { type: 'string', enum: ['active', 'inactive'], 'x-ms-summary': 'Status', description: 'The status.' },
        },
      },
      EmployeeList: {
        type: 'object',
        properties: {
          value: { type: 'array', items: { $ref: '#/definitions/Employee' }, 'x-ms-summary': 'Employees', description: 'The employees.' },
          nextLink: { type: 'string', 'x-ms-summary': 'Next link', description: 'The next page.' },
        },
      },
      Subscription: {
        type: 'object',
        required: ['notificationUrl'],
        properties: {
          notificationUrl: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal', 'x-ms-summary': 'Callback URL', description: 'The URL to notify.' },
        },
      },
    },
    parameters: {
      Top: { name: 'top', in: 'query', required: false, type: 'integer', format: 'int32', default: 50, 'x-ms-summary': 'Top', description: 'The number of employees per page.' },
    },
    securityDefinitions: {
      oauth2_auth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/authorize', tokenUrl: 'https://login.microsoftonline.com/common/oauth2/token', scopes: {} },
    },
    security: [{ oauth2_auth: [] }],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: 'https://contoso.example.com' },
      { propertyName: 'Privacy policy', propertyValue: 'https://contoso.example.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Human Resources;Productivity' },
    ],
  };
}

/** A fresh copy of the base apiProperties. */
export function baseApiProperties(): Record<string, any> {
  return {
    properties: {
      connectionParameters: {
        token: {
          type: 'oauthSetting',
          oAuthSettings: {
            identityProvider: 'aad',
            clientId: '00000000-0000-0000-0000-000000000001',
            scopes: [],
            redirectMode: 'Global',
            redirectUrl: 'https://global.consent.azure-apim.net/redirect',
            properties: { IsFirstParty: 'False' },
            customParameters: { loginUri: { value: 'https://login.microsoftonline.com' }, tenantId: { value: 'common' }, resourceUri: { value: 'api://contoso-employees' } },
          },
        },
      },
      iconBrandColor: '#3b5998',
      capabilities: ['actions', 'triggers'],
      publisher: 'Contoso',
      stackOwner: 'Contoso',
    },
  };
}

/** The base readme.md (Microsoft's certified-connector template sections). */
export const BASE_README = [
  '# Contoso Employees',
  'Reads and updates the Contoso employee directory.',
  '',
  '## Publisher: Contoso',
  '## Prerequisites',
  'A Contoso account.',
  '## Supported Operations',
  '### List employees',
  '## Obtaining Credentials',
  'Sign in with your work account.',
  '## Known Issues and Limitations',
  'None.',
  '## Deployment Instructions',
  'Run `paconn create`.',
  '',
].join('\n');

/** A width×height PNG filled with one colour (alpha 255 unless given). */
export function solidPng(width: number, height: number, rgb: [number, number, number], alpha = 255): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = rgb[0];
    png.data[i * 4 + 1] = rgb[1];
    png.data[i * 4 + 2] = rgb[2];
    png.data[i * 4 + 3] = alpha;
  }
  return PNG.sync.write(png);
}

/** The base icon: 230×230 in the base brand colour #3b5998. */
export function baseIcon(): Buffer {
  return solidPng(230, 230, [0x3b, 0x59, 0x98]);
}
