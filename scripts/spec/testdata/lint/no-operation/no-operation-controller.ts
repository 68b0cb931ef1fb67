import { Controller, Get, Route } from 'tsoa';

@Route('no-op')
export class NoOperationController extends Controller {
  @Get()
  public async list(): Promise<string[]> {
    return [];
  }

  /** Forgot @Post: tsoa drops it silently. */
  public async create(): Promise<void> {}

  /** Helpers are fine: private, or not async. */
  private async helper(): Promise<void> {}
  public format(x: string): string {
    return x;
  }
}

/** Forgot @Route: none of these becomes an operation. */
export class ForgottenController extends Controller {
  @Get('x')
  public async get(): Promise<string> {
    return 'x';
  }
}

/** Not a controller: no warning. */
export class Helper {
  public async run(): Promise<void> {}
}
