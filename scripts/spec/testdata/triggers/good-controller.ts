import { Body, Controller, Delete, Get, Path, Post, Query, Route, SuccessResponse } from 'tsoa';
import { PollingTrigger, WebhookTrigger } from 'connectorkit/runtime';
import type { Created, Hook, Order, OrderBatch } from './models';

@Route('orders')
export class GoodTriggersController extends Controller {
  /** @summary When an order is placed */
  @Post('placed')
  @SuccessResponse(201, 'Created')
  @WebhookTrigger<Order>({ hint: 'Place an order', payloadDescription: 'The placed order.' })
  public async onOrderPlaced(@Body() body: Hook): Promise<Created> {
    return { id: body.callbackUrl };
  }

  @Delete('placed/{id}')
  public async deleteOrderPlacedHook(@Path() id: string): Promise<void> {
    void id;
  }

  /** @summary When an order changes */
  @Get('changes')
  @PollingTrigger({ stateParam: 'after' })
  public async onOrderChanged(@Query() after?: string): Promise<OrderBatch> {
    void after;
    return { value: [] };
  }
}
