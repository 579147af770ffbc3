// Does the leaf cover the name or address the client dialled? RFC 6125 rules: DNS names
// compared case-insensitively, a wildcard only as the whole left-most label and one label
// deep, IP addresses only against IP SANs (IPv6 normalised), and never the Common Name.
import { canonicalIP, isIP } from '../entities/addresses.js';
import { certificateLabel, type CertificateFacts } from './facts.js';
import { finding, type Finding } from './finding.js';
import { sanFix } from './fixCommands.js';

/** What the client dialled and verified: a DNS name, or an address. */
export type DialledName = { kind: 'dns'; name: string } | { kind: 'ip'; address: string };

export function dialledName(value: string): DialledName {
  const v = value.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return isIP(v) ? { kind: 'ip', address: canonicalIP(v) } : { kind: 'dns', name: v.toLowerCase().replace(/\.$/, '') };
}

/** RFC 6125 §6.4.3 matching of one dNSName SAN against a host name. */
export function dnsNameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.includes('*')) return p === h;
  if (!p.startsWith('*.') || p.indexOf('*', 1) >= 0) return false; // partial or embedded wildcards never match
  const rest = p.slice(2);
  if (!rest.includes('.')) return false; // `*.com` covers nothing
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === rest;
}

export function coversName(f: CertificateFacts, dialled: DialledName): boolean {
  if (!f.sans) return false;
  if (dialled.kind === 'ip') return f.sans.ip.includes(dialled.address);
  return f.sans.dns.some((p) => dnsNameMatches(p, dialled.name));
}

const list = (names: string[]) => (names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', '));

/** Findings about whether `leaf` covers `dialled` (or, without one, whether it relies on its CN). */
export function coverageFindings(leaf: CertificateFacts, dialled: DialledName | null): Finding[] {
  const label = certificateLabel(leaf);
  const value = dialled ? (dialled.kind === 'ip' ? dialled.address : dialled.name) : (leaf.commonName ?? '');
  const add = dialled?.kind === 'ip' ? { ip: [value] } : { dns: [value] };
  if (!leaf.sans) {
    if (!dialled && (leaf.basicConstraints?.ca || !leaf.commonName)) return [];
    const cn = leaf.commonName !== null ? `its Common Name "${leaf.commonName}"` : 'its subject';
    return [
      finding('legacy-cn-only', dialled ? 'error' : 'warning', leaf, `${label} has no subjectAltName extension, so clients ignore ${cn}; add ${dialled?.kind === 'ip' ? 'IP' : 'DNS'} SAN ${value}.`, sanFix(leaf, add)),
    ];
  }
  if (!dialled || coversName(leaf, dialled)) return [];
  const sans = leaf.sans;
  if (dialled.kind === 'ip') {
    const asDns = sans.dns.includes(value) ? ` (${value} is listed as a DNS name, which clients never compare with an address)` : '';
    const what = sans.ip.length ? `is valid for IP ${list(sans.ip)}, not ${value}` : `has no IP SANs${sans.dns.length ? ` (only DNS names ${list(sans.dns)})` : ''}, so clients that dial ${value} reject it`;
    return [finding('ip-san-missing', 'error', leaf, `${label} ${what}${asDns}; add IP SAN ${value}.`, sanFix(leaf, add))];
  }
  const host = value;
  const deeper = sans.dns.find((p) => p.startsWith('*.') && host.endsWith(`.${p.slice(2)}`) && host.split('.').length > p.split('.').length);
  if (deeper) {
    const parent = `*.${host.slice(host.indexOf('.') + 1)}`;
    return [
      finding('host-mismatch', 'error', leaf, `${label}'s wildcard ${deeper} covers exactly one label (x.${deeper.slice(2)}), not ${host}; add DNS SAN ${host} (or ${parent}).`, sanFix(leaf, { dns: [host] })),
    ];
  }
  const cnNote = leaf.commonName?.toLowerCase() === host ? ' (its Common Name matches, but clients ignore it when SANs are present)' : '';
  const what = sans.dns.length ? `is valid for ${list(sans.dns)}, not ${host}` : `has no DNS SANs${sans.ip.length ? ` (only IP ${list(sans.ip)})` : ''}, so it cannot be verified for ${host}`;
  return [finding('host-mismatch', 'error', leaf, `${label} ${what}${cnNote}; add DNS SAN ${host}.`, sanFix(leaf, add))];
}
