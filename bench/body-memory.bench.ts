/**
 * Memory of a request body near the limit (99 MB, FUNCTIONS_REQUEST_BODY_SIZE_LIMIT is 100 MiB): the sample's
 * CreateEmployee through the local host (buffered mode: host → app worker → @azure/functions → runtime JSON read
 * and validation, answered 400) against a minimal node:http server that reads the same body into one Buffer and
 * JSON.parses it. Each figure is the growth of peak RSS over the warmed-up process, in a fresh process per case;
 * one request and four concurrent ones. Target: the host needs at most 1.25× what the minimal server needs (before this bench it needed 1.75× for one body).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { startDevIssuer } from '../scripts/auth-dev';
import { buildSampleProject } from '../scripts/testing/sample-project';
import type { BenchLine } from './types';

const SIZE = 99 * 1024 * 1024;
const TARGET = 1.25;

function body(): Buffer {
  const b = Buffer.alloc(SIZE, 'a');
  b.write('{"givenName":"');
  b.write('"}', SIZE - 2);
  return b;
}

function post(url: string, data: Buffer, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(`${url}/api/employees`);
    const r = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    r.on('error', reject);
    r.end(data);
  });
}

async function measure(args: string[], n: number, data: Buffer, token: string): Promise<{ delta: number; statuses: number[] }> {
  const child: ChildProcess = fork(path.join(__dirname, '../scripts/bin/run-ts.js'), [path.join(__dirname, 'body-memory-child.ts'), ...args], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((r) => child.once('message', (m) => r(m as T)));
  try {
    const { url } = await next<{ url: string }>();
    await post(url, Buffer.from('{"givenName":"warm-up"}'), token); // load the runtime and tsoa before the baseline
    child.send('settle');
    const { rss } = await next<{ rss: number }>();
    const statuses = await Promise.all(Array.from({ length: n }, () => post(url, data, token)));
    child.send('peak');
    const { peak } = await next<{ peak: number }>();
    return { delta: peak - rss, statuses };
  } finally {
    child.send('exit');
    await new Promise((r) => child.once('exit', r));
  }
}

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

export async function bench(): Promise<BenchLine[]> {
  const issuer = await startDevIssuer({ port: 0 });
  const project = await buildSampleProject();
  try {
    const token = await issuer.mint();
    const env = JSON.stringify({ ...issuer.appSettings(), AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    const data = body();
    const lines: BenchLine[] = [];
    for (const n of [1, 4]) {
      const base = await measure(['baseline'], n, data, token);
      const host = await measure(['host', project.appDir, env], n, data, token);
      const ratio = host.delta / base.delta;
      const statuses = [...new Set(host.statuses)].join(',');
      lines.push({
        name: `peak RSS growth, ${n} × 99 MB JSON body${n > 1 ? ' concurrently' : ''}: local host vs minimal node:http JSON server`,
        value: mb(host.delta),
        baseline: mb(base.delta),
        ratio,
        target: `≤ ${TARGET}×`,
        pass: ratio <= TARGET && statuses === '400',
        note: `${(host.delta / (n * SIZE)).toFixed(2)}× the body size per request; host answered ${statuses}`,
      });
    }
    return lines;
  } finally {
    await issuer.close();
    project.remove();
  }
}
