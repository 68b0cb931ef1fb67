/** A department of the organisation; feeds the department drop-down of CreateEmployee. */
export interface Department {
  /**
   * Short department code.
   * @extension {"x-ms-summary": "Department ID"}
   * @example "ENG"
   */
  id: string;
  /**
   * Display name.
   * @extension {"x-ms-summary": "Department name"}
   */
  name: string;
  /**
   * Finance cost center the department books to.
   * @extension {"x-ms-summary": "Cost center", "x-ms-visibility": "advanced"}
   */
  costCenter: string;
}

/** The list of departments. */
export interface DepartmentList {
  /** @extension {"x-ms-summary": "Departments"} */
  value: Department[];
}
