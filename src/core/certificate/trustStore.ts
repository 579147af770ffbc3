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
}

export function trustStoreOf(certificates: ParsedCertificate[], label: string): TrustStore {
  const bySubject = new Map<string, TrustAnchor<ParsedCertificate>[]>();
  for (const cert of certificates) {
    const subject = printable(cert.x509.subject);
    const same = bySubject.get(subject);
    if (same) same.push({ subject, cert });
    else bySubject.set(subject, [{ subject, cert }]);
  }
  return { label, bySubject };
}
