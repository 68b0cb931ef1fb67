import { Controller, Extension, Get, Request, Response, Route, Security, Tags } from 'tsoa';
import type { RequestContext } from '@connectorkit/runtime';
import type { CallerIdentity } from '../models/me';
import type { ErrorResponse } from '../models/error';
import { isPrincipal } from '../auth/principal';
import { ApiErrorCode, apiError } from '../errors';

/** The signed-in caller. */
@Route('me')
@Tags('Me')
@Security('entra', ['user_impersonation'])
@Response<ErrorResponse>(401, 'The access token is missing or invalid')
@Response<ErrorResponse>(403, 'The access token lacks the user_impersonation scope')
export class MeController extends Controller {
  /**
   * Returns who the API thinks the caller is, from the validated access token: user, tenant, client app,
   * scopes and roles. Useful to check a connection.
   * @summary Get my identity
   */
  @Get()
  @Extension('x-ms-visibility', 'advanced')
  public async GetMe(@Request() req: RequestContext): Promise<CallerIdentity> {
    const p = req.user;
    if (!isPrincipal(p)) throw apiError(ApiErrorCode.InvalidToken, 'The request is not authenticated.', { hint: 'Send a bearer token.', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    // The principal is a CallerIdentity (auth/principal.ts), built without undefined members.
    return p;
  }
}
