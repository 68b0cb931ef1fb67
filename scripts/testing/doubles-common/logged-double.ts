/**
 * The request loop of the ARM and SCM doubles: each request gets a log entry (pushed before handling, its status
 * filled in after; 0 when the socket is dropped), optional added latency, the fault decision noted on the entry,
 * and the test-facing log/fault API they both expose.
 */
import type { FaultDecision, FaultInjector, FaultKind, FaultSpec } from './faults';
import type { DoubleRequest, DoubleResponse } from './https-double';
import { startHttpsDouble } from './https-double';

/** The log fields the loop and {@link decideFault} fill. */
export interface LoggedRequest {
  status: number;
  write: boolean;
  fault?: FaultKind;
}

/** What a logged double exposes to tests beside its own state. */
export interface LoggedDouble<L extends LoggedRequest, V> {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Request log, in arrival order. */
  requests: L[];
  /** Contract problems; a legitimate test run leaves this empty. */
  violations: V[];
  inject(f: FaultSpec): void;
  setFaultRate(rate: number, kinds?: readonly FaultKind[], seed?: number): void;
  /** Faults that fired so far. */
  faultsFired(): FaultInjector['fired'];
  /** Number of logged requests that count as writes. */
  writes(): number;
}

/** Input of {@link startLoggedDouble}; the double owns the log and violation lists (its handler appends to them). */
export interface LoggedDoubleOptions<L extends LoggedRequest, V> {
  faults: FaultInjector;
  requests: L[];
  violations: V[];
  /** The log entry of a request. */
  entry(req: DoubleRequest): L;
  /** Added latency in ms, read on every request (0: none). */
  latencyMs(): number;
  handle(req: DoubleRequest, log: L): Promise<DoubleResponse>;
}

/** Starts a loopback HTTPS double whose every request runs through the logging loop. */
export async function startLoggedDouble<L extends LoggedRequest, V>(o: LoggedDoubleOptions<L, V>): Promise<LoggedDouble<L, V>> {
  const server = await startHttpsDouble(async (req) => {
    const log = o.entry(req);
    o.requests.push(log);
    const ms = o.latencyMs();
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    const res = await o.handle(req, log);
    log.status = res.drop ? 0 : res.status;
    return res;
  });
  return {
    url: server.url,
    port: server.port,
    close: server.close,
    requests: o.requests,
    violations: o.violations,
    inject: (f) => o.faults.inject(f),
    setFaultRate: (rate, kinds, seed) => o.faults.setRate(rate, kinds, seed),
    faultsFired: () => o.faults.fired,
    writes: () => o.requests.filter((r) => r.write).length,
  };
}

/** The fault for this request among `eligible` (noted on its log entry), if one fires. */
export function decideFault(faults: FaultInjector, req: DoubleRequest, log: LoggedRequest, eligible: ReadonlySet<FaultKind>): FaultDecision | undefined {
  const fault = faults.decide(req.method, req.url.pathname, eligible);
  if (fault) log.fault = fault.kind;
  return fault;
}

/** The handled answer; under the dropAfterWrite fault the change stays and the socket is dropped instead. */
export function dropIfAfterWrite(res: DoubleResponse, fault: FaultDecision | undefined): DoubleResponse {
  return fault?.kind === 'dropAfterWrite' ? { ...res, drop: true } : res;
}
