/**
 * The `skipToken` of ListEmployees is the table client's continuation token as this API issued it: base64 of
 * `{"nextPartitionKey": string, "nextRowKey"?: string}`. Anything else — another shape, a key that is an object,
 * array or number, control characters — is refused as INVALID_SKIP_TOKEN before storage sees it (the SDK would
 * otherwise fail while serialising the query and look like an outage).
 */
const KEY = /^[\x20-\x7e]{1,1024}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** True when `t` has the shape of a continuation token this API issues. */
export function isSkipToken(t: string): boolean {
  if (!BASE64.test(t) || t.length > 4096) return false;
  let o: unknown;
  try {
    o = JSON.parse(Buffer.from(t, 'base64').toString('utf8'));
  } catch {
    return false;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const rec = o as Record<string, unknown>;
  if (Object.keys(rec).some((k) => k !== 'nextPartitionKey' && k !== 'nextRowKey')) return false;
  if (typeof rec.nextPartitionKey !== 'string' || !KEY.test(rec.nextPartitionKey)) return false;
  return rec.nextRowKey === undefined || (typeof rec.nextRowKey === 'string' && KEY.test(rec.nextRowKey));
}
