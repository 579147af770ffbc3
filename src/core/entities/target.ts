// Singling out the failing connection's target (what the client dialled) from a line.
// Server-side logs name the *client* (`remote-addr`, `TLS handshake error from`); those
// addresses are never the target, but the SNI the client sent is.
import { canonicalIP, IPV4_SOURCE, isIP, isIPv4, looksLikeHost, parseUrlHost } from './addresses.js';
import type { Target } from './extract.js';

interface Rule {
  re: RegExp;
  /** Turns the match into a target, or undefined when it does not fit. */
  read(m: RegExpExecArray): Partial<Target> | undefined;
}

const hostPort = (host: string | undefined, port: string | undefined): Partial<Target> | undefined => {
  if (!host) return undefined;
  const h = host.replace(/^\[|\]$/g, '');
  if (!looksLikeHost(h)) return undefined;
  const p = port !== undefined && Number(port) <= 65535 ? Number(port) : null;
  return isIP(h) ? { ip: canonicalIP(h), port: p } : { host: h.toLowerCase(), port: p };
};
const url = (u: string | undefined): Partial<Target> | undefined => {
  const hp = u ? parseUrlHost(u) : undefined;
  return hp ? (isIP(hp.host) ? { ip: hp.host, port: hp.port } : { host: hp.host, port: hp.port }) : undefined;
};
const HOST = '(\\[[0-9a-fA-F:.%]{2,60}\\]|[A-Za-z0-9][A-Za-z0-9.-]{0,252})';

