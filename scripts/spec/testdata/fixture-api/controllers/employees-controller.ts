import { Body, Controller, Delete, Extension, Get, Header, Path, Post, Put, Query, Response, Route, Security, SuccessResponse, Tags } from 'tsoa';
import { ParamExtension } from 'connectorkit/runtime';
import { CreateEmployeeRequest, Department, Employee, EmployeePage, ErrorBody } from '../models/employee';

const sample: Employee = { id: 'e1', displayName: 'Ada', email: 'ada@example.com', department: Department.Engineering, hiredAt: new Date(0), tags: [] };

/** Employees of the organisation. */
@Route('employees')
@Tags('Employees')
@Security('aad', ['user_impersonation'])
export class EmployeesController extends Controller {
  /**
   * Returns one page of employees, optionally filtered by department and tags.
   * @summary List employees
   * @param department Only employees of this department.
   * @param tags Only employees carrying all of these tags.
   * @param page_size How many employees per page.
   * @param correlationId Correlation ID echoed in logs.
   */
  @Get()
  @Extension('x-ms-visibility', 'important')
  @Extension('x-ms-pageable', { nextLinkName: 'nextLink' })
  public async listEmployees(
    @Query() department?: Department,
    @Query() tags?: string[],
    @Query() @ParamExtension('x-ms-visibility', 'advanced') page_size?: number,
    @Header('x-correlation-id') correlationId?: string,
  ): Promise<EmployeePage> {
    void department; void tags; void page_size; void correlationId;
    return { value: [sample] };
  }

  /**
   * Returns one employee.
   * @summary Get an employee
   * @param employeeId The employee's ID.
   * @param since Only return the record if it changed after this time.
   */
  @Get('{employeeId}')
  @Response<ErrorBody>(404, 'Employee not found')
  @Response<ErrorBody>('default', 'Unexpected error')
  public async getEmployee(
    @Path() @ParamExtension('x-ms-summary', 'Employee') @ParamExtension('x-ms-dynamic-values', { operationId: 'ListEmployees', 'value-collection': 'value', 'value-path': 'id', 'value-title': 'displayName' }) employeeId: string,
    @Query() since?: Date,
  ): Promise<Employee> {
    void since;
    return { ...sample, id: employeeId };
  }

  /**
   * Creates an employee.
   * @summary Create an employee
   * @param body The new employee.
   */
  @Post()
  @SuccessResponse(201, 'Created')
  @Response<ErrorBody>(400, 'Invalid employee')
  public async createEmployee(@Body() body: CreateEmployeeRequest): Promise<Employee> {
    this.setStatus(201);
    return { ...sample, ...body, hiredAt: body.hiredAt ?? new Date(0), tags: body.tags ?? [] };
  }

  /**
   * Replaces an employee.
   * @summary Update an employee
   * @param id The employee's ID.
   * @param body The new values.
   */
  @Put('{employeeId}')
  @Response<ErrorBody>(404, 'Employee not found')
  public async updateEmployee(@Path('employeeId') @ParamExtension('x-ms-url-encoding', 'double') id: string, @Body() body: CreateEmployeeRequest): Promise<Employee> {
    return { ...sample, ...body, id, hiredAt: body.hiredAt ?? new Date(0), tags: body.tags ?? [] };
  }

  /**
   * Deletes an employee.
   * @summary Delete an employee
   * @param employeeId The employee's ID.
   */
  @Delete('{employeeId}')
  @SuccessResponse(204, 'Deleted')
  public async deleteEmployee(@Path() employeeId: string): Promise<void> {
    void employeeId;
  }
}
