/**
 * Writes testdata/rules/<RuleId>/{pass,fail}/ from the base connector plus one mutation each.
 * Run after changing a rule's fixture: `node scripts/bin/run-ts.js scripts/validate/testdata/make-rule-fixtures.ts`.
 * The committed folders are the fixtures; this file documents how each was made.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { baseSwagger, baseApiProperties, BASE_README, baseIcon, solidPng } from './base-connector';

type S = Record<string, any>;
interface Folder { swagger: S; props: S; readme?: string | null; icon?: Buffer | null; extra?: Record<string, unknown> }
type Mutate = (f: Folder) => void;

const P = (s: S) => s.paths;
const op = (s: S, p: string, m: string) => s.paths[p][m];

/** RuleId → fail mutation (and optional pass mutation, else the base passes). */
const CASES: Record<string, { fail: Mutate; pass?: Mutate }> = {
  AllowEmptyValueOnlyValidForQueryFormData: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'x-trace', in: 'header', type: 'string', allowEmptyValue: true }); }, pass: (f) => { f.swagger.parameters.Top.allowEmptyValue = true; } },
  ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations: { fail: (f) => { op(f.swagger, '/items', 'get')['x-ms-api-annotation'] = { family: 'ListEmployees', revision: 1, replacement: { api: 'contoso', operationId: 'ListEmployeesV2' } }; }, pass: (f) => { Object.assign(op(f.swagger, '/items', 'get'), { deprecated: true, 'x-ms-api-annotation': { family: 'ListEmployees', revision: 1, replacement: { api: 'contoso', operationId: 'ListEmployeesV2' } } }); } },
  ApiAnnotationExtensionReplacementInfoMissingApiProperty: { fail: (f) => { Object.assign(op(f.swagger, '/items', 'get'), { deprecated: true, 'x-ms-api-annotation': { family: 'ListEmployees', revision: 1, replacement: { operationId: 'ListEmployeesV2' } } }); } },
  ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty: { fail: (f) => { Object.assign(op(f.swagger, '/items', 'get'), { deprecated: true, 'x-ms-api-annotation': { family: 'ListEmployees', revision: 1, replacement: { api: 'contoso' } } }); } },
  ArrayDuplicateValue: { fail: (f) => { f.swagger.definitions.Employee.properties.status.enum = ['active', 'active']; } },
  ArrayHasNoItems: { fail: (f) => { delete f.swagger.definitions.EmployeeList.properties.value.items; } },
  BodyParameterPropertyNotValid: { fail: (f) => { op(f.swagger, '/items', 'post').parameters[0].type = 'object'; } },
  BodySchemaCountExceedsMaxAllowed: { fail: (f) => { f.swagger.definitions.Employee.properties.extra = { type: 'object', properties: Object.fromEntries(Array.from({ length: 520 }, (_, i) => [`field${i}`, { type: 'string' }])) }; } },
  DiscriminatorMustBeARequiredStringProperty: { fail: (f) => { f.swagger.definitions.Employee.discriminator = 'status'; }, pass: (f) => { f.swagger.definitions.Employee.discriminator = 'name'; } },
  DuplicateEnumValuesInExtension: { fail: (f) => { f.swagger.definitions.Employee.properties.status['x-ms-enum-values'] = [{ value: 'active', displayName: 'Active' }, { value: 'active', displayName: 'Working' }]; }, pass: (f) => { f.swagger.definitions.Employee.properties.status['x-ms-enum-values'] = [{ value: 'active', displayName: 'Active' }, { value: 'inactive', displayName: 'Inactive' }]; } },
  DynamicExtensionDefinitionNotAllowedInParameter: { fail: (f) => { op(f.swagger, '/items', 'post').parameters[0]['x-ms-dynamic-schema'] = { operationId: 'ListEmployees', 'value-path': 'value' }; }, pass: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', 'x-ms-dynamic-schema': { operationId: 'ListEmployees', 'value-path': 'value' } }; } },
  DynamicListExtensionRequiredForNonParameterReferences: {
    fail: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', properties: { level: { type: 'integer' }, manager: { type: 'string', 'x-ms-dynamic-values': { operationId: 'ListEmployees', parameters: { top: { parameter: 'level' } }, 'value-collection': 'value', 'value-path': 'id', 'value-title': 'name' } } } }; },
    pass: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-summary': 'Manager', description: 'The manager.', 'x-ms-dynamic-values': { operationId: 'ListEmployees', parameters: { top: { parameter: 'id' } }, 'value-collection': 'value', 'value-path': 'id', 'value-title': 'name' } }); },
  },
  DynamicPropertiesExtensionRequiredForNonParameterReferences: {
    fail: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', 'x-ms-dynamic-schema': { operationId: 'GetEmployee', parameters: { id: { parameter: 'name' } }, 'value-path': 'properties' } }; },
    pass: (f) => { const o = op(f.swagger, '/items/{id}', 'get'); o.parameters.push({ name: 'body', in: 'body', schema: { type: 'object', 'x-ms-dynamic-schema': { operationId: 'GetEmployee', parameters: { id: { parameter: 'id' } }, 'value-path': 'properties' } } }); P(f.swagger)['/items/{id}'].put = { ...o, operationId: 'UpdateEmployee' }; o.parameters.pop(); },
  },
  ExclusiveMaximumRequiresMaximum: { fail: (f) => { delete f.swagger.definitions.Employee.properties.level.maximum; f.swagger.definitions.Employee.properties.level.exclusiveMaximum = true; } },
  InternalPropertyWithDefaultOptional: { fail: (f) => { Object.assign(f.swagger.definitions.Employee.properties.status, { 'x-ms-visibility': 'internal', default: 'active' }); } },
  InvalidCustomEditorExtensionDictionaryValue: { fail: (f) => { f.swagger.definitions.Employee.properties.name['x-ms-editor'] = 'dictionary'; }, pass: (f) => { f.swagger.definitions.Employee.properties.tags = { type: 'object', additionalProperties: { type: 'string' }, 'x-ms-editor': 'dictionary' }; } },
  InvalidEnumValuesExtensionValue: { fail: (f) => { f.swagger.definitions.Employee.properties.status['x-ms-enum-values'] = [{ value: 'retired', displayName: 'Retired' }]; } },
  InvalidFormDataParameterName: { fail: (f) => { P(f.swagger)['/photos'] = { post: { operationId: 'UploadPhoto', summary: 'Upload a photo', description: 'Uploads a photo.', consumes: ['multipart/form-data'], parameters: [{ name: 'fotografía', in: 'formData', type: 'file' }], responses: { '204': { description: 'Done.' } } } }; }, pass: (f) => { P(f.swagger)['/photos'] = { post: { operationId: 'UploadPhoto', summary: 'Upload a photo', description: 'Uploads a photo.', consumes: ['multipart/form-data'], parameters: [{ name: 'photo', in: 'formData', type: 'file' }], responses: { '204': { description: 'Done.' } } } }; } },
  InvalidStringBinaryProperty: { fail: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', properties: { photo: { type: 'string', format: 'binary' } } }; } },
  InvokedOperationShouldProduceArray: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListEmployees', 'value-collection': 'nextLink', 'value-path': 'id', 'value-title': 'name' } }); } },
  InvokedOperationShouldProduceProperty: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListEmployees', 'value-collection': 'items', 'value-path': 'id', 'value-title': 'name' } }); } },
  MimeTypeNotValid: { fail: (f) => { f.swagger.produces = ['json']; } },
  MinItemsShouldBeLessThanOrEqualToMaxItems: { fail: (f) => { Object.assign(f.swagger.definitions.EmployeeList.properties.value, { minItems: 5, maxItems: 2 }); } },
  MinLengthShouldBeLessThanOrEqualToMaxLength: { fail: (f) => { f.swagger.definitions.Employee.properties.name.minLength = 300; } },
  MissingEnumValuesDisplayName: { fail: (f) => { f.swagger.definitions.Employee.properties.status['x-ms-enum-values'] = [{ value: 'active' }]; } },
  NotificationUrlNotAllowedInThisPosition: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['200'].schema = { type: 'object', properties: { callback: { type: 'string', 'x-ms-notification-url': true } } }; } },
  NotificationUrlNotInternal: { fail: (f) => { delete f.swagger.definitions.Subscription.properties.notificationUrl['x-ms-visibility']; delete op(f.swagger, '/webhooks', 'post').parameters[0]['x-ms-visibility']; } },
  NotificationUrlNotRequired: { fail: (f) => { f.swagger.definitions.Subscription.required = ['other']; f.swagger.definitions.Subscription.properties.other = { type: 'string' }; } },
  OAuthSecurityRequirementValueMustBeScopeName: { fail: (f) => { f.swagger.security = [{ oauth2_auth: ['Employees.Write'] }]; } },
  OperationFamilyHasDuplicateRevisions: { fail: (f) => { op(f.swagger, '/items', 'get')['x-ms-api-annotation'] = { family: 'Employees', revision: 1 }; op(f.swagger, '/items/{id}', 'get')['x-ms-api-annotation'] = { family: 'Employees', revision: 1 }; }, pass: (f) => { op(f.swagger, '/items', 'get')['x-ms-api-annotation'] = { family: 'Employees', revision: 1 }; op(f.swagger, '/items/{id}', 'get')['x-ms-api-annotation'] = { family: 'Employees', revision: 2 }; } },
  OperationFamilyHasManyActiveOperations: { fail: (f) => { for (const [p, m] of [['/items', 'get'], ['/items/{id}', 'get'], ['/items', 'post']]) op(f.swagger, p!, m!)['x-ms-api-annotation'] = { family: 'Employees', revision: [p, m].join().length }; } },
  OperationFamilyHasManyEmptyRevisions: { fail: (f) => { op(f.swagger, '/items', 'get')['x-ms-api-annotation'] = { family: 'Employees' }; op(f.swagger, '/items/{id}', 'get')['x-ms-api-annotation'] = { family: 'Employees' }; } },
  OperationIdNotFound: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListManagers', 'value-collection': 'value', 'value-path': 'id' } }); }, pass: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-summary': 'Manager', description: 'The manager.', 'x-ms-dynamic-values': { operationId: 'ListEmployees', 'value-collection': 'value', 'value-path': 'id', 'value-title': 'name' } }); } },
  OperationStatusAheadOfConnector: { fail: (f) => { f.swagger.info['x-ms-api-annotation'] = { status: 'Preview' }; op(f.swagger, '/items', 'get')['x-ms-api-annotation'] = { status: 'Production' }; } },
  ParameterRefLoopNotAllowed: { fail: (f) => { f.swagger.parameters.Limit = { $ref: '#/parameters/Top' }; } },
  PartialDuplicateOperationPath: { fail: (f) => { P(f.swagger)['/items/mine'] = { get: { operationId: 'ListMine', summary: 'List my reports', description: 'Lists my reports.', responses: { '200': { description: 'The employees.', schema: { $ref: '#/definitions/EmployeeList' } } } } }; } },
  PathParametersContainDuplicateParameter: { fail: (f) => { P(f.swagger)['/items'].parameters = [{ name: 'tenant', in: 'header', type: 'string' }, { name: 'tenant', in: 'header', type: 'string' }]; } },
  PatternShouldBeValidRegularExpression: { fail: (f) => { f.swagger.definitions.Employee.properties.name.pattern = '^[A-Z'; }, pass: (f) => { f.swagger.definitions.Employee.properties.name.pattern = '^[A-Za-z ]+$'; } },
  PropertyMustBeRequired: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'api-version', in: 'query', type: 'string', default: '2024-01-01', 'x-ms-visibility': 'internal' }); }, pass: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'api-version', in: 'query', type: 'string', required: true, default: '2024-01-01', 'x-ms-visibility': 'internal' }); } },
  RequiredLoopInSchemaNotAllowed: { fail: (f) => { f.swagger.definitions.Employee.properties.manager = { $ref: '#/definitions/Employee' }; f.swagger.definitions.Employee.required.push('manager'); }, pass: (f) => { f.swagger.definitions.Employee.properties.manager = { $ref: '#/definitions/Employee' }; } },
  RequiredReadOnlyPropertyNotAllowedAsInput: { fail: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true } } }; } },
  RequiredValueEmpty: { fail: (f) => { f.swagger.info.version = ''; } },
  ResponseHeadersAreNotUnique: { fail: (f) => { op(f.swagger, '/webhooks', 'post').responses['201'].headers = { Location: { type: 'string' }, location: { type: 'string' } }; }, pass: (f) => { op(f.swagger, '/webhooks', 'post').responses['201'].headers = { Location: { type: 'string' } }; } },
  ResponseMustBeDefaultOrHttpStatusCode: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['2XX'] = { description: 'Any success.' }; } },
  ResponseRefLoopNotAllowed: { fail: (f) => { f.swagger.responses = { NotFound: { description: 'Not found.' }, Missing: { $ref: '#/responses/NotFound' } }; }, pass: (f) => { f.swagger.responses = { NotFound: { description: 'Not found.' } }; op(f.swagger, '/items/{id}', 'get').responses['404'] = { $ref: '#/responses/NotFound' }; } },
  RestrictedCharactersInSummary: { fail: (f) => { op(f.swagger, '/items', 'get').summary = 'List employees & managers'; } },
  SchemaDefinitionSetIncorrectly: { fail: (f) => { const o = op(f.swagger, '/items/{id}', 'get'); o.responses = { '202': o.responses['200'] }; } },
  SchemaRefLoopNotAllowed: { fail: (f) => { f.swagger.definitions.Person = { $ref: '#/definitions/Employee' }; } },
  SchemaTypeFileNotValid: { fail: (f) => { f.swagger.definitions.Employee.properties.photo = { type: 'file' }; }, pass: (f) => { P(f.swagger)['/items/{id}'].get.responses['200'] = { description: 'The photo.', schema: { type: 'file' } }; } },
  SchemeNotSupported: { fail: (f) => { f.swagger.schemes = ['https', 'wss']; } },
  SecuritySchemePropertyNotValid: { fail: (f) => { f.swagger.securityDefinitions.oauth2_auth.name = 'token'; } },
  SecuritySchemePropertyRequired: { fail: (f) => { delete f.swagger.securityDefinitions.oauth2_auth.tokenUrl; } },
  StringBinaryNotSupportedForFormUrlEncoded: { fail: (f) => { P(f.swagger)['/photos'] = { post: { operationId: 'UploadPhoto', summary: 'Upload a photo', description: 'Uploads a photo.', consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'photo', in: 'formData', type: 'string', format: 'binary' }], responses: { '204': { description: 'Done.' } } } }; } },
  UnrecognizedTypeFormat: { fail: (f) => { f.swagger.definitions.Employee.properties.name.format = 'string'; } },
  UrlNotValid: { fail: (f) => { f.swagger.info.contact.url = 'contoso.example.com/support'; } },
  ValueMustBeInEnglish: { fail: (f) => { f.swagger.info.title = 'Контосо Сотрудники'; } },
  ExclusiveMinimumRequiresMinimum: { fail: (f) => { delete f.swagger.definitions.Employee.properties.level.minimum; f.swagger.definitions.Employee.properties.level.exclusiveMinimum = true; } },
  PathParametersContainMultipleBodyParameters: { fail: (f) => { P(f.swagger)['/items'].parameters = [{ name: 'a', in: 'body', schema: { type: 'object' } }, { name: 'b', in: 'body', schema: { type: 'object' } }]; } },
  MaxItemsMustBeGreaterThanOrEqualToZero: { fail: (f) => { f.swagger.definitions.EmployeeList.properties.value.maxItems = -1; } },
  MaxLengthMustBeGreaterThanOrEqualToZero: { fail: (f) => { f.swagger.definitions.Employee.properties.name.maxLength = -1; delete f.swagger.definitions.Employee.properties.name.minLength; } },
  MaxPropertiesMustBeGreaterThanOrEqualToZero: { fail: (f) => { f.swagger.definitions.Employee.maxProperties = -1; } },
  MinItemsMustBeGreaterThanOrEqualToZero: { fail: (f) => { f.swagger.definitions.EmployeeList.properties.value.minItems = -1; } },
  MinLengthMustBeGreaterThanOrEqualToZero: { fail: (f) => { f.swagger.definitions.Employee.properties.name.minLength = -1; } },
  MinPropertiesMustBeGreaterThanOrEqualToZero: { fail: (f) => { f.swagger.definitions.Employee.minProperties = -1; } },
  MultipleOfMustBeGreaterThanZero: { fail: (f) => { f.swagger.definitions.Employee.properties.level.multipleOf = 0; }, pass: (f) => { f.swagger.definitions.Employee.properties.level.multipleOf = 1; } },
  InvalidEnumValue: { fail: (f) => { f.swagger.definitions.Employee.properties.status.enum = ['active', 7]; } },
  NotificationExtensionSupportedForTriggerOnly: { fail: (f) => { op(f.swagger, '/items', 'get')['x-ms-notification'] = { operationId: 'OnEmployeeCreated' }; } },
  NotificationExtensionNotSupportedInWebhookOperation: { fail: (f) => { op(f.swagger, '/webhooks', 'post')['x-ms-notification'] = { operationId: 'OnEmployeeCreated' }; } },
  NotificationOperationMustBeWebhook: {
    fail: (f) => { P(f.swagger)['/changes'] = { get: { operationId: 'OnChange', summary: 'When an employee changes', description: 'Polls for changes.', 'x-ms-trigger': 'batch', 'x-ms-trigger-metadata': { kind: 'query', mode: 'polling' }, 'x-ms-notification': { operationId: 'ListEmployees' }, responses: { '200': { description: 'Changes.', schema: { $ref: '#/definitions/EmployeeList' } } } } }; },
    pass: (f) => { P(f.swagger)['/changes'] = { get: { operationId: 'OnChange', summary: 'When an employee changes', description: 'Polls for changes.', 'x-ms-trigger': 'batch', 'x-ms-trigger-metadata': { kind: 'query', mode: 'polling' }, 'x-ms-notification': { operationId: 'OnEmployeeCreated' }, responses: { '200': { description: 'Changes.', schema: { $ref: '#/definitions/EmployeeList' } } } } }; },
  },
  OperationFamilyHasManyActiveProductionOperations: { fail: (f) => { op(f.swagger, '/items', 'get')['x-ms-api-annotation'] = { family: 'Employees', revision: 1, status: 'Production' }; op(f.swagger, '/items/{id}', 'get')['x-ms-api-annotation'] = { family: 'Employees', revision: 2, status: 'Production' }; } },
  OperationSchemaCountExceedsMaxAllowed: { fail: (f) => { const wide = (n: number, leaf: unknown) => ({ type: 'object', properties: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, leaf])) }); f.swagger.definitions.Inner = wide(130, { type: 'string' }); f.swagger.definitions.Wide = wide(130, { $ref: '#/definitions/Inner' }); op(f.swagger, '/items/{id}', 'get').responses['200'].schema = { $ref: '#/definitions/Wide' }; } },
  SecurityRequirementMustHaveValue: { fail: (f) => { f.swagger.security = [{ oauth2_auth: null }]; } },
  ResponseExampleMustBeProducedByOperation: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['200'].examples = { 'application/xml': '<employee/>' }; }, pass: (f) => { op(f.swagger, '/items/{id}', 'get').responses['200'].examples = { 'application/json': { id: '1', name: 'Ada' } }; } },
  OperationParameterNameNotFound: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'ListEmployees', parameters: { limit: 10 }, 'value-collection': 'value', 'value-path': 'id', 'value-title': 'name' } }); }, pass: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'manager', in: 'query', type: 'string', 'x-ms-summary': 'Manager', description: 'The manager.', 'x-ms-dynamic-values': { operationId: 'ListEmployees', parameters: { top: 10 }, 'value-collection': 'value', 'value-path': 'id', 'value-title': 'name' } }); } },
  OperationMissingRequiredProperty: { fail: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', 'x-ms-dynamic-schema': { operationId: 'GetEmployee', parameters: {}, 'value-path': 'properties' } }; }, pass: (f) => { op(f.swagger, '/items', 'post').parameters[0].schema = { type: 'object', 'x-ms-dynamic-schema': { operationId: 'GetEmployee', parameters: { id: 'template' }, 'value-path': 'properties' } }; } },
  CkPolicyOperationNotFound: {
    fail: (f) => { f.props.properties.policyTemplateInstances = [{ templateId: 'setheader', title: 'Trace header', parameters: { 'x-ms-apimTemplateParameter.name': 'x-trace', 'x-ms-apimTemplateParameter.value': 'on', 'x-ms-apimTemplateParameter.existsAction': 'override', 'x-ms-apimTemplate-policySection': 'Request', 'x-ms-apimTemplate-operationName': ['ListEmployes'] } }]; },
    pass: (f) => { f.props.properties.policyTemplateInstances = [{ templateId: 'setheader', title: 'Trace header', parameters: { 'x-ms-apimTemplateParameter.name': 'x-trace', 'x-ms-apimTemplateParameter.value': 'on', 'x-ms-apimTemplateParameter.existsAction': 'override', 'x-ms-apimTemplate-policySection': 'Request', 'x-ms-apimTemplate-operationName': ['ListEmployees'] } }]; },
  },
  AdditionalPropertyNotAllowedAdjacentToRef: { fail: (f) => { op(f.swagger, '/items', 'get').parameters[0].description = 'Page size.'; } },
  BasePathNotValid: { fail: (f) => { f.swagger.basePath = 'employees'; } },
  BodyOrFormDataParameterInFetchOperationNotAllowed: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'body', in: 'body', schema: { type: 'object' } }); } },
  BodyParameterSchemaRequired: { fail: (f) => { delete op(f.swagger, '/items', 'post').parameters[0].schema; } },
  CkBrandColor: { fail: (f) => { f.props.properties.iconBrandColor = '#007ee5'; } },
  CkClientSecret: { fail: (f) => { f.props.properties.connectionParameters.token.oAuthSettings.clientSecret = 'not-a-real-secret'; } },
  CkContactRequired: { fail: (f) => { delete f.swagger.info.contact.url; } },
  CkDescriptionSentence: { fail: (f) => { op(f.swagger, '/items', 'get').description = 'Lists the employees'; } },
  CkIconFormat: { fail: (f) => { f.icon = solidPng(100, 100, [0x3b, 0x59, 0x98], 0); } },
  CkProductionHost: { fail: (f) => { f.swagger.host = 'contoso-staging.azure-api.net'; } },
  CkPublisherRequired: { fail: (f) => { delete f.props.properties.stackOwner; } },
  CkReadmeSections: { fail: (f) => { f.readme = '# Contoso Employees\n\n## Publisher: Contoso\n'; } },
  CkSummaryAndDescriptionRequired: { fail: (f) => { delete op(f.swagger, '/items/{id}', 'get').parameters[0]['x-ms-summary']; } },
  CkSummaryCharacters: { fail: (f) => { op(f.swagger, '/items', 'get').summary = 'List employees.'; } },
  CkSummaryEqualsDescription: { fail: (f) => { const o = op(f.swagger, '/items', 'get'); o.description = o.summary; } },
  CkSwaggerTooLarge: { fail: (f) => { f.extra = { padSwaggerBytes: 1_100_000 }; } },
  ConnectionIdParameterNotAllowed: { fail: (f) => { op(f.swagger, '/items', 'get').parameters.push({ name: 'connectionId', in: 'query', type: 'string' }); } },
  ConnectorMetadataPropertiesMissing: { fail: (f) => { f.swagger['x-ms-connector-metadata'].splice(1, 1); } },
  ConsumesMissing: { fail: (f) => { op(f.swagger, '/items', 'post').consumes = ['application/x-made-up']; } },
  ContactEmailNotValid: { fail: (f) => { f.swagger.info.contact.email = 'support at contoso'; } },
  DefaultResponseHasSchema: { fail: (f) => { op(f.swagger, '/items', 'get').responses.default.schema = { type: 'object' }; } },
  DefaultValueMustMatchType: { fail: (f) => { f.swagger.parameters.Top.default = 'fifty'; } },
  DuplicateOperationPath: { fail: (f) => { P(f.swagger)['/items/{employeeId}'] = { get: { ...op(f.swagger, '/items/{id}', 'get'), operationId: 'GetEmployee2', parameters: [{ ...op(f.swagger, '/items/{id}', 'get').parameters[0], name: 'employeeId' }] } }; } },
  EnumMustContainAtLeastOneElement: { fail: (f) => { f.swagger.definitions.Employee.properties.status.enum = []; } },
  FieldLengthExceeded: { fail: (f) => { f.swagger.info.title = 'Contoso Employees Directory Service'; } },
  FieldLengthNotInRange: { fail: (f) => { f.swagger.info.description = 'Employees.'; } },
  FileParameterMustBeInFormData: { fail: (f) => { op(f.swagger, '/items', 'get').parameters.push({ name: 'file', in: 'query', type: 'file' }); } },
  HostNameNotValid: { fail: (f) => { f.swagger.host = 'https://contoso-gateway.azure-api.net/employees'; } },
  InvalidConnectorCategory: { fail: (f) => { f.swagger['x-ms-connector-metadata'][2].propertyValue = 'Human Resources;Gardening'; } },
  InvalidNextLinkNameValue: { fail: (f) => { op(f.swagger, '/items', 'get')['x-ms-pageable'].nextLinkName = 'next'; } },
  MinimumShouldBeLessThanOrEqualToMaximum: { fail: (f) => { f.swagger.definitions.Employee.properties.level.minimum = 20; } },
  NonBodyParameterSchemaNotValid: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters[0].schema = { type: 'string' }; } },
  NotificationUrlNotString: { fail: (f) => { f.swagger.definitions.Subscription.properties.notificationUrl.type = 'object'; } },
  OperationHasManyResponsesWithSchema: { fail: (f) => { op(f.swagger, '/items', 'post').responses['200'] = { description: 'Exists.', schema: { $ref: '#/definitions/Employee' } }; } },
  OperationIdNotUnique: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').operationId = 'ListEmployees'; } },
  OperationIdRequired: { fail: (f) => { delete op(f.swagger, '/items/{id}', 'get').operationId; } },
  OperationIdSanitized: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').operationId = 'Get_Employee'; } },
  OperationMissingPathParameter: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters = []; } },
  OperationMustHaveNotificationContentExtension: { fail: (f) => { delete P(f.swagger)['/webhooks']['x-ms-notification-content']; } },
  OperationMustHaveResponse: { fail: (f) => { delete op(f.swagger, '/items/{id}', 'get').responses; } },
  OperationParametersContainDuplicateParameter: { fail: (f) => { const o = op(f.swagger, '/items/{id}', 'get'); o.parameters.push({ ...o.parameters[0] }); } },
  OperationParametersContainMultipleBodyParameters: { fail: (f) => { const o = op(f.swagger, '/items', 'post'); o.parameters.push({ ...o.parameters[0], name: 'body2' }); } },
  OperationPathContainsUnsupportedCharacters: { fail: (f) => { P(f.swagger)['/items/*'] = P(f.swagger)['/items/{id}']; delete P(f.swagger)['/items/{id}']; } },
  OperationPathMayNotContainQueryOrFragment: { fail: (f) => { P(f.swagger)['/items?mine=true'] = { get: { ...op(f.swagger, '/items', 'get'), operationId: 'ListMine', parameters: [] } }; } },
  OperationPathMustStartWithSlash: { fail: (f) => { P(f.swagger)['mine'] = { get: { ...op(f.swagger, '/items', 'get'), operationId: 'ListMine', parameters: [] } }; } },
  OperationPathTemplateNotValid: { fail: (f) => { P(f.swagger)['/items/{id'] = P(f.swagger)['/items/{id}']; delete P(f.swagger)['/items/{id}']; } },
  OperationPathVariablesContainDefaults: { fail: (f) => { P(f.swagger)['/items/{id=1}'] = P(f.swagger)['/items/{id}']; delete P(f.swagger)['/items/{id}']; } },
  OperationShouldHaveSuccessfulResponse: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses = { '404': { description: 'Not found.' } }; } },
  OperationSummaryTooLong: { fail: (f) => { op(f.swagger, '/items', 'get').summary = 'List employees '.repeat(9).trim(); } },
  ParameterListContainsFormDataAndBody: { fail: (f) => { op(f.swagger, '/items', 'post').parameters.push({ name: 'note', in: 'formData', type: 'string' }); } },
  ParameterReferenceNotFound: { fail: (f) => { op(f.swagger, '/items', 'get').parameters[0].$ref = '#/parameters/Skip'; } },
  ParameterReferenceNotValid: { fail: (f) => { op(f.swagger, '/items', 'get').parameters[0].$ref = 'common.json#/parameters/Top'; } },
  PathItemRefNotSuppored: { fail: (f) => { P(f.swagger)['/people'] = { $ref: '#/paths/~1items' }; } },
  PathParameterMissingEncoding: { fail: (f) => { delete op(f.swagger, '/items/{id}', 'get').parameters[0]['x-ms-url-encoding']; } },
  PathParameterMustBeRequired: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters[0].required = false; } },
  PathParameterNotDefinedInTemplate: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').parameters.push({ name: 'other', in: 'path', required: true, type: 'string', 'x-ms-url-encoding': 'single' }); } },
  PathRedefined: { fail: (f) => { P(f.swagger)['/Items'] = { put: { ...op(f.swagger, '/items', 'post'), operationId: 'ReplaceEmployees' } }; } },
  QueryParameterEncodingNotSupported: { fail: (f) => { f.swagger.parameters.Top['x-ms-url-encoding'] = 'double'; } },
  RequiredPropertyArrayEmpty: { fail: (f) => { f.swagger.definitions.EmployeeList.required = []; } },
  RequiredPropertyDefinitionMissing: { fail: (f) => { f.swagger.definitions.Employee.required.push('email'); } },
  RequiredPropertyNotOnObject: { fail: (f) => { f.swagger.definitions.Employee.properties.name.required = ['x']; } },
  ResponseReferenceNotFound: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['404'] = { $ref: '#/responses/NotFound' }; } },
  ResponseReferenceNotValid: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['404'] = { $ref: '#/definitions/Employee' }; } },
  SchemaReferenceNotFound: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['200'].schema.$ref = '#/definitions/Employe'; } },
  SchemaReferenceNotValid: { fail: (f) => { op(f.swagger, '/items/{id}', 'get').responses['200'].schema.$ref = 'https://contoso.example.com/schemas/employee.json'; } },
  SchemeNotValid: { fail: (f) => { f.swagger.schemes = ['https', 'ftp']; } },
  SchemesArrayEmpty: { fail: (f) => { f.swagger.schemes = []; } },
  SecurityRequirementMustBeDefined: { fail: (f) => { f.swagger.security = [{ api_key: [] }]; } },
  SecurityRequirementMustHaveEmptyValue: {
    fail: (f) => { f.swagger.securityDefinitions.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' }; f.swagger.security.push({ api_key: ['read'] }); },
    pass: (f) => { f.swagger.security = [{ oauth2_auth: ['Employees.Read'] }]; f.swagger.securityDefinitions.oauth2_auth.scopes = { 'Employees.Read': 'Read employees.' }; },
  },
  SpecificationVersionIncorrect: { fail: (f) => { f.swagger.swagger = '3.0'; } },
  TagRedefined: { fail: (f) => { f.swagger.tags = [{ name: 'Employees' }, { name: 'Employees' }]; }, pass: (f) => { f.swagger.tags = [{ name: 'Employees' }, { name: 'Webhooks' }]; } },
  TooManyConnectorCategories: { fail: (f) => { f.swagger['x-ms-connector-metadata'][2].propertyValue = 'Human Resources;Productivity;Data'; } },
  TotalOperationsCountExceedsMaxAllowed: {
    fail: (f) => { for (let i = 0; i < 253; i++) P(f.swagger)[`/extra/e${i}`] = { get: { operationId: `Extra${i}`, summary: `Extra ${i}`, description: 'An extra operation.', responses: { '204': { description: 'Done.' } } } }; },
  },
  ValueContainsRestrictedWords: { fail: (f) => { f.swagger.info.title = 'Contoso Employees API'; } },
  ValueMustEndWithAlphanumeric: { fail: (f) => { f.swagger.info.title = 'Contoso Employees!'; } },
  WebhookOperationsMissingNotificationUrlProperty: { fail: (f) => { delete f.swagger.definitions.Subscription.properties.notificationUrl['x-ms-notification-url']; } },
};

