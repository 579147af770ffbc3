// Certificates made in the test for exactly the case under test: CAs, intermediates and
// leaves with the SANs, usages and validity needed (@peculiar/x509's generator, keys from
// node:crypto's WebCrypto).
import { webcrypto } from 'node:crypto';
import * as x509 from '../../src/core/certificate/x509.js';

x509.cryptoProvider.set(webcrypto as never); // Node's WebCrypto; the library's types name the DOM's

type CryptoKeyPair = webcrypto.CryptoKeyPair;

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } as const;
const DAY = 86400_000;

export interface Issued {
  cert: x509.X509Certificate;
  /** PEM of the certificate. */
  pem: string;
  der: Uint8Array;
  /** PKCS#8 PEM of the private key. */
  keyPem: string;
  keys: CryptoKeyPair;
  name: string;
}

export interface CertificateSpec {
  /** Subject DN, e.g. `CN=etcd`. */
  name: string;
  /** Signs it; self-signed when absent. */
  issuer?: Issued;
  ca?: boolean;
  pathLength?: number;
  dns?: string[];
  ips?: string[];
  /** No subjectAltName extension at all. */
  noSan?: boolean;
  /** EKU OIDs or names (serverAuth, clientAuth); null: no EKU extension. Default: serverAuth, clientAuth for leaves. */
  eku?: string[] | null;
  keyUsage?: number | null;
  /** Days from now. */
  notBefore?: number;
  notAfter?: number;
  /** AIA caIssuers URL. */
  caIssuers?: string;
  rsa?: boolean;
  /** Use these keys (e.g. to make a same-name impostor with another key, or reuse a key). */
  keys?: CryptoKeyPair;
}

const EKU: Record<string, string> = { serverAuth: x509.ExtendedKeyUsage.serverAuth, clientAuth: x509.ExtendedKeyUsage.clientAuth, codeSigning: x509.ExtendedKeyUsage.codeSigning };

export async function keyPair(rsa = false): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(rsa ? RSA : EC, true, ['sign', 'verify'])) as CryptoKeyPair;
}

let serial = 1;

export async function issue(spec: CertificateSpec): Promise<Issued> {
  const keys = spec.keys ?? (await keyPair(spec.rsa));
  const ca = spec.ca ?? false;
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(ca, spec.pathLength, true)];
  const ku = spec.keyUsage === undefined ? (ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment) : spec.keyUsage;
  if (ku !== null) extensions.push(new x509.KeyUsagesExtension(ku, true));
  const eku = spec.eku === undefined ? (ca ? null : ['serverAuth', 'clientAuth']) : spec.eku;
  if (eku) extensions.push(new x509.ExtendedKeyUsageExtension(eku.map((u) => EKU[u] ?? u)));
  if (!spec.noSan && !ca) extensions.push(new x509.SubjectAlternativeNameExtension([...(spec.dns ?? []).map((value) => ({ type: 'dns' as const, value })), ...(spec.ips ?? []).map((value) => ({ type: 'ip' as const, value }))]));
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer ? spec.issuer.keys.publicKey : keys.publicKey));
  if (spec.caIssuers) extensions.push(new x509.AuthorityInfoAccessExtension({ caIssuers: [new x509.GeneralName('url', spec.caIssuers)] }));
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(4, '0'),
    subject: spec.name,
    issuer: spec.issuer ? spec.issuer.cert.subject : spec.name,
    notBefore: new Date(now + (spec.notBefore ?? -1) * DAY),
    notAfter: new Date(now + (spec.notAfter ?? 90) * DAY),
    publicKey: keys.publicKey,
    signingKey: (spec.issuer ?? { keys }).keys.privateKey,
    signingAlgorithm: spec.issuer?.keys.privateKey.algorithm.name === 'ECDSA' || (!spec.issuer && !spec.rsa) ? EC : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    extensions,
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { cert, pem: cert.toString('pem').replace(/\n?$/, '\n'), der: new Uint8Array(cert.rawData), keyPem: pemOf(pkcs8, 'PRIVATE KEY'), keys, name: spec.name };
}

export function pemOf(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Root → intermediate → leaf, the shape most servers have. */
export async function threeLevelChain(leaf: Omit<CertificateSpec, 'issuer'>): Promise<{ root: Issued; intermediate: Issued; leaf: Issued }> {
  const root = await issue({ name: 'CN=tlsdoc Test Root CA, O=tlsdoc', ca: true, notAfter: 3650 });
  const intermediate = await issue({ name: 'CN=tlsdoc Test Issuing CA 1, O=tlsdoc', ca: true, pathLength: 0, issuer: root, notAfter: 1825 });
  return { root, intermediate, leaf: await issue({ ...leaf, issuer: intermediate }) };
}
