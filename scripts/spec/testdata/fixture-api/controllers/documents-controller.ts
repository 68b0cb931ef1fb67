import { Controller, FormField, Path, Post, Route, Security, SuccessResponse, Tags, UploadedFile } from 'tsoa';
import { DocumentInfo } from '../models/webhook';

/** Documents attached to a department. */
@Route('departments/{departmentId}/documents')
@Tags('Documents')
@Security('aad', ['user_impersonation'])
export class DocumentsController extends Controller {
  /**
   * Uploads a document to a department.
   * @summary Upload a document
   * @param departmentId The department's ID.
   * @param title Title of the document.
   * @param file The file content.
   */
  @Post()
  @SuccessResponse(201, 'Uploaded')
  public async uploadDocument(@Path() departmentId: string, @FormField() title: string, @UploadedFile() file: File): Promise<DocumentInfo> {
    this.setStatus(201);
    return { id: `${departmentId}-1`, title, size: file.size };
  }
}
