// One contract for every EndpointProbe: the in-memory fake and the node:tls adapter give
// results of the same shape for the same situations, and never reject.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { certificateFromDer } from '../../src/core/certificate/parse.js';
import type { EndpointProbe, ProbeRequest, ProbeResult } from '../../src/core/probe/port.js';
import { TlsEndpointProbe } from '../../src/probe/tlsEndpointProbe.js';
import { FakeEndpointProbe, probeResult } from '../support/fakeEndpointProbe.js';
import { issue, type Issued } from '../support/pki.js';
import { startTlsServer, type RunningServer } from '../support/tlsServers.js';

let cert: Issued;
let server: RunningServer;
let refusedPort: number;
beforeAll(async () => {
  cert = await issue({ name: 'CN=contract', dns: ['contract.test'] });
  server = await startTlsServer({ cert: cert.pem, key: cert.keyPem });
  const closed = await startTlsServer({ cert: cert.pem, key: cert.keyPem });
  refusedPort = closed.port;
  await closed.close();
});
afterAll(() => server.close());

const requests = () => ({
  up: { host: '127.0.0.1', port: server.port, sni: 'contract.test', timeoutMs: 3000, alternateSni: null } as ProbeRequest,
  down: { host: '127.0.0.1', port: refusedPort, sni: null, timeoutMs: 3000 } as ProbeRequest,
});

const probes: [string, () => EndpointProbe][] = [
  ['TlsEndpointProbe', () => new TlsEndpointProbe()],
  [
    'FakeEndpointProbe',
    () => {
      const { up, down } = requests();
      return new FakeEndpointProbe()
        .expect(up.host, up.port, (r) => probeResult(r, { chain: [cert.der], protocol: 'TLSv1.3' }, { alternateSni: probeResult({ ...r, sni: null }, { chain: [cert.der] }).primary }))
        .expect(down.host, down.port, (r) => probeResult(r, { outcome: 'connect-error', chain: [], chainSource: null, protocol: null, cipher: null, error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } }, { address: null }));
    },
  ],
];

function expectShape(r: ProbeResult, request: ProbeRequest): void {
  expect(r).toMatchObject({ host: request.host, port: request.port, primary: { sni: request.sni } });
  expect(Object.keys(r.primary).sort()).toEqual(['alpn', 'certificateRequested', 'chain', 'chainSource', 'cipher', 'clientCertificateOffered', 'elapsedMs', 'error', 'outcome', 'plaintextReply', 'protocol', 'sni', 'verifyError'].sort());
}

describe.each(probes)('%s', (_name, make) => {
  test('a handshake: the presented chain decodes, the protocol is named, the SNI comparison is made', async () => {
    const { up } = requests();
    const r = await make().probe(up);
    expectShape(r, up);
    expect(r.primary.outcome).toBe('established');
    expect(r.primary.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(r.primary.chain.map((der) => certificateFromDer(der).x509.subject)).toEqual(['CN=contract']);
    expect(r.alternateSni?.sni).toBeNull();
  });

  test('a refused port resolves to a connect-error result', async () => {
    const { down } = requests();
    const r = await make().probe(down);
    expectShape(r, down);
    expect(r).toMatchObject({ address: null, primary: { outcome: 'connect-error', chain: [], error: { code: 'ECONNREFUSED' } }, alternateSni: null });
  });
});