function write(dir: string, f: Folder, certification: boolean): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'apiDefinition.swagger.json'), JSON.stringify(f.swagger, null, 4) + '\n');
  writeFileSync(path.join(dir, 'apiProperties.json'), JSON.stringify(f.props, null, 4) + '\n');
  if (certification || f.readme !== undefined || f.icon !== undefined) {
    const readme = f.readme === undefined ? BASE_README : f.readme;
    const icon = f.icon === undefined ? baseIcon() : f.icon;
    if (readme !== null) writeFileSync(path.join(dir, 'readme.md'), readme);
    if (icon !== null) writeFileSync(path.join(dir, 'icon.png'), icon);
  }
  if (f.extra) writeFileSync(path.join(dir, 'fixture.json'), JSON.stringify(f.extra, null, 4) + '\n');
}

/** Writes every fixture; `certificationRules` names the rules whose folders need readme.md and icon.png. */
export function makeRuleFixtures(root: string, certificationRules: Set<string>): void {
  rmSync(root, { recursive: true, force: true });
  for (const [id, c] of Object.entries(CASES)) {
    const cert = certificationRules.has(id);
    const pass: Folder = { swagger: baseSwagger(), props: baseApiProperties() };
    c.pass?.(pass);
    write(path.join(root, id, 'pass'), pass, cert);
    const fail: Folder = { swagger: baseSwagger(), props: baseApiProperties() };
    c.fail(fail);
    write(path.join(root, id, 'fail'), fail, cert);
  }
}

if (process.argv[1]?.endsWith('make-rule-fixtures.ts')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RULES } = require('../rules') as typeof import('../rules');
  makeRuleFixtures(path.join(__dirname, 'rules'), new Set(RULES.filter((r) => r.level === 'certification').map((r) => r.id)));
}
