/**
 * `@WebhookTrigger<T>` / `@PollingTrigger` → the Power Platform trigger shapes, on fixture controllers
 * (testdata/triggers): the good controller gets every x-ms-* key in its place; each mistake in the bad one is an
 * error finding at the decorator's file:line.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateMetadata } from '../metadata';
import { emitSpec } from './index';
import type { SpecResult } from './types';

const TESTDATA = path.join(__dirname, 'testdata');
const API = { title: 'Orders', description: 'Orders.', version: '1.0.0', host: 'orders.example', basePath: '/api', schemes: ['https'] } as never;

let result: SpecResult;
beforeAll(() => {
  const bm = generateMetadata({ root: TESTDATA, entryFile: 'triggers/index.ts', controllerPathGlobs: ['triggers/*-controller.ts'] });
  result = emitSpec(bm, API);
});

const lineOf = (file: string, text: string, nth = 0) =>
  readFileSync(path.join(TESTDATA, file), 'utf8')
    .split('\n')
    .map((l, i) => (l.includes(text) ? i + 1 : 0))
    .filter(Boolean)[nth];
const paths = () => result.spec.paths as Record<string, Record<string, any>>;

describe('webhook trigger shape', () => {
  it('marks the subscribe POST, its callback property, the 201 Location, the notification content and the unsubscribe DELETE', () => {
    const item = paths()['/orders/placed'];
    expect(item.post['x-ms-trigger']).toBe('single');
    expect(item.post['x-ms-trigger-hint']).toBe('Place an order');
    expect(item['x-ms-notification-content']).toEqual({ description: 'The placed order.', schema: { $ref: '#/definitions/Order' } });
    expect(item.post.responses['201'].headers.Location.type).toBe('string');
    const hook = (result.spec.definitions as Record<string, any>).Hook;
    expect(hook.properties.callbackUrl).toMatchObject({ type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' });
    expect(hook.required).toContain('callbackUrl');
    expect(paths()['/orders/placed/{id}'].delete['x-ms-visibility']).toBe('internal');
  });
});

describe('polling trigger shape', () => {
  it('marks the GET batch + polling metadata, the state parameter internal, and adds the 202 with Location and Retry-After', () => {
    const op = paths()['/orders/changes'].get;
    expect(op['x-ms-trigger']).toBe('batch');
    expect(op['x-ms-trigger-metadata']).toEqual({ kind: 'query', mode: 'polling' });
    expect(op.parameters.find((p: { name: string }) => p.name === 'after')['x-ms-visibility']).toBe('internal');
    expect(Object.keys(op.responses['202'].headers).sort()).toEqual(['Location', 'Retry-After']);
    expect(op.responses['200'].headers.Location).toBeDefined();
  });
});

describe('mistakes are errors at the decorator', () => {
  const F = 'triggers/bad-controller.ts';
  const errors = () => result.findings.filter((f) => f.file === F).map((f) => ({ code: f.code, line: f.line, message: f.message }));
  it.each([
    ['no unsubscribe DELETE', 'CK_SPEC_TRIGGER_NO_UNSUBSCRIBE', 0, /no unsubscribe operation: add a DELETE on 'bad\/no-delete\/\{subscriptionId\}'/],
    ['a body without the callback property', 'CK_SPEC_TRIGGER_INVALID', 1, /string property 'callbackUrl'/],
    ['a webhook on a GET', 'CK_SPEC_TRIGGER_INVALID', 2, /must be a POST/],
    ['a webhook without the payload type', 'CK_SPEC_TRIGGER_INVALID', 3, /needs the payload type/],
    ['a subscribe operation that does not answer 201', 'CK_SPEC_TRIGGER_INVALID', 4, /must answer 201/],
  ])('%s', (_what, code, nth, message) => {
    const line = lineOf(F, '@WebhookTrigger', nth);
    expect(errors()).toContainEqual({ code, line, message: expect.stringMatching(message) });
  });
  it('a required polling state parameter', () => {
    expect(errors()).toContainEqual({ code: 'CK_SPEC_TRIGGER_INVALID', line: lineOf(F, '@PollingTrigger'), message: expect.stringMatching(/must be optional/) });
  });
  it('the good controller has no finding', () => {
    expect(result.findings.filter((f) => f.file.endsWith('good-controller.ts'))).toEqual([]);
  });
});
