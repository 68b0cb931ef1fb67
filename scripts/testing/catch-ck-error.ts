/**
 * `catchCkError(fn)`: run `fn` and return the CkError it throws (or its promise rejects with). Any other error is
 * rethrown as is; no error at all fails the test with "expected a CkError".
 */
import { isCkError, type CkError } from '../core/errors';

function expectCkError(e: unknown): CkError {
  if (isCkError(e)) return e;
  throw e;
}

const NONE = (): never => {
  throw new Error('expected a CkError');
};

export function catchCkError(fn: () => Promise<unknown>): Promise<CkError>;
export function catchCkError(fn: () => unknown): CkError;
export function catchCkError(fn: () => unknown): CkError | Promise<CkError> {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    return expectCkError(e);
  }
  if (result instanceof Promise) return result.then(NONE, expectCkError);
  return NONE();
}
