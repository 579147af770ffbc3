// Named groups a playbook pattern may use; each fills one entity of the match.
export const CAPTURE_NAMES = [
  'target', // host or address the client dialled (classified as host or IP)
  'target_host',
  'target_ip',
  'port',
  'url',
  'host',
  'ip',
  'sni',
  'cert_names', // a list of names the certificate covers, as the error prints it
  'namespace',
  'service',
  'pod',
  'secret',
  'certificate',
  'issuer',
] as const;
