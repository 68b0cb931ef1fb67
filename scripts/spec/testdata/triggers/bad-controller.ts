import { Body, Controller, Delete, Get, Path, Post, Query, Route, SuccessResponse } from 'tsoa';
import { PollingTrigger, WebhookTrigger } from 'connectorkit/runtime';
import type { BadHook, Created, Hook, Order, OrderBatch } from './models';

@Route('bad')
export class BadTriggersController extends Controller {
  @Post('no-delete')
  @SuccessResponse(201, 'Created')
  @WebhookTrigger<Order>()
  public async noDelete(@Body() body: Hook): Promise<Created> {
    return { id: body.callbackUrl };
  }

  @Post('bad-body')
  @WebhookTrigger<Order>()
  public async badBody(@Body() body: BadHook): Promise<Created> {
    return { id: String(body.target) };
  }

  @Get('get-hook')
  @WebhookTrigger<Order>()
  public async getHook(): Promise<Created> {
    return { id: '' };
  }

  @Post('no-type')
  @WebhookTrigger()
  public async noType(@Body() body: Hook): Promise<Created> {
    return { id: body.callbackUrl };
  }

  @Post('no-201')
  @WebhookTrigger<Order>()
  public async no201(@Body() body: Hook): Promise<Created> {
    return { id: body.callbackUrl };
  }

  @Delete('no-201/{id}')
  public async deleteNo201(@Path() id: string): Promise<void> {
    void id;
  }

  @Get('required-state')
  @PollingTrigger()
  public async requiredState(@Query() since: string): Promise<OrderBatch> {
    void since;
    return { value: [] };
  }
}
