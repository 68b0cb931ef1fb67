/** Microsoft.Web: the Function App (site GET), host keys and app settings. */
import type { ArmHandler, HandlerCtx } from './handler-context';
import { bodyObject, ok } from './handler-context';

function site(ctx: HandlerCtx) {
  return ctx.store.get(ctx.parentId)!;
}

const getSite: ArmHandler = (ctx) => ok(site(ctx));

const listHostKeys: ArmHandler = (ctx) => {
  const keys = site(ctx).hidden?.hostKeys as { masterKey: string; functionKeys: Record<string, string>; systemKeys?: Record<string, string> };
  return { status: 200, body: { masterKey: keys.masterKey, functionKeys: { ...keys.functionKeys }, systemKeys: { ...(keys.systemKeys ?? {}) } } };
};

function settingsBody(ctx: HandlerCtx): Record<string, unknown> {
  const s = site(ctx);
  return { id: `${s.id}/config/appsettings`, name: 'appsettings', type: 'Microsoft.Web/sites/config', properties: { ...(s.hidden?.appSettings as Record<string, string>) } };
}

const listAppSettings: ArmHandler = (ctx) => ({ status: 200, body: settingsBody(ctx) });

const putAppSettings: ArmHandler = (ctx) => {
  const s = site(ctx);
  const props = (bodyObject(ctx)?.properties ?? {}) as Record<string, string>;
  s.hidden = { ...(s.hidden ?? {}), appSettings: { ...props } };
  return { status: 200, body: settingsBody(ctx) };
};

/** Handlers keyed by `METHOD shape`. */
export const WEB_HANDLERS: Record<string, ArmHandler> = {
  'GET ': getSite,
  'POST host/default/listkeys': listHostKeys,
  'POST config/appsettings/list': listAppSettings,
  'PUT config/appsettings': putAppSettings,
};
