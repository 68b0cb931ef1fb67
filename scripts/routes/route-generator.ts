/**
 * tsoa's AbstractRouteGenerator, used only for its schema builders (`buildModels`, `buildParameterSchema`) so the
 * ValidationService gets exactly the shapes tsoa's own templates give it. No file is written here.
 */
import { AbstractRouteGenerator } from '@tsoa/cli/dist/routeGeneration/routeGenerator';
import type { ExtendedRoutesConfig } from '@tsoa/cli/dist/cli';
import type { Tsoa, TsoaRoute } from '@tsoa/runtime';

export class SchemaBuilder extends AbstractRouteGenerator<ExtendedRoutesConfig> {
  constructor(metadata: Tsoa.Metadata, noImplicitAdditionalProperties: ExtendedRoutesConfig['noImplicitAdditionalProperties'], bodyCoercion: boolean) {
    super(metadata, { entryFile: '', routesDir: '.', noImplicitAdditionalProperties, bodyCoercion } as ExtendedRoutesConfig);
  }
  override async GenerateCustomRoutes(): Promise<void> {
    throw new TypeError('SchemaBuilder does not write routes; use emitRoutes()');
  }
  parameterSchema(p: Tsoa.Parameter): TsoaRoute.ParameterSchema {
    return this.buildParameterSchema(p);
  }
}
