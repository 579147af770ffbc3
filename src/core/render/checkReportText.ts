// `tlsdoc check …` for people: the endpoint, the findings (errors first, each with its fix),
// then every certificate's facts and how the chain links up. Text and Markdown.
import type { ChainSummary } from '../certificate/chain.js';
import { sanEntries, type CertificateFacts } from '../certificate/facts.js';
import { duration } from '../certificate/validity.js';
import type { EndpointFacts } from '../probe/assessEndpoint.js';
import { hostPort } from '../probe/endpointAddress.js';
import type { CheckReport } from './checkReport.js';
import { indent, PLAIN_STYLE, type TextStyle } from './text.js';


export function renderCheckText(r: CheckReport, s: TextStyle = PLAIN_STYLE): string {
  const out: string[] = [];
  if (r.endpoint) out.push(...endpointLines(r.endpoint).map((l, i) => (i === 0 ? s.bold(l) : `  ${l}`)), '');
  if (r.findings.length === 0) out.push(s.green('No problems found.'));
  else {
    out.push(s.bold('Findings'));
    for (const f of r.findings) {
      const mark = f.severity === 'error' ? s.red('error') : f.severity === 'warning' ? s.yellow('warning') : s.cyan('info');
      out.push(`  ${mark} ${s.bold(f.category)}: ${f.message}`);
      if (f.fix) out.push(s.cyan(indent(f.fix, '      ')));
    }
  }
  if (r.certificates.length) {
    out.push('', s.bold('Certificates'));
    for (const c of r.certificates) out.push(...certificateLines(c).map((l, i) => (i === 0 ? `  ${s.bold(l)}` : `     ${l}`)));
  }
  if (r.chain && r.certificates.length) out.push('', `${s.bold('Chain:')} ${chainLine(r.chain, r.trustLabel ?? null)}`);
  return out.join('\n') + '\n';
}

export function renderCheckMarkdown(r: CheckReport): string {
  const out: string[] = [];
  if (r.endpoint) {
    const [head, ...rest] = endpointLines(r.endpoint);
    out.push(`## ${head}`, '', ...rest.map((l) => `- ${l}`), '');
  }
  out.push('### Findings', '');
  if (r.findings.length === 0) out.push('No problems found.');
  for (const f of r.findings) {
    out.push(`- **${f.severity}** \`${f.category}\`: ${f.message}`);
    if (f.fix) out.push('', '  ```sh', indent(f.fix, '  '), '  ```');
  }
  if (r.certificates.length) {
    out.push('', '### Certificates', '');
    for (const c of r.certificates) {
      const [head, ...rest] = certificateLines(c);
      out.push(`- **${head}**`, ...rest.map((l) => `  - ${l}`));
    }
  }
  if (r.chain && r.certificates.length) out.push('', `**Chain:** ${chainLine(r.chain, r.trustLabel ?? null)}`);
  return out.join('\n') + '\n';
}

function endpointLines(e: EndpointFacts): string[] {
  const cc = e.clientCertificate;
  const client = cc.requested === null ? 'not known whether the server asks for one' : !cc.requested ? 'not requested' : cc.required ? 'required' : cc.required === false ? 'requested, optional' : 'requested';
  const lines = [
    `${hostPort(e.host, e.port)}: ${e.summary}`,
    `SNI ${e.sni ?? '(none)'}, verified for ${e.verifiedName}${e.address ? `, address ${e.address}` : ''}, ${e.elapsedMs} ms`,
    `client certificate: ${client}${cc.offered ? `; ours ${cc.accepted === true ? 'accepted' : cc.accepted === false ? 'rejected' : 'offered'}` : ''}`,
  ];
  if (e.sniComparison) {
    const c = e.sniComparison;
    const other = c.sni === null ? 'without SNI' : `with SNI ${c.sni}`;
    lines.push(c.sameCertificate ? `${other}: the same certificate` : `${other}: ${c.leaf ? c.leaf.subject : `no certificate (${c.status})`}`);
  }
  if (e.verifyError) lines.push(`TLS stack verification: ${e.verifyError}`);
  return lines;
}

function certificateLines(c: CertificateFacts): string[] {
  const sans = c.sans ? sanEntries(c.sans).join(', ') || '(empty)' : '(no subjectAltName extension)';
  const left = c.validity === 'expired' ? `expired ${duration(-c.secondsLeft)} ago` : c.validity === 'not-yet-valid' ? 'not yet valid' : `${duration(c.secondsLeft)} left`;
  const key = [c.publicKey.type, c.publicKey.bits, c.publicKey.curve ? `(${c.publicKey.curve})` : null].filter((x) => x !== null).join(' ');
  const bc = c.basicConstraints ? (c.basicConstraints.ca ? `CA${c.basicConstraints.pathLength !== null ? `, pathlen ${c.basicConstraints.pathLength}` : ''}` : 'not a CA') : 'no BasicConstraints';
  return [
    `${c.index}  ${c.commonName !== null ? `CN=${c.commonName}` : c.subject}${c.origin ? ` (${c.origin})` : ''}${c.ingressDefault ? ` — ${c.ingressDefault} default certificate` : ''}`,
    `subject    ${c.subject}`,
    `issuer     ${c.issuer}`,
    `SANs       ${sans}`,
    `validity   ${c.notBefore} → ${c.notAfter} (${left})`,
    `key        ${key}, signed ${c.signatureAlgorithm}`,
    `usage      ${c.keyUsage ? c.keyUsage.join(', ') : '(no KeyUsage)'}; EKU ${c.extendedKeyUsage ? c.extendedKeyUsage.join(', ') : '(none)'}; ${bc}`,
    `serial     ${c.serial}`,
    `SKI / AKI  ${c.subjectKeyId ?? '-'} / ${c.authorityKeyId ?? '-'}`,
    `SHA-256    ${c.sha256}`,
  ];
}

function chainLine(chain: ChainSummary, trustLabel: string | null): string {
  const path = chain.path.join(' → ') || '(empty)';
  const anchor = chain.anchor ? (chain.anchor.source === 'trust' ? ` → ${chain.anchor.subject} (from ${trustLabel ?? 'the trust store'})` : ` (ends at the self-signed ${chain.anchor.subject})`) : ' (no root reached)';
  const trusted = chain.trusted === null ? 'trust not checked' : chain.trusted ? 'trusted' : 'not trusted';
  return `${path}${anchor}; ${trusted}`;
}
