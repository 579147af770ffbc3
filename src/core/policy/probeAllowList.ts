// Which endpoints tlsdoc may dial on its own initiative (from a pasted log, or Slack):
// an allow-list of host names, wildcards and CIDR ranges with ports, from
// TLSDOC_PROBE_ALLOW, e.g. `127.0.0.0/8:*, *.example.com:443, [fd00::/8]:8443-8448`.
// A name entry never authorises an address the paste names: an address must be in a
// range itself, and a name outside the name entries must resolve into the ranges only.
import { TlsdocError } from '../errors.js';
import { HOST_NAME } from '../probe/endpointAddress.js';
import { inRange, ipNumber, parseRange, type AddressRange } from './addressRange.js';

export interface AllowEntry {
  /** The entry as written, for messages. */
  text: string;
  hosts: { kind: 'range'; range: AddressRange } | { kind: 'name'; name: string } | { kind: 'any' };
  /** Inclusive; null: any port. */
  ports: { from: number; to: number } | null;
}

export interface ProbeAllowList {
  entries: AllowEntry[];
}

export function parseProbeAllowList(text: string | undefined): ProbeAllowList {
  const items = (text ?? '').split(/[\s,]+/).filter(Boolean);
  return { entries: items.map(parseEntry) };
}

function parseEntry(text: string): AllowEntry {
  const bad = (why: string) => new TlsdocError('PROBE_POLICY_INVALID', `TLSDOC_PROBE_ALLOW entry "${text}": ${why} (expected HOST[:PORTS] with HOST a name, *.domain, an address, a CIDR range or [IPv6/len], and PORTS *, 443 or 8000-8999)`);
  const m = /^(\[[^\]]{2,60}\](?:\/\d{1,3})?|[^:[\]]+)(?::(.+))?$/.exec(text);
  if (!m) throw bad('cannot read it');
  const hostText = (m[1] as string).replace(/^\[([^\]]+)\](\/\d+)?$/, '$1$2');
  let hosts: AllowEntry['hosts'];
  if (hostText === '*') hosts = { kind: 'any' };
  else if (/^[0-9.]+(\/\d+)?$/.test(hostText) || hostText.includes(':')) {
    const range = parseRange(hostText);
    if (!range) throw bad('not an address or CIDR range');
    hosts = { kind: 'range', range };
  } else if (HOST_NAME.test(hostText.replace(/^\*\./, ''))) hosts = { kind: 'name', name: hostText.toLowerCase().replace(/\.$/, '') };
  else throw bad('not a host name');
  return { text, hosts, ports: parsePorts(m[2], bad) };
}

function parsePorts(text: string | undefined, bad: (why: string) => Error): AllowEntry['ports'] {
  if (text === undefined || text === '*') return null;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  const from = Number(m?.[1]);
  const to = m?.[2] !== undefined ? Number(m[2]) : from;
  if (!m || from < 1 || to > 65535 || to < from) throw bad(`"${text}" is not a port or port range`);
  return { from, to };
}

const portAllowed = (e: AllowEntry, port: number) => e.ports === null || (port >= e.ports.from && port <= e.ports.to);

function nameAllowed(e: AllowEntry, host: string): boolean {
  if (e.hosts.kind === 'any') return true;
  if (e.hosts.kind !== 'name') return false;
  const name = e.hosts.name;
  return name.startsWith('*.') ? host.endsWith(name.slice(1)) : host === name;
}

function addressAllowed(e: AllowEntry, ip: string): boolean {
  if (e.hosts.kind === 'any') return true;
  const n = ipNumber(ip);
  return e.hosts.kind === 'range' && n !== null && inRange(e.hosts.range, n);
}

export interface ProbeTarget {
  host: string | null;
  ip: string | null;
  port: number;
}

export type ProbeDecision =
  | { allowed: true; dial: string; sni: string | null; entry: string }
  /** `resolve`: a name no entry allows by name, allowed only if every address it resolves to is in a range. */
  | { allowed: false; resolve: string | null; reason: string };

/**
 * May tlsdoc dial this target? `resolved`: the addresses the host name resolves to, once
 * the caller has looked them up (when an earlier decision asked for it).
 */
export function decideProbe(list: ProbeAllowList, t: ProbeTarget, resolved?: string[]): ProbeDecision {
  const host = t.host?.toLowerCase().replace(/\.$/, '') ?? null; // also the SNI to send
  if (t.ip) {
    const byAddress = list.entries.find((e) => portAllowed(e, t.port) && addressAllowed(e, t.ip as string));
    if (byAddress) return { allowed: true, dial: t.ip, sni: host, entry: byAddress.text };
  }
  if (host) {
    const byName = list.entries.find((e) => portAllowed(e, t.port) && nameAllowed(e, host));
    if (byName) return { allowed: true, dial: host, sni: host, entry: byName.text }; // dialled by name, never the pasted address
    if (resolved === undefined) return { allowed: false, resolve: host, reason: `${host} is not in TLSDOC_PROBE_ALLOW by name` };
    const entries = resolved.map((a) => list.entries.find((e) => portAllowed(e, t.port) && addressAllowed(e, a)));
    if (resolved.length && entries.every(Boolean)) return { allowed: true, dial: resolved[0] as string, sni: host, entry: (entries[0] as AllowEntry).text };
    return { allowed: false, resolve: null, reason: resolved.length ? `${host} resolves to ${resolved.join(', ')}, not all of which TLSDOC_PROBE_ALLOW allows on port ${t.port}` : `${host} does not resolve` };
  }
  return { allowed: false, resolve: null, reason: `${t.ip ?? 'the target'} port ${t.port} is not in TLSDOC_PROBE_ALLOW` };
}
