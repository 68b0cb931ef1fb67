import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { Controller, Get, Middlewares, Produces, Route } from 'tsoa';
import { HttpError } from 'connectorkit/runtime';

/** Rejects a call without `x-tenant` (a team's validation middleware). */
async function requireTenant(request: HttpRequest, context: InvocationContext): Promise<void> {
  if (!request.headers.get('x-tenant')) throw new HttpError(403, 'FIXTURE_NO_TENANT', 'x-tenant is required.');
  context.log(`tenant ${request.headers.get('x-tenant')}`);
}

/** Answers instead of the method when asked to (a middleware may short-circuit). */
function maintenance(request: HttpRequest): HttpResponseInit | undefined {
  return request.query.get('maintenance') === '1' ? { status: 503, jsonBody: { error: { code: 'FIXTURE_MAINTENANCE', message: 'Down for maintenance.' } } } : undefined;
}

@Route('media')
@Middlewares(requireTenant)
export class MediaController extends Controller {
  /** A CSV export streamed from a Readable. */
  @Get('report.csv')
  @Produces('text/csv')
  @Middlewares(maintenance)
  public async report(): Promise<Readable> {
    return Readable.from(['id,name\n', '1,alpha\n', '2,beta\n']);
  }

  /** Raw bytes with the method's content type. */
  @Get('logo')
  @Produces('image/png')
  public async logo(): Promise<Buffer> {
    return Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  }
}
