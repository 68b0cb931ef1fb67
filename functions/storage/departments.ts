import type { Department } from '../models/department';

/**
 * The department catalogue. Departments change rarely and are owned by finance, so the sample keeps them as
 * reference data in code; employees reference them by `id`.
 */
export const DEPARTMENTS: readonly Department[] = Object.freeze([
  { id: 'ENG', name: 'Engineering', costCenter: 'CC-1000' },
  { id: 'FIN', name: 'Finance', costCenter: 'CC-2000' },
  { id: 'HR', name: 'Human Resources', costCenter: 'CC-3000' },
  { id: 'MKT', name: 'Marketing', costCenter: 'CC-4000' },
  { id: 'OPS', name: 'Operations', costCenter: 'CC-5000' },
  { id: 'SALES', name: 'Sales', costCenter: 'CC-6000' },
]);

export function isKnownDepartment(id: string): boolean {
  return DEPARTMENTS.some((d) => d.id === id);
}
