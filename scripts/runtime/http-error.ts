/**
 * The error a controller or the auth module throws to answer with a specific status and the one JSON error body.
 */
import type { ErrorBodyDetail } from './error-body';

const BRAND = Symbol.for('connectorkit.HttpError');

export interface HttpErrorOptions {
  details?: ErrorBodyDetail[];
  /** Extra response headers, e.g. `WWW-Authenticate` on a 401. */
  headers?: Record<string, string>;
  hint?: string;
  target?: string;
  /** What caused it (e.g. the storage SDK's error); logged with a 5xx, never sent to the caller. */
  cause?: unknown;
}

/**
 * @example
 * throw new HttpError(404, 'EMPLOYEE_NOT_FOUND', `No employee ${id}.`);
 * throw new HttpError(401, 'CK_AUTH_TOKEN_MISSING', 'Bearer token required.', { headers: { 'WWW-Authenticate': 'Bearer' } });
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: ErrorBodyDetail[];
  readonly headers: Record<string, string>;
  readonly hint?: string;
  readonly target?: string;

  constructor(status: number, code: string, message: string, opts: HttpErrorOptions = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = opts.headers ?? {};
    if (opts.details) this.details = opts.details;
    if (opts.hint) this.hint = opts.hint;
    if (opts.target) this.target = opts.target;
    if (opts.cause !== undefined) Object.defineProperty(this, 'cause', { value: opts.cause, enumerable: false });
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Brand check that works across module copies (the auth module may be bundled separately in tests). */
export function isHttpError(e: unknown): e is HttpError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}
