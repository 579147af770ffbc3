// Template values for a match, from its entities. Unknown values stay undefined so the
// template shows `<name>` placeholders.
import type { Entities } from '../entities/extract.js';
import type { TemplateValues } from '../playbook/template.js';
import type { TemplateVariable } from '../playbook/templateVariables.js';

export function templateValues(e: Entities): TemplateValues & Partial<Record<TemplateVariable, string>> {
  const target = e.target.host ?? e.target.ip ?? undefined;
  const service = e.services[0];
  const namespace = e.namespaces[0];
  // 0.0.0.0 and :: appear in etcd's ip-addresses as listen addresses; as SANs they mean nothing.
  const certNames = unique([...e.cert_dns_names, ...e.cert_ips.filter((ip) => ip !== '0.0.0.0' && ip !== '::')]);
  const csrHosts = unique([...certNames, ...(target ? [target] : [])]);
  const dnsNames = unique([...e.cert_dns_names, ...(e.target.host ? [e.target.host] : [])]);
  return {
    target,
    target_host: e.target.host ?? undefined,
    target_ip: e.target.ip ?? undefined,
    port: e.target.port !== null ? String(e.target.port) : undefined,
    sni: e.sni[0],
    url: e.urls[0],
    namespace,
    service,
    service_fqdn: `${service ?? '<service>'}.${namespace ?? '<namespace>'}.svc`,
    pod: e.pods[0],
    secret: e.secrets[0],
    certificate: e.certificates[0],
    issuer: e.issuers[0],
    cert_dns_names: e.cert_dns_names.length ? e.cert_dns_names.join(', ') : undefined,
    cert_ips: e.cert_ips.length ? e.cert_ips.join(', ') : undefined,
    csr_hosts: csrHosts.length ? `[${csrHosts.map((h) => JSON.stringify(h)).join(', ')}]` : undefined,
    dns_names_yaml: dnsNames.length ? dnsNames.map((n) => `    - ${n}`).join('\n') : undefined,
    software: e.software[0],
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
