/**
 * Build-time markers for trigger operations. Like `@ParamExtension`, they do nothing at run time: the build reads
 * them from the controller source (scripts/metadata/trigger-decorators.ts) and emits the x-ms-* shapes Power
 * Platform expects (scripts/spec/triggers.ts).
 */

export interface WebhookTriggerOptions {
  /** `x-ms-trigger-hint`: how a maker fires the trigger to test it (e.g. "Add an employee"). */
  hint?: string;
  /** Description of the notification payload (`x-ms-notification-content.description`). */
  payloadDescription?: string;
  /** Body property that receives the callback URL (default `callbackUrl`); it gets x-ms-notification-url, internal. */
  callbackProperty?: string;
}

/**
 * Marks the subscribe operation (a POST whose body carries the callback URL) of a webhook trigger whose
 * notifications carry a `T`. The build emits `x-ms-trigger: single`, the hint, `x-ms-notification-content` with
 * T's schema on the path item, the callback property's `x-ms-notification-url`, and marks the unsubscribe operation
 * (`DELETE <same path>/{id}`, required) internal.
 * @example
 * @Post('added') @WebhookTrigger<Employee>({ hint: 'Add an employee' })
 * public async OnEmployeeAdded(@Request() req: RequestContext, @Body() body: SubscribeRequest) { … }
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- T is read from the source by the build (the payload schema)
export function WebhookTrigger<T>(options: WebhookTriggerOptions = {}): MethodDecorator {
  void options;
  return () => undefined;
}

export interface PollingTriggerDecoratorOptions {
  /** `x-ms-trigger-hint`. */
  hint?: string;
  /** The query parameter carrying the state (default `since`); the build marks it internal. */
  stateParam?: string;
}

/**
 * Marks a GET operation as a polling trigger (`x-ms-trigger: batch`, `x-ms-trigger-metadata {kind: query, mode:
 * polling}`, the 202 response with Location and Retry-After, the state parameter internal).
 */
export function PollingTrigger(options: PollingTriggerDecoratorOptions = {}): MethodDecorator {
  void options;
  return () => undefined;
}
