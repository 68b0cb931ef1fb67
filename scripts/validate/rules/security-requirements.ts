/**
 * Every security requirement entry of the swagger (the global `security` list, then each operation's) — shared by
 * the SecurityRequirement* and OAuthSecurityRequirement* rules (not a rule itself).
 */
import { ptr } from '../pointer';
import { isObj } from '../swagger-walk';
import type { JsonObject, RuleContext } from '../types';

/** The swagger's securityDefinitions (empty when absent or not an object). */
export function securityDefinitions(ctx: RuleContext): JsonObject {
  return isObj(ctx.swagger?.securityDefinitions) ? ctx.swagger!.securityDefinitions : {};
}

/** Calls `visit` for each `name: value` of each requirement object, with the pointer of that entry. */
export function forEachSecurityRequirement(ctx: RuleContext, visit: (name: string, value: unknown, pointer: string) => void): void {
  const each = (sec: unknown, base: string) => {
    if (!Array.isArray(sec)) return;
    sec.forEach((req, i) => {
      if (!isObj(req)) return;
      for (const [name, value] of Object.entries(req)) visit(name, value, ptr(base, i, name));
    });
  };
  each(ctx.swagger?.security, '/security');
  for (const o of ctx.operations) each(o.op.security, ptr(o.pointer, 'security'));
}

/** Like {@link forEachSecurityRequirement}, only for entries whose definition is an object and value an array. */
export function forEachDefinedRequirement(ctx: RuleContext, visit: (name: string, def: JsonObject, scopes: unknown[], pointer: string) => void): void {
  const defs = securityDefinitions(ctx);
  forEachSecurityRequirement(ctx, (name, scopes, pointer) => {
    const d = defs[name];
    if (isObj(d) && Array.isArray(scopes)) visit(name, d, scopes, pointer);
  });
}
