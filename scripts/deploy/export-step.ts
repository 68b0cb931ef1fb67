/**
 * The last step: the connector folder re-exported with the live gateway host, API path, tenant and app ids, the
 * deploy outputs recorded in `.connectorkit/deploy-<env>.json` (gitignored, no secrets), then a validation of the
 * written folder at the config's `connector.level` (default certification).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CkError, isCkError } from '../core/errors';
import { toJsonText, writeIfChanged } from '../core/fs';
import type { DeployContext } from './context';
import { UNKNOWN, type Step } from './engine';
import type { DeployOutputs } from '../export';
import type { DeployResult, PlannedChange } from './types';
import '../export/codes';

/** Filled by the export step for the result. */
export interface ExportState {
  outputs?: DeployOutputs;
  connector?: DeployResult['connector'];
}

export function deployOutputs(ctx: DeployContext): DeployOutputs {
  const o = ctx.out;
  const host = o.gatewayUrl ? new URL(o.gatewayUrl).host : UNKNOWN;
  const apiPath = (o.apiPath ?? ctx.env.api.path).replace(/^\/+/, '');
  return {
    host,
    basePath: `/${apiPath}`,
    tenantId: ctx.env.tenantId,
    apiAppId: o.apiAppId!,
    apiAppIdUri: `api://${o.apiAppId}`,
    connectorClientId: o.connectorAppId!,
    scope: `api://${o.apiAppId}/${o.scope ?? ctx.opts.scope}`,
    loginUri: ctx.env.cloud.authorityHost,
  };
}

export function exportStep(deps: string[], state: ExportState): Step<DeployContext> {
  return {
    id: 'export',
    title: 'Export connector',
    deps,
    async plan(ctx) {
      const dir = ctx.opts.connectorDir;
      const rel = path.relative(ctx.opts.root, dir) || '.';
      const outputs = deployOutputs(ctx);
      state.outputs = outputs;
      const res = `connector folder ${rel}/`;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the export stage loads only when this step runs
      const exp = require('../export') as typeof import('../export');
      const config = ctx.opts.config as import('../config').ProjectConfig;
      const level = config.connector?.level ?? 'certification';
      if (Object.values(outputs).some((v) => v.includes(UNKNOWN))) {
        // The ids come with the apply; the config must already do for the level (CK_EXPORT_CONFIG_INCOMPLETE before any write).
        exp.buildConnector({ spec: ctx.spec, config, root: ctx.opts.root, level });
        return { changes: [{ stage: 'export', resource: res, action: existsSync(dir) ? 'update' : 'create', note: 're-exported with ids known after apply' }] };
      }
      const folder = exp.buildConnector({ spec: ctx.spec, config, deployOutputs: outputs, root: ctx.opts.root, level });
      const changed = Object.entries(folder.files)
        .filter(([name, content]) => {
          const f = path.join(dir, name);
          return !existsSync(f) || !readFileSync(f).equals(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));
        })
        .map(([n]) => n);
      const defChanges = exp.diffExisting(dir, folder, true);
      const breaking = defChanges.filter((c) => c.breaking);
      const outFile = path.join(ctx.opts.root, '.connectorkit', `deploy-${ctx.env.name}.json`);
      const outText = toJsonText({ env: ctx.env.name, outputs });
      const write = async () => {
        await writeIfChanged(outFile, outText);
        let r;
        try {
          r = await exp.writeConnector(dir, folder, { allowBreaking: ctx.opts.allowBreaking === true, level });
        } catch (e) {
          if (isCkError(e) && e.code === 'CK_EXPORT_BREAKING_CHANGES')
            throw new CkError({
              code: 'CK_DEPLOY_EXPORT_BREAKING',
              message: e.message,
              details: e.details,
              cause: e,
              hint: 'APIM already serves the new API. Review the breaking changes, then run `connectorkit deploy --env <name> --yes --allow-breaking` (or `connectorkit export --allow-breaking`).',
            });
          throw e;
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the validator loads only when this step runs
        const { validateConnectorDir } = require('../validate') as typeof import('../validate');
        const report = await validateConnectorDir(dir, { level });
        if (report.errors > 0) {
          throw new CkError({
            code: 'CK_DEPLOY_CONNECTOR_INVALID',
            message: `${rel}/ has ${report.errors} ${level}-level error(s).`,
            details: report.findings.filter((f) => f.severity === 'error').map((f) => ({ code: f.ruleId, message: f.message, target: `${f.file}${f.pointer}` })),
          });
        }
        state.connector = {
          dir: rel,
          changed: r.changed.length > 0,
          breaking: r.breaking.map((b) => `${b.operationId}: ${b.kind}`),
          validation: { level, errors: report.errors, warnings: report.warnings },
        };
      };
      const outputsChanged = !existsSync(outFile) || readFileSync(outFile, 'utf8') !== outText;
      state.connector = { dir: rel, changed: changed.length > 0, breaking: breaking.map((b) => `${b.operationId}: ${b.kind}`) };
      const diff = changed.map((f) => ({ path: f, to: 'changed' }));
      const change: PlannedChange = {
        stage: 'export',
        resource: res,
        action: changed.length === 0 ? 'no-op' : existsSync(dir) ? 'update' : 'create',
        ...(diff.length ? { diff } : {}),
        ...(breaking.length ? { note: `BREAKING: ${breaking.map((b) => `${b.operationId} ${b.kind}`).join(', ')}` } : {}),
      };
      // Validation runs on every apply (it is cheap and writes nothing) so a re-run still proves the folder is valid.
      return { changes: [change], apply: changed.length || outputsChanged || !ctx.opts.planOnly ? write : undefined };
    },
  };
}
