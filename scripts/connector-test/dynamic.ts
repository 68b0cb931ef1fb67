/**
 * x-ms-dynamic-values and x-ms-dynamic-schema resolved the way the designer does: by calling the operation they
 * name, with its parameters taken from constants ({value}) or from the current inputs ({parameter}).
 */
import type { Obj } from './types';
import { getPath } from './pointer';

/** Calls an operation of the connector with inputs and returns its JSON body (and status). */
export type CallOperation = (operationId: string, inputs: Obj) => Promise<{ status: number; body: unknown }>;

function dynamicInputs(spec: Obj, inputs: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries<any>(spec.parameters ?? {})) {
    if (v && typeof v === 'object' && 'parameter' in v) out[k] = inputs[v.parameter];
    else if (v && typeof v === 'object' && 'value' in v) out[k] = v.value;
    else out[k] = v;
  }
  return out;
}

/** The allowed values of a dynamic-values list; throws with a message when the list call fails. */
export async function dynamicValues(spec: Obj, inputs: Obj, call: CallOperation): Promise<unknown[]> {
  const r = await call(String(spec.operationId), dynamicInputs(spec, inputs));
  if (r.status >= 300) throw new Error(`${String(spec.operationId)} answered ${r.status}`);
  const list = getPath(r.body, spec['value-collection']);
  if (!Array.isArray(list)) throw new Error(`${String(spec.operationId)}: value-collection "${String(spec['value-collection'] ?? '')}" is not an array`);
  return list.map((item) => getPath(item, spec['value-path']));
}

/** The schema a dynamic-schema operation returns (at value-path). */
export async function dynamicSchema(spec: Obj, inputs: Obj, call: CallOperation): Promise<Obj> {
  const r = await call(String(spec.operationId), dynamicInputs(spec, inputs));
  if (r.status >= 300) throw new Error(`${String(spec.operationId)} answered ${r.status}`);
  const s = getPath(r.body, spec['value-path']);
  if (!s || typeof s !== 'object') throw new Error(`${String(spec.operationId)}: value-path "${String(spec['value-path'] ?? '')}" is not a schema`);
  return s as Obj;
}
