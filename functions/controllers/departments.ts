import { Controller, Extension, Get, Response, Route, Security, Tags } from 'tsoa';
import type { DepartmentList } from '../models/department';
import type { ErrorResponse } from '../models/error';
import { DEPARTMENTS } from '../storage/departments';

/** Reference data: the organisation's departments. */
@Route('departments')
@Tags('Departments')
@Security('entra', ['user_impersonation'])
@Response<ErrorResponse>(401, 'The access token is missing or invalid')
@Response<ErrorResponse>(403, 'The access token lacks the user_impersonation scope')
export class DepartmentsController extends Controller {
  /**
   * Lists the departments an employee can belong to. It fills the department drop-down of CreateEmployee.
   * @summary List departments
   */
  @Get()
  @Extension('x-ms-visibility', 'internal')
  public async ListDepartments(): Promise<DepartmentList> {
    return { value: DEPARTMENTS.map((d) => ({ ...d })) };
  }
}
