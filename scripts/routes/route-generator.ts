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
  /**
   * tsoa drops a string's `@format` from the route schema; `date` and `date-time` travel on as `validators.format`
   * so the runtime checks them as real calendar values (scripts/runtime/calendar.ts).
   */
  protected override buildPropertySchema(source: Tsoa.Property): TsoaRoute.PropertySchema {
    const schema = super.buildPropertySchema(source);
    if (schema.dataType === 'string' && (source.format === 'date' || source.format === 'date-time')) {
      schema.validators = { ...(schema.validators ?? {}), format: { value: source.format } } as TsoaRoute.PropertySchema['validators'];
    }
    return schema;
  }
}
