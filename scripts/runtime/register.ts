/**
 * Registers a generated operations table with `app.http`. The generated routes.ts calls it in its loop, so a
 * function's name, methods, route and authLevel are visible in the generated file.
 */
import type { HttpFunctionOptions } from '@azure/functions';
import { createHandler } from './handler';
import type { OperationSpec, RuntimeOptions } from './types';

/** The options `app.http(op.name, …)` gets for one row of the table. */
export function httpOptions(op: OperationSpec, opts: RuntimeOptions): HttpFunctionOptions {
  return { methods: op.methods, route: op.route, authLevel: op.authLevel, handler: createHandler(op, opts) };
}
