import type { PlannedChange } from './types';

/** One area's plan lines: `change(resource, action, diff?, note?)`, an empty diff or note left out. */
export function changeMaker(stage: PlannedChange['stage']) {
  return (resource: string, action: PlannedChange['action'], diff?: PlannedChange['diff'], note?: string): PlannedChange => ({
    stage,
    resource,
    action,
    ...(diff?.length ? { diff } : {}),
    ...(note ? { note } : {}),
  });
}
