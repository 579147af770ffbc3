// Recognising network names in log text: which tokens are IP addresses, which are DNS
// names (and which only look like one: Go files, Java classes, API groups, versions).

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
export const IPV4_SOURCE = `${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}`;
const IPV4_EXACT = new RegExp(`^${IPV4_SOURCE}$`);

export function isIPv4(s: string): boolean {
  return IPV4_EXACT.test(s);
}

/** RFC 4291 text form, with an optional embedded IPv4 tail and zone. */
export function isIPv6(s: string): boolean {
  const text = s.replace(/%[\w.-]{1,32}$/, '');
  if (text.length < 2 || text.length > 45 || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | undefined => {
    if (part === '') return [];
    const g = part.split(':');
    return g.every((x, i) => /^[0-9a-f]{1,4}$/i.test(x) || (i === g.length - 1 && isIPv4(x))) ? g : undefined;
  };
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  if (!head || !tail) return false;
  const count = [...head, ...tail].reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/**
 * The eight 16-bit groups of a valid IPv6 address, in lower-case hex without leading
 * zeros; an embedded IPv4 tail (::ffff:10.0.0.1) becomes its two groups.
 */
export function ipv6Groups(s: string): string[] {
  const text = s.toLowerCase().replace(/%.*$/, '');
  const [head = '', tail] = text.split('::');
  const groups = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ipv4AsGroups(g) : [g])) : [];
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  return [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => g.replace(/^0+(?=.)/, ''));
}

function ipv4AsGroups(v4: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** Canonical IPv6 text (lower case, zero-compressed) so the same address compares equal. */
export function canonicalIP(s: string): string {
  if (!isIPv6(s) || s.includes('.')) return s.toLowerCase();
  const full = ipv6Groups(s);
  // Compress the longest run of zero groups (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && full[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return full.join(':');
  return `${full.slice(0, best).join(':')}::${full.slice(best + bestLen).join(':')}`;
}

// File extensions and words that end dotted tokens in logs without being TLDs.
const NOT_TLD = new Set(
  'go py pyc java js mjs cjs ts rb rs c h cc cpp hpp cs pem crt cer der key csr srl p12 pfx jks json yaml yml toml ini conf cfg log txt md sh so dll exe jar class lua html htm xml sock pid tar gz tgz zip service socket lock old bak tmp crl kubeconfig proto sql png jpg'.split(' '),
);
// Reverse-DNS package names (Java, Kotlin) start with these.
const PACKAGE_ROOTS = new Set(['java', 'javax', 'jdk', 'sun', 'com', 'org', 'net', 'io', 'kotlin', 'android']);

/** Is this dotted token a DNS name (as opposed to a file, class, version, timestamp)? */
export function looksLikeDnsName(token: string): boolean {
  const name = token.replace(/\.$/, '');
  if (name.length > 253 || !name.includes('.')) return false;
  const labels = name.split('.');
  const last = labels[labels.length - 1] as string;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(last)) return false;
  if (NOT_TLD.has(last.toLowerCase())) return false;
  if (/^[A-Z][a-z]/.test(last)) return false; // Title-case: x509.Certificate, tls.Dial
  if (labels.some((l, i) => !(l === '*' && i === 0) && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(l))) return false;
  if (labels.some((l) => /[a-z][A-Z]/.test(l))) return false; // CamelCase: SSLHandshakeException
  if (labels.length >= 3 && PACKAGE_ROOTS.has((labels[0] as string).toLowerCase())) return false;
  return true;
}

// Single-label words that appear before `:<digits>` without being hosts.
const NOT_A_HOST = new Set(
  'http https tcp udp tls error err warn warning info debug line port time ts caller addr address level msg id file at remote local dial get post put read write connect lookup proto rpc code desc target endpoint host server client upstream status num depth errno pid uid timeout retry attempt step'.split(' '),
);

/** A host as written before `:port` or in a URL: IP, DNS name, or a plausible short name. */
export function looksLikeHost(token: string): boolean {
  if (isIP(token)) return true;
  if (token.includes('.')) return looksLikeDnsName(token);
  return /^[a-z][a-z0-9-]{0,62}$/i.test(token) && !NOT_A_HOST.has(token.toLowerCase()) && !/^[A-Z][a-z]/.test(token);
}

export interface HostPort {
  host: string;
  port: number | null;
}

/** Host and port of a URL-ish string, without throwing. Default ports are implied. */
export function parseUrlHost(url: string): HostPort | undefined {
  const m = /^([a-z][a-z0-9+.-]{0,15}):\/\/(?:[^@/\s]{0,256}@)?(\[[0-9a-f:.%\w]{2,60}\]|[^/:\s?#]{1,253})(?::(\d{1,5}))?/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] as string).toLowerCase();
  const host = (m[2] as string).replace(/^\[|\]$/g, '');
  if (!looksLikeHost(host)) return undefined;
  const explicit = m[3] !== undefined ? Number(m[3]) : null;
  const implied: Record<string, number> = { https: 443, wss: 443, http: 80, ws: 80 };
  const port = explicit !== null && explicit <= 65535 ? explicit : (implied[scheme] ?? null);
  return { host: isIP(host) ? canonicalIP(host) : host.toLowerCase(), port };
}
