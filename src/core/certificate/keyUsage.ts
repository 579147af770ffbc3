// May these certificates be used this way? The leaf needs serverAuth (or clientAuth) when
// it restricts its extended key usage, and a signing usage when it restricts its key
// usage; every issuer in the chain must be a CA allowed to sign certificates, within its
// path length, and must not exclude the usage from its subordinates (Go enforces nesting).
import { certificateLabel, type CertificateFacts } from './facts.js';
import { finding, type Finding } from './finding.js';
import { reissueCommands, usageFix } from './fixCommands.js';

export type Usage = 'server' | 'client';

const EKU_FOR: Record<Usage, string> = { server: 'serverAuth', client: 'clientAuth' };
/** The extensions a CA certificate needs to sign certificates. */
const CA_EXTENSIONS = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
const allows = (eku: string[] | null, wanted: string) => !eku || eku.includes(wanted) || eku.includes('anyExtendedKeyUsage');

/** `path` is the chain from the leaf up (presented certificates only). */
export function keyUsageFindings(path: CertificateFacts[], usage: Usage): Finding[] {
  const leaf = path[0];
  if (!leaf) return [];
  const out: Finding[] = [];
  const wanted = EKU_FOR[usage];
  const label = certificateLabel(leaf);
  if (!allows(leaf.extendedKeyUsage, wanted)) {
    out.push(finding('bad-key-usage', 'error', leaf, `${label} has ExtendedKeyUsage ${(leaf.extendedKeyUsage ?? []).join(', ') || '(empty)'} but not ${wanted}, so it cannot be used as a TLS ${usage} certificate; add extendedKeyUsage ${wanted}.`, usageFix(leaf, wanted)));
  }
  const ku = leaf.keyUsage;
  if (ku && !['digitalSignature', 'keyEncipherment', 'keyAgreement'].some((u) => ku.includes(u))) {
    out.push(finding('bad-key-usage', 'error', leaf, `${label}'s KeyUsage (${ku.join(', ') || 'empty'}) allows no TLS handshake signature; add keyUsage digitalSignature.`, usageFix(leaf, wanted)));
  }
  path.slice(1).forEach((issuer, k) => {
    const child = path[k] as CertificateFacts;
    const il = certificateLabel(issuer);
    if (!issuer.basicConstraints?.ca) {
      out.push(finding('bad-key-usage', 'error', issuer, `${il} signed ${certificateLabel(child)} but is not a CA (no BasicConstraints CA:TRUE); reissue it with basicConstraints=critical,CA:TRUE.`, reissueCommands(issuer, CA_EXTENSIONS, 'cfssl: "ca_constraint": {"is_ca": true} in the signing profile')));
    } else if (issuer.keyUsage && !issuer.keyUsage.includes('keyCertSign')) {
      out.push(finding('bad-key-usage', 'error', issuer, `${il} signed ${certificateLabel(child)} but its KeyUsage (${issuer.keyUsage.join(', ')}) lacks keyCertSign; add keyUsage keyCertSign.`, reissueCommands(issuer, CA_EXTENSIONS, 'reissue the CA, then re-sign the certificates below it')));
    }
    const below = k; // CA certificates between this issuer and the leaf
    if (issuer.basicConstraints?.pathLength != null && below > issuer.basicConstraints.pathLength) {
      out.push(finding('bad-key-usage', 'error', issuer, `${il} allows ${issuer.basicConstraints.pathLength} intermediate CA(s) below it (pathlen) but ${below} follow it; reissue it with pathlen:${below}.`));
    }
    if (!allows(issuer.extendedKeyUsage, wanted)) {
      out.push(finding('bad-key-usage', 'error', issuer, `${il} limits the certificates it issues to ExtendedKeyUsage ${(issuer.extendedKeyUsage ?? []).join(', ')}, which excludes ${wanted}; reissue it with ${wanted} (or without an ExtendedKeyUsage extension).`));
    }
  });
  return out;
}
