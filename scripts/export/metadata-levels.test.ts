/**
 * A new project has no connector metadata yet (issue 11 item 3): export below `--level certification` works without
 * it and lists what is missing in one notice; at certification one CK_EXPORT_CONFIG_INCOMPLETE names every key.
 */
import { catchCkError } from '../testing/catch-ck-error';
import { validateConnectorFiles } from '../validate/validate';
import { buildConnector } from './build-connector';
import { fixtureConfig, fixtureSpec } from './testdata/fixture';

const METADATA_KEYS = ['api.contact.name', 'api.contact.url', 'api.contact.email', 'connector.website', 'connector.privacyPolicy', 'connector.categories', 'connector.publisher'];

function bareConfig() {
  const config = fixtureConfig();
  const api = { ...config.api };
  delete api.contact;
  const connector = { ...config.connector };
  for (const k of ['website', 'privacyPolicy', 'categories', 'publisher', 'stackOwner']) delete connector[k];
  return { ...config, api, connector };
}

it('platform: exports without metadata, leaves it out of the files, and lists every missing key in one notice', () => {
  const folder = buildConnector({ spec: fixtureSpec(), config: bareConfig(), level: 'platform' });
  const notices = folder.notices.filter((n) => n.code === 'CK_EXPORT_CERTIFICATION_METADATA_MISSING');
  expect(notices).toHaveLength(1);
  for (const k of METADATA_KEYS) expect(notices[0]!.message).toContain(k);
  const swagger = JSON.parse(folder.files['apiDefinition.swagger.json'] as string);
  expect(swagger.info.contact).toBeUndefined();
  expect(swagger['x-ms-connector-metadata']).toBeUndefined();
  expect(JSON.parse(folder.files['apiProperties.json'] as string).properties.publisher).toBeUndefined();
  const report = validateConnectorFiles(folder.files, { level: 'platform' });
  expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

it('certification: one CK_EXPORT_CONFIG_INCOMPLETE naming every missing key', () => {
  const e = catchCkError(() => buildConnector({ spec: fixtureSpec(), config: bareConfig(), level: 'certification' }));
  expect(e.code).toBe('CK_EXPORT_CONFIG_INCOMPLETE');
  expect(e.details?.map((d) => d.target).sort()).toEqual([...METADATA_KEYS].sort());
});

it('the default (certification) is unchanged for a project that has its metadata', () => {
  const folder = buildConnector({ spec: fixtureSpec(), config: fixtureConfig() });
  expect(folder.notices.map((n) => n.code)).not.toContain('CK_EXPORT_CERTIFICATION_METADATA_MISSING');
  expect(JSON.parse(folder.files['apiDefinition.swagger.json'] as string)['x-ms-connector-metadata']).toHaveLength(3);
});
