// A strict in-memory EndpointProbe: it answers only the requests it was told to expect,
// records any other, and says so (with expectations never used) in verify().
import type { EndpointProbe, HandshakeObservation, ProbeRequest, ProbeResult } from '../../src/core/probe/port.js';

export function observation(over: Partial<HandshakeObservation> = {}): HandshakeObservation {
  return {
    sni: null,
    outcome: 'established',
    chain: [],
    chainSource: 'handshake',
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    alpn: null,
    certificateRequested: false,
    clientCertificateOffered: false,
    verifyError: null,
    error: null,
    plaintextReply: null,
    elapsedMs: 1,
    ...over,
  };
}

export function probeResult(request: Pick<ProbeRequest, 'host' | 'port' | 'sni'>, primary: Partial<HandshakeObservation> = {}, extra: Partial<ProbeResult> = {}): ProbeResult {
  return { host: request.host, port: request.port, address: request.host, primary: observation({ sni: request.sni, ...primary }), alternateSni: null, withoutClientCertificate: null, ...extra };
}

interface Expectation {
  host: string;
  port: number;
  answer(request: ProbeRequest): ProbeResult;
  used: number;
}

export class FakeEndpointProbe implements EndpointProbe {
  private readonly expected: Expectation[] = [];
  readonly requests: ProbeRequest[] = [];
  readonly unexpected: ProbeRequest[] = [];

  expect(host: string, port: number, answer: (request: ProbeRequest) => ProbeResult): this {
    this.expected.push({ host, port, answer, used: 0 });
    return this;
  }

  async probe(request: ProbeRequest): Promise<ProbeResult> {
    this.requests.push(request);
    const e = this.expected.find((x) => x.host === request.host && x.port === request.port);
    if (!e) {
      this.unexpected.push(request);
      return probeResult(request, { outcome: 'connect-error', error: { code: 'UNEXPECTED', message: 'the fake probe did not expect this request' }, chain: [], chainSource: null });
    }
    e.used++;
    return e.answer(request);
  }

  /** Throws when a request came that was not expected, or an expectation was never used. */
  verify(): void {
    const unused = this.expected.filter((e) => e.used === 0).map((e) => `${e.host}:${e.port}`);
    const extra = this.unexpected.map((r) => `${r.host}:${r.port}`);
    if (unused.length || extra.length) throw new Error(`fake probe: unexpected requests [${extra.join(', ')}], expectations never used [${unused.join(', ')}]`);
  }
}
