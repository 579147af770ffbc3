// Entities of a paste: the names, addresses and Kubernetes objects it mentions, the
// certificate name lists errors print, and the program that printed it.
//
// Regular expressions here are linear: bounded repetitions, or unbounded runs that can
// only be followed by optional parts or by a literal that ends the run.
import { canonicalIP, IPV4_SOURCE, isIP, isIPv4, isIPv6, looksLikeDnsName, looksLikeHost, parseUrlHost } from './addresses.js';
import { detectSoftware } from './software.js';

export interface Target {
  host: string | null;
  ip: string | null;
  port: number | null;
}

export interface Entities {
  hosts: string[];
  ips: string[];
  ports: number[];
  urls: string[];
  sni: string[];
  cert_dns_names: string[];
  cert_ips: string[];
  namespaces: string[];
  services: string[];
  pods: string[];
  secrets: string[];
  certificates: string[];
  issuers: string[];
  software: string[];
  target: Target;
}

function emptyEntities(): Entities {
  return {
    hosts: [], ips: [], ports: [], urls: [], sni: [], cert_dns_names: [], cert_ips: [],
    namespaces: [], services: [], pods: [], secrets: [], certificates: [], issuers: [], software: [],
    target: { host: null, ip: null, port: null },
  };
}

const URL_RE = /\b(?:https?|wss?|grpcs?|tcp|unix|etcd):\/\/[^\s"'<>()[\]{},|\\]{1,2048}|\b(?:https?|grpcs?):\/\/\[[0-9a-fA-F:.%]{2,60}\](?::\d{1,5})?[^\s"'<>(){},|\\]{0,2048}/g;
const HOST_PORT_RE = /(?<![\w.:/-])(\[[0-9a-fA-F:.%]{2,60}\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){0,10}):(\d{1,5})(?![\d.:])/g;
const IPV4_RE = new RegExp(`(?<![\\w.])${IPV4_SOURCE}(?![\\w]|\\.\\d)`, 'g');
const IPV6_RE = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::\d{1,3}(?:\.\d{1,3}){3})?(?:%[\w.-]{1,32})?(?![\w:])/g;
const DNS_RE = /(?<![\w.*@-])(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){1,12}\.?(?![\w-])/g;
const PORT_WORD_RE = /\bport[ =:"]{1,3}(\d{1,5})\b/gi;
const SNI_RE = /\b(?:server-?name|servername|sni)"?\s{0,3}[:=]\s{0,3}"?(\*?[A-Za-z0-9][A-Za-z0-9.-]{0,252})|-servername\s{1,5}(\S{1,253})/gi;
const SERVICE_DNS_RE = /(?<![\w-])([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.svc(?:\.cluster\.local)?\b/gi;
const POD_DNS_RE = /(?<![\w-])(\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})\.([a-z0-9-]{1,63})\.pod\b/gi;
const NAMESPACE_RE = /(?:(?<!\w)-n[ =]|--namespace[ =]|\bnamespace"?\s{0,3}[:=]\s{0,3}"?|\bresource_namespace"?\s?[=:]\s?"?|^\s{0,8}Namespace:\s{1,40})([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?![\w.-])/gim;
// Case matters: `SECRET` in a kubectl table header is not a Secret named after the next word.
const SECRET_RE = /(?:(?<![\w.-])[Ss]ecret(?:s|Name|_name| name)?"?\s{0,3}[:= /]\s{0,3}"?|\bsecret\/|^\s{0,8}Secret Name:\s{1,40})(?:([a-z0-9][a-z0-9-]{0,62})\/)?([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?![\w-])/gm;
const QUOTED_SECRET_RE = /\b[Ss]ecrets? "(?:[a-z0-9][a-z0-9-]{0,62}\/)?([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)"/g;
// `kubectl get <kind>` tables: a header of upper-case column names, rows split on 2+ spaces.
const KUBECTL_GET_RE = /\bkubectl\b[^\n]{0,200}?\bget\s{1,5}(certificates?|certs?|secrets?|pods?|po|services?|svc|ingress(?:es)?|ing|issuers?|clusterissuers?)\b/i;
const TABLE_HEADER_RE = /^(?:NAMESPACE\s{2,})?NAME(?:\s{2,}[A-Z][A-Z-]*(?: [A-Z]+)?)+\s*$/;
const CERTIFICATE_RE = /(?:\bcertificates?\.cert-manager\.io\/|\bcertificates?\/|(?:describe|get|renew|status) certificates? (?:-n \S{1,63} )?)([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?![\w-])/g;
// cert-manager's structured logs: "resource_kind"="Certificate" … "resource_name"="x".
const RESOURCE_KIND_RE = /resource_kind"?\s?[=:]\s?"?(\w{1,63})/;
const RESOURCE_NAME_RE = /resource_name"?\s?[=:]\s?"?([a-z0-9][a-z0-9.-]{0,252})/;
const ISSUER_RE = /\b(?:Cluster)?Issuer(?:Ref)?\b"?[:= ]{1,3}"?([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?![\w-])/gi;
const POD_RE = /\bpods?(?:\/|="?(?:[a-z0-9-]{1,63}\/)?|:\s{1,20})([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?![\w-])/gi;
const DESCRIBE_KIND_RE = /^\s{0,8}Kind:\s{1,40}(\w{1,63})\s*$/m;
const DESCRIBE_NAME_RE = /^\s{0,8}Name:\s{1,40}([a-z0-9][a-z0-9.-]{0,252})\s*$/m;

// Name lists certificates report: Go's `valid for a, b, not c`, etcd's dns-names /
// ip-addresses fields, Go's `DNSNames ["a" "b"]`, Node's `altnames: DNS:a, IP Address:b`.
const GO_VALID_FOR_RE = /certificate is valid for ([^\n]{1,4096}), not (\S{1,253})/gi;
const QUOTED_LIST_RE = /"?(dns-names|ip-addresses)"?\s{0,3}[:=]\s{0,3}\[([^\]\n]{0,8192})\]/gi;
const DNSNAMES_RE = /DNSNames \[([^\]\n]{0,8192})\]/g;
// Only the SAN spellings: Node's `IP: 10.0.0.5 is not in the cert's list` names the target.
const SAN_ITEM_RE = /\b(?:DNS|IP Address):\s{0,2}([^\s,]{1,253})/g;

export function extractEntities(text: string): Entities {
  const e = emptyEntities();
  const lines = text.split('\n');
  const add = <K extends keyof Entities>(key: K, value: Entities[K] extends (infer T)[] ? T : never) => {
    const list = e[key] as unknown[];
    if (!list.includes(value)) list.push(value);
  };

  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.:;]+$/, '');
    add('urls', url);
    const hp = parseUrlHost(url);
    if (hp) addHost(hp.host, add);
    if (hp && /:\d{1,5}(?:[/?#]|$)/.test(url.replace(/^[a-z]+:\/\//i, ''))) add('ports', hp.port as number);
  }
  for (const m of text.matchAll(HOST_PORT_RE)) {
    const host = (m[1] as string).replace(/^\[|\]$/g, '');
    const port = Number(m[2]);
    if (port > 65535 || !looksLikeHost(host) || (!isIP(host) && !/[a-z]/i.test(host))) continue;
    addHost(host, add);
    add('ports', port);
  }
  for (const m of text.matchAll(PORT_WORD_RE)) {
    const port = Number(m[1]);
    if (port > 0 && port <= 65535) add('ports', port);
  }
  for (const m of text.matchAll(IPV4_RE)) add('ips', m[0]);
  for (const m of text.matchAll(IPV6_RE)) if (isIPv6(m[0])) add('ips', canonicalIP(m[0]));
  for (const m of text.matchAll(DNS_RE)) {
    const token = m[0].replace(/\.$/, '');
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0);
    if (after === '/' && !before.endsWith('//')) continue; // an API group or path: cert-manager.io/v1
    if (token.startsWith('*.') ? looksLikeDnsName(token.slice(2)) : looksLikeDnsName(token)) {
      if (!token.startsWith('*.')) add('hosts', token.toLowerCase());
    }
  }
  if (/\blocalhost\b/i.test(text)) add('hosts', 'localhost');

  for (const m of text.matchAll(SNI_RE)) {
    const name = (m[1] ?? m[2] ?? '').replace(/["',]+$/, '');
    if (name && looksLikeHost(name)) add('sni', name.toLowerCase());
  }
  for (const m of text.matchAll(GO_VALID_FOR_RE)) {
    for (const item of (m[1] as string).split(/,\s*/)) addCertName(item.trim(), add);
  }
  for (const m of text.matchAll(QUOTED_LIST_RE)) {
    for (const q of (m[2] as string).matchAll(/"([^"\n]{1,253})"/g)) addCertName(q[1] as string, add);
  }
  for (const m of text.matchAll(DNSNAMES_RE)) {
    for (const q of (m[1] as string).matchAll(/"([^"\n]{1,253})"/g)) addCertName(q[1] as string, add);
  }
  for (const m of text.matchAll(SAN_ITEM_RE)) addCertName((m[1] as string).replace(/[.;]+$/, ''), add);

  for (const m of text.matchAll(SERVICE_DNS_RE)) {
    add('services', (m[1] as string).toLowerCase());
    add('namespaces', (m[2] as string).toLowerCase());
  }
  for (const m of text.matchAll(POD_DNS_RE)) add('namespaces', (m[2] as string).toLowerCase());
  for (const m of text.matchAll(NAMESPACE_RE)) add('namespaces', (m[1] as string).toLowerCase());
  for (const m of text.matchAll(SECRET_RE)) {
    if (m[1]) add('namespaces', m[1]);
    const name = m[2] as string;
    if (!/^(?:not|is|does|was|has|the|a|an|of|for|in|from|with|and|data|type|tls|opaque|found|secrets?)$/i.test(name)) add('secrets', name);
  }
  // `…secret: secret "x" not found`: the first keyword swallowed the second above.
  for (const m of text.matchAll(QUOTED_SECRET_RE)) add('secrets', m[1] as string);
  for (const m of text.matchAll(CERTIFICATE_RE)) {
    const name = m[1] as string;
    if (!/^(?:is|has|does|was|the|a|an|not|for|and|request|requests|signed|verify|chain|authority|relies|specifies)$/i.test(name)) add('certificates', name);
  }
  for (const line of lines) {
    const kind = RESOURCE_KIND_RE.exec(line)?.[1];
    const name = kind ? RESOURCE_NAME_RE.exec(line)?.[1] : undefined;
    if (kind === 'Certificate' && name) add('certificates', name);
    else if ((kind === 'Issuer' || kind === 'ClusterIssuer') && name) add('issuers', name);
  }
  for (const m of text.matchAll(ISSUER_RE)) if (!/^(?:not|is|the|a|name|kind|ref)$/i.test(m[1] as string)) add('issuers', m[1] as string);
  for (const m of text.matchAll(POD_RE)) if (!/^(?:is|not|the|a|in|for)$/i.test(m[1] as string)) add('pods', m[1] as string);
  addDescribedObject(text, e, add);
  addKubectlTables(lines, add);

  e.software = detectSoftware(lines);
  return e;
}

type Adder = <K extends keyof Entities>(key: K, value: Entities[K] extends (infer T)[] ? T : never) => void;

function addHost(host: string, add: Adder): void {
  if (isIP(host)) add('ips', canonicalIP(host));
  else add('hosts', host.toLowerCase());
}

function addCertName(raw: string, add: Adder): void {
  const item = raw.replace(/^["'[]+|["'\]]+$/g, '');
  if (isIPv4(item) || isIPv6(item)) add('cert_ips', canonicalIP(item));
  else if (item.startsWith('*.') ? looksLikeDnsName(item.slice(2)) || /^\*\.[a-z0-9-]+$/i.test(item) : looksLikeHost(item)) add('cert_dns_names', item.toLowerCase());
}

const KIND_LIST: Record<string, 'certificates' | 'secrets' | 'pods' | 'services' | 'issuers' | undefined> = {
  cert: 'certificates', certificate: 'certificates', secret: 'secrets', pod: 'pods', po: 'pods', service: 'services', svc: 'services', issuer: 'issuers', clusterissuer: 'issuers',
};

function addKubectlTables(lines: string[], add: Adder): void {
  let kind: string | undefined;
  let columns: string[] | undefined;
  for (const line of lines) {
    if (line.length > 4096) {
      columns = undefined;
      continue;
    }
    const get = KUBECTL_GET_RE.exec(line);
    if (get) {
      kind = (get[1] as string).toLowerCase().replace(/(?:es|s)$/, '');
      columns = undefined;
      continue;
    }
    if (TABLE_HEADER_RE.test(line)) {
      columns = line.trim().split(/\s{2,}/);
      continue;
    }
    if (!columns) continue;
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== columns.length || !/^[a-z0-9]/.test(cells[0] ?? '')) {
      columns = undefined;
      continue;
    }
    columns.forEach((col, i) => {
      const v = cells[i] as string;
      if (!/^[a-z0-9][a-z0-9.-]{0,252}$/.test(v)) return;
      if (col === 'NAMESPACE') add('namespaces', v);
      else if (col === 'SECRET') add('secrets', v);
      else if (col === 'ISSUER') add('issuers', v);
      else if (col === 'NAME' && kind) {
        const list = KIND_LIST[kind];
        if (list) add(list, v);
      }
    });
  }
}

/** `kubectl describe` output names its object in `Name:`/`Namespace:`/`Kind:` lines. */
function addDescribedObject(text: string, e: Entities, add: Adder): void {
  const kind = DESCRIBE_KIND_RE.exec(text)?.[1];
  const name = DESCRIBE_NAME_RE.exec(text)?.[1];
  if (!kind || !name) return;
  if (kind === 'Certificate') add('certificates', name);
  else if (kind === 'Secret') add('secrets', name);
  else if (kind === 'Pod') add('pods', name);
  else if (kind === 'Service') add('services', name);
  else if (kind === 'ClusterIssuer' || kind === 'Issuer') add('issuers', name);
}
