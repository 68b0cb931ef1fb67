/**
 * Layer 1: structure. Validates apiDefinition.swagger.json, apiProperties.json and settings.json against
 * Microsoft's published schemas; failures a documented relaxation covers are downgraded (one finding per
 * relaxation and file, with a count), all others are errors with Microsoft's rule id for the error kind.
 */
import { schemaValidator, type SchemaName } from './schemas';
import { leafErrors, describe, ruleIdOf } from './schema-errors';
import { findRelaxation, type Relaxation } from './relaxations';
import type { Finding } from './types';

/** Validates one parsed document against a published schema. */
export function schemaFindings(schema: SchemaName, file: string, doc: unknown): Finding[] {
  const relaxedBy = (e: Parameters<typeof findRelaxation>[1]) => findRelaxation(schema, e);
  const leaves = leafErrors(schema, schemaValidator(schema), doc, (e) => relaxedBy(e) !== undefined);
  const out: Finding[] = [];
  const grouped = new Map<Relaxation, Array<{ pointer: string; message: string }>>();
  for (const e of leaves) {
    const d = describe(e);
    const r = relaxedBy(e);
    if (r) {
      let g = grouped.get(r);
      if (!g) grouped.set(r, (g = []));
      g.push(d);
      continue;
    }
    out.push({ severity: 'error', ruleId: ruleIdOf(e), message: d.message, pointer: d.pointer, file });
  }
  for (const [r, hits] of grouped) {
    const more = hits.length > 1 ? ` (${hits.length} places; first shown)` : '';
    out.push({
      severity: r.severity,
      ruleId: 'SchemaRelaxed',
      relaxation: r.id,
      message: `${hits[0]!.message} Accepted by the live platform: ${r.title}${more}`,
      pointer: hits[0]!.pointer,
      file,
    });
  }
  return out;
}
