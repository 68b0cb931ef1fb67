/**
 * Emits the Power Platform trigger shapes for `@WebhookTrigger<T>` and `@PollingTrigger` (read by
 * scripts/metadata/trigger-decorators.ts) onto the spec tsoa produced:
 * - webhook (Learn "Use a webhook as a trigger"): the POST gets `x-ms-trigger: single` (+ `x-ms-trigger-hint`), its
 *   body's callback property `x-ms-notification-url: true` + `x-ms-visibility: internal` (required), the 201 a
 *   `Location` header, the path item `x-ms-notification-content {description, schema: T}`, and the unsubscribe
 *   operation (`DELETE <path>/{id}`) `x-ms-visibility: internal`;
 * - polling (Learn "Create a polling trigger"): the GET gets `x-ms-trigger: batch`, `x-ms-trigger-metadata {kind:
 *   query, mode: polling}`, its state query parameter `x-ms-visibility: internal`, and a 202 response with
 *   `Location` and `Retry-After`.
 * Anything that does not fit is an error finding at the decorator's file:line.
 */
import type { BuildMetadata, TriggerDecl } from '../metadata';
import { finding } from './lint/index';
import { SPEC_TRIGGER_CODES as C } from './trigger-codes';
import type { LintFinding, OperationRef } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tsoa's Swagger output is untyped JSON walked by key
type Json = Record<string, any>;

const LOCATION = { type: 'string', description: 'URL of the next call.' };

export function applyTriggers(bm: BuildMetadata, operations: OperationRef[], paths: Record<string, Json>, definitions: Record<string, Json>, findings: LintFinding[]): void {
  for (const decl of bm.triggers ?? []) {
    const fail = (message: string, code: string = C.CK_SPEC_TRIGGER_INVALID) => findings.push(finding(decl, code, 'error', message));
    if (decl.issue) {
      fail(decl.issue);
      continue;
    }
    const op = operations.find((o) => o.controller === decl.controller && o.method === decl.method);
    const item = op && paths[`/${op.route}`];
    const opObj = op && item?.[op.verb];
    if (!op || !opObj) {
      fail(`${decl.controller}.${decl.method} carries @${decl.kind === 'webhook' ? 'WebhookTrigger' : 'PollingTrigger'} but is not an operation (is it @Hidden?)`);
      continue;
    }
    if (typeof decl.options.hint === 'string' && decl.options.hint) opObj['x-ms-trigger-hint'] = decl.options.hint;
    if (decl.kind === 'webhook') webhook(decl, op, item, opObj, operations, paths, definitions, fail);
    else polling(decl, op, opObj, fail);
  }
}

function webhook(
  decl: TriggerDecl,
  op: OperationRef,
  item: Json,
  opObj: Json,
  operations: OperationRef[],
  paths: Record<string, Json>,
  definitions: Record<string, Json>,
  fail: (m: string, code?: string) => void,
): void {
  const name = `${op.controller}.${op.method}`;
  if (op.verb !== 'post') return fail(`the webhook subscribe operation ${name} must be a POST (the platform POSTs the callback URL), not ${op.verb.toUpperCase()}`);
  opObj['x-ms-trigger'] = 'single';

  const payload = decl.payload as { dataType?: string; refName?: string } | undefined;
  const ref = payload?.refName;
  if (!ref || !payload?.dataType?.startsWith('ref') || !definitions[ref]) {
    return fail(`the payload type of @WebhookTrigger on ${name} must be a named interface, class or type alias (it becomes the #/definitions entry of x-ms-notification-content)`);
  }
  const description = typeof decl.options.payloadDescription === 'string' ? decl.options.payloadDescription : `The ${ref} of the event.`;
  item['x-ms-notification-content'] = { description, schema: { $ref: `#/definitions/${encodeURIComponent(ref)}` } };

  const prop = typeof decl.options.callbackProperty === 'string' ? decl.options.callbackProperty : 'callbackUrl';
  const body = (opObj.parameters as Json[] | undefined)?.find((p) => p.in === 'body');
  const bodySchema = body && resolve(body.schema, definitions);
  const callback = bodySchema?.properties?.[prop];
  if (!body || !callback || callback.type !== 'string') {
    return fail(`the body of ${name} must be an object with a string property '${prop}' (the flow's callback URL); set callbackProperty if it has another name`);
  }
  body.required = true;
  callback['x-ms-notification-url'] = true;
  callback['x-ms-visibility'] = 'internal';
  bodySchema.required = [...new Set([...(bodySchema.required ?? []), prop])];

  const created = opObj.responses?.['201'];
  if (!created) return fail(`${name} must answer 201 (add @SuccessResponse(201, 'Created')): the platform reads the Location of the 201 to unsubscribe`);
  created.headers = { ...created.headers, Location: { type: 'string', description: 'URL the platform DELETEs to remove the subscription.' } };

  // The platform DELETEs the Location; the route is `<subscribe route>/{id}`.
  const pattern = new RegExp(`^${escape(op.route)}/\\{[^/{}]+\\}$`);
  const del = operations.find((o) => o.verb === 'delete' && pattern.test(o.route));
  if (!del) return fail(`webhook trigger ${name} has no unsubscribe operation: add a DELETE on '${op.route}/{subscriptionId}'`, C.CK_SPEC_TRIGGER_NO_UNSUBSCRIBE);
  const delObj = paths[`/${del.route}`]?.delete;
  if (delObj) delObj['x-ms-visibility'] = 'internal';
}

function polling(decl: TriggerDecl, op: OperationRef, opObj: Json, fail: (m: string) => void): void {
  const name = `${op.controller}.${op.method}`;
  if (op.verb !== 'get') return fail(`the polling trigger ${name} must be a GET, not ${op.verb.toUpperCase()}`);
  opObj['x-ms-trigger'] = 'batch';
  opObj['x-ms-trigger-metadata'] = { kind: 'query', mode: 'polling' };
  const stateParam = typeof decl.options.stateParam === 'string' ? decl.options.stateParam : 'since';
  const state = (opObj.parameters as Json[] | undefined)?.find((p) => p.in === 'query' && p.name === stateParam);
  if (!state) return fail(`the polling trigger ${name} needs an optional query parameter '${stateParam}' carrying the state (or set stateParam)`);
  if (state.required) return fail(`the state parameter '${stateParam}' of ${name} must be optional: the first poll has no state`);
  state['x-ms-visibility'] = 'internal';
  const ok = opObj.responses?.['200'];
  if (!ok?.schema) return fail(`the polling trigger ${name} must return its batch (200 with a schema)`);
  ok.headers = { ...ok.headers, Location: LOCATION };
  opObj.responses['202'] ??= { description: 'Nothing new yet: poll the Location URL after Retry-After seconds.' };
  opObj.responses['202'].headers = { ...opObj.responses['202'].headers, Location: LOCATION, 'Retry-After': { type: 'integer', description: 'Seconds to wait before polling again.' } };
}

function resolve(schema: Json | undefined, definitions: Record<string, Json>): Json | undefined {
  const ref = schema?.$ref as string | undefined;
  return ref?.startsWith('#/definitions/') ? definitions[decodeURIComponent(ref.slice('#/definitions/'.length))] : schema;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
