import { Controller, Get, Path, Route } from 'tsoa';

/** The host tries ExportReport (E) before ReadReport (R): `export-{id}` first, then `{name}` gets the rest. */
@Route('reports')
export class ComplexRouteController extends Controller {
  @Get('export-{id}')
  public async exportReport(@Path() id: string): Promise<string> {
    return id;
  }

  @Get('{name}')
  public async readReport(@Path() name: string): Promise<string> {
    return name;
  }

  /** AArchive sorts before BArchiveVersion, and its `{name}` takes `v-1`: a real shadow. */
  @Get('archive/{name}')
  public async aArchive(@Path() name: string): Promise<string> {
    return name;
  }

  @Get('archive/v-{id}')
  public async bArchiveVersion(@Path() id: string): Promise<string> {
    return id;
  }
}
