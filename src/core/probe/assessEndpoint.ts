// assessEndpoint: a probe's raw observations → what is wrong with the endpoint. Classifies
// the handshake, analyses the chain presented for the name or address the client
// verifies, compares the certificates with and without SNI, and says whether the server
// wants (and takes) a client certificate. Pure.
import { analyseCertificates, type CertificateAnalysis } from '../certificate/analyse.js';
import type { ChainSummary } from '../certificate/chain.js';
import { certificateFacts, certificateLabel, type CertificateFacts } from '../certificate/facts.js';
import { finding, sortFindings, type Finding } from '../certificate/finding.js';
import { coversName, dialledName } from '../certificate/hostCoverage.js';
import { certificateFromDer, type ParsedCertificate } from '../certificate/parse.js';
import type { TrustStore } from '../certificate/trustStore.js';
import { classifyHandshake, type HandshakeVerdict } from './classifyHandshake.js';
import { hostPort } from './endpointAddress.js';
import type { HandshakeObservation, HandshakeOutcome, ProbeResult, TlsVersion } from './port.js';

export interface AssessOptions {
  now: Date;
  caBundle: TrustStore | null;
  /** The name (or address) clients verify; default: the SNI sent, else the host dialled. */
  verifyName?: string;
  /** The client certificate offered, to check its own validity and usage. */
  clientCertificates?: ParsedCertificate[];
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
}

export interface ClientCertificateFacts {
  /** The server sent a CertificateRequest (null: its handshake could not be read). */
  requested: boolean | null;
  offered: boolean;
  /** The server refuses clients without one (null: not known). */
  required: boolean | null;
  /** The server took the certificate offered (null: none offered, or not known). */
  accepted: boolean | null;
}

export interface SniComparison {
  /** The SNI of the second handshake (null: none). */
  sni: string | null;
  status: HandshakeOutcome;
  leaf: { subject: string; sha256: string } | null;
  sameCertificate: boolean | null;
}

export interface EndpointFacts {
  host: string;
  port: number;
  address: string | null;
  sni: string | null;
  verifiedName: string;
  status: HandshakeOutcome;
  summary: string;
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  alert: string | null;
  error: string | null;
  plaintextReply: string | null;
  /** The TLS stack's own verdict on the chain (against --ca, or its default roots). */
  verifyError: string | null;
  chainSource: HandshakeObservation['chainSource'];
  elapsedMs: number;
  clientCertificate: ClientCertificateFacts;
  sniComparison: SniComparison | null;
}

export interface EndpointAssessment {
  endpoint: EndpointFacts;
  /** The chain as presented, leaf first. */
  certificates: CertificateFacts[];
  chain: ChainSummary | null;
  findings: Finding[];
}

export function assessEndpoint(result: ProbeResult, options: AssessOptions): EndpointAssessment {
  const p = result.primary;
  const at = { host: result.host, port: result.port, minVersion: options.minVersion, maxVersion: options.maxVersion };
  const verdict = classifyHandshake(p, at);
  const verifiedName = options.verifyName ?? p.sni ?? result.host;
  const presented = decodeChain(p.chain);
  const analysis = presented.length ? analyseCertificates({ certificates: presented, host: verifiedName, caBundle: options.caBundle, usage: 'server', now: options.now }) : null;
  const sni = result.alternateSni ? compareSni(result, analysis, options.now) : null;
  const findings = [
    ...verdict.findings,
    ...(analysis?.findings ?? []),
    ...(sni?.findings ?? []),
    ...clientCertificateFindings(options.clientCertificates ?? [], options.now),
  ];
  return {
    endpoint: {
      host: result.host,
      port: result.port,
      address: result.address,
      sni: p.sni,
      verifiedName,
      status: p.outcome,
      summary: verdict.summary,
      protocol: p.protocol,
      cipher: p.cipher,
      alpn: p.alpn,
      alert: verdict.alert,
      error: p.error?.message.split('\n')[0] ?? null,
      plaintextReply: p.plaintextReply,
      verifyError: p.verifyError,
      chainSource: p.chainSource,
      elapsedMs: p.elapsedMs,
      clientCertificate: clientCertificateFacts(result, verdict, at),
      sniComparison: sni?.comparison ?? null,
    },
    certificates: analysis?.certificates ?? [],
    chain: analysis?.chain ?? null,
    findings: sortFindings(findings),
  };
}

function decodeChain(chain: Uint8Array[]): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  for (const der of chain) {
    try {
      out.push(certificateFromDer(der));
    } catch {
      // a certificate that does not decode cannot be analysed; the rest still can
    }
  }
  return out;
}

