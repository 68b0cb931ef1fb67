import { humanise } from './humanise';

test.each([
  ['departmentId', 'Department ID'],
  ['page_size', 'Page Size'],
  ['x-correlation-id', 'Correlation ID'],
  ['HTMLBody', 'HTML Body'],
  ['callbackUrl', 'Callback URL'],
  ['body', 'Body'],
  ['$top', 'Top'],
])('%s → %s', (name, want) => expect(humanise(name)).toBe(want));
