/**
 * The Functions host's rules for function names and routes (docs/local-host.md), in one place: the
 * build-time lint predicts with them what the host will refuse or shadow, and the local host enforces them.
 */

/** `Utility.IsValidFunctionName` (the operationId becomes the function name); `host` is reserved as well. */
export function isValidFunctionName(name: string): boolean {
  return /^[a-z][a-z0-9_-]{0,127}$/i.test(name) && name.toLowerCase() !== 'host';
}

/** The host rejects a route whose lower-cased, `/`-trimmed text starts with `admin` or `runtime` (its built-in routes). */
export function isReservedRoute(route: string): boolean {
  return /^(admin|runtime)/.test(route.replace(/^\/+|\/+$/g, '').toLowerCase());
}

/** Ordinal, case-insensitive comparison (StringComparer.OrdinalIgnoreCase): the order the host tries functions in. */
export function compareOrdinalIgnoreCase(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
