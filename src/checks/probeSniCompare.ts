// probe-sni-compare: the certificate with SNI versus without; a server that picks another
// certificate (or none) when a client sends no SNI explains sni-missing.
import { judge } from '../core/live/judge.js';
import type { LiveCheck } from './liveCheck.js';

const DECIDES = ['sni-missing'] as const;

export const probeSniCompare: LiveCheck = {
  kind: 'probe-sni-compare',
  decides: DECIDES,
  comparesSni: true,
  check({ match, endpoint }) {
    const a = endpoint.assessment;
    const c = a.endpoint.sniComparison;
    if (!c || (a.endpoint.sni === null && c.sni === null)) return { status: 'inconclusive', message: `${endpoint.label}: the paste names no server name to send as SNI, so there is nothing to compare`, findings: [] };
    const first = a.certificates[0]?.subject ?? a.endpoint.summary;
    const second = c.leaf?.subject ?? `no certificate (${c.status})`;
    const sniOf = (s: string | null) => (s === null ? 'without SNI' : `with SNI ${s}`);
    const observed = c.sameCertificate ? `${endpoint.label} presents the same certificate ${sniOf(a.endpoint.sni)} and ${sniOf(c.sni)} (${first})` : `${endpoint.label} presents ${first} ${sniOf(a.endpoint.sni)} and ${second} ${sniOf(c.sni)}`;
    return judge(match, DECIDES, observed, a.findings.filter((f) => f.category === 'sni-missing'));
  },
};
