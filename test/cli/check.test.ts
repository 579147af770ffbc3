// `tlsdoc check cert|endpoint` and `diagnose --live` as a user runs them (the built
// executable), against servers on loopback in this process.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { issue, threeLevelChain, type Issued } from '../support/pki.js';
import { startHttpServer, startTlsServer, type RunningServer } from '../support/tlsServers.js';

let root: Issued;
let intermediate: Issued;
let leaf: Issued;
let dir: string;
const servers: RunningServer[] = [];
/** Whether this machine has an IPv6 loopback to serve on; without one the IPv6 server test is reported skipped, not passed. */
const ipv6Loopback = await new Promise<boolean>((resolve) => {
  const probe = createServer().once('error', () => resolve(false));
  probe.listen(0, '::1', () => probe.close(() => resolve(true)));
});
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tlsdoc-check-'));
  ({ root, intermediate, leaf } = await threeLevelChain({ name: 'CN=etcd', dns: ['etcd0', 'localhost'] }));
  file('root.pem', root.pem);
  file('chain.pem', leaf.pem + intermediate.pem);
  file('leaf-key.pem', leaf.keyPem);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
const serve = async (options: Record<string, unknown>, host?: string) => {
  const s = await startTlsServer(options, host);
  servers.push(s);
  return s.port;
};

interface Report {
  findings: { category: string; severity: string; message: string; certificate: { index: number; subject: string } | null; fix: string | null }[];
  certificates: { subject: string; sans: { ip: string[] } | null }[];
  chain: unknown;
  endpoint?: Record<string, unknown>;
}

