// Signature verification for chain building, on node:crypto: synchronous (the X.509
// library's verify is async) and it covers RSA, RSA-PSS, ECDSA and EdDSA alike.
import { X509Certificate as NodeCertificate } from 'node:crypto';
import type { ParsedCertificate } from './parse.js';

/** Did `issuer`'s key sign `child`? */
export type SignatureCheck<C> = (child: C, issuer: C) => boolean;

const decoded = new WeakMap<ParsedCertificate, NodeCertificate | null>();

function nodeCertificate(c: ParsedCertificate): NodeCertificate | null {
  let n = decoded.get(c);
  if (n === undefined) {
    try {
      n = new NodeCertificate(c.der);
    } catch {
      n = null; // an encoding OpenSSL refuses cannot verify anything
    }
    decoded.set(c, n);
  }
  return n;
}

export const issuedBy: SignatureCheck<ParsedCertificate> = (child, issuer) => {
  const c = nodeCertificate(child);
  const i = nodeCertificate(issuer);
  if (!c || !i) return false;
  try {
    return c.verify(i.publicKey);
  } catch {
    return false;
  }
};
