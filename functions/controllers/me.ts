import { Controller, Extension, Get, Request, Response, Route, Security, Tags } from 'tsoa';
import { HTTP_CODES, HttpError, isEntraPrincipal, type RequestContext } from 'connectorkit/runtime';
import type { CallerIdentity } from '../models/me';
import type { ErrorResponse } from '../models/error';

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
    if (!isEntraPrincipal(p))
      throw new HttpError(401, HTTP_CODES.INVALID_TOKEN, 'The request is not authenticated.', { hint: 'Send a bearer token.', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    // The runtime's EntraPrincipal has CallerIdentity's shape, built without undefined members.
    return p;
  }
}
