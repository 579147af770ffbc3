// Root-cause categories from shared/taxonomy.md. `none` is what a paste with no
// certificate problem gets; playbooks may not use it.
export const CATEGORIES = [
  'host-mismatch',
  'ip-san-missing',
  'legacy-cn-only',
  'expired',
  'not-yet-valid',
  'unknown-ca',
  'incomplete-chain',
  'client-cert-required',
  'client-cert-rejected',
  'bad-key-usage',
  'key-mismatch',
  'plaintext-tls-mismatch',
  'protocol-version-or-cipher',
  'stale-served-cert',
  'mesh-mtls-routing',
  'issuance-failure',
  'ingress-default-cert',
  'sni-missing',
] as const;

export type Category = (typeof CATEGORIES)[number] | 'none';
