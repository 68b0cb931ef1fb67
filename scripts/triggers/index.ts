/** Triggers stage: find a trigger operation in a spec, run it against a local receiver (`connectorkit trigger`). */
export { findTrigger, listTriggers, type TriggerOperation } from './find-trigger';
export { runTrigger, type RunTriggerOptions, type RunTriggerResult, type TriggerEvent } from './run-trigger';
export { startReceiver, type Notification, type Receiver, type ReceiverOptions } from './receiver';
