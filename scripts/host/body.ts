/**
 * Request bodies with memory bounded by their size. A buffered body goes into ONE ArrayBuffer of the declared
 * Content-Length (pages are committed as bytes arrive, so a client that declares 100 MB and sends nothing costs
 * nothing) and is then transferred — not copied — to the app worker; the old path (chunk list + Buffer.concat +
 * structured clone) held three copies. Bodies that are only counted (chunked uploads in buffered mode, which reach
 * the function empty as on Azure) are never kept, and a streamed body passes a counter that stops it at the limit.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';

/** The whole body in one transferable buffer; undefined if the client aborted before sending all of it. */
export async function readBodyInto(req: IncomingMessage, declared: number): Promise<Uint8Array | undefined> {
  const out = new Uint8Array(new ArrayBuffer(declared));
  let at = 0;
  try {
    for await (const c of req.iterator({ destroyOnReturn: false })) {
      const chunk = c as Buffer;
      // The parser enforces Content-Length, so this never overflows; the guard keeps a bug from writing past it.
      if (at + chunk.length > declared) return undefined;
      out.set(chunk, at);
      at += chunk.length;
    }
  } catch {
    return undefined;
  }
  return at === declared ? out : undefined;
}

/** Reads and discards the body, returning its size; stops reading as soon as it exceeds `limit`. */
export async function drainCounting(req: IncomingMessage, limit: number): Promise<number> {
  let n = 0;
  // destroyOnReturn false: stopping early must not destroy the socket the 413 goes out on.
  for await (const c of req.iterator({ destroyOnReturn: false })) {
    n += (c as Buffer).length;
    if (n > limit) break;
  }
  return n;
}

/** `req` through a byte counter: past `limit` bytes the stream ends with an error and `onOver` runs once. */
export function limitStream(req: Readable, limit: number, onOver: () => void): Readable {
  let n = 0;
  let over = false;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      if (n <= limit) return done(null, chunk);
      if (!over) {
        over = true;
        req.unpipe(counter);
        onOver();
      }
      done();
    },
  });
  return req.pipe(counter);
}
