// Which program printed a paste, from wording only that program uses. Order is the order
// reported. Every pattern is bounded or literal (linear on any line).
const SIGNATURES: [string, RegExp][] = [
  ['etcd', /\betcd(?:ctl|utl|server)?\b|clientv3\/|"caller":"(?:embed|etcdserver|rafthttp)\/|caller="(?:embed|etcdserver|rafthttp)\//i],
  ['prometheus', /\bprometheus\b|scrape_pool=|msg="Scrape failed"|\bservicemonitor\b/i],
  ['envoy', /\benvoy\b|upstream_cluster|response_flags|response_code_details|upstream connect error or disconnect\/reset before headers|OPENSSL_internal/i],
  ['istio', /\bistio(?:d|ctl)?\b|PeerAuthentication|DestinationRule|PassthroughCluster|ISTIO_MUTUAL|spiffe:\/\//i],
  ['nginx', /\bnginx\b|\[(?:error|crit|warn|alert|emerg|info|notice|debug)\] \d+#\d+:|SSL_do_handshake\(\)|while SSL handshaking|ingress-nginx|nginx-ingress|backend_ssl\.go|\bproxy_ssl_/i],
  ['kong', /\bkong\b/i],
  ['apisix', /\bapisix\b|\bopenresty\b|lua-resty|\bcosocket\b|\[lua\]/i],
  ['cert-manager', /cert-manager|cmctl|\bCertificateRequest\b|Issuing certificate as Secret|\bClusterIssuer\b|acme:/i],
  ['kubernetes', /\bkubectl\b|\bkubelet\b|kube-apiserver|\bkubeadm\b|Unable to connect to the server|^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ [\w.-]+:\d+\]|\bNamespace:\s/i],
  ['curl', /\bcurl: \(\d+\)|^\* (?:SSL|TLS|Trying|Connected|ALPN|Server certificate)|\bcurl\b/i],
  ['openssl', /\bopenssl\b|\bs_client\b|SSL routines|verify error:num=|verify return:|:error:[0-9A-F]{8}:|error:[0-9A-F]{8}:/i],
  ['java', /javax\.net\.ssl|sun\.security|java\.security|\bPKIX\b|SSLHandshakeException|\bkeytool\b|okhttp/i],
  ['python', /\bpython\d?\b|\[SSL: [A-Z_]+\]|_ssl\.c:\d+|urllib3|requests\.exceptions|ssl\.SSL\w*Error|Traceback \(most recent call last\)|HTTPSConnectionPool/i],
  ['node', /\bERR_TLS_\w+|\bERR_SSL_\w+|\bnode:(?:internal|_tls|tls)|at TLSSocket|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|\bnode\.js\b|\bnpm ERR!/i],
  ['go', /\bx509: |\btls: |remote error: tls|http: TLS handshake error|\bdial tcp\b|crypto\/(?:tls|x509)|\bGODEBUG\b/i],
];

export function detectSoftware(lines: string[]): string[] {
  // Signatures are checked line by line on at most the first 64 KiB of each line, so one
  // huge line costs no more than it should.
  const found = new Set<string>();
  for (const line of lines) {
    const head = line.length > 65536 ? line.slice(0, 65536) : line;
    for (const [name, re] of SIGNATURES) if (!found.has(name) && re.test(head)) found.add(name);
    if (found.size === SIGNATURES.length) break;
  }
  return SIGNATURES.map(([name]) => name).filter((n) => found.has(n));
}
