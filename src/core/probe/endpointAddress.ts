// `HOST:PORT` as people type it: a name or IPv4 address with a port, `[IPv6]:PORT`, or a
// bare host (port 443). A bare IPv6 address is taken whole, since its colons cannot
// carry a port. And the same written back for messages.
import { canonicalIP, isIP, isIPv6 } from '../entities/addresses.js';
import { TlsdocError } from '../errors.js';

/** A DNS host name: dot-separated labels of letters, digits and hyphens, an optional final dot. */
export const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*\.?$/i;

export interface EndpointAddress {
  host: string;
  port: number;
}

export function parseEndpoint(text: string, defaultPort = 443): EndpointAddress {
  const bad = (why: string) => new TlsdocError('ENDPOINT_INVALID', `"${text}" is not an endpoint: ${why} (expected HOST:PORT, [IPv6]:PORT or HOST)`);
  const t = text.trim();
  const m = /^\[([^\]]{2,60})\](?::(\d{1,5}))?$/.exec(t) ?? (isIPv6(t) ? [t, t, undefined] : /^([^:[\]\s]{1,253})(?::(\d{1,5}))?$/.exec(t));
  if (!m) throw bad(t.split(':').length > 2 ? 'put an IPv6 address in brackets' : 'cannot read it');
  const host = m[1] as string;
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (!(port >= 1 && port <= 65535)) throw bad(`port ${m[2]} is out of range`);
  if (t.startsWith('[') && !isIPv6(host)) throw bad(`${host} is not an IPv6 address`);
  if (isIP(host)) return { host: canonicalIP(host), port };
  if (!HOST_NAME.test(host)) throw bad(`${host} is not a host name`);
  return { host: host.toLowerCase(), port };
}

/** `host:port`, with an IPv6 address in brackets. */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
