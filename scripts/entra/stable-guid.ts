/** Name-based GUIDs: the Entra scope id and the ids other stages derive from the app's unique name. */
import { createHash } from 'node:crypto';

/** A stable GUID (name-based) so the scope id is the same on every machine and re-run. */
export function stableGuid(name: string): string {
  const h = createHash('sha1').update(`connectorkit:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
