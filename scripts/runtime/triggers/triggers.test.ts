import { TRIGGER_CODES } from '../trigger-codes';
import { lookupCode } from '../../core/code-registry';
import { checkCallbackUrl } from './callback-url';
import { TRIGGER_HTTP_CODES } from './codes';
import { signDelivery, verifyDeliverySignature } from './signature';
import { readTriggerSettings } from './settings';

describe('trigger runtime pieces', () => {
  it('the bundled code strings equal the registered codes, each with its HTTP status', () => {
    expect(Object.values(TRIGGER_HTTP_CODES).sort()).toEqual(Object.keys(TRIGGER_CODES).sort());
    expect(lookupCode(TRIGGER_HTTP_CODES.CALLBACK_URL_INVALID).httpStatus).toBe(400);
  });

  it('signatures: valid for the body and secret, invalid for another body, secret or an old timestamp', () => {
    const h = signDelivery('k1', '{"a":1}', 1_000_000);
    expect(verifyDeliverySignature('k1', '{"a":1}', h, 300, 1_000_100)).toBe(true);
    expect(verifyDeliverySignature('k1', '{"a":2}', h, 300, 1_000_100)).toBe(false);
    expect(verifyDeliverySignature('k2', '{"a":1}', h, 300, 1_000_100)).toBe(false);
    expect(verifyDeliverySignature('k1', '{"a":1}', h, 300, 1_000_301)).toBe(false);
    expect(verifyDeliverySignature('k1', '{"a":1}', undefined)).toBe(false);
  });

  it('callback URLs: https anywhere public; loopback http only locally; private hosts never in Azure', () => {
    const azure = readTriggerSettings({ AZURE_FUNCTIONS_ENVIRONMENT: 'Production' }).allowLoopbackHttp;
    const local = readTriggerSettings({ AZURE_FUNCTIONS_ENVIRONMENT: 'Development' }).allowLoopbackHttp;
    expect([azure, local]).toEqual([false, true]);
    const code = (url: string, allow: boolean) => {
      try {
        checkCallbackUrl(url, allow);
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code('https://prod-01.westeurope.logic.azure.com/workflows/x?sig=y', false)).toBe('ok');
    expect(code('http://127.0.0.1:5000/hook', true)).toBe('ok');
    for (const bad of [
      'http://127.0.0.1:5000/hook',
      'https://127.0.0.1/hook',
      'https://10.0.0.4/hook',
      'https://169.254.169.254/metadata',
      'http://example.com/hook',
      'ftp://example.com',
      'not a url',
      'https://u:p@example.com/',
    ]) {
      expect([bad, code(bad, false)]).toEqual([bad, 'CK_TRIGGER_CALLBACK_URL_INVALID']);
    }
    expect(code('http://example.com/hook', true)).toBe('CK_TRIGGER_CALLBACK_URL_INVALID');
  });
});
