/**
 * `.connectorkit/dev-issuer/running.json`: where the dev issuer of a running `serve` listens. `connectorkit token`
 * must sign tokens for THAT issuer URL (the API checks `iss`), and serve's port can differ from the config the
 * token command reads (an environment override, issuerPort 0). The file lives beside the signing key and names
 * the serving process, so a file left behind by a killed `serve` is ignored once that process is gone.
 */
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { toJsonText, writeIfChanged } from '../core/fs';

export interface RunningIssuer {
  /** Base URL of the issuer, e.g. http://127.0.0.1:7072 (what the token's `iss` is built from). */
  url: string;
  /** The `serve` process that runs it. */
  pid: number;
}

/** The running-issuer file that belongs to a signing key file (same folder). */
export function runningIssuerFile(keyFile: string): string {
  return path.join(path.dirname(keyFile), 'running.json');
}

/** True when a process with this id exists (EPERM: it exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function writeRunningIssuer(file: string, running: RunningIssuer): Promise<void> {
  await writeIfChanged(file, toJsonText(running));
}

/** The issuer recorded in `file` when its process is still alive; otherwise undefined (missing, unreadable, stale). */
export function readRunningIssuer(file: string): RunningIssuer | undefined {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningIssuer>;
    if (typeof j.url !== 'string' || !/^https?:\/\//.test(j.url) || !Number.isInteger(j.pid) || (j.pid as number) <= 0) return undefined;
    return processAlive(j.pid as number) ? { url: j.url.replace(/\/+$/, ''), pid: j.pid as number } : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the file if it still names this process (a second `serve` may have taken it over meanwhile). */
export function removeRunningIssuer(file: string, pid = process.pid): void {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningIssuer>;
    if (j.pid === pid) rmSync(file, { force: true });
  } catch {
    /* already gone or unreadable: nothing of ours to remove */
  }
}
