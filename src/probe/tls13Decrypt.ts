// Opens the server's encrypted TLS 1.3 handshake (RFC 8446 §5.2, §7.1-7.3) with the
// session's own handshake traffic secret from Node's `keylog` event, so the probe can
// read the Certificate and CertificateRequest messages as sent. Only our own session's
// keys are used; nothing is decrypted beyond the server's handshake flight.
import { createDecipheriv, createHmac, type CipherGCMTypes } from 'node:crypto';

interface Suite {
  hash: 'sha256' | 'sha384';
  cipher: 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305';
  keyLength: number;
}

const SUITES: Record<number, Suite> = {
  0x1301: { hash: 'sha256', cipher: 'aes-128-gcm', keyLength: 16 },
  0x1302: { hash: 'sha384', cipher: 'aes-256-gcm', keyLength: 32 },
  0x1303: { hash: 'sha256', cipher: 'chacha20-poly1305', keyLength: 32 },
};
const TAG = 16;
const HANDSHAKE = 22;

/** HKDF-Expand-Label for outputs no longer than one hash block (all this needs). */
function expandLabel(hash: string, secret: Buffer, label: string, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`, 'ascii');
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, full.length]), full, Buffer.from([0])]);
  return createHmac(hash, secret).update(Buffer.concat([info, Buffer.from([1])])).digest().subarray(0, length);
}

/**
 * The plaintext handshake bytes of the server's encrypted records, up to the first record
 * that does not open with the handshake keys (the application data that follows).
 * Null when the suite is unknown or the first record does not open.
 */
export function decryptServerHandshake(records: { header: Buffer; payload: Buffer }[], secret: Buffer, cipherSuite: number): Buffer | null {
  const suite = SUITES[cipherSuite];
  if (!suite) return null;
  const key = expandLabel(suite.hash, secret, 'key', suite.keyLength);
  const iv = expandLabel(suite.hash, secret, 'iv', 12);
  const out: Buffer[] = [];
  for (let seq = 0; seq < records.length; seq++) {
    const r = records[seq] as { header: Buffer; payload: Buffer };
    if (r.payload.length <= TAG) break;
    const nonce = Buffer.from(iv);
    for (let i = 0; i < 8; i++) nonce[11 - i] = (nonce[11 - i] as number) ^ Number((BigInt(seq) >> BigInt(8 * i)) & 0xffn);
    let plain: Buffer;
    try {
      // ChaCha20-Poly1305 takes the same AEAD calls as GCM; the typings only list GCM here.
      const d = createDecipheriv(suite.cipher as CipherGCMTypes, key, nonce, { authTagLength: TAG });
      d.setAAD(r.header);
      d.setAuthTag(r.payload.subarray(r.payload.length - TAG));
      plain = Buffer.concat([d.update(r.payload.subarray(0, r.payload.length - TAG)), d.final()]);
    } catch {
      break; // application keys from here on
    }
    let end = plain.length;
    while (end > 0 && plain[end - 1] === 0) end--; // strip padding; the last byte is the real type
    if (plain[end - 1] !== HANDSHAKE) break;
    out.push(plain.subarray(0, end - 1));
  }
  return out.length ? Buffer.concat(out) : null;
}
