import { Body, Controller, Post, Route } from 'tsoa';

@Route('body-type')
export class BodyTypeController extends Controller {
  @Post('primitive')
  public async sendPrimitive(@Body() text: string): Promise<void> {
    void text;
  }

  @Post('inline')
  public async sendInline(@Body() value: { name: string }): Promise<void> {
    void value;
  }
}
