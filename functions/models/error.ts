/** One problem inside an error, e.g. one invalid field. */
export interface ErrorDetail {
  /** Stable, machine-readable code. */
  code: string;
  /** Human-readable explanation. */
  message: string;
  /** The field or parameter the detail is about. */
  target?: string;
}

/** The body of every error response: the ARM error shape. */
export interface ErrorInfo {
  /** Stable, machine-readable code, e.g. `EMPLOYEE_NOT_FOUND`. */
  code: string;
  /** What went wrong. */
  message: string;
  /** What to do next. */
  hint?: string;
  /** The field, parameter or resource the error is about. */
  target?: string;
  /** One entry per problem (for example one per invalid field). */
  details?: ErrorDetail[];
}

/** Error response: `{"error": {"code", "message", "details"?, "target"?}}`. */
export interface ErrorResponse {
  error: ErrorInfo;
}
