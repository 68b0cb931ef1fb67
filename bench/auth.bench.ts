/**
 * Token check overhead per request: the sample's GET /api/departments through the local host, once with the
 * runtime's built-in Entra check (jose RS256 verify of a pre-minted dev token, JWKS cached) and once built with a no-op auth
 * module on the same routes. Overhead = p50(auth on) − p50(auth off); target ≤ 0.3 ms. Rounds alternate between
 * the two hosts so drift on a shared machine hits both equally. A connection reuses its token, so the main line
 * sends one token (the module keeps verified tokens ≤ 5 min); a second line sends a fresh token per request
 * (signature verified every time). Also reports authenticate() alone in-process.
 */
import * as http from 'node:http';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { SilentIoHost } from '../scripts/core/io';
import { startHost, type HostHandle } from '../scripts/host';
import { startDevIssuer } from '../scripts/auth-dev';
import { buildSampleProject } from '../scripts/testing/sample-project';
import { entraAuthenticate as authenticate } from '../scripts/runtime';
import { percentile, type BenchLine } from './types';

const NOOP_AUTH = `/** Bench only: the same routes with the token check replaced by a constant principal. */
export async function authenticate(): Promise<unknown> {
  return { objectId: 'bench', tenantId: 'bench', scopes: ['user_impersonation'], roles: [], tokenVersion: '2.0' };
}
`;

const ROUNDS = 12;
const PER_ROUND = 250;

function get(agent: http.Agent, url: URL, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const r = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    r.on('error', reject);
    r.end();
  });
}

async function series(agent: http.Agent, url: URL, token: string | string[], n: number, into?: number[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const ms = await get(agent, url, Array.isArray(token) ? token[i % token.length]! : token);
    into?.push(ms);
  }
}

export async function bench(): Promise<BenchLine[]> {
  const issuer = await startDevIssuer({ port: 0 });
  const on = await buildSampleProject();
  const off = await buildSampleProject({ authModuleSource: NOOP_AUTH });
  const hosts: HostHandle[] = [];
  try {
    const io = new SilentIoHost();
    const hOn = await startHost({ appDir: on.appDir, port: 0, io, env: issuer.appSettings() });
    hosts.push(hOn);
    const hOff = await startHost({ appDir: off.appDir, port: 0, io, env: {} });
    hosts.push(hOff);
    const token = await issuer.mint();
    const urlOn = new URL(`${hOn.url}/api/departments`);
    const urlOff = new URL(`${hOff.url}/api/departments`);
    const agentOn = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const agentOff = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await series(agentOn, urlOn, token, 300);
    await series(agentOff, urlOff, token, 300);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await series(agentOn, urlOn, token, PER_ROUND, a);
      await series(agentOff, urlOff, token, PER_ROUND, b);
    }
    // Cache misses: every request carries a token the API has not seen.
    const fresh: string[] = [];
    for (let i = 0; i < 4 * 150; i++) fresh.push(await issuer.mint());
    const am: number[] = [];
    const bm: number[] = [];
    for (let r = 0; r < 4; r++) {
      await series(agentOn, urlOn, fresh.slice(r * 150, (r + 1) * 150), 150, am);
      await series(agentOff, urlOff, token, 150, bm);
    }
    agentOn.destroy();
    agentOff.destroy();
    const p50On = percentile(a, 50);
    const p50Off = percentile(b, 50);
    const overhead = p50On - p50Off;
    const missOverhead = percentile(am, 50) - percentile(bm, 50);

    // In-process: authenticate() alone (no host), same token, JWKS cached after the first call.
    Object.assign(process.env, issuer.appSettings());
    const req = new HttpRequest({ method: 'GET', url: 'http://127.0.0.1/api/departments', headers: { authorization: `Bearer ${token}` } });
    const ctx = new InvocationContext({ invocationId: 'bench', functionName: 'ListDepartments' });
    for (let i = 0; i < 200; i++) await authenticate(req, 'entra', ['user_impersonation'], ctx);
    const direct: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const t0 = process.hrtime.bigint();
      await authenticate(req, 'entra', ['user_impersonation'], ctx);
      direct.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const p50Direct = percentile(direct, 50);
    return [
      {
        name: 'token check overhead per request, p50 (GET /api/departments via host: auth on − auth off)',
        value: `${p50On.toFixed(3)} ms`,
        baseline: `${p50Off.toFixed(3)} ms`,
        ratio: overhead,
        target: '≤ 0.3 ms overhead',
        pass: overhead <= 0.3,
        note: `overhead ${overhead.toFixed(3)} ms; ${a.length}+${b.length} requests, one token reused as a connection does; authenticate() alone in-process p50 ${p50Direct.toFixed(3)} ms`,
      },
      {
        name: 'token check overhead, p50, a new token on every request (full RS256 verify; same route and hosts)',
        value: `${percentile(am, 50).toFixed(3)} ms`,
        baseline: `${percentile(bm, 50).toFixed(3)} ms`,
        ratio: missOverhead,
        target: '≤ 1 ms overhead',
        pass: missOverhead <= 1,
        note: `overhead ${missOverhead.toFixed(3)} ms; ${am.length}+${bm.length} requests`,
      },
    ];
  } finally {
    for (const h of hosts) await h.close();
    await issuer.close();
    on.remove();
    off.remove();
  }
}
