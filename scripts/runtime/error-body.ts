/**
 * The one JSON error body, shared by generated handlers, the local host and CLI `--json` failures:
 * `{"error": {"code", "message", "hint"?, "target"?, "details"?}}` (the ARM shape, plus an optional hint).
 * Runtime code: bundled into the Functions app, so it imports nothing from scripts/core.
 */
export interface ErrorBodyDetail {
  code: string;
  message: string;
  target?: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    hint?: string;
    target?: string;
    details?: ErrorBodyDetail[];
  };
}

/** Anything error-shaped: a CkError, an HttpError of the runtime, or a plain object. */
export interface ErrorLike {
  code: string;
  message: string;
  hint?: string;
  target?: string;
  details?: ErrorBodyDetail[];
}

export function toErrorBody(e: ErrorLike): ErrorBody {
  const error: ErrorBody['error'] = { code: e.code, message: e.message };
  if (e.hint) error.hint = e.hint;
  if (e.target) error.target = e.target;
  if (e.details && e.details.length > 0) error.details = e.details.map((d) => (d.target ? { code: d.code, message: d.message, target: d.target } : { code: d.code, message: d.message }));
  return { error };
}
