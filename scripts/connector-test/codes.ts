import { defineCodes, type CodesOf } from '../core/code-registry';

/** Error codes of `connectorkit test` (scripts/connector-test). */
export const CONNECTOR_TEST_CODES = defineCodes('connector-test', {
  CK_TEST_CONNECTOR_INVALID: {
    source: 'user',
    title: 'The connector folder cannot be run as a connector.',
    hint: 'Run `connectorkit export` (or `connectorkit validate connector`) and fix what it reports, then test again.',
  },
  CK_TEST_SCENARIO_INVALID: {
    source: 'user',
    title: 'A scenario file does not match the scenario schema or names an unknown operation.',
    hint: 'Fix the named key in the named file; the schema is scripts/connector-test/scenario.schema.json and operationIds are those of connector/apiDefinition.swagger.json.',
  },
  CK_TEST_TARGET_UNREACHABLE: {
    source: 'user',
    title: 'The API to test does not answer.',
    hint: 'Start it (`npm start` or `connectorkit serve`), or pass --base-url <url>, or --env <name> for a deployed gateway.',
  },
  CK_TEST_FAILED: {
    source: 'user',
    title: 'One or more connector operations failed their checks.',
    hint: 'Read the failed operations above (each names the check and the JSON pointer); the JUnit report has the same detail.',
  },
  CK_TEST_POLICY_UNSUPPORTED: {
    source: 'user',
    title: 'The connector uses a policy template the test runner does not apply.',
    hint: 'The runner applies setheader, setqueryparameter, routerequesttoendpoint and dynamichosturl; remove --strict-policies to skip the others with a warning.',
  },
});

declare module '../core/code-registry' {
  interface CkCodeMap extends CodesOf<typeof CONNECTOR_TEST_CODES> {}
}
