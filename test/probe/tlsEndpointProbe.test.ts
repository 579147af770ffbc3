// The probe adapter against real TLS servers on loopback, one per failure class, with
// certificates made for the case; assessEndpoint turns each into its finding.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type AddressInfo } from 'node:net';
import type { SecureContextOptions } from 'node:tls';
import { createSecureContext } from 'node:tls';
import { parseCertificates } from '../../src/core/certificate/parse.js';
import { trustStoreOf } from '../../src/core/certificate/trustStore.js';
import { assessEndpoint } from '../../src/core/probe/assessEndpoint.js';
import type { ProbeRequest } from '../../src/core/probe/port.js';
import { TlsEndpointProbe } from '../../src/probe/tlsEndpointProbe.js';
import { issue, threeLevelChain, type Issued } from '../support/pki.js';
import { startHttpServer, startOpenSslServer, startTlsServer, type RunningServer } from '../support/tlsServers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probe = new TlsEndpointProbe();
let root: Issued;
let intermediate: Issued;
let leaf: Issued;
const servers: RunningServer[] = [];
beforeAll(async () => {
  ({ root, intermediate, leaf } = await threeLevelChain({ name: 'CN=api.example.com', dns: ['api.example.com', 'localhost'], ips: ['127.0.0.1'] }));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options: SecureContextOptions & Record<string, unknown>): Promise<number> {
  const s = await startTlsServer(options);
  servers.push(s);
  return s.port;
}
const tlsOf = (cert: Issued, ...chain: Issued[]) => ({ cert: [cert, ...chain].map((c) => c.pem).join(''), key: cert.keyPem });
/** `openssl s_server` arguments serving the leaf with its intermediate, from files in a fresh directory (plus `extra` files, by name). */
function opensslServing(extra: Record<string, string> = {}): { args: string[]; path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'tlsdoc-ossl-'));
  const files: Record<string, string> = { 'cert.pem': leaf.pem, 'chain.pem': intermediate.pem, 'key.pem': leaf.keyPem, ...extra };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const path = (name: string) => join(dir, name);
  return { args: ['-cert', path('cert.pem'), '-cert_chain', path('chain.pem'), '-key', path('key.pem')], path };
}
const trust = () => trustStoreOf(parseCertificates(root.pem).certificates, 'the CA bundle');

async function check(port: number, over: Partial<ProbeRequest> = {}, verifyName?: string) {
  const request: ProbeRequest = { host: '127.0.0.1', port, sni: null, timeoutMs: 4000, ...over };
  const result = await probe.probe(request);
  return { result, assessment: assessEndpoint(result, { now: new Date(), caBundle: trust(), verifyName, minVersion: request.minVersion, maxVersion: request.maxVersion }) };
}
const errors = (a: { findings: { severity: string; category: string }[] }) => a.findings.filter((f) => f.severity === 'error').map((f) => f.category);

