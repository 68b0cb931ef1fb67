import { Body, Controller, Get, Route } from 'tsoa';

export interface SearchQuery {
  text: string;
}

@Route('body-on-get')
export class BodyOnGetController extends Controller {
  @Get()
  public async searchThings(@Body() query: SearchQuery): Promise<string[]> {
    return [query.text];
  }
}
