/**
 * `connectorkit … | head` closes the pipe before the CLI has written everything: the process must end quietly (as
 * any Unix filter does), not with an unhandled EPIPE stack trace or the internal-error exit code.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const BIN = path.resolve(__dirname, '../bin/connectorkit.cjs');

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before the CLI (which needs a moment to load) writes its first line.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it.each([[['--help']], [['deploy', '--help']], [['--version']]])('connectorkit %j with its stdout closed ends quietly', async (args) => {
  const r = await runWithClosedStdout(args);
  expect(r.stderr).not.toMatch(/EPIPE|internal error|Unhandled/);
  expect(r.code).toBe(0);
});
