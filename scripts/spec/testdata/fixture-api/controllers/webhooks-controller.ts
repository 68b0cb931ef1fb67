import { Body, Controller, Delete, Extension, Path, Post, Route, Security, SuccessResponse, Tags } from 'tsoa';
import { Webhook, WebhookRequest } from '../models/webhook';

/** Webhook registrations for the new-employee trigger. */
@Route('webhooks')
@Tags('Triggers')
@Security('aad', ['user_impersonation'])
export class WebhooksController extends Controller {
  /**
   * Fires when an employee is created.
   * @summary When an employee is created
   * @param body The callback registration.
   */
  @Post()
  @Extension('x-ms-trigger', 'single')
  @Extension('x-ms-trigger-hint', 'Create an employee to fire this trigger.')
  @Extension('x-ms-notification-content', { description: 'The new employee', schema: { $ref: '#/definitions/Employee' } })
  @SuccessResponse(201, 'Registered')
  public async createWebhook(@Body() body: WebhookRequest): Promise<Webhook> {
    this.setStatus(201);
    this.setHeader('Location', `/api/webhooks/w1`);
    return { id: 'w1', callbackUrl: body.callbackUrl };
  }

  /**
   * Removes a webhook registration.
   * @summary Delete a webhook
   * @param webhookId The registration ID.
   */
  @Delete('{webhookId}')
  @Extension('x-ms-visibility', 'internal')
  @SuccessResponse(204, 'Deleted')
  public async deleteWebhook(@Path() webhookId: string): Promise<void> {
    void webhookId;
  }
}
