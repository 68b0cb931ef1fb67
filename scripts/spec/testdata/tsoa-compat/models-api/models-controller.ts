import { Body, Controller, Get, Patch, Post, Response, Route } from 'tsoa';

/** A model whose properties are all optional except one. */
export interface Profile {
  nickname?: string;
  age?: number;
  email: string;
}

/** A class model with initializers (tsoa reads them as defaults). */
export class Preferences {
  public theme = 'light';
  public pageSize?: number = 20;
  public notify: boolean = true;
}

/** An error body that extends the built-in Error (lib.es2022 declares Error twice). */
export interface ApiFailure extends Error {
  status: number;
}

@Route('profiles')
export class ProfilesController extends Controller {
  @Patch()
  public async patchProfile(@Body() body: Partial<Profile>): Promise<void> {}

  @Post('draft')
  public async draftProfile(@Body() body: Omit<Profile, 'email'>): Promise<void> {}

  @Post('contact')
  public async contactProfile(@Body() body: Pick<Profile, 'nickname' | 'email'>): Promise<void> {}

  @Post('preferences')
  public async savePreferences(@Body() body: Preferences): Promise<Preferences> {
    return body;
  }

  @Response<ApiFailure>(500, 'Failed')
  @Get('health')
  public async health(): Promise<string> {
    return 'ok';
  }
}
