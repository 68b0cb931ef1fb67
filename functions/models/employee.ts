/** Employment status of an employee. */
export enum EmploymentStatus {
  Active = 'Active',
  OnLeave = 'OnLeave',
  Terminated = 'Terminated',
}

/** Kind of employment contract. */
export enum EmploymentType {
  FullTime = 'FullTime',
  PartTime = 'PartTime',
  Contractor = 'Contractor',
  Intern = 'Intern',
}

/** Postal address of an employee's work location. */
export interface Address {
  /**
   * Street and house number.
   * @extension {"x-ms-summary": "Street"}
   * @minLength 1
   * @maxLength 200
   */
  street: string;
  /**
   * @extension {"x-ms-summary": "City"}
   * @minLength 1
   * @maxLength 100
   */
  city: string;
  /**
   * State, province or region.
   * @extension {"x-ms-summary": "Region", "x-ms-visibility": "advanced"}
   * @maxLength 100
   */
  region?: string;
  /**
   * @extension {"x-ms-summary": "Postal code"}
   * @pattern ^[A-Za-z0-9][-A-Za-z0-9\x20]{1,11}$
   */
  postalCode: string;
  /**
   * ISO 3166-1 alpha-2 country code.
   * @extension {"x-ms-summary": "Country"}
   * @pattern ^[A-Z]{2}$
   * @example "DE"
   */
  country: string;
}

/** An employee record of the HR directory. */
export interface Employee {
  /**
   * Employee number, assigned by HR.
   * @extension {"x-ms-summary": "Employee ID"}
   * @example "E000123"
   */
  id: string;
  /**
   * Version of the record; send it back in `If-Match` to update or delete.
   * @extension {"x-ms-summary": "ETag", "x-ms-visibility": "advanced"}
   */
  etag: string;
  /** @extension {"x-ms-summary": "First name"} */
  givenName: string;
  /** @extension {"x-ms-summary": "Last name"} */
  familyName: string;
  /** @extension {"x-ms-summary": "Display name"} */
  displayName: string;
  /**
   * Work e-mail address.
   * @extension {"x-ms-summary": "Email"}
   * @format email
   */
  email: string;
  /** @extension {"x-ms-summary": "Job title"} */
  jobTitle: string;
  /**
   * Department code (see ListDepartments).
   * @extension {"x-ms-summary": "Department"}
   */
  department: string;
  /**
   * Employee ID of the manager.
   * @extension {"x-ms-summary": "Manager ID", "x-ms-visibility": "advanced"}
   */
  managerId?: string;
  /** Kind of employment contract. */
  employmentType: EmploymentType;
  /** Employment status. */
  status: EmploymentStatus;
  /**
   * First working day (YYYY-MM-DD).
   * @extension {"x-ms-summary": "Hire date"}
   * @format date
   */
  hireDate: string;
  /** Work location. */
  workAddress?: Address;
  /**
   * When the record was created.
   * @extension {"x-ms-summary": "Created", "x-ms-visibility": "advanced"}
   */
  createdAt: Date;
  /**
   * When the record was last changed.
   * @extension {"x-ms-summary": "Updated", "x-ms-visibility": "advanced"}
   */
  updatedAt: Date;
}

/** Body of CreateEmployee. */
export interface CreateEmployeeRequest {
  /**
   * Employee number, assigned by HR: `E` followed by six digits.
   * @extension {"x-ms-summary": "Employee ID"}
   * @pattern ^E[0-9]{6}$
   * @example "E000123"
   */
  id: string;
  /**
   * @extension {"x-ms-summary": "First name"}
   * @minLength 1
   * @maxLength 64
   */
  givenName: string;
  /**
   * @extension {"x-ms-summary": "Last name"}
   * @minLength 1
   * @maxLength 64
   */
  familyName: string;
  /**
   * Work e-mail address.
   * @extension {"x-ms-summary": "Email"}
   * @format email
   * @pattern ^[^@\s]+@[^@\s]+\.[^@\s]+$
   * @maxLength 254
   */
  email: string;
  /**
   * @extension {"x-ms-summary": "Job title"}
   * @minLength 1
   * @maxLength 100
   */
  jobTitle: string;
  /**
   * Department code.
   * @extension {"x-ms-summary": "Department", "x-ms-dynamic-values": {"operationId": "ListDepartments", "value-collection": "value", "value-path": "id", "value-title": "name"}}
   * @pattern ^[A-Z]{2,8}$
   */
  department: string;
  /**
   * Employee ID of the manager.
   * @extension {"x-ms-summary": "Manager ID", "x-ms-visibility": "advanced"}
   * @pattern ^E[0-9]{6}$
   */
  managerId?: string;
  /** Kind of employment contract. */
  employmentType: EmploymentType;
  /** Employment status; defaults to Active. */
  status?: EmploymentStatus;
  /**
   * First working day (YYYY-MM-DD).
   * @extension {"x-ms-summary": "Hire date"}
   * @format date
   * @pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
   */
  hireDate: string;
  /** Work location. */
  workAddress?: Address;
}

/** Body of UpdateEmployee: only the fields given are changed. */
export interface UpdateEmployeeRequest {
  /**
   * @extension {"x-ms-summary": "First name"}
   * @minLength 1
   * @maxLength 64
   */
  givenName?: string;
  /**
   * @extension {"x-ms-summary": "Last name"}
   * @minLength 1
   * @maxLength 64
   */
  familyName?: string;
  /**
   * @extension {"x-ms-summary": "Email"}
   * @format email
   * @pattern ^[^@\s]+@[^@\s]+\.[^@\s]+$
   * @maxLength 254
   */
  email?: string;
  /**
   * @extension {"x-ms-summary": "Job title"}
   * @minLength 1
   * @maxLength 100
   */
  jobTitle?: string;
  /**
   * @extension {"x-ms-summary": "Department", "x-ms-dynamic-values": {"operationId": "ListDepartments", "value-collection": "value", "value-path": "id", "value-title": "name"}}
   * @pattern ^[A-Z]{2,8}$
   */
  department?: string;
  /**
   * @extension {"x-ms-summary": "Manager ID", "x-ms-visibility": "advanced"}
   * @pattern ^E[0-9]{6}$
   */
  managerId?: string;
  /** Kind of employment contract. */
  employmentType?: EmploymentType;
  /** Employment status. */
  status?: EmploymentStatus;
  /** Work location. */
  workAddress?: Address;
}

/** One page of employees. */
export interface EmployeePage {
  /** @extension {"x-ms-summary": "Employees"} */
  value: Employee[];
  /**
   * URL of the next page; absent on the last page.
   * @extension {"x-ms-summary": "Next page link", "x-ms-visibility": "internal"}
   */
  nextLink?: string;
}
