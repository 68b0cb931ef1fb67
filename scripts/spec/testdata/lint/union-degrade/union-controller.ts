import { Body, Controller, Get, Post, Route } from 'tsoa';

interface Circle {
  kind: 'circle';
  radius: number;
}
interface Square {
  kind: 'square';
  side: number;
}
export interface Drawing {
  shape: Circle | Square;
  /** Optional parent; prefer `parent?: Circle`. */
  parent: Circle | null;
  colour: 'red' | 'green';
}

@Route('union')
export class UnionController extends Controller {
  @Post()
  public async draw(@Body() drawing: Drawing): Promise<void> {
    void drawing;
  }

  @Get()
  public async lastValue(): Promise<string | number> {
    return 1;
  }
}
