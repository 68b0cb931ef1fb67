import { Controller, Get, OperationId, Path, Route } from 'tsoa';

@Route('overlap')
export class OverlapController extends Controller {
  /** 'GetItem' sorts before 'GetMe', so the host tries overlap/{id} first and it swallows overlap/me. */
  @Get('{id}')
  public async getItem(@Path() id: string): Promise<string> {
    return id;
  }

  @Get('me')
  public async getMe(): Promise<string> {
    return 'me';
  }

  /** 'AListRecent' sorts first, so the literal route wins: no finding. */
  @Get('recent')
  @OperationId('AListRecent')
  public async listRecent(): Promise<string[]> {
    return [];
  }
}
