/**
 * Desired-vs-current comparison. Only what we declare is compared: fields the server adds (ids, etags,
 * provisioningState, defaults) are ignored, objects inside arrays match by subset, and arrays are compared as sets,
 * so a re-run against an unchanged resource yields no diff.
 */
import type { PropertyDiff } from './types';

/** True when `current` contains everything `desired` says (recursively). */
export function matches(desired: unknown, current: unknown): boolean {
  if (desired === undefined) return true;
  if (desired === null) return current === null || current === undefined;
  if (Array.isArray(desired)) {
    if (!Array.isArray(current) || current.length !== desired.length) return false;
    const pool = [...current];
    for (const d of desired) {
      const i = pool.findIndex((c) => matches(d, c));
      if (i < 0) return false;
      pool.splice(i, 1);
    }
    return true;
  }
  if (typeof desired === 'object') {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return false;
    return Object.entries(desired as Record<string, unknown>).every(([k, v]) => matches(v, (current as Record<string, unknown>)[k]));
  }
  if (typeof desired === 'string' && typeof current === 'string') return desired === current;
  return desired === current;
}

/** The property-level differences, as dotted paths (arrays are reported whole). */
export function diffProps(desired: unknown, current: unknown, at = ''): PropertyDiff[] {
  if (matches(desired, current)) return [];
  if (desired && typeof desired === 'object' && !Array.isArray(desired) && current && typeof current === 'object' && !Array.isArray(current)) {
    return Object.entries(desired as Record<string, unknown>).flatMap(([k, v]) => diffProps(v, (current as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return [{ path: at || '(root)', from: current, to: desired }];
}

/** Collapses XML whitespace and comments so a policy read back from APIM compares equal to the template. */
export function normaliseXml(xml: string): string {
  return xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '/>')
    .trim();
}
