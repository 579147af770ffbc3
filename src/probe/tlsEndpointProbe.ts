// The EndpointProbe on node:tls: the primary handshake, then (when asked) the same
// endpoint with the other SNI choice and without the client certificate, to the address
// the primary reached so every attempt talks to the same server.
import type { EndpointProbe, ProbeRequest, ProbeResult } from '../core/probe/port.js';
import { handshake, type HandshakeAttempt } from './handshake.js';

export class TlsEndpointProbe implements EndpointProbe {
  async probe(request: ProbeRequest): Promise<ProbeResult> {
    const { timeoutMs, alternateSni, clientAuth, ...settings } = request;
    const base: HandshakeAttempt = { ...settings, deadline: Date.now() + timeoutMs };
    const primary = await handshake(base);
    const reached = ['established', 'tls-error', 'closed'].includes(primary.observation.outcome);
    const again = { ...base, host: primary.address ?? request.host };
    const [alternate, withoutClient] = await Promise.all([
      reached && alternateSni !== undefined ? handshake({ ...again, sni: alternateSni }) : null,
      reached && clientAuth && request.client ? handshake({ ...again, client: undefined }) : null,
    ]);
    return {
      host: request.host,
      port: request.port,
      address: primary.address,
      primary: primary.observation,
      alternateSni: alternate?.observation ?? null,
      withoutClientCertificate: withoutClient?.observation ?? null,
    };
  }
}
