/**
 * A local webhook receiver on 127.0.0.1 (a free port): records every notification POSTed to it and answers with the
 * status its `respond` function picks — what `connectorkit trigger` listens with, and what the trigger tests point
 * subscriptions at.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Notification {
  /** x-ck-delivery-id: the same on every attempt of one delivery. */
  deliveryId: string | null;
  trigger: string | null;
  signature: string | null;
  path: string;
  body: string;
  /** The status the receiver answered. */
  status: number;
}

export interface Receiver {
  /** Base URL, e.g. http://127.0.0.1:50123 (append any path). */
  url: string;
  readonly received: Notification[];
  /** Resolves with the first notification (already received or future) matching `pred`. */
  waitFor(pred: (n: Notification) => boolean, signal?: AbortSignal): Promise<Notification>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Status to answer for the n-th (0-based) notification on `path`; default 200. */
  respond?: (n: number, path: string) => number;
  onNotification?: (n: Notification) => void;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startReceiver(opts: ReceiverOptions = {}): Promise<Receiver> {
  const received: Notification[] = [];
  const waiters = new Set<{ pred: (n: Notification) => boolean; resolve: (n: Notification) => void }>();
  const perPath = new Map<string, number>();
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const n = perPath.get(path) ?? 0;
      perPath.set(path, n + 1);
      const status = req.method === 'POST' ? (opts.respond?.(n, path) ?? 200) : 405;
      const h = (k: string) => (typeof req.headers[k] === 'string' ? (req.headers[k] as string) : null);
      const note: Notification = { deliveryId: h('x-ck-delivery-id'), trigger: h('x-ck-trigger'), signature: h('x-ck-signature'), path, body, status };
      res.writeHead(status).end();
      if (req.method !== 'POST') return;
      received.push(note);
      opts.onNotification?.(note);
      for (const w of [...waiters]) {
        if (!w.pred(note)) continue;
        waiters.delete(w);
        w.resolve(note);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor(pred, signal) {
      const hit = received.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.add(w);
        signal?.addEventListener('abort', () => (waiters.delete(w), reject(signal.reason)), { once: true });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
