import type { Rule } from '../types';
import { operationParams } from '../swagger-walk';
import { ptr } from '../pointer';
import { CERTIFICATION_ONLY } from './evidence';
const SUPPORTED =
  /^(application\/json|text\/plain|multipart\/form-data|application\/x-www-form-urlencoded|application\/octet-stream|text\/json|application\/[\w.+-]*json|application\/xml|text\/xml|text\/csv|text\/html|\*\/\*)/i;

/** Operations with a body or formData parameter declare `consumes` (operation or root). */
export const rule: Rule = {
  id: 'ConsumesMissing',
  level: 'platform',
  severity: 'error',
  platformSeverity: 'warning',
  evidence: {
    merged: 88,
    docs: `${CERTIFICATION_ONLY}. With no consumes the platform sends application/json; most of these connectors only lack consumes (a warning at every level), one declares an unsupported type`,
  },
  file: 'apiDefinition.swagger.json',
  description:
    'Operations with a body or formData parameter declare `consumes` with a supported MIME type (an error at --level certification, a warning at platform level; an absent consumes is a warning at every level: the platform sends application/json).',
  check(ctx) {
    for (const o of ctx.operations) {
      if (!operationParams(ctx.swagger, o).some((p) => p.param.in === 'body' || p.param.in === 'formData')) continue;
      const list = o.op.consumes ?? ctx.swagger?.consumes;
      // Absent consumes falls back to application/json on the platform (66 operations of merged connectors rely on it).
      if (!Array.isArray(list) || list.length === 0)
        ctx.report({
          severity: 'warning',
          message: `The operation '${String(o.op.operationId ?? o.path)}' has a body but no 'consumes'; the platform assumes application/json. Declare it.`,
          pointer: o.pointer,
        });
      else if (!list.some((m) => typeof m === 'string' && SUPPORTED.test(m)))
        ctx.report({
          message: `At least one supported MIME type must be provided in 'consumes' for operation '${String(o.op.operationId ?? o.path)}'.`,
          pointer: o.op.consumes ? ptr(o.pointer, 'consumes') : '/consumes',
        });
    }
  },
};
