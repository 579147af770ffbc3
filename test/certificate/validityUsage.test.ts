// Validity and key-usage checks with plain facts.
import { describe, expect, test } from '@jest/globals';
import { keyUsageFindings } from '../../src/core/certificate/keyUsage.js';
import { duration, validityFindings } from '../../src/core/certificate/validity.js';
import { plainFacts } from '../support/plainFacts.js';

describe('validityFindings', () => {
  test('expired, not yet valid, and expiring soon', () => {
    const expired = plainFacts({ notAfter: '2026-03-01T00:00:00.000Z', secondsLeft: -3 * 86400, validity: 'expired' });
    const early = plainFacts({ index: 1, commonName: 'Test CA', notBefore: '2026-06-01T12:00:00.000Z', notAfter: '2027-06-01T12:00:00.000Z', secondsLeft: 365 * 86400 + 5 * 3600, validity: 'not-yet-valid' });
    const soon = plainFacts({ index: 2, commonName: 'soon', secondsLeft: 2 * 86400 });
    const [a, b, c, ...rest] = validityFindings([expired, early, soon, plainFacts({ index: 3 })]);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ category: 'expired', severity: 'error', message: 'certificate 0 (CN=etcd) expired on 2026-03-01 (3 days ago); renew it so notAfter is in the future and deploy it.' });
    expect(b).toMatchObject({ category: 'not-yet-valid', severity: 'error' });
    expect(b?.message).toBe('certificate 1 (CN=Test CA) is not valid before 2026-06-01T12:00:00.000Z (5 hours from now); fix the clock of the issuer or the client, or reissue it with notBefore at or before 2026-06-01T07:00:00.000Z.');
    expect(c).toMatchObject({ category: 'expired', severity: 'warning', message: 'certificate 2 (CN=soon) expires on 2027-01-01 (in 2 days); renew it before then.' });
  });

  test('duration picks the largest whole unit', () => {
    expect([duration(59), duration(60), duration(7200), duration(86400 * 3 + 5)]).toEqual(['59 seconds', '1 minute', '2 hours', '3 days']);
  });
});

describe('keyUsageFindings', () => {
  const ca = plainFacts({ index: 1, subject: 'CN=Test CA', commonName: 'Test CA', basicConstraints: { ca: true, pathLength: 0 }, keyUsage: ['keyCertSign', 'cRLSign'], extendedKeyUsage: null });

  test('a client-only certificate served as a server certificate, and the reverse', () => {
    const clientOnly = plainFacts({ extendedKeyUsage: ['clientAuth'] });
    const [f] = keyUsageFindings([clientOnly, ca], 'server');
    expect(f).toMatchObject({ category: 'bad-key-usage', severity: 'error', message: 'certificate 0 (CN=etcd) has ExtendedKeyUsage clientAuth but not serverAuth, so it cannot be used as a TLS server certificate; add extendedKeyUsage serverAuth.' });
    expect(f?.fix).toContain("extendedKeyUsage=serverAuth");
    expect(keyUsageFindings([plainFacts({ extendedKeyUsage: ['serverAuth'] }), ca], 'client')[0]?.message).toContain('add extendedKeyUsage clientAuth');
    expect(keyUsageFindings([plainFacts({ extendedKeyUsage: null }), ca], 'client')).toEqual([]);
    expect(keyUsageFindings([plainFacts({ extendedKeyUsage: ['anyExtendedKeyUsage'] }), ca], 'server')).toEqual([]);
  });

  test('a leaf KeyUsage without any handshake usage', () => {
    expect(keyUsageFindings([plainFacts({ keyUsage: ['keyCertSign'] }), ca], 'server')[0]?.message).toContain('allows no TLS handshake signature; add keyUsage digitalSignature');
  });

  test('issuers must be CAs that may sign, within their path length, not excluding the usage', () => {
    const notCa = plainFacts({ index: 1, commonName: 'impostor', basicConstraints: { ca: false, pathLength: null } });
    expect(keyUsageFindings([plainFacts(), notCa], 'server')[0]?.message).toBe('certificate 1 (CN=impostor) signed certificate 0 (CN=etcd) but is not a CA (no BasicConstraints CA:TRUE); reissue it with basicConstraints=critical,CA:TRUE.');
    const noCertSign = { ...ca, keyUsage: ['digitalSignature'] };
    expect(keyUsageFindings([plainFacts(), noCertSign], 'server')[0]?.message).toContain('lacks keyCertSign');
    const second = plainFacts({ index: 2, commonName: 'Root', basicConstraints: { ca: true, pathLength: 0 }, keyUsage: null, extendedKeyUsage: null });
    expect(keyUsageFindings([plainFacts(), { ...ca, basicConstraints: { ca: true, pathLength: null } }, second], 'server')[0]?.message).toBe('certificate 2 (CN=Root) allows 0 intermediate CA(s) below it (pathlen) but 1 follow it; reissue it with pathlen:1.');
    const narrow = { ...ca, extendedKeyUsage: ['clientAuth'] };
    expect(keyUsageFindings([plainFacts(), narrow], 'server')[0]?.message).toContain('excludes serverAuth');
    expect(keyUsageFindings([plainFacts(), ca], 'server')).toEqual([]);
  });
});
