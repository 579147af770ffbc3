// The report of `tlsdoc check cert` and `tlsdoc check endpoint`, and its JSON form:
// {"findings":[…], "certificates":[…], "chain":{…}, "endpoint":{…}} (endpoint only for
// an endpoint check), findings with category, severity, message, certificate and fix.
import type { ChainSummary } from '../certificate/chain.js';
import type { CertificateFacts } from '../certificate/facts.js';
import type { Finding } from '../certificate/finding.js';
import type { EndpointFacts } from '../probe/assessEndpoint.js';

export interface CheckReport {
  findings: Finding[];
  certificates: CertificateFacts[];
  chain: ChainSummary | null;
  endpoint?: EndpointFacts;
  /** Where the trust verdict comes from (`the CA bundle ca.pem`), for people. */
  trustLabel?: string | null;
}

export function renderCheckJson(r: CheckReport): string {
  return JSON.stringify({
    findings: r.findings.map((f) => ({ category: f.category, severity: f.severity, message: f.message, certificate: f.certificate, fix: f.fix })),
    certificates: r.certificates,
    chain: r.chain,
    ...(r.endpoint ? { endpoint: r.endpoint } : {}),
  });
}
