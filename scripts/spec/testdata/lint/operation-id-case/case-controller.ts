import { Controller, Get, OperationId, Route } from 'tsoa';

@Route('case')
export class CaseController extends Controller {
  @Get()
  @OperationId('get_case_items')
  public async getCaseItems(): Promise<string[]> {
    return [];
  }
}
