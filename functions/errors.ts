/**
 * The API's error helpers: one place that turns a domain failure into the runtime's HttpError, so every
 * response uses the one JSON error shape `{"error":{"code","message","hint"?,"details"?,"target"?}}`.
 * API_ERRORS is also the source of docs/sample-api.md's error table (scripts/tools/readme-sample-errors.ts).
 */
import { HttpError, type ErrorBodyDetail } from 'connectorkit/runtime';

/** One documented error of the Employee API. */
export interface ApiErrorInfo {
  /** The stable `error.code` (or `details[].code`). */
  code: string;
  /** The HTTP status it comes with. */
  status: number;
  /** What went wrong, for the documentation. */
  meaning: string;
  /** What the caller does next, for the documentation. */
  action: string;
}

/** Every error code of the Employee API with its status, meaning and next step. */
export const API_ERRORS = {
  EmployeeNotFound: { code: 'EMPLOYEE_NOT_FOUND', status: 404, meaning: 'No employee has this ID.', action: 'Check the ID with ListEmployees.' },
  EmployeeAlreadyExists: {
    code: 'EMPLOYEE_ALREADY_EXISTS',
    status: 409,
    meaning: 'CreateEmployee was called with an ID that is taken.',
    action: 'Use UpdateEmployee to change it, or choose another employee ID.',
  },
  UnknownDepartment: { code: 'UNKNOWN_DEPARTMENT', status: 400, meaning: 'The department is not one of ListDepartments.', action: 'Pick a department id from ListDepartments.' },
  InvalidSkipToken: { code: 'INVALID_SKIP_TOKEN', status: 400, meaning: 'skipToken is not a token this API issued.', action: 'Follow nextLink exactly as returned, or start again without skipToken.' },
  IfMatchRequired: {
    code: 'IF_MATCH_REQUIRED',
    status: 400,
    meaning:
      "UpdateEmployee got If-Match '*' instead of an ETag. It comes as the detail (target header.If-Match) of CK_HTTP_VALIDATION_FAILED, like a missing or blank If-Match (detail CK_HTTP_FIELD_REQUIRED).",
    action: 'Read the employee with GetEmployee and send its ETag in If-Match.',
  },
  PreconditionFailed: {
    code: 'PRECONDITION_FAILED',
    status: 412,
    meaning: 'The employee changed since the ETag in If-Match was read.',
    action: 'Read the employee again with GetEmployee and retry with its current ETag.',
  },
  StorageUnavailable: {
    code: 'STORAGE_UNAVAILABLE',
    status: 503,
    meaning: 'Table Storage did not answer in time (STORAGE_TIMEOUT_MS) or refused the call.',
    action: 'Retry after Retry-After; the operator checks AzureWebJobsStorage (locally: is Azurite running?).',
  },
  StorageNotConfigured: {
    code: 'STORAGE_NOT_CONFIGURED',
    status: 503,
    meaning: 'No storage app setting is set.',
    action: 'Set AzureWebJobsStorage, or AzureWebJobsStorage__accountName for an identity-based connection.',
  },
} as const satisfies Record<string, ApiErrorInfo>;

type ApiErrors = typeof API_ERRORS;

/** Stable error codes of the Employee API (the `error.code` of responses). */
export const ApiErrorCode = Object.fromEntries(Object.entries(API_ERRORS).map(([k, v]) => [k, v.code])) as { readonly [K in keyof ApiErrors]: ApiErrors[K]['code'] };

export interface ApiErrorOptions {
  hint?: string;
  target?: string;
  headers?: Record<string, string>;
  details?: ErrorBodyDetail[];
  /** The underlying failure, logged with a 5xx (never sent to the caller). */
  cause?: unknown;
}

/** One of the codes of API_ERRORS. */
export type ApiErrorCodeValue = ApiErrors[keyof ApiErrors]['code'];

const BY_CODE = new Map<string, ApiErrorInfo>(Object.values(API_ERRORS).map((e) => [e.code, e]));

/**
 * Builds the HttpError the generated handler renders, with the status API_ERRORS documents for the code (so the
 * README table and the responses cannot disagree); the hint tells the caller what to do next and defaults to the
 * documented action.
 */
export function apiError(code: ApiErrorCodeValue, message: string, opts: ApiErrorOptions = {}): HttpError {
  const info = BY_CODE.get(code)!;
  return new HttpError(info.status, code, message, { ...opts, hint: opts.hint ?? info.action });
}
