// Finding certificates in what users have: PEM bundles with text around them, CRLF, DER,
// Secrets (base64 of PEM), JSON-escaped PEM; and refusing clearly what holds none.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { parseCertificates } from '../../src/core/certificate/parse.js';
import { TlsdocError } from '../../src/core/errors.js';
import { issue, threeLevelChain, type Issued } from '../support/pki.js';

let leaf: Issued;
let intermediate: Issued;
let root: Issued;
beforeAll(async () => {
  ({ leaf, intermediate, root } = await threeLevelChain({ name: 'CN=etcd', dns: ['etcd0'] }));
});

const subjects = (input: string | Uint8Array) => parseCertificates(input).certificates.map((c) => c.x509.subject);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as TlsdocError).code;
  }
  return 'no error';
};

describe('parseCertificates', () => {
  test('a PEM bundle with text around the blocks and CRLF line ends, in order', () => {
    const text = `subject=CN = etcd\r\n${leaf.pem.replace(/\n/g, '\r\n')}issuer: the intermediate\r\n${intermediate.pem.replace(/\n/g, '\r\n')}trailing words`;
    expect(subjects(text)).toEqual(['CN=etcd', 'CN=tlsdoc Test Issuing CA 1, O=tlsdoc']);
  });

  test('DER, one certificate or several concatenated', () => {
    expect(subjects(leaf.der)).toEqual(['CN=etcd']);
    expect(subjects(Buffer.concat([leaf.der, root.der]))).toEqual(['CN=etcd', 'CN=tlsdoc Test Root CA, O=tlsdoc']);
  });

  test("a Secret as kubectl prints it: base64 of PEM per key, the key's name kept, tls.key never decoded as a certificate", () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const yaml = `apiVersion: v1\ndata:\n  ca.crt: ${b64(root.pem)}\n  tls.crt: ${b64(leaf.pem + intermediate.pem)}\n  tls.key: ${b64(leaf.keyPem)}\nkind: Secret\ntype: kubernetes.io/tls\n`;
    const parsed = parseCertificates(yaml).certificates;
    expect(parsed.map((c) => [c.origin, c.x509.subject])).toEqual([
      ['ca.crt', 'CN=tlsdoc Test Root CA, O=tlsdoc'],
      ['tls.crt', 'CN=etcd'],
      ['tls.crt', 'CN=tlsdoc Test Issuing CA 1, O=tlsdoc'],
    ]);
    const json = JSON.stringify({ data: { 'tls.crt': b64(leaf.pem) } });
    expect(parseCertificates(json).certificates[0]?.origin).toBe('tls.crt');
    expect(subjects(b64(leaf.pem))).toEqual(['CN=etcd']);
  });

  test('PEM inside a JSON string (\\n escapes) and bare base64 DER', () => {
    expect(subjects(JSON.stringify({ cert: leaf.pem }))).toEqual(['CN=etcd']);
    expect(subjects(Buffer.from(leaf.der).toString('base64'))).toEqual(['CN=etcd']);
  });

  test('a damaged block among good ones is skipped with a reason that does not quote it', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nTUlJQm9n\n-----END CERTIFICATE-----\n';
    const r = parseCertificates(leaf.pem + broken + intermediate.pem, 'bundle.pem');
    expect(r.certificates).toHaveLength(2);
    expect(r.skipped).toEqual([expect.stringMatching(/^PEM block 1 in bundle\.pem is not a valid X\.509 certificate/)]);
    expect(r.skipped[0]).not.toContain('TUlJQm9n');
  });

  test('nothing certificate-like: CERTIFICATE_NOT_FOUND; only damaged ones: CERTIFICATE_INVALID; a private key alone is not a certificate', () => {
    expect(codeOf(() => parseCertificates('hello world'))).toBe('CERTIFICATE_NOT_FOUND');
    expect(codeOf(() => parseCertificates(leaf.keyPem))).toBe('CERTIFICATE_NOT_FOUND');
    expect(codeOf(() => parseCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBe('CERTIFICATE_INVALID');
    expect(codeOf(() => parseCertificates(`-----BEGIN CERTIFICATE-----\n${'A'.repeat(100)}`))).toBe('CERTIFICATE_INVALID');
  });

  test('many unterminated BEGIN lines stay linear', () => {
    const junk = '-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(20000);
    const t = performance.now();
    expect(codeOf(() => parseCertificates(junk))).toBe('CERTIFICATE_INVALID');
    expect(performance.now() - t).toBeLessThan(2000);
  });

  test('certificates from other issuers stay apart from the chain order', async () => {
    const other = await issue({ name: 'CN=other', dns: ['other'] });
    expect(subjects(other.pem + leaf.pem)).toEqual(['CN=other', 'CN=etcd']);
  });
});
