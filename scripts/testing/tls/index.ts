/** TLS options for a loopback HTTPS double, signed by the test CA that `npm test` trusts via NODE_EXTRA_CA_CERTS. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTestCa } = require('./test-ca.js') as { ensureTestCa(): { certFile: string; keyFile: string; cert: string; key: string } };

export function testTlsOptions(): { cert: string; key: string } {
  const { cert, key } = ensureTestCa();
  return { cert, key };
}

/** Throws a helpful error when the process was not started with the test CA trusted. */
export function assertTestCaTrusted(): void {
  const { certFile } = ensureTestCa();
  if (process.env.NODE_EXTRA_CA_CERTS !== certFile) {
    throw new Error(`NODE_EXTRA_CA_CERTS must be ${certFile}; run tests with \`npm test\` (scripts/testing/run-jest.js sets it).`);
  }
}

export { ensureTestCa };
