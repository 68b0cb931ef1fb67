/**
 * The Host header check that runs before anything else: a malformed Host is 400 (Kestrel rejects it too), and a
 * well-formed one must name this machine — a loopback name, the bind address or one of `allowedHosts` — or it is
 * 400 as ASP.NET Core's host filtering answers. Without the allow-list a DNS-rebinding page (evil.example resolving
 * to 127.0.0.1) could call the API from the browser and would see its own name in Location, nextLink and
 * swagger.json's `host`, all of which are built from the Host the request carries.
 */
import { isIPv6 } from 'node:net';
import './codes';

export type HostCheck = { ok: true; host: string } | { ok: false; code: 'CK_HOST_INVALID_HOST_HEADER' | 'CK_HOST_HOST_NOT_ALLOWED' };

// RFC 3986 authority without userinfo: reg-name (unreserved characters) or an IPv6 literal, then an optional port.
const AUTHORITY = /^(?:([A-Za-z0-9._~-]+)|\[([0-9A-Fa-f:.]+)\])(?::(\d{1,5}))?$/;

/** Normalised `host[:port]` (lower case, IPv4 shorthand expanded) or undefined when the value is not a host. */
export function parseHostHeader(value: string): { host: string; hostname: string } | undefined {
  const m = AUTHORITY.exec(value);
  if (!m) return undefined;
  if (m[2] !== undefined && !isIPv6(m[2])) return undefined;
  if (m[3] !== undefined && Number(m[3]) > 65535) return undefined;
  try {
    const u = new URL(`http://${value}/`);
    return { host: u.host, hostname: u.hostname };
  } catch {
    return undefined;
  }
}

/** localhost, *.localhost (RFC 6761: resolved to loopback by the client itself), 127.0.0.0/8 and ::1. */
export function isLoopbackName(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '[::1]';
}

/** Builds the per-request check; `bindHost` is the listen address (accepted as a name unless it is a wildcard). */
export function hostChecker(bindHost: string, allowedHosts: readonly string[] = []): (value: string) => HostCheck {
  const any = allowedHosts.includes('*');
  const names = new Set<string>();
  for (const n of [bindHost, ...allowedHosts]) {
    if (n === '*' || n === '0.0.0.0' || n === '::') continue;
    const p = parseHostHeader(isIPv6(n) ? `[${n}]` : n);
    if (p) names.add(p.hostname);
  }
  return (value) => {
    const p = parseHostHeader(value);
    if (!p) return { ok: false, code: 'CK_HOST_INVALID_HOST_HEADER' };
    if (any || isLoopbackName(p.hostname) || names.has(p.hostname)) return { ok: true, host: p.host };
    return { ok: false, code: 'CK_HOST_HOST_NOT_ALLOWED' };
  };
}
