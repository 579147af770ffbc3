// probe-served-chain: the chain the endpoint presents, analysed for the name or address
// the client dialled (coverage, validity, chain completeness and trust, key usage).
import { summariseCertificate } from '../core/certificate/facts.js';
import { judge } from '../core/live/judge.js';
import type { LiveCheck } from './liveCheck.js';

const DECIDES = ['host-mismatch', 'ip-san-missing', 'legacy-cn-only', 'expired', 'not-yet-valid', 'unknown-ca', 'incomplete-chain', 'bad-key-usage', 'ingress-default-cert'] as const;

export const probeServedChain: LiveCheck = {
  kind: 'probe-served-chain',
  decides: DECIDES,
  check({ match, endpoint }) {
    const a = endpoint.assessment;
    const leaf = a.certificates[0];
    if (!leaf) return { status: 'failed', message: `${endpoint.label} presented no certificate (${a.endpoint.summary})`, findings: [] };
    const more = a.certificates.length - 1;
    const observed = `${endpoint.label} serves ${summariseCertificate(leaf)}${more ? ` plus ${more} chain certificate(s)` : ', without intermediates'}`;
    return judge(match, DECIDES, observed, a.findings.filter((f) => f.certificate !== null));
  },
};
