// The facts of one certificate that a person (or a check) needs: names, validity, key,
// usages, constraints, identifiers. Plain data, so checks can be tested without X.509.
import { createHash } from 'node:crypto';
import { canonicalIP } from '../entities/addresses.js';
import { ingressDefaultOf } from './ingressDefault.js';
import type { ParsedCertificate } from './parse.js';
import {
  AuthorityInfoAccessExtension,
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
} from './x509.js';

export interface SubjectAltNames {
  dns: string[];
  ip: string[];
  uri: string[];
  email: string[];
}

export interface PublicKeyFacts {
  /** RSA, EC, Ed25519, Ed448, or the algorithm name the library reports. */
  type: string;
  bits: number | null;
  curve: string | null;
}

export interface CertificateFacts {
  /** Position in the list it was given in (0 = first presented). */
  index: number;
  /** The Secret key it came from (`tls.crt`), when known. */
  origin: string | null;
  subject: string;
  issuer: string;
  commonName: string | null;
  /** Serial number, lower-case hex. */
  serial: string;
  /** null when the certificate has no subjectAltName extension at all. */
  sans: SubjectAltNames | null;
  notBefore: string;
  notAfter: string;
  /** Seconds from `now` until notAfter (negative once expired). */
  secondsLeft: number;
  validity: 'valid' | 'expired' | 'not-yet-valid';
  /** SHA-256 of the DER, as `openssl x509 -fingerprint -sha256` prints it. */
  sha256: string;
  publicKey: PublicKeyFacts;
  /** null when the extension is absent. */
  keyUsage: string[] | null;
  extendedKeyUsage: string[] | null;
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  signatureAlgorithm: string;
  /** Subject and issuer are the same name (a root, or a self-signed leaf). */
  selfIssued: boolean;
  /** AIA caIssuers URLs: where the issuer's certificate is published. */
  caIssuers: string[];
  /** The ingress controller whose built-in default certificate this is, or null. */
  ingressDefault: string | null;
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};
const KEY_USAGE_NAMES: [KeyUsageFlags, string][] = [
  [KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [KeyUsageFlags.cRLSign, 'cRLSign'],
  [KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [KeyUsageFlags.decipherOnly, 'decipherOnly'],
];
const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521, Ed25519: 256, Ed448: 456, X25519: 256, X448: 448 };

export function certificateFacts(cert: ParsedCertificate, index: number, now: Date): CertificateFacts {
  const x = cert.x509;
  const notBefore = x.notBefore;
  const notAfter = x.notAfter;
  const basic = x.getExtension(BasicConstraintsExtension);
  const ku = x.getExtension(KeyUsagesExtension);
  const eku = x.getExtension(ExtendedKeyUsageExtension);
  const aia = x.getExtension(AuthorityInfoAccessExtension);
  const cn = x.subjectName.getField('CN')[0];
  return {
    index,
    origin: cert.origin,
    subject: printable(x.subject),
    issuer: printable(x.issuer),
    commonName: cn === undefined ? null : printable(cn),
    serial: x.serialNumber.toLowerCase(),
    sans: subjectAltNames(cert),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    secondsLeft: Math.floor((notAfter.getTime() - now.getTime()) / 1000),
    validity: now < notBefore ? 'not-yet-valid' : now > notAfter ? 'expired' : 'valid',
    sha256: fingerprint(cert.der),
    publicKey: publicKeyFacts(cert),
    keyUsage: ku ? KEY_USAGE_NAMES.filter(([flag]) => (ku.usages & flag) !== 0).map(([, name]) => name) : null,
    extendedKeyUsage: eku ? eku.usages.map((u) => EKU_NAMES[String(u)] ?? String(u)) : null,
    basicConstraints: basic ? { ca: basic.ca, pathLength: basic.pathLength ?? null } : null,
    subjectKeyId: x.getExtension(SubjectKeyIdentifierExtension)?.keyId.toLowerCase() ?? null,
    authorityKeyId: x.getExtension(AuthorityKeyIdentifierExtension)?.keyId?.toLowerCase() ?? null,
    signatureAlgorithm: signatureAlgorithmName(cert),
    selfIssued: x.subject === x.issuer,
    caIssuers: aia ? aia.caIssuers.filter((n) => n.type === 'url').map((n) => printable(n.value)) : [],
    ingressDefault: ingressDefaultOf(x.subjectName),
  };
}

/** `certificate 0 (CN=etcd)`: how findings name a certificate. */
export function certificateLabel(f: Pick<CertificateFacts, 'index' | 'commonName' | 'subject'>): string {
  return `certificate ${f.index} (${f.commonName !== null ? `CN=${f.commonName}` : f.subject || 'no subject'})`;
}

/** Certificate text is untrusted: control characters would drive the reader's terminal. */
export function printable(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}

export function fingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

function subjectAltNames(cert: ParsedCertificate): SubjectAltNames | null {
  const ext = cert.x509.getExtension(SubjectAlternativeNameExtension);
  if (!ext) return null;
  const sans: SubjectAltNames = { dns: [], ip: [], uri: [], email: [] };
  for (const n of ext.names.items) {
    if (n.type === 'dns') sans.dns.push(printable(n.value.toLowerCase()));
    else if (n.type === 'ip') sans.ip.push(canonicalIP(n.value));
    else if (n.type === 'url') sans.uri.push(printable(n.value));
    else if (n.type === 'email') sans.email.push(printable(n.value));
  }
  return sans;
}

function publicKeyFacts(cert: ParsedCertificate): PublicKeyFacts {
  try {
    const alg = cert.x509.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
    if (alg.name.startsWith('RSA')) return { type: alg.name === 'RSA-PSS' ? 'RSA-PSS' : 'RSA', bits: alg.modulusLength ?? null, curve: null };
    if (alg.name === 'ECDSA' || alg.name === 'ECDH') return { type: 'EC', bits: CURVE_BITS[alg.namedCurve ?? ''] ?? null, curve: alg.namedCurve ?? null };
    const name = alg.namedCurve ?? alg.name;
    return { type: name, bits: CURVE_BITS[name] ?? null, curve: null };
  } catch {
    return { type: 'unknown', bits: null, curve: null };
  }
}

/** OpenSSL's names (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`), so output compares with `openssl x509 -text`. */
function signatureAlgorithmName(cert: ParsedCertificate): string {
  try {
    const alg = cert.x509.signatureAlgorithm as { name: string; hash?: { name: string } };
    const hash = (alg.hash?.name ?? '').replace('-', '');
    if (alg.name === 'RSASSA-PKCS1-v1_5') return `${hash.toLowerCase()}WithRSAEncryption`;
    if (alg.name === 'ECDSA') return `ecdsa-with-${hash}`;
    if (alg.name === 'RSA-PSS') return `rsassaPss (${hash})`;
    return alg.name;
  } catch {
    return 'unknown';
  }
}

/** `DNS:etcd0`, `IP:127.0.0.1`, `URI:…`, `email:…`, as openssl prints SANs; kinds left out are not listed. */
export function sanEntries(sans: Partial<SubjectAltNames>): string[] {
  const { dns = [], ip = [], uri = [], email = [] } = sans;
  return [...dns.map((d) => `DNS:${d}`), ...ip.map((i) => `IP:${i}`), ...uri.map((u) => `URI:${u}`), ...email.map((m) => `email:${m}`)];
}

/** `CN=etcd (SANs DNS:etcd0, IP:127.0.0.1; valid until 2026-01-01)`: a certificate in a clause. */
export function summariseCertificate(f: CertificateFacts): string {
  const names = f.sans ? sanEntries({ dns: f.sans.dns, ip: f.sans.ip }) : [];
  const shown = names.length > 6 ? [...names.slice(0, 6), `${names.length - 6} more`] : names;
  const sans = f.sans ? `SANs ${shown.join(', ') || 'none'}` : 'no SAN extension';
  const when = f.validity === 'expired' ? `expired ${f.notAfter.slice(0, 10)}` : f.validity === 'not-yet-valid' ? `valid from ${f.notBefore.slice(0, 10)}` : `valid until ${f.notAfter.slice(0, 10)}`;
  return `${f.commonName !== null ? `CN=${f.commonName}` : f.subject || 'a certificate without subject'} (${sans}; ${when}; issued by ${f.issuer})`;
}
