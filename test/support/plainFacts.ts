// CertificateFacts as plain objects, for checks that need no real certificate.
import type { CertificateFacts } from '../../src/core/certificate/facts.js';

export function plainFacts(over: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    index: 0,
    origin: null,
    subject: 'CN=etcd',
    issuer: 'CN=Test CA',
    commonName: 'etcd',
    serial: '01',
    sans: { dns: ['etcd0-0.etcd', 'etcd1-0.etcd'], ip: ['127.0.0.1'], uri: [], email: [] },
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2027-01-01T00:00:00.000Z',
    secondsLeft: 180 * 86400,
    validity: 'valid',
    sha256: 'AA:BB',
    publicKey: { type: 'EC', bits: 256, curve: 'P-256' },
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extendedKeyUsage: ['serverAuth', 'clientAuth'],
    basicConstraints: { ca: false, pathLength: null },
    subjectKeyId: 'aa',
    authorityKeyId: 'ca',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    selfIssued: false,
    caIssuers: [],
    ingressDefault: null,
    ...over,
  };
}
