// Fix commands filled in with the certificate's real names. Names come from untrusted
// certificates, so every value is shell-quoted.
import { sanEntries, type CertificateFacts, type SubjectAltNames } from './facts.js';

type SanList = Pick<SubjectAltNames, 'dns' | 'ip'>;

/** Signs tls.csr with the CA, keeping the CSR's extensions. */
const SIGN_CSR = 'openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -copy_extensions copyall -out tls.crt';

function shellQuote(s: string): string {
  return /^[A-Za-z0-9@%_+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Every SAN the certificate has plus `add`, in openssl's `subjectAltName=` syntax. */
function sanExtension(f: CertificateFacts, add: Partial<SanList>): string {
  const dns = [...new Set([...(f.sans?.dns ?? []), ...(add.dns ?? [])])];
  const ip = [...new Set([...(f.sans?.ip ?? []), ...(add.ip ?? [])])];
  return sanEntries({ dns, ip }).join(',');
}

/** Re-sign the same key with new extensions; then the cert-manager and cfssl equivalents. */
export function reissueCommands(f: CertificateFacts, extensions: string[], note: string): string {
  const subj = `/CN=${(f.commonName ?? 'server').replace(/\//g, '\\/')}`;
  const addext = extensions.map((e) => `-addext ${shellQuote(e)}`).join(' ');
  return [
    `openssl req -new -key tls.key -subj ${shellQuote(subj)} ${addext} -out tls.csr`,
    SIGN_CSR,
    `# ${note}`,
  ].join('\n');
}

export function sanFix(f: CertificateFacts, add: Partial<SanList>): string {
  const names = [...(add.dns ?? []), ...(add.ip ?? [])].join(', ');
  const where = add.ip?.length && !add.dns?.length ? 'spec.ipAddresses' : add.dns?.length && !add.ip?.length ? 'spec.dnsNames' : 'spec.dnsNames / spec.ipAddresses';
  return reissueCommands(f, [`subjectAltName=${sanExtension(f, add)}`], `cert-manager: add ${names} to ${where} of the Certificate; cfssl: add it to "hosts" in the CSR JSON`);
}

export function usageFix(f: CertificateFacts, eku: string): string {
  return reissueCommands(
    f,
    [`subjectAltName=${sanExtension(f, {})}`, 'keyUsage=critical,digitalSignature,keyEncipherment', `extendedKeyUsage=${eku}`].filter((e) => e !== 'subjectAltName='),
    `cert-manager: add "${eku === 'clientAuth' ? 'client auth' : 'server auth'}" to spec.usages; cfssl: add "${eku === 'clientAuth' ? 'client auth' : 'server auth'}" to the profile's usages`,
  );
}

export function renewFix(f: CertificateFacts): string {
  return [
    `openssl x509 -noout -subject -dates -in tls.crt   # notAfter=${f.notAfter}`,
    'cmctl renew -n <namespace> <certificate>          # cert-manager; or kubeadm certs renew all on a control-plane node',
    SIGN_CSR,
  ].join('\n');
}

/** Serve the leaf with its intermediate, fetched from where the leaf says it is published (AIA caIssuers). */
export function chainFix(leaf: CertificateFacts): string {
  const issuerUrl = leaf.caIssuers[0];
  const fetch = issuerUrl ? `curl -sf ${shellQuote(issuerUrl)} -o issuer.der && openssl x509 -inform DER -in issuer.der -out intermediate.crt` : '# get intermediate.crt from your CA (the certificate whose subject is the leaf\'s issuer)';
  return [fetch, 'cat tls.crt intermediate.crt > fullchain.crt   # leaf first, then each issuer; serve fullchain.crt', `openssl verify -CAfile ca.crt -untrusted intermediate.crt tls.crt   # expect: tls.crt: OK (${leaf.commonName ?? leaf.subject})`].join('\n');
}

export function trustFix(root: string): string {
  return [
    `# give the client the CA certificate whose subject is ${root}:`,
    'curl --cacert ca.crt https://<host>:<port>/',
    'sudo cp ca.crt /usr/local/share/ca-certificates/tlsdoc-ca.crt && sudo update-ca-certificates',
    'kubectl -n <namespace> create configmap ca-bundle --from-file=ca.crt   # then mount it where the client reads its CA',
  ].join('\n');
}

export const KEY_MATCH_CHECK = ['openssl x509 -noout -pubkey -in tls.crt | openssl sha256', 'openssl pkey -pubout -in tls.key | openssl sha256   # the two hashes must be equal'].join('\n');
