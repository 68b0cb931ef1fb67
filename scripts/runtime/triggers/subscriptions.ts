/** Webhook subscriptions in the trigger table: partition `sub-<trigger>`, RowKey = subscription id. */
import { randomUUID } from 'node:crypto';
import { HttpError } from '../http-error';
import { TRIGGER_HTTP_CODES } from './codes';
import { newSigningSecret } from './signature';
import { storageError, subscriptionPartition, type TriggerTable } from './table';

export interface SubscriptionEntity {
  partitionKey: string;
  rowKey: string;
  callbackUrl: string;
  secret: string;
  createdAt: Date;
}

export async function addSubscription(t: TriggerTable, trigger: string, callbackUrl: string): Promise<SubscriptionEntity> {
  await t.ready();
  const e: SubscriptionEntity = { partitionKey: subscriptionPartition(trigger), rowKey: randomUUID(), callbackUrl, secret: newSigningSecret(), createdAt: new Date() };
  try {
    await t.client.createEntity(e, { abortSignal: t.signal() });
  } catch (err) {
    throw storageError(err);
  }
  return e;
}

export async function removeSubscription(t: TriggerTable, trigger: string, id: string): Promise<boolean> {
  await t.ready();
  try {
    await t.client.deleteEntity(subscriptionPartition(trigger), id, { abortSignal: t.signal() });
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw storageError(err);
  }
}

export async function listSubscriptions(t: TriggerTable, trigger: string): Promise<SubscriptionEntity[]> {
  await t.ready();
  const out: SubscriptionEntity[] = [];
  const filter = `PartitionKey eq '${subscriptionPartition(trigger).replace(/'/g, "''")}'`;
  for await (const e of t.client.listEntities<SubscriptionEntity>({ queryOptions: { filter }, abortSignal: t.signal() })) out.push(e as SubscriptionEntity);
  return out;
}

export function subscriptionNotFound(id: string): HttpError {
  return new HttpError(404, TRIGGER_HTTP_CODES.SUBSCRIPTION_NOT_FOUND, `No subscription '${id}'.`, {
    hint: 'The subscription was already removed (unsubscribed, or dropped after its callback answered 404/410).',
  });
}
