/**
 * Scenario files: `<dir>/*.json`, schema-checked (scenario.schema.json) and checked against the connector (the
 * operation exists, the inputs name its parameters), run in file-name order. Every problem is collected first and
 * reported once with the file and key.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CkError, type ErrorDetail } from '../core/errors';
import type { ConnectorModel, Obj, Scenario } from './types';
import './codes';

let validate: ReturnType<Ajv['compile']> | undefined;

function schemaCheck(): ReturnType<Ajv['compile']> {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(__dirname, 'scenario.schema.json'), 'utf8')) as object);
  return validate;
}

export function loadScenarios(dir: string, model: ConnectorModel): Scenario[] {
  if (!existsSync(dir)) return [];
  const details: ErrorDetail[] = [];
  const out: Scenario[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = path.join(dir, f);
    let raw: Obj;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Obj;
    } catch (e) {
      details.push({ code: 'CK_TEST_SCENARIO_INVALID', message: `not valid JSON: ${(e as Error).message}`, target: file });
      continue;
    }
    const check = schemaCheck();
    if (!check(raw)) {
      for (const err of check.errors ?? [])
        details.push({
          code: 'CK_TEST_SCENARIO_INVALID',
          message: `${err.instancePath || '(root)'} ${err.message ?? ''}${err.params && 'additionalProperty' in err.params ? `: ${String(err.params.additionalProperty)}` : ''}`,
          target: `${file}#${err.instancePath}`,
        });
      continue;
    }
    const op = model.operations.get(raw.operationId);
    if (!op) {
      details.push({
        code: 'CK_TEST_SCENARIO_INVALID',
        message: `operationId ${raw.operationId} is not an operation of the connector (${[...model.operations.keys()].join(', ')}).`,
        target: `${file}#/operationId`,
      });
      continue;
    }
    for (const k of Object.keys(raw.inputs ?? {})) {
      if (!op.params.some((p) => p.name === k))
        details.push({
          code: 'CK_TEST_SCENARIO_INVALID',
          message: `input ${k} is not a parameter of ${op.operationId} (${op.params.map((p) => p.name).join(', ') || 'none'}).`,
          target: `${file}#/inputs/${k}`,
        });
    }
    out.push({
      file,
      name: raw.name ?? path.basename(f, '.json'),
      operationId: raw.operationId,
      kind: 'action',
      inputs: raw.inputs ?? {},
      expect: raw.expect,
      ...(raw.save ? { save: raw.save } : {}),
    });
  }
  if (details.length) throw new CkError({ code: 'CK_TEST_SCENARIO_INVALID', message: `${details.length} problem(s) in the scenario files under ${dir}.`, details, target: dir });
  return out;
}

/**
 * Replaces {{name}} in every string of `v` with saved values; a missing name is reported, not sent as text. Built-in:
 * {{$run5}}, five digits fixed for one run (unique record ids, so a re-run against the same storage does not collide).
 */
export function substitute(v: unknown, saved: Record<string, unknown>, missing: string[]): unknown {
  if (typeof v === 'string') {
    const whole = /^\{\{(\$?[A-Za-z_][A-Za-z0-9_]*)\}\}$/.exec(v);
    if (whole) {
      if (!(whole[1]! in saved)) missing.push(whole[1]!);
      return saved[whole[1]!];
    }
    return v.replace(/\{\{(\$?[A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_m, n: string) => {
      if (!(n in saved)) missing.push(n);
      return String(saved[n] ?? '');
    });
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, saved, missing));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, saved, missing)]));
  return v;
}
