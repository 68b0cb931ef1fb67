import { defineCodes, type CodesOf } from '../core/code-registry';

/** Build-time codes of trigger declarations (`@WebhookTrigger` / `@PollingTrigger`, scripts/spec/triggers.ts). */
export const SPEC_TRIGGER_CODES = defineCodes('spec', {
  CK_SPEC_TRIGGER_INVALID: {
    source: 'user',
    title: 'A trigger declaration cannot be turned into the Power Platform trigger shape.',
    hint: 'Fix what the message names (see docs/triggers.md): a webhook is a POST answering 201 whose body has the callback URL property; a polling trigger is a GET with an optional state query parameter.',
  },
  CK_SPEC_TRIGGER_NO_UNSUBSCRIBE: {
    source: 'user',
    title: 'A webhook trigger has no unsubscribe operation.',
    hint: "Add `@Delete('<subscribe path>/{subscriptionId}')` calling trigger.unsubscribe(id): the platform DELETEs the Location the subscribe call returned.",
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof SPEC_TRIGGER_CODES> {}
}
