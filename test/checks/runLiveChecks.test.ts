// The gather step: policy first (nothing outside the allow-list is dialled), one probe per
// target, each check's verdict, and the merge that lets live evidence settle ties.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LIVE_CHECKS } from '../../src/checks/registry.js';
import { runLiveChecks, type LiveCheckOptions } from '../../src/checks/runLiveChecks.js';
import { parseCertificates } from '../../src/core/certificate/parse.js';
import { trustStoreOf } from '../../src/core/certificate/trustStore.js';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { withLiveResults } from '../../src/core/live/merge.js';
import { CHECK_KINDS } from '../../src/core/playbook/checkKinds.js';
import { parseProbeAllowList } from '../../src/core/policy/probeAllowList.js';
import { renderJson } from '../../src/core/render/json.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { renderText } from '../../src/core/render/text.js';
import { TlsEndpointProbe } from '../../src/probe/tlsEndpointProbe.js';
import { FakeEndpointProbe, probeResult } from '../support/fakeEndpointProbe.js';
import { bundledIndex } from '../support/library.js';
import { issue, threeLevelChain, type Issued } from '../support/pki.js';

const index = bundledIndex();
let root: Issued;
let intermediate: Issued;
let leaf: Issued;
beforeAll(async () => {
  ({ root, intermediate, leaf } = await threeLevelChain({ name: 'CN=etcd', dns: ['etcd0'], ips: ['127.0.0.1'] }));
});

const options = (over: Partial<LiveCheckOptions>): LiveCheckOptions => ({
  probe: new FakeEndpointProbe(),
  allowList: parseProbeAllowList(''),
  allowAny: false,
  resolve: async () => {
    throw new Error('no resolution expected');
  },
  caBundle: trustStoreOf(parseCertificates(root.pem).certificates, 'the CA bundle'),
  now: new Date(),
  timeoutMs: 2000,
  ...over,
});
const ipSans = (ip: string, port: number) => `Get "https://${ip}:${port}/metrics": x509: cannot validate certificate for ${ip} because it doesn't contain any IP SANs`;

