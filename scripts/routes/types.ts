/** Options of {@link emitRoutes}. */
export interface EmitRoutesOptions {
  /** Absolute folder the routes file goes to (functions/.generated); imports are relative to it. */
  outDir: string;
  /**
   * Absolute path of the project's own auth module (`authenticate(request, securityName, scopes, context?)`).
   * Without it, operations with `@Security('entra', …)` use the runtime's built-in Entra check.
   */
  authModule?: string;
  /**
   * Functions `authLevel` of every operation. Default `'anonymous'`: callers are authenticated by the auth module
   * (Entra bearer token) inside the function, and APIM fronts the app; a function key would be a second secret.
   */
  authLevel?: 'anonymous' | 'function' | 'admin';
  /** tsoa's excess-property handling; must match the spec emitter's. Default `'throw-on-extras'`. */
  noImplicitAdditionalProperties?: 'throw-on-extras' | 'silently-remove-extras' | 'ignore';
  /** tsoa's body coercion (`"3"` → 3 for number properties). Default `true` (tsoa's default). */
  bodyCoercion?: boolean;
}
