import { defineCodes, type CodesOf } from '../core/code-registry';

/**
 * Error codes of the spec stage (metadata, Swagger emit, build-time lint). Lint findings carry these codes too;
 * the build turns error findings into one CK_SPEC_LINT_FAILED whose details keep each finding's code.
 */
export const SPEC_CODES = defineCodes('spec', {
  CK_SPEC_METADATA_FAILED: {
    source: 'user',
    title: 'tsoa could not read the controllers.',
    hint: 'Fix the TypeScript error or tsoa decorator usage named in the message, then run `connectorkit build` again.',
  },
  CK_SPEC_EMIT_FAILED: {
    source: 'user',
    title: 'tsoa could not turn the controllers into a Swagger 2.0 spec.',
    hint: 'Fix the construct named in the message (security scheme type, enum values, @Queries usage), then build again.',
  },
  CK_SPEC_LINT_FAILED: {
    source: 'user',
    title: 'The controllers break rules of Azure Functions or Power Platform.',
    hint: 'Fix every problem listed (each names its file:line and code), then run `connectorkit build` again.',
  },
  CK_SPEC_DUPLICATE_OPERATION_ID: {
    source: 'user',
    title: 'Two operations share one operationId.',
    hint: "Rename one method or give it @OperationId('UniqueName'); operationIds are also the Function names and must be unique.",
  },
  CK_SPEC_OPERATION_ID_CASE: {
    source: 'user',
    title: 'The operationId is not PascalCase letters and digits.',
    hint: "Use @OperationId('PascalCaseName') (Power Platform: OperationIdSanitized, coding standards).",
  },
  CK_SPEC_FUNCTION_NAME_INVALID: {
    source: 'user',
    title: 'The operationId is not a valid Azure Functions function name.',
    hint: 'Use @OperationId with a name matching ^[a-z][a-z0-9_-]{0,127}$ (case-insensitive) that is not "host".',
  },
  CK_SPEC_BODY_NOT_NAMED: {
    source: 'user',
    title: 'The @Body type is a primitive or inline type, which gives an invalid Swagger 2.0 body parameter.',
    hint: 'Declare the body as a named interface or type alias in functions/models and use that name.',
  },
  CK_SPEC_UNION_DEGRADED: {
    source: 'user',
    title: 'A union type becomes an opaque `type: object` in Swagger 2.0.',
    hint: 'Use one named interface with optional properties, or string-literal unions (they become enum); prefer `x?: T` over `T | null`.',
  },
  CK_SPEC_BODY_ON_GET: {
    source: 'user',
    title: 'A GET operation declares a body or form parameter.',
    hint: 'Move the values to @Query parameters or change the verb to POST (Power Platform: BodyOrFormDataParameterInFetchOperationNotAllowed).',
  },
  CK_SPEC_ROUTE_SHADOWED: {
    source: 'user',
    title: 'A route is shadowed by another one that the Functions host tries first (by function name order).',
    hint: "The host orders functions by name and the first matching route wins; rename the routes apart (e.g. `employees/me` → `me`) or make the literal route's operationId sort first.",
  },
  CK_SPEC_ROUTE_RESERVED: {
    source: 'user',
    title: 'The route starts with `admin` or `runtime`, which the Functions host reserves.',
    hint: 'Rename the @Route or method path; the host rejects any route whose first characters are admin or runtime.',
  },
  CK_SPEC_PARAM_EXTENSION_NOT_LITERAL: {
    source: 'user',
    title: '@ParamExtension arguments must be literals.',
    hint: 'Write the key as a string literal starting with x- and the value as a JSON literal (string, number, boolean, null, object or array literal).',
  },
  CK_SPEC_PARAM_EXTENSION_UNMATCHED: {
    source: 'user',
    title: '@ParamExtension is on a parameter that is not in the Swagger spec.',
    hint: 'Put @ParamExtension only on @Path, @Query, @Header, @Body, @BodyProp, @FormField or @UploadedFile parameters.',
  },
  CK_SPEC_TOO_MANY_OPERATIONS: {
    source: 'user',
    title: 'The API has more operations than one Power Platform connector allows (256).',
    hint: 'Hide operations with @Hidden or split the API into several connectors.',
  },
  CK_SPEC_SECURITY_UNDEFINED: {
    source: 'user',
    title: '@Security names a scheme that is not in connectorkit.api.securityDefinitions.',
    hint: 'Add the scheme to connectorkit.api.securityDefinitions in package.json, or fix the name in @Security.',
  },
  CK_SPEC_REF_SIBLING_DROPPED: {
    source: 'user',
    title: 'An x-ms-* extension beside a $ref was dropped (Power Platform forbids siblings of $ref).',
    hint: "Put the extension on the referenced model's properties instead, or inline the property type.",
  },
  CK_SPEC_TSCONFIG_INVALID: {
    source: 'user',
    title: 'tsconfig.json cannot be read.',
    hint: 'Fix the JSON or option named in the message; the build type-checks the functions with these options.',
  },
  CK_SPEC_TYPE_ERROR: {
    source: 'user',
    title: 'A TypeScript type error in the functions.',
    hint: 'Fix the type error at file:line (the same one `tsc --noEmit` reports), then build again.',
  },
  CK_SPEC_NO_OPERATION: {
    source: 'user',
    title: 'An exported controller class or a public async method produces no operation.',
    hint: "Add @Route('path') to the class or an HTTP-verb decorator (@Get, @Post, …) to the method; make a helper private or non-async if it is not meant to be an operation.",
  },
  CK_SPEC_MIDDLEWARE_SIGNATURE: {
    source: 'user',
    title: 'A @Middlewares function does not fit the Azure Functions handler.',
    hint: 'Write the middleware as `(request: HttpRequest, context: InvocationContext) => void | HttpResponseInit | Promise<…>`: throw an HttpError (or return a response) to stop the call. Express/Koa/Hapi middlewares cannot run on Azure Functions.',
  },
  CK_SPEC_SECURITY_NOT_HANDLED: {
    source: 'user',
    title: '@Security names a scheme the auth module does not handle.',
    hint: "Add the name to the auth module's exported `securityNames` (and handle it in authenticate), or fix the name in @Security.",
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof SPEC_CODES> {}
}
