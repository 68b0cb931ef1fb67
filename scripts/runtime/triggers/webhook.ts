/**
 * `webhookTrigger<T>(name)` — the run-time half of a webhook trigger ("When an X happens"): stores subscriptions
 * (201 + Location for the platform's DELETE), removes them, and publishes events to every subscriber through the
 * outbox (./delivery.ts). The build half is the `@WebhookTrigger<T>()` decorator on the subscribe operation.
 */
import type { RequestContext } from '../types';
import { checkCallbackUrl } from './callback-url';
import { dispatcher, type PublishResult } from './delivery';
import { addSubscription, removeSubscription, subscriptionNotFound } from './subscriptions';
import { openTriggerTable, type TriggerTable } from './table';
import { readTriggerSettings } from './settings';

/** The body of a subscribe call: Power Automate puts the flow's callback URL in the property marked x-ms-notification-url. */
export interface WebhookSubscribeRequest {
  callbackUrl: string;
}

/** What the subscribe operation answers (201, with `Location` = the URL the platform DELETEs to unsubscribe). */
export interface WebhookSubscription {
  id: string;
  /** Key of the `x-ck-signature` HMAC on every notification (only ever returned here). */
  signingKey: string;
  createdAt: Date;
}

/** What a controller offers to set the response (tsoa's Controller). */
export interface ResponseControl {
  setStatus(status: number): void;
  setHeader(name: string, value?: string | string[]): void;
}

export interface WebhookTrigger<T> {
  readonly name: string;
  /** Stores the subscription; sets 201 and `Location: <this URL>/<id>` (the unsubscribe operation's route). */
  subscribe(ctx: RequestContext, body: WebhookSubscribeRequest, response: ResponseControl): Promise<WebhookSubscription>;
  /** Removes the subscription; 404 (CK_TRIGGER_SUBSCRIPTION_NOT_FOUND) when there is none. */
  unsubscribe(id: string, response?: ResponseControl): Promise<void>;
  /**
   * Sends `payload` to every subscriber, in the background: do not await it to keep the request fast; await it when
   * the response must wait until the event is durably recorded. Never rejects (see PublishResult.error).
   */
  publish(payload: T): Promise<PublishResult>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$/;

/**
 * @param name stable trigger name (a storage key: letters, digits, `-_.`); renaming it orphans existing subscriptions
 * @example
 * export const employeeAdded = webhookTrigger<Employee>('employee-added');
 * void employeeAdded.publish(employee);
 */
export function webhookTrigger<T>(name: string): WebhookTrigger<T> {
  if (!NAME.test(name)) throw new TypeError(`webhookTrigger('${name}'): the name must match ${NAME}`);
  let table: TriggerTable | undefined;
  const t = () => (table ??= openTriggerTable(readTriggerSettings()));
  return {
    name,
    async subscribe(ctx, body, response) {
      const url = checkCallbackUrl(String(body?.callbackUrl ?? ''), readTriggerSettings().allowLoopbackHttp);
      const sub = await addSubscription(t(), name, url.toString());
      dispatcher().invalidate(name);
      dispatcher().start();
      const self = new URL(ctx.request.url);
      self.search = '';
      self.pathname = `${self.pathname.replace(/\/+$/, '')}/${encodeURIComponent(sub.rowKey)}`;
      response.setStatus(201);
      response.setHeader('Location', self.toString());
      console.log(`[triggers] ${name}: subscription ${sub.rowKey} added → ${url.origin}${url.pathname}`);
      return { id: sub.rowKey, signingKey: sub.secret, createdAt: sub.createdAt };
    },
    async unsubscribe(id, response) {
      const removed = await removeSubscription(t(), name, id);
      dispatcher().invalidate(name);
      if (!removed) throw subscriptionNotFound(id);
      console.log(`[triggers] ${name}: subscription ${id} removed`);
      response?.setStatus(204);
    },
    publish(payload) {
      return dispatcher().publish(name, payload);
    },
  };
}
