import { Body, Controller, Delete, FormField, Get, Header, Path, Post, Queries, Query, Request, Res, Route, SuccessResponse, UploadedFile, type TsoaResponse } from 'tsoa';
import type { File } from '@tsoa/runtime';
import { HttpError, type RequestContext } from 'connectorkit/runtime';
import type { CreateItemRequest, Echo, Item, SearchQuery } from '../models/item';

@Route('items')
export class ItemsController extends Controller {
  @Get('{id}')
  public async getItem(@Path() id: number, @Query() expand?: boolean, @Query() tags?: number[], @Header('x-limit') limit?: number, @Query() since?: Date): Promise<Echo> {
    return { id, expand, tags, limit, since };
  }

  @Post()
  @SuccessResponse(201, 'Created')
  public async createItem(@Body() body: CreateItemRequest): Promise<Item> {
    this.setStatus(201);
    this.setHeader('x-item-id', 'i1');
    return { id: 'i1', ...body };
  }

  @Delete('{id}')
  public async deleteItem(@Path() id: string): Promise<void> {
    void id;
  }

  @Get('{id}/gone')
  public async goneItem(@Path() id: string, @Res() notFound: TsoaResponse<404, { reason: string }, { 'x-why': string }>): Promise<Item> {
    return notFound(404, { reason: `item ${id} is gone` }, { 'x-why': 'deleted' });
  }

  @Get('search/run')
  public async search(@Queries() q: SearchQuery): Promise<SearchQuery> {
    return q;
  }

  @Post('upload')
  public async upload(@FormField() title: string, @UploadedFile() file: File): Promise<{ title: string; name: string; size: number; text: string }> {
    return { title, name: file.originalname, size: file.size, text: file.buffer.toString('utf8') };
  }

  @Get('fail/http')
  public async failHttp(): Promise<Item> {
    throw new HttpError(409, 'ITEM_CONFLICT', 'The item is locked.', { headers: { 'retry-after': '5' }, target: 'id' });
  }

  @Get('fail/crash')
  public async failCrash(@Request() ctx: RequestContext): Promise<Item> {
    void ctx;
    throw new Error('database password is hunter2');
  }
}
