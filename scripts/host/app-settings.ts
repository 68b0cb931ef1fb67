/**
 * host.json `extensions.http` and local.settings.json, read the way the host and Core Tools read them
 * (docs/local-host.md). JSON with comments is accepted, as JSON.NET does.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CkError } from '../core/errors';
import './codes';

export interface HttpSettings {
  /** '' or e.g. 'api' (no slashes). */
  routePrefix: string;
  customHeaders: Record<string, string>;
}

export interface LocalSettings {
  values: Record<string, string>;
  cors: string[];
  corsCredentials: boolean;
  file?: string;
}

function readJsonc(file: string): unknown {
  const errors: ParseError[] = [];
  const value = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  if (errors.length) {
    throw new CkError({ code: 'CK_HOST_SETTINGS_INVALID', message: `${file} is not valid JSON: ${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}.`, target: file });
  }
  return value;
}

/** host.json → routePrefix (default 'api', '' allowed) and customHeaders. */
export function readHostJson(appDir: string): HttpSettings {
  const file = path.join(appDir, 'host.json');
  const json = existsSync(file) ? (readJsonc(file) as { extensions?: { http?: { routePrefix?: unknown; customHeaders?: unknown } } }) : {};
  const http = json?.extensions?.http ?? {};
  const routePrefix = typeof http.routePrefix === 'string' ? http.routePrefix.replace(/^\/+|\/+$/g, '') : 'api';
  const customHeaders: Record<string, string> = {};
  if (http.customHeaders && typeof http.customHeaders === 'object') {
    for (const [k, v] of Object.entries(http.customHeaders as Record<string, unknown>)) if (typeof v === 'string') customHeaders[k] = v;
  }
  return { routePrefix, customHeaders };
}

/** local.settings.json → Values (null skipped), Host.CORS (comma list or '*'), Host.CORSCredentials. */
export function readLocalSettings(file: string): LocalSettings {
  if (!existsSync(file)) return { values: {}, cors: [], corsCredentials: false };
  const json = readJsonc(file) as { Values?: Record<string, unknown>; Host?: { CORS?: unknown; CORSCredentials?: unknown } } | null;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(json?.Values ?? {})) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') throw new CkError({ code: 'CK_HOST_SETTINGS_INVALID', message: `${file}: Values.${k} must be a string, not an object.`, target: `Values.${k}` });
    values[k] = String(v);
  }
  const corsRaw = json?.Host?.CORS;
  const cors =
    typeof corsRaw === 'string'
      ? corsRaw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const cc = json?.Host?.CORSCredentials;
  return { values, cors, corsCredentials: cc === true || String(cc).toLowerCase() === 'true', file };
}

/**
 * The app's environment: local.settings Values < process env (Core Tools: "an existing env var wins") <
 * explicit settings (dev services). Core Tools also forces AZURE_FUNCTIONS_ENVIRONMENT=Development.
 * `skipped` lists Values that the process environment overrode (Core Tools prints them).
 */
export function appEnvironment(values: Record<string, string>, processEnv: NodeJS.ProcessEnv, explicit: Record<string, string> = {}): { env: Record<string, string>; skipped: string[] } {
  const env: Record<string, string> = {};
  const skipped: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (processEnv[k] !== undefined) skipped.push(k);
    else env[k] = v;
  }
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) env[k] = v;
  Object.assign(env, explicit);
  env.AZURE_FUNCTIONS_ENVIRONMENT = 'Development';
  env.FUNCTIONS_WORKER_RUNTIME ??= 'node';
  return { env, skipped };
}
