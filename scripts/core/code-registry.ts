/**
 * Registry of every error code. Each stage declares its codes once in `<stage>/codes.ts` with `defineCodes`, and a
 * module that raises a code imports the codes.ts that declares it, so the code is registered whenever it can be
 * raised. Core imports no stage: the full list (docs/error-codes.md's table) is assembled in scripts/tools/all-codes.ts.
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
  if (!def) throw new TypeError(`undeclared error code ${code}: declare it in a codes.ts and import that file where the code is raised`);
  return def;
}

/** The codes registered so far (every code once scripts/tools/all-codes.ts is loaded), sorted by code. */
export function registeredCodes(): Array<CodeDef & { code: string; area: string }> {
  return [...registry.entries()].map(([code, d]) => ({ code, ...d })).sort((a, b) => a.code.localeCompare(b.code));
}
