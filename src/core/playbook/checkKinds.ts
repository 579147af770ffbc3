// Live checks a playbook may ask for. Each kind is implemented by one file under
// src/checks/ once its adapter lands (probe: TLS handshake; cluster: Kubernetes API).
export const CHECK_KINDS = [
  'probe-served-chain', // handshake to the target, capture and analyse the presented chain
  'probe-sni-compare', // handshake with and without SNI, compare the certificates
  'probe-protocol', // is the port speaking TLS at all, which versions/ciphers
  'probe-client-auth', // does the server request a client certificate, and accept ours
  'cluster-secret-sans', // SANs of the TLS Secret behind the target
  'cluster-secret-validity', // notBefore/notAfter of the Secret's certificates
  'cluster-secret-chain', // chain completeness of the Secret's tls.crt against ca.crt
  'cluster-key-match', // does tls.key belong to tls.crt (boolean only)
  'cluster-served-vs-stored', // served leaf versus the Secret's tls.crt
  'cluster-certificate-status', // cert-manager Certificate/Request/Order/Challenge chain
  'cluster-ingress-tls', // Ingress/Gateway TLS section and the Secret it names
  'cluster-servicemonitor-tls', // ServiceMonitor tlsConfig (serverName, CA)
  'cluster-istio-tls', // PeerAuthentication / DestinationRule TLS modes
] as const;

export type CheckKind = (typeof CHECK_KINDS)[number];
