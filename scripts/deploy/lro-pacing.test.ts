/**
 * LRO pacing (issue 8, item 15): the pipeline policy holds each poll of a long-running operation until the
 * Retry-After of the answer before it allows. The waits it asks for are read through an injected clock and sleep,
 * so the test checks the policy's decisions, not the machine's timers.
 */
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { lroPacingPolicy, retryAfterMs } from './lro-pacing';

const API = 'https://management.example/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/svc/apis/employees';
const ASYNC_OP = 'https://management.example/subscriptions/s/providers/Microsoft.ApiManagement/locations/westeurope/operationResults/op1';
const LOCATION = `${ASYNC_OP}?asyncResponse`;

/** A fake clock that only moves when the policy sleeps (or the test says time passed). */
function clock(start = 1_700_000_000_000) {
  let t = start;
  const waits: Array<{ ms: number; before: string }> = [];
  let pending = '';
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push({ ms, before: pending });
      t += Math.max(0, ms);
    },
    pass: (ms: number) => (t += ms),
    waits,
    /** Which request the next sleep holds (set by the scripted pipeline just before the policy runs). */
    holding: (url: string) => (pending = url),
  };
}

function answer(req: PipelineRequest, status: number, headers: Record<string, string> = {}): PipelineResponse {
  return { request: req, status, headers: createHttpHeaders(headers) };
}

function pacedPipeline(c: ReturnType<typeof clock>, maxDelayMs = 60_000) {
  const policy = lroPacingPolicy({ maxDelayMs, sleep: c.sleep, now: c.now });
  return async (method: 'PUT' | 'GET', url: string, reply: Record<string, string> = {}, status = 200) => {
    c.holding(`${method} ${url}`);
    const req = createPipelineRequest({ url, method });
    return policy.sendRequest(req, async (r) => answer(r, status, reply));
  };
}

describe('LRO pacing policy', () => {
  it("the first poll waits for the Retry-After of the answer that started the operation (the SDK's own first polls did not)", async () => {
    const c = clock();
    const send = pacedPipeline(c);
    await send('PUT', API, { 'azure-asyncoperation': ASYNC_OP, location: LOCATION, 'retry-after': '1' }, 201);
    expect(c.waits).toEqual([]);
    await send('GET', ASYNC_OP, { 'retry-after': '1' });
    expect(c.waits).toEqual([{ ms: 1000, before: `GET ${ASYNC_OP}` }]);
  });

  it('every further poll waits for the Retry-After of the poll before it; an answer without one releases the URL', async () => {
    const c = clock();
    const send = pacedPipeline(c);
    await send('PUT', API, { location: LOCATION, 'retry-after': '1' }, 202);
    await send('GET', LOCATION, { 'retry-after': '2' }, 202);
    await send('GET', LOCATION, { 'retry-after': '3' }, 202);
    await send('GET', LOCATION, {}, 200);
    await send('GET', LOCATION, {}, 200);
    expect(c.waits.map((w) => [w.before, w.ms])).toEqual([
      [`GET ${LOCATION}`, 1000],
      [`GET ${LOCATION}`, 2000],
      [`GET ${LOCATION}`, 3000],
    ]);
  });

  it('time that has already passed is not waited again, and an overdue poll goes at once', async () => {
    const c = clock();
    const send = pacedPipeline(c);
    await send('PUT', API, { 'azure-asyncoperation': ASYNC_OP, 'retry-after': '5' }, 201);
    c.pass(3_000);
    await send('GET', ASYNC_OP, { 'retry-after': '1' });
    c.pass(1_500);
    await send('GET', ASYNC_OP, {});
    expect(c.waits.map((w) => w.ms)).toEqual([2000]);
  });

  it('a Retry-After above maxDelayMs is capped; an HTTP-date Retry-After counts from the clock', async () => {
    const c = clock();
    const capped = pacedPipeline(c, 10_000);
    await capped('PUT', API, { 'azure-asyncoperation': ASYNC_OP, 'retry-after': '120' }, 201);
    await capped('GET', ASYNC_OP, {});
    // The clock starts on a whole second, so the date (second precision) is exactly 4 s ahead.
    const date = new Date(c.now() + 4_000).toUTCString();
    expect(retryAfterMs(date, c.now())).toBe(4_000);
    await capped('PUT', API, { location: LOCATION, 'retry-after': date }, 202);
    await capped('GET', LOCATION, {});
    expect(c.waits.map((w) => w.ms)).toEqual([10_000, 4_000]);
  });

  it('requests to other URLs are never held, and a write answered without Retry-After holds nothing', async () => {
    const c = clock();
    const send = pacedPipeline(c);
    await send('PUT', API, { 'azure-asyncoperation': ASYNC_OP, 'retry-after': '1' }, 201);
    await send('GET', API, {});
    await send('PUT', `${API}/policies/policy`, {}, 200);
    await send('GET', `${API}/policies/policy`, {});
    expect(c.waits).toEqual([]);
  });
});
