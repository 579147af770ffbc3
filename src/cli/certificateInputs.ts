// Reading what `tlsdoc check` and `diagnose --live` are given on disk: certificate files,
// a CA bundle (or the runtime's default roots), and private keys, whose bytes are handed
// on and then wiped.
import { rootCertificates } from 'node:tls';
import type { Readable } from 'node:stream';
import { parseCertificates, type ParsedCertificate } from '../core/certificate/parse.js';
import { trustStoreOf, type TrustStore } from '../core/certificate/trustStore.js';
import { readInput } from './readInput.js';

/** Where `-` reads from, how much any one file may hold, and where to say what was skipped. */
export interface InputSource {
  stdin: Readable;
  maxBytes: number;
  notes(s: string): void;
}

export interface CertificateFile {
  certificates: ParsedCertificate[];
  bytes: Buffer;
}

export async function readCertificateFile(file: string, from: InputSource): Promise<CertificateFile> {
  const bytes = await readInput(file, from.stdin, from.maxBytes);
  const parsed = parseCertificates(bytes, file === '-' ? 'stdin' : file);
  for (const s of parsed.skipped) from.notes(`skipped: ${s}`);
  return { certificates: parsed.certificates, bytes };
}

let defaultRoots: TrustStore | undefined;

/** The CA bundle in `file`, or Node's bundled root store when no file is given. */
export async function readTrustStore(file: string | undefined, from: InputSource): Promise<{ store: TrustStore; bytes: Buffer | undefined }> {
  if (file) {
    const ca = await readCertificateFile(file, from);
    return { store: trustStoreOf(ca.certificates, `the CA bundle ${file}`), bytes: ca.bytes };
  }
  defaultRoots ??= trustStoreOf(parseCertificates(rootCertificates.join('\n'), 'the default root store').certificates, "Node's default root store (pass --ca for a private CA)");
  return { store: defaultRoots, bytes: undefined };
}

/** A private key's bytes for `use`, wiped afterwards whatever happens. */
export async function withPrivateKey<T>(file: string, from: InputSource, use: (key: Buffer) => Promise<T> | T): Promise<T> {
  const key = await readInput(file, from.stdin, from.maxBytes);
  try {
    return await use(key);
  } finally {
    key.fill(0);
  }
}
