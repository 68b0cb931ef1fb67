/**
 * The Function App code: read the site (plan kind, host name), publish dist/app.zip through SCM when its hash
 * differs from the last successful deployment's marker, and read the host key through ARM listkeys.
 */
import { Secret } from '../../core/redact';
import { CkError } from '../../core/errors';
import type { DeployContext } from '../context';
import { names } from '../context';
import { withRetry } from '../retry';
import type { DeployEnvironment } from '../types';
import { changeMaker, siteScope, type DeployStep } from './kit';

const change = changeMaker('code');

/** The Kudu base URL of the app. */
export function scmBase(env: DeployEnvironment): string {
  return env.cloud.scmEndpoint ? env.cloud.scmEndpoint.replace('{app}', env.functionApp) : `https://${env.functionApp}.${env.cloud.scmSuffix}`;
}

export function packageMarker(sha256: string): string {
  return `connectorkit:sha256=${sha256}`;
}

/** Provider: the Function App's site, code package and host key (ids prefixed `code.`). */
export function codeSteps(ctx0: DeployContext): DeployStep[] {
  const { resourceGroup: rg, functionApp: app } = ctx0.env;
  const at = (resource: string) => ({ resource, envKey: 'functionApp', scope: siteScope(ctx0.opts) });
  const site: DeployStep = {
    id: 'code.site',
    title: `Function App ${app}`,
    deps: [],
    site: at(`Function App ${app}`),
    async plan(ctx) {
      const s = await withRetry(() => ctx.web.webApps.get(rg, app), ctx.retry, ctx.stats);
      // Flex Consumption apps carry functionAppConfig; they deploy through /api/publish, not Kudu zipdeploy.
      Object.assign(ctx.out, { siteId: s.id, defaultHostName: s.defaultHostName, flex: s.functionAppConfig !== undefined && s.functionAppConfig !== null });
      return { changes: [] };
    },
  };

  const pkg: DeployStep = {
    id: 'code.package',
    title: `Publish dist/app.zip to ${app}`,
    deps: ['code.site'],
    site: at(`Function App ${app} code`),
    async plan(ctx) {
      const res = `Function App ${app} code (dist/app.zip)`;
      const base = scmBase(ctx.env);
      const marker = packageMarker(ctx.zipSha256);
      const latest = await ctx.scm.latest(base);
      if (latest && latest.status === 4 && latest.message === marker) return { changes: [change(res, 'no-op')] };
      const how = ctx.out.flex ? 'Flex Consumption /api/publish' : 'Kudu /api/zipdeploy';
      return {
        changes: [change(res, latest ? 'update' : 'create', [{ path: 'package.sha256', from: latest?.message?.replace('connectorkit:sha256=', ''), to: ctx.zipSha256 }], how)],
        apply: async () => {
          const started = await ctx.scm.publish(base, ctx.zip, ctx.out.flex === true, marker);
          const d = await ctx.scm.wait(base, started, Date.now() + ctx.retry.lroTimeoutMs).catch((e: { timeout?: boolean }) => {
            if (e?.timeout) throw new CkError({ code: 'CK_DEPLOY_TIMEOUT', message: `The deployment to ${app} did not finish within ${Math.round(ctx.retry.lroTimeoutMs / 1000)} s.` });
            throw e;
          });
          // A failed deployment leaves the previous package live; the step re-plans and publishes again.
          if (d.status !== 4) throw Object.assign(new Error(`The deployment ${d.id} to ${app} failed: ${d.status_text ?? `status ${d.status}`}.`), { azureCode: 'DeploymentFailed' });
        },
      };
    },
  };

  const hostKey: DeployStep = {
    id: 'code.hostKey',
    title: `Host key of ${app}`,
    deps: ['code.site'],
    site: at(`Function App ${app} host keys`),
    async plan(ctx) {
      const keys = await withRetry(() => ctx.web.webApps.listHostKeys(rg, app), ctx.retry, ctx.stats);
      for (const v of [keys.masterKey, ...Object.values(keys.functionKeys ?? {}), ...Object.values(keys.systemKeys ?? {})]) if (v) new Secret(v);
      // Prefer a dedicated key (what the portal's "Import Function App" creates), else the default host key.
      const value = keys.functionKeys?.[names(ctx.env).hostKey] ?? keys.functionKeys?.default;
      if (!value) throw new CkError({ code: 'CK_DEPLOY_HOST_KEY_MISSING', message: `Function App ${app} returned no function host key.` });
      ctx.out.functionKey = new Secret(value);
      return { changes: [] };
    },
  };
  return [site, pkg, hostKey];
}
