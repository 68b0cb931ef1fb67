/** Webhook and polling triggers: build-time decorators and their run-time halves. */
export { WebhookTrigger, PollingTrigger, type WebhookTriggerOptions, type PollingTriggerDecoratorOptions } from './decorators';
export { webhookTrigger, type WebhookTrigger as WebhookTriggerHandle, type WebhookSubscribeRequest, type WebhookSubscription, type ResponseControl } from './webhook';
export { pollingTrigger, type PollingTrigger as PollingTriggerHandle, type PollingTriggerOptions, type PollingBatch } from './polling';
export { startTriggerDelivery, type PublishResult } from './delivery';
export { verifyDeliverySignature, SIGNATURE_HEADER, DELIVERY_ID_HEADER, TRIGGER_HEADER } from './signature';
export { TRIGGER_HTTP_CODES } from './codes';
export { TRIGGER_APP_SETTINGS } from './settings';
