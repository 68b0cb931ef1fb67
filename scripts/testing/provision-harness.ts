/**
 * Provision/up test harness on top of the deploy's (deploy-harness.ts): the four doubles started
 * on an EMPTY subscription (nothing seeded), and a project whose env file names no resource — only a location and
 * the APIM publisher — so every name comes from the names resolver.
 */
import { ClientSecretCredential } from '@azure/identity';
import { defaultNames, loadEnvironment, scrubbing } from '../deploy';
import { startDoubles, makeProject, deployOptions, SUB, TENANT, CLIENT_ID, CLIENT_SECRET, type Doubles, type StartDoublesOptions } from './deploy-harness';
import { fakeJwt } from './doubles-common';
import type { ProvisionOptions, UpOptions } from '../provision';

export const LOCATION = 'westeurope';
/** The names the resolver gives env "test" in the doubles' subscription. */
export const NAMES = defaultNames(SUB, 'test', LOCATION, 'employees');

/** Doubles with nothing in the subscription; the SCM double serves the default Function App name. */
export function startEmptyDoubles(opts: StartDoublesOptions = {}): Promise<Doubles> {
  return startDoubles({ empty: true, siteName: NAMES.functionApp, ...opts, arm: { apimServicePolls: 2, principalReplicationLag: 1, ...opts.arm } });
}

/** A project whose env file gives no names: location + APIM publisher only (`extra` adds or overrides keys). */
export function makeEmptyProject(d: Doubles, extra: Record<string, unknown> = {}): string {
  return makeProject(d, { resourceGroup: undefined, functionApp: undefined, apimService: undefined, location: LOCATION, apim: { publisherEmail: 'api-team@contoso.example' }, ...extra });
}

/** Library options for provision (ClientSecretCredential against the token double; tiny retry and poll delays). */
export function provisionOptions(root: string, planOnly: boolean): ProvisionOptions {
  const env = loadEnvironment(root, 'test');
  const credential = scrubbing(new ClientSecretCredential(TENANT, CLIENT_ID, CLIENT_SECRET, { authorityHost: env.cloud.authorityHost, disableInstanceDiscovery: true }));
  return { env, root, credential, planOnly, retry: { attempts: 8, baseDelayMs: 1, maxDelayMs: 5, pollIntervalMs: 1, lroTimeoutMs: 30_000 } };
}

/** Options of a library `up` (provision + deploy) for the project. */
export function upOptions(root: string, planOnly: boolean): UpOptions {
  return { provision: provisionOptions(root, planOnly), deploy: deployOptions(root, planOnly) };
}

/** An out-of-band change "in the portal": one ARM request straight to the double (not through connectorkit). */
export async function portal(d: Doubles, method: string, armPath: string, apiVersion: string, body?: unknown): Promise<number> {
  const res = await fetch(`${d.arm.url}${armPath}?api-version=${apiVersion}`, {
    method,
    headers: { authorization: `Bearer ${fakeJwt({ aud: 'https://management.azure.com', oid: '0e0e0e0e-0000-4000-8000-00000000a11c' })}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.text();
  return res.status;
}

/** ARM ids of the default names. */
export const IDS = {
  rg: `/subscriptions/${SUB}/resourceGroups/${NAMES.resourceGroup}`,
  site: `/subscriptions/${SUB}/resourceGroups/${NAMES.resourceGroup}/providers/Microsoft.Web/sites/${NAMES.functionApp}`,
  storage: `/subscriptions/${SUB}/resourceGroups/${NAMES.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${NAMES.storageAccount}`,
};
