import { Controller, Get, Request, Route } from 'tsoa';
import { ParamExtension } from 'connectorkit/runtime';

/** A recursive model: its own property cannot be inlined to keep the extension. */
export interface TreeNode {
  name: string;
  /**
   * The parent node.
   * @extension {"x-ms-summary": "Parent"}
   */
  parent?: TreeNode;
}

@Route('emit-warnings')
export class EmitWarningsController extends Controller {
  @Get()
  public async getTree(@Request() @ParamExtension('x-ms-visibility', 'internal') req: unknown): Promise<TreeNode> {
    void req;
    return { name: 'root' };
  }
}
