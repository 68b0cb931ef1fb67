/**
 * Operations grouped by their x-ms-api-annotation family — shared by the OperationFamily* rules (not a rule itself).
 */
import { isObj } from '../swagger-walk';
import type { JsonObject, OperationRef, RuleContext } from '../types';

/** One operation of a family, with its x-ms-api-annotation. */
export interface FamilyMember {
  o: OperationRef;
  a: JsonObject;
}

/**
 * Family name → its operations in document order (those `include` keeps, when given); families appear in the
 * order of their first included operation.
 */
export function operationFamilies(ctx: RuleContext, include?: (m: FamilyMember) => boolean): Map<string, FamilyMember[]> {
  const families = new Map<string, FamilyMember[]>();
  for (const o of ctx.operations) {
    const a = o.op['x-ms-api-annotation'];
    if (!isObj(a) || typeof a.family !== 'string') continue;
    const m = { o, a };
    if (include && !include(m)) continue;
    (families.get(a.family) ?? families.set(a.family, []).get(a.family)!).push(m);
  }
  return families;
}
