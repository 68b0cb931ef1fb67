import { Controller, Get, Query, Route } from 'tsoa';
import { ParamExtension } from 'connectorkit/runtime';

const VISIBILITY = 'advanced';

@Route('param-ext')
export class ParamExtensionController extends Controller {
  @Get()
  public async listWithExtensions(
    @Query() @ParamExtension('x-ms-visibility', VISIBILITY) page?: number,
    @Query() @ParamExtension('visibility', 'advanced') size?: number,
    @Query() @ParamExtension('x-ms-test-value', { nested: [1, -2, true, null, 'x'] }) filter?: string,
  ): Promise<string[]> {
    return [String(page), String(size), String(filter)];
  }
}
