/**
 * Where `connectorkit test` sends requests: the running local host (config serve.host/port and host.json's route
 * prefix) with a dev token signed for the running dev issuer (as `connectorkit token` does); a --base-url with the
 * same dev token; or a deployed gateway (--env: `.connectorkit/deploy-<env>.json`) with a token for the API app from
 * the deploy credential.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { LoadedConfig } from '../config';
import { readHostJson } from '../host';
import { mintDevToken } from '../auth-dev';
import { devKeyFile } from '../dev-services';
import type { TestTarget } from './types';

export interface TargetInput {
  loaded: LoadedConfig;
  baseUrl?: string;
  /** Send no Authorization header (an API without auth). */
  noAuth?: boolean;
  connectionParameters?: Record<string, string>;
  /** --env: the deployed gateway and a credential for it. */
  deployed?: { host: string; basePath: string; apiAppIdUri: string; credential: TokenCredential; env: string };
}

export async function resolveTarget(i: TargetInput): Promise<TestTarget> {
  const conn = i.connectionParameters ? { connectionParameters: i.connectionParameters } : {};
  if (i.deployed) {
    const d = i.deployed;
    return {
      baseUrl: i.baseUrl ?? `https://${d.host}${d.basePath}`,
      label: `environment ${d.env} (https://${d.host}${d.basePath})`,
      ...(i.noAuth ? {} : { authorization: async () => `Bearer ${(await d.credential.getToken(`${d.apiAppIdUri}/.default`))?.token ?? ''}` }),
      ...conn,
    };
  }
  const c = i.loaded.config;
  const prefix = readHostJson(i.loaded.root).routePrefix;
  const baseUrl = i.baseUrl ?? `http://${c.serve.host}:${c.serve.port}${prefix ? `/${prefix}` : ''}`;
  let cached: { value: string; until: number } | undefined;
  const authorization = async () => {
    if (cached && cached.until > Date.now()) return cached.value;
    const t = await mintDevToken({ keyFile: devKeyFile(i.loaded), issuerPort: c.serve.issuerPort, scopes: c.auth.scope.split(/[ ,]+/).filter(Boolean), version: '2.0', expiresInSeconds: 3600 });
    cached = { value: `Bearer ${t.accessToken}`, until: Date.now() + 50 * 60_000 };
    return cached.value;
  };
  return { baseUrl, label: i.baseUrl ? i.baseUrl : `local host ${baseUrl}`, ...(i.noAuth ? {} : { authorization }), ...conn };
}
