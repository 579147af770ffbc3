// Reading what `tlsdoc check` and `diagnose --live` are given on disk: certificate files,
// a CA bundle (or the runtime's default roots), and private keys, whose bytes are handed
// on and then wiped.
import { rootCertificates } from 'node:tls';
import type { Readable } from 'node:stream';
import { parseCertificates, type ParsedCertificate } from '../core/certificate/parse.js';
import { trustStoreOf, type TrustStore } from '../core/certificate/trustStore.js';
import { readInput } from './readInput.js';

export interface CertificateFile {
  certificates: ParsedCertificate[];
  bytes: Buffer;
}

export async function readCertificateFile(file: string, stdin: Readable, maxBytes: number, notes: (s: string) => void): Promise<CertificateFile> {
  const bytes = await readInput(file, stdin, maxBytes);
  const parsed = parseCertificates(bytes, file === '-' ? 'stdin' : file);
  for (const s of parsed.skipped) notes(`skipped: ${s}`);
  return { certificates: parsed.certificates, bytes };
}

let defaultRoots: TrustStore | undefined;

/** The CA bundle in `file`, or Node's bundled root store when no file is given. */
export async function readTrustStore(file: string | undefined, stdin: Readable, maxBytes: number, notes: (s: string) => void): Promise<{ store: TrustStore; bytes: Buffer | undefined }> {
  if (file) {
    const ca = await readCertificateFile(file, stdin, maxBytes, notes);
    return { store: trustStoreOf(ca.certificates, `the CA bundle ${file}`), bytes: ca.bytes };
  }
  defaultRoots ??= trustStoreOf(parseCertificates(rootCertificates.join('\n'), 'the default root store').certificates, "Node's default root store (pass --ca for a private CA)");
  return { store: defaultRoots, bytes: undefined };
}

/** A private key's bytes for `use`, wiped afterwards whatever happens. */
export async function withPrivateKey<T>(file: string, stdin: Readable, maxBytes: number, use: (key: Buffer) => Promise<T> | T): Promise<T> {
  const key = await readInput(file, stdin, maxBytes);
  try {
    return await use(key);
  } finally {
    key.fill(0);
  }
}
