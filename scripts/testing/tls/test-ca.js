'use strict';
/**
 * Test-only TLS material for the HTTPS doubles: one self-signed certificate (CA:true, SAN localhost/127.0.0.1/::1)
 * generated on first use into node_modules/.cache/connectorkit/test-ca — never committed, never used outside tests.
 * `npm test` exports its path as NODE_EXTRA_CA_CERTS so the real Azure SDKs and fetch trust the doubles, exactly as a
 * private-cloud user trusts their own CA.
 *
 * Generation is asynchronous (selfsigned 5 uses WebCrypto), so it happens once in the process that starts the tests
 * or the bench (`ensureTestCa`), before any double needs it; the doubles only read the files (`readTestCa`).
 */
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.resolve(__dirname, '../../../node_modules/.cache/connectorkit/test-ca');
const CERT = path.join(DIR, 'cert.pem');
const KEY = path.join(DIR, 'key.pem');

function readTestCa() {
  if (!fs.existsSync(CERT) || !fs.existsSync(KEY)) {
    throw new Error(`The loopback test CA is missing (${DIR}): run the tests through \`npm test\`, which creates it.`);
  }
  return { certFile: CERT, keyFile: KEY, cert: fs.readFileSync(CERT, 'utf8'), key: fs.readFileSync(KEY, 'utf8') };
}

async function ensureTestCa() {
  if (!fs.existsSync(CERT) || !fs.existsSync(KEY)) {
    const selfsigned = require('selfsigned');
    const now = new Date();
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'connectorkit test CA (loopback only)' }], {
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + 3650 * 86400_000),
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
          ],
        },
      ],
    });
    fs.mkdirSync(DIR, { recursive: true });
    // Key and certificate land together or not at all: a half-written pair would be read as "present" next time.
    const tmpKey = `${KEY}.${process.pid}.tmp`;
    const tmpCert = `${CERT}.${process.pid}.tmp`;
    fs.writeFileSync(tmpKey, pems.private, { mode: 0o600 });
    fs.writeFileSync(tmpCert, pems.cert);
    fs.renameSync(tmpKey, KEY);
    fs.renameSync(tmpCert, CERT);
  }
  return readTestCa();
}

module.exports = { ensureTestCa, readTestCa, CERT, KEY };
