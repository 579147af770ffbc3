// Does a private key belong to the certificate? Compares the public key derived from the
// private key with the certificate's. The key is only read here, never returned, kept,
// logged or quoted in a message; callers hand in bytes and get a boolean and findings.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { TlsdocError } from '../errors.js';
import { certificateLabel, type CertificateFacts } from './facts.js';
import { finding, type Finding } from './finding.js';
import { KEY_MATCH_CHECK } from './fixCommands.js';
import type { ParsedCertificate } from './parse.js';

export interface KeyMatch {
  /** The key belongs to the leaf. */
  matches: boolean;
  findings: Finding[];
}

const KEY_BEGIN = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----/;
const SECRET_KEY_VALUE = /LS0tLS1CRUdJTi[A-Za-z0-9+/]{0,1048576}={0,2}/;

export function keyMatch(privateKey: Uint8Array, leaf: { facts: CertificateFacts; cert: ParsedCertificate }, others: { facts: CertificateFacts; cert: ParsedCertificate }[] = []): KeyMatch {
  const derived = publicKeyOf(privateKey);
  const belongsTo = (c: ParsedCertificate) => certificatePublicKey(c)?.equals(derived) === true;
  if (belongsTo(leaf.cert)) return { matches: true, findings: [] };
  const owner = others.find((o) => o !== leaf && belongsTo(o.cert));
  const keyKind = describeKey(derived);
  const leafKind = [leaf.facts.publicKey.type, leaf.facts.publicKey.bits ?? leaf.facts.publicKey.curve].filter(Boolean).join(' ');
  const elsewhere = owner ? `; it belongs to ${certificateLabel(owner.facts)} instead` : '';
  return {
    matches: false,
    findings: [
      finding('key-mismatch', 'error', leaf.facts, `The private key (${keyKind}) does not belong to ${certificateLabel(leaf.facts)} (${leafKind} key)${elsewhere}; deploy the key generated with this certificate's CSR, or reissue the certificate for this key.`, KEY_MATCH_CHECK),
    ],
  };
}

function certificatePublicKey(c: ParsedCertificate): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(c.x509.publicKey.rawData), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

function describeKey(k: KeyObject): string {
  const d = k.asymmetricKeyDetails;
  const type = (k.asymmetricKeyType ?? 'unknown').toUpperCase().replace('ED', 'Ed');
  return [type, d?.modulusLength ?? d?.namedCurve].filter(Boolean).join(' ');
}

/** The public half of a PEM, DER or Secret-base64 private key. */
function publicKeyOf(input: Uint8Array): KeyObject {
  let text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const secret = !text.includes('-----BEGIN') ? SECRET_KEY_VALUE.exec(text) : null;
  if (secret) text = Buffer.from(secret[0], 'base64').toString('latin1');
  const begin = KEY_BEGIN.exec(text);
  if (begin) {
    const label = begin[1] as string;
    const end = text.indexOf(`-----END ${label}-----`, begin.index);
    const block = end < 0 ? '' : text.slice(begin.index, end + `-----END ${label}-----`.length);
    if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block)) {
      throw new TlsdocError('PRIVATE_KEY_INVALID', 'the private key is encrypted; decrypt a copy first (openssl pkey -in tls.key -out plain.key) and pass that');
    }
    try {
      return createPublicKey(createPrivateKey({ key: block, format: 'pem' }));
    } catch {
      throw new TlsdocError('PRIVATE_KEY_INVALID', `the ${label} block could not be read (damaged, or an unsupported algorithm)`);
    }
  }
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return createPublicKey(createPrivateKey({ key: Buffer.from(input), format: 'der', type }));
    } catch {
      // try the next encoding
    }
  }
  throw new TlsdocError('PRIVATE_KEY_INVALID', 'no private key found: expected a PEM PRIVATE KEY block (PKCS#8, RSA or EC), DER, or a Secret\'s base64 tls.key value');
}