function clientCertificateFacts(r: ProbeResult, verdict: HandshakeVerdict, at: { host: string; port: number }): ClientCertificateFacts {
  const p = r.primary;
  const offered = p.clientCertificateOffered;
  let required: boolean | null = null;
  if (!offered) required = verdict.clientCertificateProblem === 'required' ? true : p.outcome === 'established' && p.certificateRequested !== null ? false : null;
  else if (r.withoutClientCertificate) {
    const without = classifyHandshake(r.withoutClientCertificate, at);
    required = without.clientCertificateProblem === 'required' ? true : r.withoutClientCertificate.outcome === 'established' ? false : null;
  }
  const accepted = offered && p.certificateRequested ? (p.outcome === 'established' ? true : verdict.clientCertificateProblem === 'rejected' ? false : null) : null;
  return { requested: p.certificateRequested, offered, required, accepted };
}

interface SniResult {
  comparison: SniComparison;
  findings: Finding[];
}

/** The primary handshake against the second one with the other SNI choice. */
function compareSni(r: ProbeResult, primary: CertificateAnalysis | null, now: Date): SniResult {
  const alt = r.alternateSni as HandshakeObservation;
  const hp = hostPort(r.host, r.port);
  const altChain = decodeChain(alt.chain);
  const altLeaf = altChain[0] ? certificateFacts(altChain[0], 0, now) : null;
  const primaryLeaf = primary ? (primary.certificates[0] ?? null) : null;
  const same = primaryLeaf && altLeaf ? primaryLeaf.sha256 === altLeaf.sha256 : null;
  const comparison: SniComparison = { sni: alt.sni, status: alt.outcome, leaf: altLeaf ? { subject: altLeaf.subject, sha256: altLeaf.sha256 } : null, sameCertificate: same };
  // The handshake with SNI is what a correct client sees; the other is what a client without SNI sees.
  const primarySide = { o: r.primary, leaf: primaryLeaf };
  const altSide = { o: alt, leaf: altLeaf };
  const [withSni, without] = r.primary.sni !== null ? [primarySide, altSide] : [altSide, primarySide];
  const name = withSni.o.sni;
  const findings: Finding[] = [];
  if (name === null) return { comparison, findings }; // both without SNI: nothing to compare
  const target = dialledName(name);
  const withCovers = withSni.leaf ? coversName(withSni.leaf, target) : false;
  const withoutCovers = without.leaf ? coversName(without.leaf, target) : false;
  const severity = r.primary.sni === null ? 'error' : 'warning';
  if (withSni.o.outcome === 'established' && without.o.outcome !== 'established' && without.o.outcome !== 'timeout') {
    findings.push(finding('sni-missing', severity, null, `${hp} completes the handshake only with SNI ${name} (without SNI: ${without.o.outcome}${without.o.error ? `, ${without.o.error.message.split('\n')[0]?.slice(0, 80)}` : ''}); clients must send SNI ${name}.`, sniFix(hp, name)));
  } else if (withSni.leaf && without.leaf && same === false && withCovers && !withoutCovers) {
    findings.push(
      finding('sni-missing', severity, without.leaf, `Without SNI ${hp} presents ${certificateLabel(without.leaf)}${without.leaf.ingressDefault ? ` (${without.leaf.ingressDefault}'s default certificate)` : ''}, which does not cover ${name}; with SNI ${name} it presents ${certificateLabel(withSni.leaf)}, which does: clients must send SNI ${name}.`, sniFix(hp, name)),
    );
  }
  return { comparison, findings };
}

function sniFix(hp: string, name: string): string {
  return [
    `openssl s_client -connect ${hp} -servername ${name} </dev/null 2>/dev/null | openssl x509 -noout -subject -ext subjectAltName`,
    `# Go: tls.Config{ServerName: "${name}"}; curl: --resolve ${name}:<port>:<address> https://${name}:<port>/; Prometheus: tlsConfig.serverName; APISIX etcd: deployment.etcd.tls.sni`,
  ].join('\n');
}

/** The client certificate's own problems (expired, not yet valid, no clientAuth). */
function clientCertificateFindings(certs: ParsedCertificate[], now: Date): Finding[] {
  if (!certs.length) return [];
  const a = analyseCertificates({ certificates: certs, usage: 'client', now });
  return a.findings
    .filter((f) => f.category === 'expired' || f.category === 'not-yet-valid' || f.category === 'bad-key-usage')
    .map((f) => ({ ...f, message: f.message.replace(/\bcertificate (\d+) \(/g, 'client certificate $1 (') }));
}
