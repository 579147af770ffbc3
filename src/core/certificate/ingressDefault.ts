// Certificates ingress controllers serve when the TLS Secret an Ingress names is missing
// or invalid, or no route matches the SNI. Seeing one means the cause is the Secret or
// the routing, never the certificate itself.
import type { Name } from './x509.js';

interface DefaultCertificate {
  controller: string;
  commonName: string;
  organisation?: string;
}

const DEFAULT_CERTIFICATES: DefaultCertificate[] = [
  { controller: 'ingress-nginx', commonName: 'Kubernetes Ingress Controller Fake Certificate', organisation: 'Acme Co' },
  { controller: 'Traefik', commonName: 'TRAEFIK DEFAULT CERT' },
];

/** The controller whose built-in default certificate has this subject, or null. */
export function ingressDefaultOf(subject: Name): string | null {
  const cn = subject.getField('CN');
  const o = subject.getField('O');
  const hit = DEFAULT_CERTIFICATES.find((d) => cn.includes(d.commonName) && (d.organisation === undefined || o.includes(d.organisation)));
  return hit?.controller ?? null;
}
