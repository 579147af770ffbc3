// What to say when nothing matched: what tlsdoc can recognise, so the user knows whether
// to paste more or look elsewhere.
export const NO_MATCH_HEADLINE = 'No certificate or TLS problem recognised in this paste.';
export const CAPABILITIES =
  'tlsdoc recognises: host-name and IP SAN mismatches, CN-only certificates, expired or not-yet-valid certificates, ' +
  'unknown CAs and incomplete chains, missing or rejected client certificates, key-usage and key/certificate mismatches, ' +
  'plaintext-vs-TLS port mix-ups, TLS version/cipher mismatches, stale certificates after renewal, Istio/Envoy mTLS routing, ' +
  'cert-manager/ACME issuance failures, ingress default certificates and missing SNI. ' +
  'Paste the full error line (with the host or address it mentions); `tlsdoc playbooks list` shows every playbook.';
