/**
 * Benches against the HTTPS doubles run in a child process: Node reads NODE_EXTRA_CA_CERTS (the loopback test CA)
 * only at start-up. `inChild(file, measure)` gives such a bench file its `bench()` (spawns the file with `--child`)
 * and its `main()` (the child: prints the lines as JSON).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ensureTestCa } from '../scripts/testing/tls';
import type { BenchLine } from './types';

export function inChild(file: string, measure: () => Promise<BenchLine[]>): { main(argv: string[]): Promise<number>; bench(): Promise<BenchLine[]> } {
  return {
    async main(argv) {
      if (argv[0] !== '--child') return 0;
      process.stdout.write(JSON.stringify(await measure()));
      return 0;
    },
    async bench() {
      const out = execFileSync(process.execPath, [path.join(__dirname, '../scripts/bin/run-ts.js'), file, '--child'], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: (await ensureTestCa()).certFile },
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return JSON.parse(out.toString('utf8')) as BenchLine[];
    },
  };
}
