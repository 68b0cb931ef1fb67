import { Controller, Get, Route } from 'tsoa';

@Route('dup-b')
export class DupBController extends Controller {
  /** Same method name as DupAController.listThings → same default operationId. */
  @Get()
  public async listThings(): Promise<string[]> {
    return [];
  }
}
