// The certificate and probe parts of `npm run bench`:
// - certificates analysed per second (parse + every check) over one 10,000-certificate
//   bundle, against Node's built-in crypto.X509Certificate parsing the same bundle;
// - the probe's cost over a bare tls.connect to the same loopback TLS server.
import { webcrypto, X509Certificate as NodeCertificate } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:tls';
import { join } from 'node:path';
import { analyseCertificates } from '../dist/core/certificate/analyse.js';
import { parseCertificates } from '../dist/core/certificate/parse.js';
import { trustStoreOf } from '../dist/core/certificate/trustStore.js';
import * as x509 from '../dist/core/certificate/x509.js';
import { assessEndpoint } from '../dist/core/probe/assessEndpoint.js';
import { TlsEndpointProbe } from '../dist/probe/tlsEndpointProbe.js';

x509.cryptoProvider.set(webcrypto);
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

async function makeCa() {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=tlsdoc Bench CA', keys, signingAlgorithm: EC, notBefore: new Date(Date.now() - 86400e3), notAfter: new Date(Date.now() + 3650 * 86400e3),
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return { cert, keys };
}

/** `count` distinct leaves from one CA (one shared leaf key: key generation is not what is measured). Cached in bench/out. */
async function bundle(out, count) {
  const file = join(out, `certs-${count}.pem`);
  const caFile = join(out, `certs-${count}-ca.pem`);
  if (existsSync(file) && existsSync(caFile)) return { pem: readFileSync(file, 'utf8'), caPem: readFileSync(caFile, 'utf8') };
  const ca = await makeCa();
  const leafKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const aki = await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey);
  const parts = [];
  for (let i = 0; i < count; i++) {
    const cert = await x509.X509CertificateGenerator.create({
      subject: `CN=svc-${i}.bench.svc`, issuer: ca.cert.subject, publicKey: leafKeys.publicKey, signingKey: ca.keys.privateKey, signingAlgorithm: EC,
      notBefore: new Date(Date.now() - 86400e3), notAfter: new Date(Date.now() + (i % 400) * 86400e3),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: `svc-${i}.bench.svc` }, { type: 'dns', value: `*.svc-${i}.bench.svc` }, { type: 'ip', value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }]), aki,
      ],
    });
    parts.push(cert.toString('pem'));
  }
  const pem = parts.join('\n') + '\n';
  writeFileSync(file, pem);
  writeFileSync(caFile, ca.cert.toString('pem'));
  return { pem, caPem: ca.cert.toString('pem') };
}

export async function benchCertificates(out, count = 10000) {
  const { pem, caPem } = await bundle(out, count);
  const trust = trustStoreOf(parseCertificates(caPem).certificates, 'the bench CA');
  const now = new Date();
  // tlsdoc: parse the bundle, then analyse each certificate as a served leaf for its own name
  // (facts, coverage, validity, chain with signature verification against the CA, key usage).
  let t = performance.now();
  const parsed = parseCertificates(pem).certificates;
  const parseMs = performance.now() - t;
  let findings = 0;
  t = performance.now();
  parsed.forEach((cert, i) => {
    findings += analyseCertificates({ certificates: [cert], host: i % 10 === 0 ? `x.y.svc-${i}.bench.svc` : `svc-${i}.bench.svc`, caBundle: trust, now }).findings.length;
  });
  const analyseMs = performance.now() - t;
  // Node's built-in parser on the same bundle (split into PEM blocks first, as tlsdoc does).
  t = performance.now();
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
  let subjects = 0;
  for (const b of blocks) subjects += new NodeCertificate(b).subject.length > 0 ? 1 : 0;
  const nodeMs = performance.now() - t;
  return { count: parsed.length, bytes: Buffer.byteLength(pem), parseMs, analyseMs, findings, nodeMs, nodeCount: subjects };
}

export async function benchProbe(iterations = 300) {
  const ca = await makeCa();
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const leaf = await x509.X509CertificateGenerator.create({
    subject: 'CN=bench', issuer: ca.cert.subject, publicKey: keys.publicKey, signingKey: ca.keys.privateKey, signingAlgorithm: EC,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }])],
  });
  const key = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const server = createServer({ cert: leaf.toString('pem') + '\n' + ca.cert.toString('pem'), key }, (s) => s.on('error', () => {}));
  server.on('tlsClientError', () => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const trust = trustStoreOf(parseCertificates(ca.cert.toString('pem')).certificates, 'the bench CA');
  const bare = () =>
    new Promise((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
        s.getPeerCertificate(true);
        s.destroy();
        resolve();
      });
      s.on('error', reject);
    });
  const probe = new TlsEndpointProbe();
  const request = { host: '127.0.0.1', port, sni: null, timeoutMs: 5000 };
  const probeOnly = () => probe.probe(request);
  const probeAndAssess = async () => assessEndpoint(await probe.probe(request), { now: new Date(), caBundle: trust });
  const withSni = async () => assessEndpoint(await probe.probe({ ...request, alternateSni: 'bench' }), { now: new Date(), caBundle: trust });
  const measure = async (f) => {
    for (let i = 0; i < 30; i++) await f();
    const samples = [];
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      await f();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[Math.floor(samples.length / 2)], p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] };
  };
  const result = { bare: await measure(bare), probe: await measure(probeOnly), assessed: await measure(probeAndAssess), sniCompare: await measure(withSni), iterations };
  await new Promise((resolve) => server.close(resolve));
  return result;
}

export function tlsReport(c, p) {
  const perSecond = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString('en');
  const f = (ms) => `${ms.toFixed(2)} ms`;
  const over = (ms) => `${ms < 0 ? '−' : '+'}${f(Math.abs(ms))}`;
  return `
| ${c.count.toLocaleString('en')}-certificate bundle (${(c.bytes / 2 ** 20).toFixed(1)} MiB PEM), one run | time | certificates/s |
|---|---:|---:|
| Node \`crypto.X509Certificate\` (split PEM + parse) | ${c.nodeMs.toFixed(0)} ms | ${perSecond(c.nodeCount, c.nodeMs)} |
| tlsdoc \`parseCertificates\` (@peculiar/x509) | ${c.parseMs.toFixed(0)} ms | ${perSecond(c.count, c.parseMs)} |
| tlsdoc \`analyseCertificates\` per certificate (facts, coverage, validity, chain + signature, key usage) | ${c.analyseMs.toFixed(0)} ms | ${perSecond(c.count, c.analyseMs)} |
| **tlsdoc parse + all checks** | **${(c.parseMs + c.analyseMs).toFixed(0)} ms** | **${perSecond(c.count, c.parseMs + c.analyseMs)}** (${c.findings} findings) |

| TLS handshake to a loopback node:tls server, ${p.iterations} runs after 30 warm-up | p50 | p99 | over bare p50 |
|---|---:|---:|---:|
| bare \`tls.connect\` (+ getPeerCertificate) | ${f(p.bare.p50)} | ${f(p.bare.p99)} | — |
| \`TlsEndpointProbe.probe\` (capture, TLS 1.3 handshake decryption) | ${f(p.probe.p50)} | ${f(p.probe.p99)} | ${over(p.probe.p50 - p.bare.p50)} |
| probe + \`assessEndpoint\` (chain analysis) | ${f(p.assessed.p50)} | ${f(p.assessed.p99)} | ${over(p.assessed.p50 - p.bare.p50)} |
| probe with the SNI comparison handshake + assess | ${f(p.sniCompare.p50)} | ${f(p.sniCompare.p99)} | ${over(p.sniCompare.p50 - p.bare.p50)} |
`;
}
