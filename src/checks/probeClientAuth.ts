// probe-client-auth: does the server ask for a client certificate, and refuse clients
// without one. tlsdoc has no client certificate of the paste's client, so it can show
// that one is required, not why a given one was refused.
import { judge } from '../core/live/judge.js';
import type { LiveCheck } from './liveCheck.js';

const DECIDES = ['client-cert-required'] as const;

export const probeClientAuth: LiveCheck = {
  kind: 'probe-client-auth',
  decides: DECIDES,
  check({ match, endpoint }) {
    const cc = endpoint.assessment.endpoint.clientCertificate;
    const asks = cc.requested === null ? 'may or may not ask for a client certificate (its handshake could not be read)' : cc.requested ? 'asks for a client certificate' : 'does not ask for a client certificate';
    const refuses = cc.required === true ? ' and refuses clients without one' : cc.required === false && cc.requested ? ' but accepts clients without one' : '';
    const observed = `${endpoint.label} ${asks}${refuses}`;
    const findings = endpoint.assessment.findings.filter((f) => f.category === 'client-cert-required' || f.category === 'client-cert-rejected');
    if (match.category === 'client-cert-rejected') {
      if (cc.requested === false) return { status: 'refuted', message: `${observed}, so it cannot be rejecting one`, findings };
      return { status: 'inconclusive', message: `${observed}; to see why the client's certificate is refused, run tlsdoc check endpoint with its --cert and --key`, findings };
    }
    return judge(match, DECIDES, observed, findings);
  },
};
