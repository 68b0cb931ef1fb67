import { Controller, Get, Request, Route, Security } from 'tsoa';
import type { RequestContext } from 'connectorkit/runtime';

@Route('secure')
export class SecureController extends Controller {
  /** Either a key OR a token with scope read. */
  @Get('either')
  @Security('key')
  @Security('token', ['read'])
  public async either(@Request() ctx: RequestContext): Promise<{ user: unknown }> {
    return { user: ctx.user };
  }

  /** A key AND a token. */
  @Get('both')
  @Security({ key: [], token: ['read'] })
  public async both(@Request() ctx: RequestContext): Promise<{ user: unknown }> {
    return { user: ctx.user };
  }
}
