/**
 * Registry of every error code. Each stage declares its codes once in `<stage>/codes.ts` with `defineCodes`;
 * ./codes.ts imports them all so the registry is complete and docs/error-codes.md's table is generated from it.
 */
export interface CodeDef {
  /** 'user' → exit 1 (bad input, fixable by the user); 'internal' → exit 2 (a bug or an environment fault). */
  source: 'user' | 'internal';
  /** One-line default message. */
  title: string;
  /** Default "what to do next". */
  hint: string;
  /** HTTP status when the error is returned by a handler or the local host. */
  httpStatus?: number;
}

/**
 * Every declared code, as a type: each stage's codes.ts adds its own with
 * `declare module '../core/code-registry' { interface CkCodeMap extends CodesOf<typeof X_CODES> {} }`,
 * so `new CkError({ code })` with a code no stage declares fails `tsc` (core itself imports no stage).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging from each codes.ts
export interface CkCodeMap {}

/** A declared error code. */
export type CkCode = keyof CkCodeMap & string;

/** The map entries of one `defineCodes` result, for a stage's `CkCodeMap` augmentation. */
export type CodesOf<T> = { readonly [K in keyof T]: true };

const registry = new Map<string, CodeDef & { area: string }>();

/**
 * Declares codes for one area. Codes are `CK_<AREA>_<WHAT>` in upper snake case and must be unique.
 * @example
 * export const SPEC_CODES = defineCodes('spec', { CK_SPEC_DUPLICATE_OPERATION_ID: { source: 'user', title: '…', hint: '…' } });
 * // …and, once per codes.ts, the type side (without it the stage's codes are not a CkCode and its CkErrors fail tsc):
 * declare module '../core/code-registry' {
 *   interface CkCodeMap extends CodesOf<typeof SPEC_CODES> {}
 * }
 */
export function defineCodes<T extends Record<string, CodeDef>>(area: string, codes: T): { [K in keyof T]: K } {
  const out = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(codes)) {
    if (!/^CK_[A-Z0-9]+(_[A-Z0-9]+)*$/.test(code)) throw new TypeError(`bad error code name ${code}`);
    const prev = registry.get(code);
    if (prev && prev.area !== area) throw new TypeError(`error code ${code} declared twice (${prev.area}, ${area})`);
    registry.set(code, { ...def, area });
    (out as Record<string, string>)[code] = code;
  }
  return out;
}

export function lookupCode(code: string): CodeDef {
  const def = registry.get(code);
  if (!def) {
    // Import the aggregate lazily so every stage's codes are registered even if only one stage was loaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./codes');
    const again = registry.get(code);
    if (again) return again;
    throw new TypeError(`undeclared error code ${code}: declare it in a codes.ts`);
  }
  return def;
}

/** All codes, sorted, for the docs/error-codes.md table and tests. */
export function allCodes(): Array<CodeDef & { code: string; area: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./codes');
  return [...registry.entries()].map(([code, d]) => ({ code, ...d })).sort((a, b) => a.code.localeCompare(b.code));
}
