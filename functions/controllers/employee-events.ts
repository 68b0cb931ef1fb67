import { Body, Controller, Delete, Extension, Get, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from 'tsoa';
import { ParamExtension, PollingTrigger, WebhookTrigger, type RequestContext } from 'connectorkit/runtime';
import type { Employee } from '../models/employee';
import type { ErrorResponse } from '../models/error';
import type { EmployeeChanges, TriggerSubscription, TriggerSubscriptionRequest } from '../models/triggers';
import { employeeAdded, employeeChanged } from '../triggers/employee-triggers';

/** Triggers that start a flow when the employee directory changes. */
@Route('employee-events')
@Tags('Employee events')
@Security('entra', ['user_impersonation'])
@Response<ErrorResponse>(401, 'The access token is missing or invalid')
@Response<ErrorResponse>(403, 'The access token lacks the user_impersonation scope')
export class EmployeeEventsController extends Controller {
  /**
   * Starts a flow each time an employee is added to the directory. The flow receives the new employee record.
   * @summary When an employee is added
   * @param body The subscription; the platform sets the callback URL.
   */
  @Post('added')
  @SuccessResponse(201, 'Created')
  @Extension('x-ms-visibility', 'important')
  @WebhookTrigger<Employee>({ hint: 'Create an employee to fire this trigger.', payloadDescription: 'The employee that was added.' })
  @Response<ErrorResponse>(400, 'The callback URL is not accepted')
  public async OnEmployeeAdded(@Request() req: RequestContext, @Body() @ParamExtension('x-ms-summary', 'Subscription') body: TriggerSubscriptionRequest): Promise<TriggerSubscription> {
    return employeeAdded.subscribe(req, body, this);
  }

  /**
   * Removes a subscription of the employee added trigger. The platform calls it when the flow is turned off or deleted.
   * @summary Remove an employee added subscription
   * @param subscriptionId The subscription ID from the Location of the subscribe call.
   */
  @Delete('added/{subscriptionId}')
  @SuccessResponse(204, 'Removed')
  @Response<ErrorResponse>(404, 'No subscription with this ID')
  public async DeleteEmployeeAddedSubscription(@Path() @ParamExtension('x-ms-summary', 'Subscription ID') subscriptionId: string): Promise<void> {
    await employeeAdded.unsubscribe(subscriptionId, this);
  }

  /**
   * Starts a flow for each employee added or changed since the flow last checked, oldest change first.
   * @summary When an employee changes
   * @param since The trigger state: changes after this time are returned. Set by the platform.
   */
  @Get('changes')
  @Extension('x-ms-visibility', 'important')
  @PollingTrigger({ hint: 'Create or update an employee to fire this trigger.', stateParam: 'since' })
  @Response<ErrorResponse>(400, 'The trigger state is invalid')
  public async OnEmployeeChanged(@Request() req: RequestContext, @Query() @ParamExtension('x-ms-summary', 'Since') since?: string): Promise<EmployeeChanges> {
    // undefined (nothing new) is answered as the 202 the poll set, without a body.
    return (await employeeChanged.poll(req, this, since)) as EmployeeChanges;
  }
}
