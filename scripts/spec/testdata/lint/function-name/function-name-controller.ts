import { Controller, Get, OperationId, Route } from 'tsoa';

@Route('fn')
export class FunctionNameController extends Controller {
  @Get('first')
  @OperationId('1stItem')
  public async firstItem(): Promise<string> {
    return '';
  }

  @Get('host')
  @OperationId('Host')
  public async hostItem(): Promise<string> {
    return '';
  }
}
