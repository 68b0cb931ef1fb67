/**
 * The ONE generic handler behind every generated operation: authenticate (`@Security`, OR of alternatives, AND
 * within one), read + validate + coerce parameters with tsoa's ValidationService, call a fresh controller, and map
 * the result (setStatus / setHeader / TsoaResponse responders) or the error to an `HttpResponseInit`.
 */
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { FieldErrors, Tsoa, TsoaRoute, ValidationService } from '@tsoa/runtime';
import { toErrorBody, type ErrorBodyDetail } from './error-body';
import { HttpError, isHttpError } from './http-error';
import { HTTP_CODES } from './http-codes';
import { withCalendarValidation } from './calendar';
import { escapeForLog, safeLogText } from './log-text';
import { fieldErrorsToDetails } from './validation-errors';
import { formValue, headerValue, queriesObject, queryValue, readForm, readJsonBody, type RequestInput } from './read-input';
import type { AuthenticateFn, ControllerClass, Middleware, OperationSpec, RequestContext, RuntimeOptions } from './types';

type TsoaHelpers = typeof import('@tsoa/runtime/dist/routeGeneration/templateHelpers');
let helpers: TsoaHelpers | undefined;
/**
 * tsoa's validation (and the validator library behind it) is loaded on the first request, not at app start:
 * cold start registers every function but validates nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, so a cold start that validates nothing never parses it
const tsoaHelpers = (): TsoaHelpers => (helpers ??= require('@tsoa/runtime/dist/routeGeneration/templateHelpers') as TsoaHelpers);
let Validation: typeof ValidationService | undefined;
/** tsoa's ValidationService plus real-calendar checks for dates and date-times (calendar.ts), built once. */
const validationClass = () => (Validation ??= withCalendarValidation(tsoaHelpers().ValidationService));

interface Responder {
  called: boolean;
  status?: number;
  data?: unknown;
  headers?: Record<string, unknown>;
}

/** Builds the Functions handler for one operation of the generated table. */
export function createHandler(op: OperationSpec, opts: RuntimeOptions): HttpHandler {
  let validation: ValidationService | undefined;
  let middlewares: Middleware[] | undefined;
  const needsBody = op.params.some((p) => p.in === 'body' || p.in === 'body-prop');
  const needsForm = op.params.some((p) => p.in === 'formData');
  // A plain-text body is readable only by an operation whose body is a string.
  const acceptText = op.params.some((p) => p.in === 'body' && p.dataType === 'string');
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    try {
      const ctx: RequestContext = { request, context };
      if (op.security.length > 0) ctx.user = await authorize(request, op.security, opts.authenticate, context);
      const Controller = op.controller();
      // tsoa order (express template): authentication, then @Middlewares (class, then method), then validation.
      for (const mw of (middlewares ??= middlewaresOf(Controller, op.method))) {
        const answer = await mw(request, context);
        if (answer && typeof answer === 'object') return answer as HttpResponseInit;
      }
      const input: RequestInput = {};
      if (needsBody) input.body = await readJsonBody(request, { acceptText });
      if (needsForm) input.form = await readForm(request);
      const responder: Responder = { called: false };
      validation ??= new (validationClass())(opts.models, { noImplicitAdditionalProperties: opts.noImplicitAdditionalProperties, bodyCoercion: opts.bodyCoercion });
      const args = await validateArgs(op.params, ctx, input, validation, opts.models, responder);
      const controller = new Controller() as Record<string, unknown>;
      const fn = controller[op.method] as (...a: unknown[]) => unknown;
      const data = await fn.apply(controller, args);
      return toResponse(data, controller, op, responder);
    } catch (e) {
      return errorResponse(e, context);
    }
  };
}

/**
 * The `@Middlewares(...)` of the class (inherited ones included) and of the method, as tsoa's templates fetch them.
 * Without reflect-metadata loaded no decorator can have stored any, so a controller without middlewares never
 * loads tsoa's decorator module here (cold start).
 */
