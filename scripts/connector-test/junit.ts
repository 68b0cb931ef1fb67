/** The report as JUnit XML (one testsuite, one testcase per case; failures carry the check and JSON pointer). */
import { XMLBuilder } from 'fast-xml-parser';
import type { TestReport } from './types';

export function toJUnit(r: TestReport, suite = 'connector'): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  const testcase = r.cases.map((c) => ({
    '@_classname': `${suite}.${c.operationId}`,
    '@_name': c.name,
    '@_time': (c.ms / 1000).toFixed(3),
    ...(c.file ? { '@_file': c.file } : {}),
    ...(c.skipped ? { skipped: { '@_message': c.skipped } } : {}),
    ...(!c.ok
      ? {
          failure: c.failures.map((f) => ({
            '@_type': f.check,
            '@_message': `${f.pointer !== undefined ? `${f.pointer || '(root)'}: ` : ''}${f.message}`,
            '#text': `${c.method} ${c.url} → ${c.status ?? '-'}\n${f.message}`,
          })),
        }
      : {}),
  }));
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'connectorkit test',
      '@_tests': r.cases.length,
      '@_failures': r.failed,
      '@_skipped': r.skipped,
      '@_time': (r.ms / 1000).toFixed(3),
      testsuite: { '@_name': `${suite} (${r.target})`, '@_tests': r.cases.length, '@_failures': r.failed, '@_skipped': r.skipped, '@_time': (r.ms / 1000).toFixed(3), testcase },
    },
  };
  return builder.build(doc) as string;
}
