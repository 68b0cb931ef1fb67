/**
 * The dynamic extensions whose value-collection / itemsPath can be checked against the invoked operation's declared
 * success response — shared by the InvokedOperationShouldProduce* rules (not a rule itself).
 */
import type { DynamicUse } from '../dynamic';
import { dynamicUses, isOpen, operationById, successSchema } from '../dynamic';
import type { JsonObject, RuleContext } from '../types';

/** A dynamic extension, its non-empty response path and the closed success schema of the operation it invokes. */
export interface InvokedResponse {
  use: DynamicUse;
  path: string;
  root: JsonObject;
}

/** Uses with a path whose invoked operation declares a success schema that is neither open nor dynamic. */
export function invokedResponses(ctx: RuleContext): InvokedResponse[] {
  const out: InvokedResponse[] = [];
  for (const d of dynamicUses(ctx)) {
    const path = d.key === 'x-ms-dynamic-values' ? d.value['value-collection'] : d.key === 'x-ms-dynamic-list' ? d.value.itemsPath : undefined;
    if (typeof path !== 'string' || path === '') continue;
    const target = operationById(ctx, d.value.operationId);
    const root = target && successSchema(ctx, target);
    if (!root || isOpen(root) || root['x-ms-dynamic-schema'] !== undefined) continue;
    out.push({ use: d, path, root });
  }
  return out;
}