function middlewaresOf(Controller: ControllerClass, method: string): Middleware[] {
  if (typeof (Reflect as unknown as { getMetadata?: unknown }).getMetadata !== 'function') return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a controller that declares middlewares
  const { fetchMiddlewares } = require('@tsoa/runtime/dist/decorators/middlewares') as { fetchMiddlewares<T>(target: unknown): T[] };
  const fn = (Controller.prototype as Record<string, unknown>)[method];
  return [...fetchMiddlewares<Middleware>(Controller), ...(typeof fn === 'function' ? fetchMiddlewares<Middleware>(fn) : [])];
}

async function validateArgs(
  params: TsoaRoute.ParameterSchema[],
  ctx: RequestContext,
  input: RequestInput,
  validation: ValidationService,
  models: TsoaRoute.Models,
  responder: Responder,
): Promise<unknown[]> {
  const details: ErrorBodyDetail[] = [];
  const args: unknown[] = [];
  const body = input.body as Record<string, unknown> | undefined;
  for (const p of params) {
    const isArray = p.dataType === 'array';
    let raw: unknown;
    switch (p.in) {
      case 'request':
        args.push(ctx);
        continue;
      case 'res':
        args.push((status: number, data: unknown, headers?: Record<string, unknown>) => Object.assign(responder, { called: true, status, data, headers }));
        continue;
      case 'request-prop':
        raw = (ctx as unknown as Record<string, unknown>)[p.name];
        break;
      case 'path':
        raw = ctx.request.params[p.name];
        break;
      case 'query':
        raw = queryValue(ctx.request, p.name, isArray);
        break;
      case 'queries':
        raw = queriesObject(ctx.request, p, models);
        break;
      case 'header':
        raw = headerValue(ctx.request, p.name, isArray);
        break;
      case 'body':
        raw = body;
        break;
      case 'body-prop':
        raw = typeof body === 'object' && body !== null ? body[p.name] : undefined;
        break;
      case 'formData':
        raw = input.form ? await formValue(input.form, p) : undefined;
        break;
    }
    const fields: FieldErrors = {};
    const isBody = p.in === 'body' || p.in === 'body-prop';
    const value = validation.ValidateParam(p, raw, p.name, fields, isBody, p.in === 'body-prop' ? 'body.' : undefined);
    if (Object.keys(fields).length > 0) details.push(...fieldErrorsToDetails(p, fields));
    args.push(value);
  }
  if (details.length > 0) {
    const n = details.length;
    throw new HttpError(400, HTTP_CODES.VALIDATION_FAILED, `The request is invalid: ${n} field${n === 1 ? '' : 's'} failed validation.`, { details });
  }
  return args;
}

async function authorize(request: HttpRequest, security: Tsoa.Security[], authenticate: AuthenticateFn | undefined, context: InvocationContext): Promise<unknown> {
  if (!authenticate) throw new Error('This operation uses @Security but the app was built without an auth module.');
  let last: unknown;
  for (const alternative of security) {
    const names = Object.keys(alternative);
    if (names.length === 0) return undefined;
    try {
      let user: unknown;
      for (let i = 0; i < names.length; i++) {
        const u = await authenticate(request, names[i]!, alternative[names[i]!] ?? [], context);
        if (i === 0) user = u;
      }
      return user;
    } catch (e) {
      last = e;
    }
  }
  if (isHttpError(last)) throw last;
  // tsoa semantics: an auth failure without a status is a 401. Keep the message of deliberate 401/403s only.
  const status = (last as { status?: unknown } | undefined)?.status;
  context.warn(`authentication failed: ${escapeForLog(last instanceof Error ? last.message : String(last))}`);
  if (status === 403) throw new HttpError(403, HTTP_CODES.UNAUTHORIZED, (last as Error).message || 'Forbidden.');
  throw new HttpError(401, HTTP_CODES.UNAUTHORIZED, status === 401 && last instanceof Error ? last.message : 'The request is not authenticated.');
}

