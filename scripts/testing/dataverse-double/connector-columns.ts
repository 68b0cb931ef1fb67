/**
 * The `connector` table as Microsoft documents it (scripts/testing/contracts/dataverse/connector.md, copied verbatim
 * from the reference page): every column's logical name, type, maximum length, whether it is writable on create or
 * update, and the option values of choice columns. The double checks every request against this table instead of a
 * hand-written list, so a column the documentation does not have is refused exactly as Dataverse refuses it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { anchorsPath } from '../anchors';

export interface ColumnDef {
  logicalName: string;
  type: string;
  maxLength?: number;
  /** IsValidForCreate / IsValidForUpdate (documented as True unless the page says False). */
  create: boolean;
  update: boolean;
  /** Option values of Picklist / MultiSelectPicklist / State / Status columns. */
  options?: number[];
}

let cached: Map<string, ColumnDef> | undefined;

/** Parses connector.md once: the "### <a name=BKMK_…>" sections, their property tables and choice tables. */
export function connectorColumns(): Map<string, ColumnDef> {
  if (cached) return cached;
  const text = readFileSync(path.join(anchorsPath('dataverse'), 'connector.md'), 'utf8');
  const writable = new Set(sectionList(text, '## Writable columns/attributes'));
  const out = new Map<string, ColumnDef>();
  const sections = text.split(/\n### <a name="BKMK_[^"]+"><\/a> /).slice(1);
  for (const s of sections) {
    const schemaName = s.split('\n')[0]!.trim();
    const props = new Map<string, string>();
    for (const m of s.matchAll(/^\|(\w+)\|([^|\n]*)\|$/gm)) if (!props.has(m[1]!)) props.set(m[1]!, m[2]!.trim());
    const logicalName = props.get('LogicalName');
    if (!logicalName || out.has(logicalName)) continue;
    const isWritable = writable.has(schemaName);
    const choices = /#### .* Choices\/Options\n+\|Value\|[^\n]*\n\|[-|]+\|\n((?:\|[^\n]*\|\n?)+)/.exec(s);
    out.set(logicalName, {
      logicalName,
      type: props.get('Type') ?? 'String',
      ...(props.has('MaxLength') ? { maxLength: Number(props.get('MaxLength')) } : {}),
      create: isWritable && props.get('IsValidForCreate') !== 'False',
      update: isWritable && props.get('IsValidForUpdate') !== 'False',
      ...(choices ? { options: [...choices[1]!.matchAll(/^\|(-?\d+)\|/gm)].map((m) => Number(m[1])) } : {}),
    });
  }
  cached = out;
  return out;
}

/** The SchemaNames bulleted under a "## …" heading. */
function sectionList(text: string, heading: string): string[] {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`connector.md has no "${heading}" section`);
  const rest = text.slice(start + heading.length);
  const end = rest.search(/\n## /);
  return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(/^- \[([^\]]+)\]/gm)].map((m) => m[1]!);
}
