import { Controller, Get, Middlewares, Route } from 'tsoa';
import type { HttpRequest, InvocationContext } from '@azure/functions';

const audit = async (_request: HttpRequest, _context: InvocationContext): Promise<void> => undefined;
const expressStyle = (_req: unknown, _res: unknown, next: () => void): void => next();

@Route('mw')
@Middlewares(audit)
export class MiddlewaresController extends Controller {
  @Get('ok')
  @Middlewares(audit)
  public async fine(): Promise<string> {
    return 'ok';
  }

  @Get('express')
  @Middlewares(expressStyle)
  public async express(): Promise<string> {
    return 'no';
  }
}
