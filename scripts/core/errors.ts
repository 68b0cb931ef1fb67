/**
 * The one error type of connectorkit. Every error a user can hit carries a stable code declared in a stage's
 * `codes.ts` (core's own in ./core-codes.ts; the full list is in scripts/tools/all-codes.ts), says what went wrong (`message`) and what to do next (`hint`).
 */
import { lookupCode, type CkCode } from './code-registry';
// Core's own codes (CK_INTERNAL, CK_USAGE, …) are registered wherever a CkError can be built.
import './core-codes';

const BRAND = Symbol.for('connectorkit.CkError');

/** One problem inside a collected error (a field, a lint finding, a validator finding). */
export interface ErrorDetail {
  code: string;
  message: string;
  /** JSON pointer, parameter name or `file:line` the detail is about. */
  target?: string;
}

export interface CkErrorInit {
  /** A code declared in a stage's codes.ts (a code no stage declares fails tsc). */
  code: CkCode;
  /** What went wrong, in one sentence. Defaults to the registry's title. */
  message?: string;
  /** What to do next. Defaults to the registry's hint. */
  hint?: string;
  cause?: unknown;
  details?: ErrorDetail[];
  target?: string;
  /** Structured data for `--json` consumers (never secrets). */
  data?: Record<string, unknown>;
}

/**
 * @example
 * throw new CkError({ code: 'CK_CONFIG_INVALID', message: 'connectorkit.api.title must be a string', target: 'api.title' });
 */
export class CkError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly source: 'user' | 'internal';
  readonly details?: ErrorDetail[];
  readonly target?: string;
  readonly data?: Record<string, unknown>;
  readonly httpStatus: number;

  constructor(init: CkErrorInit) {
    const def = lookupCode(init.code);
    super(init.message ?? def.title, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = 'CkError';
    this.code = init.code;
    this.hint = init.hint ?? def.hint;
    this.source = def.source;
    this.httpStatus = def.httpStatus ?? (def.source === 'user' ? 400 : 500);
    if (init.details) this.details = init.details;
    if (init.target) this.target = init.target;
    if (init.data) this.data = init.data;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Brand check that works across module copies (never `instanceof`). */
export function isCkError(e: unknown): e is CkError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

/** Wraps anything thrown into a CkError; unknown errors become CK_INTERNAL. */
export function toCkError(e: unknown): CkError {
  if (isCkError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new CkError({ code: 'CK_INTERNAL', message: `Unexpected error: ${message}`, cause: e });
}
