/**
 * Fault injection shared by the doubles: one-shot faults matched by method/path, and a seeded rate so a soak run
 * is reproducible. The double decides which kinds are legal for a given request (see `eligible`).
 */

/** Every fault a double can inject. HTTP kinds answer with a spec-legal ARM error; `drop*` are transport faults. */
export type FaultKind =
  | 'throttle' // 429 TooManyRequests + Retry-After
  | 'serverError' // 500 InternalServerError
  | 'unavailable' // 503 ServiceUnavailable + Retry-After
  | 'conflict' // 409 PessimisticConcurrencyConflict (writes only)
  | 'preconditionFailed' // 412 PreconditionFailed (writes only)
  | 'lroFailed' // the long-running operation ends Failed and its change is rolled back (LRO starts only)
  | 'authorizationFailed' // 403 AuthorizationFailed with the real ARM message shape
  | 'drop' // socket destroyed before handling: no state change
  | 'dropAfterWrite'; // handled (state changed), then the socket is destroyed before the answer (writes only)

/** All kinds, in a stable order (used by setFaultRate when no list is given). */
export const ALL_FAULT_KINDS: readonly FaultKind[] = ['throttle', 'serverError', 'unavailable', 'conflict', 'preconditionFailed', 'lroFailed', 'drop', 'dropAfterWrite'];

/** A one-shot (or n-shot) fault. `path` is a substring (case-insensitive) or a RegExp over the URL path. */
export interface FaultSpec {
  kind: FaultKind;
  method?: string;
  path?: string | RegExp;
  /** How many matching requests it fires on (default 1). */
  times?: number;
  /** Retry-After seconds for throttle/unavailable (default 0). */
  retryAfterSeconds?: number;
}

/** What the injector decided for one request. */
export interface FaultDecision {
  kind: FaultKind;
  retryAfterSeconds: number;
  source: 'inject' | 'rate';
}

/** mulberry32: tiny, fast, good enough for reproducible fault schedules. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Holds pending one-shot faults and the rate configuration. */
export class FaultInjector {
  private pending: Array<FaultSpec & { left: number }> = [];
  private rate = 0;
  private kinds: FaultKind[] = [];
  private rnd: () => number = seededRandom(1);
  /** Every fault that fired, in order (for test diagnostics). */
  readonly fired: Array<{ kind: FaultKind; method: string; path: string; source: 'inject' | 'rate' }> = [];

  constructor(initial?: FaultSpec[]) {
    for (const f of initial ?? []) this.inject(f);
  }

  inject(f: FaultSpec): void {
    this.pending.push({ ...f, left: f.times ?? 1 });
  }

  setRate(rate: number, kinds: readonly FaultKind[] = ALL_FAULT_KINDS, seed = 1): void {
    this.rate = rate;
    this.kinds = [...kinds];
    this.rnd = seededRandom(seed);
  }

  clear(): void {
    this.pending = [];
    this.rate = 0;
    this.fired.length = 0;
  }

  /**
   * Picks the fault for this request among `eligible` kinds: a matching one-shot first, else the rate.
   * The RNG is consumed once per eligible request so the schedule depends only on the request sequence.
   */
  decide(method: string, path: string, eligible: ReadonlySet<FaultKind>): FaultDecision | undefined {
    const i = this.pending.findIndex((f) => eligible.has(f.kind) && matches(f, method, path));
    if (i >= 0) {
      const f = this.pending[i];
      if (--f.left <= 0) this.pending.splice(i, 1);
      this.fired.push({ kind: f.kind, method, path, source: 'inject' });
      return { kind: f.kind, retryAfterSeconds: f.retryAfterSeconds ?? 0, source: 'inject' };
    }
    if (this.rate <= 0) return undefined;
    const roll = this.rnd();
    const pick = this.rnd();
    const kinds = this.kinds.filter((k) => eligible.has(k));
    if (roll >= this.rate || kinds.length === 0) return undefined;
    const kind = kinds[Math.floor(pick * kinds.length)];
    this.fired.push({ kind, method, path, source: 'rate' });
    return { kind, retryAfterSeconds: 0, source: 'rate' };
  }
}

function matches(f: FaultSpec, method: string, path: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false;
  if (f.path === undefined) return true;
  return typeof f.path === 'string' ? path.toLowerCase().includes(f.path.toLowerCase()) : f.path.test(path);
}