describe('tlsdoc check endpoint', () => {
  test('a server whose certificate lacks the dialled IP: --json reports ip-san-missing naming 127.0.0.1, nothing else on stdout', async () => {
    const port = await serve({ cert: leaf.pem + intermediate.pem, key: leaf.keyPem });
    const r = await runCli(['check', 'endpoint', `127.0.0.1:${port}`, '--ca', join(dir, 'root.pem'), '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report)).toEqual(['findings', 'certificates', 'chain', 'endpoint']);
    expect(report.findings).toEqual([
      { category: 'ip-san-missing', severity: 'error', message: expect.stringContaining('add IP SAN 127.0.0.1'), certificate: { index: 0, subject: 'CN=etcd' }, fix: expect.stringContaining('IP:127.0.0.1') },
    ]);
    expect(report.certificates.map((c) => c.subject)).toEqual(['CN=etcd', 'CN=tlsdoc Test Issuing CA 1, O=tlsdoc']);
    expect(report.endpoint).toMatchObject({ host: '127.0.0.1', port, sni: null, verifiedName: '127.0.0.1', status: 'established', protocol: 'TLSv1.3', clientCertificate: { requested: false } });
    const text = await runCli(['check', 'endpoint', `127.0.0.1:${port}`, '--ca', join(dir, 'root.pem')]);
    expect(text.stdout).toMatch(/^127\.0\.0\.1:\d+: TLSv1\.3, TLS_AES_256_GCM_SHA384/);
    expect(text.stdout).toContain('error ip-san-missing: certificate 0 (CN=etcd) has no IP SANs (only DNS names etcd0, localhost), so clients that dial 127.0.0.1 reject it; add IP SAN 127.0.0.1.');
    expect(text.stdout).toMatch(/Chain: 0 → 1 → CN=tlsdoc Test Root CA, O=tlsdoc \(from the CA bundle .*root\.pem\); trusted/);
    const md = await runCli(['check', 'endpoint', `127.0.0.1:${port}`, '--sni', 'etcd0', '--ca', join(dir, 'root.pem'), '--format', 'markdown']);
    expect(md.stdout).toMatch(/^## 127\.0\.0\.1:\d+: TLSv1\.3/);
    expect(md.stdout).toContain('### Findings\n\nNo problems found.');
  });

  test('a server with the leaf but no intermediate: incomplete-chain', async () => {
    const port = await serve({ cert: leaf.pem, key: leaf.keyPem });
    const report = JSON.parse((await runCli(['check', 'endpoint', `127.0.0.1:${port}`, '--sni', 'etcd0', '--ca', join(dir, 'root.pem'), '--json'])).stdout) as Report;
    expect(report.findings.map((f) => f.category)).toEqual(['incomplete-chain']);
  });

  test('a plaintext HTTP port and a TLS 1.3-only server with --tls-max TLSv1.2', async () => {
    const http = await startHttpServer();
    servers.push(http);
    const plain = await runCli(['check', 'endpoint', `127.0.0.1:${http.port}`]);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('error plaintext-tls-mismatch: 127.0.0.1:');
    const port = await serve({ cert: leaf.pem + intermediate.pem, key: leaf.keyPem, minVersion: 'TLSv1.3' });
    const capped = JSON.parse((await runCli(['check', 'endpoint', `127.0.0.1:${port}`, '--tls-max', 'TLSv1.2', '--json'])).stdout) as Report;
    expect(capped.findings.map((f) => f.category)).toEqual(['protocol-version-or-cipher']);
    expect(capped.endpoint).toMatchObject({ status: 'tls-error', alert: 'protocol_version' });
  });

  test('IPv6: [::1]:PORT parses; a port nothing listens on is a connect-error result', async () => {
    const r = await runCli(['check', 'endpoint', '[::1]:9', '--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Report).endpoint).toMatchObject({ host: '::1', port: 9, status: 'connect-error' });
  });

  (ipv6Loopback ? test : test.skip)('IPv6: a server on [::1]:PORT is dialled and its certificate checked for ::1', async () => {
    const port = await serve({ cert: leaf.pem + intermediate.pem, key: leaf.keyPem }, '::1');
    const r = await runCli(['check', 'endpoint', `[::1]:${port}`, '--ca', join(dir, 'root.pem'), '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.endpoint).toMatchObject({ host: '::1', port, address: '::1', status: 'established' });
    expect(report.findings[0]?.message).toContain('add IP SAN ::1');
  });

  test('mutual TLS: without a client certificate → client-cert-required; with one → accepted; the key is never echoed', async () => {
    const clientCa = await issue({ name: 'CN=Client CA', ca: true });
    const client = await issue({ name: 'CN=client', issuer: clientCa, eku: ['clientAuth'] });
    const port = await serve({ cert: leaf.pem + intermediate.pem, key: leaf.keyPem, requestCert: true, rejectUnauthorized: true, ca: clientCa.pem });
    const without = JSON.parse((await runCli(['check', 'endpoint', `127.0.0.1:${port}`, '--sni', 'etcd0', '--ca', join(dir, 'root.pem'), '--json'])).stdout) as Report;
    expect(without.findings.map((f) => f.category)).toEqual(['client-cert-required']);
    const args = ['check', 'endpoint', `127.0.0.1:${port}`, '--sni', 'etcd0', '--ca', join(dir, 'root.pem'), '--cert', file('client.pem', client.pem), '--key', file('client-key.pem', client.keyPem)];
    const r = await runCli([...args, '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.endpoint?.clientCertificate).toEqual({ requested: true, offered: true, required: true, accepted: true });
    const secret = client.keyPem.split('\n')[1] as string;
    for (const out of [r, await runCli(args)]) expect(out.stdout + out.stderr).not.toContain(secret.slice(0, 24));
  });
});

describe('tlsdoc check cert', () => {
  test('a key that does not match: key-mismatch; the key never appears in stdout, stderr or JSON (canary)', async () => {
    const other = await issue({ name: 'CN=other', dns: ['other'] });
    const canary = other.keyPem;
    const keyFile = file('other-key.pem', canary);
    const body = canary.split('\n').slice(1, -2).join('');
    for (const format of ['json', 'text', 'markdown']) {
      const r = await runCli(['check', 'cert', join(dir, 'chain.pem'), '--key', keyFile, '--ca', join(dir, 'root.pem'), '--format', format]);
      expect(r.status).toBe(0);
      for (const piece of [body.slice(0, 32), body.slice(40, 72), body.slice(-32)]) expect(r.stdout + r.stderr).not.toContain(piece);
      if (format === 'json') {
        const report = JSON.parse(r.stdout) as Report;
        expect(report.findings).toEqual([expect.objectContaining({ category: 'key-mismatch', severity: 'error', certificate: { index: 0, subject: 'CN=etcd' } })]);
      } else expect(r.stdout).toContain('key-mismatch');
    }
    const matching = JSON.parse((await runCli(['check', 'cert', join(dir, 'chain.pem'), '--key', join(dir, 'leaf-key.pem'), '--ca', join(dir, 'root.pem'), '--json'])).stdout) as Report;
    expect(matching.findings).toEqual([]);
    const damaged = file('damaged.pem', canary.replace(/\n(.{10})/, '\n!!$1'));
    const bad = await runCli(['check', 'cert', join(dir, 'chain.pem'), '--key', damaged]);
    expect(bad.status).toBe(2);
    expect(bad.stdout + bad.stderr).not.toContain(body.slice(40, 72));
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string;
    const enc = await runCli(['check', 'cert', join(dir, 'chain.pem'), '--key', file('enc.pem', encrypted)]);
    expect(enc.status).toBe(2);
    expect(enc.stderr).toMatch(/tlsdoc: the private key is encrypted/);
    expect(enc.stdout + enc.stderr).not.toContain(encrypted.split('\n')[2]?.slice(0, 24));
  });

  test('--host and --ip against a file; a Secret from stdin', async () => {
    const ip = JSON.parse((await runCli(['check', 'cert', join(dir, 'chain.pem'), '--ip', '10.186.44.42', '--ca', join(dir, 'root.pem'), '--json'])).stdout) as Report;
    expect(ip.findings.map((f) => [f.category, f.message.endsWith('add IP SAN 10.186.44.42.')])).toEqual([['ip-san-missing', true]]);
    const host = JSON.parse((await runCli(['check', 'cert', join(dir, 'chain.pem'), '--host', 'etcd2-0.etcd', '--ca', join(dir, 'root.pem'), '--json'])).stdout) as Report;
    expect(host.findings.map((f) => f.category)).toEqual(['host-mismatch']);
    const secret = `data:\n  tls.crt: ${Buffer.from(leaf.pem + intermediate.pem).toString('base64')}\n  tls.key: ${Buffer.from(leaf.keyPem).toString('base64')}\n`;
    const fromStdin = await runCli(['check', 'cert', '-', '--host', 'etcd0', '--ca', join(dir, 'root.pem')], { input: secret });
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toMatch(/^No problems found\.\n\nCertificates\n {2}0 {2}CN=etcd \(tls\.crt\)/);
    expect(fromStdin.stdout).not.toContain(leaf.keyPem.split('\n')[1]?.slice(0, 24));
  });

  test('usage errors exit 2 with a message', async () => {
    const cases: [string[], RegExp][] = [
      [['check', 'cert', join(dir, 'chain.pem'), '--host', 'a', '--ip', '10.0.0.1'], /--host or --ip, not both/],
      [['check', 'cert', join(dir, 'missing.pem')], /ENOENT/],
      [['check', 'cert', file('empty.txt', 'nothing here')], /no certificate in .*empty\.txt/],
      [['check', 'endpoint', 'a:b:c:443'], /put an IPv6 address in brackets/],
      [['check', 'endpoint', '127.0.0.1:1', '--cert', join(dir, 'chain.pem')], /--cert and --key go together/],
      [['check', 'endpoint', '127.0.0.1:1', '--timeout', 'soon'], /--timeout must be a positive whole number/],
      [['check', 'endpoint', '127.0.0.1:1', '--tls-max', 'TLSv9'], /argument 'TLSv9' is invalid/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('tlsdoc diagnose --live', () => {
  const paste = (port: number) => `Get "https://127.0.0.1:${port}/metrics": x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs\n`;

  test('probes only what TLSDOC_PROBE_ALLOW allows (or --probe-any), and says what it found', async () => {
    const server = await startTlsServer({ cert: leaf.pem + intermediate.pem, key: leaf.keyPem });
    servers.push(server);
    type Out = { matches: { category: string; live?: { check: string; status: string; message: string }[] }[] };
    const served = (o: Out) => o.matches[0]?.live?.find((r) => r.check === 'probe-served-chain');
    const denied = JSON.parse((await runCli(['diagnose', '--live', '--json', '--ca', join(dir, 'root.pem')], { input: paste(server.port), env: { TLSDOC_PROBE_ALLOW: '10.0.0.0/8:*' } })).stdout) as Out;
    expect(served(denied)).toMatchObject({ status: 'skipped' });
    expect(server.connections()).toBe(0);
    const allowed = JSON.parse((await runCli(['diagnose', '--live', '--json', '--ca', join(dir, 'root.pem')], { input: paste(server.port), env: { TLSDOC_PROBE_ALLOW: '127.0.0.0/8:*' } })).stdout) as Out;
    expect(served(allowed)).toMatchObject({ status: 'confirmed', message: expect.stringContaining('add IP SAN 127.0.0.1') });
    expect(server.connections()).toBeGreaterThan(0);
    const any = await runCli(['diagnose', '--probe-any', '--ca', join(dir, 'root.pem')], { input: paste(server.port) });
    expect(any.stdout).toMatch(/Live checks\n {2}confirmed probe-served-chain \(127\.0\.0\.1:\d+\): 127\.0\.0\.1:\d+ serves CN=etcd/);
  });

  test('a bad TLSDOC_PROBE_ALLOW is a usage error', async () => {
    const r = await runCli(['diagnose', '--live'], { input: 'x', env: { TLSDOC_PROBE_ALLOW: '10.0.0.0/99' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/TLSDOC_PROBE_ALLOW entry "10\.0\.0\.0\/99"/);
  });
});
