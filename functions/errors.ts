/**
 * The API's error helpers: one place that turns a domain failure into the runtime's HttpError, so every
 * response uses the one JSON error shape `{"error":{"code","message","hint"?,"details"?,"target"?}}`.
 */
import { HttpError } from '@connectorkit/runtime';

/** Stable error codes of the Employee API (the `error.code` of responses). */
export const ApiErrorCode = {
  EmployeeNotFound: 'EMPLOYEE_NOT_FOUND',
  EmployeeAlreadyExists: 'EMPLOYEE_ALREADY_EXISTS',
  UnknownDepartment: 'UNKNOWN_DEPARTMENT',
  InvalidSkipToken: 'INVALID_SKIP_TOKEN',
  IfMatchRequired: 'IF_MATCH_REQUIRED',
  PreconditionFailed: 'PRECONDITION_FAILED',
  StorageUnavailable: 'STORAGE_UNAVAILABLE',
  StorageNotConfigured: 'STORAGE_NOT_CONFIGURED',
  InvalidToken: 'INVALID_TOKEN',
  InsufficientScope: 'INSUFFICIENT_SCOPE',
  AuthNotConfigured: 'AUTH_NOT_CONFIGURED',
  AuthMetadataUnavailable: 'AUTH_METADATA_UNAVAILABLE',
} as const;

export interface ApiErrorOptions {
  hint?: string;
  target?: string;
  headers?: Record<string, string>;
}

/** Builds the HttpError the generated handler renders; the hint tells the caller what to do next. */
export function apiError(status: number, code: string, message: string, opts: ApiErrorOptions = {}): HttpError {
  return new HttpError(status, code, message, opts);
}
