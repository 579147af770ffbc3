// The probe allow-list: what TLSDOC_PROBE_ALLOW lets tlsdoc dial on its own initiative.
import { describe, expect, test } from '@jest/globals';
import { inRange, ipNumber, parseRange } from '../../src/core/policy/addressRange.js';
import { decideProbe, parseProbeAllowList } from '../../src/core/policy/probeAllowList.js';

const list = parseProbeAllowList('127.0.0.0/8:*, *.example.com:443 [fd00::/8]:8443-8448 10.0.0.5 db.internal:5432');

describe('address ranges', () => {
  test('IPv4, IPv6 and IPv4-mapped IPv6 addresses', () => {
    const r = (range: string, ip: string) => inRange(parseRange(range)!, ipNumber(ip)!);
    expect(r('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(r('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(r('10.0.0.0/8', '::ffff:10.1.2.3')).toBe(true);
    expect(r('fd00::/8', 'fd12:3456::1')).toBe(true);
    expect(r('fd00::/8', 'fe80::1')).toBe(false);
    expect(r('::1', '0:0:0:0:0:0:0:1')).toBe(true);
    expect(r('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(parseRange('10.0.0.0/33')).toBeNull();
    expect(ipNumber('example.com')).toBeNull();
  });
});

describe('TLSDOC_PROBE_ALLOW', () => {
  test('entries: ranges, wildcards, names, single addresses, port ranges', () => {
    expect(list.entries.map((e) => [e.hosts.kind, e.ports])).toEqual([
      ['range', null],
      ['name', { from: 443, to: 443 }],
      ['range', { from: 8443, to: 8448 }],
      ['range', null],
      ['name', { from: 5432, to: 5432 }],
    ]);
    expect(parseProbeAllowList('')).toEqual({ entries: [] });
    expect(parseProbeAllowList(undefined)).toEqual({ entries: [] });
  });

  test.each(['10.0.0.0/40', 'exa%mple', 'host:0', 'host:9-1', '[::1', 'bad_name:443', '[fd00::/8]:x'])('"%s" is refused with a message naming the entry', (text) => {
    expect(() => parseProbeAllowList(text)).toThrow(expect.objectContaining({ code: 'PROBE_POLICY_INVALID', message: expect.stringContaining('TLSDOC_PROBE_ALLOW entry') }));
  });

  test('decisions on addresses and names', () => {
    expect(decideProbe(list, { host: null, ip: '127.0.0.1', port: 9 })).toMatchObject({ allowed: true, dial: '127.0.0.1', entry: '127.0.0.0/8:*' });
    expect(decideProbe(list, { host: 'api.example.com', ip: null, port: 443 })).toMatchObject({ allowed: true, dial: 'api.example.com', sni: 'api.example.com' });
    expect(decideProbe(list, { host: 'a.b.example.com', ip: null, port: 443 })).toMatchObject({ allowed: true });
    expect(decideProbe(list, { host: 'example.com', ip: null, port: 443 })).toMatchObject({ allowed: false, resolve: 'example.com' });
    expect(decideProbe(list, { host: 'api.example.com', ip: null, port: 8443 })).toMatchObject({ allowed: false });
    expect(decideProbe(list, { host: null, ip: 'fd00::7', port: 8444 })).toMatchObject({ allowed: true });
    expect(decideProbe(list, { host: null, ip: '10.0.0.6', port: 443 })).toMatchObject({ allowed: false, resolve: null });
  });

  test('a pasted address next to an allowed name is not dialled; the name is', () => {
    expect(decideProbe(list, { host: 'api.example.com', ip: '169.254.169.254', port: 443 })).toEqual({ allowed: true, dial: 'api.example.com', sni: 'api.example.com', entry: '*.example.com:443' });
  });

  test('a name outside the names must resolve into the ranges only, and is then dialled by address', () => {
    const t = { host: 'localhost', ip: null, port: 8443 };
    expect(decideProbe(list, t, ['127.0.0.1'])).toEqual({ allowed: true, dial: '127.0.0.1', sni: 'localhost', entry: '127.0.0.0/8:*' });
    expect(decideProbe(list, t, ['127.0.0.1', '192.168.1.1'])).toMatchObject({ allowed: false, reason: 'localhost resolves to 127.0.0.1, 192.168.1.1, not all of which TLSDOC_PROBE_ALLOW allows on port 8443' });
    expect(decideProbe(list, t, [])).toMatchObject({ allowed: false, reason: 'localhost does not resolve' });
    expect(decideProbe(parseProbeAllowList(''), { host: null, ip: '127.0.0.1', port: 443 })).toMatchObject({ allowed: false });
  });
});
