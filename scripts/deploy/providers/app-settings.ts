/**
 * Provider: the Function App's app settings owned by connectorkit (infra/functionapp/app-settings.json), applied
 * after the Entra step so the token check in Azure knows its tenant, audiences and issuers. The current settings
 * are read with the list action; only owned keys are compared; a write sends the current collection with the owned
 * keys replaced (the ARM PUT replaces the whole collection), so a setting we do not own is never removed — and never
 * printed: the plan shows owned keys only.
 */
import { CkError } from '../../core/errors';
import { registerSecret } from '../../core/redact';
import { envValues } from '../../apim';
import { v1Issuer } from '../../entra';
import type { DeployContext } from '../context';
import { UNKNOWN } from '../engine';
import { readFileSync } from 'node:fs';
import { fill, infraPath, loadManifest, type ManifestSpec } from '../manifest';
import { withRetry } from '../retry';
import type { PropertyDiff } from '../types';
import { changeMaker, siteScope, type DeployStep } from './kit';

export const APP_SETTINGS_MANIFEST: ManifestSpec = {
  file: 'infra/functionapp/app-settings.json',
  schema: 'infra/functionapp/schema.json',
  definition: 'appSettings',
  placeholders: [
    'environment',
    'subscriptionId',
    'resourceGroup',
    'tenantId',
    'functionApp',
    'apimService',
    'apiId',
    'apiPath',
    'apiDisplayName',
    'product',
    'resourceManager',
    'authorityHost',
    'v1Issuer',
    'apiAppId',
    'scope',
  ],
};

const SECRETISH = /(secret|password|pwd|key|token|connectionstring)$/i;

/** Loads and checks the manifest (before any step runs); a secret-named key with a literal value is refused. */
export function loadAppSettings(root: string): Record<string, string> {
  const { settings } = loadManifest(root, APP_SETTINGS_MANIFEST) as { settings: Record<string, string> };
  for (const [k, v] of Object.entries(settings)) {
    if (SECRETISH.test(k) && v !== '' && !/\$\{\w+\}/.test(v)) {
      throw new CkError({
        code: 'CK_DEPLOY_INFRA_INVALID',
        message: `${APP_SETTINGS_MANIFEST.file}: settings.${k} looks like a secret and holds a literal value.`,
        hint: 'infra/ is committed: never put a secret there. Use a Key Vault reference or a placeholder.',
        target: `${APP_SETTINGS_MANIFEST.file}#settings.${k}`,
      });
    }
  }
  return settings;
}

/** Keys of the platform settings `provision` owns (infra/resources/function-app.json `appSettings`), if the project has them. */
function platformSettingKeys(root: string): Set<string> {
  try {
    const doc = JSON.parse(readFileSync(infraPath(root, 'infra/resources/function-app.json'), 'utf8')) as { appSettings?: Record<string, string> };
    return new Set(Object.keys(doc.appSettings ?? {}));
  } catch {
    return new Set();
  }
}

export function appSettingsSteps(ctx0: DeployContext): DeployStep[] {
  const template = loadAppSettings(ctx0.opts.root);
  const platform = platformSettingKeys(ctx0.opts.root);
  const { resourceGroup: rg, functionApp: app } = ctx0.env;
  return [
    {
      id: 'app.settings',
      title: `App settings of ${app}`,
      deps: ['code.site', 'entra.apiApp'],
      site: { resource: `Function App ${app} app settings`, envKey: 'functionApp', scope: siteScope(ctx0.opts) },
      async plan(ctx) {
        const res = `Function App ${app} app settings`;
        const values = {
          ...envValues(ctx.env),
          authorityHost: ctx.env.cloud.authorityHost,
          v1Issuer: await v1Issuer(ctx),
          apiAppId: ctx.out.apiAppId ?? UNKNOWN,
          scope: ctx.out.scope ?? ctx.opts.scope,
        };
        const desired = fill(template, values, APP_SETTINGS_MANIFEST.file, [], 'settings');
        const current = (await withRetry(() => ctx.web.webApps.listApplicationSettings(rg, app), ctx.retry, ctx.stats)).properties ?? {};
        // Values of settings we do not own may be secrets (connection strings, keys): none of them is ever shown —
        // except the platform settings provision owns (infra/resources/function-app.json: names and ids, not secrets).
        for (const [k, v] of Object.entries(current)) if (SECRETISH.test(k) || !(k in desired || platform.has(k))) registerSecret(v);
        const diff: PropertyDiff[] = Object.entries(desired)
          .filter(([k, v]) => current[k] !== v)
          .map(([k, v]) => ({ path: k, ...(k in current ? { from: SECRETISH.test(k) ? '(secret)' : current[k] } : {}), to: v }));
        if (!diff.length) return { changes: [change(res, 'no-op')] };
        const action = diff.every((d) => d.from === undefined) && Object.keys(desired).every((k) => !(k in current)) ? 'create' : 'update';
        return {
          changes: [
            change(res, action, diff, `${diff.length} of ${Object.keys(desired).length} owned setting(s); ${Object.keys(current).filter((k) => !(k in desired)).length} other setting(s) kept`),
          ],
          apply: async () => {
            // Re-read just before the write so a setting added meanwhile (portal, another tool) is kept.
            const now = (await withRetry(() => ctx.web.webApps.listApplicationSettings(rg, app), ctx.retry, ctx.stats)).properties ?? {};
            const filled = fill(template, { ...values, apiAppId: ctx.out.apiAppId ?? UNKNOWN }, APP_SETTINGS_MANIFEST.file, [], 'settings');
            if (Object.values(filled).some((v) => v.includes(UNKNOWN))) throw new Error(`app settings of ${app}: a value is still unknown`);
            await withRetry(() => ctx.web.webApps.updateApplicationSettings(rg, app, { properties: { ...now, ...filled } }), ctx.retry, ctx.stats);
          },
        };
      },
    },
  ];
}

const change = changeMaker('app');
