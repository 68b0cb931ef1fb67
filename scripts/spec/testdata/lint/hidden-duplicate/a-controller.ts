import { Controller, Get, Hidden, Route } from 'tsoa';

@Route('hidden-a')
export class HiddenAController extends Controller {
  /** Not in the spec, but still a Function named Ping. */
  @Hidden()
  @Get('ping')
  public async ping(): Promise<string> {
    return 'a';
  }
}
