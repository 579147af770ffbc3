// The CA certificates a client trusts, indexed by subject for issuer lookup. Built once
// (from --ca, or the runtime's root store) and passed in.
import type { ParsedCertificate } from './parse.js';
import { printable } from './facts.js';

export interface TrustAnchor<C> {
  subject: string;
  cert: C;
}

export interface TrustStore<C = ParsedCertificate> {
  /** How findings name it: `the CA bundle ca.pem`, `the default root store`. */
  label: string;
  bySubject: Map<string, TrustAnchor<C>[]>;
  size: number;
}

export function trustStoreOf(certificates: ParsedCertificate[], label: string): TrustStore {
  return trustStoreFrom(certificates.map((cert) => ({ subject: printable(cert.x509.subject), cert })), label);
}

export function trustStoreFrom<C>(anchors: TrustAnchor<C>[], label: string): TrustStore<C> {
  const bySubject = new Map<string, TrustAnchor<C>[]>();
  for (const a of anchors) bySubject.set(a.subject, [...(bySubject.get(a.subject) ?? []), a]);
  return { label, bySubject, size: anchors.length };
}