/** A Node.js Readable (what tsoa's express template checks: pipe, readable, _read). */
function isReadable(o: unknown): boolean {
  const r = o as { pipe?: unknown; readable?: unknown; _read?: unknown } | null;
  return typeof r === 'object' && r !== null && typeof r.pipe === 'function' && r.readable === true && typeof r._read === 'function';
}

function isController(o: unknown): o is { getStatus(): number | undefined; getHeaders(): Record<string, unknown> } {
  return typeof o === 'object' && o !== null && typeof (o as Record<string, unknown>).getStatus === 'function' && typeof (o as Record<string, unknown>).getHeaders === 'function';
}

function addHeaders(out: Record<string, string>, headers: Record<string, unknown> | undefined): void {
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
}

function toResponse(result: unknown, controller: unknown, op: OperationSpec, responder: Responder): HttpResponseInit {
  const headers: Record<string, string> = {};
  let status: number | undefined;
  let data = result;
  if (isController(controller)) {
    addHeaders(headers, controller.getHeaders());
    status = controller.getStatus();
  }
  if (responder.called) {
    status = responder.status;
    data = responder.data;
    addHeaders(headers, responder.headers);
  }
  status = status || op.successStatus;
  if (data === undefined || data === null) return { status: status || 204, headers };
  if (Buffer.isBuffer(data) || data instanceof Uint8Array || isReadable(data)) {
    // Bytes and streams go out as they are (a stream is streamed, as tsoa's templates pipe it), typed by the
    // method's @Produces unless the method set a content type itself.
    headers['content-type'] ??= op.produces?.[0] ?? 'application/octet-stream';
    return { status: status || 200, headers, body: data as Uint8Array };
  }
  const type = headers['content-type'];
  if (typeof data === 'string' && type && !type.includes('json')) return { status: status || 200, headers, body: data };
  return { status: status || 200, headers, jsonBody: data };
}

function causeText(cause: unknown): string {
  if (cause === undefined || cause === null) return '';
  const c = cause as { name?: unknown; code?: unknown; statusCode?: unknown; message?: unknown };
  const parts = [c.name, c.code, c.statusCode].filter((v) => v !== undefined && v !== '').map(String);
  return ` (cause: ${safeLogText([parts.join(' '), typeof c.message === 'string' ? c.message : ''].filter(Boolean).join(': ') || String(cause))})`;
}

/** tsoa's ValidateError, by shape (the controller may hold another copy of @tsoa/runtime). */
function isValidateError(e: unknown): e is { message: string; fields: FieldErrors } {
  return e instanceof Error && e.name === 'ValidateError' && typeof (e as { fields?: unknown }).fields === 'object';
}

function errorResponse(e: unknown, context: InvocationContext): HttpResponseInit {
  if (isHttpError(e)) {
    // A 5xx is the service's failure (an outage, missing settings): the log says which, with its cause.
    if (e.status >= 500) context.warn(`${e.code} (${e.status}): ${safeLogText(e.message)}${causeText((e as { cause?: unknown }).cause)}`);
    return { status: e.status, headers: { ...e.headers }, jsonBody: toErrorBody(e) };
  }
  if (isValidateError(e)) {
    // A controller may throw tsoa's ValidateError itself; report it like a failed parameter validation.
    const details = fieldErrorsToDetails({ in: 'body', name: 'body' } as TsoaRoute.ParameterSchema, e.fields);
    return { status: 400, jsonBody: toErrorBody({ code: HTTP_CODES.VALIDATION_FAILED, message: e.message || 'The request is invalid.', details }) };
  }
  // The message may quote the request (a JSON.parse snippet, a URL): escaped, queries and credentials removed.
  context.error(`unhandled error in operation: ${e instanceof Error ? safeLogText(e.stack ?? e.message, { multiline: true }) : escapeForLog(e)}`);
  const message = `An unexpected error occurred (invocation ${context.invocationId}).`;
  return { status: 500, jsonBody: toErrorBody({ code: HTTP_CODES.INTERNAL, message }) };
}