describe('certificate failure classes, served live', () => {
  test('a complete, trusted chain covering the address: no findings; TLS 1.3 handshake read as presented', async () => {
    const port = await serve(tlsOf(leaf, intermediate));
    const { result, assessment } = await check(port);
    expect(result.primary).toMatchObject({ outcome: 'established', protocol: 'TLSv1.3', chainSource: 'handshake', certificateRequested: false });
    expect(result.primary.chain).toHaveLength(2);
    expect(assessment.findings).toEqual([]);
    expect(assessment.chain?.trusted).toBe(true);
  });

  test.each(['TLSv1.3', 'TLSv1.2'] as const)('%s: every certificate presented is captured, even one the TLS stack would drop', async (version) => {
    const stray = await issue({ name: 'CN=stray', dns: ['stray'] });
    const port = await serve({ ...tlsOf(leaf, intermediate, stray), maxVersion: version });
    const { result, assessment } = await check(port);
    expect(result.primary).toMatchObject({ protocol: version, chainSource: 'handshake', certificateRequested: false });
    expect(result.primary.chain).toHaveLength(3);
    expect(assessment.findings.map((f) => f.message)).toEqual(["certificate 2 (CN=stray) is not part of certificate 0 (CN=api.example.com)'s chain; remove it from the bundle."]);
  });

  test('missing IP SAN: the address dialled is named', async () => {
    const noIp = await issue({ name: 'CN=etcd', dns: ['etcd0'], issuer: intermediate });
    const { assessment } = await check(await serve(tlsOf(noIp, intermediate)));
    expect(errors(assessment)).toEqual(['ip-san-missing']);
    expect(assessment.findings[0]?.message).toContain('add IP SAN 127.0.0.1');
  });

  test('host mismatch and wildcard depth, for the name sent as SNI', async () => {
    const other = await issue({ name: 'CN=other', dns: ['other.example.com', '*.example.com'], issuer: intermediate });
    const port = await serve(tlsOf(other, intermediate));
    expect(errors((await check(port, { sni: 'api.example.org' })).assessment)).toEqual(['host-mismatch']);
    const deep = (await check(port, { sni: 'a.b.example.com' })).assessment;
    expect(errors(deep)).toEqual(['host-mismatch']);
    expect(deep.findings[0]?.message).toContain('covers exactly one label');
    expect((await check(port, { sni: 'b.example.com' })).assessment.findings).toEqual([]);
  });

  test('CN-only, expired, not yet valid, bad EKU', async () => {
    const cases: [Issued, string][] = [
      [await issue({ name: 'CN=127.0.0.1', noSan: true, issuer: intermediate }), 'legacy-cn-only'],
      [await issue({ name: 'CN=old', ips: ['127.0.0.1'], issuer: intermediate, notBefore: -100, notAfter: -1 }), 'expired'],
      [await issue({ name: 'CN=early', ips: ['127.0.0.1'], issuer: intermediate, notBefore: 2, notAfter: 30 }), 'not-yet-valid'],
      [await issue({ name: 'CN=client-only', ips: ['127.0.0.1'], issuer: intermediate, eku: ['clientAuth'] }), 'bad-key-usage'],
    ];
    for (const [cert, category] of cases) {
      const { assessment } = await check(await serve(tlsOf(cert, intermediate)));
      expect({ cert: cert.name, errors: errors(assessment) }).toEqual({ cert: cert.name, errors: [category] });
    }
  });

  test('self-signed (unknown CA) and leaf without intermediate (incomplete chain)', async () => {
    const self = await issue({ name: 'CN=self', ips: ['127.0.0.1'] });
    expect(errors((await check(await serve(tlsOf(self)))).assessment)).toEqual(['unknown-ca']);
    expect(errors((await check(await serve(tlsOf(leaf)))).assessment)).toEqual(['incomplete-chain']);
  });
});

describe('protocol failure classes', () => {
  test('a plaintext HTTP server: plaintext-tls-mismatch quoting its answer', async () => {
    const http = await startHttpServer();
    servers.push(http);
    const { result, assessment } = await check(http.port);
    expect(result.primary.outcome).toBe('not-tls');
    expect(assessment.findings).toEqual([expect.objectContaining({ category: 'plaintext-tls-mismatch', severity: 'error', certificate: null })]);
    expect(assessment.findings[0]?.message).toContain('answered in plaintext ("HTTP/1.1 400 Bad Request")');
  });

  test('a TLS 1.3-only server and a client capped at TLS 1.2 (node:tls and openssl s_server)', async () => {
    const port = await serve({ ...tlsOf(leaf, intermediate), minVersion: 'TLSv1.3' });
    const node = await check(port, { maxVersion: 'TLSv1.2' });
    expect(node.assessment.endpoint).toMatchObject({ status: 'tls-error', alert: 'protocol_version' });
    expect(errors(node.assessment)).toEqual(['protocol-version-or-cipher']);
    expect(node.assessment.findings[0]?.message).toContain('the client offered TLSv1.2–TLSv1.2');
    const ossl = await startOpenSslServer([...opensslServing().args, '-tls1_3', '-www']);
    servers.push(ossl);
    expect(errors((await check(ossl.port, { maxVersion: 'TLSv1.2' })).assessment)).toEqual(['protocol-version-or-cipher']);
    const ok = await check(ossl.port);
    expect(ok.assessment.findings).toEqual([]);
    expect(ok.result.primary.protocol).toBe('TLSv1.3');
  });

  test('deadlines and refusals are results, never exceptions', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const { result, assessment } = await check(port, { timeoutMs: 300 });
    expect(result.primary.outcome).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(assessment.endpoint.summary).toMatch(/before the deadline/);
    silent.close();
    const refused = await check(port, { timeoutMs: 1000 });
    expect(refused.result.primary.outcome).toBe('connect-error');
    expect(refused.assessment.findings).toEqual([]);
  });
});

