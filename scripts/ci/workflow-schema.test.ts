/**
 * The shipped GitHub Actions workflows against SchemaStore's GitHub workflow schema (vendored in
 * scripts/testing/contracts/github-workflow, see its SOURCE.md): a misspelt key, a wrong permission value or a
 * malformed trigger fails here instead of on GitHub after a push.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { loadWorkflows, REPO_ROOT, type Workflow } from '../testing/github-workflow';

const SCHEMA_FILE = path.join(REPO_ROOT, 'scripts/testing/contracts/github-workflow/github-workflow.json');

function validator() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string };
  // The schema declares draft-07, Ajv's default draft. Ajv's strict mode otherwise stays on; these three checks flag
  // constructs of the upstream schema itself (properties without `type: object`, `required` inside if/then, tuples
  // without maxItems), which are legal JSON Schema and leave validation unchanged.
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  return new Ajv({ allErrors: true, strictTypes: false, strictRequired: false, strictTuples: false }).compile(schema);
}

const workflows = loadWorkflows();
const validate = validator();
const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));

it('the repository ships its workflows', () => {
  expect(workflows.map((w) => w.file)).toContain('ci.yml');
});

it.each(workflows.map((w) => [w.file, w] as [string, Workflow]))('%s is valid against the GitHub workflow schema', (_file, wf) => {
  expect(errorsOf(wf.doc)).toEqual([]);
});

it('the schema rejects what GitHub rejects (so the test above can fail)', () => {
  const ci = workflows.find((w) => w.file === 'ci.yml')!.doc;
  const bad = (edit: (d: any) => void) => {
    const d = structuredClone(ci);
    edit(d);
    return errorsOf(d);
  };
  expect(bad(() => undefined)).toEqual([]);
  expect(bad((d) => (d.permissions['id-token'] = 'yes'))).not.toEqual([]);
  expect(bad((d) => (d.on.workflow_dispatch = { inputs: { environment: { description: 'where', type: 'env' } } }))).not.toEqual([]);
  expect(bad((d) => (d.jobs.test['runs_on'] = d.jobs.test['runs-on']))).not.toEqual([]);
  expect(bad((d) => d.jobs.test.steps.push({ name: 'neither uses nor run' }))).not.toEqual([]);
});
