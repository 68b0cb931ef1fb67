/** TLS options for a loopback HTTPS double, signed by the test CA that `npm test` trusts via NODE_EXTRA_CA_CERTS. */
interface TestCa {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper shared with scripts/testing/run-jest.js
const ca = require('./test-ca.js') as { ensureTestCa(): Promise<TestCa>; readTestCa(): TestCa };

export function testTlsOptions(): { cert: string; key: string } {
  const { cert, key } = ca.readTestCa();
  return { cert, key };
}

export const ensureTestCa = ca.ensureTestCa;
