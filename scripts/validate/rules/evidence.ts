/**
 * Shared wording of the evidence behind severity decisions (Rule.evidence; not a rule itself). The Swagger Validator
 * rules on Microsoft Learn's "Fix Swagger Validator errors" page are what the certification pipeline checks: the page
 * says the tool validates the files submitted to the PowerPlatformConnectors repository and the ISV portal. Importing
 * a connector (paconn create/update, the maker portal) validates without the certification rules — paconn's upsert
 * calls validateApiSwagger without enableConnectorCertificationRules, its validate command with it. A rule that merged
 * connectors break is therefore a warning at `platform` and stays an error at `certification`.
 */

/** Learn "Fix Swagger Validator errors" lists the rule for certification submissions; no import-time refusal is documented. */
export const CERTIFICATION_ONLY = 'Learn "Fix Swagger Validator errors" lists it among the errors of the certification submission validator; no Microsoft page says the import refuses it';
