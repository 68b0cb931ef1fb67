import { Controller, Get, Hidden, Route } from 'tsoa';

@Route('hidden-b')
export class HiddenBController extends Controller {
  @Hidden()
  @Get('ping')
  public async ping(): Promise<string> {
    return 'b';
  }
}
