/**
 * The `@Security` names the built-in Entra check handles. A file of its own so the build can read them without
 * putting the check (and the @azure/functions and jose types it imports) into the project's TypeScript program.
 */

/** The security scheme name the built-in check answers to (`@Security('entra', …)`, securityDefinitions.entra). */
export const ENTRA_SECURITY_NAME = 'entra';

/** Every name the built-in check handles; the build refuses any other name (file:line). */
export const BUILT_IN_SECURITY_NAMES = [ENTRA_SECURITY_NAME] as const;
