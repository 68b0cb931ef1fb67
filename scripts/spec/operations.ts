/**
 * The operation index: every visible controller method with its operationId, verb, route and source location,
 * derived from the metadata exactly the way tsoa's SpecGenerator2 derives paths and operationIds, so lint, the
 * spec post-processor and the routes emitter (which uses the operationId as the Function name) agree.
 */
import { convertColonPathParams, normalisePath } from '@tsoa/cli/dist/utils/pathUtils';
import type { BuildMetadata } from '../metadata';
import type { OperationRef } from './types';

/** tsoa's default operationId: `@OperationId(...)` if given, else the method name with its first letter upper-cased. */
export function operationIdOf(method: { name: string; operationId?: string }): string {
  return method.operationId || (method.name ? method.name.charAt(0).toUpperCase() + method.name.slice(1) : method.name);
}

/** Route as tsoa writes the Swagger path, without the leading slash (`employees/{id}`). */
export function routeOf(controllerPath: string, methodPath: string): string {
  const full = normalisePath(`${normalisePath(controllerPath, '/')}${normalisePath(methodPath, '/')}`, '/', '', false);
  return convertColonPathParams(full).replace(/^\//, '');
}

/**
 * Lists the operations in metadata order (controllers, then methods). @Hidden methods are included (flagged
 * `hidden`): they are not in the spec but still become Functions, so the lint must check them like any other.
 */
export function listOperations(bm: BuildMetadata): OperationRef[] {
  const out: OperationRef[] = [];
  for (const c of bm.metadata.controllers) {
    const loc = bm.locations[c.name];
    for (const m of c.methods) {
      const at = loc?.methods[m.name] ?? loc?.at ?? { file: c.location ?? '(unknown)', line: 0 };
      out.push({
        controller: c.name,
        method: m.name,
        operationId: operationIdOf(m),
        verb: m.method.toLowerCase(),
        route: routeOf(c.path, m.path),
        file: at.file,
        line: at.line,
        hidden: m.isHidden === true,
        md: m,
      });
    }
  }
  return out;
}
