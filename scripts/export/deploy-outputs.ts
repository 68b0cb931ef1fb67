/**
 * Reads what `connectorkit deploy` left in `.connectorkit/deploy-<env>.json`: the newest file, or the named env.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CkError } from '../core/errors';
import type { DeployOutputs } from './types';
import './codes';

const KEYS: Array<keyof DeployOutputs> = ['host', 'basePath', 'tenantId', 'apiAppId', 'apiAppIdUri', 'connectorClientId', 'scope'];

/** Path of one environment's deploy outputs. */
export function deployOutputsFile(root: string, env: string): string {
  return path.join(root, '.connectorkit', `deploy-${env}.json`);
}

/**
 * Returns the outputs of `env`, or of the most recently written environment when `env` is not given, or undefined
 * when nothing was deployed. A named env that does not exist is an error.
 */
export function readDeployOutputs(root: string, env?: string): { env: string; file: string; outputs: DeployOutputs } | undefined {
  let file: string | undefined;
  if (env) {
    file = deployOutputsFile(root, env);
    if (!existsSync(file)) {
      throw new CkError({
        code: 'CK_INPUT_NOT_FOUND',
        message: `No deploy outputs for environment "${env}" (${path.relative(root, file)}).`,
        hint: `Run \`connectorkit deploy --env ${env}\` first, or leave out --env.`,
        target: file,
      });
    }
  } else {
    const dir = path.join(root, '.connectorkit');
    if (!existsSync(dir)) return undefined;
    const candidates = readdirSync(dir)
      .filter((f) => /^deploy-.+\.json$/.test(f))
      .map((f) => ({ f: path.join(dir, f), t: statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t || a.f.localeCompare(b.f));
    if (!candidates.length) return undefined;
    file = candidates[0]!.f;
  }
  const name = path
    .basename(file)
    .replace(/^deploy-/, '')
    .replace(/\.json$/, '');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CkError({ code: 'CK_EXPORT_DEPLOY_OUTPUTS_INVALID', message: `${file} is not valid JSON: ${(e as Error).message}`, target: file, cause: e });
  }
  const src = (raw && typeof raw.outputs === 'object' && raw.outputs ? raw.outputs : raw) as Record<string, unknown>;
  const missing = KEYS.filter((k) => typeof src[k] !== 'string' || !src[k]);
  if (missing.length) {
    throw new CkError({ code: 'CK_EXPORT_DEPLOY_OUTPUTS_INVALID', message: `${file} lacks ${missing.join(', ')}.`, target: file });
  }
  const outputs = Object.fromEntries(KEYS.map((k) => [k, String(src[k])])) as unknown as DeployOutputs;
  if (typeof src.loginUri === 'string' && src.loginUri) outputs.loginUri = src.loginUri;
  return { env: name, file, outputs };
}
