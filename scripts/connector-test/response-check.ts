/**
 * Checks a response body against the operation's response schema (Swagger 2.0 schema objects, draft-4 semantics)
 * with the definition's `definitions` in scope. Each problem carries the JSON pointer into the output.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Obj } from './types';

export interface SchemaProblem {
  pointer: string;
  message: string;
}

const checkers = new WeakMap<Obj, ResponseChecker>();

/** One compiler per definition document (schemas are compiled once per operation and status, per process). */
export class ResponseChecker {
  static for(def: Obj): ResponseChecker {
    let c = checkers.get(def);
    if (!c) {
      c = new ResponseChecker(def);
      checkers.set(def, c);
    }
    return c;
  }

  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  constructor(private readonly def: Obj) {
    this.ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, discriminator: false });
    addFormats(this.ajv);
    // Swagger 2.0's extra formats are not checked (the platform does not check them either).
    for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'decimal']) this.ajv.addFormat(f, true);
    this.ajv.addSchema({ $id: 'connector:definitions', definitions: def.definitions ?? {} });
  }

  check(key: string, schema: Obj, body: unknown): SchemaProblem[] {
    let v = this.cache.get(key);
    if (!v) {
      const rewrite = JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, '"connector:definitions#/definitions/')) as Obj;
      v = this.ajv.compile(rewrite);
      this.cache.set(key, v);
    }
    if (v(body)) return [];
    return (v.errors ?? []).map((e) => ({
      pointer:
        e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${String((e.params as { additionalProperty?: string }).additionalProperty)}`
          : e.keyword === 'required'
            ? `${e.instancePath}/${String((e.params as { missingProperty?: string }).missingProperty)}`
            : e.instancePath || '',
      message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`,
    }));
  }
}
