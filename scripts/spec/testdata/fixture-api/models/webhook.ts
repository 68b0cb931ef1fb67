/** A webhook registration for the new-employee trigger. */
export interface WebhookRequest {
  /**
   * Callback URL Power Automate fills in.
   * @extension {"x-ms-notification-url": true, "x-ms-visibility": "internal", "x-ms-summary": "Callback URL"}
   */
  callbackUrl: string;
}

/** A created webhook registration. */
export interface Webhook {
  id: string;
  callbackUrl: string;
}

/** A stored document. */
export interface DocumentInfo {
  id: string;
  title: string;
  size: number;
}
