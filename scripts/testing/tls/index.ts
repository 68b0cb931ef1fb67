/** TLS options for a loopback HTTPS double, signed by the test CA that `npm test` trusts via NODE_EXTRA_CA_CERTS. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTestCa } = require('./test-ca.js') as { ensureTestCa(): { certFile: string; keyFile: string; cert: string; key: string } };

export function testTlsOptions(): { cert: string; key: string } {
  const { cert, key } = ensureTestCa();
  return { cert, key };
}

export { ensureTestCa };
