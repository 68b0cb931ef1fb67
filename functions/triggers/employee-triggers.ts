/**
 * The Employee API's triggers, run-time half: "When an employee is added" (webhook: CreateEmployee publishes the
 * new employee) and "When an employee changes" (polling over updatedAt). The controller in
 * controllers/employee-events.ts exposes them; the build turns its decorators into the connector's trigger shapes.
 */
import { pollingTrigger, webhookTrigger } from 'connectorkit/runtime';
import type { Employee } from '../models/employee';
import { employeeStore } from '../storage/employee-store';

/** Notified with the new employee each time one is created. */
export const employeeAdded = webhookTrigger<Employee>('employee-added');

const MAX_BATCH = 100;

/** Polls employees whose updatedAt is after the state (an ISO 8601 timestamp). */
export const employeeChanged = pollingTrigger<Employee>({
  stateParam: 'since',
  retryAfterSeconds: 60,
  maxBatch: MAX_BATCH,
  isValidState: (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(s) && !Number.isNaN(Date.parse(s)),
  itemsSince: (state) => employeeStore().changedSince(new Date(state), MAX_BATCH),
  stateOf: (e) => e.updatedAt.toISOString(),
});