// Most specific first. Each is bounded, so scanning a long line stays linear.
const RULES: Rule[] = [
  // curl -v: "Connected to etcd0 (10.0.0.5) port 2379"
  { re: /Connected to (\S{1,253}) \(([0-9a-fA-F.:]{2,45})\) port (\d{1,5})/, read: (m) => ({ ...hostPort(m[1], m[3]), ip: isIP(m[2] ?? '') ? canonicalIP(m[2] as string) : null }) },
  // Python: HTTPSConnectionPool(host='x', port=443)
  { re: /ConnectionPool\(host='([^']{1,253})', port=(\d{1,5})\)/, read: (m) => hostPort(m[1], m[2]) },
  // Go: Get "https://…": / Post "…"
  { re: /\b(?:Get|Post|Put|Patch|Delete|Head)\s"((?:https?|wss?):\/\/[^"\s]{1,2048})"/, read: (m) => url(m[1]) },
  // Go: dial tcp 10.0.0.5:443: …
  { re: new RegExp(`\\bdial tcp ${HOST}:(\\d{1,5})`), read: (m) => hostPort(m[1], m[2]) },
  // nginx: upstream: "https://10.0.0.5:443/"
  { re: /\bupstream: "((?:https?|grpcs?):\/\/[^"\s]{1,2048})"/, read: (m) => url(m[1]) },
  // Envoy access log: upstream_host="10.0.0.5:9090"
  { re: new RegExp(`upstream_host"?\\s?[=:]\\s?"?${HOST}:(\\d{1,5})`), read: (m) => hostPort(m[1], m[2]) },
  // etcd client: target="endpoint://client-…/127.0.0.1:2379"
  { re: new RegExp(`(?:etcd-)?endpoints?://[^/\\s"]{1,200}/${HOST}:(\\d{1,5})`), read: (m) => hostPort(m[1], m[2]) },
  // etcdctl/kube-apiserver flags: --endpoints=https://… / --etcd-servers=…
  { re: /--(?:endpoints|etcd-servers|server)[= ]"?((?:https?|unix):\/\/[^,\s"]{1,2048})/, read: (m) => url(m[1]) },
  // openssl s_client -connect host:port
  { re: new RegExp(`-connect\\s{1,5}${HOST}:(\\d{1,5})`), read: (m) => hostPort(m[1], m[2]) },
  // Java/okhttp/.NET: "… to host:port", "connect to host:port", "Failed to connect to x/1.2.3.4:443"
  { re: new RegExp(`\\b(?:connect(?:ing|ion)? to|failed to connect to|request to|sending to)\\s{1,3}"?${HOST}:(\\d{1,5})`, 'i'), read: (m) => hostPort(m[1], m[2]) },
  // etcd server log: the SNI the client asked for is what it dialled
  { re: /server-name"?\s?[=:]\s?"([A-Za-z0-9][A-Za-z0-9.-]{0,252})"/, read: (m) => hostPort(m[1], undefined) },
  // Kubernetes webhook / any URL
  { re: /\b((?:https?|wss?|grpcs?):\/\/[^\s"'<>()[\]{},|\\]{1,2048})/, read: (m) => url(m[1]) },
];

// Addresses in these positions are the peer of a server, not a target.
const CLIENT_ADDRESS = new RegExp(`(?:remote-addr|remote_addr|remoteAddr|client-addr|peer-addr|downstream_remote_address|TLS handshake error from|client:|from)\\s?"?[=:]?\\s?"?(${IPV4_SOURCE}|\\[[0-9a-fA-F:.%]{2,60}\\]|[0-9a-fA-F:]{2,45})(?::\\d{1,5})?`, 'gi');

const HOST_PORT = new RegExp(`(?<![\\w.:/-])${HOST}:(\\d{1,5})(?![\\d.:])`, 'g');
const DOWNSTREAM_HOST = new RegExp(`\\b(?:host|server|authority)"?\\s?[=:]\\s?"?${HOST}(?::\\d{1,5})?`, 'gi');

export function targetInLine(line: string): Partial<Target> | undefined {
  const head = line.length > 65536 ? line.slice(0, 65536) : line;
  for (const rule of RULES) {
    const m = rule.re.exec(head);
    if (!m) continue;
    const t = rule.read(m);
    if (t && (t.host || t.ip)) return t;
  }
  // A host:port that is not a client's address, nor the Host header of the request a
  // server received (nginx's `host: "…"`, `server: …`).
  const clients = new Set([...head.matchAll(CLIENT_ADDRESS), ...head.matchAll(DOWNSTREAM_HOST)].map((m) => (m[1] as string).replace(/^\[|\]$/g, '').toLowerCase()));
  for (const m of head.matchAll(HOST_PORT)) {
    const host = (m[1] as string).replace(/^\[|\]$/g, '');
    if (clients.has(host.toLowerCase()) || (!isIP(host) && !/[a-z]/i.test(host))) continue;
    const t = hostPort(m[1], m[2]);
    if (t && (t.host || t.ip) && !isUnspecified(t.ip)) return t;
  }
  return undefined;
}

function isUnspecified(ip: string | null | undefined): boolean {
  return ip === '0.0.0.0' || ip === '::';
}

/**
 * The target from a more certain source (`primary`, e.g. a playbook capture) completed by
 * a less certain one, but only when both name the same endpoint.
 */
export function mergeTarget(primary: Partial<Target> | undefined, secondary: Partial<Target> | undefined): Target {
  const p: Target = { host: primary?.host ?? null, ip: primary?.ip ?? null, port: primary?.port ?? null };
  if (!secondary) return p;
  if (!p.host && !p.ip) return { host: secondary.host ?? null, ip: secondary.ip ?? null, port: secondary.port ?? p.port };
  const same = (p.host !== null && p.host === secondary.host) || (p.ip !== null && p.ip === secondary.ip);
  if (!same) return p;
  return { host: p.host ?? secondary.host ?? null, ip: p.ip ?? secondary.ip ?? null, port: p.port ?? secondary.port ?? null };
}

export function classifyTarget(value: string): Partial<Target> {
  const v = value.replace(/^\[|\]$/g, '').replace(/[.,;:'"]+$/, '');
  if (isIPv4(v) || isIP(v)) return { ip: canonicalIP(v) };
  return { host: v.toLowerCase() };
}
