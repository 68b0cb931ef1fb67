'use strict';
/**
 * Test-only TLS material for the HTTPS doubles: one self-signed certificate (CA:true, SAN localhost/127.0.0.1/::1)
 * generated on first use into node_modules/.cache/connectorkit/test-ca — never committed, never used outside tests.
 * `npm test` exports its path as NODE_EXTRA_CA_CERTS so the real Azure SDKs and fetch trust the doubles, exactly as a
 * private-cloud user trusts their own CA.
 */
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.resolve(__dirname, '../../../node_modules/.cache/connectorkit/test-ca');
const CERT = path.join(DIR, 'cert.pem');
const KEY = path.join(DIR, 'key.pem');

function ensureTestCa() {
  if (!fs.existsSync(CERT) || !fs.existsSync(KEY)) {
    const selfsigned = require('selfsigned');
    const pems = selfsigned.generate([{ name: 'commonName', value: 'connectorkit test CA (loopback only)' }], {
      days: 3650,
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
      ],
    });
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(KEY, pems.private, { mode: 0o600 });
    fs.writeFileSync(CERT, pems.cert);
  }
  return { certFile: CERT, keyFile: KEY, cert: fs.readFileSync(CERT, 'utf8'), key: fs.readFileSync(KEY, 'utf8') };
}

module.exports = { ensureTestCa, CERT, KEY };
