// analyseCertificates: every certificate check over one list of certificates (a served
// chain, a file, a Secret), for the name or address a client dialled. Pure: the trust
// store, the private key bytes and the time come in as arguments.
import { analyseChain, type ChainMember, type ChainSummary } from './chain.js';
import { certificateFacts, certificateLabel, type CertificateFacts } from './facts.js';
import { finding, sortFindings, type Finding } from './finding.js';
import { coverageFindings, dialledName } from './hostCoverage.js';
import { keyUsageFindings, type Usage } from './keyUsage.js';
import { keyMatch } from './privateKey.js';
import type { ParsedCertificate } from './parse.js';
import { issuedBy } from './signature.js';
import type { TrustStore } from './trustStore.js';
import { validityFindings } from './validity.js';

export interface AnalyseInput {
  /** In the order presented or stored: leaf first when the source is well-formed. */
  certificates: ParsedCertificate[];
  /** The DNS name (or address) the client verified. */
  host?: string;
  /** The address the client dialled, when it verified against an IP. */
  ip?: string;
  /** The client's trust store; without it, trust is not judged. */
  caBundle?: TrustStore | null;
  /** Checked against the leaf, then dropped; never part of the result. */
  privateKey?: Uint8Array;
  usage?: Usage;
  now: Date;
}

export interface CertificateAnalysis {
  certificates: CertificateFacts[];
  /** Index of the certificate treated as the leaf. */
  leaf: number;
  chain: ChainSummary;
  findings: Finding[];
  /** Whether the private key belongs to the leaf; null when no key was given. */
  keyMatches: boolean | null;
}

export function analyseCertificates(input: AnalyseInput): CertificateAnalysis {
  const members: ChainMember<ParsedCertificate>[] = input.certificates.map((cert, i) => ({ cert, facts: certificateFacts(cert, i, input.now) }));
  if (members.length === 0) return { certificates: [], leaf: 0, chain: { path: [], anchor: null, trusted: null }, findings: [], keyMatches: null };
  const facts = members.map((m) => m.facts);
  const chain = analyseChain(members, input.caBundle ?? null, issuedBy);
  const leaf = chain.summary.path[0] as number; // the chain starts at the leaf
  const leafFacts = facts[leaf] as CertificateFacts;
  const target = input.ip ?? input.host;
  const findings: Finding[] = [
    ...ingressDefaultFindings(leafFacts),
    ...coverageFindings(leafFacts, target ? dialledName(target) : null),
    ...validityFindings(facts),
    ...chain.findings,
    ...keyUsageFindings(chain.summary.path.map((i) => facts[i] as CertificateFacts), input.usage ?? 'server'),
  ];
  let keyMatches: boolean | null = null;
  if (input.privateKey) {
    const m = keyMatch(input.privateKey, members[leaf] as ChainMember<ParsedCertificate>, members);
    keyMatches = m.matches;
    findings.push(...m.findings);
  }
  return { certificates: facts, leaf, chain: chain.summary, findings: sortFindings(findings), keyMatches };
}

function ingressDefaultFindings(leaf: CertificateFacts): Finding[] {
  if (!leaf.ingressDefault) return [];
  return [
    finding(
      'ingress-default-cert',
      'error',
      leaf,
      `${certificateLabel(leaf)} is ${leaf.ingressDefault}'s built-in default certificate, served when the TLS Secret an Ingress names is missing or invalid or no Ingress matches the SNI; fix the Ingress's tls.secretName (and its hosts) so the controller serves the real certificate.`,
      'kubectl get ingress -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name,HOSTS:.spec.tls[*].hosts,SECRET:.spec.tls[*].secretName\nkubectl -n <namespace> get secret <secretName> -o jsonpath=\'{.type}\'   # expect kubernetes.io/tls\nkubectl -n ingress-nginx logs deploy/ingress-nginx-controller | grep -i "error obtaining x.509"',
    ),
  ];
}
