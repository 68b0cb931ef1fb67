/**
 * `@ParamExtension(key, value)` — puts a vendor extension (`x-ms-*`) on one Swagger parameter.
 * tsoa ignores unknown decorators, so the build reads the decorator's literal arguments from the TypeScript source
 * (scripts/metadata) and the spec post-processor copies them onto the parameter. At run time it does nothing, and it
 * imports nothing, because it is bundled into the Functions app.
 *
 * @example
 * public async get(@Path() @ParamExtension('x-ms-visibility', 'advanced') id: string) { … }
 *
 * @param key the extension name, e.g. `x-ms-visibility` (must start with `x-`)
 * @param value a JSON literal: string, number, boolean, null, or an object/array literal of those
 */
export function ParamExtension(key: string, value: unknown): ParameterDecorator {
  void key;
  void value;
  return () => undefined;
}
