/**
 * Text helpers for connector files: Microsoft's coding standard asks for 4-space JSON; the string guidance asks for
 * PascalCase operationIds, sentence-case summaries and title-case `x-ms-summary` values.
 */
import { toJsonText } from '../core/fs';

/** Strict JSON, 4-space indentation, LF, trailing newline, no BOM. */
export function connectorJson(value: unknown): string {
  return toJsonText(value, 4);
}

/** Splits `getEmployeeByID`, `list_employees`, `employee-id` into words. */
export function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `getEmployee` / `get_employee` → `GetEmployee`. */
export function pascalCase(s: string): string {
  return words(s)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

const ACRONYMS = new Set(['id', 'url', 'uri', 'api', 'json', 'xml', 'html', 'http', 'https', 'ip', 'utc']);

function acronym(w: string, lower: boolean): string {
  if (ACRONYMS.has(w.toLowerCase())) return w.toUpperCase();
  return lower ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase();
}

/** `employeeId` → `Employee ID` (x-ms-summary). */
export function titleCase(s: string): string {
  return words(s)
    .map((w) => acronym(w, false))
    .join(' ');
}

/** `GetEmployeeById` → `Get employee by ID` (operation summary). */
export function sentenceCase(s: string): string {
  const ws = words(s).map((w, i) => (i === 0 ? acronym(w, false) : acronym(w, true)));
  return ws.join(' ');
}

/** Ensures a full sentence: capitalised, ending with punctuation. */
export function asSentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const cap = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(cap) ? cap : `${cap}.`;
}

/** Escapes one JSON pointer segment. */
export function ptr(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
