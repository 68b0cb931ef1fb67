/**
 * Single-defect mutations of merged connectors (development corpus): each injects one defect and must add errors of
 * exactly that rule id. A rule whose platform severity is lower than its certification severity is mutated where it
 * is still an error: at `--level certification`, or in the context the platform refuses (a malformed host with no
 * policy replacing it, a default that does not parse, JSON over 1 MB without whitespace).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateConnectorFiles } from './validate';
import { CORPUS_DIR } from './corpus';
import type { Finding, ValidationLevel } from './types';

type Doc = Record<string, any>;
const errorsOf = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const load = (name: string) => ({
  swagger: JSON.parse(readFileSync(path.join(CORPUS_DIR, name, 'apiDefinition.swagger.json'), 'utf8').replace(/^\uFEFF/, '')) as Doc,
  props: JSON.parse(readFileSync(path.join(CORPUS_DIR, name, 'apiProperties.json'), 'utf8').replace(/^\uFEFF/, '')) as Doc,
});
const ops = (s: Doc): Array<[string, Doc]> => {
  const out: Array<[string, Doc]> = [];
  for (const item of Object.values(s.paths as Doc))
    for (const [m, o] of Object.entries(item as Doc)) if (typeof o === 'object' && ['get', 'post', 'put', 'patch', 'delete'].includes(m)) out.push([m, o as Doc]);
  return out;
};
const firstOp = (s: Doc, pred: (o: Doc, m: string) => boolean = () => true): Doc => {
  const hit = ops(s).find(([m, o]) => pred(o, m));
  if (!hit) throw new Error('no matching operation');
  return hit[1];
};
const bodyParam = (o: Doc): Doc | undefined => (o.parameters as Doc[] | undefined)?.find((p) => p.in === 'body' && p.schema?.properties);
const stripKey = (v: unknown, key: string): void => {
  if (Array.isArray(v)) v.forEach((x) => stripKey(x, key));
  else if (v && typeof v === 'object') {
    delete (v as Doc)[key];
    Object.values(v).forEach((x) => stripKey(x, key));
  }
};
const oauthName = (s: Doc) => Object.entries(s.securityDefinitions as Doc).find(([, d]) => (d as Doc).type === 'oauth2')![0];

const cases: Array<{ connector: string; rule: string; level?: ValidationLevel; mutate: (s: Doc, p: Doc) => void }> = [
  {
    connector: 'Hunter',
    rule: 'OperationIdNotUnique',
    mutate: (s) => {
      const all = ops(s).map(([, o]) => o);
      all[1]!.operationId = all[0]!.operationId;
    },
  },
  {
    connector: 'WooCommerce',
    rule: 'DefaultResponseHasSchema',
    level: 'certification',
    mutate: (s) => {
      firstOp(s).responses.default = { description: 'Error.', schema: { type: 'object' } };
    },
  },
  {
    connector: 'Oneflow',
    rule: 'AdditionalPropertyNotAllowedAdjacentToRef',
    level: 'certification',
    mutate: (s) => {
      const o = firstOp(s, (x) => JSON.stringify(x.responses?.['200']?.schema ?? {}).startsWith('{"$ref"'));
      o.responses['200'].schema.description = 'The result.';
    },
  },
  { connector: 'Asite', rule: 'WebhookOperationsMissingNotificationUrlProperty', mutate: (s) => stripKey(s, 'x-ms-notification-url') },
  {
    connector: 'Tikit',
    rule: 'SchemaReferenceNotFound',
    mutate: (s) => {
      const o = firstOp(s, (x) => JSON.stringify(x.responses?.['200']?.schema ?? {}).startsWith('{"$ref"'));
      o.responses['200'].schema.$ref = '#/definitions/DoesNotExist';
    },
  },
  {
    connector: 'CDK Drive Service Vehicles',
    rule: 'SchemaReferenceNotValid',
    mutate: (s) => {
      const o = firstOp(s, (x) => JSON.stringify(x.responses?.['200']?.schema ?? {}).startsWith('{"$ref"'));
      o.responses['200'].schema.$ref = 'other.json#/definitions/X';
    },
  },
  {
    connector: 'Fitbit',
    rule: 'BodyOrFormDataParameterInFetchOperationNotAllowed',
    level: 'certification',
    mutate: (s) => {
      const o = firstOp(s, (_x, m) => m === 'get');
      (o.parameters ??= []).push({ name: 'body', in: 'body', 'x-ms-summary': 'Filter', description: 'The filter to apply.', schema: { type: 'object' } });
    },
  },
  {
    connector: 'Secib',
    rule: 'InvalidNextLinkNameValue',
    level: 'certification',
    mutate: (s) => {
      firstOp(s, (_x, m) => m === 'get')['x-ms-pageable'] = { nextLinkName: 'next' };
    },
  },
  {
    connector: 'Secib',
    rule: 'SecurityRequirementMustBeDefined',
    level: 'certification',
    mutate: (s) => {
      s.security = [{ NoSuchScheme: [] }];
    },
  },
  {
    connector: 'Fitbit',
    rule: 'OAuthSecurityRequirementValueMustBeScopeName',
    level: 'certification',
    mutate: (s) => {
      s.security = [{ [oauthName(s)]: ['not.a.defined.scope'] }];
    },
  },
  {
    connector: 'Hunter',
    rule: 'DefaultValueMustMatchType',
    mutate: (s) => {
      (firstOp(s).parameters ??= []).push({ name: 'pageLimit', in: 'query', type: 'integer', default: 'fifty' });
    },
  },
  {
    connector: 'Hunter',
    rule: 'DefaultValueMustMatchType',
    level: 'certification',
    mutate: (s) => {
      (firstOp(s).parameters ??= []).push({ name: 'verbose', in: 'query', type: 'boolean', default: 'true', 'x-ms-summary': 'Verbose', description: 'Whether to return every field.' });
    },
  },
  {
    connector: 'Hugging Face',
    rule: 'InvalidStringBinaryProperty',
    level: 'certification',
    mutate: (s) => {
      bodyParam(firstOp(s, (o) => !!bodyParam(o)))!.schema.properties.upload = { type: 'string', format: 'binary', description: 'The file.' };
    },
  },
  {
    connector: 'Hunter',
    rule: 'HostNameNotValid',
    mutate: (s) => {
      s.host = 'https://api.hunter.io/v2';
    },
  },
  {
    connector: 'Hunter',
    rule: 'CkSwaggerTooLarge',
    mutate: (s) => {
      s['x-padding'] = 'x'.repeat(1_100_000);
    },
  },
  {
    connector: 'Ecologi',
    rule: 'ConsumesMissing',
    level: 'certification',
    mutate: (s) => {
      firstOp(s, (o) => !!bodyParam(o)).consumes = ['application/form-data'];
    },
  },
  // Relaxed schema findings stay errors for values no relaxation covers.
  {
    connector: 'Hunter',
    rule: 'JsonValueNotInEnum',
    mutate: (s) => {
      firstOp(s)['x-ms-api-annotation'] = { status: 'Beta' };
    },
  },
  {
    connector: 'Fitbit',
    rule: 'AdditionalPropertyNotAllowed',
    mutate: (_s, p) => {
      p.properties.connectionParameters.token.tpye = 'oauthSetting';
    },
  },
  {
    connector: 'Fitbit',
    rule: 'JsonTypeIncorrect',
    mutate: (_s, p) => {
      p.properties.connectionParameters.token.uiDefinition = 'Sign in';
    },
  },
];

describe('mutations of corpus connectors: one injected defect → exactly that new error', () => {
  for (const c of cases) {
    it(`${c.connector} + ${c.rule}${c.level ? ` (${c.level})` : ''}`, () => {
      const { swagger, props } = load(c.connector);
      const level = c.level ?? 'platform';
      const files = () => ({ 'apiDefinition.swagger.json': JSON.stringify(swagger), 'apiProperties.json': JSON.stringify(props) });
      const before = validateConnectorFiles(files(), { level });
      c.mutate(swagger, props);
      const after = validateConnectorFiles(files(), { level });
      const key = (f: Finding) => `${f.ruleId} ${f.file}#${f.pointer} ${f.message}`;
      const old = new Set(errorsOf(before.findings).map(key));
      const added = errorsOf(after.findings).filter((f) => !old.has(key(f)));
      expect(added.length).toBeGreaterThan(0);
      expect([...new Set(added.map((f) => f.ruleId))]).toEqual([c.rule]);
    });
  }
});
