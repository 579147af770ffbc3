// probe-protocol: does the port speak TLS at all, and in which version and cipher.
import { judge } from '../core/live/judge.js';
import type { LiveCheck } from './liveCheck.js';

const DECIDES = ['plaintext-tls-mismatch', 'protocol-version-or-cipher'] as const;

export const probeProtocol: LiveCheck = {
  kind: 'probe-protocol',
  decides: DECIDES,
  check({ match, endpoint }) {
    const e = endpoint.assessment.endpoint;
    const observed = `${endpoint.label}: ${e.summary}`;
    const findings = endpoint.assessment.findings.filter((f) => (DECIDES as readonly string[]).includes(f.category));
    // The mismatch has two directions: a TLS client on a plaintext port, or a plaintext
    // client on a TLS port. A port that speaks TLS fits the second.
    if (match.category === 'plaintext-tls-mismatch' && e.status === 'established') {
      return { status: 'inconclusive', message: `${observed}: the port speaks TLS, so if the client sent plaintext (http://), switch it to https://`, findings };
    }
    return judge(match, DECIDES, observed, findings);
  },
};
