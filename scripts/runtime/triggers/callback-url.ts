/**
 * Which callback URLs a subscription may register. In Azure only `https://` to a public host (the platform's
 * callback URLs are https; refusing private and loopback hosts keeps the API from being used to reach its own
 * network). Locally (AZURE_FUNCTIONS_ENVIRONMENT=Development, set by `connectorkit serve`) `http://` to a loopback
 * host is accepted too, so a receiver on 127.0.0.1 can watch a trigger fire.
 */
import { HttpError } from '../http-error';
import { TRIGGER_HTTP_CODES } from './codes';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
const PRIVATE = /^(10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|169\.254(?:\.\d{1,3}){2}|0\.0\.0\.0|\[f[cd][0-9a-f:]*\]|\[fe80:[0-9a-f:]*\])$/i;

export function checkCallbackUrl(raw: string, allowLoopbackHttp: boolean): URL {
  const bad = (why: string) =>
    new HttpError(400, TRIGGER_HTTP_CODES.CALLBACK_URL_INVALID, `The callback URL is not accepted: ${why}.`, {
      target: 'body.callbackUrl',
      hint: allowLoopbackHttp ? 'Send an https:// URL, or http:// to 127.0.0.1/localhost while developing locally.' : 'Send the https:// callback URL of a public receiver.',
    });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad('it is not an absolute URL');
  }
  if (url.username || url.password) throw bad('it carries user info');
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol === 'http:') {
    if (!(allowLoopbackHttp && loopback)) throw bad(allowLoopbackHttp ? 'http:// is accepted only for loopback hosts' : 'only https:// is accepted');
    return url;
  }
  if (url.protocol !== 'https:') throw bad(`the scheme ${url.protocol} is not https`);
  if (!allowLoopbackHttp && (loopback || PRIVATE.test(url.hostname))) throw bad('the host is a loopback or private address');
  return url;
}
