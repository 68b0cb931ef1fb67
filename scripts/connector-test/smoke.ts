/**
 * A smoke call for an operation without a scenario: only GET (safe to call), with every required parameter filled
 * from its example, default or first enum value (x-ms-dynamic-values are filled by the runner from their list).
 */
import type { ConnectorOperation, Obj } from './types';

export function smokeInputs(op: ConnectorOperation): { inputs: Obj; why?: string } {
  if (op.method !== 'get') return { inputs: {}, why: `no scenario, and ${op.method.toUpperCase()} is not safe to call without one` };
  const inputs: Obj = {};
  for (const p of op.params) {
    if (!p.required) continue;
    const v = p['x-example'] ?? p.example ?? p.default ?? (Array.isArray(p.enum) ? p.enum[0] : undefined);
    if (v !== undefined) inputs[p.name] = v;
    else if (!p['x-ms-dynamic-values']) return { inputs, why: `no scenario, and required parameter ${p.name} has no example, default or enum` };
  }
  return { inputs };
}
