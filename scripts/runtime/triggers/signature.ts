/**
 * Delivery signatures: every notification carries `x-ck-signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `<t>.<body>` with the subscription's signing secret (returned once, in the 201 of the subscribe call), so a
 * receiver can check the notification came from this API and is fresh. Power Automate's own callback URLs are
 * already signed (`sig=`), so flows need not check it; other receivers (and `connectorkit trigger`) do.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ck-signature';
export const DELIVERY_ID_HEADER = 'x-ck-delivery-id';
export const TRIGGER_HEADER = 'x-ck-trigger';

export function newSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function signDelivery(secret: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${nowSeconds}.${body}`).digest('hex');
  return `t=${nowSeconds},v1=${mac}`;
}

/**
 * Checks a received notification. `toleranceSeconds` bounds how old the signature may be (replay window).
 * @returns true when the header is a valid signature of `body` with `secret`
 */
export function verifyDeliverySignature(secret: string, body: string, header: string | null | undefined, toleranceSeconds = 300, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const got = Buffer.from(parts.v1);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
