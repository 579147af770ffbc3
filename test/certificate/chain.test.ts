// Chain order, completeness and trust with real certificates: what is missing decides
// between incomplete-chain (the server's fault) and unknown-ca (the client's bundle).
import { beforeAll, describe, expect, test } from '@jest/globals';
import { analyseCertificates } from '../../src/core/certificate/analyse.js';
import { parseCertificates } from '../../src/core/certificate/parse.js';
import { trustStoreOf } from '../../src/core/certificate/trustStore.js';
import { issue, threeLevelChain, type Issued } from '../support/pki.js';

let root: Issued;
let intermediate: Issued;
let leaf: Issued;
beforeAll(async () => {
  ({ root, intermediate, leaf } = await threeLevelChain({ name: 'CN=api.example.com', dns: ['api.example.com'] }));
});

const certs = (...issued: Issued[]) => parseCertificates(issued.map((i) => i.pem).join('')).certificates;
const trust = (...issued: Issued[]) => trustStoreOf(certs(...issued), 'the CA bundle ca.pem');
const analyse = (presented: Issued[], anchors: Issued[] | null, host = 'api.example.com') =>
  analyseCertificates({ certificates: certs(...presented), host, caBundle: anchors ? trust(...anchors) : null, now: new Date() });
const categories = (a: ReturnType<typeof analyse>) => a.findings.map((f) => `${f.severity} ${f.category}`);

describe('chain analysis', () => {
  test('leaf and intermediate, root in the bundle: complete and trusted, no findings', () => {
    const a = analyse([leaf, intermediate], [root]);
    expect(a.findings).toEqual([]);
    expect(a.chain).toEqual({ path: [0, 1], anchor: { subject: 'CN=tlsdoc Test Root CA, O=tlsdoc', source: 'trust' }, trusted: true });
  });

  test('the leaf without its intermediate: incomplete-chain, naming the missing issuer', () => {
    const a = analyse([leaf], [root]);
    expect(categories(a)).toEqual(['error incomplete-chain']);
    expect(a.findings[0]?.message).toBe('certificate 0 (CN=api.example.com) was issued by CN=tlsdoc Test Issuing CA 1, O=tlsdoc, which the server does not send and the CA bundle ca.pem does not hold; serve the full chain: the leaf, then CN=tlsdoc Test Issuing CA 1, O=tlsdoc.');
    expect(a.chain.trusted).toBe(false);
  });

  test('a public-CA style leaf (AIA caIssuers) without its intermediate says where the issuer is published', async () => {
    const published = await issue({ name: 'CN=www.example.com', dns: ['www.example.com'], issuer: intermediate, caIssuers: 'http://ca.example.com/issuing1.der' });
    const a = analyse([published], [root], 'www.example.com');
    expect(categories(a)).toEqual(['error incomplete-chain']);
    expect(a.findings[0]?.message).toContain('(published at http://ca.example.com/issuing1.der)');
    expect(a.findings[0]?.fix).toContain("curl -sf http://ca.example.com/issuing1.der -o issuer.der");
  });

  test('the full chain, but the client bundle lacks the root: unknown-ca', () => {
    const other = [leaf, intermediate];
    const a = analyseCertificates({ certificates: certs(...other), host: 'api.example.com', caBundle: trustStoreOf([], 'an empty bundle'), now: new Date() });
    expect(categories(a)).toEqual(['error unknown-ca']);
    expect(a.findings[0]?.message).toBe("certificate 1 (CN=tlsdoc Test Issuing CA 1) was issued by CN=tlsdoc Test Root CA, O=tlsdoc, which is neither sent nor in an empty bundle; add the root CN=tlsdoc Test Root CA, O=tlsdoc to the client's trust bundle.");
    expect(analyse([leaf, intermediate, root], [intermediate]).chain.trusted).toBe(false);
  });

  test('a self-signed server certificate not in the bundle: unknown-ca', async () => {
    const self = await issue({ name: 'CN=self', dns: ['self.example.com'] });
    const a = analyse([self], [root], 'self.example.com');
    expect(categories(a)).toEqual(['error unknown-ca']);
    expect(a.findings[0]?.message).toMatch(/^certificate 0 \(CN=self\) is self-signed and is not in the CA bundle ca\.pem; add CN=self to the client's trust bundle/);
    expect(analyse([self], [self], 'self.example.com').findings).toEqual([]);
  });

  test('a leaf issued straight from a private root the client lacks: unknown-ca', async () => {
    const privateRoot = await issue({ name: 'CN=etcd Root CA', ca: true });
    const etcd = await issue({ name: 'CN=etcd', dns: ['etcd0'], issuer: privateRoot });
    expect(categories(analyse([etcd], [root], 'etcd0'))).toEqual(['error unknown-ca']);
  });

  test('a CA re-created with the same name: the bundle copy did not sign the chain', async () => {
    const impostor = await issue({ name: root.name, ca: true });
    const a = analyse([leaf, intermediate], [impostor]);
    expect(categories(a)).toEqual(['error unknown-ca']);
    expect(a.findings[0]?.message).toMatch(/^the CA bundle ca\.pem holds a certificate named CN=tlsdoc Test Root CA, O=tlsdoc, but it did not sign certificate 1/);
  });

  test('a served intermediate with the right name but another key', async () => {
    const wrong = await issue({ name: intermediate.name, ca: true, issuer: root });
    const a = analyse([leaf, wrong], [root]);
    expect(categories(a)).toContain('error incomplete-chain');
    expect(a.findings.find((f) => f.severity === 'error')?.message).toMatch(/^certificate 1 \(CN=tlsdoc Test Issuing CA 1\) has the name of certificate 0 \(CN=api\.example\.com\)'s issuer but did not sign it/);
  });

  test('out of order, and a certificate that does not belong', async () => {
    const stray = await issue({ name: 'CN=stray', dns: ['stray'] });
    const a = analyse([intermediate, leaf, stray], [root]);
    expect(a.leaf).toBe(1);
    expect(a.chain.path).toEqual([1, 0]);
    expect(a.findings.map((f) => f.message)).toEqual([
      'The certificates are out of order (leaf first, each followed by its issuer, they are 1, 0); serve certificate 1 (CN=api.example.com), then certificate 0 (CN=tlsdoc Test Issuing CA 1).',
      'certificate 2 (CN=stray) is not part of certificate 1 (CN=api.example.com)\'s chain; remove it from the bundle.',
    ]);
    expect(a.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  test('without a CA bundle, trust is not judged; a leaf without its issuer is a warning', () => {
    expect(analyse([leaf, intermediate], null).findings).toEqual([]);
    expect(analyse([leaf, intermediate], null).chain.trusted).toBeNull();
    expect(categories(analyse([leaf], null))).toEqual(['warning incomplete-chain']);
  });

  test('an expired intermediate is reported against that certificate', async () => {
    const old = await issue({ name: 'CN=Old Issuing CA', ca: true, issuer: root, notBefore: -400, notAfter: -2 });
    const l = await issue({ name: 'CN=api.example.com', dns: ['api.example.com'], issuer: old });
    const a = analyse([l, old], [root]);
    expect(a.findings).toEqual([expect.objectContaining({ category: 'expired', severity: 'error', certificate: { index: 1, subject: 'CN=Old Issuing CA' } })]);
  });
});
