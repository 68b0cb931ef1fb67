/**
 * Types shared by the generated routes table and the generic handler.
 */
import type { HttpRequest, InvocationContext } from '@azure/functions';
import type { Tsoa, TsoaRoute } from '@tsoa/runtime';

/** What a controller receives from tsoa `@Request()`. */
export interface RequestContext {
  request: HttpRequest;
  context: InvocationContext;
  /** The principal returned by the auth module when the operation has `@Security`. */
  user?: unknown;
}

/** The auth module contract (connectorkit.authModule; without one, the built-in entraAuthenticate). */
/**
 * `context` is the function invocation's context, so the module can log which check failed on the invocation
 * (never the token); older 3-argument modules still fit.
 */
export type AuthenticateFn = (request: HttpRequest, securityName: string, scopes: string[], context?: InvocationContext) => Promise<unknown>;

/** A controller class: constructed once per request. */
export type ControllerClass = new () => object;

export type HttpMethodName = 'GET' | 'POST' | 'DELETE' | 'HEAD' | 'PATCH' | 'PUT' | 'OPTIONS';

/** One row of the generated operations table. */
export interface OperationSpec {
  /** Function name = operationId. */
  name: string;
  methods: HttpMethodName[];
  /** Host route template without the route prefix, e.g. `items/{id}`. */
  route: string;
  authLevel: 'anonymous' | 'function' | 'admin';
  /** Returns the controller class (a loader, so the controller module is evaluated on first use). */
  controller: () => ControllerClass;
  /** Name of the controller method. */
  method: string;
  /** Parameters in call order, in the shape tsoa's ValidationService takes. */
  params: TsoaRoute.ParameterSchema[];
  /** Alternatives (OR); the schemes inside one alternative are all required (AND). Empty = no auth. */
  security: Tsoa.Security[];
  /** Status when the method returns a value and sets none (tsoa `@SuccessResponse`). */
  successStatus?: number;
  /** `@Produces` of the method (else of the class): the content type of a Buffer or stream result. */
  produces?: string[];
}

/**
 * A `@Middlewares(...)` function on Azure Functions: runs after authentication and before validation and the
 * method. Throw (an HttpError for a 4xx) or return an `HttpResponseInit` to answer instead of the method; return
 * nothing to continue. It must not read the request body (the handler reads it afterwards).
 */
export type Middleware = (request: HttpRequest, context: InvocationContext) => unknown;

/** Settings shared by every operation of the app. */
export interface RuntimeOptions {
  models: TsoaRoute.Models;
  authenticate?: AuthenticateFn;
  noImplicitAdditionalProperties: 'throw-on-extras' | 'silently-remove-extras' | 'ignore';
  bodyCoercion: boolean;
}
