/**
 * stop() ends everything Azurite started: its listening socket and every connection a client still holds open
 * (here a half-open client that never ends its side, like an idle keep-alive socket the client does not close).
 * A server that outlives stop() keeps a jest worker (or `connectorkit serve`) from exiting on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startAzurite } from './index';

/** Handles of this process on Azurite's side of `port`: its listening server and the sockets it accepted. */
function azuriteSideHandles(port: number): string[] {
  // process.getActiveResourcesInfo() gives only type names; the handles tell the server side from the client side.
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  const out: string[] = [];
  for (const h of handles) {
    if (h instanceof net.Socket && h.localPort === port) out.push(`accepted socket ${h.remotePort}`);
    else if (h instanceof net.Server && (h.address() as net.AddressInfo | null)?.port === port) out.push('listening server');
  }
  return out;
}

it('stop() closes the listening socket and the connections clients keep open before it resolves', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-azurite-stop-'));
  const azurite = await startAzurite({ location: dir, inMemory: true });
  const client = net.connect({ host: '127.0.0.1', port: azurite.port, allowHalfOpen: true });
  try {
    await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('error', reject));
    client.on('error', () => undefined);
    const r = await fetch(`${azurite.tableEndpoint}/Tables`);
    await r.arrayBuffer();
    expect(azuriteSideHandles(azurite.port)).toEqual(expect.arrayContaining(['listening server', `accepted socket ${client.localPort}`]));
    await azurite.stop();
    expect(azuriteSideHandles(azurite.port)).toEqual([]);
  } finally {
    client.destroy();
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
