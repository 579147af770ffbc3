// RFC 6125 coverage with plain facts: wildcards only as the whole left-most label and one
// level deep, addresses only against IP SANs (IPv6 normalised), never the Common Name.
import { describe, expect, test } from '@jest/globals';
import { coverageFindings, dialledName, dnsNameMatches } from '../../src/core/certificate/hostCoverage.js';
import { plainFacts } from '../support/plainFacts.js';

describe('dnsNameMatches', () => {
  test.each([
    ['etcd0-0.etcd', 'etcd0-0.etcd', true],
    ['ETCD0-0.Etcd', 'etcd0-0.etcd.', true],
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['*.com', 'example.com', false],
    ['api*.example.com', 'api1.example.com', false],
    ['a.*.example.com', 'a.b.example.com', false],
    ['*', 'localhost', false],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(dnsNameMatches(pattern, host)).toBe(expected);
  });
});

describe('coverageFindings', () => {
  test('a missing IP SAN names the address to add', () => {
    const [f, ...rest] = coverageFindings(plainFacts(), dialledName('10.186.44.42'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ category: 'ip-san-missing', severity: 'error', certificate: { index: 0, subject: 'CN=etcd' } });
    expect(f?.message).toBe('certificate 0 (CN=etcd) is valid for IP 127.0.0.1, not 10.186.44.42; add IP SAN 10.186.44.42.');
    expect(f?.fix).toContain('subjectAltName=DNS:etcd0-0.etcd,DNS:etcd1-0.etcd,IP:127.0.0.1,IP:10.186.44.42');
    expect(f?.fix).toContain('spec.ipAddresses');
  });

  test('no IP SANs at all, and an address written as a DNS SAN, are said so', () => {
    const f = coverageFindings(plainFacts({ sans: { dns: ['web', '10.0.0.5'], ip: [], uri: [], email: [] } }), dialledName('10.0.0.5'))[0];
    expect(f?.message).toBe('certificate 0 (CN=etcd) has no IP SANs (only DNS names web, 10.0.0.5), so clients that dial 10.0.0.5 reject it (10.0.0.5 is listed as a DNS name, which clients never compare with an address); add IP SAN 10.0.0.5.');
  });

  test('IPv6 addresses compare as addresses, brackets and zero runs notwithstanding', () => {
    const facts = plainFacts({ sans: { dns: [], ip: ['2001:db8::1'], uri: [], email: [] } });
    expect(coverageFindings(facts, dialledName('[2001:0DB8:0:0:0:0:0:1]'))).toEqual([]);
    expect(coverageFindings(facts, dialledName('2001:db8::2'))[0]?.message).toContain('add IP SAN 2001:db8::2');
  });

  test('a host the SANs do not cover; the Common Name does not count', () => {
    const f = coverageFindings(plainFacts({ commonName: 'etcd2-0.etcd' }), dialledName('etcd2-0.etcd'))[0];
    expect(f?.category).toBe('host-mismatch');
    expect(f?.message).toBe('certificate 0 (CN=etcd2-0.etcd) is valid for etcd0-0.etcd, etcd1-0.etcd, not etcd2-0.etcd (its Common Name matches, but clients ignore it when SANs are present); add DNS SAN etcd2-0.etcd.');
  });

  test('a wildcard one level too shallow', () => {
    const f = coverageFindings(plainFacts({ sans: { dns: ['*.example.com'], ip: [], uri: [], email: [] } }), dialledName('a.b.example.com'))[0];
    expect(f).toMatchObject({ category: 'host-mismatch' });
    expect(f?.message).toBe("certificate 0 (CN=etcd)'s wildcard *.example.com covers exactly one label (x.example.com), not a.b.example.com; add DNS SAN a.b.example.com (or *.b.example.com).");
  });

  test('a certificate without SAN extension is legacy-cn-only, whether or not its CN matches', () => {
    const cnOnly = plainFacts({ sans: null, commonName: 'legacy.example.com' });
    const f = coverageFindings(cnOnly, dialledName('legacy.example.com'))[0];
    expect(f).toMatchObject({ category: 'legacy-cn-only', severity: 'error' });
    expect(f?.message).toBe('certificate 0 (CN=legacy.example.com) has no subjectAltName extension, so clients ignore its Common Name "legacy.example.com"; add DNS SAN legacy.example.com.');
    expect(coverageFindings(cnOnly, null)[0]).toMatchObject({ category: 'legacy-cn-only', severity: 'warning' });
    expect(coverageFindings(plainFacts({ sans: null, basicConstraints: { ca: true, pathLength: null } }), null)).toEqual([]);
  });

  test('covered names give nothing', () => {
    expect(coverageFindings(plainFacts(), dialledName('etcd1-0.etcd'))).toEqual([]);
    expect(coverageFindings(plainFacts(), dialledName('127.0.0.1'))).toEqual([]);
    expect(coverageFindings(plainFacts(), null)).toEqual([]);
  });
});