describe('probe policy', () => {
  let listener: Server;
  let port: number;
  let connections = 0;
  beforeAll(async () => {
    listener = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  test('a target outside the allow-list is never dialled: not by the fake, not on a real socket', async () => {
    const d = diagnose(index, ipSans('127.0.0.1', port));
    const fake = new FakeEndpointProbe();
    const outside = parseProbeAllowList(`10.0.0.0/8:*, 127.0.0.1:${port === 1 ? 2 : 1}, *.example.com:*`);
    const [results] = await runLiveChecks(d, options({ probe: fake, allowList: outside }));
    fake.verify();
    expect(fake.requests).toEqual([]);
    expect(results?.find((r) => r.check === 'probe-served-chain')).toMatchObject({ status: 'skipped', message: expect.stringContaining(`127.0.0.1 port ${port} is not in TLSDOC_PROBE_ALLOW`) });
    await runLiveChecks(d, options({ probe: new TlsEndpointProbe(), allowList: outside }));
    expect(connections).toBe(0);
    await runLiveChecks(d, options({ probe: new TlsEndpointProbe(), allowList: parseProbeAllowList(`127.0.0.1:${port}`) }));
    expect(connections).toBe(1);
  });

  test('a name is resolved and dialled by address only when every address is allowed', async () => {
    const d = diagnose(index, 'Get "https://metrics.internal:9443/metrics": x509: certificate is valid for other.internal, not metrics.internal');
    const fake = new FakeEndpointProbe().expect('127.0.0.1', 9443, (r) => probeResult(r, { outcome: 'connect-error', error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } }));
    const lookups: string[] = [];
    const results = await runLiveChecks(d, options({ probe: fake, allowList: parseProbeAllowList('127.0.0.0/8:*'), resolve: async (h) => (lookups.push(h), ['127.0.0.1']) }));
    fake.verify();
    expect(lookups).toEqual(['metrics.internal']);
    expect(fake.requests[0]).toMatchObject({ host: '127.0.0.1', port: 9443, sni: 'metrics.internal' });
    expect(results[0]?.find((r) => r.check === 'probe-served-chain')).toMatchObject({ status: 'failed', message: expect.stringContaining('could not check') });
    const denied = new FakeEndpointProbe();
    const r2 = await runLiveChecks(d, options({ probe: denied, allowList: parseProbeAllowList('127.0.0.0/8:*'), resolve: async () => ['127.0.0.1', '10.1.1.1'] }));
    denied.verify();
    expect(r2[0]?.[0]).toMatchObject({ status: 'skipped' });
  });

  test('--probe-any probes without asking the list; a paste without endpoint or port is skipped with the command to run', async () => {
    const fake = new FakeEndpointProbe().expect('10.9.9.9', 8443, (r) => probeResult(r, { chain: [leaf.der, intermediate.der] }));
    const [r] = await runLiveChecks(diagnose(index, ipSans('10.9.9.9', 8443)), options({ probe: fake, allowAny: true }));
    fake.verify();
    expect(r?.find((x) => x.check === 'probe-served-chain')).toMatchObject({ status: 'confirmed', target: '10.9.9.9:8443', message: expect.stringContaining('add IP SAN 10.9.9.9') });
    const untouched = new FakeEndpointProbe();
    const [none] = await runLiveChecks(diagnose(index, 'x509: certificate has expired or is not yet valid'), options({ probe: untouched, allowAny: true }));
    untouched.verify();
    expect(untouched.requests).toEqual([]);
    expect(none?.[0]).toMatchObject({ status: 'skipped', message: expect.stringContaining('tlsdoc check endpoint HOST:PORT') });
  });
});

describe('verdicts and the merge', () => {
  test('confirmed: the message says what the endpoint serves and what is missing', async () => {
    const noIp = await issue({ name: 'CN=etcd', dns: ['etcd0-0.etcd'], ips: ['127.0.0.1'], issuer: intermediate });
    const fake = new FakeEndpointProbe().expect('10.186.44.42', 2379, (r) => probeResult(r, { chain: [noIp.der, intermediate.der] }));
    const d = diagnose(index, ipSans('10.186.44.42', 2379));
    const live = withLiveResults(d, await runLiveChecks(d, options({ probe: fake, allowList: parseProbeAllowList('10.0.0.0/8:2379') })));
    fake.verify();
    const served = live.matches[0]?.live?.find((r) => r.check === 'probe-served-chain');
    expect(served?.status).toBe('confirmed');
    expect(served?.message).toMatch(/^10\.186\.44\.42:2379 serves CN=etcd \(SANs DNS:etcd0-0\.etcd, IP:127\.0\.0\.1; valid until \S+; issued by CN=tlsdoc Test Issuing CA 1, O=tlsdoc\) plus 1 chain certificate\(s\); certificate 0 \(CN=etcd\) is valid for IP 127\.0\.0\.1, not 10\.186\.44\.42; add IP SAN 10\.186\.44\.42\.$/);
    expect(live.matches[0]?.live?.find((r) => r.check.startsWith('cluster-'))).toMatchObject({ status: 'skipped' });
    const json = JSON.parse(renderJson(live)) as { matches: { live?: unknown[] }[] };
    expect(json.matches[0]?.live).toEqual(expect.arrayContaining([expect.objectContaining({ check: 'probe-served-chain', status: 'confirmed', findings: [expect.objectContaining({ category: 'ip-san-missing' })] })]));
    expect(renderText(live)).toMatch(/^Live checks\n {2}confirmed probe-served-chain \(10\.186\.44\.42:2379\): 10\.186\.44\.42:2379 serves CN=etcd/m);
    expect(renderText(live)).toMatch(/skipped cluster-\S+, cluster-\S+: needs access to the cluster/);
    expect(renderMarkdown(live)).toContain('### Live checks\n\n- **confirmed** `probe-served-chain` (10.186.44.42:2379): ');
  });

  test('refuted: the endpoint now covers the address', async () => {
    const fake = new FakeEndpointProbe().expect('127.0.0.1', 2379, (r) => probeResult(r, { chain: [leaf.der, intermediate.der] }));
    const d = diagnose(index, ipSans('127.0.0.1', 2379));
    const [r] = await runLiveChecks(d, options({ probe: fake, allowAny: true }));
    fake.verify();
    expect(r?.find((x) => x.check === 'probe-served-chain')).toMatchObject({ status: 'refuted', message: expect.stringContaining('no ip-san-missing there now') });
  });

  test('unknown-ca vs incomplete-chain: a leaf served without its intermediate settles the tie', async () => {
    const paste = "curl: (60) SSL certificate problem: unable to get local issuer certificate\n* Connected to 10.20.30.40 (10.20.30.40) port 8443";
    const d = diagnose(index, paste);
    const unknown = d.matches.find((m) => m.category === 'unknown-ca');
    expect(unknown?.ties.map((t) => [t.category, t.check])).toContainEqual(['incomplete-chain', 'probe-served-chain']);
    const served = await issue({ name: 'CN=api', ips: ['10.20.30.40'], issuer: intermediate });
    const fake = new FakeEndpointProbe().expect('10.20.30.40', 8443, (r) => probeResult(r, { chain: [served.der] }));
    const live = withLiveResults(d, await runLiveChecks(d, options({ probe: fake, allowAny: true })));
    fake.verify();
    expect(fake.requests).toHaveLength(1);
    expect(live.matches[0]?.category).toBe('incomplete-chain');
    expect(live.matches[0]?.live?.[0]).toMatchObject({ status: 'confirmed' });
    const refuted = live.matches.find((m) => m.category === 'unknown-ca');
    expect(refuted?.live?.find((r) => r.check === 'probe-served-chain')).toMatchObject({ status: 'refuted', message: expect.stringContaining('it shows incomplete-chain instead') });
  });

  test('the JSON shape gains live only when live checks ran', () => {
    const d = diagnose(index, ipSans('10.0.0.1', 443));
    expect(Object.keys((JSON.parse(renderJson(d)) as { matches: object[] }).matches[0] as object)).not.toContain('live');
    expect(renderText(d)).toContain('Live checks for this playbook:');
  });
});

describe('the live check registry', () => {
  test('every probe check kind has one registered check in its own file; kinds are unique', () => {
    const probeKinds = CHECK_KINDS.filter((k) => k.startsWith('probe-'));
    expect(LIVE_CHECKS.map((c) => c.kind).sort()).toEqual([...probeKinds].sort());
    expect(new Set(LIVE_CHECKS.map((c) => c.kind)).size).toBe(LIVE_CHECKS.length);
    for (const kind of probeKinds) {
      const file = kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      expect({ kind, exists: existsSync(fileURLToPath(new URL(`../../src/checks/${file}.ts`, import.meta.url))) }).toEqual({ kind, exists: true });
    }
  });
});
