import { Controller, Get, Route } from 'tsoa';

@Route('dup-a')
export class DupAController extends Controller {
  @Get()
  public async listThings(): Promise<string[]> {
    return [];
  }
}
