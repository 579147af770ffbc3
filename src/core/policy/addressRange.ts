// IP addresses as numbers, and CIDR ranges over them, for the probe allow-list.
import { ipv6Groups, isIPv4, isIPv6 } from '../entities/addresses.js';

export interface IpNumber {
  version: 4 | 6;
  value: bigint;
}

export interface AddressRange {
  version: 4 | 6;
  base: bigint;
  bits: number;
}

/** The address as a number; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as IPv4. */
export function ipNumber(text: string): IpNumber | null {
  const ip = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return { version: 4, value: ip.split('.').reduce((n, o) => (n << 8n) | BigInt(o), 0n) };
  if (!isIPv6(ip)) return null;
  const value = ipv6Groups(ip).reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn };
  return { version: 6, value };
}

/** `10.0.0.0/8`, `fd00::/8`, or a single address (a /32 or /128). */
export function parseRange(text: string): AddressRange | null {
  const [addr = '', len] = text.split('/');
  const ip = ipNumber(addr);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  const bits = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(bits >= 0 && bits <= max)) return null;
  return { version: ip.version, base: (ip.value >> BigInt(max - bits)) << BigInt(max - bits), bits };
}

export function inRange(range: AddressRange, ip: IpNumber): boolean {
  if (range.version !== ip.version) return false;
  const shift = BigInt((ip.version === 4 ? 32 : 128) - range.bits);
  return ip.value >> shift === range.base >> shift;
}
