import { Controller, FormField, Get, Route } from 'tsoa';

@Route('body-on-get')
export class BodyOnGetController extends Controller {
  /** tsoa itself rejects @Body/@BodyProp on GET (CK_SPEC_METADATA_FAILED); form fields slip through. */
  @Get()
  public async searchThings(@FormField() text: string): Promise<string[]> {
    return [text];
  }
}
