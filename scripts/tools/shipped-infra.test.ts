/**
 * connectorkit ships the default desired-state files (scripts/infra/: APIM and Entra definitions, the schemas), used
 * by any project without its own copy (scripts/deploy/manifest.ts infraPath). The sample keeps its own copies under
 * infra/; while it does not customise them they must equal the shipped ones, or a new project would deploy
 * something the sample's tests never saw. Change both together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SHIPPED = path.join(ROOT, 'scripts', 'infra');

function list(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]));
}

it("every file connectorkit ships under scripts/infra/ equals the sample's infra/ copy", () => {
  const differ = list(SHIPPED).filter((rel) => readFileSync(path.join(SHIPPED, rel), 'utf8') !== readFileSync(path.join(ROOT, 'infra', rel), 'utf8'));
  expect(differ).toEqual([]);
});

it("the shipped set covers the sample's APIM and Entra files and the environment schema", () => {
  const sample = list(path.join(ROOT, 'infra')).filter((rel) => !rel.startsWith(`environments${path.sep}`) || rel.endsWith('schema.json'));
  expect(list(SHIPPED).sort()).toEqual(sample.sort());
});