describe('client certificates', () => {
  let clientCa: Issued;
  let client: Issued;
  let stranger: Issued;
  beforeAll(async () => {
    clientCa = await issue({ name: 'CN=Client CA', ca: true });
    client = await issue({ name: 'CN=client', issuer: clientCa, eku: ['clientAuth'] });
    const otherCa = await issue({ name: 'CN=Other CA', ca: true });
    stranger = await issue({ name: 'CN=stranger', issuer: otherCa, eku: ['clientAuth'] });
  });
  const mtls = (version: 'TLSv1.3' | 'TLSv1.2') => serve({ ...tlsOf(leaf, intermediate), requestCert: true, rejectUnauthorized: true, ca: clientCa.pem, maxVersion: version });
  const identity = (c: Issued) => ({ certificate: Buffer.from(c.pem), key: Buffer.from(c.keyPem) });

  test.each(['TLSv1.3', 'TLSv1.2'] as const)('%s: no client certificate → client-cert-required; the request is seen', async (version) => {
    const { result, assessment } = await check(await mtls(version));
    expect(result.primary.certificateRequested).toBe(true);
    expect(errors(assessment)).toEqual(['client-cert-required']);
    expect(assessment.endpoint.clientCertificate).toEqual({ requested: true, offered: false, required: true, accepted: null });
  });

  test.each(['TLSv1.3', 'TLSv1.2'] as const)('%s: a certificate from the wrong CA → client-cert-rejected', async (version) => {
    const { assessment } = await check(await mtls(version), { client: identity(stranger), clientAuth: true });
    expect(errors(assessment)).toEqual(['client-cert-rejected']);
    expect(assessment.endpoint.clientCertificate).toMatchObject({ requested: true, offered: true, required: true, accepted: false });
  });

  test('the right certificate is accepted, and the server is known to require it', async () => {
    const { assessment } = await check(await mtls('TLSv1.3'), { client: identity(client), clientAuth: true });
    expect(assessment.findings).toEqual([]);
    expect(assessment.endpoint.clientCertificate).toEqual({ requested: true, offered: true, required: true, accepted: true });
  });

  test('openssl s_server -Verify: required; an optional request is told apart', async () => {
    const files = opensslServing({ 'ca.pem': clientCa.pem });
    const ossl = await startOpenSslServer([...files.args, '-CAfile', files.path('ca.pem'), '-Verify', '1', '-www']);
    servers.push(ossl);
    expect(errors((await check(ossl.port)).assessment)).toEqual(['client-cert-required']);
    const optional = await check(await serve({ ...tlsOf(leaf, intermediate), requestCert: true, rejectUnauthorized: false, ca: clientCa.pem }));
    expect(optional.assessment.findings).toEqual([]);
    expect(optional.assessment.endpoint.clientCertificate).toEqual({ requested: true, offered: false, required: false, accepted: null });
  });

  test('an expired client certificate without clientAuth is flagged before the server says anything', async () => {
    const bad = await issue({ name: 'CN=bad-client', issuer: clientCa, eku: ['serverAuth'], notBefore: -30, notAfter: -1 });
    const request: ProbeRequest = { host: '127.0.0.1', port: await mtls('TLSv1.3'), sni: null, timeoutMs: 4000, client: identity(bad), clientAuth: true };
    const a = assessEndpoint(await probe.probe(request), { now: new Date(), caBundle: trust(), clientCertificates: parseCertificates(bad.pem).certificates });
    expect(a.findings.map((f) => f.category)).toEqual(expect.arrayContaining(['client-cert-rejected', 'expired', 'bad-key-usage']));
    expect(a.findings.find((f) => f.category === 'expired')?.message).toMatch(/^client certificate 0 \(CN=bad-client\) expired/);
  });
});

describe('SNI-dependent certificates', () => {
  test('the default certificate without SNI differs from the one for the name: sni-missing', async () => {
    const fake = await issue({ name: 'CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co', dns: ['ingress.local'] });
    const port = await serve({ ...tlsOf(fake), SNICallback: (name: string, cb: (e: Error | null, ctx?: ReturnType<typeof createSecureContext>) => void) => cb(null, name === 'api.example.com' ? createSecureContext(tlsOf(leaf, intermediate)) : undefined) });
    const withSni = await check(port, { sni: 'api.example.com', alternateSni: null });
    expect(withSni.assessment.endpoint.sniComparison).toMatchObject({ sni: null, sameCertificate: false, leaf: { subject: 'CN=Kubernetes Ingress Controller Fake Certificate, O=Acme Co' } });
    expect(withSni.assessment.findings.map((f) => `${f.severity} ${f.category}`)).toEqual(['warning sni-missing']);
    const noSni = await check(port, { sni: null, alternateSni: 'api.example.com' }, 'api.example.com');
    expect(errors(noSni.assessment)).toEqual(expect.arrayContaining(['sni-missing', 'ingress-default-cert']));
    expect(noSni.assessment.findings.find((f) => f.category === 'sni-missing')?.message).toMatch(/^Without SNI 127\.0\.0\.1:\d+ presents certificate 0 \(CN=Kubernetes Ingress Controller Fake Certificate\) \(ingress-nginx's default certificate\), which does not cover api\.example\.com; with SNI api\.example\.com it presents certificate 0 \(CN=api\.example\.com\), which does: clients must send SNI api\.example\.com\.$/);
  });
});
