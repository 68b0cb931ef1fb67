import { Controller, Get, Route } from 'tsoa';

@Route('administrators')
export class ReservedController extends Controller {
  @Get()
  public async listAdministrators(): Promise<string[]> {
    return [];
  }
}
