// The facts of one certificate, checked against what node:crypto and the generator say.
import { describe, expect, test } from '@jest/globals';
import { X509Certificate as NodeCertificate } from 'node:crypto';
import { certificateFacts, certificateLabel, summariseCertificate } from '../../src/core/certificate/facts.js';
import { parseCertificates } from '../../src/core/certificate/parse.js';
import { issue } from '../support/pki.js';

const DAY = 86400;

describe('certificateFacts', () => {
  test('names, SANs of every kind (IPv6 normalised), validity relative to now, fingerprint, key, usages, identifiers', async () => {
    const ca = await issue({ name: 'CN=Test CA', ca: true, pathLength: 1 });
    const leaf = await issue({ name: 'CN=api, O=Acme', issuer: ca, dns: ['api.example.com', '*.api.example.com'], ips: ['10.0.0.5', '2001:0db8:0:0::1'], eku: ['serverAuth'], notBefore: -10, notAfter: 20 });
    const now = new Date();
    const f = certificateFacts(parseCertificates(leaf.pem).certificates[0]!, 0, now);
    expect(f).toMatchObject({ index: 0, subject: 'CN=api, O=Acme', issuer: 'CN=Test CA', commonName: 'api', validity: 'valid', selfIssued: false, ingressDefault: null });
    expect(f.sans).toEqual({ dns: ['api.example.com', '*.api.example.com'], ip: ['10.0.0.5', '2001:db8::1'], uri: [], email: [] });
    expect(f.secondsLeft).toBeGreaterThan(20 * DAY - 120);
    expect(f.secondsLeft).toBeLessThanOrEqual(20 * DAY);
    expect(f.sha256).toBe(new NodeCertificate(leaf.der).fingerprint256);
    expect(f.publicKey).toEqual({ type: 'EC', bits: 256, curve: 'P-256' });
    expect(f.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(f.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(f.extendedKeyUsage).toEqual(['serverAuth']);
    expect(f.basicConstraints).toEqual({ ca: false, pathLength: null });
    const caFacts = certificateFacts(parseCertificates(ca.pem).certificates[0]!, 1, now);
    expect(caFacts.basicConstraints).toEqual({ ca: true, pathLength: 1 });
    expect(f.authorityKeyId).toBe(caFacts.subjectKeyId);
    expect(caFacts.selfIssued).toBe(true);
    expect(f.serial).toMatch(/^[0-9a-f]+$/);
    expect(certificateLabel(f)).toBe('certificate 0 (CN=api)');
    expect(summariseCertificate(f)).toMatch(/^CN=api \(SANs DNS:api\.example\.com, DNS:\*\.api\.example\.com, IP:10\.0\.0\.5, IP:2001:db8::1; valid until \d{4}-\d\d-\d\d; issued by CN=Test CA\)$/);
  });

  test('RSA key size and signature; expired and not-yet-valid against the given now', async () => {
    const rsa = await issue({ name: 'CN=rsa', rsa: true, dns: ['rsa'] });
    const f = certificateFacts(parseCertificates(rsa.pem).certificates[0]!, 0, new Date());
    expect(f.publicKey).toEqual({ type: 'RSA', bits: 2048, curve: null });
    expect(f.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    const parsed = parseCertificates(rsa.pem).certificates[0]!;
    expect(certificateFacts(parsed, 0, new Date(Date.now() + 400 * DAY * 1000)).validity).toBe('expired');
    expect(certificateFacts(parsed, 0, new Date(Date.now() - 30 * DAY * 1000)).validity).toBe('not-yet-valid');
  });

  test("ingress controllers' default certificates are recognised; a certificate without SAN extension says so", async () => {
    const fake = await issue({ name: 'CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co', dns: ['ingress.local'] });
    const traefik = await issue({ name: 'CN=TRAEFIK DEFAULT CERT', noSan: true });
    const now = new Date();
    expect(certificateFacts(parseCertificates(fake.pem).certificates[0]!, 0, now).ingressDefault).toBe('ingress-nginx');
    const t = certificateFacts(parseCertificates(traefik.pem).certificates[0]!, 0, now);
    expect(t.ingressDefault).toBe('Traefik');
    expect(t.sans).toBeNull();
  });

  test('control characters in certificate text cannot reach the terminal', async () => {
    const evil = await issue({ name: 'CN=evil', dns: ['a\u001b[31mred'] });
    const f = certificateFacts(parseCertificates(evil.pem).certificates[0]!, 0, new Date());
    expect(f.sans?.dns[0]).toBe('a?[31mred');
  });
});
