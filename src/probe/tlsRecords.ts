// Reading what the server sent, from the raw bytes the probe captured: TLS records, the
// handshake messages in them (Certificate, CertificateRequest) and, when the answer is
// not TLS at all, its first printable bytes. TLS 1.3 hides its handshake after the
// ServerHello; tls13Decrypt.ts opens it with the session's own keys.
import { decryptServerHandshake } from './tls13Decrypt.js';

export interface ServerFlight {
  /** The answer did not start with a TLS record (a plaintext server). */
  notTls: boolean;
  /** Printable start of a non-TLS answer, e.g. `HTTP/1.1 400 Bad Request`. */
  plaintextReply: string | null;
  /** DER certificates exactly as the server's Certificate message lists them. */
  chain: Uint8Array[] | null;
  /** The server sent a CertificateRequest; null when its handshake could not be read. */
  certificateRequested: boolean | null;
}

const CHANGE_CIPHER_SPEC = 20;
const HANDSHAKE = 22;
const APPLICATION_DATA = 23;
const CERTIFICATE = 11;
const CERTIFICATE_REQUEST = 13;
const SERVER_HELLO = 2;
const FINISHED = 20;

interface TlsRecord {
  type: number;
  header: Buffer;
  payload: Buffer;
}

/** `keylog` lines make TLS 1.3 readable; without them only TLS 1.2 handshakes are. */
export function readServerFlight(bytes: Buffer, keylog: string[]): ServerFlight {
  const empty: ServerFlight = { notTls: false, plaintextReply: null, chain: null, certificateRequested: null };
  if (bytes.length === 0) return empty;
  if (!(bytes[0] as number >= 20 && (bytes[0] as number) <= 24 && bytes[1] === 3)) {
    return { ...empty, notTls: true, plaintextReply: printableStart(bytes) };
  }
  const records = splitRecords(bytes);
  // Handshake records are in the clear only up to the server's first ChangeCipherSpec
  // (TLS 1.2: its encrypted Finished follows as a "handshake" record).
  const firstCcs = records.findIndex((r) => r.type === CHANGE_CIPHER_SPEC);
  const clearRecords = firstCcs < 0 ? records : records.slice(0, firstCcs);
  const clear = Buffer.concat(clearRecords.filter((r) => r.type === HANDSHAKE).map((r) => r.payload));
  const messages = handshakeMessages(clear);
  const hello = messages.find((m) => m.type === SERVER_HELLO);
  const secret = keylog.find((l) => l.startsWith('SERVER_HANDSHAKE_TRAFFIC_SECRET '))?.trim().split(' ')[2];
  if (secret && hello) {
    const suite = cipherSuiteOf(hello.body);
    const sealed = records.filter((r) => r.type === APPLICATION_DATA);
    const opened = suite === null ? null : decryptServerHandshake(sealed, Buffer.from(secret, 'hex'), suite);
    if (!opened) return empty;
    const inner = handshakeMessages(opened);
    return { ...empty, chain: certificates(inner, true), certificateRequested: inner.some((m) => m.type === CERTIFICATE_REQUEST) };
  }
  // TLS 1.2 and older: the server's flight is in the clear up to its ServerHelloDone.
  const cert = certificates(messages, false);
  return { ...empty, chain: cert, certificateRequested: cert === null ? null : messages.some((m) => m.type === CERTIFICATE_REQUEST) };
}

function splitRecords(bytes: Buffer): TlsRecord[] {
  const out: TlsRecord[] = [];
  let at = 0;
  while (at + 5 <= bytes.length) {
    const length = bytes.readUInt16BE(at + 3);
    if (at + 5 + length > bytes.length) break;
    out.push({ type: bytes[at] as number, header: bytes.subarray(at, at + 5), payload: bytes.subarray(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  return out;
}

function handshakeMessages(buf: Buffer): { type: number; body: Buffer }[] {
  const out: { type: number; body: Buffer }[] = [];
  let at = 0;
  while (at + 4 <= buf.length) {
    const type = buf[at] as number;
    const length = buf.readUIntBE(at + 1, 3);
    if (at + 4 + length > buf.length) break;
    out.push({ type, body: buf.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
    if (type === FINISHED) break;
  }
  return out;
}

/** The certificate_list of the Certificate message (TLS 1.3 adds a context and per-entry extensions). */
function certificates(messages: { type: number; body: Buffer }[], tls13: boolean): Uint8Array[] | null {
  const msg = messages.find((m) => m.type === CERTIFICATE);
  if (!msg) return null;
  const b = msg.body;
  let at = tls13 ? 1 + (b[0] ?? 0) : 0;
  if (at + 3 > b.length) return null;
  const end = Math.min(b.length, at + 3 + b.readUIntBE(at, 3));
  at += 3;
  const out: Uint8Array[] = [];
  while (at + 3 <= end) {
    const length = b.readUIntBE(at, 3);
    if (at + 3 + length > end) break;
    out.push(Uint8Array.from(b.subarray(at + 3, at + 3 + length)));
    at += 3 + length;
    if (tls13) {
      if (at + 2 > end) break;
      at += 2 + b.readUInt16BE(at);
    }
  }
  return out;
}

/** ServerHello: version(2) random(32) session_id<0..32> cipher_suite(2). */
function cipherSuiteOf(hello: Buffer): number | null {
  const sid = hello[34];
  if (sid === undefined || 35 + sid + 2 > hello.length) return null;
  return hello.readUInt16BE(35 + sid);
}

function printableStart(bytes: Buffer): string {
  const text = bytes.subarray(0, 160).toString('latin1');
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.replace(/[^\x20-\x7e]/g, '.').slice(0, 120);
}
