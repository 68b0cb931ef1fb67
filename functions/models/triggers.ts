import type { Employee } from './employee';

/** Body of a webhook trigger subscription: the platform fills in the flow's callback URL. */
export interface TriggerSubscriptionRequest {
  /**
   * URL the API POSTs each notification to (set by the platform).
   * @extension {"x-ms-summary": "Callback URL"}
   */
  callbackUrl: string;
}

/** A webhook trigger subscription. */
export interface TriggerSubscription {
  /**
   * Identifier of the subscription (the last segment of its Location).
   * @extension {"x-ms-summary": "Subscription ID"}
   */
  id: string;
  /**
   * Key of the x-ck-signature HMAC on each notification; returned only here.
   * @extension {"x-ms-summary": "Signing key", "x-ms-visibility": "internal"}
   */
  signingKey: string;
  /**
   * When the subscription was created.
   * @extension {"x-ms-summary": "Created"}
   */
  createdAt: Date;
}

/** Employees added or changed since the previous poll, oldest change first. */
export interface EmployeeChanges {
  /** @extension {"x-ms-summary": "Employees"} */
  value: Employee[];
}
