// Variables a fix/verify/summary template may use: {{name}} or {{name|default}}.
// A variable with no value renders as a visible placeholder `<name>`, never as "".
export const TEMPLATE_VARIABLES = {
  target: 'host name or IP address the client dialled',
  target_host: 'host name the client dialled',
  target_ip: 'IP address the client dialled',
  port: 'port of the failing connection',
  sni: 'server name (SNI) the client sent',
  url: 'URL of the failing request',
  namespace: 'Kubernetes namespace',
  service: 'Kubernetes Service name',
  service_fqdn: '<service>.<namespace>.svc',
  pod: 'Pod name',
  secret: 'TLS Secret name',
  certificate: 'cert-manager Certificate name',
  issuer: 'cert-manager Issuer/ClusterIssuer name',
  cert_dns_names: 'DNS names the certificate covers, comma-separated, as the error printed them',
  cert_ips: 'IP addresses the certificate covers, comma-separated',
  csr_hosts: 'JSON array for a cfssl CSR "hosts": the names the certificate had plus the one missing',
  dns_names_yaml: 'YAML list items for a cert-manager Certificate spec.dnsNames, including the missing name',
  software: 'the program that printed the error',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export const TEMPLATE_VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];
