/** Department an employee belongs to. */
export enum Department {
  Engineering = 'engineering',
  Sales = 'sales',
  HumanResources = 'human-resources',
}

/** A postal address. */
export interface Address {
  /** Street and house number. */
  street: string;
  /**
   * City name.
   * @extension {"x-ms-summary": "City"}
   */
  city: string;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string;
}

/** A short reference to another employee. */
export interface EmployeeRef {
  /** Unique employee ID. */
  id: string;
  /** Display name. */
  displayName: string;
}

/** An employee record. */
export interface Employee {
  /**
   * Unique employee ID.
   * @extension {"x-ms-summary": "Employee ID", "x-ms-visibility": "important"}
   */
  id: string;
  /**
   * Full display name.
   * @extension {"x-ms-summary": "Display Name"}
   */
  displayName: string;
  /**
   * Work email address.
   * @format email
   */
  email: string;
  /**
   * Department the employee works in.
   * @extension {"x-ms-summary": "Department"}
   */
  department: Department;
  /** When the employee was hired. */
  hiredAt: Date;
  /**
   * Weekly working hours.
   * @isInt
   * @minimum 0
   * @maximum 60
   */
  weeklyHours?: number;
  /** The employee's manager, if any. */
  manager?: EmployeeRef;
  /**
   * Home address.
   * @extension {"x-ms-visibility": "advanced"}
   */
  address?: Address;
  tags: string[];
}

/** Fields needed to create an employee. */
export interface CreateEmployeeRequest {
  /**
   * Full display name.
   * @minLength 1
   * @extension {"x-ms-summary": "Display Name"}
   */
  displayName: string;
  /** Work email address. */
  email: string;
  department: Department;
  /** Start date. */
  hiredAt?: Date;
  address?: Address;
  tags?: string[];
}

/** A page of employees. */
export interface EmployeePage {
  value: Employee[];
  /**
   * Link to the next page.
   * @extension {"x-ms-visibility": "advanced"}
   */
  nextLink?: string;
}

/** The JSON error body every operation returns on failure. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    hint?: string;
  };
}
