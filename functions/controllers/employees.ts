import { Body, Controller, Delete, Extension, Get, Header, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from 'tsoa';
import { HTTP_CODES, HttpError, ParamExtension, type RequestContext } from 'connectorkit/runtime';
import type { CreateEmployeeRequest, Employee, EmployeePage, EmploymentStatus, UpdateEmployeeRequest } from '../models/employee';
import type { ErrorResponse } from '../models/error';
import { API_ERRORS, ApiErrorCode, apiError } from '../errors';
import { employeeStore } from '../storage/employee-store';
import { isKnownDepartment } from '../storage/departments';
import { isSkipToken } from '../storage/skip-token';
import { employeeAdded } from '../triggers/employee-triggers';

const DEFAULT_PAGE_SIZE = 25;

/** The employee directory of the HR system. */
@Route('employees')
@Tags('Employees')
@Security('entra', ['user_impersonation'])
@Response<ErrorResponse>(401, 'The access token is missing or invalid')
@Response<ErrorResponse>(403, 'The access token lacks the user_impersonation scope')
export class EmployeesController extends Controller {
  /**
   * Lists employees, optionally only those of one department or with one status. Results come in pages;
   * follow `nextLink` for the next page.
   * @summary List employees
   * @param department Only employees of this department (see ListDepartments).
   * @param status Only employees with this employment status.
   * @param top Page size, 1 to 100 (default 25).
   * @param skipToken Continuation token from a previous page's nextLink.
   * @isInt top
   * @minimum top 1
   * @maximum top 100
   */
  @Get()
  @Extension('x-ms-visibility', 'important')
  @Extension('x-ms-pageable', { nextLinkName: 'nextLink' })
  @Response<ErrorResponse>(400, 'A filter or the page size is invalid')
  public async ListEmployees(
    @Request() req: RequestContext,
    @Query() @ParamExtension('x-ms-summary', 'Department') department?: string,
    @Query() @ParamExtension('x-ms-summary', 'Status') status?: EmploymentStatus,
    @Query() @ParamExtension('x-ms-summary', 'Page size') @ParamExtension('x-ms-visibility', 'advanced') top?: number,
    @Query() @ParamExtension('x-ms-summary', 'Skip token') @ParamExtension('x-ms-visibility', 'internal') skipToken?: string,
  ): Promise<EmployeePage> {
    if (skipToken !== undefined && !isSkipToken(skipToken)) {
      throw apiError(ApiErrorCode.InvalidSkipToken, 'The skipToken is not a token this API issued.', { target: 'skipToken' });
    }
    const page = await employeeStore().list({ department, status, top: top ?? DEFAULT_PAGE_SIZE, continuationToken: skipToken });
    const out: EmployeePage = { value: page.value };
    if (page.continuationToken) {
      const next = new URL(req.request.url);
      next.searchParams.set('skipToken', page.continuationToken);
      out.nextLink = next.toString();
    }
    return out;
  }

  /**
   * Gets one employee by employee ID. The response's `ETag` header (and `etag` property) is the version to send
   * in `If-Match` when updating or deleting.
   * @summary Get an employee
   * @param employeeId The employee ID, e.g. E000123.
   * @pattern employeeId ^E[0-9]{6}$
   */
  @Get('{employeeId}')
  @Extension('x-ms-visibility', 'important')
  @Response<ErrorResponse>(400, 'The employee ID is malformed')
  @Response<ErrorResponse>(404, 'No employee with this ID')
  public async GetEmployee(@Path() @ParamExtension('x-ms-summary', 'Employee ID') employeeId: string): Promise<Employee> {
    const e = await employeeStore().get(employeeId);
    this.setHeader('ETag', e.etag);
    return e;
  }

  /**
   * Adds an employee to the directory. The department must be one of ListDepartments.
   * @summary Create an employee
   * @param body The new employee.
   */
  @Post()
  @SuccessResponse(201, 'Created')
  @Extension('x-ms-visibility', 'important')
  @Response<ErrorResponse>(400, 'A field is missing or invalid')
  @Response<ErrorResponse>(409, 'An employee with this ID already exists')
  public async CreateEmployee(@Request() req: RequestContext, @Body() @ParamExtension('x-ms-summary', 'Employee') body: CreateEmployeeRequest): Promise<Employee> {
    assertDepartment(body.department);
    const e = await employeeStore().create(body);
    // Not awaited: notifying subscribers never delays the response (the outbox write finishes in the background).
    void employeeAdded.publish(e);
    this.setStatus(201);
    this.setHeader('ETag', e.etag);
    this.setHeader('Location', new URL(`employees/${encodeURIComponent(e.id)}`, withSlash(req.request.url)).toString());
    return e;
  }

  /**
   * Changes the given fields of an employee. Requires `If-Match` with the ETag from GetEmployee; if the employee
   * changed since then the update is refused with 412.
   * @summary Update an employee
   * @param employeeId The employee ID, e.g. E000123.
   * @param ifMatch The ETag of the version being changed.
   * @param body The fields to change.
   * @pattern employeeId ^E[0-9]{6}$
   */
  @Patch('{employeeId}')
  @Extension('x-ms-visibility', 'advanced')
  @Response<ErrorResponse>(400, 'A field is invalid or If-Match is missing')
  @Response<ErrorResponse>(404, 'No employee with this ID')
  @Response<ErrorResponse>(412, 'The employee changed since it was read')
  public async UpdateEmployee(
    @Path() @ParamExtension('x-ms-summary', 'Employee ID') employeeId: string,
    @Header('If-Match') @ParamExtension('x-ms-summary', 'ETag') ifMatch: string,
    @Body() @ParamExtension('x-ms-summary', 'Changes') body: UpdateEmployeeRequest,
  ): Promise<Employee> {
    if (!ifMatch.trim() || ifMatch.trim() === '*') {
      // The same answer as a missing If-Match (which tsoa's validation rejects): a validation failure whose one
      // detail targets header.If-Match; the detail code says why.
      throw new HttpError(400, HTTP_CODES.VALIDATION_FAILED, 'The request is invalid: 1 field failed validation.', {
        hint: API_ERRORS.IfMatchRequired.action,
        details: [{ code: ApiErrorCode.IfMatchRequired, message: `If-Match must be the ETag of the version being changed, not '${ifMatch.trim()}'`, target: 'header.If-Match' }],
      });
    }
    if (body.department !== undefined) assertDepartment(body.department);
    const e = await employeeStore().update(employeeId, ifMatch.trim(), body);
    this.setHeader('ETag', e.etag);
    return e;
  }

  /**
   * Removes an employee from the directory. With `If-Match`, only if the employee has not changed since read.
   * @summary Delete an employee
   * @param employeeId The employee ID, e.g. E000123.
   * @param ifMatch Optional ETag; omit to delete whatever version is stored.
   * @pattern employeeId ^E[0-9]{6}$
   */
  @Delete('{employeeId}')
  @SuccessResponse(204, 'Deleted')
  @Extension('x-ms-visibility', 'advanced')
  @Response<ErrorResponse>(400, 'The employee ID is malformed')
  @Response<ErrorResponse>(404, 'No employee with this ID')
  @Response<ErrorResponse>(412, 'The employee changed since it was read')
  public async DeleteEmployee(
    @Path() @ParamExtension('x-ms-summary', 'Employee ID') employeeId: string,
    @Header('If-Match') @ParamExtension('x-ms-summary', 'ETag') @ParamExtension('x-ms-visibility', 'advanced') ifMatch?: string,
  ): Promise<void> {
    await employeeStore().delete(employeeId, ifMatch?.trim() || '*');
    this.setStatus(204);
  }
}

function assertDepartment(id: string): void {
  if (!isKnownDepartment(id)) {
    throw apiError(ApiErrorCode.UnknownDepartment, `Department '${id}' does not exist.`, { target: 'department' });
  }
}

function withSlash(url: string): string {
  const u = new URL(url);
  u.search = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return new URL('..', u).toString();
}
