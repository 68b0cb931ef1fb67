/**
 * Loads infra/environments/<env>.json, checks it against infra/environments/schema.json (errors name the key path
 * and the file) and resolves the cloud to endpoints.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { schemaFileValidator } from './manifest';
import { CkError } from '../core/errors';
import type { CloudEndpoints, DeployEnvironment } from './types';
import { envSchemaError, envSyntaxError } from './env-errors';
import { normaliseLocation, resolveNames, type NamedInEnvFile } from './resource-names';

/** Endpoints of the named clouds (Azure CLI `az cloud show`). */
export const CLOUDS: Record<string, CloudEndpoints> = {
  AzureCloud: {
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com',
    resourceManagerAudience: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    graph: 'https://graph.microsoft.com',
    graphAudience: 'https://graph.microsoft.com',
    scmSuffix: 'scm.azurewebsites.net',
    disableInstanceDiscovery: false,
    v1IssuerBase: 'https://sts.windows.net/',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    resourceManager: 'https://management.chinacloudapi.cn',
    resourceManagerAudience: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    graphAudience: 'https://microsoftgraph.chinacloudapi.cn',
    scmSuffix: 'scm.chinacloudsites.cn',
    disableInstanceDiscovery: false,
    v1IssuerBase: 'https://sts.chinacloudapi.cn/',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    resourceManager: 'https://management.usgovcloudapi.net',
    resourceManagerAudience: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    graph: 'https://graph.microsoft.us',
    graphAudience: 'https://graph.microsoft.us',
    scmSuffix: 'scm.azurewebsites.us',
    disableInstanceDiscovery: false,
    v1IssuerBase: 'https://sts.windows.net/',
  },
};

const SCHEMA_FILE = 'infra/environments/schema.json';
const SECRETISH = /(secret|password|key|token|connectionstring)$/i;

function trim(u: string): string {
  return u.replace(/\/+$/, '');
}

/** Reads and validates an environment; `root` is the project root. */
export function loadEnvironment(root: string, name: string): DeployEnvironment {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new CkError({ code: 'CK_DEPLOY_ENV_NOT_FOUND', message: `Invalid environment name "${name}".`, target: '--env' });
  const rel = `infra/environments/${name}.json`;
  const file = path.join(root, rel);
  if (!existsSync(file)) throw new CkError({ code: 'CK_DEPLOY_ENV_NOT_FOUND', message: `Environment file ${rel} does not exist.`, target: rel });
  const text = readFileSync(file, 'utf8');
  let raw: Record<string, any>;
  try {
    raw = JSON.parse(text) as Record<string, any>;
  } catch (e) {
    throw envSyntaxError(rel, text, e as Error);
  }
  const schemaPath = existsSync(path.join(root, SCHEMA_FILE)) ? path.join(root, SCHEMA_FILE) : path.join(__dirname, '..', SCHEMA_FILE);
  const validate = schemaFileValidator(schemaPath);
  if (!validate(raw)) throw envSchemaError(rel, validate.errors ?? [], raw);
  rejectSecrets(raw, rel);
  rejectPlaceholders(raw, rel);
  const cloud: CloudEndpoints =
    typeof raw.cloud === 'string'
      ? CLOUDS[raw.cloud]!
      : {
          name: raw.cloud.name ?? 'Custom',
          resourceManager: trim(raw.cloud.resourceManager),
          resourceManagerAudience: trim(raw.cloud.resourceManagerAudience ?? raw.cloud.resourceManager),
          authorityHost: trim(raw.cloud.authorityHost),
          graph: trim(raw.cloud.graph),
          graphAudience: trim(raw.cloud.graphAudience ?? raw.cloud.graph),
          scmSuffix: raw.cloud.scmSuffix,
          ...(raw.cloud.scmEndpoint ? { scmEndpoint: trim(raw.cloud.scmEndpoint) } : {}),
          disableInstanceDiscovery: raw.cloud.disableInstanceDiscovery === true,
          // The v1 issuer is not derivable from the authority (Entra: sts.windows.net): env key, else the metadata.
          ...(raw.cloud.v1Issuer ? { v1Issuer: raw.cloud.v1Issuer as string } : {}),
        };
  const location = typeof raw.location === 'string' ? normaliseLocation(raw.location) : undefined;
  const resolved = resolveNames(raw.subscriptionId, name, location, raw as NamedInEnvFile & { api: { id: string } });
  const missing = ['resourceGroup', 'functionApp', 'apimService'].filter((k) => !raw[k]);
  if (!resolved && missing.length)
    throw new CkError({
      code: 'CK_DEPLOY_ENV_INVALID',
      message: `${rel}: location is required when ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not given (default names derive from subscription, environment and location).`,
      hint: `Add "location" (e.g. "westeurope") to ${rel}, or name the existing resources (${missing.join(', ')}).`,
      target: `${rel}#location`,
    });
  return {
    name,
    file: rel,
    cloud,
    subscriptionId: raw.subscriptionId,
    resourceGroup: resolved?.names.resourceGroup ?? raw.resourceGroup,
    tenantId: raw.tenantId,
    functionApp: resolved?.names.functionApp ?? raw.functionApp,
    apimService: resolved?.names.apimService ?? raw.apimService,
    ...(location ? { location } : {}),
    ...(resolved ? { names: resolved.names } : {}),
    named: resolved?.named ?? (['resourceGroup', 'functionApp', 'apimService'] as const).filter((k) => raw[k]),
    apim: { sku: 'Consumption', ...(raw.apim ?? {}) },
    api: raw.api,
    ...(raw.product ? { product: raw.product as string } : {}),
    entra: { apiApp: raw.entra.apiApp, connectorApp: raw.entra.connectorApp, connectorIds: raw.entra.connectorIds ?? [] },
    ...(raw.powerPlatform ? { powerPlatform: { ...raw.powerPlatform, environmentUrl: trim(raw.powerPlatform.environmentUrl) } } : {}),
  };
}

/** Environment files are committed, so anything that looks like a credential is refused. */
function rejectSecrets(o: unknown, rel: string, at = ''): void {
  if (!o || typeof o !== 'object') return;
  for (const [k, v] of Object.entries(o)) {
    const p = at ? `${at}.${k}` : k;
    if (SECRETISH.test(k) && typeof v === 'string') throw new CkError({ code: 'CK_DEPLOY_ENV_SECRET', message: `${rel}: key ${p} looks like a secret.`, target: `${rel}#${p}` });
    rejectSecrets(v, rel, p);
  }
}

/**
 * Placeholder GUIDs (one hex digit repeated: the zeros `connectorkit init` writes, the ones of the sample): say which
 * to fill in before anything signs in or names resources (default names derive from the subscription).
 */
function rejectPlaceholders(raw: Record<string, any>, rel: string): void {
  const placeholder = /^([0-9a-f])\1{7}-\1{4}-\1{4}-\1{4}-\1{12}$/i;
  const keys = (['subscriptionId', 'tenantId'] as const).filter((k) => placeholder.test(String(raw[k])));
  if (!keys.length) return;
  throw new CkError({
    code: 'CK_DEPLOY_ENV_PLACEHOLDER',
    message: `${rel}: ${keys.map((k) => `${k} (${String(raw[k])})`).join(' and ')} ${keys.length > 1 ? 'are placeholders' : 'is a placeholder'}; nothing was read or written in Azure.`,
    hint: `Set ${keys.join(' and ')} in ${rel} to your Azure subscription and Entra tenant — \`az account show --query "{subscriptionId:id, tenantId:tenantId}"\` prints both — then re-run.`,
    target: `${rel}#${keys[0]}`,
  });
}
