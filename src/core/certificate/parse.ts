// Finding certificates in whatever a user has at hand: PEM files and bundles (text around
// the blocks, CRLF, `\n` escapes from JSON), DER, and base64 as a Kubernetes Secret stores
// it (`data` values are base64 of PEM), up to a whole `kubectl get secret -o yaml|json`.
// Other PEM blocks (private keys, CSRs) are passed over: never decoded, kept or echoed.
import { TlsdocError } from '../errors.js';
import { X509Certificate } from './x509.js';

export interface ParsedCertificate {
  /** The DER encoding, as found. */
  der: Uint8Array;
  x509: X509Certificate;
  /** Where it came from when the input says: the Secret key (`tls.crt`, `ca.crt`). */
  origin: string | null;
}

export interface ParsedBundle {
  certificates: ParsedCertificate[];
  /** Why a block that looked like a certificate was not used (never its content). */
  skipped: string[];
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{1,40})-----/g;
// base64 of "-----BEGIN": how a PEM file looks inside a Secret's `data`.
const SECRET_VALUE = /LS0tLS1CRUdJTi[A-Za-z0-9+/]{0,16777216}={0,2}/g;
const SECRET_KEY_BEFORE = /["']?([A-Za-z0-9._-]{1,63})["']?\s{0,8}:\s{0,8}["']?$/;
const BASE64_ONLY = /^[A-Za-z0-9+/=\s]+$/;

interface Candidate {
  der: Uint8Array;
  origin: string | null;
  at: string;
}

/**
 * Every certificate in `input`, in the order found. Throws CERTIFICATE_NOT_FOUND when
 * there is nothing that looks like one, CERTIFICATE_INVALID when none of them decode.
 */
export function parseCertificates(input: string | Uint8Array, source = 'input'): ParsedBundle {
  const candidates = findCandidates(input, null, 0);
  if (candidates.length === 0) {
    throw new TlsdocError('CERTIFICATE_NOT_FOUND', `no certificate in ${source}: expected PEM (-----BEGIN CERTIFICATE-----), DER, or a Secret's base64 tls.crt value`);
  }
  const certificates: ParsedCertificate[] = [];
  const skipped: string[] = [];
  for (const c of candidates) {
    try {
      certificates.push({ der: c.der, x509: new X509Certificate(c.der), origin: c.origin });
    } catch (e) {
      skipped.push(`${c.at} in ${source} is not a valid X.509 certificate (${(e as Error).message.slice(0, 120)})`);
    }
  }
  if (certificates.length === 0) throw new TlsdocError('CERTIFICATE_INVALID', skipped.join('; '));
  return { certificates, skipped };
}

/** One certificate from DER bytes (as a TLS handshake presents them). */
export function certificateFromDer(der: Uint8Array, origin: string | null = null): ParsedCertificate {
  try {
    return { der, x509: new X509Certificate(der), origin };
  } catch (e) {
    throw new TlsdocError('CERTIFICATE_INVALID', `a certificate could not be decoded: ${(e as Error).message.slice(0, 120)}`, { cause: e });
  }
}

function findCandidates(input: string | Uint8Array, origin: string | null, depth: number): Candidate[] {
  if (typeof input !== 'string') {
    if (input[0] === 0x30 && !looksLikeText(input)) return derElements(input).map((der, i) => ({ der, origin, at: `DER certificate ${i}` }));
    input = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  }
  const text = input;
  const found: { offset: number; candidates: Candidate[] }[] = [];
  const noEnd = new Set<string>();
  for (const m of text.matchAll(PEM_BEGIN)) {
    const label = m[1] as string;
    if (!CERTIFICATE_LABELS.has(label) || noEnd.has(label)) continue;
    const bodyStart = (m.index as number) + m[0].length;
    const end = text.indexOf(`-----END ${label}-----`, bodyStart);
    if (end < 0) {
      noEnd.add(label); // no later block with this label can close either
      found.push({ offset: m.index as number, candidates: [{ der: new Uint8Array(0), origin, at: `PEM block ${found.length} (no END line)` }] });
      continue;
    }
    const der = firstDerElement(Buffer.from(pemBody(text.slice(bodyStart, end)), 'base64'));
    found.push({ offset: m.index as number, candidates: [{ der, origin, at: `PEM block ${found.length}` }] });
  }
  if (depth === 0) {
    for (const m of text.matchAll(SECRET_VALUE)) {
      const key = SECRET_KEY_BEFORE.exec(text.slice(Math.max(0, (m.index as number) - 80), m.index))?.[1] ?? null;
      found.push({ offset: m.index as number, candidates: findCandidates(Buffer.from(m[0], 'base64').toString('latin1'), key, depth + 1) });
    }
  }
  if (found.length === 0 && depth === 0 && BASE64_ONLY.test(text) && text.trim().length >= 64) {
    return findCandidates(Buffer.from(text.replace(/\s+/g, ''), 'base64'), origin, depth + 1);
  }
  return found.sort((a, b) => a.offset - b.offset).flatMap((f) => f.candidates);
}

/** The base64 of a PEM body: without headers (`Proc-Type: …`), whitespace or `\n` escapes. */
function pemBody(body: string): string {
  return body
    .replace(/\\[nr]/g, '\n')
    .split('\n')
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64);
  let printable = 0;
  for (const b of head) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  return printable === head.length;
}

/** Concatenated DER SEQUENCEs, as `cat a.der b.der` leaves them. */
function derElements(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length && bytes[at] === 0x30) {
    const length = derLength(bytes, at);
    if (length === undefined || at + length > bytes.length) {
      out.push(bytes.subarray(at)); // let the decoder say what is wrong with it
      break;
    }
    out.push(bytes.subarray(at, at + length));
    at += length;
  }
  return out;
}

function firstDerElement(bytes: Uint8Array): Uint8Array {
  const length = derLength(bytes, 0);
  // A TRUSTED CERTIFICATE block carries OpenSSL trust settings after the certificate.
  return length !== undefined && length < bytes.length ? bytes.subarray(0, length) : bytes;
}

/** Total length (header and content) of the DER element at `at`. */
function derLength(bytes: Uint8Array, at: number): number | undefined {
  const first = bytes[at + 1];
  if (first === undefined) return undefined;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || at + 2 + count > bytes.length) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[at + 2 + i] as number);
  return 2 + count + length;
}
