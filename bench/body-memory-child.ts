/**
 * Bench helper, run in its own process (peak RSS is per process): either the local host serving the sample app
 * (`host <appDir> <envJson>`) or the baseline, a minimal node:http server that reads the body into one Buffer and
 * JSON.parses it (`baseline`) — what any buffered JSON API pays. Reports its RSS after warm-up and its peak RSS
 * (getrusage maxRSS, which a busy event loop cannot miss) on request.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SilentIoHost } from '../scripts/core/io';
import { startHost } from '../scripts/host';

async function baseline(): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let ok = false;
      try {
        const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { givenName?: string };
        ok = typeof v.givenName === 'string' && v.givenName.length <= 64;
      } catch {
        // not JSON: 400 below
      }
      res.statusCode = ok ? 201 : 400;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function main(argv: string[]): Promise<void> {
  const [mode, appDir, envJson] = argv;
  const url = mode === 'host' ? (await startHost({ appDir: appDir!, port: 0, io: new SilentIoHost(), env: JSON.parse(envJson!) })).url : await baseline();
  process.send!({ url });
  process.on('message', (m: string) => {
    if (m === 'settle') {
      global.gc?.();
      setTimeout(() => process.send!({ rss: process.memoryUsage().rss }), 200);
    } else if (m === 'peak') process.send!({ peak: process.resourceUsage().maxRSS * 1024 });
    else if (m === 'exit') process.exit(0);
  });
  await new Promise(() => undefined);
}
